// The marshal module: marshal_dump_impl, marshal_load_impl, marshal_dumps_impl,
// marshal_loads_impl and marshal_module_exec of Python/marshal.c.
#include "modules/marshal/marshalmodule.h"

#include "errors/errors.h"
#include "objects/buffer.h"
#include "marshal/marshal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/setobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::modules::marshal {

using namespace objects;

namespace {

#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

// Whether value holds a code object among the containers marshal writes (allow_code=False).
bool contains_code(Object* v, int depth = 0) {
  if (depth > 2000) return false;
  if (code_check(v)) return true;
  if (type_check(v, &tuple_type)) {
    for (ssize i = 0; i < tuple_size(v); ++i)
      if (contains_code(tuple_item(v, i), depth + 1)) return true;
  } else if (list_check(v)) {
    for (ssize i = 0; i < list_size(v); ++i)
      if (contains_code(list_get_item(v, i), depth + 1)) return true;
  } else if (dict_check(v)) {
    ssize pos = 0;
    Object *k, *val;
    while (dict_next(v, &pos, &k, &val))
      if (contains_code(k, depth + 1) || contains_code(val, depth + 1)) return true;
  } else if (anyset_check(v)) {
    Ref<> it = Ref<>::steal(object_get_iter(v));
    if (!it) {
      errors::clear();
      return false;
    }
    while (Object* item = iter_next(it.get())) {
      bool c = contains_code(item, depth + 1);
      decref(item);
      if (c) return true;
    }
    errors::clear();
  }
  return false;
}

// The allow_code keyword (True by default).
bool allow_code_arg(Object* arg, int* allow) {
  *allow = 1;
  if (!arg) return true;
  *allow = object_is_true(arg);
  return *allow >= 0;
}

// The version argument: an int (Argument Clinic's "i").
bool version_arg(Object* arg, int* version) {
  *version = cppy::marshal::kVersion;
  if (!arg) return true;
  *version = long_as_int(arg);
  return !(*version == -1 && errors::occurred());
}

Object* dumps_checked(Object* value, int version, int allow_code) {
  if (!allow_code && contains_code(value)) {
    return errors::format(exc_ValueError, "marshalling code objects is disallowed");
  }
  return cppy::marshal::dumps(value, version);
}

Object* loads_checked(const char* data, size_t size, int allow_code, size_t* consumed) {
  Object* v = cppy::marshal::loads(data, size, consumed);
  if (v && !allow_code && contains_code(v)) {
    decref(v);
    return errors::format(exc_ValueError, "unmarshalling code objects is disallowed");
  }
  return v;
}

// marshal.dumps(value, version=5, /, *, allow_code=True)
Object* marshal_dumps(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"", "", "allow_code", nullptr};
  static const ArgParser parser = {"dumps", kws, 1, 2, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int version, allow;
  if (!version_arg(a[1], &version) || !allow_code_arg(a[2], &allow)) return nullptr;
  return dumps_checked(a[0], version, allow);
}

// marshal.loads(bytes, /, *, allow_code=True)
Object* marshal_loads(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"", "allow_code", nullptr};
  static const ArgParser parser = {"loads", kws, 1, 1, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int allow;
  if (!allow_code_arg(a[1], &allow)) return nullptr;
  // Py_buffer (any contiguous bytes-like object: importlib passes a memoryview slice).
  Buffer view;
  if (object_get_buffer(a[0], &view, kBufSimple) < 0) return nullptr;
  Object* result = loads_checked(static_cast<const char*>(view.buf),
                                 static_cast<size_t>(view.len), allow, nullptr);
  buffer_release(&view);
  return result;
}

// marshal.dump(value, file, version=5, /, *, allow_code=True)
Object* marshal_dump(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"", "", "", "allow_code", nullptr};
  static const ArgParser parser = {"dump", kws, 2, 3, 0};
  Object* a[4] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int version, allow;
  if (!version_arg(a[2], &version) || !allow_code_arg(a[3], &allow)) return nullptr;
  Ref<> s = Ref<>::steal(dumps_checked(a[0], version, allow));
  if (!s) return nullptr;
  Ref<> write = Ref<>::steal(str_from_cstr("write"));
  if (!write) return nullptr;
  return call_method_one_arg(a[1], write.get(), s.get());
}

// marshal.load(file, /, *, allow_code=True): a zero-byte read() checks that the file gives
// bytes, then the object is read field by field with readinto() (marshal_load_impl).
Object* marshal_load(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"", "allow_code", nullptr};
  static const ArgParser parser = {"load", kws, 1, 1, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int allow;
  if (!allow_code_arg(a[1], &allow)) return nullptr;
  Ref<> read = Ref<>::steal(str_from_cstr("read"));
  Ref<> zero = Ref<>::steal(long_from_long(0));
  if (!read || !zero) return nullptr;
  Ref<> data = Ref<>::steal(call_method_one_arg(a[0], read.get(), zero.get()));
  if (!data) return nullptr;
  if (!bytes_check(data.get())) {
    return errors::format(exc_TypeError, "file.read() returned not bytes but %.100s",
                          data->type->name);
  }
  Object* v = cppy::marshal::load_from_file(a[0]);
  if (v && !allow && contains_code(v)) {
    decref(v);
    return errors::format(exc_ValueError, "unmarshalling code objects is disallowed");
  }
  return v;
}

MethodDef marshal_methods[] = {
    {"dump", FASTCALL_KW(marshal_dump), "Write the value on the open file."},
    {"load", FASTCALL_KW(marshal_load), "Read one value from the open file and return it."},
    {"dumps", FASTCALL_KW(marshal_dumps), "Return the bytes object that would be written to a file by dump(value, file)."},
    {"loads", FASTCALL_KW(marshal_loads), "Convert the bytes-like object to a value."},
    {nullptr, nullptr, 0, nullptr}};

int marshal_exec(Object* m) {
  Ref<> v = Ref<>::steal(long_from_long(cppy::marshal::kVersion));
  return v ? module_add_object_ref(m, "version", v.get()) : -1;
}

ModuleDef marshal_def = {
    "marshal",
    "Reading and writing Python values in the marshal binary format.",
    marshal_methods, marshal_exec};

}  // namespace

ModuleDef* module_def() { return &marshal_def; }

}  // namespace cppy::modules::marshal
