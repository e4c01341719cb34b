# Deep recursion through C++ code must end in RecursionError (or succeed), never crash:
# nested iterators, partials, reprs, comparisons, hashes, pickling, deep container frees.
# Run by ctest (stack.*): exits 0 only when every check behaved.
import functools
import itertools
import operator
import sys

N = 200000
failures = []


def check(name, make, use, expect=None):
    """make() builds the deep object; use(obj) must return expect or raise RecursionError."""
    obj = make()
    try:
        result = use(obj)
    except RecursionError as e:
        msg = str(e)
        if not (msg.startswith("Stack overflow (used ") or "recursion" in msg):
            failures.append(f"{name}: unexpected message {msg!r}")
        print(f"{name}: RecursionError")
    else:
        if expect is not None and result != expect:
            failures.append(f"{name}: got {result!r}")
        print(f"{name}: ok")
    del obj


def nest(start, wrap, n=N):
    def make():
        x = start()
        for _ in range(n):
            x = wrap(x)
        return x
    return make


check("map", nest(lambda: iter([1]), lambda it: map(lambda v: v, it)), list, [1])
check("map_builtin", nest(lambda: iter([1]), lambda it: map(abs, it)), list, [1])
check("filter", nest(lambda: iter([1]), lambda it: filter(None, it)), list, [1])
check("zip", nest(lambda: iter([1]), lambda it: zip(it)), lambda z: len(list(z)))
check("enumerate", nest(lambda: iter([1]), enumerate), lambda e: len(list(e)), 1)
check("reversed_map", nest(lambda: iter([1]), lambda it: map(int, it)), sum, 1)
check("chain", nest(lambda: iter([1]), itertools.chain), list, [1])
check("chain_from_iterable",
      nest(lambda: iter([1]), lambda it: itertools.chain.from_iterable([it])), list, [1])
check("islice", nest(lambda: iter([1]), lambda it: itertools.islice(it, 5)), list, [1])
check("starmap", nest(lambda: iter([(1,)]), lambda it: itertools.starmap(lambda v: (v,), it)),
      lambda s: len(list(s)))
check("accumulate", nest(lambda: iter([1]), itertools.accumulate), list, [1])
check("takewhile", nest(lambda: iter([1]), lambda it: itertools.takewhile(bool, it)), list, [1])
check("dropwhile", nest(lambda: iter([1]), lambda it: itertools.dropwhile(operator.not_, it)),
      list, [1])
check("filterfalse",
      nest(lambda: iter([1]), lambda it: itertools.filterfalse(operator.not_, it)), list, [1])
check("compress", nest(lambda: iter([1]), lambda it: itertools.compress(it, itertools.repeat(1))),
      list, [1])
check("zip_longest", nest(lambda: iter([1]), itertools.zip_longest), lambda z: len(list(z)), 1)
check("pairwise", nest(lambda: iter([1, 2, 3]), itertools.pairwise), lambda z: len(list(z)))
check("tee", nest(lambda: iter([1]), lambda it: itertools.tee(it)[0]), list, [1])
check("cycle", nest(lambda: iter([1]), itertools.cycle), lambda c: next(c), 1)
check("generator", nest(lambda: iter([1]), lambda it: (v for v in it)), list, [1])
check("iter_callable", nest(lambda: iter([1]), lambda it: iter(it.__next__, None)),
      lambda c: next(c), 1)

check("partial", nest(lambda: (lambda: 1), functools.partial), lambda p: p(), 1)
check("reduce_partial", nest(lambda: operator.add, lambda f: functools.partial(f)),
      lambda p: functools.reduce(p, [1, 2, 3]), 6)
check("methodcaller_chain",
      nest(lambda: (lambda: 1), lambda f: functools.partial(operator.call, f)),
      lambda p: p(), 1)

check("repr_list", nest(list, lambda x: [x]), lambda x: len(repr(x)))
check("repr_tuple", nest(tuple, lambda x: (x,)), lambda x: len(repr(x)))
check("repr_dict", nest(dict, lambda x: {1: x}), lambda x: len(repr(x)))
check("str_list", nest(list, lambda x: [x]), lambda x: len(str(x)))
check("format_list", nest(list, lambda x: [x]), lambda x: len(format(x)))
check("hash_tuple", nest(tuple, lambda x: (x,)), lambda x: hash(x) is not None, True)
check("eq_list", nest(list, lambda x: [x]), lambda x: x == nest(list, lambda y: [y])(), True)
check("lt_tuple", nest(tuple, lambda x: (x,)), lambda x: x < nest(tuple, lambda y: (y, 1))(),
      True)
check("sorted_key", nest(lambda: (lambda v: v), lambda f: functools.partial(operator.call, f)),
      lambda k: sorted([3, 1, 2], key=k), [1, 2, 3])


def copy_deep(x):
    import copy
    return copy.deepcopy(x) is not None


check("deepcopy_list", nest(list, lambda x: [x], 20000), copy_deep, True)


def pickle_deep(x):
    import pickle
    return len(pickle.loads(pickle.dumps(x))) >= 0


check("pickle_list", nest(list, lambda x: [x], 50000), pickle_deep, True)


class Chain:
    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):
        return getattr(self.inner, name)


check("getattr_chain", nest(lambda: 1, Chain, 50000), lambda c: c.real, 1)


class Desc:
    def __init__(self, inner):
        self.inner = inner

    def __get__(self, obj, objtype=None):
        return self.inner.__get__(obj, objtype)


check("descriptor_chain", nest(lambda: property(lambda self: 1), Desc, 50000),
      lambda d: d.__get__(object()), 1)

# A thread started by _thread has its own stack limits (its stack size is
# threading.stack_size()): the same recursion ends in RecursionError there too, and a deep
# structure freed there goes through the trashcan.
import threading

threading.stack_size(1 << 20)
outcome = []


def thread_body():
    try:
        list(nest(lambda: iter([1]), lambda it: map(abs, it))())
        outcome.append("ok")
    except RecursionError:
        outcome.append("RecursionError")
    x = ()
    for _ in range(N):
        x = (x,)
    del x
    outcome.append("freed")


t = threading.Thread(target=thread_body)
t.start()
t.join()
threading.stack_size(0)
print("thread:", outcome)
if outcome != ["RecursionError", "freed"]:
    failures.append(f"thread: {outcome}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("all deep-recursion checks passed")
