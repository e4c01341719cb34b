import argparse, sys, io, contextlib

def run(parser, argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            ns = parser.parse_args(argv)
            print(ns)
        except SystemExit as e:
            print("exit", e.code)
        except argparse.ArgumentError as e:
            print("ArgumentError", e)
    print(f"argv={argv}")
    print(out.getvalue(), end="")
    if err.getvalue():
        print("[stderr]", err.getvalue(), end="")

p = argparse.ArgumentParser(prog="tool", formatter_class=argparse.ArgumentDefaultsHelpFormatter,
                            description="A tool that does\nmany things.", epilog="see docs")
p.add_argument("src", nargs="?", default="in.txt", help="source file")
p.add_argument("dst", nargs="*", help="destinations")
p.add_argument("-n", "--num", type=int, default=5, help="how many")
p.add_argument("--ratio", type=float, metavar="R", help="a ratio")
p.add_argument("--pair", nargs=2, metavar=("A", "B"), help="two things")
p.add_argument("--mode", choices=("fast", "slow"), default="fast", help="the mode")
p.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True, help="toggle")
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--level", type=int, choices=range(1, 4))
p.add_argument("--secret", help=argparse.SUPPRESS)
p.add_argument("-x", action="append_const", const="X", dest="letters")
grp = p.add_argument_group("advanced", "advanced options")
grp.add_argument("--depth", type=int, required=False, default=0)
for argv in [[], ["a", "b", "c", "-n", "7"], ["--help"], ["-n", "x"], ["--pair", "1"], ["--mode", "medium"], ["--no-flag", "--const", "-x", "-x"], ["--level", "9"], ["--unknown"], ["--ratio=1e3", "--depth", "-1"], ["--nu", "3"], ["--", "-n"]]:
    run(p, argv)

r = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawDescriptionHelpFormatter, description="""\
    Keep
        this   layout
    exactly""", usage="%(prog)s [options] FILE")
r.add_argument("file", type=argparse.FileType("r"))
run(r, ["-h"])
m = argparse.ArgumentParser(prog="git", exit_on_error=False)
sub = m.add_subparsers(title="commands", dest="command", metavar="CMD")
c = sub.add_parser("commit", help="record changes", description="Commit stuff")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
l = sub.add_parser("log", help="show history", aliases=["lg"])
l.add_argument("--oneline", action="store_true")
l.add_argument("-n", type=int, dest="count")
run(m, ["-h"])
run(m, ["commit", "-h"])
run(m, ["commit"])
run(m, ["lg", "-n", "3", "--oneline"])
run(m, ["push"])
try:
    m.parse_args(["log", "-n", "x"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e, "|", e.argument_name, "|", e.message)
ns, rest = m.parse_known_args(["log", "--bogus", "x"])
print(ns, rest)
i = argparse.ArgumentParser(prog="inter")
i.add_argument("--foo"); i.add_argument("cmd"); i.add_argument("rest", nargs="*")
print(i.parse_intermixed_args(["a", "--foo", "f", "b", "c"]))
def positive(v):
    n = int(v)
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{v} is not positive")
    return n
t = argparse.ArgumentParser(prog="t", add_help=False, prefix_chars="-+", fromfile_prefix_chars="@", allow_abbrev=False)
t.add_argument("+v", "--verbose", action="count", default=0)
t.add_argument("--count", type=positive)
t.add_argument("--version", action="version", version="%(prog)s 2.0")
run(t, ["+v", "+vv", "--count", "3"])
run(t, ["--count", "-3"])
run(t, ["--count", "0"])
run(t, ["--verb"])
run(t, ["--version"])
print(t.format_usage(), end="")
mx = argparse.ArgumentParser(prog="mx")
g = mx.add_mutually_exclusive_group(required=True)
g.add_argument("--a", action="store_true"); g.add_argument("--b", type=int)
run(mx, [])
run(mx, ["--a", "--b", "1"])
print(mx.format_help())
long = argparse.ArgumentParser(prog="long_program_name_here", description="d " * 60)
for k in range(6):
    long.add_argument(f"--option-number-{k}", metavar="VALUE_" + str(k), help="help text " * k)
print(long.format_help())
