#!/usr/bin/env python3
"""Start-up settings read from the environment, compared with python3 (CPython 3.11, whose
rules for these are 3.14's): a probe runs under several environments with cppy and with
python3, and any difference fails.

Usage: env_case.py --cppy PATH --probe locale|path|flags

locale: UTF-8 mode and the locale encodings (Python/preconfig.c, config_init_stdio_encoding).
path: PYTHONPATH in sys.path (Modules/getpath.py): the entries before the standard library's,
which differ between the two installations and are cut off.

The environments use only the C, POSIX and C.UTF-8 locales, which every Debian system has.
sys.getfilesystemencoding() is left out: cppy's filesystem encoding is always UTF-8 (as
CPython's on macOS and Android), while CPython's follows an ASCII locale without UTF-8 mode.
"""
import argparse
import subprocess
import sys

LOCALE_PROBE = (
    "import sys, _locale, locale, io\n"
    "print(sys.flags.utf8_mode, _locale.getencoding(), locale.getpreferredencoding(False),\n"
    "      sys.stdin.encoding, sys.stdin.errors, sys.stdout.encoding, sys.stdout.errors,\n"
    "      sys.stderr.errors, io.text_encoding(None), open('/dev/null').encoding,\n"
    "      open('/dev/null', encoding='locale').encoding)\n"
)

LOCALE_CASES = [
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

PATH_PROBE = (
    "import sys, os\n"
    "stdlib = os.path.dirname(os.__file__)\n"
    "zip_entry = next(i for i, p in enumerate(sys.path) if p.endswith('.zip'))\n"
    "print(sys.path[:zip_entry], sys.path[zip_entry + 1] == stdlib)\n"
)

PATH_CASES = [
    ({"PYTHONPATH": "/tmp/a::rel/dir:/tmp/b/://x//y/../z:///w"}, []),
    ({"PYTHONPATH": "/tmp/a"}, ["-E"]),
    ({"PYTHONPATH": "/tmp/a"}, ["-I"]),
    ({"PYTHONPATH": ""}, []),
    ({"PYTHONPATH": "."}, ["-s"]),
]

# flags: -O/-OO and PYTHONOPTIMIZE reach compile() (asserts and __debug__), -X dev and
# PYTHONDEVMODE (sys.flags.dev_mode, faulthandler), and the order of sys.warnoptions from
# -X dev, PYTHONWARNINGS, -W and -b (config_init_warnoptions).
FLAGS_PROBE = (
    "import sys, faulthandler\n"
    "try:\n"
    "    assert False\n"
    "    stripped = True\n"
    "except AssertionError:\n"
    "    stripped = False\n"
    "print(sys.flags.optimize, __debug__, stripped, compile('assert 0', 's', 'exec').co_code ==\n"
    "      compile('pass', 's', 'exec').co_code, sys.flags.dev_mode, faulthandler.is_enabled(),\n"
    "      sys.warnoptions)\n"
)

FLAGS_CASES = [
    ({}, []),
    ({}, ["-O"]),
    ({}, ["-OO"]),
    ({"PYTHONOPTIMIZE": "1"}, []),
    ({"PYTHONOPTIMIZE": "1"}, ["-E"]),
    ({}, ["-X", "dev"]),
    ({"PYTHONDEVMODE": "1"}, []),
    ({"PYTHONDEVMODE": "1", "PYTHONWARNINGS": "error,ignore::UserWarning"}, ["-W", "always"]),
    ({}, ["-b"]),
    ({}, ["-bb", "-X", "dev", "-W", "ignore"]),
]

PROBES = {"locale": (LOCALE_PROBE, LOCALE_CASES), "path": (PATH_PROBE, PATH_CASES),
          "flags": (FLAGS_PROBE, FLAGS_CASES)}


def run(interpreter, probe, env, args):
    env = dict(env, PATH="/usr/bin:/bin")
    proc = subprocess.run([interpreter, *args, "-c", probe], env=env, capture_output=True,
                          text=True, errors="replace")
    # The fatal-error report's last lines differ between versions (3.14 adds the runtime
    # state line); the first line and the status are compared.
    err = proc.stderr.splitlines()[:1]
    return proc.returncode, proc.stdout, err


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cppy", required=True)
    parser.add_argument("--probe", choices=sorted(PROBES), required=True)
    opts = parser.parse_args()
    probe, cases = PROBES[opts.probe]
    failed = 0
    for env, args in cases:
        got = run(opts.cppy, probe, env, args)
        want = run(sys.executable, probe, env, args)
        label = " ".join(f"{k}={v}" for k, v in env.items()) + " " + " ".join(args)
        if got != want:
            failed += 1
            print(f"FAIL {label}\n  cppy:    {got}\n  CPython: {want}")
        else:
            print(f"ok   {label}: {want[1].strip() or want[2]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
