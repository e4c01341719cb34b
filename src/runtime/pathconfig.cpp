#include "runtime/pathconfig.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <utility>

#include "runtime/buildinfo_config.h"

namespace cppy::runtime {

namespace {

std::string dirname(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

std::string executable_path() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, static_cast<size_t>(n));
}

namespace {
std::string g_home;  // PyConfig.home; written once at start-up
}  // namespace

void set_home(std::string home) { g_home = std::move(home); }

std::string prefix(bool ignore_env) {
  if (!g_home.empty()) return g_home;
  if (!ignore_env) {
    const char* home = std::getenv("PYTHONHOME");
    if (home && *home) {
      // PYTHONHOME may be "prefix:exec_prefix"; the first part is the prefix.
      std::string h(home);
      auto colon = h.find(':');
      return colon == std::string::npos ? h : h.substr(0, colon);
    }
  }
  std::string exe = executable_path();
  if (exe.empty()) return "";
  return dirname(dirname(exe));
}

std::string stdlib_dir(bool ignore_env) {
  return prefix(ignore_env) + "/lib/python" CPPY_PY_SHORT_VERSION;
}

}  // namespace cppy::runtime
