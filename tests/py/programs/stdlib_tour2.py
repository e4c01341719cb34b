import textwrap, string, pprint, reprlib, shlex, configparser, tomllib, ipaddress, uuid, html, html.parser, xml.etree.ElementTree as ET, xml.dom.minidom, email.message, email.parser, email.utils, email.policy, urllib.parse, graphlib, sqlite3, gzip, io, zipfile, tarfile, unicodedata, struct, codecs, plistlib, collections
text = "The quick brown fox jumps over the lazy dog. " * 4
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, 50, placeholder=" [...]"), textwrap.wrap("a-very-long-hyphenated-word here", 10), repr(textwrap.dedent("    a\n      b\n    c")), textwrap.indent("x\n\ny\n", "> "))
print(textwrap.TextWrapper(width=20, max_lines=2, break_long_words=False).fill("supercalifragilistic expialidocious words and more words"))
t = string.Template("$who likes ${what}s, costs $$5")
print(t.substitute(who="Tim", what="kiwi"), t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="a")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("bad $1").substitute()
except ValueError as e:
    print("ValueError:", e)
print(string.capwords(" hello   world  x"), string.Formatter().format("{0:>5}|{name!r}", 3, name="n"), list(string.Formatter().parse("a{b:c}d{}")))
big = {"users": [{"id": i, "name": f"user{i}", "roles": ["admin", "dev"][: i % 3], "meta": {"score": i * 1.5, "tags": tuple(range(i))}} for i in range(6)], "settings": {"theme": "dark", "nested": {"a": {"b": {"c": {"d": [1, 2, {3, 4}]}}}}}, "matrix": [[i * j for j in range(8)] for i in range(5)]}
pprint.pprint(big, width=60)
pprint.pprint(big, depth=2, compact=True)
print(pprint.pformat(list(range(40)), width=40, compact=True))
pprint.pp({"b": 1, "a": 2, "c": [collections.OrderedDict(z=1), collections.defaultdict(list, k=[1]), collections.Counter("aab")]}, sort_dicts=True)
print(pprint.pformat("a long string " * 10, width=30), pprint.isrecursive([1]), pprint.saferepr({"a": [1]}))
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(10)}))
print(shlex.split("ls -l 'my file' \"x y\" a\\ b # c", comments=True), shlex.quote("it's"), shlex.join(["a b", "c"]))
try:
    shlex.split("unterminated 'quote")
except ValueError as e:
    print("ValueError:", e)
cp = configparser.ConfigParser()
cp.read_string("""
[DEFAULT]
base = /srv
[app]
path = %(base)s/app
debug = yes
port = 8080
[empty]
""")
print(cp.sections(), cp["app"]["path"], cp.getboolean("app", "debug"), cp.getint("app", "port"), dict(cp["app"]), cp.has_option("empty", "base"))
s = io.StringIO(); cp.write(s); print(s.getvalue())
try:
    cp.read_string("[a]\nx=1\n[a]\n")
except configparser.Error as e:
    print(type(e).__name__, e)
try:
    cp.get("app", "nope")
except configparser.NoOptionError as e:
    print("NoOptionError:", e)
toml = tomllib.loads('title = "T"\n[owner]\nname = "Tom"\ndob = 1979-05-27T07:32:00-08:00\n[[fruit]]\nname = "apple"\n[[fruit]]\nname = "pear"\nnums = [1, 2.5, 0x1f, 1e3, inf]\n[x.y.z]\nw = true\nml = """\nline1\nline2"""\n')
print(toml)
try:
    tomllib.loads("a = 1\na = 2")
except tomllib.TOMLDecodeError as e:
    print("TOMLDecodeError:", e)
net = ipaddress.ip_network("192.168.0.0/28")
print(net, net.num_addresses, list(net.hosts())[:3], net.broadcast_address, ipaddress.ip_address("10.0.0.1") in net, list(net.subnets(prefixlen_diff=2)), ipaddress.ip_address("::ffff:1.2.3.4"), ipaddress.IPv6Address("2001:db8::1").exploded, ipaddress.ip_interface("10.1.2.3/24").network, ipaddress.ip_address("127.0.0.1").is_loopback)
try:
    ipaddress.ip_network("192.168.0.1/24")
except ValueError as e:
    print("ValueError:", e)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "x"), uuid.UUID("12345678123456781234567812345678").hex, repr(uuid.UUID(int=5)), uuid.UUID("{12345678-1234-5678-1234-567812345678}").fields)
print(html.escape("<a href='x'>&</a>"), html.unescape("&lt;&amp;&gt;&eacute;&#x41;&#65;&nbsp;|"))
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs): print("start", tag, attrs)
    def handle_endtag(self, tag): print("end", tag)
    def handle_data(self, data):
        if data.strip(): print("data", repr(data))
    def handle_comment(self, data): print("comment", data)
P().feed("<html><body class='main' id=x><p>Hi &amp; bye<br/><!-- note --><img src=a.png alt></p></body></html>")
root = ET.fromstring("<root a='1'><item id='1'>one</item><item id='2'><sub>two</sub></item><!-- c --><other/></root>")
print(root.tag, root.attrib, [i.get("id") for i in root.iter("item")], root.find("item/sub").text, len(root.findall(".//sub")), ET.tostring(root, encoding="unicode"))
new = ET.Element("doc", version="2"); ch = ET.SubElement(new, "child", name="c"); ch.text = "t & <x>"; ET.indent(new); print(ET.tostring(new).decode())
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as e:
    print("ParseError:", e, e.position)
dom = xml.dom.minidom.parseString("<a><b x='1'>t</b><c/></a>"); print(dom.toprettyxml(indent="  "), dom.documentElement.getElementsByTagName("b")[0].getAttribute("x"))
msg = email.message.EmailMessage(); msg["From"] = "A <a@x.org>"; msg["To"] = "b@y.org"; msg["Subject"] = "Héllo"; msg.set_content("Body text\n")
print(msg.as_string())
m2 = email.parser.Parser(policy=email.policy.default).parsestr("From: x@y\nSubject: =?utf-8?q?caf=C3=A9?=\nContent-Type: text/plain\n\nhello\n")
print(m2["subject"], m2.get_content(), email.utils.parseaddr("Bob <bob@ex.com>"), email.utils.formataddr(("Zoë", "z@x.org")), email.utils.parsedate_to_datetime("Tue, 01 Aug 2023 10:00:00 +0200"))
u = urllib.parse.urlparse("https://user:pw@host.com:8080/p/a;x?q=1&q=2&r=%20#frag")
print(u, u.port, u.hostname, urllib.parse.parse_qs(u.query), urllib.parse.urlencode({"a": "b c", "d": ["1", "2"]}, doseq=True), urllib.parse.quote("a b/ç"), urllib.parse.unquote_plus("a+b%2F"), urllib.parse.urljoin("http://a/b/c/d", "../e"), urllib.parse.urlsplit("//x/y").netloc)
ts = graphlib.TopologicalSorter({"d": {"b", "c"}, "c": {"a"}, "b": {"a"}})
print(list(ts.static_order()))
try:
    list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
except graphlib.CycleError as e:
    print("CycleError:", e.args[0], sorted(e.args[1]))
con = sqlite3.connect(":memory:")
con.execute("create table t (id integer primary key, name text, score real)")
con.executemany("insert into t(name, score) values (?, ?)", [("a", 1.5), ("b", None), ("c", 3.0)])
print(con.execute("select * from t order by id").fetchall(), con.execute("select count(*), avg(score), group_concat(name) from t").fetchone())
con.row_factory = sqlite3.Row
row = con.execute("select * from t where name = :n", {"n": "c"}).fetchone(); print(dict(row), row.keys())
try:
    con.execute("select * from nope")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
    g.write(b"data" * 50)
print(len(buf.getvalue()), gzip.decompress(buf.getvalue())[:8])
zb = io.BytesIO()
with zipfile.ZipFile(zb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("a.txt", (2020, 1, 1, 0, 0, 0)), "hello zip")
    z.writestr(zipfile.ZipInfo("dir/b.bin", (2020, 1, 1, 0, 0, 0)), b"\x00" * 100)
with zipfile.ZipFile(zb) as z:
    print(z.namelist(), z.read("a.txt"), [(i.filename, i.file_size) for i in z.infolist()], z.testzip())
tb = io.BytesIO()
with tarfile.open(fileobj=tb, mode="w") as tf:
    info = tarfile.TarInfo("x.txt"); info.size = 3; info.mtime = 0
    tf.addfile(info, io.BytesIO(b"abc"))
tb.seek(0)
with tarfile.open(fileobj=tb) as tf:
    print(tf.getnames(), tf.extractfile("x.txt").read())
for ch in "aÅ€\u0301😀\t":
    print(repr(ch), unicodedata.name(ch, "?"), unicodedata.category(ch), unicodedata.bidirectional(ch), unicodedata.combining(ch), unicodedata.east_asian_width(ch))
print(unicodedata.normalize("NFD", "Åé"), len(unicodedata.normalize("NFD", "Åé")), unicodedata.normalize("NFKC", "ﬁ①"), unicodedata.lookup("SNOWMAN"), unicodedata.decimal("٣"), unicodedata.numeric("½"), unicodedata.unidata_version)
print(struct.pack("<hIq?3sxd", -2, 7, -1, True, b"ab", 1.5), struct.unpack(">HhBf", b"\x01\x02\xff\xfe\x07\x3f\x80\x00\x00"), struct.calcsize("@bqh"), struct.Struct("!I").unpack_from(b"\x00\x00\x00\x01rest"))
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), "é".encode("utf-16"), "é".encode("latin-1"), "x€".encode("cp1252"), b"\xe9".decode("cp437"), "ab".encode("utf-32-be"), codecs.lookup("UTF8").name, "ä".encode("ascii", "xmlcharrefreplace"), "ä".encode("ascii", "backslashreplace"), b"a\xffb".decode("utf-8", "replace"), ascii(b"a\xffb".decode("utf-8", "surrogateescape")))
print(plistlib.dumps({"a": [1, 2.5, True], "b": "x"}).decode())
