# pyexpat edge cases: a handler removing itself, buffer_size changed while text waits, parsing
# after the end, ordered + specified attributes with namespaces and DTD defaults.
import gc
import pyexpat
# Handler removes itself during the callback.
p = pyexpat.ParserCreate()
got = []
def cd(data):
    got.append(data)
    p.CharacterDataHandler = None
p.CharacterDataHandler = cd
p.Parse(b'<a>one<b/>two</a>', True)
print(got, p.CharacterDataHandler)
# Cycles are collected.
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda *a: p
del p
gc.collect()
# Switch handlers mid-parse; buffer_size while buffered data pending.
p = pyexpat.ParserCreate()
p.buffer_text = True
out = []
p.CharacterDataHandler = out.append
p.StartElementHandler = lambda n, a: setattr(p, 'buffer_size', 3) if n == 'b' else None
p.Parse(b'<a>abcdef<b/>ghijkl</a>', True)
print(out, p.buffer_size)
# Parse after finishing.
p = pyexpat.ParserCreate()
p.Parse(b'<a/>', True)
try:
    p.Parse(b'<b/>', True)
except pyexpat.ExpatError as e:
    print(e, e.code)
# ordered attributes with namespaces and specified_attributes with defaults.
p = pyexpat.ParserCreate(namespace_separator=' ')
p.ordered_attributes = 1
p.specified_attributes = 1
p.StartElementHandler = lambda n, a: print(repr(n), a)
p.Parse(b'<!DOCTYPE a [<!ATTLIST a d CDATA "dflt">]><a xmlns:x="urn:x" x:k="1" z="2"/>', True)
print(p.ordered_attributes, p.specified_attributes, p.namespace_prefixes)
print(pyexpat.ParserCreate(intern={}).intern, type(pyexpat.ParserCreate().intern))
