#include "cli/options.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/getopt.h"
#include "runtime/buildinfo.h"

namespace cppy::cli {

namespace {

// CPython's PROGRAM_OPTS.
constexpr const char* kProgramOpts = "bBc:dEhiIm:OPqRsStuvVW:xX:?";

enum LongOptionCode { kCheckHashPycs = 0, kHelpEnv, kHelpXOptions, kHelpAll };

constexpr LongOption kLongOptions[] = {
    {"check-hash-based-pycs", true, kCheckHashPycs},
    {"help-env", false, kHelpEnv},
    {"help-xoptions", false, kHelpXOptions},
    {"help-all", false, kHelpAll},
    {nullptr, false, 0},
};

constexpr const char* kUsageLine =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

constexpr const char* kUsageHelp =
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about converting bytes/bytearray to str and comparing\n"
    "         bytes/bytearray with str or bytes with int. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output (for experts only)\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolate Python from the user's environment (implies -E, -P and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
    "         .pyc extension; also PYTHONOPTIMIZE=x\n"
    "-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
    "         .pyc extension\n"
    "-P     : don't prepend a potentially unsafe path to sys.path; also\n"
    "         PYTHONSAFEPATH\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE=x\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
    "         can be supplied multiple times to increase verbosity\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how Python invalidates hash-based .pyc files\n"
    "--help-env: print help about Python environment variables and exit\n"
    "--help-xoptions: print help about implementation-specific -X options and exit\n"
    "--help-all: print complete help information and exit\n"
    "\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

constexpr const char* kUsageEnv =
    "Environment variables that change behavior:\n"
    "PYTHONDONTWRITEBYTECODE: don't write .pyc files (-B)\n"
    "PYTHONHASHSEED: if this variable is set to 'random', a random value is used\n"
    "         to seed the hashes of str and bytes objects.  It can also be set to an\n"
    "         integer in the range [0,4294967295] to get hash values with a\n"
    "         predictable seed.\n"
    "PYTHONHOME: alternate <prefix> directory (the standard library is searched in\n"
    "         <prefix>/lib/python3.14)\n"
    "PYTHONINSPECT: inspect interactively after running script (-i)\n"
    "PYTHONNOUSERSITE: disable user site directory (-s)\n"
    "PYTHONOPTIMIZE: enable level 1 optimizations (-O)\n"
    "PYTHONPATH: ':'-separated list of directories prefixed to the default module\n"
    "         search path\n"
    "PYTHONSAFEPATH: don't prepend a potentially unsafe path to sys.path (-P)\n"
    "PYTHONUNBUFFERED: disable stdout/stderr buffering (-u)\n"
    "PYTHONVERBOSE: trace import statements (-v)\n"
    "PYTHONWARNINGS: warning control (-W)\n";

constexpr const char* kUsageXOptions =
    "The following implementation-specific options are available:\n"
    "-X dev: enable Python Development Mode\n"
    "-X importtime[=2]: show how long each import takes; use -X importtime=2 to\n"
    "         log imports of already-loaded modules; also PYTHONPROFILEIMPORTTIME\n"
    "-X utf8[=0|1]: enable (1) or disable (0) UTF-8 mode\n"
    "-X warn_default_encoding: enable opt-in EncodingWarning for 'encoding=None'\n"
    "-X int_max_str_digits=N: limit the size of int<->str conversions\n";

void usage(bool error, const std::string& program) {
  std::FILE* out = error ? stderr : stdout;
  std::fprintf(out, kUsageLine, program.c_str());
  if (error)
    std::fprintf(out, "Try `python -h' for more information.\n");
  else
    std::fputs(kUsageHelp, out);
}

// The value of an environment variable unless -E or -I is in force; "" counts as unset.
const char* env(const runtime::Config& config, const char* name) {
  if (config.ignore_environment) return nullptr;
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

// config_get_env_dup + _Py_str_to_int: an integer-valued flag variable.
int env_int_flag(const runtime::Config& config, const char* name) {
  const char* value = env(config, name);
  if (!value) return 0;
  char* end = nullptr;
  long n = std::strtol(value, &end, 10);
  if (end && *end == '\0' && n >= 0) return static_cast<int>(n);
  return 1;
}

void read_environment(runtime::Config& config) {
  if (env(config, "PYTHONDONTWRITEBYTECODE")) config.dont_write_bytecode = true;
  if (env(config, "PYTHONINSPECT")) config.inspect = true;
  if (env(config, "PYTHONNOUSERSITE")) config.no_user_site = true;
  if (env(config, "PYTHONSAFEPATH")) config.safe_path = true;
  if (env(config, "PYTHONUNBUFFERED")) config.buffered_stdio = false;
  config.optimization_level = std::max(config.optimization_level,
                                       env_int_flag(config, "PYTHONOPTIMIZE"));
  config.verbose = std::max(config.verbose, env_int_flag(config, "PYTHONVERBOSE"));
  if (const char* warnings = env(config, "PYTHONWARNINGS")) {
    // Environment warnings come before the -W options, as in config_init_warnoptions.
    std::vector<std::string> from_env;
    std::string all(warnings);
    size_t start = 0;
    while (start <= all.size()) {
      size_t comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      if (comma > start) from_env.push_back(all.substr(start, comma - start));
      start = comma + 1;
    }
    config.warnoptions.insert(config.warnoptions.begin(), from_env.begin(), from_env.end());
  }
}

}  // namespace

ParsedCommandLine parse_command_line(const std::vector<std::string>& argv) {
  ParsedCommandLine result;
  runtime::Config& config = result.config;
  config.orig_argv = argv;
  config.program_name = argv.empty() ? "cppy" : argv[0];

  GetOpt getopt(argv, kProgramOpts, kLongOptions);
  int print_version = 0;
  auto usage_error = [&]() {
    usage(true, config.program_name);
    result.exit_now = true;
    result.exit_status = 2;
    return result;
  };

  for (;;) {
    int c = getopt.next();
    if (c == -1) break;
    switch (c) {
      case 'c':
        // -c terminates the option list; the code gets a trailing newline as in CPython.
        config.run_command = getopt.optarg() + "\n";
        break;
      case 'm':
        config.run_module = getopt.optarg();
        break;
      case kCheckHashPycs:
        if (getopt.optarg() != "always" && getopt.optarg() != "never" &&
            getopt.optarg() != "default") {
          std::fprintf(stderr, "--check-hash-based-pycs must be one of 'default', "
                               "'always', or 'never'\n");
          return usage_error();
        }
        config.check_hash_pycs_mode = getopt.optarg();
        break;
      case kHelpEnv:
        std::fputs(kUsageEnv, stdout);
        result.exit_now = true;
        return result;
      case kHelpXOptions:
        std::fputs(kUsageXOptions, stdout);
        result.exit_now = true;
        return result;
      case kHelpAll:
        usage(false, config.program_name);
        std::fputs("\n", stdout);
        std::fputs(kUsageEnv, stdout);
        std::fputs("\n", stdout);
        std::fputs(kUsageXOptions, stdout);
        result.exit_now = true;
        return result;
      case 'b': config.bytes_warning++; break;
      case 'd': config.parser_debug++; break;
      case 'i': config.inspect = true; config.interactive = true; break;
      case 'I':
        config.isolated = true;
        config.ignore_environment = true;
        config.safe_path = true;
        config.no_user_site = true;
        break;
      case 'P': config.safe_path = true; break;
      case 'O': config.optimization_level++; break;
      case 'B': config.dont_write_bytecode = true; break;
      case 's': config.no_user_site = true; break;
      case 'S': config.site_import = false; break;
      case 'E': config.ignore_environment = true; break;
      case 't': break;  // ignored for backwards compatibility
      case 'u': config.buffered_stdio = false; break;
      case 'v': config.verbose++; break;
      case 'x': config.skip_source_first_line = true; break;
      case 'h':
      case '?':
        usage(false, config.program_name);
        result.exit_now = true;
        return result;
      case 'V': print_version++; break;
      case 'W': config.warnoptions.push_back(getopt.optarg()); break;
      case 'X': config.xoptions.push_back(getopt.optarg()); break;
      case 'q': config.quiet = true; break;
      case 'R': break;  // hash randomization is always on
      default:
        return usage_error();
    }
    if (config.run_command || config.run_module) break;
  }

  if (print_version) {
    if (print_version >= 2)
      std::printf("Python %s\n", runtime::full_version().c_str());
    else
      std::printf("Python %s (cppy %s)\n", runtime::python_version(), runtime::cppy_version());
    result.exit_now = true;
    return result;
  }

  size_t optind = getopt.optind();
  // The first operand is the script ("-" for stdin) unless -c or -m gave the program.
  if (!config.run_command && !config.run_module && optind < argv.size())
    config.run_filename = argv[optind];

  // sys.argv: argv[0] names what runs ("-c", "-m", the script, or "" for stdin).
  if (config.run_command) {
    config.argv.push_back("-c");
  } else if (config.run_module) {
    config.argv.push_back("-m");
  } else if (config.run_filename) {
    config.argv.push_back(*config.run_filename);
    ++optind;
  } else {
    config.argv.push_back("");
  }
  for (size_t i = optind; i < argv.size(); ++i) config.argv.push_back(argv[i]);

  read_environment(config);
  // config_init_dev_mode: -X dev (with or without a value), else a non-empty PYTHONDEVMODE.
  for (const std::string& x : config.xoptions)
    if (x == "dev" || x.rfind("dev=", 0) == 0) config.dev_mode = true;
  if (env(config, "PYTHONDEVMODE")) config.dev_mode = true;
  // config_init_warnoptions: lowest precedence first, since the warnings module checks the
  // filter added last first: -X dev's "default", PYTHONWARNINGS, -W, then -b's BytesWarning.
  if (config.dev_mode) config.warnoptions.insert(config.warnoptions.begin(), "default");
  if (config.bytes_warning)
    config.warnoptions.push_back(config.bytes_warning > 1 ? "error::BytesWarning"
                                                          : "default::BytesWarning");
  return result;
}

}  // namespace cppy::cli
