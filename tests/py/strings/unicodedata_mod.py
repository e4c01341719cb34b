import unicodedata as u
for c in ['A', 'é', '٣', '½', '⅕', '\u2460', ' ', '\u0301', '中', '\U0001F600', '(', '\u00ad']:
    print(repr(c), u.category(c), u.bidirectional(c), u.combining(c), u.mirrored(c), u.east_asian_width(c), repr(u.decomposition(c)), u.name(c, None), u.decimal(c, None), u.digit(c, None), u.numeric(c, None))
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__)
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    s = 'e\u0301 ﬁ Å ①'
    print(form, ascii(u.normalize(form, s)), u.is_normalized(form, s), u.is_normalized(form, u.normalize(form, s)))
print(u.lookup('LATIN SMALL LETTER E WITH ACUTE'), u.lookup('latin small letter a'), ascii(u.lookup('LATIN CAPITAL LETTER A WITH MACRON AND GRAVE')))
print(u.name('\uac00'), u.lookup('HANGUL SYLLABLE GA'), u.name('\u4e00'), u.lookup('CJK UNIFIED IDEOGRAPH-4E00'))
for bad in [lambda: u.lookup('NO SUCH THING'), lambda: u.name('\x00'), lambda: u.category('ab'), lambda: u.category(1), lambda: u.normalize('X', 'a'), lambda: u.decimal('a'), lambda: u.numeric('a'), lambda: u.digit('x')]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(u.ucd_3_2_0.category('\U0001F600'), u.ucd_3_2_0.name('A'), u.ucd_3_2_0.normalize('NFKC', '\u2460'))
print(u.lookup('LINE FEED'), repr(u.lookup('BYTE ORDER MARK')), b'\xe9'.decode('latin-1'))
