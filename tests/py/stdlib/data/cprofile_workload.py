# Profiled by `cppy -m cProfile` (tests/cmake/net.cmake); the same program runs through
# cProfile.main() in tests/py/stdlib/cprofile_mod.py, whose reference output gives the counts.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def words(text):
    return sorted(set(text.split()))


def gen(n):
    for i in range(n):
        yield i * i


def main():
    total = sum(gen(10))
    out = [fib(i) for i in range(8)]
    out.append(len(words("b a c a b")))
    return total, out


if __name__ == "__main__":
    print("workload", main())
