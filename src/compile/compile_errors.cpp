#include "compile/compile_errors.h"

namespace cppy::compile {

namespace {
thread_local CompileError current;
}

int set_compile_error(CompileErrorKind kind, std::string message) {
  if (current.kind == CompileErrorKind::None) {
    current.kind = kind;
    current.message = std::move(message);
  }
  return -1;
}

const CompileError& compile_error() { return current; }

void clear_compile_error() { current = CompileError{}; }

}  // namespace cppy::compile
