# Facts of a 64-bit Linux CPython for the object core's tests, run by the host python3 (3.11:
# same tuple/frozenset hash algorithms, dict layout and OSError errno mapping as 3.14).
import sys

out = []
def put(key, value):
    out.append(f"{key}\t{value}")

put("hash.tuple_empty", hash(()))
put("hash.tuple_123", hash((1, 2, 3)))
put("hash.tuple_nested", hash((1, (2, 3), -1, -2)))
put("hash.frozenset_empty", hash(frozenset()))
put("hash.frozenset_123", hash(frozenset([1, 2, 3])))
put("hash.frozenset_range", hash(frozenset(range(100))))
put("hash.int_neg1", hash(-1))
sizes = []
d = {}
for i in range(200):
    sizes.append(d.__sizeof__())
    d[i] = i
put("dict.sizes", sizes)
d = {}
for i in range(50):
    d[i] = i
for i in range(40):
    del d[i]
put("dict.size_after_deletes", d.__sizeof__())
d[1000] = 1
put("dict.size_after_reinsert", d.__sizeof__())
# Tables of str keys only are DICT_KEYS_UNICODE: 16-byte entries in __sizeof__.
sizes = []
d = {}
for i in range(200):
    sizes.append(d.__sizeof__())
    d["k%d" % i] = i
put("dict.str_sizes", sizes)
def exc_text(key, exc):
    put(f"exc.{key}.str", str(exc))
    put(f"exc.{key}.repr", repr(exc))
    put(f"exc.{key}.type", type(exc).__name__)

exc_text("oserror2", OSError(2, "No such file or directory"))
exc_text("oserror3", OSError(2, "No such file or directory", "f.txt"))
exc_text("oserror5", OSError(1, "Operation not permitted", "a", None, "b"))
exc_text("oserror_eexist", OSError(17, "File exists"))
exc_text("oserror_eagain", OSError(11, "Resource temporarily unavailable"))
print("\n".join(out))
