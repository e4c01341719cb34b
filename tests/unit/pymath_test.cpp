// src/pymath against CPython 3.14.2 (tests/data/pymath/pymath_data.txt) and, for gamma and
// lgamma, the host's 64-bit CPython with the same libm (gamma_data.txt); both produced by
// tools/pymathdata/gen_pymath_data.py.
#include "pymath/pymath.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace pm = cppy::pymath;
namespace bi = cppy::objects::bigint;

double D(const std::string& s) {
  if (s == "nan") return NAN;
  if (s == "inf") return INFINITY;
  if (s == "-inf") return -INFINITY;
  return std::strtod(s.c_str(), nullptr);
}

std::vector<double> Ds(const std::string& s) {
  std::vector<double> out;
  if (s == "-") return out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) out.push_back(D(item));
  return out;
}

// Identity of doubles, nan equal to nan, -0.0 distinct from 0.0.
std::string show(double x) {
  if (std::isnan(x)) return "nan";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", x);
  return buf;
}

std::string unhex(const std::string& h) {
  std::string out;
  if (h == "-") return out;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

void run_file(const char* path, std::map<std::string, int>* counts) {
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string line;
  int failures = 0;
  while (std::getline(in, line) && failures < 30) {
    std::istringstream ls(line);
    std::vector<std::string> f;
    std::string tok;
    while (ls >> tok) f.push_back(tok);
    const std::string& op = f[0];
    ++(*counts)[op];
    std::string got, expected = f.back();
    auto as_expected = [&](const std::string& e) {
      return e.find("Error") != std::string::npos ? e : show(D(e));
    };
    if (op == "round") {
      double r;
      got = pm::double_round(D(f[1]), std::stoll(f[2]), &r) ? show(r) : "OverflowError";
      expected = as_expected(f[3]);
    } else if (op == "round0") {
      if (f[2] == "-") continue;
      // round(x) is an int: the sign of a zero result does not survive.
      got = show(pm::round_half_even(D(f[1])) + 0.0);
      expected = show(D(f[2]));
    } else if (op == "hex") {
      got = pm::float_hex(D(f[1]));
      expected = f[2];
    } else if (op == "ratio") {
      bi::Int n, d;
      pm::as_integer_ratio(D(f[1]), &n, &d);
      got = bi::to_string(n, 16) + " " + bi::to_string(d, 16);
      expected = f[2] + " " + f[3];
    } else if (op == "fromhex") {
      std::string s = unhex(f[1]);
      double r;
      auto st = pm::float_fromhex(s.data(), s.size(), &r);
      got = st == pm::FromHexStatus::kOk         ? show(r)
            : st == pm::FromHexStatus::kOverflow ? "OverflowError"
                                                 : "ValueError";
      expected = as_expected(f[2]);
    } else if (op == "fsum") {
      pm::FSum sum;
      pm::FSum::Status st = pm::FSum::Status::kOk;
      for (double x : Ds(f[1])) {
        st = sum.add(x);
        if (st != pm::FSum::Status::kOk) break;
      }
      double r = 0;
      if (st == pm::FSum::Status::kOk) st = sum.result(&r);
      got = st == pm::FSum::Status::kOk                     ? show(r)
            : st == pm::FSum::Status::kIntermediateOverflow ? "OverflowError"
                                                            : "ValueError";
      expected = as_expected(f[2]);
    } else if (op == "hypot") {
      auto xs = Ds(f[1]);
      got = show(pm::hypot(xs.data(), static_cast<std::ptrdiff_t>(xs.size())));
      expected = show(D(f[2]));
    } else if (op == "dist") {
      auto xs = Ds(f[1]), ys = Ds(f[2]);
      got = show(pm::dist(xs.data(), ys.data(), static_cast<std::ptrdiff_t>(xs.size())));
      expected = show(D(f[3]));
    } else if (op == "remainder") {
      double x = D(f[1]), y = D(f[2]);
      double r = pm::remainder(x, y);
      // math.remainder raises ValueError for a nan result from non-nan inputs.
      got = std::isnan(r) && !std::isnan(x) && !std::isnan(y) ? "ValueError" : show(r);
      expected = as_expected(f[3]);
    } else if (op == "isclose") {
      got = pm::isclose(D(f[1]), D(f[2]), D(f[3]), D(f[4])) ? "1" : "0";
    } else if (op == "gamma" || op == "lgamma") {
      double x = D(f[1]);
      pm::MathError err;
      double r = op == "gamma" ? pm::tgamma(x, &err) : pm::lgamma(x, &err);
      // math_1's rules: a nan from a non-nan, an infinity from a finite input, or errno.
      if ((std::isnan(r) && !std::isnan(x)) || err == pm::MathError::kDomain)
        got = "ValueError";
      else if (std::isinf(r) && std::isfinite(x))
        got = "OverflowError";
      else
        got = show(r);
      expected = as_expected(f[2]);
    } else {
      FAIL() << "unknown op " << op;
    }
    if (got != expected) ++failures;
    EXPECT_EQ(got, expected) << line.substr(0, 300);
  }
  EXPECT_EQ(failures, 0);
}

TEST(PyMath, MatchesCPython) {
  std::map<std::string, int> counts;
  run_file(CPPY_NUMERICS_DATA_DIR "/pymath/pymath_data.txt", &counts);
  EXPECT_GT(counts["round"], 3000);
  EXPECT_GT(counts["fromhex"], 1000);
  EXPECT_GT(counts["fsum"], 1000);
  EXPECT_GT(counts["hypot"], 1000);
}

TEST(PyMath, GammaMatchesHostCPython) {
  std::map<std::string, int> counts;
  run_file(CPPY_NUMERICS_DATA_DIR "/pymath/gamma_data.txt", &counts);
  EXPECT_GT(counts["gamma"], 2000);
  EXPECT_GT(counts["lgamma"], 2000);
}

}  // namespace
