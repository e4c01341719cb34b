# async def / await driven by hand with send(): the reference runs in a browser-style event
# loop, so these cases drive coroutines themselves instead of using asyncio.run.
import types
class Suspend:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        got = yield self.tag
        return f'{self.tag}<-{got}'
async def leaf(n):
    r = await Suspend(f'leaf{n}')
    return r.upper()
async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]
def drive(coro, replies):
    sent = None
    trace = []
    try:
        while True:
            yielded = coro.send(sent)
            trace.append(yielded)
            sent = replies.pop(0) if replies else None
    except StopIteration as e:
        return trace, e.value
print(drive(middle(), ['x', 'y']))
c = middle()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await is None)
c.send(None)
print(type(c.cr_await).__name__)
c.close()
@types.coroutine
def legacy():
    v = yield 'legacy-yield'
    return v * 2
async def uses_legacy():
    return await legacy()
print(drive(uses_legacy(), [21]))
async def raiser():
    await Suspend('before')
    raise ValueError('inside coroutine')
co = raiser(); co.send(None)
try:
    co.send('go')
except ValueError as e:
    print('caught', e)
async def catcher():
    try:
        await Suspend('wait')
    except KeyError as e:
        return f'caught thrown {e!r}'
cc = catcher(); cc.send(None)
try:
    cc.throw(KeyError('k'))
except StopIteration as e:
    print(e.value)
async def plain():
    return 7
try:
    plain().send(None)
except StopIteration as e:
    print('immediate result', e.value)
try:
    await_outside = compile('await x', 'm', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg)
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print(e)
import inspect
print(inspect.iscoroutinefunction(plain), inspect.iscoroutine(plain.__call__) if False else 'skip', inspect.isawaitable(Suspend('t')))
coro = plain()
coro.close()
try:
    coro.send(None)
except RuntimeError as e:
    print(e)
