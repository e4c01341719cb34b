# Async generators driven by hand: the asend/athrow/aclose awaitables and their states,
# sys.set_asyncgen_hooks (firstiter and finalizer), ag_* attributes, anext()/aiter(), and the
# error messages of misuse.
import sys

class Pause:
    def __await__(self):
        return (yield 'pause')

def run(aw):
    trace = []
    try:
        while True:
            trace.append(aw.send(None))
    except StopIteration as e:
        return e.value, trace
    except BaseException as e:
        return type(e).__name__, str(e), trace

async def counter(n, log):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                log.append(('got', got))
            await Pause()
    except KeyError as e:
        log.append(('caught', str(e)))
        yield 'after-keyerror'
    finally:
        log.append('finally')

async def drive():
    log = []
    g = counter(3, log)
    log.append(type(g).__name__)
    log.append((g.ag_running, g.ag_suspended, g.ag_await, g.ag_code.co_name))
    log.append(g.__name__ + ' ' + g.__qualname__)
    a = g.__anext__()
    log.append(type(a).__name__)
    log.append(await a)
    log.append((g.ag_running, g.ag_suspended, g.ag_frame is not None))
    log.append(await g.asend('hi'))
    log.append(await g.athrow(KeyError('k')))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        log.append('stop')
    log.append((g.ag_frame, g.ag_suspended))
    try:
        await g.asend(None)
    except StopAsyncIteration:
        log.append('stop again')
    log.append(await anext(g, 'dflt'))
    return log

print(run(drive()))

async def misuse():
    out = []
    log = []
    g = counter(5, log)
    try:
        await g.asend('x')
    except TypeError as e:
        out.append(str(e))
    a = g.asend(None)
    out.append(a.send(None))
    try:
        a.send(None)
    except StopIteration as e:
        out.append(('value', e.value))
    try:
        a.send(None)
    except RuntimeError as e:
        out.append(str(e))
    t = g.athrow(ValueError('v'))
    try:
        t.send('not none')
    except RuntimeError as e:
        out.append(str(e))
    try:
        t.send(None)
    except ValueError as e:
        out.append(('athrow raised', str(e)))
    try:
        t.send(None)
    except RuntimeError as e:
        out.append(str(e))
    c = g.aclose()
    try:
        c.send(None)
    except StopIteration:
        out.append('aclose done')
    out.append(log)
    try:
        anext(42)
    except TypeError as e:
        out.append(str(e))
    try:
        aiter(42)
    except TypeError as e:
        out.append(str(e))
    class BadAiter:
        def __aiter__(self):
            return 1
    try:
        aiter(BadAiter())
    except TypeError as e:
        out.append(str(e))
    try:
        async for x in 5:
            pass
    except TypeError as e:
        out.append(str(e))
    return out

for item in run(misuse())[0]:
    print(item)

async def stops():
    yield 1
    raise StopAsyncIteration

async def stops_sync():
    yield 1
    raise StopIteration

async def check_conversions():
    out = []
    for maker in (stops, stops_sync):
        g = maker()
        out.append(await anext(g))
        try:
            await anext(g)
        except RuntimeError as e:
            out.append((str(e), type(e.__cause__).__name__))
    return out

print(run(check_conversions()))

async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def close_cases():
    out = []
    g = ignores_exit()
    out.append(await anext(g))
    try:
        await g.aclose()
    except RuntimeError as e:
        out.append(str(e))
    fresh = counter(2, [])
    await fresh.aclose()
    out.append(('fresh closed', fresh.ag_frame))
    await fresh.aclose()
    out.append('second aclose fine')
    g2 = counter(2, [])
    await anext(g2)
    t = g2.athrow(GeneratorExit)
    try:
        await t
    except GeneratorExit:
        out.append('GeneratorExit out of athrow')
    return out

print(run(close_cases()))

# Hooks.
events = []
def firstiter(agen):
    events.append(('firstiter', agen.__name__))
kept = []
def finalizer(agen):
    events.append(('finalizer', agen.__name__))
    kept.append(agen)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
hooks = sys.get_asyncgen_hooks()
print(type(hooks).__name__, hooks.firstiter is firstiter, hooks[1] is finalizer, len(hooks))

async def hooked():
    log = []
    g = counter(3, log)
    await anext(g)
    del g
    events.append('deleted')
    g2 = counter(3, log)
    await anext(g2)
    await g2.aclose()
    del g2
    events.append(log)
    return 'ok'

print(run(hooked()))
print(events)
print(len(kept), kept and kept[0].ag_suspended)
if kept:
    print(run(kept[0].aclose()))
    kept.clear()
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(e)
try:
    sys.set_asyncgen_hooks(None, 'x')
except TypeError as e:
    print(e)
print(sys.get_asyncgen_hooks().firstiter is firstiter)
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is finalizer)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())

def raising_firstiter(agen):
    raise LookupError('no first')
sys.set_asyncgen_hooks(firstiter=raising_firstiter)
async def first_fails():
    g = counter(1, [])
    try:
        await anext(g)
    except LookupError as e:
        return str(e), g.ag_running
print(run(first_fails()))
sys.set_asyncgen_hooks(firstiter=None)

# Async generator expressions and comprehensions over them.
async def comp():
    g = (x * 2 async for x in counter(3, []))
    return type(g).__name__, [y async for y in g], [z for z in range(2)]
print(run(comp()))
print(repr(counter(1, [])).startswith('<async_generator object counter at 0x'))
import warnings
async def ag(): yield 1
# Awaitables never awaited warn when they go.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    g = ag()
    g.asend(None)
    g.athrow(ValueError)
    g.aclose()
    x = g.asend(None); del x
    import gc; gc.collect()
for item in w:
    print(item.category.__name__, item.message, item.lineno)
