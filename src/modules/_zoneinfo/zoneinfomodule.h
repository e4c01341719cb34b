// The _zoneinfo module: Modules/_zoneinfo.c (zoneinfo.ZoneInfo).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_zoneinfo {

ModuleDef* module_def();

}  // namespace cppy::modules::_zoneinfo
