// The _types module: Modules/_typesmodule.c. Lib/types.py starts with `from _types import *`:
// the built-in types that have no name in builtins.
#include "modules/_types/typesmodule.h"

#include "objects/capsule.h"
#include "objects/cellobject.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/frameobject.h"
#include "objects/funcobject.h"
#include "objects/genericaliasobject.h"
#include "objects/genobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "objects/sliceobject.h"
#include "vm/traceback.h"

namespace cppy::objects {
extern TypeObject none_type, notimplemented_type;
}

namespace cppy::modules::types_ {

using namespace objects;

namespace {

// _types_exec.
int types_exec(Object* m) {
  struct {
    const char* name;
    TypeObject* type;
  } const exports[] = {
      {"AsyncGeneratorType", &async_gen_type},
      {"BuiltinFunctionType", &cfunction_type},
      {"BuiltinMethodType", &cfunction_type},  // the same as BuiltinFunctionType
      {"CapsuleType", &capsule_type},
      {"CellType", &cell_type},
      {"ClassMethodDescriptorType", &classmethod_descr_type},
      {"CodeType", &code_type},
      {"CoroutineType", &coro_type},
      {"EllipsisType", &ellipsis_type},
      {"FrameType", &frame_type},
      {"FunctionType", &function_type},
      {"GeneratorType", &gen_type},
      {"GenericAlias", &generic_alias_type},
      {"GetSetDescriptorType", &getset_descr_type},
      {"LambdaType", &function_type},  // the same as FunctionType
      {"MappingProxyType", &mappingproxy_type},
      {"MemberDescriptorType", &member_descr_type},
      {"MethodDescriptorType", &method_descr_type},
      {"MethodType", &method_type},
      {"MethodWrapperType", &method_wrapper_type},
      {"ModuleType", &module_type},
      {"NoneType", &none_type},
      {"NotImplementedType", &notimplemented_type},
      {"SimpleNamespace", &namespace_type},
      {"TracebackType", &vm::traceback_type},
      {"UnionType", &union_type},
      {"WrapperDescriptorType", &wrapper_descr_type},
  };
  for (const auto& e : exports) {
    if (type_ready(e.type) < 0) return -1;
    if (module_add_object_ref(m, e.name, e.type) < 0) return -1;
  }
  return 0;
}

ModuleDef types_def = {"_types", "Define names for built-in types.", nullptr, types_exec};

}  // namespace

ModuleDef* module_def() { return &types_def; }

}  // namespace cppy::modules::types_
