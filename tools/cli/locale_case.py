#!/usr/bin/env python3
"""UTF-8 mode and the locale encodings (Python/preconfig.c, config_init_stdio_encoding): runs
one probe under several environments with cppy and with python3 (CPython 3.11, whose rules
for these are 3.14's) and fails on the first difference.

Usage: locale_case.py --cppy PATH

The environments use only the C, POSIX and C.UTF-8 locales, which every Debian system has.
sys.getfilesystemencoding() is left out: cppy's filesystem encoding is always UTF-8 (as
CPython's on macOS and Android), while CPython's follows an ASCII locale without UTF-8 mode.
"""
import argparse
import subprocess
import sys

PROBE = (
    "import sys, _locale, locale, io\n"
    "print(sys.flags.utf8_mode, _locale.getencoding(), locale.getpreferredencoding(False),\n"
    "      sys.stdin.encoding, sys.stdin.errors, sys.stdout.encoding, sys.stdout.errors,\n"
    "      sys.stderr.errors, io.text_encoding(None), open('/dev/null').encoding,\n"
    "      open('/dev/null', encoding='locale').encoding)\n"
)

CASES = [
    ({"LANG": "C.UTF-8"}, []),
    ({"LC_ALL": "C"}, []),
    ({"LC_ALL": "POSIX"}, []),
    ({"LC_ALL": "C", "PYTHONUTF8": "0"}, []),
    ({"LANG": "C.UTF-8", "PYTHONUTF8": "1"}, []),
    ({"LANG": "C.UTF-8", "PYTHONUTF8": "1"}, ["-X", "utf8=0"]),
    ({"LC_ALL": "C", "PYTHONUTF8": "0"}, ["-E"]),
    ({"LC_ALL": "C"}, ["-X", "utf8=0"]),
    ({"LANG": "C.UTF-8"}, ["-X", "utf8"]),
    ({"LANG": "C.UTF-8", "PYTHONIOENCODING": "latin-1:replace"}, []),
    ({"LANG": "C.UTF-8", "PYTHONIOENCODING": ":ignore"}, []),
    ({"LANG": "C.UTF-8", "PYTHONUTF8": "2"}, []),
    ({"LANG": "C.UTF-8"}, ["-X", "utf8=x"]),
]


def run(interpreter, env, args):
    proc = subprocess.run([interpreter, *args, "-c", PROBE], env=env, capture_output=True,
                          text=True, errors="replace")
    # The fatal-error report's last lines differ between versions (3.14 adds the runtime
    # state line); the first line and the status are compared.
    err = proc.stderr.splitlines()[:1]
    return proc.returncode, proc.stdout, err


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cppy", required=True)
    opts = parser.parse_args()
    failed = 0
    for env, args in CASES:
        got = run(opts.cppy, env, args)
        want = run(sys.executable, env, args)
        label = " ".join(f"{k}={v}" for k, v in env.items()) + " " + " ".join(args)
        if got != want:
            failed += 1
            print(f"FAIL {label}\n  cppy:    {got}\n  CPython: {want}")
        else:
            print(f"ok   {label}: {want[1].strip() or want[2]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
