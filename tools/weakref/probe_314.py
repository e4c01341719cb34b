# Reference probe for tests/unit/objects_weakref_test.cpp, run by CPython 3.14.2
# (tools/oracle). Each result is a line "key<TAB>value"; the C++ test rebuilds the same
# scenario with the C API and compares. Addresses in reprs are replaced by "ADDR".
import gc
import re
import _weakref
from _weakref import ref, proxy, getweakrefcount, getweakrefs

out = []
def put(key, value):
    out.append(f"{key}\t{value}")

def err(fn):
    try:
        fn()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return "no error"

def addr(s):
    return re.sub(r"0x[0-9a-f]+", "ADDR", s)

log = []
def cb(tag):
    # Proxies are not callable: their callbacks log "proxy" instead of the referent's state.
    return lambda r: log.append((tag, r() is None if type(r) is ref else "proxy"))

C = type("C", (), {"__module__": "tmod"})

# --- the weakref list: canonical ref first, then the proxy, then the others newest first ---
o = C()
r_cb1 = ref(o, cb("cb1"))
r_basic = ref(o)
p_basic = proxy(o)
r_cb2 = ref(o, cb("cb2"))
p_cb = proxy(o, cb("pcb"))
names = {id(r_cb1): "cb1", id(r_basic): "basic", id(p_basic): "pbasic", id(r_cb2): "cb2",
         id(p_cb): "pcb"}
put("list.order", [names[id(w)] for w in getweakrefs(o)])
put("list.count", getweakrefcount(o))
put("list.reuse_ref", ref(o) is r_basic)
put("list.reuse_ref_none", ref(o, None) is r_basic)
put("list.reuse_proxy", proxy(o) is p_basic)
put("list.callback_new", ref(o, cb("x")) is r_cb1)
put("list.weakref_attr", o.__weakref__ is r_basic)
put("list.callback_attr_none", r_basic.__callback__)
# --- dealloc: callbacks in list order, each sees a dead reference ---
del o
put("dealloc.log", log)
put("dealloc.dead_call", r_basic())
put("dealloc.dead_hash", err(lambda: hash(r_basic)))
put("dealloc.dead_eq_self", r_basic == r_basic)
put("dealloc.dead_eq_other", r_basic == r_cb1)
put("dealloc.dead_ne_other", r_basic != r_cb1)
put("dealloc.proxy_dead", err(lambda: p_basic.anything))
put("dealloc.proxy_dead_repr", addr(repr(p_basic)))
put("dealloc.ref_dead_repr", addr(repr(r_basic)))
log.clear()

# --- alive references: hash, equality, call, repr ---
s1 = {1, 2}
s2 = {1, 2}
f1 = frozenset([1, 2])
put("alive.call_is", ref(s1)() is s1)
put("alive.eq_equal_referents", ref(s1) == ref(s2))
put("alive.ne_equal_referents", ref(s1) != ref(s2))
put("alive.hash_set", err(lambda: hash(ref(s1))))
put("alive.hash_frozenset", hash(ref(f1)) == hash(f1))
put("alive.repr_set", addr(repr(ref(s1))))
put("alive.repr_class", addr(repr(ref(C))))
put("alive.proxy_repr", addr(repr(proxy(s1))))
put("alive.call_args", err(lambda: ref(s1)(1)))
put("alive.lt", err(lambda: ref(s1) < ref(s2)))
put("alive.callback_attr", ref(s1, len).__callback__ is len)

# --- construction errors ---
put("err.int", err(lambda: ref(1)))
put("err.no_args", err(lambda: ref()))
put("err.three_args", err(lambda: ref(s1, None, None)))
put("err.proxy_int", err(lambda: proxy(1)))
put("err.proxy_no_args", err(lambda: proxy()))
put("err.count_int", getweakrefcount(1))
put("err.refs_int", getweakrefs(1))

# --- proxies forward ---
ps = proxy(s1)
put("proxy.len", len(ps))
put("proxy.contains", 2 in ps)
put("proxy.or", sorted(ps | {3}))
put("proxy.str", str(ps))
put("proxy.hash", err(lambda: hash(ps)))
put("proxy.eq", ps == {1, 2})
put("proxy.type", type(ps).__name__)
put("proxy.callable_type", type(proxy(C)).__name__)
put("proxy.call_noncallable", err(lambda: ps()))
put("proxy.getattr", ps.__len__())
put("proxy.iter", sorted(iter(ps)))
put("proxy.next", err(lambda: next(ps)))
put("type.ref", repr(ref))
put("type.proxy", repr(type(ps)))
put("type.callable_proxy", repr(type(proxy(C))))
put("type.new_proxy", err(lambda: type(ps)(s1)))

# --- _remove_dead_weakref ---
d = {}
t = C()
d["a"] = ref(t)
d["b"] = ref(C())
d["c"] = 5
_weakref._remove_dead_weakref(d, "a")
_weakref._remove_dead_weakref(d, "b")
_weakref._remove_dead_weakref(d, "missing")
put("rdw.keys", sorted(d))
put("rdw.not_weakref", err(lambda: _weakref._remove_dead_weakref(d, "c")))
put("rdw.not_dict", err(lambda: _weakref._remove_dead_weakref(1, "c")))
put("rdw.nargs", err(lambda: _weakref._remove_dead_weakref(d)))

# --- the collector: references to garbage are cleared; only callbacks of weak references
# that are not garbage themselves run ---
gc.collect()
log.clear()
a = C()
b = C()
a.other = b
b.other = a
outside = ref(a, cb("outside"))
a.inside = ref(b, cb("inside"))
plain = ref(b)
del a, b
gc.collect()
put("gc.log", log)
put("gc.outside_dead", outside() is None)
put("gc.plain_dead", plain() is None)
log.clear()

print("\n".join(out))
