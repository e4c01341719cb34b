# _locale under the C.UTF-8 locale (LC_CTYPE from the environment, as start-up sets it).
import _locale as L

print(sorted(n for n in dir(L) if not n.startswith('__')))
print(L.LC_CTYPE, L.LC_ALL, L.LC_NUMERIC, L.CHAR_MAX, L.CODESET, L.Error.__mro__[1].__name__)
print(L.setlocale(L.LC_CTYPE), L.setlocale(L.LC_NUMERIC), L.getencoding())
print(sorted(L.localeconv().items()))
print(L.setlocale(L.LC_ALL, 'C'), L.setlocale(L.LC_ALL), L.setlocale(L.LC_ALL, ''))
print([L.nl_langinfo(k) for k in (L.CODESET, L.DAY_1, L.ABMON_12, L.RADIXCHAR, L.D_T_FMT,
                                  L.YESEXPR, L.T_FMT_AMPM, L.AM_STR)])
print(L.strcoll('a', 'b') < 0, L.strcoll('b', 'a') > 0, L.strcoll('x', 'x'), L.strxfrm('abc'))
print(L.gettext('hello'), L.dgettext(None, 'x'), L.dcgettext(None, 'y', L.LC_MESSAGES),
      L.textdomain(None))
for expr in ['L.setlocale(L.LC_ALL, "no_such_locale")', 'L.setlocale(12345)',
             'L.nl_langinfo(99999)', 'L.strcoll("a", 1)', 'L.strcoll("a\\0", "b")',
             'L.setlocale(L.LC_ALL, 5)', 'L.bindtextdomain("", None)']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
