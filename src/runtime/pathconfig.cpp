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

namespace {

// posixpath.abspath (joined with the working directory, then normpath): getpath.py's abspath
// of each PYTHONPATH entry ("" is the working directory).
std::string abspath(const std::string& path) {
  std::string full = path;
  if (full.empty() || full[0] != '/') {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return path;
    full = full.empty() ? std::string(cwd) : std::string(cwd) + "/" + full;
  }
  // normpath: "." parts and repeated slashes dropped, ".." pops; exactly two leading slashes
  // are kept, as POSIX allows them a meaning of their own.
  size_t lead = full.compare(0, 2, "//") == 0 && full.compare(0, 3, "///") != 0 ? 2 : 1;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < full.size()) {
    size_t j = full.find('/', i);
    if (j == std::string::npos) j = full.size();
    std::string part = full.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out(lead, '/');
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  return out;
}

}  // namespace

std::vector<std::string> module_search_paths(bool ignore_env) {
  std::vector<std::string> paths;
  const char* env = ignore_env ? nullptr : std::getenv("PYTHONPATH");
  if (env && *env) {
    std::string value(env);
    size_t start = 0;
    while (true) {
      size_t colon = value.find(':', start);
      paths.push_back(abspath(value.substr(start, colon == std::string::npos
                                                       ? std::string::npos
                                                       : colon - start)));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  std::string stdlib = stdlib_dir(ignore_env);
  paths.push_back(prefix(ignore_env) + "/lib/python" CPPY_PY_SHORT_VERSION_NODOT ".zip");
  paths.push_back(stdlib);
  paths.push_back(stdlib + "/lib-dynload");
  return paths;
}

std::string stdlib_dir(bool ignore_env) {
  return prefix(ignore_env) + "/lib/python" CPPY_PY_SHORT_VERSION;
}

}  // namespace cppy::runtime
