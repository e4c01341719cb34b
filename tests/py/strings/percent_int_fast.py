# %d/%i/%u of ints: the writer fast path for one-digit ints without flags, next to the
# general path (flags, width, precision, big ints, bools, int subclasses, errors).
class MyInt(int):
    pass


for v in [0, 7, -7, 2**30 - 1, 2**30, -2**30, 2**62, -2**63, 10**25, True, False, MyInt(5)]:
    print("%d|%i|%u" % (v, v, v), "k%d" % v, "%5d|%-5d|%+d|% d|%05d|%.3d" % (v, v, v, v, v, v))
print("%d and %d" % (1, 2), "%(a)d-%(b)d" % {"a": 3, "b": -4})
print("%d" % 3.99, "%d%%" % 50, "%s:%d" % ("x", 12))
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%(a)d", {"a": 1.5}), ("%(a)d", {"a": "s"})]:
    try:
        print(repr(fmt % args))
    except TypeError as e:
        print("TypeError", e)
