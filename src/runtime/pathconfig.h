// Locating the interpreter's files: the parts of Python/pathconfig.c and Modules/getpath.py
// cppy needs. The layout is CPython's: <prefix>/bin/cppy beside <prefix>/lib/python3.14.
#pragma once

#include <string>
#include <vector>

namespace cppy::runtime {

// Absolute path of the running executable (sys.executable), or "" when unknown.
std::string executable_path();
// <prefix>, the directory above bin/: sys.prefix. PYTHONHOME overrides it unless ignore_env;
// a home set by set_home (PyConfig.home, from an embedder) overrides both.
std::string prefix(bool ignore_env);
void set_home(std::string home);
// <prefix>/lib/python3.14: where the standard library lives.
std::string stdlib_dir(bool ignore_env);
// getpath.py's module search path before site runs: PYTHONPATH's entries made absolute
// (unless ignore_env), the stdlib zip, the stdlib and lib-dynload.
std::vector<std::string> module_search_paths(bool ignore_env);

}  // namespace cppy::runtime
