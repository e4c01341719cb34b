// What bytes and bytearray share (Include/internal/pycore_bytes_methods.h and the helpers
// Objects/bytesobject.c exports to bytearrayobject.c): bytearray's method table takes the
// shared method implementations of bytes_methods.cpp by name, as CPython's two types call the
// same _Py_bytes_* functions.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

// The entry of bytes' method table named name (its function serves a bytearray self too:
// results are of self's kind). Null if there is none.
const MethodDef* bytes_method(const char* name);
// The contents of a bytes or bytearray.
std::string_view byteslike_view(Object* o);
// A C-contiguous copy of o's buffer as bytes, or as bytearray.
Object* bytes_from_buffer(Object* o, bool bytearray);
// Appends the ints of an iterable (each in range(256)) to buf; "cannot convert 'T' object to
// TYPE_NAME" when o is not iterable. 0 or -1.
int bytes_collect_ints(Object* o, const char* type_name, std::string* buf);
// bytes % args and bytearray % args (_PyBytes_FormatEx).
Object* bytes_format(std::string_view format, Object* args, bool bytearray);
// _Py_bytes_contains: `arg in hay` for bytes and bytearray.
int byteslike_contains(std::string_view hay, Object* arg);
// bytes.maketrans(frm, to) (a static method of both types).
Object* bytes_maketrans(Object* frm, Object* to);

}  // namespace cppy::objects
