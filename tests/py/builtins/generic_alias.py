# types.GenericAlias (list[int]) and typing.Union (int | str): reprs, attributes, equality,
# hashing, isinstance with unions, errors.
def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

class Local:
    pass

la = list[int]
print(la, dict[str, list[int]], tuple[()], tuple[int, ...], set[Local], frozenset[None])
print(type(la).__name__, type(la).__module__, type(la).__qualname__)
print(la.__origin__, la.__args__, la.__parameters__, la.__unpacked__, la.__typing_unpacked_tuple_args__)
print(list[int] == list[int], list[int] == list[str], list[int] != list[int], list[int] == list)
print(hash(list[int]) == hash(list[int]), hash(dict[int, str]) == hash((dict, (int, str))) or "differs")
print(la(), la([1, 2]), la.__mro_entries__(()), la.__reduce__())
print(enumerate[int], memoryview[int], classmethod[int], staticmethod[int], type(iter(list[int])).__name__)
print([x for x in tuple[int, str]], list(tuple[int]), next(iter(tuple[int])).__unpacked__)
print(next(iter(tuple[int])).__typing_unpacked_tuple_args__, next(iter(tuple[int])) == tuple[int])
print(la.append is list.append, la.__name__, la.__qualname__)
print(la.__class__.__name__, "__origin__" in dir(la), "append" in dir(la))
t("isinstance", lambda: isinstance([], list[int]))
t("issubclass", lambda: issubclass(list, list[int]))
t("getitem", lambda: list[int][int])
t("no keywords", lambda: type(list[int])(list, int, x=1))
t("arity", lambda: type(list[int])(list))
g = type(list[int])(list, (int, str))
print(g, g.__args__, type(list[int])(dict, int).__args__)
print(dict[str, int] | None, list[int] | int)

class Node:
    pass

u = int | str
print(u, type(u).__name__, type(u).__module__, type(u).__qualname__, u.__args__)
print(int | None, None | int, int | int, (int | str) | float, int | (str | bytes), int | list[int])
print(u.__name__, u.__qualname__, u.__origin__, u.__parameters__, u.__module__)
print(u == (str | int), u == (int | str | int), u != (int | float), hash(u) == hash(str | int))
print(isinstance(1, int | str), isinstance(1.0, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, str | bytes), isinstance(3, (float, int | str)))
print(Node | None, int | Node)
t("or object", lambda: int | 3)
t("or str", lambda: int | "str")
t("mro_entries", lambda: u.__mro_entries__(()))
t("instantiate", lambda: type(u)())
t("getitem", lambda: u[int])
t("class_getitem", lambda: type(u)[int, str])
t("class_getitem one", lambda: type(u)[int])
t("class_getitem bad", lambda: type(u)[int, 3])
t("class_getitem none", lambda: type(u)[None, int])
t("issubclass non-class", lambda: issubclass(1, int | str))
t("isinstance alias in union", lambda: isinstance([], list[int] | int))
t("hash unhashable", lambda: hash(type(u)[int, list[[int]]]))
