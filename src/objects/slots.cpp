// The slot table of Objects/typeobject.c: slotdefs, the slot_* functions a class statement
// installs (they call the Python-level dunder methods), the wrap_* functions behind the
// wrapper descriptors of builtin types (int.__add__ ...), add_operators and update_slot.
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "errors/errors.h"
#include "objects/memoryobject.h"
#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/iterobject.h"
#include "objects/methodobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/spec_types.h"
#include "objects/typeobject_internal.h"

namespace cppy::objects {

namespace typeobject_internal {

// The callers pass string literals: a direct-mapped cache keyed by the literal's address
// answers first (the slot functions ask on every call; hashing a std::string each time cost
// a few percent of exception- and class-heavy code), the map by content after.
Object* name_of(const char* dunder) {
  struct Entry {
    const char* key;
    Object* value;
  };
  static Entry by_address[128];
  Entry& e = by_address[(reinterpret_cast<uintptr_t>(dunder) >> 3) & 127];
  if (e.key == dunder) return e.value;
  static std::unordered_map<std::string, Object*> cache;
  auto it = cache.find(dunder);
  Object* s;
  if (it != cache.end()) {
    s = it->second;
  } else {
    s = str_intern_from_cstr(dunder);
    if (!s) return nullptr;
    cache.emplace(dunder, s);
  }
  e.key = dunder;
  e.value = s;
  return s;
}

}  // namespace typeobject_internal

using typeobject_internal::name_of;

namespace {

// --- calling dunder methods (vectorcall_method / vectorcall_maybe) ----------------------------

// Calls type(self).name(self, *args); null without error when the method is missing and
// missing_ok.
Object* call_dunder(Object* self, const char* name, Object* const* args, ssize nargs,
                    bool* found = nullptr) {
  bool unbound = false;
  Object* func = lookup_maybe_method(self, name_of(name), &unbound);
  if (found) *found = func != nullptr;
  if (!func) {
    if (!found && !errors::occurred()) errors::set_object(exc_AttributeError, name_of(name));
    return nullptr;
  }
  Ref<> f = Ref<>::steal(func);
  Object* stack[4];
  if (unbound) {
    stack[0] = self;
    for (ssize i = 0; i < nargs; ++i) stack[i + 1] = args[i];
    return vectorcall(func, stack, static_cast<size_t>(nargs + 1), nullptr);
  }
  for (ssize i = 0; i < nargs; ++i) stack[i + 1] = args[i];
  return vectorcall(func, stack + 1, static_cast<size_t>(nargs) | kVectorcallArgumentsOffset,
                    nullptr);
}

Object* call0(Object* self, const char* name) { return call_dunder(self, name, nullptr, 0); }
Object* call1(Object* self, const char* name, Object* a) {
  Object* args[1] = {a};
  return call_dunder(self, name, args, 1);
}
Object* call2(Object* self, const char* name, Object* a, Object* b) {
  Object* args[2] = {a, b};
  return call_dunder(self, name, args, 2);
}

// vectorcall_maybe: NotImplemented when the method is missing.
Object* call_maybe(Object* self, const char* name, Object* const* args, ssize nargs) {
  bool found = false;
  Object* r = call_dunder(self, name, args, nargs, &found);
  if (!found && !errors::occurred()) return return_not_implemented();
  return r;
}

// method_is_overloaded: whether type(right) defines rname differently from type(left).
int method_is_overloaded(Object* left, Object* right, const char* name) {
  Object* b = type_lookup(right->type, name_of(name));
  if (!b) return errors::occurred() ? -1 : 0;
  Object* a = type_lookup(left->type, name_of(name));
  if (!a) return errors::occurred() ? -1 : 1;
  int ok = object_rich_compare_bool(a, b, kNE);
  return ok;
}

// --- slot functions ------------------------------------------------------------------------------

}  // namespace

// SLOT1BINFULL: the binary operator of a class, with the reflected method tried first when
// the right operand's class is a subclass overriding it.
#define CPPY_SLOT_BINARY(FUNC, SLOT, DUNDER, RDUNDER)                                       \
  namespace {                                                                               \
  Object* FUNC(Object* self, Object* other) {                                               \
    bool do_other = self->type != other->type && other->type->as_number &&                  \
                    other->type->as_number->SLOT == FUNC;                                   \
    if (self->type->as_number && self->type->as_number->SLOT == FUNC) {                     \
      if (do_other && is_subtype(other->type, self->type)) {                                \
        int ok = method_is_overloaded(self, other, RDUNDER);                                \
        if (ok < 0) return nullptr;                                                         \
        if (ok) {                                                                           \
          Object* args[1] = {self};                                                         \
          Object* r = call_maybe(other, RDUNDER, args, 1);                                  \
          if (r != not_implemented()) return r;                                             \
          decref(r);                                                                        \
          do_other = false;                                                                 \
        }                                                                                   \
      }                                                                                     \
      Object* args[1] = {other};                                                            \
      Object* r = call_maybe(self, DUNDER, args, 1);                                        \
      if (r != not_implemented() || other->type == self->type) return r;                    \
      decref(r);                                                                            \
    }                                                                                       \
    if (do_other) {                                                                         \
      Object* args[1] = {self};                                                             \
      return call_maybe(other, RDUNDER, args, 1);                                           \
    }                                                                                       \
    return return_not_implemented();                                                        \
  }                                                                                         \
  }

CPPY_SLOT_BINARY(slot_nb_add, add, "__add__", "__radd__")
CPPY_SLOT_BINARY(slot_nb_subtract, subtract, "__sub__", "__rsub__")
CPPY_SLOT_BINARY(slot_nb_multiply, multiply, "__mul__", "__rmul__")
CPPY_SLOT_BINARY(slot_nb_matrix_multiply, matrix_multiply, "__matmul__", "__rmatmul__")
CPPY_SLOT_BINARY(slot_nb_remainder, remainder, "__mod__", "__rmod__")
CPPY_SLOT_BINARY(slot_nb_divmod, divmod, "__divmod__", "__rdivmod__")
CPPY_SLOT_BINARY(slot_nb_lshift, lshift, "__lshift__", "__rlshift__")
CPPY_SLOT_BINARY(slot_nb_rshift, rshift, "__rshift__", "__rrshift__")
CPPY_SLOT_BINARY(slot_nb_and, and_, "__and__", "__rand__")
CPPY_SLOT_BINARY(slot_nb_xor, xor_, "__xor__", "__rxor__")
CPPY_SLOT_BINARY(slot_nb_or, or_, "__or__", "__ror__")
CPPY_SLOT_BINARY(slot_nb_floor_divide, floor_divide, "__floordiv__", "__rfloordiv__")
CPPY_SLOT_BINARY(slot_nb_true_divide, true_divide, "__truediv__", "__rtruediv__")
#undef CPPY_SLOT_BINARY

namespace {

// slot_nb_power: only the two-argument form is dispatched to __rpow__.
Object* slot_nb_power_binary(Object* self, Object* other);
Object* slot_nb_power(Object* self, Object* other, Object* modulus) {
  if (modulus == none()) return slot_nb_power_binary(self, other);
  if (self->type->as_number && self->type->as_number->power == slot_nb_power) {
    Object* args[2] = {other, modulus};
    return call_maybe(self, "__pow__", args, 2);
  }
  return return_not_implemented();
}
Object* slot_nb_power_binary(Object* self, Object* other) {
  bool do_other = self->type != other->type && other->type->as_number &&
                  other->type->as_number->power == slot_nb_power;
  if (self->type->as_number && self->type->as_number->power == slot_nb_power) {
    if (do_other && is_subtype(other->type, self->type)) {
      int ok = method_is_overloaded(self, other, "__rpow__");
      if (ok < 0) return nullptr;
      if (ok) {
        Object* args[1] = {self};
        Object* r = call_maybe(other, "__rpow__", args, 1);
        if (r != not_implemented()) return r;
        decref(r);
        do_other = false;
      }
    }
    Object* args[1] = {other};
    Object* r = call_maybe(self, "__pow__", args, 1);
    if (r != not_implemented() || other->type == self->type) return r;
    decref(r);
  }
  if (do_other) {
    Object* args[1] = {self};
    return call_maybe(other, "__rpow__", args, 1);
  }
  return return_not_implemented();
}

#define CPPY_SLOT_UNARY(FUNC, DUNDER) \
  Object* FUNC(Object* self) { return call0(self, DUNDER); }
CPPY_SLOT_UNARY(slot_nb_negative, "__neg__")
CPPY_SLOT_UNARY(slot_nb_positive, "__pos__")
CPPY_SLOT_UNARY(slot_nb_absolute, "__abs__")
CPPY_SLOT_UNARY(slot_nb_invert, "__invert__")
CPPY_SLOT_UNARY(slot_nb_int, "__int__")
CPPY_SLOT_UNARY(slot_nb_float, "__float__")
CPPY_SLOT_UNARY(slot_nb_index, "__index__")
CPPY_SLOT_UNARY(slot_am_await, "__await__")
CPPY_SLOT_UNARY(slot_am_aiter, "__aiter__")
CPPY_SLOT_UNARY(slot_am_anext, "__anext__")
#undef CPPY_SLOT_UNARY

#define CPPY_SLOT_INPLACE(FUNC, DUNDER) \
  Object* FUNC(Object* self, Object* other) { return call1(self, DUNDER, other); }
CPPY_SLOT_INPLACE(slot_nb_inplace_add, "__iadd__")
CPPY_SLOT_INPLACE(slot_nb_inplace_subtract, "__isub__")
CPPY_SLOT_INPLACE(slot_nb_inplace_multiply, "__imul__")
CPPY_SLOT_INPLACE(slot_nb_inplace_matrix_multiply, "__imatmul__")
CPPY_SLOT_INPLACE(slot_nb_inplace_remainder, "__imod__")
CPPY_SLOT_INPLACE(slot_nb_inplace_lshift, "__ilshift__")
CPPY_SLOT_INPLACE(slot_nb_inplace_rshift, "__irshift__")
CPPY_SLOT_INPLACE(slot_nb_inplace_and, "__iand__")
CPPY_SLOT_INPLACE(slot_nb_inplace_xor, "__ixor__")
CPPY_SLOT_INPLACE(slot_nb_inplace_or, "__ior__")
CPPY_SLOT_INPLACE(slot_nb_inplace_floor_divide, "__ifloordiv__")
CPPY_SLOT_INPLACE(slot_nb_inplace_true_divide, "__itruediv__")
#undef CPPY_SLOT_INPLACE

Object* slot_nb_inplace_power(Object* self, Object* other, Object*) {
  return call1(self, "__ipow__", other);
}

// slot_nb_bool: __bool__, else __len__, else true.
int slot_nb_bool(Object* self) {
  bool unbound;
  bool using_len = false;
  Object* func = lookup_maybe_method(self, name_of("__bool__"), &unbound);
  if (!func) {
    if (errors::occurred()) return -1;
    func = lookup_maybe_method(self, name_of("__len__"), &unbound);
    if (!func) return errors::occurred() ? -1 : 1;
    using_len = true;
  } else if (func == none()) {
    // __bool__ = None makes a class's instances refuse truth testing (3.14), __len__ or not.
    decref(func);
    errors::format(exc_TypeError, "'%.200s' cannot be interpreted as a boolean", self->type->name);
    return -1;
  }
  Ref<> f = Ref<>::steal(func);
  Ref<> value = Ref<>::steal(unbound ? object_call_one_arg(func, self) : object_call_no_args(func));
  if (!value) return -1;
  if (using_len) {
    // The length check of PyObject_Size.
    Ref<> idx = Ref<>::steal(number_index(value.get()));
    if (!idx) return -1;
    long n = long_as_long(idx.get());
    if (n == -1 && errors::occurred()) return -1;
    if (n < 0) {
      errors::set_string(exc_ValueError, "__len__() should return >= 0");
      return -1;
    }
    return n != 0;
  }
  if (value.get() == true_object()) return 1;
  if (value.get() == false_object()) return 0;
  errors::format(exc_TypeError, "__bool__ should return bool, returned %s",
                 value->type->name);
  return -1;
}

// slot_sq_length: __len__ as a non-negative index-sized int.
ssize slot_sq_length(Object* self) {
  Ref<> res = Ref<>::steal(call0(self, "__len__"));
  if (!res) return -1;
  Ref<> idx = Ref<>::steal(number_index(res.get()));
  if (!idx) return -1;
  long len = long_as_long(idx.get());
  if (len == -1 && errors::occurred()) {
    if (errors::exception_matches(exc_OverflowError)) {
      errors::format(exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    return -1;
  }
  if (len < 0) {
    errors::set_string(exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  return len;
}

Object* slot_sq_item(Object* self, ssize i) {
  Ref<> ival = Ref<>::steal(long_from_ssize(i));
  if (!ival) return nullptr;
  return call1(self, "__getitem__", ival.get());
}

int slot_sq_ass_item(Object* self, ssize index, Object* value) {
  Ref<> ival = Ref<>::steal(long_from_ssize(index));
  if (!ival) return -1;
  Ref<> res = Ref<>::steal(value == nullptr ? call1(self, "__delitem__", ival.get())
                                            : call2(self, "__setitem__", ival.get(), value));
  return res ? 0 : -1;
}

// slot_sq_contains: __contains__, or iteration when it is missing; None means "not a
// container".
int slot_sq_contains(Object* self, Object* value) {
  bool unbound;
  Object* func = lookup_maybe_method(self, name_of("__contains__"), &unbound);
  if (func == none()) {
    decref(func);
    errors::format(exc_TypeError, "'%.200s' object is not a container", self->type->name);
    return -1;
  }
  if (func) {
    Ref<> f = Ref<>::steal(func);
    Object* args[2] = {self, value};
    Ref<> res = Ref<>::steal(unbound ? vectorcall(func, args, 2, nullptr)
                                     : vectorcall(func, args + 1, 1, nullptr));
    if (!res) return -1;
    return object_is_true(res.get());
  }
  if (errors::occurred()) return -1;
  return sequence_iter_contains(self, value);
}

Object* slot_mp_subscript(Object* self, Object* key) { return call1(self, "__getitem__", key); }

int slot_mp_ass_subscript(Object* self, Object* key, Object* value) {
  Ref<> res = Ref<>::steal(value == nullptr ? call1(self, "__delitem__", key)
                                            : call2(self, "__setitem__", key, value));
  return res ? 0 : -1;
}

Object* slot_tp_repr(Object* self) {
  bool unbound;
  Object* func = lookup_maybe_method(self, name_of("__repr__"), &unbound);
  if (func) {
    Ref<> f = Ref<>::steal(func);
    return unbound ? object_call_one_arg(func, self) : object_call_no_args(func);
  }
  errors::clear();
  return str_from_format("<%s object at %p>", self->type->name, static_cast<void*>(self));
}

Object* slot_tp_str(Object* self) { return call0(self, "__str__"); }

// slot_tp_hash: __hash__ must return an int; None means unhashable.
hash_t slot_tp_hash(Object* self) {
  bool unbound;
  Object* func = lookup_maybe_method(self, name_of("__hash__"), &unbound);
  if (func == none()) {
    decref(func);
    func = nullptr;
  }
  if (!func) return object_hash_not_implemented(self);
  Ref<> f = Ref<>::steal(func);
  Ref<> res = Ref<>::steal(unbound ? object_call_one_arg(func, self) : object_call_no_args(func));
  if (!res) return -1;
  if (!type_has_feature(res->type, kTpflagsLongSubclass)) {
    errors::set_string(exc_TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // Large ints are reduced by int's own hash, as CPython does.
  long h = long_as_long(res.get());
  if (h == -1 && errors::occurred()) {
    errors::clear();
    return object_hash(res.get());
  }
  return h == -1 ? -2 : h;
}

Object* slot_tp_call(Object* self, Object* args, Object* kwds) {
  bool unbound;
  Object* meth = lookup_maybe_method(self, name_of("__call__"), &unbound);
  if (!meth) {
    if (!errors::occurred())
      errors::format(exc_TypeError, "'%.200s' object is not callable", self->type->name);
    return nullptr;
  }
  Ref<> m = Ref<>::steal(meth);
  if (unbound) {
    ssize n = tuple_size(args);
    Ref<> full = Ref<>::steal(tuple_new(n + 1));
    if (!full) return nullptr;
    tuple_set_item(full.get(), 0, new_ref(self));
    for (ssize i = 0; i < n; ++i) tuple_set_item(full.get(), i + 1, new_ref(tuple_item(args, i)));
    return object_call(meth, full.get(), kwds);
  }
  return object_call(meth, args, kwds);
}

// _Py_slot_tp_getattr_hook: __getattribute__, then __getattr__ on AttributeError.
Object* slot_tp_getattr_hook(Object* self, Object* name) {
  TypeObject* tp = self->type;
  Object* getattr = type_lookup(tp, name_of("__getattr__"));
  Object* getattribute = type_lookup(tp, name_of("__getattribute__"));
  Ref<> ga = Ref<>::borrow(getattr);
  Ref<> gattr = Ref<>::borrow(getattribute);
  Object* res;
  if (getattribute == nullptr ||
      (getattribute->type == &wrapper_descr_type &&
       static_cast<WrapperDescrObject*>(getattribute)->d_wrapped ==
           reinterpret_cast<void*>(object_generic_getattr))) {
    res = getattr ? object_generic_getattr_with_dict(self, name, nullptr, true)
                  : object_generic_getattr(self, name);
  } else {
    Object* args[2] = {self, name};
    descrgetfunc f = getattribute->type->descr_get;
    if (f && !type_has_feature(getattribute->type, kTpflagsMethodDescriptor)) {
      Ref<> bound = Ref<>::steal(f(getattribute, self, tp));
      if (!bound) return nullptr;
      res = object_call_one_arg(bound.get(), name);
    } else {
      res = vectorcall(getattribute, args, 2, nullptr);
    }
  }
  if (getattr == nullptr) return res;
  if (res == nullptr && (errors::occurred() == nullptr || errors::exception_matches(exc_AttributeError))) {
    errors::clear();
    Object* args[2] = {self, name};
    descrgetfunc f = getattr->type->descr_get;
    if (f && !type_has_feature(getattr->type, kTpflagsMethodDescriptor)) {
      Ref<> bound = Ref<>::steal(f(getattr, self, tp));
      if (!bound) return nullptr;
      return object_call_one_arg(bound.get(), name);
    }
    return vectorcall(getattr, args, 2, nullptr);
  }
  return res;
}

int slot_tp_setattro(Object* self, Object* name, Object* value) {
  Ref<> res = Ref<>::steal(value == nullptr ? call1(self, "__delattr__", name)
                                            : call2(self, "__setattr__", name, value));
  return res ? 0 : -1;
}

// slot_tp_richcompare: a failed lookup of the method (a descriptor raising, say) is
// cleared and the comparison falls back (NotImplemented).
#define CPPY_SLOT_RICHCMP(NAME, DUNDER)                         \
  Object* NAME(Object* self, Object* other) {                   \
    Object* args[1] = {other};                                  \
    bool found = false;                                         \
    Object* r = call_dunder(self, DUNDER, args, 1, &found);     \
    if (!found) {                                               \
      errors::clear();                                          \
      return return_not_implemented();                          \
    }                                                           \
    return r;                                                   \
  }
CPPY_SLOT_RICHCMP(richcmp_slot_lt, "__lt__")
CPPY_SLOT_RICHCMP(richcmp_slot_le, "__le__")
CPPY_SLOT_RICHCMP(richcmp_slot_eq, "__eq__")
CPPY_SLOT_RICHCMP(richcmp_slot_ne, "__ne__")
CPPY_SLOT_RICHCMP(richcmp_slot_gt, "__gt__")
CPPY_SLOT_RICHCMP(richcmp_slot_ge, "__ge__")
#undef CPPY_SLOT_RICHCMP

Object* slot_tp_richcompare(Object* self, Object* other, int op) {
  switch (op) {
    case kLT: return richcmp_slot_lt(self, other);
    case kLE: return richcmp_slot_le(self, other);
    case kEQ: return richcmp_slot_eq(self, other);
    case kNE: return richcmp_slot_ne(self, other);
    case kGT: return richcmp_slot_gt(self, other);
    default: return richcmp_slot_ge(self, other);
  }
}

Object* slot_tp_iter(Object* self) {
  bool unbound;
  Object* func = lookup_maybe_method(self, name_of("__iter__"), &unbound);
  if (func == none()) {
    decref(func);
    return errors::format(exc_TypeError, "'%.200s' object is not iterable", self->type->name);
  }
  if (func) {
    Ref<> f = Ref<>::steal(func);
    return unbound ? object_call_one_arg(func, self) : object_call_no_args(func);
  }
  if (errors::occurred()) return nullptr;
  Object* gi = lookup_maybe_method(self, name_of("__getitem__"), &unbound);
  if (!gi) {
    if (!errors::occurred())
      errors::format(exc_TypeError, "'%.200s' object is not iterable", self->type->name);
    return nullptr;
  }
  decref(gi);
  return seqiter_new(self);
}

Object* slot_tp_iternext(Object* self) { return call0(self, "__next__"); }

Object* slot_tp_descr_get(Object* self, Object* obj, Object* type) {
  Object* get = type_lookup(self->type, name_of("__get__"));
  if (get == nullptr) return new_ref(self);
  Ref<> g = Ref<>::borrow(get);
  if (obj == nullptr) obj = none();
  if (type == nullptr) type = none();
  return object_call_function_obj_args(get, self, obj, type, nullptr);
}

int slot_tp_descr_set(Object* self, Object* target, Object* value) {
  Ref<> res = Ref<>::steal(value == nullptr ? call1(self, "__delete__", target)
                                            : call2(self, "__set__", target, value));
  return res ? 0 : -1;
}

// The end of slot_tp_init: __init__ must return None.
int init_result(Object* res) {
  if (!res) return -1;
  if (res != none()) {
    errors::format(exc_TypeError, "__init__() should return None, not '%.200s'",
                   res->type->name);
    decref(res);
    return -1;
  }
  decref(res);
  return 0;
}

// slot_tp_init: self.__init__(*args, **kwds), self prepended on the C stack
// (_PyObject_Call_Prepend) rather than in a new tuple.
int slot_tp_init(Object* self, Object* args, Object* kwds) {
  bool unbound;
  Object* meth = lookup_maybe_method(self, name_of("__init__"), &unbound);
  if (!meth) {
    if (!errors::occurred()) errors::set_object(exc_AttributeError, name_of("__init__"));
    return -1;
  }
  Ref<> m = Ref<>::steal(meth);
  if (!unbound) return init_result(object_call(meth, args, kwds));
  ssize n = tuple_size(args);
  constexpr ssize kSmall = 8;
  if (n >= kSmall) {
    std::vector<Object*> full(static_cast<size_t>(n + 1));
    full[0] = self;
    for (ssize i = 0; i < n; ++i) full[static_cast<size_t>(i + 1)] = tuple_item(args, i);
    return init_result(vectorcall_dict(meth, full.data(), static_cast<size_t>(n + 1), kwds));
  }
  Object* full[kSmall];
  full[0] = self;
  for (ssize i = 0; i < n; ++i) full[i + 1] = tuple_item(args, i);
  return init_result(vectorcall_dict(meth, full, static_cast<size_t>(n + 1), kwds));
}

// slot_tp_new: type.__new__ is a staticmethod taking the class first.
Object* slot_tp_new(TypeObject* type, Object* args, Object* kwds) {
  Ref<> func = Ref<>::steal(object_getattr(type, name_of("__new__")));
  if (!func) return nullptr;
  ssize n = tuple_size(args);
  Ref<> full = Ref<>::steal(tuple_new(n + 1));
  if (!full) return nullptr;
  tuple_set_item(full.get(), 0, new_ref<Object>(type));
  for (ssize i = 0; i < n; ++i) tuple_set_item(full.get(), i + 1, new_ref(tuple_item(args, i)));
  return object_call(func.get(), full.get(), kwds);
}

// slot_tp_finalize: __del__, with its errors reported as unraisable.
void slot_tp_finalize(Object* self) {
  Object* saved = errors::get_raised_exception();
  bool unbound;
  Object* del = lookup_maybe_method(self, name_of("__del__"), &unbound);
  if (del) {
    Ref<> d = Ref<>::steal(del);
    Ref<> res = Ref<>::steal(unbound ? object_call_one_arg(del, self) : object_call_no_args(del));
    if (!res) errors::format_unraisable("Exception ignored while calling deallocator %R", del);
  } else {
    errors::clear();
  }
  errors::set_raised_exception(saved);
}

// --- wrappers ---------------------------------------------------------------------------------

int check_num_args(Object* args, ssize n) {
  if (!tuple_check(args)) {
    errors::set_string(exc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
    return 0;
  }
  if (n == tuple_size(args)) return 1;
  errors::format(exc_TypeError, "expected %d argument%s, got %zd", static_cast<int>(n),
                 n == 1 ? "" : "s", tuple_size(args));
  return 0;
}
// PyArg_UnpackTuple(args, name, n, n, ...): the wrappers that name themselves in the message.
int check_num_args_named(Object* args, const char* name, ssize n) {
  if (!tuple_check(args)) {
    errors::set_string(exc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
    return 0;
  }
  return check_positional(name, tuple_size(args), n, n) ? 1 : 0;
}

Object* wrap_unaryfunc(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 0)) return nullptr;
  return reinterpret_cast<unaryfunc>(wrapped)(self);
}
Object* wrap_binaryfunc(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  return reinterpret_cast<binaryfunc>(wrapped)(self, tuple_item(args, 0));
}
Object* wrap_binaryfunc_l(Object* self, Object* args, void* wrapped) {
  return wrap_binaryfunc(self, args, wrapped);
}
Object* wrap_binaryfunc_r(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  return reinterpret_cast<binaryfunc>(wrapped)(tuple_item(args, 0), self);
}
Object* wrap_ternaryfunc(Object* self, Object* args, void* wrapped) {
  ssize n = tuple_size(args);
  if (n < 1 || n > 2) {
    return errors::format(exc_TypeError, "expected 1 or 2 arguments, got %zd", n);
  }
  Object* third = n > 1 ? tuple_item(args, 1) : none();
  return reinterpret_cast<ternaryfunc>(wrapped)(self, tuple_item(args, 0), third);
}
Object* wrap_ternaryfunc_r(Object* self, Object* args, void* wrapped) {
  ssize n = tuple_size(args);
  if (n < 1 || n > 2) {
    return errors::format(exc_TypeError, "expected 1 or 2 arguments, got %zd", n);
  }
  Object* third = n > 1 ? tuple_item(args, 1) : none();
  return reinterpret_cast<ternaryfunc>(wrapped)(tuple_item(args, 0), self, third);
}
Object* wrap_inquirypred(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 0)) return nullptr;
  int res = reinterpret_cast<inquiry>(wrapped)(self);
  if (res == -1 && errors::occurred()) return nullptr;
  return bool_from_long(res);
}
Object* wrap_lenfunc(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 0)) return nullptr;
  ssize res = reinterpret_cast<lenfunc>(wrapped)(self);
  if (res == -1 && errors::occurred()) return nullptr;
  return long_from_ssize(res);
}
Object* wrap_indexargfunc(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  // wrap_indexargfunc: unlike the `*` operator (sequence_repeat), the slot wrapper converts
  // with PyNumber_AsSsize_t directly, so a non-index argument reports "cannot be interpreted
  // as an integer".
  Object* o = tuple_item(args, 0);
  ssize i = number_as_ssize(o, exc_OverflowError);
  if (i == -1 && errors::occurred()) return nullptr;
  return reinterpret_cast<ssizeargfunc>(wrapped)(self, i);
}
// getindex: a negative index counts from the end (sq_length).
ssize getindex(Object* self, Object* arg) {
  ssize i = number_as_ssize(arg, exc_OverflowError);
  if (i == -1 && errors::occurred()) return -1;
  if (i < 0) {
    SequenceMethods* sq = self->type->as_sequence;
    if (sq && sq->length) {
      ssize n = sq->length(self);
      if (n < 0) return -1;
      i += n;
    }
  }
  return i;
}
Object* wrap_sq_item(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  Object* arg = tuple_item(args, 0);
  ssize i = getindex(self, arg);
  if (i == -1 && errors::occurred()) return nullptr;
  return reinterpret_cast<ssizeargfunc>(wrapped)(self, i);
}
Object* wrap_sq_setitem(Object* self, Object* args, void* wrapped) {
  if (!check_num_args_named(args, "__setitem__", 2)) return nullptr;
  ssize i = getindex(self, tuple_item(args, 0));
  if (i == -1 && errors::occurred()) return nullptr;
  if (reinterpret_cast<ssizeobjargproc>(wrapped)(self, i, tuple_item(args, 1)) < 0) return nullptr;
  return return_none();
}
Object* wrap_sq_delitem(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  ssize i = getindex(self, tuple_item(args, 0));
  if (i == -1 && errors::occurred()) return nullptr;
  if (reinterpret_cast<ssizeobjargproc>(wrapped)(self, i, nullptr) < 0) return nullptr;
  return return_none();
}
Object* wrap_objobjproc(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  int res = reinterpret_cast<objobjproc>(wrapped)(self, tuple_item(args, 0));
  if (res == -1 && errors::occurred()) return nullptr;
  return bool_from_long(res);
}
Object* wrap_objobjargproc(Object* self, Object* args, void* wrapped) {
  if (!check_num_args_named(args, "__setitem__", 2)) return nullptr;
  if (reinterpret_cast<objobjargproc>(wrapped)(self, tuple_item(args, 0), tuple_item(args, 1)) < 0)
    return nullptr;
  return return_none();
}
Object* wrap_delitem(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  if (reinterpret_cast<objobjargproc>(wrapped)(self, tuple_item(args, 0), nullptr) < 0)
    return nullptr;
  return return_none();
}
// hackcheck: object.__setattr__ must not bypass a C type's own tp_setattro.
bool hackcheck(Object* self, setattrofunc func, const char* what) {
  TypeObject* type = self->type;
  TypeObject* defining = type;
  while (defining && type_has_feature(defining, kTpflagsHeaptype)) defining = defining->base;
  if (defining && defining->setattro != func) {
    errors::format(exc_TypeError, "can't apply this %s to %s object", what, defining->name);
    return false;
  }
  return true;
}
Object* wrap_setattr(Object* self, Object* args, void* wrapped) {
  if (!check_num_args_named(args, "__setattr__", 2)) return nullptr;
  auto func = reinterpret_cast<setattrofunc>(wrapped);
  if (!hackcheck(self, func, "__setattr__")) return nullptr;
  if (func(self, tuple_item(args, 0), tuple_item(args, 1)) < 0) return nullptr;
  return return_none();
}
Object* wrap_delattr(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  auto func = reinterpret_cast<setattrofunc>(wrapped);
  if (!hackcheck(self, func, "__delattr__")) return nullptr;
  if (func(self, tuple_item(args, 0), nullptr) < 0) return nullptr;
  return return_none();
}
Object* wrap_hashfunc(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 0)) return nullptr;
  hash_t res = reinterpret_cast<hashfunc>(wrapped)(self);
  if (res == -1 && errors::occurred()) return nullptr;
  return long_from_ssize(res);
}
Object* wrap_call(Object* self, Object* args, void* wrapped, Object* kwds) {
  return reinterpret_cast<ternaryfunc>(wrapped)(self, args, kwds);
}
Object* wrap_del(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 0)) return nullptr;
  reinterpret_cast<destructor>(wrapped)(self);
  return return_none();
}
template <int Op>
Object* wrap_richcmp(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  return reinterpret_cast<richcmpfunc>(wrapped)(self, tuple_item(args, 0), Op);
}
Object* wrap_next(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 0)) return nullptr;
  Object* res = reinterpret_cast<iternextfunc>(wrapped)(self);
  if (res == nullptr && !errors::occurred()) errors::set_none(exc_StopIteration);
  return res;
}
Object* wrap_descr_get(Object* self, Object* args, void* wrapped) {
  ssize n = tuple_size(args);
  if (!check_positional("__get__", n, 1, 2)) return nullptr;
  Object* obj = tuple_item(args, 0);
  Object* type = n > 1 ? tuple_item(args, 1) : nullptr;
  if (obj == none()) obj = nullptr;
  if (type == none()) type = nullptr;
  if (type == nullptr && obj == nullptr) {
    errors::set_string(exc_TypeError, "__get__(None, None) is invalid");
    return nullptr;
  }
  return reinterpret_cast<descrgetfunc>(wrapped)(self, obj, type);
}
Object* wrap_descr_set(Object* self, Object* args, void* wrapped) {
  if (!check_num_args_named(args, "__set__", 2)) return nullptr;
  if (reinterpret_cast<descrsetfunc>(wrapped)(self, tuple_item(args, 0), tuple_item(args, 1)) < 0)
    return nullptr;
  return return_none();
}
Object* wrap_descr_delete(Object* self, Object* args, void* wrapped) {
  if (!check_num_args(args, 1)) return nullptr;
  if (reinterpret_cast<descrsetfunc>(wrapped)(self, tuple_item(args, 0), nullptr) < 0)
    return nullptr;
  return return_none();
}
Object* wrap_init(Object* self, Object* args, void* wrapped, Object* kwds) {
  if (reinterpret_cast<initproc>(wrapped)(self, args, kwds) < 0) return nullptr;
  return return_none();
}

// --- the table ----------------------------------------------------------------------------------

#define TP(field) [](TypeObject* t) -> void** { return reinterpret_cast<void**>(&t->field); }
#define SUB(sub, field)                                                     \
  [](TypeObject* t) -> void** {                                             \
    return t->sub ? reinterpret_cast<void**>(&t->sub->field) : nullptr;     \
  }
#define FN(f) reinterpret_cast<void*>(f)
#define WK(f) reinterpret_cast<wrapperfunc>(reinterpret_cast<void*>(f))

// The order is CPython's: add_operators fills a builtin type's dict in this order.
SlotDef slotdefs[] = {
    {"__repr__", TP(repr), FN(slot_tp_repr), wrap_unaryfunc,
     "__repr__($self, /)\n--\n\nReturn repr(self).", 0, nullptr},
    {"__hash__", TP(hash), FN(slot_tp_hash), wrap_hashfunc,
     "__hash__($self, /)\n--\n\nReturn hash(self).", 0, nullptr},
    {"__call__", TP(call), FN(slot_tp_call), WK(wrap_call),
     "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function.",
     kWrapperFlagKeywords, nullptr},
    {"__str__", TP(str), FN(slot_tp_str), wrap_unaryfunc,
     "__str__($self, /)\n--\n\nReturn str(self).", 0, nullptr},
    {"__getattribute__", TP(getattro), FN(slot_tp_getattr_hook), wrap_binaryfunc,
     "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name).", 0, nullptr},
    {"__getattr__", TP(getattro), FN(slot_tp_getattr_hook), nullptr, "", 0, nullptr},
    {"__setattr__", TP(setattro), FN(slot_tp_setattro), wrap_setattr,
     "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value).", 0,
     nullptr},
    {"__delattr__", TP(setattro), FN(slot_tp_setattro), wrap_delattr,
     "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name).", 0, nullptr},
    {"__lt__", TP(richcompare), FN(slot_tp_richcompare), wrap_richcmp<kLT>,
     "__lt__($self, value, /)\n--\n\nReturn self<value.", 0, nullptr},
    {"__le__", TP(richcompare), FN(slot_tp_richcompare), wrap_richcmp<kLE>,
     "__le__($self, value, /)\n--\n\nReturn self<=value.", 0, nullptr},
    {"__eq__", TP(richcompare), FN(slot_tp_richcompare), wrap_richcmp<kEQ>,
     "__eq__($self, value, /)\n--\n\nReturn self==value.", 0, nullptr},
    {"__ne__", TP(richcompare), FN(slot_tp_richcompare), wrap_richcmp<kNE>,
     "__ne__($self, value, /)\n--\n\nReturn self!=value.", 0, nullptr},
    {"__gt__", TP(richcompare), FN(slot_tp_richcompare), wrap_richcmp<kGT>,
     "__gt__($self, value, /)\n--\n\nReturn self>value.", 0, nullptr},
    {"__ge__", TP(richcompare), FN(slot_tp_richcompare), wrap_richcmp<kGE>,
     "__ge__($self, value, /)\n--\n\nReturn self>=value.", 0, nullptr},
    {"__iter__", TP(iter), FN(slot_tp_iter), wrap_unaryfunc,
     "__iter__($self, /)\n--\n\nImplement iter(self).", 0, nullptr},
    {"__next__", TP(iternext), FN(slot_tp_iternext), wrap_next,
     "__next__($self, /)\n--\n\nImplement next(self).", 0, nullptr},
    {"__get__", TP(descr_get), FN(slot_tp_descr_get), wrap_descr_get,
     "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which "
     "is of type owner.",
     0, nullptr},
    {"__set__", TP(descr_set), FN(slot_tp_descr_set), wrap_descr_set,
     "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value.", 0,
     nullptr},
    {"__delete__", TP(descr_set), FN(slot_tp_descr_set), wrap_descr_delete,
     "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance.", 0, nullptr},
    {"__init__", TP(init), FN(slot_tp_init), WK(wrap_init),
     "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for "
     "accurate signature.",
     kWrapperFlagKeywords, nullptr},
    {"__new__", TP(new_), FN(slot_tp_new), nullptr,
     "__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See "
     "help(type) for accurate signature.",
     0, nullptr},
    {"__del__", TP(finalize), FN(slot_tp_finalize), wrap_del,
     "__del__($self, /)\n--\n\nCalled when the instance is about to be destroyed.", 0, nullptr},
    // PEP 688 (BUFSLOT): the functions live with memoryview (memoryobject.cpp).
    {"__buffer__", SUB(as_buffer, getbuffer), FN(slot_bf_getbuffer), wrap_buffer,
     "__buffer__($self, flags, /)\n--\n\nReturn a buffer object that exposes the underlying "
     "memory of the object.",
     0, nullptr},
    {"__release_buffer__", SUB(as_buffer, releasebuffer), FN(slot_bf_releasebuffer),
     wrap_releasebuffer,
     "__release_buffer__($self, buffer, /)\n--\n\nRelease the buffer object that exposes the "
     "underlying memory of the object.",
     0, nullptr},
    {"__await__", SUB(as_async, await), FN(slot_am_await), wrap_unaryfunc,
     "__await__($self, /)\n--\n\nReturn an iterator to be used in await expression.", 0,
     nullptr},
    {"__aiter__", SUB(as_async, aiter), FN(slot_am_aiter), wrap_unaryfunc,
     "__aiter__($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous "
     "iterator.",
     0, nullptr},
    {"__anext__", SUB(as_async, anext), FN(slot_am_anext), wrap_unaryfunc,
     "__anext__($self, /)\n--\n\nReturn a value or raise StopAsyncIteration.", 0, nullptr},
#define BIN(name, field, fn, doc)                                                           \
  {"__" name "__", SUB(as_number, field), FN(fn), wrap_binaryfunc_l,                        \
   "__" name "__($self, value, /)\n--\n\nReturn self" doc "value.", 0, nullptr},            \
      {"__r" name "__", SUB(as_number, field), FN(fn), wrap_binaryfunc_r,                   \
       "__r" name "__($self, value, /)\n--\n\nReturn value" doc "self.", 0, nullptr}
    BIN("add", add, slot_nb_add, "+"),
    BIN("sub", subtract, slot_nb_subtract, "-"),
    BIN("mul", multiply, slot_nb_multiply, "*"),
    BIN("mod", remainder, slot_nb_remainder, "%"),
    {"__divmod__", SUB(as_number, divmod), FN(slot_nb_divmod), wrap_binaryfunc_l,
     "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value).", 0, nullptr},
    {"__rdivmod__", SUB(as_number, divmod), FN(slot_nb_divmod), wrap_binaryfunc_r,
     "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self).", 0, nullptr},
    {"__pow__", SUB(as_number, power), FN(slot_nb_power), wrap_ternaryfunc,
     "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod).", 0, nullptr},
    {"__rpow__", SUB(as_number, power), FN(slot_nb_power), wrap_ternaryfunc_r,
     "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod).", 0, nullptr},
    {"__neg__", SUB(as_number, negative), FN(slot_nb_negative), wrap_unaryfunc,
     "__neg__($self, /)\n--\n\n-self", 0, nullptr},
    {"__pos__", SUB(as_number, positive), FN(slot_nb_positive), wrap_unaryfunc,
     "__pos__($self, /)\n--\n\n+self", 0, nullptr},
    {"__abs__", SUB(as_number, absolute), FN(slot_nb_absolute), wrap_unaryfunc,
     "__abs__($self, /)\n--\n\nabs(self)", 0, nullptr},
    {"__bool__", SUB(as_number, bool_), FN(slot_nb_bool), wrap_inquirypred,
     "__bool__($self, /)\n--\n\nTrue if self else False", 0, nullptr},
    {"__invert__", SUB(as_number, invert), FN(slot_nb_invert), wrap_unaryfunc,
     "__invert__($self, /)\n--\n\n~self", 0, nullptr},
    BIN("lshift", lshift, slot_nb_lshift, "<<"),
    BIN("rshift", rshift, slot_nb_rshift, ">>"),
    BIN("and", and_, slot_nb_and, "&"),
    BIN("xor", xor_, slot_nb_xor, "^"),
    BIN("or", or_, slot_nb_or, "|"),
    {"__int__", SUB(as_number, int_), FN(slot_nb_int), wrap_unaryfunc,
     "__int__($self, /)\n--\n\nint(self)", 0, nullptr},
    {"__float__", SUB(as_number, float_), FN(slot_nb_float), wrap_unaryfunc,
     "__float__($self, /)\n--\n\nfloat(self)", 0, nullptr},
#define IBIN(name, field, fn, doc)                                                           \
  {"__" name "__", SUB(as_number, field), FN(fn), wrap_binaryfunc,                           \
   "__" name "__($self, value, /)\n--\n\nReturn self" doc "value.", 0, nullptr}
    IBIN("iadd", inplace_add, slot_nb_inplace_add, "+="),
    IBIN("isub", inplace_subtract, slot_nb_inplace_subtract, "-="),
    IBIN("imul", inplace_multiply, slot_nb_inplace_multiply, "*="),
    IBIN("imod", inplace_remainder, slot_nb_inplace_remainder, "%="),
    {"__ipow__", SUB(as_number, inplace_power), FN(slot_nb_inplace_power), wrap_ternaryfunc,
     "__ipow__($self, value, /)\n--\n\nReturn self**=value.", 0, nullptr},
    IBIN("ilshift", inplace_lshift, slot_nb_inplace_lshift, "<<="),
    IBIN("irshift", inplace_rshift, slot_nb_inplace_rshift, ">>="),
    IBIN("iand", inplace_and, slot_nb_inplace_and, "&="),
    IBIN("ixor", inplace_xor, slot_nb_inplace_xor, "^="),
    IBIN("ior", inplace_or, slot_nb_inplace_or, "|="),
    BIN("floordiv", floor_divide, slot_nb_floor_divide, "//"),
    BIN("truediv", true_divide, slot_nb_true_divide, "/"),
    IBIN("ifloordiv", inplace_floor_divide, slot_nb_inplace_floor_divide, "//="),
    IBIN("itruediv", inplace_true_divide, slot_nb_inplace_true_divide, "/="),
    {"__index__", SUB(as_number, index), FN(slot_nb_index), wrap_unaryfunc,
     "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable "
     "for use as an index into a list.",
     0, nullptr},
    BIN("matmul", matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBIN("imatmul", inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "@="),
#undef BIN
#undef IBIN
    {"__len__", SUB(as_mapping, length), FN(slot_sq_length), wrap_lenfunc,
     "__len__($self, /)\n--\n\nReturn len(self).", 0, nullptr},
    {"__getitem__", SUB(as_mapping, subscript), FN(slot_mp_subscript), wrap_binaryfunc,
     "__getitem__($self, key, /)\n--\n\nReturn self[key].", 0, nullptr},
    {"__setitem__", SUB(as_mapping, ass_subscript), FN(slot_mp_ass_subscript),
     wrap_objobjargproc, "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value.", 0,
     nullptr},
    {"__delitem__", SUB(as_mapping, ass_subscript), FN(slot_mp_ass_subscript), wrap_delitem,
     "__delitem__($self, key, /)\n--\n\nDelete self[key].", 0, nullptr},
    {"__len__", SUB(as_sequence, length), FN(slot_sq_length), wrap_lenfunc,
     "__len__($self, /)\n--\n\nReturn len(self).", 0, nullptr},
    {"__add__", SUB(as_sequence, concat), nullptr, wrap_binaryfunc,
     "__add__($self, value, /)\n--\n\nReturn self+value.", 0, nullptr},
    {"__mul__", SUB(as_sequence, repeat), nullptr, wrap_indexargfunc,
     "__mul__($self, value, /)\n--\n\nReturn self*value.", 0, nullptr},
    {"__rmul__", SUB(as_sequence, repeat), nullptr, wrap_indexargfunc,
     "__rmul__($self, value, /)\n--\n\nReturn value*self.", 0, nullptr},
    {"__getitem__", SUB(as_sequence, item), FN(slot_sq_item), wrap_sq_item,
     "__getitem__($self, key, /)\n--\n\nReturn self[key].", 0, nullptr},
    {"__setitem__", SUB(as_sequence, ass_item), FN(slot_sq_ass_item), wrap_sq_setitem,
     "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value.", 0, nullptr},
    {"__delitem__", SUB(as_sequence, ass_item), FN(slot_sq_ass_item), wrap_sq_delitem,
     "__delitem__($self, key, /)\n--\n\nDelete self[key].", 0, nullptr},
    {"__contains__", SUB(as_sequence, contains), FN(slot_sq_contains), wrap_objobjproc,
     "__contains__($self, key, /)\n--\n\nReturn bool(key in self).", 0, nullptr},
    {"__iadd__", SUB(as_sequence, inplace_concat), nullptr, wrap_binaryfunc,
     "__iadd__($self, value, /)\n--\n\nImplement self+=value.", 0, nullptr},
    {"__imul__", SUB(as_sequence, inplace_repeat), nullptr, wrap_indexargfunc,
     "__imul__($self, value, /)\n--\n\nImplement self*=value.", 0, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0, nullptr},
};
#undef TP
#undef SUB
#undef FN
#undef WK

// The slot address of a slotdef in a type (slotptr); null if the sub-table is absent.
inline void** slotptr(TypeObject* type, const SlotDef* p) { return p->slot(type); }

// Two slotdefs share a slot when their accessors give the same address in a heap type.
bool same_slot(const SlotDef* a, const SlotDef* b) {
  static HeapTypeObject probe = [] {
    HeapTypeObject h{};
    h.as_async = &h.async_methods;
    h.as_number = &h.number_methods;
    h.as_sequence = &h.sequence_methods;
    h.as_mapping = &h.mapping_methods;
    h.as_buffer = &h.buffer_procs;
    return h;
  }();
  return a->slot(&probe) == b->slot(&probe);
}

// resolve_slotdups: the one slot of `type` that the dunder name maps to, or null when it
// maps to several non-empty ones.
void** resolve_slotdups(TypeObject* type, Object* name) {
  void** res = nullptr;
  for (SlotDef* p = slotdefs; p->name; ++p) {
    if (p->name_strobj != name) continue;
    void** ptr = slotptr(type, p);
    if (ptr == nullptr || *ptr == nullptr) continue;
    if (res != nullptr) return nullptr;
    res = ptr;
  }
  return res;
}

// update_one_slot: the slot of a heap type after its dunders were (re)defined; returns the
// next slotdef with another slot.
SlotDef* update_one_slot(TypeObject* type, SlotDef* p) {
  void* generic = nullptr;
  void* specific = nullptr;
  bool use_generic = false;
  SlotDef* first = p;
  void** ptr = slotptr(type, p);
  if (ptr == nullptr) {
    do {
      ++p;
    } while (p->name && same_slot(p, first));
    return p;
  }
  do {
    Object* descr = type_lookup(type, p->name_strobj);
    if (descr == nullptr) {
      if (ptr == reinterpret_cast<void**>(&type->iternext))
        specific = reinterpret_cast<void*>(object_next_not_implemented);
      continue;
    }
    if (descr->type == &wrapper_descr_type &&
        static_cast<WrapperDescrObject*>(descr)->d_base->name_strobj == p->name_strobj) {
      void** tptr = resolve_slotdups(type, p->name_strobj);
      if (tptr == nullptr || tptr == ptr) generic = p->function;
      auto* d = static_cast<WrapperDescrObject*>(descr);
      if ((specific == nullptr || specific == d->d_wrapped) &&
          d->d_base->wrapper == p->wrapper && is_subtype(type, d->d_type)) {
        specific = d->d_wrapped;
      } else {
        // Not usable directly: methods of the slot conflict, the signature differs, or the
        // wrapper belongs to a class this type does not derive from (its call raises).
        use_generic = true;
      }
    } else if (cfunction_check(descr) &&
               std::strcmp(static_cast<CFunctionObject*>(descr)->m_ml->name, "__new__") == 0 &&
               static_cast<CFunctionObject*>(descr)->m_self &&
               type_check_type(static_cast<CFunctionObject*>(descr)->m_self) &&
               ptr == reinterpret_cast<void**>(&type->new_)) {
      // tp_new_wrapper of a base: CPython keeps the type's current tp_new (inherited at
      // type_ready; a slot_tp_new inherited from a Python base stays, so object.__new__ then
      // sees a foreign tp_new and refuses extra arguments, as test_descr expects).
      specific = reinterpret_cast<void*>(type->new_);
    } else if (descr == none() && ptr == reinterpret_cast<void**>(&type->hash)) {
      specific = reinterpret_cast<void*>(object_hash_not_implemented);
    } else {
      use_generic = true;
      generic = p->function;
      if (p->function == reinterpret_cast<void*>(slot_tp_call))
        type->flags &= ~kTpflagsHaveVectorcall;
    }
  } while ((++p)->name && same_slot(p, first));
  if (specific && !use_generic) *ptr = specific;
  else *ptr = generic;
  return p;
}

}  // namespace

namespace typeobject_internal {

int init_slotdefs() {
  for (SlotDef* p = slotdefs; p->name; ++p) {
    if (!p->name_strobj) {
      p->name_strobj = str_intern_from_cstr(p->name);
      if (!p->name_strobj) return -1;
    }
  }
  return 0;
}

bool is_slot_name(Object* name) {
  for (SlotDef* p = slotdefs; p->name; ++p)
    if (p->name_strobj == name) return true;
  return false;
}

// slot_inherited: a static builtin type's slot that holds its base's function was inherited
// (or set to the same function): the base's wrapper serves, the type gets none of its own.
bool slot_inherited(TypeObject* type, SlotDef* p, void** ptr) {
  void** base_ptr = slotptr(type->base, p);
  if (!base_ptr || *ptr != *base_ptr) return false;
  // Some slots are inherited in pairs.
  if (ptr == reinterpret_cast<void**>(&type->hash))
    return type->richcompare == type->base->richcompare;
  if (ptr == reinterpret_cast<void**>(&type->richcompare))
    return type->hash == type->base->hash;
  return true;
}

// add_operators.
int add_operators(TypeObject* type) {
  if (init_slotdefs() < 0) return -1;
  Object* dict = type->dict;
  const bool spec_slots = type_has_spec_slots(type);
  for (SlotDef* p = slotdefs; p->name; ++p) {
    if (p->wrapper == nullptr) continue;
    void** ptr = slotptr(type, p);
    if (!ptr || !*ptr) continue;
    // Also ignore the slots a static builtin type inherited (CPython 3.12+); other types,
    // static or heap, get a wrapper for every slot they define (a module type made from a
    // spec in CPython keeps every slot it lists: objects/spec_types.h).
    if (type_has_feature(type, kTpflagsStaticBuiltin) && type->base && !spec_slots &&
        slot_inherited(type, p, ptr))
      continue;
    int r = dict_contains(dict, p->name_strobj);
    if (r < 0) return -1;
    if (r > 0) continue;
    if (*ptr == reinterpret_cast<void*>(object_hash_not_implemented)) {
      if (dict_set_item(dict, p->name_strobj, none()) < 0) return -1;
    } else {
      Ref<> descr = Ref<>::steal(descr_new_wrapper(type, p, *ptr));
      if (!descr) return -1;
      if (dict_set_item(dict, p->name_strobj, descr.get()) < 0) return -1;
    }
  }
  return 0;
}

void fixup_slot_dispatchers(TypeObject* type) {
  init_slotdefs();
  for (SlotDef* p = slotdefs; p->name;) p = update_one_slot(type, p);
}

void fixup_slot_dispatchers_hierarchy(TypeObject* type) {
  if (type_has_feature(type, kTpflagsHeaptype)) fixup_slot_dispatchers(type);
  if (!type->subclasses) return;
  ssize pos = 0;
  Object *k, *v;
  std::vector<TypeObject*> subs;
  while (dict_next(type->subclasses, &pos, &k, &v))
    subs.push_back(reinterpret_cast<TypeObject*>(long_as_long(k)));
  for (TypeObject* sub : subs) fixup_slot_dispatchers_hierarchy(sub);
}

namespace {
void update_slot_recursive(TypeObject* type, Object* name, bool top) {
  if (!top && type->dict && dict_get_item(type->dict, name)) return;  // overridden here
  for (SlotDef* p = slotdefs; p->name; ++p) {
    if (p->name_strobj != name) continue;
    // Rewind to the first slotdef of this slot, then update that slot.
    SlotDef* q = p;
    while (q > slotdefs && same_slot(q - 1, p)) --q;
    update_one_slot(type, q);
  }
  if (type->subclasses) {
    ssize pos = 0;
    Object *k, *v;
    std::vector<TypeObject*> subs;
    while (dict_next(type->subclasses, &pos, &k, &v))
      subs.push_back(reinterpret_cast<TypeObject*>(long_as_long(k)));
    for (TypeObject* sub : subs) update_slot_recursive(sub, name, false);
  }
}
}  // namespace

bool init_is_slot(TypeObject* type) { return type->init == slot_tp_init; }

// slot_tp_init with vectorcall arguments (nargsf as PyObject_Vectorcall's: with
// PY_VECTORCALL_ARGUMENTS_OFFSET, args[-1] may be borrowed for self).
int call_init_vector(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  bool unbound;
  Object* meth = lookup_maybe_method(self, name_of("__init__"), &unbound);
  if (!meth) {
    if (!errors::occurred()) errors::set_object(exc_AttributeError, name_of("__init__"));
    return -1;
  }
  Ref<> m = Ref<>::steal(meth);
  ssize nargs = vectorcall_nargs(nargsf);
  if (!unbound) return init_result(vectorcall(meth, args, static_cast<size_t>(nargs), kwnames));
  if (nargsf & kVectorcallArgumentsOffset) {
    Object** slot = const_cast<Object**>(args) - 1;
    Object* saved = *slot;
    *slot = self;
    Object* res = vectorcall(meth, slot, static_cast<size_t>(nargs + 1), kwnames);
    *slot = saved;
    return init_result(res);
  }
  ssize total = nargs + (kwnames ? tuple_size(kwnames) : 0);
  std::vector<Object*> full(static_cast<size_t>(total + 1));
  full[0] = self;
  for (ssize i = 0; i < total; ++i) full[static_cast<size_t>(i + 1)] = args[i];
  return init_result(vectorcall(meth, full.data(), static_cast<size_t>(nargs + 1), kwnames));
}

int update_slot(TypeObject* type, Object* name) {
  if (init_slotdefs() < 0) return -1;
  update_slot_recursive(type, name, true);
  return 0;
}

}  // namespace typeobject_internal

namespace {
// The types marked by type_mark_spec_slots (at start-up or module import, under the GIL).
std::unordered_set<const TypeObject*>& spec_slot_types() {
  static std::unordered_set<const TypeObject*> types;
  return types;
}
}  // namespace

void type_mark_spec_slots(TypeObject* type) { spec_slot_types().insert(type); }
bool type_has_spec_slots(const TypeObject* type) { return spec_slot_types().count(type) != 0; }

}  // namespace cppy::objects
