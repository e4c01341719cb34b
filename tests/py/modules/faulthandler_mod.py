# faulthandler: enabling, the traceback dump of the current thread, argument errors.
import faulthandler
import io
import os
import tempfile

print(faulthandler.is_enabled())
print(sorted(n for n in dir(faulthandler) if not n.startswith("__")))


def dumped(**kwargs):
    with tempfile.TemporaryFile("w+") as f:
        faulthandler.dump_traceback(f, **kwargs)
        f.seek(0)
        return f.read()


def inner():
    text = dumped(all_threads=False)
    print(text.replace(os.path.basename(__file__), "THIS"), end="")
    with tempfile.TemporaryFile("w+") as f:
        faulthandler.dump_traceback(f.fileno(), False)
        f.seek(0)
        print(f.read().count("\n"))


def outer():
    inner()


outer()
with tempfile.TemporaryFile("w+") as f:
    faulthandler.enable(f)
    print(faulthandler.is_enabled())
    faulthandler.enable(file=f, all_threads=False, c_stack=False)
    print(faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())
for call in [lambda: faulthandler.dump_traceback(io.StringIO()),
             lambda: faulthandler.dump_traceback(-1),
             lambda: faulthandler.dump_traceback_later(-1),
             lambda: faulthandler.dump_traceback_later(0),
             lambda: faulthandler.register(11),
             lambda: faulthandler.register(0),
             lambda: faulthandler.unregister(100000),
             lambda: faulthandler.enable(all_threads=1, bogus=2)]:
    try:
        call()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
faulthandler.cancel_dump_traceback_later()
print(faulthandler.unregister(10))
