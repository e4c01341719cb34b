// The _bz2 module: Modules/_bz2module.c of CPython 3.14 over the system libbz2 (libbz2-dev).
// The objects run with the GIL held, so they need no lock of their own.
#include "modules/_bz2/bz2module.h"

#include <bzlib.h>

#include <climits>
#include <cstring>
#include <limits>
#include <algorithm>
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"

namespace cppy::modules::_bz2 {

using namespace objects;

namespace {

constexpr ssize kBlock = 32 * 1024;  // the blocks output buffer's first block

// catch_bz2_error: true (with an exception) for an error code of libbz2.
bool catch_bz2_error(int bzerror) {
  switch (bzerror) {
    case BZ_OK:
    case BZ_RUN_OK:
    case BZ_FLUSH_OK:
    case BZ_FINISH_OK:
    case BZ_STREAM_END:
      return false;
#ifdef BZ_CONFIG_ERROR
    case BZ_CONFIG_ERROR:
      errors::set_string(exc_SystemError, "libbzip2 was not compiled correctly");
      return true;
#endif
    case BZ_PARAM_ERROR:
      errors::set_string(exc_ValueError, "Internal error - invalid parameters passed to libbzip2");
      return true;
    case BZ_MEM_ERROR:
      errors::no_memory();
      return true;
    case BZ_DATA_ERROR:
    case BZ_DATA_ERROR_MAGIC:
      errors::set_string(exc_OSError, "Invalid data stream");
      return true;
    case BZ_IO_ERROR:
      errors::set_string(exc_OSError, "Unknown I/O error");
      return true;
    case BZ_UNEXPECTED_EOF:
      errors::set_string(exc_EOFError,
                         "Compressed file ended before the logical end-of-stream was detected");
      return true;
    case BZ_SEQUENCE_ERROR:
      errors::set_string(exc_RuntimeError,
                         "Internal error - Invalid sequence of commands sent to libbzip2");
      return true;
    default:
      errors::format(exc_OSError, "Unrecognized error from libbzip2: %d", bzerror);
      return true;
  }
}

// ---- BZ2Compressor --------------------------------------------------------------------------

struct Compressor : Object {
  bz_stream bzs;
  bool flushed;
  bool initialised;
};

TypeObject compressor_type{};

// compress: feeds data with action (BZ_RUN or BZ_FINISH) and collects the output.
Object* compress(Compressor* c, const char* data, size_t len, int action) {
  std::string out(static_cast<size_t>(kBlock), '\0');
  size_t used = 0;
  c->bzs.next_in = const_cast<char*>(data);
  c->bzs.avail_in = 0;
  size_t remaining = len;
  for (;;) {
    if (c->bzs.avail_in == 0 && remaining > 0) {
      c->bzs.avail_in = static_cast<unsigned>(remaining > UINT_MAX ? UINT_MAX : remaining);
      remaining -= c->bzs.avail_in;
    }
    // In BZ_RUN mode, stop once the input is consumed.
    if (action == BZ_RUN && c->bzs.avail_in == 0) break;
    if (used == out.size()) out.resize(out.size() * 2);
    c->bzs.next_out = out.data() + used;
    c->bzs.avail_out = static_cast<unsigned>(out.size() - used);
    int bzerror = BZ2_bzCompress(&c->bzs, action);
    used = out.size() - c->bzs.avail_out;
    if (catch_bz2_error(bzerror)) return nullptr;
    // In BZ_FINISH mode, stop at the end of the stream.
    if (action == BZ_FINISH && bzerror == BZ_STREAM_END) break;
  }
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(used));
}

// _bz2_BZ2Compressor_compress_impl.
Object* Compressor_compress(Object* op, Object* arg) {
  auto* self = static_cast<Compressor*>(op);
  BufferHolder data;
  if (data.get(arg) < 0) return nullptr;
  if (self->flushed) {
    errors::set_string(exc_ValueError, "Compressor has been flushed");
    return nullptr;
  }
  return compress(self, data.data(), static_cast<size_t>(data.size()), BZ_RUN);
}

// _bz2_BZ2Compressor_flush_impl.
Object* Compressor_flush(Object* op, Object*) {
  auto* self = static_cast<Compressor*>(op);
  if (self->flushed) {
    errors::set_string(exc_ValueError, "Repeated call to flush()");
    return nullptr;
  }
  self->flushed = true;
  return compress(self, nullptr, 0, BZ_FINISH);
}

// _bz2_BZ2Compressor_impl: BZ2Compressor(compresslevel=9, /).
Object* Compressor_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_keywords("BZ2Compressor", kwds)) return nullptr;
  if (!check_positional("BZ2Compressor", tuple_size(args), 0, 1)) return nullptr;
  int compresslevel = 9;
  if (tuple_size(args) > 0) {
    compresslevel = long_as_int(tuple_item(args, 0));
    if (compresslevel == -1 && errors::occurred()) return nullptr;
  }
  if (!(1 <= compresslevel && compresslevel <= 9)) {
    errors::set_string(exc_ValueError, "compresslevel must be between 1 and 9");
    return nullptr;
  }
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<Compressor*>(obj.get());
  std::memset(&self->bzs, 0, sizeof self->bzs);
  self->flushed = false;
  int bzerror = BZ2_bzCompressInit(&self->bzs, compresslevel, 0, 0);
  if (catch_bz2_error(bzerror)) return nullptr;
  self->initialised = true;
  return obj.release();
}

void Compressor_dealloc(Object* o) {
  auto* self = static_cast<Compressor*>(o);
  if (self->initialised) BZ2_bzCompressEnd(&self->bzs);
  o->type->free(o);
}

// ---- BZ2Decompressor ------------------------------------------------------------------------

struct Decompressor : Object {
  bz_stream bzs;
  char eof;
  char needs_input;
  Object* unused_data;
  std::string* input;  // input not consumed yet (owned)
  bool initialised;
};

TypeObject decompressor_type{};

// decompress_buf: at most max_length bytes (all when negative) from the pending input.
Object* decompress_buf(Decompressor* d, ssize max_length) {
  ssize hard_limit = max_length < 0 ? -1 : max_length;
  ssize length = max_length < 0 || max_length > kBlock ? kBlock : max_length;
  std::string out(static_cast<size_t>(length), '\0');
  std::string& input = *d->input;
  d->bzs.next_in = input.data();
  size_t remaining = input.size();
  d->bzs.avail_in = 0;
  ssize used = 0;
  bool first = true;
  for (;;) {
    if (d->bzs.avail_in == 0 && remaining > 0) {
      d->bzs.avail_in = static_cast<unsigned>(remaining > UINT_MAX ? UINT_MAX : remaining);
      remaining -= d->bzs.avail_in;
    }
    if (!first && used == length) {
      if (length == hard_limit) break;
      ssize grow = hard_limit < 0 ? length : std::min(length, hard_limit - length);
      length += grow;
      out.resize(static_cast<size_t>(length));
    }
    first = false;
    d->bzs.next_out = out.data() + used;
    d->bzs.avail_out = static_cast<unsigned>(length - used);
    int bzerror = BZ2_bzDecompress(&d->bzs);
    used = length - d->bzs.avail_out;
    if (catch_bz2_error(bzerror)) return nullptr;
    if (bzerror == BZ_STREAM_END) {
      d->eof = 1;
      break;
    }
    if (d->bzs.avail_in == 0 && remaining == 0 && d->bzs.avail_out != 0) break;
    if (d->bzs.avail_out == 0 && used == hard_limit) break;
  }
  size_t left = d->bzs.avail_in + remaining;
  input.erase(0, input.size() - left);
  return bytes_from_string_and_size(out.data(), used);
}

// _bz2_BZ2Decompressor_decompress_impl: decompress(data, max_length=-1).
Object* Decompressor_decompress(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"data", "max_length", nullptr};
  static const ArgParser parser = {"decompress", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  auto* self = static_cast<Decompressor*>(op);
  BufferHolder data;
  if (data.get(a[0]) < 0) return nullptr;
  ssize max_length = -1;
  if (a[1]) {
    max_length = number_as_ssize(a[1], exc_OverflowError);
    if (max_length == -1 && errors::occurred()) return nullptr;
  }
  if (self->eof) {
    errors::set_string(exc_EOFError, "End of stream already reached");
    return nullptr;
  }
  self->input->append(data.data(), static_cast<size_t>(data.size()));
  Object* result = decompress_buf(self, max_length);
  if (!result) {
    self->input->clear();
    return nullptr;
  }
  if (self->eof) {
    self->needs_input = 0;
    if (!self->input->empty()) {
      Object* unused = bytes_from_string_and_size(self->input->data(),
                                                  static_cast<ssize>(self->input->size()));
      if (!unused) {
        decref(result);
        return nullptr;
      }
      decref(self->unused_data);
      self->unused_data = unused;
      self->input->clear();
    }
  } else {
    self->needs_input = self->input->empty() ? 1 : 0;
  }
  return result;
}

// _bz2_BZ2Decompressor_impl: BZ2Decompressor().
Object* Decompressor_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_keywords("BZ2Decompressor", kwds)) return nullptr;
  if (!check_positional("BZ2Decompressor", tuple_size(args), 0, 0)) return nullptr;
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<Decompressor*>(obj.get());
  std::memset(&self->bzs, 0, sizeof self->bzs);
  self->eof = 0;
  self->needs_input = 1;
  self->input = new std::string();
  self->unused_data = bytes_from_string_and_size("", 0);
  if (!self->unused_data) return nullptr;
  int bzerror = BZ2_bzDecompressInit(&self->bzs, 0, 0);
  if (catch_bz2_error(bzerror)) return nullptr;
  self->initialised = true;
  return obj.release();
}

void Decompressor_dealloc(Object* o) {
  auto* self = static_cast<Decompressor*>(o);
  if (self->initialised) BZ2_bzDecompressEnd(&self->bzs);
  delete self->input;
  xdecref(self->unused_data);
  o->type->free(o);
}

MethodDef compressor_methods[] = {
    {"compress", reinterpret_cast<void*>(Compressor_compress), kMethO,
     "compress($self, data, /)\n--\n\nProvide data to the compressor object.\n\nReturns a chunk "
     "of compressed data if possible, or b'' otherwise.\n\nWhen you have finished providing "
     "data to the compressor, call the\nflush() method to finish the compression process."},
    {"flush", reinterpret_cast<void*>(Compressor_flush), kMethNoArgs,
     "flush($self, /)\n--\n\nFinish the compression process.\n\nReturns the compressed data "
     "left in internal buffers.\n\nThe compressor object may not be used after this method is "
     "called."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef decompressor_methods[] = {
    {"decompress", reinterpret_cast<void*>(Decompressor_decompress),
     kMethFastcall | kMethKeywords,
     "decompress($self, /, data, max_length=-1)\n--\n\nDecompress *data*, returning "
     "uncompressed data as bytes."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef decompressor_members[] = {
    {"eof", kMemberBool, offsetof(Decompressor, eof), kMemberReadonly,
     "True if the end-of-stream marker has been reached."},
    {"unused_data", kMemberObjectEx, offsetof(Decompressor, unused_data), kMemberReadonly,
     "Data found after the end of the compressed stream."},
    {"needs_input", kMemberBool, offsetof(Decompressor, needs_input), kMemberReadonly,
     "True if more input is needed before more decompressed data can be produced."},
    {nullptr, 0, 0, 0, nullptr}};

int ready_types() {
  if (compressor_type.name) return 0;
  {
    TypeObject t = static_type("_bz2.BZ2Compressor", sizeof(Compressor), 0, kTpflagsBasetype);
    t.doc = "BZ2Compressor(compresslevel=9, /)\n--\n\nCreate a compressor object for "
            "compressing data incrementally.";
    t.dealloc = Compressor_dealloc;
    t.methods = compressor_methods;
    t.alloc = type_generic_alloc;
    t.new_ = Compressor_new;
    t.free = object_generic_free;
    compressor_type = t;
  }
  {
    TypeObject t =
        static_type("_bz2.BZ2Decompressor", sizeof(Decompressor), 0, kTpflagsBasetype);
    t.doc = "BZ2Decompressor()\n--\n\nCreate a decompressor object for decompressing data "
            "incrementally.";
    t.dealloc = Decompressor_dealloc;
    t.methods = decompressor_methods;
    t.members = decompressor_members;
    t.alloc = type_generic_alloc;
    t.new_ = Decompressor_new;
    t.free = object_generic_free;
    decompressor_type = t;
  }
  if (type_ready(&compressor_type) < 0 || type_ready(&decompressor_type) < 0) return -1;
  return 0;
}

int bz2_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (module_add_object_ref(m, "BZ2Compressor", &compressor_type) < 0 ||
      module_add_object_ref(m, "BZ2Decompressor", &decompressor_type) < 0) {
    return -1;
  }
  return 0;
}

ModuleDef bz2_def = {"_bz2", nullptr, nullptr, bz2_exec};

}  // namespace

ModuleDef* module_def() { return &bz2_def; }

}  // namespace cppy::modules::_bz2
