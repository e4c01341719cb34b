// Internal: the generated character-type tables (unicodectype_gen.cpp), in the layout of
// CPython's Objects/unicodetype_db.h.
#pragma once

#include <cstdint>

namespace cppy::unicode::detail {

// One record per distinct combination of properties (_PyUnicode_TypeRecord). Without
// kExtendedCase, upper/lower/title are deltas to add to the code point; with it, each is an
// index into extended_case with the length of the full mapping in bits 24-31 (and for lower,
// the length of the case folding in bits 20-23 when it differs from the lower case mapping).
struct TypeRecord {
  int32_t upper;
  int32_t lower;
  int32_t title;
  uint8_t decimal;
  uint8_t digit;
  uint16_t flags;
  uint16_t numeric;  // index into numeric_values, 0 when there is no numeric value
};

enum : uint16_t {
  kAlpha = 0x01, kDecimal = 0x02, kDigit = 0x04, kLower = 0x08, kLinebreak = 0x10,
  kSpace = 0x20, kTitle = 0x40, kUpper = 0x80, kXidStart = 0x100, kXidContinue = 0x200,
  kPrintable = 0x400, kNumeric = 0x800, kCaseIgnorable = 0x1000, kCased = 0x2000,
  kExtendedCase = 0x4000,
};

extern const TypeRecord type_records[];
uint32_t type_index(char32_t ch);
extern const char32_t extended_case[];
extern const double numeric_values[];

inline const TypeRecord& type_record(char32_t ch) { return type_records[type_index(ch)]; }

}  // namespace cppy::unicode::detail
