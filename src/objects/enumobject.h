// enumerate and reversed: Objects/enumobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

extern TypeObject enum_type;      // enumerate
extern TypeObject reversed_type;  // reversed

}  // namespace cppy::objects
