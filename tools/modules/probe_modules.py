# Reference values for tests/unit/modules_*_test.cpp: run on CPython 3.14.2 (the oracle) and,
# for the lines of the BITS64 block (64-bit Linux values: errno numbers, sizes), on the host's 64-bit CPython. Prints "key<TAB>value" lines.
import sys, os
BITS64 = sys.maxsize > 2**32

def out(key, value):
    print(f"{key}\t{value}")

def err(f):
    try:
        f()
        return "no error"
    except BaseException as e:
        return f"{type(e).__name__}: {e}"

if BITS64:
    out("sys.hash_info", repr(sys.hash_info))
    out("sys.maxsize", repr(sys.maxsize))
    import errno
    out("errno.errorcode", repr(sorted(errno.errorcode.items())))
    out("errno.names", repr(sorted((n, getattr(errno, n)) for n in dir(errno) if n.startswith("E"))))
    import os
    out("posix.stat_missing", err(lambda: os.stat('/nonexistent/x')))
    out("posix.strerror", repr(os.strerror(2)))
    out("posix.rename_missing", err(lambda: os.rename('/nonexistent/a', '/nonexistent/b')))
    out("posix.listdir_missing", err(lambda: os.listdir('/nonexistent')))
    out("posix.mkdir_root", err(lambda: os.mkdir('/')))
    out("posix.open_missing", err(lambda: os.open('/nonexistent/f', os.O_RDONLY)))
    out("posix.close_bad", err(lambda: os.close(-1)))
    sys.exit(0)

t = os.stat_result
out("structseq.stat_counts", repr((t.n_sequence_fields, t.n_fields, t.n_unnamed_fields, t.__match_args__)))
r = t(range(10))
out("structseq.stat_repr", repr(r))
out("structseq.stat_attrs", repr((r.st_mode, r.st_size, len(r), r[9], r[-1], r[2:4])))
out("structseq.short", err(lambda: t(range(9))))
out("structseq.long", err(lambda: t(range(30))))
r = t(range(10), {'st_atime': 1.5, 'st_mtime': 2.5, 'st_ctime': 3.5, 'st_blksize': 7})
out("structseq.reduce", repr((r.st_atime, r.st_blksize, r.st_rdev, r.__reduce__())))
out("structseq.unexpected", err(lambda: t(range(10), {'zz': 1})))
out("structseq.notseq", err(lambda: t(5)))
out("structseq.notdict", err(lambda: t(range(10), 5)))
out("structseq.replace_unnamed", err(lambda: r.__replace__(st_mode=3)))
out("structseq.isinstance", repr((isinstance(r, tuple), type(r).__module__, type(r).__name__, r == tuple(range(10)))))
fi = sys.float_info
out("structseq.replace", repr(fi.__replace__(dig=3)))
out("structseq.replace_bad", err(lambda: fi.__replace__(zz=3)))
out("structseq.readonly", err(lambda: setattr(fi, 'dig', 3)))
for n in ["flags", "float_info", "int_info", "version_info"]:
    o = getattr(sys, n)
    ty = type(o)
    out(f"sys.{n}.type", repr((ty.__name__, ty.__module__, ty.n_sequence_fields, ty.n_fields,
                               ty.n_unnamed_fields, ty.__match_args__)))
out("sys.float_info", repr(sys.float_info))
out("sys.int_info", repr(sys.int_info))
out("sys.version_info", repr(sys.version_info))
out("sys.version_info.cmp", repr((sys.version_info[:3], sys.version_info >= (3, 14), len(sys.version_info))))
out("sys.flags.new", err(lambda: type(sys.flags)((1, 2))))
out("sys.version_info.new", err(lambda: type(sys.version_info)((1, 2))))
out("sys.hexversion", repr(sys.hexversion))
out("sys.misc", repr((sys.byteorder, sys.getdefaultencoding(), sys.getfilesystemencoding(),
                      sys.getfilesystemencodeerrors(), sys.getrecursionlimit(),
                      sys.get_int_max_str_digits(), sys.maxunicode, sys.api_version,
                      sys.abiflags, sys.float_repr_style, sys.platlibdir, sys.pycache_prefix)))
out("sys.setrecursionlimit0", err(lambda: sys.setrecursionlimit(0)))
out("sys.setrecursionlimit_str", err(lambda: sys.setrecursionlimit('a')))
out("sys.setrecursionlimit_float", err(lambda: sys.setrecursionlimit(1.5)))
out("sys.set_int_max_str_digits10", err(lambda: sys.set_int_max_str_digits(10)))
out("sys.intern_int", err(lambda: sys.intern(1)))
out("sys.exc_info", repr((sys.exc_info(), sys.exception())))
out("sys.exit", err(lambda: sys.exit(3)))
out("sys.doc", repr(sys.__doc__.split("\n\n")[0]))
out("sys.getsizeof_default", repr(sys.getsizeof(1, 5) > 0))
out("sys.stdlib_module_names", repr((len(sys.stdlib_module_names), type(sys.stdlib_module_names).__name__, 'os' in sys.stdlib_module_names)))
ns = type(sys.implementation)
out("ns.type", repr((ns.__name__, ns.__module__)))
a = ns(x=1, y='a')
out("ns.repr", repr(a))
out("ns.eq", repr((a == ns(x=1, y='a'), a == ns(x=2), a != ns(x=1, y='a'))))
out("ns.mapping", repr(ns({'b': 2}, c=3)))
out("ns.toomany", err(lambda: ns({}, {})))
out("ns.badkey", err(lambda: ns({1: 2})))
a.z = 5
del a.x
out("ns.setattr", repr((a, a.__dict__)))
out("ns.replace", repr(a.__replace__(y=9)))
out("ns.reduce", repr(a.__reduce__()))
import _imp
out("imp.token", repr((_imp.pyc_magic_number_token, _imp.check_hash_based_pycs)))
out("imp.source_hash", repr((_imp.source_hash(1234, b'hello'),
                             _imp.source_hash(_imp.pyc_magic_number_token, b'x = 1\n'))))
out("imp.is_builtin", repr((_imp.is_builtin('sys'), _imp.is_builtin('builtins'), _imp.is_builtin('no_such'))))
out("imp.get_frozen_object", err(lambda: _imp.get_frozen_object('nope')))
out("imp.find_frozen", repr(_imp.find_frozen('no_such')))
out("imp.is_builtin_int", err(lambda: _imp.is_builtin(1)))
out("imp.source_hash_str", err(lambda: _imp.source_hash(1, 'x')))
out("imp.create_builtin_int", err(lambda: _imp.create_builtin(1)))
out("imp.find_frozen_int", err(lambda: _imp.find_frozen(1)))
out("imp.fix_co_filename_nargs", err(lambda: _imp._fix_co_filename(1)))
out("imp.lock", repr((_imp.lock_held(), _imp.acquire_lock(), _imp.lock_held(), _imp.release_lock(), _imp.lock_held())))
out("imp.release_unheld", err(_imp.release_lock))
out("imp.doc", repr(_imp.__doc__))
class Spec: name = 'no_such_module'
out("imp.create_missing", repr(_imp.create_builtin(Spec)))
import os
out("posix.stat_none", err(lambda: os.stat(None)))
out("posix.lstat_float", err(lambda: os.lstat(1.5)))
out("posix.stat_null", err(lambda: os.stat('a\0b')))
out("posix.fspath", repr((os.fspath('a'), os.fspath(b'b'))))
out("posix.fspath_int", err(lambda: os.fspath(1)))
out("posix.wait", repr((os.WIFEXITED(0), os.WEXITSTATUS(256), os.WIFSIGNALED(9), os.WTERMSIG(9), os.WIFSTOPPED(0x137f), os.WSTOPSIG(0x137f))))
out("posix.urandom_neg", err(lambda: os.urandom(-1)))
out("posix.terminal_size", repr(os.terminal_size((80, 24))))
out("posix.stat_result_type", repr((os.stat_result.__name__, os.stat_result.__module__)))
