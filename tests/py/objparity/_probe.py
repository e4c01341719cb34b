# Shared by the object-model parity probes of this directory (issue 4): each printed line is
# one call with its result, or its exception type and message, compared with CPython 3.14.2.
# `from _probe import *` gives the names of __all__ (underscore names included).
import re, sys, warnings
# Deprecation warnings raised by probed calls are part of the output, as they were when
# these helpers lived in each __main__ script.
warnings.filterwarnings('default', category=DeprecationWarning, module='_probe')
__all__ = ['_addr', '_fmt', '_call', 'ARGSETS', 'SKIP', 'sweep', 'p']
_addr = re.compile(r'0x[0-9a-fA-F]+')
def _fmt(r):
    try:
        if type(r) in (set, frozenset):  # string hashes differ between 32 and 64 bits
            s = '%s{%s}' % (type(r).__name__, ', '.join(sorted(map(repr, r))))
        else:
            s = repr(r)
    except BaseException as e:
        s = '<repr failed %s>' % type(e).__name__
    s = _addr.sub('0x?', s)
    if len(s) > 160: s = s[:160] + '...'
    return s
def _call(f, a, k):
    try:
        return _fmt(f(*a, **k))
    except BaseException as e:
        return '!! %s: %s' % (type(e).__name__, _addr.sub('0x?', str(e))[:200])
ARGSETS = [((), {}), ((None,), {}), (('x',), {}), ((1.5,), {}), ((-1,), {}), ((2**100,), {}),
           ((True,), {}), ((0, 0), {}), ((1, 2, 3, 4, 5), {}), ((), {'x': 1})]
SKIP = {'__sizeof__', '__hash__', '__globals__', '__builtins__', '_co_code_adaptive', 'co_lines', 'co_positions', 'co_branches', '__getattribute__', '__init_subclass__', '__subclasshook__',
        '__dir__', '__class__', '__doc__', '__new__', '__reduce__', '__delattr__', '__setattr__'}
def sweep(label, make, names=None, skip=()):
    obj = make()
    for name in sorted(names or dir(obj)):
        if name in SKIP: continue
        try:
            attr = getattr(obj, name)
        except BaseException as e:
            print(label, name, 'getattr !!', type(e).__name__); continue
        if not callable(attr):
            print(label, name, '=', _fmt(attr)); continue
        for a, k in ARGSETS:
            if (name, a) in skip: continue
            o = make()
            f = getattr(o, name)
            print(label, name, _fmt(a), k or '', _call(f, a, k))
def p(src, g=None):
    g = g if g is not None else sys._getframe(1).f_globals
    try:
        r = _fmt(eval(src, g))
    except BaseException as e:
        r = '!! %s: %s' % (type(e).__name__, _addr.sub('0x?', str(e))[:200])
    print(src, '->', r)
