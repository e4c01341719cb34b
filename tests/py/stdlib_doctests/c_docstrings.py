"""The doctests found in the docstrings of C-implemented classes (decimal.Context's methods
carry examples) and the routines DocTestFinder sees in their dicts."""
import collections
import decimal
import doctest

for mod in (collections, decimal):
    tests = [t for t in doctest.DocTestFinder().find(mod) if t.lineno is None]
    print(mod.__name__, len(tests), sum(len(t.examples) for t in tests))
    for t in sorted(tests, key=lambda t: t.name):
        print(" ", t.name, len(t.examples))
    runner = doctest.DocTestRunner(verbose=False)
    for t in sorted(tests, key=lambda t: t.name):
        runner.run(t)
    print(runner.summarize(verbose=False))
