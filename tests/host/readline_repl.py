# The interpreter's own prompt on a pseudo-terminal once readline is loaded: line editing
# (Ctrl-A moves to the start of the line), history (Up recalls the previous line) and
# input() all go through readline. Only readline can turn "1+2", Ctrl-A, "9" into 91+2.
import os
import select
import subprocess
import sys
import tempfile

home = tempfile.mkdtemp()
env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "TERM": "dumb",
       "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "PYTHONSTARTUP": ""}
master, slave = os.openpty()
proc = subprocess.Popen([sys.executable, "-q", "-i", "-S", "-c", "import readline"],
                        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
os.close(slave)

out = b""


def read_until(marker, timeout=20.0):
    global out
    while marker not in out:
        r, _, _ = select.select([master], [], [], timeout)
        if not r:
            raise SystemExit("timed out waiting for %r in %r" % (marker, out))
        try:
            data = os.read(master, 1024)
        except OSError:
            data = b""
        if not data:
            raise SystemExit("end of output before %r in %r" % (marker, out))
        out += data


def send(keys, marker=b">>> "):
    # Types keys, then reads until one more marker (a prompt) has come.
    global out
    count = out.count(marker)
    os.write(master, keys)
    while out.count(marker) <= count:
        r, _, _ = select.select([master], [], [], 20.0)
        if not r:
            raise SystemExit("timed out after %r: %r" % (keys, out))
        data = os.read(master, 1024)
        if not data:
            raise SystemExit("end of output after %r: %r" % (keys, out))
        out += data


read_until(b">>> ")
send(b"1+2\x019\r")            # Ctrl-A then 9: 91+2
send(b"\x1b[A\r")              # Up: the same line again
# The prompt is built at run time so that the echo of the typed line cannot match it.
send(b"x = input('Q' * 2 + ': ')\r", marker=b"QQ: ")
send(b"ab\x02c\r")             # Ctrl-B moves left: acb
send(b"x\r")
send(b"import readline; readline.get_current_history_length()\r")
os.write(master, b"\x04")
try:
    while True:
        r, _, _ = select.select([master], [], [], 20.0)
        if not r:
            break
        data = os.read(master, 1024)
        if not data:
            break
        out += data
except OSError:
    pass
proc.wait(timeout=30)
os.close(master)
text = out.decode("utf-8", "replace").replace("\r\n", "\n")
for line in text.split("\n"):
    print(repr(line))
print("exit", proc.returncode)
