// A stand-in for str, int and bool while the text objects (unicodeobject.cpp, longobject.cpp,
// boolobject.cpp, owned by another part of the port) are not in the tree: just enough for
// the object core and its tests (UTF-8 storage, machine-word ints). Each part compiles to
// nothing as soon as the real header exists (see text_api.h).
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/text_api.h"

namespace cppy::objects {

namespace fallback {
int init_text();
}

#ifndef CPPY_HAVE_REAL_STR
namespace {

struct FStr : VarObject {
  hash_t hash;
  char data[1];
};

FStr* as_fstr(Object* o) { return static_cast<FStr*>(o); }

// FNV-1a: the real str hashes with SipHash-1-3; only stability within a run matters here.
hash_t fnv(const char* s, ssize n) {
  uint64_t h = 1469598103934665603ULL;
  for (ssize i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 1099511628211ULL;
  hash_t r = static_cast<hash_t>(h);
  return r == -1 ? -2 : r;
}

hash_t fstr_hash(Object* o) {
  FStr* s = as_fstr(o);
  if (s->hash == -1) s->hash = fnv(s->data, s->size);
  return s->hash;
}

void fstr_dealloc(Object* o) { gc::object_free(o); }

Object* fstr_repr(Object* o) {
  FStr* s = as_fstr(o);
  std::string r = "'";
  for (ssize i = 0; i < s->size; ++i) {
    char c = s->data[i];
    if (c == '\'' || c == '\\') r += '\\';
    if (c == '\n') {
      r += "\\n";
      continue;
    }
    r += c;
  }
  r += "'";
  return str_from_utf8(r.data(), ssize(r.size()));
}

Object* fstr_str(Object* o) { return new_ref(o); }

Object* fstr_richcompare(Object* a, Object* b, int op) {
  if (!str_check(a) || !str_check(b)) return return_not_implemented();
  std::string_view x(as_fstr(a)->data, as_fstr(a)->size), y(as_fstr(b)->data, as_fstr(b)->size);
  int c = x.compare(y);
  bool r = false;
  switch (op) {
    case kLT: r = c < 0; break;
    case kLE: r = c <= 0; break;
    case kEQ: r = c == 0; break;
    case kNE: r = c != 0; break;
    case kGT: r = c > 0; break;
    case kGE: r = c >= 0; break;
  }
  return bool_from_long(r);
}

ssize fstr_len(Object* o) { return as_fstr(o)->size; }

Object* fstr_concat(Object* a, Object* b) {
  if (!str_check(b)) {
    return errors::format(exc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                          b->type->name);
  }
  return str_concat(a, b);
}

SequenceMethods fstr_as_sequence = {fstr_len, fstr_concat, nullptr, nullptr, nullptr,
                                    nullptr,  nullptr,     nullptr, nullptr, nullptr};

std::unordered_map<std::string, Object*>& interned() {
  static std::unordered_map<std::string, Object*> m;
  return m;
}

}  // namespace

TypeObject str_type = [] {
  TypeObject t = static_type("str", sizeof(FStr) - 1, 1,
                             kTpflagsBasetype | kTpflagsUnicodeSubclass);
  t.dealloc = fstr_dealloc;
  t.hash = fstr_hash;
  t.repr = fstr_repr;
  t.str = fstr_str;
  t.richcompare = fstr_richcompare;
  t.as_sequence = &fstr_as_sequence;
  t.getattro = object_generic_getattr;
  return t;
}();

Object* str_from_utf8(const char* s, ssize n) {
  auto* o = static_cast<FStr*>(gc::object_malloc(sizeof(FStr) + n));
  if (!o) return errors::no_memory();
  o->refcnt = 1;
  o->type = &str_type;
  o->size = n;
  o->hash = -1;
  if (n) std::memcpy(o->data, s, n);
  o->data[n] = 0;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}

Object* str_from_cstr(const char* s) { return str_from_utf8(s, ssize(std::strlen(s))); }

const char* str_as_utf8(Object* s, ssize* size) {
  if (!str_check(s)) {
    errors::bad_internal_call();
    return nullptr;
  }
  if (size) *size = as_fstr(s)->size;
  return as_fstr(s)->data;
}

Object* str_intern_from_cstr(const char* s) {
  auto& m = interned();
  auto it = m.find(s);
  if (it != m.end()) return new_ref(it->second);
  Object* o = str_from_cstr(s);
  if (!o) return nullptr;
  make_immortal(o);
  m.emplace(s, o);
  return new_ref(o);
}

void str_intern_in_place(Object** p) {
  if (!p || !*p || (*p)->type != &str_type) return;
  FStr* s = as_fstr(*p);
  auto& m = interned();
  std::string key(s->data, s->size);
  auto it = m.find(key);
  if (it != m.end()) {
    xsetref(*p, new_ref(it->second));
    return;
  }
  make_immortal(*p);
  m.emplace(key, *p);
}

bool str_equal(Object* a, Object* b) {
  if (a == b) return true;
  FStr* x = as_fstr(a);
  FStr* y = as_fstr(b);
  return x->size == y->size && std::memcmp(x->data, y->data, x->size) == 0;
}

int str_compare_cstr(Object* s, const char* c) {
  std::string_view x(as_fstr(s)->data, as_fstr(s)->size);
  int r = x.compare(c);
  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

Object* str_concat(Object* a, Object* b) {
  std::string r(as_fstr(a)->data, as_fstr(a)->size);
  r.append(as_fstr(b)->data, as_fstr(b)->size);
  return str_from_utf8(r.data(), ssize(r.size()));
}

namespace {
// Appends the UTF-8 of a str object (or the result of a conversion) to out.
bool append_object(std::string& out, Object* s, ssize precision) {
  if (!s) return false;
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (!p) return false;
  if (precision >= 0 && n > precision) n = precision;
  out.append(p, n);
  return true;
}

// The type's fully qualified name (%T, %N): "module.qualname", or the bare name for builtins.
std::string fq_name(TypeObject* t) {
  Ref<> q = Ref<>::steal(type_get_qualname(t));
  Ref<> m = Ref<>::steal(type_get_module(t));
  errors::clear();
  std::string r;
  if (m && str_check(m.get()) && str_compare_cstr(m.get(), "builtins") != 0 &&
      str_compare_cstr(m.get(), "__main__") != 0) {
    r = str_as_utf8(m.get());
    r += '.';
  }
  r += q && str_check(q.get()) ? str_as_utf8(q.get()) : t->name;
  return r;
}
}  // namespace

Object* str_from_format_v(const char* fmt, va_list va) {
  std::string out;
  for (const char* f = fmt; *f; ++f) {
    if (*f != '%') {
      out += *f;
      continue;
    }
    const char* start = f++;
    bool alt = false;
    while (*f == '-' || *f == '0' || *f == '#') alt |= *f++ == '#';
    int width = -1, precision = -1;
    if (*f == '*') {
      width = va_arg(va, int);
      ++f;
    } else {
      while (*f >= '0' && *f <= '9') width = (width < 0 ? 0 : width * 10) + (*f++ - '0');
    }
    if (*f == '.') {
      ++f;
      precision = 0;
      if (*f == '*') {
        precision = va_arg(va, int);
        ++f;
      } else {
        while (*f >= '0' && *f <= '9') precision = precision * 10 + (*f++ - '0');
      }
    }
    int longs = 0;
    bool size_t_mod = false;
    while (*f == 'l' || *f == 'z' || *f == 't' || *f == 'j') {
      if (*f == 'l') ++longs;
      else size_t_mod = true;
      ++f;
    }
    char buf[64];
    switch (*f) {
      case '%': out += '%'; break;
      case 'c': out += static_cast<char>(va_arg(va, int)); break;
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        std::string spec(start, f + 1);
        if (size_t_mod) {
          spec.erase(spec.size() - 1);
          while (!spec.empty() && (spec.back() == 'z' || spec.back() == 't' || spec.back() == 'j'))
            spec.pop_back();
          spec += "ll";
          spec += *f;
          std::snprintf(buf, sizeof buf, spec.c_str(), static_cast<long long>(va_arg(va, ssize)));
        } else if (longs == 2) {
          std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(va, long long));
        } else if (longs == 1) {
          std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(va, long));
        } else {
          std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(va, int));
        }
        out += buf;
        break;
      }
      case 'p':
        std::snprintf(buf, sizeof buf, "%p", va_arg(va, void*));
        out += buf;
        break;
      case 's': {
        const char* s = va_arg(va, const char*);
        ssize n = ssize(std::strlen(s));
        if (precision >= 0 && n > precision) n = precision;
        out.append(s, n);
        break;
      }
      case 'U': append_object(out, va_arg(va, Object*), precision); break;
      case 'V': {
        Object* o = va_arg(va, Object*);
        const char* s = va_arg(va, const char*);
        if (o) append_object(out, o, precision);
        else out += s;
        break;
      }
      case 'S': case 'R': case 'A': {
        Object* o = va_arg(va, Object*);
        Ref<> r = Ref<>::steal(*f == 'S' ? object_str(o) : object_repr(o));
        if (!append_object(out, r.get(), precision)) return nullptr;
        break;
      }
      case 'T': {
        Object* o = va_arg(va, Object*);
        out += alt ? fq_name(o->type) : fq_name(o->type);
        break;
      }
      case 'N': out += fq_name(static_cast<TypeObject*>(va_arg(va, Object*))); break;
      default:
        out.append(start, f + 1);
        break;
    }
    (void)width;
  }
  return str_from_utf8(out.data(), ssize(out.size()));
}

Object* str_from_format(const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  Object* r = str_from_format_v(fmt, va);
  va_end(va);
  return r;
}
#endif  // CPPY_HAVE_REAL_STR

#ifndef CPPY_HAVE_REAL_LONG
namespace {
struct FInt : Object {
  long value;
};
long fint_value(Object* o) { return static_cast<FInt*>(o)->value; }
void fint_dealloc(Object* o) { gc::object_free(o); }
Object* fint_repr(Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld", fint_value(o));
  return str_from_cstr(buf);
}
hash_t fint_hash(Object* o) {
  // Matches CPython for machine-size values: v mod (2**61 - 1), with -1 -> -2.
  long v = fint_value(o);
  const unsigned long m = (1UL << 61) - 1;
  unsigned long a = v < 0 ? static_cast<unsigned long>(-(v + 1)) + 1 : static_cast<unsigned long>(v);
  hash_t h = static_cast<hash_t>(a % m);
  if (v < 0) h = -h;
  return h == -1 ? -2 : h;
}
bool is_fint(Object* o);
Object* fint_richcompare(Object* a, Object* b, int op) {
  if (!is_fint(a) || !is_fint(b)) return return_not_implemented();
  long x = fint_value(a), y = fint_value(b);
  bool r = false;
  switch (op) {
    case kLT: r = x < y; break;
    case kLE: r = x <= y; break;
    case kEQ: r = x == y; break;
    case kNE: r = x != y; break;
    case kGT: r = x > y; break;
    case kGE: r = x >= y; break;
  }
  return bool_from_long(r);
}
Object* fint_index(Object* o) {
  return is_fint(o) && o->type->name[0] == 'i' ? new_ref(o) : long_from_long(fint_value(o));
}
int fint_bool(Object* o) { return fint_value(o) != 0; }
#define FINT_BINOP(fname, expr)                                                 \
  Object* fname(Object* a, Object* b) {                                         \
    if (!is_fint(a) || !is_fint(b)) return return_not_implemented();            \
    long x = fint_value(a), y = fint_value(b);                                  \
    return long_from_long(expr);                                                \
  }
FINT_BINOP(fint_add, x + y)
FINT_BINOP(fint_sub, x - y)
FINT_BINOP(fint_mul, x * y)
FINT_BINOP(fint_and, x & y)
FINT_BINOP(fint_or, x | y)
FINT_BINOP(fint_xor, x ^ y)
Object* fint_neg(Object* a) { return long_from_long(-fint_value(a)); }
NumberMethods fint_as_number = [] {
  NumberMethods n{};
  n.add = fint_add;
  n.subtract = fint_sub;
  n.multiply = fint_mul;
  n.and_ = fint_and;
  n.or_ = fint_or;
  n.xor_ = fint_xor;
  n.negative = fint_neg;
  n.bool_ = fint_bool;
  n.index = fint_index;
  n.int_ = fint_index;
  return n;
}();
}  // namespace

TypeObject fallback_long_type = [] {
  TypeObject t = static_type("int", sizeof(FInt), 0, kTpflagsBasetype | kTpflagsLongSubclass);
  t.dealloc = fint_dealloc;
  t.repr = fint_repr;
  t.hash = fint_hash;
  t.richcompare = fint_richcompare;
  t.as_number = &fint_as_number;
  t.getattro = object_generic_getattr;
  return t;
}();

namespace {
bool is_fint(Object* o) { return type_has_feature(o->type, kTpflagsLongSubclass); }
}  // namespace

Object* long_from_long(long v) {
  auto* o = static_cast<FInt*>(gc::object_malloc(sizeof(FInt)));
  if (!o) return errors::no_memory();
  o->refcnt = 1;
  o->type = &fallback_long_type;
  o->value = v;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}
Object* long_from_ssize(ssize v) { return long_from_long(static_cast<long>(v)); }
long long_as_long(Object* o) {
  if (is_fint(o)) return fint_value(o);
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return -1;
  return fint_value(i.get());
}
#endif  // CPPY_HAVE_REAL_LONG

#ifndef CPPY_HAVE_REAL_BOOL
namespace {
struct FBool : Object {
  long value;
};
Object* fbool_repr(Object* o) {
  return str_from_cstr(static_cast<FBool*>(o)->value ? "True" : "False");
}
}  // namespace
TypeObject fallback_bool_type = [] {
  TypeObject t = static_type("bool", sizeof(FBool), 0, kTpflagsLongSubclass);
  t.repr = fbool_repr;
#ifndef CPPY_HAVE_REAL_LONG
  t.base = &fallback_long_type;
#endif
  return t;
}();
namespace {
FBool true_struct = [] {
  FBool b{};
  b.refcnt = kImmortalRefcnt;
  b.type = &fallback_bool_type;
  b.value = 1;
  return b;
}();
FBool false_struct = [] {
  FBool b{};
  b.refcnt = kImmortalRefcnt;
  b.type = &fallback_bool_type;
  b.value = 0;
  return b;
}();
}  // namespace
Object* bool_from_long(long v) { return new_ref<Object>(v ? &true_struct : &false_struct); }
#endif  // CPPY_HAVE_REAL_BOOL

int fallback::init_text() {
#ifdef CPPY_HAVE_REAL_STR
  // The real text types ready themselves (str, int, bool, float).
  if (text_types_ready() < 0) return -1;
#else
  if (type_ready(&str_type) < 0) return -1;
#endif
#ifndef CPPY_HAVE_REAL_LONG
  if (type_ready(&fallback_long_type) < 0) return -1;
#endif
#ifndef CPPY_HAVE_REAL_BOOL
  if (type_ready(&fallback_bool_type) < 0) return -1;
#endif
  return 0;
}

}  // namespace cppy::objects
