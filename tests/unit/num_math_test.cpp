// The math module (src/modules/math) against the reference: every expression of the math
// sections of tools/numdata/cases.txt, results from tests/data/num/expected.tsv.
#include "num_eval.h"

namespace numtest {
namespace {

TEST(NumMath, ReferenceCases) { EXPECT_EQ(run_section("math", {"math"}), 0); }

// Values of the C library's functions, from the host's CPython (glibc, as cppy uses).
TEST(NumMath, LibmCases) { EXPECT_EQ(run_section("math@host", {"math"}), 0); }

}  // namespace
}  // namespace numtest
