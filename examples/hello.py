# The README's sample program.
import sys

def greet(name):
    return f"Hello from {sys.implementation.name}, {name}!"

print(greet("world"))
print(sum(i * i for i in range(10)))
