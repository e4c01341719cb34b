// Foreign functions (CPython 3.14 Modules/_ctypes/callproc.c, callbacks.c and the
// PyCFuncPtr half of _ctypes.c): function pointer types and instances, calls through libffi
// with the argument conversions of ConvParam and GetResult, Python callables as C callbacks
// (ffi closures), dlopen/dlsym/dlclose, the ctypes errno, and the helpers ctypes wraps with
// PYFUNCTYPE (cast, string_at, wstring_at, memoryview_at).
#include <dlfcn.h>

#include <cerrno>
#include <cstring>
#include <cwchar>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_ctypes/ctypes.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/memoryobject.h"
#include "objects/buffer.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_ctypes {

using namespace objects;

namespace {

Object* intern(const char* s) { return str_intern_from_cstr(s); }

thread_local int ctypes_errno = 0;
// The thread state of a thread that released the GIL for a foreign call, so a callback made
// during the call can take the GIL back.
thread_local runtime::ThreadState* released_tstate = nullptr;

CFuncPtrObject* fp(Object* o) { return static_cast<CFuncPtrObject*>(o); }

// --- the function pointer type ---------------------------------------------------------------

// The converters of argtypes: each type's from_param.
Object* converters_from_argtypes(Object* argtypes) {
  Ref<> seq = Ref<>::steal(sequence_tuple(argtypes));
  if (!seq) {
    errors::clear();
    errors::set_string(exc_TypeError, "_argtypes_ must be a sequence of types");
    return nullptr;
  }
  ssize n = tuple_size(seq.get());
  if (n > 1024) {
    errors::format(exc_TypeError, "_argtypes_ has too many arguments (%zi), maximum is 1024", n);
    return nullptr;
  }
  Ref<> result = Ref<>::steal(tuple_new(n));
  if (!result) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* tp = tuple_item(seq.get(), i);
    Object* cnv = nullptr;
    if (object_get_optional_attr(tp, intern("from_param"), &cnv) <= 0) {
      if (!errors::occurred()) {
        errors::format(exc_TypeError, "item %zd in _argtypes_ has no from_param method", i + 1);
      }
      return nullptr;
    }
    tuple_set_item(result.get(), i, cnv);
  }
  return result.release();
}

bool valid_restype(Object* restype) {
  return restype == none() || stginfo_of_type(restype) || callable_check(restype);
}

Object* funcptr_type_new(TypeObject* meta, Object* args, Object* kwds) {
  Object* result = Type_Type.new_(meta, args, kwds);
  if (!result) return nullptr;
  Ref<CTypeObject> type = Ref<CTypeObject>::steal(static_cast<CTypeObject*>(result));
  type->stginfo = new StgInfo();
  StgInfo* info = type->stginfo;
  info->size = sizeof(void*);
  info->align = alignof(void*);
  info->length = 1;
  info->ffi = ffi_type_pointer;
  info->flags |= kTypeflagIsPointer;
  info->format = "X{}";
  Object* flags = nullptr;
  if (object_get_optional_attr(type.get(), intern("_flags_"), &flags) < 0) return nullptr;
  Ref<> flags_ref = Ref<>::steal(flags);
  if (!flags || !long_check(flags)) {
    errors::set_string(exc_TypeError, "class must define _flags_ which must be an integer");
    return nullptr;
  }
  info->flags |= static_cast<int>(long_as_long(flags)) & 0xff;
  Object* argtypes = nullptr;
  if (object_get_optional_attr(type.get(), intern("_argtypes_"), &argtypes) < 0) return nullptr;
  Ref<> argtypes_ref = Ref<>::steal(argtypes);
  if (argtypes && argtypes != none()) {
    Object* converters = converters_from_argtypes(argtypes);
    if (!converters) return nullptr;
    info->converters = converters;
    info->argtypes = sequence_tuple(argtypes);
    if (!info->argtypes) return nullptr;
  }
  Object* restype = nullptr;
  if (object_get_optional_attr(type.get(), intern("_restype_"), &restype) < 0) return nullptr;
  Ref<> restype_ref = Ref<>::steal(restype);
  if (restype) {
    if (!valid_restype(restype)) {
      errors::set_string(exc_TypeError, "_restype_ must be a type, a callable, or None");
      return nullptr;
    }
    info->restype = new_ref(restype);
    Object* checker = nullptr;
    if (object_get_optional_attr(restype, intern("_check_retval_"), &checker) < 0) return nullptr;
    info->checker = checker;
  }
  return type.release();
}

// --- callbacks (callbacks.c) -----------------------------------------------------------------

struct CallbackInfo {
  ffi_cif cif;
  std::vector<ffi_type*> atypes;
  ffi_type* rtype;
  Object* callable;
  Object* argtypes;  // tuple of ctypes types
  Object* restype;   // a ctypes type or None
  int flags;
};

Object* callback_arg(Object* type, void* ptr) {
  StgInfo* info = stginfo_of_type(type);
  if (!info) {
    errors::set_string(exc_TypeError, "invalid callback argument type");
    return nullptr;
  }
  auto* t = reinterpret_cast<TypeObject*>(type);
  if (info->fd && t->base == &Simple_Type) return simple_get(info, static_cast<char*>(ptr));
  Object* obj = generic_cdata_new(t);
  if (!obj) return nullptr;
  std::memcpy(static_cast<CDataObject*>(obj)->b_ptr, ptr, static_cast<size_t>(info->size));
  return obj;
}

// _CallPythonObject: converts the C arguments, calls the Python object, stores its result.
void closure_handler(ffi_cif*, void* resp, void** args, void* userdata) {
  auto* cb = static_cast<CallbackInfo*>(userdata);
  runtime::ThreadState* ts = released_tstate;
  if (ts) {
    released_tstate = nullptr;
    vm::restore_thread(ts);
  }
  StgInfo* rinfo = cb->restype != none() ? stginfo_of_type(cb->restype) : nullptr;
  if (rinfo && rinfo->size > 0) std::memset(resp, 0, static_cast<size_t>(rinfo->size < 8 ? 8 : rinfo->size));
  ssize n = tuple_size(cb->argtypes);
  Ref<> pyargs = Ref<>::steal(tuple_new(n));
  bool ok = static_cast<bool>(pyargs);
  for (ssize i = 0; ok && i < n; ++i) {
    Object* a = callback_arg(tuple_item(cb->argtypes, i), args[i]);
    if (!a) {
      ok = false;
      break;
    }
    tuple_set_item(pyargs.get(), i, a);
  }
  Ref<> result;
  if (ok) result = Ref<>::steal(object_call(cb->callable, pyargs.get(), nullptr));
  if (result && rinfo && rinfo->fd) {
    char temp[16] = {};
    Object* keep = simple_set(rinfo, temp, result.get());
    if (keep) {
      decref(keep);
      // Integer results smaller than a register are widened (libffi's ffi_arg).
      if (rinfo->ffi.type != FFI_TYPE_FLOAT && rinfo->ffi.type != FFI_TYPE_DOUBLE &&
          rinfo->ffi.type != FFI_TYPE_LONGDOUBLE && rinfo->ffi.type != FFI_TYPE_POINTER &&
          rinfo->size < static_cast<ssize>(sizeof(ffi_arg))) {
        ffi_arg wide = 0;
        switch (rinfo->ffi.type) {
          case FFI_TYPE_SINT8: wide = static_cast<ffi_arg>(static_cast<ffi_sarg>(*reinterpret_cast<signed char*>(temp))); break;
          case FFI_TYPE_UINT8: wide = *reinterpret_cast<unsigned char*>(temp); break;
          case FFI_TYPE_SINT16: wide = static_cast<ffi_arg>(static_cast<ffi_sarg>(*reinterpret_cast<short*>(temp))); break;
          case FFI_TYPE_UINT16: wide = *reinterpret_cast<unsigned short*>(temp); break;
          case FFI_TYPE_SINT32: wide = static_cast<ffi_arg>(static_cast<ffi_sarg>(*reinterpret_cast<int*>(temp))); break;
          default: wide = *reinterpret_cast<unsigned int*>(temp); break;
        }
        std::memcpy(resp, &wide, sizeof wide);
      } else {
        std::memcpy(resp, temp, static_cast<size_t>(rinfo->size));
      }
    } else {
      result = nullptr;
    }
  } else if (result && rinfo) {
    if (cdata_check(result.get())) {
      std::memcpy(resp, static_cast<CDataObject*>(result.get())->b_ptr,
                  static_cast<size_t>(rinfo->size));
    }
  }
  if (!result) {
    errors::format_unraisable("Exception ignored while calling ctypes callback function %R",
                              cb->callable);
  }
  if (ts) released_tstate = vm::save_thread();
}

int make_callback(CFuncPtrObject* self, Object* callable, StgInfo* info) {
  auto* cb = new CallbackInfo();
  cb->callable = new_ref(callable);
  cb->argtypes = info->argtypes ? new_ref(info->argtypes) : tuple_new(0);
  cb->restype = new_ref(info->restype ? info->restype : none());
  cb->flags = info->flags;
  for (ssize i = 0; i < tuple_size(cb->argtypes); ++i) {
    StgInfo* ai = stginfo_of_type(tuple_item(cb->argtypes, i));
    if (!ai) {
      errors::set_string(exc_TypeError, "invalid argument type for callback");
      decref(cb->callable);
      decref(cb->argtypes);
      decref(cb->restype);
      delete cb;
      return -1;
    }
    cb->atypes.push_back(&ai->ffi);
  }
  StgInfo* ri = cb->restype != none() ? stginfo_of_type(cb->restype) : nullptr;
  cb->rtype = ri ? &ri->ffi : &ffi_type_void;
  if (ffi_prep_cif(&cb->cif, FFI_DEFAULT_ABI, static_cast<unsigned>(cb->atypes.size()), cb->rtype,
                   cb->atypes.data()) != FFI_OK) {
    errors::set_string(exc_RuntimeError, "ffi_prep_cif failed");
    return -1;
  }
  void* code = nullptr;
  auto* closure = static_cast<ffi_closure*>(ffi_closure_alloc(sizeof(ffi_closure), &code));
  if (!closure) {
    errors::set_string(exc_MemoryError, "unable to allocate closure");
    return -1;
  }
  if (ffi_prep_closure_loc(closure, &cb->cif, closure_handler, cb, code) != FFI_OK) {
    ffi_closure_free(closure);
    errors::set_string(exc_RuntimeError, "ffi_prep_closure failed");
    return -1;
  }
  self->closure = closure;
  self->closure_info = cb;
  self->callable = new_ref(callable);
  std::memcpy(self->b_ptr, &code, sizeof code);
  return 0;
}

// --- instances -------------------------------------------------------------------------------

Object* funcptr_new(TypeObject* type, Object* args, Object* kwds) {
  (void)kwds;
  StgInfo* info = stginfo_of_type(type);
  if (!info) {
    errors::set_string(exc_TypeError, "abstract class");
    return nullptr;
  }
  Ref<> self_ref = Ref<>::steal(generic_cdata_new(type));
  if (!self_ref) return nullptr;
  CFuncPtrObject* self = fp(self_ref.get());
  ssize n = tuple_size(args);
  if (n == 0) return self_ref.release();
  Object* arg = tuple_item(args, 0);
  if (n == 1 && long_check(arg)) {
    uintptr_t addr = static_cast<uintptr_t>(long_as_unsigned_long_long(arg));
    if (errors::occurred()) return nullptr;
    void* p = reinterpret_cast<void*>(addr);
    std::memcpy(self->b_ptr, &p, sizeof p);
    return self_ref.release();
  }
  if (tuple_check(arg) && tuple_size(arg) >= 2) {
    Object* name = tuple_item(arg, 0);
    Object* dll = tuple_item(arg, 1);
    Ref<> handle_obj = Ref<>::steal(object_getattr_string(dll, "_handle"));
    if (!handle_obj) return nullptr;
    if (!long_check(handle_obj.get())) {
      errors::set_string(exc_TypeError,
                         "the _handle attribute of the second argument must be an integer");
      return nullptr;
    }
    void* handle = reinterpret_cast<void*>(
        static_cast<uintptr_t>(long_as_unsigned_long_long(handle_obj.get())));
    if (errors::occurred()) return nullptr;
    if (!str_check(name)) {
      errors::set_string(exc_TypeError, "function name must be string, bytes object or integer");
      return nullptr;
    }
    dlerror();
    void* p = dlsym(handle, str_as_utf8(name));
    if (!p) {
      const char* msg = dlerror();
      errors::set_string(exc_AttributeError, msg ? msg : "symbol not found");
      return nullptr;
    }
    std::memcpy(self->b_ptr, &p, sizeof p);
    if (keep_ref(self, 0, new_ref(dll)) < 0) return nullptr;
    return self_ref.release();
  }
  if (n == 1 && callable_check(arg)) {
    if (make_callback(self, arg, info) < 0) return nullptr;
    return self_ref.release();
  }
  errors::set_string(exc_TypeError, "argument must be callable or integer function address");
  return nullptr;
}

void funcptr_dealloc(Object* o) {
  CFuncPtrObject* self = fp(o);
  gc::untrack(o);
  if (self->closure) {
    ffi_closure_free(static_cast<ffi_closure*>(self->closure));
    auto* cb = static_cast<CallbackInfo*>(self->closure_info);
    decref(cb->callable);
    decref(cb->argtypes);
    decref(cb->restype);
    delete cb;
    self->closure = nullptr;
  }
  for (Object** slot : {&self->callable, &self->argtypes, &self->converters, &self->restype,
                        &self->checker, &self->errcheck, &self->dict}) {
    clear(*slot);
  }
  clear(self->b_objects);
  Object* base = self->b_base;
  self->b_base = nullptr;
  xdecref(base);
  if (self->b_needsfree && self->b_ptr != self->b_value.c) std::free(self->b_ptr);
  o->type->free(o);  // the heap subclass's subtype_dealloc releases the type
}

int funcptr_traverse(Object* o, visitproc visit, void* arg) {
  CFuncPtrObject* self = fp(o);
  for (Object* x : {self->callable, self->argtypes, self->converters, self->restype,
                    self->checker, self->errcheck, self->b_objects,
                    static_cast<Object*>(self->b_base)}) {
    if (x && visit(x, arg)) return 1;
  }
  return 0;
}

int funcptr_clear(Object* o) {
  CFuncPtrObject* self = fp(o);
  for (Object** slot : {&self->callable, &self->argtypes, &self->converters, &self->restype,
                        &self->checker, &self->errcheck, &self->b_objects}) {
    clear(*slot);
  }
  return 0;
}

Object* funcptr_repr(Object* o) {
  return str_from_format("<%s object at %p>", o->type->name, static_cast<void*>(o));
}

int funcptr_bool(Object* o) {
  void* p;
  std::memcpy(&p, fp(o)->b_ptr, sizeof p);
  return p != nullptr;
}

Object* funcptr_argtypes_get(Object* o, void*) {
  CFuncPtrObject* self = fp(o);
  if (self->argtypes) return new_ref(self->argtypes);
  StgInfo* info = stginfo_of_object(o);
  if (info && info->argtypes) return new_ref(info->argtypes);
  return return_none();
}
int funcptr_argtypes_set(Object* o, Object* value, void*) {
  CFuncPtrObject* self = fp(o);
  if (!value || value == none()) {
    clear(self->converters);
    clear(self->argtypes);
    return 0;
  }
  Object* converters = converters_from_argtypes(value);
  if (!converters) return -1;
  Object* tuple = sequence_tuple(value);
  if (!tuple) {
    decref(converters);
    return -1;
  }
  xsetref(self->converters, converters);
  xsetref(self->argtypes, tuple);
  return 0;
}
Object* funcptr_restype_get(Object* o, void*) {
  CFuncPtrObject* self = fp(o);
  if (self->restype) return new_ref(self->restype);
  StgInfo* info = stginfo_of_object(o);
  if (info && info->restype) return new_ref(info->restype);
  return return_none();
}
int funcptr_restype_set(Object* o, Object* value, void*) {
  CFuncPtrObject* self = fp(o);
  if (!value) {
    clear(self->restype);
    clear(self->checker);
    return 0;
  }
  if (!valid_restype(value)) {
    errors::set_string(exc_TypeError, "restype must be a type, a callable, or None");
    return -1;
  }
  Object* checker = nullptr;
  if (value != none() && object_get_optional_attr(value, intern("_check_retval_"), &checker) < 0) {
    return -1;
  }
  xsetref(self->checker, checker);
  xsetref(self->restype, new_ref(value));
  return 0;
}
Object* funcptr_errcheck_get(Object* o, void*) {
  CFuncPtrObject* self = fp(o);
  return new_ref(self->errcheck ? self->errcheck : none());
}
int funcptr_errcheck_set(Object* o, Object* value, void*) {
  CFuncPtrObject* self = fp(o);
  if (value && !callable_check(value)) {
    errors::set_string(exc_TypeError, "the errcheck attribute must be callable");
    return -1;
  }
  xsetref(self->errcheck, xnew_ref(value));
  return 0;
}

GetSetDef funcptr_getset[] = {
    {"errcheck", funcptr_errcheck_get, funcptr_errcheck_set,
     "a function to check for errors", nullptr},
    {"restype", funcptr_restype_get, funcptr_restype_set,
     "specify the result type", nullptr},
    {"argtypes", funcptr_argtypes_get, funcptr_argtypes_set,
     "specify the argument types", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- calls (ConvParam, _ctypes_callproc, GetResult) ------------------------------------------

// One converted argument: its libffi type and the storage its value lives in.
struct Argument {
  ffi_type* ffi = nullptr;
  union {
    long long q;
    double d;
    float f;
    long double g;
    void* p;
  } value{};
  void* by_value = nullptr;  // structures passed by value: their memory
  Ref<> keep;
};

void* argument_pointer(Argument& a) { return a.by_value ? a.by_value : &a.value; }

// ConvParam: obj as the index-th argument (index counts from 1 in messages). 0 or -1.
int conv_param(Object* obj, ssize index, Argument* out) {
  if (obj->type == &CArg_Type) {
    auto* carg = static_cast<CArgObject*>(obj);
    out->keep = Ref<>::borrow(obj);
    out->ffi = carg->ffi ? carg->ffi : &ffi_type_pointer;
    std::memcpy(&out->value, &carg->value, sizeof carg->value < sizeof out->value ? sizeof carg->value : sizeof out->value);
    return 0;
  }
  if (cdata_check(obj)) {
    auto* data = static_cast<CDataObject*>(obj);
    StgInfo* info = stginfo_of_object(obj);
    out->keep = Ref<>::borrow(obj);
    if (info && info->fd) {  // a simple value
      out->ffi = &info->ffi;
      std::memcpy(&out->value, data->b_ptr, static_cast<size_t>(info->size));
      return 0;
    }
    if (info && (info->flags & kTypeflagIsPointer)) {  // pointers and function pointers
      out->ffi = &ffi_type_pointer;
      std::memcpy(&out->value.p, data->b_ptr, sizeof(void*));
      return 0;
    }
    if (info && !info->shape.empty()) {  // arrays decay to a pointer
      out->ffi = &ffi_type_pointer;
      out->value.p = data->b_ptr;
      return 0;
    }
    if (info) {  // structures and unions by value
      out->ffi = &info->ffi;
      out->by_value = data->b_ptr;
      return 0;
    }
  }
  if (obj == none()) {
    out->ffi = &ffi_type_pointer;
    out->value.p = nullptr;
    return 0;
  }
  if (long_check(obj)) {
    // As a C int, truncated; only what fits neither unsigned long nor long overflows.
    unsigned long long bits = long_as_unsigned_long_long(obj);
    if (bits == ~0ULL && errors::occurred()) {
      errors::clear();
      long long v = long_as_long_long(obj);
      if (v == -1 && errors::occurred()) {
        errors::clear();
        errors::set_string(exc_OverflowError, "int too long to convert");
        return -1;
      }
      bits = static_cast<unsigned long long>(v);
    }
    out->ffi = &ffi_type_sint;
    int iv = static_cast<int>(bits);
    std::memcpy(&out->value, &iv, sizeof iv);
    return 0;
  }
  if (bytes_check(obj)) {
    out->ffi = &ffi_type_pointer;
    out->value.p = bytes_as_string(obj);
    out->keep = Ref<>::borrow(obj);
    return 0;
  }
  if (str_check(obj)) {
    Object* keep = find_fielddesc('Z')->setfunc(reinterpret_cast<char*>(&out->value.p), obj);
    if (!keep) return -1;
    out->keep = Ref<>::steal(keep);
    out->ffi = &ffi_type_pointer;
    return 0;
  }
  Object* as_parameter = nullptr;
  if (object_get_optional_attr(obj, intern("_as_parameter_"), &as_parameter) < 0) return -1;
  if (as_parameter) {
    Ref<> owned = Ref<>::steal(as_parameter);
    int res = conv_param(as_parameter, index, out);
    if (res == 0 && !out->keep) out->keep = owned;
    else if (res == 0) out->keep = Ref<>::borrow(as_parameter);
    return res;
  }
  errors::format(exc_TypeError, "Don't know how to convert parameter %zd", index);
  return -1;
}

// GetResult: the Python value of the call's result.
Object* get_result(Object* restype, void* result, Object* checker) {
  if (restype == none()) return return_none();
  StgInfo* info = stginfo_of_type(restype);
  if (!info) {  // a callable: called with the int result
    int v;
    std::memcpy(&v, result, sizeof v);
    Ref<> iv = Ref<>::steal(long_from_long(v));
    if (!iv) return nullptr;
    return object_call_one_arg(restype, iv.get());
  }
  Object* retval;
  auto* t = reinterpret_cast<TypeObject*>(restype);
  if (info->fd && t->base == &Simple_Type) {
    retval = simple_get(info, static_cast<char*>(result));
    // py_object results are new references already (O_get took another one).
    if (retval && info->fd->code == 'O') decref(retval);
  } else {
    retval = generic_cdata_new(t);
    if (retval) {
      std::memcpy(static_cast<CDataObject*>(retval)->b_ptr, result,
                  static_cast<size_t>(info->size));
    }
  }
  if (!retval || !checker) return retval;
  Ref<> owned = Ref<>::steal(retval);
  return object_call_one_arg(checker, retval);
}

// Widened integer results are read back at the size of the result type.
void narrow_result(ffi_type* rtype, void* raw, void* out) {
  if (rtype->type == FFI_TYPE_STRUCT || rtype->type == FFI_TYPE_FLOAT ||
      rtype->type == FFI_TYPE_DOUBLE || rtype->type == FFI_TYPE_LONGDOUBLE ||
      rtype->type == FFI_TYPE_VOID || rtype->size >= sizeof(ffi_arg)) {
    std::memcpy(out, raw, rtype->size);
    return;
  }
  ffi_arg wide;
  std::memcpy(&wide, raw, sizeof wide);
  switch (rtype->size) {
    case 1: { unsigned char v = static_cast<unsigned char>(wide); std::memcpy(out, &v, 1); break; }
    case 2: { unsigned short v = static_cast<unsigned short>(wide); std::memcpy(out, &v, 2); break; }
    default: { unsigned int v = static_cast<unsigned int>(wide); std::memcpy(out, &v, 4); break; }
  }
}

Object* funcptr_call(Object* o, Object* args, Object* kwds) {
  CFuncPtrObject* self = fp(o);
  StgInfo* info = stginfo_of_object(o);
  if (!info) {
    errors::set_string(exc_TypeError, "abstract class");
    return nullptr;
  }
  if (kwds && dict_size(kwds) > 0) {
    errors::set_string(exc_TypeError, "this function takes no keyword arguments");
    return nullptr;
  }
  Object* restype = self->restype ? self->restype : (info->restype ? info->restype : none());
  Object* checker = self->restype ? self->checker : info->checker;
  Object* argtypes = self->argtypes ? self->argtypes : info->argtypes;
  Object* converters = self->argtypes ? self->converters : info->converters;
  void* fn;
  std::memcpy(&fn, self->b_ptr, sizeof fn);
  if (!fn) {
    errors::set_string(exc_ValueError, "NULL function pointer");
    return nullptr;
  }
  ssize actual = tuple_size(args);
  ssize required = argtypes ? tuple_size(argtypes) : 0;
  if (argtypes) {
    if (info->flags & kFuncflagCdecl) {
      if (required > actual) {
        errors::format(exc_TypeError, "this function takes at least %zd argument%s (%zd given)",
                       required, required == 1 ? "" : "s", actual);
        return nullptr;
      }
    } else if (required != actual) {
      errors::format(exc_TypeError, "this function takes %zd argument%s (%zd given)", required,
                     required == 1 ? "" : "s", actual);
      return nullptr;
    }
  }
  std::vector<Argument> conv(static_cast<size_t>(actual));
  std::vector<Ref<>> converted(static_cast<size_t>(actual));
  for (ssize i = 0; i < actual; ++i) {
    Object* arg = tuple_item(args, i);
    Object* value = arg;
    if (converters && i < tuple_size(converters)) {
      converted[static_cast<size_t>(i)] =
          Ref<>::steal(object_call_one_arg(tuple_item(converters, i), arg));
      value = converted[static_cast<size_t>(i)].get();
    }
    if (!value || conv_param(value, i + 1, &conv[static_cast<size_t>(i)]) < 0) {
      Ref<> exc = Ref<>::steal(errors::get_raised_exception());
      Ref<> text = Ref<>::steal(object_str(exc.get()));
      if (!text) return nullptr;
      errors::format(ArgumentError, "argument %zd: %s: %U", i + 1, exc.get()->type->name,
                     text.get());
      return nullptr;
    }
  }
  std::vector<ffi_type*> atypes(static_cast<size_t>(actual));
  std::vector<void*> avalues(static_cast<size_t>(actual));
  for (size_t i = 0; i < conv.size(); ++i) {
    atypes[i] = conv[i].ffi;
    avalues[i] = argument_pointer(conv[i]);
  }
  ffi_type* rtype = &ffi_type_sint;
  StgInfo* rinfo = nullptr;
  if (restype == none()) {
    rtype = &ffi_type_void;
  } else if ((rinfo = stginfo_of_type(restype))) {
    rtype = &rinfo->ffi;
  }
  ffi_cif cif;
  ffi_status status;
  if (argtypes && actual > required) {
    status = ffi_prep_cif_var(&cif, FFI_DEFAULT_ABI, static_cast<unsigned>(required),
                              static_cast<unsigned>(actual), rtype, atypes.data());
  } else {
    status = ffi_prep_cif(&cif, FFI_DEFAULT_ABI, static_cast<unsigned>(actual), rtype,
                          atypes.data());
  }
  if (status != FFI_OK) {
    errors::set_string(exc_RuntimeError, "ffi_prep_cif failed");
    return nullptr;
  }
  size_t rsize = rtype->size < sizeof(ffi_arg) ? sizeof(ffi_arg) : rtype->size;
  std::vector<long double> raw(rsize / sizeof(long double) + 2);
  std::vector<long double> result(rsize / sizeof(long double) + 2);
  bool pythonapi = (info->flags & kFuncflagPythonapi) != 0;
  bool use_errno = (info->flags & kFuncflagUseErrno) != 0;
  if (pythonapi) {
    ffi_call(&cif, FFI_FN(fn), raw.data(), avalues.data());
  } else {
    runtime::ThreadState* ts = vm::save_thread();
    runtime::ThreadState* outer = released_tstate;
    released_tstate = ts;
    if (use_errno) std::swap(errno, ctypes_errno);
    ffi_call(&cif, FFI_FN(fn), raw.data(), avalues.data());
    if (use_errno) std::swap(errno, ctypes_errno);
    ts = released_tstate ? released_tstate : ts;
    released_tstate = outer;
    vm::restore_thread(ts);
  }
  if (pythonapi && errors::occurred()) return nullptr;
  narrow_result(rtype, raw.data(), result.data());
  Ref<> retval = Ref<>::steal(get_result(restype, result.data(), checker));
  if (!retval) return nullptr;
  if (self->errcheck) {
    return object_call_function_obj_args(self->errcheck, retval.get(), o, args, nullptr);
  }
  return retval.release();
}

NumberMethods funcptr_as_number = [] {
  NumberMethods n{};
  n.bool_ = funcptr_bool;
  return n;
}();

// --- module functions ------------------------------------------------------------------------

Object* handle_from(Object* obj, void** out) {
  if (!long_check(obj)) {
    errors::set_string(exc_TypeError, "Could not convert argument to a handle");
    return nullptr;
  }
  *out = reinterpret_cast<void*>(static_cast<uintptr_t>(long_as_unsigned_long_long(obj)));
  if (errors::occurred()) return nullptr;
  return obj;
}

Object* py_dl_open(Object*, Object* const* args, ssize nargs) {
  if (nargs > 2) {
    errors::format(exc_TypeError, "dlopen expected at most 2 arguments, got %zd", nargs);
    return nullptr;
  }
  Object* name = nargs > 0 ? args[0] : none();
  int mode = RTLD_NOW | RTLD_LOCAL;
  if (nargs > 1) {
    mode = static_cast<int>(long_as_long(args[1]));
    if (mode == -1 && errors::occurred()) return nullptr;
    mode |= RTLD_NOW;
  }
  const char* path = nullptr;
  if (name != none()) {
    if (bytes_check(name)) {
      path = bytes_as_string(name);
    } else if (str_check(name)) {
      path = str_as_utf8(name);
      if (!path) return nullptr;
    } else {
      errors::format(exc_TypeError, "dlopen() argument 1 must be str, bytes or None, not %s",
                     name->type->name);
      return nullptr;
    }
  }
  void* handle = dlopen(path, mode);
  if (!handle) {
    const char* msg = dlerror();
    errors::set_string(exc_OSError, msg ? msg : "dlopen() error");
    return nullptr;
  }
  return long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(handle));
}

Object* py_dl_close(Object*, Object* arg) {
  void* handle;
  if (!handle_from(arg, &handle)) return nullptr;
  if (dlclose(handle)) {
    const char* msg = dlerror();
    errors::set_string(exc_OSError, msg ? msg : "dlclose() error");
    return nullptr;
  }
  return return_none();
}

Object* py_dl_sym(Object*, Object* const* args, ssize nargs) {
  if (nargs != 2 || !str_check(args[1])) {
    errors::set_string(exc_TypeError, "dlsym(handle, name)");
    return nullptr;
  }
  void* handle;
  if (!handle_from(args[0], &handle)) return nullptr;
  dlerror();
  void* p = dlsym(handle, str_as_utf8(args[1]));
  if (!p) {
    const char* msg = dlerror();
    errors::set_string(exc_OSError, msg ? msg : "symbol not found");
    return nullptr;
  }
  return long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(p));
}

Object* get_errno(Object*, Object*) { return long_from_long(ctypes_errno); }
Object* set_errno(Object*, Object* arg) {
  int value = long_as_int(arg);
  if (value == -1 && errors::occurred()) return nullptr;
  int old = ctypes_errno;
  ctypes_errno = value;
  return long_from_long(old);
}

// --- the helpers ctypes calls through PYFUNCTYPE --------------------------------------------

extern "C" Object* cppy_ctypes_cast(void* ptr, Object* src, Object* ctype) {
  StgInfo* info = stginfo_of_type(ctype);
  if (!info || !(info->flags & kTypeflagIsPointer)) {
    errors::format(exc_TypeError, "cast() argument 2 must be a pointer type, not %s",
                   type_check_type(ctype) ? reinterpret_cast<TypeObject*>(ctype)->name
                                          : ctype->type->name);
    return nullptr;
  }
  Ref<> result = Ref<>::steal(generic_cdata_new(reinterpret_cast<TypeObject*>(ctype)));
  if (!result) return nullptr;
  auto* data = static_cast<CDataObject*>(result.get());
  if (cdata_check(src)) {
    // The result keeps src (and what src keeps) alive.
    auto* s = static_cast<CDataObject*>(src);
    Ref<> key = Ref<>::steal(long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(src)));
    if (!key) return nullptr;
    Object* dict = dict_new();
    if (!dict) return nullptr;
    if (dict_set_item(dict, key.get(), src) < 0) {
      decref(dict);
      return nullptr;
    }
    if (s->b_objects && dict_check(s->b_objects) && dict_update(dict, s->b_objects) < 0) {
      decref(dict);
      return nullptr;
    }
    xsetref(data->b_objects, dict);
  }
  std::memcpy(data->b_ptr, &ptr, sizeof ptr);
  return result.release();
}

extern "C" Object* cppy_ctypes_string_at(const char* ptr, int size) {
  if (size == -1) return bytes_from_string_and_size(ptr, static_cast<ssize>(std::strlen(ptr)));
  return bytes_from_string_and_size(ptr, size);
}

extern "C" Object* cppy_ctypes_wstring_at(const wchar_t* ptr, int size) {
  ssize n = size == -1 ? static_cast<ssize>(std::wcslen(ptr)) : size;
  return str_from_kind_and_data(4, ptr, n);
}

extern "C" Object* cppy_ctypes_memoryview_at(void* ptr, ssize size, int readonly) {
  if (size < 0) {
    errors::set_string(exc_ValueError, "negative size");
    return nullptr;
  }
  return memoryview_from_memory(static_cast<char*>(ptr), size, readonly ? kBufRead : kBufWrite);
}

}  // namespace

void* cast_address() { return reinterpret_cast<void*>(&cppy_ctypes_cast); }
void* string_at_address() { return reinterpret_cast<void*>(&cppy_ctypes_string_at); }
void* wstring_at_address() { return reinterpret_cast<void*>(&cppy_ctypes_wstring_at); }
void* memoryview_at_address() { return reinterpret_cast<void*>(&cppy_ctypes_memoryview_at); }

MethodDef callproc_functions[] = {
    {"dlopen", reinterpret_cast<void*>(py_dl_open), kMethFastcall, "dlopen(name, flag={RTLD_GLOBAL|RTLD_LOCAL}) open a shared library"},
    {"dlclose", reinterpret_cast<void*>(py_dl_close), kMethO, "dlclose a library"},
    {"dlsym", reinterpret_cast<void*>(py_dl_sym), kMethFastcall, "find symbol in shared library"},
    {"get_errno", reinterpret_cast<void*>(get_errno), kMethNoArgs, nullptr},
    {"set_errno", reinterpret_cast<void*>(set_errno), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

MethodDef funcptr_type_methods[] = {
    {"from_param", reinterpret_cast<void*>(+[](Object* type, Object* value) -> Object* {
       if (value == none()) return return_none();
       if (callable_check(value) && !cdata_check(value)) {
         return object_call_one_arg(type, value);
       }
       int res = object_is_instance(value, type);
       if (res < 0) return nullptr;
       if (res) return new_ref(value);
       errors::format(exc_TypeError, "expected %s instance instead of %s",
                      reinterpret_cast<TypeObject*>(type)->name, value->type->name);
       return nullptr;
     }),
     kMethO, "Convert a Python object into a function call parameter."},
    {nullptr, nullptr, 0, nullptr}};

TypeObject PyCFuncPtrType_Type = [] {
  TypeObject t = static_type("_ctypes.PyCFuncPtrType", sizeof(CTypeObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsTypeSubclass);
  t.doc = "metatype for C function pointers";
  t.base = &CType_Type;
  t.new_ = funcptr_type_new;
  t.methods = funcptr_type_methods;
  return t;
}();

CTypeObject CFuncPtr_Type;

int ready_funcptr_types() {
  if (CFuncPtr_Type.name) return 0;
  if (type_ready(&PyCFuncPtrType_Type) < 0) return -1;
  TypeObject t = static_type("_ctypes.CFuncPtr", sizeof(CFuncPtrObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype);
  t.type = &PyCFuncPtrType_Type;
  t.doc = "Function Pointer";
  t.base = &CData_Type;
  t.dealloc = funcptr_dealloc;
  t.traverse = funcptr_traverse;
  t.clear = funcptr_clear;
  t.repr = funcptr_repr;
  t.call = funcptr_call;
  t.as_number = &funcptr_as_number;
  t.getset = funcptr_getset;
  t.alloc = type_generic_alloc;
  t.new_ = funcptr_new;
  static_cast<TypeObject&>(CFuncPtr_Type) = t;
  CFuncPtr_Type.stginfo = nullptr;
  return type_ready(&CFuncPtr_Type);
}

}  // namespace cppy::modules::_ctypes
