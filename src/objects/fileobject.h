// The file helpers of Objects/fileobject.c that C code uses on any file-like object:
// PyObject_AsFileDescriptor, PyFile_WriteObject, PyFile_WriteString, PyFile_GetLine.
// (PyFile_NewStdPrinter is src/vm/stdprinter; PyFile_OpenCode is _io.open_code, no hook.)
#pragma once

#include "objects/object.h"

namespace cppy::objects {

// PyObject_AsFileDescriptor: an int (a bool warns), or the int o.fileno() returns; -1 with
// TypeError / ValueError ("file descriptor cannot be a negative integer (N)") otherwise.
int object_as_file_descriptor(Object* o);

inline constexpr int kPrintRaw = 1;  // Py_PRINT_RAW: write str(v) rather than repr(v)
// PyFile_WriteObject: f.write(str(v) or repr(v)); 0 or -1.
int file_write_object(Object* v, Object* f, int flags);
// PyFile_WriteString: f.write(s); 0 or -1 (nothing written while an exception is set).
int file_write_string(const char* s, Object* f);
// PyFile_GetLine: f.readline() (n <= 0) or f.readline(n); str or bytes. With n < 0, EOFError
// at the end and the trailing newline dropped.
Object* file_get_line(Object* f, int n);

}  // namespace cppy::objects
