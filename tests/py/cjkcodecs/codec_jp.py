# The Japanese codecs through the stdlib's encodings modules and _multibytecodec: round
# trips, error positions and reasons with every error handler, incremental and stream use.
import codecs
import io

TEXT = "日本語 テキスト ｶﾀｶﾅ ＼ ～ ¥‾ abc~\\ 髙﨑 ①"
for enc in ("shift_jis", "cp932", "euc_jp", "shift_jis_2004", "shift_jisx0213",
            "euc_jis_2004", "euc_jisx0213"):
    data = TEXT.encode(enc, "replace")
    print(enc, data)
    print(" ", data.decode(enc, "replace"))
    for errors in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
        try:
            print(" ", errors, "a\u20acb\U0001f600c".encode(enc, errors))
        except UnicodeEncodeError as e:
            print(" ", errors, type(e).__name__, e.encoding, e.start, e.end, e.reason, e)
    for bad in (b"a\x80b", b"\x81", b"\x81\x20", b"\xa4", b"\x8f\xa1", b"\xff\xfe",
                b"\xeb\x40", b"\x8e\xe0", b"\xad\xa1\xa1"):
        for errors in ("strict", "ignore", "replace", "backslashreplace"):
            try:
                print(" ", bad, errors, repr(bad.decode(enc, errors)))
            except UnicodeDecodeError as e:
                print(" ", bad, errors, e.start, e.end, e.reason, e)

# JIS X 0213 combining pairs and plane 2.
for enc in ("euc_jis_2004", "shift_jis_2004", "euc_jisx0213"):
    for s in ("か\u309a", "か", "\u02e9\u02e5", "\u02e5\u02e9", "æ\u0300", "𠀋", "\u9b1d",
              "\u4ff1", "\U00020b9f"):
        try:
            print(enc, ascii(s), s.encode(enc))
        except UnicodeEncodeError as e:
            print(enc, ascii(s), e)
    for b in (b"\xa4\xf7", b"\xa9\xdc", b"\xae\xa1", b"\x8f\xfe\xf6", b"\x84\xbe"):
        try:
            print(enc, b, ascii(b.decode(enc)))
        except UnicodeDecodeError as e:
            print(enc, b, e)

# Custom error handlers, positions they return, and what they may return.
def handler(exc):
    print("  handler:", type(exc).__name__, exc.start, exc.end, exc.reason)
    if isinstance(exc, UnicodeEncodeError):
        return ("<%s>" % exc.object[exc.start:exc.end].encode("unicode_escape").decode(),
                exc.end)
    return ("[%s]" % exc.object[exc.start:exc.end].hex(), exc.end)
codecs.register_error("test.cjk", handler)
print("a\u20acb\u20acc".encode("shift_jis", "test.cjk"))
print(b"a\x80b\xeb\x40c".decode("shift_jis", "test.cjk"))
codecs.register_error("test.bytes", lambda e: (b"##", e.end))
print("x\u20acy".encode("euc_jp", "test.bytes"))
codecs.register_error("test.back", lambda e: ("", -1))
try:
    print("x\u20acy".encode("euc_jp", "test.back"))
except Exception as e:
    print(type(e).__name__, e)
codecs.register_error("test.far", lambda e: ("", 100))
for f in (lambda: "x\u20acy".encode("euc_jp", "test.far"),
          lambda: b"x\x80y".decode("euc_jp", "test.far")):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
codecs.register_error("test.bad", lambda e: 42)
for f in (lambda: "x\u20acy".encode("euc_jp", "test.bad"),
          lambda: b"x\x80y".decode("euc_jp", "test.bad"),
          lambda: "x\u20acy".encode("euc_jp", "no.such.handler")):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
codecs.register_error("test.unenc", lambda e: ("\u20ac", e.end))
try:
    "x\u20acy".encode("euc_jp", "test.unenc")
except UnicodeEncodeError as e:
    print("nested", e)

# Incremental encoders keep a pending character (JIS X 0213 pairs) and show it in getstate.
enc = codecs.getincrementalencoder("euc_jis_2004")()
print(enc.encode("か"), enc.getstate())
print(enc.encode("\u309a"), enc.getstate())
print(enc.encode("か"), enc.encode("x"), enc.getstate())
print(enc.encode("か"), enc.encode("", final=True), enc.getstate())
state = (enc.encode("か"), enc.getstate())[1]
enc2 = codecs.getincrementalencoder("euc_jis_2004")()
enc2.setstate(state)
print(enc2.encode("\u309a", True))
enc.reset()
print(enc.getstate(), enc.errors)
enc.errors = "replace"
print(enc.encode("\u20ac"), enc.errors)
for bad in (lambda: setattr(enc, "errors", 3), lambda: delattr(enc, "errors"),
            lambda: enc.setstate("x"), lambda: enc.setstate(1 << 200),
            lambda: codecs.getincrementalencoder("euc_jp")(None),
            lambda: codecs.getincrementalencoder("euc_jp")("strict", 1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# Incremental decoders keep incomplete sequences.
dec = codecs.getincrementaldecoder("euc_jp")()
out = []
for b in "日本語テキスト".encode("euc_jp") + b"\x8f\xb0\xa1":
    out.append(dec.decode(bytes([b])))
    if len(out) < 4:
        print(repr(out[-1]), dec.getstate())
print(out)
print(repr(dec.decode(b"\xa4")), dec.getstate())
try:
    dec.decode(b"", final=True)
except UnicodeDecodeError as e:
    print(e, dec.getstate())
dec.reset()
print(dec.getstate())
dec.setstate((b"\xa4", 0))
print(repr(dec.decode(b"\xa2")))
for bad in ((b"\xa4" * 9, 0), (1, 2), ("a", 1), (b"", "x"), 5):
    try:
        dec.setstate(bad)
    except Exception as e:
        print(type(e).__name__, e)
dec = codecs.getincrementaldecoder("shift_jis")("replace")
print(repr(dec.decode(b"\x82\xa0\x82")), repr(dec.decode(b"", True)), dec.errors)
print(repr(codecs.getincrementaldecoder("cp932")("ignore").decode(b"a\x81", True)))

# Streams.
buf = io.BytesIO()
w = codecs.getwriter("shift_jis_2004")(buf)
w.write("か")
print(buf.getvalue())
w.write("\u309aき")
w.writelines(["く", "け\u309a"])
print(buf.getvalue())
w.reset()
print(buf.getvalue(), w.stream is buf, w.errors)
raw = "一行目\n二行目\r\nさん\n".encode("euc_jp")
r = codecs.getreader("euc_jp")(io.BytesIO(raw))
print(repr(r.read(1)), repr(r.read(3)), repr(r.readline()), r.readlines())
r = codecs.getreader("euc_jp")(io.BytesIO(raw))
print(r.readlines(5))
r = codecs.getreader("euc_jp")(io.BytesIO(raw[:-2]))
try:
    print(repr(r.read()))
except UnicodeDecodeError as e:
    print(e)
with codecs.open("_cjk_tmp.txt", "w", encoding="cp932") as f:
    f.write("ファイル①")
with open("_cjk_tmp.txt", encoding="cp932") as f:
    print(f.read())
with open("_cjk_tmp.txt", "rb") as f:
    print(f.read())
import os
os.remove("_cjk_tmp.txt")
print(io.TextIOWrapper(io.BytesIO("テスト\n".encode("euc_jis_2004")),
                       encoding="euc_jis_2004").read())
