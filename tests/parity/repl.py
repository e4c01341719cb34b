#!/usr/bin/env python3
"""The interactive prompt read through the tokenizer (Parser/tokenizer/file_tokenizer.c's
tok_underflow_interactive, Python/pythonrun.c's PyRun_InteractiveOneObjectEx): what the basic
REPL prints for a given input: its prompts, when a syntax error is reported, blank lines
ending compound statements, end of file inside a statement, tracebacks with the inputs'
lines, future features carried from one input to the next.

Each case is the input of a REPL. The expected output comes from the reference, CPython 3.14.2
in pyodide, which has no terminal: --generate runs there a program that calls the real
interactive loop through ctypes (PyRun_InteractiveLoopFlags on an fopen()ed file holding the
input), with file descriptors 1 and 2 sent to one file, as `2>&1` does, and sys.stdout block
buffered as on a pipe. --cppy runs `cppy -q -i` with the input on a pipe and its stdout and
stderr on one pipe, and compares.

    repl.py --generate     write tests/data/parser/repl.expected
    repl.py --check        fail if the reference's output differs from the file
    repl.py --cppy CPPY    run the cases with cppy, fail on any difference

The "stdin:" cases are programs piped to `cppy -` (PyRun_SimpleFileExFlags with "<stdin>" in
the reference).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPECTED = os.path.join(ROOT, "tests", "data", "parser", "repl.expected")
sys.path.insert(0, os.path.join(ROOT, "tools", "oracle"))

CASES = [
    # First: the inputs' code names count from 0 in the process (interp->_interactive_src_count),
    # an empty line and a comment are inputs too, a syntax error is not.
    ("code_names", b"import sys\n\n# a comment\nprint(sys._getframe().f_code.co_filename)\n"
                   b"x = )\nprint(sys._getframe().f_code.co_filename)\n"),
    # A syntax error is reported on its line, without waiting for the block to end; the rest
    # of the block is read as new inputs.
    ("error_in_block", b"x = 1\nif x:\n    y = )\n    z = 2\n\nprint('after', x)\n"),
    ("error_first_line", b"1 +\nprint('next')\n"),
    ("invalid_in_def", b"def f():\n    return 1 +\n    pass\n\nprint('next')\n"),
    # Blank lines end compound statements; a one-line compound statement waits for one too.
    ("compound_blank", b"for i in range(2):\n    print(i)\n\nif 1: print('one line')\n\n"
                       b"print('done')\n"),
    ("compound_then_code", b"if 1:\n    pass\nprint('lost')\nprint('kept')\n"),
    ("nested_blocks", b"def f(n):\n    if n:\n        return 'yes'\n    return 'no'\n\n"
                      b"print(f(1), f(0))\n"),
    ("decorator_class", b"@staticmethod\ndef g(): pass\n\nclass C:\n    x = 1\n\n    y = 2\n\n"
                        b"print(C.x)\n"),
    ("match_soft_keyword", b"match = 3\nmatch match:\n    case 3:\n        print('three')\n\n"),
    ("try_except", b"try:\n    1/0\nexcept ZeroDivisionError:\n    print('caught')\n\n"),
    # Continuation lines: open brackets, backslashes, triple-quoted strings.
    ("brackets", b"x = (1,\n     2,\n\n     3)\nprint(x)\n"),
    ("backslash", b"y = 1 + \\\n    2\nprint(y)\n"),
    ("triple_quoted", b"s = '''a\n\nb'''\nprint(repr(s))\n"),
    ("fstring_multiline", b"v = 2\nprint(f'''{\nv\n*3}''')\n"),
    # Several statements on one line, and what single input refuses.
    ("semicolons", b"a = 1; b = 2; print(a + b)\n"),
    ("two_statements", b"x = 1\ny = 2\nprint(x, y)\n"),
    # Expression statements print their values (sys.displayhook), None does not.
    ("displayhook", b"1 + 1\nNone\n'text'\n_\n"),
    # Tracebacks show the inputs' lines.
    ("traceback", b"def f():\n    return 1/0\n\nf()\nprint('after')\n"),
    ("traceback_nested", b"def g(x):\n    return x.missing\n\n\ndef h():\n    return g(1)\n\n"
                         b"h()\n"),
    # Errors of the tokenizer and of the compiler.
    ("indentation", b"  x = 1\nif 1:\nprint(2)\n"),
    ("unclosed_at_eof", b"x = [1,\n2"),
    ("unterminated_string", b"s = 'abc\nprint(1)\n"),
    ("unterminated_triple_at_eof", b"s = '''abc\n"),
    ("compile_errors", b"return 5\nnonlocal q\ndef f():\n    x = 1\n    global x\n\nprint('ok')\n"),
    ("tab_error", b"if 1:\n\tx = 1\n        y = 2\n\n"),
    ("dedent_mismatch", b"if 1:\n    if 1:\n        x = 1\n      y = 2\n"),
    # Future features carried to later inputs.
    ("future_annotations", b"from __future__ import annotations\ndef f(x: undefined) -> int: pass\n"
                           b"\nprint(f.__annotations__)\n"),
    ("future_barry", b"from __future__ import barry_as_FLUFL\nprint(1 <> 2)\n"),
    ("future_late", b"x = 1\nfrom __future__ import annotations\n"),
    # End of file: a last line without newline, inside a block, inside brackets.
    ("eof_no_newline", b"print('last')"),
    ("eof_in_block", b"if 1:\n    print('ran')\n"),
    ("eof_in_block_no_newline", b"for i in range(2):\n    print(i)"),
    # Prompts: sys.ps1 and sys.ps2 are read (str()) for every input.
    ("prompts", b"import sys\nsys.ps1 = 'A> '\nsys.ps2 = 'B> '\nif 1:\n    pass\n\n"
                b"class P:\n    n = 0\n    def __str__(self):\n        P.n += 1\n"
                b"        return '[%d] ' % P.n\n\nsys.ps1 = P()\n1\n2\ndel sys.ps2\n(3,\n4)\n"
                b"sys.ps1 = 5\n"),
    # Warnings of the parser and of the compiler.
    ("syntax_warnings", b"x = '\\d'\nprint(x)\nassert (x, 'msg')\nprint(1 is 1)\n"),
    # Exceptions in the input's code, SystemExit under -i.
    ("exceptions", b"raise ValueError('v')\nimport warnings\nwarnings.warn('w')\nprint('end')\n"),
    # Comments and blank lines inside blocks, and a comment line ending nothing.
    ("comments_in_block", b"if 1:\n    # comment\n\n    print('not reached?')\n\nprint('x')\n"),
    ("crlf_input", b"x = 1\r\nif x:\r\n    print('crlf')\r\n\r\n"),
    # Long inputs: a string and a backslash continuation over hundreds of lines grow the
    # tokenizer's buffer while a token is open.
    ("long_string", b"s = '''" + b"".join(b"line %d %s\n" % (i, b"x" * (i * 7 % 300))
                                           for i in range(300)) +
                    b"'''\nprint(len(s), s.count('\\n'))\n"),
    ("long_backslash", b"t = 0" + b"".join(b" + \\\n  %d" % i for i in range(400)) +
                       b"\nprint(t)\n"),
    ("fstring_debug", b"a = 5\nprint(f'''{\na\n=}''')\nprint(f'{a=}')\n"),
    # Errors found by the second pass, which reads no more lines.
    ("missing_parens", b"print 'hello'\nprint('ok')\n"),
    ("bad_def", b"def f(:\n    pass\n\nprint('ok')\n"),
    ("await_top", b"await x\nasync def g():\n    await x\n\nprint('ok')\n"),
    ("else_alone", b"else:\n    pass\n\nprint(1)\n"),
    ("decorated_error", b"@dec\nx = 1\nprint('z')\n"),
    ("nul_byte", b"x = 1\x00\nprint('after')\n"),
    ("unicode", "s = 'h\u00e9llo w\u00f6rld'\nprint(s, len(s))\nprint(\u00fcn\u00ef)\n".encode()),
    ("one_line_if_else", b"x = 1\nif x: pass\nelse: pass\n\n"),
    ("empty_lines", b"\n\n\nprint('x')\n\n"),
    ("indented_comment_first", b"    # comment\nprint('y')\n"),
    ("lambda_multi", b"f = (lambda x:\n     x + 1)\nprint(f(1))\n"),
    ("class_blank_inside", b"class A:\n    def f(self):\n        return 1\n\n    def g(self):\n"
                           b"        return 2\n\nprint(A().f())\n"),
    ("dict_display", b"d = {\n 'a': 1,\n 'b': [1,\n 2],\n}\nd\n"),
    ("type_stmt", b"type X = int\nprint(X.__value__)\n"),
    ("string_backslash_newline", b"s = 'abc\\\ndef'\nprint(s)\n"),
]

# A program read from a pipe (`cppy -`, the file tokenizer with the name "<stdin>"): CPython's
# tokenizer then keeps the lines it read as at the prompt (fp_interactive), and the
# SyntaxError's _metadata carries them for traceback's keyword typo suggestion. Named
# "stdin:..." cases: PyRun_SimpleFileExFlags(fp, "<stdin>") in the reference, `cppy -` here.
STDIN_CASES = [
    ("stdin:typo", b"x = 1\nimprot os\n"),
    ("stdin:typo_in_block", b"def f():\n    x = 1\n    retrun x\n"),
    ("stdin:unclosed", b"def f():\n  x = (1,\n  2\ny = 3\n"),
    ("stdin:indent", b"if 1:\n  x = 1\n   y = 2\n"),
]

REFERENCE_PROGRAM = '''import ctypes, io, os, sys
def _main():
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    libc.fflush.argtypes = [ctypes.c_void_p]
    loop = ctypes.pythonapi.PyRun_InteractiveLoopFlags
    loop.restype = ctypes.c_int
    loop.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    simple = ctypes.pythonapi.PyRun_SimpleFileExFlags
    simple.restype = ctypes.c_int
    simple.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
    main = sys.modules["__main__"]
    saved_main = dict(main.__dict__)
    real_stdout, real_stderr = sys.stdout, sys.stderr
    cases = %r
    where = %r
    os.makedirs(where, exist_ok=True)
    results = []
    for name, data in cases:
        path = os.path.join(where, name.replace(":", "_") + ".in")
        with open(path, "wb") as f:
            f.write(data)
        out_path = os.path.join(where, name.replace(":", "_") + ".out")
        out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        real_stdout.flush()
        real_stderr.flush()
        s1, s2 = os.dup(1), os.dup(2)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.close(out)
        # As on a pipe: stdout block buffered, stderr line buffered.
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)),
                                      encoding="utf-8", errors="strict")
        sys.stderr = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
                                      encoding="utf-8", errors="backslashreplace",
                                      line_buffering=True)
        sys.ps1, sys.ps2 = ">>> ", "... "
        fp = libc.fopen(path.encode(), b"rb")
        if name.startswith("stdin:"):
            simple(fp, b"<stdin>", 0, None)
        else:
            loop(fp, b"<stdin>", None)
        libc.fclose(fp)
        sys.stdout.flush()
        sys.stderr.flush()
        libc.fflush(None)
        sys.stdout, sys.stderr = real_stdout, real_stderr
        os.dup2(s1, 1)
        os.dup2(s2, 2)
        os.close(s1)
        os.close(s2)
        main.__dict__.clear()
        main.__dict__.update(saved_main)
        with open(out_path, encoding="utf-8", errors="backslashreplace") as f:
            results.append((name, f.read()))
    for name, text in results:
        print("==", name)
        print(text, end="")
_main()
'''


def reference_output():
    import oracle_run
    where = "/tmp/repl_cases"
    return oracle_run.run_source(REFERENCE_PROGRAM % (CASES + STDIN_CASES, where), "repl")


def cppy_output(cppy):
    tmp = tempfile.mkdtemp()
    try:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", HOME=tmp,
                   TERM="dumb", PYTHON_BASIC_REPL="1")
        for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONINSPECT"):
            env.pop(var, None)
        out = []
        for name, data in CASES + STDIN_CASES:
            args = [cppy, "-"] if name.startswith("stdin:") else [cppy, "-q", "-i"]
            proc = subprocess.run(args, input=data, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, env=env, cwd=tmp, timeout=60)
            out.append("== %s\n" % name)
            out.append(proc.stdout.decode("utf-8", "backslashreplace"))
        return "".join(out)
    finally:
        shutil.rmtree(tmp)


def normalize(case, index):
    return case if index == 0 else re.sub(r"<stdin-\d+>", "<stdin-N>", case)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--generate", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--cppy")
    args = ap.parse_args()
    if args.generate or args.check:
        got = reference_output()
        if args.generate:
            with open(EXPECTED, "w", encoding="utf-8") as f:
                f.write(got)
            return 0
        with open(EXPECTED, encoding="utf-8") as f:
            if f.read() != got:
                print("tests/data/parser/repl.expected differs from the reference")
                return 1
        return 0
    with open(EXPECTED, encoding="utf-8") as f:
        expected = f.read()
    got = cppy_output(os.path.abspath(args.cppy))
    # The reference runs every case in one process, where the inputs' count goes on from
    # case to case: past the first case, "<stdin-N>" names are compared without N.
    exp_cases = [normalize(c, i) for i, c in enumerate(expected.split("\n== "))]
    got_cases = [normalize(c, i) for i, c in enumerate(got.split("\n== "))]
    expected = "\n== ".join(exp_cases)
    got = "\n== ".join(got_cases)
    same = sum(1 for a, b in zip(exp_cases, got_cases) if a == b)
    status = 0
    if got != expected:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True),
                                                   got.splitlines(True), "reference", "cppy"))
        status = 1
    print("repl: %d/%d cases as the reference" % (same, len(CASES) + len(STDIN_CASES)))
    return status


if __name__ == "__main__":
    sys.exit(main())
