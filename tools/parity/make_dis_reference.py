#!/usr/bin/env python3
"""Regenerates tests/data/compile/dis_corpus.expected from the reference CPython 3.14.2.

tests/data/compile/dis_corpus.py is split into units at its "# %% NAME" lines. The reference
compiles each unit on its own, as a module named dis_corpus.py whose lines keep their numbers
in the corpus file, and disassembles every code object of the unit (the module code first,
then the code objects among its constants, depth first) with dis.dis(depth=0,
show_caches=False). Addresses in code-object reprs are replaced by "0x?" so the text does not
depend on the run. The file ends with the opcodes the corpus reaches and, checked against
dis.opmap, those it does not reach, by kind (pseudo-instructions, instrumented forms and the
rest). cppy's compiler-parity test disassembles the same units and compares.

    python3 tools/parity/make_dis_reference.py           # regenerate (runs tools/oracle)
    python3 tools/parity/make_dis_reference.py --check   # the corpus is the one recorded
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(REPO, "tests", "data", "compile", "dis_corpus.py")
EXPECTED = os.path.join(REPO, "tests", "data", "compile", "dis_corpus.expected")
HEADER = "# dis_corpus.expected: written by tools/parity/make_dis_reference.py; corpus sha256 "

# The program run by the reference; CORPUS_SOURCE is defined before it.
DRIVER = r'''
import dis, io, re, sys

def units(source):
    """(name, first line, text) for each "# %% NAME" unit of the corpus."""
    found = []
    lines = source.splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        if line.startswith('# %% '):
            found.append([line[5:].strip(), number, []])
        elif found:
            found[-1][2].append(line)
    return [(name, start, ''.join(body)) for name, start, body in found]

def code_objects(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, 'co_code'):
            yield from code_objects(const)

compile(CORPUS_SOURCE, 'dis_corpus.py', 'exec')  # the whole file is valid Python too
covered = set()
out = []
count = 0
for name, start, text in units(CORPUS_SOURCE):
    # Blank lines in front keep each unit's line numbers those of the corpus file.
    module = compile('\n' * start + text, 'dis_corpus.py', 'exec')
    for code in code_objects(module):
        count += 1
        buf = io.StringIO()
        dis.dis(code, file=buf, depth=0, show_caches=False)
        text_out = re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x?', buf.getvalue())
        out.append('=== %s: %s (line %d)\n' % (name, code.co_qualname, code.co_firstlineno))
        out.append(text_out)
        for instr in dis.get_instructions(code):
            covered.add(instr.opname)
never = {
    'CACHE': 'inline cache entry, not an instruction',
    'RESERVED': 'reserved opcode number',
    'ENTER_EXECUTOR': 'placed by the tier-2 optimizer at run time',
    'INTERPRETER_EXIT': 'only in the interpreter\'s entry trampoline',
    'EXIT_INIT_CHECK': 'only in the __init__ shim of specialized calls',
}
pseudo = sorted(n for n, op in dis.opmap.items() if op >= 256)
instrumented = sorted(n for n in dis.opmap if n.startswith('INSTRUMENTED_'))
missing = sorted(n for n, op in dis.opmap.items()
                 if op < 256 and not n.startswith('INSTRUMENTED_') and n not in covered)
out.append('=== coverage\n')
out.append('code objects: %d\n' % count)
out.append('reached (%d): %s\n' % (len(covered), ' '.join(sorted(covered))))
out.append('pseudo-instructions, never in final bytecode (%d): %s\n' % (len(pseudo), ' '.join(pseudo)))
out.append('instrumented forms, placed by sys.monitoring (%d): %s\n'
           % (len(instrumented), ' '.join(instrumented)))
for n in missing:
    out.append('not reached: %s (%s)\n' % (n, never.get(n, 'NOT EXPLAINED: extend the corpus')))
sys.stdout.write(''.join(out))
'''


def corpus_digest():
    with open(CORPUS, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check():
    with open(EXPECTED, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    recorded = first[len(HEADER):] if first.startswith(HEADER) else None
    if recorded != corpus_digest():
        sys.exit("dis_corpus.expected was not generated from the current dis_corpus.py: "
                 "run python3 tools/parity/make_dis_reference.py")
    print("dis_corpus.expected matches dis_corpus.py")


def main():
    if sys.argv[1:] == ["--check"]:
        check()
        return
    with open(CORPUS, encoding="utf-8") as f:
        source = f.read()
    program = "CORPUS_SOURCE = %r\n" % source + DRIVER
    with tempfile.TemporaryDirectory() as tmp:
        batch_in = os.path.join(tmp, "in.json")
        batch_out = os.path.join(tmp, "out.json")
        with open(batch_in, "w", encoding="utf-8") as f:
            json.dump([{"name": "dis_corpus", "source": program}], f)
        subprocess.run(["node", os.path.join(REPO, "tools", "oracle", "oracle.mjs"), "--batch",
                        batch_in, batch_out], check=True)
        with open(batch_out, encoding="utf-8") as f:
            result = json.load(f)[0]
    if result["status"] != 0 or result["stderr"]:
        sys.stderr.write(result["stderr"])
        sys.exit("the reference failed")
    with open(EXPECTED, "w", encoding="utf-8") as f:
        f.write(HEADER + corpus_digest() + "\n")
        f.write(result["stdout"])
    tail = result["stdout"][result["stdout"].index("=== coverage\n"):]
    sys.stdout.write(tail)


if __name__ == "__main__":
    main()
