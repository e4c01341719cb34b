# len, range, enumerate, zip (strict), map, filter, reversed, sorted, iter, next, all, any, slice.
print(len('abc'), len([1, 2]), len({1: 2}), len(range(0, 10, 3)), len(b'xy'), len(frozenset()))
r = range(10, 0, -3)
print(list(r), r[1], r[-1], len(r), 4 in r, r.index(7), r.count(4), r.start, r.stop, r.step, range(5) == range(0, 5, 1))
print(list(enumerate('ab')), list(enumerate('ab', start=5)), list(zip('abc', range(10))), list(zip()))
try:
    list(zip('ab', 'xyz', strict=True))
except ValueError as e:
    print(e)
try:
    list(zip('abc', 'xy', strict=True))
except ValueError as e:
    print(e)
print(list(map(str.upper, 'ab')), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(str.isdigit, 'a1b2')))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), sorted('bca', reverse=True))
it = iter([1, 2])
print(next(it), next(it), next(it, 'default'))
try:
    next(it)
except StopIteration:
    print('StopIteration')
calls = iter(lambda: calls_list.pop(), 0)
calls_list = [0, 3, 2, 1]
print(list(calls))
print(all([]), any([]), all([1, 'x']), any([0, None, '']), all(x > 0 for x in [1, -1]), any(iter([0, 1])))
s = slice(2, 8, 2)
print(list(range(10))[s], 'abcdefghij'[s], s, slice(5), slice(1, 2).step)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
class Rev:
    def __reversed__(self): return iter('custom')
    def __len__(self): return 99
print(''.join(reversed(Rev())), len(Rev()))
print(range(2 ** 100)[-1], len(range(0, 2 ** 40, 2 ** 20)), range(3).__reversed__().__class__.__name__, repr(range(1, 9, 2)))
print(list(map(pow, [2, 3], [3, 2], [5, 5])), tuple(filter(lambda v: v % 2, range(7))))
