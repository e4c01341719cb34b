// types.SimpleNamespace: Include/cpython/namespaceobject.h, Objects/namespaceobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct NamespaceObject : Object {
  Object* ns_dict;
};

extern TypeObject namespace_type;  // "types.SimpleNamespace"
// _PyNamespace_New: a namespace holding a copy of kwds (a dict, or null); new reference.
Object* namespace_new(Object* kwds);

}  // namespace cppy::objects
