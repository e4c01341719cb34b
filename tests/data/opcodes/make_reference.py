# Run under the reference (CPython 3.14.2 in pyodide):
#   node tools/oracle/oracle.mjs --run tests/data/opcodes/make_reference.py > tests/data/opcodes/reference.txt
# Records the instruction set tables and the answers of _opcode.stack_effect / has_* that
# tests/unit/compile_opcodes_test.cpp compares with src/compile/opcode_metadata.cpp's tables.
import sys
import _opcode
import opcode
import _opcode_metadata as meta

OPARGS = list(range(0, 20)) + [31, 32, 33, 63, 64, 127, 128, 255, 256, 257, 1000, 65535]


def effect(op, oparg, jump):
    try:
        if oparg is None:
            return _opcode.stack_effect(op, jump=jump)
        return _opcode.stack_effect(op, oparg, jump=jump)
    except ValueError:
        return None


def main():
    print("# Written by tests/data/opcodes/make_reference.py under CPython", sys.version.split()[0])
    print("const HAVE_ARGUMENT", meta.HAVE_ARGUMENT)
    print("const MIN_INSTRUMENTED_OPCODE", meta.MIN_INSTRUMENTED_OPCODE)
    for name, op in sorted(meta.opmap.items(), key=lambda kv: kv[1]):
        print("opmap", name, op)
    for name, op in sorted(meta._specialized_opmap.items(), key=lambda kv: kv[1]):
        print("specialized", name, op)
    for head, members in meta._specializations.items():
        print("family", head, *members)
    for name, n in opcode._inline_cache_entries.items():
        print("caches", name, n)
    for name in ("has_arg", "has_const", "has_name", "has_jump", "has_free", "has_local",
                 "has_exc", "is_valid"):
        fn = getattr(_opcode, name)
        print("pred", name, *[op for op in range(0, 300) if fn(op)])
    print("opargs", *OPARGS)
    # One line per opcode and jump mode: the effect without oparg, then for each of OPARGS;
    # 'x' where the reference raised ValueError.
    for name, op in sorted(meta.opmap.items(), key=lambda kv: kv[1]):
        for jump, key in ((None, "any"), (True, "jump"), (False, "nojump")):
            row = [effect(op, None, jump)] + [effect(op, a, jump) for a in OPARGS]
            print("effect", op, key, *["x" if v is None else v for v in row])
    for name, op in sorted(meta._specialized_opmap.items(), key=lambda kv: kv[1]):
        row = [effect(op, None, None)] + [effect(op, a, None) for a in OPARGS]
        print("effect", op, "any", *["x" if v is None else v for v in row])


main()
