# send / throw / close on generators and coroutines, yield from delegation, return values,
# and the errors of misuse.
import types


def check(label, f):
    try:
        r = f()
    except BaseException as e:
        print(f"{label}: {type(e).__name__}: {e!r}")
    else:
        print(f"{label}: {r!r}")


def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                received.append(("caught", str(e)))
    finally:
        print("echo finally", received)


g = echo()
check("send before start", lambda: echo().send(1))
check("start", lambda: next(g))
check("send", lambda: g.send("a"))
check("throw caught", lambda: g.throw(ValueError("boom")))
check("throw type", lambda: g.throw(ValueError))
check("throw uncaught", lambda: g.throw(KeyError("k")))
check("send after death", lambda: g.send(1))
check("close dead", lambda: g.close())


def ret():
    yield 1
    return "result"


def deleg():
    r = yield from ret()
    print("delegated got", r)
    yield r


d = deleg()
check("yf 1", lambda: next(d))
check("yf 2", lambda: next(d))
check("yf 3", lambda: next(d))


def stop_value():
    yield 1
    return [1, 2]


sv = stop_value()
next(sv)
try:
    next(sv)
except StopIteration as e:
    print("stop value", e.value, e.args)


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


ie = ignores_exit()
next(ie)
check("close ignoring", ie.close)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "closed value"


rc = returns_on_close()
next(rc)
check("close returns", rc.close)
check("close unstarted", lambda: returns_on_close().close())


def raising_in_gen():
    yield 1
    raise StopIteration("bad")


rg = raising_in_gen()
next(rg)
check("StopIteration inside", lambda: next(rg))


def running():
    yield gen_self.send(None)


gen_self = running()
check("already executing", lambda: next(gen_self))

check("throw 3 args", lambda: echo().throw(ValueError, ValueError("x"), None))
check("throw bad", lambda: echo().throw(1))
check("throw instance+value", lambda: echo().throw(ValueError("a"), 1))
check("gen attrs", lambda: (ret().gi_running, ret().gi_suspended, ret.__code__ is ret().gi_code, ret().__name__, ret().__qualname__))


def inner_throw():
    try:
        yield "inner"
    except KeyError:
        yield "inner caught"


def outer_throw():
    yield from inner_throw()
    yield "outer after"


ot = outer_throw()
check("yf throw 1", lambda: next(ot))
check("yf throw 2", lambda: ot.throw(KeyError))
check("yf throw 3", lambda: next(ot))
check("yf throw 4", lambda: next(ot))


def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup runs")


gf = gen_with_finally()
next(gf)
del gf
print("after del")


async def coro(x):
    return x * 2


async def awaiter():
    v = await coro(21)
    return v


c = awaiter()
check("coro send", lambda: c.send(None))
check("coro reuse", lambda: c.send(None))
c2 = coro(1)
check("coro throw", lambda: c2.throw(RuntimeError("in coro")))
c3 = coro(1)
check("coro close", lambda: (c3.close(), c3.cr_frame))
c5 = coro(1)
check("coro iter", lambda: iter(c5))
c5.close()
c4 = coro(1)
check("coro await iter", lambda: type(c4.__await__()).__name__)
c4.close()


@types.coroutine
def legacy():
    x = yield "legacy"
    return x


async def uses_legacy():
    return await legacy()


ul = uses_legacy()
check("legacy 1", lambda: ul.send(None))
check("legacy 2", lambda: ul.send("sent"))


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")


ag = agen()
check("asend", lambda: ag.asend(None).send(None))
check("athrow", lambda: ag.athrow(ValueError("v")).send(None))
check("anext after", lambda: ag.__anext__().send(None))
check("aclose", lambda: ag.aclose().send(None))
check("genexpr send", lambda: (x for x in range(3)).send(1))
check("genexpr throw", lambda: (x for x in range(3)).throw(ValueError))
ge = (x * 2 for x in range(3))
check("genexpr", lambda: (next(ge), list(ge), list(ge)))
