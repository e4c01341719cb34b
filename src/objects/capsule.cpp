// PyCapsule: Objects/capsule.c.
#include "objects/capsule.h"

#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

namespace {

struct CapsuleObject : Object {
  void* pointer;
  const char* name;
  void* context;
  CapsuleDestructor destructor;
};

CapsuleObject* cap(Object* o) { return static_cast<CapsuleObject*>(o); }

// name_matches: both null, or equal strings.
bool name_matches(const char* a, const char* b) {
  if (!a || !b) return a == b;
  return std::strcmp(a, b) == 0;
}

// _is_legal_capsule.
bool legal_capsule(Object* o, const char* invalid_capsule) {
  if (!o || !capsule_check_exact(o) || !cap(o)->pointer) {
    errors::set_string(exc_ValueError, invalid_capsule);
    return false;
  }
  return true;
}

void capsule_dealloc(Object* o) {
  CapsuleObject* c = cap(o);
  if (c->destructor) c->destructor(o);
  gc::object_free(o);
}

Object* capsule_repr(Object* o) {
  CapsuleObject* c = cap(o);
  if (c->name) return str_from_format("<capsule object \"%s\" at %p>", c->name, o);
  return str_from_format("<capsule object NULL at %p>", o);
}

}  // namespace

Object* capsule_new(void* pointer, const char* name, CapsuleDestructor destructor) {
  if (!pointer) {
    errors::set_string(exc_ValueError, "PyCapsule_New called with null pointer");
    return nullptr;
  }
  auto* c = static_cast<CapsuleObject*>(gc::object_malloc(sizeof(CapsuleObject)));
  if (!c) return errors::no_memory();
  c->refcnt = 1;
  c->type = &capsule_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  c->pointer = pointer;
  c->name = name;
  c->context = nullptr;
  c->destructor = destructor;
  return c;
}

bool capsule_is_valid(Object* o, const char* name) {
  return o && capsule_check_exact(o) && cap(o)->pointer && name_matches(cap(o)->name, name);
}

void* capsule_get_pointer(Object* o, const char* name) {
  if (!legal_capsule(o, "PyCapsule_GetPointer called with invalid PyCapsule object"))
    return nullptr;
  if (!name_matches(name, cap(o)->name)) {
    errors::set_string(exc_ValueError, "PyCapsule_GetPointer called with incorrect name");
    return nullptr;
  }
  return cap(o)->pointer;
}

const char* capsule_get_name(Object* o) {
  if (!legal_capsule(o, "PyCapsule_GetName called with invalid PyCapsule object")) return nullptr;
  return cap(o)->name;
}

void* capsule_get_context(Object* o) {
  if (!legal_capsule(o, "PyCapsule_GetContext called with invalid PyCapsule object"))
    return nullptr;
  return cap(o)->context;
}

int capsule_set_context(Object* o, void* context) {
  if (!legal_capsule(o, "PyCapsule_SetContext called with invalid PyCapsule object")) return -1;
  cap(o)->context = context;
  return 0;
}

int capsule_set_pointer(Object* o, void* pointer) {
  if (!pointer) {
    errors::set_string(exc_ValueError, "PyCapsule_SetPointer called with null pointer");
    return -1;
  }
  if (!legal_capsule(o, "PyCapsule_SetPointer called with invalid PyCapsule object")) return -1;
  cap(o)->pointer = pointer;
  return 0;
}

TypeObject capsule_type = [] {
  TypeObject t = static_type("PyCapsule", sizeof(CapsuleObject), 0, 0);
  t.dealloc = capsule_dealloc;
  t.repr = capsule_repr;
  t.getattro = object_generic_getattr;
  t.doc =
      "Capsule objects let you wrap a C \"void *\" pointer in a Python\n"
      "object.  They're a way of passing data through the Python interpreter\n"
      "without creating your own custom type.\n\n"
      "Capsules are used for communication between extension modules.\n"
      "They provide a way for an extension module to export a C interface\n"
      "to other extension modules, so that extension modules can use the\n"
      "Python import mechanism to link to one another.\n";
  return t;
}();

}  // namespace cppy::objects
