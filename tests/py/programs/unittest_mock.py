import unittest
from unittest import mock
import io, sys

class Service:
    def __init__(self, client):
        self.client = client
    def fetch(self, key):
        resp = self.client.get(key)
        if resp is None:
            raise KeyError(key)
        return resp.upper()

class TestService(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass", file=sys.stderr)
    def setUp(self):
        self.client = mock.Mock()
        self.svc = Service(self.client)
    def tearDown(self):
        pass
    def test_fetch(self):
        self.client.get.return_value = "abc"
        self.assertEqual(self.svc.fetch("k"), "ABC")
        self.client.get.assert_called_once_with("k")
    def test_missing(self):
        self.client.get.return_value = None
        with self.assertRaisesRegex(KeyError, "k2"):
            self.svc.fetch("k2")
    def test_wrong_call(self):
        self.client.get.return_value = "x"
        self.svc.fetch("a")
        try:
            self.client.get.assert_called_with("b")
        except AssertionError as e:
            msg = str(e)
        else:
            msg = None
        if msg:
            self.fail(msg)
    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)
    def test_side_effect(self):
        self.client.get.side_effect = [ "one", ValueError("boom")]
        self.assertEqual(self.svc.fetch(1), "ONE")
        try:
            self.svc.fetch(2)
        except ValueError as e:
            raise RuntimeError(f"wrapped {e!r}") from None
    @unittest.skip("not today")
    def test_skipped(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)
    @unittest.expectedFailure
    def test_xpass(self):
        pass
    def test_patch(self):
        import os.path
        with mock.patch("os.path.exists", return_value=True) as m:
            self.assertTrue(os.path.exists("/nope/never"))
        self.assertEqual(m.call_count, 1)
        self.assertFalse(os.path.exists("/nope/never"))
        with mock.patch.dict("os.environ", {"XYZ_TEST": "1"}):
            self.assertEqual(os.environ["XYZ_TEST"], "1")
        self.assertNotIn("XYZ_TEST", os.environ)
    @mock.patch.object(Service, "fetch", autospec=True)
    def test_autospec(self, m):
        m.return_value = 5
        s = Service(None)
        self.assertEqual(s.fetch("q"), 5)
        m.assert_called_once_with(s, "q")
        with self.assertRaises(TypeError):
            s.fetch()
    def test_almost(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)
    def test_seq(self):
        self.assertListEqual(list(range(10)), list(range(9)) + [99])
    def test_multiline(self):
        self.assertMultiLineEqual("a\nb\nc\n", "a\nB\nc\n")
    def test_count(self):
        self.assertCountEqual([1, 1, 2], [1, 2, 2])
    def test_set(self):
        self.assertSetEqual({1, 2, 3}, {2, 3, 4})
    def test_error(self):
        {}["nokey"]
    def test_is_none(self):
        self.assertIsNone(0, "custom message")
    def test_greater(self):
        self.assertGreater(1, 2)

class BadSetup(unittest.TestCase):
    def setUp(self):
        raise RuntimeError("setup failed")
    def test_a(self):
        pass

class MockIntrospect(unittest.TestCase):
    def test_calls(self):
        m = mock.MagicMock(name="thing")
        m(1, x=2)
        m.method("a")
        m.method.inner(3)
        print(repr(m.mock_calls), file=sys.stderr)
        print(m.method.call_args, m.call_args_list, file=sys.stderr)
        self.assertEqual(len(m), 0)
        self.assertIn("thing", repr(m))
        m.__getitem__.return_value = 7
        self.assertEqual(m["k"], 7)
        s = mock.sentinel.token
        print(s, mock.ANY == 3, mock.call(1, 2) == mock.call(1, 2), file=sys.stderr)

if __name__ == "__main__":
    import re
    buf = io.StringIO()
    unittest.main(verbosity=2, exit=False, testRunner=unittest.TextTestRunner(stream=buf, verbosity=2))
    print(re.sub(r"in \d+\.\d+s", "in Xs", buf.getvalue()))
    r = unittest.TextTestRunner(stream=io.StringIO()).run(unittest.defaultTestLoader.loadTestsFromTestCase(TestService))
    print(r)
    print(len(r.failures), len(r.errors), len(r.skipped), len(r.expectedFailures), len(r.unexpectedSuccesses))
