// bool: Objects/boolobject.c.
#include "objects/boolobject.h"

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

TypeObject bool_type{};

LongObject FalseStruct = {{kImmortalRefcnt, &bool_type}, long_make_tag(0, 0), {0}};
LongObject TrueStruct = {{kImmortalRefcnt, &bool_type}, long_make_tag(1, 1), {1}};

namespace {

// bool_repr: the interned "True" / "False".
Object* bool_repr(Object* self) {
  static Object* true_str = nullptr;
  static Object* false_str = nullptr;
  Object*& cached = self == py_true() ? true_str : false_str;
  if (!cached) cached = str_intern_from_cstr(self == py_true() ? "True" : "False");
  return xnew_ref(cached);
}

// bool_and / bool_or / bool_xor: bools give bools, anything else is int arithmetic.
Object* bool_logic(Object* a, Object* b, int which) {
  if (!bool_check(a) || !bool_check(b)) {
    NumberMethods* nm = long_type.as_number;
    binaryfunc f = which == 0 ? nm->and_ : which == 1 ? nm->or_ : nm->xor_;
    return f(a, b);
  }
  bool x = a == py_true(), y = b == py_true();
  bool r = which == 0 ? (x && y) : which == 1 ? (x || y) : (x != y);
  return bool_from_bool(r);
}
Object* bool_and(Object* a, Object* b) { return bool_logic(a, b, 0); }
Object* bool_or(Object* a, Object* b) { return bool_logic(a, b, 1); }
Object* bool_xor(Object* a, Object* b) { return bool_logic(a, b, 2); }

// bool_invert: deprecated since 3.12, then int's ~.
Object* bool_invert(Object* v) {
  if (errors::warn_ex(exc_DeprecationWarning,
                      "Bitwise inversion '~' on bool is deprecated and will be removed in "
                      "Python 3.16. This returns the bitwise inversion of the underlying int "
                      "object and is usually not what you expect from negating a bool. Use the "
                      "'not' operator for boolean negation or ~int(x) if you really want the "
                      "bitwise inversion of the underlying int.",
                      1) < 0)
    return nullptr;
  return long_type.as_number->invert(v);
}

// bool_new: bool(x=False, /).
Object* bool_new(TypeObject*, Object* args, Object* kwargs) {
  if (!no_keywords("bool", kwargs)) return nullptr;
  ssize n = tuple_size(args);
  if (!check_positional("bool", n, 0, 1)) return nullptr;
  if (n == 0) return bool_from_bool(false);
  int ok = object_is_true(tuple_item(args, 0));
  if (ok < 0) return nullptr;
  return bool_from_bool(ok);
}

// bool_vectorcall.
Object* bool_vectorcall(Object*, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!no_kwnames("bool", kwnames)) return nullptr;
  ssize n = vectorcall_nargs(nargsf);
  if (!check_positional("bool", n, 0, 1)) return nullptr;
  if (n == 0) return bool_from_bool(false);
  int ok = object_is_true(args[0]);
  if (ok < 0) return nullptr;
  return bool_from_bool(ok);
}

NumberMethods g_bool_as_number = {};

const char kBoolDoc[] =
    "Returns True when the argument is true, False otherwise.\n"
    "The builtins True and False are the only two instances of the class bool.\n"
    "The class bool is a subclass of the class int, and cannot be subclassed.";

struct BoolTypeInit {
  BoolTypeInit() {
    g_bool_as_number.and_ = bool_and;
    g_bool_as_number.or_ = bool_or;
    g_bool_as_number.xor_ = bool_xor;
    g_bool_as_number.invert = bool_invert;
    TypeObject& t = bool_type;
    t.refcnt = kImmortalRefcnt;
    t.type = &Type_Type;
    t.name = "bool";
    t.basicsize = sizeof(LongObject) - sizeof(digit);
    t.itemsize = sizeof(digit);
    t.repr = bool_repr;
    t.as_number = &g_bool_as_number;
    t.flags = kTpflagsDefault | kTpflagsLongSubclass | kTpflagsMatchSelf | kTpflagsImmutabletype |
              kTpflagsStaticBuiltin;
    t.doc = kBoolDoc;
    t.base = &long_type;
    t.new_ = bool_new;
    t.vectorcall = bool_vectorcall;
  }
} g_bool_type_init;

}  // namespace

}  // namespace cppy::objects
