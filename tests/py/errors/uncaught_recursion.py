# An uncaught RecursionError: the traceback collapses repeated frames ("[Previous line repeated ...]").
import sys
sys.setrecursionlimit(60)
def countdown(n):
    if n == 0:
        return 0
    return countdown(n - 1) + 1
print(countdown(10))
countdown(1000)
