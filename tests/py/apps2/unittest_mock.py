"""A small service tested with unittest and unittest.mock, run to a StringIO."""
import io
import unittest
from unittest import mock


class PaymentError(Exception):
    pass


class Gateway:
    def charge(self, account, amount):
        raise NotImplementedError("real network call")

    def refund(self, account, amount):
        raise NotImplementedError


class Shop:
    def __init__(self, gateway, clock=None):
        self.gateway = gateway
        self.clock = clock or (lambda: 0)
        self.ledger = []

    def buy(self, account, price, qty=1):
        if qty <= 0:
            raise ValueError(f"bad quantity: {qty}")
        total = price * qty
        receipt = self.gateway.charge(account, total)
        self.ledger.append((self.clock(), account, total, receipt))
        return receipt

    def cancel(self, index):
        when, account, total, receipt = self.ledger.pop(index)
        try:
            self.gateway.refund(account, total)
        except PaymentError as exc:
            self.ledger.insert(index, (when, account, total, receipt))
            raise RuntimeError("refund failed") from exc
        return total


class ShopTests(unittest.TestCase):
    def setUp(self):
        self.gateway = mock.MagicMock(spec=Gateway)
        self.gateway.charge.return_value = "R-1"
        self.shop = Shop(self.gateway, clock=mock.Mock(side_effect=[10, 20, 30]))
        self.events = ["setUp"]

    def tearDown(self):
        self.events.append("tearDown")

    def test_buy_records(self):
        self.assertEqual(self.shop.buy("alice", 5, qty=3), "R-1")
        self.gateway.charge.assert_called_once_with("alice", 15)
        self.assertEqual(self.shop.ledger, [(10, "alice", 15, "R-1")])

    def test_call_args(self):
        self.shop.buy("bob", 2)
        self.shop.buy("carol", 4, 2)
        self.assertEqual(self.gateway.charge.call_count, 2)
        self.assertEqual(self.gateway.charge.call_args, mock.call("carol", 8))
        self.assertEqual(self.gateway.charge.call_args_list,
                         [mock.call("bob", 2), mock.call("carol", 8)])
        args, kwargs = self.gateway.charge.call_args
        self.assertEqual((args, kwargs), (("carol", 8), {}))

    def test_bad_quantity(self):
        with self.assertRaises(ValueError) as cm:
            self.shop.buy("dave", 1, qty=0)
        self.assertEqual(str(cm.exception), "bad quantity: 0")
        self.gateway.charge.assert_not_called()

    def test_quantities_subtest(self):
        for qty in (1, 2, -1, 0, 5):
            with self.subTest(qty=qty):
                if qty > 0:
                    self.shop.ledger.clear()
                    self.gateway.charge.reset_mock()
                    self.shop.clock = lambda: 0
                    self.shop.buy("eve", 3, qty)
                    self.assertEqual(self.shop.ledger[0][2], 3 * qty)
                else:
                    self.assertRaisesRegex(ValueError, r"bad quantity: -?\d",
                                           self.shop.buy, "eve", 3, qty)

    def test_refund_failure(self):
        self.shop.buy("frank", 7)
        self.gateway.refund.side_effect = PaymentError("declined")
        with self.assertRaisesRegex(RuntimeError, "refund failed") as cm:
            self.shop.cancel(0)
        self.assertIsInstance(cm.exception.__cause__, PaymentError)
        self.assertEqual(len(self.shop.ledger), 1)

    def test_spec_rejects_unknown(self):
        with self.assertRaises(AttributeError) as cm:
            self.gateway.transfer
        print("spec:", cm.exception)

    def test_failing_on_purpose(self):
        self.assertEqual([1, 2, 3], [1, 2, 4], "lists differ")

    def test_dict_diff(self):
        self.assertDictEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})

    def test_error_on_purpose(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        raise AssertionError

    @unittest.skipIf(True, "condition held")
    def test_skip_if(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        self.assertTrue(True)


class PatchTests(unittest.TestCase):
    @mock.patch("builtins.open", new_callable=mock.mock_open, read_data="line1\nline2\n")
    def test_mock_open(self, m):
        with open("whatever.txt") as f:
            self.assertEqual(f.read().splitlines(), ["line1", "line2"])
        m.assert_called_once_with("whatever.txt")

    def test_patch_object(self):
        with mock.patch.object(Gateway, "charge", return_value="PATCHED") as p:
            self.assertEqual(Shop(Gateway()).buy("x", 1), "PATCHED")
        p.assert_called_once()
        self.assertRaises(NotImplementedError, Gateway().charge, "x", 1)

    def test_patch_dict(self):
        config = {"mode": "prod"}
        with mock.patch.dict(config, {"mode": "test", "debug": True}):
            self.assertEqual(config, {"mode": "test", "debug": True})
        self.assertEqual(config, {"mode": "prod"})

    def test_magic_methods(self):
        m = mock.MagicMock()
        m.__len__.return_value = 42
        m.__getitem__.side_effect = lambda k: k * 2
        self.assertEqual(len(m), 42)
        self.assertEqual(m[21], 42)
        self.assertIn("__len__", [c[0] for c in m.method_calls] + ["__len__"])
        m.child.method(1, key="v")
        print("mock_calls:", m.mock_calls)
        print("method_calls:", m.method_calls)

    def test_side_effect_iter(self):
        m = mock.Mock(side_effect=[1, ValueError("boom"), 3])
        self.assertEqual(m(), 1)
        with self.assertRaises(ValueError):
            m()
        self.assertEqual(m(), 3)
        with self.assertRaises(StopIteration):
            m()

    def test_sentinel_and_any(self):
        m = mock.Mock()
        m(mock.sentinel.token, 5)
        m.assert_called_with(mock.sentinel.token, mock.ANY)
        print("sentinel:", mock.sentinel.token)

    def test_create_autospec(self):
        def greet(name, punctuation="!"):
            return "hi " + name + punctuation
        spec = mock.create_autospec(greet, return_value="mocked")
        self.assertEqual(spec("a"), "mocked")
        with self.assertRaises(TypeError) as cm:
            spec()
        print("autospec:", cm.exception)


class ClassFixtures(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        cls.log.append("tearDownClass")

    def test_one(self):
        self.addCleanup(self.log.append, "cleanup-one")
        self.assertAlmostEqual(0.1 + 0.2, 0.3)

    def test_two(self):
        self.assertCountEqual([3, 1, 2, 1], [1, 1, 2, 3])
        self.assertNotIn(5, range(5))
        with self.assertWarns(DeprecationWarning):
            import warnings
            warnings.warn("old", DeprecationWarning)
        with self.assertLogs("shop", level="INFO") as logs:
            import logging
            logging.getLogger("shop").info("sold %d", 3)
            logging.getLogger("shop.sub").warning("low stock")
        print("logs:", logs.output)


def scrub(text):
    # Timing lines differ from run to run.
    import re
    return re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests in Xs", text)


if __name__ == "__main__":
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    for case in (ShopTests, PatchTests, ClassFixtures):
        suite.addTests(loader.loadTestsFromTestCase(case))
    print("count:", suite.countTestCases())
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
    print(scrub(stream.getvalue()))
    print("ran", result.testsRun, "failures", len(result.failures),
          "errors", len(result.errors), "skipped", len(result.skipped),
          "xfail", len(result.expectedFailures),
          "xpass", len(result.unexpectedSuccesses))
    print("ok:", result.wasSuccessful())
    print(ClassFixtures.log)
    for test, reason in result.skipped:
        print("skip", test.id(), reason)
    # unittest.main(exit=False) on one class
    stream = io.StringIO()
    prog = unittest.main(module=None, argv=["prog", "__main__.ClassFixtures"], exit=False,
                         testRunner=unittest.TextTestRunner(stream=stream, verbosity=1))
    print(scrub(stream.getvalue()))
    print(prog.result)
