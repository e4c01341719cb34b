# The order in which an instruction releases its operands after a call: a __del__ run by the
# release of one operand finds the others released or still alive (BINARY_OP releases its
# left operand first; calls, comparisons, `in` and subscript stores release from the top of
# the stack down).
import weakref


class W:
    def __lt__(self, o): return True
    def __setitem__(self, k, v): pass
    def __getitem__(self, k): return 1
    def __call__(self, *a, **k): return 1
    def __add__(self, o): return 1


class D:
    def __del__(self):
        print('  del: W alive', wr() is not None)
    def __contains__(self, x): return True
    def __lt__(self, o): return True
    def __setitem__(self, k, v): pass


def mk():
    w = W()
    global wr
    wr = weakref.ref(w)
    return w


def noop(*a, **k): pass


print('compare'); mk() < D()
print('contains'); mk() in D()
print('store_subscr container W sub D'); mk()[D()] = 1
print('store_subscr value W container D'); x = [mk()]; D()[0] = x.pop()
print('binary_subscr'); mk()[D()]
print('binary_add'); mk() + D()
print('call builtin'); getattr(mk(), '__class__', D())
print('call kw'); dict(a=mk(), b=D())
print('call kw py'); noop(mk(), k=D())
print('call object'); mk()(D())
print('call ex'); getattr(*(mk(), '__class__', D()))
print('format'); f"{mk()!s:{D()!s:.0}}"
print('slice'); [1, 2, 3][mk() and 0:D() and 1]
