import dis
import inspect
import io
import tokenize
import keyword
import symtable
import types
import sys
import functools


def sample(a, b=2, *args, c, d=4, **kw):
    """Sample doc."""
    total = a + b
    for x in args:
        total += x
    return total if c else -total


class Shape:
    """A shape."""
    sides = 0

    def __init__(self, name):
        self.name = name

    @property
    def label(self):
        return self.name.title()

    @staticmethod
    def unit():
        return Shape("unit")

    @classmethod
    def make(cls, n):
        return cls(n)

    async def fetch(self):
        return 1

    def gen(self):
        yield 1


print(inspect.signature(sample), inspect.signature(Shape), inspect.signature(Shape.make))
sig = inspect.signature(sample)
for name, p in sig.parameters.items():
    print(name, p.kind.name, p.default is inspect.Parameter.empty, p.annotation)
ba = sig.bind(1, 2, 3, c=True, z=9)
ba.apply_defaults()
print(ba.arguments, ba.args, ba.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(inspect.getsource(sample).splitlines()[0], inspect.getdoc(Shape), inspect.getcomments(sample))
print(inspect.isfunction(sample), inspect.ismethod(Shape("x").make), inspect.iscoroutinefunction(Shape.fetch), inspect.isgeneratorfunction(Shape.gen))
print([m[0] for m in inspect.getmembers(Shape) if not m[0].startswith("__")], inspect.getmro(Shape)[-1])
print(inspect.getfullargspec(sample))
print(type(inspect.getattr_static(Shape, "label")).__name__, type(inspect.getattr_static(Shape, "unit")).__name__, inspect.classify_class_attrs(Shape)[0][:2])
print(inspect.getmodule(sample).__name__, inspect.getsourcelines(Shape.unit)[1], inspect.unwrap(functools.wraps(sample)(lambda: 0)) is sample)
frame = inspect.currentframe()
print(frame.f_code.co_name, frame.f_lineno, inspect.getframeinfo(frame).function, len(inspect.stack()) >= 1)
print(inspect.formatannotation(list[int]), inspect.cleandoc("  a\n    b\n  c"), inspect.getclosurevars(sample).builtins.keys())
code = sample.__code__
print(code.co_argcount, code.co_kwonlyargcount, code.co_posonlyargcount, code.co_varnames, code.co_flags, code.co_nlocals, code.co_firstlineno)
print(code.co_consts, code.co_names, code.co_qualname, code.co_stacksize, len(code.co_code), list(code.co_lines())[:3])
print(list(code.co_positions())[:3])
dis.dis(sample)
dis.dis("x = [i * 2 for i in range(3) if i]")
for ins in list(dis.get_instructions(lambda x: x + 1)):
    print(ins.opname, ins.arg, ins.argrepr, ins.offset, ins.starts_line, ins.line_number, ins.is_jump_target)
print(dis.code_info(sample).replace(__file__, 'FILE'))
bc = dis.Bytecode(Shape.make)
print(bc.info().replace(__file__, 'FILE').splitlines()[:3], [i.opname for i in bc])
print(dis.opmap["LOAD_CONST"], dis.opname[dis.opmap["RETURN_VALUE"]], dis.hasconst[:3], len(dis.opmap) > 100, dis.stack_effect(dis.opmap["BUILD_LIST"], 3))
src = "def f(x):\n    return x ** 2  # square\nprint(f'{f(3)!r:>4}')\n"
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO(src).readline)) == src)
print([t.string for t in tokenize.tokenize(io.BytesIO(b"a = 1").readline)][:3])
print(keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.softkwlist, len(keyword.kwlist))
st = symtable.symtable(src, "<src>", "exec")
f_tab = [c for c in st.get_children() if c.get_name() == "f"][0]
print(st.get_type(), [c.get_name() for c in st.get_children()], f_tab.get_parameters(), f_tab.lookup("x").is_parameter(), st.lookup("f").is_assigned())
mod = types.ModuleType("dyn", "doc")
exec("def hello(): return __name__", mod.__dict__)
print(mod, mod.hello(), mod.__doc__, types.FunctionType(sample.__code__, {}, "renamed").__name__)
ns = types.SimpleNamespace(a=1, b=[2])
print(ns, ns == types.SimpleNamespace(a=1, b=[2]), types.MappingProxyType({"k": 1}), types.new_class("N", (Shape,)).__mro__[1])
print(types.MethodType(lambda self: self.name, Shape("m"))(), types.NoneType, types.CodeType.__name__, type(sys._getframe()).__name__)
c2 = sample.__code__.replace(co_name="other")
print(c2.co_name, c2 is not sample.__code__, sample.__defaults__, sample.__kwdefaults__, sample.__annotations__)
