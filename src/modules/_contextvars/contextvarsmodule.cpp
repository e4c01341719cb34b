// The _contextvars module: Modules/_contextvarsmodule.c, over objects/context.h.
#include "modules/_contextvars/contextvarsmodule.h"

#include "objects/context.h"
#include "objects/moduleobject.h"

namespace cppy::modules::_contextvars {

using namespace objects;

namespace {

// _contextvars_copy_context_impl.
Object* copy_context(Object*, Object*) { return context_copy_current(); }

MethodDef functions[] = {
    {"copy_context", reinterpret_cast<void*>(copy_context), kMethNoArgs,
     "copy_context($module, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

// _contextvars_exec.
int exec(Object* m) {
  if (init_context_types() < 0) return -1;
  if (module_add_object_ref(m, "Context", &context_type) < 0) return -1;
  if (module_add_object_ref(m, "ContextVar", &contextvar_type) < 0) return -1;
  if (module_add_object_ref(m, "Token", &contexttoken_type) < 0) return -1;
  return 0;
}

ModuleDef def = {"_contextvars", "Context Variables", functions, exec};

}  // namespace

ModuleDef* module_def() { return &def; }

}  // namespace cppy::modules::_contextvars
