// The binascii module (src/modules/binascii) against the reference: the binascii section of
// tools/numdata/cases.txt.
#include "num_eval.h"

namespace numtest {
namespace {

TEST(NumBinascii, ReferenceCases) { EXPECT_EQ(run_section("binascii", {"binascii"}), 0); }

}  // namespace
}  // namespace numtest
