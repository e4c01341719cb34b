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
    """A selector-less loop: the reference (pyodide) has no asyncio.run of its own."""
    def __init__(self):
        super().__init__()
        self._selector = _SleepSelector()

    def _process_events(self, events):
        pass

    def _write_to_self(self):
        pass


request_id = contextvars.ContextVar("request_id", default="-")
trace = []


def log(msg):
    trace.append(f"{request_id.get()}:{msg}")
    print(f"[{request_id.get()}] {msg}")


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


async def producer(q: asyncio.Queue, name: str, n: int):
    request_id.set(name)
    async for v in ticker(n):
        await q.put((name, v))
        log(f"put {v}")
    await q.put((name, None))


async def consumer(q: asyncio.Queue, producers: int):
    done = 0
    total = 0
    while done < producers:
        name, v = await q.get()
        q.task_done()
        if v is None:
            done += 1
            continue
        total += v
    return total


async def slow(delay, value):
    await asyncio.sleep(delay)
    return value


async def failing(msg, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        log(f"open {self.name}")
        return self

    async def __aexit__(self, *exc):
        log(f"close {self.name} exc={exc[0].__name__ if exc[0] else None}")
        return False


async def agen_with_cleanup():
    try:
        for i in range(10):
            yield i
    finally:
        log("agen cleanup")


async def main():
    request_id.set("main")
    q = asyncio.Queue(maxsize=2)
    prods = [asyncio.create_task(producer(q, f"p{i}", 3), name=f"prod-{i}") for i in range(2)]
    total = await consumer(q, 2)
    await asyncio.gather(*prods)
    await q.join()
    log(f"total {total} names {[t.get_name() for t in prods]}")

    results = await asyncio.gather(slow(0.01, "a"), slow(0, "b"), failing("boom"),
                                   return_exceptions=True)
    print([repr(r) for r in results])

    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(slow(0, 1))
            tg.create_task(failing("tg-1"))
            tg.create_task(failing("tg-2"))
            tg.create_task(slow(10, "never"))
    except* ValueError as eg:
        print("TaskGroup:", eg.message, sorted(str(e) for e in eg.exceptions))
    print("t1", t1.result())

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(5)
    except TimeoutError as e:
        print("timeout ok", type(e).__name__)
    try:
        await asyncio.wait_for(slow(5, "x"), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    print(await asyncio.wait_for(slow(0, "fast"), timeout=1))

    async with Resource("db") as r:
        log(f"using {r.name}")
    try:
        async with Resource("file"):
            raise KeyError("k")
    except KeyError:
        log("caught KeyError")

    ag = agen_with_cleanup()
    got = [v async for v in ag if v % 2 == 0 if v < 5]
    print(got)
    ag2 = agen_with_cleanup()
    print(await anext(ag2), await anext(ag2))
    await ag2.aclose()
    print(await anext(ticker(0), "default"))

    ctx = contextvars.copy_context()
    def in_ctx():
        request_id.set("inner")
        return request_id.get()
    print(ctx.run(in_ctx), request_id.get(), ctx[request_id])
    token = request_id.set("temp")
    request_id.reset(token)
    print(request_id.get(), token.var is request_id, token.old_value)

    async def child(n):
        log(f"child {n}")
        request_id.set(f"child{n}")
        return request_id.get()
    print(await asyncio.gather(child(1), child(2)), request_id.get())

    task = asyncio.create_task(slow(10, None))
    await asyncio.sleep(0)
    task.cancel("stop it")
    try:
        await task
    except asyncio.CancelledError as e:
        print("cancelled", e.args, task.cancelled(), task.done())

    done, pending = await asyncio.wait([asyncio.create_task(slow(0, i)) for i in range(3)])
    print(sorted(t.result() for t in done), len(pending))
    order = []
    async def mark(i, d):
        await asyncio.sleep(d)
        order.append(i)
        return i
    for coro in asyncio.as_completed([mark(1, 0.03), mark(2, 0.01), mark(3, 0.02)]):
        print("as_completed", await coro)
    print(order)
    ev = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    hits = []
    async def worker(i):
        async with sem:
            await ev.wait()
            async with lock:
                hits.append(i)
    ws = [asyncio.create_task(worker(i)) for i in range(4)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ws)
    print(hits, lock.locked(), ev.is_set())
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, 42)
    print(await fut)
    print(await asyncio.shield(slow(0, "shielded")))
    r = await asyncio.to_thread(lambda: 5) if False else 5
    print(r)
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)], pq.empty())
    lq = asyncio.LifoQueue()
    lq.put_nowait(1); lq.put_nowait(2)
    print(lq.get_nowait(), lq.qsize())
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    return "done"


asyncio.events._set_running_loop(None)  # the reference's webloop counts as running
print(asyncio.run(main(), loop_factory=Loop))
print(len(trace))
print(request_id.get())
