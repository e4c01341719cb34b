// Argument converters: Python/getargs.c / Python/modsupport.c.
#include "modules/argconv.h"

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"

namespace cppy::modules {

using namespace objects;

// Clinic's Py_ssize_t converter (_PyNumber_Index then PyLong_AsSsize_t).
bool ssize_converter(Object* arg, ssize* out) {
  if (long_check_exact(arg) && long_is_compact(arg)) {
    *out = long_compact_value(arg);
    return true;
  }
  Object* iobj = number_index(arg);
  if (!iobj) return false;
  ssize v = long_as_ssize(iobj);
  decref(iobj);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// _Py_convert_optional_to_ssize_t.
bool optional_ssize_converter(Object* arg, ssize* out) {
  if (arg == none()) return true;
  if (!index_check(arg)) {
    errors::format(exc_TypeError, "argument should be integer or None, not '%.200s'",
                   arg->type->name);
    return false;
  }
  ssize v = number_as_ssize(arg, exc_OverflowError);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

}  // namespace cppy::modules
