// The _tokenize module: Python/Python-tokenize.c (TokenizerIter behind Lib/tokenize.py).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::tokenize {

ModuleDef* module_def();

}  // namespace cppy::modules::tokenize
