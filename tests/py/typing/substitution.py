# GenericAlias substitution (_Py_subs_parameters of 3.14): lists of arguments, TypeVarTuple
# packing and unpacking through __typing_prepare_subst__, ParamSpec lists.
from typing import TypeVar, TypeVarTuple, ParamSpec, Callable
T = TypeVar('T'); Ts = TypeVarTuple('Ts'); P = ParamSpec('P')
a = list[[T]]
print(a.__parameters__, a[int])
b = tuple[(T, int)]
print(b.__parameters__)
print(tuple[int, *Ts][str, bytes], tuple[*Ts, T][int, str, float], tuple[T, *Ts][int])
print(dict[T, list[Ts]] if False else 0, list[tuple[*Ts]][int, str])
try: print(tuple[*Ts, *Ts])
except Exception as e: print(type(e).__name__, e)
print(tuple[T, *Ts][int, *tuple[str, ...]])
print(Callable[P, T][[int], str], Callable[[T], T][int])
try: print(list[T][int, str])
except Exception as e: print(type(e).__name__, e)
