# Closures, cells, nonlocal and global, late binding.
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(5), c2(), c1.__code__.co_freevars, counter.__code__.co_cellvars)
print(c1.__closure__[0].cell_contents)
total = 0
def add_global(n):
    global total
    total += n
    return total
add_global(5); add_global(7)
print(total)
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner
    x = 'changed'
    return middle()()
print(outer())
def make_multipliers():
    return [lambda n: n * i for i in range(4)]
print([m(2) for m in make_multipliers()])
def make_bound():
    return [lambda n, i=i: n * i for i in range(4)]
print([m(2) for m in make_bound()])
def unbound():
    def read():
        return y
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return read()
print(unbound())
def shadow():
    v = 1
    def inner():
        v = 2
        return v
    inner()
    return v
print(shadow())
def nonlocal_chain():
    a = 0
    def one():
        nonlocal a
        a += 1
        def two():
            nonlocal a
            a += 10
        two()
    one(); one()
    return a
print(nonlocal_chain())
def acc_gen():
    state = {'n': 0}
    def bump():
        state['n'] += 1
        return state['n']
    return bump
b = acc_gen(); b(); print(b())
def local_error():
    try:
        print(z)
        z = 1
    except UnboundLocalError as e:
        print(e)
local_error()
def cell_del():
    q = 1
    def get(): return q
    del q
    try:
        get()
    except NameError as e:
        print(e)
cell_del()
class K:
    attr = 'class attr'
    def m(self):
        return attr if False else 'methods do not see class scope'
print(K().m())
