# PEP 695 generic classes and the typing module over the _typing objects: Generic,
# substitution through __typing_subst__, unions with type variables, typing's own names.
import typing
from typing import Generic, TypeVar, ParamSpec, TypeVarTuple, Callable


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


class Box[T]:
    def __init__(self, item: T):
        self.item = item

print(Box, Box.__type_params__, Box.__parameters__, Box.__mro__)
print(Box.__orig_bases__, Box[int], Box[int].__origin__ is Box, Box[int].__args__)
print(Box(3).item, Box[int](4).item, type(Box[str]('x')).__name__)
T, = Box.__type_params__
print(T, T.__module__, typing.TypeVar is TypeVar, typing.NoDefault)
print(T | int, int | T, T | 'str', T | None)
show('Box[int, str]', lambda: Box[int, str])

class Pair[K, V](dict[K, V]):
    pass
print(Pair.__mro__, Pair[str, int], Pair.__parameters__)

class Variadic[*Ts, **P]:
    pass
print(Variadic.__type_params__, Variadic.__parameters__)
print(Variadic[int, str, [bytes]], Variadic[int, [float, bool]].__args__)

class WithDefault[T1, T2 = str]:
    pass
print(WithDefault[int], WithDefault[int, bytes])

U = TypeVar('U')
class Old(Generic[U]):
    pass
print(Old, Old[int], Old.__parameters__, Old.__orig_bases__)
show('Generic[int]', lambda: Generic[int])
show('Generic()', lambda: type(Generic()))
show('subclass TypeVar', lambda: type('X', (U,), {}))
print(list[U][int], dict[str, U][bytes], list[T][float])

P = ParamSpec('P')
print(Callable[P, int], Callable[P, int][[str, bytes], ], P.args, P.kwargs)
Ts = TypeVarTuple('Ts')
print(tuple[*Ts], tuple[int, *Ts][str, bytes], list(iter(Ts)), *Ts)
print(typing.Unpack[Ts], T.__typing_subst__(int))
show('T subst 1', lambda: T.__typing_subst__(1))

type Alias[X] = list[X]
print(Alias[int], Alias[int].__value__ if hasattr(Alias[int], '__value__') else '-')
type ListOrSet[Y] = list[Y] | set[Y]
print(ListOrSet.__value__, ListOrSet[int])

def generic_fn[F: (int, str)](x: F) -> F:
    return x
print(generic_fn.__type_params__[0].__constraints__, generic_fn(2))
print(typing.get_type_hints(generic_fn))
print(typing.get_args(Box[int]), typing.get_origin(Box[int]))
print(typing.Union[int, str], typing.Optional[T], typing.Union[int, 'Box'])
print(isinstance(Box[int](1), Box), issubclass(Pair, dict))
