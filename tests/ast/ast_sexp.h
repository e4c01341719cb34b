// Test support: builds AST trees from the S-expression form that tests/data/ast's scripts
// print for CPython's own trees (see the comment of sexp() in symtable_cases.py):
//   (Class [lineno col end_lineno end_col] field...)  [item ...]  None  "str"  123  Load
//   #None #True #False #Ellipsis #int:N #float:R #str:"..." (other constants read as None and
//   mark the tree as unsupported)
// The per-type readers are generated (ast_sexp_gen.cpp, by tools/asdl/gen_ast.py).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"

namespace cppy::ast_sexp {

class Reader {
 public:
  Reader(std::string_view text, ast::Arena* arena) : text_(text), arena_(arena) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  void fail(const std::string& message);
  ast::Arena* arena() const { return arena_; }

  // Tokens.
  bool take_none();                   // consumes `None` if next
  bool open_node(std::string* cls);   // `(Class`
  bool close_node();                  // `)`
  bool open_list();                   // `[`
  bool close_list();                  // consumes `]` if next
  std::string word();                 // an enumeration value
  int integer();                      // a number (None reads as 0)
  ast::identifier identifier();       // "..." as a str owned by the arena, or None
  ast::constant constant();           // #... as an object owned by the arena
  ast::asdl_identifier_seq* identifier_seq();
  ast::asdl_int_seq* int_seq(const std::vector<int>& items);
  // Whether a constant could not be built (bytes, complex, tuple... in this test support).
  bool unsupported() const { return unsupported_; }

 private:
  void skip_space();
  bool string_literal(std::string* out);
  ast::Object* own(ast::Object* o);

  std::string_view text_;
  size_t pos_ = 0;
  ast::Arena* arena_;
  std::string error_;
  bool unsupported_ = false;
};

// The generated readers' entry point.
ast::mod_ty read_mod(Reader& r);

// Parses a whole tree; nullptr with *error set on a malformed text.
ast::mod_ty parse_module(std::string_view text, ast::Arena* arena, std::string* error,
                         bool* unsupported = nullptr);

}  // namespace cppy::ast_sexp
