// The compiler's entry point (Python/compile.c _PyAST_Compile): AST -> code units.
//
// A compiled unit is kept as CodeData, the fields of a code object with its constants as
// Konsts, until the object layer's tuples are on main; code_object() (later) turns one into an
// objects::CodeObject.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ast/ast_gen.h"
#include "compile/assemble.h"
#include "compile/konst.h"
#include "objects/object.h"

namespace cppy::compile {

// What makecode (Python/assemble.c) puts in a code object.
struct CodeData {
  std::string name;
  std::string qualname;
  std::string filename;
  AssembledCode a;  // co_code, co_linetable, co_exceptiontable, sizes, flags, localsplus
  std::vector<std::string> names;          // co_names
  std::vector<const Konst*> consts;        // co_consts
  // Derived from a.localsplusnames / a.localspluskinds.
  std::vector<std::string> varnames() const;
  std::vector<std::string> cellvars() const;
  std::vector<std::string> freevars() const;
  int nlocals() const;
};

// A SyntaxError (or another error) raised by the compiler.
struct CompileFailure {
  std::string type;  // "SyntaxError", "SystemError", ...
  std::string message;
  int lineno = -1, col_offset = -1, end_lineno = -1, end_col_offset = -1;
};

struct CompileResult {
  std::shared_ptr<KonstFactory> konsts;  // owns the constants of `code`
  std::shared_ptr<CodeData> code;        // null on failure
  CompileFailure failure;
};

// Compiler flags (PyCompilerFlags cf_flags) the compiler reads.
inline constexpr int PyCF_MASK = 0x3fe0000;  // the CO_FUTURE_* bits

// _PyAST_Compile: compiles a Module (or Expression/Interactive) tree. optimize is -O's level
// (0, 1, 2). The tree may be modified (ast_preprocess).
CompileResult compile_ast(ast::mod_ty mod, const std::string& filename, int flags,
                          int optimize, ast::Arena* arena);

}  // namespace cppy::compile
