// The _bisect module: Modules/_bisectmodule.c.
#include "modules/bisect/bisectmodule.h"

#include "errors/errors.h"
#include "modules/argconv.h"
#include "modules/fastcmp.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::bisect {

using namespace objects;

namespace {

// get_sq_item: the parts of PySequence_GetItem done once per search.
ssizeargfunc get_sq_item(Object* s) {
  TypeObject* tp = s->type;
  if (tp->as_sequence && tp->as_sequence->item) return tp->as_sequence->item;
  if (tp->as_mapping && tp->as_mapping->subscript)
    errors::format(exc_TypeError, "%.200s is not a sequence", tp->name);
  else
    errors::format(exc_TypeError, "'%.200s' object does not support indexing", tp->name);
  return nullptr;
}

// One comparison `lhs < rhs` with the same-type fast path of internal_bisect_right/left:
// tp_richcompare called directly while it answers, PyObject_RichCompareBool after a
// NotImplemented. 1, 0 or -1.
inline int less_than(Object* lhs, Object* rhs, TypeObject* tp, richcmpfunc& compare) {
  int fast = fast_less_than(lhs, rhs);
  if (fast != -2) return fast;
  if (compare && lhs->type == tp && rhs->type == tp) {
    Object* r = compare(lhs, rhs, kLT);
    if (r == py_true()) {
      decref(r);
      return 1;
    }
    if (r == py_false()) {
      decref(r);
      return 0;
    }
    if (!r) return -1;
    if (r == not_implemented()) {
      decref(r);
      compare = nullptr;
      return object_rich_compare_bool(lhs, rhs, kLT);
    }
    int t = object_is_true(r);
    decref(r);
    return t;
  }
  return object_rich_compare_bool(lhs, rhs, kLT);
}

// internal_bisect_right (right=true) and internal_bisect_left: the insertion point of item
// in list[lo:hi] comparing key(list[mid]). -1 on error.
ssize internal_bisect(Object* list, Object* item, ssize lo, ssize hi, Object* key, bool right) {
  if (lo < 0) {
    errors::set_string(exc_ValueError, "lo must be non-negative");
    return -1;
  }
  if (hi == -1) {
    hi = sequence_size(list);
    if (hi < 0) return -1;
  }
  ssizeargfunc sq_item = get_sq_item(list);
  if (!sq_item) return -1;
  if (enter_recursive_call(right ? " in _bisect.bisect_right" : " in _bisect.bisect_left"))
    return -1;
  // The fast path compares objects of item's type (the type of the right-hand or left-hand
  // operand, as CPython checks Py_IS_TYPE(litem, tp)).
  TypeObject* tp = item->type;
  richcmpfunc compare = tp->richcompare;
  while (lo < hi) {
    // The unsigned sum cannot overflow (issue 13496).
    ssize mid = static_cast<ssize>((static_cast<size_t>(lo) + static_cast<size_t>(hi)) / 2);
    Object* litem = sq_item(list, mid);
    if (!litem) goto error;
    if (key != none()) {
      Object* newitem = object_call_one_arg(key, litem);
      decref(litem);
      if (!newitem) goto error;
      litem = newitem;
    }
    int res;
    if (right) {
      // if item < key(list[mid]): hi = mid else lo = mid + 1
      res = less_than(item, litem, tp, compare);
      decref(litem);
      if (res < 0) goto error;
      if (res)
        hi = mid;
      else
        lo = mid + 1;
    } else {
      // if key(list[mid]) < item: lo = mid + 1 else hi = mid
      res = less_than(litem, item, tp, compare);
      decref(litem);
      if (res < 0) goto error;
      if (res)
        lo = mid + 1;
      else
        hi = mid;
    }
  }
  leave_recursive_call();
  return lo;
error:
  leave_recursive_call();
  return -1;
}

const char* const kKeywords[] = {"a", "x", "lo", "hi", "key", nullptr};

// The clinic parsing shared by the four functions: (a, x, lo=0, hi=None, *, key=None).
bool parse(const char* fname, Object* const* args, ssize nargs, Object* kwnames, Object** a,
           Object** x, ssize* lo, ssize* hi, Object** key) {
  ArgParser p{fname, kKeywords, 2, 4, 0};
  Object* out[5] = {};
  if (!kwnames && nargs >= 2 && nargs <= 4) {
    for (ssize i = 0; i < nargs; ++i) out[i] = args[i];
  } else if (unpack_keywords(p, args, nargs, kwnames, out) < 0) {
    return false;
  }
  *a = out[0];
  *x = out[1];
  *lo = 0;
  *hi = -1;
  *key = out[4] ? out[4] : none();
  if (out[2] && !ssize_converter(out[2], lo)) return false;
  if (out[3] && !optional_ssize_converter(out[3], hi)) return false;
  return true;
}

Object* bisect_impl(const char* fname, bool right, Object* const* args, ssize nargs,
                    Object* kwnames) {
  Object *a, *x, *key;
  ssize lo, hi;
  if (!parse(fname, args, nargs, kwnames, &a, &x, &lo, &hi, &key)) return nullptr;
  ssize index = internal_bisect(a, x, lo, hi, key, right);
  if (index < 0) return nullptr;
  return long_from_ssize(index);
}

// _bisect_insort_right_impl / _bisect_insort_left_impl.
Object* insort_impl(const char* fname, bool right, Object* const* args, ssize nargs,
                    Object* kwnames) {
  Object *a, *x, *key;
  ssize lo, hi;
  if (!parse(fname, args, nargs, kwnames, &a, &x, &lo, &hi, &key)) return nullptr;
  ssize index;
  if (key == none()) {
    index = internal_bisect(a, x, lo, hi, key, right);
  } else {
    Object* key_x = object_call_one_arg(key, x);
    if (!key_x) return nullptr;
    index = internal_bisect(a, key_x, lo, hi, key, right);
    decref(key_x);
  }
  if (index < 0) return nullptr;
  if (list_check_exact(a)) {
    if (list_insert(a, index, x) < 0) return nullptr;
  } else {
    static Object* insert_name = str_intern_from_cstr("insert");
    Object* idx = long_from_ssize(index);
    if (!idx) return nullptr;
    Object* r = call_method_obj_args(a, insert_name, idx, x, nullptr);
    decref(idx);
    if (!r) return nullptr;
    decref(r);
  }
  return return_none();
}

Object* bisect_right(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return bisect_impl("bisect_right", true, args, nargs, kwnames);
}
Object* bisect_left(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return bisect_impl("bisect_left", false, args, nargs, kwnames);
}
Object* insort_right(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return insort_impl("insort_right", true, args, nargs, kwnames);
}
Object* insort_left(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return insort_impl("insort_left", false, args, nargs, kwnames);
}

#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef bisect_methods[] = {
    {"bisect_right", FASTCALL_KW(bisect_right),
     "bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e <= x, and all e in\n"
     "a[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just after the rightmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched.\n\n"
     "A custom key function can be supplied to customize the sort order."},
    {"insort_right", FASTCALL_KW(insort_right),
     "insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the right of the rightmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched.\n\n"
     "A custom key function can be supplied to customize the sort order."},
    {"bisect_left", FASTCALL_KW(bisect_left),
     "bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e < x, and all e in\n"
     "a[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just before the leftmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched.\n\n"
     "A custom key function can be supplied to customize the sort order."},
    {"insort_left", FASTCALL_KW(insort_left),
     "insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the left of the leftmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched.\n\n"
     "A custom key function can be supplied to customize the sort order."},
    {nullptr, nullptr, 0, nullptr},
};

ModuleDef bisect_def = {
    "_bisect",
    "Bisection algorithms.\n\n"
    "This module provides support for maintaining a list in sorted order without\n"
    "having to sort the list after each insertion. For long lists of items with\n"
    "expensive comparison operations, this can be an improvement over the more\n"
    "common approach.\n",
    bisect_methods, nullptr};

}  // namespace

ModuleDef* module_def() { return &bisect_def; }

}  // namespace cppy::modules::bisect
