// Keyword argument parsing: Python/getargs.c (_PyArg_UnpackKeywords, _PyArg_CheckPositional,
// _PyArg_NoKeywords).
#include "objects/getargs.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "errors/errors.h"
#include "errors/suggestions.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

int count_params(const ArgParser& p) {
  int n = 0;
  while (p.keywords[n]) n++;
  return n;
}
int count_posonly(const ArgParser& p) {
  int n = 0;
  while (p.keywords[n] && !p.keywords[n][0]) n++;
  return n;
}

// find_keyword: the value passed under the keyword name, or null.
Object* find_keyword(Object* kwnames, Object* const* kwstack, Object* kwargs, const char* key) {
  if (kwargs) return dict_get_item_string(kwargs, key);
  ssize n = tuple_size(kwnames);
  for (ssize i = 0; i < n; i++)
    if (str_equal_cstr(tuple_item(kwnames, i), key)) return kwstack[i];
  return nullptr;
}

// _Py_CalculateSuggestions over the parser's keyword names: the closest one, or null.
const char* suggest_keyword(const ArgParser& p, Object* name) {
  ssize name_size = 0;
  const char* name_str = str_as_utf8(name, &name_size);
  if (!name_str) {
    errors::clear();
    return nullptr;
  }
  const char* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (int i = 0; p.keywords[i]; i++) {
    const char* item = p.keywords[i];
    if (!item[0] || std::strcmp(item, name_str) == 0) continue;
    size_t item_size = std::strlen(item);
    // A third of the characters involved at most, a move costing 2 (suggestions.c).
    size_t max_distance = (static_cast<size_t>(name_size) + item_size + 3) * 2 / 6;
    if (best_distance - 1 < max_distance) max_distance = best_distance - 1;
    size_t d = errors::levenshtein_distance(name_str, static_cast<size_t>(name_size), item,
                                            item_size, max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) {
      best = item;
      best_distance = d;
    }
  }
  return best;
}

// error_unexpected_keyword_arg ("this function" when the parser has no name, as
// PyArg_ParseTupleAndKeywords formats without ":name" say).
void unexpected_keyword(const ArgParser& p, Object* kwnames, Object* kwargs) {
  int nparams = count_params(p), posonly = count_posonly(p);
  auto check = [&](Object* name) -> bool {
    if (!str_check(name)) {
      errors::set_string(exc_TypeError, "keywords must be strings");
      return true;
    }
    for (int i = posonly; i < nparams; i++)
      if (str_equal_cstr(name, p.keywords[i])) return false;
    if (const char* hint = suggest_keyword(p, name))
      errors::format(exc_TypeError,
                     "%.200s%s got an unexpected keyword argument '%S'. Did you mean '%s'?",
                     p.fname ? p.fname : "this function", p.fname ? "()" : "", name, hint);
    else
      errors::format(exc_TypeError, "%.200s%s got an unexpected keyword argument '%S'",
                     p.fname ? p.fname : "this function", p.fname ? "()" : "", name);
    return true;
  };
  if (kwargs) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v))
      if (check(k)) return;
  } else {
    for (ssize i = 0; i < tuple_size(kwnames); i++)
      if (check(tuple_item(kwnames, i))) return;
  }
}

}  // namespace

int unpack_keywords_impl(const ArgParser& p, Object* const* args, ssize nargs, Object* kwargs,
                         Object* kwnames, Object** out) {
  if (kwargs && dict_size(kwargs) == 0) kwargs = nullptr;
  if (kwnames && tuple_size(kwnames) == 0) kwnames = nullptr;
  int nparams = count_params(p);
  // The fast path of the _PyArg_UnpackKeywords macro: positional arguments only, within
  // [minpos, maxpos] and no required keyword-only parameter, so nothing can be missing.
  if (!kwargs && !kwnames && p.minpos <= nargs && nargs <= p.maxpos && p.minkw == 0) {
    for (int i = 0; i < nparams; i++) out[i] = i < nargs ? args[i] : nullptr;
    return 0;
  }
  Object* const* kwstack = args + nargs;
  int posonly = count_posonly(p);
  const char* fname = p.fname ? p.fname : "function";
  const char* paren = p.fname ? "()" : "";
  ssize nkw = kwargs ? dict_size(kwargs) : kwnames ? tuple_size(kwnames) : 0;
  int minposonly = posonly < p.minpos ? posonly : p.minpos;
  if (nargs + nkw > nparams) {
    // "keyword " when nargs == 0 (bpo-31229).
    errors::format(exc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)", fname,
                   paren, nparams, nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s",
                   nargs + nkw);
    return -1;
  }
  if (nargs > p.maxpos) {
    if (p.maxpos == 0)
      errors::format(exc_TypeError, "%.200s%s takes no positional arguments", fname, paren);
    else
      errors::format(exc_TypeError, "%.200s%s takes %s %d %sargument%s (%zd given)", fname,
                     paren, p.minpos < p.maxpos ? "at most" : "exactly", p.maxpos,
                     nparams > p.maxpos ? "positional " : "", p.maxpos == 1 ? "" : "s", nargs);
    return -1;
  }
  if (nargs < minposonly) {
    // Missing positional-only arguments are always called positional (struct.unpack_from).
    errors::format(exc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)", fname,
                   paren, minposonly < p.maxpos ? "at least" : "exactly", minposonly,
                   minposonly == 1 ? "" : "s", nargs);
    return -1;
  }
  if (nkw > 0 && posonly == nparams) {
    errors::format(exc_TypeError, "%.200s%s takes no keyword arguments", fname, paren);
    return -1;
  }
  for (int i = 0; i < nparams; i++) out[i] = i < nargs ? args[i] : nullptr;
  int reqlimit = p.minkw ? p.maxpos + p.minkw : p.minpos;
  for (int i = static_cast<int>(nargs > posonly ? nargs : posonly); i < nparams; i++) {
    Object* arg = nkw ? find_keyword(kwnames, kwstack, kwargs, p.keywords[i]) : nullptr;
    if (arg) {
      out[i] = arg;
      nkw--;
    } else if (i < p.minpos || (p.maxpos <= i && i < reqlimit)) {
      errors::format(exc_TypeError, "%.200s%s missing required argument '%s' (pos %d)", fname,
                     paren, p.keywords[i], i + 1);
      return -1;
    }
  }
  if (nkw > 0) {
    // Arguments given both by name and by position?
    for (int i = posonly; i < nargs; i++) {
      if (find_keyword(kwnames, kwstack, kwargs, p.keywords[i])) {
        errors::format(exc_TypeError,
                       "argument for %.200s%s given by name ('%s') and position (%d)", fname,
                       paren, p.keywords[i], i + 1);
        return -1;
      }
    }
    unexpected_keyword(p, kwnames, kwargs);
    return -1;
  }
  return 0;
}


bool unpack_keywords(Object* const* args, ssize nargs, Object* kwargs, Object* kwnames,
                     const ArgParser& p, Object** out) {
  return unpack_keywords_impl(p, args, nargs, kwargs, kwnames, out) == 0;
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
