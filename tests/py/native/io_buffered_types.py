# The buffered types of _io take object.__new__ and set their state up in __init__; only the
# readable ones define their own iteration (BufferedWriter iterates through _IOBase).
import _io

for t in [_io.BufferedReader, _io.BufferedWriter, _io.BufferedRandom, _io.BufferedRWPair]:
    print(t.__name__, "__new__" in vars(t), t.__new__ is object.__new__, "__next__" in vars(t))

w = _io.BufferedWriter.__new__(_io.BufferedWriter)
print(type(w).__name__)
try:
    w.write(b"x")
except Exception as e:
    print(type(e).__name__, e)
w.__init__(_io.BytesIO())
print(w.write(b"abc"), w.raw.getvalue(), w.flush(), w.raw.getvalue())
try:
    next(_io.BufferedWriter(_io.BytesIO()))
except Exception as e:
    print(type(e).__name__, e)

r = _io.BufferedReader(_io.BytesIO(b"one\ntwo\n"))
print(next(r), list(r))
rnd = _io.BufferedRandom(_io.BytesIO(b"a\nb\n"))
print(list(rnd), rnd.seek(0), next(rnd))


class Logged(_io.BufferedReader):
    def __new__(cls, raw, tag):
        self = super().__new__(cls)
        self.tag = tag
        return self

    def __init__(self, raw, tag):
        super().__init__(raw, 4)


lg = Logged(_io.BytesIO(b"xyz\n"), "t")
print(lg.tag, lg.read(), lg.buffer_size if hasattr(lg, "buffer_size") else "-")
