"""Prints KEY<TAB>VALUE lines: the behaviour of the start-up modules (_thread, _warnings,
_contextvars and its HAMT, atexit, _abc, _stat, _string, gc, _weakref) that
tests/unit/coremods_*_test.cpp reproduce. Run on the reference by gen_expected.py."""
import re
import sys


def out(key, value):
    print(key + "\t" + value.replace("\\", "\\\\").replace("\n", "\\n"))


def e(f):
    try:
        return repr(f())
    except BaseException as x:  # noqa: BLE001
        return type(x).__name__ + ": " + str(x)


def strip(s):
    return re.sub(r"0x[0-9a-f]+", "ADDR", s)


# ---- contextvars ----
from _contextvars import ContextVar, Context, Token, copy_context
v = ContextVar("v")
w = ContextVar("w", default=5)
out("cv.repr", strip(repr([v, w, ContextVar("q", default=None)])))
out("cv.new_errors", repr([e(lambda: ContextVar(1)), e(lambda: ContextVar()), e(lambda: ContextVar("a", 1)),
                            e(lambda: ContextVar("a", default=1, x=2)), e(lambda: ContextVar("a", foo=1))]))
out("cv.get", repr([e(lambda: v.get()).split(" at ")[0], e(lambda: v.get(3)), e(lambda: w.get()), v.name,
                    e(lambda: v.get(1, 2))]))
out("cv.types", repr([e(lambda: Token()), e(lambda: Context(1)), e(lambda: Context(a=1)),
                      e(lambda: type("X", (ContextVar,), {})), repr(Token.MISSING), type(Token.MISSING).__name__,
                      Context.__module__, ContextVar.__module__]))
t = v.set(1)
t2 = v.set(2)
out("cv.tokens", strip(repr([repr(t), t.old_value is Token.MISSING, t2.old_value, t.var is v, v.get()])))
out("cv.reset_errors", strip(repr([e(lambda: v.reset(1)), e(lambda: w.reset(t))])))
v.reset(t2)
out("cv.after_reset", strip(repr([v.get(), e(lambda: v.reset(t2)), repr(t2)])))
ctx = copy_context()
out("cv.ctx", strip(repr([e(lambda: ctx[v]), e(lambda: ctx[1]), e(lambda: ctx[w]), e(lambda: ctx.get(w)),
                          e(lambda: ctx.get(w, 9)), v in ctx, e(lambda: 1 in ctx), len(ctx), list(ctx) == [v],
                          list(ctx.items()) == [(v, 1)], list(ctx.values()), ctx == copy_context(), e(lambda: hash(ctx)),
                          type(iter(ctx)).__name__, type(ctx.items()).__name__, type(ctx.values()).__name__])))
out("cv.run", strip(repr([e(lambda: ctx.run()), e(lambda: ctx.run(1)), e(lambda: ctx.run(lambda: ctx.run(int))),
                          e(lambda: ctx.run(v.set, 13)) != "", ctx[v], v.get(), e(lambda: ctx.get())])))
out("cv.other_ctx", strip(repr([e(lambda: Context().run(v.get)), e(lambda: Context().run(v.reset, t))])))
t3 = v.set(8)
out("cv.token_cm", strip(repr([t3.__enter__() is t3, t3.__exit__(None, None, None), v.get(), e(lambda: t3.__exit__(None, None, None))])))

# ---- _thread ----
import _thread
L = _thread.allocate_lock()
out("thread.lock_repr", strip(repr(L)).split(" at ")[0])
out("thread.lock_errors", repr([e(lambda: L.acquire(False, 1)), e(lambda: L.acquire(True, -2)),
                                 e(lambda: L.acquire(True, 1e300)), e(lambda: L.acquire(timeout="x")),
                                 e(lambda: L.acquire(1, 2, 3)), e(lambda: L.acquire(True, 2**70)),
                                 e(lambda: L.acquire(True, float("nan"))), e(lambda: L.acquire(foo=1))]))
out("thread.lock_ops", repr([L.acquire(0), L.locked(), L.acquire(False), L.acquire(True, 0.01), L.release(),
                              e(lambda: L.release()), L.acquire(blocking=True, timeout=-1), L.__exit__(None, None, None),
                              L.locked(), L.__enter__(), L.locked(), L.release()]))
out("thread.lock_type", repr([type(L) is _thread.LockType, _thread.LockType is _thread.lock,
                              e(lambda: _thread.lock(1)), e(lambda: _thread.lock(x=1)), repr(_thread.lock())[:25]]))
R = _thread.RLock()
out("thread.rlock", strip(repr([repr(R), e(lambda: R.release()), R.acquire(), R.acquire(), R._is_owned(),
                                R._recursion_count(), R.locked()])).replace(str(_thread.get_ident()), "ID"))
state = R._release_save()
out("thread.rlock2", repr([state == (2, _thread.get_ident()), R.locked(), e(lambda: R._release_save()),
                           R._acquire_restore((3, _thread.get_ident())), R._recursion_count(),
                           e(lambda: R._acquire_restore(1)), e(lambda: R._acquire_restore((1,))),
                           R.release(), R.release(), R.release(), R.locked(), strip(e(lambda: _thread.RLock(1, x=2)))]))
out("thread.module", repr([_thread.TIMEOUT_MAX, _thread.error, _thread._count(), _thread.daemon_threads_allowed(),
                           e(lambda: _thread.stack_size(1)), e(lambda: _thread.stack_size(-1)),
                           _thread.stack_size(1 << 20), _thread.stack_size(), _thread.stack_size(0),
                           e(lambda: _thread.stack_size(1, 2)), e(lambda: _thread.allocate(1)),
                           e(lambda: _thread.exit()), _thread._is_main_interpreter(),
                           _thread._get_main_thread_ident() == _thread.get_ident()]))
h = _thread._make_thread_handle(_thread.get_ident())
h2 = _thread._ThreadHandle()
out("thread.handle", repr([h.is_done(), h.ident == _thread.get_ident(), e(lambda: h.join(0)),
                           repr(h2), e(lambda: h2.join()), e(lambda: h2._set_done()), h2.is_done(),
                           e(lambda: h2.join("x")), e(lambda: _thread.start_new_thread(1, ())),
                           e(lambda: _thread.start_new_thread(print, 1)), e(lambda: _thread.start_new_thread(print, (), 1)),
                           e(lambda: _thread.start_joinable_thread(1)), e(lambda: _thread.start_joinable_thread(print, handle=1))]))
EH = _thread._ExceptHookArgs
out("thread.excepthook", repr([repr(EH((1, 2, 3, 4))), e(lambda: _thread._excepthook(1)),
                               _thread._excepthook(EH((SystemExit, SystemExit(), None, None)))]))
loc = _thread._local()
loc.x = 1
out("thread.local", repr([loc.x, loc.__dict__, e(lambda: setattr(loc, "__dict__", {})), e(lambda: loc.y),
                          e(lambda: delattr(loc, "y")), e(lambda: _thread._local(1)), _thread._local.__doc__]))

# ---- _warnings ----
import _warnings
out("warnings.filters", repr(_warnings.filters))
out("warnings.state", repr([_warnings._defaultaction, _warnings._onceregistry, type(_warnings._warnings_context).__name__]))
reg = {}
_warnings.filters.insert(0, ("error", None, UserWarning, None, 0))
out("warnings.error", repr([e(lambda: _warnings.warn_explicit("boom", UserWarning, "f.py", 3, "m", reg)),
                            e(lambda: _warnings.warn_explicit(UserWarning("inst"), None, "f.py", 4, "m", reg)),
                            e(lambda: _warnings.warn("plain")), e(lambda: _warnings.warn("plain", RuntimeWarning, 1))]))
_warnings.filters[0] = ("ignore", None, Warning, None, 0)
out("warnings.ignore", repr([_warnings.warn_explicit("q", UserWarning, "f.py", 3, "m", reg), reg]))
_warnings.filters[0] = ("bogus", None, Warning, None, 0)
out("warnings.bogus", repr([e(lambda: _warnings.warn_explicit("q", UserWarning, "f.py", 3, "m", None))]))
_warnings.filters[0] = ("error", "abc", Warning, "mod", 7)
out("warnings.match", repr([e(lambda: _warnings.warn_explicit("abc", UserWarning, "f.py", 7, "mod")),
                            e(lambda: _warnings.warn_explicit("abd", UserWarning, "f.py", 7, "mod")) == "None",
                            e(lambda: _warnings.warn_explicit("abc", UserWarning, "f.py", 8, "mod")) == "None"]))
_warnings.filters[0] = ("error", None, Warning, "mod", 0)
_warnings.filters.insert(1, ("error", None, Warning, "<unknown>", 0))
out("warnings.normalize", repr([e(lambda: _warnings.warn_explicit("n1", UserWarning, "mod.py", 1)),
                                e(lambda: _warnings.warn_explicit("n2", UserWarning, "", 1)),
                                e(lambda: _warnings.warn_explicit("n3", UserWarning, "mod.pyc", 1, None))]))
del _warnings.filters[1]
del _warnings.filters[0]
_warnings.filters.insert(0, 5)
out("warnings.badfilter", repr([e(lambda: _warnings.warn_explicit("x", UserWarning, "f.py", 1, "m"))]))
_warnings.filters[0] = (1, None, Warning, None, 0)
out("warnings.badaction", repr([e(lambda: _warnings.warn_explicit("x", UserWarning, "f.py", 1, "m"))]))
del _warnings.filters[0]
out("warnings.args", repr([e(lambda: _warnings.warn("x", 1)), e(lambda: _warnings.warn("x", int)),
                           e(lambda: _warnings.warn("x", UserWarning, "a")), e(lambda: _warnings.warn()),
                           e(lambda: _warnings.warn("x", skip_file_prefixes=[])),
                           e(lambda: _warnings.warn("x", skip_file_prefixes=(1,))),
                           e(lambda: _warnings.warn_explicit("x", UserWarning, 1, 1)),
                           e(lambda: _warnings.warn_explicit("x", UserWarning, "f", 1, "m", 5)),
                           e(lambda: _warnings.warn_explicit("x", UserWarning, "f", 1, "m", None, 5)),
                           e(lambda: _warnings.warn_explicit("x", UserWarning, "f", 1, None)),
                           e(lambda: _warnings._filters_mutated_lock_held()),
                           e(lambda: _warnings._release_lock()),
                           _warnings._acquire_lock(), _warnings._filters_mutated_lock_held(), _warnings._release_lock()]))

# ---- atexit ----
import atexit
atexit._clear()
calls = []
out("atexit.errors", repr([e(lambda: atexit.register()), e(lambda: atexit.register(1)), e(lambda: atexit.unregister())]))
atexit.register(calls.append, "first")
atexit.register(calls.append, "second")
atexit.register(calls.extend, ["x"])
atexit.register(calls.append, "third")
n1 = atexit._ncallbacks()
atexit.unregister(calls.extend)
n2 = atexit._ncallbacks()
atexit._run_exitfuncs()
out("atexit.run", repr([n1, n2, calls, atexit._ncallbacks(), atexit.register(calls.append, 1) is not None,
                        atexit._clear(), atexit._ncallbacks()]))

# ---- _stat ----
import _stat
out("stat.consts", repr({k: getattr(_stat, k) for k in sorted(dir(_stat)) if k.isupper() and k != "SF_SETTABLE"}))
modes = (0o100644, 0o40755, 0o120777, 0o20666, 0o60660, 0o10644, 0o140755, 0o4755, 0o2755, 0o1777, 0o6644, 0o3644, 0, 0o777, 0o170000)
out("stat.filemode", repr([_stat.filemode(m) for m in modes]))
out("stat.funcs", repr([[f(m) for f in (_stat.S_ISDIR, _stat.S_ISREG, _stat.S_ISLNK, _stat.S_ISCHR, _stat.S_ISBLK,
                                          _stat.S_ISFIFO, _stat.S_ISSOCK, _stat.S_ISDOOR, _stat.S_ISPORT, _stat.S_ISWHT,
                                          _stat.S_IMODE, _stat.S_IFMT)] for m in modes]))
out("stat.errors", repr([e(lambda: _stat.S_ISDIR("x")), e(lambda: _stat.S_ISDIR(-1)), e(lambda: _stat.S_ISDIR(1.5)),
                         e(lambda: _stat.S_ISDIR()), e(lambda: _stat.filemode("x"))]))

# ---- _string ----
import _string
out("string.parser", repr([e(lambda: list(_string.formatter_parser(s))) for s in
                           ("a{b!r:>{w}}c{{}}{0.x[1]}{}d}}", "", "{", "x}", "{a:}", "{!}", "{a!", "{a!rx}", "{a", "plain", "{:{}}")]
                          + [e(lambda: _string.formatter_parser(1))]))
out("string.split", repr([e(lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split(s))) for s in
                          ("a.b[0][c].d", "3[x]", "", "a[", "a.", "a]x", "0", "x[1]y")]
                         + [e(lambda: _string.formatter_field_name_split(1))]))

# ---- _abc ----
import _abc
M = type("M", (), {"__isabstractmethod__": True})
A = type("A", (), {"f": M(), "g": 1, "h": M()})
_abc._abc_init(A)
B = type("B", (A,), {"h": 2})
_abc._abc_init(B)
tok = _abc.get_cache_token()
out("abc.init", repr([sorted(A.__abstractmethods__), sorted(B.__abstractmethods__), type(A._abc_impl).__name__,
                      [len(x) if isinstance(x, set) else x == tok for x in _abc._get_dump(A)]]))
r = _abc._abc_register(A, int)
out("abc.register", repr([r is int, _abc.get_cache_token() - tok, _abc._abc_subclasscheck(A, int),
                          _abc._abc_subclasscheck(A, bool), _abc._abc_subclasscheck(A, str), _abc._abc_subclasscheck(A, B),
                          [len(x) if isinstance(x, set) else x - tok for x in _abc._get_dump(A)],
                          e(lambda: _abc._abc_register(A, 1)), e(lambda: _abc._abc_register(int, A)) if False else "",
                          e(lambda: _abc._abc_subclasscheck(A, 1)), e(lambda: _abc._abc_subclasscheck(int, int)),
                          e(lambda: _abc._abc_register(B, A)) == repr(A)]))
out("abc.reset", repr([_abc._reset_caches(A), [len(x) if isinstance(x, set) else 0 for x in _abc._get_dump(A)],
                       _abc._reset_registry(A), [len(x) if isinstance(x, set) else 0 for x in _abc._get_dump(A)],
                       _abc._abc_subclasscheck(A, int)]))
C = type("C", (), {"__abc_tpflags__": 1 << 5})
_abc._abc_init(C)
out("abc.flags", repr([bool(C.__flags__ & (1 << 5)), "__abc_tpflags__" in C.__dict__,
                       e(lambda: _abc._abc_init(type("D", (), {"__abc_tpflags__": 3 << 5})))]))

# ---- gc / _weakref registration ----
import gc, _weakref
out("gc.names", repr(sorted(n for n in dir(gc) if not n.startswith("__"))))
out("weakref.names", repr(sorted(n for n in dir(_weakref) if not n.startswith("__"))))
