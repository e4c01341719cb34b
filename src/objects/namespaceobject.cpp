// types.SimpleNamespace: Objects/namespaceobject.c. sys.implementation is one, and types.py
// takes the type from it.
#include "objects/namespaceobject.h"

#include <cstddef>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

NamespaceObject* ns(Object* o) { return static_cast<NamespaceObject*>(o); }

// namespace_new.
Object* namespace_tp_new(TypeObject* type, Object*, Object*) {
  Ref<> self = Ref<>::steal(type->alloc(type, 0));
  if (!self) return nullptr;
  ns(self.get())->ns_dict = dict_new();
  if (!ns(self.get())->ns_dict) return nullptr;
  return self.release();
}

// namespace_init: SimpleNamespace(mapping_or_iterable=(), /, **kwargs).
int namespace_init(Object* self, Object* args, Object* kwds) {
  ssize n = tuple_size(args);
  if (n > 1) {
    errors::format(exc_TypeError, "%s expected at most 1 argument, got %zd",
                   type_short_name(self->type), n);
    return -1;
  }
  if (n == 1) {
    Object* arg = tuple_item(args, 0);
    Ref<> d = Ref<>::steal(dict_new());
    if (!d) return -1;
    int rc = object_hasattr_with_error(arg, Ref<>::steal(str_from_cstr("keys")).get());
    if (rc < 0) return -1;
    if (rc ? dict_merge(d.get(), arg, 1) < 0 : dict_merge_from_seq2(d.get(), arg, 1) < 0)
      return -1;
    Object* key = nullptr;
    Object* value = nullptr;
    ssize pos = 0;
    while (dict_next(d.get(), &pos, &key, &value)) {
      if (!str_check(key)) {
        errors::format(exc_TypeError, "keywords must be strings");
        return -1;
      }
    }
    if (dict_update(ns(self)->ns_dict, d.get()) < 0) return -1;
  }
  if (!kwds) return 0;
  // PyArg_ValidateKeywordArguments: a **mapping may bring keys that are not str.
  Object* key = nullptr;
  Object* value = nullptr;
  ssize pos = 0;
  while (dict_next(kwds, &pos, &key, &value)) {
    if (!str_check(key)) {
      errors::format(exc_TypeError, "keywords must be strings");
      return -1;
    }
  }
  return dict_update(ns(self)->ns_dict, kwds);
}

void namespace_dealloc(Object* o) {
  gc::untrack(o);
  Object* d = ns(o)->ns_dict;
  ns(o)->ns_dict = nullptr;
  xdecref(d);
  TypeObject* type = o->type;
  type->free(o);
  // A heap type using this dealloc directly holds the reference; class-statement subclasses
  // drop theirs in subtype_dealloc.
  if (type_has_feature(type, kTpflagsHeaptype) && type->dealloc == namespace_dealloc) decref(type);
}

int namespace_traverse(Object* o, visitproc visit, void* arg) {
  if (type_has_feature(o->type, kTpflagsHeaptype)) {
    int r = visit(o->type, arg);
    if (r) return r;
  }
  return ns(o)->ns_dict ? visit(ns(o)->ns_dict, arg) : 0;
}

int namespace_clear(Object* o) {
  Object* d = ns(o)->ns_dict;
  ns(o)->ns_dict = nullptr;
  xdecref(d);
  return 0;
}

// namespace_repr: "namespace(a=1, b=2)", or the subclass's name; string keys only.
Object* namespace_repr(Object* o) {
  std::string name = o->type == &namespace_type ? "namespace" : type_short_name(o->type);
  int rec = object_print_repr_enter(o);
  if (rec != 0) {
    if (rec < 0) return nullptr;
    name += "(...)";
    return str_from_utf8(name.data(), static_cast<ssize>(name.size()));
  }
  std::string out = name + "(";
  Object* key = nullptr;
  Object* value = nullptr;
  ssize pos = 0;
  bool first = true;
  Ref<> d = Ref<>::borrow(ns(o)->ns_dict);
  while (d && dict_next(d.get(), &pos, &key, &value)) {
    if (!str_check(key) || str_length(key) == 0) continue;
    Ref<> k = Ref<>::borrow(key);
    Ref<> v = Ref<>::borrow(value);
    Ref<> r = Ref<>::steal(object_repr(v.get()));
    if (!r) {
      object_print_repr_leave(o);
      return nullptr;
    }
    if (!first) out += ", ";
    first = false;
    out += str_as_utf8(k.get());
    out += '=';
    out += str_as_utf8(r.get());
  }
  object_print_repr_leave(o);
  out += ')';
  return str_from_utf8(out.data(), static_cast<ssize>(out.size()));
}

// namespace_richcompare: two namespaces compare as their dicts (for every operator, so `<`
// reports the dicts' TypeError).
Object* namespace_richcompare(Object* a, Object* b, int op) {
  if (type_check(a, &namespace_type) && type_check(b, &namespace_type))
    return object_rich_compare(ns(a)->ns_dict, ns(b)->ns_dict, op);
  return new_ref(not_implemented());
}

// namespace_reduce: (type, (), dict).
Object* namespace_reduce(Object* self, Object*) {
  Ref<> args = Ref<>::steal(tuple_new(0));
  if (!args) return nullptr;
  return tuple_pack(3, static_cast<Object*>(self->type), args.get(), ns(self)->ns_dict);
}

// namespace_replace (__replace__): a copy with the keyword arguments applied.
Object* namespace_replace(Object* self, Object* args, Object* kwargs) {
  if (tuple_size(args) != 0) {
    return errors::format(exc_TypeError, "__replace__() takes no positional arguments");
  }
  Ref<> empty = Ref<>::steal(tuple_new(0));
  Ref<> result = Ref<>::steal(object_call(self->type, empty.get(), nullptr));
  if (!result) return nullptr;
  if (dict_update(ns(result.get())->ns_dict, ns(self)->ns_dict) < 0) return nullptr;
  if (kwargs && dict_update(ns(result.get())->ns_dict, kwargs) < 0) return nullptr;
  return result.release();
}

MethodDef namespace_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(namespace_reduce), kMethNoArgs,
     "Return state information for pickling"},
    {"__replace__", reinterpret_cast<void*>(namespace_replace), kMethVarargs | kMethKeywords,
     "Return a copy of the namespace object with new values for the specified attributes."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef namespace_members[] = {
    {"__dict__", kMemberObject, static_cast<ssize>(offsetof(NamespaceObject, ns_dict)),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

}  // namespace

TypeObject namespace_type = [] {
  TypeObject t = static_type("types.SimpleNamespace", sizeof(NamespaceObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsStaticBuiltin);
  t.dealloc = namespace_dealloc;
  t.repr = namespace_repr;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.doc = "SimpleNamespace(mapping_or_iterable=(), /, **kwargs)\n--\n\n"
          "A simple attribute-based namespace.";
  t.traverse = namespace_traverse;
  t.clear = namespace_clear;
  t.richcompare = namespace_richcompare;
  t.methods = namespace_methods;
  t.members = namespace_members;
  t.dictoffset = static_cast<ssize>(offsetof(NamespaceObject, ns_dict));
  t.init = namespace_init;
  t.alloc = type_generic_alloc;
  t.new_ = namespace_tp_new;
  t.free = object_generic_free;
  return t;
}();

Object* namespace_new(Object* kwds) {
  if (type_ready(&namespace_type) < 0) return nullptr;
  Ref<> o = Ref<>::steal(namespace_tp_new(&namespace_type, nullptr, nullptr));
  if (!o) return nullptr;
  if (kwds && dict_update(ns(o.get())->ns_dict, kwds) < 0) return nullptr;
  return o.release();
}

}  // namespace cppy::objects
