// sqlite3.Connection: Modules/_sqlite/connection.c.
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "imp/import.h"
#include "modules/_sqlite/internal.h"
#include "modules/posix/posixmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytearrayobject.h"
#include "objects/bytesobject.h"
#include "objects/buffer.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "runtime/thread.h"
#include "vm/ceval_gil.h"
#include "vm/pythonrun.h"

namespace cppy::modules::_sqlite {

using namespace objects;

namespace {

ConnectionObject* as_conn(Object* o) { return static_cast<ConnectionObject*>(o); }

// The BEGIN statement of an isolation level ("" is plain BEGIN), or null for an invalid one.
const char* begin_statement_for(const char* level) {
  static const char* const levels[] = {"", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"};
  static const char* const statements[] = {"BEGIN ", "BEGIN DEFERRED", "BEGIN IMMEDIATE",
                                           "BEGIN EXCLUSIVE"};
  for (int i = 0; i < 4; ++i)
    if (strcasecmp(level, levels[i]) == 0) return statements[i];
  return nullptr;
}

// Runs one statement without results (COMMIT, ROLLBACK, BEGIN) with the GIL released. 0, or
// -1 with the error set.
int exec_simple(ConnectionObject* self, const char* sql) {
  runtime::ThreadState* ts = vm::save_thread();
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(self->db, sql, -1, &st, nullptr);
  if (rc == SQLITE_OK) {
    (void)sqlite3_step(st);
    rc = sqlite3_finalize(st);
  }
  vm::restore_thread(ts);
  if (rc != SQLITE_OK) {
    set_error(self->db);
    return -1;
  }
  return 0;
}

// The isolation_level setter's checks and effect (pysqlite_connection_set_isolation_level).
int set_isolation_level(ConnectionObject* self, Object* value) {
  if (value == none()) {
    self->begin_statement = nullptr;
  } else if (!str_check(value)) {
    errors::set_string(exc_TypeError, "isolation_level must be str or None");
    return -1;
  } else {
    const char* level = str_as_utf8(value);
    if (!level) return -1;
    const char* stmt = begin_statement_for(level);
    if (!stmt) {
      errors::set_string(exc_ValueError,
                         "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or "
                         "'EXCLUSIVE'");
      return -1;
    }
    self->begin_statement = stmt;
  }
  xsetref(self->isolation_level, new_ref(value));
  return 0;
}

// autocommit=False: a transaction is always open (PEP 249); after connect, commit, rollback.
int begin_if_manual(ConnectionObject* self) {
  if (self->autocommit == 0 && sqlite3_get_autocommit(self->db)) return exec_simple(self, "BEGIN");
  return 0;
}

int connection_init(Object* o, Object* args, Object* kwargs) {
  static const char* const kw[] = {"database", "timeout", "detect_types", "isolation_level",
                                   "check_same_thread", "factory", "cached_statements", "uri",
                                   "autocommit", nullptr};
  static const ArgParser parser = {"Connection", kw, 1, 8, 0};
  Object* a[9] = {};
  if (!unpack_keywords(args ? tuple_items(args) : nullptr, args ? tuple_size(args) : 0, kwargs,
                       nullptr, parser, a))
    return -1;
  ConnectionObject* self = as_conn(o);
  Ref<> path = Ref<>::steal(posix::fspath(a[0]));
  if (!path) return -1;
  std::string database;
  if (str_check(path.get())) {
    const char* p = str_as_utf8(path.get());
    if (!p) return -1;
    database = p;
  } else {
    database.assign(bytes_as_string(path.get()), size_t(bytes_size(path.get())));
  }
  double timeout = 5.0;
  if (a[1]) {
    timeout = float_as_double(a[1]);
    if (timeout == -1.0 && errors::occurred()) return -1;
  }
  int detect_types = 0;
  if (a[2]) {
    detect_types = long_as_int(a[2]);
    if (detect_types == -1 && errors::occurred()) return -1;
  }
  Object* isolation_level = a[3] ? a[3] : nullptr;
  bool check_same_thread = true, uri = false;
  if (a[4]) {
    int v = object_is_true(a[4]);
    if (v < 0) return -1;
    check_same_thread = v;
  }
  if (a[7]) {
    int v = object_is_true(a[7]);
    if (v < 0) return -1;
    uri = v;
  }
  int autocommit = kLegacyTransactionControl;
  if (a[8]) {
    if (a[8] == true_object()) {
      autocommit = 1;
    } else if (a[8] == false_object()) {
      autocommit = 0;
    } else {
      long v = long_check(a[8]) ? long_as_long(a[8]) : 0;
      if (!long_check(a[8]) || v != kLegacyTransactionControl) {
        errors::set_string(exc_ValueError,
                           "autocommit must be True, False, or sqlite3.LEGACY_TRANSACTION_CONTROL");
        return -1;
      }
    }
  }
  if (self->db) {  // __init__ again: close the previous database first
    sqlite3_close_v2(self->db);
    self->db = nullptr;
  }
  sqlite3* db = nullptr;
  runtime::ThreadState* ts = vm::save_thread();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
  int rc = sqlite3_open_v2(database.c_str(), &db, flags, nullptr);
  if (rc == SQLITE_OK) (void)sqlite3_busy_timeout(db, int(timeout * 1000));
  vm::restore_thread(ts);
  if (!db) {
    errors::no_memory();
    return -1;
  }
  if (rc != SQLITE_OK) {
    set_error(db);
    sqlite3_close_v2(db);
    return -1;
  }
  self->db = db;
  self->detect_types = detect_types;
  self->check_same_thread = check_same_thread;
  self->thread_ident = runtime::get_thread_ident();
  self->autocommit = autocommit;
  xsetref(self->row_factory, new_ref(none()));
  xsetref(self->text_factory, new_ref(reinterpret_cast<Object*>(&str_type)));
  if (!self->functions) self->functions = list_new(0);
  if (!self->functions) return -1;
  Ref<> default_level;
  if (!isolation_level) {
    default_level = Ref<>::steal(str_from_cstr(""));
    if (!default_level) return -1;
    isolation_level = default_level.get();
  }
  if (set_isolation_level(self, isolation_level) < 0) return -1;
  self->initialized = true;
  return begin_if_manual(self);
}

void connection_close_db(ConnectionObject* self) {
  if (self->db) {
    runtime::ThreadState* ts = vm::save_thread();
    sqlite3_close_v2(self->db);
    vm::restore_thread(ts);
    self->db = nullptr;
  }
}

void connection_dealloc(Object* o) {
  ConnectionObject* self = as_conn(o);
  if (self->weakreflist) object_clear_weakrefs(o);
  connection_close_db(self);
  clear(self->isolation_level);
  clear(self->row_factory);
  clear(self->text_factory);
  clear(self->functions);
  clear(self->blobs);
  o->type->free(o);
}

bool usable(ConnectionObject* self) { return check_thread(self) && check_connection(self); }

// --- methods -----------------------------------------------------------------------------------

Object* connection_cursor(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"factory", nullptr};
  static const ArgParser parser = {"cursor", kw, 0, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  Object* factory = a[0] ? a[0] : reinterpret_cast<Object*>(&cursor_type);
  Ref<> cursor = Ref<>::steal(object_call_one_arg(factory, o));
  if (!cursor) return nullptr;
  if (!is_subtype(cursor->type, &cursor_type))
    return errors::format(exc_TypeError, "factory must return a cursor, not %.100s",
                          cursor->type->name);
  if (self->row_factory != none())
    xsetref(static_cast<CursorObject*>(cursor.get())->row_factory, new_ref(self->row_factory));
  return cursor.release();
}

Object* connection_close(Object* o, Object*) {
  ConnectionObject* self = as_conn(o);
  if (!check_thread(self)) return nullptr;
  if (!self->initialized) {
    errors::set_string(state().ProgrammingError, "Base Connection.__init__ not called.");
    return nullptr;
  }
  // autocommit=False rolls back the open transaction before closing.
  if (self->db && self->autocommit == 0 && !sqlite3_get_autocommit(self->db) &&
      exec_simple(self, "ROLLBACK") < 0)
    return nullptr;
  close_all_blobs(self);
  connection_close_db(self);
  return new_ref(none());
}

Object* connection_commit(Object* o, Object*) {
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (self->autocommit == kLegacyTransactionControl) {
    if (!sqlite3_get_autocommit(self->db) && exec_simple(self, "COMMIT") < 0) return nullptr;
  } else if (self->autocommit == 0) {
    if (exec_simple(self, "COMMIT") < 0 || begin_if_manual(self) < 0) return nullptr;
  }
  return new_ref(none());
}

Object* connection_rollback(Object* o, Object*) {
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (self->autocommit == kLegacyTransactionControl) {
    if (!sqlite3_get_autocommit(self->db) && exec_simple(self, "ROLLBACK") < 0) return nullptr;
  } else if (self->autocommit == 0) {
    if (exec_simple(self, "ROLLBACK") < 0 || begin_if_manual(self) < 0) return nullptr;
  }
  return new_ref(none());
}

// execute / executemany / executescript: a new cursor's method.
Object* call_on_new_cursor(Object* o, const char* method, Object* const* args, ssize nargs) {
  Ref<> cursor = Ref<>::steal(connection_cursor(o, nullptr, 0, nullptr));
  if (!cursor) return nullptr;
  Ref<> m = Ref<>::steal(object_getattr_string(cursor.get(), method));
  if (!m) return nullptr;
  return vectorcall(m.get(), args, size_t(nargs), nullptr);
}

Object* connection_execute(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("execute", nargs, 1, 2)) return nullptr;
  return call_on_new_cursor(o, "execute", args, nargs);
}
Object* connection_executemany(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("executemany", nargs, 2, 2)) return nullptr;
  return call_on_new_cursor(o, "executemany", args, nargs);
}
Object* connection_executescript(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("executescript", nargs, 1, 1)) return nullptr;
  return call_on_new_cursor(o, "executescript", args, nargs);
}

Object* connection_enter(Object* o, Object*) {
  if (!usable(as_conn(o))) return nullptr;
  return new_ref(o);
}

// __exit__: commit when the block succeeded, else roll back; a failed commit rolls back too.
Object* connection_exit(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("__exit__", nargs, 3, 3)) return nullptr;
  bool ok = args[0] == none() && args[1] == none() && args[2] == none();
  Ref<> r = Ref<>::steal(ok ? connection_commit(o, nullptr) : connection_rollback(o, nullptr));
  if (!r) {
    if (ok) {
      Object* exc = errors::get_raised_exception();
      Ref<> rb = Ref<>::steal(connection_rollback(o, nullptr));
      if (!rb) errors::clear();
      errors::set_raised_exception(exc);
    }
    return nullptr;
  }
  return new_ref(false_object());
}

Object* connection_interrupt(Object* o, Object*) {
  ConnectionObject* self = as_conn(o);
  if (!check_connection(self)) return nullptr;
  sqlite3_interrupt(self->db);
  return new_ref(none());
}

Object* connection_iterdump(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"filter", nullptr};
  static const ArgParser parser = {"iterdump", kw, 0, 0, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!usable(as_conn(o))) return nullptr;
  Ref<> dump = Ref<>::steal(imp::import_module("sqlite3.dump"));
  if (!dump) return nullptr;
  Ref<> fn = Ref<>::steal(object_getattr_string(dump.get(), "_iterdump"));
  if (!fn) return nullptr;
  Object* call_args[2] = {o, a[0] ? a[0] : none()};
  Ref<> names = Ref<>::steal(tuple_pack(1, str_intern_from_cstr("filter")));
  if (!names) return nullptr;
  return vectorcall(fn.get(), call_args, 1, names.get());
}

Object* connection_getlimit(Object* o, Object* arg) {
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  int category = long_as_int(arg);
  if (category == -1 && errors::occurred()) return nullptr;
  int value = sqlite3_limit(self->db, category, -1);
  if (value < 0) return errors::format(state().ProgrammingError, "'category' is out of bounds");
  return long_from_long(value);
}

Object* connection_setlimit(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("setlimit", nargs, 2, 2)) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  int category = long_as_int(args[0]);
  if (category == -1 && errors::occurred()) return nullptr;
  int limit = long_as_int(args[1]);
  if (limit == -1 && errors::occurred()) return nullptr;
  int old = sqlite3_limit(self->db, category, limit);
  if (old < 0) return errors::format(state().ProgrammingError, "'category' is out of bounds");
  return long_from_long(old);
}

// --- user functions, aggregates and collations ---------------------------------------------

// PyGILState_Ensure/Release for SQLite's callbacks: statements run with the GIL released
// (step, prepare), and SQLite calls back into Python from there.
class CallbackGil {
 public:
  CallbackGil() : ts_(nullptr) {
    if (!vm::gil_held()) {
      ts_ = runtime::thread_state();
      vm::restore_thread(ts_);
    }
  }
  ~CallbackGil() {
    if (ts_) (void)vm::save_thread();
  }
  CallbackGil(const CallbackGil&) = delete;
  CallbackGil& operator=(const CallbackGil&) = delete;

 private:
  runtime::ThreadState* ts_;
};

// set_sqlite_error: the callback's exception printed (enable_callback_tracebacks) or dropped,
// and the SQL function's error message.
void set_sqlite_error(sqlite3_context* ctx, const char* msg) {
  report_callback_error();
  sqlite3_result_error(ctx, msg, -1);
}

// _pysqlite_build_py_params: SQLite values to Python objects (a new tuple).
Object* values_to_tuple(int argc, sqlite3_value** argv) {
  Ref<> args = Ref<>::steal(tuple_new(argc));
  if (!args) return nullptr;
  for (int i = 0; i < argc; ++i) {
    sqlite3_value* v = argv[i];
    Object* item = nullptr;
    switch (sqlite3_value_type(v)) {
      case SQLITE_INTEGER: item = long_from_long_long(sqlite3_value_int64(v)); break;
      case SQLITE_FLOAT: item = float_from_double(sqlite3_value_double(v)); break;
      case SQLITE_TEXT: {
        const char* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
        item = str_from_utf8(text ? text : "", sqlite3_value_bytes(v));
        break;
      }
      case SQLITE_BLOB: {
        const void* blob = sqlite3_value_blob(v);
        item = bytes_from_string_and_size(static_cast<const char*>(blob), sqlite3_value_bytes(v));
        break;
      }
      default: item = new_ref(none()); break;
    }
    if (!item) return nullptr;
    tuple_set_item(args.get(), i, item);
  }
  return args.release();
}

// _pysqlite_set_result: a Python value as the function's SQL result. 0, or -1 with an error.
int set_result(sqlite3_context* ctx, Object* value) {
  if (value == none()) {
    sqlite3_result_null(ctx);
  } else if (long_check(value)) {
    int overflow = 0;
    long long v = long_as_long_and_overflow(value, &overflow);
    if (overflow) {
      errors::set_string(exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
      return -1;
    }
    if (v == -1 && errors::occurred()) return -1;
    sqlite3_result_int64(ctx, v);
  } else if (float_check(value)) {
    sqlite3_result_double(ctx, float_as_double(value));
  } else if (str_check(value)) {
    ssize n = 0;
    const char* s = str_as_utf8(value, &n);
    if (!s) return -1;
    sqlite3_result_text(ctx, s, int(n), SQLITE_TRANSIENT);
  } else if (object_check_buffer(value)) {
    Buffer view;
    if (object_get_buffer(value, &view, kBufSimple) < 0) return -1;
    sqlite3_result_blob(ctx, view.buf, int(view.len), SQLITE_TRANSIENT);
    buffer_release(&view);
  } else {
    errors::format(state().ProgrammingError, "User-defined functions cannot return '%s' values to SQLite",
                   value->type->name);
    return -1;
  }
  return 0;
}

void function_callback(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  CallbackGil gil;
  Object* func = static_cast<Object*>(sqlite3_user_data(ctx));
  Ref<> args = Ref<>::steal(values_to_tuple(argc, argv));
  Ref<> result = Ref<>::steal(args ? object_call(func, args.get(), nullptr) : nullptr);
  if (!result || set_result(ctx, result.get()) < 0) {
    report_callback_error();
    sqlite3_result_error(ctx, "user-defined function raised exception", -1);
  }
}

// The aggregate instance of the current group, created on the first step.
Object** aggregate_instance(sqlite3_context* ctx, bool create) {
  Object** slot = static_cast<Object**>(sqlite3_aggregate_context(ctx, create ? sizeof(Object*) : 0));
  return slot;
}

// step_callback: the aggregate's instance made on the first row, then its step().
void aggregate_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  CallbackGil gil;
  Object* cls = static_cast<Object*>(sqlite3_user_data(ctx));
  Object** slot = aggregate_instance(ctx, true);
  if (!slot) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (!*slot) {
    *slot = object_call_no_args(cls);
    if (!*slot) {
      set_sqlite_error(ctx, "user-defined aggregate's '__init__' method raised error");
      return;
    }
  }
  Ref<> step = Ref<>::steal(object_getattr_string(*slot, "step"));
  if (!step) {
    set_sqlite_error(ctx, "user-defined aggregate's 'step' method not defined");
    return;
  }
  Ref<> args = Ref<>::steal(values_to_tuple(argc, argv));
  if (!args) {
    report_callback_error();
    return;
  }
  Ref<> r = Ref<>::steal(object_call(step.get(), args.get(), nullptr));
  if (!r) set_sqlite_error(ctx, "user-defined aggregate's 'step' method raised error");
}

// final_callback: finalize()'s value as the result; the instance is released.
void aggregate_final(sqlite3_context* ctx) {
  CallbackGil gil;
  Object** slot = aggregate_instance(ctx, false);
  if (!slot || !*slot) return;  // no rows, or __init__ failed (already reported)
  Object* instance = *slot;
  // An error from a step stays the statement's error; finalize still runs.
  Object* pending = errors::get_raised_exception();
  Ref<> result = Ref<>::steal(call_method_no_args(instance, str_intern_from_cstr("finalize")));
  bool ok = result && set_result(ctx, result.get()) == 0;
  decref(instance);
  *slot = nullptr;
  if (!ok) {
    bool attr_err = errors::exception_matches(exc_AttributeError);
    if (pending) {
      // _PyErr_ChainExceptions1: the new error's context is the pending one.
      Object* exc = errors::get_raised_exception();
      exception_set_context(exc, pending);
      errors::set_raised_exception(exc);
    }
    set_sqlite_error(ctx, attr_err ? "user-defined aggregate's 'finalize' method not defined"
                                   : "user-defined aggregate's 'finalize' method raised error");
    return;
  }
  if (pending) errors::set_raised_exception(pending);
}

// inverse_callback (window functions): removes a row from the current window.
void aggregate_inverse(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  CallbackGil gil;
  Object** slot = aggregate_instance(ctx, true);
  if (!slot || !*slot) return;
  Ref<> method = Ref<>::steal(object_getattr_string(*slot, "inverse"));
  if (!method) {
    set_sqlite_error(ctx, "user-defined aggregate's 'inverse' method not defined");
    return;
  }
  Ref<> args = Ref<>::steal(values_to_tuple(argc, argv));
  if (!args) {
    set_sqlite_error(ctx,
                     "unable to build arguments for user-defined aggregate's 'inverse' method");
    return;
  }
  Ref<> r = Ref<>::steal(object_call(method.get(), args.get(), nullptr));
  if (!r) set_sqlite_error(ctx, "user-defined aggregate's 'inverse' method raised error");
}

// value_callback (window functions): the aggregate's current value.
void aggregate_value(sqlite3_context* ctx) {
  CallbackGil gil;
  Object** slot = aggregate_instance(ctx, true);
  if (!slot || !*slot) return;
  Ref<> r = Ref<>::steal(call_method_no_args(*slot, str_intern_from_cstr("value")));
  if (!r) {
    bool attr_err = errors::exception_matches(exc_AttributeError);
    set_sqlite_error(ctx, attr_err ? "user-defined aggregate's 'value' method not defined"
                                   : "user-defined aggregate's 'value' method raised error");
  } else if (set_result(ctx, r.get()) < 0) {
    set_sqlite_error(ctx, "unable to set result from user-defined aggregate's 'value' method");
  }
}

int collation_callback(void* context, int len1, const void* s1, int len2, const void* s2) {
  CallbackGil gil;
  Object* callable = static_cast<Object*>(context);
  Ref<> a = Ref<>::steal(str_from_utf8(static_cast<const char*>(s1), len1));
  Ref<> b = Ref<>::steal(str_from_utf8(static_cast<const char*>(s2), len2));
  Object* call_args[2] = {a.get(), b.get()};
  Ref<> r = Ref<>::steal(a && b ? vectorcall(callable, call_args, 2, nullptr) : nullptr);
  if (!r) {
    errors::clear();
    return 0;
  }
  if (!long_check(r.get())) {
    errors::clear();
    return 0;
  }
  int overflow = 0;
  long v = long_as_long_and_overflow(r.get(), &overflow);
  errors::clear();
  if (overflow) return overflow > 0 ? 1 : -1;
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

// check_num_params: the argument count SQLite accepts for a function. 0 or -1.
int check_num_params(ConnectionObject* self, int n, const char* name) {
  int limit = sqlite3_limit(self->db, SQLITE_LIMIT_FUNCTION_ARG, -1);
  if (n < -1 || n > limit) {
    errors::format(state().ProgrammingError, "'%s' must be between -1 and %d, not %d", name, limit,
                   n);
    return -1;
  }
  return 0;
}

// The callables SQLite calls are kept in the connection's list while the connection lives.
int pin(ConnectionObject* self, Object* callable) { return list_append(self->functions, callable); }

Object* connection_create_function(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", "narg", "func", "deterministic", nullptr};
  static const ArgParser parser = {"create_function", kw, 3, 3, 0};
  Object* a[4] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (!str_check(a[0]))
    return errors::format(exc_TypeError, "create_function() argument 'name' must be str, not %.50s",
                          a[0]->type->name);
  const char* name = str_as_utf8(a[0]);
  int narg = long_as_int(a[1]);
  if (!name || (narg == -1 && errors::occurred())) return nullptr;
  if (check_num_params(self, narg, "narg") < 0) return nullptr;
  int flags = SQLITE_UTF8;
  if (a[3]) {
    int d = object_is_true(a[3]);
    if (d < 0) return nullptr;
    if (d) flags |= SQLITE_DETERMINISTIC;
  }
  int rc;
  if (a[2] == none()) {
    rc = sqlite3_create_function_v2(self->db, name, narg, flags, nullptr, nullptr, nullptr,
                                    nullptr, nullptr);
  } else {
    if (pin(self, a[2]) < 0) return nullptr;
    rc = sqlite3_create_function_v2(self->db, name, narg, flags, a[2], function_callback, nullptr,
                                    nullptr, nullptr);
  }
  if (rc != SQLITE_OK)
    return errors::format(state().OperationalError, "Error creating function");
  return new_ref(none());
}

Object* connection_create_aggregate(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", "n_arg", "aggregate_class", nullptr};
  static const ArgParser parser = {"create_aggregate", kw, 3, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (!str_check(a[0]))
    return errors::format(exc_TypeError, "create_aggregate() argument 'name' must be str, not %.50s",
                          a[0]->type->name);
  const char* name = str_as_utf8(a[0]);
  int narg = long_as_int(a[1]);
  if (!name || (narg == -1 && errors::occurred())) return nullptr;
  if (check_num_params(self, narg, "n_arg") < 0) return nullptr;
  int rc;
  if (a[2] == none()) {
    rc = sqlite3_create_function_v2(self->db, name, narg, SQLITE_UTF8, nullptr, nullptr, nullptr,
                                    nullptr, nullptr);
  } else {
    if (pin(self, a[2]) < 0) return nullptr;
    rc = sqlite3_create_function_v2(self->db, name, narg, SQLITE_UTF8, a[2], nullptr,
                                    aggregate_step, aggregate_final, nullptr);
  }
  if (rc != SQLITE_OK)
    return errors::format(state().OperationalError, "Error creating aggregate");
  return new_ref(none());
}

Object* connection_create_collation(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("create_collation", nargs, 2, 2)) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (!str_check(args[0]))
    return errors::format(exc_TypeError, "create_collation() argument 1 must be str, not %.50s",
                          args[0]->type->name);
  const char* name = str_as_utf8(args[0]);
  if (!name) return nullptr;
  Object* callable = args[1];
  int rc;
  if (callable == none()) {
    rc = sqlite3_create_collation_v2(self->db, name, SQLITE_UTF8, nullptr, nullptr, nullptr);
  } else {
    if (!callable_check(callable)) return errors::format(exc_TypeError, "parameter must be callable");
    if (pin(self, callable) < 0) return nullptr;
    rc = sqlite3_create_collation_v2(self->db, name, SQLITE_UTF8, callable, collation_callback,
                                     nullptr);
  }
  if (rc != SQLITE_OK) {
    set_error(self->db);
    return nullptr;
  }
  return new_ref(none());
}

// create_window_function: an aggregate with value() and inverse() for OVER clauses.
Object* connection_create_window_function(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("create_window_function", nargs, 3, 3)) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!str_check(args[0]))
    return errors::format(exc_TypeError,
                          "create_window_function() argument 1 must be str, not %.50s",
                          args[0]->type->name);
  const char* name = str_as_utf8(args[0]);
  if (!name) return nullptr;
  int narg = long_as_int(args[1]);
  if (narg == -1 && errors::occurred()) return nullptr;
  if (!usable(self)) return nullptr;
  if (check_num_params(self, narg, "num_params") < 0) return nullptr;
  Object* cls = args[2];
  int rc;
  if (cls == none()) {
    rc = sqlite3_create_window_function(self->db, name, narg, SQLITE_UTF8, nullptr, nullptr,
                                        nullptr, nullptr, nullptr, nullptr);
  } else {
    if (pin(self, cls) < 0) return nullptr;
    rc = sqlite3_create_window_function(self->db, name, narg, SQLITE_UTF8, cls, aggregate_step,
                                        aggregate_final, aggregate_value, aggregate_inverse,
                                        nullptr);
  }
  if (rc != SQLITE_OK) {
    // The error is not recorded on the connection: the code's own message.
    set_error_from_code(rc);
    return nullptr;
  }
  return new_ref(none());
}

// print_or_clear_traceback for the hooks below.
int authorizer_callback(void* ctx, int action, const char* arg1, const char* arg2,
                        const char* dbname, const char* source) {
  CallbackGil gil;
  Object* callable = static_cast<Object*>(ctx);
  Object* items[5] = {};
  Ref<> a0 = Ref<>::steal(long_from_long(action));
  Ref<> a1 = Ref<>::steal(arg1 ? str_from_cstr(arg1) : new_ref(none()));
  Ref<> a2 = Ref<>::steal(arg2 ? str_from_cstr(arg2) : new_ref(none()));
  Ref<> a3 = Ref<>::steal(dbname ? str_from_cstr(dbname) : new_ref(none()));
  Ref<> a4 = Ref<>::steal(source ? str_from_cstr(source) : new_ref(none()));
  if (!a0 || !a1 || !a2 || !a3 || !a4) {
    report_callback_error();
    return SQLITE_DENY;
  }
  items[0] = a0.get();
  items[1] = a1.get();
  items[2] = a2.get();
  items[3] = a3.get();
  items[4] = a4.get();
  Ref<> r = Ref<>::steal(vectorcall(callable, items, 5, nullptr));
  if (!r) {
    report_callback_error();
    return SQLITE_DENY;
  }
  if (!long_check(r.get())) return SQLITE_DENY;
  int rc = long_as_int(r.get());
  if (rc == -1 && errors::occurred()) {
    report_callback_error();
    return SQLITE_DENY;
  }
  return rc;
}

int progress_callback(void* ctx) {
  CallbackGil gil;
  Ref<> r = Ref<>::steal(object_call_no_args(static_cast<Object*>(ctx)));
  int rc = r ? object_is_true(r.get()) : -1;  // an error aborts the query
  if (rc < 0) report_callback_error();
  return rc;
}

// trace_callback with sqlite3_trace_v2: each statement's SQL with its parameters expanded.
int trace_callback(unsigned type, void* ctx, void* stmt, void* sql) {
  if (type != SQLITE_TRACE_STMT) return 0;
  CallbackGil gil;
  Ref<> text;
  char* expanded = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt));
  if (!expanded) {
    if (sqlite3_errcode(sqlite3_db_handle(static_cast<sqlite3_stmt*>(stmt))) == SQLITE_NOMEM) {
      errors::no_memory();
      report_callback_error();
      return 0;
    }
    errors::set_string(state().DataError, "Expanded SQL string exceeds the maximum string length");
    report_callback_error();
    text = Ref<>::steal(str_from_cstr(static_cast<const char*>(sql)));
  } else {
    text = Ref<>::steal(str_from_cstr(expanded));
    sqlite3_free(expanded);
  }
  if (text) {
    Object* arg = text.get();
    Ref<> r = Ref<>::steal(vectorcall(static_cast<Object*>(ctx), &arg, 1, nullptr));
  }
  if (errors::occurred()) report_callback_error();
  return 0;
}

Object* connection_set_authorizer(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"authorizer_callback", nullptr};
  static const ArgParser parser = {"set_authorizer", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  int rc;
  if (a[0] == none()) {
    rc = sqlite3_set_authorizer(self->db, nullptr, nullptr);
  } else {
    if (pin(self, a[0]) < 0) return nullptr;
    rc = sqlite3_set_authorizer(self->db, authorizer_callback, a[0]);
  }
  if (rc != SQLITE_OK) {
    sqlite3_set_authorizer(self->db, nullptr, nullptr);
    errors::set_string(state().OperationalError, "Error setting authorizer callback");
    return nullptr;
  }
  return new_ref(none());
}

Object* connection_set_progress_handler(Object* o, Object* const* args, ssize nargs,
                                        Object* kwnames) {
  static const char* const kw[] = {"progress_handler", "n", nullptr};
  static const ArgParser parser = {"set_progress_handler", kw, 2, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int n = long_as_int(a[1]);
  if (n == -1 && errors::occurred()) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (a[0] == none()) {
    sqlite3_progress_handler(self->db, 0, nullptr, nullptr);
  } else {
    if (pin(self, a[0]) < 0) return nullptr;
    sqlite3_progress_handler(self->db, n, progress_callback, a[0]);
  }
  return new_ref(none());
}

Object* connection_set_trace_callback(Object* o, Object* const* args, ssize nargs,
                                      Object* kwnames) {
  static const char* const kw[] = {"trace_callback", nullptr};
  static const ArgParser parser = {"set_trace_callback", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (a[0] == none()) {
    sqlite3_trace_v2(self->db, SQLITE_TRACE_STMT, nullptr, nullptr);
  } else {
    if (pin(self, a[0]) < 0) return nullptr;
    sqlite3_trace_v2(self->db, SQLITE_TRACE_STMT, trace_callback, a[0]);
  }
  return new_ref(none());
}

// pysqlite_connection_backup_impl: copies this database into target's "main", pages at a time.
Object* connection_backup(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"target", "pages", "progress", "name", "sleep", nullptr};
  static const ArgParser parser = {"backup", kw, 1, 1, 0};
  Object* a[5] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!type_check(a[0], &connection_type))
    return errors::format(exc_TypeError, "backup() argument 'target' must be %s, not %.50s",
                          connection_type.name, a[0]->type->name);
  ConnectionObject* target = as_conn(a[0]);
  int pages = -1;
  if (a[1]) {
    pages = long_as_int(a[1]);
    if (pages == -1 && errors::occurred()) return nullptr;
  }
  Object* progress = a[2] ? a[2] : none();
  const char* name = "main";
  if (a[3]) {
    if (!str_check(a[3]))
      return errors::format(exc_TypeError, "backup() argument 'name' must be str, not %.50s",
                            a[3]->type->name);
    name = str_as_utf8(a[3]);
    if (!name) return nullptr;
  }
  double sleep = 0.250;
  if (a[4]) {
    sleep = float_as_double(a[4]);
    if (sleep == -1.0 && errors::occurred()) return nullptr;
  }
  int sleep_ms = int(sleep * 1000.0);
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (!check_connection(target)) return nullptr;
  if (target == self)
    return errors::format(exc_ValueError, "target cannot be the same connection instance");
  if (progress != none() && !callable_check(progress))
    return errors::format(exc_TypeError, "progress argument must be a callable");
  if (pages == 0) pages = -1;
  runtime::ThreadState* ts = vm::save_thread();
  sqlite3_backup* handle = sqlite3_backup_init(target->db, "main", self->db, name);
  vm::restore_thread(ts);
  if (!handle) {
    set_error(target->db);
    return nullptr;
  }
  int rc;
  do {
    ts = vm::save_thread();
    rc = sqlite3_backup_step(handle, pages);
    vm::restore_thread(ts);
    if (progress != none()) {
      Ref<> status = Ref<>::steal(long_from_long(rc));
      Ref<> remaining = Ref<>::steal(long_from_long(sqlite3_backup_remaining(handle)));
      Ref<> count = Ref<>::steal(long_from_long(sqlite3_backup_pagecount(handle)));
      Ref<> r;
      if (status && remaining && count) {
        Object* call_args[3] = {status.get(), remaining.get(), count.get()};
        r = Ref<>::steal(vectorcall(progress, call_args, 3, nullptr));
      }
      if (!r) {
        ts = vm::save_thread();
        sqlite3_backup_finish(handle);
        vm::restore_thread(ts);
        return nullptr;
      }
    }
    // No progress possible for now: wait before trying again.
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      ts = vm::save_thread();
      sqlite3_sleep(sleep_ms);
      vm::restore_thread(ts);
    }
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  ts = vm::save_thread();
  rc = sqlite3_backup_finish(handle);
  vm::restore_thread(ts);
  if (rc != SQLITE_OK) {
    set_error(target->db);
    return nullptr;
  }
  return new_ref(none());
}

// serialize_impl: the database's bytes as a file would hold them.
Object* connection_serialize(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", nullptr};
  static const ArgParser parser = {"serialize", kw, 0, 0, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  const char* name = "main";
  if (a[0]) {
    if (!str_check(a[0]))
      return errors::format(exc_TypeError, "serialize() argument 'name' must be str, not %.50s",
                            a[0]->type->name);
    name = str_as_utf8(a[0]);
    if (!name) return nullptr;
  }
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  sqlite3_int64 size = 0;
  unsigned flags = SQLITE_SERIALIZE_NOCOPY;
  runtime::ThreadState* ts = vm::save_thread();
  const char* data = reinterpret_cast<const char*>(sqlite3_serialize(self->db, name, &size, flags));
  if (!data) {
    flags = 0;
    data = reinterpret_cast<const char*>(sqlite3_serialize(self->db, name, &size, flags));
  }
  vm::restore_thread(ts);
  if (!data) return errors::format(state().OperationalError, "unable to serialize '%s'", name);
  Object* res = bytes_from_string_and_size(data, ssize(size));
  if (!(flags & SQLITE_SERIALIZE_NOCOPY)) sqlite3_free(const_cast<char*>(data));
  return res;
}

// deserialize_impl: reopens the database as an in-memory copy of data.
Object* connection_deserialize(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "name", nullptr};
  static const ArgParser parser = {"deserialize", kw, 1, 1, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  const char* name = "main";
  if (a[1]) {
    if (!str_check(a[1]))
      return errors::format(exc_TypeError, "deserialize() argument 'name' must be str, not %.50s",
                            a[1]->type->name);
    name = str_as_utf8(a[1]);
    if (!name) return nullptr;
  }
  Buffer view;
  Ref<> encoded;
  const void* src = nullptr;
  ssize len = 0;
  bool have_view = false;
  if (str_check(a[0])) {
    const char* text = str_as_utf8(a[0], &len);
    if (!text) return nullptr;
    src = text;
  } else {
    if (object_get_buffer(a[0], &view, kBufSimple) < 0) return nullptr;
    have_view = true;
    src = view.buf;
    len = view.len;
  }
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) {
    if (have_view) buffer_release(&view);
    return nullptr;
  }
  sqlite3_int64 size = len;
  unsigned char* buf = static_cast<unsigned char*>(sqlite3_malloc64(size ? size : 1));
  if (!buf) {
    if (have_view) buffer_release(&view);
    return errors::no_memory();
  }
  std::memcpy(buf, src, size_t(len));
  if (have_view) buffer_release(&view);
  runtime::ThreadState* ts = vm::save_thread();
  int rc = sqlite3_deserialize(self->db, name, buf, size, size,
                               SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  vm::restore_thread(ts);
  if (rc != SQLITE_OK) {
    set_error(self->db);
    return nullptr;
  }
  return new_ref(none());
}

// blobopen_impl: a Blob over table.column at rowid row.
Object* connection_blobopen(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "", "", "readonly", "name", nullptr};
  static const ArgParser parser = {"blobopen", kw, 3, 3, 0};
  Object* a[5] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  const char* names[2] = {};
  for (int i = 0; i < 2; ++i) {
    if (!str_check(a[i]))
      return errors::format(exc_TypeError, "blobopen() argument %d must be str, not %.50s",
                            i + 1, a[i]->type->name);
    names[i] = str_as_utf8(a[i]);
    if (!names[i]) return nullptr;
  }
  // sqlite3_int64_converter
  if (!long_check(a[2])) return errors::format(exc_TypeError, "expected 'int'");
  int overflow = 0;
  long long row = long_as_long_and_overflow(a[2], &overflow);  // long is 64-bit here
  if (overflow)
    return errors::format(exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
  if (row == -1 && errors::occurred()) return nullptr;
  int readonly = 0;
  if (a[3]) {
    readonly = object_is_true(a[3]);
    if (readonly < 0) return nullptr;
  }
  const char* dbname = "main";
  if (a[4]) {
    if (!str_check(a[4]))
      return errors::format(exc_TypeError, "blobopen() argument 'name' must be str, not %.50s",
                            a[4]->type->name);
    dbname = str_as_utf8(a[4]);
    if (!dbname) return nullptr;
  }
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  sqlite3_blob* blob = nullptr;
  runtime::ThreadState* ts = vm::save_thread();
  int rc = sqlite3_blob_open(self->db, dbname, names[0], names[1], row, !readonly, &blob);
  vm::restore_thread(ts);
  if (rc == SQLITE_MISUSE) {
    errors::set_string(state().InterfaceError, sqlite3_errstr(rc));
    return nullptr;
  }
  if (rc != SQLITE_OK) {
    set_error(self->db);
    return nullptr;
  }
  return blob_new(self, blob);
}

// --- attributes ----------------------------------------------------------------------------

Object* get_isolation_level(Object* o, void*) {
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  return new_ref(self->isolation_level ? self->isolation_level : none());
}

int set_isolation_level_attr(Object* o, Object* value, void*) {
  ConnectionObject* self = as_conn(o);
  if (!value) {
    errors::set_string(exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  if (!usable(self)) return -1;
  // Switching to autocommit mode (None) commits the open transaction first.
  if (value == none() && self->autocommit == kLegacyTransactionControl &&
      !sqlite3_get_autocommit(self->db) && exec_simple(self, "COMMIT") < 0)
    return -1;
  return set_isolation_level(self, value);
}

Object* get_autocommit(Object* o, void*) {
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  if (self->autocommit == 1) return new_ref(true_object());
  if (self->autocommit == 0) return new_ref(false_object());
  return long_from_long(kLegacyTransactionControl);
}

int set_autocommit(Object* o, Object* value, void*) {
  ConnectionObject* self = as_conn(o);
  if (!value) {
    errors::set_string(exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  if (!usable(self)) return -1;
  int mode;
  if (value == true_object()) {
    mode = 1;
  } else if (value == false_object()) {
    mode = 0;
  } else if (long_check(value) && long_as_long(value) == kLegacyTransactionControl) {
    mode = kLegacyTransactionControl;
  } else {
    errors::clear();
    errors::set_string(exc_ValueError,
                       "autocommit must be True, False, or sqlite3.LEGACY_TRANSACTION_CONTROL");
    return -1;
  }
  // autocommit_setter: True commits the open transaction; False opens one.
  if (mode == 1 && !sqlite3_get_autocommit(self->db) && exec_simple(self, "COMMIT") < 0) return -1;
  self->autocommit = mode;
  return begin_if_manual(self);
}

Object* get_total_changes(Object* o, void*) {
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  return long_from_long(sqlite3_total_changes(self->db));
}

Object* get_in_transaction(Object* o, void*) {
  ConnectionObject* self = as_conn(o);
  if (!usable(self)) return nullptr;
  return new_ref(sqlite3_get_autocommit(self->db) ? false_object() : true_object());
}

// Connection.Error, .Warning, ...: the module's exceptions (DB-API optional extension).
Object* get_exception(Object*, void* closure) {
  State& st = state();
  TypeObject* const types[] = {st.Warning, st.Error, st.InterfaceError, st.DatabaseError,
                               st.DataError, st.OperationalError, st.IntegrityError,
                               st.InternalError, st.ProgrammingError, st.NotSupportedError};
  return new_ref(reinterpret_cast<Object*>(types[reinterpret_cast<intptr_t>(closure)]));
}

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef connection_methods[] = {
    {"cursor", FASTCALL_KW(connection_cursor), "Return a cursor for the connection."},
    {"close", reinterpret_cast<void*>(connection_close), kMethNoArgs,
     "Close the database connection.\n\nAny pending transaction is not committed implicitly."},
    {"commit", reinterpret_cast<void*>(connection_commit), kMethNoArgs,
     "Commit any pending transaction to the database.\n\nIf there is no open transaction, this "
     "method is a no-op."},
    {"rollback", reinterpret_cast<void*>(connection_rollback), kMethNoArgs,
     "Roll back to the start of any pending transaction.\n\nIf there is no open transaction, "
     "this method is a no-op."},
    {"execute", FASTCALL(connection_execute),
     "Executes an SQL statement."},
    {"executemany", FASTCALL(connection_executemany),
     "Repeatedly executes an SQL statement."},
    {"executescript", FASTCALL(connection_executescript),
     "Executes multiple SQL statements at once."},
    {"create_function", FASTCALL_KW(connection_create_function),
     "Creates a new function."},
    {"create_aggregate", FASTCALL_KW(connection_create_aggregate),
     "Creates a new aggregate."},
    {"create_collation", FASTCALL(connection_create_collation),
     "Creates a collation function."},
    {"create_window_function", FASTCALL(connection_create_window_function),
     "Creates or redefines an aggregate window function. Non-standard."},
    {"set_authorizer", FASTCALL_KW(connection_set_authorizer), "Set authorizer callback."},
    {"set_progress_handler", FASTCALL_KW(connection_set_progress_handler),
     "Set progress handler callback."},
    {"set_trace_callback", FASTCALL_KW(connection_set_trace_callback),
     "Set a trace callback called for each SQL statement (passed as unicode)."},
    {"backup", FASTCALL_KW(connection_backup), "Makes a backup of the database."},
    {"blobopen", FASTCALL_KW(connection_blobopen), "Open and return a BLOB object."},
    {"serialize", FASTCALL_KW(connection_serialize), "Serialize a database into a byte string."},
    {"deserialize", FASTCALL_KW(connection_deserialize), "Load a serialized database."},
    {"interrupt", reinterpret_cast<void*>(connection_interrupt), kMethNoArgs,
     "Abort any pending database operation."},
    {"iterdump", FASTCALL_KW(connection_iterdump),
     "Returns iterator to the dump of the database in an SQL text format."},
    {"getlimit", reinterpret_cast<void*>(connection_getlimit), kMethO,
     "Get connection run-time limits."},
    {"setlimit", FASTCALL(connection_setlimit), "Set connection run-time limits."},
    {"__enter__", reinterpret_cast<void*>(connection_enter), kMethNoArgs,
     "Called when the connection is used as a context manager.\n\nReturns itself as a "
     "convenience to the caller."},
    {"__exit__", FASTCALL(connection_exit),
     "Called when the connection is used as a context manager.\n\nIf there was any exception, a "
     "rollback takes place; otherwise we commit."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef connection_getset[] = {
    {"isolation_level", get_isolation_level, set_isolation_level_attr, nullptr, nullptr},
    {"autocommit", get_autocommit, set_autocommit, nullptr, nullptr},
    {"total_changes", get_total_changes, nullptr, nullptr, nullptr},
    {"in_transaction", get_in_transaction, nullptr, nullptr, nullptr},
    {"Warning", get_exception, nullptr, nullptr, reinterpret_cast<void*>(0)},
    {"Error", get_exception, nullptr, nullptr, reinterpret_cast<void*>(1)},
    {"InterfaceError", get_exception, nullptr, nullptr, reinterpret_cast<void*>(2)},
    {"DatabaseError", get_exception, nullptr, nullptr, reinterpret_cast<void*>(3)},
    {"DataError", get_exception, nullptr, nullptr, reinterpret_cast<void*>(4)},
    {"OperationalError", get_exception, nullptr, nullptr, reinterpret_cast<void*>(5)},
    {"IntegrityError", get_exception, nullptr, nullptr, reinterpret_cast<void*>(6)},
    {"InternalError", get_exception, nullptr, nullptr, reinterpret_cast<void*>(7)},
    {"ProgrammingError", get_exception, nullptr, nullptr, reinterpret_cast<void*>(8)},
    {"NotSupportedError", get_exception, nullptr, nullptr, reinterpret_cast<void*>(9)},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MemberDef connection_members[] = {
    {"row_factory", kMemberObject, offsetof(ConnectionObject, row_factory), 0, nullptr},
    {"text_factory", kMemberObject, offsetof(ConnectionObject, text_factory), 0, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

}  // namespace

// The exception a callback raised is printed (enable_callback_tracebacks) or dropped.
void report_callback_error() {
  if (state().enable_callback_tracebacks) {
    vm::print_exception_and_set_status();
  } else {
    errors::clear();
  }
}

int begin_implicit_transaction(ConnectionObject* self) {
  if (self->autocommit == kLegacyTransactionControl && self->begin_statement &&
      sqlite3_get_autocommit(self->db))
    return exec_simple(self, self->begin_statement);
  return 0;
}

TypeObject connection_type = [] {
  TypeObject t = static_type("sqlite3.Connection", sizeof(ConnectionObject), 0, kTpflagsBasetype);
  t.doc = "SQLite database connection object.";
  t.dealloc = connection_dealloc;
  t.methods = connection_methods;
  t.getset = connection_getset;
  t.members = connection_members;
  t.weaklistoffset = offsetof(ConnectionObject, weakreflist);
  t.init = connection_init;
  t.alloc = type_generic_alloc;
  t.new_ = type_generic_new;
  t.free = object_generic_free;
  return t;
}();

}  // namespace cppy::modules::_sqlite
