// The marshal format: Include/marshal.h, Python/marshal.c. Versions 0 to 5, object references
// (FLAG_REF, version 3+), code objects, and the .pyc file header of CPython 3.14.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "objects/object.h"

namespace cppy::marshal {

using objects::Object;

inline constexpr int kVersion = 5;  // Py_MARSHAL_VERSION
// The .pyc magic number of CPython 3.14 (importlib.util.MAGIC_NUMBER: 3627, "\r\n").
inline constexpr uint16_t kMagicNumber = 3627;

// PyMarshal_ReadObjectFromString / marshal.loads: the object encoded in data[0..size), with
// ValueError, EOFError or TypeError for malformed input. *consumed (if given) receives the
// number of bytes read.
Object* loads(const char* data, size_t size, size_t* consumed = nullptr);
// marshal.load's read_object over a file object (RFILE.readable): each field is read with
// file.readinto() of exactly its size, so the file is left just after the object.
Object* load_from_file(Object* file);
// PyMarshal_WriteObjectToString / marshal.dumps: a bytes object, ValueError for unmarshallable
// objects.
Object* dumps(Object* value, int version = kVersion);

// Reads a .pyc file (the 16-byte header of PEP 552 then the module's code object). Sets
// ImportError/EOFError/ValueError/OSError on failure.
Object* read_pyc_file(const char* path);
// The code object of .pyc data already in memory (header included).
Object* read_pyc(const char* data, size_t size, const char* name);

}  // namespace cppy::marshal
