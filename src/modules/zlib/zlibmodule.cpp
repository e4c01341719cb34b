// The zlib module: Modules/zlibmodule.c of CPython 3.14 over the system zlib. Output grows in
// one buffer (CPython's blocks output buffer gives the same bytes); the streams run with the
// GIL held, so the objects need no lock of their own.
#include "modules/zlib/zlibmodule.h"

#include <zlib.h>

#include <climits>
#include <limits>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/argconv.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::zlib {

using namespace objects;

namespace {

constexpr int kDeflated = 8;
constexpr int kDefMemLevel = 8;
constexpr ssize kDefBufSize = 16 * 1024;
constexpr ssize kDefMaxInitialBufSize = 16 * 1024 * 1024;
constexpr ssize kFirstBlock = 32 * 1024;  // the blocks output buffer's first block

TypeObject* zlib_error_type = nullptr;  // zlib.error

// zlib_error: "Error N while ...: <zlib's message>".
void zlib_error(const z_stream& zst, int err, const char* msg) {
  const char* zmsg = nullptr;
  // A version mismatch leaves zst.msg uninitialised.
  if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
  if (!zmsg) zmsg = zst.msg;
  if (!zmsg) {
    switch (err) {
      case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
      case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
      case Z_DATA_ERROR: zmsg = "invalid input data"; break;
      default: break;
    }
  }
  if (!zmsg) {
    errors::format(zlib_error_type, "Error %d %s", err, msg);
  } else {
    errors::format(zlib_error_type, "Error %d %s: %.200s", err, msg, zmsg);
  }
}

// The output of a stream: a growing buffer the stream writes into (next_out / avail_out),
// limited to max_length bytes when max_length >= 0.
class Output {
 public:
  Output(z_stream* zst, ssize max_length, ssize first_size) : zst_(zst), max_(max_length) {
    ssize n = first_size;
    if (max_ >= 0 && n > max_) n = max_;
    buf_.resize(static_cast<size_t>(n));
    zst_->next_out = reinterpret_cast<Bytef*>(buf_.data());
    zst_->avail_out = static_cast<uInt>(n);
  }
  ssize used() const { return static_cast<ssize>(buf_.size()) - zst_->avail_out; }
  // Whether the limit is reached (no room and no growing allowed).
  bool at_limit() const { return max_ >= 0 && used() == max_; }
  // Makes room for more output once avail_out is 0.
  void grow() {
    ssize u = used();
    ssize n = static_cast<ssize>(buf_.size());
    ssize extra = n < kFirstBlock ? kFirstBlock : n;
    if (extra > static_cast<ssize>(UINT_MAX)) extra = UINT_MAX;
    if (max_ >= 0 && n + extra > max_) extra = max_ - n;
    buf_.resize(static_cast<size_t>(n + extra));
    zst_->next_out = reinterpret_cast<Bytef*>(buf_.data()) + u;
    zst_->avail_out = static_cast<uInt>(buf_.size() - static_cast<size_t>(u));
  }
  Object* finish() { return bytes_from_string_and_size(buf_.data(), used()); }

 private:
  z_stream* zst_;
  ssize max_;
  std::string buf_;
};

void init_stream(z_stream* zst) {
  std::memset(zst, 0, sizeof *zst);
  zst->zalloc = Z_NULL;
  zst->zfree = Z_NULL;
  zst->opaque = Z_NULL;
}

// arrange_input_buffer: at most UINT_MAX bytes per round.
void arrange_input_buffer(z_stream* zst, ssize* remains) {
  zst->avail_in = static_cast<uInt>(*remains > static_cast<ssize>(UINT_MAX) ? UINT_MAX : *remains);
  *remains -= zst->avail_in;
}

bool as_int(Object* o, int* out) {
  *out = long_as_int(o);
  return !(*out == -1 && errors::occurred());
}
bool as_ssize(Object* o, ssize* out) {
  *out = number_as_ssize(o, exc_OverflowError);
  return !(*out == -1 && errors::occurred());
}

// unsigned_int(bitwise=True): any int, reduced modulo 2**32.
bool as_uint_bitwise(Object* o, unsigned int* out) {
  if (float_check(o)) {
    errors::set_string(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  unsigned long long v;
  if (!u64_mask_converter(o, &v)) return false;
  *out = static_cast<unsigned int>(v);
  return true;
}

// ---- one-shot functions --------------------------------------------------------------------

// zlib_compress_impl.
Object* zlib_compress(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "level", "wbits", nullptr};
  static const ArgParser parser = {"compress", kw, 1, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  BufferHolder data;
  if (data.get(a[0]) < 0) return nullptr;
  int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
  if (a[1] && !as_int(a[1], &level)) return nullptr;
  if (a[2] && !as_int(a[2], &wbits)) return nullptr;
  z_stream zst;
  init_stream(&zst);
  zst.next_in = reinterpret_cast<Bytef*>(data.mutable_data());
  ssize ibuflen = data.size();
  int err = deflateInit2(&zst, level, kDeflated, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
  switch (err) {
    case Z_OK:
      break;
    case Z_MEM_ERROR:
      errors::set_string(exc_MemoryError, "Out of memory while compressing data");
      return nullptr;
    case Z_STREAM_ERROR:
      errors::set_string(zlib_error_type, "Bad compression level");
      return nullptr;
    default:
      deflateEnd(&zst);
      zlib_error(zst, err, "while compressing data");
      return nullptr;
  }
  Output out(&zst, -1, kFirstBlock);
  int flush;
  do {
    arrange_input_buffer(&zst, &ibuflen);
    flush = ibuflen == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (zst.avail_out == 0) out.grow();
      err = deflate(&zst, flush);
      if (err == Z_STREAM_ERROR) {
        deflateEnd(&zst);
        zlib_error(zst, err, "while compressing data");
        return nullptr;
      }
    } while (zst.avail_out == 0);
  } while (flush != Z_FINISH);
  err = deflateEnd(&zst);
  if (err != Z_OK) {
    zlib_error(zst, err, "while finishing compression");
    return nullptr;
  }
  return out.finish();
}

// zlib_decompress_impl.
Object* zlib_decompress(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "wbits", "bufsize", nullptr};
  static const ArgParser parser = {"decompress", kw, 1, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  BufferHolder data;
  if (data.get(a[0]) < 0) return nullptr;
  int wbits = MAX_WBITS;
  ssize bufsize = kDefBufSize;
  if (a[1] && !as_int(a[1], &wbits)) return nullptr;
  if (a[2] && !as_ssize(a[2], &bufsize)) return nullptr;
  if (bufsize < 0) {
    errors::set_string(exc_ValueError, "bufsize must be non-negative");
    return nullptr;
  }
  if (bufsize == 0) bufsize = 1;
  z_stream zst;
  init_stream(&zst);
  zst.next_in = reinterpret_cast<Bytef*>(data.mutable_data());
  ssize ibuflen = data.size();
  int err = inflateInit2(&zst, wbits);
  switch (err) {
    case Z_OK:
      break;
    case Z_MEM_ERROR:
      errors::set_string(exc_MemoryError, "Out of memory while decompressing data");
      return nullptr;
    default:
      inflateEnd(&zst);
      zlib_error(zst, err, "while preparing to decompress data");
      return nullptr;
  }
  Output out(&zst, -1, bufsize);
  do {
    arrange_input_buffer(&zst, &ibuflen);
    int flush = ibuflen == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (zst.avail_out == 0) out.grow();
      err = inflate(&zst, flush);
      switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
        case Z_STREAM_END:
          break;
        case Z_MEM_ERROR:
          inflateEnd(&zst);
          errors::set_string(exc_MemoryError, "Out of memory while decompressing data");
          return nullptr;
        default:
          inflateEnd(&zst);
          zlib_error(zst, err, "while decompressing data");
          return nullptr;
      }
    } while (zst.avail_out == 0);
  } while (err != Z_STREAM_END && ibuflen != 0);
  if (err != Z_STREAM_END) {
    inflateEnd(&zst);
    zlib_error(zst, err, "while decompressing data");
    return nullptr;
  }
  err = inflateEnd(&zst);
  if (err != Z_OK) {
    zlib_error(zst, err, "while finishing decompression");
    return nullptr;
  }
  return out.finish();
}

// ---- Compress and Decompress ---------------------------------------------------------------

struct CompObject : Object {
  z_stream zst;
  Object* unused_data;
  Object* unconsumed_tail;
  char eof;
  bool is_initialised;
  Object* zdict;
};

TypeObject comp_type{};
TypeObject decomp_type{};

// newcompobject.
CompObject* new_comp_object(TypeObject* type) {
  auto* self = static_cast<CompObject*>(type->alloc(type, 0));
  if (!self) return nullptr;
  init_stream(&self->zst);
  self->eof = 0;
  self->is_initialised = false;
  self->zdict = nullptr;
  self->unused_data = bytes_from_string_and_size("", 0);
  self->unconsumed_tail = bytes_from_string_and_size("", 0);
  if (!self->unused_data || !self->unconsumed_tail) {
    decref(self);
    return nullptr;
  }
  return self;
}

void comp_dealloc_common(CompObject* self) {
  xdecref(self->unused_data);
  xdecref(self->unconsumed_tail);
  xdecref(self->zdict);
  self->type->free(self);
}
void comp_dealloc(Object* o) {
  auto* self = static_cast<CompObject*>(o);
  if (self->is_initialised) (void)deflateEnd(&self->zst);
  comp_dealloc_common(self);
}
void decomp_dealloc(Object* o) {
  auto* self = static_cast<CompObject*>(o);
  if (self->is_initialised) (void)inflateEnd(&self->zst);
  comp_dealloc_common(self);
}

// zlib_compressobj_impl.
Object* zlib_compressobj(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict",
                                   nullptr};
  static const ArgParser parser = {"compressobj", kw, 0, 6, 0};
  Object* a[6] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int v[5] = {Z_DEFAULT_COMPRESSION, kDeflated, MAX_WBITS, kDefMemLevel, Z_DEFAULT_STRATEGY};
  for (int i = 0; i < 5; ++i) {
    if (a[i] && !as_int(a[i], &v[i])) return nullptr;
  }
  BufferHolder zdict;
  if (a[5] && a[5] != none() && zdict.get(a[5]) < 0) return nullptr;
  if (zdict.held() && static_cast<size_t>(zdict.size()) > UINT_MAX) {
    errors::set_string(exc_OverflowError, "zdict length does not fit in an unsigned int");
    return nullptr;
  }
  Ref<> obj = Ref<>::steal(new_comp_object(&comp_type));
  if (!obj) return nullptr;
  auto* self = static_cast<CompObject*>(obj.get());
  int err = deflateInit2(&self->zst, v[0], v[1], v[2], v[3], v[4]);
  switch (err) {
    case Z_OK:
      self->is_initialised = true;
      if (!zdict.held()) return obj.release();
      err = deflateSetDictionary(&self->zst, reinterpret_cast<const Bytef*>(zdict.data()),
                                 static_cast<uInt>(zdict.size()));
      if (err == Z_OK) return obj.release();
      errors::set_string(exc_ValueError,
                         err == Z_STREAM_ERROR ? "Invalid dictionary" : "deflateSetDictionary()");
      return nullptr;
    case Z_MEM_ERROR:
      errors::set_string(exc_MemoryError, "Can't allocate memory for compression object");
      return nullptr;
    case Z_STREAM_ERROR:
      errors::set_string(exc_ValueError, "Invalid initialization option");
      return nullptr;
    default:
      zlib_error(self->zst, err, "while creating compression object");
      return nullptr;
  }
}

// set_inflate_zdict.
int set_inflate_zdict(z_stream* zst, Object* zdict_obj) {
  BufferHolder zdict;
  if (zdict.get(zdict_obj) < 0) return -1;
  if (static_cast<size_t>(zdict.size()) > UINT_MAX) {
    errors::set_string(exc_OverflowError, "zdict length does not fit in an unsigned int");
    return -1;
  }
  int err = inflateSetDictionary(zst, reinterpret_cast<const Bytef*>(zdict.data()),
                                 static_cast<uInt>(zdict.size()));
  if (err != Z_OK) {
    zlib_error(*zst, err, "while setting zdict");
    return -1;
  }
  return 0;
}

// zlib_decompressobj_impl.
Object* zlib_decompressobj(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"wbits", "zdict", nullptr};
  static const ArgParser parser = {"decompressobj", kw, 0, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int wbits = MAX_WBITS;
  if (a[0] && !as_int(a[0], &wbits)) return nullptr;
  Object* zdict = a[1];
  if (zdict && !object_check_buffer(zdict)) {
    errors::set_string(exc_TypeError, "zdict argument must support the buffer protocol");
    return nullptr;
  }
  Ref<> obj = Ref<>::steal(new_comp_object(&decomp_type));
  if (!obj) return nullptr;
  auto* self = static_cast<CompObject*>(obj.get());
  if (zdict) self->zdict = new_ref(zdict);
  int err = inflateInit2(&self->zst, wbits);
  switch (err) {
    case Z_OK:
      self->is_initialised = true;
      if (self->zdict && wbits < 0 && set_inflate_zdict(&self->zst, self->zdict) < 0) {
        return nullptr;
      }
      return obj.release();
    case Z_STREAM_ERROR:
      errors::set_string(exc_ValueError, "Invalid initialization option");
      return nullptr;
    case Z_MEM_ERROR:
      errors::set_string(exc_MemoryError, "Can't allocate memory for decompression object");
      return nullptr;
    default:
      zlib_error(self->zst, err, "while creating decompression object");
      return nullptr;
  }
}

// zlib_Compress_compress_impl.
Object* Compress_compress(Object* op, Object* arg) {
  auto* self = static_cast<CompObject*>(op);
  BufferHolder data;
  if (data.get(arg) < 0) return nullptr;
  self->zst.next_in = reinterpret_cast<Bytef*>(data.mutable_data());
  ssize ibuflen = data.size();
  Output out(&self->zst, -1, kFirstBlock);
  do {
    arrange_input_buffer(&self->zst, &ibuflen);
    do {
      if (self->zst.avail_out == 0) out.grow();
      int err = deflate(&self->zst, Z_NO_FLUSH);
      if (err == Z_STREAM_ERROR) {
        zlib_error(self->zst, err, "while compressing data");
        return nullptr;
      }
    } while (self->zst.avail_out == 0);
  } while (ibuflen != 0);
  return out.finish();
}

// save_unconsumed_input: input left after the end of the stream goes to unused_data, input
// left by the output limit to unconsumed_tail.
int save_unconsumed_input(CompObject* self, const BufferHolder& data, int err) {
  const Bytef* end = reinterpret_cast<const Bytef*>(data.data()) + data.size();
  if (err == Z_STREAM_END && self->zst.avail_in > 0) {
    ssize left_size = end - self->zst.next_in;
    std::string joined(bytes_as_string(self->unused_data),
                       static_cast<size_t>(bytes_size(self->unused_data)));
    joined.append(reinterpret_cast<const char*>(self->zst.next_in), static_cast<size_t>(left_size));
    Object* new_data = bytes_from_string_and_size(joined.data(), ssize(joined.size()));
    if (!new_data) return -1;
    decref(self->unused_data);
    self->unused_data = new_data;
    self->zst.avail_in = 0;
  }
  if (self->zst.avail_in > 0 || bytes_size(self->unconsumed_tail)) {
    // The output limit stopped early (keep the rest), or everything was used (clear it).
    ssize left_size = end - self->zst.next_in;
    Object* new_data = bytes_from_string_and_size(
        reinterpret_cast<const char*>(self->zst.next_in), left_size);
    if (!new_data) return -1;
    decref(self->unconsumed_tail);
    self->unconsumed_tail = new_data;
  }
  return 0;
}

// zlib_Decompress_decompress_impl.
Object* Decompress_decompress(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "max_length", nullptr};
  static const ArgParser parser = {"decompress", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  auto* self = static_cast<CompObject*>(op);
  BufferHolder data;
  if (data.get(a[0]) < 0) return nullptr;
  ssize max_length = 0;
  if (a[1] && !as_ssize(a[1], &max_length)) return nullptr;
  if (max_length < 0) {
    errors::set_string(exc_ValueError, "max_length must be non-negative");
    return nullptr;
  }
  if (max_length == 0) max_length = -1;
  self->zst.next_in = reinterpret_cast<Bytef*>(data.mutable_data());
  ssize ibuflen = data.size();
  Output out(&self->zst, max_length, kFirstBlock);
  int err = Z_OK;
  do {
    arrange_input_buffer(&self->zst, &ibuflen);
    do {
      if (self->zst.avail_out == 0) {
        if (out.at_limit()) goto save;
        out.grow();
      }
      err = inflate(&self->zst, Z_SYNC_FLUSH);
      switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
        case Z_STREAM_END:
          break;
        default:
          if (err == Z_NEED_DICT && self->zdict) {
            if (set_inflate_zdict(&self->zst, self->zdict) < 0) return nullptr;
            break;
          }
          goto save;
      }
    } while (self->zst.avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && ibuflen != 0);
save:
  if (save_unconsumed_input(self, data, err) < 0) return nullptr;
  if (err == Z_STREAM_END) {
    // inflateEnd waits for flush(), as it always did.
    self->eof = 1;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    // Z_BUF_ERROR only means the output buffer was full and nothing more came.
    zlib_error(self->zst, err, "while decompressing data");
    return nullptr;
  }
  return out.finish();
}

// zlib_Compress_flush_impl.
Object* Compress_flush(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("flush", nargs, 0, 1)) return nullptr;
  auto* self = static_cast<CompObject*>(op);
  int mode = Z_FINISH;
  if (nargs && !as_int(args[0], &mode)) return nullptr;
  // Z_NO_FLUSH does nothing.
  if (mode == Z_NO_FLUSH) return bytes_from_string_and_size("", 0);
  self->zst.avail_in = 0;
  Output out(&self->zst, -1, kFirstBlock);
  int err;
  do {
    if (self->zst.avail_out == 0) out.grow();
    err = deflate(&self->zst, mode);
    if (err == Z_STREAM_ERROR) {
      zlib_error(self->zst, err, "while flushing");
      return nullptr;
    }
  } while (self->zst.avail_out == 0);
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    err = deflateEnd(&self->zst);
    if (err != Z_OK) {
      zlib_error(self->zst, err, "while finishing compression");
      return nullptr;
    }
    self->is_initialised = false;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    zlib_error(self->zst, err, "while flushing");
    return nullptr;
  }
  return out.finish();
}

// zlib_Compress_copy_impl / zlib_Decompress_copy_impl.
Object* comp_copy_common(CompObject* self, bool compress) {
  if (!self->is_initialised) {
    // The stream ended (flush(Z_FINISH)): zlib reports the freed state.
    errors::set_string(exc_ValueError, "Inconsistent stream state");
    return nullptr;
  }
  Ref<> obj = Ref<>::steal(new_comp_object(compress ? &comp_type : &decomp_type));
  if (!obj) return nullptr;
  auto* copy = static_cast<CompObject*>(obj.get());
  int err = compress ? deflateCopy(&copy->zst, &self->zst) : inflateCopy(&copy->zst, &self->zst);
  switch (err) {
    case Z_OK:
      break;
    case Z_STREAM_ERROR:
      errors::set_string(exc_ValueError, "Inconsistent stream state");
      return nullptr;
    case Z_MEM_ERROR:
      errors::set_string(exc_MemoryError, compress
                                              ? "Can't allocate memory for compression object"
                                              : "Can't allocate memory for decompression object");
      return nullptr;
    default:
      zlib_error(self->zst, err,
                 compress ? "while copying compression object"
                          : "while copying decompression object");
      return nullptr;
  }
  Object* old = copy->unused_data;
  copy->unused_data = new_ref(self->unused_data);
  decref(old);
  old = copy->unconsumed_tail;
  copy->unconsumed_tail = new_ref(self->unconsumed_tail);
  decref(old);
  copy->zdict = xnew_ref(self->zdict);
  copy->eof = self->eof;
  copy->is_initialised = true;
  return obj.release();
}

Object* Compress_copy(Object* op, Object*) {
  return comp_copy_common(static_cast<CompObject*>(op), true);
}
Object* Compress_deepcopy(Object* op, Object*) {
  return comp_copy_common(static_cast<CompObject*>(op), true);
}
Object* Decompress_copy(Object* op, Object*) {
  return comp_copy_common(static_cast<CompObject*>(op), false);
}
Object* Decompress_deepcopy(Object* op, Object*) {
  return comp_copy_common(static_cast<CompObject*>(op), false);
}

// zlib_Decompress_flush_impl.
Object* Decompress_flush(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("flush", nargs, 0, 1)) return nullptr;
  auto* self = static_cast<CompObject*>(op);
  ssize length = kDefBufSize;
  if (nargs && !as_ssize(args[0], &length)) return nullptr;
  if (length <= 0) {
    errors::set_string(exc_ValueError, "length must be greater than zero");
    return nullptr;
  }
  Ref<> tail = Ref<>::borrow(self->unconsumed_tail);
  BufferHolder data;
  if (data.get(tail.get()) < 0) return nullptr;
  self->zst.next_in = reinterpret_cast<Bytef*>(data.mutable_data());
  ssize ibuflen = data.size();
  Output out(&self->zst, -1, length);
  int err = Z_OK;
  do {
    arrange_input_buffer(&self->zst, &ibuflen);
    int flush = ibuflen == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (self->zst.avail_out == 0) out.grow();
      err = inflate(&self->zst, flush);
      switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
        case Z_STREAM_END:
          break;
        default:
          goto save;
      }
    } while (self->zst.avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && ibuflen != 0);
save:
  if (save_unconsumed_input(self, data, err) < 0) return nullptr;
  // At the end of the stream, free zlib's memory.
  if (err == Z_STREAM_END) {
    self->eof = 1;
    self->is_initialised = false;
    err = inflateEnd(&self->zst);
    if (err != Z_OK) {
      zlib_error(self->zst, err, "while finishing decompression");
      return nullptr;
    }
  }
  return out.finish();
}

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef comp_methods[] = {
    {"compress", METH_O(Compress_compress),
     "compress($self, data, /)\n--\n\nReturns a bytes object containing compressed data."},
    {"flush", FASTCALL(Compress_flush),
     "flush($self, mode=zlib.Z_FINISH, /)\n--\n\nReturn a bytes object containing any "
     "remaining compressed data."},
    {"copy", NOARGS(Compress_copy),
     "copy($self, /)\n--\n\nReturn a copy of the compression object."},
    {"__copy__", NOARGS(Compress_copy), "__copy__($self, /)\n--\n\n"},
    {"__deepcopy__", METH_O(Compress_deepcopy), "__deepcopy__($self, memo, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

MethodDef decomp_methods[] = {
    {"decompress", FASTCALL_KW(Decompress_decompress),
     "decompress($self, data, /, max_length=0)\n--\n\nReturn a bytes object containing the "
     "decompressed version of the data."},
    {"flush", FASTCALL(Decompress_flush),
     "flush($self, length=zlib.DEF_BUF_SIZE, /)\n--\n\nReturn a bytes object containing any "
     "remaining decompressed data."},
    {"copy", NOARGS(Decompress_copy),
     "copy($self, /)\n--\n\nReturn a copy of the decompression object."},
    {"__copy__", NOARGS(Decompress_copy), "__copy__($self, /)\n--\n\n"},
    {"__deepcopy__", METH_O(Decompress_deepcopy), "__deepcopy__($self, memo, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

MemberDef decomp_members[] = {
    {"unused_data", kMemberObject, offsetof(CompObject, unused_data), kMemberReadonly, nullptr},
    {"unconsumed_tail", kMemberObject, offsetof(CompObject, unconsumed_tail), kMemberReadonly,
     nullptr},
    {"eof", kMemberBool, offsetof(CompObject, eof), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

// ---- _ZlibDecompressor ---------------------------------------------------------------------

struct ZlibDecompressor : Object {
  z_stream zst;
  Object* zdict;
  Object* unused_data;
  std::string* input;  // input not consumed yet (owned)
  bool is_initialised;
  char eof;
  char needs_input;
};

TypeObject zlib_decompressor_type{};

void zlib_decompressor_dealloc(Object* o) {
  auto* self = static_cast<ZlibDecompressor*>(o);
  if (self->is_initialised) inflateEnd(&self->zst);
  delete self->input;
  clear(self->unused_data);
  clear(self->zdict);
  self->type->free(self);
}

// decompress_buf: at most max_length bytes (all when negative) from the pending input, with
// arrange_output_buffer_with_maximum's growth (doubling up to the limit).
Object* decompress_buf(ZlibDecompressor* self, ssize max_length) {
  ssize hard_limit, length;
  if (max_length < 0 || max_length == std::numeric_limits<ssize>::max()) {
    hard_limit = -1;
    length = kDefBufSize;
  } else {
    // Assume a file read in blocks of max_length: allocate it at once.
    hard_limit = max_length;
    length = max_length > kDefMaxInitialBufSize ? kDefMaxInitialBufSize : max_length;
  }
  std::string& input = *self->input;
  self->zst.next_in = reinterpret_cast<Bytef*>(input.data());
  ssize remains = static_cast<ssize>(input.size());
  std::string buf(static_cast<size_t>(length), '\0');
  self->zst.next_out = reinterpret_cast<Bytef*>(buf.data());
  bool first = true;
  int err = Z_OK;
  do {
    arrange_input_buffer(&self->zst, &remains);
    do {
      ssize occupied = self->zst.next_out - reinterpret_cast<Bytef*>(buf.data());
      if (!first && length == occupied) {
        if (length == hard_limit) break;  // no growing past max_length
        ssize new_length = (hard_limit < 0 || length <= (hard_limit >> 1)) ? length << 1
                                                                           : hard_limit;
        buf.resize(static_cast<size_t>(new_length));
        length = new_length;
      }
      first = false;
      self->zst.next_out = reinterpret_cast<Bytef*>(buf.data()) + occupied;
      self->zst.avail_out = static_cast<uInt>(length - occupied);
      err = inflate(&self->zst, Z_SYNC_FLUSH);
      if (err == Z_NEED_DICT) {
        zlib_error(self->zst, err, "while decompressing data");
        return nullptr;
      }
    } while (self->zst.avail_out == 0);
  } while (err != Z_STREAM_END && remains != 0);
  ssize occupied = self->zst.next_out - reinterpret_cast<Bytef*>(buf.data());
  if (err == Z_STREAM_END) {
    self->eof = 1;
    self->is_initialised = false;
    // Unlike Decompress, the stream is freed at once.
    err = inflateEnd(&self->zst);
    if (err != Z_OK) {
      zlib_error(self->zst, err, "while finishing decompression");
      return nullptr;
    }
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    zlib_error(self->zst, err, "while decompressing data");
    return nullptr;
  }
  remains += self->zst.avail_in;
  input.erase(0, input.size() - static_cast<size_t>(remains));
  return bytes_from_string_and_size(buf.data(), occupied);
}

// zlib__ZlibDecompressor_decompress_impl.
Object* ZlibDecompressor_decompress(Object* op, Object* const* args, ssize nargs,
                                    Object* kwnames) {
  static const char* const kw[] = {"data", "max_length", nullptr};
  static const ArgParser parser = {"decompress", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  auto* self = static_cast<ZlibDecompressor*>(op);
  BufferHolder data;
  if (data.get(a[0]) < 0) return nullptr;
  ssize max_length = -1;
  if (a[1] && !as_ssize(a[1], &max_length)) return nullptr;
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
    }
  } else {
    self->needs_input = self->input->empty() ? 1 : 0;
  }
  return result;
}

// zlib__ZlibDecompressor_impl: _ZlibDecompressor(wbits=MAX_WBITS, zdict=b'').
Object* zlib_decompressor_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"wbits", "zdict", nullptr};
  static const ArgParser parser = {"_ZlibDecompressor", kw, 0, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords_tuple(parser, args, kwds, a) < 0) return nullptr;
  int wbits = MAX_WBITS;
  if (a[0] && !as_int(a[0], &wbits)) return nullptr;
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<ZlibDecompressor*>(obj.get());
  self->eof = 0;
  self->needs_input = 1;
  self->input = new std::string();
  self->zdict = xnew_ref(a[1]);
  init_stream(&self->zst);
  self->unused_data = bytes_from_string_and_size("", 0);
  if (!self->unused_data) return nullptr;
  int err = inflateInit2(&self->zst, wbits);
  switch (err) {
    case Z_OK:
      self->is_initialised = true;
      if (self->zdict && wbits < 0 && set_inflate_zdict(&self->zst, self->zdict) < 0) {
        return nullptr;
      }
      return obj.release();
    case Z_STREAM_ERROR:
      errors::set_string(exc_ValueError, "Invalid initialization option");
      return nullptr;
    case Z_MEM_ERROR:
      errors::set_string(exc_MemoryError, "Can't allocate memory for decompression object");
      return nullptr;
    default:
      zlib_error(self->zst, err, "while creating decompression object");
      return nullptr;
  }
}

MethodDef zlib_decompressor_methods[] = {
    {"decompress", FASTCALL_KW(ZlibDecompressor_decompress),
     "decompress($self, /, data, max_length=-1)\n--\n\nDecompress *data*, returning "
     "uncompressed data as bytes."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef zlib_decompressor_members[] = {
    {"eof", kMemberBool, offsetof(ZlibDecompressor, eof), kMemberReadonly,
     "True if the end-of-stream marker has been reached."},
    {"unused_data", kMemberObjectEx, offsetof(ZlibDecompressor, unused_data), kMemberReadonly,
     "Data found after the end of the compressed stream."},
    {"needs_input", kMemberBool, offsetof(ZlibDecompressor, needs_input), kMemberReadonly,
     "True if more input is needed before more decompressed data can be produced."},
    {nullptr, 0, 0, 0, nullptr}};

// ---- checksums -----------------------------------------------------------------------------

// zlib_adler32_impl.
Object* zlib_adler32(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("adler32", nargs, 1, 2)) return nullptr;
  BufferHolder data;
  if (data.get(args[0]) < 0) return nullptr;
  unsigned int value = 1;
  if (nargs > 1 && !as_uint_bitwise(args[1], &value)) return nullptr;
  const Bytef* buf = reinterpret_cast<const Bytef*>(data.data());
  ssize len = data.size();
  uLong v = value;
  while (static_cast<size_t>(len) > UINT_MAX) {
    v = adler32(v, buf, UINT_MAX);
    buf += UINT_MAX;
    len -= static_cast<ssize>(UINT_MAX);
  }
  v = adler32(v, buf, static_cast<uInt>(len));
  return long_from_unsigned_long_long(v & 0xffffffffU);
}

// zlib_crc32_impl.
Object* zlib_crc32(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("crc32", nargs, 1, 2)) return nullptr;
  BufferHolder data;
  if (data.get(args[0]) < 0) return nullptr;
  unsigned int value = 0;
  if (nargs > 1 && !as_uint_bitwise(args[1], &value)) return nullptr;
  const Bytef* buf = reinterpret_cast<const Bytef*>(data.data());
  ssize len = data.size();
  uLong v = value;
  constexpr ssize kChunk = 0x40000000;
  while (len > kChunk) {
    v = crc32(v, buf, static_cast<uInt>(kChunk));
    buf += kChunk;
    len -= kChunk;
  }
  v = crc32(v, buf, static_cast<uInt>(len));
  return long_from_unsigned_long_long(v & 0xffffffffU);
}

MethodDef zlib_methods[] = {
    {"adler32", FASTCALL(zlib_adler32),
     "adler32($module, data, value=1, /)\n--\n\nCompute an Adler-32 checksum of data.\n\n  "
     "value\n    Starting value of the checksum.\n\nThe returned checksum is an integer."},
    {"compress", FASTCALL_KW(zlib_compress),
     "compress($module, data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)\n--\n\nReturns "
     "a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n"
     "  level\n    Compression level, in 0-9 or -1.\n  wbits\n    The window buffer size and "
     "container format."},
    {"compressobj", FASTCALL_KW(zlib_compressobj),
     "compressobj($module, /, level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS, "
     "memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None)\n--\n\nReturn a "
     "compressor object."},
    {"crc32", FASTCALL(zlib_crc32),
     "crc32($module, data, value=0, /)\n--\n\nCompute a CRC-32 checksum of data.\n\n  value\n"
     "    Starting value of the checksum.\n\nThe returned checksum is an integer."},
    {"decompress", FASTCALL_KW(zlib_decompress),
     "decompress($module, data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)\n--\n\nReturns a "
     "bytes object containing the uncompressed data."},
    {"decompressobj", FASTCALL_KW(zlib_decompressobj),
     "decompressobj($module, /, wbits=MAX_WBITS, zdict=b'')\n--\n\nReturn a decompressor "
     "object."},
    {nullptr, nullptr, 0, nullptr}};

int ready_types() {
  if (comp_type.name) return 0;
  {
    TypeObject t = static_type("zlib.Compress", sizeof(CompObject), 0,
                               kTpflagsDisallowInstantiation);
    t.dealloc = comp_dealloc;
    t.methods = comp_methods;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    comp_type = t;
  }
  {
    TypeObject t = static_type("zlib.Decompress", sizeof(CompObject), 0,
                               kTpflagsDisallowInstantiation);
    t.dealloc = decomp_dealloc;
    t.methods = decomp_methods;
    t.members = decomp_members;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    decomp_type = t;
  }
  {
    TypeObject t = static_type("zlib._ZlibDecompressor", sizeof(ZlibDecompressor), 0,
                               kTpflagsImmutabletype);
    t.doc = "_ZlibDecompressor(wbits=15, zdict=b'')\n--\n\nCreate a decompressor object for "
            "decompressing data incrementally.";
    t.dealloc = zlib_decompressor_dealloc;
    t.methods = zlib_decompressor_methods;
    t.members = zlib_decompressor_members;
    t.alloc = type_generic_alloc;
    t.new_ = zlib_decompressor_new;
    t.free = object_generic_free;
    zlib_decompressor_type = t;
  }
  if (type_ready(&comp_type) < 0 || type_ready(&decomp_type) < 0 ||
      type_ready(&zlib_decompressor_type) < 0) {
    return -1;
  }
  return 0;
}

int zlib_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (!zlib_error_type) {
    zlib_error_type = new_exception("zlib.error", nullptr, nullptr);
    if (!zlib_error_type) return -1;
  }
  if (module_add_object_ref(m, "error", zlib_error_type) < 0 ||
      module_add_object_ref(m, "_ZlibDecompressor", &zlib_decompressor_type) < 0) {
    return -1;
  }
  struct Constant {
    const char* name;
    long value;
  };
  const Constant constants[] = {
      {"MAX_WBITS", MAX_WBITS},
      {"DEFLATED", kDeflated},
      {"DEF_MEM_LEVEL", kDefMemLevel},
      {"DEF_BUF_SIZE", kDefBufSize},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},
      {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
      {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},
      {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},
      {"Z_TREES", Z_TREES},
  };
  for (const Constant& c : constants) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  Ref<> ver = Ref<>::steal(str_from_cstr(ZLIB_VERSION));
  Ref<> rver = Ref<>::steal(str_from_cstr(zlibVersion()));
  if (!ver || !rver || module_add_object_ref(m, "ZLIB_VERSION", ver.get()) < 0 ||
      module_add_object_ref(m, "ZLIB_RUNTIME_VERSION", rver.get()) < 0) {
    return -1;
  }
  return 0;
}

ModuleDef zlib_def = {
    "zlib",
    "The functions in this module allow compression and decompression using the\n"
    "zlib library, which is based on GNU zip.\n\n"
    "adler32(string[, start]) -- Compute an Adler-32 checksum.\n"
    "compress(data[, level]) -- Compress data, with compression level 0-9 or -1.\n"
    "compressobj([level[, ...]]) -- Return a compressor object.\n"
    "crc32(string[, start]) -- Compute a CRC-32 checksum.\n"
    "decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\n"
    "decompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n"
    "'wbits' is window buffer size and container format.\n"
    "Compressor objects support compress() and flush() methods; decompressor\n"
    "objects support decompress() and flush().",
    zlib_methods, zlib_exec};

}  // namespace

ModuleDef* module_def() { return &zlib_def; }

}  // namespace cppy::modules::zlib
