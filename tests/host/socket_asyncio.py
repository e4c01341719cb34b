# asyncio on the real event loop (selectors + _socket): asyncio.run, tasks, gather, sleep,
# queues, timeouts, streams over loopback, loop.sock_* calls and subprocesses. Expected output
# from the host's CPython 3.11 (64-bit): the reference (pyodide) has no sockets and its own
# browser loop. Ports are ephemeral and never printed.
import asyncio
import socket
import sys


async def compute(x, delay=0):
    await asyncio.sleep(delay)
    if x == 3:
        raise ValueError('three')
    return x * x


async def basics():
    print(await asyncio.gather(compute(1), compute(2, 0.01)))
    print(await asyncio.gather(compute(3), compute(4), return_exceptions=True))
    q = asyncio.Queue(maxsize=2)
    out = []

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        while (item := await q.get()) is not None:
            out.append(item)

    await asyncio.gather(producer(), consumer())
    print(out)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except TimeoutError as e:
        print('wait_for timed out', type(e).__name__)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout() expired')
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled', t.cancelled())
    loop = asyncio.get_running_loop()
    print(type(loop).__name__, type(loop._selector).__name__)
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'later')
    print(await fut)
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    ev = asyncio.Event()
    loop.call_soon_threadsafe(ev.set)
    await ev.wait()
    print('event set', ev.is_set())


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def streams():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    host, port = server.sockets[0].getsockname()
    print('serving', host, server.is_serving())
    async with server:
        reader, writer = await asyncio.open_connection(host, port)
        for word in (b'alpha\n', b'beta\n'):
            writer.write(word)
            await writer.drain()
            print(await reader.readline())
        writer.write(b'x' * 50000 + b'\n')
        data = await reader.readline()
        print(len(data), data[:3])
        writer.write_eof()
        print(await reader.read())
        writer.close()
        await writer.wait_closed()
        # Several clients at once.
        async def client(i):
            r, w = await asyncio.open_connection(host, port)
            w.write(b'client %d\n' % i)
            line = await r.readline()
            w.close()
            await w.wait_closed()
            return line
        print(await asyncio.gather(*(client(i) for i in range(5))))
    print('closed', server.is_serving())
    try:
        await asyncio.open_connection(host, port)
    except ConnectionRefusedError as e:
        print('refused', type(e).__name__)


async def sock_calls():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b'ping')
    print(await loop.sock_recv(b, 10))
    reader_task = asyncio.ensure_future(loop.sock_recv(b, 10))
    await asyncio.sleep(0.01)
    await loop.sock_sendall(a, b'late')
    print(await reader_task)
    a.close()
    b.close()
    srv = socket.create_server(('127.0.0.1', 0))
    srv.setblocking(False)
    c = socket.socket()
    c.setblocking(False)
    accept = asyncio.ensure_future(loop.sock_accept(srv))
    await loop.sock_connect(c, srv.getsockname())
    conn, addr = await accept
    await loop.sock_sendall(c, b'accepted')
    print(await loop.sock_recv(conn, 100), addr[0])
    for x in (conn, c, srv):
        x.close()


async def subprocesses():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, '-c', 'import sys; print(sys.stdin.read().upper()); sys.exit(3)',
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate(b'from parent')
    print(out, proc.returncode)
    proc = await asyncio.create_subprocess_shell('echo shell', stdout=asyncio.subprocess.PIPE)
    print(await proc.stdout.read(), await proc.wait())


async def main():
    await basics()
    await streams()
    await sock_calls()
    await subprocesses()
    return 'done'


print(asyncio.run(main()))
