def t(v, s):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)
for s in ['._d', '.,d', '._', '.,', '._x', '.,b', '._n', '.,n', '._c', '.3_d', '10._d', '._%', '._e', '.3_s', '._s', '.,s', '._g']:
    for v in [1234567, 1234.56789, 'abcdef', 1+2.5j, True]:
        t(v, s)
