// PyTime_t conversions: Python/pytime.c (Include/internal/pycore_time.h). Every native module
// that takes seconds (timeouts, timestamps, intervals) converts through these, so the rounding
// and the error messages are CPython's everywhere. The clocks themselves are in
// src/modules/time. All return 0, or -1 with the exception set.
#pragma once

#include <cstdint>
#include <ctime>

struct timeval;

namespace cppy::objects {
struct Object;
}

namespace cppy::runtime {

using PyTime = int64_t;  // PyTime_t: nanoseconds
inline constexpr PyTime kPyTimeMin = INT64_MIN;
inline constexpr PyTime kPyTimeMax = INT64_MAX;

// _PyTime_round_t.
enum class TimeRound {
  kFloor,     // towards minus infinity
  kCeiling,   // towards plus infinity
  kHalfEven,  // nearest, ties to even
  kUp,        // away from zero
};
// _PyTime_ROUND_TIMEOUT: timeouts are rounded away from zero (never shorter than asked).
inline constexpr TimeRound kRoundTimeout = TimeRound::kUp;

// _PyTime_FromSecondsObject / _PyTime_FromMillisecondsObject: a float or an int (or an object
// with __index__) of seconds / milliseconds as nanoseconds.
int time_from_seconds_object(PyTime* out, objects::Object* obj, TimeRound round);
int time_from_milliseconds_object(PyTime* out, objects::Object* obj, TimeRound round);
// _PyTime_FromSecondsDouble.
int time_from_seconds_double(double seconds, TimeRound round, PyTime* out);
// _PyTime_FromLong: an int of nanoseconds.
int time_from_long(PyTime* out, objects::Object* obj);

// _PyLong_AsTime_t (-1 with the exception set on error).
time_t long_as_time_t(objects::Object* obj);
// _PyTime_ObjectToTime_t, _PyTime_ObjectToTimeval, _PyTime_ObjectToTimespec: a float or an int
// of seconds split into whole seconds and a fraction.
int object_to_time_t(objects::Object* obj, time_t* sec, TimeRound round);
int object_to_timeval(objects::Object* obj, time_t* sec, long* usec, TimeRound round);
int object_to_timespec(objects::Object* obj, time_t* sec, long* nsec, TimeRound round);

// _PyTime_Add, _PyTime_Mul: clamped to [kPyTimeMin, kPyTimeMax].
PyTime time_add(PyTime t1, PyTime t2);
PyTime time_mul(PyTime t, PyTime k);

// _PyTime_AsMicroseconds, _PyTime_AsMilliseconds.
PyTime time_as_microseconds(PyTime ns, TimeRound round);
PyTime time_as_milliseconds(PyTime ns, TimeRound round);
// PyTime_AsSecondsDouble.
double time_as_seconds_double(PyTime ns);
// _PyTime_AsTimeval (raises on overflow) and _PyTime_AsTimeval_clamp.
int time_as_timeval(PyTime ns, struct timeval* tv, TimeRound round);
void time_as_timeval_clamp(PyTime ns, struct timeval* tv, TimeRound round);
// _PyTime_AsTimespec (raises on overflow) and _PyTime_AsTimespec_clamp.
int time_as_timespec(PyTime ns, struct timespec* ts);
void time_as_timespec_clamp(PyTime ns, struct timespec* ts);

// PyTime_MonotonicRaw (CLOCK_MONOTONIC; no error is possible on Linux), and the deadlines of
// retried system calls: _PyDeadline_Init (now + timeout, clamped) and _PyDeadline_Get (the
// time left, negative once passed).
PyTime monotonic_raw();
PyTime deadline_init(PyTime timeout);
PyTime deadline_get(PyTime deadline);

// _PyTime_localtime / _PyTime_gmtime: localtime_r / gmtime_r with OSError on failure.
int time_localtime(time_t t, struct tm* tm);
int time_gmtime(time_t t, struct tm* tm);

// The messages of pytime_overflow and pytime_time_t_overflow.
void set_pytime_overflow();
void set_time_t_overflow();

}  // namespace cppy::runtime
