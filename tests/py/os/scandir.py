# os.scandir and DirEntry: names, paths, the type tests with and without following links,
# the stat cache, bytes paths, the context manager and os.walk over the result.
import os
import stat
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
os.makedirs("top/a/b")
os.makedirs("top/c")
for name in ["top/x.txt", "top/a/y.txt", "top/a/b/z.txt"]:
    with open(name, "w") as f:
        f.write(name)
os.symlink("x.txt", "top/link")
os.symlink("a", "top/dirlink")
os.symlink("missing", "top/broken")

with os.scandir("top") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), e.is_junction())
    print("  ", os.fspath(e), stat.S_ISLNK(e.stat(follow_symlinks=False).st_mode),
          e.inode() == e.stat(follow_symlinks=False).st_ino)
x = [e for e in entries if e.name == "x.txt"][0]
print(x.stat() is x.stat(), x.stat().st_size, x.stat(follow_symlinks=False) is x.stat())
try:
    [e for e in entries if e.name == "broken"][0].stat()
except FileNotFoundError as exc:
    print("broken:", exc.filename)

with os.scandir(b"top") as it:
    print(sorted((e.name, e.path) for e in it))
os.chdir("top")
with os.scandir() as it:
    print(sorted(e.path for e in it))
with os.scandir(".") as it:
    print(sorted(e.path for e in it))
os.chdir("..")

it = os.scandir("top")
print(type(it).__name__, iter(it) is it)
next(it)
it.close()
it.close()
print(list(it))

print(os.DirEntry.__name__, os.DirEntry.__module__)
try:
    os.DirEntry()
except TypeError as exc:
    print(exc)
print(os.DirEntry[str])

for root, dirs, files in sorted(os.walk("top")):
    print(root, sorted(dirs), sorted(files))
for root, dirs, files in sorted(os.walk("top", topdown=False, followlinks=True)):
    print(root, sorted(dirs), sorted(files))
print(sorted(os.walk("missing")))

try:
    os.scandir("missing")
except FileNotFoundError as exc:
    print(exc.filename, exc.strerror)
try:
    os.scandir(1.5)
except TypeError as exc:
    print(exc)

import shutil
os.chdir("/")
shutil.rmtree(base)
print(os.path.exists(base))
