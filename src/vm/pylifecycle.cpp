// Module teardown at exit: finalize_modules and its helpers of Python/pylifecycle.c, and
// _PyImport_FiniExternal of Python/import.c.
#include "vm/pylifecycle.h"

#include <cstdio>

#include "builtins/bltinmodule.h"
#include "errors/errors.h"
#include "gc/gc.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/moduleobject.h"
#include "objects/object.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "sys/sysmodule.h"

namespace cppy::vm {

using namespace objects;

namespace {

Object* g_builtins_copy = nullptr;

int verbosity() { return imp::settings().verbose; }

// _PySys_ClearAttrString: sys.<name> = None.
void sys_clear_attr(const char* name) {
  if (verbosity()) std::fprintf(stderr, "# clear sys.%s\n", name);
  if (sys::set_object(name, none()) < 0)
    errors::format_unraisable("Exception ignored on clearing sys.%s", name);
}

// _PyImport_FiniExternal.
void fini_external_importers() {
  for (const char* name : {"meta_path", "path_importer_cache", "path_hooks"}) {
    if (sys::set_object(name, none()) < 0)
      errors::format_unraisable("Exception ignored while clearing sys.%s", name);
  }
}

// finalize_modules_delete_special: builtins._ and the sys attributes where user values hide,
// then sys.stdin/stdout/stderr back to the original streams.
void delete_special() {
  if (verbosity()) std::fprintf(stderr, "# clear builtins._\n");
  Object* builtins = builtins::builtins_module();
  if (builtins && dict_set_item_string(module_get_dict(builtins), "_", none()) < 0)
    errors::format_unraisable("Exception ignored on setting builtin variable _");
  for (const char* name : {"path", "argv", "ps1", "ps2", "last_exc", "last_type", "last_value",
                           "last_traceback", "__interactivehook__"})
    sys_clear_attr(name);
  const char* const files[][2] = {
      {"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
  for (const auto& f : files) {
    if (verbosity()) std::fprintf(stderr, "# restore sys.%s\n", f[0]);
    Object* original = sys::get_object(f[1]);
    if (sys::set_object(f[0], original ? original : none()) < 0)
      errors::format_unraisable("Exception ignored on restoring sys.%s", f[0]);
  }
}

// finalize_remove_modules: every module in sys.modules set to None, with (name, weakref)
// pairs in import order for the modules that stay alive. New reference (or null).
Object* remove_modules(Object* modules) {
  Ref<> weaklist = Ref<>::steal(list_new(0));
  if (!weaklist) errors::format_unraisable("Exception ignored on removing modules");
  auto clear_module = [&](Object* name, Object* mod) {
    if (!module_check(mod)) return;
    if (verbosity() && str_check(name))
      std::fprintf(stderr, "# cleanup[2] removing %s\n", str_as_utf8(name));
    if (weaklist) {
      Ref<> wr = Ref<>::steal(weakref_new_ref(mod, nullptr));
      Ref<> pair = wr ? Ref<>::steal(tuple_pack(2, name, wr.get())) : Ref<>();
      if (!pair || list_append(weaklist.get(), pair.get()) < 0)
        errors::format_unraisable("Exception ignored on removing modules");
    }
    if (object_set_item(modules, name, none()) < 0)
      errors::format_unraisable("Exception ignored on removing modules");
  };
  if (dict_check_exact(modules)) {
    ssize pos = 0;
    Object* key;
    Object* value;
    while (dict_next(modules, &pos, &key, &value)) {
      Ref<> k = Ref<>::borrow(key), v = Ref<>::borrow(value);
      clear_module(k.get(), v.get());
    }
  } else {
    Ref<> iterator = Ref<>::steal(object_get_iter(modules));
    if (!iterator) {
      errors::format_unraisable("Exception ignored on removing modules");
    } else {
      while (Object* key = iter_next(iterator.get())) {
        Ref<> k = Ref<>::steal(key);
        Ref<> value = Ref<>::steal(object_get_item(modules, k.get()));
        if (!value) {
          errors::format_unraisable("Exception ignored on removing modules");
          continue;
        }
        clear_module(k.get(), value.get());
      }
      if (errors::occurred()) errors::format_unraisable("Exception ignored on removing modules");
    }
  }
  return weaklist.release();
}

// finalize_clear_modules_dict.
void clear_modules_dict(Object* modules) {
  if (dict_check_exact(modules)) {
    dict_clear(modules);
    return;
  }
  Ref<> r = Ref<>::steal(call_method_no_args(modules, str_intern_from_cstr("clear")));
  if (!r) errors::format_unraisable("Exception ignored on clearing sys.modules");
}

// finalize_restore_builtins.
void restore_builtins() {
  Object* builtins = builtins::builtins_module();
  if (!builtins || !g_builtins_copy) return;
  Object* d = module_get_dict(builtins);
  dict_clear(d);
  if (dict_update(d, g_builtins_copy) < 0)
    errors::format_unraisable("Exception ignored on restoring builtins");
  Object* copy = g_builtins_copy;
  g_builtins_copy = nullptr;
  decref(copy);
}

// _PyModule_ClearDict: the names with one leading underscore first, then every other name
// but __builtins__, replaced by None (not deleted, so the dict keeps its shape), so that
// destructors of module globals run in a predictable order.
void clear_module_dict(Object* d) {
  for (int pass = 1; pass <= 2; ++pass) {
    ssize pos = 0;
    Object* key;
    Object* value;
    while (dict_next(d, &pos, &key, &value)) {
      if (value == none() || !str_check(key)) continue;
      ssize n = str_length(key);
      UCS4 c0 = n > 0 ? str_read_char(key, 0) : 0;
      UCS4 c1 = n > 1 ? str_read_char(key, 1) : 0;
      bool wipe = pass == 1 ? (c0 == '_' && c1 != '_')
                            : (c0 != '_' || !str_equal_cstr(key, "__builtins__"));
      if (!wipe) continue;
      if (verbosity() > 1)
        std::fprintf(stderr, "#   clear[%d] %s\n", pass, str_as_utf8(key));
      Ref<> k = Ref<>::borrow(key);
      if (dict_set_item(d, k.get(), none()) < 0)
        errors::format_unraisable("Exception ignored on clearing module dict");
    }
  }
}

// finalize_modules_clear_weaklist: the modules still alive, the last imported first; sys and
// builtins are left for the end.
void clear_weaklist(Object* weaklist) {
  Object* builtins = builtins::builtins_module();
  Object* builtins_dict = builtins ? module_get_dict(builtins) : nullptr;
  Object* sysmod = sys::sys_module();
  Object* sys_dict = sysmod ? module_get_dict(sysmod) : nullptr;
  for (ssize i = list_size(weaklist) - 1; i >= 0; --i) {
    Object* pair = list_item(weaklist, i);
    Object* name = tuple_item(pair, 0);
    Object* mod = nullptr;
    if (weakref_get_ref(tuple_item(pair, 1), &mod) <= 0 || !mod) {
      errors::clear();
      continue;
    }
    Ref<> keep = Ref<>::steal(mod);
    Object* d = module_get_dict(mod);
    if (!d || d == builtins_dict || d == sys_dict) continue;
    if (verbosity() && str_check(name))
      std::fprintf(stderr, "# cleanup[3] wiping %s\n", str_as_utf8(name));
    Ref<> dict_keep = Ref<>::borrow(d);
    clear_module_dict(d);
  }
}

}  // namespace

int save_builtins_copy() {
  Object* builtins = builtins::builtins_module();
  if (!builtins) return 0;
  Object* copy = dict_copy(module_get_dict(builtins));
  if (!copy) return -1;
  Object* old = g_builtins_copy;
  g_builtins_copy = copy;
  xdecref(old);
  return 0;
}

void finalize_modules() {
  Object* modules = sys::get_object("modules");
  if (!modules) return;
  Ref<> keep_modules = Ref<>::borrow(modules);
  // _PyGC_DumpShutdownStats. CPython reports after the first shutdown collection, whose
  // legacy finalizers (none in cppy) could add to gc.garbage; here it comes first, while the
  // warnings module that shows the ResourceWarning is still in sys.modules.
  gc::dump_shutdown_stats();
  fini_external_importers();
  delete_special();
  Ref<> weaklist = Ref<>::steal(remove_modules(modules));
  clear_modules_dict(modules);
  restore_builtins();
  // _PyGC_CollectNoFail: no gc.callbacks.
  gc::collect_at_shutdown();
  if (weaklist) clear_weaklist(weaklist.get());
  gc::collect_at_shutdown();
}

}  // namespace cppy::vm
