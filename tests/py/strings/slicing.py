# Indexing and slicing of str, list, tuple, bytes and range.
s = 'abcdefghij'
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2], repr(s[3:3]), s[-1:-4:-1], s[::-3])
l = list(range(10))
print(l[2:8:2], l[::-1][:3], l[slice(1, 4)], l[slice(None, None, -2)])
sl = slice(1, 10, 3)
print(sl.start, sl.stop, sl.step, sl.indices(5), slice(None).indices(3), slice(-2, None, -1).indices(6))
print((1, 2, 3, 4)[1:3], b'hello'[1:4], b'hello'[1], bytearray(b'xyz')[::-1], range(0, 20, 3)[2:5], range(10)[::-1][0])
try:
    s[20]
except IndexError as e:
    print(e)
try:
    l[-11]
except IndexError as e:
    print(e)
try:
    (1,)[1]
except IndexError as e:
    print(e)
try:
    s[::0]
except ValueError as e:
    print(e)
try:
    s['a']
except TypeError as e:
    print(e)
try:
    s[1.5]
except TypeError as e:
    print(e)
class Idx:
    def __index__(self):
        return 3
print(s[Idx()], s[Idx():], l[:Idx()])
class Show:
    def __getitem__(self, key):
        return key
sh = Show()
print(sh[1], sh[1:2], sh[::], sh[1:2, 3], sh[...], sh[:, None], sh['k'])
m = list(range(6))
m[1:3] = ['a', 'b', 'c']
print(m)
m[::2] = [0, 0, 0, 0][:len(m[::2])]
print(m)
m[2:2] = [99]
print(m)
m[:] = []
print(m)
