# match: builtin class patterns, mapping rest, nested alternatives, capture order, __match_args__ errors.
def kind(x):
    match x:
        case bool(b):
            return f'bool {b}'
        case int(i) | float(i) if i < 0:
            return f'negative {i}'
        case int() | float():
            return 'non-negative number'
        case str() | bytes() as s if not s:
            return 'empty text'
        case list([int(), *_]) | tuple((int(), *_)):
            return 'sequence starting with int'
        case dict({'k': int() as v, **others}) if not others:
            return f'only k={v}'
        case dict({'k': _, **others}):
            return f'k plus {sorted(others)}'
        case set() | frozenset():
            return 'a set (sets never match sequence patterns)'
        case [[a, b], [c, d]]:
            return f'2x2 {a}{b}{c}{d}'
        case _:
            return 'other'
for v in [True, -3, -2.5, 4, 0.0, '', b'', 'x', [1, 'a'], (2,), {'k': 1}, {'k': 1, 'z': 2, 'a': 3}, {1, 2}, [[1, 2], [3, 4]], ['a']]:
    print(repr(v), '->', kind(v))
def strings_not_sequences(x):
    match x:
        case [*chars]:
            return f'sequence of {len(chars)}'
        case _:
            return 'not matched as sequence'
print(strings_not_sequences('abc'), strings_not_sequences(b'ab'), strings_not_sequences(bytearray(b'a')), strings_not_sequences(range(3)))
class Pt:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
def where(p):
    match p:
        case Pt(x=0) | Pt(y=0):
            return 'on an axis'
        case Pt(x, y) if x == y:
            return 'diagonal'
        case Pt(x=int(x), y=int(y)):
            return f'lattice {x},{y}'
        case Pt():
            return 'somewhere'
print([where(p) for p in [Pt(0, 5), Pt(3, 0), Pt(2, 2), Pt(1, 2), Pt(0.5, 1.5)]])
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
class BadArgs:
    __match_args__ = ['x']
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match 1:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)
x = 'untouched'
match [1, 2]:
    case [x, 3]:
        pass
    case _:
        pass
print('capture after failed case:', x)
match {'a': 1, 'b': 2}:
    case {'a': 1, **rest}:
        print('rest', rest)
match 42:
    case 41 | 42 | 43 as n:
        print('or-pattern bound', n)
