// The _queue module: Modules/_queuemodule.c (SimpleQueue, Empty), the C accelerator of
// queue.SimpleQueue.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_queue {

ModuleDef* module_def();

}  // namespace cppy::modules::_queue
