"""A plugin registry written with heavy typing: Protocol, TypedDict, Generic, ParamSpec."""
from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from typing import (Any, ClassVar, Concatenate, Final, Generic, Literal, NamedTuple,
                    NotRequired, ParamSpec, Protocol, Required, Self, TypedDict, TypeVar,
                    get_args, get_origin, get_type_hints, overload, runtime_checkable)

T = TypeVar("T")
K = TypeVar("K", bound=str)
P = ParamSpec("P")
R = TypeVar("R")


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class SupportsRender(Protocol):
    name: str

    def render(self, width: int = 80) -> str: ...


class Movie(TypedDict):
    title: str
    year: int
    rating: NotRequired[float]


class PartialMovie(TypedDict, total=False):
    title: Required[str]
    tags: list[str]


class Pos(NamedTuple):
    line: int
    col: int = 0

    def shifted(self, n: int) -> Pos:
        return self._replace(col=self.col + n)


class Stack(Generic[T]):
    kind: ClassVar[str] = "lifo"

    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> Self:
        self._items.append(item)
        return self

    def pop(self) -> T:
        return self._items.pop()

    def __iter__(self) -> Iterator[T]:
        return reversed(self._items)


class Registry[V]:
    def __init__(self) -> None:
        self.items: dict[str, V] = {}

    def add(self, key: str, value: V) -> None:
        self.items[key] = value


def logged(fn: Callable[P, R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return inner


def with_user(fn: Callable[Concatenate[str, P], R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return fn("admin", *args, **kwargs)
    return inner


@overload
def parse(x: int) -> int: ...
@overload
def parse(x: str) -> str: ...
def parse(x):
    return x


MAX: Final = 10
Mode = Literal["r", "w"]


@logged
def scale(x: float, factor: float = 2.0) -> float:
    return x * factor


@with_user
def greet(user: str, greeting: str) -> str:
    return f"{greeting}, {user}"


class File:
    def close(self) -> None:
        print("closed")


print(isinstance(File(), Closable), isinstance(3, Closable))
try:
    isinstance(File(), SupportsRender)
except TypeError as exc:
    print("protocol:", exc)
m: Movie = {"title": "Alien", "year": 1979}
print(m, sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__))
print(sorted(PartialMovie.__required_keys__), sorted(PartialMovie.__optional_keys__),
      PartialMovie.__total__)
print(Pos(3), Pos(3, 4).shifted(2), Pos._fields, Pos._field_defaults)
s = Stack[int]().push(1).push(2).push(3)
print(list(s), s.pop(), Stack[int], Stack.__parameters__, Stack[int].__origin__ is Stack)
r = Registry[int]()
r.add("a", 1)
print(r.items, Registry.__type_params__, Registry[str])
print(scale(3, factor=4))
print(greet("hello"))
print(parse(1), parse("s"), len(typing.get_overloads(parse)))
print(get_type_hints(Stack.push))
print(get_type_hints(Movie))
print(get_type_hints(Pos))
print(get_type_hints(scale.__wrapped__ if hasattr(scale, "__wrapped__") else scale))
hints = get_type_hints(Stack, include_extras=True)
print(hints)
for tp in (list[int], dict[str, list[int]], Callable[[int, str], bool], Mode, int | None,
           typing.Optional[str], typing.Union[int, str], Callable[..., Any],
           typing.Annotated[int, "meta"], tuple[int, ...]):
    print(tp, "|", get_origin(tp), "|", get_args(tp))
print(T, K, K.__bound__, P, P.args, P.kwargs, T.__constraints__)
print(typing.reveal_type.__name__, typing.assert_never.__name__)
try:
    typing.assert_never(1)
except AssertionError as exc:
    print("assert_never:", exc)
print(typing.cast(int, "x"), typing.TYPE_CHECKING)
type Alias = list[tuple[int, str]]
print(Alias, Alias.__value__, type(Alias).__name__)
type Pair[X] = tuple[X, X]
print(Pair[int], Pair.__type_params__, Pair[int].__value__ if hasattr(Pair[int], "__value__") else get_args(Pair[int]))


class Node[T: (int, str)]:
    def __init__(self, v: T) -> None:
        self.v = v


print(Node.__type_params__[0].__constraints__)


def func(a: int, b: "list[Undefined]", *args: str, **kw: float) -> None: ...


import annotationlib
print(annotationlib.get_annotations(func, format=annotationlib.Format.STRING))
try:
    get_type_hints(func)
except NameError as exc:
    print("NameError:", exc)
print(annotationlib.get_annotations(func, format=annotationlib.Format.FORWARDREF)["b"])


class Late:
    x: Later
    y: int


class Later:
    pass


print(get_type_hints(Late))
print(Late.__annotations__)
print(sorted(typing.get_protocol_members(SupportsRender)))
print(typing.is_protocol(SupportsRender), typing.is_typeddict(Movie))
