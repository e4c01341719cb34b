# Compiler parity corpus: small functions and module-level snippets that together reach every
# CPython 3.14.2 opcode the compiler emits. Each "# %% NAME" line starts a unit that
# tools/parity/make_dis_reference.py compiles on its own (at its line numbers in this file) and
# disassembles, code object by code object, into dis_corpus.expected. The file as a whole is
# also valid Python; it is never run.

# %% future_annotations
from __future__ import annotations
FUTURE: int = 1

class FutureAnnotated:
    field: list[int]
    def method(self, a: int) -> str:
        local: int = a
        return str(local)

def future_function(a: FutureAnnotated) -> None: ...

# %% arith
def binary_ops(a, b):
    return (a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a @ b,
            a << b, a >> b, a & b, a | b, a ^ b)

def inplace_ops(a, b):
    a += b; a -= b; a *= b; a /= b; a //= b; a %= b; a **= b; a @= b
    a <<= b; a >>= b; a &= b; a |= b; a ^= b
    return a

def unary_ops(a):
    return -a, +a, ~a, not a

def constant_folding():
    return 2 ** 10, -5, ~0, (1, 2) + (3,), 'ab' * 3, 1 / 2, not 1, 3 - -1

def mixed_precedence(a, b, c):
    return a + b * c - a / b ** -c

def inplace_attr_subscr(o, d, k):
    o.count += 1
    d[k] -= 2
    d[k:k + 2] *= 3
    return o, d

# %% compare
def comparisons(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b

def chained(a, b, c):
    return a < b <= c

def chained_long(a, b, c, d):
    return a == b != c < d

def identity(a, b):
    return a is b, a is not b, a is None, a is not None

def containment(a, b):
    return a in b, a not in b

def in_const_set(x):
    return x in {1, 2, 3}

def in_const_tuple(x):
    return x in (1, 2, 3)

def bool_ops(a, b, c):
    return a and b or c

def not_in_condition(a, b):
    if not a in b:
        return 1
    return 2

# %% subscripts
def subscripts(seq, i, j):
    return seq[i], seq[i:j], seq[i:], seq[:j], seq[::2], seq[i:j:-1], seq[-1]

def store_subscripts(seq, i, j, v):
    seq[i] = v
    seq[i:j] = v
    seq[::2] = v

def delete_subscripts(seq, i, j):
    del seq[i]
    del seq[i:j]
    del seq[::3]

def dict_subscr(d):
    d['key'] = d['other'] + 1
    return d[1, 2]

def const_slice(s):
    return s[1:3], s[:5], s[2:]

# %% calls
def call_positional(f, a):
    return f(a, 1, 'two')

def call_keywords(f, a):
    return f(a, key=1, other=a)

def call_star(f, args):
    return f(*args)

def call_starstar(f, kwargs):
    return f(**kwargs)

def call_mixed(f, a, args, kwargs):
    return f(a, *args, b=2, **kwargs)

def call_multiple_stars(f, x, y, k1, k2):
    return f(*x, *y, **k1, **k2)

def call_method(obj, a):
    return obj.method(a, k=1)

def call_method_star(obj, args):
    return obj.method(*args)

def call_builtins(x):
    return len(x), isinstance(x, int), str(x), tuple(x), type(x), list(x)

def call_nested(f, g, h):
    return f(g(h(1)), g())

def call_many_args(f):
    return f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)

def call_super_method(self):
    return super().method()

def call_kw_unpack_only(f):
    return f(**{'a': 1})

# %% builds
def build_containers(a, b):
    return [a, b], (a, b), {a, b}, {a: b}, {'x': a, 'y': b}

def build_const_containers():
    return [1, 2, 3], {1, 2, 3}, {'a': 1, 'b': 2}, (1, 2, 3)

def build_unpacked(a, b):
    return [*a, *b], (*a, 1), {*a, *b}, {**a, **b}, {**a, 'k': 1}

def build_big_list():
    return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]

def build_big_dict(a):
    return {'a': a, 'b': a, 'c': a, 'd': a, 'e': a, 'f': a, 'g': a, 'h': a, 'i': a, 'j': a, 'k': a, 'l': a, 'm': a, 'n': a, 'o': a, 'p': a, 'q': a, 'r': a}

def build_slice(a, b, c):
    return slice(a, b), a[b:c:a]

def build_string(a, b):
    return f'{a}-{b}!'

# %% unpacking
def unpack_seq(t):
    a, b, c = t
    return a + b + c

def unpack_ex(t):
    first, *rest = t
    *init, last = t
    a, *mid, z = t
    return first, rest, init, last, a, mid, z

def unpack_nested(t):
    (a, b), [c, d] = t
    return a, b, c, d

def swap(a, b):
    a, b = b, a
    return a, b

def rotate(a, b, c):
    a, b, c = c, a, b
    return a, b, c

def unpack_in_for(pairs):
    out = 0
    for k, v in pairs:
        out += k * v
    return out

def unpack_star_target_for(seqs):
    for head, *tail in seqs:
        yield head, tail

def multi_assign(v):
    a = b = c = v
    return a, b, c

# %% control
def if_else(x):
    if x > 0:
        return 'pos'
    elif x < 0:
        return 'neg'
    else:
        return 'zero'

def ternary(x):
    return 'yes' if x else 'no'

def while_loop(n):
    total = 0
    while n:
        total += n
        n -= 1
    return total

def while_else(n):
    while n > 0:
        if n == 5:
            break
        n -= 1
    else:
        return 'exhausted'
    return 'broke'

def for_range(n):
    s = 0
    for i in range(n):
        if i % 2:
            continue
        s += i
    return s

def for_else(items, target):
    for item in items:
        if item == target:
            break
    else:
        return -1
    return item

def nested_loops(m):
    out = []
    for row in m:
        for v in row:
            if v is None:
                break
            out.append(v)
    return out

def if_none_checks(x, y):
    if x is None:
        return 1
    if y is not None:
        return 2
    return 3

def truthiness(x):
    if x:
        return 1
    return 0

def pass_only():
    pass

def infinite_loop(q):
    while True:
        item = q.pop()
        if item:
            return item

def loop_over_constant():
    for c in 'abc':
        print(c)

# %% comprehensions
def list_comp(xs):
    return [x * 2 for x in xs]

def list_comp_cond(xs):
    return [x for x in xs if x > 0 if x % 2]

def set_comp(xs):
    return {x % 3 for x in xs}

def dict_comp(xs):
    return {x: x * x for x in xs}

def nested_comp(m):
    return [v for row in m for v in row]

def comp_with_outer(xs, k):
    return [x + k for x in xs]

def comp_shadowing(x):
    y = [x for x in range(x)]
    return x, y

def comp_closure(xs):
    return [lambda: x for x in xs]

def gen_expr(xs):
    return sum(x * x for x in xs)

def comp_walrus(xs):
    return [y for x in xs if (y := x * 2) > 3], y

def async_comp_in_async(aiter_obj):
    async def inner():
        return [x async for x in aiter_obj]
    return inner

def comp_in_class():
    class C:
        vals = [1, 2]
        doubled = [v * 2 for v in vals]
    return C

def comp_unpacking(pairs):
    return {k: v for k, v in pairs}

def comp_nested_dict(m):
    return {k: [x for x in v] for k, v in m.items()}

# %% closures
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

def closure_read(a):
    def inner():
        return a
    return inner

def closure_arg_cell(a, b):
    def inner():
        return a + b
    a = 10
    return inner

def closure_delete():
    x = 1
    def get():
        return x
    del x
    return get

def closure_nested3():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    return mid

def closure_lambda(k):
    return lambda v: v * k

def closure_default(k):
    return lambda v, k=k: v * k

def closure_in_loop():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return fs

# %% scopes
counter = 0

def use_global():
    global counter
    counter += 1
    return counter

def delete_global():
    global counter
    del counter

def read_builtin_and_global():
    return len, counter

def delete_local(a):
    b = a
    del a
    return b

def maybe_unbound(flag):
    if flag:
        value = 1
    return value

def after_del_load(x):
    del x
    x = 2
    return x

def delete_attr(o):
    del o.attr

def store_attr(o, v):
    o.attr = v
    o.a.b = v

# %% functions
def defaults(a, b=1, c='x'):
    return a, b, c

def kwonly(a, *, b, c=2):
    return a, b, c

def posonly(a, b, /, c):
    return a, b, c

def varargs(*args, **kwargs):
    return args, kwargs

def all_params(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw

def make_defaults():
    def inner(x=[], *, y={}):
        return x, y
    return inner

def returns_lambda():
    return lambda a, *b, c=1, **d: (a, b, c, d)

def recursive(n):
    return 1 if n <= 1 else n * recursive(n - 1)

def docstring_only():
    """Only a docstring."""

def returns_none_explicit():
    return None

def decorated_function():
    @staticmethod
    @property
    def inner():
        return 1
    return inner

def decorator_with_args(deco):
    @deco(1, k=2)
    def inner():
        return 1
    return inner

# %% annotations
def annotated(a: int, b: 'str' = 'x', *args: float, c: list[int], **kw: dict) -> bool:
    return True

def annotated_local():
    x: int = 5
    y: str
    return x

def annotation_closure():
    T = int
    def inner(a: T) -> T:
        return a
    return inner

# %% module_annotations
ANSWER: int = 42
UNSET: str
(parenthesized): list

class AnnotatedClass:
    field: int = 0
    other: 'AnnotatedClass'
    def method(self) -> None:
        self.x: int = 1

# %% conditional_annotations
if sys.argv:
    CONDITIONAL: int = 1
else:
    OTHER: str = 'x'
for _ in ():
    LOOPED: float
try:
    GUARDED: bytes = b''
except Exception:
    pass

class ConditionalInClass:
    if True:
        inner: int = 0

# %% classes
class Plain:
    attr = 1
    def method(self):
        return self.attr

class WithSuper(Plain):
    def method(self):
        return super().method() + 1
    def attr_super(self):
        return super().attr
    @classmethod
    def cm(cls):
        return super().method

class WithClassCell:
    def who(self):
        return __class__

class WithBases(Plain, object, metaclass=type):
    pass

class WithDecorators:
    @property
    def p(self):
        return 1
    @p.setter
    def p(self, v):
        pass
    @staticmethod
    def s():
        return 2

def class_in_function(base):
    x = 1
    class Local(base):
        y = x
        def get(self):
            return x
    return Local

def class_reading_free_var():
    value = 'free'
    class Reader:
        attr = value
        value2 = value
    return Reader

class WithSlots:
    __slots__ = ('a', 'b')
    def __init__(self, a, b):
        self.a = a
        self.b = b

class NestedClass:
    class Inner:
        def m(self):
            return __class__
    def outer(self):
        return self.Inner()

class DunderClass:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    __hash__ = None

# %% generators
def simple_gen(n):
    for i in range(n):
        yield i

def gen_send():
    x = yield 1
    y = yield x
    return y

def gen_yield_from(it):
    r = yield from it
    return r

def gen_return_value():
    yield
    return 42

def gen_expression_arg(xs):
    return list(x for x in xs)

def gen_try_finally():
    try:
        yield 1
    finally:
        print('cleanup')

def gen_in_with(cm):
    with cm:
        yield 1

def gen_closure():
    state = 0
    def g():
        nonlocal state
        while True:
            state += 1
            yield state
    return g

# %% coroutines
async def coro_await(aw):
    return await aw

async def coro_async_for(ait):
    out = []
    async for x in ait:
        out.append(x)
    return out

async def coro_async_for_else(ait):
    async for x in ait:
        if x:
            break
    else:
        return 'done'
    return x

async def coro_async_with(cm):
    async with cm as v:
        return v

async def coro_async_with_multi(a, b):
    async with a, b as y:
        pass
    return y

async def async_gen(n):
    for i in range(n):
        yield i
        await n

async def async_gen_send():
    x = yield 1
    yield x

async def coro_async_comprehensions(ait, aws):
    a = [x async for x in ait]
    b = {x: x async for x in ait}
    c = [await w for w in aws]
    d = (x async for x in ait)
    return a, b, c, d

async def coro_await_in_try(aw):
    try:
        return await aw
    except Exception:
        return None
    finally:
        await aw

# %% with
def with_simple(cm):
    with cm:
        pass

def with_as(cm):
    with cm as v:
        return v

def with_multiple(a, b):
    with a as x, b as y:
        return x, y

def with_tuple_target(cm):
    with cm as (a, b):
        return a + b

def with_parenthesized(a, b):
    with (a as x,
          b as y):
        return x + y

def with_in_loop(cms):
    for cm in cms:
        with cm:
            continue

def with_return_break(cm, items):
    for i in items:
        with cm:
            if i:
                break
            return i

# %% exceptions
def try_except(f):
    try:
        return f()
    except ValueError:
        return 'value'
    except (TypeError, KeyError) as e:
        return str(e)
    except:
        return 'other'

def try_else_finally(f):
    try:
        r = f()
    except Exception:
        r = None
    else:
        r = r * 2
    finally:
        print('done')
    return r

def try_finally_return():
    try:
        return 1
    finally:
        print('x')

def raise_forms(e, cause):
    if e:
        raise
    if cause:
        raise ValueError('v') from cause
    raise ValueError

def reraise_in_handler(f):
    try:
        f()
    except Exception as exc:
        print(exc)
        raise

def except_star(f):
    try:
        f()
    except* ValueError as eg:
        print(eg)
    except* (TypeError, KeyError):
        pass

def nested_try(f, g):
    try:
        try:
            f()
        finally:
            g()
    except Exception as e:
        return e

def try_in_loop(items):
    for it in items:
        try:
            it()
        except StopIteration:
            break
        except ValueError:
            continue
        finally:
            print('f')

def assert_stmt(x):
    assert x, 'message'
    assert x > 0

# %% match_literals
def match_literal(x):
    match x:
        case 0:
            return 'zero'
        case 'a' | 'b':
            return 'letter'
        case None:
            return 'none'
        case True:
            return 'true'
        case -1:
            return 'minus'
        case 1.5 | 2j:
            return 'float'
        case _:
            return 'other'

def match_capture_guard(x):
    match x:
        case n if n > 10:
            return n
        case other:
            return other

def match_value(x, Color):
    match x:
        case Color.RED:
            return 1
        case Color.GREEN:
            return 2

def match_as(x):
    match x:
        case (1 | 2) as v:
            return v

# %% match_structures
def match_sequence(x):
    match x:
        case []:
            return 0
        case [a]:
            return a
        case [a, b, *rest]:
            return rest
        case (a, *_, z):
            return z

def match_star_middle(x):
    match x:
        case [a, *mid, z]:
            return mid

def match_mapping(x):
    match x:
        case {'k': v}:
            return v
        case {'a': 1, **rest}:
            return rest
        case {}:
            return 'empty'

def match_class(x, Point):
    match x:
        case Point(x=0, y=0):
            return 'origin'
        case Point(a, b):
            return a + b
        case int(n) | float(n):
            return n
        case str():
            return 's'

def match_nested(cmd):
    match cmd.split():
        case ['go', ('north' | 'south') as d]:
            return d
        case ['take', item, *more] if more:
            return item
        case [*words]:
            return words

def match_mapping_keys_vars(x, K):
    match x:
        case {K.a: 1, 'lit': v}:
            return v

# %% fstrings
def fstrings(a, b, w):
    return (f'{a}', f'{a!r}', f'{a!s}', f'{a!a}', f'{a:>10}', f'{a:{w}.{b}}', f'x{a}y{b}z',
            f'{a=}', f'{a!r:^5}', f'{"lit"}')

def fstring_nested(a):
    return f'{f"{a}"}'

def tstrings(a, b):
    return t'{a} and {b!r:>4}'

def tstring_plain():
    return t'no fields'

def tstring_format(x, spec):
    return t'{x:{spec}}'

# %% imports
def import_forms():
    import os
    import os.path
    import os.path as osp
    from collections import OrderedDict, deque as dq
    from . import sibling
    from ..parent import thing
    return os, osp, OrderedDict, dq, sibling, thing

# %% module_imports
import sys
import os.path as osp
from json import dumps, loads as ld
from collections import *
from .relative import name

# %% module_level
x = 1
y = x + 2
del y
if x:
    z = [i for i in range(3)]
for k in range(2):
    pass
while x:
    x -= 1
try:
    w = undefined
except NameError:
    w = None
with open('f') as fh:
    pass
global_var = lambda: 0
(a, b), *c = (1, 2), 3, 4
print(x, z, k, w, a, b, c)
x.attr = 5
x[0] = 1
del x.attr, x[0]
assert x

# %% module_match
match sys.argv:
    case [_, 'one']:
        pass
    case [_, *rest]:
        pass

# %% module_globals
def set_module_global():
    global created
    created = 1

nonlocal_free = 1

# %% walrus_lambda
def walrus(xs):
    if (n := len(xs)) > 2:
        return n
    while (item := xs.pop()) is not None:
        print(item)

def lambda_forms():
    f = lambda: 0
    g = lambda x, /, y=1, *, z: x + y + z
    h = lambda *a, **k: (a, k)
    return f, g, h

def walrus_in_comp(xs):
    total = 0
    return [total := total + x for x in xs]

# %% pep695
type Alias = list[int]
type GenericAlias[T] = dict[str, T]
type Bounded[T: int, *Ts, **P] = tuple[T, *Ts]

def generic_func[T](x: T) -> T:
    return x

def generic_bounds[T: (int, str), U: float = float](a: T, b: U) -> tuple[T, U]:
    return a, b

class GenericClass[T, *Ts, **P]:
    attr: T
    def method[U](self, x: U) -> T | U:
        return x

class GenericWithBase[T](list[T], metaclass=type):
    pass

def nested_generic():
    class Inner[V]:
        def get(self) -> V: ...
    return Inner

# %% misc
def del_multiple(a, b, c):
    del a, b
    return c

def chained_attrs(o):
    return o.a.b.c.d

def long_tuple_const():
    return (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)

def big_constants():
    return 10 ** 30, 3.14, 1j, b'bytes', 'str', ..., None, True, False, -0.0

def ellipsis_body(): ...

def print_call(a, b):
    print(a, b, sep='', end='\n')

def conditional_import(flag):
    if flag:
        import json
        return json

def star_assign_list(xs):
    [a, *b] = xs
    return a, b

def augmented_global():
    global counter
    counter **= 2

def starred_return(xs):
    return *xs, 1

def return_in_loop(xs):
    for x in xs:
        if x:
            return x

def yield_in_expression():
    print((yield))

def many_locals():
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = 0
    return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9

def str_concat_loop(xs):
    s = ''
    for x in xs:
        s += x
    return s

def is_instance_chain(x):
    return isinstance(x, int) and not isinstance(x, bool)

# %% extended_arg
def many_constants():
    return [
        0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5,
        16.5, 17.5, 18.5, 19.5, 20.5, 21.5, 22.5, 23.5, 24.5, 25.5, 26.5, 27.5, 28.5, 29.5, 30.5, 31.5,
        32.5, 33.5, 34.5, 35.5, 36.5, 37.5, 38.5, 39.5, 40.5, 41.5, 42.5, 43.5, 44.5, 45.5, 46.5, 47.5,
        48.5, 49.5, 50.5, 51.5, 52.5, 53.5, 54.5, 55.5, 56.5, 57.5, 58.5, 59.5, 60.5, 61.5, 62.5, 63.5,
        64.5, 65.5, 66.5, 67.5, 68.5, 69.5, 70.5, 71.5, 72.5, 73.5, 74.5, 75.5, 76.5, 77.5, 78.5, 79.5,
        80.5, 81.5, 82.5, 83.5, 84.5, 85.5, 86.5, 87.5, 88.5, 89.5, 90.5, 91.5, 92.5, 93.5, 94.5, 95.5,
        96.5, 97.5, 98.5, 99.5, 100.5, 101.5, 102.5, 103.5, 104.5, 105.5, 106.5, 107.5, 108.5, 109.5, 110.5, 111.5,
        112.5, 113.5, 114.5, 115.5, 116.5, 117.5, 118.5, 119.5, 120.5, 121.5, 122.5, 123.5, 124.5, 125.5, 126.5, 127.5,
        128.5, 129.5, 130.5, 131.5, 132.5, 133.5, 134.5, 135.5, 136.5, 137.5, 138.5, 139.5, 140.5, 141.5, 142.5, 143.5,
        144.5, 145.5, 146.5, 147.5, 148.5, 149.5, 150.5, 151.5, 152.5, 153.5, 154.5, 155.5, 156.5, 157.5, 158.5, 159.5,
        160.5, 161.5, 162.5, 163.5, 164.5, 165.5, 166.5, 167.5, 168.5, 169.5, 170.5, 171.5, 172.5, 173.5, 174.5, 175.5,
        176.5, 177.5, 178.5, 179.5, 180.5, 181.5, 182.5, 183.5, 184.5, 185.5, 186.5, 187.5, 188.5, 189.5, 190.5, 191.5,
        192.5, 193.5, 194.5, 195.5, 196.5, 197.5, 198.5, 199.5, 200.5, 201.5, 202.5, 203.5, 204.5, 205.5, 206.5, 207.5,
        208.5, 209.5, 210.5, 211.5, 212.5, 213.5, 214.5, 215.5, 216.5, 217.5, 218.5, 219.5, 220.5, 221.5, 222.5, 223.5,
        224.5, 225.5, 226.5, 227.5, 228.5, 229.5, 230.5, 231.5, 232.5, 233.5, 234.5, 235.5, 236.5, 237.5, 238.5, 239.5,
        240.5, 241.5, 242.5, 243.5, 244.5, 245.5, 246.5, 247.5, 248.5, 249.5, 250.5, 251.5, 252.5, 253.5, 254.5, 255.5,
        256.5, 257.5, x]
