# Runs a Python program under cppy with a stand-in importer for the standard library's source
# modules, so that the re package can be exercised before the import system (src/imp) lands:
#
#     cppy tools/sre/srcimport.py LIB PROGRAM.py
#
# builtins.__import__ keeps the built-in importer and falls back to LIB/<name>.py or
# LIB/<name>/__init__.py, executed with compile()/exec() into a new module. Files are read with
# posix (no open() yet). A few stdlib lines that need what cppy lacks so far are rewritten
# (PATCHES), and complex gets a stand-in name. Used by tools/sre/run_re_cases.py; to be removed
# once `import re` works from source.
import builtins
import posix
import sys

LIB = sys.argv[1]
PATCHES = {
    '_collections_abc': [('type(iter(range(1 << 1000)))', 'type(iter(range(1)))')],
    'copyreg': [('pickle(complex, pickle_complex, complex)', 'pass')],
}
if not hasattr(builtins, 'complex'):
    builtins.complex = type('complex', (), {})
_builtin_import = builtins.__import__


def _read(path):
    fd = posix.open(path, posix.O_RDONLY)
    try:
        chunks = []
        while True:
            b = posix.read(fd, 1 << 20)
            if not b:
                break
            chunks.append(b)
    finally:
        posix.close(fd)
    return b''.join(chunks).decode('utf-8')


def _find(name):
    base = LIB + '/' + name.replace('.', '/')
    for path, pkg in ((base + '/__init__.py', True), (base + '.py', False)):
        try:
            src = _read(path)
        except OSError:
            continue
        for old, new in PATCHES.get(name, ()):
            src = src.replace(old, new)
        return path, pkg, src
    return None


def _load(name):
    if name in sys.modules:
        return sys.modules[name]
    try:
        return _builtin_import(name)
    except ImportError:
        pass
    found = _find(name)
    if found is None:
        raise ModuleNotFoundError('No module named %r' % name, name=name)
    path, pkg, src = found
    mod = type(sys)(name)
    mod.__file__ = path
    mod.__package__ = name if pkg else name.rpartition('.')[0]
    if pkg:
        mod.__path__ = [path.rpartition('/')[0]]
    sys.modules[name] = mod
    try:
        exec(compile(src, path, 'exec'), mod.__dict__)
    except BaseException:
        del sys.modules[name]
        raise
    parent, _, child = name.rpartition('.')
    if parent:
        setattr(sys.modules[parent], child, sys.modules[name])
    return sys.modules[name]


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    if level:
        package = globals.get('__package__') or globals['__name__'].rpartition('.')[0]
        base = package.rsplit('.', level - 1)[0]
        name = base + '.' + name if name else base
    parts = name.split('.')
    for i in range(1, len(parts) + 1):
        _load('.'.join(parts[:i]))
    mod = sys.modules[name]
    if fromlist:
        for item in fromlist:
            if item != '*' and not hasattr(mod, item) and hasattr(mod, '__path__'):
                try:
                    _load(name + '.' + item)
                except ModuleNotFoundError:
                    pass
        return mod
    return mod if level else sys.modules[parts[0]]


builtins.__import__ = _import
_program = sys.argv[2]
sys.argv = sys.argv[2:]
exec(compile(_read(_program), _program.rpartition('/')[2], 'exec'),
     {'__name__': '__main__', '__file__': _program, '__builtins__': builtins})
