// src/pystrconv against CPython 3.14.2 (tests/data/pystrconv/strconv_data.txt, produced through
// the oracle by tools/strconvdata/gen_strconv_data.py).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pystrconv/mystrtoul.h"
#include "pystrconv/pyctype.h"
#include "pystrconv/pystrhex.h"
#include "pystrconv/pystrtod.h"

namespace {

namespace ps = cppy::pystrconv;

std::string unhex(const std::string& h) {
  std::string out;
  if (h == "-") return out;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

double parse_hex_double(const std::string& s) {
  if (s == "inf") return INFINITY;
  if (s == "-inf") return -INFINITY;
  if (s == "nan") return NAN;
  return std::strtod(s.c_str(), nullptr);
}

std::string rest_of(std::istringstream& ls) {
  std::string r;
  std::getline(ls, r);
  if (!r.empty() && r[0] == ' ') r.erase(0, 1);
  return r;
}

TEST(PyStrConv, MatchesCPython) {
  std::ifstream in(CPPY_NUMERICS_DATA_DIR "/pystrconv/strconv_data.txt");
  ASSERT_TRUE(in);
  std::string line;
  std::map<std::string, int> counts;
  int failures = 0;
  while (std::getline(in, line) && failures < 50) {
    std::istringstream ls(line);
    std::string kind;
    ls >> kind;
    ++counts[kind];
    if (kind == "repr") {
      std::string hx;
      ls >> hx;
      std::string expected = rest_of(ls);
      std::string got = ps::double_repr(parse_hex_double(hx));
      if (got != expected) ++failures;
      EXPECT_EQ(got, expected) << line;
    } else if (kind == "fmt") {
      std::string hx, code, flags;
      int prec;
      ls >> hx >> code >> prec >> flags;
      std::string expected = rest_of(ls);
      int f = 0;
      char c = code[0];
      if (c == 'n') {
        c = 'g';
        f |= ps::kDtsfAddDot0;
      }
      if (flags.find('+') != std::string::npos) f |= ps::kDtsfSign;
      if (flags.find('#') != std::string::npos) f |= ps::kDtsfAlt;
      if (flags.find('z') != std::string::npos) f |= ps::kDtsfNoNeg0;
      std::string got;
      ASSERT_TRUE(ps::double_to_string(parse_hex_double(hx), c, prec, f, &got));
      if (got != expected) ++failures;
      EXPECT_EQ(got, expected) << line;
    } else if (kind == "parse") {
      std::string hx, result;
      ls >> hx >> result;
      std::string s = unhex(hx);
      bool ascii = true;
      for (unsigned char ch : s) ascii = ascii && ch < 128;
      if (!ascii) continue;  // the object layer maps Unicode digits and spaces first
      double x;
      auto st = ps::float_from_ascii(s.data(), s.size(), &x);
      if (result == "ValueError") {
        EXPECT_EQ(st, ps::StrtodStatus::kInvalid) << line;
      } else {
        int sign;
        ls >> sign;
        ASSERT_EQ(st, ps::StrtodStatus::kOk) << line;
        double expected = parse_hex_double(result);
        if (std::isnan(expected)) {
          EXPECT_TRUE(std::isnan(x)) << line;
        } else {
          EXPECT_EQ(x, expected) << line;
        }
        EXPECT_EQ(std::signbit(x), sign < 0) << line;
      }
    } else if (kind == "strtol") {
      int base;
      std::string s, value;
      ls >> base >> s >> value;
      const char* end;
      bool overflow;
      long v = ps::strtol(s.c_str(), &end, base, &overflow);
      EXPECT_EQ(end, s.c_str() + s.size()) << line;
      errno = 0;
      long long expected = std::strtoll(value.c_str(), nullptr, 10);
      if (errno == ERANGE) {
        EXPECT_TRUE(overflow) << line;
      } else {
        EXPECT_FALSE(overflow) << line;
        EXPECT_EQ(v, expected) << line;
      }
      if (s[0] != '-' && s[0] != '+') {
        errno = 0;
        unsigned long long ue = std::strtoull(value.c_str(), nullptr, 10);
        unsigned long u = ps::strtoul(s.c_str(), &end, base, &overflow);
        EXPECT_EQ(end, s.c_str() + s.size()) << line;
        EXPECT_EQ(overflow, errno == ERANGE) << line;
        if (!overflow) {
          EXPECT_EQ(u, ue) << line;
        }
      }
    } else if (kind == "hex" || kind == "hexsep") {
      std::string hx, expected;
      int n = 1;
      ls >> hx;
      if (kind == "hex") ls >> n;
      ls >> expected;
      if (expected == "-") expected.clear();
      std::string b = unhex(hx);
      char sep = 0;
      for (char ch : expected)
        if (!ps::is_xdigit(static_cast<unsigned char>(ch))) sep = ch;
      if (kind == "hex" && sep == 0) sep = ':';
      std::string got = ps::strhex(reinterpret_cast<const unsigned char*>(b.data()), b.size(),
                                   kind == "hex" ? sep : 0, kind == "hex" ? n : 0);
      EXPECT_EQ(got, expected) << line;
    } else {
      FAIL() << "unknown kind " << kind;
    }
  }
  EXPECT_EQ(failures, 0);
  EXPECT_GT(counts["repr"], 5000);
  EXPECT_GT(counts["fmt"], 15000);
  EXPECT_GT(counts["parse"], 2000);
  EXPECT_GT(counts["strtol"], 1000);
}

TEST(PyStrConv, StringToDoubleStatuses) {
  const char* s = "1e400";
  double x;
  EXPECT_EQ(ps::string_to_double(s, s + 5, &x, nullptr, true), ps::StrtodStatus::kOverflow);
  EXPECT_EQ(ps::string_to_double(s, s + 5, &x, nullptr, false), ps::StrtodStatus::kOk);
  EXPECT_TRUE(std::isinf(x));
  const char* t = "1e-400";
  EXPECT_EQ(ps::string_to_double(t, t + 6, &x, nullptr, true), ps::StrtodStatus::kOk);
  EXPECT_EQ(x, 0.0);
  const char* u = "12abc";
  const char* end;
  EXPECT_EQ(ps::string_to_double(u, u + 5, &x, &end, true), ps::StrtodStatus::kOk);
  EXPECT_EQ(end, u + 2);
  EXPECT_EQ(ps::string_to_double(u, u + 5, &x, nullptr, true), ps::StrtodStatus::kInvalid);
  std::string out;
  EXPECT_FALSE(ps::double_to_string(1.0, 'r', 3, 0, &out));
  EXPECT_FALSE(ps::double_to_string(1.0, 'x', 3, 0, &out));
  int type = -1;
  ps::double_to_string(NAN, 'r', 0, 0, &out, &type);
  EXPECT_EQ(type, ps::kDtstNan);
}

TEST(PyStrConv, Ctype) {
  for (int c = 0; c < 256; ++c) {
    EXPECT_EQ(ps::is_space(c), c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f');
    if (c >= 128) {
      EXPECT_EQ(ps::ctype_flags(c), 0u);
    }
  }
  EXPECT_EQ(ps::to_lower('Q'), 'q');
  EXPECT_EQ(ps::to_upper('q'), 'Q');
  EXPECT_EQ(ps::digit_value('z'), 35);
  EXPECT_EQ(ps::digit_value('!'), 37);
}

}  // namespace
