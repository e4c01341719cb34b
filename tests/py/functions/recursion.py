# Recursion: classic algorithms, mutual recursion, deep recursion and RecursionError.
import sys
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10, 'A', 'B', 'C', [])), hanoi(2, 'A', 'B', 'C', []))
def is_even(n): return True if n == 0 else is_odd(n - 1)
def is_odd(n): return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7))
def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print(perms('abc'))
def flatten(x):
    return [y for item in x for y in flatten(item)] if isinstance(x, list) else [x]
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def ackermann(m, n):
    if m == 0: return n + 1
    if n == 0: return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print('RecursionError:', e)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
try:
    depth(1000)
except RecursionError as e:
    print('limited:', e)
sys.setrecursionlimit(1000)
print(depth(300))
class Node:
    def __init__(self, v, *kids): self.v, self.kids = v, kids
    def total(self): return self.v + sum(k.total() for k in self.kids)
    def __repr__(self): return f'N({self.v}{"".join(", " + repr(k) for k in self.kids)})'
tree = Node(1, Node(2, Node(4)), Node(3, Node(5), Node(6)))
print(tree.total(), tree)
lst = []; lst.append(lst)
d = {}; d['d'] = d
print(repr(lst), repr(d))
def gcd(a, b): return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 100, 6 ** 50))
