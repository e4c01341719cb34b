// The _string module (Objects/unicodeobject.c's _string_methods): formatter_parser and
// formatter_field_name_split, whose iterators live with str.format in
// objects/unicode_format.cpp.
#include "modules/_string/stringmodule.h"

#include "objects/unicode_format.h"

namespace cppy::modules::_string {

using namespace objects;

namespace {

Object* string_formatter_parser(Object*, Object* self) { return formatter_parser(self); }
Object* string_formatter_field_name_split(Object*, Object* self) {
  return formatter_field_name_split(self);
}

MethodDef functions[] = {
    {"formatter_field_name_split", reinterpret_cast<void*>(string_formatter_field_name_split),
     kMethO, "split the argument as a field name"},
    {"formatter_parser", reinterpret_cast<void*>(string_formatter_parser), kMethO,
     "parse the argument as a format string"},
    {nullptr, nullptr, 0, nullptr}};

ModuleDef def = {"_string", "string helper module", functions, nullptr};

}  // namespace

ModuleDef* module_def() { return &def; }

}  // namespace cppy::modules::_string
