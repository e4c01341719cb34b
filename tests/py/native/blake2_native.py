# _blake2: every parameter of the BLAKE2 parameter block, messages, copies.
import _blake2

for cls in (_blake2.blake2b, _blake2.blake2s):
    print(cls.__name__, cls.SALT_SIZE, cls.PERSON_SIZE, cls.MAX_KEY_SIZE, cls.MAX_DIGEST_SIZE)
    for kw in [{}, {'digest_size': 20}, {'key': b'key'}, {'salt': b'salt', 'person': b'me'},
               {'fanout': 2, 'depth': 3, 'leaf_size': 4096, 'node_offset': 5, 'node_depth': 6,
                'inner_size': 7, 'last_node': True},
               {'key': b'k' * cls.MAX_KEY_SIZE, 'digest_size': 1}, {'fanout': 0, 'depth': 255}]:
        h = cls(b'hello world', **kw)
        print(sorted(kw), h.name, h.digest_size, h.block_size, h.hexdigest())
    h = cls()
    for n in (0, 1, 63, 64, 65, 127, 128, 129, 1000):
        h.update(bytes(range(256)) * 4 + b'x' * n)
        print(n, h.hexdigest()[:16])
    h = cls(b'abc')
    h2 = h.copy()
    h2.update(b'def')
    print(h.hexdigest()[:20], h2.hexdigest()[:20], h2.digest()[:4], cls(b'abcdef').digest()[:4])
    print(cls(data=bytearray(b'x')).hexdigest()[:8], cls(string=memoryview(b'x')).hexdigest()[:8])

for expr in ["_blake2.blake2b(digest_size=0)", "_blake2.blake2b(digest_size=65)",
             "_blake2.blake2s(digest_size=33)", "_blake2.blake2b(key=b'x'*65)",
             "_blake2.blake2b(salt=b'x'*17)", "_blake2.blake2b(person=b'x'*17)",
             "_blake2.blake2s(salt=b'x'*9)", "_blake2.blake2b(fanout=-1)",
             "_blake2.blake2b(fanout=256)", "_blake2.blake2b(depth=0)",
             "_blake2.blake2b(depth=256)", "_blake2.blake2b(leaf_size=-1)",
             "_blake2.blake2b(leaf_size=2**64)", "_blake2.blake2s(node_offset=2**48)",
             "_blake2.blake2b(node_offset=-1)", "_blake2.blake2b(node_depth=256)",
             "_blake2.blake2b(inner_size=65)", "_blake2.blake2s(inner_size=33)",
             "_blake2.blake2b('s')", "_blake2.blake2b(1)",
             "_blake2.blake2b(b'a', string=b'b')", "_blake2.blake2b().update('x')"]:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(sorted(n for n in dir(_blake2) if n.isupper()))
