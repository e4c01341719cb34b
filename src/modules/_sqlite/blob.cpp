// sqlite3.Blob: Modules/_sqlite/blob.c (incremental I/O on one BLOB cell, from
// Connection.blobopen).
#include <climits>
#include <cstdio>

#include "errors/errors.h"
#include "modules/_sqlite/internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/weakrefobject.h"
#include "runtime/thread.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_sqlite {

using namespace objects;

namespace {

BlobObject* as_blob(Object* o) { return static_cast<BlobObject*>(o); }

// close_blob
void close_blob(BlobObject* self) {
  if (self->blob) {
    sqlite3_blob* blob = self->blob;
    self->blob = nullptr;
    runtime::ThreadState* ts = vm::save_thread();
    sqlite3_blob_close(blob);
    vm::restore_thread(ts);
  }
}

void blob_dealloc(Object* o) {
  BlobObject* self = as_blob(o);
  close_blob(self);
  if (self->weakreflist) object_clear_weakrefs(o);
  clear(self->connection);
  o->type->free(o);
}

// check_blob: the connection usable from this thread, and the blob open.
bool check_blob(BlobObject* self) {
  ConnectionObject* conn = static_cast<ConnectionObject*>(self->connection);
  if (!check_connection(conn) || !check_thread(conn)) return false;
  if (!self->blob) {
    errors::set_string(state().ProgrammingError, "Cannot operate on a closed blob.");
    return false;
  }
  return true;
}

void blob_seterror(BlobObject* self) {
  set_error(static_cast<ConnectionObject*>(self->connection)->db);
}

// read_single: one byte as an int.
Object* read_single(BlobObject* self, ssize offset) {
  unsigned char byte = 0;
  runtime::ThreadState* ts = vm::save_thread();
  int rc = sqlite3_blob_read(self->blob, &byte, 1, int(offset));
  vm::restore_thread(ts);
  if (rc != SQLITE_OK) {
    blob_seterror(self);
    return nullptr;
  }
  return long_from_long(byte);
}

// read_multiple: length bytes from offset.
Object* read_multiple(BlobObject* self, ssize length, ssize offset) {
  Ref<> buffer = Ref<>::steal(bytes_from_string_and_size(nullptr, length));
  if (!buffer) return nullptr;
  char* raw = bytes_as_string(buffer.get());
  runtime::ThreadState* ts = vm::save_thread();
  int rc = sqlite3_blob_read(self->blob, raw, int(length), int(offset));
  vm::restore_thread(ts);
  if (rc != SQLITE_OK) {
    blob_seterror(self);
    return nullptr;
  }
  return buffer.release();
}

// inner_write: the blob's length never changes.
int inner_write(BlobObject* self, const void* buf, ssize len, ssize offset) {
  ssize remaining = ssize(sqlite3_blob_bytes(self->blob)) - offset;
  if (len > remaining) {
    errors::set_string(exc_ValueError, "data longer than blob length");
    return -1;
  }
  runtime::ThreadState* ts = vm::save_thread();
  int rc = sqlite3_blob_write(self->blob, buf, int(len), int(offset));
  vm::restore_thread(ts);
  if (rc != SQLITE_OK) {
    blob_seterror(self);
    return -1;
  }
  return 0;
}

Object* blob_close(Object* o, Object*) {
  BlobObject* self = as_blob(o);
  ConnectionObject* conn = static_cast<ConnectionObject*>(self->connection);
  if (!check_connection(conn) || !check_thread(conn)) return nullptr;
  close_blob(self);
  return new_ref(none());
}

// blob_read_impl: up to length bytes (the rest of the blob when negative or too long).
Object* blob_read(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 0, 1)) return nullptr;
  int length = -1;
  if (nargs == 1) {
    length = long_as_int(args[0]);
    if (length == -1 && errors::occurred()) return nullptr;
  }
  BlobObject* self = as_blob(o);
  if (!check_blob(self)) return nullptr;
  int max_read = sqlite3_blob_bytes(self->blob) - self->offset;
  if (length < 0 || length > max_read) length = max_read;
  if (length == 0) return bytes_from_string_and_size("", 0);
  Object* buffer = read_multiple(self, length, self->offset);
  if (!buffer) return nullptr;
  self->offset += length;
  return buffer;
}

Object* blob_write(Object* o, Object* data) {
  Buffer view;
  if (object_get_buffer(data, &view, kBufSimple) < 0) return nullptr;
  BlobObject* self = as_blob(o);
  int rc = check_blob(self) ? inner_write(self, view.buf, view.len, self->offset) : -1;
  ssize len = view.len;
  buffer_release(&view);
  if (rc < 0) return nullptr;
  self->offset += int(len);
  return new_ref(none());
}

// blob_seek_impl
Object* blob_seek(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("seek", nargs, 1, 2)) return nullptr;
  int offset = long_as_int(args[0]);
  if (offset == -1 && errors::occurred()) return nullptr;
  int origin = 0;
  if (nargs == 2) {
    origin = long_as_int(args[1]);
    if (origin == -1 && errors::occurred()) return nullptr;
  }
  BlobObject* self = as_blob(o);
  if (!check_blob(self)) return nullptr;
  int blob_len = sqlite3_blob_bytes(self->blob);
  switch (origin) {
    case SEEK_SET:
      break;
    case SEEK_CUR:
      if (offset > INT_MAX - self->offset) goto overflow;
      offset += self->offset;
      break;
    case SEEK_END:
      if (offset > INT_MAX - blob_len) goto overflow;
      offset += blob_len;
      break;
    default:
      errors::set_string(exc_ValueError,
                         "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
      return nullptr;
  }
  if (offset < 0 || offset > blob_len) {
    errors::set_string(exc_ValueError, "offset out of blob range");
    return nullptr;
  }
  self->offset = offset;
  return new_ref(none());
overflow:
  errors::set_string(exc_OverflowError, "seek offset results in overflow");
  return nullptr;
}

Object* blob_tell(Object* o, Object*) {
  BlobObject* self = as_blob(o);
  if (!check_blob(self)) return nullptr;
  return long_from_long(self->offset);
}

Object* blob_enter(Object* o, Object*) {
  if (!check_blob(as_blob(o))) return nullptr;
  return new_ref(o);
}

Object* blob_exit(Object* o, Object* const*, ssize nargs) {
  if (!check_positional("__exit__", nargs, 3, 3)) return nullptr;
  BlobObject* self = as_blob(o);
  if (!check_blob(self)) return nullptr;
  close_blob(self);
  return new_ref(false_object());
}

ssize blob_length(Object* o) {
  BlobObject* self = as_blob(o);
  if (!check_blob(self)) return -1;
  return sqlite3_blob_bytes(self->blob);
}

// get_subscript_index: a non-negative index inside the blob, or -1 with the error set.
ssize get_subscript_index(BlobObject* self, Object* item) {
  ssize i = number_as_ssize(item, exc_IndexError);
  if (i == -1 && errors::occurred()) return -1;
  int blob_len = sqlite3_blob_bytes(self->blob);
  if (i < 0) i += blob_len;
  if (i < 0 || i >= blob_len) {
    errors::set_string(exc_IndexError, "Blob index out of range");
    return -1;
  }
  return i;
}

int get_slice_info(BlobObject* self, Object* item, ssize* start, ssize* stop, ssize* step,
                   ssize* slicelen) {
  if (slice_unpack(item, start, stop, step) < 0) return -1;
  *slicelen = slice_adjust_indices(sqlite3_blob_bytes(self->blob), start, stop, *step);
  return 0;
}

// subscript_slice: a stepped slice reads the whole span and picks its bytes.
Object* subscript_slice(BlobObject* self, Object* item) {
  ssize start, stop, step, len;
  if (get_slice_info(self, item, &start, &stop, &step, &len) < 0) return nullptr;
  if (step == 1) return read_multiple(self, len, start);
  Ref<> span = Ref<>::steal(read_multiple(self, stop - start, start));
  if (!span) return nullptr;
  Object* result = bytes_from_string_and_size(nullptr, len);
  if (!result) return nullptr;
  const char* src = bytes_as_string(span.get());
  char* dst = bytes_as_string(result);
  for (ssize i = 0, j = 0; i < len; ++i, j += step) dst[i] = src[j];
  return result;
}

Object* blob_subscript(Object* o, Object* item) {
  BlobObject* self = as_blob(o);
  if (!check_blob(self)) return nullptr;
  if (index_check(item)) {
    ssize i = get_subscript_index(self, item);
    if (i < 0) return nullptr;
    return read_single(self, i);
  }
  if (slice_check(item)) return subscript_slice(self, item);
  return errors::format(exc_TypeError, "Blob indices must be integers");
}

int ass_subscript_index(BlobObject* self, Object* item, Object* value) {
  if (!value) {
    errors::set_string(exc_TypeError, "Blob doesn't support item deletion");
    return -1;
  }
  if (!long_check(value)) {
    errors::format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   value->type->name);
    return -1;
  }
  ssize i = get_subscript_index(self, item);
  if (i < 0) return -1;
  long val = long_as_long(value);
  if (val == -1 && errors::occurred()) {
    errors::clear();
    val = -1;
  }
  if (val < 0 || val > 255) {
    errors::set_string(exc_ValueError, "byte must be in range(0, 256)");
    return -1;
  }
  unsigned char byte = static_cast<unsigned char>(val);
  return inner_write(self, &byte, 1, i);
}

int ass_subscript_slice(BlobObject* self, Object* item, Object* value) {
  if (!value) {
    errors::set_string(exc_TypeError, "Blob doesn't support slice deletion");
    return -1;
  }
  ssize start, stop, step, len;
  if (get_slice_info(self, item, &start, &stop, &step, &len) < 0) return -1;
  if (len == 0) return 0;
  Buffer view;
  if (object_get_buffer(value, &view, kBufSimple) < 0) return -1;
  int rc = -1;
  if (view.len != len) {
    errors::set_string(exc_IndexError, "Blob slice assignment is wrong size");
  } else if (step == 1) {
    rc = inner_write(self, view.buf, len, start);
  } else {
    Ref<> span = Ref<>::steal(read_multiple(self, stop - start, start));
    if (span) {
      char* dst = bytes_as_string(span.get());
      const char* src = static_cast<const char*>(view.buf);
      for (ssize i = 0, j = 0; i < len; ++i, j += step) dst[j] = src[i];
      rc = inner_write(self, dst, stop - start, start);
    }
  }
  buffer_release(&view);
  return rc;
}

int blob_ass_subscript(Object* o, Object* item, Object* value) {
  BlobObject* self = as_blob(o);
  if (!check_blob(self)) return -1;
  if (index_check(item)) return ass_subscript_index(self, item, value);
  if (slice_check(item)) return ass_subscript_slice(self, item, value);
  errors::set_string(exc_TypeError, "Blob indices must be integers");
  return -1;
}

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

MethodDef blob_methods[] = {
    {"close", NOARGS(blob_close), "Close the blob."},
    {"__enter__", NOARGS(blob_enter), "Blob context manager enter."},
    {"__exit__", FASTCALL(blob_exit), "Blob context manager exit."},
    {"read", FASTCALL(blob_read),
     "Read data at the current offset position.\n\n  length\n    Read length in bytes.\n\nIf "
     "the end of the blob is reached, the data up to end of file will be returned.\nWhen "
     "length is not specified, or is negative, Blob.read() will read until the\nend of the "
     "blob."},
    {"seek", FASTCALL(blob_seek),
     "Set the current access position to offset.\n\nThe origin argument defaults to "
     "os.SEEK_SET (absolute blob positioning).\nOther values for origin are os.SEEK_CUR (seek "
     "relative to the current position)\nand os.SEEK_END (seek relative to the blob's end)."},
    {"tell", NOARGS(blob_tell), "Return the current access position for the blob."},
    {"write", reinterpret_cast<void*>(blob_write), kMethO,
     "Write data at the current offset.\n\nThis function cannot change the blob length.  "
     "Writing beyond the end of the\nblob will result in an exception being raised."},
    {nullptr, nullptr, 0, nullptr}};

MappingMethods blob_as_mapping = [] {
  MappingMethods m{};
  m.length = blob_length;
  m.subscript = blob_subscript;
  m.ass_subscript = blob_ass_subscript;
  return m;
}();

}  // namespace

TypeObject blob_type = [] {
  TypeObject t = static_type("sqlite3.Blob", sizeof(BlobObject), 0,
                             kTpflagsDisallowInstantiation);
  t.dealloc = blob_dealloc;
  t.getattro = object_generic_getattr;
  t.methods = blob_methods;
  t.as_mapping = &blob_as_mapping;
  t.weaklistoffset = offsetof(BlobObject, weakreflist);
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

// blobopen_impl's object: the connection keeps a weak reference to close it with itself.
Object* blob_new(ConnectionObject* conn, sqlite3_blob* blob) {
  Object* o = blob_type.alloc(&blob_type, 0);
  if (!o) {
    runtime::ThreadState* ts = vm::save_thread();
    sqlite3_blob_close(blob);
    vm::restore_thread(ts);
    return nullptr;
  }
  BlobObject* self = as_blob(o);
  self->connection = new_ref(static_cast<Object*>(conn));
  self->blob = blob;
  self->offset = 0;
  self->weakreflist = nullptr;
  Ref<> owned = Ref<>::steal(o);
  Ref<> weak = Ref<>::steal(weakref_new_ref(o, nullptr));
  if (!weak) return nullptr;
  if (!conn->blobs) {
    conn->blobs = list_new(0);
    if (!conn->blobs) return nullptr;
  }
  if (list_append(conn->blobs, weak.get()) < 0) return nullptr;
  return owned.release();
}

// pysqlite_close_all_blobs
void close_all_blobs(ConnectionObject* conn) {
  if (!conn->blobs) return;
  for (ssize i = 0; i < list_size(conn->blobs); ++i) {
    Object* blob = nullptr;
    if (weakref_get_ref(list_get_item(conn->blobs, i), &blob) <= 0) continue;
    close_blob(as_blob(blob));
    decref(blob);
  }
}

}  // namespace cppy::modules::_sqlite
