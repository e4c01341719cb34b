// The interpreter's start-up configuration: the fields of CPython's PyConfig
// (Include/cpython/initconfig.h, Python/initconfig.c) that cppy honours so far.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cppy::runtime {

struct Config {
  std::vector<std::string> orig_argv;  // sys.orig_argv: the command line as given
  std::vector<std::string> argv;       // sys.argv
  std::string program_name;            // argv[0], used in usage messages

  // What to run: at most one of these is set; none means stdin (or the REPL on a tty).
  std::optional<std::string> run_command;   // -c
  std::optional<std::string> run_module;    // -m
  std::optional<std::string> run_filename;  // script path, or "-" for stdin

  int bytes_warning = 0;        // -b
  bool dont_write_bytecode = false;  // -B, PYTHONDONTWRITEBYTECODE
  bool dev_mode = false;        // -X dev, PYTHONDEVMODE
  int parser_debug = 0;         // -d
  bool ignore_environment = false;  // -E
  bool inspect = false;         // -i
  bool interactive = false;     // -i
  bool isolated = false;        // -I
  int optimization_level = 0;   // -O, -OO, PYTHONOPTIMIZE
  bool safe_path = false;       // -P, PYTHONSAFEPATH
  bool quiet = false;           // -q
  bool no_user_site = false;    // -s, PYTHONNOUSERSITE
  bool site_import = true;      // -S
  bool buffered_stdio = true;   // -u, PYTHONUNBUFFERED
  int verbose = 0;              // -v, PYTHONVERBOSE
  bool skip_source_first_line = false;  // -x
  std::vector<std::string> warnoptions;  // -W, PYTHONWARNINGS
  std::vector<std::string> xoptions;     // -X
  std::string check_hash_pycs_mode = "default";  // --check-hash-based-pycs
  // PyConfig.use_hash_seed/hash_seed: set by an embedder; otherwise PYTHONHASHSEED decides.
  std::optional<uint32_t> hash_seed;
  // PyConfig.home: the prefix holding lib/python3.14 ("": PYTHONHOME or beside the executable).
  std::string home;
};

}  // namespace cppy::runtime
