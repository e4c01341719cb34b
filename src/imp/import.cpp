// The _imp module: Python/import.c (the imp_module functions). cppy has no frozen modules
// and loads no C extensions, so the frozen queries answer "not frozen" and
// extension_suffixes() is empty, which keeps importlib from looking for shared objects.
#include "imp/import.h"

#include <cstdint>
#include <cstring>

#include "errors/errors.h"
#include "hash/hash.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::imp {

using namespace objects;

namespace {

int lock_level = 0;

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

bool check_nargs(const char* func, ssize nargs, ssize min, ssize max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    errors::format(exc_TypeError, "%s expected %zd argument%s, got %zd", func, min,
                   min == 1 ? "" : "s", nargs);
  } else if (nargs < min) {
    errors::format(exc_TypeError, "%s expected at least %zd argument%s, got %zd", func, min,
                   min == 1 ? "" : "s", nargs);
  } else {
    errors::format(exc_TypeError, "%s expected at most %zd argument%s, got %zd", func, max,
                   max == 1 ? "" : "s", nargs);
  }
  return false;
}

Object* no_frozen(Object* name) {
  Ref<> msg = Ref<>::steal(str_from_format("No such frozen object named %R", name));
  if (!msg) return nullptr;
  // ImportError(msg, name=name)
  Ref<> args = Ref<>::steal(tuple_pack(1, msg.get()));
  Ref<> kw = Ref<>::steal(dict_new());
  if (!args || !kw || dict_set_item_string(kw.get(), "name", name) < 0) return nullptr;
  Ref<> exc = Ref<>::steal(object_call(exc_ImportError, args.get(), kw.get()));
  if (!exc) return nullptr;
  errors::set_object(exc_ImportError, exc.get());
  return nullptr;
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
  if (!check_nargs("_fix_co_filename", nargs, 2, 2)) return nullptr;
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

Object* imp_is_frozen(Object*, Object* name) {
  if (!check_str("is_frozen", name, 0)) return nullptr;
  return new_ref(false_object());
}

Object* imp_is_frozen_package(Object*, Object* name) {
  if (!check_str("is_frozen_package", name, 0)) return nullptr;
  return no_frozen(name);
}

Object* imp_init_frozen(Object*, Object* name) {
  if (!check_str("init_frozen", name, 0)) return nullptr;
  return new_ref(none());
}

// find_frozen(name, /, *, withdata=False): None, since nothing is frozen.
Object* imp_find_frozen(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (!check_nargs("find_frozen", nargs, 1, 1)) return nullptr;
  for (ssize i = 0; i < nkw; ++i) {
    if (str_compare_cstr(tuple_item(kwnames, i), "withdata") != 0) {
      return errors::format(exc_TypeError, "find_frozen() got an unexpected keyword argument '%U'",
                            tuple_item(kwnames, i));
    }
  }
  if (!check_str("find_frozen", args[0], 1)) return nullptr;
  return new_ref(none());
}

Object* imp_get_frozen_object(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("get_frozen_object", nargs, 1, 2)) return nullptr;
  if (!check_str("get_frozen_object", args[0], 1)) return nullptr;
  return no_frozen(args[0]);
}

Object* imp_frozen_module_names(Object*, Object*) { return tuple_new(0); }

Object* imp_override_frozen_modules_for_tests(Object*, Object*) { return new_ref(none()); }
Object* imp_override_multi_interp_extensions_check(Object*, Object*) { return long_from_long(-1); }

Object* imp_extension_suffixes(Object*, Object*) { return list_new(0); }

Object* imp_create_dynamic(Object*, Object* const*, ssize nargs) {
  if (!check_nargs("create_dynamic", nargs, 1, 2)) return nullptr;
  return errors::format(exc_ImportError, "cppy does not load C extension modules");
}
Object* imp_exec_dynamic(Object*, Object*) { return long_from_long(0); }

// _imp_source_hash_impl: _Py_KeyedHash(key, source) as 8 little-endian bytes.
Object* imp_source_hash(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  Object* key = nullptr;
  Object* source = nullptr;
  if (nargs + nkw != 2) {
    return errors::format(exc_TypeError, "source_hash() takes exactly 2 arguments (%zd given)",
                          nargs + nkw);
  }
  for (ssize i = 0; i < nargs; ++i) (i == 0 ? key : source) = args[i];
  for (ssize i = 0; i < nkw; ++i) {
    Object* k = tuple_item(kwnames, i);
    if (str_compare_cstr(k, "key") == 0 && !key) key = args[nargs + i];
    else if (str_compare_cstr(k, "source") == 0 && !source) source = args[nargs + i];
    else
      return errors::format(exc_TypeError, "source_hash() got an unexpected keyword argument '%U'",
                            k);
  }
  if (!key || !source) {
    return errors::format(exc_TypeError, "source_hash() missing required argument");
  }
  long k = long_as_long(key);
  if (k == -1 && errors::occurred()) return nullptr;
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
    {"extension_suffixes", NOARGS(imp_extension_suffixes),
     "Returns the list of file suffixes used to identify extension modules."},
    {"lock_held", NOARGS(imp_lock_held),
     "Return True if the import lock is currently held, else False."},
    {"acquire_lock", NOARGS(imp_acquire_lock), "Acquires the interpreter's import lock."},
    {"release_lock", NOARGS(imp_release_lock), "Release the interpreter's import lock."},
    {"find_frozen", FASTCALL_KW(imp_find_frozen), nullptr},
    {"get_frozen_object", FASTCALL(imp_get_frozen_object),
     "Create a code object for a frozen module."},
    {"is_frozen_package", METH_O(imp_is_frozen_package),
     "Returns True if the module name is of a frozen package."},
    {"create_builtin", METH_O(imp_create_builtin), "Create an extension module."},
    {"init_frozen", METH_O(imp_init_frozen), "Initializes a frozen module."},
    {"is_builtin", METH_O(imp_is_builtin),
     "Returns True if the module name corresponds to a built-in module."},
    {"is_frozen", METH_O(imp_is_frozen),
     "Returns True if the module name corresponds to a frozen module."},
    {"_frozen_module_names", NOARGS(imp_frozen_module_names),
     "Returns the list of available frozen modules."},
    {"_override_frozen_modules_for_tests", METH_O(imp_override_frozen_modules_for_tests),
     "(internal-only) Override PyConfig.use_frozen_modules."},
    {"_override_multi_interp_extensions_check", METH_O(imp_override_multi_interp_extensions_check),
     "(internal-only) Override PyInterpreterConfig.check_multi_interp_extensions."},
    {"create_dynamic", FASTCALL(imp_create_dynamic), "Create an extension module."},
    {"exec_dynamic", METH_O(imp_exec_dynamic), "Initialize an extension module."},
    {"exec_builtin", METH_O(imp_exec_builtin), "Initialize a built-in module."},
    {"_fix_co_filename", FASTCALL(imp_fix_co_filename),
     "Changes code.co_filename to specify the passed-in file path."},
    {"source_hash", FASTCALL_KW(imp_source_hash), nullptr},
    {nullptr, nullptr, 0, nullptr}};

// imp_module_exec.
int imp_exec(Object* m) {
  Ref<> mode = Ref<>::steal(str_from_cstr("default"));
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

void acquire_lock() { ++lock_level; }
int release_lock() {
  if (lock_level == 0) return -1;
  --lock_level;
  return 0;
}
bool lock_held() { return lock_level > 0; }

}  // namespace cppy::imp
