import math, operator, itertools, functools, collections, struct, array
cases = [
    "int('abc')", "int('12', 40)", "int(3.5, 10)", "int(None)", "float('x1')", "float([])", "complex('1+')",
    "'a' + 1", "1 + 'a'", "[1] + (2,)", "'x' * 'y'", "None()", "len(5)", "len()", "abs('a')",
    "'abc'[5]", "[][0]", "(1,)[2]", "{}['k']", "{1:2}[[1]]", "'abc'.index('z')", "[1].index(2)", "(1,).index(5)",
    "[].pop()", "{}.popitem()", "set().pop()", "'a'.join([1])", "','.join(['a', None])", "b''.join(['a'])",
    "sorted([1, 'a'])", "max([])", "min()", "max(1)", "sum(['a'])", "sum([[1]], [])", "divmod(1, 0)", "1 % 0", "1.0 / 0", "0 ** -1", "math.sqrt(-1)", "math.log(0)", "math.factorial(-1)", "math.factorial(1.5)",
    "pow(2, 3, 0)", "pow(2.0, 3, 5)", "round('x')", "round(1.5, 'x')", "hash([])", "hash({})",
    "iter(5)", "next(iter([]))", "next(5)", "object().x", "object().x = 1", "type('X', (), {})().y", "setattr(1, 'real', 2)",
    "del [1][5]", "[1, 2][1:2] = 5", "'abc'[1] = 'x'", "(1, 2)[0] = 3", "frozenset().add(1)", "dict(1)", "dict([1])", "dict([(1, 2, 3)])",
    "list(1)", "tuple(None)", "set([[]])", "{[]: 1}", "chr(-1)", "chr(0x110000)", "ord('ab')", "ord('')", "bytes(-1)", "bytes('a')", "bytearray([256])",
    "'%d' % 'x'", "'%s %s' % (1,)", "'%s' % (1, 2)", "'%z' % 1", "'{}'.format()", "'{0} {}'.format(1, 2)", "'{x}'.format(y=1)", "format(1, 'z')", "format('a', 'd')", "f'{1:>{\"x\"}}'",
    "'abc'.split('')", "'a'.center(5, 'xy')", "'x'.encode('nope')", "b'\\xff'.decode()", "'\\udcff'.encode()", "'abc'.replace()", "str.upper(1)", "'a'.startswith(1)",
    "int.from_bytes('x', 'big')", "(1).to_bytes(1, 'middle')", "(300).to_bytes(1, 'big')", "struct.pack('i', 'x')", "struct.pack('b', 300)", "struct.unpack('i', b'x')", "array.array('q', [1.5])", "array.array('z')",
    "operator.itemgetter()", "functools.reduce(lambda a, b: a, [])", "itertools.islice([], -1)", "itertools.repeat()", "collections.deque([], -1)", "collections.namedtuple('P', 'x x')", "collections.namedtuple('P', 'def')",
    "isinstance(1, 2)", "issubclass(1, int)", "super()", "vars(1)", "getattr(1, 2)", "range(1.5)", "range(0, 10, 0)", "slice()", "[1, 2, 3][::0]",
    "memoryview(1)", "memoryview(b'ab')[5]", "enumerate(1)", "zip([1], [1, 2], strict=True)", "map()", "filter(None)", "print(sep=1)", "open()", "compile('x', 'f', 'bad')", "eval('1 +')", "exec(5)",
    "(lambda x: x)()", "(lambda x: x)(1, 2)", "(lambda *, k: k)()", "(lambda x: x)(y=1)", "(lambda x, /: x)(x=1)", "dict.fromkeys()", "list.append()", "[].append(1, 2)", "{}.get()", "'x'.split(1)",
    "int.__new__(str)", "object.__new__(int)", "type()", "type(1, 2)", "type('X', (1,), {})", "float.fromhex('zz')", "1 < 'a'", "[] < ()", "None < None", "{1} < [1]", "-'a'", "~1.5", "not_defined",
    "import_nonexistent_module_xyz", "b'a' + 'b'", "'a' in 1", "1 in 'a'", "[] in {}", "3 @ 4", "'a' < 1", "{}.update(1)", "set().update(1)", "[].extend(1)", "[].sort(1)", "[].sort(key=1)", "sorted([], reverse=None)",
]
for c in cases:
    try:
        if c.startswith("import_"):
            __import__(c[7:])
        elif "=" in c and not c.startswith(("print", "(lambda", "sorted", "zip", "[].sort")) and "==" not in c:
            exec(c)
        else:
            eval(c)
        print(c, "-> no error")
    except BaseException as e:
        print(c, "->", type(e).__name__ + ":", e)
