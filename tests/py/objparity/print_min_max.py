# Object-model parity probe (issue 4): what CPython 3.14.2 prints for the same calls.
# print(), min() and max(): keyword parsing, argument errors, sep/end/file/flush handling.
import io
def t(src):
    try:
        r = repr(eval(src))
    except BaseException as e:
        r = '!! %s: %s' % (type(e).__name__, e)
    print(src, '->', r)
f = io.StringIO()
for fn in ['min', 'max']:
    for a in ["", "1", "1, 2", "[1, 2]", "[]", "1, 2, 3"]:
        for k in ["", "key=None", "default=0", "key=None, default=0", "x=1", "keys=1", "key=1", "default=0, x=1", "x=1, y=2, z=3",
                  "key=None, default=0, x=1", "**{'key': None, 'default': 1, 'foo': 2}", "**{1: 2}", "*[], key=abs", "key=abs, **{'key': None}",
                  "defaults=1", "Key=None"]:
            t('%s(%s)' % (fn, ', '.join(x for x in (a, k) if x)))
for k in ["sep=1", "end=1", "sep=b'', end=b''", "file=1", "file=None", "flush=1", "x=1", "seps=''", "sep='', x=1", "**{1: 2}",
          "sep=None, end=None, file=f, flush=None", "sep=1, end=2", "end=1, sep=2", "file=f, sep=1", "file=1, sep=1", "flush=f, file=f",
          "sep=str", "sep=[]", "**{'sep': '', 'Sep': 1}", "sep='', end='', file=f, flush=False, x=1", "Flush=1", "fil=f"]:
    t('print(1, 2, %s)' % k)
    t('print(%s)' % k)
for src in ["print.__text_signature__", "min.__text_signature__", "max.__doc__", "print.__doc__", "min.__doc__"]:
    t(src)
import sys, functools
class BadBool:
    def __bool__(self): raise ZeroDivisionError('bool')
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): self.parts.append('<flush>')
w = W()
for k in [dict(flush=BadBool()), dict(flush=1), dict(flush=0), dict(sep=1, flush=BadBool()), dict(sep='-', end='!')]:
    w.parts.clear()
    try:
        print('a', 'b', file=w, **k)
        print(k.keys(), w.parts)
    except BaseException as e:
        print(k.keys(), w.parts, '!!', type(e).__name__, e)
class NoWrite: pass
t("print('a', file=NoWrite())")
t("print(file=NoWrite())")
t("print(file=NoWrite(), end='')")
saved = sys.stdout
sys.stdout = None
r1 = print('lost output', sep=1)
del sys.stdout
try:
    print('x')
    r2 = 'printed'
except BaseException as e:
    r2 = '%s: %s' % (type(e).__name__, e)
sys.stdout = saved
print(r1, r2)
t("functools.partial(print, sep=1)('a', 'b')")
t("functools.partial(min, key=1)([1, 2])")
t("min(*[[3, 1]], **{'key': lambda x: -x})")
t("max([], **{'default': None})")
t("min.__call__(1, 2, key=lambda x: -x)")
t("max(iter([1, 5, 2]), key=None, default=9)")
t("min(1, 2, default=None)")
t("min(x for x in [])")
t("max(1)")
t("max(None)")
t("min([1, 'a'])")
