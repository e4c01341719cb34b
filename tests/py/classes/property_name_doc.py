# property.__name__ is looked up on the getter when asked (not at construction), and a
# property subclass keeps the doc in the instance, not shadowed by the subclass's docstring.
class Loud:
    def __getattr__(self, attr):
        raise RuntimeError("lookup of " + attr)

p = property(Loud())
try:
    p.__name__
except RuntimeError as e:
    print("RuntimeError", e)
p.__name__ = "named"
print(p.__name__)

def getter(self):
    "getter doc"
    return 1
q = property(getter)
print(q.__name__)
getter.__name__ = "renamed"
print(q.__name__)

class Owner:
    value = property(lambda self: 1)
try:
    Owner.value.__set__(Owner(), 2)
except AttributeError as e:
    print(e)

class Sub(property):
    """subclass doc"""

class NoDoc:
    pass

print(Sub(getter).__doc__)
print(Sub(NoDoc()).__doc__)
print(Sub(getter, doc="given").__doc__)
print(Sub(None).__doc__)

class Slotted(property):
    __slots__ = ()
    """slotted subclass doc"""

print(Slotted(NoDoc()).__doc__)
try:
    Slotted(getter)
except AttributeError as e:
    print("AttributeError", e)
