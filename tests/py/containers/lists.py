# list methods, mutation, copies and errors.
l = [3, 1, 4, 1, 5]
l.append(9); l.extend([2, 6]); l.insert(0, 0); l.insert(-1, 7); l.insert(100, 8)
print(l, len(l), l.count(1), l.index(1), l.index(1, 3), l.pop(), l.pop(0), l.pop(-2))
l.remove(1)
print(l)
l.reverse(); print(l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
c = l.copy(); c.clear(); print(c, l)
print([1, 2] * 2, [[0] * 2] * 2, list('abc'), list(range(3)), list({1: 'a'}), list((1, 2)))
m = [[0] * 2] * 2; m[0][0] = 1; print(m)
n = [[0] * 2 for _ in range(2)]; n[0][0] = 1; print(n)
for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2][5], lambda: [].sort(key=1), lambda: [1, 'a'].sort()]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
a = [1, 2, 3, 4, 5, 6]
del a[::2]; print(a)
a[1:] = range(3); print(a)
a[::-1] = 'xyzw'; print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
a *= 2; print(a)
a += 'pq'; print(a)
try:
    a + 'pq'
except TypeError as e:
    print(e)
print([1, 2, 3] == [1, 2, 3], [1, 2] != [2, 1], [1, [2, 3]] < [1, [2, 4]], [] < [0])
s = [5, 2, 8]
print(sorted(s), s, reversed(s).__class__.__name__, list(reversed(s)), max(s), min(s), sum(s))
r = [1, 2]; r.append(r); print(r, r[2][2][0])
print(list.__name__, [].__class__ is list, isinstance([], object), [i for i in [1, 2]].__len__())
