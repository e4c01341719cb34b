# eval/exec/compile with explicit namespaces, and the names they see.
g = {'a': 1}
l = {'b': 2}
print(eval('a + b', g, l), eval('[a] * 3', g), '__builtins__' in g)
exec('c = a + b\nd = c * 10', g, l)
print(sorted(l.items()))
code = compile('x * 2', '<expr>', 'eval')
print(eval(code, {'x': 21}), code.co_filename, code.co_name, type(code).__name__)
src = '''
def f(n):
    return n + offset
result = f(5)
'''
ns = {'offset': 100}
exec(src, ns)
print(ns['result'], ns['f'].__globals__ is ns)
print(eval('len("abc")', {'__builtins__': {'len': len}}))
try:
    eval('print(1)', {'__builtins__': {}})
except NameError as e:
    print(e)
def in_function():
    y = 5
    return eval('y + 1'), exec('z = 1')
print(in_function())
single = compile('1 + 1', '<single>', 'single')
exec(single)
print(eval('(lambda q: q ** 2)(9)'), eval('  7  '), eval(b'3 * 3'))
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.lineno, e.offset, repr(e.text))
try:
    exec('return 5')
except SyntaxError as e:
    print(e.msg)
mode_err = None
try:
    compile('x = 1', '<s>', 'eval')
except SyntaxError as e:
    print(e.msg)
try:
    compile('a', '<s>', 'bogus')
except ValueError as e:
    print(e)
import ast
print(ast.literal_eval("{'k': [1, 2.5, (True, None)], 'neg': -3}"), ast.literal_eval('1+2j'))
try:
    ast.literal_eval('__import__("os")')
except ValueError as e:
    print(str(e)[:40])
print(ast.dump(ast.parse('x = 1 + y'), indent=None))
