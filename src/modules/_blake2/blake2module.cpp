// The _blake2 module: Modules/blake2module.c of CPython 3.14 (its objects, arguments and
// messages). CPython computes BLAKE2 with HACL*; this file implements the algorithm from
// RFC 7693 with the full parameter block of the BLAKE2 specification (tree hashing fields,
// salt, personalization), which is what the objects expose.
#include "modules/_blake2/blake2module.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "errors/errors.h"
#include "modules/argconv.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrhex.h"

namespace cppy::modules::_blake2 {

using namespace objects;

namespace {

const uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

// The two variants (RFC 7693 section 2.1).
struct Blake2b {
  using Word = uint64_t;
  static constexpr int kRounds = 12;
  static constexpr int kR1 = 32, kR2 = 24, kR3 = 16, kR4 = 63;
  static constexpr int kSaltSize = 16, kPersonSize = 16, kMaxKeySize = 64, kMaxDigestSize = 64;
  static constexpr Word kIV[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL,
                                  0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                                  0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                  0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
};
struct Blake2s {
  using Word = uint32_t;
  static constexpr int kRounds = 10;
  static constexpr int kR1 = 16, kR2 = 12, kR3 = 8, kR4 = 7;
  static constexpr int kSaltSize = 8, kPersonSize = 8, kMaxKeySize = 32, kMaxDigestSize = 32;
  static constexpr Word kIV[8] = {0x6A09E667U, 0xBB67AE85U, 0x3C6EF372U, 0xA54FF53AU,
                                  0x510E527FU, 0x9B05688CU, 0x1F83D9ABU, 0x5BE0CD19U};
};

template <class V>
struct State {
  using Word = typename V::Word;
  static constexpr size_t kBlock = 16 * sizeof(Word);
  Word h[8];
  Word t[2];
  Word f[2];
  uint8_t buf[kBlock];
  size_t buflen;
  size_t outlen;
  bool last_node;

  static Word load(const uint8_t* p) {
    Word w = 0;
    for (size_t i = 0; i < sizeof(Word); ++i) w |= static_cast<Word>(p[i]) << (8 * i);
    return w;
  }
  static Word rotr(Word x, int n) {
    return static_cast<Word>((x >> n) | (x << (8 * sizeof(Word) - n)));
  }

  void compress(const uint8_t* block) {
    Word m[16], v[16];
    for (int i = 0; i < 16; ++i) m[i] = load(block + i * sizeof(Word));
    for (int i = 0; i < 8; ++i) {
      v[i] = h[i];
      v[i + 8] = V::kIV[i];
    }
    v[12] ^= t[0];
    v[13] ^= t[1];
    v[14] ^= f[0];
    v[15] ^= f[1];
    auto g = [&](int a, int b, int c, int d, Word x, Word y) {
      v[a] = v[a] + v[b] + x;
      v[d] = rotr(v[d] ^ v[a], V::kR1);
      v[c] = v[c] + v[d];
      v[b] = rotr(v[b] ^ v[c], V::kR2);
      v[a] = v[a] + v[b] + y;
      v[d] = rotr(v[d] ^ v[a], V::kR3);
      v[c] = v[c] + v[d];
      v[b] = rotr(v[b] ^ v[c], V::kR4);
    };
    for (int r = 0; r < V::kRounds; ++r) {
      const uint8_t* s = kSigma[r % 10];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; ++i) h[i] ^= v[i] ^ v[i + 8];
  }

  void increment(size_t inc) {
    t[0] += static_cast<Word>(inc);
    if (t[0] < static_cast<Word>(inc)) t[1]++;
  }

  // The parameter block (BLAKE2 specification, section 2.8) XORed into the IV.
  void init(const uint8_t* param) {
    for (int i = 0; i < 8; ++i) h[i] = V::kIV[i] ^ load(param + i * sizeof(Word));
    t[0] = t[1] = f[0] = f[1] = 0;
    buflen = 0;
  }

  // The last block stays buffered: it is compressed with the final flag.
  void update(const uint8_t* in, size_t inlen) {
    if (inlen == 0) return;
    size_t left = buflen, fill = kBlock - left;
    if (inlen > fill) {
      buflen = 0;
      std::memcpy(buf + left, in, fill);
      increment(kBlock);
      compress(buf);
      in += fill;
      inlen -= fill;
      while (inlen > kBlock) {
        increment(kBlock);
        compress(in);
        in += kBlock;
        inlen -= kBlock;
      }
    }
    std::memcpy(buf + buflen, in, inlen);
    buflen += inlen;
  }

  void final(uint8_t* out) const {
    State s = *this;
    s.increment(s.buflen);
    s.f[0] = static_cast<Word>(~Word(0));
    if (s.last_node) s.f[1] = static_cast<Word>(~Word(0));
    std::memset(s.buf + s.buflen, 0, kBlock - s.buflen);
    s.compress(s.buf);
    uint8_t full[8 * sizeof(Word)];
    for (int i = 0; i < 8; ++i)
      for (size_t j = 0; j < sizeof(Word); ++j)
        full[i * sizeof(Word) + j] = static_cast<uint8_t>(s.h[i] >> (8 * j));
    std::memcpy(out, full, outlen);
  }
};

struct Blake2Object : Object {
  bool is_b;
  void* state;  // State<Blake2b> or State<Blake2s>
};

TypeObject blake2b_type{};
TypeObject blake2s_type{};

// GET_BUFFER_VIEW_OR_ERROUT (Modules/hashlib.h).
int get_buffer_view(Object* obj, BufferHolder* view) {
  if (str_check(obj)) {
    errors::set_string(exc_TypeError, "Strings must be encoded before hashing");
    return -1;
  }
  if (!object_check_buffer(obj)) {
    errors::set_string(exc_TypeError, "object supporting the buffer API required");
    return -1;
  }
  if (view->get(obj) < 0) return -1;
  if (view->view().ndim > 1) {
    errors::set_string(exc_BufferError, "Buffer must be single dimension");
    return -1;
  }
  return 0;
}

bool as_int(Object* o, int* out) {
  *out = long_as_int(o);
  return !(*out == -1 && errors::occurred());
}

bool as_unsigned(Object* o, unsigned long long max, const char* ctype, unsigned long long* out) {
  return unsigned_converter(o, max, ctype, out);
}

// py_blake2b_new_impl / py_blake2s_new_impl.
template <class V>
Object* blake2_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"data",       "digest_size", "key",        "salt",
                                   "person",     "fanout",      "depth",      "leaf_size",
                                   "node_offset", "node_depth", "inner_size", "last_node",
                                   "usedforsecurity", "string", nullptr};
  bool is_b = sizeof(typename V::Word) == 8;
  ArgParser parser = {is_b ? "blake2b" : "blake2s", kw, 0, 1, 0};
  Object* a[14] = {};
  if (unpack_keywords_tuple(parser, args, kwds, a) < 0) return nullptr;
  Object* data = a[0];
  if (data && a[13]) {
    errors::set_string(exc_TypeError,
                       "'data' and 'string' are mutually exclusive and support for 'string' "
                       "keyword parameter is slated for removal in a future version.");
    return nullptr;
  }
  if (!data) data = a[13];
  int digest_size = V::kMaxDigestSize, fanout = 1, depth = 1, node_depth = 0, inner_size = 0;
  if (a[1] && !as_int(a[1], &digest_size)) return nullptr;
  BufferHolder key, salt, person;
  if (a[2] && key.get(a[2]) < 0) return nullptr;
  if (a[3] && salt.get(a[3]) < 0) return nullptr;
  if (a[4] && person.get(a[4]) < 0) return nullptr;
  if (a[5] && !as_int(a[5], &fanout)) return nullptr;
  if (a[6] && !as_int(a[6], &depth)) return nullptr;
  unsigned long long leaf_size = 0, node_offset = 0;
  if (a[7] && !as_unsigned(a[7], 0xffffffffffffffffULL, "unsigned long", &leaf_size)) {
    return nullptr;
  }
  if (a[8] && !as_unsigned(a[8], 0xffffffffffffffffULL, "unsigned long long", &node_offset)) {
    return nullptr;
  }
  if (a[9] && !as_int(a[9], &node_depth)) return nullptr;
  if (a[10] && !as_int(a[10], &inner_size)) return nullptr;
  int last_node = 0;
  if (a[11] && (last_node = object_is_true(a[11])) < 0) return nullptr;
  if (a[12] && object_is_true(a[12]) < 0) return nullptr;

  const char* variant = is_b ? "Blake2b" : "Blake2s";
  if (digest_size <= 0 || digest_size > V::kMaxDigestSize) {
    return errors::format(exc_ValueError,
                          "digest_size for %s must be between 1 and %d bytes, here it is %d",
                          variant, V::kMaxDigestSize, digest_size);
  }
  if (salt.held() && salt.size() > V::kSaltSize) {
    return errors::format(exc_ValueError, "maximum salt length is %d bytes", V::kSaltSize);
  }
  if (person.held() && person.size() > V::kPersonSize) {
    return errors::format(exc_ValueError, "maximum person length is %d bytes", V::kPersonSize);
  }
  if (fanout < 0 || fanout > 255) {
    errors::set_string(exc_ValueError, "fanout must be between 0 and 255");
    return nullptr;
  }
  if (depth <= 0 || depth > 255) {
    errors::set_string(exc_ValueError, "depth must be between 1 and 255");
    return nullptr;
  }
  if (leaf_size > 0xffffffffULL) {
    errors::set_string(exc_OverflowError, "leaf_size is too large");
    return nullptr;
  }
  if (!is_b && node_offset > 0xffffffffffffULL) {
    // BLAKE2s stores the node offset in 48 bits.
    errors::set_string(exc_OverflowError, "node_offset is too large");
    return nullptr;
  }
  if (node_depth < 0 || node_depth > 255) {
    errors::set_string(exc_ValueError, "node_depth must be between 0 and 255");
    return nullptr;
  }
  if (inner_size < 0 || inner_size > V::kMaxDigestSize) {
    return errors::format(exc_ValueError, "inner_size must be between 0 and is %d",
                          V::kMaxDigestSize);
  }
  if (key.held() && key.size() > V::kMaxKeySize) {
    return errors::format(exc_ValueError, "maximum key length is %d bytes", V::kMaxKeySize);
  }

  // The parameter block.
  constexpr size_t kParamSize = 8 * sizeof(typename V::Word);
  uint8_t param[kParamSize] = {};
  size_t keylen = key.held() ? static_cast<size_t>(key.size()) : 0;
  param[0] = static_cast<uint8_t>(digest_size);
  param[1] = static_cast<uint8_t>(keylen);
  param[2] = static_cast<uint8_t>(fanout);
  param[3] = static_cast<uint8_t>(depth);
  for (int i = 0; i < 4; ++i) param[4 + i] = static_cast<uint8_t>(leaf_size >> (8 * i));
  size_t salt_at, person_at;
  if (is_b) {
    for (int i = 0; i < 8; ++i) param[8 + i] = static_cast<uint8_t>(node_offset >> (8 * i));
    param[16] = static_cast<uint8_t>(node_depth);
    param[17] = static_cast<uint8_t>(inner_size);
    salt_at = 32;
    person_at = 48;
  } else {
    for (int i = 0; i < 6; ++i) param[8 + i] = static_cast<uint8_t>(node_offset >> (8 * i));
    param[14] = static_cast<uint8_t>(node_depth);
    param[15] = static_cast<uint8_t>(inner_size);
    salt_at = 16;
    person_at = 24;
  }
  if (salt.held()) std::memcpy(param + salt_at, salt.data(), static_cast<size_t>(salt.size()));
  if (person.held()) {
    std::memcpy(param + person_at, person.data(), static_cast<size_t>(person.size()));
  }

  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<Blake2Object*>(obj.get());
  self->is_b = is_b;
  auto* st = new State<V>();
  self->state = st;
  st->init(param);
  st->outlen = static_cast<size_t>(digest_size);
  st->last_node = last_node != 0;
  if (keylen) {
    // The key is the first block, zero-padded.
    uint8_t block[State<V>::kBlock] = {};
    std::memcpy(block, key.data(), keylen);
    st->update(block, State<V>::kBlock);
  }
  if (data) {
    BufferHolder view;
    if (get_buffer_view(data, &view) < 0) return nullptr;
    st->update(reinterpret_cast<const uint8_t*>(view.data()), static_cast<size_t>(view.size()));
  }
  return obj.release();
}

Object* blake2b_new(TypeObject* type, Object* args, Object* kwds) {
  return blake2_new<Blake2b>(type, args, kwds);
}
Object* blake2s_new(TypeObject* type, Object* args, Object* kwds) {
  return blake2_new<Blake2s>(type, args, kwds);
}

void blake2_dealloc(Object* o) {
  auto* self = static_cast<Blake2Object*>(o);
  if (self->is_b) {
    delete static_cast<State<Blake2b>*>(self->state);
  } else {
    delete static_cast<State<Blake2s>*>(self->state);
  }
  self->type->free(self);
}

// _blake2_blake2b_update_impl.
Object* blake2_update(Object* op, Object* data) {
  auto* self = static_cast<Blake2Object*>(op);
  BufferHolder view;
  if (get_buffer_view(data, &view) < 0) return nullptr;
  const auto* p = reinterpret_cast<const uint8_t*>(view.data());
  size_t n = static_cast<size_t>(view.size());
  if (self->is_b) {
    static_cast<State<Blake2b>*>(self->state)->update(p, n);
  } else {
    static_cast<State<Blake2s>*>(self->state)->update(p, n);
  }
  return return_none();
}

size_t compute(Blake2Object* self, uint8_t* out) {
  if (self->is_b) {
    auto* st = static_cast<State<Blake2b>*>(self->state);
    st->final(out);
    return st->outlen;
  }
  auto* st = static_cast<State<Blake2s>*>(self->state);
  st->final(out);
  return st->outlen;
}

Object* blake2_digest(Object* op, Object*) {
  uint8_t out[64];
  size_t n = compute(static_cast<Blake2Object*>(op), out);
  return bytes_from_string_and_size(reinterpret_cast<char*>(out), static_cast<ssize>(n));
}

Object* blake2_hexdigest(Object* op, Object*) {
  uint8_t out[64];
  size_t n = compute(static_cast<Blake2Object*>(op), out);
  std::string hex = pystrconv::strhex(out, n);
  return str_from_ascii(hex.data(), static_cast<ssize>(hex.size()));
}

Object* blake2_copy(Object* op, Object*) {
  auto* self = static_cast<Blake2Object*>(op);
  TypeObject* type = self->type;
  auto* copy = static_cast<Blake2Object*>(type->alloc(type, 0));
  if (!copy) return nullptr;
  copy->is_b = self->is_b;
  if (self->is_b) {
    copy->state = new State<Blake2b>(*static_cast<State<Blake2b>*>(self->state));
  } else {
    copy->state = new State<Blake2s>(*static_cast<State<Blake2s>*>(self->state));
  }
  return copy;
}

Object* blake2_get_name(Object* op, void*) {
  return str_from_cstr(static_cast<Blake2Object*>(op)->is_b ? "blake2b" : "blake2s");
}
Object* blake2_get_block_size(Object* op, void*) {
  return long_from_long(static_cast<Blake2Object*>(op)->is_b ? 128 : 64);
}
Object* blake2_get_digest_size(Object* op, void*) {
  auto* self = static_cast<Blake2Object*>(op);
  size_t n = self->is_b ? static_cast<State<Blake2b>*>(self->state)->outlen
                        : static_cast<State<Blake2s>*>(self->state)->outlen;
  return long_from_size_t(n);
}

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs

MethodDef blake2_methods[] = {
    {"copy", NOARGS(blake2_copy), "copy($self, /)\n--\n\nReturn a copy of the hash object."},
    {"digest", NOARGS(blake2_digest),
     "digest($self, /)\n--\n\nReturn the digest value as a bytes object."},
    {"hexdigest", NOARGS(blake2_hexdigest),
     "hexdigest($self, /)\n--\n\nReturn the digest value as a string of hexadecimal digits."},
    {"update", METH_O(blake2_update),
     "update($self, data, /)\n--\n\nUpdate this hash object's state with the provided "
     "bytes-like object."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef blake2_getset[] = {
    {"name", blake2_get_name, nullptr, nullptr, nullptr},
    {"block_size", blake2_get_block_size, nullptr, nullptr, nullptr},
    {"digest_size", blake2_get_digest_size, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

template <class V>
int add_class_constants(TypeObject* t) {
  const std::pair<const char*, int> consts[] = {{"SALT_SIZE", V::kSaltSize},
                                                {"PERSON_SIZE", V::kPersonSize},
                                                {"MAX_KEY_SIZE", V::kMaxKeySize},
                                                {"MAX_DIGEST_SIZE", V::kMaxDigestSize}};
  for (auto& c : consts) {
    Ref<> v = Ref<>::steal(long_from_long(c.second));
    if (!v || dict_set_item_string(t->dict, c.first, v.get()) < 0) return -1;
  }
  type_modified(t);
  return 0;
}

int ready_types() {
  if (blake2b_type.name) return 0;
  for (int i = 0; i < 2; ++i) {
    TypeObject t = static_type(i == 0 ? "_blake2.blake2b" : "_blake2.blake2s",
                               sizeof(Blake2Object), 0, kTpflagsImmutabletype);
    t.doc = i == 0 ? "Return a new BLAKE2b hash object." : "Return a new BLAKE2s hash object.";
    t.dealloc = blake2_dealloc;
    t.methods = blake2_methods;
    t.getset = blake2_getset;
    t.alloc = type_generic_alloc;
    t.new_ = i == 0 ? blake2b_new : blake2s_new;
    t.free = object_generic_free;
    (i == 0 ? blake2b_type : blake2s_type) = t;
  }
  if (type_ready(&blake2b_type) < 0 || type_ready(&blake2s_type) < 0) return -1;
  // Class constants go straight into the dicts: the types are immutable to setattr.
  if (add_class_constants<Blake2b>(&blake2b_type) < 0 ||
      add_class_constants<Blake2s>(&blake2s_type) < 0) {
    return -1;
  }
  return 0;
}

int blake2_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (module_add_object_ref(m, "blake2b", &blake2b_type) < 0 ||
      module_add_object_ref(m, "blake2s", &blake2s_type) < 0) {
    return -1;
  }
  const std::pair<const char*, int> consts[] = {
      {"BLAKE2B_SALT_SIZE", Blake2b::kSaltSize},
      {"BLAKE2B_PERSON_SIZE", Blake2b::kPersonSize},
      {"BLAKE2B_MAX_KEY_SIZE", Blake2b::kMaxKeySize},
      {"BLAKE2B_MAX_DIGEST_SIZE", Blake2b::kMaxDigestSize},
      {"BLAKE2S_SALT_SIZE", Blake2s::kSaltSize},
      {"BLAKE2S_PERSON_SIZE", Blake2s::kPersonSize},
      {"BLAKE2S_MAX_KEY_SIZE", Blake2s::kMaxKeySize},
      {"BLAKE2S_MAX_DIGEST_SIZE", Blake2s::kMaxDigestSize},
      {"_GIL_MINSIZE", 2048},
  };
  for (auto& c : consts) {
    Ref<> v = Ref<>::steal(long_from_long(c.second));
    if (!v || module_add_object_ref(m, c.first, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef blake2_def = {"_blake2", "_blake2b provides BLAKE2b for hashlib\n", nullptr,
                        blake2_exec};

}  // namespace

ModuleDef* module_def() { return &blake2_def; }

}  // namespace cppy::modules::_blake2
