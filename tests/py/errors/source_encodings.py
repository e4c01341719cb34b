# Sources in encodings other than UTF-8 (PEP 263 cookies): decoded through the codec registry,
# with CPython's errors for unknown encodings, undecodable bytes and non-text codecs; and the
# error lines of sources that are not valid UTF-8.
import sys
CASES = [
    b"# -*- coding: cp1252 -*-\nx = '\x80\x93'\nprint(ascii(x))\n",
    b"# coding: latin-1\nx = '\xe9'\nprint(ascii(x))\n",
    b"#!/usr/bin/env python\n# vim: set fileencoding=koi8-r :\nx = '\xc1\xc2'\nprint(ascii(x))\n",
    b"# coding: cp1252\nx = '\x81'\n",
    b"# coding: bogus\nx = 1\n",
    b"# coding: ascii\nx = '\xe9'\n",
    b"# coding: rot13\nx = 1\n",
    b"# coding: hex\nx = 1\n",
    b"# coding: utf-16\nx = 1\n",
    b"# coding: iso-8859-15\nx = '\xa4'\nprint(ascii(x))\n",
    b"# coding: mac-roman\nx = '\x80'\nprint(ascii(x))\n",
    b"# coding: cp437\n# \xb0\nx = '\x80'\nprint(ascii(x))\n",
    b"# coding: utf-8\nx = '\xe9'\n",
    b"# coding: cp1252\nx = '\x80'\n\x00y = 2\n",
    b"# coding: latin-1\nx = '\x80'\n\x00y = 2\n",
    b"# coding: cp1252\nx = b'\x80'\n",
    b"# coding: cp1252\ndef f(:\n    pass\n",
    b"# coding: cp1252\nx = '\x80' +\n",
    b"# coding: utf-7\nx = '+AKM-'\nprint(ascii(x))\n",
    b"# coding=cp1251\nx = '\xc0'\nprint(ascii(x))\n",
    b"\xef\xbb\xbf# coding: cp1252\nx = 1\n",
    b"# coding: latin1\nx = '\xff'\nprint(ascii(x))\n",
    b"# coding: l1\nx = '\xff'\nprint(ascii(x))\n",
    b"# coding: iso_8859_1\nx = '\xff'\nprint(ascii(x))\n",
    b"# coding: UTF8\nx = '\xc3\xa9'\nprint(ascii(x))\n",
    b"# coding: UTF8\nx = '\xe9'\n",
    b"# coding: utf_8\nx = '\xe9'\n",
    b"# coding: UTF-8-unix\nx = '\xc3\xa9'\nprint(ascii(x))\n",
    b"# coding: Latin-1-x\nx = '\xe9'\nprint(ascii(x))\n",
    b"# coding: utf-8-sig\nx = '\xc3\xa9'\nprint(ascii(x))\n",
    b"# coding: cp1252\nx = '\x80'\ny = '\xe2\x82'\nprint(ascii(x), ascii(y))\n",
    b"x = 1\n# coding: cp1252\nx = '\x80'\n",
    b"\n# coding: cp1252\nx = '\x80'\nprint(ascii(x))\n",
    b"# coding: cp1252\n# coding: latin-1\nx = '\x80'\nprint(ascii(x))\n",
    b"#!python\n#!python\n# coding: cp1252\nx = '\xe9'\n",
    b"x = '\xe9\xe9'  # \xff\n",
    b"x = 1\ny = '\xe2\x82\xac\xe2\x82'\n",
    b"\xef\xbb\xbfx = '\xff'\n",
    b"# coding: cp1252\nx = 1 +\n",
    b"# coding: cp1252\nif x:\npass\n",
    b"# coding: cp1252\n'\x80\x80\x80' 1\n",
]
for src in CASES:
    print(src[:40])
    try:
        code = compile(src, "<enc>", "exec", dont_inherit=True)
        exec(code, {})
    except SyntaxError as e:
        print("  SyntaxError:", repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    except Exception as e:
        print("  %s: %s" % (type(e).__name__, e))
