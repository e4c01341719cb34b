// Shared between the _datetime sources: the object layouts of Include/datetime.h (so pickles
// carry CPython's byte states), the calendar helpers and the constructors of
// Modules/_datetimemodule.c. Internal to src/modules/_datetime.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::modules::datetime_ {

using objects::Object;
using objects::TypeObject;
using objects::hash_t;
using objects::ssize;

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;
inline constexpr int kMaxOrdinal = 3652059;  // date(9999, 12, 31).toordinal()
inline constexpr int kMaxDeltaDays = 999999999;
inline constexpr int kDateDataSize = 4;
inline constexpr int kTimeDataSize = 6;
inline constexpr int kDateTimeDataSize = 10;

// PyDateTime_Delta.
struct DeltaObject : Object {
  hash_t hashcode;
  int days;
  int seconds;       // 0 <= seconds < 24*3600
  int microseconds;  // 0 <= microseconds < 1000000
};
// PyDateTime_Date; datetime shares its prefix (hashcode, hastzinfo, data[0..4)).
struct DateObject : Object {
  hash_t hashcode;
  char hastzinfo;
  unsigned char data[kDateDataSize];
};
// PyDateTime_Time (tzinfo is only meaningful when hastzinfo).
struct TimeObject : Object {
  hash_t hashcode;
  char hastzinfo;
  unsigned char data[kTimeDataSize];
  unsigned char fold;
  Object* tzinfo;
};
// PyDateTime_DateTime.
struct DateTimeObject : Object {
  hash_t hashcode;
  char hastzinfo;
  unsigned char data[kDateTimeDataSize];
  unsigned char fold;
  Object* tzinfo;
};
// PyDateTime_TimeZone.
struct TimeZoneObject : Object {
  Object* offset;
  Object* name;  // null when not given
};

extern TypeObject delta_type;
extern TypeObject date_type;
extern TypeObject time_type;
extern TypeObject datetime_type;
extern TypeObject tzinfo_type;
extern TypeObject timezone_type;
extern TypeObject isocal_type;

inline bool delta_check(Object* o) { return objects::type_check(o, &delta_type); }
inline bool date_check(Object* o) { return objects::type_check(o, &date_type); }
inline bool time_check(Object* o) { return objects::type_check(o, &time_type); }
inline bool datetime_check(Object* o) { return objects::type_check(o, &datetime_type); }
inline bool tzinfo_check(Object* o) { return objects::type_check(o, &tzinfo_type); }
inline bool timezone_check(Object* o) { return objects::type_check(o, &timezone_type); }

inline DeltaObject* as_delta(Object* o) { return static_cast<DeltaObject*>(o); }
inline int td_days(Object* o) { return as_delta(o)->days; }
inline int td_seconds(Object* o) { return as_delta(o)->seconds; }
inline int td_us(Object* o) { return as_delta(o)->microseconds; }

inline unsigned char* ddata(Object* o) { return static_cast<DateObject*>(o)->data; }
inline int get_year(Object* o) { return (ddata(o)[0] << 8) | ddata(o)[1]; }
inline int get_month(Object* o) { return ddata(o)[2]; }
inline int get_day(Object* o) { return ddata(o)[3]; }
inline int dt_hour(Object* o) { return ddata(o)[4]; }
inline int dt_minute(Object* o) { return ddata(o)[5]; }
inline int dt_second(Object* o) { return ddata(o)[6]; }
inline int dt_us(Object* o) {
  return (ddata(o)[7] << 16) | (ddata(o)[8] << 8) | ddata(o)[9];
}
inline int dt_fold(Object* o) { return static_cast<DateTimeObject*>(o)->fold; }
inline bool has_tzinfo(Object* o) { return static_cast<DateObject*>(o)->hastzinfo != 0; }
// GET_DT_TZINFO: the tzinfo or None (borrowed).
Object* dt_tzinfo(Object* o);

inline unsigned char* tdata(Object* o) { return static_cast<TimeObject*>(o)->data; }
inline int time_hour(Object* o) { return tdata(o)[0]; }
inline int time_minute(Object* o) { return tdata(o)[1]; }
inline int time_second(Object* o) { return tdata(o)[2]; }
inline int time_us(Object* o) { return (tdata(o)[3] << 16) | (tdata(o)[4] << 8) | tdata(o)[5]; }
inline int time_fold(Object* o) { return static_cast<TimeObject*>(o)->fold; }
Object* time_tzinfo_of(Object* o);  // GET_TIME_TZINFO (borrowed)

// The UTC singleton and the interned zero timedelta (borrowed, immortal).
Object* utc();
Object* zero_delta();

// Calendar helpers.
bool is_leap(int year);
int days_in_month(int year, int month);
int days_before_month(int year, int month);
void ord_to_ymd(int ordinal, int* year, int* month, int* day);
int ymd_to_ord(int year, int month, int day);
int weekday(int year, int month, int day);
int iso_week1_monday(int year);
int iso_to_ymd(int iso_year, int iso_week, int iso_day, int* year, int* month, int* day);
int divmod_int(int x, int y, int* r);
int check_date_args(int year, int month, int day);
int check_time_args(int h, int m, int s, int us, int fold);
int normalize_date(int* year, int* month, int* day);
int normalize_datetime(int* year, int* month, int* day, int* hour, int* minute, int* second,
                       int* microsecond);
int check_tzinfo_subclass(Object* p);
// datetime_new / time_new's pickle form (state[, tzinfo]); *handled false when args are not one.
Object* new_from_pickle_state(TypeObject* type, Object* args, bool is_time, bool* handled);

// Constructors (new references).
Object* new_delta_ex(int days, int seconds, int microseconds, bool normalize, TypeObject* type);
inline Object* new_delta(int d, int s, int us, bool normalize) {
  return new_delta_ex(d, s, us, normalize, &delta_type);
}
Object* new_date_ex(int year, int month, int day, TypeObject* type);
Object* new_date_subclass_ex(int year, int month, int day, Object* cls);
Object* new_datetime_ex2(int year, int month, int day, int hour, int minute, int second,
                         int usecond, Object* tzinfo, int fold, TypeObject* type);
Object* new_datetime_subclass_fold_ex(int year, int month, int day, int hour, int minute,
                                      int second, int usecond, Object* tzinfo, int fold,
                                      Object* cls);
Object* new_time_ex2(int hour, int minute, int second, int usecond, Object* tzinfo, int fold,
                     TypeObject* type);
Object* new_time_subclass_fold_ex(int hour, int minute, int second, int usecond,
                                  Object* tzinfo, int fold, Object* cls);
Object* new_timezone(Object* offset, Object* name);
Object* create_timezone(Object* offset, Object* name);

// timedelta arithmetic used by the other types.
Object* delta_subtract(Object* left, Object* right);
Object* delta_negative(Object* self);
int delta_cmp(Object* a, Object* b);
bool delta_bool(Object* self);
hash_t delta_hash(Object* self);
Object* delta_richcompare(Object* self, Object* other, int op);
Object* delta_to_microseconds(Object* self);
Object* microseconds_to_delta_ex(Object* pyus, TypeObject* type);
Object* divide_timedelta_timedelta(Object* left, Object* right);
Object* delta_total_seconds(Object* self, Object*);
Object* diff_to_bool(int diff, int op);

// tzinfo helpers.
Object* call_utcoffset(Object* tzinfo, Object* arg);
Object* call_dst(Object* tzinfo, Object* arg);
Object* call_tzname(Object* tzinfo, Object* arg);
int format_utcoffset(char* buf, size_t buflen, const char* sep, Object* tzinfo, Object* arg);
Object* append_keyword_tzinfo(Object* repr, Object* tzinfo);
Object* append_keyword_fold(Object* repr, int fold);
Object* wrap_strftime(Object* object, Object* format, Object* timetuple, Object* tzinfoarg);
Object* build_struct_time(int y, int m, int d, int hh, int mm, int ss, int dstflag);
Object* format_ctime(Object* date, int hours, int minutes, int seconds);
Object* date_format(Object* self, Object* args);
Object* add_datetime_timedelta(Object* date, Object* delta, int factor);
Object* datetime_utcoffset(Object* self, Object*);
Object* datetime_dst(Object* self, Object*);
Object* tzinfo_from_isoformat_results(int rv, int tzoffset, int tz_useconds);
int parse_isoformat_date(const char* dtstr, size_t len, int* year, int* month, int* day);
int parse_isoformat_time(const char* dtstr, size_t dtlen, int* hour, int* minute, int* second,
                         int* microsecond, int* tzoffset, int* tzmicrosecond);
Object* call_strptime(const char* func, Object* cls, Object* args);

// Argument parsing in the manner of PyArg_ParseTupleAndKeywords (Python/getargs.c
// vgetargskeywords) and PyArg_ParseTuple: out[i] borrowed, null when absent. fname may be
// null ("function"). Returns false with CPython's TypeError.
bool parse_kwargs(Object* args, Object* kwargs, const char* fname, const char* const* kws,
                  int min, int maxpos, Object** out);
bool parse_tuple(Object* args, const char* fname, int min, int max, Object** out);
// Converters for the 'i', 'U', 'O!' and 's' format units; idx is the 1-based position used in
// "fname() argument N must be ...".
bool conv_int(Object* o, int* out);
bool conv_str(Object* o, const char* fname, int idx);
bool conv_type(Object* o, TypeObject* type, const char* fname, int idx);

// Type setup of each source (ready the types); 0 or -1.
int init_delta_types();
int init_date_types();
int init_time_types();

}  // namespace cppy::modules::datetime_
