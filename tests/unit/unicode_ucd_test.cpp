// The Unicode database against the reference: every property of every code point, formatted
// as tools/unicode/dump_ucd.py formats what CPython 3.14.2 reports, must hash to the digest
// gen_tables.py computed from that dump (unicode_ucd_expected.h).
#include <gtest/gtest.h>

#include <bit>
#include <cstdio>
#include <cstring>
#include <string>

#include "unicode/unicodectype.h"
#include "unicode/unicodedata.h"
#include "unicode_ucd_expected.h"

namespace u = cppy::unicode;

namespace {

uint64_t fnv1a(const std::string& s, uint64_t h) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%X", static_cast<unsigned>(c));
  return buf;
}

std::string mapping(char32_t ch, const char32_t* m, int n) {
  if (n == 1 && m[0] == ch) return "";
  std::string out;
  for (int i = 0; i < n; i++) {
    if (i) out += ' ';
    out += hex(m[i]);
  }
  return out;
}

std::string mapping(char32_t ch, const std::u32string& m) {
  return mapping(ch, m.data(), static_cast<int>(m.size()));
}

std::string properties(char32_t ch) {
  std::string s;
  s += u::category(ch);
  s += ';';
  s += u::bidirectional(ch);
  s += ';' + std::to_string(u::combining(ch)) + ';';
  s += u::east_asian_width(ch);
  s += ';' + std::to_string(u::mirrored(ch)) + ';';
  s += u::decomposition(ch) + ';';
  if (u::to_decimal(ch) >= 0) s += std::to_string(u::to_decimal(ch));
  s += ';';
  if (u::to_digit(ch) >= 0) s += std::to_string(u::to_digit(ch));
  s += ';';
  if (u::is_numeric(ch)) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx",
                  static_cast<unsigned long long>(std::bit_cast<uint64_t>(u::to_numeric(ch))));
    s += buf;
  }
  s += ';';
  const std::pair<char, bool> flags[] = {
      {'a', u::is_alpha(ch)}, {'d', u::is_decimal(ch)}, {'g', u::is_digit(ch)},
      {'n', u::is_numeric(ch)}, {'p', u::is_printable(ch)}, {'s', u::is_space(ch)},
      {'b', u::is_linebreak(ch)}, {'l', u::is_lower(ch)}, {'u', u::is_upper(ch)},
      {'t', u::is_title(ch) || u::is_upper(ch)}, {'c', u::is_cased(ch)},
      {'i', u::is_case_ignorable(ch)}, {'x', u::is_xid_start(ch)}, {'y', u::is_xid_continue(ch)}};
  for (auto [letter, on] : flags) {
    if (on) s += letter;
  }
  char32_t m[3];
  int n = u::to_lower_full(ch, m);
  s += ';' + mapping(ch, m, n);
  n = u::to_upper_full(ch, m);
  s += ';' + mapping(ch, m, n);
  n = u::to_title_full(ch, m);
  s += ';' + mapping(ch, m, n);
  n = u::to_folded_full(ch, m);
  s += ';' + mapping(ch, m, n);
  std::u32string one(1, ch);
  for (auto form : {u::NormalForm::NFD, u::NormalForm::NFC, u::NormalForm::NFKD, u::NormalForm::NFKC})
    s += ';' + mapping(ch, u::normalize(form, u::Units(one)));
  return s;
}

}  // namespace

TEST(UnicodeDatabase, EveryPropertyOfEveryCodePointMatchesTheReference) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char32_t ch = 0; ch < 0x110000; ch++) h = fnv1a(hex(ch) + ";" + properties(ch) + "\n", h);
  EXPECT_EQ(h, cppy_test_ucd::kPropertiesDigest);
}

TEST(UnicodeDatabase, EveryNameMatchesTheReferenceAndLooksUpBack) {
  uint64_t h = 0xcbf29ce484222325ULL;
  int count = 0, roundtrip_failures = 0;
  std::string name;
  for (char32_t ch = 0; ch < 0x110000; ch++) {
    if (!u::get_name(ch, &name)) continue;
    count++;
    h = fnv1a(hex(ch) + ";" + name + "\n", h);
    char32_t back = 0;
    if (!u::get_code(name, &back) || back != ch) roundtrip_failures++;
  }
  EXPECT_EQ(count, cppy_test_ucd::kNamedCount);
  EXPECT_EQ(h, cppy_test_ucd::kNamesDigest);
  EXPECT_EQ(roundtrip_failures, 0);
}

TEST(UnicodeDatabase, SimpleCaseMappingsAreTheFirstOfTheFullOnes) {
  for (char32_t ch = 0; ch < 0x110000; ch++) {
    char32_t m[3];
    u::to_lower_full(ch, m);
    ASSERT_EQ(u::to_lower(ch), m[0]);
    u::to_upper_full(ch, m);
    ASSERT_EQ(u::to_upper(ch), m[0]);
    u::to_title_full(ch, m);
    ASSERT_EQ(u::to_title(ch), m[0]);
  }
}

TEST(UnicodeDatabase, AliasesAndNamedSequences) {
  std::string name;
  int aliases = 0;
  for (char32_t pua = u::kAliasesStart; u::is_alias(pua); pua++, aliases++) {
    ASSERT_TRUE(u::get_name(pua, &name, true));
    EXPECT_FALSE(u::get_name(pua, &name, false));
    char32_t code;
    ASSERT_TRUE(u::lookup_code(name, &code, false)) << name;
    EXPECT_LT(code, 0xF0000u) << name;
  }
  EXPECT_EQ(aliases, 477);
  int sequences = 0;
  for (char32_t pua = u::kNamedSequencesStart; u::is_named_sequence(pua); pua++, sequences++) {
    ASSERT_TRUE(u::get_name(pua, &name, true));
    char32_t code;
    EXPECT_FALSE(u::lookup_code(name, &code, false)) << name;
    ASSERT_TRUE(u::lookup_code(name, &code, true)) << name;
    EXPECT_EQ(code, pua);
    EXPECT_GE(u::named_sequence(pua).size(), 2u);
  }
  EXPECT_EQ(sequences, 461);
}

namespace {

std::string old_properties(char32_t ch) {
  namespace o = u::ucd_3_2_0;
  std::string s;
  s += o::category(ch);
  s += ';';
  s += o::bidirectional(ch);
  s += ';' + std::to_string(o::combining(ch)) + ';';
  s += o::east_asian_width(ch);
  s += ';' + std::to_string(o::mirrored(ch)) + ';';
  s += o::decomposition(ch) + ';';
  if (o::decimal(ch) >= 0) s += std::to_string(o::decimal(ch));
  s += ';';
  if (o::digit(ch) >= 0) s += std::to_string(o::digit(ch));
  s += ';';
  if (o::numeric(ch) != -1.0) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx",
                  static_cast<unsigned long long>(std::bit_cast<uint64_t>(o::numeric(ch))));
    s += buf;
  }
  std::string name;
  s += o::get_name(ch, &name) ? ";1" : ";0";
  std::u32string one(1, ch);
  for (auto form : {u::NormalForm::NFD, u::NormalForm::NFC, u::NormalForm::NFKD, u::NormalForm::NFKC})
    s += ';' + mapping(ch, o::normalize(form, u::Units(one)));
  return s;
}

}  // namespace

TEST(UnicodeDatabase, Ucd320MatchesTheReference) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char32_t ch = 0; ch < 0x110000; ch++) h = fnv1a(hex(ch) + ";" + old_properties(ch) + "\n", h);
  EXPECT_EQ(h, cppy_test_ucd::kOldPropertiesDigest);
  char32_t code;
  EXPECT_FALSE(u::ucd_3_2_0::lookup_code("BEL", &code));  // an alias
  EXPECT_TRUE(u::lookup_code("BEL", &code, false));
  EXPECT_EQ(code, 7u);
}
