import argparse
import sys

def build():
    p = argparse.ArgumentParser(prog="inventory", description="Manage an inventory of items.",
                                epilog="Example: inventory add hammer --qty 3")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
    p.add_argument("--format", choices=["json", "csv", "table"], default="table")
    p.add_argument("--version", action="version", version="%(prog)s 1.0")
    sub = p.add_subparsers(dest="cmd", required=True, help="sub-command")
    a = sub.add_parser("add", help="add an item")
    a.add_argument("name")
    a.add_argument("--qty", type=int, default=1, metavar="N")
    a.add_argument("--tag", action="append", dest="tags")
    r = sub.add_parser("remove", help="remove items", aliases=["rm"])
    r.add_argument("names", nargs="+")
    r.add_argument("-f", "--force", action="store_true")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--quiet", action="store_true")
    g.add_argument("--loud", action="store_true")
    return p

p = build()
print(p.parse_args(["add", "hammer", "--qty", "3", "--tag", "a", "--tag", "b"]))
print(p.parse_args(["-vv", "--format", "json", "rm", "x", "y", "-f"]))
print(p.format_usage())
print(p.format_help())
print(p._subparsers._group_actions[0].choices["add"].format_help())
for argv in (["add"], ["add", "x", "--qty", "many"], ["--format", "xml", "add", "x"], ["--quiet", "--loud", "add", "x"], [], ["bogus"]):
    try:
        p.parse_args(argv)
    except SystemExit as e:
        print("exit", e.code)
ns, rest = p.parse_known_args(["add", "x", "--unknown", "1"])
print(ns, rest)
q = argparse.ArgumentParser(prog="calc", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
q.add_argument("numbers", type=float, nargs="*", help="values")
q.add_argument("--op", default="sum", help="operation")
q.add_argument("--precision", type=int, default=2)
print(q.format_help())
args = q.parse_args(["1", "2.5", "--op", "mean"])
print(args.numbers, args.op)
sys.stdout.flush()
p.parse_args(["--help"])
