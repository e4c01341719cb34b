# sorted/list.sort with key and reverse, stability, and comparison errors.
people = [('alice', 30), ('bob', 25), ('carol', 30), ('dave', 25), ('eve', 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_name = sorted(people, key=lambda p: p[0], reverse=True)
print(sorted(by_name, key=lambda p: p[1]))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
from operator import itemgetter, attrgetter
print(sorted(people, key=itemgetter(1, 0)))
class P:
    def __init__(self, n): self.n = n
    def __repr__(self): return f'P{self.n}'
    def __lt__(self, other): return self.n < other.n
print(sorted([P(3), P(1), P(2)]), sorted([P(3), P(1)], key=attrgetter('n'), reverse=True), max([P(5), P(7)]))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs); print(nums)
nums.sort(key=lambda x: x % 3, reverse=True); print(nums)
print(sorted('hello world'), sorted({3: 'a', 1: 'b'}), sorted((x for x in [2, 1])), sorted([[2, 1], [1, 2], [1]]))
print(sorted([3.5, 1, True, 2.25]), sorted([b'b', b'a']), sorted([(1, 'b'), (1, 'a')]))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print(e)
try:
    sorted([1, 2], key=lambda x: 1 / 0)
except ZeroDivisionError as e:
    print(e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(e)
import functools
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
data = list(range(20, 0, -1))
data.sort(key=lambda x: x % 4)
print(data)
stable = [(k % 3, i) for i, k in enumerate(range(15))]
print(sorted(stable, key=lambda t: t[0]) == sorted(stable), sorted(stable, key=lambda t: t[0])[:6])
