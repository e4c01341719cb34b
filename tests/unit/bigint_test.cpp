// cppy::objects::bigint against CPython 3.14.2 (tests/data/bigint/bigint_data.txt, produced
// through the oracle by tools/bigintdata/gen_bigint_data.py), plus randomized identities.
#include "objects/longobject_digits.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace bi = cppy::objects::bigint;
using bi::Int;

Int H(const std::string& s) {
  Int z;
  auto r = bi::from_string(s.data(), s.data() + s.size(), 16, 0, &z);
  EXPECT_EQ(r.status, bi::ParseStatus::kOk) << s;
  return z;
}

std::string hx(const Int& v) { return bi::to_string(v, 16); }

std::vector<unsigned char> unhex(const std::string& h) {
  std::vector<unsigned char> out;
  if (h == "-") return out;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<unsigned char>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

std::string float_hex(double x) {
  // float.hex() of the reference: compare through the parsed value instead of the text.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", x);
  return buf;
}

double parse_float_hex(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

TEST(BigInt, MatchesCPython) {
  std::ifstream in(CPPY_NUMERICS_DATA_DIR "/bigint/bigint_data.txt");
  ASSERT_TRUE(in);
  std::string line;
  std::map<std::string, int> counts;
  int failures = 0;
  while (std::getline(in, line) && failures < 30) {
    std::istringstream ls(line);
    std::vector<std::string> f;
    std::string tok;
    while (ls >> tok) f.push_back(tok);
    const std::string& op = f[0];
    ++counts[op];
    std::string got, expected;
    if (op == "add" || op == "sub" || op == "mul" || op == "and" || op == "or" || op == "xor") {
      Int a = H(f[1]), b = H(f[2]);
      Int r = op == "add"   ? bi::add(a, b)
              : op == "sub" ? bi::sub(a, b)
              : op == "mul" ? bi::mul(a, b)
              : op == "and" ? bi::bit_and(a, b)
              : op == "or"  ? bi::bit_or(a, b)
                            : bi::bit_xor(a, b);
      got = hx(r);
      expected = f[3];
    } else if (op == "cmp") {
      int c = bi::compare(H(f[1]), H(f[2]));
      got = std::to_string((c > 0) - (c < 0));
      expected = f[3];
    } else if (op == "div") {
      Int q, r;
      if (!bi::divmod(H(f[1]), H(f[2]), &q, &r)) {
        got = "ZeroDivisionError";
        expected = f[3];
      } else {
        got = hx(q) + " " + hx(r);
        expected = f[3] + " " + f[4];
      }
    } else if (op == "truediv") {
      double x;
      auto st = bi::true_divide(H(f[1]), H(f[2]), &x);
      got = st == bi::TrueDivStatus::kZeroDivision ? "ZeroDivisionError"
            : st == bi::TrueDivStatus::kOverflow  ? "OverflowError"
                                                  : float_hex(x);
      expected = f[3].find("Error") != std::string::npos ? f[3] : float_hex(parse_float_hex(f[3]));
    } else if (op == "pow") {
      Int r;
      ASSERT_EQ(bi::pow(H(f[1]), H(f[2]), nullptr, &r), bi::PowStatus::kOk);
      got = hx(r);
      expected = f[3];
    } else if (op == "powmod") {
      Int r, m = H(f[3]);
      bi::View mv = m;
      auto st = bi::pow(H(f[1]), H(f[2]), &mv, &r);
      got = st == bi::PowStatus::kOk ? hx(r) : "ValueError";
      expected = f[4];
    } else if (op == "lshift" || op == "rshift") {
      uint64_t s = std::stoull(f[2]);
      got = hx(op == "lshift" ? bi::lshift(H(f[1]), s) : bi::rshift(H(f[1]), s));
      expected = f[3];
    } else if (op == "invert") {
      got = hx(bi::invert(H(f[1])));
      expected = f[2];
    } else if (op == "bits") {
      Int a = H(f[1]);
      got = std::to_string(bi::bit_length(a)) + " " + std::to_string(bi::bit_count(a));
      expected = f[2] + " " + f[3];
    } else if (op == "str") {
      if (f[2] == "-") continue;
      got = bi::to_string(H(f[1]), 10);
      expected = f[2];
      std::string limited;
      bool ok = bi::to_decimal_string(H(f[1]), 4300, &limited);
      size_t nd = expected.size() - (expected[0] == '-');
      EXPECT_EQ(ok, nd <= 4300) << line;
    } else if (op == "fmt") {
      Int a = H(f[1]);
      got = bi::to_string(a, 2) + " " + bi::to_string(a, 8);
      expected = f[2] + " " + f[3];
    } else if (op == "float") {
      double x;
      got = bi::to_double(H(f[1]), &x) ? float_hex(x) : "OverflowError";
      expected = f[2] == "OverflowError" ? f[2] : float_hex(parse_float_hex(f[2]));
    } else if (op == "fromfloat") {
      got = hx(bi::from_double(parse_float_hex(f[1])));
      expected = f[2];
    } else if (op == "tobytes") {
      size_t n = std::stoul(f[2]);
      std::vector<unsigned char> buf(n);
      auto st = bi::to_bytes(H(f[1]), buf.data(), n, f[3] == "little", f[4] == "1");
      if (st == bi::ToBytesStatus::kOk) {
        got = buf.empty() ? "-" : "";
        for (unsigned char c : buf) {
          char t[3];
          std::snprintf(t, sizeof t, "%02x", c);
          got += t;
        }
      } else {
        got = "OverflowError";
      }
      expected = f[5];
    } else if (op == "frombytes") {
      auto b = unhex(f[1]);
      got = hx(bi::from_bytes(b.data(), b.size(), f[2] == "little", f[3] == "1"));
      expected = f[4];
    } else if (op == "gcd") {
      got = hx(bi::gcd(H(f[1]), H(f[2])));
      expected = f[3];
    } else if (op == "isqrt") {
      got = hx(bi::isqrt(H(f[1])));
      expected = f[2];
    } else if (op == "parse") {
      int base = std::stoi(f[1]);
      auto s = unhex(f[2]);
      Int z;
      auto r = bi::from_string(reinterpret_cast<const char*>(s.data()),
                               reinterpret_cast<const char*>(s.data()) + s.size(), base, 4300, &z);
      got = r.status == bi::ParseStatus::kOk ? hx(z) : "ValueError";
      expected = f[3];
    } else {
      FAIL() << "unknown op " << op;
    }
    if (got != expected) ++failures;
    EXPECT_EQ(got, expected) << line.substr(0, 300);
  }
  EXPECT_EQ(failures, 0);
  EXPECT_GT(counts["mul"], 500);
  EXPECT_GT(counts["div"], 500);
  EXPECT_GT(counts["parse"], 500);
}

// Random identities on sizes across the Karatsuba and division paths.
Int random_int(std::mt19937_64& rng, int maxdigits) {
  std::uniform_int_distribution<int> nd(0, maxdigits);
  std::vector<bi::digit> m(static_cast<size_t>(nd(rng)));
  for (auto& d : m) d = static_cast<bi::digit>(rng() & bi::kMask);
  if (!m.empty() && rng() % 4 == 0) m.back() = bi::kMask;
  return Int(rng() % 2 ? -1 : 1, std::move(m));
}

TEST(BigInt, DivisionIdentity) {
  std::mt19937_64 rng(12345);
  for (int i = 0; i < 400; ++i) {
    Int a = random_int(rng, 400), b = random_int(rng, 250);
    if (b.is_zero()) continue;
    Int q, r;
    ASSERT_TRUE(bi::divmod(a, b, &q, &r));
    EXPECT_TRUE(bi::equal(bi::add(bi::mul(q, b), r), a));
    // 0 <= r < |b| with the sign of b.
    EXPECT_TRUE(r.is_zero() || r.sign() == b.sign());
    EXPECT_LT(bi::compare(bi::abs(r), bi::abs(b)), 0);
  }
}

// Divisors above 300 digits take the recursive division; quotients of every shape.
TEST(BigInt, RecursiveDivisionIdentity) {
  std::mt19937_64 rng(4242);
  for (int i = 0; i < 40; ++i) {
    Int b = random_int(rng, 2500);
    if (b.size() <= 300) b = bi::add(bi::lshift(b, 301 * 30), b);
    Int a = bi::add(bi::mul(b, random_int(rng, 3000)), random_int(rng, 2500));
    Int q, r;
    ASSERT_TRUE(bi::divmod(a, b, &q, &r));
    EXPECT_TRUE(bi::equal(bi::add(bi::mul(q, b), r), a));
    EXPECT_TRUE(r.is_zero() || r.sign() == b.sign());
    EXPECT_LT(bi::compare(bi::abs(r), bi::abs(b)), 0);
  }
}

TEST(BigInt, KaratsubaAgreesWithSchoolbook) {
  std::mt19937_64 rng(777);
  for (int i = 0; i < 40; ++i) {
    Int a = random_int(rng, 600), b = random_int(rng, 1500);
    // (a + b)^2 == a^2 + 2ab + b^2 exercises squaring and general products.
    Int s = bi::add(a, b);
    Int lhs = bi::mul(s, s);
    Int rhs = bi::add(bi::add(bi::mul(a, a), bi::lshift(bi::mul(a, b), 1)), bi::mul(b, b));
    EXPECT_TRUE(bi::equal(lhs, rhs));
  }
}

TEST(BigInt, DecimalRoundTrip) {
  std::mt19937_64 rng(99);
  for (int i = 0; i < 120; ++i) {
    // Up to 27000 decimal digits: the divide-and-conquer conversion starts at 2000.
    Int a = random_int(rng, i < 100 ? 300 : 3000);
    std::string s = bi::to_string(a, 10);
    Int b;
    ASSERT_EQ(bi::from_string(s.data(), s.data() + s.size(), 10, 0, &b).status, bi::ParseStatus::kOk);
    EXPECT_TRUE(bi::equal(a, b));
  }
}

TEST(BigInt, Statuses) {
  Int r;
  Int zero, one = Int::from_i64(1), two = Int::from_i64(2), m4 = Int::from_i64(4);
  bi::View z = zero;
  EXPECT_EQ(bi::pow(two, one, &z, &r), bi::PowStatus::kZeroModulus);
  EXPECT_EQ(bi::pow(two, Int::from_i64(-1), nullptr, &r), bi::PowStatus::kNegativeExponent);
  bi::View m = m4;
  EXPECT_EQ(bi::pow(two, Int::from_i64(-1), &m, &r), bi::PowStatus::kNotInvertible);
  EXPECT_FALSE(bi::divmod(one, zero, &r, nullptr));
  std::string big(5000, '7');
  auto res = bi::from_string(big.data(), big.data() + big.size(), 10, 4300, &r);
  EXPECT_EQ(res.status, bi::ParseStatus::kTooManyDigits);
  EXPECT_EQ(res.digit_count, 5000);
  int64_t v;
  EXPECT_TRUE(Int::from_i64(INT64_MIN).to_i64(&v));
  EXPECT_EQ(v, INT64_MIN);
}

}  // namespace
