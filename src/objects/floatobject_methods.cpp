// float's construction and methods: Objects/floatobject.c (float_new_impl, float_subtype_new,
// float_vectorcall, PyFloat_FromString for bytes, float_divmod, float_float_methods:
// conjugate, __trunc__, __floor__, __ceil__, __round__, as_integer_ratio, fromhex, hex,
// is_integer, __getnewargs__, __getformat__, from_number; float_getset) and
// Objects/abstract.c's PyNumber_Float.
#include <cmath>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/bytes_methods.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/floatobject.h"
#include "objects/formatter.h"
#include "objects/longobject.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "pymath/pymath.h"
#include "pystrconv/pystrtod.h"

namespace cppy::objects {

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

// PyFloat_FromString for a bytes-like object: the text is the object's bytes (a buffer other
// than bytes/bytearray is copied, its memory need not end in NUL); errors show repr(orig).
Object* float_from_buffer_text(const char* s, ssize n, Object* orig) {
  double x;
  if (static_cast<ssize>(std::strlen(s)) == n &&
      pystrconv::float_from_ascii(s, static_cast<size_t>(n), &x) == pystrconv::StrtodStatus::kOk)
    return float_from_double(x);
  return errors::format(exc_ValueError, "could not convert string to float: %R", orig);
}

}  // namespace

// PyNumber_Float.
Object* float_from_object(Object* o) {
  if (float_check_exact(o)) return new_ref(o);
  NumberMethods* m = o->type->as_number;
  if (m && m->float_) {
    Object* res = m->float_(o);
    if (!res || float_check_exact(res)) return res;
    if (!float_check(res)) {
      errors::format(exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                     o->type->name, res->type->name);
      decref(res);
      return nullptr;
    }
    if (errors::warn_format(exc_DeprecationWarning, 1,
                            "%.50s.__float__ returned non-float (type %.50s).  The ability to "
                            "return an instance of a strict subclass of float is deprecated, and "
                            "may be removed in a future version of Python.",
                            o->type->name, res->type->name) < 0) {
      decref(res);
      return nullptr;
    }
    double v = float_value(res);
    decref(res);
    return float_from_double(v);
  }
  if (m && m->index) {
    Ref<> i = Ref<>::steal(number_index(o));
    if (!i) return nullptr;
    double v = long_as_double(i.get());
    if (v == -1.0 && errors::occurred()) return nullptr;
    return float_from_double(v);
  }
  if (float_check(o)) return float_from_double(float_value(o));
  if (str_check(o)) return float_from_string(o);
  if (bytes_check(o)) return float_from_buffer_text(bytes_as_string(o), bytes_size(o), o);
  if (bytearray_check(o))
    return float_from_buffer_text(bytearray_as_string(o), bytearray_size(o), o);
  if (object_check_buffer(o)) {
    Ref<> copy = Ref<>::steal(bytes_from_buffer(o, false));
    if (!copy) return nullptr;
    return float_from_buffer_text(bytes_as_string(copy.get()), bytes_size(copy.get()), o);
  }
  return errors::format(exc_TypeError,
                        "float() argument must be a string or a real number, not '%.200s'",
                        o->type->name);
}

namespace {

// float_new_impl for exact float: float(x=0.0, /).
Object* float_new_exact(Object* x) {
  if (!x) return float_from_double(0.0);
  if (str_check_exact(x)) return float_from_string(x);
  return float_from_object(x);
}

Object* float_subtype_new(TypeObject* type, Object* x) {
  Ref<> tmp = Ref<>::steal(float_new_exact(x));
  if (!tmp) return nullptr;
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  static_cast<FloatObject*>(o)->ob_fval = float_value(tmp.get());
  return o;
}

Object* float_tp_new(TypeObject* type, Object* args, Object* kwargs) {
  // float_new: keywords are refused unless a subclass brings its own __init__.
  if ((type == &float_type || type->init == float_type.init) && !no_keywords("float", kwargs))
    return nullptr;
  ssize n = tuple_size(args);
  if (!check_positional("float", n, 0, 1)) return nullptr;
  Object* x = n ? tuple_item(args, 0) : nullptr;
  if (type != &float_type) return float_subtype_new(type, x);
  return float_new_exact(x);
}

Object* float_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!no_kwnames("float", kwnames)) return nullptr;
  ssize n = vectorcall_nargs(nargsf);
  if (!check_positional("float", n, 0, 1)) return nullptr;
  Object* x = n ? args[0] : nullptr;
  if (type != &float_type) return float_subtype_new(static_cast<TypeObject*>(type), x);
  return float_new_exact(x);
}

// float_divmod.
Object* float_divmod(Object* v, Object* w) {
  double vx, wx;
  if (float_check(v)) vx = float_value(v);
  else if (long_check(v)) {
    vx = long_as_double(v);
    if (vx == -1.0 && errors::occurred()) return nullptr;
  } else return text_not_implemented();
  if (float_check(w)) wx = float_value(w);
  else if (long_check(w)) {
    wx = long_as_double(w);
    if (wx == -1.0 && errors::occurred()) return nullptr;
  } else return text_not_implemented();
  if (wx == 0.0) {
    errors::set_string(exc_ZeroDivisionError, "division by zero");
    return nullptr;
  }
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double floordiv;
  if (div) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  Ref<> q = Ref<>::steal(float_from_double(floordiv));
  Ref<> r = Ref<>::steal(float_from_double(mod));
  if (!q || !r) return nullptr;
  return tuple_pack(2, q.get(), r.get());
}

Object* float_conjugate(Object* self, Object*) {
  if (float_check_exact(self)) return new_ref(self);
  return float_from_double(float_value(self));
}

Object* float_trunc_method(Object* self, Object*) { return long_from_double(float_value(self)); }
Object* float_floor_method(Object* self, Object*) {
  return long_from_double(std::floor(float_value(self)));
}
Object* float_ceil_method(Object* self, Object*) {
  return long_from_double(std::ceil(float_value(self)));
}

// float.__round__(ndigits=None, /).
Object* float_round_method(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("__round__", nargs, 0, 1)) return nullptr;
  double x = float_value(self);
  if (nargs == 0 || args[0] == none()) return float_round_to_int(x);
  Ref<> nd = Ref<>::steal(number_index(args[0]));
  if (!nd) return nullptr;
  int overflow;
  long n = long_as_long_and_overflow(nd.get(), &overflow);
  if (overflow) n = overflow > 0 ? 100000 : -100000;
  return float_round_ndigits(x, static_cast<int>(n > 100000 ? 100000 : n < -100000 ? -100000 : n));
}

Object* float_as_integer_ratio_method(Object* self, Object*) {
  Object *n, *d;
  if (float_as_integer_ratio(self, &n, &d) < 0) return nullptr;
  Object* t = tuple_pack_maybe_tracked(2, n, d);
  decref(n);
  decref(d);
  return t;
}

Object* float_hex_method(Object* self, Object*) { return float_hex(self); }

// float.fromhex(string, /) (a classmethod).
Object* float_fromhex_method(Object* type, Object* arg) {
  if (!str_check(arg)) {
    // PyUnicode_AsUTF8AndSize's PyErr_BadArgument.
    errors::set_string(exc_TypeError, "bad argument type for built-in operation");
    return nullptr;
  }
  Ref<> r = Ref<>::steal(float_fromhex_str(arg));
  if (!r) return nullptr;
  if (type != &float_type) return object_call_one_arg(type, r.get());
  return r.release();
}

Object* float_is_integer(Object* self, Object*) {
  double x = float_value(self);
  if (!std::isfinite(x)) return bool_from_bool(false);
  return bool_from_bool(std::floor(x) == x);
}

Object* float_getnewargs(Object* self, Object*) {
  Ref<> v = Ref<>::steal(float_from_double(float_value(self)));
  if (!v) return nullptr;
  return tuple_pack(1, v.get());
}

// float.__getformat__(typestr, /) (a classmethod).
Object* float_getformat(Object*, Object* arg) {
  if (!str_check(arg)) {
    bad_argument("__getformat__", nullptr, "str", arg);
    return nullptr;
  }
  if (!str_equal_cstr(arg, "double") && !str_equal_cstr(arg, "float")) {
    errors::set_string(exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return nullptr;
  }
  return str_from_cstr("IEEE, little-endian");
}

// float.from_number(number, /) (a classmethod, new in 3.14): no string parsing.
Object* float_from_number(Object* type, Object* number) {
  if (str_check(number) || bytes_check(number)) {
    return errors::format(exc_TypeError, "must be real number, not %.50s", number->type->name);
  }
  NumberMethods* m = number->type->as_number;
  if (!float_check(number) && !(m && (m->float_ || m->index))) {
    return errors::format(exc_TypeError, "must be real number, not %.50s", number->type->name);
  }
  Ref<> r = Ref<>::steal(float_from_object(number));
  if (!r) return nullptr;
  if (type != &float_type) return object_call_one_arg(type, r.get());
  return r.release();
}

// float.__format__(format_spec, /).
Object* float_format(Object* self, Object* spec) {
  if (!str_check(spec)) {
    bad_argument("__format__", nullptr, "str", spec);
    return nullptr;
  }
  return format_float_spec(self, spec);
}

Object* float_get_real(Object* self, void*) { return float_conjugate(self, nullptr); }
Object* float_get_imag(Object*, void*) { return float_from_double(0.0); }

MethodDef g_float_methods[] = {
    {"from_number", fn(float_from_number), kMethO | kMethClass,
     "Convert real number to a floating-point number."},
    {"conjugate", fn(float_conjugate), kMethNoArgs, "Return self, the complex conjugate of any float."},
    {"__trunc__", fn(float_trunc_method), kMethNoArgs, "Return the Integral closest to x between 0 and x."},
    {"__floor__", fn(float_floor_method), kMethNoArgs, "Return the floor as an Integral."},
    {"__ceil__", fn(float_ceil_method), kMethNoArgs, "Return the ceiling as an Integral."},
    {"__round__", fn(float_round_method), kMethFastcall,
     "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is "
     "passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", fn(float_as_integer_ratio_method), kMethNoArgs,
     "Return a pair of integers, whose ratio is exactly equal to the original float."},
    {"fromhex", fn(float_fromhex_method), kMethO | kMethClass,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", fn(float_hex_method), kMethNoArgs,
     "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", fn(float_is_integer), kMethNoArgs, "Return True if the float is an integer."},
    {"__getnewargs__", fn(float_getnewargs), kMethNoArgs, nullptr},
    {"__format__", fn(float_format), kMethO, "Formats the float according to format_spec."},
    {"__getformat__", fn(float_getformat), kMethO | kMethClass,
     "You probably don't want to use this function."},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef g_float_getset[] = {
    {"real", float_get_real, nullptr, "the real part of a complex number", nullptr},
    {"imag", float_get_imag, nullptr, "the imaginary part of a complex number", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

// float.fromhex on a str.
Object* float_fromhex_str(Object* s) {
  double x = 0;
  pymath::FromHexStatus st = pymath::FromHexStatus::kInvalid;
  // float_fromhex_impl parses the UTF-8 bytes as they are (ASCII spaces and digits only, no
  // transformation of other Unicode digits or spaces): a non-ASCII string never parses.
  if (str_is_ascii(s))
    st = pymath::float_fromhex(reinterpret_cast<const char*>(str_1byte(s)),
                               static_cast<size_t>(str_length(s)), &x);
  switch (st) {
    case pymath::FromHexStatus::kOk: return float_from_double(x);
    case pymath::FromHexStatus::kInvalid:
      errors::set_string(exc_ValueError, "invalid hexadecimal floating-point string");
      return nullptr;
    case pymath::FromHexStatus::kOverflow:
      errors::set_string(exc_OverflowError, "hexadecimal value too large to represent as a float");
      return nullptr;
    case pymath::FromHexStatus::kTooLong:
      errors::set_string(exc_ValueError, "hexadecimal string too long to convert");
      return nullptr;
  }
  return nullptr;
}

void float_fill_type_methods(TypeObject* t, NumberMethods* nm) {
  nm->divmod = float_divmod;
  t->methods = g_float_methods;
  t->getset = g_float_getset;
  t->new_ = float_tp_new;
  t->vectorcall = float_vectorcall;
  t->getattro = object_generic_getattr;
  t->alloc = type_generic_alloc;
}

}  // namespace cppy::objects
