# 3.14 names the container when a key or element cannot be hashed.
def del_(d):
    del d[[]]
for f in [lambda: {[]: 1}, lambda: {}.__setitem__([], 1), lambda: {}[[]], lambda: {[]}, lambda: set().add([]), lambda: [] in {}, lambda: [] in set(), lambda: {}.get([]), lambda: frozenset([[]]), lambda: dict.fromkeys([[]]), lambda: {1:2}.pop([]), lambda: set().discard([]), lambda: set().remove([]), lambda: hash([]), lambda: {}.setdefault([], 1), lambda: del_({}), lambda: {1}.__contains__([])]:
    try: f()
    except TypeError as e: print(e)
