# Comparisons of mixed types, chained forms and their evaluation order.
def v(x, tag):
    print('eval', tag)
    return x
print(v(1, 'a') < v(2, 'b') < v(0, 'c') < v(5, 'd'))
print(v(3, 'a') < v(2, 'b') < v(5, 'c'))
print(1 < 2.5 < 3, 2 == 2.0, 1 != 1.0, 10 ** 20 > 1e19, 2 ** 53 + 1 > 2.0 ** 53)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), 'abc' < 'abd', 'Z' < 'a')
print([] == [], [] is [], () == (), {1: 2} == {1: 2}, {1, 2} == {2, 1})
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {3} > set(), {1} > {2})
print(float('nan') == float('nan'), float('nan') != float('nan'), float('inf') > 1e308)
nan = float('nan')
print(nan in [nan], [nan] == [nan])
for op in ['<', '<=', '>', '>=']:
    try:
        eval('1 ' + op + ' "x"')
    except TypeError as e:
        print(op, e)
try:
    [1] < (1,)
except TypeError as e:
    print(e)
try:
    {} < {}
except TypeError as e:
    print(e)
print(None == 0, None is None, 1 == True, 0 == False, 2 == True)
print(max([3, 1, 4]), min('hello'), sorted([3, 1, 2]) == [1, 2, 3])
print(1j == 1j, 1 + 0j == 1)
try:
    1j < 2j
except TypeError as e:
    print(e)
class Eq:
    def __eq__(self, other):
        print('Eq.__eq__')
        return NotImplemented
print(Eq() == 1, Eq() != 1)
print(b'a' < b'b', bytearray(b'a') == b'a', 'a' == b'a')
