# JSONDecodeError from the C scanner: messages and positions.
import json

for text in ['{"a" 1}', '{"a": 1,}', '[1, 2,]', '[1 2]', '{1: 2}', '"abc', '"a\\x"',
             '"\\u12"', '"\\u12zz"', '"ctrl\x01"', '[', '{"a": [1, 2', 'tru', '',
             '  ', '[1] x', '{"a":1', '"\\', '["a", "b\\ud800\\u"]']:
    try:
        print(repr(text), json.loads(text))
    except json.JSONDecodeError as e:
        print(repr(text), 'JSONDecodeError', e, e.pos, e.lineno, e.colno)
print(json.loads('{"x": [1, 2.0, "s\\u00e9", null, true], "y": {}}'))
print(json.dumps({'b': [1, 2.5, None], 'a': 'é'}, sort_keys=True))
print(json.dumps({'b': [1, {'c': ()}], 'a': 'é'}, indent=2, ensure_ascii=False))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
print(json.loads('{"a": NaN, "b": -Infinity}'))
