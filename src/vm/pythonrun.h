// Running code: Python/pythonrun.c (running a .pyc file as __main__, printing an uncaught
// exception) and the SystemExit handling of Python/pythonrun.c _Py_HandleSystemExit.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "objects/object.h"
#include "runtime/config.h"

namespace cppy::vm {

// Initialises the runtime (objects, the interpreter's types, builtins) once. 0 or -1.
int initialize_runtime();

// _PyRun_SimpleFileObject for a compiled file: runs the module code object in path (a .pyc)
// in a fresh __main__ module. Returns the process exit status: 0, SystemExit's code, or 1
// after printing an uncaught exception to stderr.
int run_pyc_file(const char* path);
// The body of _PyRun_SimpleFileObject for a .pyc once the runtime is up: 0, or -1 after the
// exception was handled.
int run_pyc_main(const char* path);

// Whether the file at path starts with the .pyc magic number (maybe_pyc_file).
bool is_pyc_file(const char* path);

// The start-up of the cppy command (pyinit_core / init_interp_main, as far as cppy has them):
// the hash key from PYTHONHASHSEED, the runtime, the sys module from config (sys.argv,
// sys.orig_argv, flags...), builtins and sys registered as core modules and in sys.modules,
// and the hooks sys needs from the interpreter (_getframe, the exception display of
// excepthook). 0, or -1 after printing a fatal error.
int initialize_main(const runtime::Config& config);

// pymain_run_python: runs what config names (-c, a script, a .pyc, stdin) as __main__ and
// returns the process's exit status as CPython's Py_RunMain does (0; 1 after an uncaught
// exception; SystemExit's code; 120 when flushing sys.stdout fails at exit).
int run_main(const runtime::Config& config);

// Py_FinalizeEx's part the command and embedders see: non-daemon threads joined, atexit
// callbacks run, sys.stdout and sys.stderr flushed. Returns status, or 120 when flushing
// sys.stdout failed and status was 0 (SIGINT's status after an unhandled KeyboardInterrupt).
int finalize_main(int status);

// PyOS_ReadlineFunctionPointer: set by the readline module. Called with the GIL held when
// both the input and output streams are terminals; returns a malloc'ed line ending in '\n',
// "" at end of file, or null with the exception set (a signal handler raised).
using ReadlineFunction = char* (*)(std::FILE* in, std::FILE* out, const char* prompt);
extern ReadlineFunction readline_function;

// PyOS_Readline (Parser/myreadline.c): one line read after prompt, with the GIL released
// while waiting: through readline_function when both streams are terminals, else
// PyOS_StdioReadline (stdio_readline: the prompt on stderr). A malloc'ed line ending in '\n',
// "" at end of file, or null when interrupted (the signal handlers' exception set, or none:
// the caller raises KeyboardInterrupt) or failing (exception set: "can't re-enter readline",
// "input line too long").
char* os_readline(std::FILE* in, std::FILE* out, const char* prompt);
char* stdio_readline(std::FILE* in, std::FILE* out, const char* prompt);

// _PyRun_InteractiveLoopObject: the basic REPL. Reads statements from fp (prompts sys.ps1 and
// sys.ps2, set to ">>> " and "... " when missing, written to stderr as PyOS_StdioReadline
// does), compiles each in 'single' mode and runs it in __main__, printing uncaught exceptions,
// until end of file. Each input is compiled as "<stdin-N>" and its source registered with
// linecache._register_code, so tracebacks show its lines. Returns 0, or -1 when a SystemExit
// ended the loop (pending_exit_status() has its status).
int run_interactive_loop(std::FILE* fp);

// PyRun_SimpleStringFlagsWithName / _PyRun_SimpleFileObject for source: compiles source (bytes
// of a file, with PEP 263 cookie detection unless flags has PyCF_IGNORE_COOKIE) as `filename`
// and runs it in __main__'s namespace (setting __file__ and __cached__ during the run when
// set_file_attribute). 0, or -1 after the uncaught exception was handled (printed, or
// SystemExit noted). from_file: the bytes of a file (a script, stdin, PYTHONSTARTUP), read
// as the file tokenizer reads them (compile::compile_file); seekable false for a pipe.
int run_simple_source(std::string_view source, const std::string& filename,
                      bool set_file_attribute, int flags = 0, bool from_file = false,
                      bool seekable = true);

// run_eval_code_obj: evaluates code in globals/locals, with __builtins__ set in globals
// first. New reference or nullptr with the exception set.
objects::Object* run_eval_code_obj(objects::Object* code, objects::Object* globals,
                                   objects::Object* locals);

// _PyErr_PrintEx(1): handles the current exception: SystemExit sets the exit status that
// run_main returns; anything else goes to sys.excepthook (sys.last_exc and friends are set).
void print_exception_and_set_status();

// The exit status a SystemExit asked for (-1 when none was raised).
int pending_exit_status();

// The standard streams while sys.stdout/sys.stderr are not file objects yet (before the _io
// module): text goes to the C stdio. The one place that writes to fd 1 and 2 directly.
void write_std_stream(int fd, std::string_view text);

}  // namespace cppy::vm
