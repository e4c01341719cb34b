// Interpreter frames: Include/internal/pycore_frame.h, Python/frame.c, and the per-thread data
// stack they live on (Python/pystate.c _PyThreadState_PushFrame).
//
// A frame is a header followed by its "locals plus" (arguments, locals, cells, free
// variables) and its value stack, in one block of words taken from the thread's data stack:
// a Python-to-Python call allocates nothing on the heap. Generators copy their frame into
// the generator object; a frame object (sys._getframe, tracebacks) is created on demand and
// takes a copy of the frame when the frame ends.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/codeobject.h"
#include "objects/object.h"

namespace cppy::objects {
struct FunctionObject;
}

namespace cppy::vm {

using objects::Object;
using objects::ssize;

// Who owns a frame (enum _frameowner).
enum FrameOwner : uint8_t {
  kOwnedByThread = 0,
  kOwnedByGenerator = 1,
  kOwnedByFrameObject = 2,
  kOwnedByCStack = 3,
};

struct Frame {  // _PyInterpreterFrame
  Object* f_executable;  // the code object (strong)
  Frame* previous;
  Object* f_funcobj;  // the function (strong) or null
  Object* f_globals;  // strong
  Object* f_builtins;  // strong
  Object* f_locals;   // strong or null: the namespace of module and class bodies
  Object* frame_obj;  // the FrameObject (strong) or null
  objects::CodeUnit* instr_ptr;  // the instruction being executed (or next, once suspended)
  Object** stackpointer;
  uint16_t return_offset;  // where the caller resumes, in code units after its instr_ptr
  uint8_t owner;
  uint8_t is_entry : 1;  // the first frame of an eval_frame() activation
  // The cycle collector's mark_stacks walked this frame (_PyInterpreterFrame.visited): later
  // increments stop their walk at the first visited frame below the top one.
  uint8_t visited : 1;
  // stackpointer is exact while this frame is running: set where the eval loop stores the
  // stack pointer before a call out of the frame (a call into C, the eval breaker, a
  // monitoring callback), cleared when the call returns. CPython's generated code keeps
  // frame->stackpointer exact at every escaping call (_PyFrame_SetStackPointer); cppy's loop
  // keeps the pointer in a register, so the collector (mark_stacks, gen_traverse) trusts the
  // stored value of a running frame only under this mark. A frame suspended in a Python call
  // made in the same loop (the frame above it is not an entry frame) is exact without it.
  uint8_t sp_exact : 1;
  uint32_t padding;
  Object* localsplus[1];
};
static_assert(offsetof(Frame, localsplus) == objects::kFrameSpecialsSize * sizeof(Object*) ||
              sizeof(void*) != 8);

inline objects::CodeObject* frame_code(Frame* f) {
  return static_cast<objects::CodeObject*>(f->f_executable);
}
inline Object** frame_stack_base(Frame* f) {
  return f->localsplus + frame_code(f)->co_nlocalsplus;
}
// The index in code units of the current instruction (_PyInterpreterFrame_LASTI).
inline int frame_lasti(Frame* f) {
  return int(f->instr_ptr - objects::code_units(frame_code(f)));
}
// The line of the current instruction (PyUnstable_InterpreterFrame_GetLine).
int frame_get_line(Frame* f);

// The thread's data stack (_PyThreadState_PushFrame / _PyThreadState_PopFrame): frames are
// carved from chunks in LIFO order. The fast paths are inline; a new chunk, or returning to
// the previous one, goes through frame.cpp.
struct DataStack {
  void* chunk = nullptr;     // the current chunk (frame.cpp's Chunk)
  Object** top = nullptr;    // the first free word
  Object** limit = nullptr;  // the end of the chunk
  Object** first = nullptr;  // where the chunk's first frame starts
};
extern thread_local constinit DataStack data_stack;
Frame* push_frame_slow(size_t size);
void pop_frame_slow(Frame* f);

// size words.
inline Frame* push_frame(size_t size) {
  DataStack& ds = data_stack;
  if (ds.top && size_t(ds.limit - ds.top) > size) {
    auto* f = reinterpret_cast<Frame*>(ds.top);
    ds.top += size;
    return f;
  }
  return push_frame_slow(size);
}
inline void pop_frame(Frame* f) {
  DataStack& ds = data_stack;
  if (reinterpret_cast<Object**>(f) != ds.first) {
    ds.top = reinterpret_cast<Object**>(f);
    return;
  }
  pop_frame_slow(f);
}
// Whether the data stack has room for size words without a new chunk.
inline bool data_stack_has_space(size_t size) {
  return data_stack.top && size_t(data_stack.limit - data_stack.top) > size;
}

// _PyFrame_Initialize: code and function are borrowed (references are taken); the locals
// and the stack start empty.
void frame_initialize(Frame* f, objects::FunctionObject* func, Object* code, Object* globals,
                      Object* builtins, Object* locals, int null_locals_from);
// _PyFrame_ClearExceptCode plus the code: releases everything the frame holds. A frame
// object that outlives the frame receives a copy first (take_ownership).
void frame_clear(Frame* f);
// _PyFrame_ClearExceptCode: as frame_clear, but f_executable keeps its reference (a finished
// generator's code); the owner releases it later.
void frame_clear_except_code(Frame* f);
// _PyFrame_Copy: moves src's state into dest (a generator's embedded frame).
void frame_copy(Frame* src, Frame* dest);
// _PyFrame_GetFrameObject: the frame object of f, created on first use (new reference is
// not returned: borrowed, owned by the frame).
Object* frame_get_frame_object(Frame* f);
// Whether f is incomplete (still in its prologue: before the RESUME), as tracebacks skip.
bool frame_is_incomplete(Frame* f);

}  // namespace cppy::vm
