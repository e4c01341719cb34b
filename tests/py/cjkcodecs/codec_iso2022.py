# The ISO 2022 codecs: escape sequences, shifts, G2, JIS X 0213 pairs, errors, state.
import codecs
import io

CODECS = ("iso2022_kr", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004",
          "iso2022_jp_3", "iso2022_jp_ext")
TEXTS = ["abc", "日本語", "日本語abc漢字\n次の行", "ｶﾀｶﾅ", "¥‾\\~", "한국어 ab 한", "中文",
         "é ä Ω", "か\u309aか", "か", "\u02e9\u02e5x", "𠀋", "\u9b1d\u4ff1", "丂 乚", "①"]
for enc in CODECS:
    print("==", enc)
    for t in TEXTS:
        try:
            data = t.encode(enc)
            back = data.decode(enc)
            print(ascii(t), data, back == t)
        except UnicodeEncodeError as e:
            print(ascii(t), e.start, e.end, e.reason, t.encode(enc, "backslashreplace"))
    for bad in (b"\x1b", b"\x1b$", b"\x1b$B", b"\x1b$B\x30", b"\x1b$B\x30\x21\x1b(B",
                b"\x1b$Bxx", b"\x1b(Z", b"\x1b$(Z", b"\x1b$)C\x0e\x30\x21\x0fa",
                b"\x0e\x30\x21", b"\x1b$A\x30\x21", b"\x1b.A\x1bNa", b"\x1b.F\x1bNa\x1bNA",
                b"\x1bNa", b"\x1b[1mx", b"\x80", b"a\nb", b"\x1b$B\x30\x21\nx",
                b"\x1b&@\x1b$B\x30\x21", b"\x1b&@\x1b$A", b"\x1b(I\x31", b"\x1b(J\x5c\x7e",
                b"\x1b$(Q\x2e\x21", b"\x1b$(O\x2e\x21", b"\x1b$(P\x7d\x3b",
                b"\x1b$(Q\x24\x77", b"\x1b0123456789abcdef"):
        for errors in ("strict", "replace"):
            try:
                print(" ", bad, errors, ascii(bad.decode(enc, errors)))
            except UnicodeDecodeError as e:
                print(" ", bad, errors, e.start, e.end, e.reason)

# Incremental encoders keep the designation across calls (getstate shows it) and return to
# ASCII at the end.
for enc in ("iso2022_jp", "iso2022_kr", "iso2022_jp_2004"):
    e = codecs.getincrementalencoder(enc)()
    out = []
    for ch in "日本a語か":
        out.append(e.encode(ch, False) if ch.isascii() or enc != "iso2022_kr" else b"")
        out.append(e.getstate())
    out.append(e.encode("", True))
    out.append(e.getstate())
    print(enc, out)
    e.encode("日" if enc != "iso2022_kr" else "한")
    print(e.getstate())
    e.reset()
    print(e.getstate(), e.encode("a"))
    d = codecs.getincrementaldecoder(enc)()
    data = "日本a語".encode(enc, "replace") if enc != "iso2022_kr" else "한국a어".encode(enc)
    res = []
    for b in data:
        res.append(d.decode(bytes([b])))
        res.append(d.getstate())
    print(res)
    d.reset()
    print(d.getstate())

buf = io.BytesIO()
w = codecs.getwriter("iso2022_jp")(buf)
w.write("日本")
w.write("語a")
w.write("漢")
w.reset()
print(buf.getvalue())
r = codecs.getreader("iso2022_jp")(io.BytesIO(buf.getvalue() + b"\n\x1b$B\x30\x21\x1b(B\n"))
print(r.readlines())
print("日本語\n".encode("iso2022_jp").decode("iso2022_jp"),
      "x".encode("iso2022_jp", "strict"), "\u20ac".encode("iso2022_jp_2", "xmlcharrefreplace"))
