# warnings over _warnings: filters, registries, catch_warnings, the default display.
import warnings
import _warnings

print(warnings.filters is _warnings.filters, warnings.defaultaction, len(warnings.filters) >= 5)
print([f[0] for f in warnings.filters[-4:]])

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", DeprecationWarning)
    warnings.warn(UserWarning("instance"))
    _warnings.warn("from C", RuntimeWarning, 1)
print([(type(w.message).__name__, str(w.message), w.category.__name__, w.lineno) for w in log])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", repr(e))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("only once")
    warnings.simplefilter("module")
    for i in range(2):
        warnings.warn("per module")
print(len(log), [str(w.message) for w in log])

for bad in (1, int):
    try:
        warnings.warn("x", bad)
    except TypeError as e:
        print("TypeError:", e)

def f():
    warnings.warn("shown on stderr", stacklevel=2)

f()
warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "line"))
