# _socket: constants, address conversions, resolver calls that need no network, socketpair,
# TCP and UDP over loopback, timeouts and errno-mapped errors. Expected output from the host's
# CPython 3.11 (64-bit, real sockets): the reference (pyodide) has no sockets. Ports are
# ephemeral and never printed.
import errno
import os
import socket
import struct
import tempfile
import threading

print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY,
      socket.MSG_PEEK, socket.SHUT_RDWR, socket.AI_PASSIVE, socket.NI_NUMERICHOST,
      socket.EAI_NONAME, socket.SOMAXCONN, socket.SCM_RIGHTS)
print(repr(socket.AF_INET), repr(socket.SOCK_STREAM), repr(socket.MSG_PEEK))
print(socket.error is OSError, socket.timeout is TimeoutError,
      issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.gaierror.__module__, socket.gaierror.__name__, socket.has_ipv6)
print(socket.SocketType is socket._socket.socket, socket.socket.__mro__[1].__name__)

# Conversions.
print(socket.inet_aton('127.0.0.1'), socket.inet_aton('1.2.3'), socket.inet_ntoa(b'\x7f\x00\x00\x01'))
print(socket.inet_pton(socket.AF_INET6, '::1'), socket.inet_ntop(socket.AF_INET6, bytes(15) + b'\x01'))
print(socket.inet_ntop(socket.AF_INET, b'\xc0\xa8\x01\x02'), socket.inet_pton(socket.AF_INET, '10.0.0.1'))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4), socket.CMSG_LEN(0))


def err(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(' ', type(e).__name__, e)
    else:
        print('  ok', r)


err(socket.inet_aton, 'x')
err(socket.inet_ntoa, b'123')
err(socket.inet_pton, socket.AF_INET, '::1')
err(socket.inet_ntop, socket.AF_INET, b'12345')
err(socket.inet_ntop, 12345, b'1234')
err(socket.CMSG_LEN, -1)
err(socket.getaddrinfo, 'not a host', 80, 0, 0, 0, socket.AI_NUMERICHOST)
err(socket.getaddrinfo, '127.0.0.1', 1.5)
err(socket.getnameinfo, ('127.0.0.1', 80, 0), 0)
err(socket.getnameinfo, '127.0.0.1', 0)
err(socket.getservbyname, 'no-such-service', 'tcp')
err(socket.getservbyport, 70000)
err(socket.getprotobyname, 'no-such-proto')
err(socket.if_nametoindex, 'no-such-if0')

# Resolver calls on numeric addresses (no DNS).
print(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo('::1', 'http', socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE))
print(socket.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname('127.0.0.1'), socket.gethostbyname_ex('127.0.0.1')[2])
print(socket.getservbyname('http', 'tcp'), socket.getservbyport(80, 'tcp'),
      socket.getprotobyname('tcp'), socket.getprotobyname('udp'))
print(type(socket.gethostname()).__name__, type(socket.if_nameindex()).__name__,
      socket.if_indextoname(socket.if_nametoindex('lo')))

# Socket objects.
s = socket.socket()
print(s.family, s.type, s.proto, s.gettimeout(), s.getblocking(), s.timeout)
s.settimeout(2.5)
print(s.gettimeout(), s.getblocking(), s.timeout)
s.setblocking(False)
print(s.gettimeout(), s.getblocking())
s.settimeout(None)
err(s.settimeout, -1)
err(s.connect, 'x')
err(s.connect, ('a',))
err(s.connect, ('127.0.0.1', 'x'))
err(s.connect, ('127.0.0.1', 70000))
err(s.connect, (1, 2))
err(s.bind, ('127.0.0.1', -1))
err(s.send, 'x')
err(s.recv)
err(s.recv, -1)
err(s.sendto, b'x')
err(s.getsockopt, socket.SOL_SOCKET, socket.SO_TYPE, 2000)
err(s.recv_into, b'abc')
err(s.getpeername)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0,
      s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE),
      len(s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)))
s.bind(('127.0.0.1', 0))
host, port = s.getsockname()
print(host, port > 0, socket.getdefaulttimeout())
s.listen()
c = socket.create_connection(('127.0.0.1', port))
conn, addr = s.accept()
print(addr[0], addr[1] == c.getsockname()[1], conn.getpeername() == c.getsockname())
print(type(conn).__name__, conn.family, conn.type, conn.gettimeout())
c.sendall(b'hello ' * 1000)
got = b''
while len(got) < 6000:
    got += conn.recv(4096)
print(len(got), got[:12])
buf = bytearray(10)
c.send(b'abcdefghij')
print(conn.recv_into(buf, 4), buf)
print(conn.recv(3, socket.MSG_PEEK), conn.recv(100))
conn.settimeout(0.05)
err(conn.recv, 10)
conn.setblocking(False)
err(conn.recv, 10)
c.shutdown(socket.SHUT_WR)
conn.setblocking(True)
print(conn.recv(10))
print(c.fileno() >= 0, callable(c.makefile))
fd = c.detach()
print(c.fileno(), fd >= 0)
c2 = socket.socket(fileno=fd)
print(c2.family, c2.type, c2.proto, c2.getpeername() == conn.getsockname())
c2.close()
conn.close()
s.close()
print(s.fileno(), repr(s)[:30])
err(s.getsockname)

# A refused connection maps errno to its OSError subclass.
probe = socket.socket()
probe.bind(('127.0.0.1', 0))
free_port = probe.getsockname()[1]
probe.close()
r = socket.socket()
err(r.connect, ('127.0.0.1', free_port))
print(r.connect_ex(('127.0.0.1', free_port)) == errno.ECONNREFUSED)
r.close()
try:
    socket.create_connection(('127.0.0.1', free_port))
except ConnectionRefusedError as e:
    print('create_connection:', type(e).__name__, e.errno == errno.ECONNREFUSED)

# A non-blocking connect.
srv = socket.create_server(('127.0.0.1', 0))
nb = socket.socket()
nb.setblocking(False)
print(nb.connect_ex(srv.getsockname()) in (0, errno.EINPROGRESS))
a, _ = srv.accept()
a.close()
nb.close()
srv.close()

# UDP.
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
print(u2.sendto(b'datagram', u1.getsockname()))
data, addr = u1.recvfrom(100)
print(data, addr[1] == u2.getsockname()[1])
u2.sendto(b'into', 0, u1.getsockname())
buf = bytearray(8)
n, addr = u1.recvfrom_into(buf)
print(n, buf, addr[1] == u2.getsockname()[1])
u1.close()
u2.close()

# IPv6 loopback.
s6 = socket.socket(socket.AF_INET6)
s6.bind(('::1', 0))
print(s6.getsockname()[0], len(s6.getsockname()))
s6.close()

# socketpair, AF_UNIX paths, the abstract namespace and descriptor passing.
a, b = socket.socketpair()
print(a.family, a.type, a.getsockname(), b.getpeername())
a.sendall(b'pair')
print(b.recv(10))
r, w = os.pipe()
# (socket.send_fds / recv_fds need the array module: sendmsg / recvmsg directly.)
print(a.sendmsg([b'f', memoryview(b'ds')], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                                              struct.pack('2i', r, w))]))
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(2 * 4))
level, kind, data = anc[0]
fds = list(struct.unpack('2i', data))
print(msg, len(anc), level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, flags, addr)
os.write(fds[1], b'via passed fd')
print(os.read(r, 100))
for f in fds + [r, w]:
    os.close(f)
a.sendall(b'scatter-gather')
bufs = [bytearray(7), memoryview(bytearray(10))]
print(b.recvmsg_into(bufs), bufs[0], bytes(bufs[1]))
a.close()
b.close()
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'sock')
    us = socket.socket(socket.AF_UNIX)
    us.bind(path)
    us.listen()
    uc = socket.socket(socket.AF_UNIX)
    uc.connect(path)
    ua, uaddr = us.accept()
    print(us.getsockname() == path, uaddr, uc.getpeername() == path)
    uc.send(b'unix')
    print(ua.recv(10))
    for x in (ua, uc, us):
        x.close()
ab = socket.socket(socket.AF_UNIX)
ab.bind(b'\0cppy-test-abstract-%d' % os.getpid())
print(ab.getsockname().startswith(b'\0cppy-test-abstract'))
ab.close()
err(socket.socket(socket.AF_UNIX).bind, 'x' * 200)

# A blocking accept in a thread.
srv = socket.create_server(('127.0.0.1', 0))
result = []


def serve():
    conn, _ = srv.accept()
    with conn:
        result.append(conn.recv(100))
        conn.sendall(result[-1].upper())


t = threading.Thread(target=serve)
t.start()
with socket.create_connection(srv.getsockname(), timeout=5) as cc:
    cc.sendall(b'threaded')
    print(cc.recv(100), cc.gettimeout())
t.join()
srv.close()
print(result)

socket.setdefaulttimeout(3)
d = socket.socket()
print(socket.getdefaulttimeout(), d.gettimeout(), d.getblocking())
d.close()
socket.setdefaulttimeout(None)
