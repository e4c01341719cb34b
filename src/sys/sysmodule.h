// The sys module: Python/sysmodule.c.
#pragma once

#include "modules/moduledef.h"
#include "objects/object.h"
#include "runtime/config.h"

namespace cppy::sys {

using objects::Object;

// _PySys_Create: the sys module, filled from config (a default Config when null), registered as
// a core module and stored in sys.modules['sys']. Borrowed; null with an error on failure.
// A second call returns the module made by the first.
Object* create_sys_module(const runtime::Config* config = nullptr);
Object* sys_module();  // borrowed, null before create_sys_module

// PySys_GetObject (borrowed, null without error when missing) / PySys_SetObject.
Object* get_object(const char* name);
int set_object(const char* name, Object* value);

// PySys_Audit with object arguments: calls the sys.addaudithook hooks with (event, args);
// 0, or -1 with the error a hook raised. Cheap when no hook is installed. At most 7 args.
int audit(Object* event, Object* const* args, objects::ssize nargs);

// Hooks the interpreter core installs: sys._getframe(depth) and the traceback printer behind
// sys.excepthook (_PyErr_Display). Without them _getframe raises ValueError and excepthook
// prints "Type: message".
// The ModuleDef behind the sys module (its functions and doc).
modules::ModuleDef* module_def();

using GetFrameHook = Object* (*)(int depth);
using DisplayExceptionHook = int (*)(Object* file, Object* exc);
void set_getframe_hook(GetFrameHook hook);
void set_display_exception_hook(DisplayExceptionHook hook);

// format_unraisable_v's reporting: calls sys.unraisablehook (or writes the default report to
// sys.stderr) for exc (borrowed), with err_msg (a str or null) and obj (or null). Clears any
// error it meets.
void handle_unraisable(Object* exc, Object* err_msg, Object* obj);

}  // namespace cppy::sys
