# match: sequence, mapping, class, star and as patterns.
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Plain:
    __match_args__ = ('a', 'b')
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __repr__(self):
        return f'Plain({self.a}, {self.b})'
def classify(obj):
    match obj:
        case []:
            return 'empty sequence'
        case [x]:
            return f'one item {x}'
        case [1, *rest]:
            return f'starts with 1, rest {rest}'
        case [x, y] if x == y:
            return f'pair of equal {x}'
        case (a, b, *_, z):
            return f'first {a} {b} last {z}'
        case {'type': 'circle', 'r': r}:
            return f'circle r={r}'
        case {'type': 'rect', **rest}:
            return f'rect with {sorted(rest)}'
        case {}:
            return 'some mapping'
        case Point(x=0, y=0):
            return 'origin'
        case Point(0, y):
            return f'on y axis at {y}'
        case Point(x=x, y=y) if x == y:
            return f'diagonal {x}'
        case Point() as p:
            return f'point {p}'
        case Plain(1, b=b):
            return f'plain one, b={b}'
        case Plain(a, b):
            return f'plain {a} {b}'
        case int() | float() as num:
            return f'number {num}'
        case str(s):
            return f'string {s}'
        case _:
            return 'unknown'
tests = [[], [5], [1, 2, 3], [4, 4], [4, 5], (7, 8, 9, 10), 'abc', {'type': 'circle', 'r': 2},
         {'type': 'rect', 'w': 1, 'h': 2}, {'other': 1}, {}, Point(0, 0), Point(0, 5), Point(3, 3),
         Point(1, 2), Plain(1, 2), Plain(3, 4), 42, 2.5, None, range(2), (9,), iter([])]
for t in tests:
    print(repr(t) if not hasattr(t, '__next__') else 'iterator', '->', classify(t))
def nested(cmd):
    match cmd.split():
        case ['go', ('north' | 'south') as direction]:
            return f'going {direction}'
        case ['take', item, *more] if more:
            return f'take {item} and {len(more)} more'
        case ['take', item]:
            return f'take {item}'
        case ['quit' | 'exit']:
            return 'bye'
        case [*words]:
            return f'unknown {words}'
for c in ['go north', 'go west', 'take key', 'take a b c', 'quit', 'exit', '']:
    print(repr(c), '->', nested(c))
match {'a': [1, {'b': (2, 3)}]}:
    case {'a': [1, {'b': (x, *ys)}]}:
        print('deep', x, ys)
try:
    match Plain(1, 2):
        case Plain(1, 2, 3):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case Point(1):
            pass
except TypeError as e:
    print('not reached', e)
print('done')
