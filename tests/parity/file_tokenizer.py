#!/usr/bin/env python3
"""The file tokenizer (CPython's Parser/tokenizer/file_tokenizer.c): scripts given as files,
read line by line, after a coding cookie through io.open(fd, encoding).readline.

Each case is a file's bytes, run as a script. The expected results come from the reference,
CPython 3.14.2 in pyodide: it cannot run a script from the command line, so --generate runs
there a program that calls the real file tokenizer through ctypes
(PyRun_FileExFlags on an fopen()ed file) and prints, per case, the program's output and then
the uncaught exception's type and attributes (SyntaxError: msg, lineno, offset, end_lineno,
end_offset, text, filename). --cppy runs each file with cppy (`cppy FILE`) with a
sitecustomize whose sys.excepthook prints the same line, and compares.

One case the reference cannot show (a pipe cannot seek, so fp_setreadl fails: "encoding
problem: X") is compared with the host's python3 (3.11, whose fp_setreadl is the same):
the last line of stderr of `cat FILE | python3 -`.

    file_tokenizer.py --generate     write tests/data/parser/file_tokenizer.expected
    file_tokenizer.py --check        fail if the reference's output differs from the file
    file_tokenizer.py --cppy CPPY    run the cases with cppy, fail on any difference
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPECTED = os.path.join(ROOT, "tests", "data", "parser", "file_tokenizer.expected")
sys.path.insert(0, os.path.join(ROOT, "tools", "oracle"))

BODY = b"".join(b"x%d = %d\n" % (i, i) for i in range(1200))
CRLF_BODY = BODY.replace(b"\n", b"\r\n")

CASES = [
    # No cookie: UTF-8 is checked line by line ("Non-UTF-8 code ... in file F on line N").
    ("nocookie_line3", b"x = 1\ny = 2\nz = '\xff'\n"),
    # The first two lines are checked from tok->buf counted from line 1 (3.14.2 names line 1
    # when the first line was code).
    ("nocookie_line2", b"x = 1\ny = '\xff'\n"),
    ("nocookie_comment_line1", b"# \xff\nx = 1\n"),
    ("nocookie_comment_only", b"# \xff"),
    ("nocookie_late", b"print('before')\n" + BODY + b"z = '\xe2\x82'\n"),
    # A utf-8 cookie or a BOM: lines go through the utf-8 codec ("(unicode error) ...").
    ("utf8_cookie", b"# -*- coding: utf-8 -*-\nx = 1\ny = '\xff'\n"),
    ("utf8_cookie_line1", b"# coding: utf-8 \xff\nx = 1\n"),
    ("bom_bad_line3", b"\xef\xbb\xbfx = 1\ny = 2\nz = '\xc3'\n"),
    ("bom_utf8_cookie", b"\xef\xbb\xbf# coding: utf-8\nprint('ok')\n"),
    ("bom_latin1_cookie", b"\xef\xbb\xbf# coding: latin-1\nx = 1\n"),
    ("bom_cp1252_cookie_line2", b"\xef\xbb\xbf#!python\n# coding: cp1252\nx = 1\n"),
    # Other cookies: io.open(fd, encoding=cookie).readline; errors come with the 8 KiB chunk
    # that holds them, at the line being read then.
    ("latin1_ok", b"# coding: latin-1\nx = '\xff'\nprint(ascii(x))\n"),
    ("koi8r_line2", b"#!/usr/bin/env python\n# vim: set fileencoding=koi8-r :\n"
                    b"print(ascii('\xc1\xc2'))\n"),
    ("cp1252_first_chunk", b"# coding: cp1252\nx = 1\ny = '\x81'\n"),
    ("cp1252_second_chunk", b"# coding: cp1252\n" + BODY + b"y = '\x81'\n"),
    ("cp1252_second_chunk_paren", b"# coding: cp1252\n" + BODY + b"y = (\nz = '\x81'\n"),
    ("cp1252_line2_cookie", b"#!/usr/bin/python\n# coding: cp1252\n" + BODY + b"z = '\x81'\n"),
    ("cp1252_crlf", b"# coding: cp1252\r\n" + CRLF_BODY + b"z = '\x81'\r\n"),
    ("cp1252_first_line_bad", b"# coding: cp1252 \x81\nx = 1\n"),
    ("ascii_first_chunk", b"# coding: ascii\nx = 1\n(\ny = '\xff'\n"),
    ("utf16_cookie", b"# coding: utf-16\nx = 1\n"),
    ("unknown_cookie", b"# coding: foobar\nx = 1\n"),
    ("rot13_cookie", b"# coding: rot13\nx = 1\n"),
    ("cookie_line3_ignored", b"\n\n# coding: cp1252\nz = '\x81'\n"),
    ("cookie_after_code", b"x = 1\n# coding: latin-1\ny = '\xe9'\n"),
    ("utf8_second_chunk", b"# coding: cp1252\n" + BODY + b"print(ascii('\x80'))\n"),
    ("no_final_newline", b"# coding: latin-1\nprint(ascii('\xe9'))"),
    ("cr_only", b"# coding: latin-1\rprint(ascii('\xe9'))\r"),
    ("null_byte", b"x = 1\n\x00\n"),
    ("syntax_error_first", b"# coding: cp1252\nx = (1 +\n" + b"y = '\x81'\n"),
    # A syntax error, then a decoding error met by the full-source check
    # (_PyPegen_tokenize_full_source_to_check_for_errors): the codec's exception as it is
    # (after a BOM too); "Non-UTF-8 code" is the tokenizer's own SyntaxError, which replaces
    # the first.
    ("syntax_error_then_bad_chunk", b"# coding: cp1252\nx = 1 +\n" + BODY + b"y = '\x81'\n"),
    ("syntax_error_then_bad_line", b"# coding: ascii\nx = 1 +\n" + BODY + b"y = '\xff'\n"),
    ("syntax_error_then_bad_utf8", b"\xef\xbb\xbfx = 1 +\ny = '\xc3'\n"),
    ("syntax_error_then_non_utf8", b"x = 1 +\n" + BODY + b"y = '\xff'\n"),
]

HOOK = '''import sys
def _hook(t, e, tb):
    if isinstance(e, SyntaxError):
        print(t.__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset,
              repr(e.text), repr(e.filename))
    else:
        print(t.__name__, e)
sys.excepthook = _hook
'''

REFERENCE_PROGRAM = '''import ctypes, os, sys
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
run = ctypes.pythonapi.PyRun_FileExFlags
run.restype = ctypes.py_object
run.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.py_object,
                ctypes.py_object, ctypes.c_int, ctypes.c_void_p]
CASES = %r
os.makedirs(%r, exist_ok=True)
for name, data in CASES:
    path = os.path.join(%r, name + ".py")
    with open(path, "wb") as f:
        f.write(data)
    print("==", name)
    sys.stdout.flush()
    fp = libc.fopen(path.encode(), b"rb")
    g = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        run(fp, path.encode(), 257, g, g, 1, None)
    except BaseException as e:
        t = type(e)
        if isinstance(e, SyntaxError):
            print(t.__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset,
                  repr(e.text), repr(e.filename))
        else:
            print(t.__name__, e)
    sys.stdout.flush()
'''

PLACEHOLDER = "<dir>"


def reference_output():
    import oracle_run
    where = "/tmp/file_tokenizer_cases"
    program = REFERENCE_PROGRAM % (CASES, where, where)
    return oracle_run.run_source(program, "file_tokenizer").replace(where, PLACEHOLDER)


def cppy_output(cppy):
    tmp = tempfile.mkdtemp()
    try:
        hook_dir = os.path.join(tmp, "hook")
        os.mkdir(hook_dir)
        with open(os.path.join(hook_dir, "sitecustomize.py"), "w") as f:
            f.write(HOOK)
        env = dict(os.environ, PYTHONPATH=hook_dir, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
        out = []
        for name, data in CASES:
            path = os.path.join(tmp, name + ".py")
            with open(path, "wb") as f:
                f.write(data)
            proc = subprocess.run([cppy, path], env=env, capture_output=True, timeout=60)
            out.append("== %s\n" % name)
            out.append(proc.stdout.decode("utf-8", "backslashreplace"))
        return "".join(out).replace(tmp, PLACEHOLDER)
    finally:
        shutil.rmtree(tmp)


def pipe_last_line(interpreter, data):
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([interpreter, "-"], input=data, capture_output=True, env=env,
                          timeout=60)
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return (lines[-1] if lines else "") + " / exit %d" % proc.returncode


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
                print("tests/data/parser/file_tokenizer.expected differs from the reference")
                return 1
        return 0
    with open(EXPECTED, encoding="utf-8") as f:
        expected = f.read()
    got = cppy_output(args.cppy)
    status = 0
    exp_cases = expected.split("== ")[1:]
    got_cases = got.split("== ")[1:]
    same = sum(1 for a, b in zip(exp_cases, got_cases) if a == b)
    if got != expected:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True),
                                                   got.splitlines(True), "reference", "cppy"))
        status = 1
    # The pipe: compared with the host's python3.
    piped = b"# coding: latin-1\nprint(ascii('\xe9'))\n"
    host = pipe_last_line("python3", piped)
    mine = pipe_last_line(args.cppy, piped)
    if host != mine:
        print("pipe: python3 %r, cppy %r" % (host, mine))
        status = 1
    print("file tokenizer: %d/%d cases as the reference; pipe %s" %
          (same, len(CASES), "as python3" if host == mine else "differs"))
    return status


if __name__ == "__main__":
    sys.exit(main())
