# inspect.signature of the builtins module's functions (their __text_signature__), as help(),
# pydoc and signature-driven libraries see them.
import builtins, inspect, types
for name in sorted(dir(builtins)):
    obj = getattr(builtins, name)
    if not isinstance(obj, types.BuiltinFunctionType):
        continue
    try:
        sig = inspect.signature(obj)
    except ValueError as e:
        sig = f"ValueError: {e}"
    print(f"{name}: {sig}")
print(inspect.signature(sorted).parameters["key"].kind, inspect.signature(pow).bind(2, 3).arguments)
try:
    inspect.signature(divmod).bind(1)
except TypeError as e:
    print("TypeError:", e)
print(len.__text_signature__, abs.__doc__, repr(sum.__doc__.splitlines()[0]))
