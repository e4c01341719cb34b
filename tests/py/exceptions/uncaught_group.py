# An uncaught exception group with a note: the boxed traceback format on stderr.
def work(n):
    if n % 2:
        raise ValueError(f'odd {n}')
    return n
errors = []
for i in range(4):
    try:
        work(i)
    except ValueError as e:
        errors.append(e)
print('collected', len(errors))
eg = ExceptionGroup('work failed', errors)
eg.add_note('while processing the batch')
raise eg
