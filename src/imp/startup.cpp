// The import system's part of start-up: Python/pylifecycle.c (pycore_interp_init's
// init_importlib, init_interp_main's init_importlib_external and init_import_site) and
// Modules/main.c (pymain_run_python's sys.path[0], pymain_run_module).
#include "imp/startup.h"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "errors/errors.h"
#include "imp/frozen.h"
#include "imp/import.h"
#include "modules/moduledef.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "sys/sysmodule.h"

namespace cppy::imp {

using namespace objects;

namespace {

// -X frozen_modules=on|off (config_init_import: on unless said otherwise, as in an installed
// CPython).
bool frozen_modules_option(const runtime::Config& config) {
  bool on = true;
  for (const std::string& x : config.xoptions) {
    if (x == "frozen_modules=off") on = false;
    if (x == "frozen_modules=on" || x == "frozen_modules") on = true;
  }
  return on;
}

// config_init_import_time: -X importtime[=N] over PYTHONPROFILEIMPORTTIME (a value that is
// not a number means 1; numbers other than 0, 1 and 2 are refused). False after printing
// the fatal error.
bool import_time_option(const runtime::Config& config, int* out) {
  auto parse = [](const char* text, int* value) {
    char* end = nullptr;
    errno = 0;
    long v = std::strtol(text, &end, 10);
    *value = (!*text || *end || errno == ERANGE || v < INT_MIN || v > INT_MAX) ? 1 : int(v);
  };
  int level = 0;
  const char* env = config.ignore_environment ? nullptr : std::getenv("PYTHONPROFILEIMPORTTIME");
  if (env && *env) {
    parse(env, &level);
    if (level < 0 || level > 2) {
      std::fprintf(stderr, "Fatal Python error: config_init_import_time: "
                           "PYTHONPROFILEIMPORTTIME: numeric values other than 1 and 2 are "
                           "reserved for future use.\n");
      return false;
    }
  }
  for (const std::string& x : config.xoptions) {
    if (x == "importtime") {
      level = 1;
    } else if (x.rfind("importtime=", 0) == 0) {
      parse(x.c_str() + 11, &level);
      if (level < 0 || level > 2) {
        std::fprintf(stderr, "Fatal Python error: config_init_import_time: -X importtime: "
                             "numeric values other than 1 and 2 are reserved for future "
                             "use.\n");
        return false;
      }
    }
  }
  *out = level;
  return true;
}

std::string current_dir() {
  char buf[PATH_MAX];
  return getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

}  // namespace

int init_import_system(const runtime::Config& config) {
  ImportSettings s;
  s.use_frozen_modules = frozen_modules_option(config);
  s.verbose = config.verbose;
  static std::string mode;
  mode = config.check_hash_pycs_mode;
  s.check_hash_pycs_mode = mode.c_str();
  s.safe_path = config.safe_path;
  if (!import_time_option(config, &s.import_time)) std::exit(1);
  set_settings(s);
  // Without the build's frozen importlib (a program linked without cppy_frozen), imports keep
  // to sys.modules, built-in and frozen modules.
  if (!have_frozen_modules()) return 0;
  Object* sysmod = sys::sys_module();
  if (!sysmod) {
    errors::set_string(exc_RuntimeError, "lost sys module");
    return -1;
  }
  if (init_importlib(sysmod) < 0) return -1;
  // The external importers need _io (FileIO, open_code), marshal, posix and _warnings; until
  // every one of them is built in, start-up goes on with the built-in and frozen importers.
  for (const char* name : {"_io", "marshal", "posix", "_warnings"}) {
    if (!modules::find_inittab(name)) return 0;
  }
  return init_importlib_external();
}

int init_import_site(const runtime::Config& config) {
  if (!config.site_import || !importlib()) return 0;
  Ref<> m = Ref<>::steal(import_module("site"));
  return m ? 0 : -1;
}

int insert_sys_path0(const runtime::Config& config) {
  if (config.safe_path) return 0;
  std::string path0;
  if (config.run_module) {
    path0 = current_dir();
  } else if (config.run_filename && *config.run_filename != "-" && !config.run_command) {
    // The script's directory, symbolic links resolved (realpath), as an absolute path.
    std::string script = *config.run_filename;
    char resolved[PATH_MAX];
    if (realpath(script.c_str(), resolved)) script = resolved;
    auto slash = script.rfind('/');
    if (slash == std::string::npos) {
      path0 = "";
    } else {
      path0 = script.substr(0, slash == 0 ? 1 : slash);
    }
  }
  Object* sys_path = sys::get_object("path");
  if (!sys_path || !list_check(sys_path)) {
    errors::set_string(exc_RuntimeError, "unable to get sys.path");
    return -1;
  }
  Ref<> p = Ref<>::steal(str_from_utf8(path0.data(), static_cast<ssize>(path0.size())));
  if (!p) return -1;
  return list_insert(sys_path, 0, p.get());
}

int run_module(const std::string& modname, bool set_argv0) {
  Ref<> runpy = Ref<>::steal(import_module("runpy"));
  if (!runpy) {
    std::fprintf(stderr, "Could not import runpy module\n");
    return -1;
  }
  Ref<> runmodule = Ref<>::steal(object_getattr_string(runpy.get(), "_run_module_as_main"));
  if (!runmodule) {
    std::fprintf(stderr, "Could not access runpy._run_module_as_main\n");
    return -1;
  }
  Ref<> module = Ref<>::steal(str_from_utf8(modname.data(), static_cast<ssize>(modname.size())));
  if (!module) {
    std::fprintf(stderr, "Could not convert module name to unicode\n");
    return -1;
  }
  Object* args[2] = {module.get(), set_argv0 ? true_object() : false_object()};
  Ref<> result = Ref<>::steal(vectorcall(runmodule.get(), args, 2, nullptr));
  return result ? 0 : -1;
}

}  // namespace cppy::imp
