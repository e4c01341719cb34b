# print with sep/end/file/flush, input-free io, open() in the case's own directory, memoryview, bytes.
import io, sys, os
print('a', 'b', 'c', sep='-', end='!\n')
print('no newline', end='')
print()
print(*range(5), sep=', ')
print('to stderr', file=sys.stderr)
buf = io.StringIO()
print('into buffer', 42, file=buf, sep=':', flush=True)
print(repr(buf.getvalue()))
print(sep='x')
print('', end='')
print(None, True, [1], {'a': 1}, (1,), sep='|')
sys.stdout.write('written directly\n')
print(sys.stdout.write('x') if False else 'write returns count', sys.stdout.write('abc\n'))
name = '_scratch_io_builtins.txt'
with open(name, 'w', encoding='utf-8') as f:
    print(f.write('line one\nline two\n'), f.name, f.mode, f.closed)
    f.writelines(['three\n', 'four\n'])
print(f.closed)
with open(name, encoding='utf-8') as f:
    print(f.readline(), end='')
    print(f.read(4))
    print(f.readlines())
with open(name, 'rb') as f:
    data = f.read()
print(data[:8], len(data))
with open(name, 'a', encoding='utf-8') as f:
    f.write('appended\n')
with open(name, encoding='utf-8') as f:
    print([line.rstrip() for line in f])
print(os.path.exists(name), os.path.getsize(name))
os.remove(name)
print(os.path.exists(name))
try:
    open('_definitely_missing_file.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno == __import__('errno').ENOENT, e.strerror, e.filename)
try:
    print('x', sep=5)
except TypeError as e:
    print(e)
try:
    print('x', file=5)
except AttributeError as e:
    print(e)
print(ascii('☃'), repr('☃'), format(1234.5, ','), bin(5), oct(8), hex(16), chr(0x41), ord('a'))
