# gc.get_referrers of what a running generator or coroutine holds on its value stack: the
# generator's traversal visits its stack up to the stack pointer, exact while the frame is
# suspended in a call (into C, or into Python through C), so an operand of that call has the
# generator among its referrers. Operands already released do not.
import gc


class It:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        probe(self)
        return self.n


seen = []


def probe(obj, label=''):
    kinds = sorted(type(r).__name__ for r in gc.get_referrers(obj)
                   if type(r).__name__ in ('generator', 'coroutine', 'async_generator',
                                           'list', 'It', 'Box'))
    seen.append((label, kinds))
    return obj


class Box:
    pass


def report(name):
    print(name, seen)
    seen.clear()


def gen_for_custom_iter():
    for x in It(2):
        yield x


list(gen_for_custom_iter())
report('gen_for_custom_iter')


def gen_call_arg():
    yield len(probe(Box() and [1], 'arg'))
    yield probe(Box(), 'box') is not None


list(gen_call_arg())
report('gen_call_arg')


def gen_nested():
    def inner():
        b = Box()
        yield probe(b, 'inner')
    yield from inner()


list(gen_nested())
report('gen_nested')


def gen_suspended():
    for x in It(1):
        yield x
    yield 'end'


g = gen_suspended()
next(g)
it = [r for r in gc.get_referents(g) if type(r) is It]
print('suspended stack holds It:', len(it))
del it
list(g)
seen.clear()


def gen_sorted():
    yield sorted([Box(), Box()], key=lambda b: (probe(b, 'key'), 0)[1])


list(gen_sorted())
report('gen_sorted')


class Dying:
    def __del__(self):
        probe(current[0], 'released')


current = [None]


class It2:
    def __init__(self, n):
        self.n = n
        current[0] = self

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def gen_release():
    # The iterator is only on the generator's stack (and in `current`) when the release of
    # a value popped by POP_TOP runs __del__.
    for y in It2(1):
        Dying()
        yield y


list(gen_release())
report('gen_release')


def gen_store_release():
    d = Dying()
    for y in It2(1):
        d = None
        yield y


list(gen_store_release())
current[0] = None
report('gen_store_release')


async def coro_inner(b):
    probe(b, 'awaited-arg')
    return 1


async def coro_outer():
    return await coro_inner(Box())


c = coro_outer()
try:
    c.send(None)
except StopIteration as e:
    print('coro result', e.value)
report('coro')
