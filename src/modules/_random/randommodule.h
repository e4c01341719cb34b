// The _random module: Modules/_randommodule.c, the Mersenne Twister (MT19937) behind
// random.Random, with CPython's seeding (init_by_array over the 32-bit words of abs(n)).
#pragma once

#include <cstdint>

#include "modules/moduledef.h"

namespace cppy::modules::random {

ModuleDef* module_def();

// The generator itself, usable without objects (tests, hash seeding).
struct MT19937 {
  static constexpr int N = 624;
  int index = N + 1;
  std::uint32_t state[N];
  void init_genrand(std::uint32_t s);                           // init_genrand
  void init_by_array(const std::uint32_t* key, std::size_t n);  // init_by_array
  std::uint32_t genrand_uint32();                               // genrand_uint32
  double random();                                              // random_random
};

}  // namespace cppy::modules::random
