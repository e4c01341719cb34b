# doctest runs a function's examples (through pdb and sys.settrace machinery).
import doctest
import io


def add(a, b):
    """Adds.

    >>> add(1, 2)
    3
    >>> add('a', 'b')
    'ab'
    >>> add(1, 1)
    3
    """
    return a + b


finder = doctest.DocTestFinder()
runner = doctest.DocTestRunner(verbose=False)
out = io.StringIO()
for test in finder.find(add, "add", globs={"add": add}):
    runner.run(test, out=out.write)
print(runner.summarize(verbose=False))
print("\n".join(l for l in out.getvalue().splitlines() if not l.startswith("File")))


