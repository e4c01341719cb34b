# _opcode: the instruction metadata, and dis over it.
import _opcode

print(sorted(n for n in dir(_opcode) if not n.startswith('__')))
print(_opcode.get_intrinsic1_descs())
print(_opcode.get_intrinsic2_descs())
print(_opcode.get_special_method_names())
print(_opcode.get_nb_ops())
print(_opcode.get_specialization_stats(), _opcode.ENABLE_SPECIALIZATION,
      _opcode.ENABLE_SPECIALIZATION_FT)
rows = []
for op in range(-1, 270):
    flags = [f(op) for f in (_opcode.is_valid, _opcode.has_arg, _opcode.has_const,
                             _opcode.has_name, _opcode.has_jump, _opcode.has_free,
                             _opcode.has_local, _opcode.has_exc)]
    effects = []
    for oparg in (None, 0, 1, 3, 8):
        for jump in (None, True, False):
            try:
                effects.append(_opcode.stack_effect(op, oparg, jump=jump))
            except ValueError:
                effects.append('x')
    rows.append((op, ''.join('1' if f else '0' for f in flags), effects))
for row in rows:
    print(*row)
for expr in ['_opcode.stack_effect(1, jump=2)', '_opcode.stack_effect("a")',
             '_opcode.is_valid(opcode=1)', "_opcode.get_executor(compile('1','','eval'), 0)",
             '_opcode.get_executor(1, 0)']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)

import dis
import opcode
print(len(opcode.opmap), opcode.opname[1], opcode.HAVE_ARGUMENT, len(opcode.hasjump),
      opcode.stack_effect(opcode.opmap['BUILD_LIST'], 3))
dis.dis(compile('x = [a + b * 2 for a in range(3) if a]\nprint(x[1:], -x[0])', '<s>', 'exec'))
