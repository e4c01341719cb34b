// The _struct module (src/modules/_struct) against the reference: the struct sections of
// tools/numdata/cases.txt (standard sizes from CPython 3.14.2; native LP64 sizes and
// alignments from the host's CPython).
#include "modules/_struct/structmodule.h"
#include "num_eval.h"

namespace numtest {
namespace {

TEST(NumStruct, ReferenceCases) { EXPECT_EQ(run_section("struct", {"_struct", "math"}), 0); }
TEST(NumStruct, NativeCases) { EXPECT_EQ(run_section("struct@host", {"_struct", "math"}), 0); }

// Every half-precision value round-trips through PyFloat_Pack2/Unpack2.
TEST(NumStruct, HalfRoundTrip) {
  using cppy::modules::struct_::float_pack2;
  using cppy::modules::struct_::float_unpack2;
  for (unsigned v = 0; v < 0x10000; ++v) {
    unsigned char in[2] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8)};
    double x = float_unpack2(in, true);
    unsigned char out[2];
    ASSERT_TRUE(float_pack2(x, out, true)) << v;
    EXPECT_EQ(out[0] | (out[1] << 8), static_cast<int>(v)) << v;
  }
}

}  // namespace
}  // namespace numtest
