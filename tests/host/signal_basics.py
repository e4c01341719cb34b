# _signal on Linux, compared with the host's CPython (3.11 behaves as 3.14 here).
import _signal
import _thread
import time

S = _signal
print(S.SIGINT, S.SIGTERM, S.SIGUSR1, S.SIGALRM, S.SIGCHLD, S.SIGRTMIN, S.SIGRTMAX, S.NSIG)
print(S.SIG_DFL, S.SIG_IGN, S.SIG_BLOCK, S.SIG_UNBLOCK, S.SIG_SETMASK,
      S.ITIMER_REAL, S.ITIMER_VIRTUAL, S.ITIMER_PROF)
print(sorted(n for n in dir(S) if n.isupper() and not n.startswith('_')))
print(sorted(n for n in dir(S) if n.islower() and not n.startswith('_')))
print(S.ItimerError.__name__, S.ItimerError.__mro__[1].__name__, S.struct_siginfo.__name__)
print(S.getsignal(S.SIGINT) is S.default_int_handler, S.getsignal(S.SIGPIPE) == S.SIG_IGN,
      S.getsignal(S.SIGXFSZ) == S.SIG_IGN, S.getsignal(S.SIGUSR1) == S.SIG_DFL)
print(S.default_int_handler.__name__, S.default_int_handler.__doc__.splitlines()[0])
print(len(S.valid_signals()), min(S.valid_signals()), max(S.valid_signals()))
print([S.strsignal(n) for n in (1, 2, 9, 15, 34, 64)])

events = []


def handler(signum, frame):
    events.append((signum, type(frame).__name__, frame.f_code.co_name))


old = S.signal(S.SIGUSR1, handler)
print('old', old == S.SIG_DFL, S.getsignal(S.SIGUSR1) is handler)
S.raise_signal(S.SIGUSR1)
print('after raise', events)
S.pthread_kill(_thread.get_ident(), S.SIGUSR1)
print('after pthread_kill', len(events))

# Blocked signals wait in sigpending until unblocked.
print('mask', sorted(S.pthread_sigmask(S.SIG_BLOCK, [S.SIGUSR1])))
S.raise_signal(S.SIGUSR1)
print('pending', sorted(S.sigpending()), len(events))
print('unmask', sorted(S.pthread_sigmask(S.SIG_UNBLOCK, {S.SIGUSR1})), len(events))

# sigtimedwait takes a pending blocked signal and describes it.
S.pthread_sigmask(S.SIG_BLOCK, [S.SIGUSR2])
S.raise_signal(S.SIGUSR2)
info = S.sigtimedwait([S.SIGUSR2], 1.0)
print(type(info).__name__, info.si_signo, info.si_code, info.si_errno, len(info),
      info[0] == info.si_signo)
print(S.sigtimedwait([S.SIGUSR2], 0.01))
S.pthread_sigmask(S.SIG_UNBLOCK, [S.SIGUSR2])


# A handler that raises interrupts the code running when the signal arrives.
class Boom(Exception):
    pass


def raiser(signum, frame):
    raise Boom(signum)


S.signal(S.SIGALRM, raiser)
print('itimer', S.setitimer(S.ITIMER_REAL, 0.05))
try:
    time.sleep(5)
    print('not interrupted')
except Boom as e:
    print('sleep interrupted by', e.args)
S.setitimer(S.ITIMER_REAL, 0.05)
try:
    n = 0
    while True:
        n += 1
except Boom as e:
    print('loop interrupted by', e.args, n > 0)
print(S.getitimer(S.ITIMER_REAL), S.alarm(0))
S.setitimer(S.ITIMER_REAL, 10, 2.5)
delay, interval = S.getitimer(S.ITIMER_REAL)
print(0 < delay <= 10, interval)
delay, interval = S.setitimer(S.ITIMER_REAL, 0)
print(0 < delay <= 10, interval, S.getitimer(S.ITIMER_REAL))
print(S.alarm(100), 0 < S.alarm(0) <= 100)

try:
    S.raise_signal(S.SIGINT)
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', repr(e))
try:
    S.default_int_handler(2, None)
except KeyboardInterrupt:
    print('default_int_handler raised')

# signal() returns the previous handler; SIG_IGN / SIG_DFL as ints.
print(S.signal(S.SIGUSR1, S.SIG_IGN) is handler, S.signal(S.SIGUSR1, S.SIG_DFL) == S.SIG_IGN,
      S.signal(S.SIGUSR1, 1) == S.SIG_DFL, S.getsignal(S.SIGUSR1))
S.signal(S.SIGUSR1, S.SIG_DFL)
print(S.set_wakeup_fd(-1), S.set_wakeup_fd(-1, warn_on_full_buffer=False))
S.siginterrupt(S.SIGUSR1, True)
S.siginterrupt(S.SIGUSR1, False)

for expr in ['S.signal(0, handler)', 'S.signal(S.NSIG, handler)', 'S.signal(2, 5)',
             'S.signal(2, None)', 'S.getsignal(-1)', 'S.getsignal(100)', 'S.strsignal(0)',
             'S.strsignal(200)', 'S.siginterrupt(0, 1)', 'S.signal(S.SIGKILL, handler)',
             'S.pthread_sigmask(S.SIG_BLOCK, [100])', 'S.pthread_sigmask(S.SIG_BLOCK, [0])',
             'S.pthread_sigmask(S.SIG_BLOCK, 5)', 'S.pthread_sigmask(S.SIG_BLOCK, ["a"])',
             'S.pthread_sigmask(99, [])', 'S.setitimer(5, 1)', 'S.getitimer(-1)',
             'S.setitimer(S.ITIMER_REAL, float("nan"))',
             'S.sigtimedwait([], -1)', 'S.raise_signal(100)', 'S.set_wakeup_fd(10**6)',
             'S.signal(2.0, handler)', 'S.alarm("x")', 'S.signal(2)', 'S.pthread_kill(1.5, 0)',
             'S.default_int_handler(2)']:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)

# Only the main thread sets handlers.
result = []


def worker():
    try:
        S.signal(S.SIGUSR1, handler)
    except ValueError as e:
        result.append(str(e))
    try:
        S.set_wakeup_fd(-1)
    except ValueError as e:
        result.append(str(e))
    result.append(S.getsignal(S.SIGINT) is S.default_int_handler)


lock = _thread.allocate_lock()
lock.acquire()


def run():
    worker()
    lock.release()


_thread.start_new_thread(run, ())
lock.acquire()
print(result)

# interrupt_main simulates SIGINT in the main thread.
try:
    _thread.interrupt_main()
    for i in range(1000000):
        pass
    print('no interrupt')
except KeyboardInterrupt:
    print('interrupt_main -> KeyboardInterrupt')
S.signal(S.SIGINT, S.SIG_IGN)
_thread.interrupt_main()
print('ignored interrupt_main')
S.signal(S.SIGINT, S.default_int_handler)
