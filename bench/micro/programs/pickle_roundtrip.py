# Micro: pickle.dumps and pickle.loads (the _pickle accelerator) of a mixed structure:
# ints, floats, str, bytes, tuples, lists, dicts, a set, None/bools and shared references.
import pickle

shared = ("shared", 1.5)
record = {
    "id": 12345, "name": "widget", "price": 19.99, "tags": ["a", "bb", "ccc"],
    "dims": (10, 20, 30), "blob": b"\x00\x01\x02" * 20, "flags": {1, 2, 3},
    "active": True, "parent": None, "big": 2**70, "neg": -7, "ref": shared,
}
data = [dict(record, id=i, ref=shared) for i in range(200)]
total = 0
for _ in range(1500):
    for proto in (2, 5):
        s = pickle.dumps(data, proto)
        back = pickle.loads(s)
        total += len(s) + len(back)
print(total)
