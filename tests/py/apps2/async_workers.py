"""An asyncio crawler simulation: TaskGroup, gather, queues, semaphores, timeouts, cancellation."""
import asyncio
import contextlib
import time


class _SleepSelector:
    def select(self, timeout=None):
        if timeout:
            time.sleep(min(timeout, 0.005))
        return []

    def close(self):
        pass


class Loop(asyncio.BaseEventLoop):
    """A selector-less loop: the reference (pyodide) replaces asyncio.run with its own."""
    def __init__(self):
        super().__init__()
        self._selector = _SleepSelector()

    def _process_events(self, events):
        pass

    def _write_to_self(self):
        pass


PAGES = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/a/2", "/"],
    "/b": ["/b/1", "/missing"],
    "/c": [],
    "/a/1": ["/slow"],
    "/a/2": [],
    "/b/1": ["/a"],
    "/slow": [],
}


class FetchError(Exception):
    pass


async def fetch(path, log):
    await asyncio.sleep(0.001 * len(path))
    if path == "/missing":
        raise FetchError(f"404 {path}")
    if path == "/slow":
        await asyncio.sleep(10)
    log.append(path)
    return PAGES[path]


async def crawl(start, workers=3):
    queue = asyncio.Queue()
    seen = {start}
    log, errors = [], []
    await queue.put(start)
    sem = asyncio.Semaphore(2)

    async def worker(n):
        while True:
            path = await queue.get()
            try:
                async with sem:
                    async with asyncio.timeout(0.5):
                        links = await fetch(path, log)
            except FetchError as exc:
                errors.append(str(exc))
            except TimeoutError:
                errors.append(f"timeout {path}")
            else:
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        await queue.put(link)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(workers)]
    await queue.join()
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("workers:", [type(r).__name__ for r in results])
    return sorted(log), sorted(errors), sorted(seen)


async def taskgroup_demo():
    async def job(name, delay, fail=False):
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        return name.upper()

    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("x", 0.01))
        t2 = tg.create_task(job("y", 0.002))
    print("taskgroup ok:", t1.result(), t2.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 0.001, fail=True))
            tg.create_task(job("b", 0.3, fail=True))
            slow = tg.create_task(job("c", 5))
    except* ValueError as eg:
        print("taskgroup errors:", sorted(str(e) for e in eg.exceptions), slow.cancelled())


async def events_and_conditions():
    ready = asyncio.Event()
    cond = asyncio.Condition()
    items = []

    async def producer():
        for i in range(3):
            await asyncio.sleep(0.001)
            async with cond:
                items.append(i)
                cond.notify_all()
        ready.set()

    async def consumer(name):
        got = []
        while len(got) < 3:
            async with cond:
                await cond.wait_for(lambda: len(items) > len(got))
                got = list(items)
        await ready.wait()
        return name, got

    res = await asyncio.gather(consumer("c1"), consumer("c2"), producer())
    print("conditions:", res)


async def cancellation():
    started = asyncio.Event()
    cleaned = []

    async def victim():
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cleaned.append("cleanup")
            raise
        finally:
            cleaned.append("finally")

    t = asyncio.create_task(victim())
    await started.wait()
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as exc:
        print("cancelled:", exc.args, t.cancelled(), cleaned)

    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "refused"

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print("stubborn:", await t, t.cancelled())
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except TimeoutError as exc:
        print("wait_for timeout:", type(exc).__name__)
    shielded = asyncio.ensure_future(asyncio.sleep(0.01, result="shielded done"))
    try:
        await asyncio.wait_for(asyncio.shield(shielded), 0.001)
    except TimeoutError:
        print("shield outer timed out; inner:", await shielded)


async def generators_and_queues():
    async def ticker(n):
        for i in range(n):
            await asyncio.sleep(0)
            yield i

    print("async gen:", [i * i async for i in ticker(5)])
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        pq.put_nowait(item)
    print("priority:", [pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue(maxsize=2)
    await lq.put(1)
    await lq.put(2)
    print("full:", lq.full(), lq.qsize())
    try:
        lq.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    done, pending = await asyncio.wait(
        [asyncio.create_task(asyncio.sleep(d, result=d)) for d in (0.001, 0.5)],
        return_when=asyncio.FIRST_COMPLETED)
    print("wait:", [t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()
    order = []
    for coro in asyncio.as_completed([asyncio.sleep(0.02, "slow"), asyncio.sleep(0.001, "fast")]):
        order.append(await coro)
    print("as_completed:", order)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from callback")
    print("future:", await fut)
    print("to_thread-free run_in_executor skipped; current task:", asyncio.current_task().get_name())


async def main():
    log, errors, seen = await crawl("/")
    print("log:", log)
    print("errors:", errors)
    print("seen:", seen)
    await taskgroup_demo()
    await events_and_conditions()
    await cancellation()
    await generators_and_queues()
    with contextlib.suppress(ZeroDivisionError):
        await asyncio.gather(asyncio.sleep(0), asyncio.to_thread if False else asyncio.sleep(0))
        1 / 0
    return "finished"


asyncio.events._set_running_loop(None)  # the reference's webloop counts as running
print(asyncio.run(main(), debug=False, loop_factory=Loop))
try:
    asyncio.run(asyncio.sleep(0, result=None), loop_factory=Loop) or print("second run ok")
except RuntimeError as exc:
    print(exc)


async def boom():
    raise KeyError("bad key")


try:
    asyncio.run(boom(), loop_factory=Loop)
except KeyError as exc:
    print("run raised:", repr(exc))
runner = asyncio.Runner(loop_factory=Loop)
with runner:
    print(runner.run(asyncio.sleep(0, "runner 1")), runner.run(asyncio.sleep(0, "runner 2")))
