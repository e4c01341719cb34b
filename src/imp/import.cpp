// The import machinery: Python/import.c. The C-level import (PyImport_ImportModuleLevelObject
// with its sys.modules fast path, resolve_name, PyImport_Import), the frozen modules
// (find_frozen, PyImport_ImportFrozenModuleObject), init_importlib, and the _imp module.
// Until init_importlib has run, an import that misses sys.modules can reach built-in and
// frozen modules only (CPython has no such state; cppy's embedding tests and the .pyc runner
// use it).
#include "imp/import.h"

#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "hash/hash.h"
#include "imp/frozen.h"
#include "marshal/marshal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "objects/setobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "sys/sysmodule.h"
#include "vm/ceval.h"
#include "vm/frame.h"
#include "vm/traceback.h"

namespace cppy::imp {

using namespace objects;

namespace {

int lock_level = 0;
ImportSettings the_settings;
Object* the_importlib = nullptr;    // IMPORTLIB(interp): _frozen_importlib
Object* the_import_func = nullptr;  // IMPORT_FUNC(interp): builtins.__import__
int override_frozen_modules = 0;    // OVERRIDE_FROZEN_MODULES(interp)

// Interned attribute names (_Py_ID).
Object* id(const char* s) {
  // A small cache keyed by the literal's address: each call site passes the same literal.
  struct Entry {
    const char* key;
    Object* value;
  };
  static Entry cache[64];
  static int n = 0;
  for (int i = 0; i < n; ++i)
    if (cache[i].key == s) return cache[i].value;
  Object* v = str_intern_from_cstr(s);
  if (v && n < 64) cache[n++] = {s, v};
  return v;
}

// PyErr_SetImportError / _PyErr_SetImportErrorWithNameFrom: an ImportError (or subclass)
// with msg and the name, path and name_from attributes.
void set_import_error(TypeObject* type, Object* msg, Object* name, Object* path,
                      Object* name_from = nullptr) {
  Ref<> args = Ref<>::steal(tuple_pack(1, msg));
  Ref<> kw = Ref<>::steal(dict_new());
  if (!args || !kw) return;
  if (dict_set_item_string(kw.get(), "name", name ? name : none()) < 0 ||
      dict_set_item_string(kw.get(), "path", path ? path : none()) < 0)
    return;
  Ref<> exc = Ref<>::steal(object_call(reinterpret_cast<Object*>(type), args.get(), kw.get()));
  if (!exc) return;
  if (name_from) {
    auto* e = static_cast<ImportErrorObject*>(exc.get());
    Object* old = e->name_from;
    e->name_from = new_ref(name_from);
    xdecref(old);
  }
  errors::set_object(type, exc.get());
}

}  // namespace

void set_settings(const ImportSettings& s) { the_settings = s; }
const ImportSettings& settings() { return the_settings; }

void acquire_lock() { ++lock_level; }
int release_lock() {
  if (lock_level == 0) return -1;
  --lock_level;
  return 0;
}
bool lock_held() { return lock_level > 0; }

// --- sys.modules ------------------------------------------------------------------------------

namespace {

Object* modules_or_error() {
  Object* m = modules::modules_dict();
  if (!m) errors::set_string(exc_RuntimeError, "unable to get sys.modules");
  return m;
}

// import_get_module: sys.modules[name] as a new reference, null (no error) when missing.
Object* import_get_module(Object* name) {
  Object* modules = modules_or_error();
  if (!modules) return nullptr;
  if (dict_check(modules)) {
    Object* m = dict_get_item_with_error(modules, name);
    return m ? new_ref(m) : nullptr;
  }
  Object* m = object_get_item(modules, name);
  if (!m && errors::exception_matches(reinterpret_cast<Object*>(exc_KeyError))) errors::clear();
  return m;
}

// remove_module: sys.modules.pop(name, None), keeping the error being raised.
void remove_module(Object* name) {
  Object* exc = errors::get_raised_exception();
  Object* modules = modules::modules_dict();
  if (modules && dict_check(modules)) {
    Object* popped = nullptr;
    if (dict_pop(modules, name, &popped) < 0) errors::clear();
    xdecref(popped);
  } else if (modules) {
    if (object_del_item(modules, name) < 0) errors::clear();
  }
  if (exc) errors::set_raised_exception(exc);
}

}  // namespace

// _PyModuleSpec_IsInitializing: bool(spec._initializing), 0 without a spec.
int spec_is_initializing(Object* spec) {
  if (!spec) return 0;
  Object* value = nullptr;
  int rc = object_get_optional_attr(spec, id("_initializing"), &value);
  if (rc > 0) {
    rc = object_is_true(value);
    decref(value);
  }
  return rc;
}

// _PyModuleSpec_GetFileOrigin: spec.origin when spec.has_location and it is a str.
int spec_get_file_origin(Object* spec, Object** p_origin) {
  Object* has_location = nullptr;
  int rc = object_get_optional_attr(spec, id("has_location"), &has_location);
  if (rc <= 0) return rc;
  rc = object_is_true(has_location);
  decref(has_location);
  if (rc <= 0) return rc;
  Object* origin = nullptr;
  rc = object_get_optional_attr(spec, id("origin"), &origin);
  if (rc <= 0) return rc;
  if (!str_check(origin)) {
    decref(origin);
    return 0;
  }
  *p_origin = origin;
  return 1;
}

// _PyModule_IsPossiblyShadowing: whether origin's directory (its package's, for an
// __init__.py) is sys.path[0] (or the working directory when that is ''), unless -P.
int is_possibly_shadowing(Object* origin) {
  if (!origin || the_settings.safe_path) return 0;
  const char* o = str_as_utf8(origin);
  if (!o) return -1;
  std::string root(o);
  auto sep = root.rfind('/');
  if (sep == std::string::npos) return 0;
  if (root.compare(sep + 1, std::string::npos, "__init__.py") == 0) {
    root.resize(sep);
    sep = root.rfind('/');
    if (sep == std::string::npos) return 0;
  }
  root.resize(sep);
  std::string path0;
  Object* sys_path = sys::get_object("path");
  if (sys_path && list_check(sys_path) && list_size(sys_path) > 0) {
    Object* p = list_get_item(sys_path, 0);
    if (str_check(p)) {
      const char* s = str_as_utf8(p);
      if (!s) return -1;
      path0 = s;
    }
  }
  if (path0.empty()) {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return 0;
    path0 = cwd;
  }
  return path0 == root ? 1 : 0;
}

// _PyModuleSpec_IsUninitializedSubmodule: name in spec._uninitialized_submodules.
int spec_is_uninitialized_submodule(Object* spec, Object* name) {
  if (!spec) return 0;
  Object* value = nullptr;
  int rc = object_get_optional_attr(spec, id("_uninitialized_submodules"), &value);
  if (rc > 0) {
    rc = sequence_contains(value, name);
    decref(value);
  }
  return rc;
}

Object* get_module(Object* name) { return import_get_module(name); }

// import_add_module.
Object* add_module_object(Object* name) {
  Object* modules = modules_or_error();
  if (!modules) return nullptr;
  Object* m = import_get_module(name);
  if (!m && errors::occurred()) return nullptr;
  if (m && module_check(m)) return m;
  xdecref(m);
  Ref<> mod = Ref<>::steal(module_new_object(name));
  if (!mod) return nullptr;
  if (object_set_item(modules, name, mod.get()) < 0) return nullptr;
  return mod.release();
}

Object* add_module_ref(const char* name) {
  Ref<> n = Ref<>::steal(str_from_cstr(name));
  if (!n) return nullptr;
  return add_module_object(n.get());
}

int set_module_string(const char* name, Object* module) {
  Object* modules = modules_or_error();
  if (!modules) return -1;
  return dict_set_item_string(modules, name, module);
}

// --- exec of code as a module ---------------------------------------------------------------

namespace {

// module_dict_for_exec: the module's dict (new reference) with __builtins__ set.
Object* module_dict_for_exec(Object* name) {
  Ref<> m = Ref<>::steal(add_module_object(name));
  if (!m) return nullptr;
  Object* d = module_get_dict(m.get());
  int r = dict_contains(d, id("__builtins__"));
  if (r == 0) r = dict_set_item(d, id("__builtins__"), vm::eval_get_builtins());
  if (r < 0) {
    remove_module(name);
    return nullptr;
  }
  return new_ref(d);
}

// exec_code_in_module.
Object* exec_code_in_module(Object* name, Object* module_dict, Object* code) {
  Object* v = vm::eval_code(code, module_dict, module_dict);
  if (!v) {
    remove_module(name);
    return nullptr;
  }
  decref(v);
  Object* m = import_get_module(name);
  if (!m && !errors::occurred()) {
    errors::format(exc_ImportError, "Loaded module %R not found in sys.modules", name);
  }
  return m;
}

}  // namespace

Object* exec_code_module_object(Object* name, Object* co, Object* pathname, Object* cpathname) {
  Ref<> d = Ref<>::steal(module_dict_for_exec(name));
  if (!d) return nullptr;
  if (!pathname) pathname = static_cast<CodeObject*>(co)->co_filename;
  if (!the_importlib) {
    return errors::format(exc_ImportError, "importlib is not initialised");
  }
  Ref<> external = Ref<>::steal(object_getattr_string(the_importlib, "_bootstrap_external"));
  if (!external) return nullptr;
  Ref<> res = Ref<>::steal(call_method_obj_args(external.get(), id("_fix_up_module"), d.get(),
                                                name, pathname,
                                                cpathname ? cpathname : none(), nullptr));
  if (!res) return nullptr;
  return exec_code_in_module(name, d.get(), co);
}

// --- frozen modules ---------------------------------------------------------------------------

namespace {

enum class FrozenStatus { Okay, BadName, NotFound, Disabled, Excluded, Invalid };

// resolve_module_alias.
bool resolve_module_alias(const char* name, const char** alias) {
  for (const ModuleAlias* e = frozen_aliases(); e->name; ++e) {
    if (std::strcmp(name, e->name) == 0) {
      if (alias) *alias = e->orig;
      return true;
    }
  }
  return false;
}

// use_frozen.
bool use_frozen() {
  if (override_frozen_modules > 0) return true;
  if (override_frozen_modules < 0) return false;
  return the_settings.use_frozen_modules;
}

Object* list_frozen_module_names() {
  Ref<> names = Ref<>::steal(list_new(0));
  if (!names) return nullptr;
  bool enabled = use_frozen();
  auto add = [&](const char* name) {
    Ref<> n = Ref<>::steal(str_from_cstr(name));
    return n && list_append(names.get(), n.get()) == 0;
  };
  const FrozenTables& t = frozen_tables();
  for (const FrozenModule* p = t.bootstrap; p->name; ++p)
    if (!add(p->name)) return nullptr;
  if (enabled) {
    for (const FrozenModule* p = t.stdlib; p->name; ++p)
      if (!add(p->name)) return nullptr;
    for (const FrozenModule* p = t.test; p->name; ++p)
      if (!add(p->name)) return nullptr;
  }
  if (const FrozenModule* c = custom_frozen_modules()) {
    for (const FrozenModule* p = c; p->name; ++p) {
      Ref<> n = Ref<>::steal(str_from_cstr(p->name));
      if (!n) return nullptr;
      int found = sequence_contains(names.get(), n.get());
      if (found < 0) return nullptr;
      if (!found && list_append(names.get(), n.get()) < 0) return nullptr;
    }
  }
  return names.release();
}

void set_frozen_error(FrozenStatus status, Object* modname) {
  const char* err = nullptr;
  switch (status) {
    case FrozenStatus::BadName:
    case FrozenStatus::NotFound: err = "No such frozen object named %R"; break;
    case FrozenStatus::Disabled:
      err = "Frozen modules are disabled and the frozen object named %R is not essential";
      break;
    case FrozenStatus::Excluded: err = "Excluded frozen object named %R"; break;
    case FrozenStatus::Invalid: err = "Frozen object named %R is invalid"; break;
    case FrozenStatus::Okay: break;
  }
  if (!err) return;
  Ref<> msg = Ref<>::steal(str_from_format(err, modname));
  if (!msg) {
    errors::clear();
    return;
  }
  set_import_error(exc_ImportError, msg.get(), modname, nullptr);
}

// look_up_frozen.
const FrozenModule* look_up_frozen(const char* name) {
  const FrozenTables& t = frozen_tables();
  for (const FrozenModule* p = t.bootstrap; p->name; ++p)
    if (std::strcmp(name, p->name) == 0) return p;
  if (const FrozenModule* c = custom_frozen_modules()) {
    for (const FrozenModule* p = c; p->name; ++p)
      if (std::strcmp(name, p->name) == 0) return p;
  }
  if (use_frozen()) {
    for (const FrozenModule* p = t.stdlib; p->name; ++p)
      if (std::strcmp(name, p->name) == 0) return p;
    for (const FrozenModule* p = t.test; p->name; ++p)
      if (std::strcmp(name, p->name) == 0) return p;
  }
  return nullptr;
}

struct FrozenInfo {
  Object* nameobj = nullptr;  // borrowed
  const char* data = nullptr;
  ssize size = 0;
  bool is_package = false;
  bool is_alias = false;
  const char* origname = nullptr;
};

// find_frozen.
FrozenStatus find_frozen(Object* nameobj, FrozenInfo* info) {
  if (info) *info = FrozenInfo{};
  if (!nameobj || nameobj == none()) return FrozenStatus::BadName;
  const char* name = str_check(nameobj) ? str_as_utf8(nameobj) : nullptr;
  if (!name) {
    errors::clear();
    return FrozenStatus::BadName;
  }
  const FrozenModule* p = look_up_frozen(name);
  if (!p) return FrozenStatus::NotFound;
  if (info) {
    info->nameobj = nameobj;
    info->data = reinterpret_cast<const char*>(p->code);
    info->size = p->size;
    info->is_package = p->is_package;
    if (p->size < 0) {  // the old convention: a negative size marks a package
      info->size = -p->size;
      info->is_package = true;
    }
    info->origname = name;
    info->is_alias = resolve_module_alias(name, &info->origname);
  }
  if (!p->code) return FrozenStatus::Excluded;
  if (p->code[0] == '\0' || p->size == 0) return FrozenStatus::Invalid;
  return FrozenStatus::Okay;
}

// unmarshal_frozen_code.
Object* unmarshal_frozen_code(const FrozenInfo& info) {
  Object* co = marshal::loads(info.data, static_cast<size_t>(info.size));
  if (!co) {
    errors::clear();
    set_frozen_error(FrozenStatus::Invalid, info.nameobj);
    return nullptr;
  }
  if (!code_check(co)) {
    errors::format(exc_TypeError, "frozen object %R is not a code object", info.nameobj);
    decref(co);
    return nullptr;
  }
  return co;
}

}  // namespace

int import_frozen_module_object(Object* name) {
  FrozenInfo info;
  FrozenStatus status = find_frozen(name, &info);
  if (status == FrozenStatus::NotFound || status == FrozenStatus::Disabled ||
      status == FrozenStatus::BadName)
    return 0;
  if (status != FrozenStatus::Okay) {
    set_frozen_error(status, name);
    return -1;
  }
  Ref<> co = Ref<>::steal(unmarshal_frozen_code(info));
  if (!co) return -1;
  if (info.is_package) {
    // __path__ is the empty list.
    Ref<> m = Ref<>::steal(add_module_object(name));
    if (!m) return -1;
    Ref<> l = Ref<>::steal(list_new(0));
    if (!l || dict_set_item_string(module_get_dict(m.get()), "__path__", l.get()) < 0) return -1;
  }
  Ref<> d = Ref<>::steal(module_dict_for_exec(name));
  if (!d) return -1;
  Ref<> m = Ref<>::steal(exec_code_in_module(name, d.get(), co.get()));
  if (!m) return -1;
  // __origname__, which FrozenImporter._setup_module reads.
  Ref<> origname = info.origname ? Ref<>::steal(str_from_cstr(info.origname))
                                 : Ref<>::borrow(none());
  if (!origname || dict_set_item_string(d.get(), "__origname__", origname.get()) < 0) return -1;
  return 1;
}

int import_frozen_module(const char* name) {
  Ref<> n = Ref<>::steal(str_intern_from_cstr(name));
  if (!n) return -1;
  return import_frozen_module_object(n.get());
}

// --- importing --------------------------------------------------------------------------------

namespace {

// remove_importlib_frames: an ImportError's traceback loses every importlib frame, other
// errors the chunks of importlib frames that end in _call_with_frames_removed (not with -v).
void remove_importlib_frames() {
  Object* exc = errors::get_raised_exception();
  if (!exc) return;
  if (the_settings.verbose) {
    errors::set_raised_exception(exc);
    return;
  }
  bool always_trim = is_subtype(exc->type, exc_ImportError);
  Object* base_tb = exception_get_traceback(exc);
  Object** prev_link = &base_tb;
  Object** outer_link = nullptr;
  bool in_importlib = false;
  Object* tb = base_tb;
  while (tb && tb != none()) {
    auto* t = static_cast<vm::TracebackObject*>(tb);
    Object* next = t->tb_next;
    auto* frame = static_cast<FrameObject*>(t->tb_frame);
    auto* code = static_cast<CodeObject*>(frame->f_frame->f_executable);
    bool now_in_importlib =
        str_compare_cstr(code->co_filename, "<frozen importlib._bootstrap>") == 0 ||
        str_compare_cstr(code->co_filename, "<frozen importlib._bootstrap_external>") == 0;
    if (now_in_importlib && !in_importlib) outer_link = prev_link;
    in_importlib = now_in_importlib;
    if (in_importlib &&
        (always_trim || str_compare_cstr(code->co_name, "_call_with_frames_removed") == 0)) {
      Object* old = *outer_link;
      *outer_link = next ? new_ref(next) : nullptr;
      xdecref(old);
      prev_link = outer_link;
    } else {
      prev_link = reinterpret_cast<Object**>(&t->tb_next);
    }
    tb = next;
  }
  if (!base_tb) base_tb = new_ref(none());
  exception_set_traceback(exc, base_tb);
  decref(base_tb);
  errors::set_raised_exception(exc);
}

// The import without importlib (before init_importlib): built-in and frozen modules only.
Object* find_and_load_without_importlib(Object* abs_name) {
  const char* name = str_as_utf8(abs_name);
  if (!name) return nullptr;
  const modules::InittabEntry* e = modules::find_inittab(name);
  if (e) return modules::import_builtin(name);
  int rc = import_frozen_module_object(abs_name);
  if (rc < 0) return nullptr;
  if (rc > 0) {
    Object* m = import_get_module(abs_name);
    if (m || errors::occurred()) return m;
  }
  Ref<> msg = Ref<>::steal(str_from_format("No module named %R", abs_name));
  if (msg) set_import_error(exc_ModuleNotFoundError, msg.get(), abs_name, nullptr);
  return nullptr;
}

// -X importtime's state (the interpreter's imports.find_and_load): the nesting level, the
// time spent in nested imports of the current one, and whether the header is still due.
struct ImportTimeState {
  int level = 0;
  int64_t accumulated_ns = 0;
  bool header = true;
};
ImportTimeState import_time_state;

// _IMPORT_TIME_HEADER.
void import_time_header() {
  if (!import_time_state.header) return;
  std::fputs("import time: self [us] | cumulative | imported package\n", stderr);
  import_time_state.header = false;
}

int64_t perf_counter_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// import_find_and_load: importlib._bootstrap._find_and_load(abs_name, __import__), timed
// under -X importtime ("import time: self | cumulative | name", nested imports indented).
Object* import_find_and_load(Object* abs_name) {
  if (!the_importlib) return find_and_load_without_importlib(abs_name);
  ImportTimeState& t = import_time_state;
  const bool timed = the_settings.import_time != 0;
  int64_t start = 0;
  const int64_t accumulated_before = t.accumulated_ns;
  if (timed) {
    import_time_header();
    t.level++;
    start = perf_counter_ns();
    t.accumulated_ns = 0;
  }
  Object* mod = call_method_obj_args(the_importlib, id("_find_and_load"), abs_name,
                                     the_import_func ? the_import_func : none(), nullptr);
  if (timed) {
    const int64_t cumulative = perf_counter_ns() - start;
    t.level--;
    auto micros = [](int64_t ns) { return static_cast<long>((ns + 999) / 1000); };  // ceiling
    const char* name = str_as_utf8(abs_name);
    if (!name) errors::clear();
    std::fprintf(stderr, "import time: %9ld | %10ld | %*s%s\n",
                 micros(cumulative - t.accumulated_ns), micros(cumulative), t.level * 2, "",
                 name ? name : "?");
    t.accumulated_ns = accumulated_before + cumulative;
  }
  return mod;
}

// import_ensure_initialized: waits (through _bootstrap._lock_unlock_module) for a module
// another import is still initialising.
int import_ensure_initialized(Object* mod, Object* name) {
  Object* spec = nullptr;
  if (object_get_optional_attr(mod, id("__spec__"), &spec) < 0) return -1;
  int busy = spec_is_initializing(spec);
  xdecref(spec);
  if (busy < 0) return -1;
  if (busy && the_importlib) {
    Object* value = call_method_one_arg(the_importlib, id("_lock_unlock_module"), name);
    if (!value) return -1;
    decref(value);
  }
  // -X importtime=2 reports modules found in sys.modules too (the name right-aligned in a
  // field two columns per nesting level wide, as CPython's "%*s" prints it).
  if (the_settings.import_time == 2) {
    import_time_header();
    const char* text = str_as_utf8(name);
    if (!text) return -1;
    std::fprintf(stderr, "import time: cached    | cached     | %*s\n",
                 import_time_state.level * 2, text);
  }
  return 0;
}

int warn(TypeObject* category, const char* msg) { return errors::warn_ex(category, msg, 1); }

}  // namespace

// resolve_name.
Object* resolve_name(Object* name, Object* globals, int level) {
  Ref<> package;
  Ref<> spec;
  if (!globals) {
    return errors::format(exc_KeyError, "'__name__' not in globals");
  }
  if (!dict_check(globals)) {
    return errors::format(exc_TypeError, "globals must be a dict");
  }
  {
    Object* p = nullptr;
    if (dict_get_item_ref(globals, id("__package__"), &p) < 0) return nullptr;
    package = Ref<>::steal(p);
    if (package.get() == none()) package = Ref<>();
    Object* s = nullptr;
    if (dict_get_item_ref(globals, id("__spec__"), &s) < 0) return nullptr;
    spec = Ref<>::steal(s);
  }
  bool have_spec = spec && spec.get() != none();
  if (package) {
    if (!str_check(package.get())) {
      return errors::format(exc_TypeError, "package must be a string");
    }
    if (have_spec) {
      Ref<> parent = Ref<>::steal(object_getattr(spec.get(), id("parent")));
      if (!parent) return nullptr;
      int equal = object_rich_compare_bool(package.get(), parent.get(), kEQ);
      if (equal < 0) return nullptr;
      if (equal == 0 && warn(exc_DeprecationWarning, "__package__ != __spec__.parent") < 0)
        return nullptr;
    }
  } else if (have_spec) {
    package = Ref<>::steal(object_getattr(spec.get(), id("parent")));
    if (!package) return nullptr;
    if (!str_check(package.get())) {
      return errors::format(exc_TypeError, "__spec__.parent must be a string");
    }
  } else {
    if (warn(exc_ImportWarning,
             "can't resolve package from __spec__ or __package__, "
             "falling back on __name__ and __path__") < 0)
      return nullptr;
    Object* p = nullptr;
    if (dict_get_item_ref(globals, id("__name__"), &p) < 0) return nullptr;
    package = Ref<>::steal(p);
    if (!package) return errors::format(exc_KeyError, "'__name__' not in globals");
    if (!str_check(package.get())) {
      return errors::format(exc_TypeError, "__name__ must be a string");
    }
    int haspath = dict_contains(globals, id("__path__"));
    if (haspath < 0) return nullptr;
    if (!haspath) {
      ssize dot = str_find_char(package.get(), '.', 0, str_length(package.get()), -1);
      if (dot == -2) return nullptr;
      if (dot == -1) {
        return errors::format(exc_ImportError,
                              "attempted relative import with no known parent package");
      }
      package = Ref<>::steal(str_substring(package.get(), 0, dot));
      if (!package) return nullptr;
    }
  }
  ssize last_dot = str_length(package.get());
  if (last_dot == 0) {
    return errors::format(exc_ImportError, "attempted relative import with no known parent package");
  }
  for (int level_up = 1; level_up < level; ++level_up) {
    last_dot = str_find_char(package.get(), '.', 0, last_dot, -1);
    if (last_dot == -2) return nullptr;
    if (last_dot == -1) {
      return errors::format(exc_ImportError, "attempted relative import beyond top-level package");
    }
  }
  Ref<> base = Ref<>::steal(str_substring(package.get(), 0, last_dot));
  if (!base || str_length(name) == 0) return base.release();
  return str_from_format("%U.%U", base.get(), name);
}

Object* import_module_level_object(Object* name, Object* globals, Object* /*locals*/,
                                   Object* fromlist, int level) {
  Ref<> abs_name;
  Ref<> mod;
  Ref<> final_mod;
  if (!name) {
    errors::set_string(exc_ValueError, "Empty module name");
    goto error;
  }
  if (!str_check(name)) {
    errors::set_string(exc_TypeError, "module name must be a string");
    goto error;
  }
  if (level < 0) {
    errors::set_string(exc_ValueError, "level must be >= 0");
    goto error;
  }
  // get_abs_name
  if (level > 0) {
    abs_name = Ref<>::steal(resolve_name(name, globals, level));
  } else if (str_length(name) == 0) {
    errors::set_string(exc_ValueError, "Empty module name");
    goto error;
  } else {
    abs_name = Ref<>::borrow(name);
  }
  if (!abs_name) goto error;

  mod = Ref<>::steal(import_get_module(abs_name.get()));
  if (!mod && errors::occurred()) goto error;
  if (mod && mod.get() != none()) {
    if (import_ensure_initialized(mod.get(), abs_name.get()) < 0) goto error;
    // The module may have been removed from sys.modules by a failed import meanwhile.
    Ref<> check = Ref<>::steal(import_get_module(abs_name.get()));
    if (check.get() != mod.get()) {
      if (errors::occurred()) goto error;
      mod = Ref<>::steal(import_find_and_load(abs_name.get()));
      if (!mod) goto error;
    }
  } else {
    mod = Ref<>::steal(import_find_and_load(abs_name.get()));
    if (!mod) goto error;
  }

  {
    int has_from = 0;
    if (fromlist && fromlist != none()) {
      has_from = object_is_true(fromlist);
      if (has_from < 0) goto error;
    }
    if (!has_from) {
      ssize len = str_length(name);
      if (level == 0 || len > 0) {
        ssize dot = str_find_char(name, '.', 0, len, 1);
        if (dot == -2) goto error;
        if (dot == -1) {
          // No dot in the name: the module itself.
          final_mod = mod;
          goto error;
        }
        if (level == 0) {
          Ref<> front = Ref<>::steal(str_substring(name, 0, dot));
          if (!front) goto error;
          final_mod = Ref<>::steal(
              import_module_level_object(front.get(), nullptr, nullptr, nullptr, 0));
        } else {
          ssize cut_off = len - dot;
          ssize abs_len = str_length(abs_name.get());
          Ref<> to_return = Ref<>::steal(str_substring(abs_name.get(), 0, abs_len - cut_off));
          if (!to_return) goto error;
          final_mod = Ref<>::steal(import_get_module(to_return.get()));
          if (!final_mod) {
            if (!errors::occurred()) {
              errors::format(exc_KeyError, "%R not in sys.modules as expected", to_return.get());
            }
            goto error;
          }
        }
      } else {
        final_mod = mod;
      }
    } else {
      int has_path = object_hasattr_with_error(mod.get(), id("__path__"));
      if (has_path < 0) goto error;
      if (has_path && the_importlib) {
        final_mod = Ref<>::steal(call_method_obj_args(
            the_importlib, id("_handle_fromlist"), mod.get(), fromlist,
            the_import_func ? the_import_func : none(), nullptr));
      } else {
        final_mod = mod;
      }
    }
  }
error:
  if (!final_mod) remove_importlib_frames();
  return final_mod.release();
}

// PyImport_Import.
Object* import_import(Object* module_name) {
  if (!module_name) {
    errors::set_string(exc_ValueError, "Empty module name");
    return nullptr;
  }
  Ref<> from_list = Ref<>::steal(list_new(0));
  if (!from_list) return nullptr;
  Ref<> globals = Ref<>::borrow(vm::eval_get_globals());
  Ref<> builtins;
  if (globals) {
    builtins = Ref<>::steal(object_get_item(globals.get(), id("__builtins__")));
    if (!builtins) return nullptr;
  } else {
    // No globals: the standard builtins and a fake globals dict.
    Ref<> bname = Ref<>::steal(str_from_cstr("builtins"));
    if (!bname) return nullptr;
    builtins = Ref<>::steal(import_module_level_object(bname.get(), nullptr, nullptr, nullptr, 0));
    if (!builtins) return nullptr;
    globals = Ref<>::steal(dict_new());
    if (!globals || dict_set_item(globals.get(), id("__builtins__"), builtins.get()) < 0)
      return nullptr;
  }
  Ref<> import;
  if (dict_check(builtins.get())) {
    import = Ref<>::steal(object_get_item(builtins.get(), id("__import__")));
    if (!import) errors::set_object(exc_KeyError, id("__import__"));
  } else {
    import = Ref<>::steal(object_getattr(builtins.get(), id("__import__")));
  }
  if (!import) return nullptr;
  // Always an absolute import, called for its side effect.
  Ref<> zero = Ref<>::steal(long_from_long(0));
  if (!zero) return nullptr;
  Object* args[5] = {module_name, globals.get(), globals.get(), from_list.get(), zero.get()};
  Ref<> r = Ref<>::steal(vectorcall(import.get(), args, 5, nullptr));
  if (!r) return nullptr;
  Object* m = import_get_module(module_name);
  if (!m && !errors::occurred()) errors::set_object(exc_KeyError, module_name);
  return m;
}

Object* import_module(const char* name) {
  Ref<> n = Ref<>::steal(str_from_cstr(name));
  if (!n) return nullptr;
  return import_import(n.get());
}

// _PyEval_ImportFrom.
Object* import_from(Object* v, Object* name) {
  Object* x = nullptr;
  if (object_get_optional_attr(v, name, &x) != 0) return x;
  // A circular relative import may have put the submodule in sys.modules before binding it
  // as an attribute of its package (issue #17636).
  Object* mod_name_raw = nullptr;
  if (object_get_optional_attr(v, id("__name__"), &mod_name_raw) < 0) return nullptr;
  Ref<> mod_name = Ref<>::steal(mod_name_raw);
  if (mod_name && str_check(mod_name.get())) {
    Ref<> fullmodname = Ref<>::steal(str_from_format("%U.%U", mod_name.get(), name));
    if (!fullmodname) return nullptr;
    x = import_get_module(fullmodname.get());
    if (x || errors::occurred()) return x;
  } else {
    mod_name = Ref<>();
  }
  Ref<> mod_name_or_unknown = mod_name ? mod_name : Ref<>::steal(str_from_cstr("<unknown module name>"));
  if (!mod_name_or_unknown) return nullptr;
  Object* spec_raw = nullptr;
  if (object_get_optional_attr(v, id("__spec__"), &spec_raw) < 0) return nullptr;
  Ref<> spec = Ref<>::steal(spec_raw);
  Ref<> origin;
  Ref<> errmsg;
  if (!spec) {
    errmsg = Ref<>::steal(str_from_format("cannot import name %R from %R (unknown location)", name,
                                          mod_name_or_unknown.get()));
  } else {
    Object* o = nullptr;
    if (spec_get_file_origin(spec.get(), &o) < 0) return nullptr;
    origin = Ref<>::steal(o);
    int shadowing = is_possibly_shadowing(origin.get());
    if (shadowing < 0) return nullptr;
    int shadowing_stdlib = 0;
    if (shadowing) {
      Object* stdlib_modules = sys::get_object("stdlib_module_names");
      if (stdlib_modules && anyset_check(stdlib_modules)) {
        shadowing_stdlib = set_contains(stdlib_modules, mod_name_or_unknown.get());
        if (shadowing_stdlib < 0) return nullptr;
      }
    }
    if (!origin && module_check(v)) {
      // __file__ for the message when the spec gives no location.
      Object* f = dict_get_item_string(module_get_dict(v), "__file__");
      if (f && str_check(f)) origin = Ref<>::borrow(f);
    }
    if (shadowing_stdlib) {
      errmsg = Ref<>::steal(str_from_format(
          "cannot import name %R from %R (consider renaming %R since it has the same name as "
          "the standard library module named %R and prevents importing that standard library "
          "module)",
          name, mod_name_or_unknown.get(), origin.get(), mod_name_or_unknown.get()));
    } else {
      int rc = spec_is_initializing(spec.get());
      if (rc < 0) return nullptr;
      if (rc > 0) {
        if (shadowing) {
          errmsg = Ref<>::steal(str_from_format(
              "cannot import name %R from %R (consider renaming %R if it has the same name as "
              "a library you intended to import)",
              name, mod_name_or_unknown.get(), origin.get()));
        } else if (origin) {
          errmsg = Ref<>::steal(str_from_format(
              "cannot import name %R from partially initialized module %R (most likely due to "
              "a circular import) (%S)",
              name, mod_name_or_unknown.get(), origin.get()));
        } else {
          errmsg = Ref<>::steal(str_from_format(
              "cannot import name %R from partially initialized module %R (most likely due to "
              "a circular import)",
              name, mod_name_or_unknown.get()));
        }
      } else if (origin) {
        errmsg = Ref<>::steal(str_from_format("cannot import name %R from %R (%S)", name,
                                              mod_name_or_unknown.get(), origin.get()));
      } else {
        errmsg = Ref<>::steal(str_from_format("cannot import name %R from %R (unknown location)",
                                              name, mod_name_or_unknown.get()));
      }
    }
  }
  if (errmsg) set_import_error(exc_ImportError, errmsg.get(), mod_name.get(), origin.get(), name);
  return nullptr;
}

bool is_default_import_func(Object* func) { return func && func == the_import_func; }

// builtin___import___impl (Python/bltinmodule.c), with Argument Clinic's parsing.
Object* builtin_import(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"name", "globals", "locals", "fromlist", "level", nullptr};
  static const ArgParser parser = {"__import__", kws, 1, 5, 0};
  Object* a[5] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int level = 0;
  if (a[4]) {
    level = long_as_int(a[4]);
    if (level == -1 && errors::occurred()) return nullptr;
  }
  // Argument Clinic passes the defaults (None, None, ()) for absent arguments.
  Ref<> empty = Ref<>::steal(tuple_new(0));
  if (!empty) return nullptr;
  return import_module_level_object(a[0], a[1] ? a[1] : none(), a[2] ? a[2] : none(),
                                    a[3] ? a[3] : empty.get(), level);
}

// get_path_importer / PyImport_GetImporter.
Object* get_importer(Object* p) {
  Object* cache = sys::get_object("path_importer_cache");
  Object* hooks = sys::get_object("path_hooks");
  if (!cache) return errors::format(exc_RuntimeError, "lost sys.path_importer_cache");
  if (!hooks) return errors::format(exc_RuntimeError, "lost sys.path_hooks");
  Ref<> keep_cache = Ref<>::borrow(cache), keep_hooks = Ref<>::borrow(hooks);
  if (!list_check(hooks)) return errors::format(exc_RuntimeError, "sys.path_hooks is not a list");
  if (!dict_check(cache)) {
    return errors::format(exc_RuntimeError, "sys.path_importer_cache is not a dict");
  }
  Object* importer = nullptr;
  if (dict_get_item_ref(cache, p, &importer) != 0) return importer;  // found, or error
  // None meanwhile, against recursion.
  if (dict_set_item(cache, p, none()) < 0) return nullptr;
  ssize nhooks = list_size(hooks);
  for (ssize j = 0; j < nhooks; ++j) {
    Object* hook = list_get_item(hooks, j);
    if (!hook) return nullptr;
    importer = object_call_one_arg(hook, p);
    if (importer) break;
    if (!errors::exception_matches(reinterpret_cast<Object*>(exc_ImportError))) return nullptr;
    errors::clear();
  }
  if (!importer) return new_ref(none());
  if (dict_set_item(cache, p, importer) < 0) {
    decref(importer);
    return nullptr;
  }
  return importer;
}

// --- importlib --------------------------------------------------------------------------------

Object* importlib() { return the_importlib; }

int init_default_import_func(Object* builtins_dict) {
  Object* f = dict_get_item_string(builtins_dict, "__import__");
  if (!f) {
    if (!errors::occurred()) errors::set_string(exc_RuntimeError, "no builtins.__import__");
    return -1;
  }
  Object* old = the_import_func;
  the_import_func = new_ref(f);
  xdecref(old);
  return 0;
}

namespace {

// bootstrap_imp: _imp created from its definition, with a spec that only has a name.
Object* bootstrap_imp() {
  Ref<> name = Ref<>::steal(str_from_cstr("_imp"));
  Ref<> attrs = Ref<>::steal(dict_new());
  if (!name || !attrs || dict_set_item_string(attrs.get(), "name", name.get()) < 0) return nullptr;
  Ref<> spec = Ref<>::steal(namespace_new(attrs.get()));
  if (!spec) return nullptr;
  Ref<> mod = Ref<>::steal(modules::create_builtin(spec.get()));
  if (!mod) return nullptr;
  if (modules::exec_builtin(mod.get()) < 0) return nullptr;
  return mod.release();
}

void write_stderr(const char* s) { std::fputs(s, stderr); }

}  // namespace

int init_importlib(Object* sysmod) {
  if (the_settings.verbose) write_stderr("import _frozen_importlib # frozen\n");
  if (import_frozen_module("_frozen_importlib") <= 0) {
    if (!errors::occurred()) {
      errors::set_string(exc_ImportError, "the frozen importlib is not linked in");
    }
    return -1;
  }
  Ref<> importlib = Ref<>::steal(add_module_ref("_frozen_importlib"));
  if (!importlib) return -1;
  Object* old = the_importlib;
  the_importlib = importlib.release();
  xdecref(old);
  if (the_settings.verbose) write_stderr("import _imp # builtin\n");
  Ref<> imp_mod = Ref<>::steal(bootstrap_imp());
  if (!imp_mod) return -1;
  if (set_module_string("_imp", imp_mod.get()) < 0) return -1;
  Ref<> value = Ref<>::steal(
      call_method_obj_args(the_importlib, id("_install"), sysmod, imp_mod.get(), nullptr));
  return value ? 0 : -1;
}

// _PyImportZip_Init: sys.path_hooks.insert(0, zipimport.zipimporter), so that zip files on
// sys.path are importable; a missing zipimport is not an error.
static int init_zipimport() {
  Object* hooks = sys::get_object("path_hooks");
  if (!hooks) {
    errors::set_string(exc_RuntimeError, "unable to get sys.path_hooks");
    return -1;
  }
  if (the_settings.verbose) write_stderr("# installing zipimport hook\n");
  Ref<> mod = Ref<>::steal(import_module("zipimport"));
  Ref<> zipimporter = Ref<>::steal(mod ? object_getattr_string(mod.get(), "zipimporter") : nullptr);
  if (!zipimporter) {
    errors::clear();
    if (the_settings.verbose) write_stderr("# can't import zipimport.zipimporter\n");
    return 0;
  }
  if (list_insert(hooks, 0, zipimporter.get()) < 0) return -1;
  if (the_settings.verbose) write_stderr("# installed zipimport hook\n");
  return 0;
}

int init_importlib_external() {
  if (!the_importlib) {
    errors::set_string(exc_RuntimeError, "importlib is not initialised");
    return -1;
  }
  Ref<> value = Ref<>::steal(call_method_no_args(the_importlib, id("_install_external_importers")));
  if (!value) return -1;
  return init_zipimport();
}

void reset_importlib() {
  Object* a = the_importlib;
  Object* b = the_import_func;
  the_importlib = nullptr;
  the_import_func = nullptr;
  xdecref(a);
  xdecref(b);
}

// --- the _imp module --------------------------------------------------------------------------

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

// Argument Clinic's messages for a str parameter.
bool check_str(const char* func, Object* arg, int pos) {
  if (str_check(arg)) return true;
  if (pos) {
    errors::format(exc_TypeError, "%s() argument %d must be str, not %.50s", func, pos,
                   type_short_name(arg->type));
  } else {
    errors::format(exc_TypeError, "%s() argument must be str, not %.50s", func,
                   type_short_name(arg->type));
  }
  return false;
}

Object* imp_lock_held(Object*, Object*) { return bool_from_long(lock_held()); }
Object* imp_acquire_lock(Object*, Object*) {
  acquire_lock();
  return new_ref(none());
}
Object* imp_release_lock(Object*, Object*) {
  if (release_lock() < 0) {
    return errors::format(exc_RuntimeError, "not holding the import lock");
  }
  return new_ref(none());
}

// _imp__fix_co_filename_impl / update_code_filenames.
void update_code_filenames(CodeObject* co, Object* oldname, Object* newname) {
  if (!str_equal(co->co_filename, oldname)) return;
  Object* old = co->co_filename;
  co->co_filename = new_ref(newname);
  decref(old);
  Object* consts = co->co_consts;
  for (ssize i = 0; i < tuple_size(consts); ++i) {
    Object* c = tuple_item(consts, i);
    if (code_check(c)) update_code_filenames(static_cast<CodeObject*>(c), oldname, newname);
  }
}
Object* imp_fix_co_filename(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_fix_co_filename", nargs, 2, 2)) return nullptr;
  if (!code_check(args[0])) {
    return errors::format(exc_TypeError, "_fix_co_filename() argument 1 must be code, not %.50s",
                          type_short_name(args[0]->type));
  }
  if (!check_str("_fix_co_filename", args[1], 2)) return nullptr;
  auto* co = static_cast<CodeObject*>(args[0]);
  if (!str_equal(co->co_filename, args[1])) {
    Ref<> oldname = Ref<>::borrow(co->co_filename);
    update_code_filenames(co, oldname.get(), args[1]);
  }
  return new_ref(none());
}

Object* imp_create_builtin(Object*, Object* spec) { return modules::create_builtin(spec); }

Object* imp_exec_builtin(Object*, Object* mod) {
  int rc = modules::exec_builtin(mod);
  if (rc < 0) return nullptr;
  return long_from_long(rc);
}

Object* imp_is_builtin(Object*, Object* name) {
  if (!check_str("is_builtin", name, 0)) return nullptr;
  return long_from_long(modules::is_builtin(name));
}

// _imp_is_frozen_impl.
Object* imp_is_frozen(Object*, Object* name) {
  if (!check_str("is_frozen", name, 0)) return nullptr;
  return bool_from_long(find_frozen(name, nullptr) == FrozenStatus::Okay);
}

// _imp_is_frozen_package_impl.
Object* imp_is_frozen_package(Object*, Object* name) {
  if (!check_str("is_frozen_package", name, 0)) return nullptr;
  FrozenInfo info;
  FrozenStatus status = find_frozen(name, &info);
  if (status != FrozenStatus::Okay && status != FrozenStatus::Excluded) {
    set_frozen_error(status, name);
    return nullptr;
  }
  return bool_from_long(info.is_package);
}

// _imp_init_frozen_impl.
Object* imp_init_frozen(Object*, Object* name) {
  if (!check_str("init_frozen", name, 0)) return nullptr;
  int ret = import_frozen_module_object(name);
  if (ret < 0) return nullptr;
  if (ret == 0) return new_ref(none());
  return get_module(name);
}

// _imp_find_frozen_impl: (data or None, ispkg, origname or None), or None when not frozen.
// The data is a bytes object (CPython gives a read-only memoryview of the same bytes).
Object* imp_find_frozen(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"", "withdata", nullptr};
  static const ArgParser parser = {"find_frozen", kws, 1, 1, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!check_str("find_frozen", a[0], 1)) return nullptr;
  int withdata = 0;
  if (a[1]) {
    withdata = object_is_true(a[1]);
    if (withdata < 0) return nullptr;
  }
  FrozenInfo info;
  FrozenStatus status = find_frozen(a[0], &info);
  if (status == FrozenStatus::NotFound || status == FrozenStatus::Disabled ||
      status == FrozenStatus::BadName)
    return new_ref(none());
  if (status != FrozenStatus::Okay) {
    set_frozen_error(status, a[0]);
    return nullptr;
  }
  Ref<> data = Ref<>::borrow(none());
  if (withdata) {
    data = Ref<>::steal(bytes_from_string_and_size(info.data, info.size));
    if (!data) return nullptr;
  }
  Ref<> origname = Ref<>::borrow(none());
  if (info.origname && info.origname[0] != '\0') {
    origname = Ref<>::steal(str_from_cstr(info.origname));
    if (!origname) return nullptr;
  }
  return tuple_pack(3, data.get(), info.is_package ? true_object() : false_object(),
                    origname.get());
}

// _imp_get_frozen_object_impl(name, data=None, /).
Object* imp_get_frozen_object(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("get_frozen_object", nargs, 1, 2)) return nullptr;
  if (!check_str("get_frozen_object", args[0], 1)) return nullptr;
  Object* name = args[0];
  Object* dataobj = nargs > 1 ? args[1] : none();
  FrozenInfo info;
  if (bytes_check(dataobj)) {
    info.data = bytes_as_string(dataobj);
    info.size = bytes_size(dataobj);
  } else if (dataobj != none()) {
    return errors::format(exc_TypeError, "get_frozen_object() argument 2 must be bytes, not %.50s",
                          type_short_name(dataobj->type));
  } else {
    FrozenStatus status = find_frozen(name, &info);
    if (status != FrozenStatus::Okay) {
      set_frozen_error(status, name);
      return nullptr;
    }
  }
  if (!info.nameobj) info.nameobj = name;
  if (info.size == 0) {
    set_frozen_error(FrozenStatus::Invalid, name);
    return nullptr;
  }
  return unmarshal_frozen_code(info);
}

Object* imp_frozen_module_names(Object*, Object*) { return list_frozen_module_names(); }

// _imp__override_frozen_modules_for_tests_impl(override: int).
Object* imp_override_frozen_modules_for_tests(Object*, Object* arg) {
  int v = long_as_int(arg);
  if (v == -1 && errors::occurred()) return nullptr;
  override_frozen_modules = v;
  return new_ref(none());
}

// _imp__override_multi_interp_extensions_check_impl: not in the main interpreter, which is
// the only one cppy has.
Object* imp_override_multi_interp_extensions_check(Object*, Object* arg) {
  int v = long_as_int(arg);
  if (v == -1 && errors::occurred()) return nullptr;
  return errors::format(exc_RuntimeError,
                        "_imp._override_multi_interp_extensions_check() cannot be used in the main "
                        "interpreter");
}

// cppy loads no C extension modules, so importlib finds no extension suffixes.
Object* imp_extension_suffixes(Object*, Object*) { return list_new(0); }

Object* imp_create_dynamic(Object*, Object* const*, ssize nargs) {
  if (!check_positional("create_dynamic", nargs, 1, 2)) return nullptr;
  return errors::format(exc_ImportError, "cppy does not load C extension modules");
}
Object* imp_exec_dynamic(Object*, Object*) { return long_from_long(0); }

// _imp_source_hash_impl: _Py_KeyedHash(key, source) as 8 little-endian bytes.
Object* imp_source_hash(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"key", "source", nullptr};
  static const ArgParser parser = {"source_hash", kws, 2, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  long k = long_as_long(a[0]);
  if (k == -1 && errors::occurred()) return nullptr;
  Object* source = a[1];
  if (!bytes_check(source)) {
    return errors::format(exc_TypeError, "a bytes-like object is required, not '%.100s'",
                          type_short_name(source->type));
  }
  std::uint64_t h = hash::siphash13(static_cast<std::uint64_t>(k), 0, bytes_as_string(source),
                                    bytes_size(source));
  unsigned char out[8];
  for (int i = 0; i < 8; ++i) out[i] = static_cast<unsigned char>(h >> (8 * i));
  return bytes_from_string_and_size(reinterpret_cast<const char*>(out), 8);
}

MethodDef imp_methods[] = {
    {"extension_suffixes", NOARGS(imp_extension_suffixes), "Returns the list of file suffixes used to identify extension modules."},
    {"lock_held", NOARGS(imp_lock_held), "Return True if the import lock is currently held, else False."},
    {"acquire_lock", NOARGS(imp_acquire_lock), "Acquires the interpreter's import lock for the current thread."},
    {"release_lock", NOARGS(imp_release_lock), "Release the interpreter's import lock."},
    {"find_frozen", FASTCALL_KW(imp_find_frozen), "Return info about the corresponding frozen module (if there is one) or None."},
    {"get_frozen_object", FASTCALL(imp_get_frozen_object), "Create a code object for a frozen module."},
    {"is_frozen_package", METH_O(imp_is_frozen_package), "Returns True if the module name is of a frozen package."},
    {"create_builtin", METH_O(imp_create_builtin), "Create an extension module."},
    {"init_frozen", METH_O(imp_init_frozen), "Initializes a frozen module."},
    {"is_builtin", METH_O(imp_is_builtin), "Returns True if the module name corresponds to a built-in module."},
    {"is_frozen", METH_O(imp_is_frozen), "Returns True if the module name corresponds to a frozen module."},
    {"_frozen_module_names", NOARGS(imp_frozen_module_names), "Returns the list of available frozen modules."},
    {"_override_frozen_modules_for_tests", METH_O(imp_override_frozen_modules_for_tests), "(internal-only) Override PyConfig.use_frozen_modules."},
    {"_override_multi_interp_extensions_check",
     METH_O(imp_override_multi_interp_extensions_check),
     "(internal-only) Override PyInterpreterConfig.check_multi_interp_extensions."},
    {"create_dynamic", FASTCALL(imp_create_dynamic), "Create an extension module."},
    {"exec_dynamic", METH_O(imp_exec_dynamic), "Initialize an extension module."},
    {"exec_builtin", METH_O(imp_exec_builtin), "Initialize a built-in module."},
    {"_fix_co_filename", FASTCALL(imp_fix_co_filename), "Changes code.co_filename to specify the passed-in file path."},
    {"source_hash", FASTCALL_KW(imp_source_hash), nullptr},
    {nullptr, nullptr, 0, nullptr}};

// imp_module_exec.
int imp_exec(Object* m) {
  Ref<> mode = Ref<>::steal(str_from_cstr(the_settings.check_hash_pycs_mode));
  if (!mode || module_add_object_ref(m, "check_hash_based_pycs", mode.get()) < 0) return -1;
  Ref<> token = Ref<>::steal(long_from_long(static_cast<long>(kPycMagicNumberToken)));
  if (!token || module_add_object_ref(m, "pyc_magic_number_token", token.get()) < 0) return -1;
  return 0;
}

modules::ModuleDef imp_def = {
    "_imp", "(Extremely) low-level import machinery bits as used by importlib.", imp_methods,
    imp_exec};

}  // namespace

modules::ModuleDef* module_def() { return &imp_def; }

}  // namespace cppy::imp
