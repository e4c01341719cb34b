// The compiler's memory arena: Include/internal/pycore_pyarena.h, Python/pyarena.c.
//
// AST nodes, sequences and the symbol table's scratch data are bump-allocated from an arena
// and released all at once when the arena is freed. The arena also owns references to the
// Python objects the tree points at (identifiers, constants): add_object adopts them and
// freeing the arena releases them.
#pragma once

#include <cstddef>

#include "objects/object.h"

namespace cppy::ast {

class Arena {
 public:
  Arena() = default;
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // _PyArena_Malloc: size bytes aligned for any node; nullptr with MemoryError set on
  // failure. The memory is released with the arena, never individually.
  void* malloc(size_t size);

  // _PyArena_AddPyObject: on success (0) the arena owns obj's reference (it is released when
  // the arena is freed); on failure (-1, MemoryError) the caller still owns it.
  int add_object(objects::Object* obj);

  // Bytes handed out by malloc so far (for tests and statistics).
  size_t total_allocated() const { return total_; }

 private:
  struct Block;
  Block* new_block(size_t size);

  Block* head_ = nullptr;     // first block, for freeing
  Block* current_ = nullptr;  // block being carved
  objects::Object** objects_ = nullptr;
  size_t nobjects_ = 0;
  size_t objects_capacity_ = 0;
  size_t total_ = 0;
};

// _PyArena_New: nullptr with MemoryError set on failure.
Arena* arena_new();
// _PyArena_Free.
void arena_free(Arena* arena);

}  // namespace cppy::ast
