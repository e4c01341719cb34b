// _io._TextIOBase, IncrementalNewlineDecoder and TextIOWrapper: Modules/_io/textio.c.
//
// The decoder of a TextIOWrapper is either the codec's incremental decoder (a Python object
// from the registry) or, for UTF-8, latin-1 and ASCII, a built-in one keeping its pending
// bytes here (CPython has fast paths for these encoders only; a built-in decoder gives the
// same results and getstate() values as encodings.utf_8's). Universal newlines are the
// IncrementalNewlineDecoder rules applied on top, with its state folded into the decoder
// flags as CPython's wrapper does. tell()/seek() cookies are CPython's packed layout.
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_codecs/codecs.h"
#include "modules/_io/_iomodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/preconfig.h"
#include "objects/weakrefobject.h"

namespace cppy::modules::_io {

using namespace objects;

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

// An int in [0, 2**64) as unsigned long long (OverflowError otherwise), by halves.
unsigned long long as_ull(Object* v) {
  Ref<> i = Ref<>::steal(number_index(v));
  if (!i) return static_cast<unsigned long long>(-1);
  Ref<> shift = Ref<>::steal(long_from_long(32));
  Ref<> high = Ref<>::steal(number_rshift(i.get(), shift.get()));
  Ref<> mask = Ref<>::steal(long_from_long_long(0xFFFFFFFFLL));
  Ref<> low = Ref<>::steal(number_and(i.get(), mask.get()));
  if (!high || !low) return static_cast<unsigned long long>(-1);
  long long h = long_as_long_long(high.get());
  long long l = long_as_long_long(low.get());
  if ((h == -1 || l == -1) && errors::occurred()) return static_cast<unsigned long long>(-1);
  if (h < 0 || h > 0xFFFFFFFFLL) {
    errors::set_string(exc_OverflowError, "int too big to convert");
    return static_cast<unsigned long long>(-1);
  }
  return (static_cast<unsigned long long>(h) << 32) | static_cast<unsigned long long>(l);
}

// --- _TextIOBase --------------------------------------------------------------------------

Object* textiobase_detach(Object*, Object*) { return unsupported("detach"); }
Object* textiobase_read(Object*, Object* const*, ssize) { return unsupported("read"); }
Object* textiobase_readline(Object*, Object* const*, ssize) { return unsupported("readline"); }
Object* textiobase_write(Object*, Object*) { return unsupported("write"); }
Object* textiobase_none(Object*, void*) { return return_none(); }

MethodDef textiobase_methods[] = {
    {"detach", NOARGS(textiobase_detach), nullptr},
    {"read", FASTCALL(textiobase_read), nullptr},
    {"readline", FASTCALL(textiobase_readline), nullptr},
    {"write", METH_O(textiobase_write), nullptr},
    {nullptr, nullptr, 0, nullptr},
};
GetSetDef textiobase_getset[] = {
    {"encoding", textiobase_none, nullptr, "Encoding of the text stream.\n\nSubclasses should override.", nullptr},
    {"newlines", textiobase_none, nullptr, nullptr, nullptr},
    {"errors", textiobase_none, nullptr, "The error setting of the decoder or encoder.\n\nSubclasses should override.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// --- newline decoding (IncrementalNewlineDecoder's algorithm) -----------------------------

enum : unsigned { kSeenCR = 1, kSeenLF = 2, kSeenCRLF = 4 };

struct NLState {
  bool translate;
  bool pendingcr;
  unsigned seennl;
};

// _PyIncrementalNewlineDecoder_decode after the inner decoder: output is a str.
Object* nl_translate(NLState* st, Object* output, bool final) {
  std::u32string in;
  ssize n = str_length(output);
  if (st->pendingcr && (final || n > 0)) in.push_back(U'\r');
  if (st->pendingcr && (final || n > 0)) st->pendingcr = false;
  for (ssize i = 0; i < n; ++i) in.push_back(str_read_char(output, i));
  // A trailing "\r" waits for the next call (it may start a "\r\n").
  if (!final && !in.empty() && in.back() == U'\r') {
    in.pop_back();
    st->pendingcr = true;
  }
  bool has_cr = false;
  for (char32_t c : in) {
    if (c == U'\r') {
      has_cr = true;
      break;
    }
  }
  if (!has_cr) {
    for (char32_t c : in)
      if (c == U'\n') {
        st->seennl |= kSeenLF;
        break;
      }
    return str_from_kind_and_data(4, in.data(), static_cast<ssize>(in.size()));
  }
  std::u32string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (c == U'\r') {
      if (i + 1 < in.size() && in[i + 1] == U'\n') {
        st->seennl |= kSeenCRLF;
        if (st->translate) {
          out.push_back(U'\n');
        } else {
          out.push_back(U'\r');
          out.push_back(U'\n');
        }
        ++i;
      } else {
        st->seennl |= kSeenCR;
        out.push_back(st->translate ? U'\n' : U'\r');
      }
    } else {
      if (c == U'\n') st->seennl |= kSeenLF;
      out.push_back(c);
    }
  }
  return str_from_kind_and_data(4, out.data(), static_cast<ssize>(out.size()));
}

Object* nl_newlines(unsigned seennl) {
  auto s = [](const char* c) { return Ref<>::steal(str_from_cstr(c)); };
  switch (seennl) {
    case kSeenCR: return str_from_cstr("\r");
    case kSeenLF: return str_from_cstr("\n");
    case kSeenCRLF: return str_from_cstr("\r\n");
    case kSeenCR | kSeenLF: return tuple_pack(2, s("\r").get(), s("\n").get());
    case kSeenCR | kSeenCRLF: return tuple_pack(2, s("\r").get(), s("\r\n").get());
    case kSeenLF | kSeenCRLF: return tuple_pack(2, s("\n").get(), s("\r\n").get());
    case kSeenCR | kSeenLF | kSeenCRLF:
      return tuple_pack(3, s("\r").get(), s("\n").get(), s("\r\n").get());
    default: return return_none();
  }
}

// --- IncrementalNewlineDecoder ------------------------------------------------------------

struct NLDecoderObject : Object {
  Object* decoder;  // None or the wrapped decoder
  Object* errors;
  NLState st;
  bool ok;
};
inline NLDecoderObject* nld(Object* o) { return static_cast<NLDecoderObject*>(o); }

int nldecoder_init(Object* self, Object* args, Object* kwargs) {
  static const char* const kw[] = {"decoder", "translate", "errors", nullptr};
  ArgParser p{"IncrementalNewlineDecoder", kw, 2, 3, 0};
  Object* a[3] = {};
  if (unpack_keywords_tuple(p, args, kwargs, a) < 0) return -1;
  int t = object_is_true(a[1]);
  if (t < 0) return -1;
  NLDecoderObject* d = nld(self);
  xsetref(d->decoder, new_ref(a[0]));
  if (a[2]) {
    xsetref(d->errors, new_ref(a[2]));
  } else {
    xsetref(d->errors, str_from_cstr("strict"));
  }
  d->st.translate = t != 0;
  d->st.pendingcr = false;
  d->st.seennl = 0;
  d->ok = true;
  return 0;
}

bool nld_check(NLDecoderObject* d) {
  if (!d->ok) {
    errors::set_string(exc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
    return false;
  }
  return true;
}

Object* nldecoder_decode_impl(NLDecoderObject* d, Object* input, bool final) {
  Ref<> output;
  if (d->decoder == none()) {
    output = Ref<>::borrow(input);
  } else {
    output = Ref<>::steal(detail::call_method(d->decoder, "decode", input,
                                              final ? true_object() : false_object(), nullptr));
  }
  if (!output) return nullptr;
  if (!str_check(output.get())) {
    return errors::format(exc_TypeError, "decoder should return a string result, not '%.200s'",
                          output->type->name);
  }
  return nl_translate(&d->st, output.get(), final);
}

Object* nldecoder_decode(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"input", "final", nullptr};
  ArgParser p{"decode", kw, 1, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return nullptr;
  if (!nld_check(nld(self))) return nullptr;
  bool final = false;
  if (a[1]) {
    int r = object_is_true(a[1]);
    if (r < 0) return nullptr;
    final = r != 0;
  }
  return nldecoder_decode_impl(nld(self), a[0], final);
}

Object* nldecoder_getstate(Object* self, Object*) {
  NLDecoderObject* d = nld(self);
  if (!nld_check(d)) return nullptr;
  Ref<> buffer;
  unsigned long long flag = 0;
  if (d->decoder != none()) {
    Ref<> state = Ref<>::steal(detail::call_method(d->decoder, "getstate", nullptr));
    if (!state) return nullptr;
    if (!tuple_check(state.get())) {
      return errors::format(exc_TypeError, "illegal decoder state");
    }
    if (tuple_size(state.get()) != 2) {
      return errors::format(exc_TypeError, "illegal decoder state");
    }
    buffer = Ref<>::borrow(tuple_item(state.get(), 0));
    flag = as_ull(tuple_item(state.get(), 1));
    if (flag == static_cast<unsigned long long>(-1) && errors::occurred()) return nullptr;
  } else {
    buffer = Ref<>::steal(bytes_from_string_and_size(nullptr, 0));
  }
  flag <<= 1;
  if (d->st.pendingcr) flag |= 1;
  Ref<> f = Ref<>::steal(long_from_unsigned_long_long(flag));
  if (!f) return nullptr;
  return tuple_pack(2, buffer.get(), f.get());
}

Object* nldecoder_setstate(Object* self, Object* state) {
  NLDecoderObject* d = nld(self);
  if (!nld_check(d)) return nullptr;
  if (!tuple_check(state) || tuple_size(state) != 2) {
    return errors::format(exc_TypeError, "state argument must be a tuple");
  }
  Object* buffer = tuple_item(state, 0);
  unsigned long long flag = as_ull(tuple_item(state, 1));
  if (flag == static_cast<unsigned long long>(-1) && errors::occurred()) return nullptr;
  d->st.pendingcr = flag & 1;
  flag >>= 1;
  if (d->decoder != none()) {
    Ref<> f = Ref<>::steal(long_from_unsigned_long_long(flag));
    Ref<> t = Ref<>::steal(tuple_pack(2, buffer, f.get()));
    if (!t) return nullptr;
    return detail::call_method(d->decoder, "setstate", t.get(), nullptr);
  }
  return return_none();
}

Object* nldecoder_reset(Object* self, Object*) {
  NLDecoderObject* d = nld(self);
  if (!nld_check(d)) return nullptr;
  d->st.seennl = 0;
  d->st.pendingcr = false;
  if (d->decoder != none()) return detail::call_method(d->decoder, "reset", nullptr);
  return return_none();
}

Object* nldecoder_newlines_get(Object* self, void*) {
  if (!nld_check(nld(self))) return nullptr;
  return nl_newlines(nld(self)->st.seennl);
}

int nldecoder_traverse(Object* self, visitproc visit, void* arg) {
  for (Object* o : {nld(self)->decoder, nld(self)->errors})
    if (o)
      if (int r = visit(o, arg)) return r;
  return 0;
}
int nldecoder_clear(Object* self) {
  clear(nld(self)->decoder);
  clear(nld(self)->errors);
  return 0;
}
void nldecoder_dealloc(Object* self) {
  gc::untrack(self);
  nldecoder_clear(self);
  TypeObject* tp = self->type;
  tp->free(self);
  // A heap type with its own dealloc holds the reference; subclasses drop it in subtype_dealloc.
  if (type_has_feature(tp, kTpflagsHeaptype) && tp->dealloc == nldecoder_dealloc) decref(tp);
}

MethodDef nldecoder_methods[] = {
    {"decode", FASTCALL_KW(nldecoder_decode), nullptr},
    {"getstate", NOARGS(nldecoder_getstate), nullptr},
    {"setstate", METH_O(nldecoder_setstate), nullptr},
    {"reset", NOARGS(nldecoder_reset), nullptr},
    {nullptr, nullptr, 0, nullptr},
};
GetSetDef nldecoder_getset[] = {
    {"newlines", nldecoder_newlines_get, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// --- TextIOWrapper ------------------------------------------------------------------------

struct TextIOObject : IOBaseObject {
  bool ok;
  bool detached;
  Object* buffer;
  Object* encoding;
  Object* errors_obj;
  Object* encoder;  // Python encoder or null (fast path or not writable)
  Object* decoder;  // Python decoder (the inner one) or null
  bool can_read;
  bool can_write;
  bool fast;        // built-in codec for both directions
  _codecs::Codec codec;
  std::string* pending_in;  // the built-in decoder's undecoded bytes
  bool has_nl;              // universal newlines decoding layer
  NLState nl;
  Object* readnl;  // str or null
  const char* writenl;  // null, "\r" or "\r\n"
  bool readuniversal;
  bool readtranslate;
  bool writetranslate;
  bool line_buffering;
  bool write_through;
  bool seekable;
  bool telling;
  bool has_read1;
  bool finalizing;
  bool encoding_start_of_stream;
  ssize chunk_size;
  Object* decoded_chars;  // str or null
  ssize decoded_chars_used;
  std::string* pending_out;  // encoded bytes not yet written
  Object* snapshot;          // (dec_flags, next_input) or null
  double b2cratio;
};
inline TextIOObject* tio(Object* o) { return static_cast<TextIOObject*>(o); }

bool check_attached(TextIOObject* self) {
  if (!self->ok) {
    if (self->detached)
      errors::set_string(exc_ValueError, "underlying buffer has been detached");
    else
      errors::set_string(exc_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

bool check_closed(TextIOObject* self) {
  if (!check_attached(self)) return false;
  Ref<> c = Ref<>::steal(object_getattr_string(self->buffer, "closed"));
  if (!c) return false;
  int r = object_is_true(c.get());
  if (r < 0) return false;
  if (r) {
    errors::set_string(exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}


// decoder.decode(input, final) through the layers.
Object* dec_decode(TextIOObject* self, Object* input, bool final) {
  Ref<> out;
  if (self->fast) {
    const char* data;
    ssize n;
    if (!detail::get_read_buffer(input, &data, &n)) return nullptr;
    std::string all = *self->pending_in;
    all.append(data, static_cast<size_t>(n));
    ssize consumed = static_cast<ssize>(all.size());
    const char* errs = nullptr;
    if (self->errors_obj && !detail::str_arg_to_cstr(self->errors_obj, &errs)) return nullptr;
    out = Ref<>::steal(_codecs::decode_bytes(self->codec, all.data(), static_cast<ssize>(all.size()),
                                             errs, final, &consumed));
    if (!out) return nullptr;
    self->pending_in->assign(all, static_cast<size_t>(consumed), std::string::npos);
  } else {
    out = Ref<>::steal(detail::call_method(self->decoder, "decode", input,
                                           final ? true_object() : false_object(), nullptr));
    if (!out) return nullptr;
    if (!str_check(out.get())) {
      return errors::format(exc_TypeError, "decoder should return a string result, not '%.200s'",
                            out->type->name);
    }
  }
  if (self->has_nl) return nl_translate(&self->nl, out.get(), final);
  return out.release();
}

// decoder.getstate(): *buf (a bytes object, new reference) and *flags.
bool dec_getstate(TextIOObject* self, Object** buf, unsigned long long* flags) {
  if (self->fast) {
    *buf = bytes_from_string_and_size(self->pending_in->data(),
                                      static_cast<ssize>(self->pending_in->size()));
    if (!*buf) return false;
    *flags = 0;
  } else {
    Ref<> state = Ref<>::steal(detail::call_method(self->decoder, "getstate", nullptr));
    if (!state) return false;
    if (!tuple_check(state.get()) || tuple_size(state.get()) != 2) {
      errors::set_string(exc_TypeError, "illegal decoder state");
      return false;
    }
    Object* b = tuple_item(state.get(), 0);
    if (!bytes_check(b)) {
      errors::format(exc_TypeError, "illegal decoder state: the first item should be a bytes "
                                    "object, not '%.200s'", b->type->name);
      return false;
    }
    *flags = as_ull(tuple_item(state.get(), 1));
    if (*flags == static_cast<unsigned long long>(-1) && errors::occurred()) return false;
    *buf = new_ref(b);
  }
  if (self->has_nl) {
    *flags <<= 1;
    if (self->nl.pendingcr) *flags |= 1;
  }
  return true;
}

bool dec_setstate(TextIOObject* self, Object* buf, unsigned long long flags) {
  if (self->has_nl) {
    self->nl.pendingcr = flags & 1;
    flags >>= 1;
  }
  if (self->fast) {
    self->pending_in->assign(bytes_as_string(buf), static_cast<size_t>(bytes_size(buf)));
    return true;
  }
  Ref<> f = Ref<>::steal(long_from_unsigned_long_long(flags));
  Ref<> t = Ref<>::steal(tuple_pack(2, buf, f.get()));
  if (!t) return false;
  Ref<> r = Ref<>::steal(detail::call_method(self->decoder, "setstate", t.get(), nullptr));
  return static_cast<bool>(r);
}

bool dec_reset(TextIOObject* self) {
  if (self->has_nl) {
    self->nl.seennl = 0;
    self->nl.pendingcr = false;
  }
  if (self->fast) {
    self->pending_in->clear();
    return true;
  }
  Ref<> r = Ref<>::steal(detail::call_method(self->decoder, "reset", nullptr));
  return static_cast<bool>(r);
}

Object* encode_text(TextIOObject* self, Object* text) {
  if (self->fast) {
    const char* errs = nullptr;
    if (self->errors_obj && !detail::str_arg_to_cstr(self->errors_obj, &errs)) return nullptr;
    return _codecs::encode_str(self->codec, text, errs);
  }
  Ref<> b = Ref<>::steal(detail::call_method(self->encoder, "encode", text, nullptr));
  if (!b) return nullptr;
  if (!bytes_check(b.get())) {
    return errors::format(exc_TypeError, "encoder should return a bytes object, not '%.200s'",
                          b->type->name);
  }
  return b.release();
}

bool encoder_reset(TextIOObject* self, bool start_of_stream) {
  if (!self->encoder) return true;
  Ref<> r;
  if (start_of_stream) {
    r = Ref<>::steal(detail::call_method(self->encoder, "reset", nullptr));
    self->encoding_start_of_stream = true;
  } else {
    Ref<> zero = Ref<>::steal(long_from_long(0));
    r = Ref<>::steal(detail::call_method(self->encoder, "setstate", zero.get(), nullptr));
    self->encoding_start_of_stream = false;
  }
  return static_cast<bool>(r);
}

void set_decoded_chars(TextIOObject* self, Object* chars) {
  xsetref(self->decoded_chars, chars);
  self->decoded_chars_used = 0;
}

// textiowrapper_get_decoded_chars.
Object* get_decoded_chars(TextIOObject* self, ssize n) {
  if (!self->decoded_chars) return new_ref(str_empty());
  ssize avail = str_length(self->decoded_chars) - self->decoded_chars_used;
  if (n < 0 || n > avail) n = avail;
  Object* r;
  if (self->decoded_chars_used > 0 || n < avail) {
    r = str_substring(self->decoded_chars, self->decoded_chars_used, self->decoded_chars_used + n);
  } else {
    r = new_ref(self->decoded_chars);
  }
  if (r) self->decoded_chars_used += n;
  return r;
}

// _textiowrapper_writeflush.
bool writeflush(TextIOObject* self) {
  if (!self->pending_out || self->pending_out->empty()) return true;
  Ref<> b = Ref<>::steal(bytes_from_string_and_size(
      self->pending_out->data(), static_cast<ssize>(self->pending_out->size())));
  self->pending_out->clear();
  if (!b) return false;
  Ref<> r = Ref<>::steal(detail::call_method(self->buffer, "write", b.get(), nullptr));
  return static_cast<bool>(r);
}

// _Py_GetLocaleEncodingObject.
Object* locale_encoding() { return str_from_cstr(runtime::locale_encoding().c_str()); }

bool validate_newline(Object* nl, const char** out) {
  *out = nullptr;
  if (!nl || nl == none()) return true;
  if (!detail::str_arg_to_cstr(nl, out)) return false;
  const char* s = *out;
  if (s[0] != '\0' && !(s[0] == '\n' && s[1] == '\0') && !(s[0] == '\r' && s[1] == '\0') &&
      !(s[0] == '\r' && s[1] == '\n' && s[2] == '\0')) {
    errors::format(exc_ValueError, "illegal newline value: %U", nl);
    return false;
  }
  return true;
}

void set_newline(TextIOObject* self, const char* newline) {
  clear(self->readnl);
  if (newline) self->readnl = str_from_cstr(newline);
  self->readuniversal = newline == nullptr || newline[0] == '\0';
  self->readtranslate = newline == nullptr;
  self->writetranslate = newline == nullptr || newline[0] != '\0';
  self->writenl = nullptr;
  if (!self->readuniversal && newline) {
    if (std::strcmp(newline, "\r") == 0)
      self->writenl = "\r";
    else if (std::strcmp(newline, "\r\n") == 0)
      self->writenl = "\r\n";
  }
}

// Sets up the encoder and decoder for self->encoding / errors (_textiowrapper_set_decoder,
// _textiowrapper_set_encoder, _textiowrapper_fix_encoder_state).
bool set_codecs(TextIOObject* self) {
  const char* enc;
  if (!detail::str_arg_to_cstr(self->encoding, &enc)) return false;
  clear(self->encoder);
  clear(self->decoder);
  self->fast = false;
  _codecs::Codec c;
  const char* errs;
  if (!detail::str_arg_to_cstr(self->errors_obj, &errs)) return false;
  if (_codecs::builtin_codec(enc, &c) &&
      (c == _codecs::Codec::kUtf8 || c == _codecs::Codec::kLatin1 || c == _codecs::Codec::kAscii)) {
    self->fast = true;
    self->codec = c;
  } else {
    Ref<> info = Ref<>::steal(_codecs::lookup_text_encoding(enc, "codecs.open()"));
    if (!info) return false;
    if (self->can_read) {
      self->decoder = _codecs::incremental_decoder(info.get(), errs);
      if (!self->decoder) return false;
    }
    if (self->can_write) {
      self->encoder = _codecs::incremental_encoder(info.get(), errs);
      if (!self->encoder) return false;
    }
  }
  self->has_nl = self->can_read && self->readuniversal;
  self->nl.translate = self->readtranslate;
  self->nl.pendingcr = false;
  self->nl.seennl = 0;
  self->pending_in->clear();
  // The BOM of utf-16 / utf-32 is written only at the start of the stream.
  if (self->seekable && self->encoder) {
    self->encoding_start_of_stream = true;
    Ref<> pos = Ref<>::steal(detail::call_method(self->buffer, "tell", nullptr));
    if (!pos) return false;
    Ref<> zero = Ref<>::steal(long_from_long(0));
    int cmp = object_rich_compare_bool(pos.get(), zero.get(), kEQ);
    if (cmp < 0) return false;
    if (!cmp) {
      self->encoding_start_of_stream = false;
      Ref<> r = Ref<>::steal(detail::call_method(self->encoder, "setstate", zero.get(), nullptr));
      if (!r) return false;
    }
  }
  return true;
}

// _io_TextIOWrapper___init___impl.
int textio_init(Object* self_obj, Object* args, Object* kwargs) {
  static const char* const kw[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                                   "write_through", nullptr};
  ArgParser p{"TextIOWrapper", kw, 1, 6, 0};
  Object* a[6] = {};
  if (unpack_keywords_tuple(p, args, kwargs, a) < 0) return -1;
  TextIOObject* self = tio(self_obj);
  self->ok = false;
  self->detached = false;
  for (int i = 1; i <= 3; ++i) {
    if (a[i] && a[i] != none() && !str_check(a[i])) {
      std::string d = std::string("'") + kw[i] + "'";
      bad_argument("TextIOWrapper", d.c_str(), "str or None", a[i]);
      return -1;
    }
  }
  const char* newline;
  if (!validate_newline(a[3], &newline)) return -1;
  bool line_buffering = false, write_through = false;
  if (a[4]) {
    int r = object_is_true(a[4]);
    if (r < 0) return -1;
    line_buffering = r;
  }
  if (a[5]) {
    int r = object_is_true(a[5]);
    if (r < 0) return -1;
    write_through = r;
  }
  if (!self->pending_in) self->pending_in = new std::string();
  if (!self->pending_out) self->pending_out = new std::string();
  self->pending_in->clear();
  self->pending_out->clear();
  clear(self->snapshot);
  set_decoded_chars(self, nullptr);
  Object* encoding = a[1];
  if ((!encoding || encoding == none()) && runtime::utf8_mode()) {
    xsetref(self->encoding, str_from_cstr("utf-8"));
  } else if (!encoding || encoding == none() || str_equal_cstr(encoding, "locale")) {
    xsetref(self->encoding, locale_encoding());
  } else {
    const char* e;
    if (!detail::str_arg_to_cstr(encoding, &e)) return -1;
    xsetref(self->encoding, new_ref(encoding));
  }
  if (!self->encoding) return -1;
  if (a[2] && a[2] != none()) {
    const char* e;
    if (!detail::str_arg_to_cstr(a[2], &e)) return -1;
    xsetref(self->errors_obj, new_ref(a[2]));
  } else {
    xsetref(self->errors_obj, str_from_cstr("strict"));
  }
  self->chunk_size = 8192;
  set_newline(self, newline);
  self->line_buffering = line_buffering;
  self->write_through = write_through;
  xsetref(self->buffer, new_ref(a[0]));
  Ref<> r = Ref<>::steal(detail::call_method(a[0], "readable", nullptr));
  if (!r) return -1;
  int readable = object_is_true(r.get());
  if (readable < 0) return -1;
  Ref<> w = Ref<>::steal(detail::call_method(a[0], "writable", nullptr));
  if (!w) return -1;
  int writable = object_is_true(w.get());
  if (writable < 0) return -1;
  Ref<> s = Ref<>::steal(detail::call_method(a[0], "seekable", nullptr));
  if (!s) return -1;
  int seekable = object_is_true(s.get());
  if (seekable < 0) return -1;
  self->can_read = readable;
  self->can_write = writable;
  self->seekable = self->telling = seekable;
  Ref<> read1_name = Ref<>::steal(str_from_cstr("read1"));
  int has = object_hasattr_with_error(a[0], read1_name.get());
  if (has < 0) return -1;
  self->has_read1 = has;
  if (!set_codecs(self)) return -1;
  self->ok = true;
  return 0;
}

Object* textio_write(Object* self_obj, Object* text) {
  TextIOObject* self = tio(self_obj);
  if (!check_closed(self)) return nullptr;
  if (!str_check(text)) {
    bad_argument("write", "", "str", text);
    return nullptr;
  }
  if (!self->can_write) return unsupported("not writable");
  ssize textlen = str_length(text);
  bool haslf = false;
  if ((self->writetranslate && self->writenl) || self->line_buffering) {
    haslf = str_find_char(text, '\n', 0, textlen, 1) >= 0;
  }
  Ref<> t = Ref<>::borrow(text);
  if (haslf && self->writetranslate && self->writenl) {
    std::u32string out;
    for (ssize i = 0; i < textlen; ++i) {
      UCS4 c = str_read_char(text, i);
      if (c == '\n') {
        for (const char* q = self->writenl; *q; ++q) out.push_back(static_cast<unsigned char>(*q));
      } else {
        out.push_back(c);
      }
    }
    t = Ref<>::steal(str_from_kind_and_data(4, out.data(), static_cast<ssize>(out.size())));
    if (!t) return nullptr;
  }
  bool needflush = false;
  if (self->line_buffering &&
      (haslf || str_find_char(t.get(), '\r', 0, str_length(t.get()), 1) >= 0))
    needflush = true;
  bool text_needflush = self->write_through || needflush;
  Ref<> b = Ref<>::steal(encode_text(self, t.get()));
  if (!b) return nullptr;
  if (self->encoder) self->encoding_start_of_stream = false;
  self->pending_out->append(bytes_as_string(b.get()), static_cast<size_t>(bytes_size(b.get())));
  if (static_cast<ssize>(self->pending_out->size()) >= self->chunk_size || text_needflush) {
    if (!writeflush(self)) return nullptr;
  }
  if (needflush) {
    Ref<> r = Ref<>::steal(detail::call_method(self->buffer, "flush", nullptr));
    if (!r) return nullptr;
  }
  set_decoded_chars(self, nullptr);
  clear(self->snapshot);
  if (self->can_read && !dec_reset(self)) return nullptr;
  return long_from_ssize(textlen);
}

// textiowrapper_read_chunk: 1 more data may follow, 0 at EOF, -1 error.
int read_chunk(TextIOObject* self, ssize size_hint) {
  Ref<> dec_buffer;
  unsigned long long dec_flags = 0;
  if (self->telling) {
    Object* b = nullptr;
    if (!dec_getstate(self, &b, &dec_flags)) return -1;
    dec_buffer = Ref<>::steal(b);
  }
  ssize size = self->chunk_size;
  if (size_hint > 0) {
    ssize hint = static_cast<ssize>(size_hint * (self->b2cratio > 1.0 ? self->b2cratio : 1.0));
    if (hint > size) size = hint;
  }
  Ref<> sz = Ref<>::steal(long_from_ssize(size));
  Ref<> input = Ref<>::steal(detail::call_method(self->buffer, self->has_read1 ? "read1" : "read",
                                                 sz.get(), nullptr));
  if (!input) return -1;
  if (!bytes_check(input.get())) {
    errors::format(exc_TypeError,
                   "underlying %s() should have returned a bytes-like object, not '%.200s'",
                   self->has_read1 ? "read1" : "read", input->type->name);
    return -1;
  }
  ssize nbytes = bytes_size(input.get());
  bool eof = nbytes == 0;
  Ref<> decoded = Ref<>::steal(dec_decode(self, input.get(), eof));
  if (!decoded) return -1;
  ssize nchars = str_length(decoded.get());
  set_decoded_chars(self, decoded.release());
  self->b2cratio = nchars > 0 ? static_cast<double>(nbytes) / static_cast<double>(nchars) : 0.0;
  if (nchars > 0) eof = false;
  if (self->telling) {
    Ref<> next = Ref<>::steal(bytes_concat(dec_buffer.get(), input.get()));
    Ref<> fl = Ref<>::steal(long_from_unsigned_long_long(dec_flags));
    if (!next || !fl) return -1;
    xsetref(self->snapshot, tuple_pack(2, fl.get(), next.get()));
    if (!self->snapshot) return -1;
  }
  return eof ? 0 : 1;
}

Object* textio_read(Object* self_obj, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 0, 1)) return nullptr;
  ssize n = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &n)) return nullptr;
  TextIOObject* self = tio(self_obj);
  if (!check_closed(self)) return nullptr;
  if (!self->can_read) return unsupported("not readable");
  if (!writeflush(self)) return nullptr;
  if (n < 0) {
    Ref<> bytes = Ref<>::steal(detail::call_method(self->buffer, "read", nullptr));
    if (!bytes) return nullptr;
    if (bytes.get() != none() && !bytes_check(bytes.get())) {
      return errors::format(exc_TypeError, "underlying read() should have returned a bytes object, not '%.200s'",
                            bytes->type->name);
    }
    Ref<> input = bytes.get() == none() ? Ref<>::steal(bytes_from_string_and_size(nullptr, 0)) : bytes;
    Ref<> decoded = Ref<>::steal(dec_decode(self, input.get(), true));
    if (!decoded) return nullptr;
    Ref<> rest = Ref<>::steal(get_decoded_chars(self, -1));
    if (!rest) return nullptr;
    set_decoded_chars(self, nullptr);
    clear(self->snapshot);
    return str_concat(rest.get(), decoded.get());
  }
  Ref<> result = Ref<>::steal(get_decoded_chars(self, n));
  if (!result) return nullptr;
  ssize remaining = n - str_length(result.get());
  while (remaining > 0) {
    int r = read_chunk(self, remaining);
    if (r < 0) return nullptr;
    if (r == 0) break;
    Ref<> more = Ref<>::steal(get_decoded_chars(self, remaining));
    if (!more) return nullptr;
    remaining -= str_length(more.get());
    result = Ref<>::steal(str_concat(result.get(), more.get()));
    if (!result) return nullptr;
  }
  return result.release();
}

// _textiowrapper_readline.
Object* readline_impl(TextIOObject* self, ssize limit) {
  if (!check_closed(self)) return nullptr;
  if (!self->can_read) return unsupported("not readable");
  if (!writeflush(self)) return nullptr;
  Ref<> line;
  ssize start = 0, endpos = -1;
  std::u32string acc;  // earlier chunks of the line
  for (;;) {
    while (!self->decoded_chars || str_length(self->decoded_chars) == 0 ||
           self->decoded_chars_used >= str_length(self->decoded_chars)) {
      clear(self->snapshot);
      int r = read_chunk(self, 0);
      if (r < 0) return nullptr;
      if (r == 0) {
        set_decoded_chars(self, nullptr);
        clear(self->snapshot);
        goto done;
      }
    }
    {
      Object* chars = self->decoded_chars;
      start = self->decoded_chars_used;
      ssize end = str_length(chars);
      ssize consumed = 0;
      ssize scan_end = end;
      if (limit >= 0 && static_cast<ssize>(acc.size()) + (end - start) > limit)
        scan_end = start + (limit - static_cast<ssize>(acc.size()));
      endpos = detail::find_line_ending(self->readtranslate, self->readuniversal, self->readnl,
                                        chars, start, scan_end, &consumed);
      if (endpos >= 0) {
        for (ssize i = start; i < endpos; ++i) acc.push_back(str_read_char(chars, i));
        self->decoded_chars_used = endpos;
        goto done;
      }
      if (limit >= 0 && scan_end < end) {
        for (ssize i = start; i < scan_end; ++i) acc.push_back(str_read_char(chars, i));
        self->decoded_chars_used = scan_end;
        goto done;
      }
      // No line ending: keep the text; a "\r" at the end stays until more data says whether
      // "\n" follows (consumed marks it).
      for (ssize i = start; i < consumed; ++i) acc.push_back(str_read_char(chars, i));
      Ref<> tail = Ref<>::steal(str_substring(chars, consumed, end));
      if (!tail) return nullptr;
      self->decoded_chars_used = end;
      // Read more and prepend the undecided tail.
      clear(self->snapshot);
      int r = read_chunk(self, 0);
      if (r < 0) return nullptr;
      Ref<> fresh = Ref<>::steal(get_decoded_chars(self, -1));
      if (!fresh) return nullptr;
      Ref<> joined = Ref<>::steal(str_concat(tail.get(), fresh.get()));
      if (!joined) return nullptr;
      set_decoded_chars(self, joined.release());
      if (r == 0) {
        // EOF: whatever is left is the last line (up to a line ending or the limit).
        Object* ch = self->decoded_chars;
        ssize e = str_length(ch);
        ssize c2 = 0;
        ssize se = e;
        if (limit >= 0 && static_cast<ssize>(acc.size()) + e > limit) se = limit - static_cast<ssize>(acc.size());
        ssize ep = detail::find_line_ending(self->readtranslate, self->readuniversal, self->readnl,
                                            ch, 0, se, &c2);
        if (ep < 0) ep = se;
        for (ssize i = 0; i < ep; ++i) acc.push_back(str_read_char(ch, i));
        self->decoded_chars_used = ep;
        if (ep == e) {
          set_decoded_chars(self, nullptr);
          clear(self->snapshot);
        }
        goto done;
      }
    }
  }
done:
  return str_from_kind_and_data(4, acc.data(), static_cast<ssize>(acc.size()));
}

Object* textio_readline(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("readline", nargs, 0, 1)) return nullptr;
  ssize limit = -1;
  if (nargs > 0) {
    if (args[0] != none() && !index_check(args[0])) {
      return errors::format(exc_TypeError, "argument should be integer or None, not '%.200s'",
                            args[0]->type->name);
    }
    if (!detail::convert_ssize(args[0], &limit)) return nullptr;
  }
  return readline_impl(tio(self), limit);
}

Object* textio_iternext(Object* self_obj) {
  TextIOObject* self = tio(self_obj);
  if (!check_attached(self)) return nullptr;
  self->telling = false;
  Ref<> line;
  if (type_check_exact(self_obj, &textiowrapper_type)) {
    line = Ref<>::steal(readline_impl(self, -1));
  } else {
    line = Ref<>::steal(detail::call_method(self_obj, "readline", nullptr));
    if (line && !str_check(line.get())) {
      return errors::format(exc_OSError, "readline() should have returned a str object, not '%.200s'",
                            line->type->name);
    }
  }
  if (!line) return nullptr;
  if (str_length(line.get()) == 0) {
    clear(self->snapshot);
    self->telling = self->seekable;
    return nullptr;
  }
  return line.release();
}

// The cookie: start_pos (8 bytes), dec_flags, bytes_to_feed, chars_to_skip (4 bytes each),
// need_eof (1 byte), little-endian: CPython's textiowrapper_build_cookie layout.
struct Cookie {
  long long start_pos = 0;
  int dec_flags = 0;
  int bytes_to_feed = 0;
  int chars_to_skip = 0;
  char need_eof = 0;
};

Object* build_cookie(const Cookie& c) {
  unsigned char buf[21];
  unsigned long long sp = static_cast<unsigned long long>(c.start_pos);
  for (int i = 0; i < 8; ++i) buf[i] = static_cast<unsigned char>(sp >> (8 * i));
  unsigned int v[3] = {static_cast<unsigned>(c.dec_flags), static_cast<unsigned>(c.bytes_to_feed),
                       static_cast<unsigned>(c.chars_to_skip)};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 4; ++i) buf[8 + 4 * k + i] = static_cast<unsigned char>(v[k] >> (8 * i));
  buf[20] = static_cast<unsigned char>(c.need_eof);
  return long_from_byte_array(buf, sizeof buf, true, false);
}

bool parse_cookie(Object* obj, Cookie* c) {
  // The 21 bytes of the layout, taken 8 bits at a time.
  unsigned char buf[21];
  Ref<> v = Ref<>::steal(number_index(obj));
  if (!v) return false;
  Ref<> eight = Ref<>::steal(long_from_long(8));
  Ref<> mask = Ref<>::steal(long_from_long(0xFF));
  for (unsigned char& byte : buf) {
    Ref<> low = Ref<>::steal(number_and(v.get(), mask.get()));
    if (!low) return false;
    byte = static_cast<unsigned char>(long_as_long(low.get()));
    v = Ref<>::steal(number_rshift(v.get(), eight.get()));
    if (!v) return false;
  }
  if (!long_is_zero(v.get())) {
    errors::set_string(exc_OverflowError, "int too big to convert");
    return false;
  }
  unsigned long long sp = 0;
  for (int i = 0; i < 8; ++i) sp |= static_cast<unsigned long long>(buf[i]) << (8 * i);
  c->start_pos = static_cast<long long>(sp);
  unsigned int f[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 4; ++i) f[k] |= static_cast<unsigned>(buf[8 + 4 * k + i]) << (8 * i);
  c->dec_flags = static_cast<int>(f[0]);
  c->bytes_to_feed = static_cast<int>(f[1]);
  c->chars_to_skip = static_cast<int>(f[2]);
  c->need_eof = static_cast<char>(buf[20]);
  return true;
}

Object* empty_bytes() { return bytes_from_string_and_size(nullptr, 0); }

// _io_TextIOWrapper_tell_impl.
Object* textio_tell(Object* self_obj, Object*) {
  TextIOObject* self = tio(self_obj);
  if (!check_closed(self)) return nullptr;
  if (!self->seekable) return unsupported("underlying stream is not seekable");
  if (!self->telling) {
    return errors::format(exc_OSError, "telling position disabled by next() call");
  }
  if (!writeflush(self)) return nullptr;
  Ref<> fr = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
  if (!fr) return nullptr;
  Ref<> posobj = Ref<>::steal(detail::call_method(self->buffer, "tell", nullptr));
  if (!posobj) return nullptr;
  if (!self->can_read || !self->snapshot) return posobj.release();
  Cookie cookie;
  cookie.start_pos = long_as_long_long(posobj.get());
  if (cookie.start_pos == -1 && errors::occurred()) return nullptr;
  unsigned long long dec_flags = as_ull(tuple_item(self->snapshot, 0));
  Object* next_input = tuple_item(self->snapshot, 1);
  ssize next_len = bytes_size(next_input);
  const char* next_data = bytes_as_string(next_input);
  cookie.start_pos -= next_len;
  cookie.dec_flags = static_cast<int>(dec_flags);
  if (self->decoded_chars_used == 0) return build_cookie(cookie);
  ssize chars_to_skip = self->decoded_chars_used;

  // Save the decoder state, replay the bytes of the snapshot.
  Object* saved_buf = nullptr;
  unsigned long long saved_flags = 0;
  if (!dec_getstate(self, &saved_buf, &saved_flags)) return nullptr;
  Ref<> saved = Ref<>::steal(saved_buf);
  NLState saved_nl = self->nl;
  auto restore = [&]() -> bool {
    bool ok = dec_setstate(self, saved.get(), saved_flags);
    unsigned seen = saved_nl.seennl;
    self->nl.seennl = seen;
    return ok;
  };
  auto decode_n = [&](const char* p, ssize n, bool final, ssize* out) -> bool {
    Ref<> in = Ref<>::steal(bytes_from_string_and_size(p, n));
    if (!in) return false;
    Ref<> d = Ref<>::steal(dec_decode(self, in.get(), final));
    if (!d) return false;
    *out = str_length(d.get());
    return true;
  };
  auto state_empty = [&](bool* empty, unsigned long long* flags) -> bool {
    Object* b = nullptr;
    if (!dec_getstate(self, &b, flags)) return false;
    *empty = bytes_size(b) == 0;
    decref(b);
    return true;
  };
  Ref<> eb = Ref<>::steal(empty_bytes());
  ssize skip_bytes = static_cast<ssize>(self->b2cratio * static_cast<double>(chars_to_skip));
  ssize skip_back = 1;
  if (skip_bytes > next_len) skip_bytes = next_len;
  bool broke = false;
  while (skip_bytes > 0) {
    if (!dec_setstate(self, eb.get(), dec_flags)) return nullptr;
    ssize n = 0;
    if (!decode_n(next_data, skip_bytes, false, &n)) return nullptr;
    if (n <= chars_to_skip) {
      Object* b = nullptr;
      unsigned long long d = 0;
      if (!dec_getstate(self, &b, &d)) return nullptr;
      ssize blen = bytes_size(b);
      decref(b);
      if (blen == 0) {
        dec_flags = d;
        chars_to_skip -= n;
        broke = true;
        break;
      }
      skip_bytes -= blen;
      skip_back = 1;
    } else {
      skip_bytes -= skip_back;
      skip_back *= 2;
    }
  }
  if (!broke) {
    skip_bytes = 0;
    if (!dec_setstate(self, eb.get(), dec_flags)) return nullptr;
  }
  cookie.start_pos += skip_bytes;
  cookie.dec_flags = static_cast<int>(dec_flags);
  if (chars_to_skip == 0) {
    if (!restore()) return nullptr;
    return build_cookie(cookie);
  }
  ssize chars_decoded = 0;
  ssize bytes_fed = 0;
  bool done = false;
  for (ssize i = skip_bytes; i < next_len; ++i) {
    ssize n = 0;
    if (!decode_n(next_data + i, 1, false, &n)) return nullptr;
    chars_decoded += n;
    bytes_fed += 1;
    bool empty = false;
    unsigned long long d = 0;
    if (!state_empty(&empty, &d)) return nullptr;
    if (empty && chars_decoded <= chars_to_skip) {
      cookie.start_pos += bytes_fed;
      chars_to_skip -= chars_decoded;
      cookie.dec_flags = static_cast<int>(d);
      bytes_fed = 0;
      chars_decoded = 0;
    }
    if (chars_decoded >= chars_to_skip) {
      done = true;
      break;
    }
  }
  if (!done) {
    ssize n = 0;
    if (!decode_n("", 0, true, &n)) return nullptr;
    chars_decoded += n;
    cookie.need_eof = 1;
    if (chars_decoded < chars_to_skip) {
      restore();
      return errors::format(exc_OSError, "can't reconstruct logical file position");
    }
  }
  if (!restore()) return nullptr;
  cookie.bytes_to_feed = static_cast<int>(bytes_fed);
  cookie.chars_to_skip = static_cast<int>(chars_to_skip);
  return build_cookie(cookie);
}

// _io_TextIOWrapper_seek_impl.
Object* textio_seek(Object* self_obj, Object* const* args, ssize nargs) {
  if (!check_positional("seek", nargs, 1, 2)) return nullptr;
  TextIOObject* self = tio(self_obj);
  int whence = 0;
  if (nargs > 1) {
    long w = long_as_long(args[1]);
    if (w == -1 && errors::occurred()) return nullptr;
    whence = static_cast<int>(w);
  }
  if (!check_closed(self)) return nullptr;
  if (!self->seekable) return unsupported("underlying stream is not seekable");
  Ref<> cookie_obj = Ref<>::borrow(args[0]);
  Ref<> zero = Ref<>::steal(long_from_long(0));
  if (whence == 1) {
    int cmp = object_rich_compare_bool(cookie_obj.get(), zero.get(), kEQ);
    if (cmp < 0) return nullptr;
    if (!cmp) return unsupported("can't do nonzero cur-relative seeks");
    cookie_obj = Ref<>::steal(detail::call_method(self_obj, "tell", nullptr));
    if (!cookie_obj) return nullptr;
  } else if (whence == 2) {
    int cmp = object_rich_compare_bool(cookie_obj.get(), zero.get(), kEQ);
    if (cmp < 0) return nullptr;
    if (!cmp) return unsupported("can't do nonzero end-relative seeks");
    Ref<> fr = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
    if (!fr) return nullptr;
    set_decoded_chars(self, nullptr);
    clear(self->snapshot);
    if (self->can_read && !dec_reset(self)) return nullptr;
    Ref<> two = Ref<>::steal(long_from_long(2));
    Ref<> res = Ref<>::steal(detail::call_method(self->buffer, "seek", zero.get(), two.get(), nullptr));
    if (!res) return nullptr;
    if (self->encoder) {
      int c0 = object_rich_compare_bool(res.get(), zero.get(), kEQ);
      if (c0 < 0) return nullptr;
      if (!encoder_reset(self, c0 == 1)) return nullptr;
    }
    return res.release();
  } else if (whence != 0) {
    return errors::format(exc_ValueError, "invalid whence (%d, should be %d, %d or %d)", whence, 0, 1, 2);
  }
  if (!long_check(cookie_obj.get())) {
    Ref<> i = Ref<>::steal(number_index(cookie_obj.get()));
    if (!i) return nullptr;
    cookie_obj = i;
  }
  int neg = object_rich_compare_bool(cookie_obj.get(), zero.get(), kLT);
  if (neg < 0) return nullptr;
  if (neg) return errors::format(exc_ValueError, "negative seek position %R", cookie_obj.get());
  Ref<> fr = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
  if (!fr) return nullptr;
  Cookie cookie;
  if (!parse_cookie(cookie_obj.get(), &cookie)) return nullptr;
  Ref<> sp = Ref<>::steal(long_from_long_long(cookie.start_pos));
  Ref<> r = Ref<>::steal(detail::call_method(self->buffer, "seek", sp.get(), nullptr));
  if (!r) return nullptr;
  set_decoded_chars(self, nullptr);
  clear(self->snapshot);
  if (self->can_read) {
    if (cookie.start_pos == 0 && cookie.dec_flags == 0) {
      if (!dec_reset(self)) return nullptr;
    } else {
      Ref<> eb = Ref<>::steal(empty_bytes());
      if (!dec_setstate(self, eb.get(), static_cast<unsigned>(cookie.dec_flags))) return nullptr;
    }
  }
  if (cookie.chars_to_skip) {
    Ref<> n = Ref<>::steal(long_from_long(cookie.bytes_to_feed));
    Ref<> input = Ref<>::steal(detail::call_method(self->buffer, "read", n.get(), nullptr));
    if (!input) return nullptr;
    if (!bytes_check(input.get())) {
      return errors::format(exc_TypeError, "underlying read() should have returned a bytes object, not '%.200s'",
                            input->type->name);
    }
    Ref<> fl = Ref<>::steal(long_from_long(cookie.dec_flags));
    xsetref(self->snapshot, tuple_pack(2, fl.get(), input.get()));
    Ref<> decoded = Ref<>::steal(dec_decode(self, input.get(), cookie.need_eof != 0));
    if (!decoded) return nullptr;
    if (str_length(decoded.get()) < cookie.chars_to_skip) {
      return errors::format(exc_OSError, "can't restore logical file position");
    }
    set_decoded_chars(self, decoded.release());
    self->decoded_chars_used = cookie.chars_to_skip;
  } else if (self->can_read) {
    Ref<> fl = Ref<>::steal(long_from_long(cookie.dec_flags));
    Ref<> eb = Ref<>::steal(empty_bytes());
    xsetref(self->snapshot, tuple_pack(2, fl.get(), eb.get()));
  }
  if (self->encoder && !encoder_reset(self, cookie.start_pos == 0 && cookie.dec_flags == 0))
    return nullptr;
  return cookie_obj.release();
}

Object* textio_truncate(Object* self_obj, Object* const* args, ssize nargs) {
  if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
  TextIOObject* self = tio(self_obj);
  if (!check_attached(self)) return nullptr;
  Ref<> fr = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
  if (!fr) return nullptr;
  Object* pos = nargs > 0 ? args[0] : none();
  return detail::call_method(self->buffer, "truncate", pos, nullptr);
}

Object* textio_flush(Object* self_obj, Object*) {
  TextIOObject* self = tio(self_obj);
  if (!check_attached(self)) return nullptr;
  if (!check_closed(self)) return nullptr;
  self->telling = self->seekable;
  if (!writeflush(self)) return nullptr;
  return detail::call_method(self->buffer, "flush", nullptr);
}

Object* textio_close(Object* self_obj, Object*) {
  TextIOObject* self = tio(self_obj);
  if (!check_attached(self)) return nullptr;
  Ref<> c = Ref<>::steal(object_getattr_string(self->buffer, "closed"));
  if (!c) return nullptr;
  int closed = object_is_true(c.get());
  if (closed < 0) return nullptr;
  if (closed) return return_none();
  if (self->finalizing) {
    Ref<> w = Ref<>::steal(detail::call_method(self->buffer, "_dealloc_warn", self_obj, nullptr));
    if (!w) errors::clear();
  }
  Ref<> res = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
  Object* exc = res ? nullptr : errors::get_raised_exception();
  res = Ref<>::steal(detail::call_method(self->buffer, "close", nullptr));
  if (exc) {
    if (!res) {
      errors::chain_exceptions1(exc);
    } else {
      errors::set_raised_exception(exc);
    }
    return nullptr;
  }
  return res.release();
}

Object* textio_detach(Object* self_obj, Object*) {
  TextIOObject* self = tio(self_obj);
  if (!check_attached(self)) return nullptr;
  Ref<> fr = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
  if (!fr) return nullptr;
  Object* buffer = self->buffer;
  self->buffer = nullptr;
  self->detached = true;
  self->ok = false;
  return buffer;
}

#define FORWARD(fname, method)                                     \
  Object* fname(Object* self, Object*) {                           \
    if (!check_attached(tio(self))) return nullptr;                \
    return detail::call_method(tio(self)->buffer, method, nullptr); \
  }
FORWARD(textio_fileno, "fileno")
FORWARD(textio_seekable, "seekable")
FORWARD(textio_readable, "readable")
FORWARD(textio_writable, "writable")
FORWARD(textio_isatty, "isatty")
#undef FORWARD

Object* textio_name_get(Object* self, void*) {
  if (!check_attached(tio(self))) return nullptr;
  return object_getattr_string(tio(self)->buffer, "name");
}
Object* textio_closed_get(Object* self, void*) {
  if (!check_attached(tio(self))) return nullptr;
  return object_getattr_string(tio(self)->buffer, "closed");
}
Object* textio_newlines_get(Object* self, void*) {
  TextIOObject* t = tio(self);
  if (!check_attached(t)) return nullptr;
  if (!t->has_nl) {
    if (t->decoder) {
      Ref<> nm = Ref<>::steal(str_from_cstr("newlines"));
      Object* r = nullptr;
      if (object_get_optional_attr(t->decoder, nm.get(), &r) < 0) return nullptr;
      if (r) return r;
    }
    return return_none();
  }
  return nl_newlines(t->nl.seennl);
}
Object* textio_errors_get(Object* self, void*) {
  if (!check_attached(tio(self))) return nullptr;
  return new_ref(tio(self)->errors_obj);
}
Object* textio_encoding_get(Object* self, void*) {
  if (!check_attached(tio(self))) return nullptr;
  return new_ref(tio(self)->encoding);
}
Object* textio_buffer_get(Object* self, void*) {
  if (!check_attached(tio(self))) return nullptr;
  return new_ref(tio(self)->buffer);
}
Object* textio_line_buffering_get(Object* self, void*) {
  if (!check_attached(tio(self))) return nullptr;
  return new_ref(tio(self)->line_buffering ? true_object() : false_object());
}
Object* textio_write_through_get(Object* self, void*) {
  if (!check_attached(tio(self))) return nullptr;
  return new_ref(tio(self)->write_through ? true_object() : false_object());
}
Object* textio_chunk_size_get(Object* self, void*) {
  if (!check_attached(tio(self))) return nullptr;
  return long_from_ssize(tio(self)->chunk_size);
}
int textio_chunk_size_set(Object* self, Object* v, void*) {
  if (!check_attached(tio(self))) return -1;
  if (!v) {
    errors::set_string(exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  ssize n = number_as_ssize(v, exc_ValueError);
  if (n == -1 && errors::occurred()) return -1;
  if (n <= 0) {
    errors::set_string(exc_ValueError, "a strictly positive integer is required");
    return -1;
  }
  tio(self)->chunk_size = n;
  return 0;
}
Object* textio_finalizing_get(Object* self, void*) {
  return new_ref(tio(self)->finalizing ? true_object() : false_object());
}
int textio_finalizing_set(Object* self, Object* v, void*) {
  int r = v ? object_is_true(v) : 0;
  if (r < 0) return -1;
  tio(self)->finalizing = r != 0;
  return 0;
}

// _io_TextIOWrapper_reconfigure_impl(*, encoding=None, errors=None, newline=..., line_buffering=None, write_through=None).
Object* textio_reconfigure(Object* self_obj, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"encoding", "errors", "newline", "line_buffering",
                                   "write_through", nullptr};
  ArgParser p{"reconfigure", kw, 0, 0, 0};
  Object* a[5] = {};
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return nullptr;
  TextIOObject* self = tio(self_obj);
  if (!check_attached(self)) return nullptr;
  for (int i : {0, 1}) {
    if (a[i] && a[i] != none() && !str_check(a[i])) {
      std::string d = std::string("'") + kw[i] + "'";
      bad_argument("reconfigure", d.c_str(), "str or None", a[i]);
      return nullptr;
    }
  }
  bool newline_given = a[2] && a[2] != ellipsis();
  const char* newline = nullptr;
  if (newline_given && !validate_newline(a[2], &newline)) return nullptr;
  Object* encoding = a[0] == none() ? nullptr : a[0];
  Object* errs = a[1] == none() ? nullptr : a[1];
  if (self->decoded_chars && (encoding || errs || newline_given)) {
    return unsupported("It is not possible to set the encoding or newline of stream after the first read");
  }
  int lb = -1, wt = -1;
  if (a[3] && a[3] != none()) {
    lb = object_is_true(a[3]);
    if (lb < 0) return nullptr;
  }
  if (a[4] && a[4] != none()) {
    wt = object_is_true(a[4]);
    if (wt < 0) return nullptr;
  }
  Ref<> fr = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
  if (!fr) return nullptr;
  if (encoding || errs || newline_given) {
    if (encoding) {
      if (str_equal_cstr(encoding, "locale")) {
        xsetref(self->encoding, locale_encoding());
      } else {
        xsetref(self->encoding, new_ref(encoding));
      }
      if (!errs) xsetref(self->errors_obj, str_from_cstr("strict"));
    }
    if (errs) xsetref(self->errors_obj, new_ref(errs));
    if (newline_given) set_newline(self, newline);
    if (!set_codecs(self)) return nullptr;
  }
  if (lb >= 0) self->line_buffering = lb;
  if (wt >= 0) self->write_through = wt;
  return return_none();
}

Object* textio_repr(Object* self_obj) {
  TextIOObject* self = tio(self_obj);
  if (!self->ok) return str_from_format("<%s>", self_obj->type->name);
  if (object_print_repr_enter(self_obj) > 0) {
    return errors::format(exc_RuntimeError, "reentrant call inside %s.__repr__",
                          self_obj->type->name);
  }
  StrWriter w;
  Ref<> head = Ref<>::steal(str_from_format("<%s", self_obj->type->name));
  Object* result = nullptr;
  if (head && w.write_str(head.get()) >= 0) {
    bool ok = true;
    for (const char* attr : {"name", "mode"}) {
      Ref<> nm = Ref<>::steal(str_from_cstr(attr));
      Object* v = nullptr;
      if (object_get_optional_attr(self_obj, nm.get(), &v) < 0) {
        if (errors::exception_matches(exc_Exception)) {
          errors::clear();
        } else {
          ok = false;
          break;
        }
      }
      if (v) {
        Ref<> vr = Ref<>::steal(v);
        Ref<> piece = Ref<>::steal(str_from_format(" %s=%R", attr, v));
        if (!piece || w.write_str(piece.get()) < 0) {
          ok = false;
          break;
        }
      }
    }
    if (ok) {
      Ref<> tail = Ref<>::steal(str_from_format(" encoding=%R>", self->encoding));
      if (tail && w.write_str(tail.get()) >= 0) result = w.finish();
    }
  }
  object_print_repr_leave(self_obj);
  return result;
}

Object* textio_getstate(Object* self, Object*) {
  return errors::format(exc_TypeError, "cannot pickle '%.100s' instances", type_short_name(self->type));
}

int textio_traverse(Object* self, visitproc visit, void* arg) {
  TextIOObject* t = tio(self);
  for (Object* o : {t->buffer, t->encoding, t->errors_obj, t->encoder, t->decoder, t->readnl,
                    t->decoded_chars, t->snapshot, t->dict})
    if (o)
      if (int r = visit(o, arg)) return r;
  return 0;
}
int textio_clear(Object* self) {
  TextIOObject* t = tio(self);
  t->ok = false;
  clear(t->buffer);
  clear(t->encoding);
  clear(t->errors_obj);
  clear(t->encoder);
  clear(t->decoder);
  clear(t->readnl);
  clear(t->decoded_chars);
  clear(t->snapshot);
  clear(t->dict);
  return 0;
}
void textio_dealloc(Object* self) {
  tio(self)->finalizing = true;
  if (detail::dealloc_prologue(self)) return;
  TextIOObject* t = tio(self);
  Object* d = t->dict;
  t->dict = nullptr;
  textio_clear(self);
  t->dict = d;
  delete t->pending_in;
  delete t->pending_out;
  t->pending_in = t->pending_out = nullptr;
  detail::dealloc_epilogue(self);
}

MethodDef textio_methods[] = {
    {"detach", NOARGS(textio_detach), nullptr},
    {"reconfigure", FASTCALL_KW(textio_reconfigure), nullptr},
    {"write", METH_O(textio_write), nullptr},
    {"read", FASTCALL(textio_read), nullptr},
    {"readline", FASTCALL(textio_readline), nullptr},
    {"flush", NOARGS(textio_flush), nullptr},
    {"close", NOARGS(textio_close), nullptr},
    {"fileno", NOARGS(textio_fileno), nullptr},
    {"seekable", NOARGS(textio_seekable), nullptr},
    {"readable", NOARGS(textio_readable), nullptr},
    {"writable", NOARGS(textio_writable), nullptr},
    {"isatty", NOARGS(textio_isatty), nullptr},
    {"seek", FASTCALL(textio_seek), nullptr},
    {"tell", NOARGS(textio_tell), nullptr},
    {"truncate", FASTCALL(textio_truncate), nullptr},
    {"__getstate__", NOARGS(textio_getstate), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef textio_getset[] = {
    {"name", textio_name_get, nullptr, nullptr, nullptr},
    {"closed", textio_closed_get, nullptr, nullptr, nullptr},
    {"newlines", textio_newlines_get, nullptr, nullptr, nullptr},
    {"errors", textio_errors_get, nullptr, nullptr, nullptr},
    {"encoding", textio_encoding_get, nullptr, nullptr, nullptr},
    {"buffer", textio_buffer_get, nullptr, nullptr, nullptr},
    {"line_buffering", textio_line_buffering_get, nullptr, nullptr, nullptr},
    {"write_through", textio_write_through_get, nullptr, nullptr, nullptr},
    {"_CHUNK_SIZE", textio_chunk_size_get, textio_chunk_size_set, nullptr, nullptr},
    {"_finalizing", textio_finalizing_get, textio_finalizing_set, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject textiobase_type = [] {
  TypeObject t = static_type("_io._TextIOBase", sizeof(IOBaseObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &iobase_type;
  t.doc = "Base class for text I/O.\n\nThis class provides a character and line based interface "
          "to stream\nI/O. There is no readinto method because Python's character strings\nare "
          "immutable.\n";
  t.methods = textiobase_methods;
  t.getset = textiobase_getset;
  return t;
}();

TypeObject nldecoder_type = [] {
  TypeObject t = static_type("_io.IncrementalNewlineDecoder", sizeof(NLDecoderObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.dealloc = nldecoder_dealloc;
  t.doc = "IncrementalNewlineDecoder(decoder, translate, errors='strict')\n--\n\nCodec used when "
          "reading a file in universal newlines mode.\n\nIt wraps another incremental decoder, "
          "translating \\r\\n and \\r into \\n.\nIt also records the types of newlines "
          "encountered.  When used with\ntranslate=False, it ensures that the newline sequence "
          "is returned in\none piece. When used with decoder=None, it expects unicode strings "
          "as\ndecode input and translates newlines without first invoking an external\n"
          "decoder.";
  t.traverse = nldecoder_traverse;
  t.clear = nldecoder_clear;
  t.methods = nldecoder_methods;
  t.getset = nldecoder_getset;
  t.init = nldecoder_init;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

TypeObject textiowrapper_type = [] {
  TypeObject t = static_type("_io.TextIOWrapper", sizeof(TextIOObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &textiobase_type;
  t.dealloc = textio_dealloc;
  t.repr = textio_repr;
  t.doc = "TextIOWrapper(buffer, encoding=None, errors=None, newline=None,\n              "
          "line_buffering=False, write_through=False)\n--\n\nCharacter and line based layer "
          "over a BufferedIOBase object, buffer.";
  t.traverse = textio_traverse;
  t.clear = textio_clear;
  t.iternext = textio_iternext;
  t.methods = textio_methods;
  t.getset = textio_getset;
  t.init = textio_init;
  return t;
}();

}  // namespace cppy::modules::_io
