# The classes of _ast (Python/Python-ast.c init_types): hierarchy, _fields, __match_args__,
# _attributes, _field_types, class-level None defaults, docs, and the PyCF_* constants.
import _ast

print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
      _ast.PyCF_OPTIMIZED_AST)
print(_ast.AST.__name__, _ast.AST.__module__, _ast.AST.__doc__, _ast.AST.__bases__)
print(_ast.AST._fields, _ast.AST.__match_args__, _ast.AST._attributes)


def type_text(t):
    r = repr(t)
    return r[len("<class '"):-2] if r.startswith("<class '") else r


names = sorted(n for n in dir(_ast) if isinstance(getattr(_ast, n), type)
               and issubclass(getattr(_ast, n), _ast.AST))
print(len(names))
for name in names:
    cls = getattr(_ast, name)
    print(name, [b.__name__ for b in cls.__mro__], cls.__module__)
    print("  fields", cls._fields, cls.__match_args__ == cls._fields)
    print("  attributes", cls._attributes)
    if "_field_types" in cls.__dict__:
        print("  types", {k: type_text(v) for k, v in cls._field_types.items()})
    defaults = [k for k, v in cls.__dict__.items() if v is None and not k.startswith("__")]
    print("  none defaults", defaults)
    print("  doc", repr(cls.__doc__))

# The field-less constructors of the simple sums have one shared instance in trees, but the
# classes still make new instances.
print(_ast.Load() is _ast.Load(), type(_ast.Load()).__name__)
print(isinstance(_ast.Add(), _ast.operator), isinstance(_ast.Add(), _ast.AST))
print(issubclass(_ast.Name, _ast.expr), issubclass(_ast.Name, _ast.stmt))
