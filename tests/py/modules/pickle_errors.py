# The pickler's and unpickler's errors and their messages (with 3.14's notes).
import pickle, io, re


def show(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        msg = re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x?', str(e))
        notes = getattr(e, '__notes__', None)
        print(type(e).__name__, msg, notes if notes else '')
    else:
        print('ok', re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x?', repr(r))[:100])


# Truncated data, at every prefix of a few pickles.
for obj in ([1, 'ab', b'cd', 2.5, (None, True)], {'k': 10**30}):
    for proto in (0, 2, 5):
        data = pickle.dumps(obj, proto)
        for n in range(len(data)):
            try:
                pickle.loads(data[:n])
            except Exception as e:
                print(proto, n, type(e).__name__, e)
            else:
                print(proto, n, 'ok')

show(pickle.loads, b'')
show(pickle.loads, b'z')
show(pickle.loads, b'\xff')
show(pickle.loads, b"'")
show(pickle.loads, b'\\')
show(pickle.loads, b'\x80\x06N.')
show(pickle.loads, b'0')
show(pickle.loads, b'N(0')
show(pickle.loads, b't.')
show(pickle.loads, b'(N(N1t.')
show(pickle.loads, b'h\x05.')
show(pickle.loads, b'j\x05\x00\x00\x00.')
show(pickle.loads, b'g5\n.')
show(pickle.loads, b'(K\x01d.')
show(pickle.loads, b'}(K\x01u.')
show(pickle.loads, b'K\x01K\x02\x93.')
show(pickle.loads, b'P1\n.')
show(pickle.loads, b'K\x01Q.')
show(pickle.loads, b'I12x\n.')
show(pickle.loads, b'I99999999999999999999999\n.')
show(pickle.loads, b'Fnotafloat\n.')
show(pickle.loads, b'F1.5\n.')
show(pickle.loads, b'Sabc\n.')
show(pickle.loads, b'\x8a\x01\xff.')
show(pickle.loads, b'\x8b\xff\xff\xff\xff.')
show(pickle.loads, b'\x82\x00.')
show(pickle.loads, b'\x82\x05.')
show(pickle.loads, b'K\x01K\x02\x81.')
show(pickle.loads, b'N)\x81.')
show(pickle.loads, b'\x97.')
show(pickle.loads, b'\x97.', buffers=[])
show(pickle.loads, b'\x80\x05\x97\x98.', buffers=[bytearray(b'xy')])
show(pickle.loads, b'ccopy_reg\n_reconstructor\n.')
show(pickle.loads, b'cno_such_module\nname\n.')
show(pickle.loads, b'cbuiltins\nno_such_name\n.')
show(pickle.loads, b'N.extra')
show(pickle.loads, 'str data')
show(pickle.loads, b'N.', encoding=5)
show(pickle.loads, b'N.', bogus=1)
show(pickle.Unpickler, 5)
show(pickle.Pickler, 5)
show(pickle.dumps, 1, 6)
show(pickle.dumps, 1, -1)
show(pickle.dumps, 1, 'x')
show(pickle.dumps, 1, 4, buffer_callback=print)


def outer():
    def inner():
        pass
    return inner


class C:
    pass


lam = lambda: 0
show(pickle.dumps, outer())
show(pickle.dumps, lam)
show(pickle.dumps, [1, (2, lam)])
show(pickle.dumps, {'key': [lam]})
show(pickle.dumps, {1: {2: lam}}, 0)
show(pickle.dumps, [lam], 0)
show(pickle.dumps, {lam}, 4)
show(pickle.dumps, frozenset({lam}), 4)


class BadReduce:
    def __init__(self, r):
        self.r = r
    def __reduce__(self):
        return self.r


for r in (5, (), (1,), (len, ()), (5, ()), (len, 5), (len, (), None, 5),
          (len, (), None, None, 5), (len, (), None, None, None, 5), (1, 2, 3, 4, 5, 6, 7)):
    show(pickle.dumps, BadReduce(r), 2)

import copyreg


class NewObj:
    def __reduce__(self):
        return (copyreg.__newobj__, (5,))


class NewObjWrong:
    def __reduce__(self):
        return (copyreg.__newobj__, (int,))


class NewObjEmpty:
    def __reduce__(self):
        return (copyreg.__newobj__, ())


for cls in (NewObj, NewObjWrong, NewObjEmpty):
    show(pickle.dumps, cls(), 2)


class Unpicklable:
    def __reduce__(self):
        raise TypeError('no way')


show(pickle.dumps, [Unpicklable()])
show(pickle.dumps, {'a': Unpicklable()})
show(pickle.dumps, (Unpicklable(),))
import threading
show(pickle.dumps, threading.Lock())
show(pickle.dumps, [1, [2, [threading.Lock()]]], 3)


class NotFound:
    pass


NotFound.__qualname__ = 'Missing'
show(pickle.dumps, NotFound)


class Other:
    pass


Alias = Other
Other.__qualname__ = 'Alias2'
Alias2 = C
show(pickle.dumps, Other)


class ModuleLess:
    pass


ModuleLess.__module__ = 'no_such_module_here'
show(pickle.dumps, ModuleLess)
show(pickle.dumps, ModuleLess, 0)


class NonAscii:
    pass


NonAscii.__qualname__ = 'caf\xe9'
globals()['caf\xe9'] = NonAscii
for proto in range(6):
    show(pickle.dumps, NonAscii, proto)

show(pickle.dumps, 1, protocol=2, fix_imports=0)
show(pickle.Pickler(io.BytesIO()).dump, 1)


class NoWrite:
    pass


show(pickle.Pickler, NoWrite())
show(pickle.Unpickler, NoWrite())
show(pickle.load, io.BytesIO(b''))
show(pickle.load, io.BytesIO(b'\x80\x04\x95'))
