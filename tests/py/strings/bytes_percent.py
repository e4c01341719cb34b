# PEP 461 bytes % formatting, bytes.maketrans/translate, str.maketrans/translate.
def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

t("d", lambda: b"%d|%i|%u" % (3, -4, 5))
t("flags", lambda: b"%-5d|%05d|%+d|% d|%+05d|%-+6d|" % (3, -42, 7, 7, 9, 11))
t("hex", lambda: b"%x|%X|%#x|%#X|%#o|%o|%#08x|%-#8x|%8x" % (255, 255, 255, 255, 8, 8, 255, 255, -255))
t("prec int", lambda: b"%.3d|%10.4x|%-10.4o|" % (5, 255, 8))
t("float", lambda: b"%f|%.2f|%10.3f|%-10.1e|%E|%g|%G|%#g|%F" % (1.5, 2.345, 3.14159, 12345.678, 0.5, 1e-5, 1e20, 2.0, float("inf")))
t("float flags", lambda: b"%+.1f|% .1f|%010.2f|%-8.1f|" % (1.25, 1.25, -3.5, 2.0))
t("float from int", lambda: b"%f" % 3)
t("int from float", lambda: b"%d %i %u" % (3.7, -2.5, 1e3))
t("bool", lambda: b"%d %s" % (True, b"x"))
t("s b", lambda: b"%s|%b|%5s|%-5s|%.1s" % (b"ab", bytearray(b"cd"), b"ef", b"gh", b"ij"))
t("s mv", lambda: b"%s" % memoryview(b"mv"))
t("r a", lambda: b"%r|%a|%.3a" % ("\xe9", "x\u20ac\U0001f600", "abcdef"))
t("c", lambda: b"%c%c%c" % (65, b"b", bytearray(b"c")))
t("c width", lambda: b"%3c|%-3c|" % (65, 66))
t("percent", lambda: b"100%% %s" % b"x")
t("star", lambda: b"%*d|%-*d|%.*f|%*.*f" % (5, 1, 4, 2, 2, 3.14159, 8, 1, 2.55))
t("star neg", lambda: b"%*d|" % (-4, 1))
t("mapping", lambda: b"%(a)s-%(b)d" % {b"a": b"A", b"b": 2})
t("mapping nested", lambda: b"%(a(b))s" % {b"a(b)": b"ok"})
t("single", lambda: b"%s" % b"only")
t("tuple arg", lambda: b"%s" % ((b"x",),))
t("bytearray fmt", lambda: bytearray(b"%d-%s") % (1, b"z"))
t("no args", lambda: b"abc" % ())
t("dict arg no spec", lambda: b"abc" % {})
t("err d str", lambda: b"%d" % "x")
t("err x float", lambda: b"%x" % 1.5)
t("err f str", lambda: b"%f" % "x")
t("err s str", lambda: b"%s" % "x")
t("err b int", lambda: b"%b" % 1)
t("err c big", lambda: b"%c" % 256)
t("err c neg", lambda: b"%c" % -1)
t("err c bytes", lambda: b"%c" % b"ab")
t("err c bytearray", lambda: b"%c" % bytearray(b""))
t("err c str", lambda: b"%c" % "a")
t("err few", lambda: b"%d %d" % (1,))
t("err many", lambda: b"%d" % (1, 2))
t("err extra", lambda: b"abc" % 5)
t("err mapping", lambda: b"%(a)s" % 1)
t("err key", lambda: b"%(a" % {})
t("err missing key", lambda: b"%(z)s" % {b"a": 1})
t("err char", lambda: b"%y" % 1)
t("err char2", lambda: b"ab%\xff" % 1)
t("err incomplete", lambda: b"%" % 1)
t("err incomplete2", lambda: b"%5" % 1)
t("err star", lambda: b"%*d" % ("a", 1))
t("err unsupported", lambda: b"%s" % object.__new__(object) if False else b"%q" % 1)

class BytesLike:
    def __bytes__(self):
        return b"custom"

class BadBytes:
    def __bytes__(self):
        return "nope"

t("__bytes__", lambda: b"[%s]" % BytesLike())
t("bad __bytes__", lambda: b"%s" % BadBytes())
class Idx:
    def __index__(self):
        return 10

t("index", lambda: b"%x %c %d" % (Idx(), True, Idx()))

t("maketrans", lambda: bytes.maketrans(b"abc", b"xyz")[97:100])
t("maketrans ba", lambda: bytearray.maketrans(bytearray(b"a"), memoryview(b"b"))[97:98])
t("maketrans len", lambda: bytes.maketrans(b"a", b"bc"))
t("maketrans str", lambda: bytes.maketrans("a", "b"))
t("translate", lambda: b"abcabc".translate(bytes.maketrans(b"abc", b"xyz")))
t("translate delete", lambda: b"abcabc".translate(None, b"b"))
t("translate kw", lambda: b"abcabc".translate(bytes.maketrans(b"a", b"A"), delete=b"c"))
t("translate none", lambda: b"abc".translate(None))
t("translate len", lambda: b"abc".translate(b"x"))
t("translate str", lambda: b"abc".translate("x" * 256))
t("translate ba", lambda: bytearray(b"abc").translate(None, b"a"))

t("str maketrans 2", lambda: str.maketrans("ab", "cd"))
t("str maketrans 3", lambda: str.maketrans("a", "b", "cd"))
t("str maketrans dict", lambda: str.maketrans({"a": "x", 98: None, "c": 100}))
t("str maketrans bad key", lambda: str.maketrans({"ab": "x"}))
t("str maketrans key type", lambda: str.maketrans({1.5: "x"}))
t("str maketrans one", lambda: str.maketrans("a"))
t("str maketrans len", lambda: str.maketrans("a", "bc"))
t("str maketrans type", lambda: str.maketrans(1, 2))
t("str maketrans third", lambda: str.maketrans("a", "b", 3))
t("str maketrans nonascii", lambda: str.maketrans("\u20ac\xe9", "\U0001f600e"))
t("translate", lambda: "abcabc".translate({97: "xyz", 98: None, 99: 100}))
t("translate table", lambda: "hello".translate(str.maketrans("el", "ip")))
t("translate float", lambda: "abc".translate({97: 1.5}))
t("translate range", lambda: "abc".translate({97: 0x110000}))
t("translate neg", lambda: "abc".translate({97: -1}))
t("translate str table", lambda: "abc".translate("xyz"))
t("translate list", lambda: "\x00\x01\x02".translate(["A", None]))
t("translate unicode", lambda: "caf\xe9 \u20ac".translate({0xe9: "e", 0x20ac: "EUR"}))
t("translate empty", lambda: "".translate({}))
t("translate lookup", lambda: "ab".translate({}))
class Table:
    def __getitem__(self, k):
        if k == 97:
            raise KeyError(k)
        if k == 98:
            raise ValueError("boom")
        return None
t("translate getitem", lambda: "aa".translate(Table()))
t("translate getitem error", lambda: "ab".translate(Table()))
