import unittest


class AlphaTests(unittest.TestCase):
    def test_add(self):
        self.assertEqual(1 + 1, 2)

    def test_fails(self):
        self.assertEqual([1, 2], [1, 3])

    @unittest.skip("not today")
    def test_skipped(self):
        pass


def load_tests(loader, tests, pattern):
    return tests
