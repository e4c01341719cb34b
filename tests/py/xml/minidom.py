# xml.dom.minidom over pyexpat (xml.dom.expatbuilder).
import io
import xml.dom.minidom as minidom

doc = '''<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE r>
<r xmlns:q="urn:q" a="1">
  <item q:k="v">One &amp; two</item>
  <!-- note -->
  <item><![CDATA[<raw>]]></item>
  <?proc inst?>
  <empty/>
</r>'''
d = minidom.parseString(doc)
print(d.documentElement.tagName, d.doctype.name if d.doctype else None)
for it in d.getElementsByTagName('item'):
    print(it.toxml(), [a for a in it.attributes.items()], it.firstChild.nodeType)
print(d.toxml())
print(d.documentElement.toprettyxml(indent='  '))
print(minidom.parseString('<a><b>x</b></a>').toprettyxml(indent='.', newl='|'))
print(d.documentElement.getAttribute('a'), d.documentElement.hasAttribute('zz'))
q = d.getElementsByTagName('item')[0].getAttributeNodeNS('urn:q', 'k')
print(q.name, q.value, q.namespaceURI, q.prefix, q.localName)
f = io.BytesIO(doc.encode())
print(minidom.parse(f).documentElement.childNodes.length)
try:
    minidom.parseString('<a><b></a>')
except Exception as e:
    print(type(e).__name__, e)

