# json: dumps and loads of nested records (dicts, lists, strs with escapes, ints, floats,
# booleans, None), with indent and sort_keys, as services and config loaders use it.
import json


def make(n):
    return [{
        "id": i,
        "name": "user %d \"q\" \u00e9" % i,
        "score": i * 1.25,
        "active": i % 2 == 0,
        "tags": ["a", "b", str(i % 7)],
        "meta": {"x": i, "y": None, "z": [1, 2.5, "three"]},
    } for i in range(n)]


def run(n):
    data = make(n)
    total = 0
    for _ in range(4):
        text = json.dumps(data)
        back = json.loads(text)
        total += len(text) + len(back)
    pretty = json.dumps(data[:500], indent=2, sort_keys=True)
    total += len(json.loads(pretty))
    small = 0
    for i in range(n):
        small += len(json.dumps({"k": i, "v": [i, "s"]}))
        small += json.loads('{"a": %d, "b": [true, null]}' % i)["a"]
    return total, len(pretty), small


for _ in range(3):
    result = run(5000)
print(result)
