# xml.etree.ElementTree over pyexpat (the pure-Python XMLParser): parsing, round trips,
# namespaces, iterparse, errors.
import io
import xml.etree.ElementTree as ET

doc = '''<?xml version="1.0"?>
<!DOCTYPE catalog [<!ENTITY co "Company &amp; Co">]>
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <!-- books -->
  <book id="1" x:lang="en"><title>Dune</title><price>9.99</price><pub>&co;</pub></book>
  <book id="2"><title>Emma &amp; more</title><price>5</price><?pi data?></book>
</catalog>'''
root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root))
for book in root:
    print(book.tag, sorted(book.attrib.items()), [(c.tag, c.text) for c in book])
ns = {'b': 'urn:books'}
print([t.text for t in root.findall('b:book/b:title', ns)])
print(root.find(".//b:book[@id='2']/b:price", ns).text)
print(ET.tostring(root, encoding='unicode'))
print(ET.tostring(root))

# Comments and processing instructions kept by a TreeBuilder that asks for them.
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
parser = ET.XMLParser(target=tb)
parser.feed('<r><!--c--><?p d?>t</r>')
r = parser.close()
print([(type(c.tag).__name__ if not isinstance(c.tag, str) else c.tag, c.text) for c in r])
print(ET.tostring(r, encoding='unicode'))

# Round trip through a file.
tree = ET.ElementTree(root)
buf = io.BytesIO()
tree.write(buf, encoding='utf-8', xml_declaration=True)
data = buf.getvalue()
print(data[:60])
again = ET.parse(io.BytesIO(data)).getroot()
print(ET.tostring(again) == ET.tostring(root))

# iterparse events.
for event, elem in ET.iterparse(io.BytesIO(b'<a xmlns:p="urn:p"><p:b x="1">t</p:b><c/></a>'),
                                events=('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi')):
    print(event, elem if event.endswith('-ns') else elem.tag)

# A parser target with every callback.
class Target:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(('start', tag, attrib))
    def end(self, tag):
        self.log.append(('end', tag))
    def data(self, data):
        self.log.append(('data', data))
    def comment(self, text):
        self.log.append(('comment', text))
    def pi(self, target, data):
        self.log.append(('pi', target, data))
    def doctype(self, name, pubid, system):
        self.log.append(('doctype', name, pubid, system))
    def start_ns(self, prefix, uri):
        self.log.append(('start_ns', prefix, uri))
    def end_ns(self, prefix):
        self.log.append(('end_ns', prefix))
    def close(self):
        return self.log
p = ET.XMLParser(target=Target())
p.feed('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
       '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')
p.feed('<html xmlns="http://www.w3.org/1999/xhtml"><!--x--><?php echo?><body a="1">hi</body></html>')
for entry in p.close():
    print(entry)

# Errors.
for bad in ['<a>', '<a></b>', '<a x="1" x="2"/>', '', '<a>&nope;</a>', 'text']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), e, e.code, e.position)

# XMLID, fromstringlist, canonicalize.
el, ids = ET.XMLID('<r><a id="x">1</a><b id="y"/></r>')
print(sorted(ids), ids['x'].text)
print(ET.tostring(ET.fromstringlist(['<a>', '<b/>', '</a>'])))
print(ET.canonicalize('<r  b="2" a="1" ><e/>  </r>'))
print(ET.XMLParser().version.startswith('Expat '))
