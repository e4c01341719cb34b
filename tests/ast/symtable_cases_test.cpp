// The symbol table against CPython 3.14.2's on the symtable cases of tests/data/ast/ast_cases.txt
// (written by the reference running ast_cases.py): each case's AST is rebuilt from its
// S-expression, run through future_from_ast and symtable::build, and the resulting blocks
// (or the SyntaxError) are compared with what _symtable reported.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ast_sexp.h"
#include "ast_test_support.h"
#include "objects/unicodeobject.h"
#include "symtable/symtable.h"

namespace cppy {
namespace {

using ast_test::Case;

// The dump format of ast_cases.py.
void dump(symtable::SymbolTableEntry* ste, std::vector<std::string>* out,
          const std::string& indent) {
  std::string head = indent + std::to_string(ste->ste_type) + " " + ast_test::utf8(ste->ste_name) +
                     " " + std::to_string(ste->ste_loc.lineno) +
                     " nested=" + std::to_string(ste->ste_nested) + " varnames=";
  for (size_t i = 0; i < ste->ste_varnames.size(); i++) {
    if (i) head += ",";
    head += ast_test::utf8(ste->ste_varnames[i]);
  }
  out->push_back(head);
  std::vector<std::pair<std::string, long>> syms;
  for (objects::ssize i = 0; i < ste->ste_symbols.slots(); i++) {
    if (ste->ste_symbols.live(i)) {
      syms.emplace_back(ast_test::utf8(ste->ste_symbols.name_at(i)), ste->ste_symbols.flags_at(i));
    }
  }
  std::sort(syms.begin(), syms.end());
  std::string line = indent + "  ";
  for (size_t i = 0; i < syms.size(); i++) {
    if (i) line += " ";
    line += syms[i].first + "=" + std::to_string(syms[i].second);
  }
  out->push_back(line);
  for (auto* child : ste->ste_children) dump(child, out, indent + "  ");
}

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
    dump(st->st_top, &got, "");
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
