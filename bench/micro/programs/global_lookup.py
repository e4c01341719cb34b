# Micro: module globals and builtins read inside a function (LOAD_GLOBAL_MODULE and
# LOAD_GLOBAL_BUILTIN), with calls of a global function and of builtins.
STEP = 3
LIMIT = 1 << 20
WEIGHTS = (1, 2, 3)


def clamp(v):
    return v if v < LIMIT else v - LIMIT


def work(n):
    total = 0
    for i in range(n):
        total = clamp(total + STEP + WEIGHTS[i % 3])
        if len(WEIGHTS) > STEP:
            total += LIMIT
        total ^= STEP
    return total


print(work(1500000))
