// datetime.date, datetime.datetime and datetime.IsoCalendarDate: the PyDateTime_Date and
// PyDateTime_DateTime parts of Modules/_datetimemodule.c (constructors and pickle states,
// fromisoformat, timestamps with local time and fold detection, arithmetic, comparison with
// the PEP 495 exception, hashing, astimezone).
#include <time.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "hash/hash.h"
#include "imp/import.h"
#include "modules/_datetime/datetime_internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pytime.h"

namespace cppy::modules::datetime_ {

using namespace objects;

namespace {

constexpr long long kMaxFoldSeconds = 24 * 3600;
constexpr long long kEpoch = 719163LL * 24 * 60 * 60;

Object* epoch_dt = nullptr;  // datetime(1970, 1, 1, tzinfo=UTC)

inline DateTimeObject* as_dt(Object* o) { return static_cast<DateTimeObject*>(o); }

void set_date_fields(Object* o, int y, int m, int d) {
  DateObject* self = static_cast<DateObject*>(o);
  self->hashcode = -1;
  self->data[0] = static_cast<unsigned char>((y & 0xff00) >> 8);
  self->data[1] = static_cast<unsigned char>(y & 0xff);
  self->data[2] = static_cast<unsigned char>(m);
  self->data[3] = static_cast<unsigned char>(d);
}

using TmFunc = int (*)(time_t, struct tm*);

}  // namespace

// ---------------------------------------------------------------------------
// Constructors.

Object* new_date_ex(int year, int month, int day, TypeObject* type) {
  if (check_date_args(year, month, day) < 0) return nullptr;
  Object* self = type->alloc(type, 0);
  if (self) set_date_fields(self, year, month, day);
  return self;
}

Object* new_date_subclass_ex(int year, int month, int day, Object* cls) {
  if (cls == &date_type) return new_date_ex(year, month, day, &date_type);
  if (cls == &datetime_type) {
    return new_datetime_ex2(year, month, day, 0, 0, 0, 0, none(), 0, &datetime_type);
  }
  Ref<> y = Ref<>::steal(long_from_long(year));
  Ref<> m = Ref<>::steal(long_from_long(month));
  Ref<> d = Ref<>::steal(long_from_long(day));
  if (!y || !m || !d) return nullptr;
  return object_call_function_obj_args(cls, y.get(), m.get(), d.get(), nullptr);
}

Object* new_datetime_ex2(int year, int month, int day, int hour, int minute, int second,
                         int usecond, Object* tzinfo, int fold, TypeObject* type) {
  if (check_date_args(year, month, day) < 0) return nullptr;
  if (check_time_args(hour, minute, second, usecond, fold) < 0) return nullptr;
  if (check_tzinfo_subclass(tzinfo) < 0) return nullptr;
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  DateTimeObject* self = as_dt(o);
  bool aware = tzinfo != none();
  self->hastzinfo = aware;
  set_date_fields(o, year, month, day);
  self->data[4] = static_cast<unsigned char>(hour);
  self->data[5] = static_cast<unsigned char>(minute);
  self->data[6] = static_cast<unsigned char>(second);
  self->data[7] = static_cast<unsigned char>((usecond & 0xff0000) >> 16);
  self->data[8] = static_cast<unsigned char>((usecond & 0x00ff00) >> 8);
  self->data[9] = static_cast<unsigned char>(usecond & 0xff);
  self->tzinfo = aware ? new_ref(tzinfo) : nullptr;
  self->fold = static_cast<unsigned char>(fold);
  return o;
}

namespace {
Object* new_datetime(int y, int m, int d, int hh, int mm, int ss, int us, Object* tzinfo,
                     int fold) {
  return new_datetime_ex2(y, m, d, hh, mm, ss, us, tzinfo, fold, &datetime_type);
}
}  // namespace

// call_subclass_fold: cls(*ints, tzinfo) with fold=1 passed by keyword when set.
Object* new_datetime_subclass_fold_ex(int year, int month, int day, int hour, int minute,
                                      int second, int usecond, Object* tzinfo, int fold,
                                      Object* cls) {
  if (cls == &datetime_type) {
    return new_datetime(year, month, day, hour, minute, second, usecond, tzinfo, fold);
  }
  int vals[7] = {year, month, day, hour, minute, second, usecond};
  Ref<> args = Ref<>::steal(tuple_new(8));
  if (!args) return nullptr;
  for (int i = 0; i < 7; ++i) {
    Object* v = long_from_long(vals[i]);
    if (!v) return nullptr;
    tuple_set_item(args.get(), i, v);
  }
  tuple_set_item(args.get(), 7, new_ref(tzinfo));
  Ref<> kwargs;
  if (fold) {
    kwargs = Ref<>::steal(dict_new());
    if (!kwargs) return nullptr;
    Ref<> f = Ref<>::steal(long_from_long(fold));
    if (!f || dict_set_item_string(kwargs.get(), "fold", f.get()) < 0) return nullptr;
  }
  return object_call(cls, args.get(), kwargs.get());
}

namespace {
Object* new_datetime_subclass_ex(int year, int month, int day, int hour, int minute, int second,
                                 int usecond, Object* tzinfo, Object* cls) {
  return new_datetime_subclass_fold_ex(year, month, day, hour, minute, second, usecond, tzinfo,
                                       0, cls);
}

hash_t generic_hash(const unsigned char* data, int len) { return hash::hash_bytes(data, len); }

// ---------------------------------------------------------------------------
// date.

Object* date_year(Object* self, void*) { return long_from_long(get_year(self)); }
Object* date_month(Object* self, void*) { return long_from_long(get_month(self)); }
Object* date_day(Object* self, void*) { return long_from_long(get_day(self)); }

GetSetDef date_getset[] = {{"year", date_year, nullptr, nullptr, nullptr},
                           {"month", date_month, nullptr, nullptr, nullptr},
                           {"day", date_day, nullptr, nullptr, nullptr},
                           {nullptr, nullptr, nullptr, nullptr, nullptr}};

Object* date_from_pickle(TypeObject* type, Object* state) {
  Object* me = type->alloc(type, 0);
  if (me) {
    std::memcpy(ddata(me), bytes_as_string(state), kDateDataSize);
    static_cast<DateObject*>(me)->hashcode = -1;
  }
  return me;
}

// A str pickle state (Python 2 pickles loaded with encoding='latin1'): its Latin-1 bytes.
Object* latin1_state(Object* state, const char* what) {
  ssize n = str_length(state);
  std::string bytes;
  for (ssize i = 0; i < n; ++i) {
    UCS4 ch = str_read_char(state, i);
    if (ch > 0xff) {
      errors::format(exc_ValueError,
                     "Failed to encode latin1 string when unpickling a %s object. "
                     "pickle.load(data, encoding='latin1') is assumed.",
                     what);
      return nullptr;
    }
    bytes.push_back(static_cast<char>(ch));
  }
  return bytes_from_string_and_size(bytes.data(), static_cast<ssize>(bytes.size()));
}

bool month_is_sane(unsigned m) { return m - 1 < 12; }

Object* date_new(TypeObject* type, Object* args, Object* kw) {
  if (tuple_size(args) == 1) {
    Object* state = tuple_item(args, 0);
    if (bytes_check(state)) {
      if (bytes_size(state) == kDateDataSize &&
          month_is_sane(static_cast<unsigned char>(bytes_as_string(state)[2]))) {
        return date_from_pickle(type, state);
      }
    } else if (str_check(state)) {
      if (str_length(state) == kDateDataSize && month_is_sane(str_read_char(state, 2))) {
        Ref<> b = Ref<>::steal(latin1_state(state, "date"));
        if (!b) return nullptr;
        return date_from_pickle(type, b.get());
      }
    }
  }
  static const char* const kws[] = {"year", "month", "day", nullptr};
  Object* a[3];
  if (!parse_kwargs(args, kw, nullptr, kws, 3, 3, a)) return nullptr;
  int year, month, day;
  if (!conv_int(a[0], &year) || !conv_int(a[1], &month) || !conv_int(a[2], &day)) return nullptr;
  return new_date_ex(year, month, day, type);
}

Object* date_fromtimestamp_impl(Object* cls, Object* obj) {
  time_t t;
  if (runtime::object_to_time_t(obj, &t, runtime::TimeRound::kFloor) < 0) return nullptr;
  struct tm tm;
  if (runtime::time_localtime(t, &tm) != 0) return nullptr;
  return new_date_subclass_ex(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, cls);
}

// time_time: time.time(), so that today() and fromtimestamp() agree.
Object* time_time() {
  Ref<> mod = Ref<>::steal(imp::import_module("time"));
  if (!mod) return nullptr;
  Ref<> f = Ref<>::steal(object_getattr_string(mod.get(), "time"));
  if (!f) return nullptr;
  return object_call_no_args(f.get());
}

Object* date_today(Object* cls, Object*) {
  Ref<> t = Ref<>::steal(time_time());
  if (!t) return nullptr;
  static Object* name = str_intern_from_cstr("fromtimestamp");
  return call_method_one_arg(cls, name, t.get());
}

Object* date_fromtimestamp(Object* cls, Object* timestamp) {
  return date_fromtimestamp_impl(cls, timestamp);
}

Object* date_fromordinal(Object* cls, Object* args) {
  Object* a[1];
  if (!parse_tuple(args, "fromordinal", 1, 1, a)) return nullptr;
  int ordinal;
  if (!conv_int(a[0], &ordinal)) return nullptr;
  if (ordinal < 1) {
    errors::set_string(exc_ValueError, "ordinal must be >= 1");
    return nullptr;
  }
  int year, month, day;
  ord_to_ymd(ordinal, &year, &month, &day);
  return new_date_subclass_ex(year, month, day, cls);
}

Object* date_fromisoformat(Object* cls, Object* dtstr) {
  if (!str_check(dtstr)) {
    errors::set_string(exc_TypeError, "fromisoformat: argument must be str");
    return nullptr;
  }
  ssize len;
  const char* p = str_as_utf8(dtstr, &len);
  int year = 0, month = 0, day = 0;
  int rv = -1;
  if (!p) {
    errors::clear();
  } else if (len == 7 || len == 8 || len == 10) {
    rv = parse_isoformat_date(p, static_cast<size_t>(len), &year, &month, &day);
  }
  if (rv < 0) return errors::format(exc_ValueError, "Invalid isoformat string: %R", dtstr);
  return new_date_subclass_ex(year, month, day, cls);
}

Object* date_fromisocalendar(Object* cls, Object* args, Object* kw) {
  static const char* const kws[] = {"year", "week", "day", nullptr};
  Object* a[3];
  if (!parse_kwargs(args, kw, "fromisocalendar", kws, 3, 3, a)) return nullptr;
  int year, week, day;
  if (!conv_int(a[0], &year) || !conv_int(a[1], &week) || !conv_int(a[2], &day)) {
    if (errors::exception_matches(exc_OverflowError)) {
      errors::clear();
      errors::set_string(exc_ValueError, "ISO calendar component out of range");
    }
    return nullptr;
  }
  int month;
  int rv = iso_to_ymd(year, week, day, &year, &month, &day);
  if (rv == -4) {
    return errors::format(exc_ValueError, "year must be in %d..%d, not %d", kMinYear, kMaxYear,
                          year);
  }
  if (rv == -2) return errors::format(exc_ValueError, "Invalid week: %d", week);
  if (rv == -3) {
    return errors::format(exc_ValueError, "Invalid weekday: %d (range is [1, 7])", day);
  }
  return new_date_subclass_ex(year, month, day, cls);
}

Object* date_strptime(Object* cls, Object* args) {
  return call_strptime("_strptime_datetime_date", cls, args);
}

Object* add_date_timedelta(Object* date, Object* delta, bool negate) {
  int year = get_year(date), month = get_month(date);
  int deltadays = td_days(delta);
  int day = get_day(date) + (negate ? -deltadays : deltadays);
  if (normalize_date(&year, &month, &day) < 0) return nullptr;
  return new_date_subclass_ex(year, month, day, date->type);
}

Object* date_add(Object* left, Object* right) {
  if (datetime_check(left) || datetime_check(right)) return return_not_implemented();
  if (date_check(left)) {
    if (delta_check(right)) return add_date_timedelta(left, right, false);
  } else if (delta_check(left)) {
    return add_date_timedelta(right, left, false);
  }
  return return_not_implemented();
}

Object* date_subtract(Object* left, Object* right) {
  if (datetime_check(left) || datetime_check(right)) return return_not_implemented();
  if (date_check(left)) {
    if (date_check(right)) {
      int l = ymd_to_ord(get_year(left), get_month(left), get_day(left));
      int r = ymd_to_ord(get_year(right), get_month(right), get_day(right));
      return new_delta(l - r, 0, 0, false);
    }
    if (delta_check(right)) return add_date_timedelta(left, right, true);
  }
  return return_not_implemented();
}

Object* date_repr(Object* self) {
  return str_from_format("%s(%d, %d, %d)", self->type->name, get_year(self), get_month(self),
                         get_day(self));
}

Object* date_isoformat(Object* self, Object*) {
  return str_from_format("%04d-%02d-%02d", get_year(self), get_month(self), get_day(self));
}

Object* date_str(Object* self) {
  static Object* name = str_intern_from_cstr("isoformat");
  return call_method_no_args(self, name);
}

Object* date_ctime(Object* self, Object*) { return format_ctime(self, 0, 0, 0); }

Object* date_strftime(Object* self, Object* args, Object* kw) {
  static const char* const kws[] = {"format", nullptr};
  Object* a[1];
  if (!parse_kwargs(args, kw, "strftime", kws, 1, 1, a)) return nullptr;
  if (!conv_str(a[0], "strftime", 1)) return nullptr;
  static Object* name = str_intern_from_cstr("timetuple");
  Ref<> tuple = Ref<>::steal(call_method_no_args(self, name));
  if (!tuple) return nullptr;
  return wrap_strftime(self, a[0], tuple.get(), self);
}

Object* date_isoweekday(Object* self, Object*) {
  return long_from_long(weekday(get_year(self), get_month(self), get_day(self)) + 1);
}

// ---------------------------------------------------------------------------
// IsoCalendarDate: a tuple subclass with named accessors.

Object* iso_calendar_date_new_impl(TypeObject* type, int year, int week, int weekday) {
  Object* self = type->alloc(type, 3);
  if (!self) return nullptr;
  int vals[3] = {year, week, weekday};
  for (int i = 0; i < 3; ++i) {
    Object* v = long_from_long(vals[i]);
    if (!v) {
      decref(self);
      return nullptr;
    }
    tuple_set_item(self, i, v);
  }
  return self;
}

Object* iso_calendar_date_new(TypeObject* type, Object* args, Object* kw) {
  static const char* const kws[] = {"year", "week", "weekday", nullptr};
  static const ArgParser parser{"IsoCalendarDate", kws, 3, 3, 0};
  Object* a[3];
  if (unpack_keywords_tuple(parser, args, kw, a) < 0) return nullptr;
  int vals[3];
  for (int i = 0; i < 3; ++i) {
    vals[i] = long_as_int(a[i]);
    if (vals[i] == -1 && errors::occurred()) return nullptr;
  }
  return iso_calendar_date_new_impl(type, vals[0], vals[1], vals[2]);
}

Object* iso_calendar_date_repr(Object* self) {
  return str_from_format("%.200s(year=%S, week=%S, weekday=%S)", self->type->name,
                         tuple_item(self, 0), tuple_item(self, 1), tuple_item(self, 2));
}

Object* iso_calendar_date_reduce(Object* self, Object*) {
  Ref<> inner = Ref<>::steal(tuple_pack(3, tuple_item(self, 0), tuple_item(self, 1),
                                        tuple_item(self, 2)));
  if (!inner) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(1, inner.get()));
  if (!args) return nullptr;
  return tuple_pack(2, &tuple_type, args.get());
}

Object* iso_year(Object* self, void*) { return new_ref(tuple_item(self, 0)); }
Object* iso_week(Object* self, void*) { return new_ref(tuple_item(self, 1)); }
Object* iso_weekday(Object* self, void*) { return new_ref(tuple_item(self, 2)); }

GetSetDef isocal_getset[] = {{"year", iso_year, nullptr, nullptr, nullptr},
                             {"week", iso_week, nullptr, nullptr, nullptr},
                             {"weekday", iso_weekday, nullptr, nullptr, nullptr},
                             {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef isocal_methods[] = {{"__reduce__", reinterpret_cast<void*>(iso_calendar_date_reduce),
                               kMethNoArgs, "__reduce__() -> (cls, state)"},
                              {nullptr, nullptr, 0, nullptr}};

Object* date_isocalendar(Object* self, Object*) {
  int year = get_year(self);
  int week1_monday = iso_week1_monday(year);
  int today = ymd_to_ord(year, get_month(self), get_day(self));
  int day;
  int week = divmod_int(today - week1_monday, 7, &day);
  if (week < 0) {
    --year;
    week1_monday = iso_week1_monday(year);
    week = divmod_int(today - week1_monday, 7, &day);
  } else if (week >= 52 && today >= iso_week1_monday(year + 1)) {
    ++year;
    week = 0;
  }
  return iso_calendar_date_new_impl(&isocal_type, year, week + 1, day + 1);
}

Object* date_richcompare(Object* self, Object* other, int op) {
  if (date_check(other) && !datetime_check(other)) {
    return diff_to_bool(std::memcmp(ddata(self), ddata(other), kDateDataSize), op);
  }
  return return_not_implemented();
}

Object* date_timetuple(Object* self, Object*) {
  return build_struct_time(get_year(self), get_month(self), get_day(self), 0, 0, 0, -1);
}

int arg_int_or(Object* o, int dflt, int* out) {
  if (!o) {
    *out = dflt;
    return 0;
  }
  *out = long_as_int(o);
  return (*out == -1 && errors::occurred()) ? -1 : 0;
}

Object* date_replace(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"year", "month", "day", nullptr};
  static const ArgParser parser{"replace", kws, 0, 3, 0};
  Object* a[3];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  int year, month, day;
  if (arg_int_or(a[0], get_year(self), &year) < 0 || arg_int_or(a[1], get_month(self), &month) < 0 ||
      arg_int_or(a[2], get_day(self), &day) < 0)
    return nullptr;
  return new_date_subclass_ex(year, month, day, self->type);
}

hash_t date_hash(Object* self) {
  DateObject* d = static_cast<DateObject*>(self);
  if (d->hashcode == -1) d->hashcode = generic_hash(d->data, kDateDataSize);
  return d->hashcode;
}

Object* date_toordinal(Object* self, Object*) {
  return long_from_long(ymd_to_ord(get_year(self), get_month(self), get_day(self)));
}

Object* date_weekday(Object* self, Object*) {
  return long_from_long(weekday(get_year(self), get_month(self), get_day(self)));
}

Object* date_reduce(Object* self, Object*) {
  Ref<> field = Ref<>::steal(
      bytes_from_string_and_size(reinterpret_cast<const char*>(ddata(self)), kDateDataSize));
  if (!field) return nullptr;
  Ref<> state = Ref<>::steal(tuple_pack(1, field.get()));
  if (!state) return nullptr;
  return tuple_pack(2, self->type, state.get());
}

#define FN(f) reinterpret_cast<void*>(f)

MethodDef date_methods[] = {
    {"fromtimestamp", FN(date_fromtimestamp), kMethO | kMethClass,
     "fromtimestamp($type, timestamp, /)\n--\n\nCreate a date from a POSIX timestamp.\n\nThe "
     "timestamp is a number, e.g. created via time.time(), that is interpreted\nas local time."},
    {"fromordinal", FN(date_fromordinal), kMethVarargs | kMethClass,
     "int -> date corresponding to a proleptic Gregorian ordinal."},
    {"fromisoformat", FN(date_fromisoformat), kMethO | kMethClass,
     "str -> Construct a date from a string in ISO 8601 format."},
    {"fromisocalendar", FN(date_fromisocalendar), kMethVarargs | kMethKeywords | kMethClass,
     "int, int, int -> Construct a date from the ISO year, week number and weekday.\n\nThis is "
     "the inverse of the date.isocalendar() function"},
    {"strptime", FN(date_strptime), kMethVarargs | kMethClass,
     "string, format -> new date parsed from a string (like time.strptime())."},
    {"today", FN(date_today), kMethNoArgs | kMethClass,
     "Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."},
    {"ctime", FN(date_ctime), kMethNoArgs, "Return ctime() style string."},
    {"strftime", FN(date_strftime), kMethVarargs | kMethKeywords,
     "format -> strftime() style string."},
    {"__format__", FN(date_format), kMethVarargs, "Formats self with strftime."},
    {"timetuple", FN(date_timetuple), kMethNoArgs,
     "Return time tuple, compatible with time.localtime()."},
    {"isocalendar", FN(date_isocalendar), kMethNoArgs,
     "Return a named tuple containing ISO year, week number, and weekday."},
    {"isoformat", FN(date_isoformat), kMethNoArgs,
     "Return string in ISO 8601 format, YYYY-MM-DD."},
    {"isoweekday", FN(date_isoweekday), kMethNoArgs,
     "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {"toordinal", FN(date_toordinal), kMethNoArgs,
     "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {"weekday", FN(date_weekday), kMethNoArgs,
     "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {"replace", FN(date_replace), kMethFastcall | kMethKeywords,
     "replace($self, /, year=unchanged, month=unchanged, day=unchanged)\n--\n\nReturn date with "
     "new specified fields."},
    {"__replace__", FN(date_replace), kMethFastcall | kMethKeywords,
     "__replace__($self, /, **changes)\n--\n\nThe same as replace()."},
    {"__reduce__", FN(date_reduce), kMethNoArgs, "__reduce__() -> (cls, state)"},
    {nullptr, nullptr, 0, nullptr}};

NumberMethods date_as_number = [] {
  NumberMethods n{};
  n.add = date_add;
  n.subtract = date_subtract;
  return n;
}();

// ---------------------------------------------------------------------------
// datetime.

Object* datetime_hour(Object* self, void*) { return long_from_long(dt_hour(self)); }
Object* datetime_minute(Object* self, void*) { return long_from_long(dt_minute(self)); }
Object* datetime_second(Object* self, void*) { return long_from_long(dt_second(self)); }
Object* datetime_microsecond(Object* self, void*) { return long_from_long(dt_us(self)); }
Object* datetime_tzinfo_get(Object* self, void*) { return new_ref(dt_tzinfo(self)); }
Object* datetime_fold(Object* self, void*) { return long_from_long(dt_fold(self)); }

GetSetDef datetime_getset[] = {{"hour", datetime_hour, nullptr, nullptr, nullptr},
                               {"minute", datetime_minute, nullptr, nullptr, nullptr},
                               {"second", datetime_second, nullptr, nullptr, nullptr},
                               {"microsecond", datetime_microsecond, nullptr, nullptr, nullptr},
                               {"tzinfo", datetime_tzinfo_get, nullptr, nullptr, nullptr},
                               {"fold", datetime_fold, nullptr, nullptr, nullptr},
                               {nullptr, nullptr, nullptr, nullptr, nullptr}};

// The shared part of datetime_from_pickle and time_from_pickle: the packed state copied in,
// the fold bit taken from the high bit of byte fold_at (the month of a datetime, the hour of a
// time).
template <typename T, size_t kSize>
Object* from_pickle(TypeObject* type, Object* state, Object* tzinfo, int fold_at) {
  bool aware = tzinfo != none();
  if (aware && check_tzinfo_subclass(tzinfo) < 0) {
    errors::clear();
    errors::set_string(exc_TypeError, "bad tzinfo state arg");
    return nullptr;
  }
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  T* me = static_cast<T*>(o);
  const char* pdata = bytes_as_string(state);
  std::memcpy(me->data, pdata, kSize);
  me->hashcode = -1;
  me->hastzinfo = aware;
  me->tzinfo = aware ? new_ref(tzinfo) : nullptr;
  me->fold = 0;
  if (pdata[fold_at] & (1 << 7)) {
    me->data[fold_at] -= 128;
    me->fold = 1;
  }
  return o;
}

}  // namespace

// datetime_new / time_new given (state[, tzinfo]) with a pickle state: bytes of the packed size
// (or a str of it, a Python 2 pickle loaded with encoding='latin1') whose first month or hour
// byte is sane. *handled false when the arguments are no pickle state (the keyword form then).
Object* new_from_pickle_state(TypeObject* type, Object* args, bool is_time, bool* handled) {
  *handled = false;
  ssize n = tuple_size(args);
  if (n < 1 || n > 2) return nullptr;
  Object* state = tuple_item(args, 0);
  Object* tzinfo = n == 2 ? tuple_item(args, 1) : none();
  ssize size = is_time ? kTimeDataSize : kDateTimeDataSize;
  int at = is_time ? 0 : 2;  // the hour of a time, the month of a datetime
  auto sane = [&](unsigned byte) {
    byte &= 0x7F;
    return is_time ? byte < 24 : month_is_sane(byte);
  };
  Ref<> bytes;
  if (bytes_check(state)) {
    if (bytes_size(state) != size || !sane(static_cast<unsigned char>(bytes_as_string(state)[at])))
      return nullptr;
    bytes = Ref<>::borrow(state);
  } else if (str_check(state)) {
    if (str_length(state) != size || !sane(str_read_char(state, at))) return nullptr;
    *handled = true;
    bytes = Ref<>::steal(latin1_state(state, is_time ? "time" : "datetime"));
    if (!bytes) return nullptr;
  } else {
    return nullptr;
  }
  *handled = true;
  if (is_time) return from_pickle<TimeObject, kTimeDataSize>(type, bytes.get(), tzinfo, at);
  return from_pickle<DateTimeObject, kDateTimeDataSize>(type, bytes.get(), tzinfo, at);
}

namespace {

Object* datetime_new(TypeObject* type, Object* args, Object* kw) {
  bool handled;
  Object* r = new_from_pickle_state(type, args, false, &handled);
  if (handled) return r;
  static const char* const kws[] = {"year",   "month",       "day",    "hour", "minute",
                                    "second", "microsecond", "tzinfo", "fold", nullptr};
  Object* a[9];
  if (!parse_kwargs(args, kw, nullptr, kws, 3, 8, a)) return nullptr;
  int v[7] = {0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 7; ++i) {
    if (a[i] && !conv_int(a[i], &v[i])) return nullptr;
  }
  Object* tzinfo = a[7] ? a[7] : none();
  int fold = 0;
  if (a[8] && !conv_int(a[8], &fold)) return nullptr;
  return new_datetime_ex2(v[0], v[1], v[2], v[3], v[4], v[5], v[6], tzinfo, fold, type);
}

long long utc_to_seconds(int year, int month, int day, int hour, int minute, int second) {
  if (year < kMinYear || year > kMaxYear) {
    errors::format(exc_ValueError, "year %i is out of range", year);
    return -1;
  }
  long long ordinal = ymd_to_ord(year, month, day);
  return ((ordinal * 24 + hour) * 60 + minute) * 60 + second;
}

long long local(long long u) {
  u -= kEpoch;
  time_t t = static_cast<time_t>(u);
  struct tm local_time;
  if (runtime::time_localtime(t, &local_time) != 0) return -1;
  return utc_to_seconds(local_time.tm_year + 1900, local_time.tm_mon + 1, local_time.tm_mday,
                        local_time.tm_hour, local_time.tm_min, local_time.tm_sec);
}

// datetime_from_timet_and_us: with localtime, fold is detected by probing 24 hours back.
Object* datetime_from_timet_and_us(Object* cls, TmFunc f, time_t timet, int us, Object* tzinfo) {
  struct tm tm;
  if (f(timet, &tm) != 0) return nullptr;
  int year = tm.tm_year + 1900, month = tm.tm_mon + 1, day = tm.tm_mday;
  int hour = tm.tm_hour, minute = tm.tm_min;
  int second = tm.tm_sec < 59 ? tm.tm_sec : 59;
  int fold = 0;
  if (tzinfo == none() && f == runtime::time_localtime) {
    long long result_seconds = utc_to_seconds(year, month, day, hour, minute, second);
    if (result_seconds == -1 && errors::occurred()) return nullptr;
    long long probe_seconds = local(kEpoch + timet - kMaxFoldSeconds);
    if (probe_seconds == -1) return nullptr;
    long long transition = result_seconds - probe_seconds - kMaxFoldSeconds;
    if (transition < 0) {
      probe_seconds = local(kEpoch + timet + transition);
      if (probe_seconds == -1) return nullptr;
      if (probe_seconds == result_seconds) fold = 1;
    }
  }
  return new_datetime_subclass_fold_ex(year, month, day, hour, minute, second, us, tzinfo, fold,
                                       cls);
}

Object* datetime_from_timestamp(Object* cls, TmFunc f, Object* timestamp, Object* tzinfo) {
  time_t timet;
  long us;
  if (runtime::object_to_timeval(timestamp, &timet, &us, runtime::TimeRound::kHalfEven) < 0)
    return nullptr;
  return datetime_from_timet_and_us(cls, f, timet, static_cast<int>(us), tzinfo);
}

Object* datetime_best_possible(Object* cls, TmFunc f, Object* tzinfo) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return datetime_from_timet_and_us(cls, f, ts.tv_sec, static_cast<int>(ts.tv_nsec / 1000),
                                    tzinfo);
}

Object* call_fromutc(Object* tz, Object* dt) {
  static Object* name = str_intern_from_cstr("fromutc");
  return call_method_one_arg(tz, name, dt);
}

Object* datetime_now(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"tz", nullptr};
  static const ArgParser parser{"now", kws, 0, 1, 0};
  Object* a[1];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object* tz = a[0] ? a[0] : none();
  if (check_tzinfo_subclass(tz) < 0) return nullptr;
  Ref<> self = Ref<>::steal(
      datetime_best_possible(cls, tz == none() ? runtime::time_localtime : runtime::time_gmtime, tz));
  if (self && tz != none()) return call_fromutc(tz, self.get());
  return self.release();
}

Object* datetime_utcnow(Object* cls, Object*) {
  if (errors::warn_ex(exc_DeprecationWarning,
                      "datetime.datetime.utcnow() is deprecated and scheduled for removal in a "
                      "future version. Use timezone-aware objects to represent datetimes in UTC: "
                      "datetime.datetime.now(datetime.UTC).",
                      1) < 0)
    return nullptr;
  return datetime_best_possible(cls, runtime::time_gmtime, none());
}

Object* datetime_fromtimestamp(Object* cls, Object* args, Object* kw) {
  static const char* const kws[] = {"timestamp", "tz", nullptr};
  Object* a[2];
  if (!parse_kwargs(args, kw, "fromtimestamp", kws, 1, 2, a)) return nullptr;
  Object* tzinfo = a[1] ? a[1] : none();
  if (check_tzinfo_subclass(tzinfo) < 0) return nullptr;
  Ref<> self = Ref<>::steal(datetime_from_timestamp(
      cls, tzinfo == none() ? runtime::time_localtime : runtime::time_gmtime, a[0], tzinfo));
  if (self && tzinfo != none()) return call_fromutc(tzinfo, self.get());
  return self.release();
}

Object* datetime_utcfromtimestamp(Object* cls, Object* args) {
  if (errors::warn_ex(exc_DeprecationWarning,
                      "datetime.datetime.utcfromtimestamp() is deprecated and scheduled for "
                      "removal in a future version. Use timezone-aware objects to represent "
                      "datetimes in UTC: datetime.datetime.fromtimestamp(timestamp, "
                      "datetime.UTC).",
                      1) < 0)
    return nullptr;
  Object* a[1];
  if (!parse_tuple(args, "utcfromtimestamp", 1, 1, a)) return nullptr;
  return datetime_from_timestamp(cls, runtime::time_gmtime, a[0], none());
}

Object* datetime_strptime(Object* cls, Object* args) {
  return call_strptime("_strptime_datetime_datetime", cls, args);
}

Object* datetime_combine(Object* cls, Object* args, Object* kw) {
  static const char* const kws[] = {"date", "time", "tzinfo", nullptr};
  Object* a[3];
  if (!parse_kwargs(args, kw, "combine", kws, 2, 3, a)) return nullptr;
  if (!conv_type(a[0], &date_type, "combine", 1) || !conv_type(a[1], &time_type, "combine", 2))
    return nullptr;
  Object* date = a[0];
  Object* time = a[1];
  Object* tzinfo = a[2] ? a[2] : time_tzinfo_of(time);
  return new_datetime_subclass_fold_ex(get_year(date), get_month(date), get_day(date),
                                       time_hour(time), time_minute(time), time_second(time),
                                       time_us(time), tzinfo, time_fold(time), cls);
}

// _sanitize_isoformat_str: a surrogate at a possible separator position (7, 8 or 10) becomes
// 'T' so the rest can be encoded in UTF-8; null when the string is too short.
Object* sanitize_isoformat_str(Object* dtstr) {
  ssize len = str_length(dtstr);
  if (len < 7) return nullptr;
  static const ssize potential[3] = {7, 8, 10};
  ssize surrogate_separator = 0;
  for (ssize pos : potential) {
    if (pos > len) break;
    if (pos == len) break;  // reading index len is the terminator: never a surrogate
    UCS4 ch = str_read_char(dtstr, pos);
    if (ch >= 0xD800 && ch <= 0xDFFF) {
      surrogate_separator = pos;
      break;
    }
  }
  if (surrogate_separator == 0) return new_ref(dtstr);
  StrWriter w;
  for (ssize i = 0; i < len; ++i) {
    if (w.write_char(i == surrogate_separator ? 'T' : str_read_char(dtstr, i)) < 0)
      return nullptr;
  }
  return w.finish();
}

bool is_digit_c(char c) { return static_cast<unsigned>(c - '0') < 10; }

ssize find_isoformat_datetime_separator(const char* dtstr, ssize len) {
  if (len == 7) return 7;
  if (dtstr[4] == '-') {
    if (dtstr[5] == 'W') {
      if (len < 8) return -1;
      if (len > 8 && dtstr[8] == '-') {
        if (len == 9) return -1;
        if (len > 10 && is_digit_c(dtstr[10])) return 8;
        return 10;
      }
      return 8;
    }
    return 10;
  }
  if (dtstr[4] == 'W') {
    ssize idx = 7;
    for (; idx < len; ++idx) {
      if (!is_digit_c(dtstr[idx])) break;
    }
    if (idx < 9) return idx;
    return idx % 2 == 0 ? 7 : 8;
  }
  return 8;
}

Object* datetime_fromisoformat(Object* cls, Object* dtstr) {
  if (!str_check(dtstr)) {
    errors::set_string(exc_TypeError, "fromisoformat: argument must be str");
    return nullptr;
  }
  Ref<> clean = Ref<>::steal(sanitize_isoformat_str(dtstr));
  if (!clean) {
    if (errors::occurred()) return nullptr;
    return errors::format(exc_ValueError, "Invalid isoformat string: %R", dtstr);
  }
  ssize len;
  const char* dt_ptr = str_as_utf8(clean.get(), &len);
  if (!dt_ptr) {
    if (errors::exception_matches(exc_UnicodeEncodeError)) {
      errors::clear();
      return errors::format(exc_ValueError, "Invalid isoformat string: %R", dtstr);
    }
    return nullptr;
  }
  ssize separator_location = find_isoformat_datetime_separator(dt_ptr, len);
  const char* p = dt_ptr;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, microsecond = 0;
  int tzoffset = 0, tzusec = 0;
  int rv = parse_isoformat_date(p, static_cast<size_t>(separator_location), &year, &month, &day);
  if (!rv && len > separator_location) {
    p += separator_location;
    if ((p[0] & 0x80) == 0) {
      p += 1;
    } else {
      switch (p[0] & 0xf0) {
        case 0xe0: p += 3; break;
        case 0xf0: p += 4; break;
        default: p += 2; break;
      }
    }
    len -= (p - dt_ptr);
    rv = parse_isoformat_time(p, static_cast<size_t>(len), &hour, &minute, &second, &microsecond,
                              &tzoffset, &tzusec);
  }
  if (rv < 0) return errors::format(exc_ValueError, "Invalid isoformat string: %R", dtstr);
  Ref<> tzinfo = Ref<>::steal(tzinfo_from_isoformat_results(rv, tzoffset, tzusec));
  if (!tzinfo) return nullptr;
  if (hour == 24 && month <= 12) {
    int d_in_month = days_in_month(year, month);
    if (day <= d_in_month) {
      if (minute == 0 && second == 0 && microsecond == 0) {
        hour = 0;
        day += 1;
        if (day > d_in_month) {
          day = 1;
          month += 1;
          if (month > 12) {
            month = 1;
            year += 1;
          }
        }
      } else {
        errors::set_string(exc_ValueError,
                           "minute, second, and microsecond must be 0 when hour is 24");
        return nullptr;
      }
    }
  }
  return new_datetime_subclass_ex(year, month, day, hour, minute, second, microsecond,
                                  tzinfo.get(), cls);
}

void datetime_dealloc(Object* o) {
  DateTimeObject* self = as_dt(o);
  if (self->hastzinfo) xdecref(self->tzinfo);
  o->type->free(o);
}

}  // namespace

Object* datetime_utcoffset(Object* self, Object*) { return call_utcoffset(dt_tzinfo(self), self); }
Object* datetime_dst(Object* self, Object*) { return call_dst(dt_tzinfo(self), self); }

namespace {
Object* datetime_tzname(Object* self, Object*) { return call_tzname(dt_tzinfo(self), self); }
}  // namespace

// add_datetime_timedelta: factor 1 adds, -1 subtracts; the result keeps date's tzinfo.
Object* add_datetime_timedelta(Object* date, Object* delta, int factor) {
  int year = get_year(date), month = get_month(date);
  int day = get_day(date) + td_days(delta) * factor;
  int hour = dt_hour(date), minute = dt_minute(date);
  int second = dt_second(date) + td_seconds(delta) * factor;
  int microsecond = dt_us(date) + td_us(delta) * factor;
  if (normalize_datetime(&year, &month, &day, &hour, &minute, &second, &microsecond) < 0)
    return nullptr;
  return new_datetime_subclass_ex(year, month, day, hour, minute, second, microsecond,
                                  dt_tzinfo(date), date->type);
}

namespace {

Object* datetime_add(Object* left, Object* right) {
  if (datetime_check(left)) {
    if (delta_check(right)) return add_datetime_timedelta(left, right, 1);
  } else if (delta_check(left)) {
    return add_datetime_timedelta(right, left, 1);
  }
  return return_not_implemented();
}

Object* datetime_subtract(Object* left, Object* right) {
  if (!datetime_check(left)) return return_not_implemented();
  if (datetime_check(right)) {
    Ref<> offset1, offset2, offdiff;
    if (dt_tzinfo(left) == dt_tzinfo(right)) {
      offset1 = Ref<>::borrow(none());
      offset2 = Ref<>::borrow(none());
    } else {
      offset1 = Ref<>::steal(datetime_utcoffset(left, nullptr));
      if (!offset1) return nullptr;
      offset2 = Ref<>::steal(datetime_utcoffset(right, nullptr));
      if (!offset2) return nullptr;
      if ((offset1.get() != none()) != (offset2.get() != none())) {
        errors::set_string(exc_TypeError,
                           "can't subtract offset-naive and offset-aware datetimes");
        return nullptr;
      }
    }
    if (offset1.get() != offset2.get() && delta_cmp(offset1.get(), offset2.get()) != 0) {
      offdiff = Ref<>::steal(delta_subtract(offset1.get(), offset2.get()));
      if (!offdiff) return nullptr;
    }
    int delta_d = ymd_to_ord(get_year(left), get_month(left), get_day(left)) -
                  ymd_to_ord(get_year(right), get_month(right), get_day(right));
    int delta_s = (dt_hour(left) - dt_hour(right)) * 3600 +
                  (dt_minute(left) - dt_minute(right)) * 60 + (dt_second(left) - dt_second(right));
    int delta_us = dt_us(left) - dt_us(right);
    Ref<> result = Ref<>::steal(new_delta(delta_d, delta_s, delta_us, true));
    if (!result) return nullptr;
    if (offdiff) return delta_subtract(result.get(), offdiff.get());
    return result.release();
  }
  if (delta_check(right)) return add_datetime_timedelta(left, right, -1);
  return return_not_implemented();
}

Object* datetime_repr(Object* self) {
  const char* type_name = self->type->name;
  Object* baserepr;
  if (dt_us(self)) {
    baserepr = str_from_format("%s(%d, %d, %d, %d, %d, %d, %d)", type_name, get_year(self),
                               get_month(self), get_day(self), dt_hour(self), dt_minute(self),
                               dt_second(self), dt_us(self));
  } else if (dt_second(self)) {
    baserepr = str_from_format("%s(%d, %d, %d, %d, %d, %d)", type_name, get_year(self),
                               get_month(self), get_day(self), dt_hour(self), dt_minute(self),
                               dt_second(self));
  } else {
    baserepr = str_from_format("%s(%d, %d, %d, %d, %d)", type_name, get_year(self),
                               get_month(self), get_day(self), dt_hour(self), dt_minute(self));
  }
  if (baserepr && dt_fold(self) != 0) baserepr = append_keyword_fold(baserepr, dt_fold(self));
  if (!baserepr || !has_tzinfo(self)) return baserepr;
  return append_keyword_tzinfo(baserepr, as_dt(self)->tzinfo);
}

Object* datetime_str(Object* self) {
  Ref<> space = Ref<>::steal(str_from_cstr(" "));
  if (!space) return nullptr;
  static Object* name = str_intern_from_cstr("isoformat");
  return call_method_one_arg(self, name, space.get());
}

Object* datetime_isoformat(Object* self, Object* args, Object* kw) {
  static const char* const kws[] = {"sep", "timespec", nullptr};
  Object* a[2];
  if (!parse_kwargs(args, kw, "isoformat", kws, 0, 2, a)) return nullptr;
  UCS4 sep = 'T';
  if (a[0]) {
    if (!str_check(a[0])) {
      return errors::format(exc_TypeError,
                            "isoformat() argument 1 must be a unicode character, not %.50s",
                            a[0] == none() ? "None" : a[0]->type->name);
    }
    if (str_length(a[0]) != 1) {
      return errors::format(
          exc_TypeError,
          "isoformat() argument 1 must be a unicode character, not a string of length %zd",
          str_length(a[0]));
    }
    sep = str_read_char(a[0], 0);
  }
  const char* timespec = nullptr;
  if (a[1]) {
    if (!str_check(a[1])) {
      return errors::format(exc_TypeError, "isoformat() argument 2 must be str, not %.50s",
                            a[1] == none() ? "None" : a[1]->type->name);
    }
    ssize n;
    timespec = str_as_utf8(a[1], &n);
    if (!timespec) return nullptr;
    if (static_cast<ssize>(std::strlen(timespec)) != n) {
      errors::set_string(exc_ValueError, "embedded null character");
      return nullptr;
    }
  }
  int us = dt_us(self);
  static const char* const specs[] = {"hours", "minutes", "seconds", "milliseconds",
                                      "microseconds"};
  size_t given_spec;
  if (!timespec || std::strcmp(timespec, "auto") == 0) {
    given_spec = us == 0 ? 2 : 4;
  } else {
    for (given_spec = 0; given_spec < 5; ++given_spec) {
      if (std::strcmp(timespec, specs[given_spec]) == 0) {
        if (given_spec == 3) us = us / 1000;
        break;
      }
    }
  }
  if (given_spec == 5) {
    errors::set_string(exc_ValueError, "Unknown timespec value");
    return nullptr;
  }
  Ref<> result;
  int y = get_year(self), mo = get_month(self), d = get_day(self);
  int h = dt_hour(self), mi = dt_minute(self), s = dt_second(self);
  switch (given_spec) {
    case 0: result = Ref<>::steal(str_from_format("%04d-%02d-%02d%c%02d", y, mo, d, sep, h)); break;
    case 1:
      result = Ref<>::steal(str_from_format("%04d-%02d-%02d%c%02d:%02d", y, mo, d, sep, h, mi));
      break;
    case 2:
      result = Ref<>::steal(
          str_from_format("%04d-%02d-%02d%c%02d:%02d:%02d", y, mo, d, sep, h, mi, s));
      break;
    case 3:
      result = Ref<>::steal(
          str_from_format("%04d-%02d-%02d%c%02d:%02d:%02d.%03d", y, mo, d, sep, h, mi, s, us));
      break;
    default:
      result = Ref<>::steal(
          str_from_format("%04d-%02d-%02d%c%02d:%02d:%02d.%06d", y, mo, d, sep, h, mi, s, us));
      break;
  }
  if (!result || !has_tzinfo(self)) return result.release();
  char buffer[100];
  if (format_utcoffset(buffer, sizeof(buffer), ":", as_dt(self)->tzinfo, self) < 0) return nullptr;
  Ref<> tail = Ref<>::steal(str_from_cstr(buffer));
  if (!tail) return nullptr;
  return str_concat(result.get(), tail.get());
}

Object* datetime_ctime(Object* self, Object*) {
  return format_ctime(self, dt_hour(self), dt_minute(self), dt_second(self));
}

Object* flip_fold(Object* dt) {
  return new_datetime_ex2(get_year(dt), get_month(dt), get_day(dt), dt_hour(dt), dt_minute(dt),
                          dt_second(dt), dt_us(dt), dt_tzinfo(dt), !dt_fold(dt), dt->type);
}

Object* get_flip_fold_offset(Object* dt) {
  Ref<> flip = Ref<>::steal(flip_fold(dt));
  if (!flip) return nullptr;
  return datetime_utcoffset(flip.get(), nullptr);
}

// pep495_eq_exception: 1 when either operand's utcoffset() depends on its fold.
int pep495_eq_exception(Object* self, Object* other, Object* offset_self, Object* offset_other) {
  Ref<> flip = Ref<>::steal(get_flip_fold_offset(self));
  if (!flip) return -1;
  if (flip.get() != offset_self && delta_cmp(flip.get(), offset_self)) return 1;
  flip = Ref<>::steal(get_flip_fold_offset(other));
  if (!flip) return -1;
  if (flip.get() != offset_other && delta_cmp(flip.get(), offset_other)) return 1;
  return 0;
}

Object* datetime_richcompare(Object* self, Object* other, int op) {
  if (!datetime_check(other)) return return_not_implemented();
  if (dt_tzinfo(self) == dt_tzinfo(other)) {
    return diff_to_bool(std::memcmp(ddata(self), ddata(other), kDateTimeDataSize), op);
  }
  Ref<> offset1 = Ref<>::steal(datetime_utcoffset(self, nullptr));
  if (!offset1) return nullptr;
  Ref<> offset2 = Ref<>::steal(datetime_utcoffset(other, nullptr));
  if (!offset2) return nullptr;
  Object* o1 = offset1.get();
  Object* o2 = offset2.get();
  if (o1 == o2 || (delta_check(o1) && delta_check(o2) && delta_cmp(o1, o2) == 0)) {
    int diff = std::memcmp(ddata(self), ddata(other), kDateTimeDataSize);
    if ((op == kEQ || op == kNE) && diff == 0) {
      int ex = pep495_eq_exception(self, other, o1, o2);
      if (ex == -1) return nullptr;
      if (ex) diff = 1;
    }
    return diff_to_bool(diff, op);
  }
  if (o1 != none() && o2 != none()) {
    Ref<> delta = Ref<>::steal(datetime_subtract(self, other));
    if (!delta) return nullptr;
    int diff = td_days(delta.get());
    if (diff == 0) diff = td_seconds(delta.get()) | td_us(delta.get());
    if ((op == kEQ || op == kNE) && diff == 0) {
      int ex = pep495_eq_exception(self, other, o1, o2);
      if (ex == -1) return nullptr;
      if (ex) diff = 1;
    }
    return diff_to_bool(diff, op);
  }
  if (op == kEQ) return new_ref(false_object());
  if (op == kNE) return new_ref(true_object());
  errors::set_string(exc_TypeError, "can't compare offset-naive and offset-aware datetimes");
  return nullptr;
}

hash_t datetime_hash(Object* self) {
  DateTimeObject* dt = as_dt(self);
  if (dt->hashcode == -1) {
    Ref<> self0;
    if (dt_fold(self)) {
      self0 = Ref<>::steal(new_datetime_ex2(get_year(self), get_month(self), get_day(self),
                                            dt_hour(self), dt_minute(self), dt_second(self),
                                            dt_us(self), dt_tzinfo(self), 0, self->type));
      if (!self0) return -1;
    } else {
      self0 = Ref<>::borrow(self);
    }
    Ref<> offset = Ref<>::steal(datetime_utcoffset(self0.get(), nullptr));
    if (!offset) return -1;
    if (offset.get() == none()) {
      dt->hashcode = generic_hash(dt->data, kDateTimeDataSize);
    } else {
      int days = ymd_to_ord(get_year(self), get_month(self), get_day(self));
      int seconds = dt_hour(self) * 3600 + dt_minute(self) * 60 + dt_second(self);
      Ref<> temp1 = Ref<>::steal(new_delta(days, seconds, dt_us(self), true));
      if (!temp1) return -1;
      Ref<> temp2 = Ref<>::steal(delta_subtract(temp1.get(), offset.get()));
      if (!temp2) return -1;
      dt->hashcode = object_hash(temp2.get());
    }
  }
  return dt->hashcode;
}

Object* datetime_replace(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"year",   "month",       "day",    "hour", "minute",
                                    "second", "microsecond", "tzinfo", "fold", nullptr};
  static const ArgParser parser{"replace", kws, 0, 8, 0};
  Object* a[9];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  int dflt[7] = {get_year(self), get_month(self), get_day(self), dt_hour(self),
                 dt_minute(self), dt_second(self), dt_us(self)};
  int v[7];
  for (int i = 0; i < 7; ++i) {
    if (arg_int_or(a[i], dflt[i], &v[i]) < 0) return nullptr;
  }
  Object* tzinfo = a[7] ? a[7] : dt_tzinfo(self);
  int fold;
  if (arg_int_or(a[8], dt_fold(self), &fold) < 0) return nullptr;
  return new_datetime_subclass_fold_ex(v[0], v[1], v[2], v[3], v[4], v[5], v[6], tzinfo, fold,
                                       self->type);
}

Object* local_timezone_from_timestamp(time_t timestamp) {
  struct tm local_time_tm;
  if (runtime::time_localtime(timestamp, &local_time_tm) != 0) return nullptr;
  const char* zone = local_time_tm.tm_zone;
  Ref<> delta = Ref<>::steal(new_delta(0, static_cast<int>(local_time_tm.tm_gmtoff), 0, true));
  if (!delta) return nullptr;
  Ref<> nameo;
  if (zone) {
    nameo = Ref<>::steal(str_decode_utf8(zone, static_cast<ssize>(std::strlen(zone)),
                                         "surrogateescape"));
    if (!nameo) return nullptr;
  }
  return new_timezone(delta.get(), nameo.get());
}

Object* local_timezone(Object* utc_time) {
  Ref<> delta = Ref<>::steal(datetime_subtract(utc_time, epoch_dt));
  if (!delta) return nullptr;
  Ref<> one_second = Ref<>::steal(new_delta(0, 1, 0, false));
  if (!one_second) return nullptr;
  Ref<> seconds = Ref<>::steal(divide_timedelta_timedelta(delta.get(), one_second.get()));
  if (!seconds) return nullptr;
  time_t timestamp = runtime::long_as_time_t(seconds.get());
  if (timestamp == -1 && errors::occurred()) return nullptr;
  return local_timezone_from_timestamp(timestamp);
}

long long local_to_seconds(int year, int month, int day, int hour, int minute, int second,
                           int fold) {
  long long t = utc_to_seconds(year, month, day, hour, minute, second);
  if (t == -1 && errors::occurred()) return -1;
  long long lt = local(t);
  if (lt == -1) return -1;
  long long a = lt - t;
  long long u1 = t - a;
  long long t1 = local(u1);
  if (t1 == -1) return -1;
  long long b;
  if (t1 == t) {
    long long u2 = fold ? u1 + kMaxFoldSeconds : u1 - kMaxFoldSeconds;
    lt = local(u2);
    if (lt == -1) return -1;
    b = lt - u2;
    if (a == b) return u1;
  } else {
    b = t1 - u1;
  }
  long long u2 = t - b;
  long long t2 = local(u2);
  if (t2 == -1) return -1;
  if (t2 == t) return u2;
  if (t1 == t) return u1;
  return fold ? (u1 < u2 ? u1 : u2) : (u1 > u2 ? u1 : u2);
}

Object* local_timezone_from_local(Object* local_dt) {
  int fold = dt_fold(local_dt);
  long long seconds = local_to_seconds(get_year(local_dt), get_month(local_dt),
                                       get_day(local_dt), dt_hour(local_dt),
                                       dt_minute(local_dt), dt_second(local_dt), fold);
  if (seconds == -1) return nullptr;
  long long seconds2 = local_to_seconds(get_year(local_dt), get_month(local_dt),
                                        get_day(local_dt), dt_hour(local_dt),
                                        dt_minute(local_dt), dt_second(local_dt), !fold);
  if (seconds2 == -1) return nullptr;
  if (seconds2 != seconds && (seconds2 > seconds) == (fold != 0)) seconds = seconds2;
  return local_timezone_from_timestamp(static_cast<time_t>(seconds - kEpoch));
}

Object* datetime_astimezone(Object* self, Object* args, Object* kw) {
  static const char* const kws[] = {"tz", nullptr};
  Object* a[1];
  if (!parse_kwargs(args, kw, "astimezone", kws, 0, 1, a)) return nullptr;
  Object* tzinfo = a[0] ? a[0] : none();
  if (check_tzinfo_subclass(tzinfo) == -1) return nullptr;
  Ref<> self_tzinfo;
  Ref<> offset;
  if (!has_tzinfo(self) || as_dt(self)->tzinfo == none()) {
  naive:
    self_tzinfo = Ref<>::steal(local_timezone_from_local(self));
    if (!self_tzinfo) return nullptr;
  } else {
    self_tzinfo = Ref<>::borrow(as_dt(self)->tzinfo);
  }
  if (self_tzinfo.get() == tzinfo) return new_ref(self);
  offset = Ref<>::steal(call_utcoffset(self_tzinfo.get(), self));
  self_tzinfo.reset();
  if (!offset) return nullptr;
  if (offset.get() == none()) goto naive;
  {
    Ref<> result = Ref<>::steal(add_datetime_timedelta(self, offset.get(), -1));
    if (!result) return nullptr;
    offset.reset();
    // Make sure result is aware and UTC.
    if (!has_tzinfo(result.get())) {
      Object* r = result.get();
      result = Ref<>::steal(new_datetime_ex2(get_year(r), get_month(r), get_day(r), dt_hour(r),
                                             dt_minute(r), dt_second(r), dt_us(r), utc(),
                                             dt_fold(r), r->type));
      if (!result) return nullptr;
    } else {
      xsetref(as_dt(result.get())->tzinfo, new_ref(utc()));
    }
    Ref<> tz;
    if (tzinfo == none()) {
      tz = Ref<>::steal(local_timezone(result.get()));
      if (!tz) return nullptr;
    } else {
      tz = Ref<>::borrow(tzinfo);
    }
    xsetref(as_dt(result.get())->tzinfo, new_ref(tz.get()));
    return call_fromutc(tz.get(), result.get());
  }
}

Object* datetime_timetuple(Object* self, Object*) {
  int dstflag = -1;
  if (has_tzinfo(self) && as_dt(self)->tzinfo != none()) {
    Ref<> dst = Ref<>::steal(call_dst(as_dt(self)->tzinfo, self));
    if (!dst) return nullptr;
    if (dst.get() != none()) dstflag = delta_bool(dst.get());
  }
  return build_struct_time(get_year(self), get_month(self), get_day(self), dt_hour(self),
                           dt_minute(self), dt_second(self), dstflag);
}

Object* datetime_timestamp(Object* self, Object*) {
  if (has_tzinfo(self) && as_dt(self)->tzinfo != none()) {
    Ref<> delta = Ref<>::steal(datetime_subtract(self, epoch_dt));
    if (!delta) return nullptr;
    return delta_total_seconds(delta.get(), nullptr);
  }
  long long seconds = local_to_seconds(get_year(self), get_month(self), get_day(self),
                                       dt_hour(self), dt_minute(self), dt_second(self),
                                       dt_fold(self));
  if (seconds == -1) return nullptr;
  return float_from_double(static_cast<double>(seconds - kEpoch) + dt_us(self) / 1e6);
}

Object* datetime_getdate(Object* self, Object*) {
  return new_date_ex(get_year(self), get_month(self), get_day(self), &date_type);
}

Object* datetime_gettime(Object* self, Object*) {
  return new_time_ex2(dt_hour(self), dt_minute(self), dt_second(self), dt_us(self), none(),
                      dt_fold(self), &time_type);
}

Object* datetime_gettimetz(Object* self, Object*) {
  return new_time_ex2(dt_hour(self), dt_minute(self), dt_second(self), dt_us(self),
                      dt_tzinfo(self), dt_fold(self), &time_type);
}

Object* datetime_utctimetuple(Object* self, Object*) {
  Object* tzinfo = dt_tzinfo(self);
  Ref<> utcself;
  if (tzinfo == none()) {
    utcself = Ref<>::borrow(self);
  } else {
    Ref<> offset = Ref<>::steal(call_utcoffset(tzinfo, self));
    if (!offset) return nullptr;
    if (offset.get() == none()) {
      utcself = Ref<>::borrow(self);
    } else {
      utcself = Ref<>::steal(add_datetime_timedelta(self, offset.get(), -1));
      if (!utcself) return nullptr;
    }
  }
  Object* u = utcself.get();
  return build_struct_time(get_year(u), get_month(u), get_day(u), dt_hour(u), dt_minute(u),
                           dt_second(u), 0);
}

Object* datetime_getstate(Object* self, int proto) {
  Ref<> basestate = Ref<>::steal(bytes_from_string_and_size(
      reinterpret_cast<const char*>(ddata(self)), kDateTimeDataSize));
  if (!basestate) return nullptr;
  if (proto > 3 && dt_fold(self)) bytes_as_string(basestate.get())[2] |= (1 << 7);
  if (!has_tzinfo(self) || as_dt(self)->tzinfo == none()) return tuple_pack(1, basestate.get());
  return tuple_pack(2, basestate.get(), as_dt(self)->tzinfo);
}

Object* datetime_reduce_ex(Object* self, Object* args) {
  Object* a[1];
  if (!parse_tuple(args, "__reduce_ex__", 1, 1, a)) return nullptr;
  int proto;
  if (!conv_int(a[0], &proto)) return nullptr;
  Ref<> state = Ref<>::steal(datetime_getstate(self, proto));
  if (!state) return nullptr;
  return tuple_pack(2, self->type, state.get());
}

Object* datetime_reduce(Object* self, Object*) {
  Ref<> state = Ref<>::steal(datetime_getstate(self, 2));
  if (!state) return nullptr;
  return tuple_pack(2, self->type, state.get());
}

MethodDef datetime_methods[] = {
    {"now", FN(datetime_now), kMethFastcall | kMethKeywords | kMethClass,
     "now($type, /, tz=None)\n--\n\nReturns new datetime object representing current time local "
     "to tz.\n\n  tz\n    Timezone object.\n\nIf no tz is specified, uses local timezone."},
    {"utcnow", FN(datetime_utcnow), kMethNoArgs | kMethClass,
     "Return a new datetime representing UTC day and time."},
    {"fromtimestamp", FN(datetime_fromtimestamp), kMethVarargs | kMethKeywords | kMethClass,
     "timestamp[, tz] -> tz's local time from POSIX timestamp."},
    {"utcfromtimestamp", FN(datetime_utcfromtimestamp), kMethVarargs | kMethClass,
     "Construct a naive UTC datetime from a POSIX timestamp."},
    {"strptime", FN(datetime_strptime), kMethVarargs | kMethClass,
     "string, format -> new datetime parsed from a string (like time.strptime())."},
    {"combine", FN(datetime_combine), kMethVarargs | kMethKeywords | kMethClass,
     "date, time -> datetime with same date and time fields"},
    {"fromisoformat", FN(datetime_fromisoformat), kMethO | kMethClass,
     "string -> datetime from a string in most ISO 8601 formats"},
    {"date", FN(datetime_getdate), kMethNoArgs, "Return date object with same year, month and day."},
    {"time", FN(datetime_gettime), kMethNoArgs,
     "Return time object with same time but with tzinfo=None."},
    {"timetz", FN(datetime_gettimetz), kMethNoArgs, "Return time object with same time and tzinfo."},
    {"ctime", FN(datetime_ctime), kMethNoArgs, "Return ctime() style string."},
    {"timetuple", FN(datetime_timetuple), kMethNoArgs,
     "Return time tuple, compatible with time.localtime()."},
    {"timestamp", FN(datetime_timestamp), kMethNoArgs, "Return POSIX timestamp as float."},
    {"utctimetuple", FN(datetime_utctimetuple), kMethNoArgs,
     "Return UTC time tuple, compatible with time.localtime()."},
    {"isoformat", FN(datetime_isoformat), kMethVarargs | kMethKeywords,
     "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\nsep is "
     "used to separate the year from the time, and defaults to 'T'.\nThe optional argument "
     "timespec specifies the number of additional terms\nof the time to include. Valid options "
     "are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n"},
    {"utcoffset", FN(datetime_utcoffset), kMethNoArgs, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", FN(datetime_tzname), kMethNoArgs, "Return self.tzinfo.tzname(self)."},
    {"dst", FN(datetime_dst), kMethNoArgs, "Return self.tzinfo.dst(self)."},
    {"replace", FN(datetime_replace), kMethFastcall | kMethKeywords,
     "replace($self, /, year=unchanged, month=unchanged, day=unchanged,\n        hour=unchanged, "
     "minute=unchanged, second=unchanged,\n        microsecond=unchanged, tzinfo=unchanged, *, "
     "fold=unchanged)\n--\n\nReturn datetime with new specified fields."},
    {"__replace__", FN(datetime_replace), kMethFastcall | kMethKeywords,
     "__replace__($self, /, **changes)\n--\n\nThe same as replace()."},
    {"astimezone", FN(datetime_astimezone), kMethVarargs | kMethKeywords,
     "tz -> convert to local time in new timezone tz\n"},
    {"__reduce_ex__", FN(datetime_reduce_ex), kMethVarargs,
     "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", FN(datetime_reduce), kMethNoArgs, "__reduce__() -> (cls, state)"},
    {nullptr, nullptr, 0, nullptr}};

NumberMethods datetime_as_number = [] {
  NumberMethods n{};
  n.add = datetime_add;
  n.subtract = datetime_subtract;
  return n;
}();

}  // namespace

TypeObject date_type = [] {
  TypeObject t = static_type("datetime.date", sizeof(DateObject), 0, kTpflagsBasetype);
  t.doc = "date(year, month, day) --> date object";
  t.repr = date_repr;
  t.as_number = &date_as_number;
  t.hash = date_hash;
  t.str = date_str;
  t.richcompare = date_richcompare;
  t.methods = date_methods;
  t.getset = date_getset;
  t.alloc = type_generic_alloc;
  t.new_ = date_new;
  t.free = object_generic_free;
  return t;
}();

TypeObject datetime_type = [] {
  TypeObject t = static_type("datetime.datetime", sizeof(DateTimeObject), 0, kTpflagsBasetype);
  t.doc =
      "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\nThe "
      "year, month and day arguments are required. tzinfo may be None, or an\ninstance of a "
      "tzinfo subclass. The remaining arguments may be ints.\n";
  t.dealloc = datetime_dealloc;
  t.repr = datetime_repr;
  t.as_number = &datetime_as_number;
  t.hash = datetime_hash;
  t.str = datetime_str;
  t.richcompare = datetime_richcompare;
  t.methods = datetime_methods;
  t.getset = datetime_getset;
  t.base = &date_type;
  t.alloc = type_generic_alloc;
  t.new_ = datetime_new;
  t.free = object_generic_free;
  return t;
}();

TypeObject isocal_type = [] {
  TypeObject t = static_type("datetime.IsoCalendarDate", sizeof(TupleObject) - sizeof(Object*),
                             sizeof(Object*), kTpflagsHaveGc);
  t.doc =
      "The result of date.isocalendar() or datetime.isocalendar()\n\nThis object may be accessed "
      "either as a tuple of\n  ((year, week, weekday)\nor via the object attributes as named in "
      "the above tuple.";
  t.repr = iso_calendar_date_repr;
  t.methods = isocal_methods;
  t.getset = isocal_getset;
  t.base = &tuple_type;
  t.new_ = iso_calendar_date_new;
  return t;
}();

int init_date_types() {
  if (type_ready(&date_type) < 0 || type_ready(&datetime_type) < 0 ||
      type_ready(&isocal_type) < 0)
    return -1;
  if (!epoch_dt) {
    epoch_dt = new_datetime(1970, 1, 1, 0, 0, 0, 0, utc(), 0);
    if (!epoch_dt) return -1;
    make_immortal(epoch_dt);
    struct Entry {
      TypeObject* type;
      const char* name;
      Object* value;
    } entries[] = {
        {&date_type, "min", new_date_ex(1, 1, 1, &date_type)},
        {&date_type, "max", new_date_ex(kMaxYear, 12, 31, &date_type)},
        {&date_type, "resolution", new_delta(1, 0, 0, false)},
        {&datetime_type, "min", new_datetime(1, 1, 1, 0, 0, 0, 0, none(), 0)},
        {&datetime_type, "max", new_datetime(kMaxYear, 12, 31, 23, 59, 59, 999999, none(), 0)},
        {&datetime_type, "resolution", new_delta(0, 0, 1, false)},
    };
    for (Entry& e : entries) {
      if (!e.value) return -1;
      int rc = dict_set_item_string(e.type->dict, e.name, e.value);
      decref(e.value);
      if (rc < 0) return -1;
    }
    type_modified(&date_type);
    type_modified(&datetime_type);
  }
  return 0;
}

}  // namespace cppy::modules::datetime_
