// The format mini-language of Python/formatter_unicode.c: what str.__format__,
// int.__format__ and float.__format__ do with a format spec ("[[fill]align][sign][z][#][0]
// [width][grouping][.precision[grouping]][type]").
#pragma once

#include "objects/object.h"

namespace cppy::objects {

// _PyUnicode_FormatAdvancedWriter, _PyLong_FormatAdvancedWriter,
// _PyFloat_FormatAdvancedWriter: spec is a str; new str or nullptr with ValueError etc.
Object* format_str_spec(Object* obj, Object* spec);
Object* format_long_spec(Object* obj, Object* spec);
Object* format_float_spec(Object* obj, Object* spec);
Object* format_complex_spec(Object* obj, Object* spec);

}  // namespace cppy::objects
