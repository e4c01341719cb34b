# Instances of Python subclasses of the _io base classes release their class once (a
# double release freed the class of LZMAFile's DecompressReader under lzma.open).
import io
import sys

for base in (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase):
    cls = type('Sub', (base,), {})
    before = sys.getrefcount(cls)
    for i in range(50):
        obj = cls()
        obj.close()
        del obj
    print(base.__name__, sys.getrefcount(cls) - before)
