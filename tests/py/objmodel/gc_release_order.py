# The order in which the finalizers of several operands run when the instruction that used
# them releases them: 3.14 releases a call's arguments from the last to the callable, the
# operands of comparisons, `is`, `in`, subscript stores and most instructions from the top of
# the stack down, and BINARY_OP's left operand before its right one.


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('  del', self.n)

    def __add__(self, o):
        return 0

    def __lt__(self, o):
        return True

    def __eq__(self, o):
        return False

    __hash__ = object.__hash__

    def __format__(self, spec):
        return 'A'


class Box:
    def __getitem__(self, k):
        return 0

    def __setitem__(self, k, v):
        pass

    def __delitem__(self, k):
        pass

    def __contains__(self, x):
        return False


def f(*a):
    return None


def g(a, b):
    pass


def kw(**k):
    return None


print('call builtin'); getattr(A(1), 'n', A(2))
print('call builtin 3'); getattr(A(1), 'missing', A(2))
print('call python *args'); f(A(1), A(2))
print('call python'); g(A(1), A(2))
print('call keywords'); kw(a=A(1), b=A(2))
print('call method'); Box().__getitem__(A(1))
print('binary op'); A(1) + A(2)
print('subscript'); Box()[A(1)]
print('compare'); A(1) < A(2)
print('compare eq'); A(1) == A(2)
print('is'); A(1) is A(2)
print('in'); A(1) in [A(2)]
print('in box'); A(1) in Box()
print('store subscr'); Box()[A(1)] = A(2)
print('delete subscr'); del Box()[A(1)]
print('slice'); Box()[A(1):A(2)]
print('format'); f"{A(1):{'x'}}{A(2)}"
print('tuple'); (A(1), A(2))
print('list'); [A(1), A(2)]
print('dict'); {1: A(1), 2: A(2)}
print('attribute'); A(1).n
print('end')
