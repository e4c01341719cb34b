// The string parsing helpers of the _string module (Objects/unicodeobject.c's
// formatter_parser / formatter_field_name_split over Objects/stringlib/unicode_format.h), in
// unicode_format.cpp beside str.format which shares the parsers.
#pragma once

#include "objects/object.h"

namespace cppy::objects {

// An iterator of (literal, field_name, format_spec, conversion) tuples; new reference.
Object* formatter_parser(Object* self);
// (first, iterator of (is_attribute, name_or_index)); new reference.
Object* formatter_field_name_split(Object* self);

}  // namespace cppy::objects
