# Symbolic and hard links: symlink, readlink (str and bytes), lstat against stat, link counts,
# os.path.islink/realpath/lexists, and the two-filename errors.
import os
import stat
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
with open("target", "w") as f:
    f.write("data")
os.symlink("target", "ln")
os.symlink("nowhere", "dangling")
print(os.readlink("ln"), os.readlink(b"ln"), os.readlink("dangling"))
print(stat.S_ISLNK(os.lstat("ln").st_mode), stat.S_ISLNK(os.stat("ln").st_mode))
print(os.stat("ln", follow_symlinks=False).st_size, os.stat("ln").st_size)
print(os.path.islink("ln"), os.path.islink("target"), os.path.exists("dangling"),
      os.path.lexists("dangling"))
print(os.path.relpath(os.path.realpath("ln"), os.path.realpath(".")))
print(os.path.samefile("target", "ln"), os.path.samefile("target", "dangling") if False else "")

for args in [("target", "ln"), ("nothing", "x/y")]:
    try:
        os.symlink(*args)
    except OSError as e:
        print(type(e).__name__, e.filename, e.filename2, e.strerror)
try:
    os.readlink("target")
except OSError as e:
    print(type(e).__name__, e.filename, e.strerror)

os.unlink("ln")
os.unlink("dangling")
print(sorted(os.listdir(".")))
os.chdir("/")
import shutil
shutil.rmtree(base)
