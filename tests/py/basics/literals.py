# Literal forms of every kind and their values.
print(0, 00, 0x1F, 0o17, 0b1011, 1_000_000, 0x_ff)
print(1.5, 1e10, 1E-5, 1_0.5_0, .5, 5., 1e308 * 10, -1e308 * 10)
print(3j, 1.5j, 1e3j, 0j)
print('single', "double", '''triple''', """triple double""")
print('a' 'b' "c", r'raw\n', b'bytes', rb'\x00raw', Rb'x', BR"y")
print('\x41\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\101\t|')
print(len('\n\r\t\\\'\"\a\b\f\v\0'))
print(True, False, None, ..., Ellipsis is ...)
print([], (), {}, [1, 2,], (1,), {1: 2}, {3})
print(type(...).__name__, type(None).__name__, type(NotImplemented).__name__)
print(0xFFFFFFFFFFFFFFFFFFFF, -0b1, +0o7)
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'))
print(repr(b'\x00\xff\n'), repr('\x00\x7f\x80\xff'))
x = """line1
line2\
 continued"""
print(x)
print(1 if True else 2, not None, -(-3), ~5)
