# input(): the prompt goes to stdout (flushed), a line comes from sys.stdin.readline() without
# its newline, EOFError at the end; sys.stdin replaced by an io.StringIO.
import io
import sys

sys.stdin = io.StringIO("first line\nsecond\nlast without newline")
print(repr(input()))
print(repr(input('prompt> ')))
print(repr(input(42)))
try:
    input('more? ')
except EOFError as e:
    print()
    print('EOFError:', e)
try:
    input(1, 2)
except TypeError as e:
    print('TypeError:', e)
class Odd:
    def readline(self):
        return b'bytes'
sys.stdin = Odd()
try:
    input()
except TypeError as e:
    print('TypeError:', e)
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print('RuntimeError:', e)
