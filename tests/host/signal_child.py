# SIGINT sent to a child interpreter blocked in a read or a sleep: KeyboardInterrupt, then
# death by SIGINT (exit status -2), as CPython behaves.
import signal
import subprocess
import sys
import time

CHILD = '''
import sys, time
try:
    print("ready", flush=True)
    %s
except KeyboardInterrupt:
    print("interrupted", flush=True)
    raise
'''
for blocking in ('sys.stdin.read()', 'time.sleep(30)', 'sys.stdin.buffer.raw.read(10)'):
    p = subprocess.Popen([sys.executable, '-c', CHILD % blocking], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # The child says when it is inside the try: a loaded machine may take longer than any
    # fixed delay to start it. The signal then finds it blocked, or about to block.
    assert p.stdout.readline() == b'ready\n'
    time.sleep(0.2)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate()
    print(blocking, out, err.decode().strip().splitlines()[-1], p.returncode)
