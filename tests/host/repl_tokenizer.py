# The basic REPL reads its input through the tokenizer (tok_underflow_interactive), against
# the host's CPython (3.11: the tokenizer's interactive input and PyRun_InteractiveOneObjectEx
# behave there as in 3.14 for what is checked here): SIGINT at a continuation prompt drops the
# statement with KeyboardInterrupt; lines are decoded from sys.stdin.encoding (an undecodable
# line is a "(unicode error)" SyntaxError); on a terminal, Ctrl-D inside a block ends the block
# and the prompt goes on reading.
import os
import select
import signal
import subprocess
import sys
import time

ENV = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/"),
       "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "PYTHON_BASIC_REPL": "1",
       "TERM": "dumb"}


def read_until(fd, buf, marker, count=1, timeout=20.0):
    while buf.count(marker) < count:
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            raise SystemExit("timed out waiting for %r in %r" % (marker, buf))
        data = os.read(fd, 4096)
        if not data:
            raise SystemExit("end of output before %r in %r" % (marker, buf))
        buf += data
    return buf


def drain(fd, buf, timeout=20.0):
    while True:
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return buf
        try:
            data = os.read(fd, 4096)
        except OSError:
            return buf
        if not data:
            return buf
        buf += data


# 1. SIGINT at the secondary prompt: half a line typed, then nothing typed.
proc = subprocess.Popen([sys.executable, "-q", "-i", "-S"], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
err = read_until(proc.stderr.fileno(), b"", b">>> ")
proc.stdin.write(b"if 1:\n")
proc.stdin.flush()
err = read_until(proc.stderr.fileno(), err, b"... ")
proc.stdin.write(b"    x = 5")
proc.stdin.flush()
time.sleep(0.5)
proc.send_signal(signal.SIGINT)
err = read_until(proc.stderr.fileno(), err, b"KeyboardInterrupt")
err = read_until(proc.stderr.fileno(), err, b">>> ", 2)
proc.stdin.write(b"\nfor i in range(3):\n")
proc.stdin.flush()
err = read_until(proc.stderr.fileno(), err, b"... ", 2)
time.sleep(0.5)
proc.send_signal(signal.SIGINT)
err = read_until(proc.stderr.fileno(), err, b"KeyboardInterrupt", 2)
err = read_until(proc.stderr.fileno(), err, b">>> ", 4)
proc.stdin.write(b"print('x' in dir(), 'i' in dir())\n")
proc.stdin.close()
out = drain(proc.stdout.fileno(), b"")
err = drain(proc.stderr.fileno(), err)
proc.wait(timeout=30)
print("interrupt stdout", out.decode())
print("interrupt stderr", err.decode())
print("interrupt exit", proc.returncode)

# 2. The lines' encoding is sys.stdin's.
for encoding, data in (("utf-8", b"x = '\xff'\nprint('next')\nif 1:\n    y = '\xfe'\n\n"
                                 b"print('after')\n"),
                       ("latin-1", b"print(ascii('\xe9'))\nif 1:\n    print(ascii('\xe8'))\n\n")):
    env = dict(ENV, PYTHONIOENCODING=encoding)
    proc = subprocess.run([sys.executable, "-q", "-i", "-S"], input=data,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=30)
    print("encoding", encoding)
    print(proc.stdout.decode("utf-8", "backslashreplace"))

# 3. A terminal (no readline module): Ctrl-D inside a block runs the block, and the prompt
# reads on; a syntax error inside a block is reported at its line.
master, slave = os.openpty()
proc = subprocess.Popen([sys.executable, "-q", "-i", "-S"], stdin=slave, stdout=slave,
                        stderr=slave, env=ENV, close_fds=True)
os.close(slave)
buf = read_until(master, b"", b">>> ")
os.write(master, b"for i in range(2):\n")
buf = read_until(master, buf, b"... ")
os.write(master, b"    print('i', i)\n")
buf = read_until(master, buf, b"... ", 2)
os.write(master, b"\x04")
buf = read_until(master, buf, b">>> ", 2)
os.write(master, b"if 1:\n")
buf = read_until(master, buf, b"... ", 3)
os.write(master, b"    y = )\n")
buf = read_until(master, buf, b">>> ", 3)
os.write(master, b"print('still here')\n")
buf = read_until(master, buf, b">>> ", 4)
os.write(master, b"\x04")
buf = drain(master, buf)
proc.wait(timeout=30)
os.close(master)
for line in buf.decode().replace("\r\n", "\n").split("\n"):
    print(repr(line))
print("tty exit", proc.returncode)
