// Command-line option scanning: a port of Python/getopt.c (_PyOS_GetOpt).
#pragma once

#include <string>
#include <vector>

namespace cppy::cli {

struct LongOption {
  const char* name;  // without the leading "--"
  bool has_arg;
  int val;           // returned when the option is seen
};

// Scans one option at a time, like _PyOS_GetOpt. next() returns the option character,
// -1 at the end of the options, or '_' after writing an error message to stderr.
class GetOpt {
 public:
  GetOpt(const std::vector<std::string>& argv, const char* optstring,
         const LongOption* longopts)
      : argv_(argv), optstring_(optstring), longopts_(longopts) {}

  int next();
  // Index of the first argument not yet consumed (_PyOS_optind).
  size_t optind() const { return optind_; }
  // The argument of the last option that takes one (_PyOS_optarg).
  const std::string& optarg() const { return optarg_; }

 private:
  const std::vector<std::string>& argv_;
  const char* optstring_;
  const LongOption* longopts_;
  size_t optind_ = 1;
  std::string optarg_;
  // Position inside a cluster of short options such as "-OO"; empty between arguments.
  std::string pending_;
};

}  // namespace cppy::cli
