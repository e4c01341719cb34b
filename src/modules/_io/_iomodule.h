// The _io module: Modules/_io/_iomodule.{h,c} and the types of iobase.c, fileio.c, bytesio.c,
// stringio.c, bufferedio.c and textio.c. Every instance starts with IOBaseObject (its
// __dict__ and weak reference list at the same offsets), which the types share.
#pragma once

#include "modules/moduledef.h"
#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::modules::_io {

using objects::Object;
using objects::ssize;
using objects::TypeObject;

// DEFAULT_BUFFER_SIZE of 3.14 (128 KiB).
inline constexpr ssize kDefaultBufferSize = 128 * 1024;

struct IOBaseObject : Object {
  Object* dict;
  Object* weakreflist;
};

extern TypeObject iobase_type;            // _io._IOBase
extern TypeObject rawiobase_type;         // _io._RawIOBase
extern TypeObject bufferediobase_type;    // _io._BufferedIOBase
extern TypeObject textiobase_type;        // _io._TextIOBase
extern TypeObject fileio_type;            // _io.FileIO
extern TypeObject bytesio_type;           // _io.BytesIO
extern TypeObject stringio_type;          // _io.StringIO
extern TypeObject bufferedreader_type;    // _io.BufferedReader
extern TypeObject bufferedwriter_type;    // _io.BufferedWriter
extern TypeObject bufferedrandom_type;    // _io.BufferedRandom
extern TypeObject bufferedrwpair_type;    // _io.BufferedRWPair
extern TypeObject textiowrapper_type;     // _io.TextIOWrapper
extern TypeObject nldecoder_type;         // _io.IncrementalNewlineDecoder

// io.UnsupportedOperation (OSError, ValueError), made at the first use; borrowed.
TypeObject* unsupported_operation();
// Raises UnsupportedOperation(message); returns nullptr.
std::nullptr_t unsupported(const char* message);

// ModuleDef of _io.
ModuleDef* module_def();

// io.open(file, mode, buffering, encoding, errors, newline, closefd, opener) as a function
// for builtins.open and start-up (_io_open_impl). Arguments may be null for their defaults.
Object* open(Object* file, const char* mode, int buffering, const char* encoding,
             const char* errors, const char* newline, bool closefd, Object* opener);

// The sys.stdin/stdout/stderr of start-up (Python/pylifecycle.c create_stdio): a
// TextIOWrapper over a BufferedReader/Writer over FileIO(fd, closefd=False), with
// line buffering on a tty (and always for stderr's writes through), errors as given.
// encoding/errors null: from PYTHONIOENCODING or the locale (UTF-8), stderr
// "backslashreplace", others "strict" ("surrogateescape" under the C/POSIX locale).
// write_mode: the stream writes (stdout, stderr). New reference or null.
Object* create_stdio(int fd, bool write_mode, const char* name, const char* encoding,
                     const char* errors, bool buffered_stdio = true);
// Creates sys.stdin/stdout/stderr and sys.__stdin__/... (init_sys_streams); 0 or -1.
int init_sys_streams(bool buffered_stdio = true);  // false: -u, PYTHONUNBUFFERED

// Helpers shared by the files of the module.
namespace detail {
// iobase_check_closed / _PyIOBase_check_closed: ValueError "I/O operation on closed file."
// when obj.closed is true; -1 on error, 0 when open.
int check_closed(Object* obj);
// _PyIOBase_check_readable / writable / seekable: obj.readable() must be True.
Object* check_readable(Object* obj);
Object* check_writable(Object* obj);
Object* check_seekable(Object* obj);
// iobase_finalize's behaviour for the C types: close() if not closed, errors unraisable.
void finalize(Object* self);
// The instance-dict-and-weakrefs prologue of every dealloc; returns true if the object
// resurrected (dealloc must return at once).
bool dealloc_prologue(Object* self);
void dealloc_epilogue(Object* self);
// Py_buffer of a bytes-like object for reading (bytes only until the buffer protocol lands);
// false with TypeError.
bool get_read_buffer(Object* o, const char** data, ssize* n);
// A writable buffer (bytearray, memoryview...) for readinto: false with TypeError (any failure
// to get the buffer becomes the clinic's "fname() argname must be read-write bytes-like object,
// not T", as Argument Clinic's Py_buffer(accept={rwbuffer}) converter reports it).
bool get_write_buffer(Object* o, char** data, ssize* n, const char* fname = "readinto",
                      const char* argname = "argument");
// _PyIO_ConvertSsize_t: None means -1.
bool convert_ssize(Object* o, ssize* out);
// Calls obj.name(*args) (args borrowed, null-terminated).
Object* call_method(Object* obj, const char* name, ...);
// _PyIO_trap_eintr analog: nothing to do without signals; kept for symmetry.
bool str_arg_to_cstr(Object* o, const char** out);
// _PyIO_find_line_ending over s[start:end]: the index just past the line ending found, or -1
// with *consumed = how far the search may resume (CPython's contract). readnl is the newline
// str for the non-universal, non-translated mode.
ssize find_line_ending(bool translated, bool universal, Object* readnl, Object* s, ssize start,
                       ssize end, ssize* consumed);
}  // namespace detail

}  // namespace cppy::modules::_io
