# socketserver, http.server, http.client and urllib.request over loopback, with server
# threads. Expected output from the host's CPython 3.11 (64-bit, real sockets and threads):
# the reference (pyodide) has neither. Ports are ephemeral and never printed.
import http.client
import http.server
import socket
import socketserver
import threading
import urllib.error
import urllib.request


class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(b'echo: ' + line)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(('127.0.0.1', 0), Echo) as server:
    t = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
    t.start()
    for n in range(3):
        with socket.create_connection(server.server_address) as c:
            f = c.makefile('rwb')
            f.write(b'line %d\n' % n)
            f.write(b'second\n')
            f.flush()
            print(f.readline(), f.readline())
            f.close()
    server.shutdown()
    t.join()
print('tcp server done')


class UDPEcho(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data[::-1], self.client_address)


with socketserver.UDPServer(('127.0.0.1', 0), UDPEcho) as server:
    t = threading.Thread(target=server.handle_request)
    t.start()
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.sendto(b'datagram', server.server_address)
    print(u.recv(100))
    u.close()
    t.join()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == '/missing':
            self.send_error(404, 'Not Found')
            return
        body = ('you asked for %s' % self.path).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers['Content-Length'])
        body = self.rfile.read(n)[::-1]
        self.send_response(201)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
t = threading.Thread(target=httpd.serve_forever, kwargs={'poll_interval': 0.05})
t.start()
host, port = httpd.server_address[:2]
conn = http.client.HTTPConnection(host, port, timeout=5)
conn.request('GET', '/hello')
r = conn.getresponse()
print(r.status, r.reason, r.getheader('Content-Type'), r.read())
conn.request('POST', '/data', body=b'payload')
r = conn.getresponse()
print(r.status, r.read())
conn.close()
with urllib.request.urlopen('http://%s:%d/url?q=1' % (host, port), timeout=5) as resp:
    print(resp.status, resp.read())
try:
    urllib.request.urlopen('http://%s:%d/missing' % (host, port), timeout=5)
except urllib.error.HTTPError as e:
    print('HTTPError', e.code, e.reason)
httpd.shutdown()
httpd.server_close()
t.join()
print('http done')
