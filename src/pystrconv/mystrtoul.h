// Python/mystrtoul.c: PyOS_strtoul and PyOS_strtol, locale-independent, with Python's base
// prefixes (0x, 0o, 0b) and no octal for a leading 0 in base 0.
#pragma once

namespace cppy::pystrconv {

// PyOS_strtoul: *overflow (errno == ERANGE in CPython) is set when the value does not fit;
// the result is then ULONG_MAX and *endptr is past all the digits. For base 0, a leading "0"
// not followed by x/o/b parses as zero, consuming all the zeros and following whitespace.
unsigned long strtoul(const char* str, const char** endptr, int base, bool* overflow);
// PyOS_strtol: an optional sign, then as strtoul; LONG_MIN is reachable, other overflows
// give LONG_MAX with *overflow set.
long strtol(const char* str, const char** endptr, int base, bool* overflow);

}  // namespace cppy::pystrconv
