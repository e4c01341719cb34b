"""Deep recursion gone wrong: the RecursionError traceback with repeated frames, uncaught."""
import sys


def walk(node, depth=0):
    return walk(node["next"], depth + 1)


def count_down(n):
    if n == 0:
        return 0
    return 1 + count_down(n - 1)


print(count_down(500))
sys.setrecursionlimit(200)
try:
    count_down(1000)
except RecursionError as exc:
    print("RecursionError:", exc)
print(sys.getrecursionlimit())


class Node:
    def __init__(self):
        self.next = self

    def __repr__(self):
        return f"Node({self.next!r})"


try:
    repr(Node())
except RecursionError as exc:
    print("repr:", exc)
lst = []
lst.append(lst)
print(lst, repr({"k": lst}))
d = {}
d["self"] = d
print(d)


def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


try:
    ping(0)
except RecursionError as exc:
    tb = exc.__traceback__
    depth = 0
    while tb:
        depth += 1
        tb = tb.tb_next
    print("depth reasonable:", 100 < depth <= 200)
node = {}
node["next"] = node
walk(node)
