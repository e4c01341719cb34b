# _struct.Struct as 3.14: __new__ makes an empty object and takes any arguments, __init__
# compiles the format (so a subclass's __init__ may take more, and calling __init__ again
# recompiles); the combinatoric iterators of itertools report their index arrays in __sizeof__.
import _struct
import itertools
import struct

s = _struct.Struct.__new__(_struct.Struct, "i")
print(s.size)
s.__init__("<h")
print(s.format, s.size, s.pack(258), repr(s))
s.__init__(b"!Q")
print(s.format, s.size, s.unpack(bytes(range(8))))
for bad in [5, None, "\xe9"]:
    try:
        s.__init__(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(s.format)
try:
    _struct.Struct("i", "j")
except TypeError as e:
    print(e)
try:
    _struct.Struct()
except TypeError as e:
    print(e)
print(_struct.Struct(format="2h").size)


class Record(_struct.Struct):
    def __init__(self, fmt, names):
        super().__init__(fmt)
        self.names = names.split()

    def load(self, data):
        return dict(zip(self.names, self.unpack(data)))


r = Record(">HIb", "kind length flag")
print(r.size, r.load(r.pack(1, 70000, -3)), type(r).__name__, repr(r))
print(struct.calcsize("@qcq"), struct.pack(">i", -2))
print("__init__" in vars(_struct.Struct), "__new__" in vars(_struct.Struct))

for it in [itertools.product("ab", range(3), repeat=2), itertools.combinations(range(5), 3),
           itertools.combinations_with_replacement("xyz", 4), itertools.permutations(range(6), 2),
           itertools.permutations("abc")]:
    base = type(it).__basicsize__
    words = (it.__sizeof__() - base) // struct.calcsize("n")
    print(type(it).__name__, words, "__sizeof__" in vars(type(it)))
