# match: literal, capture, wildcard, value, or- and guard patterns.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def describe(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case -1:
            return 'minus one'
        case 1.5:
            return 'one and a half'
        case 'hello':
            return 'greeting'
        case b'raw':
            return 'bytes'
        case True:
            return 'true'
        case None:
            return 'none'
        case Color.RED:
            return 'red'
        case 2+3j:
            return 'complex'
        case str() as s if len(s) > 3:
            return f'long string {s!r}'
        case int(n) if n > 100:
            return f'big {n}'
        case other:
            return f'other {other!r}'
for v in [0, 2, -1, 1.5, 'hello', b'raw', True, False, None, Color.RED, Color.GREEN, 2+3j, 'hey', 'world', 500, 50, 1.0, 0.0]:
    print(repr(v), '->', describe(v))
def wild(x):
    match x:
        case _:
            return 'anything'
print(wild(object) == 'anything')
LIMIT = 10
class Consts:
    LIMIT = 10
def dotted(x):
    match x:
        case Consts.LIMIT:
            return 'limit'
        case LIMIT:
            return f'captured {LIMIT}'
print(dotted(10), dotted(11))
def guard_order(x):
    match x:
        case n if (print('guard1', n) or n > 5):
            return 'gt5'
        case n if (print('guard2', n) or True):
            return 'any'
print(guard_order(7), guard_order(3))
