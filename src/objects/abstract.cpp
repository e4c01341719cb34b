// The abstract object protocols: Objects/abstract.c (numbers with binary_op1's reflected
// operand rules, sequences, mappings, iterators, isinstance/issubclass).
#include "objects/genericaliasobject.h"
#include "objects/abstract.h"

#include <cstring>

#include "errors/errors.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/sliceobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

// The NumberMethods slot of each binary operator, as a member pointer.
using NbSlot = binaryfunc NumberMethods::*;

Object* null_error() {
  if (!errors::occurred())
    errors::set_string(exc_SystemError, "null argument to internal routine");
  return nullptr;
}

// binary_op1.
Object* binary_op1(Object* v, Object* w, NbSlot op_slot) {
  binaryfunc slotv = nullptr, slotw = nullptr;
  if (v->type->as_number) slotv = v->type->as_number->*op_slot;
  if (w->type != v->type && w->type->as_number) {
    slotw = w->type->as_number->*op_slot;
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && is_subtype(w->type, v->type)) {
      Object* x = slotw(v, w);
      if (x != not_implemented()) return x;
      decref(x);
      slotw = nullptr;
    }
    Object* x = slotv(v, w);
    if (x != not_implemented()) return x;
    decref(x);
  }
  if (slotw) {
    Object* x = slotw(v, w);
    if (x != not_implemented()) return x;
    decref(x);
  }
  return return_not_implemented();
}

Object* binop_type_error(Object* v, Object* w, const char* op_name) {
  return errors::format(exc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and "
                        "'%.100s'",
                        op_name, v->type->name, w->type->name);
}

Object* binary_op(Object* v, Object* w, NbSlot op_slot, const char* op_name) {
  Object* result = binary_op1(v, w, op_slot);
  if (result == not_implemented()) {
    decref(result);
    if (op_slot == &NumberMethods::rshift && cfunction_check(v) &&
        std::strcmp(static_cast<CFunctionObject*>(v)->m_ml->name, "print") == 0) {
      return errors::format(exc_TypeError,
                            "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'. "
                            "Did you mean \"print(<message>, file=<output_stream>)\"?",
                            op_name, v->type->name, w->type->name);
    }
    return binop_type_error(v, w, op_name);
  }
  return result;
}

// binary_iop1: the in-place slot of v first, then the binary operator.
Object* binary_iop1(Object* v, Object* w, NbSlot iop_slot, NbSlot op_slot) {
  NumberMethods* mv = v->type->as_number;
  if (mv) {
    binaryfunc slot = mv->*iop_slot;
    if (slot) {
      Object* x = slot(v, w);
      if (x != not_implemented()) return x;
      decref(x);
    }
  }
  return binary_op1(v, w, op_slot);
}

Object* binary_iop(Object* v, Object* w, NbSlot iop_slot, NbSlot op_slot, const char* op_name) {
  Object* result = binary_iop1(v, w, iop_slot, op_slot);
  if (result == not_implemented()) {
    decref(result);
    return binop_type_error(v, w, op_name);
  }
  return result;
}

// ternary_op: pow() with the same reflected-operand rules (the third argument's slot last).
Object* ternary_op(Object* v, Object* w, Object* z, ternaryfunc NumberMethods::*op_slot,
                   const char* op_name) {
  ternaryfunc slotv = nullptr, slotw = nullptr;
  if (v->type->as_number) slotv = v->type->as_number->*op_slot;
  if (w->type != v->type && w->type->as_number) {
    slotw = w->type->as_number->*op_slot;
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && is_subtype(w->type, v->type)) {
      Object* x = slotw(v, w, z);
      if (x != not_implemented()) return x;
      decref(x);
      slotw = nullptr;
    }
    Object* x = slotv(v, w, z);
    if (x != not_implemented()) return x;
    decref(x);
  }
  if (slotw) {
    Object* x = slotw(v, w, z);
    if (x != not_implemented()) return x;
    decref(x);
  }
  if (z->type->as_number) {
    ternaryfunc slotz = z->type->as_number->*op_slot;
    if (slotz == slotv || slotz == slotw) slotz = nullptr;
    if (slotz) {
      Object* x = slotz(v, w, z);
      if (x != not_implemented()) return x;
      decref(x);
    }
  }
  if (z == none()) {
    return errors::format(exc_TypeError,
                          "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
                          op_name, v->type->name, w->type->name);
  }
  return errors::format(exc_TypeError,
                        "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'",
                        op_name, v->type->name, w->type->name, z->type->name);
}

Object* sequence_repeat_op(ssizeargfunc repeatfunc, Object* seq, Object* n) {
  if (!index_check(n)) {
    return errors::format(exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                          n->type->name);
  }
  ssize count = number_as_ssize(n, exc_OverflowError);
  if (count == -1 && errors::occurred()) return nullptr;
  return repeatfunc(seq, count);
}

}  // namespace

#define CPPY_BINARY_FUNC(func, slot, name)                 \
  Object* func(Object* v, Object* w) {                     \
    return binary_op(v, w, &NumberMethods::slot, name);    \
  }
CPPY_BINARY_FUNC(number_or, or_, "|")
CPPY_BINARY_FUNC(number_xor, xor_, "^")
CPPY_BINARY_FUNC(number_and, and_, "&")
CPPY_BINARY_FUNC(number_lshift, lshift, "<<")
CPPY_BINARY_FUNC(number_rshift, rshift, ">>")
CPPY_BINARY_FUNC(number_subtract, subtract, "-")
CPPY_BINARY_FUNC(number_divmod, divmod, "divmod()")
CPPY_BINARY_FUNC(number_matrix_multiply, matrix_multiply, "@")
CPPY_BINARY_FUNC(number_floor_divide, floor_divide, "//")
CPPY_BINARY_FUNC(number_true_divide, true_divide, "/")
CPPY_BINARY_FUNC(number_remainder, remainder, "%")
#undef CPPY_BINARY_FUNC

// PyNumber_Add: numbers first, then sequence concatenation.
Object* number_add(Object* v, Object* w) {
  Object* result = binary_op1(v, w, &NumberMethods::add);
  if (result != not_implemented()) return result;
  decref(result);
  SequenceMethods* m = v->type->as_sequence;
  if (m && m->concat) return m->concat(v, w);
  return binop_type_error(v, w, "+");
}

Object* number_multiply(Object* v, Object* w) {
  Object* result = binary_op1(v, w, &NumberMethods::multiply);
  if (result == not_implemented()) {
    SequenceMethods* mv = v->type->as_sequence;
    SequenceMethods* mw = w->type->as_sequence;
    decref(result);
    if (mv && mv->repeat) return sequence_repeat_op(mv->repeat, v, w);
    if (mw && mw->repeat) return sequence_repeat_op(mw->repeat, w, v);
    return binop_type_error(v, w, "*");
  }
  return result;
}

Object* number_power(Object* v, Object* w, Object* z) {
  return ternary_op(v, w, z, &NumberMethods::power, "** or pow()");
}

#define CPPY_INPLACE_FUNC(func, iop, op, name)                                   \
  Object* func(Object* v, Object* w) {                                           \
    return binary_iop(v, w, &NumberMethods::iop, &NumberMethods::op, name);      \
  }
CPPY_INPLACE_FUNC(number_inplace_or, inplace_or, or_, "|=")
CPPY_INPLACE_FUNC(number_inplace_xor, inplace_xor, xor_, "^=")
CPPY_INPLACE_FUNC(number_inplace_and, inplace_and, and_, "&=")
CPPY_INPLACE_FUNC(number_inplace_lshift, inplace_lshift, lshift, "<<=")
CPPY_INPLACE_FUNC(number_inplace_rshift, inplace_rshift, rshift, ">>=")
CPPY_INPLACE_FUNC(number_inplace_subtract, inplace_subtract, subtract, "-=")
CPPY_INPLACE_FUNC(number_inplace_matrix_multiply, inplace_matrix_multiply, matrix_multiply, "@=")
CPPY_INPLACE_FUNC(number_inplace_floor_divide, inplace_floor_divide, floor_divide, "//=")
CPPY_INPLACE_FUNC(number_inplace_true_divide, inplace_true_divide, true_divide, "/=")
CPPY_INPLACE_FUNC(number_inplace_remainder, inplace_remainder, remainder, "%=")
#undef CPPY_INPLACE_FUNC

Object* number_inplace_add(Object* v, Object* w) {
  Object* result = binary_iop1(v, w, &NumberMethods::inplace_add, &NumberMethods::add);
  if (result == not_implemented()) {
    SequenceMethods* m = v->type->as_sequence;
    decref(result);
    if (m) {
      binaryfunc func = m->inplace_concat ? m->inplace_concat : m->concat;
      if (func) return func(v, w);
    }
    return binop_type_error(v, w, "+=");
  }
  return result;
}

Object* number_inplace_multiply(Object* v, Object* w) {
  Object* result = binary_iop1(v, w, &NumberMethods::inplace_multiply, &NumberMethods::multiply);
  if (result == not_implemented()) {
    ssizeargfunc f = nullptr;
    SequenceMethods* mv = v->type->as_sequence;
    SequenceMethods* mw = w->type->as_sequence;
    decref(result);
    if (mv) {
      f = mv->inplace_repeat ? mv->inplace_repeat : mv->repeat;
      if (f) return sequence_repeat_op(f, v, w);
    } else if (mw && mw->repeat) {
      // "n *= seq": the sequence on the right is repeated, not modified.
      return sequence_repeat_op(mw->repeat, w, v);
    }
    return binop_type_error(v, w, "*=");
  }
  return result;
}

Object* number_inplace_power(Object* v, Object* w, Object* z) {
  NumberMethods* mv = v->type->as_number;
  if (mv && mv->inplace_power) {
    Object* x = mv->inplace_power(v, w, z);
    if (x != not_implemented()) return x;
    decref(x);
  }
  return ternary_op(v, w, z, &NumberMethods::power, "**=");
}

Object* number_negative(Object* o) {
  NumberMethods* m = o->type->as_number;
  if (m && m->negative) return m->negative(o);
  return errors::format(exc_TypeError, "bad operand type for unary -: '%.200s'", o->type->name);
}
Object* number_positive(Object* o) {
  NumberMethods* m = o->type->as_number;
  if (m && m->positive) return m->positive(o);
  return errors::format(exc_TypeError, "bad operand type for unary +: '%.200s'", o->type->name);
}
Object* number_invert(Object* o) {
  NumberMethods* m = o->type->as_number;
  if (m && m->invert) return m->invert(o);
  return errors::format(exc_TypeError, "bad operand type for unary ~: '%.200s'", o->type->name);
}
Object* number_absolute(Object* o) {
  NumberMethods* m = o->type->as_number;
  if (m && m->absolute) return m->absolute(o);
  return errors::format(exc_TypeError, "bad operand type for abs(): '%.200s'", o->type->name);
}

// PyIndex_Check; int always qualifies (even before its number slots are filled).
bool index_check(Object* o) {
  return long_check(o) || (o->type->as_number && o->type->as_number->index);
}

bool number_check(Object* o) {
  NumberMethods* nb = o->type->as_number;
  return nb && (nb->index || nb->int_ || nb->float_ /* complex by the text owner */);
}

namespace {
// _PyNumber_Index: an int (a subclass instance stays as it is) or what __index__ returned,
// which may be an instance of a strict subclass of int only with a DeprecationWarning.
Object* number_index_any(Object* item) {
  if (item == nullptr) return null_error();
  if (long_check(item)) return new_ref(item);
  if (!index_check(item)) {
    return errors::format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          item->type->name);
  }
  Object* result = item->type->as_number->index(item);
  if (!result || long_check_exact(result)) return result;
  if (!long_check(result)) {
    errors::format(exc_TypeError, "__index__ returned non-int (type %.200s)",
                   result->type->name);
    decref(result);
    return nullptr;
  }
  if (errors::warn_format(exc_DeprecationWarning, 1,
                          "__index__ returned non-int (type %.200s).  The ability to return an "
                          "instance of a strict subclass of int is deprecated, and may be "
                          "removed in a future version of Python.",
                          result->type->name) < 0) {
    decref(result);
    return nullptr;
  }
  return result;
}
}  // namespace

// PyNumber_Index: always an exact int (_PyLong_Copy of a subclass instance, so
// operator.index(True) is 1).
Object* number_index(Object* item) {
  if (item != nullptr && long_check_exact(item)) return new_ref(item);
  Object* result = number_index_any(item);
  if (result && !long_check_exact(result)) {
    Object* copy = long_long(result);
    decref(result);
    return copy;
  }
  return result;
}

// PyNumber_AsSsize_t.
ssize number_as_ssize(Object* item, TypeObject* err) {
  Ref<> value = Ref<>::steal(number_index_any(item));
  if (!value) return -1;
  long result = long_as_long(value.get());
  if (result != -1 || !errors::occurred()) return result;
  if (!errors::exception_matches(exc_OverflowError)) return -1;
  errors::clear();
  if (!err) {
    // Clip to the nearest bound.
    Ref<> zero = Ref<>::steal(long_from_long(0));
    int neg = object_rich_compare_bool(value.get(), zero.get(), kLT);
    if (neg < 0) return -1;
    return neg ? PTRDIFF_MIN : PTRDIFF_MAX;
  }
  errors::format(err, "cannot fit '%.200s' into an index-sized integer", item->type->name);
  return -1;
}

// PyNumber_Long: int's own conversion (longobject_methods.cpp: __int__ with 3.14's
// DeprecationWarning for a strict subclass of int, __index__, str/bytes/buffers; no __trunc__).
Object* number_long(Object* o) {
  if (o == nullptr) return null_error();
  return long_from_object(o);
}

// PyNumber_Float (the __float__ part; float's constructor adds __index__ and strings).
Object* number_float(Object* o) {
  NumberMethods* m = o->type->as_number;
  if (m && m->float_) return m->float_(o);
  return errors::format(exc_TypeError, "float() argument must be a string or a real number, not "
                        "'%.200s'",
                        o->type->name);
}

Object* binary_op(Object* a, Object* b, int oparg) {
  switch (oparg) {
    case 0: return number_add(a, b);
    case 1: return number_and(a, b);
    case 2: return number_floor_divide(a, b);
    case 3: return number_lshift(a, b);
    case 4: return number_matrix_multiply(a, b);
    case 5: return number_multiply(a, b);
    case 6: return number_remainder(a, b);
    case 7: return number_or(a, b);
    case 8: return number_power(a, b, none());
    case 9: return number_rshift(a, b);
    case 10: return number_subtract(a, b);
    case 11: return number_true_divide(a, b);
    case 12: return number_xor(a, b);
    case 13: return number_inplace_add(a, b);
    case 14: return number_inplace_and(a, b);
    case 15: return number_inplace_floor_divide(a, b);
    case 16: return number_inplace_lshift(a, b);
    case 17: return number_inplace_matrix_multiply(a, b);
    case 18: return number_inplace_multiply(a, b);
    case 19: return number_inplace_remainder(a, b);
    case 20: return number_inplace_or(a, b);
    case 21: return number_inplace_power(a, b, none());
    case 22: return number_inplace_rshift(a, b);
    case 23: return number_inplace_subtract(a, b);
    case 24: return number_inplace_true_divide(a, b);
    case 25: return number_inplace_xor(a, b);
    case 26: return object_get_item(a, b);
    default:
      errors::bad_internal_call();
      return nullptr;
  }
}

// --- sequences and mappings ----------------------------------------------------------------

ssize object_size(Object* o) {
  SequenceMethods* m = o->type->as_sequence;
  if (m && m->length) return m->length(o);
  return mapping_size(o);
}
ssize object_length(Object* o) { return object_size(o); }

ssize mapping_size(Object* o) {
  MappingMethods* m = o->type->as_mapping;
  if (m && m->length) return m->length(o);
  if (o->type->as_sequence && o->type->as_sequence->length) {
    errors::format(exc_TypeError, "%.200s is not a mapping", o->type->name);
    return -1;
  }
  errors::format(exc_TypeError, "object of type '%.200s' has no len()", o->type->name);
  return -1;
}

// PyObject_LengthHint.
ssize object_length_hint(Object* o, ssize defaultvalue) {
  SequenceMethods* sq = o->type->as_sequence;
  MappingMethods* mp = o->type->as_mapping;
  if ((sq && sq->length) || (mp && mp->length)) {
    ssize res = object_size(o);
    if (res < 0) {
      if (!errors::exception_matches(exc_TypeError)) return -1;
      errors::clear();
    } else {
      return res;
    }
  }
  static Object* hint_name = str_intern_from_cstr("__length_hint__");
  Ref<> hint = Ref<>::steal(lookup_special(o, hint_name));
  if (!hint) {
    if (errors::occurred()) return -1;
    return defaultvalue;
  }
  Ref<> result = Ref<>::steal(object_call_no_args(hint.get()));
  if (!result) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      return defaultvalue;
    }
    return -1;
  }
  if (result.get() == not_implemented()) return defaultvalue;
  if (!long_check(result.get())) {
    errors::format(exc_TypeError, "__length_hint__ must be an integer, not %.100s",
                   result->type->name);
    return -1;
  }
  ssize res = long_as_ssize(result.get());
  if (res == -1 && errors::occurred()) return -1;
  if (res < 0) {
    errors::set_string(exc_ValueError, "__length_hint__() should return >= 0");
    return -1;
  }
  return res;
}

Object* object_get_item(Object* o, Object* key) {
  MappingMethods* m = o->type->as_mapping;
  if (m && m->subscript) return m->subscript(o, key);
  SequenceMethods* ms = o->type->as_sequence;
  if (ms && ms->item) {
    if (index_check(key)) {
      ssize i = number_as_ssize(key, exc_IndexError);
      if (i == -1 && errors::occurred()) return nullptr;
      return sequence_get_item(o, i);
    }
    return errors::format(exc_TypeError, "sequence index must be integer, not '%.200s'",
                          key->type->name);
  }
  if (type_check_type(o)) {
    // Generic aliases: C[int] calls C.__class_getitem__(int).
    // type[int] is special-cased so that other classes do not inherit a __class_getitem__.
    if (o == &Type_Type) return generic_alias_new(o, key);
    static Object* cgi = str_intern_from_cstr("__class_getitem__");
    Object* meth = nullptr;
    if (object_get_optional_attr(o, cgi, &meth) < 0) return nullptr;
    if (meth && meth != none()) {
      Ref<> m2 = Ref<>::steal(meth);
      return object_call_one_arg(meth, key);
    }
    xdecref(meth);
    return errors::format(exc_TypeError, "type '%.200s' is not subscriptable",
                          static_cast<TypeObject*>(o)->name);
  }
  return errors::format(exc_TypeError, "'%.200s' object is not subscriptable", o->type->name);
}

int object_set_item(Object* o, Object* key, Object* value) {
  MappingMethods* m = o->type->as_mapping;
  if (m && m->ass_subscript) return m->ass_subscript(o, key, value);
  if (o->type->as_sequence) {
    if (index_check(key)) {
      ssize i = number_as_ssize(key, exc_IndexError);
      if (i == -1 && errors::occurred()) return -1;
      return sequence_set_item(o, i, value);
    } else if (o->type->as_sequence->ass_item) {
      errors::format(exc_TypeError, "sequence index must be integer, not '%.200s'",
                     key->type->name);
      return -1;
    }
  }
  errors::format(exc_TypeError, "'%.200s' object does not support item assignment",
                 o->type->name);
  return -1;
}

int object_del_item(Object* o, Object* key) {
  MappingMethods* m = o->type->as_mapping;
  if (m && m->ass_subscript) return m->ass_subscript(o, key, nullptr);
  if (o->type->as_sequence) {
    if (index_check(key)) {
      ssize i = number_as_ssize(key, exc_IndexError);
      if (i == -1 && errors::occurred()) return -1;
      return sequence_del_item(o, i);
    } else if (o->type->as_sequence->ass_item) {
      errors::format(exc_TypeError, "sequence index must be integer, not '%.200s'",
                     key->type->name);
      return -1;
    }
  }
  errors::format(exc_TypeError, "'%.200s' object does not support item deletion", o->type->name);
  return -1;
}

bool sequence_check(Object* s) {
  if (dict_check(s)) return false;
  return s->type->as_sequence && s->type->as_sequence->item;
}

ssize sequence_size(Object* s) {
  SequenceMethods* m = s->type->as_sequence;
  if (m && m->length) return m->length(s);
  if (s->type->as_mapping && s->type->as_mapping->length) {
    errors::format(exc_TypeError, "%.200s is not a sequence", s->type->name);
    return -1;
  }
  errors::format(exc_TypeError, "object of type '%.200s' has no len()", s->type->name);
  return -1;
}

Object* sequence_concat(Object* s, Object* o) {
  SequenceMethods* m = s->type->as_sequence;
  if (m && m->concat) return m->concat(s, o);
  if (sequence_check(s) && sequence_check(o)) {
    Object* result = binary_op1(s, o, &NumberMethods::add);
    if (result != not_implemented()) return result;
    decref(result);
  }
  return errors::format(exc_TypeError, "'%.200s' object can't be concatenated", s->type->name);
}

Object* sequence_repeat(Object* o, ssize count) {
  SequenceMethods* m = o->type->as_sequence;
  if (m && m->repeat) return m->repeat(o, count);
  return errors::format(exc_TypeError, "'%.200s' object can't be repeated", o->type->name);
}

Object* sequence_inplace_concat(Object* s, Object* o) {
  SequenceMethods* m = s->type->as_sequence;
  if (m && m->inplace_concat) return m->inplace_concat(s, o);
  if (m && m->concat) return m->concat(s, o);
  return errors::format(exc_TypeError, "'%.200s' object can't be concatenated", s->type->name);
}

Object* sequence_inplace_repeat(Object* o, ssize count) {
  SequenceMethods* m = o->type->as_sequence;
  if (m && m->inplace_repeat) return m->inplace_repeat(o, count);
  if (m && m->repeat) return m->repeat(o, count);
  return errors::format(exc_TypeError, "'%.200s' object can't be repeated", o->type->name);
}

Object* sequence_get_item(Object* s, ssize i) {
  SequenceMethods* m = s->type->as_sequence;
  if (m && m->item) {
    if (i < 0 && m->length) {
      ssize l = m->length(s);
      if (l < 0) return nullptr;
      i += l;
    }
    return m->item(s, i);
  }
  if (s->type->as_mapping && s->type->as_mapping->subscript)
    return errors::format(exc_TypeError, "%.200s is not a sequence", s->type->name);
  return errors::format(exc_TypeError, "'%.200s' object does not support indexing",
                        s->type->name);
}

int sequence_set_item(Object* s, ssize i, Object* o) {
  SequenceMethods* m = s->type->as_sequence;
  if (m && m->ass_item) {
    if (i < 0 && m->length) {
      ssize l = m->length(s);
      if (l < 0) return -1;
      i += l;
    }
    return m->ass_item(s, i, o);
  }
  errors::format(exc_TypeError, "'%.200s' object does not support item assignment",
                 s->type->name);
  return -1;
}

int sequence_del_item(Object* s, ssize i) {
  SequenceMethods* m = s->type->as_sequence;
  if (m && m->ass_item) {
    if (i < 0 && m->length) {
      ssize l = m->length(s);
      if (l < 0) return -1;
      i += l;
    }
    return m->ass_item(s, i, nullptr);
  }
  errors::format(exc_TypeError, "'%.200s' object doesn't support item deletion", s->type->name);
  return -1;
}

Object* sequence_get_slice(Object* s, ssize i1, ssize i2) {
  MappingMethods* mp = s->type->as_mapping;
  if (mp && mp->subscript) {
    Ref<> a = Ref<>::steal(long_from_ssize(i1));
    Ref<> b = Ref<>::steal(long_from_ssize(i2));
    if (!a || !b) return nullptr;
    Ref<> slice = Ref<>::steal(slice_new(a.get(), b.get(), nullptr));
    if (!slice) return nullptr;
    return mp->subscript(s, slice.get());
  }
  return errors::format(exc_TypeError, "'%.200s' object is unsliceable", s->type->name);
}

// PySequence_Tuple.
Object* sequence_tuple(Object* v) {
  if (tuple_check_exact(v)) return new_ref(v);
  if (list_check_exact(v)) return list_as_tuple(v);
  Ref<> it = Ref<>::steal(object_get_iter(v));
  if (!it) return nullptr;
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  if (list_extend(list.get(), it.get()) < 0) return nullptr;
  // CPython fills a PyTuple_New tuple (resized to the length reached): always tracked.
  ssize n = list_size(list.get());
  Object* t = tuple_new(n);
  if (!t) return nullptr;
  for (ssize i = 0; i < n; ++i) tuple_set_item(t, i, new_ref(list_items(list.get())[i]));
  return t;
}

// PySequence_List.
Object* sequence_list(Object* v) {
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  if (list_extend(result.get(), v) < 0) return nullptr;
  return result.release();
}

Object* sequence_fast(Object* v, const char* m) {
  if (list_check_exact(v) || tuple_check_exact(v)) return new_ref(v);
  Ref<> it = Ref<>::steal(object_get_iter(v));
  if (!it) {
    if (errors::exception_matches(exc_TypeError)) errors::set_string(exc_TypeError, m);
    return nullptr;
  }
  return sequence_list(it.get());
}

namespace {
enum class SearchOp { kCount, kIndex, kContains };
// _PySequence_IterSearch.
ssize iter_search(Object* seq, Object* obj, SearchOp op) {
  Ref<> it = Ref<>::steal(object_get_iter(seq));
  if (!it) {
    if (errors::exception_matches(exc_TypeError)) {
      // `in` says "container or iterable", count/index only "iterable" (3.14's texts).
      errors::format(exc_TypeError,
                     op == SearchOp::kContains
                         ? "argument of type '%.200s' is not a container or iterable"
                         : "argument of type '%.200s' is not iterable",
                     seq->type->name);
    }
    return -1;
  }
  ssize n = 0;
  bool wrapped = false;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) {
      if (errors::occurred()) return -1;
      break;
    }
    int cmp = object_rich_compare_bool(item.get(), obj, kEQ);
    if (cmp < 0) return -1;
    if (cmp > 0) {
      switch (op) {
        case SearchOp::kCount:
          ++n;
          break;
        case SearchOp::kIndex:
          if (wrapped) {
            errors::set_string(exc_OverflowError, "index exceeds C integer size");
            return -1;
          }
          return n;
        case SearchOp::kContains:
          return 1;
      }
    }
    if (op == SearchOp::kIndex) {
      if (n == PTRDIFF_MAX) wrapped = true;
      ++n;
    }
  }
  if (op == SearchOp::kIndex) {
    errors::set_string(exc_ValueError, "sequence.index(x): x not in sequence");
    return -1;
  }
  return op == SearchOp::kContains ? 0 : n;
}
}  // namespace

int sequence_contains(Object* seq, Object* ob) {
  SequenceMethods* sqm = seq->type->as_sequence;
  if (sqm && sqm->contains) return sqm->contains(seq, ob);
  return static_cast<int>(iter_search(seq, ob, SearchOp::kContains));
}
int sequence_iter_contains(Object* seq, Object* ob) {
  return static_cast<int>(iter_search(seq, ob, SearchOp::kContains));
}
ssize sequence_count(Object* s, Object* o) { return iter_search(s, o, SearchOp::kCount); }
ssize sequence_index(Object* s, Object* o) { return iter_search(s, o, SearchOp::kIndex); }

bool mapping_check(Object* o) { return o->type->as_mapping && o->type->as_mapping->subscript; }

namespace {
// method_output_as_list: o.name() as a list.
Object* method_output_as_list(Object* o, const char* name) {
  Ref<> n = Ref<>::steal(str_intern_from_cstr(name));
  Ref<> meth_output = Ref<>::steal(call_method_no_args(o, n.get()));
  if (!meth_output || list_check_exact(meth_output.get())) return meth_output.release();
  Ref<> it = Ref<>::steal(object_get_iter(meth_output.get()));
  if (!it) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::format(exc_TypeError, "%.200s.%s() returned a non-iterable (type %.200s)",
                     o->type->name, name, meth_output->type->name);
    }
    return nullptr;
  }
  return sequence_list(it.get());
}
}  // namespace

Object* mapping_keys(Object* o) {
  if (dict_check_exact(o)) return dict_keys(o);
  return method_output_as_list(o, "keys");
}
Object* mapping_values(Object* o) {
  if (dict_check_exact(o)) return dict_values(o);
  return method_output_as_list(o, "values");
}
Object* mapping_items(Object* o) {
  if (dict_check_exact(o)) return dict_items(o);
  return method_output_as_list(o, "items");
}

Object* mapping_get_item_string(Object* o, const char* key) {
  Ref<> k = Ref<>::steal(str_from_cstr(key));
  if (!k) return nullptr;
  return object_get_item(o, k.get());
}

int mapping_get_optional_item(Object* o, Object* key, Object** result) {
  if (dict_check_exact(o)) return dict_get_item_ref(o, key, result);
  *result = object_get_item(o, key);
  if (*result) return 1;
  if (!errors::exception_matches(exc_KeyError)) return -1;
  errors::clear();
  return 0;
}

// --- iterators ------------------------------------------------------------------------------

Object* object_get_iter(Object* o) {
  getiterfunc f = o->type->iter;
  if (f == nullptr) {
    if (sequence_check(o)) return seqiter_new(o);
    return errors::format(exc_TypeError, "'%.200s' object is not iterable", o->type->name);
  }
  Object* res = f(o);
  if (res && !iter_check(res)) {
    errors::format(exc_TypeError, "iter() returned non-iterator of type '%.100s'",
                   res->type->name);
    decref(res);
    return nullptr;
  }
  return res;
}

Object* object_get_aiter(Object* o) {
  AsyncMethods* am = o->type->as_async;
  if (am == nullptr || am->aiter == nullptr) {
    return errors::format(exc_TypeError, "'%.200s' object is not an async iterable",
                          o->type->name);
  }
  Object* it = am->aiter(o);
  if (it && !(it->type->as_async && it->type->as_async->anext)) {
    errors::format(exc_TypeError, "aiter() returned not an async iterator of type '%.100s'",
                   it->type->name);
    decref(it);
    return nullptr;
  }
  return it;
}

bool iter_check(Object* o) {
  iternextfunc f = o->type->iternext;
  return f != nullptr && f != object_next_not_implemented;
}

Object* iter_next(Object* iter) {
  Object* result = iter->type->iternext(iter);
  if (result == nullptr && errors::occurred() && errors::exception_matches(exc_StopIteration))
    errors::clear();
  return result;
}

int iter_next_item(Object* iter, Object** item) {
  iternextfunc f = iter->type->iternext;
  if (f == nullptr) {
    *item = nullptr;
    errors::format(exc_TypeError, "expected an iterator, got '%s'", iter->type->name);
    return -1;
  }
  *item = f(iter);
  if (*item) return 1;
  if (!errors::occurred()) return 0;
  if (errors::exception_matches(exc_StopIteration)) {
    errors::clear();
    return 0;
  }
  return -1;
}

// --- isinstance / issubclass -----------------------------------------------------------------

namespace {

// abstract_get_bases: cls.__bases__ if it is a tuple (borrowed semantics via Ref).
Object* abstract_get_bases(Object* cls) {
  static Object* bases_name = str_intern_from_cstr("__bases__");
  Object* bases = nullptr;
  if (object_get_optional_attr(cls, bases_name, &bases) < 0) return nullptr;
  if (bases && !tuple_check(bases)) {
    decref(bases);
    return nullptr;
  }
  return bases;
}

int abstract_issubclass(Object* derived, Object* cls) {
  for (;;) {
    if (derived == cls) return 1;
    Ref<> bases = Ref<>::steal(abstract_get_bases(derived));
    if (!bases) return errors::occurred() ? -1 : 0;
    ssize n = tuple_size(bases.get());
    if (n == 0) return 0;
    if (n == 1) {
      // Avoid recursion in the single inheritance case.
      derived = tuple_item(bases.get(), 0);
      Ref<> keep = Ref<>::borrow(derived);
      int r;
      if (derived == cls) return 1;
      r = abstract_issubclass(derived, cls);
      return r;
    }
    if (enter_recursive_call(" in __issubclass__")) return -1;
    int r = 0;
    for (ssize i = 0; i < n; ++i) {
      r = abstract_issubclass(tuple_item(bases.get(), i), cls);
      if (r != 0) break;
    }
    leave_recursive_call();
    return r;
  }
}

bool check_class(Object* cls, const char* error) {
  Ref<> bases = Ref<>::steal(abstract_get_bases(cls));
  if (!bases) {
    if (!errors::occurred()) errors::set_string(exc_TypeError, error);
    return false;
  }
  return true;
}

int object_isinstance_plain(Object* inst, Object* cls) {
  static Object* class_name = str_intern_from_cstr("__class__");
  int retval;
  Object* icls = nullptr;
  if (type_check_type(cls)) {
    retval = type_check(inst, static_cast<TypeObject*>(cls));
    if (retval == 0) {
      retval = object_get_optional_attr(inst, class_name, &icls);
      if (icls) {
        if (icls != inst->type && type_check_type(icls))
          retval = is_subtype(static_cast<TypeObject*>(icls), static_cast<TypeObject*>(cls));
        else
          retval = 0;
        decref(icls);
      }
    }
  } else {
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
      return -1;
    retval = object_get_optional_attr(inst, class_name, &icls);
    if (icls) {
      retval = abstract_issubclass(icls, cls);
      decref(icls);
    }
  }
  return retval;
}

int recursive_isinstance(Object* inst, Object* cls) {
  // An exact match needs no __instancecheck__ (a metaclass's one is not even called).
  if (inst->type == cls) return 1;
  if (cls->type == &Type_Type) return object_isinstance_plain(inst, cls);
  if (union_check(cls)) cls = union_args(cls);  // isinstance(x, int | str)
  if (tuple_check(cls)) {
    if (enter_recursive_call(" in __instancecheck__")) return -1;
    int r = 0;
    ssize n = tuple_size(cls);
    for (ssize i = 0; i < n; ++i) {
      r = recursive_isinstance(inst, tuple_item(cls, i));
      if (r != 0) break;
    }
    leave_recursive_call();
    return r;
  }
  static Object* checker_name = str_intern_from_cstr("__instancecheck__");
  Ref<> checker = Ref<>::steal(lookup_special(cls, checker_name));
  if (checker) {
    if (enter_recursive_call(" in __instancecheck__")) return -1;
    Ref<> res = Ref<>::steal(object_call_one_arg(checker.get(), inst));
    leave_recursive_call();
    if (!res) return -1;
    return object_is_true(res.get());
  }
  if (errors::occurred()) return -1;
  return object_isinstance_plain(inst, cls);
}

int recursive_issubclass_plain(Object* derived, Object* cls) {
  if (type_check_type(cls) && type_check_type(derived))
    return is_subtype(static_cast<TypeObject*>(derived), static_cast<TypeObject*>(cls));
  if (!check_class(derived, "issubclass() arg 1 must be a class")) return -1;
  if (!union_check(cls) &&
      !check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    return -1;
  return abstract_issubclass(derived, cls);
}

int recursive_issubclass(Object* derived, Object* cls) {
  if (cls->type == &Type_Type) {
    if (derived == cls) return 1;
    return recursive_issubclass_plain(derived, cls);
  }
  if (union_check(cls)) cls = union_args(cls);
  if (tuple_check(cls)) {
    if (enter_recursive_call(" in __subclasscheck__")) return -1;
    int r = 0;
    ssize n = tuple_size(cls);
    for (ssize i = 0; i < n; ++i) {
      r = recursive_issubclass(derived, tuple_item(cls, i));
      if (r != 0) break;
    }
    leave_recursive_call();
    return r;
  }
  static Object* checker_name = str_intern_from_cstr("__subclasscheck__");
  Ref<> checker = Ref<>::steal(lookup_special(cls, checker_name));
  if (checker) {
    if (enter_recursive_call(" in __subclasscheck__")) return -1;
    Ref<> res = Ref<>::steal(object_call_one_arg(checker.get(), derived));
    leave_recursive_call();
    if (!res) return -1;
    return object_is_true(res.get());
  }
  if (errors::occurred()) return -1;
  return recursive_issubclass_plain(derived, cls);
}

}  // namespace

int object_is_instance(Object* inst, Object* cls) { return recursive_isinstance(inst, cls); }
int object_is_subclass(Object* derived, Object* cls) { return recursive_issubclass(derived, cls); }

// type.__instancecheck__ / type.__subclasscheck__ use the plain algorithms.
int type_instancecheck_plain(Object* inst, Object* cls) { return object_isinstance_plain(inst, cls); }
int type_subclasscheck_plain(Object* derived, Object* cls) {
  return recursive_issubclass_plain(derived, cls);
}

}  // namespace cppy::objects
