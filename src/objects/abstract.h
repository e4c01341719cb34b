// The object, number, sequence, mapping, iterator and call protocols: Include/abstract.h,
// Include/object.h (PyObject_*), implemented in object.cpp (Objects/object.c), abstract.cpp
// (Objects/abstract.c) and call.cpp (Objects/call.c).
//
// Conventions of object.h: new references, nullptr or -1 with the exception set.
#pragma once

#include <cstddef>

#include "objects/boolobject.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/pystate.h"

namespace cppy::objects {

// The bool singletons (borrowed, immortal), for identity tests in hot paths.
inline Object* true_object() { return py_true(); }
inline Object* false_object() { return py_false(); }

// --- Objects/object.c ----------------------------------------------------------------------
Object* object_repr(Object* o);   // PyObject_Repr
Object* object_str(Object* o);    // PyObject_Str
Object* object_ascii(Object* o);  // PyObject_ASCII (needs the str owner's escaping; repr now)
hash_t object_hash(Object* o);    // PyObject_Hash
hash_t object_hash_not_implemented(Object* o);  // PyObject_HashNotImplemented
// After hashing key failed: a TypeError becomes "cannot use 'T' as a ROLE (<the error>)", as
// 3.14's dict_unhashable_type / set_unhashable_type report it ("dict key", "set element");
// other errors are left as they are.
void raise_unhashable_as(Object* key, const char* role);
hash_t hash_pointer(const void* p);             // Py_HashPointer
int object_is_true(Object* o);                  // PyObject_IsTrue
int object_not(Object* o);                      // PyObject_Not
Object* object_rich_compare(Object* a, Object* b, int op);  // PyObject_RichCompare
int object_rich_compare_bool(Object* a, Object* b, int op);  // PyObject_RichCompareBool
Object* object_getattr(Object* o, Object* name);  // PyObject_GetAttr
Object* object_getattr_string(Object* o, const char* name);
// PyObject_GetOptionalAttr: 1 and *result set, 0 and *result null (AttributeError cleared),
// or -1.
int object_get_optional_attr(Object* o, Object* name, Object** result);
int object_setattr(Object* o, Object* name, Object* value);  // value null: delete
int object_setattr_string(Object* o, const char* name, Object* value);
int object_delattr(Object* o, Object* name);
int object_hasattr_with_error(Object* o, Object* name);  // PyObject_HasAttrWithError
Object* object_generic_getattr(Object* o, Object* name);  // PyObject_GenericGetAttr
// _PyObject_GenericGetAttrWithDict with suppress: returns null without error when missing.
Object* object_generic_getattr_with_dict(Object* o, Object* name, Object* dict, bool suppress);
int object_generic_setattr(Object* o, Object* name, Object* value);  // PyObject_GenericSetAttr
int object_generic_setattr_with_dict(Object* o, Object* name, Object* value, Object* dict);
Object** object_dict_ptr(Object* o);  // _PyObject_ComputedDictPointer
Object* object_generic_get_dict(Object* o, void* closure);  // PyObject_GenericGetDict
int object_generic_set_dict(Object* o, Object* value, void* closure);
// _PyObject_GetMethod: *method gets a new reference; returns true when it is an unbound
// method descriptor to be called with o as first argument.
bool object_get_method(Object* o, Object* name, Object** method);
Object* object_dir(Object* o);  // PyObject_Dir
Object* object_self_iter(Object* o);  // PyObject_SelfIter
// _PyObject_NextNotImplemented: the tp_iternext of types whose __next__ was deleted.
Object* object_next_not_implemented(Object* o);
Object* object_type(Object* o);       // PyObject_Type
int object_print_repr_enter(Object* o);  // Py_ReprEnter
void object_print_repr_leave(Object* o);  // Py_ReprLeave
// Raises the error PyObject_GetAttr raises for a missing attribute.
void set_attribute_error(Object* o, Object* name);
// A function called when the object is about to die and may be resurrected (tp_finalize
// through PyObject_CallFinalizerFromDealloc); returns -1 when resurrected.
int object_call_finalizer_from_dealloc(Object* o);

// --- Objects/abstract.c: numbers -----------------------------------------------------------
Object* number_add(Object* a, Object* b);
Object* number_subtract(Object* a, Object* b);
Object* number_multiply(Object* a, Object* b);
Object* number_matrix_multiply(Object* a, Object* b);
Object* number_floor_divide(Object* a, Object* b);
Object* number_true_divide(Object* a, Object* b);
Object* number_remainder(Object* a, Object* b);
Object* number_divmod(Object* a, Object* b);
Object* number_power(Object* a, Object* b, Object* c);
Object* number_lshift(Object* a, Object* b);
Object* number_rshift(Object* a, Object* b);
Object* number_and(Object* a, Object* b);
Object* number_xor(Object* a, Object* b);
Object* number_or(Object* a, Object* b);
Object* number_inplace_add(Object* a, Object* b);
Object* number_inplace_subtract(Object* a, Object* b);
Object* number_inplace_multiply(Object* a, Object* b);
Object* number_inplace_matrix_multiply(Object* a, Object* b);
Object* number_inplace_floor_divide(Object* a, Object* b);
Object* number_inplace_true_divide(Object* a, Object* b);
Object* number_inplace_remainder(Object* a, Object* b);
Object* number_inplace_power(Object* a, Object* b, Object* c);
Object* number_inplace_lshift(Object* a, Object* b);
Object* number_inplace_rshift(Object* a, Object* b);
Object* number_inplace_and(Object* a, Object* b);
Object* number_inplace_xor(Object* a, Object* b);
Object* number_inplace_or(Object* a, Object* b);
Object* number_negative(Object* o);
Object* number_positive(Object* o);
Object* number_absolute(Object* o);
Object* number_invert(Object* o);
Object* number_index(Object* o);  // PyNumber_Index
Object* number_long(Object* o);   // PyNumber_Long (int(o) without base: __int__/__index__/__trunc__ by the int owner; here __int__ and __index__)
Object* number_float(Object* o);  // PyNumber_Float (__float__, __index__)
bool index_check(Object* o);      // PyIndex_Check
// PyNumber_AsSsize_t: exc null clips on overflow, else raises exc.
ssize number_as_ssize(Object* o, TypeObject* exc);
bool number_check(Object* o);  // PyNumber_Check
// The binary operator by its BINARY_OP oparg (NB_ADD = 0 ... NB_INPLACE_XOR = 25,
// NB_SUBSCR = 26), as the interpreter dispatches it.
Object* binary_op(Object* a, Object* b, int oparg);

// --- sequences and mappings ----------------------------------------------------------------
ssize object_size(Object* o);    // PyObject_Size
ssize object_length(Object* o);  // PyObject_Length
ssize object_length_hint(Object* o, ssize defaultvalue);  // PyObject_LengthHint
Object* object_get_item(Object* o, Object* key);           // PyObject_GetItem
int object_set_item(Object* o, Object* key, Object* value);  // PyObject_SetItem
int object_del_item(Object* o, Object* key);               // PyObject_DelItem
bool sequence_check(Object* o);
ssize sequence_size(Object* o);
Object* sequence_concat(Object* a, Object* b);
Object* sequence_repeat(Object* o, ssize count);
Object* sequence_inplace_concat(Object* a, Object* b);
Object* sequence_inplace_repeat(Object* o, ssize count);
Object* sequence_get_item(Object* o, ssize i);
int sequence_set_item(Object* o, ssize i, Object* v);
int sequence_del_item(Object* o, ssize i);
Object* sequence_get_slice(Object* o, ssize i1, ssize i2);
Object* sequence_tuple(Object* o);  // PySequence_Tuple
Object* sequence_list(Object* o);   // PySequence_List
Object* sequence_fast(Object* o, const char* message);  // PySequence_Fast
int sequence_contains(Object* seq, Object* ob);         // PySequence_Contains
int sequence_iter_contains(Object* seq, Object* ob);    // _PySequence_IterSearch(CONTAINS)
ssize sequence_count(Object* seq, Object* ob);
ssize sequence_index(Object* seq, Object* ob);
bool mapping_check(Object* o);
ssize mapping_size(Object* o);
Object* mapping_keys(Object* o);
Object* mapping_values(Object* o);
Object* mapping_items(Object* o);
Object* mapping_get_item_string(Object* o, const char* key);
// PyMapping_GetOptionalItem: 1 found, 0 missing (KeyError cleared), -1 error.
int mapping_get_optional_item(Object* o, Object* key, Object** result);

// --- iterators -----------------------------------------------------------------------------
Object* object_get_iter(Object* o);  // PyObject_GetIter
Object* object_get_aiter(Object* o);  // PyObject_GetAIter
bool iter_check(Object* o);           // PyIter_Check
// PyIter_Next: null at exhaustion without an exception (StopIteration cleared) or on error.
Object* iter_next(Object* it);
// PyIter_NextItem: 1 item, 0 exhausted, -1 error.
int iter_next_item(Object* it, Object** item);

// --- classes ---------------------------------------------------------------------------------
int object_is_instance(Object* inst, Object* cls);  // PyObject_IsInstance
int object_is_subclass(Object* derived, Object* cls);  // PyObject_IsSubclass
// The algorithms behind type.__instancecheck__ and type.__subclasscheck__.
int type_instancecheck_plain(Object* inst, Object* cls);
int type_subclasscheck_plain(Object* derived, Object* cls);
Object* object_format(Object* o, Object* format_spec);  // PyObject_Format

bool callable_check(Object* o);  // PyCallable_Check

// --- Objects/call.c ------------------------------------------------------------------------
Object* object_call(Object* callable, Object* args, Object* kwargs);  // PyObject_Call
Object* vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames);
Object* vectorcall_dict(Object* callable, Object* const* args, size_t nargsf, Object* kwargs);
Object* object_call_no_args(Object* callable);       // PyObject_CallNoArgs
Object* object_call_one_arg(Object* callable, Object* arg);  // PyObject_CallOneArg
// PyObject_CallFunctionObjArgs: a null-terminated list of arguments.
Object* object_call_function_obj_args(Object* callable, ...);
// PyObject_VectorcallMethod: args[0] is self; name a str.
Object* vectorcall_method(Object* name, Object* const* args, size_t nargsf, Object* kwnames);
Object* call_method_no_args(Object* self, Object* name);
Object* call_method_one_arg(Object* self, Object* name, Object* arg);
Object* call_method_obj_args(Object* self, Object* name, ...);  // null-terminated
vectorcallfunc vectorcall_function(Object* callable);  // PyVectorcall_Function
Object* vectorcall_call(Object* callable, Object* tuple, Object* kwargs);  // PyVectorcall_Call
// _PyObject_MakeTpCall: calls tp_call with a tuple and dict built from vectorcall arguments.
Object* make_tp_call(Object* callable, Object* const* args, ssize nargs, Object* kwnames);
// _PyStack_AsDict: {kwnames[i]: values[i]}.
Object* stack_as_dict(Object* const* values, Object* kwnames);
// _PyStack_UnpackDict: a vectorcall argument array from positional args and a kwargs dict;
// *kwnames gets a new tuple (or null); free the result with stack_unpack_dict_free.
Object* const* stack_unpack_dict(Object* const* args, ssize nargs, Object* kwargs,
                                 Object** kwnames);
void stack_unpack_dict_free(Object* const* stack, ssize nargs, Object* kwnames);
// _Py_CheckFunctionResult: a result and the error indicator must agree.
Object* check_function_result(Object* callable, Object* result, const char* where);
// _Py_CheckRecursiveCall: the slow path of enter_recursive_call, once the stack pointer is
// below the soft limit: RecursionError "Stack overflow (used N kB)<where>" (none while one is
// being made), a fatal error below the hard limit.
int check_recursive_call(runtime::ThreadState* ts, const char* where);
// Py_EnterRecursiveCall (3.14: a compare of the stack pointer against the thread's soft
// limit) / Py_LeaveRecursiveCall (nothing to undo).
[[gnu::always_inline]] inline int enter_recursive_call(const char* where) {
  runtime::ThreadState* ts = runtime::thread_state();
  if (runtime::machine_stack_pointer() < ts->c_stack_soft_limit) [[unlikely]]
    return check_recursive_call(ts, where);
  return 0;
}
inline void leave_recursive_call() {}

}  // namespace cppy::objects
