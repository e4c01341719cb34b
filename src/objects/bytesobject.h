// bytes: Include/cpython/bytesobject.h, Objects/bytesobject.c. The core the interpreter needs
// (code objects, marshal, literals): layout, creation, repr, hash, comparison, length and
// indexing. The methods of bytes (and bytearray) are for the text owner to add.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct BytesObject : VarObject {
  hash_t ob_shash;    // -1 until computed
  char ob_sval[1];    // size bytes, then a terminating NUL
};

extern TypeObject bytes_type;      // PyBytes_Type
extern TypeObject bytesiter_type;  // bytes_iterator

inline bool bytes_check(Object* o) { return is_type_subclass_fast(o, kTpflagsBytesSubclass); }
inline bool bytes_check_exact(Object* o) { return o->type == &bytes_type; }
inline char* bytes_as_string(Object* o) { return static_cast<BytesObject*>(o)->ob_sval; }
inline ssize bytes_size(Object* o) { return static_cast<VarObject*>(o)->size; }

// PyBytes_FromStringAndSize: s may be null (the bytes are left zeroed, to be filled).
Object* bytes_from_string_and_size(const char* s, ssize n);
Object* bytes_from_cstr(const char* s);  // PyBytes_FromString
Object* bytes_repr(Object* o, bool smartquotes = true);  // PyBytes_Repr
hash_t bytes_hash(Object* o);
// _PyBytes_Resize: *pv must be a new, unshared bytes object.
int bytes_resize(Object** pv, ssize newsize);
Object* bytes_concat(Object* a, Object* b);

}  // namespace cppy::objects
