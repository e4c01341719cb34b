# "Did you mean" and "Did you forget to import" hints as sys.excepthook prints them (the
# exception's name/obj/name_from attributes set by the eval loop, getattr and import).
import sys

def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)
        if isinstance(e, (NameError, AttributeError)):
            print(type(e).__name__, repr(e.name), getattr(e, 'obj', '-') is not None)

class Point:
    def __init__(self):
        self.x_coord = 1
        self._hidden_value = 2
    def norm(self):
        return self._hiden_value
    def outside(self):
        return x_coord
    def length(self):
        return 0

p = Point()
show(lambda: p.x_cord)
show(lambda: p.lenght())
show(lambda: p.norm())
show(lambda: p._hiden_value)
show(lambda: p.hiden_value)
show(p.outside)
show(lambda: Point.lenght)
show(lambda: sys.getrecursionlimt())
show(lambda: math.floor(1.5))
show(lambda: collections)
global_counter = 3
show(lambda: global_countr)
show(lambda: lenn([]))
show(lambda: pirnt)
show(lambda: Flase)
def shadow():
    sys_local = 1
    return sys_locl
show(shadow)
def forget():
    return os.getcwd()
show(forget)
def imp():
    from sys import getrecursionlimt
show(imp)
def imp_private():
    from sys import _getframex
show(imp_private)
show(lambda: (1).real_part)
show(lambda: 'abc'.startwith('a'))
show(lambda: {}.iterms())
show(lambda: [].sortt())
show(lambda: None.foo)
class Meta(type):
    def __getattr__(cls, name):
        raise AttributeError(f"no {name}")
class WithMeta(metaclass=Meta):
    value_one = 1
show(lambda: WithMeta.value_on)
class Custom:
    def __getattr__(self, name):
        raise AttributeError(name)
c = Custom()
c.attribute_a = 1
show(lambda: c.attribute_b)
e = NameError("custom", name="reel")
show(lambda: (_ for _ in ()).throw(e))
long_name = 'a' * 45
show(lambda: getattr(p, long_name))
