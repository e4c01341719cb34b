// The preliminary standard streams of Objects/fileobject.c (PyStdPrinter_Type,
// PyFile_NewStdPrinter): sys.stdout and sys.stderr while the _io module has not made the real
// ones. A stdprinter writes str to the process's stdout or stderr as UTF-8.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::vm {

extern objects::TypeObject stdprinter_type;  // PyStdPrinter_Type ("stderrprinter")

// PyFile_NewStdPrinter: a printer for fd 1 or 2 (new reference), or null with an error.
objects::Object* stdprinter_new(int fd);

// The fd of a printer (1 or 2); -1 for any other object (a fast path for print()).
int stdprinter_fd(objects::Object* o);

// _PySys_SetPreliminaryStderr and its stdout counterpart: sys.stdout, sys.stderr and their
// __stdout__/__stderr__ become printers when they are None. 0 or -1.
int install_preliminary_std_streams();

}  // namespace cppy::vm
