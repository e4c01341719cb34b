// Start-up of the object model: readies every static type (the type part of
// Python/pylifecycle.c's pycore_init_types) and creates the main thread state.
#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/bytearrayobject.h"
#include "objects/cellobject.h"
#include "objects/descrobject.h"
#include "objects/enumobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/genericaliasobject.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/rangeobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/templateobject.h"
#include "objects/typevarobject.h"
#include "objects/typeobject.h"
#include "objects/typeobject_internal.h"
#include "objects/weakrefobject.h"
#include "runtime/pystate.h"

namespace cppy::objects {
extern TypeObject none_type, notimplemented_type;
}  // namespace cppy::objects

namespace cppy::runtime {

namespace {
ThreadState main_thread_state;
bool initialized = false;
}  // namespace

int initialize_objects() {
  using namespace objects;
  if (initialized) return 0;
  if (thread_state() == nullptr) {
    set_thread_state(&main_thread_state);
    thread_state_link(main_interpreter(), &main_thread_state);
    thread_state_bind(&main_thread_state);
  }
  // object and type first: everything else inherits from them.
  TypeObject* const core[] = {&BaseObject_Type, &Type_Type};
  for (TypeObject* t : core)
    if (type_ready(t) < 0) return -1;
  if (text_types_ready() < 0) return -1;
  if (typeobject_internal::init_slotdefs() < 0) return -1;
  TypeObject* const types[] = {
      &none_type, &notimplemented_type, &ellipsis_type, &super_type,
      &tuple_type, &tupleiter_type, &list_type, &listiter_type, &listreviter_type,
      &dict_type, &dictkeys_type, &dictvalues_type, &dictitems_type, &dictiterkey_type,
      &dictitervalue_type, &dictiteritem_type, &dictreviterkey_type, &dictrevitervalue_type,
      &dictreviteritem_type, &set_type, &frozenset_type, &setiter_type, &slice_type,
      &seqiter_type, &calliter_type, &method_descr_type, &classmethod_descr_type,
      &member_descr_type, &getset_descr_type, &wrapper_descr_type, &method_wrapper_type,
      &property_type, &classmethod_type, &staticmethod_type, &mappingproxy_type,
      &cfunction_type, &cmethod_type, &method_type, &range_type, &rangeiter_type, &longrangeiter_type,
      &enum_type, &reversed_type, &cell_type, &module_type,
  };
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  if (init_weakref_types() < 0) return -1;
  if (init_exceptions() < 0) return -1;
  if (init_bytes_types() < 0) return -1;
  if (init_generic_alias_types() < 0) return -1;
  if (init_typevar_types() < 0) return -1;
  if (init_template_types() < 0) return -1;
  initialized = true;
  return 0;
}

}  // namespace cppy::runtime
