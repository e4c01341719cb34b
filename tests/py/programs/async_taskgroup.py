import asyncio
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

async def worker(name, q, results):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        await asyncio.sleep(0)
        results.append((name, item * item))
        q.task_done()

async def failing(n, delay):
    for _ in range(delay):
        await asyncio.sleep(0)
    if n % 2:
        raise ValueError(f"odd {n}")
    return n

async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow cancelled")
        raise

async def main():
    q = asyncio.Queue(maxsize=3)
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results), name=f"worker-{i}") for i in range(3)]
    for i in range(10):
        await q.put(i)
    for _ in workers:
        await q.put(None)
    await q.join()
    await asyncio.gather(*workers)
    print(sorted(r[1] for r in results), q.empty(), q.qsize())

    r = await asyncio.gather(failing(2, 1), failing(3, 2), failing(4, 0), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(failing(1, 0), failing(2, 5))
    except ValueError as e:
        print("gather raised", e)

    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(failing(1, 1))
            t2 = tg.create_task(failing(3, 1))
            t3 = tg.create_task(slow())
            t4 = tg.create_task(failing(2, 0))
    except* ValueError as eg:
        print("TaskGroup:", repr(eg), sorted(str(e) for e in eg.exceptions))
    print(t3.cancelled(), t4.result())

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(5)
    except TimeoutError as e:
        print("timeout", type(e).__name__, repr(e))
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except TimeoutError:
        print("wait_for timed out")

    async def agen(n):
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    print([x async for x in agen(5) if x % 2 == 0])
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0)
        ev.set()
    asyncio.create_task(setter())
    await ev.wait()
    print("event set", ev.is_set())
    lock = asyncio.Lock()
    order = []
    async def locked(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0)
            order.append(-i)
    await asyncio.gather(*(locked(i) for i in range(1, 4)))
    print(order)
    sem = asyncio.Semaphore(2)
    print(sem.locked(), repr(sem)[:40].split(" at ")[0])
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t.cancel("stop please")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    done, pending = await asyncio.wait([asyncio.create_task(failing(2, i)) for i in range(3)], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    for p in pending:
        await p
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print(await fut)
    print([t.get_name() for t in workers])
    async def nested():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing(5, 0))
            async def inner():
                async with asyncio.TaskGroup() as tg2:
                    tg2.create_task(failing(7, 0))
                    tg2.create_task(failing(9, 0))
            tg.create_task(inner())
    try:
        await nested()
    except ExceptionGroup as eg:
        import traceback
        traceback.print_exception(eg, limit=0)
        print(eg.exceptions[0], eg.split(ValueError)[0].exceptions)

asyncio.events._set_running_loop(None)
asyncio.run(main(), loop_factory=Loop)
asyncio.events._set_running_loop(None)
print(asyncio.run(failing(2, 3), loop_factory=Loop))
asyncio.events._set_running_loop(None)
try:
    asyncio.run(failing(1, 0), loop_factory=Loop)
except ValueError as e:
    print(repr(e))

