# __hash__ / __eq__ / __lt__ / __del__ that mutate the container being probed, sorted or
# iterated: CPython's RuntimeError or consistent results, never a crash.
import gc

def attempt(label, fn):
    try:
        r = fn()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)

# dict: __eq__ that clears / resizes the dict during a lookup.
class EqClears:
    def __init__(self, d, h=1):
        self.d = d
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        self.d.clear()
        return False

d = {}
d[EqClears(d)] = 1
attempt('dict lookup clear', lambda: EqClears(d) in d)
print(len(d))

class EqGrows:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 7
    def __eq__(self, other):
        for i in range(100):
            self.d[('grow', i)] = i
        return False
d = {}
d[EqGrows(d)] = 1
attempt('dict lookup grow', lambda: d.get(EqGrows(d), 'missing'))
print(len(d))
d2 = {}
d2[EqGrows(d2)] = 1
def insert():
    d2[EqGrows(d2)] = 2
    return len(d2)
attempt('dict insert grow', insert)

# dict iteration while a key's __eq__ or the loop body mutates it.
d = {i: i for i in range(10)}
def iter_mutate():
    for k in d:
        d[k + 100] = 1
attempt('dict iter add', iter_mutate)
d = {i: i for i in range(10)}
def iter_delete():
    for k in d:
        del d[k]
attempt('dict iter delete', iter_delete)
d = {i: i for i in range(10)}
def iter_values():
    for v in d.values():
        d.pop(v)
attempt('dict values pop', iter_values)
d = {i: i for i in range(10)}
def iter_items_same_size():
    out = []
    for k, v in d.items():
        if k == 3:
            del d[9]
            d[99] = 99
        out.append(k)
    return out
attempt('dict items same size', iter_items_same_size)

# dict.__repr__ with a value whose repr mutates the dict.
class ReprMutates:
    def __init__(self, d):
        self.d = d
    def __repr__(self):
        self.d.clear()
        return 'R'
d = {1: None, 2: None}
d[1] = ReprMutates(d)
d[2] = ReprMutates(d)
attempt('dict repr clear', lambda: repr(d))

# dict comparison where __eq__ mutates the other dict.
class EqMutatesOther:
    def __init__(self, other):
        self.other = other
    def __eq__(self, o):
        self.other.clear()
        return True
    __hash__ = object.__hash__
a = {}
b = {}
a[1] = EqMutatesOther(b)
b[1] = EqMutatesOther(a)
attempt('dict == mutate', lambda: a == b)

# set: __eq__ that clears the set during lookup / add / discard.
class SetEq:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return 3
    def __eq__(self, other):
        self.s.clear()
        return False
s = set()
s.add(SetEq(s))
attempt('set contains clear', lambda: SetEq(s) in s)
s = set()
s.add(SetEq(s))
attempt('set add clear', lambda: s.add(SetEq(s)) or len(s))
s = set()
s.add(SetEq(s))
attempt('set discard clear', lambda: s.discard(SetEq(s)) or len(s))
s = set(range(10))
def set_iter():
    for x in s:
        s.add(x + 100)
attempt('set iter add', set_iter)
s = set(range(10))
def set_iter_same_size():
    for x in s:
        s.discard(x)
        s.add(x + 100)
attempt('set iter same size', set_iter_same_size)

# set operations where __eq__ mutates the other operand.
class SetEqOther:
    def __init__(self, other):
        self.other = other
    def __hash__(self):
        return 5
    def __eq__(self, o):
        self.other.clear()
        return False
s1 = set()
s2 = set()
s1.add(SetEqOther(s2))
s2.add(SetEqOther(s1))
attempt('set & mutate', lambda: len(s1 & s2))
s1 = set()
s2 = set()
s1.add(SetEqOther(s2))
s2.add(SetEqOther(s1))
attempt('set - mutate', lambda: len(s1 - s2))
s1 = set()
s2 = set()
s1.add(SetEqOther(s2))
s2.add(SetEqOther(s1))
attempt('set ^ mutate', lambda: len(s1 ^ s2))
s1 = set()
s2 = set()
s1.add(SetEqOther(s2))
s2.add(SetEqOther(s1))
attempt('set issubset mutate', lambda: s1.issubset(s2))

# list: sort with a key/compare that mutates the list.
l = list(range(20))
def sort_mutate_key():
    l.sort(key=lambda x: l.append(x) or x)
attempt('list sort key append', sort_mutate_key)
print(len(l))
class LtMutates:
    def __init__(self, v, lst):
        self.v = v
        self.lst = lst
    def __lt__(self, other):
        self.lst.clear()
        return self.v < other.v
l = []
l.extend(LtMutates(i, l) for i in range(10, 0, -1))
attempt('list sort lt clear', lambda: l.sort())
print(len(l))
l = list(range(10))
class EqPops:
    def __eq__(self, other):
        l.pop()
        return False
attempt('list index pop', lambda: l.index(EqPops()))
l = list(range(10))
attempt('list count pop', lambda: l.count(EqPops()))
l = list(range(10))
attempt('list contains pop', lambda: EqPops() in l)
l = list(range(10))
attempt('list remove pop', lambda: l.remove(EqPops()))
l = [EqPops() for _ in range(5)]
l2 = [EqPops() for _ in range(5)]
attempt('list == pop', lambda: l == l2)
l = list(range(5))
def list_iter_grow():
    n = 0
    for x in l:
        if n < 5:
            l.append(x)
        n += 1
    return n
attempt('list iter grow', list_iter_grow)
l = list(range(10))
def list_iter_shrink():
    out = []
    for x in l:
        l.pop(0)
        out.append(x)
    return out
attempt('list iter shrink', list_iter_shrink)
l = [3, 1, 2]
class EqClearsList:
    def __eq__(self, other):
        l.clear()
        return NotImplemented
attempt('list remove clear', lambda: l.remove(EqClearsList()))
attempt('list repr', lambda: repr([ReprMutates([])]))
l = []
class ReprClears:
    def __repr__(self):
        l.clear()
        return 'X'
l.extend([ReprClears(), ReprClears(), 1])
attempt('list repr clear', lambda: repr(l))

# __del__ that mutates the container holding the object.
class DelMutates:
    def __init__(self, c):
        self.c = c
    def __del__(self):
        if isinstance(self.c, dict):
            self.c['added_by_del'] = 1
        elif isinstance(self.c, list):
            self.c.append('added_by_del')
        else:
            self.c.add('added_by_del')
d = {}
d['x'] = DelMutates(d)
del d['x']
print('dict del', sorted(d))
d = {}
d['x'] = DelMutates(d)
d['x'] = 2
print('dict replace', sorted(d))
d = {}
d['x'] = DelMutates(d)
d.clear()
print('dict clear', sorted(d))
l = []
l.append(DelMutates(l))
l.pop()
print('list pop', l)
l = []
l.append(DelMutates(l))
l[0] = 5
print('list setitem', l)
l = []
l.append(DelMutates(l))
l.append(DelMutates(l))
l.clear()
print('list clear', l)
l = [DelMutates(None) for _ in range(0)]
l = []
l.extend(DelMutates(l) for _ in range(3))
del l[:]
print('list del slice', l)
s = set()
s.add(DelMutates(s))
s.clear()
print('set clear', s)
l = []
l.append(DelMutates(l))
l.append(DelMutates(l))
l.sort(key=id)
l[:] = []
print('list slice assign', sorted(map(str, l)))

# Hash that raises mid-rehash; keys whose hash changes.
class BadHash:
    n = 0
    def __hash__(self):
        BadHash.n += 1
        if BadHash.n > 3:
            raise ValueError('bad hash')
        return BadHash.n
try:
    {BadHash(): i for i in range(10)}
except ValueError as e:
    print('dict bad hash', e)
try:
    set(BadHash() for i in range(10))
except ValueError as e:
    print('set bad hash', e)
gc.collect()
print('done')
