// The compiler state (Python/compile.c): the stack of compiler units, scopes from the symbol
// table, constants and names, frame blocks, inlined comprehensions, deferred annotations, and
// the optimize-and-assemble step that turns a unit into CodeData.
#include "compile/compile.h"

#include <algorithm>
#include <cassert>
#include <climits>

#include "ast/future.h"
#include "compile/codegen.h"
#include "compile/compile_errors.h"
#include "compile/flowgraph.h"
#include "errors/errors.h"
#include "objects/exceptions.h"
#include "objects/unicodeobject.h"
#include "runtime/preconfig.h"

namespace cppy::compile {

namespace {
constexpr int SUCCESS = 0;
constexpr int ERROR = -1;
#define RETURN_IF_ERROR(X) \
  do {                     \
    if ((X) == -1) {       \
      return ERROR;        \
    }                      \
  } while (0)

// Code flags not in unit_metadata.h.
constexpr int CO_HAS_DOCSTRING = 0x4000000;
constexpr int CO_METHOD = 0x8000000;
}  // namespace

std::string utf8_of(Object* s) {
  objects::ssize n = 0;
  const char* p = objects::str_as_utf8(s, &n);
  return p ? std::string(p, size_t(n)) : std::string();
}

int IndexDict::add(const std::string& k) {
  auto it = index_.find(k);
  if (it != index_.end()) return it->second;
  int i = int(keys_.size());
  keys_.push_back(k);
  index_.emplace(k, i);
  return i;
}

int IndexDict::lookup(const std::string& k) const {
  auto it = index_.find(k);
  return it == index_.end() ? -1 : it->second;
}

CompilerUnit::~CompilerUnit() { objects::xdecref(name); }

std::vector<std::string> CodeData::varnames() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < a.localsplusnames.size(); i++)
    if (uint8_t(a.localspluskinds[i]) & CO_FAST_LOCAL) out.push_back(a.localsplusnames[i]);
  return out;
}
std::vector<std::string> CodeData::cellvars() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < a.localsplusnames.size(); i++)
    if (uint8_t(a.localspluskinds[i]) & CO_FAST_CELL) out.push_back(a.localsplusnames[i]);
  return out;
}
std::vector<std::string> CodeData::freevars() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < a.localsplusnames.size(); i++)
    if (uint8_t(a.localspluskinds[i]) & CO_FAST_FREE) out.push_back(a.localsplusnames[i]);
  return out;
}
int CodeData::nlocals() const { return int(varnames().size()); }

// compiler_set_qualname.
static int compiler_set_qualname(Compiler* c) {
  CompilerUnit* u = c->u.get();
  std::string base;
  bool has_base = false;
  size_t stack_size = c->stack.size();
  if (stack_size > 1) {
    int force_global = 0;
    CompilerUnit* parent = c->stack[stack_size - 1].get();
    if (parent->scope_type == COMPILE_SCOPE_ANNOTATIONS) {
      // The parent is an annotation scope: look at the grandparent.
      if (stack_size == 2) {
        u->qualname = utf8_of(u->name);
        return SUCCESS;
      }
      parent = c->stack[stack_size - 2].get();
    }
    if (u->scope_type == COMPILE_SCOPE_FUNCTION || u->scope_type == COMPILE_SCOPE_ASYNC_FUNCTION ||
        u->scope_type == COMPILE_SCOPE_CLASS) {
      Object* mangled = symtable::mangle(parent->private_name, u->name);
      if (!mangled) return ERROR;
      int scope = symtable::get_scope(parent->ste, mangled);
      objects::decref(mangled);
      RETURN_IF_ERROR(scope);
      if (scope == symtable::GLOBAL_EXPLICIT) force_global = 1;
    }
    if (!force_global) {
      if (parent->scope_type == COMPILE_SCOPE_FUNCTION ||
          parent->scope_type == COMPILE_SCOPE_ASYNC_FUNCTION ||
          parent->scope_type == COMPILE_SCOPE_LAMBDA) {
        base = parent->qualname + ".<locals>";
      } else {
        base = parent->qualname;
      }
      has_base = true;
    }
  }
  if (has_base) {
    u->qualname = base + "." + utf8_of(u->name);
  } else {
    u->qualname = utf8_of(u->name);
  }
  return SUCCESS;
}

// _PyCompile_EnterScope.
int compile_enter_scope(Compiler* c, Object* name, int scope_type, const void* key, int lineno,
                        Object* private_name, const UnitArgs* umd) {
  auto u = std::make_unique<CompilerUnit>();
  u->scope_type = scope_type;
  if (umd) {
    u->argcount = umd->argcount;
    u->posonlyargcount = umd->posonlyargcount;
    u->kwonlyargcount = umd->kwonlyargcount;
  }
  u->ste = symtable::lookup(c->st, key);
  if (!u->ste) return ERROR;
  u->name = objects::new_ref(name);
  for (Object* v : u->ste->ste_varnames) u->varnames.add(utf8_of(v));
  // dictbytype: names in sorted order (code point order is UTF-8 byte order).
  std::vector<std::pair<std::string, long>> syms;
  const symtable::SymbolMap& m = u->ste->ste_symbols;
  for (objects::ssize i = 0; i < m.slots(); i++) {
    if (!m.live(i)) continue;
    syms.emplace_back(utf8_of(m.name_at(i)), m.flags_at(i));
  }
  std::sort(syms.begin(), syms.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [k, v] : syms) {
    if (symtable::symbol_to_scope(v) == symtable::CELL || (v & symtable::DEF_COMP_CELL))
      u->cellvars.add(k);
  }
  if (u->ste->ste_needs_class_closure) u->cellvars.add("__class__");
  if (u->ste->ste_needs_classdict) u->cellvars.add("__classdict__");
  if (u->ste->ste_has_conditional_annotations) u->cellvars.add("__conditional_annotations__");
  for (auto& [k, v] : syms) {
    if (symtable::symbol_to_scope(v) == symtable::FREE || (v & symtable::DEF_FREE_CLASS))
      u->freevars.add(k);
  }
  u->firstlineno = lineno;
  u->consts = std::make_unique<UnitConsts>(c->konsts.get());
  u->has_static_attributes = scope_type == COMPILE_SCOPE_CLASS;
  u->instr_sequence = std::make_unique<InstructionSequence>();
  if (c->u) {
    if (private_name == nullptr) private_name = c->u->private_name;
    c->stack.push_back(std::move(c->u));
  }
  u->private_name = private_name;
  c->u = std::move(u);
  if (scope_type != COMPILE_SCOPE_MODULE) {
    RETURN_IF_ERROR(compiler_set_qualname(c));
  }
  return SUCCESS;
}

// _PyCompile_ExitScope.
void compile_exit_scope(Compiler* c) {
  if (!c->stack.empty()) {
    c->u = std::move(c->stack.back());
    c->stack.pop_back();
  } else {
    c->u.reset();
  }
}

int compile_push_fblock(Compiler* c, Location loc, FBlockType t, JumpTargetLabel block,
                        JumpTargetLabel exit, const void* datum) {
  if (c->u->nfblocks >= CO_MAXBLOCKS) {
    return compile_error(c, loc, "too many statically nested blocks");
  }
  FBlockInfo* f = &c->u->fblock[c->u->nfblocks++];
  f->fb_type = t;
  f->fb_block = block;
  f->fb_loc = loc;
  f->fb_exit = exit;
  f->fb_datum = datum;
  if (t == COMPILE_FBLOCK_FINALLY_END) c->disable_warning++;
  return SUCCESS;
}

void compile_pop_fblock(Compiler* c, FBlockType t, JumpTargetLabel block) {
  CompilerUnit* u = c->u.get();
  assert(u->nfblocks > 0);
  u->nfblocks--;
  assert(u->fblock[u->nfblocks].fb_type == t);
  (void)block;
  if (t == COMPILE_FBLOCK_FINALLY_END) c->disable_warning--;
}

FBlockInfo* compile_top_fblock(Compiler* c) {
  if (c->u->nfblocks == 0) return nullptr;
  return &c->u->fblock[c->u->nfblocks - 1];
}

int compile_add_const(Compiler* c, const Konst* k) {
  if (!k) return ERROR;
  return c->u->consts->add_konst(k);
}

// A failure whose exception is already raised (warnings turned into errors, MemoryError).
static int compile_error_from_exception(Compiler* c) {
  if (!c->failed) {
    c->failed = true;
    c->failure.exception_set = true;
  }
  return ERROR;
}

int compile_error(Compiler* c, Location loc, const std::string& message) {
  if (!c->failed) {
    c->failed = true;
    c->failure.type = "SyntaxError";
    c->failure.message = message;
    c->failure.lineno = loc.lineno;
    c->failure.col_offset = loc.col_offset;
    c->failure.end_lineno = loc.end_lineno;
    c->failure.end_col_offset = loc.end_col_offset;
  }
  return ERROR;
}

// _PyCompile_Warn -> _PyErr_EmitSyntaxWarning: a SyntaxWarning through the warnings filters;
// one turned into an error becomes a SyntaxError at the location.
int compile_warn(Compiler* c, Location loc, const std::string& message) {
  if (c->disable_warning) return SUCCESS;
  objects::Object* msg = objects::str_from_utf8(message.data(), objects::ssize(message.size()));
  if (!msg) return compile_error_from_exception(c);
  int r = errors::warn_explicit_object(objects::exc_SyntaxWarning, msg, c->filename, loc.lineno,
                                       nullptr, nullptr);
  objects::decref(msg);
  if (r < 0) {
    if (errors::exception_matches(reinterpret_cast<objects::Object*>(objects::exc_SyntaxWarning))) {
      errors::clear();
      return compile_error(c, loc, message);
    }
    return compile_error_from_exception(c);
  }
  return SUCCESS;
}

Object* compile_mangle(Compiler* c, Object* name) {
  return symtable::mangle(c->u->private_name, name);
}

Object* compile_maybe_mangle(Compiler* c, Object* name) {
  return symtable::maybe_mangle(c->u->private_name, c->u->ste, name);
}

// _PyCompile_GetRefType.
int compile_get_ref_type(Compiler* c, Object* name) {
  if (c->u->scope_type == COMPILE_SCOPE_CLASS) {
    std::string n = utf8_of(name);
    if (n == "__class__" || n == "__classdict__" || n == "__conditional_annotations__")
      return symtable::CELL;
  }
  int scope = symtable::get_scope(c->u->ste, name);
  if (scope == 0) {
    c->failed = true;
    c->failure.type = "SystemError";
    c->failure.message = "_PyST_GetScope(name=" + utf8_of(name) + ") failed: unknown scope";
    return ERROR;
  }
  return scope;
}

int compile_lookup_cellvar(Compiler* c, Object* name) {
  return c->u->cellvars.lookup(utf8_of(name));
}

// _PyCompile_LookupArg.
int compile_lookup_arg(Compiler* c, const CodeData* co, const std::string& name) {
  Object* n = objects::str_from_utf8(name.data(), objects::ssize(name.size()));
  if (!n) return ERROR;
  int reftype = compile_get_ref_type(c, n);
  objects::decref(n);
  if (reftype == -1) return ERROR;
  int arg = reftype == symtable::CELL ? c->u->cellvars.lookup(name) : c->u->freevars.lookup(name);
  if (reftype != symtable::CELL && arg >= 0) arg += c->u->cellvars.size();
  if (arg == -1) {
    c->failed = true;
    c->failure.type = "SystemError";
    c->failure.message = "compiler_lookup_arg(name=" + name + ") failed in " + co->name;
    return ERROR;
  }
  return arg;
}

// _PyCompile_ResolveNameop.
int compile_resolve_nameop(Compiler* c, Object* mangled, int scope, OpType* optype, int* arg) {
  IndexDict* dict = &c->u->names;
  *optype = COMPILE_OP_NAME;
  switch (scope) {
    case symtable::FREE:
      dict = &c->u->freevars;
      *optype = COMPILE_OP_DEREF;
      break;
    case symtable::CELL:
      dict = &c->u->cellvars;
      *optype = COMPILE_OP_DEREF;
      break;
    case symtable::LOCAL:
      if (symtable::is_function_like(c->u->ste)) {
        *optype = COMPILE_OP_FAST;
      } else {
        auto it = c->u->fasthidden.find(utf8_of(mangled));
        if (it != c->u->fasthidden.end() && it->second) *optype = COMPILE_OP_FAST;
      }
      break;
    case symtable::GLOBAL_IMPLICIT:
      if (symtable::is_function_like(c->u->ste)) *optype = COMPILE_OP_GLOBAL;
      break;
    case symtable::GLOBAL_EXPLICIT:
      *optype = COMPILE_OP_GLOBAL;
      break;
    default:
      break;
  }
  if (*optype != COMPILE_OP_FAST) {
    std::string k = utf8_of(mangled);
    *arg = dict->add(k);
    // Free variables are numbered after the cells.
    if (dict == &c->u->freevars) *arg += c->u->cellvars.size();
  }
  return SUCCESS;
}

// _PyCompile_TweakInlinedComprehensionScopes.
int compile_tweak_inlined_comprehension_scopes(Compiler* c, Location,
                                               symtable::SymbolTableEntry* entry,
                                               InlinedComprehensionState* state) {
  int in_class_block = (c->u->ste->ste_type == symtable::ClassBlock) && !c->u->in_inlined_comp;
  c->u->in_inlined_comp++;
  const symtable::SymbolMap& m = entry->ste_symbols;
  for (objects::ssize i = 0; i < m.slots(); i++) {
    if (!m.live(i)) continue;
    Object* k = m.name_at(i);
    long symbol = m.flags_at(i);
    long scope = symtable::symbol_to_scope(symbol);
    long outsymbol = symtable::get_symbol(c->u->ste, k);
    long outsc = symtable::symbol_to_scope(outsymbol);
    if ((scope != outsc && scope != symtable::FREE &&
         !(scope == symtable::CELL && outsc == symtable::FREE)) ||
        in_class_block) {
      state->has_temp = true;
      if (c->u->ste->ste_symbols.set(k, symbol) < 0) return ERROR;
      state->temp_symbols.emplace_back(k, outsymbol);
    }
    if (((symbol & symtable::DEF_LOCAL) && !(symbol & symtable::DEF_NONLOCAL)) || in_class_block) {
      if (!symtable::is_function_like(c->u->ste)) {
        std::string ks = utf8_of(k);
        auto it = c->u->fasthidden.find(ks);
        if (it == c->u->fasthidden.end() || !it->second) {
          c->u->fasthidden[ks] = true;
          if (std::find(state->fast_hidden.begin(), state->fast_hidden.end(), ks) ==
              state->fast_hidden.end())
            state->fast_hidden.push_back(ks);
        }
      }
    }
  }
  return SUCCESS;
}

// _PyCompile_RevertInlinedComprehensionScopes.
int compile_revert_inlined_comprehension_scopes(Compiler* c, Location,
                                                InlinedComprehensionState* state) {
  c->u->in_inlined_comp--;
  if (state->has_temp) {
    // A name can only be saved once (PyDict_SetItem of temp_symbols keeps the first order
    // and the last value: names come from one entry's symbols, so each appears once).
    for (auto& [k, v] : state->temp_symbols) {
      if (c->u->ste->ste_symbols.set(k, v) < 0) return ERROR;
    }
    state->temp_symbols.clear();
    state->has_temp = false;
  }
  for (const std::string& k : state->fast_hidden) c->u->fasthidden[k] = false;
  state->fast_hidden.clear();
  return SUCCESS;
}

// _PyCompile_AddDeferredAnnotation.
int compile_add_deferred_annotation(Compiler* c, ast::stmt_ty s, long* conditional_index) {
  CompilerUnit* u = c->u.get();
  u->has_deferred = true;
  u->deferred_annotations.push_back(s);
  if (u->scope_type == COMPILE_SCOPE_MODULE || u->in_conditional_block) {
    long index = u->next_conditional_annotation_index++;
    *conditional_index = index;
    u->conditional_annotation_indices.push_back(index);
  } else {
    u->conditional_annotation_indices.push_back(-1);
  }
  return SUCCESS;
}

// _PyCompile_MaybeAddStaticAttributeToClass.
int compile_maybe_add_static_attribute_to_class(Compiler* c, ast::expr_ty e) {
  ast::expr_ty attr_value = e->v.Attribute.value;
  if (attr_value->kind != ast::Name_kind || e->v.Attribute.ctx != ast::Store ||
      utf8_of(attr_value->v.Name.id) != "self") {
    return SUCCESS;
  }
  // c_stack holds the enclosing units only: the innermost enclosing class gets the name.
  for (size_t i = c->stack.size(); i-- > 0;) {
    CompilerUnit* u = c->stack[i].get();
    if (u->scope_type == COMPILE_SCOPE_CLASS) {
      u->static_attributes.insert(utf8_of(e->v.Attribute.attr));
      break;
    }
  }
  return SUCCESS;
}

const Konst* compile_static_attributes_as_tuple(Compiler* c) {
  std::vector<const Konst*> items;
  for (const std::string& s : c->u->static_attributes) items.push_back(c->konsts->str(s));
  return c->konsts->tuple(std::move(items));
}

int compile_start_annotation_setup(Compiler* c) {
  c->u->stashed_instr_sequence = std::move(c->u->instr_sequence);
  c->u->instr_sequence = std::make_unique<InstructionSequence>();
  return SUCCESS;
}

int compile_end_annotation_setup(Compiler* c) {
  std::unique_ptr<InstructionSequence> anno = std::move(c->u->instr_sequence);
  c->u->instr_sequence = std::move(c->u->stashed_instr_sequence);
  c->u->instr_sequence->set_annotations_code(std::move(anno));
  return SUCCESS;
}

bool compile_is_interactive_top_level(Compiler* c) {
  return c->interactive && c->stack.empty();
}

// compute_code_flags.
static int compute_code_flags(Compiler* c) {
  symtable::SymbolTableEntry* ste = c->u->ste;
  int flags = 0;
  if (symtable::is_function_like(ste)) {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste->ste_nested) flags |= CO_NESTED;
    if (ste->ste_generator && !ste->ste_coroutine) flags |= CO_GENERATOR;
    if (ste->ste_generator && ste->ste_coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste->ste_varargs) flags |= CO_VARARGS;
    if (ste->ste_varkeywords) flags |= CO_VARKEYWORDS;
    if (ste->ste_has_docstring) flags |= CO_HAS_DOCSTRING;
    if (ste->ste_method) flags |= CO_METHOD;
  }
  if (ste->ste_coroutine && !ste->ste_generator) flags |= CO_COROUTINE;
  flags |= (c->flags & PyCF_MASK);
  return flags;
}

static int take_backend_error(Compiler* c) {
  const CompileError& e = compile_error();
  if (!c->failed) {
    c->failed = true;
    switch (e.kind) {
      case CompileErrorKind::SystemError: c->failure.type = "SystemError"; break;
      case CompileErrorKind::ValueError: c->failure.type = "ValueError"; break;
      case CompileErrorKind::OverflowError: c->failure.type = "OverflowError"; break;
      case CompileErrorKind::MemoryError: c->failure.type = "MemoryError"; break;
      default: c->failure.type = "SystemError"; break;
    }
    c->failure.message = e.message;
  }
  clear_compile_error();
  return ERROR;
}

// A key for code objects that compares them by value, as code_richcompare does (so a unit
// compiled twice, as a generator expression passed to all()/any()/tuple() is, is one constant).
static std::string code_key(const CodeData& d) {
  std::string k = "code:" + d.name + "\x1f" + d.qualname + "\x1f" +
                  std::to_string(d.a.argcount) + "," + std::to_string(d.a.posonlyargcount) +
                  "," + std::to_string(d.a.kwonlyargcount) + "," + std::to_string(d.a.flags) +
                  "," + std::to_string(d.a.firstlineno) + "\x1f" + d.a.code + "\x1f" +
                  d.a.linetable + "\x1f" + d.a.exceptiontable + "\x1f";
  for (const Konst* x : d.consts) k += x->key + "\x1e";
  k += "\x1f";
  for (const std::string& n : d.names) k += n + "\x1e";
  k += "\x1f";
  for (const std::string& n : d.a.localsplusnames) k += n + "\x1e";
  k += d.a.localspluskinds;
  return k;
}

// optimize_and_assemble_code_unit and _PyAssemble_MakeCodeObject (without the object).
std::shared_ptr<CodeData> compile_optimize_and_assemble(Compiler* c, int add_none) {
  int code_flags = compute_code_flags(c);
  if (codegen_add_return_at_end(c, add_none) < 0) return nullptr;
  CompilerUnit* u = c->u.get();
  clear_compile_error();
  CfgBuilderPtr g = cfg_from_instruction_sequence(u->instr_sequence.get());
  if (!g) {
    take_backend_error(c);
    return nullptr;
  }
  int nlocals = u->varnames.size();
  int nparams = int(u->ste->ste_varnames.size());
  if (cfg_optimize_code_unit(g.get(), u->consts.get(), nlocals, nparams, u->firstlineno) < 0) {
    take_backend_error(c);
    return nullptr;
  }
  CodeUnitMetadata umd;
  umd.name = utf8_of(u->name);
  umd.qualname = u->qualname.empty() ? umd.name : u->qualname;
  umd.varnames = u->varnames.keys();
  umd.cellvars = u->cellvars.keys();
  umd.freevars = u->freevars.keys();
  for (auto& [k, v] : u->fasthidden)
    if (v) umd.fasthidden.insert(k);
  umd.argcount = u->argcount;
  umd.posonlyargcount = u->posonlyargcount;
  umd.kwonlyargcount = u->kwonlyargcount;
  umd.firstlineno = u->firstlineno;
  int stackdepth = 0, nlocalsplus = 0;
  InstructionSequence optimized;
  if (cfg_optimized_to_instruction_sequence(g.get(), umd, code_flags, &stackdepth, &nlocalsplus,
                                            &optimized) < 0) {
    take_backend_error(c);
    return nullptr;
  }
  auto d = std::make_shared<CodeData>();
  if (assemble_code_unit(umd, stackdepth, &optimized, nlocalsplus, code_flags, &d->a) < 0) {
    take_backend_error(c);
    return nullptr;
  }
  d->name = umd.name;
  d->qualname = umd.qualname;
  d->filename = c->filename_utf8;
  d->names = u->names.keys();
  d->consts = u->consts->list();
  return d;
}

// A Konst for an assembled code unit.
const Konst* compile_code_konst(Compiler* c, std::shared_ptr<CodeData> d);
const Konst* compile_code_konst(Compiler* c, std::shared_ptr<CodeData> d) {
  return c->konsts->code(std::move(d));
}

std::string compile_code_key(const CodeData& d);
std::string compile_code_key(const CodeData& d) { return code_key(d); }

// _PyCompile_CleanDoc: inspect.cleandoc without removing the leading and trailing blank lines.
std::string compile_clean_doc(const std::string& doc_in) {
  // expandtabs(8), counting columns in code points.
  std::string doc;
  {
    long col = 0;
    for (size_t i = 0; i < doc_in.size(); i++) {
      unsigned char ch = static_cast<unsigned char>(doc_in[i]);
      if (ch == '\t') {
        long n = 8 - (col % 8);
        doc.append(size_t(n), ' ');
        col += n;
      } else {
        doc.push_back(char(ch));
        if (ch == '\n' || ch == '\r') {
          col = 0;
        } else if ((ch & 0xC0) != 0x80) {
          col++;
        }
      }
    }
  }
  const char* p = doc.data();
  const char* pend = p + doc.size();
  while (p < pend && *p++ != '\n') {
  }
  long margin = LONG_MAX;
  while (p < pend) {
    const char* s = p;
    while (p < pend && *p == ' ') p++;
    if (p < pend && *p != '\n') margin = std::min(margin, long(p - s));
    while (p < pend && *p++ != '\n') {
    }
  }
  if (margin == LONG_MAX) margin = 0;
  p = doc.data();
  while (p < pend && *p == ' ') p++;
  if (p == doc.data() && margin == 0) return doc;
  std::string out;
  while (p < pend) {
    char ch = *p++;
    out.push_back(ch);
    if (ch == '\n') break;
  }
  while (p < pend) {
    for (long i = 0; i < margin; i++, p++) {
      if (p >= pend || *p != ' ') break;
    }
    while (p < pend) {
      char ch = *p++;
      out.push_back(ch);
      if (ch == '\n') break;
    }
  }
  return out;
}

// compiler_codegen and compiler_mod.
static std::shared_ptr<CodeData> compiler_mod(Compiler* c, ast::mod_ty mod) {
  std::shared_ptr<CodeData> co;
  int add_none = mod->kind != ast::Expression_kind;
  if (codegen_enter_anonymous_scope(c, mod) < 0) return nullptr;
  int r = SUCCESS;
  switch (mod->kind) {
    case ast::Module_kind: {
      ast::asdl_stmt_seq* stmts = mod->v.Module.body;
      Location loc{1, 1, 0, 0};
      if (stmts && stmts->size > 0) {
        ast::stmt_ty st = stmts->typed_elements[0];
        loc = Location{st->lineno, st->end_lineno, st->col_offset, st->end_col_offset};
      }
      r = codegen_module(c, loc, stmts, false);
      break;
    }
    case ast::Interactive_kind: {
      c->interactive = 1;
      ast::asdl_stmt_seq* stmts = mod->v.Interactive.body;
      Location loc{1, 1, 0, 0};
      if (stmts && stmts->size > 0) {
        ast::stmt_ty st = stmts->typed_elements[0];
        loc = Location{st->lineno, st->end_lineno, st->col_offset, st->end_col_offset};
      }
      r = codegen_module(c, loc, stmts, true);
      break;
    }
    case ast::Expression_kind:
      r = codegen_expression(c, mod->v.Expression.body);
      break;
    default:
      r = ERROR;
      break;
  }
  if (r == SUCCESS) co = compile_optimize_and_assemble(c, add_none);
  compile_exit_scope(c);
  return co;
}

// _PyAST_Preprocess; filename non-null enables the PEP 765 SyntaxWarnings.
int ast_preprocess(ast::mod_ty mod, int optimize, int ff_features, ast::Arena* arena,
                   objects::Object* filename = nullptr);

int ast_preprocess_only(ast::mod_ty mod, const std::string& filename, int flags, int optimize,
                        ast::Arena* arena, bool syntax_check_only) {
  objects::Ref<> fn = objects::Ref<>::steal(
      objects::str_from_utf8(filename.data(), objects::ssize(filename.size())));
  if (!fn) return -1;
  ast::FutureFeatures future;
  if (!ast::future_from_ast(mod, fn.get(), &future)) return -1;
  // Checking only is the future features (the PEP 765 warnings come with compilation).
  if (syntax_check_only) return 0;
  int merged = future.ff_features | flags;
  return ast_preprocess(mod, optimize < 0 ? runtime::optimization_level() : optimize, merged,
                        arena);
}

CompileResult compile_ast(ast::mod_ty mod, const std::string& filename, int flags, int optimize,
                          ast::Arena* arena, int* merged_flags) {
  CompileResult result;
  Compiler c;
  c.konsts = std::make_shared<KonstFactory>();
  result.konsts = c.konsts;
  c.filename = objects::str_from_utf8(filename.data(), objects::ssize(filename.size()));
  c.filename_utf8 = filename;
  // The front-end passes raise their exceptions themselves: they stay set.
  auto fail_from_exception = [&](const char* what) {
    result.failure.type = what;
    result.failure.message = "";
    result.failure.exception_set = errors::occurred() != nullptr;
  };
  if (!c.filename) {
    fail_from_exception("UnicodeDecodeError");
    return result;
  }
  if (!ast::future_from_ast(mod, c.filename, &c.future)) {
    fail_from_exception("SyntaxError");
    objects::decref(c.filename);
    return result;
  }
  int merged = c.future.ff_features | flags;
  c.future.ff_features = merged;
  c.flags = merged;
  if (merged_flags) *merged_flags = merged;
  // -1: the interpreter's level (_PyAST_Compile's optimize < 0 case, config->optimization_level).
  c.optimize = optimize < 0 ? runtime::optimization_level() : optimize;
  if (ast_preprocess(mod, c.optimize, merged, arena, c.filename) < 0) {
    fail_from_exception("SyntaxError");
    objects::decref(c.filename);
    return result;
  }
  c.st = symtable::build(mod, c.filename, &c.future);
  if (!c.st) {
    fail_from_exception("SyntaxError");
    objects::decref(c.filename);
    return result;
  }
  result.code = compiler_mod(&c, mod);
  if (!result.code) {
    result.failure = c.failure;
    if (result.failure.type.empty()) result.failure.type = "SystemError";
  }
  symtable::symtable_free(c.st);
  objects::decref(c.filename);
  return result;
}

}  // namespace cppy::compile
