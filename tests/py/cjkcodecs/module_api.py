# The _multibytecodec module and the MultibyteCodec objects as Python sees them.
import _codecs_jp
import _multibytecodec as mbc

c = _codecs_jp.getcodec("shift_jis")
print(type(c), type(c).__name__, sorted(n for n in dir(mbc) if not n.startswith("__")))
print(sorted(n for n in dir(_codecs_jp) if n.startswith("__map")))
print(type(_codecs_jp.__map_jisx0208).__name__, _codecs_jp.getcodec.__doc__, _codecs_jp.__doc__)
for t in (mbc.MultibyteIncrementalEncoder, mbc.MultibyteIncrementalDecoder,
          mbc.MultibyteStreamReader, mbc.MultibyteStreamWriter):
    print(t.__name__, t.__module__, sorted(n for n in vars(t) if not n.startswith("__")))
print(mbc.MultibyteIncrementalEncoder.errors.__doc__)
print(c.encode.__doc__)
print(c.decode.__text_signature__, mbc.MultibyteStreamReader.read.__text_signature__)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: c.encode(12))
attempt(lambda: c.encode("a", 1))
attempt(lambda: c.encode("a", errors=None))
attempt(lambda: c.encode(input="a", errors="strict"))
attempt(lambda: c.encode())
attempt(lambda: c.encode("a", "strict", 3))
attempt(lambda: c.encode("a", bogus=1))
attempt(lambda: c.decode("abc"))
attempt(lambda: c.decode(b"abc", 5))
attempt(lambda: c.decode(bytearray(b"ab")))
attempt(lambda: c.decode(memoryview(b"abcd")[::2]))
attempt(lambda: c.decode(b""))
attempt(lambda: c.encode(""))
attempt(lambda: _codecs_jp.getcodec("nope"))
attempt(lambda: _codecs_jp.getcodec(b"shift_jis"))
attempt(lambda: mbc.MultibyteIncrementalEncoder())
attempt(lambda: mbc.__create_codec(1))
attempt(lambda: type(c)())
attempt(lambda: setattr(mbc.MultibyteStreamReader, "x", 1))


class Enc(mbc.MultibyteIncrementalEncoder):
    codec = 5


attempt(lambda: Enc())


class Dec(mbc.MultibyteIncrementalDecoder):
    codec = c


d = Dec(errors="ignore")
print(d.decode(b"\x82\xa0\xff"), d.errors)
attempt(lambda: Dec("x", "y"))
attempt(lambda: Dec(errors=b"x"))


class Stream:
    def read(self, *a):
        return "not bytes"


class Reader(mbc.MultibyteStreamReader):
    codec = c


attempt(lambda: Reader(Stream()).read())
attempt(lambda: Reader().read())
attempt(lambda: Reader(Stream()).read("x"))
print(Reader(Stream(), "replace").errors)
