// Python/formatter_unicode.c: parse_internal_render_format_spec, calc_padding,
// format_string_internal, format_long_internal, format_float_internal, calc_number_widths,
// fill_number and _PyUnicode_InsertThousandsGrouping (Objects/stringlib/localeutil.h), with
// the fractional-part grouping of 3.14 ('.3_f').
#include "objects/formatter.h"

#include <algorithm>
#include <climits>
#include <clocale>
#include <cmath>
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/complexobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/text_support.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrtod.h"
#include "unicode/unicodectype.h"

namespace cppy::objects {

namespace {

// LocaleType: the grouping a spec asks for.
enum LocaleType : int {
  kNoLocale = 0,
  kDefaultLocale = ',',
  kUnderscoreLocale = '_',
  kUnderFourLocale = 1,
  kCurrentLocale = 2,
};

struct FormatSpec {
  UCS4 fill_char = ' ';
  UCS4 align = 0;
  bool alternate = false;
  bool no_neg_0 = false;
  UCS4 sign = 0;
  ssize width = -1;
  int thousands = kNoLocale;
  ssize precision = -1;
  int frac_thousands = kNoLocale;
  UCS4 type = 0;
};

bool is_alignment_token(UCS4 c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign_element(UCS4 c) { return c == ' ' || c == '+' || c == '-'; }

// get_integer: decimal digits (Unicode decimals too); -1 on overflow, else the count used.
ssize get_integer(Object* spec, ssize* pos, ssize end, ssize* result) {
  ssize accumulator = 0, numdigits = 0;
  for (; *pos < end; (*pos)++, numdigits++) {
    int digitval = unicode::to_decimal(str_read_char(spec, *pos));
    if (digitval < 0) break;
    if (accumulator > (PTRDIFF_MAX - digitval) / 10) {
      errors::set_string(exc_ValueError, "Too many decimal digits in format string");
      *pos += 1;
      return -1;
    }
    accumulator = accumulator * 10 + digitval;
  }
  *result = accumulator;
  return numdigits;
}

void invalid_thousands_separator_type(int specifier, UCS4 presentation_type) {
  char sep = specifier == kDefaultLocale ? ',' : '_';
  if (presentation_type > 32 && presentation_type < 128)
    errors::format(exc_ValueError, "Cannot specify '%c' with '%c'.", sep,
                   static_cast<char>(presentation_type));
  else
    errors::format(exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep,
                   static_cast<unsigned>(presentation_type));
}

void invalid_comma_and_underscore() {
  errors::set_string(exc_ValueError, "Cannot specify both ',' and '_'.");
}

void unknown_presentation_type(UCS4 type, const char* type_name) {
  if (type > 32 && type < 128)
    errors::format(exc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                   static_cast<char>(type), type_name);
  else
    errors::format(exc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                   static_cast<unsigned>(type), type_name);
}

// parse_internal_render_format_spec.
bool parse_spec(Object* obj, Object* spec, ssize start, ssize end, FormatSpec* f,
                UCS4 default_type, UCS4 default_align) {
  ssize pos = start;
  bool fill_char_specified = false, align_specified = false;
  f->align = default_align;
  f->type = default_type;
  auto at = [&](ssize i) { return str_read_char(spec, i); };
  if (end - pos >= 2 && is_alignment_token(at(pos + 1))) {
    f->align = at(pos + 1);
    f->fill_char = at(pos);
    fill_char_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment_token(at(pos))) {
    f->align = at(pos);
    align_specified = true;
    ++pos;
  }
  if (end - pos >= 1 && is_sign_element(at(pos))) {
    f->sign = at(pos);
    ++pos;
  }
  if (end - pos >= 1 && at(pos) == 'z') {
    f->no_neg_0 = true;
    ++pos;
  }
  if (end - pos >= 1 && at(pos) == '#') {
    f->alternate = true;
    ++pos;
  }
  if (!fill_char_specified && end - pos >= 1 && at(pos) == '0') {
    f->fill_char = '0';
    if (!align_specified && default_align == '>') f->align = '=';
    ++pos;
  }
  ssize consumed = get_integer(spec, &pos, end, &f->width);
  if (consumed == -1) return false;
  if (consumed == 0) f->width = -1;
  if (end - pos && at(pos) == ',') {
    f->thousands = kDefaultLocale;
    ++pos;
  }
  if (end - pos && at(pos) == '_') {
    if (f->thousands != kNoLocale) {
      invalid_comma_and_underscore();
      return false;
    }
    f->thousands = kUnderscoreLocale;
    ++pos;
  }
  if (end - pos && at(pos) == ',' && f->thousands == kUnderscoreLocale) {
    invalid_comma_and_underscore();
    return false;
  }
  if (end - pos && at(pos) == '.') {
    ++pos;
    consumed = get_integer(spec, &pos, end, &f->precision);
    if (consumed == -1) return false;
    if (end - pos && at(pos) == ',') {
      if (consumed == 0) f->precision = -1;
      f->frac_thousands = kDefaultLocale;
      ++pos;
      ++consumed;
    }
    if (end - pos && at(pos) == '_') {
      if (f->frac_thousands != kNoLocale) {
        invalid_comma_and_underscore();
        return false;
      }
      if (consumed == 0) f->precision = -1;
      f->frac_thousands = kUnderscoreLocale;
      ++pos;
      ++consumed;
    }
    if (end - pos && at(pos) == ',' && f->frac_thousands == kUnderscoreLocale) {
      invalid_comma_and_underscore();
      return false;
    }
    if (consumed == 0) {
      errors::set_string(exc_ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (end - pos > 1) {
    Ref<> actual = Ref<>::steal(str_substring(spec, start, end));
    if (actual)
      errors::format(exc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                     actual.get(), obj->type->name);
    return false;
  }
  if (end - pos == 1) f->type = at(pos);
  if (f->thousands) {
    switch (f->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f->thousands == kUnderscoreLocale) {
          f->thousands = kUnderFourLocale;
          break;
        }
        [[fallthrough]];
      default:
        invalid_thousands_separator_type(f->thousands, f->type);
        return false;
    }
  }
  // 3.14.2 rejects a fractional separator only with 'n'; with the integer and string
  // presentation types it is parsed and ignored.
  if (f->type == 'n' && f->frac_thousands != kNoLocale) {
    invalid_thousands_separator_type(f->frac_thousands, f->type);
    return false;
  }
  return true;
}

// calc_padding.
void calc_padding(ssize nchars, ssize width, UCS4 align, ssize* lpad, ssize* rpad, ssize* total) {
  *total = width >= 0 ? std::max(nchars, width) : nchars;
  if (align == '>')
    *lpad = *total - nchars;
  else if (align == '^')
    *lpad = (*total - nchars) / 2;
  else
    *lpad = 0;
  *rpad = *total - nchars - *lpad;
}

// calc_number_widths' placement of a number's padding: on the left for '>' (the default),
// half on each side for '^', between the sign and the digits for '=', on the right for '<'.
void split_number_padding(ssize n_padding, UCS4 align, ssize* lpad, ssize* spad, ssize* rpad) {
  *lpad = *spad = *rpad = 0;
  if (n_padding <= 0) return;
  switch (align) {
    case '<': *rpad = n_padding; break;
    case '^': *lpad = n_padding / 2; *rpad = n_padding - *lpad; break;
    case '=': *spad = n_padding; break;
    default: *lpad = n_padding; break;
  }
}

// format_string_internal.
Object* format_string_internal(Object* value, const FormatSpec& f) {
  if (f.sign) {
    errors::set_string(exc_ValueError, f.sign == ' ' ? "Space not allowed in string format specifier"
                                                     : "Sign not allowed in string format specifier");
    return nullptr;
  }
  if (f.no_neg_0) {
    errors::set_string(exc_ValueError,
                       "Negative zero coercion (z) not allowed in string format specifier");
    return nullptr;
  }
  if (f.alternate) {
    errors::set_string(exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    return nullptr;
  }
  if (f.align == '=') {
    errors::set_string(exc_ValueError, "'=' alignment not allowed in string format specifier");
    return nullptr;
  }
  ssize len = str_length(value);
  if ((f.width == -1 || f.width <= len) && (f.precision == -1 || f.precision >= len))
    return str_check_exact(value) ? new_ref(value) : str_substring(value, 0, len);
  if (f.precision >= 0 && len >= f.precision) len = f.precision;
  ssize lpad, rpad, total;
  calc_padding(len, f.width, f.align, &lpad, &rpad, &total);
  StrWriter w;
  if (w.fill(f.fill_char, lpad) < 0 || w.write_substr(value, 0, len) < 0 ||
      w.fill(f.fill_char, rpad) < 0)
    return nullptr;
  return w.finish();
}

// The locale a number is formatted with (get_locale_info): the C locale for 'n'.
struct Locale {
  std::u32string decimal_point = U".";
  std::u32string thousands_sep;
  std::string grouping = std::string(1, CHAR_MAX);
};

Locale get_locale(int type) {
  Locale l;
  switch (type) {
    case kCurrentLocale: {
      const struct lconv* lc = std::localeconv();
      l.decimal_point.clear();
      for (const char* p = lc->decimal_point; *p; p++) l.decimal_point += static_cast<unsigned char>(*p);
      for (const char* p = lc->thousands_sep; *p; p++) l.thousands_sep += static_cast<unsigned char>(*p);
      l.grouping = lc->grouping;
      break;
    }
    case kDefaultLocale:
    case kUnderscoreLocale:
    case kUnderFourLocale:
      l.thousands_sep = type == kDefaultLocale ? U"," : U"_";
      l.grouping = type == kUnderFourLocale ? "\4" : "\3";
      break;
    default: break;
  }
  return l;
}

// _PyUnicode_InsertThousandsGrouping, building the grouped digits from the right:
// digits[d_pos:d_pos+n_digits] grouped and zero-padded to min_width. Returns the text.
std::u32string insert_grouping(const std::u32string& digits, ssize d_pos, ssize n_digits,
                               ssize min_width, const std::string& grouping,
                               const std::u32string& sep) {
  min_width = std::max<ssize>(0, min_width);
  std::u32string out;  // built reversed
  ssize remaining = n_digits, digits_pos = d_pos + n_digits;
  size_t gi = 0;
  char previous = 0;
  auto next_group = [&]() -> ssize {
    if (gi >= grouping.size() || grouping[gi] == 0) return previous;
    if (grouping[gi] == CHAR_MAX) return 0;
    previous = grouping[gi++];
    return previous;
  };
  bool use_separator = false, loop_broken = false;
  ssize seplen = static_cast<ssize>(sep.size());
  auto fill = [&](ssize n_chars, ssize n_zeros) {
    if (use_separator)
      for (ssize i = seplen - 1; i >= 0; i--) out += sep[static_cast<size_t>(i)];
    for (ssize i = 0; i < n_chars; i++) out += digits[static_cast<size_t>(--digits_pos)];
    for (ssize i = 0; i < n_zeros; i++) out += U'0';
  };
  ssize len;
  while ((len = next_group()) > 0) {
    len = std::min(len, std::max(std::max(remaining, min_width), ssize(1)));
    ssize n_zeros = std::max<ssize>(0, len - remaining);
    ssize n_chars = std::max<ssize>(0, std::min(remaining, len));
    fill(n_chars, n_zeros);
    use_separator = true;
    remaining -= n_chars;
    min_width -= len;
    if (remaining <= 0 && min_width <= 0) {
      loop_broken = true;
      break;
    }
    min_width -= seplen;
  }
  if (!loop_broken) {
    len = std::max(std::max(remaining, min_width), ssize(1));
    ssize n_zeros = std::max<ssize>(0, len - remaining);
    ssize n_chars = std::max<ssize>(0, std::min(remaining, len));
    fill(n_chars, n_zeros);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// The fractional digits grouped from the left by three (3.14's '.N_f' / '.N,f').
std::u32string group_fraction(const std::u32string& digits, ssize pos, ssize n, char32_t sep) {
  std::u32string out;
  for (ssize i = 0; i < n; i++) {
    if (i && i % 3 == 0) out += sep;
    out += digits[static_cast<size_t>(pos + i)];
  }
  return out;
}

// calc_number_widths + fill_number: the number text is digits[d_start:] (after the sign) with
// n_remainder characters after the integer digits (and the decimal point when has_decimal);
// n_frac of the remainder's leading characters are fraction digits to group.
Object* build_number(const FormatSpec& f, const std::u32string& digits, ssize n_prefix,
                     const std::u32string& prefix, UCS4 sign_char, ssize n_start, ssize n_end,
                     ssize n_remainder, ssize n_frac, bool has_decimal, const Locale& locale,
                     bool uppercase_prefix) {
  ssize n_digits = n_end - n_start - n_remainder - (has_decimal ? 1 : 0);
  ssize n_decimal = has_decimal ? static_cast<ssize>(locale.decimal_point.size()) : 0;
  UCS4 sign = 0;
  ssize n_sign = 0;
  switch (f.sign) {
    case '+': n_sign = 1; sign = sign_char == '-' ? '-' : '+'; break;
    case ' ': n_sign = 1; sign = sign_char == '-' ? '-' : ' '; break;
    default:
      if (sign_char == '-') {
        n_sign = 1;
        sign = '-';
      }
  }
  ssize frac_pos = n_end - n_remainder;
  std::u32string grouped_frac;
  if (f.frac_thousands && n_frac > 0)
    grouped_frac = group_fraction(digits, frac_pos, n_frac,
                                  f.frac_thousands == kDefaultLocale ? U',' : U'_');
  else
    grouped_frac = digits.substr(static_cast<size_t>(frac_pos), static_cast<size_t>(n_frac));
  ssize rest = n_remainder - n_frac;
  ssize n_non_digit = n_sign + n_prefix + n_decimal + static_cast<ssize>(grouped_frac.size()) + rest;
  ssize min_width = f.fill_char == '0' && f.align == '=' ? f.width - n_non_digit : 0;
  std::u32string grouped;
  if (n_digits > 0)
    grouped = insert_grouping(digits, n_start, n_digits, min_width, locale.grouping,
                              locale.thousands_sep);
  ssize n_padding = f.width - (n_non_digit + static_cast<ssize>(grouped.size()));
  ssize lpad, spad, rpad;
  split_number_padding(n_padding, f.align, &lpad, &spad, &rpad);
  StrWriter w;
  if (w.fill(f.fill_char, lpad) < 0) return nullptr;
  if (n_sign && w.write_char(sign) < 0) return nullptr;
  for (ssize i = 0; i < n_prefix; i++) {
    UCS4 c = prefix[static_cast<size_t>(i)];
    if (uppercase_prefix && c >= 'a' && c <= 'z') c -= 32;
    if (w.write_char(c) < 0) return nullptr;
  }
  if (w.fill(f.fill_char, spad) < 0) return nullptr;
  for (char32_t c : grouped) {
    UCS4 ch = c;
    if (uppercase_prefix && ch >= 'a' && ch <= 'z') ch -= 32;
    if (w.write_char(ch) < 0) return nullptr;
  }
  if (has_decimal)
    for (char32_t c : locale.decimal_point)
      if (w.write_char(c) < 0) return nullptr;
  for (char32_t c : grouped_frac)
    if (w.write_char(c) < 0) return nullptr;
  for (ssize i = 0; i < rest; i++)
    if (w.write_char(digits[static_cast<size_t>(frac_pos + n_frac + i)]) < 0) return nullptr;
  if (w.fill(f.fill_char, rpad) < 0) return nullptr;
  return w.finish();
}

std::u32string widen(const std::string& s) {
  std::u32string r;
  for (char c : s) r += static_cast<unsigned char>(c);
  return r;
}

// format_long_internal for the common case, as calc_number_widths and fill_number lay it
// out: a compact int in base 2, 8, 10 or 16 with an ASCII fill, grouped by ',' or '_' when
// asked (except with '=' zero padding, whose zeros are grouped too), built in a stack buffer
// and copied once into its string. nullptr with no error set when the case is not covered.
Object* format_compact_long(Object* value, const FormatSpec& f) {
  int base;
  switch (f.type) {
    case 'd': base = 10; break;
    case 'x': case 'X': base = 16; break;
    case 'o': base = 8; break;
    case 'b': base = 2; break;
    default: return nullptr;
  }
  if (f.fill_char >= 128 || !long_is_compact(value)) return nullptr;
  if (f.thousands != kNoLocale && f.fill_char == '0' && f.align == '=') return nullptr;
  ssize v = long_compact_value(value);
  bool negative = v < 0;
  size_t mag = negative ? size_t(0) - size_t(v) : size_t(v);
  const char* digit_chars = f.type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  char digits[64];
  ssize n_digits = 0;
  do {
    digits[n_digits++] = digit_chars[mag % unsigned(base)];
    mag /= unsigned(base);
  } while (mag);  // reversed
  char sign = 0;
  if (f.sign == '+') sign = negative ? '-' : '+';
  else if (f.sign == ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  ssize n_sign = sign ? 1 : 0;
  ssize n_prefix = f.alternate && base != 10 ? 2 : 0;
  ssize n_non_digit = n_sign + n_prefix;
  // _PyUnicode_InsertThousandsGrouping with the locales of ',' and '_': a separator every
  // three digits (every four for '_' in base 2, 8 and 16), counted from the right.
  ssize group = f.thousands == kUnderFourLocale ? 4 : 3;
  char sep_char = f.thousands == kDefaultLocale ? ',' : '_';
  ssize n_seps = f.thousands != kNoLocale ? (n_digits - 1) / group : 0;
  n_non_digit += n_seps;
  // Zero padding between the sign and the digits ('=' with a '0' fill) comes from the
  // grouping step in CPython: the digits are widened to the minimum width.
  ssize n_zeros = 0;
  if (f.fill_char == '0' && f.align == '=' && f.width - n_non_digit > n_digits)
    n_zeros = f.width - n_non_digit - n_digits;
  ssize n_padding = f.width - (n_non_digit + n_digits + n_zeros);
  ssize lpad, spad, rpad;
  split_number_padding(n_padding, f.align, &lpad, &spad, &rpad);
  ssize total = lpad + n_non_digit + spad + n_zeros + n_digits + rpad;
  Object* r = str_new(total, 127);
  if (!r) return nullptr;
  char* out = reinterpret_cast<char*>(str_1byte(r));
  char fill = static_cast<char>(f.fill_char);
  for (ssize i = 0; i < lpad; i++) *out++ = fill;
  if (sign) *out++ = sign;
  if (n_prefix) {
    *out++ = '0';
    *out++ = base == 2 ? 'b' : base == 8 ? 'o' : f.type == 'X' ? 'X' : 'x';
  }
  for (ssize i = 0; i < spad; i++) *out++ = fill;
  for (ssize i = 0; i < n_zeros; i++) *out++ = '0';
  if (n_seps) {
    for (ssize i = n_digits; i > 0; i--) {
      *out++ = digits[i - 1];
      if (i > 1 && (i - 1) % group == 0) *out++ = sep_char;
    }
  } else {
    for (ssize i = n_digits; i > 0; i--) *out++ = digits[i - 1];
  }
  for (ssize i = 0; i < rpad; i++) *out++ = fill;
  return r;
}

// format_float_internal's layout (calc_number_widths + fill_number) for the common case: the
// repr in buf is ASCII, the fill is ASCII, the decimal point is '.' (not 'n'), no fraction
// grouping, and no grouping of '=' zero padding. The integer digits are grouped by ',' or
// '_' every three when asked; '=' padding goes between the sign and the digits (a '0' fill
// there is the zero padding CPython's grouping step writes). nullptr with no error set when
// the case is not covered.
Object* format_float_ascii(const FormatSpec& f, const std::string& buf) {
  if (f.type == 'n' || f.frac_thousands != kNoLocale || f.fill_char >= 128) return nullptr;
  if (f.thousands != kNoLocale && f.fill_char == '0' && f.align == '=') return nullptr;
  const char* s = buf.data();
  ssize len = static_cast<ssize>(buf.size());
  bool negative = len > 0 && s[0] == '-';
  if (negative) {
    ++s;
    --len;
  }
  ssize n_int = 0;
  while (n_int < len && s[n_int] >= '0' && s[n_int] <= '9') ++n_int;
  char sign = 0;
  if (f.sign == '+') sign = negative ? '-' : '+';
  else if (f.sign == ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  char sep_char = f.thousands == kDefaultLocale ? ',' : '_';
  ssize n_seps = f.thousands != kNoLocale && n_int > 0 ? (n_int - 1) / 3 : 0;
  ssize body = (sign ? 1 : 0) + len + n_seps;
  ssize n_padding = f.width - body;
  ssize lpad, spad, rpad;
  split_number_padding(n_padding, f.align, &lpad, &spad, &rpad);
  Object* r = str_new(lpad + body + spad + rpad, 127);
  if (!r) return nullptr;
  char* out = reinterpret_cast<char*>(str_1byte(r));
  char fill = static_cast<char>(f.fill_char);
  for (ssize i = 0; i < lpad; i++) *out++ = fill;
  if (sign) *out++ = sign;
  for (ssize i = 0; i < spad; i++) *out++ = fill;
  for (ssize i = 0; i < n_int; i++) {
    *out++ = s[i];
    ssize left = n_int - 1 - i;
    if (n_seps && left > 0 && left % 3 == 0) *out++ = sep_char;
  }
  for (ssize i = n_int; i < len; i++) *out++ = s[i];
  for (ssize i = 0; i < rpad; i++) *out++ = fill;
  return r;
}

// format_long_internal.
Object* format_long_internal(Object* value, const FormatSpec& f) {
  if (f.precision != -1) {
    errors::set_string(exc_ValueError, "Precision not allowed in integer format specifier");
    return nullptr;
  }
  if (f.no_neg_0) {
    errors::set_string(exc_ValueError,
                       "Negative zero coercion (z) not allowed in integer format specifier");
    return nullptr;
  }
  if (Object* r = format_compact_long(value, f)) return r;
  if (errors::occurred()) return nullptr;
  std::u32string tmp;
  ssize inumeric = 0, n_digits, n_remainder = 0, n_prefix = 0;
  UCS4 sign_char = 0;
  if (f.type == 'c') {
    if (f.sign) {
      errors::set_string(exc_ValueError, "Sign not allowed with integer format specifier 'c'");
      return nullptr;
    }
    if (f.alternate) {
      errors::set_string(exc_ValueError,
                         "Alternate form (#) not allowed with integer format specifier 'c'");
      return nullptr;
    }
    long x = long_as_long(value);
    if (x == -1 && errors::occurred()) return nullptr;
    if (x < 0 || x > 0x10ffff) {
      errors::set_string(exc_OverflowError, "%c arg not in range(0x110000)");
      return nullptr;
    }
    tmp = std::u32string(1, static_cast<char32_t>(x));
    n_digits = 1;
    n_remainder = 1;
  } else {
    int base = 10, skip = 0;
    switch (f.type) {
      case 'b': base = 2; skip = 2; break;
      case 'o': base = 8; skip = 2; break;
      case 'x': case 'X': base = 16; skip = 2; break;
      default: break;
    }
    Ref<> text = Ref<>::steal(long_format(value, base, base != 10));
    if (!text) return nullptr;
    const char* s = str_as_utf8(text.get());
    tmp = widen(s);
    if (f.alternate) n_prefix = skip;
    n_digits = static_cast<ssize>(tmp.size());
    if (tmp[0] == '-') {
      sign_char = '-';
      ++skip;
    }
    n_digits -= skip;
    inumeric = skip;
  }
  ssize prefix_pos = sign_char ? 1 : 0;
  std::u32string prefix = tmp.substr(static_cast<size_t>(prefix_pos), static_cast<size_t>(n_prefix));
  Locale locale = get_locale(f.type == 'n' ? kCurrentLocale : f.thousands);
  return build_number(f, tmp, n_prefix, prefix, sign_char, inumeric, inumeric + n_digits,
                      n_remainder, 0, false, locale, f.type == 'X');
}

// format_float_internal.
Object* format_float_internal(Object* value, const FormatSpec& f) {
  if (f.precision > INT_MAX) {
    errors::set_string(exc_ValueError, "precision too big");
    return nullptr;
  }
  int precision = static_cast<int>(f.precision);
  int default_precision = 6;
  int flags = 0;
  char type = static_cast<char>(f.type);
  if (f.alternate) flags |= pystrconv::kDtsfAlt;
  if (f.no_neg_0) flags |= pystrconv::kDtsfNoNeg0;
  if (type == 0) {
    flags |= pystrconv::kDtsfAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  double val = float_as_double(value);
  if (val == -1.0 && errors::occurred()) return nullptr;
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    val *= 100;
    add_pct = true;
  }
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';
  std::string buf;
  bool too_big = false;
  if (!pystrconv::double_to_string(val, type, precision, flags, &buf, nullptr, &too_big)) {
    if (too_big) return errors::no_memory();
    errors::bad_internal_call();
    return nullptr;
  }
  if (add_pct) buf += '%';
  if (f.sign != '+' && f.sign != ' ' && f.width == -1 && f.type != 'n' && !f.thousands &&
      !f.frac_thousands)
    return str_from_ascii(buf.data(), static_cast<ssize>(buf.size()));
  if (Object* r = format_float_ascii(f, buf)) return r;
  if (errors::occurred()) return nullptr;
  std::u32string tmp = widen(buf);
  ssize index = 0, n_digits = static_cast<ssize>(tmp.size());
  UCS4 sign_char = 0;
  if (tmp[0] == '-') {
    sign_char = '-';
    ++index;
    --n_digits;
  }
  // parse_number: the integer digits, then an optional '.', then the remainder.
  ssize pos = index, end = index + n_digits;
  while (pos < end && tmp[static_cast<size_t>(pos)] >= '0' && tmp[static_cast<size_t>(pos)] <= '9') ++pos;
  bool has_decimal = pos < end && tmp[static_cast<size_t>(pos)] == '.';
  ssize remainder = has_decimal ? pos + 1 : pos;
  ssize n_remainder = end - remainder;
  ssize n_frac = 0;
  while (remainder + n_frac < end && tmp[static_cast<size_t>(remainder + n_frac)] >= '0' &&
         tmp[static_cast<size_t>(remainder + n_frac)] <= '9')
    ++n_frac;
  Locale locale = get_locale(f.type == 'n' ? kCurrentLocale : f.thousands);
  return build_number(f, tmp, 0, U"", sign_char, index, end, n_remainder, n_frac, has_decimal,
                      locale, false);
}

// format_complex_internal: both parts formatted without padding (the imaginary one with a
// sign unless the real part is omitted), then "(re+imj)" padded as a whole.
Object* format_complex_internal(Object* value, const FormatSpec& f) {
  if (f.precision > INT_MAX) {
    errors::set_string(exc_ValueError, "precision too big");
    return nullptr;
  }
  if (f.fill_char == '0') {
    errors::set_string(exc_ValueError, "Zero padding is not allowed in complex format specifier");
    return nullptr;
  }
  if (f.align == '=') {
    errors::set_string(exc_ValueError,
                       "'=' alignment flag is not allowed in complex format specifier");
    return nullptr;
  }
  Complex c = complex_value(value);
  int precision = static_cast<int>(f.precision), default_precision = 6, flags = 0;
  char type = static_cast<char>(f.type);
  bool skip_re = false, add_parens = false;
  if (f.alternate) flags |= pystrconv::kDtsfAlt;
  if (f.no_neg_0) flags |= pystrconv::kDtsfNoNeg0;
  if (type == 0) {
    type = 'r';
    default_precision = 0;
    if (c.real == 0.0 && std::copysign(1.0, c.real) == 1.0)
      skip_re = true;
    else
      add_parens = true;
  }
  if (type == 'n') type = 'g';
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';
  Locale locale = get_locale(f.type == 'n' ? kCurrentLocale : f.thousands);
  FormatSpec tmp = f;
  tmp.fill_char = ' ';
  tmp.align = '<';
  tmp.width = -1;
  auto part = [&](double x, UCS4 sign) -> Object* {
    std::string buf;
    bool too_big = false;
    if (!pystrconv::double_to_string(x, type, precision, flags, &buf, nullptr, &too_big)) {
      if (too_big) return errors::no_memory();
      errors::bad_internal_call();
      return nullptr;
    }
    std::u32string t = widen(buf);
    ssize index = 0, n = static_cast<ssize>(t.size());
    UCS4 sign_char = 0;
    if (t[0] == '-') {
      sign_char = '-';
      index = 1;
      --n;
    }
    ssize pos = index, end = index + n;
    while (pos < end && t[static_cast<size_t>(pos)] >= '0' && t[static_cast<size_t>(pos)] <= '9') ++pos;
    bool has_decimal = pos < end && t[static_cast<size_t>(pos)] == '.';
    ssize remainder = has_decimal ? pos + 1 : pos;
    ssize n_frac = 0;
    while (remainder + n_frac < end && t[static_cast<size_t>(remainder + n_frac)] >= '0' &&
           t[static_cast<size_t>(remainder + n_frac)] <= '9')
      ++n_frac;
    FormatSpec g = tmp;
    g.sign = sign;
    return build_number(g, t, 0, U"", sign_char, index, end, end - remainder, n_frac,
                        has_decimal, locale, false);
  };
  Ref<> re, im;
  if (!skip_re) {
    re = Ref<>::steal(part(c.real, f.sign));
    if (!re) return nullptr;
  }
  im = Ref<>::steal(part(c.imag, skip_re ? f.sign : '+'));
  if (!im) return nullptr;
  ssize n = (re ? str_length(re.get()) : 0) + str_length(im.get()) + 1 + (add_parens ? 2 : 0);
  ssize lpad, rpad, total;
  calc_padding(n, f.width, f.align, &lpad, &rpad, &total);
  StrWriter w;
  if (w.fill(f.fill_char, lpad) < 0) return nullptr;
  if (add_parens && w.write_char('(') < 0) return nullptr;
  if (re && w.write_str(re.get()) < 0) return nullptr;
  if (w.write_str(im.get()) < 0 || w.write_char('j') < 0) return nullptr;
  if (add_parens && w.write_char(')') < 0) return nullptr;
  if (w.fill(f.fill_char, rpad) < 0) return nullptr;
  return w.finish();
}

}  // namespace

Object* format_complex_spec(Object* obj, Object* spec) {
  ssize end = str_length(spec);
  if (end == 0) return object_str(obj);
  FormatSpec f;
  if (!parse_spec(obj, spec, 0, end, &f, 0, '>')) return nullptr;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      return format_complex_internal(obj, f);
    default:
      unknown_presentation_type(f.type, obj->type->name);
      return nullptr;
  }
}

Object* format_str_spec(Object* obj, Object* spec) {
  ssize end = str_length(spec);
  if (end == 0) return str_check_exact(obj) ? new_ref(obj) : object_str(obj);
  FormatSpec f;
  if (!parse_spec(obj, spec, 0, end, &f, 's', '<')) return nullptr;
  if (f.type == 's') return format_string_internal(obj, f);
  unknown_presentation_type(f.type, obj->type->name);
  return nullptr;
}

Object* format_long_spec(Object* obj, Object* spec) {
  ssize end = str_length(spec);
  if (end == 0) return long_check_exact(obj) ? long_to_decimal_string(obj) : object_str(obj);
  FormatSpec f;
  if (!parse_spec(obj, spec, 0, end, &f, 'd', '>')) return nullptr;
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_long_internal(obj, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      Ref<> tmp = Ref<>::steal(float_from_object(obj));
      if (!tmp) return nullptr;
      return format_float_internal(tmp.get(), f);
    }
    default:
      unknown_presentation_type(f.type, obj->type->name);
      return nullptr;
  }
}

Object* format_float_spec(Object* obj, Object* spec) {
  ssize end = str_length(spec);
  if (end == 0) return object_str(obj);
  FormatSpec f;
  if (!parse_spec(obj, spec, 0, end, &f, 0, '>')) return nullptr;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_internal(obj, f);
    default:
      unknown_presentation_type(f.type, obj->type->name);
      return nullptr;
  }
}

}  // namespace cppy::objects
