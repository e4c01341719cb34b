// Argument converters: Python/getargs.c / Python/modsupport.c.
#include "modules/argconv.h"

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"

namespace cppy::modules {

using namespace objects;

// Clinic's Py_ssize_t converter (_PyNumber_Index then PyLong_AsSsize_t).
bool ssize_converter(Object* arg, ssize* out) {
  if (long_check_exact(arg) && long_is_compact(arg)) {
    *out = long_compact_value(arg);
    return true;
  }
  Object* iobj = number_index(arg);
  if (!iobj) return false;
  ssize v = long_as_ssize(iobj);
  decref(iobj);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// _Py_convert_optional_to_ssize_t.
bool optional_ssize_converter(Object* arg, ssize* out) {
  if (arg == none()) return true;
  if (!index_check(arg)) {
    errors::format(exc_TypeError, "argument should be integer or None, not '%.200s'",
                   arg->type->name);
    return false;
  }
  ssize v = number_as_ssize(arg, exc_OverflowError);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// PyLong_AsUnsignedLongLongMask: int & (2**64 - 1) as 8 little-endian bytes.
bool u64_mask_converter(Object* arg, unsigned long long* out) {
  Ref<> i = Ref<>::steal(number_index(arg));
  if (!i) return false;
  Ref<> mask = Ref<>::steal(long_from_unsigned_long_long(~0ULL));
  Ref<> low = Ref<>::steal(mask ? number_and(i.get(), mask.get()) : nullptr);
  if (!low) return false;
  unsigned char b[8] = {};
  bigint::to_bytes(long_view(low.get()), b, 8, true, false);
  unsigned long long v = 0;
  for (int k = 7; k >= 0; --k) v = (v << 8) | b[k];
  *out = v;
  return true;
}

// _PyLong_UnsignedLongLong_Converter and its narrower siblings.
bool unsigned_converter(Object* arg, unsigned long long max, const char* ctype,
                        unsigned long long* out) {
  Ref<> i = Ref<>::steal(number_index(arg));
  if (!i) return false;
  if (long_sign_of(i.get()) < 0) {
    errors::set_string(exc_ValueError, "Cannot convert negative int");
    return false;
  }
  unsigned long long v = 0;
  if (long_num_bits(i.get()) <= 64) {
    unsigned char b[8] = {};
    bigint::to_bytes(long_view(i.get()), b, 8, true, false);
    for (int k = 7; k >= 0; --k) v = (v << 8) | b[k];
  }
  if (long_num_bits(i.get()) > 64 || v > max) {
    errors::format(exc_OverflowError, "Python int too large for C %s", ctype);
    return false;
  }
  *out = v;
  return true;
}

}  // namespace cppy::modules
