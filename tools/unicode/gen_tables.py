#!/usr/bin/env python3
"""Generates cppy's Unicode 16.0.0 tables from the reference dump (see make_dump.py).

    python3 tools/unicode/gen_tables.py            write src/unicode/*_gen.cpp and the test digests
    python3 tools/unicode/gen_tables.py --check    exit 1 if the committed files differ

The layout follows CPython's Tools/unicode/makeunicodedata.py in spirit: records deduplicated
and reached through two-level tables (the split chosen to minimise their size), case mappings
as deltas or indices into an extended-case array, and a compressed name database (a word
lexicon with one- or two-byte word codes, names sorted for lookup by binary search)."""
import argparse, collections, lzma, os, struct, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DUMP = os.path.join(REPO, "tests/data/unicode/ucd_dump.txt.xz")
OUT_CTYPE = os.path.join(REPO, "src/unicode/unicodectype_gen.cpp")
OUT_DB = os.path.join(REPO, "src/unicode/unicodedata_gen.cpp")
OUT_DIGEST = os.path.join(REPO, "tests/unit/unicode_ucd_expected.h")

NCODE = 0x110000
# CPython's flag bits (Objects/unicodectype.c).
ALPHA, DECIMAL, DIGIT, LOWER, LINEBREAK, SPACE, TITLE, UPPER = (1 << i for i in range(8))
XID_START, XID_CONTINUE, PRINTABLE, NUMERIC, CASE_IGNORABLE, CASED, EXTENDED_CASE = (
    1 << i for i in range(8, 15))
FLAG_LETTERS = {'a': ALPHA, 'd': DECIMAL, 'g': DIGIT, 'l': LOWER, 'b': LINEBREAK, 's': SPACE,
                'u': UPPER, 'x': XID_START, 'y': XID_CONTINUE, 'p': PRINTABLE, 'n': NUMERIC,
                'i': CASE_IGNORABLE, 'c': CASED}
ALIASES_START = 0xF0000
NAMED_SEQUENCES_START = 0xF0200
CJK_PREFIX = "CJK UNIFIED IDEOGRAPH-"
# The ranges of CPython's is_unified_ideograph (Modules/unicodedata.c), hard-coded in C++ too;
# the dump must agree with them.
CJK_RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2B739),
              (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D),
              (0x30000, 0x3134A), (0x31350, 0x323AF)]


def fnv1a(data, h=0xcbf29ce484222325):
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


class Dump:
    def __init__(self, path):
        self.version = None
        self.fields = [None] * NCODE      # per code point: list of 18 strings
        self.old = [None] * NCODE         # per code point: ucd_3_2_0's 14 strings
        self.names = {}                   # cp -> name (non-algorithmic)
        self.ranges = []                  # (first, last, prefix)
        self.aliases = []                 # (cp, alias)
        self.sequences = []               # (name, [cps])
        with lzma.open(path, "rt", encoding="utf-8") as f:
            self.raw = f.read()
        for line in self.raw.splitlines():
            kind, _, rest = line.partition(" ")
            if kind == "V":
                self.version = rest
            elif kind == "P":
                start, count, text = rest.split(" ", 2)
                start, count = int(start, 16), int(count)
                flds = text.split(";")
                for cp in range(start, start + count):
                    self.fields[cp] = flds
            elif kind == "O":
                start, count, text = rest.split(" ", 2)
                start, count = int(start, 16), int(count)
                flds = text.split(";")
                for cp in range(start, start + count):
                    self.old[cp] = flds
            elif kind == "N":
                cp, name = rest.split(" ", 1)
                self.names[int(cp, 16)] = name
            elif kind == "R":
                first, last, prefix = rest.split(" ", 2)
                if line.endswith(" "):
                    prefix += " "
                self.ranges.append((int(first, 16), int(last, 16), prefix))
            elif kind == "A":
                cp, alias = rest.split(" ", 1)
                self.aliases.append((int(cp, 16), alias))
            elif kind == "S":
                name, cps = rest.split(";")
                self.sequences.append((name, [int(x, 16) for x in cps.split()]))
        assert all(f is not None for f in self.fields)
        assert all(f is not None for f in self.old)

    def name(self, cp):
        if cp in self.names:
            return self.names[cp]
        for first, last, prefix in self.ranges:
            if first <= cp <= last:
                return prefix + "%X" % cp
        return None


def hexlist(s, cp):
    return [cp] if s == "" else [int(x, 16) for x in s.split()]


# --- two-level tables (CPython's splitbins) ---------------------------------------------------

def ctype_for(values):
    lo, hi = min(values), max(values)
    if lo >= 0:
        if hi < 256: return "uint8_t", 1
        if hi < 65536: return "uint16_t", 2
        return "uint32_t", 4
    if lo >= -128 and hi < 128: return "int8_t", 1
    if lo >= -32768 and hi < 32768: return "int16_t", 2
    return "int32_t", 4


def splitbins(t):
    """Returns (t1, t2, shift) with t[i] == t2[(t1[i >> shift] << shift) + (i & mask)],
    choosing the shift that minimises the bytes of both tables."""
    best = None
    n = len(t)
    maxshift = max(1, (n - 1).bit_length())
    for shift in range(maxshift + 1):
        t1, t2, bins = [], [], {}
        size = 1 << shift
        for i in range(0, n, size):
            b = tuple(t[i:i + size])
            index = bins.get(b)
            if index is None:
                index = len(t2) >> shift
                bins[b] = index
                t2.extend(b)
            t1.append(index)
        nbytes = len(t1) * ctype_for(t1)[1] + len(t2) * ctype_for(t2)[1]
        if best is None or nbytes < best[0]:
            best = (nbytes, t1, t2, shift)
    return best[1], best[2], best[3]


def c_array(name, values, per_line=16, ctype=None):
    ctype = ctype or ctype_for(values)[0]
    lines = ["const %s %s[%d] = {" % (ctype, name, len(values))]
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[i:i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines), ctype


def two_level(name, t, default=0):
    """Static index tables and `uint32_t NAME_index(char32_t)` returning t[ch] (`default`
    beyond U+10FFFF)."""
    t1, t2, shift = splitbins(t)
    a1, _ = c_array(name + "_index1", t1)
    a2, _ = c_array(name + "_index2", t2)
    return ("static %s\nstatic %s\n"
            "uint32_t %s_index(char32_t ch) {\n"
            "  if (ch >= 0x110000) return %d;\n"
            "  uint32_t i = %s_index1[ch >> %d];\n"
            "  return %s_index2[(i << %d) + (ch & %d)];\n}\n"
            % (a1, a2, name, default, name, shift, name, shift, (1 << shift) - 1))


HEADER = """// Generated by tools/unicode/gen_tables.py from tests/data/unicode/ucd_dump.txt.xz (the
// reference CPython 3.14.2's Unicode %s database). Do not edit.
"""


# --- unicodectype ------------------------------------------------------------------------------

def gen_ctype(d):
    records = {}
    rec_index = [0] * NCODE
    extended = []
    numerics = [None]  # index 0: no numeric value
    numeric_index = {}
    empty = (0, 0, 0, 0, 0, 0, 0)
    records[empty] = 0
    record_list = [empty]
    for cp in range(NCODE):
        f = d.fields[cp]
        cat = f[0]
        fl = 0
        for ch in f[9]:
            if ch in FLAG_LETTERS:
                fl |= FLAG_LETTERS[ch]
        if cat == "Lt":
            fl |= TITLE
        decimal = int(f[6]) if f[6] else 0
        digit = int(f[7]) if f[7] else 0
        num = 0
        if f[8]:
            if f[8] not in numeric_index:
                numeric_index[f[8]] = len(numerics)
                numerics.append(f[8])
            num = numeric_index[f[8]]
        lower, upper, title, fold = (hexlist(f[k], cp) for k in (10, 11, 12, 13))
        if len(lower) > 1 or len(upper) > 1 or len(title) > 1 or fold != lower:
            fl |= EXTENDED_CASE
            lo = len(extended) | (len(lower) << 24)
            extended.extend(lower)
            if fold != lower:
                lo |= len(fold) << 20
                extended.extend(fold)
            up = len(extended) | (len(upper) << 24)
            extended.extend(upper)
            if title == upper:
                ti = up
            else:
                ti = len(extended) | (len(title) << 24)
                extended.extend(title)
        else:
            lo, up, ti = lower[0] - cp, upper[0] - cp, title[0] - cp
        rec = (up, lo, ti, decimal, digit, fl, num)
        index = records.get(rec)
        if index is None:
            index = records[rec] = len(record_list)
            record_list.append(rec)
        rec_index[cp] = index
    assert len(extended) < 1 << 16
    out = [HEADER % d.version, '#include "unicode/unicodectype_tables.h"\n',
           "namespace cppy::unicode::detail {\n"]
    out.append("const TypeRecord type_records[%d] = {" % len(record_list))
    for r in record_list:
        out.append("    {%d, %d, %d, %d, %d, 0x%04X, %d}," % r)
    out.append("};\n")
    out.append(two_level("type", rec_index))
    out.append(c_array("extended_case", extended, ctype="char32_t")[0] + "\n")
    vals = ["0.0"] + ["std::bit_cast<double>(0x%sULL)" % h for h in numerics[1:]]
    out.append("const double numeric_values[%d] = {\n    %s,\n};\n" % (len(vals), ",\n    ".join(vals)))
    out.append("}  // namespace cppy::unicode::detail\n")
    return "\n".join(out).replace('#include "unicode/unicodectype_tables.h"\n',
                                  '#include <bit>\n\n#include "unicode/unicodectype_tables.h"\n')


# --- unicodedata -------------------------------------------------------------------------------

def gen_db(d):
    cats = sorted({f[0] for f in d.fields} - {"Cn"})
    cats = ["Cn"] + cats
    bidis = [""] + sorted({f[1] for f in d.fields} - {""})
    eaws = sorted({f[3] for f in d.fields})
    prefixes = [""] + sorted({f[5].split(" ")[0] for f in d.fields if f[5].startswith("<")})

    # Primary composites: canonical two-character decompositions that NFC recomposes.
    pairs = []
    maybe = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo
    for cp in range(NCODE):
        f = d.fields[cp]
        if f[5] and not f[5].startswith("<") and f[15] == "":
            parts = [int(x, 16) for x in f[5].split()]
            if len(parts) == 2:
                pairs.append((parts[0], parts[1], cp))
                maybe.add(parts[1])
    pairs.sort()

    records = {}
    record_list = []
    rec_index = [0] * NCODE
    decomp_data = [0]  # index 0: no decomposition
    decomp_index = [0] * NCODE
    for cp in range(NCODE):
        f = d.fields[cp]
        # Quick check values as in CPython's makeunicodedata: two bits per form, YES=0,
        # MAYBE=1, NO=2, at shifts NFD 0, NFKD 2, NFC 4, NFKC 6.
        qc = 0
        for shift, k, composes in ((0, 14, False), (2, 16, False), (4, 15, True), (6, 17, True)):
            if f[k] != "":
                qc |= 2 << shift
            elif composes and cp in maybe:
                qc |= 1 << shift
        rec = (cats.index(f[0]), int(f[2]), bidis.index(f[1]), int(f[4]), eaws.index(f[3]), qc)
        index = records.get(rec)
        if index is None:
            index = records[rec] = len(record_list)
            record_list.append(rec)
        rec_index[cp] = index
        if f[5]:
            parts = f[5].split(" ")
            prefix = 0
            if parts[0].startswith("<"):
                prefix = prefixes.index(parts[0])
                parts = parts[1:]
            decomp_index[cp] = len(decomp_data)
            decomp_data.append(len(parts) << 8 | prefix)
            decomp_data.extend(int(x, 16) for x in parts)
    # Unassigned code points must use record 0 only if it is theirs; keep it explicit.
    out = [HEADER % d.version, '#include <bit>\n\n#include "unicode/unicodedata_tables.h"\n',
           "namespace cppy::unicode::detail {\n"]
    out.append("const char* const category_names[%d] = {%s};" % (
        len(cats), ", ".join('"%s"' % c for c in cats)))
    out.append("const char* const bidirectional_names[%d] = {%s};" % (
        len(bidis), ", ".join('"%s"' % c for c in bidis)))
    out.append("const char* const east_asian_width_names[%d] = {%s};" % (
        len(eaws), ", ".join('"%s"' % c for c in eaws)))
    out.append("const char* const decomp_prefix[%d] = {%s};\n" % (
        len(prefixes), ", ".join('"%s"' % c for c in prefixes)))
    out.append("const DatabaseRecord database_records[%d] = {" % len(record_list))
    for r in record_list:
        out.append("    {%d, %d, %d, %d, %d, %d}," % r)
    out.append("};\n")
    out.append(two_level("db", rec_index))
    out.append(c_array("decomp_data", decomp_data, ctype="char32_t")[0] + "\n")
    out.append(two_level("decomp", decomp_index))
    out.append("const CompositionPair composition_pairs[%d] = {" % len(pairs))
    for a, b, c in pairs:
        out.append("    {0x%X, 0x%X, 0x%X}," % (a, b, c))
    out.append("};\nconst int composition_pair_count = %d;\n" % len(pairs))
    out.append(gen_names(d))
    out.append(gen_old(d, cats, bidis, eaws))
    out.append("}  // namespace cppy::unicode::detail\n")
    return "\n".join(out)


def gen_old(d, cats, bidis, eaws):
    """ucd_3_2_0: for each code point whose 3.2.0 properties differ, a record of the old values
    (CPython's change_record, with every field the reference shows changing)."""
    records = {None: 0}
    record_list = [None]
    index = [0] * NCODE
    numerics = [0.0]
    numeric_index = {}
    for cp in range(NCODE):
        f, o = d.fields[cp], d.old[cp]
        assert o[7] == f[7], hex(cp)              # digit() ignores the old version
        assert o[5] in ("", f[5]), hex(cp)        # decompositions only disappear
        same = (o[0] == f[0] and o[1] == f[1] and o[2] == f[2] and o[3] == f[3] and o[4] == f[4]
                and o[5] == f[5] and o[6] == f[6] and o[8] == f[8] and o[10:] == f[14:18]
                and o[9] == ("1" if d.name(cp) is not None else "0"))
        if same:
            continue
        flags = (1 if o[5] != f[5] else 0) | (2 if o[9] == "0" else 0)
        normalization = 0
        if o[10] != f[14] and o[0] != "Cn":
            parts = o[10].split()
            assert len(parts) == 1, hex(cp)
            normalization = int(parts[0], 16)
        num = 0
        if o[8]:
            if o[8] not in numeric_index:
                numeric_index[o[8]] = len(numerics)
                numerics.append(o[8])
            num = numeric_index[o[8]]
        rec = (cats.index(o[0]), bidis.index(o[1]), int(o[2]), eaws.index(o[3]), int(o[4]),
               int(o[6]) if o[6] else 0xFF, num, flags, normalization)
        if rec not in records:
            records[rec] = len(record_list)
            record_list.append(rec)
        index[cp] = records[rec]
    out = ["const OldRecord old_records[%d] = {" % len(record_list), "    {0, 0, 0, 0, 0, 0, 0, 0, 0},"]
    for r in record_list[1:]:
        out.append("    {%d, %d, %d, %d, %d, %d, %d, %d, 0x%X}," % r)
    out.append("};")
    out.append(two_level("old", index))
    vals = ["0.0"] + ["std::bit_cast<double>(0x%sULL)" % h for h in numerics[1:]]
    out.append("const double old_numeric_values[%d] = {\n    %s,\n};\n" % (len(vals), ",\n    ".join(vals)))
    return "\n".join(out)


def gen_names(d):
    # Hangul syllables are named by an algorithm (CPython's _getucname), not stored.
    entries = [(name, cp) for cp, name in d.names.items() if not 0xAC00 <= cp <= 0xD7A3]
    for i, (cp, alias) in enumerate(d.aliases):
        entries.append((alias, ALIASES_START + i))
    for i, (name, _) in enumerate(d.sequences):
        entries.append((name, NAMED_SEQUENCES_START + i))
    entries.sort()
    assert len({n for n, _ in entries}) == len(entries)
    words = collections.Counter(w for name, _ in entries for w in name.split(" "))
    lexicon = sorted(words, key=lambda w: (-words[w], w))
    word_index = {w: i for i, w in enumerate(lexicon)}
    assert len(lexicon) < 128 + (127 << 8) + 256
    lex_chars = []
    lex_offsets = []
    for w in lexicon:
        lex_offsets.append(len(lex_chars))
        lex_chars.extend(w.encode("ascii"))
    lex_offsets.append(len(lex_chars))
    BLOCK = 32
    data = []
    block_offsets = []
    pos_of = {}
    for k, (name, cp) in enumerate(entries):
        if k % BLOCK == 0:
            block_offsets.append(len(data))
        pos_of[cp] = k
        ws = name.split(" ")
        data.extend((cp >> 16, (cp >> 8) & 0xFF, cp & 0xFF, len(ws)))
        for w in ws:
            i = word_index[w]
            if i < 128:
                data.append(i)
            else:
                i -= 128
                data.extend((0x80 | (i >> 8), i & 0xFF))
    maxlen = max(len(n) for n, _ in entries)
    pos_table = [0xFFFF] * NCODE
    for cp, k in pos_of.items():
        pos_table[cp] = k
    assert len(entries) < 0xFFFF
    out = []
    out.append("const int name_count = %d;\nconst int name_block = %d;\nconst int name_longest = %d;"
               % (len(entries), BLOCK, maxlen))
    out.append(c_array("name_lexicon", lex_chars, per_line=24, ctype="unsigned char")[0])
    out.append(c_array("name_lexicon_offsets", lex_offsets, ctype="uint32_t")[0])
    out.append(c_array("name_data", data, per_line=24, ctype="unsigned char")[0])
    out.append(c_array("name_block_offsets", block_offsets, ctype="uint32_t")[0])
    out.append(two_level("name_pos", pos_table, 0xFFFF))
    out.append(c_array("name_aliases", [cp for cp, _ in d.aliases], ctype="char32_t")[0])
    out.append("const int name_alias_count = %d;" % len(d.aliases))
    seq_data, seq_offsets = [], []
    for _, cps in d.sequences:
        seq_offsets.append(len(seq_data))
        seq_data.extend(cps)
    seq_offsets.append(len(seq_data))
    out.append(c_array("named_sequence_data", seq_data, ctype="char32_t")[0])
    out.append(c_array("named_sequence_offsets", seq_offsets, ctype="uint16_t")[0])
    out.append("const int named_sequence_count = %d;" % len(d.sequences))
    algo = [(a, b, p) for a, b, p in d.ranges if p != CJK_PREFIX]
    cjk = sorted((a, b) for a, b, p in d.ranges if p == CJK_PREFIX)
    assert cjk == CJK_RANGES, cjk
    out.append("const AlgorithmicNameRange algorithmic_names[%d] = {" % len(algo))
    for a, b, p in algo:
        out.append('    {0x%X, 0x%X, "%s"},' % (a, b, p))
    out.append("};\nconst int algorithmic_name_count = %d;\n" % len(algo))
    return "\n".join(out)


# --- digests the unit tests recompute from the C++ side ----------------------------------------

def gen_digest(d):
    h = 0xcbf29ce484222325
    for cp in range(NCODE):
        h = fnv1a(("%X;%s\n" % (cp, ";".join(d.fields[cp]))).encode(), h)
    hn = 0xcbf29ce484222325
    count = 0
    for cp in range(NCODE):
        name = d.name(cp)
        if name is not None:
            hn = fnv1a(("%X;%s\n" % (cp, name)).encode(), hn)
            count += 1
    ho = 0xcbf29ce484222325
    for cp in range(NCODE):
        ho = fnv1a(("%X;%s\n" % (cp, ";".join(d.old[cp]))).encode(), ho)
    return ("// Generated by tools/unicode/gen_tables.py: digests of the reference dump that\n"
            "// unicode_ucd_test.cpp recomputes from the C++ tables. Do not edit.\n"
            "#pragma once\n#include <cstdint>\n\n"
            "namespace cppy_test_ucd {\n"
            "constexpr uint64_t kPropertiesDigest = 0x%016xULL;\n"
            "constexpr uint64_t kNamesDigest = 0x%016xULL;\n"
            "constexpr int kNamedCount = %d;\n"
            "constexpr uint64_t kOldPropertiesDigest = 0x%016xULL;  // ucd_3_2_0\n"
            "}  // namespace cppy_test_ucd\n" % (h, hn, count, ho))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    d = Dump(DUMP)
    outputs = {OUT_CTYPE: gen_ctype(d), OUT_DB: gen_db(d), OUT_DIGEST: gen_digest(d)}
    stale = []
    for path, text in outputs.items():
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            stale.append(path)
            if not args.check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    if args.check:
        if stale:
            sys.exit("out of date (run tools/unicode/gen_tables.py): " + ", ".join(stale))
        print("Unicode tables agree with the dump")
    else:
        for path in outputs:
            print("wrote", os.path.relpath(path, REPO), os.path.getsize(path))


if __name__ == "__main__":
    main()
