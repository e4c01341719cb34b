// The `cppy` executable: Programs/python.c and the dispatch of Modules/main.c (pymain_run_python,
// in src/vm/pythonrun.cpp).
#include <string>
#include <vector>

#include "cli/options.h"
#include "vm/pythonrun.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  cppy::cli::ParsedCommandLine parsed = cppy::cli::parse_command_line(args);
  if (parsed.exit_now) return parsed.exit_status;
  return cppy::vm::run_main(parsed.config);
}
