// Module objects: Objects/moduleobject.c (the part that needs no import machinery).
#include "objects/weakrefobject.h"
#include "objects/moduleobject.h"

#include "errors/errors.h"
#include "imp/import.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/docsig.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/setobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"
#include "sys/sysmodule.h"

namespace cppy::objects {

using typeobject_internal::name_of;

namespace {

inline ModuleObject* mo(Object* o) { return static_cast<ModuleObject*>(o); }

// module_init_dict: __name__, __doc__, __package__, __loader__, __spec__.
int module_init_dict(Object* md_dict, Object* name, Object* doc) {
  if (!doc) doc = none();
  if (dict_set_item(md_dict, name_of("__name__"), name) < 0) return -1;
  if (dict_set_item(md_dict, name_of("__doc__"), doc) < 0) return -1;
  if (dict_set_item(md_dict, name_of("__package__"), none()) < 0) return -1;
  if (dict_set_item(md_dict, name_of("__loader__"), none()) < 0) return -1;
  if (dict_set_item(md_dict, name_of("__spec__"), none()) < 0) return -1;
  return 0;
}

Object* new_module_notrack(TypeObject* type) {
  Object* m = type->alloc(type, 0);
  if (!m) return nullptr;
  mo(m)->md_dict = dict_new();
  if (!mo(m)->md_dict) {
    decref(m);
    return nullptr;
  }
  return m;
}

void module_dealloc(Object* o) {
  gc::untrack(o);
  if (mo(o)->md_weaklist) object_clear_weakrefs(o);
  xdecref(mo(o)->md_dict);
  xdecref(mo(o)->md_name);
  o->type->free(o);
}
int module_traverse(Object* o, visitproc visit, void* arg) {
  return mo(o)->md_dict ? visit(mo(o)->md_dict, arg) : 0;
}
int module_clear(Object* o) {
  clear(mo(o)->md_dict);
  return 0;
}

Object* module_tp_new(TypeObject* type, Object*, Object*) { return new_module_notrack(type); }

// module.__init__(name, doc=None).
int module_init(Object* self, Object* args, Object* kwds) {
  Object* name = nullptr;
  Object* doc = none();
  ssize n = tuple_size(args);
  if (n >= 1) name = tuple_item(args, 0);
  if (n >= 2) doc = tuple_item(args, 1);
  if (n > 2) {
    errors::format(exc_TypeError, "module() takes at most 2 arguments (%zd given)", n);
    return -1;
  }
  if (kwds) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      if (str_compare_cstr(k, "name") == 0 && !name) name = v;
      else if (str_compare_cstr(k, "doc") == 0 && n < 2) doc = v;
      else {
        errors::format(exc_TypeError, "module() got an unexpected keyword argument '%U'", k);
        return -1;
      }
    }
  }
  if (!name) {
    errors::set_string(exc_TypeError, "module() missing required argument 'name' (pos 1)");
    return -1;
  }
  if (!str_check(name)) {
    errors::format(exc_TypeError, "module() argument 'name' must be str, not %.200s",
                   name->type->name);
    return -1;
  }
  return module_init_dict(mo(self)->md_dict, name, doc);
}

// module_repr: importlib._bootstrap._module_repr(m) (_PyImport_ImportlibModuleRepr), which
// looks at __spec__, __loader__ and __file__; before importlib exists, the plain forms.
Object* module_repr(Object* self) {
  if (Object* importlib = imp::importlib()) {
    static Object* name = str_intern_from_cstr("_module_repr");
    Ref<> fn = Ref<>::steal(object_getattr(importlib, name));
    if (!fn) return nullptr;
    return object_call_one_arg(fn.get(), self);
  }
  Object* d = mo(self)->md_dict;
  Object* name = d ? dict_get_item(d, name_of("__name__")) : nullptr;
  Object* file = d ? dict_get_item(d, name_of("__file__")) : nullptr;
  if (!name || !str_check(name)) return str_from_cstr("<module '?'>");
  if (file && str_check(file)) return str_from_format("<module %R from %R>", name, file);
  return str_from_format("<module %R>", name);
}

// _Py_module_getattro_impl: the generic lookup, then the module's __getattr__, then the
// most useful message: a module shadowing the standard library (or another library while it
// initializes), a partially initialized module, a submodule not yet bound (circular imports).
Object* module_getattro(Object* self, Object* name) {
  Object* attr = object_generic_getattr_with_dict(self, name, nullptr, true);
  if (attr || errors::occurred()) return attr;
  Object* d = mo(self)->md_dict;
  if (!d) return errors::format(exc_AttributeError, "module has no attribute '%U'", name);
  if (Object* getattr = dict_get_item(d, name_of("__getattr__"))) {
    Ref<> g = Ref<>::borrow(getattr);
    return object_call_one_arg(getattr, name);
  }
  Object* mod_name_raw = dict_get_item(d, name_of("__name__"));
  if (!mod_name_raw || !str_check(mod_name_raw))
    return errors::format(exc_AttributeError, "module has no attribute '%U'", name);
  Ref<> mod_name = Ref<>::borrow(mod_name_raw);
  Object* spec_raw = dict_get_item(d, name_of("__spec__"));
  if (!spec_raw)
    return errors::format(exc_AttributeError, "module '%U' has no attribute '%U'",
                          mod_name.get(), name);
  Ref<> spec = Ref<>::borrow(spec_raw);
  Object* origin_raw = nullptr;
  if (imp::spec_get_file_origin(spec.get(), &origin_raw) < 0) return nullptr;
  Ref<> origin = Ref<>::steal(origin_raw);
  int shadowing = imp::is_possibly_shadowing(origin.get());
  if (shadowing < 0) return nullptr;
  int shadowing_stdlib = 0;
  if (shadowing) {
    Object* stdlib_modules = sys::get_object("stdlib_module_names");
    if (stdlib_modules && anyset_check(stdlib_modules)) {
      shadowing_stdlib = set_contains(stdlib_modules, mod_name.get());
      if (shadowing_stdlib < 0) return nullptr;
    }
  }
  if (shadowing_stdlib)
    return errors::format(exc_AttributeError,
                          "module '%U' has no attribute '%U' (consider renaming '%U' since it has "
                          "the same name as the standard library module named '%U' and prevents "
                          "importing that standard library module)",
                          mod_name.get(), name, origin.get(), mod_name.get());
  int rc = imp::spec_is_initializing(spec.get());
  if (rc < 0) return nullptr;
  if (rc > 0) {
    if (shadowing)
      return errors::format(exc_AttributeError,
                            "module '%U' has no attribute '%U' (consider renaming '%U' if it has "
                            "the same name as a library you intended to import)",
                            mod_name.get(), name, origin.get());
    if (origin)
      return errors::format(exc_AttributeError,
                            "partially initialized module '%U' from '%U' has no attribute '%U' "
                            "(most likely due to a circular import)",
                            mod_name.get(), origin.get(), name);
    return errors::format(exc_AttributeError,
                          "partially initialized module '%U' has no attribute '%U' (most likely "
                          "due to a circular import)",
                          mod_name.get(), name);
  }
  rc = imp::spec_is_uninitialized_submodule(spec.get(), name);
  if (rc > 0)
    return errors::format(exc_AttributeError,
                          "cannot access submodule '%U' of module '%U' (most likely due to a "
                          "circular import)",
                          name, mod_name.get());
  if (rc == 0)
    errors::format(exc_AttributeError, "module '%U' has no attribute '%U'", mod_name.get(), name);
  return nullptr;
}

// module_dir reads self.__dict__ (a subclass may override it).
Object* module_dir(Object* self, Object*) {
  Ref<> dict = Ref<>::steal(object_getattr(self, name_of("__dict__")));
  if (!dict) return nullptr;
  Object* d = dict.get();
  if (!dict_check(d)) {
    return errors::format(exc_TypeError, "<module>.__dict__ is not a dictionary");
  }
  Object* dirfunc = dict_get_item(d, name_of("__dir__"));
  if (dirfunc) {
    Ref<> keep = Ref<>::borrow(dirfunc);
    return object_call_no_args(dirfunc);
  }
  return dict_keys(d);
}

// The module's dict for the annotation attributes (CPython reads self.__dict__).
Object* annotations_dict(Object* self) {
  Object* d = mo(self)->md_dict;
  if (!d || !dict_check(d)) {
    errors::set_string(exc_TypeError, "<module>.__dict__ is not a dictionary");
    return nullptr;
  }
  return d;
}

// _PyModuleSpec_IsInitializing: spec._initializing is true.
int spec_is_initializing(Object* spec) {
  Object* value = nullptr;
  if (object_get_optional_attr(spec, name_of("_initializing"), &value) < 0) return -1;
  if (!value) return 0;
  int r = object_is_true(value);
  decref(value);
  return r;
}

// module_get_annotate: __annotate__ from the dict, None (then stored) when absent.
Object* module_annotate_get(Object* self, void*) {
  Object* d = annotations_dict(self);
  if (!d) return nullptr;
  Object* annotate = dict_get_item(d, name_of("__annotate__"));
  if (annotate) return new_ref(annotate);
  if (errors::occurred()) return nullptr;
  if (dict_set_item(d, name_of("__annotate__"), none()) < 0) return nullptr;
  return return_none();
}
// module_set_annotate.
int module_annotate_set(Object* self, Object* value, void*) {
  if (!value) {
    errors::set_string(exc_TypeError, "cannot delete __annotate__ attribute");
    return -1;
  }
  Object* d = annotations_dict(self);
  if (!d) return -1;
  if (value != none() && !callable_check(value)) {
    errors::set_string(exc_TypeError, "__annotate__ must be callable or None");
    return -1;
  }
  if (dict_set_item(d, name_of("__annotate__"), value) < 0) return -1;
  if (value != none() && dict_pop(d, name_of("__annotations__"), nullptr) < 0) return -1;
  return 0;
}
// module_get_annotations: __annotations__ from the dict, else __annotate__(1) (or {}), kept
// in the dict unless the module is still being imported.
Object* module_annotations_get(Object* self, void*) {
  Object* d = annotations_dict(self);
  if (!d) return nullptr;
  Object* found = dict_get_item(d, name_of("__annotations__"));
  if (found) return new_ref(found);
  if (errors::occurred()) return nullptr;
  bool initializing = false;
  if (Object* spec = dict_get_item(d, name_of("__spec__"))) {
    Ref<> keep = Ref<>::borrow(spec);
    int r = spec_is_initializing(spec);
    if (r < 0) return nullptr;
    initializing = r != 0;
  }
  Ref<> annotations;
  Object* annotate = dict_get_item(d, name_of("__annotate__"));
  if (annotate && callable_check(annotate)) {
    Ref<> keep = Ref<>::borrow(annotate);
    Ref<> one = Ref<>::steal(long_from_long(1));
    if (!one) return nullptr;
    annotations = Ref<>::steal(object_call_one_arg(annotate, one.get()));
    if (!annotations) return nullptr;
    if (!dict_check(annotations.get())) {
      errors::format(exc_TypeError, "__annotate__ returned non-dict of type '%.100s'",
                     annotations->type->name);
      return nullptr;
    }
  } else {
    annotations = Ref<>::steal(dict_new());
    if (!annotations) return nullptr;
  }
  if (!initializing && dict_set_item(d, name_of("__annotations__"), annotations.get()) < 0)
    return nullptr;
  return annotations.release();
}
// module_set_annotations: setting or deleting drops __annotate__.
int module_annotations_set(Object* self, Object* value, void*) {
  Object* d = annotations_dict(self);
  if (!d) return -1;
  if (value) {
    if (dict_set_item(d, name_of("__annotations__"), value) < 0) return -1;
  } else {
    int r = dict_pop(d, name_of("__annotations__"), nullptr);
    if (r < 0) return -1;
    if (r == 0) {
      errors::set_object(exc_AttributeError, name_of("__annotations__"));
      return -1;
    }
  }
  return dict_pop(d, name_of("__annotate__"), nullptr) < 0 ? -1 : 0;
}

GetSetDef module_getsets[] = {
    {"__annotations__", module_annotations_get, module_annotations_set, nullptr, nullptr},
    {"__annotate__", module_annotate_get, module_annotate_set, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MemberDef module_members[] = {
    {"__dict__", kMemberObject, static_cast<ssize>(offsetof(ModuleObject, md_dict)),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};
MethodDef module_methods[] = {
    {"__dir__", reinterpret_cast<void*>(module_dir), kMethNoArgs,
     "__dir__() -> list\nspecialized dir() implementation"},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

TypeObject module_type = [] {
  TypeObject t = static_type("module", sizeof(ModuleObject), 0, kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = module_dealloc;
  t.repr = module_repr;
  t.getattro = module_getattro;
  t.setattro = object_generic_setattr;
  t.traverse = module_traverse;
  t.clear = module_clear;
  t.weaklistoffset = static_cast<ssize>(offsetof(ModuleObject, md_weaklist));
  t.methods = module_methods;
  t.members = module_members;
  t.getset = module_getsets;
  t.dictoffset = static_cast<ssize>(offsetof(ModuleObject, md_dict));
  t.init = module_init;
  t.alloc = type_generic_alloc;
  t.new_ = module_tp_new;
  t.doc = "module(name, doc=None)\n--\n\nCreate a module object.\n\nThe name must be a string; the optional doc argument can have any type.";
  return t;
}();

bool module_check(Object* o) { return type_check(o, &module_type); }

Object* module_new_object(Object* name) {
  Ref<> m = Ref<>::steal(new_module_notrack(&module_type));
  if (!m) return nullptr;
  if (module_init_dict(mo(m.get())->md_dict, name, nullptr) < 0) return nullptr;
  mo(m.get())->md_name = new_ref(name);
  return m.release();
}

Object* module_new(const char* name) {
  Ref<> n = Ref<>::steal(str_from_cstr(name));
  if (!n) return nullptr;
  return module_new_object(n.get());
}

Object* module_get_dict(Object* m) { return mo(m)->md_dict; }

Object* module_get_name_object(Object* m) {
  Object* d = mo(m)->md_dict;
  Object* name = d ? dict_get_item(d, name_of("__name__")) : nullptr;
  if (!name || !str_check(name)) {
    errors::set_string(exc_SystemError, "nameless module");
    return nullptr;
  }
  return new_ref(name);
}

int module_add_object_ref(Object* m, const char* name, Object* value) {
  if (!value) {
    if (!errors::occurred())
      errors::set_string(exc_SystemError, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
    return -1;
  }
  return dict_set_item_string(mo(m)->md_dict, name, value);
}

int module_add_functions(Object* m, MethodDef* functions) {
  Ref<> name = Ref<>::steal(module_get_name_object(m));
  if (!name) return -1;
  // The reference's docs and signatures of the module's functions (objects/docsig.h).
  if (const char* modname = str_as_utf8(name.get())) apply_builtin_docs(modname, functions);
  else errors::clear();
  for (MethodDef* fdef = functions; fdef && fdef->name; ++fdef) {
    if ((fdef->flags & kMethClass) || (fdef->flags & kMethStatic)) {
      errors::set_string(exc_ValueError, "module functions cannot set METH_CLASS or METH_STATIC");
      return -1;
    }
    Ref<> func = Ref<>::steal(cfunction_new(fdef, m, name.get()));
    if (!func) return -1;
    if (dict_set_item_string(mo(m)->md_dict, fdef->name, func.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace cppy::objects
