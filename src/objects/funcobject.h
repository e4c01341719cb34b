// Function objects: Include/cpython/funcobject.h, Objects/funcobject.c.
#pragma once

#include <cstdint>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct FunctionObject : Object {
  Object* func_globals;    // dict
  Object* func_builtins;   // a dict, or any mapping globals['__builtins__'] named
  Object* func_name;       // str
  Object* func_qualname;   // str
  Object* func_code;       // code
  Object* func_defaults;   // tuple or null
  Object* func_kwdefaults; // dict or null
  Object* func_closure;    // tuple of cells or null
  Object* func_doc;
  Object* func_dict;
  Object* func_weakreflist;
  Object* func_module;
  Object* func_annotations;  // dict or null
  Object* func_annotate;     // callable or null
  Object* func_typeparams;   // tuple or null
  vectorcallfunc vectorcall;
  uint32_t func_version;
};

extern TypeObject function_type;  // PyFunction_Type

inline bool function_check(Object* o) { return o->type == &function_type; }

// PyFunction_NewWithQualName: globals a dict; qualname null means code.co_qualname.
Object* function_new(Object* code, Object* globals, Object* qualname = nullptr);
// _PyFunction_Vectorcall: runs the function's code in a new frame.
Object* function_vectorcall(Object* func, Object* const* args, size_t nargsf, Object* kwnames);
// _PyEval_BuiltinsFromGlobals: globals['__builtins__'] (a module's dict, or the object itself:
// a dict or any mapping), or the running frame's builtins. Borrowed; null with an error set
// when the lookup in globals fails.
Object* builtins_from_globals(Object* globals);

}  // namespace cppy::objects
