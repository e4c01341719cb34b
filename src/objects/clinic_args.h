// Argument parsing for the text objects' methods, as Argument Clinic generates it: an
// _PyArg_UnpackKeywords with the keyword suggestions of Python/suggestions.c ("Did you mean")
// and the "positional" wording of 3.14's messages, and _PyArg_BadArgument. The shared parts
// (ArgParser, check_positional, no_keywords, no_kwnames) are objects/getargs.h.
#pragma once

#include "objects/getargs.h"  // ArgParser, check_positional, no_keywords, no_kwnames
#include "objects/object.h"

namespace cppy::objects {

// _PyArg_UnpackKeywords on vectorcall arguments: out[0..nparams) get borrowed arguments,
// null for the absent optional ones. 0, or -1 with TypeError.
int unpack_keywords(const ArgParser& p, Object* const* args, ssize nargs, Object* kwnames,
                    Object** out);
// The same from a tuple and a dict (tp_new / tp_init calls); kwargs may be null.
int unpack_keywords_tuple(const ArgParser& p, Object* args, Object* kwargs, Object** out);

// _PyArg_BadArgument: "FNAME() argument NAME must be EXPECTED, not TYPE". displayname is
// "1", "2"... for positional-only parameters and "'name'" otherwise.
void bad_argument(const char* fname, const char* displayname, const char* expected, Object* arg);

}  // namespace cppy::objects
