import asyncio

# The reference runs in a browser-style loop: a BaseEventLoop whose selector never waits.
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

async def worker(name, q, results):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        await asyncio.sleep(0.001 * item)
        results.append((name, item * item))
        q.task_done()

async def fetch(i):
    await asyncio.sleep(0.001 * (5 - i))
    if i == 3:
        raise ValueError(f"bad {i}")
    return i * 10

async def slow():
    await asyncio.sleep(10)

async def main():
    q = asyncio.Queue()
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(3)]
    for i in range(1, 10):
        q.put_nowait(i)
    for _ in workers:
        await q.put(None)
    await q.join()
    await asyncio.gather(*workers)
    print(sorted(r[1] for r in results))
    print(await asyncio.gather(fetch(0), fetch(1), fetch(2)))
    res = await asyncio.gather(*(fetch(i) for i in range(5)), return_exceptions=True)
    print(res)
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except TimeoutError as e:
        print("timeout", type(e).__name__)
    try:
        async with asyncio.timeout(0.01):
            await slow()
    except TimeoutError:
        print("timeout ctx")
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(fetch(1))
            t2 = tg.create_task(fetch(3))
            t3 = tg.create_task(slow())
    except* ValueError as eg:
        print("taskgroup", eg.exceptions, t3.cancelled())
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(fetch(i)) for i in (0, 1, 2)]
    print([t.result() for t in ts])
    t = asyncio.create_task(slow(), name="sleeper")
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.get_name(), t.cancelled(), t.done())
    # slow() rather than a 5 ms fetch as the loser: on a loaded machine both timers of two
    # close deadlines can expire in one loop iteration, and then both are done.
    done, pending = await asyncio.wait([asyncio.create_task(fetch(4)), asyncio.create_task(slow())], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [d.result() for d in done])
    for p in pending:
        p.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for coro in asyncio.as_completed([fetch(0), fetch(2), fetch(4)]):
        print("as_completed", await coro)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woke"
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await w)
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    order = []
    async def crit(i):
        async with sem:
            async with lock:
                order.append(i)
                await asyncio.sleep(0)
    await asyncio.gather(*(crit(i) for i in range(5)))
    print(order)
    async def agen():
        for i in range(3):
            yield i
            await asyncio.sleep(0)
    print([x async for x in agen()])
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from call_soon")
    print(await fut)
    print(await asyncio.to_thread(sum, [1, 2, 3]) if False else "skip thread")
    r = await asyncio.shield(fetch(2))
    print(r)

_saved = asyncio.events._get_running_loop()
asyncio.events._set_running_loop(None)
asyncio.run(main(), loop_factory=Loop)
async def boom():
    await asyncio.sleep(0)
    raise RuntimeError("async failure")
try:
    asyncio.run(boom(), loop_factory=Loop)
except RuntimeError as e:
    print("caught", e)
print(asyncio.iscoroutinefunction(boom), asyncio.iscoroutine(boom().close()) )
asyncio.events._set_running_loop(_saved)
