# pyexpat: ExpatError messages, codes and positions; parser state after errors.
import pyexpat
from xml.parsers import expat
from xml.parsers.expat import errors, model

BAD = [
    b'',
    b'<a>',
    b'<a></b>',
    b'<a x="1" x="2"/>',
    b'<a/><b/>',
    b'<a>&undefined;</a>',
    b'<a>&#0;</a>',
    b'<a><![CDATA[ unclosed',
    b'<?xml version="1.0" encoding="utf-8"?>\n<r>\n  <x y=1/>\n</r>',
    b'<a>\n\n   <<</a>',
    b'<p:a/>',
    b'<a xmlns:p=""/>',
    b'\xff\xfe<',
    b'<a>\xe9</a>',
    b'<?xml version="1.0" encoding="latin-1"?><a>\xe9</a>',
    b'<?xml version="1.0" encoding="no-such-codec"?><a/>',
    b'<!DOCTYPE a [<!ENTITY e "<b>">]><a>&e;</a>',
    b'<!DOCTYPE a [<!ENTITY e "&e;">]><a>&e;</a>',
]
for i, doc in enumerate(BAD):
    p = expat.ParserCreate(namespace_separator=' ' if i in (10, 11) else None)
    try:
        r = p.Parse(doc, True)
        print(i, 'ok', r)
    except expat.ExpatError as e:
        print(i, type(e).__name__, str(e), e.code, e.lineno, e.offset,
              errors.messages[e.code] == str(e).split(':')[0])
        # (ErrorByteIndex of an empty document depends on the libexpat version.)
        print('  ', p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber,
              p.ErrorByteIndex if doc else '')
    except Exception as e:
        print(i, type(e).__name__, e)

print(expat.ExpatError is expat.error, pyexpat.ExpatError.__module__, expat.ExpatError.__mro__)
print(sorted(k for k in vars(errors) if k.startswith('XML_')) ==
      sorted('XML_' + k for k in [n[4:] for n in dir(errors) if n.startswith('XML_')]))
for code in range(1, 44):
    msg = errors.messages[code]
    assert errors.codes[msg] == code
    print(code, expat.ErrorString(code), msg == expat.ErrorString(code))
print(errors.XML_ERROR_SYNTAX, errors.XML_ERROR_TAG_MISMATCH)
print(expat.ErrorString(0))
print(sorted((k, v) for k, v in vars(model).items() if k.startswith('XML_')))
print(expat.XML_PARAM_ENTITY_PARSING_NEVER, expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      expat.XML_PARAM_ENTITY_PARSING_ALWAYS, expat.native_encoding)
print(type(expat.version_info), len(expat.version_info), expat.EXPAT_VERSION.startswith('expat_'))
print(type(expat.features), all(type(n) is str and type(v) is int for n, v in expat.features))

# Incremental parsing: an error in a later chunk.
p = expat.ParserCreate()
print(p.Parse(b'<r><a>1</a>', False))
print(p.Parse('<b>2</b>', False))
try:
    p.Parse(b'</c>', True)
except expat.ExpatError as e:
    print(e, e.code, e.lineno, e.offset)
try:
    p.Parse(b'<more/>', True)
except expat.ExpatError as e:
    print('after error:', e, e.code)

# An exception in a handler stops the parser and clears the handlers.
p = expat.ParserCreate()
seen = []
def start(name, attrs):
    seen.append(name)
    if name == 'b':
        raise ValueError('stop at b')
p.StartElementHandler = start
p.EndElementHandler = seen.append
try:
    p.Parse(b'<a><b><c/></b></a>', True)
except ValueError as e:
    print('ValueError', e, seen)
print(p.StartElementHandler, p.EndElementHandler)

# Argument checking.
for args, kw in [((1,), {}), ((), {'namespace_separator': 'ab'}), ((), {'intern': []}),
                 ((), {'encoding': None, 'namespace_separator': None, 'intern': None}),
                 ((), {'bogus': 1}), (('a', 'b', {}, 1), {})]:
    try:
        p = expat.ParserCreate(*args, **kw)
        print('ok', p.intern)
    except Exception as e:
        print(type(e).__name__, e)
p = expat.ParserCreate()
for bad in (1.5, 'x', -1, 0, 100):
    try:
        p.buffer_size = bad
        print('buffer_size', p.buffer_size, p.buffer_text)
    except Exception as e:
        print(type(e).__name__, e)
for meth, args in [('Parse', ()), ('Parse', (1,)), ('ParseFile', (1,)), ('SetBase', (1,)),
                   ('Parse', ('<a/>', 1, 2)), ('ParseFile', ()), ('UseForeignDTD', (1, 2)),
                   ('ExternalEntityParserCreate', ()), ('ExternalEntityParserCreate', (1,)),
                   ('ExternalEntityParserCreate', (None, 1)), ('SetParamEntityParsing', ('x',)),
                   ('GetBase', (1,))]:
    try:
        getattr(p, meth)(*args)
    except Exception as e:
        print(meth, type(e).__name__, e)
try:
    pyexpat.XMLParserType()
except TypeError as e:
    print('TypeError', e)
