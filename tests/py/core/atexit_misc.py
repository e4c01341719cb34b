# atexit, _abc through abc, _stat through stat, _string through string.Formatter.
import abc
import atexit
import stat
import string


def bye(name, *, punct="!"):
    print("bye", name + punct)


atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(print, "unregistered")
atexit.unregister(print)


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...


class Impl(Base):
    def f(self):
        return 1


print(sorted(Base.__abstractmethods__), Impl().f())
try:
    Base()
except TypeError as e:
    print("TypeError:", e)
Base.register(int)
print(isinstance(3, Base), issubclass(bool, Base), issubclass(str, Base), isinstance("x", Base))
print(abc.get_cache_token() is not None)

print(stat.filemode(0o100644), stat.filemode(0o40755), stat.S_ISDIR(0o40000), stat.S_IMODE(0o104755))
print(list(string.Formatter().parse("a{0!r:>5}b{{c}}{x.y[1]}")))
print(string.Formatter().format("{0}-{name}", 1, name="n"))
