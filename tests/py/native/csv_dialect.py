# _csv.Dialect: attributes, validation messages, the registry and csv.Sniffer.
import _csv, csv, pickle

def make(*args, **kw):
    try:
        d = _csv.Dialect(*args, **kw)
        print('ok', [getattr(d, n) for n in ('delimiter', 'quotechar', 'escapechar', 'lineterminator', 'quoting', 'doublequote', 'skipinitialspace', 'strict')])
        return d
    except Exception as e:
        print(type(e).__name__, e)

class Foo:
    pass

make()
make(delimiter=';', quotechar="'", escapechar='\\', lineterminator='\n', quoting=1, doublequote=0, skipinitialspace=[1], strict='y')
for k in ['delimiter', 'quotechar', 'escapechar']:
    for v in ['ab', '', 1, None, Foo(), '\n', '\r', ' ']:
        print(k, 'Foo()' if isinstance(v, Foo) else repr(v), end=': ')
        make(**{k: v})
for v in [5.0, True, 9, -1, 2**40, None, csv.QUOTE_STRINGS]:
    print('quoting', repr(v), end=': ')
    make(quoting=v)
for v in [None, 3, '', ';']:
    print('lineterminator', repr(v), end=': ')
    make(lineterminator=v)
make(quotechar=None)
make(quotechar=None, quoting=csv.QUOTE_MINIMAL)
make(quotechar=None, quoting=csv.QUOTE_NONE)
make(delimiter=';', lineterminator=';\n')
make(escapechar='x', lineterminator='ax')
make(delimiter=';', escapechar=';')
make(quotechar=';', escapechar=';')
make(delimiter='"')
make(quotechar=' ', skipinitialspace=True)
make(escapechar=' ', skipinitialspace=True)
make(escapechar=' ')
make(delimiter=' ', skipinitialspace=True)
make(foo=1)
make(delimitr=',')
make(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
make('excel', dialect='x')
make('nosuch')
make(5)
make(Foo())

class Base:
    delimiter = ':'
    quotechar = '%'
    lineterminator = '\n'
make(Base)
make(Base, quotechar='!')
d = make(csv.excel)
print(make(d) is d, make(d, strict=True) is d)
try:
    pickle.dumps(d)
except TypeError as e:
    print('TypeError', e)
try:
    d.__reduce_ex__(2)
except TypeError as e:
    print('TypeError', e)
for attr in ['delimiter', 'strict', 'quoting']:
    try:
        setattr(d, attr, 1)
    except AttributeError as e:
        print('AttributeError', e)
print(_csv.Dialect.__doc__)
print(_csv.Dialect.__module__, _csv.Dialect.__name__, _csv.Reader.__name__, _csv.Writer.__qualname__)

# The registry.
print(sorted(csv.list_dialects()))
csv.register_dialect('semi', delimiter=';')
csv.register_dialect('semi2', 'semi', quoting=csv.QUOTE_ALL)
csv.register_dialect('pipe', Base)
for name in ['semi', 'semi2', 'pipe']:
    g = csv.get_dialect(name)
    print(name, type(g).__name__, g.delimiter, g.quotechar, g.quoting)
print(sorted(csv.list_dialects()), sorted(_csv._dialects))
for bad in [(1,), (), ('x', 'nosuch'), ('x', None, 1)]:
    try:
        csv.register_dialect(*bad)
    except Exception as e:
        print(type(e).__name__, e)
csv.unregister_dialect('semi')
csv.unregister_dialect(name='semi2')
for bad in [('semi',), ([],), ()]:
    try:
        csv.unregister_dialect(*bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [('semi',), ([],), ()]:
    try:
        csv.get_dialect(*bad)
    except Exception as e:
        print(type(e).__name__, e)
print(csv.get_dialect(name='pipe').delimiter)
print(sorted(csv.list_dialects()))
print([n for n in dir(_csv) if n.startswith('QUOTE')], [getattr(_csv, n) for n in dir(_csv) if n.startswith('QUOTE')])
print(repr(csv.QUOTE_ALL), csv.__version__)
for f in [_csv.reader, _csv.writer, _csv.register_dialect, _csv.unregister_dialect, _csv.get_dialect, _csv.list_dialects, _csv.field_size_limit]:
    print(f.__name__, f.__doc__.splitlines()[0])
print(_csv.Writer.writerow.__doc__)

# Sniffer.
s = csv.Sniffer()
for sample in ['a;b;c\n1;2;3\n4;5;6\n', "'x','y'\n'1','2'\n", 'name\tage\nbob\t3\n', 'h1,h2\nabc,1\ndef,2\n']:
    try:
        dia = s.sniff(sample)
        print(repr(dia.delimiter), repr(dia.quotechar), dia.doublequote, dia.skipinitialspace, s.has_header(sample))
    except csv.Error as e:
        print('Error', e)
try:
    s.sniff('')
except csv.Error as e:
    print('Error', e)
