// PEP 667's FrameLocalsProxy (Objects/frameobject.c, framelocalsproxy_*): frame.f_locals of
// an optimized frame is a write-through view of its fast locals (cells followed), plus the
// frame's f_extra_locals dict for names the code does not know.
#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/cellobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/frame.h"

namespace cppy::objects {

namespace {

struct FrameLocalsProxyObject : Object {
  FrameObject* frame;
};

inline FrameObject* proxy_frame(Object* self) {
  return static_cast<FrameLocalsProxyObject*>(self)->frame;
}

// framelocalsproxy_getval: the value of local i (a cell's content for cell and free
// variables), new reference, or null when unbound.
Object* getval(vm::Frame* f, CodeObject* co, int i) {
  Object* value = f->localsplus[i];
  if (!value) return nullptr;
  uint8_t kind = code_local_kind(co, i);
  // PEP 709 can leave a plain value in a slot whose kind says cell: only a real cell is
  // followed.
  if ((kind == kCoFastFree || (kind & kCoFastCell)) && value->type == &cell_type)
    value = cell_get(value);
  return xnew_ref(value);
}

bool hasval(vm::Frame* f, CodeObject* co, int i) {
  Object* v = getval(f, co, i);
  if (!v) return false;
  decref(v);
  return true;
}

// framelocalsproxy_getkeyindex: -2 with an exception, the index of key among the fast locals
// (read: only when bound, the value stored in *value_ptr if given; write: only when not
// hidden), or -1.
int getkeyindex(FrameObject* frame, Object* key, bool read, Object** value_ptr) {
  vm::Frame* f = frame->f_frame;
  CodeObject* co = vm::frame_code(f);
  hash_t key_hash = object_hash(key);
  if (key_hash == -1) return -2;
  bool found = false;
  // Names are interned and so are most keys: identity first.
  for (int i = 0; i < co->co_nlocalsplus; ++i) {
    if (code_local_name(co, i) != key) continue;
    if (read) {
      if (Object* value = getval(f, co, i)) {
        if (value_ptr) *value_ptr = value;
        else decref(value);
        return i;
      }
    } else if (!(code_local_kind(co, i) & kCoFastHidden)) {
      return i;
    }
    found = true;
  }
  if (found) return -1;
  for (int i = 0; i < co->co_nlocalsplus; ++i) {
    Object* name = code_local_name(co, i);
    if (object_hash(name) != key_hash) continue;
    int same = object_rich_compare_bool(name, key, kEQ);
    if (same < 0) return -2;
    if (!same) continue;
    if (read) {
      if (Object* value = getval(f, co, i)) {
        if (value_ptr) *value_ptr = value;
        else decref(value);
        return i;
      }
    } else if (!(code_local_kind(co, i) & kCoFastHidden)) {
      return i;
    }
  }
  return -1;
}

Object* proxy_getitem(Object* self, Object* key) {
  FrameObject* frame = proxy_frame(self);
  Object* value = nullptr;
  int i = getkeyindex(frame, key, true, &value);
  if (i == -2) return nullptr;
  if (i >= 0) return value;
  if (Object* extra = frame->f_extra_locals) {
    if (dict_get_item_ref(extra, key, &value) < 0) return nullptr;
    if (value) return value;
  }
  return errors::format(exc_KeyError, "local variable '%R' is not defined", key);
}

// add_overwritten_fast_local: the replaced value stays alive with the frame object, since
// the value stack may still hold a borrowed reference to it (LOAD_FAST_BORROW).
int add_overwritten(FrameObject* frame, Object* obj) {
  ssize size = frame->f_overwritten_fast_locals ? tuple_size(frame->f_overwritten_fast_locals) : 0;
  Object* t = tuple_new(size + 1);
  if (!t) return -1;
  for (ssize i = 0; i < size; ++i)
    tuple_items(t)[i] = new_ref(tuple_items(frame->f_overwritten_fast_locals)[i]);
  tuple_items(t)[size] = new_ref(obj);
  xsetref(frame->f_overwritten_fast_locals, t);
  return 0;
}

int proxy_setitem(Object* self, Object* key, Object* value) {
  FrameObject* frame = proxy_frame(self);
  vm::Frame* f = frame->f_frame;
  CodeObject* co = vm::frame_code(f);
  int i = getkeyindex(frame, key, false, nullptr);
  if (i == -2) return -1;
  if (i >= 0) {
    if (!value) {
      errors::set_string(exc_ValueError, "cannot remove local variables from FrameLocalsProxy");
      return -1;
    }
    uint8_t kind = code_local_kind(co, i);
    Object* old = f->localsplus[i];
    Object* cell = nullptr;
    if (kind == kCoFastFree) {
      cell = old;
    } else if ((kind & kCoFastCell) && old && old->type == &cell_type) {
      cell = old;
    }
    if (cell) {
      cell_set_steal(cell, new_ref(value));
    } else if (value != old) {
      if (old && !is_immortal(old)) {
        if (add_overwritten(frame, old) < 0) return -1;
      }
      f->localsplus[i] = new_ref(value);
      xdecref(old);
    }
    return 0;
  }
  Object* extra = frame->f_extra_locals;
  if (!extra) {
    if (!value) {
      set_key_error(key);
      return -1;
    }
    extra = dict_new();
    if (!extra) return -1;
    frame->f_extra_locals = extra;
  }
  if (!value) return dict_del_item(extra, key);
  return dict_set_item(extra, key, value);
}

bool proxy_check(Object* o);

// framelocalsproxy_merge: every key of other (a dict or a proxy) written through.
int proxy_merge(Object* self, Object* other) {
  if (!dict_check(other) && !proxy_check(other)) return -1;
  Ref<> keys = Ref<>::steal(mapping_keys(other));
  if (!keys) return -1;
  Ref<> it = Ref<>::steal(object_get_iter(keys.get()));
  if (!it) return -1;
  while (Object* key = iter_next(it.get())) {
    Ref<> k = Ref<>::steal(key);
    Ref<> value = Ref<>::steal(object_get_item(other, key));
    if (!value) return -1;
    if (proxy_setitem(self, key, value.get()) < 0) return -1;
  }
  return errors::occurred() ? -1 : 0;
}

Object* proxy_keys(Object* self, Object*) {
  FrameObject* frame = proxy_frame(self);
  vm::Frame* f = frame->f_frame;
  CodeObject* co = vm::frame_code(f);
  Ref<> names = Ref<>::steal(list_new(0));
  if (!names) return nullptr;
  for (int i = 0; i < co->co_nlocalsplus; ++i)
    if (hasval(f, co, i) && list_append(names.get(), code_local_name(co, i)) < 0) return nullptr;
  if (frame->f_extra_locals) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(frame->f_extra_locals, &pos, &k, &v))
      if (list_append(names.get(), k) < 0) return nullptr;
  }
  return names.release();
}

Object* proxy_values(Object* self, Object*) {
  FrameObject* frame = proxy_frame(self);
  vm::Frame* f = frame->f_frame;
  CodeObject* co = vm::frame_code(f);
  Ref<> values = Ref<>::steal(list_new(0));
  if (!values) return nullptr;
  for (int i = 0; i < co->co_nlocalsplus; ++i) {
    Ref<> v = Ref<>::steal(getval(f, co, i));
    if (v && list_append(values.get(), v.get()) < 0) return nullptr;
  }
  if (frame->f_extra_locals) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(frame->f_extra_locals, &pos, &k, &v))
      if (list_append(values.get(), v) < 0) return nullptr;
  }
  return values.release();
}

Object* proxy_items(Object* self, Object*) {
  FrameObject* frame = proxy_frame(self);
  vm::Frame* f = frame->f_frame;
  CodeObject* co = vm::frame_code(f);
  Ref<> items = Ref<>::steal(list_new(0));
  if (!items) return nullptr;
  for (int i = 0; i < co->co_nlocalsplus; ++i) {
    Ref<> v = Ref<>::steal(getval(f, co, i));
    if (!v) continue;
    Ref<> pair = Ref<>::steal(tuple_pack(2, code_local_name(co, i), v.get()));
    if (!pair || list_append(items.get(), pair.get()) < 0) return nullptr;
  }
  if (frame->f_extra_locals) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(frame->f_extra_locals, &pos, &k, &v)) {
      Ref<> pair = Ref<>::steal(tuple_pack(2, k, v));
      if (!pair || list_append(items.get(), pair.get()) < 0) return nullptr;
    }
  }
  return items.release();
}

ssize proxy_length(Object* self) {
  FrameObject* frame = proxy_frame(self);
  vm::Frame* f = frame->f_frame;
  CodeObject* co = vm::frame_code(f);
  ssize size = frame->f_extra_locals ? dict_size(frame->f_extra_locals) : 0;
  for (int i = 0; i < co->co_nlocalsplus; ++i)
    if (hasval(f, co, i)) ++size;
  return size;
}

int proxy_contains(Object* self, Object* key) {
  FrameObject* frame = proxy_frame(self);
  int i = getkeyindex(frame, key, true, nullptr);
  if (i == -2) return -1;
  if (i >= 0) return 1;
  if (frame->f_extra_locals) return dict_contains(frame->f_extra_locals, key);
  return 0;
}

Object* proxy_contains_method(Object* self, Object* key) {
  int r = proxy_contains(self, key);
  if (r < 0) return nullptr;
  return bool_from_long(r);
}

Object* proxy_update(Object* self, Object* other) {
  if (proxy_merge(self, other) < 0) {
    errors::set_string(exc_TypeError, "update() argument must be dict or another FrameLocalsProxy");
    return nullptr;
  }
  return return_none();
}

Object* proxy_get(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    errors::set_string(exc_TypeError, "get expected 1 or 2 arguments");
    return nullptr;
  }
  Object* dflt = nargs == 2 ? args[1] : none();
  Object* r = proxy_getitem(self, args[0]);
  if (!r && errors::exception_matches(exc_KeyError)) {
    errors::clear();
    return new_ref(dflt);
  }
  return r;
}

Object* proxy_setdefault(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    errors::set_string(exc_TypeError, "setdefault expected 1 or 2 arguments");
    return nullptr;
  }
  Object* dflt = nargs == 2 ? args[1] : none();
  Object* r = proxy_getitem(self, args[0]);
  if (!r && errors::exception_matches(exc_KeyError)) {
    errors::clear();
    if (proxy_setitem(self, args[0], dflt) < 0) return nullptr;
    return new_ref(dflt);
  }
  return r;
}

Object* proxy_pop(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("pop", nargs, 1, 2)) return nullptr;
  Object* key = args[0];
  Object* dflt = nargs == 2 ? args[1] : nullptr;
  FrameObject* frame = proxy_frame(self);
  int i = getkeyindex(frame, key, false, nullptr);
  if (i == -2) return nullptr;
  if (i >= 0) {
    errors::set_string(exc_ValueError, "cannot remove local variables from FrameLocalsProxy");
    return nullptr;
  }
  Object* result = nullptr;
  if (frame->f_extra_locals && dict_pop(frame->f_extra_locals, key, &result) < 0) return nullptr;
  if (result) return result;
  if (dflt) return new_ref(dflt);
  set_key_error(key);
  return nullptr;
}

Object* proxy_copy(Object* self, Object*) {
  Ref<> d = Ref<>::steal(dict_new());
  if (!d || dict_update(d.get(), self) < 0) return nullptr;
  return d.release();
}

Object* proxy_reversed(Object* self, Object*) {
  Ref<> keys = Ref<>::steal(proxy_keys(self, nullptr));
  if (!keys || list_reverse(keys.get()) < 0) return nullptr;
  return keys.release();
}

Object* proxy_iter(Object* self) {
  Ref<> keys = Ref<>::steal(proxy_keys(self, nullptr));
  if (!keys) return nullptr;
  return object_get_iter(keys.get());
}

Object* proxy_richcompare(Object* lhs, Object* rhs, int op) {
  if (proxy_check(rhs)) {
    bool same = proxy_frame(lhs) == proxy_frame(rhs);
    if (op == kEQ) return bool_from_long(same);
    if (op == kNE) return bool_from_long(!same);
  } else if (dict_check(rhs)) {
    Ref<> d = Ref<>::steal(dict_new());
    if (!d || dict_update(d.get(), lhs) < 0) return nullptr;
    return object_rich_compare(d.get(), rhs, op);
  }
  return return_not_implemented();
}

Object* proxy_repr(Object* self) {
  int r = object_print_repr_enter(self);
  if (r != 0) return r > 0 ? str_from_string_view("{...}") : nullptr;
  Ref<> d = Ref<>::steal(dict_new());
  Object* result = nullptr;
  if (d && dict_update(d.get(), self) == 0) result = object_repr(d.get());
  object_print_repr_leave(self);
  return result;
}

Object* proxy_or(Object* self, Object* other) {
  if (!dict_check(other) && !proxy_check(other)) return return_not_implemented();
  Ref<> d = Ref<>::steal(dict_new());
  if (!d || dict_update(d.get(), self) < 0 || dict_update(d.get(), other) < 0) return nullptr;
  return d.release();
}

Object* proxy_inplace_or(Object* self, Object* other) {
  if (!dict_check(other) && !proxy_check(other)) return return_not_implemented();
  if (proxy_merge(self, other) < 0) {
    errors::clear();  // framelocalsproxy_inplace_or answers NotImplemented on failure
    return return_not_implemented();
  }
  return new_ref(self);
}

void proxy_dealloc(Object* self) {
  gc::untrack(self);
  auto* p = static_cast<FrameLocalsProxyObject*>(self);
  xdecref(p->frame);
  gc::gc_free(self);
}

int proxy_traverse(Object* self, visitproc visit, void* arg) {
  auto* p = static_cast<FrameLocalsProxyObject*>(self);
  return p->frame ? visit(p->frame, arg) : 0;
}

int proxy_clear(Object* self) {
  auto* p = static_cast<FrameLocalsProxyObject*>(self);
  FrameObject* f = p->frame;
  p->frame = nullptr;
  xdecref(f);
  return 0;
}

// framelocalsproxy_new: FrameLocalsProxy(frame).
Object* proxy_new(TypeObject* type, Object* args, Object* kwds) {
  if (tuple_size(args) != 1)
    return errors::format(exc_TypeError, "FrameLocalsProxy expected 1 argument, got %zd",
                          tuple_size(args));
  Object* item = tuple_item(args, 0);
  if (!frame_check(item)) return errors::format(exc_TypeError, "expect frame, not %T", item);
  if (kwds && dict_size(kwds) != 0) {
    errors::set_string(exc_TypeError, "FrameLocalsProxy takes no keyword arguments");
    return nullptr;
  }
  Object* self = type_generic_alloc(type, 0);
  if (!self) return nullptr;
  static_cast<FrameLocalsProxyObject*>(self)->frame = static_cast<FrameObject*>(new_ref(item));
  return self;
}

MappingMethods proxy_as_mapping = {proxy_length, proxy_getitem, proxy_setitem};
SequenceMethods proxy_as_sequence = [] {
  SequenceMethods s{};
  s.contains = proxy_contains;
  return s;
}();
NumberMethods proxy_as_number = [] {
  NumberMethods n{};
  n.or_ = proxy_or;
  n.inplace_or = proxy_inplace_or;
  return n;
}();

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

MethodDef proxy_methods[] = {
    {"__contains__", fn(proxy_contains_method), kMethO | kMethCoexist, nullptr},
    {"__getitem__", fn(proxy_getitem), kMethO | kMethCoexist, nullptr},
    {"update", fn(proxy_update), kMethO, nullptr},
    {"__reversed__", fn(proxy_reversed), kMethNoArgs, nullptr},
    {"copy", fn(proxy_copy), kMethNoArgs, nullptr},
    {"keys", fn(proxy_keys), kMethNoArgs, nullptr},
    {"values", fn(proxy_values), kMethNoArgs, nullptr},
    {"items", fn(proxy_items), kMethNoArgs, nullptr},
    {"get", fn(proxy_get), kMethFastcall, nullptr},
    {"pop", fn(proxy_pop), kMethFastcall, nullptr},
    {"setdefault", fn(proxy_setdefault), kMethFastcall, nullptr},
    {nullptr, nullptr, 0, nullptr}};

bool proxy_check(Object* o) { return o->type == &framelocalsproxy_type; }

}  // namespace

TypeObject framelocalsproxy_type = [] {
  TypeObject t = static_type("FrameLocalsProxy", sizeof(FrameLocalsProxyObject), 0,
                             kTpflagsHaveGc | kTpflagsMapping);
  t.dealloc = proxy_dealloc;
  t.repr = proxy_repr;
  t.as_number = &proxy_as_number;
  t.as_sequence = &proxy_as_sequence;
  t.as_mapping = &proxy_as_mapping;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.traverse = proxy_traverse;
  t.clear = proxy_clear;
  t.richcompare = proxy_richcompare;
  t.iter = proxy_iter;
  t.methods = proxy_methods;
  t.new_ = proxy_new;
  t.doc =
      "FrameLocalsProxy($frame)\n--\n\nCreate a write-through view of the locals dictionary for "
      "a frame.\n\n  frame\n    the frame object to wrap.";
  return t;
}();

// _PyFrameLocalsProxy_New.
Object* frame_locals_proxy_new(FrameObject* frame) {
  Object* self = type_generic_alloc(&framelocalsproxy_type, 0);
  if (!self) return nullptr;
  static_cast<FrameLocalsProxyObject*>(self)->frame = static_cast<FrameObject*>(new_ref(frame));
  return self;
}

bool framelocalsproxy_check(Object* o) { return o->type == &framelocalsproxy_type; }

}  // namespace cppy::objects
