"""A generic repository layer: PEP 695/696 generics, TypedDict/NamedTuple generics, TypeIs, ReadOnly."""
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import (Any, Generic, NamedTuple, NotRequired, Protocol, ReadOnly, TypedDict, TypeIs,
                    TypeVar, get_args, get_origin, get_type_hints)
from types import get_original_bases


class HasId(Protocol):
    id: int


@dataclass
class User:
    id: int
    name: str


@dataclass
class Order:
    id: int
    user_id: int
    total: float = 0.0


class Repo[T: HasId, K = int]:
    def __init__(self) -> None:
        self._items: dict[K, T] = {}

    def add(self, item: T) -> T:
        self._items[item.id] = item
        return item

    def get(self, key: K) -> T | None:
        return self._items.get(key)

    def find(self, pred: Callable[[T], bool]) -> list[T]:
        return [i for i in self._items.values() if pred(i)]

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)


class UserRepo(Repo[User]):
    def by_name(self, name: str) -> User | None:
        return next((u for u in self if u.name == name), None)


class Page[T](NamedTuple):
    items: list[T]
    number: int
    total: int


class Event[P](TypedDict):
    kind: str
    payload: P
    note: NotRequired[str]
    version: ReadOnly[int]


type Predicate[T] = Callable[[T], bool]
type Nested = list[Nested | int]


def is_user(x: object) -> TypeIs[User]:
    return isinstance(x, User)


def paginate[T](items: Iterable[T], size: int = 2) -> Iterator[Page[T]]:
    items = list(items)
    for n, start in enumerate(range(0, len(items), size), 1):
        yield Page(items[start:start + size], n, len(items))


def first[T, D = None](items: Iterable[T], default: D = None) -> T | D:
    return next(iter(items), default)


users = UserRepo()
for i, name in enumerate(["ann", "bob", "cy", "dee", "eve"], 1):
    users.add(User(i, name))
orders: Repo[Order] = Repo()
orders.add(Order(1, 2, 9.5))
orders.add(Order(2, 2, 0.5))
print(len(users), users.get(3), users.by_name("dee"), users.find(lambda u: u.id % 2 == 0))
print([p.items for p in paginate(u.name for u in users)], next(paginate([1, 2, 3])), Page._fields)
print(first([]), first([], "none"), first(users).name, is_user(users.get(1)), is_user(orders.get(1)))
ev: Event[dict] = {"kind": "signup", "payload": {"id": 1}, "version": 1}
print(ev, sorted(Event.__required_keys__), sorted(Event.__optional_keys__), sorted(Event.__readonly_keys__),
      sorted(Event.__mutable_keys__))
print(Repo.__type_params__, [tp.__default__ for tp in Repo.__type_params__], Repo.__type_params__[0].__bound__,
      Repo.__type_params__[1].has_default(), Repo.__type_params__[0].has_default())
print(Repo[User], Repo[User, str], get_origin(Repo[User]), get_args(Repo[User, str]), Repo[User].__parameters__)
print(get_original_bases(UserRepo), UserRepo.__orig_bases__, UserRepo.__mro__[1:3], Page.__orig_bases__[1])
print(first.__type_params__, first.__type_params__[1].__default__, paginate.__type_params__, get_type_hints(first))
print(Predicate, Predicate[int], Predicate.__value__, Predicate[int].__value__ if hasattr(Predicate[int], "__value__") else get_args(Predicate[int]))
print(Nested.__value__, type(Predicate).__name__, Predicate.__type_params__, Predicate.__name__, Predicate.__module__)
print(get_type_hints(Event), get_type_hints(Event, include_extras=True)["version"], get_type_hints(Page))
print(get_type_hints(Repo.find), get_type_hints(is_user))
print(Page[int], Page[int](items=[1], number=1, total=1), Event[int], Event.__parameters__, Page.__parameters__)
T = TypeVar("T", default=str)
U = TypeVar("U", covariant=True)


class Box(Generic[T]):
    pass


class Sub(Box[U], Generic[U]):
    pass


print(Box[int], Box.__parameters__, T.__default__, Box().__class__, Sub[int].__origin__, Sub.__parameters__, U.__covariant__,
      T.__variance__ if hasattr(T, "__variance__") else "-")
for bad in [lambda: Repo[User, int, str], lambda: Box[int, str], lambda: Page[int, int], lambda: Generic[int],
            lambda: Protocol[int] if False else typing.Optional[int, str]]:
    try:
        bad()
    except TypeError as exc:
        print("TypeError:", exc)
try:
    class Bad[T](Generic[T]):
        pass
except TypeError as exc:
    print("TypeError:", exc)
print(types.GenericAlias(list, (int,)), list[int] == types.GenericAlias(list, int), list[int] | None, int | list[str],
      (int | str) == (str | int), typing.Union[int, str] == (int | str), type(int | str).__name__, isinstance(1, int | str))
print(typing.get_protocol_members(HasId), isinstance(users.get(1), typing.runtime_checkable(HasId)))
print(Mapping[str, int], Callable[[int], str], Callable[..., Any], Callable[[int], str].__args__, dict[str, list[int]].__args__)
print(typing.TypeAliasType("Manual", int | str, type_params=()), typing.ParamSpec("P", default=[int]).__default__,
      typing.TypeVarTuple("Ts", default=typing.Unpack[tuple[int, str]]).__default__)
