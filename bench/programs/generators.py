# Generators: generator functions, yield from chains, generator expressions consumed by
# sum/any/max, itertools-style pipelines and send().
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def squares(it):
    for v in it:
        yield v * v


def chain(*its):
    for it in its:
        yield from it


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total // count


def pairs(seq):
    it = iter(seq)
    prev = next(it)
    for cur in it:
        yield prev, cur
        prev = cur


def run(n):
    total = sum(squares(evens(count_up(n))))
    total += sum(x for x in range(n) if x % 3 == 0)
    total += max(len(str(x)) for x in range(n // 4))
    total += sum(1 for _ in chain(range(100), count_up(n // 4), [1, 2, 3]))
    total += sum(tree(12))
    total += any(x > n for x in range(n // 2))
    avg = averager()
    next(avg)
    for i in range(n // 4):
        last = avg.send(i)
    total += last
    total += sum(b - a for a, b in pairs(range(0, n, 3)))
    return total


for _ in range(3):
    result = run(300000)
print(result)
