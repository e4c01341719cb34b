# Truthiness of every built-in kind, short-circuit operators and conditional expressions.
for v in [0, 1, -1, 0.0, 0.1, 0j, '', ' ', [], [0], (), (None,), {}, {0: 0}, set(), frozenset(), None, range(0), range(1), b'', bytearray(1)]:
    print(repr(v), bool(v), 'T' if v else 'F')
class Sized:
    def __len__(self): return 0
class Truthy:
    def __bool__(self): return True
    def __len__(self): return 0
class Bad:
    def __bool__(self): return 1
print(bool(Sized()), bool(Truthy()), bool(object()))
try:
    bool(Bad())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    bool(NegLen())
except ValueError as e:
    print(e)
def t(x):
    print('eval', x)
    return x
print(t(0) or t('') or t('last'))
print(t(1) and t(2) and t(0) and t(3))
print(t(None) if t(False) else t('else'))
print(not t([]), t(0) is 0 if False else 'skipped')
x = 5
print('big' if x > 10 else 'medium' if x > 3 else 'small')
print([('even' if i % 2 == 0 else 'odd') for i in range(4)])
print((lambda: 'yes' if x else 'no')(), (1 and [] or 'fallback'))
