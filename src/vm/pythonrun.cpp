// Running code: Python/pythonrun.c (_PyRun_SimpleFileObject, maybe_pyc_file,
// run_pyc_file, _PyErr_PrintEx, _Py_HandleSystemExit).
#include "vm/pythonrun.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "builtins/bltinmodule.h"
#include "errors/errors.h"
#include "hash/hash.h"
#include "marshal/marshal.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/cellobject.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/enumobject.h"
#include "objects/rangeobject.h"
#include "objects/unicodeobject.h"
#include "vm/ceval.h"
#include "vm/traceback.h"

namespace cppy::vm {

using namespace objects;

int check_cache_layout();  // ceval.cpp

int initialize() {
  static bool done = false;
  if (done) return 0;
  if (check_cache_layout() < 0) return -1;
  TypeObject* const types[] = {
      &bytes_type,     &code_type,      &function_type,     &frame_type, &gen_type,
      &coro_type,      &async_gen_type, &coro_wrapper_type, &traceback_type,
      &map_type,       &filter_type,    &zip_type,
  };
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  Object* builtins = builtins::init_builtins();
  if (!builtins) return -1;
  set_builtins_dict(module_get_dict(builtins));
  done = true;
  return 0;
}

int initialize_runtime() {
  static int state = 0;
  if (state) return state > 0 ? 0 : -1;
  if (runtime::initialize_objects() < 0 || initialize() < 0) {
    state = -1;
    return -1;
  }
  state = 1;
  return 0;
}

bool is_pyc_file(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return false;
  unsigned char buf[4];
  size_t n = std::fread(buf, 1, 4, f);
  std::fclose(f);
  return n == 4 && buf[0] == (marshal::kMagicNumber & 0xff) &&
         buf[1] == (marshal::kMagicNumber >> 8) && buf[2] == '\r' && buf[3] == '\n';
}

namespace {

void write_stderr(const std::string& s) {
  std::fflush(stdout);
  std::fwrite(s.data(), 1, s.size(), stderr);
  std::fflush(stderr);
}

// _Py_HandleSystemExit: the exit status of a SystemExit.
int system_exit_status(Object* exc) {
  Object* code = static_cast<SystemExitObject*>(exc)->code;
  if (!code || code == none()) return 0;
  if (long_check(code)) {
    int overflow = 0;
    long v = long_as_long_and_overflow(code, &overflow);
    if (overflow) {
      errors::clear();
      return -1;
    }
    return int(v);
  }
  Object* s = object_str(code);
  if (s) {
    write_stderr(std::string(str_as_utf8(s)) + "\n");
    decref(s);
  } else {
    errors::clear();
  }
  return 1;
}

}  // namespace

// _PyErr_PrintEx: the uncaught exception goes to stderr; SystemExit gives the status.
int print_uncaught() {
  Object* exc = errors::get_raised_exception();
  if (!exc) return 1;
  if (object_is_instance(exc, reinterpret_cast<Object*>(exc_SystemExit)) > 0) {
    int status = system_exit_status(exc);
    decref(exc);
    return status;
  }
  std::string out;
  print_exception(exc, &out);
  write_stderr(out);
  decref(exc);
  return 1;
}

int run_pyc_file(const char* path) {
  // PYTHONHASHSEED, before any string is hashed (the configuration owner will pass it
  // through runtime::Config). Only the process entry may key the hash: re-keying a running
  // runtime would strand the hashes already cached in strings.
  const char* seed = std::getenv("PYTHONHASHSEED");
  bool use_seed = seed && *seed && std::strcmp(seed, "random") != 0;
  hash::init_secret(use_seed, use_seed ? uint32_t(std::strtoul(seed, nullptr, 10)) : 0);
  if (initialize_runtime() < 0) {
    std::fprintf(stderr, "Fatal Python error: cannot initialize the runtime\n");
    return 1;
  }
  Ref<> main_mod = Ref<>::steal(module_new("__main__"));
  if (!main_mod) return print_uncaught();
  Object* globals = module_get_dict(main_mod.get());
  if (dict_set_item_string(globals, "__builtins__", builtins::builtins_module()) < 0)
    return print_uncaught();
  Ref<> file = Ref<>::steal(str_from_cstr(path));
  if (!file || dict_set_item_string(globals, "__file__", file.get()) < 0)
    return print_uncaught();
  Ref<> code = Ref<>::steal(marshal::read_pyc_file(path));
  if (!code) return print_uncaught();
  Object* result = eval_code(code.get(), globals, globals);
  std::fflush(stdout);
  if (!result) return print_uncaught();
  decref(result);
  std::fflush(stdout);
  return 0;
}

}  // namespace cppy::vm
