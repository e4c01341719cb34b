// The _zstd module: Modules/_zstd/_zstdmodule.c of CPython 3.14 over the system libzstd
// (libzstd-dev): the error helpers, train_dict, finalize_dict, get_param_bounds,
// get_frame_size, get_frame_info, set_parameter_types, ZstdError and the constants. The
// types are in compressor.cpp, decompressor.cpp and zstddict.cpp.
#include "modules/_zstd/zstdmodule.h"

#include <zdict.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "errors/errors.h"
#include "modules/_zstd/zstd_internal.h"
#include "modules/argconv.h"
#include "objects/abstract.h"
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
#include "vm/ceval_gil.h"

namespace cppy::modules::_zstd {

using namespace objects;

State& state() {
  static State s;
  return s;
}

// set_zstd_error.
void set_zstd_error(ErrorType type, size_t zstd_ret) {
  const char* msg = "";
  switch (type) {
    case ERR_DECOMPRESS:
      msg = "Unable to decompress Zstandard data: %s";
      break;
    case ERR_COMPRESS:
      msg = "Unable to compress Zstandard data: %s";
      break;
    case ERR_SET_PLEDGED_INPUT_SIZE:
      msg = "Unable to set pledged uncompressed content size: %s";
      break;
    case ERR_LOAD_D_DICT:
      msg = "Unable to load Zstandard dictionary or prefix for decompression: %s";
      break;
    case ERR_LOAD_C_DICT:
      msg = "Unable to load Zstandard dictionary or prefix for compression: %s";
      break;
    case ERR_GET_C_BOUNDS:
      msg = "Unable to get zstd compression parameter bounds: %s";
      break;
    case ERR_GET_D_BOUNDS:
      msg = "Unable to get zstd decompression parameter bounds: %s";
      break;
    case ERR_SET_C_LEVEL:
      msg = "Unable to set zstd compression level: %s";
      break;
    case ERR_TRAIN_DICT:
      msg = "Unable to train the Zstandard dictionary: %s";
      break;
    case ERR_FINALIZE_DICT:
      msg = "Unable to finalize the Zstandard dictionary: %s";
      break;
  }
  errors::format(state().zstd_error, msg, ZSTD_getErrorName(zstd_ret));
}

ObjectLock::ObjectLock(std::mutex* m) : m_(m) {
  if (m->try_lock()) return;
  vm::AllowThreads unlocked;
  m->lock();
}

int add_module_entry(TypeObject* type) {
  Ref<> name = Ref<>::steal(str_from_cstr("compression.zstd"));
  if (!name || dict_set_item_string(type->dict, "__module__", name.get()) < 0) return -1;
  type_modified(type);
  return 0;
}

namespace {

struct ParameterInfo {
  int parameter;
  const char* name;
};

// cp_list / dp_list: the names of the parameters in the messages.
const ParameterInfo kCParameters[] = {
    {ZSTD_c_compressionLevel, "compression_level"},
    {ZSTD_c_windowLog, "window_log"},
    {ZSTD_c_hashLog, "hash_log"},
    {ZSTD_c_chainLog, "chain_log"},
    {ZSTD_c_searchLog, "search_log"},
    {ZSTD_c_minMatch, "min_match"},
    {ZSTD_c_targetLength, "target_length"},
    {ZSTD_c_strategy, "strategy"},
    {ZSTD_c_enableLongDistanceMatching, "enable_long_distance_matching"},
    {ZSTD_c_ldmHashLog, "ldm_hash_log"},
    {ZSTD_c_ldmMinMatch, "ldm_min_match"},
    {ZSTD_c_ldmBucketSizeLog, "ldm_bucket_size_log"},
    {ZSTD_c_ldmHashRateLog, "ldm_hash_rate_log"},
    {ZSTD_c_contentSizeFlag, "content_size_flag"},
    {ZSTD_c_checksumFlag, "checksum_flag"},
    {ZSTD_c_dictIDFlag, "dict_id_flag"},
    {ZSTD_c_nbWorkers, "nb_workers"},
    {ZSTD_c_jobSize, "job_size"},
    {ZSTD_c_overlapLog, "overlap_log"}};
const ParameterInfo kDParameters[] = {{ZSTD_d_windowLogMax, "window_log_max"}};

}  // namespace

// set_parameter_error.
void set_parameter_error(bool is_compress, int key_v, int value_v) {
  const char* type = is_compress ? "compression" : "decompression";
  const char* name = nullptr;
  if (is_compress) {
    for (const auto& p : kCParameters)
      if (p.parameter == key_v) name = p.name;
  } else {
    for (const auto& p : kDParameters)
      if (p.parameter == key_v) name = p.name;
  }
  char pos_msg[64];
  if (!name) {
    std::snprintf(pos_msg, sizeof pos_msg, "unknown parameter (key %d)", key_v);
    name = pos_msg;
  }
  ZSTD_bounds bounds = is_compress ? ZSTD_cParam_getBounds(static_cast<ZSTD_cParameter>(key_v))
                                   : ZSTD_dParam_getBounds(static_cast<ZSTD_dParameter>(key_v));
  if (ZSTD_isError(bounds.error)) {
    errors::format(exc_ValueError, "invalid %s parameter '%s'", type, name);
    return;
  }
  errors::format(exc_ValueError,
                 "%s parameter '%s' received an illegal value %d; the valid range is [%d, %d]",
                 type, name, value_v, bounds.lowerBound, bounds.upperBound);
}

namespace {

// calculate_samples_stats: the sizes of the samples as size_t, checked against the length of
// their concatenation. The number of samples, or -1.
ssize calculate_samples_stats(Object* samples_bytes, Object* samples_sizes,
                              std::vector<size_t>* chunk_sizes) {
  ssize chunks_number = tuple_size(samples_sizes);
  if (static_cast<size_t>(chunks_number) > UINT32_MAX) {
    errors::format(exc_ValueError, "The number of samples should be <= %u.",
                   static_cast<unsigned>(UINT32_MAX));
    return -1;
  }
  chunk_sizes->resize(static_cast<size_t>(chunks_number));
  size_t sizes_sum = static_cast<size_t>(bytes_size(samples_bytes));
  for (ssize i = 0; i < chunks_number; ++i) {
    // PyLong_AsSize_t: size_t is unsigned long long's width on the platforms cppy supports.
    size_t size = static_cast<size_t>(long_as_unsigned_long_long(tuple_item(samples_sizes, i)));
    (*chunk_sizes)[static_cast<size_t>(i)] = size;
    if (size == static_cast<size_t>(-1) && errors::occurred()) {
      if (!errors::exception_matches(exc_OverflowError)) return -1;
      errors::clear();
      sizes_sum = 1;  // reported as a mismatch below
      break;
    }
    if (sizes_sum < size) {
      sizes_sum = 1;
      break;
    }
    sizes_sum -= size;
  }
  if (sizes_sum != 0) {
    errors::set_string(exc_ValueError,
                       "The samples size tuple doesn't match the concatenation's size.");
    return -1;
  }
  return chunks_number;
}

// The bytes and tuple parameters of train_dict / finalize_dict (object(subclass_of=...)).
bool check_bytes(const char* fname, const char* argname, Object* o) {
  if (bytes_check(o)) return true;
  bad_argument(fname, argname, "bytes", o);
  return false;
}
bool check_tuple(const char* fname, const char* argname, Object* o) {
  if (tuple_check(o)) return true;
  bad_argument(fname, argname, "tuple", o);
  return false;
}

// _zstd_train_dict_impl: train_dict(samples_bytes, samples_sizes, dict_size, /).
Object* zstd_train_dict(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("train_dict", nargs, 3, 3)) return nullptr;
  if (!check_bytes("train_dict", "1", args[0]) ||
      !check_tuple("train_dict", "2", args[1]))
    return nullptr;
  ssize dict_size;
  if (!ssize_converter(args[2], &dict_size)) return nullptr;
  if (dict_size <= 0) {
    errors::set_string(exc_ValueError, "dict_size argument should be positive number.");
    return nullptr;
  }
  std::vector<size_t> chunk_sizes;
  ssize chunks_number = calculate_samples_stats(args[0], args[1], &chunk_sizes);
  if (chunks_number < 0) return nullptr;
  Object* dst = bytes_from_string_and_size(nullptr, dict_size);
  if (!dst) return nullptr;
  size_t zstd_ret;
  {
    vm::AllowThreads unlocked;
    zstd_ret = ZDICT_trainFromBuffer(bytes_as_string(dst), static_cast<size_t>(dict_size),
                                     bytes_as_string(args[0]), chunk_sizes.data(),
                                     static_cast<unsigned>(chunks_number));
  }
  if (ZDICT_isError(zstd_ret)) {
    set_zstd_error(ERR_TRAIN_DICT, zstd_ret);
    decref(dst);
    return nullptr;
  }
  if (bytes_resize(&dst, static_cast<ssize>(zstd_ret)) < 0) return nullptr;
  return dst;
}

// _zstd_finalize_dict_impl: finalize_dict(custom_dict_bytes, samples_bytes, samples_sizes,
// dict_size, compression_level, /).
Object* zstd_finalize_dict(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("finalize_dict", nargs, 5, 5)) return nullptr;
  if (!check_bytes("finalize_dict", "1", args[0]) ||
      !check_bytes("finalize_dict", "2", args[1]) ||
      !check_tuple("finalize_dict", "3", args[2]))
    return nullptr;
  ssize dict_size;
  if (!ssize_converter(args[3], &dict_size)) return nullptr;
  int compression_level = long_as_int(args[4]);
  if (compression_level == -1 && errors::occurred()) return nullptr;
  if (dict_size <= 0) {
    errors::set_string(exc_ValueError, "dict_size argument should be positive number.");
    return nullptr;
  }
  std::vector<size_t> chunk_sizes;
  ssize chunks_number = calculate_samples_stats(args[1], args[2], &chunk_sizes);
  if (chunks_number < 0) return nullptr;
  Object* dst = bytes_from_string_and_size(nullptr, dict_size);
  if (!dst) return nullptr;
  ZDICT_params_t params{};
  params.compressionLevel = compression_level;  // 0 means the default level
  params.notificationLevel = 0;                 // nothing on stderr
  params.dictID = 0;                            // a random id
  size_t zstd_ret;
  {
    vm::AllowThreads unlocked;
    zstd_ret = ZDICT_finalizeDictionary(
        bytes_as_string(dst), static_cast<size_t>(dict_size), bytes_as_string(args[0]),
        static_cast<size_t>(bytes_size(args[0])), bytes_as_string(args[1]), chunk_sizes.data(),
        static_cast<unsigned>(chunks_number), params);
  }
  if (ZDICT_isError(zstd_ret)) {
    set_zstd_error(ERR_FINALIZE_DICT, zstd_ret);
    decref(dst);
    return nullptr;
  }
  if (bytes_resize(&dst, static_cast<ssize>(zstd_ret)) < 0) return nullptr;
  return dst;
}

// _zstd_get_param_bounds_impl: get_param_bounds(parameter, is_compress).
Object* zstd_get_param_bounds(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"parameter", "is_compress", nullptr};
  static const ArgParser parser = {"get_param_bounds", kw, 2, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int parameter = long_as_int(a[0]);
  if (parameter == -1 && errors::occurred()) return nullptr;
  int is_compress = object_is_true(a[1]);
  if (is_compress < 0) return nullptr;
  ZSTD_bounds bound;
  if (is_compress) {
    bound = ZSTD_cParam_getBounds(static_cast<ZSTD_cParameter>(parameter));
    if (ZSTD_isError(bound.error)) {
      set_zstd_error(ERR_GET_C_BOUNDS, bound.error);
      return nullptr;
    }
  } else {
    bound = ZSTD_dParam_getBounds(static_cast<ZSTD_dParameter>(parameter));
    if (ZSTD_isError(bound.error)) {
      set_zstd_error(ERR_GET_D_BOUNDS, bound.error);
      return nullptr;
    }
  }
  Ref<> lo = Ref<>::steal(long_from_long(bound.lowerBound));
  Ref<> hi = Ref<>::steal(long_from_long(bound.upperBound));
  if (!lo || !hi) return nullptr;
  return tuple_pack(2, lo.get(), hi.get());
}

// _zstd_get_frame_size_impl: get_frame_size(frame_buffer).
Object* zstd_get_frame_size(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"frame_buffer", nullptr};
  static const ArgParser parser = {"get_frame_size", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  BufferHolder buf;
  if (buf.get(a[0]) < 0) return nullptr;
  size_t frame_size = ZSTD_findFrameCompressedSize(buf.data(), static_cast<size_t>(buf.size()));
  if (ZSTD_isError(frame_size)) {
    return errors::format(state().zstd_error,
                          "Error when finding the compressed size of a Zstandard frame. "
                          "Ensure the frame_buffer argument starts from the beginning of a "
                          "frame, and its length is not less than this complete frame. Zstd "
                          "error message: %s.",
                          ZSTD_getErrorName(frame_size));
  }
  return long_from_size_t(frame_size);
}

// _zstd_get_frame_info_impl: get_frame_info(frame_buffer) -> (decompressed size or None,
// dictionary id).
Object* zstd_get_frame_info(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"frame_buffer", nullptr};
  static const ArgParser parser = {"get_frame_info", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  BufferHolder buf;
  if (buf.get(a[0]) < 0) return nullptr;
  unsigned long long decompressed_size =
      ZSTD_getFrameContentSize(buf.data(), static_cast<size_t>(buf.size()));
  if (decompressed_size == ZSTD_CONTENTSIZE_ERROR) {
    errors::set_string(state().zstd_error,
                       "Error when getting information from the header of a Zstandard frame. "
                       "Ensure the frame_buffer argument starts from the beginning of a "
                       "frame, and its length is not less than the frame header (6~18 "
                       "bytes).");
    return nullptr;
  }
  unsigned dict_id = ZSTD_getDictID_fromFrame(buf.data(), static_cast<size_t>(buf.size()));
  Ref<> size = Ref<>::steal(decompressed_size == ZSTD_CONTENTSIZE_UNKNOWN
                                ? new_ref(none())
                                : long_from_unsigned_long_long(decompressed_size));
  Ref<> id = Ref<>::steal(long_from_unsigned_long_long(dict_id));
  if (!size || !id) return nullptr;
  return tuple_pack(2, size.get(), id.get());
}

// _zstd_set_parameter_types_impl: set_parameter_types(c_parameter_type, d_parameter_type).
Object* zstd_set_parameter_types(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"c_parameter_type", "d_parameter_type", nullptr};
  static const ArgParser parser = {"set_parameter_types", kw, 2, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!type_check_type(a[0])) {
    bad_argument("set_parameter_types", "'c_parameter_type'", "type", a[0]);
    return nullptr;
  }
  if (!type_check_type(a[1])) {
    bad_argument("set_parameter_types", "'d_parameter_type'", "type", a[1]);
    return nullptr;
  }
  State& st = state();
  xsetref(st.c_parameter_type, new_ref(a[0]));
  xsetref(st.d_parameter_type, new_ref(a[1]));
  return new_ref(none());
}

MethodDef zstd_methods[] = {
    {"train_dict", reinterpret_cast<void*>(zstd_train_dict), kMethFastcall,
     "train_dict($module, samples_bytes, samples_sizes, dict_size, /)\n--\n\n"
     "Train a Zstandard dictionary on sample data.\n\n"
     "  samples_bytes\n"
     "    Concatenation of samples.\n"
     "  samples_sizes\n"
     "    Tuple of samples' sizes.\n"
     "  dict_size\n"
     "    The size of the dictionary."},
    {"finalize_dict", reinterpret_cast<void*>(zstd_finalize_dict), kMethFastcall,
     "finalize_dict($module, custom_dict_bytes, samples_bytes, samples_sizes,\n"
     "              dict_size, compression_level, /)\n--\n\n"
     "Finalize a Zstandard dictionary.\n\n"
     "  custom_dict_bytes\n"
     "    Custom dictionary content.\n"
     "  samples_bytes\n"
     "    Concatenation of samples.\n"
     "  samples_sizes\n"
     "    Tuple of samples' sizes.\n"
     "  dict_size\n"
     "    The size of the dictionary.\n"
     "  compression_level\n"
     "    Optimize for a specific Zstandard compression level, 0 means default."},
    {"get_param_bounds", reinterpret_cast<void*>(zstd_get_param_bounds),
     kMethFastcall | kMethKeywords,
     "get_param_bounds($module, /, parameter, is_compress)\n--\n\n"
     "Get CompressionParameter/DecompressionParameter bounds.\n\n"
     "  parameter\n"
     "    The parameter to get bounds.\n"
     "  is_compress\n"
     "    True for CompressionParameter, False for DecompressionParameter."},
    {"get_frame_size", reinterpret_cast<void*>(zstd_get_frame_size),
     kMethFastcall | kMethKeywords,
     "get_frame_size($module, /, frame_buffer)\n--\n\n"
     "Get the size of a Zstandard frame, including the header and optional checksum.\n\n"
     "  frame_buffer\n"
     "    A bytes-like object, it should start from the beginning of a frame,\n"
     "    and contains at least one complete frame."},
    {"get_frame_info", reinterpret_cast<void*>(zstd_get_frame_info),
     kMethFastcall | kMethKeywords,
     "get_frame_info($module, /, frame_buffer)\n--\n\n"
     "Get Zstandard frame infomation from a frame header.\n\n"
     "  frame_buffer\n"
     "    A bytes-like object, containing the header of a Zstandard frame."},
    {"set_parameter_types", reinterpret_cast<void*>(zstd_set_parameter_types),
     kMethFastcall | kMethKeywords,
     "set_parameter_types($module, /, c_parameter_type, d_parameter_type)\n--\n\n"
     "Set CompressionParameter and DecompressionParameter types for validity check.\n\n"
     "  c_parameter_type\n"
     "    CompressionParameter IntEnum type object\n"
     "  d_parameter_type\n"
     "    DecompressionParameter IntEnum type object"},
    {nullptr, nullptr, 0, nullptr}};

int add_int(Object* m, const char* name, long long v) {
  Ref<> o = Ref<>::steal(long_from_long_long(v));
  if (!o) return -1;
  return module_add_object_ref(m, name, o.get());
}

// _zstd_exec.
int zstd_exec(Object* m) {
  State& st = state();
  if (ready_zstddict_type() < 0 || ready_compressor_type() < 0 ||
      ready_decompressor_type() < 0)
    return -1;
  if (module_add_object_ref(m, "ZstdDict", &zstddict_type) < 0 ||
      module_add_object_ref(m, "ZstdCompressor", &compressor_type) < 0 ||
      module_add_object_ref(m, "ZstdDecompressor", &decompressor_type) < 0)
    return -1;
  if (!st.zstd_error) {
    Ref<> dict = Ref<>::steal(dict_new());
    Ref<> doc = Ref<>::steal(str_from_cstr("An error occurred in the zstd library."));
    if (!dict || !doc || dict_set_item_string(dict.get(), "__doc__", doc.get()) < 0) return -1;
    st.zstd_error = new_exception("compression.zstd.ZstdError", nullptr, dict.get());
    if (!st.zstd_error) return -1;
  }
  if (module_add_object_ref(m, "ZstdError", st.zstd_error) < 0) return -1;
  if (add_int(m, "zstd_version_number", ZSTD_versionNumber()) < 0) return -1;
  {
    Ref<> v = Ref<>::steal(str_from_cstr(ZSTD_versionString()));
    if (!v || module_add_object_ref(m, "zstd_version", v.get()) < 0) return -1;
  }
  if (add_int(m, "ZSTD_CLEVEL_DEFAULT", ZSTD_defaultCLevel()) < 0) return -1;
  if (add_int(m, "ZSTD_DStreamOutSize", static_cast<long long>(ZSTD_DStreamOutSize())) < 0)
    return -1;
  const std::pair<const char*, int> consts[] = {
      {"ZSTD_c_compressionLevel", ZSTD_c_compressionLevel},
      {"ZSTD_c_windowLog", ZSTD_c_windowLog},
      {"ZSTD_c_hashLog", ZSTD_c_hashLog},
      {"ZSTD_c_chainLog", ZSTD_c_chainLog},
      {"ZSTD_c_searchLog", ZSTD_c_searchLog},
      {"ZSTD_c_minMatch", ZSTD_c_minMatch},
      {"ZSTD_c_targetLength", ZSTD_c_targetLength},
      {"ZSTD_c_strategy", ZSTD_c_strategy},
      {"ZSTD_c_enableLongDistanceMatching", ZSTD_c_enableLongDistanceMatching},
      {"ZSTD_c_ldmHashLog", ZSTD_c_ldmHashLog},
      {"ZSTD_c_ldmMinMatch", ZSTD_c_ldmMinMatch},
      {"ZSTD_c_ldmBucketSizeLog", ZSTD_c_ldmBucketSizeLog},
      {"ZSTD_c_ldmHashRateLog", ZSTD_c_ldmHashRateLog},
      {"ZSTD_c_contentSizeFlag", ZSTD_c_contentSizeFlag},
      {"ZSTD_c_checksumFlag", ZSTD_c_checksumFlag},
      {"ZSTD_c_dictIDFlag", ZSTD_c_dictIDFlag},
      {"ZSTD_c_nbWorkers", ZSTD_c_nbWorkers},
      {"ZSTD_c_jobSize", ZSTD_c_jobSize},
      {"ZSTD_c_overlapLog", ZSTD_c_overlapLog},
      {"ZSTD_d_windowLogMax", ZSTD_d_windowLogMax},
      {"ZSTD_fast", ZSTD_fast},
      {"ZSTD_dfast", ZSTD_dfast},
      {"ZSTD_greedy", ZSTD_greedy},
      {"ZSTD_lazy", ZSTD_lazy},
      {"ZSTD_lazy2", ZSTD_lazy2},
      {"ZSTD_btlazy2", ZSTD_btlazy2},
      {"ZSTD_btopt", ZSTD_btopt},
      {"ZSTD_btultra", ZSTD_btultra},
      {"ZSTD_btultra2", ZSTD_btultra2}};
  for (const auto& [name, v] : consts)
    if (add_int(m, name, v) < 0) return -1;
  return 0;
}

ModuleDef zstd_def = {"_zstd", "Implementation module for Zstandard compression.", zstd_methods,
                      zstd_exec};

}  // namespace

ModuleDef* module_def() { return &zstd_def; }

}  // namespace cppy::modules::_zstd
