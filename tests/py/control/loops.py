# if/elif/else, while and for with else, break and continue, nested loops.
for n in [-5, 0, 7, 100]:
    if n < 0:
        kind = 'negative'
    elif n == 0:
        kind = 'zero'
    elif n < 10:
        kind = 'small'
    else:
        kind = 'large'
    print(n, kind)
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print('found at', i)
            break
    else:
        print('not found')
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print('even', i)
else:
    print('while-else not reached')
j = 3
while j:
    j -= 1
else:
    print('while-else reached, j =', j)
for a in range(3):
    for b in range(3):
        if b > a:
            break
        if (a + b) % 2:
            continue
        print('pair', a, b)
    else:
        print('inner completed for', a)
primes = []
for candidate in range(2, 30):
    for p in primes:
        if candidate % p == 0:
            break
    else:
        primes.append(candidate)
print(primes)
for x in []:
    print('never')
else:
    print('empty for-else')
count = 0
while True:
    count += 1
    try:
        if count == 3:
            break
    finally:
        print('finally in loop', count)
for k in range(3):
    try:
        continue
    finally:
        print('finally on continue', k)
it = iter([1, 2, 3, 4, 5])
for v in it:
    if v == 2:
        print('skip', next(it))
print(list(it), 'pass' if True else None)
if not []: print('one-line if')
while False: pass
