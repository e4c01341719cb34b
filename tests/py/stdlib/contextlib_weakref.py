# contextlib helpers and weakref (deterministic under reference counting).
import contextlib, weakref, gc, io
@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    yield name
    print(f'</{name}>')
with tag('a'), tag('b') as t:
    print('inside', t)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    print('captured')
print(repr(out.getvalue()))
with contextlib.nullcontext('value') as v:
    print(v)
class Res:
    def close(self): print('closed')
with contextlib.closing(Res()):
    print('using')
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in 'xy']
    stack.callback(print, 'callback ran')
    print(names)
@contextlib.contextmanager
def failing():
    yield
    print('not reached on error')
try:
    with failing():
        raise ValueError('boom')
except ValueError as e:
    print('propagated', e)
class Dec(contextlib.ContextDecorator):
    def __enter__(self): print('dec enter'); return self
    def __exit__(self, *exc): print('dec exit'); return False
@Dec()
def decorated(): print('decorated body')
decorated()
@contextlib.contextmanager
def chdir_free(): yield 'ok'
with chdir_free() as val, contextlib.suppress(KeyError):
    {}['x']
print(val)
class Obj:
    def __init__(self, name): self.name = name
    def __repr__(self): return f'Obj({self.name})'
o = Obj('a')
r = weakref.ref(o)
print(r() is o, r)if False else print(r() is o)
def gone(ref): print('callback: referent gone')
r2 = weakref.ref(o, gone)
del o
gc.collect()
print(r(), r2())
d = weakref.WeakValueDictionary()
keep = Obj('kept'); tmp = Obj('temp')
d['k'] = keep; d['t'] = tmp
del tmp
print(sorted(d.keys()))
ws = weakref.WeakSet([keep])
print(len(ws), keep in ws)
p = weakref.proxy(keep)
print(p.name, repr(p.name))
fin = weakref.finalize(Obj('f'), print, 'finalizer ran')
print(fin.alive)
try:
    weakref.ref(5)
except TypeError as e:
    print(e)
