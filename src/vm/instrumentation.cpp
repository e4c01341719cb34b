// PEP 669 monitoring: Python/instrumentation.c (the tool and event tables, the per-code line
// data of initialize_lines, call_instrumentation_vector and its DISABLE handling, the events of
// the INSTRUMENTED_* instructions of Python/bytecodes.c) and the sys.monitoring namespace.
//
// Instead of rewriting each code object's bytecode, cppy routes every instruction through
// instrumented_instruction() while any tool listens to a local event (see instrumentation.h):
// the events an INSTRUMENTED_X instruction would raise are raised here, before the plain
// instruction runs; calls to non-Python callables and FOR_ITER are carried out here, since
// their events (C_RETURN, C_RAISE, BRANCH_LEFT) follow the operation.
#include "vm/instrumentation.h"

#include <cstring>
#include <vector>

#include "compile/opcode_ids.h"
#include "compile/opcode_metadata.h"
#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "modules/moduledef.h"
#include "runtime/pystate.h"
#include "vm/frame.h"

namespace cppy::vm {

using namespace objects;
using namespace compile;

uint32_t monitoring_exc_events = 0;
thread_local TraceState trace_state;

namespace {

// interp->monitors: for each event, the tools (one bit each) listening everywhere.
uint8_t global_tools[kUngroupedEvents] = {};
// interp->monitoring_callables and monitoring_tool_names.
Object* callables[kToolIds][kMonitoringEvents] = {};
Object* tool_names[kToolIds] = {};
// Locations disabled by a callback returning DISABLE stay so until restart_events() (or
// clear_tool_id); this counter voids them.
uint32_t disable_epoch = 1;
// How many code objects have local events: the instrumented dispatch stays on while any does.
int codes_with_local_events = 0;

const char* const event_names[kMonitoringEvents] = {
    "PY_START",      "PY_RESUME", "PY_RETURN",   "PY_YIELD", "CALL",
    "LINE",          "INSTRUCTION", "JUMP",      "BRANCH_LEFT", "BRANCH_RIGHT",
    "STOP_ITERATION", "RAISE",    "EXCEPTION_HANDLED", "PY_UNWIND", "PY_THROW",
    "RERAISE",       "C_RETURN",  "C_RAISE",     "BRANCH"};

// The objects behind DISABLE and MISSING: plain `object()` instances.
Object disable_obj{kImmortalRefcnt, &BaseObject_Type};
Object missing_obj{kImmortalRefcnt, &BaseObject_Type};

// _PyCoMonitoringData, reduced to what this design needs.
struct CodeMonitoring {
  uint8_t local_tools[kLocalEvents] = {};
  bool has_local = false;
  bool lines_ready = false;
  std::vector<int> lines;          // the line of each code unit (-1: none, caches)
  std::vector<uint8_t> line_start; // 1 where a LINE event may fire (initialize_lines)
  uint32_t epoch = 0;
  std::vector<uint8_t> disabled;   // [i * kLocalEvents + event]: tools disabled there
};

CodeMonitoring* code_data(CodeObject* co) {
  if (!co->co_extra) co->co_extra = new CodeMonitoring();
  return static_cast<CodeMonitoring*>(co->co_extra);
}

int instr_length(int base) { return 1 + opcode_caches[base]; }

// initialize_lines: which instructions start a line. An instruction does when its line
// differs from the previous instruction's (END_FOR, END_SEND, END_ASYNC_FOR, RESUME and
// POP_ITER never do), when it is the target of a jump, or when it is an exception handler.
void compute_lines(CodeObject* co, CodeMonitoring* m) {
  int n = int(code_size(co));
  CodeUnit* units = code_units(co);
  m->lines.assign(size_t(n), -1);
  m->line_start.assign(size_t(n), 0);
  int current_line = -1;
  for (int i = co->co_firsttraceable; i < n;) {
    int base = opcode_deopt[units[i].op.code];
    int line = code_addr2line(co, i * 2);
    m->lines[size_t(i)] = line;
    switch (base) {
      case END_ASYNC_FOR:
      case END_FOR:
      case END_SEND:
      case RESUME:
      case POP_ITER:
        break;
      default:
        if (line >= 0 && line != current_line) m->line_start[size_t(i)] = 1;
        current_line = line;
    }
    i += instr_length(base);
  }
  for (int i = co->co_firsttraceable; i < n;) {
    int base = opcode_deopt[units[i].op.code];
    int oparg = units[i].op.arg;
    while (base == EXTENDED_ARG && i + 1 < n) {
      ++i;
      base = opcode_deopt[units[i].op.code];
      oparg = (oparg << 8) | units[i].op.arg;
    }
    i += instr_length(base);
    int target = -1;
    switch (base) {
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      case POP_JUMP_IF_NONE:
      case POP_JUMP_IF_NOT_NONE:
      case JUMP_FORWARD:
        target = i + oparg;
        break;
      case FOR_ITER:
      case SEND:
        target = i + oparg + 1;
        break;
      case JUMP_BACKWARD:
      case JUMP_BACKWARD_NO_INTERRUPT:
        target = i - oparg;
        break;
      default:
        continue;
    }
    if (target >= 0 && target < n && m->lines[size_t(target)] >= 0 &&
        opcode_deopt[units[target].op.code] != POP_ITER)
      m->line_start[size_t(target)] = 1;
  }
  // The exception table's handlers.
  const uint8_t* p = reinterpret_cast<const uint8_t*>(bytes_as_string(co->co_exceptiontable));
  const uint8_t* end = p + bytes_size(co->co_exceptiontable);
  auto varint = [&]() {
    int v = *p & 63;
    while ((*p & 64) && p + 1 < end) {
      ++p;
      v = (v << 6) | (*p & 63);
    }
    ++p;
    return v;
  };
  while (p < end) {
    varint();
    varint();
    int target = varint();
    if (p < end) varint();
    if (target >= 0 && target < n && m->lines[size_t(target)] >= 0)
      m->line_start[size_t(target)] = 1;
  }
  m->lines_ready = true;
}

CodeMonitoring* ready_data(CodeObject* co) {
  CodeMonitoring* m = code_data(co);
  if (!m->lines_ready) compute_lines(co, m);
  return m;
}

// The tools of local event ev at instruction i (get_tools_for_instruction).
uint8_t tools_at(CodeMonitoring* m, int i, int ev) {
  uint8_t tools = uint8_t(global_tools[ev] | m->local_tools[ev]);
  if (tools && m->epoch == disable_epoch && !m->disabled.empty())
    tools &= uint8_t(~m->disabled[size_t(i) * kLocalEvents + size_t(ev)]);
  return tools;
}

void disable_at(CodeObject* co, CodeMonitoring* m, int i, int ev, int tool) {
  if (m->epoch != disable_epoch || m->disabled.empty()) {
    m->disabled.assign(size_t(code_size(co)) * kLocalEvents, 0);
    m->epoch = disable_epoch;
  }
  m->disabled[size_t(i) * kLocalEvents + size_t(ev)] |= uint8_t(1 << tool);
}

void update_dispatch() {
  bool on = codes_with_local_events > 0;
  for (int e = 0; e < kLocalEvents && !on; ++e) on = global_tools[e] != 0;
  set_instrumented_dispatch(on);
  uint32_t exc = 0;
  for (int e = kLocalEvents; e < kUngroupedEvents; ++e)
    if (global_tools[e]) exc |= 1u << e;
  monitoring_exc_events = exc;
}

int most_significant_bit(uint8_t bits) {
  int r = -1;
  while (bits) {
    ++r;
    bits >>= 1;
  }
  return r;
}

// call_instrumentation_vector: args[0] is free (PY_VECTORCALL_ARGUMENTS_OFFSET), args[1] the
// code, then nargs - 1 more. ev is the event whose callbacks run; tools_ev the local event
// whose per-location tools apply (CALL for C_RETURN and C_RAISE). at: where DISABLE applies.
int call_tools(TraceState* ts, CodeObject* co, CodeMonitoring* m, int at, int ev,
               uint8_t tools, Object** args, size_t nargs) {
  while (tools) {
    int tool = most_significant_bit(tools);
    tools = uint8_t(tools & ~(1 << tool));
    Object* callable = callables[tool][ev];
    if (!callable) continue;
    ++ts->tracing;
    int old_what = ts->what_event;
    ts->what_event = ev;
    Object* res = vectorcall(callable, args + 1, nargs | kVectorcallArgumentsOffset, nullptr);
    ts->what_event = old_what;
    --ts->tracing;
    if (!res) return -1;
    bool disable = res == &disable_obj;
    decref(res);
    if (!disable) continue;
    if (ev >= kLocalEvents || !m) {
      errors::format(exc_ValueError, "Cannot disable %s events. Callback removed.",
                     event_names[ev]);
      clear(callables[tool][ev]);
      return -1;
    }
    disable_at(co, m, at, ev, tool);
  }
  return 0;
}

// _Py_call_instrumentation / _arg / _2args at instruction index i.
int fire(TraceState* ts, CodeObject* co, CodeMonitoring* m, int i, int ev,
         uint8_t tools, int offset_units, Object* a0 = nullptr, Object* a1 = nullptr) {
  Ref<> off = Ref<>::steal(long_from_long(offset_units * 2));
  if (!off) return -1;
  Object* args[5] = {nullptr, co, off.get(), a0, a1};
  size_t nargs = a1 ? 4 : a0 ? 3 : 2;
  return call_tools(ts, co, m, i, ev, tools, args, nargs);
}

// _Py_call_instrumentation_jump: src and dest are instruction indexes.
int fire_jump(TraceState* ts, CodeObject* co, CodeMonitoring* m, int i, int ev,
              int src, int dest) {
  uint8_t tools = tools_at(m, i, ev);
  if (!tools) return 0;
  Ref<> to = Ref<>::steal(long_from_long(dest * 2));
  if (!to) return -1;
  return fire(ts, co, m, i, ev, tools, src, to.get());
}

// The exception events (do_monitor_exc): the callbacks see the exception, which stays set
// unless one of them fails.
void monitor_exc(Frame* frame, CodeUnit* instr, int ev) {
  TraceState* ts = &trace_state;
  if (ts->tracing) return;
  uint8_t tools = global_tools[ev];
  if (!tools) return;
  CodeObject* co = frame_code(frame);
  if (co->co_flags & kCoNoMonitoringEvents) return;  // a shim (_Py_InitCleanup)
  Object* exc = errors::get_raised_exception();
  int i = int(instr - code_units(co));
  // CPython reports next_instr - 1 with next_instr past the instruction's caches; when the
  // exception comes back from a callee's frame (exit_unwind), next_instr is the calling
  // instruction itself, so the offset is one unit before it. cppy's loop leaves next_instr
  // one past the instruction in that case.
  if ((ev == kEvRaise || ev == kEvPyUnwind) && instr == frame->instr_ptr &&
      opcode_caches[opcode_deopt[instr->op.code]] > 0)
    --i;
  int err = fire(ts, co, nullptr, i, ev, tools, i, exc);
  if (err == 0) errors::set_raised_exception(exc);
  else xdecref(exc);
}

bool is_python_function(Object* f) { return f->type == &function_type; }

// The C_RETURN / C_RAISE events after a call to callable (the tail of _DO_CALL for
// INSTRUMENTED_CALL): res is the result (null with the error set); returns res, or null when
// a C_RETURN callback failed.
Object* after_c_call(TraceState* ts, CodeObject* co, CodeMonitoring* m, int i,
                     Object* callable, Object* arg0, Object* res) {
  uint8_t tools = tools_at(m, i, kEvCall);
  if (!tools) return res;
  if (!res) {
    Object* exc = errors::get_raised_exception();
    int err = fire(ts, co, m, i, kEvCRaise, tools, i, callable, arg0);
    if (err == 0) errors::set_raised_exception(exc);
    else xdecref(exc);
    return nullptr;
  }
  if (fire(ts, co, m, i, kEvCReturn, tools, i, callable, arg0) < 0) {
    decref(res);
    return nullptr;
  }
  return res;
}

}  // namespace

Object* monitoring_disable() { return &disable_obj; }
Object* monitoring_missing() { return &missing_obj; }

int instrumentation_line(CodeObject* co, int i) {
  CodeMonitoring* m = ready_data(co);
  if (i < 0 || i >= int(m->lines.size())) return -1;
  return m->lines[size_t(i)];
}

void code_monitoring_free(CodeObject* co) {
  auto* m = static_cast<CodeMonitoring*>(co->co_extra);
  if (!m) return;
  if (m->has_local) --codes_with_local_events;
  delete m;
  co->co_extra = nullptr;
}

int instrumented_instruction(Frame* frame, int opcode, int oparg, Object*** spp,
                             CodeUnit** nip) {
  TraceState* ts = &trace_state;
  CodeUnit* const this_instr = *nip - 1;
  CodeUnit* const entry_ptr = frame->instr_ptr;
  CodeObject* co = frame_code(frame);
  CodeUnit* units = code_units(co);
  const int i = int(this_instr - units);
  // The previous instruction of this frame (prev_instr), for LINE and the branch events.
  const int prev = int(frame->padding) - 1;
  frame->padding = uint32_t(i + 1);
  if (ts->tracing || i < co->co_firsttraceable) return 0;
  CodeMonitoring* m = ready_data(co);
  const int base = opcode_deopt[opcode];
  frame->stackpointer = *spp;
  // A callback that set frame.f_lineno moved instr_ptr: continue there.
  auto moved = [&]() {
    if (frame->instr_ptr == entry_ptr) return false;
    *nip = frame->instr_ptr;
    *spp = frame->stackpointer;
    // As in CPython, the target is its own previous instruction: no LINE event there.
    frame->padding = uint32_t(frame->instr_ptr - units) + 1;
    return true;
  };

  // LINE (_Py_call_instrumentation_line): at a line start, unless the previous instruction
  // was on the same line (a RESUME before it does not count).
  if (m->line_start[size_t(i)]) {
    uint8_t tools = tools_at(m, i, kEvLine);
    if (tools) {
      int line = m->lines[size_t(i)];
      bool same = false;
      if (prev >= 0 && prev < int(m->lines.size()) && m->lines[size_t(prev)] == line) {
        same = opcode_deopt[units[prev].op.code] != RESUME;
      }
      if (!same) {
        Ref<> line_obj = Ref<>::steal(long_from_long(line));
        if (!line_obj) return -1;
        Object* args[3] = {nullptr, co, line_obj.get()};
        if (call_tools(ts, co, m, i, kEvLine, tools, args, 2) < 0) return -1;
        if (moved()) return 1;
      }
    }
  }
  // INSTRUCTION (_Py_call_instrumentation_instruction).
  if (uint8_t tools = tools_at(m, i, kEvInstruction)) {
    if (fire(ts, co, m, i, kEvInstruction, tools, i) < 0) return -1;
    if (moved()) return 1;
  }

  Object** sp = *spp;
  switch (base) {
    case RESUME: {
      int ev = oparg == 0 ? kEvPyStart : kEvPyResume;
      if (uint8_t tools = tools_at(m, i, ev)) {
        if (fire(ts, co, m, i, ev, tools, i) < 0) return -1;
        if (moved()) return 1;
      }
      return 0;
    }
    case RETURN_VALUE:
    case YIELD_VALUE: {
      int ev = base == RETURN_VALUE ? kEvPyReturn : kEvPyYield;
      if (uint8_t tools = tools_at(m, i, ev)) {
        if (fire(ts, co, m, i, ev, tools, i, sp[-1]) < 0) return -1;
        if (moved()) return 1;
      }
      return 0;
    }
    case JUMP_FORWARD:
    case JUMP_BACKWARD: {
      int next = i + instr_length(base);
      int dest = base == JUMP_FORWARD ? next + oparg : next - oparg;
      if (fire_jump(ts, co, m, i, kEvJump, i, dest) < 0) return -1;
      if (moved()) return 1;
      return 0;
    }
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE: {
      Object* cond = sp[-1];
      bool taken;
      if (base == POP_JUMP_IF_FALSE) taken = cond == py_false();
      else if (base == POP_JUMP_IF_TRUE) taken = cond == py_true();
      else if (base == POP_JUMP_IF_NONE) taken = cond == none();
      else taken = cond != none();
      if (taken) {
        int dest = i + instr_length(base) + oparg;
        if (fire_jump(ts, co, m, i, kEvBranchRight, i, dest) < 0) return -1;
        if (moved()) return 1;
      }
      return 0;
    }
    case NOT_TAKEN:
    case POP_ITER: {
      // INSTRUMENTED_NOT_TAKEN / INSTRUMENTED_POP_ITER: the branch that led here.
      int ev = base == NOT_TAKEN ? kEvBranchLeft : kEvBranchRight;
      int src = prev >= 0 ? prev : i;
      if (fire_jump(ts, co, m, i, ev, src, i + 1) < 0) return -1;
      if (moved()) return 1;
      return 0;
    }
    case FOR_ITER: {
      // INSTRUMENTED_FOR_ITER: the next item, then BRANCH_LEFT into the body.
      Object* it = sp[-1];
      Object* next = it->type->iternext ? it->type->iternext(it) : nullptr;
      int after = i + instr_length(base);
      if (!next) {
        if (!it->type->iternext) {
          errors::format(exc_TypeError, "'%.200s' object is not an iterator", it->type->name);
          return -1;
        }
        if (errors::occurred()) {
          if (!errors::exception_matches(reinterpret_cast<Object*>(exc_StopIteration)))
            return -1;
          errors::clear();
        }
        *nip = units + after + oparg + 1;  // past the END_FOR: POP_ITER reports the branch
        return 1;
      }
      *sp++ = next;
      *spp = sp;
      frame->stackpointer = sp;
      *nip = units + after;
      if (fire_jump(ts, co, m, i, kEvBranchLeft, i, after) < 0) return -1;
      moved();
      return 1;
    }
    case CALL:
    case CALL_KW: {
      Object* kwnames = base == CALL_KW ? sp[-1] : nullptr;
      Object** top = kwnames ? sp - 1 : sp;
      Object** args = top - oparg;
      Object* callable = args[-2];
      Object* self_or_null = args[-1];
      // _MAYBE_EXPAND_METHOD
      if (!self_or_null && callable->type == &method_type) {
        auto* meth = static_cast<MethodObject*>(callable);
        args[-1] = new_ref(meth->im_self);
        args[-2] = new_ref(meth->im_func);
        decref(callable);
        callable = args[-2];
        self_or_null = args[-1];
      }
      int total = oparg;
      Object** argv = args;
      if (self_or_null) {
        --argv;
        ++total;
      }
      Object* arg0 = total ? argv[0] : &missing_obj;
      uint8_t tools = tools_at(m, i, kEvCall);
      if (tools) {
        if (fire(ts, co, m, i, kEvCall, tools, i, callable, arg0) < 0) return -1;
        if (moved()) return 1;
      }
      if (is_python_function(callable)) return 0;
      // _DO_CALL for a callable that is not a Python function, with C_RETURN / C_RAISE.
      ssize nkw = kwnames ? tuple_size(kwnames) : 0;
      Object* res = vectorcall(callable, argv, size_t(total - nkw) | kVectorcallArgumentsOffset,
                               kwnames);
      *nip = this_instr + instr_length(base);  // an error is reported past the caches
      res = after_c_call(ts, co, m, i, callable, arg0, res);
      for (int k = 0; k < total; ++k) decref(argv[k]);
      decref(callable);
      xdecref(kwnames);
      sp = args - 2;
      *spp = sp;
      frame->stackpointer = sp;
      if (!res) return -1;
      *sp++ = res;
      *spp = sp;
      frame->stackpointer = sp;
      *nip = this_instr + instr_length(base);
      return 1;
    }
    case CALL_FUNCTION_EX: {
      Object* kwargs = sp[-1];
      Object* callargs = sp[-2];
      Object* func = sp[-4];
      if (!tuple_check(callargs)) {
        // _MAKE_CALLARGS_A_TUPLE; its errors are the plain instruction's to report.
        if (callargs->type->iter == nullptr && !sequence_check(callargs)) return 0;
        Object* t = sequence_tuple(callargs);
        if (!t) return -1;
        decref(callargs);
        sp[-2] = callargs = t;
      }
      Object* arg0 = tuple_size(callargs) ? tuple_item(callargs, 0) : &missing_obj;
      uint8_t tools = tools_at(m, i, kEvCall);
      if (tools) {
        if (fire(ts, co, m, i, kEvCall, tools, i, func, arg0) < 0) return -1;
        if (moved()) return 1;
      }
      if (func->type == &function_type || func->type == &method_type) return 0;
      if (kwargs && !dict_check_exact(kwargs)) return 0;
      Object* res = object_call(func, callargs, kwargs);
      res = after_c_call(ts, co, m, i, func, arg0, res);
      if (!res) return -1;
      xdecref(kwargs);
      decref(callargs);
      xdecref(sp[-3]);
      decref(func);
      sp -= 4;
      *sp++ = res;
      *spp = sp;
      frame->stackpointer = sp;
      *nip = this_instr + 1;
      return 1;
    }
    default:
      return 0;
  }
}

void monitor_raise(Frame* frame, CodeUnit* instr) { monitor_exc(frame, instr, kEvRaise); }
void monitor_reraise(Frame* frame, CodeUnit* instr) { monitor_exc(frame, instr, kEvReraise); }
void monitor_unwind(Frame* frame, CodeUnit* instr) { monitor_exc(frame, instr, kEvPyUnwind); }
void monitor_throw(Frame* frame, CodeUnit* instr) { monitor_exc(frame, instr, kEvPyThrow); }

int monitor_handled(Frame* frame, CodeUnit* instr, Object* exc) {
  TraceState* ts = &trace_state;
  uint8_t tools = global_tools[kEvExceptionHandled];
  if (!tools || ts->tracing) return 0;
  CodeObject* co = frame_code(frame);
  if (co->co_flags & kCoNoMonitoringEvents) return 0;
  int i = int(instr - code_units(co));
  return fire(ts, co, nullptr, i, kEvExceptionHandled, tools, i, exc);
}

// --- the tables (set_events, set_local_events...) ------------------------------------------

uint32_t monitoring_get_events(int tool) {
  uint32_t r = 0;
  for (int e = 0; e < kUngroupedEvents; ++e)
    if ((global_tools[e] >> tool) & 1) r |= 1u << e;
  return r;
}

int monitoring_set_events(int tool, uint32_t events) {
  if (tool < kSysProfileId && !tool_names[tool]) {
    errors::format(exc_ValueError, "tool %d is not in use", tool);
    return -1;
  }
  if (monitoring_get_events(tool) == events) return 0;
  for (int e = 0; e < kUngroupedEvents; ++e) {
    global_tools[e] = uint8_t(global_tools[e] & ~(1 << tool));
    if ((events >> e) & 1) global_tools[e] = uint8_t(global_tools[e] | (1 << tool));
  }
  update_dispatch();
  return 0;
}

uint32_t monitoring_get_local_events(CodeObject* co, int tool) {
  auto* m = static_cast<CodeMonitoring*>(co->co_extra);
  if (!m) return 0;
  uint32_t r = 0;
  for (int e = 0; e < kLocalEvents; ++e)
    if ((m->local_tools[e] >> tool) & 1) r |= 1u << e;
  return r;
}

int monitoring_set_local_events(CodeObject* co, int tool, uint32_t events) {
  if (co->co_firsttraceable >= code_size(co)) {
    errors::format(exc_SystemError, "cannot instrument shim code object '%U'", co->co_name);
    return -1;
  }
  if (tool < kSysProfileId && !tool_names[tool]) {
    errors::format(exc_ValueError, "tool %d is not in use", tool);
    return -1;
  }
  CodeMonitoring* m = code_data(co);
  if (monitoring_get_local_events(co, tool) == events) return 0;
  bool any = false;
  for (int e = 0; e < kLocalEvents; ++e) {
    m->local_tools[e] = uint8_t(m->local_tools[e] & ~(1 << tool));
    if ((events >> e) & 1) m->local_tools[e] = uint8_t(m->local_tools[e] | (1 << tool));
    any = any || m->local_tools[e];
  }
  if (any != m->has_local) {
    codes_with_local_events += any ? 1 : -1;
    m->has_local = any;
  }
  update_dispatch();
  return 0;
}

Object* monitoring_register_callback(int tool, int event, Object* func) {
  Object* old = callables[tool][event];
  callables[tool][event] = xnew_ref(func);
  return old;
}

// --- the sys.monitoring functions -------------------------------------------------------------

namespace {

int check_valid_tool(int tool) {
  if (tool < 0 || tool >= kSysProfileId) {
    errors::format(exc_ValueError, "invalid tool %d (must be between 0 and 5)", tool);
    return -1;
  }
  return 0;
}

// An int argument as Argument Clinic converts it (PyLong_AsInt).
bool int_arg(Object* o, int* out) {
  int v = long_as_int(o);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

bool positional(const char* name, ssize nargs, ssize n) {
  return check_positional(name, nargs, n, n);
}

constexpr uint32_t kCReturnEvents = (1u << kEvCReturn) | (1u << kEvCRaise);
constexpr uint32_t kCCallEvents = kCReturnEvents | (1u << kEvCall);

Object* m_use_tool_id(Object*, Object* const* args, ssize nargs) {
  int tool;
  if (!positional("use_tool_id", nargs, 2) || !int_arg(args[0], &tool)) return nullptr;
  if (check_valid_tool(tool) < 0) return nullptr;
  if (!str_check(args[1])) {
    errors::set_string(exc_ValueError, "tool name must be a str");
    return nullptr;
  }
  if (tool_names[tool]) {
    errors::format(exc_ValueError, "tool %d is already in use", tool);
    return nullptr;
  }
  tool_names[tool] = new_ref(args[1]);
  return return_none();
}

// monitoring.clear_tool_id: the tool's events, local events and callbacks go.
void clear_tool(int tool) {
  for (int e = 0; e < kMonitoringEvents; ++e) clear(callables[tool][e]);
  for (int e = 0; e < kUngroupedEvents; ++e)
    global_tools[e] = uint8_t(global_tools[e] & ~(1 << tool));
  ++disable_epoch;
  update_dispatch();
}

Object* m_clear_tool_id(Object*, Object* arg) {
  int tool;
  if (!int_arg(arg, &tool) || check_valid_tool(tool) < 0) return nullptr;
  if (tool_names[tool]) clear_tool(tool);
  return return_none();
}

Object* m_free_tool_id(Object*, Object* arg) {
  int tool;
  if (!int_arg(arg, &tool) || check_valid_tool(tool) < 0) return nullptr;
  if (tool_names[tool]) clear_tool(tool);
  clear(tool_names[tool]);
  return return_none();
}

Object* m_get_tool(Object*, Object* arg) {
  int tool;
  if (!int_arg(arg, &tool) || check_valid_tool(tool) < 0) return nullptr;
  return new_ref(tool_names[tool] ? tool_names[tool] : none());
}

int popcount(uint32_t v) {
  int n = 0;
  for (; v; v &= v - 1) ++n;
  return n;
}

Object* m_register_callback(Object*, Object* const* args, ssize nargs) {
  int tool, event;
  if (!positional("register_callback", nargs, 3) || !int_arg(args[0], &tool) ||
      !int_arg(args[1], &event))
    return nullptr;
  if (check_valid_tool(tool) < 0) return nullptr;
  if (popcount(uint32_t(event)) != 1) {
    errors::set_string(exc_ValueError, "The callback can only be set for one event at a time");
    return nullptr;
  }
  int id = -1;
  for (uint32_t v = uint32_t(event); v; v >>= 1) ++id;
  if (id < 0 || id >= kMonitoringEvents) {
    errors::format(exc_ValueError, "invalid event %d", event);
    return nullptr;
  }
  Object* func = args[2] == none() ? nullptr : args[2];
  if (id == kEvBranch) {
    // BRANCH registers the callback for both BRANCH_LEFT and BRANCH_RIGHT.
    xdecref(monitoring_register_callback(tool, kEvBranchLeft, func));
    id = kEvBranchRight;
  }
  Object* old = monitoring_register_callback(tool, id, func);
  if (!old) return return_none();
  return old;
}

Object* m_get_events(Object*, Object* arg) {
  int tool;
  if (!int_arg(arg, &tool) || check_valid_tool(tool) < 0) return nullptr;
  return long_from_long(long(monitoring_get_events(tool)));
}

Object* m_set_events(Object*, Object* const* args, ssize nargs) {
  int tool, event_set;
  if (!positional("set_events", nargs, 2) || !int_arg(args[0], &tool) ||
      !int_arg(args[1], &event_set))
    return nullptr;
  if (check_valid_tool(tool) < 0) return nullptr;
  if (event_set < 0 || event_set >= (1 << kMonitoringEvents)) {
    errors::format(exc_ValueError, "invalid event set 0x%x", unsigned(event_set));
    return nullptr;
  }
  uint32_t ev = uint32_t(event_set);
  if ((ev & kCReturnEvents) && (ev & kCCallEvents) != kCCallEvents) {
    errors::set_string(exc_ValueError, "cannot set C_RETURN or C_RAISE events independently");
    return nullptr;
  }
  ev &= ~kCReturnEvents;
  if (ev & (1u << kEvBranch)) {
    ev &= ~(1u << kEvBranch);
    ev |= (1u << kEvBranchLeft) | (1u << kEvBranchRight);
  }
  if (monitoring_set_events(tool, ev) < 0) return nullptr;
  return return_none();
}

Object* m_get_local_events(Object*, Object* const* args, ssize nargs) {
  int tool;
  if (!positional("get_local_events", nargs, 2) || !int_arg(args[0], &tool)) return nullptr;
  if (!code_check(args[1])) {
    errors::set_string(exc_TypeError, "code must be a code object");
    return nullptr;
  }
  if (check_valid_tool(tool) < 0) return nullptr;
  return long_from_long(
      long(monitoring_get_local_events(static_cast<CodeObject*>(args[1]), tool)));
}

Object* m_set_local_events(Object*, Object* const* args, ssize nargs) {
  int tool, event_set;
  if (!positional("set_local_events", nargs, 3) || !int_arg(args[0], &tool)) return nullptr;
  if (!int_arg(args[2], &event_set)) return nullptr;
  if (!code_check(args[1])) {
    errors::set_string(exc_TypeError, "code must be a code object");
    return nullptr;
  }
  if (check_valid_tool(tool) < 0) return nullptr;
  uint32_t ev = uint32_t(event_set);
  if ((ev & kCReturnEvents) && (ev & kCCallEvents) != kCCallEvents) {
    errors::set_string(exc_ValueError, "cannot set C_RETURN or C_RAISE events independently");
    return nullptr;
  }
  ev &= ~kCReturnEvents;
  if (ev & (1u << kEvBranch)) {
    ev &= ~(1u << kEvBranch);
    ev |= (1u << kEvBranchLeft) | (1u << kEvBranchRight);
  }
  if (event_set < 0 || ev >= (1u << kLocalEvents)) {
    errors::format(exc_ValueError, "invalid local event set 0x%x", ev);
    return nullptr;
  }
  if (monitoring_set_local_events(static_cast<CodeObject*>(args[1]), tool, ev) < 0)
    return nullptr;
  return return_none();
}

Object* m_restart_events(Object*, Object*) {
  ++disable_epoch;
  return return_none();
}

Object* m_all_events(Object*, Object*) {
  Ref<> res = Ref<>::steal(dict_new());
  if (!res) return nullptr;
  for (int e = 0; e < kUngroupedEvents; ++e) {
    if (!global_tools[e]) continue;
    Ref<> v = Ref<>::steal(long_from_long(global_tools[e]));
    if (!v || dict_set_item_string(res.get(), event_names[e], v.get()) < 0) return nullptr;
  }
  return res.release();
}

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

MethodDef monitoring_methods[] = {
    {"use_tool_id", FASTCALL(m_use_tool_id), "use_tool_id($module, tool_id, name, /)\n--\n\n"},
    {"clear_tool_id", METH_O(m_clear_tool_id), "clear_tool_id($module, tool_id, /)\n--\n\n"},
    {"free_tool_id", METH_O(m_free_tool_id), "free_tool_id($module, tool_id, /)\n--\n\n"},
    {"get_tool", METH_O(m_get_tool), "get_tool($module, tool_id, /)\n--\n\n"},
    {"register_callback", FASTCALL(m_register_callback),
     "register_callback($module, tool_id, event, func, /)\n--\n\n"},
    {"get_events", METH_O(m_get_events), "get_events($module, tool_id, /)\n--\n\n"},
    {"set_events", FASTCALL(m_set_events), "set_events($module, tool_id, event_set, /)\n--\n\n"},
    {"get_local_events", FASTCALL(m_get_local_events),
     "get_local_events($module, tool_id, code, /)\n--\n\n"},
    {"set_local_events", FASTCALL(m_set_local_events),
     "set_local_events($module, tool_id, code, event_set, /)\n--\n\n"},
    {"restart_events", NOARGS(m_restart_events), "restart_events($module, /)\n--\n\n"},
    {"_all_events", NOARGS(m_all_events), "_all_events($module, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

modules::ModuleDef monitoring_def = {"sys.monitoring", nullptr, monitoring_methods, nullptr};

int set_int_attr(Object* o, const char* name, long v) {
  Ref<> val = Ref<>::steal(long_from_long(v));
  if (!val) return -1;
  return object_setattr_string(o, name, val.get());
}

}  // namespace

Object* create_monitoring_module() {
  Ref<> name = Ref<>::steal(str_from_cstr("sys.monitoring"));
  if (!name) return nullptr;
  Ref<> mod = Ref<>::steal(modules::module_from_def(&monitoring_def, name.get()));
  if (!mod) return nullptr;
  if (object_setattr_string(mod.get(), "DISABLE", &disable_obj) < 0 ||
      object_setattr_string(mod.get(), "MISSING", &missing_obj) < 0)
    return nullptr;
  Ref<> events = Ref<>::steal(namespace_new(nullptr));
  if (!events || object_setattr_string(mod.get(), "events", events.get()) < 0) return nullptr;
  for (int e = 0; e < kMonitoringEvents; ++e)
    if (set_int_attr(events.get(), event_names[e], 1L << e) < 0) return nullptr;
  if (set_int_attr(events.get(), "NO_EVENTS", 0) < 0) return nullptr;
  if (set_int_attr(mod.get(), "DEBUGGER_ID", 0) < 0 ||
      set_int_attr(mod.get(), "COVERAGE_ID", 1) < 0 ||
      set_int_attr(mod.get(), "PROFILER_ID", 2) < 0 ||
      set_int_attr(mod.get(), "OPTIMIZER_ID", 5) < 0)
    return nullptr;
  return mod.release();
}

}  // namespace cppy::vm
