// Builtin functions and methods (Objects/methodobject.c) and bound methods
// (Objects/classobject.c, the PyMethod part).
#include "objects/methodobject.h"

#include <cstring>
#include <string_view>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "objects/typeobject_internal.h"
#include "vm/ceval.h"

namespace cppy::objects {

namespace {

inline CFunctionObject* cf(Object* o) { return static_cast<CFunctionObject*>(o); }

// The "name()" used in messages: _PyObject_FunctionStr of the builtin.
Object* cfunction_name_str(Object* func) { return object_function_str(func); }

int check_no_kwargs(Object* func, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    Ref<> name = Ref<>::steal(cfunction_name_str(func));
    if (name) errors::format(exc_TypeError, "%U takes no keyword arguments", name.get());
    return -1;
  }
  return 0;
}

Object* cfunction_vectorcall_fastcall(Object* func, Object* const* args, size_t nargsf,
                                      Object* kwnames) {
  if (check_no_kwargs(func, kwnames)) return nullptr;
  auto meth = reinterpret_cast<CFunctionFast>(cf(func)->m_ml->function);
  return meth(cf(func)->m_self, args, vectorcall_nargs(nargsf));
}

Object* cfunction_vectorcall_fastcall_keywords(Object* func, Object* const* args,
                                               size_t nargsf, Object* kwnames) {
  auto meth = reinterpret_cast<CFunctionFastWithKeywords>(cf(func)->m_ml->function);
  return meth(cf(func)->m_self, args, vectorcall_nargs(nargsf), kwnames);
}

Object* cfunction_vectorcall_fastcall_keywords_method(Object* func, Object* const* args,
                                                      size_t nargsf, Object* kwnames) {
  using Fn = Object* (*)(Object*, TypeObject*, Object* const*, ssize, Object*);
  auto meth = reinterpret_cast<Fn>(cf(func)->m_ml->function);
  return meth(cf(func)->m_self, static_cast<CMethodObject*>(func)->mm_class, args,
              vectorcall_nargs(nargsf), kwnames);
}

Object* cfunction_vectorcall_noargs(Object* func, Object* const* args, size_t nargsf,
                                    Object* kwnames) {
  if (check_no_kwargs(func, kwnames)) return nullptr;
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs != 0) {
    Ref<> name = Ref<>::steal(cfunction_name_str(func));
    if (name) errors::format(exc_TypeError, "%U takes no arguments (%zd given)", name.get(), nargs);
    return nullptr;
  }
  (void)args;
  auto meth = reinterpret_cast<CFunction>(cf(func)->m_ml->function);
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  Object* r = meth(cf(func)->m_self, nullptr);
  leave_recursive_call();
  return r;
}

Object* cfunction_vectorcall_o(Object* func, Object* const* args, size_t nargsf,
                               Object* kwnames) {
  if (check_no_kwargs(func, kwnames)) return nullptr;
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs != 1) {
    Ref<> name = Ref<>::steal(cfunction_name_str(func));
    if (name)
      errors::format(exc_TypeError, "%U takes exactly one argument (%zd given)", name.get(),
                     nargs);
    return nullptr;
  }
  auto meth = reinterpret_cast<CFunction>(cf(func)->m_ml->function);
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  Object* r = meth(cf(func)->m_self, args[0]);
  leave_recursive_call();
  return r;
}

// cfunction_call: METH_VARARGS functions take a tuple (and a dict with METH_KEYWORDS).
Object* cfunction_call(Object* func, Object* args, Object* kwargs) {
  MethodDef* ml = cf(func)->m_ml;
  int flags = ml->flags & ~(kMethClass | kMethStatic | kMethCoexist);
  // Other calling conventions go through the vectorcall entry, which checks the argument
  // count (tp_call is reached by `f.__call__(...)` and PyObject_Call).
  if (!(flags & kMethVarargs)) return vectorcall_call(func, args, kwargs);
  Object* self = cf(func)->m_self;
  Object* result;
  if (flags & kMethKeywords) {
    result = reinterpret_cast<CFunctionWithKeywords>(ml->function)(self, args, kwargs);
  } else {
    if (kwargs && dict_size(kwargs)) {
      // cfunction_call names the METH_VARARGS function by its bare ml_name.
      return errors::format(exc_TypeError, "%.200s() takes no keyword arguments", ml->name);
    }
    result = reinterpret_cast<CFunction>(ml->function)(self, args);
  }
  return check_function_result(func, result, nullptr);
}

void meth_dealloc(Object* o) {
  gc::untrack(o);
  if (cf(o)->m_weakreflist) object_clear_weakrefs(o);
  xdecref(cf(o)->m_self);
  xdecref(cf(o)->m_module);
  if (o->type == &cmethod_type) xdecref(static_cast<CMethodObject*>(o)->mm_class);
  gc::gc_free(o);
}

int meth_traverse(Object* o, visitproc visit, void* arg) {
  if (cf(o)->m_self)
    if (int r = visit(cf(o)->m_self, arg)) return r;
  if (cf(o)->m_module)
    if (int r = visit(cf(o)->m_module, arg)) return r;
  return 0;
}

Object* meth_repr(Object* o) {
  Object* self = cf(o)->m_self;
  // Module-level functions are bound to their module (PyModule_Check).
  if (self == nullptr || module_check(self))
    return str_from_format("<built-in function %s>", cf(o)->m_ml->name);
  return str_from_format("<built-in method %s of %s object at %p>", cf(o)->m_ml->name,
                         self->type->name, static_cast<void*>(self));
}

Object* meth_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || !cfunction_check(a) || !cfunction_check(b))
    return return_not_implemented();
  bool eq = cf(a)->m_self == cf(b)->m_self && cf(a)->m_ml->function == cf(b)->m_ml->function;
  return bool_from_long(op == kEQ ? eq : !eq);
}

hash_t meth_hash(Object* o) {
  hash_t x = hash_pointer(cf(o)->m_self);
  hash_t y = hash_pointer(cf(o)->m_ml->function);
  x ^= y;
  return x == -1 ? -2 : x;
}

Object* meth_get_name(Object* o, void*) { return str_from_cstr(cf(o)->m_ml->name); }

Object* meth_get_qualname(Object* o, void*) {
  // A method bound to an instance: "Type.name"; to a type: "Type.name"; a function: "name".
  Object* self = cf(o)->m_self;
  if (self == nullptr || module_check(self)) return str_from_cstr(cf(o)->m_ml->name);
  TypeObject* type = type_check_type(self) ? static_cast<TypeObject*>(self) : self->type;
  Ref<> tq = Ref<>::steal(type_get_qualname(type));
  if (!tq) return nullptr;
  return str_from_format("%U.%s", tq.get(), cf(o)->m_ml->name);
}

Object* meth_get_self(Object* o, void*) {
  Object* self = cf(o)->m_self;
  return new_ref(self ? self : none());
}

Object* meth_get_doc(Object* o, void*) {
  const char* doc = cf(o)->m_ml->doc;
  if (!doc) return return_none();
  // Drop the "name(sig)\n--\n\n" header of the internal doc.
  const char* end = std::strstr(doc, ")\n--\n\n");
  if (end && std::strncmp(doc, cf(o)->m_ml->name, std::strlen(cf(o)->m_ml->name)) == 0)
    doc = end + 6;
  if (!*doc) return return_none();  // _PyType_GetDocFromInternalDoc
  return str_from_cstr(doc);
}

Object* meth_get_module(Object* o, void*) {
  return new_ref(cf(o)->m_module ? cf(o)->m_module : none());
}
int meth_set_module(Object* o, Object* v, void*) {
  xsetref(cf(o)->m_module, xnew_ref(v));
  return 0;
}

// meth_get__text_signature__.
Object* meth_get_text_signature(Object* o, void*) {
  MethodDef* m = cf(o)->m_ml;
  return text_signature_from_internal_doc(m->name, m->doc, m->flags);
}
// meth_reduce: a module function pickles as its name; a bound method as getattr(self, name).
Object* meth_reduce(Object* o, Object*) {
  Object* self = cf(o)->m_self;
  if (!self || module_check(self)) return str_from_cstr(cf(o)->m_ml->name);
  Ref<> getattr = Ref<>::steal(vm::eval_get_builtin("getattr"));
  Ref<> name = Ref<>::steal(str_from_cstr(cf(o)->m_ml->name));
  if (!getattr || !name) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(2, self, name.get()));
  if (!args) return nullptr;
  return tuple_pack(2, getattr.get(), args.get());
}
MethodDef meth_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(meth_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef meth_getset[] = {
    {"__text_signature__", meth_get_text_signature, nullptr, nullptr, nullptr},
    {"__doc__", meth_get_doc, nullptr, nullptr, nullptr},
    {"__name__", meth_get_name, nullptr, nullptr, nullptr},
    {"__qualname__", meth_get_qualname, nullptr, nullptr, nullptr},
    {"__self__", meth_get_self, nullptr, nullptr, nullptr},
    {"__module__", meth_get_module, meth_set_module, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

TypeObject make_cfunction_type(const char* name, ssize size) {
  TypeObject t = static_type(name, size, 0, kTpflagsHaveGc | kTpflagsHaveVectorcall);
  t.dealloc = meth_dealloc;
  t.vectorcall_offset = static_cast<ssize>(offsetof(CFunctionObject, vectorcall));
  t.weaklistoffset = static_cast<ssize>(offsetof(CFunctionObject, m_weakreflist));
  t.repr = meth_repr;
  t.hash = meth_hash;
  t.call = cfunction_call;
  t.getattro = object_generic_getattr;
  t.traverse = meth_traverse;
  t.richcompare = meth_richcompare;
  t.methods = meth_methods;
  t.getset = meth_getset;
  return t;
}

}  // namespace

TypeObject cfunction_type = make_cfunction_type("builtin_function_or_method",
                                                sizeof(CFunctionObject));
TypeObject cmethod_type = [] {
  TypeObject t = make_cfunction_type("builtin_method", sizeof(CMethodObject));
  t.base = &cfunction_type;
  return t;
}();

// PyCMethod_New.
Object* cfunction_new(MethodDef* ml, Object* self, Object* module, TypeObject* cls) {
  vectorcallfunc vc = nullptr;
  int flags = ml->flags & (kMethVarargs | kMethFastcall | kMethNoArgs | kMethO |
                           kMethKeywords | kMethMethod);
  switch (flags) {
    case kMethVarargs:
    case kMethVarargs | kMethKeywords: vc = nullptr; break;
    case kMethFastcall: vc = cfunction_vectorcall_fastcall; break;
    case kMethFastcall | kMethKeywords: vc = cfunction_vectorcall_fastcall_keywords; break;
    case kMethNoArgs: vc = cfunction_vectorcall_noargs; break;
    case kMethO: vc = cfunction_vectorcall_o; break;
    case kMethMethod | kMethFastcall | kMethKeywords:
      vc = cfunction_vectorcall_fastcall_keywords_method;
      break;
    default:
      errors::format(exc_SystemError, "%s() method: bad call flags", ml->name);
      return nullptr;
  }
  bool method = (flags & kMethMethod) != 0;
  auto* op = static_cast<CFunctionObject*>(
      gc::gc_malloc(method ? sizeof(CMethodObject) : sizeof(CFunctionObject)));
  if (!op) return nullptr;
  op->refcnt = 1;
  op->type = method ? &cmethod_type : &cfunction_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  op->m_ml = ml;
  op->m_self = xnew_ref(self);
  op->m_module = xnew_ref(module);
  op->m_weakreflist = nullptr;
  op->vectorcall = vc;
  if (method) static_cast<CMethodObject*>(op)->mm_class = static_cast<TypeObject*>(xnew_ref<Object>(cls));
  gc::track(op);
  return op;
}

// _PyObject_FunctionStr.
Object* object_function_str(Object* x) {
  static Object* qualname_s = str_intern_from_cstr("__qualname__");
  static Object* module_s = str_intern_from_cstr("__module__");
  Object* qualname = nullptr;
  int rc = object_get_optional_attr(x, qualname_s, &qualname);
  if (rc <= 0) {
    if (rc < 0) return nullptr;
    return object_str(x);
  }
  Ref<> q = Ref<>::steal(qualname);
  Object* module = nullptr;
  rc = object_get_optional_attr(x, module_s, &module);
  Ref<> m = Ref<>::steal(module);
  if (rc < 0) return nullptr;
  if (m && m.get() != none() && str_check(m.get()) &&
      str_compare_cstr(m.get(), "builtins") != 0) {
    return str_from_format("%S.%S()", m.get(), q.get());
  }
  return str_from_format("%S()", q.get());
}

// --- bound methods ----------------------------------------------------------------------------

namespace {

inline MethodObject* mo(Object* o) { return static_cast<MethodObject*>(o); }

// method_vectorcall: calls im_func with im_self prepended, using the spare slot before args
// when the caller allows it (PY_VECTORCALL_ARGUMENTS_OFFSET).
Object* method_vectorcall(Object* method, Object* const* args, size_t nargsf, Object* kwnames) {
  Object* self = mo(method)->im_self;
  Object* func = mo(method)->im_func;
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargsf & kVectorcallArgumentsOffset) {
    auto** newargs = const_cast<Object**>(args) - 1;
    Object* tmp = newargs[0];
    newargs[0] = self;
    Object* result = vectorcall(func, newargs, static_cast<size_t>(nargs + 1), kwnames);
    newargs[0] = tmp;
    return result;
  }
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  ssize total = nargs + nkw;
  Object* small[8];
  Object** newargs = total + 1 <= 8 ? small : new Object*[static_cast<size_t>(total + 1)];
  newargs[0] = self;
  for (ssize i = 0; i < total; ++i) newargs[i + 1] = args[i];
  Object* result = vectorcall(func, newargs, static_cast<size_t>(nargs + 1), kwnames);
  if (newargs != small) delete[] newargs;
  return result;
}

void method_dealloc(Object* o) {
  gc::untrack(o);
  if (mo(o)->im_weakreflist) object_clear_weakrefs(o);
  decref(mo(o)->im_func);
  xdecref(mo(o)->im_self);
  gc::gc_free(o);
}

int method_traverse(Object* o, visitproc visit, void* arg) {
  if (int r = visit(mo(o)->im_func, arg)) return r;
  return mo(o)->im_self ? visit(mo(o)->im_self, arg) : 0;
}

Object* method_repr(Object* o) {
  Object* func = mo(o)->im_func;
  Object* self = mo(o)->im_self;
  static Object* qualname_s = str_intern_from_cstr("__qualname__");
  static Object* name_s = str_intern_from_cstr("__name__");
  Object* funcname = nullptr;
  if (object_get_optional_attr(func, qualname_s, &funcname) < 0) return nullptr;
  if (!funcname && object_get_optional_attr(func, name_s, &funcname) < 0) return nullptr;
  Ref<> fn = Ref<>::steal(funcname);
  if (fn && !str_check(fn.get())) fn.reset();
  Ref<> selfrepr = Ref<>::steal(object_repr(self));
  if (!selfrepr) return nullptr;
  return str_from_format("<bound method %V of %U>", fn.get(), "?", selfrepr.get());
}

Object* method_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || a->type != &method_type || b->type != &method_type)
    return return_not_implemented();
  int eq = object_rich_compare_bool(mo(a)->im_func, mo(b)->im_func, kEQ);
  if (eq < 0) return nullptr;
  if (eq == 1) eq = mo(a)->im_self == mo(b)->im_self;
  return bool_from_long(op == kEQ ? eq : !eq);
}

hash_t method_hash(Object* o) {
  hash_t x = hash_pointer(mo(o)->im_self);
  hash_t y = object_hash(mo(o)->im_func);
  if (y == -1) return -1;
  x ^= y;
  return x == -1 ? -2 : x;
}

Object* method_call(Object* o, Object* args, Object* kwargs) {
  return vectorcall_call(o, args, kwargs);
}

// Attribute access falls through to the function (method_getattro).
Object* method_getattro(Object* obj, Object* name) {
  TypeObject* tp = obj->type;
  Object* descr = type_lookup(tp, name);
  if (descr) {
    descrgetfunc f = descr->type->descr_get;
    if (f) return f(descr, obj, tp);
    return new_ref(descr);
  }
  return object_getattr(mo(obj)->im_func, name);
}

Object* method_get_doc(Object* o, void*) {
  static Object* doc_s = str_intern_from_cstr("__doc__");
  return object_getattr(mo(o)->im_func, doc_s);
}

MemberDef method_members[] = {
    {"__func__", kMemberObject, static_cast<ssize>(offsetof(MethodObject, im_func)),
     kMemberReadonly, "the function (or other callable) implementing a method"},
    {"__self__", kMemberObject, static_cast<ssize>(offsetof(MethodObject, im_self)),
     kMemberReadonly, "the instance to which a method is bound"},
    {nullptr, 0, 0, 0, nullptr}};
// method___reduce___impl: (getattr, (self, func.__name__)).
Object* method_reduce(Object* o, Object*) {
  static Object* name_s = str_intern_from_cstr("__name__");
  Ref<> funcname = Ref<>::steal(object_getattr(mo(o)->im_func, name_s));
  if (!funcname) return nullptr;
  Ref<> getattr = Ref<>::steal(vm::eval_get_builtin("getattr"));
  if (!getattr) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(2, mo(o)->im_self, funcname.get()));
  if (!args) return nullptr;
  return tuple_pack(2, getattr.get(), args.get());
}
MethodDef method_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(method_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};
GetSetDef method_getset[] = {{"__doc__", method_get_doc, nullptr, nullptr, nullptr},
                             {nullptr, nullptr, nullptr, nullptr, nullptr}};

Object* method_descr_get(Object* meth, Object*, Object*) { return new_ref(meth); }

// method_new_impl: types.MethodType(function, instance, /).
Object* method_tp_new(TypeObject*, Object* args, Object* kwargs) {
  if (kwargs && dict_size(kwargs)) {
    return errors::format(exc_TypeError, "method() takes no keyword arguments");
  }
  ssize n = tuple_size(args);
  if (n != 2) {
    return errors::format(exc_TypeError, "method expected 2 arguments, got %zd", n);
  }
  Object* func = tuple_item(args, 0);
  Object* self = tuple_item(args, 1);
  if (!callable_check(func)) {
    return errors::format(exc_TypeError, "first argument must be callable");
  }
  if (self == none()) return errors::format(exc_TypeError, "instance must not be None");
  return method_new(func, self);
}

}  // namespace

TypeObject method_type = [] {
  TypeObject t = static_type("method", sizeof(MethodObject), 0,
                             kTpflagsHaveGc | kTpflagsHaveVectorcall);
  t.dealloc = method_dealloc;
  t.vectorcall_offset = static_cast<ssize>(offsetof(MethodObject, vectorcall));
  // Bound methods take weak references (weakref.WeakMethod relies on it).
  t.weaklistoffset = static_cast<ssize>(offsetof(MethodObject, im_weakreflist));
  t.repr = method_repr;
  t.hash = method_hash;
  t.call = method_call;
  t.getattro = method_getattro;
  t.setattro = object_generic_setattr;
  t.traverse = method_traverse;
  t.richcompare = method_richcompare;
  t.members = method_members;
  t.methods = method_methods;
  t.getset = method_getset;
  t.descr_get = method_descr_get;
  t.new_ = method_tp_new;
  t.doc = "Create a bound instance method object.";
  return t;
}();

Object* method_new(Object* func, Object* self) {
  if (self == nullptr) {
    errors::bad_internal_call();
    return nullptr;
  }
  auto* im = static_cast<MethodObject*>(gc::gc_malloc(sizeof(MethodObject)));
  if (!im) return nullptr;
  im->refcnt = 1;
  im->type = &method_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  im->im_func = new_ref(func);
  im->im_self = new_ref(self);
  im->im_weakreflist = nullptr;
  im->vectorcall = method_vectorcall;
  gc::track(im);
  return im;
}

}  // namespace cppy::objects

// --- instancemethod (Objects/classobject.c PyInstanceMethod_Type) -----------------------------

namespace cppy::objects {

namespace {

struct InstanceMethodObject : Object {
  Object* func;
};
inline InstanceMethodObject* imo(Object* o) { return static_cast<InstanceMethodObject*>(o); }

void instancemethod_dealloc(Object* o) {
  gc::untrack(o);
  decref(imo(o)->func);
  gc::gc_free(o);
}

int instancemethod_traverse(Object* o, visitproc visit, void* arg) {
  return visit(imo(o)->func, arg);
}

// instancemethod_getattro: the type's own descriptors first, then the function's attributes.
Object* instancemethod_getattro(Object* self, Object* name) {
  TypeObject* tp = self->type;
  if (Object* descr = type_lookup(tp, name)) {
    Ref<> keep = Ref<>::borrow(descr);
    if (descrgetfunc f = descr->type->descr_get) return f(descr, self, tp);
    return new_ref(descr);
  }
  return object_getattr(imo(self)->func, name);
}

Object* instancemethod_call(Object* self, Object* args, Object* kwargs) {
  return object_call(imo(self)->func, args, kwargs);
}

// instancemethod_descr_get: the function itself from the class, a bound method from an
// instance.
Object* instancemethod_descr_get(Object* descr, Object* obj, Object*) {
  Object* func = imo(descr)->func;
  if (!obj) return new_ref(func);
  return method_new(func, obj);
}

Object* instancemethod_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || a->type != &instancemethod_type ||
      b->type != &instancemethod_type)
    return return_not_implemented();
  int eq = object_rich_compare_bool(imo(a)->func, imo(b)->func, kEQ);
  if (eq < 0) return nullptr;
  return bool_from_long(op == kEQ ? eq : !eq);
}

Object* instancemethod_repr(Object* self) {
  static Object* name_s = str_intern_from_cstr("__name__");
  Object* funcname = nullptr;
  if (object_get_optional_attr(imo(self)->func, name_s, &funcname) < 0) return nullptr;
  Ref<> fn = Ref<>::steal(funcname);
  if (fn && !str_check(fn.get())) fn.reset();
  return str_from_format("<instancemethod %V at %p>", fn.get(), "?", static_cast<void*>(self));
}

Object* instancemethod_get_doc(Object* self, void*) {
  static Object* doc_s = str_intern_from_cstr("__doc__");
  return object_getattr(imo(self)->func, doc_s);
}

// instancemethod_new: instancemethod(function, /).
Object* instancemethod_tp_new(TypeObject*, Object* args, Object* kwargs) {
  if (kwargs && dict_size(kwargs))
    return errors::format(exc_TypeError, "instancemethod() takes no keyword arguments");
  if (tuple_size(args) != 1)
    return errors::format(exc_TypeError, "instancemethod expected 1 argument, got %zd",
                          tuple_size(args));
  Object* func = tuple_item(args, 0);
  if (!callable_check(func))
    return errors::format(exc_TypeError, "first argument must be callable");
  return instancemethod_new(func);
}

MemberDef instancemethod_members[] = {
    {"__func__", kMemberObject, static_cast<ssize>(offsetof(InstanceMethodObject, func)),
     kMemberReadonly, "the function (or other callable) implementing a method"},
    {nullptr, 0, 0, 0, nullptr}};
GetSetDef instancemethod_getset[] = {{"__doc__", instancemethod_get_doc, nullptr, nullptr, nullptr},
                                     {nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace

TypeObject instancemethod_type = [] {
  TypeObject t = static_type("instancemethod", sizeof(InstanceMethodObject), 0, kTpflagsHaveGc);
  t.dealloc = instancemethod_dealloc;
  t.repr = instancemethod_repr;
  t.hash = object_hash_not_implemented;
  t.call = instancemethod_call;
  t.getattro = instancemethod_getattro;
  t.setattro = object_generic_setattr;
  t.traverse = instancemethod_traverse;
  t.richcompare = instancemethod_richcompare;
  t.members = instancemethod_members;
  t.getset = instancemethod_getset;
  t.descr_get = instancemethod_descr_get;
  t.new_ = instancemethod_tp_new;
  t.doc = "instancemethod(function, /)\n--\n\nBind a function to a class.";
  return t;
}();

Object* instancemethod_new(Object* func) {
  if (type_ready(&instancemethod_type) < 0) return nullptr;
  auto* im = static_cast<InstanceMethodObject*>(gc::gc_malloc(sizeof(InstanceMethodObject)));
  if (!im) return nullptr;
  im->refcnt = 1;
  im->type = &instancemethod_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  im->func = new_ref(func);
  gc::track(im);
  return im;
}

Object* instancemethod_function(Object* im) { return imo(im)->func; }

}  // namespace cppy::objects
