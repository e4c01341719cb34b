# f-strings and the format mini-language for int, float, complex, str and custom __format__,
# with the errors of bad specs.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")


n = 1234567.891
i = -42
check("int", lambda: (f"{i:5}", f"{i:<6}|", f"{i:^7}|", f"{i:=+8}", f"{i:08}", f"{42:x}", f"{42:#X}", f"{42:#o}", f"{42:#b}", f"{42:c}"))
check("int grouping", lambda: (f"{1234567:,}", f"{1234567:_}", f"{0xdeadbeef:_x}", f"{255:_b}", f"{-1234567:,d}"))
check("int sign", lambda: (f"{5:+}", f"{5: }", f"{-5: }", f"{0:-}"))
check("int as float", lambda: (f"{5:.2f}", f"{5:e}", f"{5:%}", f"{5:g}", f"{10**20:.3e}"))
check("int n", lambda: f"{1234:n}")
check("float", lambda: (f"{n:.2f}", f"{n:,.1f}", f"{n:e}", f"{n:.3E}", f"{n:g}", f"{n:.10g}", f"{n:%}", f"{0.5:.0%}"))
check("float g", lambda: (f"{1e-5:g}", f"{1e16:g}", f"{123456789.0:g}", f"{0.0001:g}", f"{1.5e300:g}", f"{100.0:g}", f"{100.0:#g}"))
check("float repr-like", lambda: (f"{1.0}", f"{1e16}", f"{1.5:}", f"{0.1+0.2:.17}", f"{2.5:.0f}", f"{3.5:.0f}"))
check("float special", lambda: (f"{float('inf'):f}", f"{float('-inf'):e}", f"{float('nan'):F}", f"{float('nan'):+g}", f"{-0.0:f}", f"{-0.0:z.1f}", f"{-0.001:z.1f}"))
check("float align", lambda: (f"{3.14159:10.3f}|", f"{3.14159:<10.3}|", f"{-3.1:010.2f}", f"{3.1:*^12.2e}"))
check("float grouping", lambda: (f"{1234567.5:_.2f}", f"{1234.5:,g}", f"{12345678.9:,e}"))
check("complex", lambda: (f"{1+2j}", f"{1+2j:.2f}", f"{-1.5-0.5j:g}", f"{1j:e}", f"{3+4j:>20}|", f"{complex(1, -0.0)}"))
check("str", lambda: (f"{'ab':5}|", f"{'ab':>5}", f"{'ab':^6}", f"{'abcdef':.3}", f"{'ab':*<5.1}", f"{'x'!r:5}|"))
check("conversions", lambda: (f"{'é'!a}", f"{'q'!r}", f"{3!s:>3}", f"{[1]!r}"))
check("nested spec", lambda: (lambda w, p: f"{n:{w}.{p}f}|{'x':{'>'}{w}}")(12, 3))
check("debug =", lambda: (lambda x, y: (f"{x=}", f"{x+y = }", f"{x=!s:>4}", f"{y = :.2f}"))(7, 2.5))
check("braces", lambda: (f"{{}}", f"{{{1}}}", f"a{{b"))
check("format()", lambda: (format(255, "x"), format("s", ""), format(1.5), format(True, "d"), format(True), format(None, "")))
check("str.format", lambda: ("{0:>{1}}".format("x", 4), "{a[0]}{b.real}".format(a=[1], b=2j), "{!r:^7}".format("s")))
check("bad int code", lambda: format(1, "s"))
check("bad float code", lambda: format(1.0, "d"))
check("bad str code", lambda: format("x", "d"))
check("str sign", lambda: format("x", "+"))
check("str =", lambda: format("x", "=5"))
check("int precision", lambda: format(1, ".2"))
check("c with sign", lambda: format(65, "+c"))
check("c range", lambda: format(-1, "c"))
check("comma and _", lambda: format(1, ",_"))
check("comma with s", lambda: format("x", ","))
check("comma with x", lambda: format(1, ",x"))
check("bad spec", lambda: format(1, "abc"))
check("too long width", lambda: format(1, "9" * 30))
check("object format", lambda: format(object(), "x"))
check("none format", lambda: format(None, "x"))
check("list format", lambda: format([1], ">5"))


class Money:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        if spec == "bad":
            return 5
        return f"${self.v:{spec or '.2f'}}"


check("custom", lambda: (f"{Money(3)}", f"{Money(3):.0f}", format(Money(1.5), ">8")))
check("custom bad", lambda: f"{Money(1):bad}")
check("bytes format", lambda: f"{b'ab'}")
check("bool", lambda: (f"{True:>6}", f"{False:d}", f"{True:.1f}"))
check("percent", lambda: ("%5.2f|%-4d|%x|%r|%c|%%" % (3.14159, 7, 255, "s", 65), "%(a)s-%(b)03d" % {"a": 1, "b": 2}))
check("percent errors", lambda: "%d" % "x")
check("percent few", lambda: "%s %s" % (1,))
check("percent many", lambda: "%s" % (1, 2))
check("percent bad char", lambda: "%y" % 1)
check("percent star", lambda: "%*.*f|%-*s|" % (8, 2, 3.14159, 4, "a"))
check("percent g", lambda: ("%g %G %e" % (1e-7, 1e20, 12345.678), "%#x %#o" % (255, 8), "%+d % d" % (5, 5)))
