# Object-model parity probe (issue 4): each line is one call, printed with its result or
# its exception type and message, compared with CPython 3.14.2.
import re, sys
_addr = re.compile(r'0x[0-9a-fA-F]+')
def _fmt(r):
    try:
        if type(r) in (set, frozenset):  # string hashes differ between 32 and 64 bits
            s = '%s{%s}' % (type(r).__name__, ', '.join(sorted(map(repr, r))))
        else:
            s = repr(r)
    except BaseException as e:
        s = '<repr failed %s>' % type(e).__name__
    s = _addr.sub('0x?', s)
    if len(s) > 160: s = s[:160] + '...'
    return s
def _call(f, a, k):
    try:
        return _fmt(f(*a, **k))
    except BaseException as e:
        return '!! %s: %s' % (type(e).__name__, _addr.sub('0x?', str(e))[:200])
ARGSETS = [((), {}), ((None,), {}), (('x',), {}), ((1.5,), {}), ((-1,), {}), ((2**100,), {}),
           ((True,), {}), ((0, 0), {}), ((1, 2, 3, 4, 5), {}), ((), {'x': 1})]
SKIP = {'__sizeof__', '__hash__', '__globals__', '__builtins__', '_co_code_adaptive', 'co_lines', 'co_positions', 'co_branches', '__getattribute__', '__init_subclass__', '__subclasshook__',
        '__dir__', '__class__', '__doc__', '__new__', '__reduce__', '__delattr__', '__setattr__'}
def sweep(label, make, names=None, skip=()):
    obj = make()
    for name in sorted(names or dir(obj)):
        if name in SKIP: continue
        try:
            attr = getattr(obj, name)
        except BaseException as e:
            print(label, name, 'getattr !!', type(e).__name__); continue
        if not callable(attr):
            print(label, name, '=', _fmt(attr)); continue
        for a, k in ARGSETS:
            if (name, a) in skip: continue
            o = make()
            f = getattr(o, name)
            print(label, name, _fmt(a), k or '', _call(f, a, k))
def p(src, g=None):
    g = g if g is not None else sys._getframe(1).f_globals
    try:
        r = _fmt(eval(src, g))
    except BaseException as e:
        r = '!! %s: %s' % (type(e).__name__, _addr.sub('0x?', str(e))[:200])
    print(src, '->', r)
# sequence repeat: slot wrappers vs operators
for src in ["'ab'.__mul__('x')", "'ab'.__rmul__('x')", "[1].__mul__('x')", "[1].__rmul__(1.5)",
            "(1,).__mul__('x')", "(1,).__rmul__(None)", "b'a'.__mul__('x')", "b'a'.__rmul__('x')",
            "bytearray(b'a').__mul__('x')", "bytearray(b'a').__rmul__('x')", "bytearray(b'a').__imul__('x')",
            "[1].__imul__('x')", "[1].__imul__(2)", "'ab' * 'x'", "'x' * 'ab'", "[] * 1.5", "1.5 * []",
            "(1,) * None", "b'a' * 1.5", "bytearray() * 1.5", "'ab'.__mul__(2**100)", "'ab'.__mul__(-2**100)",
            "[1] * 2**100", "'a'.__mul__(True)", "'a'.__mul__()", "'a'.__mul__(1, 2)", "str.__mul__(1, 2)",
            "list.__mul__([1], 3)", "list.__imul__((), 3)", "tuple.__rmul__((1,), 2)",
            "memoryview(b'a') * 2", "range(3) * 2", "'ab'.__mul__(x=2)"]:
    p(src)
class I:
    def __index__(self): return 2
class BadI:
    def __index__(self): return 'x'
class BigI:
    def __index__(self): return 2**100
p("'ab' * I()"); p("'ab'.__mul__(I())"); p("'ab' * BadI()"); p("'ab'.__mul__(BadI())"); p("[0] * BigI()")
p("[1] * -1"); p("'ab'.__mul__(-5)")
def l():
    x = [1]; x *= 'a'; return x
p("l()")
def l2():
    x = (1,); x *= 1.5; return x
p("l2()")
# binary operators on wrong types: exact messages
for src in ["1 + 'a'", "'a' + 1", "[] + ()", "() + []", "{} + {}", "{1} + {2}", "1 < 'a'", "'a' < 1",
            "[] < ()", "None < None", "object() < object()", "1j < 1j", "{} < {}", "{1} < [1]",
            "b'a' < 'a'", "b'a' == 'a'", "1 @ 2", "'a' - 'b'", "-'a'", "~1.5", "+[]", "abs('a')",
            "divmod('a', 1)", "pow(2, 3, 'a')", "pow(2.0, 3, 5)", "pow('a', 2)", "2 ** 'a'", "1 // 0",
            "1 % 0", "1.0 // 0", "1.0 % 0.0", "divmod(1, 0)", "divmod(1.0, 0)", "1 / 0", "1.0 / 0",
            "0 ** -1", "0.0 ** -1", "(-8) ** (1/3)", "1j // 1", "1j % 1", "divmod(1j, 1)", "1 << -1",
            "1 >> -1", "1 << 2**100", "1.5 & 1", "[] & []", "{1} & [1]", "{1} | 'a'", "{1: 2} | [1]",
            "'%d' % 'x'", "'%s %s' % (1,)", "'%s' % (1, 2)", "'%(a)s' % 1", "'%z' % 1", "b'%d' % b'x'",
            "'%c' % 1.5", "'%c' % 'ab'", "'%c' % -1", "'%c' % 0x110000", "'%x' % 1.5", "'%*d' % ('a', 1)",
            "'%.*f' % ('a', 1.0)", "b'%s' % 'x'", "b'%c' % 256", "'{0}{1}'.format(1)", "'{a}'.format(1)",
            "'{'.format(1)", "'}'.format(1)", "'{0!x}'.format(1)", "'{:d}'.format('a')", "'{:s}'.format(1)",
            "format(1, 'z')", "format(1.5, 'd')", "format('a', 'd')", "format([], 'x')", "format(object(), 'x')",
            "format(1, ',_')", "format(1j, '=10')", "format(1.5, '=')", "format('a', '=5')", "format(1, '.2')",
            "format(1, 'c')", "format(-1, 'c')", "format(True, 'x')", "format(2**100, 'c')", "format(1.5, '#x')",
            "format(1, '_c')", "format('abc', '.1')", "format(1.5, '.1000f')[:10]", "format(0.0, 'n')",
            "format(1+2j, '')", "format(1+2j, 'g')", "format(1+2j, '010')", "format(1+2j, 'n')",
            "format(12345678, '_x')", "format(12345678, ',b')", "format(12345678, ',x')", "format(1.5, ',%')",
            "format(-0.0, 'z.1f')", "format(1, 'z')", "format('a', 'z')", "object().__format__('x')",
            "object().__format__(1)", "int.__format__(1, 1)", "float.__format__(1.0)"]:
    p(src)
