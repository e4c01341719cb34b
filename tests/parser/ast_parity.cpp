// AST parity with CPython 3.14.2 on the standard library.
//
//   parser_ast_parity LIBDIR STDLIB_TSV MIN_IDENTICAL [--show N] [--dump FILE]
//
// Parses every file listed in STDLIB_TSV (tests/data/parity/stdlib.tsv, written by
// tools/parity/make_reference.py) as ast.parse(source, path) would, prints
// ast.dump(tree, include_attributes=True) and compares its SHA-256 with the reference's.
// Files the reference rejects must be rejected too. Prints "M/N identical" and fails when M is
// below MIN_IDENTICAL (the committed figure). --dump FILE prints one file's dump.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ast/arena.h"
#include "ast/dump.h"
#include "parser/constants.h"
#include "parser/pegen.h"
#include "parity_driver.h"

using namespace cppy;

namespace {

// The dump text, or "error:Type" as the reference writes for a file it rejects.
std::string ast_text(const std::string& source, const std::string& rel, bool* is_error) {
  ast::Arena arena;
  parser::ParseOptions options;
  parser::ParseResult r = parser::parse_string(source, rel, options, &arena);
  *is_error = r.mod == nullptr;
  if (!r.mod) return "error:" + r.error.type + " " + r.error.message;
  std::string out;
  if (!ast::dump(r.mod, true, parser::constant_repr, &out)) return "error:repr";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return tests::run_stdlib_parity(
      argc, argv, "parser_ast_parity LIBDIR STDLIB_TSV MIN_IDENTICAL [--show N] [--dump FILE]", 1,
      true, ast_text);
}
