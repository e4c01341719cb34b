// The _bz2 module: Modules/_bz2module.c over libbz2 (BZ2Compressor, BZ2Decompressor).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_bz2 {

ModuleDef* module_def();

}  // namespace cppy::modules::_bz2
