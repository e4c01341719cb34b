# The two kinds of dict table (DICT_KEYS_UNICODE: every key an exact str, 2-word entries;
# DICT_KEYS_GENERAL: 3-word entries with the hash) and the table sizes CPython 3.14 chooses,
# read back from sys.getsizeof as (log2 of the index size, kind): growth by insertion, the
# conversion of a str table at the first other key, presized tables, copies, merges,
# fromkeys, comprehensions, keyword dicts; plus the iteration order after each and what
# gc.get_referents sees (a str table shows only its values).
import gc
import struct
import sys

P = struct.calcsize('P')
BASE = sys.getsizeof({})
HEADER = 32 if P == 8 else 20  # sizeof(PyDictKeysObject)


def geometry(d):
    n = sys.getsizeof(d)
    if n == BASE:
        return 'empty'
    for log2 in range(3, 24):
        size = 1 << log2
        index_bytes = size if log2 < 8 else 2 * size if log2 < 16 else 4 * size
        usable = (size << 1) // 3
        for kind, entry in (('str', 2 * P), ('general', 3 * P)):
            if BASE + HEADER + index_bytes + usable * entry == n:
                return (log2, kind)
    return ('unknown', n - BASE)


def show(label, d):
    print(label, geometry(d), list(d)[:4], len(d))


class S(str):
    pass


for n in (0, 1, 3, 5, 6, 10, 11, 21, 22, 43):
    d = {}
    for i in range(n):
        d['k%d' % i] = i
    show('grown%d' % n, d)
    d[12345] = 'x'
    show('grown%d+int' % n, d)
    e = {}
    for i in range(n):
        e[i] = i
    show('int%d' % n, e)
    e['s'] = 1
    show('int%d+str' % n, e)
    f = {'k%d' % i: i for i in range(n)}
    f[S('sub')] = 0
    show('comp%d+strsub' % n, f)
    f = {'k%d' % i: i for i in range(n)}
    f[(1, 2)] = 0
    show('comp%d+tuple' % n, f)

# A str table emptied by deletions, then given another key.
d = {'a': 1, 'b': 2, 'c': 3}
del d['a'], d['b'], d['c']
show('emptied', d)
d[1.5] = 0
show('emptied+float', d)
d = {'k%d' % i: i for i in range(8)}
for i in range(6):
    del d['k%d' % i]
d[7] = 7
show('sparse+int', d)

# Presized tables: keyword arguments, dict(), fromkeys, copies and merges.
def kw(**kwargs):
    return kwargs


for n in (0, 1, 5, 6, 7, 11, 12, 20):
    names = {'n%d' % i: i for i in range(n)}
    show('kwargs%d' % n, kw(**names))
    show('dict_kw%d' % n, dict(**names))
    show('dict_pairs%d' % n, dict(list(names.items())))
    show('dict_dict%d' % n, dict(names))
    show('fromkeys_list%d' % n, dict.fromkeys(list(names)))
    show('fromkeys_dict%d' % n, dict.fromkeys(names))
    show('fromkeys_set%d' % n, dict.fromkeys(set(range(n))))
    print('fromkeys_strset%d' % n, geometry(dict.fromkeys(set(names))))  # order: hashes
    show('copy%d' % n, names.copy())
    mixed = dict(names)
    mixed[0.5] = 1
    show('mixed%d' % n, mixed)
    show('mixed_copy%d' % n, mixed.copy())
    show('merge%d' % n, {**names})
    show('merge_mixed%d' % n, {**mixed})
    u = {'z': 0}
    u.update(names)
    show('update%d' % n, u)
    u = {0: 0}
    u.update(names)
    show('update_int%d' % n, u)
    u = {'z': 0}
    u.update(mixed)
    show('update_mixed%d' % n, u)
    if n:
        p = dict(names)
        p.popitem()
        show('popitem%d' % n, p)
        p['new'] = 1
        show('popitem%d+new' % n, p)

# Iteration order across a conversion, and the referents the collector sees.
d = {'b': 1, 'a': 2, 'c': 3}
d[2] = 4
del d['a']
d['a'] = 5
print(list(d.items()))
v = [1]
w = [2]
print(len(gc.get_referents({'x': v, 'y': w})), len(gc.get_referents({1: v, 'y': w})))

# Dict displays (BUILD_MAP: _PyDict_FromItems presizes a str table only when every key is a
# str).
a, b, c = 'a', 'b', 1
show('display6', {a: 1, b: 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6})
show('display6_mixed', {a: 1, b: 2, c: 3, 'd': 4, 'e': 5, 'f': 6})
show('display7_mixed_last', {a: 1, b: 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, c: 7})
show('display11', {a: 1, b: 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7, 'h': 8, 'i': 9,
                   'j': 10, 'k': 11})
show('display3_int', {c: 1, 2: 2, 3: 3})
show('display_dup', {a: 1, b: 2, a: 3, b: 4, 'c': 5, 'd': 6})
