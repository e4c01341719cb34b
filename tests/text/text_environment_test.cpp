// The text tests run inside cppy_unit_tests and need the object model initialised (exception
// types, type_ready of the static types) before they raise anything.
#include <gtest/gtest.h>

#include "objects/typeobject.h"

namespace {
class TextObjectsEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_EQ(cppy::runtime::initialize_objects(), 0); }
};
const auto* const g_env = ::testing::AddGlobalTestEnvironment(new TextObjectsEnvironment);
}  // namespace
