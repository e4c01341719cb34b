# pyexpat: the traceback entry ("./Modules/pyexpat.c", line, handler name) of each handler
# that raises.
import pyexpat, traceback
doc = b'''<?xml version="1.0" standalone="no"?>
<!DOCTYPE r SYSTEM "x.dtd" [
<!ELEMENT r (#PCDATA|a)*>
<!ATTLIST r x CDATA "d">
<!ENTITY e "v">
<!ENTITY u SYSTEM "u.bin" NDATA n>
<!NOTATION n SYSTEM "n">
]>
<r xmlns:p="urn:p"><?pi d?><!--c--><![CDATA[t]]>&e;&ext;</r>'''
names = ['StartElementHandler','EndElementHandler','ProcessingInstructionHandler','CharacterDataHandler','UnparsedEntityDeclHandler','NotationDeclHandler','StartNamespaceDeclHandler','EndNamespaceDeclHandler','CommentHandler','StartCdataSectionHandler','EndCdataSectionHandler','DefaultHandler','DefaultHandlerExpand','NotStandaloneHandler','ExternalEntityRefHandler','StartDoctypeDeclHandler','EndDoctypeDeclHandler','EntityDeclHandler','XmlDeclHandler','ElementDeclHandler','AttlistDeclHandler','SkippedEntityHandler']
for n in names:
    p = pyexpat.ParserCreate(namespace_separator=' ')
    def h(*a):
        raise KeyError(n)
    setattr(p, n, h)
    try:
        p.Parse(doc.replace(b'&ext;', b'&ext;' if n=='SkippedEntityHandler' else b''), True)
        print(n, 'no call')
    except KeyError as e:
        tb = e.__traceback__
        while tb:
            if 'pyexpat' in tb.tb_frame.f_code.co_filename:
                print(n, tb.tb_frame.f_code.co_name, tb.tb_lineno)
            tb = tb.tb_next
    except Exception as e:
        print(n, 'other', e)

# ExternalEntityRefHandler, and the frame's attributes.
p = pyexpat.ParserCreate()
def ext(*a):
    raise KeyError(a)
p.ExternalEntityRefHandler = ext
try:
    p.Parse(b'<!DOCTYPE r [<!ENTITY ext SYSTEM "ext.xml">]><r>&ext;</r>', True)
except KeyError as e:
    tb = e.__traceback__.tb_next
    f = tb.tb_frame
    print(f.f_code.co_filename, f.f_code.co_name, tb.tb_lineno, f.f_lineno,
          f.f_code.co_firstlineno, f.f_globals, f.f_code.co_qualname, f.f_code.co_argcount)

# An uncaught exception from a handler: the traceback shows the handler's entry.
import sys
import traceback
p = pyexpat.ParserCreate()
def start(name, attrs):
    raise RuntimeError('from ' + name)
p.StartElementHandler = start
try:
    p.Parse(b'<elem/>', True)
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
p = pyexpat.ParserCreate()
p.CharacterDataHandler = lambda data: 1 / 0
p.Parse(b'<a>text</a>', True)
