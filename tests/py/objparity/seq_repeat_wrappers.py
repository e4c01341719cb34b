# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
# sequence repeat: slot wrappers vs operators
for src in ["'ab'.__mul__('x')", "'ab'.__rmul__('x')", "[1].__mul__('x')", "[1].__rmul__(1.5)",
            "(1,).__mul__('x')", "(1,).__rmul__(None)", "b'a'.__mul__('x')", "b'a'.__rmul__('x')",
            "bytearray(b'a').__mul__('x')", "bytearray(b'a').__rmul__('x')", "bytearray(b'a').__imul__('x')",
            "[1].__imul__('x')", "[1].__imul__(2)", "'ab' * 'x'", "'x' * 'ab'", "[] * 1.5", "1.5 * []",
            "(1,) * None", "b'a' * 1.5", "bytearray() * 1.5", "'ab'.__mul__(2**100)", "'ab'.__mul__(-2**100)",
            "[1] * 2**100", "'a'.__mul__(True)", "'a'.__mul__()", "'a'.__mul__(1, 2)", "str.__mul__(1, 2)",
            "list.__mul__([1], 3)", "list.__imul__((), 3)", "tuple.__rmul__((1,), 2)",
            "memoryview(b'a') * 2", "range(3) * 2", "'ab'.__mul__(x=2)"]:
    p(src)
class I:
    def __index__(self): return 2
class BadI:
    def __index__(self): return 'x'
class BigI:
    def __index__(self): return 2**100
p("'ab' * I()"); p("'ab'.__mul__(I())"); p("'ab' * BadI()"); p("'ab'.__mul__(BadI())"); p("[0] * BigI()")
p("[1] * -1"); p("'ab'.__mul__(-5)")
def l():
    x = [1]; x *= 'a'; return x
p("l()")
def l2():
    x = (1,); x *= 1.5; return x
p("l2()")
# binary operators on wrong types: exact messages
for src in ["1 + 'a'", "'a' + 1", "[] + ()", "() + []", "{} + {}", "{1} + {2}", "1 < 'a'", "'a' < 1",
            "[] < ()", "None < None", "object() < object()", "1j < 1j", "{} < {}", "{1} < [1]",
            "b'a' < 'a'", "b'a' == 'a'", "1 @ 2", "'a' - 'b'", "-'a'", "~1.5", "+[]", "abs('a')",
            "divmod('a', 1)", "pow(2, 3, 'a')", "pow(2.0, 3, 5)", "pow('a', 2)", "2 ** 'a'", "1 // 0",
            "1 % 0", "1.0 // 0", "1.0 % 0.0", "divmod(1, 0)", "divmod(1.0, 0)", "1 / 0", "1.0 / 0",
            "0 ** -1", "0.0 ** -1", "(-8) ** (1/3)", "1j // 1", "1j % 1", "divmod(1j, 1)", "1 << -1",
            "1 >> -1", "1 << 2**100", "1.5 & 1", "[] & []", "{1} & [1]", "{1} | 'a'", "{1: 2} | [1]",
            "'%d' % 'x'", "'%s %s' % (1,)", "'%s' % (1, 2)", "'%(a)s' % 1", "'%z' % 1", "b'%d' % b'x'",
            "'%c' % 1.5", "'%c' % 'ab'", "'%c' % -1", "'%c' % 0x110000", "'%x' % 1.5", "'%*d' % ('a', 1)",
            "'%.*f' % ('a', 1.0)", "b'%s' % 'x'", "b'%c' % 256", "'{0}{1}'.format(1)", "'{a}'.format(1)",
            "'{'.format(1)", "'}'.format(1)", "'{0!x}'.format(1)", "'{:d}'.format('a')", "'{:s}'.format(1)",
            "format(1, 'z')", "format(1.5, 'd')", "format('a', 'd')", "format([], 'x')", "format(object(), 'x')",
            "format(1, ',_')", "format(1j, '=10')", "format(1.5, '=')", "format('a', '=5')", "format(1, '.2')",
            "format(1, 'c')", "format(-1, 'c')", "format(True, 'x')", "format(2**100, 'c')", "format(1.5, '#x')",
            "format(1, '_c')", "format('abc', '.1')", "format(1.5, '.1000f')[:10]", "format(0.0, 'n')",
            "format(1+2j, '')", "format(1+2j, 'g')", "format(1+2j, '010')", "format(1+2j, 'n')",
            "format(12345678, '_x')", "format(12345678, ',b')", "format(12345678, ',x')", "format(1.5, ',%')",
            "format(-0.0, 'z.1f')", "format(1, 'z')", "format('a', 'z')", "object().__format__('x')",
            "object().__format__(1)", "int.__format__(1, 1)", "float.__format__(1.0)"]:
    p(src)
