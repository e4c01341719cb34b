# Assigning __bases__ recomputes the MRO of the class and its subclasses; a failing mro()
# restores every MRO already replaced, and reentrant assignments are respected.
class FailSecond(type):
    def __new__(mcls, name, bases, ns):
        mcls.calls = 0
        return super().__new__(mcls, name, bases, ns)
    def mro(cls):
        type(cls).calls += 1
        if type(cls).calls > 1:
            raise RuntimeError("no second mro")
        return type.mro(cls)

class A: pass
class A2: pass
class B(A): pass
class C(B): pass
class D(B, metaclass=FailSecond): pass

before = (B.__mro__, C.__mro__, D.__mro__)
try:
    B.__bases__ = (A2,)
except RuntimeError as e:
    print("RuntimeError", e)
print(before == (B.__mro__, C.__mro__, D.__mro__), B.__bases__ == (A,))
print([k.__name__ for k in C.__mro__])

# A custom mro() that leaves the class out of its own MRO: class creation fails in
# __init_subclass__'s super() check.
class Other: pass
class Vanishing(type):
    def mro(cls):
        del Vanishing.mro
        return (Other,)
try:
    class Lost(metaclass=Vanishing):
        pass
except TypeError as e:
    print("TypeError", e)

# Reentrant __bases__ assignment from mro(), then an error: the reentrant bases stay.
class Err(Exception): pass
state = {"armed": False}
class Reenter(type):
    def mro(cls):
        if state["armed"] and cls.__name__ == "Z":
            if Z.__bases__ == (Y2,):
                state["armed"] = False
            else:
                Z.__bases__ = (Y2,)
                raise Err
        return type.mro(cls)

class X(metaclass=Reenter): pass
class Y1(X): pass
class Y2(X): pass
class Z(X): pass
state["armed"] = True
try:
    Z.__bases__ = (Y1,)
except Err:
    print("Err raised")
print([b.__name__ for b in Z.__bases__], [k.__name__ for k in Z.__mro__])
print([s.__name__ for s in Y2.__subclasses__()], Y1.__subclasses__())
