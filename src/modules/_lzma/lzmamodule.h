// The _lzma module: Modules/_lzmamodule.c over liblzma (LZMACompressor, LZMADecompressor,
// is_check_supported, the filter property helpers, LZMAError, the constants).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_lzma {

ModuleDef* module_def();

}  // namespace cppy::modules::_lzma
