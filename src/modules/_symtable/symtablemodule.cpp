// The _symtable module: Modules/symtablemodule.c and the entry objects of Python/symtable.c
// (ste_new's PySTEntryObject, ste_repr, ste_memberlist).
#include "modules/_symtable/symtablemodule.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "ast/arena.h"
#include "compile/compile.h"
#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "modules/posix/posixmodule.h"
#include "parser/compiler_flags.h"
#include "symtable/symtable.h"

namespace cppy::modules::_symtable {

using namespace objects;

namespace {


// PySTEntryObject's Python-visible fields.
struct EntryObject : Object {
  Object* id;        // int: the address of the AST node that opened the block
  Object* name;      // str
  Object* symbols;   // dict: name -> flags with the scope bits
  Object* varnames;  // list of the parameters
  Object* children;  // list of entries
  int nested;
  int type;
  int lineno;
};

void entry_dealloc(Object* o) {
  EntryObject* e = static_cast<EntryObject*>(o);
  xdecref(e->id);
  xdecref(e->name);
  xdecref(e->symbols);
  xdecref(e->varnames);
  xdecref(e->children);
  o->type->free(o);
}

// ste_repr.
Object* entry_repr(Object* o) {
  EntryObject* e = static_cast<EntryObject*>(o);
  return str_from_format("<symtable entry %U(%R), line %d>", e->name, e->id, e->lineno);
}

MemberDef entry_members[] = {
    {"id", kMemberObject, offsetof(EntryObject, id), kMemberReadonly, nullptr},
    {"name", kMemberObject, offsetof(EntryObject, name), kMemberReadonly, nullptr},
    {"symbols", kMemberObject, offsetof(EntryObject, symbols), kMemberReadonly, nullptr},
    {"varnames", kMemberObject, offsetof(EntryObject, varnames), kMemberReadonly, nullptr},
    {"children", kMemberObject, offsetof(EntryObject, children), kMemberReadonly, nullptr},
    {"nested", kMemberInt, offsetof(EntryObject, nested), kMemberReadonly, nullptr},
    {"type", kMemberInt, offsetof(EntryObject, type), kMemberReadonly, nullptr},
    {"lineno", kMemberInt, offsetof(EntryObject, lineno), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

TypeObject entry_type = [] {
  TypeObject t = static_type("symtable entry", sizeof(EntryObject), 0, 0);
  t.dealloc = entry_dealloc;
  t.repr = entry_repr;
  t.getattro = object_generic_getattr;
  t.members = entry_members;
  t.free = object_generic_free;
  return t;
}();

// An entry object for ste and, recursively, its children. New reference or nullptr.
Object* make_entry(const symtable::SymbolTableEntry* ste) {
  Ref<> self = Ref<>::steal(type_generic_alloc(&entry_type, 0));
  if (!self) return nullptr;
  EntryObject* e = static_cast<EntryObject*>(self.get());
  e->id = long_from_size_t(reinterpret_cast<uintptr_t>(ste->ste_id));  // PyLong_FromVoidPtr
  e->name = new_ref(ste->ste_name);
  e->symbols = dict_new();
  e->varnames = list_new(0);
  e->children = list_new(0);
  e->nested = ste->ste_nested;
  e->type = int(ste->ste_type);
  e->lineno = ste->ste_loc.lineno;
  if (!e->id || !e->symbols || !e->varnames || !e->children) return nullptr;
  const symtable::SymbolMap& symbols = ste->ste_symbols;
  for (ssize i = 0; i < symbols.slots(); ++i) {
    if (!symbols.live(i)) continue;
    Ref<> flags = Ref<>::steal(long_from_long(symbols.flags_at(i)));
    if (!flags || dict_set_item(e->symbols, symbols.name_at(i), flags.get()) < 0) return nullptr;
  }
  for (Object* name : ste->ste_varnames)
    if (list_append(e->varnames, name) < 0) return nullptr;
  for (const symtable::SymbolTableEntry* child : ste->ste_children) {
    Ref<> c = Ref<>::steal(make_entry(child));
    if (!c || list_append(e->children, c.get()) < 0) return nullptr;
  }
  return self.release();
}

// The filename argument (unicode_fs_decoded): str, bytes or os.PathLike.
Object* fs_decoded(Object* o) {
  Object* path = posix::fspath(o);
  if (!path || !bytes_check(path)) return path;
  Ref<> b = Ref<>::steal(path);
  return str_from_utf8(bytes_as_string(b.get()), bytes_size(b.get()));
}

// _symtable_symtable_impl.
Object* symtable_symtable(Object*, Object* const* args, ssize nargs) {
  if (nargs != 3)
    return errors::format(exc_TypeError, "symtable expected 3 arguments, got %zd", nargs);
  Object* source = args[0];
  int flags = 0;
  std::string_view text;
  if (str_check(source)) {
    flags |= parser::kPyCF_IGNORE_COOKIE;
    ssize n = 0;
    const char* p = str_as_utf8(source, &n);
    if (!p) return nullptr;
    text = std::string_view(p, size_t(n));
  } else if (bytes_check(source)) {
    text = std::string_view(bytes_as_string(source), size_t(bytes_size(source)));
  } else {
    return errors::format(exc_TypeError, "symtable() arg 1 must be a string or bytes object");
  }
  if (std::memchr(text.data(), 0, text.size()))
    return errors::format(exc_SyntaxError, "source code string cannot contain null bytes");
  Ref<> filename = Ref<>::steal(fs_decoded(args[1]));
  if (!filename) return nullptr;
  if (!str_check(args[2]))
    return errors::format(exc_TypeError, "symtable() argument 3 must be str, not %.50s",
                          args[2]->type->name);
  const char* startstr = str_as_utf8(args[2]);
  if (!startstr) return nullptr;
  int start;
  if (std::strcmp(startstr, "exec") == 0) {
    start = compile::kPyFileInput;
  } else if (std::strcmp(startstr, "eval") == 0) {
    start = compile::kPyEvalInput;
  } else if (std::strcmp(startstr, "single") == 0) {
    start = compile::kPySingleInput;
  } else {
    return errors::format(exc_ValueError, "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
  }
  const char* fn = str_as_utf8(filename.get());
  if (!fn) return nullptr;
  ast::Arena arena;
  symtable::SymbolTable* st = compile::symtable_string(text, fn, start, flags, &arena);
  if (!st) return nullptr;
  Object* top = make_entry(st->st_top);
  symtable::symtable_free(st);
  return top;
}

MethodDef symtable_methods[] = {
    {"symtable", reinterpret_cast<void*>(symtable_symtable), kMethFastcall,
     "symtable($module, source, filename, startstr, /)\n--\n\n"
     "Return symbol and scope dictionaries used internally by compiler."},
    {nullptr, nullptr, 0, nullptr}};

// symtable_init_constants.
int symtable_exec(Object* m) {
  if (type_ready(&entry_type) < 0) return -1;
  const struct {
    const char* name;
    long value;
  } constants[] = {
      {"USE", symtable::USE},
      {"DEF_GLOBAL", symtable::DEF_GLOBAL},
      {"DEF_NONLOCAL", symtable::DEF_NONLOCAL},
      {"DEF_LOCAL", symtable::DEF_LOCAL},
      {"DEF_PARAM", symtable::DEF_PARAM},
      {"DEF_TYPE_PARAM", symtable::DEF_TYPE_PARAM},
      {"DEF_FREE_CLASS", symtable::DEF_FREE_CLASS},
      {"DEF_IMPORT", symtable::DEF_IMPORT},
      {"DEF_BOUND", symtable::DEF_BOUND},
      {"DEF_ANNOT", symtable::DEF_ANNOT},
      {"DEF_COMP_ITER", symtable::DEF_COMP_ITER},
      {"DEF_COMP_CELL", symtable::DEF_COMP_CELL},
      {"TYPE_FUNCTION", symtable::FunctionBlock},
      {"TYPE_CLASS", symtable::ClassBlock},
      {"TYPE_MODULE", symtable::ModuleBlock},
      {"TYPE_ANNOTATION", symtable::AnnotationBlock},
      {"TYPE_TYPE_ALIAS", symtable::TypeAliasBlock},
      {"TYPE_TYPE_PARAMETERS", symtable::TypeParametersBlock},
      {"TYPE_TYPE_VARIABLE", symtable::TypeVariableBlock},
      {"LOCAL", symtable::LOCAL},
      {"GLOBAL_EXPLICIT", symtable::GLOBAL_EXPLICIT},
      {"GLOBAL_IMPLICIT", symtable::GLOBAL_IMPLICIT},
      {"FREE", symtable::FREE},
      {"CELL", symtable::CELL},
      {"SCOPE_OFF", symtable::SCOPE_OFFSET},
      {"SCOPE_MASK", symtable::SCOPE_MASK},
  };
  for (const auto& c : constants) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef symtable_def = {"_symtable", nullptr, symtable_methods, symtable_exec};

}  // namespace

ModuleDef* module_def() { return &symtable_def; }

}  // namespace cppy::modules::_symtable
