# collections: Counter, defaultdict, OrderedDict, deque, ChainMap, namedtuple, UserDict.
from collections import Counter, defaultdict, OrderedDict, deque, ChainMap, namedtuple, UserDict, UserList
c = Counter('abracadabra')
print(c, c.most_common(2), c['a'], c['z'], sorted(c.elements())[:6], c.total())
c.update('aaz'); c.subtract({'b': 5})
print(c, +c, -c)
d1, d2 = Counter(a=3, b=1), Counter(a=1, b=2)
print(d1 + d2, d1 - d2, d1 & d2, d1 | d2, d1 == Counter(b=1, a=3), Counter([1, 1, 2]).most_common())
dd = defaultdict(list)
for k, v in [('x', 1), ('y', 2), ('x', 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd.default_factory, defaultdict(int)['missing'])
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 1
print({k: dict(v) for k, v in nested.items()})
od = OrderedDict([('one', 1), ('two', 2), ('three', 3)])
od.move_to_end('one'); od.move_to_end('three', last=False)
print(od, od.popitem(), od.popitem(last=False), od, OrderedDict(a=1) == OrderedDict(a=1))
print(OrderedDict([(1, 1), (2, 2)]) == OrderedDict([(2, 2), (1, 1)]), dict(OrderedDict([(1, 1), (2, 2)])) == {2: 2, 1: 1})
q = deque([1, 2, 3], maxlen=5)
q.append(4); q.appendleft(0); q.append(5)
print(q, q.maxlen, q.popleft(), q.pop(), q)
q.rotate(2); print(q)
q.rotate(-1); print(q, q[0], q[-1], len(q), 3 in q, q.index(3), q.count(2))
q.extendleft([9, 8]); print(q, list(reversed(q)))
try:
    deque().pop()
except IndexError as e:
    print(e)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.maps, cm.new_child({'c': 4})['c'], cm.parents)
cm['z'] = 0; print(cm.maps[0])
Point = namedtuple('Point', ['x', 'y'], defaults=[0])
print(Point(1), Point(1, 2)._asdict(), Point._field_defaults, Point.__doc__)
class Upper(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
u = Upper(); u['abc'] = 1; u.update(x=2)
print(u, u.data, 'ABC' in u, isinstance(u, dict))
class Stack(UserList):
    def peek(self): return self.data[-1]
s = Stack([1, 2]); s.append(3)
print(s, s.peek(), s + [4], type(s + [4]).__name__)
