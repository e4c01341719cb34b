// The _lzma module: Modules/_lzmamodule.c of CPython 3.14 over the system liblzma
// (liblzma-dev). The objects run with the GIL held, so they need no lock of their own.
#include "modules/_lzma/lzmamodule.h"

#include <lzma.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/argconv.h"
#include "modules/blocks_output.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_lzma {

using namespace objects;

namespace {

enum Format { FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW };

constexpr int kLzmaCheckUnknown = LZMA_CHECK_ID_MAX + 1;

TypeObject* lzma_error = nullptr;  // _lzma.LZMAError

// catch_lzma_error: true (with an exception) for an error code of liblzma.
bool catch_lzma_error(lzma_ret lzret) {
  switch (lzret) {
    case LZMA_OK:
    case LZMA_GET_CHECK:
    case LZMA_NO_CHECK:
    case LZMA_STREAM_END:
      return false;
    case LZMA_UNSUPPORTED_CHECK:
      errors::set_string(lzma_error, "Unsupported integrity check");
      return true;
    case LZMA_MEM_ERROR:
      errors::no_memory();
      return true;
    case LZMA_MEMLIMIT_ERROR:
      errors::set_string(lzma_error, "Memory usage limit exceeded");
      return true;
    case LZMA_FORMAT_ERROR:
      errors::set_string(lzma_error, "Input format not supported by decoder");
      return true;
    case LZMA_OPTIONS_ERROR:
      errors::set_string(lzma_error, "Invalid or unsupported options");
      return true;
    case LZMA_DATA_ERROR:
      errors::set_string(lzma_error, "Corrupt input data");
      return true;
    case LZMA_BUF_ERROR:
      errors::set_string(lzma_error, "Insufficient buffer space");
      return true;
    case LZMA_PROG_ERROR:
      errors::set_string(lzma_error, "Internal error");
      return true;
    default:
      errors::format(lzma_error, "Unrecognized error from liblzma: %d", static_cast<int>(lzret));
      return true;
  }
}

// INT_TYPE_CONVERTER_FUNC: the unsigned converters of the filter options and arguments.
bool uint32_converter(Object* obj, uint32_t* out) {
  unsigned long long v;
  if (!unsigned_converter(obj, UINT32_MAX, "uint32_t", &v)) return false;
  *out = static_cast<uint32_t>(v);
  return true;
}
bool uint64_converter(Object* obj, uint64_t* out) {
  unsigned long long v;
  if (!unsigned_converter(obj, UINT64_MAX, "uint64_t", &v)) return false;
  *out = v;
  return true;
}
bool lzma_vli_converter(Object* obj, lzma_vli* out) {
  unsigned long long v;
  if (!unsigned_converter(obj, UINT64_MAX, "lzma_vli", &v)) return false;
  *out = v;
  return true;
}

// ---- filter specifications ------------------------------------------------------------------

// The options of one filter, parsed from the keywords of spec (PyArg_ParseTupleAndKeywords
// with an empty tuple): names lists the accepted keys; each converter stores into its slot.
// False when a key is unknown or a value does not convert.
struct OptionSlot {
  const char* name;
  bool (*convert)(Object*, void*);
  void* target;
};

bool conv_u32(Object* o, void* p) { return uint32_converter(o, static_cast<uint32_t*>(p)); }
bool conv_mode(Object* o, void* p) {
  unsigned long long v;
  if (!unsigned_converter(o, UINT32_MAX, "lzma_mode", &v)) return false;
  *static_cast<lzma_mode*>(p) = static_cast<lzma_mode>(v);
  return true;
}
bool conv_mf(Object* o, void* p) {
  unsigned long long v;
  if (!unsigned_converter(o, UINT32_MAX, "lzma_match_finder", &v)) return false;
  *static_cast<lzma_match_finder*>(p) = static_cast<lzma_match_finder>(v);
  return true;
}
bool conv_ignore(Object*, void*) { return true; }

// Whether every key of spec (a dict) is one of slots and converts. Keys that are not str
// fail as the keyword parser fails.
bool parse_options(Object* spec, const OptionSlot* slots, size_t n) {
  if (!dict_check(spec)) {
    errors::set_string(exc_TypeError, "keywords must be a dict");
    return false;
  }
  ssize pos = 0;
  Object* key;
  Object* value;
  while (dict_next(spec, &pos, &key, &value)) {
    if (!str_check(key)) return false;
    size_t i = 0;
    for (; i < n; ++i)
      if (str_equal_cstr(key, slots[i].name)) break;
    if (i == n) return false;
    if (!slots[i].convert(value, slots[i].target)) return false;
  }
  return true;
}

// parse_filter_spec_lzma.
void* parse_filter_spec_lzma(Object* spec) {
  uint32_t preset = LZMA_PRESET_DEFAULT;
  Object* preset_obj = nullptr;
  if (dict_check(spec)) {
    preset_obj = dict_get_item_string(spec, "preset");
  } else {
    Ref<> key = Ref<>::steal(str_from_cstr("preset"));
    if (!key) return nullptr;
    preset_obj = object_get_item(spec, key.get());
    if (!preset_obj) {
      if (!errors::exception_matches(exc_KeyError)) return nullptr;
      errors::clear();
    } else {
      decref(preset_obj);  // kept alive by spec
    }
  }
  if (preset_obj && !uint32_converter(preset_obj, &preset)) return nullptr;
  auto* options = static_cast<lzma_options_lzma*>(std::calloc(1, sizeof(lzma_options_lzma)));
  if (!options) return errors::no_memory();
  if (lzma_lzma_preset(options, preset)) {
    std::free(options);
    errors::format(lzma_error, "Invalid compression preset: %u", preset);
    return nullptr;
  }
  const OptionSlot slots[] = {
      {"id", conv_ignore, nullptr},
      {"preset", conv_ignore, nullptr},
      {"dict_size", conv_u32, &options->dict_size},
      {"lc", conv_u32, &options->lc},
      {"lp", conv_u32, &options->lp},
      {"pb", conv_u32, &options->pb},
      {"mode", conv_mode, &options->mode},
      {"nice_len", conv_u32, &options->nice_len},
      {"mf", conv_mf, &options->mf},
      {"depth", conv_u32, &options->depth}};
  if (!parse_options(spec, slots, std::size(slots))) {
    errors::clear();
    errors::set_string(exc_ValueError, "Invalid filter specifier for LZMA filter");
    std::free(options);
    return nullptr;
  }
  return options;
}

// parse_filter_spec_delta.
void* parse_filter_spec_delta(Object* spec) {
  uint32_t dist = 1;
  const OptionSlot slots[] = {{"id", conv_ignore, nullptr}, {"dist", conv_u32, &dist}};
  if (!parse_options(spec, slots, std::size(slots))) {
    errors::clear();
    errors::set_string(exc_ValueError, "Invalid filter specifier for delta filter");
    return nullptr;
  }
  auto* options = static_cast<lzma_options_delta*>(std::calloc(1, sizeof(lzma_options_delta)));
  if (!options) return errors::no_memory();
  options->type = LZMA_DELTA_TYPE_BYTE;
  options->dist = dist;
  return options;
}

// parse_filter_spec_bcj.
void* parse_filter_spec_bcj(Object* spec) {
  uint32_t start_offset = 0;
  const OptionSlot slots[] = {{"id", conv_ignore, nullptr},
                              {"start_offset", conv_u32, &start_offset}};
  if (!parse_options(spec, slots, std::size(slots))) {
    errors::clear();
    errors::set_string(exc_ValueError, "Invalid filter specifier for BCJ filter");
    return nullptr;
  }
  auto* options = static_cast<lzma_options_bcj*>(std::calloc(1, sizeof(lzma_options_bcj)));
  if (!options) return errors::no_memory();
  options->start_offset = start_offset;
  return options;
}

// lzma_filter_converter (parse_filter_spec): f->options is malloc'd.
bool lzma_filter_converter(Object* spec, lzma_filter* f) {
  if (!mapping_check(spec)) {
    errors::set_string(exc_TypeError, "Filter specifier must be a dict or dict-like object");
    return false;
  }
  Ref<> key = Ref<>::steal(str_from_cstr("id"));
  if (!key) return false;
  Ref<> id_obj = Ref<>::steal(object_get_item(spec, key.get()));
  if (!id_obj) {
    if (errors::exception_matches(exc_KeyError)) {
      errors::clear();
      errors::set_string(exc_ValueError, "Filter specifier must have an \"id\" entry");
    }
    return false;
  }
  if (!lzma_vli_converter(id_obj.get(), &f->id)) return false;
  switch (f->id) {
    case LZMA_FILTER_LZMA1:
    case LZMA_FILTER_LZMA2:
      f->options = parse_filter_spec_lzma(spec);
      break;
    case LZMA_FILTER_DELTA:
      f->options = parse_filter_spec_delta(spec);
      break;
    case LZMA_FILTER_X86:
    case LZMA_FILTER_POWERPC:
    case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM:
    case LZMA_FILTER_ARMTHUMB:
    case LZMA_FILTER_SPARC:
      f->options = parse_filter_spec_bcj(spec);
      break;
    default:
      errors::format(exc_ValueError, "Invalid filter ID: %llu",
                     static_cast<unsigned long long>(f->id));
      return false;
  }
  return f->options != nullptr;
}

void free_filter_chain(lzma_filter filters[]) {
  for (int i = 0; filters[i].id != LZMA_VLI_UNKNOWN; ++i) std::free(filters[i].options);
}

// parse_filter_chain_spec: filters ends with LZMA_VLI_UNKNOWN. 0 or -1.
int parse_filter_chain_spec(lzma_filter filters[], Object* filterspecs) {
  ssize num_filters = object_length(filterspecs);
  if (num_filters == -1) return -1;
  if (num_filters > LZMA_FILTERS_MAX) {
    errors::format(exc_ValueError, "Too many filters - liblzma supports a maximum of %d",
                   LZMA_FILTERS_MAX);
    return -1;
  }
  for (ssize i = 0; i < num_filters; ++i) {
    Ref<> index = Ref<>::steal(long_from_ssize(i));
    Ref<> spec = Ref<>::steal(index ? object_get_item(filterspecs, index.get()) : nullptr);
    bool ok = spec && lzma_filter_converter(spec.get(), &filters[i]);
    if (!ok) {
      filters[i].id = LZMA_VLI_UNKNOWN;
      free_filter_chain(filters);
      return -1;
    }
  }
  filters[num_filters].id = LZMA_VLI_UNKNOWN;
  return 0;
}

// build_filter_spec: the dict describing f.
Object* build_filter_spec(const lzma_filter* f) {
  Ref<> spec = Ref<>::steal(dict_new());
  if (!spec) return nullptr;
  auto add = [&](const char* name, unsigned long long v) {
    Ref<> o = Ref<>::steal(long_from_unsigned_long_long(v));
    return o && dict_set_item_string(spec.get(), name, o.get()) == 0;
  };
  if (!add("id", f->id)) return nullptr;
  switch (f->id) {
    // lzma_properties_{encode,decode} only look at lc, lp, pb and dict_size for LZMA1, and
    // at dict_size for LZMA2.
    case LZMA_FILTER_LZMA1: {
      auto* o = static_cast<lzma_options_lzma*>(f->options);
      if (!add("lc", o->lc) || !add("lp", o->lp) || !add("pb", o->pb) ||
          !add("dict_size", o->dict_size))
        return nullptr;
      break;
    }
    case LZMA_FILTER_LZMA2: {
      auto* o = static_cast<lzma_options_lzma*>(f->options);
      if (!add("dict_size", o->dict_size)) return nullptr;
      break;
    }
    case LZMA_FILTER_DELTA: {
      auto* o = static_cast<lzma_options_delta*>(f->options);
      if (!add("dist", o->dist)) return nullptr;
      break;
    }
    case LZMA_FILTER_X86:
    case LZMA_FILTER_POWERPC:
    case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM:
    case LZMA_FILTER_ARMTHUMB:
    case LZMA_FILTER_SPARC: {
      auto* o = static_cast<lzma_options_bcj*>(f->options);
      if (o && !add("start_offset", o->start_offset)) return nullptr;
      break;
    }
    default:
      errors::format(exc_ValueError, "Invalid filter ID: %llu",
                     static_cast<unsigned long long>(f->id));
      return nullptr;
  }
  return spec.release();
}

// ---- LZMACompressor -------------------------------------------------------------------------

struct Compressor : Object {
  lzma_stream lzs;
  int flushed;
  bool initialised;
};

TypeObject compressor_type{};

// compress: feeds data with action (LZMA_RUN or LZMA_FINISH) and collects the output.
Object* compress(Compressor* c, const uint8_t* data, size_t len, lzma_action action) {
  BlocksOutput out;
  out.init(-1, &c->lzs.next_out, &c->lzs.avail_out);
  c->lzs.next_in = data;
  c->lzs.avail_in = len;
  for (;;) {
    lzma_ret lzret = lzma_code(&c->lzs, action);
    if (lzret == LZMA_BUF_ERROR && len == 0 && c->lzs.avail_out > 0) {
      lzret = LZMA_OK;  // not a real error
    }
    if (catch_lzma_error(lzret)) return nullptr;
    if ((action == LZMA_RUN && c->lzs.avail_in == 0) ||
        (action == LZMA_FINISH && lzret == LZMA_STREAM_END)) {
      break;
    } else if (c->lzs.avail_out == 0) {
      out.grow(&c->lzs.next_out, &c->lzs.avail_out);
    }
  }
  return out.finish(c->lzs.avail_out);
}

// _lzma_LZMACompressor_compress_impl.
Object* Compressor_compress(Object* op, Object* arg) {
  auto* self = static_cast<Compressor*>(op);
  BufferHolder data;
  if (data.get(arg) < 0) return nullptr;
  if (self->flushed) {
    errors::set_string(exc_ValueError, "Compressor has been flushed");
    return nullptr;
  }
  return compress(self, reinterpret_cast<const uint8_t*>(data.data()),
                  static_cast<size_t>(data.size()), LZMA_RUN);
}

// _lzma_LZMACompressor_flush_impl.
Object* Compressor_flush(Object* op, Object*) {
  auto* self = static_cast<Compressor*>(op);
  if (self->flushed) {
    errors::set_string(exc_ValueError, "Repeated call to flush()");
    return nullptr;
  }
  self->flushed = 1;
  return compress(self, nullptr, 0, LZMA_FINISH);
}

// Compressor_init_xz.
int init_xz(lzma_stream* lzs, int check, uint32_t preset, Object* filterspecs) {
  lzma_ret lzret;
  if (filterspecs == none()) {
    lzret = lzma_easy_encoder(lzs, preset, static_cast<lzma_check>(check));
  } else {
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    if (parse_filter_chain_spec(filters, filterspecs) == -1) return -1;
    lzret = lzma_stream_encoder(lzs, filters, static_cast<lzma_check>(check));
    free_filter_chain(filters);
  }
  return catch_lzma_error(lzret) ? -1 : 0;
}

// Compressor_init_alone.
int init_alone(lzma_stream* lzs, uint32_t preset, Object* filterspecs) {
  lzma_ret lzret;
  if (filterspecs == none()) {
    lzma_options_lzma options;
    if (lzma_lzma_preset(&options, preset)) {
      errors::format(lzma_error, "Invalid compression preset: %u", preset);
      return -1;
    }
    lzret = lzma_alone_encoder(lzs, &options);
  } else {
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    if (parse_filter_chain_spec(filters, filterspecs) == -1) return -1;
    if (filters[0].id == LZMA_FILTER_LZMA1 && filters[1].id == LZMA_VLI_UNKNOWN) {
      lzret = lzma_alone_encoder(lzs, static_cast<lzma_options_lzma*>(filters[0].options));
    } else {
      errors::set_string(exc_ValueError,
                         "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
      lzret = LZMA_PROG_ERROR;
    }
    free_filter_chain(filters);
  }
  if (errors::occurred() || catch_lzma_error(lzret)) return -1;
  return 0;
}

// Compressor_init_raw.
int init_raw(lzma_stream* lzs, Object* filterspecs) {
  if (filterspecs == none()) {
    errors::set_string(exc_ValueError, "Must specify filters for FORMAT_RAW");
    return -1;
  }
  lzma_filter filters[LZMA_FILTERS_MAX + 1];
  if (parse_filter_chain_spec(filters, filterspecs) == -1) return -1;
  lzma_ret lzret = lzma_raw_encoder(lzs, filters);
  free_filter_chain(filters);
  return catch_lzma_error(lzret) ? -1 : 0;
}

// Compressor_new: LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None).
Object* Compressor_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"format", "check", "preset", "filters", nullptr};
  static const ArgParser parser = {"LZMACompressor", kw, 0, 4, 0};
  Object* a[4] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwds, nullptr, parser, a))
    return nullptr;
  int format = FORMAT_XZ, check = -1;
  if (a[0]) {
    format = long_as_int(a[0]);
    if (format == -1 && errors::occurred()) return nullptr;
  }
  if (a[1]) {
    check = long_as_int(a[1]);
    if (check == -1 && errors::occurred()) return nullptr;
  }
  Object* preset_obj = a[2] ? a[2] : none();
  Object* filterspecs = a[3] ? a[3] : none();
  uint32_t preset = LZMA_PRESET_DEFAULT;
  if (format != FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE) {
    errors::set_string(exc_ValueError, "Integrity checks are only supported by FORMAT_XZ");
    return nullptr;
  }
  if (preset_obj != none() && filterspecs != none()) {
    errors::set_string(exc_ValueError, "Cannot specify both preset and filter chain");
    return nullptr;
  }
  if (preset_obj != none() && !uint32_converter(preset_obj, &preset)) return nullptr;
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<Compressor*>(obj.get());
  self->lzs = LZMA_STREAM_INIT;
  self->flushed = 0;
  self->initialised = false;
  switch (format) {
    case FORMAT_XZ:
      if (check == -1) check = LZMA_CHECK_CRC64;
      if (init_xz(&self->lzs, check, preset, filterspecs) != 0) return nullptr;
      break;
    case FORMAT_ALONE:
      if (init_alone(&self->lzs, preset, filterspecs) != 0) return nullptr;
      break;
    case FORMAT_RAW:
      if (init_raw(&self->lzs, filterspecs) != 0) return nullptr;
      break;
    default:
      errors::format(exc_ValueError, "Invalid container format: %d", format);
      return nullptr;
  }
  self->initialised = true;
  return obj.release();
}

void Compressor_dealloc(Object* o) {
  auto* self = static_cast<Compressor*>(o);
  lzma_end(&self->lzs);
  o->type->free(o);
}

// ---- LZMADecompressor -----------------------------------------------------------------------

struct Decompressor : Object {
  lzma_stream lzs;
  int check;
  char eof;
  char needs_input;
  Object* unused_data;
  std::string* input;  // input not consumed yet (owned)
};

TypeObject decompressor_type{};

// decompress_buf: at most max_length bytes (all when negative) from the pending input.
Object* decompress_buf(Decompressor* d, ssize max_length) {
  lzma_stream* lzs = &d->lzs;
  BlocksOutput out;
  out.init(max_length, &lzs->next_out, &lzs->avail_out);
  for (;;) {
    lzma_ret lzret = lzma_code(lzs, LZMA_RUN);
    ssize data_size = out.used(lzs->avail_out);
    if (lzret == LZMA_BUF_ERROR && lzs->avail_in == 0 && lzs->avail_out > 0) {
      lzret = LZMA_OK;  // not a real error
    }
    if (catch_lzma_error(lzret)) return nullptr;
    if (lzret == LZMA_GET_CHECK || lzret == LZMA_NO_CHECK) d->check = lzma_get_check(lzs);
    if (lzret == LZMA_STREAM_END) {
      d->eof = 1;
      break;
    } else if (lzs->avail_out == 0) {
      // The decoder may still hold output: avail_out is checked before avail_in.
      if (data_size == max_length) break;
      out.grow(&lzs->next_out, &lzs->avail_out);
    } else if (lzs->avail_in == 0) {
      break;
    }
  }
  return out.finish(lzs->avail_out);
}

// _lzma_LZMADecompressor_decompress_impl: decompress(data, max_length=-1).
Object* Decompressor_decompress(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"data", "max_length", nullptr};
  static const ArgParser parser = {"decompress", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  auto* self = static_cast<Decompressor*>(op);
  BufferHolder data;
  if (data.get(a[0]) < 0) return nullptr;
  ssize max_length = -1;
  if (a[1] && !ssize_converter(a[1], &max_length)) return nullptr;
  if (self->eof) {
    errors::set_string(exc_EOFError, "Already at end of stream");
    return nullptr;
  }
  std::string& input = *self->input;
  input.append(data.data(), static_cast<size_t>(data.size()));
  lzma_stream* lzs = &self->lzs;
  lzs->next_in = reinterpret_cast<const uint8_t*>(input.data());
  lzs->avail_in = input.size();
  Object* result = decompress_buf(self, max_length);
  if (!result) {
    input.clear();
    return nullptr;
  }
  if (self->eof) {
    self->needs_input = 0;
    if (lzs->avail_in > 0) {
      Object* unused = bytes_from_string_and_size(reinterpret_cast<const char*>(lzs->next_in),
                                                  static_cast<ssize>(lzs->avail_in));
      if (!unused) {
        decref(result);
        return nullptr;
      }
      xsetref(self->unused_data, unused);
    }
    input.clear();
  } else if (lzs->avail_in == 0) {
    input.clear();
    // With the output full, the decoder may still hold a few bytes to give next time.
    self->needs_input = lzs->avail_out == 0 ? 0 : 1;
  } else {
    self->needs_input = 0;
    input.erase(0, input.size() - lzs->avail_in);
  }
  return result;
}

// _lzma_LZMADecompressor_impl: LZMADecompressor(format=FORMAT_AUTO, memlimit=None,
// filters=None).
Object* Decompressor_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"format", "memlimit", "filters", nullptr};
  static const ArgParser parser = {"LZMADecompressor", kw, 0, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwds, nullptr, parser, a))
    return nullptr;
  int format = FORMAT_AUTO;
  if (a[0]) {
    format = long_as_int(a[0]);
    if (format == -1 && errors::occurred()) return nullptr;
  }
  Object* memlimit = a[1] ? a[1] : none();
  Object* filters = a[2] ? a[2] : none();
  const uint32_t decoder_flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
  uint64_t memlimit_ = UINT64_MAX;
  if (memlimit != none() && format == FORMAT_RAW) {
    errors::set_string(exc_ValueError, "Cannot specify memory limit with FORMAT_RAW");
    return nullptr;
  }
  if (format == FORMAT_RAW && filters == none()) {
    errors::set_string(exc_ValueError, "Must specify filters for FORMAT_RAW");
    return nullptr;
  } else if (format != FORMAT_RAW && filters != none()) {
    errors::set_string(exc_ValueError, "Cannot specify filters except with FORMAT_RAW");
    return nullptr;
  }
  if (memlimit != none() && !uint64_converter(memlimit, &memlimit_)) return nullptr;
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<Decompressor*>(obj.get());
  self->lzs = LZMA_STREAM_INIT;
  self->check = kLzmaCheckUnknown;
  self->eof = 0;
  self->needs_input = 1;
  self->input = new std::string();
  self->unused_data = bytes_from_string_and_size("", 0);
  if (!self->unused_data) return nullptr;
  lzma_ret lzret;
  switch (format) {
    case FORMAT_AUTO:
      lzret = lzma_auto_decoder(&self->lzs, memlimit_, decoder_flags);
      if (catch_lzma_error(lzret)) return nullptr;
      break;
    case FORMAT_XZ:
      lzret = lzma_stream_decoder(&self->lzs, memlimit_, decoder_flags);
      if (catch_lzma_error(lzret)) return nullptr;
      break;
    case FORMAT_ALONE:
      self->check = LZMA_CHECK_NONE;
      lzret = lzma_alone_decoder(&self->lzs, memlimit_);
      if (catch_lzma_error(lzret)) return nullptr;
      break;
    case FORMAT_RAW: {
      self->check = LZMA_CHECK_NONE;
      lzma_filter chain[LZMA_FILTERS_MAX + 1];
      if (parse_filter_chain_spec(chain, filters) == -1) return nullptr;
      lzret = lzma_raw_decoder(&self->lzs, chain);
      free_filter_chain(chain);
      if (catch_lzma_error(lzret)) return nullptr;
      break;
    }
    default:
      errors::format(exc_ValueError, "Invalid container format: %d", format);
      return nullptr;
  }
  return obj.release();
}

void Decompressor_dealloc(Object* o) {
  auto* self = static_cast<Decompressor*>(o);
  lzma_end(&self->lzs);
  delete self->input;
  xdecref(self->unused_data);
  o->type->free(o);
}

MethodDef compressor_methods[] = {
    {"compress", reinterpret_cast<void*>(Compressor_compress), kMethO,
     "compress($self, data, /)\n--\n\nProvide data to the compressor object.\n\nReturns a chunk "
     "of compressed data if possible, or b\'\' otherwise.\n\nWhen you have finished providing "
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
     "uncompressed data as bytes.\n\nIf *max_length* is nonnegative, returns at most "
     "*max_length* bytes of\ndecompressed data. If this limit is reached and further output "
     "can be\nproduced, *self.needs_input* will be set to ``False``. In this case, the next\n"
     "call to *decompress()* may provide *data* as b\'\' to obtain more of the output.\n\n"
     "If all of the input data was decompressed and returned (either because this\nwas less "
     "than *max_length* bytes, or because *max_length* was negative),\n*self.needs_input* "
     "will be set to True.\n\nAttempting to decompress data after the end of stream is "
     "reached raises an\nEOFError.  Any data found after the end of the stream is ignored "
     "and saved in\nthe unused_data attribute."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef decompressor_members[] = {
    {"check", kMemberInt, offsetof(Decompressor, check), kMemberReadonly,
     "ID of the integrity check used by the input stream."},
    {"eof", kMemberBool, offsetof(Decompressor, eof), kMemberReadonly,
     "True if the end-of-stream marker has been reached."},
    {"unused_data", kMemberObjectEx, offsetof(Decompressor, unused_data), kMemberReadonly,
     "Data found after the end of the compressed stream."},
    {"needs_input", kMemberBool, offsetof(Decompressor, needs_input), kMemberReadonly,
     "True if more input is needed before more decompressed data can be produced."},
    {nullptr, 0, 0, 0, nullptr}};

// ---- module functions -----------------------------------------------------------------------

// _lzma_is_check_supported_impl.
Object* lzma_is_check_supported(Object*, Object* arg) {
  int check_id = long_as_int(arg);
  if (check_id == -1 && errors::occurred()) return nullptr;
  return bool_from_bool(lzma_check_is_supported(static_cast<lzma_check>(check_id)));
}

// _lzma__encode_filter_properties_impl.
Object* lzma_encode_filter_properties(Object*, Object* arg) {
  lzma_filter filter = {LZMA_VLI_UNKNOWN, nullptr};
  if (!lzma_filter_converter(arg, &filter)) {
    std::free(filter.options);
    return nullptr;
  }
  uint32_t encoded_size;
  lzma_ret lzret = lzma_properties_size(&encoded_size, &filter);
  Object* result = nullptr;
  if (!catch_lzma_error(lzret)) {
    std::string buf(encoded_size, '\0');
    lzret = lzma_properties_encode(&filter, reinterpret_cast<uint8_t*>(buf.data()));
    if (!catch_lzma_error(lzret))
      result = bytes_from_string_and_size(buf.data(), static_cast<ssize>(buf.size()));
  }
  std::free(filter.options);
  return result;
}

// _lzma__decode_filter_properties_impl: (filter_id, encoded_props, /).
Object* lzma_decode_filter_properties(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_decode_filter_properties", nargs, 2, 2)) return nullptr;
  lzma_filter filter = {LZMA_VLI_UNKNOWN, nullptr};
  if (!lzma_vli_converter(args[0], &filter.id)) return nullptr;
  BufferHolder props;
  if (props.get(args[1]) < 0) return nullptr;
  lzma_ret lzret = lzma_properties_decode(&filter, nullptr,
                                          reinterpret_cast<const uint8_t*>(props.data()),
                                          static_cast<size_t>(props.size()));
  if (catch_lzma_error(lzret)) return nullptr;
  Object* result = build_filter_spec(&filter);
  // lzma_properties_decode allocates the options with malloc (no allocator given).
  std::free(filter.options);
  return result;
}

MethodDef lzma_methods[] = {
    {"is_check_supported", reinterpret_cast<void*>(lzma_is_check_supported), kMethO,
     "is_check_supported($module, check_id, /)\n--\n\nTest whether the given integrity check "
     "is supported.\n\nAlways returns True for CHECK_NONE and CHECK_CRC32."},
    {"_encode_filter_properties", reinterpret_cast<void*>(lzma_encode_filter_properties),
     kMethO,
     "_encode_filter_properties($module, filter, /)\n--\n\nReturn a bytes object encoding the "
     "options (properties) of the filter specified by *filter* (a dict).\n\nThe result does "
     "not include the filter ID itself, only the options."},
    {"_decode_filter_properties", reinterpret_cast<void*>(lzma_decode_filter_properties),
     kMethFastcall,
     "_decode_filter_properties($module, filter_id, encoded_props, /)\n--\n\nReturn a "
     "bytes object encoding the options (properties) of the filter specified by *filter* (a "
     "dict).\n\nThe result does not include the filter ID itself, only the options."},
    {nullptr, nullptr, 0, nullptr}};

int ready_types() {
  if (compressor_type.name) return 0;
  {
    TypeObject t = static_type("_lzma.LZMACompressor", sizeof(Compressor), 0,
                               kTpflagsImmutabletype);
    t.doc =
        "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)\n\n"
        "Create a compressor object for compressing data incrementally.\n\n"
        "format specifies the container format to use for the output. This can\n"
        "be FORMAT_XZ (default), FORMAT_ALONE, or FORMAT_RAW.\n\n"
        "check specifies the integrity check to use. For FORMAT_XZ, the default\n"
        "is CHECK_CRC64. FORMAT_ALONE and FORMAT_RAW do not support integrity\n"
        "checks; for these formats, check must be omitted, or be CHECK_NONE.\n\n"
        "The settings used by the compressor can be specified either as a\n"
        "preset compression level (with the 'preset' argument), or in detail\n"
        "as a custom filter chain (with the 'filters' argument). For FORMAT_XZ\n"
        "and FORMAT_ALONE, the default is to use the PRESET_DEFAULT preset\n"
        "level. For FORMAT_RAW, the caller must always specify a filter chain;\n"
        "the raw compressor does not support preset compression levels.\n\n"
        "preset (if provided) should be an integer in the range 0-9, optionally\n"
        "OR-ed with the constant PRESET_EXTREME.\n\n"
        "filters (if provided) should be a sequence of dicts. Each dict should\n"
        "have an entry for \"id\" indicating the ID of the filter, plus\n"
        "additional entries for options to the filter.\n\n"
        "For one-shot compression, use the compress() function instead.\n";
    t.dealloc = Compressor_dealloc;
    t.methods = compressor_methods;
    t.alloc = type_generic_alloc;
    t.new_ = Compressor_new;
    t.free = object_generic_free;
    compressor_type = t;
  }
  {
    TypeObject t = static_type("_lzma.LZMADecompressor", sizeof(Decompressor), 0,
                               kTpflagsImmutabletype);
    t.doc =
        "LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)\n--\n\n"
        "Create a decompressor object for decompressing data incrementally.\n\n"
        "  format\n"
        "    Specifies the container format of the input stream.  If this is\n"
        "    FORMAT_AUTO (the default), the decompressor will automatically detect\n"
        "    whether the input is FORMAT_XZ or FORMAT_ALONE.  Streams created with\n"
        "    FORMAT_RAW cannot be autodetected.\n"
        "  memlimit\n"
        "    Limit the amount of memory used by the decompressor.  This will cause\n"
        "    decompression to fail if the input cannot be decompressed within the\n"
        "    given limit.\n"
        "  filters\n"
        "    A custom filter chain.  This argument is required for FORMAT_RAW, and\n"
        "    not accepted with any other format.  When provided, this should be a\n"
        "    sequence of dicts, each indicating the ID and options for a single\n"
        "    filter.\n\n"
        "For one-shot decompression, use the decompress() function instead.";
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

int add_int(Object* m, const char* name, unsigned long long v) {
  Ref<> o = Ref<>::steal(long_from_unsigned_long_long(v));
  if (!o) return -1;
  return module_add_object_ref(m, name, o.get());
}

// lzma_exec.
int lzma_exec(Object* m) {
  const std::pair<const char*, unsigned long long> consts[] = {
      {"FORMAT_AUTO", FORMAT_AUTO},
      {"FORMAT_XZ", FORMAT_XZ},
      {"FORMAT_ALONE", FORMAT_ALONE},
      {"FORMAT_RAW", FORMAT_RAW},
      {"CHECK_NONE", LZMA_CHECK_NONE},
      {"CHECK_CRC32", LZMA_CHECK_CRC32},
      {"CHECK_CRC64", LZMA_CHECK_CRC64},
      {"CHECK_SHA256", LZMA_CHECK_SHA256},
      {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
      {"CHECK_UNKNOWN", kLzmaCheckUnknown},
      {"FILTER_LZMA1", LZMA_FILTER_LZMA1},
      {"FILTER_LZMA2", LZMA_FILTER_LZMA2},
      {"FILTER_DELTA", LZMA_FILTER_DELTA},
      {"FILTER_X86", LZMA_FILTER_X86},
      {"FILTER_IA64", LZMA_FILTER_IA64},
      {"FILTER_ARM", LZMA_FILTER_ARM},
      {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
      {"FILTER_SPARC", LZMA_FILTER_SPARC},
      {"FILTER_POWERPC", LZMA_FILTER_POWERPC},
      {"MF_HC3", LZMA_MF_HC3},
      {"MF_HC4", LZMA_MF_HC4},
      {"MF_BT2", LZMA_MF_BT2},
      {"MF_BT3", LZMA_MF_BT3},
      {"MF_BT4", LZMA_MF_BT4},
      {"MODE_FAST", LZMA_MODE_FAST},
      {"MODE_NORMAL", LZMA_MODE_NORMAL},
      {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
      {"PRESET_EXTREME", LZMA_PRESET_EXTREME}};
  for (const auto& [name, v] : consts)
    if (add_int(m, name, v) < 0) return -1;
  if (!lzma_error) {
    Ref<> dict = Ref<>::steal(dict_new());
    Ref<> doc = Ref<>::steal(str_from_cstr("Call to liblzma failed."));
    if (!dict || !doc || dict_set_item_string(dict.get(), "__doc__", doc.get()) < 0) return -1;
    lzma_error = new_exception("_lzma.LZMAError", nullptr, dict.get());
    if (!lzma_error) return -1;
  }
  if (module_add_object_ref(m, "LZMAError", lzma_error) < 0) return -1;
  if (ready_types() < 0) return -1;
  if (module_add_object_ref(m, "LZMACompressor", &compressor_type) < 0 ||
      module_add_object_ref(m, "LZMADecompressor", &decompressor_type) < 0) {
    return -1;
  }
  return 0;
}

ModuleDef lzma_def = {"_lzma", nullptr, lzma_methods, lzma_exec};

}  // namespace

ModuleDef* module_def() { return &lzma_def; }

}  // namespace cppy::modules::_lzma
