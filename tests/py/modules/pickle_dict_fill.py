# Unpickling dicts (SETITEMS into EMPTY_DICT): contents, order, and the table size the
# insertions would have grown (sys.getsizeof equal to a dict filled key by key), including
# duplicate keys in hand-made pickles, int and mixed keys, several SETITEMS batches, and
# errors part-way.
import pickle
import sys


def grown(pairs):
    d = {}
    for k, v in pairs:
        d[k] = v
    return d


def check(label, pairs, data):
    for loader in (pickle.loads, pickle._loads):
        d = loader(data)
        g = grown(pairs)
        print(label, loader.__module__, len(d), list(d.items()) == list(g.items()),
              sys.getsizeof(d) == sys.getsizeof(g))


for n in list(range(0, 30)) + [41, 42, 43, 85, 86, 87, 170, 171, 1000, 1001, 2500]:
    pairs = [("k%d" % i, i) for i in range(n)]
    for proto in (0, 2, 5):
        check("str%d/%d" % (n, proto), pairs, pickle.dumps(dict(pairs), proto))
    pairs = [(i * 7, str(i)) for i in range(n)]
    check("int%d" % n, pairs, pickle.dumps(dict(pairs), 4))
    pairs = [((i, "t") if i % 3 == 0 else i, i) for i in range(n)]
    check("mixed%d" % n, pairs, pickle.dumps(dict(pairs), 4))


def setitems_pickle(keys):
    # PROTO 2, EMPTY_DICT, MARK, (key value)*, SETITEMS, STOP, with each key spelled out.
    out = b"\x80\x02}("
    for i, k in enumerate(keys):
        out += pickle.dumps(k, 2)[2:-1] + pickle.dumps(i, 2)[2:-1]
    return out + b"u."


for keys in (["a"] * 12, ["a", "b"] * 6, ["k%d" % (i % 5) for i in range(40)],
             ["k%d" % (i % 11) for i in range(40)], ["k%d" % (i % 22) for i in range(60)],
             [i % 6 for i in range(30)], ["x", 1, "x", 1, "y", 2, "z", 3, "w", 4, "v", 5]):
    check("dup%d" % len(keys), list(zip(keys, range(len(keys)))), setitems_pickle(keys))

# A key that cannot be hashed part-way: the error, and what went in before it.
bad = b"\x80\x02}(" + b"".join(pickle.dumps("k%d" % i, 2)[2:-1] + b"K\x01" for i in range(8))
bad += b"]K\x02" + b"".join(pickle.dumps("z%d" % i, 2)[2:-1] + b"K\x01" for i in range(4)) + b"u."
for loader in (pickle.loads, pickle._loads):
    try:
        loader(bad)
    except TypeError as e:
        print(loader.__module__, "TypeError", e)
import io
u = pickle.Unpickler(io.BytesIO(b"\x80\x02}q\xc8(" + bad[4:]))
try:
    u.load()
except TypeError as e:
    print("TypeError", e)
d = u.memo.copy()[200]
print(len(d), list(d)[:3], sys.getsizeof(d) == sys.getsizeof(grown([("k%d" % i, 1) for i in range(8)])))
