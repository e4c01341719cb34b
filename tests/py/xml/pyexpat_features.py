# pyexpat: buffer_text, ParseFile, intern, SetBase, GetInputContext, external entities,
# encodings.
import io
from xml.parsers import expat

# buffer_text joins character data up to buffer_size characters.
for size in (None, 4, 16):
    p = expat.ParserCreate()
    p.buffer_text = True
    if size:
        p.buffer_size = size
    out = []
    p.CharacterDataHandler = out.append
    p.Parse(b'<a>one two &amp; three<b/>four five six seven eight</a>', True)
    print(size, p.buffer_size, p.buffer_used, out)
p = expat.ParserCreate()
out = []
p.CharacterDataHandler = out.append
p.Parse(b'<a>x &amp; y\nz</a>', True)
print('unbuffered', out)

# buffer_used while text waits in the buffer; turning buffering off flushes it.
p = expat.ParserCreate()
p.buffer_text = True
out = []
p.CharacterDataHandler = out.append
p.Parse(b'<a>abc', False)
print(p.buffer_used, out)
p.buffer_text = False
print(p.buffer_used, out, p.buffer_text)

# ParseFile reads 2048-byte blocks.
class Reader:
    def __init__(self, data):
        self.f = io.BytesIO(data)
        self.sizes = []
    def read(self, n):
        self.sizes.append(n)
        return self.f.read(n)
doc = b'<root>' + b''.join(b'<i n="%d">%s</i>' % (i, b'x' * i) for i in range(80)) + b'</root>'
p = expat.ParserCreate()
count = [0, 0]
def start(name, attrs):
    count[0] += 1
def data(s):
    count[1] += len(s)
p.StartElementHandler = start
p.CharacterDataHandler = data
r = Reader(doc)
print(p.ParseFile(r), count, r.sizes)
for bad in (object(), type('R', (), {'read': lambda self, n: 'text'})(),
            type('R', (), {'read': lambda self, n: b'x' * (n + 1)})()):
    try:
        expat.ParserCreate().ParseFile(bad)
    except Exception as e:
        print(type(e).__name__, e)
p = expat.ParserCreate()
try:
    p.ParseFile(io.BytesIO(b'<a><b></a>'))
except expat.ExpatError as e:
    print(e, e.code)

# intern: the same string objects for repeated names.
d = {}
p = expat.ParserCreate(intern=d)
names = []
p.StartElementHandler = lambda name, attrs: names.append(name)
p.Parse(b'<abc><abc/><abc x="1"/></abc>', True)
print(sorted(d), names[0] is names[1] is names[2], p.intern is d)
p = expat.ParserCreate(intern=None)
print(p.intern)

# SetBase / GetBase, GetInputContext inside a handler.
p = expat.ParserCreate()
print(p.GetBase())
p.SetBase('http://example.com/base/')
print(p.GetBase(), p.GetInputContext())
ctx = []
p.StartElementHandler = lambda n, a: ctx.append(p.GetInputContext())
p.Parse(b'<a><b x="1"/></a>', True)
print(ctx)

# External entities.
p = expat.ParserCreate()
p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)
events = []
def ext(context, base, system_id, public_id):
    events.append(('ext', context, base, system_id, public_id))
    sub = p.ExternalEntityParserCreate(context)
    sub.StartElementHandler = lambda n, a: events.append(('sub-start', n, a))
    sub.Parse(b'<inner k="v">text</inner>', True)
    return 1
p.ExternalEntityRefHandler = ext
p.StartElementHandler = lambda n, a: events.append(('start', n))
p.CharacterDataHandler = lambda s: events.append(('data', s))
p.SetBase('base/')
p.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)
for e in events:
    print(e)

# A handler returning 0 for an external entity is an error.
p = expat.ParserCreate()
p.ExternalEntityRefHandler = lambda *a: 0
try:
    p.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)
except expat.ExpatError as e:
    print(e, e.code)

# Encodings: the declared one, the one given to ParserCreate, str input, a codec of Python's.
for enc, doc in [(None, '<a>é€</a>'.encode('utf-8')),
                 (None, '<?xml version="1.0" encoding="iso-8859-1"?><a>é</a>'.encode('latin-1')),
                 ('iso-8859-1', '<a>é</a>'.encode('latin-1')),
                 (None, '<?xml version="1.0" encoding="utf-16"?><a>é€</a>'.encode('utf-16')),
                 (None, '<?xml version="1.0" encoding="cp1252"?><a>\u20ac</a>'.encode('cp1252')),
                 (None, '<?xml version="1.0" encoding="iso-8859-15"?><a>\u20ac</a>'.encode('iso-8859-15')),
                 (None, '<?xml version="1.0" encoding="koi8-r"?><a>\u0416</a>'.encode('koi8-r')),
                 (None, '<?xml version="1.0" encoding="utf-8"?><a>str \u20ac</a>')]:
    p = expat.ParserCreate(enc)
    out = []
    p.CharacterDataHandler = out.append
    try:
        p.Parse(doc, True)
        print(enc, out)
    except Exception as e:
        print(enc, type(e).__name__, e)
try:
    p = expat.ParserCreate()
    p.Parse(b'<?xml version="1.0" encoding="utf-32"?><a/>', True)
except Exception as e:
    print(type(e).__name__, e)

# XmlDecl, standalone and UseForeignDTD.
p = expat.ParserCreate()
decls = []
p.XmlDeclHandler = lambda *a: decls.append(a)
p.Parse(b'<?xml version="1.0" standalone="yes"?><a/>', True)
p = expat.ParserCreate()
p.XmlDeclHandler = lambda *a: decls.append(a)
p.Parse(b'<?xml version="1.0"?><a/>', True)
print(decls)
p = expat.ParserCreate()
p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)
p.UseForeignDTD(True)
calls = []
p.ExternalEntityRefHandler = lambda *a: calls.append(a) or 1
p.Parse(b'<a/>', True)
print(calls)
print(p.SetParamEntityParsing(1))
