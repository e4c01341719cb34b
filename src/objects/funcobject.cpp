// Function objects: Objects/funcobject.c.
#include "objects/funcobject.h"
#include "objects/weakrefobject.h"

#include <cstddef>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/cellobject.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/ceval.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::objects {

namespace {

uint32_t next_func_version = 1;

Object* str_dunder(const char* s, Object** cache) {
  if (!*cache) *cache = str_intern_from_cstr(s);
  return *cache;
}

void func_dealloc(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  gc::untrack(o);
  // FT_CLEAR_WEAKREFS: a weak reference must not outlive the function (callbacks run).
  if (f->func_weakreflist) object_clear_weakrefs(o);
  xdecref(f->func_globals);
  xdecref(f->func_builtins);
  xdecref(f->func_name);
  xdecref(f->func_qualname);
  xdecref(f->func_code);
  xdecref(f->func_defaults);
  xdecref(f->func_kwdefaults);
  xdecref(f->func_closure);
  xdecref(f->func_doc);
  xdecref(f->func_dict);
  xdecref(f->func_module);
  xdecref(f->func_annotations);
  xdecref(f->func_annotate);
  xdecref(f->func_typeparams);
  gc::gc_free(o);
}

int func_traverse(Object* o, visitproc visit, void* arg) {
  auto* f = static_cast<FunctionObject*>(o);
  Object* fields[] = {f->func_globals, f->func_builtins, f->func_code, f->func_defaults,
                      f->func_kwdefaults, f->func_closure, f->func_doc, f->func_dict,
                      f->func_module, f->func_annotations, f->func_annotate,
                      f->func_typeparams, f->func_name, f->func_qualname};
  for (Object* x : fields)
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  return 0;
}

int func_clear(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  f->func_version = 0;
  clear(f->func_globals);
  clear(f->func_builtins);
  clear(f->func_module);
  clear(f->func_defaults);
  clear(f->func_kwdefaults);
  clear(f->func_doc);
  clear(f->func_dict);
  clear(f->func_closure);
  clear(f->func_annotations);
  clear(f->func_annotate);
  clear(f->func_typeparams);
  return 0;
}

Object* func_repr(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  return str_from_format("<function %U at %p>", f->func_qualname, static_cast<void*>(o));
}

// func_descr_get: binds to an instance.
Object* func_descr_get(Object* func, Object* obj, Object*) {
  if (obj == nullptr || obj == none()) return new_ref(func);
  return method_new(func, obj);
}

Object* func_call(Object* func, Object* args, Object* kwargs) {
  return vectorcall_call(func, args, kwargs);
}

// --- attributes -----------------------------------------------------------------------------

Object* get_code(Object* o, void*) {
  return new_ref(static_cast<FunctionObject*>(o)->func_code);
}
int set_code(Object* o, Object* value, void*) {
  auto* f = static_cast<FunctionObject*>(o);
  if (!value || !code_check(value)) {
    errors::set_string(exc_TypeError, "__code__ must be set to a code object");
    return -1;
  }
  int nfree = static_cast<CodeObject*>(value)->co_nfreevars;
  ssize nclosure = f->func_closure ? tuple_size(f->func_closure) : 0;
  if (nclosure != nfree) {
    errors::format(exc_ValueError,
                   "%U() requires a code object with %zd free vars, not %d", f->func_name,
                   nclosure, nfree);
    return -1;
  }
  f->func_version = 0;
  xsetref(f->func_code, new_ref(value));
  return 0;
}

Object* get_defaults(Object* o, void*) {
  Object* d = static_cast<FunctionObject*>(o)->func_defaults;
  return new_ref(d ? d : none());
}
int set_defaults(Object* o, Object* value, void*) {
  if (value == none()) value = nullptr;
  if (value && !tuple_check(value)) {
    errors::set_string(exc_TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  auto* f = static_cast<FunctionObject*>(o);
  f->func_version = 0;
  xsetref(f->func_defaults, xnew_ref(value));
  return 0;
}

Object* get_kwdefaults(Object* o, void*) {
  Object* d = static_cast<FunctionObject*>(o)->func_kwdefaults;
  return new_ref(d ? d : none());
}
int set_kwdefaults(Object* o, Object* value, void*) {
  if (value == none()) value = nullptr;
  if (value && !dict_check(value)) {
    errors::set_string(exc_TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  auto* f = static_cast<FunctionObject*>(o);
  f->func_version = 0;
  xsetref(f->func_kwdefaults, xnew_ref(value));
  return 0;
}

Object* get_closure(Object* o, void*) {
  Object* c = static_cast<FunctionObject*>(o)->func_closure;
  return new_ref(c ? c : none());
}
Object* get_globals(Object* o, void*) {
  return new_ref(static_cast<FunctionObject*>(o)->func_globals);
}
Object* get_builtins(Object* o, void*) {
  return new_ref(static_cast<FunctionObject*>(o)->func_builtins);
}

Object* get_name(Object* o, void*) { return new_ref(static_cast<FunctionObject*>(o)->func_name); }
int set_name(Object* o, Object* value, void*) {
  if (!value || !str_check(value)) {
    errors::set_string(exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  xsetref(static_cast<FunctionObject*>(o)->func_name, new_ref(value));
  return 0;
}
Object* get_qualname(Object* o, void*) {
  return new_ref(static_cast<FunctionObject*>(o)->func_qualname);
}
int set_qualname(Object* o, Object* value, void*) {
  if (!value || !str_check(value)) {
    errors::set_string(exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  xsetref(static_cast<FunctionObject*>(o)->func_qualname, new_ref(value));
  return 0;
}

Object* get_doc(Object* o, void*) {
  Object* d = static_cast<FunctionObject*>(o)->func_doc;
  return new_ref(d ? d : none());
}
int set_doc(Object* o, Object* value, void*) {
  xsetref(static_cast<FunctionObject*>(o)->func_doc, new_ref(value ? value : none()));
  return 0;
}

Object* get_module(Object* o, void*) {
  Object* m = static_cast<FunctionObject*>(o)->func_module;
  return new_ref(m ? m : none());
}
int set_module(Object* o, Object* value, void*) {
  xsetref(static_cast<FunctionObject*>(o)->func_module, new_ref(value ? value : none()));
  return 0;
}

// func_get_annotations: calls __annotate__(1) the first time when there is no dict yet.
Object* get_annotations(Object* o, void*) {
  auto* f = static_cast<FunctionObject*>(o);
  if (!f->func_annotations) {
    if (f->func_annotate && f->func_annotate != none()) {
      Object* one = long_from_long(1);
      Object* ann = object_call_one_arg(f->func_annotate, one);
      decref(one);
      if (!ann) return nullptr;
      if (!dict_check(ann)) {
        errors::format(exc_TypeError, "__annotate__ returned non-dict of type '%.100s'",
                       ann->type->name);
        decref(ann);
        return nullptr;
      }
      f->func_annotations = ann;
    } else {
      f->func_annotations = dict_new();
      if (!f->func_annotations) return nullptr;
    }
  }
  return new_ref(f->func_annotations);
}
int set_annotations(Object* o, Object* value, void*) {
  if (value == none()) value = nullptr;
  if (value && !dict_check(value)) {
    errors::set_string(exc_TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  auto* f = static_cast<FunctionObject*>(o);
  xsetref(f->func_annotations, xnew_ref(value));
  if (value) clear(f->func_annotate);
  return 0;
}
Object* get_annotate(Object* o, void*) {
  Object* a = static_cast<FunctionObject*>(o)->func_annotate;
  return new_ref(a ? a : none());
}
int set_annotate(Object* o, Object* value, void*) {
  if (!value) {
    errors::set_string(exc_TypeError, "__annotate__ cannot be deleted");
    return -1;
  }
  auto* f = static_cast<FunctionObject*>(o);
  if (value == none()) {
    clear(f->func_annotate);
    return 0;
  }
  if (!value->type->call) {
    errors::set_string(exc_TypeError, "__annotate__ must be callable or None");
    return -1;
  }
  xsetref(f->func_annotate, new_ref(value));
  clear(f->func_annotations);
  return 0;
}
Object* get_type_params(Object* o, void*) {
  Object* t = static_cast<FunctionObject*>(o)->func_typeparams;
  return new_ref(t ? t : tuple_empty());
}
int set_type_params(Object* o, Object* value, void*) {
  if (!value || !tuple_check(value)) {
    errors::set_string(exc_TypeError, "__type_params__ must be set to a tuple");
    return -1;
  }
  xsetref(static_cast<FunctionObject*>(o)->func_typeparams, new_ref(value));
  return 0;
}

// __closure__, __globals__ and __builtins__ are Py_READONLY members in CPython (func_memberlist):
// PyMember_SetOne's message for both assignment and deletion.
int set_readonly_member(Object*, Object*, void*) {
  errors::set_string(exc_AttributeError, "readonly attribute");
  return -1;
}

GetSetDef func_getsetlist[] = {
    {"__code__", get_code, set_code, nullptr, nullptr},
    {"__defaults__", get_defaults, set_defaults, nullptr, nullptr},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults, nullptr, nullptr},
    {"__closure__", get_closure, set_readonly_member, nullptr, nullptr},
    {"__globals__", get_globals, set_readonly_member, nullptr, nullptr},
    {"__builtins__", get_builtins, set_readonly_member, nullptr, nullptr},
    {"__name__", get_name, set_name, nullptr, nullptr},
    {"__qualname__", get_qualname, set_qualname, nullptr, nullptr},
    {"__doc__", get_doc, set_doc, nullptr, nullptr},
    {"__module__", get_module, set_module, nullptr, nullptr},
    {"__annotations__", get_annotations, set_annotations,
     "Dict of annotations in a function object.", nullptr},
    {"__annotate__", get_annotate, set_annotate,
     "Get the code object for a function.", nullptr},
    {"__type_params__", get_type_params, set_type_params,
     "Get the declared type parameters for a function.", nullptr},
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace

// _PyEval_BuiltinsFromGlobals: globals['__builtins__'] as it is (a module gives its dict;
// any other object, a mapping or not, is kept: the eval loop looks names up in it through
// the mapping protocol), else the running frame's builtins (_PyEval_GetBuiltins).
Object* builtins_from_globals(Object* globals) {
  static Object* name = nullptr;
  Object* b = dict_get_item_with_error(globals, str_dunder("__builtins__", &name));
  if (b) {
    if (module_check(b)) return module_get_dict(b);
    return b;
  }
  if (errors::occurred()) return nullptr;
  return vm::eval_get_builtins();
}

// _PyFunction_FromConstructor / PyFunction_NewWithQualName.
Object* function_new(Object* code, Object* globals, Object* qualname) {
  static Object* name_str = nullptr;
  auto* co = static_cast<CodeObject*>(code);
  Object* builtins = builtins_from_globals(globals);
  if (!builtins) return nullptr;
  auto* f = static_cast<FunctionObject*>(gc::gc_malloc(sizeof(FunctionObject)));
  if (!f) return nullptr;
  f->refcnt = 1;
  f->type = &function_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  f->func_globals = new_ref(globals);
  f->func_builtins = new_ref(builtins);
  f->func_name = new_ref(co->co_name);
  f->func_qualname = new_ref(qualname ? qualname : co->co_qualname);
  f->func_code = new_ref(code);
  if ((co->co_flags & kCoHasDocstring) && tuple_size(co->co_consts) > 0)
    f->func_doc = new_ref(tuple_item(co->co_consts, 0));
  else
    f->func_doc = new_ref(none());
  Object* module = dict_get_item(globals, str_dunder("__name__", &name_str));
  f->func_module = xnew_ref(module);
  f->vectorcall = function_vectorcall;
  f->func_version = next_func_version++;
  gc::track(f);
  return f;
}

Object* function_vectorcall(Object* func, Object* const* args, size_t nargsf, Object* kwnames) {
  return vm::eval_vector(static_cast<FunctionObject*>(func), args, vectorcall_nargs(nargsf),
                         kwnames);
}

namespace {

// func_new_impl: types.FunctionType(code, globals, name=None, argdefs=None, closure=None,
// kwdefaults=None).
Object* func_tp_new(TypeObject*, Object* args, Object* kwargs) {
  static const char* const kKeywords[] = {"code", "globals", "name", "argdefs", "closure",
                                          "kwdefaults", nullptr};
  static const ArgParser kParser{"function", kKeywords, 2, 6, 0};
  Object* a[6] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwargs, nullptr, kParser, a)) {
    return nullptr;
  }
  Object* code = a[0];
  Object* globals = a[1];
  Object* name = a[2] ? a[2] : none();
  Object* defaults = a[3] ? a[3] : none();
  Object* closure = a[4] ? a[4] : none();
  Object* kwdefaults = a[5] ? a[5] : none();
  if (!code_check(code)) {
    return errors::format(exc_TypeError, "function() argument 'code' must be code, not %.200s",
                          code->type->name);
  }
  if (!dict_check(globals)) {
    return errors::format(exc_TypeError, "function() argument 'globals' must be dict, not %.200s",
                          globals->type->name);
  }
  auto* co = static_cast<CodeObject*>(code);
  if (name != none() && !str_check(name)) {
    return errors::format(exc_TypeError, "arg 3 (name) must be None or string");
  }
  if (defaults != none() && !tuple_check(defaults)) {
    return errors::format(exc_TypeError, "arg 4 (defaults) must be None or tuple");
  }
  if (!tuple_check(closure)) {
    if (co->co_nfreevars && closure == none()) {
      return errors::format(exc_TypeError, "arg 5 (closure) must be tuple");
    }
    if (closure != none()) {
      return errors::format(exc_TypeError, "arg 5 (closure) must be None or tuple");
    }
  }
  if (kwdefaults != none() && !dict_check(kwdefaults)) {
    return errors::format(exc_TypeError, "arg 6 (kwdefaults) must be None or dict");
  }
  ssize nclosure = closure == none() ? 0 : tuple_size(closure);
  if (co->co_nfreevars != nclosure) {
    return errors::format(exc_ValueError, "%U requires closure of length %zd, not %zd",
                          co->co_name, static_cast<ssize>(co->co_nfreevars), nclosure);
  }
  for (ssize i = 0; i < nclosure; ++i) {
    Object* o = tuple_item(closure, i);
    if (!cell_check(o)) {
      return errors::format(exc_TypeError, "arg 5 (closure) expected cell, found %s",
                            o->type->name);
    }
  }
  Object* f = function_new(code, globals);
  if (!f) return nullptr;
  auto* fn = static_cast<FunctionObject*>(f);
  if (name != none()) {
    decref(fn->func_name);
    fn->func_name = new_ref(name);
  }
  if (defaults != none()) fn->func_defaults = new_ref(defaults);
  if (closure != none()) fn->func_closure = new_ref(closure);
  if (kwdefaults != none()) fn->func_kwdefaults = new_ref(kwdefaults);
  return f;
}

}  // namespace

TypeObject function_type = [] {
  TypeObject t = static_type("function", sizeof(FunctionObject), 0,
                             kTpflagsHaveGc | kTpflagsMethodDescriptor | kTpflagsHaveVectorcall);
  t.dealloc = func_dealloc;
  t.repr = func_repr;
  t.call = func_call;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.traverse = func_traverse;
  t.clear = func_clear;
  t.getset = func_getsetlist;
  t.descr_get = func_descr_get;
  t.vectorcall_offset = static_cast<ssize>(offsetof(FunctionObject, vectorcall));
  t.dictoffset = static_cast<ssize>(offsetof(FunctionObject, func_dict));
  t.weaklistoffset = static_cast<ssize>(offsetof(FunctionObject, func_weakreflist));
  t.new_ = func_tp_new;
  t.doc = "function(code, globals, name=None, argdefs=None, closure=None,\n"
          "         kwdefaults=None)\n--\n\n"
          "Create a function object.\n\n  code\n    a code object\n  globals\n    the globals "
          "dictionary\n  name\n    a string that overrides the name from the code object\n  "
          "argdefs\n    a tuple that specifies the default argument values\n  closure\n    a "
          "tuple that supplies the bindings for free variables\n  kwdefaults\n    a dictionary "
          "that specifies the default keyword argument values";
  return t;
}();

}  // namespace cppy::objects
