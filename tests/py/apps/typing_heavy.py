import typing
import annotationlib
import inspect
import functools
from typing import (Protocol, TypedDict, Generic, TypeVar, ParamSpec, Callable, NamedTuple,
                    runtime_checkable, get_type_hints, get_origin, get_args, Literal, Final,
                    Annotated, Optional, Union, Any, overload, NotRequired, Required, ReadOnly,
                    Self, TypeAlias, Concatenate, Never, assert_never, cast, TypeGuard, TypeIs,
                    Unpack, TypeVarTuple, dataclass_transform, NewType, LiteralString)

T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
P = ParamSpec("P")
Ts = TypeVarTuple("Ts")


@runtime_checkable
class SupportsClose(Protocol):
    def close(self) -> None: ...


class Sized2(Protocol):
    size: int


class File:
    def close(self) -> None:
        print("closed")


class Movie(TypedDict):
    title: str
    year: int
    rating: NotRequired[float]


class Movie2(Movie, total=False):
    director: str
    studio: Required[str]
    tags: ReadOnly[list[str]]


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> Self:
        self.items.append(item)
        return self

    def pop(self) -> T:
        return self.items.pop()


class Pair[A, B]:
    def __init__(self, a: A, b: B):
        self.a, self.b = a, b

    def swap(self) -> "Pair[B, A]":
        return Pair(self.b, self.a)


type IntList = list[int]
type Tree[V] = V | list[Tree[V]]


def logged(func: Callable[P, T]) -> Callable[P, T]:
    @functools.wraps(func)
    def inner(*args: P.args, **kwargs: P.kwargs) -> T:
        print(f"call {func.__name__}{args}{kwargs}")
        return func(*args, **kwargs)
    return inner


@logged
def add(x: int, y: int = 2) -> int:
    return x + y


class Point(NamedTuple):
    x: float
    y: float = 0.0
    label: str = ""


UserId = NewType("UserId", int)


def deferred(a: Undefined, b: "Fwd") -> list[Undefined]:
    pass


class Late:
    attr: LaterClass
    other: int


class LaterClass:
    pass


@overload
def conv(x: int) -> str: ...
@overload
def conv(x: str) -> int: ...
def conv(x):
    return str(x) if isinstance(x, int) else int(x)


def is_str_list(v: list[object]) -> TypeGuard[list[str]]:
    return all(isinstance(x, str) for x in v)


def handle(x: int | str) -> str:
    match x:
        case int():
            return "int"
        case str():
            return "str"
        case _:
            assert_never(x)


def variadic(*args: *Ts) -> tuple[*Ts]:
    return args


print(isinstance(File(), SupportsClose), isinstance(3, SupportsClose))
try:
    isinstance(3, Sized2)
except TypeError as e:
    print("TypeError:", e)
m: Movie = {"title": "Blade", "year": 1998}
print(m, sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), Movie.__total__)
print(sorted(Movie2.__required_keys__), sorted(Movie2.__optional_keys__), Movie2.__readonly_keys__)
print(get_type_hints(Movie2))
print(get_type_hints(Movie2, include_extras=True)["tags"])
s = Stack[int]().push(1).push(2)
print(s.pop(), Stack[int], Stack[int].__origin__, Stack.__parameters__, typing.get_origin(Stack[int]))
p = Pair(1, "x").swap()
print(p.a, p.b, Pair.__type_params__, Pair[int, str])
print(IntList, IntList.__value__, Tree.__type_params__, Tree[int], Tree.__value__)
print(add(1, y=5), add.__name__, add.__wrapped__.__qualname__, get_type_hints(add))
print(Point(1.5), Point._fields, Point._field_defaults, Point.__annotations__)
print(Point(1, 2)._replace(label="p")._asdict())
print(UserId(5), UserId, UserId.__supertype__)
print(T, K.__bound__, N.__constraints__, P, P.args, P.kwargs, Ts, T.__name__, T.has_default())
print(get_origin(list[int]), get_args(dict[str, list[int]]), get_args(Callable[[int, str], bool]),
      get_origin(Literal[1, 2]), get_args(Annotated[int, "meta", 5]), get_args(Optional[int]))
print(Union[int, str], Optional[str], int | None, Union[int, Union[str, int]], list[int] | None)
print(Callable[P, int], Callable[Concatenate[int, P], int], Callable[..., Any], Literal["a", 1, None])
print(Annotated[list[int], "x"], Final[int], typing.ClassVar[str], Unpack[Ts], tuple[*Ts])
print(typing.List[int], typing.Dict[str, int], typing.Tuple[int, ...], typing.Type[int],
      typing.Iterable[str], typing.DefaultDict[str, int], typing.AbstractSet[int])
print(conv(5), conv("7"), handle(3), handle("s"), is_str_list(["a"]), variadic(1, "a"))
print(cast(int, "x"), cast("list[int]", 1))

ann = annotationlib.get_annotations(deferred, format=annotationlib.Format.FORWARDREF)
print(repr(ann).replace(hex(id(deferred)), 'ADDR'))
print(annotationlib.get_annotations(deferred, format=annotationlib.Format.STRING))
try:
    annotationlib.get_annotations(deferred)
except NameError as e:
    print("NameError:", e)
try:
    deferred.__annotations__
except NameError as e:
    print("NameError:", e)
print(annotationlib.get_annotations(Late, format=annotationlib.Format.VALUE))
print(get_type_hints(Late))
fr = ann["a"]
print(type(fr).__name__, fr.__forward_arg__, repr(fr).replace(hex(id(deferred)), 'ADDR'))
print(annotationlib.ForwardRef("int").evaluate(), annotationlib.ForwardRef("List[int]").evaluate(globals={"List": list}))
print(annotationlib.call_annotate_function(Late.__annotate__, annotationlib.Format.STRING))
print(Late.__annotate__(annotationlib.Format.VALUE))
try:
    Late.__annotate__(annotationlib.Format.STRING)
except NotImplementedError:
    print("NotImplementedError")
print(inspect.get_annotations(add), inspect.signature(add), inspect.signature(deferred, annotation_format=annotationlib.Format.STRING))
print(annotationlib.annotations_to_string({"a": int, "b": list[str]}))
print(annotationlib.type_repr(dict[str, int]), annotationlib.type_repr(int), annotationlib.type_repr(...))


@dataclass_transform()
def model(cls):
    cls.fields = list(cls.__annotations__)
    return cls


@model
class User:
    name: str
    id: UserId


print(User.fields, User.__annotations__)
print(typing.is_typeddict(Movie), typing.is_protocol(SupportsClose), typing.get_protocol_members(SupportsClose))
print(typing.reveal_type(3))
print(repr(typing.NoDefault), Never, LiteralString, TypeIs[int], Self)
def f(x: "int", y: Optional["Stack[int]"] = None) -> "list[T]": ...
print(get_type_hints(f))
print(typing.evaluate_forward_ref(typing.ForwardRef("Stack[int]"), globals=globals()))
try:
    Stack[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad(Generic[T, T]): ...
except TypeError as e:
    print("TypeError:", e)
