# Collections triggered by allocation alone (no gc.collect call): cyclic garbage is freed
# while a program runs, and not while the collector is disabled.
import gc, weakref

class A:
    pass

# Allocation-driven collection: cycles become garbage without gc.collect().
fired = []
for i in range(30000):
    c = A()
    c.c = c
    if i == 0:
        weakref.finalize(c, fired.append, 'first cycle freed')
del c
print(fired, gc.get_count()[0] < 5000)
gc.disable()
fired2 = []
for i in range(30000):
    c = A()
    c.c = c
    if i == 0:
        weakref.finalize(c, fired2.append, 'freed while disabled')
del c
print(fired2, gc.isenabled())
gc.enable()
gc.collect()
print(fired2)

