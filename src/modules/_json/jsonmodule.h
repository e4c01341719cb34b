// The _json module: Modules/_json.c (the json package's scanner and encoder accelerators:
// scanstring, make_scanner, make_encoder, encode_basestring, encode_basestring_ascii).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_json {

ModuleDef* module_def();

}  // namespace cppy::modules::_json
