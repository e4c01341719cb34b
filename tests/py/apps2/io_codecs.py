"""Reading and writing text in many encodings: io, codecs, unicodedata, incremental decoders."""
import codecs
import io
import unicodedata

text = "Grüße aus Köln – naïve café, 東京, Ελλάδα, emoji 🎉\n"
for enc in ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32-be", "latin-1", "cp1252", "iso8859-7",
            "shift_jis", "euc-kr", "gb18030", "koi8-r", "ascii", "cp437", "mac-roman", "utf-7", "idna"]:
    try:
        data = text.encode(enc)
        print(f"{enc:<10} {len(data):>4} {data[:12].hex()}")
    except UnicodeEncodeError as exc:
        print(f"{enc:<10} {exc.reason} at {exc.start}-{exc.end}: {exc.object[exc.start:exc.end]!r}")
    except UnicodeError as exc:
        print(f"{enc:<10} UnicodeError {exc}")
for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
    try:
        print(errors, text.encode("ascii", errors)[:70])
    except UnicodeEncodeError as exc:
        print(errors, "->", exc)
bad = b"ok \xff\xfe bad \xc3\x28 end"
for errors in ["replace", "ignore", "backslashreplace", "surrogateescape"]:
    s = bad.decode("utf-8", errors)
    print(errors, repr(s), s.encode("utf-8", "surrogateescape") == bad if errors == "surrogateescape" else "")
try:
    bad.decode("utf-8")
except UnicodeDecodeError as exc:
    print(exc, "|", exc.encoding, exc.start, exc.end, exc.reason)


def count_errors(exc):
    count_errors.n += 1
    return ("<?>", exc.end)


count_errors.n = 0
codecs.register_error("count", count_errors)
print("ÄÖÜ".encode("ascii", "count"), count_errors.n)
try:
    "x".encode("ascii", "nonexistent-handler") if False else codecs.lookup_error("nonexistent-handler")
except LookupError as exc:
    print("LookupError:", exc)

# Streaming: feed bytes in awkward chunks through an incremental decoder
data = text.encode("utf-8")
dec = codecs.getincrementaldecoder("utf-8")()
pieces = [dec.decode(data[i:i + 3]) for i in range(0, len(data), 3)]
print(pieces[:8], "".join(pieces) == text)
dec16 = codecs.getincrementaldecoder("utf-16")()
d16 = text.encode("utf-16")
print("".join(dec16.decode(d16[i:i + 5]) for i in range(0, len(d16), 5)) == text)
try:
    codecs.getincrementaldecoder("utf-8")().decode(b"\xe2\x82", final=True)
except UnicodeDecodeError as exc:
    print("final:", exc)
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"), enc.encode("", final=True))

# TextIOWrapper with newline handling
raw = io.BytesIO("line1\r\nline2\rline3\nlast".encode("utf-8"))
for newline in [None, "", "\n", "\r\n", "\r"]:
    raw.seek(0)
    w = io.TextIOWrapper(raw, encoding="utf-8", newline=newline)
    print(repr(newline), w.readlines(), w.newlines)
    w.detach()
buf = io.BytesIO()
w = io.TextIOWrapper(buf, encoding="utf-16-le", newline="\r\n", write_through=True)
w.write("a\nb\n")
print(buf.getvalue())
w.reconfigure(encoding="utf-8") if False else None
s = io.StringIO("alpha\nbeta\ngamma\n")
print(s.readline(), s.tell(), s.read(3), s.seek(0), s.readlines(), list(io.StringIO("x\ny")))
f = io.BytesIO(b"0123456789")
print(f.read(3), f.seek(-2, 2), f.read(), f.getbuffer()[2:5].tobytes(), f.readinto(bytearray(4)), f.tell())
br = io.BufferedReader(io.BytesIO(b"abc\ndef\n"), buffer_size=2)
print(br.peek(1)[:1], br.readline(), br.read1(10), br.read())
reader = codecs.getreader("latin-1")(io.BytesIO("déjà vu\n".encode("latin-1")))
print(reader.read())
sio = io.StringIO()
writer = codecs.getwriter("rot13")(sio) if False else None
print(codecs.encode("Hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hi", "base64"),
      codecs.decode(codecs.encode(b"x" * 20, "zlib"), "zlib"), codecs.encode("ä", "unicode_escape"),
      codecs.decode(b"\\u00e4\\n", "unicode_escape"), codecs.encode("ä\n", "raw_unicode_escape"),
      codecs.lookup("UTF8").name, codecs.lookup("latin_1").name, codecs.BOM_UTF8)

for ch in "Aé€😀\u0301\u00a0ß\u2167\uff21\u0663":
    print(f"U+{ord(ch):04X} {unicodedata.name(ch, '?'):<36} {unicodedata.category(ch)} "
          f"{unicodedata.bidirectional(ch):<3} {unicodedata.combining(ch)} {unicodedata.east_asian_width(ch)} "
          f"{unicodedata.numeric(ch, None)} {unicodedata.decomposition(ch)!r}")
s = "Åmélie ﬁne ①"
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    n = unicodedata.normalize(form, s)
    print(form, len(n), ascii(n), unicodedata.is_normalized(form, s))
print(unicodedata.lookup("SNOWMAN"), "\N{GREEK SMALL LETTER ALPHA}", unicodedata.unidata_version)
print("ß".upper(), "ǅ".lower(), "ǆ".title(), "İ".lower(), len("İ".lower()), "ﬃ".upper(), "Σ".lower(),
      "ΣΑΣ".lower(), "straße".casefold() == "STRASSE".casefold(), "ⅷ".isnumeric(), "٣".isdigit(), int("٣"),
      "x²".isdigit(), "²".isdecimal(), "\u2028".isspace(), "a\u2028b".splitlines(), "Ǉ".istitle())
