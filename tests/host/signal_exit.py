# An uncaught KeyboardInterrupt kills the process with SIGINT (exit_sigint in Modules/main.c).
import _signal

print('raising', flush=True)
_signal.raise_signal(_signal.SIGINT)
print('not reached')
