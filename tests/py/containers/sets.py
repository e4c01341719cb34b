# set and frozenset operations (integer elements so the order is platform-independent).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} < b, a.isdisjoint({9}), a.issuperset({1, 2}))
print(a.union([7], (8,)), a.intersection(b, {4}), a.difference({1}, {2}), a.symmetric_difference([1, 9]))
s = set()
s.add(5); s.add(5); s.update([1, 2], {3}); s.discard(99); s.remove(1)
print(s, len(s), 2 in s, 7 not in s)
try:
    s.remove(42)
except KeyError as e:
    print('KeyError', e)
s.intersection_update({2, 3, 4}); print(s)
s.difference_update({2}); print(s)
s.symmetric_difference_update({3, 8}); print(s)
s |= {10}; s &= {8, 10}; s -= {8}; s ^= {11}; print(s)
print(s.pop() in (10, 11), len(s))
s.clear(); print(s, set(), frozenset())
f = frozenset([3, 1, 2])
print(f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__, f == {1, 2, 3}, {f: 'key'}[frozenset({1, 2, 3})])
print(sorted({x % 5 for x in range(20)}), {1, 2} == frozenset({1, 2}), set('aaa'), set([1, 1.0, True]))
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    f.add(1)
except AttributeError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
print(set(range(5)) - set(range(2, 10)), sorted(set(range(100)) & set(range(0, 100, 7))), max({4, 9, 2}))
print({17, 9, 0, 100, 7}, sorted({-1, -2, 0}), {64, 1, 33}, set(range(40, 30, -2)))
big = set(range(1000)); big -= set(range(5, 1000)); print(big)
