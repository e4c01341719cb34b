// The _ctypes module's shared declarations (CPython 3.14 Modules/_ctypes/ctypes.h): the
// storage info of a ctypes type (StgInfo), the C data objects (CDataObject), the argument
// objects of byref (PyCArgObject) and the format-code table of cfield.c.
#pragma once

#include <ffi.h>

#include <string>
#include <vector>

#include "modules/_ctypes/ctypesmodule.h"
#include "objects/typeobject.h"

namespace cppy::modules::_ctypes {

using objects::Object;
using objects::TypeObject;
using ssize = objects::ssize;

// One _type_ code of a simple type (cfield.c struct fielddesc): its C size and alignment, its
// libffi type, and the conversions between the C value at ptr and a Python object. setfunc
// returns what must be kept alive with the memory (None when nothing), or null with an
// exception set.
struct FieldDesc {
  char code;
  ssize size;
  ssize align;
  ffi_type* ffi;
  Object* (*getfunc)(const char* ptr);
  Object* (*setfunc)(char* ptr, Object* value);
};
// _ctypes_get_fielddesc: null for a code cppy does not support.
const FieldDesc* find_fielddesc(char code);

// StgInfo flags (ctypes.h).
enum : int {
  kTypeflagIsPointer = 0x100,
  kTypeflagHasPointer = 0x200,
  kTypeflagHasUnion = 0x400,
  kTypeflagHasBitfield = 0x800,
  kDictflagFinal = 0x1000,
};
// _flags_ of function types.
enum : int {
  kFuncflagCdecl = 0x1,
  kFuncflagHresult = 0x2,
  kFuncflagPythonapi = 0x4,
  kFuncflagUseErrno = 0x8,
  kFuncflagUseLastError = 0x10,
};

// What a ctypes type knows about its instances (StgInfo of 3.14, kept in the type object).
struct StgInfo {
  ssize size = 0;
  ssize align = 0;
  ssize length = 0;          // items of an array, fields of a structure
  ffi_type ffi{};            // by-value passing; elements below for structures
  std::vector<ffi_type*> ffi_elements;
  Object* proto = nullptr;   // simple: the _type_ str; array/pointer: the item type
  const FieldDesc* fd = nullptr;  // simple types
  bool swapped = false;      // __ctype_be__ / __ctype_le__ of the other byte order
  Object* argtypes = nullptr;   // function types: tuple
  Object* converters = nullptr; // function types: the from_param of each argtype
  Object* restype = nullptr;
  Object* checker = nullptr;
  Object* pointer_type = nullptr;  // __pointer_type__ (weak in meaning: a strong reference here)
  int flags = 0;
  std::string format;        // PEP 3118 format of the instances
  std::vector<ssize> shape;
};

// Instances of the metaclasses: a heap type with its storage info (null for the abstract
// bases Structure, Union, Array, _Pointer, _SimpleCData, CFuncPtr).
struct CTypeObject : objects::HeapTypeObject {
  StgInfo* stginfo;
};

// Every ctypes instance (CDataObject): b_ptr points to b_value for small data, to a heap
// block, or into the memory of b_base.
struct CDataObject : Object {
  char* b_ptr;
  int b_needsfree;
  CDataObject* b_base;
  ssize b_size;
  ssize b_length;
  ssize b_index;
  Object* b_objects;  // what keeps the memory's referents alive: None, a dict or an object
  union {
    char c[16];
    long double g;
    void* p;
  } b_value;
};

// Function pointers (PyCFuncPtrObject): the C address, the callback's closure, the
// per-instance argtypes/restype/errcheck.
struct CFuncPtrObject : CDataObject {
  void* closure;       // ffi_closure* of a callback
  void* closure_info;  // its CallbackInfo
  Object* callable;
  Object* argtypes;
  Object* converters;
  Object* restype;
  Object* checker;
  Object* errcheck;
  Object* dict;
};

// byref() and from_param results (PyCArgObject).
struct CArgObject : Object {
  char tag;
  union {
    char c;
    signed char b;
    short h;
    int i;
    long l;
    long long q;
    float f;
    double d;
    long double g;
    void* p;
  } value;
  ffi_type* ffi;
  Object* obj;  // kept alive
  ssize size;   // for tag 'V' (a structure by value)
};

extern TypeObject CType_Type;       // _ctypes.CType_Type, the metaclasses' base
extern TypeObject PyCSimpleType_Type;
extern TypeObject PyCStructType_Type;
extern TypeObject UnionType_Type;
extern TypeObject PyCArrayType_Type;
extern TypeObject PyCPointerType_Type;
extern TypeObject PyCFuncPtrType_Type;
extern CTypeObject Simple_Type;     // _SimpleCData
extern CTypeObject Struct_Type;     // Structure
extern CTypeObject Union_Type;      // Union
extern CTypeObject Array_Type;      // Array
extern CTypeObject Pointer_Type;    // _Pointer
extern CTypeObject CFuncPtr_Type;   // CFuncPtr
extern TypeObject CData_Type;       // _CData
extern TypeObject CArg_Type;        // CArgObject
extern TypeObject CField_Type;
extern TypeObject* ArgumentError;

// The storage info of a ctypes type (PyStgInfo_FromType), null for anything else.
StgInfo* stginfo_of_type(Object* type);
inline StgInfo* stginfo_of_object(Object* o) { return stginfo_of_type(o->type); }
bool cdata_check(Object* o);  // CDataObject_Check

// PyCData_FromBaseObj: an instance of type sharing base's memory at adr.
Object* cdata_from_base(Object* type, Object* base, ssize index, char* adr);
// PyCData_AtAddress: an instance of type reading adr (no ownership).
Object* cdata_at_address(Object* type, void* adr);
// PyCData_get: the Python value of the C data at adr of type (simple values unwrapped).
Object* cdata_get(Object* type, const FieldDesc* fd, Object* src, ssize index, ssize size,
                  char* adr);
// PyCData_set: stores value into the C data at ptr of type; keeps what must stay alive in
// dst's b_objects. 0 or -1.
int cdata_set(Object* dst, Object* type, const FieldDesc* fd, Object* value, ssize index,
              ssize size, char* ptr);
// GenericPyCData_new: an instance of type with zeroed memory of its size.
Object* generic_cdata_new(TypeObject* type);
// Stores keep into dst's b_objects under index (KeepRef); steals keep. 0 or -1.
int keep_ref(CDataObject* dst, ssize index, Object* keep);
// Reads (or byte-swaps) a simple value through its field description.
Object* simple_get(const StgInfo* info, const char* ptr);
Object* simple_set(const StgInfo* info, char* ptr, Object* value);
// PyCArrayType_from_ctype: itemtype * length, cached.
Object* array_type_from_ctype(Object* itemtype, ssize length);
CArgObject* new_carg();

// callproc.cpp: the function pointer type's slots and the module functions of callproc.c.
int ready_funcptr_types();
extern objects::MethodDef callproc_functions[];
// The addresses of the helpers ctypes wraps with CFUNCTYPE/PYFUNCTYPE.
void* cast_address();
void* string_at_address();
void* wstring_at_address();
void* memoryview_at_address();


}  // namespace cppy::modules::_ctypes
