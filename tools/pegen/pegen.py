#!/usr/bin/env python3
"""cppy's PEG parser generator: grammar (.gram) + token list -> C++ parser.

  pegen.py GRAMMAR TOKENS -o OUTPUT.cpp

TOKENS is a token description in the format of tools/tokens/Tokens: one token per line, a
name and, for operators, the quoted string ("LPAR '('"). See grammar.py for the .gram format
and cpp_generator.py for the runtime the output calls.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from analysis import Desugarer, compute_left_recursion, compute_nullable  # noqa: E402
from cpp_generator import CppGenerator  # noqa: E402
from grammar import parse_grammar  # noqa: E402


def read_tokens(path):
    operators = {}
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            names.add(parts[0])
            if len(parts) > 1:
                operators[parts[1]] = parts[0]
    return operators, names


def generate(grammar_path, tokens_path):
    with open(grammar_path, encoding="utf-8") as f:
        grammar = parse_grammar(f.read())
    Desugarer(grammar).run()
    compute_nullable(grammar)
    compute_left_recursion(grammar)
    operators, names = read_tokens(tokens_path)
    gen = CppGenerator(grammar, operators, names, os.path.basename(grammar_path))
    return gen.generate()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("grammar")
    ap.add_argument("tokens")
    ap.add_argument("-o", "--output")
    ap.add_argument("--check", metavar="FILE",
                    help="fail unless FILE is what the grammar generates (committed output)")
    args = ap.parse_args()
    text = generate(args.grammar, args.tokens)
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("%s is out of date: rerun tools/pegen/pegen.py" % args.check)
        return
    if not args.output:
        ap.error("-o/--output or --check is required")
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
