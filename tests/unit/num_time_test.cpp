// The time module (src/modules/time) against the reference: the time sections of
// tools/numdata/cases.txt, with TZ=UTC as the generator runs the host's reference.
#include <cstdlib>

#include "num_eval.h"

namespace numtest {
namespace {

class NumTime : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "UTC", 1);
    tzset();
  }
};

TEST_F(NumTime, ReferenceCases) { EXPECT_EQ(run_section("time", {"time"}), 0); }
TEST_F(NumTime, HostCases) { EXPECT_EQ(run_section("time@host", {"time"}), 0); }

// The clocks move forward and agree with their _ns forms.
TEST_F(NumTime, Clocks) {
  Ref<> ns = Ref<>::steal(make_namespace({"time"}));
  Evaluator ev(ns.get());
  for (const char* clock : {"time", "monotonic", "perf_counter", "process_time", "thread_time"}) {
    std::string a = std::string("time.") + clock + "()";
    std::string b = std::string("time.") + clock + "_ns()";
    Ref<> x = Ref<>::steal(ev.eval(a));
    Ref<> y = Ref<>::steal(ev.eval(b));
    ASSERT_TRUE(x && y) << error_text();
    double xs = float_value(x.get());
    double ys = static_cast<double>(long_as_long_long(y.get())) / 1e9;
    EXPECT_LE(xs, ys + 1e-6) << clock;
    EXPECT_GE(ys - xs, -1e-6) << clock;
    EXPECT_LT(ys - xs, 5.0) << clock;
  }
}

}  // namespace
}  // namespace numtest
