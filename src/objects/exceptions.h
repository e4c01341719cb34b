// The built-in exception hierarchy: Include/pyerrors.h, Include/cpython/pyerrors.h,
// Objects/exceptions.c.
//
// Exception types are reached through pointers, as PyExc_TypeError is in CPython:
// `errors::set_string(objects::exc_TypeError, "...")`.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

// PyBaseExceptionObject and its subclasses' layouts.
struct BaseExceptionObject : Object {
  Object* dict;
  Object* args;
  Object* notes;
  Object* traceback;
  Object* context;
  Object* cause;
  char suppress_context;
};
struct BaseExceptionGroupObject : BaseExceptionObject {
  Object* msg;
  Object* excs;
};
struct SyntaxErrorObject : BaseExceptionObject {
  Object* msg;
  Object* filename;
  Object* lineno;
  Object* offset;
  Object* end_lineno;
  Object* end_offset;
  Object* text;
  Object* print_file_and_line;
  Object* metadata;
};
struct ImportErrorObject : BaseExceptionObject {
  Object* msg;
  Object* name;
  Object* path;
  Object* name_from;
};
struct UnicodeErrorObject : BaseExceptionObject {
  Object* encoding;
  Object* object;
  ssize start;
  ssize end;
  Object* reason;
};
struct SystemExitObject : BaseExceptionObject {
  Object* code;
};
struct OSErrorObject : BaseExceptionObject {
  Object* myerrno;
  Object* strerror;
  Object* filename;
  Object* filename2;
  ssize written;  // BlockingIOError's characters_written, -1 when unset
};
struct StopIterationObject : BaseExceptionObject {
  Object* value;
};
struct NameErrorObject : BaseExceptionObject {
  Object* name;
};
struct AttributeErrorObject : BaseExceptionObject {
  Object* obj;
  Object* name;
};
struct KeyErrorObject : BaseExceptionObject {};

#define CPPY_EXCEPTION_LIST(X)                                                         \
  X(BaseException) X(BaseExceptionGroup) X(Exception) X(ExceptionGroup)                \
  X(TypeError) X(StopAsyncIteration) X(StopIteration) X(GeneratorExit) X(SystemExit)   \
  X(KeyboardInterrupt) X(ImportError) X(ModuleNotFoundError) X(OSError) X(EOFError)    \
  X(RuntimeError) X(RecursionError) X(NotImplementedError) X(PythonFinalizationError)  \
  X(NameError) X(UnboundLocalError) X(AttributeError) X(SyntaxError)                   \
  X(IndentationError) X(TabError) X(IncompleteInputError) X(LookupError) X(IndexError) \
  X(KeyError) X(ValueError) X(UnicodeError) X(UnicodeEncodeError)                     \
  X(UnicodeDecodeError) X(UnicodeTranslateError) X(AssertionError) X(ArithmeticError)  \
  X(FloatingPointError) X(OverflowError) X(ZeroDivisionError) X(SystemError)           \
  X(ReferenceError) X(MemoryError) X(BufferError) X(ConnectionError)                   \
  X(BlockingIOError) X(BrokenPipeError) X(ChildProcessError)                           \
  X(ConnectionAbortedError) X(ConnectionRefusedError) X(ConnectionResetError)          \
  X(FileExistsError) X(FileNotFoundError) X(IsADirectoryError) X(NotADirectoryError)   \
  X(InterruptedError) X(PermissionError) X(ProcessLookupError) X(TimeoutError)         \
  X(Warning) X(UserWarning) X(EncodingWarning) X(DeprecationWarning)                   \
  X(PendingDeprecationWarning) X(SyntaxWarning) X(RuntimeWarning) X(FutureWarning)     \
  X(ImportWarning) X(UnicodeWarning) X(BytesWarning) X(ResourceWarning)

#define CPPY_DECLARE_EXC(name) extern TypeObject* exc_##name;
CPPY_EXCEPTION_LIST(CPPY_DECLARE_EXC)
#undef CPPY_DECLARE_EXC
// Aliases kept by the builtins module (EnvironmentError, IOError).
extern TypeObject* exc_EnvironmentError;
extern TypeObject* exc_IOError;

inline bool exception_check(Object* o) {
  return type_has_feature(o->type, kTpflagsBaseExcSubclass);
}
inline bool exception_class_check(Object* o) {
  return type_has_feature(o->type, kTpflagsTypeSubclass) &&
         type_has_feature(static_cast<TypeObject*>(o), kTpflagsBaseExcSubclass);
}

// Readies every exception type (part of runtime::initialize_objects). 0 or -1.
int init_exceptions();

// PyException_* accessors; the setters steal their argument.
Object* exception_get_traceback(Object* exc);  // new reference or null
int exception_set_traceback(Object* exc, Object* tb);
// _PyException_AddNote: exc.add_note(note) without the method lookup. 0 or -1.
int exception_add_note(Object* exc, Object* note);
Object* exception_get_cause(Object* exc);
void exception_set_cause(Object* exc, Object* cause);
Object* exception_get_context(Object* exc);
void exception_set_context(Object* exc, Object* context);
Object* exception_get_args(Object* exc);
void exception_set_args(Object* exc, Object* args);
// _PyErr_SetKeyError: KeyError(key) with key as the single argument even when a tuple.
void set_key_error(Object* key);
// PyErr_NewException: a new exception class "module.Name" deriving from base (or a tuple).
TypeObject* new_exception(const char* name, Object* base, Object* dict);
// The StopIteration(value) raised by a generator's return (_PyGen_SetStopIterationValue).
int set_stop_iteration_value(Object* value);
// Raises type (UnicodeEncodeError or UnicodeDecodeError) built from (encoding, object,
// start, end, reason) as PyUnicode*Error_Create do; the message argument is unused (str()
// is computed from the fields). Steals nothing.
void set_unicode_error(TypeObject* type, const char* encoding, Object* object, ssize start,
                       ssize end, const char* reason, Object* message);
// The UnicodeError accessors of the C API (PyUnicode{Encode,Decode,Translate}Error_Get*):
// kind 'e', 'd' or 't' names the expected class for the TypeError when self is no UnicodeError.
// _PyUnicodeError_GetParams: the object (borrowed; bytes when as_bytes, else str, TypeError
// otherwise), its length, start clamped to [0, max(0, len-1)], end to [min(1, len), len] and the
// slice length max(0, end-start); any output may be null. 0, or -1 with TypeError.
int unicode_error_get_params(Object* self, Object** obj, ssize* objlen, ssize* start, ssize* end,
                             ssize* slen, bool as_bytes);
int unicode_error_get_start(Object* self, char kind, ssize* start);
int unicode_error_get_end(Object* self, char kind, ssize* end);
// New references: the encoding (a str; not for 't'), the object, the reason (a str).
Object* unicode_error_get_encoding(Object* self, char kind);
Object* unicode_error_get_object(Object* self, char kind);
Object* unicode_error_get_reason(Object* self, char kind);
int unicode_error_set_start(Object* self, char kind, ssize start);
int unicode_error_set_end(Object* self, char kind, ssize end);
int unicode_error_set_reason(Object* self, char kind, const char* reason);
// _PyExc_CreateExceptionGroup.
Object* create_exception_group(const char* msg, Object* excs);
// _PyExc_PrepReraiseStar (excs: a list of exceptions or None).
Object* exception_prep_reraise_star(Object* orig, Object* excs);

}  // namespace cppy::objects
