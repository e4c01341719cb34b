# glob over a private temporary directory: wildcards, character classes, recursion, hidden
# files, bytes patterns, root_dir and dir_fd, escape and translate.
import glob
import os
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
for name in ["a.py", "b.py", "c.txt", ".hidden.py", "d1/e.py", "d1/d2/f.py", "d1/.h/g.py",
             "x[1].txt", "y?.txt"]:
    os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
    open(name, "w").close()

print(sorted(glob.glob("*.py")))
print(sorted(glob.glob("*")))
print(sorted(glob.glob("*", include_hidden=True)))
print(sorted(glob.glob("[ab].py")), sorted(glob.glob("[!a]*.py")))
print(sorted(glob.glob("**/*.py", recursive=True)))
print(sorted(glob.glob("**", recursive=True)))
print(sorted(glob.glob("d1/**/", recursive=True)))
print(sorted(glob.glob("**/*.py", recursive=True, include_hidden=True)))
print(sorted(glob.glob("d1/*/*.py")))
print(sorted(glob.glob(b"*.py")))
print(sorted(glob.glob("*.py", root_dir="d1")), sorted(glob.glob("**", root_dir="d1", recursive=True)))
fd = os.open("d1", os.O_RDONLY | os.O_DIRECTORY)
try:
    print(sorted(glob.glob("*", dir_fd=fd)), sorted(glob.glob("d2/*.py", dir_fd=fd)))
finally:
    os.close(fd)
print(sorted(glob.iglob("*.txt")))
print(glob.glob(glob.escape("x[1].txt")), glob.glob(glob.escape("y?.txt")), glob.glob("x[1].txt"))
print(glob.glob("nothing*"), glob.glob("d1/nothing/*"), glob.has_magic("a*"), glob.has_magic("ab"))
print(glob.translate("**/*.py", recursive=True))
os.chdir("/")
import shutil
shutil.rmtree(base)
