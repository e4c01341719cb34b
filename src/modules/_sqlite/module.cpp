// The _sqlite3 module: Modules/_sqlite/module.c, microprotocols.c, prepare_protocol.c and
// util.c.
#include "modules/_sqlite/sqlitemodule.h"

#include <cstring>

#include "errors/errors.h"
#include "modules/_sqlite/internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytearrayobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/thread.h"

namespace cppy::modules::_sqlite {

using namespace objects;

State& state() {
  static State s;
  return s;
}

namespace {

// The names of SQLite's result codes (module.c error_codes), for sqlite_errorname.
struct CodeName {
  int code;
  const char* name;
};
#define CPPY_SQLITE_CODE(c) {c, #c},
const CodeName kErrorCodes[] = {
    CPPY_SQLITE_CODE(SQLITE_ABORT) CPPY_SQLITE_CODE(SQLITE_AUTH) CPPY_SQLITE_CODE(SQLITE_BUSY)
    CPPY_SQLITE_CODE(SQLITE_CANTOPEN) CPPY_SQLITE_CODE(SQLITE_CONSTRAINT)
    CPPY_SQLITE_CODE(SQLITE_CORRUPT) CPPY_SQLITE_CODE(SQLITE_DONE) CPPY_SQLITE_CODE(SQLITE_EMPTY)
    CPPY_SQLITE_CODE(SQLITE_ERROR) CPPY_SQLITE_CODE(SQLITE_FORMAT) CPPY_SQLITE_CODE(SQLITE_FULL)
    CPPY_SQLITE_CODE(SQLITE_INTERNAL) CPPY_SQLITE_CODE(SQLITE_INTERRUPT)
    CPPY_SQLITE_CODE(SQLITE_IOERR) CPPY_SQLITE_CODE(SQLITE_LOCKED)
    CPPY_SQLITE_CODE(SQLITE_MISMATCH) CPPY_SQLITE_CODE(SQLITE_MISUSE)
    CPPY_SQLITE_CODE(SQLITE_NOLFS) CPPY_SQLITE_CODE(SQLITE_NOMEM)
    CPPY_SQLITE_CODE(SQLITE_NOTADB) CPPY_SQLITE_CODE(SQLITE_NOTFOUND)
    CPPY_SQLITE_CODE(SQLITE_NOTICE) CPPY_SQLITE_CODE(SQLITE_OK) CPPY_SQLITE_CODE(SQLITE_PERM)
    CPPY_SQLITE_CODE(SQLITE_PROTOCOL) CPPY_SQLITE_CODE(SQLITE_RANGE)
    CPPY_SQLITE_CODE(SQLITE_READONLY) CPPY_SQLITE_CODE(SQLITE_ROW)
    CPPY_SQLITE_CODE(SQLITE_SCHEMA) CPPY_SQLITE_CODE(SQLITE_TOOBIG)
    CPPY_SQLITE_CODE(SQLITE_WARNING)
    CPPY_SQLITE_CODE(SQLITE_ABORT_ROLLBACK) CPPY_SQLITE_CODE(SQLITE_BUSY_RECOVERY)
    CPPY_SQLITE_CODE(SQLITE_BUSY_SNAPSHOT) CPPY_SQLITE_CODE(SQLITE_BUSY_TIMEOUT)
    CPPY_SQLITE_CODE(SQLITE_CANTOPEN_CONVPATH) CPPY_SQLITE_CODE(SQLITE_CANTOPEN_FULLPATH)
    CPPY_SQLITE_CODE(SQLITE_CANTOPEN_ISDIR) CPPY_SQLITE_CODE(SQLITE_CANTOPEN_NOTEMPDIR)
    CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_CHECK) CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_COMMITHOOK)
    CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_FOREIGNKEY) CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_FUNCTION)
    CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_NOTNULL) CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_PINNED)
    CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_PRIMARYKEY) CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_ROWID)
    CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_TRIGGER) CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_UNIQUE)
    CPPY_SQLITE_CODE(SQLITE_CONSTRAINT_VTAB) CPPY_SQLITE_CODE(SQLITE_CORRUPT_SEQUENCE)
    CPPY_SQLITE_CODE(SQLITE_CORRUPT_VTAB) CPPY_SQLITE_CODE(SQLITE_ERROR_MISSING_COLLSEQ)
    CPPY_SQLITE_CODE(SQLITE_ERROR_RETRY) CPPY_SQLITE_CODE(SQLITE_ERROR_SNAPSHOT)
    CPPY_SQLITE_CODE(SQLITE_IOERR_ACCESS) CPPY_SQLITE_CODE(SQLITE_IOERR_CLOSE)
    CPPY_SQLITE_CODE(SQLITE_IOERR_DELETE) CPPY_SQLITE_CODE(SQLITE_IOERR_FSYNC)
    CPPY_SQLITE_CODE(SQLITE_IOERR_FSTAT) CPPY_SQLITE_CODE(SQLITE_IOERR_LOCK)
    CPPY_SQLITE_CODE(SQLITE_IOERR_NOMEM) CPPY_SQLITE_CODE(SQLITE_IOERR_READ)
    CPPY_SQLITE_CODE(SQLITE_IOERR_SHORT_READ) CPPY_SQLITE_CODE(SQLITE_IOERR_TRUNCATE)
    CPPY_SQLITE_CODE(SQLITE_IOERR_WRITE) CPPY_SQLITE_CODE(SQLITE_LOCKED_SHAREDCACHE)
    CPPY_SQLITE_CODE(SQLITE_NOTICE_RECOVER_ROLLBACK) CPPY_SQLITE_CODE(SQLITE_NOTICE_RECOVER_WAL)
    CPPY_SQLITE_CODE(SQLITE_READONLY_CANTLOCK) CPPY_SQLITE_CODE(SQLITE_READONLY_DBMOVED)
    CPPY_SQLITE_CODE(SQLITE_READONLY_RECOVERY) CPPY_SQLITE_CODE(SQLITE_READONLY_ROLLBACK)
    CPPY_SQLITE_CODE(SQLITE_WARNING_AUTOINDEX)
};
#undef CPPY_SQLITE_CODE

const char* error_name(int code) {
  for (const CodeName& c : kErrorCodes)
    if (c.code == code) return c.name;
  return nullptr;
}

// get_exception_class: the exception of a primary result code.
TypeObject* exception_for(int primary) {
  State& st = state();
  switch (primary) {
    case SQLITE_INTERNAL:
    case SQLITE_NOTFOUND: return st.InternalError;
    case SQLITE_NOMEM: return exc_MemoryError;
    case SQLITE_ERROR:
    case SQLITE_PERM:
    case SQLITE_ABORT:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_INTERRUPT:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_EMPTY:
    case SQLITE_SCHEMA: return st.OperationalError;
    case SQLITE_CORRUPT: return st.DatabaseError;
    case SQLITE_TOOBIG: return st.DataError;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH: return st.IntegrityError;
    case SQLITE_MISUSE:
    case SQLITE_RANGE: return st.InterfaceError;
    default: return st.DatabaseError;
  }
}

}  // namespace

namespace {

// raise_exception: type(msg) with sqlite_errorcode and sqlite_errorname set.
void raise_with_code(TypeObject* type, int code, const char* message) {
  Ref<> msg = Ref<>::steal(str_from_cstr(message));
  if (!msg) return;
  Ref<> exc = Ref<>::steal(object_call_one_arg(type, msg.get()));
  if (!exc) return;
  Ref<> code_obj = Ref<>::steal(long_from_long(code));
  const char* name = error_name(code);
  Ref<> name_obj = Ref<>::steal(name ? str_from_cstr(name) : str_from_cstr("SQLITE_UNKNOWN"));
  if (!code_obj || !name_obj ||
      object_setattr_string(exc.get(), "sqlite_errorcode", code_obj.get()) < 0 ||
      object_setattr_string(exc.get(), "sqlite_errorname", name_obj.get()) < 0)
    return;
  errors::set_object(type, exc.get());
}

}  // namespace

// set_error_from_db
int set_error(sqlite3* db) {
  int errorcode = sqlite3_errcode(db);
  int primary = errorcode & 0xff;
  if (primary == SQLITE_OK) return SQLITE_OK;
  if (primary == SQLITE_NOMEM) {
    errors::no_memory();
    return primary;
  }
  raise_with_code(exception_for(primary), sqlite3_extended_errcode(db), sqlite3_errmsg(db));
  return primary;
}

// set_error_from_code: for errors SQLite does not record on the connection.
void set_error_from_code(int code) {
  int primary = code & 0xff;
  if (primary == SQLITE_OK) return;
  if (primary == SQLITE_NOMEM) {
    errors::no_memory();
    return;
  }
  raise_with_code(exception_for(primary), code, sqlite3_errstr(code));
}

bool need_adapt(Object* obj) {
  if (state().base_type_adapted) return true;
  return !(long_check_exact(obj) || float_check_exact(obj) || str_check_exact(obj) ||
           bytearray_check_exact(obj));
}

Object* adapt(Object* obj, Object* proto, Object* alt) {
  State& st = state();
  // The registered adapter of exactly type(obj).
  Ref<> key = Ref<>::steal(tuple_pack(2, reinterpret_cast<Object*>(obj->type), proto));
  if (!key) return nullptr;
  Object* adapter = dict_get_item_with_error(st.adapters, key.get());
  if (adapter) return object_call_one_arg(adapter, obj);
  if (errors::occurred()) return nullptr;
  // proto.__adapt__(obj), then obj.__conform__(proto); None means "cannot".
  for (int i = 0; i < 2; ++i) {
    Object* target = i == 0 ? proto : obj;
    Object* arg = i == 0 ? obj : proto;
    Object* method = nullptr;
    if (object_get_optional_attr(target, str_intern_from_cstr(i == 0 ? "__adapt__" : "__conform__"),
                                 &method) < 0)
      return nullptr;
    if (!method) continue;
    Ref<> m = Ref<>::steal(method);
    Ref<> r = Ref<>::steal(object_call_one_arg(m.get(), arg));
    if (!r) {
      if (errors::occurred() != exc_TypeError) return nullptr;
      errors::clear();
      continue;
    }
    if (r.get() != none()) return r.release();
  }
  if (alt) return new_ref(alt);
  return errors::format(st.ProgrammingError, "can't adapt");
}

bool check_thread(ConnectionObject* self) {
  if (self->check_same_thread && runtime::get_thread_ident() != self->thread_ident) {
    errors::format(state().ProgrammingError,
                   "SQLite objects created in a thread can only be used in that same thread. "
                   "The object was created in thread id %lu and this is thread id %lu.",
                   self->thread_ident, runtime::get_thread_ident());
    return false;
  }
  return true;
}

bool check_connection(ConnectionObject* self) {
  if (!self->initialized) {
    errors::set_string(state().ProgrammingError, "Base Connection.__init__ not called.");
    return false;
  }
  if (!self->db) {
    errors::set_string(state().ProgrammingError, "Cannot operate on a closed database.");
    return false;
  }
  return true;
}

namespace {

// --- PrepareProtocol ---------------------------------------------------------------------------

int prepare_protocol_init(Object*, Object*, Object*) { return 0; }

// --- module functions --------------------------------------------------------------------------

// module.c pysqlite_connect: factory(*args, **kwargs), Connection by default.
Object* sqlite_connect(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  // The factory is found among the arguments, which all go on to it (Connection.__init__
  // takes a factory parameter too).
  Object* factory = reinterpret_cast<Object*>(&connection_type);
  if (nargs > 5) factory = args[5];
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  for (ssize i = 0; i < nkw; ++i)
    if (str_compare_cstr(tuple_items(kwnames)[i], "factory") == 0) factory = args[nargs + i];
  return vectorcall(factory, args, size_t(nargs), kwnames);
}

Object* sqlite_complete_statement(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"statement", nullptr};
  static const ArgParser parser = {"complete_statement", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!str_check(a[0]))
    return errors::format(exc_TypeError, "complete_statement() argument 'statement' must be str, not %.50s",
                          a[0]->type->name);
  const char* sql = str_as_utf8(a[0]);
  if (!sql) return nullptr;
  return new_ref(sqlite3_complete(sql) ? true_object() : false_object());
}

Object* sqlite_register_adapter(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("register_adapter", nargs, 2, 2)) return nullptr;
  Object* type = args[0];
  // Adapting a base type disables the fast path that binds them directly.
  if (type == reinterpret_cast<Object*>(&long_type) || type == reinterpret_cast<Object*>(&float_type) ||
      type == reinterpret_cast<Object*>(&str_type) ||
      type == reinterpret_cast<Object*>(&bytearray_type))
    state().base_type_adapted = true;
  Ref<> key = Ref<>::steal(tuple_pack(2, type, reinterpret_cast<Object*>(&prepare_protocol_type)));
  if (!key || dict_set_item(state().adapters, key.get(), args[1]) < 0) return nullptr;
  return new_ref(none());
}

Object* sqlite_register_converter(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("register_converter", nargs, 2, 2)) return nullptr;
  if (!str_check(args[0]))
    return errors::format(exc_TypeError, "register_converter() argument 1 must be str, not %.50s",
                          args[0]->type->name);
  Ref<> name = Ref<>::steal(call_method_no_args(args[0], str_intern_from_cstr("upper")));
  if (!name || dict_set_item(state().converters, name.get(), args[1]) < 0) return nullptr;
  return new_ref(none());
}

Object* sqlite_enable_callback_tracebacks(Object*, Object* arg) {
  int v = long_as_int(arg);
  if (v == -1 && errors::occurred()) return nullptr;
  state().enable_callback_tracebacks = v != 0;
  return new_ref(none());
}

Object* sqlite_adapt(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("adapt", nargs, 1, 3)) return nullptr;
  Object* proto = nargs >= 2 ? args[1] : reinterpret_cast<Object*>(&prepare_protocol_type);
  return adapt(args[0], proto, nargs >= 3 ? args[2] : nullptr);
}

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef module_methods[] = {
    {"connect", FASTCALL_KW(sqlite_connect),
     "connect($module, /, database, timeout=5.0, detect_types=0,\n        isolation_level='', "
     "check_same_thread=True,\n        factory=ConnectionType, cached_statements=128, uri=False, *,\n"
     "        autocommit=sqlite3.LEGACY_TRANSACTION_CONTROL)\n--\n\nOpen a connection to the "
     "SQLite database file 'database'.\n\nYou can use \":memory:\" to open a database connection "
     "to a database that\nresides in RAM instead of on disk."},
    {"complete_statement", FASTCALL_KW(sqlite_complete_statement),
     "complete_statement($module, /, statement)\n--\n\nChecks if a string contains a complete "
     "SQL statement."},
    {"register_adapter", FASTCALL(sqlite_register_adapter),
     "register_adapter($module, type, adapter, /)\n--\n\nRegister a function to adapt Python "
     "objects to SQLite values."},
    {"register_converter", FASTCALL(sqlite_register_converter),
     "register_converter($module, typename, converter, /)\n--\n\nRegister a function to convert "
     "SQLite values to Python objects."},
    {"enable_callback_tracebacks", reinterpret_cast<void*>(sqlite_enable_callback_tracebacks),
     kMethO,
     "enable_callback_tracebacks($module, enable, /)\n--\n\nEnable or disable callback "
     "functions throwing errors to stderr."},
    {"adapt", FASTCALL(sqlite_adapt),
     "adapt($module, obj, proto=PrepareProtocolType, alt=<unrepresentable>, /)\n--\n\nAdapt "
     "given object to given protocol."},
    {nullptr, nullptr, 0, nullptr}};

TypeObject* make_exception(Object* m, const char* name, TypeObject* base) {
  std::string full = std::string("sqlite3.") + name;
  TypeObject* t = new_exception(full.c_str(), reinterpret_cast<Object*>(base), nullptr);
  if (!t) return nullptr;
  if (module_add_object_ref(m, name, reinterpret_cast<Object*>(t)) < 0) return nullptr;
  return t;
}

int sqlite_exec(Object* m) {
  State& st = state();
  if (sqlite3_libversion_number() < 3015002) {
    errors::set_string(exc_ImportError, "SQLite 3.15.2 or higher required");
    return -1;
  }
  for (TypeObject* t : {&connection_type, &cursor_type, &row_type, &blob_type, &prepare_protocol_type})
    if (type_ready(t) < 0) return -1;
  if (!st.Error) {
    st.Warning = make_exception(m, "Warning", exc_Exception);
    st.Error = make_exception(m, "Error", exc_Exception);
    if (!st.Warning || !st.Error) return -1;
    st.InterfaceError = make_exception(m, "InterfaceError", st.Error);
    st.DatabaseError = make_exception(m, "DatabaseError", st.Error);
    if (!st.InterfaceError || !st.DatabaseError) return -1;
    st.InternalError = make_exception(m, "InternalError", st.DatabaseError);
    st.OperationalError = make_exception(m, "OperationalError", st.DatabaseError);
    st.ProgrammingError = make_exception(m, "ProgrammingError", st.DatabaseError);
    st.IntegrityError = make_exception(m, "IntegrityError", st.DatabaseError);
    st.DataError = make_exception(m, "DataError", st.DatabaseError);
    st.NotSupportedError = make_exception(m, "NotSupportedError", st.DatabaseError);
    if (!st.InternalError || !st.OperationalError || !st.ProgrammingError ||
        !st.IntegrityError || !st.DataError || !st.NotSupportedError)
      return -1;
    st.adapters = dict_new();
    st.converters = dict_new();
    if (!st.adapters || !st.converters) return -1;
  } else {
    const std::pair<const char*, TypeObject*> excs[] = {
        {"Warning", st.Warning}, {"Error", st.Error}, {"InterfaceError", st.InterfaceError},
        {"DatabaseError", st.DatabaseError}, {"InternalError", st.InternalError},
        {"OperationalError", st.OperationalError}, {"ProgrammingError", st.ProgrammingError},
        {"IntegrityError", st.IntegrityError}, {"DataError", st.DataError},
        {"NotSupportedError", st.NotSupportedError}};
    for (const auto& e : excs)
      if (module_add_object_ref(m, e.first, reinterpret_cast<Object*>(e.second)) < 0) return -1;
  }
  const std::pair<const char*, Object*> objects_[] = {
      {"Blob", &blob_type}, {"Connection", &connection_type}, {"Cursor", &cursor_type}, {"Row", &row_type},
      {"PrepareProtocol", &prepare_protocol_type}, {"adapters", st.adapters},
      {"converters", st.converters}};
  for (const auto& o : objects_)
    if (module_add_object_ref(m, o.first, o.second) < 0) return -1;
  Ref<> version = Ref<>::steal(str_from_cstr(sqlite3_libversion()));
  if (!version || module_add_object_ref(m, "sqlite_version", version.get()) < 0) return -1;
  // threadsafety follows SQLite's compile-time threading mode (module.c get_threadsafety).
  int mode = sqlite3_threadsafe();
  long threadsafety = mode == 0 ? 0 : mode == 1 ? 3 : 1;
  const std::pair<const char*, long> constants[] = {
      {"PARSE_DECLTYPES", kParseDecltypes},
      {"PARSE_COLNAMES", kParseColnames},
      {"LEGACY_TRANSACTION_CONTROL", kLegacyTransactionControl},
      {"threadsafety", threadsafety},
      {"SQLITE_DENY", SQLITE_DENY},
      {"SQLITE_IGNORE", SQLITE_IGNORE},
      {"SQLITE_CREATE_INDEX", SQLITE_CREATE_INDEX},
      {"SQLITE_CREATE_TABLE", SQLITE_CREATE_TABLE},
      {"SQLITE_CREATE_TEMP_INDEX", SQLITE_CREATE_TEMP_INDEX},
      {"SQLITE_CREATE_TEMP_TABLE", SQLITE_CREATE_TEMP_TABLE},
      {"SQLITE_CREATE_TEMP_TRIGGER", SQLITE_CREATE_TEMP_TRIGGER},
      {"SQLITE_CREATE_TEMP_VIEW", SQLITE_CREATE_TEMP_VIEW},
      {"SQLITE_CREATE_TRIGGER", SQLITE_CREATE_TRIGGER},
      {"SQLITE_CREATE_VIEW", SQLITE_CREATE_VIEW},
      {"SQLITE_DELETE", SQLITE_DELETE},
      {"SQLITE_DROP_INDEX", SQLITE_DROP_INDEX},
      {"SQLITE_DROP_TABLE", SQLITE_DROP_TABLE},
      {"SQLITE_DROP_TEMP_INDEX", SQLITE_DROP_TEMP_INDEX},
      {"SQLITE_DROP_TEMP_TABLE", SQLITE_DROP_TEMP_TABLE},
      {"SQLITE_DROP_TEMP_TRIGGER", SQLITE_DROP_TEMP_TRIGGER},
      {"SQLITE_DROP_TEMP_VIEW", SQLITE_DROP_TEMP_VIEW},
      {"SQLITE_DROP_TRIGGER", SQLITE_DROP_TRIGGER},
      {"SQLITE_DROP_VIEW", SQLITE_DROP_VIEW},
      {"SQLITE_INSERT", SQLITE_INSERT},
      {"SQLITE_PRAGMA", SQLITE_PRAGMA},
      {"SQLITE_READ", SQLITE_READ},
      {"SQLITE_SELECT", SQLITE_SELECT},
      {"SQLITE_TRANSACTION", SQLITE_TRANSACTION},
      {"SQLITE_UPDATE", SQLITE_UPDATE},
      {"SQLITE_ATTACH", SQLITE_ATTACH},
      {"SQLITE_DETACH", SQLITE_DETACH},
      {"SQLITE_ALTER_TABLE", SQLITE_ALTER_TABLE},
      {"SQLITE_REINDEX", SQLITE_REINDEX},
      {"SQLITE_ANALYZE", SQLITE_ANALYZE},
      {"SQLITE_CREATE_VTABLE", SQLITE_CREATE_VTABLE},
      {"SQLITE_DROP_VTABLE", SQLITE_DROP_VTABLE},
      {"SQLITE_FUNCTION", SQLITE_FUNCTION},
      {"SQLITE_SAVEPOINT", SQLITE_SAVEPOINT},
      {"SQLITE_RECURSIVE", SQLITE_RECURSIVE},
      {"SQLITE_LIMIT_LENGTH", SQLITE_LIMIT_LENGTH},
      {"SQLITE_LIMIT_SQL_LENGTH", SQLITE_LIMIT_SQL_LENGTH},
      {"SQLITE_LIMIT_COLUMN", SQLITE_LIMIT_COLUMN},
      {"SQLITE_LIMIT_EXPR_DEPTH", SQLITE_LIMIT_EXPR_DEPTH},
      {"SQLITE_LIMIT_COMPOUND_SELECT", SQLITE_LIMIT_COMPOUND_SELECT},
      {"SQLITE_LIMIT_VDBE_OP", SQLITE_LIMIT_VDBE_OP},
      {"SQLITE_LIMIT_FUNCTION_ARG", SQLITE_LIMIT_FUNCTION_ARG},
      {"SQLITE_LIMIT_ATTACHED", SQLITE_LIMIT_ATTACHED},
      {"SQLITE_LIMIT_LIKE_PATTERN_LENGTH", SQLITE_LIMIT_LIKE_PATTERN_LENGTH},
      {"SQLITE_LIMIT_VARIABLE_NUMBER", SQLITE_LIMIT_VARIABLE_NUMBER},
      {"SQLITE_LIMIT_TRIGGER_DEPTH", SQLITE_LIMIT_TRIGGER_DEPTH},
      {"SQLITE_LIMIT_WORKER_THREADS", SQLITE_LIMIT_WORKER_THREADS},
  };
  for (const auto& c : constants) {
    Ref<> v = Ref<>::steal(long_from_long(c.second));
    if (!v || module_add_object_ref(m, c.first, v.get()) < 0) return -1;
  }
  // The result codes (SQLITE_OK, SQLITE_CONSTRAINT_UNIQUE, ...) as module.c adds them.
  for (const CodeName& c : kErrorCodes) {
    Ref<> v = Ref<>::steal(long_from_long(c.code));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef sqlite_def = {"_sqlite3", nullptr, module_methods, sqlite_exec};

}  // namespace

TypeObject prepare_protocol_type = [] {
  TypeObject t = static_type("sqlite3.PrepareProtocol", sizeof(Object), 0, kTpflagsBasetype);
  t.doc = "PEP 246 style object adaption protocol type.";
  t.init = prepare_protocol_init;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

ModuleDef* module_def() { return &sqlite_def; }

}  // namespace cppy::modules::_sqlite
