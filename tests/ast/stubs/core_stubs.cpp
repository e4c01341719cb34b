// Test-only stand-ins for the object core (errors, exception types and instances with
// attributes, None/Ellipsis, a few abstract protocols) so that tests/ast links and runs while
// the core is not on main. tests/cmake/ast.cmake builds this file only in that case.
#include <cstdarg>
#include <map>
#include <string>

#include "ast/core_api.h"

namespace cppy::objects {

TypeObject BaseObject_Type{};
TypeObject Type_Type{};
Object NotImplementedStruct{kImmortalRefcnt, nullptr};
namespace {
Object* none_repr(Object*) { return str_from_cstr("None"); }
Object* ellipsis_repr(Object*) { return str_from_cstr("Ellipsis"); }
TypeObject make_singleton_type(const char* name, reprfunc repr) {
  TypeObject t{};
  t.name = name;
  t.repr = repr;
  return t;
}
TypeObject g_none_type = make_singleton_type("NoneType", none_repr);
TypeObject g_ellipsis_type = make_singleton_type("ellipsis", ellipsis_repr);
}  // namespace
Object NoneStruct{kImmortalRefcnt, &g_none_type};
Object EllipsisStruct{kImmortalRefcnt, &g_ellipsis_type};

namespace {

// An exception: its type and its attributes (msg holds the message).
struct StubException : Object {
  std::map<std::string, Object*> attrs;
};

void stub_exception_dealloc(Object* o) {
  auto* e = static_cast<StubException*>(o);
  for (auto& [k, v] : e->attrs) xdecref(v);
  delete e;
}

TypeObject make_type(const char* name) {
  TypeObject t{};
  t.name = name;
  t.dealloc = stub_exception_dealloc;
  return t;
}

TypeObject g_types[] = {make_type("TypeError"),          make_type("ValueError"),
                        make_type("IndexError"),         make_type("OverflowError"),
                        make_type("SystemError"),        make_type("LookupError"),
                        make_type("UnicodeDecodeError"), make_type("UnicodeEncodeError"),
                        make_type("ZeroDivisionError"),  make_type("MemoryError"),
                        make_type("KeyError"),           make_type("RuntimeError"),
                        make_type("SyntaxError"),        make_type("RecursionError")};

}  // namespace

TypeObject* exc_TypeError = &g_types[0];
TypeObject* exc_ValueError = &g_types[1];
TypeObject* exc_IndexError = &g_types[2];
TypeObject* exc_OverflowError = &g_types[3];
TypeObject* exc_SystemError = &g_types[4];
TypeObject* exc_LookupError = &g_types[5];
TypeObject* exc_UnicodeDecodeError = &g_types[6];
TypeObject* exc_UnicodeEncodeError = &g_types[7];
TypeObject* exc_ZeroDivisionError = &g_types[8];
TypeObject* exc_MemoryError = &g_types[9];
TypeObject* exc_KeyError = &g_types[10];
TypeObject* exc_RuntimeError = &g_types[11];
TypeObject* exc_SyntaxError = &g_types[12];
TypeObject* exc_RecursionError = &g_types[13];

void dealloc(Object* o) { o->type->dealloc(o); }

int type_ready(TypeObject*) { return 0; }

bool is_subtype(TypeObject* a, TypeObject* b) {
  for (TypeObject* t = a; t; t = t->base)
    if (t == b) return true;
  return false;
}

Object* object_repr(Object* o) { return o->type->repr(o); }

Object* object_str(Object* o) {
  for (auto& t : g_types) {
    if (o->type == &t) {
      auto* e = static_cast<StubException*>(o);
      auto it = e->attrs.find("msg");
      return it != e->attrs.end() && it->second ? new_ref(it->second) : str_from_cstr("");
    }
  }
  return o->type->str ? o->type->str(o) : o->type->repr(o);
}

Object* object_getattr_string(Object* o, const char* name) {
  auto* e = static_cast<StubException*>(o);
  auto it = e->attrs.find(name);
  if (it == e->attrs.end()) {
    errors::set_string(exc_ValueError, "no such attribute");
    return nullptr;
  }
  return new_ref(it->second);
}

int object_setattr_string(Object* o, const char* name, Object* value) {
  auto* e = static_cast<StubException*>(o);
  Object*& slot = e->attrs[name];
  xsetref(slot, new_ref(value));
  return 0;
}

Object* object_get_iter(Object*) {
  errors::set_string(exc_TypeError, "iteration is not available in the test stand-ins");
  return nullptr;
}
Object* iter_next(Object*) { return nullptr; }

namespace {
int g_depth = 0;
}
int enter_recursive_call(const char* where) {
  if (++g_depth > 3000) {
    --g_depth;
    errors::format(exc_RecursionError, "maximum recursion depth exceeded%s", where);
    return -1;
  }
  return 0;
}
void leave_recursive_call() { --g_depth; }

}  // namespace cppy::objects

namespace cppy::errors {

namespace {
Object* g_exc = nullptr;

void raise(TypeObject* type, Object* message) {
  auto* e = new objects::StubException();
  e->refcnt = 1;
  e->type = type;
  e->attrs["msg"] = message ? message : objects::str_from_cstr("");
  objects::xsetref(g_exc, static_cast<Object*>(e));
}
}  // namespace

TypeObject* occurred() { return g_exc ? g_exc->type : nullptr; }
void clear() { objects::clear(g_exc); }
Object* get_raised_exception() {
  Object* e = g_exc;
  g_exc = nullptr;
  return e;
}
void set_raised_exception(Object* exc) { objects::xsetref(g_exc, exc); }
void set_string(TypeObject* type, const char* message) { raise(type, objects::str_from_cstr(message)); }
void set_object(TypeObject* type, Object* value) {
  raise(type, value ? objects::object_str(value) : nullptr);
}
std::nullptr_t format(TypeObject* type, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  Object* msg = objects::str_from_format_v(fmt, args);
  va_end(args);
  raise(type, msg);
  return nullptr;
}
std::nullptr_t no_memory() {
  set_string(objects::exc_MemoryError, "");
  return nullptr;
}
std::nullptr_t set_from_errno(TypeObject* type) {
  set_string(type, "errno");
  return nullptr;
}
void bad_internal_call() { set_string(objects::exc_SystemError, "bad internal call"); }

}  // namespace cppy::errors
