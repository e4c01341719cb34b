// The _ctypes module (CPython 3.14 Modules/_ctypes/_ctypes.c, stgdict.c and the CField half
// of cfield.c): the metaclasses that give ctypes types their storage info, the C data
// instances (_SimpleCData, Structure, Union, Array, _Pointer), CField descriptors made by
// ctypes/_layout.py, and the module functions sizeof, alignment, byref, addressof, resize.
// Function pointers and calls are in callproc.cpp.
#include "modules/_ctypes/ctypes.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/memoryobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_ctypes {

using namespace objects;
using imp::import_module;

TypeObject* ArgumentError = nullptr;

Object* object_call_method_anon_copy(Object* field, Object* offset);

namespace {

Object* intern(const char* s) { return str_intern_from_cstr(s); }

// --- storage info --------------------------------------------------------------------------

bool is_ctype_metatype(TypeObject* meta) { return is_subtype(meta, &CType_Type); }

StgInfo* stginfo_or_abstract(Object* type) {
  StgInfo* info = stginfo_of_type(type);
  if (!info) errors::set_string(exc_TypeError, "abstract class");
  return info;
}

CDataObject* cd(Object* o) { return static_cast<CDataObject*>(o); }

// GetKeepedObjects: the b_objects of obj's outermost base (PyCData_GetContainer), made on
// first use: a dict for aggregates, None for simple values. New reference.
Object* kept_objects(CDataObject* obj) {
  while (obj->b_base) obj = obj->b_base;
  if (!obj->b_objects) {
    obj->b_objects = obj->b_length ? dict_new() : new_ref(none());
    if (!obj->b_objects) return nullptr;
  }
  return new_ref(obj->b_objects);
}

// --- _CData: what every instance shares ------------------------------------------------------

int cdata_traverse(Object* o, visitproc visit, void* arg) {
  CDataObject* self = cd(o);
  if (self->b_objects && visit(self->b_objects, arg)) return 1;
  if (self->b_base && visit(self->b_base, arg)) return 1;
  return 0;
}

int cdata_clear(Object* o) {
  CDataObject* self = cd(o);
  clear(self->b_objects);
  Object* base = self->b_base;
  self->b_base = nullptr;
  xdecref(base);
  return 0;
}

void cdata_dealloc(Object* o) {
  gc::untrack(o);
  cdata_clear(o);
  CDataObject* self = cd(o);
  if (self->b_needsfree && self->b_ptr != self->b_value.c) std::free(self->b_ptr);
  self->b_ptr = nullptr;
  // Instances belong to heap subclasses (c_int, ...), whose subtype_dealloc releases the type.
  o->type->free(o);
}

// PyCData_MallocBuffer.
int malloc_buffer(CDataObject* obj, const StgInfo* info) {
  if (static_cast<size_t>(info->size) <= sizeof obj->b_value) {
    obj->b_ptr = obj->b_value.c;
    obj->b_needsfree = 1;
  } else {
    obj->b_ptr = static_cast<char*>(std::calloc(1, static_cast<size_t>(info->size)));
    if (!obj->b_ptr) {
      errors::no_memory();
      return -1;
    }
    obj->b_needsfree = 1;
  }
  obj->b_size = info->size;
  return 0;
}

Object* cdata_objects_get(Object* o, void*) {
  CDataObject* self = cd(o);
  return new_ref(self->b_objects ? self->b_objects : none());
}
Object* cdata_base_get(Object* o, void*) {
  CDataObject* self = cd(o);
  return new_ref(self->b_base ? static_cast<Object*>(self->b_base) : none());
}
Object* cdata_needsfree_get(Object* o, void*) { return long_from_long(cd(o)->b_needsfree); }

Object* cdata_from_outparam(Object* self, Object*) { return new_ref(self); }

// PyCData_NewGetBuffer.
int cdata_getbuffer(Object* o, Buffer* view, int flags) {
  CDataObject* self = cd(o);
  StgInfo* info = stginfo_of_object(o);
  StgInfo* item = info;
  while (item && item->proto && !item->fd && (item->flags & kTypeflagIsPointer) == 0 &&
         !item->shape.empty()) {
    StgInfo* next = stginfo_of_type(item->proto);
    if (!next) break;
    item = next;
  }
  view->buf = self->b_ptr;
  view->obj = new_ref(o);
  view->len = self->b_size;
  view->readonly = 0;
  view->format = const_cast<char*>(info && !info->format.empty() ? info->format.c_str() : "B");
  view->ndim = info ? static_cast<int>(info->shape.size()) : 0;
  view->shape = info && !info->shape.empty() ? const_cast<ssize*>(info->shape.data()) : nullptr;
  view->itemsize = item ? item->size : self->b_size;
  view->strides = nullptr;
  view->suboffsets = nullptr;
  view->internal = nullptr;
  (void)flags;
  return 0;
}

BufferProcs cdata_as_buffer = {cdata_getbuffer, nullptr};

// PyCData_nohash.
hash_t cdata_nohash(Object*) {
  errors::set_string(exc_TypeError, "unhashable type");
  return -1;
}

// PyCData_reduce: (_unpickle, (type(self), (self.__dict__, bytes(memory)))).
Object* cdata_reduce(Object* self, Object*) {
  StgInfo* info = stginfo_of_object(self);
  if (info && (info->flags & (kTypeflagIsPointer | kTypeflagHasPointer))) {
    errors::set_string(exc_ValueError, "ctypes objects containing pointers cannot be pickled");
    return nullptr;
  }
  Ref<> dict = Ref<>::steal(object_getattr_string(self, "__dict__"));
  if (!dict) return nullptr;
  Ref<> data = Ref<>::steal(bytes_from_string_and_size(cd(self)->b_ptr, cd(self)->b_size));
  if (!data) return nullptr;
  Ref<> mod = Ref<>::steal(import_module("_ctypes"));
  if (!mod) return nullptr;
  Ref<> unpickle = Ref<>::steal(object_getattr_string(mod.get(), "_unpickle"));
  if (!unpickle) return nullptr;
  Ref<> state = Ref<>::steal(tuple_pack(2, dict.get(), data.get()));
  if (!state) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(2, static_cast<Object*>(self->type), state.get()));
  if (!args) return nullptr;
  return tuple_pack(2, unpickle.get(), args.get());
}

Object* cdata_setstate(Object* self, Object* args) {
  if (!tuple_check(args) || tuple_size(args) != 2 || !dict_check(tuple_item(args, 0))) {
    errors::set_string(exc_TypeError, "__setstate__ argument must be (dict, bytes)");
    return nullptr;
  }
  BufferHolder data;
  if (data.get(tuple_item(args, 1)) < 0) return nullptr;
  CDataObject* me = cd(self);
  ssize n = data.view().len < me->b_size ? data.view().len : me->b_size;
  std::memmove(me->b_ptr, data.view().buf, static_cast<size_t>(n));
  Ref<> mydict = Ref<>::steal(object_getattr_string(self, "__dict__"));
  if (!mydict) return nullptr;
  if (!dict_check(mydict.get())) {
    errors::format(exc_TypeError, "%.200s.__dict__ must be a dictionary, not %.200s",
                   self->type->name, mydict.get()->type->name);
    return nullptr;
  }
  if (dict_update(mydict.get(), tuple_item(args, 0)) < 0) return nullptr;
  return return_none();
}

MethodDef cdata_methods[] = {
    {"__ctypes_from_outparam__", reinterpret_cast<void*>(cdata_from_outparam), kMethNoArgs,
     nullptr},
    {"__reduce__", reinterpret_cast<void*>(cdata_reduce), kMethNoArgs, nullptr},
    {"__setstate__", reinterpret_cast<void*>(cdata_setstate), kMethVarargs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef cdata_getset[] = {
    {"_b_base_", cdata_base_get, nullptr, "the base object", nullptr},
    {"_b_needsfree_", cdata_needsfree_get, nullptr, "whether the object owns the memory or not",
     nullptr},
    {"_objects", cdata_objects_get, nullptr, "internal objects tree (NEVER CHANGE THIS OBJECT!)",
     nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- metaclass methods shared by every ctypes type (CDataType_methods) ----------------------

Object* cdatatype_from_address(Object* type, Object* value) {
  if (!long_check(value)) {
    errors::set_string(exc_TypeError, "integer expected");
    return nullptr;
  }
  void* buf = reinterpret_cast<void*>(static_cast<uintptr_t>(long_as_unsigned_long_long(value)));
  if (errors::occurred()) return nullptr;
  return cdata_at_address(type, buf);
}

Object* cdatatype_from_buffer(Object* type, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    errors::format(exc_TypeError, "from_buffer expected at least 1 argument, got %zd", nargs);
    return nullptr;
  }
  StgInfo* info = stginfo_or_abstract(type);
  if (!info) return nullptr;
  ssize offset = 0;
  if (nargs == 2) {
    offset = number_as_ssize(args[1], exc_OverflowError);
    if (offset == -1 && errors::occurred()) return nullptr;
  }
  Ref<> mv = Ref<>::steal(memoryview_from_object(args[0]));
  if (!mv) return nullptr;
  Buffer view;
  if (object_get_buffer(args[0], &view, kBufSimple) < 0) return nullptr;
  ssize len = view.len;
  void* buf = view.buf;
  bool readonly = view.readonly;
  buffer_release(&view);
  if (readonly) {
    errors::set_string(exc_TypeError, "underlying buffer is not writable");
    return nullptr;
  }
  if (offset < 0) {
    errors::set_string(exc_ValueError, "offset cannot be negative");
    return nullptr;
  }
  if (info->size > len - offset) {
    errors::format(exc_ValueError, "Buffer size too small (%zd instead of at least %zd bytes)",
                   len, info->size + offset);
    return nullptr;
  }
  Ref<> result = Ref<>::steal(cdata_at_address(type, static_cast<char*>(buf) + offset));
  if (!result) return nullptr;
  if (keep_ref(cd(result.get()), -1, mv.release()) < 0) return nullptr;
  return result.release();
}

Object* cdatatype_from_buffer_copy(Object* type, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    errors::format(exc_TypeError, "from_buffer_copy expected at least 1 argument, got %zd",
                   nargs);
    return nullptr;
  }
  StgInfo* info = stginfo_or_abstract(type);
  if (!info) return nullptr;
  ssize offset = 0;
  if (nargs == 2) {
    offset = number_as_ssize(args[1], exc_OverflowError);
    if (offset == -1 && errors::occurred()) return nullptr;
  }
  BufferHolder data;
  if (data.get(args[0]) < 0) return nullptr;
  if (offset < 0) {
    errors::set_string(exc_ValueError, "offset cannot be negative");
    return nullptr;
  }
  if (info->size > data.view().len - offset) {
    errors::format(exc_ValueError, "Buffer size too small (%zd instead of at least %zd bytes)",
                   data.view().len, info->size + offset);
    return nullptr;
  }
  Ref<> result = Ref<>::steal(generic_cdata_new(reinterpret_cast<TypeObject*>(type)));
  if (!result) return nullptr;
  std::memcpy(cd(result.get())->b_ptr, static_cast<char*>(data.view().buf) + offset,
              static_cast<size_t>(info->size));
  return result.release();
}

Object* cdatatype_in_dll(Object* type, Object* const* args, ssize nargs) {
  if (nargs != 2 || !str_check(args[1])) {
    errors::set_string(exc_TypeError, "in_dll() takes a library and a symbol name");
    return nullptr;
  }
  Ref<> handle_obj = Ref<>::steal(object_getattr_string(args[0], "_handle"));
  if (!handle_obj) return nullptr;
  if (!long_check(handle_obj.get())) {
    errors::set_string(exc_TypeError, "the _handle attribute of the second argument must be an integer");
    return nullptr;
  }
  void* handle = reinterpret_cast<void*>(
      static_cast<uintptr_t>(long_as_unsigned_long_long(handle_obj.get())));
  if (errors::occurred()) return nullptr;
  Ref<> dlsym = Ref<>::steal(object_getattr_string(Ref<>::steal(import_module("_ctypes")).get(),
                                                   "dlsym"));
  if (!dlsym) return nullptr;
  Ref<> addr = Ref<>::steal(object_call_function_obj_args(dlsym.get(), handle_obj.get(), args[1],
                                                          nullptr));
  if (!addr) {
    if (errors::exception_matches(exc_OSError)) {
      errors::clear();
      errors::format(exc_ValueError, "symbol '%s' not found", str_as_utf8(args[1]));
    }
    return nullptr;
  }
  (void)handle;
  return cdatatype_from_address(type, addr.get());
}

// CDataType_from_param: an instance of the type (or a byref of one) as it is, else
// _as_parameter_, else a TypeError.
Object* cdatatype_from_param(Object* type, Object* value) {
  int res = object_is_instance(value, type);
  if (res < 0) return nullptr;
  if (res) return new_ref(value);
  if (value->type == &CArg_Type) {
    auto* p = static_cast<CArgObject*>(value);
    if (p->obj) {
      res = object_is_instance(p->obj, type);
      if (res < 0) return nullptr;
      if (res) return new_ref(value);
    }
  }
  Object* as_parameter = nullptr;
  if (object_get_optional_attr(value, intern("_as_parameter_"), &as_parameter) < 0) {
    return nullptr;
  }
  if (as_parameter) {
    Ref<> owned = Ref<>::steal(as_parameter);
    return call_method_one_arg(type, intern("from_param"), as_parameter);
  }
  errors::format(exc_TypeError, "expected %s instance instead of %s",
                 reinterpret_cast<TypeObject*>(type)->name, value->type->name);
  return nullptr;
}

// CDataType_repeat: type * n.
Object* cdatatype_repeat(Object* self, ssize length) {
  if (length < 0) {
    errors::format(exc_ValueError, "Array length must be >= 0, not %zd", length);
    return nullptr;
  }
  return array_type_from_ctype(self, length);
}

SequenceMethods ctype_as_sequence = {nullptr, nullptr, cdatatype_repeat, nullptr, nullptr,
                                     nullptr, nullptr, nullptr, nullptr, nullptr};

#define CDATATYPE_COMMON_METHODS                                                              \
  {"from_address", reinterpret_cast<void*>(cdatatype_from_address), kMethO,                  \
   "C.from_address(integer) -> C instance\naccess a C instance at the specified address"},   \
      {"from_buffer", reinterpret_cast<void*>(cdatatype_from_buffer), kMethFastcall,         \
       "C.from_buffer(object, offset=0) -> C instance\ncreate a C instance from a writeable " \
       "buffer"},                                                                             \
      {"from_buffer_copy", reinterpret_cast<void*>(cdatatype_from_buffer_copy), kMethFastcall, \
       "C.from_buffer_copy(object, offset=0) -> C instance\ncreate a C instance from a "     \
       "readable buffer"},                                                                    \
      {"in_dll", reinterpret_cast<void*>(cdatatype_in_dll), kMethFastcall,                   \
       "C.in_dll(dll, name) -> C instance\naccess a C instance in a dll"}

MethodDef cdatatype_methods[] = {
    {"from_param", reinterpret_cast<void*>(cdatatype_from_param), kMethO,
     "Convert a Python object into a function call parameter."},
    CDATATYPE_COMMON_METHODS,
    {nullptr, nullptr, 0, nullptr}};

// --- CType_Type: the metaclasses' base -------------------------------------------------------

void ctype_dealloc(Object* o) {
  auto* self = static_cast<CTypeObject*>(o);
  if (StgInfo* info = self->stginfo) {
    self->stginfo = nullptr;
    xdecref(info->proto);
    xdecref(info->argtypes);
    xdecref(info->converters);
    xdecref(info->restype);
    xdecref(info->checker);
    xdecref(info->pointer_type);
    delete info;
  }
  Type_Type.dealloc(o);
}

int ctype_traverse(Object* o, visitproc visit, void* arg) {
  auto* self = static_cast<CTypeObject*>(o);
  if (StgInfo* info = self->stginfo) {
    for (Object* x : {info->proto, info->argtypes, info->converters, info->restype,
                      info->checker, info->pointer_type}) {
      if (x && visit(x, arg)) return 1;
    }
  }
  return Type_Type.traverse(o, visit, arg);
}

int ctype_clear(Object* o) {
  auto* self = static_cast<CTypeObject*>(o);
  if (StgInfo* info = self->stginfo) {
    clear(info->proto);
    clear(info->argtypes);
    clear(info->converters);
    clear(info->restype);
    clear(info->checker);
    clear(info->pointer_type);
  }
  return Type_Type.clear(o);
}

Object* ctype_pointer_type_get(Object* self, void*) {
  StgInfo* info = stginfo_of_type(self);
  if (info && info->pointer_type) return new_ref(info->pointer_type);
  errors::format(exc_AttributeError, "%s has no attribute '__pointer_type__'",
                 reinterpret_cast<TypeObject*>(self)->name);
  return nullptr;
}
int ctype_pointer_type_set(Object* self, Object* value, void*) {
  StgInfo* info = stginfo_of_type(self);
  if (!info) {
    errors::set_string(exc_TypeError, "abstract class");
    return -1;
  }
  if (!value) {
    errors::set_string(exc_TypeError, "cannot delete __pointer_type__");
    return -1;
  }
  xsetref(info->pointer_type, new_ref(value));
  return 0;
}

GetSetDef ctype_getset[] = {
    {"__pointer_type__", ctype_pointer_type_get, ctype_pointer_type_set,
     "pointer type", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

Object* ctype_sizeof(Object* self, Object*) {
  ssize size = static_cast<ssize>(sizeof(CTypeObject));
  if (stginfo_of_type(self)) size += static_cast<ssize>(sizeof(StgInfo));
  return long_from_ssize(size);
}

MethodDef ctype_methods[] = {
    {"__sizeof__", reinterpret_cast<void*>(ctype_sizeof), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// A new type made by type.__new__ with the metaclass's storage info attached.
CTypeObject* new_ctype(TypeObject* meta, Object* args, Object* kwds) {
  Object* result = Type_Type.new_(meta, args, kwds);
  if (!result) return nullptr;
  auto* type = static_cast<CTypeObject*>(result);
  type->stginfo = new StgInfo();
  return type;
}

// --- simple types ----------------------------------------------------------------------------

constexpr const char kSimpleTypeChars[] = "cbBhHiIlLdfuzZqQPXOv?g";
constexpr const char kSwappable[] = "hHiIlLqQfd";

// Fills a simple type's storage info from its code (PyCSimpleType_init's core).
void init_simple_info(StgInfo* info, const FieldDesc* fd, bool swapped) {
  info->size = fd->size;
  info->align = fd->align;
  info->length = 0;
  info->fd = fd;
  info->ffi = *fd->ffi;
  info->swapped = swapped;
  info->format = std::string(1, swapped ? '>' : '<') + fd->code;
  if (fd->code == 'z' || fd->code == 'Z' || fd->code == 'P') info->flags |= kTypeflagIsPointer;
}

Object* simple_type_new(TypeObject* meta, Object* args, Object* kwds) {
  Ref<CTypeObject> type = Ref<CTypeObject>::steal(new_ctype(meta, args, kwds));
  if (!type) return nullptr;
  Object* proto = nullptr;
  if (object_get_optional_attr(type.get(), intern("_type_"), &proto) < 0) return nullptr;
  Ref<> proto_ref = Ref<>::steal(proto);
  if (!proto) {
    errors::set_string(exc_AttributeError, "class must define a '_type_' attribute");
    return nullptr;
  }
  if (!str_check(proto)) {
    errors::set_string(exc_TypeError, "class must define a '_type_' string attribute");
    return nullptr;
  }
  ssize len = 0;
  const char* code = str_as_utf8(proto, &len);
  if (!code) return nullptr;
  if (len != 1) {
    errors::set_string(exc_ValueError,
                       "class must define a '_type_' attribute which must be a string of "
                       "length 1");
    return nullptr;
  }
  const FieldDesc* fd = std::strchr(kSimpleTypeChars, code[0]) ? find_fielddesc(code[0]) : nullptr;
  if (!fd) {
    errors::set_string(exc_AttributeError,
                       "class must define a '_type_' attribute which must be\na single "
                       "character string containing one of the\nsupported types: "
                       "'cbBhHiIlLdfuzZqQPOv?g'.");
    return nullptr;
  }
  StgInfo* info = type->stginfo;
  init_simple_info(info, fd, false);
  info->proto = proto_ref.release();
  // create_other_endian_type: the same type in the other byte order.
  if (std::strchr(kSwappable, fd->code) && tuple_check(args) && tuple_size(args) == 3) {
    Ref<> dict = Ref<>::steal(dict_copy(tuple_item(args, 2)));
    if (!dict) return nullptr;
    Ref<> swapped_args = Ref<>::steal(
        tuple_pack(3, tuple_item(args, 0), tuple_item(args, 1), dict.get()));
    if (!swapped_args) return nullptr;
    Ref<CTypeObject> swapped =
        Ref<CTypeObject>::steal(new_ctype(meta, swapped_args.get(), nullptr));
    if (!swapped) return nullptr;
    init_simple_info(swapped->stginfo, fd, true);
    swapped->stginfo->proto = new_ref(info->proto);
    if (object_setattr_string(type.get(), "__ctype_be__", swapped.get()) < 0 ||
        object_setattr_string(type.get(), "__ctype_le__", type.get()) < 0 ||
        object_setattr_string(swapped.get(), "__ctype_le__", type.get()) < 0 ||
        object_setattr_string(swapped.get(), "__ctype_be__", swapped.get()) < 0) {
      return nullptr;
    }
  }
  return type.release();
}

// The from_param of simple types (PyCSimpleType_from_param, with c_char_p_from_param,
// c_wchar_p_from_param and c_void_p_from_param chosen by the type's code).
Object* simple_from_param(Object* type, Object* value);

MethodDef simple_type_methods[] = {
    {"from_param", reinterpret_cast<void*>(simple_from_param), kMethO,
     "Convert a Python object into a function call parameter."},
    CDATATYPE_COMMON_METHODS,
    {nullptr, nullptr, 0, nullptr}};

// _ctypes_simple_instance: a subclass of a simple type (not one of the direct ones), whose
// values are returned as instances rather than unwrapped.
bool simple_instance(Object* type) {
  auto* t = reinterpret_cast<TypeObject*>(type);
  if (!type_check_type(type) || !stginfo_of_type(type) || !stginfo_of_type(type)->fd) return false;
  return t->base != &Simple_Type;
}

Object* simple_value_get(Object* self, void*) {
  StgInfo* info = stginfo_of_object(self);
  if (!info) {
    errors::set_string(exc_TypeError, "abstract class");
    return nullptr;
  }
  return simple_get(info, cd(self)->b_ptr);
}

int simple_value_set(Object* self, Object* value, void*) {
  if (!value) {
    errors::set_string(exc_TypeError, "can't delete attribute");
    return -1;
  }
  StgInfo* info = stginfo_of_object(self);
  if (!info) {
    errors::set_string(exc_TypeError, "abstract class");
    return -1;
  }
  Object* keep = simple_set(info, cd(self)->b_ptr, value);
  if (!keep) return -1;
  return keep_ref(cd(self), 0, keep);
}

int simple_init(Object* self, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds) > 0) {
    errors::format(exc_TypeError, "%s() takes no keyword arguments", self->type->name);
    return -1;
  }
  ssize n = tuple_size(args);
  if (n > 1) {
    errors::format(exc_TypeError, "%s expected at most 1 argument, got %zd", self->type->name, n);
    return -1;
  }
  if (n == 1) return simple_value_set(self, tuple_item(args, 0), nullptr);
  return 0;
}

Object* simple_repr(Object* self) {
  if (self->type->base != &Simple_Type) {
    return str_from_format("<%s object at %p>", self->type->name, static_cast<void*>(self));
  }
  Ref<> value = Ref<>::steal(simple_value_get(self, nullptr));
  if (!value) return nullptr;
  return str_from_format("%s(%R)", self->type->name, value.get());
}

int simple_bool(Object* self) {
  CDataObject* me = cd(self);
  for (ssize i = 0; i < me->b_size; ++i) {
    if (me->b_ptr[i]) return 1;
  }
  return 0;
}

Object* simple_from_outparam(Object* self, Object*) {
  if (simple_instance(static_cast<Object*>(self->type))) return new_ref(self);
  return simple_value_get(self, nullptr);
}

NumberMethods simple_as_number = [] {
  NumberMethods n{};
  n.bool_ = simple_bool;
  return n;
}();

MethodDef simple_methods[] = {
    {"__ctypes_from_outparam__", reinterpret_cast<void*>(simple_from_outparam), kMethNoArgs,
     nullptr},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef simple_getset[] = {
    {"value", simple_value_get, simple_value_set, "current value", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- structures and unions -------------------------------------------------------------------

// The ffi_type of a type when passed by value or embedded in a structure: arrays expand to
// their items.
void append_ffi_elements(StgInfo* info, std::vector<ffi_type*>& out) {
  if (!info->shape.empty() && info->proto && !info->fd) {
    StgInfo* item = stginfo_of_type(info->proto);
    for (ssize i = 0; item && i < info->length; ++i) append_ffi_elements(item, out);
    return;
  }
  out.push_back(&info->ffi);
}

// PyCStructUnionType_update_stginfo: _fields_ assigned; the layout comes from
// ctypes._layout.get_layout, the fields become CField descriptors of the class.
int update_stginfo(Object* type, Object* fields, bool is_struct) {
  StgInfo* info = stginfo_of_type(type);
  if (!info) {
    errors::set_string(exc_TypeError, "ctypes state is not initialized");
    return -1;
  }
  if (info->flags & kDictflagFinal) {
    errors::set_string(exc_AttributeError, "_fields_ is final");
    return -1;
  }
  TypeObject* base_type = reinterpret_cast<TypeObject*>(type)->base;
  StgInfo* baseinfo = stginfo_of_type(base_type);
  Ref<> layout_mod = Ref<>::steal(import_module("ctypes._layout"));
  if (!layout_mod) return -1;
  Ref<> get_layout = Ref<>::steal(object_getattr_string(layout_mod.get(), "get_layout"));
  if (!get_layout) return -1;
  Object* base_arg = baseinfo ? static_cast<Object*>(base_type) : none();
  Ref<> layout = Ref<>::steal(object_call_function_obj_args(
      get_layout.get(), type, fields, is_struct ? py_true() : py_false(), base_arg, nullptr));
  if (!layout) return -1;
  Ref<> layout_fields = Ref<>::steal(object_getattr_string(layout.get(), "fields"));
  if (!layout_fields) return -1;
  Ref<> size_obj = Ref<>::steal(object_getattr_string(layout.get(), "size"));
  Ref<> align_obj = Ref<>::steal(object_getattr_string(layout.get(), "align"));
  Ref<> format_obj = Ref<>::steal(object_getattr_string(layout.get(), "format_spec"));
  if (!size_obj || !align_obj || !format_obj) return -1;
  ssize size = number_as_ssize(size_obj.get(), exc_OverflowError);
  ssize align = number_as_ssize(align_obj.get(), exc_OverflowError);
  if (errors::occurred()) return -1;
  const char* format = str_check(format_obj.get()) ? str_as_utf8(format_obj.get()) : nullptr;
  if (!format) {
    errors::set_string(exc_TypeError, "format_spec must be a str");
    return -1;
  }
  Ref<> seq = Ref<>::steal(sequence_tuple(layout_fields.get()));
  if (!seq) return -1;
  std::vector<ffi_type*> elements;
  int flags = 0;
  if (baseinfo) {
    elements = baseinfo->ffi_elements;
    flags |= baseinfo->flags & (kTypeflagHasPointer | kTypeflagHasUnion | kTypeflagHasBitfield);
  }
  for (ssize i = 0; i < tuple_size(seq.get()); ++i) {
    Object* field = tuple_item(seq.get(), i);
    Ref<> name = Ref<>::steal(object_getattr_string(field, "name"));
    Ref<> ftype = Ref<>::steal(object_getattr_string(field, "type"));
    if (!name || !ftype) return -1;
    if (Type_Type.setattro(type, name.get(), field) < 0) return -1;
    StgInfo* finfo = stginfo_of_type(ftype.get());
    if (!finfo) {
      errors::format(exc_TypeError, "second item in _fields_ tuple (index %zd) must be a C type",
                     i);
      return -1;
    }
    if (finfo->flags & (kTypeflagIsPointer | kTypeflagHasPointer)) flags |= kTypeflagHasPointer;
    if (finfo->flags & kTypeflagHasUnion) flags |= kTypeflagHasUnion;
    Ref<> is_bitfield = Ref<>::steal(object_getattr_string(field, "is_bitfield"));
    if (!is_bitfield) return -1;
    if (is_bitfield.get() == py_true()) flags |= kTypeflagHasBitfield;
    if (is_struct) {
      append_ffi_elements(finfo, elements);
    } else if (elements.empty()) {
      append_ffi_elements(finfo, elements);  // the union passes as its first member's layout
    }
  }
  if (!is_struct) flags |= kTypeflagHasUnion;
  info->size = size;
  info->align = align;
  info->length = tuple_size(seq.get()) + (baseinfo ? baseinfo->length : 0);
  info->format = format;
  info->shape.clear();
  info->flags = (info->flags & ~(kTypeflagHasPointer | kTypeflagHasUnion | kTypeflagHasBitfield)) |
                flags | kDictflagFinal;
  info->ffi_elements = std::move(elements);
  info->ffi_elements.push_back(nullptr);
  info->ffi.type = FFI_TYPE_STRUCT;
  info->ffi.size = static_cast<size_t>(size);
  info->ffi.alignment = static_cast<unsigned short>(align);
  info->ffi.elements = info->ffi_elements.data();
  if (baseinfo) baseinfo->flags |= kDictflagFinal;
  // MakeAnonFields: the fields of _anonymous_ members become fields of the class.
  Object* anon = nullptr;
  if (object_get_optional_attr(type, intern("_anonymous_"), &anon) < 0) return -1;
  if (anon) {
    Ref<> anon_ref = Ref<>::steal(anon);
    Ref<> names = Ref<>::steal(sequence_tuple(anon));
    if (!names) return -1;
    Ref<> layout_anon = Ref<>::steal(object_getattr_string(layout_mod.get(), "_make_anon"));
    errors::clear();
    for (ssize i = 0; i < tuple_size(names.get()); ++i) {
      Object* fname = tuple_item(names.get(), i);
      Ref<> descr = Ref<>::steal(object_getattr(type, fname));
      if (!descr || descr.get()->type != &CField_Type) {
        errors::clear();
        errors::format(exc_AttributeError, "'%U' is specified in _anonymous_ but not in _fields_",
                       fname);
        return -1;
      }
      if (object_setattr_string(descr.get(), "_anonymous", py_true()) < 0) errors::clear();
      Ref<> ftype = Ref<>::steal(object_getattr_string(descr.get(), "type"));
      Ref<> offset = Ref<>::steal(object_getattr_string(descr.get(), "byte_offset"));
      Ref<> subfields = Ref<>::steal(object_getattr_string(ftype.get(), "_fields_"));
      if (!ftype || !offset || !subfields) return -1;
      Ref<> subseq = Ref<>::steal(sequence_tuple(subfields.get()));
      if (!subseq) return -1;
      for (ssize j = 0; j < tuple_size(subseq.get()); ++j) {
        Object* pair = tuple_item(subseq.get(), j);
        if (!tuple_check(pair) || tuple_size(pair) < 2) continue;
        Object* subname = tuple_item(pair, 0);
        Ref<> subdescr = Ref<>::steal(object_getattr(ftype.get(), subname));
        if (!subdescr) return -1;
        if (subdescr.get()->type != &CField_Type) continue;
        Ref<> new_field = Ref<>::steal(object_call_method_anon_copy(subdescr.get(), offset.get()));
        if (!new_field) return -1;
        if (Type_Type.setattro(type, subname, new_field.get()) < 0) return -1;
      }
    }
  }
  return 0;
}

// PyCStructType_init / UnionType_init: the storage info starts as the base's; _fields_ in the
// class body is then assigned through setattr, which the metaclass's setattro handles.
Object* struct_type_new_impl(TypeObject* meta, Object* args, Object* kwds) {
  Ref<CTypeObject> type = Ref<CTypeObject>::steal(new_ctype(meta, args, kwds));
  if (!type) return nullptr;
  StgInfo* info = type->stginfo;
  TypeObject* base = type->base;
  StgInfo* baseinfo = stginfo_of_type(base);
  if (baseinfo) {
    info->size = baseinfo->size;
    info->align = baseinfo->align;
    info->length = baseinfo->length;
    info->format = baseinfo->format;
    info->flags = baseinfo->flags & ~kDictflagFinal;
    info->ffi_elements = baseinfo->ffi_elements;
    baseinfo->flags |= kDictflagFinal;
  } else {
    info->size = 0;
    info->align = 1;
    info->format = "B";
    info->ffi_elements.push_back(nullptr);
  }
  info->ffi.type = FFI_TYPE_STRUCT;
  info->ffi.size = static_cast<size_t>(info->size);
  info->ffi.alignment = static_cast<unsigned short>(info->align);
  if (info->ffi_elements.empty() || info->ffi_elements.back() != nullptr) {
    info->ffi_elements.push_back(nullptr);
  }
  info->ffi.elements = info->ffi_elements.data();
  Object* dict = type->dict;
  Object* fields = dict_get_item_with_error(dict, intern("_fields_"));
  if (!fields && errors::occurred()) return nullptr;
  if (fields) {
    // Through setattr, so a metaclass's __setattr__ (ctypes._endian) sees the fields.
    Ref<> keep = Ref<>::borrow(fields);
    if (object_setattr(type.get(), intern("_fields_"), fields) < 0) return nullptr;
  }
  return type.release();
}

Object* struct_type_new(TypeObject* meta, Object* args, Object* kwds) {
  return struct_type_new_impl(meta, args, kwds);
}
Object* union_type_new(TypeObject* meta, Object* args, Object* kwds) {
  return struct_type_new_impl(meta, args, kwds);
}

int struct_type_setattro_impl(Object* self, Object* name, Object* value, bool is_struct) {
  if (Type_Type.setattro(self, name, value) < 0) return -1;
  if (value && str_check(name) && std::strcmp(str_as_utf8(name), "_fields_") == 0) {
    return update_stginfo(self, value, is_struct);
  }
  return 0;
}
int struct_type_setattro(Object* self, Object* name, Object* value) {
  return struct_type_setattro_impl(self, name, value, true);
}
int union_type_setattro(Object* self, Object* name, Object* value) {
  return struct_type_setattro_impl(self, name, value, false);
}

// _init_pos_args: the positional initializers go to the fields of the base classes first.
ssize init_pos_args(Object* self, TypeObject* type, Object* args, Object* kwds, ssize index) {
  StgInfo* baseinfo = stginfo_of_type(type->base);
  if (baseinfo) {
    index = init_pos_args(self, type->base, args, kwds, index);
    if (index < 0) return -1;
  }
  Object* fields = dict_get_item_with_error(type->dict, intern("_fields_"));
  if (!fields) return errors::occurred() ? -1 : index;
  Ref<> seq = Ref<>::steal(sequence_tuple(fields));
  if (!seq) return -1;
  ssize i = 0;
  for (; i < tuple_size(seq.get()) && index + i < tuple_size(args); ++i) {
    Object* pair = tuple_item(seq.get(), i);
    if (!tuple_check(pair) || tuple_size(pair) < 1) {
      errors::set_string(exc_TypeError, "'_fields_' must be a sequence of (name, C type) pairs");
      return -1;
    }
    Object* name = tuple_item(pair, 0);
    if (kwds) {
      int has = dict_contains(kwds, name);
      if (has < 0) return -1;
      if (has) {
        errors::format(exc_TypeError, "duplicate values for field %R", name);
        return -1;
      }
    }
    if (object_setattr(self, name, tuple_item(args, index + i)) < 0) return -1;
  }
  return index + i;
}

int struct_init(Object* self, Object* args, Object* kwds) {
  if (tuple_size(args) > 0) {
    ssize res = init_pos_args(self, self->type, args, kwds, 0);
    if (res < 0) return -1;
    if (res < tuple_size(args)) {
      errors::set_string(exc_TypeError, "too many initializers");
      return -1;
    }
  }
  if (kwds) {
    ssize pos = 0;
    Object* key;
    Object* value;
    while (dict_next(kwds, &pos, &key, &value)) {
      if (object_setattr(self, key, value) < 0) return -1;
    }
  }
  return 0;
}

// --- arrays ----------------------------------------------------------------------------------

Object* char_array_value_get(Object* self, void*) {
  CDataObject* me = cd(self);
  ssize n = 0;
  while (n < me->b_size && me->b_ptr[n]) ++n;
  return bytes_from_string_and_size(me->b_ptr, n);
}
int char_array_value_set(Object* self, Object* value, void*) {
  if (!value) {
    errors::set_string(exc_TypeError, "can't delete attribute");
    return -1;
  }
  if (!bytes_check(value)) {
    errors::format(exc_TypeError, "bytes expected instead of %s instance", value->type->name);
    return -1;
  }
  CDataObject* me = cd(self);
  ssize n = bytes_size(value);
  if (n > me->b_size) {
    errors::set_string(exc_ValueError, "byte string too long");
    return -1;
  }
  std::memcpy(me->b_ptr, bytes_as_string(value), static_cast<size_t>(n));
  if (n < me->b_size) me->b_ptr[n] = 0;
  return 0;
}
Object* char_array_raw_get(Object* self, void*) {
  return bytes_from_string_and_size(cd(self)->b_ptr, cd(self)->b_size);
}
int char_array_raw_set(Object* self, Object* value, void*) {
  if (!value) {
    errors::set_string(exc_TypeError, "can't delete attribute");
    return -1;
  }
  BufferHolder data;
  if (data.get(value) < 0) return -1;
  CDataObject* me = cd(self);
  if (data.view().len > me->b_size) {
    errors::set_string(exc_ValueError, "byte string too long");
    return -1;
  }
  std::memcpy(me->b_ptr, data.view().buf, static_cast<size_t>(data.view().len));
  return 0;
}
Object* wchar_array_value_get(Object* self, void*) {
  CDataObject* me = cd(self);
  auto* w = reinterpret_cast<const wchar_t*>(me->b_ptr);
  ssize max = me->b_size / static_cast<ssize>(sizeof(wchar_t));
  ssize n = 0;
  while (n < max && w[n]) ++n;
  return str_from_kind_and_data(4, w, n);
}
int wchar_array_value_set(Object* self, Object* value, void*) {
  if (!value) {
    errors::set_string(exc_TypeError, "can't delete attribute");
    return -1;
  }
  if (!str_check(value)) {
    errors::format(exc_TypeError, "unicode string expected instead of %s instance",
                   value->type->name);
    return -1;
  }
  CDataObject* me = cd(self);
  ssize n = str_length(value);
  ssize max = me->b_size / static_cast<ssize>(sizeof(wchar_t));
  if (n > max) {
    errors::set_string(exc_ValueError, "string too long");
    return -1;
  }
  auto* w = reinterpret_cast<wchar_t*>(me->b_ptr);
  for (ssize i = 0; i < n; ++i) w[i] = static_cast<wchar_t>(str_read_char(value, i));
  if (n < max) w[n] = 0;
  return 0;
}

GetSetDef char_array_getset[] = {
    {"raw", char_array_raw_get, char_array_raw_set, "value", nullptr},
    {"value", char_array_value_get, char_array_value_set, "string value", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
GetSetDef wchar_array_getset[] = {
    {"value", wchar_array_value_get, wchar_array_value_set, "string value", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

int add_getsets(TypeObject* type, GetSetDef* defs) {
  for (GetSetDef* g = defs; g->name; ++g) {
    Ref<> descr = Ref<>::steal(descr_new_getset(type, g));
    if (!descr) return -1;
    if (dict_set_item_string(type->dict, g->name, descr.get()) < 0) return -1;
  }
  type_modified(type);
  return 0;
}

Object* array_type_new(TypeObject* meta, Object* args, Object* kwds) {
  Ref<CTypeObject> type = Ref<CTypeObject>::steal(new_ctype(meta, args, kwds));
  if (!type) return nullptr;
  Object* length_attr = nullptr;
  if (object_get_optional_attr(type.get(), intern("_length_"), &length_attr) < 0) return nullptr;
  Ref<> length_ref = Ref<>::steal(length_attr);
  if (!length_attr) {
    errors::set_string(exc_AttributeError, "class must define a '_length_' attribute");
    return nullptr;
  }
  if (!long_check(length_attr)) {
    errors::set_string(exc_TypeError, "The '_length_' attribute must be an integer");
    return nullptr;
  }
  if (long_sign_of(length_attr) < 0) {
    errors::set_string(exc_ValueError, "The '_length_' attribute must not be negative");
    return nullptr;
  }
  ssize length = long_as_ssize(length_attr);
  if (length == -1 && errors::occurred()) {
    if (errors::exception_matches(exc_OverflowError)) {
      errors::clear();
      errors::set_string(exc_OverflowError, "The '_length_' attribute is too large");
    }
    return nullptr;
  }
  Object* item_type = nullptr;
  if (object_get_optional_attr(type.get(), intern("_type_"), &item_type) < 0) return nullptr;
  Ref<> item_ref = Ref<>::steal(item_type);
  if (!item_type) {
    errors::set_string(exc_AttributeError, "class must define a '_type_' attribute");
    return nullptr;
  }
  StgInfo* iteminfo = stginfo_of_type(item_type);
  if (!iteminfo) {
    errors::set_string(exc_TypeError, "_type_ must have storage info");
    return nullptr;
  }
  if (iteminfo->size != 0 && length > std::numeric_limits<ssize>::max() / iteminfo->size) {
    errors::set_string(exc_OverflowError, "array too large");
    return nullptr;
  }
  StgInfo* info = type->stginfo;
  info->size = iteminfo->size * length;
  info->align = iteminfo->align;
  info->length = length;
  info->proto = item_ref.release();
  info->flags = (iteminfo->flags & (kTypeflagHasPointer | kTypeflagIsPointer))
                    ? kTypeflagHasPointer
                    : 0;
  info->flags |= iteminfo->flags & (kTypeflagHasUnion | kTypeflagHasBitfield);
  info->format = iteminfo->format.empty() ? "B" : iteminfo->format;
  info->shape.push_back(length);
  info->shape.insert(info->shape.end(), iteminfo->shape.begin(), iteminfo->shape.end());
  append_ffi_elements(info, info->ffi_elements);
  info->ffi_elements.push_back(nullptr);
  info->ffi.type = FFI_TYPE_STRUCT;
  info->ffi.size = static_cast<size_t>(info->size);
  info->ffi.alignment = static_cast<unsigned short>(info->align);
  info->ffi.elements = info->ffi_elements.data();
  if (iteminfo->fd && !iteminfo->swapped && info->proto && !simple_instance(info->proto)) {
    if (iteminfo->fd->code == 'c' && add_getsets(type.get(), char_array_getset) < 0) {
      return nullptr;
    }
    if (iteminfo->fd->code == 'u' && add_getsets(type.get(), wchar_array_getset) < 0) {
      return nullptr;
    }
  }
  return type.release();
}

int array_init(Object* self, Object* args, Object* kwds) {
  (void)kwds;
  ssize n = tuple_size(args);
  for (ssize i = 0; i < n; ++i) {
    if (sequence_set_item(self, i, tuple_item(args, i)) < 0) return -1;
  }
  return 0;
}

ssize array_length(Object* self) { return cd(self)->b_length; }

Object* array_item(Object* self, ssize index) {
  CDataObject* me = cd(self);
  if (index < 0 || index >= me->b_length) {
    errors::set_string(exc_IndexError, "invalid index");
    return nullptr;
  }
  StgInfo* info = stginfo_of_object(self);
  StgInfo* iteminfo = stginfo_of_type(info->proto);
  ssize size = iteminfo->size;
  return cdata_get(info->proto, iteminfo->fd, self, index, size, me->b_ptr + index * size);
}

int array_ass_item(Object* self, ssize index, Object* value) {
  CDataObject* me = cd(self);
  if (!value) {
    errors::set_string(exc_TypeError, "Array does not support item deletion");
    return -1;
  }
  if (index < 0 || index >= me->b_length) {
    errors::set_string(exc_IndexError, "invalid index");
    return -1;
  }
  StgInfo* info = stginfo_of_object(self);
  StgInfo* iteminfo = stginfo_of_type(info->proto);
  ssize size = iteminfo->size;
  return cdata_set(self, info->proto, iteminfo->fd, value, index, size,
                   me->b_ptr + index * size);
}

// A slice of items as bytes (c_char), str (c_wchar) or a list.
Object* items_slice(Object* self, Object* itemtype, char* base, ssize start, ssize step,
                    ssize count) {
  StgInfo* iteminfo = stginfo_of_type(itemtype);
  if (iteminfo->fd && !simple_instance(itemtype) && !iteminfo->swapped) {
    if (iteminfo->fd->code == 'c') {
      Object* result = bytes_from_string_and_size(nullptr, count);
      if (!result) return nullptr;
      char* dst = bytes_as_string(result);
      for (ssize i = 0; i < count; ++i) dst[i] = base[start + i * step];
      return result;
    }
    if (iteminfo->fd->code == 'u') {
      auto* w = reinterpret_cast<const wchar_t*>(base);
      std::vector<wchar_t> chars(static_cast<size_t>(count));
      for (ssize i = 0; i < count; ++i) chars[static_cast<size_t>(i)] = w[start + i * step];
      return str_from_kind_and_data(4, chars.data(), count);
    }
  }
  Object* result = list_new(count);
  if (!result) return nullptr;
  ssize size = iteminfo->size;
  for (ssize i = 0; i < count; ++i) {
    ssize index = start + i * step;
    Object* item = cdata_get(itemtype, iteminfo->fd, self, index, size, base + index * size);
    if (!item) {
      decref(result);
      return nullptr;
    }
    list_set_item(result, i, item);
  }
  return result;
}

Object* array_subscript(Object* self, Object* key) {
  if (index_check(key)) {
    ssize i = number_as_ssize(key, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += cd(self)->b_length;
    return array_item(self, i);
  }
  if (slice_check(key)) {
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return nullptr;
    ssize count = slice_adjust_indices(cd(self)->b_length, &start, &stop, step);
    StgInfo* info = stginfo_of_object(self);
    return items_slice(self, info->proto, cd(self)->b_ptr, start, step, count);
  }
  errors::set_string(exc_TypeError, "indices must be integers");
  return nullptr;
}

int array_ass_subscript(Object* self, Object* key, Object* value) {
  if (!value) {
    errors::set_string(exc_TypeError, "Array does not support item deletion");
    return -1;
  }
  if (index_check(key)) {
    ssize i = number_as_ssize(key, exc_IndexError);
    if (i == -1 && errors::occurred()) return -1;
    if (i < 0) i += cd(self)->b_length;
    return array_ass_item(self, i, value);
  }
  if (slice_check(key)) {
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
    ssize count = slice_adjust_indices(cd(self)->b_length, &start, &stop, step);
    ssize other = object_length(value);
    if (other < 0) return -1;
    if (other != count) {
      errors::set_string(exc_ValueError, "Can only assign sequence of same size");
      return -1;
    }
    for (ssize i = 0; i < count; ++i) {
      Ref<> item = Ref<>::steal(sequence_get_item(value, i));
      if (!item) return -1;
      if (array_ass_item(self, start + i * step, item.get()) < 0) return -1;
    }
    return 0;
  }
  errors::set_string(exc_TypeError, "indices must be integer");
  return -1;
}

SequenceMethods array_as_sequence = {array_length, nullptr, nullptr, array_item, nullptr,
                                     array_ass_item, nullptr, nullptr, nullptr, nullptr};
MappingMethods array_as_mapping = {array_length, array_subscript, array_ass_subscript};

// --- pointers --------------------------------------------------------------------------------

Object* pointer_type_new(TypeObject* meta, Object* args, Object* kwds) {
  Ref<CTypeObject> type = Ref<CTypeObject>::steal(new_ctype(meta, args, kwds));
  if (!type) return nullptr;
  StgInfo* info = type->stginfo;
  info->size = sizeof(void*);
  info->align = alignof(void*);
  info->length = 1;
  info->ffi = ffi_type_pointer;
  info->flags |= kTypeflagIsPointer;
  Object* proto = dict_get_item_with_error(type->dict, intern("_type_"));
  if (!proto && errors::occurred()) return nullptr;
  if (proto) {
    StgInfo* iteminfo = stginfo_of_type(proto);
    if (!iteminfo) {
      errors::set_string(exc_TypeError, "_type_ must have storage info");
      return nullptr;
    }
    info->proto = new_ref(proto);
    info->format = "&" + (iteminfo->format.empty() ? std::string("B") : iteminfo->format);
    if (!iteminfo->pointer_type) iteminfo->pointer_type = new_ref(static_cast<Object*>(type.get()));
  } else {
    info->format = "&B";
  }
  return type.release();
}

Object* pointer_type_set_type(Object* self, Object* type) {
  StgInfo* info = stginfo_of_type(self);
  if (!info) {
    errors::set_string(exc_TypeError, "abstract class");
    return nullptr;
  }
  StgInfo* iteminfo = stginfo_of_type(type);
  if (!iteminfo) {
    errors::set_string(exc_TypeError, "_type_ must have storage info");
    return nullptr;
  }
  xsetref(info->proto, new_ref(type));
  info->format = "&" + (iteminfo->format.empty() ? std::string("B") : iteminfo->format);
  if (object_setattr_string(self, "_type_", type) < 0) return nullptr;
  return return_none();
}

// PyCPointerType_from_param.
Object* pointer_type_from_param(Object* type, Object* value) {
  if (value == none()) return new_ref(value);
  StgInfo* info = stginfo_of_type(type);
  if (info && info->proto) {
    int res = object_is_instance(value, info->proto);
    if (res < 0) return nullptr;
    if (res) {
      // byref(value)
      CArgObject* parg = new_carg();
      if (!parg) return nullptr;
      parg->tag = 'P';
      parg->ffi = &ffi_type_pointer;
      parg->obj = new_ref(value);
      parg->value.p = cd(value)->b_ptr;
      return parg;
    }
  }
  if (cdata_check(value) && (value->type->type == &PyCPointerType_Type ||
                             value->type->type == &PyCArrayType_Type)) {
    StgInfo* vinfo = stginfo_of_object(value);
    if (info && vinfo && vinfo->proto && info->proto &&
        is_subtype(reinterpret_cast<TypeObject*>(vinfo->proto),
                   reinterpret_cast<TypeObject*>(info->proto))) {
      return new_ref(value);
    }
  }
  return cdatatype_from_param(type, value);
}

MethodDef pointer_type_methods[] = {
    {"from_param", reinterpret_cast<void*>(pointer_type_from_param), kMethO,
     "Convert a Python object into a function call parameter."},
    CDATATYPE_COMMON_METHODS,
    {"set_type", reinterpret_cast<void*>(pointer_type_set_type), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

void* pointer_value(Object* self) {
  void* p;
  std::memcpy(&p, cd(self)->b_ptr, sizeof p);
  return p;
}

Object* pointer_item(Object* self, ssize index) {
  void* p = pointer_value(self);
  if (!p) {
    errors::set_string(exc_ValueError, "NULL pointer access");
    return nullptr;
  }
  StgInfo* info = stginfo_of_object(self);
  if (!info->proto) {
    errors::set_string(exc_TypeError, "Cannot create instance: has no _type_");
    return nullptr;
  }
  StgInfo* iteminfo = stginfo_of_type(info->proto);
  ssize size = iteminfo->size;
  return cdata_get(info->proto, iteminfo->fd, self, index, size,
                   static_cast<char*>(p) + index * size);
}

int pointer_ass_item(Object* self, ssize index, Object* value) {
  if (!value) {
    errors::set_string(exc_TypeError, "Pointer does not support item deletion");
    return -1;
  }
  void* p = pointer_value(self);
  if (!p) {
    errors::set_string(exc_ValueError, "NULL pointer access");
    return -1;
  }
  StgInfo* info = stginfo_of_object(self);
  if (!info->proto) {
    errors::set_string(exc_TypeError, "Cannot create instance: has no _type_");
    return -1;
  }
  StgInfo* iteminfo = stginfo_of_type(info->proto);
  ssize size = iteminfo->size;
  return cdata_set(self, info->proto, iteminfo->fd, value, index, size,
                   static_cast<char*>(p) + index * size);
}

Object* pointer_subscript(Object* self, Object* key) {
  if (index_check(key)) {
    ssize i = number_as_ssize(key, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    return pointer_item(self, i);
  }
  if (slice_check(key)) {
    auto* s = reinterpret_cast<SliceObject*>(key);
    if (s->step != none()) {
      ssize step = number_as_ssize(s->step, exc_ValueError);
      if (step == -1 && errors::occurred()) return nullptr;
      if (step == 0) {
        errors::set_string(exc_ValueError, "slice step cannot be zero");
        return nullptr;
      }
    }
    if (s->stop == none()) {
      errors::set_string(exc_ValueError, "slice stop is required");
      return nullptr;
    }
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return nullptr;
    if (s->start == none()) start = step > 0 ? 0 : -1;
    ssize count;
    if ((step > 0 && start >= stop) || (step < 0 && start <= stop)) {
      count = 0;
    } else if (step > 0) {
      count = (stop - start - 1) / step + 1;
    } else {
      count = (stop - start + 1) / step + 1;
    }
    void* p = pointer_value(self);
    if (!p && count > 0) {
      errors::set_string(exc_ValueError, "NULL pointer access");
      return nullptr;
    }
    StgInfo* info = stginfo_of_object(self);
    return items_slice(self, info->proto, static_cast<char*>(p), start, step, count);
  }
  errors::set_string(exc_TypeError, "Pointer indices must be integer");
  return nullptr;
}

Object* pointer_contents_get(Object* self, void*) {
  void* p = pointer_value(self);
  if (!p) {
    errors::set_string(exc_ValueError, "NULL pointer access");
    return nullptr;
  }
  StgInfo* info = stginfo_of_object(self);
  if (!info->proto) {
    errors::set_string(exc_TypeError, "Cannot create instance: has no _type_");
    return nullptr;
  }
  return cdata_from_base(info->proto, self, 0, static_cast<char*>(p));
}

int pointer_contents_set(Object* self, Object* value, void*) {
  if (!value) {
    errors::set_string(exc_TypeError, "Pointer does not support item deletion");
    return -1;
  }
  StgInfo* info = stginfo_of_object(self);
  if (!info->proto) {
    errors::set_string(exc_TypeError, "Cannot create instance: has no _type_");
    return -1;
  }
  if (!cdata_check(value)) {
    errors::format(exc_TypeError, "expected %s instead of %s",
                   reinterpret_cast<TypeObject*>(info->proto)->name, value->type->name);
    return -1;
  }
  void* p = cd(value)->b_ptr;
  std::memcpy(cd(self)->b_ptr, &p, sizeof p);
  if (keep_ref(cd(self), 1, new_ref(value)) < 0) return -1;
  Object* keep = kept_objects(cd(value));
  if (!keep) return -1;
  return keep_ref(cd(self), 0, keep);
}

int pointer_init(Object* self, Object* args, Object* kwds) {
  (void)kwds;
  if (tuple_size(args) > 1) {
    errors::set_string(exc_TypeError, "pointer() takes at most 1 argument");
    return -1;
  }
  if (tuple_size(args) == 1) return pointer_contents_set(self, tuple_item(args, 0), nullptr);
  return 0;
}

int pointer_bool(Object* self) { return pointer_value(self) != nullptr; }

NumberMethods pointer_as_number = [] {
  NumberMethods n{};
  n.bool_ = pointer_bool;
  return n;
}();
SequenceMethods pointer_as_sequence = {nullptr, nullptr, nullptr, pointer_item, nullptr,
                                       pointer_ass_item, nullptr, nullptr, nullptr, nullptr};
MappingMethods pointer_as_mapping = {nullptr, pointer_subscript, nullptr};
GetSetDef pointer_getset[] = {
    {"contents", pointer_contents_get, pointer_contents_set, "the object this pointer points to (read-write)", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- instance creation -----------------------------------------------------------------------

Object* cdata_new_slot(TypeObject* type, Object*, Object*) {
  return generic_cdata_new(type);
}

// --- CField ----------------------------------------------------------------------------------

struct CFieldObject : Object {
  Object* name;
  Object* proto;  // the field's type
  ssize byte_size;
  ssize byte_offset;
  ssize index;
  ssize bit_size;    // 0: not a bitfield
  ssize bit_offset;
  bool anonymous;
  const FieldDesc* fd;  // simple types only
  char array_codec;     // 's' for c_char arrays, 'U' for c_wchar arrays (read as bytes / str)
};

CFieldObject* cf(Object* o) { return static_cast<CFieldObject*>(o); }

Object* cfield_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"name", "type", "byte_size", "byte_offset", "index",
                                   "_internal_use", "bit_size", "bit_offset", nullptr};
  Object* a[8] = {};
  if (tuple_size(args) != 0 || !kwds) {
    errors::set_string(exc_TypeError, "CField() takes keyword arguments only");
    return nullptr;
  }
  ssize pos = 0;
  Object* key;
  Object* value;
  while (dict_next(kwds, &pos, &key, &value)) {
    int k = 0;
    for (; kw[k]; ++k) {
      if (std::strcmp(str_as_utf8(key), kw[k]) == 0) break;
    }
    if (!kw[k]) {
      errors::format(exc_TypeError, "CField() got an unexpected keyword argument %R", key);
      return nullptr;
    }
    a[k] = value;
  }
  if (!a[5] || !object_is_true(a[5])) {
    errors::set_string(exc_NotImplementedError,
                       "CField is not intended to be used directly; use it only with "
                       "_internal_use=True");
    return nullptr;
  }
  if (!a[0] || !a[1] || !a[2] || !a[3] || !a[4]) {
    errors::set_string(exc_TypeError, "CField() missing required arguments");
    return nullptr;
  }
  if (!str_check(a[0])) {
    errors::format(exc_TypeError, "field name must be str, not %s", a[0]->type->name);
    return nullptr;
  }
  StgInfo* info = stginfo_of_type(a[1]);
  if (!info) {
    errors::format(exc_TypeError, "type of field %R must be a C type", a[0]);
    return nullptr;
  }
  Ref<> self = Ref<>::steal(type->alloc(type, 0));
  if (!self) return nullptr;
  CFieldObject* f = cf(self.get());
  f->name = new_ref(a[0]);
  f->proto = new_ref(a[1]);
  f->byte_size = number_as_ssize(a[2], exc_OverflowError);
  f->byte_offset = number_as_ssize(a[3], exc_OverflowError);
  f->index = number_as_ssize(a[4], exc_OverflowError);
  f->bit_size = a[6] && a[6] != none() ? number_as_ssize(a[6], exc_OverflowError) : 0;
  f->bit_offset = a[7] && a[7] != none() ? number_as_ssize(a[7], exc_OverflowError) : 0;
  if (errors::occurred()) return nullptr;
  f->fd = info->fd;
  f->array_codec = 0;
  if (info->shape.size() == 1 && info->proto) {
    StgInfo* item = stginfo_of_type(info->proto);
    if (item && item->fd && !item->swapped && item->fd->code == 'c') f->array_codec = 's';
    if (item && item->fd && !item->swapped && item->fd->code == 'u') f->array_codec = 'U';
  }
  return self.release();
}

// s_get / U_get: the characters up to the first NUL.
Object* array_codec_get(CFieldObject* f, const char* ptr) {
  if (f->array_codec == 's') {
    ssize n = 0;
    while (n < f->byte_size && ptr[n]) ++n;
    return bytes_from_string_and_size(ptr, n);
  }
  auto* w = reinterpret_cast<const wchar_t*>(ptr);
  ssize max = f->byte_size / static_cast<ssize>(sizeof(wchar_t));
  ssize n = 0;
  while (n < max && w[n]) ++n;
  return str_from_kind_and_data(4, w, n);
}

// s_set / U_set.
int array_codec_set(CFieldObject* f, char* ptr, Object* value) {
  if (f->array_codec == 's') {
    if (!bytes_check(value)) {
      errors::format(exc_TypeError, "expected bytes, %s found", value->type->name);
      return -1;
    }
    ssize n = bytes_size(value);
    if (n > f->byte_size) {
      errors::format(exc_ValueError, "bytes too long (%zd, maximum length %zd)", n,
                     f->byte_size);
      return -1;
    }
    std::memcpy(ptr, bytes_as_string(value), static_cast<size_t>(n));
    if (n < f->byte_size) ptr[n] = 0;
    return 0;
  }
  if (!str_check(value)) {
    errors::format(exc_TypeError, "unicode string expected instead of %s instance",
                   value->type->name);
    return -1;
  }
  ssize n = str_length(value);
  ssize max = f->byte_size / static_cast<ssize>(sizeof(wchar_t));
  if (n > max) {
    errors::format(exc_ValueError, "string too long (%zd, maximum length %zd)", n, max);
    return -1;
  }
  auto* w = reinterpret_cast<wchar_t*>(ptr);
  for (ssize i = 0; i < n; ++i) w[i] = static_cast<wchar_t>(str_read_char(value, i));
  if (n < max) w[n] = 0;
  return 0;
}

void cfield_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(cf(o)->name);
  xdecref(cf(o)->proto);
  TypeObject* type = o->type;
  type->free(o);
}

int cfield_traverse(Object* o, visitproc visit, void* arg) {
  if (cf(o)->proto && visit(cf(o)->proto, arg)) return 1;
  return 0;
}

// Reads an integer bitfield of the field's type at ptr.
Object* bitfield_get(CFieldObject* f, const StgInfo* info, const char* ptr) {
  unsigned char raw[8] = {};
  std::memcpy(raw, ptr, static_cast<size_t>(f->byte_size));
  if (info->swapped) std::reverse(raw, raw + f->byte_size);
  unsigned long long word = 0;
  std::memcpy(&word, raw, static_cast<size_t>(f->byte_size));
  unsigned long long v = (word >> f->bit_offset);
  if (f->bit_size < 64) v &= (1ULL << f->bit_size) - 1;
  char code = info->fd ? info->fd->code : 'B';
  bool is_signed = std::strchr("bhilq", code) != nullptr;
  if (is_signed && f->bit_size < 64 && (v >> (f->bit_size - 1)) & 1) {
    v |= ~((1ULL << f->bit_size) - 1);
  }
  if (code == '?') return bool_from_long(v != 0);
  if (is_signed) return long_from_long_long(static_cast<long long>(v));
  return long_from_unsigned_long_long(v);
}

int bitfield_set(CFieldObject* f, const StgInfo* info, char* ptr, Object* value) {
  unsigned char temp[16] = {};
  Object* keep = info->fd->setfunc(reinterpret_cast<char*>(temp), value);
  if (!keep) return -1;
  decref(keep);
  unsigned long long v = 0;
  std::memcpy(&v, temp, static_cast<size_t>(f->byte_size));
  unsigned char raw[8] = {};
  std::memcpy(raw, ptr, static_cast<size_t>(f->byte_size));
  if (info->swapped) std::reverse(raw, raw + f->byte_size);
  unsigned long long word = 0;
  std::memcpy(&word, raw, static_cast<size_t>(f->byte_size));
  unsigned long long mask = f->bit_size < 64 ? ((1ULL << f->bit_size) - 1) : ~0ULL;
  word = (word & ~(mask << f->bit_offset)) | ((v & mask) << f->bit_offset);
  std::memcpy(raw, &word, static_cast<size_t>(f->byte_size));
  if (info->swapped) std::reverse(raw, raw + f->byte_size);
  std::memcpy(ptr, raw, static_cast<size_t>(f->byte_size));
  return 0;
}

Object* cfield_get(Object* self, Object* inst, Object*) {
  if (!inst || inst == none()) return new_ref(self);
  if (!cdata_check(inst)) {
    errors::set_string(exc_TypeError, "not a ctype instance");
    return nullptr;
  }
  CFieldObject* f = cf(self);
  char* ptr = cd(inst)->b_ptr + f->byte_offset;
  if (f->bit_size) {
    StgInfo* info = stginfo_of_type(f->proto);
    return bitfield_get(f, info, ptr);
  }
  if (f->array_codec) return array_codec_get(f, ptr);
  return cdata_get(f->proto, f->fd, inst, f->index, f->byte_size, ptr);
}

int cfield_set(Object* self, Object* inst, Object* value) {
  if (!cdata_check(inst)) {
    errors::set_string(exc_TypeError, "not a ctype instance");
    return -1;
  }
  if (!value) {
    errors::set_string(exc_TypeError, "can't delete attribute");
    return -1;
  }
  CFieldObject* f = cf(self);
  char* ptr = cd(inst)->b_ptr + f->byte_offset;
  if (f->bit_size) {
    StgInfo* info = stginfo_of_type(f->proto);
    return bitfield_set(f, info, ptr, value);
  }
  if (f->array_codec && !cdata_check(value)) {
    if (array_codec_set(f, ptr, value) < 0) return -1;
    // U_set keeps the str it copied (s_set keeps nothing).
    return f->array_codec == 'U' ? keep_ref(cd(inst), f->index, new_ref(value)) : 0;
  }
  return cdata_set(inst, f->proto, f->fd, value, f->index, f->byte_size, ptr);
}

Object* cfield_repr(Object* self) {
  CFieldObject* f = cf(self);
  const char* tname = reinterpret_cast<TypeObject*>(f->proto)->name;
  if (f->bit_size) {
    return str_from_format("<%s %R type=%s, ofs=%zd, bit_size=%zd, bit_offset=%zd>",
                           self->type->name, f->name, tname, f->byte_offset, f->bit_size,
                           f->bit_offset);
  }
  return str_from_format("<%s %R type=%s, ofs=%zd, size=%zd>", self->type->name, f->name, tname,
                         f->byte_offset, f->byte_size);
}

Object* cfield_name(Object* self, void*) { return new_ref(cf(self)->name); }
Object* cfield_type(Object* self, void*) { return new_ref(cf(self)->proto); }
Object* cfield_offset(Object* self, void*) { return long_from_ssize(cf(self)->byte_offset); }
Object* cfield_byte_size(Object* self, void*) { return long_from_ssize(cf(self)->byte_size); }
Object* cfield_size(Object* self, void*) {
  CFieldObject* f = cf(self);
  if (f->bit_size) return long_from_ssize((f->bit_size << 16) | f->bit_offset);
  return long_from_ssize(f->byte_size);
}
Object* cfield_bit_size(Object* self, void*) {
  CFieldObject* f = cf(self);
  return long_from_ssize(f->bit_size ? f->bit_size : f->byte_size * 8);
}
Object* cfield_bit_offset(Object* self, void*) { return long_from_ssize(cf(self)->bit_offset); }
Object* cfield_is_bitfield(Object* self, void*) { return bool_from_long(cf(self)->bit_size != 0); }
Object* cfield_is_anonymous(Object* self, void*) { return bool_from_long(cf(self)->anonymous); }
int cfield_set_anonymous(Object* self, Object* value, void*) {
  cf(self)->anonymous = value && object_is_true(value) > 0;
  return 0;
}

// A copy of a field moved by offset (for _anonymous_); new reference.
Object* cfield_copy_at(Object* field, ssize extra) {
  CFieldObject* src = cf(field);
  Object* copy = CField_Type.alloc(&CField_Type, 0);
  if (!copy) return nullptr;
  CFieldObject* f = cf(copy);
  f->name = new_ref(src->name);
  f->proto = new_ref(src->proto);
  f->byte_size = src->byte_size;
  f->byte_offset = src->byte_offset + extra;
  f->index = src->index;
  f->bit_size = src->bit_size;
  f->bit_offset = src->bit_offset;
  f->fd = src->fd;
  f->array_codec = src->array_codec;
  f->anonymous = false;
  return copy;
}

GetSetDef cfield_getset[] = {
    {"name", cfield_name, nullptr, "name of this field", nullptr},
    {"type", cfield_type, nullptr, "type of this field", nullptr},
    {"offset", cfield_offset, nullptr, "offset in bytes of this field (same as byte_offset)", nullptr},
    {"byte_offset", cfield_offset, nullptr, "offset in bytes of this field", nullptr},
    {"size", cfield_size, nullptr, "size in bytes of this field", nullptr},
    {"byte_size", cfield_byte_size, nullptr, "size of this field in bytes", nullptr},
    {"bit_size", cfield_bit_size, nullptr, "size of this field in bits", nullptr},
    {"bit_offset", cfield_bit_offset, nullptr, "additional offset in bits", nullptr},
    {"is_bitfield", cfield_is_bitfield, nullptr, "true if this is a bitfield", nullptr},
    {"is_anonymous", cfield_is_anonymous, nullptr, "true if this field is anonymous", nullptr},
    {"_anonymous", cfield_is_anonymous, cfield_set_anonymous, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- module functions ------------------------------------------------------------------------

Object* ctypes_sizeof(Object*, Object* obj) {
  if (StgInfo* info = stginfo_of_type(obj)) return long_from_ssize(info->size);
  if (cdata_check(obj)) return long_from_ssize(cd(obj)->b_size);
  errors::set_string(exc_TypeError, "this type has no size");
  return nullptr;
}

Object* ctypes_alignment(Object*, Object* obj) {
  if (StgInfo* info = stginfo_of_type(obj)) return long_from_ssize(info->align);
  if (StgInfo* info = stginfo_of_object(obj)) return long_from_ssize(info->align);
  errors::set_string(exc_TypeError, "no alignment info");
  return nullptr;
}

Object* ctypes_byref(Object*, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    errors::format(exc_TypeError, "byref expected at least 1 argument, got %zd", nargs);
    return nullptr;
  }
  if (!cdata_check(args[0])) {
    errors::format(exc_TypeError, "byref() argument 1 must be _ctypes._CData, not %s",
                   args[0]->type->name);
    return nullptr;
  }
  ssize offset = 0;
  if (nargs == 2) {
    offset = number_as_ssize(args[1], exc_OverflowError);
    if (offset == -1 && errors::occurred()) return nullptr;
  }
  CArgObject* parg = new_carg();
  if (!parg) return nullptr;
  parg->tag = 'P';
  parg->ffi = &ffi_type_pointer;
  parg->obj = new_ref(args[0]);
  parg->value.p = cd(args[0])->b_ptr + offset;
  return parg;
}

Object* ctypes_addressof(Object*, Object* obj) {
  if (!cdata_check(obj)) {
    errors::format(exc_TypeError, "addressof() argument must be _ctypes._CData, not %s",
                   obj->type->name);
    return nullptr;
  }
  return long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(cd(obj)->b_ptr));
}

Object* ctypes_resize(Object*, Object* const* args, ssize nargs) {
  if (nargs != 2) {
    errors::format(exc_TypeError, "resize expected 2 arguments, got %zd", nargs);
    return nullptr;
  }
  if (!cdata_check(args[0])) {
    errors::format(exc_TypeError, "resize() argument 1 must be _ctypes._CData, not %s",
                   args[0]->type->name);
    return nullptr;
  }
  CDataObject* obj = cd(args[0]);
  ssize size = number_as_ssize(args[1], exc_OverflowError);
  if (size == -1 && errors::occurred()) return nullptr;
  StgInfo* info = stginfo_of_object(args[0]);
  if (size < info->size) {
    errors::format(exc_ValueError, "minimum size is %zd", info->size);
    return nullptr;
  }
  if (!obj->b_needsfree) {
    errors::set_string(exc_ValueError,
                       "Memory cannot be resized because this object doesn't own it");
    return nullptr;
  }
  if (static_cast<size_t>(size) <= sizeof obj->b_value) {
    obj->b_size = size;
    return return_none();
  }
  char* ptr;
  if (obj->b_ptr == obj->b_value.c) {
    ptr = static_cast<char*>(std::calloc(1, static_cast<size_t>(size)));
    if (!ptr) return errors::no_memory();
    std::memcpy(ptr, obj->b_ptr, static_cast<size_t>(obj->b_size));
  } else {
    ptr = static_cast<char*>(std::realloc(obj->b_ptr, static_cast<size_t>(size)));
    if (!ptr) return errors::no_memory();
    if (size > obj->b_size) {
      std::memset(ptr + obj->b_size, 0, static_cast<size_t>(size - obj->b_size));
    }
  }
  obj->b_ptr = ptr;
  obj->b_size = size;
  return return_none();
}

Object* ctypes_buffer_info(Object*, Object* arg) {
  StgInfo* info = stginfo_of_type(arg);
  if (!info) info = stginfo_of_object(arg);
  if (!info) {
    errors::set_string(exc_TypeError, "not a ctypes type or object");
    return nullptr;
  }
  Ref<> shape = Ref<>::steal(tuple_new(static_cast<ssize>(info->shape.size())));
  if (!shape) return nullptr;
  for (size_t i = 0; i < info->shape.size(); ++i) {
    Object* n = long_from_ssize(info->shape[i]);
    if (!n) return nullptr;
    tuple_set_item(shape.get(), static_cast<ssize>(i), n);
  }
  Ref<> fmt = Ref<>::steal(info->format.empty() ? return_none()
                                                : str_from_cstr(info->format.c_str()));
  if (!fmt) return nullptr;
  Ref<> ndim = Ref<>::steal(long_from_ssize(static_cast<ssize>(info->shape.size())));
  if (!ndim) return nullptr;
  return tuple_pack(3, fmt.get(), ndim.get(), shape.get());
}

Object* ctypes_unpickle(Object*, Object* const* args, ssize nargs) {
  if (nargs != 2 || !tuple_check(args[1])) {
    errors::set_string(exc_TypeError, "_unpickle expects (type, state)");
    return nullptr;
  }
  Ref<> obj = Ref<>::steal(call_method_one_arg(args[0], intern("__new__"), args[0]));
  if (!obj) return nullptr;
  Ref<> setstate = Ref<>::steal(object_getattr(obj.get(), intern("__setstate__")));
  if (!setstate) return nullptr;
  Ref<> res = Ref<>::steal(object_call(setstate.get(), args[1], nullptr));
  if (!res) return nullptr;
  return obj.release();
}

Object* ctypes_obj_from_ptr(Object*, Object* arg) {
  uintptr_t p = static_cast<uintptr_t>(long_as_unsigned_long_long(arg));
  if (errors::occurred()) return nullptr;
  return new_ref(reinterpret_cast<Object*>(p));
}
Object* ctypes_incref(Object*, Object* arg) {
  incref(arg);
  return new_ref(arg);
}
Object* ctypes_decref(Object*, Object* arg) {
  decref(arg);
  return new_ref(arg);
}

MethodDef module_functions[] = {
    {"sizeof", reinterpret_cast<void*>(ctypes_sizeof), kMethO,
     "sizeof(C type) -> integer\nsizeof(C instance) -> integer\nReturn the size in bytes of a C instance"},
    {"alignment", reinterpret_cast<void*>(ctypes_alignment), kMethO,
     "alignment(C type) -> integer\nalignment(C instance) -> integer\nReturn the alignment requirements of a C instance"},
    {"byref", reinterpret_cast<void*>(ctypes_byref), kMethFastcall,
     "byref(C instance[, offset=0]) -> byref-object\nReturn a pointer lookalike to a C instance, only usable\nas function argument"},
    {"addressof", reinterpret_cast<void*>(ctypes_addressof), kMethO,
     "addressof(C instance) -> integer\nReturn the address of the C instance internal buffer"},
    {"resize", reinterpret_cast<void*>(ctypes_resize), kMethFastcall, "Resize the memory buffer of a ctypes instance"},
    {"buffer_info", reinterpret_cast<void*>(ctypes_buffer_info), kMethO,
     "Return buffer interface information"},
    {"_unpickle", reinterpret_cast<void*>(ctypes_unpickle), kMethFastcall, nullptr},
    {"PyObj_FromPtr", reinterpret_cast<void*>(ctypes_obj_from_ptr), kMethO, nullptr},
    {"Py_INCREF", reinterpret_cast<void*>(ctypes_incref), kMethO, nullptr},
    {"Py_DECREF", reinterpret_cast<void*>(ctypes_decref), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// --- CArgObject ------------------------------------------------------------------------------

void carg_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<CArgObject*>(o)->obj);
  TypeObject* type = o->type;
  type->free(o);
}
int carg_traverse(Object* o, visitproc visit, void* arg) {
  Object* obj = static_cast<CArgObject*>(o)->obj;
  return obj && visit(obj, arg) ? 1 : 0;
}

Object* carg_repr(Object* o) {
  auto* self = static_cast<CArgObject*>(o);
  switch (self->tag) {
    case 'b':
    case 'B':
      return str_from_format("<cparam '%c' (%d)>", self->tag, self->value.b);
    case 'h':
    case 'H':
      return str_from_format("<cparam '%c' (%d)>", self->tag, self->value.h);
    case 'i':
    case 'I':
      return str_from_format("<cparam '%c' (%d)>", self->tag, self->value.i);
    case 'l':
    case 'L':
      return str_from_format("<cparam '%c' (%ld)>", self->tag, self->value.l);
    case 'q':
    case 'Q':
      return str_from_format("<cparam '%c' (%lld)>", self->tag, self->value.q);
    case 'd':
    case 'f': {
      Ref<> f = Ref<>::steal(float_from_double(self->tag == 'f' ? self->value.f : self->value.d));
      if (!f) return nullptr;
      return str_from_format("<cparam '%c' (%R)>", self->tag, f.get());
    }
    case 'c':
      return str_from_format("<cparam '%c' ('%c')>", self->tag, self->value.c);
    case 'z':
    case 'Z':
    case 'P':
      return str_from_format("<cparam '%c' (%p)>", self->tag, self->value.p);
    default:
      return str_from_format("<cparam '%c' at %p>", self->tag, static_cast<void*>(self));
  }
}

Object* carg_obj_get(Object* o, void*) {
  Object* obj = static_cast<CArgObject*>(o)->obj;
  return new_ref(obj ? obj : none());
}

GetSetDef carg_getset[] = {{"_obj", carg_obj_get, nullptr, nullptr, nullptr},
                           {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- the types -------------------------------------------------------------------------------

TypeObject metatype(const char* name, newfunc new_, MethodDef* methods) {
  TypeObject t = static_type(name, sizeof(CTypeObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsTypeSubclass);
  t.base = &CType_Type;
  t.new_ = new_;
  t.methods = methods;
  return t;
}

void init_cdata_type(CTypeObject& target, const char* name, TypeObject* meta, const char* doc) {
  TypeObject t = static_type(name, sizeof(CDataObject), 0, kTpflagsHaveGc | kTpflagsBasetype);
  t.type = meta;
  t.doc = doc;
  t.base = &CData_Type;
  t.dealloc = cdata_dealloc;
  t.traverse = cdata_traverse;
  t.clear = cdata_clear;
  t.as_buffer = &cdata_as_buffer;
  t.alloc = type_generic_alloc;
  t.new_ = cdata_new_slot;
  static_cast<TypeObject&>(target) = t;
  target.stginfo = nullptr;
}

}  // namespace

// --- shared with callproc.cpp ----------------------------------------------------------------

StgInfo* stginfo_of_type(Object* type) {
  if (!type || !type_check_type(type)) return nullptr;
  if (!is_ctype_metatype(type->type)) return nullptr;
  return static_cast<CTypeObject*>(type)->stginfo;
}

bool cdata_check(Object* o) { return type_check(o, &CData_Type); }

CArgObject* new_carg() {
  Object* o = CArg_Type.alloc(&CArg_Type, 0);
  if (!o) return nullptr;
  auto* p = static_cast<CArgObject*>(o);
  p->tag = 0;
  p->ffi = nullptr;
  p->obj = nullptr;
  p->size = 0;
  std::memset(&p->value, 0, sizeof p->value);
  return p;
}

Object* generic_cdata_new(TypeObject* type) {
  StgInfo* info = stginfo_or_abstract(type);
  if (!info) return nullptr;
  info->flags |= kDictflagFinal;
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  CDataObject* obj = cd(o);
  obj->b_base = nullptr;
  obj->b_objects = nullptr;
  obj->b_index = 0;
  obj->b_length = info->length;
  if (malloc_buffer(obj, info) < 0) {
    decref(o);
    return nullptr;
  }
  return o;
}

Object* cdata_from_base(Object* type, Object* base, ssize index, char* adr) {
  StgInfo* info = stginfo_or_abstract(type);
  if (!info) return nullptr;
  info->flags |= kDictflagFinal;
  auto* t = reinterpret_cast<TypeObject*>(type);
  Object* o = t->alloc(t, 0);
  if (!o) return nullptr;
  CDataObject* obj = cd(o);
  obj->b_length = info->length;
  obj->b_size = info->size;
  obj->b_index = index;
  obj->b_objects = nullptr;
  obj->b_needsfree = 0;
  obj->b_ptr = adr;
  obj->b_base = base ? static_cast<CDataObject*>(new_ref(base)) : nullptr;
  return o;
}

Object* cdata_at_address(Object* type, void* adr) {
  return cdata_from_base(type, nullptr, 0, static_cast<char*>(adr));
}

Object* simple_get(const StgInfo* info, const char* ptr) {
  if (!info->swapped) return info->fd->getfunc(ptr);
  char temp[16];
  for (ssize i = 0; i < info->size; ++i) temp[i] = ptr[info->size - 1 - i];
  return info->fd->getfunc(temp);
}

Object* simple_set(const StgInfo* info, char* ptr, Object* value) {
  if (!info->swapped) return info->fd->setfunc(ptr, value);
  char temp[16];
  Object* keep = info->fd->setfunc(temp, value);
  if (!keep) return nullptr;
  for (ssize i = 0; i < info->size; ++i) ptr[i] = temp[info->size - 1 - i];
  return keep;
}

Object* cdata_get(Object* type, const FieldDesc* fd, Object* src, ssize index, ssize size,
                  char* adr) {
  (void)size;
  StgInfo* info = stginfo_of_type(type);
  if (fd && info && !simple_instance(type)) return simple_get(info, adr);
  return cdata_from_base(type, src, index, adr);
}

// The key of index in b_objects (unique_key: hex indices joined by ':' up the base chain).
Object* objects_key(CDataObject* target, ssize index) {
  std::string key;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%zx", static_cast<size_t>(index));
  key = buf;
  while (target->b_base) {
    std::snprintf(buf, sizeof buf, "%zx", static_cast<size_t>(target->b_index));
    key += ":";
    key += buf;
    target = target->b_base;
  }
  return str_from_utf8(key.data(), static_cast<ssize>(key.size()));
}

int keep_ref(CDataObject* target, ssize index, Object* keep) {
  if (keep == none()) {  // nothing to keep
    decref(keep);
    return 0;
  }
  Object* objects = kept_objects(target);  // PyCData_GetContainer
  if (!objects) {
    decref(keep);
    return -1;
  }
  decref(objects);
  CDataObject* container = target;
  while (container->b_base) container = container->b_base;
  if (!dict_check_exact(container->b_objects)) {  // a simple value keeps one object
    xsetref(container->b_objects, keep);
    return 0;
  }
  Ref<> key = Ref<>::steal(objects_key(target, index));
  if (!key) {
    decref(keep);
    return -1;
  }
  int res = dict_set_item(container->b_objects, key.get(), keep);
  decref(keep);
  return res;
}

int cdata_set(Object* dst, Object* type, const FieldDesc* fd, Object* value, ssize index,
              ssize size, char* ptr) {
  CDataObject* target = cd(dst);
  StgInfo* info = stginfo_of_type(type);
  if (!info) {
    errors::set_string(exc_TypeError, "not a ctype instance");
    return -1;
  }
  // _PyCData_set
  if (fd && !cdata_check(value)) {
    Object* keep = simple_set(info, ptr, value);
    if (!keep) return -1;
    return keep_ref(target, index, keep);
  }
  int res = object_is_instance(value, type);
  if (res < 0) return -1;
  if (res) {
    std::memcpy(ptr, cd(value)->b_ptr, static_cast<size_t>(size));
    if (info->flags & kTypeflagIsPointer) {
      // a pointer keeps what the source pointer kept
    }
    Object* keep = kept_objects(cd(value));
    if (!keep) return -1;
    return keep_ref(target, index, keep);
  }
  if ((info->flags & kTypeflagIsPointer) && cdata_check(value)) {
    StgInfo* vinfo = stginfo_of_object(value);
    if (vinfo && !vinfo->shape.empty() && vinfo->proto && info->proto &&
        is_subtype(reinterpret_cast<TypeObject*>(vinfo->proto),
                   reinterpret_cast<TypeObject*>(info->proto))) {
      void* p = cd(value)->b_ptr;
      std::memcpy(ptr, &p, sizeof p);
      return keep_ref(target, index, new_ref(value));
    }
    errors::format(exc_TypeError, "incompatible types, %s instance instead of %s instance",
                   value->type->name, reinterpret_cast<TypeObject*>(type)->name);
    return -1;
  }
  if (tuple_check(value) && !fd) {
    Ref<> obj = Ref<>::steal(object_call(type, value, nullptr));
    if (!obj) return -1;
    return cdata_set(dst, type, fd, obj.get(), index, size, ptr);
  }
  if (fd) {
    Object* keep = simple_set(info, ptr, value);
    if (!keep) return -1;
    return keep_ref(target, index, keep);
  }
  if (value == none() && (info->flags & kTypeflagIsPointer)) {
    void* p = nullptr;
    std::memcpy(ptr, &p, sizeof p);
    return 0;
  }
  errors::format(exc_TypeError, "expected %s instance, got %s",
                 reinterpret_cast<TypeObject*>(type)->name, value->type->name);
  return -1;
}

Object* array_type_from_ctype(Object* itemtype, ssize length) {
  static Object* cache = nullptr;
  if (!cache) {
    cache = dict_new();
    if (!cache) return nullptr;
  }
  Ref<> len = Ref<>::steal(long_from_ssize(length));
  if (!len) return nullptr;
  Ref<> key = Ref<>::steal(tuple_pack(2, itemtype, len.get()));
  if (!key) return nullptr;
  Object* cached = dict_get_item_with_error(cache, key.get());
  if (cached) return new_ref(cached);
  if (errors::occurred()) return nullptr;
  if (!type_check_type(itemtype)) {
    errors::set_string(exc_TypeError, "Expected a type object");
    return nullptr;
  }
  Ref<> name = Ref<>::steal(str_from_format("%s_Array_%zd",
                                            reinterpret_cast<TypeObject*>(itemtype)->name,
                                            length));
  if (!name) return nullptr;
  Ref<> bases = Ref<>::steal(tuple_pack(1, static_cast<Object*>(&Array_Type)));
  Ref<> dict = Ref<>::steal(dict_new());
  if (!bases || !dict) return nullptr;
  if (dict_set_item_string(dict.get(), "_length_", len.get()) < 0 ||
      dict_set_item_string(dict.get(), "_type_", itemtype) < 0) {
    return nullptr;
  }
  Ref<> args = Ref<>::steal(tuple_pack(3, name.get(), bases.get(), dict.get()));
  if (!args) return nullptr;
  Ref<> result = Ref<>::steal(object_call(&PyCArrayType_Type, args.get(), nullptr));
  if (!result) return nullptr;
  if (dict_set_item(cache, key.get(), result.get()) < 0) return nullptr;
  return result.release();
}

// --- from_param of simple types --------------------------------------------------------------

namespace {

Object* as_parameter_or(Object* type, Object* value, const char* expected) {
  Object* as_parameter = nullptr;
  if (object_get_optional_attr(value, intern("_as_parameter_"), &as_parameter) < 0) {
    return nullptr;
  }
  if (as_parameter) {
    Ref<> owned = Ref<>::steal(as_parameter);
    return call_method_one_arg(type, intern("from_param"), as_parameter);
  }
  errors::format(exc_TypeError, "'%s' object cannot be interpreted as %s", value->type->name,
                 expected);
  return nullptr;
}

CArgObject* carg_pointer(char tag, void* p, Object* keep) {
  CArgObject* parg = new_carg();
  if (!parg) return nullptr;
  parg->tag = tag;
  parg->ffi = &ffi_type_pointer;
  parg->value.p = p;
  parg->obj = keep ? new_ref(keep) : nullptr;
  return parg;
}

// A pointer argument converted by a pointer code's setfunc ('Z': a wchar_t copy kept with it).
CArgObject* carg_from_setfunc(char tag, const FieldDesc* fd, Object* value) {
  CArgObject* parg = new_carg();
  if (!parg) return nullptr;
  parg->tag = tag;
  parg->ffi = &ffi_type_pointer;
  Object* keep = fd->setfunc(reinterpret_cast<char*>(&parg->value.p), value);
  if (!keep) {
    decref(parg);
    return nullptr;
  }
  parg->obj = keep;
  return parg;
}

bool is_array_or_pointer_of(Object* value, char code) {
  if (!cdata_check(value)) return false;
  StgInfo* vinfo = stginfo_of_object(value);
  if (!vinfo || !vinfo->proto || vinfo->fd) return false;
  if (vinfo->shape.empty() && !(vinfo->flags & kTypeflagIsPointer)) return false;
  StgInfo* item = stginfo_of_type(vinfo->proto);
  return item && item->fd && item->fd->code == code;
}

}  // namespace

namespace {
Object* simple_from_param_impl(Object* type, Object* value) {
  StgInfo* info = stginfo_of_type(type);
  if (!info || !info->fd) {
    errors::set_string(exc_TypeError, "abstract class");
    return nullptr;
  }
  char code = info->fd->code;
  int res = object_is_instance(value, type);
  if (res < 0) return nullptr;
  if (res) return new_ref(value);
  if (code == 'z') {  // c_char_p_from_param
    if (value == none()) return return_none();
    if (bytes_check(value)) return carg_pointer('z', bytes_as_string(value), value);
    if (is_array_or_pointer_of(value, 'c')) return new_ref(value);
    if (value->type == &CArg_Type && static_cast<CArgObject*>(value)->tag == 'P') {
      return new_ref(value);
    }
    return as_parameter_or(type, value, "ctypes.c_char_p");
  }
  if (code == 'Z') {  // c_wchar_p_from_param
    if (value == none()) return return_none();
    if (str_check(value)) return carg_from_setfunc('Z', info->fd, value);
    if (is_array_or_pointer_of(value, 'u')) return new_ref(value);
    if (value->type == &CArg_Type && static_cast<CArgObject*>(value)->tag == 'P') {
      return new_ref(value);
    }
    return as_parameter_or(type, value, "ctypes.c_wchar_p");
  }
  if (code == 'P') {  // c_void_p_from_param
    if (value == none()) return return_none();
    if (long_check(value)) return carg_from_setfunc('P', info->fd, value);
    if (bytes_check(value)) return carg_pointer('z', bytes_as_string(value), value);
    if (str_check(value)) return carg_from_setfunc('Z', find_fielddesc('Z'), value);
    if (cdata_check(value)) {
      StgInfo* vinfo = stginfo_of_object(value);
      if (vinfo && (!vinfo->shape.empty() || (vinfo->flags & kTypeflagIsPointer))) {
        if (vinfo->fd && (vinfo->fd->code == 'z' || vinfo->fd->code == 'Z' ||
                          vinfo->fd->code == 'P')) {
          void* p;
          std::memcpy(&p, cd(value)->b_ptr, sizeof p);
          return carg_pointer('P', p, value);
        }
        return new_ref(value);
      }
      if (value->type->type == &PyCFuncPtrType_Type || is_subtype(value->type->type, &PyCFuncPtrType_Type)) {
        void* p;
        std::memcpy(&p, cd(value)->b_ptr, sizeof p);
        return carg_pointer('P', p, value);
      }
    }
    if (value->type == &CArg_Type) {
      char tag = static_cast<CArgObject*>(value)->tag;
      if (tag == 'P' || tag == 'z' || tag == 'Z') return new_ref(value);
    }
    return as_parameter_or(type, value, "ctypes.c_void_p");
  }
  // PyCSimpleType_from_param: the value converted by the code's setfunc.
  CArgObject* parg = new_carg();
  if (!parg) return nullptr;
  parg->tag = code;
  parg->ffi = &info->ffi;
  Object* keep = simple_set(info, reinterpret_cast<char*>(&parg->value), value);
  if (keep) {
    parg->obj = keep;
    return parg;
  }
  decref(parg);
  if (!errors::exception_matches(exc_TypeError) && !errors::exception_matches(exc_ValueError)) {
    return nullptr;
  }
  Object* as_parameter = nullptr;
  Ref<> saved = Ref<>::steal(errors::get_raised_exception());
  if (object_get_optional_attr(value, intern("_as_parameter_"), &as_parameter) < 0) {
    return nullptr;
  }
  if (as_parameter) {
    Ref<> owned = Ref<>::steal(as_parameter);
    return call_method_one_arg(type, intern("from_param"), as_parameter);
  }
  errors::set_raised_exception(saved.release());
  return nullptr;
}
}  // namespace

namespace {
Object* simple_from_param(Object* type, Object* value) {
  return simple_from_param_impl(type, value);
}
}  // namespace

// --- type objects ----------------------------------------------------------------------------

TypeObject CType_Type = [] {
  TypeObject t = static_type("_ctypes.CType_Type", sizeof(CTypeObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsTypeSubclass);
  t.doc = "metatype for C types";
  t.base = &Type_Type;
  t.dealloc = ctype_dealloc;
  t.traverse = ctype_traverse;
  t.clear = ctype_clear;
  t.getset = ctype_getset;
  t.methods = ctype_methods;
  t.as_sequence = &ctype_as_sequence;
  return t;
}();

TypeObject PyCSimpleType_Type = metatype("_ctypes.PyCSimpleType", simple_type_new,
                                         simple_type_methods);
TypeObject PyCStructType_Type = [] {
  TypeObject t = metatype("_ctypes.PyCStructType", struct_type_new, cdatatype_methods);
  t.setattro = struct_type_setattro;
  return t;
}();
TypeObject UnionType_Type = [] {
  TypeObject t = metatype("_ctypes.UnionType", union_type_new, cdatatype_methods);
  t.setattro = union_type_setattro;
  return t;
}();
TypeObject PyCArrayType_Type = metatype("_ctypes.PyCArrayType", array_type_new,
                                        cdatatype_methods);
TypeObject PyCPointerType_Type = metatype("_ctypes.PyCPointerType", pointer_type_new,
                                          pointer_type_methods);

TypeObject CData_Type = [] {
  TypeObject t = static_type("_ctypes._CData", sizeof(CDataObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype);
  t.doc = "XXX to be provided";
  t.dealloc = cdata_dealloc;
  t.traverse = cdata_traverse;
  t.clear = cdata_clear;
  t.hash = cdata_nohash;
  t.methods = cdata_methods;
  t.getset = cdata_getset;
  t.as_buffer = &cdata_as_buffer;
  t.alloc = type_generic_alloc;
  return t;
}();

CTypeObject Simple_Type;
CTypeObject Struct_Type;
CTypeObject Union_Type;
CTypeObject Array_Type;
CTypeObject Pointer_Type;

TypeObject CArg_Type = [] {
  TypeObject t = static_type("_ctypes.CArgObject", sizeof(CArgObject), 0, kTpflagsHaveGc);
  t.dealloc = carg_dealloc;
  t.traverse = carg_traverse;
  t.repr = carg_repr;
  t.getset = carg_getset;
  t.alloc = type_generic_alloc;
  return t;
}();

TypeObject CField_Type = [] {
  TypeObject t = static_type("ctypes.CField", sizeof(CFieldObject), 0, kTpflagsHaveGc);
  t.doc = "Structure/Union member";
  t.dealloc = cfield_dealloc;
  t.traverse = cfield_traverse;
  t.repr = cfield_repr;
  t.getset = cfield_getset;
  t.descr_get = cfield_get;
  t.descr_set = cfield_set;
  t.alloc = type_generic_alloc;
  t.new_ = cfield_new;
  return t;
}();

Object* object_call_method_anon_copy(Object* field, Object* offset) {
  ssize extra = number_as_ssize(offset, exc_OverflowError);
  if (extra == -1 && errors::occurred()) return nullptr;
  return cfield_copy_at(field, extra);
}

namespace {

int ready_types() {
  if (Simple_Type.name) return 0;
  init_cdata_type(Simple_Type, "_ctypes._SimpleCData", &PyCSimpleType_Type, "XXX to be provided");
  Simple_Type.init = simple_init;
  Simple_Type.repr = simple_repr;
  Simple_Type.as_number = &simple_as_number;
  Simple_Type.methods = simple_methods;
  Simple_Type.getset = simple_getset;
  init_cdata_type(Struct_Type, "_ctypes.Structure", &PyCStructType_Type, "Structure base class");
  Struct_Type.init = struct_init;
  init_cdata_type(Union_Type, "_ctypes.Union", &UnionType_Type, "Union base class");
  Union_Type.init = struct_init;
  init_cdata_type(Array_Type, "_ctypes.Array", &PyCArrayType_Type, "Abstract base class for arrays.");
  Array_Type.init = array_init;
  Array_Type.as_sequence = &array_as_sequence;
  Array_Type.as_mapping = &array_as_mapping;
  Array_Type.flags |= kTpflagsSequence;
  init_cdata_type(Pointer_Type, "_ctypes._Pointer", &PyCPointerType_Type, "XXX to be provided");
  Pointer_Type.init = pointer_init;
  Pointer_Type.as_number = &pointer_as_number;
  Pointer_Type.as_sequence = &pointer_as_sequence;
  Pointer_Type.as_mapping = &pointer_as_mapping;
  Pointer_Type.getset = pointer_getset;
  for (TypeObject* t : {&CType_Type, &PyCSimpleType_Type, &PyCStructType_Type, &UnionType_Type,
                        &PyCArrayType_Type, &PyCPointerType_Type, &CData_Type, &CArg_Type,
                        &CField_Type}) {
    if (type_ready(t) < 0) return -1;
  }
  for (TypeObject* t : {static_cast<TypeObject*>(&Simple_Type), static_cast<TypeObject*>(&Struct_Type),
                        static_cast<TypeObject*>(&Union_Type), static_cast<TypeObject*>(&Array_Type),
                        static_cast<TypeObject*>(&Pointer_Type)}) {
    if (type_ready(t) < 0) return -1;
  }
  return ready_funcptr_types();
}

int ctypes_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (!ArgumentError) {
    ArgumentError = new_exception("ctypes.ArgumentError", nullptr, nullptr);
    if (!ArgumentError) return -1;
  }
  struct {
    const char* name;
    Object* obj;
  } objects[] = {
      {"_SimpleCData", &Simple_Type},     {"Structure", &Struct_Type},
      {"Union", &Union_Type},             {"Array", &Array_Type},
      {"_Pointer", &Pointer_Type},        {"CFuncPtr", &CFuncPtr_Type},
      {"CField", &CField_Type},           {"ArgumentError", ArgumentError},
      {"CType_Type", &CType_Type},        {"PyCSimpleType", &PyCSimpleType_Type},
      {"PyCStructType", &PyCStructType_Type}, {"UnionType", &UnionType_Type},
      {"PyCArrayType", &PyCArrayType_Type}, {"PyCPointerType", &PyCPointerType_Type},
      {"PyCFuncPtrType", &PyCFuncPtrType_Type}, {"_CData", &CData_Type},
  };
  for (auto& entry : objects) {
    if (module_add_object_ref(m, entry.name, entry.obj) < 0) return -1;
  }
  struct {
    const char* name;
    long long value;
  } ints[] = {
      {"FUNCFLAG_CDECL", kFuncflagCdecl},
      {"FUNCFLAG_USE_ERRNO", kFuncflagUseErrno},
      {"FUNCFLAG_USE_LASTERROR", kFuncflagUseLastError},
      {"FUNCFLAG_PYTHONAPI", kFuncflagPythonapi},
      {"RTLD_LOCAL", RTLD_LOCAL},
      {"RTLD_GLOBAL", RTLD_GLOBAL},
      {"CTYPES_MAX_ARGCOUNT", 1024},
      {"SIZEOF_TIME_T", static_cast<long long>(sizeof(time_t))},
      {"_memmove_addr", static_cast<long long>(reinterpret_cast<uintptr_t>(&std::memmove))},
      {"_memset_addr", static_cast<long long>(reinterpret_cast<uintptr_t>(&std::memset))},
      {"_string_at_addr", static_cast<long long>(reinterpret_cast<uintptr_t>(string_at_address()))},
      {"_cast_addr", static_cast<long long>(reinterpret_cast<uintptr_t>(cast_address()))},
      {"_wstring_at_addr", static_cast<long long>(reinterpret_cast<uintptr_t>(wstring_at_address()))},
      {"_memoryview_at_addr",
       static_cast<long long>(reinterpret_cast<uintptr_t>(memoryview_at_address()))},
  };
  for (auto& entry : ints) {
    Ref<> v = Ref<>::steal(long_from_long_long(entry.value));
    if (!v || module_add_object_ref(m, entry.name, v.get()) < 0) return -1;
  }
  Ref<> version = Ref<>::steal(str_from_cstr("1.1.0"));
  if (!version || module_add_object_ref(m, "__version__", version.get()) < 0) return -1;
  if (module_add_functions(m, module_functions) < 0) return -1;
  if (module_add_functions(m, callproc_functions) < 0) return -1;
  return 0;
}

ModuleDef ctypes_def = {"_ctypes", "Create and manipulate C compatible data types in Python.",
                        nullptr, ctypes_exec};

}  // namespace

ModuleDef* module_def() { return &ctypes_def; }

}  // namespace cppy::modules::_ctypes
