"""PEP 649/749 deferred annotations as a program sees them: forward references, annotationlib."""
import annotationlib
import re
import dataclasses
import inspect
import typing
from annotationlib import Format, ForwardRef, get_annotations


class Tree:
    left: Tree | None
    right: Tree | None
    value: int

    def insert(self, v: int) -> Tree:
        return self


def handler(req: Request, *, retries: int = 3) -> Response:
    return None


print(Tree.__annotations__)
print(get_annotations(Tree))
print(typing.get_type_hints(Tree.insert))
print(get_annotations(handler, format=Format.STRING))
fr = get_annotations(handler, format=Format.FORWARDREF)
print(re.sub(r' at 0x[0-9a-f]+', '', str(fr)))
print(type(fr["req"]).__name__, fr["req"].__forward_arg__, fr["retries"])
try:
    handler.__annotations__
except NameError as exc:
    print("NameError:", exc)
try:
    get_annotations(handler)
except NameError as exc:
    print("NameError:", exc)


class Request:
    pass


class Response:
    pass


print(handler.__annotations__)
print(typing.get_type_hints(handler))
print(inspect.signature(handler))
print(callable(handler.__annotate__), handler.__annotate__(Format.VALUE) == handler.__annotations__)
try:
    handler.__annotate__(Format.STRING)
except NotImplementedError:
    print("annotate STRING: NotImplementedError")


@dataclasses.dataclass
class Order:
    items: list[LineItem]
    total: Money = 0


print([f.type for f in dataclasses.fields(Order)])


class LineItem:
    pass


Money = int
print(typing.get_type_hints(Order))


def outer():
    local_t = list

    def inner(x: local_t[Undefined2]) -> local_t:
        pass
    return inner


inner = outer()
print(get_annotations(inner, format=Format.STRING))
print(re.sub(r' at 0x[0-9a-f]+', '', str(get_annotations(inner, format=Format.FORWARDREF))))
ref = ForwardRef("list[int]")
print(ref, ref.evaluate(), ForwardRef("Missing").__forward_arg__)
try:
    ForwardRef("Missing").evaluate()
except NameError as exc:
    print("evaluate:", exc)
print(annotationlib.call_annotate_function(Tree.__annotate__, Format.STRING))
x: int = 5
y: Unknown
try:
    print(__annotate__(Format.STRING))
except NotImplementedError:
    print("module __annotate__: NotImplementedError")
try:
    __annotate__(Format.VALUE)
except NameError as exc:
    print("module __annotate__:", exc)
import sys
print(get_annotations(sys.modules[__name__], format=Format.STRING))


class WithProp:
    @property
    def size(self) -> Size:
        return 1


Size = int
print(typing.get_type_hints(WithProp.size.fget))
print(annotationlib.type_repr(list[int]), annotationlib.type_repr(int), annotationlib.type_repr(...))
