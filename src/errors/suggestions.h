// "Did you mean" hints: Python/suggestions.c (the Levenshtein distance with CPython's costs
// and limits, _Py_CalculateSuggestions) and the choice of candidates that Lib/traceback.py's
// _compute_suggestion_error makes for NameError, AttributeError and ImportError.
#pragma once

#include <cstddef>
#include <string>

#include "objects/object.h"

namespace cppy::errors {

// levenshtein_distance: the edit distance of a[0:na] and b[0:nb] (UTF-8 bytes) where a move
// costs 2 and a case change 1; max_cost + 1 when it exceeds max_cost or a trimmed string is
// longer than 40 bytes.
size_t levenshtein_distance(const char* a, size_t na, const char* b, size_t nb,
                            size_t max_cost);

// _Py_CalculateSuggestions: the item of dir (a list of str) closest to name, none when no
// item is close enough or dir has 750 items or more. New reference; null with no error set
// when there is none, null with an error on failure.
objects::Object* calculate_suggestions(objects::Object* dir, objects::Object* name);

// traceback._compute_suggestion_error: the suggestion for exc (NameError, AttributeError or
// ImportError with name_from) raised through traceback tb (may be null), as a str, or null
// (never with an error set). For NameError it may be "self.<name>".
objects::Object* compute_suggestion_error(objects::Object* exc, objects::Object* tb,
                                          objects::Object* wrong_name);

// The text traceback.TracebackException appends to str(exc): ". Did you mean: 'x'?" and,
// for a NameError naming a standard library module, "Did you forget to import 'x'?". Empty
// when there is nothing to add.
std::string suggestion_suffix(objects::Object* exc);

}  // namespace cppy::errors
