// Locale-independent character classes of Python/pyctype.c (Py_ISSPACE, Py_ISDIGIT, ...,
// Py_TOLOWER) and the digit values of _PyLong_DigitValue. ASCII only: bytes >= 128 belong to
// no class and map to themselves.
#pragma once

namespace cppy::pystrconv {

// _Py_ctype_table's flag bits (PY_CTF_*).
inline constexpr unsigned kCtfLower = 0x01;
inline constexpr unsigned kCtfUpper = 0x02;
inline constexpr unsigned kCtfAlpha = kCtfLower | kCtfUpper;
inline constexpr unsigned kCtfDigit = 0x04;
inline constexpr unsigned kCtfAlnum = kCtfAlpha | kCtfDigit;
inline constexpr unsigned kCtfSpace = 0x08;
inline constexpr unsigned kCtfXdigit = 0x10;

// _Py_ctype_table[c].
constexpr unsigned ctype_flags(unsigned char c) {
  unsigned f = 0;
  if (c >= 'a' && c <= 'z') f |= kCtfLower;
  if (c >= 'A' && c <= 'Z') f |= kCtfUpper;
  if (c >= '0' && c <= '9') f |= kCtfDigit | kCtfXdigit;
  if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) f |= kCtfXdigit;
  // Py_ISSPACE: space, \t, \n, \v, \f, \r.
  if (c == ' ' || (c >= 0x09 && c <= 0x0d)) f |= kCtfSpace;
  return f;
}

constexpr bool is_lower(unsigned char c) { return ctype_flags(c) & kCtfLower; }
constexpr bool is_upper(unsigned char c) { return ctype_flags(c) & kCtfUpper; }
constexpr bool is_alpha(unsigned char c) { return ctype_flags(c) & kCtfAlpha; }
constexpr bool is_digit(unsigned char c) { return ctype_flags(c) & kCtfDigit; }
constexpr bool is_xdigit(unsigned char c) { return ctype_flags(c) & kCtfXdigit; }
constexpr bool is_alnum(unsigned char c) { return ctype_flags(c) & kCtfAlnum; }
constexpr bool is_space(unsigned char c) { return ctype_flags(c) & kCtfSpace; }

// _Py_ctype_tolower / _Py_ctype_toupper.
constexpr unsigned char to_lower(unsigned char c) { return is_upper(c) ? c + ('a' - 'A') : c; }
constexpr unsigned char to_upper(unsigned char c) { return is_lower(c) ? c - ('a' - 'A') : c; }

// _PyLong_DigitValue: 0-9 for digits, 10-35 for letters of either case, 37 for anything else.
constexpr int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 37;
}

}  // namespace cppy::pystrconv
