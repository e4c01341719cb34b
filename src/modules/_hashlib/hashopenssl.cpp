// The _hashlib module: Modules/_hashopenssl.c of CPython 3.14 over OpenSSL 3. The objects run
// with the GIL held, so they need no mutex of their own.
//
// The 1.1.1 API level keeps HMAC_CTX usable without deprecation warnings, as CPython does.
#ifndef OPENSSL_API_COMPAT
#define OPENSSL_API_COMPAT 0x10101000L
#endif

#include "modules/_hashlib/hashopenssl.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/objects.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/argconv.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/setobject.h"
#include "objects/text_api.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrhex.h"

namespace cppy::modules::_hashlib {

using namespace objects;

namespace {

// py_hashes: Python's names, their aliases and OpenSSL's names.
struct HashEntry {
  const char* py_name;
  const char* py_alias;
  const char* ossl_name;
  int ossl_nid;
};
const HashEntry kHashes[] = {
    {"md5", "MD5", SN_md5, NID_md5},
    {"sha1", "SHA1", SN_sha1, NID_sha1},
    {"sha224", "SHA224", SN_sha224, NID_sha224},
    {"sha256", "SHA256", SN_sha256, NID_sha256},
    {"sha384", "SHA384", SN_sha384, NID_sha384},
    {"sha512", "SHA512", SN_sha512, NID_sha512},
    {"sha512_224", "SHA512_224", SN_sha512_224, NID_sha512_224},
    {"sha512_256", "SHA512_256", SN_sha512_256, NID_sha512_256},
    {"sha3_224", nullptr, SN_sha3_224, NID_sha3_224},
    {"sha3_256", nullptr, SN_sha3_256, NID_sha3_256},
    {"sha3_384", nullptr, SN_sha3_384, NID_sha3_384},
    {"sha3_512", nullptr, SN_sha3_512, NID_sha3_512},
    {"shake_128", nullptr, SN_shake128, NID_shake128},
    {"shake_256", nullptr, SN_shake256, NID_shake256},
    {"blake2s", "blake2s256", SN_blake2s256, NID_blake2s256},
    {"blake2b", "blake2b512", SN_blake2b512, NID_blake2b512},
};

enum class Purpose { kEvp, kEvpNoSecurity, kMac, kPbkdf2 };

TypeObject* unsupported_digestmod_error = nullptr;
Object* constructs = nullptr;  // {openssl_sha256: "sha256", ...}

const HashEntry* entry_by_name(const char* name) {
  for (const HashEntry& h : kHashes) {
    if (std::strcmp(h.py_name, name) == 0 || (h.py_alias && std::strcmp(h.py_alias, name) == 0)) {
      return &h;
    }
  }
  return nullptr;
}

// set_ssl_exception_from_errcode: "[lib] reason".
void set_ssl_exception_from_errcode(TypeObject* exc_type, unsigned long errcode) {
  const char* lib = ERR_lib_error_string(errcode);
  const char* reason = ERR_reason_error_string(errcode);
  if (!reason) reason = "no reason";
  if (lib) {
    errors::format(exc_type, "[%s] %s", lib, reason);
  } else {
    errors::set_string(exc_type, reason);
  }
}

// raise_ssl_error_f: the last OpenSSL error, or the fallback message.
void raise_ssl_error(TypeObject* exc_type, const char* fallback) {
  unsigned long errcode = ERR_peek_last_error();
  if (errcode) {
    ERR_clear_error();
    if (ERR_GET_REASON(errcode) == ERR_R_MALLOC_FAILURE) exc_type = exc_MemoryError;
    set_ssl_exception_from_errcode(exc_type, errcode);
  } else {
    errors::set_string(exc_type, fallback);
  }
}

// notify_ssl_error_occurred_in.
void notify_ssl_error_in(const char* funcname) {
  std::string msg = std::string("error in OpenSSL function ") + funcname + "()";
  raise_ssl_error(exc_ValueError, msg.c_str());
}

// raise_unsupported_algorithm_impl (OpenSSL 3): the library's context added to the message.
void raise_unsupported(Object* text) {
  unsigned long errcode = ERR_peek_last_error();
  const char* lib = errcode ? ERR_lib_error_string(errcode) : nullptr;
  if (errcode && ERR_GET_REASON(errcode) == ERR_R_UNSUPPORTED) {
    ERR_clear_error();
    if (lib) {
      errors::format(unsupported_digestmod_error, "[%s] %U", lib, text);
    } else {
      errors::set_object(unsupported_digestmod_error, text);
    }
  } else if (errcode && ERR_GET_REASON(errcode) == ERR_R_FETCH_FAILED) {
    const char* reason = ERR_reason_error_string(errcode);
    ERR_clear_error();
    if (lib && reason) {
      errors::format(unsupported_digestmod_error, "[%s] %U (reason: %s)", lib, text, reason);
    } else if (lib) {
      errors::format(unsupported_digestmod_error, "[%s] %U", lib, text);
    } else if (reason) {
      errors::format(unsupported_digestmod_error, "%U (reason: %s)", text, reason);
    } else {
      errors::set_object(unsupported_digestmod_error, text);
    }
  } else if (errcode) {
    ERR_clear_error();
    set_ssl_exception_from_errcode(unsupported_digestmod_error, errcode);
  } else {
    errors::set_object(unsupported_digestmod_error, text);
  }
}

// get_openssl_evp_md_by_utf8name: a new reference to the EVP_MD (EVP_MD_free it).
EVP_MD* evp_md_by_name(const char* name, Purpose purpose) {
  const HashEntry* e = entry_by_name(name);
  const char* props = purpose == Purpose::kEvpNoSecurity ? "-fips" : nullptr;
  EVP_MD* digest = EVP_MD_fetch(nullptr, e ? e->ossl_name : name, props);
  if (!digest) {
    Ref<> text = Ref<>::steal(str_from_format("unsupported hash type %s", name));
    if (text) raise_unsupported(text.get());
  }
  return digest;
}

// get_openssl_evp_md: digestmod is a name or one of the openssl_* constructors.
EVP_MD* evp_md(Object* digestmod, Purpose purpose) {
  std::string name;
  if (str_check(digestmod)) {
    ssize n;
    const char* p = str_as_utf8(digestmod, &n);
    if (!p) return nullptr;
    name.assign(p, static_cast<size_t>(n));
  } else {
    Object* found = dict_get_item_with_error(constructs, digestmod);
    if (!found) {
      if (!errors::occurred()) {
        Ref<> text = Ref<>::steal(str_from_format("unsupported hash type %S", digestmod));
        if (text) raise_unsupported(text.get());
      }
      return nullptr;
    }
    ssize n;
    const char* p = str_as_utf8(found, &n);
    if (!p) return nullptr;
    name.assign(p, static_cast<size_t>(n));
  }
  return evp_md_by_name(name.c_str(), purpose);
}

// get_hashlib_utf8name_by_nid: Python's name, else OpenSSL's long (or short) name.
const char* name_by_nid(int nid) {
  for (const HashEntry& h : kHashes) {
    if (h.ossl_nid == nid) return h.py_name;
  }
  const char* name = OBJ_nid2ln(nid);
  if (!name) name = OBJ_nid2sn(nid);
  if (!name) {
    ERR_clear_error();
    errors::format(exc_ValueError, "cannot resolve NID %d", nid);
  }
  return name;
}

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

Object* hex_object(const unsigned char* data, size_t n) {
  std::string hex = pystrconv::strhex(data, n);
  return str_from_ascii(hex.data(), static_cast<ssize>(hex.size()));
}

// ---- HASH / HASHXOF ------------------------------------------------------------------------

struct HashObject : Object {
  EVP_MD_CTX* ctx;
};

TypeObject hash_type{};
TypeObject hashxof_type{};

HashObject* new_hash_object(TypeObject* type) {
  auto* self = static_cast<HashObject*>(type->alloc(type, 0));
  if (!self) return nullptr;
  self->ctx = EVP_MD_CTX_new();
  if (!self->ctx) {
    decref(self);
    return static_cast<HashObject*>(errors::no_memory());
  }
  return self;
}

void hash_dealloc(Object* o) {
  auto* self = static_cast<HashObject*>(o);
  EVP_MD_CTX_free(self->ctx);
  self->type->free(self);
}

int hash_update_bytes(HashObject* self, const void* vp, ssize len) {
  const unsigned char* cp = static_cast<const unsigned char*>(vp);
  while (len > 0) {
    unsigned int process = len > INT_MAX ? INT_MAX : static_cast<unsigned int>(len);
    if (!EVP_DigestUpdate(self->ctx, cp, process)) {
      notify_ssl_error_in("EVP_DigestUpdate");
      return -1;
    }
    len -= process;
    cp += process;
  }
  return 0;
}

// _hashlib_HASH_copy_impl.
Object* HASH_copy(Object* op, Object*) {
  auto* self = static_cast<HashObject*>(op);
  HashObject* copy = new_hash_object(self->type);
  if (!copy) return nullptr;
  if (!EVP_MD_CTX_copy(copy->ctx, self->ctx)) {
    decref(copy);
    notify_ssl_error_in("EVP_MD_CTX_copy");
    return nullptr;
  }
  return copy;
}

// _hashlib_HASH_digest_compute: the digest of a copy, so that updates may go on.
ssize hash_digest_compute(HashObject* self, unsigned char* digest) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (!ctx) {
    errors::no_memory();
    return -1;
  }
  if (!EVP_MD_CTX_copy(ctx, self->ctx)) {
    EVP_MD_CTX_free(ctx);
    notify_ssl_error_in("EVP_MD_CTX_copy");
    return -1;
  }
  ssize digest_size = EVP_MD_CTX_size(ctx);
  if (!EVP_DigestFinal(ctx, digest, nullptr)) {
    EVP_MD_CTX_free(ctx);
    notify_ssl_error_in("EVP_DigestFinal");
    return -1;
  }
  EVP_MD_CTX_free(ctx);
  return digest_size;
}

Object* HASH_digest(Object* op, Object*) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  ssize n = hash_digest_compute(static_cast<HashObject*>(op), digest);
  return n < 0 ? nullptr : bytes_from_string_and_size(reinterpret_cast<char*>(digest), n);
}

Object* HASH_hexdigest(Object* op, Object*) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  ssize n = hash_digest_compute(static_cast<HashObject*>(op), digest);
  return n < 0 ? nullptr : hex_object(digest, static_cast<size_t>(n));
}

// _hashlib_HASH_update_impl.
Object* HASH_update(Object* op, Object* obj) {
  BufferHolder view;
  if (get_buffer_view(obj, &view) < 0) return nullptr;
  if (hash_update_bytes(static_cast<HashObject*>(op), view.data(), view.size()) < 0) {
    return nullptr;
  }
  return return_none();
}

Object* HASH_get_block_size(Object* op, void*) {
  return long_from_long(EVP_MD_CTX_block_size(static_cast<HashObject*>(op)->ctx));
}
Object* HASH_get_digest_size(Object* op, void*) {
  return long_from_long(EVP_MD_CTX_size(static_cast<HashObject*>(op)->ctx));
}
Object* HASH_get_name(Object* op, void*) {
  const EVP_MD* md = EVP_MD_CTX_get0_md(static_cast<HashObject*>(op)->ctx);
  if (!md) {
    raise_ssl_error(exc_ValueError, "missing EVP_MD for HASH context");
    return nullptr;
  }
  const char* name = name_by_nid(EVP_MD_nid(md));
  return name ? str_from_cstr(name) : nullptr;
}

// _hashlib_HASH_repr: "<sha256 _hashlib.HASH object @ 0x...>".
Object* HASH_repr(Object* self) {
  Ref<> name = Ref<>::steal(HASH_get_name(self, nullptr));
  if (!name) return nullptr;
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self));
  return str_from_format("<%U %T object @ %s>", name.get(), self, addr);
}

// _hashlib_HASHXOF_digest_impl / hexdigest_impl.
bool xof_length(Object* const* args, ssize nargs, Object* kwnames, const char* fname,
                ssize* length) {
  static const char* const kw[] = {"length", nullptr};
  ArgParser parser = {fname, kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return false;
  *length = number_as_ssize(a[0], exc_OverflowError);
  if (*length == -1 && errors::occurred()) return false;
  if (*length < 0) {
    errors::set_string(exc_ValueError, "negative digest length");
    return false;
  }
  return true;
}

bool xof_compute(HashObject* self, std::string* out, ssize length) {
  out->assign(static_cast<size_t>(length), '\0');
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (!ctx) {
    errors::no_memory();
    return false;
  }
  if (!EVP_MD_CTX_copy(ctx, self->ctx)) {
    EVP_MD_CTX_free(ctx);
    notify_ssl_error_in("EVP_MD_CTX_copy");
    return false;
  }
  if (!EVP_DigestFinalXOF(ctx, reinterpret_cast<unsigned char*>(out->data()),
                          static_cast<size_t>(length))) {
    EVP_MD_CTX_free(ctx);
    notify_ssl_error_in("EVP_DigestFinalXOF");
    return false;
  }
  EVP_MD_CTX_free(ctx);
  return true;
}

Object* HASHXOF_digest(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  ssize length;
  if (!xof_length(args, nargs, kwnames, "digest", &length)) return nullptr;
  if (length == 0) return bytes_from_string_and_size("", 0);
  std::string out;
  if (!xof_compute(static_cast<HashObject*>(op), &out, length)) return nullptr;
  return bytes_from_string_and_size(out.data(), length);
}

Object* HASHXOF_hexdigest(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  ssize length;
  if (!xof_length(args, nargs, kwnames, "hexdigest", &length)) return nullptr;
  if (length == 0) return str_empty();
  std::string out;
  if (!xof_compute(static_cast<HashObject*>(op), &out, length)) return nullptr;
  return hex_object(reinterpret_cast<const unsigned char*>(out.data()), out.size());
}

Object* HASHXOF_get_digest_size(Object*, void*) { return long_from_long(0); }

// _hashlib_HASH: a HASH (or HASHXOF) for digestname, fed with data_obj (may be null).
Object* hash_new(const char* digestname, Object* data_obj, int usedforsecurity) {
  BufferHolder view;
  if (data_obj && get_buffer_view(data_obj, &view) < 0) return nullptr;
  EVP_MD* digest =
      evp_md_by_name(digestname, usedforsecurity ? Purpose::kEvp : Purpose::kEvpNoSecurity);
  if (!digest) return nullptr;
  bool xof = (EVP_MD_flags(digest) & EVP_MD_FLAG_XOF) != 0;
  Ref<> obj = Ref<>::steal(new_hash_object(xof ? &hashxof_type : &hash_type));
  if (!obj) {
    EVP_MD_free(digest);
    return nullptr;
  }
  auto* self = static_cast<HashObject*>(obj.get());
  int ok = EVP_DigestInit_ex(self->ctx, digest, nullptr);
  EVP_MD_free(digest);
  if (!ok) {
    notify_ssl_error_in("EVP_DigestInit_ex");
    return nullptr;
  }
  if (view.held() && view.size() && hash_update_bytes(self, view.data(), view.size()) < 0) {
    return nullptr;
  }
  return obj.release();
}

// _Py_hashlib_data_argument: data and the deprecated string keyword exclude each other.
bool data_argument(Object* data, Object* string, Object** res) {
  if (data && string) {
    errors::set_string(exc_TypeError,
                       "'data' and 'string' are mutually exclusive and support for 'string' "
                       "keyword parameter is slated for removal in a future version.");
    return false;
  }
  *res = data ? data : string;
  return true;
}

// _hashlib_HASH_new_impl: new(name, data=b'', *, usedforsecurity=True, string=None).
Object* hashlib_new(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", "data", "usedforsecurity", "string", nullptr};
  static const ArgParser parser = {"new", kw, 1, 2, 0};
  Object* a[4] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!str_check(a[0])) {
    bad_argument("new", "'name'", "str", a[0]);
    return nullptr;
  }
  ssize n;
  const char* name = str_as_utf8(a[0], &n);
  if (!name) return nullptr;
  if (static_cast<ssize>(std::strlen(name)) != n) {
    errors::set_string(exc_ValueError, "embedded null character");
    return nullptr;
  }
  int usedforsecurity = 1;
  if (a[2] && (usedforsecurity = object_is_true(a[2])) < 0) return nullptr;
  Object* data_obj;
  if (!data_argument(a[1], a[3], &data_obj)) return nullptr;
  return hash_new(name, data_obj, usedforsecurity);
}

// The openssl_<name> constructors: (data=b'', *, usedforsecurity=True, string=None).
template <const char* kName>
Object* openssl_constructor(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"data", "usedforsecurity", "string", nullptr};
  static const std::string fname = std::string("openssl_") + kName;
  ArgParser parser = {fname.c_str(), kw, 0, 1, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int usedforsecurity = 1;
  if (a[1] && (usedforsecurity = object_is_true(a[1])) < 0) return nullptr;
  Object* data_obj;
  if (!data_argument(a[0], a[2], &data_obj)) return nullptr;
  return hash_new(kName, data_obj, usedforsecurity);
}

constexpr char kMd5[] = "md5";
constexpr char kSha1[] = "sha1";
constexpr char kSha224[] = "sha224";
constexpr char kSha256[] = "sha256";
constexpr char kSha384[] = "sha384";
constexpr char kSha512[] = "sha512";
constexpr char kSha3_224[] = "sha3_224";
constexpr char kSha3_256[] = "sha3_256";
constexpr char kSha3_384[] = "sha3_384";
constexpr char kSha3_512[] = "sha3_512";
constexpr char kShake128[] = "shake_128";
constexpr char kShake256[] = "shake_256";

// ---- key derivation ------------------------------------------------------------------------

bool as_utf8_name(const char* fname, const char* argname, Object* o, std::string* out) {
  if (!str_check(o)) {
    bad_argument(fname, argname, "str", o);
    return false;
  }
  ssize n;
  const char* p = str_as_utf8(o, &n);
  if (!p) return false;
  if (static_cast<ssize>(std::strlen(p)) != n) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  out->assign(p, static_cast<size_t>(n));
  return true;
}

// pbkdf2_hmac_impl.
Object* pbkdf2_hmac(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"hash_name", "password", "salt", "iterations", "dklen",
                                   nullptr};
  static const ArgParser parser = {"pbkdf2_hmac", kw, 4, 5, 0};
  Object* a[5] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  std::string hash_name;
  if (!as_utf8_name("pbkdf2_hmac", "'hash_name'", a[0], &hash_name)) return nullptr;
  BufferHolder password, salt;
  if (password.get(a[1]) < 0 || salt.get(a[2]) < 0) return nullptr;
  long iterations = long_as_long(a[3]);
  if (iterations == -1 && errors::occurred()) return nullptr;
  EVP_MD* digest = evp_md_by_name(hash_name.c_str(), Purpose::kPbkdf2);
  if (!digest) return nullptr;
  struct Free {
    EVP_MD* d;
    ~Free() { EVP_MD_free(d); }
  } free_digest{digest};
  if (password.size() > INT_MAX) {
    errors::set_string(exc_OverflowError, "password is too long.");
    return nullptr;
  }
  if (salt.size() > INT_MAX) {
    errors::set_string(exc_OverflowError, "salt is too long.");
    return nullptr;
  }
  if (iterations < 1) {
    errors::set_string(exc_ValueError, "iteration value must be greater than 0.");
    return nullptr;
  }
  if (iterations > INT_MAX) {
    errors::set_string(exc_OverflowError, "iteration value is too great.");
    return nullptr;
  }
  long dklen;
  if (!a[4] || a[4] == none()) {
    dklen = EVP_MD_size(digest);
  } else {
    dklen = long_as_long(a[4]);
    if (dklen == -1 && errors::occurred()) return nullptr;
  }
  if (dklen < 1) {
    errors::set_string(exc_ValueError, "key length must be greater than 0.");
    return nullptr;
  }
  if (dklen > INT_MAX) {
    errors::set_string(exc_OverflowError, "key length is too great.");
    return nullptr;
  }
  std::string key(static_cast<size_t>(dklen), '\0');
  if (!PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                         reinterpret_cast<const unsigned char*>(salt.data()),
                         static_cast<int>(salt.size()), static_cast<int>(iterations), digest,
                         static_cast<int>(dklen), reinterpret_cast<unsigned char*>(key.data()))) {
    notify_ssl_error_in("PKCS5_PBKDF2_HMAC");
    return nullptr;
  }
  return bytes_from_string_and_size(key.data(), dklen);
}

// _hashlib_scrypt_impl: scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64).
Object* hashlib_scrypt(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"password", "salt", "n", "r", "p", "maxmem", "dklen",
                                   nullptr};
  static const ArgParser parser = {"scrypt", kw, 1, 1, 4};
  Object* a[7] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  BufferHolder password, salt;
  if (password.get(a[0]) < 0 || salt.get(a[1]) < 0) return nullptr;
  unsigned long long nrp[3];
  for (int i = 0; i < 3; ++i) {
    if (!long_check(a[2 + i])) {
      bad_argument("scrypt", i == 0 ? "'n'" : i == 1 ? "'r'" : "'p'",
                   "int", a[2 + i]);
      return nullptr;
    }
    if (!unsigned_converter(a[2 + i], ~0ULL, "unsigned long", &nrp[i])) return nullptr;
  }
  long maxmem = 0, dklen = 64;
  if (a[5] && (maxmem = long_as_long(a[5])) == -1 && errors::occurred()) return nullptr;
  if (a[6] && (dklen = long_as_long(a[6])) == -1 && errors::occurred()) return nullptr;
  if (password.size() > INT_MAX) {
    errors::set_string(exc_OverflowError, "password is too long.");
    return nullptr;
  }
  if (salt.size() > INT_MAX) {
    errors::set_string(exc_OverflowError, "salt is too long.");
    return nullptr;
  }
  unsigned long long n = nrp[0];
  if (n < 2 || (n & (n - 1))) {
    errors::set_string(exc_ValueError, "n must be a power of 2.");
    return nullptr;
  }
  if (maxmem < 0 || maxmem > INT_MAX) {
    errors::format(exc_ValueError, "maxmem must be positive and smaller than %d", INT_MAX);
    return nullptr;
  }
  if (dklen < 1 || dklen > INT_MAX) {
    errors::format(exc_ValueError, "dklen must be greater than 0 and smaller than %d", INT_MAX);
    return nullptr;
  }
  // OpenSSL checks the combination of the parameters.
  if (!EVP_PBE_scrypt(nullptr, 0, nullptr, 0, n, nrp[1], nrp[2], static_cast<uint64_t>(maxmem),
                      nullptr, 0)) {
    raise_ssl_error(exc_ValueError, "Invalid parameter combination for n, r, p, maxmem.");
    return nullptr;
  }
  std::string key(static_cast<size_t>(dklen), '\0');
  if (!EVP_PBE_scrypt(password.data(), static_cast<size_t>(password.size()),
                      reinterpret_cast<const unsigned char*>(salt.data()),
                      static_cast<size_t>(salt.size()), n, nrp[1], nrp[2],
                      static_cast<uint64_t>(maxmem), reinterpret_cast<unsigned char*>(key.data()),
                      static_cast<size_t>(dklen))) {
    notify_ssl_error_in("EVP_PBE_scrypt");
    return nullptr;
  }
  return bytes_from_string_and_size(key.data(), dklen);
}

// ---- HMAC ----------------------------------------------------------------------------------

struct HmacObject : Object {
  HMAC_CTX* ctx;
};

TypeObject hmac_type{};

// _hashlib_hmac_singleshot_impl: hmac_digest(key, msg, digest).
Object* hmac_digest(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"key", "msg", "digest", nullptr};
  static const ArgParser parser = {"hmac_digest", kw, 3, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  BufferHolder key, msg;
  if (key.get(a[0]) < 0 || msg.get(a[1]) < 0) return nullptr;
  if (key.size() > INT_MAX) {
    errors::set_string(exc_OverflowError, "key is too long.");
    return nullptr;
  }
  if (msg.size() > INT_MAX) {
    errors::set_string(exc_OverflowError, "msg is too long.");
    return nullptr;
  }
  EVP_MD* evp = evp_md(a[2], Purpose::kMac);
  if (!evp) return nullptr;
  unsigned char md[EVP_MAX_MD_SIZE] = {};
  unsigned int md_len = 0;
  unsigned char* result =
      HMAC(evp, key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(msg.data()), static_cast<size_t>(msg.size()),
           md, &md_len);
  EVP_MD_free(evp);
  if (!result) {
    notify_ssl_error_in("HMAC");
    return nullptr;
  }
  return bytes_from_string_and_size(reinterpret_cast<char*>(md), md_len);
}

int hmac_update(HmacObject* self, Object* obj) {
  BufferHolder view;
  if (get_buffer_view(obj, &view) < 0) return -1;
  if (!HMAC_Update(self->ctx, reinterpret_cast<const unsigned char*>(view.data()),
                   static_cast<size_t>(view.size()))) {
    notify_ssl_error_in("HMAC_Update");
    return -1;
  }
  return 0;
}

// _hashlib_hmac_new_impl: hmac_new(key, msg=b'', digestmod=None).
Object* hmac_new(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"key", "msg", "digestmod", nullptr};
  static const ArgParser parser = {"hmac_new", kw, 1, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  BufferHolder key;
  if (key.get(a[0]) < 0) return nullptr;
  if (key.size() > INT_MAX) {
    errors::set_string(exc_OverflowError, "key is too long.");
    return nullptr;
  }
  if (!a[2]) {
    errors::set_string(exc_TypeError, "Missing required parameter 'digestmod'.");
    return nullptr;
  }
  EVP_MD* digest = evp_md(a[2], Purpose::kMac);
  if (!digest) return nullptr;
  HMAC_CTX* ctx = HMAC_CTX_new();
  if (!ctx) {
    EVP_MD_free(digest);
    return errors::no_memory();
  }
  bool xof = (EVP_MD_flags(digest) & EVP_MD_FLAG_XOF) != 0;
  int r = HMAC_Init_ex(ctx, key.data(), static_cast<int>(key.size()), digest, nullptr);
  EVP_MD_free(digest);
  if (!r) {
    HMAC_CTX_free(ctx);
    if (xof) {
      // A better message than OpenSSL's for an XOF.
      Ref<> text = Ref<>::steal(str_from_format("unsupported hash type %S", a[2]));
      if (text) raise_unsupported(text.get());
    } else {
      notify_ssl_error_in("HMAC_Init_ex");
    }
    return nullptr;
  }
  auto* self = static_cast<HmacObject*>(hmac_type.alloc(&hmac_type, 0));
  if (!self) {
    HMAC_CTX_free(ctx);
    return nullptr;
  }
  self->ctx = ctx;
  Ref<> obj = Ref<>::steal(self);
  if (a[1] && a[1] != none() && hmac_update(self, a[1]) < 0) return nullptr;
  return obj.release();
}

void hmac_dealloc(Object* o) {
  auto* self = static_cast<HmacObject*>(o);
  if (self->ctx) HMAC_CTX_free(self->ctx);
  self->type->free(self);
}

const EVP_MD* hmac_md(HmacObject* self) {
  const EVP_MD* md = HMAC_CTX_get_md(self->ctx);
  if (!md) raise_ssl_error(exc_ValueError, "missing EVP_MD for HMAC context");
  return md;
}

Object* HMAC_copy(Object* op, Object*) {
  auto* self = static_cast<HmacObject*>(op);
  HMAC_CTX* ctx = HMAC_CTX_new();
  if (!ctx) return errors::no_memory();
  if (!HMAC_CTX_copy(ctx, self->ctx)) {
    HMAC_CTX_free(ctx);
    notify_ssl_error_in("HMAC_CTX_copy");
    return nullptr;
  }
  auto* copy = static_cast<HmacObject*>(self->type->alloc(self->type, 0));
  if (!copy) {
    HMAC_CTX_free(ctx);
    return nullptr;
  }
  copy->ctx = ctx;
  return copy;
}

Object* HMAC_update(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"msg", nullptr};
  static const ArgParser parser = {"update", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (hmac_update(static_cast<HmacObject*>(op), a[0]) < 0) return nullptr;
  return return_none();
}

// _hmac_digest: the digest of a copy.
int hmac_compute(HmacObject* self, unsigned char* buf, unsigned int* len) {
  const EVP_MD* md = hmac_md(self);
  if (!md) return -1;
  HMAC_CTX* ctx = HMAC_CTX_new();
  if (!ctx) {
    errors::no_memory();
    return -1;
  }
  if (!HMAC_CTX_copy(ctx, self->ctx)) {
    HMAC_CTX_free(ctx);
    notify_ssl_error_in("HMAC_CTX_copy");
    return -1;
  }
  int r = HMAC_Final(ctx, buf, len);
  HMAC_CTX_free(ctx);
  if (!r) {
    notify_ssl_error_in("HMAC_Final");
    return -1;
  }
  return 0;
}

Object* HMAC_digest(Object* op, Object*) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (hmac_compute(static_cast<HmacObject*>(op), digest, &len) < 0) return nullptr;
  return bytes_from_string_and_size(reinterpret_cast<char*>(digest), len);
}

Object* HMAC_hexdigest(Object* op, Object*) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (hmac_compute(static_cast<HmacObject*>(op), digest, &len) < 0) return nullptr;
  return hex_object(digest, len);
}

Object* HMAC_get_digest_size(Object* op, void*) {
  const EVP_MD* md = hmac_md(static_cast<HmacObject*>(op));
  return md ? long_from_long(EVP_MD_size(md)) : nullptr;
}
Object* HMAC_get_block_size(Object* op, void*) {
  const EVP_MD* md = hmac_md(static_cast<HmacObject*>(op));
  return md ? long_from_long(EVP_MD_block_size(md)) : nullptr;
}
Object* HMAC_get_name(Object* op, void*) {
  const EVP_MD* md = hmac_md(static_cast<HmacObject*>(op));
  if (!md) return nullptr;
  const char* name = name_by_nid(EVP_MD_nid(md));
  return name ? str_from_format("hmac-%s", name) : nullptr;
}

Object* HMAC_repr(Object* op) {
  const EVP_MD* md = hmac_md(static_cast<HmacObject*>(op));
  if (!md) return nullptr;
  const char* name = name_by_nid(EVP_MD_nid(md));
  if (!name) return nullptr;
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(op));
  return str_from_format("<%s HMAC object @ %s>", name, addr);
}

// ---- the rest of the module ----------------------------------------------------------------

// _hashlib_get_fips_mode_impl.
Object* get_fips_mode(Object*, Object*) {
  return long_from_long(EVP_default_properties_is_fips_enabled(nullptr));
}

// _tscmp: a comparison whose time depends only on the length of b.
bool tscmp(const unsigned char* a, const unsigned char* b, ssize len_a, ssize len_b) {
  const void* left = a;
  int result = 0;
  if (len_a != len_b) {
    left = b;
    result = 1;
  }
  result |= CRYPTO_memcmp(left, b, static_cast<size_t>(len_b));
  return result == 0;
}

// _hashlib_compare_digest_impl.
Object* compare_digest(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("compare_digest", nargs, 2, 2)) return nullptr;
  Object* a = args[0];
  Object* b = args[1];
  bool rc;
  if (str_check(a) && str_check(b)) {
    if (!str_is_ascii(a) || !str_is_ascii(b)) {
      errors::set_string(exc_TypeError,
                         "comparing strings with non-ASCII characters is not supported");
      return nullptr;
    }
    rc = tscmp(str_1byte(a), str_1byte(b), str_length(a), str_length(b));
  } else {
    if (!object_check_buffer(a) && !object_check_buffer(b)) {
      return errors::format(exc_TypeError,
                            "unsupported operand types(s) or combination of types: "
                            "'%.100s' and '%.100s'",
                            a->type->name, b->type->name);
    }
    BufferHolder va, vb;
    if (va.get(a) < 0) return nullptr;
    if (va.view().ndim > 1) {
      errors::set_string(exc_BufferError, "Buffer must be single dimension");
      return nullptr;
    }
    if (vb.get(b) < 0) return nullptr;
    if (vb.view().ndim > 1) {
      errors::set_string(exc_BufferError, "Buffer must be single dimension");
      return nullptr;
    }
    rc = tscmp(reinterpret_cast<const unsigned char*>(va.data()),
               reinterpret_cast<const unsigned char*>(vb.data()), va.size(), vb.size());
  }
  return new_ref(rc ? py_true() : py_false());
}

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

#define OPENSSL_CTOR(pyname, cname, what)                                                 \
  {"openssl_" pyname, FASTCALL_KW(openssl_constructor<cname>),                            \
   "openssl_" pyname "($module, /, data=b'', *, usedforsecurity=True, string=None)\n--\n\n" \
   "Returns a " what " hash object; optionally initialized with a string\n"}

MethodDef hashlib_methods[] = {
    {"new", FASTCALL_KW(hashlib_new),
     "new($module, /, name, data=b'', *, usedforsecurity=True, string=None)\n--\n\nReturn a "
     "new hash object using the named algorithm.\n\nAn optional string argument may be "
     "provided and will be\nautomatically hashed.\n\nThe MD5 and SHA1 algorithms are always "
     "supported."},
    {"pbkdf2_hmac", FASTCALL_KW(pbkdf2_hmac),
     "pbkdf2_hmac($module, /, hash_name, password, salt, iterations, dklen=None)\n--\n\n"
     "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom "
     "function."},
    {"scrypt", FASTCALL_KW(hashlib_scrypt),
     "scrypt($module, /, password, *, salt, n, r, p, maxmem=0, dklen=64)\n--\n\nscrypt "
     "password-based key derivation function."},
    {"get_fips_mode", NOARGS(get_fips_mode),
     "get_fips_mode($module, /)\n--\n\nDetermine the OpenSSL FIPS mode of operation."},
    {"compare_digest", FASTCALL(compare_digest),
     "compare_digest($module, a, b, /)\n--\n\nReturn 'a == b'."},
    {"hmac_digest", FASTCALL_KW(hmac_digest),
     "hmac_digest($module, /, key, msg, digest)\n--\n\nSingle-shot HMAC."},
    {"hmac_new", FASTCALL_KW(hmac_new),
     "hmac_new($module, /, key, msg=b'', digestmod=None)\n--\n\nReturn a new hmac object."},
    OPENSSL_CTOR("md5", kMd5, "md5"),
    OPENSSL_CTOR("sha1", kSha1, "sha1"),
    OPENSSL_CTOR("sha224", kSha224, "sha224"),
    OPENSSL_CTOR("sha256", kSha256, "sha256"),
    OPENSSL_CTOR("sha384", kSha384, "sha384"),
    OPENSSL_CTOR("sha512", kSha512, "sha512"),
    OPENSSL_CTOR("sha3_224", kSha3_224, "sha3-224"),
    OPENSSL_CTOR("sha3_256", kSha3_256, "sha3-256"),
    OPENSSL_CTOR("sha3_384", kSha3_384, "sha3-384"),
    OPENSSL_CTOR("sha3_512", kSha3_512, "sha3-512"),
    OPENSSL_CTOR("shake_128", kShake128, "shake-128 variable"),
    OPENSSL_CTOR("shake_256", kShake256, "shake-256 variable"),
    {nullptr, nullptr, 0, nullptr}};

MethodDef hash_methods[] = {
    {"copy", NOARGS(HASH_copy), "copy($self, /)\n--\n\nReturn a copy of the hash object."},
    {"digest", NOARGS(HASH_digest),
     "digest($self, /)\n--\n\nReturn the digest value as a bytes object."},
    {"hexdigest", NOARGS(HASH_hexdigest),
     "hexdigest($self, /)\n--\n\nReturn the digest value as a string of hexadecimal digits."},
    {"update", METH_O(HASH_update),
     "update($self, obj, /)\n--\n\nUpdate this hash object's state with the provided string."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef hash_getset[] = {
    {"digest_size", HASH_get_digest_size, nullptr, nullptr, nullptr},
    {"block_size", HASH_get_block_size, nullptr, nullptr, nullptr},
    {"name", HASH_get_name, nullptr, "algorithm name.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef hashxof_methods[] = {
    {"digest", FASTCALL_KW(HASHXOF_digest),
     "digest($self, /, length)\n--\n\nReturn the digest value as a bytes object."},
    {"hexdigest", FASTCALL_KW(HASHXOF_hexdigest),
     "hexdigest($self, /, length)\n--\n\nReturn the digest value as a string of hexadecimal "
     "digits."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef hashxof_getset[] = {
    {"digest_size", HASHXOF_get_digest_size, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef hmac_methods[] = {
    {"update", FASTCALL_KW(HMAC_update),
     "update($self, /, msg)\n--\n\nUpdate the HMAC object with msg."},
    {"digest", NOARGS(HMAC_digest),
     "digest($self, /)\n--\n\nReturn the digest of the bytes passed to the update() method so "
     "far."},
    {"hexdigest", NOARGS(HMAC_hexdigest),
     "hexdigest($self, /)\n--\n\nReturn hexadecimal digest of the bytes passed to the update() "
     "method so far."},
    {"copy", NOARGS(HMAC_copy),
     "copy($self, /)\n--\n\nReturn a copy (\"clone\") of the HMAC object."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef hmac_getset[] = {
    {"digest_size", HMAC_get_digest_size, nullptr, nullptr, nullptr},
    {"block_size", HMAC_get_block_size, nullptr, nullptr, nullptr},
    {"name", HMAC_get_name, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

int ready_types() {
  if (hash_type.name) return 0;
  constexpr unsigned long kFlags = kTpflagsDisallowInstantiation | kTpflagsImmutabletype;
  {
    TypeObject t = static_type("_hashlib.HASH", sizeof(HashObject), 0, kFlags | kTpflagsBasetype);
    t.doc = "HASH(name, string=b'')\n--\n\nA hash is an object used to calculate a checksum "
            "of a string of information.";
    t.dealloc = hash_dealloc;
    t.repr = HASH_repr;
    t.methods = hash_methods;
    t.getset = hash_getset;
    t.getattro = object_generic_getattr;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    hash_type = t;
  }
  if (type_ready(&hash_type) < 0) return -1;
  {
    TypeObject t =
        static_type("_hashlib.HASHXOF", sizeof(HashObject), 0, kFlags | kTpflagsBasetype);
    t.doc = "HASHXOF(name, string=b'')\n--\n\nA hash is an object used to calculate a "
            "checksum of a string of information.";
    t.base = &hash_type;
    t.dealloc = hash_dealloc;
    t.methods = hashxof_methods;
    t.getset = hashxof_getset;
    t.getattro = object_generic_getattr;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    hashxof_type = t;
  }
  {
    TypeObject t = static_type("_hashlib.HMAC", sizeof(HmacObject), 0, kFlags);
    t.doc = "The object used to calculate HMAC of a message.";
    t.dealloc = hmac_dealloc;
    t.repr = HMAC_repr;
    t.methods = hmac_methods;
    t.getset = hmac_getset;
    t.getattro = object_generic_getattr;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    hmac_type = t;
  }
  if (type_ready(&hashxof_type) < 0 || type_ready(&hmac_type) < 0) return -1;
  return 0;
}

// hashlib_md_meth_names: every digest OpenSSL's providers offer, by Python's names.
struct NameMapperState {
  Object* set;
  bool error;
};
void name_mapper(EVP_MD* md, void* arg) {
  auto* state = static_cast<NameMapperState*>(arg);
  if (!md || EVP_MD_nid(md) == NID_undef || state->error) return;
  const char* name = name_by_nid(EVP_MD_nid(md));
  Ref<> py_name = Ref<>::steal(name ? str_from_cstr(name) : nullptr);
  if (!py_name || set_add(state->set, py_name.get()) < 0) state->error = true;
}

int hashlib_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (module_add_object_ref(m, "HASH", &hash_type) < 0 ||
      module_add_object_ref(m, "HASHXOF", &hashxof_type) < 0 ||
      module_add_object_ref(m, "HMAC", &hmac_type) < 0) {
    return -1;
  }
  NameMapperState state = {frozenset_new(nullptr), false};
  if (!state.set) return -1;
  Ref<> names = Ref<>::steal(state.set);
  EVP_MD_do_all_provided(nullptr, name_mapper, &state);
  if (state.error) return -1;
  if (module_add_object_ref(m, "openssl_md_meth_names", names.get()) < 0) return -1;
  // hashlib_init_constructors: {openssl_sha256: "sha256", ...} behind a mappingproxy.
  Ref<> dict = Ref<>::steal(dict_new());
  if (!dict) return -1;
  for (MethodDef* f = hashlib_methods; f->name; ++f) {
    if (std::strncmp(f->name, "openssl_", 8) != 0) continue;
    Ref<> name = Ref<>::steal(str_from_cstr(f->name + 8));
    Ref<> func = Ref<>::steal(object_getattr_string(m, f->name));
    if (!name || !func || dict_set_item(dict.get(), func.get(), name.get()) < 0) return -1;
  }
  xdecref(constructs);
  constructs = new_ref(dict.get());
  Ref<> proxy = Ref<>::steal(dictproxy_new(dict.get()));
  if (!proxy || module_add_object_ref(m, "_constructors", proxy.get()) < 0) return -1;
  if (!unsupported_digestmod_error) {
    unsupported_digestmod_error =
        new_exception("_hashlib.UnsupportedDigestmodError", exc_ValueError, nullptr);
    if (!unsupported_digestmod_error) return -1;
  }
  if (module_add_object_ref(m, "UnsupportedDigestmodError", unsupported_digestmod_error) < 0) {
    return -1;
  }
  Ref<> gil_minsize = Ref<>::steal(long_from_long(2048));
  if (!gil_minsize || module_add_object_ref(m, "_GIL_MINSIZE", gil_minsize.get()) < 0) return -1;
  return 0;
}

ModuleDef hashlib_def = {"_hashlib", "OpenSSL interface for hashlib module", hashlib_methods,
                         hashlib_exec};

}  // namespace

ModuleDef* module_def() { return &hashlib_def; }

}  // namespace cppy::modules::_hashlib
