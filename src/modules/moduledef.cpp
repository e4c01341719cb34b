// The native-module framework: see moduledef.h.
#include "modules/moduledef.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/docsig.h"
#include "objects/exceptions.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"

namespace cppy::modules {

using namespace objects;

namespace {

Object* the_modules = nullptr;
std::map<std::string, Object*>& core_modules() {
  static auto* m = new std::map<std::string, Object*>();
  return *m;
}

// Executed modules; md_state stays free for modules that keep state.
std::vector<Object*>& executed() {
  static auto* v = new std::vector<Object*>();
  return *v;
}

}  // namespace

const InittabEntry* find_inittab(const char* name) {
  for (const InittabEntry* e = inittab(); e->name; ++e)
    if (std::strcmp(e->name, name) == 0) return e;
  return nullptr;
}

Object* modules_dict() {
  if (!the_modules) the_modules = dict_new();
  return the_modules;
}

void register_core_module(const char* name, Object* module) {
  Object*& slot = core_modules()[name];
  xdecref(slot);
  slot = new_ref(module);
}

// PyModule_FromDefAndSpec2 (no Py_mod_create slot, no state).
Object* module_from_def(ModuleDef* def, Object* name) {
  Ref<> m = Ref<>::steal(module_new_object(name));
  if (!m) return nullptr;
  static_cast<ModuleObject*>(m.get())->md_def = def;
  if (def->methods && module_add_functions(m.get(), def->methods) < 0) return nullptr;
  // The reference's doc of the module when the generated table has it (objects/docsig.h).
  const char* doc_text = def->doc;
  if (const char* modname = str_as_utf8(name)) {
    if (const char* d = objects::builtin_internal_doc(modname, "")) doc_text = d;
  } else {
    errors::clear();
  }
  if (doc_text) {  // PyModule_SetDocString
    Ref<> doc = Ref<>::steal(str_from_cstr(doc_text));
    if (!doc || module_add_object_ref(m.get(), "__doc__", doc.get()) < 0) return nullptr;
  }
  return m.release();
}

// PyModule_ExecDef.
namespace {

// CPython makes the classes of most extension modules with PyType_FromSpec, and such a heap
// type keeps its module name as `__module__` in its dict, where instances see it too
// (`deque().__module__`, inspect.getmodule, doctest's _from_module). cppy's are static types,
// so the module's own types get that entry here. The exceptions are the types CPython keeps
// static although a module exposes them: its static builtin types (kTpflagsStaticBuiltin:
// weakref.ReferenceType, collections.OrderedDict...) and the static types of _datetime; the
// typing types (heap types of CPython's interpreter state) set their own entry.
bool cpython_static_type(TypeObject* type) {
  if (type_has_feature(type, kTpflagsStaticBuiltin)) return true;
  static const char* const kPrefixes[] = {"datetime.", "typing."};
  for (const char* p : kPrefixes) {
    if (std::strncmp(type->name, p, std::strlen(p)) == 0) return true;
  }
  return false;
}

int set_heap_type_modules(Object* module) {
  Object* dict = module_get_dict(module);
  if (!dict) return 0;
  ssize pos = 0;
  Object *key, *value;
  while (dict_next(dict, &pos, &key, &value)) {
    if (!type_check_type(value)) continue;
    auto* type = reinterpret_cast<TypeObject*>(value);
    if (type_has_feature(type, kTpflagsHeaptype) || !type->dict) continue;
    if (cpython_static_type(type)) continue;
    Object* mod = dict_get_item_with_error(type->dict, typeobject_internal::name_of("__module__"));
    if (mod) continue;
    if (errors::occurred() || type_set_heap_module(type) < 0) return -1;
  }
  return 0;
}

}  // namespace

int module_exec_def(Object* module, ModuleDef* def) {
  auto& done = executed();
  if (std::find(done.begin(), done.end(), module) != done.end()) return 0;
  if (def->exec) {
    int rc = def->exec(module);
    if (rc != 0) {
      if (!errors::occurred()) {
        errors::format(exc_SystemError, "execution of module %s failed without setting an exception",
                       def->name);
      }
      return -1;
    }
    if (errors::occurred()) {
      errors::format_from_cause(exc_SystemError,
                                "execution of module %s raised unreported exception", def->name);
      return -1;
    }
  }
  if (set_heap_type_modules(module) < 0) return -1;
  done.push_back(new_ref(module));  // executed modules stay alive, as CPython's cache keeps them
  return 0;
}

// create_builtin (Python/import.c): the table entry named spec.name.
Object* create_builtin(Object* spec) {
  Ref<> name = Ref<>::steal(object_getattr_string(spec, "name"));
  if (!name) return nullptr;
  if (!str_check(name.get())) {
    return errors::format(exc_TypeError, "name must be string, not %.200s", name->type->name);
  }
  const char* cname = str_as_utf8(name.get());
  if (!cname) return nullptr;
  auto core = core_modules().find(cname);
  if (core != core_modules().end()) return new_ref(core->second);
  const InittabEntry* e = find_inittab(cname);
  if (!e) {
    // No such built-in module: CPython returns None from create_builtin here.
    return new_ref(none());
  }
  if (!e->def) {
    return errors::format(exc_ImportError, "Cannot re-init internal module %s", cname);
  }
  return module_from_def(e->def, name.get());
}

// exec_builtin_or_dynamic.
int exec_builtin(Object* module) {
  if (!module_check(module)) return 0;
  auto* def = static_cast<ModuleDef*>(static_cast<ModuleObject*>(module)->md_def);
  if (!def) return 0;
  return module_exec_def(module, def);
}

int is_builtin(Object* name) {
  const char* cname = str_as_utf8(name);
  if (!cname) {
    errors::clear();
    return 0;
  }
  const InittabEntry* e = find_inittab(cname);
  if (!e) return 0;
  return e->def ? 1 : -1;
}

// list_builtin_module_names (Python/sysmodule.c): sorted.
Object* builtin_module_names() {
  std::vector<std::string> names;
  for (const InittabEntry* e = inittab(); e->name; ++e) names.emplace_back(e->name);
  std::sort(names.begin(), names.end());
  Ref<> t = Ref<>::steal(tuple_new(static_cast<ssize>(names.size())));
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    Object* s = str_from_cstr(names[i].c_str());
    if (!s) return nullptr;
    tuple_set_item(t.get(), static_cast<ssize>(i), s);
  }
  return t.release();
}

Object* import_builtin(const char* name) {
  Object* mods = modules_dict();
  if (!mods) return nullptr;
  if (Object* m = dict_get_item_string(mods, name)) return new_ref(m);
  auto core = core_modules().find(name);
  Ref<> m;
  if (core != core_modules().end()) {
    m = Ref<>::borrow(core->second);
  } else {
    const InittabEntry* e = find_inittab(name);
    if (!e || !e->def) {
      return errors::format(exc_ModuleNotFoundError, "No module named '%s'", name);
    }
    Ref<> n = Ref<>::steal(str_from_cstr(name));
    if (!n) return nullptr;
    m = Ref<>::steal(module_from_def(e->def, n.get()));
    if (!m || module_exec_def(m.get(), e->def) < 0) return nullptr;
  }
  if (dict_set_item_string(mods, name, m.get()) < 0) return nullptr;
  return m.release();
}

}  // namespace cppy::modules
