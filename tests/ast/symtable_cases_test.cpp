// The symbol table against CPython 3.14.2's on the symtable cases of tests/data/ast/ast_cases.txt
// (written by the reference running ast_cases.py): each case's AST is rebuilt from its
// S-expression, run through future_from_ast and symtable::build, and the resulting blocks
// (or the SyntaxError) are compared with what _symtable reported.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ast_sexp.h"
#include "ast_test_support.h"
#include "symtable_dump.h"
#include "objects/unicodeobject.h"
#include "symtable/symtable.h"

namespace cppy {
namespace {

using ast_test::Case;

class SymtableCases : public ::testing::TestWithParam<Case> {};

TEST_P(SymtableCases, MatchesReference) {
  ast_test::init_runtime();
  const Case& c = GetParam();
  ast::Arena arena;
  std::string error;
  ast::mod_ty mod = ast_sexp::parse_module(c.ast, &arena, &error);
  ASSERT_NE(mod, nullptr) << error;
  objects::Ref<> filename = objects::Ref<>::steal(objects::str_from_cstr("<case>"));
  ast::FutureFeatures future;
  std::vector<std::string> got;
  symtable::SymbolTable* st = nullptr;
  if (ast::future_from_ast(mod, filename.get(), &future)) {
    st = symtable::build(mod, filename.get(), &future);
  }
  if (st) {
    symtable_dump::dump(st->st_top, &got);
    symtable::symtable_free(st);
  } else {
    got.push_back(ast_test::syntax_error_line());
  }
  EXPECT_EQ(got, c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Reference, SymtableCases,
                         ::testing::ValuesIn(ast_test::load_cases("symtable")),
                         ast_test::CaseName());

}  // namespace
}  // namespace cppy
