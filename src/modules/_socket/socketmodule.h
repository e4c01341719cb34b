// The _socket module: Modules/socketmodule.c for Linux (AF_INET, AF_INET6, AF_UNIX).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_socket {

ModuleDef* module_def();

}  // namespace cppy::modules::_socket
