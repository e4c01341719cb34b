// The `object`, `type` and `super` types, and classes made by type(name, bases, dict):
// Objects/typeobject.c (object_*, type_*, type_new and its helpers, subtype_dealloc,
// super_*).
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "objects/inline_values.h"
#include "gc/gc.h"
#include "objects/genericaliasobject.h"
#include "objects/abstract.h"
#include "objects/cellobject.h"
#include "objects/clinic_args.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "imp/import.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"
#include "objects/weakrefobject.h"
#include "unicode/unicodectype.h"
#include "vm/ceval.h"
#include "vm/frame.h"

namespace cppy::objects {

using typeobject_internal::name_of;

namespace {

inline HeapTypeObject* ht(TypeObject* t) { return static_cast<HeapTypeObject*>(t); }
inline TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }

bool excess_args(Object* args, Object* kwds) {
  return (args && tuple_size(args)) || (kwds && dict_check(kwds) && dict_size(kwds));
}

int object_init(Object* self, Object* args, Object* kwds);
Object* object_new(TypeObject* type, Object* args, Object* kwds);

// --- object ---------------------------------------------------------------------------------

int object_init(Object* self, Object* args, Object* kwds) {
  TypeObject* type = self->type;
  if (excess_args(args, kwds)) {
    if (type->init != object_init) {
      errors::set_string(exc_TypeError,
                         "object.__init__() takes exactly one argument (the instance to "
                         "initialize)");
      return -1;
    }
    if (type->new_ == object_new) {
      errors::format(exc_TypeError,
                     "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                     type->name);
      return -1;
    }
  }
  return 0;
}

// The sorted abstract method names for "Can't instantiate abstract class".
Object* abstract_error(TypeObject* type) {
  Ref<> abstract_methods = Ref<>::steal(object_getattr(type, name_of("__abstractmethods__")));
  if (!abstract_methods) return nullptr;
  Ref<> sorted = Ref<>::steal(sequence_list(abstract_methods.get()));
  if (!sorted || list_sort(sorted.get()) < 0) return nullptr;
  ssize n = list_size(sorted.get());
  std::string joined;
  for (ssize i = 0; i < n; ++i) {
    if (i) joined += "', '";
    Object* s = list_items(sorted.get())[i];
    if (str_check(s)) joined += str_as_utf8(s);
  }
  return errors::format(exc_TypeError,
                        "Can't instantiate abstract class %s without an implementation for "
                        "abstract method%s '%s'",
                        type->name, n > 1 ? "s" : "", joined.c_str());
}

Object* object_new(TypeObject* type, Object* args, Object* kwds) {
  if (excess_args(args, kwds)) {
    if (type->new_ != object_new) {
      return errors::format(exc_TypeError,
                            "object.__new__() takes exactly one argument (the type to "
                            "instantiate)");
    }
    if (type->init == object_init) {
      return errors::format(exc_TypeError, "%.200s() takes no arguments", type->name);
    }
  }
  if (type_has_feature(type, kTpflagsIsAbstract)) return abstract_error(type);
  return type->alloc(type, 0);
}

void object_dealloc(Object* self) { self->type->free(self); }

Object* object_repr_slot(Object* self) {
  TypeObject* type = self->type;
  Ref<> mod = Ref<>::steal(type_get_module(type));
  if (!mod) errors::clear();
  else if (!str_check(mod.get())) mod.reset();
  Ref<> name = Ref<>::steal(type_get_qualname(type));
  if (!name) return nullptr;
  if (mod && str_compare_cstr(mod.get(), "builtins") != 0)
    return str_from_format("<%U.%U object at %p>", mod.get(), name.get(), static_cast<void*>(self));
  return str_from_format("<%s object at %p>", type->name, static_cast<void*>(self));
}

Object* object_str_slot(Object* self) {
  reprfunc f = self->type->repr;
  if (f == nullptr) f = object_repr_slot;
  return f(self);
}

Object* object_richcompare(Object* self, Object* other, int op) {
  switch (op) {
    case kEQ:
      // identity: NotImplemented lets the other side or the fallback decide.
      if (self == other) return bool_from_long(1);
      return return_not_implemented();
    case kNE: {
      // By default __ne__ delegates to __eq__ and inverts the result.
      richcmpfunc eq = self->type->richcompare;
      if (eq == nullptr) return return_not_implemented();
      Object* res = eq(self, other, kEQ);
      if (res && res != not_implemented()) {
        int ok = object_is_true(res);
        decref(res);
        if (ok < 0) return nullptr;
        return bool_from_long(!ok);
      }
      return res;
    }
    default:
      return return_not_implemented();
  }
}

hash_t object_hash_slot(Object* self) { return hash_pointer(self); }

Object* object_get_class(Object* self, void*) { return new_ref<Object>(self->type); }

void subtype_dealloc(Object* self);  // below

namespace {
// compatible_with_tp_base: the child adds nothing to its base's instance layout.
bool compatible_with_tp_base(TypeObject* child) {
  TypeObject* parent = child->base;
  return parent != nullptr && child->basicsize == parent->basicsize &&
         child->itemsize == parent->itemsize && child->dictoffset == parent->dictoffset &&
         child->weaklistoffset == parent->weaklistoffset &&
         type_has_feature(child, kTpflagsHaveGc) == type_has_feature(parent, kTpflagsHaveGc) &&
         (child->dealloc == subtype_dealloc || child->dealloc == parent->dealloc);
}

// same_slots_added: a and b (with the same base) add the same __dict__/__weakref__ and the
// same named slots, in the same places.
bool same_slots_added(TypeObject* a, TypeObject* b) {
  TypeObject* base = a->base;
  ssize size = base->basicsize;
  const ssize word = static_cast<ssize>(sizeof(Object*));
  if (a->dictoffset == size && b->dictoffset == size) size += word;
  if (a->weaklistoffset == size && b->weaklistoffset == size) size += word;
  if (!type_has_feature(a, kTpflagsHeaptype) || !type_has_feature(b, kTpflagsHeaptype))
    return false;
  Object* slots_a = static_cast<HeapTypeObject*>(a)->ht_slots;
  Object* slots_b = static_cast<HeapTypeObject*>(b)->ht_slots;
  if (slots_a && slots_b) {
    int eq = object_rich_compare_bool(slots_a, slots_b, kEQ);
    if (eq != 1) {
      errors::clear();
      return false;
    }
    // The named slots come first in cppy's layout (CPython puts them first too).
    size += word * tuple_size(slots_a);
  }
  // cppy places __dict__ and __weakref__ after the named slots.
  if (a->dictoffset == size && b->dictoffset == size) size += word;
  if (a->weaklistoffset == size && b->weaklistoffset == size) size += word;
  return size == a->basicsize && size == b->basicsize;
}
}  // namespace

// compatible_for_assignment.
bool compatible_for_assignment(TypeObject* oldto, TypeObject* newto, const char* attr) {
  // CPython first refuses different tp_free functions; cppy's static and heap types use
  // different but interchangeable ones (object_generic_free frees either kind), and the
  // collector header, the one thing they tell apart, is compared with the layouts below.
  TypeObject* newbase = newto;
  TypeObject* oldbase = oldto;
  while (compatible_with_tp_base(newbase)) newbase = newbase->base;
  while (compatible_with_tp_base(oldbase)) oldbase = oldbase->base;
  if ((newbase != oldbase &&
       (newbase->base != oldbase->base || !same_slots_added(newbase, oldbase))) ||
      type_has_feature(oldto, kTpflagsInlineValues) != type_has_feature(newto, kTpflagsInlineValues)) {
    errors::format(exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
                   newto->name, oldto->name);
    return false;
  }
  return true;
}

// object_set_class.
int object_set_class(Object* self, Object* value, void*) {
  if (value == nullptr) {
    errors::set_string(exc_TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!type_check_type(value)) {
    errors::format(exc_TypeError, "__class__ must be set to a class, not '%s' object",
                   value->type->name);
    return -1;
  }
  TypeObject* newto = as_type(value);
  TypeObject* oldto = self->type;
  // Module subclasses may switch classes even from the immutable module type (a module that
  // customises its attribute access sets its __class__).
  if (!(is_subtype(newto, &module_type) && is_subtype(oldto, &module_type)) &&
      (type_has_feature(newto, kTpflagsImmutabletype) ||
       type_has_feature(oldto, kTpflagsImmutabletype))) {
    errors::set_string(exc_TypeError,
                       "__class__ assignment only supported for mutable types or ModuleType "
                       "subclasses");
    return -1;
  }
  if (!compatible_for_assignment(oldto, newto, "__class__")) return -1;
  // The values are indexed by the old class's names: they move into a dict first.
  if (inline_values_valid(self) && !inline_values_materialize(self)) return -1;
  incref(newto);
  self->type = newto;
  decref(oldto);
  return 0;
}

Object* object_init_subclass(Object*, Object*) { return return_none(); }
// object_subclasshook: METH_CLASS | METH_O as in CPython (one argument, the class checked).
Object* object_subclasshook(Object*, Object*) { return return_not_implemented(); }

Object* object_format_method(Object* self, Object* format_spec) {
  if (!str_check(format_spec)) {
    bad_argument("__format__", "", "str", format_spec);  // the clinic's _PyArg_BadArgument
    return nullptr;
  }
  ssize n = 0;
  str_as_utf8(format_spec, &n);
  if (n > 0) {
    return errors::format(exc_TypeError, "unsupported format string passed to %.200s.__format__",
                          self->type->name);
  }
  return object_str_any(self);
}

// object___sizeof___impl: the basic size CPython reports (no pre-header, no inline values).
Object* object_sizeof(Object* self, Object*) {
  ssize size = 0;
  ssize isize = self->type->itemsize;
  if (isize > 0) size = static_cast<VarObject*>(self)->size * isize;
  size += self->type->shown_basicsize;
  return long_from_ssize(size);
}

// merge_class_dict: the names of a class and its bases, for object.__dir__.
int merge_class_dict(Object* dict, Object* aclass) {
  Object* classdict = nullptr;
  if (object_get_optional_attr(aclass, name_of("__dict__"), &classdict) < 0) return -1;
  if (classdict) {
    int status = dict_update(dict, classdict);
    decref(classdict);
    if (status < 0) return -1;
  }
  Object* bases = nullptr;
  if (object_get_optional_attr(aclass, name_of("__bases__"), &bases) < 0) return -1;
  if (bases) {
    Ref<> b = Ref<>::steal(bases);
    ssize n = object_size(bases);
    if (n < 0) return -1;
    for (ssize i = 0; i < n; ++i) {
      Ref<> base = Ref<>::steal(sequence_get_item(bases, i));
      if (!base) return -1;
      if (merge_class_dict(dict, base.get()) < 0) return -1;
    }
  }
  return 0;
}

Object* object_dir_method(Object* self, Object*) {
  Object* dict = nullptr;
  if (object_get_optional_attr(self, name_of("__dict__"), &dict) < 0) return nullptr;
  Ref<> d;
  if (dict && dict_check(dict)) {
    d = Ref<>::steal(dict_copy(dict));
    decref(dict);
  } else {
    xdecref(dict);
    d = Ref<>::steal(dict_new());
  }
  if (!d) return nullptr;
  Object* itsclass = nullptr;
  if (object_get_optional_attr(self, name_of("__class__"), &itsclass) < 0) return nullptr;
  if (itsclass) {
    Ref<> c = Ref<>::steal(itsclass);
    if (merge_class_dict(d.get(), itsclass) < 0) return nullptr;
  }
  return dict_keys(d.get());
}

// --- pickling support: object.__reduce__, __reduce_ex__, __getstate__ (typeobject.c) ---

Object* import_copyreg_attr(const char* name) {
  Ref<> copyreg = Ref<>::steal(imp::import_module("copyreg"));
  if (!copyreg) return nullptr;
  return object_getattr_string(copyreg.get(), name);
}

// _PyObject_IsInstanceDictEmpty
bool instance_dict_empty(Object* obj) {
  Object** dictptr = object_dict_ptr(obj);
  return !dictptr || !*dictptr || dict_size(*dictptr) == 0;
}

// _PyType_GetSlotNames: cls.__dict__['__slotnames__'] or copyreg._slotnames(cls) (a list or
// None).
Object* type_slot_names(TypeObject* cls) {
  Object* cached = cls->dict ? dict_get_item_string(cls->dict, "__slotnames__") : nullptr;
  if (cached) {
    if (cached != none() && !list_check(cached)) {
      return errors::format(exc_TypeError, "%.200s.__slotnames__ should be a list or None, not %.200s",
                            cls->name, cached->type->name);
    }
    return new_ref(cached);
  }
  if (errors::occurred()) return nullptr;
  Ref<> slotnames_fn = Ref<>::steal(import_copyreg_attr("_slotnames"));
  if (!slotnames_fn) return nullptr;
  Object* names = object_call_one_arg(slotnames_fn.get(), cls);
  if (names && names != none() && !list_check(names)) {
    decref(names);
    errors::set_string(exc_TypeError, "copyreg._slotnames didn't return a list or None");
    return nullptr;
  }
  return names;
}

// object_getstate_default: None or the instance dict, with a dict of the slot values as
// (state, slots); `required` refuses objects whose C-level state would be lost.
Object* object_getstate_default(Object* obj, bool required) {
  TypeObject* type = obj->type;
  if (required && type->itemsize) {
    return errors::format(exc_TypeError, "cannot pickle %.200s objects", type->name);
  }
  Ref<> state = instance_dict_empty(obj) ? Ref<>::borrow(none())
                                         : Ref<>::steal(object_generic_get_dict(obj, nullptr));
  if (!state) return nullptr;
  Ref<> slotnames = Ref<>::steal(type_slot_names(type));
  if (!slotnames) return nullptr;
  if (required) {
    ssize basicsize = BaseObject_Type.basicsize;
    if (type->dictoffset) basicsize += static_cast<ssize>(sizeof(Object*));
    if (type->weaklistoffset > 0) basicsize += static_cast<ssize>(sizeof(Object*));
    if (slotnames.get() != none())
      basicsize += static_cast<ssize>(sizeof(Object*)) * list_size(slotnames.get());
    if (type->basicsize > basicsize) {
      return errors::format(exc_TypeError, "cannot pickle '%.200s' object", type->name);
    }
  }
  if (slotnames.get() != none() && list_size(slotnames.get()) > 0) {
    Ref<> slots = Ref<>::steal(dict_new());
    if (!slots) return nullptr;
    ssize n = list_size(slotnames.get());
    for (ssize i = 0; i < n; ++i) {
      // A __getattr__ may replace the list's items: the name is held across the lookup.
      Ref<> name_ref = Ref<>::borrow(list_item(slotnames.get(), i));
      Object* name = name_ref.get();
      Object* value = nullptr;
      if (object_get_optional_attr(obj, name, &value) < 0) return nullptr;
      if (value) {
        int r = dict_set_item(slots.get(), name, value);
        decref(value);
        if (r < 0) return nullptr;
      }
      if (n != list_size(slotnames.get())) {
        errors::set_string(exc_RuntimeError, "__slotsname__ changed size during iteration");
        return nullptr;
      }
    }
    if (dict_size(slots.get()) > 0) return tuple_pack(2, state.get(), slots.get());
  }
  return state.release();
}

Object* object_getstate_method(Object* self, Object*) {
  return object_getstate_default(self, false);
}

// object_getstate: __getstate__(), passing `required` on when it is object's own.
Object* object_getstate(Object* obj, bool required) {
  Ref<> getstate = Ref<>::steal(object_getattr(obj, name_of("__getstate__")));
  if (!getstate) return nullptr;
  if (cfunction_check(getstate.get()) &&
      static_cast<CFunctionObject*>(getstate.get())->m_self == obj &&
      static_cast<CFunctionObject*>(getstate.get())->m_ml->function ==
          reinterpret_cast<void*>(object_getstate_method)) {
    return object_getstate_default(obj, required);
  }
  return object_call_no_args(getstate.get());
}

// _PyObject_GetNewArguments: __getnewargs_ex__() or __getnewargs__(), checked; both null
// when the class has neither.
int get_new_arguments(Object* obj, Object** args, Object** kwargs) {
  *args = *kwargs = nullptr;
  Ref<> getnewargs_ex = Ref<>::steal(lookup_special(obj, name_of("__getnewargs_ex__")));
  if (getnewargs_ex) {
    Ref<> r = Ref<>::steal(object_call_no_args(getnewargs_ex.get()));
    if (!r) return -1;
    if (!tuple_check(r.get())) {
      errors::format(exc_TypeError, "__getnewargs_ex__ should return a tuple, not '%.200s'",
                     r->type->name);
      return -1;
    }
    if (tuple_size(r.get()) != 2) {
      errors::format(exc_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                     tuple_size(r.get()));
      return -1;
    }
    Object* a = tuple_item(r.get(), 0);
    Object* k = tuple_item(r.get(), 1);
    if (!tuple_check(a)) {
      errors::format(exc_TypeError,
                     "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not "
                     "'%.200s'", a->type->name);
      return -1;
    }
    if (!dict_check(k)) {
      errors::format(exc_TypeError,
                     "second item of the tuple returned by __getnewargs_ex__ must be a dict, not "
                     "'%.200s'", k->type->name);
      return -1;
    }
    *args = new_ref(a);
    *kwargs = new_ref(k);
    return 0;
  }
  if (errors::occurred()) return -1;
  Ref<> getnewargs = Ref<>::steal(lookup_special(obj, name_of("__getnewargs__")));
  if (getnewargs) {
    Object* a = object_call_no_args(getnewargs.get());
    if (!a) return -1;
    if (!tuple_check(a)) {
      errors::format(exc_TypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                     a->type->name);
      decref(a);
      return -1;
    }
    *args = a;
    return 0;
  }
  return errors::occurred() ? -1 : 0;
}

// reduce_newobj: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems), or
// __newobj_ex__ with keyword arguments.
Object* reduce_newobj(Object* obj) {
  TypeObject* type = obj->type;
  if (!type->new_) {
    return errors::format(exc_TypeError, "cannot pickle '%.200s' object", type->name);
  }
  Object *args_raw, *kwargs_raw;
  if (get_new_arguments(obj, &args_raw, &kwargs_raw) < 0) return nullptr;
  Ref<> args = Ref<>::steal(args_raw), kwargs = Ref<>::steal(kwargs_raw);
  bool hasargs = args_raw != nullptr;
  Ref<> newobj, newargs;
  if (!kwargs || dict_size(kwargs.get()) == 0) {
    newobj = Ref<>::steal(import_copyreg_attr("__newobj__"));
    if (!newobj) return nullptr;
    ssize n = args ? tuple_size(args.get()) : 0;
    newargs = Ref<>::steal(tuple_new(n + 1));
    if (!newargs) return nullptr;
    tuple_set_item(newargs.get(), 0, new_ref(static_cast<Object*>(type)));
    for (ssize i = 0; i < n; ++i)
      tuple_set_item(newargs.get(), i + 1, new_ref(tuple_item(args.get(), i)));
  } else {
    newobj = Ref<>::steal(import_copyreg_attr("__newobj_ex__"));
    if (!newobj) return nullptr;
    newargs = Ref<>::steal(tuple_pack(3, type, args.get(), kwargs.get()));
    if (!newargs) return nullptr;
  }
  Ref<> state = Ref<>::steal(
      object_getstate(obj, !(hasargs || list_check(obj) || dict_check(obj))));
  if (!state) return nullptr;
  // _PyObject_GetItemsIter
  Ref<> listitems = list_check(obj) ? Ref<>::steal(object_get_iter(obj)) : Ref<>::borrow(none());
  if (!listitems) return nullptr;
  Ref<> dictitems = Ref<>::borrow(none());
  if (dict_check(obj)) {
    Ref<> items = Ref<>::steal(call_method_no_args(obj, name_of("items")));
    if (!items) return nullptr;
    dictitems = Ref<>::steal(object_get_iter(items.get()));
    if (!dictitems) return nullptr;
  }
  return tuple_pack(5, newobj.get(), newargs.get(), state.get(), listitems.get(),
                    dictitems.get());
}

// _common_reduce: protocols 2+ through __newobj__, older ones through copyreg._reduce_ex.
Object* common_reduce(Object* self, int proto) {
  if (proto >= 2) return reduce_newobj(self);
  Ref<> reduce_ex = Ref<>::steal(import_copyreg_attr("_reduce_ex"));
  if (!reduce_ex) return nullptr;
  Ref<> p = Ref<>::steal(long_from_long(proto));
  if (!p) return nullptr;
  Object* argv[2] = {self, p.get()};
  return vectorcall(reduce_ex.get(), argv, 2, nullptr);
}

Object* object_reduce(Object* self, Object*) { return common_reduce(self, 0); }

// object___reduce_ex___impl: a class's own __reduce__ wins over the copyreg protocols.
Object* object_reduce_ex(Object* self, Object* protocol_obj) {
  int proto = long_as_int(protocol_obj);
  if (proto == -1 && errors::occurred()) return nullptr;
  Object* reduce = nullptr;
  if (object_get_optional_attr(self, name_of("__reduce__"), &reduce) < 0) return nullptr;
  if (reduce) {
    Ref<> r = Ref<>::steal(reduce);
    Object* objreduce = BaseObject_Type.dict
                            ? dict_get_item_string(BaseObject_Type.dict, "__reduce__")
                            : nullptr;
    Ref<> clsreduce = Ref<>::steal(object_getattr(self->type, name_of("__reduce__")));
    if (!clsreduce) return nullptr;
    if (clsreduce.get() != objreduce) return object_call_no_args(r.get());
  }
  return common_reduce(self, proto);
}

MethodDef object_methods[] = {
    {"__reduce_ex__", reinterpret_cast<void*>(object_reduce_ex), kMethO,
     "Helper for pickle."},
    {"__reduce__", reinterpret_cast<void*>(object_reduce), kMethNoArgs, "Helper for pickle."},
    {"__getstate__", reinterpret_cast<void*>(object_getstate_method), kMethNoArgs,
     "Helper for pickle."},
    {"__subclasshook__", reinterpret_cast<void*>(object_subclasshook), kMethClass | kMethO,
     "Abstract classes can override this to customize issubclass().\n\nThis is invoked early "
     "on by abc.ABCMeta.__subclasscheck__().\nIt should return True, False or "
     "NotImplemented.  If it returns\nNotImplemented, the normal algorithm is used.  "
     "Otherwise, it\noverrides the normal algorithm (and the outcome is cached).\n"},
    {"__init_subclass__", reinterpret_cast<void*>(object_init_subclass),
     kMethClass | kMethNoArgs,
     "This method is called when a class is subclassed.\n\nThe default implementation does "
     "nothing. It may be\noverridden to extend subclasses.\n"},
    {"__format__", reinterpret_cast<void*>(object_format_method), kMethO,
     "Default object formatter.\n\nReturn str(self) if format_spec is empty. Raise TypeError "
     "otherwise."},
    {"__sizeof__", reinterpret_cast<void*>(object_sizeof), kMethNoArgs,
     "Size of object in memory, in bytes."},
    {"__dir__", reinterpret_cast<void*>(object_dir_method), kMethNoArgs,
     "Default dir() implementation."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace

Object* object_str_any(Object* o) { return objects::object_str(o); }
Object* object_get_state(Object* obj) { return object_getstate(obj, false); }

TypeObject BaseObject_Type = [] {
  TypeObject t = static_type("object", sizeof(Object), 0, kTpflagsBasetype);
  t.dealloc = object_dealloc;
  t.repr = object_repr_slot;
  t.hash = object_hash_slot;
  t.str = object_str_slot;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.richcompare = object_richcompare;
  t.methods = object_methods;
  t.getset = object_getsets;
  t.init = object_init;
  t.alloc = type_generic_alloc;
  t.new_ = object_new;
  t.free = object_generic_free;
  t.doc =
      "object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no "
      "arguments and returns a new featureless\ninstance that has no instance attributes and "
      "cannot be given any.\n";
  return t;
}();

// --- heap type instances ------------------------------------------------------------------------

namespace {

// The member descriptors a class's __slots__ added (their offsets within the instance).
void clear_slots(TypeObject* type, Object* self) {
  for (MemberDef* mp = type->members; mp && mp->name; ++mp) {
    if (mp->type == kMemberObjectEx && !(mp->flags & kMemberReadonly)) {
      auto** addr = reinterpret_cast<Object**>(reinterpret_cast<char*>(self) + mp->offset);
      clear(*addr);
    }
  }
}

void subtype_dealloc(Object* self);

void subtype_dealloc(Object* self) {
  TypeObject* type = self->type;
  gc::untrack(self);
  if (type->finalize) {
    // The object is tracked again while its finalizer runs (the collection it may start
    // counts it among the young objects), and stays tracked if __del__ resurrected it.
    gc::track(self);
    if (object_call_finalizer_from_dealloc(self) < 0) return;
    gc::untrack(self);
  }
  TypeObject* base = type;
  while (base->dealloc == subtype_dealloc) base = base->base;
  // A weakref list added by a heap type of the chain is cleared (callbacks run) before the
  // slots and the instance dict, after the finalizer, as CPython's subtype_dealloc does.
  if (type->weaklistoffset && !base->weaklistoffset) object_clear_weakrefs(self);
  // Clear the slots and dicts the heap types of the chain added.
  for (TypeObject* t = type; t->dealloc == subtype_dealloc; t = t->base)
    if (t->members) clear_slots(t, self);
  if (type->dictoffset && !base->dictoffset) {
    if (inline_values_valid(self)) {
      inline_values_clear(self);
    } else {
      Object** dictptr = object_dict_ptr(self);
      if (dictptr && *dictptr) clear(*dictptr);
    }
  }
  // __del__ may have assigned __class__: the reference to release is the current type's.
  type = self->type;
  // The base's dealloc frees the memory (through type->free) and expects a tracked object
  // if it is a GC type.
  if (type_has_feature(base, kTpflagsHaveGc)) gc::track(self);
  // (cppy's heap bases with their own dealloc release the type only for their own
  // instances, so the reference is always released here; the type may die with the
  // instance, so this is decided before the call.)
  bool type_needs_decref = type_has_feature(type, kTpflagsHeaptype);
  base->dealloc(self);
  if (type_needs_decref) decref(type);
}

int subtype_traverse(Object* self, visitproc visit, void* arg) {
  TypeObject* type = self->type;
  TypeObject* base = type;
  while (base->traverse == subtype_traverse) {
    for (MemberDef* mp = base->members; mp && mp->name; ++mp) {
      if (mp->type == kMemberObjectEx) {
        Object* v = *reinterpret_cast<Object**>(reinterpret_cast<char*>(self) + mp->offset);
        if (v)
          if (int r = visit(v, arg)) return r;
      }
    }
    base = base->base;
  }
  if (type->dictoffset != base->dictoffset) {
    if (inline_values_valid(self)) {
      if (int r = inline_values_traverse(self, visit, arg)) return r;
    } else {
      Object** dictptr = object_dict_ptr(self);
      if (dictptr && *dictptr)
        if (int r = visit(*dictptr, arg)) return r;
    }
  }
  if (int r = visit(type, arg)) return r;
  if (base->traverse) return base->traverse(self, visit, arg);
  return 0;
}

int subtype_clear(Object* self) {
  TypeObject* type = self->type;
  TypeObject* base = type;
  while (base->clear == subtype_clear) {
    if (base->members) clear_slots(base, self);
    base = base->base;
  }
  if (type->dictoffset != base->dictoffset) {
    if (inline_values_valid(self)) {
      inline_values_clear(self);
    } else if (type_has_feature(type, kTpflagsInlineValues)) {
      // The dict stays in its slot (emptied), so the inline values stay unused: after a
      // __class__ assignment they may be sized for another class.
      dict_clear(*managed_dict_slot(self));
    } else {
      Object** dictptr = object_dict_ptr(self);
      if (dictptr && *dictptr) clear(*dictptr);
    }
  }
  if (base->clear) return base->clear(self);
  return 0;
}

// get_builtin_base_with_dict: the nearest static base (type, a module type, ...) that keeps
// its own dict; its __dict__ descriptor serves the instances of its heap subclasses.
TypeObject* get_builtin_base_with_dict(TypeObject* type) {
  while (type->base != nullptr) {
    if (type->dictoffset != 0 && !type_has_feature(type, kTpflagsHeaptype)) return type;
    type = type->base;
  }
  return nullptr;
}

// get_dict_descriptor: the base's __dict__ data descriptor, or null.
Object* get_dict_descriptor(TypeObject* type) {
  Object* descr = type_lookup(type, name_of("__dict__"));
  if (descr == nullptr || descr->type->descr_set == nullptr) return nullptr;
  return descr;
}

void raise_dict_descr_error(Object* obj) {
  errors::format(exc_TypeError, "this __dict__ descriptor does not support '%.200s' objects",
                 obj->type->name);
}

Object* subtype_dict(Object* obj, void* context) {
  if (TypeObject* base = get_builtin_base_with_dict(obj->type)) {
    Object* descr = get_dict_descriptor(base);
    if (descr == nullptr || descr->type->descr_get == nullptr) {
      raise_dict_descr_error(obj);
      return nullptr;
    }
    return descr->type->descr_get(descr, obj, obj->type);
  }
  return object_generic_get_dict(obj, context);
}
// subtype_setdict: instances of classes may also delete their __dict__ (a new empty one
// appears on the next access).
int subtype_setdict(Object* obj, Object* value, void* context) {
  if (TypeObject* base = get_builtin_base_with_dict(obj->type)) {
    Object* descr = get_dict_descriptor(base);
    if (descr == nullptr) {
      raise_dict_descr_error(obj);
      return -1;
    }
    return descr->type->descr_set(descr, obj, value);
  }
  if (value != nullptr) return object_generic_set_dict(obj, value, context);
  Object** dictptr = object_dict_ptr(obj);
  if (dictptr == nullptr) {
    errors::set_string(exc_AttributeError, "This object has no __dict__");
    return -1;
  }
  if (type_has_feature(obj->type, kTpflagsInlineValues)) {
    // The dict slot must stay set: the inline values may be sized for another class after a
    // __class__ assignment, so they are never used again once a dict existed.
    Object* fresh = dict_new();
    if (!fresh) return -1;
    xsetref(*dictptr, fresh);
  } else {
    Object* old = *dictptr;
    *dictptr = nullptr;
    xdecref(old);
  }
  return 0;
}
// subtype_getweakref: the head of the instance's weak reference list, or None.
Object* subtype_getweakref(Object* obj, void*) {
  WeakReference** list = weakref_list_ptr(obj);
  if (!list || !*list) return return_none();
  return new_ref<Object>(*list);
}

GetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables", nullptr},
    {"__weakref__", subtype_getweakref, nullptr, "list of weak references to the object",
     nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
GetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
GetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_getweakref, nullptr, "list of weak references to the object",
     nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- the type type ----------------------------------------------------------------------------------

Object* type_repr(Object* self) {
  TypeObject* type = as_type(self);
  if (type->name == nullptr) return str_from_format("<class at %p>", static_cast<void*>(type));
  Ref<> mod = Ref<>::steal(type_get_module(type));
  if (!mod) errors::clear();
  else if (!str_check(mod.get())) mod.reset();
  Ref<> name = Ref<>::steal(type_get_qualname(type));
  if (!name) return nullptr;
  if (mod && str_compare_cstr(mod.get(), "builtins") != 0)
    return str_from_format("<class '%U.%U'>", mod.get(), name.get());
  return str_from_format("<class '%s'>", type->name);
}

Object* type_call(Object* self, Object* args, Object* kwds) {
  TypeObject* type = as_type(self);
  // type(x) is the type of x.
  if (type == &Type_Type) {
    ssize nargs = tuple_size(args);
    if (nargs == 1 && (kwds == nullptr || !dict_size(kwds)))
      return new_ref<Object>(tuple_item(args, 0)->type);
    // type_vectorcall: type(x, kw=...) is refused before the 1-or-3 rule.
    if (nargs == 1) {
      errors::set_string(exc_TypeError, "type() takes no keyword arguments");
      return nullptr;
    }
    if (nargs != 3) {
      errors::set_string(exc_TypeError, "type() takes 1 or 3 arguments");
      return nullptr;
    }
  }
  if (type->new_ == nullptr) {
    return errors::format(exc_TypeError, "cannot create '%s' instances", type->name);
  }
  Object* obj = type->new_(type, args, kwds);
  obj = check_function_result(type, obj, nullptr);
  if (obj == nullptr) return nullptr;
  // A __new__ returning something else skips __init__.
  if (!type_check(obj, type)) return obj;
  type = obj->type;
  if (type->init) {
    int res = type->init(obj, args, kwds);
    if (res < 0) {
      decref(obj);
      return nullptr;
    }
  }
  return obj;
}

}  // namespace

// type_call for vectorcall arguments, for the classes whose instances come from
// object.__new__ and whose __init__ is found along the MRO (slot_tp_init): the instance is
// allocated and __init__ called with the caller's arguments, without the argument tuple and
// keyword dict of tp_call (the C side of CPython's CALL_ALLOC_AND_ENTER_INIT). object.__new__
// checks no argument when __init__ is overridden and __new__ is not, so it is called without
// them. *handled is false (and nothing done) for any other callable.
Object* type_call_vector(Object* callable, Object* const* args, size_t nargsf, Object* kwnames,
                         bool* handled) {
  *handled = false;
  if (callable->type->call != type_call) return nullptr;
  TypeObject* type = as_type(callable);
  if (type == &Type_Type || type->new_ != object_new || !typeobject_internal::init_is_slot(type))
    return nullptr;
  *handled = true;
  Object* obj = check_function_result(type, object_new(type, tuple_empty(), nullptr), nullptr);
  if (!obj) return nullptr;
  if (typeobject_internal::call_init_vector(obj, args, nargsf, kwnames) < 0) {
    decref(obj);
    return nullptr;
  }
  return obj;
}

ternaryfunc type_call_slot() { return type_call; }

namespace {

Object* type_getattro(Object* self, Object* name) {
  TypeObject* type = as_type(self);
  TypeObject* metatype = self->type;
  if (!str_check(name)) {
    return errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                          name->type->name);
  }
  if (!type_has_feature(type, kTpflagsReady) && type_ready(type) < 0) return nullptr;
  Object* meta_attribute = type_lookup(metatype, name);
  Ref<> meta_ref = Ref<>::borrow(meta_attribute);
  descrgetfunc meta_get = nullptr;
  if (meta_attribute) {
    meta_get = meta_attribute->type->descr_get;
    if (meta_get && descr_is_data(meta_attribute)) return meta_get(meta_attribute, self, metatype);
  }
  Object* attribute = type_lookup(type, name);
  if (attribute) {
    Ref<> a = Ref<>::borrow(attribute);
    descrgetfunc local_get = attribute->type->descr_get;
    if (local_get) return local_get(attribute, nullptr, self);
    return a.release();
  }
  if (meta_get) return meta_get(meta_attribute, self, metatype);
  if (meta_attribute) return meta_ref.release();
  errors::format(exc_AttributeError, "type object '%.100s' has no attribute '%U'", type->name,
                 name);
  return nullptr;
}

int type_setattro(Object* self, Object* name, Object* value) {
  TypeObject* type = as_type(self);
  if (type_has_feature(type, kTpflagsImmutabletype)) {
    errors::format(exc_TypeError, "cannot set %R attribute of immutable type '%s'", name,
                   type->name);
    return -1;
  }
  if (!str_check(name)) {
    errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                   name->type->name);
    return -1;
  }
  incref(name);
  str_intern_in_place(&name);
  Ref<> n = Ref<>::steal(name);
  int res = object_generic_setattr_with_dict(self, name, value, type->dict);
  if (res == 0) {
    type_modified(type);
    if (typeobject_internal::is_slot_name(name)) res = typeobject_internal::update_slot(type, name);
  }
  return res;
}

void type_dealloc(Object* self) {
  TypeObject* type = as_type(self);
  gc::untrack(self);
  if (type->weaklist) object_clear_weakrefs(self);
  // type_dealloc_common: a failed type_new frees the type with its error pending.
  Object* saved = errors::get_raised_exception();
  type_modified(type);
  if (type->bases) {
    ssize n = tuple_size(type->bases);
    for (ssize i = 0; i < n; ++i) {
      auto* b = as_type(tuple_item(type->bases, i));
      if (!b->subclasses) continue;
      Ref<> key = Ref<>::steal(long_from_ssize(reinterpret_cast<ssize>(type)));
      if (!key || dict_pop(b->subclasses, key.get(), nullptr) < 0) errors::clear();
    }
  }
  errors::set_raised_exception(saved);
  xdecref(type->base);
  xdecref(type->dict);
  xdecref(type->bases);
  xdecref(type->mro);
  xdecref(type->cache);
  xdecref(type->subclasses);
  HeapTypeObject* et = ht(type);
  xdecref(et->ht_name);
  xdecref(et->ht_qualname);
  xdecref(et->ht_slots);
  xdecref(et->ht_module);
  shared_keys_free(et->ht_cached_keys);
  et->ht_cached_keys = nullptr;
  delete[] et->ht_tpname;
  delete[] type->members;
  gc::gc_free(self);
}

int type_traverse(Object* self, visitproc visit, void* arg) {
  TypeObject* type = as_type(self);
  if (!type_has_feature(type, kTpflagsHeaptype)) return 0;
  for (Object* o : {type->dict, type->cache, type->mro, type->bases,
                    static_cast<Object*>(type->base), ht(type)->ht_module})
    if (o)
      if (int r = visit(o, arg)) return r;
  return 0;
}

int type_clear(Object* self) {
  TypeObject* type = as_type(self);
  type_modified(type);
  if (type->dict) dict_clear(type->dict);
  clear(type->mro);
  return 0;
}

int type_is_gc(Object* self) { return type_has_feature(as_type(self), kTpflagsHeaptype); }

// Attributes of type objects.
int check_set_special_type_attr(TypeObject* type, Object* value, const char* name) {
  if (!type_has_feature(type, kTpflagsHeaptype) || type_has_feature(type, kTpflagsImmutabletype)) {
    errors::format(exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                   type->name);
    return 0;
  }
  if (!value) {
    errors::format(exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name,
                   type->name);
    return 0;
  }
  return 1;
}

Object* type_name_get(Object* self, void*) { return type_get_name(as_type(self)); }
int type_name_set(Object* self, Object* value, void*) {
  TypeObject* type = as_type(self);
  if (!check_set_special_type_attr(type, value, "__name__")) return -1;
  if (!str_check(value)) {
    errors::format(exc_TypeError, "can only assign string to %s.__name__, not '%s'", type->name,
                   value->type->name);
    return -1;
  }
  ssize n = 0;
  const char* s = str_as_utf8(value, &n);
  if (!s) return -1;
  if (std::strlen(s) != static_cast<size_t>(n)) {
    errors::set_string(exc_ValueError, "type name must not contain null characters");
    return -1;
  }
  char* copy = new char[static_cast<size_t>(n) + 1];
  std::memcpy(copy, s, static_cast<size_t>(n) + 1);
  delete[] ht(type)->ht_tpname;
  ht(type)->ht_tpname = copy;
  type->name = copy;
  xsetref(ht(type)->ht_name, new_ref(value));
  return 0;
}
Object* type_qualname_get(Object* self, void*) { return type_get_qualname(as_type(self)); }
int type_qualname_set(Object* self, Object* value, void*) {
  TypeObject* type = as_type(self);
  if (!check_set_special_type_attr(type, value, "__qualname__")) return -1;
  if (!str_check(value)) {
    errors::format(exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                   type->name, value->type->name);
    return -1;
  }
  xsetref(ht(type)->ht_qualname, new_ref(value));
  return 0;
}
Object* type_module_get(Object* self, void*) { return type_get_module(as_type(self)); }
int type_module_set(Object* self, Object* value, void*) {
  TypeObject* type = as_type(self);
  if (!check_set_special_type_attr(type, value, "__module__")) return -1;
  type_modified(type);
  // The first line number belonged to the old module's source.
  if (dict_pop(type->dict, name_of("__firstlineno__"), nullptr) < 0) return -1;
  return dict_set_item(type->dict, name_of("__module__"), value);
}
Object* type_bases_get(Object* self, void*) { return new_ref(as_type(self)->bases); }
Object* type_mro_get(Object* self, void*) {
  Object* m = as_type(self)->mro;
  return new_ref(m ? m : none());
}
Object* type_dict_get(Object* self, void*) {
  TypeObject* type = as_type(self);
  if (!type->dict) return return_none();
  return dictproxy_new(type->dict);
}
Object* type_doc_get(Object* self, void*) {
  TypeObject* type = as_type(self);
  if (!type_has_feature(type, kTpflagsHeaptype) && type->doc) {
    const char* doc = typeobject_internal::doc_without_signature(type->name, type->doc);
    if (!*doc) return return_none();  // _PyType_GetDocFromInternalDoc
    return str_from_cstr(doc);
  }
  Object* result = dict_get_item(type->dict, name_of("__doc__"));
  if (!result) return return_none();
  descrgetfunc f = result->type->descr_get;
  if (f) return f(result, nullptr, self);
  return new_ref(result);
}
int type_doc_set(Object* self, Object* value, void*) {
  TypeObject* type = as_type(self);
  if (!check_set_special_type_attr(type, value, "__doc__")) return -1;
  type_modified(type);
  return dict_set_item(type->dict, name_of("__doc__"), value);
}
Object* type_abstractmethods_get(Object* self, void*) {
  TypeObject* type = as_type(self);
  Object* mod = nullptr;
  if (type != &Type_Type) mod = dict_get_item(type->dict, name_of("__abstractmethods__"));
  if (!mod) {
    errors::set_object(exc_AttributeError, name_of("__abstractmethods__"));
    return nullptr;
  }
  return new_ref(mod);
}
int type_abstractmethods_set(Object* self, Object* value, void*) {
  TypeObject* type = as_type(self);
  int abstract, res;
  if (value) {
    abstract = object_is_true(value);
    if (abstract < 0) return -1;
    res = dict_set_item(type->dict, name_of("__abstractmethods__"), value);
  } else {
    abstract = 0;
    res = dict_del_item(type->dict, name_of("__abstractmethods__"));
    if (res && errors::exception_matches(exc_KeyError)) {
      errors::clear();
      errors::set_object(exc_AttributeError, name_of("__abstractmethods__"));
      return -1;
    }
  }
  if (res == 0) {
    type_modified(type);
    if (abstract) type->flags |= kTpflagsIsAbstract;
    else type->flags &= ~kTpflagsIsAbstract;
  }
  return res;
}
// type_members: the layout fields are read-only members (member_descriptor), as in CPython.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
MemberDef type_members[] = {
    {"__basicsize__", kMemberSsize, static_cast<ssize>(offsetof(TypeObject, shown_basicsize)),
     kMemberReadonly, nullptr},
    {"__itemsize__", kMemberSsize, static_cast<ssize>(offsetof(TypeObject, itemsize)),
     kMemberReadonly, nullptr},
    {"__flags__", kMemberULong, static_cast<ssize>(offsetof(TypeObject, flags)), kMemberReadonly,
     nullptr},
    {"__weakrefoffset__", kMemberSsize,
     static_cast<ssize>(offsetof(TypeObject, shown_weaklistoffset)), kMemberReadonly, nullptr},
    {"__base__", kMemberObject, static_cast<ssize>(offsetof(TypeObject, base)), kMemberReadonly,
     nullptr},
    {"__dictoffset__", kMemberSsize, static_cast<ssize>(offsetof(TypeObject, shown_dictoffset)),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};
#pragma GCC diagnostic pop

// type_get_annotate (3.14): __annotate__, else the compiler's __annotate_func__, else None
// (remembered as __annotate_func__). Static types have neither.
Object* type_annotate_get(Object* self, void*) {
  TypeObject* type = as_type(self);
  if (!type_has_feature(type, kTpflagsHeaptype)) {
    errors::format(exc_AttributeError, "type object '%s' has no attribute '__annotate__'",
                   type->name);
    return nullptr;
  }
  Object* annotate = dict_get_item(type->dict, name_of("__annotate__"));
  if (!annotate) annotate = dict_get_item(type->dict, name_of("__annotate_func__"));
  if (annotate) {
    if (descrgetfunc get = annotate->type->descr_get) return get(annotate, nullptr, self);
    return new_ref(annotate);
  }
  if (errors::occurred()) return nullptr;
  if (dict_set_item(type->dict, name_of("__annotate_func__"), none()) < 0) return nullptr;
  return return_none();
}
// type_set_annotate: a new function drops the cached annotations.
int type_annotate_set(Object* self, Object* value, void*) {
  TypeObject* type = as_type(self);
  if (!value) {
    errors::set_string(exc_TypeError, "cannot delete __annotate__ attribute");
    return -1;
  }
  if (type_has_feature(type, kTpflagsImmutabletype) || !type_has_feature(type, kTpflagsHeaptype)) {
    errors::format(exc_TypeError, "cannot set '__annotate__' attribute of immutable type '%s'",
                   type->name);
    return -1;
  }
  if (value != none() && !callable_check(value)) {
    errors::set_string(exc_TypeError, "__annotate__ must be callable or None");
    return -1;
  }
  if (dict_set_item(type->dict, name_of("__annotate_func__"), value) < 0) return -1;
  if (value != none() && dict_pop(type->dict, name_of("__annotations_cache__"), nullptr) < 0)
    return -1;
  type_modified(type);
  return 0;
}
// type_get_annotations (3.14): __annotations__ or the cache, else __annotate__(1) cached as
// __annotations_cache__ ({} when there is no callable __annotate__).
Object* type_annotations_get(Object* self, void*) {
  TypeObject* type = as_type(self);
  if (!type_has_feature(type, kTpflagsHeaptype)) {
    errors::format(exc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                   type->name);
    return nullptr;
  }
  Object* found = dict_get_item(type->dict, name_of("__annotations__"));
  if (!found) found = dict_get_item(type->dict, name_of("__annotations_cache__"));
  if (found) {
    if (descrgetfunc get = found->type->descr_get) return get(found, nullptr, self);
    return new_ref(found);
  }
  if (errors::occurred()) return nullptr;
  Ref<> annotate = Ref<>::steal(object_getattr(self, name_of("__annotate__")));
  if (!annotate) return nullptr;
  Ref<> annotations;
  if (callable_check(annotate.get())) {
    Ref<> one = Ref<>::steal(long_from_long(1));
    if (!one) return nullptr;
    annotations = Ref<>::steal(object_call_one_arg(annotate.get(), one.get()));
    if (!annotations) return nullptr;
    if (!dict_check(annotations.get())) {
      errors::format(exc_TypeError, "__annotate__ returned non-dict of type '%.100s'",
                     annotations->type->name);
      return nullptr;
    }
  } else {
    annotations = Ref<>::steal(dict_new());
    if (!annotations) return nullptr;
  }
  if (dict_set_item(type->dict, name_of("__annotations_cache__"), annotations.get()) < 0)
    return nullptr;
  return annotations.release();
}
// type_set_annotations: the value becomes the cache; either way __annotate__ goes.
int type_annotations_set(Object* self, Object* value, void*) {
  TypeObject* type = as_type(self);
  if (type_has_feature(type, kTpflagsImmutabletype) || !type_has_feature(type, kTpflagsHeaptype)) {
    errors::format(exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                   type->name);
    return -1;
  }
  if (value) {
    if (dict_set_item(type->dict, name_of("__annotations_cache__"), value) < 0) return -1;
  } else {
    int r = dict_pop(type->dict, name_of("__annotations_cache__"), nullptr);
    if (r < 0) return -1;
    if (r == 0) {
      errors::set_string(exc_AttributeError, "__annotations__");
      return -1;
    }
  }
  if (dict_pop(type->dict, name_of("__annotate_func__"), nullptr) < 0 ||
      dict_pop(type->dict, name_of("__annotate__"), nullptr) < 0)
    return -1;
  type_modified(type);
  return 0;
}
// type_get_type_params / type_set_type_params.
Object* type_type_params_get(Object* self, void*) {
  TypeObject* type = as_type(self);
  if (type == &Type_Type) return tuple_new(0);
  Object* params = dict_get_item(type->dict, name_of("__type_params__"));
  if (params) return new_ref(params);
  if (errors::occurred()) return nullptr;
  return tuple_new(0);
}
int type_type_params_set(Object* self, Object* value, void*) {
  TypeObject* type = as_type(self);
  // Any object is accepted (3.14 checks only the type's mutability).
  if (!check_set_special_type_attr(type, value, "__type_params__")) return -1;
  if (dict_set_item(type->dict, name_of("__type_params__"), value) < 0) return -1;
  type_modified(type);
  return 0;
}

TypeObject* best_base(Object* bases);  // below

// type_get_text_signature: from tp_doc; a heap type's tp_doc is its __doc__ string.
Object* type_text_signature_get(Object* self, void*) {
  TypeObject* type = as_type(self);
  const char* doc = type->doc;
  if (type_has_feature(type, kTpflagsHeaptype)) {
    Object* d = dict_get_item(type->dict, name_of("__doc__"));
    doc = d && str_check(d) ? str_as_utf8(d) : nullptr;
    if (!doc) errors::clear();
  }
  return text_signature_from_internal_doc(type->name, doc, 0);
}

// type_set_bases (type_set_bases_unlocked): the checks of CPython, then type_replace_bases.
int type_bases_set(Object* self, Object* new_bases, void*) {
  TypeObject* type = as_type(self);
  if (!check_set_special_type_attr(type, new_bases, "__bases__")) return -1;
  if (!tuple_check(new_bases)) {
    errors::format(exc_TypeError, "can only assign tuple to %s.__bases__, not %s", type->name,
                   new_bases->type->name);
    return -1;
  }
  ssize n = tuple_size(new_bases);
  if (n == 0) {
    errors::format(exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                   type->name);
    return -1;
  }
  for (ssize i = 0; i < n; ++i) {
    Object* ob = tuple_item(new_bases, i);
    if (!type_check_type(ob)) {
      errors::format(exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", type->name,
                     ob->type->name);
      return -1;
    }
    TypeObject* base = as_type(ob);
    bool cycle = is_subtype(base, type);
    for (TypeObject* b = base; !cycle && b; b = b->base) cycle = b == type;
    if (cycle) {
      errors::set_string(exc_TypeError, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  TypeObject* new_base = best_base(new_bases);
  if (!new_base) return -1;
  if (!compatible_for_assignment(type->base, new_base, "__bases__")) return -1;
  return type_replace_bases(type, new_bases, new_base);
}

GetSetDef type_getsets[] = {
    {"__name__", type_name_get, type_name_set, nullptr, nullptr},
    {"__qualname__", type_qualname_get, type_qualname_set, nullptr, nullptr},
    {"__bases__", type_bases_get, type_bases_set, nullptr, nullptr},
    {"__mro__", type_mro_get, nullptr, nullptr, nullptr},
    {"__module__", type_module_get, type_module_set, nullptr, nullptr},
    {"__abstractmethods__", type_abstractmethods_get, type_abstractmethods_set, nullptr,
     nullptr},
    {"__dict__", type_dict_get, nullptr, nullptr, nullptr},
    {"__doc__", type_doc_get, type_doc_set, nullptr, nullptr},
    {"__text_signature__", type_text_signature_get, nullptr, nullptr, nullptr},
    {"__annotations__", type_annotations_get, type_annotations_set, nullptr, nullptr},
    {"__annotate__", type_annotate_get, type_annotate_set, nullptr, nullptr},
    {"__type_params__", type_type_params_get, type_type_params_set, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// type_mro_impl: always a list.
Object* type_mro_method(Object* self, Object*) {
  Object* seq = mro_implementation_public(as_type(self));
  if (seq && !list_check(seq)) {
    Object* l = sequence_list(seq);
    decref(seq);
    seq = l;
  }
  return seq;
}
Object* type_subclasses_method(Object* self, Object*) { return type_subclasses(as_type(self)); }
Object* type_prepare(Object*, Object* const*, ssize, Object*) { return dict_new(); }
Object* type_instancecheck(Object* self, Object* inst) {
  int r = type_instancecheck_plain(inst, self);
  if (r < 0) return nullptr;
  return bool_from_long(r);
}
Object* type_subclasscheck(Object* self, Object* sub) {
  int r = type_subclasscheck_plain(sub, self);
  if (r < 0) return nullptr;
  return bool_from_long(r);
}
Object* type_dir(Object* self, Object*) {
  Ref<> dict = Ref<>::steal(dict_new());
  if (!dict || merge_class_dict(dict.get(), self) < 0) return nullptr;
  return dict_keys(dict.get());
}
Object* type_sizeof(Object* self, Object*) {
  TypeObject* type = as_type(self);
  ssize size = type_has_feature(type, kTpflagsHeaptype) ? static_cast<ssize>(sizeof(HeapTypeObject))
                                                        : static_cast<ssize>(sizeof(TypeObject));
  return long_from_ssize(size);
}

MethodDef type_methods[] = {
    {"mro", reinterpret_cast<void*>(type_mro_method), kMethNoArgs,
     "Return a type's method resolution order."},
    {"__subclasses__", reinterpret_cast<void*>(type_subclasses_method), kMethNoArgs,
     "Return a list of immediate subclasses."},
    {"__prepare__", reinterpret_cast<void*>(type_prepare),
     kMethFastcall | kMethKeywords | kMethClass,
     "__prepare__($cls, name, bases, /, **kwds)\n--\n\nCreate the namespace for the class "
     "statement"},
    {"__instancecheck__", reinterpret_cast<void*>(type_instancecheck), kMethO,
     "Check if an object is an instance."},
    {"__subclasscheck__", reinterpret_cast<void*>(type_subclasscheck), kMethO,
     "Check if a class is a subclass."},
    {"__dir__", reinterpret_cast<void*>(type_dir), kMethNoArgs,
     "Specialized __dir__ implementation for types."},
    {"__sizeof__", reinterpret_cast<void*>(type_sizeof), kMethNoArgs,
     "Return memory consumption of the type object."},
    {nullptr, nullptr, 0, nullptr}};

int type_init(Object*, Object* args, Object* kwds) {
  ssize nargs = tuple_size(args);
  if (nargs == 1 && kwds && dict_size(kwds)) {
    errors::set_string(exc_TypeError, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    errors::set_string(exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Object* type_new_slot(TypeObject* metatype, Object* args, Object* kwds) {
  return type_new(metatype, args, kwds);
}

// type.__or__ (X | Y) needs the union type; not available yet.

}  // namespace

// type_or: int | str (types.UnionType, genericaliasobject.h).
Object* type_or(Object* self, Object* other) { return union_type_or(self, other); }
NumberMethods type_as_number = [] {
  NumberMethods n{};
  n.or_ = type_or;
  return n;
}();

TypeObject Type_Type = [] {
  TypeObject t = static_type("type", sizeof(HeapTypeObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsTypeSubclass |
                                 kTpflagsHaveVectorcall);
  t.dealloc = type_dealloc;
  t.vectorcall_offset = static_cast<ssize>(offsetof(TypeObject, vectorcall));
  t.repr = type_repr;
  t.as_number = &type_as_number;
  t.call = type_call;
  t.getattro = type_getattro;
  t.setattro = type_setattro;
  t.traverse = type_traverse;
  t.clear = type_clear;
  t.methods = type_methods;
  t.getset = type_getsets;
  t.members = type_members;
  t.base = &BaseObject_Type;
  t.dictoffset = static_cast<ssize>(offsetof(TypeObject, dict));
  t.init = type_init;
  t.alloc = type_generic_alloc;
  t.new_ = type_new_slot;
  t.is_gc = type_is_gc;
  t.weaklistoffset = static_cast<ssize>(offsetof(TypeObject, weaklist));
  t.doc =
      "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  return t;
}();

// --- type_new: classes at run time ------------------------------------------------------------

namespace {

// _PyType_CalculateMetaclass.
TypeObject* calculate_metaclass(TypeObject* metatype, Object* bases) {
  TypeObject* winner = metatype;
  ssize n = tuple_size(bases);
  for (ssize i = 0; i < n; ++i) {
    TypeObject* tmptype = tuple_item(bases, i)->type;
    if (is_subtype(winner, tmptype)) continue;
    if (is_subtype(tmptype, winner)) {
      winner = tmptype;
      continue;
    }
    errors::set_string(exc_TypeError,
                       "metaclass conflict: the metaclass of a derived class must be a "
                       "(non-strict) subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

bool shape_differs(TypeObject* t1, TypeObject* t2) {
  return t1->basicsize != t2->basicsize || t1->itemsize != t2->itemsize;
}

// solid_base: the most derived base that adds to the instance layout.
TypeObject* solid_base(TypeObject* type) {
  TypeObject* base = type->base ? solid_base(type->base) : &BaseObject_Type;
  if (type->base && shape_differs(type, type->base)) {
    // Only slots, a dict or weakref list added by heap types count as "no new layout"
    // when the extra space is exactly that.
    ssize extra = type->basicsize - type->base->basicsize;
    ssize allowed = 0;
    if (type_has_feature(type, kTpflagsHeaptype)) {
      if (type->dictoffset && !type->base->dictoffset) allowed += sizeof(Object*);
      if (type->weaklistoffset && !type->base->weaklistoffset) allowed += sizeof(Object*);
    }
    if (extra != allowed || type->itemsize != type->base->itemsize) return type;
  }
  return base;
}

TypeObject* best_base(Object* bases) {
  ssize n = tuple_size(bases);
  TypeObject* base = nullptr;
  TypeObject* winner = nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* base_proto = tuple_item(bases, i);
    if (!type_check_type(base_proto)) {
      errors::set_string(exc_TypeError, "bases must be types");
      return nullptr;
    }
    TypeObject* base_i = as_type(base_proto);
    if (!type_has_feature(base_i, kTpflagsReady) && type_ready(base_i) < 0) return nullptr;
    if (!type_has_feature(base_i, kTpflagsBasetype)) {
      errors::format(exc_TypeError, "type '%.100s' is not an acceptable base type", base_i->name);
      return nullptr;
    }
    TypeObject* candidate = solid_base(base_i);
    if (winner == nullptr) {
      winner = candidate;
      base = base_i;
    } else if (is_subtype(winner, candidate)) {
      // keep
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = base_i;
    } else {
      errors::set_string(exc_TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

// The __slots__ names, validated and mangled (type_new_visit_slots / type_new_copy_slots).
// _Py_Mangle for a slot name: "__x" in class "_C" is "_C__x"; dunder names, dotted names
// and classes named only with underscores keep the name. A new reference.
Object* mangle_slot_name(Object* class_name, Object* name) {
  ssize len = 0, clen = 0;
  const char* s = str_as_utf8(name, &len);
  const char* c = str_as_utf8(class_name, &clen);
  if (!s || !c) return nullptr;
  if (len < 2 || s[0] != '_' || s[1] != '_' || (len >= 4 && s[len - 1] == '_' && s[len - 2] == '_') ||
      std::memchr(s, '.', static_cast<size_t>(len)))
    return new_ref(name);
  while (clen > 0 && *c == '_') {
    ++c;
    --clen;
  }
  if (clen == 0) return new_ref(name);
  std::string mangled = "_";
  mangled.append(c, static_cast<size_t>(clen));
  mangled.append(s, static_cast<size_t>(len));
  return str_from_utf8(mangled.data(), static_cast<ssize>(mangled.size()));
}

// names receives new references (the mangled names), released by the caller.
int parse_slots(Object* slots, Object* class_name, TypeObject* base, std::vector<Ref<>>* names,
                bool* add_dict, bool* add_weak, Object* dict) {
  Ref<> seq;
  if (str_check(slots)) {
    seq = Ref<>::steal(tuple_pack(1, slots));
  } else {
    seq = Ref<>::steal(sequence_tuple(slots));
  }
  if (!seq) return -1;
  ssize n = tuple_size(seq.get());
  // type_new_get_slots: a variable-size base takes no slot at all, not even __dict__.
  if (n > 0 && base->itemsize != 0) {
    errors::format(exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                   base->name);
    return -1;
  }
  for (ssize i = 0; i < n; ++i) {
    Object* name = tuple_item(seq.get(), i);
    if (!str_check(name)) {
      errors::format(exc_TypeError, "__slots__ items must be strings, not '%.200s'",
                     name->type->name);
      return -1;
    }
    // valid_identifier: PyUnicode_IsIdentifier (XID_Start then XID_Continue characters).
    ssize nchars = str_length(name);
    bool ident = nchars > 0 && (str_read_char(name, 0) == '_' ||
                                unicode::is_xid_start(str_read_char(name, 0)));
    for (ssize j = 1; j < nchars && ident; ++j)
      ident = unicode::is_xid_continue(str_read_char(name, j));
    const char* s = str_as_utf8(name);
    if (!ident) {
      errors::set_string(exc_TypeError, "__slots__ must be identifiers");
      return -1;
    }
    if (std::strcmp(s, "__dict__") == 0) {
      if (*add_dict) {
        errors::set_string(exc_TypeError, "__dict__ slot disallowed: we already got one");
        return -1;
      }
      *add_dict = true;
      continue;
    }
    if (std::strcmp(s, "__weakref__") == 0) {
      if (*add_weak) {
        errors::set_string(exc_TypeError, "__weakref__ slot disallowed: we already got one");
        return -1;
      }
      *add_weak = true;
      continue;
    }
    Ref<> mangled_ref = Ref<>::steal(mangle_slot_name(class_name, name));
    if (!mangled_ref) return -1;
    Object* mangled = mangled_ref.get();
    names->push_back(std::move(mangled_ref));
    if (dict_get_item(dict, mangled) && str_compare_cstr(mangled, "__qualname__") != 0 &&
        str_compare_cstr(mangled, "__classcell__") != 0 &&
        str_compare_cstr(mangled, "__classdictcell__") != 0) {
      // The names the compiler puts in the namespace are deleted from the class dict later,
      // so they do not act as class variables; anything else conflicts. A name given twice
      // makes two members, the second one visible (CPython does not refuse it).
      errors::format(exc_ValueError, "%R in __slots__ conflicts with class variable", mangled);
      return -1;
    }
  }
  std::sort(names->begin(), names->end(), [](const Ref<>& a, const Ref<>& b) {
    return std::strcmp(str_as_utf8(a.get()), str_as_utf8(b.get())) < 0;
  });
  return 0;
}

// type_new_set_names: __set_name__(owner, name) on every attribute that defines it.
int set_names(TypeObject* type) {
  Ref<> names_to_set = Ref<>::steal(dict_copy(type->dict));
  if (!names_to_set) return -1;
  ssize pos = 0;
  Object *key, *value;
  while (dict_next(names_to_set.get(), &pos, &key, &value)) {
    Object* set_name = type_lookup(value->type, name_of("__set_name__"));
    if (!set_name) continue;
    Ref<> sn = Ref<>::borrow(set_name);
    Ref<> res = Ref<>::steal(object_call_function_obj_args(set_name, value, type, key, nullptr));
    if (!res) {
      // _PyErr_FormatNote: a note names the attribute (3.12+ no longer wraps the exception).
      Object* exc = errors::get_raised_exception();
      Ref<> note = Ref<>::steal(str_from_format("Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                                                value->type->name, key, type->name));
      if (note && exc) {
        if (exception_add_note(exc, note.get()) < 0) {
          decref(exc);
          return -1;
        }
      }
      errors::clear();
      errors::set_raised_exception(exc);
      return -1;
    }
  }
  return 0;
}

// type_new_init_subclass: super(type, type).__init_subclass__(**kwds).
TypeObject* supercheck(TypeObject* type, Object* obj);  // below

// type_new_init_subclass: super(type, type).__init_subclass__(**kwds).
int init_subclass(TypeObject* type, Object* kwds) {
  // super()'s check: a custom mro() may have left the class out of its own MRO.
  TypeObject* checked = supercheck(type, type);
  if (!checked) return -1;
  decref(checked);
  Object* mro = type->mro;
  ssize n = tuple_size(mro);
  Object* name = name_of("__init_subclass__");
  // super_getattro: the search starts after the class's own entry.
  ssize start = 0;
  while (start + 1 < n && tuple_item(mro, start) != type) ++start;
  for (ssize i = start + 1; i < n; ++i) {
    auto* base = as_type(tuple_item(mro, i));
    Object* func = base->dict ? dict_get_item(base->dict, name) : nullptr;
    if (!func) continue;
    Ref<> f = Ref<>::borrow(func);
    Ref<> bound;
    descrgetfunc get = func->type->descr_get;
    if (get) bound = Ref<>::steal(get(func, nullptr, type));
    else bound = f;
    if (!bound) return -1;
    Ref<> empty = Ref<>::steal(tuple_new(0));
    Ref<> res = Ref<>::steal(object_call(bound.get(), empty.get(), kwds));
    return res ? 0 : -1;
  }
  return 0;
}

}  // namespace

TypeObject* type_solid_base(TypeObject* type) { return solid_base(type); }

Object* type_new(TypeObject* metatype, Object* args, Object* kwds) {
  if (!tuple_check(args) || tuple_size(args) != 3) {
    // PyArg_ParseTuple(args, "UO!O!:type.__new__", ...)
    errors::format(exc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)",
                   tuple_check(args) ? tuple_size(args) : ssize(0));
    return nullptr;
  }
  Object* name = tuple_item(args, 0);
  Object* bases = tuple_item(args, 1);
  Object* orig_dict = tuple_item(args, 2);
  if (!str_check(name)) {
    return errors::format(exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                          name->type->name);
  }
  if (!tuple_check(bases)) {
    return errors::format(exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                          bases->type->name);
  }
  if (!dict_check(orig_dict)) {
    return errors::format(exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                          orig_dict->type->name);
  }
  {
    // type_new_set_name: tp_name is the UTF-8 name, which must be a C string.
    ssize name_size = 0;
    const char* cname = str_as_utf8(name, &name_size);
    if (!cname) return nullptr;
    if (std::strlen(cname) != static_cast<size_t>(name_size)) {
      errors::set_string(exc_ValueError, "type name must not contain null characters");
      return nullptr;
    }
  }
  // type_new_get_bases: a base that is no type but has __mro_entries__ needs a class
  // statement (or types.new_class) to be resolved.
  for (ssize i = 0; i < tuple_size(bases); ++i) {
    Object* b = tuple_item(bases, i);
    if (type_check_type(b)) continue;
    Object* entries = nullptr;
    if (object_get_optional_attr(b, name_of("__mro_entries__"), &entries) < 0) return nullptr;
    if (entries) {
      decref(entries);
      errors::set_string(exc_TypeError,
                         "type() doesn't support MRO entry resolution; use types.new_class()");
      return nullptr;
    }
  }
  TypeObject* winner = calculate_metaclass(metatype, bases);
  if (!winner) return nullptr;
  if (winner != metatype) {
    if (winner->new_ != type_new_slot) return winner->new_(winner, args, kwds);
    metatype = winner;
  }
  Ref<> bases_ref;
  if (tuple_size(bases) == 0) {
    bases_ref = Ref<>::steal(tuple_pack(1, &BaseObject_Type));
    if (!bases_ref) return nullptr;
    bases = bases_ref.get();
  } else {
    bases_ref = Ref<>::borrow(bases);
  }
  TypeObject* base = best_base(bases);
  if (!base) return nullptr;
  Ref<> dict = Ref<>::steal(dict_copy(orig_dict));
  if (!dict) return nullptr;

  // __slots__
  Object* slots = dict_get_item(dict.get(), name_of("__slots__"));
  std::vector<Ref<>> slot_names;
  bool add_dict = false, add_weak = false;
  Ref<> qualname = Ref<>::borrow(dict_get_item(dict.get(), name_of("__qualname__")));
  if (qualname) {
    if (!str_check(qualname.get())) {
      return errors::format(exc_TypeError, "type __qualname__ must be a str, not %s",
                            qualname->type->name);
    }
    if (dict_del_item(dict.get(), name_of("__qualname__")) < 0) return nullptr;
  }
  Ref<> slots_ref = Ref<>::borrow(slots);
  if (slots) {
    if (parse_slots(slots, name, base, &slot_names, &add_dict, &add_weak, dict.get()) < 0)
      return nullptr;
    if (add_dict && base->dictoffset) {
      errors::set_string(exc_TypeError, "__dict__ slot disallowed: we already got one");
      return nullptr;
    }
    if (add_weak && base->weaklistoffset) {
      errors::set_string(exc_TypeError, "__weakref__ slot disallowed: we already got one");
      return nullptr;
    }
    // type_new_slots_impl: secondary bases may provide weakrefs or a dict (minidom's
    // ProcessingInstruction(Childless, Node) with Childless.__slots__ = () gets Node's dict).
    bool may_add_dict = base->dictoffset == 0;
    bool may_add_weak = base->weaklistoffset == 0 && base->itemsize == 0;
    if (tuple_size(bases) > 1 && ((may_add_dict && !add_dict) || (may_add_weak && !add_weak))) {
      for (ssize i = 0; i < tuple_size(bases); ++i) {
        Object* obj = tuple_item(bases, i);
        if (obj == base) continue;  // the primary base
        auto* b = static_cast<TypeObject*>(obj);
        if (may_add_dict && !add_dict && b->dictoffset != 0) add_dict = true;
        if (may_add_weak && !add_weak && b->weaklistoffset != 0) add_weak = true;
        if ((!may_add_dict || add_dict) && (!may_add_weak || add_weak)) break;
      }
    }
  } else {
    add_dict = base->dictoffset == 0;
    add_weak = base->weaklistoffset == 0 && base->itemsize == 0;
  }
  // As CPython's type_new_slots, only the best base decides: class C(N, B) where N has
  // __slots__ = () and B a __dict__ gets a dict of its own (typing's _SpecialGenericAlias).

  // Allocate the type.
  auto* et = static_cast<HeapTypeObject*>(metatype->alloc(metatype, 0));
  if (!et) return nullptr;
  Ref<> type_ref = Ref<>::steal(et);
  TypeObject* type = et;
  et->ht_name = new_ref(name);
  et->ht_qualname = new_ref(qualname ? qualname.get() : name);
  ssize namelen = 0;
  const char* cname = str_as_utf8(name, &namelen);
  et->ht_tpname = new char[static_cast<size_t>(namelen) + 1];
  std::memcpy(et->ht_tpname, cname, static_cast<size_t>(namelen) + 1);
  type->name = et->ht_tpname;
  type->flags = kTpflagsHeaptype | kTpflagsBasetype | kTpflagsHaveGc;
  type->as_async = &et->async_methods;
  type->as_number = &et->number_methods;
  type->as_sequence = &et->sequence_methods;
  type->as_mapping = &et->mapping_methods;
  type->as_buffer = &et->buffer_procs;
  type->bases = bases_ref.release();
  type->base = static_cast<TypeObject*>(new_ref<Object>(base));
  type->dict = dict.release();
  type->basicsize = base->basicsize;
  type->itemsize = base->itemsize;
  type->dealloc = subtype_dealloc;
  type->traverse = subtype_traverse;
  type->clear = subtype_clear;
  type->alloc = type_generic_alloc;
  type->free = object_generic_free;
  // ht_slots: the tuple of slot names besides __dict__ and __weakref__ (filled below), or
  // null without __slots__ (same_slots_added compares them).
  et->ht_slots = nullptr;
  if (slots) {
    et->ht_slots = tuple_new(0);
    if (!et->ht_slots) return nullptr;
  }

  // type_new_set_module: __module__ defaults to the __name__ of the running frame's globals.
  if (!dict_get_item(type->dict, name_of("__module__"))) {
    Object* globals = vm::eval_get_globals();
    Object* module = globals && dict_check(globals) ? dict_get_item(globals, name_of("__name__"))
                                                    : nullptr;
    if (module && dict_set_item(type->dict, name_of("__module__"), module) < 0) return nullptr;
  }
  // Special methods that must be class/static methods.
  for (const char* special : {"__init_subclass__", "__class_getitem__"}) {
    Object* f = dict_get_item(type->dict, name_of(special));
    if (f && f->type->descr_get && !type_check(f, &classmethod_type) &&
        !type_check(f, &staticmethod_type) && f->type != &cfunction_type) {
      Ref<> cm = Ref<>::steal(classmethod_new(f));
      if (!cm || dict_set_item(type->dict, name_of(special), cm.get()) < 0) return nullptr;
    }
  }
  {
    Object* f = dict_get_item(type->dict, name_of("__new__"));
    if (f && f->type->descr_get && !type_check(f, &staticmethod_type) &&
        !type_check(f, &classmethod_type) && f->type != &cfunction_type) {
      Ref<> sm = Ref<>::steal(staticmethod_new(f));
      if (!sm || dict_set_item(type->dict, name_of("__new__"), sm.get()) < 0) return nullptr;
    }
  }

  // Slots become members after the base's layout.
  ssize nslots = ssize(slot_names.size());
  if (nslots) {
    type->members = new MemberDef[static_cast<size_t>(nslots) + 1]();
    for (ssize i = 0; i < nslots; ++i) {
      MemberDef& m = type->members[i];
      m.name = str_as_utf8(slot_names[static_cast<size_t>(i)].get());
      m.type = kMemberObjectEx;
      m.offset = type->basicsize;
      m.flags = 0;
      m.doc = nullptr;
      type->basicsize += static_cast<ssize>(sizeof(Object*));
    }
    // Keep the names alive for the MemberDef pointers.
    std::vector<Object*> raw_names;
    for (const Ref<>& n : slot_names) raw_names.push_back(n.get());
    Ref<> names_tuple = Ref<>::steal(tuple_from_array(raw_names.data(), nslots));
    if (!names_tuple) return nullptr;
    xsetref(et->ht_slots, names_tuple.release());
    for (ssize i = 0; i < nslots; ++i) type->members[i].name = str_as_utf8(tuple_item(et->ht_slots, i));
  }
  if (add_dict) {
    // Over a variable-size base (int, tuple, bytes) the dict follows the items: a negative
    // offset from the end of the object (object_dict_ptr), as in CPython's type_new.
    if (base->itemsize)
      type->dictoffset = -static_cast<ssize>(sizeof(Object*));
    else
      type->dictoffset = type->basicsize;
    type->basicsize += static_cast<ssize>(sizeof(Object*));
  }
  if (add_weak) {
    type->weaklistoffset = type->basicsize;
    type->basicsize += static_cast<ssize>(sizeof(Object*));
  }
  if (add_dict && add_weak) type->getset = subtype_getsets_full;
  else if (add_dict) type->getset = subtype_getsets_dict_only;
  else if (add_weak) type->getset = subtype_getsets_weakref_only;
  type->flags |= base->flags & kTpflagsHaveGc;
  // What CPython keeps in the pre-header (type.__flags__ shows it; shown_basicsize too).
  type->flags |= base->flags & (kTpflagsManagedDict | kTpflagsManagedWeakref);
  if (add_dict) type->flags |= kTpflagsManagedDict;
  if (add_weak) type->flags |= kTpflagsManagedWeakref;
  // type_new_set_classcell / type_new_set_classdictcell: fill the class body's __class__ and
  // __classdict__ cells and drop them from the new type's dict, before type_ready adds the
  // member descriptors (a __slots__ entry may have the same name).
  {
    Object* cell = dict_get_item(type->dict, name_of("__classcell__"));
    if (cell) {
      if (!cell_check(cell)) {
        errors::format(exc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R",
                       static_cast<Object*>(cell->type));
        return nullptr;
      }
      cell_set_steal(cell, new_ref(static_cast<Object*>(type)));
      if (dict_del_item(type->dict, name_of("__classcell__")) < 0) return nullptr;
    }
    cell = dict_get_item(type->dict, name_of("__classdictcell__"));
    if (cell) {
      if (!cell_check(cell)) {
        errors::format(exc_TypeError, "__classdictcell__ must be a nonlocal cell, not %.200R",
                       static_cast<Object*>(cell->type));
        return nullptr;
      }
      cell_set_steal(cell, new_ref(type->dict));
      if (dict_del_item(type->dict, name_of("__classdictcell__")) < 0) return nullptr;
    }
  }
  if (type_ready(type) < 0) return nullptr;
  if (type_init_inline_values(type) < 0) return nullptr;
  typeobject_internal::fixup_slot_dispatchers(type);
  {
    // type_new_impl warns about a namespace key that is not a str (the class still works).
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(type->dict, &pos, &key, &value)) {
      if (str_check(key)) continue;
      if (errors::warn_format(exc_RuntimeWarning, 1,
                              "non-string key in the __dict__ of class %.200s", type->name) < 0)
        return nullptr;
      break;
    }
  }
  if (set_names(type) < 0) return nullptr;
  if (init_subclass(type, kwds) < 0) return nullptr;
  return type_ref.release();
}

// --- super ------------------------------------------------------------------------------------

namespace {

struct SuperObject : Object {
  TypeObject* type;
  Object* obj;
  TypeObject* obj_type;
};

inline SuperObject* su(Object* o) { return static_cast<SuperObject*>(o); }

void super_dealloc(Object* self) {
  gc::untrack(self);
  xdecref(su(self)->obj);
  xdecref(su(self)->type);
  xdecref(su(self)->obj_type);
  self->type->free(self);
}
int super_traverse(Object* self, visitproc visit, void* arg) {
  for (Object* o : {su(self)->obj, static_cast<Object*>(su(self)->type),
                    static_cast<Object*>(su(self)->obj_type)})
    if (o)
      if (int r = visit(o, arg)) return r;
  return 0;
}

Object* super_repr(Object* self) {
  SuperObject* s = su(self);
  const char* tname = s->type ? s->type->name : "NULL";
  if (s->obj_type)
    return str_from_format("<super: <class '%s'>, <%s object>>", tname, s->obj_type->name);
  return str_from_format("<super: <class '%s'>, NULL>", tname);
}

// super_getattro: the MRO of the instance's type, after su->type.
Object* super_getattro(Object* self, Object* name) {
  SuperObject* s = su(self);
  TypeObject* starttype = s->obj_type;
  if (starttype == nullptr || (str_check(name) && str_compare_cstr(name, "__class__") == 0))
    return object_generic_getattr(self, name);
  Object* mro = starttype->mro;
  if (!mro) return object_generic_getattr(self, name);
  ssize n = tuple_size(mro);
  ssize i;
  for (i = 0; i + 1 < n; ++i)
    if (tuple_item(mro, i) == s->type) break;
  ++i;
  if (i >= n) return object_generic_getattr(self, name);
  Ref<> keep = Ref<>::borrow(mro);
  for (; i < n; ++i) {
    auto* base = as_type(tuple_item(mro, i));
    Object* res = base->dict ? dict_get_item_with_error(base->dict, name) : nullptr;
    if (res) {
      Ref<> r = Ref<>::borrow(res);
      descrgetfunc f = res->type->descr_get;
      if (f) return f(res, s->obj == starttype ? nullptr : s->obj, starttype);
      return r.release();
    }
    if (errors::occurred()) return nullptr;
  }
  return object_generic_getattr(self, name);
}

// supercheck: the type whose MRO super() walks.
TypeObject* supercheck(TypeObject* type, Object* obj) {
  if (type_check_type(obj) && is_subtype(as_type(obj), type)) return static_cast<TypeObject*>(new_ref(obj));
  if (is_subtype(obj->type, type)) return static_cast<TypeObject*>(new_ref<Object>(obj->type));
  Object* class_attr = nullptr;
  if (object_get_optional_attr(obj, name_of("__class__"), &class_attr) < 0) return nullptr;
  if (class_attr && type_check_type(class_attr) && class_attr != obj->type &&
      is_subtype(as_type(class_attr), type))
    return as_type(class_attr);
  xdecref(class_attr);
  const char* type_or_instance = type_check_type(obj) ? "type" : "instance of";
  const char* obj_str = type_check_type(obj) ? as_type(obj)->name : obj->type->name;
  errors::format(exc_TypeError, "super(type, obj): obj (%s %.200s) is not an instance or subtype "
                 "of type (%.200s).",
                 type_or_instance, obj_str, type->name);
  return nullptr;
}

// super_init_without_args: the first local (through its cell if it is one) and the class in
// the __class__ free variable of the frame that called super().
int super_init_without_args(vm::Frame* f, Object** type_p, Object** obj_p) {
  CodeObject* co = vm::frame_code(f);
  if (co->co_argcount == 0) {
    errors::set_string(exc_RuntimeError, "super(): no arguments");
    return -1;
  }
  Object* firstarg = f->localsplus[0];
  if (!firstarg) {
    errors::set_string(exc_RuntimeError, "super(): arg[0] deleted");
    return -1;
  }
  if ((code_local_kind(co, 0) & kCoFastCell) && cell_check(firstarg)) firstarg = cell_get(firstarg);
  if (!firstarg) {
    errors::set_string(exc_RuntimeError, "super(): arg[0] deleted");
    return -1;
  }
  Object* type = nullptr;
  for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
    Object* name = code_local_name(co, i);
    if (str_check(name) && std::strcmp(str_as_utf8(name), "__class__") == 0) {
      Object* cell = f->localsplus[i];
      if (!cell || !cell_check(cell)) {
        errors::set_string(exc_RuntimeError, "super(): bad __class__ cell");
        return -1;
      }
      type = cell_get(cell);
      if (!type) {
        errors::set_string(exc_RuntimeError, "super(): empty __class__ cell");
        return -1;
      }
      if (!type_check_type(type)) {
        errors::format(exc_RuntimeError, "super(): __class__ is not a type (%s)",
                       type->type->name);
        return -1;
      }
      break;
    }
  }
  if (!type) {
    errors::set_string(exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
  }
  *type_p = type;
  *obj_p = firstarg;
  return 0;
}

int super_init(Object* self, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds)) {
    errors::set_string(exc_TypeError, "super() takes no keyword arguments");
    return -1;
  }
  ssize n = tuple_size(args);
  if (n > 2) {
    errors::format(exc_TypeError, "super() expected at most 2 arguments, got %zd", n);
    return -1;
  }
  Object* type = n > 0 ? tuple_item(args, 0) : nullptr;
  Object* obj = n > 1 ? tuple_item(args, 1) : nullptr;
  if (!type) {
    // super() without arguments: __class__ and the first argument of the calling frame.
    vm::Frame* f = vm::current_frame();
    while (f && vm::frame_is_incomplete(f)) f = f->previous;
    if (!f) {
      errors::set_string(exc_RuntimeError, "super(): no current frame");
      return -1;
    }
    if (super_init_without_args(f, &type, &obj) < 0) return -1;
  }
  if (!type_check_type(type)) {
    errors::format(exc_TypeError, "super() argument 1 must be a type, not %.200s",
                   type->type->name);
    return -1;
  }
  if (obj == none()) obj = nullptr;
  TypeObject* obj_type = nullptr;
  if (obj) {
    obj_type = supercheck(as_type(type), obj);
    if (!obj_type) return -1;
    incref(obj);
  }
  SuperObject* s = su(self);
  xsetref(s->type, static_cast<TypeObject*>(new_ref(type)));
  xsetref(s->obj, obj);
  xsetref(s->obj_type, obj_type);
  return 0;
}

Object* super_descr_get(Object* self, Object* obj, Object*) {
  SuperObject* s = su(self);
  if (obj == nullptr || obj == none() || s->obj != nullptr) return new_ref(self);
  if (self->type != &super_type) return object_call_function_obj_args(self->type, s->type, obj, nullptr);
  TypeObject* obj_type = supercheck(s->type, obj);
  if (!obj_type) return nullptr;
  Object* newobj = type_generic_alloc(&super_type, 0);
  if (!newobj) {
    decref(obj_type);
    return nullptr;
  }
  su(newobj)->type = static_cast<TypeObject*>(new_ref<Object>(s->type));
  su(newobj)->obj = new_ref(obj);
  su(newobj)->obj_type = obj_type;
  return newobj;
}

Object* super_thisclass(Object* self, void*) {
  Object* t = su(self)->type;
  return new_ref(t ? t : none());
}
Object* super_self(Object* self, void*) {
  Object* o = su(self)->obj;
  return new_ref(o ? o : none());
}
Object* super_self_class(Object* self, void*) {
  Object* o = su(self)->obj_type;
  return new_ref(o ? o : none());
}
GetSetDef super_getsets[] = {
    {"__thisclass__", super_thisclass, nullptr, "the class invoking super()", nullptr},
    {"__self__", super_self, nullptr, "the instance invoking super(); may be None", nullptr},
    {"__self_class__", super_self_class, nullptr,
     "the type of the instance invoking super(); may be None", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace

// _PySuper_Lookup (do_super_lookup without a super object): name along the MRO of obj's type
// after su_type; a function found there (a method descriptor) is returned unbound with
// *method set when method is given. What the MRO walk does not find (or a type without an
// MRO) goes through a temporary super object's generic lookup, as super(su_type, obj).name.
Object* super_lookup(TypeObject* su_type, Object* su_obj, Object* name, int* method) {
  TypeObject* starttype = supercheck(su_type, su_obj);
  if (!starttype) return nullptr;
  Ref<> start_ref = Ref<>::steal(starttype);
  Object* mro = starttype->mro;
  if (mro) {
    ssize n = tuple_size(mro);
    ssize i;
    for (i = 0; i + 1 < n; ++i)
      if (tuple_item(mro, i) == su_type) break;
    ++i;
    if (i < n) {
      Ref<> keep = Ref<>::borrow(mro);
      for (; i < n; ++i) {
        auto* base = as_type(tuple_item(mro, i));
        Object* res = base->dict ? dict_get_item_with_error(base->dict, name) : nullptr;
        if (res) {
          incref(res);
          if (method && type_has_feature(res->type, kTpflagsMethodDescriptor)) {
            *method = 1;
            return res;
          }
          descrgetfunc f = res->type->descr_get;
          if (!f) return res;
          Object* res2 = f(res, su_obj == starttype ? nullptr : su_obj, starttype);
          decref(res);
          return res2;
        }
        if (errors::occurred()) return nullptr;
      }
    }
  }
  Object* args[2] = {su_type, su_obj};
  Ref<> su = Ref<>::steal(vectorcall(&super_type, args, 2, nullptr));
  if (!su) return nullptr;
  return object_generic_getattr(su.get(), name);
}

TypeObject super_type = [] {
  TypeObject t = static_type("super", sizeof(SuperObject), 0, kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = super_dealloc;
  t.repr = super_repr;
  t.getattro = super_getattro;
  t.traverse = super_traverse;
  t.getset = super_getsets;
  t.descr_get = super_descr_get;
  t.init = super_init;
  t.alloc = type_generic_alloc;
  t.new_ = type_generic_new;
  t.doc =
      "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super "
      "object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\n"
      "super(type, type2) -> bound super object; requires issubclass(type2, type)";
  return t;
}();

}  // namespace cppy::objects
