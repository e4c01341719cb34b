# dict operations, ordering after deletions, views, merging and errors.
d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
del d['b']
d['b'] = 4
print(d)
d.pop('a'); d['a'] = 5; d.update(z=0, c=30)
print(d, d.get('q'), d.get('q', 'dflt'), d.setdefault('n', []), d)
print(d.pop('nope', None), d.popitem(), d, 'a' in d, 'zz' not in d, len(d))
k = d.keys()
d['new'] = 1
print(k, len(k), 'new' in k, d.values(), d.items())
print({**d, 'a': 0}, d | {'x': 1}, {1: 1} | {1: 2})
d |= {'c': -1}
print(d)
print(dict([(1, 2), (3, 4)]), dict(a=1), dict({'x': 1}, y=2), dict.fromkeys('ab', 0), dict(zip('xy', [1, 2])))
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
try:
    {[]: 1}
except TypeError as e:
    print(e)
try:
    for key in d:
        d['other'] = 1
except RuntimeError as e:
    print(e)
print(d.keys() & {'a', 'x'}, sorted(d.keys() | {'q'}), d.keys() - {'a'} == set(d) - {'a'}, list(reversed(d)))
from collections import defaultdict
n = {}
for word in 'the cat and the hat and the bat'.split():
    n[word] = n.get(word, 0) + 1
print(n, sorted(n.items(), key=lambda kv: (-kv[1], kv[0])))
ints = {i: i * i for i in range(10)}
for i in range(0, 10, 3):
    del ints[i]
ints[0] = 'back'
print(ints, list(ints)[0], next(iter(ints.items())))
print({1: 'a', True: 'b', 1.0: 'c'}, {(1, 2): 3}[(1, 2)], d == dict(d), {1: 2} == {1: 2.0})
print(repr({}), str({'k': [1, {'n': None}]}), d.copy() is not d, type(d.keys()).__name__, type(d.items()).__name__)
x = {}
x['self'] = x
print(x)
