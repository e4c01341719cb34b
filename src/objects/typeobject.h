// Type objects: the slot table every type carries (Include/cpython/object.h PyTypeObject,
// Include/object.h flags, Include/methodobject.h, Include/descrobject.h). Implementation in
// typeobject.cpp (Objects/typeobject.c).
//
// Slots are plain function pointers, as in CPython, so that a port of an algorithm reads like
// the original and dispatch costs one indirect call.
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace cppy::objects {

// Slot signatures. Results follow object.h's conventions: new references, nullptr/-1 on error.
using unaryfunc = Object* (*)(Object*);
using binaryfunc = Object* (*)(Object*, Object*);
using ternaryfunc = Object* (*)(Object*, Object*, Object*);
using inquiry = int (*)(Object*);
using lenfunc = ssize (*)(Object*);
using ssizeargfunc = Object* (*)(Object*, ssize);
using ssizeobjargproc = int (*)(Object*, ssize, Object*);
using objobjargproc = int (*)(Object*, Object*, Object*);
using objobjproc = int (*)(Object*, Object*);
using visitproc = int (*)(Object*, void*);
using traverseproc = int (*)(Object*, visitproc, void*);
using freefunc = void (*)(void*);
using destructor = void (*)(Object*);
using reprfunc = Object* (*)(Object*);
using hashfunc = hash_t (*)(Object*);
using richcmpfunc = Object* (*)(Object*, Object*, int);
using getiterfunc = Object* (*)(Object*);
using iternextfunc = Object* (*)(Object*);
using descrgetfunc = Object* (*)(Object*, Object*, Object*);
using descrsetfunc = int (*)(Object*, Object*, Object*);
using initproc = int (*)(Object*, Object*, Object*);
using newfunc = Object* (*)(TypeObject*, Object*, Object*);
using allocfunc = Object* (*)(TypeObject*, ssize);
using getattrofunc = Object* (*)(Object*, Object*);
using setattrofunc = int (*)(Object*, Object*, Object*);
// Vectorcall (PEP 590): args[0..nargs) positional then keyword values named by kwnames.
using vectorcallfunc = Object* (*)(Object* callable, Object* const* args, size_t nargsf,
                                   Object* kwnames);
using sendfunc = int (*)(Object* iter, Object* value, Object** result);

// Set in nargsf when args[-1] may be overwritten temporarily (PY_VECTORCALL_ARGUMENTS_OFFSET).
inline constexpr size_t kVectorcallArgumentsOffset = size_t(1) << (8 * sizeof(size_t) - 1);
inline ssize vectorcall_nargs(size_t nargsf) {
  return static_cast<ssize>(nargsf & ~kVectorcallArgumentsOffset);
}

// Rich comparison operators (Py_LT...), in COMPARE_OP's order.
enum CompareOp : int { kLT = 0, kLE = 1, kEQ = 2, kNE = 3, kGT = 4, kGE = 5 };

struct NumberMethods {
  binaryfunc add, subtract, multiply, remainder, divmod;
  ternaryfunc power;
  unaryfunc negative, positive, absolute;
  inquiry bool_;
  unaryfunc invert;
  binaryfunc lshift, rshift, and_, xor_, or_;
  unaryfunc int_;
  void* reserved;
  unaryfunc float_;
  binaryfunc inplace_add, inplace_subtract, inplace_multiply, inplace_remainder;
  ternaryfunc inplace_power;
  binaryfunc inplace_lshift, inplace_rshift, inplace_and, inplace_xor, inplace_or;
  binaryfunc floor_divide, true_divide, inplace_floor_divide, inplace_true_divide;
  unaryfunc index;
  binaryfunc matrix_multiply, inplace_matrix_multiply;
};

struct SequenceMethods {
  lenfunc length;
  binaryfunc concat;
  ssizeargfunc repeat;
  ssizeargfunc item;
  void* was_slice;
  ssizeobjargproc ass_item;
  void* was_ass_slice;
  objobjproc contains;
  binaryfunc inplace_concat;
  ssizeargfunc inplace_repeat;
};

struct MappingMethods {
  lenfunc length;
  binaryfunc subscript;
  objobjargproc ass_subscript;
};

struct AsyncMethods {
  unaryfunc await;
  unaryfunc aiter;
  unaryfunc anext;
  sendfunc send;
};

struct Buffer;
using getbufferproc = int (*)(Object*, Buffer*, int);
using releasebufferproc = void (*)(Object*, Buffer*);
struct BufferProcs {
  getbufferproc getbuffer;
  releasebufferproc releasebuffer;
};

// Builtin methods (PyMethodDef). The calling convention is chosen by flags.
using CFunction = Object* (*)(Object* self, Object* args);
using CFunctionFast = Object* (*)(Object* self, Object* const* args, ssize nargs);
using CFunctionFastWithKeywords = Object* (*)(Object* self, Object* const* args, ssize nargs,
                                              Object* kwnames);
using CFunctionWithKeywords = Object* (*)(Object* self, Object* args, Object* kwargs);

enum MethodFlags : int {
  kMethVarargs = 0x0001,
  kMethKeywords = 0x0002,
  kMethNoArgs = 0x0004,
  kMethO = 0x0008,
  kMethClass = 0x0010,
  kMethStatic = 0x0020,
  kMethCoexist = 0x0040,
  kMethFastcall = 0x0080,
  kMethMethod = 0x0200,
};

struct MethodDef {
  const char* name;
  void* function;  // one of the CFunction* types above, per flags
  int flags;
  const char* doc;
};

// Attribute descriptors for C-level fields (PyMemberDef, Py_T_* type codes).
enum MemberType : int {
  kMemberShort = 0, kMemberInt = 1, kMemberLong = 2, kMemberFloat = 3, kMemberDouble = 4,
  kMemberString = 5, kMemberObject = 6, kMemberChar = 7, kMemberByte = 8, kMemberUByte = 9,
  kMemberUInt = 11, kMemberUShort = 10, kMemberULong = 12, kMemberStringInplace = 13,
  kMemberBool = 14, kMemberObjectEx = 16, kMemberLongLong = 17, kMemberULongLong = 18,
  kMemberSsize = 19, kMemberNone = 20,
};
enum MemberFlags : int { kMemberReadonly = 1, kMemberAuditRead = 2, kMemberRelative = 8 };

struct MemberDef {
  const char* name;
  int type;
  ssize offset;
  int flags;
  const char* doc;
};

using getter = Object* (*)(Object*, void*);
using setter = int (*)(Object*, Object*, void*);
struct GetSetDef {
  const char* name;
  getter get;
  setter set;
  const char* doc;
  void* closure;
};

// tp_flags bits, with CPython's values (type.__flags__ shows them).
enum TypeFlags : unsigned long {
  kTpflagsStaticBuiltin = 1UL << 1,  // _Py_TPFLAGS_STATIC_BUILTIN: a static type of builtins
  kTpflagsInlineValues = 1UL << 2,
  kTpflagsManagedWeakref = 1UL << 3,
  kTpflagsManagedDict = 1UL << 4,
  kTpflagsSequence = 1UL << 5,
  kTpflagsMapping = 1UL << 6,
  kTpflagsDisallowInstantiation = 1UL << 7,
  kTpflagsImmutabletype = 1UL << 8,
  kTpflagsHeaptype = 1UL << 9,
  kTpflagsBasetype = 1UL << 10,
  kTpflagsHaveVectorcall = 1UL << 11,
  kTpflagsReady = 1UL << 12,
  kTpflagsReadying = 1UL << 13,
  kTpflagsHaveGc = 1UL << 14,
  kTpflagsMethodDescriptor = 1UL << 17,
  kTpflagsIsAbstract = 1UL << 20,
  kTpflagsMatchSelf = 1UL << 22,
  kTpflagsItemsAtEnd = 1UL << 23,
  kTpflagsLongSubclass = 1UL << 24,
  kTpflagsListSubclass = 1UL << 25,
  kTpflagsTupleSubclass = 1UL << 26,
  kTpflagsBytesSubclass = 1UL << 27,
  kTpflagsUnicodeSubclass = 1UL << 28,
  kTpflagsDictSubclass = 1UL << 29,
  kTpflagsBaseExcSubclass = 1UL << 30,
  kTpflagsTypeSubclass = 1UL << 31,
  kTpflagsDefault = 0,
};

struct TypeObject : VarObject {
  const char* name;  // tp_name: "module.Name" for builtins outside builtins
  ssize basicsize;
  ssize itemsize;
  destructor dealloc;
  ssize vectorcall_offset;
  AsyncMethods* as_async;
  reprfunc repr;
  NumberMethods* as_number;
  SequenceMethods* as_sequence;
  MappingMethods* as_mapping;
  hashfunc hash;
  ternaryfunc call;
  reprfunc str;
  getattrofunc getattro;
  setattrofunc setattro;
  BufferProcs* as_buffer;
  unsigned long flags;
  const char* doc;
  traverseproc traverse;
  inquiry clear;
  richcmpfunc richcompare;
  ssize weaklistoffset;
  getiterfunc iter;
  iternextfunc iternext;
  MethodDef* methods;
  MemberDef* members;
  GetSetDef* getset;
  TypeObject* base;
  Object* dict;
  descrgetfunc descr_get;
  descrsetfunc descr_set;
  ssize dictoffset;
  initproc init;
  allocfunc alloc;
  newfunc new_;
  freefunc free;
  inquiry is_gc;
  Object* bases;
  Object* mro;
  Object* cache;
  Object* subclasses;  // dict of weak references to direct subclasses
  Object* weaklist;
  destructor del;
  unsigned int version_tag;  // method-cache key; 0 when not valid
  destructor finalize;
  vectorcallfunc vectorcall;
  unsigned char watched;
  uint16_t versions_used;
  // The layout CPython 3.14 reports (__basicsize__, __dictoffset__, __weakrefoffset__ and
  // object.__sizeof__), set by type_ready: a class statement's __dict__ and __weakref__ live
  // in CPython's pre-header (Py_TPFLAGS_MANAGED_DICT / MANAGED_WEAKREF: offsets -1 and -4
  // words, not counted in tp_basicsize); cppy keeps those two pointers inside the object.
  ssize shown_basicsize;
  ssize shown_dictoffset;
  ssize shown_weaklistoffset;
};

struct SharedKeys;

// Types created by class statements carry their own slot tables (PyHeapTypeObject).
struct HeapTypeObject : TypeObject {
  AsyncMethods async_methods;
  NumberMethods number_methods;
  MappingMethods mapping_methods;
  SequenceMethods sequence_methods;
  BufferProcs buffer_procs;
  Object* ht_name;
  Object* ht_slots;
  Object* ht_qualname;
  Object* ht_module;
  SharedKeys* ht_cached_keys;  // names of the instances' inline values (inline_values.h)
  char* ht_tpname;
  // _spec_cache.init (_PyType_CacheInitForSpecialization): the Python __init__ that
  // CALL_ALLOC_AND_ENTER_INIT runs, borrowed from the class dict; valid while the type's
  // version tag is the one the instruction cached.
  Object* spec_cache_init;
};

inline bool type_has_feature(const TypeObject* t, unsigned long flag) {
  return (t->flags & flag) != 0;
}
inline bool is_type_subclass_fast(const Object* o, unsigned long flag) {
  return type_has_feature(o->type, flag);
}

// The base of everything, and the type of types.
extern TypeObject BaseObject_Type;  // object
extern TypeObject Type_Type;        // type

// PyType_IsSubtype: walks tp_mro (or the tp_base chain before the type is ready).
bool is_subtype(TypeObject* a, TypeObject* b);
inline bool type_check_exact(const Object* o, const TypeObject* t) { return o->type == t; }
inline bool type_check(Object* o, TypeObject* t) {
  return o->type == t || is_subtype(o->type, t);
}

// PyType_Ready: fills inherited slots, the MRO and the type's dict. 0 or -1.
int type_ready(TypeObject* type);

inline bool type_check_type(Object* o) {  // PyType_Check
  return type_has_feature(o->type, kTpflagsTypeSubclass);
}

// A static type with the common fields set: immortal, of type `type`, with the given name
// and sizes; the caller fills the slots (see tupleobject.cpp for the pattern).
TypeObject static_type(const char* name, ssize basicsize, ssize itemsize = 0,
                       unsigned long flags = 0);

// _PyType_Lookup: the attribute name (a str) found along type's MRO, borrowed, or null
// (no error set). Cached by (version tag, name) in the method cache.
Object* type_lookup(TypeObject* type, Object* name);
// _PyType_LookupRef: as type_lookup, with a new reference.
Object* type_lookup_ref(TypeObject* type, Object* name);
// type's tp_call (type_call), for the vectorcall shortcut of classes.
ternaryfunc type_call_slot();
// Instantiates a class from vectorcall arguments when its instances come from object.__new__
// and its __init__ is Python-level (typeobject_builtin.cpp); *handled false for other callables.
Object* type_call_vector(Object* callable, Object* const* args, size_t nargsf, Object* kwnames,
                         bool* handled);
// PyType_Modified: invalidates the version tag of type and its subclasses.
void type_modified(TypeObject* type);
// Assigns a version tag if the type has none (assign_version_tag); false when exhausted.
bool type_assign_version_tag(TypeObject* type);

Object* type_generic_alloc(TypeObject* type, ssize nitems);  // PyType_GenericAlloc
Object* type_alloc_no_track(TypeObject* type, ssize nitems);  // _PyType_AllocNoTrack
Object* type_generic_new(TypeObject* type, Object* args, Object* kwds);  // PyType_GenericNew
void object_generic_free(void* p);  // PyObject_Free / PyObject_GC_Del by the type's flags
// The type's __name__ / __qualname__ / __module__ (new references).
Object* type_get_name(TypeObject* type);
Object* type_get_qualname(TypeObject* type);
Object* type_get_module(TypeObject* type);
// _PyType_Name: the part of tp_name after the last dot.
const char* type_short_name(const TypeObject* type);
// type.__subclasses__(): a list.
Object* type_subclasses(TypeObject* type);
// type(name, bases, dict) through the metaclass rules (type_new). New reference or null.
Object* type_new(TypeObject* metatype, Object* args, Object* kwds);
// PyType_GetSlot-like access to a type's dunder: _PyObject_LookupSpecial (bound, new ref,
// null without error when missing).
Object* lookup_special(Object* self, Object* name);
// _PyObject_LookupSpecialMethod style: the unbound attribute and whether it needs self.
Object* lookup_maybe_method(Object* self, Object* name, bool* unbound);
// The version tag counter, exposed for the method cache tests.
unsigned int type_next_version_tag();

// The instance layout of heap types: where __dict__ and __weakref__ live.
ssize type_dict_offset(TypeObject* type);

// super (Objects/typeobject.c super_*).
extern TypeObject super_type;
// _PySuper_Lookup: super(su_type, su_obj).name without the super object (LOAD_SUPER_ATTR_ATTR
// and _METHOD); with method non-null, a method descriptor is returned unbound and *method set.
Object* super_lookup(TypeObject* su_type, Object* su_obj, Object* name, int* method);

// Slot descriptions shared by typeobject.cpp (slotdefs) and descrobject.cpp (wrappers).
struct SlotDef;
// Calls the wrapped C slot with Python-level arguments (wrapperbase.wrapper).
using wrapperfunc = Object* (*)(Object* self, Object* args, void* wrapped);
using wrapperfunc_kwds = Object* (*)(Object* self, Object* args, void* wrapped, Object* kwds);
struct SlotDef {
  const char* name;
  void** (*slot)(TypeObject*);  // where the slot lives in the type, null if not allocated
  void* function;               // the slot_* function that calls the Python method
  wrapperfunc wrapper;          // wrap_* turning a call into a C slot call
  const char* doc;
  int flags;                    // kWrapperFlagKeywords when wrapper takes kwds
  Object* name_strobj;          // interned name, filled at start-up
};
inline constexpr int kWrapperFlagKeywords = 1;

}  // namespace cppy::objects

namespace cppy::runtime {
// Readies every static type of the object model and creates the main thread state
// (runtime::initialize_objects). Idempotent. 0 or -1.
int initialize_objects();
}  // namespace cppy::runtime

namespace cppy::objects {

}  // namespace cppy::objects
