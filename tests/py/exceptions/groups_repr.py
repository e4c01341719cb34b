# repr() of exception groups in 3.14.2 is BaseException's: the arguments as given, so a list
# of exceptions mutated after the group was made shows its current items.
import collections

excs = [ValueError(1)]
eg = ExceptionGroup("m", excs)
excs.append(TypeError(2))
print(repr(eg))
print(str(eg), eg.exceptions)

print(repr(BaseExceptionGroup("b", (KeyboardInterrupt(),))))
print(repr(ExceptionGroup("d", collections.deque([ArithmeticError("x")]))))


class MyGroup(ExceptionGroup):
    pass


g = MyGroup("sub", [KeyError("k")])
print(repr(g), repr(g.derive([ValueError()])))
match, rest = ExceptionGroup("s", [ValueError(1), TypeError(2)]).split(ValueError)
print(repr(match), repr(rest))
print(type(ExceptionGroup.__repr__), ExceptionGroup.__repr__ is BaseException.__repr__)
print("__repr__" in vars(BaseExceptionGroup))
