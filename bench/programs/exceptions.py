# Exceptions raised and caught in loops (built-in and user-defined, with and without
# arguments, caught by a base class, re-raised and chained), try/finally and with-statements
# over context managers written as classes and with contextlib.
import contextlib


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise NotFound(key) from None


def parse(text):
    try:
        return int(text)
    except ValueError:
        return -1


class Resource:
    def __init__(self):
        self.opened = 0
        self.closed = 0

    def __enter__(self):
        self.opened += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.closed += 1
        return exc_type is ZeroDivisionError


@contextlib.contextmanager
def managed(log):
    log.append(1)
    try:
        yield len(log)
    finally:
        log.append(2)


def run(n):
    d = {i: i for i in range(0, n, 2)}
    found = missing = 0
    for i in range(n):
        try:
            found += lookup(d, i)
        except AppError as e:
            missing += e.key & 1
    bad = 0
    for i in range(n):
        if parse("x" if i % 4 == 0 else "12") < 0:
            bad += 1
    res = Resource()
    swallowed = 0
    for i in range(n):
        with res:
            if i % 5 == 0:
                swallowed += 1
                1 / 0
    finals = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                continue
            finals += 1
        finally:
            finals += 2
    log = []
    total = 0
    for i in range(n // 5):
        with managed(log) as k:
            total += k & 1
    caught = 0
    for i in range(n // 2):
        try:
            try:
                raise ValueError(i)
            except ValueError:
                raise TypeError("wrapped")
        except TypeError as e:
            caught += e.__context__ is not None
    try_ok = 0
    for i in range(n):
        try:
            try_ok += i
        except Exception:
            pass
    return found, missing, bad, res.opened, res.closed, swallowed, finals, total, len(log), caught, try_ok


for _ in range(3):
    result = run(60000)
print(result)
