# Run on the reference (node tools/oracle/oracle.mjs --run tools/impdata/frozen_ref.py): the
# marshal data CPython 3.14.2 freezes for the test modules, one "NAME HEX" line each, for
# tests/unit/imp_test.cpp's custom frozen table (tests/data/imp/frozen_ref.txt).
import marshal, os, sys, zipimport

lib = os.path.dirname(os.__file__)  # the reference keeps its library in a zip file
reader = zipimport.zipimporter(lib)
for name, rel in [("__hello__", "__hello__.py"), ("__phello__", "__phello__/__init__.py"),
                  ("__phello__.spam", "__phello__/spam.py")]:
    src = reader.get_data(rel)
    code = compile(src, f"<frozen {name}>", "exec")
    print(name, marshal.dumps(code).hex())
