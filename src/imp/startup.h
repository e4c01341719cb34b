// The import system's part of start-up: the steps of Python/pylifecycle.c (init_importlib,
// init_importlib_external, init_import_site) and of Modules/main.c (sys.path[0],
// pymain_run_module) that concern imports.
#pragma once

#include "objects/object.h"
#include "runtime/config.h"

namespace cppy::imp {

// The import settings from the configuration (-v, -X frozen_modules, -P,
// --check-hash-based-pycs), then _frozen_importlib installed (BuiltinImporter,
// FrozenImporter) and, when the external importers can be (the path finder, .py/.pyc
// loaders), those too. 0, or -1 with the exception set.
int init_import_system(const runtime::Config& config);

// init_import_site: `import site` unless -S. 0, or -1 with the exception set.
int init_import_site(const runtime::Config& config);

// pymain_run_python's sys.path[0] (_PyPathConfig_ComputeSysPath0): the working directory for
// -m, the script's directory (symbolic links resolved) for a script, '' otherwise; nothing
// with -P/-I. 0, or -1 with the exception set.
int insert_sys_path0(const runtime::Config& config);

// pymain_run_module: runpy._run_module_as_main(modname, set_argv0). 0, or -1 with the
// exception set (after "Could not import runpy module" and friends on stderr).
int run_module(const std::string& modname, bool set_argv0);

}  // namespace cppy::imp
