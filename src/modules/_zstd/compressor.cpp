// ZstdCompressor: Modules/_zstd/compressor.c of CPython 3.14. libzstd runs without the GIL;
// the object's lock keeps other threads out of its context meanwhile.
#include <climits>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_zstd/zstd_internal.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_zstd {

using namespace objects;

TypeObject compressor_type{};

// _get_CDict: the ZSTD_CDict of zd for a compression level, made once per level.
ZSTD_CDict* get_cdict(ZstdDict* zd, int compression_level) {
  auto it = zd->c_dicts->find(compression_level);
  if (it != zd->c_dicts->end()) return it->second;
  ZSTD_CDict* cdict;
  {
    vm::AllowThreads unlocked;
    cdict = ZSTD_createCDict(zd->dict_buffer, static_cast<size_t>(zd->dict_len),
                             compression_level);
  }
  if (!cdict) {
    errors::set_string(state().zstd_error,
                       "Failed to create a ZSTD_CDict instance from Zstandard dictionary "
                       "content.");
    return nullptr;
  }
  zd->c_dicts->emplace(compression_level, cdict);
  return cdict;
}

namespace {

struct Compressor : Object {
  std::mutex* lock;  // CPython's PyMutex: held while the context is in use
  ZSTD_CCtx* cctx;
  Object* dict;           // the zstd_dict argument in use (a ZstdDict or an as_* tuple)
  int last_mode;          // ZSTD_e_end at first
  int use_multithread;    // nb_workers >= 1
  int compression_level;  // for the digested dictionaries
};

// _zstd_set_c_level.
int set_c_level(Compressor* self, int level) {
  int min_level = ZSTD_minCLevel();
  int max_level = ZSTD_maxCLevel();
  if (level < min_level || level > max_level) {
    errors::format(exc_ValueError, "illegal compression level %d; the valid range is [%d, %d]",
                   level, min_level, max_level);
    return -1;
  }
  self->compression_level = level;
  size_t zstd_ret = ZSTD_CCtx_setParameter(self->cctx, ZSTD_c_compressionLevel, level);
  if (ZSTD_isError(zstd_ret)) {
    set_zstd_error(ERR_SET_C_LEVEL, zstd_ret);
    return -1;
  }
  return 0;
}

// _zstd_set_c_parameters: the options dict, {CompressionParameter: int}.
int set_c_parameters(Compressor* self, Object* options) {
  if (!dict_check(options)) {
    errors::format(exc_TypeError, "ZstdCompressor() argument 'options' must be dict, not %T",
                   options);
    return -1;
  }
  ssize pos = 0;
  Object* key;
  Object* value;
  while (dict_next(options, &pos, &key, &value)) {
    if (state().d_parameter_type && reinterpret_cast<Object*>(key->type) ==
                                        state().d_parameter_type) {
      errors::set_string(exc_TypeError,
                         "compression options dictionary key must not be a "
                         "DecompressionParameter attribute");
      return -1;
    }
    // The conversions may run Python code that changes the dict.
    Ref<> key_ref = Ref<>::borrow(key);
    Ref<> value_ref = Ref<>::borrow(value);
    int key_v = long_as_int(key_ref.get());
    if (key_v == -1 && errors::occurred()) return -1;
    int value_v = long_as_int(value_ref.get());
    if (value_v == -1 && errors::occurred()) return -1;
    if (key_v == ZSTD_c_compressionLevel) {
      if (set_c_level(self, value_v) < 0) return -1;
      continue;
    }
    // nb_workers >= 1 makes ZSTD_compressStream2 asynchronous (compress_mt_continue).
    if (key_v == ZSTD_c_nbWorkers && value_v != 0) self->use_multithread = 1;
    size_t zstd_ret =
        ZSTD_CCtx_setParameter(self->cctx, static_cast<ZSTD_cParameter>(key_v), value_v);
    if (ZSTD_isError(zstd_ret)) {
      set_parameter_error(true, key_v, value_v);
      return -1;
    }
  }
  return 0;
}

// _zstd_load_impl (compressor.c).
int load_impl(Compressor* self, ZstdDict* zd, int type) {
  size_t zstd_ret;
  if (type == DICT_TYPE_DIGESTED) {
    // A prepared dictionary; it overrides some of the context's parameters.
    ZSTD_CDict* cdict = get_cdict(zd, self->compression_level);
    if (!cdict) return -1;
    zstd_ret = ZSTD_CCtx_refCDict(self->cctx, cdict);
  } else if (type == DICT_TYPE_UNDIGESTED) {
    zstd_ret = ZSTD_CCtx_loadDictionary(self->cctx, zd->dict_buffer,
                                        static_cast<size_t>(zd->dict_len));
  } else {
    zstd_ret = ZSTD_CCtx_refPrefix(self->cctx, zd->dict_buffer,
                                   static_cast<size_t>(zd->dict_len));
  }
  if (ZSTD_isError(zstd_ret)) {
    set_zstd_error(ERR_LOAD_C_DICT, zstd_ret);
    return -1;
  }
  return 0;
}

// _zstd_load_c_dict: compression loads an undigested dictionary by default.
int load_c_dict(Compressor* self, Object* dict) {
  int type = DICT_TYPE_UNDIGESTED;
  ZstdDict* zd = parse_zstd_dict(dict, &type);
  if (!zd) return -1;
  ObjectLock guard(zd->lock);
  return load_impl(self, zd, type);
}

// _zstd_ZstdCompressor_new_impl: ZstdCompressor(level=None, options=None, zstd_dict=None).
Object* Compressor_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"level", "options", "zstd_dict", nullptr};
  static const ArgParser parser = {"ZstdCompressor", kw, 0, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwds, nullptr, parser, a))
    return nullptr;
  Object* level = a[0] ? a[0] : none();
  Object* options = a[1] ? a[1] : none();
  Object* zstd_dict = a[2] ? a[2] : none();
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<Compressor*>(obj.get());
  self->use_multithread = 0;
  self->dict = nullptr;
  self->lock = new std::mutex();
  self->cctx = ZSTD_createCCtx();
  if (!self->cctx) {
    errors::set_string(state().zstd_error, "Unable to create ZSTD_CCtx instance.");
    return nullptr;
  }
  self->last_mode = ZSTD_e_end;
  if (level != none() && options != none()) {
    errors::set_string(exc_TypeError, "Only one of level or options should be used.");
    return nullptr;
  }
  if (level != none()) {
    if (!long_check(level)) {
      errors::set_string(exc_TypeError, "invalid type for level, expected int");
      return nullptr;
    }
    int level_v = long_as_int(level);
    if (level_v == -1 && errors::occurred()) {
      if (errors::exception_matches(exc_OverflowError)) {
        errors::clear();
        errors::format(exc_ValueError, "illegal compression level; the valid range is [%d, %d]",
                       ZSTD_minCLevel(), ZSTD_maxCLevel());
      }
      return nullptr;
    }
    if (set_c_level(self, level_v) < 0) return nullptr;
  }
  if (options != none() && set_c_parameters(self, options) < 0) return nullptr;
  if (zstd_dict != none()) {
    if (load_c_dict(self, zstd_dict) < 0) return nullptr;
    self->dict = new_ref(zstd_dict);
  }
  return obj.release();
}

// ZstdCompressor_dealloc: the dictionary goes after the context that refers to it.
void Compressor_dealloc(Object* op) {
  auto* self = static_cast<Compressor*>(op);
  gc::untrack(op);
  if (self->cctx) ZSTD_freeCCtx(self->cctx);
  delete self->lock;
  clear(self->dict);
  op->type->free(op);
}

int Compressor_traverse(Object* op, visitproc visit, void* arg) {
  auto* self = static_cast<Compressor*>(op);
  if (self->dict) {
    if (int r = visit(self->dict, arg)) return r;
  }
  return 0;
}

int Compressor_clear(Object* op) {
  clear(static_cast<Compressor*>(op)->dict);
  return 0;
}

// compress_lock_held: data (or nothing) with end_directive, output sized for the input first.
Object* compress_impl(Compressor* self, const char* data, size_t len,
                      ZSTD_EndDirective end_directive) {
  ZSTD_inBuffer in;
  static const char kEmpty = 0;
  in.src = data ? data : &kEmpty;
  in.size = data ? len : 0;
  in.pos = 0;
  size_t output_buffer_size = ZSTD_compressBound(in.size);
  if (output_buffer_size > static_cast<size_t>(PTRDIFF_MAX)) return errors::no_memory();
  OutBuffer buffer;
  buffer.init_with_size(static_cast<ssize>(output_buffer_size));
  for (;;) {
    size_t zstd_ret;
    {
      vm::AllowThreads unlocked;
      zstd_ret = ZSTD_compressStream2(self->cctx, &buffer.out, &in, end_directive);
    }
    if (ZSTD_isError(zstd_ret)) {
      set_zstd_error(ERR_COMPRESS, zstd_ret);
      return nullptr;
    }
    if (zstd_ret == 0) break;
    // Not finished: the output is full.
    if (buffer.out.pos == buffer.out.size) buffer.grow();
  }
  return buffer.finish();
}

// compress_mt_continue_lock_held: with worker threads, ZSTD_e_continue returns before the
// input is consumed; call again while there is input and room.
Object* compress_mt_continue(Compressor* self, const char* data, size_t len) {
  ZSTD_inBuffer in{data, len, 0};
  OutBuffer buffer;
  buffer.init_and_grow(-1);
  for (;;) {
    size_t zstd_ret;
    {
      vm::AllowThreads unlocked;
      do {
        zstd_ret = ZSTD_compressStream2(self->cctx, &buffer.out, &in, ZSTD_e_continue);
      } while (buffer.out.pos != buffer.out.size && in.pos != in.size &&
               !ZSTD_isError(zstd_ret));
    }
    if (ZSTD_isError(zstd_ret)) {
      set_zstd_error(ERR_COMPRESS, zstd_ret);
      return nullptr;
    }
    if (buffer.out.pos == buffer.out.size) {
      buffer.grow();
    } else if (in.pos == in.size) {
      break;
    }
  }
  return buffer.finish();
}

// The end of compress() and flush(): last_mode, or a fresh session after an error.
Object* finish_call(Compressor* self, Object* ret, int mode) {
  if (ret) {
    self->last_mode = mode;
  } else {
    self->last_mode = ZSTD_e_end;
    ZSTD_CCtx_reset(self->cctx, ZSTD_reset_session_only);  // cannot fail
  }
  return ret;
}

// _zstd_ZstdCompressor_compress_impl: compress(data, mode=ZstdCompressor.CONTINUE).
Object* Compressor_compress(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"data", "mode", nullptr};
  static const ArgParser parser = {"compress", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  auto* self = static_cast<Compressor*>(op);
  BufferHolder data;
  if (data.get(a[0]) < 0) return nullptr;
  int mode = ZSTD_e_continue;
  if (a[1]) {
    mode = long_as_int(a[1]);
    if (mode == -1 && errors::occurred()) return nullptr;
  }
  if (mode != ZSTD_e_continue && mode != ZSTD_e_flush && mode != ZSTD_e_end) {
    errors::set_string(exc_ValueError,
                       "mode argument wrong value, it should be one of ZstdCompressor.CONTINUE, "
                       "ZstdCompressor.FLUSH_BLOCK, ZstdCompressor.FLUSH_FRAME.");
    return nullptr;
  }
  ObjectLock guard(self->lock);
  Object* ret;
  if (self->use_multithread && mode == ZSTD_e_continue) {
    ret = compress_mt_continue(self, data.data(), static_cast<size_t>(data.size()));
  } else {
    ret = compress_impl(self, data.data(), static_cast<size_t>(data.size()),
                        static_cast<ZSTD_EndDirective>(mode));
  }
  return finish_call(self, ret, mode);
}

// _zstd_ZstdCompressor_flush_impl: flush(mode=ZstdCompressor.FLUSH_FRAME).
Object* Compressor_flush(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"mode", nullptr};
  static const ArgParser parser = {"flush", kw, 0, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  auto* self = static_cast<Compressor*>(op);
  int mode = ZSTD_e_end;
  if (a[0]) {
    mode = long_as_int(a[0]);
    if (mode == -1 && errors::occurred()) return nullptr;
  }
  if (mode != ZSTD_e_end && mode != ZSTD_e_flush) {
    errors::set_string(exc_ValueError,
                       "mode argument wrong value, it should be ZstdCompressor.FLUSH_FRAME or "
                       "ZstdCompressor.FLUSH_BLOCK.");
    return nullptr;
  }
  ObjectLock guard(self->lock);
  Object* ret = compress_impl(self, nullptr, 0, static_cast<ZSTD_EndDirective>(mode));
  return finish_call(self, ret, mode);
}

// zstd_contentsize_converter: None is an unknown size; ints below ZSTD_CONTENTSIZE_ERROR.
bool contentsize_converter(Object* size, unsigned long long* p) {
  if (size == none()) {
    *p = ZSTD_CONTENTSIZE_UNKNOWN;
    return true;
  }
  // The message's "%ull" is CPython's: %u of the 64-bit limit (its low 32 bits), then "ll".
  static const char kMsg[] = "size argument should be a positive int less than %ull";
  unsigned long long pledged_size = long_as_unsigned_long_long(size);
  if (pledged_size == static_cast<unsigned long long>(-1) && errors::occurred()) {
    if (errors::exception_matches(exc_OverflowError)) {
      errors::clear();
      errors::format(exc_ValueError, kMsg, static_cast<unsigned>(ZSTD_CONTENTSIZE_ERROR));
    }
    return false;
  }
  if (pledged_size >= ZSTD_CONTENTSIZE_ERROR) {
    errors::format(exc_ValueError, kMsg, static_cast<unsigned>(ZSTD_CONTENTSIZE_ERROR));
    return false;
  }
  *p = pledged_size;
  return true;
}

// _zstd_ZstdCompressor_set_pledged_input_size_impl: set_pledged_input_size(size, /).
Object* Compressor_set_pledged_input_size(Object* op, Object* arg) {
  auto* self = static_cast<Compressor*>(op);
  unsigned long long size;
  if (!contentsize_converter(arg, &size)) return nullptr;
  ObjectLock guard(self->lock);
  if (self->last_mode != ZSTD_e_end) {
    errors::set_string(exc_ValueError,
                       "set_pledged_input_size() method must be called when last_mode == "
                       "FLUSH_FRAME");
    return nullptr;
  }
  size_t zstd_ret = ZSTD_CCtx_setPledgedSrcSize(self->cctx, size);
  if (ZSTD_isError(zstd_ret)) {
    set_zstd_error(ERR_SET_PLEDGED_INPUT_SIZE, zstd_ret);
    return nullptr;
  }
  return new_ref(none());
}

MethodDef compressor_methods[] = {
    {"compress", reinterpret_cast<void*>(Compressor_compress), kMethFastcall | kMethKeywords,
     "compress($self, /, data, mode=ZstdCompressor.CONTINUE)\n--\n\n"
     "Provide data to the compressor object.\n\n"
     "  mode\n"
     "    Can be these 3 values ZstdCompressor.CONTINUE,\n"
     "    ZstdCompressor.FLUSH_BLOCK, ZstdCompressor.FLUSH_FRAME\n\n"
     "Return a chunk of compressed data if possible, or b'' otherwise. When you have\n"
     "finished providing data to the compressor, call the flush() method to finish\n"
     "the compression process."},
    {"flush", reinterpret_cast<void*>(Compressor_flush), kMethFastcall | kMethKeywords,
     "flush($self, /, mode=ZstdCompressor.FLUSH_FRAME)\n--\n\n"
     "Finish the compression process.\n\n"
     "  mode\n"
     "    Can be these 2 values ZstdCompressor.FLUSH_FRAME,\n"
     "    ZstdCompressor.FLUSH_BLOCK\n\n"
     "Flush any remaining data left in internal buffers. Since Zstandard data\n"
     "consists of one or more independent frames, the compressor object can still\n"
     "be used after this method is called."},
    {"set_pledged_input_size", reinterpret_cast<void*>(Compressor_set_pledged_input_size), kMethO,
     "set_pledged_input_size($self, size, /)\n--\n\n"
     "Set the uncompressed content size to be written into the frame header.\n\n"
     "  size\n"
     "    The size of the uncompressed data to be provided to the compressor.\n\n"
     "This method can be used to ensure the header of the frame about to be written\n"
     "includes the size of the data, unless the CompressionParameter.content_size_flag\n"
     "is set to False. If last_mode != FLUSH_FRAME, then a RuntimeError is raised.\n\n"
     "It is important to ensure that the pledged data size matches the actual data\n"
     "size. If they do not match the compressed output data may be corrupted and the\n"
     "final chunk written may be lost."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef compressor_members[] = {
    {"last_mode", kMemberInt, offsetof(Compressor, last_mode), kMemberReadonly,
     "The last mode used to this compressor object, its value can be .CONTINUE,\n"
     ".FLUSH_BLOCK, .FLUSH_FRAME. Initialized to .FLUSH_FRAME.\n\n"
     "It can be used to get the current state of a compressor, such as, data\n"
     "flushed, or a frame ended."},
    {nullptr, 0, 0, 0, nullptr}};

}  // namespace

int ready_compressor_type() {
  if (compressor_type.name) return 0;
  TypeObject t = static_type("compression.zstd.ZstdCompressor", sizeof(Compressor), 0,
                             kTpflagsImmutabletype | kTpflagsHaveGc);
  t.doc =
      "ZstdCompressor(level=None, options=None, zstd_dict=None)\n--\n\n"
      "Create a compressor object for compressing data incrementally.\n\n"
      "  level\n"
      "    The compression level to use. Defaults to COMPRESSION_LEVEL_DEFAULT.\n"
      "  options\n"
      "    A dict object that contains advanced compression parameters.\n"
      "  zstd_dict\n"
      "    A ZstdDict object, a pre-trained Zstandard dictionary.\n\n"
      "Thread-safe at method level. For one-shot compression, use the compress()\n"
      "function instead.";
  t.dealloc = Compressor_dealloc;
  t.traverse = Compressor_traverse;
  t.clear = Compressor_clear;
  t.methods = compressor_methods;
  t.members = compressor_members;
  t.alloc = type_generic_alloc;
  t.new_ = Compressor_new;
  t.free = object_generic_free;
  compressor_type = t;
  if (type_ready(&compressor_type) < 0) return -1;
  // The ZSTD_EndDirective values as class attributes (CPython adds them before
  // PyType_Freeze makes the type immutable).
  const std::pair<const char*, int> modes[] = {
      {"CONTINUE", ZSTD_e_continue}, {"FLUSH_BLOCK", ZSTD_e_flush}, {"FLUSH_FRAME", ZSTD_e_end}};
  for (const auto& [name, v] : modes) {
    Ref<> o = Ref<>::steal(long_from_long(v));
    if (!o || dict_set_item_string(compressor_type.dict, name, o.get()) < 0) return -1;
  }
  return add_module_entry(&compressor_type);
}

}  // namespace cppy::modules::_zstd
