# with statements: multiple managers, parenthesized form, exceptions in __enter__/__exit__, ordering.
class CM:
    def __init__(self, name, fail_enter=False, swallow=False):
        self.name, self.fail_enter, self.swallow = name, fail_enter, swallow
    def __enter__(self):
        print('enter', self.name)
        if self.fail_enter:
            raise RuntimeError(f'{self.name} failed to enter')
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return self.swallow
with CM('a') as a, CM('b') as b:
    print('body', a, b)
with (
    CM('p') as p,
    CM('q'),
):
    print('parenthesized', p)
try:
    with CM('x'), CM('y', fail_enter=True), CM('z'):
        print('never')
except RuntimeError as e:
    print('caught', e)
with CM('outer', swallow=True):
    with CM('inner'):
        raise ValueError('propagates through inner, swallowed by outer')
print('after swallow')
def early_return():
    with CM('r'):
        return 'returned'
print(early_return())
for i in range(3):
    with CM(f'loop{i}'):
        if i == 1:
            continue
        if i == 2:
            break
        print('loop body', i)
class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a): raise KeyError('from exit')
try:
    with BadExit():
        raise ValueError('original')
except KeyError as e:
    print('exit raised', repr(e), 'context', repr(e.__context__))
class NotCM: pass
try:
    with NotCM():
        pass
except TypeError as e:
    print(e)
class OnlyEnter:
    def __enter__(self): return 1
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)
with CM('t') as (first, *rest):
    print(first, rest)
target = {}
with CM('k') as target['key']:
    pass
print(target)
