// _PyAST_Validate against CPython 3.14.2 on the validate cases of tests/data/ast/ast_cases.txt:
// hand-built trees (rebuilt here from their S-expressions) and the error compile() raised for
// each, or "ok".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ast/ast.h"
#include "ast_sexp.h"
#include "ast_test_support.h"

namespace cppy {
namespace {

using ast_test::Case;

class ValidateCases : public ::testing::TestWithParam<Case> {};

TEST_P(ValidateCases, MatchesReference) {
  ast_test::init_runtime();
  const Case& c = GetParam();
  ast::Arena arena;
  std::string error;
  bool unsupported = false;
  ast::mod_ty mod = ast_sexp::parse_module(c.ast, &arena, &error, &unsupported);
  ASSERT_NE(mod, nullptr) << error;
  if (unsupported) GTEST_SKIP() << "constant type not available to the tree reader";
  std::string got = ast::validate(mod) ? "ok" : "error " + ast_test::error_line();
  ASSERT_EQ(c.expected.size(), 1u);
  EXPECT_EQ(got, c.expected[0]);
}

INSTANTIATE_TEST_SUITE_P(Reference, ValidateCases,
                         ::testing::ValuesIn(ast_test::load_cases("validate")),
                         ast_test::CaseName());

}  // namespace
}  // namespace cppy
