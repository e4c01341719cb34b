# What a running generator's stack holds while an instruction calls out or releases an
# operand, seen through gc.get_referrers: BINARY_SLICE and STORE_SLICE hand start and stop
# over to the slice before the subscript call (off the stack then), MAP_ADD's key and value
# stay on the stack while the key is hashed; when an operand dies, a result defined before
# its release is on the stack (BINARY_OP, the LOAD_ATTR specializations that read a value),
# one made after it is not (LOAD_ATTR, GET_ITER, calls), and a value a store handed over is
# off the stack.
import gc


def kinds(obj):
    return sorted(type(r).__name__ for r in gc.get_referrers(obj)
                  if type(r).__name__ in ('generator', 'slice'))


class V:
    def __index__(self):
        return 0


class C:
    def __getitem__(self, k):
        print('  getitem: start referrers', kinds(k.start))
        return 1

    def __setitem__(self, k, v):
        print('  setitem: start referrers', kinds(k.start))


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print('  hash: value referrers', kinds(self.v))
        return 1


def slices():
    c = C()
    yield c[V():V()]
    c[V():V()] = 5
    yield c[V():V():V()]


def map_add():
    v = [V()]
    yield {K(v[0]): v.pop() for _ in range(1)}


print('slices'); list(slices())
print('map_add'); list(map_add())

cur = [None]
out = []


class R:
    def __init__(self):
        cur[0] = self


class O:
    y = 5

    def __init__(self):
        self.x = R()

    def __del__(self):
        out.append(kinds(cur[0]))

    def __add__(self, o):
        return R()

    def __radd__(self, o):
        return R()

    def __iter__(self):
        r = iter([1])
        cur[0] = r
        return r

    def __getitem__(self, i):
        return R()


class P:
    def __del__(self):
        out.append(kinds(cur[0]))


P.y = R()


class SS:
    __slots__ = ('x', '__weakref__')

    def __del__(self):
        out.append(kinds(cur[0]))


def run(name, fn):
    out.clear()
    list(fn())
    print(name, out[-1] if out else None)


# Each once in a generator (the generic instructions), then twenty times (specialized).
def load_attr():
    yield O().x


def binary_op_lhs():
    yield O() + 1


def binary_op_rhs():
    yield 1 + O()


def get_iter():
    yield [a for a in O()]


def subscript():
    yield O()[0]


def call():
    yield getattr(O(), 'x')


def load_attr_instance_value():
    for i in range(20):
        yield O().x


def load_attr_nondescriptor():
    for i in range(20):
        cur[0] = P.y
        yield P().y


def store_attr_instance_value():
    for i in range(20):
        O().x = R()
        yield


def store_attr_slot():
    for i in range(20):
        SS().x = R()
        yield


for fn in (load_attr, binary_op_lhs, binary_op_rhs, get_iter, subscript, call,
           load_attr_instance_value, load_attr_nondescriptor, store_attr_instance_value,
           store_attr_slot):
    run(fn.__name__, fn)
