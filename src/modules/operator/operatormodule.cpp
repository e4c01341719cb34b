// The _operator module: Modules/_operator.c.
#include "modules/operator/operatormodule.h"

#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/argconv.h"
#include "modules/functools/functoolsmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/spec_types.h"

// The member tables need offsetof on structs with a base (the object header).
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::modules::operator_ {

using namespace objects;

namespace {

// --- the functions -------------------------------------------------------------------------

#define UNARY(name, expr)                       \
  Object* op_##name(Object*, Object* a) { return expr; }

#define BINARY(name, expr)                                           \
  Object* op_##name(Object*, Object* const* args, ssize nargs) {     \
    if (nargs != 2 && !check_positional(#name, nargs, 2, 2)) return nullptr; \
    Object* a = args[0];                                             \
    Object* b = args[1];                                             \
    return expr;                                                     \
  }

// _operator_truth_impl and friends.
Object* op_truth(Object*, Object* a) {
  int r = object_is_true(a);
  return r < 0 ? nullptr : bool_from_long(r);
}
Object* op_not_(Object*, Object* a) {
  int r = object_not(a);
  return r < 0 ? nullptr : bool_from_long(r);
}
UNARY(index, number_index(a))
UNARY(neg, number_negative(a))
UNARY(pos, number_positive(a))
UNARY(abs, number_absolute(a))
UNARY(inv, number_invert(a))
UNARY(invert, number_invert(a))
UNARY(is_none, bool_from_bool(a == none()))
UNARY(is_not_none, bool_from_bool(a != none()))

BINARY(add, number_add(a, b))
BINARY(sub, number_subtract(a, b))
BINARY(mul, number_multiply(a, b))
BINARY(matmul, number_matrix_multiply(a, b))
BINARY(floordiv, number_floor_divide(a, b))
BINARY(truediv, number_true_divide(a, b))
BINARY(mod, number_remainder(a, b))
BINARY(lshift, number_lshift(a, b))
BINARY(rshift, number_rshift(a, b))
BINARY(and_, number_and(a, b))
BINARY(xor, number_xor(a, b))
BINARY(or_, number_or(a, b))
BINARY(pow, number_power(a, b, none()))
BINARY(iadd, number_inplace_add(a, b))
BINARY(isub, number_inplace_subtract(a, b))
BINARY(imul, number_inplace_multiply(a, b))
BINARY(imatmul, number_inplace_matrix_multiply(a, b))
BINARY(ifloordiv, number_inplace_floor_divide(a, b))
BINARY(itruediv, number_inplace_true_divide(a, b))
BINARY(imod, number_inplace_remainder(a, b))
BINARY(ilshift, number_inplace_lshift(a, b))
BINARY(irshift, number_inplace_rshift(a, b))
BINARY(iand, number_inplace_and(a, b))
BINARY(ixor, number_inplace_xor(a, b))
BINARY(ior, number_inplace_or(a, b))
BINARY(ipow, number_inplace_power(a, b, none()))
BINARY(concat, sequence_concat(a, b))
BINARY(iconcat, sequence_inplace_concat(a, b))
BINARY(getitem, object_get_item(a, b))
BINARY(lt, object_rich_compare(a, b, kLT))
BINARY(le, object_rich_compare(a, b, kLE))
BINARY(eq, object_rich_compare(a, b, kEQ))
BINARY(ne, object_rich_compare(a, b, kNE))
BINARY(gt, object_rich_compare(a, b, kGT))
BINARY(ge, object_rich_compare(a, b, kGE))
BINARY(is_, bool_from_bool(a == b))
BINARY(is_not, bool_from_bool(a != b))

// _operator_contains_impl / indexOf / countOf.
Object* op_contains(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("contains", nargs, 2, 2)) return nullptr;
  int r = sequence_contains(args[0], args[1]);
  return r < 0 ? nullptr : bool_from_long(r);
}
Object* op_indexOf(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("indexOf", nargs, 2, 2)) return nullptr;
  ssize r = sequence_index(args[0], args[1]);
  return r < 0 ? nullptr : long_from_ssize(r);
}
Object* op_countOf(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("countOf", nargs, 2, 2)) return nullptr;
  ssize r = sequence_count(args[0], args[1]);
  return r < 0 ? nullptr : long_from_ssize(r);
}
Object* op_setitem(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("setitem", nargs, 3, 3)) return nullptr;
  if (object_set_item(args[0], args[1], args[2]) < 0) return nullptr;
  return return_none();
}
Object* op_delitem(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("delitem", nargs, 2, 2)) return nullptr;
  if (object_del_item(args[0], args[1]) < 0) return nullptr;
  return return_none();
}

// _operator_length_hint_impl(obj, default=0, /).
Object* op_length_hint(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("length_hint", nargs, 1, 2)) return nullptr;
  ssize dflt = 0;
  if (nargs > 1 && !ssize_converter(args[1], &dflt)) return nullptr;
  ssize r = object_length_hint(args[0], dflt);
  if (r == -1 && errors::occurred()) return nullptr;
  return long_from_ssize(r);
}

// _operator_call(obj, /, *args, **kwargs): obj called with the rest, keywords included.
Object* op_call(Object*, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs < 1) {
    errors::set_string(exc_TypeError, "call() missing required argument 'obj' (pos 1)");
    return nullptr;
  }
  return vectorcall(args[0], args + 1, static_cast<size_t>(nargs - 1) | kVectorcallArgumentsOffset,
                    kwnames);
}

// _tscmp: compares without short-circuiting, so the time taken depends on the length of b
// only (the secret is expected as b).
int tscmp(const unsigned char* a, const unsigned char* b, ssize len_a, ssize len_b) {
  const volatile unsigned char* left;
  const volatile unsigned char* right = b;
  unsigned char result = 0;
  if (len_a == len_b) {
    left = a;
    result = 0;
  } else {
    left = b;
    result = 1;
  }
  for (ssize i = 0; i < len_b; ++i) result |= static_cast<unsigned char>(left[i] ^ right[i]);
  return result == 0;
}

// The bytes of a bytes-like object (bytes until the buffer protocol lands). False with
// CPython's TypeError.
bool simple_buffer(Object* o, const unsigned char** data, ssize* len) {
  if (bytes_check(o)) {
    *data = reinterpret_cast<const unsigned char*>(bytes_as_string(o));
    *len = bytes_size(o);
    return true;
  }
  errors::format(exc_TypeError, "a bytes-like object is required, not '%.100s'", o->type->name);
  return false;
}
bool has_buffer(Object* o) {
  return bytes_check(o) || (o->type->as_buffer && o->type->as_buffer->getbuffer);
}

// _operator__compare_digest_impl.
Object* op_compare_digest(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_compare_digest", nargs, 2, 2)) return nullptr;
  Object* a = args[0];
  Object* b = args[1];
  int rc;
  if (str_check(a) && str_check(b)) {
    if (!str_is_ascii(a) || !str_is_ascii(b)) {
      errors::set_string(exc_TypeError,
                         "comparing strings with non-ASCII characters is not supported");
      return nullptr;
    }
    rc = tscmp(static_cast<const unsigned char*>(str_data(a)),
               static_cast<const unsigned char*>(str_data(b)), str_length(a), str_length(b));
  } else {
    if (!has_buffer(a) && !has_buffer(b)) {
      return errors::format(exc_TypeError,
                            "unsupported operand types(s) or combination of types: "
                            "'%.100s' and '%.100s'",
                            a->type->name, b->type->name);
    }
    const unsigned char *da, *db;
    ssize la, lb;
    if (!simple_buffer(a, &da, &la) || !simple_buffer(b, &db, &lb)) return nullptr;
    rc = tscmp(da, db, la, lb);
  }
  return bool_from_long(rc);
}

// --- itemgetter ----------------------------------------------------------------------------

struct ItemGetter : Object {
  ssize nitems;
  Object* item;   // the single item, or the tuple of items
  ssize index;    // item as a non-negative int for the tuple fast path, else -1
  vectorcallfunc vectorcall;
};

Object* itemgetter_call_impl(ItemGetter* ig, Object* obj) {
  if (ig->nitems == 1) {
    if (ig->index >= 0 && tuple_check_exact(obj) && ig->index < tuple_size(obj))
      return new_ref(tuple_item(obj, ig->index));
    return object_get_item(obj, ig->item);
  }
  ssize n = ig->nitems;
  Object* result = tuple_new(n);
  if (!result) return nullptr;
  for (ssize i = 0; i < n; i++) {
    Object* val = object_get_item(obj, tuple_item(ig->item, i));
    if (!val) {
      for (ssize j = i; j < n; j++) tuple_set_item(result, j, nullptr);
      decref(result);
      return nullptr;
    }
    tuple_set_item(result, i, val);
  }
  return result;
}

Object* itemgetter_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!no_kwnames("itemgetter", kwnames)) return nullptr;
  ssize nargs = vectorcall_nargs(nargsf);
  if (!check_positional("itemgetter", nargs, 1, 1)) return nullptr;
  return itemgetter_call_impl(static_cast<ItemGetter*>(self), args[0]);
}

Object* itemgetter_call(Object* self, Object* args, Object* kw) {
  if (!no_keywords("itemgetter", kw)) return nullptr;
  if (!check_positional("itemgetter", tuple_size(args), 1, 1)) return nullptr;
  return itemgetter_call_impl(static_cast<ItemGetter*>(self), tuple_item(args, 0));
}

// itemgetter_new.
Object* itemgetter_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_keywords("itemgetter", kwds)) return nullptr;
  ssize nitems = tuple_size(args);
  Object* item;
  if (nitems <= 1) {
    if (!check_positional("itemgetter", nitems, 1, 1)) return nullptr;
    item = tuple_item(args, 0);
  } else {
    item = args;
  }
  auto* ig = static_cast<ItemGetter*>(type->alloc(type, 0));
  if (!ig) return nullptr;
  ig->item = new_ref(item);
  ig->nitems = nitems;
  ig->index = -1;
  if (long_check_exact(item)) {
    ssize index = long_as_ssize(item);
    if (index < 0)
      errors::clear();  // out of range or negative: the general path
    else
      ig->index = index;
  }
  ig->vectorcall = itemgetter_vectorcall;
  return ig;
}

void itemgetter_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<ItemGetter*>(o)->item);
  o->type->free(o);
}
int itemgetter_traverse(Object* o, visitproc visit, void* arg) {
  Object* item = static_cast<ItemGetter*>(o)->item;
  return item ? visit(item, arg) : 0;
}

Object* itemgetter_repr(Object* o) {
  auto* ig = static_cast<ItemGetter*>(o);
  const char* name = o->type->name;
  int status = object_print_repr_enter(o);
  if (status != 0) {
    if (status < 0) return nullptr;
    return str_from_format("%s(...)", name);
  }
  Object* repr = ig->nitems == 1 ? str_from_format("%s(%R)", name, ig->item)
                                 : str_from_format("%s%R", name, ig->item);
  object_print_repr_leave(o);
  return repr;
}

Object* itemgetter_reduce(Object* o, Object*) {
  auto* ig = static_cast<ItemGetter*>(o);
  if (ig->nitems == 1) {
    Object* args = tuple_pack(1, ig->item);
    if (!args) return nullptr;
    Object* r = tuple_pack(2, o->type, args);
    decref(args);
    return r;
  }
  return tuple_pack(2, o->type, ig->item);
}

// --- attrgetter ----------------------------------------------------------------------------

struct AttrGetter : Object {
  ssize nattrs;
  Object* attr;  // tuple: a str per name, or a tuple of the parts of a dotted name
  vectorcallfunc vectorcall;
};

Object* dotted_getattr(Object* obj, Object* attr) {
  if (tuple_check_exact(attr)) {
    ssize n = tuple_size(attr);
    incref(obj);
    for (ssize i = 0; i < n; i++) {
      Object* newobj = object_getattr(obj, tuple_item(attr, i));
      decref(obj);
      if (!newobj) return nullptr;
      obj = newobj;
    }
    return obj;
  }
  return object_getattr(obj, attr);
}

Object* attrgetter_call_impl(AttrGetter* ag, Object* obj) {
  if (ag->nattrs == 1) return dotted_getattr(obj, tuple_item(ag->attr, 0));
  ssize n = tuple_size(ag->attr);
  Object* result = tuple_new(n);
  if (!result) return nullptr;
  for (ssize i = 0; i < n; i++) {
    Object* val = dotted_getattr(obj, tuple_item(ag->attr, i));
    if (!val) {
      for (ssize j = i; j < n; j++) tuple_set_item(result, j, nullptr);
      decref(result);
      return nullptr;
    }
    tuple_set_item(result, i, val);
  }
  return result;
}

Object* attrgetter_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!no_kwnames("attrgetter", kwnames)) return nullptr;
  if (!check_positional("attrgetter", vectorcall_nargs(nargsf), 1, 1)) return nullptr;
  return attrgetter_call_impl(static_cast<AttrGetter*>(self), args[0]);
}
Object* attrgetter_call(Object* self, Object* args, Object* kw) {
  if (!no_keywords("attrgetter", kw)) return nullptr;
  if (!check_positional("attrgetter", tuple_size(args), 1, 1)) return nullptr;
  return attrgetter_call_impl(static_cast<AttrGetter*>(self), tuple_item(args, 0));
}

// attrgetter_new: dotted names become tuples of their parts once, here.
Object* attrgetter_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_keywords("attrgetter", kwds)) return nullptr;
  ssize nattrs = tuple_size(args);
  if (nattrs <= 1 && !check_positional("attrgetter", nattrs, 1, 1)) return nullptr;
  Ref<> attr = Ref<>::steal(tuple_new(nattrs));
  if (!attr) return nullptr;
  for (ssize idx = 0; idx < nattrs; ++idx) tuple_set_item(attr.get(), idx, nullptr);
  for (ssize idx = 0; idx < nattrs; ++idx) {
    Object* item = tuple_item(args, idx);
    if (!str_check(item)) {
      errors::set_string(exc_TypeError, "attribute name must be a string");
      for (ssize j = idx; j < nattrs; ++j) tuple_set_item(attr.get(), j, new_ref(none()));
      return nullptr;
    }
    ssize len = str_length(item);
    unsigned kind = str_kind(item);
    const void* data = str_data(item);
    ssize dots = 0;
    for (ssize i = 0; i < len; ++i)
      if (str_read(kind, data, i) == '.') ++dots;
    Object* entry;
    if (dots == 0) {
      entry = new_ref(item);
    } else {
      entry = tuple_new(dots + 1);
      if (entry) {
        ssize from = 0, k = 0;
        for (ssize till = 0; till <= len; ++till) {
          if (till == len || str_read(kind, data, till) == '.') {
            Object* part = str_substring(item, from, till);
            if (!part) {
              for (ssize j = k; j <= dots; ++j) tuple_set_item(entry, j, new_ref(none()));
              decref(entry);
              entry = nullptr;
              break;
            }
            tuple_set_item(entry, k++, part);
            from = till + 1;
          }
        }
      }
    }
    if (!entry) {
      for (ssize j = idx; j < nattrs; ++j) tuple_set_item(attr.get(), j, new_ref(none()));
      return nullptr;
    }
    tuple_set_item(attr.get(), idx, entry);
  }
  auto* ag = static_cast<AttrGetter*>(type->alloc(type, 0));
  if (!ag) return nullptr;
  ag->attr = attr.release();
  ag->nattrs = nattrs;
  ag->vectorcall = attrgetter_vectorcall;
  return ag;
}

void attrgetter_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<AttrGetter*>(o)->attr);
  o->type->free(o);
}
int attrgetter_traverse(Object* o, visitproc visit, void* arg) {
  Object* a = static_cast<AttrGetter*>(o)->attr;
  return a ? visit(a, arg) : 0;
}

// attrgetter_args: the names as given (dotted names joined again).
Object* attrgetter_args(AttrGetter* ag) {
  ssize n = tuple_size(ag->attr);
  Object* attrstrings = tuple_new(n);
  if (!attrstrings) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* attr = tuple_item(ag->attr, i);
    if (tuple_check_exact(attr)) {
      StrWriter w;
      bool ok = true;
      for (ssize k = 0; k < tuple_size(attr) && ok; ++k) {
        if (k && w.write_char('.') < 0) ok = false;
        if (ok && w.write_str(tuple_item(attr, k)) < 0) ok = false;
      }
      Object* joined = ok ? w.finish() : nullptr;
      if (!joined) {
        for (ssize j = i; j < n; ++j) tuple_set_item(attrstrings, j, new_ref(none()));
        decref(attrstrings);
        return nullptr;
      }
      tuple_set_item(attrstrings, i, joined);
    } else {
      tuple_set_item(attrstrings, i, new_ref(attr));
    }
  }
  return attrstrings;
}

Object* attrgetter_repr(Object* o) {
  auto* ag = static_cast<AttrGetter*>(o);
  const char* name = o->type->name;
  int status = object_print_repr_enter(o);
  if (status != 0) {
    if (status < 0) return nullptr;
    return str_from_format("%s(...)", name);
  }
  Object* repr = nullptr;
  Object* attrsep = attrgetter_args(ag);
  if (attrsep) {
    if (tuple_size(attrsep) == 1)
      repr = str_from_format("%s(%R)", name, tuple_item(attrsep, 0));
    else
      repr = str_from_format("%s%R", name, attrsep);
    decref(attrsep);
  }
  object_print_repr_leave(o);
  return repr;
}

Object* attrgetter_reduce(Object* o, Object*) {
  Object* attrstrings = attrgetter_args(static_cast<AttrGetter*>(o));
  if (!attrstrings) return nullptr;
  Object* r = tuple_pack(2, o->type, attrstrings);
  decref(attrstrings);
  return r;
}

// --- methodcaller --------------------------------------------------------------------------

constexpr ssize kMethodcallerMaxArgs = 8;  // _METHODCALLER_MAX_ARGS

struct MethodCaller : Object {
  Object* name;
  Object* xargs;  // tuple of positional arguments
  Object* kwds;   // dict of keyword arguments
  Object* vectorcall_args;     // positional then keyword values, or null (no fast path)
  Object* vectorcall_kwnames;  // tuple of keyword names, or null
  vectorcallfunc vectorcall;
};

Object* methodcaller_vectorcall(Object* self, Object* const* args, size_t nargsf,
                                Object* kwnames) {
  auto* mc = static_cast<MethodCaller*>(self);
  if (!check_positional("methodcaller", vectorcall_nargs(nargsf), 1, 1) ||
      !no_kwnames("methodcaller", kwnames))
    return nullptr;
  // One spare slot in front: the callee may use args[-1] (PY_VECTORCALL_ARGUMENTS_OFFSET).
  Object* buf[kMethodcallerMaxArgs + 1];
  Object** tmp = buf + 1;
  ssize n = tuple_size(mc->vectorcall_args);
  tmp[0] = args[0];
  std::memcpy(tmp + 1, tuple_items(mc->vectorcall_args), sizeof(Object*) * size_t(n));
  return vectorcall_method(mc->name, tmp,
                           static_cast<size_t>(1 + tuple_size(mc->xargs)) | kVectorcallArgumentsOffset,
                           mc->vectorcall_kwnames);
}

Object* methodcaller_call(Object* self, Object* args, Object* kw) {
  auto* mc = static_cast<MethodCaller*>(self);
  if (!no_keywords("methodcaller", kw)) return nullptr;
  if (!check_positional("methodcaller", tuple_size(args), 1, 1)) return nullptr;
  Object* method = object_getattr(tuple_item(args, 0), mc->name);
  if (!method) return nullptr;
  Object* result = object_call(method, mc->xargs, mc->kwds);
  decref(method);
  return result;
}

// _methodcaller_initialize_vectorcall.
int methodcaller_init_vectorcall(MethodCaller* mc) {
  ssize nargs = tuple_size(mc->xargs);
  ssize nkw = dict_size(mc->kwds);
  Object* vargs = tuple_new(nargs + nkw);
  if (!vargs) return -1;
  for (ssize i = 0; i < nargs; ++i) tuple_set_item(vargs, i, new_ref(tuple_item(mc->xargs, i)));
  if (nkw) {
    Object* kwnames = tuple_new(nkw);
    if (!kwnames) {
      for (ssize i = nargs; i < nargs + nkw; ++i) tuple_set_item(vargs, i, new_ref(none()));
      decref(vargs);
      return -1;
    }
    ssize pos = 0, i = 0;
    Object *key, *value;
    while (dict_next(mc->kwds, &pos, &key, &value)) {
      tuple_set_item(kwnames, i, new_ref(key));
      tuple_set_item(vargs, nargs + i, new_ref(value));
      ++i;
    }
    mc->vectorcall_kwnames = kwnames;
  }
  mc->vectorcall_args = vargs;
  mc->vectorcall = methodcaller_vectorcall;
  return 0;
}

Object* methodcaller_new(TypeObject* type, Object* args, Object* kwds) {
  if (tuple_size(args) < 1) {
    errors::set_string(exc_TypeError,
                       "methodcaller needs at least one argument, the method name");
    return nullptr;
  }
  Object* name = tuple_item(args, 0);
  if (!str_check(name)) {
    errors::set_string(exc_TypeError, "method name must be a string");
    return nullptr;
  }
  auto* mc = static_cast<MethodCaller*>(type->alloc(type, 0));
  if (!mc) return nullptr;
  mc->name = new_ref(name);
  mc->xargs = tuple_get_slice(args, 1, tuple_size(args));
  mc->kwds = kwds ? dict_copy(kwds) : dict_new();
  if (!mc->xargs || !mc->kwds) {
    decref(mc);
    return nullptr;
  }
  mc->vectorcall = nullptr;
  // Up to _METHODCALLER_MAX_ARGS arguments (the object included) take the fast path.
  if (1 + tuple_size(mc->xargs) + dict_size(mc->kwds) <= kMethodcallerMaxArgs &&
      methodcaller_init_vectorcall(mc) < 0) {
    decref(mc);
    return nullptr;
  }
  return mc;
}

void methodcaller_dealloc(Object* o) {
  auto* mc = static_cast<MethodCaller*>(o);
  gc::untrack(o);
  xdecref(mc->name);
  xdecref(mc->xargs);
  xdecref(mc->kwds);
  xdecref(mc->vectorcall_args);
  xdecref(mc->vectorcall_kwnames);
  o->type->free(o);
}
int methodcaller_traverse(Object* o, visitproc visit, void* arg) {
  auto* mc = static_cast<MethodCaller*>(o);
  for (Object* x : {mc->name, mc->xargs, mc->kwds, mc->vectorcall_args, mc->vectorcall_kwnames})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}

Object* methodcaller_repr(Object* o) {
  auto* mc = static_cast<MethodCaller*>(o);
  const char* tname = o->type->name;
  int status = object_print_repr_enter(o);
  if (status != 0) {
    if (status < 0) return nullptr;
    return str_from_format("%s(...)", tname);
  }
  ssize nargs = tuple_size(mc->xargs);
  ssize nkw = dict_size(mc->kwds);
  Object* repr = nullptr;
  if (nargs + nkw == 0) {
    repr = str_from_format("%s(%R)", tname, mc->name);
    object_print_repr_leave(o);
    return repr;
  }
  StrWriter w;
  bool ok = true;
  for (ssize i = 0; i < nargs && ok; ++i) {
    Object* r = object_repr(tuple_item(mc->xargs, i));
    ok = r && (i == 0 || w.write_ascii(", ", 2) == 0) && w.write_str(r) == 0;
    xdecref(r);
  }
  ssize pos = 0, i = nargs;
  Object *key, *value;
  while (ok && dict_next(mc->kwds, &pos, &key, &value)) {
    Object* r = str_from_format("%U=%R", key, value);
    ok = r && (i == 0 || w.write_ascii(", ", 2) == 0) && w.write_str(r) == 0;
    xdecref(r);
    ++i;
  }
  if (ok) {
    Object* joined = w.finish();
    if (joined) {
      repr = str_from_format("%s(%R, %U)", tname, mc->name, joined);
      decref(joined);
    }
  }
  object_print_repr_leave(o);
  return repr;
}

// methodcaller_reduce: keywords go through functools.partial(type, name, **kwds).
Object* methodcaller_reduce(Object* o, Object*) {
  auto* mc = static_cast<MethodCaller*>(o);
  if (dict_size(mc->kwds) == 0) {
    ssize n = tuple_size(mc->xargs);
    Object* newargs = tuple_new(1 + n);
    if (!newargs) return nullptr;
    tuple_set_item(newargs, 0, new_ref(mc->name));
    for (ssize i = 0; i < n; ++i) tuple_set_item(newargs, i + 1, new_ref(tuple_item(mc->xargs, i)));
    Object* r = tuple_pack(2, o->type, newargs);
    decref(newargs);
    return r;
  }
  Object* args[2] = {o->type, mc->name};
  Object* constructor =
      vectorcall_dict(&functools::partial_type, args, 2, mc->kwds);
  if (!constructor) return nullptr;
  Object* r = tuple_pack(2, constructor, mc->xargs);
  decref(constructor);
  return r;
}

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords
#define METH_O(f) reinterpret_cast<void*>(f), kMethO

MethodDef itemgetter_methods[] = {
    {"__reduce__", NOARGS(itemgetter_reduce), "Return state information for pickling"},
    {nullptr, nullptr, 0, nullptr}};
MethodDef attrgetter_methods[] = {
    {"__reduce__", NOARGS(attrgetter_reduce), "Return state information for pickling"},
    {nullptr, nullptr, 0, nullptr}};
MethodDef methodcaller_methods[] = {
    {"__reduce__", NOARGS(methodcaller_reduce), "Return state information for pickling"},
    {nullptr, nullptr, 0, nullptr}};

MemberDef itemgetter_members[] = {
    {"__vectorcalloffset__", kMemberSsize, offsetof(ItemGetter, vectorcall), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};
MemberDef attrgetter_members[] = {
    {"__vectorcalloffset__", kMemberSsize, offsetof(AttrGetter, vectorcall), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};
MemberDef methodcaller_members[] = {
    {"__vectorcalloffset__", kMemberSsize, offsetof(MethodCaller, vectorcall), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

#define BIN(name, doc) {#name, FASTCALL(op_##name), #name "($module, a, b, /)\n--\n\n" doc}
#define UN(name, doc) {#name, METH_O(op_##name), #name "($module, a, /)\n--\n\n" doc}

MethodDef operator_methods[] = {
    UN(truth, "Return True if a is true, False otherwise."),
    BIN(contains, "Same as b in a (note reversed operands)."),
    BIN(indexOf, "Return the first index of b in a."),
    BIN(countOf, "Return the number of items in a which are, or which equal, b."),
    UN(is_none, "Same as a is None."),
    UN(is_not_none, "Same as a is not None."),
    UN(index, "Same as a.__index__()"),
    BIN(add, "Same as a + b."),
    BIN(sub, "Same as a - b."),
    BIN(mul, "Same as a * b."),
    BIN(matmul, "Same as a @ b."),
    BIN(floordiv, "Same as a // b."),
    BIN(truediv, "Same as a / b."),
    BIN(mod, "Same as a % b."),
    UN(neg, "Same as -a."),
    UN(pos, "Same as +a."),
    UN(abs, "Same as abs(a)."),
    UN(inv, "Same as ~a."),
    UN(invert, "Same as ~a."),
    BIN(lshift, "Same as a << b."),
    BIN(rshift, "Same as a >> b."),
    UN(not_, "Same as not a."),
    BIN(and_, "Same as a & b."),
    BIN(xor, "Same as a ^ b."),
    BIN(or_, "Same as a | b."),
    BIN(iadd, "Same as a += b."),
    BIN(isub, "Same as a -= b."),
    BIN(imul, "Same as a *= b."),
    BIN(imatmul, "Same as a @= b."),
    BIN(ifloordiv, "Same as a //= b."),
    BIN(itruediv, "Same as a /= b."),
    BIN(imod, "Same as a %= b."),
    BIN(ilshift, "Same as a <<= b."),
    BIN(irshift, "Same as a >>= b."),
    BIN(iand, "Same as a &= b."),
    BIN(ixor, "Same as a ^= b."),
    BIN(ior, "Same as a |= b."),
    BIN(concat, "Same as a + b, for a and b sequences."),
    BIN(iconcat, "Same as a += b, for a and b sequences."),
    BIN(getitem, "Same as a[b]."),
    {"setitem", FASTCALL(op_setitem), "setitem($module, a, b, c, /)\n--\n\nSame as a[b] = c."},
    BIN(delitem, "Same as del a[b]."),
    BIN(pow, "Same as a ** b."),
    BIN(ipow, "Same as a **= b."),
    BIN(eq, "Same as a == b."),
    BIN(ne, "Same as a != b."),
    BIN(lt, "Same as a < b."),
    BIN(le, "Same as a <= b."),
    BIN(gt, "Same as a > b."),
    BIN(ge, "Same as a >= b."),
    BIN(is_, "Same as a is b."),
    BIN(is_not, "Same as a is not b."),
    {"_compare_digest", FASTCALL(op_compare_digest),
     "_compare_digest($module, a, b, /)\n--\n\n"
     "Return 'a == b'.\n\n"
     "This function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography.\n\n"
     "a and b must both be of the same type: either str (ASCII only),\n"
     "or any bytes-like object.\n\n"
     "Note: If a and b are of different lengths, or if an error occurs,\n"
     "a timing attack could theoretically reveal information about the\n"
     "types and lengths of a and b--but not their values."},
    {"length_hint", FASTCALL(op_length_hint),
     "length_hint($module, obj, default=0, /)\n--\n\n"
     "Return an estimate of the number of items in obj.\n\n"
     "This is useful for presizing containers when building from an iterable.\n\n"
     "If the object supports len(), the result will be exact.\n"
     "Otherwise, it may over- or under-estimate by an arbitrary amount.\n"
     "The result will be an integer >= 0."},
    {"call", FASTCALL_KW(op_call),
     "call($module, obj, /, *args, **kwargs)\n--\n\nSame as obj(*args, **kwargs)."},
    {nullptr, nullptr, 0, nullptr},
};

int operator_exec(Object* m) {
  for (TypeObject* t : {&itemgetter_type, &attrgetter_type, &methodcaller_type}) {
    type_mark_spec_slots(t);  // Py_tp_getattro in their specs (objects/spec_types.h)
    if (type_ready(t) < 0) return -1;
    if (module_add_object_ref(m, type_short_name(t), t) < 0) return -1;
  }
  return 0;
}

ModuleDef operator_def = {
    "_operator",
    "Operator interface.\n\n"
    "This module exports a set of functions implemented in C corresponding\n"
    "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
    "is equivalent to the expression x+y.  The function names are those\n"
    "used for special methods; variants without leading and trailing\n"
    "'__' are also provided for convenience.",
    operator_methods, operator_exec};

constexpr unsigned long kCallableFlags = kTpflagsHaveGc | kTpflagsHaveVectorcall;

// common_getset: the getters take one positional argument, whatever their construction
// (inspect.signature(itemgetter(1)) is "(obj, /)").
Object* text_signature(Object*, void*) { return str_from_cstr("(obj, /)"); }
GetSetDef common_getset[] = {{"__text_signature__", text_signature, nullptr, nullptr, nullptr},
                             {nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace

TypeObject itemgetter_type = [] {
  TypeObject t = static_type("operator.itemgetter", sizeof(ItemGetter), 0, kCallableFlags);
  t.doc =
      "itemgetter(item, /, *items)\n--\n\n"
      "Return a callable object that fetches the given item(s) from its operand.\n\n"
      "After f = itemgetter(2), the call f(r) returns r[2].\n"
      "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])";
  t.dealloc = itemgetter_dealloc;
  t.vectorcall_offset = offsetof(ItemGetter, vectorcall);
  t.repr = itemgetter_repr;
  t.call = itemgetter_call;
  t.getattro = object_generic_getattr;
  t.traverse = itemgetter_traverse;
  t.methods = itemgetter_methods;
  t.members = itemgetter_members;
  t.getset = common_getset;
  t.new_ = itemgetter_new;
  return t;
}();

TypeObject attrgetter_type = [] {
  TypeObject t = static_type("operator.attrgetter", sizeof(AttrGetter), 0, kCallableFlags);
  t.doc =
      "attrgetter(attr, /, *attrs)\n--\n\n"
      "Return a callable object that fetches the given attribute(s) from its operand.\n\n"
      "After f = attrgetter('name'), the call f(r) returns r.name.\n"
      "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
      "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
      "(r.name.first, r.name.last).";
  t.dealloc = attrgetter_dealloc;
  t.vectorcall_offset = offsetof(AttrGetter, vectorcall);
  t.repr = attrgetter_repr;
  t.call = attrgetter_call;
  t.getattro = object_generic_getattr;
  t.traverse = attrgetter_traverse;
  t.methods = attrgetter_methods;
  t.members = attrgetter_members;
  t.getset = common_getset;
  t.new_ = attrgetter_new;
  return t;
}();

TypeObject methodcaller_type = [] {
  TypeObject t = static_type("operator.methodcaller", sizeof(MethodCaller), 0, kCallableFlags);
  t.doc =
      "methodcaller(name, /, *args, **kwargs)\n--\n\n"
      "Return a callable object that calls the given method on its operand.\n\n"
      "After f = methodcaller('name'), the call f(r) returns r.name().\n"
      "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
      "r.name('date', foo=1).";
  t.dealloc = methodcaller_dealloc;
  t.vectorcall_offset = offsetof(MethodCaller, vectorcall);
  t.repr = methodcaller_repr;
  t.call = methodcaller_call;
  t.getattro = object_generic_getattr;
  t.traverse = methodcaller_traverse;
  t.methods = methodcaller_methods;
  t.members = methodcaller_members;
  t.getset = common_getset;
  t.new_ = methodcaller_new;
  return t;
}();

ModuleDef* module_def() { return &operator_def; }

}  // namespace cppy::modules::operator_
