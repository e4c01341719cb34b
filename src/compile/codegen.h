// Between compile.cpp (the compiler state: unit stack, scopes, constants, names, assembly;
// Python/compile.c) and codegen*.cpp (AST -> instruction sequence; Python/codegen.c), as
// Include/internal/pycore_compile.h declares them.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "ast/ast.h"
#include "compile/compile.h"
#include "compile/instruction_sequence.h"
#include "compile/konst.h"
#include "compile/unit_metadata.h"
#include "symtable/symtable.h"

namespace cppy::compile {

using objects::Object;

// COMPILE_SCOPE_*.
enum ScopeType {
  COMPILE_SCOPE_MODULE,
  COMPILE_SCOPE_CLASS,
  COMPILE_SCOPE_FUNCTION,
  COMPILE_SCOPE_ASYNC_FUNCTION,
  COMPILE_SCOPE_LAMBDA,
  COMPILE_SCOPE_COMPREHENSION,
  COMPILE_SCOPE_ANNOTATIONS,
};

// _PyCompile_FBlockType.
enum FBlockType {
  COMPILE_FBLOCK_WHILE_LOOP,
  COMPILE_FBLOCK_FOR_LOOP,
  COMPILE_FBLOCK_TRY_EXCEPT,
  COMPILE_FBLOCK_FINALLY_TRY,
  COMPILE_FBLOCK_FINALLY_END,
  COMPILE_FBLOCK_WITH,
  COMPILE_FBLOCK_ASYNC_WITH,
  COMPILE_FBLOCK_HANDLER_CLEANUP,
  COMPILE_FBLOCK_POP_VALUE,
  COMPILE_FBLOCK_EXCEPTION_HANDLER,
  COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER,
  COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR,
  COMPILE_FBLOCK_STOP_ITERATION,
};

// _PyCompile_FBlockInfo. fb_datum: the finally body (asdl_stmt_seq*), the handler's name
// (Object*) or the with statement, by type.
struct FBlockInfo {
  FBlockType fb_type;
  JumpTargetLabel fb_block;
  Location fb_loc;
  JumpTargetLabel fb_exit;
  const void* fb_datum;
};

// _PyCompile_optype.
enum OpType { COMPILE_OP_FAST, COMPILE_OP_GLOBAL, COMPILE_OP_DEREF, COMPILE_OP_NAME };

// An insertion-ordered name -> index dict (u_names, u_varnames, u_cellvars, u_freevars).
class IndexDict {
 public:
  int add(const std::string& k);  // _PyCompile_DictAddObj
  int lookup(const std::string& k) const;  // -1 when absent
  int size() const { return int(keys_.size()); }
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  std::vector<std::string> keys_;
  std::unordered_map<std::string, int> index_;
};

struct CompilerUnit {
  symtable::SymbolTableEntry* ste = nullptr;
  int scope_type = 0;
  Object* private_name = nullptr;  // u_private (borrowed: an AST identifier)
  std::set<std::string> static_attributes;  // sorted, as PyList_Sort sorts them
  bool has_static_attributes = false;
  bool has_deferred = false;
  std::vector<ast::stmt_ty> deferred_annotations;
  std::vector<long> conditional_annotation_indices;
  long next_conditional_annotation_index = 0;
  std::unique_ptr<InstructionSequence> instr_sequence;
  std::unique_ptr<InstructionSequence> stashed_instr_sequence;
  int nfblocks = 0;
  int in_inlined_comp = 0;
  int in_conditional_block = 0;
  FBlockInfo fblock[CO_MAXBLOCKS];

  // u_metadata.
  Object* name = nullptr;  // owned
  std::string qualname;
  std::unique_ptr<UnitConsts> consts;
  IndexDict names, varnames, cellvars, freevars;
  std::map<std::string, bool> fasthidden;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0, firstlineno = 0;
  ~CompilerUnit();
};

// _PyCompile_CodeUnitMetadata's arguments for EnterScope.
struct UnitArgs {
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
};

struct InlinedComprehensionState {
  std::vector<Object*> pushed_locals;  // borrowed names
  bool has_pushed = false;
  std::vector<std::pair<Object*, long>> temp_symbols;  // name, outer flags
  bool has_temp = false;
  std::vector<std::string> fast_hidden;
  JumpTargetLabel cleanup = kNoLabel;
};

struct Compiler {
  Object* filename = nullptr;  // owned str
  std::string filename_utf8;
  symtable::SymbolTable* st = nullptr;
  ast::FutureFeatures future;
  int flags = 0;
  int optimize = 0;
  int interactive = 0;
  std::shared_ptr<KonstFactory> konsts;
  std::unique_ptr<CompilerUnit> u;
  std::vector<std::unique_ptr<CompilerUnit>> stack;
  int disable_warning = 0;
  CompileFailure failure;
  bool failed = false;
};

std::string utf8_of(Object* s);

// compile.cpp: the _PyCompile_* functions codegen uses.
int compile_enter_scope(Compiler* c, Object* name, int scope_type, const void* key, int lineno,
                        Object* private_name, const UnitArgs* umd);
void compile_exit_scope(Compiler* c);
int compile_push_fblock(Compiler* c, Location loc, FBlockType t, JumpTargetLabel block,
                        JumpTargetLabel exit, const void* datum);
void compile_pop_fblock(Compiler* c, FBlockType t, JumpTargetLabel block);
FBlockInfo* compile_top_fblock(Compiler* c);
int compile_add_const(Compiler* c, const Konst* k);
int compile_error(Compiler* c, Location loc, const std::string& message);
int compile_warn(Compiler* c, Location loc, const std::string& message);
Object* compile_mangle(Compiler* c, Object* name);        // new reference
Object* compile_maybe_mangle(Compiler* c, Object* name);  // new reference
int compile_resolve_nameop(Compiler* c, Object* mangled, int scope, OpType* optype, int* arg);
int compile_get_ref_type(Compiler* c, Object* name);
int compile_lookup_cellvar(Compiler* c, Object* name);
int compile_lookup_arg(Compiler* c, const CodeData* co, const std::string& name);
int compile_tweak_inlined_comprehension_scopes(Compiler* c, Location loc,
                                               symtable::SymbolTableEntry* entry,
                                               InlinedComprehensionState* state);
int compile_revert_inlined_comprehension_scopes(Compiler* c, Location loc,
                                                InlinedComprehensionState* state);
int compile_add_deferred_annotation(Compiler* c, ast::stmt_ty s, long* conditional_index);
int compile_maybe_add_static_attribute_to_class(Compiler* c, ast::expr_ty e);
const Konst* compile_static_attributes_as_tuple(Compiler* c);
int compile_start_annotation_setup(Compiler* c);
int compile_end_annotation_setup(Compiler* c);
bool compile_is_interactive_top_level(Compiler* c);
// _PyCompile_OptimizeAndAssemble: null on error.
std::shared_ptr<CodeData> compile_optimize_and_assemble(Compiler* c, int add_none);
// _PyCompile_CleanDoc.
std::string compile_clean_doc(const std::string& doc);

// codegen.cpp.
int codegen_enter_anonymous_scope(Compiler* c, ast::mod_ty mod);
int codegen_module(Compiler* c, Location loc, ast::asdl_stmt_seq* stmts, bool is_interactive);
int codegen_expression(Compiler* c, ast::expr_ty e);
int codegen_add_return_at_end(Compiler* c, int add_none);

}  // namespace cppy::compile
