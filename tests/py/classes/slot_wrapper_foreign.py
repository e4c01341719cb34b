# A slot wrapper taken from an unrelated class is called through the generic slot (and its
# type check raises) instead of being silently replaced by the base's slot function.
class Number(int):
    __eq__ = str.__eq__
    __add__ = str.__add__
    __lt__ = int.__lt__

n = Number(3)
for label, op in (("eq", lambda: n == n), ("add", lambda: n + n), ("lt", lambda: n < 4)):
    try:
        print(label, op())
    except TypeError as e:
        print(label, "TypeError", e)

class Text(str):
    __eq__ = str.__eq__
print(Text("a") == "a")

# object.__new__ kept as __new__ of a class whose base defines __new__ in Python: the type's
# tp_new stays the inherited slot, so extra arguments are refused.
class Strict:
    def __new__(cls, *args, **kwargs):
        raise AssertionError("base __new__")

class Relaxed(Strict):
    __new__ = object.__new__
    def __init__(self, value):
        self.value = value

try:
    Relaxed(3)
except TypeError as e:
    print("TypeError", e)
print(type(object.__new__(Relaxed)).__name__)

# A namespace key that is not a str is kept, with a RuntimeWarning naming the class.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    Odd = type("Odd", (), {1: "one", "x": 2})
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
print(Odd.__dict__[1], Odd.x)

class NsMeta(type):
    def __new__(mcls, name, bases, ns):
        ns[(1, 2)] = "tuple key"
        return super().__new__(mcls, name, bases, ns)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    class Keyed(metaclass=NsMeta):
        pass
print([str(w.message) for w in caught])
