// FASTSEARCH against CPython 3.14.2's str.find / rfind / count on generated haystacks
// (unicode_search_cases.h, made by tools/unicode/make_search_cases.py), in each unit width.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "unicode/fastsearch.h"
#include "unicode_search_cases.h"

namespace u = cppy::unicode;
using cppy_test_search::Case;

namespace {

// lcg_string of make_search_cases.py.
std::vector<uint32_t> lcg_string(const std::vector<uint32_t>& alphabet, uint32_t seed, int n) {
  std::vector<uint32_t> out;
  uint32_t x = seed;
  for (int i = 0; i < n; i++) {
    x = (x * 1103515245u + 12345u) & 0x7fffffffu;
    out.push_back(alphabet[(x >> 16) % alphabet.size()]);
  }
  return out;
}

void build(const Case& c, std::vector<uint32_t>* hay, std::vector<uint32_t>* needle) {
  *hay = lcg_string(c.alphabet, c.seed, c.hlen);
  if (c.nseed) {
    *needle = lcg_string(c.alphabet, c.nseed, c.nlen);
  } else {
    int end = std::min(c.hlen, c.nstart + c.nlen);
    needle->assign(hay->begin() + std::min(c.nstart, end), hay->begin() + end);
  }
  if (c.mutate && !needle->empty()) {
    size_t i = c.mutate % needle->size();
    size_t k = std::find(c.alphabet.begin(), c.alphabet.end(), (*needle)[i]) - c.alphabet.begin();
    (*needle)[i] = c.alphabet[(k + 1) % c.alphabet.size()];
  }
}

template <typename C>
std::vector<C> narrow(const std::vector<uint32_t>& v) {
  return std::vector<C>(v.begin(), v.end());
}

template <typename C>
void check(const Case& c, const std::vector<uint32_t>& hay32, const std::vector<uint32_t>& needle32,
           int index) {
  std::vector<C> hay = narrow<C>(hay32), needle = narrow<C>(needle32);
  ptrdiff_t n = hay.size(), m = needle.size();
  EXPECT_EQ(u::fastsearch(hay.data(), n, needle.data(), m, -1, u::SearchMode::Search), c.find)
      << "case " << index;
  EXPECT_EQ(u::fastsearch(hay.data(), n, needle.data(), m, -1, u::SearchMode::RSearch), c.rfind)
      << "case " << index;
  // Count mode says -1 when no match is possible (n < m); str.count then says 0.
  ptrdiff_t count =
      u::fastsearch(hay.data(), n, needle.data(), m, u::kNoMaxCount, u::SearchMode::Count);
  EXPECT_EQ(std::max<ptrdiff_t>(count, 0), c.count) << "case " << index;
  ptrdiff_t count3 = u::fastsearch(hay.data(), n, needle.data(), m, 3, u::SearchMode::Count);
  EXPECT_EQ(std::max<ptrdiff_t>(count3, 0), c.count3) << "case " << index;
}

}  // namespace

TEST(UnicodeFastsearch, MatchesTheReferenceInEveryWidth) {
  int index = 0;
  for (const Case& c : cppy_test_search::kCases) {
    std::vector<uint32_t> hay, needle;
    build(c, &hay, &needle);
    uint32_t maxchar = 0;
    for (uint32_t ch : hay) maxchar = std::max(maxchar, ch);
    for (uint32_t ch : needle) maxchar = std::max(maxchar, ch);
    if (maxchar < 0x100) check<uint8_t>(c, hay, needle, index);
    if (maxchar < 0x10000) check<uint16_t>(c, hay, needle, index);
    check<uint32_t>(c, hay, needle, index);
    index++;
  }
  EXPECT_EQ(index, 212);
}

TEST(UnicodeFastsearch, EdgeCases) {
  const uint8_t s[] = {'a', 'b', 'c', 'a', 'b', 'c'};
  const uint8_t abc[] = {'a', 'b', 'c'};
  // CPython's FASTSEARCH contract: -1 for an empty needle, a needle longer than the haystack,
  // and a zero maxcount.
  EXPECT_EQ(u::fastsearch(s, 6, abc, 0, -1, u::SearchMode::Search), -1);
  EXPECT_EQ(u::fastsearch(abc, 3, s, 6, -1, u::SearchMode::Search), -1);
  EXPECT_EQ(u::fastsearch(s, 6, abc, 3, 0, u::SearchMode::Count), -1);
  EXPECT_EQ(u::fastsearch(s, 6, abc, 3, u::kNoMaxCount, u::SearchMode::Count), 2);
  EXPECT_EQ(u::fastsearch(s, 6, abc, 3, 1, u::SearchMode::Count), 1);
  EXPECT_EQ(u::fastsearch(s, 6, abc, 3, -1, u::SearchMode::RSearch), 3);
  EXPECT_EQ(u::find_char(s, 6, uint8_t{'c'}), 2);
  EXPECT_EQ(u::rfind_char(s, 6, uint8_t{'a'}), 3);
  EXPECT_EQ(u::count_char(s, 6, uint8_t{'b'}, u::kNoMaxCount), 2);
  // Wide units whose low byte is zero or collides with the needle's.
  std::vector<uint16_t> w(100, 0x4100);
  w[77] = 0x0041;
  EXPECT_EQ(u::find_char(w.data(), 100, uint16_t{0x41}), 77);
  EXPECT_EQ(u::find_char(w.data(), 100, uint16_t{0x100}), -1);
  EXPECT_EQ(u::rfind_char(w.data(), 100, uint16_t{0x4100}), 99);
}

// find_all gives the positions that repeated Search calls find, each starting after the
// previous occurrence, in every width and through each of FASTSEARCH's algorithms (short and
// long haystacks and needles), stopping at cap; the last possible window is tried too.
template <typename C>
std::vector<ptrdiff_t> by_search(const std::vector<C>& s, const std::vector<C>& p) {
  std::vector<ptrdiff_t> r;
  ptrdiff_t i = 0, n = ptrdiff_t(s.size()), m = ptrdiff_t(p.size());
  while (n - i >= m) {
    ptrdiff_t k = m == 1 ? u::find_char(s.data() + i, n - i, p[0])
                         : u::fastsearch(s.data() + i, n - i, p.data(), m, -1, u::SearchMode::Search);
    if (k < 0) break;
    r.push_back(i + k);
    i += k + m;
  }
  return r;
}

template <typename C>
void check_find_all(const std::string& hay, const std::string& needle) {
  std::vector<C> s(hay.begin(), hay.end()), p(needle.begin(), needle.end());
  std::vector<ptrdiff_t> want = by_search(s, p);
  std::vector<ptrdiff_t> got(want.size() + 3);
  ptrdiff_t k = u::find_all(s.data(), ptrdiff_t(s.size()), p.data(), ptrdiff_t(p.size()),
                            got.data(), ptrdiff_t(got.size()));
  got.resize(size_t(k));
  EXPECT_EQ(got, want) << hay.size() << " " << needle;
  // Count mode of FASTSEARCH agrees.
  if (p.size() > 1 && !want.empty()) {
    EXPECT_EQ(u::fastsearch(s.data(), ptrdiff_t(s.size()), p.data(), ptrdiff_t(p.size()),
                            u::kNoMaxCount, u::SearchMode::Count),
              ptrdiff_t(want.size()));
  }
  if (want.size() > 2) {
    std::vector<ptrdiff_t> two(2);
    EXPECT_EQ(u::find_all(s.data(), ptrdiff_t(s.size()), p.data(), ptrdiff_t(p.size()),
                          two.data(), 2),
              2);
    EXPECT_EQ(two[0], want[0]);
    EXPECT_EQ(two[1], want[1]);
  }
}

TEST(UnicodeFastsearch, FindAllMatchesRepeatedSearches) {
  std::string words;
  for (int i = 0; i < 3000; i++) words += "word" + std::to_string(i) + " ";
  std::string periodic;
  for (int i = 0; i < 20000; i++) periodic += "ab";
  std::string mixed = periodic + "needle" + periodic + "needle";
  const std::pair<std::string, std::string> cases[] = {
      {"abcabc", "abc"}, {"aaaa", "aa"}, {"abab", "b"}, {"xyz", "xyz"}, {"xyzz", "z"},
      {"aaa", "aaaa"}, {words, "word"}, {words, "d1"}, {words, " "}, {words, "word2999 "},
      {words, "rd29"}, {periodic, "abab"}, {periodic, "ba"}, {mixed, "needle"},
      {mixed, std::string(600, 'a')}, {mixed, "abababababababababababab"}, {words, "9 word3"},
  };
  for (const auto& [hay, needle] : cases) {
    check_find_all<uint8_t>(hay, needle);
    check_find_all<uint16_t>(hay, needle);
    check_find_all<uint32_t>(hay, needle);
  }
}
