# What the incremental collector's mark_stacks sees on the frames' value stacks while a frame
# is suspended in a call into C (sorted, map, filter, list.sort, dict and set operations
# calling __hash__/__eq__, generators and coroutines driven from C or from the loop): the
# operands of the call are on the caller's stack, and the old objects they reach are marked
# visited, which lowers the work left for the increment and so how much of the pending space
# it takes. The heap is made the same on every platform: everything alive is frozen (frozen
# objects count as visited), garbage cycles and the cases' old objects are brought into the
# pending space, and with a second threshold of 2 the heap's share of the work is capped at
# twice the new objects. Each gc.collect(1) result is then the pending garbage the increment
# took, which is less by what the stacks marked. The release_* cases start the increment from
# a __del__ run while an instruction releases its operands after the call (3.14 releases
# them one slot at a time, the operands not yet released still seen); class_* count the
# weak reference a new class leaves in its base's subclasses.
import gc


class A:
    pass


pad = []
log = []
stash = []


def grow(n):
    pad.extend([A() for i in range(n)])


def prepare(cycles=400):
    gc.collect()
    gc.freeze()
    gc.disable()
    gc.set_threshold(2000, 2)
    hold = [A() for i in range(cycles)]
    for a in hold:
        a.a = a
    del a
    # Old objects for the cases: pending like the cycles, reachable only from the stash
    # until a case takes them onto a value stack.
    stash[:] = [[A() for j in range(6)] for i in range(6)]
    gc.collect(0)
    hold.clear()
    for i in range(3):
        grow(60)
        gc.collect(1)
    grow(60)


def finish(name):
    print(name, log)
    log.clear()
    stash.clear()
    pad.clear()
    gc.unfreeze()
    gc.set_threshold(2000, 10)
    gc.enable()
    gc.collect()


def old():
    return stash.pop()


def probe(x=None):
    log.append(gc.collect(1))
    return x


def key(x):
    if not log:
        probe()
    return 0


def run(name, fn):
    prepare()
    fn()
    grow(60)
    probe()
    finish(name)


def plain():
    probe()


def sorted_temp():
    sorted(old(), key=key)


def sorted_literal():
    sorted([old(), old()], key=key)


def sorted_reverse():
    sorted(old(), key=key, reverse=True)


def list_sort_temp():
    old().sort(key=key)


def map_temp():
    list(map(probe, old()[:2]))


def filter_temp():
    list(filter(lambda x: probe(x) is None, old()[:2]))


def min_temp():
    min(old(), key=key)


class H:
    def __init__(self, k):
        self.k = k
        self.junk = old()

    def __hash__(self):
        if not log:
            probe()
        return hash(self.k)

    def __eq__(self, other):
        if len(log) < 2:
            probe()
        return isinstance(other, H) and self.k == other.k


def dict_subscript():
    d = {H(1): 'a'}
    log.clear()
    d[H(1)]


def dict_store():
    d = {}
    d[H(2)] = old()


def dict_literal():
    {H(3): old(), 'x': old()}


def set_contains():
    s = {H(4)}
    log.clear()
    H(4) in s


def set_add():
    s = set()
    s.add(H(5))


def gen_body():
    for x in old()[:2]:
        probe()
        yield x


def gen_for_loop():
    for y in gen_body():
        pass


def gen_list():
    list(gen_body())


def gen_suspended():
    g = gen_body()
    next(g)
    probe()
    g.close()


def gen_yield_from():
    def outer():
        yield from gen_body()
    list(outer())


async def coro_inner(v):
    probe()
    return [v]


async def coro_outer():
    r = await coro_inner(old())
    return await coro_inner(r)


def coro_send():
    c = coro_outer()
    try:
        c.send(None)
    except StopIteration:
        pass


def coro_chain():
    async def top():
        return await coro_outer()
    c = top()
    try:
        c.send(None)
    except StopIteration:
        pass


def on_collect(phase, info):
    if phase == 'stop':
        log.append(('auto', info['generation'], info['collected']))


def auto_key(x):
    # An automatic increment runs inside the key function (scheduled by the allocations,
    # run at the eval breaker of the comprehension's loop) while sorted holds old objects.
    if not log:
        gc.set_threshold(50, 2)
        gc.enable()
        grow(60)
        gc.disable()
        gc.set_threshold(2000, 2)
    return 0


def auto_sorted():
    gc.callbacks.append(on_collect)
    try:
        sorted(old(), key=auto_key)
    finally:
        gc.callbacks.remove(on_collect)


def auto_gen_body():
    for x in old()[:1]:
        auto_key(x)
        yield x


def auto_generator():
    gc.callbacks.append(on_collect)
    try:
        list(auto_gen_body())
    finally:
        gc.callbacks.remove(on_collect)


class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        probe()
        return False

def with_exit():
    x = [old()]
    with Ctx():
        y = old()

class F:
    def __init__(self):
        self.j = old()
    def __format__(self, spec):
        probe()
        return 'f'

def fstring():
    f"{F()}{old()!r:>5}"

def fstring_spec():
    f"{old()}{F():>5}"

class G:
    def __getattr__(self, name):
        probe()
        return 1

def getattr_hook():
    (old(), G().x)

class Cmp:
    def __init__(self):
        self.j = old()
    def __lt__(self, other):
        probe()
        return True

def compare():
    (old(), Cmp() < Cmp())

class It:
    def __init__(self):
        self.n = 1
    def __iter__(self):
        return self
    def __next__(self):
        if self.n:
            self.n = 0
            probe()
            return old()
        raise StopIteration

def for_custom():
    for x in It():
        pass

def unpack_custom():
    x = old()
    [a] = It()

class Add:
    def __init__(self):
        self.j = old()
    def __add__(self, o):
        probe()
        return 1

def binop():
    old() and (Add() + 1)

class Sa:
    def __setattr__(self, n, v):
        probe()

def setattr_hook():
    Sa().x = old()

def contains_list():
    class E:
        def __eq__(self, o):
            probe()
            return True
    E() in [old()]

def send_method():
    def g():
        x = yield
        yield x
    gen = g()
    next(gen)
    gen.send(old())
    probe()

def specialized_calls():
    for i in range(4):
        list(map(probe if i == 3 else len, [old()]))

class Aw:
    def __await__(self):
        probe()
        yield
        return 1

async def await_custom():
    return await Aw()

def custom_awaitable():
    c = await_custom()
    c.send(None)
    try:
        c.send(None)
    except StopIteration:
        pass

class D:
    def __del__(self):
        probe()

def release_call_builtin():
    getattr(old(), '__class__', D())

def release_call_builtin_rev():
    getattr(D(), '__class__', old())

def release_binop():
    old() + [D()][:0] if False else (old(), D()) and None

class W:
    def __init__(self):
        self.j = old()
    def __add__(self, o):
        return 1

def release_binop2():
    W() + D()

def release_call_kw():
    sorted([], key=None, reverse=D())

def release_error():
    try:
        getattr(old(), 'nope', ) + D()
    except AttributeError:
        pass

def class_plain():
    class E2:
        pass
    probe()

def class_slots():
    class E3:
        __slots__ = ()
    probe()

def func_def():
    def inner():
        pass
    probe()

for fn in (plain, sorted_temp, sorted_literal, sorted_reverse, list_sort_temp, map_temp,
           filter_temp, min_temp, dict_subscript, dict_store, dict_literal, set_contains,
           set_add, gen_for_loop, gen_list, gen_suspended, gen_yield_from, coro_send,
           coro_chain, auto_sorted, auto_generator, with_exit, fstring, fstring_spec,
           getattr_hook, compare, for_custom, unpack_custom, binop, setattr_hook, contains_list,
           send_method, specialized_calls, custom_awaitable, release_call_builtin,
           release_call_builtin_rev, release_binop, release_binop2, release_call_kw,
           release_error, class_plain, class_slots, func_def):
    run(fn.__name__, fn)
