# The __dict__ descriptor of a class serves a metaclass's instances through type's own
# __dict__ (get_builtin_base_with_dict), and module subclasses through the module's.
import sys

class Base:
    pass

class Meta1(type, Base):
    pass

class Meta2(Base, type):
    pass

class C1(metaclass=Meta1):
    pass

class C2(metaclass=Meta2):
    pass

descr = Base.__dict__["__dict__"]
for cls in (C1, C2):
    print(type(descr.__get__(cls)).__name__)
    for label, action in (("set", lambda: descr.__set__(cls, {})),
                          ("delete", lambda: descr.__delete__(cls)),
                          ("assign", lambda: setattr(cls, "__dict__", {}))):
        try:
            action()
        except (AttributeError, TypeError) as e:
            print(label, type(e).__name__, e)
        else:
            print(label, "allowed")

class Mod(type(sys)):
    pass

m = Mod("m")
m.x = 1
print(type(m.__dict__).__name__, m.__dict__["x"])
try:
    m.__dict__ = {}
except (AttributeError, TypeError) as e:
    print("module dict", type(e).__name__, e)

class OddMod(type(sys)):
    @property
    def __dict__(self):
        return ["not", "a", "dict"]

try:
    dir(OddMod("o"))
except TypeError as e:
    print("dir", e)
