# Async generators in depth: athrow, aclose, asend, return in try/finally, async generator
# expressions, and the errors of misuse, all driven by hand.
class Pause:
    def __await__(self):
        return (yield 'pause')
def run(aw):
    pauses = 0
    try:
        while True:
            aw.send(None)
            pauses += 1
    except StopIteration as e:
        return e.value, pauses
async def ticker(n):
    try:
        for i in range(n):
            await Pause()
            received = yield i
            if received is not None:
                print('ticker got', received)
    except ValueError as e:
        print('ticker handling', e)
        yield 'recovered'
    finally:
        print('ticker finally')
async def main():
    log = []
    g = ticker(5)
    log.append(await g.asend(None))
    log.append(await g.asend('hello'))
    log.append(await g.athrow(ValueError('boom')))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        log.append('exhausted')
    g2 = ticker(3)
    log.append(await anext(g2))
    await g2.aclose()
    log.append(g2.ag_running)
    squares = (i * i async for i in ticker(3))
    log.append(type(squares).__name__)
    log.append([v async for v in squares])
    total = 0
    async for v in ticker(4):
        total += v
        if v == 2:
            break
    log.append(total)
    return log
import sys
print(sys.get_asyncgen_hooks())
print(run(main()))
async def bad_reuse():
    g = ticker(3)
    a = g.__anext__()
    a.send(None)
    b = g.__anext__()
    try:
        await b
    except RuntimeError as e:
        return f'RuntimeError {e}'
    return 'no error'
print(run(bad_reuse()))
async def agen_ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def close_ignored():
    g = agen_ignores_exit()
    await anext(g)
    try:
        await g.aclose()
    except RuntimeError as e:
        return str(e)
print(run(close_ignored()))
import inspect
async def states():
    g = ticker(1)
    out = [inspect.getasyncgenstate(g)]
    await anext(g)
    out.append(inspect.getasyncgenstate(g))
    await g.aclose()
    out.append(inspect.getasyncgenstate(g))
    return out
print(run(states()))
def sync_creates():
    return (x async for x in ticker(2))
print(type(sync_creates()).__name__)
