# Socket calls interrupted by signals (PEP 475 retries, a raising handler), dup, sendfile,
# text makefile, gethostbyaddr on loopback and accept timeouts. Expected output from the host's
# CPython 3.11 (64-bit, real sockets, signals and threads): the reference (pyodide) has none.
import os, signal, socket, threading, time, tempfile
a, b = socket.socketpair()
calls = []
signal.signal(signal.SIGALRM, lambda *args: calls.append('alarm'))
signal.setitimer(signal.ITIMER_REAL, 0.05)
threading.Timer(0.3, a.sendall, [b'after the signal']).start()
print(b.recv(100), calls)
b.settimeout(5)
signal.setitimer(signal.ITIMER_REAL, 0.05)
threading.Timer(0.3, a.sendall, [b'with a timeout']).start()
print(b.recv(100), calls)
def boom(*args):
    raise KeyboardInterrupt('from handler')
signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    b.recv(100)
except KeyboardInterrupt as e:
    print('interrupted', e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
d = b.dup()
print(d.family, d.type, d.fileno() != b.fileno())
a.sendall(b'to dup')
print(d.recv(10))
d.close()
print(socket.gethostbyaddr('127.0.0.1')[2], type(socket.gethostbyaddr('127.0.0.1')[0]).__name__)
with tempfile.TemporaryFile() as f:
    f.write(b'file contents ' * 100)
    f.seek(0)
    print(a.sendfile(f))
got = b''
while len(got) < 1400:
    got += b.recv(2000)
print(len(got))
f = b.makefile('rw', encoding='utf-8', newline='')
a.sendall('héllo\nworld\n'.encode())
print(repr(f.readline()), repr(f.readline()))
f.write('réply\n'); f.flush()
print(a.recv(100))
f.close()
a.close(); b.close()
print(socket.getfqdn('127.0.0.1') != '', socket.has_dualstack_ipv6())
srv = socket.create_server(('127.0.0.1', 0))
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print('accept', type(e).__name__, e)
srv.close()
