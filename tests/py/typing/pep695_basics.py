# PEP 695 type parameters and the _typing objects that need no `import typing`:
# TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, NoDefault, lazily evaluated bounds,
# constraints, defaults and alias values.
import _typing
from _typing import TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, NoDefault


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


print(sorted(n for n in dir(_typing) if not n.startswith('__')))
print(_typing.__doc__)
for t in (TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, _typing.ParamSpecArgs,
          _typing.ParamSpecKwargs, _typing.Generic, type(NoDefault)):
    print(t.__name__, t.__qualname__, t.__module__, repr(t))
print(NoDefault, repr(NoDefault), type(NoDefault)() is NoDefault, NoDefault.__reduce__())
show('NoDefaultType(1)', lambda: type(NoDefault)(1))
print(_typing._idfunc(42), _typing._idfunc.__name__)

# Generic functions.
def first[T](xs: list[T]) -> T:
    return xs[0]

print(first([5, 6]), first.__type_params__, first.__annotations__)
T, = first.__type_params__
print(type(T).__name__, repr(T), T.__name__, T.__module__, T.__bound__, T.__constraints__)
print(T.__covariant__, T.__contravariant__, T.__infer_variance__, T.__default__, T.has_default())
print(T.evaluate_bound, T.evaluate_constraints, T.evaluate_default)

calls = []

def bounded[B: (calls.append('bound') or int), C: (str, bytes), D = (calls.append('dflt') or float)]():
    pass

B, C, D = bounded.__type_params__
print('lazy:', calls)
print(B, B.__bound__, B.__bound__, calls)
print(C, C.__constraints__, C.__bound__)
print(D.has_default(), D.__default__, D.__default__, calls)
print(B.evaluate_bound.__name__, C.evaluate_constraints.__qualname__, D.evaluate_default(1))

def params[**P, *Ts, X = int]():
    pass

P, Ts, X = params.__type_params__
print(type(P).__name__, P, P.__name__, P.__bound__, P.__default__, P.has_default())
print(P.args, P.kwargs, type(P.args).__name__, P.args.__origin__ is P, P.args == P.args)
print(P.args == P.kwargs, P.kwargs.__origin__ is P, type(P.kwargs).__name__)
print(type(Ts).__name__, Ts, Ts.__name__, Ts.__default__, Ts.has_default())
print(X, X.__default__, X.has_default())

def pdefault[**Q = [int, str], *Us = (int,)]():
    pass
Q, Us = pdefault.__type_params__
print(Q.__default__, Us.__default__, Q.has_default(), Us.has_default())

# Manually built type variables.
U = TypeVar('U')
print(U, repr(U), U.__module__, U.__bound__, U.__constraints__, U.__default__, U.has_default())
V = TypeVar('V', int, str, covariant=True)
print(V, V.__constraints__, V.__covariant__, V.__bound__, V.evaluate_constraints)
W = TypeVar('W', contravariant=True, default=None)
print(W, W.__contravariant__, W.__default__, W.has_default(), W.evaluate_default)
print(TypeVar('I', infer_variance=True), TypeVar(name='N'))
show('bivariant', lambda: TypeVar('X', covariant=True, contravariant=True))
show('infer+co', lambda: TypeVar('X', covariant=True, infer_variance=True))
show('single constraint', lambda: TypeVar('X', int))
show('name int', lambda: TypeVar(1))
show('no name', lambda: TypeVar())
show('bad kw', lambda: TypeVar('X', bogus=1))
show('subclass', lambda: type('S', (TypeVar,), {}))
show('mro_entries', lambda: U.__mro_entries__(()))
U.extra = 1
print(U.extra, U.__reduce__(), '__dict__' in dir(U))
PS = ParamSpec('PS', default=...)
print(PS, PS.__default__, PS.args, ParamSpec('Co', covariant=True), PS.__reduce__())
TT = TypeVarTuple('TT')
print(TT, TT.__default__, TT.__reduce__(), TT.has_default())
show('TT subst', lambda: TT.__typing_subst__(int))
show('psargs new', lambda: _typing.ParamSpecArgs(PS))
print(_typing.ParamSpecKwargs(1), _typing.ParamSpecArgs(PS) == PS.args)

# Type aliases.
type Alias = list[int]
print(Alias, repr(Alias), type(Alias).__name__, Alias.__name__, Alias.__module__)
print(Alias.__value__, Alias.__type_params__, Alias.__parameters__, Alias.__reduce__())
show('subscript plain', lambda: Alias[int])

order = []
type Lazy = (order.append('value') or dict[str, int])
print('before', order)
print(Lazy.__value__, Lazy.__value__, order)
print(Lazy.evaluate_value.__name__, Lazy.evaluate_value(1))

type Pair[K, V2] = tuple[K, V2]
print(Pair, Pair.__type_params__, Pair.__parameters__, Pair.__value__)
print(Pair[int, str], type(Pair[int, str]).__name__, Pair[int, str].__origin__ is Pair)
print(Pair | None, int | Pair)

class Holder:
    type Inner[T2: int = bool] = set[T2]
print(Holder.Inner, Holder.Inner.__name__, Holder.Inner.__type_params__)
T2, = Holder.Inner.__type_params__
print(T2.__bound__, T2.__default__, Holder.Inner.__value__)

Made = TypeAliasType('Made', int | str)
print(Made, Made.__value__, Made.__type_params__, Made.__module__, Made.evaluate_value)
Made2 = TypeAliasType('Made2', list[U], type_params=(U,))
print(Made2.__type_params__, Made2.__parameters__, Made2[int])
show('bad params', lambda: TypeAliasType('A', int, type_params=[U]))
show('default order', lambda: TypeAliasType('A', int, type_params=(W, U)))
show('alias subclass', lambda: type('S', (TypeAliasType,), {}))
show('set module', lambda: setattr(Made, '__module__', 'elsewhere'))
show('set name', lambda: setattr(Made, '__name__', 'x'))
show('set value', lambda: setattr(Made, '__value__', 1))

type Bad = undefined_name
show('lazy error', lambda: Bad.__value__)
print(Bad.__name__)

def outer():
    type Local[T3] = list[T3]
    def g[S](a: S) -> S: return a
    return Local, g
L, g = outer()
print(L, L.__value__, g.__type_params__, g(3), g.__qualname__)

class Meth:
    def m[M](self, x: M) -> M: return x
    @staticmethod
    def s[M2](x: M2): return x
print(Meth.m.__type_params__, Meth().m(1), Meth.s.__type_params__)
print(type(Meth.m.__type_params__[0]) is TypeVar, isinstance(T, TypeVar))
