// Generators, coroutines and async generators: Include/internal/pycore_genobject.h,
// Objects/genobject.c. The generator's frame is embedded at the end of the object and
// executed in place by the eval loop.
#pragma once

#include <cstdint>

#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/pystate.h"
#include "vm/frame.h"

namespace cppy::objects {

// gi_frame_state (enum _framestate).
enum FrameState : int8_t {
  kFrameCreated = -3,
  kFrameSuspended = -2,
  kFrameSuspendedYieldFrom = -1,
  kFrameExecuting = 0,
  kFrameCompleted = 1,
  kFrameCleared = 4,
};

struct GenObject : Object {  // PyGenObject, PyCoroObject, PyAsyncGenObject
  Object* gi_weakreflist;
  Object* gi_name;
  Object* gi_qualname;
  runtime::ErrStackItem gi_exc_state;
  Object* gi_origin_or_finalizer;  // coroutine origin / async generator finalizer
  char gi_hooks_inited;
  char gi_closed;  // async generators
  char gi_running_async;
  int8_t gi_frame_state;
  // Async generators: the asend/athrow state is for the async owner to add.
  vm::Frame gi_iframe;  // followed by the rest of the frame's words
};

extern TypeObject gen_type;        // PyGen_Type
extern TypeObject coro_type;       // PyCoro_Type
extern TypeObject async_gen_type;  // PyAsyncGen_Type
extern TypeObject coro_wrapper_type;  // coroutine_wrapper (__await__ of a coroutine)
extern TypeObject async_gen_asend_type;          // _PyAsyncGenASend_Type
extern TypeObject async_gen_athrow_type;         // _PyAsyncGenAThrow_Type
extern TypeObject async_gen_wrapped_value_type;  // _PyAsyncGenWrappedValue_Type

// _PyAsyncGenValueWrapperNew (INTRINSIC_ASYNC_GEN_WRAP): the value of an async generator's
// yield, marked for asend() to return it. New reference.
Object* async_gen_value_wrapper_new(Object* value);

inline bool gen_check_exact(Object* o) { return o->type == &gen_type; }
inline bool coro_check_exact(Object* o) { return o->type == &coro_type; }
inline bool async_gen_check_exact(Object* o) { return o->type == &async_gen_type; }
// The generator whose embedded frame f is (the frame sits at a fixed offset in the object).
GenObject* gen_of_frame(vm::Frame* f);

// _Py_MakeCoro: the generator, coroutine or async generator of func's code, with room for
// its frame (the caller copies the frame in). New reference.
GenObject* gen_make(Object* func);
// sys.get/set_coroutine_origin_tracking_depth (PyThreadState.coroutine_origin_tracking_depth);
// the setter raises ValueError for a negative depth (-1 returned).
int coroutine_origin_tracking_depth();
int set_coroutine_origin_tracking_depth(int depth);
// gen_send_ex2 / PyIter_Send: resumes gen with arg (null: throw the current exception).
// Returns 1 (PYGEN_NEXT, *result the yielded value), 0 (PYGEN_RETURN, *result the return
// value) or -1 (PYGEN_ERROR).
int gen_send_ex2(GenObject* gen, Object* arg, Object** result, bool exc, bool closing);
// PyIter_Send for any iterator: generators directly, else send() / __next__.
int iter_send(Object* iter, Object* arg, Object** result);
// _PyGen_FetchStopIterationValue: takes the value of a raised StopIteration (None when
// none); -1 when another exception is raised.
int gen_fetch_stop_iteration_value(Object** pvalue);
// _PyCoro_GetAwaitableIter: the iterator `await o` drives.
Object* coro_get_awaitable_iter(Object* o);
// _PyGen_Finalize: closes an unfinished generator (see genobject.cpp).
void gen_finalize_object(Object* o);
// _PyGen_yf: the iterator a suspended `yield from`/await delegates to (new ref or null).
Object* gen_yf(GenObject* gen);
// The generator behind a coroutine_wrapper or a coroutine itself, for GET_AWAITABLE checks.
bool gen_is_coroutine(Object* o);

}  // namespace cppy::objects
