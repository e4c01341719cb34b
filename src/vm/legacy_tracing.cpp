// sys.settrace and sys.setprofile on top of PEP 669 monitoring: Python/legacy_tracing.c (the
// handlers registered as tools 6 and 7, _PyEval_SetTrace, _PyEval_SetProfile,
// _PyEval_SetOpcodeTrace), the trampolines and functions of Python/sysmodule.c (settrace,
// gettrace, setprofile, getprofile, _settraceallthreads, _setprofileallthreads) and the
// trace-related parts of Objects/frameobject.c (f_trace, f_trace_opcodes).
#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/descrobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pystate.h"
#include "vm/frame.h"
#include "vm/instrumentation.h"

namespace cppy::vm {

using namespace objects;

namespace {

// PyTrace_* and their names (sysmodule.c whatstrings).
enum TraceWhat : int {
  kTraceCall = 0,
  kTraceException = 1,
  kTraceLine = 2,
  kTraceReturn = 3,
  kTraceCCall = 4,
  kTraceCException = 5,
  kTraceCReturn = 6,
  kTraceOpcode = 7,
};
const char* const what_names[8] = {"call",   "exception",   "line",     "return",
                                   "c_call", "c_exception", "c_return", "opcode"};
Object* what_strings[8] = {};

bool trace_initialized = false;
bool profile_initialized = false;
int tracing_threads = 0;
int profiling_threads = 0;

// PyEval_GetFrame: the frame object of the innermost complete frame (borrowed).
FrameObject* current_frame_object() {
  Frame* f = runtime::thread_state()->current_frame;
  while (f && frame_is_incomplete(f)) f = f->previous;
  if (!f) return nullptr;
  return static_cast<FrameObject*>(frame_get_frame_object(f));
}

int set_trace(TraceState* ts, Object* func);
int set_profile(TraceState* ts, Object* func);

// call_trampoline: callback(frame, what, arg).
Object* call_trampoline(Object* callback, FrameObject* frame, int what, Object* arg) {
  if (!what_strings[what]) {
    what_strings[what] = str_intern_from_cstr(what_names[what]);
    if (!what_strings[what]) return nullptr;
  }
  Object* args[3] = {frame, what_strings[what], arg ? arg : none()};
  return vectorcall(callback, args, 3, nullptr);
}

// trace_trampoline: 'call' goes to the global function, the rest to the frame's f_trace; a
// result other than None becomes f_trace; an error turns tracing off.
int trace_trampoline(TraceState* ts, FrameObject* frame, int what, Object* arg) {
  Object* callback = what == kTraceCall ? ts->c_traceobj : frame->f_trace;
  if (!callback) return 0;
  Ref<> keep = Ref<>::borrow(callback);
  Object* result = call_trampoline(callback, frame, what, arg);
  if (!result) {
    Object* exc = errors::get_raised_exception();
    set_trace(ts, nullptr);
    errors::set_raised_exception(exc);
    clear(frame->f_trace);
    return -1;
  }
  if (result != none()) xsetref(frame->f_trace, result);
  else decref(result);
  return 0;
}

// profile_trampoline.
int profile_trampoline(TraceState* ts, FrameObject* frame, int what, Object* arg) {
  Ref<> keep = Ref<>::borrow(ts->c_profileobj);
  Object* result = call_trampoline(ts->c_profileobj, frame, what, arg);
  if (!result) {
    Object* exc = errors::get_raised_exception();
    set_profile(ts, nullptr);
    errors::set_raised_exception(exc);
    return -1;
  }
  decref(result);
  return 0;
}

int what_of(Object* self) { return int(long_as_long(self)); }

Object* call_profile_func(Object* self, Object* arg) {
  TraceState* ts = &trace_state;
  if (!ts->c_profileobj) return return_none();
  FrameObject* frame = current_frame_object();
  if (!frame) {
    errors::set_string(exc_SystemError, "Missing frame when calling profile function.");
    return nullptr;
  }
  Ref<> keep = Ref<>::borrow(frame);
  if (profile_trampoline(ts, frame, what_of(self), arg) < 0) return nullptr;
  return return_none();
}

// _PyEval_SetOpcodeTrace: INSTRUCTION events for the frame's code under the trace tool.
int set_opcode_trace(FrameObject* frame, bool enable) {
  if (!frame->f_frame) return 0;
  CodeObject* co = frame_code(frame->f_frame);
  uint32_t events = monitoring_get_local_events(co, kSysTraceId);
  uint32_t bit = 1u << kEvInstruction;
  if (enable == bool(events & bit)) return 0;
  events = enable ? (events | bit) : (events & ~bit);
  return monitoring_set_local_events(co, kSysTraceId, events);
}

Object* call_trace_func(Object* self, Object* arg) {
  TraceState* ts = &trace_state;
  if (!ts->c_traceobj) return return_none();
  FrameObject* frame = current_frame_object();
  if (!frame) {
    errors::set_string(exc_SystemError, "Missing frame when calling trace function.");
    return nullptr;
  }
  if (frame->f_trace_opcodes && set_opcode_trace(frame, true) < 0) return nullptr;
  Ref<> keep = Ref<>::borrow(frame);
  int err = trace_trampoline(ts, frame, what_of(self), arg);
  frame->f_lineno = 0;
  if (err) return nullptr;
  return return_none();
}

Object* sys_profile_start(Object* self, Object* const*, ssize) {
  return call_profile_func(self, none());
}
Object* sys_profile_return(Object* self, Object* const* args, ssize nargs) {
  return call_profile_func(self, nargs > 2 ? args[2] : none());
}
Object* sys_profile_unwind(Object* self, Object* const*, ssize) {
  return call_profile_func(self, nullptr);
}
// sys_profile_call_or_return: c_call / c_return / c_exception for builtin functions, and for
// method descriptors as the bound builtin method.
Object* sys_profile_call_or_return(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 4) return return_none();
  Object* callable = args[2];
  if (cfunction_check(callable)) return call_profile_func(self, callable);
  if (callable->type == &method_descr_type) {
    Object* self_arg = args[3];
    if (self_arg == monitoring_missing()) return return_none();
    Ref<> meth = Ref<>::steal(
        callable->type->descr_get(callable, self_arg, reinterpret_cast<Object*>(self_arg->type)));
    if (!meth) return nullptr;
    return call_profile_func(self, meth.get());
  }
  return return_none();
}

Object* sys_trace_start(Object* self, Object* const*, ssize) {
  return call_trace_func(self, none());
}
Object* sys_trace_return(Object* self, Object* const* args, ssize nargs) {
  return call_trace_func(self, nargs > 2 ? args[2] : none());
}
Object* sys_trace_unwind(Object* self, Object* const*, ssize) {
  return call_trace_func(self, nullptr);
}
Object* sys_trace_exception_func(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 3) return return_none();
  Object* exc = args[2];
  Ref<> tb = Ref<>::steal(exception_get_traceback(exc));
  Ref<> tuple = Ref<>::steal(tuple_pack(3, reinterpret_cast<Object*>(exc->type), exc,
                                        tb ? tb.get() : none()));
  if (!tuple) return nullptr;
  return call_trace_func(self, tuple.get());
}

Object* trace_line(TraceState* ts, Object* self, FrameObject* frame, int line) {
  if (!frame->f_trace_lines || line < 0) return return_none();
  Ref<> keep = Ref<>::borrow(frame);
  frame->f_lineno = line;
  int err = trace_trampoline(ts, frame, what_of(self), none());
  frame->f_lineno = 0;
  if (err) return nullptr;
  return return_none();
}

Object* sys_trace_line_func(Object* self, Object* const* args, ssize) {
  TraceState* ts = &trace_state;
  if (!ts->c_traceobj) return return_none();
  int line = long_as_int(args[1]);
  FrameObject* frame = current_frame_object();
  if (!frame) {
    errors::set_string(exc_SystemError, "Missing frame when calling trace function.");
    return nullptr;
  }
  return trace_line(ts, self, frame, line);
}

// sys_trace_jump_func: a backward jump within one line is a 'line' event of its own.
Object* sys_trace_jump_func(Object* self, Object* const* args, ssize) {
  TraceState* ts = &trace_state;
  if (!ts->c_traceobj) return return_none();
  int from = long_as_int(args[1]) / 2;
  int to = long_as_int(args[2]) / 2;
  if (to > from) return new_ref(monitoring_disable());
  auto* co = static_cast<CodeObject*>(args[0]);
  int to_line = instrumentation_line(co, to);
  int from_line = instrumentation_line(co, from);
  if (to_line != from_line) return new_ref(monitoring_disable());
  FrameObject* frame = current_frame_object();
  if (!frame) {
    errors::set_string(exc_SystemError, "Missing frame when calling trace function.");
    return nullptr;
  }
  if (!frame->f_trace_lines) return return_none();
  return trace_line(ts, self, frame, to_line);
}

Object* sys_trace_instruction_func(Object* self, Object* const*, ssize) {
  FrameObject* frame = current_frame_object();
  if (!frame) {
    errors::set_string(exc_SystemError, "Missing frame when calling trace function.");
    return nullptr;
  }
  TraceState* ts = &trace_state;
  if (!ts->c_traceobj || !frame->f_trace_opcodes) {
    if (set_opcode_trace(frame, false) < 0) return nullptr;
    return return_none();
  }
  Ref<> keep = Ref<>::borrow(frame);
  int err = trace_trampoline(ts, frame, what_of(self), none());
  frame->f_lineno = 0;
  if (err) return nullptr;
  return return_none();
}

#define HANDLER(f) {"legacy_event_handler", reinterpret_cast<void*>(f), kMethFastcall, nullptr}
MethodDef h_profile_start = HANDLER(sys_profile_start);
MethodDef h_profile_return = HANDLER(sys_profile_return);
MethodDef h_profile_unwind = HANDLER(sys_profile_unwind);
MethodDef h_profile_call_or_return = HANDLER(sys_profile_call_or_return);
MethodDef h_trace_start = HANDLER(sys_trace_start);
MethodDef h_trace_return = HANDLER(sys_trace_return);
MethodDef h_trace_unwind = HANDLER(sys_trace_unwind);
MethodDef h_trace_exception = HANDLER(sys_trace_exception_func);
MethodDef h_trace_line = HANDLER(sys_trace_line_func);
MethodDef h_trace_jump = HANDLER(sys_trace_jump_func);
MethodDef h_trace_instruction = HANDLER(sys_trace_instruction_func);
#undef HANDLER

// set_callbacks: one handler (knowing its legacy event) for one or two monitoring events.
int set_callbacks(int tool, MethodDef* def, int legacy_event, int event1, int event2) {
  Ref<> what = Ref<>::steal(long_from_long(legacy_event));
  if (!what) return -1;
  Ref<> callback = Ref<>::steal(cfunction_new(def, what.get()));
  if (!callback) return -1;
  xdecref(monitoring_register_callback(tool, event1, callback.get()));
  if (event2 >= 0) xdecref(monitoring_register_callback(tool, event2, callback.get()));
  return 0;
}

// _PyEval_SetProfile.
int set_profile(TraceState* ts, Object* func) {
  if (!profile_initialized) {
    profile_initialized = true;
    if (set_callbacks(kSysProfileId, &h_profile_start, kTraceCall, kEvPyStart, kEvPyResume) ||
        set_callbacks(kSysProfileId, &h_profile_start, kTraceCall, kEvPyThrow, -1) ||
        set_callbacks(kSysProfileId, &h_profile_return, kTraceReturn, kEvPyReturn, kEvPyYield) ||
        set_callbacks(kSysProfileId, &h_profile_unwind, kTraceReturn, kEvPyUnwind, -1) ||
        set_callbacks(kSysProfileId, &h_profile_call_or_return, kTraceCCall, kEvCall, -1) ||
        set_callbacks(kSysProfileId, &h_profile_call_or_return, kTraceCReturn, kEvCReturn, -1) ||
        set_callbacks(kSysProfileId, &h_profile_call_or_return, kTraceCException, kEvCRaise,
                      -1))
      return -1;
  }
  int delta = (func != nullptr) - (ts->c_profileobj != nullptr);
  Object* old = ts->c_profileobj;
  ts->c_profileobj = xnew_ref(func);
  xdecref(old);
  profiling_threads += delta;
  uint32_t events = 0;
  if (profiling_threads) {
    events = (1u << kEvPyStart) | (1u << kEvPyResume) | (1u << kEvPyReturn) |
             (1u << kEvPyYield) | (1u << kEvCall) | (1u << kEvPyUnwind) | (1u << kEvPyThrow);
  }
  return monitoring_set_events(kSysProfileId, events);
}

// _PyEval_SetTrace.
int set_trace(TraceState* ts, Object* func) {
  if (!trace_initialized) {
    trace_initialized = true;
    if (set_callbacks(kSysTraceId, &h_trace_start, kTraceCall, kEvPyStart, kEvPyResume) ||
        set_callbacks(kSysTraceId, &h_trace_start, kTraceCall, kEvPyThrow, -1) ||
        set_callbacks(kSysTraceId, &h_trace_return, kTraceReturn, kEvPyReturn, -1) ||
        set_callbacks(kSysTraceId, &h_trace_return, kTraceReturn, kEvPyYield, -1) ||
        set_callbacks(kSysTraceId, &h_trace_exception, kTraceException, kEvRaise,
                      kEvStopIteration) ||
        set_callbacks(kSysTraceId, &h_trace_line, kTraceLine, kEvLine, -1) ||
        set_callbacks(kSysTraceId, &h_trace_unwind, kTraceReturn, kEvPyUnwind, -1) ||
        set_callbacks(kSysTraceId, &h_trace_jump, kTraceLine, kEvJump, -1) ||
        set_callbacks(kSysTraceId, &h_trace_instruction, kTraceOpcode, kEvInstruction, -1))
      return -1;
  }
  int delta = (func != nullptr) - (ts->c_traceobj != nullptr);
  Object* old = ts->c_traceobj;
  ts->c_traceobj = xnew_ref(func);
  xdecref(old);
  tracing_threads += delta;
  uint32_t events = 0;
  if (tracing_threads) {
    events = (1u << kEvPyStart) | (1u << kEvPyResume) | (1u << kEvPyReturn) |
             (1u << kEvPyYield) | (1u << kEvRaise) | (1u << kEvLine) | (1u << kEvJump) |
             (1u << kEvPyUnwind) | (1u << kEvPyThrow) | (1u << kEvStopIteration);
    FrameObject* frame = current_frame_object();
    if (frame && frame->f_trace_opcodes && set_opcode_trace(frame, true) < 0) return -1;
  }
  return monitoring_set_events(kSysTraceId, events);
}

// --- the sys functions --------------------------------------------------------------------

Object* sys_settrace(Object*, Object* function) {
  TraceState* ts = &trace_state;
  if (set_trace(ts, function == none() ? nullptr : function) < 0) return nullptr;
  return return_none();
}
Object* sys_gettrace(Object*, Object*) {
  Object* t = trace_state.c_traceobj;
  return new_ref(t ? t : none());
}
Object* sys_setprofile(Object*, Object* function) {
  TraceState* ts = &trace_state;
  if (set_profile(ts, function == none() ? nullptr : function) < 0) return nullptr;
  return return_none();
}
Object* sys_getprofile(Object*, Object*) {
  Object* t = trace_state.c_profileobj;
  return new_ref(t ? t : none());
}

MethodDef trace_methods[] = {
    {"settrace", reinterpret_cast<void*>(sys_settrace), kMethO,
     "settrace($module, function, /)\n--\n\nSet the global debug tracing function.\n\n"
     "It will be called on each function call.  See the debugger chapter\n"
     "in the library manual."},
    {"gettrace", reinterpret_cast<void*>(sys_gettrace), kMethNoArgs,
     "gettrace($module, /)\n--\n\nReturn the global debug tracing function set with "
     "sys.settrace.\n\nSee the debugger chapter in the library manual."},
    {"setprofile", reinterpret_cast<void*>(sys_setprofile), kMethO,
     "setprofile($module, function, /)\n--\n\nSet the profiling function.\n\n"
     "It will be called on each function call and return.  See the profiler\n"
     "chapter in the library manual."},
    {"getprofile", reinterpret_cast<void*>(sys_getprofile), kMethNoArgs,
     "getprofile($module, /)\n--\n\nReturn the profiling function set with "
     "sys.setprofile.\n\nSee the profiler chapter in the library manual."},
    // Threads other than the caller pick the function up through threading's hooks.
    {"_settraceallthreads", reinterpret_cast<void*>(sys_settrace), kMethO,
     "_settraceallthreads($module, function, /)\n--\n\nSet the global debug tracing function "
     "in all running threads belonging to the current interpreter.\n\nIt will be called on "
     "each function call. See the debugger chapter\nin the library manual."},
    {"_setprofileallthreads", reinterpret_cast<void*>(sys_setprofile), kMethO,
     "_setprofileallthreads($module, function, /)\n--\n\nSet the profiling function in all "
     "running threads belonging to the current interpreter.\n\nIt will be called on each "
     "function call and return.  See the profiler\nchapter in the library manual."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

// frame_trace_opcodes_set_impl / frame_trace_set_impl: the opcode events of the frame's code
// follow f_trace_opcodes while the frame has a local trace function.
int frame_trace_changed(FrameObject* frame) {
  if (frame->f_trace && frame->f_trace_opcodes) return set_opcode_trace(frame, true);
  if (!frame->f_trace_opcodes) return set_opcode_trace(frame, false);
  return 0;
}

int install_monitoring(Object* sys_module) {
  Ref<> mon = Ref<>::steal(create_monitoring_module());
  if (!mon || object_setattr_string(sys_module, "monitoring", mon.get()) < 0) return -1;
  Ref<> modname = Ref<>::steal(str_from_cstr("sys"));
  if (!modname) return -1;
  for (MethodDef* d = trace_methods; d->name; ++d) {
    Ref<> f = Ref<>::steal(cfunction_new(d, sys_module, modname.get()));
    if (!f || object_setattr_string(sys_module, d->name, f.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace cppy::vm
