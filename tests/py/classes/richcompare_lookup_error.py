# A comparison dunder whose lookup raises (a property) is treated as missing: the
# comparison falls back; an error raised by the method itself propagates.
def boom(self):
    raise AttributeError("boom")

class E:
    __eq__ = property(boom)
    __lt__ = property(boom)

a, b = E(), E()
print(a == b, a == a, a != b)
try:
    a < b
except TypeError as e:
    print("TypeError", e)

class Raising:
    def __eq__(self, other):
        raise ValueError("from __eq__")
try:
    Raising() == 1
except ValueError as e:
    print("ValueError", e)

# A missing __slots__ value names the class by its qualified name.
def make():
    class Inner:
        __slots__ = ("a",)
    return Inner
try:
    make()().a
except AttributeError as e:
    print(e)
