# PEP 750 template strings: Template and Interpolation (Objects/templateobject.c,
# interpolationobject.c), BUILD_TEMPLATE / BUILD_INTERPOLATION, string.templatelib.
from string.templatelib import Template, Interpolation, convert


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


name = 'World'
n = 3.14159
t = t"Hello {name}!"
print(type(t).__name__, type(t).__module__, type(t).__qualname__)
print(t)
print(t.strings, t.interpolations, t.values)
i = t.interpolations[0]
print(type(i).__name__, i, i.value, i.expression, i.conversion, i.format_spec)
t2 = t"{n:.2f} {name!r} {name!a:>10} {n=} {{literal}} {name!s}"
print(t2.strings)
for it in t2.interpolations:
    print(repr(it.value), repr(it.expression), it.conversion, repr(it.format_spec))
print(list(t2))
print(list(t"{name}{n}"), list(t""), t"".strings)
print(t"a" + t"b{name}", (t"x{name}" + t"{n}y").strings)
show('t + str', lambda: t"a" + "b")
show('str + t', lambda: "b" + t"a")
print(Template('a', 'b', Interpolation(1, 'one'), 'c', Interpolation(2, 'two')))
print(Template(), Template(Interpolation(0, 'z')).strings)
show('Template(1)', lambda: Template(1))
show('Template kw', lambda: Template(x='a'))
print(Interpolation(5, 'five', 'r', '>3'), Interpolation(5, 'x', None))
show('bad conversion', lambda: Interpolation(1, 'x', 'z'))
show('conversion type', lambda: Interpolation(1, 'x', 3))
show('expression type', lambda: Interpolation(1, 2))
show('missing', lambda: Interpolation())
print(Interpolation.__match_args__)
match i:
    case Interpolation(value, expr, conv, spec):
        print('matched', value, expr, conv, repr(spec))
print(convert(3, 'r'), convert('x', None), convert('é', 'a'), convert(3, 's'))
print(i.__reduce__(), t.__reduce__()[1])
import copy
print(copy.copy(t), copy.deepcopy(i), copy.deepcopy(t) is t)
print(Template[int], t == t, t == t"Hello {name}!", hash(i) == hash(i))
show('set attr', lambda: setattr(i, 'value', 1))
w = 7
nested = t"{t"inner {w}"}"
print(nested.values[0].strings, f"{w!r:>4}")
print(Template.__doc__, Interpolation.__doc__, type(iter(t)).__name__)
