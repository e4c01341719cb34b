// The `cppy` executable: Programs/python.c and the dispatch of Modules/main.c (pymain_run_python).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/options.h"
#include "runtime/pathconfig.h"
#include "vm/pythonrun.h"

namespace {

// pymain_run_file's "can't open file" message uses the absolute path, as CPython does.
std::string absolute(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) return path;
  return std::string(cwd) + "/" + path;
}

int run(const cppy::runtime::Config& config) {
  if (config.run_filename && *config.run_filename != "-") {
    std::FILE* f = std::fopen(config.run_filename->c_str(), "rb");
    if (!f) {
      int err = errno;
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                   config.program_name.c_str(), absolute(*config.run_filename).c_str(), err,
                   std::strerror(err));
      return 2;
    }
    std::fclose(f);
    // A compiled file runs directly, as CPython's pymain_run_file does for a .pyc.
    if (cppy::vm::is_pyc_file(config.run_filename->c_str()))
      return cppy::vm::run_pyc_file(config.run_filename->c_str());
  }
  std::fprintf(stderr, "%s: the interpreter is not implemented yet\n",
               config.program_name.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  cppy::cli::ParsedCommandLine parsed = cppy::cli::parse_command_line(args);
  if (parsed.exit_now) return parsed.exit_status;
  return run(parsed.config);
}
