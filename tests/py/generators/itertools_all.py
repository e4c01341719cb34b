# itertools: every function on small inputs.
import itertools as it
import operator
print(list(it.islice(it.count(5, 3), 4)), list(it.islice(it.cycle('ab'), 5)), list(it.repeat('x', 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([3, 1, 2], max, initial=0)))
print(list(it.chain('ab', [1, 2])), list(it.chain.from_iterable(['xy', 'z'])), list(it.compress('abcdef', [1, 0, 1, 0, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(None, [0, 1, '', 'a'])))
print([(k, list(g)) for k, g in it.groupby('aaabccdd')], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(it.islice('abcdefg', 2, None, 2)), list(it.starmap(pow, [(2, 3), (3, 2)])), [list(x) for x in it.tee([1, 2], 2)])
print(list(it.zip_longest('ab', 'xyz', fillvalue='-')), list(it.pairwise('abcd')), list(it.batched(range(7), 3)))
print(list(it.product('ab', repeat=2)), list(it.product([1, 2], 'x')))
print(list(it.permutations('abc', 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations('abcd', 2)), list(it.combinations_with_replacement('ab', 2)))
try:
    list(it.batched('abc', 2, strict=True))
except ValueError as e:
    print(e)
try:
    it.islice('x', -1)
except ValueError as e:
    print(e)
c = it.count()
print(next(c), next(c), repr(c), repr(it.count(1.5, 0.5)), repr(it.repeat(1, 2)))
a, b = it.tee(iter(range(3)))
print(list(a), list(b))
print(sum(1 for _ in it.combinations(range(10), 3)), list(it.accumulate('abc')))
print(list(map(operator.add, 'ab', 'cd')), list(it.chain(*zip('ab', 'cd'))))
