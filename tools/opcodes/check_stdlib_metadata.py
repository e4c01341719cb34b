#!/usr/bin/env python3
"""Checks that tools/opcodes/instructions.def agrees with Lib/_opcode_metadata.py.

    python3 tools/opcodes/check_stdlib_metadata.py build/release/lib/python3.14/_opcode_metadata.py

The standard library's _opcode_metadata.py is what dis and opcode read; its opmap,
_specializations, _specialized_opmap, HAVE_ARGUMENT and MIN_INSTRUMENTED_OPCODE must be the
instruction set described here (and generated into src/compile).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_opcodes  # noqa: E402


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    ns = {}
    with open(sys.argv[1]) as f:
        exec(f.read(), ns)
    instrs, families, constants = gen_opcodes.parse(gen_opcodes.DEF)
    opmap = {i.name: i.num for i in instrs if i.kind != "spec"}
    specialized = {i.name: i.num for i in instrs if i.kind == "spec"}
    specs = {head: members for head, members in families}
    problems = []
    if ns["opmap"] != opmap:
        problems.append("opmap differs: " + str(set(ns["opmap"].items()) ^ set(opmap.items())))
    if ns["_specialized_opmap"] != specialized:
        problems.append("_specialized_opmap differs")
    if ns["_specializations"] != specs or list(ns["_specializations"]) != list(specs):
        problems.append("_specializations differ")
    for k in ("HAVE_ARGUMENT", "MIN_INSTRUMENTED_OPCODE"):
        if ns[k] != constants[k]:
            problems.append(f"{k}: {ns[k]} != {constants[k]}")
    for p in problems:
        print(p)
    print(f"{len(opmap)} opcodes, {len(specialized)} specialized, {len(specs)} families: "
          + ("differ" if problems else "agree"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
