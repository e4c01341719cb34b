// ZstdDecompressor: Modules/_zstd/decompressor.c of CPython 3.14. libzstd runs without the
// GIL; the object's lock keeps other threads out of its context meanwhile.
#include <cstdlib>
#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_zstd/zstd_internal.h"
#include "modules/argconv.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_zstd {

using namespace objects;

TypeObject decompressor_type{};

// _get_DDict: the ZSTD_DDict of zd, made on first use.
ZSTD_DDict* get_ddict(ZstdDict* zd) {
  if (!zd->d_dict) {
    {
      vm::AllowThreads unlocked;
      zd->d_dict = ZSTD_createDDict(zd->dict_buffer, static_cast<size_t>(zd->dict_len));
    }
    if (!zd->d_dict) {
      errors::set_string(state().zstd_error,
                         "Failed to create a ZSTD_DDict instance from Zstandard dictionary "
                         "content.");
    }
  }
  return zd->d_dict;
}

namespace {

struct Decompressor : Object {
  std::mutex* lock;  // CPython's PyMutex: held while the context is in use
  ZSTD_DCtx* dctx;
  Object* dict;  // the zstd_dict argument in use
  // Input not consumed yet: input_buffer[in_begin, in_end).
  char* input_buffer;
  size_t input_buffer_size;
  size_t in_begin, in_end;
  Object* unused_data;  // made on first read once eof is set
  char needs_input;
  char eof;  // the end of the first frame was reached
};

// _zstd_set_d_parameters: the options dict, {DecompressionParameter: int}.
int set_d_parameters(Decompressor* self, Object* options) {
  if (!dict_check(options)) {
    errors::format(exc_TypeError, "ZstdDecompressor() argument 'options' must be dict, not %T",
                   options);
    return -1;
  }
  ssize pos = 0;
  Object* key;
  Object* value;
  while (dict_next(options, &pos, &key, &value)) {
    if (state().c_parameter_type && reinterpret_cast<Object*>(key->type) ==
                                        state().c_parameter_type) {
      errors::set_string(exc_TypeError,
                         "compression options dictionary key must not be a "
                         "CompressionParameter attribute");
      return -1;
    }
    Ref<> key_ref = Ref<>::borrow(key);
    Ref<> value_ref = Ref<>::borrow(value);
    int key_v = long_as_int(key_ref.get());
    if (key_v == -1 && errors::occurred()) return -1;
    int value_v = long_as_int(value_ref.get());
    if (value_v == -1 && errors::occurred()) return -1;
    size_t zstd_ret =
        ZSTD_DCtx_setParameter(self->dctx, static_cast<ZSTD_dParameter>(key_v), value_v);
    if (ZSTD_isError(zstd_ret)) {
      set_parameter_error(false, key_v, value_v);
      return -1;
    }
  }
  return 0;
}

// _zstd_load_impl (decompressor.c).
int load_impl(Decompressor* self, ZstdDict* zd, int type) {
  size_t zstd_ret;
  if (type == DICT_TYPE_DIGESTED) {
    ZSTD_DDict* ddict = get_ddict(zd);
    if (!ddict) return -1;
    zstd_ret = ZSTD_DCtx_refDDict(self->dctx, ddict);
  } else if (type == DICT_TYPE_UNDIGESTED) {
    zstd_ret = ZSTD_DCtx_loadDictionary(self->dctx, zd->dict_buffer,
                                        static_cast<size_t>(zd->dict_len));
  } else {
    zstd_ret = ZSTD_DCtx_refPrefix(self->dctx, zd->dict_buffer,
                                   static_cast<size_t>(zd->dict_len));
  }
  if (ZSTD_isError(zstd_ret)) {
    set_zstd_error(ERR_LOAD_D_DICT, zstd_ret);
    return -1;
  }
  return 0;
}

// _zstd_load_d_dict: decompression loads a digested dictionary by default.
int load_d_dict(Decompressor* self, Object* dict) {
  int type = DICT_TYPE_DIGESTED;
  ZstdDict* zd = parse_zstd_dict(dict, &type);
  if (!zd) return -1;
  ObjectLock guard(zd->lock);
  return load_impl(self, zd, type);
}

// decompress_lock_held: decompresses from in until the input is used up, the first frame
// ends (eof) or max_length bytes are out. ZSTD_decompressStream returns 0 once a frame is
// decoded and flushed; the output is checked before the input because the decoder may hold
// bytes that still fit.
Object* decompress_impl(Decompressor* self, ZSTD_inBuffer* in, ssize max_length) {
  OutBuffer buffer;
  buffer.init_and_grow(max_length);
  for (;;) {
    size_t zstd_ret;
    {
      vm::AllowThreads unlocked;
      zstd_ret = ZSTD_decompressStream(self->dctx, &buffer.out, in);
    }
    if (ZSTD_isError(zstd_ret)) {
      set_zstd_error(ERR_DECOMPRESS, zstd_ret);
      return nullptr;
    }
    if (zstd_ret == 0) {
      self->eof = 1;
      break;
    }
    if (buffer.out.pos == buffer.out.size) {
      if (buffer.reached_max_length()) break;
      buffer.grow();
    } else if (in->pos == in->size) {
      break;
    }
  }
  return buffer.finish();
}

// decompressor_reset_session_lock_held: after an error, a fresh session.
void reset_session(Decompressor* self) {
  self->in_begin = 0;
  self->in_end = 0;
  clear(self->unused_data);
  self->needs_input = 1;
  self->eof = 0;
  ZSTD_DCtx_reset(self->dctx, ZSTD_reset_session_only);  // cannot fail
}

// stream_decompress_lock_held: the pending input (if any) followed by data.
Object* stream_decompress(Decompressor* self, const char* data, size_t len, ssize max_length) {
  if (self->eof) {
    errors::set_string(exc_EOFError, "Already at the end of a Zstandard frame.");
    return nullptr;
  }
  ZSTD_inBuffer in;
  bool use_input_buffer;
  if (self->in_begin == self->in_end) {
    // Nothing pending: decompress straight from data.
    use_input_buffer = false;
    in = {data, len, 0};
  } else if (len == 0) {
    use_input_buffer = true;
    in = {self->input_buffer + self->in_begin, self->in_end - self->in_begin, 0};
  } else {
    use_input_buffer = true;
    size_t used_now = self->in_end - self->in_begin;
    size_t avail_now = self->input_buffer_size - self->in_end;
    size_t avail_total = self->input_buffer_size - used_now;
    if (avail_total < len) {
      // A bigger buffer, the pending bytes at its start.
      size_t new_size = used_now + len;
      char* tmp = static_cast<char*>(std::malloc(new_size));
      if (!tmp) {
        errors::no_memory();
        reset_session(self);
        return nullptr;
      }
      std::memcpy(tmp, self->input_buffer + self->in_begin, used_now);
      std::free(self->input_buffer);
      self->input_buffer = tmp;
      self->input_buffer_size = new_size;
      self->in_begin = 0;
      self->in_end = used_now;
    } else if (avail_now < len) {
      // Room once the pending bytes move to the start (the ranges may overlap).
      std::memmove(self->input_buffer, self->input_buffer + self->in_begin, used_now);
      self->in_begin = 0;
      self->in_end = used_now;
    }
    std::memcpy(self->input_buffer + self->in_end, data, len);
    self->in_end += len;
    in = {self->input_buffer + self->in_begin, used_now + len, 0};
  }
  Object* ret = decompress_impl(self, &in, max_length);
  if (!ret) {
    reset_session(self);
    return nullptr;
  }
  if (in.pos == in.size) {
    self->needs_input = (bytes_size(ret) == max_length || self->eof) ? 0 : 1;
    if (use_input_buffer) {
      self->in_begin = 0;
      self->in_end = 0;
    }
  } else {
    size_t data_size = in.size - in.pos;
    self->needs_input = 0;
    if (!use_input_buffer) {
      // Keep the rest of data; a buffer too small is dropped rather than grown (growing
      // would copy contents that are no longer needed).
      if (self->input_buffer && self->input_buffer_size < data_size) {
        std::free(self->input_buffer);
        self->input_buffer = nullptr;
        self->input_buffer_size = 0;
      }
      if (!self->input_buffer) {
        self->input_buffer = static_cast<char*>(std::malloc(data_size));
        if (!self->input_buffer) {
          errors::no_memory();
          decref(ret);
          reset_session(self);
          return nullptr;
        }
        self->input_buffer_size = data_size;
      }
      std::memcpy(self->input_buffer, static_cast<const char*>(in.src) + in.pos, data_size);
      self->in_begin = 0;
      self->in_end = data_size;
    } else {
      self->in_begin += in.pos;
    }
  }
  return ret;
}

// _zstd_ZstdDecompressor_new_impl: ZstdDecompressor(zstd_dict=None, options=None).
Object* Decompressor_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"zstd_dict", "options", nullptr};
  static const ArgParser parser = {"ZstdDecompressor", kw, 0, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwds, nullptr, parser, a))
    return nullptr;
  Object* zstd_dict = a[0] ? a[0] : none();
  Object* options = a[1] ? a[1] : none();
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<Decompressor*>(obj.get());
  self->input_buffer = nullptr;
  self->input_buffer_size = 0;
  // Equal positions: nothing pending.
  self->in_begin = static_cast<size_t>(-1);
  self->in_end = static_cast<size_t>(-1);
  self->unused_data = nullptr;
  self->eof = 0;
  self->dict = nullptr;
  self->needs_input = 1;
  self->lock = new std::mutex();
  self->dctx = ZSTD_createDCtx();
  if (!self->dctx) {
    errors::set_string(state().zstd_error, "Unable to create ZSTD_DCtx instance.");
    return nullptr;
  }
  if (zstd_dict != none()) {
    if (load_d_dict(self, zstd_dict) < 0) return nullptr;
    self->dict = new_ref(zstd_dict);
  }
  if (options != none() && set_d_parameters(self, options) < 0) return nullptr;
  return obj.release();
}

// ZstdDecompressor_dealloc: the dictionary goes after the context that refers to it.
void Decompressor_dealloc(Object* op) {
  auto* self = static_cast<Decompressor*>(op);
  gc::untrack(op);
  if (self->dctx) ZSTD_freeDCtx(self->dctx);
  delete self->lock;
  clear(self->dict);
  std::free(self->input_buffer);
  clear(self->unused_data);
  op->type->free(op);
}

int Decompressor_traverse(Object* op, visitproc visit, void* arg) {
  auto* self = static_cast<Decompressor*>(op);
  if (self->dict) {
    if (int r = visit(self->dict, arg)) return r;
  }
  return 0;
}

int Decompressor_clear(Object* op) {
  auto* self = static_cast<Decompressor*>(op);
  clear(self->dict);
  clear(self->unused_data);
  return 0;
}

// _zstd_ZstdDecompressor_unused_data_get_impl: the input after the first frame, once it
// ended; b'' before.
Object* Decompressor_unused_data(Object* op, void*) {
  auto* self = static_cast<Decompressor*>(op);
  ObjectLock guard(self->lock);
  if (!self->eof) return bytes_from_string_and_size("", 0);
  if (!self->unused_data) {
    ssize n = static_cast<ssize>(self->in_end - self->in_begin);
    self->unused_data = n > 0 ? bytes_from_string_and_size(self->input_buffer + self->in_begin, n)
                              : bytes_from_string_and_size("", 0);
    if (!self->unused_data) return nullptr;
  }
  return new_ref(self->unused_data);
}

// _zstd_ZstdDecompressor_decompress_impl: decompress(data, max_length=-1).
Object* Decompressor_decompress(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"data", "max_length", nullptr};
  static const ArgParser parser = {"decompress", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  BufferHolder data;
  if (data.get(a[0]) < 0) return nullptr;
  ssize max_length = -1;
  if (a[1] && !ssize_converter(a[1], &max_length)) return nullptr;
  auto* self = static_cast<Decompressor*>(op);
  ObjectLock guard(self->lock);
  return stream_decompress(self, data.data(), static_cast<size_t>(data.size()), max_length);
}

MethodDef decompressor_methods[] = {
    {"decompress", reinterpret_cast<void*>(Decompressor_decompress),
     kMethFastcall | kMethKeywords,
     "decompress($self, /, data, max_length=-1)\n--\n\n"
     "Decompress *data*, returning uncompressed bytes if possible, or b'' otherwise.\n\n"
     "  data\n"
     "    A bytes-like object, Zstandard data to be decompressed.\n"
     "  max_length\n"
     "    Maximum size of returned data. When it is negative, the size of\n"
     "    output buffer is unlimited. When it is nonnegative, returns at\n"
     "    most max_length bytes of decompressed data.\n\n"
     "If *max_length* is nonnegative, returns at most *max_length* bytes of\n"
     "decompressed data. If this limit is reached and further output can be\n"
     "produced, *self.needs_input* will be set to ``False``. In this case, the next\n"
     "call to *decompress()* may provide *data* as b'' to obtain more of the output.\n\n"
     "If all of the input data was decompressed and returned (either because this\n"
     "was less than *max_length* bytes, or because *max_length* was negative),\n"
     "*self.needs_input* will be set to True.\n\n"
     "Attempting to decompress data after the end of a frame is reached raises an\n"
     "EOFError. Any data found after the end of the frame is ignored and saved in\n"
     "the self.unused_data attribute."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef decompressor_members[] = {
    {"eof", kMemberBool, offsetof(Decompressor, eof), kMemberReadonly,
     "True means the end of the first frame has been reached. If decompress data\n"
     "after that, an EOFError exception will be raised."},
    {"needs_input", kMemberBool, offsetof(Decompressor, needs_input), kMemberReadonly,
     "If the max_length output limit in .decompress() method has been reached,\n"
     "and the decompressor has (or may has) unconsumed input data, it will be set\n"
     "to False. In this case, passing b'' to the .decompress() method may output\n"
     "further data."},
    {nullptr, 0, 0, 0, nullptr}};

GetSetDef decompressor_getset[] = {
    {"unused_data", Decompressor_unused_data, nullptr,
     "A bytes object of un-consumed input data.\n\n"
     "When ZstdDecompressor object stops after a frame is\n"
     "decompressed, unused input data after the frame. Otherwise this will be b''.",
     nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace

int ready_decompressor_type() {
  if (decompressor_type.name) return 0;
  TypeObject t = static_type("compression.zstd.ZstdDecompressor", sizeof(Decompressor), 0,
                             kTpflagsImmutabletype | kTpflagsHaveGc);
  t.doc =
      "ZstdDecompressor(zstd_dict=None, options=None)\n--\n\n"
      "Create a decompressor object for decompressing data incrementally.\n\n"
      "  zstd_dict\n"
      "    A ZstdDict object, a pre-trained Zstandard dictionary.\n"
      "  options\n"
      "    A dict object that contains advanced decompression parameters.\n\n"
      "Thread-safe at method level. For one-shot decompression, use the decompress()\n"
      "function instead.";
  t.dealloc = Decompressor_dealloc;
  t.traverse = Decompressor_traverse;
  t.clear = Decompressor_clear;
  t.methods = decompressor_methods;
  t.members = decompressor_members;
  t.getset = decompressor_getset;
  t.alloc = type_generic_alloc;
  t.new_ = Decompressor_new;
  t.free = object_generic_free;
  decompressor_type = t;
  if (type_ready(&decompressor_type) < 0) return -1;
  return add_module_entry(&decompressor_type);
}

}  // namespace cppy::modules::_zstd
