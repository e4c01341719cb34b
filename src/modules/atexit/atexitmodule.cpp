// The atexit module: Modules/atexitmodule.c. Callbacks are (func, args, kwargs) tuples in a
// list owned by the interpreter (interp->atexit), not by the module object.
#include "modules/atexit/atexitmodule.h"

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::modules::atexit {

using namespace objects;

namespace {

Object* callbacks() {
  static Object* list = nullptr;
  if (!list) list = list_new(0);
  return list;
}

// atexit_cleanup.
void cleanup() {
  Object* l = callbacks();
  if (l) list_set_slice(l, 0, list_size(l), nullptr);
}

// atexit_callfuncs: a copy of the list, run backwards.
void callfuncs() {
  Object* l = callbacks();
  if (!l) return;
  Ref<> copy = Ref<>::steal(list_get_slice(l, 0, list_size(l)));
  if (!copy) {
    errors::format_unraisable("Exception ignored while copying atexit callbacks");
    return;
  }
  for (ssize i = list_size(copy.get()) - 1; i >= 0; --i) {
    Object* tuple = list_item(copy.get(), i);
    Object* func = tuple_item(tuple, 0);
    Object* args = tuple_item(tuple, 1);
    Object* kwargs = tuple_item(tuple, 2);
    Ref<> res = Ref<>::steal(object_call(func, args, kwargs == none() ? nullptr : kwargs));
    if (!res) errors::format_unraisable("Exception ignored in atexit callback %R", func);
  }
  cleanup();
}

// atexit_register: register(func, *args, **kwargs) -> func.
Object* atexit_register(Object*, Object* args, Object* kwargs) {
  if (tuple_size(args) == 0) {
    return errors::format(exc_TypeError, "register() takes at least 1 argument (0 given)");
  }
  Object* func = tuple_item(args, 0);
  if (!callable_check(func)) {
    return errors::format(exc_TypeError, "the first argument must be callable");
  }
  Ref<> func_args = Ref<>::steal(tuple_get_slice(args, 1, tuple_size(args)));
  if (!func_args) return nullptr;
  Ref<> callback = Ref<>::steal(
      tuple_pack(3, func, func_args.get(), kwargs ? kwargs : none()));
  Object* l = callbacks();
  if (!callback || !l || list_append(l, callback.get()) < 0) return nullptr;
  return new_ref(func);
}

Object* atexit_run_exitfuncs(Object*, Object*) {
  callfuncs();
  return return_none();
}

Object* atexit_clear(Object*, Object*) {
  cleanup();
  return return_none();
}

Object* atexit_ncallbacks(Object*, Object*) { return long_from_ssize(ncallbacks()); }

// atexit_unregister: removes every registration of func (compared with ==).
Object* atexit_unregister(Object*, Object* func) {
  Object* l = callbacks();
  if (!l) return nullptr;
  for (ssize i = 0; i < list_size(l); ++i) {
    Object* tuple = list_item(l, i);
    Ref<> hold = Ref<>::borrow(tuple);
    int cmp = object_rich_compare_bool(func, tuple_item(tuple, 0), kEQ);
    if (cmp < 0) return nullptr;
    if (cmp == 1) {
      if (list_set_slice(l, i, i + 1, nullptr) < 0) return nullptr;
      --i;
    }
  }
  return return_none();
}

MethodDef functions[] = {
    {"register", reinterpret_cast<void*>(atexit_register), kMethVarargs | kMethKeywords,
     "register($module, func, /, *args, **kwargs)\n--\n\nRegister a function to be executed upon "
     "normal program termination\n\n    func - function to be called at exit\n    args - optional "
     "arguments to pass to func\n    kwargs - optional keyword arguments to pass to func\n\n    "
     "func is returned to facilitate usage as a decorator."},
    {"_clear", reinterpret_cast<void*>(atexit_clear), kMethNoArgs,
     "_clear($module, /)\n--\n\nClear the list of previously registered exit functions."},
    {"unregister", reinterpret_cast<void*>(atexit_unregister), kMethO,
     "unregister($module, func, /)\n--\n\nUnregister an exit function which was previously "
     "registered using\natexit.register\n\n    func - function to be unregistered"},
    {"_run_exitfuncs", reinterpret_cast<void*>(atexit_run_exitfuncs), kMethNoArgs,
     "_run_exitfuncs($module, /)\n--\n\nRun all registered exit functions.\n\nIf a callback "
     "raises an exception, it is logged with sys.unraisablehook."},
    {"_ncallbacks", reinterpret_cast<void*>(atexit_ncallbacks), kMethNoArgs,
     "_ncallbacks($module, /)\n--\n\nReturn the number of registered exit functions."},
    {nullptr, nullptr, 0, nullptr}};

ModuleDef def = {
    "atexit",
    "allow programmer to define multiple exit functions to be executed\nupon normal program "
    "termination.\n\nTwo public functions, register and unregister, are defined.\n",
    functions, nullptr};

}  // namespace

ModuleDef* module_def() { return &def; }

void run_exitfuncs() {
  Object* exc = errors::get_raised_exception();
  callfuncs();
  errors::set_raised_exception(exc);
}

ssize ncallbacks() {
  Object* l = callbacks();
  return l ? list_size(l) : 0;
}

}  // namespace cppy::modules::atexit
