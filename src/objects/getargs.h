// Argument parsing for builtin functions: the keyword part of Python/getargs.c
// (_PyArg_UnpackKeywords, as Argument Clinic's generated code calls it), with its messages.
#pragma once

#include "objects/object.h"

namespace cppy::objects {

// A function's parameters: names in order, "" for positional-only ones (which come first);
// minpos..maxpos positional arguments; minkw required keyword-only arguments (those after
// maxpos).
struct ArgParser {
  const char* fname;
  const char* const* keywords;  // null-terminated
  int minpos;
  int maxpos;
  int minkw;
};

// Fills out[0..len(keywords)) with the arguments (borrowed; null where not given) from a
// vectorcall (args, nargs, kwnames) or a (tuple items, dict) call (kwargs). False with the
// TypeError CPython raises.
bool unpack_keywords(Object* const* args, ssize nargs, Object* kwargs, Object* kwnames,
                     const ArgParser& parser, Object** out);

// The one implementation of _PyArg_UnpackKeywords both entry points above and clinic_args.h's
// use: a vectorcall (kwnames, the values after args[nargs]) or a dict call (kwargs).
// 0, or -1 with the TypeError (with 3.14's "Did you mean" keyword suggestions).
int unpack_keywords_impl(const ArgParser& p, Object* const* args, ssize nargs, Object* kwargs,
                         Object* kwnames, Object** out);

// _PyArg_CheckPositional: "name expected at least/at most N argument(s), got M".
bool check_positional(const char* name, ssize nargs, ssize min, ssize max);
// _PyArg_NoKeywords / _PyArg_NoKwnames: "name() takes no keyword arguments".
bool no_keywords(const char* name, Object* kwargs);
bool no_kwnames(const char* name, Object* kwnames);

}  // namespace cppy::objects
