// The _tracemalloc module: Modules/_tracemalloc.c, the functions tracemalloc.py calls over
// the tracing core of tracemalloc.cpp (Python/tracemalloc.c).
#include "modules/_tracemalloc/tracemallocmodule.h"

#include "errors/errors.h"
#include "modules/_tracemalloc/tracemalloc.h"
#include "objects/boolobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"

namespace cppy::modules::tracemalloc {

using namespace objects;

namespace {

Object* tm_is_tracing(Object*, Object*) { return bool_from_long(is_tracing()); }

Object* tm_clear_traces(Object*, Object*) {
  clear_traces();
  return return_none();
}

Object* tm_get_traces(Object*, Object*) { return get_traces(); }

Object* tm_get_object_traceback(Object*, Object* obj) { return get_object_traceback(obj); }

// _tracemalloc_start_impl: start(nframe=1, /), nframe through the int converter.
Object* tm_start(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("start", nargs, 0, 1)) return nullptr;
  int nframe = 1;
  if (nargs >= 1) {
    if (float_check(args[0])) {
      errors::set_string(exc_TypeError, "'float' object cannot be interpreted as an integer");
      return nullptr;
    }
    long v = long_as_long(args[0]);
    if (v == -1 && errors::occurred()) return nullptr;
    if (v > INT32_MAX || v < INT32_MIN) {
      errors::set_string(exc_OverflowError, "Python int too large to convert to C int");
      return nullptr;
    }
    nframe = int(v);
  }
  if (start(nframe) < 0) return nullptr;
  return return_none();
}

Object* tm_stop(Object*, Object*) {
  stop();
  return return_none();
}

Object* tm_get_traceback_limit(Object*, Object*) { return long_from_long(get_traceback_limit()); }

Object* tm_get_tracemalloc_memory(Object*, Object*) {
  return long_from_unsigned_long_long(get_memory());
}

Object* tm_get_traced_memory(Object*, Object*) { return get_traced_memory(); }

Object* tm_reset_peak(Object*, Object*) {
  reset_peak();
  return return_none();
}

MethodDef tracemalloc_methods[] = {
    {"is_tracing", reinterpret_cast<void*>(tm_is_tracing), kMethNoArgs,
     "is_tracing($module, /)\n--\n\n"
     "Return True if the tracemalloc module is tracing Python memory allocations."},
    {"clear_traces", reinterpret_cast<void*>(tm_clear_traces), kMethNoArgs,
     "clear_traces($module, /)\n--\n\nClear traces of memory blocks allocated by Python."},
    {"_get_traces", reinterpret_cast<void*>(tm_get_traces), kMethNoArgs,
     "_get_traces($module, /)\n--\n\n"
     "Get traces of all memory blocks allocated by Python.\n\n"
     "Return a list of (size: int, traceback: tuple) tuples.\n"
     "traceback is a tuple of (filename: str, lineno: int) tuples.\n\n"
     "Return an empty list if the tracemalloc module is disabled."},
    {"_get_object_traceback", reinterpret_cast<void*>(tm_get_object_traceback), kMethO,
     "_get_object_traceback($module, obj, /)\n--\n\n"
     "Get the traceback where the Python object obj was allocated.\n\n"
     "Return a tuple of (filename: str, lineno: int) tuples.\n"
     "Return None if the tracemalloc module is disabled or did not\n"
     "trace the allocation of the object."},
    {"start", reinterpret_cast<void*>(tm_start), kMethFastcall,
     "start($module, nframe=1, /)\n--\n\n"
     "Start tracing Python memory allocations.\n\n"
     "Also set the maximum number of frames stored in the traceback of a\n"
     "trace to nframe."},
    {"stop", reinterpret_cast<void*>(tm_stop), kMethNoArgs,
     "stop($module, /)\n--\n\n"
     "Stop tracing Python memory allocations.\n\n"
     "Also clear traces of memory blocks allocated by Python."},
    {"get_traceback_limit", reinterpret_cast<void*>(tm_get_traceback_limit), kMethNoArgs,
     "get_traceback_limit($module, /)\n--\n\n"
     "Get the maximum number of frames stored in the traceback of a trace.\n\n"
     "By default, a trace of an allocated memory block only stores\n"
     "the most recent frame: the limit is 1."},
    {"get_tracemalloc_memory", reinterpret_cast<void*>(tm_get_tracemalloc_memory), kMethNoArgs,
     "get_tracemalloc_memory($module, /)\n--\n\n"
     "Get the memory usage in bytes of the tracemalloc module.\n\n"
     "This memory is used internally to trace memory allocations."},
    {"get_traced_memory", reinterpret_cast<void*>(tm_get_traced_memory), kMethNoArgs,
     "get_traced_memory($module, /)\n--\n\n"
     "Get the current size and peak size of memory blocks traced by tracemalloc.\n\n"
     "Returns a tuple: (current: int, peak: int)."},
    {"reset_peak", reinterpret_cast<void*>(tm_reset_peak), kMethNoArgs,
     "reset_peak($module, /)\n--\n\n"
     "Set the peak size of memory blocks traced by tracemalloc to the current size.\n\n"
     "Do nothing if the tracemalloc module is not tracing memory allocations."},
    {nullptr, nullptr, 0, nullptr}};

ModuleDef tracemalloc_def = {"_tracemalloc",
                             "Debug module to trace memory blocks allocated by Python.",
                             tracemalloc_methods, nullptr};

}  // namespace

ModuleDef* module_def() { return &tracemalloc_def; }

}  // namespace cppy::modules::tracemalloc
