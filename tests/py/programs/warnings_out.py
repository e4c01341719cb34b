import warnings, sys
def old_api():
    warnings.warn("old_api is deprecated; use new_api", DeprecationWarning, stacklevel=2)
    return 1
old_api()
warnings.simplefilter("default")
old_api()
warnings.warn("plain user warning")
warnings.warn("runtime issue", RuntimeWarning)
class MyWarning(UserWarning):
    pass
warnings.warn(MyWarning("custom category"))
for i in range(3):
    warnings.warn("repeated in loop")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", FutureWarning)
    old_api()
    print([(x.category.__name__, str(x.message), x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised", repr(e))
warnings.filterwarnings("ignore", message="ignored.*")
warnings.warn("ignored message")
warnings.showwarning("shown manually", UserWarning, "fake.py", 12, line="x = 1")
print(warnings.formatwarning("fmt", SyntaxWarning, "f.py", 3, "y = 2"), end="")
import re
re.compile("\d")
eval("'\\d'")
x = eval("1 is 1")
print("done", x)
sys.stderr.flush()
def f():
    warnings.warn("from function", stacklevel=1)
f()
@warnings.deprecated("use g2")
def g():
    pass
g()
