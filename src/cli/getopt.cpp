#include "cli/getopt.h"

#include <cstdio>
#include <cstring>

namespace cppy::cli {

int GetOpt::next() {
  if (pending_.empty()) {
    if (optind_ >= argv_.size()) return -1;
    const std::string& arg = argv_[optind_];
    if (arg.size() < 2 || arg[0] != '-') return -1;  // an operand, or a lone "-"
    if (arg == "--") {
      ++optind_;
      return -1;
    }
    if (arg == "--help") {
      ++optind_;
      return 'h';
    }
    if (arg == "--version") {
      ++optind_;
      return 'V';
    }
    pending_ = arg.substr(1);
    ++optind_;
  }

  char option = pending_[0];
  pending_.erase(0, 1);

  if (option == '-') {
    // A long option: the whole rest of the argument is its name.
    std::string name = pending_;
    pending_.clear();
    if (name.empty()) {
      std::fprintf(stderr, "expected long option\n");
      return -1;
    }
    const LongOption* opt = longopts_;
    while (opt && opt->name && name != opt->name) ++opt;
    if (!opt || !opt->name) {
      std::fprintf(stderr, "unknown option %s\n", argv_[optind_ - 1].c_str());
      return '_';
    }
    if (!opt->has_arg) return opt->val;
    if (optind_ >= argv_.size()) {
      std::fprintf(stderr, "Argument expected for the %s options\n", argv_[optind_ - 1].c_str());
      return '_';
    }
    optarg_ = argv_[optind_++];
    return opt->val;
  }

  if (option == 'J') {
    std::fprintf(stderr, "-J is reserved for Jython\n");
    return '_';
  }

  const char* spec = option ? std::strchr(optstring_, option) : nullptr;
  if (!spec) {
    std::fprintf(stderr, "Unknown option: -%c\n", option);
    return '_';
  }
  if (spec[1] == ':') {
    if (!pending_.empty()) {
      optarg_ = pending_;
      pending_.clear();
    } else {
      if (optind_ >= argv_.size()) {
        std::fprintf(stderr, "Argument expected for the -%c option\n", option);
        return '_';
      }
      optarg_ = argv_[optind_++];
    }
  }
  return option;
}

}  // namespace cppy::cli
