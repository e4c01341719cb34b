# Encoding with every standard error handler and with registered ones (str and bytes
# replacements) through the codecs written natively: UTF-16/UTF-32 encode a text
# replacement as code units and accept bytes only in whole units; decoding with
# surrogatepass for UTF-8/16/32.
import codecs

def texts(e):
    return ("<%d:%d>" % (e.start, e.end), e.end)

codecs.register_error("test.text", texts)
codecs.register_error("test.byte", lambda e: (b"\xff", e.end))
codecs.register_error("test.word", lambda e: (b"\xff\xfe", e.end))
codecs.register_error("test.dword", lambda e: (b"\x01\x02\x03\x04", e.end))
codecs.register_error("test.latin", lambda e: ("\xe9", e.end))

handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace",
            "surrogateescape", "surrogatepass", "test.text", "test.byte", "test.word",
            "test.dword", "test.latin"]
for s in ["x\ud800\udc00y\ud801", "a\udc80\udcffb", "\xe9\u20ac\U0001f600", "\udfff"]:
    for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                "ascii", "latin-1"]:
        for err in handlers:
            try:
                r = s.encode(enc, err)
            except UnicodeEncodeError as ex:
                r = "%s: %s [%d:%d]" % (type(ex).__name__, ex, ex.start, ex.end)
            print(ascii(s), enc, err, r)

for b, enc in [(b"\xed\xa0\x80", "utf-8"), (b"a\xed\xb2\x80b", "utf-8"), (b"\x00\xd8", "utf-16-le"),
               (b"\xd8\x00", "utf-16-be"), (b"\x00\xdc\x41\x00", "utf-16-le"),
               (b"\x00\xd8\x00\x00", "utf-32-le"), (b"\x00\x00\xdc\x00", "utf-32-be"),
               (b"\xff\xfe\x00\xd8", "utf-16"), (b"\x80", "ascii")]:
    for err in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape",
                "surrogatepass", "test.text"]:
        try:
            r = ascii(b.decode(enc, err))
        except UnicodeDecodeError as ex:
            r = "%s: %s [%d:%d]" % (type(ex).__name__, ex, ex.start, ex.end)
        print(b, enc, err, r)
