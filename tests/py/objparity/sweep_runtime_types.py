# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
import types
def g():
    yield 1
async def co(): pass
def mk_cell():
    x = 1
    return (lambda: x).__closure__[0]
sweep('generator', lambda: g())
def mkco():
    c = co()
    c.close()
    return c
sweep('coroutine', mkco, skip={('send', ()), ('throw', ())})
sweep('cell', mk_cell)
sweep('code', lambda: g.__code__, names=[n for n in dir(g.__code__) if n not in ('co_code', 'co_linetable', 'co_exceptiontable', '_varname_from_oparg', 'replace', '__replace__')])
sweep('module', lambda: types.ModuleType('m'))
sweep('SimpleNamespace', lambda: types.SimpleNamespace(a=1))
sweep('GenericAlias', lambda: list[int], names=[n for n in dir(list[int]) if n.startswith('__') and n in dir(types.GenericAlias)])
sweep('Union', lambda: int | str)
sweep('NoneType', lambda: None)
sweep('ellipsis', lambda: ...)
sweep('NotImplementedType', lambda: NotImplemented)
