# __del__ that assigns __class__: the instance releases its current class, not the one it was
# created with (subtype_dealloc reads the type again after the finalizer).
import gc, sys

class Target:
    pass

class Source:
    def __del__(self):
        self.__class__ = Target

before_src = sys.getrefcount(Source)
before_tgt = sys.getrefcount(Target)
items = [Source() for _ in range(50)]
del items
gc.collect()
print("source refs back:", sys.getrefcount(Source) == before_src)
print("target refs back:", sys.getrefcount(Target) == before_tgt)

class Slotted:
    __slots__ = ("a", "b")
    def __del__(self):
        self.__class__ = Slotted2

class Slotted2:
    __slots__ = ("a", "b")

s = Slotted()
s.a = [1, 2]
s.b = "x"
del s
gc.collect()
print("done")
