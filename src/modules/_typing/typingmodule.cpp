// The _typing module: Modules/_typingmodule.c. Lib/typing.py takes its type-variable classes,
// Generic, TypeAliasType and NoDefault from here.
#include "modules/_typing/typingmodule.h"

#include "objects/genericaliasobject.h"
#include "objects/moduleobject.h"
#include "objects/typevarobject.h"

namespace cppy::modules::typing_ {

using namespace objects;

namespace {

// _typing__idfunc: the identity (typing.NewType's instances call it).
Object* idfunc(Object*, Object* x) { return new_ref(x); }

MethodDef typing_methods[] = {
    {"_idfunc", reinterpret_cast<void*>(idfunc), kMethO, "_idfunc($module, x, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr},
};

// _typing_exec.
int typing_exec(Object* m) {
  struct {
    const char* name;
    Object* value;
  } const exports[] = {
      {"TypeVar", &typevar_type},
      {"TypeVarTuple", &typevartuple_type},
      {"ParamSpec", &paramspec_type},
      {"ParamSpecArgs", &paramspecargs_type},
      {"ParamSpecKwargs", &paramspeckwargs_type},
      {"Generic", &generic_type},
      {"TypeAliasType", &typealias_type},
      {"Union", &union_type},
      {"NoDefault", no_default()},
  };
  for (const auto& e : exports)
    if (module_add_object_ref(m, e.name, e.value) < 0) return -1;
  return 0;
}

ModuleDef typing_def = {"_typing", "Primitives and accelerators for the typing module.\n",
                        typing_methods, typing_exec};

}  // namespace

ModuleDef* module_def() { return &typing_def; }

}  // namespace cppy::modules::typing_
