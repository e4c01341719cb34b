// The built-in exception hierarchy: Objects/exceptions.c.
#include "objects/exceptions.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/genericaliasobject.h"
#include "objects/listobject.h"
#include "objects/setobject.h"
#include "errors/suggestions.h"
#include "objects/clinic_ssize.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"

namespace cppy::objects {

using typeobject_internal::name_of;

namespace {

inline BaseExceptionObject* be(Object* o) { return static_cast<BaseExceptionObject*>(o); }

Object* empty_tuple_ref() { return new_ref(tuple_empty()); }

int no_keywords(const char* name, Object* kwds) {
  if (kwds && dict_check(kwds) && dict_size(kwds)) {
    errors::format(exc_TypeError, "%.200s() takes no keyword arguments", name);
    return 0;
  }
  return 1;
}

// --- BaseException ---------------------------------------------------------------------------

Object* BaseException_new(TypeObject* type, Object* args, Object*) {
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  be(self)->suppress_context = 0;
  be(self)->args = args ? new_ref(args) : empty_tuple_ref();
  return self;
}

int BaseException_init(Object* self, Object* args, Object* kwds) {
  if (!no_keywords(self->type->name, kwds)) return -1;
  xsetref(be(self)->args, new_ref(args));
  return 0;
}

int BaseException_clear(Object* self) {
  BaseExceptionObject* e = be(self);
  clear(e->dict);
  clear(e->args);
  clear(e->notes);
  clear(e->traceback);
  clear(e->cause);
  clear(e->context);
  return 0;
}

void BaseException_dealloc(Object* self) {
  gc::untrack(self);
  self->type->clear(self);
  self->type->free(self);
}

int BaseException_traverse(Object* self, visitproc visit, void* arg) {
  BaseExceptionObject* e = be(self);
  for (Object* o : {e->dict, e->args, e->notes, e->traceback, e->cause, e->context})
    if (o)
      if (int r = visit(o, arg)) return r;
  return 0;
}

Object* BaseException_str(Object* self) {
  Object* args = be(self)->args;
  switch (tuple_size(args)) {
    case 0: return str_from_cstr("");
    case 1: return object_str(tuple_item(args, 0));
    default: return object_str(args);
  }
}

Object* BaseException_repr(Object* self) {
  const char* name = type_short_name(self->type);
  Object* args = be(self)->args;
  if (tuple_size(args) == 1) return str_from_format("%s(%R)", name, tuple_item(args, 0));
  return str_from_format("%s%R", name, args);
}

Object* BaseException_reduce(Object* self, Object*) {
  BaseExceptionObject* e = be(self);
  if (e->args && e->dict) return tuple_pack(3, self->type, e->args, e->dict);
  return tuple_pack(2, self->type, e->args);
}

Object* BaseException_setstate(Object* self, Object* state) {
  if (state != none()) {
    if (!dict_check(state)) {
      errors::set_string(exc_TypeError, "state is not a dictionary");
      return nullptr;
    }
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(state, &pos, &k, &v)) {
      Ref<> key = Ref<>::borrow(k);
      Ref<> value = Ref<>::borrow(v);
      if (object_setattr(self, k, v) < 0) return nullptr;
    }
  }
  return return_none();
}

Object* BaseException_with_traceback(Object* self, Object* tb) {
  if (exception_set_traceback(self, tb) < 0) return nullptr;
  return new_ref(self);
}

// BaseException.add_note(note, /) (Argument Clinic, note a str): appends to the __notes__
// list in the instance dict.
Object* BaseException_add_note(Object* self, Object* note) {
  if (!str_check(note)) {
    return errors::format(exc_TypeError, "add_note() argument must be str, not %s",
                          note->type->name);
  }
  Object* notes = nullptr;
  if (object_get_optional_attr(self, name_of("__notes__"), &notes) < 0) return nullptr;
  Ref<> n = Ref<>::steal(notes);
  if (!n) {
    n = Ref<>::steal(list_new(0));
    if (!n) return nullptr;
    if (object_setattr(self, name_of("__notes__"), n.get()) < 0) return nullptr;
  } else if (!list_check(n.get())) {
    return errors::format(exc_TypeError, "Cannot add note: __notes__ is not a list");
  }
  if (list_append(n.get(), note) < 0) return nullptr;
  return return_none();
}

MethodDef BaseException_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(BaseException_reduce), kMethNoArgs, nullptr},
    {"__setstate__", reinterpret_cast<void*>(BaseException_setstate), kMethO, nullptr},
    {"with_traceback", reinterpret_cast<void*>(BaseException_with_traceback), kMethO,
     "Set self.__traceback__ to tb and return self."},
    {"add_note", reinterpret_cast<void*>(BaseException_add_note), kMethO,
     "Add a note to the exception"},
    {nullptr, nullptr, 0, nullptr}};

Object* BaseException_get_args(Object* self, void*) {
  return new_ref(be(self)->args ? be(self)->args : none());
}
int BaseException_set_args(Object* self, Object* val, void*) {
  if (val == nullptr) {
    errors::set_string(exc_TypeError, "args may not be deleted");
    return -1;
  }
  Object* seq = sequence_tuple(val);
  if (!seq) return -1;
  xsetref(be(self)->args, seq);
  return 0;
}
Object* BaseException_get_tb(Object* self, void*) {
  return new_ref(be(self)->traceback ? be(self)->traceback : none());
}
int BaseException_set_tb(Object* self, Object* tb, void*) {
  if (tb == nullptr) {
    errors::set_string(exc_TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  return exception_set_traceback(self, tb);
}
Object* BaseException_get_context(Object* self, void*) {
  return new_ref(be(self)->context ? be(self)->context : none());
}
int BaseException_set_context(Object* self, Object* arg, void*) {
  if (arg == nullptr) {
    errors::set_string(exc_TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (arg == none()) {
    arg = nullptr;
  } else if (!exception_check(arg)) {
    errors::set_string(exc_TypeError,
                       "exception context must be None or derive from BaseException");
    return -1;
  }
  xsetref(be(self)->context, xnew_ref(arg));
  return 0;
}
Object* BaseException_get_cause(Object* self, void*) {
  return new_ref(be(self)->cause ? be(self)->cause : none());
}
int BaseException_set_cause(Object* self, Object* arg, void*) {
  if (arg == nullptr) {
    errors::set_string(exc_TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (arg == none()) {
    arg = nullptr;
  } else if (!exception_check(arg)) {
    errors::set_string(exc_TypeError,
                       "exception cause must be None or derive from BaseException");
    return -1;
  }
  be(self)->suppress_context = 1;
  xsetref(be(self)->cause, xnew_ref(arg));
  return 0;
}

GetSetDef BaseException_getset[] = {
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {"args", BaseException_get_args, BaseException_set_args, nullptr, nullptr},
    {"__traceback__", BaseException_get_tb, BaseException_set_tb, nullptr, nullptr},
    {"__context__", BaseException_get_context, BaseException_set_context, nullptr, nullptr},
    {"__cause__", BaseException_get_cause, BaseException_set_cause, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MemberDef BaseException_members[] = {
    {"__suppress_context__", kMemberBool,
     static_cast<ssize>(offsetof(BaseExceptionObject, suppress_context)), 0, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

// A static exception type: the common fields of SimpleExtendsException & co.
TypeObject exc_type(const char* name, TypeObject* base, ssize size, const char* doc) {
  TypeObject t = static_type(name, size, 0,
                             kTpflagsBasetype | kTpflagsHaveGc | kTpflagsBaseExcSubclass);
  t.base = base;
  t.doc = doc;
  t.dictoffset = static_cast<ssize>(offsetof(BaseExceptionObject, dict));
  // A GC type names its own traverse/clear (they are not inherited between GC types): a
  // subclass without fields of its own takes its base's, as CPython's MiddlingExtendsException
  // does (FileNotFoundError uses OSError_clear, ModuleNotFoundError ImportError_clear...);
  // BaseException_clear there would leak the base's fields and hide them from the collector.
  t.traverse = base ? base->traverse : BaseException_traverse;
  t.clear = base ? base->clear : BaseException_clear;
  if (base == nullptr) {
    // BaseException itself.
    t.dealloc = BaseException_dealloc;
    t.repr = BaseException_repr;
    t.str = BaseException_str;
    t.getattro = object_generic_getattr;
    t.setattro = object_generic_setattr;
    t.traverse = BaseException_traverse;
    t.clear = BaseException_clear;
    t.methods = BaseException_methods;
    t.members = BaseException_members;
    t.getset = BaseException_getset;
    t.init = BaseException_init;
    t.alloc = type_generic_alloc;
    t.new_ = BaseException_new;
  }
  return t;
}

// --- StopIteration, SystemExit ----------------------------------------------------------------

int StopIteration_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  auto* s = static_cast<StopIterationObject*>(self);
  xsetref(s->value, new_ref(tuple_size(args) > 0 ? tuple_item(args, 0) : none()));
  return 0;
}
int StopIteration_clear(Object* self) {
  clear(static_cast<StopIterationObject*>(self)->value);
  return BaseException_clear(self);
}
int StopIteration_traverse(Object* self, visitproc visit, void* arg) {
  if (Object* v = static_cast<StopIterationObject*>(self)->value)
    if (int r = visit(v, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}
MemberDef StopIteration_members[] = {
    {"value", kMemberObject, static_cast<ssize>(offsetof(StopIterationObject, value)), 0,
     "generator return value"},
    {nullptr, 0, 0, 0, nullptr}};

int SystemExit_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  ssize size = tuple_size(args);
  Object* code = size == 0 ? none() : size == 1 ? tuple_item(args, 0) : args;
  xsetref(static_cast<SystemExitObject*>(self)->code, new_ref(code));
  return 0;
}
int SystemExit_clear(Object* self) {
  clear(static_cast<SystemExitObject*>(self)->code);
  return BaseException_clear(self);
}
int SystemExit_traverse(Object* self, visitproc visit, void* arg) {
  if (Object* v = static_cast<SystemExitObject*>(self)->code)
    if (int r = visit(v, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}
MemberDef SystemExit_members[] = {
    {"code", kMemberObject, static_cast<ssize>(offsetof(SystemExitObject, code)), 0,
     "exception code"},
    {nullptr, 0, 0, 0, nullptr}};

// --- keyword-taking initialisers (NameError, AttributeError, ImportError) ----------------------

// Parses the keyword-only arguments of an exception constructor ("|$O..." formats).
int parse_exc_kwargs(Object* kwds, const char* fname, const char* const* names, Object** out,
                     int n) {
  if (!kwds) return 0;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(kwds, &pos, &k, &v)) {
    int idx = -1;
    for (int i = 0; i < n; ++i)
      if (str_check(k) && str_compare_cstr(k, names[i]) == 0) idx = i;
    if (idx < 0) {
      // error_unexpected_keyword_arg, with the "Did you mean" of Python/suggestions.c.
      Ref<> possible = Ref<>::steal(list_new(0));
      for (int i = 0; possible && i < n; ++i) {
        Ref<> name = Ref<>::steal(str_from_cstr(names[i]));
        if (!name || list_append(possible.get(), name.get()) < 0) possible.reset();
      }
      Ref<> hint = Ref<>::steal(possible && str_check(k)
                                    ? errors::calculate_suggestions(possible.get(), k)
                                    : nullptr);
      errors::clear();
      if (hint)
        errors::format(exc_TypeError, "%s() got an unexpected keyword argument '%U'. Did you mean '%U'?",
                       fname, k, hint.get());
      else
        errors::format(exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, k);
      return -1;
    }
    out[idx] = v;
  }
  return 0;
}

int NameError_init(Object* self, Object* args, Object* kwds) {
  static const char* const names[] = {"name"};
  Object* vals[1] = {nullptr};
  if (parse_exc_kwargs(kwds, "NameError", names, vals, 1) < 0) return -1;
  if (BaseException_init(self, args, nullptr) < 0) return -1;
  xsetref(static_cast<NameErrorObject*>(self)->name, xnew_ref(vals[0]));
  return 0;
}
int NameError_clear(Object* self) {
  clear(static_cast<NameErrorObject*>(self)->name);
  return BaseException_clear(self);
}
int NameError_traverse(Object* self, visitproc visit, void* arg) {
  if (Object* v = static_cast<NameErrorObject*>(self)->name)
    if (int r = visit(v, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}
MemberDef NameError_members[] = {
    {"name", kMemberObject, static_cast<ssize>(offsetof(NameErrorObject, name)), 0, "name"},
    {nullptr, 0, 0, 0, nullptr}};

int AttributeError_init(Object* self, Object* args, Object* kwds) {
  static const char* const names[] = {"name", "obj"};
  Object* vals[2] = {nullptr, nullptr};
  if (parse_exc_kwargs(kwds, "AttributeError", names, vals, 2) < 0) return -1;
  if (BaseException_init(self, args, nullptr) < 0) return -1;
  auto* e = static_cast<AttributeErrorObject*>(self);
  xsetref(e->name, xnew_ref(vals[0]));
  xsetref(e->obj, xnew_ref(vals[1]));
  return 0;
}
int AttributeError_clear(Object* self) {
  auto* e = static_cast<AttributeErrorObject*>(self);
  clear(e->obj);
  clear(e->name);
  return BaseException_clear(self);
}
int AttributeError_traverse(Object* self, visitproc visit, void* arg) {
  auto* e = static_cast<AttributeErrorObject*>(self);
  for (Object* o : {e->obj, e->name})
    if (o)
      if (int r = visit(o, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}
// AttributeError_getstate: the instance dict plus name and args (not obj, often unpicklable).
Object* AttributeError_getstate(Object* self, Object*) {
  auto* e = static_cast<AttributeErrorObject*>(self);
  if (e->name || e->args) {
    Ref<> dict = Ref<>::steal(e->dict ? dict_copy(e->dict) : dict_new());
    if (!dict) return nullptr;
    if (e->name && dict_set_item_string(dict.get(), "name", e->name) < 0) return nullptr;
    if (e->args && dict_set_item_string(dict.get(), "args", e->args) < 0) return nullptr;
    return dict.release();
  }
  if (e->dict) return new_ref(e->dict);
  return return_none();
}
Object* AttributeError_reduce(Object* self, Object*) {
  Ref<> state = Ref<>::steal(AttributeError_getstate(self, nullptr));
  if (!state) return nullptr;
  return tuple_pack(3, self->type, be(self)->args, state.get());
}
MethodDef AttributeError_methods[] = {
    {"__getstate__", reinterpret_cast<void*>(AttributeError_getstate), kMethNoArgs, nullptr},
    {"__reduce__", reinterpret_cast<void*>(AttributeError_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

MemberDef AttributeError_members[] = {
    {"name", kMemberObject, static_cast<ssize>(offsetof(AttributeErrorObject, name)), 0,
     "attribute name"},
    {"obj", kMemberObject, static_cast<ssize>(offsetof(AttributeErrorObject, obj)), 0,
     "object"},
    {nullptr, 0, 0, 0, nullptr}};

int ImportError_init(Object* self, Object* args, Object* kwds) {
  static const char* const names[] = {"name", "path", "name_from"};
  Object* vals[3] = {nullptr, nullptr, nullptr};
  if (parse_exc_kwargs(kwds, "ImportError", names, vals, 3) < 0) return -1;
  if (BaseException_init(self, args, nullptr) < 0) return -1;
  auto* e = static_cast<ImportErrorObject*>(self);
  xsetref(e->name, xnew_ref(vals[0]));
  xsetref(e->path, xnew_ref(vals[1]));
  xsetref(e->name_from, xnew_ref(vals[2]));
  Object* msg = tuple_size(args) == 1 ? tuple_item(args, 0) : nullptr;
  xsetref(e->msg, xnew_ref(msg));
  return 0;
}
int ImportError_clear(Object* self) {
  auto* e = static_cast<ImportErrorObject*>(self);
  clear(e->msg);
  clear(e->name);
  clear(e->path);
  clear(e->name_from);
  return BaseException_clear(self);
}
int ImportError_traverse(Object* self, visitproc visit, void* arg) {
  auto* e = static_cast<ImportErrorObject*>(self);
  for (Object* o : {e->msg, e->name, e->path, e->name_from})
    if (o)
      if (int r = visit(o, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}
Object* ImportError_str(Object* self) {
  auto* e = static_cast<ImportErrorObject*>(self);
  if (e->msg && str_check(e->msg)) return new_ref(e->msg);
  return BaseException_str(self);
}
// ImportError_getstate / ImportError_reduce: name, path and name_from go in the state.
Object* ImportError_getstate(Object* self) {
  auto* e = static_cast<ImportErrorObject*>(self);
  if (e->name || e->path || e->name_from) {
    Ref<> dict = Ref<>::steal(e->dict ? dict_copy(e->dict) : dict_new());
    if (!dict) return nullptr;
    if (e->name && dict_set_item_string(dict.get(), "name", e->name) < 0) return nullptr;
    if (e->path && dict_set_item_string(dict.get(), "path", e->path) < 0) return nullptr;
    if (e->name_from && dict_set_item_string(dict.get(), "name_from", e->name_from) < 0)
      return nullptr;
    return dict.release();
  }
  if (e->dict) return new_ref(e->dict);
  return return_none();
}
Object* ImportError_reduce(Object* self, Object*) {
  Ref<> state = Ref<>::steal(ImportError_getstate(self));
  if (!state) return nullptr;
  if (state.get() == none()) return tuple_pack(2, self->type, be(self)->args);
  return tuple_pack(3, self->type, be(self)->args, state.get());
}
MethodDef ImportError_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(ImportError_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

MemberDef ImportError_members[] = {
    {"msg", kMemberObject, static_cast<ssize>(offsetof(ImportErrorObject, msg)), 0,
     "exception message"},
    {"name", kMemberObject, static_cast<ssize>(offsetof(ImportErrorObject, name)), 0,
     "module name"},
    {"path", kMemberObject, static_cast<ssize>(offsetof(ImportErrorObject, path)), 0,
     "module path"},
    {"name_from", kMemberObject, static_cast<ssize>(offsetof(ImportErrorObject, name_from)), 0,
     "name imported from module"},
    {nullptr, 0, 0, 0, nullptr}};

// --- OSError --------------------------------------------------------------------------------------

TypeObject* errno_subclass(int e);

void oserror_set_fields(OSErrorObject* self, Object* args, bool trim) {
  ssize nargs = tuple_size(args);
  if (nargs >= 2 && nargs <= 5) {
    xsetref(self->myerrno, new_ref(tuple_item(args, 0)));
    xsetref(self->strerror, new_ref(tuple_item(args, 1)));
    Object* filename = nargs >= 3 ? tuple_item(args, 2) : nullptr;
    Object* filename2 = nargs >= 5 ? tuple_item(args, 4) : nullptr;
    if (filename && filename != none()) {
      if (self->type == exc_BlockingIOError && number_check(filename)) {
        self->written = number_as_ssize(filename, exc_ValueError);
        if (self->written == -1 && errors::occurred()) return;
      } else {
        xsetref(self->filename, new_ref(filename));
        if (filename2 && filename2 != none()) xsetref(self->filename2, new_ref(filename2));
        // oserror_init: the file names (and winerror) leave args; a BlockingIOError's
        // characters_written stays in them.
        if (trim) {
          Object* sub = tuple_get_slice(args, 0, 2);
          if (sub) xsetref(self->args, sub);
        }
      }
    }
  }
}

int OSError_init(Object* self, Object* args, Object* kwds);
Object* OSError_new(TypeObject* type, Object* args, Object* kwds);

// oserror_use_init: a subclass overriding __init__ but not __new__ parses in __init__.
bool oserror_use_init(TypeObject* type) {
  return type->init != OSError_init && type->new_ == OSError_new;
}

Object* OSError_new(TypeObject* type, Object* args, Object* kwds) {
  if (!oserror_use_init(type)) {
    if (!no_keywords(type->name, kwds)) return nullptr;
    // OSError(errno, ...) picks the errno's subclass.
    if (type == exc_OSError && tuple_size(args) >= 2) {
      Object* e = tuple_item(args, 0);
      if (type_has_feature(e->type, kTpflagsLongSubclass)) {
        long v = long_as_long(e);
        if (v == -1 && errors::occurred()) errors::clear();
        else if (TypeObject* sub = errno_subclass(static_cast<int>(v))) type = sub;
      }
    }
  }
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  auto* o = static_cast<OSErrorObject*>(self);
  o->written = -1;
  o->args = new_ref(args);
  if (!oserror_use_init(type)) {
    oserror_set_fields(o, args, true);
    if (errors::occurred()) {
      decref(self);
      return nullptr;
    }
  }
  return self;
}

int OSError_init(Object* self, Object* args, Object* kwds) {
  if (!oserror_use_init(self->type)) return 0;
  if (!no_keywords(self->type->name, kwds)) return -1;
  xsetref(be(self)->args, new_ref(args));
  oserror_set_fields(static_cast<OSErrorObject*>(self), args, true);
  return errors::occurred() ? -1 : 0;
}

int OSError_clear(Object* self) {
  auto* e = static_cast<OSErrorObject*>(self);
  clear(e->myerrno);
  clear(e->strerror);
  clear(e->filename);
  clear(e->filename2);
  return BaseException_clear(self);
}
int OSError_traverse(Object* self, visitproc visit, void* arg) {
  auto* e = static_cast<OSErrorObject*>(self);
  for (Object* o : {e->myerrno, e->strerror, e->filename, e->filename2})
    if (o)
      if (int r = visit(o, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}
Object* OSError_str(Object* self) {
  auto* e = static_cast<OSErrorObject*>(self);
  if (e->filename) {
    if (e->filename2) {
      return str_from_format("[Errno %S] %S: %R -> %R", e->myerrno ? e->myerrno : none(),
                             e->strerror ? e->strerror : none(), e->filename, e->filename2);
    }
    return str_from_format("[Errno %S] %S: %R", e->myerrno ? e->myerrno : none(),
                           e->strerror ? e->strerror : none(), e->filename);
  }
  if (e->myerrno && e->strerror) return str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
  return BaseException_str(self);
}
Object* OSError_written_get(Object* self, void*) {
  auto* e = static_cast<OSErrorObject*>(self);
  if (e->written == -1) {
    errors::set_string(exc_AttributeError, "characters_written");
    return nullptr;
  }
  return long_from_ssize(e->written);
}
int OSError_written_set(Object* self, Object* arg, void*) {
  auto* e = static_cast<OSErrorObject*>(self);
  if (arg == nullptr) {
    if (e->written == -1) {
      errors::set_string(exc_AttributeError, "characters_written");
      return -1;
    }
    e->written = -1;
    return 0;
  }
  ssize n = number_as_ssize(arg, exc_ValueError);
  if (n == -1 && errors::occurred()) return -1;
  e->written = n;
  return 0;
}
MemberDef OSError_members[] = {
    {"errno", kMemberObject, static_cast<ssize>(offsetof(OSErrorObject, myerrno)), 0,
     "POSIX exception code"},
    {"strerror", kMemberObject, static_cast<ssize>(offsetof(OSErrorObject, strerror)), 0,
     "exception strerror"},
    {"filename", kMemberObject, static_cast<ssize>(offsetof(OSErrorObject, filename)), 0,
     "exception filename"},
    {"filename2", kMemberObject, static_cast<ssize>(offsetof(OSErrorObject, filename2)), 0,
     "second exception filename"},
    {nullptr, 0, 0, 0, nullptr}};
GetSetDef OSError_getset[] = {
    {"characters_written", OSError_written_get, OSError_written_set, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- SyntaxError ------------------------------------------------------------------------------------

int SyntaxError_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  auto* e = static_cast<SyntaxErrorObject*>(self);
  ssize lenargs = tuple_size(args);
  if (lenargs >= 1) xsetref(e->msg, new_ref(tuple_item(args, 0)));
  if (lenargs == 2) {
    Ref<> info = Ref<>::steal(sequence_tuple(tuple_item(args, 1)));
    if (!info) return -1;
    // PyArg_ParseTuple(info, "OOOO|OOO", filename, lineno, offset, text, end_lineno,
    // end_offset, metadata).
    ssize n = tuple_size(info.get());
    if (n < 4 || n > 7) {
      errors::format(exc_TypeError, "function takes at %s %d arguments (%zd given)",
                     n < 4 ? "least" : "most", n < 4 ? 4 : 7, n);
      return -1;
    }
    Object** fields[7] = {&e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno,
                          &e->end_offset, &e->metadata};
    for (ssize i = 0; i < 7; ++i)
      xsetref(*fields[i], i < n ? new_ref(tuple_item(info.get(), i)) : nullptr);
  }
  return 0;
}
int SyntaxError_clear(Object* self) {
  auto* e = static_cast<SyntaxErrorObject*>(self);
  clear(e->msg);
  clear(e->filename);
  clear(e->lineno);
  clear(e->offset);
  clear(e->end_lineno);
  clear(e->end_offset);
  clear(e->text);
  clear(e->print_file_and_line);
  clear(e->metadata);
  return BaseException_clear(self);
}
int SyntaxError_traverse(Object* self, visitproc visit, void* arg) {
  auto* e = static_cast<SyntaxErrorObject*>(self);
  for (Object* o : {e->msg, e->filename, e->lineno, e->offset, e->end_lineno, e->end_offset,
                    e->text, e->print_file_and_line, e->metadata})
    if (o)
      if (int r = visit(o, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}
// SyntaxError_str: "msg (file, line N)" with the file's base name.
Object* SyntaxError_str(Object* self) {
  auto* e = static_cast<SyntaxErrorObject*>(self);
  Ref<> filename;
  if (e->filename && str_check(e->filename)) {
    ssize n = 0;
    const char* s = str_as_utf8(e->filename, &n);
    const char* slash = std::strrchr(s, '/');
    filename = Ref<>::steal(slash ? str_from_cstr(slash + 1) : new_ref(e->filename));
    if (!filename) return nullptr;
  }
  bool have_lineno = e->lineno && type_has_feature(e->lineno->type, kTpflagsLongSubclass);
  long lineno = have_lineno ? long_as_long(e->lineno) : 0;
  Object* msg = e->msg ? e->msg : none();
  if (filename && have_lineno)
    return str_from_format("%S (%U, line %ld)", msg, filename.get(), lineno);
  if (filename) return str_from_format("%S (%U)", msg, filename.get());
  if (have_lineno) return str_from_format("%S (line %ld)", msg, lineno);
  return object_str(msg);
}
MemberDef SyntaxError_members[] = {
    {"msg", kMemberObject, static_cast<ssize>(offsetof(SyntaxErrorObject, msg)), 0,
     "exception msg"},
    {"filename", kMemberObject, static_cast<ssize>(offsetof(SyntaxErrorObject, filename)), 0,
     "exception filename"},
    {"lineno", kMemberObject, static_cast<ssize>(offsetof(SyntaxErrorObject, lineno)), 0,
     "exception lineno"},
    {"offset", kMemberObject, static_cast<ssize>(offsetof(SyntaxErrorObject, offset)), 0,
     "exception offset"},
    {"text", kMemberObject, static_cast<ssize>(offsetof(SyntaxErrorObject, text)), 0,
     "exception text"},
    {"end_lineno", kMemberObject, static_cast<ssize>(offsetof(SyntaxErrorObject, end_lineno)),
     0, "exception end lineno"},
    {"end_offset", kMemberObject, static_cast<ssize>(offsetof(SyntaxErrorObject, end_offset)),
     0, "exception end offset"},
    {"print_file_and_line", kMemberObject,
     static_cast<ssize>(offsetof(SyntaxErrorObject, print_file_and_line)), 0,
     "exception print_file_and_line"},
    {"_metadata", kMemberObject, static_cast<ssize>(offsetof(SyntaxErrorObject, metadata)), 0,
     "exception private metadata"},
    {nullptr, 0, 0, 0, nullptr}};

// --- KeyError ---------------------------------------------------------------------------------------

// KeyError_str: a single argument is shown by its repr (so that KeyError('') is readable).
Object* KeyError_str(Object* self) {
  Object* args = be(self)->args;
  if (tuple_size(args) == 1) return object_repr(tuple_item(args, 0));
  return BaseException_str(self);
}

// --- Unicode errors -----------------------------------------------------------------------------

int UnicodeError_clear(Object* self) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  clear(e->encoding);
  clear(e->object);
  clear(e->reason);
  return BaseException_clear(self);
}
int UnicodeError_traverse(Object* self, visitproc visit, void* arg) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  for (Object* o : {e->encoding, e->object, e->reason})
    if (o)
      if (int r = visit(o, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}

// UnicodeEncodeError_init / UnicodeDecodeError_init / UnicodeTranslateError_init: the
// PyArg_ParseTuple formats "UUnnU", "UOnnU" (object any buffer, kept as bytes) and "UnnU".
enum class UnicodeErrorKind { kEncode, kDecode, kTranslate };

int unicode_error_init_common(Object* self, Object* args, Object* kwds, UnicodeErrorKind kind) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  ssize nfields = kind == UnicodeErrorKind::kTranslate ? 4 : 5;
  if (tuple_size(args) != nfields) {
    errors::format(exc_TypeError, "function takes exactly %zd arguments (%zd given)", nfields,
                   tuple_size(args));
    return -1;
  }
  auto check_str = [](Object* o, int pos) {
    if (str_check(o)) return true;
    errors::format(exc_TypeError, "argument %d must be str, not %.50s", pos,
                   o == none() ? "None" : o->type->name);
    return false;
  };
  int i = 0;
  Object* encoding = nullptr;
  if (kind != UnicodeErrorKind::kTranslate) {
    encoding = tuple_item(args, i++);
    if (!check_str(encoding, i)) return -1;
  }
  Object* object = tuple_item(args, i++);
  Ref<> obj;
  if (kind != UnicodeErrorKind::kDecode) {
    if (!check_str(object, i)) return -1;
    obj = Ref<>::borrow(object);
  }
  // PyArg_ParseTuple's "n" (start, end) and "U" (reason) come before the decode error's
  // object is made bytes.
  ssize start = clinic_ssize(tuple_item(args, i++));
  if (start == -1 && errors::occurred()) return -1;
  ssize end = clinic_ssize(tuple_item(args, i++));
  if (end == -1 && errors::occurred()) return -1;
  Object* reason = tuple_item(args, i++);
  if (!check_str(reason, i)) return -1;
  if (kind == UnicodeErrorKind::kDecode) {
    if (bytes_check(object)) {
      obj = Ref<>::borrow(object);
    } else {
      Buffer view;
      if (object_get_buffer(object, &view, kBufSimple) < 0) return -1;
      obj = Ref<>::steal(bytes_from_string_and_size(static_cast<const char*>(view.buf), view.len));
      buffer_release(&view);
      if (!obj) return -1;
    }
  }
  auto* e = static_cast<UnicodeErrorObject*>(self);
  xsetref(e->encoding, xnew_ref(encoding));
  xsetref(e->object, obj.release());
  e->start = start;
  e->end = end;
  xsetref(e->reason, new_ref(reason));
  return 0;
}
int UnicodeEncodeError_init(Object* self, Object* args, Object* kwds) {
  return unicode_error_init_common(self, args, kwds, UnicodeErrorKind::kEncode);
}
int UnicodeDecodeError_init(Object* self, Object* args, Object* kwds) {
  return unicode_error_init_common(self, args, kwds, UnicodeErrorKind::kDecode);
}
int UnicodeTranslateError_init(Object* self, Object* args, Object* kwds) {
  return unicode_error_init_common(self, args, kwds, UnicodeErrorKind::kTranslate);
}

}  // namespace

// --- the C API's UnicodeError accessors ----------------------------------------------------------

namespace {

// check_unicode_error_attribute / as_unicode_error_attribute.
Object* as_unicode_error_attribute(Object* attr, const char* name, bool as_bytes) {
  if (!attr) {
    errors::format(exc_TypeError, "UnicodeError '%s' attribute is not set", name);
    return nullptr;
  }
  if (as_bytes ? !bytes_check(attr) : !str_check(attr)) {
    errors::format(exc_TypeError, "UnicodeError '%s' attribute must be a %s", name,
                   as_bytes ? "bytes" : "string");
    return nullptr;
  }
  return new_ref(attr);
}

// check_unicode_error_type: any UnicodeError subclass is accepted, as in CPython.
bool check_unicode_error_type(Object* self, char kind) {
  if (type_check(self, exc_UnicodeError)) return true;
  const char* name = kind == 'e' ? "UnicodeEncodeError"
                     : kind == 'd' ? "UnicodeDecodeError"
                                   : "UnicodeTranslateError";
  errors::format(exc_TypeError, "expecting a %s object, got %T", name, self);
  return false;
}

UnicodeErrorObject* uerr(Object* o) { return static_cast<UnicodeErrorObject*>(o); }

}  // namespace

// _PyUnicodeError_GetParams with unicode_error_adjust_start/end/len.
int unicode_error_get_params(Object* self, Object** obj, ssize* objlen, ssize* start, ssize* end,
                             ssize* slen, bool as_bytes) {
  Object* o = uerr(self)->object;
  Ref<> r = Ref<>::steal(as_unicode_error_attribute(o, "object", as_bytes));
  if (!r) return -1;
  ssize n = as_bytes ? bytes_size(o) : str_length(o);
  ssize s = uerr(self)->start, e = uerr(self)->end;
  if (s < 0) s = 0;
  if (s >= n) s = n == 0 ? 0 : n - 1;
  if (e < 1) e = 1;
  if (e > n) e = n;
  if (objlen) *objlen = n;
  if (start) *start = s;
  if (end) *end = e;
  if (slen) *slen = e - s < 0 ? 0 : e - s;
  if (obj) *obj = o;
  return 0;
}

// PyUnicode{Encode,Decode,Translate}Error_GetStart / _GetEnd.
int unicode_error_get_start(Object* self, char kind, ssize* start) {
  if (!check_unicode_error_type(self, kind)) return -1;
  return unicode_error_get_params(self, nullptr, nullptr, start, nullptr, nullptr, kind == 'd');
}
int unicode_error_get_end(Object* self, char kind, ssize* end) {
  if (!check_unicode_error_type(self, kind)) return -1;
  return unicode_error_get_params(self, nullptr, nullptr, nullptr, end, nullptr, kind == 'd');
}

// PyUnicode{Encode,Decode}Error_GetEncoding, *_GetObject, *_GetReason.
Object* unicode_error_get_encoding(Object* self, char kind) {
  if (!check_unicode_error_type(self, kind)) return nullptr;
  return as_unicode_error_attribute(uerr(self)->encoding, "encoding", false);
}
Object* unicode_error_get_object(Object* self, char kind) {
  if (!check_unicode_error_type(self, kind)) return nullptr;
  return as_unicode_error_attribute(uerr(self)->object, "object", kind == 'd');
}
Object* unicode_error_get_reason(Object* self, char kind) {
  if (!check_unicode_error_type(self, kind)) return nullptr;
  return as_unicode_error_attribute(uerr(self)->reason, "reason", false);
}

// PyUnicode*Error_SetStart / _SetEnd / _SetReason: stored as given, clamped only when read.
int unicode_error_set_start(Object* self, char kind, ssize start) {
  if (!check_unicode_error_type(self, kind)) return -1;
  uerr(self)->start = start;
  return 0;
}
int unicode_error_set_end(Object* self, char kind, ssize end) {
  if (!check_unicode_error_type(self, kind)) return -1;
  uerr(self)->end = end;
  return 0;
}
int unicode_error_set_reason(Object* self, char kind, const char* reason) {
  if (!check_unicode_error_type(self, kind)) return -1;
  Object* v = str_from_cstr(reason);
  if (!v) return -1;
  xsetref(uerr(self)->reason, v);
  return 0;
}

namespace {

// UnicodeEncodeError_str / UnicodeDecodeError_str / UnicodeTranslateError_str: one bad
// character (or byte) is shown escaped, a range by its positions.
Object* unicode_error_str(Object* self, UnicodeErrorKind kind) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  if (!e->object) return str_from_cstr("");  // not properly initialised
  Ref<> reason = Ref<>::steal(object_str(e->reason));
  if (!reason) return nullptr;
  Ref<> encoding;
  if (kind != UnicodeErrorKind::kTranslate) {
    encoding = Ref<>::steal(object_str(e->encoding));
    if (!encoding) return nullptr;
  }
  Object* object = e->object;
  bool is_bytes = kind == UnicodeErrorKind::kDecode;
  Ref<> checked = Ref<>::steal(as_unicode_error_attribute(object, "object", is_bytes));
  if (!checked) return nullptr;
  ssize len = is_bytes ? bytes_size(object) : str_length(object);
  ssize start = e->start, end = e->end;
  bool single = start >= 0 && start < len && end >= 0 && end <= len && end == start + 1;
  if (kind == UnicodeErrorKind::kDecode) {
    if (single) {
      unsigned byte = static_cast<unsigned char>(bytes_as_string(object)[start]);
      return str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                             encoding.get(), byte, start, reason.get());
    }
    return str_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U", encoding.get(),
                           start, end - 1, reason.get());
  }
  if (single) {
    unsigned ch = str_read_char(object, start);
    const char* esc = ch <= 0xff ? "\\x%02x" : ch <= 0xffff ? "\\u%04x" : "\\U%08x";
    Ref<> bad = Ref<>::steal(str_from_format(esc, ch));
    if (!bad) return nullptr;
    if (kind == UnicodeErrorKind::kEncode)
      return str_from_format("'%U' codec can't encode character '%U' in position %zd: %U",
                             encoding.get(), bad.get(), start, reason.get());
    return str_from_format("can't translate character '%U' in position %zd: %U", bad.get(), start,
                           reason.get());
  }
  if (kind == UnicodeErrorKind::kEncode)
    return str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U",
                           encoding.get(), start, end - 1, reason.get());
  return str_from_format("can't translate characters in position %zd-%zd: %U", start, end - 1,
                         reason.get());
}
Object* UnicodeEncodeError_str(Object* self) {
  return unicode_error_str(self, UnicodeErrorKind::kEncode);
}
Object* UnicodeDecodeError_str(Object* self) {
  return unicode_error_str(self, UnicodeErrorKind::kDecode);
}
Object* UnicodeTranslateError_str(Object* self) {
  return unicode_error_str(self, UnicodeErrorKind::kTranslate);
}
MemberDef UnicodeError_members[] = {
    {"encoding", kMemberObject, static_cast<ssize>(offsetof(UnicodeErrorObject, encoding)), 0,
     "exception encoding"},
    {"object", kMemberObject, static_cast<ssize>(offsetof(UnicodeErrorObject, object)), 0,
     "exception object"},
    {"start", kMemberSsize, static_cast<ssize>(offsetof(UnicodeErrorObject, start)), 0,
     "exception start"},
    {"end", kMemberSsize, static_cast<ssize>(offsetof(UnicodeErrorObject, end)), 0,
     "exception end"},
    {"reason", kMemberObject, static_cast<ssize>(offsetof(UnicodeErrorObject, reason)), 0,
     "exception reason"},
    {nullptr, 0, 0, 0, nullptr}};

// --- BaseExceptionGroup -------------------------------------------------------------------------

inline BaseExceptionGroupObject* eg(Object* o) { return static_cast<BaseExceptionGroupObject*>(o); }

Object* BaseExceptionGroup_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_keywords(type->name, kwds)) return nullptr;
  if (tuple_size(args) != 2) {
    return errors::format(exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 "
                          "arguments (%zd given)",
                          tuple_size(args));
  }
  Object* message = tuple_item(args, 0);
  Object* exceptions = tuple_item(args, 1);
  if (!str_check(message)) {
    return errors::format(exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, "
                          "not %.50s",
                          message->type->name);
  }
  if (!sequence_check(exceptions)) {
    errors::set_string(exc_TypeError, "second argument (exceptions) must be a sequence");
    return nullptr;
  }
  Ref<> excs = Ref<>::steal(sequence_tuple(exceptions));
  if (!excs) return nullptr;
  ssize numexcs = tuple_size(excs.get());
  if (numexcs == 0) {
    errors::set_string(exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    return nullptr;
  }
  bool nested_base_exceptions = false;
  for (ssize i = 0; i < numexcs; ++i) {
    Object* exc = tuple_item(excs.get(), i);
    if (!exception_check(exc)) {
      return errors::format(exc_ValueError,
                            "Item %d of second argument (exceptions) is not an exception",
                            static_cast<int>(i));
    }
    if (!type_check(exc, exc_Exception)) nested_base_exceptions = true;
  }
  TypeObject* cls = type;
  if (cls == exc_ExceptionGroup) {
    if (nested_base_exceptions) {
      errors::set_string(exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
      return nullptr;
    }
  } else if (cls == exc_BaseExceptionGroup) {
    if (!nested_base_exceptions) cls = exc_ExceptionGroup;
  } else if (nested_base_exceptions && !is_subtype(cls, exc_BaseExceptionGroup)) {
    // unreachable: the type is a BaseExceptionGroup subclass
  } else if (nested_base_exceptions && is_subtype(cls, exc_Exception)) {
    return errors::format(exc_TypeError, "Cannot nest BaseExceptions in '%.200s'", cls->name);
  }
  Object* self = BaseException_new(cls, args, kwds);
  if (!self) return nullptr;
  eg(self)->msg = new_ref(message);
  eg(self)->excs = excs.release();
  return self;
}

int BaseExceptionGroup_init(Object* self, Object* args, Object* kwds) {
  if (!no_keywords(self->type->name, kwds)) return -1;
  return BaseException_init(self, args, nullptr);
}
int BaseExceptionGroup_clear(Object* self) {
  clear(eg(self)->msg);
  clear(eg(self)->excs);
  return BaseException_clear(self);
}
int BaseExceptionGroup_traverse(Object* self, visitproc visit, void* arg) {
  for (Object* o : {eg(self)->msg, eg(self)->excs})
    if (o)
      if (int r = visit(o, arg)) return r;
  return BaseException_traverse(self, visit, arg);
}
Object* BaseExceptionGroup_str(Object* self) {
  ssize n = tuple_size(eg(self)->excs);
  return str_from_format("%S (%zd sub-exception%s)", eg(self)->msg, n, n > 1 ? "s" : "");
}
Object* BaseExceptionGroup_derive(Object* self, Object* excs) {
  Ref<> init_args = Ref<>::steal(tuple_pack(2, eg(self)->msg, excs));
  if (!init_args) return nullptr;
  return object_call(exc_BaseExceptionGroup, init_args.get(), nullptr);
}

// exceptiongroup_subset: derive(excs) with the metadata of the original copied over.
int exceptiongroup_subset(Object* orig, Object* excs, Object** result) {
  *result = nullptr;
  ssize num_excs = object_size(excs);
  if (num_excs < 0) return -1;
  if (num_excs == 0) return 0;
  Ref<> derive = Ref<>::steal(str_intern_from_cstr("derive"));
  Ref<> eg_obj = Ref<>::steal(call_method_one_arg(orig, derive.get(), excs));
  if (!eg_obj) return -1;
  if (!type_check(eg_obj.get(), exc_BaseExceptionGroup)) {
    errors::set_string(exc_TypeError, "derive must return an instance of BaseExceptionGroup");
    return -1;
  }
  Object* tb = be(orig)->traceback;
  if (tb && exception_set_traceback(eg_obj.get(), tb) < 0) return -1;
  exception_set_context(eg_obj.get(), exception_get_context(orig));
  exception_set_cause(eg_obj.get(), exception_get_cause(orig));
  Object* notes = nullptr;
  if (object_get_optional_attr(orig, name_of("__notes__"), &notes) < 0) return -1;
  if (notes) {
    Ref<> n = Ref<>::steal(notes);
    if (sequence_check(notes)) {
      Ref<> copy = Ref<>::steal(sequence_list(notes));
      if (!copy || object_setattr(eg_obj.get(), name_of("__notes__"), copy.get()) < 0) return -1;
    }
  }
  *result = eg_obj.release();
  return 0;
}

enum class MatcherType { kByType, kByPredicate, kInstanceIds };

int get_matcher_type(Object* value, MatcherType* type) {
  if (callable_check(value) && !type_check_type(value)) {
    *type = MatcherType::kByPredicate;
    return 0;
  }
  if (exception_class_check(value)) {
    *type = MatcherType::kByType;
    return 0;
  }
  if (tuple_check_exact(value)) {
    ssize n = tuple_size(value);
    for (ssize i = 0; i < n; ++i) {
      if (!exception_class_check(tuple_item(value, i))) goto error;
    }
    *type = MatcherType::kByType;
    return 0;
  }
error:
  errors::set_string(exc_TypeError,
                     "expected an exception type, a tuple of exception types, or a callable "
                     "(other than a class)");
  return -1;
}

int exceptiongroup_split_check_match(Object* exc, MatcherType type, Object* value) {
  switch (type) {
    case MatcherType::kByType: return errors::given_exception_matches(exc, value) ? 1 : 0;
    case MatcherType::kByPredicate: {
      Ref<> r = Ref<>::steal(object_call_one_arg(value, exc));
      if (!r) return -1;
      return object_is_true(r.get());
    }
    case MatcherType::kInstanceIds: {  // value is a set of the ids of leaf exceptions
      Ref<> key = Ref<>::steal(long_from_ssize(reinterpret_cast<ssize>(exc)));
      if (!key) return -1;
      return set_contains(value, key.get());
    }
  }
  return 0;
}

struct SplitResult {
  Object* match = nullptr;
  Object* rest = nullptr;
};

int exceptiongroup_split_recursive(Object* exc, MatcherType type, Object* value, bool construct_rest,
                                   SplitResult* result) {
  result->match = nullptr;
  result->rest = nullptr;
  int is_match = exceptiongroup_split_check_match(exc, type, value);
  if (is_match < 0) return -1;
  if (is_match) {
    result->match = new_ref(exc);
    return 0;
  }
  if (!type_check(exc, exc_BaseExceptionGroup)) {
    if (construct_rest) result->rest = new_ref(exc);
    return 0;
  }
  Object* excs = eg(exc)->excs;
  ssize num_excs = tuple_size(excs);
  Ref<> match_list = Ref<>::steal(list_new(0));
  Ref<> rest_list;
  if (!match_list) return -1;
  if (construct_rest) {
    rest_list = Ref<>::steal(list_new(0));
    if (!rest_list) return -1;
  }
  for (ssize i = 0; i < num_excs; ++i) {
    Object* e = tuple_item(excs, i);
    SplitResult rec;
    if (enter_recursive_call(" in exceptiongroup_split_recursive")) return -1;
    int rv = exceptiongroup_split_recursive(e, type, value, construct_rest, &rec);
    leave_recursive_call();
    if (rv < 0) return -1;
    if (rec.match) {
      int r = list_append(match_list.get(), rec.match);
      decref(rec.match);
      if (r < 0) {
        xdecref(rec.rest);
        return -1;
      }
    }
    if (rec.rest) {
      int r = list_append(rest_list.get(), rec.rest);
      decref(rec.rest);
      if (r < 0) return -1;
    }
  }
  if (exceptiongroup_subset(exc, match_list.get(), &result->match) < 0) return -1;
  if (construct_rest && exceptiongroup_subset(exc, rest_list.get(), &result->rest) < 0) {
    clear(result->match);
    return -1;
  }
  return 0;
}

// collect_exception_group_leaf_ids: the ids of every leaf exception under exc go into leaf_ids.
int collect_exception_group_leaf_ids(Object* exc, Object* leaf_ids) {
  if (exc == none()) return 0;
  if (!type_check(exc, exc_BaseExceptionGroup)) {
    Ref<> id = Ref<>::steal(long_from_ssize(reinterpret_cast<ssize>(exc)));
    if (!id) return -1;
    return set_add(leaf_ids, id.get());
  }
  Object* excs = eg(exc)->excs;
  for (ssize i = 0; i < tuple_size(excs); ++i) {
    if (enter_recursive_call(" in collect_exception_group_leaf_ids")) return -1;
    int res = collect_exception_group_leaf_ids(tuple_item(excs, i), leaf_ids);
    leave_recursive_call();
    if (res < 0) return -1;
  }
  return 0;
}

// exception_group_projection: the sub-group of eg holding exactly the leaf exceptions found
// in the groups of keep (so a re-raised part keeps the nesting it had in eg).
Object* exception_group_projection(Object* eg_obj, Object* keep) {
  Ref<> leaf_ids = Ref<>::steal(set_new(nullptr));
  if (!leaf_ids) return nullptr;
  for (ssize i = 0; i < list_size(keep); ++i) {
    if (collect_exception_group_leaf_ids(list_item(keep, i), leaf_ids.get()) < 0) return nullptr;
  }
  SplitResult split;
  if (exceptiongroup_split_recursive(eg_obj, MatcherType::kInstanceIds, leaf_ids.get(), false,
                                     &split) < 0)
    return nullptr;
  return split.match ? split.match : return_none();
}

// is_same_exception_metadata: a bare `raise` in an except* clause re-raises the matched
// part, which shares the original's notes, traceback, cause and context objects.
bool is_same_exception_metadata(Object* exc1, Object* exc2) {
  auto* e1 = reinterpret_cast<BaseExceptionObject*>(exc1);
  auto* e2 = reinterpret_cast<BaseExceptionObject*>(exc2);
  return e1->notes == e2->notes && e1->traceback == e2->traceback && e1->cause == e2->cause &&
         e1->context == e2->context;
}

Object* BaseExceptionGroup_split(Object* self, Object* matcher_value) {
  MatcherType type;
  if (get_matcher_type(matcher_value, &type) < 0) return nullptr;
  SplitResult split;
  if (exceptiongroup_split_recursive(self, type, matcher_value, true, &split) < 0) return nullptr;
  Ref<> m = Ref<>::steal(split.match ? split.match : new_ref(none()));
  Ref<> r = Ref<>::steal(split.rest ? split.rest : new_ref(none()));
  return tuple_pack(2, m.get(), r.get());
}

Object* BaseExceptionGroup_subgroup(Object* self, Object* matcher_value) {
  MatcherType type;
  if (get_matcher_type(matcher_value, &type) < 0) return nullptr;
  SplitResult split;
  if (exceptiongroup_split_recursive(self, type, matcher_value, false, &split) < 0) return nullptr;
  return split.match ? split.match : return_none();
}

MemberDef BaseExceptionGroup_members[] = {
    {"message", kMemberObject, static_cast<ssize>(offsetof(BaseExceptionGroupObject, msg)),
     kMemberReadonly, "exception message"},
    {"exceptions", kMemberObject, static_cast<ssize>(offsetof(BaseExceptionGroupObject, excs)),
     kMemberReadonly, "nested exceptions"},
    {nullptr, 0, 0, 0, nullptr}};
MethodDef BaseExceptionGroup_methods[] = {
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem), kMethO | kMethClass,
     "See PEP 585"},
    {"derive", reinterpret_cast<void*>(BaseExceptionGroup_derive), kMethO, nullptr},
    {"split", reinterpret_cast<void*>(BaseExceptionGroup_split), kMethO, nullptr},
    {"subgroup", reinterpret_cast<void*>(BaseExceptionGroup_subgroup), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

// --- the static types ---------------------------------------------------------------------------

// SimpleExtendsException: tp_new is BaseException_new, so such a type has a __new__ of its own
// (type_ready_set_new adds the wrapper to every static type that names a tp_new).
TypeObject simple_exc_type(const char* name, TypeObject* base, const char* doc) {
  TypeObject t = exc_type(name, base, sizeof(BaseExceptionObject), doc);
  t.new_ = BaseException_new;
  return t;
}
#define SIMPLE(NAME, BASE, DOC) \
  TypeObject NAME##_struct = simple_exc_type(#NAME, &BASE##_struct, DOC);

TypeObject BaseException_struct = exc_type("BaseException", nullptr, sizeof(BaseExceptionObject),
                                           "Common base class for all exceptions");
TypeObject BaseExceptionGroup_struct = [] {
  TypeObject t = exc_type("BaseExceptionGroup", &BaseException_struct,
                          sizeof(BaseExceptionGroupObject),
                          "A combination of multiple unrelated exceptions.");
  t.new_ = BaseExceptionGroup_new;
  t.init = BaseExceptionGroup_init;
  t.clear = BaseExceptionGroup_clear;
  t.traverse = BaseExceptionGroup_traverse;
  t.str = BaseExceptionGroup_str;
  t.members = BaseExceptionGroup_members;
  t.methods = BaseExceptionGroup_methods;
  return t;
}();
SIMPLE(Exception, BaseException, "Common base class for all non-exit exceptions.")
SIMPLE(TypeError, Exception, "Inappropriate argument type.")
SIMPLE(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
TypeObject StopIteration_struct = [] {
  TypeObject t = exc_type("StopIteration", &Exception_struct, sizeof(StopIterationObject),
                          "Signal the end from iterator.__next__().");
  t.init = StopIteration_init;
  t.clear = StopIteration_clear;
  t.traverse = StopIteration_traverse;
  t.members = StopIteration_members;
  return t;
}();
SIMPLE(GeneratorExit, BaseException, "Request that a generator exit.")
TypeObject SystemExit_struct = [] {
  TypeObject t = exc_type("SystemExit", &BaseException_struct, sizeof(SystemExitObject),
                          "Request to exit from the interpreter.");
  t.init = SystemExit_init;
  t.clear = SystemExit_clear;
  t.traverse = SystemExit_traverse;
  t.members = SystemExit_members;
  return t;
}();
SIMPLE(KeyboardInterrupt, BaseException, "Program interrupted by user.")
TypeObject ImportError_struct = [] {
  TypeObject t = exc_type("ImportError", &Exception_struct, sizeof(ImportErrorObject),
                          "Import can't find module, or can't find name in module.");
  t.init = ImportError_init;
  t.clear = ImportError_clear;
  t.traverse = ImportError_traverse;
  t.str = ImportError_str;
  t.methods = ImportError_methods;
  t.members = ImportError_members;
  return t;
}();
TypeObject ModuleNotFoundError_struct = exc_type("ModuleNotFoundError", &ImportError_struct,
                                                 sizeof(ImportErrorObject), "Module not found.");
// OSError_reduce: args holds only (errno, strerror) when a file name was given; the file
// names go back in (with None for winerror before filename2).
Object* OSError_reduce(Object* self, Object*) {
  auto* e = static_cast<OSErrorObject*>(self);
  Ref<> args = Ref<>::borrow(e->args);
  if (tuple_size(e->args) == 2 && e->filename) {
    ssize size = e->filename2 ? 5 : 3;
    args = Ref<>::steal(tuple_new(size));
    if (!args) return nullptr;
    tuple_set_item(args.get(), 0, new_ref(tuple_item(e->args, 0)));
    tuple_set_item(args.get(), 1, new_ref(tuple_item(e->args, 1)));
    tuple_set_item(args.get(), 2, new_ref(e->filename));
    if (e->filename2) {
      tuple_set_item(args.get(), 3, new_ref(none()));
      tuple_set_item(args.get(), 4, new_ref(e->filename2));
    }
  }
  if (e->dict) return tuple_pack(3, self->type, args.get(), e->dict);
  return tuple_pack(2, self->type, args.get());
}
MethodDef OSError_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(OSError_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject OSError_struct = [] {
  TypeObject t = exc_type("OSError", &Exception_struct, sizeof(OSErrorObject),
                          "Base class for I/O related errors.");
  t.new_ = OSError_new;
  t.init = OSError_init;
  t.clear = OSError_clear;
  t.traverse = OSError_traverse;
  t.str = OSError_str;
  t.methods = OSError_methods;
  t.members = OSError_members;
  t.getset = OSError_getset;
  return t;
}();
#define OSSUB(NAME, BASE, DOC) \
  TypeObject NAME##_struct = exc_type(#NAME, &BASE##_struct, sizeof(OSErrorObject), DOC);
SIMPLE(EOFError, Exception, "Read beyond end of file.")
SIMPLE(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")
SIMPLE(PythonFinalizationError, RuntimeError, "Operation blocked during Python finalization.")
TypeObject NameError_struct = [] {
  TypeObject t = exc_type("NameError", &Exception_struct, sizeof(NameErrorObject),
                          "Name not found globally.");
  t.init = NameError_init;
  t.clear = NameError_clear;
  t.traverse = NameError_traverse;
  t.members = NameError_members;
  return t;
}();
TypeObject UnboundLocalError_struct = exc_type("UnboundLocalError", &NameError_struct,
                                               sizeof(NameErrorObject),
                                               "Local name referenced but not bound to a value.");
TypeObject AttributeError_struct = [] {
  TypeObject t = exc_type("AttributeError", &Exception_struct, sizeof(AttributeErrorObject),
                          "Attribute not found.");
  t.init = AttributeError_init;
  t.clear = AttributeError_clear;
  t.traverse = AttributeError_traverse;
  t.methods = AttributeError_methods;
  t.members = AttributeError_members;
  return t;
}();
TypeObject SyntaxError_struct = [] {
  TypeObject t = exc_type("SyntaxError", &Exception_struct, sizeof(SyntaxErrorObject),
                          "Invalid syntax.");
  t.init = SyntaxError_init;
  t.clear = SyntaxError_clear;
  t.traverse = SyntaxError_traverse;
  t.str = SyntaxError_str;
  t.members = SyntaxError_members;
  return t;
}();
TypeObject IndentationError_struct = exc_type("IndentationError", &SyntaxError_struct,
                                              sizeof(SyntaxErrorObject), "Improper indentation.");
TypeObject TabError_struct = exc_type("TabError", &IndentationError_struct,
                                      sizeof(SyntaxErrorObject),
                                      "Improper mixture of spaces and tabs.");
TypeObject IncompleteInputError_struct = exc_type("_IncompleteInputError", &SyntaxError_struct,
                                                  sizeof(SyntaxErrorObject),
                                                  "incomplete input.");
SIMPLE(LookupError, Exception, "Base class for lookup errors.")
SIMPLE(IndexError, LookupError, "Sequence index out of range.")
TypeObject KeyError_struct = [] {
  TypeObject t = exc_type("KeyError", &LookupError_struct, sizeof(BaseExceptionObject),
                          "Mapping key not found.");
  t.str = KeyError_str;
  return t;
}();
SIMPLE(ValueError, Exception, "Inappropriate argument value (of correct type).")
SIMPLE(UnicodeError, ValueError, "Unicode related error.")
TypeObject UnicodeEncodeError_struct = [] {
  TypeObject t = exc_type("UnicodeEncodeError", &UnicodeError_struct, sizeof(UnicodeErrorObject),
                          "Unicode encoding error.");
  t.new_ = BaseException_new;  // ComplexExtendsException with BaseException_new
  t.init = UnicodeEncodeError_init;
  t.clear = UnicodeError_clear;
  t.traverse = UnicodeError_traverse;
  t.str = UnicodeEncodeError_str;
  t.members = UnicodeError_members;
  return t;
}();
TypeObject UnicodeDecodeError_struct = [] {
  TypeObject t = exc_type("UnicodeDecodeError", &UnicodeError_struct, sizeof(UnicodeErrorObject),
                          "Unicode decoding error.");
  t.new_ = BaseException_new;  // ComplexExtendsException with BaseException_new
  t.init = UnicodeDecodeError_init;
  t.clear = UnicodeError_clear;
  t.traverse = UnicodeError_traverse;
  t.str = UnicodeDecodeError_str;
  t.members = UnicodeError_members;
  return t;
}();
TypeObject UnicodeTranslateError_struct = [] {
  TypeObject t = exc_type("UnicodeTranslateError", &UnicodeError_struct,
                          sizeof(UnicodeErrorObject), "Unicode translation error.");
  t.new_ = BaseException_new;  // ComplexExtendsException with BaseException_new
  t.init = UnicodeTranslateError_init;
  t.clear = UnicodeError_clear;
  t.traverse = UnicodeError_traverse;
  t.str = UnicodeTranslateError_str;
  t.members = UnicodeError_members;
  return t;
}();
SIMPLE(AssertionError, Exception, "Assertion failed.")
SIMPLE(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE(FloatingPointError, ArithmeticError, "Floating-point operation failed.")
SIMPLE(OverflowError, ArithmeticError, "Result too large to be represented.")
SIMPLE(ZeroDivisionError, ArithmeticError,
       "Second argument to a division or modulo operation was zero.")
SIMPLE(SystemError, Exception,
       "Internal error in the Python interpreter.\n\nPlease report this to the Python "
       "maintainer, along with the traceback,\nthe Python version, and the hardware/OS "
       "platform and version.")
SIMPLE(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
SIMPLE(MemoryError, Exception, "Out of memory.")
SIMPLE(BufferError, Exception, "Buffer error.")
OSSUB(ConnectionError, OSError, "Connection error.")
OSSUB(BlockingIOError, OSError, "I/O operation would block.")
OSSUB(BrokenPipeError, ConnectionError, "Broken pipe.")
OSSUB(ChildProcessError, OSError, "Child process error.")
OSSUB(ConnectionAbortedError, ConnectionError, "Connection aborted.")
OSSUB(ConnectionRefusedError, ConnectionError, "Connection refused.")
OSSUB(ConnectionResetError, ConnectionError, "Connection reset.")
OSSUB(FileExistsError, OSError, "File already exists.")
OSSUB(FileNotFoundError, OSError, "File not found.")
OSSUB(IsADirectoryError, OSError, "Operation doesn't work on directories.")
OSSUB(NotADirectoryError, OSError, "Operation only works on directories.")
OSSUB(InterruptedError, OSError, "Interrupted by signal.")
OSSUB(PermissionError, OSError, "Not enough permissions.")
OSSUB(ProcessLookupError, OSError, "Process not found.")
OSSUB(TimeoutError, OSError, "Timeout expired.")
SIMPLE(Warning, Exception, "Base class for warning categories.")
SIMPLE(UserWarning, Warning, "Base class for warnings generated by user code.")
SIMPLE(EncodingWarning, Warning, "Base class for warnings about encodings.")
SIMPLE(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
SIMPLE(PendingDeprecationWarning, Warning,
       "Base class for warnings about features which will be deprecated\nin the future.")
SIMPLE(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
SIMPLE(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
SIMPLE(FutureWarning, Warning,
       "Base class for warnings about constructs that will change semantically\nin the "
       "future.")
SIMPLE(ImportWarning, Warning,
       "Base class for warnings about probable mistakes in module imports")
SIMPLE(UnicodeWarning, Warning,
       "Base class for warnings about Unicode related problems, mostly\nrelated to conversion "
       "problems.")
SIMPLE(BytesWarning, Warning,
       "Base class for warnings about bytes and buffer related problems, mostly\nrelated to "
       "conversion from str or comparing to str.")
SIMPLE(ResourceWarning, Warning, "Base class for warnings about resource usage.")
#undef SIMPLE
#undef OSSUB

// ExceptionGroup is created at start-up as a heap type, as CPython does.
TypeObject* exc_ExceptionGroup = nullptr;

#define CPPY_DEFINE_EXC(name) TypeObject* exc_##name = &name##_struct;
#define CPPY_EXC_STATIC_LIST(X)                                                         \
  X(BaseException) X(BaseExceptionGroup) X(Exception)                                    \
  X(TypeError) X(StopAsyncIteration) X(StopIteration) X(GeneratorExit) X(SystemExit)     \
  X(KeyboardInterrupt) X(ImportError) X(ModuleNotFoundError) X(OSError) X(EOFError)      \
  X(RuntimeError) X(RecursionError) X(NotImplementedError) X(PythonFinalizationError)    \
  X(NameError) X(UnboundLocalError) X(AttributeError) X(SyntaxError)                     \
  X(IndentationError) X(TabError) X(IncompleteInputError) X(LookupError) X(IndexError)   \
  X(KeyError) X(ValueError) X(UnicodeError) X(UnicodeEncodeError)                        \
  X(UnicodeDecodeError) X(UnicodeTranslateError) X(AssertionError) X(ArithmeticError)    \
  X(FloatingPointError) X(OverflowError) X(ZeroDivisionError) X(SystemError)             \
  X(ReferenceError) X(MemoryError) X(BufferError) X(ConnectionError)                     \
  X(BlockingIOError) X(BrokenPipeError) X(ChildProcessError)                             \
  X(ConnectionAbortedError) X(ConnectionRefusedError) X(ConnectionResetError)            \
  X(FileExistsError) X(FileNotFoundError) X(IsADirectoryError) X(NotADirectoryError)     \
  X(InterruptedError) X(PermissionError) X(ProcessLookupError) X(TimeoutError)           \
  X(Warning) X(UserWarning) X(EncodingWarning) X(DeprecationWarning)                     \
  X(PendingDeprecationWarning) X(SyntaxWarning) X(RuntimeWarning) X(FutureWarning)       \
  X(ImportWarning) X(UnicodeWarning) X(BytesWarning) X(ResourceWarning)
CPPY_EXC_STATIC_LIST(CPPY_DEFINE_EXC)
#undef CPPY_DEFINE_EXC
TypeObject* exc_EnvironmentError = &OSError_struct;
TypeObject* exc_IOError = &OSError_struct;

namespace {
TypeObject* errno_subclass(int e) {
  switch (e) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS: return exc_BlockingIOError;
    case ECHILD: return exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return exc_BrokenPipeError;
    case ECONNABORTED: return exc_ConnectionAbortedError;
    case ECONNREFUSED: return exc_ConnectionRefusedError;
    case ECONNRESET: return exc_ConnectionResetError;
    case EEXIST: return exc_FileExistsError;
    case ENOENT: return exc_FileNotFoundError;
    case EISDIR: return exc_IsADirectoryError;
    case ENOTDIR: return exc_NotADirectoryError;
    case EINTR: return exc_InterruptedError;
    case EACCES:
    case EPERM: return exc_PermissionError;
    case ESRCH: return exc_ProcessLookupError;
    case ETIMEDOUT: return exc_TimeoutError;
    default: return nullptr;
  }
}
}  // namespace

int init_exceptions() {
#define CPPY_READY_EXC(name) \
  if (type_ready(exc_##name) < 0) return -1;
  CPPY_EXC_STATIC_LIST(CPPY_READY_EXC)
#undef CPPY_READY_EXC
  if (!exc_ExceptionGroup) {
    Ref<> bases = Ref<>::steal(tuple_pack(2, exc_BaseExceptionGroup, exc_Exception));
    if (!bases) return -1;
    exc_ExceptionGroup = new_exception("builtins.ExceptionGroup", bases.get(), nullptr);
    if (!exc_ExceptionGroup) return -1;
  }
  return 0;
}

// --- accessors ------------------------------------------------------------------------------------

Object* exception_get_traceback(Object* exc) { return xnew_ref(be(exc)->traceback); }
int exception_set_traceback(Object* exc, Object* tb) {
  if (tb == none()) {
    clear(be(exc)->traceback);
    return 0;
  }
  if (std::strcmp(tb->type->name, "traceback") != 0) {
    errors::set_string(exc_TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  xsetref(be(exc)->traceback, new_ref(tb));
  return 0;
}
Object* exception_get_cause(Object* exc) { return xnew_ref(be(exc)->cause); }
void exception_set_cause(Object* exc, Object* cause) {
  be(exc)->suppress_context = 1;
  xsetref(be(exc)->cause, cause);
}
Object* exception_get_context(Object* exc) { return xnew_ref(be(exc)->context); }
void exception_set_context(Object* exc, Object* context) { xsetref(be(exc)->context, context); }
Object* exception_get_args(Object* exc) { return xnew_ref(be(exc)->args); }
void exception_set_args(Object* exc, Object* args) { xsetref(be(exc)->args, xnew_ref(args)); }

void set_key_error(Object* key) {
  Ref<> tup = Ref<>::steal(tuple_pack(1, key));
  if (!tup) return;
  errors::set_object(exc_KeyError, tup.get());
}

// PyErr_NewException: "module.Name" with __module__ set, deriving from base (or bases).
TypeObject* new_exception(const char* name, Object* base, Object* dict) {
  const char* dot = std::strrchr(name, '.');
  if (!dot) {
    errors::set_string(exc_SystemError, "PyErr_NewException: name must be module.class");
    return nullptr;
  }
  if (!base) base = exc_Exception;
  Ref<> mydict;
  if (!dict) {
    mydict = Ref<>::steal(dict_new());
    if (!mydict) return nullptr;
    dict = mydict.get();
  }
  Ref<> modname = Ref<>::steal(str_from_utf8(name, dot - name));
  if (!modname) return nullptr;
  if (!dict_get_item(dict, name_of("__module__")) &&
      dict_set_item(dict, name_of("__module__"), modname.get()) < 0)
    return nullptr;
  Ref<> bases;
  if (tuple_check(base)) bases = Ref<>::borrow(base);
  else bases = Ref<>::steal(tuple_pack(1, base));
  if (!bases) return nullptr;
  Ref<> classname = Ref<>::steal(str_from_cstr(dot + 1));
  if (!classname) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(3, classname.get(), bases.get(), dict));
  if (!args) return nullptr;
  return static_cast<TypeObject*>(type_new(&Type_Type, args.get(), nullptr));
}

int set_stop_iteration_value(Object* value) {
  // A tuple or an exception value must be wrapped so it is not unpacked (gen_send_ex).
  Ref<> e = Ref<>::steal(object_call_one_arg(exc_StopIteration, value));
  if (!e) return -1;
  errors::set_raised_exception(e.release());
  return 0;
}

// PyUnicodeEncodeError_Create / PyUnicodeDecodeError_Create: the exception is built from
// its five arguments, as the codecs build it, so args and str() are CPython's.
void set_unicode_error(TypeObject* type, const char* encoding, Object* object, ssize start,
                       ssize end, const char* reason, Object*) {
  Ref<> enc = Ref<>::steal(str_from_cstr(encoding));
  Ref<> st = Ref<>::steal(long_from_ssize(start));
  Ref<> en = Ref<>::steal(long_from_ssize(end));
  Ref<> why = Ref<>::steal(str_from_cstr(reason));
  if (!enc || !st || !en || !why) return;
  Ref<> obj = Ref<>::borrow(object ? object : none());
  Ref<> exc = Ref<>::steal(object_call_function_obj_args(type, enc.get(), obj.get(), st.get(),
                                                          en.get(), why.get(), nullptr));
  if (!exc) return;
  errors::set_object(type, exc.get());
}

// _PyExc_PrepReraiseStar: what a try-except* statement raises at its end. The exceptions
// re-raised by the clauses keep their nesting in orig; those raised anew become siblings of
// that projection in a new group.
Object* exception_prep_reraise_star(Object* orig, Object* excs) {
  ssize numexcs = list_size(excs);
  if (numexcs == 0) return return_none();
  if (!type_check(orig, exc_BaseExceptionGroup)) {
    // A naked exception was caught and wrapped: at most one clause ran.
    return new_ref(list_item(excs, 0));
  }
  Ref<> raised_list = Ref<>::steal(list_new(0));
  if (!raised_list) return nullptr;
  Ref<> reraised_list = Ref<>::steal(list_new(0));
  if (!reraised_list) return nullptr;
  for (ssize i = 0; i < numexcs; ++i) {
    Object* e = list_item(excs, i);
    if (e == none()) continue;
    bool is_reraise = is_same_exception_metadata(e, orig);
    if (list_append(is_reraise ? reraised_list.get() : raised_list.get(), e) < 0) return nullptr;
  }
  Ref<> reraised_eg = Ref<>::steal(exception_group_projection(orig, reraised_list.get()));
  if (!reraised_eg) return nullptr;
  if (list_size(raised_list.get()) == 0) return reraised_eg.release();
  if (reraised_eg.get() != none() && list_append(raised_list.get(), reraised_eg.get()) < 0)
    return nullptr;
  if (list_size(raised_list.get()) > 1) return create_exception_group("", raised_list.get());
  return new_ref(list_item(raised_list.get(), 0));
}

Object* create_exception_group(const char* msg, Object* excs) {
  Ref<> m = Ref<>::steal(str_from_cstr(msg));
  if (!m) return nullptr;
  return object_call_function_obj_args(exc_BaseExceptionGroup, m.get(), excs, nullptr);
}

// _PyException_AddNote.
int exception_add_note(Object* exc, Object* note) {
  Object* r = BaseException_add_note(exc, note);
  if (!r) return -1;
  decref(r);
  return 0;
}

}  // namespace cppy::objects
