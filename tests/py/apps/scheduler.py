"""A generator-based cooperative scheduler (David Beazley style)."""
from collections import deque
import heapq
import types


class SysCall:
    def handle(self, sched, task):
        raise NotImplementedError


class GetTid(SysCall):
    def handle(self, sched, task):
        task.sendval = task.tid
        sched.schedule(task)


class NewTask(SysCall):
    def __init__(self, target):
        self.target = target

    def handle(self, sched, task):
        task.sendval = sched.new(self.target)
        sched.schedule(task)


class WaitTask(SysCall):
    def __init__(self, tid):
        self.tid = tid

    def handle(self, sched, task):
        if not sched.wait_for_exit(task, self.tid):
            task.sendval = False
            sched.schedule(task)


class Sleep(SysCall):
    def __init__(self, ticks):
        self.ticks = ticks

    def handle(self, sched, task):
        heapq.heappush(sched.sleeping, (sched.clock + self.ticks, task.tid, task))


class Send(SysCall):
    def __init__(self, chan, value):
        self.chan, self.value = chan, value

    def handle(self, sched, task):
        sched.channels.setdefault(self.chan, deque()).append(self.value)
        waiters = sched.chan_waiters.pop(self.chan, [])
        for w in waiters:
            sched.schedule(w)
        sched.schedule(task)


class Recv(SysCall):
    def __init__(self, chan):
        self.chan = chan

    def handle(self, sched, task):
        q = sched.channels.get(self.chan)
        if q:
            task.sendval = q.popleft()
            sched.schedule(task)
        else:
            task.retry = self
            sched.chan_waiters.setdefault(self.chan, []).append(task)


class Task:
    next_id = 0

    def __init__(self, target):
        Task.next_id += 1
        self.tid = Task.next_id
        self.target = target
        self.sendval = None
        self.retry = None
        self.stack = []

    def run(self):
        while True:
            try:
                result = self.target.send(self.sendval)
                if isinstance(result, SysCall):
                    return result
                if isinstance(result, types.GeneratorType):
                    self.stack.append(self.target)
                    self.sendval = None
                    self.target = result
                else:
                    if not self.stack:
                        return None
                    self.sendval = result
                    self.target = self.stack.pop()
            except StopIteration as e:
                if not self.stack:
                    raise
                self.sendval = e.value
                self.target = self.stack.pop()


class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.tasks = {}
        self.exit_waiting = {}
        self.sleeping = []
        self.clock = 0
        self.channels = {}
        self.chan_waiters = {}
        self.results = {}

    def new(self, target):
        t = Task(target)
        self.tasks[t.tid] = t
        self.schedule(t)
        return t.tid

    def schedule(self, task):
        self.ready.append(task)

    def exit(self, task, value):
        print(f"  task {task.tid} exits -> {value!r}")
        self.results[task.tid] = value
        del self.tasks[task.tid]
        for t in self.exit_waiting.pop(task.tid, []):
            t.sendval = value
            self.schedule(t)

    def wait_for_exit(self, task, tid):
        if tid in self.tasks:
            self.exit_waiting.setdefault(tid, []).append(task)
            return True
        return False

    def mainloop(self):
        while self.tasks:
            if not self.ready:
                if self.sleeping:
                    self.clock = self.sleeping[0][0]
                    while self.sleeping and self.sleeping[0][0] <= self.clock:
                        _, _, t = heapq.heappop(self.sleeping)
                        self.schedule(t)
                else:
                    print("deadlock:", sorted(self.tasks))
                    return
            task = self.ready.popleft()
            if task.retry is not None:
                call, task.retry = task.retry, None
                call.handle(self, task)
                continue
            try:
                result = task.run()
                task.sendval = None
                if isinstance(result, SysCall):
                    result.handle(self, task)
                    continue
            except StopIteration as e:
                self.exit(task, e.value)
                continue
            except Exception as e:
                print(f"  task {task.tid} crashed: {type(e).__name__}: {e}")
                self.exit(task, None)
                continue
            self.schedule(task)


def add_sub(a, b):
    yield
    return a + b


def counter(name, n):
    mytid = yield GetTid()
    total = 0
    for i in range(n):
        print(f"[t={sched.clock}] {name}({mytid}) step {i}")
        total += yield add_sub(i, 1)
        yield Sleep(1 + (mytid % 2))
    return total


def producer(chan, items):
    for it in items:
        yield Send(chan, it)
        yield Sleep(2)
    yield Send(chan, None)
    return "produced"


def consumer(chan):
    got = []
    while True:
        v = yield Recv(chan)
        if v is None:
            return got
        print(f"[t={sched.clock}] consumed {v}")
        got.append(v)


def crasher():
    yield
    raise KeyError("oops")


def parent():
    a = yield NewTask(counter("A", 3))
    b = yield NewTask(counter("B", 2))
    c = yield NewTask(consumer("ch"))
    yield NewTask(producer("ch", ["x", "y", "z"]))
    yield NewTask(crasher())
    ra = yield WaitTask(a)
    rb = yield WaitTask(b)
    rc = yield WaitTask(c)
    print("parent got", ra, rb, rc)
    r = yield WaitTask(999)
    return ("parent", r)


def deadlocked():
    yield Recv("never")


sched = Scheduler()
sched.new(parent())
sched.mainloop()
print("results", sorted(sched.results.items()), "clock", sched.clock)
s2 = Scheduler()
sched = s2
s2.new(deadlocked())
s2.mainloop()


def gen_chain():
    x = yield 1
    try:
        y = yield x * 2
    except ValueError as e:
        y = yield f"caught {e}"
    finally:
        print("gen finally")
    return y


g = gen_chain()
print(next(g), g.send(5), g.throw(ValueError("bad")))
try:
    g.send("end")
except StopIteration as e:
    print("StopIteration value", e.value)
g2 = gen_chain(); next(g2); g2.close()
print(g2.gi_frame, g2.gi_running, g.gi_suspended if hasattr(g, "gi_suspended") else "n/a")


def delegator():
    r = yield from gen_chain()
    return f"delegated {r}"


d = delegator()
print(next(d), d.send(3), d.send(4) if False else d.throw(ValueError("v")))
try:
    d.send("fin")
except StopIteration as e:
    print(e.value)
