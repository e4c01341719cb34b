# memoryview: formats, shape/strides, casts, slicing, assignment, release, comparison, hash.
def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

def info(m):
    return (m.format, m.itemsize, m.ndim, m.shape, m.strides, m.suboffsets, m.nbytes,
            m.readonly, m.c_contiguous, m.f_contiguous, m.contiguous)

b = b"abcdefgh"
m = memoryview(b)
print(info(m), len(m), m.obj is b)
print(m[0], m[-1], m[2:5].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[5:2].tobytes())
print(info(m[::2]), info(m[::-1]), info(m[5:2]))
print(m.tolist(), m[1::3].tolist(), list(m[:3]), bytes(m[::3]))
print(m.hex(), m.hex(":"), m.hex("-", 3), m[::2].hex(), m.tobytes("F"), m.tobytes("A"), m.tobytes(None))
t("tobytes order", lambda: m.tobytes("X"))
t("index range", lambda: m[8])
t("index type", lambda: m["a"])
t("index float", lambda: m[1.0])
t("readonly set", lambda: m.__setitem__(0, 1))
t("delete", lambda: memoryview(bytearray(b"x")).__delitem__(0))
t("not bytes-like", lambda: memoryview("abc"))
t("not bytes-like int", lambda: memoryview(5))
t("no arg", lambda: memoryview())
t("kw", lambda: memoryview(object=b"kw").tobytes())
print(m.count(ord("a")), m.index(ord("c")), m.index(ord("h"), -2), m[::2].count(ord("c")))
t("index missing", lambda: m.index(ord("z")))

ba = bytearray(b"0123456789")
w = memoryview(ba)
print(info(w))
w[0] = ord("A")
w[-1] = 66
w[1:4] = b"xyz"
w[4:10:2] = bytearray(b"+++")
print(ba)
w[::-1] = ba[:]
print(ba)
t("assign size", lambda: w.__setitem__(slice(0, 2), b"abc"))
t("assign value", lambda: w.__setitem__(0, 256))
t("assign type", lambda: w.__setitem__(0, b"a"))
t("assign non-buffer", lambda: w.__setitem__(slice(0, 1), [1]))
t("resize while exported", lambda: ba.append(1))
with memoryview(ba) as v2:
    print(v2[0], v2.readonly)
t("use released", lambda: v2[0])
t("len released", lambda: len(v2))
t("tobytes released", lambda: v2.tobytes())
print(repr(v2).startswith("<released memory at "), repr(w).startswith("<memory at "))
sub = w[2:4]
w.release()
t("append after parent release", lambda: ba.append(1))
sub.release()
ba.append(ord("!"))
print(ba)

ro = w2 = memoryview(bytearray(b"ro")).toreadonly()
print(ro.readonly, ro.tobytes())
t("assign readonly", lambda: ro.__setitem__(0, 1))
t("hash writable", lambda: hash(memoryview(bytearray(b"ab"))))
print(hash(memoryview(b"abc")) == hash(b"abc"), hash(memoryview(b"abcd")[::2]) == hash(b"ac"))
t("hash readonly of bytearray", lambda: hash(memoryview(bytearray(b"ab")).toreadonly()))
t("hash format", lambda: hash(memoryview(b"abcd").cast("h")))

raw = bytearray(range(24))
c = memoryview(raw)
h = c.cast("H")
print(info(h), h.tolist()[:4] == [256, 770, 1284, 1798] or h.tolist()[:4])
i2 = c.cast("B", [2, 3, 4])
print(info(i2), i2.tolist())
print(i2[1, 2, 3], i2[-1, -1, -1])
i2[0, 0, 0] = 99
print(raw[0], i2.tobytes("F")[:6], i2.tobytes("C")[:6])
t("sub-view", lambda: i2[0])
t("multi slice", lambda: i2[0:1, 0:1])
t("tuple too long", lambda: i2[0, 0, 0, 0])
t("dim bounds", lambda: i2[0, 5, 0])
t("iterate nd", lambda: list(i2))
t("len nd", lambda: len(i2))
print(i2.cast("B").tolist() == list(raw), i2.cast("c")[:3].tolist())
t("cast nd to nd", lambda: i2.cast("B", [4, 6]))
t("cast non-byte", lambda: h.cast("I"))
t("cast bad format", lambda: c.cast("x"))
t("cast non-native", lambda: c.cast("<i"))
t("cast length", lambda: memoryview(b"abc").cast("h"))
t("cast shape", lambda: c.cast("B", [5, 5]))
t("cast shape type", lambda: c.cast("B", (2, "x")))
t("cast shape zero", lambda: c.cast("B", [0, 24]))
t("cast shape list", lambda: c.cast("B", 24))
t("cast non-contiguous", lambda: c[::2].cast("B"))
t("cast format type", lambda: c.cast(1))
z = memoryview(b"\x05").cast("B", [])
print(info(z), z[()], z[...] is z, z.tolist())
t("0-dim index", lambda: z[0])
t("0-dim len", lambda: len(z))
t("0-dim iter", lambda: list(z))

f = memoryview(bytearray(16)).cast("d")
f[0] = 1.5
f[1] = -2
print(f.tolist(), f.format, f.itemsize)
t("float type", lambda: f.__setitem__(0, "x"))
q = memoryview(bytearray(8)).cast("q")
q[0] = -(2**63)
print(q.tolist())
t("q overflow", lambda: q.__setitem__(0, 2**63))
Q = q.cast("B").cast("Q")
Q[0] = 2**64 - 1
print(Q.tolist())
t("Q negative", lambda: Q.__setitem__(0, -1))
i = memoryview(bytearray(8)).cast("i")
i[0] = -5
i[1] = 2**31 - 1
print(i.tolist())
t("i range", lambda: i.__setitem__(0, 2**31))
t("i float", lambda: i.__setitem__(0, 1.0))
e = memoryview(bytearray(6)).cast("e")
e[0] = 1.0
e[1] = 65504.0
e[2] = 1e-7
print(e.tolist())
t("e overflow", lambda: e.__setitem__(0, 1e6))
bq = memoryview(bytearray(2)).cast("?")
bq[0] = 5
bq[1] = []
print(bq.tolist())
cc = memoryview(bytearray(b"ab")).cast("c")
cc[0] = b"z"
print(cc.tolist())
t("c value", lambda: cc.__setitem__(0, b"zz"))
t("c type", lambda: cc.__setitem__(0, 1))
sb = memoryview(bytearray(b"\xff\x01")).cast("b")
print(sb.tolist())
t("b range", lambda: sb.__setitem__(0, 200))

print(memoryview(b"abc") == b"abc", memoryview(b"abc") == bytearray(b"abc"), memoryview(b"abc") != b"abd")
print(memoryview(b"abc") == memoryview(b"xabc")[1:], memoryview(b"abc") == "abc", memoryview(b"ab") == [97, 98])
print(memoryview(b"\x01\x00\x02\x00").cast("h") == memoryview(b"\x01\x00\x02\x00").cast("H"))
print(memoryview(b"\x01\x02").cast("b") == memoryview(b"\x01\x02"), memoryview(b"\xff").cast("b") == memoryview(b"\xff"))
nan = memoryview(bytearray(8)).cast("d")
nan[0] = float("nan")
print(nan == nan, nan == nan.cast("B").cast("d"))
t("lt", lambda: memoryview(b"a") < memoryview(b"b"))
rel = memoryview(b"x")
rel.release()
print(rel == rel, rel == memoryview(b"x"))
print(bytes(memoryview(b"abc")), bytearray(memoryview(b"abc")[::-1]), b"".join([memoryview(b"a"), b"b"]))
print(memoryview(b"abc").__buffer__(0).tobytes(), type(memoryview.__buffer__).__name__)
print(memoryview(b"x").__class__.__name__, memoryview.__name__, type(iter(memoryview(b"x"))).__name__)
print(memoryview._from_flags(b"ab", 0).tobytes())

class Buf:
    def __init__(self):
        self.data = bytearray(b"pep688")
        self.released = []

    def __buffer__(self, flags):
        return memoryview(self.data)

    def __release_buffer__(self, view):
        self.released.append(view.tobytes())

o = Buf()
with memoryview(o) as v:
    print(v.tobytes(), type(v.obj).__name__, v.readonly)
print(o.released)
print(bytes(o), bytearray(o), b"x" + o, o.released)

class BadBuf:
    def __buffer__(self, flags):
        return b"no"

t("bad __buffer__", lambda: memoryview(BadBuf()))
t("bytes __buffer__ flags", lambda: b"ab".__buffer__(1))
t("bytearray __buffer__", lambda: bytearray(b"ab").__buffer__(0).tobytes())
ba3 = bytearray(b"q")
mv3 = ba3.__buffer__(0)
t("exported via __buffer__", lambda: ba3.append(1))
ba3.__release_buffer__(mv3)
ba3.append(33)
print(ba3, repr(mv3).startswith("<released"))
t("release wrong", lambda: bytearray().__release_buffer__(memoryview(b"x")))
t("release type", lambda: bytearray().__release_buffer__(b"x"))
