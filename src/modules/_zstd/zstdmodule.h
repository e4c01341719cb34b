// The _zstd module: Modules/_zstd/ over libzstd (ZstdCompressor, ZstdDecompressor, ZstdDict,
// train_dict, finalize_dict, get_param_bounds, get_frame_size, get_frame_info,
// set_parameter_types, ZstdError, the constants), under compression.zstd.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_zstd {

ModuleDef* module_def();

}  // namespace cppy::modules::_zstd
