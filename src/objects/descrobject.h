// Descriptors: Include/descrobject.h, Objects/descrobject.c (method, classmethod, member,
// getset and wrapper descriptors, method-wrapper, property, mappingproxy) and the
// classmethod/staticmethod objects of Objects/funcobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct DescrObject : Object {
  TypeObject* d_type;
  Object* d_name;
  Object* d_qualname;
};
struct MethodDescrObject : DescrObject {
  MethodDef* d_method;
  vectorcallfunc vectorcall;
};
struct MemberDescrObject : DescrObject {
  MemberDef* d_member;
};
struct GetSetDescrObject : DescrObject {
  GetSetDef* d_getset;
};
struct WrapperDescrObject : DescrObject {
  const SlotDef* d_base;
  void* d_wrapped;  // the C slot function
};
struct MethodWrapperObject : Object {
  WrapperDescrObject* descr;
  Object* self;
};
struct PropertyObject : Object {
  Object* prop_get;
  Object* prop_set;
  Object* prop_del;
  Object* prop_doc;
  Object* prop_name;
  int getter_doc;
};
struct ClassMethodObject : Object {  // classmethod and staticmethod
  Object* cm_callable;
  Object* cm_dict;
};
struct MappingProxyObject : Object {
  Object* mapping;
};

extern TypeObject method_descr_type;       // method_descriptor
extern TypeObject classmethod_descr_type;  // classmethod_descriptor
extern TypeObject member_descr_type;       // member_descriptor
extern TypeObject getset_descr_type;       // getset_descriptor
extern TypeObject wrapper_descr_type;      // wrapper_descriptor
extern TypeObject method_wrapper_type;     // method-wrapper
extern TypeObject property_type;
extern TypeObject classmethod_type;
extern TypeObject staticmethod_type;
extern TypeObject mappingproxy_type;

Object* descr_new_method(TypeObject* type, MethodDef* method);       // PyDescr_NewMethod
Object* descr_new_classmethod(TypeObject* type, MethodDef* method);  // PyDescr_NewClassMethod
Object* descr_new_member(TypeObject* type, MemberDef* member);       // PyDescr_NewMember
Object* descr_new_getset(TypeObject* type, GetSetDef* getset);       // PyDescr_NewGetSet
Object* descr_new_wrapper(TypeObject* type, const SlotDef* base, void* wrapped);
Object* method_wrapper_new(Object* descr, Object* self);             // PyWrapper_New
Object* dictproxy_new(Object* mapping);                              // PyDictProxy_New
Object* classmethod_new(Object* callable);                           // PyClassMethod_New
Object* staticmethod_new(Object* callable);                          // PyStaticMethod_New
// PyMember_GetOne / PyMember_SetOne (Python/structmember.c).
Object* member_get_one(const char* obj_addr, MemberDef* m);
int member_set_one(char* obj_addr, MemberDef* m, Object* v);
// PyDescr_IsData: the descriptor's type defines __set__.
inline bool descr_is_data(Object* d) { return d->type->descr_set != nullptr; }

}  // namespace cppy::objects
