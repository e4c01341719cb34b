"""Building, querying and rewriting XML documents with ElementTree and minidom."""
import io
import xml.dom.minidom
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr, unescape

CATALOG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a catalog -->
<catalog xmlns="http://example.com/books" xmlns:p="http://example.com/price">
  <book id="bk101" lang="en">
    <author>Gambardella, Matthew</author>
    <title>XML Developer's Guide</title>
    <genre>Computer</genre>
    <p:price currency="USD">44.95</p:price>
    <publish_date>2000-10-01</publish_date>
    <description>An in-depth look at creating applications &amp; more.</description>
  </book>
  <book id="bk102" lang="fr">
    <author>Ralls, Kim</author>
    <title>Midnight Rain</title>
    <genre>Fantasy</genre>
    <p:price currency="EUR">5.95</p:price>
    <publish_date>2000-12-16</publish_date>
    <description><![CDATA[A former <architect> battles]]> corporate zombies.</description>
  </book>
  <magazine id="mg1"><title>Monthly</title></magazine>
</catalog>
"""
NS = {"b": "http://example.com/books", "p": "http://example.com/price"}
root = ET.fromstring(CATALOG)
print(root.tag, root.attrib, len(root), [child.tag.split("}")[1] for child in root])
for book in root.findall("b:book", NS):
    price = book.find("p:price", NS)
    print(book.get("id"), book.findtext("b:title", namespaces=NS), price.text, price.get("currency"),
          book.find("b:description", NS).text)
print([e.get("id") for e in root.iterfind(".//*[@id]")], root.find(".//b:book[@lang='fr']/b:title", NS).text)
print([t.text for t in root.iter("{http://example.com/books}title")], root.findtext("b:nothing", "default", NS))
print(root.find("b:book[2]", NS).get("id"), [b.get("id") for b in root.findall("b:book[b:genre='Fantasy']", NS)],
      root.findall(".//b:book/..", NS)[0] is root, len(list(root.iter())))
print(repr(ET.tostring(root.find("b:magazine", NS))))

# Build a document programmatically
inv = ET.Element("inventory", version="2")
ET.SubElement(inv, "item", sku="A1", qty="3").text = "Widget <small> & co"
item = ET.SubElement(inv, "item", {"sku": "B2", "qty": "0"})
item.text = "Gadget"
item.tail = "\n"
note = ET.SubElement(item, "note")
note.text = "discontinued \u2013 \"final\""
inv.append(ET.Comment(" generated "))
inv.append(ET.ProcessingInstruction("render", "fast"))
ET.indent(inv)
print(ET.tostring(inv, encoding="unicode"))
print(ET.tostring(inv, encoding="us-ascii", xml_declaration=True).decode()[:80])
buf = io.BytesIO()
ET.ElementTree(inv).write(buf, encoding="utf-8", xml_declaration=True, short_empty_elements=False)
print(buf.getvalue()[:60])
print(ET.tostring(ET.fromstring("<a><b/><c></c></a>"), method="html"), ET.tostring(ET.fromstring("<a>x<b>y</b>z</a>"), method="text"))
print(ET.canonicalize("<root b='2' a='1'><x   /></root>"))

# Modify: raise prices, remove a node, sort children
for price in root.iter("{http://example.com/price}price"):
    price.text = f"{float(price.text) * 1.1:.2f}"
    price.set("updated", "yes")
root.remove(root.find("b:magazine", NS))
root[:] = sorted(root, key=lambda e: e.findtext("b:title", namespaces=NS))
ET.register_namespace("", NS["b"])
ET.register_namespace("pr", NS["p"])
out = ET.tostring(root, encoding="unicode")
print(out[:200])
print([e.get("id") for e in root], root.find(".//{*}price").attrib)

# Incremental parsing with events
events = []
for event, elem in ET.iterparse(io.BytesIO(CATALOG.encode()), events=("start", "end", "start-ns", "comment")):
    if event == "start-ns":
        events.append(("ns", elem))
    elif event == "comment":
        events.append(("comment", elem.text))
    elif elem.tag.endswith("title"):
        events.append((event, elem.text))
print(events)
parser = ET.XMLPullParser(events=("end",))
parser.feed("<log><entry level='x'>one</entry><entr")
print([e.text for _, e in parser.read_events()])
parser.feed("y>two</entry></log>")
print([e.tag for _, e in parser.read_events()])
parser.close()

for bad in ["<a><b></a>", "<a>&undefined;</a>", "<a x='1' x='2'/>", "", "<a>", "text<a/>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as exc:
        print(f"{bad!r}: {exc} code={exc.code} position={exc.position}")

dom = xml.dom.minidom.parseString("<doc><p class='x'>Hello <b>world</b></p><p/></doc>")
print(dom.documentElement.tagName, [n.nodeName for n in dom.getElementsByTagName("p")],
      dom.getElementsByTagName("p")[0].getAttribute("class"), dom.getElementsByTagName("b")[0].firstChild.data)
new = dom.createElement("footer")
new.setAttribute("year", "2024")
new.appendChild(dom.createTextNode("(c) me & you"))
dom.documentElement.appendChild(new)
print(dom.toprettyxml(indent="  "))
print(dom.documentElement.toxml())
print(escape("a < b & c > d"), quoteattr('say "hi"'), quoteattr("it's \"x\""), unescape("&lt;&amp;&gt;"),
      escape("x", {"x": "&#120;"}))
