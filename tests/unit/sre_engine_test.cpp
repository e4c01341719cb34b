// The _sre matching engine (src/modules/_sre/sre_engine.cpp) on the code lists CPython 3.14.2's
// re._compiler produces, against the reference's match / fullmatch / search / finditer
// results (tests/data/sre/engine_cases.txt, written by tools/sre/gen_cases.py).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "modules/_sre/sre_constants.h"
#include "modules/_sre/sre_engine.h"

namespace {

using cppy::modules::_sre::Code;
using cppy::modules::_sre::State;
using ssize = std::ptrdiff_t;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

// A subject as the engine sees it: the narrowest kind of a str, or bytes.
struct Subject {
  bool isbytes = false;
  int charsize = 1;
  std::vector<uint8_t> b1;
  std::vector<uint16_t> b2;
  std::vector<uint32_t> b4;
  ssize length = 0;
  std::string text;
  const void* data() const {
    if (charsize == 1) return b1.data();
    if (charsize == 2) return b2.data();
    return b4.data();
  }
};

Subject parse_subject(const std::string& enc) {
  Subject s;
  s.text = enc;
  s.isbytes = enc[0] == 'b';
  std::vector<uint32_t> cps;
  std::istringstream in(enc.substr(1));
  std::string tok;
  while (in >> tok) cps.push_back(static_cast<uint32_t>(std::stoul(tok, nullptr, 16)));
  uint32_t maxc = 0;
  for (uint32_t c : cps) maxc = std::max(maxc, c);
  s.charsize = s.isbytes || maxc < 0x100 ? 1 : maxc < 0x10000 ? 2 : 4;
  for (uint32_t c : cps) {
    s.b1.push_back(static_cast<uint8_t>(c));
    s.b2.push_back(static_cast<uint16_t>(c));
    s.b4.push_back(c);
  }
  // A non-null buffer for empty subjects.
  s.b1.push_back(0);
  s.b2.push_back(0);
  s.b4.push_back(0);
  s.length = static_cast<ssize>(cps.size());
  return s;
}

// pattern_new_match's view of a successful state: "lastindex start end g1s g1e ...".
std::string result(const State& st, ssize groups, ssize status) {
  if (status == 0) return "none";
  if (status < 0) return "error " + std::to_string(status);
  std::string r = std::to_string(st.lastindex) + " " + std::to_string(st.offset(st.start)) + " " +
                  std::to_string(st.offset(st.ptr));
  for (ssize j = 0; j < 2 * groups; j += 2) {
    if (j + 1 <= st.lastmark && st.mark[j] && st.mark[j + 1]) {
      r += " " + std::to_string(st.offset(st.mark[j])) + " " +
           std::to_string(st.offset(st.mark[j + 1]));
    } else {
      r += " -1 -1";
    }
  }
  return r;
}

constexpr ssize kMax = PTRDIFF_MAX;

TEST(SreEngine, ReferenceCases) {
  std::ifstream in(CPPY_SRE_DATA_DIR "/engine_cases.txt");
  ASSERT_TRUE(in) << "missing tests/data/sre/engine_cases.txt";
  std::string line;
  std::vector<Code> code;
  ssize groups = 0;
  std::string pattern;
  int patterns = 0, checks = 0, failures = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    if (f[0] == "P") {
      pattern = f[1];
      groups = std::stol(f[3]);
      code.clear();
      std::istringstream cs(f[4]);
      unsigned long v;
      while (cs >> v) code.push_back(static_cast<Code>(v));
      ++patterns;
      EXPECT_TRUE(cppy::modules::_sre::validate(code.data(), static_cast<ssize>(code.size()),
                                                groups))
          << "pattern " << pattern;
      continue;
    }
    ASSERT_EQ(f[0], "S");
    ASSERT_EQ(f.size(), 15u) << line;
    Subject s = parse_subject(f[1]);
    const ssize n = s.length;
    const ssize bounds[4][2] = {{0, kMax}, {1, kMax}, {0, n - 1}, {2, n + 5}};
    int field = 2;
    for (int mode = 0; mode < 3; ++mode) {
      for (auto& b : bounds) {
        State st;
        st.init(s.data(), n, s.charsize, s.isbytes, groups, b[0], b[1]);
        ssize status;
        if (mode == 0) {
          status = cppy::modules::_sre::match(st, code.data());
        } else if (mode == 1) {
          st.match_all = true;
          status = cppy::modules::_sre::match(st, code.data());
        } else {
          status = cppy::modules::_sre::search(st, code.data());
        }
        std::string got = result(st, groups, status);
        ++checks;
        if (got != f[field]) {
          ++failures;
          ADD_FAILURE() << "pattern " << pattern << " subject " << s.text << " mode " << mode
                        << " pos " << b[0] << " endpos " << b[1] << ": got " << got
                        << ", reference " << f[field];
        }
        ++field;
      }
    }
    // finditer: the scanner's loop.
    State st;
    st.init(s.data(), n, s.charsize, s.isbytes, groups, 0, kMax);
    std::string all;
    for (int guard = 0; guard < 1000; ++guard) {
      st.reset();
      st.ptr = st.start;
      ssize status = cppy::modules::_sre::search(st, code.data());
      if (status == 0) break;
      if (!all.empty() || guard) all += ";";
      all += result(st, groups, status);
      if (status < 0) break;
      st.must_advance = st.ptr == st.start;
      st.start = st.ptr;
    }
    ++checks;
    if (all != f[14]) {
      ++failures;
      ADD_FAILURE() << "pattern " << pattern << " subject " << s.text << " finditer: got " << all
                    << ", reference " << f[14];
    }
  }
  EXPECT_GT(patterns, 200);
  EXPECT_GT(checks, 50000);
  std::printf("sre engine: %d patterns, %d checks, %d failures\n", patterns, checks, failures);
}

// The code list of a pattern of the reference cases, by its encoding in the file.
std::vector<Code> reference_code(const std::string& enc) {
  std::ifstream in(CPPY_SRE_DATA_DIR "/engine_cases.txt");
  std::string line;
  while (std::getline(in, line)) {
    auto f = split(line, '\t');
    if (f[0] == "P" && f[1] == enc) {
      std::vector<Code> code;
      std::istringstream cs(f[4]);
      unsigned long v;
      while (cs >> v) code.push_back(static_cast<Code>(v));
      return code;
    }
  }
  ADD_FAILURE() << "no reference pattern " << enc;
  return {1};
}

// Backtracking lives on the engine's explicit stacks: a repeat over 100000 items (one
// REPEAT/MAX_UNTIL context each) and a catastrophic pattern are slow at worst, never a C++
// stack overflow.
TEST(SreEngine, DeepRepeatsUseExplicitStacks) {
  using namespace cppy::modules::_sre;
  std::vector<Code> code = reference_code("u28 3f 3a 61 62 29 2a 63");  // (?:ab)*c
  std::vector<uint8_t> subject;
  for (int i = 0; i < 100000; ++i) {
    subject.push_back('a');
    subject.push_back('b');
  }
  subject.push_back('c');
  State st;
  st.init(subject.data(), static_cast<ssize>(subject.size()), 1, false, 0, 0, PTRDIFF_MAX);
  EXPECT_EQ(match(st, code.data()), 1);
  EXPECT_EQ(st.offset(st.ptr), static_cast<ssize>(subject.size()));

  std::vector<Code> bad = reference_code("u28 78 2b 78 2b 29 2b 79");  // (x+x+)+y
  std::vector<uint8_t> xs(18, 'x');
  State st2;
  st2.init(xs.data(), static_cast<ssize>(xs.size()), 1, false, 1, 0, PTRDIFF_MAX);
  EXPECT_EQ(search(st2, bad.data()), 0);
}

}  // namespace
