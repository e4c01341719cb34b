import unittest


class BetaTests(unittest.TestCase):
    def setUp(self):
        self.items = [3, 1, 2]

    def test_sorted(self):
        self.assertEqual(sorted(self.items), [1, 2, 3])

    def test_error(self):
        raise ValueError("boom")

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)
