import builtins

class M:
    def __init__(self, d):
        self.d = d
        self.log = []
    def __getitem__(self, k):
        self.log.append(k)
        return self.d[k]
    def keys(self):
        return self.d.keys()

class MD(dict):
    def __missing__(self, k):
        return 'missing:' + k

def show(label, fn):
    try:
        r = fn()
        print(label, 'ok', repr(r))
    except BaseException as e:
        print(label, type(e).__name__, e)

m = M({'len': lambda x: 'mylen', 'print': print, '__build_class__': builtins.__build_class__,
       '__import__': builtins.__import__})
g = {'__builtins__': m}
show('eval len', lambda: eval('len([1,2])', g))
print(m.log)
show('eval missing', lambda: eval('nosuch', g))
show('exec missing', lambda: exec('x = nosuch', g))
show('exec func', lambda: exec('def f():\n    return len("abc")\nr = f()', g))
print(g.get('r'))
f = g['f']
print(type(f.__builtins__).__name__, f.__builtins__ is m)
show('func missing', lambda: exec('def h():\n    return undefined_name\n', g) or g['h']())
# loop so LOAD_GLOBAL specializes
show('loop', lambda: exec('def k():\n    t = 0\n    for i in range(3):\n        t += len("x")\n    return t\n', {'__builtins__': {'len': len, 'range': range}}) )
g2 = {'__builtins__': m}
exec('def k():\n    out = []\n    for i in [1,2,3,4,5,6,7,8,9,10]:\n        out.append(len(i))\n    return out\n', g2)
print(g2['k']())
print(g2['k']())
# class body: LOAD_NAME
show('class', lambda: exec('class C:\n    y = len("ab")\nz = C.y', g))
print(g.get('z'))
show('class missing', lambda: exec('class D:\n    y = nope\n', g))
# import under custom builtins
show('import', lambda: exec('import sys as s\nok = s.version_info[0]', g))
print(g.get('ok'))
# builtins as dict subclass with __missing__
g3 = {'__builtins__': MD(len=len)}
show('md eval', lambda: eval('foo', g3))
show('md func', lambda: (exec('def q():\n    return bar\n', g3), g3['q']())[1])
show('md name', lambda: eval('len', g3))
# builtins as a non-mapping
g4 = {'__builtins__': 42}
show('int eval', lambda: eval('abc', g4))
show('int eval2', lambda: eval('1+1', g4))
g5 = {'__builtins__': None}
show('none eval', lambda: eval('abc', g5))
# module as builtins
import types
mod = types.ModuleType('fakeb')
mod.len = lambda x: 'modlen'
g6 = {'__builtins__': mod}
show('module', lambda: eval('len(1)', g6))
# function made by FunctionType under such globals
code = compile('len', '<s>', 'eval')
def mk():
    return types.FunctionType((lambda: len).__code__, {'__builtins__': m})
fn = mk()
show('ftype', lambda: fn()('q'))
print(type(fn.__builtins__).__name__)
# frame f_builtins
import sys
exec('import sys\nfb = sys._getframe().f_builtins', g)
print(type(g['fb']).__name__, g['fb'] is m)
# __build_class__ missing
g7 = {'__builtins__': M({})}
show('no build_class', lambda: exec('class E: pass', g7))
show('no import', lambda: exec('import os', g7))
# NameError suggestions with mapping builtins (traceback printing)
import traceback
try:
    exec('lenn', {'__builtins__': M({'len': len})})
except NameError as e:
    print(''.join(traceback.format_exception_only(e)), end='')
# exec without __builtins__ nested inside custom builtins
g8 = {'__builtins__': m}
exec('g9 = {}\nexec("y = 1", g9)\nres = type(g9["__builtins__"]).__name__', {'__builtins__': {'exec': exec, 'type': type}})
g10 = {'__builtins__': {'exec': exec, 'type': type}}
exec('g9 = {}\nexec("y = 1", g9)\nres = type(g9["__builtins__"]).__name__\nsame = g9["__builtins__"] is __builtins__', g10)
print(g10['res'], g10['same'])

# NameError with a traceback: suggestions from a mapping's keys, and from one that cannot list
class L(M):
    def __iter__(self):
        return iter(self.d)
def run_tb(bmap, src):
    try:
        exec(src, {'__builtins__': bmap})
    except NameError as e:
        try:
            lines = traceback.format_exception(e)
        except Exception as e2:
            print('format_exception:', type(e2).__name__, e2)
        else:
            print(lines[-1], end='')
run_tb(L({'length': len}), 'lengt')
run_tb(M({'length': len}), 'lengt')
run_tb({'length': len}, 'lengt')
# the builtins a function saw when it was made are kept even if globals change later
gb = {'__builtins__': L({'len': lambda x: 'first'})}
exec('def use():\n    return len(0)\n', gb)
gb['__builtins__'] = L({'len': lambda x: 'second'})
print(gb['use']())
exec('def use2():\n    return len(0)\n', gb)
print(gb['use2'](), gb['use']())
# a __getitem__ raising something other than KeyError propagates
class Bad:
    def __getitem__(self, k):
        raise ZeroDivisionError('bad ' + k)
show('bad getitem', lambda: eval('abc', {'__builtins__': Bad()}))
show('bad getitem func', lambda: (exec('def z():\n    return qq\n', gb2 := {'__builtins__': Bad()}), gb2['z']())[1])
# range and iterator pickling fetch iter through the builtins mapping
show('range reduce', lambda: eval('r.__reduce__()', {'__builtins__': L({'iter': 'ITER'}), 'r': iter(range(3))}))
show('range reduce missing', lambda: eval('r.__reduce__()', {'__builtins__': L({}), 'r': iter(range(3))}))
show('list iter reduce', lambda: eval('r.__reduce__()', {'__builtins__': L({'iter': 'ITER'}), 'r': iter([1])}))
# LOAD_GLOBAL in a hot loop with a dict builtins that changes (specialized, then deopt)
gd = {'__builtins__': {'len': len, 'range': range}}
exec('def hot():\n    t = 0\n    for i in range(50):\n        t += len("ab")\n    return t\n', gd)
print(hot_r := gd['hot'](), gd['hot']())
gd['__builtins__']['len'] = lambda s: 100
print(gd['hot']())
del gd['__builtins__']['len']
show('hot missing', gd['hot'])
