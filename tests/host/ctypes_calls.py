# ctypes calling C through libffi (the reference, WebAssembly, cannot load libc): libc and
# libm functions with and without argtypes/restype, varargs, pointers in and out, structures
# returned by value, callbacks (qsort), errno, errcheck, memmove/memset/string_at/cast, and
# the library loading errors.
import ctypes as C
import ctypes.util


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, "|", e)


libc = C.CDLL(None)
libm = C.CDLL(ctypes.util.find_library("m"))
t(lambda: libc.strlen(b"hello world"))
t(lambda: libc.abs(-42))
t(lambda: libc.abs(2 ** 40))
t(lambda: libc.abs(1.5))
libm.pow.restype = C.c_double
libm.pow.argtypes = [C.c_double, C.c_double]
t(lambda: libm.pow(2, 10))
t(lambda: libm.pow(1))
t(lambda: libm.pow(1, 2, 3))
end = C.c_char_p()
libc.strtol.restype = C.c_long
t(lambda: (libc.strtol(b"123abc", C.byref(end), 10), end.value))
buf = C.create_string_buffer(64)
t(lambda: (libc.sprintf(buf, b"%d-%s-%.2f", 42, b"xy", C.c_double(3.14159)), buf.value))
arr = (C.c_int * 6)(5, 1, 4, 2, 6, 3)
CMP = C.CFUNCTYPE(C.c_int, C.POINTER(C.c_int), C.POINTER(C.c_int))
libc.qsort(arr, len(arr), C.sizeof(C.c_int), CMP(lambda a, b: a[0] - b[0]))
t(lambda: list(arr))
libc.getenv.restype = C.c_char_p
t(lambda: libc.getenv(b"NO_SUCH_VARIABLE_XYZ"))
libc.strchr.restype = C.c_char_p
t(lambda: libc.strchr(b"hello", ord("l")))


class DIV(C.Structure):
    _fields_ = [("quot", C.c_int), ("rem", C.c_int)]


libc.div.restype = DIV
d = libc.div(17, 5)
t(lambda: (d.quot, d.rem))
src = C.create_string_buffer(b"abcdef")
dst = C.create_string_buffer(10)
C.memmove(dst, src, 6)
t(lambda: dst.value)
C.memset(dst, ord("z"), 3)
t(lambda: dst.raw)
t(lambda: C.string_at(src, 3))
t(lambda: C.string_at(src))
t(lambda: C.cast(src, C.c_char_p).value)
ip = C.cast(arr, C.POINTER(C.c_int))
t(lambda: [ip[i] for i in range(6)])
t(lambda: ip[1:4])
t(lambda: C.c_void_p(C.addressof(arr)).value == C.addressof(arr))
libc.strlen.errcheck = lambda result, func, args: (result, args)
t(lambda: libc.strlen(b"abc"))
F = C.CFUNCTYPE(C.c_int, C.c_int)
t(lambda: F(lambda n: n * 2)(21))
D = C.CFUNCTYPE(C.c_double, C.c_double, C.c_int)
t(lambda: D(lambda x, n: x ** n)(1.5, 3))
V = C.CFUNCTYPE(None, C.c_char_p)
seen = []
t(lambda: V(seen.append)(b"bytes in"))
t(lambda: seen)
try:
    libc.no_such_function_xyz
except AttributeError as e:
    print("AttributeError", str(e).endswith("undefined symbol: no_such_function_xyz"))
t(lambda: C.CDLL("libnosuch.so.9"))
errno_libc = C.CDLL(None, use_errno=True)
t(lambda: C.get_errno())
t(lambda: errno_libc.close(-1))
t(lambda: C.get_errno())
t(lambda: C.set_errno(0))
t(lambda: C.get_errno())
t(lambda: C.wstring_at(C.create_unicode_buffer("wide")))
t(lambda: libc.wcslen(C.create_unicode_buffer("four")))
t(lambda: libc.wcslen("five!"))
t(lambda: libc.puts(object()))


class Point(C.Structure):
    _fields_ = [("x", C.c_int), ("y", C.c_int)]


libc.memcpy.restype = C.c_void_p
p1, p2 = Point(1, 2), Point()
libc.memcpy(C.byref(p2), C.byref(p1), C.sizeof(Point))
t(lambda: (p2.x, p2.y))
t(lambda: C.sizeof(C.c_long))
t(lambda: C.c_long.__ctype_be__(1).value)
