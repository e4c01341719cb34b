// The pre-initialisation of Python/preconfig.c (PyPreConfig) and the locale helpers of
// Python/fileutils.c and Python/initconfig.c that depend on it: UTF-8 mode and the encodings
// and error handlers of the standard streams.
#pragma once

#include <string>

#include "runtime/config.h"

namespace cppy::runtime {

// _PyPreConfig_Read's utf8_mode, after the LC_CTYPE locale was set from the environment:
// -X utf8[=0|1], else PYTHONUTF8 (unless -E), else on when the LC_CTYPE locale is "C" or
// "POSIX" (preconfig_init_utf8_mode / the legacy locale rule). -1 with message set when an
// option or variable has an invalid value.
int preconfig_read(const Config& config, std::string* message);

// The UTF-8 mode decided by preconfig_read (_PyRuntime.preconfig.utf8_mode).
bool utf8_mode();
// PyPreConfig.use_environment: false under -E or -I.
bool use_environment();
// PyConfig.warn_default_encoding (-X warn_default_encoding, PYTHONWARNDEFAULTENCODING), read
// here with the other encoding settings: io.text_encoding(None) warns.
bool warn_default_encoding();

// PyConfig.optimization_level of the running interpreter (-O, -OO, PYTHONOPTIMIZE), recorded
// by preconfig_read: compile() and the import system's optimize=-1 mean this level.
int optimization_level();

// PyConfig.dev_mode of the running interpreter (-X dev, PYTHONDEVMODE), recorded by
// preconfig_read: str() and str.encode() then check their encoding and errors arguments.
bool dev_mode();

// _Py_GetLocaleEncoding: the LC_CTYPE codeset (nl_langinfo(CODESET)), "UTF-8" when empty.
std::string locale_encoding();

// config_get_locale_encoding: "utf-8" in UTF-8 mode, otherwise the locale's encoding.
std::string preferred_encoding();

// config_get_stdio_errors: "surrogateescape" in UTF-8 mode and in the C, POSIX and UTF-8
// coercion-target locales (C.UTF-8, C.utf8, UTF-8), else "strict".
const char* stdio_errors();

}  // namespace cppy::runtime
