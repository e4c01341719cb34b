// The warnings machinery and the _warnings module: Python/_warnings.c. The runtime warns
// through errors::warn / warn_ex / warn_format (errors/errors.h), which land here.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_warnings {

ModuleDef* module_def();

// _PyWarnings_InitState: the default filters, once registry, default action and the
// _warnings_context variable. Idempotent; 0 or -1.
int init_state();

// warn_unicode: category may be null (RuntimeWarning); source may be null. 0 or -1 (the
// warning became an exception, or something failed).
int warn(objects::Object* category, objects::Object* message, objects::ssize stack_level,
         objects::Object* source);
// PyErr_WarnExplicitObject: category may be null (RuntimeWarning); module and registry may be
// null.
int warn_explicit_object(objects::Object* category, objects::Object* message,
                         objects::Object* filename, int lineno, objects::Object* module,
                         objects::Object* registry);
// _PyErr_WarnUnawaitedCoroutine: never raises.
void warn_unawaited_coroutine(objects::Object* coro, objects::Object* qualname);

}  // namespace cppy::modules::_warnings
