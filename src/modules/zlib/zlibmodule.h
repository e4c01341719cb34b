// The zlib module: Modules/zlibmodule.c over the system zlib (compress, decompress, the
// Compress / Decompress / _ZlibDecompressor objects, crc32, adler32, the constants).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::zlib {

ModuleDef* module_def();

}  // namespace cppy::modules::zlib
