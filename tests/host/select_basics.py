# select: select(), poll and epoll over pipes.
import os
import select

print(sorted(n for n in dir(select) if not n.startswith('_')))
print(select.POLLIN, select.POLLOUT, select.POLLHUP, select.EPOLLIN, select.EPOLLET,
      select.PIPE_BUF, select.error is OSError)
r, w = os.pipe()
NAMES = {r: 'r', w: 'w'}


def named(events):
    # Descriptor numbers depend on what the interpreter opened: show the pipe's ends by name.
    return sorted((NAMES.get(fd, fd), ev) for fd, ev in events)



class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


print([[NAMES[x] for x in l] for l in select.select([r], [w], [], 0)])
os.write(w, b'x')
fr = F(r)
res = select.select([fr, r], [], [r], 0.5)
print(res[0][0] is fr, len(res[0]), res[1], res[2])
print(select.select([], [], [], 0.01))
for args in [([1.5], [], []), ([-1], [], []), (1, [], []), ([F('x')], [], []),
             ([r], [], [], -1), ([r], [], [], 'x'), ([r], [], [], float('nan'))]:
    try:
        select.select(*args)
    except Exception as e:
        print(type(e).__name__, e)

p = select.poll()
p.register(r)
p.register(w, select.POLLOUT)
print(named(p.poll(0)))
p.modify(r, select.POLLIN | select.POLLPRI)
print(named(p.poll(100)), named(p.poll(None)), named(p.poll(-1)))
p.unregister(w)
print(named(p.poll(0.5)))
try:
    p.unregister(w)
except KeyError as e:
    print('KeyError', NAMES[e.args[0]])
try:
    p.modify(w, 1)
except OSError as e:
    print('OSError', e.errno)
try:
    p.poll('x')
except TypeError as e:
    print('TypeError', e)
os.read(r, 1)
print(p.poll(0))

e = select.epoll()
print(e.closed, e.fileno() > 2, type(e).__name__)
e.register(r, select.EPOLLIN)
e.register(w)
print(named(e.poll(0)))
os.write(w, b'y')
print(named(e.poll(1)))
e.modify(w, 0)
print(named(e.poll(timeout=0.1, maxevents=5)))
e.unregister(w)
try:
    e.register(r)
except FileExistsError as x:
    print('FileExistsError', x.errno)
try:
    e.poll(maxevents=0)
except ValueError as x:
    print('ValueError', x)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
try:
    e2.fileno()
except ValueError as x:
    print('ValueError', x)
e.close()
e.close()
print(e.closed)
os.close(w)
p2 = select.poll()
p2.register(r, select.POLLIN)
print(named(p2.poll(0)))
os.close(r)
print(named(p2.poll(0)))
