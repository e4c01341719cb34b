# BINARY_OP_INPLACE_ADD_UNICODE (s += t growing s in place) must never change a string that
# something else still refers to; BINARY_OP_EXTEND's int and float forms against the generic
# results, with operands that leave the guarded ranges after specialisation.


def build(n, keep):
    s = ""
    kept = []
    for i in range(n):
        s += str(i % 10)
        if keep and i % 7 == 0:
            kept.append(s)          # another reference: s must be copied, not grown
    return s, kept


s, kept = build(100, True)
print(s[-10:], len(s), kept[:3], [len(k) for k in kept[-3:]])
s, kept = build(200, False)
print(s[-10:], len(s))


def grow(parts):
    s = "start:"
    for p in parts:
        s = s + p
    return s


print(grow(["a"] * 60 + ["é", "€", "x", "😀", "y"] + ["b"] * 40))

alias = "abc"
t = alias
for i in range(80):
    t += "d"
print(alias, len(t))


pow_code = (lambda x, y: x ** y).__code__.co_code


def ops(a, b):
    out = []
    for f in (lambda x, y: x & y, lambda x, y: x | y, lambda x, y: x ^ y,
              lambda x, y: x + y, lambda x, y: x - y, lambda x, y: x * y,
              lambda x, y: x % y, lambda x, y: x // y, lambda x, y: x >> y,
              lambda x, y: x / y, lambda x, y: x ** y):
        if isinstance(a, int) and isinstance(b, int) and f.__code__.co_code == pow_code:
            continue  # int ** int of this size is not the point here
        try:
            out.append(f(a, b))
        except (ZeroDivisionError, ValueError, OverflowError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


pairs = [(2**31 + 5, 2**29 + 3)] * 70 + [
    (-7, 3), (7, -3), (-(2**59), 2**59 - 1), (2**59, 2**59), (2**61, 3), (5, 0), (5, 70),
    (-5, 70), (2**40, 2**40), (1.5, 2), (3, 0.5), (2.0, 0), (0, 2.0), (0.0, -1.0),
    (-8.0, 1 / 3), (1e300, 0.5), (2**30, 2.5), (True, 3), (7, True)]
results = [ops(a, b) for a, b in pairs]
print(results[0])
for r in results[70:]:
    print(r)

acc = 0
seed = 1
for i in range(300):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    acc ^= seed % 97
    acc += seed >> 20
print(seed, acc)
