// Symbol-table parity with CPython 3.14.2 on the standard library.
//
//   symtable_parity LIBDIR SYMTABLE_TSV MIN_IDENTICAL [--show N] [--dump FILE]
//
// Parses every file listed in SYMTABLE_TSV (tests/data/ast/symtable_stdlib.tsv, written by the
// reference running tests/data/ast/symtable_stdlib.py), builds its symbol table and compares
// the SHA-256 of its text (tests/ast/symtable_dump.h) with the reference's. Prints
// "M/N identical" and fails when M is below MIN_IDENTICAL (the committed figure). --dump FILE
// prints one file's table.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "../ast/symtable_dump.h"
#include "parity_driver.h"
#include "ast/arena.h"
#include "ast/core_api.h"
#include "ast/future.h"
#include "objects/typeobject.h"
#include "parser/pegen.h"
#include "runtime/pystate.h"
#include "symtable/symtable.h"

using namespace cppy;

namespace {

// The table's text, or "error:..." for a parse or symbol-table error.
std::string table_text(const std::string& source, const std::string& rel) {
  ast::Arena arena;
  parser::ParseOptions options;
  parser::ParseResult r = parser::parse_string(source, rel, options, &arena);
  if (!r.mod) return "error:parser " + r.error.type + " " + r.error.message;
  objects::Object* filename = objects::str_from_utf8(rel.data(), static_cast<objects::ssize>(rel.size()));
  ast::FutureFeatures future;
  symtable::SymbolTable* st = nullptr;
  if (ast::future_from_ast(r.mod, filename, &future)) st = symtable::build(r.mod, filename, &future);
  objects::decref(filename);
  if (!st) {
    errors::clear();
    return "error:symtable";
  }
  std::vector<std::string> lines;
  symtable_dump::dump(st->st_top, &lines);
  symtable::symtable_free(st);
  std::string text;
  for (size_t i = 0; i < lines.size(); i++) {
    if (i) text += "\n";
    text += lines[i];
  }
  return text;
}

void init_runtime() {
  runtime::initialize_objects();
}

}  // namespace

int main(int argc, char** argv) {
  init_runtime();
  return tests::run_stdlib_parity(
      argc, argv, "symtable_parity LIBDIR SYMTABLE_TSV MIN_IDENTICAL [--show N] [--dump FILE]",
      1, false, [](const std::string& source, const std::string& rel, bool* is_error) {
        std::string text = table_text(source, rel);
        *is_error = text.rfind("error:", 0) == 0;
        return text;
      });
}
