// sqlite3.Cursor: Modules/_sqlite/cursor.c, with the statement preparation and parameter
// binding of statement.c.
#include <climits>
#include <cstring>

#include "errors/errors.h"
#include "modules/_sqlite/internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_sqlite {

using namespace objects;

int step(sqlite3_stmt* statement) {
  runtime::ThreadState* ts = vm::save_thread();
  int rc = sqlite3_step(statement);
  vm::restore_thread(ts);
  return rc;
}

namespace {

// lstrip_sql: past blanks, "--" comments and "/* */" comments.
const char* skip_blanks_and_comments(const char* p) {
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\n' || *p == '\r') ++p;
    if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') ++p;
      continue;
    }
    if (p[0] == '/' && p[1] == '*') {
      const char* end = std::strstr(p + 2, "*/");
      if (!end) return p + std::strlen(p);
      p = end + 2;
      continue;
    }
    return p;
  }
}

}  // namespace

bool is_dml(const char* sql) {
  const char* p = skip_blanks_and_comments(sql);
  for (const char* kw : {"insert", "update", "delete", "replace"}) {
    size_t n = std::strlen(kw);
    if (strncasecmp(p, kw, n) == 0) return true;
  }
  return false;
}

Object* column_value(ConnectionObject* conn, sqlite3_stmt* st, int i) {
  switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: return new_ref(none());
    case SQLITE_INTEGER: return long_from_long_long(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT: return float_from_double(sqlite3_column_double(st, i));
    case SQLITE_TEXT: {
      const char* text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
      int n = sqlite3_column_bytes(st, i);
      if (!text) {
        if (sqlite3_errcode(conn->db) == SQLITE_NOMEM) return errors::no_memory();
        text = "";
      }
      Object* factory = conn->text_factory;
      if (factory == reinterpret_cast<Object*>(&str_type)) {
        Object* s = str_from_utf8(text, n);
        if (!s && errors::occurred() == exc_UnicodeDecodeError) {
          errors::clear();
          const char* colname = sqlite3_column_name(st, i);
          errors::format(state().OperationalError,
                         "Could not decode to UTF-8 column '%s' with text '%s'",
                         colname ? colname : "", text);
        }
        return s;
      }
      if (factory == reinterpret_cast<Object*>(&bytes_type)) return bytes_from_string_and_size(text, n);
      if (factory == reinterpret_cast<Object*>(&bytearray_type))
        return bytearray_from_string_and_size(text, n);
      Ref<> b = Ref<>::steal(bytes_from_string_and_size(text, n));
      return b ? object_call_one_arg(factory, b.get()) : nullptr;
    }
    default: {
      const void* blob = sqlite3_column_blob(st, i);
      int n = sqlite3_column_bytes(st, i);
      return bytes_from_string_and_size(static_cast<const char*>(blob), n);
    }
  }
}

namespace {

CursorObject* as_cursor(Object* o) { return static_cast<CursorObject*>(o); }

void finalize_statement(CursorObject* self) {
  if (self->statement) {
    sqlite3_finalize(self->statement);
    self->statement = nullptr;
  }
}

int cursor_init(Object* o, Object* args, Object* kwargs) {
  if (!no_keywords("Cursor", kwargs)) return -1;
  ssize n = args ? tuple_size(args) : 0;
  if (!check_positional("Cursor", n, 1, 1)) return -1;
  Object* conn = tuple_items(args)[0];
  if (!is_subtype(conn->type, &connection_type)) {
    errors::format(exc_TypeError, "Cursor() argument 1 must be sqlite3.Connection, not %.50s",
                   conn->type->name);
    return -1;
  }
  CursorObject* self = as_cursor(o);
  xsetref(self->connection, static_cast<ConnectionObject*>(new_ref(conn)));
  finalize_statement(self);
  clear(self->row_cast_map);
  xsetref(self->description, new_ref(none()));
  xsetref(self->lastrowid, new_ref(none()));
  xsetref(self->row_factory, new_ref(none()));
  self->arraysize = 1;
  self->closed = false;
  self->rowcount = -1;
  if (!check_thread(self->connection)) return -1;
  self->initialized = true;
  return 0;
}

void cursor_dealloc(Object* o) {
  CursorObject* self = as_cursor(o);
  if (self->weakreflist) object_clear_weakrefs(o);
  finalize_statement(self);
  clear(self->connection);
  clear(self->description);
  clear(self->row_cast_map);
  clear(self->lastrowid);
  clear(self->row_factory);
  o->type->free(o);
}

// check_cursor.
bool check_cursor(CursorObject* self) {
  if (!self->initialized) {
    errors::set_string(state().ProgrammingError, "Base Cursor.__init__ not called.");
    return false;
  }
  if (self->closed) {
    errors::set_string(state().ProgrammingError, "Cannot operate on a closed cursor.");
    return false;
  }
  if (self->locked) {
    errors::set_string(state().ProgrammingError, "Recursive use of cursors not allowed.");
    return false;
  }
  return check_thread(self->connection) && check_connection(self->connection);
}

// bind_param: one adapted value into parameter pos. 0, or -1 with the error set.
int bind_one(sqlite3_stmt* st, int pos, Object* value) {
  int rc;
  if (value == none()) {
    rc = sqlite3_bind_null(st, pos);
  } else if (long_check(value)) {
    int overflow = 0;
    long long v = long_as_long_and_overflow(value, &overflow);
    if (overflow) {
      errors::set_string(exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
      return -1;
    }
    rc = sqlite3_bind_int64(st, pos, v);
  } else if (float_check(value)) {
    rc = sqlite3_bind_double(st, pos, float_as_double(value));
  } else if (str_check(value)) {
    ssize n = 0;
    const char* s = str_as_utf8(value, &n);
    if (!s) return -1;
    rc = sqlite3_bind_text(st, pos, s, int(n), SQLITE_TRANSIENT);
  } else if (object_check_buffer(value)) {
    Buffer view;
    if (object_get_buffer(value, &view, kBufSimple) < 0) return -1;
    if (view.len > INT_MAX) {
      buffer_release(&view);
      errors::set_string(exc_OverflowError, "BLOB longer than INT_MAX bytes");
      return -1;
    }
    rc = sqlite3_bind_blob(st, pos, view.buf, int(view.len), SQLITE_TRANSIENT);
    buffer_release(&view);
  } else {
    errors::format(state().ProgrammingError, "Error binding parameter %d: type '%s' is not supported",
                   pos, value->type->name);
    return -1;
  }
  if (rc != SQLITE_OK) {
    errors::format(state().ProgrammingError, "Error binding parameter %d: type '%s' is not supported",
                   pos, value->type->name);
    return -1;
  }
  return 0;
}

// The value a parameter binds: the object itself or what its adapter gives.
Object* adapted(Object* value) {
  if (!need_adapt(value)) return new_ref(value);
  return adapt(value, reinterpret_cast<Object*>(&prepare_protocol_type), value);
}

// pysqlite_statement_bind_parameters.
int bind_parameters(sqlite3_stmt* st, Object* params) {
  int needed = sqlite3_bind_parameter_count(st);
  bool is_sequence = tuple_check_exact(params) || list_check_exact(params) ||
                     (!dict_check(params) && sequence_check(params));
  if (is_sequence) {
    ssize n = object_length(params);
    if (n < 0) return -1;
    if (n != needed) {
      errors::format(state().ProgrammingError,
                     "Incorrect number of bindings supplied. The current statement uses %d, and "
                     "there are %zd supplied.",
                     needed, n);
      return -1;
    }
    for (int i = 0; i < needed; ++i) {
      const char* name = sqlite3_bind_parameter_name(st, i + 1);
      if (name && name[0] != '?') {
        errors::format(state().ProgrammingError,
                       "Binding %d ('%s') is a named parameter, but you supplied a sequence which "
                       "requires nameless (qmark) placeholders.",
                       i + 1, name);
        return -1;
      }
      Ref<> key = Ref<>::steal(long_from_long(i));
      Ref<> item = Ref<>::steal(key ? object_get_item(params, key.get()) : nullptr);
      if (!item) return -1;
      Ref<> value = Ref<>::steal(adapted(item.get()));
      if (!value || bind_one(st, i + 1, value.get()) < 0) return -1;
    }
    return 0;
  }
  if (dict_check(params) || mapping_check(params)) {
    for (int i = 1; i <= needed; ++i) {
      const char* name = sqlite3_bind_parameter_name(st, i);
      if (!name || name[0] == '?') {
        errors::format(state().ProgrammingError,
                       "Binding %d has no name, but you supplied a dictionary (which has only "
                       "names).",
                       i);
        return -1;
      }
      Ref<> key = Ref<>::steal(str_from_cstr(name + 1));
      if (!key) return -1;
      Ref<> item;
      if (dict_check_exact(params)) {
        Object* v = dict_get_item_with_error(params, key.get());
        if (v) item = Ref<>::borrow(v);
      } else {
        item = Ref<>::steal(object_get_item(params, key.get()));
        if (!item && errors::occurred() == exc_KeyError) errors::clear();
      }
      if (!item) {
        if (!errors::occurred())
          errors::format(state().ProgrammingError,
                         "You did not supply a value for binding parameter :%s.", name + 1);
        return -1;
      }
      Ref<> value = Ref<>::steal(adapted(item.get()));
      if (!value || bind_one(st, i, value.get()) < 0) return -1;
    }
    return 0;
  }
  errors::set_string(state().ProgrammingError, "parameters are of unsupported type");
  return -1;
}

// pysqlite_statement_create: the prepared statement of sql (null for an empty one). false with
// the error set.
bool prepare(CursorObject* self, Object* sql, sqlite3_stmt** out) {
  *out = nullptr;
  ssize n = 0;
  const char* text = str_as_utf8(sql, &n);
  if (!text) return false;
  if (std::strlen(text) != size_t(n)) {
    errors::set_string(state().ProgrammingError, "the query contains a null character");
    return false;
  }
  sqlite3* db = self->connection->db;
  int max_length = sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, -1);
  if (n > max_length) {
    errors::set_string(state().DataError, "query string is too large");
    return false;
  }
  const char* tail = nullptr;
  runtime::ThreadState* ts = vm::save_thread();
  int rc = sqlite3_prepare_v2(db, text, int(n) + 1, out, &tail);
  vm::restore_thread(ts);
  if (rc != SQLITE_OK) {
    set_error(db);
    return false;
  }
  if (tail && *skip_blanks_and_comments(tail)) {
    sqlite3_finalize(*out);
    *out = nullptr;
    errors::set_string(state().ProgrammingError, "You can only execute one statement at a time.");
    return false;
  }
  return true;
}

// The converter registered under name (upper-cased), or null (no error) when none.
Object* converter_named(const char* name, size_t len) {
  Ref<> key = Ref<>::steal(str_from_utf8(name, ssize(len)));
  if (!key) return nullptr;
  Ref<> upper = Ref<>::steal(call_method_no_args(key.get(), str_intern_from_cstr("upper")));
  if (!upper) return nullptr;
  return dict_get_item_with_error(state().converters, upper.get());
}

// pysqlite_build_row_cast_map: per column, the converter PARSE_COLNAMES ("name [type]") or
// PARSE_DECLTYPES (the declared type up to a blank or '(') names.
int build_row_cast_map(CursorObject* self) {
  ConnectionObject* conn = self->connection;
  if (!conn->detect_types) return 0;
  sqlite3_stmt* st = self->statement;
  xsetref(self->row_cast_map, list_new(0));
  if (!self->row_cast_map) return -1;
  int ncols = sqlite3_column_count(st);
  for (int i = 0; i < ncols; ++i) {
    Object* converter = nullptr;
    if (conn->detect_types & kParseColnames) {
      const char* colname = sqlite3_column_name(st, i);
      const char* start = nullptr;
      for (const char* p = colname; p && *p; ++p) {
        if (*p == '[') {
          start = p + 1;
        } else if (*p == ']' && start) {
          converter = converter_named(start, size_t(p - start));
          if (!converter && errors::occurred()) return -1;
          break;
        }
      }
    }
    if (!converter && (conn->detect_types & kParseDecltypes)) {
      const char* declared = sqlite3_column_decltype(st, i);
      if (declared) {
        const char* p = declared;
        while (*p && *p != ' ' && *p != '(') ++p;
        converter = converter_named(declared, size_t(p - declared));
        if (!converter && errors::occurred()) return -1;
      }
    }
    if (list_append(self->row_cast_map, converter ? converter : none()) < 0) return -1;
  }
  return 0;
}

// _pysqlite_build_column_name: with PARSE_COLNAMES the name stops before " [".
Object* column_name(CursorObject* self, const char* colname) {
  size_t len = std::strlen(colname);
  if (self->connection->detect_types & kParseColnames) {
    const char* p = colname;
    for (; *p; ++p) {
      if (*p == '[') {
        if (p != colname && p[-1] == ' ') --p;
        break;
      }
    }
    len = size_t(p - colname);
  }
  return str_from_utf8(colname, ssize(len));
}

// _pysqlite_fetch_one_row.
Object* fetch_one_row(CursorObject* self) {
  sqlite3_stmt* st = self->statement;
  int ncols = sqlite3_data_count(st);
  Ref<> row = Ref<>::steal(tuple_new(ncols));
  if (!row) return nullptr;
  for (int i = 0; i < ncols; ++i) {
    Object* converter = none();
    if (self->connection->detect_types && self->row_cast_map &&
        i < list_size(self->row_cast_map))
      converter = list_items(self->row_cast_map)[i];
    Object* value;
    if (converter != none()) {
      const void* blob = sqlite3_column_blob(st, i);
      if (!blob) {
        value = new_ref(none());
      } else {
        Ref<> item = Ref<>::steal(
            bytes_from_string_and_size(static_cast<const char*>(blob), sqlite3_column_bytes(st, i)));
        value = item ? object_call_one_arg(converter, item.get()) : nullptr;
      }
    } else {
      value = column_value(self->connection, st, i);
    }
    if (!value) return nullptr;
    tuple_set_item(row.get(), i, value);
  }
  return row.release();
}

// _pysqlite_query_execute.
Object* query_execute(CursorObject* self, bool multiple, Object* sql, Object* second) {
  if (!check_cursor(self)) return nullptr;
  if (!str_check(sql))
    return errors::format(exc_TypeError, "%s() argument 1 must be str, not %.50s",
                          multiple ? "executemany" : "execute", sql->type->name);
  self->locked = true;
  struct Unlock {
    CursorObject* c;
    ~Unlock() { c->locked = false; }
  } unlock{self};
  Ref<> params_iter;
  if (multiple) {
    params_iter = Ref<>::steal(object_get_iter(second));
  } else {
    Ref<> one = Ref<>::steal(second ? tuple_pack(1, second) : nullptr);
    if (!second) {
      Ref<> empty = Ref<>::steal(tuple_new(0));
      one = Ref<>::steal(empty ? tuple_pack(1, empty.get()) : nullptr);
    }
    params_iter = Ref<>::steal(one ? object_get_iter(one.get()) : nullptr);
  }
  if (!params_iter) return nullptr;
  finalize_statement(self);
  xsetref(self->description, new_ref(none()));
  self->rowcount = 0;
  ConnectionObject* conn = self->connection;
  sqlite3_stmt* st = nullptr;
  auto fail = [&]() -> Object* {
    if (st && st != self->statement) sqlite3_finalize(st);
    self->rowcount = -1;
    return nullptr;
  };
  if (!prepare(self, sql, &st)) return fail();
  if (!st) {  // only blanks and comments
    xsetref(self->lastrowid, long_from_long_long(sqlite3_last_insert_rowid(conn->db)));
    return new_ref(self);
  }
  if (multiple && sqlite3_stmt_readonly(st)) {
    errors::set_string(state().ProgrammingError, "executemany() can only execute DML statements.");
    return fail();
  }
  bool dml = is_dml(sqlite3_sql(st));
  if (dml && begin_implicit_transaction(conn) < 0) return fail();
  for (;;) {
    Ref<> params = Ref<>::steal(iter_next(params_iter.get()));
    if (!params) {
      if (errors::occurred()) return fail();
      break;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (bind_parameters(st, params.get()) < 0) return fail();
    int rc = step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      // An error in a user-defined callback: printed or dropped, then SQLite's error.
      if (errors::occurred()) report_callback_error();
      sqlite3_reset(st);
      set_error(conn->db);
      return fail();
    }
    self->statement = st;
    if (build_row_cast_map(self) != 0) {
      self->statement = nullptr;
      errors::format(state().OperationalError, "Error while building row_cast_map");
      return fail();
    }
    self->statement = nullptr;
    int ncols = sqlite3_column_count(st);
    if (self->description == none() && ncols > 0) {
      Ref<> desc = Ref<>::steal(tuple_new(ncols));
      if (!desc) return fail();
      for (int i = 0; i < ncols; ++i) {
        const char* colname = sqlite3_column_name(st, i);
        if (!colname) {
          errors::no_memory();
          return fail();
        }
        Ref<> name = Ref<>::steal(column_name(self, colname));
        Object* n = none();
        Ref<> d = Ref<>::steal(name ? tuple_pack(7, name.get(), n, n, n, n, n, n) : nullptr);
        if (!d) return fail();
        tuple_set_item(desc.get(), i, d.release());
      }
      xsetref(self->description, desc.release());
    }
    if (dml) {
      self->rowcount += long(sqlite3_changes(conn->db));
    } else {
      self->rowcount = -1;
    }
    if (!multiple) {
      if (rc == SQLITE_ROW) {
        self->statement = st;  // rows to fetch
        st = nullptr;
      }
    }
  }
  if (st) sqlite3_finalize(st);
  if (!multiple)
    xsetref(self->lastrowid, long_from_long_long(sqlite3_last_insert_rowid(conn->db)));
  if (errors::occurred()) {
    self->rowcount = -1;
    return nullptr;
  }
  return new_ref(self);
}

Object* cursor_execute(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("execute", nargs, 1, 2)) return nullptr;
  return query_execute(as_cursor(o), false, args[0], nargs == 2 ? args[1] : nullptr);
}

Object* cursor_executemany(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("executemany", nargs, 2, 2)) return nullptr;
  return query_execute(as_cursor(o), true, args[0], args[1]);
}

Object* cursor_executescript(Object* o, Object* arg) {
  CursorObject* self = as_cursor(o);
  if (!str_check(arg))
    return errors::format(exc_TypeError, "executescript() argument must be str, not %.50s",
                          arg->type->name);
  ssize len = 0;
  const char* script = str_as_utf8(arg, &len);
  if (!script) return nullptr;
  if (std::strlen(script) != size_t(len))
    return errors::format(exc_ValueError, "embedded null character");
  if (!check_cursor(self)) return nullptr;
  sqlite3* db = self->connection->db;
  if (len > sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, -1))
    return errors::format(state().DataError, "query string is too large");
  finalize_statement(self);
  // Commit the pending transaction first, as legacy transaction control does.
  if (self->connection->autocommit == kLegacyTransactionControl && !sqlite3_get_autocommit(db)) {
    runtime::ThreadState* ts = vm::save_thread();
    int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    vm::restore_thread(ts);
    if (rc != SQLITE_OK) {
      set_error(db);
      return nullptr;
    }
  }
  const char* sql = script;
  for (;;) {
    const char* tail = nullptr;
    sqlite3_stmt* st = nullptr;
    runtime::ThreadState* ts = vm::save_thread();
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, &tail);
    if (rc == SQLITE_OK && st) {
      do {
        rc = sqlite3_step(st);
      } while (rc == SQLITE_ROW);
      rc = sqlite3_finalize(st);
    }
    vm::restore_thread(ts);
    if (rc != SQLITE_OK) {
      set_error(db);
      return nullptr;
    }
    if (!tail || *tail == 0) break;
    sql = tail;
  }
  return new_ref(o);
}

// pysqlite_cursor_iternext.
Object* cursor_iternext(Object* o) {
  CursorObject* self = as_cursor(o);
  if (!check_cursor(self)) return nullptr;
  if (!self->statement) return nullptr;
  sqlite3_stmt* st = self->statement;
  if (sqlite3_data_count(st) == 0) {
    finalize_statement(self);
    return nullptr;
  }
  Ref<> row = Ref<>::steal(fetch_one_row(self));
  if (!row) return nullptr;
  int rc = step(st);
  if (rc == SQLITE_DONE) {
    sqlite3_reset(st);
  } else if (rc != SQLITE_ROW) {
    set_error(self->connection->db);
    return nullptr;
  }
  if (self->row_factory != none()) {
    Object* args[2] = {o, row.get()};
    return vectorcall(self->row_factory, args, 2, nullptr);
  }
  return row.release();
}

Object* cursor_fetchone(Object* o, Object*) {
  Object* row = cursor_iternext(o);
  if (!row && !errors::occurred()) return new_ref(none());
  return row;
}

Object* fetch_rows(Object* o, int max) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  int count = 0;
  while (max < 0 || count < max) {
    Ref<> row = Ref<>::steal(cursor_iternext(o));
    if (!row) break;
    if (list_append(list.get(), row.get()) < 0) return nullptr;
    ++count;
  }
  if (errors::occurred()) return nullptr;
  return list.release();
}

Object* cursor_fetchmany(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"size", nullptr};
  static const ArgParser parser = {"fetchmany", kw, 0, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int size = as_cursor(o)->arraysize;
  if (a[0]) {
    size = long_as_int(a[0]);
    if (size == -1 && errors::occurred()) return nullptr;
  }
  return fetch_rows(o, size);
}

Object* cursor_fetchall(Object* o, Object*) { return fetch_rows(o, -1); }

Object* cursor_setinputsizes(Object*, Object*) { return new_ref(none()); }

Object* cursor_setoutputsize(Object*, Object* const*, ssize nargs) {
  if (!check_positional("setoutputsize", nargs, 1, 2)) return nullptr;
  return new_ref(none());
}

Object* cursor_close(Object* o, Object*) {
  CursorObject* self = as_cursor(o);
  if (!self->connection) {
    errors::set_string(state().ProgrammingError, "Base Cursor.__init__ not called.");
    return nullptr;
  }
  if (!check_thread(self->connection) || !check_connection(self->connection)) return nullptr;
  finalize_statement(self);
  self->closed = true;
  return new_ref(none());
}

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef cursor_methods[] = {
    {"close", reinterpret_cast<void*>(cursor_close), kMethNoArgs, "Closes the cursor."},
    {"executemany", FASTCALL(cursor_executemany), "Repeatedly executes an SQL statement."},
    {"executescript", reinterpret_cast<void*>(cursor_executescript), kMethO,
     "Executes multiple SQL statements at once."},
    {"execute", FASTCALL(cursor_execute), "Executes an SQL statement."},
    {"fetchall", reinterpret_cast<void*>(cursor_fetchall), kMethNoArgs,
     "Fetches all rows from the resultset."},
    {"fetchmany", FASTCALL_KW(cursor_fetchmany), "Fetches several rows from the resultset."},
    {"fetchone", reinterpret_cast<void*>(cursor_fetchone), kMethNoArgs,
     "Fetches one row from the resultset."},
    {"setinputsizes", reinterpret_cast<void*>(cursor_setinputsizes), kMethO,
     "Required by DB-API. Does nothing in sqlite3."},
    {"setoutputsize", FASTCALL(cursor_setoutputsize),
     "Required by DB-API. Does nothing in sqlite3."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef cursor_members[] = {
    {"connection", kMemberObject, offsetof(CursorObject, connection), kMemberReadonly, nullptr},
    {"description", kMemberObject, offsetof(CursorObject, description), kMemberReadonly, nullptr},
    {"arraysize", kMemberInt, offsetof(CursorObject, arraysize), 0, nullptr},
    {"lastrowid", kMemberObject, offsetof(CursorObject, lastrowid), kMemberReadonly, nullptr},
    {"rowcount", kMemberLong, offsetof(CursorObject, rowcount), kMemberReadonly, nullptr},
    {"row_factory", kMemberObject, offsetof(CursorObject, row_factory), 0, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

}  // namespace

TypeObject cursor_type = [] {
  TypeObject t = static_type("sqlite3.Cursor", sizeof(CursorObject), 0, kTpflagsBasetype);
  t.doc = "SQLite database cursor class.";
  t.dealloc = cursor_dealloc;
  t.iter = object_self_iter;
  t.iternext = cursor_iternext;
  t.methods = cursor_methods;
  t.members = cursor_members;
  t.weaklistoffset = offsetof(CursorObject, weakreflist);
  t.init = cursor_init;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

}  // namespace cppy::modules::_sqlite
