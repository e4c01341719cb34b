# asyncio tasks, gather, queues and locks on a minimal event loop built from BaseEventLoop
# (the reference runs in a browser-style loop, so asyncio.run is not available there).
import asyncio
class _NoSelector:
    def select(self, timeout=None):
        return []
    def close(self):
        pass
class Loop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _NoSelector()
    def _process_events(self, events):
        pass
    def _write_to_self(self):
        pass
async def worker(name, q, log):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return f'{name} finished'
        log.append(f'{name}:{item}')
        await asyncio.sleep(0)
        q.task_done()
async def compute(x):
    await asyncio.sleep(0)
    if x == 3:
        raise ValueError('three')
    return x * x
async def main():
    print(await asyncio.gather(compute(1), compute(2)))
    print(await asyncio.gather(compute(3), compute(4), return_exceptions=True))
    q = asyncio.Queue()
    log = []
    workers = [asyncio.create_task(worker(f'w{i}', q, log)) for i in range(2)]
    for item in range(5):
        q.put_nowait(item)
    for _ in workers:
        q.put_nowait(None)
    print(await asyncio.gather(*workers), log)
    lock = asyncio.Lock()
    order = []
    async def critical(n):
        async with lock:
            order.append(('in', n))
            await asyncio.sleep(0)
            order.append(('out', n))
    await asyncio.gather(*(critical(n) for n in range(3)))
    print(order)
    t = asyncio.create_task(asyncio.sleep(0, 'slept'))
    print(await t, t.done(), t.result())
    async def forever():
        await asyncio.Event().wait()
    t2 = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print('cancelled', t2.cancelled())
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, 'future value')
    print(await fut)
    async with asyncio.TaskGroup() as tg:
        t3 = tg.create_task(compute(5))
        t4 = tg.create_task(compute(6))
    print(t3.result(), t4.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(compute(3))
    except* ValueError as eg:
        print('TaskGroup error', [str(e) for e in eg.exceptions])
    return 'main done'
saved = asyncio.events._get_running_loop()
asyncio.events._set_running_loop(None)
loop = Loop()
try:
    print(loop.run_until_complete(main()))
finally:
    loop.close()
    asyncio.events._set_running_loop(saved)
