# Generator functions: yield, state, return values, StopIteration, generator expressions.
def countdown(n):
    print('start')
    while n > 0:
        yield n
        n -= 1
    print('end')
    return 'done'
g = countdown(3)
print(type(g).__name__, g.__name__, g.gi_running, g.gi_frame is not None)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration value', e.value)
print(next(g, 'exhausted'), list(countdown(2)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
def pairs(seq):
    it = iter(seq)
    for a in it:
        yield a, next(it, None)
print(list(pairs('abcde')))
squares = (x * x for x in range(5))
print(sum(squares), sum(squares), list(x for x in 'ab' for _ in range(2)))
def gen_with_return():
    yield 1
    return [2, 3]
def delegator():
    result = yield from gen_with_return()
    print('delegated returned', result)
    yield from result
print(list(delegator()))
def tree(depth):
    if depth:
        yield depth
        yield from tree(depth - 1)
        yield from tree(depth - 1)
print(list(tree(3)))
def stop_inside():
    yield 1
    raise StopIteration('oops')
try:
    list(stop_inside())
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__)
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
try:
    def self_next():
        yield next(g3)
    g3 = self_next()
    next(g3)
except ValueError as e:
    print(e)
lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print('lazy error', e)
print(list(zip(countdown(2), 'xyz')))
class Countable:
    def __init__(self, n): self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i
print(list(Countable(4)), [x for x in Countable(2)], 3 in Countable(5), sorted(Countable(3), reverse=True))
