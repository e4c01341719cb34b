import configparser
import io
import tomllib
import shlex
import getopt
import json
import difflib
import reprlib
import copy
import dataclasses
import enum

INI = """
[DEFAULT]
base = /srv/app
debug = no

[server]
host = 0.0.0.0
port = 8080
root = %(base)s/www
workers = 4
timeout = 2.5

[database]
url = postgres://db/%(name)s
name = prod
pool = 10
Enabled = YES

[paths]
logs = ${server:root}/logs
"""

cp = configparser.ConfigParser()
cp.read_string(INI)
print(cp.sections(), cp.defaults(), "server" in cp, cp.has_option("server", "base"))
print(cp["server"]["root"], cp.getint("server", "port"), cp.getfloat("server", "timeout"),
      cp.getboolean("database", "enabled"), cp.getboolean("server", "debug"))
print(cp.get("database", "url"), cp.get("database", "url", raw=True), cp.get("server", "missing", fallback="fb"))
print(list(cp["database"].keys()), dict(cp.items("server")))
try:
    cp.get("nosuch", "x")
except configparser.NoSectionError as e:
    print("NoSectionError:", e)
try:
    cp.getint("server", "host")
except ValueError as e:
    print("ValueError:", e)
try:
    configparser.ConfigParser().read_string("[a]\nx=1\n[a]\n")
except configparser.DuplicateSectionError as e:
    print("DuplicateSectionError:", e)
try:
    configparser.ConfigParser().read_string("no header\n")
except configparser.MissingSectionHeaderError as e:
    print("MissingSectionHeaderError:", e)
try:
    cp2 = configparser.ConfigParser()
    cp2.read_string("[a]\nx = %(y)s\n")
    cp2.get("a", "x")
except configparser.InterpolationMissingOptionError as e:
    print("InterpolationMissingOptionError:", e)
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string(INI.replace("%(base)s", "${base}").replace("%(name)s", "${name}"))
print(ext["paths"]["logs"], ext["database"]["url"])
cp.set("server", "port", "9090")
cp.add_section("new")
cp["new"]["key"] = "value with spaces"
cp.remove_option("database", "pool")
buf = io.StringIO()
cp.write(buf)
print(buf.getvalue())
raw = configparser.RawConfigParser(allow_no_value=True, delimiters=("=",), comment_prefixes=("#",), inline_comment_prefixes=(";",))
raw.read_string("[s]\nflag\nk = v ; comment\n# full comment\nmulti = line1\n  line2\n")
print(dict(raw["s"]), raw.optionxform("MiXed"))

TOML = '''
title = "TOML Example"
version = 1.2
released = 2024-01-15T10:30:00Z
local = 1979-05-27
nums = [1, 2, 3_000, 0x1f, 0o17, 0b101, +inf, -3.5e2]

[owner]
name = "Tom"
"quoted key" = 'literal \\n string'

[database]
ports = [ 8000, 8001 ]
enabled = true
inline = { a = 1, b.c = "d" }
multiline = """
Roses are red
   Violets are blue"""

[[products]]
name = "Hammer"
sku = 738594937

[[products]]
name = "Nail"
color = "gray"
'''
data = tomllib.loads(TOML)
print(json.dumps(data, default=str, indent=1, sort_keys=True))
print(type(data["released"]).__name__, data["released"].tzinfo, repr(data["local"]))
for bad in ['a = 1\na = 2', 'x = [1, 2', 'k = "unterminated', '[t]\n[t]', 'v = 1979-13-01']:
    try:
        tomllib.loads(bad)
    except tomllib.TOMLDecodeError as e:
        print("TOMLDecodeError:", e, (e.lineno, e.colno))
print(tomllib.loads("x = 1.5", parse_float=lambda s: f"<{s}>"))

cmd = 'deploy --env=prod -v "my app" \'single q\' file\\ name.txt -- --not-opt'
args = shlex.split(cmd)
print(args)
print(shlex.join(["echo", "it's", "a b", "$HOME"]), shlex.quote(""), shlex.quote("safe-word"))
lx = shlex.shlex("a=1, b='two three' # comment\nc", posix=True)
lx.whitespace_split = False
print(list(lx))
opts, rest = getopt.getopt(["-a", "-b", "val", "--long=x", "--flag", "pos1", "pos2"], "ab:", ["long=", "flag"])
print(opts, rest)
print(getopt.gnu_getopt(["pos", "-a", "--flag", "more"], "a", ["flag"]))
try:
    getopt.getopt(["-z"], "ab")
except getopt.GetoptError as e:
    print("GetoptError:", e, e.opt)

old = """[server]
port = 8080
workers = 4
timeout = 2.5
""".splitlines(keepends=True)
new = """[server]
port = 9090
workers = 4
timeout = 3
keepalive = yes
""".splitlines(keepends=True)
print("".join(difflib.unified_diff(old, new, "a/app.ini", "b/app.ini", n=1)), end="")
print("".join(difflib.context_diff(old, new, "old", "new")), end="")
print("".join(difflib.ndiff(["one\n", "two\n", "three\n"], ["ore\n", "tree\n", "emu\n"])), end="")
sm = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 4), sm.get_matching_blocks()[:2], sm.get_opcodes())
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]), difflib.get_close_matches("wheel", ["while", "wheat", "shell"], n=2, cutoff=0.5))
hd = difflib.HtmlDiff(wrapcolumn=20)
print(len(hd.make_table(old, new).splitlines()) > 10)

r = reprlib.Repr(maxlist=3, maxstring=12, maxdict=2, maxlevel=2)
print(r.repr(list(range(100))), r.repr("x" * 50), r.repr({i: str(i) for i in range(10)}), r.repr([[[[1]]]]))
print(reprlib.repr(set(range(20))), reprlib.repr(tuple("abcdefghijk")), reprlib.repr(10 ** 50))


class Recursive:
    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Recursive({self.child!r})"


rr = Recursive(); rr.child = rr
print(rr)


class Level(enum.StrEnum):
    LOW = enum.auto()
    HIGH = "hi"


@dataclasses.dataclass
class Settings:
    name: str
    level: Level = Level.LOW
    tags: list = dataclasses.field(default_factory=list)
    nested: dict = dataclasses.field(default_factory=dict)


s1 = Settings("a", tags=["x"], nested={"k": [1, 2]})
s2 = copy.copy(s1)
s3 = copy.deepcopy(s1)
s1.tags.append("y")
s1.nested["k"].append(3)
print(s2.tags, s3.tags, s2.nested, s3.nested, s2 == s1, s3 == s1)
print(copy.replace(s1, name="b"), dataclasses.astuple(s3), Level.LOW, f"{Level.HIGH}", Level("hi") is Level.HIGH)
memo = {}
lst = [1, [2, 3]]
lst.append(lst)
dup = copy.deepcopy(lst, memo)
print(dup[2] is dup, len(memo) > 0, dup[:2])
