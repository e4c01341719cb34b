// Shared declarations of the _sqlite3 module's files (Modules/_sqlite/module.h, connection.h,
// cursor.h, row.h, util.h).
#pragma once

#include <sqlite3.h>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::modules::_sqlite {

using objects::Object;
using objects::TypeObject;

// LEGACY_TRANSACTION_CONTROL: the autocommit value under which isolation_level governs.
inline constexpr int kLegacyTransactionControl = -1;
inline constexpr int kParseDecltypes = 1;
inline constexpr int kParseColnames = 2;

// pysqlite_state: the exceptions, the registries and the flags of the module.
struct State {
  TypeObject* Warning = nullptr;
  TypeObject* Error = nullptr;
  TypeObject* InterfaceError = nullptr;
  TypeObject* DatabaseError = nullptr;
  TypeObject* InternalError = nullptr;
  TypeObject* OperationalError = nullptr;
  TypeObject* ProgrammingError = nullptr;
  TypeObject* IntegrityError = nullptr;
  TypeObject* DataError = nullptr;
  TypeObject* NotSupportedError = nullptr;
  Object* adapters = nullptr;    // {(type, protocol): adapter}
  Object* converters = nullptr;  // {NAME: converter}
  bool base_type_adapted = false;  // an adapter was registered for int, float, str or bytearray
  bool enable_callback_tracebacks = false;
};
State& state();

struct ConnectionObject : Object {
  sqlite3* db;
  bool initialized;
  bool check_same_thread;
  unsigned long thread_ident;
  int detect_types;
  int autocommit;                 // kLegacyTransactionControl, 0 or 1
  const char* begin_statement;    // "BEGIN", "BEGIN DEFERRED"...; null: isolation_level None
  Object* isolation_level;        // str or None
  Object* row_factory;
  Object* text_factory;
  Object* functions;              // callables kept alive while SQLite holds them
  Object* blobs;                  // weak references to the Blob objects of blobopen()
  Object* weakreflist;
};

struct BlobObject : Object {
  Object* connection;  // the ConnectionObject
  sqlite3_blob* blob;  // null once closed
  int offset;
  Object* weakreflist;
};

struct CursorObject : Object {
  ConnectionObject* connection;
  Object* description;
  Object* row_cast_map;  // list of converters (or None) per column, or null
  Object* lastrowid;
  Object* row_factory;
  sqlite3_stmt* statement;  // the running statement (rows left to fetch), or null
  long rowcount;
  int arraysize;
  bool initialized;
  bool closed;
  bool locked;
  Object* weakreflist;
};

struct RowObject : Object {
  Object* data;         // tuple
  Object* description;  // the cursor's description
};

extern TypeObject connection_type;
extern TypeObject cursor_type;
extern TypeObject row_type;
extern TypeObject blob_type;
// Connection.blobopen's Blob over an opened handle (closed on failure). New reference.
Object* blob_new(ConnectionObject* conn, sqlite3_blob* blob);
// pysqlite_close_all_blobs: Connection.close() closes its blobs first.
void close_all_blobs(ConnectionObject* conn);
extern TypeObject prepare_protocol_type;

// _pysqlite_seterror: the exception for db's last error (by its result code), with
// sqlite_errorcode and sqlite_errorname. Returns the primary result code.
int set_error(sqlite3* db);
// set_error_from_code: the exception of a result code, with sqlite3_errstr(code) as message.
void set_error_from_code(int code);
// pysqlite_microprotocols_adapt(obj, PrepareProtocol, alt): the registered adapter's result,
// __adapt__/__conform__, else alt (new reference; nullptr with the error set when alt is null
// and nothing adapts).
Object* adapt(Object* obj, Object* proto, Object* alt);
// Whether a parameter may need an adapter (_need_adapt).
bool need_adapt(Object* obj);

// pysqlite_check_thread / pysqlite_check_connection: ProgrammingError when used from another
// thread or after close(). true when usable.
bool check_thread(ConnectionObject* self);
bool check_connection(ConnectionObject* self);

// pysqlite_step: sqlite3_step with the GIL released.
int step(sqlite3_stmt* statement);
// The statement's SQL starts with INSERT, UPDATE, DELETE or REPLACE (after comments).
bool is_dml(const char* sql);
// Ends an implicit transaction as the connection's mode asks before a DML statement
// (begin_transaction). 0 or -1.
int begin_implicit_transaction(ConnectionObject* self);

// The exception a user-defined callback raised: printed (enable_callback_tracebacks) or
// dropped.
void report_callback_error();

// The value of column i of the current row as an object (SQLite's storage class to int,
// float, str through text_factory, bytes, None).
Object* column_value(ConnectionObject* conn, sqlite3_stmt* statement, int i);

}  // namespace cppy::modules::_sqlite
