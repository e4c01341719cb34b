# json: dumps/loads options, special values, custom encoders and decoders, errors.
import json
data = {'name': 'Ada', 'langs': ['en', 'fr'], 'age': 36, 'ratio': 0.5, 'ok': True, 'none': None, 'nested': {'a': [1, {'b': ()}]}}
s = json.dumps(data)
print(s)
print(json.loads(s) == {**data, 'nested': {'a': [1, {'b': []}]}})
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps({'é': 'ü☃'}), json.dumps({'é': 'ü'}, ensure_ascii=False))
print(json.dumps({1: 'int key', 2.5: 'float', True: 'bool', None: 'none'}), json.dumps('tab\tquote"back\\'))
print(json.dumps([float('inf'), float('-inf'), float('nan')]), json.loads('[Infinity, -Infinity, NaN]'))
try:
    json.dumps([float('nan')], allow_nan=False)
except ValueError as e:
    print(e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
try:
    json.dumps(object)
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): 3}, skipkeys=True), json.dumps(3.0), json.dumps(1e100), json.dumps(10 ** 30), json.dumps(0.1 + 0.2))
for bad in ['{"a": 1,}', '[1, 2', '{"a" 1}', 'nul', '"unterminated', '{"a": 1} extra', '', "{'single': 1}"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e.msg, e.pos, e.lineno, e.colno)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        if isinstance(o, complex):
            return {'re': o.real, 'im': o.imag}
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}, 'c': 1 + 2j}, cls=Enc), json.dumps({'d': 5}, default=str))
def hook(obj):
    return {k.upper(): v for k, v in obj.items()}
print(json.loads('{"a": {"b": 1}}', object_hook=hook), json.loads('{"x": 1, "y": 2}', object_pairs_hook=list))
print(json.loads('1.5', parse_float=lambda t: 'F' + t), json.loads('7', parse_int=lambda t: int(t) * 2), json.loads('"\\u00e9\\ud83d\\ude00"'))
print(json.loads('{"dup": 1, "dup": 2}'), json.loads(' [ 1 , "x" , null , false ] '), json.loads(b'{"bytes": true}'))
import io
buf = io.StringIO()
json.dump({'k': [1, 2]}, buf, indent='\t')
print(repr(buf.getvalue()), json.load(io.StringIO('{"z": 0}')))
print(json.dumps('\x00\x1f\x7f\u2028'), json.dumps([[], {}, [[]]], indent=1))
