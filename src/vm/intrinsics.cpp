// CALL_INTRINSIC_1 / CALL_INTRINSIC_2: Python/intrinsics.c.
#include "vm/intrinsics.h"

#include <cstdio>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/genobject.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"
#include "objects/typevarobject.h"
#include "objects/unicodeobject.h"
#include "sys/sysmodule.h"
#include "vm/ceval.h"
#include "vm/frame.h"

namespace cppy::vm {

using namespace objects;

namespace {

// stopiteration_error: a StopIteration escaping a generator becomes RuntimeError (PEP 479).
Object* stopiteration_error(Object* exc) {
  Frame* f = current_frame();
  int flags = f ? frame_code(f)->co_flags : 0;
  const char* msg = nullptr;
  if (object_is_instance(exc, reinterpret_cast<Object*>(exc_StopIteration)) > 0) {
    msg = "generator raised StopIteration";
    if (flags & kCoAsyncGenerator) msg = "async generator raised StopIteration";
    else if (flags & kCoCoroutine) msg = "coroutine raised StopIteration";
  } else if ((flags & kCoAsyncGenerator) &&
             object_is_instance(exc, reinterpret_cast<Object*>(exc_StopAsyncIteration)) > 0) {
    msg = "async generator raised StopAsyncIteration";
  }
  if (!msg) return new_ref(exc);
  Object* m = str_from_cstr(msg);
  if (!m) return nullptr;
  Object* error = object_call_one_arg(reinterpret_cast<Object*>(exc_RuntimeError), m);
  decref(m);
  if (!error) return nullptr;
  exception_set_cause(error, new_ref(exc));
  exception_set_context(error, new_ref(exc));
  return error;
}

}  // namespace

int import_all_from(Object* locals, Object* v) {
  Object* all;
  Object* all_name = str_intern_from_cstr("__all__");
  if (object_get_optional_attr(v, all_name, &all) < 0) return -1;
  bool skip_leading_underscores = false;
  if (!all) {
    Object* dict;
    Object* dict_name = str_intern_from_cstr("__dict__");
    if (object_get_optional_attr(v, dict_name, &dict) < 0) return -1;
    if (!dict) {
      errors::set_string(exc_ImportError, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    all = mapping_keys(dict);
    decref(dict);
    if (!all) return -1;
    skip_leading_underscores = true;
  }
  Ref<> all_ref = Ref<>::steal(all);
  for (ssize pos = 0;; ++pos) {
    Object* name = sequence_get_item(all, pos);
    if (!name) {
      if (!errors::exception_matches(reinterpret_cast<Object*>(exc_IndexError))) return -1;
      errors::clear();
      break;
    }
    Ref<> name_ref = Ref<>::steal(name);
    if (!str_check(name)) {
      errors::format(exc_TypeError, "Item in %s.%s must be str, not %.100s",
                     skip_leading_underscores ? "module" : "module",
                     skip_leading_underscores ? "__dict__" : "__all__", name->type->name);
      return -1;
    }
    if (skip_leading_underscores && str_length(name) > 0 && str_read_char(name, 0) == '_')
      continue;
    Object* value = object_getattr(v, name);
    if (!value) return -1;
    int err = dict_check_exact(locals) ? dict_set_item(locals, name, value)
                                       : object_set_item(locals, name, value);
    decref(value);
    if (err) return -1;
  }
  return 0;
}

Object* call_intrinsic_1(int oparg, Object* value) {
  switch (oparg) {
    case 1: {  // INTRINSIC_PRINT (print_expr): sys.displayhook(value)
      Object* hook = sys::get_object("displayhook");
      if (!hook) {
        errors::set_string(exc_RuntimeError, "lost sys.displayhook");
        return nullptr;
      }
      incref(hook);
      Object* r = object_call_one_arg(hook, value);
      decref(hook);
      return r;
    }
    case 2: {  // INTRINSIC_IMPORT_STAR
      Frame* f = current_frame();
      Object* locals = f ? f->f_locals : nullptr;
      if (!locals) {
        errors::set_string(exc_SystemError, "no locals found during 'import *'");
        return nullptr;
      }
      if (import_all_from(locals, value) < 0) return nullptr;
      return return_none();
    }
    case 3: return stopiteration_error(value);  // INTRINSIC_STOPITERATION_ERROR
    case 4: return async_gen_value_wrapper_new(value);  // INTRINSIC_ASYNC_GEN_WRAP
    case 5: return number_positive(value);  // INTRINSIC_UNARY_POSITIVE
    case 6: return list_as_tuple(value);    // INTRINSIC_LIST_TO_TUPLE
    case 7: return make_typevar(value, nullptr, nullptr);  // INTRINSIC_TYPEVAR
    case 8: return make_paramspec(value);                  // INTRINSIC_PARAMSPEC
    case 9: return make_typevartuple(value);               // INTRINSIC_TYPEVARTUPLE
    case 10: return subscript_generic(value);              // INTRINSIC_SUBSCRIPT_GENERIC
    case 11: return make_typealias(value);                 // INTRINSIC_TYPEALIAS
  }
  errors::set_string(exc_SystemError, "invalid intrinsic function");
  return nullptr;
}

Object* call_intrinsic_2(int oparg, Object* value1, Object* value2) {
  switch (oparg) {
    case 1: return exception_prep_reraise_star(value1, value2);  // INTRINSIC_PREP_RERAISE_STAR
    case 2: return make_typevar(value1, value2, nullptr);  // INTRINSIC_TYPEVAR_WITH_BOUND
    case 3: return make_typevar(value1, nullptr, value2);  // INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
    case 4: {  // INTRINSIC_SET_FUNCTION_TYPE_PARAMS
      Object* name = str_intern_from_cstr("__type_params__");
      if (object_setattr(value1, name, value2) < 0) return nullptr;
      return new_ref(value1);
    }
    case 5: return set_typeparam_default(value1, value2);  // INTRINSIC_SET_TYPEPARAM_DEFAULT
  }
  errors::set_string(exc_SystemError, "invalid intrinsic function");
  return nullptr;
}

}  // namespace cppy::vm
