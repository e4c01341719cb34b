// src/hash against hash values of 64-bit CPython (tests/data/hash/hash_data.txt, produced by
// tools/hashdata/gen_hash_data.py).
#include "hash/hash.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using cppy::hash::hash_t;

std::vector<unsigned char> from_hex(const std::string& s) {
  std::vector<unsigned char> out;
  if (s == "-") return out;
  for (size_t i = 0; i + 1 < s.size(); i += 2) out.push_back(std::stoi(s.substr(i, 2), nullptr, 16));
  return out;
}

// Magnitude of a hex integer as 30-bit digits, least significant first.
std::vector<uint32_t> hex_to_digits(std::string s, int* sign) {
  *sign = 1;
  if (!s.empty() && s[0] == '-') {
    *sign = -1;
    s = s.substr(1);
  }
  std::vector<uint32_t> bits;  // one per bit, least significant first
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = std::stoi(std::string(1, *it), nullptr, 16);
    for (int b = 0; b < 4; ++b) bits.push_back((v >> b) & 1);
  }
  std::vector<uint32_t> digits((bits.size() + 29) / 30, 0);
  for (size_t i = 0; i < bits.size(); ++i) digits[i / 30] |= bits[i] << (i % 30);
  while (!digits.empty() && digits.back() == 0) digits.pop_back();
  if (digits.empty()) *sign = 0;
  return digits;
}

// The value mod 2**61-1 of a hex magnitude.
uint64_t hex_mod(const std::string& s) {
  unsigned __int128 acc = 0;
  for (char c : s) {
    if (c == '-') continue;
    acc = (acc * 16 + std::stoi(std::string(1, c), nullptr, 16)) % cppy::hash::kModulus;
  }
  return static_cast<uint64_t>(acc);
}

std::vector<hash_t> int_list(const std::string& s) {
  std::vector<hash_t> out;
  if (s == "-") return out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) out.push_back(cppy::hash::hash_long(std::stoll(item)));
  return out;
}

TEST(Hash, MatchesCPython) {
  std::ifstream in(CPPY_NUMERICS_DATA_DIR "/hash/hash_data.txt");
  ASSERT_TRUE(in) << "missing hash_data.txt";
  std::string line;
  std::string current_seed;
  std::map<std::string, int> counts;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string kind, seed;
    ls >> kind >> seed;
    if (seed != current_seed) {
      ASSERT_TRUE(cppy::hash::init_secret(true, static_cast<uint32_t>(std::stoul(seed))));
      current_seed = seed;
    }
    std::vector<std::string> f;
    std::string tok;
    while (ls >> tok) f.push_back(tok);
    hash_t expected = std::stoll(f.back());
    hash_t got = 0;
    if (kind == "bytes") {
      auto b = from_hex(f[0]);
      got = cppy::hash::hash_bytes(b.data(), static_cast<std::ptrdiff_t>(b.size()));
    } else if (kind == "double") {
      got = cppy::hash::hash_double(nullptr, std::strtod(f[0].c_str(), nullptr));
    } else if (kind == "int") {
      int sign;
      auto d = hex_to_digits(f[0], &sign);
      got = cppy::hash::hash_long_digits(d.data(), static_cast<std::ptrdiff_t>(d.size()), sign);
      if (d.size() <= 2) {
        long long v = 0;
        for (auto it = d.rbegin(); it != d.rend(); ++it) v = (v << 30) | *it;
        EXPECT_EQ(cppy::hash::hash_long(sign * v), expected) << line;
      }
    } else if (kind == "complex") {
      got = cppy::hash::hash_complex(nullptr, std::strtod(f[0].c_str(), nullptr),
                                     std::strtod(f[1].c_str(), nullptr));
    } else if (kind == "tuple") {
      auto h = int_list(f[0]);
      got = cppy::hash::hash_tuple(h.data(), static_cast<std::ptrdiff_t>(h.size()));
    } else if (kind == "frozenset") {
      auto h = int_list(f[0]);
      got = cppy::hash::hash_frozenset(h.data(), static_cast<std::ptrdiff_t>(h.size()));
    } else if (kind == "fraction") {
      got = cppy::hash::hash_rational_mod(hex_mod(f[0]), hex_mod(f[1]), f[0][0] == '-');
    } else {
      FAIL() << "unknown kind " << kind;
    }
    EXPECT_EQ(got, expected) << line;
    ++counts[kind];
  }
  EXPECT_GT(counts["bytes"], 500);
  EXPECT_GT(counts["double"], 400);
  EXPECT_GT(counts["int"], 400);
  EXPECT_GT(counts["fraction"], 100);
}

TEST(Hash, SeedZeroIsZeroKey) {
  cppy::hash::init_secret(true, 0);
  EXPECT_EQ(cppy::hash::secret.siphash.k0, 0u);
  EXPECT_EQ(cppy::hash::secret.siphash.k1, 0u);
  EXPECT_EQ(cppy::hash::hash_bytes("", 0), 0);
}

TEST(Hash, LcgExpansion) {
  // Bits 23..16 of the LCG sequence started at the seed.
  unsigned char buf[3];
  cppy::hash::lcg_urandom(1, buf, 3);
  uint32_t x = 1;
  for (unsigned char b : buf) {
    x = x * 214013u + 2531011u;
    EXPECT_EQ(b, (x >> 16) & 0xff);
  }
}

TEST(Hash, PointerAndSpecials) {
  EXPECT_EQ(cppy::hash::hash_pointer_raw(reinterpret_cast<void*>(0x10)), 1);
  EXPECT_EQ(cppy::hash::hash_pointer(reinterpret_cast<void*>(~std::uintptr_t(0) << 4 | 0xf)), -2);
  EXPECT_EQ(cppy::hash::hash_long(-1), -2);
  EXPECT_NE(cppy::hash::hash_double(reinterpret_cast<void*>(0x1230), std::nan("")), -1);
}

}  // namespace
