// Argument converters shared by the native modules, as Argument Clinic's generated code
// converts parameters (Python/getargs.c, Python/modsupport.c).
#pragma once

#include "objects/object.h"

namespace cppy::modules {

using objects::Object;
using objects::ssize;

// The Py_ssize_t converter: __index__ then PyLong_AsSsize_t (OverflowError). False on error.
bool ssize_converter(Object* arg, ssize* out);
// _Py_convert_optional_to_ssize_t: None leaves *out unchanged; other objects need __index__
// ("argument should be integer or None, not 'T'"). False on error.
bool optional_ssize_converter(Object* arg, ssize* out);

}  // namespace cppy::modules
