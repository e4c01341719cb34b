# heapq, bisect, operator and copy.
import heapq, bisect, operator, copy
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 4), heapq.heapreplace(h, 0), h)
heapq.heappush(h, -1)
print([heapq.heappop(h) for _ in range(len(h))], heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(2, 'hello'), heapq.nlargest(2, ['aa', 'b', 'ccc'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge(['b', 'a'], ['c'], key=str.upper, reverse=True)))
tasks = []
for pri, name in [(3, 'low'), (1, 'urgent'), (2, 'mid'), (1, 'also urgent')]:
    heapq.heappush(tasks, (pri, name))
print([heapq.heappop(tasks)[1] for _ in range(4)])
mh = [3, 1, 4]; heapq.heapify_max(mh) if hasattr(heapq, 'heapify_max') else None; print(mh[0])
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 100), bisect.bisect_left(a, 4, 0, 3))
bisect.insort(a, 5); bisect.insort_left(a, 4); print(a)
grades = [(60, 'D'), (70, 'C'), (80, 'B'), (90, 'A')]
print([grades[bisect.bisect([g for g, _ in grades], s) - 1][1] if s >= 60 else 'F' for s in [55, 60, 75, 99]])
recs = [('a', 1), ('b', 5), ('c', 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]), bisect.insort(recs, ('x', 6), key=lambda r: r[1]), recs)
print(operator.add(1, 2), operator.mul('a', 3), operator.neg(5), operator.not_(0), operator.truth([]), operator.contains([1], 1), operator.getitem('abc', 1))
print(operator.itemgetter(1)('xyz'), operator.itemgetter(0, 2)('xyz'), operator.attrgetter('real', 'imag')(3 + 4j), operator.methodcaller('split', ',')('a,b'))
print(operator.index(5), operator.concat([1], [2]), operator.countOf([1, 1, 2], 1), operator.indexOf('abc', 'c'), operator.is_(None, None), operator.pow(2, 5))
l = [1, 2, 3]; operator.setitem(l, 0, 'x'); operator.delitem(l, 1); print(l, operator.iadd([1], [2]), operator.length_hint(iter(range(7))))
print(operator.lt(1, 2), operator.ge(1, 2), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.floordiv(7, 2), operator.mod(7, 3), operator.matmul.__name__)
orig = {'list': [1, [2, 3]], 'n': 5}
sh, dp = copy.copy(orig), copy.deepcopy(orig)
orig['list'][1].append(4); orig['n'] = 6
print(sh, dp, sh['list'] is orig['list'], dp['list'] is orig['list'])
class Node:
    def __init__(self, v): self.v, self.peer = v, None
    def __repr__(self): return f'Node({self.v})'
n1, n2 = Node(1), Node(2); n1.peer, n2.peer = n2, n1
c1 = copy.deepcopy(n1)
print(c1, c1.peer, c1.peer.peer is c1, c1 is not n1)
class Custom:
    def __init__(self): self.data = [1]
    def __copy__(self): print('__copy__ called'); return Custom()
    def __deepcopy__(self, memo): print('__deepcopy__ called'); return 'deep!'
print(type(copy.copy(Custom())).__name__, copy.deepcopy(Custom()), copy.copy(5), copy.deepcopy((1, [2]))[1])
