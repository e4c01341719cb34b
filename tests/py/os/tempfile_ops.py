# tempfile: mkstemp, mkdtemp, NamedTemporaryFile, TemporaryFile, TemporaryDirectory and
# SpooledTemporaryFile, with names checked by shape only.
import os
import stat
import tempfile

base = tempfile.mkdtemp(prefix="pre_", suffix="_suf")
name = os.path.basename(base)
print(name.startswith("pre_"), name.endswith("_suf"), os.path.isdir(base))
print(oct(stat.S_IMODE(os.stat(base).st_mode)))

fd, path = tempfile.mkstemp(dir=base, suffix=".txt")
print(os.path.dirname(path) == base, path.endswith(".txt"))
print(oct(stat.S_IMODE(os.stat(path).st_mode)))
os.write(fd, b"abc")
os.close(fd)
with open(path) as f:
    print(f.read())

fd, bpath = tempfile.mkstemp(dir=base.encode(), prefix=b"b_")
print(type(bpath).__name__, os.path.basename(bpath).startswith(b"b_"))
os.close(fd)

with tempfile.NamedTemporaryFile(dir=base, mode="w+", delete=True) as f:
    f.write("named")
    f.seek(0)
    print(f.read(), os.path.exists(f.name), os.path.dirname(f.name) == base)
    n = f.name
print(os.path.exists(n))
with tempfile.NamedTemporaryFile(dir=base, delete=False) as f:
    f.write(b"kept")
print(os.path.exists(f.name))
os.unlink(f.name)

with tempfile.TemporaryFile(dir=base) as f:
    f.write(b"anon")
    f.seek(0)
    print(f.read())

with tempfile.TemporaryDirectory(dir=base) as d:
    open(os.path.join(d, "x"), "w").close()
    os.mkdir(os.path.join(d, "y"))
    print(sorted(os.listdir(d)))
print(os.path.exists(d))

td = tempfile.TemporaryDirectory(dir=base)
os.makedirs(os.path.join(td.name, "a", "b"))
os.chmod(os.path.join(td.name, "a"), 0o500)
td.cleanup()
print(os.path.exists(td.name))

with tempfile.SpooledTemporaryFile(max_size=10, dir=base) as f:
    f.write(b"12345")
    print(f._rolled)
    f.write(b"678901234")
    print(f._rolled, f.tell())

print(tempfile.gettempprefix(), type(tempfile.gettempdir()).__name__,
      type(tempfile.gettempdirb()).__name__)
names = tempfile._get_candidate_names()
print(len(next(names)), next(names) != next(names))

import shutil
shutil.rmtree(base)
print(os.path.exists(base))
