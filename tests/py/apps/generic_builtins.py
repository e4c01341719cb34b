# Subscripting the stdlib's C-implemented classes (PEP 585), as typed user code does.
import collections
import functools
import itertools
from collections import deque, defaultdict, OrderedDict, Counter


class Buffer:
    items: deque[int]

    def __init__(self) -> None:
        self.items: deque[int] = deque(maxlen=3)


Callback = functools.partial[int]
Lines = itertools.chain[str]
Errors = ExceptionGroup[ValueError]
print(deque[int], defaultdict[str, list[int]], OrderedDict[str, int], Counter[str])
print(Callback, Lines, Errors, BaseExceptionGroup[KeyboardInterrupt])
print(deque[int].__origin__ is deque, deque[int].__args__, type(deque[int]).__name__)
print(deque[int]([1, 2]), functools.partial[int](int, "7")(), list(itertools.chain[str]("ab", "c")))
print(ExceptionGroup[ValueError]("m", [ValueError(1)]))
print(isinstance(deque(), collections.deque), Buffer.__annotations__)
for cls in (deque, functools.partial, itertools.chain, BaseExceptionGroup):
    m = cls.__dict__["__class_getitem__"]
    print(cls.__name__, type(m).__name__, m.__doc__)
