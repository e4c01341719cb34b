# Timers, timeouts and synchronisation primitives on a minimal event loop built from
# BaseEventLoop whose selector only sleeps (the reference runs in a browser loop without
# asyncio.run): call_later order, wait_for, timeout(), shield, wait, as_completed, Semaphore,
# Condition, Barrier, context variables in tasks.
import asyncio
import contextvars
import time


class _SleepSelector:
    def select(self, timeout=None):
        if timeout:
            time.sleep(min(timeout, 0.01))
        return []

    def close(self):
        pass


class Loop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _SleepSelector()

    def _process_events(self, events):
        pass

    def _write_to_self(self):
        pass


request = contextvars.ContextVar('request', default='none')


async def main():
    loop = asyncio.get_running_loop()
    order = []
    now = loop.time()
    for delay, name in ((0.03, 'c'), (0.01, 'a'), (0.02, 'b')):
        loop.call_at(now + delay, order.append, name)
    loop.call_soon(order.append, 'soon')
    await asyncio.sleep(0.05)
    print(order)

    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError as e:
        print('wait_for:', type(e).__name__)
    print(await asyncio.wait_for(asyncio.sleep(0, 'in time'), 1))
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout() expired:', cm.expired())

    inner = asyncio.ensure_future(asyncio.sleep(0.02, 'shielded'))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.005)
    except TimeoutError:
        print('shield outer timed out; inner cancelled?', inner.cancelled())
    print(await inner)

    async def job(name, delay):
        await asyncio.sleep(delay)
        return name

    # 'slow' is far behind 'fast' so that a loaded machine never finishes both in one turn.
    tasks = [asyncio.create_task(job(n, d)) for n, d in (('slow', 0.5), ('fast', 0.01))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    print([await f for f in asyncio.as_completed([job('x', 0.02), job('y', 0.01)])])
    await asyncio.gather(*pending)

    sem = asyncio.Semaphore(2)
    active = []
    peak = []

    async def limited(i):
        async with sem:
            active.append(i)
            peak.append(len(active))
            await asyncio.sleep(0.001)
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(6)))
    print('semaphore peak', max(peak))

    cond = asyncio.Condition()
    items = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()

    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        items.append('item')
        cond.notify()
    print(await c)

    barrier = asyncio.Barrier(3)
    arrived = []

    async def party(i):
        arrived.append(i)
        pos = await barrier.wait()
        return len(arrived), pos in range(3)

    print(await asyncio.gather(*(party(i) for i in range(3))))

    async def handler(name):
        request.set(name)
        await asyncio.sleep(0)
        return request.get()

    print(await asyncio.gather(handler('r1'), handler('r2')), request.get())

    async def ticker():
        for i in range(3):
            yield i
            await asyncio.sleep(0.001)

    print([i async for i in ticker()])

    async def failing():
        await asyncio.sleep(0.001)
        raise KeyError('boom')

    async def long_running():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print('long_running cancelled')
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(long_running())
            tg.create_task(failing())
    except* KeyError as eg:
        print('TaskGroup:', [repr(e) for e in eg.exceptions])
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    print(t.cancel('reason'), t.cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print('cancelled with', e.args)
    return 'main done'


saved = asyncio.events._get_running_loop()
asyncio.events._set_running_loop(None)
loop = Loop()
try:
    print(loop.run_until_complete(main()))
finally:
    loop.close()
    asyncio.events._set_running_loop(saved)
