// The output buffer of the compression modules (Include/internal/pycore_blocks_output_buffer.h):
// a stream writes into next_out / avail_out, the buffer grows by blocks (32 KiB, 64 KiB,
// 256 KiB, ... as CPython's block table), at most max_length bytes in all when max_length >= 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "objects/object.h"

namespace cppy::modules {

class BlocksOutput {
 public:
  // _BlocksOutputBuffer_InitAndGrow: the first block; next_out / avail_out point into it.
  void init(objects::ssize max_length, uint8_t** next_out, size_t* avail_out);
  // _BlocksOutputBuffer_InitWithSize: a first block of init_size bytes, no length limit (the
  // next blocks follow the table from its second entry).
  void init_with_size(objects::ssize init_size, uint8_t** next_out, size_t* avail_out);
  // _BlocksOutputBuffer_Grow: the next block once avail_out is 0.
  void grow(uint8_t** next_out, size_t* avail_out);
  // The bytes written so far, given the stream's avail_out.
  objects::ssize used(size_t avail_out) const {
    return static_cast<objects::ssize>(buf_.size() - avail_out);
  }
  // _BlocksOutputBuffer_Finish: the output as bytes (new reference or null).
  objects::Object* finish(size_t avail_out) const;

 private:
  std::string buf_;
  objects::ssize max_length_ = -1;
  int blocks_ = 0;
};

}  // namespace cppy::modules
