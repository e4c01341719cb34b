// The format codes of simple types (CPython 3.14 Modules/_ctypes/cfield.c: the fielddesc
// table with its *_get / *_set functions). Integers are stored truncated to their width
// without overflow checks, as ctypes does.
#include <cstring>
#include <cwchar>

#include "errors/errors.h"
#include "modules/_ctypes/ctypes.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytearrayobject.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_ctypes {

using namespace objects;

namespace {

// The low 64 bits of value's __index__ (PyLong_AsNativeBytes without overflow checks).
bool index_bits(Object* value, unsigned long long* out) {
  if (float_check(value)) {
    errors::format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                   value->type->name);
    return false;
  }
  Ref<> index = Ref<>::steal(number_index(value));
  if (!index) return false;
  static Object* mask = nullptr;
  if (!mask) mask = long_from_unsigned_long_long(~0ULL);  // kept for the process
  Ref<> low = Ref<>::steal(long_and(index.get(), mask));
  if (!low) return false;
  *out = long_as_unsigned_long_long(low.get());
  return !(*out == ~0ULL && errors::occurred());
}

template <class T>
Object* signed_get(const char* ptr) {
  T v;
  std::memcpy(&v, ptr, sizeof v);
  return long_from_long_long(static_cast<long long>(v));
}
template <class T>
Object* unsigned_get(const char* ptr) {
  T v;
  std::memcpy(&v, ptr, sizeof v);
  return long_from_unsigned_long_long(static_cast<unsigned long long>(v));
}
template <class T>
Object* integer_set(char* ptr, Object* value) {
  unsigned long long bits;
  if (!index_bits(value, &bits)) return nullptr;
  T v = static_cast<T>(bits);
  std::memcpy(ptr, &v, sizeof v);
  return return_none();
}

template <class T>
Object* real_get(const char* ptr) {
  T v;
  std::memcpy(&v, ptr, sizeof v);
  return float_from_double(static_cast<double>(v));
}
template <class T>
Object* real_set(char* ptr, Object* value) {
  double d = float_as_double(value);
  if (d == -1.0 && errors::occurred()) return nullptr;
  T v = static_cast<T>(d);
  std::memcpy(ptr, &v, sizeof v);
  return return_none();
}

Object* bool_get(const char* ptr) { return bool_from_long(*ptr != 0); }
Object* bool_set(char* ptr, Object* value) {
  int truth = object_is_true(value);
  if (truth < 0) return nullptr;
  *ptr = static_cast<char>(truth);
  return return_none();
}

// vBOOL_get / vBOOL_set: VARIANT_BOOL, a short that is -1 for true.
Object* vbool_get(const char* ptr) {
  short v;
  std::memcpy(&v, ptr, sizeof v);
  return bool_from_long(v != 0);
}
Object* vbool_set(char* ptr, Object* value) {
  int truth = object_is_true(value);
  if (truth < 0) return nullptr;
  short v = truth ? -1 : 0;
  std::memcpy(ptr, &v, sizeof v);
  return return_none();
}

// c_get / c_set: one byte, from a bytes or bytearray of length 1 or an int in range(256).
Object* char_get(const char* ptr) { return bytes_from_string_and_size(ptr, 1); }
Object* char_set(char* ptr, Object* value) {
  if (bytes_check(value)) {
    if (bytes_size(value) == 1) {
      *ptr = bytes_as_string(value)[0];
      return return_none();
    }
  } else if (bytearray_check(value)) {
    if (bytearray_size(value) == 1) {
      *ptr = bytearray_as_string(value)[0];
      return return_none();
    }
  } else if (long_check(value)) {
    int overflow = 0;
    long v = long_as_long_and_overflow(value, &overflow);
    if (v == -1 && errors::occurred()) return nullptr;
    if (overflow || v < 0 || v >= 256) {
      errors::set_string(exc_TypeError, "integer not in range(256)");
      return nullptr;
    }
    *ptr = static_cast<char>(v);
    return return_none();
  }
  if (bytes_check(value) || bytearray_check(value)) {
    errors::format(exc_TypeError,
                   "one character bytes, bytearray, or an integer in range(256) expected, not "
                   "%.200s of length %zd",
                   value->type->name,
                   bytes_check(value) ? bytes_size(value) : bytearray_size(value));
  } else {
    errors::format(exc_TypeError,
                   "one character bytes, bytearray, or an integer in range(256) expected, not "
                   "%.200s",
                   value->type->name);
  }
  return nullptr;
}

// u_get / u_set: one wchar_t.
Object* wchar_get(const char* ptr) {
  wchar_t c;
  std::memcpy(&c, ptr, sizeof c);
  return str_from_ordinal(static_cast<UCS4>(c));
}
Object* wchar_set(char* ptr, Object* value) {
  if (!str_check(value)) {
    errors::format(exc_TypeError, "a unicode character expected, not instance of %.200s",
                   value->type->name);
    return nullptr;
  }
  if (str_length(value) != 1) {
    errors::format(exc_TypeError, "a unicode character expected, not a string of length %zd",
                   str_length(value));
    return nullptr;
  }
  wchar_t c = static_cast<wchar_t>(str_read_char(value, 0));
  std::memcpy(ptr, &c, sizeof c);
  return return_none();
}

// z_get / z_set: char*, kept alive by the bytes object it points into.
Object* charp_get(const char* ptr) {
  const char* p;
  std::memcpy(&p, ptr, sizeof p);
  if (!p) return return_none();
  return bytes_from_cstr(p);
}
Object* charp_set(char* ptr, Object* value) {
  const char* p = nullptr;
  if (value == none()) {
    std::memcpy(ptr, &p, sizeof p);
    return return_none();
  }
  if (bytes_check(value)) {
    p = bytes_as_string(value);
    std::memcpy(ptr, &p, sizeof p);
    return new_ref(value);
  }
  if (long_check(value)) {
    unsigned long long bits;
    if (!index_bits(value, &bits)) return nullptr;
    p = reinterpret_cast<const char*>(static_cast<uintptr_t>(bits));
    std::memcpy(ptr, &p, sizeof p);
    return return_none();
  }
  errors::format(exc_TypeError, "bytes or integer address expected instead of %.200s instance",
                 value->type->name);
  return nullptr;
}

// Z_get / Z_set: wchar_t*, kept alive by a bytes object holding the converted string.
Object* wcharp_get(const char* ptr) {
  const wchar_t* p;
  std::memcpy(&p, ptr, sizeof p);
  if (!p) return return_none();
  static_assert(sizeof(wchar_t) == 4, "wchar_t is UCS-4 on the platforms cppy supports");
  return str_from_kind_and_data(4, p, static_cast<ssize>(std::wcslen(p)));
}
Object* wcharp_set(char* ptr, Object* value) {
  const wchar_t* p = nullptr;
  if (value == none()) {
    std::memcpy(ptr, &p, sizeof p);
    return return_none();
  }
  if (long_check(value)) {
    unsigned long long bits;
    if (!index_bits(value, &bits)) return nullptr;
    p = reinterpret_cast<const wchar_t*>(static_cast<uintptr_t>(bits));
    std::memcpy(ptr, &p, sizeof p);
    return return_none();
  }
  if (!str_check(value)) {
    errors::format(exc_TypeError,
                   "unicode string or integer address expected instead of %.200s instance",
                   value->type->name);
    return nullptr;
  }
  ssize n = str_length(value);
  Object* keep = bytes_from_string_and_size(nullptr, (n + 1) * static_cast<ssize>(sizeof(wchar_t)));
  if (!keep) return nullptr;
  auto* w = reinterpret_cast<wchar_t*>(bytes_as_string(keep));
  for (ssize i = 0; i < n; ++i) w[i] = static_cast<wchar_t>(str_read_char(value, i));
  w[n] = 0;
  p = w;
  std::memcpy(ptr, &p, sizeof p);
  return keep;
}

// P_get / P_set: void*, None for NULL.
Object* voidp_get(const char* ptr) {
  void* p;
  std::memcpy(&p, ptr, sizeof p);
  if (!p) return return_none();
  return long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(p));
}
Object* voidp_set(char* ptr, Object* value) {
  void* p = nullptr;
  if (value != none()) {
    unsigned long long bits;
    if (!long_check(value)) {
      errors::set_string(exc_TypeError, "cannot be converted to pointer");
      return nullptr;
    }
    if (!index_bits(value, &bits)) return nullptr;
    p = reinterpret_cast<void*>(static_cast<uintptr_t>(bits));
  }
  std::memcpy(ptr, &p, sizeof p);
  return return_none();
}

// O_get / O_set: a PyObject* (py_object), owned by the instance's b_objects.
Object* object_get(const char* ptr) {
  Object* o;
  std::memcpy(&o, ptr, sizeof o);
  if (!o) {
    if (!errors::occurred()) errors::set_string(exc_ValueError, "PyObject is NULL");
    return nullptr;
  }
  return new_ref(o);
}
Object* object_set(char* ptr, Object* value) {
  std::memcpy(ptr, &value, sizeof value);
  return new_ref(value);
}

const FieldDesc kFieldDescs[] = {
    {'c', 1, 1, &ffi_type_schar, char_get, char_set},
    {'b', 1, 1, &ffi_type_schar, signed_get<signed char>, integer_set<signed char>},
    {'B', 1, 1, &ffi_type_uchar, unsigned_get<unsigned char>, integer_set<unsigned char>},
    {'h', sizeof(short), alignof(short), &ffi_type_sshort, signed_get<short>, integer_set<short>},
    {'H', sizeof(short), alignof(short), &ffi_type_ushort, unsigned_get<unsigned short>,
     integer_set<unsigned short>},
    {'i', sizeof(int), alignof(int), &ffi_type_sint, signed_get<int>, integer_set<int>},
    {'I', sizeof(int), alignof(int), &ffi_type_uint, unsigned_get<unsigned int>,
     integer_set<unsigned int>},
    {'l', sizeof(long), alignof(long), &ffi_type_slong, signed_get<long>, integer_set<long>},
    {'L', sizeof(long), alignof(long), &ffi_type_ulong, unsigned_get<unsigned long>,
     integer_set<unsigned long>},
    {'q', sizeof(long long), alignof(long long), &ffi_type_sint64, signed_get<long long>,
     integer_set<long long>},
    {'Q', sizeof(long long), alignof(long long), &ffi_type_uint64,
     unsigned_get<unsigned long long>, integer_set<unsigned long long>},
    {'f', sizeof(float), alignof(float), &ffi_type_float, real_get<float>, real_set<float>},
    {'d', sizeof(double), alignof(double), &ffi_type_double, real_get<double>, real_set<double>},
    {'g', sizeof(long double), alignof(long double), &ffi_type_longdouble, real_get<long double>,
     real_set<long double>},
    {'?', 1, 1, &ffi_type_uchar, bool_get, bool_set},
    {'v', sizeof(short), alignof(short), &ffi_type_sshort, vbool_get, vbool_set},
    {'u', sizeof(wchar_t), alignof(wchar_t), &ffi_type_sint32, wchar_get, wchar_set},
    {'z', sizeof(char*), alignof(char*), &ffi_type_pointer, charp_get, charp_set},
    {'Z', sizeof(wchar_t*), alignof(wchar_t*), &ffi_type_pointer, wcharp_get, wcharp_set},
    {'P', sizeof(void*), alignof(void*), &ffi_type_pointer, voidp_get, voidp_set},
    {'O', sizeof(Object*), alignof(Object*), &ffi_type_pointer, object_get, object_set},
};

}  // namespace

const FieldDesc* find_fielddesc(char code) {
  for (const FieldDesc& fd : kFieldDescs) {
    if (fd.code == code) return &fd;
  }
  return nullptr;
}

}  // namespace cppy::modules::_ctypes
