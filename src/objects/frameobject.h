// Frame objects (the Python-level view of an interpreter frame): Include/cpython/
// frameobject.h, Include/internal/pycore_frame.h (PyFrameObject), Objects/frameobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::vm {
struct Frame;
}

namespace cppy::objects {

struct FrameObject : Object {
  FrameObject* f_back;  // set when the frame ends (the caller's frame object), else null
  vm::Frame* f_frame;   // the interpreter frame: live, or the copy in owned
  Object* f_trace;
  int f_lineno;         // the line once the frame has ended
  char f_trace_lines;
  char f_trace_opcodes;
  Object* f_extra_locals;
  Object* f_locals_cache;
  Object* f_overwritten_fast_locals;  // values the proxy replaced (a tuple), kept alive
  vm::Frame* owned;     // heap copy of the frame once it ended (take_ownership)
};

extern TypeObject frame_type;  // PyFrame_Type
extern TypeObject framelocalsproxy_type;  // PyFrameLocalsProxy_Type (vm/framelocals.cpp)

inline bool frame_check(Object* o) { return o->type == &frame_type; }

// _PyFrame_New_NoTrack: a frame object viewing f (the caller links it to f).
FrameObject* frame_object_new(vm::Frame* f);
// _PyFrameLocalsProxy_New: the PEP 667 write-through view of frame's fast locals.
Object* frame_locals_proxy_new(FrameObject* frame);
bool framelocalsproxy_check(Object* o);
// frame.f_locals (frame_locals_get_impl): the namespace dict of module and class frames,
// else a new FrameLocalsProxy. New reference.
Object* frame_object_get_locals(FrameObject* f);
// _PyEval_GetFrameLocals for locals() / dir(): the namespace itself, or a snapshot dict of
// an optimized frame's proxy. New reference.
Object* frame_locals_snapshot(FrameObject* f);
// PyFrame_GetLineNumber.
int frame_object_get_lineno(FrameObject* f);
// PyFrame_GetBack: new reference or null.
Object* frame_object_get_back(FrameObject* f);

}  // namespace cppy::objects
