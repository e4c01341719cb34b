"""A todo-list CLI with subcommands driven by argparse, exercised with many argv's."""
import argparse
import contextlib
import io
import json
import sys


TODOS = []


def cmd_add(args):
    item = {"id": len(TODOS) + 1, "title": " ".join(args.title), "prio": args.priority,
            "tags": sorted(set(args.tag or []))}
    TODOS.append(item)
    print(f"added #{item['id']}: {item['title']} (prio {item['prio']})")


def cmd_list(args):
    items = TODOS
    if args.tag:
        items = [t for t in items if args.tag in t["tags"]]
    items = sorted(items, key=lambda t: (-t["prio"], t["id"]), reverse=args.reverse)
    if args.json:
        print(json.dumps(items, indent=2))
        return
    for t in items:
        tags = ",".join(t["tags"]) or "-"
        print(f"{t['id']:>3} [{t['prio']}] {t['title']:<20} {tags}")


def cmd_done(args):
    for ident in args.ids:
        for t in TODOS:
            if t["id"] == ident:
                TODOS.remove(t)
                print("done", ident)
                break
        else:
            print(f"no such todo: {ident}", file=sys.stderr)
            return 1
    return 0


def priority(text):
    value = int(text)
    if not 1 <= value <= 5:
        raise argparse.ArgumentTypeError(f"priority must be 1..5, not {value}")
    return value


def build_parser():
    parser = argparse.ArgumentParser(prog="todo", description="Keep track of things to do.",
                                     epilog="Have a nice day.")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more output (repeatable)")
    parser.add_argument("--version", action="version", version="%(prog)s 1.0")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", help="add a todo", aliases=["a"])
    add.add_argument("title", nargs="+")
    add.add_argument("-p", "--priority", type=priority, default=3)
    add.add_argument("-t", "--tag", action="append")
    add.set_defaults(func=cmd_add)

    lst = sub.add_parser("list", help="list todos")
    lst.add_argument("--tag")
    lst.add_argument("--reverse", action="store_true")
    fmt = lst.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--plain", action="store_true")
    lst.set_defaults(func=cmd_list)

    done = sub.add_parser("done", help="finish todos")
    done.add_argument("ids", type=int, nargs="+", metavar="ID")
    done.set_defaults(func=cmd_done)

    cfg = sub.add_parser("config", help="settings")
    cfg.add_argument("key", choices=["color", "width"])
    cfg.add_argument("value", nargs="?")
    cfg.add_argument("--scope", choices=("user", "repo"), default="user")
    cfg.set_defaults(func=lambda a: print(f"config {a.scope}.{a.key} = {a.value!r}"))
    return parser


def run(argv):
    parser = build_parser()
    out, err = io.StringIO(), io.StringIO()
    status = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = parser.parse_args(argv)
            status = args.func(args) or 0
        except SystemExit as exc:
            status = exc.code
    print(f"$ todo {' '.join(argv)}  -> status {status}")
    for label, stream in (("out", out), ("err", err)):
        text = stream.getvalue()
        if text:
            for line in text.rstrip("\n").split("\n"):
                print(f"  {label}| {line}")


argvs = [
    ["add", "buy", "milk", "-p", "5", "-t", "shop", "-t", "home", "-t", "shop"],
    ["a", "write", "report", "--priority=2", "--tag", "work"],
    ["add", "call", "mom"],
    ["list"],
    ["list", "--reverse"],
    ["list", "--tag", "work", "--json"],
    ["list", "--json", "--plain"],
    ["add", "x", "-p", "9"],
    ["add", "x", "-p", "high"],
    ["done", "2", "7"],
    ["done"],
    ["done", "one"],
    ["config", "color", "blue", "--scope", "repo"],
    ["config", "size"],
    ["config", "width"],
    [],
    ["frobnicate"],
    ["--version"],
    ["-vvv", "list"],
    ["list", "--unknown"],
    ["--help"],
    ["add", "--help"],
    ["list", "-h"],
]
for argv in argvs:
    run(argv)

# parse_known_args and intermixed parsing
p = argparse.ArgumentParser(prog="mix", exit_on_error=False)
p.add_argument("--n", type=int, default=1)
p.add_argument("files", nargs="*")
print(p.parse_known_args(["a", "--n", "3", "--zzz", "b"]))
print(p.parse_intermixed_args(["a", "--n", "2", "b"]))
try:
    p.parse_args(["--n", "x"])
except argparse.ArgumentError as exc:
    print("ArgumentError:", exc, "|", exc.argument_name)
ns = argparse.Namespace(a=1, b=[2])
print(ns, vars(ns), "a" in ns, ns == argparse.Namespace(b=[2], a=1))
print(p.format_usage(), end="")
