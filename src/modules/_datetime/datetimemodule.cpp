// The _datetime module: Modules/_datetimemodule.c. This file holds the calendar helpers, the
// argument parsing of the getargs.c format strings the module uses, the tzinfo helpers,
// strftime's %z/%:z/%Z/%f preprocessing and the module's exec; the types live in
// delta.cpp (timedelta), date.cpp (date, datetime, IsoCalendarDate) and time_tz.cpp (time,
// tzinfo, timezone).
#include "modules/_datetime/datetimemodule.h"

#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "imp/import.h"
#include "modules/_datetime/datetime_internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/capsule.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::datetime_ {

using namespace objects;

// ---------------------------------------------------------------------------
// Calendar helpers.

namespace {
const int kDaysInMonth[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
const int kDaysBeforeMonth[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
constexpr int kDI4Y = 1461;
constexpr int kDI100Y = 36524;
constexpr int kDI400Y = 146097;

int days_before_year(int year) {
  int y = year - 1;
  return y * 365 + y / 4 - y / 100 + y / 400;
}
}  // namespace

// divmod: floor quotient with y > 0, remainder in *r.
int divmod_int(int x, int y, int* r) {
  int quo = x / y;
  *r = x - quo * y;
  if (*r < 0) {
    --quo;
    *r += y;
  }
  return quo;
}

bool is_leap(int year) {
  unsigned ayear = static_cast<unsigned>(year);
  return ayear % 4 == 0 && (ayear % 100 != 0 || ayear % 400 == 0);
}

int days_in_month(int year, int month) {
  if (month == 2 && is_leap(year)) return 29;
  return kDaysInMonth[month];
}

int days_before_month(int year, int month) {
  int days = kDaysBeforeMonth[month];
  if (month > 2 && is_leap(year)) ++days;
  return days;
}

// ord_to_ymd: ordinal (1 = 0001-01-01) to year, month, day through the 400/100/4/1-year
// cycles.
void ord_to_ymd(int ordinal, int* year, int* month, int* day) {
  --ordinal;
  int n400 = ordinal / kDI400Y;
  int n = ordinal % kDI400Y;
  *year = n400 * 400 + 1;
  int n100 = n / kDI100Y;
  n = n % kDI100Y;
  int n4 = n / kDI4Y;
  n = n % kDI4Y;
  int n1 = n / 365;
  n = n % 365;
  *year += n100 * 100 + n4 * 4 + n1;
  if (n1 == 4 || n100 == 4) {
    *year -= 1;
    *month = 12;
    *day = 31;
    return;
  }
  bool leapyear = n1 == 3 && (n4 != 24 || n100 == 3);
  *month = (n + 50) >> 5;
  int preceding = kDaysBeforeMonth[*month] + (*month > 2 && leapyear);
  if (preceding > n) {
    *month -= 1;
    preceding -= days_in_month(*year, *month);
  }
  n -= preceding;
  *day = n + 1;
}

int ymd_to_ord(int year, int month, int day) {
  return days_before_year(year) + days_before_month(year, month) + day;
}

int weekday(int year, int month, int day) { return (ymd_to_ord(year, month, day) + 6) % 7; }

int iso_week1_monday(int year) {
  int first_day = ymd_to_ord(year, 1, 1);
  int first_weekday = (first_day + 6) % 7;
  int week1_monday = first_day - first_weekday;
  if (first_weekday > 3) week1_monday += 7;
  return week1_monday;
}

// iso_to_ymd: 0, or -4 (year), -2 (week), -3 (day) out of range.
int iso_to_ymd(int iso_year, int iso_week, int iso_day, int* year, int* month, int* day) {
  if (iso_year < kMinYear || iso_year > kMaxYear) return -4;
  if (iso_week <= 0 || iso_week >= 53) {
    bool out_of_range = true;
    if (iso_week == 53) {
      int first_weekday = weekday(iso_year, 1, 1);
      if (first_weekday == 3 || (first_weekday == 2 && is_leap(iso_year))) out_of_range = false;
    }
    if (out_of_range) return -2;
  }
  if (iso_day <= 0 || iso_day >= 8) return -3;
  int day_1 = iso_week1_monday(iso_year);
  int day_offset = (iso_week - 1) * 7 + iso_day - 1;
  ord_to_ymd(day_1 + day_offset, year, month, day);
  return 0;
}

// check_date_args (3.14's messages).
int check_date_args(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    errors::format(exc_ValueError, "year must be in %d..%d, not %d", kMinYear, kMaxYear, year);
    return -1;
  }
  if (month < 1 || month > 12) {
    errors::format(exc_ValueError, "month must be in 1..12, not %d", month);
    return -1;
  }
  int dim = days_in_month(year, month);
  if (day < 1 || day > dim) {
    errors::format(exc_ValueError, "day %i must be in range 1..%d for month %i in year %i", day,
                   dim, month, year);
    return -1;
  }
  return 0;
}

int check_time_args(int h, int m, int s, int us, int fold) {
  if (h < 0 || h > 23) {
    errors::format(exc_ValueError, "hour must be in 0..23, not %i", h);
    return -1;
  }
  if (m < 0 || m > 59) {
    errors::format(exc_ValueError, "minute must be in 0..59, not %i", m);
    return -1;
  }
  if (s < 0 || s > 59) {
    errors::format(exc_ValueError, "second must be in 0..59, not %i", s);
    return -1;
  }
  if (us < 0 || us > 999999) {
    errors::format(exc_ValueError, "microsecond must be in 0..999999, not %i", us);
    return -1;
  }
  if (fold != 0 && fold != 1) {
    errors::format(exc_ValueError, "fold must be either 0 or 1, not %i", fold);
    return -1;
  }
  return 0;
}

namespace {
void normalize_pair(int* hi, int* lo, int factor) {
  if (*lo < 0 || *lo >= factor) {
    int num_hi = divmod_int(*lo, factor, lo);
    *hi += num_hi;
  }
}
}  // namespace

// normalize_y_m_d: moves an out-of-range day into the neighbouring months; OverflowError
// "date value out of range" past the supported years.
int normalize_date(int* y, int* m, int* d) {
  int dim = days_in_month(*y, *m);
  if (*d < 1 || *d > dim) {
    if (*d == 0) {
      --*m;
      if (*m > 0) {
        *d = days_in_month(*y, *m);
      } else {
        --*y;
        *m = 12;
        *d = 31;
      }
    } else if (*d == dim + 1) {
      ++*m;
      *d = 1;
      if (*m > 12) {
        *m = 1;
        ++*y;
      }
    } else {
      int ordinal = ymd_to_ord(*y, *m, 1) + *d - 1;
      if (ordinal < 1 || ordinal > kMaxOrdinal) goto error;
      ord_to_ymd(ordinal, y, m, d);
      return 0;
    }
  }
  if (kMinYear <= *y && *y <= kMaxYear) return 0;
error:
  errors::set_string(exc_OverflowError, "date value out of range");
  return -1;
}

int normalize_datetime(int* year, int* month, int* day, int* hour, int* minute, int* second,
                       int* microsecond) {
  normalize_pair(second, microsecond, 1000000);
  normalize_pair(minute, second, 60);
  normalize_pair(hour, minute, 60);
  normalize_pair(day, hour, 24);
  return normalize_date(year, month, day);
}

Object* dt_tzinfo(Object* o) {
  return has_tzinfo(o) ? static_cast<DateTimeObject*>(o)->tzinfo : none();
}
Object* time_tzinfo_of(Object* o) {
  return has_tzinfo(o) ? static_cast<TimeObject*>(o)->tzinfo : none();
}

Object* diff_to_bool(int diff, int op) {
  bool r = false;
  switch (op) {
    case kLT: r = diff < 0; break;
    case kLE: r = diff <= 0; break;
    case kEQ: r = diff == 0; break;
    case kNE: r = diff != 0; break;
    case kGT: r = diff > 0; break;
    case kGE: r = diff >= 0; break;
  }
  return new_ref(r ? true_object() : false_object());
}

// ---------------------------------------------------------------------------
// Argument parsing (Python/getargs.c vgetargskeywords and vgetargs1 messages).

bool parse_kwargs(Object* args, Object* kwargs, const char* fname, const char* const* kws,
                  int min, int maxpos, Object** out) {
  int len = 0;
  while (kws[len]) ++len;
  const char* fn = fname ? fname : "function";
  const char* paren = fname ? "()" : "";
  ssize nargs = tuple_size(args);
  ssize nkwargs = kwargs ? dict_size(kwargs) : 0;
  for (int i = 0; i < len; ++i) out[i] = nullptr;
  if (nargs + nkwargs > len) {
    errors::format(exc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)", fn,
                   paren, len, nargs == 0 ? "keyword " : "", len == 1 ? "" : "s",
                   nargs + nkwargs);
    return false;
  }
  if (nargs > maxpos) {
    if (maxpos == 0) {
      errors::format(exc_TypeError, "%.200s%s takes no positional arguments", fn, paren);
    } else {
      errors::format(exc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fn, paren, min < maxpos ? "at most" : "exactly", maxpos,
                     maxpos == 1 ? "" : "s", nargs);
    }
    return false;
  }
  for (int i = 0; i < len; ++i) {
    Object* current = nullptr;
    if (i < nargs) {
      current = tuple_item(args, i);
      if (nkwargs && dict_get_item_string(kwargs, kws[i])) {
        errors::format(exc_TypeError,
                       "argument for %.200s%s given by name ('%s') and position (%d)", fn, paren,
                       kws[i], i + 1);
        return false;
      }
    } else if (nkwargs) {
      current = dict_get_item_string(kwargs, kws[i]);
      if (!current && errors::occurred()) return false;
      if (current) --nkwargs;
    }
    if (!current && i < min) {
      if (i < maxpos) {
        errors::format(exc_TypeError, "%.200s%s missing required argument '%s' (pos %d)", fn,
                       paren, kws[i], i + 1);
      } else {
        errors::format(exc_TypeError, "%.200s%s missing required keyword-only argument '%s'",
                       fn, paren, kws[i]);
      }
      return false;
    }
    out[i] = current;
  }
  if (nkwargs > 0) {
    // An unexpected keyword: the first key that names no parameter.
    ssize pos = 0;
    Object* key;
    Object* value;
    while (dict_next(kwargs, &pos, &key, &value)) {
      if (!str_check(key)) {
        errors::set_string(exc_TypeError, "keywords must be strings");
        return false;
      }
      bool match = false;
      for (int i = 0; i < len; ++i) {
        if (str_equal_cstr(key, kws[i])) {
          match = true;
          break;
        }
      }
      if (!match) {
        errors::format(exc_TypeError, "%.200s%s got an unexpected keyword argument '%S'", fn,
                       paren, key);
        return false;
      }
    }
  }
  return true;
}

bool parse_tuple(Object* args, const char* fname, int min, int max, Object** out) {
  ssize n = tuple_size(args);
  if (n < min || n > max) {
    const char* fn = fname ? fname : "function";
    const char* paren = fname ? "()" : "";
    if (min == max) {
      errors::format(exc_TypeError, "%.150s%s takes exactly %d argument%s (%zd given)", fn, paren,
                     min, min == 1 ? "" : "s", n);
    } else if (n < min) {
      errors::format(exc_TypeError, "%.150s%s takes at least %d argument%s (%zd given)", fn,
                     paren, min, min == 1 ? "" : "s", n);
    } else {
      errors::format(exc_TypeError, "%.150s%s takes at most %d argument%s (%zd given)", fn, paren,
                     max, max == 1 ? "" : "s", n);
    }
    return false;
  }
  for (int i = 0; i < max; ++i) out[i] = i < n ? tuple_item(args, i) : nullptr;
  return true;
}

// The 'i' unit: PyLong_AsLong (with __index__), then the C int range.
bool conv_int(Object* o, int* out) {
  Ref<> index;
  if (!long_check(o)) {
    index = Ref<>::steal(number_index(o));
    if (!index) return false;
    o = index.get();
  }
  long v = long_as_long(o);
  if (v == -1 && errors::occurred()) return false;
  if (v > INT_MAX) {
    errors::set_string(exc_OverflowError, "signed integer is greater than maximum");
    return false;
  }
  if (v < INT_MIN) {
    errors::set_string(exc_OverflowError, "signed integer is less than minimum");
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

namespace {
void converterr(const char* fname, int idx, const char* expected, Object* arg) {
  std::string prefix = fname ? std::string(fname) + "() " : std::string();
  errors::format(exc_TypeError, "%sargument %d must be %.50s, not %.50s", prefix.c_str(), idx,
                 expected, arg == none() ? "None" : arg->type->name);
}
}  // namespace

bool conv_str(Object* o, const char* fname, int idx) {
  if (str_check(o)) return true;
  converterr(fname, idx, "str", o);
  return false;
}

bool conv_type(Object* o, TypeObject* type, const char* fname, int idx) {
  if (type_check(o, type)) return true;
  converterr(fname, idx, type->name, o);
  return false;
}

// ---------------------------------------------------------------------------
// tzinfo helpers.

int check_tzinfo_subclass(Object* p) {
  if (p == none() || tzinfo_check(p)) return 0;
  errors::format(exc_TypeError,
                 "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
                 p->type->name);
  return -1;
}

namespace {
// call_tzinfo_method: tzinfo.name(arg), which must be None or a timedelta strictly within a
// day.
Object* call_tzinfo_method(Object* tzinfo, const char* name, Object* tzinfoarg) {
  if (tzinfo == none()) return return_none();
  Ref<> meth = Ref<>::steal(object_getattr_string(tzinfo, name));
  if (!meth) return nullptr;
  Object* offset = object_call_one_arg(meth.get(), tzinfoarg);
  if (!offset || offset == none()) return offset;
  if (delta_check(offset)) {
    if ((td_days(offset) == -1 && td_seconds(offset) == 0 && td_us(offset) < 1) ||
        td_days(offset) < -1 || td_days(offset) >= 1) {
      errors::format(exc_ValueError,
                     "offset must be a timedelta strictly between -timedelta(hours=24) and "
                     "timedelta(hours=24), not %R",
                     offset);
      decref(offset);
      return nullptr;
    }
  } else {
    errors::format(exc_TypeError, "tzinfo.%s() must return None or timedelta, not '%.200s'",
                   name, offset->type->name);
    decref(offset);
    return nullptr;
  }
  return offset;
}
}  // namespace

Object* call_utcoffset(Object* tzinfo, Object* arg) {
  return call_tzinfo_method(tzinfo, "utcoffset", arg);
}
Object* call_dst(Object* tzinfo, Object* arg) { return call_tzinfo_method(tzinfo, "dst", arg); }

Object* call_tzname(Object* tzinfo, Object* arg) {
  if (tzinfo == none()) return return_none();
  static Object* name = str_intern_from_cstr("tzname");
  Object* result = call_method_one_arg(tzinfo, name, arg);
  if (!result || result == none()) return result;
  if (!str_check(result)) {
    errors::format(exc_TypeError, "tzinfo.tzname() must return None or a string, not '%s'",
                   result->type->name);
    decref(result);
    return nullptr;
  }
  return result;
}

Object* append_keyword_tzinfo(Object* repr, Object* tzinfo) {
  if (tzinfo == none()) return repr;
  Ref<> temp = Ref<>::steal(str_substring(repr, 0, str_length(repr) - 1));
  decref(repr);
  if (!temp) return nullptr;
  return str_from_format("%U, tzinfo=%R)", temp.get(), tzinfo);
}

Object* append_keyword_fold(Object* repr, int fold) {
  if (fold == 0) return repr;
  Ref<> temp = Ref<>::steal(str_substring(repr, 0, str_length(repr) - 1));
  decref(repr);
  if (!temp) return nullptr;
  return str_from_format("%U, fold=%d)", temp.get(), fold);
}

Object* tzinfo_from_isoformat_results(int rv, int tzoffset, int tz_useconds) {
  if (rv != 1) return return_none();
  if (tzoffset == 0) return new_ref(utc());
  Ref<> delta = Ref<>::steal(new_delta(0, tzoffset, tz_useconds, true));
  if (!delta) return nullptr;
  return new_timezone(delta.get(), nullptr);
}

Object* format_ctime(Object* date, int hours, int minutes, int seconds) {
  static const char* const kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* const kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int wday = weekday(get_year(date), get_month(date), get_day(date));
  return str_from_format("%s %s %2d %02d:%02d:%02d %04d", kDayNames[wday],
                         kMonthNames[get_month(date) - 1], get_day(date), hours, minutes,
                         seconds, get_year(date));
}

// format_utcoffset: sign HH sep MM [sep SS [. UUUUUU]] of tzinfo.utcoffset(arg), or "" for
// None.
int format_utcoffset(char* buf, size_t buflen, const char* sep, Object* tzinfo, Object* arg) {
  Ref<> offset = Ref<>::steal(call_utcoffset(tzinfo, arg));
  if (!offset) return -1;
  if (offset.get() == none()) {
    *buf = '\0';
    return 0;
  }
  char sign = '+';
  if (td_days(offset.get()) < 0) {
    sign = '-';
    offset = Ref<>::steal(delta_negative(offset.get()));
    if (!offset) return -1;
  }
  int microseconds = td_us(offset.get());
  int seconds = td_seconds(offset.get());
  int minutes = divmod_int(seconds, 60, &seconds);
  int hours = divmod_int(minutes, 60, &minutes);
  if (microseconds) {
    std::snprintf(buf, buflen, "%c%02d%s%02d%s%02d.%06d", sign, hours, sep, minutes, sep,
                  seconds, microseconds);
  } else if (seconds) {
    std::snprintf(buf, buflen, "%c%02d%s%02d%s%02d", sign, hours, sep, minutes, sep, seconds);
  } else {
    std::snprintf(buf, buflen, "%c%02d%s%02d", sign, hours, sep, minutes);
  }
  return 0;
}

namespace {
Object* get_tzinfo_member(Object* self) {
  if (datetime_check(self) && has_tzinfo(self)) return static_cast<DateTimeObject*>(self)->tzinfo;
  if (time_check(self) && has_tzinfo(self)) return static_cast<TimeObject*>(self)->tzinfo;
  return nullptr;
}

// make_somezreplacement: %z (sep "") or %:z (sep ":").
bool make_zreplacement(Object* object, const char* sep, Object* tzinfoarg, std::string* out) {
  Object* tzinfo = get_tzinfo_member(object);
  out->clear();
  if (!tzinfo || tzinfo == none()) return true;
  char buf[100];
  if (format_utcoffset(buf, sizeof(buf), sep, tzinfo, tzinfoarg) < 0) return false;
  *out = buf;
  return true;
}

// make_Zreplacement: tzname() with '%' doubled.
bool make_Zreplacement(Object* object, Object* tzinfoarg, std::string* out) {
  out->clear();
  Object* tzinfo = get_tzinfo_member(object);
  if (!tzinfo || tzinfo == none()) return true;
  Ref<> temp = Ref<>::steal(call_tzname(tzinfo, tzinfoarg));
  if (!temp) return false;
  if (temp.get() == none()) return true;
  Ref<> pct = Ref<>::steal(str_from_cstr("%"));
  Ref<> pctpct = Ref<>::steal(str_from_cstr("%%"));
  static Object* replace = str_intern_from_cstr("replace");
  Ref<> z = Ref<>::steal(call_method_obj_args(temp.get(), replace, pct.get(), pctpct.get(), nullptr));
  if (!z) return false;
  if (!str_check(z.get())) {
    errors::set_string(exc_TypeError, "tzname.replace() did not return a string");
    return false;
  }
  ssize n;
  const char* s = str_as_utf8(z.get(), &n);
  if (!s) return false;
  out->assign(s, static_cast<size_t>(n));
  return true;
}
}  // namespace

// wrap_strftime: replaces %z, %:z, %Z and %f, then calls time.strftime(format, timetuple).
Object* wrap_strftime(Object* object, Object* format, Object* timetuple, Object* tzinfoarg) {
  ssize flen;
  const char* pin = str_as_utf8(format, &flen);
  if (!pin) return nullptr;
  std::string newfmt;
  std::string zrep, colonzrep, Zrep, frep;
  bool have_z = false, have_colonz = false, have_Z = false, have_f = false;
  const char* end = pin + flen;
  // The C code stops at the first NUL byte, as it reads a C string.
  while (pin < end && *pin != '\0') {
    char ch = *pin++;
    if (ch != '%') {
      newfmt.push_back(ch);
      continue;
    }
    if (pin >= end || *pin == '\0') {
      newfmt.push_back('%');
      continue;
    }
    ch = *pin++;
    if (ch == 'z') {
      if (!have_z) {
        if (!make_zreplacement(object, "", tzinfoarg, &zrep)) return nullptr;
        have_z = true;
      }
      newfmt += zrep;
    } else if (ch == ':' && pin < end && *pin == 'z') {
      ++pin;
      if (!have_colonz) {
        if (!make_zreplacement(object, ":", tzinfoarg, &colonzrep)) return nullptr;
        have_colonz = true;
      }
      newfmt += colonzrep;
    } else if (ch == 'Z') {
      if (!have_Z) {
        if (!make_Zreplacement(object, tzinfoarg, &Zrep)) return nullptr;
        have_Z = true;
      }
      newfmt += Zrep;
    } else if (ch == 'f') {
      if (!have_f) {
        char buf[64];
        int us = 0;
        if (time_check(object)) {
          us = time_us(object);
        } else if (datetime_check(object)) {
          us = dt_us(object);
        }
        std::snprintf(buf, sizeof(buf), "%06d", us);
        frep = buf;
        have_f = true;
      }
      newfmt += frep;
    } else {
      newfmt.push_back('%');
      newfmt.push_back(ch);
    }
  }
  Ref<> time_mod = Ref<>::steal(imp::import_module("time"));
  if (!time_mod) return nullptr;
  Ref<> strftime = Ref<>::steal(object_getattr_string(time_mod.get(), "strftime"));
  if (!strftime) return nullptr;
  Ref<> fmt = Ref<>::steal(str_from_utf8(newfmt.data(), static_cast<ssize>(newfmt.size())));
  if (!fmt) return nullptr;
  return object_call_function_obj_args(strftime.get(), fmt.get(), timetuple, nullptr);
}

// build_struct_time: time.struct_time((y, m, d, hh, mm, ss, weekday, yday, dstflag)).
Object* build_struct_time(int y, int m, int d, int hh, int mm, int ss, int dstflag) {
  Ref<> time_mod = Ref<>::steal(imp::import_module("time"));
  if (!time_mod) return nullptr;
  Ref<> st = Ref<>::steal(object_getattr_string(time_mod.get(), "struct_time"));
  if (!st) return nullptr;
  int vals[9] = {y, m, d, hh, mm, ss, weekday(y, m, d), days_before_month(y, m) + d, dstflag};
  Ref<> tup = Ref<>::steal(tuple_new(9));
  if (!tup) return nullptr;
  for (int i = 0; i < 9; ++i) {
    Object* v = long_from_long(vals[i]);
    if (!v) return nullptr;
    tuple_set_item(tup.get(), i, v);
  }
  return object_call_one_arg(st.get(), tup.get());
}

// date_format: __format__(fmt) -> str(self) for "", else self.strftime(fmt).
Object* date_format(Object* self, Object* args) {
  Object* a[1];
  if (!parse_tuple(args, "__format__", 1, 1, a)) return nullptr;
  if (!conv_str(a[0], "__format__", 1)) return nullptr;
  if (str_length(a[0]) == 0) return object_str(self);
  static Object* name = str_intern_from_cstr("strftime");
  return call_method_one_arg(self, name, a[0]);
}

// datetime_strptime / date_strptime / time_strptime: _strptime.<func>(cls, string, format).
Object* call_strptime(const char* func, Object* cls, Object* args) {
  Object* a[2];
  if (!parse_tuple(args, "strptime", 2, 2, a)) return nullptr;
  if (!conv_str(a[0], "strptime", 1) || !conv_str(a[1], "strptime", 2)) return nullptr;
  Ref<> mod = Ref<>::steal(imp::import_module("_strptime"));
  if (!mod) return nullptr;
  Ref<> f = Ref<>::steal(object_getattr_string(mod.get(), func));
  if (!f) return nullptr;
  return object_call_function_obj_args(f.get(), cls, a[0], a[1], nullptr);
}

// ---------------------------------------------------------------------------
// ISO 8601 parsing.

namespace {
bool is_digit(char c) { return static_cast<unsigned>(c - '0') < 10; }

const char* parse_digits(const char* ptr, int* var, size_t num_digits) {
  for (size_t i = 0; i < num_digits; ++i) {
    unsigned tmp = static_cast<unsigned>(*(ptr++) - '0');
    if (tmp > 9) return nullptr;
    *var *= 10;
    *var += static_cast<int>(tmp);
  }
  return ptr;
}

// parse_hh_mm_ss_ff: [HH[:?MM[:?SS[{.,}ffffff]]]] up to tstr_end; 0 at the end of the
// string, 1 when text follows, negative on errors.
int parse_hh_mm_ss_ff(const char* tstr, const char* tstr_end, int* hour, int* minute,
                      int* second, int* microsecond) {
  *hour = *minute = *second = *microsecond = 0;
  const char* p = tstr;
  const char* p_end = tstr_end;
  int* vals[3] = {hour, minute, second};
  bool has_separator = true;
  for (size_t i = 0; i < 3; ++i) {
    p = parse_digits(p, vals[i], 2);
    if (!p) return -3;
    char c = *(p++);
    if (i == 0) has_separator = (c == ':');
    if (p >= p_end) return c != '\0';
    if (has_separator && c == ':') {
      if (i == 2) return -4;  // malformed microsecond separator
      continue;
    }
    if (c == '.' || c == ',') {
      if (i < 2) return -3;  // decimal mark on hour or minute
      break;
    }
    if (!has_separator) {
      --p;
    } else {
      return -4;
    }
  }
  size_t len_remains = static_cast<size_t>(p_end - p);
  size_t to_parse = len_remains >= 6 ? 6 : len_remains;
  p = parse_digits(p, microsecond, to_parse);
  if (!p) return -3;
  static const int correction[] = {100000, 10000, 1000, 100, 10};
  if (to_parse < 6) *microsecond *= correction[to_parse - 1];
  while (is_digit(*p)) ++p;
  return *p != '\0';
}
}  // namespace

int parse_isoformat_date(const char* dtstr, size_t len, int* year, int* month, int* day) {
  const char* p = dtstr;
  p = parse_digits(p, year, 4);
  if (!p) return -1;
  bool uses_separator = (*p == '-');
  if (uses_separator) ++p;
  if (*p == 'W') {
    p++;
    int iso_week = 0, iso_day = 0;
    p = parse_digits(p, &iso_week, 2);
    if (!p) return -3;
    if (static_cast<size_t>(p - dtstr) < len) {
      if (uses_separator && *(p++) != '-') return -2;
      p = parse_digits(p, &iso_day, 1);
      if (!p) return -4;
    } else {
      iso_day = 1;
    }
    int rv = iso_to_ymd(*year, iso_week, iso_day, year, month, day);
    return rv ? -3 + rv : 0;
  }
  p = parse_digits(p, month, 2);
  if (!p) return -1;
  if (uses_separator && *(p++) != '-') return -2;
  p = parse_digits(p, day, 2);
  if (!p) return -1;
  return 0;
}

int parse_isoformat_time(const char* dtstr, size_t dtlen, int* hour, int* minute, int* second,
                         int* microsecond, int* tzoffset, int* tzmicrosecond) {
  const char* p = dtstr;
  const char* p_end = dtstr + dtlen;
  const char* tzinfo_pos = p;
  do {
    if (*tzinfo_pos == 'Z' || *tzinfo_pos == '+' || *tzinfo_pos == '-') break;
  } while (++tzinfo_pos < p_end);
  int rv = parse_hh_mm_ss_ff(dtstr, tzinfo_pos, hour, minute, second, microsecond);
  if (rv < 0) return rv;
  if (tzinfo_pos == p_end) return rv == 1 ? -5 : 0;
  if (*tzinfo_pos == 'Z') {
    *tzoffset = 0;
    *tzmicrosecond = 0;
    return *(tzinfo_pos + 1) != '\0' ? -5 : 1;
  }
  int tzsign = (*tzinfo_pos == '-') ? -1 : 1;
  tzinfo_pos++;
  int tzhour = 0, tzminute = 0, tzsecond = 0;
  rv = parse_hh_mm_ss_ff(tzinfo_pos, p_end, &tzhour, &tzminute, &tzsecond, tzmicrosecond);
  *tzoffset = tzsign * ((tzhour * 3600) + (tzminute * 60) + tzsecond);
  *tzmicrosecond *= tzsign;
  return rv ? -5 : 1;
}

// ---------------------------------------------------------------------------
// The module.

namespace {

int datetime_exec(Object* module) {
  if (init_delta_types() < 0 || init_time_types() < 0 || init_date_types() < 0) return -1;
  struct {
    const char* name;
    TypeObject* type;
  } types[] = {{"date", &date_type},         {"datetime", &datetime_type},
               {"time", &time_type},         {"timedelta", &delta_type},
               {"tzinfo", &tzinfo_type},     {"timezone", &timezone_type}};
  for (auto& t : types) {
    if (module_add_object_ref(module, t.name, t.type) < 0) return -1;
  }
  Ref<> v = Ref<>::steal(long_from_long(kMinYear));
  if (!v || module_add_object_ref(module, "MINYEAR", v.get()) < 0) return -1;
  v = Ref<>::steal(long_from_long(kMaxYear));
  if (!v || module_add_object_ref(module, "MAXYEAR", v.get()) < 0) return -1;
  if (module_add_object_ref(module, "UTC", utc()) < 0) return -1;
  // The C API capsule: nothing in cppy uses it; it exists for the module's namespace.
  static int capi_placeholder;
  Ref<> capsule = Ref<>::steal(capsule_new(&capi_placeholder, "datetime.datetime_CAPI", nullptr));
  if (!capsule || module_add_object_ref(module, "datetime_CAPI", capsule.get()) < 0) return -1;
  return 0;
}

ModuleDef datetime_def = {"_datetime", "Fast implementation of the datetime module.", nullptr,
                          datetime_exec};

}  // namespace

ModuleDef* module_def() { return &datetime_def; }

}  // namespace cppy::modules::datetime_
