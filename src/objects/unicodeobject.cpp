// str: the core of Objects/unicodeobject.c (creation, UTF-8, interning, comparison, hashing,
// repr, indexing, PyUnicode_FromFormat, the writer) and the str type object.
#include "objects/unicodeobject.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <new>

#include "errors/errors.h"
#include "gc/gc.h"
#include "hash/hash.h"
#include "objects/text_support.h"

namespace cppy::objects {

void str_fill_type_methods(TypeObject* t, MappingMethods* mapping);

Object* g_latin1[256] = {};

namespace {

// ---------------------------------------------------------------------------------------
// Memory.

// The object allocator: its pools serve the writer's short buffers and UTF-8 caches, and it
// hands larger requests to malloc.
void* raw_alloc(size_t n) { return gc::mem_malloc(n); }
void raw_free(void* p) { gc::mem_free(p); }

// The single-character cache (LATIN1 in unicodeobject.c) and the empty string; both are
// statically shaped compact strings made immortal by str_init.
Object* g_empty = nullptr;

// ---------------------------------------------------------------------------------------
// Interned strings: a set keyed by content (the interned dict of CPython), open addressing
// over the strings' cached hashes (the compiler interns every name and constant string).
class InternSet {
 public:
  Object* find(Object* s) const {
    if (!slots_) return nullptr;
    hash_t h = str_hash(s);
    for (size_t i = size_t(h) & mask_;; i = (i + 1) & mask_) {
      const Slot& e = slots_[i];
      if (!e.str) return nullptr;
      // The hash beside the pointer: a mismatch costs no visit to the other string.
      if (e.hash == h && (e.str == s || str_equal(e.str, s))) return e.str;
    }
  }
  // s is not in the set and its hash is computed.
  void insert(Object* s) {
    if ((used_ + 1) * 3 >= (mask_ + 1) * 2) grow();
    place(slots_, mask_, s, as_ascii(s)->hash);
    ++used_;
  }
  size_t size() const { return used_; }
  // Recomputes every member's hash (with the current hash key) and places them again.
  void rehash() {
    if (!slots_) return;
    size_t cap = mask_ + 1;
    auto* fresh = static_cast<Slot*>(std::calloc(cap, sizeof(Slot)));
    if (!fresh) std::abort();
    for (size_t i = 0; i <= mask_; ++i) {
      Object* str = slots_[i].str;
      if (!str) continue;
      as_ascii(str)->hash = -1;
      place(fresh, mask_, str, str_hash(str));
    }
    std::free(slots_);
    slots_ = fresh;
  }

 private:
  struct Slot {
    hash_t hash;
    Object* str;
  };
  static void place(Slot* slots, size_t mask, Object* s, hash_t h) {
    size_t i = size_t(h) & mask;
    while (slots[i].str) i = (i + 1) & mask;
    slots[i] = {h, s};
  }
  void grow() {
    size_t cap = slots_ ? (mask_ + 1) * 2 : 4096;
    auto* fresh = static_cast<Slot*>(std::calloc(cap, sizeof(Slot)));
    if (!fresh) std::abort();
    for (size_t i = 0; slots_ && i <= mask_; ++i)
      if (slots_[i].str) place(fresh, cap - 1, slots_[i].str, slots_[i].hash);
    std::free(slots_);
    slots_ = fresh;
    mask_ = cap - 1;
  }
  Slot* slots_ = nullptr;
  size_t mask_ = 0;
  size_t used_ = 0;
};
InternSet* g_interned = nullptr;

void unicode_dealloc(Object* o) {
  AsciiObject* a = as_ascii(o);
  // Interned strings are immortal here, the caches too: only plain strings reach this.
  if (!a->state.ascii) {
    auto* c = static_cast<CompactUnicodeObject*>(a);
    if (c->utf8) raw_free(c->utf8);
  }
  if (!a->state.compact) raw_free(static_cast<UnicodeObject*>(a)->data);
  // Subclass instances come from their type's allocator (tp_free).
  if (o->type == &str_type || !o->type->free)
    gc::object_free(o);
  else
    o->type->free(o);
}

// Copies n characters of one kind into a buffer of another (widening or, when the caller
// knows the characters fit, narrowing): _PyUnicode_FastCopyCharacters' conversion loops.
void convert_chars(unsigned to_kind, void* to, unsigned from_kind, const void* from, ssize n) {
  if (to_kind == from_kind) {
    std::memcpy(to, from, static_cast<size_t>(n) * to_kind);
    return;
  }
  for (ssize i = 0; i < n; i++) str_write(to_kind, to, i, str_read(from_kind, from, i));
}

UCS4 find_max_raw(unsigned kind, const void* data, ssize n) {
  UCS4 m = 0;
  if (kind == kKind1) {
    const UCS1* p = static_cast<const UCS1*>(data);
    for (ssize i = 0; i < n; i++) m |= p[i];
    return m >= 0x80 ? 0xff : 0x7f;  // the kind decides; exact value not needed beyond class
  }
  for (ssize i = 0; i < n; i++) {
    UCS4 c = str_read(kind, data, i);
    if (c > m) m = c;
  }
  return m;
}

// A new compact string holding data (n chars of kind) narrowed to the smallest kind.
Object* str_from_raw(unsigned kind, const void* data, ssize n) {
  if (n == 0) return new_ref(g_empty);
  if (n == 1) return str_from_char(str_read(kind, data, 0));
  UCS4 maxchar;
  if (kind == kKind1) {
    const UCS1* p = static_cast<const UCS1*>(data);
    UCS1 acc = 0;
    for (ssize i = 0; i < n; i++) acc |= p[i];
    maxchar = acc;
  } else {
    maxchar = 0;
    for (ssize i = 0; i < n; i++) {
      UCS4 c = str_read(kind, data, i);
      if (c > maxchar) maxchar = c;
    }
  }
  Object* s = str_new(n, maxchar);
  if (!s) return nullptr;
  convert_chars(str_kind(s), str_data(s), kind, data, n);
  return s;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Creation.

namespace {

// PyUnicode_New's compact ASCII case on its own (size >= 0): the most frequent allocation of
// text, with no kind to choose.
inline Object* new_ascii(ssize size) {
  if (static_cast<size_t>(size) > PTRDIFF_MAX - sizeof(AsciiObject) - 1)
    return errors::no_memory();
  void* mem = gc::object_malloc(sizeof(AsciiObject) + static_cast<size_t>(size) + 1);
  if (!mem) return errors::no_memory();
  auto* a = static_cast<AsciiObject*>(mem);
  a->refcnt = 1;
  a->type = &str_type;
  a->length = size;
  a->hash = -1;
  StrState st{};
  st.kind = kKind1;
  st.compact = 1;
  st.ascii = 1;
  a->state = st;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  reinterpret_cast<char*>(a + 1)[size] = 0;
  return a;
}

}  // namespace

// PyUnicode_New.
Object* str_new(ssize size, UCS4 maxchar) {
  if (size == 0 && g_empty) return new_ref(g_empty);
  if (size < 0) {
    errors::set_string(exc_SystemError, "Negative size passed to PyUnicode_New");
    return nullptr;
  }
  if (maxchar < 128) return new_ascii(size);
  unsigned kind;
  bool is_ascii = false;
  size_t struct_size;
  if (maxchar < 128) {
    kind = kKind1;
    is_ascii = true;
    struct_size = sizeof(AsciiObject);
  } else {
    struct_size = sizeof(CompactUnicodeObject);
    if (maxchar < 256)
      kind = kKind1;
    else if (maxchar < 0x10000)
      kind = kKind2;
    else {
      if (maxchar > kMaxUnicode) {
        errors::set_string(exc_SystemError,
                           "invalid maximum character passed to PyUnicode_New");
        return nullptr;
      }
      kind = kKind4;
    }
  }
  if (static_cast<size_t>(size) > (PTRDIFF_MAX - struct_size) / kind - 1)
    return errors::no_memory();
  size_t total = struct_size + (static_cast<size_t>(size) + 1) * kind;
  void* mem = gc::object_malloc(total);
  if (!mem) return errors::no_memory();
  auto* a = static_cast<AsciiObject*>(mem);
  a->refcnt = 1;
  a->type = &str_type;
  a->length = size;
  a->hash = -1;
  std::memset(&a->state, 0, sizeof a->state);
  a->state.kind = kind;
  a->state.compact = 1;
  a->state.ascii = is_ascii;
  if (!is_ascii) {
    auto* c = static_cast<CompactUnicodeObject*>(a);
    c->utf8 = nullptr;
    c->utf8_length = 0;
  }
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  // NUL terminator (of the kind's width), as CPython keeps one.
  str_write(kind, str_data(a), size, 0);
  return a;
}

Object* str_empty() { return g_empty; }

Object* str_from_char(UCS4 ch) {
  if (ch < 256) return new_ref(g_latin1[ch]);
  Object* s = str_new(1, ch);
  if (!s) return nullptr;
  str_write(str_kind(s), str_data(s), 0, ch);
  return s;
}

// PyUnicode_FromOrdinal.
Object* str_from_ordinal(UCS4 ch) {
  if (ch > kMaxUnicode) {
    errors::set_string(exc_ValueError, "chr() arg not in range(0x110000)");
    return nullptr;
  }
  return str_from_char(ch);
}

Object* str_from_ascii(const char* s, ssize n) {
  if (n == 1) return new_ref(g_latin1[static_cast<UCS1>(s[0])]);
  Object* r = n == 0 ? str_new(0, 127) : new_ascii(n);
  if (!r) return nullptr;
  std::memcpy(as_ascii(r) + 1, s, static_cast<size_t>(n));
  return r;
}

Object* str_from_latin1(const UCS1* s, ssize n) { return str_from_raw(kKind1, s, n); }

Object* str_from_kind_and_data(unsigned kind, const void* data, ssize n) {
  if (n < 0) {
    errors::set_string(exc_ValueError, "size must be positive");
    return nullptr;
  }
  if (kind != kKind1 && kind != kKind2 && kind != kKind4) {
    errors::set_string(exc_SystemError, "invalid kind");
    return nullptr;
  }
  if (kind == kKind4) {
    const UCS4* p = static_cast<const UCS4*>(data);
    for (ssize i = 0; i < n; i++) {
      if (p[i] > kMaxUnicode) {
        errors::format(exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                       static_cast<unsigned>(p[i]));
        return nullptr;
      }
    }
  }
  return str_from_raw(kind, data, n);
}

// ---------------------------------------------------------------------------------------
// UTF-8 decoding (unicode_decode_utf8 and the error paths of its helpers).

namespace {

inline bool is_cont(UCS1 c) { return c >= 0x80 && c < 0xC0; }

// Decodes one UTF-8 sequence at s[0..): on success returns its length and the character;
// otherwise 0 with *err_end (bytes covered by the error, from s) and *reason set.
// Mirrors the validity rules of ucs4lib utf8_decode, including which bytes an invalid
// continuation covers and when "unexpected end of data" is reported.
int utf8_step(const UCS1* s, const UCS1* end, UCS4* out, ssize* err_len, const char** reason) {
  UCS1 ch = s[0];
  if (ch < 0x80) {
    *out = ch;
    return 1;
  }
  auto invalid = [&](ssize n, const char* why) {
    *err_len = n;
    *reason = why;
    return 0;
  };
  if (ch < 0xC2) return invalid(1, "invalid start byte");
  if (ch < 0xE0) {
    if (end - s < 2) return invalid(end - s, "unexpected end of data");
    if (!is_cont(s[1])) return invalid(1, "invalid continuation byte");
    *out = (UCS4(ch & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (ch < 0xF0) {
    if (end - s < 3) {
      if (end - s < 2) return invalid(end - s, "unexpected end of data");
      UCS1 c2 = s[1];
      if (!is_cont(c2) || (c2 < 0xA0 ? ch == 0xE0 : ch == 0xED))
        return invalid(1, "invalid continuation byte");
      return invalid(end - s, "unexpected end of data");
    }
    UCS1 c2 = s[1], c3 = s[2];
    if (!is_cont(c2)) return invalid(1, "invalid continuation byte");
    if (ch == 0xE0) {
      if (c2 < 0xA0) return invalid(1, "invalid continuation byte");
    } else if (ch == 0xED && c2 >= 0xA0) {
      // A surrogate: invalid in strict UTF-8.
      return invalid(1, "invalid continuation byte");
    }
    if (!is_cont(c3)) return invalid(2, "invalid continuation byte");
    *out = (UCS4(ch & 0x0F) << 12) | (UCS4(c2 & 0x3F) << 6) | (c3 & 0x3F);
    return 3;
  }
  if (ch < 0xF5) {
    if (end - s < 4) {
      if (end - s < 2) return invalid(end - s, "unexpected end of data");
      UCS1 c2 = s[1];
      if (!is_cont(c2) || (c2 < 0x90 ? ch == 0xF0 : ch == 0xF4))
        return invalid(1, "invalid continuation byte");
      if (end - s < 3) return invalid(end - s, "unexpected end of data");
      if (!is_cont(s[2])) return invalid(2, "invalid continuation byte");
      return invalid(end - s, "unexpected end of data");
    }
    UCS1 c2 = s[1], c3 = s[2], c4 = s[3];
    if (!is_cont(c2)) return invalid(1, "invalid continuation byte");
    if (ch == 0xF0) {
      if (c2 < 0x90) return invalid(1, "invalid continuation byte");
    } else if (ch == 0xF4 && c2 >= 0x90) {
      return invalid(1, "invalid continuation byte");
    }
    if (!is_cont(c3)) return invalid(2, "invalid continuation byte");
    if (!is_cont(c4)) return invalid(3, "invalid continuation byte");
    *out = (UCS4(ch & 0x07) << 18) | (UCS4(c2 & 0x3F) << 12) | (UCS4(c3 & 0x3F) << 6) |
           (c4 & 0x3F);
    return 4;
  }
  return invalid(1, "invalid start byte");
}

enum class ErrorHandler { Strict, Replace, Ignore, SurrogateEscape, SurrogatePass,
                          BackslashReplace, Unknown };

ErrorHandler parse_errors(const char* errors) {
  if (!errors || std::strcmp(errors, "strict") == 0) return ErrorHandler::Strict;
  if (std::strcmp(errors, "replace") == 0) return ErrorHandler::Replace;
  if (std::strcmp(errors, "ignore") == 0) return ErrorHandler::Ignore;
  if (std::strcmp(errors, "surrogateescape") == 0) return ErrorHandler::SurrogateEscape;
  if (std::strcmp(errors, "surrogatepass") == 0) return ErrorHandler::SurrogatePass;
  if (std::strcmp(errors, "backslashreplace") == 0) return ErrorHandler::BackslashReplace;
  return ErrorHandler::Unknown;
}

}  // namespace

Object* str_decode_utf8(const char* str, ssize n, const char* errors, ssize* consumed) {
  const UCS1* s = reinterpret_cast<const UCS1*>(str);
  const UCS1* end = s + n;
  // Fast path: pure ASCII.
  {
    ssize i = 0;
    while (i < n && s[i] < 0x80) i++;
    if (i == n) {
      if (consumed) *consumed = n;
      if (n == 0) return new_ref(g_empty);
      return str_from_ascii(str, n);
    }
  }
  ErrorHandler eh = parse_errors(errors);
  StrWriter w;
  if (w.reserve(n, 0x7f) < 0) return nullptr;
  const UCS1* p = s;
  while (p < end) {
    UCS4 ch;
    ssize errlen = 0;
    const char* reason = nullptr;
    int k = utf8_step(p, end, &ch, &errlen, &reason);
    if (k > 0) {
      if (w.write_char(ch) < 0) return nullptr;
      p += k;
      continue;
    }
    if (consumed && std::strcmp(reason, "unexpected end of data") == 0) break;
    // A surrogate encoded in three bytes, allowed by surrogatepass.
    if (eh == ErrorHandler::SurrogatePass && end - p >= 3 && p[0] == 0xED && is_cont(p[1]) &&
        p[1] >= 0xA0 && is_cont(p[2])) {
      UCS4 c = (UCS4(p[0] & 0x0F) << 12) | (UCS4(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (w.write_char(c) < 0) return nullptr;
      p += 3;
      continue;
    }
    ssize start = p - s;
    switch (eh) {
      case ErrorHandler::Replace:
        if (w.write_char(0xFFFD) < 0) return nullptr;
        break;
      case ErrorHandler::Ignore:
        break;
      case ErrorHandler::SurrogateEscape:
        for (ssize i = 0; i < errlen; i++) {
          UCS1 b = p[i];
          if (b < 128) goto strict;  // surrogateescape never escapes ASCII bytes
          if (w.write_char(0xDC00 + b) < 0) return nullptr;
        }
        break;
      case ErrorHandler::BackslashReplace:
        for (ssize i = 0; i < errlen; i++) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", p[i]);
          if (w.write_ascii(buf, 4) < 0) return nullptr;
        }
        break;
      case ErrorHandler::Unknown:
        if (!is_known_error_handler(errors)) {
          errors::format(exc_LookupError, "unknown error handler name '%s'", errors);
          return nullptr;
        }
        [[fallthrough]];
      default:
      strict:
        set_unicode_decode_error("utf-8", str, n, start, start + errlen, reason);
        return nullptr;
    }
    p += errlen;
  }
  if (consumed) *consumed = p - s;
  return w.finish();
}

Object* str_from_utf8(const char* s, ssize n) {
  if (n < 0) {
    errors::set_string(exc_SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
    return nullptr;
  }
  if (n == 1 && static_cast<UCS1>(s[0]) < 128) return new_ref(g_latin1[static_cast<UCS1>(s[0])]);
  return str_decode_utf8(s, n, nullptr, nullptr);
}

Object* str_from_cstr(const char* s) {
  return str_from_utf8(s, static_cast<ssize>(std::strlen(s)));
}

// ---------------------------------------------------------------------------------------
// UTF-8 encoding (unicode_fill_utf8 / PyUnicode_AsUTF8AndSize).

namespace {

// Appends the UTF-8 form of s to out; returns the index of the first lone surrogate or -1.
ssize encode_utf8_into(Object* s, std::string& out) {
  unsigned kind = str_kind(s);
  const void* data = str_data(s);
  ssize n = str_length(s);
  out.reserve(out.size() + static_cast<size_t>(n) * (kind == kKind1 ? 2 : kind == kKind2 ? 3 : 4));
  for (ssize i = 0; i < n; i++) {
    UCS4 ch = str_read(kind, data, i);
    if (ch < 0x80) {
      out.push_back(static_cast<char>(ch));
    } else if (ch < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (ch >> 6)));
      out.push_back(static_cast<char>(0x80 | (ch & 0x3F)));
    } else if (ch < 0x10000) {
      if (ch >= 0xD800 && ch <= 0xDFFF) return i;
      out.push_back(static_cast<char>(0xE0 | (ch >> 12)));
      out.push_back(static_cast<char>(0x80 | ((ch >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (ch & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (ch >> 18)));
      out.push_back(static_cast<char>(0x80 | ((ch >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((ch >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (ch & 0x3F)));
    }
  }
  return -1;
}

}  // namespace

const char* str_as_utf8(Object* s, ssize* size) {
  if (!str_check(s)) {
    errors::bad_internal_call();
    if (size) *size = -1;
    return nullptr;
  }
  AsciiObject* a = as_ascii(s);
  if (a->state.ascii) {
    if (size) *size = a->length;
    return static_cast<const char*>(str_data(s));
  }
  auto* c = static_cast<CompactUnicodeObject*>(a);
  if (!c->utf8) {
    std::string out;
    ssize bad = encode_utf8_into(s, out);
    if (bad >= 0) {
      ssize e = bad + 1;
      while (e < a->length) {
        UCS4 ch = str_read_char(s, e);
        if (ch < 0xD800 || ch > 0xDFFF) break;
        e++;
      }
      set_unicode_encode_error("utf-8", s, bad, e, "surrogates not allowed");
      if (size) *size = -1;
      return nullptr;
    }
    char* buf = static_cast<char*>(raw_alloc(out.size() + 1));
    if (!buf) {
      errors::no_memory();
      return nullptr;
    }
    std::memcpy(buf, out.data(), out.size());
    buf[out.size()] = 0;
    c->utf8 = buf;
    c->utf8_length = static_cast<ssize>(out.size());
  }
  if (size) *size = c->utf8_length;
  return c->utf8;
}

// ---------------------------------------------------------------------------------------
// Interning.

namespace {

void intern_immortal(Object** p) {
  Object* s = *p;
  if (as_ascii(s)->state.interned) return;
  if (Object* t = g_interned->find(s)) {
    incref(t);
    xsetref(*p, t);
    return;
  }
  // The interned object takes the string itself; it becomes immortal (CPython 3.14 makes
  // interned strings immortal in the main interpreter except for sys.intern's mortal ones).
  str_hash(s);
  g_interned->insert(s);
  as_ascii(s)->state.interned = kInternedImmortal;
  make_immortal(s);
}

}  // namespace

void str_intern_in_place(Object** p) {
  Object* s = *p;
  if (!s || !str_check_exact(s)) return;
  intern_immortal(p);
}

Object* str_intern_from_cstr(const char* c) {
  Object* s = str_from_cstr(c);
  if (!s) return nullptr;
  str_intern_in_place(&s);
  return s;
}

ssize str_interned_count() { return static_cast<ssize>(g_interned->size()); }

void str_rehash_interned() { g_interned->rehash(); }

// ---------------------------------------------------------------------------------------
// Comparison.

namespace {

int compare_data(Object* a, Object* b) {
  unsigned ka = str_kind(a), kb = str_kind(b);
  const void* da = str_data(a);
  const void* db = str_data(b);
  ssize la = str_length(a), lb = str_length(b);
  ssize n = la < lb ? la : lb;
  if (ka == kKind1 && kb == kKind1) {
    int c = std::memcmp(da, db, static_cast<size_t>(n));
    if (c != 0) return c < 0 ? -1 : 1;
  } else {
    for (ssize i = 0; i < n; i++) {
      UCS4 x = str_read(ka, da, i), y = str_read(kb, db, i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return la < lb ? -1 : la != lb ? 1 : 0;
}

}  // namespace

// unicode_eq / _PyUnicode_Equal.
bool str_equal(Object* a, Object* b) {
  if (a == b) return true;
  if (str_length(a) != str_length(b)) return false;
  if (str_length(a) == 0) return true;
  if (str_kind(a) != str_kind(b)) return false;
  return std::memcmp(str_data(a), str_data(b),
                     static_cast<size_t>(str_length(a)) * str_kind(a)) == 0;
}

int str_compare(Object* a, Object* b) {
  if (a == b) return 0;
  return compare_data(a, b);
}

int str_compare_cstr(Object* s, const char* c) {
  unsigned kind = str_kind(s);
  const void* data = str_data(s);
  ssize n = str_length(s);
  ssize i = 0;
  for (; i < n && c[i]; i++) {
    UCS4 x = str_read(kind, data, i);
    UCS4 y = static_cast<UCS1>(c[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (i < n) return 1;   // s is longer
  if (c[i]) return -1;   // c is longer
  return 0;
}

bool str_equal_cstr(Object* s, const char* c) {
  if (!str_is_ascii(s)) return false;
  size_t n = std::strlen(c);
  return static_cast<size_t>(str_length(s)) == n && std::memcmp(str_data(s), c, n) == 0;
}

// unicode_compare_eq + PyUnicode_RichCompare.
Object* str_richcompare(Object* a, Object* b, int op) {
  if (!str_check(a) || !str_check(b)) return text_not_implemented();
  bool r;
  if (a == b) {
    r = op == kEQ || op == kLE || op == kGE;
  } else if (op == kEQ || op == kNE) {
    r = str_equal(a, b) == (op == kEQ);
  } else {
    int c = compare_data(a, b);
    switch (op) {
      case kLT: r = c < 0; break;
      case kLE: r = c <= 0; break;
      case kGT: r = c > 0; break;
      default: r = c >= 0; break;
    }
  }
  return bool_from_long(r);
}

// ---------------------------------------------------------------------------------------
// Hash.

hash_t str_hash(Object* s) {
  AsciiObject* a = as_ascii(s);
  if (a->hash != -1) return a->hash;
  a->hash = hash::hash_bytes(str_data(s), a->length * static_cast<ssize>(a->state.kind));
  return a->hash;
}

// ---------------------------------------------------------------------------------------
// Concatenation, substrings, searching.

Object* str_concat(Object* left, Object* right) {
  if (!str_check(left)) {
    errors::format(exc_TypeError, "must be str, not %.100s", left->type->name);
    return nullptr;
  }
  if (!str_check(right)) {
    errors::format(exc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                   right->type->name);
    return nullptr;
  }
  if (str_length(left) == 0) return str_check_exact(right) ? new_ref(right) : str_substring(right, 0, str_length(right));
  if (str_length(right) == 0) return str_check_exact(left) ? new_ref(left) : str_substring(left, 0, str_length(left));
  ssize la = str_length(left), lb = str_length(right);
  if (la > PTRDIFF_MAX - lb) {
    errors::set_string(exc_OverflowError, "strings are too large to concat");
    return nullptr;
  }
  UCS4 ma = str_max_char_value(left), mb = str_max_char_value(right);
  Object* r = str_new(la + lb, ma > mb ? ma : mb);
  if (!r) return nullptr;
  unsigned kr = str_kind(r);
  char* d = static_cast<char*>(str_data(r));
  convert_chars(kr, d, str_kind(left), str_data(left), la);
  convert_chars(kr, d + la * kr, str_kind(right), str_data(right), lb);
  return r;
}

// _PyUnicode_JoinArray: one pass for the size, the widest kind and the type check, then one
// allocation and a copy of each piece (memcpy when the kinds agree).
Object* str_join_array(Object* sep, Object* const* items, ssize n) {
  if (n == 0) return new_ref(g_empty);
  if (n == 1 && str_check_exact(items[0])) return new_ref(items[0]);
  ssize seplen = n > 1 && sep ? str_length(sep) : 0;
  UCS4 maxchar = seplen ? str_max_char_value(sep) : 0;
  ssize sz = 0;
  for (ssize i = 0; i < n; i++) {
    Object* item = items[i];
    if (!str_check(item)) {
      errors::format(exc_TypeError, "sequence item %zd: expected str instance, %.80s found", i,
                     item->type->name);
      return nullptr;
    }
    ssize add = str_length(item);
    UCS4 m = str_max_char_value(item);
    if (m > maxchar) maxchar = m;
    if (i != 0) add += seplen;
    if (add > PTRDIFF_MAX - sz) {
      errors::set_string(exc_OverflowError, "join() result is too long for a Python string");
      return nullptr;
    }
    sz += add;
  }
  Object* r = str_new(sz, maxchar);
  if (!r) return nullptr;
  unsigned kr = str_kind(r);
  char* d = static_cast<char*>(str_data(r));
  unsigned sepkind = seplen ? str_kind(sep) : kr;
  const void* sepdata = seplen ? str_data(sep) : nullptr;
  for (ssize i = 0; i < n; i++) {
    if (i && seplen) {
      if (seplen == 1 && kr == kKind1 && sepkind == kKind1)
        *d = *static_cast<const char*>(sepdata);
      else
        convert_chars(kr, d, sepkind, sepdata, seplen);
      d += seplen * kr;
    }
    Object* item = items[i];
    ssize len = str_length(item);
    convert_chars(kr, d, str_kind(item), str_data(item), len);
    d += len * kr;
  }
  return r;
}

void str_append(Object** pleft, Object* right) {
  Object* left = *pleft;
  if (!left) return;
  if (!right) {
    clear(*pleft);
    return;
  }
  // unicode_modifiable + resize_compact: nothing else refers to left, so it grows in place
  // (what keeps `s += t` in a loop from copying s every time). ASCII strings only here.
  if (left->refcnt == 1 && str_check_exact(left) && str_check_exact(right) &&
      as_ascii(left)->state.interned == kNotInterned && as_ascii(left)->state.compact &&
      str_is_ascii(left) && str_is_ascii(right) && left != g_empty) {
    ssize la = str_length(left), lb = str_length(right);
    if (lb == 0) return;
    if (la <= PTRDIFF_MAX - lb - ssize(sizeof(AsciiObject)) - 1) {
      void* mem = gc::object_realloc(left, sizeof(AsciiObject) + size_t(la + lb + 1));
      if (!mem) {
        errors::no_memory();
        clear(*pleft);
        return;
      }
      auto* a = static_cast<AsciiObject*>(mem);
      char* d = static_cast<char*>(str_data(a));
      std::memcpy(d + la, str_data(right), size_t(lb));
      d[la + lb] = 0;
      a->length = la + lb;
      a->hash = -1;
      *pleft = a;
      return;
    }
  }
  Object* r = str_concat(left, right);
  xsetref(*pleft, r);
}

Object* str_substring(Object* s, ssize start, ssize end) {
  ssize n = str_length(s);
  if (start < 0) start = 0;
  if (end > n) end = n;
  if (start == 0 && end == n && str_check_exact(s)) return new_ref(s);
  if (start >= end) return new_ref(g_empty);
  unsigned kind = str_kind(s);
  const char* d = static_cast<const char*>(str_data(s)) + start * kind;
  if (str_is_ascii(s)) return str_from_ascii(d, end - start);
  return str_from_raw(kind, d, end - start);
}

ssize str_find_char(Object* s, UCS4 ch, ssize start, ssize end, int direction) {
  ssize n = str_length(s);
  if (start < 0) start = 0;
  if (end > n) end = n;
  if (start >= end) return -1;
  unsigned kind = str_kind(s);
  const void* data = str_data(s);
  if (direction > 0) {
    if (kind == kKind1) {
      if (ch > 0xff) return -1;
      const void* p = std::memchr(static_cast<const UCS1*>(data) + start, static_cast<int>(ch),
                                  static_cast<size_t>(end - start));
      return p ? static_cast<const UCS1*>(p) - static_cast<const UCS1*>(data) : -1;
    }
    for (ssize i = start; i < end; i++)
      if (str_read(kind, data, i) == ch) return i;
  } else {
    for (ssize i = end - 1; i >= start; i--)
      if (str_read(kind, data, i) == ch) return i;
  }
  return -1;
}

UCS4 str_find_max_char(Object* s, ssize start, ssize end) {
  if (start >= end) return 127;
  unsigned kind = str_kind(s);
  if (str_is_ascii(s)) return 127;
  const char* d = static_cast<const char*>(str_data(s)) + start * kind;
  UCS4 m = find_max_raw(kind, d, end - start);
  return m < 128 ? 127 : m;
}

// unicode_repeat.
Object* str_repeat(Object* s, ssize n) {
  if (n < 1) return new_ref(g_empty);
  if (n == 1 && str_check_exact(s)) return new_ref(s);
  ssize len = str_length(s);
  if (len == 0) return new_ref(g_empty);
  if (len > PTRDIFF_MAX / n) {
    errors::set_string(exc_OverflowError, "repeated string is too long");
    return nullptr;
  }
  Object* r = str_new(len * n, str_max_char_value(s));
  if (!r) return nullptr;
  unsigned kind = str_kind(s);
  size_t chunk = static_cast<size_t>(len) * kind;
  char* d = static_cast<char*>(str_data(r));
  if (len == 1 && kind == kKind1) {
    std::memset(d, static_cast<const UCS1*>(str_data(s))[0], static_cast<size_t>(n));
  } else {
    // Doubling copies, as _PyBytes_Repeat does.
    std::memcpy(d, str_data(s), chunk);
    size_t done = chunk, total = chunk * static_cast<size_t>(n);
    while (done < total) {
      size_t c = done < total - done ? done : total - done;
      std::memcpy(d + done, d, c);
      done += c;
    }
  }
  return r;
}

// PyUnicode_Contains.
int str_contains(Object* s, Object* sub) {
  if (!str_check(sub)) {
    errors::format(exc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                   sub->type->name);
    return -1;
  }
  ssize n = str_length(s), m = str_length(sub);
  if (m == 0) return 1;
  if (m > n) return 0;
  if (str_kind(sub) > str_kind(s)) return 0;
  unsigned ks = str_kind(s), kp = str_kind(sub);
  const void* ds = str_data(s);
  const void* dp = str_data(sub);
  if (m == 1) return str_find_char(s, str_read(kp, dp, 0), 0, n, 1) >= 0;
  if (ks == kKind1) {
    std::string_view hay(static_cast<const char*>(ds), static_cast<size_t>(n));
    std::string_view needle(static_cast<const char*>(dp), static_cast<size_t>(m));
    return hay.find(needle) != std::string_view::npos;
  }
  UCS4 first = str_read(kp, dp, 0);
  for (ssize i = 0; i + m <= n; i++) {
    if (str_read(ks, ds, i) != first) continue;
    ssize j = 1;
    while (j < m && str_read(ks, ds, i + j) == str_read(kp, dp, j)) j++;
    if (j == m) return 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------
// Indexing.

Object* str_getitem(Object* s, ssize i) {
  if (i < 0 || i >= str_length(s)) {
    errors::set_string(exc_IndexError, "string index out of range");
    return nullptr;
  }
  return str_from_char(str_read_char(s, i));
}

Object* str_get_slice(Object* s, ssize start, ssize step, ssize slicelength) {
  if (slicelength <= 0) return new_ref(g_empty);
  if (start == 0 && step == 1 && slicelength == str_length(s) && str_check_exact(s))
    return new_ref(s);
  if (step == 1) return str_substring(s, start, start + slicelength);
  unsigned kind = str_kind(s);
  const void* data = str_data(s);
  UCS4 maxchar = 0;
  for (ssize i = 0, cur = start; i < slicelength; i++, cur += step) {
    UCS4 c = str_read(kind, data, cur);
    if (c > maxchar) maxchar = c;
  }
  Object* r = str_new(slicelength, maxchar);
  if (!r) return nullptr;
  unsigned kr = str_kind(r);
  void* dr = str_data(r);
  for (ssize i = 0, cur = start; i < slicelength; i++, cur += step)
    str_write(kr, dr, i, str_read(kind, data, cur));
  return r;
}

// ---------------------------------------------------------------------------------------
// repr (unicode_repr) and the ASCII escape of ascii().

bool ucs_is_printable(UCS4 ch) {
  if (ch < 0x20 || ch == 0x7f) return false;
  if (ch < 0x7f) return true;
  if (ch <= 0xa0 || ch == 0xad) return false;
  if (ch < 0x100) return true;
  return unicode_db_is_printable(ch);
}

namespace {

const char kHex[] = "0123456789abcdef";

int write_escape(StrWriter& w, UCS4 ch) {
  char buf[10];
  int n;
  buf[0] = '\\';
  if (ch < 0x100) {
    buf[1] = 'x';
    buf[2] = kHex[(ch >> 4) & 0xf];
    buf[3] = kHex[ch & 0xf];
    n = 4;
  } else if (ch < 0x10000) {
    buf[1] = 'u';
    for (int i = 0; i < 4; i++) buf[2 + i] = kHex[(ch >> (12 - 4 * i)) & 0xf];
    n = 6;
  } else {
    buf[1] = 'U';
    for (int i = 0; i < 8; i++) buf[2 + i] = kHex[(ch >> (28 - 4 * i)) & 0xf];
    n = 10;
  }
  return w.write_ascii(buf, n);
}

}  // namespace

Object* str_repr(Object* s) {
  ssize n = str_length(s);
  unsigned kind = str_kind(s);
  const void* data = str_data(s);
  // Quote choice: single quotes unless the string holds ' and no ".
  bool has_single = false, has_double = false;
  for (ssize i = 0; i < n; i++) {
    UCS4 c = str_read(kind, data, i);
    if (c == '\'') has_single = true;
    else if (c == '"') has_double = true;
  }
  UCS4 quote = (has_single && !has_double) ? '"' : '\'';
  StrWriter w;
  if (w.reserve(n + 2, str_max_char_value(s)) < 0) return nullptr;
  if (w.write_char(quote) < 0) return nullptr;
  for (ssize i = 0; i < n; i++) {
    UCS4 c = str_read(kind, data, i);
    int r;
    if (c == quote || c == '\\') {
      char b[2] = {'\\', static_cast<char>(c)};
      r = w.write_ascii(b, 2);
    } else if (c == '\t') {
      r = w.write_ascii("\\t", 2);
    } else if (c == '\n') {
      r = w.write_ascii("\\n", 2);
    } else if (c == '\r') {
      r = w.write_ascii("\\r", 2);
    } else if (c < ' ' || c == 0x7f) {
      r = write_escape(w, c);
    } else if (c < 0x7f) {
      r = w.write_char(c);
    } else if (ucs_is_printable(c)) {
      r = w.write_char(c);
    } else {
      r = write_escape(w, c);
    }
    if (r < 0) return nullptr;
  }
  if (w.write_char(quote) < 0) return nullptr;
  return w.finish();
}

Object* str_ascii_escape(Object* repr) {
  if (str_is_ascii(repr)) return new_ref(repr);
  ssize n = str_length(repr);
  unsigned kind = str_kind(repr);
  const void* data = str_data(repr);
  StrWriter w;
  for (ssize i = 0; i < n; i++) {
    UCS4 c = str_read(kind, data, i);
    int r = c < 0x80 ? w.write_char(c) : write_escape(w, c);
    if (r < 0) return nullptr;
  }
  return w.finish();
}

// ---------------------------------------------------------------------------------------
// The writer (_PyUnicodeWriter).

namespace {
// The largest character of the layout PyUnicode_New picks for maxchar.
inline UCS4 layout_max(UCS4 maxchar) {
  return maxchar < 0x80 ? 0x7f : maxchar < 0x100 ? 0xff : maxchar < 0x10000 ? 0xffff : kMaxUnicode;
}
}  // namespace

StrWriter::~StrWriter() { release(); }

void StrWriter::release() {
  if (str_) decref(str_);
  if (readonly_) decref(readonly_);
  readonly_ = nullptr;
  overallocate_ = true;
  str_ = nullptr;
  buf_ = nullptr;
  pos_ = cap_ = 0;
  kind_ = kKind1;
  bufmax_ = maxchar_ = 0;
}

// _PyUnicodeWriter_PrepareInternal: room for need more characters up to maxchar. The same
// layout grows in place (realloc); a wider one is a new str the characters are converted to.
int StrWriter::grow(ssize need, UCS4 maxchar) {
  if (readonly_) {
    // More is written after a kept str: its characters become the start of a buffer
    // (_PyUnicodeWriter_PrepareInternal's readonly case).
    Object* kept = readonly_;
    readonly_ = nullptr;
    ssize n = pos_;
    pos_ = 0;
    UCS4 m = maxchar > maxchar_ ? maxchar : maxchar_;
    int r = grow(n + need, m);
    if (r == 0) {
      convert_chars(kind_, buf_, str_kind(kept), str_data(kept), n);
      pos_ = n;
    }
    decref(kept);
    return r;
  }
  UCS4 new_max = layout_max(maxchar > bufmax_ ? maxchar : bufmax_);
  ssize new_cap = cap_;
  if (pos_ + need > cap_) {
    if (need > PTRDIFF_MAX / 8 - pos_) {
      errors::no_memory();
      return -1;
    }
    new_cap = pos_ + need;
    // Over-allocate by 25% as _PyUnicodeWriter does on Linux.
    new_cap += new_cap / 4;
    if (new_cap < 16) new_cap = 16;
  }
  if (new_max == bufmax_ && new_cap == cap_) return 0;
  if (new_max == bufmax_) {
    size_t header = static_cast<char*>(buf_) - reinterpret_cast<char*>(str_);
    void* mem = gc::object_realloc(str_, header + static_cast<size_t>(new_cap + 1) * kind_);
    if (!mem) {
      errors::no_memory();
      return -1;
    }
    str_ = static_cast<Object*>(mem);
    as_ascii(str_)->length = new_cap;
    buf_ = static_cast<char*>(mem) + header;
    cap_ = new_cap;
    return 0;
  }
  Object* fresh = str_new(new_cap, new_max);
  if (!fresh) return -1;
  unsigned new_kind = str_kind(fresh);
  if (str_) {
    convert_chars(new_kind, str_data(fresh), kind_, buf_, pos_);
    decref(str_);
  }
  str_ = fresh;
  buf_ = str_data(fresh);
  kind_ = new_kind;
  bufmax_ = new_max;
  cap_ = new_cap;
  return 0;
}

int StrWriter::reserve(ssize extra, UCS4 maxchar) {
  if (pos_ + extra <= cap_ && maxchar <= bufmax_) return 0;
  return grow(extra, maxchar);
}

int StrWriter::write_char(UCS4 ch) {
  if (pos_ >= cap_ || ch > bufmax_) {
    if (grow(1, ch) < 0) return -1;
  }
  str_write(kind_, buf_, pos_++, ch);
  if (ch > maxchar_) maxchar_ = ch;
  return 0;
}

int StrWriter::write_ascii(const char* s, ssize n) {
  if (reserve(n, 0x7f) < 0) return -1;
  if (kind_ == kKind1) {
    std::memcpy(static_cast<UCS1*>(buf_) + pos_, s, static_cast<size_t>(n));
  } else {
    for (ssize i = 0; i < n; i++) str_write(kind_, buf_, pos_ + i, static_cast<UCS1>(s[i]));
  }
  pos_ += n;
  if (n && maxchar_ < 0x7f) {
    for (ssize i = 0; i < n; i++)
      if (static_cast<UCS1>(s[i]) > maxchar_) maxchar_ = static_cast<UCS1>(s[i]);
  }
  return 0;
}

int StrWriter::write_ascii(const char* s) { return write_ascii(s, static_cast<ssize>(std::strlen(s))); }

int StrWriter::write_latin1(const UCS1* s, ssize n) {
  UCS1 m = 0;
  for (ssize i = 0; i < n; i++) m = s[i] > m ? s[i] : m;
  if (reserve(n, m) < 0) return -1;
  convert_chars(kind_, static_cast<char*>(buf_) + pos_ * kind_, kKind1, s, n);
  pos_ += n;
  if (m > maxchar_) maxchar_ = m;
  return 0;
}

int StrWriter::write_substr(Object* s, ssize start, ssize end) {
  if (end <= start) return 0;
  ssize n = end - start;
  unsigned k = str_kind(s);
  UCS4 m = str_is_ascii(s) ? 0x7f : str_find_max_char(s, start, end);
  if (!overallocate_ && pos_ == 0 && !str_ && !readonly_ && start == 0 &&
      end == str_length(s)) {
    readonly_ = new_ref(s);  // _PyUnicodeWriter_WriteStr's readonly case
    pos_ = n;
    maxchar_ = m;
    return 0;
  }
  if (reserve(n, m) < 0) return -1;
  convert_chars(kind_, static_cast<char*>(buf_) + pos_ * kind_, k,
                static_cast<const char*>(str_data(s)) + start * k, n);
  pos_ += n;
  if (m > maxchar_) maxchar_ = m;
  return 0;
}

int StrWriter::write_str(Object* s) { return write_substr(s, 0, str_length(s)); }

int StrWriter::write_utf8(const char* s, ssize n, const char* errors) {
  Object* t = str_decode_utf8(s, n, errors, nullptr);
  if (!t) return -1;
  int r = write_str(t);
  decref(t);
  return r;
}

int StrWriter::fill(UCS4 ch, ssize count) {
  if (count <= 0) return 0;
  if (reserve(count, ch) < 0) return -1;
  for (ssize i = 0; i < count; i++) str_write(kind_, buf_, pos_ + i, ch);
  pos_ += count;
  if (ch > maxchar_) maxchar_ = ch;
  return 0;
}

UCS4 StrWriter::char_at(ssize i) const {
  if (readonly_) return str_read_char(readonly_, i);
  return str_read(kind_, buf_, i);
}

void StrWriter::truncate(ssize n) {
  if (n >= pos_) return;
  if (readonly_ && grow(0, 0) < 0) {
    errors::clear();  // no room to copy: keep the longer text rather than fail here
    return;
  }
  pos_ = n;
}

Object* StrWriter::finish() {
  Object* r;
  if (readonly_) {
    r = readonly_;
    readonly_ = nullptr;
    release();
    return r;
  }
  if (pos_ == 0) {
    r = new_ref(g_empty);
  } else if (pos_ == 1) {
    r = str_from_char(str_read(kind_, buf_, 0));
  } else if (layout_max(maxchar_) != bufmax_) {
    // Reserved wider than what was written: the narrowest layout, as PyUnicode_New would.
    r = str_new(pos_, maxchar_);
    if (r) convert_chars(str_kind(r), str_data(r), kind_, buf_, pos_);
  } else {
    // resize_compact: shrink the str to its characters (realloc keeps it in place when
    // the difference is small).
    if (pos_ != cap_) {
      size_t header = static_cast<char*>(buf_) - reinterpret_cast<char*>(str_);
      if (void* mem = gc::object_realloc(str_, header + static_cast<size_t>(pos_ + 1) * kind_)) {
        str_ = static_cast<Object*>(mem);
        buf_ = static_cast<char*>(mem) + header;
      }
    }
    as_ascii(str_)->length = pos_;
    str_write(kind_, buf_, pos_, 0);
    r = str_;
    str_ = nullptr;
  }
  release();
  return r;
}

// ---------------------------------------------------------------------------------------
// PyUnicode_FromFormat (unicode_fromformat_arg and helpers).

namespace {

enum : int { kFmtLjust = 1, kFmtZero = 2, kFmtAlt = 4 };
enum SizeMod { kSzNone, kSzLong, kSzLongLong, kSzSize, kSzPtrdiff, kSzIntmax };

// unicode_fromformat_write_str: s truncated to precision, padded with spaces to width.
int fmt_write_str(StrWriter& w, Object* s, ssize width, ssize precision, int flags) {
  ssize length = str_length(s);
  if ((precision == -1 || precision >= length) && width <= length) return w.write_str(s);
  if (precision != -1 && precision < length) length = precision;
  ssize fill = width > length ? width - length : 0;
  if (fill && !(flags & kFmtLjust) && w.fill(' ', fill) < 0) return -1;
  if (w.write_substr(s, 0, length) < 0) return -1;
  if (fill && (flags & kFmtLjust) && w.fill(' ', fill) < 0) return -1;
  return 0;
}

// unicode_fromformat_write_utf8: decoded with "replace"; a precision cuts before an
// incomplete trailing sequence.
int fmt_write_utf8(StrWriter& w, const char* s, ssize width, ssize precision, int flags) {
  ssize length;
  bool stateful = false;
  if (precision == -1) {
    length = static_cast<ssize>(std::strlen(s));
  } else {
    length = 0;
    while (length < precision && s[length]) length++;
    if (length == precision) stateful = true;
  }
  ssize consumed = 0;
  Object* u = str_decode_utf8(s, length, "replace", stateful ? &consumed : nullptr);
  if (!u) return -1;
  int r = fmt_write_str(w, u, width, -1, flags);
  decref(u);
  return r;
}

int fmt_write_wcs(StrWriter& w, const wchar_t* s, ssize width, ssize precision, int flags) {
  ssize length = 0;
  while ((precision == -1 || length < precision) && s[length]) length++;
  StrWriter t;
  for (ssize i = 0; i < length; i++)
    if (t.write_char(static_cast<UCS4>(s[i])) < 0) return -1;
  Object* u = t.finish();
  if (!u) return -1;
  int r = fmt_write_str(w, u, width, -1, flags);
  decref(u);
  return r;
}

// Steals obj (may be nullptr: error already set).
int fmt_write_owned(StrWriter& w, Object* obj, ssize width, ssize precision, int flags) {
  if (!obj) return -1;
  int r = fmt_write_str(w, obj, width, precision, flags);
  decref(obj);
  return r;
}

const char* fromformat_arg(StrWriter& w, const char* f, va_list* vargs) {
  const char* p = f;
  f++;
  if (*f == '%') {
    if (w.write_char('%') < 0) return nullptr;
    return f + 1;
  }
  int flags = 0;
  for (;;) {
    if (*f == '-') flags |= kFmtLjust;
    else if (*f == '0') flags |= kFmtZero;
    else if (*f == '#') flags |= kFmtAlt;
    else break;
    f++;
  }
  ssize width = -1;
  if (*f == '*') {
    width = va_arg(*vargs, int);
    if (width < 0) {
      flags |= kFmtLjust;
      width = -width;
    }
    f++;
  } else if (*f >= '0' && *f <= '9') {
    width = *f++ - '0';
    while (*f >= '0' && *f <= '9') {
      if (width > (PTRDIFF_MAX - (*f - '0')) / 10) {
        errors::set_string(exc_ValueError, "width too big");
        return nullptr;
      }
      width = width * 10 + (*f++ - '0');
    }
  }
  ssize precision = -1;
  if (*f == '.') {
    f++;
    if (*f == '*') {
      precision = va_arg(*vargs, int);
      if (precision < 0) precision = -2;
      f++;
    } else if (*f >= '0' && *f <= '9') {
      precision = *f++ - '0';
      while (*f >= '0' && *f <= '9') {
        if (precision > (PTRDIFF_MAX - (*f - '0')) / 10) {
          errors::set_string(exc_ValueError, "precision too big");
          return nullptr;
        }
        precision = precision * 10 + (*f++ - '0');
      }
    }
  }
  SizeMod sizemod = kSzNone;
  if (*f == 'l') {
    if (f[1] == 'l') {
      sizemod = kSzLongLong;
      f += 2;
    } else {
      sizemod = kSzLong;
      f++;
    }
  } else if (*f == 'z') {
    sizemod = kSzSize;
    f++;
  } else if (*f == 't') {
    sizemod = kSzPtrdiff;
    f++;
  } else if (*f == 'j') {
    sizemod = kSzIntmax;
    f++;
  }
  bool invalid = false;
  switch (*f) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
      break;
    case 'c': case 'p':
      if (sizemod || width >= 0 || precision >= 0) invalid = true;
      break;
    case 's': case 'V':
      if (sizemod && sizemod != kSzLong) invalid = true;
      break;
    default:
      if (sizemod) invalid = true;
      break;
  }
  if (invalid) {
    errors::format(exc_SystemError, "invalid format string: %s", p);
    return nullptr;
  }
  switch (*f) {
    case 'c': {
      int ordinal = va_arg(*vargs, int);
      if (ordinal < 0 || ordinal > static_cast<int>(kMaxUnicode)) {
        errors::set_string(exc_OverflowError, "character argument not in range(0x110000)");
        return nullptr;
      }
      if (w.write_char(static_cast<UCS4>(ordinal)) < 0) return nullptr;
      break;
    }
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X': {
      char buffer[64];
      char conv = *f == 'i' ? 'd' : *f;
      bool is_signed = conv == 'd';
      int len;
      // Each size modifier reads its own C type, as the C variadic rules require.
      const char* fmt_u = conv == 'o' ? "%llo" : conv == 'x' ? "%llx" : conv == 'X' ? "%llX" : "%llu";
      if (is_signed) {
        long long v;
        switch (sizemod) {
          case kSzLong: v = va_arg(*vargs, long); break;
          case kSzLongLong: v = va_arg(*vargs, long long); break;
          case kSzSize: v = va_arg(*vargs, ssize); break;
          case kSzPtrdiff: v = va_arg(*vargs, ptrdiff_t); break;
          case kSzIntmax: v = va_arg(*vargs, intmax_t); break;
          default: v = va_arg(*vargs, int); break;
        }
        len = std::snprintf(buffer, sizeof buffer, "%lld", v);
      } else {
        unsigned long long v;
        switch (sizemod) {
          case kSzLong: v = va_arg(*vargs, unsigned long); break;
          case kSzLongLong: v = va_arg(*vargs, unsigned long long); break;
          case kSzSize: v = va_arg(*vargs, size_t); break;
          // ptrdiff_t is read signed, then printed through its unsigned pattern (as C does).
          case kSzPtrdiff: v = static_cast<unsigned long long>(static_cast<size_t>(va_arg(*vargs, ptrdiff_t))); break;
          case kSzIntmax: v = va_arg(*vargs, uintmax_t); break;
          default: v = va_arg(*vargs, unsigned int); break;
        }
        len = std::snprintf(buffer, sizeof buffer, fmt_u, v);
      }
      int sign = buffer[0] == '-';
      ssize digits = len - sign;
      ssize prec = precision > digits ? precision : digits;
      ssize wid = width > prec + sign ? width : prec + sign;
      if ((flags & kFmtZero) && !(flags & kFmtLjust)) prec = wid - sign;
      ssize spacepad = wid - prec - sign > 0 ? wid - prec - sign : 0;
      ssize zeropad = prec - digits > 0 ? prec - digits : 0;
      if (spacepad && !(flags & kFmtLjust) && w.fill(' ', spacepad) < 0) return nullptr;
      if (sign && w.write_char('-') < 0) return nullptr;
      if (zeropad && w.fill('0', zeropad) < 0) return nullptr;
      if (w.write_ascii(buffer + sign, digits) < 0) return nullptr;
      if (spacepad && (flags & kFmtLjust) && w.fill(' ', spacepad) < 0) return nullptr;
      break;
    }
    case 'p': {
      char number[64];
      int len = std::snprintf(number, sizeof number, "%p", va_arg(*vargs, void*));
      // %p is ill-defined: ensure a leading 0x.
      if (number[1] == 'X') {
        number[1] = 'x';
      } else if (number[1] != 'x') {
        std::memmove(number + 2, number, static_cast<size_t>(len) + 1);
        number[0] = '0';
        number[1] = 'x';
        len += 2;
      }
      if (w.write_ascii(number, len) < 0) return nullptr;
      break;
    }
    case 's': {
      if (sizemod) {
        const wchar_t* s = va_arg(*vargs, const wchar_t*);
        if (fmt_write_wcs(w, s, width, precision, flags) < 0) return nullptr;
      } else {
        const char* s = va_arg(*vargs, const char*);
        if (fmt_write_utf8(w, s, width, precision, flags) < 0) return nullptr;
      }
      break;
    }
    case 'U': {
      Object* obj = va_arg(*vargs, Object*);
      if (fmt_write_str(w, obj, width, precision, flags) < 0) return nullptr;
      break;
    }
    case 'V': {
      Object* obj = va_arg(*vargs, Object*);
      const char* str = nullptr;
      const wchar_t* wstr = nullptr;
      if (sizemod)
        wstr = va_arg(*vargs, const wchar_t*);
      else
        str = va_arg(*vargs, const char*);
      int r;
      if (obj)
        r = fmt_write_str(w, obj, width, precision, flags);
      else if (sizemod)
        r = fmt_write_wcs(w, wstr, width, precision, flags);
      else
        r = fmt_write_utf8(w, str, width, precision, flags);
      if (r < 0) return nullptr;
      break;
    }
    case 'S': {
      Object* obj = va_arg(*vargs, Object*);
      if (fmt_write_owned(w, object_str(obj), width, precision, flags) < 0) return nullptr;
      break;
    }
    case 'R': {
      Object* obj = va_arg(*vargs, Object*);
      if (fmt_write_owned(w, object_repr(obj), width, precision, flags) < 0) return nullptr;
      break;
    }
    case 'A': {
      Object* obj = va_arg(*vargs, Object*);
      Object* repr = object_repr(obj);
      if (!repr) return nullptr;
      Object* a = str_ascii_escape(repr);
      decref(repr);
      if (fmt_write_owned(w, a, width, precision, flags) < 0) return nullptr;
      break;
    }
    case 'T': {
      Object* obj = va_arg(*vargs, Object*);
      Object* name = type_fully_qualified_name(obj->type, (flags & kFmtAlt) ? ':' : '.');
      if (fmt_write_owned(w, name, width, precision, flags) < 0) return nullptr;
      break;
    }
    case 'N': {
      Object* obj = va_arg(*vargs, Object*);
      if (!type_check(obj, &Type_Type)) {
        errors::set_string(exc_TypeError, "%N argument must be a type");
        return nullptr;
      }
      Object* name = type_fully_qualified_name(static_cast<TypeObject*>(obj),
                                               (flags & kFmtAlt) ? ':' : '.');
      if (fmt_write_owned(w, name, width, precision, flags) < 0) return nullptr;
      break;
    }
    default:
      errors::format(exc_SystemError, "invalid format string: %s", p);
      return nullptr;
  }
  return f + 1;
}

}  // namespace

Object* str_from_format_v(const char* format, va_list vargs) {
  StrWriter w;
  for (const char* q = format; *q; q++) {
    if (static_cast<UCS1>(*q) > 127) {
      errors::format(exc_ValueError,
                     "PyUnicode_FromFormatV() expects an ASCII-encoded format string, got a "
                     "non-ASCII byte: 0x%02x",
                     static_cast<unsigned>(static_cast<UCS1>(*q)));
      return nullptr;
    }
  }
  va_list args;
  va_copy(args, vargs);
  const char* f = format;
  while (*f) {
    if (*f == '%') {
      f = fromformat_arg(w, f, &args);
      if (!f) {
        va_end(args);
        return nullptr;
      }
    } else {
      const char* q = std::strchr(f, '%');
      ssize len = q ? q - f : static_cast<ssize>(std::strlen(f));
      if (w.write_ascii(f, len) < 0) {
        va_end(args);
        return nullptr;
      }
      f += len;
    }
  }
  va_end(args);
  return w.finish();
}

Object* str_from_format(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  Object* r = str_from_format_v(fmt, args);
  va_end(args);
  return r;
}

// ---------------------------------------------------------------------------------------
// The type object.

namespace {

// unicode_str: str(s) is s for exact strings, a copy for subclass instances.
Object* unicode_str(Object* s) {
  if (str_check_exact(s)) return new_ref(s);
  return str_from_raw(str_kind(s), str_data(s), str_length(s));
}

ssize unicode_length(Object* s) { return str_length(s); }

Object* unicode_concat_slot(Object* a, Object* b) { return str_concat(a, b); }

int unicode_contains_slot(Object* s, Object* sub) { return str_contains(s, sub); }

SequenceMethods g_str_as_sequence = {
    unicode_length,         // length
    unicode_concat_slot,    // concat
    str_repeat,             // repeat
    str_getitem,            // item
    nullptr,                // was_slice
    nullptr,                // ass_item
    nullptr,                // was_ass_slice
    unicode_contains_slot,  // contains
    nullptr,                // inplace_concat
    nullptr,                // inplace_repeat
};

MappingMethods g_str_as_mapping = {
    unicode_length,  // length
    nullptr,         // subscript: set by the index/slice support (str_subscript)
    nullptr,
};

const char kStrDoc[] =
    "str(object='') -> str\n"
    "str(bytes_or_buffer[, encoding[, errors]]) -> str\n"
    "\n"
    "Create a new string object from the given object. If encoding or\n"
    "errors is specified, then the object must expose a data buffer\n"
    "that will be decoded using the given encoding and error handler.\n"
    "Otherwise, returns the result of object.__str__() (if defined)\n"
    "or repr(object).\n"
    "encoding defaults to 'utf-8'.\n"
    "errors defaults to 'strict'.";

void init_str_type() {
  TypeObject& t = str_type;
  if (t.name) return;
  t.refcnt = kImmortalRefcnt;
  t.type = &Type_Type;
  t.name = "str";
  t.basicsize = sizeof(UnicodeObject);
  t.itemsize = 0;
  t.dealloc = unicode_dealloc;
  t.repr = str_repr;
  t.as_sequence = &g_str_as_sequence;
  t.as_mapping = &g_str_as_mapping;
  t.hash = str_hash;
  t.str = unicode_str;
  t.flags = kTpflagsDefault | kTpflagsBasetype | kTpflagsUnicodeSubclass | kTpflagsMatchSelf |
            kTpflagsImmutabletype | kTpflagsStaticBuiltin;
  t.doc = kStrDoc;
  t.richcompare = str_richcompare;
  t.base = &BaseObject_Type;
  str_fill_type_methods(&t, &g_str_as_mapping);
}

}  // namespace

TypeObject str_type{};

// unicode_subtype_new's copy: a legacy (non-compact) string of the subclass with its own
// character block.
Object* str_subclass_copy(TypeObject* type, Object* s) {
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  auto* u = static_cast<UnicodeObject*>(o);
  ssize n = str_length(s);
  unsigned kind = str_kind(s);
  u->length = n;
  u->hash = -1;
  std::memset(&u->state, 0, sizeof u->state);
  u->state.kind = kind;
  u->state.compact = 0;
  u->state.ascii = str_is_ascii(s);
  u->utf8_length = 0;
  u->utf8 = nullptr;
  u->data = raw_alloc((static_cast<size_t>(n) + 1) * kind);
  if (!u->data) {
    decref(o);
    return errors::no_memory();
  }
  std::memcpy(u->data, str_data(s), (static_cast<size_t>(n) + 1) * kind);
  return o;
}

// ---------------------------------------------------------------------------------------
// Start-up.

void str_init() {
  if (g_empty) return;
  init_str_type();
  g_interned = new InternSet();
  // The empty string: built directly since str_new returns it once it exists.
  void* mem = raw_alloc(sizeof(AsciiObject) + 1);
  auto* e = static_cast<AsciiObject*>(mem);
  e->refcnt = kImmortalRefcnt;
  e->type = &str_type;
  e->length = 0;
  e->hash = -1;
  std::memset(&e->state, 0, sizeof e->state);
  e->state.kind = kKind1;
  e->state.compact = 1;
  e->state.ascii = 1;
  static_cast<UCS1*>(str_data(e))[0] = 0;
  g_empty = e;
  for (unsigned c = 0; c < 256; c++) {
    Object* s = str_new(1, c);
    str_1byte(s)[0] = static_cast<UCS1>(c);
    make_immortal(s);
    g_latin1[c] = s;
  }
  // The single characters and the empty string are interned in CPython (as statics).
  Object* empty = g_empty;
  intern_immortal(&empty);
  for (unsigned c = 0; c < 128; c++) {
    Object* s = g_latin1[c];
    intern_immortal(&s);
  }
}

namespace {
// Strings are needed before anything runs (type names, interned identifiers): initialise the
// caches during static initialisation of this translation unit.
struct StrInit {
  StrInit() { str_init(); }
} g_str_init;
}  // namespace

}  // namespace cppy::objects
