# xml.dom.pulldom and xml.sax over pyexpat (xml.sax.expatreader).
import io
import xml.dom.pulldom as pulldom
import xml.sax
import xml.sax.handler
import xml.sax.saxutils

doc = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE r>\n<r xmlns:q="urn:q" a="1">\n  <item q:k="v">One &amp; two</item>\n  <!-- note -->\n  <item><![CDATA[<raw>]]></item>\n  <?proc inst?>\n  <empty/>\n</r>'

# pulldom.
events = pulldom.parseString('<a><b x="1">t</b><c/></a>')
for ev, node in events:
    print(ev, node.nodeName if hasattr(node, 'nodeName') else node)

# SAX.
class H(xml.sax.handler.ContentHandler):
    def __init__(self):
        self.log = []
    def startDocument(self):
        self.log.append('startDocument')
    def endDocument(self):
        self.log.append('endDocument')
    def startElement(self, name, attrs):
        self.log.append(('start', name, dict(attrs)))
    def endElement(self, name):
        self.log.append(('end', name))
    def characters(self, content):
        self.log.append(('chars', content))
    def processingInstruction(self, target, data):
        self.log.append(('pi', target, data))
    def startPrefixMapping(self, prefix, uri):
        self.log.append(('prefix', prefix, uri))
h = H()
xml.sax.parseString(doc.encode(), h)
for e in h.log:
    print(e)

class NsH(xml.sax.handler.ContentHandler):
    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, sorted(attrs.items(), key=repr))
    def endElementNS(self, name, qname):
        print('endNS', name, qname)
    def startPrefixMapping(self, prefix, uri):
        print('prefix', prefix, uri)
    def endPrefixMapping(self, prefix):
        print('endprefix', prefix)
parser = xml.sax.make_parser()
parser.setFeature(xml.sax.handler.feature_namespaces, True)
parser.setContentHandler(NsH())
parser.parse(io.BytesIO(b'<x:a xmlns:x="urn:x" x:k="1" plain="2"><x:b/></x:a>'))

try:
    xml.sax.parseString(b'<a>\n<b></a>', xml.sax.handler.ContentHandler())
except xml.sax.SAXParseException as e:
    print('SAXParseException', e, e.getLineNumber(), e.getColumnNumber(), e.getMessage())

out = io.StringIO()
g = xml.sax.saxutils.XMLGenerator(out, encoding='utf-8')
xml.sax.parseString(b'<a x="&lt;1&gt;">text &amp; more<b/></a>', g)
print(out.getvalue())
