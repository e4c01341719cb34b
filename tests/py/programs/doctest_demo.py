import doctest

def average(values):
    """Return the arithmetic mean of a list of numbers.

    >>> average([20, 30, 70])
    40.0
    >>> average([])
    Traceback (most recent call last):
        ...
    ZeroDivisionError: division by zero
    >>> print(round(average([1, 2, 2]), 3))
    1.667
    """
    return sum(values) / len(values)

def buggy(n):
    """Broken example.

    >>> buggy(2)
    5
    >>> buggy(3)  # doctest: +ELLIPSIS
    [0, 1, ...]
    >>> [buggy(i) for i in range(3)]
    [[], [0], [0, 1]]
    >>> {'b': 1, 'a': 2}
    {'a': 2, 'b': 1}
    >>> raise ValueError("oops")
    Traceback (most recent call last):
    KeyError: 'oops'
    """
    return list(range(n))

class Account:
    """A bank account.

    >>> acct = Account(100)
    >>> acct.deposit(50)
    150
    >>> acct.withdraw(500)
    Traceback (most recent call last):
      ...
    ValueError: insufficient funds
    >>> print("line1\\nline2")  # doctest: +NORMALIZE_WHITESPACE
    line1   line2
    """
    def __init__(self, balance):
        self.balance = balance
    def deposit(self, amount):
        self.balance += amount
        return self.balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        return self.balance

if __name__ == "__main__":
    print(doctest.testmod(verbose=False))
    finder = doctest.DocTestFinder()
    tests = finder.find(Account)
    print([(t.name, len(t.examples)) for t in tests])
    runner = doctest.DocTestRunner(verbose=True)
    for t in finder.find(average):
        runner.run(t)
    print(runner.summarize(verbose=False))
    parser = doctest.DocTestParser()
    ex = parser.get_examples(">>> 1 + 1\n2\n>>> x = 5\n")
    print([(e.source, e.want) for e in ex])
    print(doctest.run_docstring_examples.__name__)
