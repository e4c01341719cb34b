# "Did you mean" suggestions for NameError and AttributeError, first caught, then one uncaught.
import traceback
class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 30
    def reload(self): pass
def show(f):
    try:
        f()
    except (NameError, AttributeError, ImportError) as e:
        print(traceback.format_exception_only(e)[-1], end='')
cfg = Config()
result_value = 5
show(lambda: cfg.verbos)
show(lambda: cfg.timout)
show(lambda: cfg.relaod())
show(lambda: result_valeu)
show(lambda: lenn([1]))
show(lambda: 'text'.uper())
show(lambda: [].apend(1))
show(lambda: Config.reloa)
show(lambda: cfg.completely_unrelated_name)
import math
show(lambda: math.sqr(4))
show(lambda: math.pii)
def local_scope():
    counter_local = 1
    return counter_locl
show(local_scope)
class WithSelf:
    def __init__(self): self.blech = 1
    def method(self): return blech
show(lambda: WithSelf().method())
show(lambda: __import__('math').Pi)
def imp():
    from math import sqr
show(imp)
maximum_width = 80
print(maximum_widht)
