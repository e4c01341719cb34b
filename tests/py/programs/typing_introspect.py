from typing import (Any, Annotated, Callable, ClassVar, Final, Generic, Literal, NamedTuple,
                    Optional, Protocol, TypedDict, TypeVar, Union, get_args, get_origin,
                    get_type_hints, runtime_checkable, ParamSpec, Concatenate, overload, Self,
                    NotRequired, Required, TypeAlias, Iterator, Sequence, Mapping)
import typing
import inspect
from abc import ABC, abstractmethod
import dataclasses

T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
P = ParamSpec("P")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)

class Movie(TypedDict):
    title: str
    year: NotRequired[int]

class Employee(NamedTuple):
    name: str
    id: int = 3

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...

class F:
    def close(self): pass

def f(a: int, b: "str" = "x", *args: float, c: Annotated[int, "meta"] = 1, **kw: Any) -> Optional[list[int]]:
    pass

print(get_type_hints(f))
print(get_type_hints(f, include_extras=True)["c"])
print(inspect.signature(f))
print(Stack[int], Stack[int]().__orig_class__ if False else "", get_origin(Stack[int]), get_args(dict[str, list[int]]))
print(Optional[int], Union[int, str], int | None, Union[int], list[int | str])
print(Callable[[int, str], bool], Callable[..., int], Callable[P, T], Callable[Concatenate[int, P], T])
print(Literal["a", 1], get_args(Literal["a", 1]), Annotated[int, "x", 3], get_args(Annotated[int, "x"]))
print(T, K, N, P, K.__bound__, N.__constraints__, P.args, P.kwargs)
print(Movie.__required_keys__, Movie.__optional_keys__, Movie(title="x"))
print(Employee("a"), Employee._fields, Employee.__annotations__)
print(isinstance(F(), Closable), isinstance(1, Closable))
print(typing.List[int], typing.Dict[str, int], typing.Tuple[int, ...], typing.Type[int], typing.Set)
print(ClassVar[int], Final[str], typing.Sequence[int], Iterator[str])
type Alias = list[int]
type Pair[A, B] = tuple[A, B]
print(Alias, Alias.__value__, Pair, Pair[int, str], Pair.__type_params__)
def first[X](xs: Sequence[X]) -> X:
    return xs[0]
print(first.__type_params__, first([3]), inspect.signature(first))
class Box[V: (int, str)]:
    def get(self) -> V: ...
print(Box.__type_params__, Box[int], Box.__type_params__[0].__constraints__)
class Base(ABC):
    @abstractmethod
    def run(self) -> int: ...
    @property
    @abstractmethod
    def name(self) -> str: ...
try:
    Base()
except TypeError as e:
    print(e)
class Impl(Base):
    def run(self): return 1
try:
    Impl()
except TypeError as e:
    print(e)
print(Base.__abstractmethods__ == frozenset({"run", "name"}))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(len(typing.get_overloads(g)))
print(inspect.signature(lambda x, /, y, *, z=3: None))
sig = inspect.signature(f)
for name, prm in sig.parameters.items():
    print(name, prm.kind.name, prm.default, prm.annotation)
ba = sig.bind(1, "y", 2.0, c=5, extra=1)
print(ba, ba.arguments)
try:
    sig.bind()
except TypeError as e:
    print(e)
@dataclasses.dataclass
class DC:
    x: int
    y: list[str] = dataclasses.field(default_factory=list)
print(inspect.signature(DC), get_type_hints(DC))
print(typing.assert_type(3, int), typing.cast(str, 1), typing.reveal_type.__name__)
print(repr(typing.Any), typing.NoReturn, typing.Never, typing.LiteralString, Self)
print(inspect.getmembers(Employee("z"), lambda v: isinstance(v, int)))
print(inspect.isclass(Stack), inspect.isfunction(f), inspect.ismethod(Stack().push), inspect.getdoc(Stack.push))
print(inspect.getsource(first))
