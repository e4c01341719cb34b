# Object-model parity probe (issue 4): what CPython 3.14.2 prints for the same calls.
# gi_code/cr_code/ag_code, gi_frame, gi_running, gi_suspended before, during and after the run.
import types, sys
def g():
    yield 1
    yield 2
async def co():
    return 1
async def ag():
    yield 1
def fmt(x):
    if isinstance(x, types.CodeType): return 'code %s' % x.co_name
    if isinstance(x, types.FrameType): return 'frame %s' % x.f_code.co_name
    return repr(x)
def show(label, o, pre):
    vals = [fmt(getattr(o, pre + a)) for a in ('code', 'frame', 'running', 'suspended')]
    print(label, *vals)
def during():
    me = sys._getframe()
    return me
x = g(); show('gen new', x, 'gi_'); next(x); show('gen suspended', x, 'gi_'); list(x); show('gen done', x, 'gi_')
x = g(); next(x); x.close(); show('gen closed', x, 'gi_')
x = g(); x.close(); show('gen closed early', x, 'gi_')
def gr():
    yield gen_self.gi_running, gen_self.gi_suspended, fmt(gen_self.gi_frame)
gen_self = gr(); print('gen running', next(gen_self))
def gexc():
    yield 1
    raise ValueError
x = gexc(); next(x)
try: next(x)
except ValueError: pass
show('gen raised', x, 'gi_')
c = co(); show('coro new', c, 'cr_')
try: c.send(None)
except StopIteration as e: print('coro result', e.value)
show('coro done', c, 'cr_')
print('cr_await', c.cr_await, 'cr_origin', c.cr_origin)
c = co(); c.close(); show('coro closed', c, 'cr_')
a = ag()
print('ag new', fmt(a.ag_code), fmt(a.ag_frame), a.ag_running, a.ag_await)
try: a.asend(None).send(None)
except StopIteration as e: print('ag first', e.value)
try: a.asend(None).send(None)
except StopAsyncIteration: print('ag exhausted')
print('ag done', fmt(a.ag_code), fmt(a.ag_frame), a.ag_running, a.ag_await)
x = g(); del x
x = g(); f = x.gi_frame; list(x); print('frame after finish', f.f_code.co_name, f.f_lineno, f.f_generator)
import gc
x = g(); next(x); c2 = x.gi_code; del x; gc.collect(); print('code survives', c2.co_name)
