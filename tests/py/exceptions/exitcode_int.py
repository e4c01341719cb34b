# SystemExit is catchable; raising SystemExit(42) exits with status 42, KeyboardInterrupt is a BaseException.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print('caught SystemExit', e.code, repr(e))
try:
    raise KeyboardInterrupt
except Exception:
    print('not here')
except BaseException as e:
    print('BaseException caught', type(e).__name__)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
raise SystemExit(42)
