# os.environ writes through putenv/unsetenv, environb, and the small calls whose results do
# not depend on the machine: fspath, strerror, umask, urandom, stat_result construction,
# W* macros, waitstatus_to_exitcode, device numbers, constants.
import os
import stat

os.environ["CPPY_TEST_VAR"] = "value"
print(os.environ["CPPY_TEST_VAR"], os.getenv("CPPY_TEST_VAR"), os.environb[b"CPPY_TEST_VAR"])
os.environb[b"CPPY_TEST_B"] = b"bytes"
print(os.environ["CPPY_TEST_B"], "CPPY_TEST_B" in os.environ)
del os.environ["CPPY_TEST_VAR"]
print(os.getenv("CPPY_TEST_VAR"), os.environ.get("CPPY_TEST_VAR", "gone"))
print(os.environ.pop("CPPY_TEST_B"), "CPPY_TEST_B" in os.environ)
for bad in [("a=b", "x"), ("a\0b", "x")]:
    try:
        os.putenv(*bad)
    except ValueError as e:
        print("putenv", e)
try:
    os.unsetenv("a=b")
except OSError as e:
    print("unsetenv", e.strerror)

class P:
    def __fspath__(self):
        return "some/path"
print(os.fspath(P()), os.fspath(b"x"), os.fspath("y"))
for bad in [1, None, 1.5]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print(e)
import errno
print(os.strerror(errno.ENOENT), os.strerror(errno.EACCES), os.strerror(errno.ENOTDIR))
old = os.umask(0o22)
print(oct(os.umask(old)))
print(len(os.urandom(16)), os.urandom(0), type(os.urandom(3)).__name__)
try:
    os.urandom(-1)
except ValueError as e:
    print(e)

st = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(st, st.st_mtime, st.st_atime, st.st_ctime)
print(os.stat_result.n_fields, os.stat_result.n_sequence_fields)
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns)
print(os.statvfs_result.n_sequence_fields, os.statvfs_result.n_fields)

for status in [0, 256, 9, 0x7f | (19 << 8), 0x86]:
    print(status, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
          os.WTERMSIG(status), os.WIFSTOPPED(status), os.WSTOPSIG(status),
          os.WCOREDUMP(status))
for status in [0, 256, 9]:
    print(os.waitstatus_to_exitcode(status))
for status in [0x7f | (19 << 8)]:
    try:
        os.waitstatus_to_exitcode(status)
    except ValueError as e:
        print(e)

print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.WNOHANG)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.EX_OK)
print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.linesep == "\n")
print(os.devnull, os.defpath)
print(os.path.join("a", "b", "/c", "d"), os.path.split("/x/y/z.py"), os.path.splitext("f.tar.gz"))
print(os.path.normpath("a//b/../c/./d"), os.path.basename("/a/b/"), os.path.dirname("/a/b/c"))
print(os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["abc", "abd"]))
print(os.path.expanduser("~nonexistentuser12345/x"), os.path.isabs("/x"), os.path.isabs("x"))
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o120777))
print(os.get_exec_path({"PATH": "/a:/b"}))
print(callable(os.register_at_fork), callable(os.scandir), callable(os.walk))
print(os.stat in os.supports_fd, os.stat in os.supports_dir_fd, os.stat in os.supports_follow_symlinks)
print(os.open in os.supports_dir_fd, os.listdir in os.supports_fd, os.utime in os.supports_fd)
print(os.scandir in os.supports_fd, os.unlink in os.supports_dir_fd, os.chmod in os.supports_fd)
