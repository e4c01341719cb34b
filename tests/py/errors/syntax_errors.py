# SyntaxError attributes from compile() for a range of mistakes.
snippets = [
    'x = (1, 2',
    'def f(:\n    pass',
    'if True\n    pass',
    'print "hello"',
    'x = 1 +* 2',
    'for x in range(3):\npass',
    'class C:\n  def f(self):\n      return 1\n    x = 2',
    'a = 1\nb = 2\nc = = 3',
    'f(**x, *y)',
    'lambda x: yield x',
    'x := 5',
    'del f()',
    '1 = x',
    'f(x for x in y, 1)',
    'nonlocal z',
    'def f():\n    x = 1\n    global x',
    "'unterminated",
    '"""never closed',
    'x = 0777',
    'import a.b as',
    'try:\n    pass',
    'return',
    'break',
    'async = 1',
    'a, b += 1',
    'match x:\n    case 1:\n        pass\n    case _:\n        pass\n    case 2:\n        pass',
    'f"{x!z}"',
    '(x for x in y) = 1',
    '\tif 1:\n        pass',
    'x = [1, 2,, 3]',
    'def f(a, a): pass',
    'def f(a=1, b): pass',
    'print(1 2)',
]
for src in snippets:
    try:
        compile(src, '<case>', 'exec')
        print('compiled?!', repr(src))
    except SyntaxError as e:
        print(repr(src)[:30].ljust(32), type(e).__name__, '|', e.msg, '|', e.lineno, e.offset, e.end_lineno, e.end_offset, '|', repr(e.text))
try:
    compile('x = 1\n', 'named.py', 'exec', dont_inherit=True)
    compile('\x00', 'nul.py', 'exec')
except SyntaxError as e:
    print('NUL:', e.msg)
except ValueError as e:
    print('NUL ValueError:', e)
