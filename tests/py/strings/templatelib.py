# t-strings (PEP 750): string.templatelib.Template and Interpolation, BUILD_TEMPLATE and
# BUILD_INTERPOLATION (Objects/templateobject.c, Objects/interpolationobject.c).
from string.templatelib import Template, Interpolation, convert
x, w = 42, 5
t = t"a{x!r:>{w}}b{x}{x=}"
print(repr(t))
print(t.strings, t.values, list(t))
print(t.interpolations[0].value, t.interpolations[0].expression, t.interpolations[0].conversion, repr(t.interpolations[0].format_spec))
print(Template.__module__, Template.__name__, Template.__qualname__, type(iter(t)).__name__)
for a, b in [(t, t"c{w}"), (t, "s"), ("s", t)]:
    try: print(repr(a + b))
    except TypeError as e: print("TypeError", e)
print(repr(Template("a", "b", Interpolation(1, "one"), Interpolation(2, "two", "r", "x"), "c")))
for args in [(1,), ()]:
    try: print(repr(Template(*args)))
    except TypeError as e: print("TypeError", e)
try: Template(x=1)
except TypeError as e: print("TypeError", e)
i = Interpolation(3, "e")
print(repr(i), i.__reduce__(), Interpolation.__match_args__)
match i:
    case Interpolation(v, e, c, f): print(v, e, c, repr(f))
for bad in [dict(conversion="x"), dict(conversion=1), dict(format_spec=3)]:
    try: Interpolation(1, "e", **bad)
    except (TypeError, ValueError) as ex: print(type(ex).__name__, ex)
print(t.__reduce__()[0].__name__, Template.__doc__, Interpolation.__doc__)
print(Template[int], convert(3, "r"))
try: t.strings = ()
except AttributeError as e: print("AttributeError", e)
print(t"" .strings, list(t""), list(t"{x}{x}"))
print(type(t).__flags__ & (1 << 10), Template.__base__)
try:
    class T2(Template): pass
except TypeError as e: print("TypeError", e)
import copy
t3 = copy.deepcopy(t"x{w:{x}}y")
print(repr(t3), t3.interpolations[0].format_spec)
print(f"{t3!r}" == repr(t3), t3 == t3, t"a" == t"a")
