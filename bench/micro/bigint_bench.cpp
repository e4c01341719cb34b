// Big-int digit algorithms (src/objects/longobject_digits) on operands of N decimal digits;
// bench/micro/bigint_py.py times the same operations in CPython for comparison.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "objects/longobject_digits.h"

namespace {

namespace bi = cppy::objects::bigint;

// A reproducible N-digit decimal number.
bi::Int decimal_number(int ndigits, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(static_cast<size_t>(ndigits), '0');
  for (auto& c : s) c = static_cast<char>('0' + rng() % 10);
  s[0] = '7';
  bi::Int z;
  bi::from_string(s.data(), s.data() + s.size(), 10, 0, &z);
  return z;
}

void BM_Mul(benchmark::State& state) {
  bi::Int a = decimal_number(static_cast<int>(state.range(0)), 1);
  bi::Int b = decimal_number(static_cast<int>(state.range(0)), 2);
  for (auto _ : state) benchmark::DoNotOptimize(bi::mul(a, b));
}
BENCHMARK(BM_Mul)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_Square(benchmark::State& state) {
  bi::Int a = decimal_number(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(bi::mul(a, a));
}
BENCHMARK(BM_Square)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// 2N digits divided by N digits.
void BM_Divmod(benchmark::State& state) {
  int n = static_cast<int>(state.range(0));
  bi::Int a = decimal_number(2 * n, 3);
  bi::Int b = decimal_number(n, 4);
  for (auto _ : state) {
    bi::Int q, r;
    bi::divmod(a, b, &q, &r);
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_Divmod)->Arg(1000)->Arg(10000)->Arg(50000)->Unit(benchmark::kMicrosecond);

void BM_ToDecimal(benchmark::State& state) {
  bi::Int a = decimal_number(static_cast<int>(state.range(0)), 5);
  for (auto _ : state) benchmark::DoNotOptimize(bi::to_string(a, 10));
}
BENCHMARK(BM_ToDecimal)->Arg(1000)->Arg(10000)->Arg(50000)->Unit(benchmark::kMicrosecond);

void BM_FromDecimal(benchmark::State& state) {
  std::string s = bi::to_string(decimal_number(static_cast<int>(state.range(0)), 6), 10);
  for (auto _ : state) {
    bi::Int z;
    bi::from_string(s.data(), s.data() + s.size(), 10, 0, &z);
    benchmark::DoNotOptimize(z);
  }
}
BENCHMARK(BM_FromDecimal)->Arg(1000)->Arg(10000)->Arg(50000)->Unit(benchmark::kMicrosecond);

void BM_PowMod(benchmark::State& state) {
  bi::Int a = decimal_number(static_cast<int>(state.range(0)), 7);
  bi::Int e = decimal_number(static_cast<int>(state.range(0)), 8);
  bi::Int m = decimal_number(static_cast<int>(state.range(0)), 9);
  bi::View mv = m;
  for (auto _ : state) {
    bi::Int r;
    bi::pow(a, e, &mv, &r);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_PowMod)->Arg(300)->Unit(benchmark::kMicrosecond);

}  // namespace

namespace {

void BM_Gcd(benchmark::State& state) {
  bi::Int a = decimal_number(static_cast<int>(state.range(0)), 10);
  bi::Int b = decimal_number(static_cast<int>(state.range(0)), 11);
  for (auto _ : state) benchmark::DoNotOptimize(bi::gcd(a, b));
}
BENCHMARK(BM_Gcd)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace
