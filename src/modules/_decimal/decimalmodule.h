// The _decimal module: Modules/_decimal/_decimal.c (Decimal, Context, the signals,
// getcontext/setcontext/localcontext) over the arithmetic of mpdecimal.h.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::decimal {

ModuleDef* module_def();

}  // namespace cppy::modules::decimal
