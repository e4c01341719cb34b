"""A command-line tool ending with sys.exit(message): the message goes to stderr, status 1."""
import atexit
import sys

atexit.register(lambda: print("atexit handler runs"))


def check(paths):
    missing = [p for p in paths if not p.endswith(".txt")]
    for p in paths:
        print("checking", p)
    if missing:
        sys.exit(f"error: unsupported files: {', '.join(missing)}")


try:
    sys.exit(3)
except SystemExit as exc:
    print("caught SystemExit", exc.code, repr(exc))
try:
    raise SystemExit
except SystemExit as exc:
    print("code:", exc.code)
try:
    sys.exit(None)
except SystemExit as exc:
    print("code:", exc.code, exc.args)
try:
    sys.exit(1, 2)
except TypeError as exc:
    print("TypeError:", exc)
except SystemExit as exc:
    print("SystemExit args", exc.args, exc.code)
sys.stderr.write("a warning on stderr\n")
check(["a.txt", "b.csv", "c.txt", "d.py"])
