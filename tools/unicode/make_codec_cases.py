#!/usr/bin/env python3
"""Makes tests/unit/unicode_codec_cases.h: decoding and encoding cases with CPython 3.14.2's
results (the value, or the UnicodeError's start, end and reason), for the codec cores of
src/unicode/codecs.cpp driven by the error handlers the test implements.

    python3 tools/unicode/make_codec_cases.py"""
import json, os, random, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "tests/unit/unicode_codec_cases.h")

DECODERS = ["utf-7", "utf-8", "utf-16-le", "utf-16-be", "utf-16", "utf-32-le", "utf-32-be", "utf-32",
            "ascii", "latin-1", "unicode_escape", "raw_unicode_escape", "cp1252"]
DECODE_ERRORS = ["strict", "replace", "ignore", "surrogateescape", "backslashreplace"]
ENCODERS = ["utf-7", "utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "ascii", "latin-1",
            "unicode_escape", "raw_unicode_escape", "cp1252"]
ENCODE_ERRORS = ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace",
                 "surrogateescape", "surrogatepass"]
# Stateful decoding (final=False): codecs.<name>_decode(data, "strict", False).
STATEFUL = {"utf-7": "utf_7_decode", "utf-8": "utf_8_decode", "utf-16-le": "utf_16_le_decode",
            "utf-16-be": "utf_16_be_decode", "utf-32-le": "utf_32_le_decode",
            "unicode_escape": "unicode_escape_decode",
            "raw_unicode_escape": "raw_unicode_escape_decode"}


def byte_inputs(rng):
    crafted = [b"", b"abc", b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\x80", b"\xc0\xaf",
               b"\xc2", b"\xe0\x80", b"\xe0\xa0", b"\xed\xa0\x80", b"\xed\xa0", b"\xf0\x80\x80\x80",
               b"\xf4\x90\x80\x80", b"\xf0\x9f\x98", b"\xf0\x9f", b"\xf0\x9f\x41", b"a\xffb\xfe",
               b"\xf5", b"\xe2\x28\xa1", b"\xe2\x82\x28", b"\xf0\x28\x8c\xbc", b"\xf0\x90\x28\xbc",
               b"\xf0\x90\x8c\x28", b"\x00\xd8", b"\x00\xd8\x00\xdc", b"\x00\xdc\x41\x00",
               b"\x00\xd8\x41\x00", b"\x41\x00\x42", b"\x00\xd8\x41", b"\xff\xfe\x41\x00",
               b"\xfe\xff\x00\x41", b"\xff\xfe\x00\x00\x41\x00\x00\x00", b"\x00\x00\x11\x00",
               b"\x00\xd8\x00\x00", b"\x41\x00\x00\x00\x42", b"\\", b"\\x4", b"\\x41\\x4g",
               b"\\u12", b"\\u123g", b"\\U0010FFFF", b"\\U00110000", b"\\N", b"\\N{", b"\\Nx",
               b"\\N{}", b"\\N{LATIN SMALL LETTER A}", b"\\N{latin small letter a}",
               b"\\N{NO SUCH NAME}", b"\\N{BEL}", b"\\N{KEYCAP DIGIT ONE}", b"\\q\\w", b"\\400",
               b"\\777x", b"\\0\\12\\123", b"\\\n", b"a\\", b"\\u00e9\\U0001F600", b"\\a\\b\\f\\v",
               b"\xe9\\u", b"\x81\x8d\x8f\x90\x9d\x80",
               b"+AGE-", b"+AGEAYgBj-", b"a+-b", b"+", b"+A", b"+AG", b"+AGE", b"+AGEA",
               b"+AGEAYg", b"+2D3eAA-", b"+2D0-", b"+2D0AYQ-", b"+2D3eAA", b"+2D0", b"+!",
               b"~\\", b"+AGE\x80", b"+ZeVnLIqe-", b"+AGF-", b"+AGEx", b"x+AGE.y", b"+-+AGE",
               b"+AGE+AGI-", b"+2D3eAA+2D0-", b"+2D3e-", b"+AGE\x00", b"abc+"]
    pool = list(range(0x80)) * 1 + [0x2b, 0x2b, 0x2d, 0x2d, 0x41, 0x47, 0x32, 0x44,0x80, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0,
                                    0xf4, 0xf5, 0xff, 0x00, 0xd8, 0xdc, 0xa0, 0x90, 0x5c, 0x5c,
                                    0x75, 0x55, 0x4e, 0x7b, 0x7d]
    rand = [bytes(rng.choice(pool) for _ in range(rng.randint(1, 12))) for _ in range(60)]
    return crafted + rand


def text_inputs(rng):
    crafted = [[], [0x41], [0xE9], [0x20AC], [0x1F600], [0xD800], [0xDC80], [0xD800, 0xDC00],
               [0x41, 0xD800, 0xDFFF, 0x42], [0xDC80, 0xDCFF, 0xD800, 0x41], [0x100, 0x101, 0x41],
               [0x5C, 0x0A, 0x09, 0x7F, 0xFF, 0x100, 0x10FFFF], [0x20AC, 0x81], [0xDC41],
               list(range(128)), [x for c in range(128) for x in (0x20AC, c)]]
    pool = [0x41, 0x7A, 0x5C, 0x0A, 0x00, 0x7F, 0x80, 0xE9, 0xFF, 0x100, 0x20AC, 0xFFFD, 0xD800,
            0xDBFF, 0xDC00, 0xDC80, 0xDCFF, 0xDFFF, 0x10000, 0x1F600, 0x10FFFF, 0x152, 0x2122]
    rand = [[rng.choice(pool) for _ in range(rng.randint(1, 8))] for _ in range(40)]
    return crafted + rand


RUNNER = r'''
import codecs, json, warnings
DEC, ENC, STATEFUL = %s
def res_text(f):
    try:
        return ["ok", [ord(c) for c in f()]]
    except UnicodeError as e:
        return ["err", e.start, e.end, e.reason]
def res_bytes(f):
    try:
        return ["ok", list(f())]
    except UnicodeError as e:
        return ["err", e.start, e.end, e.reason]
out = {"dec": [], "enc": [], "state": [], "escape": []}
warnings.simplefilter("ignore")
for codec, errors, data in DEC:
    out["dec"].append(res_text(lambda: bytes(data).decode(codec, errors)))
for codec, errors, cps in ENC:
    out["enc"].append(res_bytes(lambda: "".join(map(chr, cps)).encode(codec, errors)))
for codec, data in STATEFUL:
    f = getattr(codecs, %r[codec])
    try:
        s, consumed = f(bytes(data), "strict", False)
        out["state"].append(["ok", [ord(c) for c in s], consumed])
    except UnicodeError as e:
        out["state"].append(["err", e.start, e.end, e.reason])
for data in [d for c, e, d in DEC if c == "unicode_escape" and e == "strict"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            codecs.unicode_escape_decode(bytes(data))
        except UnicodeError:
            pass
    out["escape"].append(str(w[0].message) if w else "")
out["cp1252"] = [ord(c) for c in __import__("encodings.cp1252").cp1252.decoding_table]
print(json.dumps(out))
'''


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hexs(values, width=6):
    return '"' + "".join("%0*X" % (width, v) for v in values) + '"'


def main():
    rng = random.Random(314)
    datas = byte_inputs(rng)
    texts = text_inputs(rng)
    dec = [(c, e, list(d)) for c in DECODERS for d in datas
           for e in (DECODE_ERRORS if c not in ("latin-1",) else ["strict"])]
    enc = [(c, e, t) for c in ENCODERS for t in texts for e in ENCODE_ERRORS
           if not (e == "surrogatepass" and not c.startswith("utf"))]
    state = [(c, list(d)) for c in STATEFUL for d in datas]
    source = RUNNER % (json.dumps([dec, enc, state]), STATEFUL)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as tmp:
        tmp.write(source)
    try:
        res = subprocess.run(["node", os.path.join(REPO, "tools/oracle/oracle.mjs"), "--run", tmp.name],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(tmp.name)
    r = json.loads(res.stdout)
    L = ["// Generated by tools/unicode/make_codec_cases.py from CPython 3.14.2. Do not edit.",
         "// Values are hex strings: two digits per byte, six per code point.",
         "#pragma once", "", "namespace cppy_test_codecs {",
         "struct Case { const char* codec; const char* errors; const char* input; bool ok;",
         "              const char* value; long start, end; const char* reason; long consumed; };"]

    def emit(name, rows):
        L.append("inline const Case %s[] = {" % name)
        L.extend(rows)
        L.append("};")

    def row(codec, errors, inp, result, consumed=-1, decode=True):
        iw, vw = (2, 6) if decode else (6, 2)
        if result[0] == "ok":
            return "    {%s, %s, %s, true, %s, 0, 0, \"\", %d}," % (
                cstr(codec), cstr(errors), hexs(inp, iw), hexs(result[1], vw), consumed)
        return "    {%s, %s, %s, false, \"\", %d, %d, %s, %d}," % (
            cstr(codec), cstr(errors), hexs(inp, iw), result[1], result[2], cstr(result[3]), consumed)

    emit("kDecode", [row(c, e, d, x) for (c, e, d), x in zip(dec, r["dec"])])
    emit("kEncode", [row(c, e, t, x, decode=False) for (c, e, t), x in zip(enc, r["enc"])])
    emit("kStateful", [row(c, "strict", d, x if x[0] == "err" else x[:2], x[2] if x[0] == "ok" else -1)
                       for (c, d), x in zip(state, r["state"])])
    esc = [d for c, e, d in dec if c == "unicode_escape" and e == "strict"]
    L.append("struct EscapeCase { const char* input; const char* warning; };")
    L.append("inline const EscapeCase kEscapeWarnings[] = {")
    L.extend("    {%s, %s}," % (hexs(d, 2), cstr(w)) for d, w in zip(esc, r["escape"]))
    L.append("};")
    L.append("inline const char* const kCp1252Table = %s;" % hexs(r["cp1252"]))
    L.append("}  // namespace cppy_test_codecs\n")
    with open(OUT, "w") as f:
        f.write("\n".join(L))
    print("wrote", OUT, len(dec), len(enc), len(state))


if __name__ == "__main__":
    main()
