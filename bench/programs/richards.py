# Object-oriented code: method calls, attribute access, small classes (a task scheduler in
# the style of the classic Richards benchmark, written here).
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is not None
        self.count = 0

    def run(self, packet):
        raise NotImplementedError


class Worker(Task):
    def run(self, packet):
        if packet is None:
            return self.scheduler.wait()
        self.count += 1
        packet.datum = (packet.datum + self.count) % 26
        for i in range(4):
            packet.data[i] = (packet.data[i] + i + self.count) & 0xFF
        packet.ident = 2 if packet.ident == 1 else 1
        return self.scheduler.queue_packet(packet)


class Idle(Task):
    def __init__(self, scheduler, ident, priority, queue, rounds):
        super().__init__(scheduler, ident, priority, queue)
        self.rounds = rounds
        self.seed = 1

    def run(self, packet):
        self.rounds -= 1
        if self.rounds == 0:
            return None
        self.seed = (self.seed * 1103515245 + 12345) & 0x7FFFFFFF
        target = 1 + self.seed % 2
        return self.scheduler.release(target)


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.packets_sent = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def wait(self):
        return None

    def release(self, ident):
        task = self.tasks[ident]
        task.waiting = False
        return task

    def queue_packet(self, packet):
        self.packets_sent += 1
        task = self.tasks[packet.ident]
        task.queue = packet.append_to(task.queue)
        task.waiting = False
        return None  # back to the idle task, which decides who runs next

    def schedule(self):
        idle = self.tasks[0]
        current = idle
        while current is not None:
            packet = None
            if current.queue is not None:
                packet = current.queue
                current.queue = packet.link
            result = current.run(packet)
            if result is None and current is idle:
                break  # the idle task has used up its rounds
            current = result if result is not None else idle
        return self.packets_sent


def main():
    total = 0
    for round_ in range(20):
        s = Scheduler()
        s.add(Idle(s, 0, 0, None, 40000))
        queue = None
        for i in range(6):
            queue = Packet(queue, 1 + i % 2, 0)
        s.add(Worker(s, 1, 1000, queue))
        s.add(Worker(s, 2, 2000, None))
        total += s.schedule()
    print(total)


main()
