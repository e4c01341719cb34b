"""Composing and parsing e-mail messages with the email package."""
import email
import email.policy
from email import message_from_string
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, getaddresses, parseaddr, parsedate_to_datetime, format_datetime, make_msgid
import datetime

msg = EmailMessage()
msg["Subject"] = "Quarterly report – Q3 ✓"
msg["From"] = Address("Ann Example", "ann", "example.com")
msg["To"] = [Address("Bob", "bob@example.org"), Address(addr_spec="carol@example.net")]
msg["Date"] = format_datetime(datetime.datetime(2024, 10, 1, 9, 30, tzinfo=datetime.timezone.utc))
msg["Message-ID"] = "<report-42@example.com>"
msg.set_content("Hello team,\n\nThe numbers are attached.\nCafé au lait for everyone!\n")
msg.add_alternative("<p>Hello team,</p><p>The numbers are <b>attached</b>.</p>", subtype="html")
msg.add_attachment(b"id,value\n1,10\n2,20\n", maintype="text", subtype="csv", filename="q3.csv")
msg.add_attachment(bytes(range(40)), maintype="application", subtype="octet-stream", filename="blob.bin")
import re
# Boundaries are random (and their length depends on sys.maxsize): number them instead.
for i, part in enumerate(msg.walk()):
    if part.is_multipart():
        part.set_boundary(f"==BOUNDARY-{i}==")
text = msg.as_string()
boundary = msg.get_boundary()
print(text)
print(msg.is_multipart(), msg.get_content_type(), [p.get_content_type() for p in msg.walk()])
print([p.get_filename() for p in msg.iter_attachments()], msg["to"].addresses[0].display_name,
      msg["from"].addresses[0].domain, str(msg["subject"]))

parsed = email.message_from_string(text.replace(boundary, "BOUNDARY"), policy=email.policy.default)
body = parsed.get_body(preferencelist=("plain", "html"))
print(repr(body.get_content()), body["Content-Transfer-Encoding"], parsed["Date"].datetime)
for part in parsed.iter_attachments():
    print(part.get_filename(), part.get_content_type(), part.get_content()[:12])
html = parsed.get_body(preferencelist=("html",))
print(html.get_content().strip())

legacy = MIMEMultipart("mixed")
legacy["Subject"] = "legacy"
legacy["From"] = formataddr(("Zoë Ünicode", "zoe@example.com"))
legacy.attach(MIMEText("plain body", "plain", "utf-8"))
legacy.attach(MIMEText("<i>html</i>", "html"))
legacy.set_boundary("XYZ")
print(legacy.as_string())

raw = """From: "Doe, John" <john@example.com>, jane@example.com
To: undisclosed-recipients:;
Subject: =?utf-8?q?H=C3=A9llo_w=C3=B6rld?=
Date: Tue, 15 Nov 1994 08:12:31 -0500
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable
X-Long: aaaaaaaaaa bbbbbbbbbbb cccccccccccc dddddddddddd eeeeeeeeeee fffffffffff ggggggggggg hhhhhhhhh

Caf=E9 cr=E8me =
continued line.
"""
m = message_from_string(raw)
print(m["Subject"], "|", email.header.decode_header(m["Subject"]), "|", m.get_content_charset())
print(getaddresses(m.get_all("From")), parseaddr("Name <a@b.c>"), parseaddr("broken@"))
print(m.get_payload(decode=True), m.get_payload(decode=True).decode("latin-1"))
print(parsedate_to_datetime(m["Date"]), m.keys(), m.get_params(), m.get_param("charset"))
m2 = message_from_string(raw, policy=email.policy.default)
print(m2["Subject"], "|", m2["From"].addresses, "|", m2.get_content().strip())
print(m2.as_string(policy=email.policy.default.clone(max_line_length=40)).splitlines()[:8])
print(len(make_msgid(domain="x.org")) > 10, email.utils.quote('a"b'), email.utils.unquote('"q"'))
import email.charset
cs = email.charset.Charset("utf-8")
print(cs.header_encoding, cs.body_encoding, cs.get_output_charset(), cs.header_encode("Größe"))
from email.header import Header
h = Header("Größenänderung der Übersicht über alle Einträge im Verzeichnis", "utf-8", header_name="Subject")
print(h.encode())
