# Reference probe for the object core's unit tests, run by CPython 3.14.2 (tools/oracle).
# Each result is a line "key<TAB>value"; tests/unit/objects_*_test.cpp rebuild the same
# operations in C++ and compare. Only small ints are used as keys: their hashes agree between
# the 32-bit reference and cppy, so set orders can be compared.
import sys

out = []
def put(key, value):
    out.append(f"{key}\t{value}")

def lcg_list(n, seed, mod):
    x = seed
    res = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        res.append(x % mod)
    return res

# --- set iteration orders ---
s = set()
for i in [5, 13, 21, 3, 8, 1000, 29, 37, 45, 53, 61, 2, 16, 32, 64, 128, 256, 512, 1024, 2048]:
    s.add(i)
for i in [13, 1000, 2]:
    s.discard(i)
for i in [99, 100, 101, 13]:
    s.add(i)
put("set.a", list(s))

s = set(range(0, 200, 7))
for i in range(0, 200, 21):
    s.remove(i)
for i in range(300, 320):
    s.add(i)
put("set.b", list(s))

s = set()
for i in range(20):
    s.add(i * 8)
for i in range(0, 20, 3):
    s.discard(i * 8)
for i in range(20, 26):
    s.add(i * 8)
put("set.c", list(s))

s = set(range(10, 40, 3))
popped = [s.pop() for _ in range(4)]
put("set.pop", popped)
put("set.pop_rest", list(s))

a = set(range(0, 50, 3))
b = set(range(0, 50, 5))
put("set.or", list(a | b))
put("set.and", list(a & b))
put("set.sub", list(a - b))
put("set.xor", list(a ^ b))
put("set.xor_rev", list(b ^ a))
c = set(lcg_list(40, 7, 500))
put("set.lcg", list(c))
put("set.lcg_copy", list(c.copy()))
d = set(c)
d.difference_update(range(0, 500, 2))
put("set.lcg_diff_update", list(d))
put("set.repr_small", repr({3, 1, 2}))
put("set.repr_empty", repr(set()))
put("frozenset.repr", repr(frozenset([1, 2])))

# --- dict orders ---
d = {}
for i in lcg_list(30, 3, 100):
    d[i] = i * 2
for k in lcg_list(10, 3, 100):
    d.pop(k, None)
for i in [7, 3, 1000, 42]:
    d[i] = -i
put("dict.order", list(d.items()))
popped = [d.popitem() for _ in range(3)]
put("dict.popitem", popped)
d[5000] = 1
put("dict.after_popitem", list(d))
put("dict.repr", repr({1: 2, 3: (4, 5)}))
put("dict.fromkeys", list(dict.fromkeys([3, 1, 3, 2], 0).items()))

# --- timsort comparison counts ---
class K:
    count = 0
    def __init__(self, v, i):
        self.v = v
        self.i = i
    def __lt__(self, other):
        K.count += 1
        return self.v < other.v

def sort_case(name, values, reverse=False):
    ks = [K(v, i) for i, v in enumerate(values)]
    K.count = 0
    ks.sort(reverse=reverse)
    put(f"sort.{name}.count", K.count)
    put(f"sort.{name}.order", [k.i for k in ks])

sort_case("random100", lcg_list(100, 1, 1000))
sort_case("random1000", lcg_list(1000, 2, 1000000))
sort_case("dups500", lcg_list(500, 3, 10))
sort_case("sorted300", list(range(300)))
sort_case("reversed300", list(range(300, 0, -1)))
sort_case("sawtooth", [i % 37 for i in range(700)])
sort_case("runs", sorted(lcg_list(200, 4, 1000)) + sorted(lcg_list(300, 5, 1000), reverse=True) + lcg_list(100, 6, 1000))
sort_case("random_rev", lcg_list(400, 7, 50), reverse=True)
sort_case("descending_eq", [5, 5, 4, 4, 4, 3, 9, 9, 1, 1, 0] * 20)

# --- exception texts ---
def exc_text(key, exc):
    put(f"exc.{key}.str", str(exc))
    put(f"exc.{key}.repr", repr(exc))
    put(f"exc.{key}.type", type(exc).__name__)

exc_text("value0", ValueError())
exc_text("value1", ValueError(1))
exc_text("value2", ValueError(1, 2))
exc_text("key1", KeyError("k"))
exc_text("key2", KeyError(1, 2))
# OSError's errno subclasses depend on the platform's errno values: see probe_host.py.
exc_text("oserror1", OSError("plain"))
exc_text("oserror_unknown5", OSError(12345, "Weird", "a", None, "b"))
exc_text("oserror_unknown3", OSError(12345, "Weird", "f.txt"))
put("exc.oserror3.args", OSError(12345, "x", "f").args)
exc_text("syntax", SyntaxError("bad thing", ("dir/f.py", 3, 4, "txt")))
exc_text("syntax_nofile", SyntaxError("bad thing", (None, 3, 4, "txt")))
exc_text("eg2", ExceptionGroup("eg", [ValueError(1), TypeError(2)]))
exc_text("beg1", BaseExceptionGroup("x", [ValueError(1)]))
exc_text("beg_base", BaseExceptionGroup("x", [KeyboardInterrupt()]))
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
m, r = eg.split(ValueError)
put("exc.split.match", repr(m))
put("exc.split.rest", repr(r))
put("exc.subgroup", repr(eg.subgroup((TypeError, KeyError))))
put("exc.subgroup_none", repr(eg.subgroup(OSError)))
put("exc.stopiteration.value", StopIteration(5).value)
put("exc.systemexit.code", SystemExit(3).code)
put("exc.systemexit0.code", SystemExit().code)
put("exc.systemexit2.code", SystemExit(3, 4).code)
e = ImportError("no module", name="mod", path="p")
put("exc.import", (str(e), e.name, e.path, e.msg))
e = AttributeError("x", name="n", obj=1)
put("exc.attribute", (str(e), e.name, e.obj))

def err(key, fn):
    try:
        fn()
    except BaseException as e:
        put(f"err.{key}", f"{type(e).__name__}: {e}")
    else:
        put(f"err.{key}", "no error")

err("getattr", lambda: object().foo)
err("setattr_object", lambda: setattr(object(), "foo", 1))
err("hash_list", lambda: hash([]))
err("set_unhashable", lambda: {1}.add([]))
err("pop_empty_list", lambda: [].pop())
err("pop_index", lambda: [1].pop(5))
err("list_index", lambda: [1][3])
err("list_remove", lambda: [1].remove(2))
err("list_value_index", lambda: [1].index(2))
err("popitem_empty", lambda: {}.popitem())
err("set_pop_empty", lambda: set().pop())
err("dict_missing", lambda: {}[1])
err("add_int_list", lambda: 1 + [])
err("lt_list_int", lambda: [] < 1)
err("object_args", lambda: object(1))
err("not_callable", lambda: (1,)())
err("tuple_index", lambda: (1, 2)[5])
err("tuple_concat", lambda: (1,) + [2])
err("list_concat", lambda: [1] + (2,))
A = type("A", (), {})
B = type("B", (), {})
X = type("X", (A, B), {})
Y = type("Y", (B, A), {})
err("mro_conflict", lambda: type("Z", (X, Y), {}))
err("dup_base", lambda: type("X", (A, A), {}))
err("bad_base", lambda: type("X", (type(None),), {}))
err("neg", lambda: -[])
err("seq_mul", lambda: [1] * [])
err("iter_int", lambda: iter(1))
err("len_int", lambda: len(1))
err("subscript_int", lambda: (1)[0])
def _setitem(o, k, v):
    o[k] = v
def _delitem(o, k):
    del o[k]
err("setitem_tuple", lambda: _setitem((1,), 0, 1))
err("delitem_tuple", lambda: _delitem((1,), 0))
err("extended_slice", lambda: _setitem([1, 2, 3, 4], slice(0, 4, 2), [1]))
err("slice_step_zero", lambda: [1, 2][::0])
err("dict_seq2", lambda: dict([(1, 2), (3,)]))
err("dict_seq2_type", lambda: dict([1]))
err("bool_notimpl", lambda: bool(NotImplemented))
err("none_call", lambda: type(None)(1))
err("instancecheck", lambda: isinstance(1, 1))
err("issubclass", lambda: issubclass(1, int))

# --- range, enumerate, reversed, cell, module ---
put("range.repr", (repr(range(10)), repr(range(0, 10, 2)), repr(range(5, -3, -2))))
put("range.slice", (list(range(10)[2:8:3]), repr(range(10)[::-2]), range(10)[-1], len(range(5, -3, -2))))
put("range.index", (range(1, 10, 3).index(7), 7 in range(1, 10, 3), 8 in range(1, 10, 3), range(1, 10, 3).count(4)))
put("range.eq", (range(0) == range(2, 2), range(1, 2, 5) == range(1, 3, 7), range(0, 4, 2) == range(0, 5, 2), hash(range(0)) == hash(range(5, 5))))
put("range.reversed", list(reversed(range(1, 10, 4))))
err("range_step0", lambda: range(1, 2, 0))
err("range_noargs", lambda: range())
err("range_4args", lambda: range(1, 2, 3, 4))
err("range_index", lambda: range(3)[5])
err("range_value_index", lambda: range(3).index(9))
err("range_float", lambda: range(1.5))
put("enumerate.list", list(enumerate([7, 8], start=2)))
put("reversed.list", list(reversed([1, 2, 3])))
err("reversed_int", lambda: reversed(1))
err("reversed_set", lambda: reversed({1}))
import types
m = types.ModuleType("m")
put("module.repr", repr(m))
put("module.dict", sorted(m.__dict__))
err("module_getattr", lambda: m.x)

# --- the cycle collector ---
import gc
gc.collect()
l = []
l.append(l)
del l
put("gc.self_list", gc.collect())
a = []
b = [a]
a.append(b)
del a, b
put("gc.two_lists", gc.collect())
d = {}
d[1] = (d,)
del d
put("gc.dict_tuple", gc.collect())
put("gc.threshold", gc.get_threshold())
put("gc.module", (gc.isenabled(), gc.is_tracked([]), gc.is_tracked(1), gc.DEBUG_LEAK, len(gc.get_stats())))
err("gc_collect_gen", lambda: gc.collect(3))
err("gc_get_objects_gen", lambda: gc.get_objects(5))

# --- keyword argument parsing (_PyArg_UnpackKeywords) ---
err("args_missing", lambda: int.from_bytes())
err("args_name_and_pos", lambda: int.from_bytes(b"", "big", byteorder="big"))
err("args_too_many_pos", lambda: int.from_bytes(b"", "big", 1))
err("args_unexpected", lambda: int.from_bytes(b"", foo=1))
err("args_no_positional", lambda: [].sort(1))
err("args_sort_unexpected", lambda: [].sort(foo=1))
err("args_at_most", lambda: "a".split("b", 1, 2))
err("args_nameerror_kw", lambda: NameError(foo=1))
err("args_suggest", lambda: int.from_bytes(b"", byteordr="big"))
err("args_at_most_all", lambda: (1).to_bytes(1, "big", False, 4))

# --- dict views as sets ---
dk = dict.fromkeys(range(0, 30, 3)).keys()
put("views.and", sorted(dk & set(range(0, 30, 2))))
put("views.or", list(dk | {100, 3}))
put("views.sub", list(dk - {0, 3, 6}))
put("views.xor", list(dk ^ {0, 1}))
put("views.items_and", sorted(dict.fromkeys(range(5), 0).items() & {(1, 0), (2, 1)}))

# --- instancemethod (Objects/classobject.c; _testcapi exposes the type) ---
import re
from _testcapi import instancemethod
def _noaddr(r):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", r)
put("im.type", f"{instancemethod.__name__} {instancemethod.__text_signature__} {instancemethod.__doc__}")
put("im.call_len", instancemethod(len)([1, 2]))
put("im.repr_len", _noaddr(repr(instancemethod(len))))
put("im.repr_noname", _noaddr(repr(instancemethod(type("N", (), {"__call__": lambda s: 1})()))))
put("im.get_none_is_func", instancemethod(len).__get__(None, int) is len)
put("im.get_obj", repr(instancemethod(len).__get__(5)))
put("im.func_is", instancemethod(len).__func__ is len)
put("im.doc", instancemethod(len).__doc__)
put("im.name", instancemethod(len).__name__)
put("im.eq", instancemethod(len) == instancemethod(len))
put("im.ne", instancemethod(len) != instancemethod(abs))
put("im.eq_func", instancemethod(len) == len)
err("im.lt", lambda: instancemethod(len) < instancemethod(len))
err("im.hash", lambda: hash(instancemethod(len)))
err("im.new_none", lambda: instancemethod())
err("im.new_two", lambda: instancemethod(len, len))
err("im.new_kw", lambda: instancemethod(f=len))
err("im.new_noncallable", lambda: instancemethod(1))
err("im.getattr_missing", lambda: instancemethod(len).nope)
err("im.setattr", lambda: setattr(instancemethod(len), "x", 1))

print("\n".join(out))
