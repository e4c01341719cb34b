"""A batch job whose failures escape as an ExceptionGroup: traceback rendering of groups."""
import sys


def task(n):
    if n % 3 == 0:
        raise ValueError(f"task {n}: bad input")
    if n % 5 == 0:
        raise KeyError(f"task-{n}")
    return n * n


def run_batch(ns):
    results, errors = [], []
    for n in ns:
        try:
            results.append(task(n))
        except Exception as exc:
            exc.add_note(f"while running task {n}")
            errors.append(exc)
    print("results:", results)
    if errors:
        inner = ExceptionGroup("nested", [RuntimeError("inner failure")])
        raise ExceptionGroup(f"{len(errors)} tasks failed", errors + [inner])


sys.stdout.flush()
run_batch(range(1, 8))
