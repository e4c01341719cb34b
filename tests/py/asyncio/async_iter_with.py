# async for, async with and async generators, driven by hand.
class Tick:
    def __await__(self):
        yield 'tick'
class AsyncRange:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class Resource:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print('open', self.name)
        await Tick()
        return self
    async def __aexit__(self, et, ev, tb):
        print('close', self.name, et.__name__ if et else None)
        return et is KeyError
async def agen(n):
    for i in range(n):
        await Tick()
        x = yield i * 10
        if x:
            print('agen received', x)
    print('agen done')
def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks
async def main():
    out = []
    async for v in AsyncRange(3):
        out.append(v)
    async with Resource('r1') as r, Resource('r2'):
        out.append(r.name)
    async with Resource('r3'):
        raise KeyError('swallowed by __aexit__')
    out.append([v async for v in agen(3)])
    out.append([v async for v in AsyncRange(5) if v % 2])
    g = agen(2)
    out.append(await g.__anext__())
    out.append(await g.asend('hello'))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append('stop')
    g2 = agen(5)
    await anext(g2)
    await g2.aclose()
    out.append(await anext(agen(0), 'default'))
    async for v in aiter(AsyncRange(1)):
        out.append(('aiter', v))
    return out
print(run(main()))
print(type(agen(1)).__name__, agen.__name__)
async def gen_with_return():
    yield 1
import inspect
print(inspect.isasyncgenfunction(agen), inspect.isasyncgen(agen(1)))
try:
    compile('async def f():\n    yield 1\n    return 2\n', 'm', 'exec')
except SyntaxError as e:
    print(e.msg)
