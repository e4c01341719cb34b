// The _random module (src/modules/_random) against the reference: the random sections of
// tools/numdata/cases.txt (sequences for fixed seeds, getrandbits, state, errors).
#include "modules/_random/randommodule.h"
#include "num_eval.h"

namespace numtest {
namespace {

TEST(NumRandom, ReferenceCases) { EXPECT_EQ(run_section("random", {"_random"}), 0); }

// Seeding from the OS gives different generators.
TEST(NumRandom, SeedFromOs) {
  Ref<> ns = Ref<>::steal(make_namespace({"_random"}));
  Evaluator ev(ns.get());
  std::string a = outcome(ev.eval("_random.Random().getrandbits(64)"));
  std::string b = outcome(ev.eval("_random.Random(None).getrandbits(64)"));
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace numtest
