# os file and directory calls inside a private temporary directory: creation, listing, stat
# fields that do not depend on the machine, renames, removal and the OSError subclasses.
import errno
import os
import stat
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)

os.mkdir("d")
os.makedirs("d/sub/deeper")
os.makedirs("d/sub/deeper", exist_ok=True)
print(sorted(os.listdir("d")), os.listdir("d/sub"))
print(sorted(os.listdir(b"d")))

fd = os.open("d/f.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world\n"), os.write(fd, bytearray(b"more")))
os.close(fd)
st = os.stat("d/f.txt")
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st.st_nlink)
print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, st[6], len(st))
print(stat.S_ISDIR(os.stat("d").st_mode), stat.S_ISDIR(os.lstat(b"d").st_mode))

fd = os.open("d/f.txt", os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -4, os.SEEK_END))
print(os.read(fd, 100), os.read(fd, 100))
print(os.fstat(fd).st_size, os.isatty(fd))
print(os.pread(fd, 5, 6))
os.close(fd)

os.rename("d/f.txt", "d/g.txt")
os.replace("d/g.txt", "d/sub/h.txt")
print(sorted(os.listdir("d")), sorted(os.listdir("d/sub")))

os.truncate("d/sub/h.txt", 3)
print(os.path.getsize("d/sub/h.txt"))
with open("d/sub/h.txt", "rb") as f:
    print(f.read())
with open("d/sub/h.txt", "r+b") as f:
    os.ftruncate(f.fileno(), 1)
    print(os.fstat(f.fileno()).st_size)

os.chmod("d/sub/h.txt", 0o600)
print(oct(stat.S_IMODE(os.stat("d/sub/h.txt").st_mode)))
os.utime("d/sub/h.txt", (1000000000, 1500000000.25))
st = os.stat("d/sub/h.txt")
print(st.st_atime, st.st_mtime, st.st_atime_ns, st.st_mtime_ns, st[7], st[8])
os.utime("d/sub/h.txt", ns=(5_000_000_000, 1234567890123000000))
st = os.stat("d/sub/h.txt")
print(st.st_atime_ns, st.st_mtime_ns, st.st_mtime)
print(os.access("d/sub/h.txt", os.R_OK), os.access("missing", os.F_OK))

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(f.__name__, "->", r)
    except OSError as e:
        # errno values differ between platforms: show the name and the message instead.
        print(f.__name__, type(e).__name__, errno.errorcode[e.errno], e.filename, e.filename2,
              e.strerror, len(e.args))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

show(os.stat, "missing")
show(os.lstat, b"missing")
show(os.mkdir, "d")
show(os.rmdir, "d")
show(os.rmdir, "d/sub/h.txt")
show(os.unlink, "d")
show(os.listdir, "d/sub/h.txt")
show(os.rename, "nope", "other")
show(os.open, "missing", os.O_RDONLY)
show(os.open, "d", os.O_WRONLY)
show(os.remove, "missing")
show(os.chmod, "missing", 0o777)
show(os.truncate, "missing", 0)
show(os.utime, "missing")
show(os.readlink, "d")
show(os.makedirs, "d")

os.remove("d/sub/h.txt")
os.removedirs("d/sub/deeper")
print(os.path.exists("d"), os.listdir("."))
os.chdir("/")
os.rmdir(base)
print(os.path.exists(base))
