import gc, weakref
log = []
def cb(phase, info):
    log.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
print(log)
gc.callbacks.remove(cb)
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
# cycles through containers
class A: pass
def mk(kind):
    a = A()
    if kind == 'list': c = [a]; a.x = c
    elif kind == 'dict': c = {1: a}; a.x = c
    elif kind == 'set': c = set(); a.x = c; c.add(a)
    elif kind == 'tuple': l = []; c = (l, a); l.append(c)
    elif kind == 'frozenset':
        l=[]; c = frozenset([ (1,)]); a.x=c; a.l = l; l.append(a)
    elif kind == 'bytearray': a.x = a
    elif kind == 'deque':
        import collections; c = collections.deque([a]); a.x = c
    elif kind == 'odict':
        import collections; c = collections.OrderedDict(a=a); a.x = c
    elif kind == 'defaultdict':
        import collections; c = collections.defaultdict(None, a=a); a.x = c
    elif kind == 'func':
        def f(): return f
        a.x = f
    elif kind == 'gen':
        def g(): yield
        gg = g(); a.x = gg; gg.gi_frame.f_locals
    elif kind == 'cell':
        def o():
            x = a
            def i(): return x
            return i
        a.x = o()
    elif kind == 'method':
        class B:
            def m(self): pass
        b = B(); b.m2 = b.m
    elif kind == 'property':
        p = property(lambda s: 1); p.__doc__; a.x = p; 
        try: p.fget.x = a
        except Exception: pass
    elif kind == 'mappingproxy':
        import types
        d = {}; d['a'] = a; a.x = types.MappingProxyType(d)
    elif kind == 'ns':
        import types; n = types.SimpleNamespace(a=a); a.x = n
    elif kind == 'exc':
        try: raise ValueError
        except ValueError as e: a.x = e; e.a = a
    elif kind == 'partial':
        import functools; a.x = functools.partial(print, a)
    elif kind == 'iter':
        l = [a]; a.x = iter(l)
    elif kind == 'enumerate':
        l = [a]; a.x = enumerate(l)
    elif kind == 'zip':
        l = [a]; a.x = zip(l)
    elif kind == 'map':
        l = [a]; a.x = map(None, l)
    elif kind == 'slice':
        a.x = slice(a)
    elif kind == 'module':
        import types; m = types.ModuleType('m'); m.a = a; a.x = m
    elif kind == 'type':
        class T: pass
        T.a = a; a.x = T
    elif kind == 'memoryview':
        a.x = a
    elif kind == 'weakref':
        a.x = weakref.ref(a, lambda r: a)
    elif kind == 'classmethod':
        cm = classmethod(a); a.x = cm
    elif kind == 'staticmethod':
        cm = staticmethod(a); a.x = cm
    elif kind == 'super':
        class S:
            pass
        s = super(S, S()); a.x = s; a.s = S
    elif kind == 'chain':
        import itertools; a.x = itertools.chain([a])
    elif kind == 'context':
        import contextvars; v = contextvars.ContextVar('v'); v.set(a); a.x = contextvars.copy_context()
    elif kind == 'genericalias':
        a.x = list[a]
    elif kind == 'coroutine':
        async def co(): pass
        c = co(); a.x = c; a.c = c
        c.close()
    r = weakref.ref(a, lambda r: fired.append(kind))
    return r
for kind in ['list','dict','set','tuple','frozenset','deque','odict','defaultdict','func','gen','cell','method','property','mappingproxy','ns','exc','partial','iter','enumerate','zip','map','slice','module','type','weakref','classmethod','staticmethod','super','chain','context','genericalias','coroutine']:
    fired = []
    gc.collect()
    r = mk(kind)
    n = gc.collect()
    print(kind, fired, r() is None)
