import unittest
import sys

class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)

class TestStack(unittest.TestCase):
    def setUp(self):
        self.s = Stack()
    def test_push_pop(self):
        self.s.push(1)
        self.assertEqual(self.s.pop(), 1)
    def test_empty(self):
        with self.assertRaises(IndexError) as cm:
            self.s.pop()
        self.assertIn("empty", str(cm.exception))
    def test_fail_equal(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_fail_dict(self):
        self.assertDictEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})
    def test_fail_str(self):
        self.assertEqual("hello world\nsecond line\n", "hello there\nsecond line\n")
    def test_error(self):
        self.s.pop()
    @unittest.skip("not ready")
    def test_skipped(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)
    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)
    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.1, places=3)
    def test_true_msg(self):
        self.assertTrue(len(self.s), "stack should not be empty")
    def test_regex(self):
        self.assertRegex("abc123", r"^\d+$")
    def test_is_none(self):
        self.assertIsNone(5)
    def test_count_equal(self):
        self.assertCountEqual([1, 1, 2], [1, 2, 2])

class TestOther(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = 10
    def test_shared(self):
        self.assertGreater(self.shared, 5)
    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
    def test_warns(self):
        import warnings
        with self.assertWarns(DeprecationWarning):
            warnings.warn("old", DeprecationWarning)
    def test_multiline_list(self):
        self.assertListEqual(list(range(30)), list(range(29)) + [99])

if __name__ == "__main__":
    import io, re
    out = io.StringIO()
    unittest.main(verbosity=2, exit=False, testRunner=unittest.TextTestRunner(stream=out, verbosity=2))
    print(re.sub(r"in \d+\.\d+s", "in Xs", out.getvalue()))
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(TestOther)
    r = unittest.TextTestRunner(stream=io.StringIO()).run(suite)
    print(r, r.wasSuccessful(), len(r.failures))
