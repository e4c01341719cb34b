# _json's scanner and encoder driven directly (no json package needed).
import _json

print(_json.encode_basestring_ascii('plain'))
print(_json.encode_basestring_ascii('tab\there "q" back\\slash \x00\x1f\x7f'))
print(_json.encode_basestring_ascii('caf\u00e9 \u20ac \U0001f600 ' + chr(0xd800)))
print(_json.encode_basestring('caf\u00e9 \u20ac \U0001f600 \n\r\b\f\x01'))
for bad in (b'x', 1, None):
    try:
        _json.encode_basestring_ascii(bad)
    except TypeError as e:
        print('TypeError', e)

print(_json.scanstring('hello" tail', 0))
print(_json.scanstring('"esc \\n\\t\\"\\\\\\/\\b\\f\\r" x', 1))
print(_json.scanstring('\\u00e9\\u20AC\\ud83d\\ude00\\ud800x"', 0))
print(_json.scanstring('ctrl\x01"', 0, False))
print(_json.scanstring('abc"', 0, strict=False) if False else 'kw skipped')
try:
    _json.scanstring('x"', 5)
except ValueError as e:
    print('ValueError', e)
try:
    _json.scanstring(b'x"', 0)
except TypeError as e:
    print('TypeError', e)


class Ctx:
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {'NaN': 'nan!', 'Infinity': 'inf!', '-Infinity': '-inf!'}.__getitem__
    memo = None


scan = _json.make_scanner(Ctx())
print(type(scan).__name__, scan.strict, scan.parse_int is int)
for text in ['{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}',
             '[ 1 , 2 ,3 ]  trailing', '"just a string"', '-0', '12.5e-3', '1E400',
             '123456789012345678901234567890', 'NaN', 'Infinity', '-Infinity', '[]', '{}',
             '{ }', '[\n]', '0.5', '1.', '1e', '-']:
    try:
        print(repr(text), scan(text, 0))
    except StopIteration as e:
        print(repr(text), 'StopIteration', e.value)
for idx in (-1, 100):
    try:
        print(scan('[1]', idx))
    except (ValueError, StopIteration) as e:
        print(type(e).__name__, e)


class Hooks(Ctx):
    object_hook = staticmethod(lambda d: ('hooked', sorted(d.items())))
    parse_float = staticmethod(lambda s: ('float', s))
    parse_int = staticmethod(lambda s: ('int', s))


print(_json.make_scanner(Hooks())('{"x": 1, "y": [2.0, 3]}', 0))


class Pairs(Ctx):
    object_pairs_hook = list


print(_json.make_scanner(Pairs())('{"k": 1, "k": 2, "j": {"z": null}}', 0))

# Equal keys share one str object through the memo.
r, _ = scan('[{"key": 1}, {"key": 2}]', 0)
k1, k2 = list(r[0])[0], list(r[1])[0]
print(k1 is k2)


def default(o):
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')


enc = _json.make_encoder({}, default, _json.encode_basestring_ascii, None, ': ', ', ',
                         False, False, True)
print(type(enc).__name__, enc.sort_keys, enc.skipkeys, enc.key_separator, enc.markers)
doc = {'b': [1, 2.5, None, True, False, 'x\u00e9'], 'a': {'n': {1, 2}}, 3: 'int key',
       2.5: 'float', None: 'none', True: 't', (1, 2)[0]: 'dup'}
print(enc(doc, 0))
print(enc([float('inf'), float('-inf'), float('nan'), 1e100, 0.1, -0.0], 0))
print(enc((), 0), enc([], 0), enc({}, 0), enc('s', 0), enc(10**30, 0))


class MyInt(int):
    def __repr__(self):
        return 'nope'


class MyFloat(float):
    def __repr__(self):
        return 'nope'


class MyStr(str):
    pass


print(enc([MyInt(5), MyFloat(1.5), MyStr('s'), {MyStr('k'): 1}], 0))

skip = _json.make_encoder(None, default, _json.encode_basestring, None, ': ', ',',
                          False, True, True)
print(skip({'z': 1, object(): 'skipped', 'm': ['x']}, 0)[0])

strict = _json.make_encoder({}, default, _json.encode_basestring, None, ':', ',',
                            False, False, False)
try:
    strict([1.0, float('nan')], 0)
except ValueError as e:
    print('ValueError', e, getattr(e, '__notes__', None))
try:
    strict({1j: 1}, 0)
except TypeError as e:
    print('TypeError', e)
try:
    strict({'k': [1, object()]}, 0)
except TypeError as e:
    print('TypeError', e, e.__notes__)
circ = []
circ.append(circ)
try:
    strict(circ, 0)
except ValueError as e:
    print('ValueError', e, e.__notes__)
d = {}
d['self'] = d
try:
    strict(d, 0)
except ValueError as e:
    print('ValueError', e, e.__notes__)
print(strict([[1], [1]], 0))


def custom_encoder(s):
    return '<' + s + '>'


print(_json.make_encoder(None, default, custom_encoder, None, '=', ';', False, False,
                         True)({'a': 'b'}, 0))
try:
    _json.make_encoder(None, default, lambda s: 1, None, '=', ';', False, False, True)(['a'], 0)
except TypeError as e:
    print('TypeError', e)
try:
    _json.make_encoder(1, default, custom_encoder, None, '=', ';', False, False, True)
except TypeError as e:
    print('TypeError', e)
