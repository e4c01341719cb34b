// Errors of the compiler back end. The passes report failures the way CPython raises them
// (SystemError "malformed control flow graph.", ValueError "Invalid CFG, ...", OverflowError
// "too many constants"); until the exception types of src/objects exist, the kind and the
// message are kept here for the caller, which turns them into the thread's exception.
#pragma once

#include <string>

namespace cppy::compile {

enum class CompileErrorKind { None, SystemError, ValueError, OverflowError, MemoryError };

struct CompileError {
  CompileErrorKind kind = CompileErrorKind::None;
  std::string message;
};

// Records an error (the first one wins until cleared) and returns -1.
int set_compile_error(CompileErrorKind kind, std::string message);
// The error recorded on this thread, if any.
const CompileError& compile_error();
void clear_compile_error();

}  // namespace cppy::compile
