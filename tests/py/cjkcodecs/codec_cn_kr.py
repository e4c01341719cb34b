# The Chinese and Korean codecs: hz's shift state, euc_kr's make-up sequences, johab,
# big5hkscs pairs; errors, incremental and stream use.
import codecs
import io

samples = {
    "gb2312": "中文 简体字 ·—",
    "gbk": "中文 繁體 ― ·",
    "gb18030": "中文 \u20ac 𠀀 \ue5e5 \U0010ffff",
    "hz": "A~B 中文 C 文字",
    "big5": "中文 繁體字",
    "cp950": "中文 \u20ac 繁體",
    "big5hkscs": "中文 \u00ca\u0304 \u00ea\u030c \u00ca \U00020021",
    "euc_kr": "한국어 똠방각하 \u3164",
    "cp949": "한국어 똠방각하",
    "johab": "한국어 똠방각하 ㄱㅏ \u3000 漢字",
}
for enc, text in samples.items():
    data = text.encode(enc, "replace")
    print(enc, data)
    print(" ", ascii(data.decode(enc, "replace")))
    for errors in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
        try:
            print(" ", errors, ("a\u0100b" + text[:2]).encode(enc, errors))
        except UnicodeEncodeError as e:
            print(" ", errors, e.start, e.end, e.reason, e)
    for bad in (b"a\x80b", b"\x81", b"\xa1", b"\xff\xfe", b"~", b"~x", b"~{\x21", b"~{!!~}",
                b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4", b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4",
                b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xff", b"\x88\x62\x88\x64", b"\xd8\x31",
                b"\x84\x41\x88\x61", b"\xc6\xa1"):
        for errors in ("strict", "replace"):
            try:
                print(" ", bad, errors, ascii(bad.decode(enc, errors)))
            except UnicodeDecodeError as e:
                print(" ", bad, errors, e.start, e.end, e.reason)

# hz keeps its mode across incremental calls and shows it in getstate.
enc = codecs.getincrementalencoder("hz")()
print(enc.encode("中"), enc.getstate(), enc.encode("a"), enc.getstate())
print(enc.encode("文"), enc.encode("", True), enc.getstate())
dec = codecs.getincrementaldecoder("hz")()
for chunk in (b"~", b"{", b"VD", b"~}a~", b"~"):
    print(ascii(dec.decode(chunk)), dec.getstate())
dec.reset()
print(dec.getstate())
buf = io.BytesIO()
w = codecs.getwriter("hz")(buf)
w.write("中")
w.write("文")
w.reset()
print(buf.getvalue())
print(codecs.getreader("hz")(io.BytesIO(b"~{VPND~}abc~{ND~}")).read())

# big5hkscs pairs wait for the next character.
enc = codecs.getincrementalencoder("big5hkscs")()
print(enc.encode("\u00ca"), enc.getstate(), enc.encode("\u0304"), enc.encode("\u00ea"),
      enc.encode("x"), enc.encode("\u00ca", True))
