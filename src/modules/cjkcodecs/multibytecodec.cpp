// The _multibytecodec module: Modules/cjkcodecs/multibytecodec.c of CPython 3.14. The codec
// drivers (multibytecodec_encode, the decode loops), the error handling around them
// (multibytecodec_encerror / decerror: strict, ignore and replace handled inline, any other
// name looked up with codecs.lookup_error and called), and the five types: MultibyteCodec (what
// getcodec returns), MultibyteIncrementalEncoder/Decoder and MultibyteStreamReader/Writer,
// the bases of the classes of the stdlib's encodings/<cjk codec>.py.
//
// CPython keeps the types in the module state; cppy has one _multibytecodec per process, so
// they are static types here.
#include <cstddef>
#include <cstring>
#include <limits>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_codecs/codecs.h"
#include "modules/cjkcodecs/cjkcodecs.h"
#include "modules/cjkcodecs/multibytecodec.h"
#include "modules/moduledef.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/capsule.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject_digits.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/spec_types.h"

namespace cppy::modules::cjkcodecs {

using namespace objects;

namespace {

constexpr ssize kMaxEncPending = 2;  // MAXENCPENDING
constexpr ssize kMaxDecPending = 8;  // MAXDECPENDING

// The error handling of a call or of a stateful object: CPython's ERROR_STRICT / IGNORE /
// REPLACE sentinels, or the name of a handler to look up (a str, owned).
struct ErrorMode {
  enum Kind { kStrict, kIgnore, kReplace, kCustom } kind = kStrict;
  Object* name = nullptr;
};

// internal_error_callback: 0, or -1 with an error set.
int internal_error_callback(const char* errors, ErrorMode* out) {
  out->name = nullptr;
  if (!errors || std::strcmp(errors, "strict") == 0) {
    out->kind = ErrorMode::kStrict;
  } else if (std::strcmp(errors, "ignore") == 0) {
    out->kind = ErrorMode::kIgnore;
  } else if (std::strcmp(errors, "replace") == 0) {
    out->kind = ErrorMode::kReplace;
  } else {
    out->kind = ErrorMode::kCustom;
    out->name = str_from_cstr(errors);
    if (!out->name) return -1;
  }
  return 0;
}

void error_mode_clear(ErrorMode* m) {
  if (m->kind == ErrorMode::kCustom) clear(m->name);
  m->kind = ErrorMode::kStrict;
}

// call_error_callback.
Object* call_error_callback(Object* name, Object* exc) {
  const char* str = str_as_utf8(name);
  if (!str) return nullptr;
  Ref<> cb = Ref<>::steal(_codecs::lookup_error(str));
  if (!cb) return nullptr;
  return object_call_one_arg(cb.get(), exc);
}

// MultibyteEncodeBuffer.
struct EncodeBuffer {
  Object* inobj = nullptr;  // borrowed
  ssize inpos = 0, inlen = 0;
  unsigned char* outbuf = nullptr;
  unsigned char* outbuf_end = nullptr;
  Object* excobj = nullptr;
  Object* outobj = nullptr;
};

// MultibyteDecodeBuffer.
struct DecodeBuffer {
  const unsigned char* inbuf = nullptr;
  const unsigned char* inbuf_top = nullptr;
  const unsigned char* inbuf_end = nullptr;
  Object* excobj = nullptr;
  StrWriter writer;
  ~DecodeBuffer() { xdecref(excobj); }
};

// expand_encodebuffer.
int expand_encodebuffer(EncodeBuffer* buf, ssize esize) {
  ssize orgpos = reinterpret_cast<char*>(buf->outbuf) - bytes_as_string(buf->outobj);
  ssize orgsize = bytes_size(buf->outobj);
  ssize incsize = esize < (orgsize >> 1) ? (orgsize >> 1) | 1 : esize;
  if (bytes_resize(&buf->outobj, orgsize + incsize) < 0) return -1;
  buf->outbuf = reinterpret_cast<unsigned char*>(bytes_as_string(buf->outobj)) + orgpos;
  buf->outbuf_end =
      reinterpret_cast<unsigned char*>(bytes_as_string(buf->outobj)) + bytes_size(buf->outobj);
  return 0;
}

// REQUIRE_ENCODEBUFFER: 0 or -1.
int require_encodebuffer(EncodeBuffer* buf, ssize s) {
  if (s < 0 || s > buf->outbuf_end - buf->outbuf) return expand_encodebuffer(buf, s);
  return 0;
}

// A new UnicodeEncodeError(encoding, object, start, end, reason), not raised.
Object* make_encode_error(const char* encoding, Object* object, ssize start, ssize end,
                          const char* reason) {
  Ref<> enc = Ref<>::steal(str_from_cstr(encoding));
  Ref<> s = Ref<>::steal(long_from_ssize(start));
  Ref<> e = Ref<>::steal(long_from_ssize(end));
  Ref<> r = Ref<>::steal(str_from_cstr(reason));
  if (!enc || !s || !e || !r) return nullptr;
  return object_call_function_obj_args(exc_UnicodeEncodeError, enc.get(), object, s.get(),
                                       e.get(), r.get(), nullptr);
}

// PyUnicodeDecodeError_Create.
Object* make_decode_error(const char* encoding, const unsigned char* data, ssize n, ssize start,
                          ssize end, const char* reason) {
  Ref<> enc = Ref<>::steal(str_from_cstr(encoding));
  Ref<> b = Ref<>::steal(bytes_from_string_and_size(reinterpret_cast<const char*>(data), n));
  Ref<> s = Ref<>::steal(long_from_ssize(start));
  Ref<> e = Ref<>::steal(long_from_ssize(end));
  Ref<> r = Ref<>::steal(str_from_cstr(reason));
  if (!enc || !b || !s || !e || !r) return nullptr;
  return object_call_function_obj_args(exc_UnicodeDecodeError, enc.get(), b.get(), s.get(),
                                       e.get(), r.get(), nullptr);
}

// Raises exc (a new reference, consumed) as PyErr_SetObject(type(exc), exc) does.
void raise_consumed(TypeObject* type, Object* exc) {
  if (!exc) return;
  errors::set_object(type, exc);
  decref(exc);
}

Object* multibytecodec_encode(const MultibyteCodec* codec, CodecState* state, Object* text,
                              ssize* inpos_t, const ErrorMode& errors, int flags);

// multibytecodec_encerror: 0 to go on, -1 with an error set.
int multibytecodec_encerror(const MultibyteCodec* codec, CodecState* state, EncodeBuffer* buf,
                            const ErrorMode& errors, ssize e) {
  const char* reason;
  ssize esize;
  if (e > 0) {
    reason = "illegal multibyte sequence";
    esize = e;
  } else {
    switch (e) {
      case kErrTooSmall:
        return require_encodebuffer(buf, -1);  // retry it
      case kErrTooFew:
        reason = "incomplete multibyte sequence";
        esize = buf->inpos;
        break;
      case kErrInternal:
        errors::set_string(exc_RuntimeError, "internal codec error");
        return -1;
      default:
        errors::set_string(exc_RuntimeError, "unknown runtime error");
        return -1;
    }
  }

  if (errors.kind == ErrorMode::kReplace) {
    static const UCS1 kQuestion = '?';
    ssize r;
    ssize inpos = 0;
    for (;;) {
      ssize outleft = buf->outbuf_end - buf->outbuf;
      r = codec->encode(state, codec->config, kKind1, &kQuestion, &inpos, 1, &buf->outbuf,
                        outleft, 0);
      if (r == kErrTooSmall) {
        if (require_encodebuffer(buf, -1) < 0) return -1;
        continue;
      }
      break;
    }
    if (r != 0) {
      if (require_encodebuffer(buf, 1) < 0) return -1;
      *buf->outbuf++ = '?';
    }
  }
  if (errors.kind == ErrorMode::kIgnore || errors.kind == ErrorMode::kReplace) {
    buf->inpos += esize;
    return 0;
  }

  ssize start = buf->inpos;
  ssize end = start + esize;
  // The exception object is made once per call and updated afterwards.
  if (!buf->excobj) {
    buf->excobj = make_encode_error(codec->encoding, buf->inobj, start, end, reason);
    if (!buf->excobj) return -1;
  } else if (unicode_error_set_start(buf->excobj, 'e', start) != 0 ||
             unicode_error_set_end(buf->excobj, 'e', end) != 0 ||
             unicode_error_set_reason(buf->excobj, 'e', reason) != 0) {
    return -1;
  }

  if (errors.kind == ErrorMode::kStrict) {
    _codecs::strict_errors(buf->excobj);
    return -1;
  }

  Ref<> retobj = Ref<>::steal(call_error_callback(errors.name, buf->excobj));
  if (!retobj) return -1;
  Object* tobj = nullptr;
  if (!tuple_check(retobj.get()) || tuple_size(retobj.get()) != 2 ||
      (!str_check(tobj = tuple_item(retobj.get(), 0)) && !bytes_check(tobj)) ||
      !long_check(tuple_item(retobj.get(), 1))) {
    errors::set_string(exc_TypeError, "encoding error handler must return (str, int) tuple");
    return -1;
  }

  Ref<> retstr;
  if (str_check(tobj)) {
    ssize inpos;
    ErrorMode strict;
    retstr = Ref<>::steal(multibytecodec_encode(codec, state, tobj, &inpos, strict, kEncFlush));
    if (!retstr) return -1;
  } else {
    retstr = Ref<>::borrow(tobj);
  }
  ssize retstrsize = bytes_size(retstr.get());
  if (retstrsize > 0) {
    if (require_encodebuffer(buf, retstrsize) < 0) return -1;
    std::memcpy(buf->outbuf, bytes_as_string(retstr.get()), static_cast<size_t>(retstrsize));
    buf->outbuf += retstrsize;
  }

  ssize newpos = long_as_ssize(tuple_item(retobj.get(), 1));
  if (newpos < 0 && !errors::occurred()) newpos += buf->inlen;
  if (newpos < 0 || newpos > buf->inlen) {
    errors::clear();
    errors::format(exc_IndexError, "position %zd from error handler out of bounds", newpos);
    return -1;
  }
  buf->inpos = newpos;
  return 0;
}

// multibytecodec_decerror: 0 to go on, -1 with an error set.
int multibytecodec_decerror(const MultibyteCodec* codec, DecodeBuffer* buf,
                            const ErrorMode& errors, ssize e) {
  const char* reason;
  ssize esize;
  if (e > 0) {
    reason = "illegal multibyte sequence";
    esize = e;
  } else {
    switch (e) {
      case kErrTooSmall:
        return 0;  // retry it
      case kErrTooFew:
        reason = "incomplete multibyte sequence";
        esize = buf->inbuf_end - buf->inbuf;
        break;
      case kErrInternal:
        errors::set_string(exc_RuntimeError, "internal codec error");
        return -1;
      case kErrException:
        return -1;
      default:
        errors::set_string(exc_RuntimeError, "unknown runtime error");
        return -1;
    }
  }

  if (errors.kind == ErrorMode::kReplace) {
    if (buf->writer.write_char(0xFFFD) < 0) return -1;
  }
  if (errors.kind == ErrorMode::kIgnore || errors.kind == ErrorMode::kReplace) {
    buf->inbuf += esize;
    return 0;
  }

  ssize start = buf->inbuf - buf->inbuf_top;
  ssize end = start + esize;
  if (!buf->excobj) {
    buf->excobj = make_decode_error(codec->encoding, buf->inbuf_top,
                                    buf->inbuf_end - buf->inbuf_top, start, end, reason);
    if (!buf->excobj) return -1;
  } else if (unicode_error_set_start(buf->excobj, 'd', start) != 0 ||
             unicode_error_set_end(buf->excobj, 'd', end) != 0 ||
             unicode_error_set_reason(buf->excobj, 'd', reason) != 0) {
    return -1;
  }

  if (errors.kind == ErrorMode::kStrict) {
    _codecs::strict_errors(buf->excobj);
    return -1;
  }

  Ref<> retobj = Ref<>::steal(call_error_callback(errors.name, buf->excobj));
  if (!retobj) return -1;
  Object* retuni = nullptr;
  if (!tuple_check(retobj.get()) || tuple_size(retobj.get()) != 2 ||
      !str_check(retuni = tuple_item(retobj.get(), 0)) ||
      !long_check(tuple_item(retobj.get(), 1))) {
    errors::set_string(exc_TypeError, "decoding error handler must return (str, int) tuple");
    return -1;
  }
  if (buf->writer.write_str(retuni) < 0) return -1;

  ssize newpos = long_as_ssize(tuple_item(retobj.get(), 1));
  if (newpos < 0 && !errors::occurred()) newpos += buf->inbuf_end - buf->inbuf_top;
  if (newpos < 0 || buf->inbuf_top + newpos > buf->inbuf_end) {
    errors::clear();
    errors::format(exc_IndexError, "position %zd from error handler out of bounds", newpos);
    return -1;
  }
  buf->inbuf = buf->inbuf_top + newpos;
  return 0;
}

// multibytecodec_encode: the bytes of text; *inpos_t (may be null) gets how far it went.
Object* multibytecodec_encode(const MultibyteCodec* codec, CodecState* state, Object* text,
                              ssize* inpos_t, const ErrorMode& errors, int flags) {
  ssize datalen = str_length(text);
  if (datalen == 0 && !(flags & kEncReset)) return bytes_from_string_and_size(nullptr, 0);

  EncodeBuffer buf;
  buf.inobj = text;
  buf.inpos = 0;
  buf.inlen = datalen;
  unsigned kind = str_kind(text);
  const void* data = str_data(text);
  if (datalen > (std::numeric_limits<ssize>::max() - 16) / 2) return errors::no_memory();

  buf.outobj = bytes_from_string_and_size(nullptr, datalen * 2 + 16);
  if (!buf.outobj) return nullptr;
  buf.outbuf = reinterpret_cast<unsigned char*>(bytes_as_string(buf.outobj));
  buf.outbuf_end = buf.outbuf + bytes_size(buf.outobj);

  auto fail = [&]() -> Object* {
    xdecref(buf.excobj);
    xdecref(buf.outobj);
    return nullptr;
  };

  while (buf.inpos < buf.inlen) {
    // The error callbacks can move the cursor anywhere: recompute outleft each time.
    ssize outleft = buf.outbuf_end - buf.outbuf;
    ssize r = codec->encode(state, codec->config, kind, data, &buf.inpos, buf.inlen,
                            &buf.outbuf, outleft, flags);
    if (r == 0 || (r == kErrTooFew && !(flags & kEncFlush))) break;
    if (multibytecodec_encerror(codec, state, &buf, errors, r)) return fail();
    if (r == kErrTooFew) break;
  }

  if (codec->encreset && (flags & kEncReset)) {
    for (;;) {
      ssize outleft = buf.outbuf_end - buf.outbuf;
      ssize r = codec->encreset(state, codec->config, &buf.outbuf, outleft);
      if (r == 0) break;
      if (multibytecodec_encerror(codec, state, &buf, errors, r)) return fail();
    }
  }

  ssize finalsize = reinterpret_cast<char*>(buf.outbuf) - bytes_as_string(buf.outobj);
  if (finalsize != bytes_size(buf.outobj) && bytes_resize(&buf.outobj, finalsize) < 0)
    return fail();
  if (inpos_t) *inpos_t = buf.inpos;
  xdecref(buf.excobj);
  return buf.outobj;
}

// _PyLong_AsByteArray(v, bytes, n, little_endian=1, is_signed=0, with_exceptions=1): 0 or -1.
int long_as_unsigned_bytes(Object* v, unsigned char* bytes, size_t n) {
  switch (bigint::to_bytes(long_view(v), bytes, n, true, false)) {
    case bigint::ToBytesStatus::kOk:
      return 0;
    case bigint::ToBytesStatus::kTooBig:
      errors::set_string(exc_OverflowError, "int too big to convert");
      return -1;
    case bigint::ToBytesStatus::kNegativeUnsigned:
      errors::set_string(exc_OverflowError, "can't convert negative int to unsigned");
      return -1;
  }
  return -1;
}

// make_tuple: (object, len), consuming object.
Object* make_tuple(Object* object, ssize len) {
  if (!object) return nullptr;
  Ref<> o = Ref<>::steal(object);
  Ref<> n = Ref<>::steal(long_from_ssize(len));
  if (!n) return nullptr;
  return tuple_pack(2, o.get(), n.get());
}

// An `errors: str(accept={str, NoneType}) = None` argument: 0 with *out set (null for None
// or absent), -1 with the clinic's TypeError.
int errors_arg(const char* fname, Object* arg, const char** out) {
  *out = nullptr;
  if (!arg || arg == none()) return 0;
  if (!str_check(arg)) {
    bad_argument(fname, "'errors'", "str or None", arg);
    return -1;
  }
  ssize size;
  const char* s = str_as_utf8(arg, &size);
  if (!s) return -1;
  if (std::strlen(s) != static_cast<size_t>(size)) {
    errors::set_string(exc_ValueError, "embedded null character");
    return -1;
  }
  *out = s;
  return 0;
}

// A Py_buffer argument: 0 or -1.
int buffer_arg(const char* fname, const char* displayname, Object* arg, BufferHolder* view) {
  if (view->get(arg, kBufSimple) < 0) return -1;
  if (!buffer_is_contiguous(&view->view(), 'C')) {
    bad_argument(fname, displayname, "contiguous buffer", arg);
    return -1;
  }
  return 0;
}

// ---- MultibyteCodec -------------------------------------------------------------------------

struct MultibyteCodecObject : Object {
  const MultibyteCodec* codec;
};

TypeObject multibytecodec_type{};

const char* const kEncodeKeywords[] = {"input", "errors", nullptr};

// _multibytecodec_MultibyteCodec_encode_impl.
Object* MultibyteCodec_encode(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const ArgParser parser{"encode", kEncodeKeywords, 1, 2, 0};
  Object* argv[2] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, argv) < 0) return nullptr;
  const char* errors_str;
  if (errors_arg("encode", argv[1], &errors_str) < 0) return nullptr;
  auto* self = static_cast<MultibyteCodecObject*>(op);

  Ref<> input;
  if (str_check(argv[0])) {
    input = Ref<>::borrow(argv[0]);
  } else {
    input = Ref<>::steal(object_str(argv[0]));
    if (!input) return nullptr;
    if (!str_check(input.get())) {
      errors::set_string(exc_TypeError, "couldn't convert the object to unicode.");
      return nullptr;
    }
  }
  ssize datalen = str_length(input.get());
  ErrorMode errorcb;
  if (internal_error_callback(errors_str, &errorcb) < 0) return nullptr;
  CodecState state{};
  Object* r = nullptr;
  if (!self->codec->encinit || self->codec->encinit(&state, self->codec->config) == 0)
    r = multibytecodec_encode(self->codec, &state, input.get(), nullptr, errorcb,
                              kEncFlush | kEncReset);
  error_mode_clear(&errorcb);
  return make_tuple(r, datalen);
}

// _multibytecodec_MultibyteCodec_decode_impl.
Object* MultibyteCodec_decode(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const ArgParser parser{"decode", kEncodeKeywords, 1, 2, 0};
  Object* argv[2] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, argv) < 0) return nullptr;
  BufferHolder input;
  if (buffer_arg("decode", "'input'", argv[0], &input) < 0) return nullptr;
  const char* errors_str;
  if (errors_arg("decode", argv[1], &errors_str) < 0) return nullptr;
  auto* self = static_cast<MultibyteCodecObject*>(op);
  const unsigned char* data = static_cast<const unsigned char*>(input.view().buf);
  ssize datalen = input.view().len;

  ErrorMode errorcb;
  if (internal_error_callback(errors_str, &errorcb) < 0) return nullptr;
  if (datalen == 0) {
    error_mode_clear(&errorcb);
    return make_tuple(new_ref(str_empty()), 0);
  }

  DecodeBuffer buf;
  buf.inbuf = buf.inbuf_top = data;
  buf.inbuf_end = data + datalen;
  CodecState state{};
  Object* res = nullptr;
  if (!self->codec->decinit || self->codec->decinit(&state, self->codec->config) == 0) {
    bool failed = false;
    while (buf.inbuf < buf.inbuf_end) {
      ssize inleft = buf.inbuf_end - buf.inbuf;
      ssize r = self->codec->decode(&state, self->codec->config, &buf.inbuf, inleft,
                                    &buf.writer);
      if (r == 0) break;
      if (multibytecodec_decerror(self->codec, &buf, errorcb, r)) {
        failed = true;
        break;
      }
    }
    if (!failed) res = buf.writer.finish();
  }
  error_mode_clear(&errorcb);
  return make_tuple(res, datalen);
}

MethodDef multibytecodec_methods[] = {
    {"encode", reinterpret_cast<void*>(MultibyteCodec_encode), kMethFastcall | kMethKeywords,
     "encode($self, /, input, errors=None)\n--\n\n"
     "Return an encoded string version of 'input'.\n\n"
     "'errors' may be given to set a different error handling scheme. Default is\n"
     "'strict' meaning that encoding errors raise a UnicodeEncodeError. Other possible\n"
     "values are 'ignore', 'replace' and 'xmlcharrefreplace' as well as any other name\n"
     "registered with codecs.register_error that can handle UnicodeEncodeErrors."},
    {"decode", reinterpret_cast<void*>(MultibyteCodec_decode), kMethFastcall | kMethKeywords,
     "decode($self, /, input, errors=None)\n--\n\n"
     "Decodes 'input'.\n\n"
     "'errors' may be given to set a different error handling scheme. Default is\n"
     "'strict' meaning that encoding errors raise a UnicodeDecodeError. Other possible\n"
     "values are 'ignore' and 'replace' as well as any other name registered with\n"
     "codecs.register_error that is able to handle UnicodeDecodeErrors.\""},
    {nullptr, nullptr, 0, nullptr}};

void multibytecodec_dealloc(Object* self) {
  gc::untrack(self);
  self->type->free(self);
}

int multibytecodec_traverse(Object*, visitproc, void*) { return 0; }

// ---- the stateful objects -------------------------------------------------------------------

// _MultibyteStatefulCodec_HEAD.
struct StatefulCodecContext : Object {
  const MultibyteCodec* codec;
  CodecState state;
  ErrorMode errors;
};
// _MultibyteStatefulEncoder_HEAD: the incremental encoder and the stream writer.
struct StatefulEncoderContext : StatefulCodecContext {
  Object* pending;
  Object* stream;  // the stream writer's stream (null for the encoder)
};
// _MultibyteStatefulDecoder_HEAD: the incremental decoder and the stream reader.
struct StatefulDecoderContext : StatefulCodecContext {
  unsigned char pending[kMaxDecPending];
  ssize pendingsize;
  Object* stream;  // the stream reader's stream (null for the decoder)
};

TypeObject encoder_type{};
TypeObject decoder_type{};
TypeObject reader_type{};
TypeObject writer_type{};

// codecctx_errors_get.
Object* codecctx_errors_get(Object* op, void*) {
  auto* self = static_cast<StatefulCodecContext*>(op);
  switch (self->errors.kind) {
    case ErrorMode::kStrict:
      return str_from_cstr("strict");
    case ErrorMode::kIgnore:
      return str_from_cstr("ignore");
    case ErrorMode::kReplace:
      return str_from_cstr("replace");
    default:
      return new_ref(self->errors.name);
  }
}

// codecctx_errors_set.
int codecctx_errors_set(Object* op, Object* value, void*) {
  auto* self = static_cast<StatefulCodecContext*>(op);
  if (!value) {
    errors::set_string(exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  if (!str_check(value)) {
    errors::set_string(exc_TypeError, "errors must be a string");
    return -1;
  }
  const char* str = str_as_utf8(value);
  if (!str) return -1;
  ErrorMode cb;
  if (internal_error_callback(str, &cb) < 0) return -1;
  error_mode_clear(&self->errors);
  self->errors = cb;
  return 0;
}

GetSetDef codecctx_getsets[] = {
    {"errors", codecctx_errors_get, codecctx_errors_set, "how to treat errors", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// encoder_encode_stateful.
Object* encoder_encode_stateful(StatefulEncoderContext* ctx, Object* unistr, bool final) {
  Ref<> ucvt;
  if (!str_check(unistr)) {
    ucvt = Ref<>::steal(object_str(unistr));
    if (!ucvt) return nullptr;
    if (!str_check(ucvt.get())) {
      errors::set_string(exc_TypeError, "couldn't convert the object to str.");
      return nullptr;
    }
    unistr = ucvt.get();
  }

  Ref<> origpending;
  Ref<> inbuf;
  if (ctx->pending) {
    origpending = Ref<>::borrow(ctx->pending);
    Object* tmp = new_ref(ctx->pending);
    str_append(&tmp, unistr);
    if (!tmp) return nullptr;
    clear(ctx->pending);
    inbuf = Ref<>::steal(tmp);
  } else {
    inbuf = Ref<>::borrow(unistr);
  }
  ssize inpos = 0;
  ssize datalen = str_length(inbuf.get());

  Ref<> r = Ref<>::steal(multibytecodec_encode(ctx->codec, &ctx->state, inbuf.get(), &inpos,
                                               ctx->errors, final ? kEncFlush | kEncReset : 0));
  if (!r) {
    // Recover the original pending buffer.
    xsetref(ctx->pending, origpending.release());
    return nullptr;
  }

  if (inpos < datalen) {
    if (datalen - inpos > kMaxEncPending) {
      // Normal codecs cannot get here.
      raise_consumed(exc_UnicodeEncodeError,
                     make_encode_error(ctx->codec->encoding, inbuf.get(), inpos, datalen,
                                       "pending buffer overflow"));
      return nullptr;
    }
    ctx->pending = str_substring(inbuf.get(), inpos, datalen);
    if (!ctx->pending) return nullptr;
  }
  return r.release();
}

// decoder_append_pending.
int decoder_append_pending(StatefulDecoderContext* ctx, DecodeBuffer* buf) {
  ssize npendings = buf->inbuf_end - buf->inbuf;
  if (npendings + ctx->pendingsize > kMaxDecPending) {
    ssize bufsize = buf->inbuf_end - buf->inbuf_top;
    raise_consumed(exc_UnicodeDecodeError,
                   make_decode_error(ctx->codec->encoding, buf->inbuf_top, bufsize, 0, bufsize,
                                     "pending buffer overflow"));
    return -1;
  }
  std::memcpy(ctx->pending + ctx->pendingsize, buf->inbuf, static_cast<size_t>(npendings));
  ctx->pendingsize += npendings;
  return 0;
}

// decoder_prepare_buffer.
void decoder_prepare_buffer(DecodeBuffer* buf, const unsigned char* data, ssize size) {
  buf->inbuf = buf->inbuf_top = data;
  buf->inbuf_end = data + size;
}

// decoder_feed_buffer.
int decoder_feed_buffer(StatefulDecoderContext* ctx, DecodeBuffer* buf) {
  while (buf->inbuf < buf->inbuf_end) {
    ssize inleft = buf->inbuf_end - buf->inbuf;
    ssize r = ctx->codec->decode(&ctx->state, ctx->codec->config, &buf->inbuf, inleft,
                                 &buf->writer);
    if (r == 0 || r == kErrTooFew) break;
    if (multibytecodec_decerror(ctx->codec, buf, ctx->errors, r)) return -1;
  }
  return 0;
}

// The codec of a subclass: type.codec, which must be a MultibyteCodec object.
const MultibyteCodec* codec_of_type(TypeObject* type) {
  Ref<> codec = Ref<>::steal(object_getattr_string(type, "codec"));
  if (!codec) return nullptr;
  if (!type_check(codec.get(), &multibytecodec_type)) {
    errors::set_string(exc_TypeError, "codec is unexpected type");
    return nullptr;
  }
  return static_cast<MultibyteCodecObject*>(codec.get())->codec;
}

// The `|s:NAME` parse of the constructors' errors argument (PyArg_ParseTupleAndKeywords with
// "errors" as the keyword, after the stream for the stream classes): 0 or -1.
int parse_new_args(const char* fname, bool with_stream, Object* args, Object* kwargs,
                   Object** stream, const char** errors_str) {
  static const char* const kInc[] = {"errors", nullptr};
  static const char* const kStream[] = {"stream", "errors", nullptr};
  const char* const* kw = with_stream ? kStream : kInc;
  int nparams = with_stream ? 2 : 1;
  ssize nargs = tuple_size(args);
  ssize nkw = kwargs ? dict_size(kwargs) : 0;
  if (nargs + nkw > nparams) {
    errors::format(exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname,
                   nparams, nparams == 1 ? "" : "s", nargs + nkw);
    return -1;
  }
  Object* argv[2] = {};
  for (ssize i = 0; i < nargs; i++) argv[i] = tuple_item(args, i);
  if (kwargs) {
    for (int i = 0; i < nparams; i++) {
      Object* v = dict_get_item_string(kwargs, kw[i]);
      if (!v) continue;
      if (i < nargs) {
        errors::format(exc_TypeError,
                       "argument for %s() given by name ('%s') and position (%d)", fname,
                       kw[i], i + 1);
        return -1;
      }
      argv[i] = v;
      nkw--;
    }
    if (nkw > 0) {
      // An unknown keyword: name the first one.
      Object* key;
      Object* value;
      ssize pos = 0;
      while (dict_next(kwargs, &pos, &key, &value)) {
        bool known = false;
        for (int i = 0; i < nparams; i++) known = known || (str_check(key) && str_equal_cstr(key, kw[i]));
        if (!known) {
          if (!str_check(key)) {
            errors::set_string(exc_TypeError, "keywords must be strings");
          } else {
            errors::format(exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                           fname, key);
          }
          return -1;
        }
      }
    }
  }
  if (with_stream) {
    if (!argv[0]) {
      errors::format(exc_TypeError, "%s() missing required argument 'stream' (pos 1)", fname);
      return -1;
    }
    *stream = argv[0];
  }
  Object* e = argv[with_stream ? 1 : 0];
  *errors_str = nullptr;
  if (e) {
    if (!str_check(e)) {
      // getargs' converterr names None itself rather than its type.
      errors::format(exc_TypeError, "%s() argument %d must be str, not %s", fname,
                     with_stream ? 2 : 1, e == none() ? "None" : e->type->name);
      return -1;
    }
    ssize size;
    *errors_str = str_as_utf8(e, &size);
    if (!*errors_str) return -1;
    if (std::strlen(*errors_str) != static_cast<size_t>(size)) {
      errors::set_string(exc_ValueError, "embedded null character");
      return -1;
    }
  }
  return 0;
}

// ---- MultibyteIncrementalEncoder ---------------------------------------------------------

const char* const kIncEncodeKeywords[] = {"input", "final", nullptr};

Object* mbiencoder_encode(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const ArgParser parser{"encode", kIncEncodeKeywords, 1, 2, 0};
  Object* argv[2] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, argv) < 0) return nullptr;
  int final = 0;
  if (argv[1]) {
    final = object_is_true(argv[1]);
    if (final < 0) return nullptr;
  }
  return encoder_encode_stateful(static_cast<StatefulEncoderContext*>(op), argv[0], final);
}

// _multibytecodec_MultibyteIncrementalEncoder_getstate_impl: the pending text (UTF-8, its
// size first) and the codec state, as one little-endian int.
Object* mbiencoder_getstate(Object* op, Object*) {
  auto* self = static_cast<StatefulEncoderContext*>(op);
  unsigned char statebytes[1 + kMaxEncPending * 4 + sizeof(self->state.c)];
  ssize statesize;
  if (self->pending) {
    ssize pendingsize;
    const char* pendingbuffer = str_as_utf8(self->pending, &pendingsize);
    if (!pendingbuffer) return nullptr;
    if (pendingsize > kMaxEncPending * 4) {
      raise_consumed(exc_UnicodeEncodeError,
                     make_encode_error(self->codec->encoding, self->pending, 0,
                                       str_length(self->pending), "pending buffer too large"));
      return nullptr;
    }
    statebytes[0] = static_cast<unsigned char>(pendingsize);
    std::memcpy(statebytes + 1, pendingbuffer, static_cast<size_t>(pendingsize));
    statesize = 1 + pendingsize;
  } else {
    statebytes[0] = 0;
    statesize = 1;
  }
  std::memcpy(statebytes + statesize, self->state.c, sizeof(self->state.c));
  statesize += sizeof(self->state.c);
  return long_from_byte_array(statebytes, static_cast<size_t>(statesize), true, false);
}

// _multibytecodec_MultibyteIncrementalEncoder_setstate_impl.
Object* mbiencoder_setstate(Object* op, Object* statelong) {
  auto* self = static_cast<StatefulEncoderContext*>(op);
  if (!long_check(statelong)) {
    errors::format(exc_TypeError, "setstate() argument must be int, not %T", statelong);
    return nullptr;
  }
  unsigned char statebytes[1 + kMaxEncPending * 4 + sizeof(self->state.c)];
  if (long_as_unsigned_bytes(statelong, statebytes, sizeof(statebytes)) < 0)
    return nullptr;
  if (statebytes[0] > kMaxEncPending * 4) {
    errors::set_string(exc_UnicodeError, "pending buffer too large");
    return nullptr;
  }
  Object* pending = str_decode_utf8(reinterpret_cast<const char*>(statebytes) + 1,
                                    statebytes[0], "strict");
  if (!pending) return nullptr;
  xsetref(self->pending, pending);
  std::memcpy(self->state.c, statebytes + 1 + statebytes[0], sizeof(self->state.c));
  return return_none();
}

// _multibytecodec_MultibyteIncrementalEncoder_reset_impl.
Object* mbiencoder_reset(Object* op, Object*) {
  auto* self = static_cast<StatefulEncoderContext*>(op);
  // The longest output is 4 bytes (b'\x0F\x1B(B' with ISO 2022).
  unsigned char buffer[4];
  if (self->codec->encreset) {
    unsigned char* outbuf = buffer;
    if (self->codec->encreset(&self->state, self->codec->config, &outbuf, sizeof(buffer)) != 0)
      return nullptr;
  }
  clear(self->pending);
  return return_none();
}

MethodDef mbiencoder_methods[] = {
    {"encode", reinterpret_cast<void*>(mbiencoder_encode), kMethFastcall | kMethKeywords,
     "encode($self, /, input, final=False)\n--\n\n"},
    {"getstate", reinterpret_cast<void*>(mbiencoder_getstate), kMethNoArgs,
     "getstate($self, /)\n--\n\n"},
    {"setstate", reinterpret_cast<void*>(mbiencoder_setstate), kMethO,
     "setstate($self, state, /)\n--\n\n"},
    {"reset", reinterpret_cast<void*>(mbiencoder_reset), kMethNoArgs, "reset($self, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

// mbiencoder_new, and mbstreamwriter_new with a stream.
Object* encoder_new(TypeObject* type, Object* args, Object* kwargs, bool stream_writer) {
  Object* stream = nullptr;
  const char* errors_str = nullptr;
  if (parse_new_args(stream_writer ? "StreamWriter" : "IncrementalEncoder", stream_writer,
                     args, kwargs, &stream, &errors_str) < 0)
    return nullptr;
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<StatefulEncoderContext*>(obj.get());
  self->codec = codec_of_type(type);
  if (!self->codec) return nullptr;
  self->stream = xnew_ref(stream);
  self->pending = nullptr;
  if (internal_error_callback(errors_str, &self->errors) < 0) return nullptr;
  if (self->codec->encinit && self->codec->encinit(&self->state, self->codec->config) != 0)
    return nullptr;
  return obj.release();
}

Object* mbiencoder_new(TypeObject* type, Object* args, Object* kwargs) {
  return encoder_new(type, args, kwargs, false);
}

int ctx_init(Object*, Object*, Object*) { return 0; }

int encoder_traverse(Object* op, visitproc visit, void* arg) {
  auto* self = static_cast<StatefulEncoderContext*>(op);
  if (self->errors.kind == ErrorMode::kCustom && self->errors.name) {
    if (int r = visit(self->errors.name, arg)) return r;
  }
  if (self->stream) {
    if (int r = visit(self->stream, arg)) return r;
  }
  return 0;
}

void encoder_dealloc(Object* op) {
  auto* self = static_cast<StatefulEncoderContext*>(op);
  gc::untrack(op);
  error_mode_clear(&self->errors);
  clear(self->pending);
  clear(self->stream);
  op->type->free(op);
}

// ---- MultibyteIncrementalDecoder ---------------------------------------------------------

Object* mbidecoder_decode(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const ArgParser parser{"decode", kIncEncodeKeywords, 1, 2, 0};
  Object* argv[2] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, argv) < 0) return nullptr;
  BufferHolder input;
  if (buffer_arg("decode", "'input'", argv[0], &input) < 0) return nullptr;
  int final = 0;
  if (argv[1]) {
    final = object_is_true(argv[1]);
    if (final < 0) return nullptr;
  }
  auto* self = static_cast<StatefulDecoderContext*>(op);
  const unsigned char* data = static_cast<const unsigned char*>(input.view().buf);
  ssize size = input.view().len;

  DecodeBuffer buf;
  ssize origpending = self->pendingsize;
  std::string joined;  // the pending bytes followed by the input, when there are some
  const unsigned char* wdata = data;
  ssize wsize = size;
  if (self->pendingsize != 0) {
    joined.assign(reinterpret_cast<const char*>(self->pending),
                  static_cast<size_t>(self->pendingsize));
    joined.append(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
    wdata = reinterpret_cast<const unsigned char*>(joined.data());
    wsize = static_cast<ssize>(joined.size());
    self->pendingsize = 0;
  }
  decoder_prepare_buffer(&buf, wdata, wsize);
  if (decoder_feed_buffer(self, &buf)) return nullptr;

  if (final && buf.inbuf < buf.inbuf_end) {
    if (multibytecodec_decerror(self->codec, &buf, self->errors, kErrTooFew)) {
      // Recover the original pending buffer.
      std::memcpy(self->pending, wdata, static_cast<size_t>(origpending));
      self->pendingsize = origpending;
      return nullptr;
    }
  }
  if (buf.inbuf < buf.inbuf_end) {  // a pending sequence remains
    if (decoder_append_pending(self, &buf) != 0) return nullptr;
  }
  return buf.writer.finish();
}

// _multibytecodec_MultibyteIncrementalDecoder_getstate_impl: (pending bytes, state int).
Object* mbidecoder_getstate(Object* op, Object*) {
  auto* self = static_cast<StatefulDecoderContext*>(op);
  Ref<> buffer = Ref<>::steal(bytes_from_string_and_size(
      reinterpret_cast<const char*>(self->pending), self->pendingsize));
  if (!buffer) return nullptr;
  Ref<> statelong =
      Ref<>::steal(long_from_byte_array(self->state.c, sizeof(self->state.c), true, false));
  if (!statelong) return nullptr;
  return tuple_pack(2, buffer.get(), statelong.get());
}

// _multibytecodec_MultibyteIncrementalDecoder_setstate_impl.
Object* mbidecoder_setstate(Object* op, Object* state) {
  auto* self = static_cast<StatefulDecoderContext*>(op);
  if (!tuple_check(state)) {
    errors::format(exc_TypeError, "setstate() argument must be tuple, not %T", state);
    return nullptr;
  }
  // PyArg_ParseTuple(state, "SO!;setstate(): illegal state argument", ...).
  if (tuple_size(state) != 2 || !bytes_check(tuple_item(state, 0)) ||
      !long_check(tuple_item(state, 1))) {
    errors::set_string(exc_TypeError, "setstate(): illegal state argument");
    return nullptr;
  }
  Object* buffer = tuple_item(state, 0);
  unsigned char statebytes[8];
  if (long_as_unsigned_bytes(tuple_item(state, 1), statebytes, sizeof(statebytes)) < 0)
    return nullptr;
  ssize buffersize = bytes_size(buffer);
  if (buffersize > kMaxDecPending) {
    raise_consumed(exc_UnicodeDecodeError,
                   make_decode_error(self->codec->encoding,
                                     reinterpret_cast<const unsigned char*>(
                                         bytes_as_string(buffer)),
                                     buffersize, 0, buffersize, "pending buffer too large"));
    return nullptr;
  }
  self->pendingsize = buffersize;
  std::memcpy(self->pending, bytes_as_string(buffer), static_cast<size_t>(buffersize));
  std::memcpy(self->state.c, statebytes, sizeof(statebytes));
  return return_none();
}

// _multibytecodec_MultibyteIncrementalDecoder_reset_impl (also the stream reader's reset).
Object* mbidecoder_reset(Object* op, Object*) {
  auto* self = static_cast<StatefulDecoderContext*>(op);
  if (self->codec->decreset && self->codec->decreset(&self->state, self->codec->config) != 0)
    return nullptr;
  self->pendingsize = 0;
  return return_none();
}

MethodDef mbidecoder_methods[] = {
    {"decode", reinterpret_cast<void*>(mbidecoder_decode), kMethFastcall | kMethKeywords,
     "decode($self, /, input, final=False)\n--\n\n"},
    {"getstate", reinterpret_cast<void*>(mbidecoder_getstate), kMethNoArgs,
     "getstate($self, /)\n--\n\n"},
    {"setstate", reinterpret_cast<void*>(mbidecoder_setstate), kMethO,
     "setstate($self, state, /)\n--\n\n"},
    {"reset", reinterpret_cast<void*>(mbidecoder_reset), kMethNoArgs, "reset($self, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

// mbidecoder_new, and mbstreamreader_new with a stream.
Object* decoder_new(TypeObject* type, Object* args, Object* kwargs, bool stream_reader) {
  Object* stream = nullptr;
  const char* errors_str = nullptr;
  if (parse_new_args(stream_reader ? "StreamReader" : "IncrementalDecoder", stream_reader,
                     args, kwargs, &stream, &errors_str) < 0)
    return nullptr;
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<StatefulDecoderContext*>(obj.get());
  self->codec = codec_of_type(type);
  if (!self->codec) return nullptr;
  self->stream = xnew_ref(stream);
  self->pendingsize = 0;
  if (internal_error_callback(errors_str, &self->errors) < 0) return nullptr;
  if (self->codec->decinit && self->codec->decinit(&self->state, self->codec->config) != 0)
    return nullptr;
  return obj.release();
}

Object* mbidecoder_new(TypeObject* type, Object* args, Object* kwargs) {
  return decoder_new(type, args, kwargs, false);
}

int decoder_traverse(Object* op, visitproc visit, void* arg) {
  auto* self = static_cast<StatefulDecoderContext*>(op);
  if (self->errors.kind == ErrorMode::kCustom && self->errors.name) {
    if (int r = visit(self->errors.name, arg)) return r;
  }
  if (self->stream) {
    if (int r = visit(self->stream, arg)) return r;
  }
  return 0;
}

void decoder_dealloc(Object* op) {
  auto* self = static_cast<StatefulDecoderContext*>(op);
  gc::untrack(op);
  error_mode_clear(&self->errors);
  clear(self->stream);
  op->type->free(op);
}

// ---- MultibyteStreamReader ----------------------------------------------------------------

// mbstreamreader_iread.
Object* mbstreamreader_iread(StatefulDecoderContext* self, const char* method, ssize sizehint) {
  if (sizehint == 0) return new_ref(str_empty());
  DecodeBuffer buf;
  for (;;) {
    Ref<> cres;
    if (sizehint < 0) {
      Ref<> name = Ref<>::steal(str_from_cstr(method));
      if (!name) return nullptr;
      cres = Ref<>::steal(call_method_no_args(self->stream, name.get()));
    } else {
      Ref<> name = Ref<>::steal(str_from_cstr(method));
      Ref<> n = Ref<>::steal(long_from_ssize(static_cast<int>(sizehint)));
      if (!name || !n) return nullptr;
      cres = Ref<>::steal(call_method_one_arg(self->stream, name.get(), n.get()));
    }
    if (!cres) return nullptr;
    if (!bytes_check(cres.get())) {
      return errors::format(exc_TypeError, "stream function returned a non-bytes object (%.100s)",
                            cres->type->name);
    }
    bool endoffile = bytes_size(cres.get()) == 0;
    if (self->pendingsize > 0) {
      ssize rsize = bytes_size(cres.get()) + self->pendingsize;
      Object* ctr = bytes_from_string_and_size(nullptr, rsize);
      if (!ctr) return nullptr;
      std::memcpy(bytes_as_string(ctr), self->pending, static_cast<size_t>(self->pendingsize));
      std::memcpy(bytes_as_string(ctr) + self->pendingsize, bytes_as_string(cres.get()),
                  static_cast<size_t>(bytes_size(cres.get())));
      cres.reset(ctr);
      self->pendingsize = 0;
    }
    ssize rsize = bytes_size(cres.get());
    decoder_prepare_buffer(&buf, reinterpret_cast<const unsigned char*>(bytes_as_string(cres.get())),
                           rsize);
    if (rsize > 0 && decoder_feed_buffer(self, &buf)) return nullptr;
    if (endoffile || sizehint < 0) {
      if (buf.inbuf < buf.inbuf_end &&
          multibytecodec_decerror(self->codec, &buf, self->errors, kErrTooFew))
        return nullptr;
    }
    if (buf.inbuf < buf.inbuf_end) {  // a pending sequence remains
      if (decoder_append_pending(self, &buf) != 0) return nullptr;
    }
    // The exception object refers to this chunk: the next one makes its own.
    clear(buf.excobj);
    if (sizehint < 0 || buf.writer.length() != 0 || rsize == 0) break;
    sizehint = 1;  // read 1 more byte and retry
  }
  return buf.writer.finish();
}

// The `sizeobj: object = None` argument of read/readline/readlines: 0 or -1.
int size_arg(const char* fname, Object* const* args, ssize nargs, ssize* size) {
  if (!check_positional(fname, nargs, 0, 1)) return -1;
  Object* sizeobj = nargs > 0 ? args[0] : none();
  if (sizeobj == none()) {
    *size = -1;
  } else if (long_check(sizeobj)) {
    *size = long_as_ssize(sizeobj);
  } else {
    errors::set_string(exc_TypeError, "arg 1 must be an integer");
    return -1;
  }
  if (*size == -1 && errors::occurred()) return -1;
  return 0;
}

Object* mbstreamreader_read(Object* op, Object* const* args, ssize nargs) {
  ssize size;
  if (size_arg("read", args, nargs, &size) < 0) return nullptr;
  return mbstreamreader_iread(static_cast<StatefulDecoderContext*>(op), "read", size);
}

Object* mbstreamreader_readline(Object* op, Object* const* args, ssize nargs) {
  ssize size;
  if (size_arg("readline", args, nargs, &size) < 0) return nullptr;
  return mbstreamreader_iread(static_cast<StatefulDecoderContext*>(op), "readline", size);
}

Object* mbstreamreader_readlines(Object* op, Object* const* args, ssize nargs) {
  ssize sizehint;
  if (size_arg("readlines", args, nargs, &sizehint) < 0) return nullptr;
  Ref<> r = Ref<>::steal(
      mbstreamreader_iread(static_cast<StatefulDecoderContext*>(op), "read", sizehint));
  if (!r) return nullptr;
  Ref<> name = Ref<>::steal(str_from_cstr("splitlines"));
  if (!name) return nullptr;
  return call_method_one_arg(r.get(), name.get(), py_true());
}

MethodDef mbstreamreader_methods[] = {
    {"read", reinterpret_cast<void*>(mbstreamreader_read), kMethFastcall,
     "read($self, sizeobj=None, /)\n--\n\n"},
    {"readline", reinterpret_cast<void*>(mbstreamreader_readline), kMethFastcall,
     "readline($self, sizeobj=None, /)\n--\n\n"},
    {"readlines", reinterpret_cast<void*>(mbstreamreader_readlines), kMethFastcall,
     "readlines($self, sizehintobj=None, /)\n--\n\n"},
    {"reset", reinterpret_cast<void*>(mbidecoder_reset), kMethNoArgs, "reset($self, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

MemberDef mbstreamreader_members[] = {
    {"stream", kMemberObject, offsetof(StatefulDecoderContext, stream), kMemberReadonly,
     nullptr},
    {nullptr, 0, 0, 0, nullptr}};

Object* mbstreamreader_new(TypeObject* type, Object* args, Object* kwargs) {
  return decoder_new(type, args, kwargs, true);
}

// ---- MultibyteStreamWriter ----------------------------------------------------------------

// mbstreamwriter_iwrite.
int mbstreamwriter_iwrite(StatefulEncoderContext* self, Object* unistr) {
  Ref<> str = Ref<>::steal(encoder_encode_stateful(self, unistr, false));
  if (!str) return -1;
  Ref<> name = Ref<>::steal(str_from_cstr("write"));
  if (!name) return -1;
  Ref<> wr = Ref<>::steal(call_method_one_arg(self->stream, name.get(), str.get()));
  return wr ? 0 : -1;
}

Object* mbstreamwriter_write(Object* op, Object* strobj) {
  if (mbstreamwriter_iwrite(static_cast<StatefulEncoderContext*>(op), strobj)) return nullptr;
  return return_none();
}

Object* mbstreamwriter_writelines(Object* op, Object* lines) {
  if (!sequence_check(lines)) {
    errors::set_string(exc_TypeError, "arg must be a sequence object");
    return nullptr;
  }
  for (ssize i = 0; i < sequence_size(lines); i++) {
    // The length can change within the loop.
    Ref<> strobj = Ref<>::steal(sequence_get_item(lines, i));
    if (!strobj) return nullptr;
    if (mbstreamwriter_iwrite(static_cast<StatefulEncoderContext*>(op), strobj.get()) == -1)
      return nullptr;
  }
  // sequence_size can fail.
  if (errors::occurred()) return nullptr;
  return return_none();
}

// _multibytecodec_MultibyteStreamWriter_reset_impl.
Object* mbstreamwriter_reset(Object* op, Object*) {
  auto* self = static_cast<StatefulEncoderContext*>(op);
  if (!self->pending) return return_none();
  Ref<> pwrt = Ref<>::steal(multibytecodec_encode(self->codec, &self->state, self->pending,
                                                  nullptr, self->errors,
                                                  kEncFlush | kEncReset));
  // Some pending text can be lost when the encoding fails in strict mode, but reset is meant
  // to drop the pending buffer and the state anyway.
  clear(self->pending);
  if (!pwrt) return nullptr;
  if (bytes_size(pwrt.get()) > 0) {
    Ref<> name = Ref<>::steal(str_from_cstr("write"));
    if (!name) return nullptr;
    Ref<> wr = Ref<>::steal(call_method_one_arg(self->stream, name.get(), pwrt.get()));
    if (!wr) return nullptr;
  }
  return return_none();
}

MethodDef mbstreamwriter_methods[] = {
    {"write", reinterpret_cast<void*>(mbstreamwriter_write), kMethO,
     "write($self, strobj, /)\n--\n\n"},
    {"writelines", reinterpret_cast<void*>(mbstreamwriter_writelines), kMethO,
     "writelines($self, lines, /)\n--\n\n"},
    {"reset", reinterpret_cast<void*>(mbstreamwriter_reset), kMethNoArgs,
     "reset($self, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

MemberDef mbstreamwriter_members[] = {
    {"stream", kMemberObject, offsetof(StatefulEncoderContext, stream), kMemberReadonly,
     nullptr},
    {nullptr, 0, 0, 0, nullptr}};

Object* mbstreamwriter_new(TypeObject* type, Object* args, Object* kwargs) {
  return encoder_new(type, args, kwargs, true);
}

// ---- the module -------------------------------------------------------------------------------

int ready_types() {
  if (multibytecodec_type.name) return 0;
  constexpr unsigned long kBase = kTpflagsHaveGc | kTpflagsImmutabletype;
  {
    TypeObject t = static_type("_multibytecodec.MultibyteCodec", sizeof(MultibyteCodecObject),
                               0, kBase | kTpflagsDisallowInstantiation);
    t.dealloc = multibytecodec_dealloc;
    t.traverse = multibytecodec_traverse;
    t.methods = multibytecodec_methods;
    t.getattro = object_generic_getattr;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    multibytecodec_type = t;
  }
  {
    TypeObject t = static_type("_multibytecodec.MultibyteIncrementalEncoder",
                               sizeof(StatefulEncoderContext), 0, kBase | kTpflagsBasetype);
    t.dealloc = encoder_dealloc;
    t.traverse = encoder_traverse;
    t.methods = mbiencoder_methods;
    t.getset = codecctx_getsets;
    t.getattro = object_generic_getattr;
    t.init = ctx_init;
    t.new_ = mbiencoder_new;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    encoder_type = t;
  }
  {
    TypeObject t = static_type("_multibytecodec.MultibyteIncrementalDecoder",
                               sizeof(StatefulDecoderContext), 0, kBase | kTpflagsBasetype);
    t.dealloc = decoder_dealloc;
    t.traverse = decoder_traverse;
    t.methods = mbidecoder_methods;
    t.getset = codecctx_getsets;
    t.getattro = object_generic_getattr;
    t.init = ctx_init;
    t.new_ = mbidecoder_new;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    decoder_type = t;
  }
  {
    TypeObject t = static_type("_multibytecodec.MultibyteStreamReader",
                               sizeof(StatefulDecoderContext), 0, kBase | kTpflagsBasetype);
    t.dealloc = decoder_dealloc;
    t.traverse = decoder_traverse;
    t.methods = mbstreamreader_methods;
    t.members = mbstreamreader_members;
    t.getset = codecctx_getsets;
    t.getattro = object_generic_getattr;
    t.init = ctx_init;
    t.new_ = mbstreamreader_new;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    reader_type = t;
  }
  {
    TypeObject t = static_type("_multibytecodec.MultibyteStreamWriter",
                               sizeof(StatefulEncoderContext), 0, kBase | kTpflagsBasetype);
    t.dealloc = encoder_dealloc;
    t.traverse = encoder_traverse;
    t.methods = mbstreamwriter_methods;
    t.members = mbstreamwriter_members;
    t.getset = codecctx_getsets;
    t.getattro = object_generic_getattr;
    t.init = ctx_init;
    t.new_ = mbstreamwriter_new;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    writer_type = t;
  }
  // The incremental and stream types' specs list Py_tp_getattro (objects/spec_types.h).
  for (TypeObject* t : {&encoder_type, &decoder_type, &reader_type, &writer_type})
    type_mark_spec_slots(t);
  if (type_ready(&multibytecodec_type) < 0 || type_ready(&encoder_type) < 0 ||
      type_ready(&decoder_type) < 0 || type_ready(&reader_type) < 0 ||
      type_ready(&writer_type) < 0)
    return -1;
  return 0;
}

// A MultibyteCodec object for codec (the body of __create_codec).
Object* create_codec(const MultibyteCodec* codec) {
  if (ready_types() < 0) return nullptr;
  if (codec->codecinit && codec->codecinit(codec->config) != 0) return nullptr;
  Object* self = type_generic_alloc(&multibytecodec_type, 0);
  if (!self) return nullptr;
  static_cast<MultibyteCodecObject*>(self)->codec = codec;
  return self;
}

// _multibytecodec.__create_codec.
Object* mb_create_codec(Object*, Object* arg) {
  if (!capsule_is_valid(arg, kCodecCapsule)) {
    errors::set_string(exc_ValueError, "argument type invalid");
    return nullptr;
  }
  auto* codec = static_cast<const MultibyteCodec*>(capsule_get_pointer(arg, kCodecCapsule));
  return create_codec(codec);
}

MethodDef mb_methods[] = {
    {"__create_codec", reinterpret_cast<void*>(mb_create_codec), kMethO,
     "__create_codec($module, arg, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

int mb_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (module_add_object_ref(m, "MultibyteIncrementalEncoder", &encoder_type) < 0 ||
      module_add_object_ref(m, "MultibyteIncrementalDecoder", &decoder_type) < 0 ||
      module_add_object_ref(m, "MultibyteStreamReader", &reader_type) < 0 ||
      module_add_object_ref(m, "MultibyteStreamWriter", &writer_type) < 0)
    return -1;
  return 0;
}

ModuleDef mb_def = {"_multibytecodec", nullptr, mb_methods, mb_exec};

}  // namespace

// getcodec (cjkcodecs.h): CPython imports _multibytecodec and calls its __create_codec with
// a capsule; the module is imported here too, so that a failing import fails alike.
Object* getcodec(const MultibyteCodec* codecs, Object* encoding) {
  if (!str_check(encoding)) {
    errors::set_string(exc_TypeError, "encoding name must be a string.");
    return nullptr;
  }
  const char* enc = str_as_utf8(encoding);
  if (!enc) return nullptr;
  Ref<> mod = Ref<>::steal(import_builtin("_multibytecodec"));
  if (!mod) return nullptr;
  const MultibyteCodec* codec = codecs;
  for (; codec->encoding[0]; codec++) {
    if (std::strcmp(codec->encoding, enc) == 0) break;
  }
  if (codec->encoding[0] == '\0') {
    errors::set_string(exc_LookupError, "no such codec is supported.");
    return nullptr;
  }
  return create_codec(codec);
}

// find_pairencmap: a binary search of (body << 16 | modifier) with CPython's exact probing.
uint16_t find_pairencmap(uint16_t body, uint16_t modifier, const PairEncodeMap* haystack,
                         int haystacksize) {
  uint32_t value = static_cast<uint32_t>(body) << 16 | modifier;
  int min = 0;
  int max = haystacksize;
  int pos;
  for (pos = haystacksize >> 1; min != max; pos = (min + max) >> 1) {
    if (value < haystack[pos].uniseq) {
      if (max != pos) {
        max = pos;
        continue;
      }
    } else if (value > haystack[pos].uniseq) {
      if (min != pos) {
        min = pos;
        continue;
      }
    }
    break;
  }
  if (value == haystack[pos].uniseq) return haystack[pos].code;
  return kDbcInv;
}

// register_maps.
int register_maps(Object* module, const DbcsMap* maps) {
  for (const DbcsMap* h = maps; h->charset[0] != '\0'; h++) {
    std::string name = std::string("__map_") + h->charset;
    Ref<> capsule = Ref<>::steal(capsule_new(const_cast<DbcsMap*>(h), kMapCapsule, nullptr));
    if (!capsule || module_add_object_ref(module, name.c_str(), capsule.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef* multibytecodec_module_def() { return &mb_def; }

}  // namespace cppy::modules::cjkcodecs
