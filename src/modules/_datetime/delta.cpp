// datetime.timedelta: the PyDateTime_Delta part of Modules/_datetimemodule.c (constructor
// with accum's exact int/float summing, arithmetic through microsecond ints, repr/str,
// pickling by (days, seconds, microseconds)).
#include <cmath>
#include <cstddef>

#include "errors/errors.h"
#include "modules/_datetime/datetime_internal.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::datetime_ {

using namespace objects;

namespace {
DeltaObject zero_delta_obj;  // set up in init_delta_types
bool zero_ready = false;

Object* small_int(long v) { return long_from_long(v); }
Object* us_per_second() {
  static Object* v = [] { Object* o = long_from_long(1000000); make_immortal(o); return o; }();
  return v;
}
Object* seconds_per_day() {
  static Object* v = [] { Object* o = long_from_long(24 * 3600); make_immortal(o); return o; }();
  return v;
}
}  // namespace

Object* zero_delta() { return &zero_delta_obj; }

// new_delta_ex: normalizes (when asked), range-checks days and returns the interned zero for
// timedelta(0) of the exact type.
Object* new_delta_ex(int days, int seconds, int microseconds, bool normalize, TypeObject* type) {
  if (normalize) {
    if (microseconds < 0 || microseconds >= 1000000) {
      int q = divmod_int(microseconds, 1000000, &microseconds);
      seconds += q;
    }
    if (seconds < 0 || seconds >= 24 * 3600) {
      int q = divmod_int(seconds, 24 * 3600, &seconds);
      days += q;
    }
  }
  if (!(-kMaxDeltaDays <= days && days <= kMaxDeltaDays)) {
    errors::format(exc_OverflowError, "days=%d; must have magnitude <= %d", days, kMaxDeltaDays);
    return nullptr;
  }
  if (days == 0 && seconds == 0 && microseconds == 0 && type == &delta_type && zero_ready) {
    return new_ref(zero_delta());
  }
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  DeltaObject* self = as_delta(o);
  self->hashcode = -1;
  self->days = days;
  self->seconds = seconds;
  self->microseconds = microseconds;
  return o;
}

// delta_to_microseconds: (days*86400 + seconds)*1000000 + microseconds as an int.
Object* delta_to_microseconds(Object* self) {
  Ref<> x1 = Ref<>::steal(small_int(td_days(self)));
  if (!x1) return nullptr;
  Ref<> x2 = Ref<>::steal(number_multiply(x1.get(), seconds_per_day()));
  if (!x2) return nullptr;
  x1 = Ref<>::steal(small_int(td_seconds(self)));
  if (!x1) return nullptr;
  Ref<> x3 = Ref<>::steal(number_add(x1.get(), x2.get()));
  if (!x3) return nullptr;
  x1 = Ref<>::steal(number_multiply(x3.get(), us_per_second()));
  if (!x1) return nullptr;
  x2 = Ref<>::steal(small_int(td_us(self)));
  if (!x2) return nullptr;
  return number_add(x1.get(), x2.get());
}

namespace {
Object* checked_divmod(Object* a, Object* b) {
  Object* result = number_divmod(a, b);
  if (result) {
    if (!tuple_check(result)) {
      errors::format(exc_TypeError, "divmod() returned non-tuple (type %.200s)",
                     result->type->name);
      decref(result);
      return nullptr;
    }
    if (tuple_size(result) != 2) {
      errors::format(exc_TypeError, "divmod() returned a tuple of size %zd", tuple_size(result));
      decref(result);
      return nullptr;
    }
  }
  return result;
}

// divide_nearest: m / n rounded half to even (_PyLong_DivmodNear's quotient).
Object* divide_nearest(Object* m, Object* n) {
  Ref<> qr = Ref<>::steal(checked_divmod(m, n));
  if (!qr) return nullptr;
  Object* q = tuple_item(qr.get(), 0);
  Object* r = tuple_item(qr.get(), 1);
  Ref<> two = Ref<>::steal(small_int(2));
  Ref<> twice_r = Ref<>::steal(number_multiply(r, two.get()));
  if (!twice_r) return nullptr;
  int n_pos = object_rich_compare_bool(n, Ref<>::steal(small_int(0)).get(), kGT);
  if (n_pos < 0) return nullptr;
  int greater = object_rich_compare_bool(twice_r.get(), n, n_pos ? kGT : kLT);
  if (greater < 0) return nullptr;
  int equal = object_rich_compare_bool(twice_r.get(), n, kEQ);
  if (equal < 0) return nullptr;
  bool round_up = greater;
  if (!round_up && equal) {
    Ref<> one = Ref<>::steal(small_int(1));
    Ref<> odd = Ref<>::steal(number_and(q, one.get()));
    if (!odd) return nullptr;
    int t = object_is_true(odd.get());
    if (t < 0) return nullptr;
    round_up = t;
  }
  if (round_up) {
    Ref<> one = Ref<>::steal(small_int(1));
    return number_add(q, one.get());
  }
  return new_ref(q);
}
}  // namespace

// microseconds_to_delta_ex: an int number of microseconds to a timedelta of type.
Object* microseconds_to_delta_ex(Object* pyus, TypeObject* type) {
  Ref<> tuple = Ref<>::steal(checked_divmod(pyus, us_per_second()));
  if (!tuple) return nullptr;
  int us = long_as_int(tuple_item(tuple.get(), 1));
  if (us == -1 && errors::occurred()) return nullptr;
  if (!(0 <= us && us < 1000000)) goto bad;
  {
    Ref<> num = Ref<>::borrow(tuple_item(tuple.get(), 0));
    tuple = Ref<>::steal(checked_divmod(num.get(), seconds_per_day()));
    if (!tuple) return nullptr;
    int s = long_as_int(tuple_item(tuple.get(), 1));
    if (s == -1 && errors::occurred()) return nullptr;
    if (!(0 <= s && s < 24 * 3600)) goto bad;
    int d = long_as_int(tuple_item(tuple.get(), 0));
    if (d == -1 && errors::occurred()) return nullptr;
    return new_delta_ex(d, s, us, false, type);
  }
bad:
  errors::set_string(exc_TypeError, "divmod() returned a value out of range");
  return nullptr;
}

namespace {
Object* microseconds_to_delta(Object* pyus) { return microseconds_to_delta_ex(pyus, &delta_type); }

Object* multiply_int_timedelta(Object* intobj, Object* delta) {
  Ref<> in = Ref<>::steal(delta_to_microseconds(delta));
  if (!in) return nullptr;
  Ref<> out = Ref<>::steal(number_multiply(intobj, in.get()));
  if (!out) return nullptr;
  return microseconds_to_delta(out.get());
}

Object* get_float_as_integer_ratio(Object* floatobj) {
  static Object* name = str_intern_from_cstr("as_integer_ratio");
  Object* ratio = call_method_no_args(floatobj, name);
  if (!ratio) return nullptr;
  if (!tuple_check(ratio)) {
    errors::format(exc_TypeError,
                   "unexpected return type from as_integer_ratio(): expected tuple, got '%.200s'",
                   ratio->type->name);
    decref(ratio);
    return nullptr;
  }
  if (tuple_size(ratio) != 2) {
    errors::set_string(exc_ValueError, "as_integer_ratio() must return a 2-tuple");
    decref(ratio);
    return nullptr;
  }
  return ratio;
}

// multiply_truedivide_timedelta_float: op 0 multiplies, 1 divides.
Object* multiply_truedivide_timedelta_float(Object* delta, Object* floatobj, int op) {
  Ref<> in = Ref<>::steal(delta_to_microseconds(delta));
  if (!in) return nullptr;
  Ref<> ratio = Ref<>::steal(get_float_as_integer_ratio(floatobj));
  if (!ratio) return nullptr;
  Ref<> temp = Ref<>::steal(number_multiply(in.get(), tuple_item(ratio.get(), op)));
  if (!temp) return nullptr;
  Ref<> out = Ref<>::steal(divide_nearest(temp.get(), tuple_item(ratio.get(), !op)));
  if (!out) return nullptr;
  return microseconds_to_delta(out.get());
}

Object* divide_timedelta_int(Object* delta, Object* intobj) {
  Ref<> in = Ref<>::steal(delta_to_microseconds(delta));
  if (!in) return nullptr;
  Ref<> out = Ref<>::steal(number_floor_divide(in.get(), intobj));
  if (!out) return nullptr;
  return microseconds_to_delta(out.get());
}

Object* truedivide_timedelta_timedelta(Object* left, Object* right) {
  Ref<> l = Ref<>::steal(delta_to_microseconds(left));
  if (!l) return nullptr;
  Ref<> r = Ref<>::steal(delta_to_microseconds(right));
  if (!r) return nullptr;
  return number_true_divide(l.get(), r.get());
}

Object* truedivide_timedelta_int(Object* delta, Object* i) {
  Ref<> in = Ref<>::steal(delta_to_microseconds(delta));
  if (!in) return nullptr;
  Ref<> out = Ref<>::steal(divide_nearest(in.get(), i));
  if (!out) return nullptr;
  return microseconds_to_delta(out.get());
}
}  // namespace

Object* divide_timedelta_timedelta(Object* left, Object* right) {
  Ref<> l = Ref<>::steal(delta_to_microseconds(left));
  if (!l) return nullptr;
  Ref<> r = Ref<>::steal(delta_to_microseconds(right));
  if (!r) return nullptr;
  return number_floor_divide(l.get(), r.get());
}

namespace {
Object* delta_add(Object* left, Object* right) {
  if (delta_check(left) && delta_check(right)) {
    return new_delta(td_days(left) + td_days(right), td_seconds(left) + td_seconds(right),
                     td_us(left) + td_us(right), true);
  }
  return return_not_implemented();
}
}  // namespace

Object* delta_negative(Object* self) {
  return new_delta(-td_days(self), -td_seconds(self), -td_us(self), true);
}

namespace {
Object* delta_positive(Object* self) {
  return new_delta(td_days(self), td_seconds(self), td_us(self), false);
}
Object* delta_abs(Object* self) {
  return td_days(self) < 0 ? delta_negative(self) : delta_positive(self);
}
}  // namespace

Object* delta_subtract(Object* left, Object* right) {
  if (delta_check(left) && delta_check(right)) {
    return new_delta(td_days(left) - td_days(right), td_seconds(left) - td_seconds(right),
                     td_us(left) - td_us(right), true);
  }
  return return_not_implemented();
}

int delta_cmp(Object* self, Object* other) {
  int diff = td_days(self) - td_days(other);
  if (diff == 0) {
    diff = td_seconds(self) - td_seconds(other);
    if (diff == 0) diff = td_us(self) - td_us(other);
  }
  return diff;
}

Object* delta_richcompare(Object* self, Object* other, int op) {
  if (delta_check(other)) return diff_to_bool(delta_cmp(self, other), op);
  return return_not_implemented();
}

namespace {
Object* delta_getstate(Object* self) {
  Ref<> t = Ref<>::steal(tuple_new(3));
  if (!t) return nullptr;
  int vals[3] = {td_days(self), td_seconds(self), td_us(self)};
  for (int i = 0; i < 3; ++i) {
    Object* v = small_int(vals[i]);
    if (!v) return nullptr;
    tuple_set_item(t.get(), i, v);
  }
  return t.release();
}
}  // namespace

// delta_hash: the hash of the (days, seconds, microseconds) tuple.
hash_t delta_hash(Object* self) {
  DeltaObject* d = as_delta(self);
  if (d->hashcode == -1) {
    Ref<> temp = Ref<>::steal(delta_getstate(self));
    if (temp) d->hashcode = object_hash(temp.get());
  }
  return d->hashcode;
}

bool delta_bool(Object* self) {
  return td_days(self) != 0 || td_seconds(self) != 0 || td_us(self) != 0;
}

namespace {
Object* delta_multiply(Object* left, Object* right) {
  if (delta_check(left)) {
    if (long_check(right)) return multiply_int_timedelta(right, left);
    if (float_check(right)) return multiply_truedivide_timedelta_float(left, right, 0);
  } else if (long_check(left)) {
    return multiply_int_timedelta(left, right);
  } else if (float_check(left)) {
    return multiply_truedivide_timedelta_float(right, left, 0);
  }
  return return_not_implemented();
}

Object* delta_divide(Object* left, Object* right) {
  if (delta_check(left)) {
    if (long_check(right)) return divide_timedelta_int(left, right);
    if (delta_check(right)) return divide_timedelta_timedelta(left, right);
  }
  return return_not_implemented();
}

Object* delta_truedivide(Object* left, Object* right) {
  if (delta_check(left)) {
    if (delta_check(right)) return truedivide_timedelta_timedelta(left, right);
    if (float_check(right)) return multiply_truedivide_timedelta_float(left, right, 1);
    if (long_check(right)) return truedivide_timedelta_int(left, right);
  }
  return return_not_implemented();
}

Object* delta_remainder(Object* left, Object* right) {
  if (!delta_check(left) || !delta_check(right)) return return_not_implemented();
  Ref<> l = Ref<>::steal(delta_to_microseconds(left));
  if (!l) return nullptr;
  Ref<> r = Ref<>::steal(delta_to_microseconds(right));
  if (!r) return nullptr;
  Ref<> rem = Ref<>::steal(number_remainder(l.get(), r.get()));
  if (!rem) return nullptr;
  return microseconds_to_delta(rem.get());
}

Object* delta_divmod(Object* left, Object* right) {
  if (!delta_check(left) || !delta_check(right)) return return_not_implemented();
  Ref<> l = Ref<>::steal(delta_to_microseconds(left));
  if (!l) return nullptr;
  Ref<> r = Ref<>::steal(delta_to_microseconds(right));
  if (!r) return nullptr;
  Ref<> dm = Ref<>::steal(checked_divmod(l.get(), r.get()));
  if (!dm) return nullptr;
  Ref<> delta = Ref<>::steal(microseconds_to_delta(tuple_item(dm.get(), 1)));
  if (!delta) return nullptr;
  return tuple_pack(2, tuple_item(dm.get(), 0), delta.get());
}

// accum: sofar + num * factor, exactly for ints; a float's fractional microseconds go to
// *leftover.
Object* accum(const char* tag, Object* sofar, Object* num, Object* factor, double* leftover) {
  if (long_check(num)) {
    Ref<> prod = Ref<>::steal(number_multiply(num, factor));
    if (!prod) return nullptr;
    return number_add(sofar, prod.get());
  }
  if (float_check(num)) {
    double dnum = float_as_double(num);
    if (dnum == -1.0 && errors::occurred()) return nullptr;
    double intpart;
    double fracpart = std::modf(dnum, &intpart);
    Ref<> x = Ref<>::steal(long_from_double(intpart));
    if (!x) return nullptr;
    Ref<> prod = Ref<>::steal(number_multiply(x.get(), factor));
    if (!prod) return nullptr;
    Ref<> sum = Ref<>::steal(number_add(sofar, prod.get()));
    if (!sum) return nullptr;
    if (fracpart == 0.0) return sum.release();
    dnum = long_as_double(factor);
    dnum *= fracpart;
    fracpart = std::modf(dnum, &intpart);
    x = Ref<>::steal(long_from_double(intpart));
    if (!x) return nullptr;
    Object* y = number_add(sum.get(), x.get());
    *leftover += fracpart;
    return y;
  }
  errors::format(exc_TypeError, "unsupported type for timedelta %s component: %s", tag,
                 num->type->name);
  return nullptr;
}

Object* delta_new(TypeObject* type, Object* args, Object* kw) {
  static const char* const kws[] = {"days",    "seconds", "microseconds", "milliseconds",
                                    "minutes", "hours",   "weeks",        nullptr};
  Object* a[7];
  if (!parse_kwargs(args, kw, "__new__", kws, 0, 7, a)) return nullptr;
  Object *day = a[0], *second = a[1], *us = a[2], *ms = a[3], *minute = a[4], *hour = a[5],
         *week = a[6];
  double leftover_us = 0.0;
  Ref<> x = Ref<>::steal(small_int(0));
  if (!x) return nullptr;
  struct Part {
    Object* value;
    const char* tag;
    long long factor;
  } parts[] = {{us, "microseconds", 1LL},
               {ms, "milliseconds", 1000LL},
               {second, "seconds", 1000000LL},
               {minute, "minutes", 60000000LL},
               {hour, "hours", 3600000000LL},
               {day, "days", 86400000000LL},
               {week, "weeks", 604800000000LL}};
  for (const Part& p : parts) {
    if (!p.value) continue;
    Ref<> factor = Ref<>::steal(long_from_long_long(p.factor));
    if (!factor) return nullptr;
    x = Ref<>::steal(accum(p.tag, x.get(), p.value, factor.get(), &leftover_us));
    if (!x) return nullptr;
  }
  if (leftover_us) {
    // Round to the nearest whole microsecond, half to even on x's parity.
    double whole_us = std::round(leftover_us);
    if (std::fabs(whole_us - leftover_us) == 0.5) {
      Ref<> one = Ref<>::steal(small_int(1));
      Ref<> temp = Ref<>::steal(number_and(x.get(), one.get()));
      if (!temp) return nullptr;
      int x_is_odd = object_is_true(temp.get());
      if (x_is_odd == -1) return nullptr;
      whole_us = 2.0 * std::round((leftover_us + x_is_odd) * 0.5) - x_is_odd;
    }
    Ref<> temp = Ref<>::steal(long_from_long(static_cast<long>(whole_us)));
    if (!temp) return nullptr;
    x = Ref<>::steal(number_add(x.get(), temp.get()));
    if (!x) return nullptr;
  }
  return microseconds_to_delta_ex(x.get(), type);
}

int delta_nb_bool(Object* self) { return delta_bool(self) ? 1 : 0; }

Object* delta_repr(Object* self) {
  Ref<> args = Ref<>::steal(str_from_cstr(""));
  if (!args) return nullptr;
  const char* sep = "";
  if (td_days(self) != 0) {
    args = Ref<>::steal(str_from_format("days=%d", td_days(self)));
    if (!args) return nullptr;
    sep = ", ";
  }
  if (td_seconds(self) != 0) {
    args = Ref<>::steal(str_from_format("%U%sseconds=%d", args.get(), sep, td_seconds(self)));
    if (!args) return nullptr;
    sep = ", ";
  }
  if (td_us(self) != 0) {
    args = Ref<>::steal(str_from_format("%U%smicroseconds=%d", args.get(), sep, td_us(self)));
    if (!args) return nullptr;
  }
  if (str_length(args.get()) == 0) {
    args = Ref<>::steal(str_from_cstr("0"));
    if (!args) return nullptr;
  }
  return str_from_format("%s(%S)", self->type->name, args.get());
}

Object* delta_str(Object* self) {
  int us = td_us(self);
  int seconds = td_seconds(self);
  int minutes = divmod_int(seconds, 60, &seconds);
  int hours = divmod_int(minutes, 60, &minutes);
  int days = td_days(self);
  if (days) {
    const char* plural = (days == 1 || days == -1) ? "" : "s";
    if (us) {
      return str_from_format("%d day%s, %d:%02d:%02d.%06d", days, plural, hours, minutes,
                             seconds, us);
    }
    return str_from_format("%d day%s, %d:%02d:%02d", days, plural, hours, minutes, seconds);
  }
  if (us) return str_from_format("%d:%02d:%02d.%06d", hours, minutes, seconds, us);
  return str_from_format("%d:%02d:%02d", hours, minutes, seconds);
}

Object* delta_reduce(Object* self, Object*) {
  Ref<> state = Ref<>::steal(delta_getstate(self));
  if (!state) return nullptr;
  return tuple_pack(2, self->type, state.get());
}

}  // namespace

Object* delta_total_seconds(Object* self, Object*) {
  Ref<> total = Ref<>::steal(delta_to_microseconds(self));
  if (!total) return nullptr;
  return number_true_divide(total.get(), us_per_second());
}

namespace {

MemberDef delta_members[] = {
    {"days", kMemberInt, static_cast<ssize>(offsetof(DeltaObject, days)), kMemberReadonly,
     "Number of days."},
    {"seconds", kMemberInt, static_cast<ssize>(offsetof(DeltaObject, seconds)), kMemberReadonly,
     "Number of seconds (>= 0 and less than 1 day)."},
    {"microseconds", kMemberInt, static_cast<ssize>(offsetof(DeltaObject, microseconds)),
     kMemberReadonly, "Number of microseconds (>= 0 and less than 1 second)."},
    {nullptr, 0, 0, 0, nullptr}};

MethodDef delta_methods[] = {
    {"total_seconds", reinterpret_cast<void*>(delta_total_seconds), kMethNoArgs,
     "Total seconds in the duration."},
    {"__reduce__", reinterpret_cast<void*>(delta_reduce), kMethNoArgs,
     "__reduce__() -> (cls, state)"},
    {nullptr, nullptr, 0, nullptr}};

NumberMethods delta_as_number = [] {
  NumberMethods n{};
  n.add = delta_add;
  n.subtract = delta_subtract;
  n.multiply = delta_multiply;
  n.remainder = delta_remainder;
  n.divmod = delta_divmod;
  n.negative = delta_negative;
  n.positive = delta_positive;
  n.absolute = delta_abs;
  n.bool_ = delta_nb_bool;
  n.floor_divide = delta_divide;
  n.true_divide = delta_truedivide;
  return n;
}();

}  // namespace

TypeObject delta_type = [] {
  TypeObject t = static_type("datetime.timedelta", sizeof(DeltaObject), 0, kTpflagsBasetype);
  t.doc =
      "Difference between two datetime values.\n\ntimedelta(days=0, seconds=0, microseconds=0, "
      "milliseconds=0, minutes=0, hours=0, weeks=0)\n\nAll arguments are optional and default to "
      "0.\nArguments may be integers or floats, and may be positive or negative.";
  t.repr = delta_repr;
  t.str = delta_str;
  t.as_number = &delta_as_number;
  t.hash = delta_hash;
  t.richcompare = delta_richcompare;
  t.methods = delta_methods;
  t.members = delta_members;
  t.alloc = type_generic_alloc;
  t.new_ = delta_new;
  t.free = object_generic_free;
  return t;
}();

int init_delta_types() {
  if (type_ready(&delta_type) < 0) return -1;
  if (!zero_ready) {
    zero_delta_obj.refcnt = kImmortalRefcnt;
    zero_delta_obj.type = &delta_type;
    zero_delta_obj.hashcode = -1;
    zero_ready = true;
  }
  Object* d = delta_type.dict;
  struct {
    const char* name;
    int days, seconds, us;
  } vals[] = {{"resolution", 0, 0, 1},
              {"min", -kMaxDeltaDays, 0, 0},
              {"max", kMaxDeltaDays, 24 * 3600 - 1, 1000000 - 1}};
  for (auto& v : vals) {
    Ref<> o = Ref<>::steal(new_delta(v.days, v.seconds, v.us, false));
    if (!o || dict_set_item_string(d, v.name, o.get()) < 0) return -1;
  }
  type_modified(&delta_type);
  return 0;
}

}  // namespace cppy::modules::datetime_
