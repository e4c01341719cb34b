// The _operator module: Modules/_operator.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::operator_ {

ModuleDef* module_def();

// The types, for the modules that build them directly (functools' reduce of methodcaller).
extern objects::TypeObject itemgetter_type;
extern objects::TypeObject attrgetter_type;
extern objects::TypeObject methodcaller_type;

}  // namespace cppy::modules::operator_
