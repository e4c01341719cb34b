// Shared by codegen.cpp and codegen_pattern.cpp: the emitting helpers of Python/codegen.c
// (ADDOP_*, codegen_nameop, codegen_jump_if) and the constants of the instruction set that
// the code generator names (pycore_intrinsics.h, pycore_code.h, ceval's oparg encodings).
#pragma once

#include "compile/codegen.h"
#include "compile/opcode_ids.h"
#include "compile/opcode_utils.h"

namespace cppy::compile {

inline constexpr int SUCCESS = 0;
inline constexpr int ERROR = -1;
#ifndef RETURN_IF_ERROR
#define RETURN_IF_ERROR(X) \
  do {                     \
    if ((X) == -1) {       \
      return ERROR;        \
    }                      \
  } while (0)
#endif

// _PY_STACK_USE_GUIDELINE.
inline constexpr int STACK_USE_GUIDELINE = 30;
// _Py_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS.
inline constexpr int ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS = 2;

// pycore_intrinsics.h.
inline constexpr int INTRINSIC_PRINT = 1;
inline constexpr int INTRINSIC_IMPORT_STAR = 2;
inline constexpr int INTRINSIC_STOPITERATION_ERROR = 3;
inline constexpr int INTRINSIC_ASYNC_GEN_WRAP = 4;
inline constexpr int INTRINSIC_UNARY_POSITIVE = 5;
inline constexpr int INTRINSIC_LIST_TO_TUPLE = 6;
inline constexpr int INTRINSIC_TYPEVAR = 7;
inline constexpr int INTRINSIC_PARAMSPEC = 8;
inline constexpr int INTRINSIC_TYPEVARTUPLE = 9;
inline constexpr int INTRINSIC_SUBSCRIPT_GENERIC = 10;
inline constexpr int INTRINSIC_TYPEALIAS = 11;
inline constexpr int INTRINSIC_PREP_RERAISE_STAR = 1;
inline constexpr int INTRINSIC_TYPEVAR_WITH_BOUND = 2;
inline constexpr int INTRINSIC_TYPEVAR_WITH_CONSTRAINTS = 3;
inline constexpr int INTRINSIC_SET_FUNCTION_TYPE_PARAMS = 4;
inline constexpr int INTRINSIC_SET_TYPEPARAM_DEFAULT = 5;

// LOAD_SPECIAL operands.
inline constexpr int SPECIAL___ENTER__ = 0;
inline constexpr int SPECIAL___EXIT__ = 1;
inline constexpr int SPECIAL___AENTER__ = 2;
inline constexpr int SPECIAL___AEXIT__ = 3;

// BINARY_OP operands (NB_*); the in-place forms follow at NB_INPLACE_ADD.
inline constexpr int NB_ADD = 0, NB_AND = 1, NB_FLOOR_DIVIDE = 2, NB_LSHIFT = 3,
                     NB_MATRIX_MULTIPLY = 4, NB_MULTIPLY = 5, NB_REMAINDER = 6, NB_OR = 7,
                     NB_POWER = 8, NB_RSHIFT = 9, NB_SUBTRACT = 10, NB_TRUE_DIVIDE = 11,
                     NB_XOR = 12, NB_INPLACE_ADD = 13, NB_SUBSCR = 26;

// CONVERT_VALUE operands.
inline constexpr int FVC_STR = 1, FVC_REPR = 2, FVC_ASCII = 3;

// COMPARE_OP masks (pycore_code.h).
inline constexpr int COMPARISON_UNORDERED = 1;
inline constexpr int COMPARISON_LESS_THAN = 2;
inline constexpr int COMPARISON_GREATER_THAN = 4;
inline constexpr int COMPARISON_EQUALS = 8;
inline constexpr int COMPARISON_NOT_EQUALS =
    COMPARISON_UNORDERED | COMPARISON_LESS_THAN | COMPARISON_GREATER_THAN;

// Pseudo opcodes of codegen_addop_name.
inline constexpr int CG_LOAD_METHOD = -1;
inline constexpr int CG_LOAD_SUPER_METHOD = -2;
inline constexpr int CG_LOAD_ZERO_SUPER_ATTR = -3;
inline constexpr int CG_LOAD_ZERO_SUPER_METHOD = -4;

// Which of the unit's name dicts an operand indexes.
enum class DictKind { Names, Varnames, Cellvars, Freevars };

// LOC(x).
template <class N>
inline Location LOC(const N* n) {
  return Location{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
}

Object* cg_id(const char* s);  // interned, borrowed
int cg_addop_i(Compiler* c, Location loc, int opcode, long oparg);
int cg_addop_load_const(Compiler* c, Location loc, const Konst* k);
int cg_dict_add(Compiler* c, DictKind which, Object* o);
int cg_addop_n(Compiler* c, Location loc, int opcode, Object* o, DictKind which);
int cg_addop_name(Compiler* c, Location loc, int opcode, Object* o, DictKind which);
int cg_addop_j(Compiler* c, Location loc, int opcode, JumpTargetLabel target);
int cg_use_label(Compiler* c, JumpTargetLabel l);
JumpTargetLabel cg_new_label(Compiler* c);
int cg_addcompare(Compiler* c, Location loc, int op);
int cg_addop_binary(Compiler* c, Location loc, int binop, bool inplace);
int cg_add_yield_from(Compiler* c, Location loc, int await);
int cg_nameop(Compiler* c, Location loc, Object* name, int ctx);
int cg_jump_if(Compiler* c, Location loc, ast::expr_ty e, JumpTargetLabel next, int cond);

int codegen_visit_stmt(Compiler* c, ast::stmt_ty s);
int codegen_visit_expr(Compiler* c, ast::expr_ty e);
int codegen_match(Compiler* c, ast::stmt_ty s);  // codegen_pattern.cpp

// _PyAST_ExprAsUnicode (Python/ast_unparse.c, ast_unparse.cpp), for
// `from __future__ import annotations`: the expression as source text (a new str), nullptr
// with an error set.
Object* expr_as_unicode(ast::expr_ty e);

}  // namespace cppy::compile
