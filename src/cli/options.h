// The `cppy` command line: config_parse_cmdline, config_usage and the environment
// variables of Python/initconfig.c, and the version banner of Modules/main.c.
#pragma once

#include <string>
#include <vector>

#include "runtime/config.h"

namespace cppy::cli {

struct ParsedCommandLine {
  runtime::Config config;
  bool exit_now = false;  // --version, -h or a usage error: nothing to run
  int exit_status = 0;
};

// Parses argv (argv[0] included) and the PYTHON* environment variables.
ParsedCommandLine parse_command_line(const std::vector<std::string>& argv);

}  // namespace cppy::cli
