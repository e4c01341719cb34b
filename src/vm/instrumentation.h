// PEP 669 monitoring: Python/instrumentation.c, Include/cpython/monitoring.h and the
// sys.monitoring namespace.
//
// cppy does not rewrite bytecode into INSTRUMENTED_* instructions. While a tool listens to a
// local event (LINE, CALL, PY_START...), the eval loop's dispatch table sends every
// instruction through one instrumented entry (ceval.cpp's op_instrumented), which calls
// instrumented_instruction() below before running the instruction itself; with no such tool
// the table is the plain one, so the normal path costs nothing. The other events (RAISE,
// RERAISE, EXCEPTION_HANDLED, PY_UNWIND, PY_THROW) are raised from the loop's exception paths
// behind one test of monitoring_exc_events.
#pragma once

#include <cstdint>

#include "objects/codeobject.h"
#include "objects/object.h"

namespace cppy::objects {
struct FrameObject;
}

namespace cppy::vm {

struct Frame;
using objects::Object;

// Event numbers (PY_MONITORING_EVENT_*): the bit of each in sys.monitoring.events.
enum MonitoringEvent : int {
  kEvPyStart = 0,
  kEvPyResume = 1,
  kEvPyReturn = 2,
  kEvPyYield = 3,
  kEvCall = 4,
  kEvLine = 5,
  kEvInstruction = 6,
  kEvJump = 7,
  kEvBranchLeft = 8,
  kEvBranchRight = 9,
  kEvStopIteration = 10,
  kEvRaise = 11,
  kEvExceptionHandled = 12,
  kEvPyUnwind = 13,
  kEvPyThrow = 14,
  kEvReraise = 15,
  kEvCReturn = 16,
  kEvCRaise = 17,
  kEvBranch = 18,
};
constexpr int kLocalEvents = 11;      // _PY_MONITORING_LOCAL_EVENTS
constexpr int kUngroupedEvents = 16;  // _PY_MONITORING_UNGROUPED_EVENTS
constexpr int kMonitoringEvents = 19; // _PY_MONITORING_EVENTS
constexpr int kToolIds = 8;
constexpr int kSysProfileId = 6;  // PY_MONITORING_SYS_PROFILE_ID
constexpr int kSysTraceId = 7;    // PY_MONITORING_SYS_TRACE_ID

// The thread's monitoring state (fields of PyThreadState in CPython): nonzero tracing while
// a callback runs (no events then); the sys.settrace / sys.setprofile functions (strong).
struct TraceState {
  int tracing = 0;
  int what_event = -1;  // the event whose callback runs (frame.f_lineno's checks)
  Object* c_traceobj = nullptr;
  Object* c_profileobj = nullptr;
};
extern thread_local TraceState trace_state;

// Bit e set while some tool listens to the non-local event e (RAISE...); read by the eval
// loop's exception paths.
extern uint32_t monitoring_exc_events;

// sys.monitoring.DISABLE / MISSING (borrowed, immortal).
Object* monitoring_disable();
Object* monitoring_missing();

// The sys.monitoring module (new reference): _Py_CreateMonitoringObject.
Object* create_monitoring_module();

// _PyMonitoring_SetEvents / _PyMonitoring_SetLocalEvents / _PyMonitoring_GetLocalEvents /
// _PyMonitoring_RegisterCallback (returns the old callback, new reference or null).
int monitoring_set_events(int tool, uint32_t events);
uint32_t monitoring_get_events(int tool);
int monitoring_set_local_events(objects::CodeObject* co, int tool, uint32_t events);
uint32_t monitoring_get_local_events(objects::CodeObject* co, int tool);
Object* monitoring_register_callback(int tool, int event, Object* func);

// The line of instruction index i as instrumentation sees it (_Py_Instrumentation_GetLine).
int instrumentation_line(objects::CodeObject* co, int i);

// Called from the instrumented dispatch entry for the instruction next_instr[-1] (opcode and
// oparg as the loop decoded them). Returns 0 to run the instruction, 1 when the instruction
// has been carried out (or a callback moved the frame: continue at *next_instr), -1 on error
// (*next_instr still just past the instruction).
int instrumented_instruction(Frame* frame, int opcode, int oparg, Object*** sp,
                             objects::CodeUnit** next_instr);

// The exception-path events (ceval.c _PyEval_MonitorRaise, monitor_reraise, monitor_handled,
// monitor_unwind, monitor_throw). With the exception set; a failing callback replaces it.
void monitor_raise(Frame* frame, objects::CodeUnit* instr);
void monitor_reraise(Frame* frame, objects::CodeUnit* instr);
void monitor_unwind(Frame* frame, objects::CodeUnit* instr);
void monitor_throw(Frame* frame, objects::CodeUnit* instr);
// EXCEPTION_HANDLED at the handler (exception not set): -1 when a callback failed.
int monitor_handled(Frame* frame, objects::CodeUnit* instr, Object* exc);

// Frees a code object's monitoring data (code_dealloc).
void code_monitoring_free(objects::CodeObject* co);

// f_trace or f_trace_opcodes of frame changed: INSTRUCTION events for its code follow
// (legacy_tracing.cpp). 0 or -1.
int frame_trace_changed(objects::FrameObject* frame);

// Installs sys.monitoring and the sys tracing functions (settrace, setprofile...) into sys.
int install_monitoring(Object* sys_module);

// ceval.cpp: switches the dispatch table between the plain and the instrumented entries.
void set_instrumented_dispatch(bool on);

}  // namespace cppy::vm
