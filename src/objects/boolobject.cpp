// bool: Objects/boolobject.c.
#include "objects/boolobject.h"

#include "objects/text_support.h"
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
    TypeObject& t = bool_type;
    t.refcnt = kImmortalRefcnt;
    t.type = &Type_Type;
    t.name = "bool";
    t.basicsize = sizeof(LongObject) - sizeof(digit);
    t.itemsize = sizeof(digit);
    t.repr = bool_repr;
    t.as_number = &g_bool_as_number;
    t.flags = kTpflagsDefault | kTpflagsLongSubclass | kTpflagsMatchSelf;
    t.doc = kBoolDoc;
    t.base = &long_type;
  }
} g_bool_type_init;

}  // namespace

}  // namespace cppy::objects
