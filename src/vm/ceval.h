// The interpreter: Python/ceval.c (the eval loop, argument binding, calls into Python code),
// Python/bytecodes.c (the instructions), Python/ceval_macros.h, Python/intrinsics.c.
#pragma once

#include "objects/object.h"

namespace cppy::objects {
struct FunctionObject;
}

namespace cppy::vm {

using objects::Object;
using objects::ssize;
struct Frame;

// The builtins module's namespace (borrowed): what frames without their own '__builtins__'
// use (the interpreter's builtins).
Object* builtins_dict();
void set_builtins_dict(Object* d);

// _PyEval_Vector: calls func with args[0..argcount) and keyword values named by kwnames.
Object* eval_vector(objects::FunctionObject* func, Object* const* args, ssize argcount,
                    Object* kwnames);
// Runs func's code with an explicit locals mapping and no arguments (a class body run by
// __build_class__).
Object* eval_function_with_locals(objects::FunctionObject* func, Object* locals);
// PyEval_EvalCode: runs a code object (a module or class body) with the given namespaces.
Object* eval_code(Object* code, Object* globals, Object* locals);
// _PyEval_EvalFrameDefault: runs frame (pushed by the caller, owned by the thread or a
// generator) until it returns or yields. throwflag: raise the current exception at once.
Object* eval_frame(Frame* frame, int throwflag);

// PyEval_GetGlobals / GetLocals / GetBuiltins of the running frame (borrowed, may be null).
Object* eval_get_globals();
Object* eval_get_frame_locals();
Object* eval_get_builtins();
// _PyEval_GetBuiltin: builtins[name] of the running frame (new reference), AttributeError if
// missing (the __reduce__ methods return getattr this way).
Object* eval_get_builtin(const char* name);
// The running frame (borrowed, may be null).
Frame* current_frame();

// The eval breaker (signals, pending calls, GC requests), polled by RESUME and backward jumps.
extern volatile int eval_breaker;

// Readies the interpreter's types (code, function, cell, frame, generator, traceback...) and
// the builtins module. 0 or -1.
int initialize();

// _PyEval_FormatExcCheckArg and friends: the NameError/UnboundLocalError of a missing name.
void format_exc_check_arg(objects::TypeObject* exc, const char* format, Object* name);

}  // namespace cppy::vm
