// The _suggestions module (Modules/_suggestions.c): _generate_suggestions, the accelerator
// traceback.py uses for "Did you mean" hints, on errors/suggestions.cpp's
// _Py_CalculateSuggestions.
#include "modules/_suggestions/suggestionsmodule.h"

#include "errors/errors.h"
#include "errors/suggestions.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_suggestions {

using namespace objects;

namespace {

// _suggestions__generate_suggestions_impl.
Object* generate_suggestions(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_generate_suggestions", nargs, 2, 2)) return nullptr;
  Object* candidates = args[0];
  Object* item = args[1];
  if (!str_check(item)) {
    bad_argument("_generate_suggestions", "argument 2", "str", item);
    return nullptr;
  }
  if (candidates->type != &list_type) {
    errors::set_string(exc_TypeError, "candidates must be a list");
    return nullptr;
  }
  for (ssize i = 0; i < list_size(candidates); ++i) {
    if (!str_check(list_item(candidates, i))) {
      errors::set_string(exc_TypeError, "all elements in 'candidates' must be strings");
      return nullptr;
    }
  }
  Object* result = errors::calculate_suggestions(candidates, item);
  if (!result && !errors::occurred()) return return_none();
  return result;
}

MethodDef functions[] = {
    {"_generate_suggestions", reinterpret_cast<void*>(generate_suggestions), kMethFastcall,
     "Returns the candidate in candidates that's closest to item"},
    {nullptr, nullptr, 0, nullptr}};

ModuleDef def = {"_suggestions", nullptr, functions, nullptr};

}  // namespace

ModuleDef* module_def() { return &def; }

}  // namespace cppy::modules::_suggestions
