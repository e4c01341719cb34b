# The symtable module over _symtable: entries, symbol flags and scopes, and the errors.
import _symtable
import symtable

print([(k, getattr(_symtable, k)) for k in sorted(dir(_symtable)) if k.isupper()])
src = ("def f(x):\n  global g\n  return x + y\n"
       "class C[T]:\n  z: int = 1\n  def m(self):\n    return __class__\n")
top = _symtable.symtable(src, "<s>", "exec")
print(type(top).__name__, type(top).__module__, sorted(a for a in dir(top) if not a.startswith("__")))


def show(e, depth=0):
    print("  " * depth + repr(e).split("(")[0], e.name, e.type, e.lineno, e.nested,
          e.symbols, e.varnames, type(e.id).__name__)
    for c in e.children:
        show(c, depth + 1)


show(top)
show(_symtable.symtable(b"lambda a, *b, **c: [a for a in b if c]", "e", "eval"))
show(_symtable.symtable("type A[X: int] = list[X]\n", "t", "single"))
show(_symtable.symtable("import os.path as p, sys\nfrom . import q\n", "t", "exec"))

for bad in [(1, "f", "exec"), ("x", "f", "bogus"), ("def f(:", "f", "exec"),
            ("nonlocal x", "f", "exec"), ("def f():\n  x = 1\n  global x\n", "f", "exec"),
            ("a\0b", "f", "exec")]:
    try:
        _symtable.symtable(*bad)
    except Exception as e:
        print(type(e).__name__, e)

st = symtable.symtable(
    "import os\n"
    "def outer(a, *args, k=1, **kw):\n"
    "    x = 1\n"
    "    def inner():\n"
    "        nonlocal x\n"
    "        return [x for _ in range(2)]\n"
    "    return inner\n"
    "class K:\n"
    "    attr = 3\n"
    "    def meth(self): return attr\n", "m.py", "exec")
print(repr(st), st.get_type(), st.get_name(), st.get_lineno(), st.is_optimized(), st.is_nested(),
      st.has_children(), sorted(st.get_identifiers()))
print([(type(c).__name__, c.get_name()) for c in st.get_children()])
o = st.lookup("outer").get_namespace()
print(repr(o), o.get_type(), o.get_parameters(), o.get_locals(), o.get_globals(),
      o.get_nonlocals(), o.get_frees())
print([(type(c).__name__, c.get_name()) for c in o.get_children()])
i = o.lookup("inner").get_namespace()
print(i.get_name(), i.get_frees(), i.lookup("x").is_nonlocal(), i.lookup("x").is_free(),
      o.lookup("x").is_local(), o.lookup("a").is_parameter())
for name in ("os", "outer", "K"):
    s = st.lookup(name)
    print(repr(s), s.is_imported(), s.is_assigned(), s.is_global(), s.is_referenced(),
          s.is_namespace())
k = st.lookup("K").get_namespace()
print(repr(k), k.get_methods(), [repr(x) for x in k.get_symbols()])
print(st.lookup("outer").get_namespace().get_name(), len(st.lookup("K").get_namespaces()))
