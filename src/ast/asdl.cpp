// Python/asdl.c: sequence constructors; the constructors' missing-field error.
#include "ast/asdl.h"

#include <cstdint>
#include <cstring>

#include "ast/core_api.h"

#include "objects/exceptions.h"

namespace cppy::ast {

namespace {
struct SeqHead {
  ssize size;
  void** elements;
};
}  // namespace

// GENERATE_ASDL_SEQ_CONSTRUCTOR: refuses sizes whose byte count would overflow.
void* detail::seq_alloc(ssize size, size_t item_size, size_t header, Arena* arena) {
  if (size < 0 || (size && static_cast<size_t>(size) > (SIZE_MAX - header) / item_size)) {
    errors::no_memory();
    return nullptr;
  }
  size_t n = header + (size ? static_cast<size_t>(size) : 1) * item_size;
  void* mem = arena->malloc(n);
  if (!mem) return nullptr;
  std::memset(mem, 0, n);
  auto* head = static_cast<SeqHead*>(mem);
  head->size = size;
  head->elements = reinterpret_cast<void**>(static_cast<char*>(mem) + header);
  return mem;
}

asdl_seq* asdl_generic_seq_new(ssize size, Arena* arena) {
  return static_cast<asdl_seq*>(
      detail::seq_alloc(size, sizeof(void*), offsetof(asdl_seq, typed_elements), arena));
}

asdl_identifier_seq* asdl_identifier_seq_new(ssize size, Arena* arena) {
  return static_cast<asdl_identifier_seq*>(detail::seq_alloc(
      size, sizeof(identifier), offsetof(asdl_identifier_seq, typed_elements), arena));
}

asdl_int_seq* asdl_int_seq_new(ssize size, Arena* arena) {
  return static_cast<asdl_int_seq*>(
      detail::seq_alloc(size, sizeof(int), offsetof(asdl_int_seq, typed_elements), arena));
}

void required_field_missing(const char* field, const char* node) {
  errors::format(objects::exc_ValueError, "field '%s' is required for %s", field, node);
}

}  // namespace cppy::ast
