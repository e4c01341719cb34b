# Code and function objects: attributes, flags, co_* tuples, inspect helpers.
import inspect, dis
def sample(a, b=1, *args, c, d=2, **kw):
    """Sample docstring."""
    local = a + b
    def inner():
        return local
    return inner
code = sample.__code__
print(code.co_name, code.co_qualname, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_nlocals)
print(code.co_varnames, code.co_cellvars, code.co_freevars, code.co_filename, code.co_firstlineno)
print(bool(code.co_flags & inspect.CO_VARARGS), bool(code.co_flags & inspect.CO_VARKEYWORDS), bool(code.co_flags & inspect.CO_NESTED))
inner = sample(1, c=3)
print(inner.__code__.co_freevars, bool(inner.__code__.co_flags & inspect.CO_NESTED), inner.__qualname__, inner())
def gen(): yield
async def coro(): pass
async def agen(): yield
for f in [sample, gen, coro, agen]:
    print(f.__name__, inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f), inspect.isasyncgenfunction(f),
          bool(f.__code__.co_flags & inspect.CO_GENERATOR), bool(f.__code__.co_flags & inspect.CO_COROUTINE))
sig = inspect.signature(sample)
print(sig, list(sig.parameters), [p.kind.name for p in sig.parameters.values()], sig.parameters['b'].default)
print(inspect.getdoc(sample), sample.__doc__, inspect.isfunction(sample), inspect.isbuiltin(len), inspect.ismethod(sample))
bound = sig.bind(1, 2, 3, c=4, e=5)
print(bound.arguments, bound.args, bound.kwargs)
try:
    sig.bind()
except TypeError as e:
    print(e)
print([line for line in inspect.getsource(sample).splitlines()][:2])
lines = [(i.opname, i.argval) for i in dis.get_instructions(lambda x: x + 1)]
print(lines)
print(sample.__code__.co_consts[0], type(sample.__code__.co_code).__name__, len(code.co_lnotab) >= 0 if False else 'skip')
print(list(code.co_positions())[0][:2] if False else 'positions', sample.__code__.replace(co_name='renamed').co_name)
print(sorted(a for a in dir(code) if a.startswith('co_'))[:8])
