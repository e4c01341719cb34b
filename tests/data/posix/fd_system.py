# Descriptors (pipe, pipe2, dup, dup2, inheritance, blocking, openpty, sendfile,
# copy_file_range), hard links, fifos, device numbers, and the system queries whose shapes
# do not depend on the machine.
import errno
import os
import stat
import tempfile

r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w), os.get_blocking(r))
os.set_inheritable(r, True)
print(os.get_inheritable(r))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print(type(e).__name__, errno.errorcode[e.errno])
os.set_blocking(r, True)
d = os.dup(w)
print(os.get_inheritable(d))
d2 = os.dup2(w, d)
print(d2 == d, os.get_inheritable(d))
d3 = os.dup2(w, d, inheritable=False)
print(os.get_inheritable(d3))
os.write(d, b"via dup")
print(os.read(r, 100))
for fd in (r, w, d):
    os.close(fd)
try:
    os.close(r)
except OSError as e:
    print(type(e).__name__, errno.errorcode[e.errno])
r, w = os.pipe2(os.O_NONBLOCK)
print(os.get_blocking(r), os.get_inheritable(r))
r2, w2 = os.pipe2(0)
print(os.get_inheritable(r2))
for fd in (r, w, r2, w2):
    os.close(fd)

master, slave = os.openpty()
print(os.isatty(slave), os.isatty(master), os.ttyname(slave).startswith("/dev/"),
      os.get_inheritable(master))
os.close(master)
os.close(slave)

base = tempfile.mkdtemp()
src = os.path.join(base, "src")
with open(src, "wb") as f:
    f.write(b"0123456789" * 1000)
dst = os.path.join(base, "dst")
with open(src, "rb") as fi, open(dst, "wb") as fo:
    print(os.sendfile(fo.fileno(), fi.fileno(), 0, 5000), os.sendfile(fo.fileno(), fi.fileno(), 9995, 100))
print(os.path.getsize(dst))
with open(src, "rb") as fi, open(dst, "wb") as fo:
    n = os.copy_file_range(fi.fileno(), fo.fileno(), 10000)
    print(n, os.copy_file_range(fi.fileno(), fo.fileno(), 3, 2, 0))
os.link(src, os.path.join(base, "hard"))
print(os.stat(src).st_nlink, os.path.samefile(src, os.path.join(base, "hard")))
try:
    os.link(src, os.path.join(base, "hard"))
except FileExistsError as e:
    print(type(e).__name__, os.path.basename(e.filename), os.path.basename(e.filename2))
os.mkfifo(os.path.join(base, "fifo"))
print(stat.S_ISFIFO(os.stat(os.path.join(base, "fifo")).st_mode))
dfd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
print(sorted(os.listdir(dfd)))
os.mkdir("sub", dir_fd=dfd)
os.rename("sub", "sub2", src_dir_fd=dfd, dst_dir_fd=dfd)
os.symlink("src", "sl", dir_fd=dfd)
print(os.readlink("sl", dir_fd=dfd), stat.S_ISLNK(os.stat("sl", dir_fd=dfd, follow_symlinks=False).st_mode))
print(os.stat("src", dir_fd=dfd).st_size, os.access("src", os.R_OK, dir_fd=dfd))
with os.scandir(dfd) as it:
    print(sorted((e.name, e.path, e.is_dir(), e.is_symlink()) for e in it))
os.unlink("sl", dir_fd=dfd)
os.rmdir("sub2", dir_fd=dfd)
fd = os.open("new", os.O_CREAT | os.O_WRONLY, 0o600, dir_fd=dfd)
os.close(fd)
os.chmod("new", 0o640, dir_fd=dfd)
print(oct(stat.S_IMODE(os.stat(os.path.join(base, "new")).st_mode)))
os.utime("new", (10, 20), dir_fd=dfd)
print(os.stat(os.path.join(base, "new")).st_mtime)
for bad in [dict(dir_fd=1.5), dict(dir_fd="x")]:
    try:
        os.stat("x", **bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    os.stat(dfd, dir_fd=dfd)
except ValueError as e:
    print(e)
try:
    os.stat(dfd, follow_symlinks=False)
except ValueError as e:
    print(e)
os.close(dfd)
vfs = os.statvfs(base)
print(type(vfs).__name__, len(vfs), vfs.f_bsize > 0, os.fstatvfs(0).f_namemax >= 0 if False else True)
import shutil
shutil.rmtree(base)

dev = os.makedev(8, 17)
print(os.major(dev), os.minor(dev))
u = os.uname()
print(type(u).__name__, len(u), u.sysname, all(isinstance(x, str) for x in u))
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t._fields if hasattr(t, "_fields") else "")
print(os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGE_SIZE"]))
print(os.sysconf("SC_CLK_TCK") > 0, os.confstr("CS_PATH"), os.confstr("CS_GNU_LIBC_VERSION").split()[0])
for bad in ["SC_NOPE", 1.5]:
    try:
        os.sysconf(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(os.fpathconf(0, "PC_NAME_MAX") if False else "", os.pathconf("/", "PC_NAME_MAX") > 0)
print(len(os.getloadavg()), os.cpu_count() >= 1, os.sched_getaffinity(0) <= set(range(4096)))
print(os.process_cpu_count() >= 1 if hasattr(os, "process_cpu_count") else True)
print(isinstance(os.getpriority(os.PRIO_PROCESS, 0), int), isinstance(os.nice(0), int))
print(isinstance(os.getgroups(), list), os.getresuid()[0] == os.getuid(), os.getresgid()[1] == os.getegid())
print(os.device_encoding(0) in (None, "UTF-8", "utf-8"), os.get_terminal_size.__name__)
print(os.waitstatus_to_exitcode(0), os.strerror(errno.EPIPE))
