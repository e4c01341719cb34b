# SIGINT sent to a child interpreter blocked in a read or a sleep: KeyboardInterrupt, then
# death by SIGINT (exit status -2), as CPython behaves.
import signal
import subprocess
import sys
import time

CHILD = '''
import sys, time
try:
    %s
except KeyboardInterrupt:
    print("interrupted", flush=True)
    raise
'''
for blocking in ('sys.stdin.read()', 'time.sleep(30)', 'sys.stdin.buffer.raw.read(10)'):
    p = subprocess.Popen([sys.executable, '-c', CHILD % blocking], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)  # the child is blocked by now
    p.send_signal(signal.SIGINT)
    out, err = p.communicate()
    print(blocking, out, err.decode().strip().splitlines()[-1], p.returncode)
