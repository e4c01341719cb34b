# PEP 765: return/break/continue that leave a finally block get a SyntaxWarning at compile
# time (an error under the 'error' filter: a SyntaxError at the statement); those inside a
# nested function or loop of the finally block do not.
import warnings

snippets = {
    'return': 'def f():\n    try:\n        pass\n    finally:\n        return 1\n',
    'break': 'for i in x:\n    try:\n        pass\n    finally:\n        break\n',
    'continue': 'while x:\n    try:\n        pass\n    finally:\n        if y:\n            continue\n',
    'nested def': 'try:\n    pass\nfinally:\n    def g():\n        return 2\n',
    'nested loop': 'try:\n    pass\nfinally:\n    for j in y:\n        break\n        continue\n',
    'loop in def': 'def f():\n    for i in x:\n        try:\n            pass\n        finally:\n            return i\n',
    'try star': 'def f():\n    try:\n        pass\n    except* ValueError:\n        pass\n    finally:\n        return 3\n',
    'async': 'async def f():\n    async for i in x:\n        try:\n            pass\n        finally:\n            break\n',
    'two': 'def f():\n    try:\n        pass\n    finally:\n        try:\n            pass\n        finally:\n            return 1\n        return 2\n',
    'except': 'def f():\n    try:\n        pass\n    except Exception:\n        return 1\n    else:\n        return 2\n',
}
for name, src in snippets.items():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        compile(src, f'<{name}>', 'exec')
    print(name, [(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            compile(src, f'<{name}>', 'exec')
            print('  compiles')
        except SyntaxError as e:
            print('  SyntaxError', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

import ast
tree = ast.parse(snippets['return'])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    compile(tree, '<tree>', 'exec')
print('from AST', [str(x.message) for x in w])

def at_top():
    try:
        return 'body'
    finally:
        return 'finally'
print(at_top())
