"""operator.itemgetter/attrgetter/methodcaller instances have the __text_signature__ getter
of Modules/_operator.c (common_getset), so inspect.signature sees "(obj, /)"."""
import inspect
import operator

for g in (operator.itemgetter(1), operator.itemgetter(1, 2), operator.attrgetter("a.b"),
          operator.methodcaller("m", 1, k=2)):
    print(type(g).__name__, g.__text_signature__, inspect.signature(g))
for t in (operator.itemgetter, operator.attrgetter, operator.methodcaller):
    d = vars(t)["__text_signature__"]
    print(t.__name__, t.__text_signature__, type(d).__name__, d.__doc__, list(vars(t)))
    try:
        t("x").__text_signature__ = "y"
    except AttributeError as e:
        print("AttributeError", e)
