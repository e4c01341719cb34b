// Python/mystrtoul.c.
#include "pystrconv/mystrtoul.h"

#include <climits>

#include "pystrconv/pyctype.h"

namespace cppy::pystrconv {

namespace {
inline int dv(const char* p) { return digit_value(static_cast<unsigned char>(*p)); }
}  // namespace

unsigned long strtoul(const char* str, const char** endptr, int base, bool* overflow) {
  *overflow = false;
  while (*str && is_space(static_cast<unsigned char>(*str))) ++str;
  auto skip_prefix = [&](char lower, int radix) -> bool {
    // After "0x" (and the like) at least one digit of the base must follow; otherwise the
    // parse stops at the letter.
    if (*str == lower || *str == lower - ('a' - 'A')) {
      if (dv(str + 1) >= radix) return false;
      ++str;
    }
    return true;
  };
  switch (base) {
    case 0:
      if (*str == '0') {
        ++str;
        if (*str == 'x' || *str == 'X') {
          if (!skip_prefix('x', 16)) break;
          base = 16;
        } else if (*str == 'o' || *str == 'O') {
          if (!skip_prefix('o', 8)) break;
          base = 8;
        } else if (*str == 'b' || *str == 'B') {
          if (!skip_prefix('b', 2)) break;
          base = 2;
        } else {
          // A leading 0 in base 0 admits only more zeros ("0", "00"), never octal.
          while (*str == '0') ++str;
          while (is_space(static_cast<unsigned char>(*str))) ++str;
          if (endptr) *endptr = str;
          return 0;
        }
      } else {
        base = 10;
      }
      break;
    case 16:
      if (*str == '0') {
        ++str;
        skip_prefix('x', 16);
      }
      break;
    case 8:
      if (*str == '0') {
        ++str;
        skip_prefix('o', 8);
      }
      break;
    case 2:
      if (*str == '0') {
        ++str;
        skip_prefix('b', 2);
      }
      break;
  }
  if (base == 0) {
    // A "0x" without a hex digit after it: the parse ends at the 'x'.
    if (endptr) *endptr = str;
    return 0;
  }
  if (base < 2 || base > 36) {
    if (endptr) *endptr = str;
    return 0;
  }
  while (*str == '0') ++str;
  unsigned long result = 0;
  int c;
  while ((c = dv(str)) < base) {
    unsigned long next;
    if (__builtin_mul_overflow(result, static_cast<unsigned long>(base), &next) ||
        __builtin_add_overflow(next, static_cast<unsigned long>(c), &next)) {
      while (dv(str) < base) ++str;
      if (endptr) *endptr = str;
      *overflow = true;
      return ULONG_MAX;
    }
    result = next;
    ++str;
  }
  if (endptr) *endptr = str;
  return result;
}

long strtol(const char* str, const char** endptr, int base, bool* overflow) {
  while (*str && is_space(static_cast<unsigned char>(*str))) ++str;
  char sign = 0;
  if (*str == '-' || *str == '+') sign = *str++;
  unsigned long u = strtoul(str, endptr, base, overflow);
  if (u <= static_cast<unsigned long>(LONG_MAX)) {
    long r = static_cast<long>(u);
    return sign == '-' ? -r : r;
  }
  if (sign == '-' && u == static_cast<unsigned long>(LONG_MAX) + 1) return LONG_MIN;
  *overflow = true;
  return LONG_MAX;
}

}  // namespace cppy::pystrconv
