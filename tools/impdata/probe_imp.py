# The reference values of tests/unit/imp_test.cpp, one "key<TAB>value" line each; run by
# tools/impdata/gen_expected.py on CPython 3.14.2 (tools/oracle).
import sys, types, warnings, marshal, _imp

warnings.simplefilter("ignore")


def out(key, value):
    print(f"{key}\t{value}")


def err(f):
    try:
        r = f()
    except BaseException as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)


def mod(name, path=None):
    m = types.ModuleType(name)
    del m.__spec__, m.__loader__, m.__package__
    if path is not None:
        m.__path__ = path
    sys.modules[name] = m
    return m


pkg = mod("pkg", [])
sub = mod("pkg.sub", [])
pkg.sub = sub
sub.mod = mod("pkg.sub.mod")


def g(**kw):
    d = {"__name__": "pkg.sub.x"}
    for k, v in kw.items():
        d["__" + k + "__"] = v
    return d


out("rel.mod", err(lambda: __import__("mod", g(package="pkg.sub", spec=None), None, ["x"], 1)))
out("rel.empty", err(lambda: __import__("", g(package="pkg.sub"), None, ["mod"], 1)))
out("rel.level2", err(lambda: __import__("sub", g(package="pkg.sub"), None, None, 2)))
out("rel.dotted", err(lambda: __import__("sub.mod", g(package="pkg"), None, None, 1)))
out("abs.dotted", err(lambda: __import__("pkg.sub.mod")))
out("abs.dotted_from", err(lambda: __import__("pkg.sub.mod", None, None, ["x"])))
out("rel.beyond", err(lambda: __import__("x", g(package="pkg"), None, None, 3)))
out("rel.noparent", err(lambda: __import__("x", g(package=""), None, None, 1)))
out("rel.name_fallback", err(lambda: __import__("mod", {"__name__": "pkg.sub.x"}, None, None, 1)))
out("rel.name_nodot", err(lambda: __import__("mod", {"__name__": "top"}, None, None, 1)))
out("rel.name_path", err(lambda: __import__("mod", {"__name__": "pkg.sub", "__path__": []}, None, None, 1)))
out("rel.package_int", err(lambda: __import__("x", g(package=1), None, None, 1)))
out("rel.globals_list", err(lambda: __import__("x", [], None, None, 1)))
out("rel.globals_none", err(lambda: __import__("x", None, None, None, 1)))
out("rel.no_name", err(lambda: __import__("x", {}, None, None, 1)))
out("rel.name_int", err(lambda: __import__("x", {"__name__": 3}, None, None, 1)))
out("rel.spec", err(lambda: __import__("mod", {"__spec__": types.SimpleNamespace(parent="pkg.sub")}, None, None, 1)))
out("rel.spec_int", err(lambda: __import__("mod", {"__spec__": types.SimpleNamespace(parent=5)}, None, None, 1)))
out("abs.empty", err(lambda: __import__("")))
out("abs.level_neg", err(lambda: __import__("pkg", None, None, None, -1)))
out("abs.name_int", err(lambda: __import__(1)))
out("abs.kw", err(lambda: __import__(name="pkg")))
out("abs.noargs", err(lambda: __import__()))
out("abs.level_str", err(lambda: __import__("pkg", level="x")))
out("abs.too_many", err(lambda: __import__("pkg", None, None, None, 0, 1)))
out("abs.bad_kw", err(lambda: __import__("pkg", nope=1)))

# from-imports (IMPORT_FROM).
def frm(modname, name):
    ns = {}
    try:
        exec(f"from {modname} import {name}", ns)
    except ImportError as e:
        return f"{type(e).__name__}: {e} | name={e.name!r} path={e.path!r} name_from={e.name_from!r}"
    return repr(ns[name])

mod("plain")
out("from.unknown", frm("plain", "nope"))
loc = mod("located")
loc.__spec__ = types.SimpleNamespace(has_location=True, origin="/nowhere/located.py", _initializing=False)
out("from.located", frm("located", "nope"))
loc.__spec__._initializing = True
out("from.circular", frm("located", "nope"))
loc.__spec__ = types.SimpleNamespace(has_location=False, origin="built-in")
out("from.builtin", frm("located", "nope"))
loc.__spec__ = types.SimpleNamespace(has_location=False, origin=None, _initializing=True)
out("from.circular_noloc", frm("located", "nope"))
loc.__spec__ = types.SimpleNamespace()
loc.__file__ = "/nowhere/file.py"
out("from.file", frm("located", "nope"))
del pkg.sub
out("from.sysmodules", frm("pkg", "sub"))
pkg.sub = sub
nameless = mod("nameless")
del nameless.__name__
out("from.nameless", frm("nameless", "nope"))

# Frozen test modules (the unit test registers the reference's marshal data as a custom table).
out("frozen.find", repr([_imp.find_frozen(n) for n in ("__hello__", "__phello__", "__phello__.spam", "no_such")]))
out("frozen.is_frozen", repr([_imp.is_frozen(n) for n in ("__hello__", "__phello__.spam", "no_such")]))
out("frozen.is_package", repr([_imp.is_frozen_package(n) for n in ("__hello__", "__phello__")]))
out("frozen.is_package_missing", err(lambda: _imp.is_frozen_package("no_such")))
co = _imp.get_frozen_object("__hello__")
out("frozen.code", repr((co.co_filename, co.co_name, co.co_names)))
out("frozen.get_bad_data", err(lambda: _imp.get_frozen_object("__hello__", 1)))
out("frozen.get_empty_data", err(lambda: _imp.get_frozen_object("x", b"")))
out("frozen.get_junk", err(lambda: _imp.get_frozen_object("x", b"junk")))
out("frozen.get_not_code", err(lambda: _imp.get_frozen_object("x", marshal.dumps(5))))
out("frozen.override", repr(_imp._override_frozen_modules_for_tests(0)))
out("frozen.multi_interp", err(lambda: _imp._override_multi_interp_extensions_check(1)))
out("frozen.find_kw", err(lambda: _imp.find_frozen("__hello__", nope=1)))
import __hello__
out("frozen.hello", repr((__hello__.initialized, __hello__.TestFrozenUtf8_4.__doc__, __hello__.main.__code__.co_filename)))
init = _imp.init_frozen("__phello__.spam")
out("frozen.init", repr((init.__name__, init.__origname__, init.initialized)))
out("frozen.init_missing", repr(_imp.init_frozen("no_such")))

# marshal.
values = [None, True, 1, -(2**70), 2.5, 1j, "text", "é", b"bytes", (1, "a"), [1, [2]], {1: 2}, frozenset(), 7 ** 40]
for v in range(6):
    out(f"marshal.dumps{v}", marshal.dumps(values, v).hex())
out("marshal.version", repr(marshal.version))
out("marshal.roundtrip", repr(marshal.loads(marshal.dumps(values)) == values))
out("marshal.code_disallowed", err(lambda: marshal.dumps(co, allow_code=False)))
out("marshal.loads_code_disallowed", err(lambda: marshal.loads(marshal.dumps(co), allow_code=False)))
out("marshal.loads_empty", err(lambda: marshal.loads(b"")))
out("marshal.loads_str", err(lambda: marshal.loads("x")))
out("marshal.dumps_bad", err(lambda: marshal.dumps(object())))
out("marshal.dumps_nargs", err(lambda: marshal.dumps()))
