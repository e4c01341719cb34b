# _csv.reader: CPython's parsing state machine, its options and its error messages.
import _csv, csv, io

def show(lines, **kw):
    try:
        r = csv.reader(lines, **kw)
        out = []
        for row in r:
            out.append(row)
        print(repr(lines)[:60], kw, '->', out, r.line_num)
    except Exception as e:
        print(repr(lines)[:60], kw, '->', type(e).__name__, e)

show(['a,b,c'])
show(['a,b,c\r\n', '1,2,3\n'])
show([''])
show(['', '', 'x'])
show(['\n'])
show(['\r\n', 'a'])
show([',', ',,', ',a,'])
show(['"a,b",c'])
show(['"a""b",c'])
show(['"a"b,c'])
show(['"a"b,c'], strict=True)
show(['"a" ,c'], strict=True)
show(['"abc'])
show(['"abc'], strict=True)
show(['"ab\n', 'cd"'])
show(['"ab\r\n', 'cd",e\r\n'])
show(['ab"cd,e'])
show(['a\0b,c'])
show(['a,b\nc'])
show(['a,b\rc'])
show(['a\rb'])
show(['"a\rb"'])
show(['a,b\r', '\n'])
show(['a\\,b,c'], escapechar='\\')
show(['a\\', 'b'], escapechar='\\')
show(['a\\\n', 'b'], escapechar='\\')
show(['a\\\r\n', 'b'], escapechar='\\')
show(['"a\\"b",c'], escapechar='\\', doublequote=False)
show(['"a\\', 'b"'], escapechar='\\')
show(['\\'], escapechar='\\')
show(['"a"b"c"'], doublequote=False)
show(['a;b;"c;d"'], delimiter=';')
show(["'a,b',c"], quotechar="'")
show(['"a",b'], quoting=csv.QUOTE_NONE)
show(['a,"b"c'], quoting=csv.QUOTE_NONE, quotechar=None)
show(['  a,  "b,c"'], skipinitialspace=True)
show(['  a,  b'])
show(['1,2.5,"3",-4e1'], quoting=csv.QUOTE_NONNUMERIC)
show(['1,abc'], quoting=csv.QUOTE_NONNUMERIC)
show(['1,"",,"x"'], quoting=csv.QUOTE_STRINGS)
show(['1,"",,"x"'], quoting=csv.QUOTE_NOTNULL)
show([',', ''], quoting=csv.QUOTE_NOTNULL)
show(['a', b'b'])
show(['a', 3])
show([1])
show(['\u00e9,\u20ac,\U0001f600', '"\U0001f600""x"'])
show(['a\tb'], dialect='excel-tab')
show(['a b'], delimiter=' ')
show(['a  b'], delimiter=' ', skipinitialspace=True)

# The field size limit.
print(csv.field_size_limit())
old = csv.field_size_limit(5)
print(old, csv.field_size_limit())
show(['abcde,f'])
show(['abcdef'])
show(['"abcdef"'])
show(['abcd', 'e'])
print(csv.field_size_limit(new_limit=old))
try:
    csv.field_size_limit('5')
except TypeError as e:
    print('TypeError', e)
try:
    csv.field_size_limit(2**70)
except OverflowError as e:
    print('OverflowError', e)

# The reader object.
r = csv.reader(io.StringIO('a,b\n"c\nd",e\n'))
print(type(r).__name__, type(r).__module__, iter(r) is r, r.line_num)
print(next(r), r.line_num, next(r), r.line_num)
try:
    next(r)
except StopIteration:
    print('StopIteration', r.line_num)
print(isinstance(r.dialect, _csv.Dialect), r.dialect.delimiter)
for bad in [(), (1,), ([], 'excel', 3), ([], 'nosuch')]:
    try:
        csv.reader(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _csv.Reader()
except TypeError as e:
    print('TypeError', e)
try:
    r.line_num = 3
except AttributeError as e:
    print('AttributeError', e)

# An iterator raising in the middle.
def gen():
    yield 'a,b'
    raise ValueError('boom')
r = csv.reader(gen())
print(next(r))
try:
    next(r)
except ValueError as e:
    print('ValueError', e)
print(issubclass(csv.Error, Exception), csv.Error is _csv.Error, csv.Error.__module__)
