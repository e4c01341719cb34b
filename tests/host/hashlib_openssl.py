# _hashlib over OpenSSL, compared with the host's CPython linked to the same libcrypto.
import _hashlib as H

data = b'The quick brown fox jumps over the lazy dog' * 50
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256',
             'sha3_384', 'sha3_512', 'sha512_224', 'sha512_256', 'blake2b', 'blake2s',
             'SHA256', 'MD5', 'blake2b512']:
    h = H.new(name, data)
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
for name in ['shake_128', 'shake_256']:
    h = H.new(name, data)
    print(name, h.name, h.digest_size, h.block_size, type(h).__name__, h.hexdigest(20),
          h.digest(5), h.digest(0), h.hexdigest(0))
for ctor in [H.openssl_md5, H.openssl_sha1, H.openssl_sha224, H.openssl_sha256,
             H.openssl_sha384, H.openssl_sha512, H.openssl_sha3_224, H.openssl_sha3_256,
             H.openssl_sha3_384, H.openssl_sha3_512]:
    h = ctor(b'abc', usedforsecurity=False)
    print(ctor.__name__, h.name, h.digest()[:8])
print(H.openssl_shake_128(b'abc').digest(4), H.openssl_shake_256().hexdigest(3))

h = H.openssl_sha256()
h.update(b'abc')
h2 = h.copy()
h2.update(bytearray(b'def'))
h.update(memoryview(b'def'))
print(h.hexdigest() == h2.hexdigest(), h.hexdigest(), repr(h)[:22], type(h).__name__,
      type(h).__module__, isinstance(H.new('shake_128'), H.HASH))
print(sorted(H.openssl_md_meth_names))
print(sorted(v for v in H._constructors.values()))
print(H._constructors[H.openssl_sha256], H.get_fips_mode())

print(H.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex())
print(H.pbkdf2_hmac('sha1', b'password', b'salt', 2, 40).hex())
print(H.pbkdf2_hmac(hash_name='sha512', password=bytearray(b'p'), salt=b's', iterations=3,
                    dklen=None).hex())
print(H.scrypt(b'password', salt=b'NaCl', n=1024, r=8, p=16, dklen=16).hex())
print(H.hmac_digest(b'key', b'message', 'sha256').hex())
print(H.hmac_digest(b'key', b'message', H.openssl_md5).hex())
m = H.hmac_new(b'key', b'msg', digestmod='sha1')
m2 = m.copy()
m2.update(b'more')
print(m.name, m.digest_size, m.block_size, m.hexdigest(), m2.hexdigest(), repr(m)[:17],
      type(m).__name__)
m = H.hmac_new(b'k' * 200, digestmod=H.openssl_sha512)
m.update(msg=b'x')
print(m.name, m.digest().hex())

print(H.compare_digest(b'abc', b'abc'), H.compare_digest(b'abc', b'abd'),
      H.compare_digest('abc', 'abc'), H.compare_digest(bytearray(b'a'), b'ab'),
      H.compare_digest(memoryview(b'xy'), b'xy'))

for expr in ["H.new('sha256', 'str')", "H.new('sha256', 5)", "H.openssl_sha1('x')",
             "H.pbkdf2_hmac('sha256', b'p', b's', 0)",
             "H.pbkdf2_hmac('sha256', b'p', b's', 1, 0)", "H.pbkdf2_hmac('sha256', 'p', b's', 1)",
             "H.scrypt(b'p', salt=b's', n=3, r=1, p=1)",
             "H.scrypt(b'p', salt=b's', n=2, r=1, p=1, maxmem=-1)",
             "H.scrypt(b'p', salt=b's', n=2, r=1, p=1, dklen=0)",
             "H.hmac_new(b'k')",
             "H.compare_digest('a', b'a')", "H.compare_digest('\xe9', '\xe9')",
             "H.compare_digest(1, 2)", "H.openssl_sha256().update('x')",
             "H.openssl_sha256().update(1)", "H.HASH()"]:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)
try:
    H.hmac_new(b'k', digestmod=len)
except ValueError as e:
    print(type(e).__name__)
for name in ['no_such_hash']:
    try:
        H.new(name)
    except ValueError as e:
        print(type(e).__name__, issubclass(type(e), ValueError))
print(H.UnsupportedDigestmodError.__mro__[1].__name__)
