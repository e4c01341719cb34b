// The _testbuffer module (Modules/_testbuffer.c): ndarray, the PEP 3118 test exporter.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::testbuffer {

ModuleDef* module_def();

}  // namespace cppy::modules::testbuffer
