# _csv.writer: quoting styles, escaping, line terminators and the writer's error messages.
import _csv, csv, io

class Out:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s) * 10

def show(rows, **kw):
    out = Out()
    try:
        w = csv.writer(out, **kw)
        for row in rows:
            print(' ret', w.writerow(row))
    except Exception as e:
        print(' ', type(e).__name__, e)
    print(repr(rows)[:60], kw, '->', out.parts)

show([['a', 'b', 'c'], [1, 2.5, None, True]])
show([['a,b', 'c"d', 'e\nf', 'g\rh', ' i ']])
show([[''], [None], ['', ''], [], [None, None]])
show([['a\'b']], quotechar="'")
show([['a"b']], doublequote=False)
show([['a"b']], doublequote=False, escapechar='\\')
show([['a\\b', 'c,d']], escapechar='\\')
show([['a,b']], quoting=csv.QUOTE_NONE)
show([['a,b', 'c"d', 'e\nf', 'x\\y']], quoting=csv.QUOTE_NONE, escapechar='\\')
show([['']], quoting=csv.QUOTE_NONE)
show([['a', 1, 2.0, None, '']], quoting=csv.QUOTE_ALL)
show([['a', 1, 2.0, None, '', True]], quoting=csv.QUOTE_NONNUMERIC)
show([['a', 1, 2.0, None, '']], quoting=csv.QUOTE_STRINGS)
show([['a', 1, 2.0, None, '']], quoting=csv.QUOTE_NOTNULL)
show([[None]], quoting=csv.QUOTE_STRINGS)
show([[None]], quoting=csv.QUOTE_NOTNULL)
show([['a', ''], ['', None]], delimiter=' ', skipinitialspace=True)
show([['a', None]], delimiter=' ', skipinitialspace=True, quoting=csv.QUOTE_NOTNULL)
show([['a', '']], delimiter=' ', skipinitialspace=True, quoting=csv.QUOTE_NONE)
show([['a;b', 'c']], delimiter=';', lineterminator='|')
show([['a|b', 'c']], delimiter=';', lineterminator='|')
show([['\u00e9', '\U0001f600,x']], lineterminator='\u2028')
show([['a', 'b']], dialect='excel-tab')
show([['a', 'b']], dialect='unix')
show(['abc', (1, 2), range(3)])
show([1])
class S:
    def __str__(self):
        return 1 / 0
    def __repr__(self):
        return 'S()'
show([[S()]])

out = io.StringIO()
w = csv.writer(out)
print(w.writerows([['x', 'y'], (1, 2), iter(['p', 'q'])]))
print(repr(out.getvalue()))
try:
    w.writerows(5)
except TypeError as e:
    print('TypeError', e)
try:
    w.writerows([['ok'], 5])
except csv.Error as e:
    print('Error', e)
print(repr(out.getvalue()))

def bad_iter():
    yield 'a'
    raise KeyError('k')
try:
    w.writerow(bad_iter())
except KeyError as e:
    print('KeyError', e)

for bad in [(), (1,), (Out(), 'excel', 3), (type('N', (), {'write': 3})(),)]:
    try:
        csv.writer(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _csv.Writer()
except TypeError as e:
    print('TypeError', e)
print(type(w).__name__, w.dialect.lineterminator == '\r\n')

# DictWriter / DictReader round trip.
buf = io.StringIO()
dw = csv.DictWriter(buf, fieldnames=['k', 'v'], extrasaction='ignore')
dw.writeheader()
dw.writerows([{'k': 1, 'v': 'a,b', 'z': 0}, {'k': 2}])
print(repr(buf.getvalue()))
print(list(csv.DictReader(io.StringIO(buf.getvalue()))))
print(list(csv.DictReader(io.StringIO('a,b\n1,2,3\n4\n'), restkey='rest', restval='-')))
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'b': 1})
except ValueError as e:
    print('ValueError', e)
