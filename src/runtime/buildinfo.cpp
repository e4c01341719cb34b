#include "runtime/buildinfo.h"

#include "runtime/buildinfo_config.h"

namespace cppy::runtime {

const char* python_version() { return CPPY_PY_VERSION; }
const char* cppy_version() { return CPPY_VERSION; }

std::string compiler() {
#if defined(__clang__)
  return std::string("[Clang ") + __clang_version__ + "]";
#elif defined(__GNUC__)
  return std::string("[GCC ") + __VERSION__ + "]";
#else
  return "[unknown compiler]";
#endif
}

const char* platform() {
#if defined(__linux__)
  return "linux";
#elif defined(__APPLE__)
  return "darwin";
#else
  return "unknown";
#endif
}

std::string build_info() { return std::string("main, ") + __DATE__ + ", " + __TIME__; }

std::string full_version() {
  // CPython's layout, "3.14.2 (main, date, time) [compiler]", which platform._sys_version
  // parses; cppy names itself inside the compiler brackets.
  std::string cc = compiler();
  if (cc.size() >= 2 && cc.front() == '[') cc.insert(1, std::string("cppy ") + CPPY_VERSION + ", ");
  return std::string(CPPY_PY_VERSION) + " (" + build_info() + ") " + cc;
}

const char* copyright() {
  return "Copyright (c) 2001 Python Software Foundation.\n"
         "All Rights Reserved.\n\n"
         "cppy: a C++ implementation of the Python language.";
}

}  // namespace cppy::runtime
