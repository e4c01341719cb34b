// The symbol table: Include/internal/pycore_symtable.h and Python/symtable.c.
//
// Built from an AST in two passes, as CPython does: the visitors record raw facts about each
// name in each block (bound here, used here, declared global...), then the analysis decides
// every name's scope (local, global, free, cell), inlines comprehensions (PEP 709) and
// propagates free variables. The compiler reads the result; the symtable module shows it.
//
// CPython keeps a block's symbols in a dict and its children in a list. Here they are C++
// containers that keep insertion order, so iterating them gives CPython's order. Names are
// str objects; the table holds a reference to each name it stores.
#pragma once

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ast/ast.h"
#include "ast/future.h"

namespace cppy::symtable {

using ast::SourceLocation;
using objects::Object;
using objects::ssize;

// _Py_block_ty. Values as the _symtable module's TYPE_* constants.
enum BlockType : int {
  FunctionBlock = 0,
  ClassBlock = 1,
  ModuleBlock = 2,
  // PEP 649 annotation scopes (__annotate__); with `from __future__ import annotations` they
  // bind nothing.
  AnnotationBlock = 3,
  // PEP 695: the value of `type X = ...`.
  TypeAliasBlock = 4,
  // PEP 695: the scope of a generic's type parameters.
  TypeParametersBlock = 5,
  // The bound, constraints or default of one type parameter.
  TypeVariableBlock = 6,
};

// _Py_comprehension_ty.
enum ComprehensionType : int {
  NoComprehension = 0,
  ListComprehension = 1,
  DictComprehension = 2,
  SetComprehension = 3,
  GeneratorExpression = 4,
};

// Symbol flags (the _symtable module's DEF_* constants).
inline constexpr long DEF_GLOBAL = 1;            // global statement
inline constexpr long DEF_LOCAL = 2;             // bound in the block
inline constexpr long DEF_PARAM = 2 << 1;        // parameter
inline constexpr long DEF_NONLOCAL = 2 << 2;     // nonlocal statement
inline constexpr long USE = 2 << 3;              // read
inline constexpr long DEF_FREE_CLASS = 2 << 5;   // free in a method, bound in the class
inline constexpr long DEF_IMPORT = 2 << 6;       // bound by an import
inline constexpr long DEF_ANNOT = 2 << 7;        // annotated
inline constexpr long DEF_COMP_ITER = 2 << 8;    // a comprehension's iteration variable
inline constexpr long DEF_TYPE_PARAM = 2 << 9;   // a type parameter
inline constexpr long DEF_COMP_CELL = 2 << 10;   // a cell of an inlined comprehension
inline constexpr long DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

// The scope is stored in the flags above SCOPE_OFFSET.
inline constexpr int SCOPE_OFFSET = 12;
inline constexpr long SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
inline constexpr int LOCAL = 1;
inline constexpr int GLOBAL_EXPLICIT = 2;
inline constexpr int GLOBAL_IMPLICIT = 3;
inline constexpr int FREE = 4;
inline constexpr int CELL = 5;

inline int symbol_to_scope(long flags) { return static_cast<int>((flags >> SCOPE_OFFSET) & SCOPE_MASK); }

// An insertion-ordered map from names to flags: a block's ste_symbols dict.
class SymbolMap {
 public:
  SymbolMap() = default;
  SymbolMap(const SymbolMap&) = delete;
  SymbolMap& operator=(const SymbolMap&) = delete;
  ~SymbolMap();

  // Number of names; iterate with for (i = 0; i < slots(); i++) if (live(i)) ...
  ssize size() const { return live_count_; }
  ssize slots() const { return static_cast<ssize>(entries_.size()); }
  bool live(ssize i) const { return entries_[i].name != nullptr; }
  Object* name_at(ssize i) const { return entries_[i].name; }
  long flags_at(ssize i) const { return entries_[i].flags; }
  void set_flags_at(ssize i, long flags) { entries_[i].flags = flags; }

  // The flags of name, or -1 when absent (flags are never negative).
  long get(Object* name) const;
  bool contains(Object* name) const { return get(name) >= 0; }
  // Inserts (taking a new reference to name) or updates. -1 with an error set on failure.
  int set(Object* name, long flags);
  // Removes name if present (PyDict_DelItem without the KeyError).
  void erase(Object* name);

 private:
  struct Entry {
    Object* name;  // null: removed
    long flags;
  };
  std::vector<Entry> entries_;
  std::unordered_map<std::string_view, size_t> index_;
  ssize live_count_ = 0;
};

// An insertion-ordered set of names (the analysis's sets and ste_mangled_names).
class NameSet {
 public:
  NameSet() = default;
  NameSet(const NameSet& other);
  NameSet& operator=(const NameSet&) = delete;
  ~NameSet();

  bool contains(Object* name) const;
  int add(Object* name);       // PySet_Add: -1 with an error set on failure
  bool discard(Object* name);  // PySet_Discard: whether it was present
  int update(const NameSet& other);  // |=
  ssize size() const { return live_count_; }
  // Names in insertion order (removed ones skipped).
  template <class F>
  void for_each(F f) const {
    for (Object* n : order_)
      if (n) f(n);
  }

 private:
  std::vector<Object*> order_;  // null: removed
  std::unordered_map<std::string_view, size_t> index_;
  ssize live_count_ = 0;
};

struct SymbolTable;

// A global or nonlocal statement's name and position, for errors found by the analysis.
struct Directive {
  Object* name;
  SourceLocation loc;
};

// PySTEntryObject: one block (module, class, function, lambda, comprehension, annotation or
// type scope).
struct SymbolTableEntry {
  SymbolTableEntry() = default;
  SymbolTableEntry(const SymbolTableEntry&) = delete;
  SymbolTableEntry& operator=(const SymbolTableEntry&) = delete;
  ~SymbolTableEntry();

  SymbolTable* ste_table = nullptr;
  const void* ste_id = nullptr;  // the key of st_blocks: the AST node that opened the block
  Object* ste_name = nullptr;    // owned
  SymbolMap ste_symbols;
  std::vector<Object*> ste_varnames;  // parameters in order (owned references)
  std::vector<SymbolTableEntry*> ste_children;
  std::vector<Directive> ste_directives;  // owned names
  // Inside the type-parameter block of a generic class: only these names are mangled.
  std::shared_ptr<NameSet> ste_mangled_names;
  BlockType ste_type = FunctionBlock;
  // For TypeVariableBlock: "a TypeVar bound", "a ParamSpec default"... (error messages).
  const char* ste_scope_info = nullptr;
  int ste_nested = 0;             // inside a function-like block
  int ste_generator = 0;          // a generator or generator expression
  int ste_coroutine = 0;          // a coroutine or async comprehension
  ComprehensionType ste_comprehension = NoComprehension;
  int ste_varargs = 0;            // has *args
  int ste_varkeywords = 0;        // has **kwargs
  int ste_returns_value = 0;      // has `return value`
  int ste_needs_class_closure = 0;  // a class whose methods use __class__
  int ste_needs_classdict = 0;    // a class whose annotation/type scopes use __classdict__
  int ste_has_conditional_annotations = 0;  // a module/class with annotations under if/for...
  int ste_in_conditional_block = 0;  // (while visiting)
  int ste_in_unevaluated_annotation = 0;  // (while visiting)
  int ste_comp_inlined = 0;       // a comprehension inlined into its parent (PEP 709)
  int ste_comp_iter_target = 0;   // (while visiting a comprehension target)
  int ste_can_see_class_scope = 0;  // an annotation/type scope inside a class
  int ste_comp_iter_expr = 0;     // (depth in comprehension iterables while visiting)
  int ste_has_docstring = 0;
  int ste_method = 0;             // a function defined directly in a class body
  int ste_annotations_used = 0;
  SourceLocation ste_loc = {0, 0, 0, 0};
  SymbolTableEntry* ste_annotation_block = nullptr;  // its __annotate__ scope, if any
};

// struct symtable.
struct SymbolTable {
  SymbolTable() = default;
  SymbolTable(const SymbolTable&) = delete;
  SymbolTable& operator=(const SymbolTable&) = delete;
  ~SymbolTable();

  Object* st_filename = nullptr;  // owned
  SymbolTableEntry* st_cur = nullptr;
  SymbolTableEntry* st_top = nullptr;
  std::unordered_map<const void*, SymbolTableEntry*> st_blocks;
  std::vector<SymbolTableEntry*> st_stack;
  SymbolMap* st_global = nullptr;  // the module's symbols
  Object* st_private = nullptr;    // the enclosing class's name, for mangling (borrowed)
  ast::FutureFeatures* st_future = nullptr;
  std::vector<std::unique_ptr<SymbolTableEntry>> entries;  // every entry, in creation order
};

// _PySymtable_Build: nullptr with the error set (SyntaxError with location, MemoryError...).
SymbolTable* build(ast::mod_ty mod, Object* filename, ast::FutureFeatures* future);
// _PySymtable_Free.
void symtable_free(SymbolTable* st);
// _PySymtable_Lookup: the entry opened by the AST node key; nullptr with KeyError "unknown
// symbol table entry" when there is none.
SymbolTableEntry* lookup(SymbolTable* st, const void* key);
// _PySymtable_LookupOptional: 1 found, 0 not found (*out null, no error).
int lookup_optional(SymbolTable* st, const void* key, SymbolTableEntry** out);
// The key of the __annotate__ scope of a module or class's variable annotations (CPython:
// the entry's id + 1).
const void* annotations_key(SymbolTableEntry* ste);

// _PyST_GetSymbol: the flags (0 when the name is unknown).
long get_symbol(SymbolTableEntry* ste, Object* name);
// _PyST_GetScope.
int get_scope(SymbolTableEntry* ste, Object* name);
// _PyST_IsFunctionLike.
bool is_function_like(const SymbolTableEntry* ste);

// _Py_Mangle: __name inside class C becomes _C__name (new reference; nullptr on error).
Object* mangle(Object* privateobj, Object* ident);
// _Py_MaybeMangle: as mangle, except within a generic class's type-parameter block, where
// only the type parameters are mangled.
Object* maybe_mangle(Object* privateobj, SymbolTableEntry* ste, Object* name);

}  // namespace cppy::symtable
