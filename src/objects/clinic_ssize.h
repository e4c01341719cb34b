// Argument Clinic's Py_ssize_t converter, shared by the methods that take a Py_ssize_t
// parameter (str/bytes padding widths, list and bytearray indices, replace counts).
#pragma once

#include "objects/object.h"

namespace cppy::objects {

// _PyNumber_Index then PyLong_AsSsize_t, whose OverflowError message ("Python int too large
// to convert to C ssize_t") differs from PyNumber_AsSsize_t's. -1 with the error set on
// failure.
ssize clinic_ssize(Object* o);

}  // namespace cppy::objects
