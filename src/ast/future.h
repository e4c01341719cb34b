// __future__ statements: Python/future.c, Include/cpython/compile.h (PyCF_*) and
// Include/cpython/code.h (CO_FUTURE_*).
#pragma once

#include "ast/ast.h"

namespace cppy::ast {

// Compiler flags of the __future__ features (their compiler_flag in Lib/__future__.py).
inline constexpr int CO_NESTED = 0x0010;
inline constexpr int CO_FUTURE_DIVISION = 0x20000;
inline constexpr int CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
inline constexpr int CO_FUTURE_WITH_STATEMENT = 0x80000;
inline constexpr int CO_FUTURE_PRINT_FUNCTION = 0x100000;
inline constexpr int CO_FUTURE_UNICODE_LITERALS = 0x200000;
inline constexpr int CO_FUTURE_BARRY_AS_BDFL = 0x400000;
inline constexpr int CO_FUTURE_GENERATOR_STOP = 0x800000;
inline constexpr int CO_FUTURE_ANNOTATIONS = 0x1000000;

// compile() flags (PyCF_*), as the ast module exposes them.
inline constexpr int PyCF_DONT_IMPLY_DEDENT = 0x0200;
inline constexpr int PyCF_ONLY_AST = 0x0400;
inline constexpr int PyCF_IGNORE_COOKIE = 0x0800;
inline constexpr int PyCF_TYPE_COMMENTS = 0x1000;
inline constexpr int PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
inline constexpr int PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000;
inline constexpr int PyCF_OPTIMIZED_AST = 0x8000 | PyCF_ONLY_AST;

// _PyFutureFeatures: the features a module turns on, and where its last future statement
// is (-1s when there is none).
struct FutureFeatures {
  int ff_features = 0;
  SourceLocation ff_location = {-1, -1, -1, -1};
};

// _PyFuture_FromAST: scans the leading `from __future__ import` statements of a Module or
// Interactive body. 0 with SyntaxError set ("future feature X is not defined", "not a
// chance") on an unknown feature, else 1.
int future_from_ast(mod_ty mod, Object* filename, FutureFeatures* ff);

}  // namespace cppy::ast
