// Python/symtable.c: building the symbol table (the visitors) and analysing it.
#include "symtable/symtable.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "ast/core_api.h"


namespace cppy::symtable {

using namespace cppy::ast;  // node types, kinds and contexts

// --- containers ------------------------------------------------------------------------------

namespace {

// The key a name is found by: its UTF-8 form, cached by the str object for its lifetime.
bool name_key(Object* name, std::string_view* key) {
  ssize size = 0;
  const char* s = objects::str_as_utf8(name, &size);
  if (!s) return false;
  *key = std::string_view(s, static_cast<size_t>(size));
  return true;
}

}  // namespace

SymbolMap::~SymbolMap() {
  for (Entry& e : entries_) objects::xdecref(e.name);
}

long SymbolMap::get(Object* name) const {
  std::string_view key;
  if (!name_key(name, &key)) {
    errors::clear();
    return -1;
  }
  auto it = index_.find(key);
  return it == index_.end() ? -1 : entries_[it->second].flags;
}

int SymbolMap::set(Object* name, long flags) {
  std::string_view key;
  if (!name_key(name, &key)) return -1;
  auto it = index_.find(key);
  if (it != index_.end()) {
    entries_[it->second].flags = flags;
    return 0;
  }
  entries_.push_back(Entry{objects::new_ref(name), flags});
  index_.emplace(key, entries_.size() - 1);
  ++live_count_;
  return 0;
}

void SymbolMap::erase(Object* name) {
  std::string_view key;
  if (!name_key(name, &key)) {
    errors::clear();
    return;
  }
  auto it = index_.find(key);
  if (it == index_.end()) return;
  Entry& e = entries_[it->second];
  index_.erase(it);
  objects::clear(e.name);
  --live_count_;
}

NameSet::NameSet(const NameSet& other) { update(other); }

NameSet::~NameSet() {
  for (Object* n : order_) objects::xdecref(n);
}

bool NameSet::contains(Object* name) const {
  std::string_view key;
  if (!name_key(name, &key)) {
    errors::clear();
    return false;
  }
  return index_.count(key) != 0;
}

int NameSet::add(Object* name) {
  std::string_view key;
  if (!name_key(name, &key)) return -1;
  if (index_.count(key)) return 0;
  order_.push_back(objects::new_ref(name));
  index_.emplace(key, order_.size() - 1);
  ++live_count_;
  return 0;
}

bool NameSet::discard(Object* name) {
  std::string_view key;
  if (!name_key(name, &key)) {
    errors::clear();
    return false;
  }
  auto it = index_.find(key);
  if (it == index_.end()) return false;
  size_t i = it->second;
  index_.erase(it);
  objects::clear(order_[i]);
  --live_count_;
  return true;
}

int NameSet::update(const NameSet& other) {
  for (Object* n : other.order_) {
    if (n && add(n) < 0) return -1;
  }
  return 0;
}

SymbolTableEntry::~SymbolTableEntry() {
  objects::xdecref(ste_name);
  for (Object* n : ste_varnames) objects::decref(n);
  for (Directive& d : ste_directives) objects::decref(d.name);
}

SymbolTable::~SymbolTable() { objects::xdecref(st_filename); }

// --- names the table creates ----------------------------------------------------------------

namespace {

// The identifiers symtable.c takes from _Py_ID / _Py_STR: interned once, kept for good.
struct Names {
  Object* top;
  Object* lambda;
  Object* genexpr;
  Object* listcomp;
  Object* setcomp;
  Object* dictcomp;
  Object* dunder_class;
  Object* dunder_classdict;
  Object* dunder_conditional_annotations;
  Object* dunder_annotate;
  Object* dunder_type_params;
  Object* dot_type_params;
  Object* dot_generic_base;
  Object* dot_defaults;
  Object* dot_kwdefaults;
  Object* dot_format;
  Object* dot_0;
  bool ok;
};

const Names& names() {
  static const Names n = [] {
    Names r{};
    Object** slots[] = {&r.top,
                        &r.lambda,
                        &r.genexpr,
                        &r.listcomp,
                        &r.setcomp,
                        &r.dictcomp,
                        &r.dunder_class,
                        &r.dunder_classdict,
                        &r.dunder_conditional_annotations,
                        &r.dunder_annotate,
                        &r.dunder_type_params,
                        &r.dot_type_params,
                        &r.dot_generic_base,
                        &r.dot_defaults,
                        &r.dot_kwdefaults,
                        &r.dot_format,
                        &r.dot_0};
    const char* texts[] = {"top",
                           "lambda",
                           "genexpr",
                           "listcomp",
                           "setcomp",
                           "dictcomp",
                           "__class__",
                           "__classdict__",
                           "__conditional_annotations__",
                           "__annotate__",
                           "__type_params__",
                           ".type_params",
                           ".generic_base",
                           ".defaults",
                           ".kwdefaults",
                           ".format",
                           ".0"};
    r.ok = true;
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
      *slots[i] = objects::str_intern_from_cstr(texts[i]);
      if (!*slots[i]) r.ok = false;
    }
    return r;
  }();
  return n;
}

bool str_is(Object* s, const char* text) { return objects::str_compare_cstr(s, text) == 0; }

// --- messages ---------------------------------------------------------------------------------

constexpr const char* GLOBAL_PARAM = "name '%U' is parameter and global";
constexpr const char* NONLOCAL_PARAM = "name '%U' is parameter and nonlocal";
constexpr const char* GLOBAL_AFTER_ASSIGN = "name '%U' is assigned to before global declaration";
constexpr const char* NONLOCAL_AFTER_ASSIGN =
    "name '%U' is assigned to before nonlocal declaration";
constexpr const char* GLOBAL_AFTER_USE = "name '%U' is used prior to global declaration";
constexpr const char* NONLOCAL_AFTER_USE = "name '%U' is used prior to nonlocal declaration";
constexpr const char* GLOBAL_ANNOT = "annotated name '%U' can't be global";
constexpr const char* NONLOCAL_ANNOT = "annotated name '%U' can't be nonlocal";
constexpr const char* IMPORT_STAR_WARNING = "import * only allowed at module level";
constexpr const char* NAMED_EXPR_COMP_IN_CLASS =
    "assignment expression within a comprehension cannot be used in a class body";
constexpr const char* NAMED_EXPR_COMP_IN_TYPEVAR_BOUND =
    "assignment expression within a comprehension cannot be used in a TypeVar bound";
constexpr const char* NAMED_EXPR_COMP_IN_TYPEALIAS =
    "assignment expression within a comprehension cannot be used in a type alias";
constexpr const char* NAMED_EXPR_COMP_IN_TYPEPARAM =
    "assignment expression within a comprehension cannot be used within the definition of a "
    "generic";
constexpr const char* NAMED_EXPR_COMP_CONFLICT =
    "assignment expression cannot rebind comprehension iteration variable '%U'";
constexpr const char* NAMED_EXPR_COMP_INNER_LOOP_CONFLICT =
    "comprehension inner loop cannot rebind assignment expression target '%U'";
constexpr const char* NAMED_EXPR_COMP_ITER_EXPR =
    "assignment expression cannot be used in a comprehension iterable expression";
constexpr const char* ANNOTATION_NOT_ALLOWED = "%s cannot be used within an annotation";
constexpr const char* EXPR_NOT_ALLOWED_IN_TYPE_VARIABLE = "%s cannot be used within %s";
constexpr const char* EXPR_NOT_ALLOWED_IN_TYPE_ALIAS = "%s cannot be used within a type alias";
constexpr const char* EXPR_NOT_ALLOWED_IN_TYPE_PARAMETERS =
    "%s cannot be used within the definition of a generic";
constexpr const char* DUPLICATE_TYPE_PARAM = "duplicate type parameter '%U'";
constexpr const char* ASYNC_WITH_OUTSIDE_ASYNC_FUNC = "'async with' outside async function";
constexpr const char* ASYNC_FOR_OUTSIDE_ASYNC_FUNC = "'async for' outside async function";
constexpr const char* DUPLICATE_ARGUMENT = "duplicate argument '%U' in function definition";

// SET_ERROR_LOCATION: locates the SyntaxError just raised.
void set_error_location(SymbolTable* st, SourceLocation loc) {
  ranged_syntax_location(st->st_filename, loc.lineno, loc.col_offset + 1, loc.end_lineno,
                         loc.end_col_offset + 1);
}

template <class Node>
SourceLocation LOCATION(const Node* n) {
  return location_of(n);
}

bool is_async_def(SymbolTable* st) {
  return st->st_cur->ste_type == FunctionBlock && st->st_cur->ste_coroutine;
}

// Py_EnterRecursiveCall(" during compilation") for a scope (ENTER_RECURSIVE/LEAVE_RECURSIVE).
class RecursionGuard {
 public:
  RecursionGuard() : ok_(objects::enter_recursive_call(" during compilation") == 0) {}
  ~RecursionGuard() {
    if (ok_) objects::leave_recursive_call();
  }
  bool ok() const { return ok_; }

 private:
  bool ok_;
};

// --- entries ----------------------------------------------------------------------------------

// ste_new.
SymbolTableEntry* ste_new(SymbolTable* st, Object* name, BlockType block, const void* key,
                          SourceLocation loc) {
  auto owned = std::make_unique<SymbolTableEntry>();
  SymbolTableEntry* ste = owned.get();
  ste->ste_table = st;
  ste->ste_id = key;
  ste->ste_name = objects::new_ref(name);
  ste->ste_type = block;
  ste->ste_loc = loc;
  if (st->st_cur && (st->st_cur->ste_nested || is_function_like(st->st_cur))) ste->ste_nested = 1;
  if (st->st_cur && st->st_cur->ste_type == ClassBlock && block == FunctionBlock) {
    ste->ste_method = 1;
  }
  st->entries.push_back(std::move(owned));
  st->st_blocks[key] = ste;
  return ste;
}

}  // namespace

// --- public lookups ---------------------------------------------------------------------------

SymbolTableEntry* lookup(SymbolTable* st, const void* key) {
  auto it = st->st_blocks.find(key);
  if (it == st->st_blocks.end()) {
    errors::set_string(objects::exc_KeyError, "unknown symbol table entry");
    return nullptr;
  }
  return it->second;
}

int lookup_optional(SymbolTable* st, const void* key, SymbolTableEntry** out) {
  auto it = st->st_blocks.find(key);
  *out = it == st->st_blocks.end() ? nullptr : it->second;
  return *out ? 1 : 0;
}

const void* annotations_key(SymbolTableEntry* ste) {
  return reinterpret_cast<const char*>(ste) + 1;
}

long get_symbol(SymbolTableEntry* ste, Object* name) {
  long v = ste->ste_symbols.get(name);
  return v < 0 ? 0 : v;
}

int get_scope(SymbolTableEntry* ste, Object* name) { return symbol_to_scope(get_symbol(ste, name)); }

bool is_function_like(const SymbolTableEntry* ste) {
  return ste->ste_type == FunctionBlock || ste->ste_type == AnnotationBlock ||
         ste->ste_type == TypeVariableBlock || ste->ste_type == TypeAliasBlock ||
         ste->ste_type == TypeParametersBlock;
}

// _Py_Mangle. Works on the UTF-8 forms: every character it inspects is ASCII.
Object* mangle(Object* privateobj, Object* ident) {
  if (!privateobj || !objects::str_check(privateobj)) return objects::new_ref(ident);
  ssize nlen = 0;
  const char* id = objects::str_as_utf8(ident, &nlen);
  if (!id) return nullptr;
  if (nlen < 2 || id[0] != '_' || id[1] != '_') return objects::new_ref(ident);
  // Not __dunder__ names, nor dotted names (an import's package path).
  if ((id[nlen - 1] == '_' && id[nlen - 2] == '_') || std::memchr(id, '.', nlen)) {
    return objects::new_ref(ident);
  }
  ssize plen = 0;
  const char* priv = objects::str_as_utf8(privateobj, &plen);
  if (!priv) return nullptr;
  ssize ipriv = 0;
  while (ipriv < plen && priv[ipriv] == '_') ipriv++;
  if (ipriv == plen) return objects::new_ref(ident);  // the class name is only underscores
  std::string out;
  out.reserve(static_cast<size_t>(1 + (plen - ipriv) + nlen));
  out.push_back('_');
  out.append(priv + ipriv, static_cast<size_t>(plen - ipriv));
  out.append(id, static_cast<size_t>(nlen));
  return objects::str_from_utf8(out.data(), static_cast<ssize>(out.size()));
}

Object* maybe_mangle(Object* privateobj, SymbolTableEntry* ste, Object* name) {
  if (ste->ste_mangled_names && !ste->ste_mangled_names->contains(name)) {
    return objects::new_ref(name);
  }
  return mangle(privateobj, name);
}

// --- analysis ---------------------------------------------------------------------------------

namespace {

// The scopes decided so far for a block's names (the `scopes` dict of analyze_block).
using ScopeMap = SymbolMap;

// error_at_directive: locates an analysis error at the global/nonlocal statement of name.
int error_at_directive(SymbolTableEntry* ste, Object* name) {
  for (const Directive& d : ste->ste_directives) {
    if (objects::str_equal(d.name, name)) {
      ranged_syntax_location(ste->ste_table->st_filename, d.loc.lineno, d.loc.col_offset + 1,
                             d.loc.end_lineno, d.loc.end_col_offset + 1);
      return 0;
    }
  }
  errors::set_string(objects::exc_RuntimeError, "BUG: internal directive bookkeeping broken");
  return 0;
}

// analyze_name: the scope of one name from its flags and the enclosing bindings.
int analyze_name(SymbolTableEntry* ste, ScopeMap& scopes, Object* name, long flags,
                 NameSet* bound, NameSet& local, NameSet& free, NameSet* global,
                 NameSet& type_params, SymbolTableEntry* class_entry) {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) {
      errors::format(objects::exc_SyntaxError, "name '%U' is nonlocal and global", name);
      return error_at_directive(ste, name);
    }
    if (scopes.set(name, GLOBAL_EXPLICIT) < 0 || global->add(name) < 0) return 0;
    if (bound) bound->discard(name);
    return 1;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) {
      errors::format(objects::exc_SyntaxError, "nonlocal declaration not allowed at module level");
      return error_at_directive(ste, name);
    }
    if (!bound->contains(name)) {
      errors::format(objects::exc_SyntaxError, "no binding for nonlocal '%U' found", name);
      return error_at_directive(ste, name);
    }
    if (type_params.contains(name)) {
      errors::format(objects::exc_SyntaxError,
                     "nonlocal binding not allowed for type parameter '%U'", name);
      return error_at_directive(ste, name);
    }
    if (scopes.set(name, FREE) < 0) return 0;
    return free.add(name) >= 0;
  }
  if (flags & DEF_BOUND) {
    if (scopes.set(name, LOCAL) < 0 || local.add(name) < 0) return 0;
    global->discard(name);
    if (flags & DEF_TYPE_PARAM) {
      if (type_params.add(name) < 0) return 0;
    } else {
      type_params.discard(name);
    }
    return 1;
  }
  // In a scope that can see the class namespace, a name the class binds (or declares global)
  // is looked up there and in the globals, not in an enclosing function.
  if (class_entry) {
    long class_flags = get_symbol(class_entry, name);
    if (class_flags & DEF_GLOBAL) return scopes.set(name, GLOBAL_EXPLICIT) >= 0;
    if ((class_flags & DEF_BOUND) && !(class_flags & DEF_NONLOCAL)) {
      return scopes.set(name, GLOBAL_IMPLICIT) >= 0;
    }
  }
  // Bound in an enclosing function: free here.
  if (bound && bound->contains(name)) {
    if (scopes.set(name, FREE) < 0) return 0;
    return free.add(name) >= 0;
  }
  // Declared global in an enclosing block: still an implicit global here.
  return scopes.set(name, GLOBAL_IMPLICIT) >= 0;
}

int is_free_in_any_child(SymbolTableEntry* entry, Object* key) {
  for (SymbolTableEntry* child : entry->ste_children) {
    if (get_scope(child, key) == FREE) return 1;
  }
  return 0;
}

// inline_comprehension (PEP 709): moves an inlined comprehension's names into ste.
int inline_comprehension(SymbolTableEntry* ste, SymbolTableEntry* comp, ScopeMap& scopes,
                         NameSet& comp_free, NameSet& inlined_cells) {
  bool remove_dunder_class = false;
  SymbolMap& syms = comp->ste_symbols;
  for (ssize i = 0; i < syms.slots(); i++) {
    if (!syms.live(i)) continue;
    Object* k = syms.name_at(i);
    long comp_flags = syms.flags_at(i);
    if (comp_flags & DEF_PARAM) continue;  // the implicit .0 argument
    int scope = symbol_to_scope(comp_flags);
    long only_flags = comp_flags & ((1L << SCOPE_OFFSET) - 1);
    if (scope == CELL || (only_flags & DEF_COMP_CELL)) {
      if (inlined_cells.add(k) < 0) return 0;
    }
    long existing = ste->ste_symbols.get(k);
    // __class__ is never free through a class scope (see drop_class_free).
    if (scope == FREE && ste->ste_type == ClassBlock && str_is(k, "__class__")) {
      scope = GLOBAL_IMPLICIT;
      comp_free.discard(k);
      remove_dunder_class = true;
    }
    if (existing < 0) {
      // Not known in the enclosing scope: copied from the comprehension.
      if (ste->ste_symbols.set(k, only_flags) < 0 || scopes.set(k, scope) < 0) return 0;
    } else if ((existing & DEF_BOUND) && ste->ste_type != ClassBlock) {
      // Free in the comprehension but local outside: simply local now, unless a child of
      // the comprehension needs it free (or the outer scope is a class).
      if (!is_free_in_any_child(comp, k)) comp_free.discard(k);
    }
  }
  if (remove_dunder_class) syms.erase(names().dunder_class);
  return 1;
}

// analyze_cells: locals that a child needs become cells.
int analyze_cells(ScopeMap& scopes, NameSet& free, NameSet& inlined_cells) {
  for (ssize i = 0; i < scopes.slots(); i++) {
    if (!scopes.live(i) || scopes.flags_at(i) != LOCAL) continue;
    Object* name = scopes.name_at(i);
    if (!free.contains(name) && !inlined_cells.contains(name)) continue;
    scopes.set_flags_at(i, CELL);
    free.discard(name);
  }
  return 1;
}

// drop_class_free: __class__, __classdict__ and __conditional_annotations__ are provided by
// the class itself (as cells), not by an enclosing scope.
int drop_class_free(SymbolTableEntry* ste, NameSet& free) {
  if (free.discard(names().dunder_class)) ste->ste_needs_class_closure = 1;
  if (free.discard(names().dunder_classdict)) ste->ste_needs_classdict = 1;
  if (free.discard(names().dunder_conditional_annotations)) {
    ste->ste_has_conditional_annotations = 1;
  }
  return 1;
}

// update_symbols: records the scopes in the flags and adds the children's free names.
int update_symbols(SymbolMap& symbols, ScopeMap& scopes, NameSet* bound, NameSet& free,
                   NameSet& inlined_cells, bool classflag) {
  for (ssize i = 0; i < symbols.slots(); i++) {
    if (!symbols.live(i)) continue;
    Object* name = symbols.name_at(i);
    long flags = symbols.flags_at(i);
    if (inlined_cells.contains(name)) flags |= DEF_COMP_CELL;
    long scope = scopes.get(name);
    if (scope < 0) {
      errors::set_object(objects::exc_KeyError, name);
      return 0;
    }
    symbols.set_flags_at(i, flags | (scope << SCOPE_OFFSET));
  }
  int ok = 1;
  free.for_each([&](Object* name) {
    if (!ok) return;
    long v = symbols.get(name);
    if (v >= 0) {
      // A method's free variable that the class also binds.
      if (classflag && symbols.set(name, v | DEF_FREE_CLASS) < 0) ok = 0;
      return;  // a cell, or already free here
    }
    if (bound && !bound->contains(name)) return;  // a global
    // Propagate the free name up the lexical stack.
    if (symbols.set(name, static_cast<long>(FREE) << SCOPE_OFFSET) < 0) ok = 0;
  });
  return ok;
}

int analyze_child_block(SymbolTableEntry* entry, NameSet* bound, NameSet& free, NameSet& global,
                        NameSet& type_params, SymbolTableEntry* class_entry,
                        std::unique_ptr<NameSet>* child_free);

// analyze_block: decides the scopes of ste's names; bound is null for the module.
int analyze_block(SymbolTableEntry* ste, NameSet* bound, NameSet& free, NameSet& global,
                  NameSet& type_params, SymbolTableEntry* class_entry) {
  ScopeMap scopes;
  NameSet local, newglobal, newfree, newbound, inlined_cells;

  // A class's bindings are invisible to its methods: the sets passed down are filled before
  // its own names are analysed.
  if (ste->ste_type == ClassBlock) {
    if (newglobal.update(global) < 0) return 0;
    if (bound && newbound.update(*bound) < 0) return 0;
  }

  SymbolMap& syms = ste->ste_symbols;
  for (ssize i = 0; i < syms.slots(); i++) {
    if (!syms.live(i)) continue;
    if (!analyze_name(ste, scopes, syms.name_at(i), syms.flags_at(i), bound, local, free,
                      &global, type_params, class_entry))
      return 0;
  }

  if (ste->ste_type != ClassBlock) {
    if (is_function_like(ste) && newbound.update(local) < 0) return 0;
    if (bound && newbound.update(*bound) < 0) return 0;
    if (newglobal.update(global) < 0) return 0;
  } else {
    const Names& n = names();
    if (newbound.add(n.dunder_class) < 0 || newbound.add(n.dunder_classdict) < 0 ||
        newbound.add(n.dunder_conditional_annotations) < 0)
      return 0;
  }

  for (size_t i = 0; i < ste->ste_children.size(); ++i) {
    SymbolTableEntry* entry = ste->ste_children[i];
    SymbolTableEntry* new_class_entry = nullptr;
    if (entry->ste_can_see_class_scope) {
      if (ste->ste_type == ClassBlock) {
        new_class_entry = ste;
      } else if (class_entry) {
        new_class_entry = class_entry;
      }
    }
    // Every comprehension but generator expressions is inlined, except in annotation scopes
    // nested in classes.
    bool inline_comp =
        entry->ste_comprehension && !entry->ste_generator && !ste->ste_can_see_class_scope;
    std::unique_ptr<NameSet> child_free;
    if (!analyze_child_block(entry, &newbound, newfree, newglobal, type_params, new_class_entry,
                             &child_free))
      return 0;
    if (inline_comp) {
      if (!inline_comprehension(ste, entry, scopes, *child_free, inlined_cells)) return 0;
      entry->ste_comp_inlined = 1;
    }
    if (newfree.update(*child_free) < 0) return 0;
  }

  // An inlined comprehension's children become ours.
  for (size_t i = ste->ste_children.size(); i-- > 0;) {
    SymbolTableEntry* entry = ste->ste_children[i];
    if (entry->ste_comp_inlined) {
      std::vector<SymbolTableEntry*> grandchildren = entry->ste_children;
      ste->ste_children.erase(ste->ste_children.begin() + static_cast<ssize>(i));
      ste->ste_children.insert(ste->ste_children.begin() + static_cast<ssize>(i),
                               grandchildren.begin(), grandchildren.end());
    }
  }

  if (is_function_like(ste)) {
    if (!analyze_cells(scopes, newfree, inlined_cells)) return 0;
  } else if (ste->ste_type == ClassBlock) {
    if (!drop_class_free(ste, newfree)) return 0;
  }
  if (!update_symbols(ste->ste_symbols, scopes, bound, newfree, inlined_cells,
                      ste->ste_type == ClassBlock || ste->ste_can_see_class_scope))
    return 0;
  return free.update(newfree) >= 0;
}

// analyze_child_block: a child sees copies of the sets, so its bindings stay its own.
int analyze_child_block(SymbolTableEntry* entry, NameSet* bound, NameSet& free, NameSet& global,
                        NameSet& type_params, SymbolTableEntry* class_entry,
                        std::unique_ptr<NameSet>* child_free) {
  NameSet temp_bound(*bound);
  auto temp_free = std::make_unique<NameSet>(free);
  NameSet temp_global(global);
  NameSet temp_type_params(type_params);
  if (!analyze_block(entry, &temp_bound, *temp_free, temp_global, temp_type_params, class_entry))
    return 0;
  *child_free = std::move(temp_free);
  return 1;
}

int symtable_analyze(SymbolTable* st) {
  NameSet free, global, type_params;
  return analyze_block(st->st_top, nullptr, free, global, type_params, nullptr);
}

// --- building ---------------------------------------------------------------------------------

int symtable_add_def(SymbolTable* st, Object* name, long flag, SourceLocation loc);

int symtable_exit_block(SymbolTable* st) {
  st->st_cur = nullptr;
  if (!st->st_stack.empty()) {
    st->st_stack.pop_back();
    if (!st->st_stack.empty()) st->st_cur = st->st_stack.back();
  }
  return 1;
}

int symtable_enter_existing_block(SymbolTable* st, SymbolTableEntry* ste, bool add_to_children) {
  st->st_stack.push_back(ste);
  SymbolTableEntry* prev = st->st_cur;
  // bpo-37757: no assignment expression anywhere in a comprehension's outermost iterable,
  // even inside a nested lambda or comprehension.
  if (prev) ste->ste_comp_iter_expr = prev->ste_comp_iter_expr;
  // Classes mangle every name; other blocks inherit the type-parameter restriction.
  if (prev && prev->ste_mangled_names && ste->ste_type != ClassBlock) {
    ste->ste_mangled_names = prev->ste_mangled_names;
  }
  st->st_cur = ste;
  // Under `from __future__ import annotations`, annotations become strings: their blocks
  // do not join the tree.
  if ((st->st_future->ff_features & CO_FUTURE_ANNOTATIONS) && ste->ste_type == AnnotationBlock) {
    return 1;
  }
  if (ste->ste_type == ModuleBlock) st->st_global = &st->st_cur->ste_symbols;
  if (prev && add_to_children) prev->ste_children.push_back(ste);
  return 1;
}

int symtable_enter_block(SymbolTable* st, Object* name, BlockType block, const void* ast,
                         SourceLocation loc) {
  SymbolTableEntry* ste = ste_new(st, name, block, ast, loc);
  if (!ste || !symtable_enter_existing_block(st, ste, true)) return 0;
  if (block == AnnotationBlock || block == TypeVariableBlock || block == TypeAliasBlock) {
    // The code of these blocks reads the implicit .format parameter.
    if (!symtable_add_def(st, names().dot_format, DEF_PARAM, loc)) return 0;
    if (!symtable_add_def(st, names().dot_format, USE, loc)) return 0;
  }
  return 1;
}

long symtable_lookup_entry(SymbolTable* st, SymbolTableEntry* ste, Object* name) {
  Object* mangled = maybe_mangle(st->st_private, ste, name);
  if (!mangled) return -1;
  long ret = get_symbol(ste, mangled);
  objects::decref(mangled);
  return ret;
}

long symtable_lookup(SymbolTable* st, Object* name) {
  return symtable_lookup_entry(st, st->st_cur, name);
}

int symtable_add_def_helper(SymbolTable* st, Object* name, long flag, SymbolTableEntry* ste,
                            SourceLocation loc) {
  objects::Ref<> mangled = objects::Ref<>::steal(maybe_mangle(st->st_private, st->st_cur, name));
  if (!mangled) return 0;
  SymbolMap& dict = ste->ste_symbols;
  long val = dict.get(mangled.get());
  if (val >= 0) {
    if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
      errors::format(objects::exc_SyntaxError, DUPLICATE_ARGUMENT, name);
      set_error_location(st, loc);
      return 0;
    }
    if ((flag & DEF_TYPE_PARAM) && (val & DEF_TYPE_PARAM)) {
      errors::format(objects::exc_SyntaxError, DUPLICATE_TYPE_PARAM, name);
      set_error_location(st, loc);
      return 0;
    }
    val |= flag;
  } else {
    val = flag;
  }
  if (ste->ste_comp_iter_target) {
    // A comprehension's iteration variable: it must not be a named expression's target.
    if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
      errors::format(objects::exc_SyntaxError, NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name);
      set_error_location(st, loc);
      return 0;
    }
    val |= DEF_COMP_ITER;
  }
  if (dict.set(mangled.get(), val) < 0) return 0;
  if (flag & DEF_PARAM) {
    ste->ste_varnames.push_back(objects::new_ref(mangled.get()));
  } else if (flag & DEF_GLOBAL) {
    long g = st->st_global->get(mangled.get());
    if (g < 0) g = 0;
    if (st->st_global->set(mangled.get(), g | flag) < 0) return 0;
  }
  return 1;
}

int check_name(SymbolTable* st, Object* name, SourceLocation loc, expr_context_ty ctx) {
  if (ctx == Store && str_is(name, "__debug__")) {
    errors::set_string(objects::exc_SyntaxError, "cannot assign to __debug__");
    set_error_location(st, loc);
    return 0;
  }
  if (ctx == Del && str_is(name, "__debug__")) {
    errors::set_string(objects::exc_SyntaxError, "cannot delete __debug__");
    set_error_location(st, loc);
    return 0;
  }
  return 1;
}

int check_keywords(SymbolTable* st, asdl_keyword_seq* keywords) {
  for (ssize i = 0; i < asdl_seq_LEN(keywords); i++) {
    keyword_ty key = asdl_seq_GET(keywords, i);
    if (key->arg && !check_name(st, key->arg, LOCATION(key), Store)) return 0;
  }
  return 1;
}

int check_kwd_patterns(SymbolTable* st, pattern_ty p) {
  asdl_identifier_seq* kwd_attrs = p->v.MatchClass.kwd_attrs;
  asdl_pattern_seq* kwd_patterns = p->v.MatchClass.kwd_patterns;
  for (ssize i = 0; i < asdl_seq_LEN(kwd_attrs); i++) {
    SourceLocation loc = LOCATION(asdl_seq_GET(kwd_patterns, i));
    if (!check_name(st, asdl_seq_GET(kwd_attrs, i), loc, Store)) return 0;
  }
  return 1;
}

int symtable_add_def_ctx(SymbolTable* st, Object* name, long flag, SourceLocation loc,
                         expr_context_ty ctx) {
  long write_mask = DEF_PARAM | DEF_LOCAL | DEF_IMPORT;
  if ((flag & write_mask) && !check_name(st, name, loc, ctx)) return 0;
  if ((flag & DEF_TYPE_PARAM) && st->st_cur->ste_mangled_names) {
    if (st->st_cur->ste_mangled_names->add(name) < 0) return 0;
  }
  return symtable_add_def_helper(st, name, flag, st->st_cur, loc);
}

int symtable_add_def(SymbolTable* st, Object* name, long flag, SourceLocation loc) {
  return symtable_add_def_ctx(st, name, flag, loc, flag == USE ? Load : Store);
}

int symtable_enter_type_param_block(SymbolTable* st, Object* name, const void* ast,
                                    bool has_defaults, bool has_kwdefaults, _stmt_kind kind,
                                    SourceLocation loc) {
  BlockType current_type = st->st_cur->ste_type;
  if (!symtable_enter_block(st, name, TypeParametersBlock, ast, loc)) return 0;
  const Names& n = names();
  if (current_type == ClassBlock) {
    st->st_cur->ste_can_see_class_scope = 1;
    if (!symtable_add_def(st, n.dunder_classdict, USE, loc)) return 0;
  }
  if (kind == ClassDef_kind) {
    // .type_params is set when the tuple is built and used for the bases; .generic_base
    // holds the Generic base.
    if (!symtable_add_def(st, n.dot_type_params, DEF_LOCAL, loc) ||
        !symtable_add_def(st, n.dot_type_params, USE, loc) ||
        !symtable_add_def(st, n.dot_generic_base, DEF_LOCAL, loc) ||
        !symtable_add_def(st, n.dot_generic_base, USE, loc))
      return 0;
  }
  if (has_defaults && !symtable_add_def(st, n.dot_defaults, DEF_PARAM, loc)) return 0;
  if (has_kwdefaults && !symtable_add_def(st, n.dot_kwdefaults, DEF_PARAM, loc)) return 0;
  return 1;
}

int symtable_record_directive(SymbolTable* st, Object* name, SourceLocation loc) {
  Object* mangled = maybe_mangle(st->st_private, st->st_cur, name);
  if (!mangled) return 0;
  st->st_cur->ste_directives.push_back(Directive{mangled, loc});
  return 1;
}

bool has_kwonlydefaults(asdl_arg_seq* kwonlyargs, asdl_expr_seq* kw_defaults) {
  for (ssize i = 0; i < asdl_seq_LEN(kwonlyargs); i++) {
    if (asdl_seq_GET(kw_defaults, i)) return true;
  }
  return false;
}

int check_import_from(SymbolTable* st, stmt_ty s) {
  SourceLocation fut = st->st_future->ff_location;
  if (s->v.ImportFrom.module && s->v.ImportFrom.level == 0 &&
      str_is(s->v.ImportFrom.module, "__future__") &&
      ((s->lineno > fut.lineno) ||
       ((s->lineno == fut.end_lineno) && (s->col_offset > fut.end_col_offset)))) {
    errors::set_string(objects::exc_SyntaxError,
                       "from __future__ imports must occur at the beginning of the file");
    set_error_location(st, LOCATION(s));
    return 0;
  }
  return 1;
}

bool allows_top_level_await(SymbolTable* st) {
  return (st->st_future->ff_features & PyCF_ALLOW_TOP_LEVEL_AWAIT) &&
         st->st_cur->ste_type == ModuleBlock;
}

void maybe_set_ste_coroutine_for_module(SymbolTable* st) {
  if (allows_top_level_await(st)) st->st_cur->ste_coroutine = 1;
}

int symtable_visit_stmt(SymbolTable* st, stmt_ty s);
int symtable_visit_expr(SymbolTable* st, expr_ty e);
int symtable_visit_type_param(SymbolTable* st, type_param_ty tp);
int symtable_visit_arguments(SymbolTable* st, arguments_ty a);
int symtable_visit_excepthandler(SymbolTable* st, excepthandler_ty eh);
int symtable_visit_alias(SymbolTable* st, alias_ty a);
int symtable_visit_comprehension(SymbolTable* st, comprehension_ty lc);
int symtable_visit_keyword(SymbolTable* st, keyword_ty k);
int symtable_visit_annotation(SymbolTable* st, expr_ty annotation, const void* key);
int symtable_visit_annotations(SymbolTable* st, stmt_ty o, arguments_ty a, expr_ty returns,
                               SymbolTableEntry* function_ste);
int symtable_visit_withitem(SymbolTable* st, withitem_ty item);
int symtable_visit_match_case(SymbolTable* st, match_case_ty m);
int symtable_visit_pattern(SymbolTable* st, pattern_ty p);
int symtable_raise_if_annotation_block(SymbolTable* st, const char* name, expr_ty e);
int symtable_raise_if_not_coroutine(SymbolTable* st, const char* msg, SourceLocation loc);
int symtable_raise_if_comprehension_block(SymbolTable* st, expr_ty e);
int symtable_handle_comprehension(SymbolTable* st, expr_ty e, Object* scope_name,
                                  asdl_comprehension_seq* generators, expr_ty elt,
                                  expr_ty value);

// VISIT_SEQ / VISIT_SEQ_TAIL / VISIT_SEQ_WITH_NULL.
template <class Seq, class Fn>
int visit_seq(SymbolTable* st, Seq* seq, Fn fn, ssize start = 0) {
  for (ssize i = start; i < asdl_seq_LEN(seq); i++) {
    if (!fn(st, asdl_seq_GET(seq, i))) return 0;
  }
  return 1;
}
template <class Seq, class Fn>
int visit_seq_with_null(SymbolTable* st, Seq* seq, Fn fn) {
  for (ssize i = 0; i < asdl_seq_LEN(seq); i++) {
    auto elt = asdl_seq_GET(seq, i);
    if (elt && !fn(st, elt)) return 0;
  }
  return 1;
}

// ENTER_CONDITIONAL_BLOCK / LEAVE_CONDITIONAL_BLOCK: annotations under if/for/while/try/with/
// match are conditional.
class ConditionalBlock {
 public:
  explicit ConditionalBlock(SymbolTable* st)
      : ste_(st->st_cur), saved_(st->st_cur->ste_in_conditional_block) {
    ste_->ste_in_conditional_block = 1;
  }
  ~ConditionalBlock() { ste_->ste_in_conditional_block = saved_; }

 private:
  SymbolTableEntry* ste_;
  int saved_;
};

// FunctionDef and AsyncFunctionDef: the same fields in two union members.
template <class F>
int visit_function_def(SymbolTable* st, stmt_ty s, F& f, bool is_async) {
  if (!symtable_add_def(st, f.name, DEF_LOCAL, LOCATION(s))) return 0;
  if (f.args->defaults && !visit_seq(st, f.args->defaults, symtable_visit_expr)) return 0;
  if (f.args->kw_defaults && !visit_seq_with_null(st, f.args->kw_defaults, symtable_visit_expr))
    return 0;
  if (f.decorator_list && !visit_seq(st, f.decorator_list, symtable_visit_expr)) return 0;
  bool generic = asdl_seq_LEN(f.type_params) > 0;
  if (generic) {
    if (!symtable_enter_type_param_block(st, f.name, f.type_params, f.args->defaults != nullptr,
                                         has_kwonlydefaults(f.args->kwonlyargs, f.args->kw_defaults),
                                         s->kind, LOCATION(s)))
      return 0;
    if (!visit_seq(st, f.type_params, symtable_visit_type_param)) return 0;
  }
  SymbolTableEntry* new_ste = ste_new(st, f.name, FunctionBlock, s, LOCATION(s));
  if (!new_ste) return 0;
  if (get_docstring(f.body)) new_ste->ste_has_docstring = 1;
  if (!symtable_visit_annotations(st, s, f.args, f.returns, new_ste)) return 0;
  if (!symtable_enter_existing_block(st, new_ste, true)) return 0;
  if (is_async) st->st_cur->ste_coroutine = 1;
  if (!symtable_visit_arguments(st, f.args)) return 0;
  if (!visit_seq(st, f.body, symtable_visit_stmt)) return 0;
  if (!symtable_exit_block(st)) return 0;
  if (generic && !symtable_exit_block(st)) return 0;
  return 1;
}

// Global and Nonlocal.
int visit_directive(SymbolTable* st, stmt_ty s, asdl_identifier_seq* seq, bool global) {
  for (ssize i = 0; i < asdl_seq_LEN(seq); i++) {
    Object* name = asdl_seq_GET(seq, i);
    long cur = symtable_lookup(st, name);
    if (cur < 0) return 0;
    if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
      const char* msg;
      if (cur & DEF_PARAM) {
        msg = global ? GLOBAL_PARAM : NONLOCAL_PARAM;
      } else if (cur & USE) {
        msg = global ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
      } else if (cur & DEF_ANNOT) {
        msg = global ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
      } else {
        msg = global ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
      }
      errors::format(objects::exc_SyntaxError, msg, name);
      set_error_location(st, LOCATION(s));
      return 0;
    }
    if (!symtable_add_def(st, name, global ? DEF_GLOBAL : DEF_NONLOCAL, LOCATION(s))) return 0;
    if (!symtable_record_directive(st, name, LOCATION(s))) return 0;
  }
  return 1;
}

int symtable_visit_stmt(SymbolTable* st, stmt_ty s) {
  RecursionGuard guard;
  if (!guard.ok()) return 0;
  const Names& n = names();
  switch (s->kind) {
    case FunctionDef_kind:
      return visit_function_def(st, s, s->v.FunctionDef, false);
    case AsyncFunctionDef_kind:
      return visit_function_def(st, s, s->v.AsyncFunctionDef, true);
    case ClassDef_kind: {
      auto& c = s->v.ClassDef;
      if (!symtable_add_def(st, c.name, DEF_LOCAL, LOCATION(s))) return 0;
      if (c.decorator_list && !visit_seq(st, c.decorator_list, symtable_visit_expr)) return 0;
      Object* tmp = st->st_private;
      bool generic = asdl_seq_LEN(c.type_params) > 0;
      if (generic) {
        if (!symtable_enter_type_param_block(st, c.name, c.type_params, false, false, s->kind,
                                             LOCATION(s)))
          return 0;
        st->st_private = c.name;
        st->st_cur->ste_mangled_names = std::make_shared<NameSet>();
        if (!visit_seq(st, c.type_params, symtable_visit_type_param)) return 0;
      }
      if (!visit_seq(st, c.bases, symtable_visit_expr)) return 0;
      if (!check_keywords(st, c.keywords)) return 0;
      if (!visit_seq(st, c.keywords, symtable_visit_keyword)) return 0;
      if (!symtable_enter_block(st, c.name, ClassBlock, s, LOCATION(s))) return 0;
      st->st_private = c.name;
      if (generic) {
        if (!symtable_add_def(st, n.dunder_type_params, DEF_LOCAL, LOCATION(s))) return 0;
        if (!symtable_add_def(st, n.dot_type_params, USE, LOCATION(s))) return 0;
      }
      if (get_docstring(c.body)) st->st_cur->ste_has_docstring = 1;
      if (!visit_seq(st, c.body, symtable_visit_stmt)) return 0;
      if (!symtable_exit_block(st)) return 0;
      if (generic && !symtable_exit_block(st)) return 0;
      st->st_private = tmp;
      break;
    }
    case TypeAlias_kind: {
      auto& t = s->v.TypeAlias;
      if (!symtable_visit_expr(st, t.name)) return 0;
      Object* name = t.name->v.Name.id;
      bool is_in_class = st->st_cur->ste_type == ClassBlock;
      bool is_generic = asdl_seq_LEN(t.type_params) > 0;
      if (is_generic) {
        if (!symtable_enter_type_param_block(st, name, t.type_params, false, false, s->kind,
                                             LOCATION(s)))
          return 0;
        if (!visit_seq(st, t.type_params, symtable_visit_type_param)) return 0;
      }
      if (!symtable_enter_block(st, name, TypeAliasBlock, s, LOCATION(s))) return 0;
      st->st_cur->ste_can_see_class_scope = is_in_class;
      if (is_in_class && !symtable_add_def(st, n.dunder_classdict, USE, LOCATION(t.value)))
        return 0;
      if (!symtable_visit_expr(st, t.value)) return 0;
      if (!symtable_exit_block(st)) return 0;
      if (is_generic && !symtable_exit_block(st)) return 0;
      break;
    }
    case Return_kind:
      if (s->v.Return.value) {
        if (!symtable_visit_expr(st, s->v.Return.value)) return 0;
        st->st_cur->ste_returns_value = 1;
      }
      break;
    case Delete_kind:
      if (!visit_seq(st, s->v.Delete.targets, symtable_visit_expr)) return 0;
      break;
    case Assign_kind:
      if (!visit_seq(st, s->v.Assign.targets, symtable_visit_expr)) return 0;
      if (!symtable_visit_expr(st, s->v.Assign.value)) return 0;
      break;
    case AnnAssign_kind: {
      auto& a = s->v.AnnAssign;
      st->st_cur->ste_annotations_used = 1;
      if (a.target->kind == Name_kind) {
        expr_ty e_name = a.target;
        long cur = symtable_lookup(st, e_name->v.Name.id);
        if (cur < 0) return 0;
        if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && &st->st_cur->ste_symbols != st->st_global &&
            a.simple) {
          errors::format(objects::exc_SyntaxError, (cur & DEF_GLOBAL) ? GLOBAL_ANNOT : NONLOCAL_ANNOT,
                         e_name->v.Name.id);
          set_error_location(st, LOCATION(s));
          return 0;
        }
        if (a.simple) {
          if (!symtable_add_def(st, e_name->v.Name.id, DEF_ANNOT | DEF_LOCAL, LOCATION(e_name)))
            return 0;
        } else if (a.value &&
                   !symtable_add_def(st, e_name->v.Name.id, DEF_LOCAL, LOCATION(e_name))) {
          return 0;
        }
      } else if (!symtable_visit_expr(st, a.target)) {
        return 0;
      }
      if (!symtable_visit_annotation(st, a.annotation, annotations_key(st->st_cur))) return 0;
      if (a.value && !symtable_visit_expr(st, a.value)) return 0;
      break;
    }
    case AugAssign_kind:
      if (!symtable_visit_expr(st, s->v.AugAssign.target)) return 0;
      if (!symtable_visit_expr(st, s->v.AugAssign.value)) return 0;
      break;
    case For_kind: {
      if (!symtable_visit_expr(st, s->v.For.target)) return 0;
      if (!symtable_visit_expr(st, s->v.For.iter)) return 0;
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.For.body, symtable_visit_stmt)) return 0;
      if (!visit_seq(st, s->v.For.orelse, symtable_visit_stmt)) return 0;
      break;
    }
    case While_kind: {
      if (!symtable_visit_expr(st, s->v.While.test)) return 0;
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.While.body, symtable_visit_stmt)) return 0;
      if (!visit_seq(st, s->v.While.orelse, symtable_visit_stmt)) return 0;
      break;
    }
    case If_kind: {
      if (!symtable_visit_expr(st, s->v.If.test)) return 0;
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.If.body, symtable_visit_stmt)) return 0;
      if (!visit_seq(st, s->v.If.orelse, symtable_visit_stmt)) return 0;
      break;
    }
    case Match_kind: {
      if (!symtable_visit_expr(st, s->v.Match.subject)) return 0;
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.Match.cases, symtable_visit_match_case)) return 0;
      break;
    }
    case Raise_kind:
      if (s->v.Raise.exc) {
        if (!symtable_visit_expr(st, s->v.Raise.exc)) return 0;
        if (s->v.Raise.cause && !symtable_visit_expr(st, s->v.Raise.cause)) return 0;
      }
      break;
    case Try_kind: {
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.Try.body, symtable_visit_stmt) ||
          !visit_seq(st, s->v.Try.handlers, symtable_visit_excepthandler) ||
          !visit_seq(st, s->v.Try.orelse, symtable_visit_stmt) ||
          !visit_seq(st, s->v.Try.finalbody, symtable_visit_stmt))
        return 0;
      break;
    }
    case TryStar_kind: {
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.TryStar.body, symtable_visit_stmt) ||
          !visit_seq(st, s->v.TryStar.handlers, symtable_visit_excepthandler) ||
          !visit_seq(st, s->v.TryStar.orelse, symtable_visit_stmt) ||
          !visit_seq(st, s->v.TryStar.finalbody, symtable_visit_stmt))
        return 0;
      break;
    }
    case Assert_kind:
      if (!symtable_visit_expr(st, s->v.Assert.test)) return 0;
      if (s->v.Assert.msg && !symtable_visit_expr(st, s->v.Assert.msg)) return 0;
      break;
    case Import_kind:
      if (!visit_seq(st, s->v.Import.names, symtable_visit_alias)) return 0;
      break;
    case ImportFrom_kind:
      if (!visit_seq(st, s->v.ImportFrom.names, symtable_visit_alias)) return 0;
      if (!check_import_from(st, s)) return 0;
      break;
    case Global_kind:
      if (!visit_directive(st, s, s->v.Global.names, true)) return 0;
      break;
    case Nonlocal_kind:
      if (!visit_directive(st, s, s->v.Nonlocal.names, false)) return 0;
      break;
    case Expr_kind:
      if (!symtable_visit_expr(st, s->v.Expr.value)) return 0;
      break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
      break;
    case With_kind: {
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.With.items, symtable_visit_withitem)) return 0;
      if (!visit_seq(st, s->v.With.body, symtable_visit_stmt)) return 0;
      break;
    }
    case AsyncWith_kind: {
      maybe_set_ste_coroutine_for_module(st);
      if (!symtable_raise_if_not_coroutine(st, ASYNC_WITH_OUTSIDE_ASYNC_FUNC, LOCATION(s)))
        return 0;
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.AsyncWith.items, symtable_visit_withitem)) return 0;
      if (!visit_seq(st, s->v.AsyncWith.body, symtable_visit_stmt)) return 0;
      break;
    }
    case AsyncFor_kind: {
      maybe_set_ste_coroutine_for_module(st);
      if (!symtable_raise_if_not_coroutine(st, ASYNC_FOR_OUTSIDE_ASYNC_FUNC, LOCATION(s)))
        return 0;
      if (!symtable_visit_expr(st, s->v.AsyncFor.target)) return 0;
      if (!symtable_visit_expr(st, s->v.AsyncFor.iter)) return 0;
      ConditionalBlock cond(st);
      if (!visit_seq(st, s->v.AsyncFor.body, symtable_visit_stmt)) return 0;
      if (!visit_seq(st, s->v.AsyncFor.orelse, symtable_visit_stmt)) return 0;
      break;
    }
  }
  return 1;
}

// symtable_extend_namedexpr_scope: a named expression in a comprehension binds in the
// nearest enclosing function or module.
int symtable_extend_namedexpr_scope(SymbolTable* st, expr_ty e) {
  Object* target_name = e->v.Name.id;
  for (size_t i = st->st_stack.size(); i-- > 0;) {
    SymbolTableEntry* ste = st->st_stack[i];
    if (ste->ste_comprehension) {
      long target_in_scope = symtable_lookup_entry(st, ste, target_name);
      if (target_in_scope < 0) return 0;
      if ((target_in_scope & DEF_COMP_ITER) && (target_in_scope & DEF_LOCAL)) {
        errors::format(objects::exc_SyntaxError, NAMED_EXPR_COMP_CONFLICT, target_name);
        set_error_location(st, LOCATION(e));
        return 0;
      }
      continue;
    }
    if (ste->ste_type == FunctionBlock) {
      long target_in_scope = symtable_lookup_entry(st, ste, target_name);
      if (target_in_scope < 0) return 0;
      if (target_in_scope & DEF_GLOBAL) {
        if (!symtable_add_def(st, target_name, DEF_GLOBAL, LOCATION(e))) return 0;
      } else {
        if (!symtable_add_def(st, target_name, DEF_NONLOCAL, LOCATION(e))) return 0;
      }
      if (!symtable_record_directive(st, target_name, LOCATION(e))) return 0;
      return symtable_add_def_helper(st, target_name, DEF_LOCAL, ste, LOCATION(e));
    }
    if (ste->ste_type == ModuleBlock) {
      if (!symtable_add_def(st, target_name, DEF_GLOBAL, LOCATION(e))) return 0;
      if (!symtable_record_directive(st, target_name, LOCATION(e))) return 0;
      return symtable_add_def_helper(st, target_name, DEF_GLOBAL, ste, LOCATION(e));
    }
    const char* msg = nullptr;
    switch (ste->ste_type) {
      case ClassBlock:
        msg = NAMED_EXPR_COMP_IN_CLASS;
        break;
      case TypeParametersBlock:
        msg = NAMED_EXPR_COMP_IN_TYPEPARAM;
        break;
      case TypeAliasBlock:
        msg = NAMED_EXPR_COMP_IN_TYPEALIAS;
        break;
      case TypeVariableBlock:
        msg = NAMED_EXPR_COMP_IN_TYPEVAR_BOUND;
        break;
      default:
        break;
    }
    if (msg) {
      errors::set_string(objects::exc_SyntaxError, msg);
      set_error_location(st, LOCATION(e));
      return 0;
    }
  }
  // Unreachable: the stack always holds a function-like block, a module or a class.
  errors::set_string(objects::exc_SystemError, "named expression without an enclosing scope");
  return 0;
}

int symtable_handle_namedexpr(SymbolTable* st, expr_ty e) {
  if (st->st_cur->ste_comp_iter_expr > 0) {
    errors::set_string(objects::exc_SyntaxError, NAMED_EXPR_COMP_ITER_EXPR);
    set_error_location(st, LOCATION(e));
    return 0;
  }
  if (st->st_cur->ste_comprehension) {
    if (!symtable_extend_namedexpr_scope(st, e->v.NamedExpr.target)) return 0;
  }
  return symtable_visit_expr(st, e->v.NamedExpr.value) &&
         symtable_visit_expr(st, e->v.NamedExpr.target);
}

int symtable_visit_expr(SymbolTable* st, expr_ty e) {
  RecursionGuard guard;
  if (!guard.ok()) return 0;
  const Names& n = names();
  switch (e->kind) {
    case NamedExpr_kind:
      if (!symtable_raise_if_annotation_block(st, "named expression", e)) return 0;
      if (!symtable_handle_namedexpr(st, e)) return 0;
      break;
    case BoolOp_kind:
      if (!visit_seq(st, e->v.BoolOp.values, symtable_visit_expr)) return 0;
      break;
    case BinOp_kind:
      if (!symtable_visit_expr(st, e->v.BinOp.left)) return 0;
      if (!symtable_visit_expr(st, e->v.BinOp.right)) return 0;
      break;
    case UnaryOp_kind:
      if (!symtable_visit_expr(st, e->v.UnaryOp.operand)) return 0;
      break;
    case Lambda_kind: {
      arguments_ty args = e->v.Lambda.args;
      if (args->defaults && !visit_seq(st, args->defaults, symtable_visit_expr)) return 0;
      if (args->kw_defaults && !visit_seq_with_null(st, args->kw_defaults, symtable_visit_expr))
        return 0;
      if (!symtable_enter_block(st, n.lambda, FunctionBlock, e, LOCATION(e))) return 0;
      if (!symtable_visit_arguments(st, args)) return 0;
      if (!symtable_visit_expr(st, e->v.Lambda.body)) return 0;
      if (!symtable_exit_block(st)) return 0;
      break;
    }
    case IfExp_kind:
      if (!symtable_visit_expr(st, e->v.IfExp.test) || !symtable_visit_expr(st, e->v.IfExp.body) ||
          !symtable_visit_expr(st, e->v.IfExp.orelse))
        return 0;
      break;
    case Dict_kind:
      if (!visit_seq_with_null(st, e->v.Dict.keys, symtable_visit_expr)) return 0;
      if (!visit_seq(st, e->v.Dict.values, symtable_visit_expr)) return 0;
      break;
    case Set_kind:
      if (!visit_seq(st, e->v.Set.elts, symtable_visit_expr)) return 0;
      break;
    case GeneratorExp_kind:
      if (!symtable_handle_comprehension(st, e, n.genexpr, e->v.GeneratorExp.generators,
                                         e->v.GeneratorExp.elt, nullptr))
        return 0;
      break;
    case ListComp_kind:
      if (!symtable_handle_comprehension(st, e, n.listcomp, e->v.ListComp.generators,
                                         e->v.ListComp.elt, nullptr))
        return 0;
      break;
    case SetComp_kind:
      if (!symtable_handle_comprehension(st, e, n.setcomp, e->v.SetComp.generators,
                                         e->v.SetComp.elt, nullptr))
        return 0;
      break;
    case DictComp_kind:
      if (!symtable_handle_comprehension(st, e, n.dictcomp, e->v.DictComp.generators,
                                         e->v.DictComp.key, e->v.DictComp.value))
        return 0;
      break;
    case Yield_kind:
      if (!symtable_raise_if_annotation_block(st, "yield expression", e)) return 0;
      if (e->v.Yield.value && !symtable_visit_expr(st, e->v.Yield.value)) return 0;
      st->st_cur->ste_generator = 1;
      if (st->st_cur->ste_comprehension) return symtable_raise_if_comprehension_block(st, e);
      break;
    case YieldFrom_kind:
      if (!symtable_raise_if_annotation_block(st, "yield expression", e)) return 0;
      if (!symtable_visit_expr(st, e->v.YieldFrom.value)) return 0;
      st->st_cur->ste_generator = 1;
      if (st->st_cur->ste_comprehension) return symtable_raise_if_comprehension_block(st, e);
      break;
    case Await_kind:
      if (!symtable_raise_if_annotation_block(st, "await expression", e)) return 0;
      if (!allows_top_level_await(st)) {
        if (!is_function_like(st->st_cur)) {
          errors::set_string(objects::exc_SyntaxError, "'await' outside function");
          set_error_location(st, LOCATION(e));
          return 0;
        }
        if (!is_async_def(st) && st->st_cur->ste_comprehension == NoComprehension) {
          errors::set_string(objects::exc_SyntaxError, "'await' outside async function");
          set_error_location(st, LOCATION(e));
          return 0;
        }
      }
      if (!symtable_visit_expr(st, e->v.Await.value)) return 0;
      st->st_cur->ste_coroutine = 1;
      break;
    case Compare_kind:
      if (!symtable_visit_expr(st, e->v.Compare.left)) return 0;
      if (!visit_seq(st, e->v.Compare.comparators, symtable_visit_expr)) return 0;
      break;
    case Call_kind:
      if (!symtable_visit_expr(st, e->v.Call.func)) return 0;
      if (!visit_seq(st, e->v.Call.args, symtable_visit_expr)) return 0;
      if (!check_keywords(st, e->v.Call.keywords)) return 0;
      if (!visit_seq_with_null(st, e->v.Call.keywords, symtable_visit_keyword)) return 0;
      break;
    case FormattedValue_kind:
      if (!symtable_visit_expr(st, e->v.FormattedValue.value)) return 0;
      if (e->v.FormattedValue.format_spec &&
          !symtable_visit_expr(st, e->v.FormattedValue.format_spec))
        return 0;
      break;
    case Interpolation_kind:
      if (!symtable_visit_expr(st, e->v.Interpolation.value)) return 0;
      if (e->v.Interpolation.format_spec &&
          !symtable_visit_expr(st, e->v.Interpolation.format_spec))
        return 0;
      break;
    case JoinedStr_kind:
      if (!visit_seq(st, e->v.JoinedStr.values, symtable_visit_expr)) return 0;
      break;
    case TemplateStr_kind:
      if (!visit_seq(st, e->v.TemplateStr.values, symtable_visit_expr)) return 0;
      break;
    case Constant_kind:
      break;
    case Attribute_kind:
      if (!check_name(st, e->v.Attribute.attr, LOCATION(e), e->v.Attribute.ctx)) return 0;
      if (!symtable_visit_expr(st, e->v.Attribute.value)) return 0;
      break;
    case Subscript_kind:
      if (!symtable_visit_expr(st, e->v.Subscript.value)) return 0;
      if (!symtable_visit_expr(st, e->v.Subscript.slice)) return 0;
      break;
    case Starred_kind:
      if (!symtable_visit_expr(st, e->v.Starred.value)) return 0;
      break;
    case Slice_kind:
      if (e->v.Slice.lower && !symtable_visit_expr(st, e->v.Slice.lower)) return 0;
      if (e->v.Slice.upper && !symtable_visit_expr(st, e->v.Slice.upper)) return 0;
      if (e->v.Slice.step && !symtable_visit_expr(st, e->v.Slice.step)) return 0;
      break;
    case Name_kind:
      if (!st->st_cur->ste_in_unevaluated_annotation) {
        if (!symtable_add_def_ctx(st, e->v.Name.id, e->v.Name.ctx == Load ? USE : DEF_LOCAL,
                                  LOCATION(e), e->v.Name.ctx))
          return 0;
        // super() reads __class__.
        if (e->v.Name.ctx == Load && is_function_like(st->st_cur) && str_is(e->v.Name.id, "super")) {
          if (!symtable_add_def(st, n.dunder_class, USE, LOCATION(e))) return 0;
        }
      }
      break;
    case List_kind:
      if (!visit_seq(st, e->v.List.elts, symtable_visit_expr)) return 0;
      break;
    case Tuple_kind:
      if (!visit_seq(st, e->v.Tuple.elts, symtable_visit_expr)) return 0;
      break;
  }
  return 1;
}

int symtable_visit_type_param_bound_or_default(SymbolTable* st, expr_ty e, Object* name,
                                               const void* key, type_param_ty tp,
                                               const char* ste_scope_info) {
  if (str_is(name, "__classdict__")) {
    errors::format(objects::exc_SyntaxError, "reserved name '%U' cannot be used for type parameter",
                   name);
    set_error_location(st, LOCATION(tp));
    return 0;
  }
  if (e) {
    int is_in_class = st->st_cur->ste_can_see_class_scope;
    if (!symtable_enter_block(st, name, TypeVariableBlock, key, LOCATION(e))) return 0;
    st->st_cur->ste_can_see_class_scope = is_in_class;
    if (is_in_class && !symtable_add_def(st, names().dunder_classdict, USE, LOCATION(e))) return 0;
    st->st_cur->ste_scope_info = ste_scope_info;
    if (!symtable_visit_expr(st, e)) return 0;
    if (!symtable_exit_block(st)) return 0;
  }
  return 1;
}

int symtable_visit_type_param(SymbolTable* st, type_param_ty tp) {
  RecursionGuard guard;
  if (!guard.ok()) return 0;
  switch (tp->kind) {
    case TypeVar_kind: {
      if (!symtable_add_def(st, tp->v.TypeVar.name, DEF_TYPE_PARAM | DEF_LOCAL, LOCATION(tp)))
        return 0;
      const char* ste_scope_info = nullptr;
      expr_ty bound = tp->v.TypeVar.bound;
      if (bound) {
        ste_scope_info = bound->kind == Tuple_kind ? "a TypeVar constraint" : "a TypeVar bound";
      }
      // The bound and the default need distinct keys: the node, and the node's address + 1
      // (as the compiler computes it).
      if (!symtable_visit_type_param_bound_or_default(st, bound, tp->v.TypeVar.name, tp, tp,
                                                      ste_scope_info))
        return 0;
      if (!symtable_visit_type_param_bound_or_default(
              st, tp->v.TypeVar.default_value, tp->v.TypeVar.name,
              reinterpret_cast<const char*>(tp) + 1, tp, "a TypeVar default"))
        return 0;
      break;
    }
    case TypeVarTuple_kind:
      if (!symtable_add_def(st, tp->v.TypeVarTuple.name, DEF_TYPE_PARAM | DEF_LOCAL, LOCATION(tp)))
        return 0;
      if (!symtable_visit_type_param_bound_or_default(st, tp->v.TypeVarTuple.default_value,
                                                      tp->v.TypeVarTuple.name, tp, tp,
                                                      "a TypeVarTuple default"))
        return 0;
      break;
    case ParamSpec_kind:
      if (!symtable_add_def(st, tp->v.ParamSpec.name, DEF_TYPE_PARAM | DEF_LOCAL, LOCATION(tp)))
        return 0;
      if (!symtable_visit_type_param_bound_or_default(st, tp->v.ParamSpec.default_value,
                                                      tp->v.ParamSpec.name, tp, tp,
                                                      "a ParamSpec default"))
        return 0;
      break;
  }
  return 1;
}

int symtable_visit_pattern(SymbolTable* st, pattern_ty p) {
  RecursionGuard guard;
  if (!guard.ok()) return 0;
  switch (p->kind) {
    case MatchValue_kind:
      if (!symtable_visit_expr(st, p->v.MatchValue.value)) return 0;
      break;
    case MatchSingleton_kind:
      break;
    case MatchSequence_kind:
      if (!visit_seq(st, p->v.MatchSequence.patterns, symtable_visit_pattern)) return 0;
      break;
    case MatchStar_kind:
      if (p->v.MatchStar.name &&
          !symtable_add_def(st, p->v.MatchStar.name, DEF_LOCAL, LOCATION(p)))
        return 0;
      break;
    case MatchMapping_kind:
      if (!visit_seq(st, p->v.MatchMapping.keys, symtable_visit_expr)) return 0;
      if (!visit_seq(st, p->v.MatchMapping.patterns, symtable_visit_pattern)) return 0;
      if (p->v.MatchMapping.rest &&
          !symtable_add_def(st, p->v.MatchMapping.rest, DEF_LOCAL, LOCATION(p)))
        return 0;
      break;
    case MatchClass_kind:
      if (!symtable_visit_expr(st, p->v.MatchClass.cls)) return 0;
      if (!visit_seq(st, p->v.MatchClass.patterns, symtable_visit_pattern)) return 0;
      if (!check_kwd_patterns(st, p)) return 0;
      if (!visit_seq(st, p->v.MatchClass.kwd_patterns, symtable_visit_pattern)) return 0;
      break;
    case MatchAs_kind:
      if (p->v.MatchAs.pattern && !symtable_visit_pattern(st, p->v.MatchAs.pattern)) return 0;
      if (p->v.MatchAs.name && !symtable_add_def(st, p->v.MatchAs.name, DEF_LOCAL, LOCATION(p)))
        return 0;
      break;
    case MatchOr_kind:
      if (!visit_seq(st, p->v.MatchOr.patterns, symtable_visit_pattern)) return 0;
      break;
  }
  return 1;
}

// symtable_implicit_arg: a comprehension's iterable arrives as the parameter .0.
int symtable_implicit_arg(SymbolTable* st, int pos) {
  Object* id = pos == 0 ? objects::new_ref(names().dot_0) : objects::str_from_format(".%d", pos);
  if (!id) return 0;
  int ok = symtable_add_def(st, id, DEF_PARAM, st->st_cur->ste_loc);
  objects::decref(id);
  return ok;
}

int symtable_visit_params(SymbolTable* st, asdl_arg_seq* args) {
  for (ssize i = 0; i < asdl_seq_LEN(args); i++) {
    arg_ty arg = asdl_seq_GET(args, i);
    if (!symtable_add_def(st, arg->arg, DEF_PARAM, LOCATION(arg))) return 0;
  }
  return 1;
}

int symtable_visit_annotation(SymbolTable* st, expr_ty annotation, const void* key) {
  // Annotations of local variables are never evaluated.
  bool is_unevaluated = st->st_cur->ste_type == FunctionBlock;
  // Module annotations are always treated as conditional (a module may be partially
  // executed); class annotations when under if/for/while/try/with/match.
  if ((st->st_cur->ste_type == ModuleBlock ||
       (st->st_cur->ste_type == ClassBlock && st->st_cur->ste_in_conditional_block)) &&
      !st->st_cur->ste_has_conditional_annotations) {
    st->st_cur->ste_has_conditional_annotations = 1;
    if (!symtable_add_def(st, names().dunder_conditional_annotations, USE, LOCATION(annotation)))
      return 0;
  }
  SymbolTableEntry* parent_ste = st->st_cur;
  if (!parent_ste->ste_annotation_block) {
    BlockType current_type = parent_ste->ste_type;
    if (!symtable_enter_block(st, names().dunder_annotate, AnnotationBlock, key,
                              LOCATION(annotation)))
      return 0;
    parent_ste->ste_annotation_block = st->st_cur;
    bool future_annotations = st->st_future->ff_features & CO_FUTURE_ANNOTATIONS;
    if (current_type == ClassBlock && !future_annotations) {
      st->st_cur->ste_can_see_class_scope = 1;
      if (!symtable_add_def(st, names().dunder_classdict, USE, LOCATION(annotation))) return 0;
    }
  } else if (!symtable_enter_existing_block(st, parent_ste->ste_annotation_block, false)) {
    return 0;
  }
  if (is_unevaluated) st->st_cur->ste_in_unevaluated_annotation = 1;
  int rc = symtable_visit_expr(st, annotation);
  if (is_unevaluated) st->st_cur->ste_in_unevaluated_annotation = 0;
  if (!symtable_exit_block(st)) return 0;
  return rc;
}

int symtable_visit_argannotations(SymbolTable* st, asdl_arg_seq* args) {
  for (ssize i = 0; i < asdl_seq_LEN(args); i++) {
    arg_ty arg = asdl_seq_GET(args, i);
    if (arg->annotation) {
      st->st_cur->ste_annotations_used = 1;
      if (!symtable_visit_expr(st, arg->annotation)) return 0;
    }
  }
  return 1;
}

// symtable_visit_annotations: a function's parameter and return annotations live in its own
// __annotate__ block, keyed by the arguments node.
int symtable_visit_annotations(SymbolTable* st, stmt_ty o, arguments_ty a, expr_ty returns,
                               SymbolTableEntry* function_ste) {
  (void)function_ste;
  int is_in_class = st->st_cur->ste_can_see_class_scope;
  BlockType current_type = st->st_cur->ste_type;
  if (!symtable_enter_block(st, names().dunder_annotate, AnnotationBlock, a, LOCATION(o))) return 0;
  if (is_in_class || current_type == ClassBlock) {
    st->st_cur->ste_can_see_class_scope = 1;
    if (!symtable_add_def(st, names().dunder_classdict, USE, LOCATION(o))) return 0;
  }
  if (a->posonlyargs && !symtable_visit_argannotations(st, a->posonlyargs)) return 0;
  if (a->args && !symtable_visit_argannotations(st, a->args)) return 0;
  if (a->vararg && a->vararg->annotation) {
    st->st_cur->ste_annotations_used = 1;
    if (!symtable_visit_expr(st, a->vararg->annotation)) return 0;
  }
  if (a->kwarg && a->kwarg->annotation) {
    st->st_cur->ste_annotations_used = 1;
    if (!symtable_visit_expr(st, a->kwarg->annotation)) return 0;
  }
  if (a->kwonlyargs && !symtable_visit_argannotations(st, a->kwonlyargs)) return 0;
  if (returns) {
    st->st_cur->ste_annotations_used = 1;
    if (!symtable_visit_expr(st, returns)) return 0;
  }
  return symtable_exit_block(st);
}

int symtable_visit_arguments(SymbolTable* st, arguments_ty a) {
  // Defaults were visited in the enclosing block.
  if (a->posonlyargs && !symtable_visit_params(st, a->posonlyargs)) return 0;
  if (a->args && !symtable_visit_params(st, a->args)) return 0;
  if (a->kwonlyargs && !symtable_visit_params(st, a->kwonlyargs)) return 0;
  if (a->vararg) {
    if (!symtable_add_def(st, a->vararg->arg, DEF_PARAM, LOCATION(a->vararg))) return 0;
    st->st_cur->ste_varargs = 1;
  }
  if (a->kwarg) {
    if (!symtable_add_def(st, a->kwarg->arg, DEF_PARAM, LOCATION(a->kwarg))) return 0;
    st->st_cur->ste_varkeywords = 1;
  }
  return 1;
}

int symtable_visit_excepthandler(SymbolTable* st, excepthandler_ty eh) {
  if (eh->v.ExceptHandler.type && !symtable_visit_expr(st, eh->v.ExceptHandler.type)) return 0;
  if (eh->v.ExceptHandler.name &&
      !symtable_add_def(st, eh->v.ExceptHandler.name, DEF_LOCAL, LOCATION(eh)))
    return 0;
  return visit_seq(st, eh->v.ExceptHandler.body, symtable_visit_stmt);
}

int symtable_visit_withitem(SymbolTable* st, withitem_ty item) {
  if (!symtable_visit_expr(st, item->context_expr)) return 0;
  if (item->optional_vars && !symtable_visit_expr(st, item->optional_vars)) return 0;
  return 1;
}

int symtable_visit_match_case(SymbolTable* st, match_case_ty m) {
  if (!symtable_visit_pattern(st, m->pattern)) return 0;
  if (m->guard && !symtable_visit_expr(st, m->guard)) return 0;
  return visit_seq(st, m->body, symtable_visit_stmt);
}

// symtable_visit_alias: `import a.b.c` binds a; `import a.b as c` binds c.
int symtable_visit_alias(SymbolTable* st, alias_ty a) {
  Object* name = a->asname ? a->asname : a->name;
  ssize size = 0;
  const char* text = objects::str_as_utf8(name, &size);
  if (!text) return 0;
  if (std::strcmp(text, "*") == 0) {
    if (st->st_cur->ste_type != ModuleBlock) {
      errors::set_string(objects::exc_SyntaxError, IMPORT_STAR_WARNING);
      set_error_location(st, LOCATION(a));
      return 0;
    }
    return 1;
  }
  const char* dot = static_cast<const char*>(std::memchr(text, '.', static_cast<size_t>(size)));
  Object* store_name = dot ? objects::str_from_utf8(text, dot - text) : objects::new_ref(name);
  if (!store_name) return 0;
  int r = symtable_add_def(st, store_name, DEF_IMPORT, LOCATION(a));
  objects::decref(store_name);
  return r;
}

int symtable_visit_comprehension(SymbolTable* st, comprehension_ty lc) {
  st->st_cur->ste_comp_iter_target = 1;
  if (!symtable_visit_expr(st, lc->target)) return 0;
  st->st_cur->ste_comp_iter_target = 0;
  st->st_cur->ste_comp_iter_expr++;
  if (!symtable_visit_expr(st, lc->iter)) return 0;
  st->st_cur->ste_comp_iter_expr--;
  if (!visit_seq(st, lc->ifs, symtable_visit_expr)) return 0;
  if (lc->is_async) st->st_cur->ste_coroutine = 1;
  return 1;
}

int symtable_visit_keyword(SymbolTable* st, keyword_ty k) { return symtable_visit_expr(st, k->value); }

int symtable_handle_comprehension(SymbolTable* st, expr_ty e, Object* scope_name,
                                  asdl_comprehension_seq* generators, expr_ty elt,
                                  expr_ty value) {
  bool is_generator = e->kind == GeneratorExp_kind;
  comprehension_ty outermost = asdl_seq_GET(generators, 0);
  // The outermost iterable is evaluated in the enclosing scope.
  st->st_cur->ste_comp_iter_expr++;
  if (!symtable_visit_expr(st, outermost->iter)) return 0;
  st->st_cur->ste_comp_iter_expr--;
  if (!scope_name || !symtable_enter_block(st, scope_name, FunctionBlock, e, LOCATION(e))) return 0;
  switch (e->kind) {
    case ListComp_kind:
      st->st_cur->ste_comprehension = ListComprehension;
      break;
    case SetComp_kind:
      st->st_cur->ste_comprehension = SetComprehension;
      break;
    case DictComp_kind:
      st->st_cur->ste_comprehension = DictComprehension;
      break;
    default:
      st->st_cur->ste_comprehension = GeneratorExpression;
      break;
  }
  if (outermost->is_async) st->st_cur->ste_coroutine = 1;
  if (!symtable_implicit_arg(st, 0)) {
    symtable_exit_block(st);
    return 0;
  }
  st->st_cur->ste_comp_iter_target = 1;
  if (!symtable_visit_expr(st, outermost->target)) return 0;
  st->st_cur->ste_comp_iter_target = 0;
  if (!visit_seq(st, outermost->ifs, symtable_visit_expr)) return 0;
  if (!visit_seq(st, generators, symtable_visit_comprehension, 1)) return 0;
  if (value && !symtable_visit_expr(st, value)) return 0;
  if (!symtable_visit_expr(st, elt)) return 0;
  st->st_cur->ste_generator = is_generator;
  bool is_async = st->st_cur->ste_coroutine && !is_generator;
  if (!symtable_exit_block(st)) return 0;
  if (is_async && !is_async_def(st) && st->st_cur->ste_comprehension == NoComprehension &&
      !allows_top_level_await(st)) {
    errors::set_string(objects::exc_SyntaxError,
                       "asynchronous comprehension outside of an asynchronous function");
    set_error_location(st, LOCATION(e));
    return 0;
  }
  if (is_async) st->st_cur->ste_coroutine = 1;
  return 1;
}

int symtable_raise_if_annotation_block(SymbolTable* st, const char* name, expr_ty e) {
  BlockType type = st->st_cur->ste_type;
  if (type == AnnotationBlock) {
    errors::format(objects::exc_SyntaxError, ANNOTATION_NOT_ALLOWED, name);
  } else if (type == TypeVariableBlock) {
    errors::format(objects::exc_SyntaxError, EXPR_NOT_ALLOWED_IN_TYPE_VARIABLE, name,
                   st->st_cur->ste_scope_info);
  } else if (type == TypeAliasBlock) {
    errors::format(objects::exc_SyntaxError, EXPR_NOT_ALLOWED_IN_TYPE_ALIAS, name);
  } else if (type == TypeParametersBlock) {
    errors::format(objects::exc_SyntaxError, EXPR_NOT_ALLOWED_IN_TYPE_PARAMETERS, name);
  } else {
    return 1;
  }
  set_error_location(st, LOCATION(e));
  return 0;
}

int symtable_raise_if_comprehension_block(SymbolTable* st, expr_ty e) {
  ComprehensionType type = st->st_cur->ste_comprehension;
  errors::set_string(objects::exc_SyntaxError,
                     type == ListComprehension  ? "'yield' inside list comprehension"
                     : type == SetComprehension ? "'yield' inside set comprehension"
                     : type == DictComprehension ? "'yield' inside dict comprehension"
                                                 : "'yield' inside generator expression");
  set_error_location(st, LOCATION(e));
  return 0;
}

int symtable_raise_if_not_coroutine(SymbolTable* st, const char* msg, SourceLocation loc) {
  if (!st->st_cur->ste_coroutine) {
    errors::set_string(objects::exc_SyntaxError, msg);
    set_error_location(st, loc);
    return 0;
  }
  return 1;
}

}  // namespace

// _PySymtable_Build.
SymbolTable* build(mod_ty mod, Object* filename, FutureFeatures* future) {
  if (!filename) return nullptr;
  if (!names().ok) return nullptr;
  auto st = std::make_unique<SymbolTable>();
  st->st_filename = objects::new_ref(filename);
  st->st_future = future;

  // The first pass gathers the raw facts.
  SourceLocation loc0 = {0, 0, 0, 0};
  if (!symtable_enter_block(st.get(), names().top, ModuleBlock, mod, loc0)) return nullptr;
  st->st_top = st->st_cur;
  bool ok = true;
  switch (mod->kind) {
    case Module_kind: {
      asdl_stmt_seq* seq = mod->v.Module.body;
      if (get_docstring(seq)) st->st_cur->ste_has_docstring = 1;
      for (ssize i = 0; ok && i < asdl_seq_LEN(seq); i++) {
        ok = symtable_visit_stmt(st.get(), asdl_seq_GET(seq, i));
      }
      break;
    }
    case Expression_kind:
      ok = symtable_visit_expr(st.get(), mod->v.Expression.body);
      break;
    case Interactive_kind: {
      asdl_stmt_seq* seq = mod->v.Interactive.body;
      for (ssize i = 0; ok && i < asdl_seq_LEN(seq); i++) {
        ok = symtable_visit_stmt(st.get(), asdl_seq_GET(seq, i));
      }
      break;
    }
    case FunctionType_kind:
      errors::set_string(objects::exc_RuntimeError, "this compiler does not handle FunctionTypes");
      ok = false;
      break;
  }
  if (!ok) {
    symtable_exit_block(st.get());
    return nullptr;
  }
  if (!symtable_exit_block(st.get())) return nullptr;
  // The second pass decides the scopes.
  if (!symtable_analyze(st.get())) return nullptr;
  return st.release();
}

void symtable_free(SymbolTable* st) { delete st; }

}  // namespace cppy::symtable
