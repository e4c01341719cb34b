// The import machinery: Python/import.c. So far the _imp module, which importlib._bootstrap
// and _bootstrap_external use to create built-in modules and read .pyc files.
#pragma once

#include "modules/moduledef.h"

namespace cppy::imp {

// The _imp module's definition (Python/import.c imp_module).
modules::ModuleDef* module_def();

// The magic number of 3.14.2's .pyc files (Lib/importlib/_bootstrap_external.py MAGIC_NUMBER).
inline constexpr unsigned kPycMagicNumber = 3627;
// _imp.pyc_magic_number_token: the 4-byte .pyc header word, as a little-endian integer.
inline constexpr unsigned long kPycMagicNumberToken =
    kPycMagicNumber | (static_cast<unsigned long>('\r') << 16) |
    (static_cast<unsigned long>('\n') << 24);

// The import lock (_PyImport_AcquireLock / _PyImport_ReleaseLock): re-entrant, one thread.
void acquire_lock();
int release_lock();  // -1 when not held
bool lock_held();

}  // namespace cppy::imp
