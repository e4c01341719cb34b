# plistlib (XML plists) over pyexpat.
import datetime
import plistlib

value = {
    'name': 'cppy', 'count': 3, 'ratio': 0.5, 'ok': True, 'no': False,
    'list': [1, 'two', 3.0, [4]], 'data': b'\x00\x01binary\xff',
    'nested': {'a': {'b': {}}}, 'date': datetime.datetime(2024, 1, 2, 3, 4, 5),
    'unicode': 'caf\xe9 \u20ac', 'big': 2**40, 'neg': -7,
}
data = plistlib.dumps(value)
print(data.decode())
back = plistlib.loads(data)
print(back == value, sorted(back))
print(plistlib.loads(plistlib.dumps([1, 2], sort_keys=False)))
try:
    plistlib.loads(b'<?xml version="1.0"?><plist><dict><key>a</key></plist>')
except Exception as e:
    print(type(e).__name__, e)

