# The Pickler/Unpickler hooks: persistent_id, persistent_load, dispatch_table,
# reducer_override, fast mode, memo proxies, copyreg's extension registry, fix_imports.
import pickle, io, copyreg, collections


class Ref:
    def __init__(self, key):
        self.key = key


class PidPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Ref):
            return 'ref:' + obj.key
        return None


class PidUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'loaded-' + pid


for proto in range(6):
    f = io.BytesIO()
    PidPickler(f, proto).dump([Ref('a'), 1, Ref('b')])
    print(proto, f.getvalue().hex())
    f.seek(0)
    print(PidUnpickler(f).load())

# persistent_id / persistent_load as instance attributes.
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.persistent_id = lambda obj: 'X' if obj == 42 else None
p.dump([41, 42])
print(f.getvalue().hex())
f.seek(0)
u = pickle.Unpickler(f)
u.persistent_load = lambda pid: 'pid=' + pid
print(u.load())
try:
    pickle.loads(f.getvalue())
except pickle.UnpicklingError as e:
    print(type(e).__name__, e)

# protocol 0 persistent ids must be ASCII.
f = io.BytesIO()
p = pickle.Pickler(f, 0)
p.persistent_id = lambda obj: 'caf\xe9' if obj == 1 else None
try:
    p.dump([1])
except pickle.PicklingError as e:
    print(type(e).__name__, e)


# dispatch_table: per pickler and as a class attribute.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def reduce_point(p):
    return (Point, (p.x * 10, p.y))


f = io.BytesIO()
p = pickle.Pickler(f, 3)
p.dispatch_table = {Point: reduce_point}
p.dump(Point(1, 2))
print(f.getvalue().hex(), vars(pickle.loads(f.getvalue())))


class TablePickler(pickle.Pickler):
    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[Point] = reduce_point


f = io.BytesIO()
TablePickler(f, 4).dump([Point(3, 4)])
print(f.getvalue().hex(), vars(pickle.loads(f.getvalue())[0]))


# reducer_override, also for classes and functions.
class Override(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is int:
            return (str, ('int-was-here',))
        if isinstance(obj, float):
            return (int, (int(obj),))
        return NotImplemented


for proto in (2, 5):
    f = io.BytesIO()
    Override(f, proto).dump([int, 2.5, 'x', str])
    print(proto, f.getvalue().hex(), pickle.loads(f.getvalue()))

# state_setter (the sixth item of __reduce__).
def set_state(obj, state):
    obj.set_by = state


class WithSetter:
    def __reduce__(self):
        return (WithSetter, (), 'st', None, None, set_state)


data = pickle.dumps(WithSetter(), 5)
print(data.hex(), pickle.loads(data).set_by)

# listitems / dictitems iterators.
class Bag:
    def __init__(self):
        self.items = []
        self.d = {}
    def append(self, x):
        self.items.append(x)
    def __setitem__(self, k, v):
        self.d[k] = v
    def __reduce__(self):
        return (Bag, (), None, iter([1, 2, 3]), iter([('a', 1)]))


for proto in (0, 1, 2):
    b = pickle.loads(pickle.dumps(Bag(), proto))
    print(proto, pickle.dumps(Bag(), proto).hex(), b.items, b.d)

# fast mode: no memo, so shared objects are written twice.
shared = [1]
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = True
p.dump([shared, shared])
print(p.fast, p.bin, f.getvalue().hex())
nest = []
for _ in range(60):
    nest = [nest]
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = True
p.dump(nest)
print(len(f.getvalue()))
cyc = []
cyc.append(cyc)
p = pickle.Pickler(io.BytesIO(), 2)
p.fast = True
try:
    p.dump(cyc)
except ValueError as e:
    print(type(e).__name__, str(e).split(' at ')[0])

# memo proxies.
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump(['a', 'b'])
m = p.memo.copy()
print(sorted(v[0] for v in m.values()), sorted(repr(v[1]) for v in m.values()))
p.dump(['a'])
print(f.getvalue().hex())
p.clear_memo()
print(len(p.memo.copy()))
p.memo = m
print(len(p.memo.copy()))
u = pickle.Unpickler(io.BytesIO(pickle.dumps(['q', 'r'], 2)))
u.load()
print(u.memo.copy())
u.memo.clear()
print(u.memo.copy())
try:
    p.memo = 5
except TypeError as e:
    print(e)

# copyreg's extension registry: EXT1/EXT2/EXT4.
for code in (240, 0x1234, 0x123456):
    copyreg.add_extension('collections', 'OrderedDict', code)
    try:
        for proto in (1, 2, 4):
            data = pickle.dumps(collections.OrderedDict, proto)
            print(code, proto, data.hex(), pickle.loads(data) is collections.OrderedDict)
    finally:
        copyreg.remove_extension('collections', 'OrderedDict', code)

# fix_imports: Python 3 names written as Python 2 ones before protocol 3, and read back.
for proto in (0, 1, 2, 3):
    for fix in (True, False):
        data = pickle.dumps([set, range, IOError, collections.UserDict], proto, fix_imports=fix)
        print(proto, fix, data.hex())
        print(pickle.loads(data))
print(pickle.loads(b'c__builtin__\nset\np0\n((lp1\nI1\natp2\nRp3\n.'))
try:
    pickle.loads(b'c__builtin__\nset\np0\n.', fix_imports=False)
except ImportError as e:
    print(type(e).__name__, e)

# Python 2 strings: encoding and errors.
print(pickle.loads(b"S'abc'\np0\n."))
print(pickle.loads(b"S'a\\nb\\x41'\np0\n.", encoding='bytes'))
print(pickle.loads(b"U\x03caf."[:2] + b'c\xe9f.', encoding='latin1'))
print(pickle.loads(b'T\x03\x00\x00\x00c\xe9f.', encoding='bytes'))
print(pickle.loads(b'U\x03c\xe9f.', encoding='ascii', errors='replace'))
try:
    pickle.loads(b'U\x03c\xe9f.')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(pickle.loads(b'\x80\x02]q\x00(U\x01aq\x01U\x01bq\x02e.', encoding='utf-8'))

# Unpickler.find_class and its restrictions.
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == 'builtins' and name == 'range':
            return super().find_class(module, name)
        raise pickle.UnpicklingError('global %s.%s is forbidden' % (module, name))


print(Restricted(io.BytesIO(pickle.dumps(range(3)))).load())
try:
    Restricted(io.BytesIO(pickle.dumps(len))).load()
except pickle.UnpicklingError as e:
    print(type(e).__name__, e)
print(pickle.Unpickler(io.BytesIO(b'')).find_class('collections', 'OrderedDict'))
u = pickle.Unpickler(io.BytesIO(b''))
try:
    u.find_class('collections', 'OrderedDict.nope')
except AttributeError as e:
    print(type(e).__name__, e)

# Subclasses that skip __init__.
class NoInit(pickle.Pickler):
    def __init__(self):
        pass


try:
    NoInit().dump(1)
except pickle.PicklingError as e:
    print(type(e).__name__, e)


class NoInitU(pickle.Unpickler):
    def __init__(self):
        pass


try:
    NoInitU().load()
except pickle.UnpicklingError as e:
    print(type(e).__name__, e)
