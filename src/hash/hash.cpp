// Python/pyhash.c, Python/bootstrap_hash.c (key set-up), and the hash combinations of
// tupleobject.c, setobject.c, longobject.c and complexobject.c.
#include "hash/hash.h"

#include <bit>
#include <cmath>
#include <cstring>

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

namespace cppy::hash {

Secret secret{};

// lcg_urandom: x(n+1) = x(n) * 214013 + 2531011 mod 2**32, bits 23..16 give a byte.
void lcg_urandom(std::uint32_t x0, unsigned char* buffer, std::size_t size) {
  std::uint32_t x = x0;
  for (std::size_t i = 0; i < size; ++i) {
    x = x * 214013u + 2531011u;
    buffer[i] = static_cast<unsigned char>((x >> 16) & 0xff);
  }
}

namespace {

bool system_random(unsigned char* buffer, std::size_t size) {
  while (size > 0) {
    ssize_t n = getrandom(buffer, size, GRND_NONBLOCK);
    if (n < 0) break;
    buffer += n;
    size -= static_cast<std::size_t>(n);
  }
  if (size == 0) return true;
  // The same fallback as pyurandom(): /dev/urandom when getrandom() is unusable.
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  while (size > 0) {
    ssize_t n = read(fd, buffer, size);
    if (n <= 0) {
      close(fd);
      return false;
    }
    buffer += n;
    size -= static_cast<std::size_t>(n);
  }
  close(fd);
  return true;
}

inline std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
  std::uint64_t v0, v1, v2, v3;
  void half_round(std::uint64_t& a, std::uint64_t& b, std::uint64_t& c, std::uint64_t& d, int s,
                  int t) {
    a += b;
    c += d;
    b = rotl(b, s) ^ a;
    d = rotl(d, t) ^ c;
    a = rotl(a, 32);
  }
  void round() {
    half_round(v0, v1, v2, v3, 13, 16);
    half_round(v2, v1, v0, v3, 17, 21);
  }
};

// A little-endian 64-bit word: one load on little-endian hosts (pyhash.c's _le64toh).
inline std::uint64_t load_le64(const unsigned char* p) {
  if constexpr (std::endian::native == std::endian::little) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  } else {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
  }
}

// The last size (< 8) bytes as a little-endian word, with at most three loads (pyhash.c's
// switch over the remaining bytes).
inline std::uint64_t load_le_tail(const unsigned char* p, std::ptrdiff_t size) {
  if constexpr (std::endian::native == std::endian::little) {
    std::uint64_t t = 0;
    if (size >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + size - 4, 4);  // overlaps lo when size < 8
      t = lo | (static_cast<std::uint64_t>(hi) << (8 * (size - 4)));
    } else if (size >= 2) {
      std::uint16_t lo, hi;
      std::memcpy(&lo, p, 2);
      std::memcpy(&hi, p + size - 2, 2);
      t = lo | (static_cast<std::uint64_t>(hi) << (8 * (size - 2)));
    } else if (size == 1) {
      t = p[0];
    }
    return t;
  } else {
    std::uint64_t t = 0;
    for (std::ptrdiff_t i = size - 1; i >= 0; --i) t = (t << 8) | p[i];
    return t;
  }
}

// siphash13 / siphash24 of pyhash.c differ only in the number of compression (c) and
// finalisation (d) rounds.
template <int C, int D>
std::uint64_t siphash(std::uint64_t k0, std::uint64_t k1, const void* src, std::ptrdiff_t size) {
  const auto* in = static_cast<const unsigned char*>(src);
  std::uint64_t b = static_cast<std::uint64_t>(size) << 56;
  SipState s{k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL, k0 ^ 0x6c7967656e657261ULL,
             k1 ^ 0x7465646279746573ULL};
  while (size >= 8) {
    std::uint64_t mi = load_le64(in);
    in += 8;
    size -= 8;
    s.v3 ^= mi;
    for (int i = 0; i < C; ++i) s.round();
    s.v0 ^= mi;
  }
  b |= load_le_tail(in, size);
  s.v3 ^= b;
  for (int i = 0; i < C; ++i) s.round();
  s.v0 ^= b;
  s.v2 ^= 0xff;
  for (int i = 0; i < D; ++i) s.round();
  return (s.v0 ^ s.v1) ^ (s.v2 ^ s.v3);
}

}  // namespace

bool init_secret(bool use_hash_seed, std::uint32_t seed) {
  if (use_hash_seed) {
    if (seed == 0) {
      std::memset(secret.uc, 0, sizeof secret.uc);
    } else {
      lcg_urandom(seed, secret.uc, sizeof secret.uc);
    }
    return true;
  }
  return system_random(secret.uc, sizeof secret.uc);
}

std::uint64_t siphash13(std::uint64_t k0, std::uint64_t k1, const void* src, std::ptrdiff_t size) {
  return siphash<1, 3>(k0, k1, src, size);
}

std::uint64_t siphash24(std::uint64_t k0, std::uint64_t k1, const void* src, std::ptrdiff_t size) {
  return siphash<2, 4>(k0, k1, src, size);
}

// Py_HashBuffer: the key is read as two little-endian words, as CPython does on the
// little-endian machines cppy supports.
hash_t hash_bytes(const void* src, std::ptrdiff_t size) {
  if (size == 0) return 0;
  std::uint64_t k0 = load_le64(secret.uc), k1 = load_le64(secret.uc + 8);
  auto x = static_cast<hash_t>(siphash<1, 3>(k0, k1, src, size));
  return x == -1 ? -2 : x;
}

hash_t hash_pointer_raw(const void* p) {
  auto y = reinterpret_cast<std::uintptr_t>(p);
  // Objects are aligned to 16 bytes: the low 4 bits carry no information.
  y = (y >> 4) | (y << (8 * sizeof(y) - 4));
  return static_cast<hash_t>(y);
}

hash_t hash_pointer(const void* p) {
  hash_t x = hash_pointer_raw(p);
  return x == -1 ? -2 : x;
}

// _Py_HashDouble: reduce the exact binary value m * 2**e modulo 2**61-1, 28 bits at a time.
hash_t hash_double(const void* inst, double v) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? kInf : -kInf;
    return hash_pointer(inst);
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uhash_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    auto y = static_cast<uhash_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  // Multiplying by 2**e is a rotation by e modulo 61 bits.
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  auto h = static_cast<hash_t>(x) * sign;
  return h == -1 ? -2 : h;
}

// long_hash: Horner's rule over the digits, each step a rotation by `shift` bits mod 2**61-1.
hash_t hash_long_digits(const std::uint32_t* digits, std::ptrdiff_t ndigits, int sign, int shift) {
  uhash_t x = 0;
  for (std::ptrdiff_t i = ndigits - 1; i >= 0; --i) {
    x = ((x << shift) & kModulus) | (x >> (kBits - shift));
    x += digits[i];
    if (x >= kModulus) x -= kModulus;
  }
  auto h = static_cast<hash_t>(x);
  if (sign < 0) h = -h;
  return h == -1 ? -2 : h;
}

hash_t hash_ulong(unsigned long long v) {
  auto h = static_cast<hash_t>(v % kModulus);
  return h;  // never -1: the result is below 2**61
}

hash_t hash_long(long long v) {
  if (v >= 0) return hash_ulong(static_cast<unsigned long long>(v));
  // -(2**63) has no positive counterpart: work on the unsigned magnitude.
  auto mag = static_cast<unsigned long long>(0) - static_cast<unsigned long long>(v);
  hash_t h = -static_cast<hash_t>(mag % kModulus);
  return h == -1 ? -2 : h;
}

hash_t hash_complex(const void* inst, double real, double imag) {
  auto hr = static_cast<uhash_t>(hash_double(inst, real));
  auto hi = static_cast<uhash_t>(hash_double(inst, imag));
  auto combined = static_cast<hash_t>(hr + static_cast<uhash_t>(kImag) * hi);
  return combined == -1 ? -2 : combined;
}

uhash_t mulmod(uhash_t a, uhash_t b) {
  return static_cast<uhash_t>((static_cast<unsigned __int128>(a) * b) % kModulus);
}

uhash_t powmod(uhash_t base, std::uint64_t exp) {
  uhash_t result = 1;
  base %= kModulus;
  while (exp) {
    if (exp & 1) result = mulmod(result, base);
    base = mulmod(base, base);
    exp >>= 1;
  }
  return result;
}

// Fraction.__hash__: hash(|p|) * pow(q, -1, M), or the inf hash when q has no inverse.
hash_t hash_rational_mod(uhash_t p_mod, uhash_t q_mod, bool negative) {
  p_mod %= kModulus;
  q_mod %= kModulus;
  hash_t h;
  if (q_mod == 0) {
    h = kInf;
  } else {
    // M is prime: q**(M-2) is the inverse.
    h = static_cast<hash_t>(mulmod(p_mod, powmod(q_mod, kModulus - 2)));
  }
  if (negative) h = -h;
  return h == -1 ? -2 : h;
}

// tuplehash: xxHash's round per item with 64-bit primes, then the length.
namespace {
constexpr uhash_t kXXPrime1 = 11400714785074694791ULL;
constexpr uhash_t kXXPrime2 = 14029467366897019727ULL;
constexpr uhash_t kXXPrime5 = 2870177450012600261ULL;
inline uhash_t xxrotate(uhash_t x) { return (x << 31) | (x >> 33); }
}  // namespace

TupleHasher::TupleHasher() : acc(kXXPrime5) {}

void TupleHasher::add(hash_t item_hash) {
  acc += static_cast<uhash_t>(item_hash) * kXXPrime2;
  acc = xxrotate(acc);
  acc *= kXXPrime1;
}

hash_t TupleHasher::finish(std::ptrdiff_t n) const {
  uhash_t a = acc + (static_cast<uhash_t>(n) ^ (kXXPrime5 ^ 3527539UL));
  if (a == static_cast<uhash_t>(-1)) return 1546275796;
  return static_cast<hash_t>(a);
}

hash_t hash_tuple(const hash_t* item_hashes, std::ptrdiff_t n) {
  TupleHasher h;
  for (std::ptrdiff_t i = 0; i < n; ++i) h.add(item_hashes[i]);
  return h.finish(n);
}

uhash_t shuffle_bits(uhash_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

// frozenset_hash: CPython xors over every slot of its table and then cancels the empty and
// dummy slots; the result is the xor over the active entries, computed directly here.
hash_t hash_frozenset(const hash_t* entry_hashes, std::ptrdiff_t n) {
  uhash_t hash = 0;
  for (std::ptrdiff_t i = 0; i < n; ++i) hash ^= shuffle_bits(static_cast<uhash_t>(entry_hashes[i]));
  hash ^= (static_cast<uhash_t>(n) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == static_cast<uhash_t>(-1)) hash = 590923713UL;
  return static_cast<hash_t>(hash);
}

}  // namespace cppy::hash
