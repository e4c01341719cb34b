// Hashing primitives of Python/pyhash.c and Python/bootstrap_hash.c, plus the hash
// combinations of tuple (Objects/tupleobject.c), frozenset (Objects/setobject.c), int
// (Objects/longobject.c), float and complex. Pure functions on bytes and numbers: the object
// layer calls them from its tp_hash slots. All values equal 64-bit CPython's.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cppy::hash {

using hash_t = std::ptrdiff_t;   // Py_hash_t
using uhash_t = std::size_t;     // Py_uhash_t

// The numeric hash parameters of sys.hash_info (Include/cpython/pyhash.h).
inline constexpr int kBits = 61;                                  // _PyHASH_BITS
inline constexpr uhash_t kModulus = (uhash_t(1) << kBits) - 1;   // _PyHASH_MODULUS
inline constexpr hash_t kInf = 314159;                            // _PyHASH_INF
inline constexpr hash_t kImag = 1000003;                          // _PyHASH_IMAG
inline constexpr int kMultiplier = 1000003;                       // _PyHASH_MULTIPLIER
inline constexpr int kCutoff = 0;                                 // Py_HASH_CUTOFF
inline constexpr const char* kAlgorithm = "siphash13";            // sys.hash_info.algorithm
inline constexpr int kHashBits = 64;                              // sys.hash_info.hash_bits
inline constexpr int kSeedBits = 128;                             // sys.hash_info.seed_bits

// _Py_HashSecret_t: 24 bytes; siphash reads k0, k1 from the first 16, expat's salt follows.
union Secret {
  unsigned char uc[24];
  struct {
    std::uint64_t k0;
    std::uint64_t k1;
  } siphash;
  struct {
    unsigned char padding[16];
    hash_t hashsalt;
  } expat;
};
extern Secret secret;  // _Py_HashSecret

// _Py_HashRandomization_Init: with use_hash_seed, seed 0 zeroes the key (randomisation
// disabled, still SipHash-1-3 with a zero key) and other seeds expand through lcg_urandom;
// otherwise the key comes from the system's random source. Returns false if no randomness
// could be read (CPython reports a fatal error then).
bool init_secret(bool use_hash_seed, std::uint32_t seed);
// lcg_urandom: the key expansion of a numeric PYTHONHASHSEED.
void lcg_urandom(std::uint32_t x0, unsigned char* buffer, std::size_t size);

// The raw SipHash-1-3 and SipHash-2-4 of pyhash.c (keys as 64-bit little-endian words).
std::uint64_t siphash13(std::uint64_t k0, std::uint64_t k1, const void* src, std::ptrdiff_t size);
std::uint64_t siphash24(std::uint64_t k0, std::uint64_t k1, const void* src, std::ptrdiff_t size);

// Py_HashBuffer / _Py_HashBytes: 0 for an empty buffer, SipHash-1-3 under the secret key,
// -1 mapped to -2. str hashes its canonical (1, 2 or 4 bytes per character) data this way.
hash_t hash_bytes(const void* src, std::ptrdiff_t size);

// _Py_HashPointerRaw (rotation by 4 bits) and Py_HashPointer (-1 mapped to -2).
hash_t hash_pointer_raw(const void* p);
hash_t hash_pointer(const void* p);

// _Py_HashDouble: the numeric hash of a float, reduced modulo 2**61-1 so that equal ints,
// floats, Fractions and Decimals hash alike. NaN hashes as the pointer of its object (inst).
hash_t hash_double(const void* inst, double v);

// long_hash for the magnitude digits (base 2**shift, least significant first) of an int with
// the given sign (-1, 0, 1). shift is 30 for cppy's int.
hash_t hash_long_digits(const std::uint32_t* digits, std::ptrdiff_t ndigits, int sign, int shift = 30);
// long_hash of a machine integer (the compact-int fast path and sizes up to 64 bits).
hash_t hash_long(long long v);
hash_t hash_ulong(unsigned long long v);

// complex_hash: hash(real) + 1000003 * hash(imag), -1 mapped to -2.
hash_t hash_complex(const void* inst, double real, double imag);

// The hash of a rational p/q given p mod M and q mod M (M = 2**61-1, both non-negative),
// as fractions.Fraction.__hash__ and decimal compute it: p * q^-1 mod M, inf hash if q is
// divisible by M; the sign is applied by the caller through apply_sign.
hash_t hash_rational_mod(uhash_t p_mod, uhash_t q_mod, bool negative);
// Modular helpers on the 61-bit modulus (exposed for int/Decimal hashing).
uhash_t mulmod(uhash_t a, uhash_t b);
uhash_t powmod(uhash_t base, std::uint64_t exp);

// tuplehash (xxHash-based): item_hashes are the hashes of the items (none is -1).
hash_t hash_tuple(const hash_t* item_hashes, std::ptrdiff_t n);
// Incremental form for callers that compute item hashes one at a time.
struct TupleHasher {
  uhash_t acc;
  TupleHasher();
  void add(hash_t item_hash);
  hash_t finish(std::ptrdiff_t n) const;
};

// frozenset_hash over the hashes of the active entries (order does not matter).
hash_t hash_frozenset(const hash_t* entry_hashes, std::ptrdiff_t n);
// _shuffle_bits: the per-entry mixing of frozenset_hash.
uhash_t shuffle_bits(uhash_t h);

}  // namespace cppy::hash
