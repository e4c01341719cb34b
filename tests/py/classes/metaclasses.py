# Metaclasses, type(), __new__, __class_getitem__, __prepare__, class attributes.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('Meta.__new__', name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = 'Meta'
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('Meta.__call__', cls.__name__, a)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name)
        return {'injected': 1}
    def __repr__(cls): return f'<class {cls.__name__} via Meta>'
class W(metaclass=Meta, flag=True):
    x = 1
    def method(self): return 'm'
w = W()
print(W.created_by, W.injected, type(W).__name__, repr(W), isinstance(W, Meta), w.method())
class V(W):
    y = 2
print(type(V) is Meta)
Dyn = type('Dyn', (object,), {'val': 5, 'get': lambda self: self.val * 2})
print(Dyn().get(), Dyn.__name__, Dyn.__bases__, type(Dyn()).__name__)
class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print('created')
        return cls._inst
    def __init__(self, v): self.v = v
s1, s2 = Singleton(1), Singleton(2)
print(s1 is s2, s1.v)
class Box:
    def __class_getitem__(cls, item): return f'Box[{item.__name__}]'
print(Box[int], list[int], dict[str, list[int]], type(list[int]).__name__, list[int].__origin__, list[int].__args__)
class Count:
    instances = 0
    def __init__(self): Count.instances += 1
Count(); Count(); print(Count.instances)
class Outer:
    class Inner:
        pass
    def m(self):
        class Local: pass
        return Local
print(Outer.Inner.__qualname__, Outer().m().__qualname__, Outer.Inner.__name__)
class ReprAll:
    def __repr__(self): return f'{type(self).__name__}({vars(self)})'
r = ReprAll(); r.a = 1
print(r, sorted(k for k in vars(ReprAll) if not k.startswith('__')), ReprAll.__dict__['__repr__'].__name__)
class WithClassVar:
    def who(self): return __class__.__name__
class Derived(WithClassVar): pass
print(Derived().who(), WithClassVar.who.__code__.co_freevars)
class Immutable:
    def __setattr__(self, k, v): raise AttributeError(f'cannot set {k}')
try: Immutable().z = 1
except AttributeError as e: print(e)
print(type.__name__, type(int), int.__class__, object.__class__, type.__class__)
class Interface(type):
    def __instancecheck__(cls, obj): return hasattr(obj, 'quack')
    def __subclasscheck__(cls, sub): return hasattr(sub, 'quack')
class Duck(metaclass=Interface): pass
class Mallard:
    def quack(self): pass
print(isinstance(Mallard(), Duck), isinstance(5, Duck), issubclass(Mallard, Duck))
