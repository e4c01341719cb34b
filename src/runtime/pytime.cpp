// PyTime_t conversions: Python/pytime.c.
#include "runtime/pytime.h"

#include <sys/time.h>

#include <cerrno>
#include <climits>
#include <cmath>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/object.h"

namespace cppy::runtime {

using namespace objects;

namespace {

constexpr PyTime kSecToMs = 1000;
constexpr PyTime kMsToUs = 1000;
constexpr PyTime kUsToNs = 1000;
constexpr PyTime kSecToUs = kSecToMs * kMsToUs;
constexpr PyTime kMsToNs = kMsToUs * kUsToNs;
constexpr PyTime kSecToNs = kSecToMs * kMsToNs;
constexpr PyTime kNsToUs = 1000;
constexpr PyTime kNsToMs = 1000 * 1000;

static_assert(sizeof(time_t) == sizeof(long long), "time_t is 64-bit on the supported platforms");
constexpr double kTimeTMin = static_cast<double>(LLONG_MIN);  // (double)PY_TIME_T_MIN
constexpr double kPyTimeMinDouble = static_cast<double>(kPyTimeMin);

// pytime_add: t1 + t2 clamped, -1 when clamped.
int pytime_add(PyTime* t1, PyTime t2) {
  if (t2 > 0 && *t1 > kPyTimeMax - t2) {
    *t1 = kPyTimeMax;
    return -1;
  }
  if (t2 < 0 && *t1 < kPyTimeMin - t2) {
    *t1 = kPyTimeMin;
    return -1;
  }
  *t1 += t2;
  return 0;
}

// pytime_mul (k >= 0): t * k clamped, -1 when clamped.
int pytime_mul(PyTime* t, PyTime k) {
  if (k != 0 && (*t < kPyTimeMin / k || kPyTimeMax / k < *t)) {
    *t = *t >= 0 ? kPyTimeMax : kPyTimeMin;
    return -1;
  }
  *t *= k;
  return 0;
}

// pytime_round_half_even.
double round_half_even(double x) {
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return rounded;
}

// pytime_round. The volatile keeps the compiler from fusing or reordering the rounding.
double pytime_round(double x, TimeRound round) {
  volatile double d = x;
  switch (round) {
    case TimeRound::kHalfEven: d = round_half_even(d); break;
    case TimeRound::kCeiling: d = std::ceil(d); break;
    case TimeRound::kFloor: d = std::floor(d); break;
    case TimeRound::kUp: d = d >= 0.0 ? std::ceil(d) : std::floor(d); break;
  }
  return d;
}

// pytime_double_to_denominator: d seconds as whole seconds and a count of 1/denominator.
// The range checks are written so that a NaN fails them.
int double_to_denominator(double d, time_t* sec, long* numerator, long idenominator,
                          TimeRound round) {
  double denominator = static_cast<double>(idenominator);
  double intpart;
  volatile double floatpart = std::modf(d, &intpart);
  floatpart = floatpart * denominator;
  floatpart = pytime_round(floatpart, round);
  if (floatpart >= denominator) {
    floatpart = floatpart - denominator;
    intpart += 1.0;
  } else if (floatpart < 0) {
    floatpart = floatpart + denominator;
    intpart -= 1.0;
  }
  if (!(kTimeTMin <= intpart && intpart < -kTimeTMin)) {
    set_time_t_overflow();
    return -1;
  }
  *sec = static_cast<time_t>(intpart);
  *numerator = static_cast<long>(floatpart);
  return 0;
}

// pytime_object_to_denominator.
int object_to_denominator(Object* obj, time_t* sec, long* numerator, long denominator,
                          TimeRound round) {
  if (float_check(obj)) {
    double d = float_as_double(obj);
    if (std::isnan(d)) {
      *numerator = 0;
      errors::set_string(exc_ValueError, "Invalid value NaN (not a number)");
      return -1;
    }
    return double_to_denominator(d, sec, numerator, denominator, round);
  }
  *sec = long_as_time_t(obj);
  *numerator = 0;
  if (*sec == static_cast<time_t>(-1) && errors::occurred()) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      errors::format(exc_TypeError, "argument must be int or float, not %T", obj);
    }
    return -1;
  }
  return 0;
}

// pytime_from_double.
int from_double(PyTime* out, double value, TimeRound round, PyTime unit_to_ns) {
  volatile double d = value;
  d = d * static_cast<double>(unit_to_ns);
  d = pytime_round(d, round);
  if (!(kPyTimeMinDouble <= d && d < -kPyTimeMinDouble)) {
    set_time_t_overflow();
    *out = 0;
    return -1;
  }
  *out = static_cast<PyTime>(d);
  return 0;
}

// PyLong_AsLongLong: an int, or what the object's __index__ returns; OverflowError past the
// range of long long.
long long as_long_long(Object* obj) {
  if (long_check(obj)) return long_as_long_long(obj);
  Object* index = number_index(obj);
  if (!index) return -1;
  long long v = long_as_long_long(index);
  decref(index);
  return v;
}

// pytime_from_object.
int from_object(PyTime* out, Object* obj, TimeRound round, PyTime unit_to_ns) {
  if (float_check(obj)) {
    double d = float_as_double(obj);
    if (std::isnan(d)) {
      errors::set_string(exc_ValueError, "Invalid value NaN (not a number)");
      return -1;
    }
    return from_double(out, d, round, unit_to_ns);
  }
  long long sec = as_long_long(obj);
  if (sec == -1 && errors::occurred()) {
    if (errors::exception_matches(exc_OverflowError)) {
      errors::clear();
      set_pytime_overflow();
    } else if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      errors::format(exc_TypeError, "'%T' object cannot be interpreted as an integer or float",
                     obj);
    }
    return -1;
  }
  PyTime ns = sec;
  if (pytime_mul(&ns, unit_to_ns) < 0) {
    set_pytime_overflow();
    return -1;
  }
  *out = ns;
  return 0;
}

// pytime_divide_round_up: t / k rounded away from zero, without overflow at the extremes.
PyTime divide_round_up(PyTime t, PyTime k) {
  PyTime q = t / k;
  if (t % k) q += t >= 0 ? 1 : -1;
  return q;
}

// pytime_divide.
PyTime pytime_divide(PyTime t, PyTime k, TimeRound round) {
  switch (round) {
    case TimeRound::kHalfEven: {
      PyTime x = t / k;
      PyTime r = t % k;
      PyTime abs_r = r < 0 ? -r : r;
      if (abs_r > k / 2 || (abs_r == k / 2 && ((x < 0 ? -x : x) & 1))) x += t >= 0 ? 1 : -1;
      return x;
    }
    case TimeRound::kCeiling: return t >= 0 ? divide_round_up(t, k) : t / k;
    case TimeRound::kFloor: return t >= 0 ? t / k : divide_round_up(t, k);
    case TimeRound::kUp: break;
  }
  return divide_round_up(t, k);
}

// pytime_divmod: (t / k, t % k) with 0 <= remainder < k; -1 on underflow.
int pytime_divmod(PyTime t, PyTime k, PyTime* pq, PyTime* pr) {
  PyTime q = t / k;
  PyTime r = t % k;
  if (r < 0) {
    if (q == kPyTimeMin) {
      *pq = kPyTimeMin;
      *pr = 0;
      return -1;
    }
    r += k;
    q -= 1;
  }
  *pq = q;
  *pr = r;
  return 0;
}

// pytime_as_timeval_struct.
int as_timeval_struct(PyTime t, struct timeval* tv, TimeRound round, bool raise) {
  PyTime us = pytime_divide(t, kUsToNs, round);
  PyTime tv_sec, tv_usec;
  int res = pytime_divmod(us, kSecToUs, &tv_sec, &tv_usec);
  tv->tv_sec = static_cast<time_t>(tv_sec);  // time_t is as wide as PyTime_t here
  tv->tv_usec = static_cast<suseconds_t>(tv_usec);
  if (raise && res < 0) {
    set_time_t_overflow();
    return -1;
  }
  return 0;
}

// pytime_as_timespec.
int as_timespec(PyTime ns, struct timespec* ts, bool raise) {
  PyTime tv_sec, tv_nsec;
  int res = pytime_divmod(ns, kSecToNs, &tv_sec, &tv_nsec);
  ts->tv_sec = static_cast<time_t>(tv_sec);
  ts->tv_nsec = static_cast<long>(tv_nsec);
  if (raise && res < 0) {
    set_time_t_overflow();
    return -1;
  }
  return 0;
}

}  // namespace

void set_pytime_overflow() {  // pytime_overflow
  errors::set_string(exc_OverflowError, "timestamp too large to convert to C PyTime_t");
}

void set_time_t_overflow() {  // pytime_time_t_overflow
  errors::set_string(exc_OverflowError, "timestamp out of range for platform time_t");
}

int time_from_seconds_object(PyTime* out, Object* obj, TimeRound round) {
  return from_object(out, obj, round, kSecToNs);
}

int time_from_milliseconds_object(PyTime* out, Object* obj, TimeRound round) {
  return from_object(out, obj, round, kMsToNs);
}

int time_from_seconds_double(double seconds, TimeRound round, PyTime* out) {
  return from_double(out, seconds, round, kSecToNs);
}

int time_from_long(PyTime* out, Object* obj) {
  if (!long_check(obj)) {
    errors::format(exc_TypeError, "expect int, got %s", obj->type->name);
    return -1;
  }
  long long nsec = long_as_long_long(obj);
  if (nsec == -1 && errors::occurred()) {
    if (errors::exception_matches(exc_OverflowError)) {
      errors::clear();
      set_pytime_overflow();
    }
    return -1;
  }
  *out = nsec;
  return 0;
}

time_t long_as_time_t(Object* obj) {
  long long val = as_long_long(obj);
  if (val == -1 && errors::occurred()) {
    if (errors::exception_matches(exc_OverflowError)) {
      errors::clear();
      set_time_t_overflow();
    }
    return -1;
  }
  return static_cast<time_t>(val);
}

int object_to_time_t(Object* obj, time_t* sec, TimeRound round) {
  if (float_check(obj)) {
    volatile double d = float_as_double(obj);
    if (std::isnan(d)) {
      errors::set_string(exc_ValueError, "Invalid value NaN (not a number)");
      return -1;
    }
    d = pytime_round(d, round);
    double intpart;
    (void)std::modf(d, &intpart);
    if (!(kTimeTMin <= intpart && intpart < -kTimeTMin)) {
      set_time_t_overflow();
      return -1;
    }
    *sec = static_cast<time_t>(intpart);
    return 0;
  }
  *sec = long_as_time_t(obj);
  if (*sec == static_cast<time_t>(-1) && errors::occurred()) return -1;
  return 0;
}

int object_to_timeval(Object* obj, time_t* sec, long* usec, TimeRound round) {
  return object_to_denominator(obj, sec, usec, kSecToUs, round);
}

int object_to_timespec(Object* obj, time_t* sec, long* nsec, TimeRound round) {
  return object_to_denominator(obj, sec, nsec, kSecToNs, round);
}

PyTime time_add(PyTime t1, PyTime t2) {
  (void)pytime_add(&t1, t2);
  return t1;
}

PyTime time_mul(PyTime t, PyTime k) {
  (void)pytime_mul(&t, k);
  return t;
}

PyTime time_as_microseconds(PyTime ns, TimeRound round) {
  return pytime_divide(ns, kNsToUs, round);
}

PyTime time_as_milliseconds(PyTime ns, TimeRound round) {
  return pytime_divide(ns, kNsToMs, round);
}

double time_as_seconds_double(PyTime ns) {
  volatile double d;
  if (ns % kSecToNs == 0) {
    // Whole seconds divided as integers: 1e-9 is not exact in binary.
    d = static_cast<double>(ns / kSecToNs);
  } else {
    d = static_cast<double>(ns);
    d = d / 1e9;
  }
  return d;
}

int time_as_timeval(PyTime ns, struct timeval* tv, TimeRound round) {
  return as_timeval_struct(ns, tv, round, true);
}

void time_as_timeval_clamp(PyTime ns, struct timeval* tv, TimeRound round) {
  (void)as_timeval_struct(ns, tv, round, false);
}

int time_as_timespec(PyTime ns, struct timespec* ts) { return as_timespec(ns, ts, true); }

void time_as_timespec_clamp(PyTime ns, struct timespec* ts) { (void)as_timespec(ns, ts, false); }

int time_localtime(time_t t, struct tm* tm) {
  errno = 0;
  if (localtime_r(&t, tm) == nullptr) {
    if (errno == 0) errno = EINVAL;
    errors::set_from_errno(exc_OSError);
    return -1;
  }
  return 0;
}

int time_gmtime(time_t t, struct tm* tm) {
  if (gmtime_r(&t, tm) == nullptr) {
    if (errno == 0) errno = EINVAL;
    errors::set_from_errno(exc_OSError);
    return -1;
  }
  return 0;
}

PyTime monotonic_raw() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  PyTime t = ts.tv_sec;
  (void)pytime_mul(&t, kSecToNs);
  (void)pytime_add(&t, ts.tv_nsec);
  return t;
}

PyTime deadline_init(PyTime timeout) { return time_add(monotonic_raw(), timeout); }

PyTime deadline_get(PyTime deadline) { return deadline - monotonic_raw(); }

}  // namespace cppy::runtime
