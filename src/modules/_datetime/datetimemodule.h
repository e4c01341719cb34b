// The _datetime module: Modules/_datetimemodule.c (date, time, datetime, timedelta, tzinfo,
// timezone and IsoCalendarDate in C++; Lib/datetime.py imports it before _pydatetime).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::datetime_ {

ModuleDef* module_def();

}  // namespace cppy::modules::datetime_
