// The time module: Modules/timemodule.c of CPython 3.14 for Linux/glibc, with the conversions
// of Python/pytime.c it needs (seconds objects to time_t and to nanoseconds, nanoseconds to
// float seconds).
#include "modules/time/timemodule.h"

#include <pthread.h>
#include <time.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "builtins/bltinmodule.h"
#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pytime.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::time {

// The value of a non-negative int that fits in 64 bits (callers check the sign and size).
inline std::uint64_t int_to_u64(objects::Object* o) {
  unsigned char b[8] = {};
  objects::bigint::to_bytes(objects::long_view(o), b, 8, true, false);
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}

using namespace objects;

namespace {

std::int64_t timespec_ns(const struct timespec& ts) {
  return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

bool clock_ns(clockid_t clk, std::int64_t* out) {
  struct timespec ts;
  if (clock_gettime(clk, &ts) != 0) {
    errors::set_from_errno(exc_OSError);
    return false;
  }
  *out = timespec_ns(ts);
  return true;
}

Object* clock_float(clockid_t clk) {
  std::int64_t ns;
  if (!clock_ns(clk, &ns)) return nullptr;
  return float_from_double(runtime::time_as_seconds_double(ns));
}
Object* clock_int(clockid_t clk) {
  std::int64_t ns;
  if (!clock_ns(clk, &ns)) return nullptr;
  return long_from_long_long(ns);
}

Object* time_time(Object*, Object*) { return clock_float(CLOCK_REALTIME); }
Object* time_time_ns(Object*, Object*) { return clock_int(CLOCK_REALTIME); }
Object* time_monotonic(Object*, Object*) { return clock_float(CLOCK_MONOTONIC); }
Object* time_monotonic_ns(Object*, Object*) { return clock_int(CLOCK_MONOTONIC); }
Object* time_process_time(Object*, Object*) { return clock_float(CLOCK_PROCESS_CPUTIME_ID); }
Object* time_process_time_ns(Object*, Object*) { return clock_int(CLOCK_PROCESS_CPUTIME_ID); }
Object* time_thread_time(Object*, Object*) { return clock_float(CLOCK_THREAD_CPUTIME_ID); }
Object* time_thread_time_ns(Object*, Object*) { return clock_int(CLOCK_THREAD_CPUTIME_ID); }

// time.sleep: clock_nanosleep to an absolute monotonic deadline, so interruptions resume.
Object* time_sleep(Object*, Object* secs) {
  runtime::PyTime timeout;
  if (runtime::time_from_seconds_object(&timeout, secs, runtime::kRoundTimeout) < 0)
    return nullptr;
  if (timeout < 0) {
    errors::set_string(exc_ValueError, "sleep length must be non-negative");
    return nullptr;
  }
  struct timespec ts;
  if (runtime::time_as_timespec(runtime::deadline_init(timeout), &ts) < 0) return nullptr;
  int err;
  for (;;) {
    {
      vm::AllowThreads allow;  // Py_BEGIN_ALLOW_THREADS: other threads run meanwhile
      err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
    }
    if (err != EINTR) break;
    // Interrupted by a signal: its Python handler runs now and may raise (PEP 475).
    if (modules::_signal::check_signals() < 0) return nullptr;
  }
  if (err != 0) {
    errno = err;
    return errors::set_from_errno(exc_OSError);
  }
  return return_none();
}

// ---- struct_time ----------------------------------------------------------------------------

TypeObject struct_time_type{};
StructSeqField struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {nullptr, nullptr}};
StructSeqDesc struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
    " sequence of 9 integers.\n\n"
    " Note that several fields' values are not the same as those defined by\n"
    " the C language standard for struct tm.  For example, the value of the\n"
    " field tm_year is the actual year, not year - 1900.  See individual\n"
    " fields' descriptions for details.",
    struct_time_fields, 9};

// tmtotuple.
Object* tmtotuple(const struct tm* p) {
  Ref<> v = Ref<>::steal(structseq_new(&struct_time_type));
  if (!v) return nullptr;
  long values[9] = {static_cast<long>(p->tm_year) + 1900, p->tm_mon + 1, p->tm_mday,
                    p->tm_hour, p->tm_min, p->tm_sec, (p->tm_wday + 6) % 7, p->tm_yday + 1,
                    p->tm_isdst};
  for (int i = 0; i < 9; ++i) {
    Object* item = long_from_long(values[i]);
    if (!item) return nullptr;
    structseq_set_item(v.get(), i, item);
  }
  Object* zone = p->tm_zone ? str_decode_utf8(p->tm_zone, static_cast<ssize>(std::strlen(p->tm_zone)),
                                              "surrogateescape")
                            : new_ref(none());
  if (!zone) return nullptr;
  structseq_set_item(v.get(), 9, zone);
  Object* gmtoff = long_from_long(p->tm_gmtoff);
  if (!gmtoff) return nullptr;
  structseq_set_item(v.get(), 10, gmtoff);
  return v.release();
}

// PyArg_ParseTuple's arity messages ("f() takes at most 1 argument (2 given)").
bool parse_tuple_arity(const char* fname, ssize nargs, ssize min, ssize max) {
  if (nargs < min) {
    errors::format(exc_TypeError, "%s() takes %s %zd argument%s (%zd given)", fname,
                   min == max ? "exactly" : "at least", min, min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    errors::format(exc_TypeError, "%s() takes %s %zd argument%s (%zd given)", fname,
                   min == max ? "exactly" : "at most", max, max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

// parse_time_t_args: the optional seconds argument (None or absent: now).
bool time_t_arg(const char* fname, Object* const* args, ssize nargs, time_t* out) {
  if (!parse_tuple_arity(fname, nargs, 0, 1)) return false;
  if (nargs == 0 || args[0] == none()) {
    *out = ::time(nullptr);
    return true;
  }
  return runtime::object_to_time_t(args[0], out, runtime::TimeRound::kFloor) == 0;
}

Object* time_gmtime(Object*, Object* const* args, ssize nargs) {
  time_t when;
  if (!time_t_arg("gmtime", args, nargs, &when)) return nullptr;
  struct tm buf;
  errno = 0;
  if (runtime::time_gmtime(when, &buf) < 0) return nullptr;
  return tmtotuple(&buf);
}

Object* time_localtime(Object*, Object* const* args, ssize nargs) {
  time_t when;
  if (!time_t_arg("localtime", args, nargs, &when)) return nullptr;
  struct tm buf;
  if (runtime::time_localtime(when, &buf) < 0) return nullptr;
  return tmtotuple(&buf);
}

// PyArg_ParseTuple's "i" of one item.
bool tuple_int(Object* o, int* out) {
  if (float_check(o)) {
    errors::set_string(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
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

// gettmarg: a struct_time or a 9-tuple into a struct tm. zone_keep holds tm_zone's text.
bool gettmarg(Object* args, struct tm* p, const char* what, std::string* zone_keep) {
  std::memset(p, 0, sizeof(*p));
  if (!tuple_check(args)) {
    errors::set_string(exc_TypeError, "Tuple or struct_time argument required");
    return false;
  }
  if (tuple_size(args) != 9) {
    errors::format(exc_TypeError, "%s(): illegal time tuple argument", what);
    return false;
  }
  int y;
  int* fields[9] = {&y, &p->tm_mon, &p->tm_mday, &p->tm_hour, &p->tm_min,
                    &p->tm_sec, &p->tm_wday, &p->tm_yday, &p->tm_isdst};
  for (int i = 0; i < 9; ++i) {
    if (!tuple_int(tuple_item(args, i), fields[i])) return false;
  }
  if (y < INT_MIN + 1900) {
    errors::set_string(exc_OverflowError, "year out of range");
    return false;
  }
  p->tm_year = y - 1900;
  p->tm_mon--;
  p->tm_wday = (p->tm_wday + 1) % 7;
  p->tm_yday--;
  if (args->type == &struct_time_type) {
    Object* item = structseq_get_item(args, 9);
    if (item != none()) {
      ssize n = 0;
      const char* z = str_as_utf8(item, &n);
      if (!z) return false;
      zone_keep->assign(z, static_cast<size_t>(n));
      p->tm_zone = zone_keep->c_str();
    }
    item = structseq_get_item(args, 10);
    if (item != none()) {
      p->tm_gmtoff = long_as_long(item);
      if (errors::occurred()) return false;
    }
  }
  return true;
}

// checktm, with the normalisations of time.strftime and asctime (0 for month, day of month
// and day of year mean their first value).
bool checktm(struct tm* buf) {
  if (buf->tm_mon == -1) {
    buf->tm_mon = 0;
  } else if (buf->tm_mon < 0 || buf->tm_mon > 11) {
    errors::set_string(exc_ValueError, "month out of range");
    return false;
  }
  if (buf->tm_mday == 0) {
    buf->tm_mday = 1;
  } else if (buf->tm_mday < 0 || buf->tm_mday > 31) {
    errors::set_string(exc_ValueError, "day of month out of range");
    return false;
  }
  if (buf->tm_hour < 0 || buf->tm_hour > 23) {
    errors::set_string(exc_ValueError, "hour out of range");
    return false;
  }
  if (buf->tm_min < 0 || buf->tm_min > 59) {
    errors::set_string(exc_ValueError, "minute out of range");
    return false;
  }
  if (buf->tm_sec < 0 || buf->tm_sec > 61) {
    errors::set_string(exc_ValueError, "seconds out of range");
    return false;
  }
  // tm_wday's upper bound is guaranteed by the % 7 of gettmarg.
  if (buf->tm_wday < 0) {
    errors::set_string(exc_ValueError, "day of week out of range");
    return false;
  }
  if (buf->tm_yday == -1) {
    buf->tm_yday = 0;
  } else if (buf->tm_yday < 0 || buf->tm_yday > 365) {
    errors::set_string(exc_ValueError, "day of year out of range");
    return false;
  }
  return true;
}

// One strftime call on a format without NUL, with a growing buffer (time_strftime1).
bool strftime_chunk(const std::string& fmt, const struct tm* buf, std::string* out) {
  size_t fmtlen = fmt.size();
  for (size_t i = 1024;; i += i) {
    std::vector<char> outbuf(i);
    size_t buflen = ::strftime(outbuf.data(), i, fmt.c_str(), buf);
    if (buflen > 0 || i >= 256 * fmtlen) {
      // A buffer 256 times the format is not too small: the result is empty (%Z unknown...).
      out->append(outbuf.data(), buflen);
      return true;
    }
  }
}

// UTF-8 with surrogateescape (the locale encoding of CPython's C.UTF-8 start-up).
bool encode_locale(Object* s, std::string* out) {
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (p) {
    out->assign(p, static_cast<size_t>(n));
    return true;
  }
  errors::clear();
  out->clear();
  ssize len = str_length(s);
  for (ssize i = 0; i < len; ++i) {
    UCS4 c = str_read_char(s, i);
    if (c >= 0xDC80 && c <= 0xDCFF) {
      out->push_back(static_cast<char>(c - 0xDC00));
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      str_as_utf8(s);  // raises the codec's UnicodeEncodeError
      return false;
    } else {
      Ref<> ch = Ref<>::steal(str_from_char(c));
      ssize m = 0;
      const char* q = str_as_utf8(ch.get(), &m);
      out->append(q, static_cast<size_t>(m));
    }
  }
  return true;
}

// time.strftime(format[, tuple]).
Object* time_strftime(Object*, Object* const* args, ssize nargs) {
  if (!parse_tuple_arity("strftime", nargs, 1, 2)) return nullptr;
  if (!str_check(args[0])) {
    return errors::format(exc_TypeError, "strftime() argument 1 must be str, not %.50s",
                          type_short_name(args[0]->type));
  }
  struct tm buf;
  std::string zone;
  if (nargs < 2) {
    if (runtime::time_localtime(::time(nullptr), &buf) < 0) return nullptr;
  } else if (!gettmarg(args[1], &buf, "strftime", &zone) || !checktm(&buf)) {
    return nullptr;
  }
  // Normalise tm_isdst for implementations of %Z that index by it.
  if (buf.tm_isdst < -1) {
    buf.tm_isdst = -1;
  } else if (buf.tm_isdst > 1) {
    buf.tm_isdst = 1;
  }
  std::string fmt;
  if (!encode_locale(args[0], &fmt)) return nullptr;
  // The C function stops at a NUL: each NUL is copied and the pieces are formatted apart.
  std::string out;
  size_t start = 0;
  for (;;) {
    size_t nul = fmt.find('\0', start);
    std::string piece = fmt.substr(start, nul == std::string::npos ? std::string::npos : nul - start);
    if (!piece.empty() && !strftime_chunk(piece, &buf, &out)) return nullptr;
    if (nul == std::string::npos) break;
    out.push_back('\0');
    start = nul + 1;
  }
  return str_decode_utf8(out.data(), static_cast<ssize>(out.size()), "surrogateescape");
}

// _asctime: "Sun Jun 20 23:21:05 1993".
Object* format_asctime(const struct tm* t) {
  static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[128];
  std::snprintf(text, sizeof(text), "%s %s%3d %.2d:%.2d:%.2d %lld", wday_name[t->tm_wday],
                mon_name[t->tm_mon], t->tm_mday, t->tm_hour, t->tm_min, t->tm_sec,
                1900LL + t->tm_year);
  return str_from_cstr(text);
}

Object* time_asctime(Object*, Object* const* args, ssize nargs) {
  if (!parse_tuple_arity("asctime", nargs, 0, 1)) return nullptr;
  struct tm buf;
  std::string zone;
  if (nargs == 0) {
    if (runtime::time_localtime(::time(nullptr), &buf) < 0) return nullptr;
  } else if (!gettmarg(args[0], &buf, "asctime", &zone) || !checktm(&buf)) {
    return nullptr;
  }
  return format_asctime(&buf);
}

Object* time_ctime(Object*, Object* const* args, ssize nargs) {
  time_t tt;
  if (!time_t_arg("ctime", args, nargs, &tt)) return nullptr;
  struct tm buf;
  if (runtime::time_localtime(tt, &buf) < 0) return nullptr;
  return format_asctime(&buf);
}

Object* time_mktime(Object*, Object* tm_tuple) {
  struct tm tm;
  std::string zone;
  if (!gettmarg(tm_tuple, &tm, "mktime", &zone)) return nullptr;
  tm.tm_wday = -1;  // sentinel: mktime sets it on success
  time_t tt = ::mktime(&tm);
  if (tt == static_cast<time_t>(-1) && tm.tm_wday == -1) {
    errors::set_string(exc_OverflowError, "mktime argument out of range");
    return nullptr;
  }
  return float_from_double(static_cast<double>(tt));
}

// time.strptime: _strptime._strptime_time(string, format).
Object* time_strptime(Object*, Object* const* args, ssize nargs) {
  Object* import = dict_get_item_string(module_get_dict(builtins::builtins_module()), "__import__");
  if (!import) {
    errors::set_string(exc_ImportError, "__import__ not found");
    return nullptr;
  }
  Ref<> name = Ref<>::steal(str_from_cstr("_strptime"));
  Object* import_args[1] = {name.get()};
  Ref<> module = Ref<>::steal(vectorcall(import, import_args, 1, nullptr));
  if (!module) return nullptr;
  Ref<> func = Ref<>::steal(object_getattr_string(module.get(), "_strptime_time"));
  if (!func) return nullptr;
  return vectorcall(func.get(), args, static_cast<size_t>(nargs), nullptr);
}

// ---- clocks --------------------------------------------------------------------------------

bool clk_id_arg(Object* o, clockid_t* out) {
  if (!long_check(o)) {
    errors::format(exc_TypeError, "clk_id should be integer, not %.200s", type_short_name(o->type));
    return false;
  }
  int v = long_as_int(o);
  if (v == -1 && errors::occurred()) return false;
  *out = static_cast<clockid_t>(v);
  return true;
}

Object* time_clock_gettime(Object*, Object* arg) {
  clockid_t clk;
  if (!clk_id_arg(arg, &clk)) return nullptr;
  struct timespec tp;
  if (clock_gettime(clk, &tp) != 0) return errors::set_from_errno(exc_OSError);
  return float_from_double(static_cast<double>(tp.tv_sec) + static_cast<double>(tp.tv_nsec) * 1e-9);
}

Object* time_clock_gettime_ns(Object*, Object* arg) {
  clockid_t clk;
  if (!clk_id_arg(arg, &clk)) return nullptr;
  struct timespec tp;
  if (clock_gettime(clk, &tp) != 0) return errors::set_from_errno(exc_OSError);
  return long_from_long_long(timespec_ns(tp));
}

Object* time_clock_getres(Object*, Object* arg) {
  clockid_t clk;
  if (!clk_id_arg(arg, &clk)) return nullptr;
  struct timespec tp;
  if (clock_getres(clk, &tp) != 0) return errors::set_from_errno(exc_OSError);
  return float_from_double(static_cast<double>(tp.tv_sec) + static_cast<double>(tp.tv_nsec) * 1e-9);
}

Object* time_clock_settime(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("clock_settime", nargs, 2, 2)) return nullptr;
  clockid_t clk;
  if (!clk_id_arg(args[0], &clk)) return nullptr;
  runtime::PyTime t;
  if (runtime::time_from_seconds_object(&t, args[1], runtime::TimeRound::kFloor) < 0)
    return nullptr;
  struct timespec tp;
  if (runtime::time_as_timespec(t, &tp) < 0) return nullptr;
  if (clock_settime(clk, &tp) != 0) return errors::set_from_errno(exc_OSError);
  return return_none();
}

Object* time_clock_settime_ns(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("clock_settime_ns", nargs, 2, 2)) return nullptr;
  clockid_t clk;
  if (!clk_id_arg(args[0], &clk)) return nullptr;
  long long ns = long_as_long_long(args[1]);
  if (ns == -1 && errors::occurred()) return nullptr;
  struct timespec tp;
  tp.tv_sec = ns / 1000000000;
  tp.tv_nsec = ns % 1000000000;
  if (tp.tv_nsec < 0) {
    tp.tv_nsec += 1000000000;
    tp.tv_sec -= 1;
  }
  if (clock_settime(clk, &tp) != 0) return errors::set_from_errno(exc_OSError);
  return return_none();
}

Object* time_pthread_getcpuclockid(Object*, Object* arg) {
  if (!long_check(arg)) {
    return errors::format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          type_short_name(arg->type));
  }
  if (long_sign_of(arg) < 0 || long_num_bits(arg) > 64) {
    errors::set_string(exc_OverflowError, long_sign_of(arg) < 0
                                              ? "can't convert negative value to unsigned int"
                                              : "Python int too large to convert to C unsigned long");
    return nullptr;
  }
  unsigned long long id = int_to_u64(arg);
  clockid_t clk;
  int err = pthread_getcpuclockid(static_cast<pthread_t>(id), &clk);
  if (err) {
    errno = err;
    return errors::set_from_errno(exc_OSError);
  }
  return long_from_long(clk);
}

// time.get_clock_info(name): the clock behind each function, as on Linux.
Object* time_get_clock_info(Object*, Object* arg) {
  ssize n = 0;
  const char* name = str_check(arg) ? str_as_utf8(arg, &n) : nullptr;
  if (!name) {
    if (!errors::occurred()) {
      errors::format(exc_TypeError, "get_clock_info() argument must be str, not %.50s",
                     type_short_name(arg->type));
    }
    return nullptr;
  }
  std::string s(name, static_cast<size_t>(n));
  const char* implementation;
  clockid_t clk;
  bool monotonic = true, adjustable = false;
  if (s == "time") {
    implementation = "clock_gettime(CLOCK_REALTIME)";
    clk = CLOCK_REALTIME;
    monotonic = false;
    adjustable = true;
  } else if (s == "monotonic" || s == "perf_counter") {
    implementation = "clock_gettime(CLOCK_MONOTONIC)";
    clk = CLOCK_MONOTONIC;
  } else if (s == "process_time") {
    implementation = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
    clk = CLOCK_PROCESS_CPUTIME_ID;
  } else if (s == "thread_time") {
    implementation = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
    clk = CLOCK_THREAD_CPUTIME_ID;
  } else {
    errors::set_string(exc_ValueError, "unknown clock");
    return nullptr;
  }
  struct timespec res;
  if (clock_getres(clk, &res) != 0) return errors::set_from_errno(exc_OSError);
  double resolution = static_cast<double>(res.tv_sec) + static_cast<double>(res.tv_nsec) * 1e-9;
  Ref<> kwds = Ref<>::steal(dict_new());
  Ref<> impl = Ref<>::steal(str_from_cstr(implementation));
  Ref<> res_obj = Ref<>::steal(float_from_double(resolution));
  if (!kwds || !impl || !res_obj) return nullptr;
  if (dict_set_item_string(kwds.get(), "implementation", impl.get()) < 0 ||
      dict_set_item_string(kwds.get(), "monotonic", monotonic ? py_true() : py_false()) < 0 ||
      dict_set_item_string(kwds.get(), "adjustable", adjustable ? py_true() : py_false()) < 0 ||
      dict_set_item_string(kwds.get(), "resolution", res_obj.get()) < 0) {
    return nullptr;
  }
  return namespace_new(kwds.get());
}

// init_timezone: timezone, altzone, daylight and tzname from January and July of this year
// (glibc's tzname and timezone globals are not used, as in CPython).
int init_timezone(Object* m) {
  constexpr time_t kYear = (365 * 24 + 6) * 3600;
  time_t t = (::time(nullptr) / kYear) * kYear;
  struct tm p;
  if (runtime::time_localtime(t, &p) < 0) return -1;
  std::string janname = p.tm_zone ? std::string(p.tm_zone).substr(0, 9) : "   ";
  long janzone = -p.tm_gmtoff;
  t += kYear / 2;
  if (runtime::time_localtime(t, &p) < 0) return -1;
  std::string julyname = p.tm_zone ? std::string(p.tm_zone).substr(0, 9) : "   ";
  long julyzone = -p.tm_gmtoff;
  if (janzone < -2 * 86400 || janzone > 2 * 86400) {
    errors::set_string(exc_RuntimeError, "invalid GMT offset");
    return -1;
  }
  long tz = janzone, alt = julyzone;
  std::string first = janname, second = julyname;
  if (janzone < julyzone) {
    // DST is reversed in the southern hemisphere.
    tz = julyzone;
    alt = janzone;
    first = julyname;
    second = janname;
  }
  Ref<> a = Ref<>::steal(long_from_long(tz));
  Ref<> b = Ref<>::steal(long_from_long(alt));
  Ref<> c = Ref<>::steal(long_from_long(janzone != julyzone));
  Ref<> n1 = Ref<>::steal(str_decode_utf8(first.data(), static_cast<ssize>(first.size()), "surrogateescape"));
  Ref<> n2 = Ref<>::steal(str_decode_utf8(second.data(), static_cast<ssize>(second.size()), "surrogateescape"));
  if (!a || !b || !c || !n1 || !n2) return -1;
  Ref<> names = Ref<>::steal(tuple_pack(2, n1.get(), n2.get()));
  if (!names) return -1;
  if (module_add_object_ref(m, "timezone", a.get()) < 0 ||
      module_add_object_ref(m, "altzone", b.get()) < 0 ||
      module_add_object_ref(m, "daylight", c.get()) < 0 ||
      module_add_object_ref(m, "tzname", names.get()) < 0) {
    return -1;
  }
  // _STRUCT_TM_ITEMS: the fields of struct_time, tm_zone and tm_gmtoff included (_strptime).
  Ref<> items = Ref<>::steal(long_from_long(11));
  if (!items || module_add_object_ref(m, "_STRUCT_TM_ITEMS", items.get()) < 0) return -1;
  return 0;
}

Object* time_tzset(Object* module, Object*) {
  tzset();
  if (init_timezone(module) < 0) return nullptr;
  return return_none();
}

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

MethodDef time_methods[] = {
    {"time", NOARGS(time_time), "time() -> floating-point number\n\nReturn the current time in seconds since the Epoch.\nFractions of a second may be present if the system clock provides them."},
    {"time_ns", NOARGS(time_time_ns), "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."},
    {"clock_gettime", METH_O(time_clock_gettime), "Return the time of the specified clock clk_id as a float."},
    {"clock_gettime_ns", METH_O(time_clock_gettime_ns), "Return the time of the specified clock clk_id as nanoseconds (int)."},
    {"clock_settime", FASTCALL(time_clock_settime), "clock_settime(clk_id, time)\n\nSet the time of the specified clock clk_id."},
    {"clock_settime_ns", FASTCALL(time_clock_settime_ns), "clock_settime_ns(clk_id, time)\n\nSet the time of the specified clock clk_id with nanoseconds."},
    {"clock_getres", METH_O(time_clock_getres), "clock_getres(clk_id) -> floating-point number\n\nReturn the resolution (precision) of the specified clock clk_id."},
    {"pthread_getcpuclockid", METH_O(time_pthread_getcpuclockid), "pthread_getcpuclockid(thread_id) -> int\n\nReturn the clk_id of a thread's CPU time clock."},
    {"sleep", METH_O(time_sleep), "sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\na floating-point number for subsecond precision."},
    {"gmtime", FASTCALL(time_gmtime), "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\nGMT).  When 'seconds' is not passed in, convert the current time instead.\n\nIf the platform supports the tm_gmtoff and tm_zone, they are available as\nattributes only."},
    {"localtime", FASTCALL(time_localtime), "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing local time.\nWhen 'seconds' is not passed in, convert the current time instead."},
    {"asctime", FASTCALL(time_asctime), "asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.\nWhen the time tuple is not present, current time as returned by localtime()\nis used."},
    {"ctime", FASTCALL(time_ctime), "ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time.\nThis is equivalent to asctime(localtime(seconds)). When the time tuple is\nnot present, current time as returned by localtime() is used."},
    {"mktime", METH_O(time_mktime), "mktime(tuple) -> floating-point number\n\nConvert a time tuple in local time to seconds since the Epoch.\nNote that mktime(gmtime(0)) will not generally return zero for most\ntime zones; instead the returned value will either be equal to that\nof the timezone or altzone attributes on the time module."},
    {"strftime", FASTCALL(time_strftime), "strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification."},
    {"strptime", FASTCALL(time_strptime), "strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format specification."},
    {"tzset", NOARGS(time_tzset), "tzset()\n\nInitialize, or reinitialize, the local timezone to the value of the environment\nvariable TZ."},
    {"monotonic", NOARGS(time_monotonic), "monotonic() -> float\n\nMonotonic clock, cannot go backward."},
    {"monotonic_ns", NOARGS(time_monotonic_ns), "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."},
    {"process_time", NOARGS(time_process_time), "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", NOARGS(time_process_time_ns), "process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {"thread_time", NOARGS(time_thread_time), "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", NOARGS(time_thread_time_ns), "thread_time() -> int\n\nThread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {"perf_counter", NOARGS(time_monotonic), "perf_counter() -> float\n\nPerformance counter for benchmarking."},
    {"perf_counter_ns", NOARGS(time_monotonic_ns), "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."},
    {"get_clock_info", METH_O(time_get_clock_info), "get_clock_info(name: str) -> dict\n\nGet information of the specified clock."},
    {nullptr, nullptr, 0, nullptr}};

int time_exec(Object* m) {
  tzset();
  if (init_timezone(m) < 0) return -1;
  struct Constant {
    const char* name;
    long value;
  };
  const Constant clocks[] = {
      {"CLOCK_REALTIME", CLOCK_REALTIME},
      {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
      {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
      {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
      {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
      {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
      {"CLOCK_TAI", CLOCK_TAI},
  };
  for (const Constant& c : clocks) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  if (structseq_init_type(&struct_time_type, &struct_time_desc) < 0) return -1;
  if (module_add_object_ref(m, "struct_time", &struct_time_type) < 0) return -1;
  return 0;
}

ModuleDef time_def = {
    "time",
    "This module provides various functions to manipulate time values.\n\n"
    "There are two standard representations of time.  One is the number\n"
    "of seconds since the Epoch, in UTC (a.k.a. GMT).  It may be an integer\n"
    "or a floating-point number (to represent fractions of seconds).\n"
    "The epoch is the point where the time starts, the return value of time.gmtime(0).\n"
    "It is January 1, 1970, 00:00:00 (UTC) on all platforms.\n\n"
    "The other representation is a tuple of 9 integers giving local time.\n"
    "The tuple items are:\n"
    "  year (including century, e.g. 1998)\n"
    "  month (1-12)\n"
    "  day (1-31)\n"
    "  hours (0-23)\n"
    "  minutes (0-59)\n"
    "  seconds (0-59)\n"
    "  weekday (0-6, Monday is 0)\n"
    "  Julian day (day in the year, 1-366)\n"
    "  DST (Daylight Savings Time) flag (-1, 0 or 1)\n"
    "If the DST flag is 0, the time is given in the regular time zone;\n"
    "if it is 1, the time is given in the DST time zone;\n"
    "if it is -1, mktime() should guess based on the date and time.\n",
    time_methods, time_exec};

}  // namespace

ModuleDef* module_def() { return &time_def; }

}  // namespace cppy::modules::time
