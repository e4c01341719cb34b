# Lambdas, function attributes and annotations, including lazy annotations (PEP 649).
sq = lambda x: x * x
print(sq(7), sq.__name__, (lambda: None)(), (lambda *a: len(a))(1, 2, 3), sorted([3, -1, 2], key=lambda v: -v))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
def annotated(a: int, b: 'str' = 'x', *args: float, c: list[int] = None, **kw: dict) -> bool:
    return True
print(annotated.__annotations__)
def forward(x: Undefined) -> AlsoUndefined:
    return x
print(forward(1))
try:
    forward.__annotations__
except NameError as e:
    print('NameError:', e)
import annotationlib
refs = annotationlib.get_annotations(forward, format=annotationlib.Format.FORWARDREF)
print({k: (type(v).__name__, v.__forward_arg__) for k, v in refs.items()})
print(annotationlib.get_annotations(forward, format=annotationlib.Format.STRING))
class Undefined: pass
AlsoUndefined = int
print(forward.__annotations__)
print(callable(forward.__annotate__), forward.__annotate__(1) == forward.__annotations__)
class C:
    x: int
    y: 'C'
    z: list[C] = []
print(C.__annotations__, 'x' in C.__dict__, C.z)
def noann(a, b): pass
print(noann.__annotations__, noann.__annotate__)
def f(): """doc string"""
f.custom = 42
print(f.__doc__, f.custom, f.__dict__, f.__module__, type(f).__name__, f.__code__.co_name)
print(f.__defaults__, (lambda a=1: a).__defaults__, f.__globals__ is globals())
import inspect
print(inspect.signature(annotated))
print(inspect.signature(lambda a, /, b, *, c=3: 0), inspect.getdoc(f))
try:
    compile('def gen_ann(x: (y := 5)) -> None: pass', 'ann', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
