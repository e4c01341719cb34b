// The blocks output buffer (Include/internal/pycore_blocks_output_buffer.h). One std::string
// grows instead of a list of bytes blocks: the bytes written, and the sizes offered to the
// stream at each step, are CPython's.
#include "modules/blocks_output.h"

#include "objects/bytesobject.h"

namespace cppy::modules {

namespace {

constexpr objects::ssize kKB = 1024, kMB = 1024 * 1024;
// BUFFER_BLOCK_SIZE.
constexpr objects::ssize kBlockSize[] = {
    32 * kKB, 64 * kKB, 256 * kKB, 1 * kMB, 4 * kMB, 8 * kMB, 16 * kMB, 16 * kMB, 32 * kMB,
    32 * kMB, 32 * kMB, 32 * kMB, 64 * kMB, 64 * kMB, 128 * kMB, 128 * kMB, 256 * kMB};
constexpr int kBlocks = sizeof kBlockSize / sizeof kBlockSize[0];

}  // namespace

void BlocksOutput::init(objects::ssize max_length, uint8_t** next_out, size_t* avail_out) {
  max_length_ = max_length;
  objects::ssize n = kBlockSize[0];
  if (max_length >= 0 && n > max_length) n = max_length;
  buf_.assign(static_cast<size_t>(n), '\0');
  blocks_ = 1;
  *next_out = reinterpret_cast<uint8_t*>(buf_.data());
  *avail_out = static_cast<size_t>(n);
}

void BlocksOutput::init_with_size(objects::ssize init_size, uint8_t** next_out,
                                  size_t* avail_out) {
  max_length_ = -1;
  buf_.assign(static_cast<size_t>(init_size), '\0');
  blocks_ = 1;
  *next_out = reinterpret_cast<uint8_t*>(buf_.data());
  *avail_out = static_cast<size_t>(init_size);
}

void BlocksOutput::grow(uint8_t** next_out, size_t* avail_out) {
  objects::ssize used = static_cast<objects::ssize>(buf_.size() - *avail_out);
  objects::ssize n = kBlockSize[blocks_ < kBlocks ? blocks_ : kBlocks - 1];
  objects::ssize total = static_cast<objects::ssize>(buf_.size());
  if (max_length_ >= 0 && total + n > max_length_) n = max_length_ - total;
  ++blocks_;
  buf_.resize(static_cast<size_t>(total + n));
  *next_out = reinterpret_cast<uint8_t*>(buf_.data()) + used;
  *avail_out = buf_.size() - static_cast<size_t>(used);
}

objects::Object* BlocksOutput::finish(size_t avail_out) const {
  return objects::bytes_from_string_and_size(buf_.data(), used(avail_out));
}

}  // namespace cppy::modules
