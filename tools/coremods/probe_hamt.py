"""Prints KEY<TAB>VALUE lines: the iteration order of the HAMT behind contexts (Python/hamt.c)
after sets and deletions. Run on the host's 64-bit CPython (its hamt folds 64-bit hashes to
32 bits as cppy does; the 32-bit reference would not), by gen_expected.py."""
import re

try:
    from _testinternalcapi import hamt
except (ImportError, AttributeError):
    from _testcapi import hamt


def out(key, value):
    print(key + "\t" + value.replace("\\", "\\\\").replace("\n", "\\n"))


def e(f):
    try:
        return repr(f())
    except BaseException as x:  # noqa: BLE001
        return type(x).__name__ + ": " + str(x)


def strip(s):
    return re.sub(r"0x[0-9a-f]+", "ADDR", s)


# ---- HAMT: iteration order after sets and deletions (int keys hash to themselves) ----

def hamt_case(name, ops):
    h = hamt()
    for op, k in ops:
        h = h.set(k, k * 10) if op == "s" else h.delete(k)
    out("hamt." + name, repr((len(h), list(h), list(h.values())[:3], h.get(ops[0][1]))))

seq = [("s", k) for k in (5, 37, 69, 101, 1, 33, 2, 1 << 30 | 5, (1 << 25) + 3, 3)]
hamt_case("small", seq)
hamt_case("collide", [("s", -1), ("s", -2), ("s", 7), ("s", 39), ("d", -1), ("s", -1)])
many = [("s", (k * 2654435761) % (1 << 30)) for k in range(40)]
hamt_case("many40", many)
hamt_case("many40_del", many + [("d", (k * 2654435761) % (1 << 30)) for k in range(0, 40, 3)])
hamt_case("deep", [("s", k << 25 | 7) for k in range(32)] + [("s", k << 20 | 7) for k in range(1, 20)])
hamt_case("deep_del", [("s", k << 25 | 7) for k in range(32)] + [("d", k << 25 | 7) for k in range(0, 32, 2)])
wide = [("s", k) for k in range(200)]
hamt_case("wide", wide + [("d", k) for k in range(0, 200, 7)])
out("hamt.eq", repr((hamt().set(1, 2) == hamt().set(1, 2), hamt().set(1, 2) == hamt().set(1, 3),
                     hamt().set(1, 2).delete(1) == hamt())))
out("hamt.errors", repr([strip(e(lambda: hamt().delete(1))), e(lambda: hamt()[5]), e(lambda: hamt().set([], 1))]))

