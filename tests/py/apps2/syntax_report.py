"""A config loader that imports user-written modules: syntax and indentation errors reported."""
import importlib
import os
import sys
import tempfile
import traceback

root = tempfile.mkdtemp()
sys.path.insert(0, root)
BAD = {
    "bad_colon": "def f()\n    return 1\n",
    "bad_indent": "def f():\nreturn 1\n",
    "bad_tabs": "if True:\n        x = 1\n\ty = 2\n",
    "bad_string": "s = 'unterminated\n",
    "bad_paren": "x = (1,\n     2\ny = 3\n",
    "bad_assign": "f() = 1\n",
    "bad_fstring": "x = f'{1 +}'\n",
    "bad_unicode": "x = 1 \u2013 2\n",
    "bad_keyword": "class = 5\n",
    "bad_walrus": "[x := 1 for x in y]\n",
    "bad_return": "return 5\n",
    "bad_await": "def f():\n    await x\n",
    "bad_nonlocal": "def f():\n    nonlocal q\n",
    "bad_decode": b"# -*- coding: latin-1 -*-\nx = '\xe9'\ny = 1 +\n",
    "bad_null": "x = 1\x00\n",
}
for name, src in BAD.items():
    mode = "wb" if isinstance(src, bytes) else "w"
    with open(os.path.join(root, name + ".py"), mode) as f:
        f.write(src)
    importlib.invalidate_caches()   # the finder's directory listing may predate the file
    try:
        importlib.import_module(name)
        print(name, "imported?!")
    except SyntaxError as exc:
        lines = traceback.format_exception_only(exc)
        print(f"{name}: {type(exc).__name__}: {exc.msg} (line {exc.lineno}, offset {exc.offset}, end {exc.end_lineno}:{exc.end_offset})")
        for line in lines[1:]:
            print("   |", line.rstrip("\n"))
    except Exception as exc:
        print(name, type(exc).__name__, str(exc).replace(root, "ROOT"))
sys.stdout.flush()
exec(compile("total = sum(range(10))\nprint('total', total)\nif total > 5\n    print('big')\n", "generated_config.py", "exec"))
