// Passes and helpers over the AST: Python/ast.c (validation), _PyAST_GetDocString, source
// locations (Include/internal/pycore_compile.h _Py_SourceLocation), and the SyntaxError
// location helper the front end shares (PyErr_RangedSyntaxLocationObject).
#pragma once

#include "ast/ast_gen.h"

namespace cppy::ast {

// _Py_SourceLocation: 1-based lines, 0-based UTF-8 byte columns; -1 when unknown.
struct SourceLocation {
  int lineno;
  int col_offset;
  int end_lineno;
  int end_col_offset;
};

// SRC_LOCATION_FROM_AST: the position attributes of any node that has them.
template <class Node>
inline SourceLocation location_of(const Node* n) {
  return SourceLocation{n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
}

// _PyAST_Validate: 1 when the tree is one the compiler accepts; 0 with ValueError, TypeError
// (or RecursionError, MemoryError) set otherwise. Messages are CPython's.
int validate(mod_ty mod);

// _PyAST_GetDocString: the str constant that is the first statement of body (borrowed), or
// nullptr.
Object* get_docstring(asdl_stmt_seq* body);

// PyErr_RangedSyntaxLocationObject: adds filename, lineno, offset, end_lineno, end_offset
// (1-based offsets; a negative offset stores None) and the source line read from filename to
// the current exception, which must be set (a SyntaxError). filename may be null.
void ranged_syntax_location(Object* filename, int lineno, int col_offset, int end_lineno,
                            int end_col_offset);

// SET_ERROR_LOCATION of symtable.c and future.c: raises SyntaxError(message) located at loc
// (0-based columns are converted to the 1-based offsets of SyntaxError).
void raise_syntax_error_at(Object* filename, SourceLocation loc, const char* message);

}  // namespace cppy::ast
