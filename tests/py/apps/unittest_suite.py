"""Inventory helpers with doctests.

>>> parse_qty("3x apple")
(3, 'apple')
"""
import doctest
import sys
import unittest


def parse_qty(text):
    """Parse 'NxNAME'.

    >>> parse_qty("12x pear")
    (12, 'pear')
    >>> parse_qty("pear")
    Traceback (most recent call last):
        ...
    ValueError: no quantity in 'pear'
    >>> [parse_qty(f"{i}x a")[0] for i in range(3)]
    [0, 1, 2]
    """
    if "x " not in text:
        raise ValueError(f"no quantity in {text!r}")
    n, name = text.split("x ", 1)
    return int(n), name


class Inventory:
    """A bag of things.

    >>> inv = Inventory()
    >>> inv.add("apple", 3)
    >>> inv.add("apple")
    >>> inv.count("apple")
    4
    >>> inv  # doctest: +ELLIPSIS
    Inventory({'apple': 4...})
    >>> print(inv.report())
    apple    4
    >>> inv.remove("pear")
    Traceback (most recent call last):
    KeyError: 'pear'
    >>> sorted({3, 1, 2})   # doctest: +NORMALIZE_WHITESPACE
    [1,   2,
     3]
    """

    def __init__(self):
        self.items = {}

    def add(self, name, n=1):
        self.items[name] = self.items.get(name, 0) + n

    def count(self, name):
        return self.items.get(name, 0)

    def remove(self, name, n=1):
        if name not in self.items:
            raise KeyError(name)
        self.items[name] -= n

    def report(self):
        return "\n".join(f"{k:<8} {v}" for k, v in sorted(self.items.items()))

    def __repr__(self):
        return f"Inventory({self.items!r})"


def broken():
    """A failing doctest.

    >>> 1 + 1
    3
    >>> print("a\\nb")
    a
    c
    """


class TestInventory(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")

    def setUp(self):
        self.inv = Inventory()
        self.inv.add("apple", 2)

    def tearDown(self):
        self.inv = None

    def test_add(self):
        self.inv.add("apple")
        self.assertEqual(self.inv.count("apple"), 3)

    def test_remove_missing(self):
        with self.assertRaises(KeyError) as cm:
            self.inv.remove("kiwi")
        self.assertEqual(cm.exception.args, ("kiwi",))

    def test_raises_regex(self):
        self.assertRaisesRegex(ValueError, "no quantity", parse_qty, "zzz")

    def test_fail_equal(self):
        self.assertEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3]})

    def test_fail_multiline(self):
        self.assertEqual("line1\nline2\nline3\n", "line1\nlineX\nline3\n")

    def test_fail_list(self):
        self.assertListEqual([1, 2, 3], [1, 2, 4, 5])

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.skipIf(sys.version_info >= (3,), "py3")
    def test_skipif(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_misc_asserts(self):
        self.assertIn(1, [1, 2])
        self.assertIsNone(None)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertIsInstance(1, int)
        self.assertGreaterEqual(3, 3)
        self.assertRegex("hello", r"h.l")
        self.assertDictEqual({}, {})
        with self.assertWarns(DeprecationWarning):
            import warnings
            warnings.warn("old", DeprecationWarning)
        with self.assertLogs("inv", level="INFO") as lc:
            import logging
            logging.getLogger("inv").info("hello %s", "log")
        self.assertEqual(lc.output, ["INFO:inv:hello log"])

    def test_fail_msg(self):
        self.assertTrue(0, msg="custom message")

    def test_fail_almost(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)


class TestParse(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(parse_qty("2x b"), (2, "b"))

    def test_set_fail(self):
        self.assertSetEqual({1, 2}, {2, 3})

    def test_tuple_fail(self):
        self.assertTupleEqual((1, "a"), (1, "b"))

    def test_not_in(self):
        self.assertNotIn("x", "xyz")

    def test_multiline_long(self):
        self.maxDiff = None
        self.assertMultiLineEqual("a\n" * 5 + "b\n", "a\n" * 5 + "c\n")


def load_tests(loader, tests, pattern):
    return tests


if __name__ == "__main__":
    import io, re
    buf = io.StringIO()
    prog = unittest.main(argv=["prog"], exit=False, verbosity=2,
                         testRunner=unittest.TextTestRunner(stream=buf, verbosity=2))
    print(re.sub(r'in \d+\.\d+s', 'in Xs', buf.getvalue()))
    r = prog.result
    print("run", r.testsRun, "failures", len(r.failures), "errors", len(r.errors),
          "skipped", len(r.skipped), "xfail", len(r.expectedFailures),
          "xpass", len(r.unexpectedSuccesses), "ok", r.wasSuccessful())
    sys.stderr = sys.stdout
    res = doctest.testmod(verbose=False, report=True)
    print(res)
    res = doctest.testmod(verbose=True)
    print(res)
    finder = doctest.DocTestFinder()
    for t in sorted(finder.find(sys.modules[__name__]), key=lambda t: t.name):
        print(t.name, len(t.examples), t.lineno)
    print(doctest.run_docstring_examples.__name__)
    parser = doctest.DocTestParser()
    ex = parser.get_examples(">>> x = 1\n>>> x + 1\n2\n")
    print([(e.source, e.want) for e in ex])
