# collections.OrderedDict is the C type of Objects/odictobject.c: views, iterators,
# mutation errors, pickling, equality with order, move_to_end, popitem, subclasses.
from collections import OrderedDict as OD
import copy, gc, pickle, random, weakref

od = OD(a=1, b=2)
print(repr(od), od.keys(), od.values(), od.items())
print(type(od.keys()).__name__, type(iter(od)).__name__, type(reversed(od)).__name__)
print([c.__name__ for c in type(od.keys()).__mro__])
print([c.__name__ for c in type(od.values()).__mro__], [c.__name__ for c in type(od.items()).__mro__])
print(OD.__module__, OD.__qualname__, type(OD.__dict__['move_to_end']).__name__)
print(OD.__mro__)
try:
    od.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
try:
    for k in od:
        od['c'] = 3
except RuntimeError as e:
    print('RuntimeError', e)
od = OD(a=1, b=2)
try:
    for k in od:
        del od['a']
        od['z'] = 1
except RuntimeError as e:
    print('RuntimeError', e)
od = OD(a=1, b=2, c=3)
try:
    for k in od:
        od.move_to_end('a')
except RuntimeError as e:
    print('RuntimeError', e)
it = iter(od)
next(it)
od['q'] = 1
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    next(it)
except (RuntimeError, StopIteration) as e:
    print(type(e).__name__, e)
r = od.__reduce__()
print(r[0], r[1], r[2], r[3], list(r[4]))
print(pickle.loads(pickle.dumps(od)), pickle.loads(pickle.dumps(od, 0)))
print(copy.copy(od), copy.deepcopy(od), od.copy())
print(od == dict(od), od == OD(reversed(od.items())), dict(od) == od, od != OD(reversed(od.items())))
print(od.popitem(), od.popitem(last=False), od.popitem(False), od)
try:
    OD().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    OD().pop('x')
except KeyError as e:
    print('KeyError', e)
print(OD(a=1).pop('a'), OD(a=1).pop('b', 'dflt'), OD(a=1).pop(key='a'))
print(OD(a=1) | {'b': 2}, {'b': 2} | OD(a=1), type({'b': 2} | OD(a=1)).__name__)
o = OD(a=1)
o |= {'c': 3}
o |= [('d', 4)]
print(o)
print(OD.fromkeys('abc', 0), OD.fromkeys('ab'), OD.fromkeys(iterable='xy', value=1))
try:
    OD(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    OD([1])
except TypeError as e:
    print('TypeError', e)
try:
    OD([(1,)])
except ValueError as e:
    print('ValueError', e)
try:
    OD([(1, 2, 3)])
except ValueError as e:
    print('ValueError', e)
o = OD()
o['x'] = o
print(o)
print(OD(), repr(OD()))
print(hasattr(od, '__dict__'), od.__dict__)
od.attr = 5
print(od.__dict__, od.__reduce__()[2])
print(OD.setdefault.__doc__)
print(OD.__doc__)
try:
    hash(OD())
except TypeError as e:
    print('TypeError', e)

class S(OD):
    pass
s = S(a=1)
print(s, repr(s.keys()), type(s.copy()).__name__, S.fromkeys('ab'))
print(OD.__class_getitem__(int), OD[str, int])
o = OD(a=1, b=2)
print(list(reversed(o.items())), list(reversed(o.values())), list(reversed(o.keys())))
print(OD(a=1).__reduce_ex__(2)[0])
o = OD.fromkeys(range(5))
o.move_to_end(2)
o.move_to_end(3, last=False)
o.move_to_end(key=3, last=True)
print(list(o), o)
print(OD.pop.__text_signature__, OD.popitem.__text_signature__, OD.move_to_end.__text_signature__)
o = OD()
o.update([('a', 1)], b=2)
o.update({'c': 3})
o.update(OD(d=4))
class KeysOnly:
    def keys(self):
        return ['k']
    def __getitem__(self, key):
        return key * 2
o.update(KeysOnly())
print(o)
try:
    o.update(1, 2)
except TypeError as e:
    print('TypeError', e)
print(o.get('a'), 'a' in o, len(o), o['c'], o.setdefault('c', 9), o.setdefault('new'), o)
print(OD.__eq__(OD(a=1), 5), od.__ne__({}))
w = weakref.ref(od)
print(w() is od)
print(o.keys() & {'a', 'zz'}, o.keys() - {'a'} == set(o) - {'a'}, o.items() & {('a', 1)})
it = iter(OD(a=1, b=2).items())
print(next(it), next(it))
del o['a']
print(list(o))
try:
    del o['missing']
except KeyError as e:
    print('KeyError', e)
print(o.__sizeof__() > dict(o).__sizeof__())
ri = reversed(OD(a=1, b=2, c=3))
next(ri)
print(ri.__reduce__()[1])
print(isinstance(OD(), dict), issubclass(OD, dict))
o.clear()
print(o, len(o), list(o))

# Order kept through many insertions, deletions and resizes (keys with colliding hashes
# too), checked against a list model.
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, other):
        return isinstance(other, Collide) and self.v == other.v
    def __repr__(self):
        return 'C%d' % self.v
rng = random.Random(5)
o = OD()
model = []
for step in range(3000):
    k = rng.randrange(60)
    key = Collide(k) if k % 2 else k
    op = rng.random()
    if op < 0.5:
        if key not in model:
            model.append(key)
        o[key] = step
    elif op < 0.7:
        if key in model:
            model.remove(key)
            del o[key]
    elif op < 0.8 and model:
        last = rng.random() < 0.5
        k2 = model[rng.randrange(len(model))]
        o.move_to_end(k2, last)
        model.remove(k2)
        if last:
            model.append(k2)
        else:
            model.insert(0, k2)
    elif op < 0.9 and model:
        kk, _ = o.popitem(last=rng.random() < 0.5)
        model.remove(kk)
    if list(o) != model:
        print('mismatch at', step)
        break
print('model ok', len(o), list(o)[:5])

# Cycles through an OrderedDict are collected.
class A:
    pass
a = A()
o = OD(a=a)
a.o = o
fired = []
w = weakref.ref(a, lambda r: fired.append('freed'))
del a, o
gc.collect()
print(fired)

# __eq__ of a key that mutates the OrderedDict during lookups.
class EqMutates:
    def __init__(self, od):
        self.od = od
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.od.clear()
        return False
o = OD()
o[EqMutates(o)] = 1
print(EqMutates(o) in o, len(o))
o = OD()
o[EqMutates(o)] = 1
try:
    o.move_to_end(EqMutates(o))
except KeyError as e:
    print('KeyError')
o = OD()
o[EqMutates(o)] = 1
o[EqMutates(o)] = 2
print(len(o), len(list(o)))
