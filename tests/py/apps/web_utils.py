import html
import html.parser
import urllib.parse as up
import uuid
import hmac
import hashlib
import mimetypes
import http.cookies
import http
import email
import email.message
import email.policy
import email.utils
import email.headerregistry
from email.mime.text import MIMEText
from email.mime.multipart import MIMEMultipart
import xml.etree.ElementTree as ET
import xml.dom.minidom
import json

url = "https://user:pw@example.com:8443/a/b%20c/index.html;params?q=caf%C3%A9&x=1&x=2&empty=#frag"
p = up.urlparse(url)
print(p)
print(p.scheme, p.netloc, p.hostname, p.port, p.username, p.password, p.path, p.params, p.query, p.fragment)
print(up.parse_qs(p.query, keep_blank_values=True), up.parse_qsl(p.query))
print(up.unquote(p.path), up.quote("a b/c?d=é"), up.quote_plus("a b&c"), up.unquote_plus("a+b%26c"))
print(up.urlencode({"q": "ünï code", "n": [1, 2]}, doseq=True), up.urlencode([("a", "1"), ("b", None)]))
print(up.urljoin("http://a/b/c/d;p?q", "../g"), up.urljoin("http://a/b/c/d", "//x/y"), up.urljoin("http://a/b/", "g?y#s"))
print(up.urlunparse(("http", "h", "/p", "", "a=1", "f")), up.urlsplit("http://[::1]:80/x").hostname, up.urldefrag(url).fragment)
print(p._replace(fragment="", query="").geturl())
try:
    up.urlsplit("http://h:notaport/").port
except ValueError as e:
    print("ValueError:", e)
print(html.escape('<a href="x">&\'</a>'), html.escape("<b>", quote=False), html.unescape("&lt;&amp;&eacute;&#x263A;&#9731;&nbsp;&bogus;"))


class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            self.text.append((self.stack[-1] if self.stack else None, data.strip()))

    def handle_comment(self, data):
        self.text.append(("comment", data))

    def handle_entityref(self, name):
        self.text.append(("entity", name))


lp = LinkParser()
lp.feed("""<!DOCTYPE html><html><head><title>T &amp; x</title></head>
<body><p class=intro>Hello <a href="/one">one</a> and <A HREF='two.html'>two</A></p>
<!-- a comment --><br/><img src="i.png" alt=""><script>if (a < b) {}</script></body></html>""")
lp.close()
print(lp.links, lp.text)

print(uuid.uuid5(uuid.NAMESPACE_DNS, "example.com"), uuid.uuid3(uuid.NAMESPACE_URL, "http://x"))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u.hex, u.int, u.version, u.variant, u.urn, u.bytes[:4], uuid.UUID(bytes=u.bytes) == u, str(uuid.UUID(int=1)))
print(uuid.NIL, uuid.MAX, uuid.uuid8(b"\x01" * 16) if hasattr(uuid, "uuid8") and False else "-")
key = b"secret-key"
mac = hmac.new(key, b"message", hashlib.sha256)
print(mac.hexdigest(), mac.name, mac.digest_size, hmac.compare_digest(mac.digest(), hmac.digest(key, b"message", "sha256")))
print(hashlib.sha1(b"abc").hexdigest(), hashlib.blake2b(b"abc", digest_size=8).hexdigest(), hashlib.sha3_256(b"").hexdigest()[:16])
print(hashlib.shake_128(b"x").hexdigest(8))
print(mimetypes.guess_type("a/b/photo.JPG"), mimetypes.guess_type("x.tar.gz"), mimetypes.guess_extension("application/json"), mimetypes.guess_type("data.csv"))

c = http.cookies.SimpleCookie()
c.load('session=abc123; theme="dark mode"; Path=/')
c["session"]["httponly"] = True
c["session"]["max-age"] = 3600
c["new"] = "va;lue"
print(sorted(c.keys()), c["theme"].value, c["new"].coded_value)
print(c.output(sep="\n"))
print(http.HTTPStatus.NOT_FOUND, http.HTTPStatus(418).phrase, http.HTTPStatus.OK.description, http.HTTPMethod.GET)

msg = email.message.EmailMessage()
msg["From"] = email.headerregistry.Address("Ann Example", "ann", "example.com")
msg["To"] = "bob@example.org, Carl <carl@example.net>"
msg["Subject"] = "Quarterly report – ünïcode"
msg["Date"] = email.utils.format_datetime(email.utils.parsedate_to_datetime("Tue, 01 Oct 2024 10:00:00 +0000"))
msg["Message-ID"] = "<1234@example.com>"
msg.set_content("Hello Bob,\n\nSee attached.\n")
msg.add_attachment(b"col1,col2\n1,2\n", maintype="text", subtype="csv", filename="r.csv")
raw = msg.as_string()
import re
raw = re.sub(r'boundary="?=+[0-9]+=+"?', "boundary=BOUNDARY", raw)
raw = re.sub(r"=+[0-9]+=+", "BOUNDARY", raw)
print(raw)
parsed = email.message_from_string(msg.as_string(), policy=email.policy.default)
print(parsed["to"].addresses[1].display_name, parsed["subject"], parsed.get_content_type(), parsed.is_multipart())
for part in parsed.iter_attachments():
    print(part.get_filename(), part.get_content_type(), part.get_content())
print(parsed.get_body(("plain",)).get_content())
print(email.utils.parseaddr("Jo Q <jo@q.com>"), email.utils.formataddr(("Zoë", "z@x.org")), email.utils.getaddresses(["a@b, C <c@d>"]))
mm = MIMEMultipart("alternative")
mm.attach(MIMEText("plain", "plain"))
mm.attach(MIMEText("<b>html</b>", "html", "utf-8"))
print([p.get_content_type() for p in mm.get_payload()], mm["Content-Type"].split(";")[0])

root = ET.Element("catalog", attrib={"version": "2"})
for i, (title, price) in enumerate([("Dune", 9.5), ("Emma", 4), ("Ubik", 7.25)]):
    b = ET.SubElement(root, "book", id=str(i))
    ET.SubElement(b, "title").text = title
    ET.SubElement(b, "price", currency="EUR").text = str(price)
ET.indent(root)
s = ET.tostring(root, encoding="unicode")
print(s)
tree = ET.fromstring(s)
print([b.findtext("title") for b in tree.iter("book")], tree.find("./book[@id='1']/title").text)
print(sum(float(p.text) for p in tree.iterfind(".//price")), tree.attrib, len(tree), tree[0].tag, tree.get("missing", "dflt"))
print(ET.tostring(ET.fromstring("<a><b x='1'/>text<c>é</c></a>"), encoding="utf-8"))
print([(e, el.tag) for e, el in ET.iterparse(__import__("io").StringIO("<r><x/><y><z/></y></r>"), events=("start", "end"))])
ns = ET.fromstring('<root xmlns="http://a" xmlns:p="http://p"><p:item>1</p:item><item>2</item></root>')
print([e.tag for e in ns], ns.find("{http://p}item").text, ns.findall("a:item", {"a": "http://a"})[0].text)
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as e:
    print("ParseError:", e, e.position)
dom = xml.dom.minidom.parseString("<doc><item n='1'>x</item><item n='2'/></doc>")
print(dom.documentElement.tagName, [i.getAttribute("n") for i in dom.getElementsByTagName("item")])
print(dom.toprettyxml(indent="  "))
print(json.dumps(ET.fromstring("<a k='v'/>").attrib))
