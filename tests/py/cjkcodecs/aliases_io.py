# The CJK codecs by every alias the stdlib registers, through str.encode/bytes.decode, codecs
# helpers and io.TextIOWrapper (whose stateful encoders must close their shift state).
import codecs
import encodings.aliases
import io

CJK = {"big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jis_2004", "euc_jisx0213",
       "euc_jp", "euc_kr", "gb18030", "gb2312", "gbk", "hz", "iso2022_jp", "iso2022_jp_1",
       "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr",
       "johab", "shift_jis", "shift_jis_2004", "shift_jisx0213"}
names = sorted(a for a, t in encodings.aliases.aliases.items() if t in CJK) + sorted(CJK)
for name in names:
    info = codecs.lookup(name)
    sample = {"hz": "中文", "iso2022_kr": "한국"}.get(info.name.replace("-", "_"), "abc")
    print(name, info.name, "x".encode(name), sample.encode(name).decode(name) == sample)

print("日本".encode("SJIS"), "日本".encode("Shift-JIS"), b"\x93\xfa".decode("ms932"))
print(list(codecs.iterencode(["中", "文", "a"], "hz")))
print("".join(codecs.iterdecode([b"~{V", b"P~}", b"a"], "hz")))
for enc in ("hz", "iso2022_jp", "iso2022_kr", "euc_jis_2004", "big5hkscs"):
    raw = io.BytesIO()
    w = io.TextIOWrapper(raw, encoding=enc, newline="")
    w.write("中文\n" if enc != "iso2022_kr" else "한국\n")
    w.write("か" if enc == "euc_jis_2004" else "\u00ca" if enc == "big5hkscs" else "x")
    w.flush()
    print(enc, raw.getvalue())
    w.write("y")
    w.close() if False else w.flush()
    data = raw.getvalue()
    r = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline="")
    print(" ", ascii(r.read()))
print(codecs.decode(b"\xa4\xa2", "euc_jp"), codecs.encode("あ", "cp932"))
print(bytearray("漢字", "gbk"), str(memoryview("漢字".encode("big5")), "big5"))
