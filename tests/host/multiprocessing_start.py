# multiprocessing with the spawn and forkserver start methods: the child runs this file's
# functions by re-importing it (spawn: cppy started again with -c and the resource tracker's
# descriptor; forkserver: the server forks the children): Pool, Process with Queue and
# ProcessPoolExecutor.
import concurrent.futures as cf
import multiprocessing as mp


def sq(x):
    return x * x


def put_twice(q, x):
    q.put((mp.current_process().name, x * 2))


if __name__ == '__main__':
    for method in ['spawn', 'forkserver']:
        ctx = mp.get_context(method)
        with ctx.Pool(2) as p:
            print(method, p.map(sq, range(6)))
        q = ctx.Queue()
        p = ctx.Process(target=put_twice, args=(q, 21), name='child')
        p.start()
        print(q.get(timeout=60))
        p.join()
        print(p.exitcode)
        with cf.ProcessPoolExecutor(2, mp_context=ctx) as ex:
            print(sorted(ex.map(sq, range(4))))
