# sys.set_coroutine_origin_tracking_depth: a coroutine records (file, line, function) of the
# frames that created it, innermost first, and the never-awaited warning shows them.
import sys
import os
import warnings

print(sys.get_coroutine_origin_tracking_depth())
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError", e)
try:
    sys.set_coroutine_origin_tracking_depth(1.5)
except TypeError as e:
    print("TypeError", e)

async def corofn():
    pass

def make():
    return corofn()

def outer():
    return make()

def show(origin):
    if origin is None:
        return None
    return [(os.path.basename(f), line, name) for f, line, name in origin]

sys.set_coroutine_origin_tracking_depth(depth=2)
print(sys.get_coroutine_origin_tracking_depth())
c = outer()
print(show(c.cr_origin))
c.close()

sys.set_coroutine_origin_tracking_depth(10)
c = outer()
print(show(c.cr_origin)[:3])
c.close()

sys.set_coroutine_origin_tracking_depth(0)
c = outer()
print(c.cr_origin)
c.close()

sys.set_coroutine_origin_tracking_depth(1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    make()
    import gc
    gc.collect()
msgs = [str(w.message) for w in caught]
print(len(msgs), msgs[0].splitlines()[0] if msgs else None)
print(any("Coroutine created at" in m for m in msgs))
sys.set_coroutine_origin_tracking_depth(0)
