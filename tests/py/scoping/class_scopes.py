# Class-body scoping: names seen by methods, comprehensions, lambdas and nested classes; global
# and nonlocal declarations inside class bodies; the implicit __class__ cell.
x = 'module x'
class A:
    x = 'class x'
    lam = lambda: x
    gen_result = list(x for _ in range(1))
    comp_result = [x for _ in range(1)]
    def method(self):
        return x
    class Nested:
        y = x
print(A.lam(), A.gen_result, A.comp_result, A().method(), A.Nested.y)
def factory():
    x = 'function x'
    class B:
        seen = x
        x = 'B x'
        after = x
        def method(self):
            return x
    return B
B = factory()
print(B.seen, B.after, B().method())
def factory2():
    v = 'enclosing'
    class C:
        def get(self):
            return v
    v = 'rebound later'
    return C
print(factory2()().get())
class G:
    global gname
    gname = 'set from class body'
print(gname, hasattr(G, 'gname'))
def outer():
    n = 0
    class D:
        nonlocal n
        n = 5
    return n
print(outer())
class E:
    def who(self):
        return __class__.__name__
    @classmethod
    def cls_who(cls):
        return __class__ is cls
class F(E):
    pass
print(E().who(), F().who(), E.cls_who(), F.cls_who())
class H:
    items = [1, 2, 3]
    total = sum(items)
    doubled = [i * 2 for i in items]
    try:
        pairs = [(i, j) for i in items for j in items if j > total]
    except NameError as e:
        pairs = str(e)
print(H.total, H.doubled, H.pairs)
class I:
    a = 1
    b = a + 1
    del a
print(hasattr(I, 'a'), I.b, sorted(k for k in vars(I) if not k.startswith('__')))
class J:
    locals_snapshot = sorted(k for k in locals() if not k.startswith('__'))
    z = 1
    locals_after = sorted(k for k in locals() if not k.startswith('__'))
print(J.locals_snapshot, J.locals_after)
print(sorted(k for k in A.__dict__ if not k.startswith('__')))
