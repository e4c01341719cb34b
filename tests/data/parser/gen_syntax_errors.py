#!/usr/bin/env python3
"""Regenerates syntax_errors.tsv: what CPython 3.14.2 reports for every invalid snippet.

The snippets are invalid_snippets.txt (records introduced by "### name"), each also wrapped in
a function body (name suffix "@def") so that positions move by a line and four columns, plus a
few byte-level cases built below (name suffix "@bytes"). The reference (tools/oracle) compiles
each with compile(source, '<snippet>', 'exec') and reports the exception type, lineno, offset,
end_lineno, end_offset and message, or "ok", and the warnings issued while compiling.

Output columns (tab-separated; backslash, tab and newline in text escaped as \\\\, \\t, \\n):
name, source (escaped), type, lineno, offset, end_lineno, end_offset, message, warnings.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(REPO, "tools", "oracle"))
import oracle_run  # noqa: E402

# Cases that cannot be typed in a text file: (name, bytes).
BYTE_CASES = [
    ("null_byte", b"x = 1\x00\n"),
    ("nbsp", "x = 1\u00a0+ 2\n".encode()),
    ("invalid_utf8", b"x = '\xff'\n"),
    ("bom_with_latin1_cookie", b"\xef\xbb\xbf# -*- coding: latin-1 -*-\nx = 1\n"),
    ("unknown_encoding_cookie", b"# -*- coding: no-such-codec -*-\nx = 1\n"),
    ("latin1_cookie_ok", b"# -*- coding: latin-1 -*-\nx = '\xe9'\n"),
    ("form_feed_indent", b"if x:\n\x0c    pass\n"),
    ("carriage_returns", b"if x:\r\n    y = (1,\r\n"),
    ("zero_width_space", "x\u200b = 1\n".encode()),
    ("invalid_escape_warning", b"x = '\\d'\n"),
    ("return_in_finally_warning", b"def f():\n    try:\n        pass\n    finally:\n        return 1\n"),
]


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def snippets():
    with open(os.path.join(HERE, "invalid_snippets.txt"), encoding="utf-8") as f:
        text = f.read()
    cases = []
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        cases.append((name.strip(), body))
        wrapped = "def wrapper():\n" + "".join("    " + line if line.strip() else line
                                              for line in body.splitlines(True))
        cases.append((name.strip() + "@def", wrapped))
    return cases


PROGRAM = r'''
import json, sys, warnings
cases = json.loads(sys.stdin.read()) if False else CASES
for name, hexsrc in cases:
    source = bytes.fromhex(hexsrc)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<snippet>", "exec")
            result = ["ok", "", "", "", "", ""]
        except (SyntaxError, ValueError) as e:
            result = [type(e).__name__,
                      str(getattr(e, "lineno", "")), str(getattr(e, "offset", "")),
                      str(getattr(e, "end_lineno", "")), str(getattr(e, "end_offset", "")),
                      getattr(e, "msg", None) or str(e)]
    ws = " | ".join("%s:%s:%s" % (w.category.__name__, w.lineno, w.message) for w in caught)
    print(json.dumps([name] + result + [ws]))
'''


def reference_rows(cases, batch_name):
    """The TSV rows of (name, source bytes) cases: the outcome under the reference CPython."""
    program = PROGRAM.replace("CASES", repr([(n, b.hex()) for n, b in cases]))
    stdout = oracle_run.run_source(program, batch_name)
    sources = dict(cases)
    rows = []
    for line in stdout.splitlines():
        name, typ, lineno, offset, end_lineno, end_offset, msg, ws = json.loads(line)
        source = sources[name].decode("utf-8", "surrogateescape")
        rows.append("\t".join([name, escape(source), typ, lineno, offset, end_lineno, end_offset,
                               escape(msg), escape(ws)]))
    return rows


def main():
    cases = [(n, s.encode("utf-8")) for n, s in snippets()]
    cases += [(n + "@bytes", b) for n, b in BYTE_CASES]
    rows = reference_rows(cases, "syntax")
    with open(os.path.join(HERE, "syntax_errors.tsv"), "w", encoding="utf-8",
              errors="surrogateescape") as f:
        f.write("# name\tsource\ttype\tlineno\toffset\tend_lineno\tend_offset\tmessage\twarnings"
                " -- written by gen_syntax_errors.py from CPython 3.14.2\n")
        f.write("\n".join(rows) + "\n")
    errors = sum(1 for r in rows if r.split("\t")[2] != "ok")
    print("%d cases, %d raise" % (len(rows), errors))


if __name__ == "__main__":
    main()
