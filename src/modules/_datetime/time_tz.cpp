// datetime.time, datetime.tzinfo and datetime.timezone: the PyDateTime_Time, PyDateTime_TZInfo
// and PyDateTime_TimeZone parts of Modules/_datetimemodule.c (utc_timezone is the UTC
// singleton that timezone(timedelta(0)) returns).
#include <cstddef>
#include <cstring>

#include "errors/errors.h"
#include "hash/hash.h"
#include "modules/_datetime/datetime_internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::datetime_ {

using namespace objects;

namespace {

TimeZoneObject utc_obj;
bool utc_ready = false;

inline TimeObject* as_time(Object* o) { return static_cast<TimeObject*>(o); }
inline TimeZoneObject* as_tz(Object* o) { return static_cast<TimeZoneObject*>(o); }

}  // namespace

Object* utc() {
  if (!utc_ready) {
    utc_obj.refcnt = kImmortalRefcnt;
    utc_obj.type = &timezone_type;
    utc_obj.offset = zero_delta();
    utc_obj.name = nullptr;
    utc_ready = true;
  }
  return &utc_obj;
}

// create_timezone: no range check; the UTC singleton for a zero offset without a name.
Object* create_timezone(Object* offset, Object* name) {
  if (offset == zero_delta() && !name) return new_ref(utc());
  Object* o = timezone_type.alloc(&timezone_type, 0);
  if (!o) return nullptr;
  as_tz(o)->offset = new_ref(offset);
  as_tz(o)->name = xnew_ref(name);
  return o;
}

Object* new_timezone(Object* offset, Object* name) {
  if (!name && !delta_bool(offset)) return new_ref(utc());
  if ((td_days(offset) == -1 && td_seconds(offset) == 0 && td_us(offset) < 1) ||
      td_days(offset) < -1 || td_days(offset) >= 1) {
    return errors::format(exc_ValueError,
                          "offset must be a timedelta strictly between -timedelta(hours=24) and "
                          "timedelta(hours=24), not %R",
                          offset);
  }
  return create_timezone(offset, name);
}

// ---------------------------------------------------------------------------
// time.

Object* new_time_ex2(int hour, int minute, int second, int usecond, Object* tzinfo, int fold,
                     TypeObject* type) {
  if (check_time_args(hour, minute, second, usecond, fold) < 0) return nullptr;
  if (check_tzinfo_subclass(tzinfo) < 0) return nullptr;
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  TimeObject* self = as_time(o);
  bool aware = tzinfo != none();
  self->hastzinfo = aware;
  self->hashcode = -1;
  self->data[0] = static_cast<unsigned char>(hour);
  self->data[1] = static_cast<unsigned char>(minute);
  self->data[2] = static_cast<unsigned char>(second);
  self->data[3] = static_cast<unsigned char>((usecond & 0xff0000) >> 16);
  self->data[4] = static_cast<unsigned char>((usecond & 0x00ff00) >> 8);
  self->data[5] = static_cast<unsigned char>(usecond & 0xff);
  self->tzinfo = aware ? new_ref(tzinfo) : nullptr;
  self->fold = static_cast<unsigned char>(fold);
  return o;
}

Object* new_time_subclass_fold_ex(int hour, int minute, int second, int usecond, Object* tzinfo,
                                  int fold, Object* cls) {
  if (cls == &time_type) {
    return new_time_ex2(hour, minute, second, usecond, tzinfo, fold, &time_type);
  }
  int vals[4] = {hour, minute, second, usecond};
  Ref<> args = Ref<>::steal(tuple_new(5));
  if (!args) return nullptr;
  for (int i = 0; i < 4; ++i) {
    Object* v = long_from_long(vals[i]);
    if (!v) return nullptr;
    tuple_set_item(args.get(), i, v);
  }
  tuple_set_item(args.get(), 4, new_ref(tzinfo));
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

Object* time_hour_get(Object* self, void*) { return long_from_long(time_hour(self)); }
Object* time_minute_get(Object* self, void*) { return long_from_long(time_minute(self)); }
Object* time_second_get(Object* self, void*) { return long_from_long(time_second(self)); }
Object* time_us_get(Object* self, void*) { return long_from_long(time_us(self)); }
Object* time_tzinfo_get(Object* self, void*) { return new_ref(time_tzinfo_of(self)); }
Object* time_fold_get(Object* self, void*) { return long_from_long(time_fold(self)); }

GetSetDef time_getset[] = {{"hour", time_hour_get, nullptr, nullptr, nullptr},
                           {"minute", time_minute_get, nullptr, nullptr, nullptr},
                           {"second", time_second_get, nullptr, nullptr, nullptr},
                           {"microsecond", time_us_get, nullptr, nullptr, nullptr},
                           {"tzinfo", time_tzinfo_get, nullptr, nullptr, nullptr},
                           {"fold", time_fold_get, nullptr, nullptr, nullptr},
                           {nullptr, nullptr, nullptr, nullptr, nullptr}};

Object* time_new(TypeObject* type, Object* args, Object* kw) {
  bool handled;
  Object* r = new_from_pickle_state(type, args, true, &handled);
  if (handled) return r;
  static const char* const kws[] = {"hour",   "minute", "second", "microsecond",
                                    "tzinfo", "fold",   nullptr};
  Object* a[6];
  if (!parse_kwargs(args, kw, nullptr, kws, 0, 5, a)) return nullptr;
  int v[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i) {
    if (a[i] && !conv_int(a[i], &v[i])) return nullptr;
  }
  Object* tzinfo = a[4] ? a[4] : none();
  int fold = 0;
  if (a[5] && !conv_int(a[5], &fold)) return nullptr;
  return new_time_ex2(v[0], v[1], v[2], v[3], tzinfo, fold, type);
}

void time_dealloc(Object* o) {
  TimeObject* self = as_time(o);
  if (self->hastzinfo) xdecref(self->tzinfo);
  o->type->free(o);
}

Object* time_utcoffset(Object* self, Object*) {
  return call_utcoffset(time_tzinfo_of(self), none());
}
Object* time_dst(Object* self, Object*) { return call_dst(time_tzinfo_of(self), none()); }
Object* time_tzname(Object* self, Object*) { return call_tzname(time_tzinfo_of(self), none()); }

Object* time_repr(Object* self) {
  const char* type_name = self->type->name;
  int h = time_hour(self), m = time_minute(self), s = time_second(self), us = time_us(self);
  Object* result;
  if (us) {
    result = str_from_format("%s(%d, %d, %d, %d)", type_name, h, m, s, us);
  } else if (s) {
    result = str_from_format("%s(%d, %d, %d)", type_name, h, m, s);
  } else {
    result = str_from_format("%s(%d, %d)", type_name, h, m);
  }
  if (result && has_tzinfo(self)) result = append_keyword_tzinfo(result, as_time(self)->tzinfo);
  if (result && time_fold(self)) result = append_keyword_fold(result, time_fold(self));
  return result;
}

Object* time_str(Object* self) {
  static Object* name = str_intern_from_cstr("isoformat");
  return call_method_no_args(self, name);
}

Object* time_isoformat(Object* self, Object* args, Object* kw) {
  static const char* const kws[] = {"timespec", nullptr};
  Object* a[1];
  if (!parse_kwargs(args, kw, "isoformat", kws, 0, 1, a)) return nullptr;
  const char* timespec = nullptr;
  if (a[0]) {
    if (!conv_str(a[0], "isoformat", 1)) return nullptr;
    ssize n;
    timespec = str_as_utf8(a[0], &n);
    if (!timespec) return nullptr;
    if (static_cast<ssize>(std::strlen(timespec)) != n) {
      errors::set_string(exc_ValueError, "embedded null character");
      return nullptr;
    }
  }
  int us = time_us(self);
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
  int h = time_hour(self), m = time_minute(self), s = time_second(self);
  Ref<> result;
  switch (given_spec) {
    case 0: result = Ref<>::steal(str_from_format("%02d", h)); break;
    case 1: result = Ref<>::steal(str_from_format("%02d:%02d", h, m)); break;
    case 2: result = Ref<>::steal(str_from_format("%02d:%02d:%02d", h, m, s)); break;
    case 3: result = Ref<>::steal(str_from_format("%02d:%02d:%02d.%03d", h, m, s, us)); break;
    default: result = Ref<>::steal(str_from_format("%02d:%02d:%02d.%06d", h, m, s, us)); break;
  }
  if (!result || !has_tzinfo(self) || as_time(self)->tzinfo == none()) return result.release();
  char buf[100];
  if (format_utcoffset(buf, sizeof(buf), ":", as_time(self)->tzinfo, none()) < 0) return nullptr;
  Ref<> tail = Ref<>::steal(str_from_cstr(buf));
  if (!tail) return nullptr;
  return str_concat(result.get(), tail.get());
}

Object* time_strftime(Object* self, Object* args, Object* kw) {
  static const char* const kws[] = {"format", nullptr};
  Object* a[1];
  if (!parse_kwargs(args, kw, "strftime", kws, 1, 1, a)) return nullptr;
  if (!conv_str(a[0], "strftime", 1)) return nullptr;
  // The year is forced to 1900, as time.strftime needs a valid one.
  int vals[9] = {1900, 1, 1, time_hour(self), time_minute(self), time_second(self), 0, 1, -1};
  Ref<> tuple = Ref<>::steal(tuple_new(9));
  if (!tuple) return nullptr;
  for (int i = 0; i < 9; ++i) {
    Object* v = long_from_long(vals[i]);
    if (!v) return nullptr;
    tuple_set_item(tuple.get(), i, v);
  }
  return wrap_strftime(self, a[0], tuple.get(), none());
}

Object* time_richcompare(Object* self, Object* other, int op) {
  if (!time_check(other)) return return_not_implemented();
  if (time_tzinfo_of(self) == time_tzinfo_of(other)) {
    return diff_to_bool(std::memcmp(tdata(self), tdata(other), kTimeDataSize), op);
  }
  Ref<> offset1 = Ref<>::steal(time_utcoffset(self, nullptr));
  if (!offset1) return nullptr;
  Ref<> offset2 = Ref<>::steal(time_utcoffset(other, nullptr));
  if (!offset2) return nullptr;
  Object* o1 = offset1.get();
  Object* o2 = offset2.get();
  if (o1 == o2 || (delta_check(o1) && delta_check(o2) && delta_cmp(o1, o2) == 0)) {
    return diff_to_bool(std::memcmp(tdata(self), tdata(other), kTimeDataSize), op);
  }
  if (o1 != none() && o2 != none()) {
    int offsecs1 = time_hour(self) * 3600 + time_minute(self) * 60 + time_second(self) -
                   td_days(o1) * 86400 - td_seconds(o1);
    int offsecs2 = time_hour(other) * 3600 + time_minute(other) * 60 + time_second(other) -
                   td_days(o2) * 86400 - td_seconds(o2);
    int diff = offsecs1 - offsecs2;
    if (diff == 0) diff = time_us(self) - time_us(other);
    return diff_to_bool(diff, op);
  }
  if (op == kEQ) return new_ref(false_object());
  if (op == kNE) return new_ref(true_object());
  errors::set_string(exc_TypeError, "can't compare offset-naive and offset-aware times");
  return nullptr;
}

hash_t time_hash(Object* self) {
  TimeObject* t = as_time(self);
  if (t->hashcode == -1) {
    Ref<> self0;
    if (time_fold(self)) {
      self0 = Ref<>::steal(new_time_ex2(time_hour(self), time_minute(self), time_second(self),
                                        time_us(self), time_tzinfo_of(self), 0, self->type));
      if (!self0) return -1;
    } else {
      self0 = Ref<>::borrow(self);
    }
    Ref<> offset = Ref<>::steal(time_utcoffset(self0.get(), nullptr));
    if (!offset) return -1;
    if (offset.get() == none()) {
      t->hashcode = hash::hash_bytes(t->data, kTimeDataSize);
    } else {
      int seconds = time_hour(self) * 3600 + time_minute(self) * 60 + time_second(self);
      Ref<> temp1 = Ref<>::steal(new_delta(0, seconds, time_us(self), true));
      if (!temp1) return -1;
      Ref<> temp2 = Ref<>::steal(delta_subtract(temp1.get(), offset.get()));
      if (!temp2) return -1;
      t->hashcode = object_hash(temp2.get());
    }
  }
  return t->hashcode;
}

Object* time_replace(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"hour",   "minute", "second", "microsecond",
                                    "tzinfo", "fold",   nullptr};
  static const ArgParser parser{"replace", kws, 0, 5, 0};
  Object* a[6];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  int dflt[4] = {time_hour(self), time_minute(self), time_second(self), time_us(self)};
  int v[4];
  for (int i = 0; i < 4; ++i) {
    if (!a[i]) {
      v[i] = dflt[i];
      continue;
    }
    v[i] = long_as_int(a[i]);
    if (v[i] == -1 && errors::occurred()) return nullptr;
  }
  Object* tzinfo = a[4] ? a[4] : time_tzinfo_of(self);
  int fold = time_fold(self);
  if (a[5]) {
    fold = long_as_int(a[5]);
    if (fold == -1 && errors::occurred()) return nullptr;
  }
  return new_time_subclass_fold_ex(v[0], v[1], v[2], v[3], tzinfo, fold, self->type);
}

Object* time_fromisoformat(Object* cls, Object* tstr) {
  if (!str_check(tstr)) {
    errors::set_string(exc_TypeError, "fromisoformat: argument must be str");
    return nullptr;
  }
  ssize len;
  const char* p = str_as_utf8(tstr, &len);
  if (!p) {
    errors::clear();
    return errors::format(exc_ValueError, "Invalid isoformat string: %R", tstr);
  }
  if (*p == 'T') {
    ++p;
    len -= 1;
  }
  int hour = 0, minute = 0, second = 0, microsecond = 0;
  int tzoffset = 0, tzimicrosecond = 0;
  int rv = parse_isoformat_time(p, static_cast<size_t>(len), &hour, &minute, &second,
                                &microsecond, &tzoffset, &tzimicrosecond);
  if (rv < 0) return errors::format(exc_ValueError, "Invalid isoformat string: %R", tstr);
  if (hour == 24) {
    if (minute == 0 && second == 0 && microsecond == 0) {
      hour = 0;
    } else {
      errors::set_string(exc_ValueError,
                         "minute, second, and microsecond must be 0 when hour is 24");
      return nullptr;
    }
  }
  Ref<> tzinfo = Ref<>::steal(tzinfo_from_isoformat_results(rv, tzoffset, tzimicrosecond));
  if (!tzinfo) return nullptr;
  if (cls == &time_type) {
    return new_time_ex2(hour, minute, second, microsecond, tzinfo.get(), 0, &time_type);
  }
  int vals[4] = {hour, minute, second, microsecond};
  Ref<> args = Ref<>::steal(tuple_new(5));
  if (!args) return nullptr;
  for (int i = 0; i < 4; ++i) {
    Object* v = long_from_long(vals[i]);
    if (!v) return nullptr;
    tuple_set_item(args.get(), i, v);
  }
  tuple_set_item(args.get(), 4, new_ref(tzinfo.get()));
  return object_call(cls, args.get(), nullptr);
}

Object* time_strptime(Object* cls, Object* args) {
  return call_strptime("_strptime_datetime_time", cls, args);
}

Object* time_getstate(Object* self, int proto) {
  Ref<> basestate = Ref<>::steal(
      bytes_from_string_and_size(reinterpret_cast<const char*>(tdata(self)), kTimeDataSize));
  if (!basestate) return nullptr;
  if (proto > 3 && time_fold(self)) bytes_as_string(basestate.get())[0] |= (1 << 7);
  if (!has_tzinfo(self) || as_time(self)->tzinfo == none()) return tuple_pack(1, basestate.get());
  return tuple_pack(2, basestate.get(), as_time(self)->tzinfo);
}

Object* time_reduce_ex(Object* self, Object* args) {
  Object* a[1];
  if (!parse_tuple(args, "__reduce_ex__", 1, 1, a)) return nullptr;
  int proto;
  if (!conv_int(a[0], &proto)) return nullptr;
  Ref<> state = Ref<>::steal(time_getstate(self, proto));
  if (!state) return nullptr;
  return tuple_pack(2, self->type, state.get());
}

Object* time_reduce(Object* self, Object*) {
  Ref<> state = Ref<>::steal(time_getstate(self, 2));
  if (!state) return nullptr;
  return tuple_pack(2, self->type, state.get());
}

#define FN(f) reinterpret_cast<void*>(f)

MethodDef time_methods[] = {
    {"strptime", FN(time_strptime), kMethVarargs | kMethClass,
     "string, format -> new time parsed from a string (like time.strptime())."},
    {"isoformat", FN(time_isoformat), kMethVarargs | kMethKeywords,
     "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n\nThe optional "
     "argument timespec specifies the number of additional terms\nof the time to include. Valid "
     "options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n"},
    {"strftime", FN(time_strftime), kMethVarargs | kMethKeywords,
     "format -> strftime() style string."},
    {"__format__", FN(date_format), kMethVarargs, "Formats self with strftime."},
    {"utcoffset", FN(time_utcoffset), kMethNoArgs, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", FN(time_tzname), kMethNoArgs, "Return self.tzinfo.tzname(self)."},
    {"dst", FN(time_dst), kMethNoArgs, "Return self.tzinfo.dst(self)."},
    {"replace", FN(time_replace), kMethFastcall | kMethKeywords,
     "replace($self, /, hour=unchanged, minute=unchanged, second=unchanged,\n        "
     "microsecond=unchanged, tzinfo=unchanged, *, fold=unchanged)\n--\n\nReturn time with new "
     "specified fields."},
    {"__replace__", FN(time_replace), kMethFastcall | kMethKeywords,
     "__replace__($self, /, **changes)\n--\n\nThe same as replace()."},
    {"fromisoformat", FN(time_fromisoformat), kMethO | kMethClass,
     "string -> time from a string in ISO 8601 format"},
    {"__reduce_ex__", FN(time_reduce_ex), kMethVarargs, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", FN(time_reduce), kMethNoArgs, "__reduce__() -> (cls, state)"},
    {nullptr, nullptr, 0, nullptr}};

// ---------------------------------------------------------------------------
// tzinfo: the abstract base.

Object* tzinfo_nogo(const char* methodname) {
  return errors::format(exc_NotImplementedError, "a tzinfo subclass must implement %s()",
                        methodname);
}
Object* tzinfo_tzname(Object*, Object*) { return tzinfo_nogo("tzname"); }
Object* tzinfo_utcoffset(Object*, Object*) { return tzinfo_nogo("utcoffset"); }
Object* tzinfo_dst(Object*, Object*) { return tzinfo_nogo("dst"); }

// tzinfo_fromutc: the generic algorithm on dst() (see the notes at the end of CPython's file).
Object* tzinfo_fromutc(Object* self, Object* dt) {
  if (!datetime_check(dt)) {
    errors::set_string(exc_TypeError, "fromutc: argument must be a datetime");
    return nullptr;
  }
  if (dt_tzinfo(dt) != self) {
    errors::set_string(exc_ValueError, "fromutc: dt.tzinfo is not self");
    return nullptr;
  }
  Ref<> off = Ref<>::steal(datetime_utcoffset(dt, nullptr));
  if (!off) return nullptr;
  if (off.get() == none()) {
    errors::set_string(exc_ValueError, "fromutc: non-None utcoffset() result required");
    return nullptr;
  }
  Ref<> dst = Ref<>::steal(datetime_dst(dt, nullptr));
  if (!dst) return nullptr;
  if (dst.get() == none()) {
    errors::set_string(exc_ValueError, "fromutc: non-None dst() result required");
    return nullptr;
  }
  Ref<> delta = Ref<>::steal(delta_subtract(off.get(), dst.get()));
  if (!delta) return nullptr;
  Ref<> result = Ref<>::steal(add_datetime_timedelta(dt, delta.get(), 1));
  if (!result) return nullptr;
  dst = Ref<>::steal(call_dst(dt_tzinfo(dt), result.get()));
  if (!dst) return nullptr;
  if (dst.get() == none()) {
    errors::set_string(exc_ValueError,
                       "fromutc: tz.dst() gave inconsistent results; cannot convert");
    return nullptr;
  }
  if (delta_bool(dst.get())) {
    result = Ref<>::steal(add_datetime_timedelta(result.get(), dst.get(), 1));
  }
  return result.release();
}

// tzinfo_reduce: (type, __getinitargs__() or (), __getstate__()).
Object* tzinfo_reduce(Object* self, Object*) {
  static Object* name = str_intern_from_cstr("__getinitargs__");
  Object* getinitargs = nullptr;
  if (object_get_optional_attr(self, name, &getinitargs) < 0) return nullptr;
  Ref<> args;
  if (getinitargs) {
    args = Ref<>::steal(object_call_no_args(getinitargs));
    decref(getinitargs);
  } else {
    args = Ref<>::steal(tuple_new(0));
  }
  if (!args) return nullptr;
  Ref<> state = Ref<>::steal(object_get_state(self));
  if (!state) return nullptr;
  return tuple_pack(3, self->type, args.get(), state.get());
}

MethodDef tzinfo_methods[] = {
    {"tzname", FN(tzinfo_tzname), kMethO, "datetime -> string name of time zone."},
    {"utcoffset", FN(tzinfo_utcoffset), kMethO,
     "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"},
    {"dst", FN(tzinfo_dst), kMethO, "datetime -> DST offset as timedelta positive east of UTC."},
    {"fromutc", FN(tzinfo_fromutc), kMethO, "datetime in UTC -> datetime in local time."},
    {"__reduce__", FN(tzinfo_reduce), kMethNoArgs, "-> (cls, state)"},
    {nullptr, nullptr, 0, nullptr}};

// ---------------------------------------------------------------------------
// timezone.

Object* timezone_new(TypeObject*, Object* args, Object* kw) {
  static const char* const kws[] = {"offset", "name", nullptr};
  Object* a[2];
  if (!parse_kwargs(args, kw, "timezone", kws, 1, 2, a)) return nullptr;
  if (!conv_type(a[0], &delta_type, "timezone", 1)) return nullptr;
  if (a[1] && !conv_str(a[1], "timezone", 2)) return nullptr;
  return new_timezone(a[0], a[1]);
}

void timezone_dealloc(Object* o) {
  clear(as_tz(o)->offset);
  clear(as_tz(o)->name);
  o->type->free(o);
}

Object* timezone_richcompare(Object* self, Object* other, int op) {
  if (op != kEQ && op != kNE) return return_not_implemented();
  if (!timezone_check(other)) return return_not_implemented();
  return delta_richcompare(as_tz(self)->offset, as_tz(other)->offset, op);
}

hash_t timezone_hash(Object* self) { return delta_hash(as_tz(self)->offset); }

int timezone_check_argument(Object* dt, const char* meth) {
  if (dt == none() || datetime_check(dt)) return 0;
  errors::format(exc_TypeError,
                 "%s(dt) argument must be a datetime instance or None, not %.200s", meth,
                 dt->type->name);
  return -1;
}

Object* timezone_repr(Object* self) {
  const char* type_name = self->type->name;
  if (self == utc()) return str_from_format("%s.utc", type_name);
  if (!as_tz(self)->name) return str_from_format("%s(%R)", type_name, as_tz(self)->offset);
  return str_from_format("%s(%R, %R)", type_name, as_tz(self)->offset, as_tz(self)->name);
}

Object* timezone_str(Object* self) {
  TimeZoneObject* tz = as_tz(self);
  if (tz->name) return new_ref(tz->name);
  Object* off = tz->offset;
  if (self == utc() || (td_days(off) == 0 && td_seconds(off) == 0 && td_us(off) == 0)) {
    return str_from_cstr("UTC");
  }
  char sign = '+';
  Ref<> offset;
  if (td_days(off) < 0) {
    sign = '-';
    offset = Ref<>::steal(delta_negative(off));
    if (!offset) return nullptr;
  } else {
    offset = Ref<>::borrow(off);
  }
  int microseconds = td_us(offset.get());
  int seconds = td_seconds(offset.get());
  int minutes = divmod_int(seconds, 60, &seconds);
  int hours = divmod_int(minutes, 60, &minutes);
  if (microseconds != 0) {
    return str_from_format("UTC%c%02d:%02d:%02d.%06d", sign, hours, minutes, seconds,
                           microseconds);
  }
  if (seconds != 0) return str_from_format("UTC%c%02d:%02d:%02d", sign, hours, minutes, seconds);
  return str_from_format("UTC%c%02d:%02d", sign, hours, minutes);
}

Object* timezone_tzname(Object* self, Object* dt) {
  if (timezone_check_argument(dt, "tzname") == -1) return nullptr;
  return timezone_str(self);
}

Object* timezone_utcoffset(Object* self, Object* dt) {
  if (timezone_check_argument(dt, "utcoffset") == -1) return nullptr;
  return new_ref(as_tz(self)->offset);
}

Object* timezone_dst(Object*, Object* dt) {
  if (timezone_check_argument(dt, "dst") == -1) return nullptr;
  return return_none();
}

Object* timezone_fromutc(Object* self, Object* dt) {
  if (!datetime_check(dt)) {
    errors::set_string(exc_TypeError, "fromutc: argument must be a datetime");
    return nullptr;
  }
  if (!has_tzinfo(dt) || static_cast<DateTimeObject*>(dt)->tzinfo != self) {
    errors::set_string(exc_ValueError, "fromutc: dt.tzinfo is not self");
    return nullptr;
  }
  return add_datetime_timedelta(dt, as_tz(self)->offset, 1);
}

Object* timezone_getinitargs(Object* self, Object*) {
  if (!as_tz(self)->name) return tuple_pack(1, as_tz(self)->offset);
  return tuple_pack(2, as_tz(self)->offset, as_tz(self)->name);
}

MethodDef timezone_methods[] = {
    {"tzname", FN(timezone_tzname), kMethO,
     "If name is specified when timezone is created, returns the name.  Otherwise returns offset "
     "as 'UTC(+|-)HH:MM'."},
    {"utcoffset", FN(timezone_utcoffset), kMethO, "Return fixed offset."},
    {"dst", FN(timezone_dst), kMethO, "Return None."},
    {"fromutc", FN(timezone_fromutc), kMethO, "datetime in UTC -> datetime in local time."},
    {"__getinitargs__", FN(timezone_getinitargs), kMethNoArgs, "pickle support"},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

TypeObject time_type = [] {
  TypeObject t = static_type("datetime.time", sizeof(TimeObject), 0, kTpflagsBasetype);
  t.doc =
      "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll "
      "arguments are optional. tzinfo may be None, or an instance of\na tzinfo subclass. The "
      "remaining arguments may be ints.\n";
  t.dealloc = time_dealloc;
  t.repr = time_repr;
  t.hash = time_hash;
  t.str = time_str;
  t.richcompare = time_richcompare;
  t.methods = time_methods;
  t.getset = time_getset;
  t.alloc = type_generic_alloc;
  t.new_ = time_new;
  t.free = object_generic_free;
  return t;
}();

TypeObject tzinfo_type = [] {
  TypeObject t = static_type("datetime.tzinfo", sizeof(Object), 0, kTpflagsBasetype);
  t.doc = "Abstract base class for time zone info objects.";
  t.methods = tzinfo_methods;
  t.alloc = type_generic_alloc;
  t.new_ = type_generic_new;
  t.free = object_generic_free;
  return t;
}();

TypeObject timezone_type = [] {
  TypeObject t = static_type("datetime.timezone", sizeof(TimeZoneObject), 0, 0);
  t.doc = "Fixed offset from UTC implementation of tzinfo.";
  t.dealloc = timezone_dealloc;
  t.repr = timezone_repr;
  t.hash = timezone_hash;
  t.str = timezone_str;
  t.richcompare = timezone_richcompare;
  t.methods = timezone_methods;
  t.base = &tzinfo_type;
  t.alloc = type_generic_alloc;
  t.new_ = timezone_new;
  t.free = object_generic_free;
  return t;
}();

int init_time_types() {
  if (type_ready(&time_type) < 0 || type_ready(&tzinfo_type) < 0 ||
      type_ready(&timezone_type) < 0)
    return -1;
  static bool done = false;
  if (done) return 0;
  done = true;
  struct Entry {
    TypeObject* type;
    const char* name;
    Object* value;
  } entries[] = {
      {&time_type, "min", new_time_ex2(0, 0, 0, 0, none(), 0, &time_type)},
      {&time_type, "max", new_time_ex2(23, 59, 59, 999999, none(), 0, &time_type)},
      {&time_type, "resolution", new_delta(0, 0, 1, false)},
      {&timezone_type, "utc", new_ref(utc())},
      // Rounded to the minute (bpo-37642), though the constructor accepts more.
      {&timezone_type, "min", nullptr},
      {&timezone_type, "max", nullptr},
  };
  {
    Ref<> dmin = Ref<>::steal(new_delta(-1, 60, 0, true));
    Ref<> dmax = Ref<>::steal(new_delta(0, (23 * 60 + 59) * 60, 0, false));
    if (!dmin || !dmax) return -1;
    entries[4].value = create_timezone(dmin.get(), nullptr);
    entries[5].value = create_timezone(dmax.get(), nullptr);
  }
  for (Entry& e : entries) {
    if (!e.value) return -1;
    int rc = dict_set_item_string(e.type->dict, e.name, e.value);
    decref(e.value);
    if (rc < 0) return -1;
  }
  type_modified(&time_type);
  type_modified(&timezone_type);
  return 0;
}

}  // namespace cppy::modules::datetime_
