// The _weakref module: Modules/_weakref.c (implemented in objects/weakrefobject.cpp).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_weakref {

ModuleDef* module_def();

}  // namespace cppy::modules::_weakref
