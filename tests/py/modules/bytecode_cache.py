# Source imports write __pycache__/NAME.<cache_tag>.pyc and later imports read it back.
import importlib
import importlib.util
import os
import sys

sys.dont_write_bytecode = False
d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_bytecode_cache_tmp")


def remove_tree(path):  # what a failed earlier run left behind
    if os.path.isdir(path):
        for name in os.listdir(path):
            remove_tree(os.path.join(path, name))
        os.rmdir(path)
    elif os.path.exists(path):
        os.remove(path)


remove_tree(d)
os.mkdir(d)
if True:
    with open(os.path.join(d, 'cachedmod.py'), 'w') as f:
        f.write('VALUE = 41 + 1\ndef f():\n    return VALUE, [x * 2 for x in range(3)]\n')
    sys.path.insert(0, d)
    import cachedmod
    cached = importlib.util.cache_from_source(cachedmod.__file__)
    print(cachedmod.f(), os.path.exists(cached), cachedmod.__cached__ == cached)
    print(os.path.basename(cached) == 'cachedmod.' + sys.implementation.cache_tag + '.pyc')
    del sys.modules['cachedmod']
    importlib.invalidate_caches()
    import cachedmod
    print(cachedmod.f(), type(cachedmod.__spec__.loader).__name__)
    with open(cached, 'rb') as f:
        data = f.read()
    print(data[:4] == importlib.util.MAGIC_NUMBER, int.from_bytes(data[4:8], 'little'))
    sys.path.remove(d)
    os.remove(cached)
    os.rmdir(os.path.dirname(cached))
    os.remove(cachedmod.__file__)
    os.rmdir(d)
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)), 'site' in sys.modules)
