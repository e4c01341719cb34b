// Descriptors: Objects/descrobject.c (method, classmethod, member, getset and wrapper
// descriptors, method-wrapper, property, mappingproxy), Python/structmember.c (member
// access) and the classmethod/staticmethod objects of Objects/funcobject.c.
#include "objects/descrobject.h"

#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/methodobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"
#include "vm/ceval.h"

namespace cppy::objects {

namespace {

inline DescrObject* dd(Object* o) { return static_cast<DescrObject*>(o); }

template <class T>
T* alloc_gc(TypeObject* type) {
  auto* o = static_cast<T*>(gc::gc_malloc(sizeof(T)));
  if (!o) return nullptr;
  o->refcnt = 1;
  o->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}

DescrObject* descr_new(TypeObject* descrtype, ssize size, TypeObject* type, const char* name) {
  auto* d = static_cast<DescrObject*>(gc::gc_malloc(static_cast<size_t>(size)));
  if (!d) return nullptr;
  d->refcnt = 1;
  d->type = descrtype;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  d->d_type = static_cast<TypeObject*>(xnew_ref<Object>(type));
  d->d_name = str_intern_from_cstr(name);
  d->d_qualname = nullptr;
  if (!d->d_name) {
    decref(d);
    return nullptr;
  }
  gc::track(d);
  return d;
}

void descr_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(dd(o)->d_type);
  xdecref(dd(o)->d_name);
  xdecref(dd(o)->d_qualname);
  gc::gc_free(o);
}

int descr_traverse(Object* o, visitproc visit, void* arg) {
  return dd(o)->d_type ? visit(dd(o)->d_type, arg) : 0;
}

Object* descr_name(Object* o) { return dd(o)->d_name; }

// descr_check: the instance must be of the descriptor's class.
int descr_check(Object* descr, Object* obj) {
  if (!type_check(obj, dd(descr)->d_type)) {
    errors::format(exc_TypeError, "descriptor '%V' for '%.100s' objects doesn't apply to a "
                   "'%.100s' object",
                   descr_name(descr), "?", dd(descr)->d_type->name, obj->type->name);
    return -1;
  }
  return 0;
}

Object* method_get(Object* descr, Object* obj, Object*) {
  if (obj == nullptr) return new_ref(descr);
  if (descr_check(descr, obj) < 0) return nullptr;
  auto* md = static_cast<MethodDescrObject*>(descr);
  if (md->d_method->flags & kMethMethod)
    return cfunction_new(md->d_method, obj, nullptr, md->d_type);
  return cfunction_new(md->d_method, obj, nullptr);
}

Object* classmethod_get(Object* descr, Object* obj, Object* type) {
  if (type == nullptr) {
    if (obj) {
      type = obj->type;
    } else {
      return errors::format(exc_TypeError,
                            "descriptor '%V' for type '%.100s' needs either an object or a type",
                            descr_name(descr), "?", dd(descr)->d_type->name);
    }
  }
  if (!type_check_type(type)) {
    return errors::format(exc_TypeError,
                          "descriptor '%V' for type '%.100s' needs a type, not a '%.100s' as "
                          "arg 2",
                          descr_name(descr), "?", dd(descr)->d_type->name, type->type->name);
  }
  if (!is_subtype(static_cast<TypeObject*>(type), dd(descr)->d_type)) {
    return errors::format(exc_TypeError,
                          "descriptor '%V' requires a subtype of '%.100s' but received '%.100s'",
                          descr_name(descr), "?", dd(descr)->d_type->name,
                          static_cast<TypeObject*>(type)->name);
  }
  auto* md = static_cast<MethodDescrObject*>(descr);
  return cfunction_new(md->d_method, type, nullptr,
                       (md->d_method->flags & kMethMethod) ? md->d_type : nullptr);
}

Object* member_get(Object* descr, Object* obj, Object*) {
  if (obj == nullptr) return new_ref(descr);
  if (descr_check(descr, obj) < 0) return nullptr;
  return member_get_one(reinterpret_cast<const char*>(obj),
                        static_cast<MemberDescrObject*>(descr)->d_member);
}

int member_set(Object* descr, Object* obj, Object* value) {
  if (descr_check(descr, obj) < 0) return -1;
  return member_set_one(reinterpret_cast<char*>(obj),
                        static_cast<MemberDescrObject*>(descr)->d_member, value);
}

Object* getset_get(Object* descr, Object* obj, Object*) {
  if (obj == nullptr) return new_ref(descr);
  if (descr_check(descr, obj) < 0) return nullptr;
  GetSetDef* g = static_cast<GetSetDescrObject*>(descr)->d_getset;
  if (g->get) return g->get(obj, g->closure);
  return errors::format(exc_AttributeError,
                        "attribute '%V' of '%.100s' objects is not readable",
                        descr_name(descr), "?", dd(descr)->d_type->name);
}

int getset_set(Object* descr, Object* obj, Object* value) {
  if (descr_check(descr, obj) < 0) return -1;
  GetSetDef* g = static_cast<GetSetDescrObject*>(descr)->d_getset;
  if (g->set) return g->set(obj, value, g->closure);
  errors::format(exc_AttributeError, "attribute '%V' of '%.100s' objects is not writable",
                 descr_name(descr), "?", dd(descr)->d_type->name);
  return -1;
}

Object* wrapperdescr_get(Object* descr, Object* obj, Object*) {
  if (obj == nullptr) return new_ref(descr);
  if (descr_check(descr, obj) < 0) return nullptr;
  return method_wrapper_new(descr, obj);
}

Object* wrapperdescr_raw_call(WrapperDescrObject* d, Object* self, Object* args,
                              Object* kwds) {
  wrapperfunc wrapper = d->d_base->wrapper;
  if (d->d_base->flags & kWrapperFlagKeywords) {
    auto wk = reinterpret_cast<wrapperfunc_kwds>(reinterpret_cast<void*>(wrapper));
    return wk(self, args, d->d_wrapped, kwds);
  }
  if (kwds && dict_check(kwds) && dict_size(kwds) != 0) {
    return errors::format(exc_TypeError, "wrapper %s() takes no keyword arguments",
                          d->d_base->name);
  }
  return wrapper(self, args, d->d_wrapped);
}

// wrapperdescr_call: C.__add__(self, other).
Object* wrapperdescr_call(Object* descr, Object* args, Object* kwds) {
  ssize argc = tuple_size(args);
  if (argc < 1) {
    return errors::format(exc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                          descr_name(descr), "?", dd(descr)->d_type->name);
  }
  Object* self = tuple_item(args, 0);
  if (!type_check(self, dd(descr)->d_type)) {
    return errors::format(exc_TypeError,
                          "descriptor '%V' requires a '%.100s' object but received a '%.100s'",
                          descr_name(descr), "?", dd(descr)->d_type->name, self->type->name);
  }
  Ref<> rest = Ref<>::steal(tuple_get_slice(args, 1, argc));
  if (!rest) return nullptr;
  return wrapperdescr_raw_call(static_cast<WrapperDescrObject*>(descr), self, rest.get(), kwds);
}

// method_check_args: self present and of the right type; no keywords for the forms that
// take none. Messages name the descriptor ("list.append()").
int method_check_args(Object* func, Object* const* args, ssize nargs, Object* kwnames,
                      bool keywords_ok) {
  if (nargs < 1) {
    Ref<> name = Ref<>::steal(object_function_str(func));
    if (name) errors::format(exc_TypeError, "unbound method %U needs an argument", name.get());
    return -1;
  }
  if (descr_check(func, args[0]) < 0) return -1;
  if (!keywords_ok && kwnames && tuple_size(kwnames)) {
    Ref<> name = Ref<>::steal(object_function_str(func));
    if (name) errors::format(exc_TypeError, "%U takes no keyword arguments", name.get());
    return -1;
  }
  return 0;
}

// method_vectorcall_{NOARGS,O,FASTCALL,FASTCALL_KEYWORDS,VARARGS,VARARGS_KEYWORDS}.
Object* method_vectorcall(Object* func, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  auto* md = static_cast<MethodDescrObject*>(func);
  MethodDef* ml = md->d_method;
  int flags = ml->flags & (kMethVarargs | kMethFastcall | kMethNoArgs | kMethO | kMethKeywords |
                           kMethMethod);
  bool keywords_ok = (flags & kMethKeywords) != 0;
  if (method_check_args(func, args, nargs, kwnames, keywords_ok) < 0) return nullptr;
  Object* self = args[0];
  Object* result = nullptr;
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  switch (flags) {
    case kMethNoArgs:
      if (nargs != 1) {
        Ref<> name = Ref<>::steal(object_function_str(func));
        if (name)
          errors::format(exc_TypeError, "%U takes no arguments (%zd given)", name.get(), nargs - 1);
        break;
      }
      result = reinterpret_cast<CFunction>(ml->function)(self, nullptr);
      break;
    case kMethO:
      if (nargs != 2) {
        Ref<> name = Ref<>::steal(object_function_str(func));
        if (name)
          errors::format(exc_TypeError, "%U takes exactly one argument (%zd given)", name.get(),
                         nargs - 1);
        break;
      }
      result = reinterpret_cast<CFunction>(ml->function)(self, args[1]);
      break;
    case kMethFastcall:
      result = reinterpret_cast<CFunctionFast>(ml->function)(self, args + 1, nargs - 1);
      break;
    case kMethFastcall | kMethKeywords:
      result = reinterpret_cast<CFunctionFastWithKeywords>(ml->function)(self, args + 1,
                                                                        nargs - 1, kwnames);
      break;
    case kMethMethod | kMethFastcall | kMethKeywords: {
      using Fn = Object* (*)(Object*, TypeObject*, Object* const*, ssize, Object*);
      result = reinterpret_cast<Fn>(ml->function)(self, md->d_type, args + 1, nargs - 1, kwnames);
      break;
    }
    case kMethVarargs:
    case kMethVarargs | kMethKeywords: {
      Ref<> argstuple = Ref<>::steal(tuple_from_array(args + 1, nargs - 1));
      if (!argstuple) break;
      if (flags & kMethKeywords) {
        Ref<> kwdict;
        if (kwnames && tuple_size(kwnames)) {
          kwdict = Ref<>::steal(stack_as_dict(args + nargs, kwnames));
          if (!kwdict) break;
        }
        result = reinterpret_cast<CFunctionWithKeywords>(ml->function)(self, argstuple.get(),
                                                                      kwdict.get());
      } else {
        result = reinterpret_cast<CFunction>(ml->function)(self, argstuple.get());
      }
      break;
    }
    default:
      errors::format(exc_SystemError, "%s() method: bad call flags", ml->name);
      break;
  }
  leave_recursive_call();
  return result;
}

Object* method_call_tuple(Object* func, Object* args, Object* kwargs) {
  return vectorcall_call(func, args, kwargs);
}

Object* classmethoddescr_call(Object* descr, Object* args, Object* kwds) {
  ssize argc = tuple_size(args);
  if (argc < 1) {
    return errors::format(exc_TypeError,
                          "descriptor '%V' of '%.100s' object needs an argument",
                          descr_name(descr), "?", dd(descr)->d_type->name);
  }
  Object* self = tuple_item(args, 0);
  Ref<> bound = Ref<>::steal(classmethod_get(descr, nullptr, self));
  if (!bound) return nullptr;
  Ref<> rest = Ref<>::steal(tuple_get_slice(args, 1, argc));
  if (!rest) return nullptr;
  return object_call(bound.get(), rest.get(), kwds);
}

Object* method_repr(Object* o) {
  return str_from_format("<method '%V' of '%s' objects>", descr_name(o), "?",
                         dd(o)->d_type->name);
}
Object* member_repr(Object* o) {
  return str_from_format("<member '%V' of '%s' objects>", descr_name(o), "?",
                         dd(o)->d_type->name);
}
Object* getset_repr(Object* o) {
  return str_from_format("<attribute '%V' of '%s' objects>", descr_name(o), "?",
                         dd(o)->d_type->name);
}
Object* wrapperdescr_repr(Object* o) {
  return str_from_format("<slot wrapper '%V' of '%s' objects>", descr_name(o), "?",
                         dd(o)->d_type->name);
}

Object* descr_get_qualname(Object* o, void*) {
  if (!dd(o)->d_qualname) {
    Ref<> tq = Ref<>::steal(type_get_qualname(dd(o)->d_type));
    if (!tq) return nullptr;
    dd(o)->d_qualname = str_from_format("%S.%S", tq.get(), dd(o)->d_name);
    if (!dd(o)->d_qualname) return nullptr;
  }
  return new_ref(dd(o)->d_qualname);
}

const char* strip_signature(const char* doc) {
  if (!doc) return nullptr;
  const char* end = std::strstr(doc, ")\n--\n\n");
  return end ? end + 6 : doc;
}

Object* doc_object(const char* doc) {
  doc = strip_signature(doc);
  if (!doc || !*doc) return return_none();  // _PyType_GetDocFromInternalDoc
  return str_from_cstr(doc);
}

Object* method_get_doc(Object* o, void*) {
  return doc_object(static_cast<MethodDescrObject*>(o)->d_method->doc);
}
Object* member_get_doc(Object* o, void*) {
  return doc_object(static_cast<MemberDescrObject*>(o)->d_member->doc);
}
Object* getset_get_doc(Object* o, void*) {
  return doc_object(static_cast<GetSetDescrObject*>(o)->d_getset->doc);
}
Object* wrapperdescr_get_doc(Object* o, void*) {
  return doc_object(static_cast<WrapperDescrObject*>(o)->d_base->doc);
}

MemberDef descr_members[] = {
    {"__objclass__", kMemberObject, static_cast<ssize>(offsetof(DescrObject, d_type)),
     kMemberReadonly, nullptr},
    {"__name__", kMemberObject, static_cast<ssize>(offsetof(DescrObject, d_name)),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

// method_get_text_signature / wrapperdescr_get_text_signature.
Object* method_get_text_signature(Object* o, void*) {
  MethodDef* m = static_cast<MethodDescrObject*>(o)->d_method;
  return text_signature_from_internal_doc(m->name, m->doc, m->flags);
}
Object* wrapperdescr_get_text_signature(Object* o, void*) {
  const SlotDef* b = static_cast<WrapperDescrObject*>(o)->d_base;
  return text_signature_from_internal_doc(b->name, b->doc, 0);
}

// (getattr, (a, b)): the __reduce__ of descriptors (descr_reduce) and method-wrappers.
Object* reduce_to_getattr(Object* a, Object* b) {
  Ref<> getattr = Ref<>::steal(vm::eval_get_builtin("getattr"));
  if (!getattr) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(2, a, b));
  if (!args) return nullptr;
  return tuple_pack(2, getattr.get(), args.get());
}
Object* descr_reduce(Object* o, Object*) {
  auto* d = static_cast<DescrObject*>(o);
  return reduce_to_getattr(static_cast<Object*>(d->d_type), d->d_name);
}
MethodDef descr_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(descr_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef method_getset[] = {{"__doc__", method_get_doc, nullptr, nullptr, nullptr},
                             {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},
                             {"__text_signature__", method_get_text_signature, nullptr, nullptr,
                              nullptr},
                             {nullptr, nullptr, nullptr, nullptr, nullptr}};
GetSetDef member_getset[] = {{"__doc__", member_get_doc, nullptr, nullptr, nullptr},
                             {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},
                             {nullptr, nullptr, nullptr, nullptr, nullptr}};
GetSetDef getset_getset[] = {{"__doc__", getset_get_doc, nullptr, nullptr, nullptr},
                             {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},
                             {nullptr, nullptr, nullptr, nullptr, nullptr}};
GetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, nullptr, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},
    {"__text_signature__", wrapperdescr_get_text_signature, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

TypeObject make_descr_type(const char* name, ssize size) {
  TypeObject t = static_type(name, size, 0, kTpflagsHaveGc);
  t.dealloc = descr_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = descr_traverse;
  t.members = descr_members;
  return t;
}

// --- method-wrapper ---
inline MethodWrapperObject* mw(Object* o) { return static_cast<MethodWrapperObject*>(o); }

void wrapper_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(mw(o)->descr);
  xdecref(mw(o)->self);
  gc::gc_free(o);
}
int wrapper_traverse(Object* o, visitproc visit, void* arg) {
  if (int r = visit(mw(o)->descr, arg)) return r;
  return visit(mw(o)->self, arg);
}
Object* wrapper_repr(Object* o) {
  return str_from_format("<method-wrapper '%s' of %s object at %p>", mw(o)->descr->d_base->name,
                         mw(o)->self->type->name, static_cast<void*>(mw(o)->self));
}
Object* wrapper_call(Object* o, Object* args, Object* kwds) {
  return wrapperdescr_raw_call(mw(o)->descr, mw(o)->self, args, kwds);
}
Object* wrapper_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || a->type != &method_wrapper_type ||
      b->type != &method_wrapper_type)
    return return_not_implemented();
  bool eq = mw(a)->descr == mw(b)->descr && mw(a)->self == mw(b)->self;
  return bool_from_long(op == kEQ ? eq : !eq);
}
hash_t wrapper_hash(Object* o) {
  hash_t x = hash_pointer(mw(o)->self) ^ hash_pointer(mw(o)->descr);
  return x == -1 ? -2 : x;
}
Object* wrapper_name(Object* o, void*) { return str_from_cstr(mw(o)->descr->d_base->name); }
Object* wrapper_self(Object* o, void*) { return new_ref(mw(o)->self); }
Object* wrapper_objclass(Object* o, void*) { return new_ref<Object>(mw(o)->descr->d_type); }
Object* wrapper_qualname(Object* o, void*) { return descr_get_qualname(mw(o)->descr, nullptr); }
Object* wrapper_doc(Object* o, void*) { return doc_object(mw(o)->descr->d_base->doc); }
Object* wrapper_text_signature(Object* o, void*) {
  const SlotDef* b = mw(o)->descr->d_base;
  return text_signature_from_internal_doc(b->name, b->doc, 0);
}
// wrapper_reduce: (getattr, (self, name)).
Object* wrapper_reduce(Object* o, Object*) {
  return reduce_to_getattr(mw(o)->self, mw(o)->descr->d_name);
}
MethodDef wrapper_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(wrapper_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};
GetSetDef wrapper_getset[] = {{"__objclass__", wrapper_objclass, nullptr, nullptr, nullptr},
                              {"__text_signature__", wrapper_text_signature, nullptr, nullptr,
                               nullptr},
                              {"__name__", wrapper_name, nullptr, nullptr, nullptr},
                              {"__qualname__", wrapper_qualname, nullptr, nullptr, nullptr},
                              {"__doc__", wrapper_doc, nullptr, nullptr, nullptr},
                              {"__self__", wrapper_self, nullptr, nullptr, nullptr},
                              {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- property ---
inline PropertyObject* pp(Object* o) { return static_cast<PropertyObject*>(o); }

void property_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(pp(o)->prop_get);
  xdecref(pp(o)->prop_set);
  xdecref(pp(o)->prop_del);
  xdecref(pp(o)->prop_doc);
  xdecref(pp(o)->prop_name);
  o->type->free(o);
}
int property_traverse(Object* o, visitproc visit, void* arg) {
  for (Object* x : {pp(o)->prop_get, pp(o)->prop_set, pp(o)->prop_del, pp(o)->prop_doc,
                    pp(o)->prop_name})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}
int property_clear(Object* o) {
  clear(pp(o)->prop_get);
  clear(pp(o)->prop_set);
  clear(pp(o)->prop_del);
  clear(pp(o)->prop_doc);
  clear(pp(o)->prop_name);
  return 0;
}

// property_name: the name given (__set_name__ or __name__), else the getter's __name__
// looked up now; *name is null (and 0 returned) when there is none, -1 on error.
int property_name(Object* self, Object** name) {
  if (pp(self)->prop_name) {
    *name = new_ref(pp(self)->prop_name);
    return 1;
  }
  if (!pp(self)->prop_get) {
    *name = nullptr;
    return 0;
  }
  static Object* name_s = str_intern_from_cstr("__name__");
  return object_get_optional_attr(pp(self)->prop_get, name_s, name);
}

// The "property 'x' of 'C' object" phrase of property errors (property_descr_get & co).
Object* property_error(Object* self, Object* obj, const char* what) {
  Object* raw_name = nullptr;
  if (property_name(self, &raw_name) < 0) return nullptr;
  Ref<> name_ref = Ref<>::steal(raw_name);
  Object* name = raw_name;
  Ref<> qualname = Ref<>::steal(type_get_qualname(obj->type));
  if (!qualname) return nullptr;
  if (name) {
    return errors::format(exc_AttributeError, "property %R of %R object has no %s", name,
                          qualname.get(), what);
  }
  return errors::format(exc_AttributeError, "property of %R object has no %s", qualname.get(),
                        what);
}

Object* property_descr_get(Object* self, Object* obj, Object*) {
  if (obj == nullptr || obj == none()) return new_ref(self);
  Object* gs = pp(self)->prop_get;
  if (gs == nullptr) return property_error(self, obj, "getter");
  return object_call_one_arg(gs, obj);
}

int property_descr_set(Object* self, Object* obj, Object* value) {
  Object* func = value == nullptr ? pp(self)->prop_del : pp(self)->prop_set;
  if (func == nullptr) {
    property_error(self, obj, value == nullptr ? "deleter" : "setter");
    return -1;
  }
  Object* res = value == nullptr ? object_call_one_arg(func, obj)
                                 : object_call_function_obj_args(func, obj, value, nullptr);
  if (!res) return -1;
  decref(res);
  return 0;
}

// property_init_impl: property(fget=None, fset=None, fdel=None, doc=None).
int property_init(Object* self, Object* args, Object* kwds) {
  Object* vals[4] = {nullptr, nullptr, nullptr, nullptr};
  static const char* const names[4] = {"fget", "fset", "fdel", "doc"};
  ssize nargs = tuple_size(args);
  if (nargs > 4) {
    errors::format(exc_TypeError, "property() takes at most 4 arguments (%zd given)", nargs);
    return -1;
  }
  for (ssize i = 0; i < nargs; ++i) vals[i] = tuple_item(args, i);
  if (kwds) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      int idx = -1;
      for (int i = 0; i < 4; ++i)
        if (str_compare_cstr(k, names[i]) == 0) idx = i;
      if (idx < 0) {
        errors::format(exc_TypeError, "property() got an unexpected keyword argument '%U'", k);
        return -1;
      }
      if (vals[idx] && idx < nargs) {
        errors::format(exc_TypeError,
                       "argument for property() given by name ('%s') and position (%d)",
                       names[idx], idx + 1);
        return -1;
      }
      vals[idx] = v;
    }
  }
  for (int i = 0; i < 3; ++i)
    if (vals[i] == none()) vals[i] = nullptr;
  xsetref(pp(self)->prop_get, xnew_ref(vals[0]));
  xsetref(pp(self)->prop_set, xnew_ref(vals[1]));
  xsetref(pp(self)->prop_del, xnew_ref(vals[2]));
  clear(pp(self)->prop_doc);
  clear(pp(self)->prop_name);
  pp(self)->getter_doc = 0;
  Object* doc = vals[3];
  Object* prop_doc = nullptr;  // owned
  if (doc && doc != none()) {
    prop_doc = new_ref(doc);
  } else if (vals[0]) {
    // The getter's docstring becomes the property's.
    static Object* doc_s = str_intern_from_cstr("__doc__");
    if (object_get_optional_attr(vals[0], doc_s, &prop_doc) < 0) return -1;
    if (prop_doc == none()) clear(prop_doc);
    if (prop_doc) pp(self)->getter_doc = 1;
  }
  if (self->type == &property_type) {
    pp(self)->prop_doc = prop_doc;
    return 0;
  }
  // A property subclass keeps the doc in its instance's __dict__ (or a __doc__ slot), where
  // the subclass's own class docstring does not shadow it; None when there is none.
  static Object* doc_s = str_intern_from_cstr("__doc__");
  Ref<> doc_value = Ref<>::steal(prop_doc ? prop_doc : new_ref(none()));
  if (object_setattr(self, doc_s, doc_value.get()) < 0) {
    // An instance without a dict silently drops it (3.11 behaviour kept), unless the doc
    // came from the getter.
    if (!pp(self)->getter_doc && errors::exception_matches(exc_AttributeError)) {
      errors::clear();
      return 0;
    }
    return -1;
  }
  return 0;
}

// property_copy: property.getter/setter/deleter make a new property of the same type.
Object* property_copy(Object* old, Object* get, Object* set, Object* del) {
  PropertyObject* pold = pp(old);
  if (!get || get == none()) get = pold->prop_get ? pold->prop_get : none();
  if (!set || set == none()) set = pold->prop_set ? pold->prop_set : none();
  if (!del || del == none()) del = pold->prop_del ? pold->prop_del : none();
  Object* doc = (pold->getter_doc && get != none()) || !pold->prop_doc ? none() : pold->prop_doc;
  Ref<> newp = Ref<>::steal(object_call_function_obj_args(old->type, get, set, del, doc, nullptr));
  if (!newp) return nullptr;
  if (newp->type == &property_type || is_subtype(newp->type, &property_type)) {
    xsetref(pp(newp.get())->prop_name, xnew_ref(pold->prop_name));
  }
  return newp.release();
}
Object* property_getter(Object* self, Object* f) { return property_copy(self, f, nullptr, nullptr); }
Object* property_setter(Object* self, Object* f) { return property_copy(self, nullptr, f, nullptr); }
Object* property_deleter(Object* self, Object* f) { return property_copy(self, nullptr, nullptr, f); }
// property_set_name: METH_VARARGS (so keywords are refused as "__set_name__() takes...").
Object* property_set_name(Object* self, Object* args) {
  ssize nargs = tuple_size(args);
  if (nargs != 2) {
    return errors::format(exc_TypeError, "__set_name__() takes 2 positional arguments but %zd "
                          "were given", nargs);
  }
  xsetref(pp(self)->prop_name, new_ref(tuple_item(args, 1)));
  return return_none();
}

Object* property_get_isabstract(Object* self, void*) {
  static Object* name = str_intern_from_cstr("__isabstractmethod__");
  for (Object* f : {pp(self)->prop_get, pp(self)->prop_set, pp(self)->prop_del}) {
    if (!f) continue;
    Object* v = nullptr;
    int rc = object_get_optional_attr(f, name, &v);
    if (rc < 0) return nullptr;
    if (rc > 0) {
      int t = object_is_true(v);
      decref(v);
      if (t < 0) return nullptr;
      if (t) return bool_from_long(1);
    }
  }
  return bool_from_long(0);
}
Object* property_get_name(Object* self, void*) {
  Object* name = nullptr;
  if (property_name(self, &name) < 0) return nullptr;
  if (name) return name;
  return errors::format(exc_AttributeError, "'property' object has no attribute '__name__'");
}
int property_set_name_attr(Object* self, Object* v, void*) {
  xsetref(pp(self)->prop_name, xnew_ref(v));
  return 0;
}

MethodDef property_methods[] = {
    {"getter", reinterpret_cast<void*>(property_getter), kMethO,
     "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", reinterpret_cast<void*>(property_setter), kMethO,
     "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", reinterpret_cast<void*>(property_deleter), kMethO,
     "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", reinterpret_cast<void*>(property_set_name), kMethVarargs,
     "Method to set name of a property."},
    {nullptr, nullptr, 0, nullptr}};
MemberDef property_members[] = {
    {"fget", kMemberObject, static_cast<ssize>(offsetof(PropertyObject, prop_get)),
     kMemberReadonly, nullptr},
    {"fset", kMemberObject, static_cast<ssize>(offsetof(PropertyObject, prop_set)),
     kMemberReadonly, nullptr},
    {"fdel", kMemberObject, static_cast<ssize>(offsetof(PropertyObject, prop_del)),
     kMemberReadonly, nullptr},
    {"__doc__", kMemberObject, static_cast<ssize>(offsetof(PropertyObject, prop_doc)), 0,
     nullptr},
    {nullptr, 0, 0, 0, nullptr}};
GetSetDef property_getsetlist[] = {
    {"__name__", property_get_name, property_set_name_attr, nullptr, nullptr},
    {"__isabstractmethod__", property_get_isabstract, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- classmethod / staticmethod ---
inline ClassMethodObject* cm(Object* o) { return static_cast<ClassMethodObject*>(o); }

void cm_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(cm(o)->cm_callable);
  xdecref(cm(o)->cm_dict);
  o->type->free(o);
}
int cm_traverse(Object* o, visitproc visit, void* arg) {
  if (cm(o)->cm_callable)
    if (int r = visit(cm(o)->cm_callable, arg)) return r;
  return cm(o)->cm_dict ? visit(cm(o)->cm_dict, arg) : 0;
}
int cm_clear(Object* o) {
  clear(cm(o)->cm_callable);
  clear(cm(o)->cm_dict);
  return 0;
}

// functools.wraps-like copying of __module__, __name__, __qualname__, __doc__ (3.10+).
int copy_wrapper_attrs(Object* self, Object* wrapped) {
  static const char* const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__"};
  for (const char* a : attrs) {
    Ref<> name = Ref<>::steal(str_intern_from_cstr(a));
    Object* value = nullptr;
    int rc = object_get_optional_attr(wrapped, name.get(), &value);
    if (rc < 0) return -1;
    if (rc == 0) continue;
    Ref<> v = Ref<>::steal(value);
    if (object_setattr(self, name.get(), v.get()) < 0) return -1;
  }
  return 0;
}

int cm_init_common(Object* self, Object* args, Object* kwds, const char* name) {
  if (kwds && dict_size(kwds)) {
    errors::format(exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  if (tuple_size(args) != 1) {
    errors::format(exc_TypeError, "%s expected 1 argument, got %zd", name, tuple_size(args));
    return -1;
  }
  Object* callable = tuple_item(args, 0);
  xsetref(cm(self)->cm_callable, new_ref(callable));
  return copy_wrapper_attrs(self, callable);
}
int classmethod_init(Object* self, Object* args, Object* kwds) {
  return cm_init_common(self, args, kwds, "classmethod");
}
int staticmethod_init(Object* self, Object* args, Object* kwds) {
  return cm_init_common(self, args, kwds, "staticmethod");
}

Object* classmethod_descr_get(Object* self, Object* obj, Object* type) {
  if (type == nullptr) type = obj->type;
  return method_new(cm(self)->cm_callable, type);
}
Object* staticmethod_descr_get(Object* self, Object*, Object*) {
  return new_ref(cm(self)->cm_callable);
}
Object* staticmethod_call(Object* self, Object* args, Object* kwargs) {
  return object_call(cm(self)->cm_callable, args, kwargs);
}
Object* cm_get_isabstract(Object* self, void*) {
  static Object* name = str_intern_from_cstr("__isabstractmethod__");
  Object* v = nullptr;
  int rc = object_get_optional_attr(cm(self)->cm_callable, name, &v);
  if (rc < 0) return nullptr;
  if (rc == 0) return bool_from_long(0);
  int t = object_is_true(v);
  decref(v);
  if (t < 0) return nullptr;
  return bool_from_long(t);
}
Object* cm_repr_common(Object* self, const char* name) {
  return str_from_format("<%s(%R)>", name, cm(self)->cm_callable);
}
Object* classmethod_repr(Object* self) { return cm_repr_common(self, "classmethod"); }
Object* staticmethod_repr(Object* self) { return cm_repr_common(self, "staticmethod"); }
MemberDef cm_members[] = {
    {"__func__", kMemberObject, static_cast<ssize>(offsetof(ClassMethodObject, cm_callable)),
     kMemberReadonly, nullptr},
    {"__wrapped__", kMemberObject, static_cast<ssize>(offsetof(ClassMethodObject, cm_callable)),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};
// descriptor_get_wrapped_attribute / descriptor_set_wrapped_attribute (Objects/funcobject.c):
// the wrapper's own __dict__ first, else the callable's attribute, remembered in that dict.
Object* cm_get_wrapped(Object* self, const char* attr) {
  Ref<> dict = Ref<>::steal(object_generic_get_dict(self, nullptr));
  if (!dict) return nullptr;
  Object* name = str_intern_from_cstr(attr);
  Object* res = dict_get_item(dict.get(), name);
  if (res) return new_ref(res);
  if (errors::occurred()) return nullptr;
  Ref<> value = Ref<>::steal(object_getattr(cm(self)->cm_callable, name));
  if (!value) return nullptr;
  if (dict_set_item(dict.get(), name, value.get()) < 0) return nullptr;
  return value.release();
}
int cm_set_wrapped(Object* self, Object* value, const char* attr) {
  Ref<> dict = Ref<>::steal(object_generic_get_dict(self, nullptr));
  if (!dict) return -1;
  Object* name = str_intern_from_cstr(attr);
  if (value) return dict_set_item(dict.get(), name, value);
  if (dict_del_item(dict.get(), name) < 0) {
    if (errors::exception_matches(exc_KeyError)) {
      errors::clear();
      errors::format(exc_AttributeError, "'%.200s' object has no attribute '%U'",
                     self->type->name, name);
    }
    return -1;
  }
  return 0;
}
Object* cm_get_annotations(Object* self, void*) { return cm_get_wrapped(self, "__annotations__"); }
int cm_set_annotations(Object* self, Object* v, void*) {
  return cm_set_wrapped(self, v, "__annotations__");
}
Object* cm_get_annotate(Object* self, void*) { return cm_get_wrapped(self, "__annotate__"); }
int cm_set_annotate(Object* self, Object* v, void*) { return cm_set_wrapped(self, v, "__annotate__"); }
GetSetDef cm_getset[] = {
    {"__isabstractmethod__", cm_get_isabstract, nullptr, nullptr, nullptr},
    {"__annotations__", cm_get_annotations, cm_set_annotations, nullptr, nullptr},
    {"__annotate__", cm_get_annotate, cm_set_annotate, nullptr, nullptr},
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

TypeObject make_cm_type(const char* name, initproc init, descrgetfunc get, reprfunc repr) {
  TypeObject t = static_type(name, sizeof(ClassMethodObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = cm_dealloc;
  t.repr = repr;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.traverse = cm_traverse;
  t.clear = cm_clear;
  t.members = cm_members;
  t.getset = cm_getset;
  t.descr_get = get;
  t.dictoffset = static_cast<ssize>(offsetof(ClassMethodObject, cm_dict));
  t.init = init;
  t.alloc = type_generic_alloc;
  t.new_ = type_generic_new;
  return t;
}

// --- mappingproxy ---
inline Object* pmap(Object* o) { return static_cast<MappingProxyObject*>(o)->mapping; }

void mappingproxy_dealloc(Object* o) {
  gc::untrack(o);
  decref(pmap(o));
  gc::gc_free(o);
}
int mappingproxy_traverse(Object* o, visitproc visit, void* arg) { return visit(pmap(o), arg); }
ssize mappingproxy_len(Object* o) { return object_size(pmap(o)); }
Object* mappingproxy_getitem(Object* o, Object* key) { return object_get_item(pmap(o), key); }
int mappingproxy_contains(Object* o, Object* key) {
  if (dict_check_exact(pmap(o))) return dict_contains(pmap(o), key);
  return sequence_contains(pmap(o), key);
}
Object* mappingproxy_iter(Object* o) { return object_get_iter(pmap(o)); }
Object* mappingproxy_repr(Object* o) { return str_from_format("mappingproxy(%R)", pmap(o)); }
Object* mappingproxy_str(Object* o) { return object_str(pmap(o)); }
Object* mappingproxy_richcompare(Object* a, Object* b, int op) {
  return object_rich_compare(pmap(a), b, op);
}
Object* mp_call_method(Object* o, const char* name) {
  Ref<> n = Ref<>::steal(str_intern_from_cstr(name));
  return call_method_no_args(pmap(o), n.get());
}
Object* mappingproxy_keys(Object* o, Object*) { return mp_call_method(o, "keys"); }
Object* mappingproxy_values(Object* o, Object*) { return mp_call_method(o, "values"); }
Object* mappingproxy_items(Object* o, Object*) { return mp_call_method(o, "items"); }
Object* mappingproxy_copy(Object* o, Object*) { return mp_call_method(o, "copy"); }
Object* mappingproxy_reversed(Object* o, Object*) { return mp_call_method(o, "__reversed__"); }
Object* mappingproxy_get(Object* o, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    return errors::format(exc_TypeError, nargs < 1 ? "get expected at least 1 argument, got %zd"
                                                   : "get expected at most 2 arguments, got %zd",
                          nargs);
  }
  Ref<> n = Ref<>::steal(str_intern_from_cstr("get"));
  Ref<> meth = Ref<>::steal(object_getattr(pmap(o), n.get()));
  if (!meth) return nullptr;
  return vectorcall(meth.get(), args, static_cast<size_t>(nargs), nullptr);
}
Object* mappingproxy_or(Object* a, Object* b) {
  Object* l = a->type == &mappingproxy_type ? pmap(a) : a;
  Object* r = b->type == &mappingproxy_type ? pmap(b) : b;
  return number_or(l, r);
}
Object* mappingproxy_ior(Object* a, Object*) {
  return errors::format(exc_TypeError, "'|=' is not supported by %s; use '|' instead",
                        a->type->name);
}
MethodDef mappingproxy_methods[] = {
    {"get", reinterpret_cast<void*>(mappingproxy_get), kMethFastcall,
     "Return the value for key if key is in the mapping, else default."},
    {"keys", reinterpret_cast<void*>(mappingproxy_keys), kMethNoArgs,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", reinterpret_cast<void*>(mappingproxy_values), kMethNoArgs,
     "D.values() -> an object providing a view on D's values"},
    {"items", reinterpret_cast<void*>(mappingproxy_items), kMethNoArgs,
     "D.items() -> a set-like object providing a view on D's items"},
    {"copy", reinterpret_cast<void*>(mappingproxy_copy), kMethNoArgs,
     "D.copy() -> a shallow copy of D"},
    {"__reversed__", reinterpret_cast<void*>(mappingproxy_reversed), kMethNoArgs,
     "D.__reversed__() -> reverse iterator"},
    {nullptr, nullptr, 0, nullptr}};
MappingMethods mappingproxy_as_mapping = {mappingproxy_len, mappingproxy_getitem, nullptr};
SequenceMethods mappingproxy_as_sequence = {nullptr, nullptr, nullptr, nullptr, nullptr,
                                            nullptr, nullptr, mappingproxy_contains, nullptr,
                                            nullptr};
NumberMethods mappingproxy_as_number = [] {
  NumberMethods n{};
  n.or_ = mappingproxy_or;
  n.inplace_or = mappingproxy_ior;
  return n;
}();

// mappingproxy_new (Argument Clinic: mapping, positional or keyword): mapping must be a
// mapping and not a list or tuple.
Object* mappingproxy_new(TypeObject*, Object* args, Object* kwds) {
  static const char* const keywords[] = {"mapping", nullptr};
  static const ArgParser parser{"mappingproxy", keywords, 1, 1, 0};
  Object* mapping = nullptr;
  if (unpack_keywords_tuple(parser, args, kwds, &mapping) < 0) return nullptr;
  return dictproxy_new(mapping);
}
// mappingproxy_hash: the hash of the underlying mapping.
hash_t mappingproxy_hash(Object* o) { return object_hash(pmap(o)); }

}  // namespace

TypeObject method_descr_type = [] {
  TypeObject t = make_descr_type("method_descriptor", sizeof(MethodDescrObject));
  t.flags |= kTpflagsHaveVectorcall | kTpflagsMethodDescriptor;
  t.vectorcall_offset = static_cast<ssize>(offsetof(MethodDescrObject, vectorcall));
  t.repr = method_repr;
  t.call = method_call_tuple;
  t.methods = descr_methods;
  t.getset = method_getset;
  t.descr_get = method_get;
  return t;
}();
TypeObject classmethod_descr_type = [] {
  TypeObject t = make_descr_type("classmethod_descriptor", sizeof(MethodDescrObject));
  t.repr = method_repr;
  t.call = classmethoddescr_call;
  t.getset = method_getset;
  t.descr_get = classmethod_get;
  return t;
}();
TypeObject member_descr_type = [] {
  TypeObject t = make_descr_type("member_descriptor", sizeof(MemberDescrObject));
  t.repr = member_repr;
  t.methods = descr_methods;
  t.getset = member_getset;
  t.descr_get = member_get;
  t.descr_set = member_set;
  return t;
}();
TypeObject getset_descr_type = [] {
  TypeObject t = make_descr_type("getset_descriptor", sizeof(GetSetDescrObject));
  t.repr = getset_repr;
  t.getset = getset_getset;
  t.descr_get = getset_get;
  t.descr_set = getset_set;
  return t;
}();
TypeObject wrapper_descr_type = [] {
  TypeObject t = make_descr_type("wrapper_descriptor", sizeof(WrapperDescrObject));
  t.flags |= kTpflagsMethodDescriptor;
  t.repr = wrapperdescr_repr;
  t.call = wrapperdescr_call;
  t.methods = descr_methods;
  t.getset = wrapperdescr_getset;
  t.descr_get = wrapperdescr_get;
  return t;
}();
TypeObject method_wrapper_type = [] {
  TypeObject t = static_type("method-wrapper", sizeof(MethodWrapperObject), 0, kTpflagsHaveGc);
  t.dealloc = wrapper_dealloc;
  t.repr = wrapper_repr;
  t.hash = wrapper_hash;
  t.call = wrapper_call;
  t.getattro = object_generic_getattr;
  t.traverse = wrapper_traverse;
  t.richcompare = wrapper_richcompare;
  t.methods = wrapper_methods;
  t.getset = wrapper_getset;
  return t;
}();
TypeObject property_type = [] {
  TypeObject t = static_type("property", sizeof(PropertyObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = property_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = property_traverse;
  t.clear = property_clear;
  t.methods = property_methods;
  t.members = property_members;
  t.getset = property_getsetlist;
  t.descr_get = property_descr_get;
  t.descr_set = property_descr_set;
  t.init = property_init;
  t.alloc = type_generic_alloc;
  t.new_ = type_generic_new;
  t.doc =
      "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\nProperty attribute.\n\n  "
      "fget\n    function to be used for getting an attribute value\n  fset\n    function to "
      "be used for setting an attribute value\n  fdel\n    function to be used for del'ing an "
      "attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\n"
      "class C(object):\n    def getx(self): return self._x\n    def setx(self, value): "
      "self._x = value\n    def delx(self): del self._x\n    x = property(getx, setx, delx, "
      "\"I'm the 'x' property.\")\n\nDecorators make defining new properties or modifying "
      "existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n        \"I "
      "am the 'x' property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n"
      "        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x";
  return t;
}();
TypeObject classmethod_type =
    make_cm_type("classmethod", classmethod_init, classmethod_descr_get, classmethod_repr);
TypeObject staticmethod_type = [] {
  TypeObject t = make_cm_type("staticmethod", staticmethod_init, staticmethod_descr_get,
                              staticmethod_repr);
  t.call = staticmethod_call;
  return t;
}();
TypeObject mappingproxy_type = [] {
  TypeObject t = static_type("mappingproxy", sizeof(MappingProxyObject), 0,
                             kTpflagsHaveGc | kTpflagsMapping);
  t.dealloc = mappingproxy_dealloc;
  t.repr = mappingproxy_repr;
  t.as_number = &mappingproxy_as_number;
  t.as_sequence = &mappingproxy_as_sequence;
  t.as_mapping = &mappingproxy_as_mapping;
  t.str = mappingproxy_str;
  t.getattro = object_generic_getattr;
  t.traverse = mappingproxy_traverse;
  t.richcompare = mappingproxy_richcompare;
  t.hash = mappingproxy_hash;
  t.iter = mappingproxy_iter;
  t.methods = mappingproxy_methods;
  t.new_ = mappingproxy_new;
  return t;
}();

// --- constructors ---

Object* descr_new_method(TypeObject* type, MethodDef* method) {
  auto* d = static_cast<MethodDescrObject*>(
      descr_new(&method_descr_type, sizeof(MethodDescrObject), type, method->name));
  if (!d) return nullptr;
  d->d_method = method;
  d->vectorcall = method_vectorcall;
  return d;
}

Object* descr_new_classmethod(TypeObject* type, MethodDef* method) {
  auto* d = static_cast<MethodDescrObject*>(
      descr_new(&classmethod_descr_type, sizeof(MethodDescrObject), type, method->name));
  if (!d) return nullptr;
  d->d_method = method;
  d->vectorcall = nullptr;
  return d;
}

Object* descr_new_member(TypeObject* type, MemberDef* member) {
  auto* d = static_cast<MemberDescrObject*>(
      descr_new(&member_descr_type, sizeof(MemberDescrObject), type, member->name));
  if (!d) return nullptr;
  d->d_member = member;
  return d;
}

Object* descr_new_getset(TypeObject* type, GetSetDef* getset) {
  auto* d = static_cast<GetSetDescrObject*>(
      descr_new(&getset_descr_type, sizeof(GetSetDescrObject), type, getset->name));
  if (!d) return nullptr;
  d->d_getset = getset;
  return d;
}

Object* descr_new_wrapper(TypeObject* type, const SlotDef* base, void* wrapped) {
  auto* d = static_cast<WrapperDescrObject*>(
      descr_new(&wrapper_descr_type, sizeof(WrapperDescrObject), type, base->name));
  if (!d) return nullptr;
  d->d_base = base;
  d->d_wrapped = wrapped;
  return d;
}

Object* method_wrapper_new(Object* descr, Object* self) {
  auto* w = alloc_gc<MethodWrapperObject>(&method_wrapper_type);
  if (!w) return nullptr;
  w->descr = static_cast<WrapperDescrObject*>(new_ref(descr));
  w->self = new_ref(self);
  gc::track(w);
  return w;
}

Object* dictproxy_new(Object* mapping) {
  // mappingproxy_check_mapping: a mapping, but not a list or tuple.
  if (!mapping_check(mapping) || type_has_feature(mapping->type, kTpflagsListSubclass) ||
      type_has_feature(mapping->type, kTpflagsTupleSubclass)) {
    return errors::format(exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                          mapping->type->name);
  }
  auto* p = alloc_gc<MappingProxyObject>(&mappingproxy_type);
  if (!p) return nullptr;
  p->mapping = new_ref(mapping);
  gc::track(p);
  return p;
}

Object* classmethod_new(Object* callable) {
  Object* cmo = type_generic_alloc(&classmethod_type, 0);
  if (!cmo) return nullptr;
  cm(cmo)->cm_callable = new_ref(callable);
  return cmo;
}

Object* staticmethod_new(Object* callable) {
  Object* sm = type_generic_alloc(&staticmethod_type, 0);
  if (!sm) return nullptr;
  cm(sm)->cm_callable = new_ref(callable);
  return sm;
}

// --- Python/structmember.c ----------------------------------------------------------------------

Object* member_get_one(const char* obj_addr, MemberDef* l) {
  const char* addr = obj_addr + l->offset;
  switch (l->type) {
    case kMemberBool: return bool_from_long(*reinterpret_cast<const char*>(addr));
    case kMemberByte: return long_from_long(*reinterpret_cast<const signed char*>(addr));
    case kMemberUByte: return long_from_long(*reinterpret_cast<const unsigned char*>(addr));
    case kMemberShort: return long_from_long(*reinterpret_cast<const short*>(addr));
    case kMemberUShort: return long_from_long(*reinterpret_cast<const unsigned short*>(addr));
    case kMemberInt: return long_from_long(*reinterpret_cast<const int*>(addr));
    case kMemberUInt: return long_from_long(*reinterpret_cast<const unsigned int*>(addr));
    case kMemberLong: return long_from_long(*reinterpret_cast<const long*>(addr));
    case kMemberULong:
      return long_from_unsigned_long_long(*reinterpret_cast<const unsigned long*>(addr));
    case kMemberSsize: return long_from_ssize(*reinterpret_cast<const ssize*>(addr));
    case kMemberLongLong: return long_from_long(static_cast<long>(*reinterpret_cast<const long long*>(addr)));
    case kMemberString: {
      const char* s = *reinterpret_cast<const char* const*>(addr);
      if (!s) return return_none();
      return str_from_cstr(s);
    }
    case kMemberStringInplace: return str_from_cstr(addr);
    case kMemberChar: return str_from_utf8(addr, 1);
    case kMemberObject: {
      Object* v = *reinterpret_cast<Object* const*>(addr);
      return new_ref(v ? v : none());
    }
    case kMemberObjectEx: {
      Object* v = *reinterpret_cast<Object* const*>(addr);
      if (!v) {
        // PyMember_GetOne names the type fully qualified (%T).
        errors::format(exc_AttributeError, "'%T' object has no attribute '%s'",
                       reinterpret_cast<Object*>(const_cast<char*>(obj_addr)), l->name);
        return nullptr;
      }
      return new_ref(v);
    }
    case kMemberNone: return return_none();
    default:
      errors::set_string(exc_SystemError, "bad memberdescr type");
      return nullptr;
  }
}

int member_set_one(char* obj_addr, MemberDef* l, Object* v) {
  char* addr = obj_addr + l->offset;
  if (l->flags & kMemberReadonly) {
    errors::set_string(exc_AttributeError, "readonly attribute");
    return -1;
  }
  if (v == nullptr) {
    if (l->type == kMemberObjectEx) {
      if (*reinterpret_cast<Object**>(addr) == nullptr) {
        errors::set_string(exc_AttributeError, l->name);
        return -1;
      }
    } else if (l->type != kMemberObject) {
      errors::set_string(exc_TypeError, "can't delete numeric/char attribute");
      return -1;
    }
  }
  switch (l->type) {
    case kMemberObject:
    case kMemberObjectEx:
      xsetref(*reinterpret_cast<Object**>(addr), xnew_ref(v));
      return 0;
    case kMemberBool: {
      if (v != true_object() && v != false_object()) {
        errors::set_string(exc_TypeError, "attribute value type must be bool");
        return -1;
      }
      *reinterpret_cast<char*>(addr) = v == true_object();
      return 0;
    }
    case kMemberSsize: {
      // PyMember_SetOne's Py_T_PYSSIZET: PyLong_AsSsize_t (an int, no __index__).
      ssize n = long_as_ssize(v);
      if (n == -1 && errors::occurred()) return -1;
      *reinterpret_cast<ssize*>(addr) = n;
      return 0;
    }
    default: break;
  }
  long value = long_as_long(v);
  if (value == -1 && errors::occurred()) return -1;
  switch (l->type) {
    case kMemberByte: *reinterpret_cast<signed char*>(addr) = static_cast<signed char>(value); break;
    case kMemberUByte: *reinterpret_cast<unsigned char*>(addr) = static_cast<unsigned char>(value); break;
    case kMemberShort: *reinterpret_cast<short*>(addr) = static_cast<short>(value); break;
    case kMemberUShort: *reinterpret_cast<unsigned short*>(addr) = static_cast<unsigned short>(value); break;
    case kMemberInt: *reinterpret_cast<int*>(addr) = static_cast<int>(value); break;
    case kMemberUInt: *reinterpret_cast<unsigned int*>(addr) = static_cast<unsigned int>(value); break;
    case kMemberLong: *reinterpret_cast<long*>(addr) = value; break;
    case kMemberULong: *reinterpret_cast<unsigned long*>(addr) = static_cast<unsigned long>(value); break;
    case kMemberLongLong: *reinterpret_cast<long long*>(addr) = value; break;
    default:
      errors::format(exc_SystemError, "bad memberdescr type for %s", l->name);
      return -1;
  }
  return 0;
}

}  // namespace cppy::objects
