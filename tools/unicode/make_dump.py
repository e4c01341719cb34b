#!/usr/bin/env python3
"""Runs dump_ucd.py on the reference interpreter and writes the dump (xz-compressed).

    python3 tools/unicode/make_dump.py [-o tests/data/unicode/ucd_dump.txt.xz]
    python3 tools/unicode/make_dump.py --check    the committed dump is what the reference says

The formal aliases and named sequences (name_aliases.txt, named_sequences.txt) are appended to
the script so that the reference checks each of them with unicodedata.lookup."""
import argparse, lzma, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def read_table(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(line.split(";"))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", default=os.path.join(REPO, "tests/data/unicode/ucd_dump.txt.xz"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    with open(os.path.join(HERE, "dump_ucd.py"), encoding="utf-8") as f:
        source = f.read()
    aliases = [(int(cp, 16), alias) for cp, alias, _ in read_table("name_aliases.txt")]
    seqs = [(name, [int(x, 16) for x in cps.split()]) for name, cps in read_table("named_sequences.txt")]
    source += "\nALIASES = %r\nNAMED_SEQUENCES = %r\nmain()\n" % (aliases, seqs)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as tmp:
        tmp.write(source)
    try:
        res = subprocess.run(["node", os.path.join(REPO, "tools/oracle/oracle.mjs"), "--run", tmp.name],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(tmp.name)
    text = res.stdout
    errors = [l for l in text.splitlines() if l.startswith("E ") or l.startswith("--- ")]
    if errors:
        sys.exit("reference reported:\n" + "\n".join(errors[:20]))
    if args.check:
        with lzma.open(args.o, "rt", encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("%s differs from the reference: run make_dump.py" % args.o)
        print("the dump agrees with the reference")
        return
    with lzma.open(args.o, "wt", encoding="utf-8", preset=9) as f:
        f.write(text)
    print("wrote %s (%d lines)" % (args.o, text.count("\n")))


if __name__ == "__main__":
    main()
