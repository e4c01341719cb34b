// The unicodedata module: Modules/unicodedata.c over the database of src/unicode.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::unicodedata {

ModuleDef* module_def();

}  // namespace cppy::modules::unicodedata
