# LEGB scoping, global/nonlocal declarations, class scopes, del and locals().
x = 'global x'
def f():
    print('f sees', x)
f()
def g():
    x = 'local x'
    def h():
        print('h sees', x)
    h()
    print('g sees', x)
g()
print('module sees', x)
def set_global():
    global new_global
    new_global = 'created in function'
set_global()
print(new_global)
len = lambda s: 'shadowed len'
print(len([1, 2]))
del len
print(len([1, 2]))
class K:
    x = 'class x'
    y = x + '!'
    def method(self):
        return x
    z = [x for _ in range(1)]
print(K.y, K().method(), K.z)
def counter_factory():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter_factory()
inc(); inc()
print(get())
def loc():
    a = 1
    b = 2
    return sorted(locals().items())
print(loc())
def shadow_builtin():
    print = lambda *a: None
    print('invisible')
    return 'print shadowed locally'
print(shadow_builtin())
for i in range(3):
    pass
print('loop variable survives', i)
try:
    del undefined_thing
except NameError as e:
    print(e)
def uses_later():
    return later_defined()
def later_defined():
    return 'resolved at call time'
print(uses_later())
print(sorted(k for k in globals() if not k.startswith('__'))[:6])
def gl():
    return 'x' in globals(), 'x' in locals()
print(gl())
def nested_class():
    v = 'enclosing'
    class Reads:
        w = v
    try:
        class Inner:
            w = v
            v = 'class-level'
    except NameError as e:
        return Reads.w, str(e)
print(nested_class())
def conditional(flag):
    if flag:
        value = 'set'
    try:
        return value
    except UnboundLocalError as e:
        return str(e)
print(conditional(True), conditional(False))
