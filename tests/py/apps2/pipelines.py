"""Generator and coroutine pipelines: itertools recipes, send/throw/close, yield from, contextlib."""
import contextlib
import itertools
import operator
from itertools import (accumulate, batched, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice,
                       pairwise, permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)


def take(n, iterable):
    return list(islice(iterable, n))


def sliding_window(iterable, n):
    it = iter(iterable)
    window = __import__("collections").deque(islice(it, n - 1), maxlen=n)
    for x in it:
        window.append(x)
        yield tuple(window)


def roundrobin(*iterables):
    iterators = map(iter, iterables)
    for num_active in range(len(iterables), 0, -1):
        iterators = cycle(islice(iterators, num_active))
        yield from map(next, iterators)


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element


def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return list(filterfalse(pred, t1)), list(filter(pred, t2))


def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))


def grouper(iterable, n, *, incomplete="fill", fillvalue=None):
    iterators = [iter(iterable)] * n
    match incomplete:
        case "fill":
            return zip_longest(*iterators, fillvalue=fillvalue)
        case "strict":
            return zip(*iterators, strict=True)
        case "ignore":
            return zip(*iterators)
        case _:
            raise ValueError("Expected fill, strict, or ignore")


print(take(5, count(10, 2.5)), take(7, cycle("ab")), list(repeat("x", 3)))
print(list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([5, 1, 7], max, initial=3)))
print(list(sliding_window("abcde", 3)), list(roundrobin("ABC", "D", "EF")))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(partition(lambda x: x % 2, range(10)), list(powerset("abc")))
print(list(grouper("ABCDEFG", 3, fillvalue="x")), list(grouper("ABCDEFG", 3, incomplete="ignore")))
try:
    list(grouper("ABCDEFG", 3, incomplete="strict"))
except ValueError as exc:
    print("strict:", exc)
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))],
      [(k, list(g)) for k, g in groupby([1, 2, 4, 5, 7], key=lambda x: x // 3)])
print(list(batched(range(7), 3)), list(pairwise("abcd")), list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
try:
    list(batched("abcd", 3, strict=True))
except ValueError as exc:
    print("batched:", exc)
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(product("ab", range(2))), list(product([0, 1], repeat=2)))
print(len(list(permutations(range(5), 3))), list(combinations_with_replacement("AB", 2)))
print(list(zip_longest("ab", [1, 2, 3], "z", fillvalue="-")), list(islice("abcdefg", 1, None, 2)))
a, b = tee(iter([1, 2, 3]), 2)
print(next(a), list(b), list(a))
try:
    list(zip("ab", "abc", strict=True))
except ValueError as exc:
    print("zip:", exc)


# A coroutine pipeline: source -> filter -> transform -> sink, driven by send()
def coroutine(fn):
    def start(*args, **kwargs):
        c = fn(*args, **kwargs)
        next(c)
        return c
    return start


@coroutine
def grep(pattern, target):
    try:
        while True:
            line = yield
            if pattern in line:
                target.send(line)
    except GeneratorExit:
        target.close()
        raise


@coroutine
def numbered(target):
    n = 0
    while True:
        try:
            line = yield
        except ValueError as exc:
            target.send(f"!! {exc}")
            continue
        n += 1
        target.send(f"{n}: {line}")


@coroutine
def sink(out):
    try:
        while True:
            out.append((yield))
    finally:
        out.append("<closed>")


out = []
pipe = grep("py", numbered(sink(out)))
for line in ["python rocks", "java", "pypy is fast", "cpython"]:
    pipe.send(line)
pipe.close()
print(out)
num = numbered(sink(out2 := []))
num.send("a")
num.throw(ValueError("bad record"))
num.send("b")
print(out2)


def averager():
    total = count = 0
    avg = None
    while True:
        term = yield avg
        if term is None:
            return {"count": count, "avg": avg}
        total += term
        count += 1
        avg = total / count


def delegator(results, key):
    while True:
        results[key] = yield from averager()


results = {}
for key, values in {"girls;kg": [40.9, 38.5, 44.3], "boys;m": [1.38, 1.5, 1.32, 1.25]}.items():
    g = delegator(results, key)
    next(g)
    for v in values:
        g.send(v)
    g.send(None)
print(results)


def gen_with_return():
    x = yield 1
    print("got", x)
    return "done"


g = gen_with_return()
print(next(g))
try:
    g.send("value")
except StopIteration as exc:
    print("StopIteration value:", exc.value)
g = gen_with_return()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as exc:
    print("thrown through:", exc, g.gi_frame)


def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("cleanup on close")
        yield 99


g = closer()
next(g)
try:
    g.close()
except RuntimeError as exc:
    print("RuntimeError:", exc)


def stateful():
    yield from range(3)
    return (yield "last")


g = stateful()
print(list(itertools.islice(g, 4)), g.gi_running, g.gi_suspended, g.send("x") if False else "-")


# contextlib-based resources in a pipeline
@contextlib.contextmanager
def opened(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    except KeyError as exc:
        log.append(f"handled {exc}")
    finally:
        log.append(f"close {name}")


log = []
with contextlib.ExitStack() as stack:
    files = [stack.enter_context(opened(n, log)) for n in "abc"]
    stack.callback(log.append, "callback")
    log.append(f"using {files}")
print(log)
log = []
with opened("k", log):
    raise KeyError("missing")
print(log)
log = []
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(opened("x", log))
        stack.push(lambda *exc: log.append(f"push saw {exc[0].__name__}") or False)
        raise ValueError("boom")
except ValueError as exc:
    log.append(f"propagated {exc}")
print(log)
with contextlib.ExitStack() as outer:
    inner = contextlib.ExitStack()
    inner.callback(print, "moved callback runs at outer exit")
    outer.enter_context(inner.pop_all() if False else inner)
with contextlib.suppress(FileNotFoundError, ZeroDivisionError):
    1 / 0
with contextlib.nullcontext(42) as v:
    print("nullcontext", v)


class Reentrant(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0])
        return False


@Reentrant()
def decorated(x):
    print("inside", x)
    return x * 2


print(decorated(21))
import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
with contextlib.chdir("."):
    pass
try:
    with opened("y", []) as y:
        raise RuntimeError("not handled")
except RuntimeError as exc:
    print("escaped:", exc)


@contextlib.contextmanager
def bad_cm():
    yield
    yield


try:
    with bad_cm():
        pass
except RuntimeError as exc:
    print("RuntimeError:", exc)


@contextlib.contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as exc:
    print("RuntimeError:", exc)
closing_log = []


class Thing:
    def close(self):
        closing_log.append("closed")


with contextlib.closing(Thing()):
    pass
print(closing_log)
