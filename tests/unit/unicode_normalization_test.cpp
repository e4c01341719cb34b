// Normalization of multi-character strings against CPython 3.14.2
// (unicode_normalization_cases.h, made by tools/unicode/make_normalization_cases.py).
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "unicode/unicodedata.h"
#include "unicode_normalization_cases.h"

namespace u = cppy::unicode;

namespace {
std::u32string unhex(const char* s) {
  std::u32string out;
  for (size_t i = 0; i + 6 <= std::strlen(s); i += 6)
    out.push_back(static_cast<char32_t>(std::stoul(std::string(s + i, 6), nullptr, 16)));
  return out;
}
}  // namespace

TEST(UnicodeNormalization, MatchesTheReference) {
  const u::NormalForm forms[] = {u::NormalForm::NFC, u::NormalForm::NFD, u::NormalForm::NFKC,
                                 u::NormalForm::NFKD};
  int checked = 0;
  for (const auto& c : cppy_test_normalization::kCases) {
    std::u32string in = unhex(c.input);
    for (int k = 0; k < 4; k++) {
      EXPECT_EQ(u::normalize(forms[k], in), unhex(c.forms[k])) << c.input << " form " << k;
      EXPECT_EQ(u::is_normalized(forms[k], in), c.normalized[k]) << c.input << " form " << k;
      EXPECT_EQ(u::ucd_3_2_0::normalize(forms[k], in), unhex(c.forms[4 + k])) << c.input;
      EXPECT_EQ(u::ucd_3_2_0::is_normalized(forms[k], in), c.normalized[4 + k]) << c.input;
      checked++;
    }
  }
  EXPECT_GT(checked, 1000);
}

TEST(UnicodeNormalization, QuickCheckAndKinds) {
  // The quick check answers without normalizing, on any code unit width.
  const uint8_t latin1[] = {'a', 0xE9, 'b'};
  EXPECT_EQ(u::quick_check(u::NormalForm::NFC, u::Units(latin1, 1, 3), false), u::QuickCheck::Yes);
  EXPECT_EQ(u::quick_check(u::NormalForm::NFD, u::Units(latin1, 1, 3), false), u::QuickCheck::No);
  const uint16_t marks[] = {'a', 0x0323, 0x0301};
  EXPECT_EQ(u::quick_check(u::NormalForm::NFC, u::Units(marks, 2, 3), false), u::QuickCheck::Maybe);
  const uint16_t unordered[] = {'a', 0x0301, 0x0323};
  EXPECT_EQ(u::quick_check(u::NormalForm::NFD, u::Units(unordered, 2, 3), false), u::QuickCheck::No);
  std::u32string out;
  EXPECT_FALSE(u::normalize(u::NormalForm::NFC, u::Units(latin1, 1, 3), &out));  // already NFC
  EXPECT_TRUE(u::normalize(u::NormalForm::NFD, u::Units(latin1, 1, 3), &out));
  EXPECT_EQ(out, (std::u32string{'a', 'e', 0x301, 'b'}));
  u::NormalForm f;
  EXPECT_TRUE(u::parse_normal_form("NFKD", &f));
  EXPECT_FALSE(u::parse_normal_form("nfc", &f));
}
