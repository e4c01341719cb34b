# breakpoint() calls sys.breakpointhook; PYTHONBREAKPOINT picks the callable.
import os
import sys
import warnings


def my_hook(*args, **kwargs):
    print('hook called with', args, kwargs)
    return 'result'


sys.breakpointhook = my_hook
print(breakpoint(1, 2, key='v'))
sys.breakpointhook = sys.__breakpointhook__
os.environ['PYTHONBREAKPOINT'] = '0'
print(breakpoint())
os.environ['PYTHONBREAKPOINT'] = 'builtins.len'
print(breakpoint([1, 2, 3]))
os.environ['PYTHONBREAKPOINT'] = 'no_such_module_here.func'
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(breakpoint())
print([(w.category.__name__, str(w.message)) for w in caught])
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
