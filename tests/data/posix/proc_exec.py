# execv/execve in forked children, posix_spawn/posix_spawnp with file actions, system.
import os
import sys

def run_child(fn):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        try:
            fn()
        finally:
            os._exit(127)
    os.close(w)
    out = b""
    while chunk := os.read(r, 4096):
        out += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return out, os.waitstatus_to_exitcode(status)

print(run_child(lambda: os.execv("/bin/sh", ["sh", "-c", "echo from execv; exit 3"])))
print(run_child(lambda: os.execve("/bin/sh", ("sh", "-c", "echo $CPPY_X; exit 0"),
                                  {"CPPY_X": "env-value"})))
print(run_child(lambda: os.execve(b"/bin/sh", [b"sh", b"-c", b"echo bytes"], {b"A": b"1"})))
print(run_child(lambda: os.execv("/nonexistent/prog", ["prog"])))

for args in [("/bin/sh", []), ("/bin/sh", "sh"), ("/bin/sh", [""])]:
    try:
        os.execv(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for args in [("/bin/sh", ["sh"], None), ("/bin/sh", ["sh"], {"A=B": "x"})]:
    try:
        os.execve(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.execv("/nonexistent/prog", ["prog"])
except FileNotFoundError as e:
    print(type(e).__name__, e.strerror)

r, w = os.pipe()
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "echo spawned $CPPY_Y; exit 5"],
                     {"CPPY_Y": "yes"},
                     file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
os.close(w)
out = os.read(r, 1000)
os.close(r)
print(out, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.posix_spawnp("true", ["true"], os.environ)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
try:
    os.posix_spawn("/nonexistent/prog", ["prog"], {})
except FileNotFoundError as e:
    print(type(e).__name__, e.filename, e.strerror)
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "exit 2"], {}, setsid=True, resetids=True,
                     setsigdef=[15], setsigmask=[])
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

print(os.system("exit 5") >> 8, os.WEXITSTATUS(os.system("true")))
sys.stdout.flush()

# env=None: the child sees the current environment (subprocess passes None).
os.environ["CPPY_SPAWN_ENV"] = "inherited"
r, w = os.pipe()
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "echo $CPPY_SPAWN_ENV"], os.environ,
                     file_actions=[(os.POSIX_SPAWN_DUP2, w, 1)])
os.close(w)
print(os.read(r, 100), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
os.close(r)
