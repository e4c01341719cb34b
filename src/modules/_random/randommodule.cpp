// The _random module: Modules/_randommodule.c. random.Random subclasses _random.Random and
// draws every value from random() and getrandbits(), so matching these bit for bit gives
// random.py's sequences for a seed.
#include "modules/_random/randommodule.h"

#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <climits>
#include <cstring>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"

namespace cppy::modules::random {

// The value of a non-negative int that fits in 64 bits (callers check the sign and size).
inline std::uint64_t int_to_u64(objects::Object* o) {
  unsigned char b[8] = {};
  objects::bigint::to_bytes(objects::long_view(o), b, 8, true, false);
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}

using namespace objects;

// init_genrand: the state from one 32-bit seed.
void MT19937::init_genrand(std::uint32_t s) {
  state[0] = s;
  for (int i = 1; i < N; ++i) {
    state[i] = 1812433253U * (state[i - 1] ^ (state[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
  }
  index = N;
}

// init_by_array: the state from a key of 32-bit words.
void MT19937::init_by_array(const std::uint32_t* key, std::size_t key_length) {
  init_genrand(19650218U);
  std::size_t i = 1, j = 0;
  std::size_t k = static_cast<std::size_t>(N) > key_length ? N : key_length;
  for (; k; --k) {
    state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525U)) + key[j] +
               static_cast<std::uint32_t>(j);
    ++i;
    ++j;
    if (i >= static_cast<std::size_t>(N)) {
      state[0] = state[N - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (k = N - 1; k; --k) {
    state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941U)) -
               static_cast<std::uint32_t>(i);
    ++i;
    if (i >= static_cast<std::size_t>(N)) {
      state[0] = state[N - 1];
      i = 1;
    }
  }
  state[0] = 0x80000000U;  // the top bit set: the state is never all zero
}

// genrand_uint32: the next tempered word, regenerating the state every N draws.
std::uint32_t MT19937::genrand_uint32() {
  constexpr int M = 397;
  constexpr std::uint32_t kMatrixA = 0x9908b0dfU, kUpper = 0x80000000U, kLower = 0x7fffffffU;
  static const std::uint32_t mag01[2] = {0x0U, kMatrixA};
  std::uint32_t y;
  if (index >= N) {
    int kk;
    for (kk = 0; kk < N - M; ++kk) {
      y = (state[kk] & kUpper) | (state[kk + 1] & kLower);
      state[kk] = state[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    for (; kk < N - 1; ++kk) {
      y = (state[kk] & kUpper) | (state[kk + 1] & kLower);
      state[kk] = state[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    y = (state[N - 1] & kUpper) | (state[0] & kLower);
    state[N - 1] = state[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
    index = 0;
  }
  y = state[index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

// random_random: 53 random bits from two words (27 + 26), in [0, 1).
double MT19937::random() {
  std::uint32_t a = genrand_uint32() >> 5, b = genrand_uint32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

namespace {

struct RandomObject : Object {
  MT19937 mt;
};

MT19937& mt_of(Object* self) { return static_cast<RandomObject*>(self)->mt; }

// random_seed_urandom / random_seed_time_pid: seeding from the OS, or from the clock and pid
// when the OS has no randomness to give.
void seed_from_os(MT19937& mt) {
  std::uint32_t key[MT19937::N];
  std::size_t got = 0;
  unsigned char* p = reinterpret_cast<unsigned char*>(key);
  while (got < sizeof(key)) {
    ssize_t n = getrandom(p + got, sizeof(key) - got, 0);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got == sizeof(key)) {
    mt.init_by_array(key, MT19937::N);
    return;
  }
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  std::uint64_t now = static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ULL +
                      static_cast<std::uint64_t>(ts.tv_nsec);
  struct timespec mono;
  clock_gettime(CLOCK_MONOTONIC, &mono);
  std::uint64_t m = static_cast<std::uint64_t>(mono.tv_sec) * 1000000000ULL +
                    static_cast<std::uint64_t>(mono.tv_nsec);
  std::uint32_t k[5] = {static_cast<std::uint32_t>(now), static_cast<std::uint32_t>(now >> 32),
                        static_cast<std::uint32_t>(getpid()), static_cast<std::uint32_t>(m),
                        static_cast<std::uint32_t>(m >> 32)};
  mt.init_by_array(k, 5);
}

// random_seed: None seeds from the OS; an int by its absolute value's 32-bit words (least
// significant first); anything else by its hash.
int random_seed(Object* self, Object* arg) {
  MT19937& mt = mt_of(self);
  if (!arg || arg == none()) {
    seed_from_os(mt);
    return 0;
  }
  Ref<> n;
  if (long_check_exact(arg)) {
    n = Ref<>::steal(number_absolute(arg));
  } else if (long_check(arg)) {
    // int.__abs__, not a subclass's __abs__ (which could return anything).
    n = Ref<>::steal(long_type.as_number->absolute(arg));
  } else {
    hash_t h = object_hash(arg);
    if (h == -1) return -1;
    n = Ref<>::steal(long_from_size_t(static_cast<size_t>(h)));
  }
  if (!n) return -1;
  std::int64_t bits = long_num_bits(n.get());
  std::size_t keyused = bits == 0 ? 1 : static_cast<std::size_t>((bits - 1) / 32 + 1);
  std::vector<std::uint32_t> key(keyused);
  std::vector<unsigned char> bytes(keyused * 4);
  objects::bigint::to_bytes(long_view(n.get()), bytes.data(), bytes.size(), true, false);
  for (std::size_t i = 0; i < keyused; ++i) {
    key[i] = static_cast<std::uint32_t>(bytes[4 * i]) |
             (static_cast<std::uint32_t>(bytes[4 * i + 1]) << 8) |
             (static_cast<std::uint32_t>(bytes[4 * i + 2]) << 16) |
             (static_cast<std::uint32_t>(bytes[4 * i + 3]) << 24);
  }
  mt.init_by_array(key.data(), keyused);
  return 0;
}

Object* Random_random(Object* self, Object*) { return float_from_double(mt_of(self).random()); }

Object* Random_seed(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("seed", nargs, 0, 1)) return nullptr;
  if (random_seed(self, nargs ? args[0] : nullptr) < 0) return nullptr;
  return return_none();
}

Object* Random_getstate(Object* self, Object*) {
  MT19937& mt = mt_of(self);
  Ref<> t = Ref<>::steal(tuple_new(MT19937::N + 1));
  if (!t) return nullptr;
  for (int i = 0; i < MT19937::N; ++i) {
    Object* v = long_from_unsigned_long_long(mt.state[i]);
    if (!v) return nullptr;
    tuple_set_item(t.get(), i, v);
  }
  Object* v = long_from_long(mt.index);
  if (!v) return nullptr;
  tuple_set_item(t.get(), MT19937::N, v);
  return t.release();
}

// PyLong_AsUnsignedLong.
bool as_unsigned_long(Object* o, unsigned long* out) {
  if (!long_check(o)) {
    errors::set_string(exc_TypeError, "an integer is required");
    return false;
  }
  if (long_sign_of(o) < 0) {
    errors::set_string(exc_OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  if (long_num_bits(o) > 64) {
    errors::set_string(exc_OverflowError, "int too big to convert");
    return false;
  }
  *out = static_cast<unsigned long>(int_to_u64(o));
  return true;
}

Object* Random_setstate(Object* self, Object* state) {
  if (!tuple_check(state)) {
    errors::set_string(exc_TypeError, "state vector must be a tuple");
    return nullptr;
  }
  if (tuple_size(state) != MT19937::N + 1) {
    errors::set_string(exc_ValueError, "state vector is the wrong size");
    return nullptr;
  }
  std::uint32_t words[MT19937::N];
  for (int i = 0; i < MT19937::N; ++i) {
    unsigned long v;
    if (!as_unsigned_long(tuple_item(state, i), &v)) return nullptr;
    words[i] = static_cast<std::uint32_t>(v);
  }
  long index = long_as_long(tuple_item(state, MT19937::N));
  if (index == -1 && errors::occurred()) return nullptr;
  if (index < 0 || index > MT19937::N) {
    errors::set_string(exc_ValueError, "invalid state");
    return nullptr;
  }
  MT19937& mt = mt_of(self);
  mt.index = static_cast<int>(index);
  std::memcpy(mt.state, words, sizeof(words));
  return return_none();
}

// _random_Random_getrandbits_impl: k bits, in 32-bit words from the least significant.
Object* Random_getrandbits(Object* self, Object* arg) {
  // Argument Clinic's uint64 converter (_PyLong_UInt64_Converter).
  Ref<> index = Ref<>::steal(number_index(arg));
  if (!index) return nullptr;
  if (long_sign_of(index.get()) < 0) {
    errors::set_string(exc_ValueError, "Cannot convert negative int");
    return nullptr;
  }
  if (long_num_bits(index.get()) > 64) {
    errors::set_string(exc_OverflowError, "Python int too large for C uint64_t");
    return nullptr;
  }
  std::uint64_t k = int_to_u64(index.get());
  // PyMem_Malloc of the words fails for sizes no machine has.
  if (k > (std::uint64_t(1) << 35)) return errors::no_memory();
  MT19937& mt = mt_of(self);
  if (k == 0) return long_from_long(0);
  if (k <= 32) return long_from_unsigned_long_long(mt.genrand_uint32() >> (32 - k));
  std::size_t words = static_cast<std::size_t>((k - 1) / 32 + 1);
  std::vector<unsigned char> bytes(words * 4);
  for (std::size_t i = 0; i < words; ++i, k -= 32) {
    std::uint32_t r = mt.genrand_uint32();
    if (k < 32) r >>= (32 - k);
    bytes[4 * i] = static_cast<unsigned char>(r);
    bytes[4 * i + 1] = static_cast<unsigned char>(r >> 8);
    bytes[4 * i + 2] = static_cast<unsigned char>(r >> 16);
    bytes[4 * i + 3] = static_cast<unsigned char>(r >> 24);
  }
  return long_from_byte_array(bytes.data(), bytes.size(), true, false);
}

// random_init: Random(seed=None); keywords are refused unless a subclass defines __init__.
int Random_init(Object* self, Object* args, Object* kwds);

MethodDef random_methods[] = {
    {"random", reinterpret_cast<void*>(Random_random), kMethNoArgs,
     "random($self, /)\n--\n\nrandom() -> x in the interval [0, 1)."},
    {"seed", reinterpret_cast<void*>(Random_seed), kMethFastcall,
     "seed($self, n=None, /)\n--\n\nseed([n]) -> None.\n\nDefaults to use urandom and falls "
     "back to a combination\nof the current time and the process identifier."},
    {"getstate", reinterpret_cast<void*>(Random_getstate), kMethNoArgs,
     "getstate($self, /)\n--\n\ngetstate() -> tuple containing the current state."},
    {"setstate", reinterpret_cast<void*>(Random_setstate), kMethO,
     "setstate($self, state, /)\n--\n\nsetstate(state) -> None.  Restores generator state."},
    {"getrandbits", reinterpret_cast<void*>(Random_getrandbits), kMethO,
     "getrandbits($self, k, /)\n--\n\ngetrandbits(k) -> x.  Generates an int with k random "
     "bits."},
    {nullptr, nullptr, 0, nullptr}};

TypeObject random_type = [] {
  TypeObject t = static_type("_random.Random", sizeof(RandomObject), 0, kTpflagsBasetype);
  t.doc = "Random()\n--\n\nRandom() -> create a random number generator with its own internal "
          "state.";
  t.methods = random_methods;
  t.init = Random_init;
  t.alloc = type_generic_alloc;
  t.new_ = type_generic_new;
  t.free = object_generic_free;
  return t;
}();

int Random_init(Object* self, Object* args, Object* kwds) {
  if ((self->type == &random_type || self->type->init == random_type.init) &&
      !no_keywords("Random", kwds)) {
    return -1;
  }
  if (tuple_size(args) > 1) {
    errors::set_string(exc_TypeError, "Random() requires 0 or 1 argument");
    return -1;
  }
  return random_seed(self, tuple_size(args) == 1 ? tuple_item(args, 0) : nullptr);
}

int random_exec(Object* module) {
  if (type_ready(&random_type) < 0) return -1;
  return module_add_object_ref(module, "Random", &random_type);
}

ModuleDef random_def = {"_random", "Module implements the Mersenne Twister random number generator.",
                        nullptr, random_exec};

}  // namespace

ModuleDef* module_def() { return &random_def; }

}  // namespace cppy::modules::random
