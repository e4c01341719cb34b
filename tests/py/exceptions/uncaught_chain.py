# An uncaught chained exception: the traceback with carets and both chain messages on stderr.
def parse(text):
    return int(text)
def load(values):
    results = []
    for v in values:
        try:
            results.append(parse(v))
        except ValueError as e:
            raise RuntimeError(f'cannot load {v!r}') from e
    return results
print(load(['1', '2']))
data = {'key': [1, 2, 3]}
print(data['key'][1] + 1)
load(['3', 'four'])
