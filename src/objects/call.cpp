// The call protocol: Objects/call.c (PyObject_Call, vectorcall, method calls, the
// conversions between (tuple, dict) and vectorcall arguments) and the C recursion guard of
// Include/cpython/pystate.h.
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pystate.h"
#include "runtime/thread.h"

namespace cppy::objects {

// _Py_CheckRecursiveCall (Python/ceval.c).
int check_recursive_call(runtime::ThreadState* ts, const char* where) {
  uintptr_t here = runtime::machine_stack_pointer();
  if (ts->c_stack_hard_limit == 0) {
    // A thread whose limits were never read (an embedder's own thread).
    runtime::init_recursion_limits(ts);
    if (here >= ts->c_stack_soft_limit) return 0;
  }
  int kbytes_used = static_cast<int>((ts->c_stack_top - here) / 1024);
  if (here < ts->c_stack_hard_limit) {
    // Overflowing while handling an overflow: give up.
    std::fprintf(stderr, "Fatal Python error: Unrecoverable stack overflow (used %d kB)%s\n",
                 kbytes_used, where);
    std::fflush(stderr);
    std::abort();
  }
  if (ts->recursion_headroom) return 0;
  ++ts->recursion_headroom;
  errors::format(exc_RecursionError, "Stack overflow (used %d kB)%s", kbytes_used, where);
  --ts->recursion_headroom;
  return -1;
}

// _Py_CheckFunctionResult.
Object* check_function_result(Object* callable, Object* result, const char* where) {
  if (result == nullptr) {
    if (!errors::occurred()) {
      if (callable)
        errors::format(exc_SystemError, "%R returned NULL without setting an exception",
                       callable);
      else
        errors::format(exc_SystemError, "%s returned NULL without setting an exception", where);
    }
    return nullptr;
  }
  if (errors::occurred()) {
    decref(result);
    if (callable)
      errors::format_from_cause(exc_SystemError, "%R returned a result with an exception set",
                                callable);
    else
      errors::format_from_cause(exc_SystemError, "%s returned a result with an exception set",
                                where);
    return nullptr;
  }
  return result;
}

bool callable_check(Object* o) { return o->type->call != nullptr; }

vectorcallfunc vectorcall_function(Object* callable) {
  TypeObject* tp = callable->type;
  if (!type_has_feature(tp, kTpflagsHaveVectorcall)) return nullptr;
  ssize offset = tp->vectorcall_offset;
  vectorcallfunc f;
  std::memcpy(&f, reinterpret_cast<char*>(callable) + offset, sizeof(f));
  return f;
}

// _PyStack_AsDict: _PyDict_FromItems over the names and the values.
Object* stack_as_dict(Object* const* values, Object* kwnames) {
  return dict_from_items(tuple_items(kwnames), 1, values, 1, tuple_size(kwnames));
}

// _PyObject_MakeTpCall.
Object* make_tp_call(Object* callable, Object* const* args, ssize nargs, Object* kwnames) {
  ternaryfunc call = callable->type->call;
  if (call == nullptr) {
    return errors::format(exc_TypeError, "'%.200s' object is not callable",
                          callable->type->name);
  }
  Ref<> argstuple = Ref<>::steal(tuple_from_array(args, nargs));
  if (!argstuple) return nullptr;
  Ref<> kwdict;
  if (kwnames && tuple_size(kwnames)) {
    kwdict = Ref<>::steal(stack_as_dict(args + nargs, kwnames));
    if (!kwdict) return nullptr;
  }
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  Object* result = call(callable, argstuple.get(), kwdict.get());
  leave_recursive_call();
  return check_function_result(callable, result, nullptr);
}

// PyObject_Vectorcall.
Object* vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  vectorcallfunc func = vectorcall_function(callable);
  if (func == nullptr) {
    if (callable->type->call == type_call_slot()) {
      // A class: instantiated without building the tuple and dict of tp_call.
      if (enter_recursive_call(" while calling a Python object")) return nullptr;
      bool handled;
      Object* result = type_call_vector(callable, args, nargsf, kwnames, &handled);
      leave_recursive_call();
      if (handled) return check_function_result(callable, result, nullptr);
    }
    return make_tp_call(callable, args, vectorcall_nargs(nargsf), kwnames);
  }
  Object* res = func(callable, args, nargsf, kwnames);
  return check_function_result(callable, res, nullptr);
}

Object* const* stack_unpack_dict(Object* const* args, ssize nargs, Object* kwargs,
                                 Object** p_kwnames) {
  ssize nkwargs = dict_size(kwargs);
  // One spare slot in front so callees may use PY_VECTORCALL_ARGUMENTS_OFFSET.
  auto** stack = new Object*[static_cast<size_t>(1 + nargs + nkwargs)];
  Object* kwnames = tuple_new(nkwargs);
  if (!kwnames) {
    delete[] stack;
    return nullptr;
  }
  stack++;
  for (ssize i = 0; i < nargs; ++i) stack[i] = new_ref(args[i]);
  Object** kwstack = stack + nargs;
  ssize pos = 0, i = 0;
  Object *key, *value;
  bool keys_are_strings = true;
  while (dict_next(kwargs, &pos, &key, &value)) {
    keys_are_strings &= str_check(key);
    tuple_set_item(kwnames, i, new_ref(key));
    kwstack[i] = new_ref(value);
    ++i;
  }
  if (!keys_are_strings) {
    errors::set_string(exc_TypeError, "keywords must be strings");
    stack_unpack_dict_free(stack, nargs, kwnames);
    return nullptr;
  }
  *p_kwnames = kwnames;
  return stack;
}

void stack_unpack_dict_free(Object* const* stack, ssize nargs, Object* kwnames) {
  ssize n = tuple_size(kwnames) + nargs;
  for (ssize i = 0; i < n; ++i) decref(stack[i]);
  delete[] (stack - 1);
  decref(kwnames);
}

// _PyObject_VectorcallDictTstate.
Object* vectorcall_dict(Object* callable, Object* const* args, size_t nargsf, Object* kwargs) {
  ssize nargs = vectorcall_nargs(nargsf);
  vectorcallfunc func = vectorcall_function(callable);
  if (func == nullptr) {
    Ref<> t = Ref<>::steal(tuple_from_array(args, nargs));
    if (!t) return nullptr;
    return object_call(callable, t.get(), kwargs);
  }
  Object* res;
  if (kwargs == nullptr || dict_size(kwargs) == 0) {
    res = func(callable, args, nargsf, nullptr);
  } else {
    Object* kwnames;
    Object* const* newargs = stack_unpack_dict(args, nargs, kwargs, &kwnames);
    if (!newargs) return nullptr;
    res = func(callable, newargs, static_cast<size_t>(nargs) | kVectorcallArgumentsOffset,
               kwnames);
    stack_unpack_dict_free(newargs, nargs, kwnames);
  }
  return check_function_result(callable, res, nullptr);
}

// PyVectorcall_Call: a vectorcall-capable callable called with a tuple and a dict.
Object* vectorcall_call(Object* callable, Object* tuple, Object* kwargs) {
  // As PyVectorcall_Call: the function at tp_vectorcall_offset without the
  // Py_TPFLAGS_HAVE_VECTORCALL check (heap subclasses inherit tp_call and the offset, not the
  // flag: a weakref.ref subclass such as weakref.KeyedRef).
  vectorcallfunc func = nullptr;
  ssize offset = callable->type->vectorcall_offset;
  if (offset > 0) std::memcpy(&func, reinterpret_cast<char*>(callable) + offset, sizeof(func));
  if (func == nullptr) {
    return errors::format(exc_TypeError, "'%.200s' object does not support vectorcall",
                          callable->type->name);
  }
  ssize nargs = tuple_size(tuple);
  Object* const* args = tuple_items(tuple);
  if (kwargs == nullptr || dict_size(kwargs) == 0) return func(callable, args, static_cast<size_t>(nargs), nullptr);
  Object* kwnames;
  Object* const* newargs = stack_unpack_dict(args, nargs, kwargs, &kwnames);
  if (!newargs) return nullptr;
  Object* res = func(callable, newargs, static_cast<size_t>(nargs) | kVectorcallArgumentsOffset,
                     kwnames);
  stack_unpack_dict_free(newargs, nargs, kwnames);
  return check_function_result(callable, res, nullptr);
}

// PyObject_Call.
Object* object_call(Object* callable, Object* args, Object* kwargs) {
  if (!tuple_check(args)) {
    errors::set_string(exc_TypeError, "argument list must be a tuple");
    return nullptr;
  }
  if (kwargs && !dict_check(kwargs)) {
    errors::set_string(exc_TypeError, "keyword list must be a dictionary");
    return nullptr;
  }
  vectorcallfunc vf = vectorcall_function(callable);
  if (vf) return vectorcall_dict(callable, tuple_items(args), static_cast<size_t>(tuple_size(args)), kwargs);
  ternaryfunc call = callable->type->call;
  if (call == nullptr) {
    return errors::format(exc_TypeError, "'%.200s' object is not callable",
                          callable->type->name);
  }
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  Object* result = call(callable, args, kwargs);
  leave_recursive_call();
  return check_function_result(callable, result, nullptr);
}

Object* object_call_no_args(Object* callable) { return vectorcall(callable, nullptr, 0, nullptr); }

Object* object_call_one_arg(Object* callable, Object* arg) {
  Object* args[2] = {nullptr, arg};
  return vectorcall(callable, args + 1, 1 | kVectorcallArgumentsOffset, nullptr);
}

Object* object_call_function_obj_args(Object* callable, ...) {
  std::vector<Object*> args{nullptr};
  va_list va;
  va_start(va, callable);
  while (Object* a = va_arg(va, Object*)) args.push_back(a);
  va_end(va);
  return vectorcall(callable, args.data() + 1, (args.size() - 1) | kVectorcallArgumentsOffset,
                    nullptr);
}

// PyObject_VectorcallMethod: args[0] is self.
Object* vectorcall_method(Object* name, Object* const* args, size_t nargsf, Object* kwnames) {
  Object* callable = nullptr;
  bool unbound = object_get_method(args[0], name, &callable);
  if (callable == nullptr) return nullptr;
  Ref<> c = Ref<>::steal(callable);
  if (unbound) {
    // The method takes self: pass args unchanged (PY_VECTORCALL_ARGUMENTS_OFFSET dropped).
    return vectorcall(callable, args, nargsf & ~kVectorcallArgumentsOffset, kwnames);
  }
  // A bound callable: skip self, allowing the slot before args[1] to be overwritten.
  return vectorcall(callable, args + 1, nargsf - 1, kwnames);
}

Object* call_method_no_args(Object* self, Object* name) {
  Object* args[1] = {self};
  return vectorcall_method(name, args, 1 | kVectorcallArgumentsOffset, nullptr);
}

Object* call_method_one_arg(Object* self, Object* name, Object* arg) {
  Object* args[2] = {self, arg};
  return vectorcall_method(name, args, 2 | kVectorcallArgumentsOffset, nullptr);
}

Object* call_method_obj_args(Object* self, Object* name, ...) {
  std::vector<Object*> args{self};
  va_list va;
  va_start(va, name);
  while (Object* a = va_arg(va, Object*)) args.push_back(a);
  va_end(va);
  return vectorcall_method(name, args.data(), args.size() | kVectorcallArgumentsOffset, nullptr);
}

}  // namespace cppy::objects
