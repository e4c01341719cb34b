#include "runtime/preconfig.h"

#include <langinfo.h>

#include <clocale>
#include <cstdlib>
#include <cstring>

namespace cppy::runtime {

namespace {

// Written once by preconfig_read at start-up.
int g_utf8_mode = 0;
bool g_use_environment = true;
bool g_warn_default_encoding = false;
int g_optimization_level = 0;
bool g_dev_mode = false;

// The LC_CTYPE locale is the legacy "C" or "POSIX" one (_Py_LegacyLocaleDetected without the
// LC_ALL check that only coercion needs).
bool legacy_ctype_locale() {
  const char* loc = std::setlocale(LC_CTYPE, nullptr);
  return loc && (std::strcmp(loc, "C") == 0 || std::strcmp(loc, "POSIX") == 0);
}

// _Py_IsLocaleCoercionTarget: the locales C locale coercion would pick.
bool coercion_target_locale(const char* loc) {
  return std::strcmp(loc, "C.UTF-8") == 0 || std::strcmp(loc, "C.utf8") == 0 ||
         std::strcmp(loc, "UTF-8") == 0;
}

}  // namespace

int preconfig_read(const Config& config, std::string* message) {
  g_use_environment = !config.ignore_environment;
  g_optimization_level = config.optimization_level;
  g_dev_mode = config.dev_mode;
  int mode = -1;
  // preconfig_init_utf8_mode: -X utf8 first.
  for (const std::string& x : config.xoptions) {
    if (x == "utf8") {
      mode = 1;
    } else if (x.rfind("utf8=", 0) == 0) {
      std::string v = x.substr(5);
      if (v == "1") {
        mode = 1;
      } else if (v == "0") {
        mode = 0;
      } else {
        *message = "invalid -X utf8 option value";
        return -1;
      }
    }
  }
  if (mode < 0 && !config.ignore_environment) {
    const char* env = std::getenv("PYTHONUTF8");
    if (env && *env) {
      if (std::strcmp(env, "1") == 0) {
        mode = 1;
      } else if (std::strcmp(env, "0") == 0) {
        mode = 0;
      } else {
        *message = "invalid PYTHONUTF8 environment variable value";
        return -1;
      }
    }
  }
  g_warn_default_encoding = false;
  for (const std::string& x : config.xoptions)
    if (x == "warn_default_encoding") g_warn_default_encoding = true;
  if (!config.ignore_environment) {
    const char* env = std::getenv("PYTHONWARNDEFAULTENCODING");
    if (env && *env) g_warn_default_encoding = true;
  }
  // preconfig_read: the C and POSIX locales turn UTF-8 mode on.
  if (mode < 0) mode = legacy_ctype_locale() ? 1 : 0;
  g_utf8_mode = mode;
  return 0;
}

bool utf8_mode() { return g_utf8_mode != 0; }

bool use_environment() { return g_use_environment; }

bool warn_default_encoding() { return g_warn_default_encoding; }

int optimization_level() { return g_optimization_level; }
bool dev_mode() { return g_dev_mode; }

std::string locale_encoding() {
  const char* codeset = ::nl_langinfo(CODESET);
  if (!codeset || !*codeset) return "UTF-8";
  return codeset;
}

std::string preferred_encoding() { return utf8_mode() ? "utf-8" : locale_encoding(); }

const char* stdio_errors() {
  if (utf8_mode()) return "surrogateescape";
  const char* loc = std::setlocale(LC_CTYPE, nullptr);
  if (loc && (std::strcmp(loc, "C") == 0 || std::strcmp(loc, "POSIX") == 0 ||
              coercion_target_locale(loc)))
    return "surrogateescape";
  return "strict";
}

}  // namespace cppy::runtime
