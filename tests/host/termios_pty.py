# termios on a pseudo-terminal (os.openpty), and the modules that need it (tty, pty,
# getpass). Expected output: the host CPython running the same program on its own pty.
import getpass
import os
import pty
import termios
import tty

master, slave = os.openpty()
print(os.isatty(slave), callable(tty.setraw), callable(pty.openpty), callable(getpass.getpass))
attrs = termios.tcgetattr(slave)
print(len(attrs), [type(x).__name__ for x in attrs[:6]], len(attrs[6]), termios.NCCS)
print(attrs[:6])
print(attrs[6])

# Echo off and noncanonical: VMIN and VTIME become ints.
new = termios.tcgetattr(slave)
new[3] &= ~(termios.ECHO | termios.ICANON)
new[6][termios.VMIN] = 1
new[6][termios.VTIME] = 0
termios.tcsetattr(slave, termios.TCSANOW, new)
now = termios.tcgetattr(slave)
print(now[3] & termios.ECHO, now[3] & termios.ICANON, now[6][termios.VMIN], now[6][termios.VTIME])
print(now[6][termios.VINTR], now[6][termios.VEOF] if now[3] & termios.ICANON else 'n/a')
termios.tcsetattr(slave, termios.TCSAFLUSH, attrs)
print(termios.tcgetattr(slave) == attrs)

# Speeds.
fast = termios.tcgetattr(slave)
fast[4] = fast[5] = termios.B9600
termios.tcsetattr(slave, termios.TCSADRAIN, fast)
print(termios.tcgetattr(slave)[4:6] == [termios.B9600, termios.B9600])
termios.tcsetattr(slave, termios.TCSANOW, attrs)

# Window size.
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave))
termios.tcsetwinsize(master, [30, 100])
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))

# Data through the pair, flushing, draining, flow control.
os.write(master, b'hello\n')
print(os.read(slave, 100))
os.write(master, b'dropped\n')
termios.tcflush(slave, termios.TCIFLUSH)
termios.tcdrain(slave)
termios.tcflow(slave, termios.TCOON)
termios.tcsendbreak(slave, 0)
with os.fdopen(os.dup(slave), 'rb', buffering=0) as f:
    print(termios.tcgetattr(f) == attrs)

# Errors.
r, w = os.pipe()
for call in [lambda: termios.tcgetattr(r), lambda: termios.tcsetattr(r, termios.TCSANOW, attrs),
             lambda: termios.tcgetwinsize(w), lambda: termios.tcdrain(w),
             lambda: termios.tcsetattr(slave, termios.TCSANOW, [1, 2]),
             lambda: termios.tcsetattr(slave, termios.TCSANOW, attrs[:6] + [[]]),
             lambda: termios.tcsetattr(slave, termios.TCSANOW, attrs[:6] + [[1.5] * termios.NCCS]),
             lambda: termios.tcsetattr(slave, termios.TCSANOW, ['x'] + attrs[1:]),
             lambda: termios.tcsetwinsize(slave, (1,)),
             lambda: termios.tcsetwinsize(slave, 5),
             lambda: termios.tcsetwinsize(slave, (70000, 1)),
             lambda: termios.tcgetattr('x'), lambda: termios.tcgetattr(-1),
             lambda: termios.tcgetattr(9999), lambda: termios.tcflush(slave, 99)]:
    try:
        call()
        print('ok')
    except termios.error as e:
        print('termios.error', e.args)
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(termios.error, Exception), termios.error.__module__)
for name in ['TCSANOW', 'TCSADRAIN', 'TCSAFLUSH', 'ECHO', 'ICANON', 'VMIN', 'VTIME', 'B38400',
             'TIOCGWINSZ', 'TIOCSWINSZ', 'CS8', 'OPOST', 'ISIG', 'NCCS']:
    print(name, getattr(termios, name))
# Every constant and its value (EXTPROC, IUTF8 and _POSIX_VDISABLE are new since 3.11).
consts = sorted(n for n in dir(termios) if n[0].isupper() and n not in ('EXTPROC', 'IUTF8'))
print(len(consts))
print([(n, getattr(termios, n)) for n in consts])
os.close(master)
os.close(slave)
