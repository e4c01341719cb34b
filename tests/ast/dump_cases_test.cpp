// ast::dump (src/ast/dump.h) against CPython 3.14.2's ast.dump(tree, include_attributes=True)
// on the dump cases of tests/data/ast/ast_cases.txt.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ast/core_api.h"
#include "ast/dump.h"
#include "ast_sexp.h"
#include "ast_test_support.h"

namespace cppy {
namespace {

using ast_test::Case;

bool repr_of(objects::Object* o, std::string* out) {
  objects::Object* r = objects::object_repr(o);
  if (!r) {
    errors::clear();
    return false;
  }
  *out = ast_test::utf8(r);
  objects::decref(r);
  return true;
}

class DumpCases : public ::testing::TestWithParam<Case> {};

TEST_P(DumpCases, MatchesReference) {
  ast_test::init_runtime();
  const Case& c = GetParam();
  ast::Arena arena;
  std::string error;
  bool unsupported = false;
  ast::mod_ty mod = ast_sexp::parse_module(c.ast, &arena, &error, &unsupported);
  ASSERT_NE(mod, nullptr) << error;
  if (unsupported) GTEST_SKIP() << "constant type not available to the tree reader";
  std::string got;
  ASSERT_TRUE(ast::dump(mod, true, repr_of, &got)) << got;
  ASSERT_EQ(c.expected.size(), 1u);
  EXPECT_EQ(got, c.expected[0]);
}

// Without attributes, as ast.dump(tree) prints by default.
TEST(Dump, WithoutAttributes) {
  ast_test::init_runtime();
  ast::Arena arena;
  std::string error;
  ast::mod_ty mod = ast_sexp::parse_module(
      "(Module [(Expr 1 0 1 5 (Call 1 0 1 5 (Name 1 0 1 1 \"f\" Load) [(Constant 1 2 1 4 #int:12 "
      "None)] []))] [])",
      &arena, &error);
  ASSERT_NE(mod, nullptr) << error;
  std::string got;
  ASSERT_TRUE(ast::dump(mod, false, repr_of, &got));
  // ast.dump(ast.parse('f(12)')) on the reference.
  EXPECT_EQ(got,
            "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Constant(value=12)]))])");
}

INSTANTIATE_TEST_SUITE_P(Reference, DumpCases, ::testing::ValuesIn(ast_test::load_cases("dump")),
                         ast_test::CaseName());

}  // namespace
}  // namespace cppy
