// Python/pyarena.c: a list of blocks carved front to back.
#include "ast/arena.h"

#include <cstdlib>
#include <new>

#include "errors/errors.h"

namespace cppy::ast {

namespace {
// Blocks hold 8 KiB unless one allocation needs more (DEFAULT_BLOCK_SIZE).
constexpr size_t kBlockSize = 8192;
// Every allocation is rounded to this (ALIGNMENT): nodes hold pointers and ints only.
constexpr size_t kAlignment = alignof(std::max_align_t) < 8 ? 8 : alignof(std::max_align_t);

size_t round_up(size_t n) { return (n + kAlignment - 1) & ~(kAlignment - 1); }
}  // namespace

struct Arena::Block {
  size_t size;    // usable bytes after the header
  size_t offset;  // bytes already handed out
  Block* next;

  char* base() { return reinterpret_cast<char*>(this) + round_up(sizeof(Block)); }
};

Arena::Block* Arena::new_block(size_t size) {
  void* mem = std::malloc(round_up(sizeof(Block)) + size);
  if (!mem) return nullptr;
  Block* b = static_cast<Block*>(mem);
  b->size = size;
  b->offset = 0;
  b->next = nullptr;
  return b;
}

Arena::~Arena() {
  // The object list is released like a Python list: last item first.
  for (size_t i = nobjects_; i-- > 0;) objects::decref(objects_[i]);
  std::free(objects_);
  for (Block* b = head_; b;) {
    Block* next = b->next;
    std::free(b);
    b = next;
  }
}

// _PyArena_Malloc / block_alloc: carve from the current block or chain a new one.
void* Arena::malloc(size_t size) {
  size = round_up(size == 0 ? 1 : size);
  if (!current_ || current_->size - current_->offset < size) {
    Block* b = new_block(size > kBlockSize ? size : kBlockSize);
    if (!b) {
      errors::no_memory();
      return nullptr;
    }
    if (current_) {
      current_->next = b;
    } else {
      head_ = b;
    }
    current_ = b;
  }
  void* p = current_->base() + current_->offset;
  current_->offset += size;
  total_ += size;
  return p;
}

// _PyArena_AddPyObject.
int Arena::add_object(objects::Object* obj) {
  if (nobjects_ == objects_capacity_) {
    size_t cap = objects_capacity_ ? objects_capacity_ * 2 : 16;
    void* grown = std::realloc(objects_, cap * sizeof(objects::Object*));
    if (!grown) {
      errors::no_memory();
      return -1;
    }
    objects_ = static_cast<objects::Object**>(grown);
    objects_capacity_ = cap;
  }
  objects_[nobjects_++] = obj;
  return 0;
}

// _PyArena_New.
Arena* arena_new() {
  Arena* a = new (std::nothrow) Arena();
  if (!a) errors::no_memory();
  return a;
}

// _PyArena_Free.
void arena_free(Arena* arena) { delete arena; }

}  // namespace cppy::ast
