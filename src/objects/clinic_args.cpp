// Python/getargs.c's clinic entry points (see clinic_args.h); the parsing itself is
// getargs.cpp's unpack_keywords_impl.
#include "objects/clinic_args.h"
#include "objects/clinic_ssize.h"

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/exceptions.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

int unpack_keywords(const ArgParser& p, Object* const* args, ssize nargs, Object* kwnames,
                    Object** out) {
  return unpack_keywords_impl(p, args, nargs, nullptr, kwnames, out);
}

int unpack_keywords_tuple(const ArgParser& p, Object* args, Object* kwargs, Object** out) {
  return unpack_keywords_impl(p, tuple_items(args), tuple_size(args), kwargs, nullptr, out);
}

void bad_argument(const char* fname, const char* displayname, const char* expected, Object* arg) {
  if (!displayname || !displayname[0]) {
    errors::format(exc_TypeError, "%.200s() argument must be %.50s, not %.50s", fname, expected,
                   arg == none() ? "None" : arg->type->name);
    return;
  }
  errors::format(exc_TypeError, "%.200s() argument %.200s must be %.50s, not %.50s", fname,
                 displayname, expected, arg == none() ? "None" : arg->type->name);
}

ssize clinic_ssize(Object* o) {
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return -1;
  return long_as_ssize(i.get());
}

}  // namespace cppy::objects
