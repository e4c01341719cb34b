# multiprocessing with the fork start method (set explicitly: 3.14's default on Linux is
# forkserver, 3.11's fork): Pool (map, apply, imap_unordered, starmap, errors), Process with
# Queue, concurrent.futures.ProcessPoolExecutor, a Manager, shared_memory and ShareableList,
# Lock/Event/Semaphore/Barrier-free synchronisation through Pipe.
import concurrent.futures as cf
import multiprocessing as mp
from multiprocessing import shared_memory


def sq(x):
    return x * x


def boom(x):
    raise ValueError('bad %d' % x)


def worker(q, r):
    for item in iter(q.get, None):
        r.put(item + 1)


def locked_add(lock, conn, n):
    with lock:
        conn.send(n * 10)
    conn.close()


if __name__ == '__main__':
    ctx = mp.get_context('fork')
    print(ctx.get_start_method(), mp.current_process().name)
    with cf.ProcessPoolExecutor(2, mp_context=ctx) as ex:
        print(list(ex.map(sq, range(5))))
        try:
            ex.submit(boom, 3).result()
        except ValueError as e:
            print('ValueError', e)
    with ctx.Pool(2) as p:
        print(p.map(sq, range(10)), p.apply(sq, (7,)), sorted(p.imap_unordered(sq, range(4))),
              p.starmap(pow, [(2, 3), (3, 2)]), list(p.imap(sq, range(3), chunksize=2)))
        try:
            p.apply_async(boom, (1,)).get(30)
        except ValueError as e:
            print('ValueError', e)
    q, r = ctx.Queue(), ctx.Queue()
    ps = [ctx.Process(target=worker, args=(q, r), name='w%d' % i) for i in range(2)]
    for p in ps:
        p.start()
    for i in range(6):
        q.put(i)
    for p in ps:
        q.put(None)
    print(sorted(r.get() for _ in range(6)))
    for p in ps:
        p.join()
    print([(p.name, p.exitcode, p.is_alive()) for p in ps])
    lock = ctx.Lock()
    parent, child = ctx.Pipe()
    p = ctx.Process(target=locked_add, args=(lock, child, 4))
    p.start()
    print(parent.recv())
    p.join()
    p = ctx.Process(target=boom, args=(1,))
    with open('/dev/null', 'w') as devnull:
        import sys
        old, sys.stderr = sys.stderr, devnull
        p.start()
        p.join()
        sys.stderr = old
    print('exitcode', p.exitcode)
    with ctx.Manager() as m:
        d = m.dict()
        lst = m.list([1, 2])
        d['a'] = 1
        lst.append(3)
        ns = m.Namespace(x=1)
        print(dict(d), list(lst), ns.x)
    sm = shared_memory.SharedMemory(create=True, size=16)
    sm.buf[:3] = b'abc'
    other = shared_memory.SharedMemory(sm.name)
    sl = shared_memory.ShareableList([1, 'x', 2.5, None, b'by'])
    sl[0] = 42
    print(bytes(other.buf[:3]), list(sl), sl.format)
    other.close()
    sl.shm.close()
    sl.shm.unlink()
    sm.close()
    sm.unlink()
