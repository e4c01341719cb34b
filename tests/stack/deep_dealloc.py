# Freeing a 10**6-deep nested structure at once must not overflow the C stack (the trashcan
# of Objects/object.c): tuples, lists, dicts, sets of frozensets, instances, cells,
# functions, generators. Run by ctest (stack.deep_dealloc).
import gc
import sys

N = 10 ** 6


def free(name, make):
    x = make()
    del x
    print(f"{name}: freed")


def chain(start, wrap):
    def make():
        x = start()
        for _ in range(N):
            x = wrap(x)
        return x
    return make


free("tuple", chain(tuple, lambda x: (x,)))
free("list", chain(list, lambda x: [x]))
free("dict", chain(dict, lambda x: {"k": x}))
free("frozenset", chain(frozenset, lambda x: frozenset([x])))
free("set_of_tuple", chain(tuple, lambda x: ({1}, x)))


class Node:
    def __init__(self, nxt):
        self.nxt = nxt


class Slotted:
    __slots__ = ("nxt",)

    def __init__(self, nxt):
        self.nxt = nxt


free("instances", chain(lambda: None, Node))
free("slotted", chain(lambda: None, Slotted))


def make_closure(inner):
    def f():
        return inner
    return f


free("closures", chain(lambda: None, make_closure))


def gen(inner):
    yield inner


def make_gen(inner):
    g = gen(inner)
    return g


free("generators", chain(lambda: None, make_gen))
free("iterators", chain(lambda: iter([]), lambda it: map(abs, it)))

# The collector frees a deep cycle-bearing structure too.
x = None
for _ in range(N):
    x = [x]
x.append(x)
del x
gc.collect()
print("cycle: freed")
print("all deep deallocations passed")
