# pyexpat: the handlers' arguments and call order on a document using most of XML.
import pyexpat
from xml.parsers import expat

DOC = b'''<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root SYSTEM "root.dtd" [
<!ELEMENT root (item*, note?)>
<!ELEMENT item (#PCDATA|b)*>
<!ELEMENT note ANY>
<!ELEMENT b EMPTY>
<!ATTLIST item id ID #REQUIRED kind (x|y) "x" opt CDATA #IMPLIED>
<!ENTITY greet "hello &amp; bye">
<!ENTITY pic SYSTEM "pic.gif" NDATA gif>
<!NOTATION gif PUBLIC "-//gif//EN" "viewer">
]>
<root xmlns="urn:default" xmlns:p="urn:p">
  <?target some data?>
  <!-- a comment -->
  <item id="a1" p:attr="v">text &greet; &#65;&#x42; caf\xc3\xa9</item>
  <item id="a2" kind="y"><b/><![CDATA[<raw> & stuff]]></item>
  <note>tail</note>
</root>
'''

names = ['StartElementHandler', 'EndElementHandler', 'ProcessingInstructionHandler',
         'CharacterDataHandler', 'UnparsedEntityDeclHandler', 'NotationDeclHandler',
         'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'CommentHandler',
         'StartCdataSectionHandler', 'EndCdataSectionHandler', 'NotStandaloneHandler',
         'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
         'XmlDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler', 'SkippedEntityHandler']


def run(label, sep=None, **opts):
    print('==', label)
    p = expat.ParserCreate(namespace_separator=sep)
    for k, v in opts.items():
        setattr(p, k, v)
    log = []
    for n in names:
        def h(*args, n=n):
            log.append((n[:-7], args, p.CurrentLineNumber, p.CurrentColumnNumber,
                        p.CurrentByteIndex))
            if n == 'NotStandaloneHandler':
                return 1
        setattr(p, n, h)
    r = p.Parse(DOC, True)
    print('result', r)
    for entry in log:
        print(entry)
    print('intern', sorted(k for k in p.intern if k is not None) if p.intern is not None else None)


run('plain')
run('namespaces', sep=' ')
run('ordered', sep='|', ordered_attributes=True, specified_attributes=True)
run('triplets', sep='!', namespace_prefixes=True)
run('buffered', buffer_text=True)

# Default handlers see the markup.
for which in ('DefaultHandler', 'DefaultHandlerExpand'):
    p = expat.ParserCreate()
    out = []
    setattr(p, which, out.append)
    p.Parse(b'<!DOCTYPE a [<!ENTITY e "E">]><a x="1">&e;&amp;<b/></a>', True)
    print(which, out)

# Handlers are attributes: None when unset, replaced and removed.
p = expat.ParserCreate()
print(p.StartElementHandler, p.CharacterDataHandler)
f = lambda *a: None
p.StartElementHandler = f
print(p.StartElementHandler is f)
p.StartElementHandler = None
print(p.StartElementHandler)
try:
    del p.StartElementHandler
except RuntimeError as e:
    print('RuntimeError', e)
