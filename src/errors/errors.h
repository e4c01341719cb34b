// The error indicator protocol: Include/pyerrors.h, Python/errors.c.
//
// A failing function sets the thread's current exception and returns nullptr or -1; callers
// propagate by returning their own error value. Nothing here throws C++ exceptions.
#pragma once

#include <cstdarg>
#include <cstddef>

#include "objects/object.h"

namespace cppy::objects {
struct TypeObject;
}

namespace cppy::errors {

using objects::Object;
using objects::TypeObject;

// PyErr_Occurred: the type of the current exception (borrowed), or nullptr.
TypeObject* occurred();
// PyErr_SetRaisedException: makes exc (stolen) the current exception.
void set_raised_exception(Object* exc);
// PyErr_GetRaisedException: takes the current exception (new reference) and clears it.
Object* get_raised_exception();
// PyErr_Clear.
void clear();

// PyErr_SetObject / PyErr_SetString / PyErr_SetNone: raise type(value); value may be an
// instance of type, a tuple of arguments, or another object used as the single argument.
void set_object(TypeObject* type, Object* value);
void set_string(TypeObject* type, const char* message);
void set_none(TypeObject* type);
// PyErr_Format: the message is built as str_from_format builds it (%s %d %zd %R %S %U %N
// %T ...). Always returns nullptr so a function can `return errors::format(...)`.
std::nullptr_t format(TypeObject* type, const char* fmt, ...);

std::nullptr_t format_v(TypeObject* type, const char* fmt, va_list va);

// PyErr_ExceptionMatches / PyErr_GivenExceptionMatches: exc may be a type or a tuple of them.
bool exception_matches(Object* exc);
bool given_exception_matches(Object* given, Object* exc);

// PyErr_NoMemory: sets MemoryError, returns nullptr.
std::nullptr_t no_memory();
// PyErr_BadInternalCall: SystemError for a misused internal API.
void bad_internal_call();
// PyErr_SetFromErrno: OSError (or its errno subclass) from errno.
std::nullptr_t set_from_errno(TypeObject* type);
// PyErr_WriteUnraisable / PyErr_FormatUnraisable: reports an exception that cannot
// propagate (in a destructor, a callback) through sys.unraisablehook.
void write_unraisable(Object* obj);
// PyErr_FormatUnraisable: as write_unraisable with a message in place of "Exception ignored in".
void format_unraisable(const char* fmt, ...);
// _PyErr_FormatNote: adds the formatted note to the exception being raised (an error while
// doing so is chained to it).
void format_note(const char* fmt, ...);

// PyErr_GetHandledException / PyErr_SetHandledException: sys.exception() (new reference or
// null) and its replacement (borrowed argument, may be null or None to clear).
Object* get_handled_exception();
void set_handled_exception(Object* exc);
// _PyErr_ChainExceptions1: raise the current exception (if any) with exc (stolen) as its
// __context__; if nothing is raised, exc becomes the current exception.
void chain_exceptions1(Object* exc);
// _PyErr_FormatFromCause: raise a new exception whose __cause__ and __context__ are the
// current one (which must be set).
std::nullptr_t format_from_cause(TypeObject* type, const char* fmt, ...);
// Warnings through the filters of the warnings machinery (modules/_warnings, Python/
// _warnings.c): 0, or -1 when the warning became an exception (an "error" filter) or failed.
// PyErr_WarnEx / PyErr_WarnFormat:
int warn_ex(TypeObject* category, const char* message, int stacklevel);
int warn_format(TypeObject* category, int stacklevel, const char* fmt, ...);
// The same with a str message (warn_unicode).
int warn(TypeObject* category, Object* message, std::ptrdiff_t stacklevel);
// PyErr_ResourceWarning: source is the object being finalized (may be null).
int resource_warning(Object* source, std::ptrdiff_t stacklevel, const char* fmt, ...);
// PyErr_WarnExplicitObject: module and registry may be null.
int warn_explicit_object(TypeObject* category, Object* message, Object* filename, int lineno,
                         Object* module, Object* registry);

}  // namespace cppy::errors
