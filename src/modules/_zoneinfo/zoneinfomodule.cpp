// The _zoneinfo module: Modules/_zoneinfo.c.
//
// cppy's datetime is the pure-Python _pydatetime, so ZoneInfo cannot be a static type deriving
// from a C tzinfo as in CPython: module exec creates the class with type() from
// datetime.tzinfo and installs the methods below on it as method descriptors. Each instance
// keeps its transition data in a ZoneData object (the C struct's fields) under an attribute.
#include "modules/_zoneinfo/zoneinfomodule.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_zoneinfo {

using namespace objects;

namespace {

constexpr int kEpochOrdinal = 719163;
constexpr int kDaysInMonth[] = {-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr int kDaysBeforeMonth[] = {-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
constexpr size_t kStrongCacheMaxSize = 8;

enum Source { kSourceNoCache = 0, kSourceCache = 1, kSourceFile = 2 };

// Module state: the imports and the caches.
struct State {
  Object* zoneinfo_class = nullptr;  // the ZoneInfo class
  Object* timedelta = nullptr;
  Object* datetime = nullptr;
  Object* io_open = nullptr;
  Object* find_tzfile = nullptr;
  Object* common = nullptr;
  Object* timedelta_cache = nullptr;  // {seconds: timedelta}
  std::vector<std::pair<Object*, Object*>> strong_cache;  // (key, zone), most recent first
};
State g_state;

bool is_leap_year(int year) {
  unsigned y = unsigned(year);
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int ymd_to_ord(int y, int m, int d) {
  y -= 1;
  int days_before_year = y * 365 + y / 4 - y / 100 + y / 400;
  int yearday = kDaysBeforeMonth[m];
  if (m > 2 && is_leap_year(y + 1)) yearday += 1;
  return days_before_year + yearday + d;
}

// _ttinfo.
struct TTInfo {
  Object* utcoff = nullptr;  // timedelta
  Object* dstoff = nullptr;  // timedelta
  Object* tzname = nullptr;  // str
  long utcoff_seconds = 0;
};

// A POSIX TZ rule's transition date: Mm.n.d (calendar) or [J]n (day of year).
struct TransitionRule {
  bool calendar = false;
  int month = 0, week = 0, day = 0;  // calendar
  bool julian = false;
  int yday = 0;                      // day rule
  int hour = 2, minute = 0, second = 0;

  // calendarrule_year_to_timestamp / dayrule_year_to_timestamp.
  int64_t year_to_timestamp(int year) const {
    if (calendar) {
      int first_day = (ymd_to_ord(year, month, 1) + 6) % 7;
      int days_in_month = kDaysInMonth[month] + (month == 2 && is_leap_year(year) ? 1 : 0);
      int month_day = (day - (first_day + 1)) % 7;
      if (month_day < 0) month_day += 7;
      month_day += 1 + (week - 1) * 7;
      if (month_day > days_in_month) month_day -= 7;
      int64_t ordinal = ymd_to_ord(year, month, month_day) - kEpochOrdinal;
      return ordinal * 86400 + hour * 3600 + minute * 60 + second;
    }
    int64_t days_before_year = ymd_to_ord(year, 1, 1) - kEpochOrdinal - 1;
    int d = yday;
    if (julian && d >= 59 && is_leap_year(year)) d += 1;
    return (days_before_year + d) * 86400 + hour * 3600 + minute * 60 + second;
  }
};

// _tzrule.
struct TZRule {
  TTInfo std, dst;
  long dst_diff = 0;
  TransitionRule start, end;
  bool std_only = true;
};

// The ZoneInfo fields of the C struct (PyZoneInfo_ZoneInfo).
struct ZoneData : Object {
  Object* key;
  Object* file_repr;
  int source;
  bool fixed_offset;
  std::vector<int64_t>* trans_list_utc;
  std::vector<int64_t>* trans_list_wall[2];
  std::vector<size_t>* trans_ttinfos;  // index into ttinfos for each transition
  std::vector<TTInfo>* ttinfos;
  TTInfo* ttinfo_before;
  TZRule* tzrule_after;
};

void xdecref_ttinfo(TTInfo& t) {
  xdecref(t.utcoff);
  xdecref(t.dstoff);
  xdecref(t.tzname);
  t = TTInfo();
}

void zonedata_dealloc(Object* o) {
  ZoneData* z = static_cast<ZoneData*>(o);
  xdecref(z->key);
  xdecref(z->file_repr);
  delete z->trans_list_utc;
  delete z->trans_list_wall[0];
  delete z->trans_list_wall[1];
  delete z->trans_ttinfos;
  if (z->ttinfos)
    for (TTInfo& t : *z->ttinfos) xdecref_ttinfo(t);
  delete z->ttinfos;
  if (z->tzrule_after) {
    xdecref_ttinfo(z->tzrule_after->std);
    xdecref_ttinfo(z->tzrule_after->dst);
    delete z->tzrule_after;
  }
  o->type->free(o);
}

TypeObject zonedata_type = [] {
  TypeObject t = static_type("zoneinfo._ZoneData", sizeof(ZoneData), 0, 0);
  t.dealloc = zonedata_dealloc;
  t.getattro = object_generic_getattr;
  t.free = object_generic_free;
  return t;
}();

ZoneData* new_zonedata() {
  ZoneData* z = static_cast<ZoneData*>(type_generic_alloc(&zonedata_type, 0));
  if (!z) return nullptr;
  z->key = new_ref(none());
  z->trans_list_utc = new std::vector<int64_t>();
  z->trans_list_wall[0] = new std::vector<int64_t>();
  z->trans_list_wall[1] = new std::vector<int64_t>();
  z->trans_ttinfos = new std::vector<size_t>();
  z->ttinfos = new std::vector<TTInfo>();
  z->tzrule_after = new TZRule();
  return z;
}

// zoneinfo._tzpath.find_tzfile and zoneinfo._common, imported on first use: the zoneinfo
// package imports this module, so module exec cannot import it back (CPython falls back to the
// pure-Python zoneinfo._zoneinfo there, which the stdlib cppy runs on does not ship).
bool import_helpers() {
  if (g_state.common) return true;
  Ref<> tzpath = Ref<>::steal(imp::import_module("zoneinfo._tzpath"));
  Ref<> find = Ref<>::steal(tzpath ? object_getattr_string(tzpath.get(), "find_tzfile") : nullptr);
  Ref<> common = Ref<>::steal(find ? imp::import_module("zoneinfo._common") : nullptr);
  if (!common) return false;
  g_state.find_tzfile = find.release();
  g_state.common = common.release();
  return true;
}

// load_timedelta: timedelta(seconds=s), cached.
Object* load_timedelta(long seconds) {
  Ref<> key = Ref<>::steal(long_from_long(seconds));
  if (!key) return nullptr;
  Object* cached = dict_get_item_with_error(g_state.timedelta_cache, key.get());
  if (cached) return new_ref(cached);
  if (errors::occurred()) return nullptr;
  Ref<> zero = Ref<>::steal(long_from_long(0));
  Object* args[2] = {zero.get(), key.get()};
  Ref<> td = Ref<>::steal(vectorcall(g_state.timedelta, args, 2, nullptr));
  if (!td || dict_set_item(g_state.timedelta_cache, key.get(), td.get()) < 0) return nullptr;
  return td.release();
}

int build_ttinfo(long utcoff, long dstoff, Object* tzname, TTInfo* out) {
  out->utcoff_seconds = utcoff;
  out->utcoff = load_timedelta(utcoff);
  out->dstoff = load_timedelta(dstoff);
  out->tzname = new_ref(tzname);
  return out->utcoff && out->dstoff ? 0 : -1;
}

// build_tzrule: std-only when dst_abbr is null.
int build_tzrule(Object* std_abbr, Object* dst_abbr, long std_offset, long dst_offset,
                 const TransitionRule& start, const TransitionRule& end, TZRule* out) {
  out->start = start;
  out->end = end;
  if (build_ttinfo(std_offset, 0, std_abbr, &out->std) < 0) return -1;
  if (dst_abbr) {
    out->dst_diff = dst_offset - std_offset;
    out->std_only = false;
    if (build_ttinfo(dst_offset, out->dst_diff, dst_abbr, &out->dst) < 0) return -1;
  } else {
    out->std_only = true;
  }
  return 0;
}

// --- the POSIX TZ string (parse_tz_str and helpers) -----------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// parse_abbr: "<...>" or letters. Characters consumed, or -1.
long parse_abbr(const char* p, Object** abbr) {
  const char* ptr = p;
  const char* start;
  const char* end;
  if (*ptr == '<') {
    ++ptr;
    start = ptr;
    while (*ptr != '>') {
      if (!is_alpha(*ptr) && !is_digit(*ptr) && *ptr != '+' && *ptr != '-') return -1;
      ++ptr;
    }
    end = ptr;
    ++ptr;
  } else {
    start = p;
    while (is_alpha(*ptr)) ++ptr;
    end = ptr;
  }
  *abbr = str_from_utf8(start, end - start);
  if (!*abbr) return -1;
  return ptr - p;
}

// parse_tz_delta: [+|-]hh[:mm[:ss]], negated (POSIX offsets are west-positive).
long parse_tz_delta(const char* p, long* total_seconds) {
  long sign = -1, hours = 0, minutes = 0, seconds = 0;
  const char* ptr = p;
  if (*ptr == '-' || *ptr == '+') {
    if (*ptr == '-') sign = 1;
    ++ptr;
  }
  for (int i = 0; i < 2; ++i) {
    if (!is_digit(*ptr)) {
      if (i == 0) return -1;
      break;
    }
    hours = hours * 10 + (*ptr - '0');
    ++ptr;
  }
  if (hours > 24 || hours < 0) return -1;
  long* outputs[2] = {&minutes, &seconds};
  for (int i = 0; i < 2; ++i) {
    if (*ptr != ':') break;
    ++ptr;
    for (int j = 0; j < 2; ++j) {
      if (!is_digit(*ptr)) return -1;
      *outputs[i] = *outputs[i] * 10 + (*ptr - '0');
      ++ptr;
    }
  }
  *total_seconds = sign * (hours * 3600 + minutes * 60 + seconds);
  return ptr - p;
}

// parse_transition_time: [+|-]h[h][:mm[:ss]].
long parse_transition_time(const char* p, int* hour, int* minute, int* second) {
  int* components[3] = {hour, minute, second};
  const char* ptr = p;
  int sign = 1;
  if (*ptr == '-' || *ptr == '+') {
    if (*ptr == '-') sign = -1;
    ++ptr;
  }
  for (int i = 0; i < 3; ++i) {
    if (i > 0) {
      if (*ptr != ':') break;
      ++ptr;
    }
    int buff = 0;
    for (int j = 0; j < 2; ++j) {
      if (!is_digit(*ptr)) {
        if (i == 0 && j > 0) break;
        return -1;
      }
      buff = buff * 10 + (*ptr - '0');
      ++ptr;
    }
    *components[i] = sign * buff;
  }
  return ptr - p;
}

// parse_transition_rule: Mm.n.d[/time] or [J]n[/time], with calendarrule_new /
// dayrule_new's bounds.
long parse_transition_rule(const char* p, TransitionRule* out) {
  const char* ptr = p;
  TransitionRule rule;
  if (*ptr == 'M') {
    ++ptr;
    if (!is_digit(*ptr)) return -1;
    int month = *ptr++ - '0';
    if (*ptr != '.') {
      if (!is_digit(*ptr)) return -1;
      month = month * 10 + (*ptr++ - '0');
    }
    int values[2];
    for (int i = 0; i < 2; ++i) {
      if (*ptr != '.') return -1;
      ++ptr;
      if (!is_digit(*ptr)) return -1;
      values[i] = *ptr++ - '0';
    }
    if (*ptr == '/') {
      ++ptr;
      long n = parse_transition_time(ptr, &rule.hour, &rule.minute, &rule.second);
      if (n < 0) return -1;
      ptr += n;
    }
    if (month <= 0 || month > 12) {
      errors::set_string(exc_ValueError, "Month must be in (0, 12]");
      return -1;
    }
    if (values[0] <= 0 || values[0] > 5) {
      errors::set_string(exc_ValueError, "Week must be in (0, 5]");
      return -1;
    }
    if (values[1] > 6) {
      errors::set_string(exc_ValueError, "Day must be in [0, 6]");
      return -1;
    }
    rule.calendar = true;
    rule.month = month;
    rule.week = values[0];
    rule.day = values[1];
  } else {
    if (*ptr == 'J') {
      rule.julian = true;
      ++ptr;
    }
    int day = 0;
    for (int i = 0; i < 3; ++i) {
      if (!is_digit(*ptr)) {
        if (i == 0) return -1;
        break;
      }
      day = day * 10 + (*ptr++ - '0');
    }
    if (*ptr == '/') {
      ++ptr;
      long n = parse_transition_time(ptr, &rule.hour, &rule.minute, &rule.second);
      if (n < 0) return -1;
      ptr += n;
    }
    int julian = rule.julian ? 1 : 0;
    if (day < julian || day > 365) {
      errors::format(exc_ValueError, "day must be in [%u, 365], not: %u", unsigned(julian),
                     unsigned(day));
      return -1;
    }
    rule.yday = day;
  }
  *out = rule;
  return ptr - p;
}

int parse_tz_str(Object* tz_str_obj, TZRule* out) {
  const char* tz_str = bytes_as_string(tz_str_obj);
  const char* p = tz_str;
  Object* std_raw = nullptr;
  long n = parse_abbr(p, &std_raw);
  Ref<> std_abbr = Ref<>::steal(std_raw);
  auto fail = [&](const char* fmt) {
    if (!errors::occurred()) errors::format(exc_ValueError, fmt, tz_str_obj);
    return -1;
  };
  if (n < 1) return fail("Invalid STD format in %R");
  p += n;
  long std_offset = 0, dst_offset = 0;
  n = parse_tz_delta(p, &std_offset);
  if (n < 0) return fail("Invalid STD offset in %R");
  p += n;
  TransitionRule start, end;
  if (*p == '\0') return build_tzrule(std_abbr.get(), nullptr, std_offset, 0, start, end, out);
  Object* dst_raw = nullptr;
  n = parse_abbr(p, &dst_raw);
  Ref<> dst_abbr = Ref<>::steal(dst_raw);
  if (n < 1) return fail("Invalid DST format in %R");
  p += n;
  if (*p == ',') {
    dst_offset = std_offset + 3600;
  } else {
    n = parse_tz_delta(p, &dst_offset);
    if (n < 0) return fail("Invalid DST offset in %R");
    p += n;
  }
  TransitionRule* rules[2] = {&start, &end};
  for (int i = 0; i < 2; ++i) {
    if (*p != ',') return fail("Missing transition rules in TZ string: %R");
    ++p;
    n = parse_transition_rule(p, rules[i]);
    if (n < 0) return fail("Malformed transition rule in TZ string: %R");
    p += n;
  }
  if (*p != '\0') return fail("Extraneous characters at end of TZ string: %R");
  return build_tzrule(std_abbr.get(), dst_abbr.get(), std_offset, dst_offset, start, end, out);
}

// --- loading (load_data, utcoff_to_dstoff, ts_to_local) ------------------------------------

void utcoff_to_dstoff(const std::vector<size_t>& trans_idx, const std::vector<long>& utcoffs,
                      std::vector<long>& dstoffs, const std::vector<unsigned char>& isdsts) {
  size_t num_transitions = trans_idx.size();
  size_t num_ttinfos = utcoffs.size();
  size_t dst_count = num_ttinfos;
  size_t dst_found = 0;
  for (size_t i = 1; i < num_transitions; ++i) {
    if (dst_count == dst_found) break;
    size_t idx = trans_idx[i];
    size_t comp_idx = trans_idx[i - 1];
    if (!isdsts[idx] || dstoffs[idx] != 0) continue;
    long dstoff = 0;
    long utcoff = utcoffs[idx];
    if (!isdsts[comp_idx]) dstoff = utcoff - utcoffs[comp_idx];
    if (!dstoff && idx < num_ttinfos - 1 && i + 1 < num_transitions) {
      comp_idx = trans_idx[i + 1];
      if (isdsts[comp_idx]) continue;
      dstoff = utcoff - utcoffs[comp_idx];
    }
    if (dstoff) {
      dst_found++;
      dstoffs[idx] = dstoff;
    }
  }
  if (dst_found < dst_count) {
    for (size_t idx = 0; idx < num_ttinfos; ++idx)
      if (isdsts[idx] && !dstoffs[idx]) dstoffs[idx] = 3600;
  }
}

void ts_to_local(const std::vector<size_t>& trans_idx, const std::vector<int64_t>& trans_utc,
                 const std::vector<long>& utcoff, std::vector<int64_t>* local[2]) {
  size_t n = trans_utc.size();
  if (n == 0) return;
  *local[0] = trans_utc;
  *local[1] = trans_utc;
  int64_t offset_0, offset_1;
  if (utcoff.size() > 1) {
    offset_0 = utcoff[0];
    offset_1 = utcoff[trans_idx[0]];
    if (offset_1 > offset_0) std::swap(offset_0, offset_1);
  } else {
    offset_0 = offset_1 = utcoff[0];
  }
  (*local[0])[0] += offset_0;
  (*local[1])[0] += offset_1;
  for (size_t i = 1; i < n; ++i) {
    offset_0 = utcoff[trans_idx[i - 1]];
    offset_1 = utcoff[trans_idx[i]];
    if (offset_1 > offset_0) std::swap(offset_1, offset_0);
    (*local[0])[i] += offset_0;
    (*local[1])[i] += offset_1;
  }
}

int load_data(ZoneData* self, Object* file_obj) {
  if (!import_helpers()) return -1;
  Ref<> data = Ref<>::steal(call_method_one_arg(g_state.common, str_intern_from_cstr("load_data"),
                                                file_obj));
  if (!data) return -1;
  if (!tuple_check_exact(data.get()) || tuple_size(data.get()) < 6) {
    errors::format(exc_TypeError, "Invalid data result type: %R", data.get());
    return -1;
  }
  Object* const* items = tuple_items(data.get());
  Object* trans_idx_list = items[0];
  Object* trans_utc = items[1];
  Object* utcoff_list = items[2];
  Object* isdst_list = items[3];
  Object* abbr = items[4];
  Object* tz_str = items[5];
  ssize num_transitions = object_length(trans_utc);
  ssize num_ttinfos = object_length(utcoff_list);
  if (num_transitions < 0 || num_ttinfos < 0) return -1;
  std::vector<size_t> trans_idx(static_cast<size_t>(num_transitions));
  self->trans_list_utc->resize(size_t(num_transitions));
  for (ssize i = 0; i < num_transitions; ++i) {
    Ref<> pos = Ref<>::steal(long_from_ssize(i));
    Ref<> t = Ref<>::steal(object_get_item(trans_utc, pos.get()));
    Ref<> ix = Ref<>::steal(t ? object_get_item(trans_idx_list, pos.get()) : nullptr);
    if (!ix) return -1;
    long long v = long_as_long_long(t.get());
    if (v == -1 && errors::occurred()) return -1;
    (*self->trans_list_utc)[size_t(i)] = v;
    ssize idx = long_as_ssize(ix.get());
    if (idx == -1 && errors::occurred()) return -1;
    if (idx < 0 || idx > num_ttinfos) {
      errors::format(exc_ValueError, "Invalid transition index found while reading TZif: %zd", idx);
      return -1;
    }
    trans_idx[size_t(i)] = size_t(idx);
  }
  std::vector<long> utcoff(static_cast<size_t>(num_ttinfos));
  std::vector<unsigned char> isdst(static_cast<size_t>(num_ttinfos));
  for (ssize i = 0; i < num_ttinfos; ++i) {
    Ref<> pos = Ref<>::steal(long_from_ssize(i));
    Ref<> u = Ref<>::steal(object_get_item(utcoff_list, pos.get()));
    Ref<> d = Ref<>::steal(u ? object_get_item(isdst_list, pos.get()) : nullptr);
    if (!d) return -1;
    long v = long_as_long(u.get());
    if (v == -1 && errors::occurred()) return -1;
    utcoff[size_t(i)] = v;
    int b = object_is_true(d.get());
    if (b < 0) return -1;
    isdst[size_t(i)] = (unsigned char)b;
  }
  std::vector<long> dstoff(size_t(num_ttinfos), 0);
  utcoff_to_dstoff(trans_idx, utcoff, dstoff, isdst);
  ts_to_local(trans_idx, *self->trans_list_utc, utcoff, self->trans_list_wall);
  self->ttinfos->resize(size_t(num_ttinfos));
  for (ssize i = 0; i < num_ttinfos; ++i) {
    Ref<> pos = Ref<>::steal(long_from_ssize(i));
    Ref<> name = Ref<>::steal(object_get_item(abbr, pos.get()));
    if (!name || build_ttinfo(utcoff[size_t(i)], dstoff[size_t(i)], name.get(),
                              &(*self->ttinfos)[size_t(i)]) < 0)
      return -1;
  }
  *self->trans_ttinfos = trans_idx;
  self->ttinfo_before = nullptr;
  for (ssize i = 0; i < num_ttinfos; ++i) {
    if (!isdst[size_t(i)]) {
      self->ttinfo_before = &(*self->ttinfos)[size_t(i)];
      break;
    }
  }
  if (!self->ttinfo_before && num_ttinfos > 0) self->ttinfo_before = &(*self->ttinfos)[0];
  int has_tz_str = tz_str == none() ? 0 : object_is_true(tz_str);
  if (has_tz_str < 0) return -1;
  if (has_tz_str) {
    if (!bytes_check(tz_str)) {
      errors::format(exc_TypeError, "expected bytes, %.200s found", tz_str->type->name);
      return -1;
    }
    if (parse_tz_str(tz_str, self->tzrule_after) < 0) return -1;
  } else {
    if (!num_ttinfos) {
      errors::set_string(exc_ValueError, "No time zone information found.");
      return -1;
    }
    size_t idx = num_transitions ? trans_idx[size_t(num_transitions) - 1] : size_t(num_ttinfos) - 1;
    const TTInfo& tti = (*self->ttinfos)[idx];
    if (build_tzrule(tti.tzname, nullptr, tti.utcoff_seconds, 0, TransitionRule(), TransitionRule(),
                     self->tzrule_after) < 0)
      return -1;
    // The rule mimics that ttinfo; a DST one keeps its dstoff.
    int nonzero = object_is_true(tti.dstoff);
    if (nonzero < 0) return -1;
    if (nonzero) xsetref(self->tzrule_after->std.dstoff, new_ref(tti.dstoff));
  }
  // fixed_offset: what utcoffset(None) and friends may answer.
  if (num_ttinfos > 1 || !self->tzrule_after->std_only) {
    self->fixed_offset = false;
  } else if (num_ttinfos == 0) {
    self->fixed_offset = true;
  } else {
    const TTInfo& a = (*self->ttinfos)[0];
    const TTInfo& b = self->tzrule_after->std;
    bool eq = true;
    for (auto [x, y] : {std::pair{a.utcoff, b.utcoff}, std::pair{a.dstoff, b.dstoff},
                        std::pair{a.tzname, b.tzname}}) {
      int r = object_rich_compare_bool(x, y, kEQ);
      if (r < 0) return -1;
      if (!r) eq = false;
    }
    self->fixed_offset = eq;
  }
  return 0;
}

// --- lookups -------------------------------------------------------------------------------

size_t bisect_right(int64_t value, const std::vector<int64_t>& arr) {
  size_t lo = 0, hi = arr.size();
  while (lo < hi) {
    size_t m = (lo + hi) / 2;
    if (arr[m] > value) {
      hi = m;
    } else {
      lo = m + 1;
    }
  }
  return hi;
}

void tzrule_transitions(const TZRule& rule, int year, int64_t* start, int64_t* end) {
  *start = rule.start.year_to_timestamp(year);
  *end = rule.end.year_to_timestamp(year);
}

const TTInfo* find_tzrule_ttinfo(const TZRule& rule, int64_t ts, int fold, int year) {
  if (rule.std_only) return &rule.std;
  int64_t start, end;
  tzrule_transitions(rule, year, &start, &end);
  if (fold == (rule.dst_diff >= 0)) {
    end -= rule.dst_diff;
  } else {
    start += rule.dst_diff;
  }
  bool isdst = start < end ? (ts >= start && ts < end) : (ts < end || ts >= start);
  return isdst ? &rule.dst : &rule.std;
}

const TTInfo* find_tzrule_ttinfo_fromutc(const TZRule& rule, int64_t ts, int year, bool* fold) {
  if (rule.std_only) {
    *fold = false;
    return &rule.std;
  }
  int64_t start, end;
  tzrule_transitions(rule, year, &start, &end);
  start -= rule.std.utcoff_seconds;
  end -= rule.dst.utcoff_seconds;
  bool isdst = start < end ? (ts >= start && ts < end) : (ts < end || ts >= start);
  int64_t ambig_start, ambig_end;
  if (rule.dst_diff > 0) {
    ambig_start = end;
    ambig_end = end + rule.dst_diff;
  } else {
    ambig_start = start;
    ambig_end = start - rule.dst_diff;
  }
  *fold = ts >= ambig_start && ts < ambig_end;
  return isdst ? &rule.dst : &rule.std;
}

// An int attribute of a datetime.
bool int_attr(Object* dt, const char* name, long* out) {
  Ref<> v = Ref<>::steal(object_getattr_string(dt, name));
  if (!v) return false;
  *out = long_as_long(v.get());
  return !(*out == -1 && errors::occurred());
}

// get_local_timestamp: nominal seconds since 1970-01-01 of dt's wall time, and its year.
bool local_timestamp(Object* dt, int64_t* ts, long* year) {
  long y, m, d, hh, mm, ss;
  if (!int_attr(dt, "year", &y) || !int_attr(dt, "month", &m) || !int_attr(dt, "day", &d) ||
      !int_attr(dt, "hour", &hh) || !int_attr(dt, "minute", &mm) || !int_attr(dt, "second", &ss))
    return false;
  *year = y;
  *ts = int64_t(ymd_to_ord(int(y), int(m), int(d)) - kEpochOrdinal) * 86400 +
        int64_t(hh * 3600 + mm * 60 + ss);
  return true;
}

// The ZoneData of a ZoneInfo instance.
ZoneData* zone_data(Object* self) {
  Ref<> z = Ref<>::steal(object_getattr_string(self, "_cppy_zone"));
  if (!z) return nullptr;
  if (z->type != &zonedata_type) {
    errors::set_string(exc_TypeError, "ZoneInfo object is not initialized");
    return nullptr;
  }
  return static_cast<ZoneData*>(z.get());  // the instance keeps it alive
}

// find_ttinfo: the ttinfo in force at dt's wall time (nullptr with an error; a null-field
// ttinfo for dt None in a zone without a fixed offset).
const TTInfo kNoTTInfo;
const TTInfo* find_ttinfo(ZoneData* self, Object* dt) {
  if (dt == none()) return self->fixed_offset ? &self->tzrule_after->std : &kNoTTInfo;
  int64_t ts;
  long year;
  if (!local_timestamp(dt, &ts, &year)) return nullptr;
  long fold = 0;
  if (!int_attr(dt, "fold", &fold)) return nullptr;
  const std::vector<int64_t>& local = *self->trans_list_wall[fold ? 1 : 0];
  size_t n = self->trans_list_utc->size();
  if (n && ts < local[0]) return self->ttinfo_before;
  if (!n || ts > local[n - 1])
    return find_tzrule_ttinfo(*self->tzrule_after, ts, fold ? 1 : 0, int(year));
  size_t idx = bisect_right(ts, local) - 1;
  return &(*self->ttinfos)[(*self->trans_ttinfos)[idx]];
}

Object* ttinfo_field(Object* self, Object* dt, Object* TTInfo::*field) {
  ZoneData* z = zone_data(self);
  if (!z) return nullptr;
  const TTInfo* tti = find_ttinfo(z, dt);
  if (!tti) return nullptr;
  Object* v = tti->*field;
  return new_ref(v ? v : none());
}

Object* zi_utcoffset(Object* self, Object* dt) { return ttinfo_field(self, dt, &TTInfo::utcoff); }
Object* zi_dst(Object* self, Object* dt) { return ttinfo_field(self, dt, &TTInfo::dstoff); }
Object* zi_tzname(Object* self, Object* dt) { return ttinfo_field(self, dt, &TTInfo::tzname); }

Object* zi_fromutc(Object* self, Object* dt) {
  int is_dt = object_is_instance(dt, g_state.datetime);
  if (is_dt < 0) return nullptr;
  if (!is_dt) return errors::format(exc_TypeError, "fromutc: argument must be a datetime");
  Ref<> tz = Ref<>::steal(object_getattr_string(dt, "tzinfo"));
  if (!tz) return nullptr;
  if (tz.get() != self) return errors::format(exc_ValueError, "fromutc: dt.tzinfo is not self");
  ZoneData* z = zone_data(self);
  if (!z) return nullptr;
  int64_t ts;
  long year;
  if (!local_timestamp(dt, &ts, &year)) return nullptr;
  const std::vector<int64_t>& utc = *z->trans_list_utc;
  size_t n = utc.size();
  const TTInfo* tti = nullptr;
  bool fold = false;
  auto ttinfo_at = [&](size_t i) { return &(*z->ttinfos)[(*z->trans_ttinfos)[i]]; };
  if (n >= 1 && ts < utc[0]) {
    tti = z->ttinfo_before;
  } else if (n == 0 || ts > utc[n - 1]) {
    tti = find_tzrule_ttinfo_fromutc(*z->tzrule_after, ts, int(year), &fold);
    // Right after the last listed transition, the fold is between that transition's ttinfo and
    // the rule's.
    if (n) {
      const TTInfo* prev = n == 1 ? z->ttinfo_before : ttinfo_at(n - 2);
      int64_t diff = prev->utcoff_seconds - tti->utcoff_seconds;
      if (diff > 0 && ts < utc[n - 1] + diff) fold = true;
    }
  } else {
    size_t idx = bisect_right(ts, utc);
    const TTInfo* prev;
    if (idx >= 2) {
      prev = ttinfo_at(idx - 2);
      tti = ttinfo_at(idx - 1);
    } else {
      prev = z->ttinfo_before;
      tti = ttinfo_at(0);
    }
    int64_t shift = prev->utcoff_seconds - tti->utcoff_seconds;
    if (shift > ts - utc[idx - 1]) fold = true;
  }
  Ref<> result = Ref<>::steal(number_add(dt, tti->utcoff));
  if (!result || !fold) return result.release();
  Ref<> replace = Ref<>::steal(object_getattr_string(result.get(), "replace"));
  Ref<> one = Ref<>::steal(long_from_long(1));
  Ref<> names = Ref<>::steal(tuple_pack(1, str_intern_from_cstr("fold")));
  if (!replace || !one || !names) return nullptr;
  Object* args[1] = {one.get()};
  return vectorcall(replace.get(), args, 0, names.get());
}

// The type name repr shows: CPython's tp_name ("zoneinfo.ZoneInfo" for the class itself).
std::string type_display_name(Object* self) {
  if (reinterpret_cast<Object*>(self->type) == g_state.zoneinfo_class) return "zoneinfo.ZoneInfo";
  return self->type->name;
}

Object* zi_repr(Object* self, Object*) {
  ZoneData* z = zone_data(self);
  if (!z) return nullptr;
  std::string name = type_display_name(self);
  if (z->key != none()) return str_from_format("%s(key=%R)", name.c_str(), z->key);
  return str_from_format("%s.from_file(%U)", name.c_str(), z->file_repr);
}

Object* zi_str(Object* self, Object*) {
  ZoneData* z = zone_data(self);
  if (!z) return nullptr;
  if (z->key != none()) return new_ref(z->key);
  return zi_repr(self, nullptr);
}

Object* zi_reduce(Object* self, Object*) {
  ZoneData* z = zone_data(self);
  if (!z) return nullptr;
  if (z->source == kSourceFile) {
    Ref<> pickle = Ref<>::steal(imp::import_module("pickle"));
    Ref<> err = Ref<>::steal(pickle ? object_getattr_string(pickle.get(), "PicklingError") : nullptr);
    if (!err) return nullptr;
    Ref<> msg = Ref<>::steal(str_from_cstr("Cannot pickle a ZoneInfo file from a file stream."));
    if (!msg) return nullptr;
    errors::set_object(reinterpret_cast<TypeObject*>(err.get()), msg.get());
    return nullptr;
  }
  Ref<> ctor = Ref<>::steal(object_getattr_string(self, "_unpickle"));
  Ref<> flag = Ref<>::steal(long_from_long(z->source == kSourceCache ? 1 : 0));
  if (!ctor || !flag) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(2, z->key, flag.get()));
  if (!args) return nullptr;
  return tuple_pack(2, ctor.get(), args.get());
}

Object* zi_get_key(Object* self, void*) {
  ZoneData* z = zone_data(self);
  if (!z) return nullptr;
  return new_ref(z->key);
}

// --- construction and caches -----------------------------------------------------------------

// An instance of cls carrying data.
Object* make_instance(Object* cls, ZoneData* data) {
  Ref<> empty = Ref<>::steal(tuple_new(0));
  if (!empty) return nullptr;
  Ref<> self = Ref<>::steal(BaseObject_Type.new_(reinterpret_cast<TypeObject*>(cls), empty.get(), nullptr));
  if (!self) return nullptr;
  if (object_setattr_string(self.get(), "_cppy_zone", data) < 0) return nullptr;
  return self.release();
}

// zoneinfo_new_instance: _tzpath.find_tzfile(key), or _common.load_tzdata(key), loaded.
Object* new_instance(Object* cls, Object* key, int source) {
  if (!import_helpers()) return nullptr;
  Ref<> path = Ref<>::steal(object_call_one_arg(g_state.find_tzfile, key));
  if (!path) return nullptr;
  Ref<> file;
  if (path.get() == none()) {
    file = Ref<>::steal(call_method_one_arg(g_state.common, str_intern_from_cstr("load_tzdata"), key));
  } else {
    Ref<> mode = Ref<>::steal(str_from_cstr("rb"));
    Object* args[2] = {path.get(), mode.get()};
    file = Ref<>::steal(mode ? vectorcall(g_state.io_open, args, 2, nullptr) : nullptr);
  }
  if (!file) return nullptr;
  Ref<> data = Ref<>::steal(new_zonedata());
  if (!data) return nullptr;
  ZoneData* z = static_cast<ZoneData*>(data.get());
  int rc = load_data(z, file.get());
  Object* pending = rc < 0 ? errors::get_raised_exception() : nullptr;
  Ref<> closed = Ref<>::steal(call_method_no_args(file.get(), str_intern_from_cstr("close")));
  if (pending) {
    errors::set_raised_exception(pending);
    return nullptr;
  }
  if (!closed) return nullptr;
  xsetref(z->key, new_ref(key));
  z->source = source;
  return make_instance(cls, z);
}

Object* weak_cache_of(Object* cls) { return object_getattr_string(cls, "_weak_cache"); }

// zone_from_strong_cache / update_strong_cache: only the ZoneInfo class itself has the LRU
// cache of 8.
Object* from_strong_cache(Object* cls, Object* key) {
  if (cls != g_state.zoneinfo_class) return nullptr;
  auto& cache = g_state.strong_cache;
  for (size_t i = 0; i < cache.size(); ++i) {
    int eq = object_rich_compare_bool(cache[i].first, key, kEQ);
    if (eq < 0) return nullptr;
    if (eq) {
      auto entry = cache[i];
      cache.erase(cache.begin() + long(i));
      cache.insert(cache.begin(), entry);
      return new_ref(entry.second);
    }
  }
  return nullptr;
}

void eject_from_strong_cache(Object* cls, Object* key) {
  if (cls != g_state.zoneinfo_class) return;
  auto& cache = g_state.strong_cache;
  for (size_t i = 0; i < cache.size(); ++i) {
    int eq = object_rich_compare_bool(cache[i].first, key, kEQ);
    if (eq < 0) {
      errors::clear();
      continue;
    }
    if (eq) {
      decref(cache[i].first);
      decref(cache[i].second);
      cache.erase(cache.begin() + long(i));
      return;
    }
  }
}

void update_strong_cache(Object* cls, Object* key, Object* zone) {
  if (cls != g_state.zoneinfo_class) return;
  eject_from_strong_cache(cls, key);
  auto& cache = g_state.strong_cache;
  cache.insert(cache.begin(), {new_ref(key), new_ref(zone)});
  while (cache.size() > kStrongCacheMaxSize) {
    decref(cache.back().first);
    decref(cache.back().second);
    cache.pop_back();
  }
}

void clear_strong_cache(Object* cls) {
  if (cls != g_state.zoneinfo_class) return;
  for (auto& e : g_state.strong_cache) {
    decref(e.first);
    decref(e.second);
  }
  g_state.strong_cache.clear();
}

// zoneinfo_new: __new__(cls, key).
// The class comes first (a static __new__); the key is parsed as tp_new's clinic code parses
// it, so its messages count it as argument 1.
Object* zi_new(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"key", nullptr};
  static const ArgParser parser = {"ZoneInfo", kw, 1, 1, 0};
  if (nargs < 1) {
    errors::set_string(exc_TypeError, "zoneinfo.ZoneInfo.__new__(): not enough arguments");
    return nullptr;
  }
  Object* cls = args[0];
  Object* a[1] = {};
  if (!unpack_keywords(args + 1, nargs - 1, nullptr, kwnames, parser, a)) return nullptr;
  Object* key = a[0];
  Object* cached = from_strong_cache(cls, key);
  if (cached || errors::occurred()) return cached;
  Ref<> weak = Ref<>::steal(weak_cache_of(cls));
  if (!weak) return nullptr;
  Object* get_args[2] = {key, none()};
  Ref<> get = Ref<>::steal(object_getattr_string(weak.get(), "get"));
  Ref<> instance = Ref<>::steal(get ? vectorcall(get.get(), get_args, 2, nullptr) : nullptr);
  if (!instance) return nullptr;
  if (instance.get() == none()) {
    Ref<> fresh = Ref<>::steal(new_instance(cls, key, kSourceCache));
    if (!fresh) return nullptr;
    Ref<> setdefault = Ref<>::steal(object_getattr_string(weak.get(), "setdefault"));
    Object* sd_args[2] = {key, fresh.get()};
    instance = Ref<>::steal(setdefault ? vectorcall(setdefault.get(), sd_args, 2, nullptr) : nullptr);
    if (!instance) return nullptr;
  }
  update_strong_cache(cls, key, instance.get());
  return instance.release();
}

Object* zi_no_cache(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"key", nullptr};
  static const ArgParser parser = {"no_cache", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  return new_instance(cls, a[0], kSourceNoCache);
}

Object* zi_from_file(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "key", nullptr};
  static const ArgParser parser = {"from_file", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  Ref<> file_repr = Ref<>::steal(object_repr(a[0]));
  if (!file_repr) return nullptr;
  Ref<> data = Ref<>::steal(new_zonedata());
  if (!data) return nullptr;
  ZoneData* z = static_cast<ZoneData*>(data.get());
  if (load_data(z, a[0]) < 0) return nullptr;
  z->source = kSourceFile;
  z->file_repr = file_repr.release();
  xsetref(z->key, new_ref(a[1] ? a[1] : none()));
  return make_instance(cls, z);
}

Object* zi_clear_cache(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"only_keys", nullptr};
  static const ArgParser parser = {"clear_cache", kw, 0, 0, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  Ref<> weak = Ref<>::steal(weak_cache_of(cls));
  if (!weak) return nullptr;
  if (!a[0] || a[0] == none()) {
    Ref<> r = Ref<>::steal(call_method_no_args(weak.get(), str_intern_from_cstr("clear")));
    if (!r) return nullptr;
    clear_strong_cache(cls);
    return new_ref(none());
  }
  Ref<> it = Ref<>::steal(object_get_iter(a[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref<> key = Ref<>::steal(iter_next(it.get()));
    if (!key) break;
    eject_from_strong_cache(cls, key.get());
    Object* pop_args[2] = {key.get(), none()};
    Ref<> pop = Ref<>::steal(object_getattr_string(weak.get(), "pop"));
    Ref<> r = Ref<>::steal(pop ? vectorcall(pop.get(), pop_args, 2, nullptr) : nullptr);
    if (!r) return nullptr;
  }
  if (errors::occurred()) return nullptr;
  return new_ref(none());
}

Object* zi_unpickle(Object* cls, Object* const* args, ssize nargs) {
  if (!check_positional("_unpickle", nargs, 2, 2)) return nullptr;
  int from_cache = object_is_true(args[1]);
  if (from_cache < 0) return nullptr;
  if (from_cache) {
    Object* new_args[2] = {cls, args[0]};
    return zi_new(nullptr, new_args, 2, nullptr);
  }
  return new_instance(cls, args[0], kSourceNoCache);
}

// zoneinfo_init_subclass: each subclass gets its own weak cache.
Object* zi_init_subclass(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  (void)args;
  (void)nargs;
  (void)kwnames;
  Ref<> weakref = Ref<>::steal(imp::import_module("weakref"));
  Ref<> wvd = Ref<>::steal(weakref ? object_getattr_string(weakref.get(), "WeakValueDictionary") : nullptr);
  Ref<> cache = Ref<>::steal(wvd ? object_call_no_args(wvd.get()) : nullptr);
  if (!cache || object_setattr_string(cls, "_weak_cache", cache.get()) < 0) return nullptr;
  return new_ref(none());
}

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef zi_methods[] = {
    {"utcoffset", reinterpret_cast<void*>(zi_utcoffset), kMethO,
     "Retrieve a timedelta representing the UTC offset in a zone at the given datetime."},
    {"dst", reinterpret_cast<void*>(zi_dst), kMethO,
     "Retrieve a timedelta representing the amount of DST applied in a zone at the given "
     "datetime."},
    {"tzname", reinterpret_cast<void*>(zi_tzname), kMethO,
     "Retrieve a string containing the abbreviation for the time zone that applies in a zone "
     "at a given datetime."},
    {"fromutc", reinterpret_cast<void*>(zi_fromutc), kMethO,
     "Given a datetime with local time in UTC, retrieve an adjusted datetime in local time."},
    {"__reduce__", reinterpret_cast<void*>(zi_reduce), kMethNoArgs,
     "Function for serialization with the pickle protocol."},
    {"__repr__", reinterpret_cast<void*>(zi_repr), kMethNoArgs, nullptr},
    {"__str__", reinterpret_cast<void*>(zi_str), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

MethodDef zi_classmethods[] = {
    {"from_file", FASTCALL_KW(zi_from_file), "Create a ZoneInfo file from a file object."},
    {"no_cache", FASTCALL_KW(zi_no_cache),
     "Get a new instance of ZoneInfo, bypassing the cache."},
    {"clear_cache", FASTCALL_KW(zi_clear_cache), "Clear the ZoneInfo cache."},
    {"_unpickle", FASTCALL(zi_unpickle), "Private method used in unpickling."},
    {"__init_subclass__", FASTCALL_KW(zi_init_subclass),
     "Function to initialize subclasses."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef zi_new_def = {"__new__", FASTCALL_KW(zi_new), nullptr};

GetSetDef zi_getset[] = {{"key", zi_get_key, nullptr, nullptr, nullptr},
                         {nullptr, nullptr, nullptr, nullptr, nullptr}};

Object* attr_of(const char* module, const char* name) {
  Ref<> m = Ref<>::steal(imp::import_module(module));
  return m ? object_getattr_string(m.get(), name) : nullptr;
}

int zoneinfo_exec(Object* m) {
  if (type_ready(&zonedata_type) < 0) return -1;
  State& st = g_state;
  if (!st.zoneinfo_class) {
    Ref<> tzinfo = Ref<>::steal(attr_of("datetime", "tzinfo"));
    st.timedelta = attr_of("datetime", "timedelta");
    st.datetime = attr_of("datetime", "datetime");
    st.io_open = attr_of("io", "open");
    st.timedelta_cache = dict_new();
    if (!tzinfo || !st.timedelta || !st.datetime || !st.io_open || !st.timedelta_cache) return -1;
    Ref<> ns = Ref<>::steal(dict_new());
    Ref<> module_name = Ref<>::steal(str_from_cstr("zoneinfo"));
    if (!ns || !module_name || dict_set_item_string(ns.get(), "__module__", module_name.get()) < 0)
      return -1;
    Ref<> name = Ref<>::steal(str_from_cstr("ZoneInfo"));
    Ref<> bases = Ref<>::steal(tuple_pack(1, tzinfo.get()));
    if (!name || !bases) return -1;
    Object* type_args[3] = {name.get(), bases.get(), ns.get()};
    Ref<> cls = Ref<>::steal(vectorcall(reinterpret_cast<Object*>(&Type_Type), type_args, 3, nullptr));
    if (!cls) return -1;
    TypeObject* type = reinterpret_cast<TypeObject*>(cls.get());
    for (MethodDef* d = zi_methods; d->name; ++d) {
      Ref<> descr = Ref<>::steal(descr_new_method(type, d));
      if (!descr || object_setattr_string(cls.get(), d->name, descr.get()) < 0) return -1;
    }
    for (MethodDef* d = zi_classmethods; d->name; ++d) {
      Ref<> descr = Ref<>::steal(descr_new_classmethod(type, d));
      if (!descr || object_setattr_string(cls.get(), d->name, descr.get()) < 0) return -1;
    }
    Ref<> key = Ref<>::steal(descr_new_getset(type, zi_getset));
    Ref<> new_fn = Ref<>::steal(cfunction_new(&zi_new_def, nullptr));
    Ref<> new_static = Ref<>::steal(new_fn ? staticmethod_new(new_fn.get()) : nullptr);
    if (!key || !new_static || object_setattr_string(cls.get(), "key", key.get()) < 0 ||
        object_setattr_string(cls.get(), "__new__", new_static.get()) < 0)
      return -1;
    Ref<> init = Ref<>::steal(zi_init_subclass(cls.get(), nullptr, 0, nullptr));
    if (!init) return -1;
    st.zoneinfo_class = cls.release();
  }
  return module_add_object_ref(m, "ZoneInfo", st.zoneinfo_class);
}

ModuleDef zoneinfo_def = {"_zoneinfo", "C implementation of the zoneinfo module", nullptr,
                          zoneinfo_exec};

}  // namespace

ModuleDef* module_def() { return &zoneinfo_def; }

}  // namespace cppy::modules::_zoneinfo
