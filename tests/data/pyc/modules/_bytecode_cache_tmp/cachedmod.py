VALUE = 41 + 1
def f():
    return VALUE, [x * 2 for x in range(3)]
