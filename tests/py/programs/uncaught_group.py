import sys
def task(i):
    if i % 2:
        raise ValueError(f"task {i} failed")
    raise TypeError(f"task {i} bad type")
errors = []
for i in range(3):
    try:
        task(i)
    except Exception as e:
        errors.append(e)
try:
    raise ExceptionGroup("batch failed", errors)
except ExceptionGroup as eg:
    try:
        raise RuntimeError("wrapper") from eg
    except RuntimeError as r:
        import traceback
        traceback.print_exc(file=sys.stdout)
e = ExceptionGroup("outer", [ValueError("v"), ExceptionGroup("inner", [KeyError("k"), OSError("o")])])
e.add_note("note on group")
e.exceptions[0].add_note("note on leaf")
raise e
