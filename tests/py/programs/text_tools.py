import textwrap, pprint, reprlib, string
text = ("The quick brown fox jumps over the lazy dog. " * 4).strip()
print(textwrap.fill(text, width=30))
print(textwrap.wrap(text, 25)[:3])
print(textwrap.shorten(text, width=40, placeholder=" [...]"))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.dedent("""\
    def f():
        return 1
    """))
print(textwrap.fill("a-very-long-hyphenated-word-sequence here", width=10, break_on_hyphens=True))
tw = textwrap.TextWrapper(width=20, initial_indent="* ", subsequent_indent="  ", max_lines=3)
print(tw.fill(text))
data = {"name": "widget", "sizes": list(range(30)), "nested": {"a": {"b": {"c": {"d": [1, 2, {"e": "deep"}]}}}},
        "tags": ("x", "y"), "set": {3, 1, 2}, "long": "word " * 20}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2, compact=True)
print(pprint.pformat(list(range(50)), width=60, compact=True))
pprint.pprint(data, sort_dicts=False, indent=2, width=100)
print(pprint.saferepr([1, [2, [3]]]), pprint.isreadable({"a": 1}), pprint.isrecursive([]))
rec = [1, 2]; rec.append(rec)
print(pprint.pformat(rec).split("<")[0])
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(20)}))
r = reprlib.Repr(maxlist=3, maxstring=10)
print(r.repr([1, 2, 3, 4, 5]), r.repr("abcdefghijklmnop"), r.repr(set(range(10))))
class Node:
    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.children})"
n = Node(); n.children = [n]
print(n)
print(string.capwords("hello   wide world"), string.ascii_letters, string.punctuation)
fmt = string.Formatter()
print(list(fmt.parse("a{0}b{x!r:>5}c")), fmt.format("{0}-{k}", 1, k=2))
print("hello world".title(), "ß".upper(), "İ".lower(), "ǅ".swapcase(), "hello".center(11, "*"))
print("a,b,,c".split(","), "a b  c".split(), "a\nb\r\nc".splitlines(True), "x".join("abc"))
print("tab\there".expandtabs(4), "  pad ".strip(), "xxhixx".strip("x"), "hello".partition("l"), "hello".rpartition("l"))
print("%-10s|" % "left", "abc".zfill(6), "-12".zfill(6), "Hello".casefold(), "straße".casefold())
print("hello world".replace("o", "0", 1), "abcabc".find("c", 3), "abc".rfind("z"), "aaa".count("a"))
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "a1".isalnum(), "١٢".isdigit(), "½".isnumeric())
tbl = str.maketrans("abc", "xyz", "d")
print("abcd".translate(tbl), tbl)
print("{:>10}".format("héllo"), len("héllo".encode()), "héllo".encode("latin-1"), b"h\xe9llo".decode("latin-1"))
print("naïve café".encode("ascii", "replace"), "naïve".encode("ascii", "xmlcharrefreplace"), "naïve".encode("ascii", "backslashreplace"))
try:
    "naïve".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
print(b"\xff".decode("utf-8", "replace"), b"\xff".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
