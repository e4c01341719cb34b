def f(x):
    return 10 / x

print("before")
f(0)
