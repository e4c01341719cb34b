// Test-only stand-ins for the object core (errors, exceptions, object/type singletons,
// object_repr/object_str) so that the text objects' tests link while the core is not on
// main. tests/cmake/text.cmake builds this file only when src/errors/errors.cpp is absent.
#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <cstdio>
#include <string>

#include "errors/errors.h"
#include "objects/text_support.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

TypeObject BaseObject_Type{};
TypeObject Type_Type{};
Object NotImplementedStruct{kImmortalRefcnt, nullptr};
Object NoneStruct{kImmortalRefcnt, nullptr};

namespace {
TypeObject g_exc_types[10];
}
TypeObject* exc_TypeError = &g_exc_types[0];
TypeObject* exc_ValueError = &g_exc_types[1];
TypeObject* exc_IndexError = &g_exc_types[2];
TypeObject* exc_OverflowError = &g_exc_types[3];
TypeObject* exc_SystemError = &g_exc_types[4];
TypeObject* exc_LookupError = &g_exc_types[5];
TypeObject* exc_UnicodeDecodeError = &g_exc_types[6];
TypeObject* exc_UnicodeEncodeError = &g_exc_types[7];
TypeObject* exc_ZeroDivisionError = &g_exc_types[8];
TypeObject* exc_MemoryError = &g_exc_types[9];

int type_ready(TypeObject*) { return 0; }

void dealloc(Object* o) { o->type->dealloc(o); }

bool is_subtype(TypeObject* a, TypeObject* b) {
  for (TypeObject* t = a; t; t = t->base)
    if (t == b) return true;
  return false;
}

Object* object_repr(Object* o) { return o->type->repr(o); }
Object* object_str(Object* o) { return o->type->str ? o->type->str(o) : o->type->repr(o); }

}  // namespace cppy::objects

namespace cppy::errors {

namespace {
TypeObject* g_type = nullptr;
Object* g_value = nullptr;  // the message, as a str
}  // namespace

TypeObject* occurred() { return g_type; }
void clear() {
  g_type = nullptr;
  objects::clear(g_value);
}
// The stand-in exception "instance" is its message string.
Object* get_raised_exception() {
  Object* v = g_value;
  g_value = nullptr;
  g_type = nullptr;
  return v;
}
void set_string(TypeObject* type, const char* message) {
  clear();
  g_type = type;
  g_value = objects::str_from_cstr(message);
}
std::nullptr_t format(TypeObject* type, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  Object* msg = objects::str_from_format_v(fmt, args);
  va_end(args);
  clear();
  g_type = type;
  g_value = msg;
  return nullptr;
}
std::nullptr_t no_memory() {
  set_string(objects::exc_MemoryError, "");
  return nullptr;
}
std::nullptr_t set_from_errno(TypeObject* type) {
  format(type, "[Errno %d] %s", errno, std::strerror(errno));
  return nullptr;
}
void bad_internal_call() { set_string(objects::exc_SystemError, "bad internal call"); }

}  // namespace cppy::errors
