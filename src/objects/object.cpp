// The object protocol: Objects/object.c (repr, str, hash, truth, rich comparison, generic
// attribute access, the None/NotImplemented/Ellipsis singletons, deallocation).
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/inline_values.h"
#include "objects/bytesobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pystate.h"

namespace cppy::objects {

#ifdef CPPY_DEBUG
ssize total_refcount = 0;
// _Py_NegativeRefcount: a reference count below zero is a fatal bug.
void debug_negative_refcount(Object* o) {
  std::fprintf(stderr, "cppy: negative reference count %zd on a %s object at %p\n",
               static_cast<ssize>(o->refcnt), o->type ? o->type->name : "?",
               static_cast<void*>(o));
  std::abort();
}
#endif

// --- the trashcan (Objects/object.c) ------------------------------------------------------
//
// Freeing a container can free the next one inside it, and so on: a chain of 10^6 nested
// tuples would need 10^6 nested deallocations. Near the end of the stack, GC objects are
// put on the thread's delete_later list instead (their GC header links them), and freed
// once the stack has unwound to a comfortable depth.

namespace {

// _PyTrash_thread_deposit_object: op (refcount 0) is untracked and chained; bit 0 of the
// link remembers whether it was tracked, as its dealloc expects to untrack it.
void trash_deposit(runtime::ThreadState* ts, Object* op) {
  uintptr_t tracked = 0;
  if (gc::object_is_gc(op)) {
    tracked = gc::is_tracked(op) ? 1 : 0;
    if (tracked) gc::untrack(op);
  }
  gc::head_of(op)->next = reinterpret_cast<uintptr_t>(ts->delete_later) | tracked;
  ts->delete_later = op;
}

// _PyTrash_thread_destroy_chain: frees the deposited objects (their deallocation may deposit
// more, which this loop also frees).
void trash_destroy_chain(runtime::ThreadState* ts) {
  while (Object* op = ts->delete_later) {
    gc::GCHead* g = gc::head_of(op);
    uintptr_t tagged = g->next;
    g->next = 0;
    ts->delete_later = reinterpret_cast<Object*>(tagged & ~uintptr_t(1));
    if (tagged & 1) gc::track(op);
    op->type->dealloc(op);
  }
}

// The GC objects' part of dealloc, out of line so that the common case (floats, ints, str)
// is a test and a tail call without a stack frame of its own.
[[gnu::noinline]] void dealloc_gc(Object* o) {
  destructor d = o->type->dealloc;
  runtime::ThreadState* ts = runtime::thread_state();
  if (ts == nullptr) {
    d(o);
    return;
  }
  intptr_t margin = (static_cast<intptr_t>(runtime::machine_stack_pointer()) -
                     static_cast<intptr_t>(ts->c_stack_soft_limit)) /
                    static_cast<intptr_t>(runtime::kStackMarginBytes);
  if (margin < 2) [[unlikely]] {
    trash_deposit(ts, o);
    return;
  }
  d(o);
  if (ts->delete_later && margin >= 4) [[unlikely]] trash_destroy_chain(ts);
}

}  // namespace

// _Py_Dealloc: with _Py_RecursionLimit_GetMargin's margins (in kStackMarginBytes above the
// soft limit): below 2, GC objects are deposited; from 4 up, the deposited ones are freed.
void dealloc(Object* o) {
  TypeObject* type = o->type;
  if (!(type->flags & kTpflagsHaveGc)) [[likely]] return type->dealloc(o);
  dealloc_gc(o);
}

// --- None, NotImplemented, Ellipsis --------------------------------------------------------

namespace {

Object* none_repr(Object*) { return str_intern_from_cstr("None"); }
int none_bool(Object*) { return 0; }
// Since 3.12 hash(None) is a constant rather than the address.
hash_t none_hash(Object*) { return static_cast<hash_t>(0xFCA86420); }
void singleton_dealloc(Object* o) {
  // Immortal singletons are never freed; reaching here means the counts are unbalanced.
  std::fprintf(stderr, "cppy: deallocating the immortal %s\n", o->type->name);
  std::abort();
}
Object* none_new(TypeObject*, Object* args, Object* kwargs) {
  if ((args && tuple_size(args)) || (kwargs && dict_size(kwargs)))
    return errors::format(exc_TypeError, "NoneType takes no arguments");
  return return_none();
}
NumberMethods none_as_number = [] {
  NumberMethods n{};
  n.bool_ = none_bool;
  return n;
}();

Object* notimpl_repr(Object*) { return str_intern_from_cstr("NotImplemented"); }
int notimpl_bool(Object*) {
  errors::set_string(exc_TypeError, "NotImplemented should not be used in a boolean context");
  return -1;
}
Object* notimpl_new(TypeObject*, Object* args, Object* kwargs) {
  if ((args && tuple_size(args)) || (kwargs && dict_size(kwargs)))
    return errors::format(exc_TypeError, "NotImplementedType takes no arguments");
  return return_not_implemented();
}
Object* notimpl_reduce(Object*, Object*) { return str_intern_from_cstr("NotImplemented"); }
MethodDef notimpl_methods[] = {{"__reduce__", reinterpret_cast<void*>(notimpl_reduce),
                                kMethNoArgs, nullptr},
                               {nullptr, nullptr, 0, nullptr}};
NumberMethods notimpl_as_number = [] {
  NumberMethods n{};
  n.bool_ = notimpl_bool;
  return n;
}();

Object* ellipsis_repr(Object*) { return str_intern_from_cstr("Ellipsis"); }
Object* ellipsis_new(TypeObject*, Object* args, Object* kwargs) {
  if ((args && tuple_size(args)) || (kwargs && dict_size(kwargs)))
    return errors::format(exc_TypeError, "EllipsisType takes no arguments");
  return new_ref(ellipsis());
}
Object* ellipsis_reduce(Object*, Object*) { return str_intern_from_cstr("Ellipsis"); }
MethodDef ellipsis_methods[] = {{"__reduce__", reinterpret_cast<void*>(ellipsis_reduce),
                                 kMethNoArgs, nullptr},
                                {nullptr, nullptr, 0, nullptr}};

// NoneType's tp_richcompare is object's (_Py_BaseObject_RichCompare): == is identity, != its
// negation, the orderings NotImplemented.
Object* none_richcompare(Object* self, Object* other, int op) {
  if (op == kEQ) return self == other ? new_ref(true_object()) : new_ref(not_implemented());
  if (op == kNE) return self == other ? new_ref(false_object()) : new_ref(not_implemented());
  return new_ref(not_implemented());
}

}  // namespace

TypeObject none_type = [] {
  TypeObject t = static_type("NoneType", sizeof(Object));
  t.dealloc = singleton_dealloc;
  t.repr = none_repr;
  t.as_number = &none_as_number;
  t.hash = none_hash;
  t.richcompare = none_richcompare;
  t.new_ = none_new;
  return t;
}();
TypeObject notimplemented_type = [] {
  TypeObject t = static_type("NotImplementedType", sizeof(Object));
  t.dealloc = singleton_dealloc;
  t.repr = notimpl_repr;
  t.as_number = &notimpl_as_number;
  t.methods = notimpl_methods;
  t.new_ = notimpl_new;
  return t;
}();
TypeObject ellipsis_type = [] {
  TypeObject t = static_type("ellipsis", sizeof(Object));
  t.dealloc = singleton_dealloc;
  t.repr = ellipsis_repr;
  t.methods = ellipsis_methods;
  t.new_ = ellipsis_new;
  return t;
}();

Object NoneStruct{kImmortalRefcnt, &none_type};
Object NotImplementedStruct{kImmortalRefcnt, &notimplemented_type};
Object EllipsisStruct{kImmortalRefcnt, &ellipsis_type};

// --- repr, str, hash, truth ------------------------------------------------------------------

namespace {
// Py_ReprEnter's per-thread list of objects whose repr is in progress.
thread_local std::vector<Object*> repr_stack;
}  // namespace

int object_print_repr_enter(Object* o) {
  for (Object* x : repr_stack)
    if (x == o) return 1;
  repr_stack.push_back(o);
  return 0;
}

void object_print_repr_leave(Object* o) {
  for (size_t i = repr_stack.size(); i-- > 0;) {
    if (repr_stack[i] == o) {
      repr_stack.erase(repr_stack.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

// PyObject_Repr.
Object* object_repr(Object* v) {
  if (v == nullptr) return str_from_cstr("<NULL>");
  TypeObject* t = v->type;
  if (t->repr == nullptr)
    return str_from_format("<%s object at %p>", t->name, static_cast<void*>(v));
  if (enter_recursive_call(" while getting the repr of an object")) return nullptr;
  Object* res = t->repr(v);
  leave_recursive_call();
  if (res == nullptr) return nullptr;
  if (!str_check(res)) {
    errors::format(exc_TypeError, "__repr__ returned non-string (type %.200s)", res->type->name);
    decref(res);
    return nullptr;
  }
  return res;
}

// PyObject_Str.
Object* object_str(Object* v) {
  if (v == nullptr) return str_from_cstr("<NULL>");
  if (v->type == &str_type) return new_ref(v);
  TypeObject* t = v->type;
  if (t->str == nullptr) return object_repr(v);
  if (enter_recursive_call(" while getting the str of an object")) return nullptr;
  Object* res = t->str(v);
  leave_recursive_call();
  if (res == nullptr) return nullptr;
  if (!str_check(res)) {
    errors::format(exc_TypeError, "__str__ returned non-string (type %.200s)", res->type->name);
    decref(res);
    return nullptr;
  }
  return res;
}

// PyObject_ASCII: repr(v) with the non-ASCII characters backslash-escaped.
Object* object_ascii(Object* v) {
  Ref<> repr = Ref<>::steal(object_repr(v));
  if (!repr || str_is_ascii(repr.get())) return repr.release();
  Ref<> ascii = Ref<>::steal(str_encode(repr.get(), "ascii", "backslashreplace"));
  if (!ascii) return nullptr;
  return str_from_ascii(bytes_as_string(ascii.get()), bytes_size(ascii.get()));
}

hash_t object_hash_not_implemented(Object* o) {
  errors::format(exc_TypeError, "unhashable type: '%.200s'", o->type->name);
  return -1;
}

void raise_unhashable_as(Object* key, const char* role) {
  Object* exc = errors::get_raised_exception();
  if (exc->type != exc_TypeError) {
    errors::set_raised_exception(exc);
    return;
  }
  errors::format(exc_TypeError, "cannot use '%T' as a %s (%S)", key, role, exc);
  decref(exc);
}

// Py_HashPointer: the address rotated by 4 bits, as CPython does (_Py_HashPointerRaw).
hash_t hash_pointer(const void* p) {
  size_t y = reinterpret_cast<size_t>(p);
  y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
  hash_t x = static_cast<hash_t>(y);
  return x == -1 ? -2 : x;
}

// PyObject_Hash.
hash_t object_hash(Object* v) {
  TypeObject* tp = v->type;
  if (tp->hash) return tp->hash(v);
  // A type whose readying was skipped inherits tp_hash here.
  if (!type_has_feature(tp, kTpflagsReady)) {
    if (type_ready(tp) < 0) return -1;
    if (tp->hash) return tp->hash(v);
  }
  return object_hash_not_implemented(v);
}

// PyObject_IsTrue.
int object_is_true(Object* v) {
  if (v == true_object()) return 1;
  if (v == false_object() || v == none()) return 0;
  TypeObject* t = v->type;
  ssize res;
  if (t->as_number && t->as_number->bool_) {
    return t->as_number->bool_(v);
  } else if (t->as_mapping && t->as_mapping->length) {
    res = t->as_mapping->length(v);
  } else if (t->as_sequence && t->as_sequence->length) {
    res = t->as_sequence->length(v);
  } else {
    return 1;
  }
  return res > 0 ? 1 : static_cast<int>(res);
}

int object_not(Object* v) {
  int r = object_is_true(v);
  return r < 0 ? r : !r;
}

// --- rich comparison -------------------------------------------------------------------------

namespace {
const int swapped_op[] = {kGT, kGE, kEQ, kNE, kLT, kLE};
const char* const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

// do_richcompare: the right operand's reflected method goes first when its type is a proper
// subclass that overrides tp_richcompare.
Object* do_richcompare(Object* v, Object* w, int op) {
  richcmpfunc f;
  bool checked_reverse_op = false;
  if (v->type != w->type && is_subtype(w->type, v->type) && (f = w->type->richcompare)) {
    checked_reverse_op = true;
    Object* res = f(w, v, swapped_op[op]);
    if (res != not_implemented()) return res;
    decref(res);
  }
  if ((f = v->type->richcompare)) {
    Object* res = f(v, w, op);
    if (res != not_implemented()) return res;
    decref(res);
  }
  if (!checked_reverse_op && (f = w->type->richcompare)) {
    Object* res = f(w, v, swapped_op[op]);
    if (res != not_implemented()) return res;
    decref(res);
  }
  switch (op) {
    case kEQ: return bool_from_long(v == w);
    case kNE: return bool_from_long(v != w);
    default:
      return errors::format(exc_TypeError,
                            "'%s' not supported between instances of '%.100s' and '%.100s'",
                            opstrings[op], v->type->name, w->type->name);
  }
}
}  // namespace

Object* object_rich_compare(Object* v, Object* w, int op) {
  if (enter_recursive_call(" in comparison")) return nullptr;
  Object* res = do_richcompare(v, w, op);
  leave_recursive_call();
  return res;
}

int object_rich_compare_bool(Object* v, Object* w, int op) {
  // Identity implies equality, which containers rely on (x in [x] for x = nan).
  if (v == w) {
    if (op == kEQ) return 1;
    if (op == kNE) return 0;
  }
  Object* res = object_rich_compare(v, w, op);
  if (!res) return -1;
  int ok = res == true_object() ? 1 : res == false_object() ? 0 : object_is_true(res);
  decref(res);
  return ok;
}

// --- attributes ------------------------------------------------------------------------------

namespace {
// _PyObject_SetAttributeErrorContext: fills AttributeError.name/.obj when they are unset.
void set_attribute_error_context(Object* v, Object* name) {
  runtime::ThreadState* ts = runtime::thread_state();
  Object* exc = ts->current_exception;
  if (!exc || !errors::given_exception_matches(exc, exc_AttributeError)) return;
  if (!type_check(exc, exc_AttributeError)) return;
  auto* ae = static_cast<AttributeErrorObject*>(exc);
  if (ae->name == nullptr || ae->name == none()) {
    xsetref(ae->name, new_ref(name));
    xsetref(ae->obj, new_ref(v));
  }
}
}  // namespace

void set_attribute_error(Object* o, Object* name) {
  errors::format(exc_AttributeError, "'%.100s' object has no attribute '%U'", o->type->name,
                 name);
  set_attribute_error_context(o, name);
}

// PyObject_GetAttr.
Object* object_getattr(Object* v, Object* name) {
  TypeObject* tp = v->type;
  if (!str_check(name)) {
    return errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                          name->type->name);
  }
  Object* result;
  if (tp->getattro) {
    result = tp->getattro(v, name);
  } else {
    return errors::format(exc_AttributeError, "'%.100s' object has no attribute '%U'",
                          tp->name, name);
  }
  if (result == nullptr) set_attribute_error_context(v, name);
  return result;
}

Object* object_getattr_string(Object* v, const char* name) {
  Ref<> n = Ref<>::steal(str_from_cstr(name));
  if (!n) return nullptr;
  return object_getattr(v, n.get());
}

int object_get_optional_attr(Object* v, Object* name, Object** result) {
  if (!str_check(name)) {
    errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                   name->type->name);
    *result = nullptr;
    return -1;
  }
  if (v->type->getattro == object_generic_getattr) {
    *result = object_generic_getattr_with_dict(v, name, nullptr, true);
    if (*result) return 1;
    return errors::occurred() ? -1 : 0;
  }
  *result = object_getattr(v, name);
  if (*result) return 1;
  if (!errors::exception_matches(exc_AttributeError)) return -1;
  errors::clear();
  return 0;
}

int object_hasattr_with_error(Object* v, Object* name) {
  Object* res;
  int rc = object_get_optional_attr(v, name, &res);
  xdecref(res);
  return rc;
}

// PyObject_SetAttr.
int object_setattr(Object* v, Object* name, Object* value) {
  TypeObject* tp = v->type;
  if (!str_check(name)) {
    errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                   name->type->name);
    return -1;
  }
  incref(name);
  str_intern_in_place(&name);
  int err = -1;
  if (tp->setattro) {
    err = tp->setattro(v, name, value);
  } else if (tp->getattro == nullptr) {
    errors::format(exc_TypeError, "'%.100s' object has no attributes (%s .%U)", tp->name,
                   value == nullptr ? "del" : "assign to", name);
  } else {
    errors::format(exc_TypeError, "'%.100s' object has only read-only attributes (%s .%U)",
                   tp->name, value == nullptr ? "del" : "assign to", name);
  }
  decref(name);
  return err;
}

int object_setattr_string(Object* v, const char* name, Object* value) {
  Ref<> n = Ref<>::steal(str_intern_from_cstr(name));
  if (!n) return -1;
  return object_setattr(v, n.get(), value);
}

int object_delattr(Object* v, Object* name) { return object_setattr(v, name, nullptr); }

// _PyObject_ComputedDictPointer: the address of the instance dict slot, or null.
// With inline values, asking for the dict pointer materialises the dict
// (_PyObject_MaterializeManagedDict): callers get an ordinary dict that holds the attributes.
Object** object_dict_ptr(Object* obj) {
  TypeObject* tp = obj->type;
  ssize off = tp->dictoffset;
  if (off == 0) return nullptr;
  if (type_has_feature(tp, kTpflagsInlineValues)) {
    Object** slot = managed_dict_slot(obj);
    if (*slot == nullptr && !inline_values_materialize(obj)) errors::clear();
    return slot;
  }
  if (off < 0) {
    // Negative offsets count from the end of a variable-size object.
    ssize tsize = static_cast<VarObject*>(obj)->size;
    if (type_has_feature(tp, kTpflagsLongSubclass)) {
      // An int keeps its digit count in lv_tag, where other variable-size objects keep
      // ob_size; int subclasses are allocated with at least one digit (long_subtype_new).
      tsize = std::max<ssize>(long_digit_count(obj), 1);
    }
    if (tsize < 0) tsize = -tsize;
    size_t size = static_cast<size_t>(tp->basicsize + tsize * tp->itemsize);
    size = (size + sizeof(void*) - 1) & ~(sizeof(void*) - 1);
    off += static_cast<ssize>(size);
  }
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + off);
}

// _PyObject_GenericGetAttrWithDict.
Object* object_generic_getattr_with_dict(Object* obj, Object* name, Object* dict,
                                         bool suppress) {
  TypeObject* tp = obj->type;
  if (!str_check(name)) {
    // object.__getattribute__(x, 1) reaches here without PyObject_GetAttr's check.
    return errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                          name->type->name);
  }
  if (!type_has_feature(tp, kTpflagsReady) && type_ready(tp) < 0) return nullptr;
  Object* descr = type_lookup(tp, name);
  descrgetfunc f = nullptr;
  Object* res = nullptr;
  Ref<> descr_ref = Ref<>::borrow(descr);  // the lookup is borrowed; keep it alive
  if (descr) {
    f = descr->type->descr_get;
    if (f && descr_is_data(descr)) {
      res = f(descr, obj, tp);
      if (!res && suppress && errors::exception_matches(exc_AttributeError)) errors::clear();
      return res;
    }
  }
  if (dict == nullptr) {
    if (inline_values_valid(obj)) {
      if (Object* v = inline_values_get(obj, name)) return new_ref(v);
    } else if (Object** dictptr = object_dict_ptr(obj)) {
      dict = *dictptr;
    }
  }
  if (dict) {
    Ref<> d = Ref<>::borrow(dict);
    int rc = dict_get_item_ref(dict, name, &res);
    if (rc > 0) return res;
    if (rc < 0) {
      if (suppress && errors::exception_matches(exc_AttributeError)) errors::clear();
      return nullptr;
    }
  }
  if (f) {
    res = f(descr, obj, tp);
    if (!res && suppress && errors::exception_matches(exc_AttributeError)) errors::clear();
    return res;
  }
  if (descr) return descr_ref.release();
  if (!suppress) set_attribute_error(obj, name);
  return nullptr;
}

Object* object_generic_getattr(Object* obj, Object* name) {
  return object_generic_getattr_with_dict(obj, name, nullptr, false);
}

// _PyObject_GenericSetAttrWithDict.
int object_generic_setattr_with_dict(Object* obj, Object* name, Object* value, Object* dict) {
  TypeObject* tp = obj->type;
  if (!str_check(name)) {
    errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                   name->type->name);
    return -1;
  }
  if (!type_has_feature(tp, kTpflagsReady) && type_ready(tp) < 0) return -1;
  Ref<> descr = Ref<>::borrow(type_lookup(tp, name));
  if (descr) {
    descrsetfunc f = descr->type->descr_set;
    if (f) return f(descr.get(), obj, value);
  }
  int res;
  if (dict == nullptr && inline_values_valid(obj)) {
    res = inline_values_set(obj, name, value);
    if (res <= 0) return res;
    // No room left in the values: the attributes move to a dict.
  }
  if (dict == nullptr) {
    Object** dictptr = object_dict_ptr(obj);
    if (dictptr == nullptr) {
      if (!descr) {
        if (tp->setattro == object_generic_setattr) {
          errors::format(exc_AttributeError,
                         "'%.100s' object has no attribute '%U' and no __dict__ for setting "
                         "new attributes",
                         tp->name, name);
        } else {
          errors::format(exc_AttributeError, "'%.100s' object has no attribute '%U'",
                         tp->name, name);
        }
        set_attribute_error_context(obj, name);
      } else {
        errors::format(exc_AttributeError, "'%.100s' object attribute '%U' is read-only",
                       tp->name, name);
      }
      return -1;
    }
    if (*dictptr == nullptr) {
      if (value == nullptr) {
        set_attribute_error(obj, name);
        return -1;
      }
      *dictptr = dict_new();
      if (!*dictptr) return -1;
    }
    dict = *dictptr;
  }
  Ref<> d = Ref<>::borrow(dict);
  if (value == nullptr) {
    res = dict_del_item(dict, name);
  } else {
    res = dict_set_item(dict, name, value);
  }
  if (res < 0 && value == nullptr && errors::exception_matches(exc_KeyError)) {
    errors::clear();
    if (is_subtype(tp, &Type_Type)) {
      errors::format(exc_AttributeError, "type object '%.50s' has no attribute '%U'",
                     static_cast<TypeObject*>(obj)->name, name);
      set_attribute_error_context(obj, name);
    } else {
      set_attribute_error(obj, name);
    }
  }
  return res;
}

int object_generic_setattr(Object* obj, Object* name, Object* value) {
  return object_generic_setattr_with_dict(obj, name, value, nullptr);
}

// PyObject_GenericGetDict: __dict__ of an instance, created on first use.
Object* object_generic_get_dict(Object* obj, void*) {
  Object** dictptr = object_dict_ptr(obj);
  if (dictptr == nullptr) {
    return errors::format(exc_AttributeError, "This object has no __dict__");
  }
  if (*dictptr == nullptr) {
    *dictptr = dict_new();
    if (!*dictptr) return nullptr;
  }
  return new_ref(*dictptr);
}

// PyObject_GenericSetDict.
int object_generic_set_dict(Object* obj, Object* value, void*) {
  Object** dictptr = object_dict_ptr(obj);
  if (dictptr == nullptr) {
    errors::set_string(exc_AttributeError, "This object has no __dict__");
    return -1;
  }
  if (value == nullptr) {
    errors::set_string(exc_TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!dict_check(value)) {
    errors::format(exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                   value->type->name);
    return -1;
  }
  xsetref(*dictptr, new_ref(value));
  return 0;
}

// _PyObject_GetMethod: avoids creating a bound method for the common obj.method(...) call.
bool object_get_method(Object* obj, Object* name, Object** method) {
  TypeObject* tp = obj->type;
  *method = nullptr;
  if (tp->getattro != object_generic_getattr || !str_check(name)) {
    *method = object_getattr(obj, name);
    return false;
  }
  if (!type_has_feature(tp, kTpflagsReady) && type_ready(tp) < 0) return false;
  Object* descr = type_lookup(tp, name);
  Ref<> descr_ref = Ref<>::borrow(descr);
  descrgetfunc f = nullptr;
  bool meth_found = false;
  if (descr) {
    if (type_has_feature(descr->type, kTpflagsMethodDescriptor)) {
      meth_found = true;
    } else {
      f = descr->type->descr_get;
      if (f && descr_is_data(descr)) {
        *method = f(descr, obj, tp);
        return false;
      }
    }
  }
  if (inline_values_valid(obj)) {
    if (Object* v = inline_values_get(obj, name)) {
      *method = new_ref(v);
      return false;
    }
  } else if (Object** dictptr = object_dict_ptr(obj); dictptr && *dictptr) {
    Ref<> d = Ref<>::borrow(*dictptr);
    Object* attr;
    int rc = dict_get_item_ref(d.get(), name, &attr);
    if (rc > 0) {
      *method = attr;
      return false;
    }
    if (rc < 0) return false;
  }
  if (meth_found) {
    *method = descr_ref.release();
    return true;
  }
  if (f) {
    *method = f(descr, obj, tp);
    return false;
  }
  if (descr) {
    *method = descr_ref.release();
    return false;
  }
  set_attribute_error(obj, name);
  return false;
}

// PyObject_Dir: sorted(type(obj).__dir__(obj)).
Object* object_dir(Object* obj) {
  Ref<> name = Ref<>::steal(str_intern_from_cstr("__dir__"));
  Ref<> dirfunc = Ref<>::steal(lookup_special(obj, name.get()));
  if (!dirfunc) {
    if (!errors::occurred())
      errors::set_string(exc_TypeError, "object does not provide __dir__");
    return nullptr;
  }
  Ref<> result = Ref<>::steal(object_call_no_args(dirfunc.get()));
  if (!result) return nullptr;
  Ref<> sorted = Ref<>::steal(sequence_list(result.get()));
  if (!sorted) return nullptr;
  if (list_sort(sorted.get()) < 0) return nullptr;
  return sorted.release();
}

Object* object_self_iter(Object* o) { return new_ref(o); }

Object* object_next_not_implemented(Object* o) {
  return errors::format(exc_TypeError, "'%.200s' object is not iterable", o->type->name);
}
Object* object_type(Object* o) { return new_ref<Object>(o->type); }

// PyObject_Format.
Object* object_format(Object* obj, Object* format_spec) {
  if (format_spec && !str_check(format_spec)) {
    return errors::format(exc_SystemError, "Format specifier must be a string, not %.200s",
                          format_spec->type->name);
  }
  // The fast paths of common types with an empty spec (what f"{i}" reaches).
  if (format_spec == nullptr || str_length(format_spec) == 0) {
    if (obj->type == &str_type) return new_ref(obj);
    if (obj->type == &long_type) return object_str(obj);
  }
  if (format_spec == nullptr) format_spec = str_empty();
  static Object* const name = str_intern_from_cstr("__format__");
  Ref<> meth = Ref<>::steal(lookup_special(obj, name));
  if (!meth) {
    if (!errors::occurred())
      errors::format(exc_TypeError, "Type %.100s doesn't define __format__", obj->type->name);
    return nullptr;
  }
  Object* result = object_call_one_arg(meth.get(), format_spec);
  if (result && !str_check(result)) {
    errors::format(exc_TypeError, "__format__ must return a str, not %.200s",
                   result->type->name);
    decref(result);
    return nullptr;
  }
  return result;
}

// PyObject_CallFinalizerFromDealloc: resurrects the object while tp_finalize runs; -1 when
// the finalizer kept it alive.
int object_call_finalizer_from_dealloc(Object* self) {
  self->refcnt = 1;
  TypeObject* tp = self->type;
  if (tp->finalize) {
    bool gc_obj = gc::object_is_gc(self);
    if (!gc_obj || !gc::is_finalized(self)) {
      if (gc_obj) gc::set_finalized(self);
      Object* saved = errors::get_raised_exception();
      tp->finalize(self);
      if (errors::occurred()) errors::write_unraisable(self);
      errors::set_raised_exception(saved);
    }
  }
  if (--self->refcnt == 0) return 0;
  return -1;
}

}  // namespace cppy::objects
