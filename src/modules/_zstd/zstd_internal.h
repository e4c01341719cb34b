// What the files of the _zstd module share (Modules/_zstd/_zstdmodule.h, zstddict.h,
// buffer.h): the module state, the error helpers, the ZstdDict layout and the output buffer
// over ZSTD_outBuffer. Private to src/modules/_zstd.
#pragma once

#include <zstd.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>

#include "modules/blocks_output.h"
#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::modules::_zstd {

using objects::Object;
using objects::ssize;
using objects::TypeObject;

// error_type of _zstdmodule.h: which message set_zstd_error formats.
enum ErrorType {
  ERR_DECOMPRESS,
  ERR_COMPRESS,
  ERR_SET_PLEDGED_INPUT_SIZE,
  ERR_LOAD_D_DICT,
  ERR_LOAD_C_DICT,
  ERR_GET_C_BOUNDS,
  ERR_GET_D_BOUNDS,
  ERR_SET_C_LEVEL,
  ERR_TRAIN_DICT,
  ERR_FINALIZE_DICT,
};

// dictionary_type: how a ZstdDict is loaded (the int of the zd.as_* tuples).
enum DictType { DICT_TYPE_DIGESTED = 0, DICT_TYPE_UNDIGESTED = 1, DICT_TYPE_PREFIX = 2 };

// _zstd_state.
struct State {
  TypeObject* zstd_error = nullptr;          // compression.zstd.ZstdError
  Object* c_parameter_type = nullptr;        // CompressionParameter (set_parameter_types)
  Object* d_parameter_type = nullptr;        // DecompressionParameter
};
State& state();

extern TypeObject zstddict_type;
extern TypeObject compressor_type;
extern TypeObject decompressor_type;

// ZstdDict (zstddict.h): the dictionary's bytes, its id, and the digested forms made on
// demand (one ZSTD_CDict per compression level, CPython's c_dicts, and one ZSTD_DDict).
struct ZstdDict : Object {
  std::mutex* lock;  // guards the digested forms (CPython's PyMutex)
  ZSTD_DDict* d_dict;
  std::map<int, ZSTD_CDict*>* c_dicts;
  char* dict_buffer;
  ssize dict_len;
  uint32_t dict_id;
};

// The objects' locks (CPython's PyMutex): libzstd runs without the GIL, so another thread
// may use the same object meanwhile. The lock is waited for without the GIL (as PyMutex_Lock
// detaches the thread), so that its holder can take the GIL back and finish.
class ObjectLock {
 public:
  explicit ObjectLock(std::mutex* m);
  ~ObjectLock() { m_->unlock(); }
  ObjectLock(const ObjectLock&) = delete;
  ObjectLock& operator=(const ObjectLock&) = delete;

 private:
  std::mutex* m_;
};

// set_zstd_error: ZstdError with the message of type and ZSTD_getErrorName(zstd_ret).
void set_zstd_error(ErrorType type, size_t zstd_ret);
// set_parameter_error: ValueError naming the parameter and its bounds.
void set_parameter_error(bool is_compress, int key_v, int value_v);
// _Py_parse_zstd_dict: dict is a ZstdDict, or a (ZstdDict, type) tuple from zd.as_*; *ptype
// is set in the second case. Borrowed, or null with TypeError.
ZstdDict* parse_zstd_dict(Object* dict, int* ptype);

// _get_CDict (compressor.c) and _get_DDict (decompressor.c): the digested dictionary, owned
// by zd, whose lock the caller holds. Null with ZstdError.
ZSTD_CDict* get_cdict(ZstdDict* zd, int compression_level);
ZSTD_DDict* get_ddict(ZstdDict* zd);

// CPython makes the three types with PyType_FromModuleAndSpec, which stores __module__ in
// the type's dict; the static types here get the same entry after type_ready. 0 or -1.
int add_module_entry(TypeObject* type);

int ready_zstddict_type();
int ready_compressor_type();
int ready_decompressor_type();

// buffer.h: the blocks output buffer seen as a ZSTD_outBuffer (dst, size, pos).
class OutBuffer {
 public:
  // _OutputBuffer_InitAndGrow.
  void init_and_grow(ssize max_length) {
    uint8_t* next;
    size_t avail;
    max_length_ = max_length;
    blocks_.init(max_length, &next, &avail);
    out = {next, avail, 0};
  }
  // _OutputBuffer_InitWithSize: a first block of init_size bytes (max_length is -1 here).
  void init_with_size(ssize init_size) {
    uint8_t* next;
    size_t avail;
    max_length_ = -1;
    blocks_.init_with_size(init_size, &next, &avail);
    out = {next, avail, 0};
  }
  // _OutputBuffer_Grow, once out is full.
  void grow() {
    uint8_t* next = static_cast<uint8_t*>(out.dst) + out.pos;
    size_t avail = out.size - out.pos;
    blocks_.grow(&next, &avail);
    out = {next, avail, 0};
  }
  // _OutputBuffer_ReachedMaxLength, once out is full.
  bool reached_max_length() const { return blocks_.used(out.size - out.pos) == max_length_; }
  // _OutputBuffer_Finish: the bytes written (new reference or null).
  Object* finish() const { return blocks_.finish(out.size - out.pos); }

  ZSTD_outBuffer out{};

 private:
  BlocksOutput blocks_;
  ssize max_length_ = -1;
};

}  // namespace cppy::modules::_zstd
