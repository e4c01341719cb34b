# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
class Idx:
    def __index__(self): return 5
class IntL:
    def __int__(self): return 7
class FltL:
    def __float__(self): return 2.5
class BadInt:
    def __int__(self): return 'x'
class BadIdx:
    def __index__(self): return 1.5
class TruncL:
    def __trunc__(self): return 3
class CpxL:
    def __complex__(self): return 1j
class BadCpx:
    def __complex__(self): return 1
class IntSub(int): pass
class IntRet:
    def __int__(self): return IntSub(4)
class StrSub(str): pass
for src in ["int('10', 2)", "int('10', base=2)", "int(x='10')", "int('10', 1)", "int('10', 37)", "int('10', -1)", "int(10, 2)",
            "int('0x10', 0)", "int('010', 0)", "int(' 1_0 ')", "int('1__0')", "int('_1')", "int('')", "int('١٢')", "int(b'12')",
            "int(bytearray(b'12'))", "int(memoryview(b'12'))", "int(Idx())", "int(IntL())", "int(BadInt())", "int(BadIdx())",
            "int(TruncL())", "int(FltL())", "int(1e400)", "int(float('nan'))", "int('1' * 5000)", "int(IntRet())", "type(int(IntRet()))",
            "int('10', Idx())", "int('10', 2.0)", "int(None)", "int([])", "int('12', base=None)", "int(StrSub('12'))", "int('1e3')",
            "float('1_0.5')", "float(' 1.5 ')", "float('nan')", "float('-inf')", "float('infinity')", "float('1e500')", "float('0x1p3')",
            "float(b'1.5')", "float(FltL())", "float(IntL())", "float(Idx())", "float(x=1)", "float('')", "float('1.5j')",
            "float(2**1100)", "float.fromhex('0x1p3')", "float.fromhex('x')", "float.fromhex('0x1p99999')", "(1.5).hex()",
            "(2.5).as_integer_ratio()", "float('inf').as_integer_ratio()", "float('nan').as_integer_ratio()", "(1.0).is_integer()",
            "round(2.5)", "round(3.5)", "round(2.675, 2)", "round(1.5, None)", "round(1.5, 'x')", "round(float('inf'))",
            "round(float('nan'))", "round(1e300, -400)", "round(12345, -2)", "round(12355, -1)", "round(5, Idx())", "round(IntSub(5))",
            "type(round(IntSub(5)))", "divmod(7.5, 2)", "divmod(-7, 2)", "divmod(7, -2.0)", "(-8) ** 0.5", "pow(-8, 1/3)",
            "pow(2, -1, 5)", "pow(2, -1, 4)", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "pow(2, 3.0, 5)", "pow(2, 10**6, 7)",
            "0.0 ** -1", "0 ** -1.0", "(-1) ** 0.5", "2 ** -1", "10 ** 400 / 1", "10 ** 400 // 1.0", "1 / 10 ** 400",
            "complex('1+2j')", "complex('1 + 2j')", "complex('(1+2j)')", "complex(' (1+2j) ')", "complex('j')", "complex('')",
            "complex('1', 2)", "complex(1, '2')", "complex(1j, 1j)", "complex(CpxL())", "complex(BadCpx())", "complex(FltL())",
            "complex(Idx())", "complex(real=1, imag=2)", "complex(imag=2)", "complex('nanj')", "complex('infj')", "abs(1e308+1e308j)",
            "(1+2j) ** 0", "0j ** -1", "0j ** 0j", "(1j).conjugate()", "(1+2j).__getnewargs__()", "complex.from_number(1)",
            "complex.from_number('1')", "float.from_number(1)", "float.from_number('1')", "int.from_bytes(b'\\x01\\x00', 'little')",
            "int.from_bytes(b'\\xff', signed=True)", "int.from_bytes([1, 2], 'big')", "int.from_bytes('ab', 'big')",
            "int.from_bytes(b'\\x01', 'middle')", "(256).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big', signed=True)",
            "(1).to_bytes(-1, 'big')", "(1).to_bytes()", "(1).to_bytes(byteorder='little')", "(255).to_bytes(1, 'x')",
            "(10).bit_count()", "(-10).bit_length()", "(10).is_integer()", "(10).as_integer_ratio()", "IntSub(3).as_integer_ratio()",
            "type(IntSub(3).as_integer_ratio()[0])", "(10).__round__(-1)", "(15).__round__(-1)", "(25).__round__(-1)",
            "(10).__trunc__()", "(10).__floor__()", "(10).__ceil__()", "(10).conjugate()", "True.conjugate()", "type(True.real)",
            "(5).__format__('08b')", "format(2**64, ',')", "format(-0.0, '+')", "format(1e16, '')", "format(1e16, 'g')",
            "format(123.456, '.2e')", "format(1.5, '%')", "format(float('nan'), '010')", "format(float('inf'), '=+10')",
            "format(1e-7, '')", "format(0.1, '.17')", "format(1.0, '#')", "format(1, '#o')", "format(-1, '#x')", "format(255, 'X')",
            "format(1234.5, ',.1f')", "format(1234.5, '_.1f')", "format(1234.5, 'n')", "format(10**20, 'e')", "format(True, 'd')",
            "format(True, '')", "format(True, '^6')", "format(3+4j, '.1f')", "format(3+4j, '>20')", "format(-0.0+0j, '')",
            "repr(-0.0+0j)", "repr(complex(-0.0, -0.0))", "repr(1e22)", "repr(1e16)", "repr(123456789012345678.0)", "repr(0.1+0.2)",
            "repr(5e-324)", "repr(float('-nan'))", "str(1e-5)", "str(1.0e-4)", "int.__new__(IntSub, 5).__class__", "int.__new__(bool, 1)",
            "bool.__new__(bool, 0)", "bool(x=1)", "bool(1, 2)", "True + True", "True & 1", "True | False", "type(True ^ True)",
            "~False", "-True", "hash(True) == hash(1)", "True.__index__()", "bool.__or__(True, 1)", "int.__or__(True, False)"]:
    p(src)
