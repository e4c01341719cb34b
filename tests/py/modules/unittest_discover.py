# unittest's discovery over data/discover_tree: which modules it finds, in what order, and the
# outcome of each test (the run's timing line is left out).
import io
import os
import re
import sys
import unittest

start = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "discover_tree")
stream = io.StringIO()
program = unittest.main(module=None, argv=["unittest", "discover", "-s", start, "-t", start, "-v"],
                        exit=False, testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
text = re.sub(r"Ran (\d+) tests? in [0-9.]+s", r"Ran \1 tests", stream.getvalue())
text = text.replace(start + os.sep, "")
print(text)
result = program.result
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.wasSuccessful())
print(sorted(m for m in sys.modules if m.startswith(("test_", "pkg"))))
