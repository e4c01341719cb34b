# subprocess over _posixsubprocess.fork_exec, select and posix's process functions.
import os
import subprocess
import sys

r = subprocess.run(['echo', 'hello'], capture_output=True)
print(r)
print(subprocess.check_output('echo $((1+2)); echo err >&2', shell=True, stderr=subprocess.STDOUT))
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b'data in')[0], p.returncode)
print(subprocess.call(['false']), subprocess.run(['sh', '-c', 'exit 3']).returncode)
for kwargs in ({'args': ['/nonexistent/prog']}, {'args': ['ls'], 'cwd': '/nonexistent'},
               {'args': ['/etc/passwd']}, {'args': ['.']}):
    try:
        subprocess.run(**kwargs)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
print(subprocess.run(['sh', '-c', 'kill -TERM $$']).returncode)
print(subprocess.run(['pwd'], cwd='/tmp', capture_output=True, text=True).stdout)
print(subprocess.run(['sh', '-c', 'echo $FOO'], env={'FOO': 'bar'}, capture_output=True).stdout)
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('timeout', e.cmd)
print(subprocess.getoutput('echo hi; exit 2'), subprocess.getstatusoutput('exit 4'))
r = subprocess.run(['cat'], input=b'x' * 200000, capture_output=True)
print(len(r.stdout), r.returncode)
try:
    subprocess.check_call(['sh', '-c', 'exit 1'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e)
print(subprocess.run(['sh', '-c', 'echo $0'], capture_output=True, preexec_fn=lambda: None).stdout)
try:
    subprocess.run(['true'], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
r = subprocess.run([sys.executable, '-c', 'import sys; print(sys.argv[1:]); sys.exit(7)', 'a', 'b'],
                   capture_output=True, text=True)
print(r.stdout, r.returncode)
rfd, wfd = os.pipe()
r = subprocess.run(['sh', '-c', 'echo passed >&%d' % wfd], pass_fds=(wfd,))
os.close(wfd)
print(os.read(rfd, 100), r.returncode)
os.close(rfd)
p = subprocess.Popen(['sleep', '10'])
p.terminate()
print(p.wait())
p = subprocess.Popen(['sleep', '10'], start_new_session=True)
p.kill()
print(p.wait(), p.poll())

# posix's process functions directly.
r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, True)
os.set_blocking(r, False)
print(os.get_inheritable(r), os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
d = os.dup(w)
print(os.get_inheritable(d), os.dup2(d, 100), os.get_inheritable(100),
      os.dup2(d, 101, inheritable=False), os.get_inheritable(101))
os.write(100, memoryview(b'via dup2'))
print(os.read(r, 100))
for fd in (r, w, d, 100, 101):
    os.close(fd)
proc1 = subprocess.Popen(['sh', '-c', 'exit 5'])  # kept alive: its __del__ would reap it
pid = proc1.pid
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.waitstatus_to_exitcode(status))
proc2 = subprocess.Popen(['sleep', '10'])
pid = proc2.pid
os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status),
      os.WCOREDUMP(status), os.WIFSTOPPED(status))
print(os.waitpid(-1, os.WNOHANG) if False else 'skip')
for expr in ['os.waitpid(999999, 0)', 'os.kill(999999, 0)', 'os.waitstatus_to_exitcode(-1)',
             'os.dup(-1)', 'os.get_blocking(-1)']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
