// str.maketrans and str.translate: unicode_maketrans_impl and _PyUnicode_TranslateCharmap
// (charmaptranslate_lookup) of Objects/unicodeobject.c.
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

// str.maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /): a static method.
Object* unicode_maketrans_method(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("maketrans", nargs, 1, 3)) return nullptr;
  Object* x = args[0];
  Object* y = nargs > 1 ? args[1] : nullptr;
  Object* z = nargs > 2 ? args[2] : nullptr;
  if (y && !str_check(y)) {
    bad_argument("maketrans", "2", "str", y);
    return nullptr;
  }
  if (z && !str_check(z)) {
    bad_argument("maketrans", "3", "str", z);
    return nullptr;
  }
  Ref<> result = Ref<>::steal(dict_new());
  if (!result) return nullptr;
  auto put = [&](UCS4 k, Object* value) {
    Ref<> key = Ref<>::steal(long_from_long(static_cast<long>(k)));
    return key && dict_set_item(result.get(), key.get(), value) == 0;
  };
  if (y) {
    if (!str_check(x)) {
      errors::set_string(exc_TypeError,
                         "first maketrans argument must be a string if there is a second argument");
      return nullptr;
    }
    if (str_length(x) != str_length(y)) {
      errors::set_string(exc_ValueError,
                         "the first two maketrans arguments must have equal length");
      return nullptr;
    }
    for (ssize i = 0; i < str_length(x); i++) {
      Ref<> value = Ref<>::steal(long_from_long(static_cast<long>(str_read_char(y, i))));
      if (!value || !put(str_read_char(x, i), value.get())) return nullptr;
    }
    if (z) {
      for (ssize i = 0; i < str_length(z); i++)
        if (!put(str_read_char(z, i), none())) return nullptr;
    }
    return result.release();
  }
  if (!dict_check_exact(x)) {
    errors::set_string(exc_TypeError,
                       "if you give only one argument to maketrans it must be a dict");
    return nullptr;
  }
  ssize pos = 0;
  Object *key, *value;
  while (dict_next(x, &pos, &key, &value)) {
    if (str_check(key)) {
      if (str_length(key) != 1) {
        errors::set_string(exc_ValueError, "string keys in translate table must be of length 1");
        return nullptr;
      }
      if (!put(str_read_char(key, 0), value)) return nullptr;
    } else if (long_check(key)) {
      if (dict_set_item(result.get(), key, value) < 0) return nullptr;
    } else {
      errors::set_string(exc_TypeError, "keys in translate table must be strings or integers");
      return nullptr;
    }
  }
  return result.release();
}

// str.translate(table, /).
Object* unicode_translate_method(Object* self, Object* table) {
  std::u32string out;
  ssize n = str_length(self);
  out.reserve(static_cast<size_t>(n));
  for (ssize i = 0; i < n; i++) {
    UCS4 c = str_read_char(self, i);
    // charmaptranslate_lookup.
    Ref<> key = Ref<>::steal(long_from_long(static_cast<long>(c)));
    if (!key) return nullptr;
    Ref<> x = Ref<>::steal(object_get_item(table, key.get()));
    if (!x) {
      if (!errors::exception_matches(exc_LookupError)) return nullptr;
      errors::clear();
      out.push_back(static_cast<char32_t>(c));
      continue;
    }
    if (x.get() == none()) continue;
    if (long_check(x.get())) {
      long v = long_as_long(x.get());
      if (v == -1 && errors::occurred()) return nullptr;
      if (v < 0 || v > 0x10ffff) {
        errors::format(exc_ValueError, "character mapping must be in range(0x%x)", 0x110000);
        return nullptr;
      }
      out.push_back(static_cast<char32_t>(v));
    } else if (str_check(x.get())) {
      for (ssize k = 0; k < str_length(x.get()); k++)
        out.push_back(static_cast<char32_t>(str_read_char(x.get(), k)));
    } else {
      errors::set_string(exc_TypeError, "character mapping must return integer, None or str");
      return nullptr;
    }
  }
  return str_from_kind_and_data(4, out.data(), static_cast<ssize>(out.size()));
}

}  // namespace cppy::objects
