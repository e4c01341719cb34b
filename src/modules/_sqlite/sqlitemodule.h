// The _sqlite3 module: Modules/_sqlite/ (module.c, connection.c, cursor.c, row.c, statement.c,
// microprotocols.c, prepare_protocol.c, util.c) over the system SQLite library.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_sqlite {

ModuleDef* module_def();

}  // namespace cppy::modules::_sqlite
