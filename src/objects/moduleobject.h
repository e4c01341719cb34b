// Module objects: Include/moduleobject.h, Objects/moduleobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct ModuleObject : Object {
  Object* md_dict;
  void* md_def;
  void* md_state;
  Object* md_weaklist;
  Object* md_name;  // for logging only
};

extern TypeObject module_type;
bool module_check(Object* o);  // PyModule_Check
Object* module_new(const char* name);         // PyModule_New
Object* module_new_object(Object* name);      // PyModule_NewObject
Object* module_get_dict(Object* m);           // borrowed
Object* module_get_name_object(Object* m);    // new reference
// PyModule_AddObjectRef / PyModule_AddFunctions.
int module_add_object_ref(Object* m, const char* name, Object* value);
int module_add_functions(Object* m, MethodDef* functions);

}  // namespace cppy::objects
