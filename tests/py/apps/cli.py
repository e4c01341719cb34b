import argparse
import sys

def build():
    parser = argparse.ArgumentParser(prog="todo", description="A tiny todo manager.",
                                     epilog="See docs for more.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more output")
    parser.add_argument("--db", metavar="PATH", default="todo.db", help="database file (default: %(default)s)")
    parser.add_argument("--version", action="version", version="%(prog)s 1.2")
    sub = parser.add_subparsers(dest="cmd", required=True, title="commands", metavar="COMMAND")
    add = sub.add_parser("add", help="add an item", aliases=["a"])
    add.add_argument("text", nargs="+", help="item text")
    add.add_argument("-p", "--priority", type=int, choices=range(1, 4), default=2)
    add.add_argument("--tag", action="append", dest="tags", default=[])
    add.add_argument("--due", type=lambda s: tuple(map(int, s.split("-"))), help="YYYY-MM-DD")
    ls = sub.add_parser("list", help="list items", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    g = ls.add_mutually_exclusive_group()
    g.add_argument("--all", action="store_true", help="show all")
    g.add_argument("--done", action="store_true", help="show done only")
    ls.add_argument("--limit", type=int, default=10, help="max rows")
    ls.add_argument("--sort", choices=["prio", "date"], default="prio")
    rm = sub.add_parser("rm", help="remove items", description="Remove by id.")
    rm.add_argument("ids", type=int, nargs="*", metavar="ID")
    rm.add_argument("--force", action=argparse.BooleanOptionalAction, default=False)
    grp = rm.add_argument_group("danger zone", "Options that delete a lot.")
    grp.add_argument("--purge", action="store_const", const="all")
    return parser


p = build()
cases = [
    ["add", "buy", "milk", "-p", "3", "--tag", "home", "--tag", "shop"],
    ["-vv", "--db", "x.db", "a", "call mom", "--due", "2024-05-01"],
    ["list", "--all", "--limit", "5"],
    ["rm", "1", "2", "3", "--no-force"],
    ["rm", "--force", "--purge"],
    ["add", "x", "-p", "7"],
    ["list", "--all", "--done"],
    ["frob"],
    [],
    ["list", "--limit", "ten"],
    ["add"],
    ["--version"],
    ["list", "--sort", "name"],
    ["add", "x", "--bogus"],
    ["-h"],
    ["add", "--help"],
    ["list", "-h"],
    ["rm", "-h"],
]
for argv in cases:
    print("$ todo", " ".join(argv))
    try:
        ns = p.parse_args(argv)
        print(" ", sorted(vars(ns).items()))
    except SystemExit as e:
        print("  exit", e.code)

old = sys.stderr
sys.stderr = sys.stdout
try:
    for argv in [["add", "x", "-p", "7"], ["frob"], ["list", "--all", "--done"]]:
        try:
            p.parse_args(argv)
        except SystemExit as e:
            print("  exit", e.code)
finally:
    sys.stderr = old

ns, extra = p.parse_known_args(["list", "--weird", "z"])
print(ns.cmd, extra)
q = argparse.ArgumentParser(prog="calc", exit_on_error=False, add_help=False)
q.add_argument("n", type=float)
q.add_argument("op", choices=["sq", "neg"])
q.add_argument("rest", nargs=argparse.REMAINDER)
print(q.parse_args(["2.5", "sq", "--x", "y"]))
try:
    q.parse_args(["abc", "sq"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e, "|", e.argument_name)
print(q.format_usage(), end="")
r = argparse.ArgumentParser(prog="fmt", formatter_class=argparse.RawDescriptionHelpFormatter,
                            description="Line one\n   indented line\n\nparagraph", fromfile_prefix_chars="@")
r.add_argument("--x", nargs=2, metavar=("A", "B"))
r.add_argument("--y", nargs="?", const="C", default="D")
r.add_argument("pos", nargs="?", default="P")
r.set_defaults(func="handler")
print(r.format_help())
print(r.parse_args(["--x", "1", "2", "--y"]), r.parse_args([]))
print(r.parse_intermixed_args(["--y", "v", "pp"]))
n = argparse.Namespace(a=1)
print(n, "a" in n, n == argparse.Namespace(a=1))
try:
    p.add_argument("-v")
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
try:
    argparse.ArgumentParser().add_argument("x", action="store_true")
except ValueError as e:
    print("ValueError:", e)
h = argparse.ArgumentParser(prog="long", usage=None)
for i in range(8):
    h.add_argument(f"--option-number-{i}", metavar=f"VALUE{i}", help=f"help for option {i} " * 3)
h.add_argument("files", nargs="*")
print(h.format_help())
