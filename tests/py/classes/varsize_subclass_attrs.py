# Instance attributes of subclasses of variable-size built-ins (int, tuple, bytes): the
# instance dict lives after the items (negative __dictoffset__), so it never overlaps them.
class I(int):
    def __new__(cls, value, name):
        self = super().__new__(cls, value)
        self.name = name
        return self
    def __repr__(self):
        return self.name

a, z, big = I(5, 'five'), I(0, 'zero'), I(2**100, 'big')
print(a, z, big, int(a) + 1, int(z), int(big) - 2**100, a.__dict__, a * 2, z == 0, big > 2**99)

class T(tuple):
    pass

t = T((1, 2, 3))
t.x = 'extra'
print(t, t.x, t[2], len(t), t.__dict__, T(()).__dict__)

class B(bytes):
    pass

b = B(b'abc')
b.tag = [1, 2]
print(b, b.tag, b[1:], vars(b))

class J(I):
    pass

j = J(7, 'seven')
j.more = 1
print(j, int(j), sorted(vars(j)), isinstance(j, int), [I(n, str(n)) for n in range(3)])
print(I.__dictoffset__ < 0, T.__dictoffset__ < 0, B.__dictoffset__ < 0, J.__dictoffset__ == I.__dictoffset__)
