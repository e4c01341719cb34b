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
// PyLong_AsUnsignedLongLongMask on __index__: the low 64 bits of any int (two's complement
// for negative values). False on error.
bool u64_mask_converter(Object* arg, unsigned long long* out);
// PyLong_AsUnsignedLongLong of an int: ValueError "Cannot convert negative int" below 0,
// OverflowError "Python int too large for C <ctype>" above max. False on error.
bool unsigned_converter(Object* arg, unsigned long long max, const char* ctype,
                        unsigned long long* out);

}  // namespace cppy::modules
