# typing basics: generics, aliases, TypedDict, Protocol, get_type_hints, cast, overload, PEP 695 syntax.
from typing import (Any, Optional, Union, Callable, TypeVar, Generic, Protocol, TypedDict, Literal, Final,
                    get_type_hints, get_origin, get_args, cast, runtime_checkable, NewType, overload, Self, ClassVar)
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, item: T) -> None: self.item = item
    def get(self) -> T: return self.item
print(Box[int](5).get(), Box.__parameters__, Box[int].__origin__ is Box, Box[str].__args__)
print(Optional[int], Union[int, str], Union[int, None] == Optional[int], Callable[[int], str], list[dict[str, int]], int | None)
print(get_origin(list[int]), get_args(dict[str, int]), get_origin(Union[int, str]), get_args(Optional[str]), get_args(Callable[[int, str], bool]))
print(Literal['a', 'b'], get_args(Literal[1, 2]), Any, Final[int], ClassVar[int])
class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {'title': 'X'}
print(m, sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), Movie.__total__)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class File:
    def close(self): pass
print(isinstance(File(), Closer), isinstance(5, Closer))
def annotated(a: int, b: 'list[str]', c: Optional[float] = None) -> dict: ...
print(get_type_hints(annotated))
UserId = NewType('UserId', int)
print(UserId(5), UserId.__name__, UserId.__supertype__, cast(str, 5), cast('int', 'x'))
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x * 2
print(f(2), f('ab'))
type Pair[K] = tuple[K, K]
print(Pair, Pair.__value__, Pair.__type_params__, Pair[int], type(Pair).__name__)
def first[X](items: list[X]) -> X:
    return items[0]
print(first([9, 8]), first.__type_params__, first.__type_params__[0].__name__)
class Stack[E]:
    def __init__(self): self.items: list[E] = []
    def push(self, e: E) -> Self:
        self.items.append(e)
        return self
print(Stack[int]().push(1).push(2).items, Stack.__type_params__, Stack.__mro__[1:])
def constrained[N: (int, float), B: str = str](n: N) -> N: return n
print(constrained.__type_params__[0].__constraints__, constrained.__type_params__[1].__bound__, constrained.__type_params__[1].__default__)
type Recursive = list[Recursive] | int
print(Recursive.__value__, Recursive.__name__)
print(Callable[..., Any], tuple[int, ...], type[int], list['ForwardName'])
