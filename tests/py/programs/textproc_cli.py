# word-frequency / grep-like CLI over an embedded corpus, with argparse and errors.
import argparse, re, sys, collections, textwrap, unicodedata, string
CORPUS = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair. Café naïve coöperate — “quoted” ‘text’…"""
def normalize(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
def words(text, keep_case=False):
    for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text):
        yield w if keep_case else w.lower()
def cmd_freq(args):
    c = collections.Counter(words(CORPUS, args.case))
    for w, n in c.most_common(args.top):
        bar = "#" * n
        print(f"{w:>12} {n:3d} {bar}")
def cmd_grep(args):
    flags = re.I if args.ignore_case else 0
    try:
        pat = re.compile(args.pattern, flags)
    except re.error as e:
        print(f"bad pattern: {e}", file=sys.stderr)
        return 2
    for i, line in enumerate(CORPUS.splitlines(), 1):
        if pat.search(line):
            print(f"{i}:", pat.sub(lambda m: f"[{m.group()}]", line))
    return 0
def cmd_stats(args):
    text = CORPUS
    print("chars", len(text), "lines", text.count("\n") + 1, "words", sum(1 for _ in words(text)))
    print("ascii?", text.isascii(), normalize("Café naïve coöperate"))
    cats = collections.Counter(unicodedata.category(c) for c in text)
    print(sorted(cats.items()))
    print([unicodedata.name(c) for c in "—“…"], unicodedata.lookup("BLACK STAR"), unicodedata.numeric("⅔"))
    print(textwrap.fill(text.replace("\n", " "), 50, initial_indent="  ", subsequent_indent="  "))
    print(string.capwords(text.split(",")[0]), text.title()[:30], text.upper()[-12:], text.swapcase()[:12])
p = argparse.ArgumentParser(prog="textproc")
sub = p.add_subparsers(dest="cmd", required=True)
f = sub.add_parser("freq"); f.add_argument("--top", type=int, default=5); f.add_argument("--case", action="store_true")
f.set_defaults(func=cmd_freq)
g = sub.add_parser("grep"); g.add_argument("pattern"); g.add_argument("-i", "--ignore-case", action="store_true")
g.set_defaults(func=cmd_grep)
s = sub.add_parser("stats"); s.set_defaults(func=cmd_stats)
for argv in (["freq"], ["freq", "--top", "3", "--case"], ["grep", "-i", "epoch|LIGHT"], ["grep", "(bad"], ["stats"]):
    print("$ textproc", " ".join(argv))
    a = p.parse_args(argv)
    rc = a.func(a)
    if rc:
        print("exit code", rc)
sys.stderr.flush()
try:
    p.parse_args(["freq", "--top", "x"])
except SystemExit as e:
    print("exit", e.code)
p.parse_args(["nope"])
