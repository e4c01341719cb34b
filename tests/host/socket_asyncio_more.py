# More of asyncio on the real event loop: UDP endpoints, Unix-domain streams, to_thread,
# loop.getaddrinfo, add_signal_handler (signal.set_wakeup_fd), subprocess pipes and read pipes.
# Expected output from the host's CPython 3.11 (64-bit, real sockets, signals, threads): the
# reference (pyodide) has none of them. Ports are ephemeral and never printed.
import asyncio, os, signal, socket, tempfile, sys

class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)

class Client(asyncio.DatagramProtocol):
    def __init__(self, fut):
        self.fut = fut
    def datagram_received(self, data, addr):
        self.fut.set_result(data)

async def main():
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(Echo, local_addr=('127.0.0.1', 0))
    addr = transport.get_extra_info('sockname')
    fut = loop.create_future()
    ct, _ = await loop.create_datagram_endpoint(lambda: Client(fut), remote_addr=addr)
    ct.sendto(b'udp hello')
    print(await fut)
    ct.close(); transport.close()
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 's')
        async def h(r, w):
            w.write((await r.readline())[::-1]); await w.drain(); w.close()
        srv = await asyncio.start_unix_server(h, path)
        r, w = await asyncio.open_unix_connection(path)
        w.write(b'unix\n'); await w.drain()
        print(await r.read())
        w.close(); srv.close(); await srv.wait_closed()
    print(await asyncio.to_thread(lambda: 'from thread'))
    infos = await loop.getaddrinfo('127.0.0.1', 80, type=socket.SOCK_STREAM)
    print(infos[0][4])
    got = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, got.set)
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(got.wait(), 2)
    print('signal handled')
    loop.remove_signal_handler(signal.SIGUSR1)
    proc = await asyncio.create_subprocess_exec(sys.executable, '-c', 'print(42)', stdout=asyncio.subprocess.PIPE)
    line = await proc.stdout.readline()
    print(line, await proc.wait())
    r, w = os.pipe()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(r, 'rb'))
    os.write(w, b'pipe data\n'); os.close(w)
    print(await reader.read())
asyncio.run(main(), debug=False)
print('end')
