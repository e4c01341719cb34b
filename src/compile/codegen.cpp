// AST -> instruction sequence (Python/codegen.c of CPython 3.14): statements, expressions,
// function and class definitions, comprehensions (PEP 709), annotations (PEP 649/749), type
// parameters (PEP 695/696), exception handling with its frame-block stack. Pattern matching
// is in codegen_pattern.cpp.
#include "compile/codegen_internal.h"

#include <climits>
#include <cstring>
#include <unordered_map>

#include "ast/ast.h"
#include "ast/future.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::compile {

using namespace ast;

// Interned identifiers the code generator names (_Py_ID / _Py_STR).
Object* cg_id(const char* s) {
  static std::unordered_map<std::string, Object*>* cache =
      new std::unordered_map<std::string, Object*>();
  auto it = cache->find(s);
  if (it != cache->end()) return it->second;
  Object* o = objects::str_intern_from_cstr(s);
  cache->emplace(s, o);
  return o;
}

namespace {
const int compare_masks[] = {
    COMPARISON_LESS_THAN,
    COMPARISON_LESS_THAN | COMPARISON_EQUALS,
    COMPARISON_EQUALS,
    COMPARISON_NOT_EQUALS,
    COMPARISON_GREATER_THAN,
    COMPARISON_GREATER_THAN | COMPARISON_EQUALS,
};
constexpr int Py_LT = 0, Py_LE = 1, Py_EQ = 2, Py_NE = 3, Py_GT = 4, Py_GE = 5;
}  // namespace

// ---- emitting ----

int cg_addop_i(Compiler* c, Location loc, int opcode, long oparg) {
  return c->u->instr_sequence->addop(opcode, int(oparg), loc);
}

int cg_addop_load_const(Compiler* c, Location loc, const Konst* k) {
  int arg = compile_add_const(c, k);
  if (arg < 0) return ERROR;
  return cg_addop_i(c, loc, LOAD_CONST, arg);
}

// _PyCompile_DictAddObj on one of the unit's name dicts; free variables are numbered after
// the cells (dictbytype's offset).
int cg_dict_add(Compiler* c, DictKind which, Object* o) {
  std::string k = utf8_of(o);
  CompilerUnit* u = c->u.get();
  switch (which) {
    case DictKind::Names: return u->names.add(k);
    case DictKind::Varnames: return u->varnames.add(k);
    case DictKind::Cellvars: return u->cellvars.add(k);
    case DictKind::Freevars: return u->freevars.add(k) + u->cellvars.size();
  }
  return ERROR;
}

int cg_addop_n(Compiler* c, Location loc, int opcode, Object* o, DictKind which) {
  int arg = cg_dict_add(c, which, o);
  RETURN_IF_ERROR(arg);
  return cg_addop_i(c, loc, opcode, arg);
}

// codegen_addop_name.
int cg_addop_name(Compiler* c, Location loc, int opcode, Object* o, DictKind which) {
  Object* mangled = compile_maybe_mangle(c, o);
  if (!mangled) return ERROR;
  long arg = cg_dict_add(c, which, mangled);
  objects::decref(mangled);
  RETURN_IF_ERROR(arg);
  if (opcode == LOAD_ATTR) arg <<= 1;
  if (opcode == CG_LOAD_METHOD) {
    opcode = LOAD_ATTR;
    arg = (arg << 1) | 1;
  }
  if (opcode == LOAD_SUPER_ATTR) arg = (arg << 2) | 2;
  if (opcode == CG_LOAD_SUPER_METHOD) {
    opcode = LOAD_SUPER_ATTR;
    arg = (arg << 2) | 3;
  }
  if (opcode == CG_LOAD_ZERO_SUPER_ATTR) {
    opcode = LOAD_SUPER_ATTR;
    arg <<= 2;
  }
  if (opcode == CG_LOAD_ZERO_SUPER_METHOD) {
    opcode = LOAD_SUPER_ATTR;
    arg = (arg << 2) | 1;
  }
  return cg_addop_i(c, loc, opcode, arg);
}

int cg_addop_j(Compiler* c, Location loc, int opcode, JumpTargetLabel target) {
  return c->u->instr_sequence->addop(opcode, target.id, loc);
}

int cg_use_label(Compiler* c, JumpTargetLabel l) {
  return c->u->instr_sequence->use_label(l.id);
}

JumpTargetLabel cg_new_label(Compiler* c) { return c->u->instr_sequence->new_label(); }

// codegen_addcompare.
int cg_addcompare(Compiler* c, Location loc, int op) {
  int cmp;
  switch (op) {
    case Eq: cmp = Py_EQ; break;
    case NotEq: cmp = Py_NE; break;
    case Lt: cmp = Py_LT; break;
    case LtE: cmp = Py_LE; break;
    case Gt: cmp = Py_GT; break;
    case GtE: cmp = Py_GE; break;
    case Is: return cg_addop_i(c, loc, IS_OP, 0);
    case IsNot: return cg_addop_i(c, loc, IS_OP, 1);
    case In: return cg_addop_i(c, loc, CONTAINS_OP, 0);
    case NotIn: return cg_addop_i(c, loc, CONTAINS_OP, 1);
    default: return ERROR;
  }
  return cg_addop_i(c, loc, COMPARE_OP, (cmp << 5) | compare_masks[cmp]);
}

// addop_binary.
int cg_addop_binary(Compiler* c, Location loc, int binop, bool inplace) {
  int oparg;
  switch (binop) {
    case Add: oparg = NB_ADD; break;
    case Sub: oparg = NB_SUBTRACT; break;
    case Mult: oparg = NB_MULTIPLY; break;
    case MatMult: oparg = NB_MATRIX_MULTIPLY; break;
    case Div: oparg = NB_TRUE_DIVIDE; break;
    case Mod: oparg = NB_REMAINDER; break;
    case Pow: oparg = NB_POWER; break;
    case LShift: oparg = NB_LSHIFT; break;
    case RShift: oparg = NB_RSHIFT; break;
    case BitOr: oparg = NB_OR; break;
    case BitXor: oparg = NB_XOR; break;
    case BitAnd: oparg = NB_AND; break;
    case FloorDiv: oparg = NB_FLOOR_DIVIDE; break;
    default: return ERROR;
  }
  if (inplace) oparg += NB_INPLACE_ADD;
  return cg_addop_i(c, loc, BINARY_OP, oparg);
}

namespace {

#define ADDOP(C, LOC, OP) RETURN_IF_ERROR(cg_addop_i((C), (LOC), (OP), 0))
#define ADDOP_I(C, LOC, OP, O) RETURN_IF_ERROR(cg_addop_i((C), (LOC), (OP), (O)))
#define ADDOP_JUMP(C, LOC, OP, O) RETURN_IF_ERROR(cg_addop_j((C), (LOC), (OP), (O)))
#define ADDOP_LOAD_CONST(C, LOC, K) RETURN_IF_ERROR(cg_addop_load_const((C), (LOC), (K)))
#define ADDOP_NAME(C, LOC, OP, O, D) RETURN_IF_ERROR(cg_addop_name((C), (LOC), (OP), (O), (D)))
#define ADDOP_N(C, LOC, OP, O, D) RETURN_IF_ERROR(cg_addop_n((C), (LOC), (OP), (O), (D)))
#define ADDOP_COMPARE(C, LOC, CMP) RETURN_IF_ERROR(cg_addcompare((C), (LOC), (CMP)))
#define ADDOP_BINARY(C, LOC, B) RETURN_IF_ERROR(cg_addop_binary((C), (LOC), (B), false))
#define ADDOP_INPLACE(C, LOC, B) RETURN_IF_ERROR(cg_addop_binary((C), (LOC), (B), true))
#define USE_LABEL(C, L) RETURN_IF_ERROR(cg_use_label((C), (L)))
#define NEW_LABEL(C, NAME) JumpTargetLabel NAME = cg_new_label(C)
#define VISIT(C, TYPE, V) RETURN_IF_ERROR(codegen_visit_##TYPE((C), (V)))
#define VISIT_SEQ(C, TYPE, SEQ)                                     \
  do {                                                              \
    auto* seq_ = (SEQ);                                             \
    for (ssize i_ = 0; i_ < asdl_seq_LEN(seq_); i_++) {             \
      RETURN_IF_ERROR(codegen_visit_##TYPE((C), asdl_seq_GET(seq_, i_))); \
    }                                                               \
  } while (0)
#define RETURN_IF_ERROR_IN_SCOPE(C, X) \
  do {                                 \
    if ((X) < 0) {                     \
      compile_exit_scope(C);           \
      return ERROR;                    \
    }                                  \
  } while (0)

KonstFactory* K(Compiler* c) { return c->konsts.get(); }
const Konst* kconst(Compiler* c, Object* o) { return c->konsts->from_object(o); }
bool ident_eq(Object* o, const char* s) { return utf8_of(o) == s; }
symtable::SymbolTableEntry* STE(Compiler* c) { return c->u->ste; }
int SCOPE_TYPE(Compiler* c) { return c->u->scope_type; }
bool future_annotations(Compiler* c) { return c->future.ff_features & CO_FUTURE_ANNOTATIONS; }

int codegen_visit_keyword(Compiler* c, keyword_ty k);
int codegen_augassign(Compiler* c, stmt_ty s);
int codegen_annassign(Compiler* c, stmt_ty s);
int codegen_subscript(Compiler* c, expr_ty e);
int codegen_slice_two_parts(Compiler* c, expr_ty e);
int codegen_slice(Compiler* c, expr_ty e);
int codegen_body(Compiler* c, Location loc, asdl_stmt_seq* stmts, bool is_interactive);
int codegen_with_inner(Compiler* c, stmt_ty s, int pos);
int codegen_async_with_inner(Compiler* c, stmt_ty s, int pos);
int codegen_call_simple_kw_helper(Compiler* c, Location loc, asdl_keyword_seq* keywords,
                                  ssize nkwelts);
int codegen_call_helper_impl(Compiler* c, Location loc, int n, asdl_expr_seq* args,
                             Object* injected_arg, asdl_keyword_seq* keywords);
int codegen_call_helper(Compiler* c, Location loc, int n, asdl_expr_seq* args,
                        asdl_keyword_seq* keywords) {
  return codegen_call_helper_impl(c, loc, n, args, nullptr, keywords);
}
int codegen_try_except(Compiler* c, stmt_ty s);
int codegen_try_star_except(Compiler* c, stmt_ty s);
int codegen_comprehension_generator(Compiler* c, Location loc,
                                    asdl_comprehension_seq* generators, int gen_index,
                                    int depth, expr_ty elt, expr_ty val, int type,
                                    int iter_on_stack);
int codegen_make_closure(Compiler* c, Location loc, const std::shared_ptr<CodeData>& co,
                         int flags);

constexpr int COMP_GENEXP = 0, COMP_LISTCOMP = 1, COMP_SETCOMP = 2, COMP_DICTCOMP = 3;

int codegen_call_exit_with_nones(Compiler* c, Location loc) {
  ADDOP_LOAD_CONST(c, loc, K(c)->none());
  ADDOP_LOAD_CONST(c, loc, K(c)->none());
  ADDOP_LOAD_CONST(c, loc, K(c)->none());
  ADDOP_I(c, loc, CALL, 3);
  return SUCCESS;
}

}  // namespace

// codegen_add_yield_from.
int cg_add_yield_from(Compiler* c, Location loc, int await) {
  NEW_LABEL(c, send);
  NEW_LABEL(c, fail);
  NEW_LABEL(c, exit);
  USE_LABEL(c, send);
  ADDOP_JUMP(c, loc, SEND, exit);
  ADDOP_JUMP(c, loc, SETUP_FINALLY, fail);
  ADDOP_I(c, loc, YIELD_VALUE, 1);
  ADDOP(c, kNoLocation, POP_BLOCK);
  ADDOP_I(c, loc, RESUME, await ? RESUME_AFTER_AWAIT : RESUME_AFTER_YIELD_FROM);
  ADDOP_JUMP(c, loc, JUMP_NO_INTERRUPT, send);
  USE_LABEL(c, fail);
  ADDOP(c, loc, CLEANUP_THROW);
  USE_LABEL(c, exit);
  ADDOP(c, loc, END_SEND);
  return SUCCESS;
}

namespace {

#define ADD_YIELD_FROM(C, LOC, AW) RETURN_IF_ERROR(cg_add_yield_from((C), (LOC), (AW)))

int codegen_pop_except_and_reraise(Compiler* c, Location loc) {
  ADDOP_I(c, loc, COPY, 3);
  ADDOP(c, loc, POP_EXCEPT);
  ADDOP_I(c, loc, RERAISE, 1);
  return SUCCESS;
}
#define POP_EXCEPT_AND_RERAISE(C, LOC) RETURN_IF_ERROR(codegen_pop_except_and_reraise((C), (LOC)))

// codegen_unwind_fblock.
int codegen_unwind_fblock(Compiler* c, Location* ploc, FBlockInfo* info, int preserve_tos) {
  switch (info->fb_type) {
    case COMPILE_FBLOCK_WHILE_LOOP:
    case COMPILE_FBLOCK_EXCEPTION_HANDLER:
    case COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER:
    case COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR:
    case COMPILE_FBLOCK_STOP_ITERATION:
      return SUCCESS;
    case COMPILE_FBLOCK_FOR_LOOP:
      if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
      ADDOP(c, *ploc, POP_TOP);
      return SUCCESS;
    case COMPILE_FBLOCK_TRY_EXCEPT:
      ADDOP(c, *ploc, POP_BLOCK);
      return SUCCESS;
    case COMPILE_FBLOCK_FINALLY_TRY:
      ADDOP(c, *ploc, POP_BLOCK);
      if (preserve_tos) {
        RETURN_IF_ERROR(compile_push_fblock(c, *ploc, COMPILE_FBLOCK_POP_VALUE, kNoLabel,
                                            kNoLabel, nullptr));
      }
      VISIT_SEQ(c, stmt, static_cast<asdl_stmt_seq*>(const_cast<void*>(info->fb_datum)));
      if (preserve_tos) compile_pop_fblock(c, COMPILE_FBLOCK_POP_VALUE, kNoLabel);
      *ploc = kNoLocation;
      return SUCCESS;
    case COMPILE_FBLOCK_FINALLY_END:
      if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
      ADDOP(c, *ploc, POP_TOP);
      if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
      ADDOP(c, *ploc, POP_BLOCK);
      ADDOP(c, *ploc, POP_EXCEPT);
      return SUCCESS;
    case COMPILE_FBLOCK_WITH:
    case COMPILE_FBLOCK_ASYNC_WITH:
      *ploc = info->fb_loc;
      ADDOP(c, *ploc, POP_BLOCK);
      if (preserve_tos) {
        ADDOP_I(c, *ploc, SWAP, 3);
        ADDOP_I(c, *ploc, SWAP, 2);
      }
      RETURN_IF_ERROR(codegen_call_exit_with_nones(c, *ploc));
      if (info->fb_type == COMPILE_FBLOCK_ASYNC_WITH) {
        ADDOP_I(c, *ploc, GET_AWAITABLE, 2);
        ADDOP_LOAD_CONST(c, *ploc, K(c)->none());
        ADD_YIELD_FROM(c, *ploc, 1);
      }
      ADDOP(c, *ploc, POP_TOP);
      *ploc = kNoLocation;
      return SUCCESS;
    case COMPILE_FBLOCK_HANDLER_CLEANUP: {
      if (info->fb_datum) ADDOP(c, *ploc, POP_BLOCK);
      if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
      ADDOP(c, *ploc, POP_BLOCK);
      ADDOP(c, *ploc, POP_EXCEPT);
      if (info->fb_datum) {
        Object* name = static_cast<Object*>(const_cast<void*>(info->fb_datum));
        ADDOP_LOAD_CONST(c, *ploc, K(c)->none());
        RETURN_IF_ERROR(cg_nameop(c, *ploc, name, Store));
        RETURN_IF_ERROR(cg_nameop(c, *ploc, name, Del));
      }
      return SUCCESS;
    }
    case COMPILE_FBLOCK_POP_VALUE:
      if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
      ADDOP(c, *ploc, POP_TOP);
      return SUCCESS;
  }
  return ERROR;
}

// codegen_unwind_fblock_stack.
int codegen_unwind_fblock_stack(Compiler* c, Location* ploc, int preserve_tos,
                                FBlockInfo** loop) {
  FBlockInfo* top = compile_top_fblock(c);
  if (!top) return SUCCESS;
  if (top->fb_type == COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER) {
    return compile_error(c, *ploc,
                         "'break', 'continue' and 'return' cannot appear in an except* block");
  }
  if (loop && (top->fb_type == COMPILE_FBLOCK_WHILE_LOOP ||
               top->fb_type == COMPILE_FBLOCK_FOR_LOOP)) {
    *loop = top;
    return SUCCESS;
  }
  FBlockInfo copy = *top;
  compile_pop_fblock(c, top->fb_type, top->fb_block);
  RETURN_IF_ERROR(codegen_unwind_fblock(c, ploc, &copy, preserve_tos));
  RETURN_IF_ERROR(codegen_unwind_fblock_stack(c, ploc, preserve_tos, loop));
  compile_push_fblock(c, copy.fb_loc, copy.fb_type, copy.fb_block, copy.fb_exit,
                      copy.fb_datum);
  return SUCCESS;
}

// codegen_enter_scope.
int codegen_enter_scope(Compiler* c, Object* name, int scope_type, const void* key, int lineno,
                        Object* private_name, const UnitArgs* umd) {
  RETURN_IF_ERROR(compile_enter_scope(c, name, scope_type, key, lineno, private_name, umd));
  Location loc{lineno, lineno, 0, 0};
  if (scope_type == COMPILE_SCOPE_MODULE) loc.lineno = 0;
  ADDOP_I(c, loc, RESUME, RESUME_AT_FUNC_START);
  if (scope_type == COMPILE_SCOPE_MODULE) ADDOP(c, loc, ANNOTATIONS_PLACEHOLDER);
  return SUCCESS;
}

int codegen_setup_annotations_scope(Compiler* c, Location loc, const void* key, Object* name) {
  UnitArgs umd;
  umd.posonlyargcount = 1;
  RETURN_IF_ERROR(codegen_enter_scope(c, name, COMPILE_SCOPE_ANNOTATIONS, key, loc.lineno,
                                      nullptr, &umd));
  ADDOP_I(c, loc, LOAD_FAST, 0);
  ADDOP_LOAD_CONST(c, loc, K(c)->integer(ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS));
  ADDOP_I(c, loc, COMPARE_OP, (Py_GT << 5) | compare_masks[Py_GT]);
  NEW_LABEL(c, body);
  ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, body);
  ADDOP_I(c, loc, LOAD_COMMON_CONSTANT, CONSTANT_NOTIMPLEMENTEDERROR);
  ADDOP_I(c, loc, RAISE_VARARGS, 1);
  USE_LABEL(c, body);
  return SUCCESS;
}

int codegen_leave_annotations_scope(Compiler* c, Location loc) {
  RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_i(c, loc, RETURN_VALUE, 0));
  std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 1);
  if (!co) return ERROR;
  // The parameter is ".format" in the symbol table, "format" in the signature.
  if (!co->a.localsplusnames.empty()) co->a.localsplusnames[0] = "format";
  compile_exit_scope(c);
  return codegen_make_closure(c, loc, co, 0);
}

int codegen_process_deferred_annotations(Compiler* c, Location loc) {
  if (!c->u->has_deferred) return SUCCESS;
  std::vector<stmt_ty> deferred = c->u->deferred_annotations;
  std::vector<long> indices = c->u->conditional_annotation_indices;
  int scope_type = SCOPE_TYPE(c);
  bool need_separate_block = scope_type == COMPILE_SCOPE_MODULE;
  if (need_separate_block) RETURN_IF_ERROR(compile_start_annotation_setup(c));
  symtable::SymbolTableEntry* ste = STE(c);
  const void* key = symtable::annotations_key(ste);
  RETURN_IF_ERROR(
      codegen_setup_annotations_scope(c, loc, key, ste->ste_annotation_block->ste_name));
  auto body = [&]() -> int {
    ADDOP_I(c, loc, BUILD_MAP, 0);
    for (size_t i = 0; i < deferred.size(); i++) {
      stmt_ty st = deferred[i];
      Object* mangled = compile_mangle(c, st->v.AnnAssign.target->v.Name.id);
      if (!mangled) return ERROR;
      long idx = indices[i];
      NEW_LABEL(c, not_set);
      if (idx != -1) {
        ADDOP_LOAD_CONST(c, LOC(st), K(c)->integer(idx));
        if (scope_type == COMPILE_SCOPE_CLASS) {
          ADDOP_NAME(c, LOC(st), LOAD_DEREF, cg_id("__conditional_annotations__"),
                     DictKind::Freevars);
        } else {
          ADDOP_NAME(c, LOC(st), LOAD_GLOBAL, cg_id("__conditional_annotations__"),
                     DictKind::Names);
        }
        ADDOP_I(c, LOC(st), CONTAINS_OP, 0);
        ADDOP_JUMP(c, LOC(st), POP_JUMP_IF_FALSE, not_set);
      }
      VISIT(c, expr, st->v.AnnAssign.annotation);
      ADDOP_I(c, LOC(st), COPY, 2);
      int r = cg_addop_load_const(c, LOC(st), K(c)->from_new_object(mangled));
      RETURN_IF_ERROR(r);
      ADDOP(c, loc, STORE_SUBSCR);
      USE_LABEL(c, not_set);
    }
    return SUCCESS;
  };
  if (body() < 0) {
    compile_exit_scope(c);
    return ERROR;
  }
  RETURN_IF_ERROR(codegen_leave_annotations_scope(c, loc));
  RETURN_IF_ERROR(cg_nameop(
      c, loc,
      ste->ste_type == symtable::ClassBlock ? cg_id("__annotate_func__") : cg_id("__annotate__"),
      Store));
  if (need_separate_block) RETURN_IF_ERROR(compile_end_annotation_setup(c));
  return SUCCESS;
}

int codegen_body(Compiler* c, Location loc, asdl_stmt_seq* stmts, bool is_interactive) {
  symtable::SymbolTableEntry* ste = STE(c);
  if (future_annotations(c) && ste->ste_annotations_used) ADDOP(c, loc, SETUP_ANNOTATIONS);
  if (!asdl_seq_LEN(stmts)) return SUCCESS;
  ssize first_instr = 0;
  if (!is_interactive && ste->ste_has_docstring) {
    Object* docstring = get_docstring(stmts);
    first_instr = 1;
    std::string cleandoc = compile_clean_doc(utf8_of(docstring));
    stmt_ty st = asdl_seq_GET(stmts, 0);
    ADDOP_LOAD_CONST(c, LOC(st->v.Expr.value), K(c)->str(cleandoc));
    RETURN_IF_ERROR(cg_nameop(c, kNoLocation, cg_id("__doc__"), Store));
  }
  for (ssize i = first_instr; i < asdl_seq_LEN(stmts); i++) {
    VISIT(c, stmt, asdl_seq_GET(stmts, i));
  }
  if (!future_annotations(c)) RETURN_IF_ERROR(codegen_process_deferred_annotations(c, loc));
  return SUCCESS;
}

// codegen_make_closure.
int codegen_make_closure(Compiler* c, Location loc, const std::shared_ptr<CodeData>& co,
                         int flags) {
  std::vector<std::string> frees = co->freevars();
  if (!frees.empty()) {
    for (const std::string& name : frees) {
      int arg = compile_lookup_arg(c, co.get(), name);
      RETURN_IF_ERROR(arg);
      ADDOP_I(c, loc, LOAD_CLOSURE, arg);
    }
    flags |= MAKE_FUNCTION_CLOSURE;
    ADDOP_I(c, loc, BUILD_TUPLE, long(frees.size()));
  }
  ADDOP_LOAD_CONST(c, loc, K(c)->code(co));
  ADDOP(c, loc, MAKE_FUNCTION);
  if (flags & MAKE_FUNCTION_CLOSURE)
    ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_CLOSURE);
  if (flags & MAKE_FUNCTION_ANNOTATIONS)
    ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATIONS);
  if (flags & MAKE_FUNCTION_ANNOTATE)
    ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATE);
  if (flags & MAKE_FUNCTION_KWDEFAULTS)
    ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_KWDEFAULTS);
  if (flags & MAKE_FUNCTION_DEFAULTS)
    ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_DEFAULTS);
  return SUCCESS;
}

int codegen_decorators(Compiler* c, asdl_expr_seq* decos) {
  for (ssize i = 0; i < asdl_seq_LEN(decos); i++) VISIT(c, expr, asdl_seq_GET(decos, i));
  return SUCCESS;
}

int codegen_apply_decorators(Compiler* c, asdl_expr_seq* decos) {
  for (ssize i = asdl_seq_LEN(decos) - 1; i > -1; i--) {
    ADDOP_I(c, LOC(asdl_seq_GET(decos, i)), CALL, 0);
  }
  return SUCCESS;
}

int codegen_kwonlydefaults(Compiler* c, Location loc, asdl_arg_seq* kwonlyargs,
                           asdl_expr_seq* kw_defaults) {
  int default_count = 0;
  for (ssize i = 0; i < asdl_seq_LEN(kwonlyargs); i++) {
    arg_ty arg = asdl_seq_GET(kwonlyargs, i);
    expr_ty default_ = asdl_seq_GET(kw_defaults, i);
    if (default_) {
      default_count++;
      Object* mangled = compile_maybe_mangle(c, arg->arg);
      if (!mangled) return ERROR;
      ADDOP_LOAD_CONST(c, loc, K(c)->from_new_object(mangled));
      VISIT(c, expr, default_);
    }
  }
  if (default_count) {
    ADDOP_I(c, loc, BUILD_MAP, default_count);
    return 1;
  }
  return 0;
}

int codegen_visit_annexpr(Compiler* c, expr_ty annotation) {
  Object* text = expr_as_unicode(annotation);
  if (!text) return ERROR;
  ADDOP_LOAD_CONST(c, LOC(annotation), K(c)->from_new_object(text));
  return SUCCESS;
}

int codegen_argannotation(Compiler* c, Object* id, expr_ty annotation, ssize* annotations_len,
                          Location loc) {
  if (!annotation) return SUCCESS;
  Object* mangled = compile_maybe_mangle(c, id);
  if (!mangled) return ERROR;
  ADDOP_LOAD_CONST(c, loc, K(c)->from_new_object(mangled));
  if (future_annotations(c)) {
    VISIT(c, annexpr, annotation);
  } else {
    if (annotation->kind == Starred_kind) {
      VISIT(c, expr, annotation->v.Starred.value);
      ADDOP_I(c, loc, UNPACK_SEQUENCE, 1);
    } else {
      VISIT(c, expr, annotation);
    }
  }
  *annotations_len += 1;
  return SUCCESS;
}

int codegen_argannotations(Compiler* c, asdl_arg_seq* args, ssize* annotations_len,
                           Location loc) {
  for (ssize i = 0; i < asdl_seq_LEN(args); i++) {
    arg_ty arg = asdl_seq_GET(args, i);
    RETURN_IF_ERROR(codegen_argannotation(c, arg->arg, arg->annotation, annotations_len, loc));
  }
  return SUCCESS;
}

int codegen_annotations_in_scope(Compiler* c, Location loc, arguments_ty args, expr_ty returns,
                                 ssize* annotations_len) {
  RETURN_IF_ERROR(codegen_argannotations(c, args->args, annotations_len, loc));
  RETURN_IF_ERROR(codegen_argannotations(c, args->posonlyargs, annotations_len, loc));
  if (args->vararg && args->vararg->annotation) {
    RETURN_IF_ERROR(codegen_argannotation(c, args->vararg->arg, args->vararg->annotation,
                                          annotations_len, loc));
  }
  RETURN_IF_ERROR(codegen_argannotations(c, args->kwonlyargs, annotations_len, loc));
  if (args->kwarg && args->kwarg->annotation) {
    RETURN_IF_ERROR(codegen_argannotation(c, args->kwarg->arg, args->kwarg->annotation,
                                          annotations_len, loc));
  }
  RETURN_IF_ERROR(codegen_argannotation(c, cg_id("return"), returns, annotations_len, loc));
  return 0;
}

int codegen_function_annotations(Compiler* c, Location loc, arguments_ty args,
                                 expr_ty returns) {
  ssize annotations_len = 0;
  symtable::SymbolTableEntry* ste = nullptr;
  RETURN_IF_ERROR(symtable::lookup_optional(c->st, args, &ste));
  if (ste && ste->ste_annotations_used) {
    RETURN_IF_ERROR(codegen_setup_annotations_scope(c, loc, args, ste->ste_name));
    RETURN_IF_ERROR_IN_SCOPE(
        c, codegen_annotations_in_scope(c, loc, args, returns, &annotations_len));
    ADDOP_I(c, loc, BUILD_MAP, annotations_len);
    RETURN_IF_ERROR(codegen_leave_annotations_scope(c, loc));
    return MAKE_FUNCTION_ANNOTATE;
  }
  return 0;
}

int codegen_defaults(Compiler* c, arguments_ty args, Location loc) {
  VISIT_SEQ(c, expr, args->defaults);
  ADDOP_I(c, loc, BUILD_TUPLE, asdl_seq_LEN(args->defaults));
  return SUCCESS;
}

int codegen_default_arguments(Compiler* c, Location loc, arguments_ty args) {
  int funcflags = 0;
  if (args->defaults && asdl_seq_LEN(args->defaults) > 0) {
    RETURN_IF_ERROR(codegen_defaults(c, args, loc));
    funcflags |= MAKE_FUNCTION_DEFAULTS;
  }
  if (args->kwonlyargs) {
    int res = codegen_kwonlydefaults(c, loc, args->kwonlyargs, args->kw_defaults);
    RETURN_IF_ERROR(res);
    if (res > 0) funcflags |= MAKE_FUNCTION_KWDEFAULTS;
  }
  return funcflags;
}

int codegen_wrap_in_stopiteration_handler(Compiler* c) {
  NEW_LABEL(c, handler);
  RETURN_IF_ERROR(
      c->u->instr_sequence->insert_instruction(0, SETUP_CLEANUP, handler.id, kNoLocation));
  ADDOP_LOAD_CONST(c, kNoLocation, K(c)->none());
  ADDOP(c, kNoLocation, RETURN_VALUE);
  USE_LABEL(c, handler);
  ADDOP_I(c, kNoLocation, CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR);
  ADDOP_I(c, kNoLocation, RERAISE, 1);
  return SUCCESS;
}

int codegen_type_param_bound_or_default(Compiler* c, expr_ty e, Object* name, const void* key,
                                        bool allow_starred) {
  ADDOP_LOAD_CONST(c, LOC(e), K(c)->tuple({K(c)->integer(1)}));
  RETURN_IF_ERROR(codegen_setup_annotations_scope(c, LOC(e), key, name));
  if (allow_starred && e->kind == Starred_kind) {
    VISIT(c, expr, e->v.Starred.value);
    ADDOP_I(c, LOC(e), UNPACK_SEQUENCE, 1);
  } else {
    VISIT(c, expr, e);
  }
  RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_i(c, LOC(e), RETURN_VALUE, 0));
  std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 1);
  compile_exit_scope(c);
  if (!co) return ERROR;
  return codegen_make_closure(c, LOC(e), co, MAKE_FUNCTION_DEFAULTS);
}

int codegen_type_params(Compiler* c, asdl_type_param_seq* type_params) {
  if (!type_params) return SUCCESS;
  ssize n = asdl_seq_LEN(type_params);
  bool seen_default = false;
  for (ssize i = 0; i < n; i++) {
    type_param_ty tp = asdl_seq_GET(type_params, i);
    Location loc = LOC(tp);
    Object* name = nullptr;
    expr_ty default_ = nullptr;
    switch (tp->kind) {
      case TypeVar_kind:
        name = tp->v.TypeVar.name;
        default_ = tp->v.TypeVar.default_value;
        ADDOP_LOAD_CONST(c, loc, kconst(c, name));
        if (tp->v.TypeVar.bound) {
          expr_ty bound = tp->v.TypeVar.bound;
          RETURN_IF_ERROR(codegen_type_param_bound_or_default(c, bound, name, tp, false));
          int intrinsic = bound->kind == Tuple_kind ? INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                                                    : INTRINSIC_TYPEVAR_WITH_BOUND;
          ADDOP_I(c, loc, CALL_INTRINSIC_2, intrinsic);
        } else {
          ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVAR);
        }
        if (default_) {
          seen_default = true;
          RETURN_IF_ERROR(codegen_type_param_bound_or_default(
              c, default_, name, reinterpret_cast<const char*>(tp) + 1, false));
          ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT);
        } else if (seen_default) {
          return compile_error(c, loc,
                               "non-default type parameter '" + utf8_of(name) +
                                   "' follows default type parameter");
        }
        break;
      case TypeVarTuple_kind:
      case ParamSpec_kind: {
        bool tuple = tp->kind == TypeVarTuple_kind;
        name = tuple ? tp->v.TypeVarTuple.name : tp->v.ParamSpec.name;
        default_ = tuple ? tp->v.TypeVarTuple.default_value : tp->v.ParamSpec.default_value;
        ADDOP_LOAD_CONST(c, loc, kconst(c, name));
        ADDOP_I(c, loc, CALL_INTRINSIC_1, tuple ? INTRINSIC_TYPEVARTUPLE : INTRINSIC_PARAMSPEC);
        if (default_) {
          RETURN_IF_ERROR(codegen_type_param_bound_or_default(c, default_, name, tp, tuple));
          ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT);
          seen_default = true;
        } else if (seen_default) {
          return compile_error(c, loc,
                               "non-default type parameter '" + utf8_of(name) +
                                   "' follows default type parameter");
        }
        break;
      }
    }
    ADDOP_I(c, loc, COPY, 1);
    RETURN_IF_ERROR(cg_nameop(c, loc, name, Store));
  }
  ADDOP_I(c, LOC(asdl_seq_GET(type_params, 0)), BUILD_TUPLE, n);
  return SUCCESS;
}

int codegen_function_body(Compiler* c, stmt_ty s, int is_async, int funcflags,
                          int firstlineno) {
  arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
  Object* name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
  asdl_stmt_seq* body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
  int scope_type = is_async ? COMPILE_SCOPE_ASYNC_FUNCTION : COMPILE_SCOPE_FUNCTION;
  UnitArgs umd;
  umd.argcount = int(asdl_seq_LEN(args->args));
  umd.posonlyargcount = int(asdl_seq_LEN(args->posonlyargs));
  umd.kwonlyargcount = int(asdl_seq_LEN(args->kwonlyargs));
  RETURN_IF_ERROR(codegen_enter_scope(c, name, scope_type, s, firstlineno, nullptr, &umd));
  symtable::SymbolTableEntry* ste = STE(c);
  ssize first_instr = 0;
  if (ste->ste_has_docstring) {
    Object* docstring = get_docstring(body);
    first_instr = 1;
    std::string clean = compile_clean_doc(utf8_of(docstring));
    int idx = compile_add_const(c, K(c)->str(clean));
    RETURN_IF_ERROR_IN_SCOPE(c, idx < 0 ? ERROR : SUCCESS);
  }
  NEW_LABEL(c, start);
  USE_LABEL(c, start);
  bool add_stopiteration_handler = ste->ste_coroutine || ste->ste_generator;
  if (add_stopiteration_handler) {
    RETURN_IF_ERROR(compile_push_fblock(c, kNoLocation, COMPILE_FBLOCK_STOP_ITERATION, start,
                                        kNoLabel, nullptr));
  }
  for (ssize i = first_instr; i < asdl_seq_LEN(body); i++) {
    RETURN_IF_ERROR_IN_SCOPE(c, codegen_visit_stmt(c, asdl_seq_GET(body, i)));
  }
  if (add_stopiteration_handler) {
    RETURN_IF_ERROR_IN_SCOPE(c, codegen_wrap_in_stopiteration_handler(c));
    compile_pop_fblock(c, COMPILE_FBLOCK_STOP_ITERATION, start);
  }
  std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 1);
  compile_exit_scope(c);
  if (!co) return ERROR;
  return codegen_make_closure(c, LOC(s), co, funcflags);
}

int codegen_function(Compiler* c, stmt_ty s, int is_async) {
  arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
  expr_ty returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
  asdl_expr_seq* decos =
      is_async ? s->v.AsyncFunctionDef.decorator_list : s->v.FunctionDef.decorator_list;
  Object* name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
  asdl_type_param_seq* type_params =
      is_async ? s->v.AsyncFunctionDef.type_params : s->v.FunctionDef.type_params;
  RETURN_IF_ERROR(codegen_decorators(c, decos));
  int firstlineno = s->lineno;
  if (asdl_seq_LEN(decos)) firstlineno = asdl_seq_GET(decos, 0)->lineno;
  Location loc = LOC(s);
  bool is_generic = asdl_seq_LEN(type_params) > 0;
  int funcflags = codegen_default_arguments(c, loc, args);
  RETURN_IF_ERROR(funcflags);
  int num_typeparam_args = 0;
  if (is_generic) {
    if (funcflags & MAKE_FUNCTION_DEFAULTS) num_typeparam_args += 1;
    if (funcflags & MAKE_FUNCTION_KWDEFAULTS) num_typeparam_args += 1;
    if (num_typeparam_args == 2) ADDOP_I(c, loc, SWAP, 2);
    std::string tpn = "<generic parameters of " + utf8_of(name) + ">";
    Object* type_params_name = objects::str_from_utf8(tpn.data(), objects::ssize(tpn.size()));
    if (!type_params_name) return ERROR;
    UnitArgs umd;
    umd.argcount = num_typeparam_args;
    int ret = codegen_enter_scope(c, type_params_name, COMPILE_SCOPE_ANNOTATIONS, type_params,
                                  firstlineno, nullptr, &umd);
    objects::decref(type_params_name);
    RETURN_IF_ERROR(ret);
    RETURN_IF_ERROR_IN_SCOPE(c, codegen_type_params(c, type_params));
    for (int i = 0; i < num_typeparam_args; i++) {
      RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_i(c, loc, LOAD_FAST, i));
    }
  }
  int annotations_flag = codegen_function_annotations(c, loc, args, returns);
  if (annotations_flag < 0) {
    if (is_generic) compile_exit_scope(c);
    return ERROR;
  }
  funcflags |= annotations_flag;
  int ret = codegen_function_body(c, s, is_async, funcflags, firstlineno);
  if (is_generic) {
    RETURN_IF_ERROR_IN_SCOPE(c, ret);
  } else {
    RETURN_IF_ERROR(ret);
  }
  if (is_generic) {
    RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_i(c, loc, SWAP, 2));
    RETURN_IF_ERROR_IN_SCOPE(
        c, cg_addop_i(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS));
    std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 0);
    compile_exit_scope(c);
    if (!co) return ERROR;
    RETURN_IF_ERROR(codegen_make_closure(c, loc, co, 0));
    if (num_typeparam_args > 0) {
      ADDOP_I(c, loc, SWAP, num_typeparam_args + 1);
      ADDOP_I(c, loc, CALL, num_typeparam_args - 1);
    } else {
      ADDOP(c, loc, PUSH_NULL);
      ADDOP_I(c, loc, CALL, 0);
    }
  }
  RETURN_IF_ERROR(codegen_apply_decorators(c, decos));
  return cg_nameop(c, loc, name, Store);
}

int codegen_set_type_params_in_class(Compiler* c, Location loc) {
  RETURN_IF_ERROR(cg_nameop(c, loc, cg_id(".type_params"), Load));
  RETURN_IF_ERROR(cg_nameop(c, loc, cg_id("__type_params__"), Store));
  return SUCCESS;
}

int codegen_class_body(Compiler* c, stmt_ty s, int firstlineno) {
  RETURN_IF_ERROR(codegen_enter_scope(c, s->v.ClassDef.name, COMPILE_SCOPE_CLASS, s,
                                      firstlineno, s->v.ClassDef.name, nullptr));
  Location loc{firstlineno, firstlineno, 0, 0};
  RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, loc, cg_id("__name__"), Load));
  RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, loc, cg_id("__module__"), Store));
  ADDOP_LOAD_CONST(c, loc, K(c)->str(c->u->qualname));
  RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, loc, cg_id("__qualname__"), Store));
  ADDOP_LOAD_CONST(c, loc, K(c)->integer(c->u->firstlineno));
  RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, loc, cg_id("__firstlineno__"), Store));
  if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
    RETURN_IF_ERROR_IN_SCOPE(c, codegen_set_type_params_in_class(c, loc));
  }
  if (STE(c)->ste_needs_classdict) {
    ADDOP(c, loc, LOAD_LOCALS);
    RETURN_IF_ERROR_IN_SCOPE(
        c, cg_addop_n(c, loc, STORE_DEREF, cg_id("__classdict__"), DictKind::Cellvars));
  }
  if (STE(c)->ste_has_conditional_annotations) {
    ADDOP_I(c, loc, BUILD_SET, 0);
    RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_n(c, loc, STORE_DEREF,
                                           cg_id("__conditional_annotations__"),
                                           DictKind::Cellvars));
  }
  RETURN_IF_ERROR_IN_SCOPE(c, codegen_body(c, loc, s->v.ClassDef.body, false));
  const Konst* static_attributes = compile_static_attributes_as_tuple(c);
  ADDOP_LOAD_CONST(c, kNoLocation, static_attributes);
  RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, kNoLocation, cg_id("__static_attributes__"), Store));
  if (STE(c)->ste_needs_classdict) {
    int i = compile_lookup_cellvar(c, cg_id("__classdict__"));
    RETURN_IF_ERROR_IN_SCOPE(c, i);
    ADDOP_I(c, kNoLocation, LOAD_CLOSURE, i);
    RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, kNoLocation, cg_id("__classdictcell__"), Store));
  }
  if (STE(c)->ste_needs_class_closure) {
    int i = compile_lookup_cellvar(c, cg_id("__class__"));
    RETURN_IF_ERROR_IN_SCOPE(c, i);
    ADDOP_I(c, kNoLocation, LOAD_CLOSURE, i);
    ADDOP_I(c, kNoLocation, COPY, 1);
    RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, kNoLocation, cg_id("__classcell__"), Store));
  } else {
    ADDOP_LOAD_CONST(c, kNoLocation, K(c)->none());
  }
  RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_i(c, kNoLocation, RETURN_VALUE, 0));
  std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 1);
  compile_exit_scope(c);
  if (!co) return ERROR;
  loc = LOC(s);
  ADDOP(c, loc, LOAD_BUILD_CLASS);
  ADDOP(c, loc, PUSH_NULL);
  RETURN_IF_ERROR(codegen_make_closure(c, loc, co, 0));
  ADDOP_LOAD_CONST(c, loc, kconst(c, s->v.ClassDef.name));
  return SUCCESS;
}

int codegen_class(Compiler* c, stmt_ty s) {
  asdl_expr_seq* decos = s->v.ClassDef.decorator_list;
  RETURN_IF_ERROR(codegen_decorators(c, decos));
  int firstlineno = s->lineno;
  if (asdl_seq_LEN(decos)) firstlineno = asdl_seq_GET(decos, 0)->lineno;
  Location loc = LOC(s);
  asdl_type_param_seq* type_params = s->v.ClassDef.type_params;
  bool is_generic = asdl_seq_LEN(type_params) > 0;
  if (is_generic) {
    std::string tpn = "<generic parameters of " + utf8_of(s->v.ClassDef.name) + ">";
    Object* type_params_name = objects::str_from_utf8(tpn.data(), objects::ssize(tpn.size()));
    if (!type_params_name) return ERROR;
    int ret = codegen_enter_scope(c, type_params_name, COMPILE_SCOPE_ANNOTATIONS, type_params,
                                  firstlineno, s->v.ClassDef.name, nullptr);
    objects::decref(type_params_name);
    RETURN_IF_ERROR(ret);
    RETURN_IF_ERROR_IN_SCOPE(c, codegen_type_params(c, type_params));
    RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, loc, cg_id(".type_params"), Store));
  }
  int ret = codegen_class_body(c, s, firstlineno);
  if (is_generic) {
    RETURN_IF_ERROR_IN_SCOPE(c, ret);
  } else {
    RETURN_IF_ERROR(ret);
  }
  if (is_generic) {
    RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, loc, cg_id(".type_params"), Load));
    RETURN_IF_ERROR_IN_SCOPE(
        c, cg_addop_i(c, loc, CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC));
    RETURN_IF_ERROR_IN_SCOPE(c, cg_nameop(c, loc, cg_id(".generic_base"), Store));
    RETURN_IF_ERROR_IN_SCOPE(
        c, codegen_call_helper_impl(c, loc, 2, s->v.ClassDef.bases, cg_id(".generic_base"),
                                    s->v.ClassDef.keywords));
    std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 0);
    compile_exit_scope(c);
    if (!co) return ERROR;
    RETURN_IF_ERROR(codegen_make_closure(c, loc, co, 0));
    ADDOP(c, loc, PUSH_NULL);
    ADDOP_I(c, loc, CALL, 0);
  } else {
    RETURN_IF_ERROR(
        codegen_call_helper(c, loc, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
  }
  RETURN_IF_ERROR(codegen_apply_decorators(c, decos));
  return cg_nameop(c, loc, s->v.ClassDef.name, Store);
}

int codegen_typealias_body(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  Object* name = s->v.TypeAlias.name->v.Name.id;
  ADDOP_LOAD_CONST(c, loc, K(c)->tuple({K(c)->integer(1)}));
  RETURN_IF_ERROR(codegen_setup_annotations_scope(c, LOC(s), s, name));
  RETURN_IF_ERROR_IN_SCOPE(c, codegen_visit_expr(c, s->v.TypeAlias.value));
  RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_i(c, loc, RETURN_VALUE, 0));
  std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 0);
  compile_exit_scope(c);
  if (!co) return ERROR;
  RETURN_IF_ERROR(codegen_make_closure(c, loc, co, MAKE_FUNCTION_DEFAULTS));
  ADDOP_I(c, loc, BUILD_TUPLE, 3);
  ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS);
  return SUCCESS;
}

int codegen_typealias(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  asdl_type_param_seq* type_params = s->v.TypeAlias.type_params;
  bool is_generic = asdl_seq_LEN(type_params) > 0;
  Object* name = s->v.TypeAlias.name->v.Name.id;
  if (is_generic) {
    std::string tpn = "<generic parameters of " + utf8_of(name) + ">";
    Object* type_params_name = objects::str_from_utf8(tpn.data(), objects::ssize(tpn.size()));
    if (!type_params_name) return ERROR;
    int ret = codegen_enter_scope(c, type_params_name, COMPILE_SCOPE_ANNOTATIONS, type_params,
                                  loc.lineno, nullptr, nullptr);
    objects::decref(type_params_name);
    RETURN_IF_ERROR(ret);
    RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_load_const(c, loc, kconst(c, name)));
    RETURN_IF_ERROR_IN_SCOPE(c, codegen_type_params(c, type_params));
  } else {
    ADDOP_LOAD_CONST(c, loc, kconst(c, name));
    ADDOP_LOAD_CONST(c, loc, K(c)->none());
  }
  int ret = codegen_typealias_body(c, s);
  if (is_generic) {
    RETURN_IF_ERROR_IN_SCOPE(c, ret);
  } else {
    RETURN_IF_ERROR(ret);
  }
  if (is_generic) {
    std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 0);
    compile_exit_scope(c);
    if (!co) return ERROR;
    RETURN_IF_ERROR(codegen_make_closure(c, loc, co, 0));
    ADDOP(c, loc, PUSH_NULL);
    ADDOP_I(c, loc, CALL, 0);
  }
  return cg_nameop(c, loc, name, Store);
}

}  // namespace

// codegen_jump_if.
int cg_jump_if(Compiler* c, Location loc, expr_ty e, JumpTargetLabel next, int cond) {
  switch (e->kind) {
    case UnaryOp_kind:
      if (e->v.UnaryOp.op == Not) return cg_jump_if(c, loc, e->v.UnaryOp.operand, next, !cond);
      break;
    case BoolOp_kind: {
      asdl_expr_seq* s = e->v.BoolOp.values;
      ssize n = asdl_seq_LEN(s) - 1;
      int cond2 = e->v.BoolOp.op == Or;
      JumpTargetLabel next2 = next;
      if (!cond2 != !cond) next2 = cg_new_label(c);
      for (ssize i = 0; i < n; ++i) {
        RETURN_IF_ERROR(cg_jump_if(c, loc, asdl_seq_GET(s, i), next2, cond2));
      }
      RETURN_IF_ERROR(cg_jump_if(c, loc, asdl_seq_GET(s, n), next, cond));
      if (next2.id != next.id) USE_LABEL(c, next2);
      return SUCCESS;
    }
    case IfExp_kind: {
      NEW_LABEL(c, end);
      NEW_LABEL(c, next2);
      RETURN_IF_ERROR(cg_jump_if(c, loc, e->v.IfExp.test, next2, 0));
      RETURN_IF_ERROR(cg_jump_if(c, loc, e->v.IfExp.body, next, cond));
      ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
      USE_LABEL(c, next2);
      RETURN_IF_ERROR(cg_jump_if(c, loc, e->v.IfExp.orelse, next, cond));
      USE_LABEL(c, end);
      return SUCCESS;
    }
    case Compare_kind: {
      ssize n = asdl_seq_LEN(e->v.Compare.ops) - 1;
      if (n > 0) {
        NEW_LABEL(c, cleanup);
        VISIT(c, expr, e->v.Compare.left);
        for (ssize i = 0; i < n; i++) {
          VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, i));
          ADDOP_I(c, LOC(e), SWAP, 2);
          ADDOP_I(c, LOC(e), COPY, 2);
          ADDOP_COMPARE(c, LOC(e), asdl_seq_GET(e->v.Compare.ops, i));
          ADDOP(c, LOC(e), TO_BOOL);
          ADDOP_JUMP(c, LOC(e), POP_JUMP_IF_FALSE, cleanup);
        }
        VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, n));
        ADDOP_COMPARE(c, LOC(e), asdl_seq_GET(e->v.Compare.ops, n));
        ADDOP(c, LOC(e), TO_BOOL);
        ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
        NEW_LABEL(c, end);
        ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
        USE_LABEL(c, cleanup);
        ADDOP(c, LOC(e), POP_TOP);
        if (!cond) ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, next);
        USE_LABEL(c, end);
        return SUCCESS;
      }
      break;
    }
    default:
      break;
  }
  VISIT(c, expr, e);
  ADDOP(c, LOC(e), TO_BOOL);
  ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
  return SUCCESS;
}

namespace {

int codegen_ifexp(Compiler* c, expr_ty e) {
  NEW_LABEL(c, end);
  NEW_LABEL(c, next);
  RETURN_IF_ERROR(cg_jump_if(c, LOC(e), e->v.IfExp.test, next, 0));
  VISIT(c, expr, e->v.IfExp.body);
  ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
  USE_LABEL(c, next);
  VISIT(c, expr, e->v.IfExp.orelse);
  USE_LABEL(c, end);
  return SUCCESS;
}

int codegen_lambda(Compiler* c, expr_ty e) {
  arguments_ty args = e->v.Lambda.args;
  Location loc = LOC(e);
  int funcflags = codegen_default_arguments(c, loc, args);
  RETURN_IF_ERROR(funcflags);
  UnitArgs umd;
  umd.argcount = int(asdl_seq_LEN(args->args));
  umd.posonlyargcount = int(asdl_seq_LEN(args->posonlyargs));
  umd.kwonlyargcount = int(asdl_seq_LEN(args->kwonlyargs));
  RETURN_IF_ERROR(codegen_enter_scope(c, cg_id("<lambda>"), COMPILE_SCOPE_LAMBDA, e, e->lineno,
                                      nullptr, &umd));
  RETURN_IF_ERROR_IN_SCOPE(c, codegen_visit_expr(c, e->v.Lambda.body));
  std::shared_ptr<CodeData> co;
  if (STE(c)->ste_generator) {
    co = compile_optimize_and_assemble(c, 0);
  } else {
    RETURN_IF_ERROR_IN_SCOPE(c, cg_addop_i(c, LOC(e->v.Lambda.body), RETURN_VALUE, 0));
    co = compile_optimize_and_assemble(c, 1);
  }
  compile_exit_scope(c);
  if (!co) return ERROR;
  return codegen_make_closure(c, loc, co, funcflags);
}

int codegen_if(Compiler* c, stmt_ty s) {
  NEW_LABEL(c, end);
  JumpTargetLabel next = end;
  if (asdl_seq_LEN(s->v.If.orelse)) next = cg_new_label(c);
  RETURN_IF_ERROR(cg_jump_if(c, LOC(s), s->v.If.test, next, 0));
  VISIT_SEQ(c, stmt, s->v.If.body);
  if (asdl_seq_LEN(s->v.If.orelse)) {
    ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
    USE_LABEL(c, next);
    VISIT_SEQ(c, stmt, s->v.If.orelse);
  }
  USE_LABEL(c, end);
  return SUCCESS;
}

int codegen_for(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  NEW_LABEL(c, start);
  NEW_LABEL(c, body);
  NEW_LABEL(c, cleanup);
  NEW_LABEL(c, end);
  RETURN_IF_ERROR(compile_push_fblock(c, loc, COMPILE_FBLOCK_FOR_LOOP, start, end, nullptr));
  VISIT(c, expr, s->v.For.iter);
  loc = LOC(s->v.For.iter);
  ADDOP(c, loc, GET_ITER);
  USE_LABEL(c, start);
  ADDOP_JUMP(c, loc, FOR_ITER, cleanup);
  ADDOP(c, LOC(s->v.For.target), NOP);
  USE_LABEL(c, body);
  VISIT(c, expr, s->v.For.target);
  VISIT_SEQ(c, stmt, s->v.For.body);
  ADDOP_JUMP(c, kNoLocation, JUMP, start);
  USE_LABEL(c, cleanup);
  ADDOP(c, kNoLocation, END_FOR);
  ADDOP(c, kNoLocation, POP_ITER);
  compile_pop_fblock(c, COMPILE_FBLOCK_FOR_LOOP, start);
  VISIT_SEQ(c, stmt, s->v.For.orelse);
  USE_LABEL(c, end);
  return SUCCESS;
}

int codegen_async_for(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  NEW_LABEL(c, start);
  NEW_LABEL(c, send);
  NEW_LABEL(c, except);
  NEW_LABEL(c, end);
  VISIT(c, expr, s->v.AsyncFor.iter);
  ADDOP(c, LOC(s->v.AsyncFor.iter), GET_AITER);
  USE_LABEL(c, start);
  RETURN_IF_ERROR(compile_push_fblock(c, loc, COMPILE_FBLOCK_FOR_LOOP, start, end, nullptr));
  ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
  ADDOP(c, loc, GET_ANEXT);
  ADDOP_LOAD_CONST(c, loc, K(c)->none());
  USE_LABEL(c, send);
  ADD_YIELD_FROM(c, loc, 1);
  ADDOP(c, loc, POP_BLOCK);
  ADDOP(c, loc, NOT_TAKEN);
  VISIT(c, expr, s->v.AsyncFor.target);
  VISIT_SEQ(c, stmt, s->v.AsyncFor.body);
  ADDOP_JUMP(c, kNoLocation, JUMP, start);
  compile_pop_fblock(c, COMPILE_FBLOCK_FOR_LOOP, start);
  USE_LABEL(c, except);
  loc = LOC(s->v.AsyncFor.iter);
  ADDOP_JUMP(c, loc, END_ASYNC_FOR, send);
  VISIT_SEQ(c, stmt, s->v.AsyncFor.orelse);
  USE_LABEL(c, end);
  return SUCCESS;
}

int codegen_while(Compiler* c, stmt_ty s) {
  NEW_LABEL(c, loop);
  NEW_LABEL(c, end);
  NEW_LABEL(c, anchor);
  USE_LABEL(c, loop);
  RETURN_IF_ERROR(compile_push_fblock(c, LOC(s), COMPILE_FBLOCK_WHILE_LOOP, loop, end, nullptr));
  RETURN_IF_ERROR(cg_jump_if(c, LOC(s), s->v.While.test, anchor, 0));
  VISIT_SEQ(c, stmt, s->v.While.body);
  ADDOP_JUMP(c, kNoLocation, JUMP, loop);
  compile_pop_fblock(c, COMPILE_FBLOCK_WHILE_LOOP, loop);
  USE_LABEL(c, anchor);
  if (s->v.While.orelse) VISIT_SEQ(c, stmt, s->v.While.orelse);
  USE_LABEL(c, end);
  return SUCCESS;
}

int codegen_return(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  expr_ty value = s->v.Return.value;
  int preserve_tos = value != nullptr && value->kind != Constant_kind;
  symtable::SymbolTableEntry* ste = STE(c);
  if (!symtable::is_function_like(ste)) return compile_error(c, loc, "'return' outside function");
  if (value && ste->ste_coroutine && ste->ste_generator) {
    return compile_error(c, loc, "'return' with value in async generator");
  }
  if (preserve_tos) {
    VISIT(c, expr, value);
  } else if (value) {
    loc = LOC(value);
    ADDOP(c, loc, NOP);
  }
  if (!value || value->lineno != s->lineno) {
    loc = LOC(s);
    ADDOP(c, loc, NOP);
  }
  RETURN_IF_ERROR(codegen_unwind_fblock_stack(c, &loc, preserve_tos, nullptr));
  if (!value) {
    ADDOP_LOAD_CONST(c, loc, K(c)->none());
  } else if (!preserve_tos) {
    ADDOP_LOAD_CONST(c, loc, kconst(c, value->v.Constant.value));
  }
  ADDOP(c, loc, RETURN_VALUE);
  return SUCCESS;
}

int codegen_break(Compiler* c, Location loc) {
  FBlockInfo* loop = nullptr;
  Location origin = loc;
  ADDOP(c, loc, NOP);
  RETURN_IF_ERROR(codegen_unwind_fblock_stack(c, &loc, 0, &loop));
  if (!loop) return compile_error(c, origin, "'break' outside loop");
  RETURN_IF_ERROR(codegen_unwind_fblock(c, &loc, loop, 0));
  ADDOP_JUMP(c, loc, JUMP, loop->fb_exit);
  return SUCCESS;
}

int codegen_continue(Compiler* c, Location loc) {
  FBlockInfo* loop = nullptr;
  Location origin = loc;
  ADDOP(c, loc, NOP);
  RETURN_IF_ERROR(codegen_unwind_fblock_stack(c, &loc, 0, &loop));
  if (!loop) return compile_error(c, origin, "'continue' not properly in loop");
  ADDOP_JUMP(c, loc, JUMP, loop->fb_block);
  return SUCCESS;
}

// codegen_try_finally and codegen_try_star_finally (same shape).
int codegen_try_finally_impl(Compiler* c, stmt_ty s, asdl_stmt_seq* body,
                             asdl_excepthandler_seq* handlers, asdl_stmt_seq* finalbody,
                             bool star) {
  Location loc = LOC(s);
  NEW_LABEL(c, body_l);
  NEW_LABEL(c, end);
  NEW_LABEL(c, exit);
  NEW_LABEL(c, cleanup);
  ADDOP_JUMP(c, loc, SETUP_FINALLY, end);
  USE_LABEL(c, body_l);
  RETURN_IF_ERROR(
      compile_push_fblock(c, loc, COMPILE_FBLOCK_FINALLY_TRY, body_l, end, finalbody));
  if (handlers && asdl_seq_LEN(handlers)) {
    RETURN_IF_ERROR(star ? codegen_try_star_except(c, s) : codegen_try_except(c, s));
  } else {
    VISIT_SEQ(c, stmt, body);
  }
  ADDOP(c, kNoLocation, POP_BLOCK);
  compile_pop_fblock(c, COMPILE_FBLOCK_FINALLY_TRY, body_l);
  VISIT_SEQ(c, stmt, finalbody);
  ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, exit);
  USE_LABEL(c, end);
  loc = kNoLocation;
  ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
  ADDOP(c, loc, PUSH_EXC_INFO);
  RETURN_IF_ERROR(
      compile_push_fblock(c, loc, COMPILE_FBLOCK_FINALLY_END, end, kNoLabel, nullptr));
  VISIT_SEQ(c, stmt, finalbody);
  compile_pop_fblock(c, COMPILE_FBLOCK_FINALLY_END, end);
  ADDOP_I(c, loc, RERAISE, 0);
  USE_LABEL(c, cleanup);
  POP_EXCEPT_AND_RERAISE(c, loc);
  USE_LABEL(c, exit);
  return SUCCESS;
}

int codegen_try_except(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  NEW_LABEL(c, body);
  NEW_LABEL(c, except);
  NEW_LABEL(c, end);
  NEW_LABEL(c, cleanup);
  ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
  USE_LABEL(c, body);
  RETURN_IF_ERROR(
      compile_push_fblock(c, loc, COMPILE_FBLOCK_TRY_EXCEPT, body, kNoLabel, nullptr));
  VISIT_SEQ(c, stmt, s->v.Try.body);
  compile_pop_fblock(c, COMPILE_FBLOCK_TRY_EXCEPT, body);
  ADDOP(c, kNoLocation, POP_BLOCK);
  if (s->v.Try.orelse && asdl_seq_LEN(s->v.Try.orelse)) VISIT_SEQ(c, stmt, s->v.Try.orelse);
  ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
  ssize n = asdl_seq_LEN(s->v.Try.handlers);
  USE_LABEL(c, except);
  ADDOP_JUMP(c, kNoLocation, SETUP_CLEANUP, cleanup);
  ADDOP(c, kNoLocation, PUSH_EXC_INFO);
  RETURN_IF_ERROR(compile_push_fblock(c, loc, COMPILE_FBLOCK_EXCEPTION_HANDLER, kNoLabel,
                                      kNoLabel, nullptr));
  for (ssize i = 0; i < n; i++) {
    excepthandler_ty handler = asdl_seq_GET(s->v.Try.handlers, i);
    Location hloc = LOC(handler);
    if (!handler->v.ExceptHandler.type && i < n - 1) {
      return compile_error(c, hloc, "default 'except:' must be last");
    }
    except = cg_new_label(c);
    if (handler->v.ExceptHandler.type) {
      VISIT(c, expr, handler->v.ExceptHandler.type);
      ADDOP(c, hloc, CHECK_EXC_MATCH);
      ADDOP_JUMP(c, hloc, POP_JUMP_IF_FALSE, except);
    }
    Object* name = handler->v.ExceptHandler.name;
    if (name) {
      NEW_LABEL(c, cleanup_end);
      NEW_LABEL(c, cleanup_body);
      RETURN_IF_ERROR(cg_nameop(c, hloc, name, Store));
      ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
      USE_LABEL(c, cleanup_body);
      RETURN_IF_ERROR(compile_push_fblock(c, hloc, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body,
                                          kNoLabel, name));
      VISIT_SEQ(c, stmt, handler->v.ExceptHandler.body);
      compile_pop_fblock(c, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body);
      ADDOP(c, kNoLocation, POP_BLOCK);
      ADDOP(c, kNoLocation, POP_BLOCK);
      ADDOP(c, kNoLocation, POP_EXCEPT);
      ADDOP_LOAD_CONST(c, kNoLocation, K(c)->none());
      RETURN_IF_ERROR(cg_nameop(c, kNoLocation, name, Store));
      RETURN_IF_ERROR(cg_nameop(c, kNoLocation, name, Del));
      ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
      USE_LABEL(c, cleanup_end);
      ADDOP_LOAD_CONST(c, kNoLocation, K(c)->none());
      RETURN_IF_ERROR(cg_nameop(c, kNoLocation, name, Store));
      RETURN_IF_ERROR(cg_nameop(c, kNoLocation, name, Del));
      ADDOP_I(c, kNoLocation, RERAISE, 1);
    } else {
      NEW_LABEL(c, cleanup_body);
      ADDOP(c, hloc, POP_TOP);
      USE_LABEL(c, cleanup_body);
      RETURN_IF_ERROR(compile_push_fblock(c, hloc, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body,
                                          kNoLabel, nullptr));
      VISIT_SEQ(c, stmt, handler->v.ExceptHandler.body);
      compile_pop_fblock(c, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body);
      ADDOP(c, kNoLocation, POP_BLOCK);
      ADDOP(c, kNoLocation, POP_EXCEPT);
      ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
    }
    USE_LABEL(c, except);
  }
  compile_pop_fblock(c, COMPILE_FBLOCK_EXCEPTION_HANDLER, kNoLabel);
  ADDOP_I(c, kNoLocation, RERAISE, 0);
  USE_LABEL(c, cleanup);
  POP_EXCEPT_AND_RERAISE(c, kNoLocation);
  USE_LABEL(c, end);
  return SUCCESS;
}

int codegen_try_star_except(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  NEW_LABEL(c, body);
  NEW_LABEL(c, except);
  NEW_LABEL(c, orelse);
  NEW_LABEL(c, end);
  NEW_LABEL(c, cleanup);
  NEW_LABEL(c, reraise_star);
  ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
  USE_LABEL(c, body);
  RETURN_IF_ERROR(
      compile_push_fblock(c, loc, COMPILE_FBLOCK_TRY_EXCEPT, body, kNoLabel, nullptr));
  VISIT_SEQ(c, stmt, s->v.TryStar.body);
  compile_pop_fblock(c, COMPILE_FBLOCK_TRY_EXCEPT, body);
  ADDOP(c, kNoLocation, POP_BLOCK);
  ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, orelse);
  ssize n = asdl_seq_LEN(s->v.TryStar.handlers);
  USE_LABEL(c, except);
  ADDOP_JUMP(c, kNoLocation, SETUP_CLEANUP, cleanup);
  ADDOP(c, kNoLocation, PUSH_EXC_INFO);
  static const char kHandler[] = "except handler";
  RETURN_IF_ERROR(compile_push_fblock(c, loc, COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER, kNoLabel,
                                      kNoLabel, kHandler));
  for (ssize i = 0; i < n; i++) {
    excepthandler_ty handler = asdl_seq_GET(s->v.TryStar.handlers, i);
    Location hloc = LOC(handler);
    except = cg_new_label(c);
    NEW_LABEL(c, except_with_error);
    NEW_LABEL(c, no_match);
    if (i == 0) {
      ADDOP_I(c, hloc, BUILD_LIST, 0);
      ADDOP_I(c, hloc, COPY, 2);
    }
    if (handler->v.ExceptHandler.type) {
      VISIT(c, expr, handler->v.ExceptHandler.type);
      ADDOP(c, hloc, CHECK_EG_MATCH);
      ADDOP_I(c, hloc, COPY, 1);
      ADDOP_JUMP(c, hloc, POP_JUMP_IF_NONE, no_match);
    }
    NEW_LABEL(c, cleanup_end);
    NEW_LABEL(c, cleanup_body);
    Object* name = handler->v.ExceptHandler.name;
    if (name) {
      RETURN_IF_ERROR(cg_nameop(c, hloc, name, Store));
    } else {
      ADDOP(c, hloc, POP_TOP);
    }
    ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
    USE_LABEL(c, cleanup_body);
    RETURN_IF_ERROR(compile_push_fblock(c, hloc, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body,
                                        kNoLabel, name));
    VISIT_SEQ(c, stmt, handler->v.ExceptHandler.body);
    compile_pop_fblock(c, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body);
    ADDOP(c, kNoLocation, POP_BLOCK);
    if (name) {
      ADDOP_LOAD_CONST(c, kNoLocation, K(c)->none());
      RETURN_IF_ERROR(cg_nameop(c, kNoLocation, name, Store));
      RETURN_IF_ERROR(cg_nameop(c, kNoLocation, name, Del));
    }
    ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, except);
    USE_LABEL(c, cleanup_end);
    if (name) {
      ADDOP_LOAD_CONST(c, kNoLocation, K(c)->none());
      RETURN_IF_ERROR(cg_nameop(c, kNoLocation, name, Store));
      RETURN_IF_ERROR(cg_nameop(c, kNoLocation, name, Del));
    }
    ADDOP_I(c, kNoLocation, LIST_APPEND, 3);
    ADDOP(c, kNoLocation, POP_TOP);
    ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, except_with_error);
    USE_LABEL(c, except);
    ADDOP(c, kNoLocation, NOP);
    ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, except_with_error);
    USE_LABEL(c, no_match);
    ADDOP(c, hloc, POP_TOP);
    USE_LABEL(c, except_with_error);
    if (i == n - 1) {
      ADDOP_I(c, kNoLocation, LIST_APPEND, 1);
      ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, reraise_star);
    }
  }
  compile_pop_fblock(c, COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER, kNoLabel);
  NEW_LABEL(c, reraise);
  USE_LABEL(c, reraise_star);
  ADDOP_I(c, kNoLocation, CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR);
  ADDOP_I(c, kNoLocation, COPY, 1);
  ADDOP_JUMP(c, kNoLocation, POP_JUMP_IF_NOT_NONE, reraise);
  ADDOP(c, kNoLocation, POP_TOP);
  ADDOP(c, kNoLocation, POP_BLOCK);
  ADDOP(c, kNoLocation, POP_EXCEPT);
  ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
  USE_LABEL(c, reraise);
  ADDOP(c, kNoLocation, POP_BLOCK);
  ADDOP_I(c, kNoLocation, SWAP, 2);
  ADDOP(c, kNoLocation, POP_EXCEPT);
  ADDOP_I(c, kNoLocation, RERAISE, 0);
  USE_LABEL(c, cleanup);
  POP_EXCEPT_AND_RERAISE(c, kNoLocation);
  USE_LABEL(c, orelse);
  VISIT_SEQ(c, stmt, s->v.TryStar.orelse);
  USE_LABEL(c, end);
  return SUCCESS;
}

int codegen_try(Compiler* c, stmt_ty s) {
  if (s->v.Try.finalbody && asdl_seq_LEN(s->v.Try.finalbody))
    return codegen_try_finally_impl(c, s, s->v.Try.body, s->v.Try.handlers, s->v.Try.finalbody,
                                    false);
  return codegen_try_except(c, s);
}

int codegen_try_star(Compiler* c, stmt_ty s) {
  if (s->v.TryStar.finalbody && asdl_seq_LEN(s->v.TryStar.finalbody))
    return codegen_try_finally_impl(c, s, s->v.TryStar.body, s->v.TryStar.handlers,
                                    s->v.TryStar.finalbody, true);
  return codegen_try_star_except(c, s);
}

int codegen_import_as(Compiler* c, Location loc, Object* name, Object* asname) {
  std::string n = utf8_of(name);
  size_t dot = n.find('.');
  if (dot != std::string::npos) {
    while (true) {
      size_t pos = dot + 1;
      dot = n.find('.', pos);
      std::string attr = n.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
      Object* a = objects::str_from_utf8(attr.data(), objects::ssize(attr.size()));
      if (!a) return ERROR;
      int r = cg_addop_n(c, loc, IMPORT_FROM, a, DictKind::Names);
      objects::decref(a);
      RETURN_IF_ERROR(r);
      if (dot == std::string::npos) break;
      ADDOP_I(c, loc, SWAP, 2);
      ADDOP(c, loc, POP_TOP);
    }
    RETURN_IF_ERROR(cg_nameop(c, loc, asname, Store));
    ADDOP(c, loc, POP_TOP);
    return SUCCESS;
  }
  return cg_nameop(c, loc, asname, Store);
}

int codegen_import(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  ssize n = asdl_seq_LEN(s->v.Import.names);
  for (ssize i = 0; i < n; i++) {
    alias_ty alias = asdl_seq_GET(s->v.Import.names, i);
    ADDOP_LOAD_CONST(c, loc, K(c)->integer(0));
    ADDOP_LOAD_CONST(c, loc, K(c)->none());
    ADDOP_NAME(c, loc, IMPORT_NAME, alias->name, DictKind::Names);
    if (alias->asname) {
      RETURN_IF_ERROR(codegen_import_as(c, loc, alias->name, alias->asname));
    } else {
      std::string n = utf8_of(alias->name);
      size_t dot = n.find('.');
      if (dot != std::string::npos) {
        Object* tmp = objects::str_from_utf8(n.data(), objects::ssize(dot));
        if (!tmp) return ERROR;
        int r = cg_nameop(c, loc, tmp, Store);
        objects::decref(tmp);
        RETURN_IF_ERROR(r);
      } else {
        RETURN_IF_ERROR(cg_nameop(c, loc, alias->name, Store));
      }
    }
  }
  return SUCCESS;
}

int codegen_from_import(Compiler* c, stmt_ty s) {
  ssize n = asdl_seq_LEN(s->v.ImportFrom.names);
  ADDOP_LOAD_CONST(c, LOC(s), K(c)->integer(s->v.ImportFrom.level));
  std::vector<const Konst*> names;
  for (ssize i = 0; i < n; i++) names.push_back(kconst(c, asdl_seq_GET(s->v.ImportFrom.names, i)->name));
  ADDOP_LOAD_CONST(c, LOC(s), K(c)->tuple(std::move(names)));
  if (s->v.ImportFrom.module) {
    ADDOP_NAME(c, LOC(s), IMPORT_NAME, s->v.ImportFrom.module, DictKind::Names);
  } else {
    ADDOP_NAME(c, LOC(s), IMPORT_NAME, cg_id(""), DictKind::Names);
  }
  for (ssize i = 0; i < n; i++) {
    alias_ty alias = asdl_seq_GET(s->v.ImportFrom.names, i);
    if (i == 0 && utf8_of(alias->name)[0] == '*') {
      ADDOP_I(c, LOC(s), CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
      ADDOP(c, kNoLocation, POP_TOP);
      return SUCCESS;
    }
    ADDOP_NAME(c, LOC(s), IMPORT_FROM, alias->name, DictKind::Names);
    Object* store_name = alias->asname ? alias->asname : alias->name;
    RETURN_IF_ERROR(cg_nameop(c, LOC(s), store_name, Store));
  }
  ADDOP(c, LOC(s), POP_TOP);
  return SUCCESS;
}

int codegen_assert(Compiler* c, stmt_ty s) {
  // Always a warning for a test that is a non-empty tuple.
  expr_ty test = s->v.Assert.test;
  if ((test->kind == Tuple_kind && asdl_seq_LEN(test->v.Tuple.elts) > 0) ||
      (test->kind == Constant_kind && objects::tuple_check(test->v.Constant.value) &&
       objects::tuple_size(test->v.Constant.value) > 0)) {
    RETURN_IF_ERROR(
        compile_warn(c, LOC(s), "assertion is always true, perhaps remove parentheses?"));
  }
  if (c->optimize) return SUCCESS;
  NEW_LABEL(c, end);
  RETURN_IF_ERROR(cg_jump_if(c, LOC(s), s->v.Assert.test, end, 1));
  ADDOP_I(c, LOC(s), LOAD_COMMON_CONSTANT, CONSTANT_ASSERTIONERROR);
  if (s->v.Assert.msg) {
    VISIT(c, expr, s->v.Assert.msg);
    ADDOP_I(c, LOC(s), CALL, 0);
  }
  ADDOP_I(c, LOC(s->v.Assert.test), RAISE_VARARGS, 1);
  USE_LABEL(c, end);
  return SUCCESS;
}

int codegen_stmt_expr(Compiler* c, Location loc, expr_ty value) {
  if (compile_is_interactive_top_level(c)) {
    VISIT(c, expr, value);
    ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PRINT);
    ADDOP(c, kNoLocation, POP_TOP);
    return SUCCESS;
  }
  if (value->kind == Constant_kind) {
    ADDOP(c, loc, NOP);
    return SUCCESS;
  }
  VISIT(c, expr, value);
  ADDOP(c, kNoLocation, POP_TOP);
  return SUCCESS;
}

template <class F>
int cond_block(Compiler* c, F f, stmt_ty s) {
  c->u->in_conditional_block++;
  int r = f(c, s);
  c->u->in_conditional_block--;
  return r;
}

}  // namespace

int codegen_visit_stmt(Compiler* c, stmt_ty s) {
  switch (s->kind) {
    case FunctionDef_kind: return codegen_function(c, s, 0);
    case ClassDef_kind: return codegen_class(c, s);
    case TypeAlias_kind: return codegen_typealias(c, s);
    case Return_kind: return codegen_return(c, s);
    case Delete_kind: VISIT_SEQ(c, expr, s->v.Delete.targets); break;
    case Assign_kind: {
      ssize n = asdl_seq_LEN(s->v.Assign.targets);
      VISIT(c, expr, s->v.Assign.value);
      for (ssize i = 0; i < n; i++) {
        if (i < n - 1) ADDOP_I(c, LOC(s), COPY, 1);
        VISIT(c, expr, asdl_seq_GET(s->v.Assign.targets, i));
      }
      break;
    }
    case AugAssign_kind: return codegen_augassign(c, s);
    case AnnAssign_kind: return codegen_annassign(c, s);
    case For_kind: return cond_block(c, codegen_for, s);
    case While_kind: return cond_block(c, codegen_while, s);
    case If_kind: return cond_block(c, codegen_if, s);
    case Match_kind: return cond_block(c, codegen_match, s);
    case Raise_kind: {
      int n = 0;
      if (s->v.Raise.exc) {
        VISIT(c, expr, s->v.Raise.exc);
        n++;
        if (s->v.Raise.cause) {
          VISIT(c, expr, s->v.Raise.cause);
          n++;
        }
      }
      ADDOP_I(c, LOC(s), RAISE_VARARGS, n);
      break;
    }
    case Try_kind: return cond_block(c, codegen_try, s);
    case TryStar_kind: return cond_block(c, codegen_try_star, s);
    case Assert_kind: return codegen_assert(c, s);
    case Import_kind: return codegen_import(c, s);
    case ImportFrom_kind: return codegen_from_import(c, s);
    case Global_kind:
    case Nonlocal_kind: break;
    case Expr_kind: return codegen_stmt_expr(c, LOC(s), s->v.Expr.value);
    case Pass_kind: ADDOP(c, LOC(s), NOP); break;
    case Break_kind: return codegen_break(c, LOC(s));
    case Continue_kind: return codegen_continue(c, LOC(s));
    case With_kind:
      return cond_block(c, [](Compiler* c2, stmt_ty s2) { return codegen_with_inner(c2, s2, 0); },
                        s);
    case AsyncFunctionDef_kind: return codegen_function(c, s, 1);
    case AsyncWith_kind:
      return cond_block(
          c, [](Compiler* c2, stmt_ty s2) { return codegen_async_with_inner(c2, s2, 0); }, s);
    case AsyncFor_kind: return cond_block(c, codegen_async_for, s);
  }
  return SUCCESS;
}

namespace {

int codegen_addop_yield(Compiler* c, Location loc) {
  symtable::SymbolTableEntry* ste = STE(c);
  if (ste->ste_generator && ste->ste_coroutine) {
    ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
  }
  ADDOP_I(c, loc, YIELD_VALUE, 0);
  ADDOP_I(c, loc, RESUME, RESUME_AFTER_YIELD);
  return SUCCESS;
}

int codegen_load_classdict_freevar(Compiler* c, Location loc) {
  ADDOP_N(c, loc, LOAD_DEREF, cg_id("__classdict__"), DictKind::Freevars);
  return SUCCESS;
}

}  // namespace

// codegen_nameop.
int cg_nameop(Compiler* c, Location loc, Object* name, int ctx) {
  Object* mangled = compile_maybe_mangle(c, name);
  if (!mangled) return ERROR;
  auto holder = objects::Ref<Object>::steal(mangled);
  int scope = symtable::get_scope(STE(c), mangled);
  RETURN_IF_ERROR(scope);
  OpType optype;
  int arg = 0;
  RETURN_IF_ERROR(compile_resolve_nameop(c, mangled, scope, &optype, &arg));
  int op = 0;
  switch (optype) {
    case COMPILE_OP_DEREF:
      switch (ctx) {
        case Load:
          if (STE(c)->ste_type == symtable::ClassBlock && !c->u->in_inlined_comp) {
            op = LOAD_FROM_DICT_OR_DEREF;
            ADDOP(c, loc, LOAD_LOCALS);
          } else if (STE(c)->ste_can_see_class_scope) {
            op = LOAD_FROM_DICT_OR_DEREF;
            RETURN_IF_ERROR(codegen_load_classdict_freevar(c, loc));
          } else {
            op = LOAD_DEREF;
          }
          break;
        case Store: op = STORE_DEREF; break;
        case Del: op = DELETE_DEREF; break;
      }
      break;
    case COMPILE_OP_FAST:
      switch (ctx) {
        case Load: op = LOAD_FAST; break;
        case Store: op = STORE_FAST; break;
        case Del: op = DELETE_FAST; break;
      }
      return cg_addop_n(c, loc, op, mangled, DictKind::Varnames);
    case COMPILE_OP_GLOBAL:
      switch (ctx) {
        case Load:
          if (STE(c)->ste_can_see_class_scope && scope == symtable::GLOBAL_IMPLICIT) {
            op = LOAD_FROM_DICT_OR_GLOBALS;
            RETURN_IF_ERROR(codegen_load_classdict_freevar(c, loc));
          } else {
            op = LOAD_GLOBAL;
          }
          break;
        case Store: op = STORE_GLOBAL; break;
        case Del: op = DELETE_GLOBAL; break;
      }
      break;
    case COMPILE_OP_NAME:
      switch (ctx) {
        case Load:
          op = (STE(c)->ste_type == symtable::ClassBlock && c->u->in_inlined_comp) ? LOAD_GLOBAL
                                                                                   : LOAD_NAME;
          break;
        case Store: op = STORE_NAME; break;
        case Del: op = DELETE_NAME; break;
      }
      break;
  }
  long a = arg;
  if (op == LOAD_GLOBAL) a <<= 1;
  return cg_addop_i(c, loc, op, a);
}

namespace {

int codegen_boolop(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  int jumpi = e->v.BoolOp.op == And ? JUMP_IF_FALSE : JUMP_IF_TRUE;
  NEW_LABEL(c, end);
  asdl_expr_seq* s = e->v.BoolOp.values;
  ssize n = asdl_seq_LEN(s) - 1;
  for (ssize i = 0; i < n; ++i) {
    VISIT(c, expr, asdl_seq_GET(s, i));
    ADDOP_JUMP(c, loc, jumpi, end);
    ADDOP(c, loc, POP_TOP);
  }
  VISIT(c, expr, asdl_seq_GET(s, n));
  USE_LABEL(c, end);
  return SUCCESS;
}

int starunpack_helper_impl(Compiler* c, Location loc, asdl_expr_seq* elts, Object* injected_arg,
                           int pushed, int build, int add, int extend, int tuple) {
  ssize n = asdl_seq_LEN(elts);
  int big = n + pushed + (injected_arg ? 1 : 0) > STACK_USE_GUIDELINE;
  int seen_star = 0;
  for (ssize i = 0; i < n; i++) {
    if (asdl_seq_GET(elts, i)->kind == Starred_kind) {
      seen_star = 1;
      break;
    }
  }
  if (!seen_star && !big) {
    for (ssize i = 0; i < n; i++) VISIT(c, expr, asdl_seq_GET(elts, i));
    if (injected_arg) {
      RETURN_IF_ERROR(cg_nameop(c, loc, injected_arg, Load));
      n++;
    }
    if (tuple) {
      ADDOP_I(c, loc, BUILD_TUPLE, n + pushed);
    } else {
      ADDOP_I(c, loc, build, n + pushed);
    }
    return SUCCESS;
  }
  int sequence_built = 0;
  if (big) {
    ADDOP_I(c, loc, build, pushed);
    sequence_built = 1;
  }
  for (ssize i = 0; i < n; i++) {
    expr_ty elt = asdl_seq_GET(elts, i);
    if (elt->kind == Starred_kind) {
      if (!sequence_built) {
        ADDOP_I(c, loc, build, i + pushed);
        sequence_built = 1;
      }
      VISIT(c, expr, elt->v.Starred.value);
      ADDOP_I(c, loc, extend, 1);
    } else {
      VISIT(c, expr, elt);
      if (sequence_built) ADDOP_I(c, loc, add, 1);
    }
  }
  if (injected_arg) {
    RETURN_IF_ERROR(cg_nameop(c, loc, injected_arg, Load));
    ADDOP_I(c, loc, add, 1);
  }
  if (tuple) ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
  return SUCCESS;
}

int starunpack_helper(Compiler* c, Location loc, asdl_expr_seq* elts, int pushed, int build,
                      int add, int extend, int tuple) {
  return starunpack_helper_impl(c, loc, elts, nullptr, pushed, build, add, extend, tuple);
}

int unpack_helper(Compiler* c, Location loc, asdl_expr_seq* elts) {
  ssize n = asdl_seq_LEN(elts);
  int seen_star = 0;
  for (ssize i = 0; i < n; i++) {
    expr_ty elt = asdl_seq_GET(elts, i);
    if (elt->kind == Starred_kind && !seen_star) {
      if (i >= (1 << 8) || n - i - 1 >= (INT_MAX >> 8)) {
        return compile_error(c, loc, "too many expressions in star-unpacking assignment");
      }
      ADDOP_I(c, loc, UNPACK_EX, i + ((n - i - 1) << 8));
      seen_star = 1;
    } else if (elt->kind == Starred_kind) {
      return compile_error(c, loc, "multiple starred expressions in assignment");
    }
  }
  if (!seen_star) ADDOP_I(c, loc, UNPACK_SEQUENCE, n);
  return SUCCESS;
}

int assignment_helper(Compiler* c, Location loc, asdl_expr_seq* elts) {
  ssize n = asdl_seq_LEN(elts);
  RETURN_IF_ERROR(unpack_helper(c, loc, elts));
  for (ssize i = 0; i < n; i++) {
    expr_ty elt = asdl_seq_GET(elts, i);
    VISIT(c, expr, elt->kind != Starred_kind ? elt : elt->v.Starred.value);
  }
  return SUCCESS;
}

int codegen_list(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  asdl_expr_seq* elts = e->v.List.elts;
  if (e->v.List.ctx == Store) return assignment_helper(c, loc, elts);
  if (e->v.List.ctx == Load)
    return starunpack_helper(c, loc, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 0);
  VISIT_SEQ(c, expr, elts);
  return SUCCESS;
}

int codegen_tuple(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  asdl_expr_seq* elts = e->v.Tuple.elts;
  if (e->v.Tuple.ctx == Store) return assignment_helper(c, loc, elts);
  if (e->v.Tuple.ctx == Load)
    return starunpack_helper(c, loc, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 1);
  VISIT_SEQ(c, expr, elts);
  return SUCCESS;
}

int codegen_set(Compiler* c, expr_ty e) {
  return starunpack_helper(c, LOC(e), e->v.Set.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, 0);
}

int codegen_subdict(Compiler* c, expr_ty e, ssize begin, ssize end) {
  ssize n = end - begin;
  int big = n * 2 > STACK_USE_GUIDELINE;
  Location loc = LOC(e);
  if (big) ADDOP_I(c, loc, BUILD_MAP, 0);
  for (ssize i = begin; i < end; i++) {
    VISIT(c, expr, asdl_seq_GET(e->v.Dict.keys, i));
    VISIT(c, expr, asdl_seq_GET(e->v.Dict.values, i));
    if (big) ADDOP_I(c, loc, MAP_ADD, 1);
  }
  if (!big) ADDOP_I(c, loc, BUILD_MAP, n);
  return SUCCESS;
}

int codegen_dict(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  ssize n = asdl_seq_LEN(e->v.Dict.values);
  int have_dict = 0;
  ssize elements = 0;
  for (ssize i = 0; i < n; i++) {
    bool is_unpacking = asdl_seq_GET(e->v.Dict.keys, i) == nullptr;
    if (is_unpacking) {
      if (elements) {
        RETURN_IF_ERROR(codegen_subdict(c, e, i - elements, i));
        if (have_dict) ADDOP_I(c, loc, DICT_UPDATE, 1);
        have_dict = 1;
        elements = 0;
      }
      if (!have_dict) {
        ADDOP_I(c, loc, BUILD_MAP, 0);
        have_dict = 1;
      }
      VISIT(c, expr, asdl_seq_GET(e->v.Dict.values, i));
      ADDOP_I(c, loc, DICT_UPDATE, 1);
    } else {
      if (elements * 2 > STACK_USE_GUIDELINE) {
        RETURN_IF_ERROR(codegen_subdict(c, e, i - elements, i + 1));
        if (have_dict) ADDOP_I(c, loc, DICT_UPDATE, 1);
        have_dict = 1;
        elements = 0;
      } else {
        elements++;
      }
    }
  }
  if (elements) {
    RETURN_IF_ERROR(codegen_subdict(c, e, n - elements, n));
    if (have_dict) ADDOP_I(c, loc, DICT_UPDATE, 1);
    have_dict = 1;
  }
  if (!have_dict) ADDOP_I(c, loc, BUILD_MAP, 0);
  return SUCCESS;
}

namespace {

// infer_type: the name of the type an expression certainly has (tp_name), or null.
const char* infer_type_name(expr_ty e) {
  switch (e->kind) {
    case Tuple_kind: return "tuple";
    case List_kind:
    case ListComp_kind: return "list";
    case Dict_kind:
    case DictComp_kind: return "dict";
    case Set_kind:
    case SetComp_kind: return "set";
    case GeneratorExp_kind: return "generator";
    case Lambda_kind: return "function";
    case TemplateStr_kind:
    case Interpolation_kind: return "string.templatelib.Template";
    case JoinedStr_kind:
    case FormattedValue_kind: return "str";
    case Constant_kind: return e->v.Constant.value->type->name;
    default: return nullptr;
  }
}

std::string warn_format(const char* fmt, const char* a, const char* b = nullptr) {
  std::string out;
  for (const char* p = fmt; *p; p++) {
    if (p[0] == '%' && p[1] == 's') {
      const char* v = a ? a : "";
      out += std::string(v).substr(0, 200);
      a = b;
      b = nullptr;
      p++;
    } else {
      out.push_back(*p);
    }
  }
  return out;
}

bool is_const_tuple(asdl_expr_seq* elts) {
  for (ssize i = 0; i < asdl_seq_LEN(elts); i++)
    if (asdl_seq_GET(elts, i)->kind != Constant_kind) return false;
  return true;
}

// check_is_arg: false for a constant other than the named singletons.
bool check_is_arg(expr_ty e) {
  if (e->kind == Tuple_kind) return !is_const_tuple(e->v.Tuple.elts);
  if (e->kind != Constant_kind) return true;
  Object* v = e->v.Constant.value;
  return v == objects::none() || v == objects::py_false() || v == objects::py_true() ||
         v == objects::ellipsis();
}

// codegen_check_compare: "is" / "is not" with a literal operand.
int codegen_check_compare(Compiler* c, expr_ty e) {
  bool left = check_is_arg(e->v.Compare.left);
  expr_ty left_expr = e->v.Compare.left;
  ssize n = asdl_seq_LEN(e->v.Compare.ops);
  for (ssize i = 0; i < n; i++) {
    int op = asdl_seq_GET(e->v.Compare.ops, i);
    expr_ty right_expr = asdl_seq_GET(e->v.Compare.comparators, i);
    bool right = check_is_arg(right_expr);
    if (op == Is || op == IsNot) {
      if (!right || !left) {
        const char* msg = op == Is ? "\"is\" with '%s' literal. Did you mean \"==\"?"
                                   : "\"is not\" with '%s' literal. Did you mean \"!=\"?";
        expr_ty literal = !left ? left_expr : right_expr;
        return compile_warn(c, LOC(e), warn_format(msg, infer_type_name(literal)));
      }
    }
    left = right;
    left_expr = right_expr;
  }
  return SUCCESS;
}

// check_caller.
int check_caller(Compiler* c, expr_ty e) {
  switch (e->kind) {
    case Constant_kind:
    case Tuple_kind:
    case List_kind:
    case ListComp_kind:
    case Dict_kind:
    case DictComp_kind:
    case Set_kind:
    case SetComp_kind:
    case GeneratorExp_kind:
    case JoinedStr_kind:
    case TemplateStr_kind:
    case FormattedValue_kind:
    case Interpolation_kind:
      return compile_warn(c, LOC(e), warn_format("'%s' object is not callable; perhaps you "
                                                 "missed a comma?",
                                                 infer_type_name(e)));
    default: return SUCCESS;
  }
}

// check_subscripter.
int check_subscripter(Compiler* c, expr_ty e) {
  switch (e->kind) {
    case Constant_kind: {
      Object* v = e->v.Constant.value;
      if (!(v == objects::none() || v == objects::ellipsis() || objects::long_check(v) ||
            objects::float_check(v) || objects::complex_check(v) ||
            objects::anyset_check(v)))
        return SUCCESS;
      [[fallthrough]];
    }
    case Set_kind:
    case SetComp_kind:
    case GeneratorExp_kind:
    case TemplateStr_kind:
    case Interpolation_kind:
    case Lambda_kind:
      return compile_warn(c, LOC(e), warn_format("'%s' object is not subscriptable; perhaps "
                                                 "you missed a comma?",
                                                 infer_type_name(e)));
    default: return SUCCESS;
  }
}

// check_index.
int check_index(Compiler* c, expr_ty e, expr_ty s) {
  const char* index_type = infer_type_name(s);
  if (!index_type) return SUCCESS;
  if (s->kind == Constant_kind && objects::long_check(s->v.Constant.value)) return SUCCESS;
  if (s->kind == Slice_kind) return SUCCESS;
  switch (e->kind) {
    case Constant_kind: {
      Object* v = e->v.Constant.value;
      if (!(objects::str_check(v) || objects::bytes_check(v) || objects::tuple_check(v)))
        return SUCCESS;
      [[fallthrough]];
    }
    case Tuple_kind:
    case List_kind:
    case ListComp_kind:
    case JoinedStr_kind:
    case FormattedValue_kind:
      return compile_warn(c, LOC(e), warn_format("%s indices must be integers or slices, not "
                                                 "%s; perhaps you missed a comma?",
                                                 infer_type_name(e), index_type));
    default: return SUCCESS;
  }
}

}  // namespace

int codegen_compare(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  RETURN_IF_ERROR(codegen_check_compare(c, e));
  VISIT(c, expr, e->v.Compare.left);
  ssize n = asdl_seq_LEN(e->v.Compare.ops) - 1;
  if (n == 0) {
    VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, 0));
    ADDOP_COMPARE(c, loc, asdl_seq_GET(e->v.Compare.ops, 0));
  } else {
    NEW_LABEL(c, cleanup);
    for (ssize i = 0; i < n; i++) {
      VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, i));
      ADDOP_I(c, loc, SWAP, 2);
      ADDOP_I(c, loc, COPY, 2);
      ADDOP_COMPARE(c, loc, asdl_seq_GET(e->v.Compare.ops, i));
      ADDOP_I(c, loc, COPY, 1);
      ADDOP(c, loc, TO_BOOL);
      ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, cleanup);
      ADDOP(c, loc, POP_TOP);
    }
    VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, n));
    ADDOP_COMPARE(c, loc, asdl_seq_GET(e->v.Compare.ops, n));
    NEW_LABEL(c, end);
    ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
    USE_LABEL(c, cleanup);
    ADDOP_I(c, loc, SWAP, 2);
    ADDOP(c, loc, POP_TOP);
    USE_LABEL(c, end);
  }
  return SUCCESS;
}

int is_import_originated(Compiler* c, expr_ty e) {
  if (e->kind != Name_kind) return 0;
  long flags = symtable::get_symbol(c->st->st_top, e->v.Name.id);
  RETURN_IF_ERROR(flags);
  return (flags & symtable::DEF_IMPORT) != 0;
}

int can_optimize_super_call(Compiler* c, expr_ty attr) {
  expr_ty e = attr->v.Attribute.value;
  if (e->kind != Call_kind || e->v.Call.func->kind != Name_kind ||
      !ident_eq(e->v.Call.func->v.Name.id, "super") ||
      ident_eq(attr->v.Attribute.attr, "__class__") || asdl_seq_LEN(e->v.Call.keywords) != 0) {
    return 0;
  }
  ssize num_args = asdl_seq_LEN(e->v.Call.args);
  Object* super_name = e->v.Call.func->v.Name.id;
  int scope = symtable::get_scope(STE(c), super_name);
  RETURN_IF_ERROR(scope);
  if (scope != symtable::GLOBAL_IMPLICIT) return 0;
  scope = symtable::get_scope(c->st->st_top, super_name);
  RETURN_IF_ERROR(scope);
  if (scope != 0) return 0;
  if (num_args == 2) {
    for (ssize i = 0; i < num_args; i++) {
      if (asdl_seq_GET(e->v.Call.args, i)->kind == Starred_kind) return 0;
    }
    return 1;
  }
  if (num_args != 0) return 0;
  if (c->u->argcount == 0 && c->u->posonlyargcount == 0) return 0;
  if (compile_get_ref_type(c, cg_id("__class__")) == symtable::FREE) return 1;
  return 0;
}

int load_args_for_super(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  Object* super_name = e->v.Call.func->v.Name.id;
  RETURN_IF_ERROR(cg_nameop(c, LOC(e->v.Call.func), super_name, Load));
  if (asdl_seq_LEN(e->v.Call.args) == 2) {
    VISIT(c, expr, asdl_seq_GET(e->v.Call.args, 0));
    VISIT(c, expr, asdl_seq_GET(e->v.Call.args, 1));
    return SUCCESS;
  }
  RETURN_IF_ERROR(cg_nameop(c, loc, cg_id("__class__"), Load));
  if (c->u->varnames.size() == 0) return ERROR;
  const std::string& first = c->u->varnames.keys()[0];
  Object* key = objects::str_from_utf8(first.data(), objects::ssize(first.size()));
  if (!key) return ERROR;
  int r = cg_nameop(c, loc, key, Load);
  objects::decref(key);
  return r;
}

int utf8_code_points(const std::string& s) {
  int n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) n++;
  return n;
}

Location update_start_location_to_match_attr(Compiler*, Location loc, expr_ty attr) {
  if (loc.lineno != attr->end_lineno) {
    loc.lineno = attr->end_lineno;
    int len = utf8_code_points(utf8_of(attr->v.Attribute.attr));
    if (len <= attr->end_col_offset) {
      loc.col_offset = attr->end_col_offset - len;
    } else {
      loc.col_offset = -1;
      loc.end_col_offset = -1;
    }
    loc.end_lineno = std::max(loc.lineno, loc.end_lineno);
    if (loc.lineno == loc.end_lineno) loc.end_col_offset = std::max(loc.col_offset, loc.end_col_offset);
  }
  return loc;
}

int maybe_optimize_function_call(Compiler* c, expr_ty e, JumpTargetLabel end) {
  asdl_expr_seq* args = e->v.Call.args;
  asdl_keyword_seq* kwds = e->v.Call.keywords;
  expr_ty func = e->v.Call.func;
  if (!(func->kind == Name_kind && asdl_seq_LEN(args) == 1 && asdl_seq_LEN(kwds) == 0 &&
        asdl_seq_GET(args, 0)->kind == GeneratorExp_kind)) {
    return 0;
  }
  Location loc = LOC(func);
  int optimized = 0;
  NEW_LABEL(c, skip_optimization);
  int const_oparg = -1;
  bool initial_res = false;
  int continue_jump_opcode = -1;
  std::string fname = utf8_of(func->v.Name.id);
  if (fname == "all") {
    const_oparg = CONSTANT_BUILTIN_ALL;
    initial_res = true;
    continue_jump_opcode = POP_JUMP_IF_TRUE;
  } else if (fname == "any") {
    const_oparg = CONSTANT_BUILTIN_ANY;
    initial_res = false;
    continue_jump_opcode = POP_JUMP_IF_FALSE;
  } else if (fname == "tuple") {
    const_oparg = CONSTANT_BUILTIN_TUPLE;
  }
  if (const_oparg != -1) {
    ADDOP_I(c, loc, COPY, 1);
    ADDOP_I(c, loc, LOAD_COMMON_CONSTANT, const_oparg);
    ADDOP_COMPARE(c, loc, Is);
    ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, skip_optimization);
    ADDOP(c, loc, POP_TOP);
    if (const_oparg == CONSTANT_BUILTIN_TUPLE) ADDOP_I(c, loc, BUILD_LIST, 0);
    VISIT(c, expr, asdl_seq_GET(args, 0));
    NEW_LABEL(c, loop);
    NEW_LABEL(c, cleanup);
    USE_LABEL(c, loop);
    ADDOP_JUMP(c, loc, FOR_ITER, cleanup);
    if (const_oparg == CONSTANT_BUILTIN_TUPLE) {
      ADDOP_I(c, loc, LIST_APPEND, 2);
      ADDOP_JUMP(c, loc, JUMP, loop);
    } else {
      ADDOP(c, loc, TO_BOOL);
      ADDOP_JUMP(c, loc, continue_jump_opcode, loop);
    }
    ADDOP(c, kNoLocation, POP_ITER);
    if (const_oparg != CONSTANT_BUILTIN_TUPLE) {
      ADDOP_LOAD_CONST(c, loc, K(c)->boolean(!initial_res));
    }
    ADDOP_JUMP(c, loc, JUMP, end);
    USE_LABEL(c, cleanup);
    ADDOP(c, kNoLocation, END_FOR);
    ADDOP(c, kNoLocation, POP_ITER);
    if (const_oparg == CONSTANT_BUILTIN_TUPLE) {
      ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
    } else {
      ADDOP_LOAD_CONST(c, loc, K(c)->boolean(initial_res));
    }
    optimized = 1;
    ADDOP_JUMP(c, loc, JUMP, end);
  }
  USE_LABEL(c, skip_optimization);
  return optimized;
}

int maybe_optimize_method_call(Compiler* c, expr_ty e) {
  expr_ty meth = e->v.Call.func;
  asdl_expr_seq* args = e->v.Call.args;
  asdl_keyword_seq* kwds = e->v.Call.keywords;
  if (meth->kind != Attribute_kind || meth->v.Attribute.ctx != Load) return 0;
  int ret = is_import_originated(c, meth->v.Attribute.value);
  RETURN_IF_ERROR(ret);
  if (ret) return 0;
  ssize argsl = asdl_seq_LEN(args);
  ssize kwdsl = asdl_seq_LEN(kwds);
  if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE) return 0;
  for (ssize i = 0; i < argsl; i++)
    if (asdl_seq_GET(args, i)->kind == Starred_kind) return 0;
  for (ssize i = 0; i < kwdsl; i++)
    if (asdl_seq_GET(kwds, i)->arg == nullptr) return 0;
  Location loc = LOC(meth);
  ret = can_optimize_super_call(c, meth);
  RETURN_IF_ERROR(ret);
  if (ret) {
    RETURN_IF_ERROR(load_args_for_super(c, meth->v.Attribute.value));
    int opcode = asdl_seq_LEN(meth->v.Attribute.value->v.Call.args) ? CG_LOAD_SUPER_METHOD
                                                                    : CG_LOAD_ZERO_SUPER_METHOD;
    ADDOP_NAME(c, loc, opcode, meth->v.Attribute.attr, DictKind::Names);
    loc = update_start_location_to_match_attr(c, loc, meth);
    ADDOP(c, loc, NOP);
  } else {
    VISIT(c, expr, meth->v.Attribute.value);
    loc = update_start_location_to_match_attr(c, loc, meth);
    ADDOP_NAME(c, loc, CG_LOAD_METHOD, meth->v.Attribute.attr, DictKind::Names);
  }
  VISIT_SEQ(c, expr, e->v.Call.args);
  if (kwdsl) {
    VISIT_SEQ(c, keyword, kwds);
    RETURN_IF_ERROR(codegen_call_simple_kw_helper(c, loc, kwds, kwdsl));
    loc = update_start_location_to_match_attr(c, LOC(e), meth);
    ADDOP_I(c, loc, CALL_KW, argsl + kwdsl);
  } else {
    loc = update_start_location_to_match_attr(c, LOC(e), meth);
    ADDOP_I(c, loc, CALL, argsl);
  }
  return 1;
}

int codegen_validate_keywords(Compiler* c, asdl_keyword_seq* keywords) {
  ssize n = asdl_seq_LEN(keywords);
  for (ssize i = 0; i < n; i++) {
    keyword_ty key = asdl_seq_GET(keywords, i);
    if (!key->arg) continue;
    std::string k = utf8_of(key->arg);
    for (ssize j = i + 1; j < n; j++) {
      keyword_ty other = asdl_seq_GET(keywords, j);
      if (other->arg && utf8_of(other->arg) == k) {
        return compile_error(c, LOC(other), "keyword argument repeated: " + k);
      }
    }
  }
  return SUCCESS;
}

int codegen_call(Compiler* c, expr_ty e) {
  RETURN_IF_ERROR(codegen_validate_keywords(c, e->v.Call.keywords));
  int ret = maybe_optimize_method_call(c, e);
  RETURN_IF_ERROR(ret);
  if (ret == 1) return SUCCESS;
  NEW_LABEL(c, skip_normal_call);
  RETURN_IF_ERROR(check_caller(c, e->v.Call.func));
  VISIT(c, expr, e->v.Call.func);
  RETURN_IF_ERROR(maybe_optimize_function_call(c, e, skip_normal_call));
  ADDOP(c, LOC(e->v.Call.func), PUSH_NULL);
  ret = codegen_call_helper(c, LOC(e), 0, e->v.Call.args, e->v.Call.keywords);
  USE_LABEL(c, skip_normal_call);
  return ret;
}

int codegen_template_str(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  ssize value_count = asdl_seq_LEN(e->v.TemplateStr.values);
  int last_was_interpolation = 1;
  ssize stringslen = 0;
  for (ssize i = 0; i < value_count; i++) {
    expr_ty value = asdl_seq_GET(e->v.TemplateStr.values, i);
    if (value->kind == Interpolation_kind) {
      if (last_was_interpolation) {
        ADDOP_LOAD_CONST(c, loc, K(c)->str(""));
        stringslen++;
      }
      last_was_interpolation = 1;
    } else {
      VISIT(c, expr, value);
      ssize j;
      for (j = i + 1; j < value_count; j++) {
        value = asdl_seq_GET(e->v.TemplateStr.values, j);
        if (value->kind == Interpolation_kind) break;
        VISIT(c, expr, value);
        ADDOP_INPLACE(c, loc, Add);
      }
      i = j - 1;
      stringslen++;
      last_was_interpolation = 0;
    }
  }
  if (last_was_interpolation) {
    ADDOP_LOAD_CONST(c, loc, K(c)->str(""));
    stringslen++;
  }
  ADDOP_I(c, loc, BUILD_TUPLE, stringslen);
  ssize interpolationslen = 0;
  for (ssize i = 0; i < value_count; i++) {
    expr_ty value = asdl_seq_GET(e->v.TemplateStr.values, i);
    if (value->kind == Interpolation_kind) {
      VISIT(c, expr, value);
      interpolationslen++;
    }
  }
  ADDOP_I(c, loc, BUILD_TUPLE, interpolationslen);
  ADDOP(c, loc, BUILD_TEMPLATE);
  return SUCCESS;
}

int codegen_joined_str(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  ssize value_count = asdl_seq_LEN(e->v.JoinedStr.values);
  if (value_count > STACK_USE_GUIDELINE) {
    ADDOP_LOAD_CONST(c, loc, K(c)->str(""));
    ADDOP_NAME(c, loc, CG_LOAD_METHOD, cg_id("join"), DictKind::Names);
    ADDOP_I(c, loc, BUILD_LIST, 0);
    for (ssize i = 0; i < value_count; i++) {
      VISIT(c, expr, asdl_seq_GET(e->v.JoinedStr.values, i));
      ADDOP_I(c, loc, LIST_APPEND, 1);
    }
    ADDOP_I(c, loc, CALL, 1);
  } else {
    VISIT_SEQ(c, expr, e->v.JoinedStr.values);
    if (value_count > 1) {
      ADDOP_I(c, loc, BUILD_STRING, value_count);
    } else if (value_count == 0) {
      ADDOP_LOAD_CONST(c, loc, K(c)->str(""));
    }
  }
  return SUCCESS;
}

int conversion_oparg(int conversion) {
  switch (conversion) {
    case 's': return FVC_STR;
    case 'r': return FVC_REPR;
    case 'a': return FVC_ASCII;
    default: return -1;
  }
}

int codegen_interpolation(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  VISIT(c, expr, e->v.Interpolation.value);
  ADDOP_LOAD_CONST(c, loc, kconst(c, e->v.Interpolation.str));
  int oparg = 2;
  if (e->v.Interpolation.format_spec) {
    oparg++;
    VISIT(c, expr, e->v.Interpolation.format_spec);
  }
  int conversion = e->v.Interpolation.conversion;
  if (conversion != -1) {
    int cv = conversion_oparg(conversion);
    if (cv < 0) return compile_error(c, loc, "Unrecognized conversion character");
    oparg |= cv << 2;
  }
  ADDOP_I(c, loc, BUILD_INTERPOLATION, oparg);
  return SUCCESS;
}

int codegen_formatted_value(Compiler* c, expr_ty e) {
  int conversion = e->v.FormattedValue.conversion;
  VISIT(c, expr, e->v.FormattedValue.value);
  Location loc = LOC(e);
  if (conversion != -1) {
    int cv = conversion_oparg(conversion);
    if (cv < 0) return compile_error(c, loc, "Unrecognized conversion character");
    ADDOP_I(c, loc, CONVERT_VALUE, cv);
  }
  if (e->v.FormattedValue.format_spec) {
    VISIT(c, expr, e->v.FormattedValue.format_spec);
    ADDOP(c, loc, FORMAT_WITH_SPEC);
  } else {
    ADDOP(c, loc, FORMAT_SIMPLE);
  }
  return SUCCESS;
}

int codegen_subkwargs(Compiler* c, Location loc, asdl_keyword_seq* keywords, ssize begin,
                      ssize end) {
  ssize n = end - begin;
  int big = n * 2 > STACK_USE_GUIDELINE;
  if (big) ADDOP_I(c, kNoLocation, BUILD_MAP, 0);
  for (ssize i = begin; i < end; i++) {
    keyword_ty kw = asdl_seq_GET(keywords, i);
    ADDOP_LOAD_CONST(c, loc, kconst(c, kw->arg));
    VISIT(c, expr, kw->value);
    if (big) ADDOP_I(c, kNoLocation, MAP_ADD, 1);
  }
  if (!big) ADDOP_I(c, loc, BUILD_MAP, n);
  return SUCCESS;
}

int codegen_call_simple_kw_helper(Compiler* c, Location loc, asdl_keyword_seq* keywords,
                                  ssize nkwelts) {
  std::vector<const Konst*> names;
  for (ssize i = 0; i < nkwelts; i++) names.push_back(kconst(c, asdl_seq_GET(keywords, i)->arg));
  ADDOP_LOAD_CONST(c, loc, K(c)->tuple(std::move(names)));
  return SUCCESS;
}

int codegen_call_helper_impl(Compiler* c, Location loc, int n, asdl_expr_seq* args,
                             Object* injected_arg, asdl_keyword_seq* keywords) {
  RETURN_IF_ERROR(codegen_validate_keywords(c, keywords));
  ssize nelts = asdl_seq_LEN(args);
  ssize nkwelts = asdl_seq_LEN(keywords);
  bool ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
  for (ssize i = 0; !ex_call && i < nelts; i++)
    if (asdl_seq_GET(args, i)->kind == Starred_kind) ex_call = true;
  for (ssize i = 0; !ex_call && i < nkwelts; i++)
    if (asdl_seq_GET(keywords, i)->arg == nullptr) ex_call = true;
  if (!ex_call) {
    for (ssize i = 0; i < nelts; i++) VISIT(c, expr, asdl_seq_GET(args, i));
    if (injected_arg) {
      RETURN_IF_ERROR(cg_nameop(c, loc, injected_arg, Load));
      nelts++;
    }
    if (nkwelts) {
      VISIT_SEQ(c, keyword, keywords);
      RETURN_IF_ERROR(codegen_call_simple_kw_helper(c, loc, keywords, nkwelts));
      ADDOP_I(c, loc, CALL_KW, n + nelts + nkwelts);
    } else {
      ADDOP_I(c, loc, CALL, n + nelts);
    }
    return SUCCESS;
  }
  if (n == 0 && nelts == 1 && asdl_seq_GET(args, 0)->kind == Starred_kind) {
    VISIT(c, expr, asdl_seq_GET(args, 0)->v.Starred.value);
  } else {
    RETURN_IF_ERROR(starunpack_helper_impl(c, loc, args, injected_arg, n, BUILD_LIST,
                                           LIST_APPEND, LIST_EXTEND, 1));
  }
  if (nkwelts) {
    int have_dict = 0;
    ssize nseen = 0;
    for (ssize i = 0; i < nkwelts; i++) {
      keyword_ty kw = asdl_seq_GET(keywords, i);
      if (kw->arg == nullptr) {
        if (nseen) {
          RETURN_IF_ERROR(codegen_subkwargs(c, loc, keywords, i - nseen, i));
          if (have_dict) ADDOP_I(c, loc, DICT_MERGE, 1);
          have_dict = 1;
          nseen = 0;
        }
        if (!have_dict) {
          ADDOP_I(c, loc, BUILD_MAP, 0);
          have_dict = 1;
        }
        VISIT(c, expr, kw->value);
        ADDOP_I(c, loc, DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      RETURN_IF_ERROR(codegen_subkwargs(c, loc, keywords, nkwelts - nseen, nkwelts));
      if (have_dict) ADDOP_I(c, loc, DICT_MERGE, 1);
      have_dict = 1;
    }
  }
  if (nkwelts == 0) ADDOP(c, loc, PUSH_NULL);
  ADDOP(c, loc, CALL_FUNCTION_EX);
  return SUCCESS;
}

// ---- comprehensions ----

int codegen_sync_comprehension_generator(Compiler* c, Location loc,
                                         asdl_comprehension_seq* generators, int gen_index,
                                         int depth, expr_ty elt, expr_ty val, int type,
                                         int iter_on_stack) {
  JumpTargetLabel start = cg_new_label(c);
  NEW_LABEL(c, if_cleanup);
  NEW_LABEL(c, anchor);
  comprehension_ty gen = asdl_seq_GET(generators, gen_index);
  if (!iter_on_stack) {
    if (gen_index == 0) {
      ADDOP_I(c, loc, LOAD_FAST, 0);
    } else {
      asdl_expr_seq* elts = nullptr;
      if (gen->iter->kind == List_kind) elts = gen->iter->v.List.elts;
      else if (gen->iter->kind == Tuple_kind) elts = gen->iter->v.Tuple.elts;
      if (asdl_seq_LEN(elts) == 1) {
        expr_ty e1 = asdl_seq_GET(elts, 0);
        if (e1->kind != Starred_kind) {
          VISIT(c, expr, e1);
          start = kNoLabel;
        }
      }
      if (start.id >= 0) {
        VISIT(c, expr, gen->iter);
        ADDOP(c, LOC(gen->iter), GET_ITER);
      }
    }
  }
  if (start.id >= 0) {
    depth++;
    USE_LABEL(c, start);
    ADDOP_JUMP(c, LOC(gen->iter), FOR_ITER, anchor);
  }
  VISIT(c, expr, gen->target);
  ssize n = asdl_seq_LEN(gen->ifs);
  for (ssize i = 0; i < n; i++) {
    RETURN_IF_ERROR(cg_jump_if(c, loc, asdl_seq_GET(gen->ifs, i), if_cleanup, 0));
  }
  if (++gen_index < asdl_seq_LEN(generators)) {
    RETURN_IF_ERROR(codegen_comprehension_generator(c, loc, generators, gen_index, depth, elt,
                                                    val, type, 0));
  }
  Location elt_loc = LOC(elt);
  if (gen_index >= asdl_seq_LEN(generators)) {
    switch (type) {
      case COMP_GENEXP:
        VISIT(c, expr, elt);
        RETURN_IF_ERROR(codegen_addop_yield(c, elt_loc));
        ADDOP(c, elt_loc, POP_TOP);
        break;
      case COMP_LISTCOMP:
        VISIT(c, expr, elt);
        ADDOP_I(c, elt_loc, LIST_APPEND, depth + 1);
        break;
      case COMP_SETCOMP:
        VISIT(c, expr, elt);
        ADDOP_I(c, elt_loc, SET_ADD, depth + 1);
        break;
      case COMP_DICTCOMP:
        VISIT(c, expr, elt);
        VISIT(c, expr, val);
        elt_loc = Location{elt->lineno, val->end_lineno, elt->col_offset, val->end_col_offset};
        ADDOP_I(c, elt_loc, MAP_ADD, depth + 1);
        break;
      default:
        return ERROR;
    }
  }
  USE_LABEL(c, if_cleanup);
  if (start.id >= 0) {
    ADDOP_JUMP(c, elt_loc, JUMP, start);
    USE_LABEL(c, anchor);
    ADDOP(c, kNoLocation, END_FOR);
    ADDOP(c, kNoLocation, POP_ITER);
  }
  return SUCCESS;
}

int codegen_async_comprehension_generator(Compiler* c, Location loc,
                                          asdl_comprehension_seq* generators, int gen_index,
                                          int depth, expr_ty elt, expr_ty val, int type,
                                          int iter_on_stack) {
  NEW_LABEL(c, start);
  NEW_LABEL(c, send);
  NEW_LABEL(c, except);
  NEW_LABEL(c, if_cleanup);
  comprehension_ty gen = asdl_seq_GET(generators, gen_index);
  if (!iter_on_stack) {
    if (gen_index == 0) {
      ADDOP_I(c, loc, LOAD_FAST, 0);
    } else {
      VISIT(c, expr, gen->iter);
      ADDOP(c, LOC(gen->iter), GET_AITER);
    }
  }
  USE_LABEL(c, start);
  RETURN_IF_ERROR(compile_push_fblock(c, loc, COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR,
                                      start, kNoLabel, nullptr));
  ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
  ADDOP(c, loc, GET_ANEXT);
  ADDOP_LOAD_CONST(c, loc, K(c)->none());
  USE_LABEL(c, send);
  ADD_YIELD_FROM(c, loc, 1);
  ADDOP(c, loc, POP_BLOCK);
  VISIT(c, expr, gen->target);
  ssize n = asdl_seq_LEN(gen->ifs);
  for (ssize i = 0; i < n; i++) {
    RETURN_IF_ERROR(cg_jump_if(c, loc, asdl_seq_GET(gen->ifs, i), if_cleanup, 0));
  }
  depth++;
  if (++gen_index < asdl_seq_LEN(generators)) {
    RETURN_IF_ERROR(codegen_comprehension_generator(c, loc, generators, gen_index, depth, elt,
                                                    val, type, 0));
  }
  Location elt_loc = LOC(elt);
  if (gen_index >= asdl_seq_LEN(generators)) {
    switch (type) {
      case COMP_GENEXP:
        VISIT(c, expr, elt);
        RETURN_IF_ERROR(codegen_addop_yield(c, elt_loc));
        ADDOP(c, elt_loc, POP_TOP);
        break;
      case COMP_LISTCOMP:
        VISIT(c, expr, elt);
        ADDOP_I(c, elt_loc, LIST_APPEND, depth + 1);
        break;
      case COMP_SETCOMP:
        VISIT(c, expr, elt);
        ADDOP_I(c, elt_loc, SET_ADD, depth + 1);
        break;
      case COMP_DICTCOMP:
        VISIT(c, expr, elt);
        VISIT(c, expr, val);
        elt_loc = Location{elt->lineno, val->end_lineno, elt->col_offset, val->end_col_offset};
        ADDOP_I(c, elt_loc, MAP_ADD, depth + 1);
        break;
      default:
        return ERROR;
    }
  }
  USE_LABEL(c, if_cleanup);
  ADDOP_JUMP(c, elt_loc, JUMP, start);
  compile_pop_fblock(c, COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR, start);
  USE_LABEL(c, except);
  ADDOP_JUMP(c, loc, END_ASYNC_FOR, send);
  return SUCCESS;
}

int codegen_comprehension_generator(Compiler* c, Location loc,
                                    asdl_comprehension_seq* generators, int gen_index,
                                    int depth, expr_ty elt, expr_ty val, int type,
                                    int iter_on_stack) {
  comprehension_ty gen = asdl_seq_GET(generators, gen_index);
  if (gen->is_async) {
    return codegen_async_comprehension_generator(c, loc, generators, gen_index, depth, elt, val,
                                                 type, iter_on_stack);
  }
  return codegen_sync_comprehension_generator(c, loc, generators, gen_index, depth, elt, val,
                                              type, iter_on_stack);
}

int codegen_push_inlined_comprehension_locals(Compiler* c, Location loc,
                                              symtable::SymbolTableEntry* comp,
                                              InlinedComprehensionState* state) {
  int in_class_block =
      (STE(c)->ste_type == symtable::ClassBlock) && !c->u->in_inlined_comp;
  symtable::SymbolTableEntry* outer = STE(c);
  const symtable::SymbolMap& m = comp->ste_symbols;
  for (objects::ssize i = 0; i < m.slots(); i++) {
    if (!m.live(i)) continue;
    Object* k = m.name_at(i);
    long symbol = m.flags_at(i);
    long scope = symtable::symbol_to_scope(symbol);
    long outsymbol = symtable::get_symbol(outer, k);
    long outsc = symtable::symbol_to_scope(outsymbol);
    if (((symbol & symtable::DEF_LOCAL) && !(symbol & symtable::DEF_NONLOCAL)) ||
        in_class_block) {
      state->has_pushed = true;
      ADDOP_NAME(c, loc, LOAD_FAST_AND_CLEAR, k, DictKind::Varnames);
      if (scope == symtable::CELL) {
        if (outsc == symtable::FREE) {
          ADDOP_NAME(c, loc, MAKE_CELL, k, DictKind::Freevars);
        } else {
          ADDOP_NAME(c, loc, MAKE_CELL, k, DictKind::Cellvars);
        }
      }
      state->pushed_locals.push_back(k);
    }
  }
  if (state->has_pushed) {
    ADDOP_I(c, loc, SWAP, long(state->pushed_locals.size()) + 1);
    NEW_LABEL(c, cleanup);
    state->cleanup = cleanup;
    ADDOP_JUMP(c, loc, SETUP_FINALLY, cleanup);
  }
  return SUCCESS;
}

int restore_inlined_comprehension_locals(Compiler* c, Location loc,
                                         InlinedComprehensionState* state) {
  long npops = long(state->pushed_locals.size());
  ADDOP_I(c, loc, SWAP, npops + 1);
  for (long i = npops - 1; i >= 0; --i) {
    ADDOP_NAME(c, loc, STORE_FAST_MAYBE_NULL, state->pushed_locals[size_t(i)],
               DictKind::Varnames);
  }
  return SUCCESS;
}

int codegen_pop_inlined_comprehension_locals(Compiler* c, Location loc,
                                             InlinedComprehensionState* state) {
  if (state->has_pushed) {
    ADDOP(c, kNoLocation, POP_BLOCK);
    NEW_LABEL(c, end);
    ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, end);
    USE_LABEL(c, state->cleanup);
    ADDOP_I(c, kNoLocation, SWAP, 2);
    ADDOP(c, kNoLocation, POP_TOP);
    RETURN_IF_ERROR(restore_inlined_comprehension_locals(c, loc, state));
    ADDOP_I(c, kNoLocation, RERAISE, 0);
    USE_LABEL(c, end);
    RETURN_IF_ERROR(restore_inlined_comprehension_locals(c, loc, state));
    state->pushed_locals.clear();
    state->has_pushed = false;
  }
  return SUCCESS;
}

int codegen_comprehension(Compiler* c, expr_ty e, int type, Object* name,
                          asdl_comprehension_seq* generators, expr_ty elt, expr_ty val) {
  InlinedComprehensionState inline_state;
  symtable::SymbolTableEntry* entry = symtable::lookup(c->st, e);
  if (!entry) return ERROR;
  int is_inlined = entry->ste_comp_inlined;
  int is_async_comprehension = entry->ste_coroutine;
  Location loc = LOC(e);
  comprehension_ty outermost = asdl_seq_GET(generators, 0);
  // 3.14 evaluates the outermost iterable and takes its iterator in the enclosing scope.
  if (is_inlined) {
    VISIT(c, expr, outermost->iter);
    ADDOP(c, LOC(outermost->iter), outermost->is_async ? GET_AITER : GET_ITER);
    RETURN_IF_ERROR(compile_tweak_inlined_comprehension_scopes(c, loc, entry, &inline_state));
    RETURN_IF_ERROR(codegen_push_inlined_comprehension_locals(c, loc, entry, &inline_state));
  } else {
    UnitArgs umd;
    umd.argcount = 1;
    RETURN_IF_ERROR(codegen_enter_scope(c, name, COMPILE_SCOPE_COMPREHENSION, e, e->lineno,
                                        nullptr, &umd));
  }
  auto error_in_scope = [&]() {
    if (!is_inlined) compile_exit_scope(c);
    return ERROR;
  };
  if (type != COMP_GENEXP) {
    int op = type == COMP_LISTCOMP ? BUILD_LIST : type == COMP_SETCOMP ? BUILD_SET : BUILD_MAP;
    if (cg_addop_i(c, loc, op, 0) < 0) return error_in_scope();
    if (is_inlined && cg_addop_i(c, loc, SWAP, 2) < 0) return error_in_scope();
  }
  if (codegen_comprehension_generator(c, loc, generators, 0, 0, elt, val, type, is_inlined) < 0)
    return error_in_scope();
  if (is_inlined) {
    RETURN_IF_ERROR(codegen_pop_inlined_comprehension_locals(c, loc, &inline_state));
    RETURN_IF_ERROR(compile_revert_inlined_comprehension_scopes(c, loc, &inline_state));
    return SUCCESS;
  }
  if (type != COMP_GENEXP) {
    if (cg_addop_i(c, LOC(e), RETURN_VALUE, 0) < 0) return error_in_scope();
  }
  if (type == COMP_GENEXP) {
    if (codegen_wrap_in_stopiteration_handler(c) < 0) return error_in_scope();
  }
  std::shared_ptr<CodeData> co = compile_optimize_and_assemble(c, 1);
  compile_exit_scope(c);
  if (!co) return ERROR;
  loc = LOC(e);
  RETURN_IF_ERROR(codegen_make_closure(c, loc, co, 0));
  VISIT(c, expr, outermost->iter);
  ADDOP(c, LOC(outermost->iter), outermost->is_async ? GET_AITER : GET_ITER);
  ADDOP_I(c, loc, CALL, 0);
  if (is_async_comprehension && type != COMP_GENEXP) {
    ADDOP_I(c, loc, GET_AWAITABLE, 0);
    ADDOP_LOAD_CONST(c, loc, K(c)->none());
    ADD_YIELD_FROM(c, loc, 1);
  }
  return SUCCESS;
}

int codegen_visit_keyword(Compiler* c, keyword_ty k) {
  VISIT(c, expr, k->value);
  return SUCCESS;
}

int codegen_with_except_finish(Compiler* c, JumpTargetLabel cleanup) {
  NEW_LABEL(c, suppress);
  ADDOP(c, kNoLocation, TO_BOOL);
  ADDOP_JUMP(c, kNoLocation, POP_JUMP_IF_TRUE, suppress);
  ADDOP_I(c, kNoLocation, RERAISE, 2);
  USE_LABEL(c, suppress);
  ADDOP(c, kNoLocation, POP_TOP);
  ADDOP(c, kNoLocation, POP_BLOCK);
  ADDOP(c, kNoLocation, POP_EXCEPT);
  ADDOP(c, kNoLocation, POP_TOP);
  ADDOP(c, kNoLocation, POP_TOP);
  ADDOP(c, kNoLocation, POP_TOP);
  NEW_LABEL(c, exit);
  ADDOP_JUMP(c, kNoLocation, JUMP_NO_INTERRUPT, exit);
  USE_LABEL(c, cleanup);
  POP_EXCEPT_AND_RERAISE(c, kNoLocation);
  USE_LABEL(c, exit);
  return SUCCESS;
}

int codegen_async_with_inner(Compiler* c, stmt_ty s, int pos) {
  Location loc = LOC(s);
  withitem_ty item = asdl_seq_GET(s->v.AsyncWith.items, pos);
  NEW_LABEL(c, block);
  NEW_LABEL(c, final);
  NEW_LABEL(c, exit);
  NEW_LABEL(c, cleanup);
  VISIT(c, expr, item->context_expr);
  loc = LOC(item->context_expr);
  ADDOP_I(c, loc, COPY, 1);
  ADDOP_I(c, loc, LOAD_SPECIAL, SPECIAL___AEXIT__);
  ADDOP_I(c, loc, SWAP, 2);
  ADDOP_I(c, loc, SWAP, 3);
  ADDOP_I(c, loc, LOAD_SPECIAL, SPECIAL___AENTER__);
  ADDOP_I(c, loc, CALL, 0);
  ADDOP_I(c, loc, GET_AWAITABLE, 1);
  ADDOP_LOAD_CONST(c, loc, K(c)->none());
  ADD_YIELD_FROM(c, loc, 1);
  ADDOP_JUMP(c, loc, SETUP_WITH, final);
  USE_LABEL(c, block);
  RETURN_IF_ERROR(compile_push_fblock(c, loc, COMPILE_FBLOCK_ASYNC_WITH, block, final, s));
  if (item->optional_vars) {
    VISIT(c, expr, item->optional_vars);
  } else {
    ADDOP(c, loc, POP_TOP);
  }
  pos++;
  if (pos == asdl_seq_LEN(s->v.AsyncWith.items)) {
    VISIT_SEQ(c, stmt, s->v.AsyncWith.body);
  } else {
    RETURN_IF_ERROR(codegen_async_with_inner(c, s, pos));
  }
  compile_pop_fblock(c, COMPILE_FBLOCK_ASYNC_WITH, block);
  ADDOP(c, loc, POP_BLOCK);
  RETURN_IF_ERROR(codegen_call_exit_with_nones(c, loc));
  ADDOP_I(c, loc, GET_AWAITABLE, 2);
  ADDOP_LOAD_CONST(c, loc, K(c)->none());
  ADD_YIELD_FROM(c, loc, 1);
  ADDOP(c, loc, POP_TOP);
  ADDOP_JUMP(c, loc, JUMP, exit);
  USE_LABEL(c, final);
  ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
  ADDOP(c, loc, PUSH_EXC_INFO);
  ADDOP(c, loc, WITH_EXCEPT_START);
  ADDOP_I(c, loc, GET_AWAITABLE, 2);
  ADDOP_LOAD_CONST(c, loc, K(c)->none());
  ADD_YIELD_FROM(c, loc, 1);
  RETURN_IF_ERROR(codegen_with_except_finish(c, cleanup));
  USE_LABEL(c, exit);
  return SUCCESS;
}

int codegen_with_inner(Compiler* c, stmt_ty s, int pos) {
  withitem_ty item = asdl_seq_GET(s->v.With.items, pos);
  NEW_LABEL(c, block);
  NEW_LABEL(c, final);
  NEW_LABEL(c, exit);
  NEW_LABEL(c, cleanup);
  VISIT(c, expr, item->context_expr);
  Location loc = LOC(item->context_expr);
  ADDOP_I(c, loc, COPY, 1);
  ADDOP_I(c, loc, LOAD_SPECIAL, SPECIAL___EXIT__);
  ADDOP_I(c, loc, SWAP, 2);
  ADDOP_I(c, loc, SWAP, 3);
  ADDOP_I(c, loc, LOAD_SPECIAL, SPECIAL___ENTER__);
  ADDOP_I(c, loc, CALL, 0);
  ADDOP_JUMP(c, loc, SETUP_WITH, final);
  USE_LABEL(c, block);
  RETURN_IF_ERROR(compile_push_fblock(c, loc, COMPILE_FBLOCK_WITH, block, final, s));
  if (item->optional_vars) {
    VISIT(c, expr, item->optional_vars);
  } else {
    ADDOP(c, loc, POP_TOP);
  }
  pos++;
  if (pos == asdl_seq_LEN(s->v.With.items)) {
    VISIT_SEQ(c, stmt, s->v.With.body);
  } else {
    RETURN_IF_ERROR(codegen_with_inner(c, s, pos));
  }
  ADDOP(c, kNoLocation, POP_BLOCK);
  compile_pop_fblock(c, COMPILE_FBLOCK_WITH, block);
  RETURN_IF_ERROR(codegen_call_exit_with_nones(c, loc));
  ADDOP(c, loc, POP_TOP);
  ADDOP_JUMP(c, loc, JUMP, exit);
  USE_LABEL(c, final);
  ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
  ADDOP(c, loc, PUSH_EXC_INFO);
  ADDOP(c, loc, WITH_EXCEPT_START);
  RETURN_IF_ERROR(codegen_with_except_finish(c, cleanup));
  USE_LABEL(c, exit);
  return SUCCESS;
}

bool is_constant_slice(expr_ty s) {
  return s->kind == Slice_kind &&
         (!s->v.Slice.lower || s->v.Slice.lower->kind == Constant_kind) &&
         (!s->v.Slice.upper || s->v.Slice.upper->kind == Constant_kind) &&
         (!s->v.Slice.step || s->v.Slice.step->kind == Constant_kind);
}

bool should_apply_two_element_slice_optimization(expr_ty s) {
  return !is_constant_slice(s) && s->kind == Slice_kind && s->v.Slice.step == nullptr;
}

int codegen_augassign(Compiler* c, stmt_ty s) {
  expr_ty e = s->v.AugAssign.target;
  Location loc = LOC(e);
  switch (e->kind) {
    case Attribute_kind:
      VISIT(c, expr, e->v.Attribute.value);
      ADDOP_I(c, loc, COPY, 1);
      loc = update_start_location_to_match_attr(c, loc, e);
      ADDOP_NAME(c, loc, LOAD_ATTR, e->v.Attribute.attr, DictKind::Names);
      break;
    case Subscript_kind:
      VISIT(c, expr, e->v.Subscript.value);
      if (should_apply_two_element_slice_optimization(e->v.Subscript.slice)) {
        RETURN_IF_ERROR(codegen_slice_two_parts(c, e->v.Subscript.slice));
        ADDOP_I(c, loc, COPY, 3);
        ADDOP_I(c, loc, COPY, 3);
        ADDOP_I(c, loc, COPY, 3);
        ADDOP(c, loc, BINARY_SLICE);
      } else {
        VISIT(c, expr, e->v.Subscript.slice);
        ADDOP_I(c, loc, COPY, 2);
        ADDOP_I(c, loc, COPY, 2);
        ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR);
      }
      break;
    case Name_kind:
      RETURN_IF_ERROR(cg_nameop(c, loc, e->v.Name.id, Load));
      break;
    default:
      return compile_error(c, loc, "invalid node type for augmented assignment");
  }
  loc = LOC(s);
  VISIT(c, expr, s->v.AugAssign.value);
  ADDOP_INPLACE(c, loc, s->v.AugAssign.op);
  loc = LOC(e);
  switch (e->kind) {
    case Attribute_kind:
      loc = update_start_location_to_match_attr(c, loc, e);
      ADDOP_I(c, loc, SWAP, 2);
      ADDOP_NAME(c, loc, STORE_ATTR, e->v.Attribute.attr, DictKind::Names);
      break;
    case Subscript_kind:
      if (should_apply_two_element_slice_optimization(e->v.Subscript.slice)) {
        ADDOP_I(c, loc, SWAP, 4);
        ADDOP_I(c, loc, SWAP, 3);
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP(c, loc, STORE_SLICE);
      } else {
        ADDOP_I(c, loc, SWAP, 3);
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP(c, loc, STORE_SUBSCR);
      }
      break;
    case Name_kind:
      return cg_nameop(c, loc, e->v.Name.id, Store);
    default:
      return ERROR;
  }
  return SUCCESS;
}

int codegen_check_ann_expr(Compiler* c, expr_ty e) {
  VISIT(c, expr, e);
  ADDOP(c, LOC(e), POP_TOP);
  return SUCCESS;
}

int codegen_check_annotation(Compiler* c, stmt_ty s) {
  if (future_annotations(c)) return SUCCESS;
  if (SCOPE_TYPE(c) == COMPILE_SCOPE_MODULE || SCOPE_TYPE(c) == COMPILE_SCOPE_CLASS) {
    return codegen_check_ann_expr(c, s->v.AnnAssign.annotation);
  }
  return SUCCESS;
}

int codegen_check_ann_subscr(Compiler* c, expr_ty e) {
  switch (e->kind) {
    case Slice_kind:
      if (e->v.Slice.lower && codegen_check_ann_expr(c, e->v.Slice.lower) < 0) return ERROR;
      if (e->v.Slice.upper && codegen_check_ann_expr(c, e->v.Slice.upper) < 0) return ERROR;
      if (e->v.Slice.step && codegen_check_ann_expr(c, e->v.Slice.step) < 0) return ERROR;
      return SUCCESS;
    case Tuple_kind: {
      asdl_expr_seq* elts = e->v.Tuple.elts;
      for (ssize i = 0; i < asdl_seq_LEN(elts); i++)
        RETURN_IF_ERROR(codegen_check_ann_subscr(c, asdl_seq_GET(elts, i)));
      return SUCCESS;
    }
    default:
      return codegen_check_ann_expr(c, e);
  }
}

int codegen_annassign(Compiler* c, stmt_ty s) {
  Location loc = LOC(s);
  expr_ty targ = s->v.AnnAssign.target;
  bool fut = future_annotations(c);
  if (s->v.AnnAssign.value) {
    VISIT(c, expr, s->v.AnnAssign.value);
    VISIT(c, expr, targ);
  }
  switch (targ->kind) {
    case Name_kind:
      if (s->v.AnnAssign.simple &&
          (SCOPE_TYPE(c) == COMPILE_SCOPE_MODULE || SCOPE_TYPE(c) == COMPILE_SCOPE_CLASS)) {
        if (fut) {
          VISIT(c, annexpr, s->v.AnnAssign.annotation);
          ADDOP_NAME(c, loc, LOAD_NAME, cg_id("__annotations__"), DictKind::Names);
          Object* mangled = compile_maybe_mangle(c, targ->v.Name.id);
          if (!mangled) return ERROR;
          ADDOP_LOAD_CONST(c, loc, K(c)->from_new_object(mangled));
          ADDOP(c, loc, STORE_SUBSCR);
        } else {
          long conditional_index = -1;
          RETURN_IF_ERROR(compile_add_deferred_annotation(c, s, &conditional_index));
          if (conditional_index >= 0) {
            ADDOP_NAME(c, loc, SCOPE_TYPE(c) == COMPILE_SCOPE_CLASS ? LOAD_DEREF : LOAD_NAME,
                       cg_id("__conditional_annotations__"), DictKind::Cellvars);
            ADDOP_LOAD_CONST(c, loc, K(c)->integer(conditional_index));
            ADDOP_I(c, loc, SET_ADD, 1);
            ADDOP(c, loc, POP_TOP);
          }
        }
      }
      break;
    case Attribute_kind:
      if (!s->v.AnnAssign.value && codegen_check_ann_expr(c, targ->v.Attribute.value) < 0)
        return ERROR;
      break;
    case Subscript_kind:
      if (!s->v.AnnAssign.value &&
          (codegen_check_ann_expr(c, targ->v.Subscript.value) < 0 ||
           codegen_check_ann_subscr(c, targ->v.Subscript.slice) < 0))
        return ERROR;
      break;
    default:
      return compile_error(c, loc, "invalid node type for annotated assignment");
  }
  if (fut && !s->v.AnnAssign.simple && codegen_check_annotation(c, s) < 0) return ERROR;
  return SUCCESS;
}

int codegen_subscript(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  int ctx = e->v.Subscript.ctx;
  if (ctx == Load) {
    RETURN_IF_ERROR(check_subscripter(c, e->v.Subscript.value));
    RETURN_IF_ERROR(check_index(c, e->v.Subscript.value, e->v.Subscript.slice));
  }
  VISIT(c, expr, e->v.Subscript.value);
  if (should_apply_two_element_slice_optimization(e->v.Subscript.slice) && ctx != Del) {
    RETURN_IF_ERROR(codegen_slice_two_parts(c, e->v.Subscript.slice));
    if (ctx == Load) {
      ADDOP(c, loc, BINARY_SLICE);
    } else {
      ADDOP(c, loc, STORE_SLICE);
    }
  } else {
    VISIT(c, expr, e->v.Subscript.slice);
    switch (ctx) {
      case Load: ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR); break;
      case Store: ADDOP(c, loc, STORE_SUBSCR); break;
      case Del: ADDOP(c, loc, DELETE_SUBSCR); break;
    }
  }
  return SUCCESS;
}

int codegen_slice_two_parts(Compiler* c, expr_ty s) {
  if (s->v.Slice.lower) {
    VISIT(c, expr, s->v.Slice.lower);
  } else {
    ADDOP_LOAD_CONST(c, LOC(s), K(c)->none());
  }
  if (s->v.Slice.upper) {
    VISIT(c, expr, s->v.Slice.upper);
  } else {
    ADDOP_LOAD_CONST(c, LOC(s), K(c)->none());
  }
  return 0;
}

int codegen_slice(Compiler* c, expr_ty s) {
  int n = 2;
  if (is_constant_slice(s)) {
    auto part = [&](expr_ty x) {
      return x ? kconst(c, x->v.Constant.value) : K(c)->none();
    };
    ADDOP_LOAD_CONST(c, LOC(s), K(c)->slice(part(s->v.Slice.lower), part(s->v.Slice.upper),
                                            part(s->v.Slice.step)));
    return SUCCESS;
  }
  RETURN_IF_ERROR(codegen_slice_two_parts(c, s));
  if (s->v.Slice.step) {
    n++;
    VISIT(c, expr, s->v.Slice.step);
  }
  ADDOP_I(c, LOC(s), BUILD_SLICE, n);
  return SUCCESS;
}

}  // namespace

int codegen_visit_expr(Compiler* c, expr_ty e) {
  Location loc = LOC(e);
  switch (e->kind) {
    case NamedExpr_kind:
      VISIT(c, expr, e->v.NamedExpr.value);
      ADDOP_I(c, loc, COPY, 1);
      VISIT(c, expr, e->v.NamedExpr.target);
      break;
    case BoolOp_kind: return codegen_boolop(c, e);
    case BinOp_kind:
      VISIT(c, expr, e->v.BinOp.left);
      VISIT(c, expr, e->v.BinOp.right);
      ADDOP_BINARY(c, loc, e->v.BinOp.op);
      break;
    case UnaryOp_kind:
      VISIT(c, expr, e->v.UnaryOp.operand);
      if (e->v.UnaryOp.op == UAdd) {
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE);
      } else if (e->v.UnaryOp.op == Not) {
        ADDOP(c, loc, TO_BOOL);
        ADDOP(c, loc, UNARY_NOT);
      } else {
        ADDOP(c, loc, e->v.UnaryOp.op == Invert ? UNARY_INVERT : UNARY_NEGATIVE);
      }
      break;
    case Lambda_kind: return codegen_lambda(c, e);
    case IfExp_kind: return codegen_ifexp(c, e);
    case Dict_kind: return codegen_dict(c, e);
    case Set_kind: return codegen_set(c, e);
    case GeneratorExp_kind:
      return codegen_comprehension(c, e, COMP_GENEXP, cg_id("<genexpr>"),
                                   e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, nullptr);
    case ListComp_kind:
      return codegen_comprehension(c, e, COMP_LISTCOMP, cg_id("<listcomp>"),
                                   e->v.ListComp.generators, e->v.ListComp.elt, nullptr);
    case SetComp_kind:
      return codegen_comprehension(c, e, COMP_SETCOMP, cg_id("<setcomp>"),
                                   e->v.SetComp.generators, e->v.SetComp.elt, nullptr);
    case DictComp_kind:
      return codegen_comprehension(c, e, COMP_DICTCOMP, cg_id("<dictcomp>"),
                                   e->v.DictComp.generators, e->v.DictComp.key,
                                   e->v.DictComp.value);
    case Yield_kind:
      if (!symtable::is_function_like(STE(c)))
        return compile_error(c, loc, "'yield' outside function");
      if (e->v.Yield.value) {
        VISIT(c, expr, e->v.Yield.value);
      } else {
        ADDOP_LOAD_CONST(c, loc, K(c)->none());
      }
      RETURN_IF_ERROR(codegen_addop_yield(c, loc));
      break;
    case YieldFrom_kind:
      if (!symtable::is_function_like(STE(c)))
        return compile_error(c, loc, "'yield from' outside function");
      if (SCOPE_TYPE(c) == COMPILE_SCOPE_ASYNC_FUNCTION)
        return compile_error(c, loc, "'yield from' inside async function");
      VISIT(c, expr, e->v.YieldFrom.value);
      ADDOP(c, loc, GET_YIELD_FROM_ITER);
      ADDOP_LOAD_CONST(c, loc, K(c)->none());
      ADD_YIELD_FROM(c, loc, 0);
      break;
    case Await_kind:
      VISIT(c, expr, e->v.Await.value);
      ADDOP_I(c, loc, GET_AWAITABLE, 0);
      ADDOP_LOAD_CONST(c, loc, K(c)->none());
      ADD_YIELD_FROM(c, loc, 1);
      break;
    case Compare_kind: return codegen_compare(c, e);
    case Call_kind: return codegen_call(c, e);
    case Constant_kind: ADDOP_LOAD_CONST(c, loc, kconst(c, e->v.Constant.value)); break;
    case JoinedStr_kind: return codegen_joined_str(c, e);
    case TemplateStr_kind: return codegen_template_str(c, e);
    case FormattedValue_kind: return codegen_formatted_value(c, e);
    case Interpolation_kind: return codegen_interpolation(c, e);
    case Attribute_kind:
      if (e->v.Attribute.ctx == Load) {
        int ret = can_optimize_super_call(c, e);
        RETURN_IF_ERROR(ret);
        if (ret) {
          RETURN_IF_ERROR(load_args_for_super(c, e->v.Attribute.value));
          int opcode = asdl_seq_LEN(e->v.Attribute.value->v.Call.args) ? LOAD_SUPER_ATTR
                                                                       : CG_LOAD_ZERO_SUPER_ATTR;
          ADDOP_NAME(c, loc, opcode, e->v.Attribute.attr, DictKind::Names);
          loc = update_start_location_to_match_attr(c, loc, e);
          ADDOP(c, loc, NOP);
          return SUCCESS;
        }
      }
      RETURN_IF_ERROR(compile_maybe_add_static_attribute_to_class(c, e));
      VISIT(c, expr, e->v.Attribute.value);
      loc = update_start_location_to_match_attr(c, LOC(e), e);
      switch (e->v.Attribute.ctx) {
        case Load: ADDOP_NAME(c, loc, LOAD_ATTR, e->v.Attribute.attr, DictKind::Names); break;
        case Store: ADDOP_NAME(c, loc, STORE_ATTR, e->v.Attribute.attr, DictKind::Names); break;
        case Del: ADDOP_NAME(c, loc, DELETE_ATTR, e->v.Attribute.attr, DictKind::Names); break;
      }
      break;
    case Subscript_kind: return codegen_subscript(c, e);
    case Starred_kind:
      if (e->v.Starred.ctx == Store) {
        return compile_error(c, loc, "starred assignment target must be in a list or tuple");
      }
      return compile_error(c, loc, "can't use starred expression here");
    case Slice_kind: RETURN_IF_ERROR(codegen_slice(c, e)); break;
    case Name_kind: return cg_nameop(c, loc, e->v.Name.id, e->v.Name.ctx);
    case List_kind: return codegen_list(c, e);
    case Tuple_kind: return codegen_tuple(c, e);
  }
  return SUCCESS;
}

// ---- entry points ----

int codegen_enter_anonymous_scope(Compiler* c, mod_ty mod) {
  return codegen_enter_scope(c, cg_id("<module>"), COMPILE_SCOPE_MODULE, mod, 1, nullptr,
                             nullptr);
}

int codegen_module(Compiler* c, Location loc, asdl_stmt_seq* stmts, bool is_interactive) {
  if (STE(c)->ste_has_conditional_annotations) {
    ADDOP_I(c, loc, BUILD_SET, 0);
    ADDOP_N(c, loc, STORE_NAME, cg_id("__conditional_annotations__"), DictKind::Names);
  }
  return codegen_body(c, loc, stmts, is_interactive);
}

int codegen_expression(Compiler* c, expr_ty e) {
  VISIT(c, expr, e);
  return SUCCESS;
}

int codegen_add_return_at_end(Compiler* c, int add_none) {
  if (add_none) ADDOP_LOAD_CONST(c, kNoLocation, K(c)->none());
  ADDOP(c, kNoLocation, RETURN_VALUE);
  return SUCCESS;
}

}  // namespace cppy::compile
