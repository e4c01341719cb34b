// Builtin functions and methods: Include/methodobject.h, Objects/methodobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct CFunctionObject : Object {
  MethodDef* m_ml;
  Object* m_self;    // bound object, or the module for module functions (may be null)
  Object* m_module;  // __module__
  Object* m_weakreflist;
  vectorcallfunc vectorcall;
};
struct CMethodObject : CFunctionObject {
  TypeObject* mm_class;  // METH_METHOD: the defining class
};

extern TypeObject cfunction_type;  // builtin_function_or_method
extern TypeObject cmethod_type;    // builtin_method (METH_METHOD)

inline bool cfunction_check(Object* o) {
  return o->type == &cfunction_type || o->type == &cmethod_type;
}
// PyCMethod_New: a builtin function bound to self; module names its __module__.
Object* cfunction_new(MethodDef* ml, Object* self, Object* module = nullptr,
                      TypeObject* cls = nullptr);

}  // namespace cppy::objects

namespace cppy::objects {

// Bound methods (Objects/classobject.c PyMethodObject): a callable bound to self.
struct MethodObject : Object {
  Object* im_func;
  Object* im_self;
  Object* im_weakreflist;
  vectorcallfunc vectorcall;
};
extern TypeObject method_type;
Object* method_new(Object* func, Object* self);  // PyMethod_New
// _PyObject_FunctionStr: "qualname()" (with "module." unless builtins), for error messages.
Object* object_function_str(Object* x);

// instancemethod (Objects/classobject.c PyInstanceMethod_Type): binds a callable to a class
// as a method (a bound method from an instance, the callable from the class). No Python name
// gives it; C code (and _testcapi.instancemethod in CPython) creates it.
extern TypeObject instancemethod_type;
inline bool instancemethod_check(Object* o) { return o->type == &instancemethod_type; }
Object* instancemethod_new(Object* func);       // PyInstanceMethod_New
Object* instancemethod_function(Object* im);    // PyInstanceMethod_Function (borrowed)

}  // namespace cppy::objects
