# Generator pipelines, lazy evaluation order, infinite generators, send-driven coroutines.
def numbers():
    for n in range(1, 11):
        print('produce', n)
        yield n
def evens(src):
    for n in src:
        if n % 2 == 0:
            yield n
def squared(src):
    for n in src:
        yield n * n
pipe = squared(evens(numbers()))
print(next(pipe))
print(next(pipe))
print(list(pipe))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * 3 for x in naturals()))))
def primes():
    found = []
    for n in naturals():
        if n > 1 and all(n % p for p in found):
            found.append(n)
            yield n
print(list(take(10, primes())))
def chunked(it, size):
    chunk = []
    for v in it:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print(list(chunked(range(7), 3)))
def grep(pattern):
    print('grep started')
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print('grep closing with', matches)
g = grep('py')
next(g)
for line in ['python', 'java', 'pypy', 'c']:
    g.send(line)
g.close()
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, (3, [4])], [], 5])))
def running_avg():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
ra = running_avg(); next(ra)
print([ra.send(v) for v in [4, 8, 15]])
gen_exp = (i for i in range(3))
print(gen_exp.__name__, gen_exp.__qualname__, list(gen_exp), iter(gen_exp) is gen_exp)
def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)
print(list(interleave('abc', [1, 2], 'XYZW')))
