import shutil, os
W='/work/wt-bytes'
def rep(p, a, b, cnt=1):
    s=open(W+'/'+p).read()
    n=s.count(a)
    assert n==cnt,(p,a[:60],n)
    s=s.replace(a,b)
    open(W+'/'+p,'w').write(s)
# 1. add_operators: skip inherited slots of static types (slot_inherited).
rep('src/objects/slots.cpp','''// add_operators.
int add_operators(TypeObject* type) {
  if (init_slotdefs() < 0) return -1;
  Object* dict = type->dict;
  for (SlotDef* p = slotdefs; p->name; ++p) {
    if (p->wrapper == nullptr) continue;
    void** ptr = slotptr(type, p);
    if (!ptr || !*ptr) continue;''','''// slot_inherited: a static builtin type's slot that holds its base's function was inherited
// (or set to the same function): the base's wrapper serves, the type gets none of its own.
bool slot_inherited(TypeObject* type, SlotDef* p, void** ptr) {
  void** base_ptr = slotptr(type->base, p);
  if (!base_ptr || *ptr != *base_ptr) return false;
  // Some slots are inherited in pairs.
  if (ptr == reinterpret_cast<void**>(&type->hash))
    return type->richcompare == type->base->richcompare;
  if (ptr == reinterpret_cast<void**>(&type->richcompare))
    return type->hash == type->base->hash;
  return true;
}

// add_operators.
int add_operators(TypeObject* type) {
  if (init_slotdefs() < 0) return -1;
  Object* dict = type->dict;
  for (SlotDef* p = slotdefs; p->name; ++p) {
    if (p->wrapper == nullptr) continue;
    void** ptr = slotptr(type, p);
    if (!ptr || !*ptr) continue;
    // Also ignore slots static builtin types inherited (CPython 3.12+).
    if (!type_has_feature(type, kTpflagsHeaptype) && type->base && slot_inherited(type, p, ptr))
      continue;''')
# 2. classmethod/staticmethod __annotations__ / __annotate__ (3.14), mappingproxy __reversed__.
rep('src/objects/descrobject.cpp','''GetSetDef cm_getset[] = {
    {"__isabstractmethod__", cm_get_isabstract, nullptr, nullptr, nullptr},''','''// descriptor_get_wrapped_attribute / descriptor_set_wrapped_attribute (Objects/funcobject.c):
// the wrapper's own __dict__ first, else the callable's attribute, remembered in that dict.
Object* cm_get_wrapped(Object* self, const char* attr) {
  Ref<> dict = Ref<>::steal(object_generic_get_dict(self, nullptr));
  if (!dict) return nullptr;
  Object* name = str_intern_from_cstr(attr);
  Object* res = dict_get_item(dict.get(), name);
  if (res) return new_ref(res);
  if (errors::occurred()) return nullptr;
  Ref<> value = Ref<>::steal(object_getattr(cm(self)->cm_callable, name));
  if (!value) return nullptr;
  if (dict_set_item(dict.get(), name, value.get()) < 0) return nullptr;
  return value.release();
}
int cm_set_wrapped(Object* self, Object* value, const char* attr) {
  Ref<> dict = Ref<>::steal(object_generic_get_dict(self, nullptr));
  if (!dict) return -1;
  Object* name = str_intern_from_cstr(attr);
  if (value) return dict_set_item(dict.get(), name, value);
  if (dict_del_item(dict.get(), name) < 0) {
    if (errors::exception_matches(exc_KeyError)) {
      errors::clear();
      errors::format(exc_AttributeError, "'%.200s' object has no attribute '%U'",
                     self->type->name, name);
    }
    return -1;
  }
  return 0;
}
Object* cm_get_annotations(Object* self, void*) { return cm_get_wrapped(self, "__annotations__"); }
int cm_set_annotations(Object* self, Object* v, void*) {
  return cm_set_wrapped(self, v, "__annotations__");
}
Object* cm_get_annotate(Object* self, void*) { return cm_get_wrapped(self, "__annotate__"); }
int cm_set_annotate(Object* self, Object* v, void*) { return cm_set_wrapped(self, v, "__annotate__"); }
GetSetDef cm_getset[] = {
    {"__isabstractmethod__", cm_get_isabstract, nullptr, nullptr, nullptr},
    {"__annotations__", cm_get_annotations, cm_set_annotations, nullptr, nullptr},
    {"__annotate__", cm_get_annotate, cm_set_annotate, nullptr, nullptr},''')
rep('src/objects/descrobject.cpp','''Object* mappingproxy_copy(Object* o, Object*) { return mp_call_method(o, "copy"); }''','''Object* mappingproxy_copy(Object* o, Object*) { return mp_call_method(o, "copy"); }
Object* mappingproxy_reversed(Object* o, Object*) { return mp_call_method(o, "__reversed__"); }''')
rep('src/objects/descrobject.cpp','''    {"copy", reinterpret_cast<void*>(mappingproxy_copy), kMethNoArgs,
     "D.copy() -> a shallow copy of D"},''','''    {"copy", reinterpret_cast<void*>(mappingproxy_copy), kMethNoArgs,
     "D.copy() -> a shallow copy of D"},
    {"__reversed__", reinterpret_cast<void*>(mappingproxy_reversed), kMethNoArgs,
     "D.__reversed__() -> reverse iterator"},''')
# 3. complex in builtins.
rep('src/builtins/bltinmodule.cpp','''      {"classmethod", &classmethod_type},''','''      {"classmethod", &classmethod_type},
      {"complex", &complex_type},''')
s=open(W+'/src/builtins/bltinmodule.cpp').read()
if 'objects/complexobject.h' not in s:
    s=s.replace('#include "objects/bytesobject.h"\n','#include "objects/bytesobject.h"\n#include "objects/complexobject.h"\n',1)
    open(W+'/src/builtins/bltinmodule.cpp','w').write(s)
# 4. capsule and _types.
shutil.copy('/tmp/next/objects/capsule.h', W+'/src/objects/capsule.h')
shutil.copy('/tmp/next/objects/capsule.cpp', W+'/src/objects/capsule.cpp')
os.makedirs(W+'/src/modules/_types', exist_ok=True)
for f in ['typesmodule.h','typesmodule.cpp','README.md']:
    shutil.copy('/tmp/next/modules/_types/'+f, W+'/src/modules/_types/'+f)
rep('src/objects/CMakeLists.txt','target_sources(cppy_core PRIVATE genericaliasobject.cpp unionobject.cpp)\n','target_sources(cppy_core PRIVATE genericaliasobject.cpp unionobject.cpp)\ntarget_sources(cppy_core PRIVATE capsule.cpp)\n')
s=open(W+'/src/modules/CMakeLists.txt').read()
s=s.rstrip('\n')+'\ntarget_sources(cppy_core PRIVATE _types/typesmodule.cpp)\n'
open(W+'/src/modules/CMakeLists.txt','w').write(s)
s=open(W+'/src/modules/config.cpp').read()
s=s.replace('#include "modules/errno/errnomodule.h"\n','#include "modules/_types/typesmodule.h"\n#include "modules/errno/errnomodule.h"\n',1)
s=s.replace('      {"errno", errno_::module_def()},\n','      {"errno", errno_::module_def()},\n      {"_types", types_::module_def()},\n',1)
open(W+'/src/modules/config.cpp','w').write(s)
print("applied")
