# xmlrpc.client marshalling (dumps/loads) over pyexpat.
import xmlrpc.client

s = xmlrpc.client.dumps((1, 'two', [3.5, True], {'k': None}), methodname='m', allow_none=True)
print(s)
print(xmlrpc.client.loads(s))
s = xmlrpc.client.dumps(xmlrpc.client.Fault(4, 'Too many'), methodresponse=True)
print(s)
try:
    xmlrpc.client.loads(s)
except xmlrpc.client.Fault as f:
    print('Fault', f.faultCode, f.faultString)
s = xmlrpc.client.dumps(({'when': xmlrpc.client.DateTime('20240102T03:04:05'),
                          'bin': xmlrpc.client.Binary(b'abc')},), methodresponse=True)
print(s)
print(xmlrpc.client.loads(s, use_builtin_types=True))
