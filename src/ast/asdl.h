// ASDL builtin types and sequences: Include/internal/pycore_asdl.h, Python/asdl.c.
//
// A sequence is a size, a pointer to its items and the items themselves, allocated in the
// arena in one piece. Every typed sequence (asdl_expr_seq, asdl_stmt_seq... in ast_gen.h)
// has the same head, so any of them can be viewed as the generic asdl_seq, as in CPython.
#pragma once

#include <cstddef>

#include "ast/arena.h"
#include "objects/object.h"

namespace cppy::ast {

using objects::Object;
using objects::ssize;

// The builtin ASDL types: str objects for identifier and string, any object for constant.
using identifier = Object*;
using string = Object*;
using constant = Object*;

struct asdl_seq {
  ssize size;
  void** elements;
  void* typed_elements[1];
};

struct asdl_identifier_seq {
  ssize size;
  void** elements;
  identifier typed_elements[1];
};

// Sequences of enumeration values (Compare.ops) and ints.
struct asdl_int_seq {
  ssize size;
  void** elements;
  int typed_elements[1];
};

// _Py_asdl_generic_seq_new, _Py_asdl_identifier_seq_new, _Py_asdl_int_seq_new: a zeroed
// sequence of size items; nullptr with MemoryError set on failure.
asdl_seq* asdl_generic_seq_new(ssize size, Arena* arena);
asdl_identifier_seq* asdl_identifier_seq_new(ssize size, Arena* arena);
asdl_int_seq* asdl_int_seq_new(ssize size, Arena* arena);

// asdl_seq_LEN (a null sequence is empty), asdl_seq_GET, asdl_seq_SET, and the untyped
// accessors used on the generic view.
template <class S>
inline ssize asdl_seq_LEN(const S* s) {
  return s ? s->size : 0;
}
template <class S>
inline auto asdl_seq_GET(const S* s, ssize i) {
  return s->typed_elements[i];
}
template <class S, class T>
inline void asdl_seq_SET(S* s, ssize i, T v) {
  s->typed_elements[i] = v;
}
template <class S>
inline void* asdl_seq_GET_UNTYPED(const S* s, ssize i) {
  return s->elements[i];
}
template <class S>
inline void asdl_seq_SET_UNTYPED(S* s, ssize i, void* v) {
  s->elements[i] = v;
}

// Sets ValueError "field 'FIELD' is required for NODE" (the generated constructors' check).
void required_field_missing(const char* field, const char* node);

namespace detail {
// Allocates a zeroed sequence: header bytes then size items of item_size bytes; sets the
// size and points elements at the items. nullptr with MemoryError set on failure.
void* seq_alloc(ssize size, size_t item_size, size_t header, Arena* arena);
}  // namespace detail

}  // namespace cppy::ast
