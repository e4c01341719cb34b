# PyOS_Readline / PyOS_StdioReadline (Parser/myreadline.c) and input()'s two paths, against the
# host's CPython (3.11: the basic REPL and myreadline.c are the same there as in 3.14):
# the REPL reading a pipe (prompts on stderr, SIGINT while a line is half typed drops it and
# raises KeyboardInterrupt, end of file in the middle of a line, a very long line), input() on
# a terminal without readline (the prompt on stderr, Ctrl-D gives a bare EOFError) and input()
# on pipes (the prompt on stdout, "EOF when reading a line").
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


# 1. The REPL on a pipe, interrupted in the middle of a line.
proc = subprocess.Popen([sys.executable, "-q", "-i", "-S"], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
err = read_until(proc.stderr.fileno(), b"", b">>> ")
proc.stdin.write(b"x = 1\n")
proc.stdin.flush()
err = read_until(proc.stderr.fileno(), err, b">>> ", 2)
proc.stdin.write(b"y = 2")
proc.stdin.flush()
time.sleep(0.5)
proc.send_signal(signal.SIGINT)
err = read_until(proc.stderr.fileno(), err, b"KeyboardInterrupt")
err = read_until(proc.stderr.fileno(), err, b">>> ", 3)
proc.stdin.write(b"\nprint(x, 'y' in dir())\nz = 'a' * 3 + \\\n  'b'\nprint(z)\n")
proc.stdin.write(b"s = '" + b"w" * 200000 + b"'\nprint(len(s))\nprint('no newline')")
proc.stdin.close()
out = drain(proc.stdout.fileno(), b"")
err = drain(proc.stderr.fileno(), err)
proc.wait(timeout=30)
print("repl stdout", out.decode())
print("repl stderr", err.decode())
print("repl exit", proc.returncode)

# 2. input() on a terminal, readline not loaded: the prompt goes to stderr.
for keys in (b"abc\n", b"\x04"):
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-S", "-c",
                             "x = input('P' + '> '); print('got', repr(x))"],
                            stdin=slave, stdout=slave, stderr=subprocess.PIPE, env=ENV,
                            close_fds=True)
    os.close(slave)
    err = read_until(proc.stderr.fileno(), b"", b"P> ")
    os.write(master, keys)
    out = drain(master, b"")
    err = drain(proc.stderr.fileno(), err)
    proc.wait(timeout=30)
    os.close(master)
    lines = err.decode().strip().splitlines()
    print("tty", repr(keys), "stdout", repr(out.decode().replace("\r\n", "\n")))
    print("tty", repr(keys), "stderr first", repr(lines[0]), "last", repr(lines[-1]))

# 3. input() on pipes: the prompt goes to stdout.
for data in (b"abc\n", b""):
    proc = subprocess.run([sys.executable, "-S", "-c",
                           "x = input('P> '); print('got', repr(x))"],
                          input=data, capture_output=True, env=ENV, timeout=30)
    lines = proc.stderr.decode().strip().splitlines()
    print("pipe", repr(data), repr(proc.stdout.decode()), repr(lines[-1] if lines else ""))
