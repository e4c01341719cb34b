// Version, compiler, platform and build strings: Python/getversion.c, getcompiler.c,
// getplatform.c, getcopyright.c and Modules/getbuildinfo.c.
#pragma once

#include <string>

namespace cppy::runtime {

// "3.14.2": the CPython release cppy implements (PY_VERSION).
const char* python_version();
// "0.1.0": cppy's own version.
const char* cppy_version();
// "[GCC 12.2.0]" / "[Clang 14.0.6]": Py_GetCompiler().
std::string compiler();
// "linux": Py_GetPlatform(), the value of sys.platform.
const char* platform();
// "main, Nov 24 2026, 19:00:00": Py_GetBuildInfo().
std::string build_info();
// The full sys.version string: "3.14.2 (cppy 0.1.0, main, <date>) [GCC 12.2.0]".
std::string full_version();
// Py_GetCopyright().
const char* copyright();

}  // namespace cppy::runtime
