// Traceback objects and the printing of uncaught exceptions: Python/traceback.c,
// Python/pythonrun.c (PyErr_Display), and the output format of Lib/traceback.py that
// CPython's sys.excepthook produces (PEP 657 carets included).
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::vm {

using objects::Object;

struct TracebackObject : Object {
  TracebackObject* tb_next;
  Object* tb_frame;  // FrameObject
  int tb_lasti;      // byte offset of the instruction
  int tb_lineno;
};

extern objects::TypeObject traceback_type;  // PyTraceBack_Type

// PyTraceBack_Here: prepends an entry for frame (a FrameObject) to the traceback of the
// exception being raised. 0 or -1.
int traceback_here(Object* frame);

// _PyTraceback_Add: adds an entry "File FILENAME, line LINENO, in FUNCNAME" for C code (a
// frame of an empty code object, as pyexpat's handlers add) to the traceback of the
// exception being raised.
void traceback_add(const char* funcname, const char* filename, int lineno);

// Writes exc (an exception instance) as CPython's default sys.excepthook does: the chain of
// causes and contexts, each traceback with its source lines and carets, the exception line.
void print_exception(Object* exc, std::string* out);

// PyTraceBack_Print: "Traceback (most recent call last):" and each entry with its source
// line, without the carets (the C fallback the default sys.unraisablehook uses).
void print_traceback_plain(Object* tb, std::string* out);

// linecache._register_code for the printer: the lines of source an interactive input compiled
// as `filename` ("<stdin-N>"), shown in tracebacks (which name such inputs "<stdin>", as
// traceback.StackSummary.format_frame_summary does).
void register_source(const std::string& filename, std::string_view source);

}  // namespace cppy::vm
