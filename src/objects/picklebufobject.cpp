// pickle.PickleBuffer: Objects/picklebufobject.c.
#include "objects/picklebufobject.h"

#include <cstddef>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/memoryobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"

namespace cppy::objects {

namespace {

// PyPickleBufferObject: the view exported by the original object (view.obj null once
// released).
struct PickleBufferObject : Object {
  Buffer view;
  Object* weakreflist;
};
inline PickleBufferObject* pb(Object* o) { return static_cast<PickleBufferObject*>(o); }

const char kReleased[] = "operation forbidden on released PickleBuffer object";

Object* picklebuf_alloc_over(TypeObject* type, Object* base) {
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  pb(self)->view = Buffer{};
  pb(self)->weakreflist = nullptr;
  if (object_get_buffer(base, &pb(self)->view, kBufFullRO) < 0) {
    decref(self);
    return nullptr;
  }
  return self;
}

// picklebuf_new: PickleBuffer(obj, /), parsed as "O:PickleBuffer" with one nameless keyword.
Object* picklebuf_new(TypeObject* type, Object* args, Object* kwds) {
  ssize nargs = tuple_size(args);
  ssize nkw = kwds ? dict_size(kwds) : 0;
  if (nargs + nkw > 1)
    return errors::format(exc_TypeError, "PickleBuffer() takes at most 1 argument (%zd given)",
                          nargs + nkw);
  if (nargs < 1)
    return errors::format(exc_TypeError,
                          "PickleBuffer() takes exactly 1 positional argument (%zd given)",
                          nargs);
  return picklebuf_alloc_over(type, tuple_item(args, 0));
}

int picklebuf_traverse(Object* o, visitproc visit, void* arg) {
  return pb(o)->view.obj ? visit(pb(o)->view.obj, arg) : 0;
}

int picklebuf_clear(Object* o) {
  if (pb(o)->view.obj) buffer_release(&pb(o)->view);
  return 0;
}

void picklebuf_dealloc(Object* o) {
  gc::untrack(o);
  if (pb(o)->weakreflist) object_clear_weakrefs(o);
  if (pb(o)->view.obj) buffer_release(&pb(o)->view);
  o->type->free(o);
}

// picklebuf_getbuf: the request goes to the original exporter, so that the consumer's view
// (and its release) is the exporter's own.
int picklebuf_getbuf(Object* o, Buffer* view, int flags) {
  if (!pb(o)->view.obj) {
    errors::set_string(exc_ValueError, kReleased);
    return -1;
  }
  return object_get_buffer(pb(o)->view.obj, view, flags);
}

// picklebuf_releasebuf: never called (getbuf redirects to the exporter); its presence marks
// the buffers as needing a release, as in CPython.
void picklebuf_releasebuf(Object*, Buffer*) {}

BufferProcs picklebuf_as_buffer = {picklebuf_getbuf, picklebuf_releasebuf};

// picklebuf_raw: a 1-D unsigned-byte memoryview of the contiguous memory.
Object* picklebuf_raw(Object* o, Object*) {
  const Buffer& v = pb(o)->view;
  if (!v.obj) {
    errors::set_string(exc_ValueError, kReleased);
    return nullptr;
  }
  if (v.suboffsets || !buffer_is_contiguous(&v, 'A')) {
    errors::set_string(exc_BufferError, "cannot extract raw buffer from non-contiguous buffer");
    return nullptr;
  }
  Object* m = memoryview_from_object(o);
  if (!m) return nullptr;
  memoryview_make_raw(m);
  return m;
}

Object* picklebuf_release(Object* o, Object*) {
  if (pb(o)->view.obj) buffer_release(&pb(o)->view);
  return new_ref(none());
}

MethodDef picklebuf_methods[] = {
    {"raw", reinterpret_cast<void*>(picklebuf_raw), kMethNoArgs,
     "raw($self, /)\n--\n\nReturn a memoryview of the raw memory underlying this buffer.\n"
     "Will raise BufferError is the buffer isn't contiguous."},
    {"release", reinterpret_cast<void*>(picklebuf_release), kMethNoArgs,
     "release($self, /)\n--\n\nRelease the underlying buffer exposed by the PickleBuffer "
     "object."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

TypeObject picklebuffer_type = [] {
  TypeObject t = static_type("pickle.PickleBuffer", sizeof(PickleBufferObject), 0,
                             kTpflagsHaveGc | kTpflagsStaticBuiltin);
  t.doc = "Wrapper for potentially out-of-band buffers";
  t.new_ = picklebuf_new;
  t.alloc = type_generic_alloc;
  t.dealloc = picklebuf_dealloc;
  t.traverse = picklebuf_traverse;
  t.clear = picklebuf_clear;
  t.getattro = object_generic_getattr;
  t.weaklistoffset = static_cast<ssize>(offsetof(PickleBufferObject, weakreflist));
  t.as_buffer = &picklebuf_as_buffer;
  t.methods = picklebuf_methods;
  return t;
}();

Object* picklebuffer_from_object(Object* base) {
  return picklebuf_alloc_over(&picklebuffer_type, base);
}

const Buffer* picklebuffer_get_buffer(Object* obj) {
  if (!picklebuffer_check(obj))
    return static_cast<const Buffer*>(
        errors::format(exc_TypeError, "expected PickleBuffer, %.200s found", obj->type->name));
  if (!pb(obj)->view.obj) {
    errors::set_string(exc_ValueError, kReleased);
    return nullptr;
  }
  return &pb(obj)->view;
}

int picklebuffer_release(Object* obj) {
  if (!picklebuffer_check(obj)) {
    errors::format(exc_TypeError, "expected PickleBuffer, %.200s found", obj->type->name);
    return -1;
  }
  if (pb(obj)->view.obj) buffer_release(&pb(obj)->view);
  return 0;
}

}  // namespace cppy::objects
