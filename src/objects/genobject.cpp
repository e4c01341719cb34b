// Generators and coroutines: Objects/genobject.c. The frame lives inside the object and the
// eval loop runs it in place (gen_send_ex2 -> vm::eval_frame); `yield from` and `await`
// delegate through SEND, and throw() through the delegate's throw() and CLEANUP_THROW.
#include "objects/genobject.h"
#include "objects/weakrefobject.h"

#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_warnings/warnings.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/funcobject.h"
#include "objects/genericaliasobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/ceval.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::objects {

namespace {

bool is_coro(GenObject* gen) { return gen->type == &coro_type; }
const char* kind_name(GenObject* gen) {
  if (gen->type == &coro_type) return "coroutine";
  if (gen->type == &async_gen_type) return "async generator";
  return "generator";
}

void gen_clear_frame(GenObject* gen) {
  if (gen->gi_frame_state == kFrameCleared) return;
  gen->gi_frame_state = kFrameCleared;
  vm::frame_clear_except_code(&gen->gi_iframe);  // the code stays for gi_code until dealloc
}

Object* gen_close(Object* self, Object* = nullptr);

// _PyGen_Finalize (tp_finalize, also reachable as __del__): an async generator not finished
// goes to the finalizer hook (sys.set_asyncgen_hooks), a coroutine that never ran is reported
// (RuntimeWarning), any other unfinished generator is closed.
void gen_finalize(Object* o) {
  auto* gen = static_cast<GenObject*>(o);
  if (gen->gi_frame_state >= kFrameCompleted) return;
  if (gen->type == &async_gen_type && gen->gi_origin_or_finalizer && !gen->gi_closed) {
    Object* saved = errors::get_raised_exception();
    Object* r = object_call_one_arg(gen->gi_origin_or_finalizer, o);
    if (!r) errors::format_unraisable("Exception ignored while finalizing generator %R", o);
    else decref(r);
    errors::set_raised_exception(saved);
    return;
  }
  Object* saved = errors::get_raised_exception();
  if (gen->gi_frame_state == kFrameCreated &&
      (vm::frame_code(&gen->gi_iframe)->co_flags & kCoCoroutine)) {
    modules::_warnings::warn_unawaited_coroutine(o, gen->gi_qualname);
  } else if (gen->gi_frame_state != kFrameExecuting) {
    Object* r = gen_close(o);
    if (!r) {
      if (errors::occurred())
        errors::format_unraisable("Exception ignored while closing generator %R", o);
    } else {
      decref(r);
    }
  }
  errors::set_raised_exception(saved);
}

void gen_dealloc(Object* o) {
  auto* gen = static_cast<GenObject*>(o);
  // gen_dealloc: the finalizer runs with the generator tracked again, as it may resurrect it
  // (PyObject_CallFinalizerFromDealloc runs it once per object). Weak references go first.
  if (gen->gi_weakreflist) object_clear_weakrefs(o);
  gc::track(o);
  if (object_call_finalizer_from_dealloc(o) < 0) return;  // resurrected
  gc::untrack(o);
  if (gen->gi_frame_state != kFrameCleared) gen_clear_frame(gen);
  // gen_dealloc: f_executable was kept alive until here.
  Object* code = gen->gi_iframe.f_executable;
  gen->gi_iframe.f_executable = nullptr;
  xdecref(code);
  xdecref(gen->gi_name);
  xdecref(gen->gi_qualname);
  xdecref(gen->gi_exc_state.exc_value);
  xdecref(gen->gi_origin_or_finalizer);
  gc::gc_free(o);
}

int gen_traverse(Object* o, visitproc visit, void* arg) {
  auto* gen = static_cast<GenObject*>(o);
  Object* fields[] = {gen->gi_name, gen->gi_qualname, gen->gi_exc_state.exc_value,
                      gen->gi_origin_or_finalizer};
  for (Object* x : fields)
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  if (gen->gi_frame_state != kFrameCleared) {
    vm::Frame* f = &gen->gi_iframe;
    // _PyFrame_Traverse: the locals and the value stack below the stack pointer. A running
    // generator's stored pointer is exact only while it is suspended in a call out (or a
    // Python call made in its loop, when the frame above it is not an entry frame); else
    // its value stack may hold released operands: only its locals are visited.
    Object** top = f->stackpointer;
    if (gen->gi_frame_state == kFrameExecuting && !f->sp_exact) {
      runtime::ThreadState* ts = runtime::thread_state();
      bool below_python_call = false;
      vm::Frame* x = ts ? ts->current_frame : nullptr;
      for (; x && x != f; x = x->previous) below_python_call = !x->is_entry;
      if (!x || !below_python_call) top = vm::frame_stack_base(f);
    }
    for (Object** p = f->localsplus; p < top; ++p)
      if (*p) {
        int r = visit(*p, arg);
        if (r) return r;
      }
    if (f->f_funcobj) {
      int r = visit(f->f_funcobj, arg);
      if (r) return r;
    }
  }
  return 0;
}

Object* gen_repr(Object* o) {
  auto* gen = static_cast<GenObject*>(o);
  // gen_repr / coro_repr / async_gen_repr: the type's name ("async_generator").
  return str_from_format("<%s object %U at %p>", gen->type->name, gen->gi_qualname,
                         static_cast<void*>(o));
}

// gen_send_ex: send()/__next__ on top of gen_send_ex2, turning a return into StopIteration.
Object* gen_send_ex(GenObject* gen, Object* arg, bool exc, bool closing) {
  Object* result = nullptr;
  int r = gen_send_ex2(gen, arg, &result, exc, closing);
  if (r == 1) return result;
  if (r == 0) {
    if (result == none()) {
      if (gen->type == &async_gen_type)
        errors::set_none(exc_StopAsyncIteration);
      else if (arg)
        errors::set_none(exc_StopIteration);
      decref(result);
      return nullptr;
    }
    set_stop_iteration_value(result);
    decref(result);
    return nullptr;
  }
  return nullptr;
}

Object* gen_iternext(Object* o) {
  auto* gen = static_cast<GenObject*>(o);
  Object* result = nullptr;
  int r = gen_send_ex2(gen, nullptr, &result, false, false);
  if (r == 1) return result;
  if (r == 0) {
    if (result != none()) set_stop_iteration_value(result);
    decref(result);
  }
  return nullptr;
}

Object* gen_send(Object* o, Object* arg) {
  return gen_send_ex(static_cast<GenObject*>(o), arg, false, false);
}

// gen_close_iter: close() on the delegate of a `yield from`.
int gen_close_iter(Object* yf) {
  if (yf->type == &gen_type || yf->type == &coro_type) {
    Object* r = gen_close(yf);
    if (!r) return -1;
    decref(r);
    return 0;
  }
  Object* meth;
  Object* name = str_intern_from_cstr("close");
  if (object_get_optional_attr(yf, name, &meth) < 0)
    errors::format_unraisable("Exception ignored while closing generator %R", yf);
  if (meth) {
    Object* r = object_call_no_args(meth);
    decref(meth);
    if (!r) return -1;
    decref(r);
  }
  return 0;
}

Object* gen_throw_impl(GenObject* gen, bool close_on_genexit, Object* typ, Object* val,
                       Object* tb) {
  Object* yf = gen_yf(gen);
  if (yf) {
    Object* ret = nullptr;
    if (typ == reinterpret_cast<Object*>(exc_GeneratorExit) && close_on_genexit) {
      int8_t state = gen->gi_frame_state;
      gen->gi_frame_state = kFrameExecuting;
      int err = gen_close_iter(yf);
      gen->gi_frame_state = state;
      decref(yf);
      if (err < 0) return gen_send_ex(gen, none(), true, false);
      goto throw_here;
    }
    if (yf->type == &gen_type || yf->type == &coro_type) {
      int8_t state = gen->gi_frame_state;
      gen->gi_frame_state = kFrameExecuting;
      // The delegate runs without this generator's frame going through the eval loop: link
      // it as the current frame so stacks and tracebacks show it (as CPython's _gen_throw).
      runtime::ThreadState* ts = runtime::thread_state();
      vm::Frame* frame = &gen->gi_iframe;
      vm::Frame* prev = ts->current_frame;
      frame->previous = prev;
      ts->current_frame = frame;
      ret = gen_throw_impl(static_cast<GenObject*>(yf), close_on_genexit, typ, val, tb);
      ts->current_frame = prev;
      frame->previous = nullptr;
      gen->gi_frame_state = state;
    } else {
      Object* meth;
      Object* name = str_intern_from_cstr("throw");
      if (object_get_optional_attr(yf, name, &meth) < 0) {
        decref(yf);
        return nullptr;
      }
      if (!meth) {
        decref(yf);
        goto throw_here;
      }
      int8_t state = gen->gi_frame_state;
      gen->gi_frame_state = kFrameExecuting;
      Object* args[3] = {typ, val, tb};
      ssize n = tb ? 3 : val ? 2 : 1;
      ret = vectorcall(meth, args, size_t(n), nullptr);
      gen->gi_frame_state = state;
      decref(meth);
    }
    decref(yf);
    if (!ret) ret = gen_send_ex(gen, none(), true, false);
    return ret;
  }
throw_here:
  if (tb == none()) tb = nullptr;
  if (tb && std::strcmp(tb->type->name, "traceback") != 0) {
    errors::set_string(exc_TypeError, "throw() third argument must be a traceback object");
    return nullptr;
  }
  Object* exc;
  if (exception_class_check(typ)) {
    if (val && exception_check(val)) {
      exc = new_ref(val);
    } else if (!val || val == none()) {
      exc = object_call_no_args(typ);
    } else {
      exc = tuple_check(val) ? object_call(typ, val, nullptr) : object_call_one_arg(typ, val);
    }
    if (exc && !exception_check(exc)) {
      errors::format(exc_TypeError,
                     "calling %R should have returned an instance of BaseException, not %s",
                     typ, exc->type->name);
      decref(exc);
      exc = nullptr;
    }
    // PyErr_NormalizeException: an error while making the instance is what gets thrown in.
    if (!exc) exc = errors::get_raised_exception();
    if (!exc) return nullptr;
  } else if (exception_check(typ)) {
    if (val && val != none()) {
      errors::set_string(exc_TypeError, "instance exception may not have a separate value");
      return nullptr;
    }
    exc = new_ref(typ);
  } else {
    errors::format(exc_TypeError,
                   "exceptions must be classes or instances deriving from BaseException, not %s",
                   typ->type->name);
    return nullptr;
  }
  if (tb) exception_set_traceback(exc, tb);
  errors::set_raised_exception(exc);
  return gen_send_ex(gen, none(), true, false);
}

Object* gen_throw(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 3) {
    errors::format(exc_TypeError, nargs < 1 ? "throw expected at least 1 argument, got %zd"
                                            : "throw expected at most 3 arguments, got %zd",
                   nargs);
    return nullptr;
  }
  if (nargs > 1) {
    if (errors::warn_ex(exc_DeprecationWarning,
                        "the (type, exc, tb) signature of throw() is deprecated, use the "
                        "single-arg signature instead.",
                        1) < 0)
      return nullptr;
  }
  return gen_throw_impl(static_cast<GenObject*>(self), true, args[0],
                        nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
}

Object* gen_close(Object* self, Object*) {
  auto* gen = static_cast<GenObject*>(self);
  if (gen->gi_frame_state == kFrameCreated) {
    gen->gi_frame_state = kFrameCompleted;
    gen_clear_frame(gen);
    return return_none();
  }
  if (gen->gi_frame_state >= kFrameCompleted) return return_none();
  Object* yf = gen_yf(gen);
  int err = 0;
  if (yf) {
    int8_t state = gen->gi_frame_state;
    gen->gi_frame_state = kFrameExecuting;
    err = gen_close_iter(yf);
    gen->gi_frame_state = state;
    decref(yf);
  }
  if (err == 0) errors::set_none(exc_GeneratorExit);
  Object* retval = gen_send_ex(gen, none(), true, true);
  if (retval) {
    decref(retval);
    errors::format(exc_RuntimeError, "%s ignored GeneratorExit", kind_name(gen));
    return nullptr;
  }
  if (errors::exception_matches(reinterpret_cast<Object*>(exc_StopIteration))) {
    Object* value = nullptr;
    gen_fetch_stop_iteration_value(&value);
    return value;
  }
  if (errors::exception_matches(reinterpret_cast<Object*>(exc_GeneratorExit))) {
    errors::clear();
    return return_none();
  }
  return nullptr;
}

Object* gen_get_name(Object* o, void*) { return new_ref(static_cast<GenObject*>(o)->gi_name); }
int gen_set_name(Object* o, Object* v, void*) {
  if (!v || !str_check(v)) {
    errors::set_string(exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  xsetref(static_cast<GenObject*>(o)->gi_name, new_ref(v));
  return 0;
}
Object* gen_get_qualname(Object* o, void*) {
  return new_ref(static_cast<GenObject*>(o)->gi_qualname);
}
int gen_set_qualname(Object* o, Object* v, void*) {
  if (!v || !str_check(v)) {
    errors::set_string(exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  xsetref(static_cast<GenObject*>(o)->gi_qualname, new_ref(v));
  return 0;
}
Object* gen_get_running(Object* o, void*) {
  bool r = static_cast<GenObject*>(o)->gi_frame_state == kFrameExecuting;
  return new_ref(r ? true_object() : false_object());
}
Object* gen_get_suspended(Object* o, void*) {
  int8_t s = static_cast<GenObject*>(o)->gi_frame_state;
  bool r = s == kFrameSuspended || s == kFrameSuspendedYieldFrom;
  return new_ref(r ? true_object() : false_object());
}
Object* gen_get_yieldfrom(Object* o, void*) {
  Object* yf = gen_yf(static_cast<GenObject*>(o));
  return yf ? yf : return_none();
}
Object* gen_get_code(Object* o, void*) {
  // _PyGen_GetCode: the frame keeps its code after the generator finished.
  return new_ref(static_cast<GenObject*>(o)->gi_iframe.f_executable);
}
Object* gen_get_frame(Object* o, void*) {
  auto* gen = static_cast<GenObject*>(o);
  if (gen->gi_frame_state >= kFrameCompleted) return return_none();
  Object* f = vm::frame_get_frame_object(&gen->gi_iframe);
  return xnew_ref(f);
}

GetSetDef gen_getsetlist[] = {
    {"__name__", gen_get_name, gen_set_name,
     "name of the generator", nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname,
     "qualified name of the generator", nullptr},
    {"gi_yieldfrom", gen_get_yieldfrom, nullptr,
     "object being iterated by yield from, or None", nullptr},
    {"gi_running", gen_get_running, nullptr, nullptr, nullptr},
    {"gi_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {"gi_code", gen_get_code, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// coro_memberlist's cr_origin: where the coroutine was created (with origin tracking on).
Object* coro_get_origin(Object* o, void*) {
  Object* origin = static_cast<GenObject*>(o)->gi_origin_or_finalizer;
  return new_ref(origin ? origin : none());
}

GetSetDef coro_getsetlist[] = {
    {"cr_origin", coro_get_origin, nullptr, nullptr, nullptr},
    {"__name__", gen_get_name, gen_set_name,
     "name of the coroutine", nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname,
     "qualified name of the coroutine", nullptr},
    {"cr_await", gen_get_yieldfrom, nullptr,
     "object being awaited on, or None", nullptr},
    {"cr_running", gen_get_running, nullptr, nullptr, nullptr},
    {"cr_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"cr_code", gen_get_code, nullptr, nullptr, nullptr},
    {"cr_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// gen_sizeof: the object with its frame's words.
Object* gen_sizeof(Object* o, Object*) {
  auto* gen = static_cast<GenObject*>(o);
  CodeObject* co = vm::frame_code(&gen->gi_iframe);
  return long_from_ssize(ssize(offsetof(GenObject, gi_iframe)) +
                         ssize(co->co_framesize) * ssize(sizeof(Object*)));
}

MethodDef gen_methods[] = {
    {"send", reinterpret_cast<void*>(gen_send), kMethO, nullptr},
    {"__sizeof__", reinterpret_cast<void*>(gen_sizeof), kMethNoArgs,
     "gen.__sizeof__() -> size of gen in memory, in bytes"},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {"throw", reinterpret_cast<void*>(gen_throw), kMethFastcall, nullptr},
    {"close", reinterpret_cast<void*>(static_cast<Object* (*)(Object*, Object*)>(gen_close)),
     kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// --- coroutine wrapper (coro.__await__()) --------------------------------------------------

struct CoroWrapper : Object {
  Object* cw_coroutine;
};

void cw_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<CoroWrapper*>(o)->cw_coroutine);
  gc::gc_free(o);
}
int cw_traverse(Object* o, visitproc visit, void* arg) {
  Object* c = static_cast<CoroWrapper*>(o)->cw_coroutine;
  return c ? visit(c, arg) : 0;
}
Object* cw_iternext(Object* o) {
  return gen_send_ex(static_cast<GenObject*>(static_cast<CoroWrapper*>(o)->cw_coroutine),
                     nullptr, false, false);
}
Object* cw_send(Object* o, Object* arg) {
  return gen_send(static_cast<CoroWrapper*>(o)->cw_coroutine, arg);
}
Object* cw_throw(Object* o, Object* const* args, ssize nargs) {
  return gen_throw(static_cast<CoroWrapper*>(o)->cw_coroutine, args, nargs);
}
Object* cw_close(Object* o, Object*) { return gen_close(static_cast<CoroWrapper*>(o)->cw_coroutine); }

MethodDef cw_methods[] = {
    {"send", reinterpret_cast<void*>(cw_send), kMethO, nullptr},
    {"throw", reinterpret_cast<void*>(cw_throw), kMethFastcall, nullptr},
    {"close", reinterpret_cast<void*>(cw_close), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Object* coro_await(Object* coro) {
  auto* cw = static_cast<CoroWrapper*>(gc::gc_malloc(sizeof(CoroWrapper)));
  if (!cw) return nullptr;
  cw->refcnt = 1;
  cw->type = &coro_wrapper_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  cw->cw_coroutine = new_ref(coro);
  gc::track(cw);
  return cw;
}

AsyncMethods coro_as_async = {coro_await, nullptr, nullptr, nullptr};

MethodDef coro_methods[] = {
    {"send", reinterpret_cast<void*>(gen_send), kMethO, nullptr},
    {"__sizeof__", reinterpret_cast<void*>(gen_sizeof), kMethNoArgs,
     "gen.__sizeof__() -> size of gen in memory, in bytes"},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {"throw", reinterpret_cast<void*>(gen_throw), kMethFastcall, nullptr},
    {"close", reinterpret_cast<void*>(static_cast<Object* (*)(Object*, Object*)>(gen_close)),
     kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// --- async generators (the async part of Objects/genobject.c) ------------------------------

// _PyAsyncGenWrappedValue: what an async generator's `yield` hands to the awaiting asend(),
// as opposed to the values of its awaits, which pass through to the event loop.
struct AsyncGenWrappedValue : Object {
  Object* agw_val;
};

enum AwaitableState : int8_t { kAwaitableInit, kAwaitableIter, kAwaitableClosed };

// PyAsyncGenASend: the awaitable of __anext__() and asend().
struct AsyncGenASend : Object {
  GenObject* ags_gen;
  Object* ags_sendval;  // null: None
  AwaitableState ags_state;
};

// PyAsyncGenAThrow: the awaitable of athrow() (agt_args the arguments) and aclose() (null).
struct AsyncGenAThrow : Object {
  GenObject* agt_gen;
  Object* agt_args;
  AwaitableState agt_state;
};

const char* const kAsyncGenIgnoredExit = "async generator ignored GeneratorExit";

template <typename T>
T* alloc_gc_object(TypeObject* type) {
  auto* o = static_cast<T*>(gc::gc_malloc(sizeof(T)));
  if (!o) return nullptr;
  o->refcnt = 1;
  o->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}

void agw_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<AsyncGenWrappedValue*>(o)->agw_val);
  gc::gc_free(o);
}
int agw_traverse(Object* o, visitproc visit, void* arg) {
  Object* v = static_cast<AsyncGenWrappedValue*>(o)->agw_val;
  return v ? visit(v, arg) : 0;
}

bool is_wrapped_value(Object* o);

// async_gen_unwrap_value: a wrapped value ends the asend()/athrow() await with
// StopIteration(value); the end of the generator marks it closed.
Object* async_gen_unwrap_value(GenObject* gen, Object* result) {
  if (!result) {
    if (!errors::occurred()) errors::set_none(exc_StopAsyncIteration);
    if (errors::exception_matches(reinterpret_cast<Object*>(exc_StopAsyncIteration)) ||
        errors::exception_matches(reinterpret_cast<Object*>(exc_GeneratorExit)))
      gen->gi_closed = 1;
    gen->gi_running_async = 0;
    return nullptr;
  }
  if (is_wrapped_value(result)) {
    set_stop_iteration_value(static_cast<AsyncGenWrappedValue*>(result)->agw_val);
    decref(result);
    gen->gi_running_async = 0;
    return nullptr;
  }
  return result;
}

// _PyErr_WarnUnawaitedAgenMethod.
void warn_unawaited_agen_method(GenObject* gen, const char* method) {
  Object* saved = errors::get_raised_exception();
  if (errors::warn_format(exc_RuntimeWarning, 1, "coroutine method '%s' of '%U' was never awaited",
                          method, gen->gi_qualname) < 0)
    errors::write_unraisable(gen);
  errors::set_raised_exception(saved);
}

// async_gen_init_hooks: the first use of an async generator records the finalizer hook and
// calls the firstiter hook. 0, or 1 with an error.
int async_gen_init_hooks(GenObject* gen) {
  if (gen->gi_hooks_inited) return 0;
  gen->gi_hooks_inited = 1;
  runtime::ThreadState* ts = runtime::thread_state();
  if (ts->async_gen_finalizer) xsetref(gen->gi_origin_or_finalizer, new_ref(ts->async_gen_finalizer));
  if (Object* firstiter = ts->async_gen_firstiter) {
    incref(firstiter);
    Object* res = object_call_one_arg(firstiter, gen);
    decref(firstiter);
    if (!res) return 1;
    decref(res);
  }
  return 0;
}

Object* async_gen_asend_new(GenObject* gen, Object* sendval) {
  auto* o = alloc_gc_object<AsyncGenASend>(&async_gen_asend_type);
  if (!o) return nullptr;
  o->ags_gen = static_cast<GenObject*>(new_ref(gen));
  o->ags_sendval = xnew_ref(sendval);
  o->ags_state = kAwaitableInit;
  gc::track(o);
  return o;
}

Object* async_gen_athrow_new(GenObject* gen, Object* args) {
  auto* o = alloc_gc_object<AsyncGenAThrow>(&async_gen_athrow_type);
  if (!o) return nullptr;
  o->agt_gen = static_cast<GenObject*>(new_ref(gen));
  o->agt_args = xnew_ref(args);
  o->agt_state = kAwaitableInit;
  gc::track(o);
  return o;
}

// async_gen_anext (am_anext).
Object* async_gen_anext(Object* self) {
  auto* gen = static_cast<GenObject*>(self);
  if (async_gen_init_hooks(gen)) return nullptr;
  return async_gen_asend_new(gen, nullptr);
}
Object* async_gen_asend(Object* self, Object* arg) {
  auto* gen = static_cast<GenObject*>(self);
  if (async_gen_init_hooks(gen)) return nullptr;
  return async_gen_asend_new(gen, arg);
}
Object* async_gen_aclose(Object* self, Object*) {
  auto* gen = static_cast<GenObject*>(self);
  if (async_gen_init_hooks(gen)) return nullptr;
  return async_gen_athrow_new(gen, nullptr);
}
Object* async_gen_athrow(Object* self, Object* args) {
  auto* gen = static_cast<GenObject*>(self);
  if (tuple_size(args) > 1) {
    if (errors::warn_ex(exc_DeprecationWarning,
                        "the (type, exc, tb) signature of athrow() is deprecated, use the "
                        "single-arg signature instead.",
                        1) < 0)
      return nullptr;
  }
  if (async_gen_init_hooks(gen)) return nullptr;
  return async_gen_athrow_new(gen, args);
}

Object* async_gen_get_running(Object* o, void*) {
  return new_ref(static_cast<GenObject*>(o)->gi_running_async ? true_object() : false_object());
}

GetSetDef async_gen_getsetlist[] = {
    {"__name__", gen_get_name, gen_set_name,
     "name of the async generator", nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname,
     "qualified name of the async generator", nullptr},
    {"ag_await", gen_get_yieldfrom, nullptr,
     "object being awaited on, or None", nullptr},
    {"ag_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"ag_code", gen_get_code, nullptr, nullptr, nullptr},
    {"ag_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {"ag_running", async_gen_get_running, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef async_gen_methods[] = {
    {"__sizeof__", reinterpret_cast<void*>(gen_sizeof), kMethNoArgs,
     "gen.__sizeof__() -> size of gen in memory, in bytes"},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {"asend", reinterpret_cast<void*>(async_gen_asend), kMethO,
     "asend(v) -> send 'v' in generator."},
    {"athrow", reinterpret_cast<void*>(async_gen_athrow), kMethVarargs,
     "athrow(value)\nathrow(type[,value[,tb]])\n\nraise exception in generator.\n"
     "the (type, val, tb) signature is deprecated, \nand may be removed in a future version "
     "of Python."},
    {"aclose", reinterpret_cast<void*>(async_gen_aclose), kMethNoArgs,
     "aclose() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr}};

AsyncMethods async_gen_as_async = {nullptr, object_self_iter, async_gen_anext, nullptr};

// --- asend awaitable ---

void asend_dealloc(Object* o) {
  auto* a = static_cast<AsyncGenASend*>(o);
  gc::untrack(o);
  if (a->ags_state == kAwaitableInit && a->ags_gen) {
    // async_gen_asend_finalize: an asend() never awaited.
    o->refcnt = 1;
    warn_unawaited_agen_method(a->ags_gen, "asend");
    if (--o->refcnt != 0) {
      gc::track(o);
      return;
    }
  }
  xdecref(a->ags_gen);
  xdecref(a->ags_sendval);
  gc::gc_free(o);
}
int asend_traverse(Object* o, visitproc visit, void* arg) {
  auto* a = static_cast<AsyncGenASend*>(o);
  if (a->ags_gen) {
    int r = visit(a->ags_gen, arg);
    if (r) return r;
  }
  return a->ags_sendval ? visit(a->ags_sendval, arg) : 0;
}

// async_gen_asend_send.
Object* asend_send(Object* self, Object* arg) {
  auto* o = static_cast<AsyncGenASend*>(self);
  if (o->ags_state == kAwaitableClosed) {
    errors::set_string(exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return nullptr;
  }
  if (o->ags_state == kAwaitableInit) {
    if (o->ags_gen->gi_running_async) {
      o->ags_state = kAwaitableClosed;
      errors::set_string(exc_RuntimeError, "anext(): asynchronous generator is already running");
      return nullptr;
    }
    if (!arg || arg == none()) arg = o->ags_sendval;
    o->ags_state = kAwaitableIter;
  }
  o->ags_gen->gi_running_async = 1;
  Object* result = gen_send_ex(o->ags_gen, arg ? arg : none(), false, false);
  result = async_gen_unwrap_value(o->ags_gen, result);
  if (!result) o->ags_state = kAwaitableClosed;
  return result;
}
Object* asend_iternext(Object* self) { return asend_send(self, nullptr); }

// async_gen_asend_throw.
Object* asend_throw(Object* self, Object* const* args, ssize nargs) {
  auto* o = static_cast<AsyncGenASend*>(self);
  if (o->ags_state == kAwaitableClosed) {
    errors::set_string(exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return nullptr;
  }
  if (o->ags_state == kAwaitableInit) {
    if (o->ags_gen->gi_running_async) {
      o->ags_state = kAwaitableClosed;
      errors::set_string(exc_RuntimeError, "anext(): asynchronous generator is already running");
      return nullptr;
    }
    o->ags_state = kAwaitableIter;
    o->ags_gen->gi_running_async = 1;
  }
  Object* result = gen_throw(o->ags_gen, args, nargs);
  result = async_gen_unwrap_value(o->ags_gen, result);
  if (!result) {
    o->ags_gen->gi_running_async = 0;
    o->ags_state = kAwaitableClosed;
  }
  return result;
}

bool matches_close_exceptions() {
  return errors::exception_matches(reinterpret_cast<Object*>(exc_StopIteration)) ||
         errors::exception_matches(reinterpret_cast<Object*>(exc_StopAsyncIteration)) ||
         errors::exception_matches(reinterpret_cast<Object*>(exc_GeneratorExit));
}

// async_gen_asend_close.
Object* asend_close(Object* self, Object*) {
  auto* o = static_cast<AsyncGenASend*>(self);
  if (o->ags_state == kAwaitableClosed) return return_none();
  Object* exit = reinterpret_cast<Object*>(exc_GeneratorExit);
  Object* result = asend_throw(self, &exit, 1);
  if (!result) {
    if (matches_close_exceptions()) {
      errors::clear();
      return return_none();
    }
    return nullptr;
  }
  decref(result);
  errors::set_string(exc_RuntimeError, "coroutine ignored GeneratorExit");
  return nullptr;
}

MethodDef asend_methods[] = {
    {"send", reinterpret_cast<void*>(asend_send), kMethO,
     "send(arg) -> send 'arg' into coroutine,\nreturn next yielded value or raise "
     "StopIteration."},
    {"throw", reinterpret_cast<void*>(asend_throw), kMethFastcall,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return "
     "next yielded value or raise\nStopIteration.\nthe (type, val, tb) signature is "
     "deprecated, \nand may be removed in a future version of Python."},
    {"close", reinterpret_cast<void*>(asend_close), kMethNoArgs,
     "close() -> raise GeneratorExit inside coroutine."},
    {nullptr, nullptr, 0, nullptr}};

AsyncMethods asend_as_async = {object_self_iter, nullptr, nullptr, nullptr};

// --- athrow / aclose awaitable ---

void athrow_dealloc(Object* o) {
  auto* a = static_cast<AsyncGenAThrow*>(o);
  gc::untrack(o);
  if (a->agt_state == kAwaitableInit && a->agt_gen) {
    // async_gen_athrow_finalize.
    o->refcnt = 1;
    warn_unawaited_agen_method(a->agt_gen, a->agt_args ? "athrow" : "aclose");
    if (--o->refcnt != 0) {
      gc::track(o);
      return;
    }
  }
  xdecref(a->agt_gen);
  xdecref(a->agt_args);
  gc::gc_free(o);
}
int athrow_traverse(Object* o, visitproc visit, void* arg) {
  auto* a = static_cast<AsyncGenAThrow*>(o);
  if (a->agt_gen) {
    int r = visit(a->agt_gen, arg);
    if (r) return r;
  }
  return a->agt_args ? visit(a->agt_args, arg) : 0;
}

Object* athrow_running_error(AsyncGenAThrow* o) {
  o->agt_state = kAwaitableClosed;
  errors::set_string(exc_RuntimeError, o->agt_args
                                           ? "athrow(): asynchronous generator is already running"
                                           : "aclose(): asynchronous generator is already running");
  return nullptr;
}

// async_gen_athrow_send.
Object* athrow_send(Object* self, Object* arg) {
  auto* o = static_cast<AsyncGenAThrow*>(self);
  GenObject* gen = o->agt_gen;
  Object* retval;
  if (o->agt_state == kAwaitableClosed) {
    errors::set_string(exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    return nullptr;
  }
  if (gen->gi_frame_state >= kFrameCompleted) {
    o->agt_state = kAwaitableClosed;
    errors::set_none(exc_StopIteration);
    return nullptr;
  }
  if (o->agt_state == kAwaitableInit) {
    if (gen->gi_running_async) return athrow_running_error(o);
    if (gen->gi_closed) {
      o->agt_state = kAwaitableClosed;
      errors::set_none(exc_StopAsyncIteration);
      return nullptr;
    }
    if (arg != none()) {
      errors::set_string(exc_RuntimeError, "can't send non-None value to a just-started coroutine");
      return nullptr;
    }
    o->agt_state = kAwaitableIter;
    gen->gi_running_async = 1;
    if (!o->agt_args) {
      // aclose(): GeneratorExit thrown in without closing a delegate first.
      gen->gi_closed = 1;
      retval = gen_throw_impl(gen, false, reinterpret_cast<Object*>(exc_GeneratorExit), nullptr,
                              nullptr);
      if (retval && is_wrapped_value(retval)) {
        decref(retval);
        goto yield_close;
      }
    } else {
      ssize n = tuple_size(o->agt_args);
      if (n < 1 || n > 3) {
        errors::format(exc_TypeError,
                       n < 1 ? "athrow expected at least 1 argument, got %zd"
                             : "athrow expected at most 3 arguments, got %zd",
                       n);
        return nullptr;
      }
      retval = gen_throw_impl(gen, false, tuple_item(o->agt_args, 0),
                              n > 1 ? tuple_item(o->agt_args, 1) : nullptr,
                              n > 2 ? tuple_item(o->agt_args, 2) : nullptr);
      retval = async_gen_unwrap_value(gen, retval);
    }
    if (!retval) goto check_error;
    return retval;
  }
  retval = gen_send_ex(gen, arg, false, false);
  if (o->agt_args) return async_gen_unwrap_value(gen, retval);
  // aclose()
  if (retval) {
    if (is_wrapped_value(retval)) {
      decref(retval);
      goto yield_close;
    }
    return retval;
  }
  goto check_error;

yield_close:
  gen->gi_running_async = 0;
  o->agt_state = kAwaitableClosed;
  errors::set_string(exc_RuntimeError, kAsyncGenIgnoredExit);
  return nullptr;

check_error:
  gen->gi_running_async = 0;
  o->agt_state = kAwaitableClosed;
  if (errors::exception_matches(reinterpret_cast<Object*>(exc_StopAsyncIteration)) ||
      errors::exception_matches(reinterpret_cast<Object*>(exc_GeneratorExit))) {
    if (!o->agt_args) {
      // The end of an aclose() await: StopIteration, not the generator's exit.
      errors::clear();
      errors::set_none(exc_StopIteration);
    }
  }
  return nullptr;
}

Object* athrow_iternext(Object* self) { return athrow_send(self, none()); }

// async_gen_athrow_throw.
Object* athrow_throw(Object* self, Object* const* args, ssize nargs) {
  auto* o = static_cast<AsyncGenAThrow*>(self);
  GenObject* gen = o->agt_gen;
  if (o->agt_state == kAwaitableClosed) {
    errors::set_string(exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    return nullptr;
  }
  if (o->agt_state == kAwaitableInit) {
    if (gen->gi_running_async) return athrow_running_error(o);
    o->agt_state = kAwaitableIter;
    gen->gi_running_async = 1;
  }
  Object* retval = gen_throw(gen, args, nargs);
  if (o->agt_args) {
    retval = async_gen_unwrap_value(gen, retval);
    if (!retval) {
      gen->gi_running_async = 0;
      o->agt_state = kAwaitableClosed;
    }
    return retval;
  }
  // aclose()
  if (retval && is_wrapped_value(retval)) {
    gen->gi_running_async = 0;
    o->agt_state = kAwaitableClosed;
    decref(retval);
    errors::set_string(exc_RuntimeError, kAsyncGenIgnoredExit);
    return nullptr;
  }
  if (!retval) {
    gen->gi_running_async = 0;
    o->agt_state = kAwaitableClosed;
  }
  if (errors::exception_matches(reinterpret_cast<Object*>(exc_StopAsyncIteration)) ||
      errors::exception_matches(reinterpret_cast<Object*>(exc_GeneratorExit))) {
    errors::clear();
    errors::set_none(exc_StopIteration);
  }
  return retval;
}

// async_gen_athrow_close.
Object* athrow_close(Object* self, Object*) {
  auto* o = static_cast<AsyncGenAThrow*>(self);
  if (o->agt_state == kAwaitableClosed) return return_none();
  Object* exit = reinterpret_cast<Object*>(exc_GeneratorExit);
  Object* result = athrow_throw(self, &exit, 1);
  if (!result) {
    if (matches_close_exceptions()) {
      errors::clear();
      return return_none();
    }
    return nullptr;
  }
  decref(result);
  errors::set_string(exc_RuntimeError, "coroutine ignored GeneratorExit");
  return nullptr;
}

MethodDef athrow_methods[] = {
    {"send", reinterpret_cast<void*>(athrow_send), kMethO,
     "send(arg) -> send 'arg' into coroutine,\nreturn next yielded value or raise "
     "StopIteration."},
    {"throw", reinterpret_cast<void*>(athrow_throw), kMethFastcall,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return "
     "next yielded value or raise\nStopIteration.\nthe (type, val, tb) signature is "
     "deprecated, \nand may be removed in a future version of Python."},
    {"close", reinterpret_cast<void*>(athrow_close), kMethNoArgs,
     "close() -> raise GeneratorExit inside coroutine."},
    {nullptr, nullptr, 0, nullptr}};

AsyncMethods athrow_as_async = {object_self_iter, nullptr, nullptr, nullptr};

}  // namespace

void gen_finalize_object(Object* o) { gen_finalize(o); }

GenObject* gen_of_frame(vm::Frame* f) {
  return reinterpret_cast<GenObject*>(reinterpret_cast<char*>(f) - offsetof(GenObject, gi_iframe));
}

namespace {

// The thread's coroutine origin tracking depth: CPython keeps it in the thread state; a
// thread_local is the same per-thread value here.
thread_local int origin_tracking_depth = 0;

// _PyFrame_GetFirstComplete.
vm::Frame* first_complete_frame(vm::Frame* f) {
  while (f && vm::frame_is_incomplete(f)) f = f->previous;
  return f;
}

// compute_cr_origin: (filename, line, name) of up to origin_depth frames, innermost first.
Object* compute_cr_origin(int origin_depth, vm::Frame* current) {
  int count = 0;
  for (vm::Frame* f = current; f && count < origin_depth; ++count)
    f = first_complete_frame(f->previous);
  Ref<> origin = Ref<>::steal(tuple_new(count));
  if (!origin) return nullptr;
  vm::Frame* f = current;
  for (int i = 0; i < count; ++i) {
    CodeObject* code = vm::frame_code(f);
    Ref<> line = Ref<>::steal(long_from_long(vm::frame_get_line(f)));
    if (!line) return nullptr;
    Object* info = tuple_pack(3, code->co_filename, line.get(), code->co_name);
    if (!info) return nullptr;
    tuple_set_item(origin.get(), i, info);
    f = first_complete_frame(f->previous);
  }
  return origin.release();
}

}  // namespace

int coroutine_origin_tracking_depth() { return origin_tracking_depth; }

int set_coroutine_origin_tracking_depth(int depth) {
  if (depth < 0) {
    errors::set_string(exc_ValueError, "depth must be >= 0");
    return -1;
  }
  origin_tracking_depth = depth;
  return 0;
}

GenObject* gen_make(Object* func_obj) {
  auto* func = static_cast<FunctionObject*>(func_obj);
  auto* co = static_cast<CodeObject*>(func->func_code);
  TypeObject* type = &gen_type;
  if (co->co_flags & kCoCoroutine) type = &coro_type;
  else if (co->co_flags & kCoAsyncGenerator) type = &async_gen_type;
  Object* origin = nullptr;
  if (type == &coro_type && origin_tracking_depth > 0) {
    // _Py_MakeCoro: cr_origin starts at the caller of the coroutine function's frame.
    vm::Frame* current = runtime::thread_state()->current_frame;
    vm::Frame* frame = first_complete_frame(current ? current->previous : nullptr);
    origin = compute_cr_origin(origin_tracking_depth, frame);
    if (!origin) return nullptr;
  }
  size_t size = offsetof(GenObject, gi_iframe) + sizeof(Object*) * size_t(co->co_framesize);
  auto* gen = static_cast<GenObject*>(gc::gc_malloc(size));
  if (!gen) {
    xdecref(origin);
    return nullptr;
  }
  gen->refcnt = 1;
  gen->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  gen->gi_name = new_ref(func->func_name);
  gen->gi_qualname = new_ref(func->func_qualname);
  gen->gi_frame_state = kFrameCreated;
  gen->gi_origin_or_finalizer = origin;
  gc::track(gen);
  return gen;
}

int gen_send_ex2(GenObject* gen, Object* arg, Object** presult, bool exc, bool closing) {
  runtime::ThreadState* ts = runtime::thread_state();
  *presult = nullptr;
  if (gen->gi_frame_state == kFrameCreated && arg && arg != none() && !exc) {
    const char* msg = is_coro(gen) ? "can't send non-None value to a just-started coroutine"
                      : gen->type == &async_gen_type
                          ? "can't send non-None value to a just-started async generator"
                          : "can't send non-None value to a just-started generator";
    errors::set_string(exc_TypeError, msg);
    return -1;
  }
  if (gen->gi_frame_state == kFrameExecuting) {
    errors::format(exc_ValueError, "%s already executing", kind_name(gen));
    return -1;
  }
  if (gen->gi_frame_state >= kFrameCompleted) {
    if (is_coro(gen) && !closing) {
      errors::set_string(exc_RuntimeError, "cannot reuse already awaited coroutine");
    } else if (arg && !exc) {
      *presult = return_none();
      return 0;
    }
    return -1;
  }
  vm::Frame* frame = &gen->gi_iframe;
  *frame->stackpointer++ = new_ref(arg ? arg : none());
  gen->gi_exc_state.previous_item = ts->exc_info;
  ts->exc_info = &gen->gi_exc_state;
  if (exc) {
    // _PyErr_ChainStackItem: the exception thrown in gets the generator's handled exception
    // (an except block it is suspended in) as its __context__.
    Object* handled = gen->gi_exc_state.exc_value;
    if (handled && handled != none()) {
      Object* raised = errors::get_raised_exception();
      if (raised) {
        errors::set_object(raised->type, raised);
        decref(raised);
      }
    }
  }
  gen->gi_frame_state = kFrameExecuting;
  incref(gen);  // the frame runs with the generator alive
  Object* result = vm::eval_frame(frame, exc ? 1 : 0);
  ts->exc_info = gen->gi_exc_state.previous_item;
  gen->gi_exc_state.previous_item = nullptr;
  int rc;
  if (result) {
    if (gen->gi_frame_state == kFrameSuspended || gen->gi_frame_state == kFrameSuspendedYieldFrom) {
      *presult = result;
      rc = 1;
    } else {
      *presult = result;
      clear(gen->gi_exc_state.exc_value);
      gen->gi_frame_state = kFrameCleared;
      rc = 0;
    }
  } else {
    clear(gen->gi_exc_state.exc_value);
    gen->gi_frame_state = kFrameCleared;
    rc = -1;
  }
  decref(gen);
  return rc;
}

int iter_send(Object* iter, Object* arg, Object** result) {
  if (iter->type == &gen_type || iter->type == &coro_type)
    return gen_send_ex2(static_cast<GenObject*>(iter), arg, result, false, false);
  if (arg == none() && iter->type->iternext) {
    *result = iter->type->iternext(iter);
  } else {
    Object* name = str_intern_from_cstr("send");
    *result = call_method_one_arg(iter, name, arg);
  }
  if (*result) return 1;
  if (gen_fetch_stop_iteration_value(result) == 0) return 0;
  return -1;
}

int gen_fetch_stop_iteration_value(Object** pvalue) {
  *pvalue = nullptr;
  if (errors::occurred()) {
    if (!errors::exception_matches(reinterpret_cast<Object*>(exc_StopIteration))) return -1;
    Object* exc = errors::get_raised_exception();
    Object* value = static_cast<StopIterationObject*>(exc)->value;
    *pvalue = new_ref(value ? value : none());
    decref(exc);
    return 0;
  }
  *pvalue = return_none();
  return 0;
}

Object* coro_get_awaitable_iter(Object* o) {
  if (o->type == &coro_type) return new_ref(o);
  if (o->type == &gen_type) {
    auto* gen = static_cast<GenObject*>(o);
    if (gen->gi_frame_state != kFrameCleared &&
        (vm::frame_code(&gen->gi_iframe)->co_flags & kCoIterableCoroutine))
      return new_ref(o);
  }
  AsyncMethods* am = o->type->as_async;
  if (am && am->await) {
    Object* res = am->await(o);
    if (!res) return nullptr;
    if (res->type == &coro_type || gen_is_coroutine(res)) {
      errors::set_string(exc_TypeError, "__await__() returned a coroutine");
      decref(res);
      return nullptr;
    }
    if (!iter_check(res)) {
      errors::format(exc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                     res->type->name);
      decref(res);
      return nullptr;
    }
    return res;
  }
  errors::format(exc_TypeError, "'%.100s' object can't be awaited", o->type->name);
  return nullptr;
}

Object* gen_yf(GenObject* gen) {
  if (gen->gi_frame_state != kFrameSuspendedYieldFrom) return nullptr;
  vm::Frame* f = &gen->gi_iframe;
  return new_ref(f->stackpointer[-1]);
}

bool gen_is_coroutine(Object* o) {
  if (o->type == &coro_type) return true;
  if (o->type != &gen_type) return false;
  auto* gen = static_cast<GenObject*>(o);
  return gen->gi_frame_state != kFrameCleared &&
         (vm::frame_code(&gen->gi_iframe)->co_flags & kCoIterableCoroutine);
}

TypeObject gen_type = [] {
  TypeObject t = static_type("generator", sizeof(GenObject), sizeof(Object*), kTpflagsHaveGc);
  t.dealloc = gen_dealloc;
  t.finalize = gen_finalize;
  t.repr = gen_repr;
  t.getattro = object_generic_getattr;
  t.traverse = gen_traverse;
  t.iter = object_self_iter;
  t.iternext = gen_iternext;
  t.methods = gen_methods;
  t.getset = gen_getsetlist;
  t.weaklistoffset = static_cast<ssize>(offsetof(GenObject, gi_weakreflist));
  return t;
}();

TypeObject coro_type = [] {
  TypeObject t = static_type("coroutine", sizeof(GenObject), sizeof(Object*), kTpflagsHaveGc);
  t.dealloc = gen_dealloc;
  t.finalize = gen_finalize;
  t.repr = gen_repr;
  t.as_async = &coro_as_async;
  t.getattro = object_generic_getattr;
  t.traverse = gen_traverse;
  t.methods = coro_methods;
  t.getset = coro_getsetlist;
  t.weaklistoffset = static_cast<ssize>(offsetof(GenObject, gi_weakreflist));
  return t;
}();

TypeObject async_gen_type = [] {
  TypeObject t = static_type("async_generator", sizeof(GenObject), sizeof(Object*),
                             kTpflagsHaveGc);
  t.dealloc = gen_dealloc;
  t.finalize = gen_finalize;
  t.repr = gen_repr;
  t.as_async = &async_gen_as_async;
  t.getattro = object_generic_getattr;
  t.traverse = gen_traverse;
  t.methods = async_gen_methods;
  t.getset = async_gen_getsetlist;
  t.weaklistoffset = static_cast<ssize>(offsetof(GenObject, gi_weakreflist));
  return t;
}();

TypeObject async_gen_asend_type = [] {
  TypeObject t = static_type("async_generator_asend", sizeof(AsyncGenASend), 0, kTpflagsHaveGc);
  t.dealloc = asend_dealloc;
  t.as_async = &asend_as_async;
  t.getattro = object_generic_getattr;
  t.traverse = asend_traverse;
  t.iter = object_self_iter;
  t.iternext = asend_iternext;
  t.methods = asend_methods;
  return t;
}();

TypeObject async_gen_athrow_type = [] {
  TypeObject t = static_type("async_generator_athrow", sizeof(AsyncGenAThrow), 0, kTpflagsHaveGc);
  t.dealloc = athrow_dealloc;
  t.as_async = &athrow_as_async;
  t.getattro = object_generic_getattr;
  t.traverse = athrow_traverse;
  t.iter = object_self_iter;
  t.iternext = athrow_iternext;
  t.methods = athrow_methods;
  return t;
}();

TypeObject async_gen_wrapped_value_type = [] {
  TypeObject t = static_type("async_generator_wrapped_value", sizeof(AsyncGenWrappedValue), 0,
                             kTpflagsHaveGc);
  t.dealloc = agw_dealloc;
  t.traverse = agw_traverse;
  return t;
}();

namespace {
bool is_wrapped_value(Object* o) { return o->type == &async_gen_wrapped_value_type; }
}  // namespace

Object* async_gen_value_wrapper_new(Object* value) {
  auto* o = alloc_gc_object<AsyncGenWrappedValue>(&async_gen_wrapped_value_type);
  if (!o) return nullptr;
  o->agw_val = new_ref(value);
  gc::track(o);
  return o;
}

TypeObject coro_wrapper_type = [] {
  TypeObject t = static_type("coroutine_wrapper", sizeof(CoroWrapper), 0, kTpflagsHaveGc);
  t.dealloc = cw_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = cw_traverse;
  t.iter = object_self_iter;
  t.iternext = cw_iternext;
  t.methods = cw_methods;
  return t;
}();

}  // namespace cppy::objects
