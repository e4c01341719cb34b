"""hashlib and hmac through the paths users take: new(), the named constructors with
usedforsecurity=False, copy(), file_digest(), hmac.new/digest with a name or a constructor,
blake2 with keys and salts, shake digests of any length (same digests as the reference)."""
import hashlib, hmac, io
data = b"The quick brown fox jumps over the lazy dog" * 50
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, data)
    if name.startswith("shake"):
        print(name, h.hexdigest(40), h.digest_size, h.block_size, h.name)
    else:
        print(name, h.hexdigest(), h.digest_size, h.block_size, h.name)
    c = getattr(hashlib, name)(usedforsecurity=False)
    c.update(data[:100]); c2 = c.copy(); c2.update(data[100:])
    print(" ", c2.hexdigest(16) if name.startswith("shake") else c2.hexdigest())
    f = hashlib.file_digest(io.BytesIO(data), name)
    print(" ", f.hexdigest(8) if name.startswith("shake") else f.hexdigest())
    if not name.startswith("shake"):
        print(" ", hmac.new(b"key", data, name).hexdigest(), hmac.digest(b"k", data, name).hex())
        print(" ", hmac.new(b"key", data, getattr(hashlib, name)).hexdigest())
print(hashlib.md5(b"x", usedforsecurity=False).hexdigest())
print(hashlib.blake2b(data, digest_size=20, key=b"k", salt=b"s", person=b"p").hexdigest())
print(hashlib.blake2s(data, digest_size=10, key=b"k").hexdigest())
print(hmac.compare_digest(b"a", b"a"), hmac.new(b"k", digestmod="sha1").name)
h = hmac.new(b"k", b"m", "sha256"); h2 = h.copy(); h2.update(b"x"); print(h.hexdigest(), h2.hexdigest(), h.digest_size, h.block_size)
import types
h = hmac.new(b"k", b"m", types.SimpleNamespace(new=hashlib.sha256, __name__="x") and (lambda d=b"": hashlib.sha256(d)))
print(h.hexdigest(), h.name)
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError", e)
