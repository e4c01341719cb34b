#!/usr/bin/env python3
"""dis.dis() parity of cppy with CPython 3.14.2 on tests/data/compile/dis_corpus.py.

    dis_parity.py CPPY [--show N]

Runs on cppy the program tools/parity/make_dis_reference.py ran on the reference (every unit
of the corpus compiled on its own, every code object disassembled with dis.dis, then the
opcode coverage) and compares its output with tests/data/compile/dis_corpus.expected, code
object by code object. Prints "M/N code objects identical"; fails on any difference (the
coverage section included).
"""
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tools", "parity"))
import make_dis_reference  # noqa: E402


def sections(text):
    """{header line: body} for each "=== " section, in order."""
    out = []
    for chunk in ("\n" + text).split("\n=== ")[1:]:
        header, _, body = chunk.partition("\n")
        out.append((header, body))
    return out


def main():
    args = sys.argv[1:]
    show = 0
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    make_dis_reference.check()
    with open(make_dis_reference.CORPUS, encoding="utf-8") as f:
        source = f.read()
    program = "CORPUS_SOURCE = %r\n" % source + make_dis_reference.DRIVER
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "dis_parity_run.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(program)
        proc = subprocess.run([args[0], "-I", path], capture_output=True, text=True,
                              timeout=600)
    with open(make_dis_reference.EXPECTED, encoding="utf-8") as f:
        expected = sections(f.read().split("\n", 1)[1])
    got = dict(sections(proc.stdout))
    identical = 0
    for header, body in expected:
        if got.get(header) == body:
            identical += 1
        elif show > 0:
            show -= 1
            print("=== " + header)
            mine = (got.get(header) or "(missing)\n").splitlines()
            for a, b in zip(body.splitlines() + [""] * len(mine), mine + [""] * len(body)):
                if a != b:
                    print("  expected %r\n  got      %r" % (a, b))
                    break
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
    print("%d/%d code objects identical (coverage section included)" % (identical, len(expected)))
    if identical != len(expected) or proc.returncode != 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
