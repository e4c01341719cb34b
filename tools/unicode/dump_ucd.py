# Dumps every Unicode property cppy's src/unicode needs, for all 0x110000 code points, as the
# reference interpreter (CPython 3.14.2, Unicode 16.0.0) reports them. Run on the reference by
# make_dump.py (node tools/oracle/oracle.mjs --run), which appends ALIASES and NAMED_SEQUENCES.
#
# Output lines:
#   V <unidata_version>
#   P <start> <count> <fields>   `count` consecutive code points whose fields are identical
#                                (fields joined by ';', see FIELDS below; mappings that are the
#                                identity are empty, others are space-separated hex)
#   N <cp> <name>                a name that is not algorithmic
#   R <first> <last> <prefix>    code points whose name is prefix + '%X' % cp
#   O <start> <count> <fields>   the same for unicodedata.ucd_3_2_0 (see OLD_FIELDS)
#   A <cp> <alias>               a checked formal alias
#   S <name>;<code points>       a checked named sequence
#   E <message>                  a check that failed
import sys, struct, re, _sre, unicodedata as ud

FIELDS = ("category bidirectional combining east_asian_width mirrored decomposition decimal "
          "digit numeric flags lower upper title casefold nfd nfc nfkd nfkc")

OLD_FIELDS = ("category bidirectional combining east_asian_width mirrored decomposition decimal "
              "digit numeric named nfd nfc nfkd nfkc")

def mapping(c, m):
    return "" if m == c else " ".join("%X" % ord(x) for x in m)

def flags(c):
    ignorable = ('A' + c + '\u03a3').lower()[-1] == '\u03c2' and ('A\u03a3' + c).lower()[1] == '\u03c2'
    cased = ('a' + c + 'a').title()[-1] == 'a'
    tests = (
        ('a', c.isalpha()), ('d', c.isdecimal()), ('g', c.isdigit()), ('n', c.isnumeric()),
        ('p', c.isprintable()), ('s', c.isspace()),
        ('b', len(('a' + c + 'b').splitlines()) == 2),
        ('l', c.islower()), ('u', c.isupper()), ('t', c.istitle()),
        ('c', cased), ('i', ignorable),
        ('x', c.isidentifier() and c != '_'), ('y', ('a' + c).isidentifier()),
    )
    return "".join(k for k, v in tests if v)

def fields(i):
    c = chr(i)
    num = ud.numeric(c, None)
    f = [ud.category(c), ud.bidirectional(c), str(ud.combining(c)), ud.east_asian_width(c),
         str(ud.mirrored(c)), ud.decomposition(c),
         str(ud.decimal(c, '')), str(ud.digit(c, '')),
         '' if num is None else struct.pack('>d', num).hex(),
         flags(c), mapping(c, c.lower()), mapping(c, c.upper()), mapping(c, c.title()),
         mapping(c, c.casefold())]
    for form in ('NFD', 'NFC', 'NFKD', 'NFKC'):
        f.append(mapping(c, ud.normalize(form, c)))
    # The simple lower case mapping that _sre uses must be the first of the full mapping.
    if _sre.unicode_tolower(i) != ord(c.lower()[0]):
        print("E tolower %X" % i)
    return ";".join(f)

def old_fields(i):
    c = chr(i)
    o = ud.ucd_3_2_0
    num = o.numeric(c, None)
    f = [o.category(c), o.bidirectional(c), str(o.combining(c)), o.east_asian_width(c),
         str(o.mirrored(c)), o.decomposition(c), str(o.decimal(c, '')), str(o.digit(c, '')),
         '' if num is None else struct.pack('>d', num).hex(),
         '0' if o.name(c, None) is None else '1']
    for form in ('NFD', 'NFC', 'NFKD', 'NFKC'):
        f.append(mapping(c, o.normalize(form, c)))
    return ";".join(f)

def main():
    out = sys.stdout
    out.write("V %s\n" % ud.unidata_version)
    start, prev = 0, fields(0)
    for i in range(1, 0x110001):
        cur = fields(i) if i < 0x110000 else None
        if cur != prev:
            out.write("P %X %d %s\n" % (start, i - start, prev))
            start, prev = i, cur
    start, prev = 0, old_fields(0)
    for i in range(1, 0x110001):
        cur = old_fields(i) if i < 0x110000 else None
        if cur != prev:
            out.write("O %X %d %s\n" % (start, i - start, prev))
            start, prev = i, cur
    run = None  # (first, last, prefix)
    def flush():
        if run:
            out.write("R %X %X %s\n" % run)
    for i in range(0x110000):
        name = ud.name(chr(i), None)
        if name is None:
            continue
        prefix = None
        m = re.fullmatch(r"(.*-)([0-9A-F]{4,6})", name)
        if m and int(m.group(2), 16) == i:
            prefix = m.group(1)
        if prefix is not None:
            if run and run[2] == prefix and run[1] == i - 1:
                run = (run[0], i, prefix)
            else:
                flush()
                run = (i, i, prefix)
            continue
        out.write("N %X %s\n" % (i, name))
    flush()
    for cp, alias in ALIASES:
        try:
            got = ud.lookup(alias)
        except KeyError:
            got = None
        if got != chr(cp):
            out.write("E alias %X %s\n" % (cp, alias))
        else:
            out.write("A %X %s\n" % (cp, alias))
    for name, seq in NAMED_SEQUENCES:
        try:
            got = ud.lookup(name)
        except KeyError:
            got = None
        if got != "".join(map(chr, seq)):
            out.write("E sequence %s\n" % name)
        else:
            out.write("S %s;%s\n" % (name, " ".join("%04X" % x for x in seq)))
