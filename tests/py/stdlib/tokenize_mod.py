import tokenize, io
src = 'x = """a\nb""" + y  # c\nif x:\n    pass\n\u00e9t\u00e9 = 1\nf"{a!r:>{w}} {b=}"\n'
for t in tokenize.generate_tokens(io.StringIO(src).readline):
    print(t)
for t in tokenize.tokenize(io.BytesIO(b"# -*- coding: latin-1 -*-\nz = '\xe9'\n").readline):
    print(t)
for bad in ["def f(:\n  (", "if x:\n    a\n  b\n", "x = 1 \\ y\n", "s = 'abc\n", "if 1:\n\tif 2:\n        pass\n"]:
    try:
        print(list(tokenize.generate_tokens(io.StringIO(bad).readline))[-1])
    except Exception as e:
        print(type(e).__name__, e.args)
import linecache
print(repr(linecache.getline(__file__, 2)))
