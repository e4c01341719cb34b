// Float <-> text conversions of Python/pystrtod.c, with Python/dtoa.c's role played by
// std::to_chars / std::from_chars (both correctly rounded, as David Gay's code is).
//
// Errors are reported by status values, not exceptions: the object layer turns them into
// ValueError / OverflowError with CPython's messages (see the comments on each function).
#pragma once

#include <cstddef>
#include <string>

namespace cppy::pystrconv {

// Py_DTSF_* flags of PyOS_double_to_string.
inline constexpr int kDtsfSign = 0x01;      // always add the sign
inline constexpr int kDtsfAddDot0 = 0x02;   // "1.0" rather than "1" for integral values
inline constexpr int kDtsfAlt = 0x04;       // the '#' alternate form
inline constexpr int kDtsfNoNeg0 = 0x08;    // the 'z' option: negative zero prints as zero

// Py_DTST_*: the kind of value formatted.
inline constexpr int kDtstFinite = 0;
inline constexpr int kDtstInfinite = 1;
inline constexpr int kDtstNan = 2;

// PyOS_double_to_string: format_code is 'e', 'E', 'f', 'F', 'g', 'G', 'r' (repr: precision
// must be 0) or '%' (x * 100 in 'f' form followed by '%', as the format mini-language does).
// Returns false on a bad code or a precision given with 'r' (CPython's
// PyErr_BadInternalCall). *type, if not null, receives a kDtst* value.
// *too_big, if not null, is set when the precision is so large that the digit counts would
// overflow an int (the callers raise MemoryError, as CPython ends up doing); false is
// returned then too.
bool double_to_string(double x, char format_code, int precision, int flags, std::string* out,
                      int* type = nullptr, bool* too_big = nullptr);
// float_repr: repr(x) and str(x).
std::string double_repr(double x);

// _PyOS_ascii_strtod: parses the longest prefix of [s, end) that is a decimal float literal
// ([+-] digits [. digits] [e [+-] digits], at least one mantissa digit, no whitespace, no
// underscores) or inf / infinity / nan (any case, optional sign). *endptr receives the end of
// the parsed prefix (s when nothing parsed, the result is then -1.0). *range_error is set when
// the value overflowed (result +-inf) or underflowed (result +-0.0), like errno == ERANGE.
double ascii_strtod(const char* s, const char* end, const char** endptr, bool* range_error);

// _Py_parse_inf_or_nan: [+-](inf|infinity|nan), case-insensitive; -1.0 and *endptr = s when
// none matches.
double parse_inf_or_nan(const char* s, const char* end, const char** endptr);

enum class StrtodStatus {
  kOk,
  kInvalid,   // ValueError: "could not convert string to float: '%.200s'"
  kOverflow,  // overflow_exception: "value too large to convert to float: '%.200s'"
};
// PyOS_string_to_double: with endptr null the whole of [s, end) must be a literal; with
// endptr set, a prefix is enough and *endptr receives its end. kOverflow only when
// overflow_is_error (CPython's overflow_exception != NULL); otherwise +-inf is returned.
StrtodStatus string_to_double(const char* s, const char* end, double* out, const char** endptr,
                              bool overflow_is_error);

// float_from_string_inner with _Py_string_to_number_with_underscores: the ASCII text of
// float(str) after the caller mapped Unicode digits and spaces to ASCII. Strips leading and
// trailing ASCII whitespace; underscores are allowed only between digits. kInvalid means
// ValueError "could not convert string to float: %R" (of the original object).
StrtodStatus float_from_ascii(const char* s, std::size_t n, double* out);

}  // namespace cppy::pystrconv
