// Keyword argument parsing: Python/getargs.c (_PyArg_UnpackKeywords, _PyArg_CheckPositional,
// _PyArg_NoKeywords).
#include "objects/getargs.h"

#include <cstring>

#include "errors/errors.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

// find_keyword: the value passed for name, borrowed, or null.
Object* find_keyword(Object* kwargs, Object* kwnames, Object* const* kwstack, const char* name) {
  if (kwargs) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v))
      if (str_check(k) && str_compare_cstr(k, name) == 0) return v;
    return nullptr;
  }
  ssize n = tuple_size(kwnames);
  for (ssize i = 0; i < n; ++i)
    if (str_compare_cstr(tuple_item(kwnames, i), name) == 0) return kwstack[i];
  return nullptr;
}

// error_unexpected_keyword_arg.
void unexpected_keyword(Object* kwargs, Object* kwnames, const ArgParser& p, int posonly) {
  auto check = [&](Object* key) {
    if (!str_check(key)) {
      errors::set_string(exc_TypeError, "keywords must be strings");
      return true;
    }
    for (int i = posonly; p.keywords[i]; ++i)
      if (str_compare_cstr(key, p.keywords[i]) == 0) return false;
    errors::format(exc_TypeError, "%.200s%s got an unexpected keyword argument '%U'", p.fname,
                   "()", key);
    return true;
  };
  if (kwargs) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v))
      if (check(k)) return;
  } else if (kwnames) {
    for (ssize i = 0; i < tuple_size(kwnames); ++i)
      if (check(tuple_item(kwnames, i))) return;
  }
}

}  // namespace

bool unpack_keywords(Object* const* args, ssize nargs, Object* kwargs, Object* kwnames,
                     const ArgParser& p, Object** out) {
  int maxargs = 0, posonly = 0;
  while (p.keywords[maxargs]) ++maxargs;
  while (posonly < maxargs && p.keywords[posonly][0] == '\0') ++posonly;
  ssize nkwargs = kwargs ? dict_size(kwargs) : kwnames ? tuple_size(kwnames) : 0;
  Object* const* kwstack = args + nargs;
  for (int i = 0; i < maxargs; ++i) out[i] = nullptr;
  if (nargs + nkwargs > maxargs) {
    // "keyword " when nargs == 0 (bpo-31229).
    errors::format(exc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)", p.fname,
                   "()", maxargs, nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
                   nargs + nkwargs);
    return false;
  }
  if (nargs > p.maxpos) {
    if (p.maxpos == 0) {
      errors::format(exc_TypeError, "%.200s%s takes no positional arguments", p.fname, "()");
    } else {
      errors::format(exc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     p.fname, "()", p.minpos < p.maxpos ? "at most" : "exactly", p.maxpos,
                     p.maxpos == 1 ? "" : "s", nargs);
    }
    return false;
  }
  int minposonly = posonly < p.minpos ? posonly : p.minpos;
  if (nargs < minposonly) {
    errors::format(exc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                   p.fname, "()", minposonly < p.maxpos ? "at least" : "exactly", minposonly,
                   minposonly == 1 ? "" : "s", nargs);
    return false;
  }
  for (ssize i = 0; i < nargs; ++i) out[i] = args[i];
  int reqlimit = p.minkw ? p.maxpos + p.minkw : p.minpos;
  ssize remaining = nkwargs;
  for (int i = static_cast<int>(nargs) > posonly ? static_cast<int>(nargs) : posonly; i < maxargs;
       ++i) {
    Object* current = nullptr;
    if (remaining) {
      current = find_keyword(kwargs, kwnames, kwstack, p.keywords[i]);
    } else if (i >= reqlimit) {
      break;
    }
    out[i] = current;
    if (current) {
      --remaining;
    } else if (i < p.minpos || (p.maxpos <= i && i < reqlimit)) {
      errors::format(exc_TypeError, "%.200s%s missing required argument '%s' (pos %d)", p.fname,
                     "()", p.keywords[i], i + 1);
      return false;
    }
  }
  if (remaining > 0) {
    for (ssize i = posonly; i < nargs; ++i) {
      if (find_keyword(kwargs, kwnames, kwstack, p.keywords[i])) {
        errors::format(exc_TypeError, "argument for %.200s%s given by name ('%s') and position (%d)",
                       p.fname, "()", p.keywords[i], static_cast<int>(i + 1));
        return false;
      }
    }
    unexpected_keyword(kwargs, kwnames, p, posonly);
    return false;
  }
  return true;
}

bool check_positional(const char* name, ssize nargs, ssize min, ssize max) {
  if (nargs < min) {
    if (name)
      errors::format(exc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    else
      errors::format(exc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    if (name)
      errors::format(exc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                     min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    else
      errors::format(exc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                     min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

bool no_keywords(const char* name, Object* kwargs) {
  if (!kwargs || !dict_check(kwargs) || dict_size(kwargs) == 0) return true;
  errors::format(exc_TypeError, "%.200s() takes no keyword arguments", name);
  return false;
}

bool no_kwnames(const char* name, Object* kwnames) {
  if (!kwnames || tuple_size(kwnames) == 0) return true;
  errors::format(exc_TypeError, "%.200s() takes no keyword arguments", name);
  return false;
}

}  // namespace cppy::objects
