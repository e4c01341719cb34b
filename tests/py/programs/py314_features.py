from string.templatelib import Template, Interpolation
import annotationlib, typing
name = "World"
n = 3.14159
t = t"Hello {name!r:>10} pi={n:.2f} {n*2=}"
print(type(t).__name__, t.strings, [ (i.value, i.expression, i.conversion, i.format_spec) for i in t.interpolations])
print(t.values, list(t))
print(repr(t))
def render(tmpl):
    out = []
    for part in tmpl:
        if isinstance(part, Interpolation):
            v = part.value
            if part.conversion == "r": v = repr(v)
            elif part.conversion == "s": v = str(v)
            out.append(format(v, part.format_spec))
        else:
            out.append(part)
    return "".join(out)
print(render(t))
t2 = t + t" and {name}"
print(t2.strings, len(t2.interpolations))
print(Template("a", Interpolation(1, "x"), "b").strings)
try:
    t + "str"
except TypeError as e:
    print("TypeError:", e)
nested = t"outer {t'inner {name}'}"
print(type(nested.interpolations[0].value).__name__)
x = 10
print(t"{x:{'>'}{5}}".interpolations[0].format_spec, rt"\n{x}".strings)

class Deferred:
    a: UndefinedType
    b: int
    def method(self, p: AlsoUndefined) -> int: ...
print(annotationlib.get_annotations(Deferred, format=annotationlib.Format.STRING))
print(annotationlib.get_annotations(Deferred, format=annotationlib.Format.FORWARDREF))
try:
    Deferred.__annotations__
except NameError as e:
    print("NameError:", e)
print(annotationlib.get_annotations(Deferred.method, format=annotationlib.Format.STRING))
def g(a: int, b: "str" = "x") -> list[int]: ...
print(g.__annotations__, annotationlib.get_annotations(g))
print(callable(g.__annotate__), g.__annotate__(1))
try:
    g.__annotate__(2)
except NotImplementedError as e:
    print("NotImplementedError", e)

try:
    int("x")
except ValueError, TypeError:
    print("multi except without parens")

def first[T](xs: list[T]) -> T:
    return xs[0]
class Box[T: (int, str) = int]:
    def __init__(self, v: T): self.v = v
type Pair[K, V = str] = tuple[K, V]
print(first([1]), first.__type_params__, Box.__type_params__, Box.__type_params__[0].__constraints__, Box.__type_params__[0].__default__, Pair.__value__, Pair.__type_params__[1].__default__, Pair[int])
print(typing.get_type_hints(first) if False else first.__annotations__)
import sys
print(sys.version_info[:2], sys.implementation.name == sys.implementation.name)
