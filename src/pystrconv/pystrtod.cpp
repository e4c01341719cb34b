// Python/pystrtod.c (PyOS_double_to_string's format_float_short, PyOS_string_to_double,
// _PyOS_ascii_strtod, _Py_parse_inf_or_nan) and the digit generation of Python/dtoa.c
// (_Py_dg_dtoa modes 0, 2, 3 and _Py_dg_strtod) expressed with <charconv>.
#include "pystrconv/pystrtod.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <vector>

#include "pystrconv/pyctype.h"

namespace cppy::pystrconv {

namespace {

// The result of _Py_dg_dtoa: a digit string without trailing zeros and the position of the
// decimal point relative to its start (decpt), or an infinity / nan.
struct DtoaDigits {
  std::string digits;
  int decpt = 0;
  bool negative = false;
  int special = kDtstFinite;
};

void strip_trailing_zeros(std::string& s) {
  while (!s.empty() && s.back() == '0') s.pop_back();
}

// Splits to_chars' scientific output "d[.ddd]e[+-]XX" into digits and decpt.
void from_scientific(const char* b, const char* e, DtoaDigits* r) {
  const char* p = b;
  for (; p < e && *p != 'e'; ++p)
    if (*p != '.') r->digits.push_back(*p);
  int exp = 0;
  std::from_chars(p + 1 + (p[1] == '+'), e, exp);
  r->decpt = exp + 1;
  strip_trailing_zeros(r->digits);
}

// _Py_dg_dtoa(x, mode, ndigits): mode 0 is the shortest string that round-trips, mode 2 is
// max(1, ndigits) significant digits, mode 3 is ndigits digits after the decimal point (an
// empty digit string with decpt = -ndigits when the value rounds to zero).
DtoaDigits dtoa(double x, int mode, int ndigits) {
  DtoaDigits r;
  r.negative = std::signbit(x);
  if (std::isinf(x)) {
    r.special = kDtstInfinite;
    return r;
  }
  if (std::isnan(x)) {
    r.special = kDtstNan;
    return r;
  }
  x = std::fabs(x);
  if (x == 0.0) {
    r.digits = "0";
    r.decpt = 1;
    return r;
  }
  if (mode == 0) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    from_scientific(buf, res.ptr, &r);
  } else if (mode == 2) {
    int n = ndigits < 1 ? 1 : ndigits;
    std::vector<char> buf(static_cast<std::size_t>(n) + 32);
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::scientific,
                             n - 1);
    from_scientific(buf.data(), res.ptr, &r);
  } else {
    std::vector<char> buf(static_cast<std::size_t>(ndigits) + 340);
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed,
                             ndigits);
    int int_digits = 0;
    bool seen_point = false;
    for (const char* p = buf.data(); p < res.ptr; ++p) {
      if (*p == '.') {
        seen_point = true;
        continue;
      }
      if (!seen_point) ++int_digits;
      r.digits.push_back(*p);
    }
    std::size_t lead = 0;
    while (lead < r.digits.size() && r.digits[lead] == '0') ++lead;
    r.digits.erase(0, lead);
    r.decpt = int_digits - static_cast<int>(lead);
    strip_trailing_zeros(r.digits);
    if (r.digits.empty()) r.decpt = -ndigits;
  }
  return r;
}

// format_float_short: lays out the digits of dtoa with zero padding, the decimal point and an
// optional exponent.
void format_float_short(double d, char format_code, int mode, int precision, bool always_add_sign,
                        bool add_dot_0_if_integer, bool use_alt_formatting, bool no_negative_zero,
                        bool upper, std::string* out, int* type) {
  DtoaDigits dd = dtoa(d, mode, precision);
  std::string& s = *out;
  s.clear();
  if (dd.special != kDtstFinite) {
    // The sign of a nan is never shown.
    if (dd.special == kDtstNan) dd.negative = false;
    if (dd.negative)
      s += '-';
    else if (always_add_sign)
      s += '+';
    if (dd.special == kDtstInfinite)
      s += upper ? "INF" : "inf";
    else
      s += upper ? "NAN" : "nan";
    if (type) *type = dd.special;
    return;
  }
  if (type) *type = kDtstFinite;
  const std::string& digits = dd.digits;
  int digits_len = static_cast<int>(digits.size());
  if (no_negative_zero && dd.negative &&
      (digits_len == 0 || (digits_len == 1 && digits[0] == '0'))) {
    dd.negative = false;
  }
  int decpt = dd.decpt;
  int vdigits_end = digits_len;
  bool use_exp = false;
  int exp = 0;
  switch (format_code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0_if_integer ? precision - 1 : precision)) use_exp = true;
      if (use_alt_formatting) vdigits_end = precision;
      break;
    case 'r':
      // repr switches to an exponent at 1e16 and below 1e-4.
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  // The output is the slice [vdigits_start, vdigits_end) of the digits padded with zeros on
  // both sides; the decimal point lies in (vdigits_start, vdigits_end].
  int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0_if_integer)
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  else
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

  if (dd.negative)
    s += '-';
  else if (always_add_sign)
    s += '+';
  if (decpt <= 0) {
    s.append(static_cast<std::size_t>(decpt - vdigits_start), '0');
    s += '.';
    s.append(static_cast<std::size_t>(-decpt), '0');
  } else {
    s.append(static_cast<std::size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    s.append(digits, 0, static_cast<std::size_t>(decpt));
    s += '.';
    s.append(digits, static_cast<std::size_t>(decpt), std::string::npos);
  } else {
    s += digits;
  }
  if (digits_len < decpt) {
    s.append(static_cast<std::size_t>(decpt - digits_len), '0');
    s += '.';
    s.append(static_cast<std::size_t>(vdigits_end - decpt), '0');
  } else {
    s.append(static_cast<std::size_t>(vdigits_end - digits_len), '0');
  }
  if (s.back() == '.' && !use_alt_formatting) s.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', exp);
    s += buf;
  }
}

inline bool ci_match(const char* s, const char* end, const char* word) {
  for (; *word; ++word, ++s)
    if (s >= end || to_lower(static_cast<unsigned char>(*s)) != *word) return false;
  return true;
}

}  // namespace

bool double_to_string(double x, char format_code, int precision, int flags, std::string* out,
                      int* type, bool* too_big) {
  if (too_big) *too_big = false;
  // decpt + precision (and precision + 1 for 'e') must stay within an int: a double's decimal
  // exponent is at most 309 in magnitude, and a few characters of sign, point and exponent.
  if (precision > std::numeric_limits<int>::max() - 400) {
    if (too_big) *too_big = true;
    return false;
  }
  bool upper = false;
  bool percent = false;
  int mode = 0;
  switch (format_code) {
    case 'E':
      upper = true;
      format_code = 'e';
      [[fallthrough]];
    case 'e':
      mode = 2;
      ++precision;
      break;
    case '%':
      percent = true;
      x *= 100;
      format_code = 'f';
      mode = 3;
      break;
    case 'F':
      upper = true;
      format_code = 'f';
      [[fallthrough]];
    case 'f':
      mode = 3;
      break;
    case 'G':
      upper = true;
      format_code = 'g';
      [[fallthrough]];
    case 'g':
      mode = 2;
      if (precision == 0) precision = 1;  // precision 0 means 1 for 'g'
      break;
    case 'r':
      mode = 0;
      if (precision != 0) return false;
      break;
    default:
      return false;
  }
  if (precision < 0) return false;
  format_float_short(x, format_code, mode, precision, flags & kDtsfSign, flags & kDtsfAddDot0,
                     flags & kDtsfAlt, flags & kDtsfNoNeg0, upper, out, type);
  if (percent) *out += '%';
  return true;
}

std::string double_repr(double x) {
  std::string s;
  double_to_string(x, 'r', 0, kDtsfAddDot0, &s);
  return s;
}

double parse_inf_or_nan(const char* s, const char* end, const char** endptr) {
  const char* p = s;
  bool negate = false;
  if (p < end && *p == '-') {
    negate = true;
    ++p;
  } else if (p < end && *p == '+') {
    ++p;
  }
  double value;
  if (ci_match(p, end, "inf")) {
    p += 3;
    if (ci_match(p, end, "inity")) p += 5;
    value = negate ? -std::numeric_limits<double>::infinity()
                   : std::numeric_limits<double>::infinity();
  } else if (ci_match(p, end, "nan")) {
    p += 3;
    value = negate ? -std::fabs(std::numeric_limits<double>::quiet_NaN())
                   : std::fabs(std::numeric_limits<double>::quiet_NaN());
  } else {
    p = s;
    value = -1.0;
  }
  *endptr = p;
  return value;
}

// _Py_dg_strtod's grammar is scanned here; std::from_chars then rounds the literal correctly.
double ascii_strtod(const char* s, const char* end, const char** endptr, bool* range_error) {
  *range_error = false;
  const char* p = s;
  bool negative = false;
  if (p < end && (*p == '+' || *p == '-')) {
    negative = *p == '-';
    ++p;
  }
  const char* mantissa = p;
  int ndigits = 0;
  // Decimal order of magnitude of the first non-zero digit, to tell overflow from underflow.
  long long first_nonzero_order = 0;
  bool nonzero = false;
  long long int_digits = 0;
  while (p < end && is_digit(static_cast<unsigned char>(*p))) {
    if (*p != '0' && !nonzero) {
      nonzero = true;
      first_nonzero_order = -1;  // fixed up below once the integer part's length is known
    }
    ++p;
    ++ndigits;
    ++int_digits;
  }
  if (nonzero) {
    // Position of the first non-zero digit from the left within the integer part.
    const char* q = mantissa;
    while (*q == '0') ++q;
    first_nonzero_order = (p - q) - 1;
  }
  if (p < end && *p == '.') {
    ++p;
    long long frac_pos = 0;
    while (p < end && is_digit(static_cast<unsigned char>(*p))) {
      ++frac_pos;
      if (*p != '0' && !nonzero) {
        nonzero = true;
        first_nonzero_order = -frac_pos;
      }
      ++p;
      ++ndigits;
    }
  }
  if (ndigits == 0) return parse_inf_or_nan(s, end, endptr);
  long long exponent = 0;
  if (p < end && (*p == 'e' || *p == 'E')) {
    const char* q = p + 1;
    bool exp_negative = false;
    if (q < end && (*q == '+' || *q == '-')) {
      exp_negative = *q == '-';
      ++q;
    }
    if (q < end && is_digit(static_cast<unsigned char>(*q))) {
      while (q < end && is_digit(static_cast<unsigned char>(*q))) {
        if (exponent < 1000000000LL) exponent = exponent * 10 + (*q - '0');
        ++q;
      }
      if (exp_negative) exponent = -exponent;
      p = q;
    }
  }
  *endptr = p;
  double value = 0.0;
  auto res = std::from_chars(mantissa, p, value, std::chars_format::general);
  if (res.ec == std::errc::result_out_of_range) {
    *range_error = true;
    value = first_nonzero_order + exponent >= 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (std::isinf(value)) {
    *range_error = true;
  }
  return negative ? -value : value;
}

StrtodStatus string_to_double(const char* s, const char* end, double* out, const char** endptr,
                              bool overflow_is_error) {
  const char* fail_pos;
  bool range_error;
  double x = ascii_strtod(s, end, &fail_pos, &range_error);
  StrtodStatus status = StrtodStatus::kOk;
  if (fail_pos == s || (!endptr && fail_pos != end)) {
    status = StrtodStatus::kInvalid;
    x = -1.0;
  } else if (range_error && std::fabs(x) >= 1.0 && overflow_is_error) {
    status = StrtodStatus::kOverflow;
    x = -1.0;
  }
  if (endptr) *endptr = fail_pos;
  *out = x;
  return status;
}

StrtodStatus float_from_ascii(const char* s, std::size_t n, double* out) {
  std::string dup;
  if (std::memchr(s, '_', n)) {
    // _Py_string_to_number_with_underscores: an underscore must sit between two digits.
    char prev = '\0';
    for (std::size_t i = 0; i < n; ++i) {
      char c = s[i];
      if (c == '_') {
        if (!is_digit(static_cast<unsigned char>(prev))) return StrtodStatus::kInvalid;
      } else {
        dup += c;
        if (prev == '_' && !is_digit(static_cast<unsigned char>(c))) return StrtodStatus::kInvalid;
      }
      prev = c;
    }
    if (prev == '_') return StrtodStatus::kInvalid;
    s = dup.data();
    n = dup.size();
  }
  const char* p = s;
  const char* last = s + n;
  while (p < last && is_space(static_cast<unsigned char>(*p))) ++p;
  if (p == last) return StrtodStatus::kInvalid;
  while (p < last - 1 && is_space(static_cast<unsigned char>(last[-1]))) --last;
  const char* end;
  StrtodStatus st = string_to_double(p, last, out, &end, false);
  if (st != StrtodStatus::kOk || end != last) return StrtodStatus::kInvalid;
  return StrtodStatus::kOk;
}

}  // namespace cppy::pystrconv
