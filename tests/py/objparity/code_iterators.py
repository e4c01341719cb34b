# Object-model parity probe (issue 4): what CPython 3.14.2 prints for the same calls.
# The iterators of code.co_lines(), co_positions() and co_branches(): types, protocol, refusals.
def f(a):
    return a + 1 if a else 2
co = f.__code__
for name in ['co_lines', 'co_positions', 'co_branches']:
    it = getattr(co, name)()
    T = type(it)
    print(name, T.__name__, T.__qualname__, T.__module__, T.__flags__ & ~(1 << 12) & ~(1<<19), sorted(vars(T)), T.__doc__, T.__base__)
    print(' iter is self', iter(it) is it, '__next__' in dir(it), '__length_hint__' in dir(it), '__reduce__' in vars(T))
    print(' items', list(it)[:3], list(it))
    for call in [lambda: T(), lambda: T(co), lambda: type('S', (T,), {})]:
        try:
            r = call()
            print(' ', type(r).__name__)
        except Exception as e:
            print(' !!', type(e).__name__, e)
    print(' repr', repr(getattr(co, name)()).split(' at ')[0])
    try:
        import copy; copy.copy(getattr(co, name)())
        print(' copy ok')
    except Exception as e:
        print(' copy !!', type(e).__name__, e)
    import gc
    print(' gc tracked', gc.is_tracked(getattr(co, name)()))
