# Instances of class-statement subclasses of builtin types hold one reference to their class
# and give it back when freed (the class must survive many short-lived instances).
import _thread
import io
import sys
import threading
import types


class B(bytearray): pass
class G(types.GenericAlias): pass
class N(types.SimpleNamespace): pass
class R(io.RawIOBase): pass
class T(io.BytesIO): pass
class D(io.IncrementalNewlineDecoder): pass
class L(threading.local): pass
class K(_thread.RLock): pass

makers = [(B, lambda: B(b'x')), (G, lambda: G(list, int)), (N, lambda: N(a=1)), (R, R),
          (T, T), (D, lambda: D(None, True)), (L, L), (K, K)]
for cls, make in makers:
    before = sys.getrefcount(cls)
    for _ in range(1000):
        make()
    kept = [make() for _ in range(3)]
    print(cls.__name__, sys.getrefcount(cls) - before)
    del kept
