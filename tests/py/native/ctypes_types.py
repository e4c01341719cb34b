# ctypes data types without foreign calls: simple types and their conversions, structures,
# unions, arrays, pointers, bitfields, byte order, buffers, pickling and the error messages.
# Only fixed-width types are named in the output (c_int is c_long on the 32-bit reference).
import ctypes as C
import pickle


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, "|", e)


t(lambda: C.c_int32(1.5))
t(lambda: C.c_int32("a"))
t(lambda: C.c_double("a"))
t(lambda: C.c_char(300))
t(lambda: C.c_char(b"ab"))
t(lambda: C.c_char("a"))
t(lambda: C.c_bool([]).value)
t(lambda: C.c_wchar("ab"))
t(lambda: C.c_byte(1000).value)
t(lambda: C.c_int32(2 ** 40 + 5).value)
t(lambda: C.c_uint32(-1).value)
t(lambda: C.c_int64(2 ** 70 + 3).value)
t(lambda: C.c_float(1e300).value)
t(lambda: C.c_float(0.1).value)
t(lambda: C.c_char(65).value)
t(lambda: C.c_char(b"x"))
t(lambda: C.c_double(2.5))
t(lambda: C.c_void_p(1234))
t(lambda: C.c_void_p())
t(lambda: C.c_bool(2))
t(lambda: C.c_wchar("x"))
t(lambda: C.c_ubyte(-1).value)
t(lambda: C.py_object([1]))
t(lambda: C.py_object())
t(lambda: C.c_char_p(b"x").value)
t(lambda: C.c_wchar_p("xyz").value)
t(lambda: C.c_void_p(0).value)
t(lambda: C.c_int32(3)._objects)
t(lambda: C.c_int32(3)._b_base_)
t(lambda: C.c_int32(3)._b_needsfree_)
t(lambda: bool(C.c_int32(0)))
t(lambda: hash(C.c_int32(1)))
t(lambda: C.c_int32(1) == C.c_int32(1))
t(lambda: memoryview(C.c_char()).format)
t(lambda: memoryview(C.c_double()).format)
t(lambda: memoryview(C.c_bool()).format)
t(lambda: memoryview(C.c_char_p()).format)
t(lambda: memoryview(C.c_int16 * 3)() if False else memoryview((C.c_int16 * 3)()).shape)
t(lambda: C.sizeof(5))
t(lambda: C.alignment(5))
t(lambda: C.addressof(5))
t(lambda: C.byref(5))
t(lambda: C._SimpleCData())
t(lambda: C.Structure())
t(lambda: C.Array())
t(lambda: type("X", (C._SimpleCData,), {}))
t(lambda: type("X", (C._SimpleCData,), {"_type_": "k"}))
t(lambda: type("X", (C._SimpleCData,), {"_type_": 5}))
t(lambda: type("X", (C._SimpleCData,), {"_type_": "ii"}))
t(lambda: type("A", (C.Array,), {"_type_": C.c_int16}))
t(lambda: type("A", (C.Array,), {"_length_": 2}))
t(lambda: type("A", (C.Array,), {"_length_": -1, "_type_": C.c_int16}))
t(lambda: type("A", (C.Array,), {"_length_": "x", "_type_": C.c_int16}))
t(lambda: type("A", (C.Array,), {"_length_": 2, "_type_": int}))
t(lambda: C.c_double.from_param(2.5))
t(lambda: C.c_int16.from_param("x"))
t(lambda: C.c_char_p.from_param(5))
t(lambda: C.c_void_p.from_param(2.5))
t(lambda: C.c_wchar_p.from_param(b"x"))
t(lambda: type(C.c_int16))
t(lambda: type(C.c_int16).__mro__)
t(lambda: C.c_double.__mro__)
t(lambda: C.ArgumentError.__mro__)


class S(C.Structure):
    _fields_ = [("a", C.c_int16), ("b", C.c_char), ("c", C.c_double)]


t(lambda: memoryview(S()).format)
t(lambda: (C.sizeof(S), C.alignment(S)))
t(lambda: S(1, b"x", 2.5).c)
t(lambda: S(1, 2, 3, 4))
t(lambda: S(1, a=2))
t(lambda: S(b=b"q").b)
t(lambda: (S.b.offset, S.c.offset, S.c.size, S.b.name, S.c.type))
t(lambda: S.c)
t(lambda: type(S))
t(lambda: S.from_param(5))
t(lambda: setattr(S, "_fields_", []))
t(lambda: type(S.a))


class Empty(C.Structure):
    pass


t(lambda: C.sizeof(Empty))


class B(C.Structure):
    _fields_ = [("x", C.c_uint32, 3), ("y", C.c_int32, 5), ("z", C.c_uint8, 2)]


b = B(5, -3, 3)
t(lambda: (b.x, b.y, b.z, bytes(b), C.sizeof(B)))
b.y = 17
t(lambda: (b.x, b.y, b.z))
t(lambda: (B.x.bit_size, B.y.bit_offset, B.y.is_bitfield, B.z.byte_offset))


class BE(C.BigEndianStructure):
    _fields_ = [("v", C.c_uint32), ("w", C.c_int16)]


be = BE(0x01020304, -2)
t(lambda: (bytes(be), be.v, be.w))


class LE(C.LittleEndianUnion):
    _fields_ = [("v", C.c_uint32), ("b", C.c_uint8 * 4)]


t(lambda: list(LE(0x01020304).b))
t(lambda: bytes(C.c_int32.__ctype_be__(5)))
t(lambda: C.c_int32.__ctype_be__(5).value)


class Point(C.Structure):
    _fields_ = [("x", C.c_int32), ("y", C.c_int32)]


class Rect(C.Structure):
    _fields_ = [("a", Point), ("b", Point), ("tags", C.c_char * 4), ("w", C.c_wchar * 3)]


r = Rect(Point(1, 2), (3, 4), b"ab", "hé")
t(lambda: (r.a.x, r.b.y, r.tags, r.w, C.sizeof(Rect)))
r.a.x = 10
t(lambda: (r.a.x, bytes(r)[:8]))
t(lambda: setattr(r, "tags", b"toolong"))
t(lambda: setattr(r, "tags", "str"))
t(lambda: setattr(r, "a", 5))
t(lambda: r._objects)


class U(C.Union):
    _fields_ = [("i", C.c_uint32), ("b", C.c_uint8 * 4)]


u = U(0x01020304)
t(lambda: (list(u.b), C.sizeof(U)))


class Anon(C.Structure):
    _anonymous_ = ("p",)
    _fields_ = [("p", Point), ("z", C.c_int32)]


an = Anon()
an.x = 5
t(lambda: (an.p.x, an.x, an.z, Anon.x.offset))
ba = bytearray(8)
pt = Point.from_buffer(ba)
pt.x = 7
t(lambda: bytes(ba))
t(lambda: Point.from_buffer_copy(b"\x01\0\0\0\x02\0\0\0").y)
t(lambda: Point.from_buffer(b"12345678"))
t(lambda: Point.from_buffer_copy(b"123"))
t(lambda: memoryview(pt).nbytes)
t(lambda: pickle.loads(pickle.dumps(C.c_int32(42))).value)
t(lambda: pickle.loads(pickle.dumps(Point(3, 4))).y)
t(lambda: pickle.dumps(C.pointer(C.c_int32(1))))
IntArr = C.c_int32 * 4
a = IntArr(1, 2, 3, 4)
t(lambda: (a[:], a[::-1], a[1:3], a[-1], len(a), list(a)))
t(lambda: IntArr(1, 2, 3, 4, 5))
t(lambda: a[4])
t(lambda: a["x"])
a[1:3] = [20, 30]
t(lambda: a[:])
t(lambda: a.__setitem__(slice(0, 2), [1]))
t(lambda: C.c_int32 * 4 is IntArr)
t(lambda: (C.c_int16 * 2) * 3)
t(lambda: C.sizeof((C.c_int32 * 2) * 3))
t(lambda: memoryview(((C.c_int16 * 2) * 3)()).shape)
t(lambda: C.c_int32 * -1)
cs = C.create_string_buffer(b"hello", 8)
t(lambda: (cs.value, cs.raw, cs[1:4], cs[0]))
cs.value = b"hi"
t(lambda: cs.raw)
t(lambda: setattr(cs, "value", b"x" * 9))
ws = C.create_unicode_buffer("hé")
t(lambda: (ws.value, ws[:], len(ws)))
p = C.pointer(C.c_int16(99))
t(lambda: (p.contents.value, p[0], bool(p)))
p.contents = C.c_int16(7)
t(lambda: p[0])
t(lambda: setattr(p, "contents", 5))
t(lambda: setattr(p, "contents", C.c_int16(1)))
t(lambda: C.POINTER(C.c_int32)().contents)
t(lambda: bool(C.POINTER(C.c_int32)()))
t(lambda: C.POINTER(C.c_int16).__name__)
t(lambda: C.POINTER(C.c_int32) is C.POINTER(C.c_int32))
t(lambda: C.POINTER(Point).from_param(5))
t(lambda: C.cast(5, C.c_double))
t(lambda: C.cast(a, C.POINTER(C.c_int32))[2])
t(lambda: C.cast(C.pointer(a), C.POINTER(C.c_int32 * 4)).contents[:])


class Node(C.Structure):
    pass


Node._fields_ = [("next", C.POINTER(Node)), ("v", C.c_int32)]
n1 = Node(None, 1)
n2 = Node(C.pointer(n1), 2)
t(lambda: (n2.next.contents.v, bool(n1.next)))
t(lambda: C.c_char_p(b"hello")[0] if False else C.cast(C.c_char_p(b"hello"), C.POINTER(C.c_char))[1:4])
t(lambda: C.string_at(C.create_string_buffer(b"abc"), 2))
t(lambda: C.resize(C.c_int32(), 2))
x = C.c_int32()
C.resize(x, 32)
t(lambda: (C.sizeof(x), C.sizeof(C.c_int32)))
