// Test support shared by tests/ast: runtime set-up and readable views of objects and errors.
#pragma once

#include <string>

#include "objects/object.h"

namespace cppy::ast_test {

// Makes the object layer usable from a test (thread state, str tables); idempotent.
void init_runtime();
// The UTF-8 text of a str.
std::string utf8(objects::Object* s);
// Takes the current exception (which must be a SyntaxError) and renders it as the case files
// do: "error LINENO OFFSET END_LINENO END_OFFSET MSG".
std::string syntax_error_line();
// Takes the current exception and renders it as "TypeName: message".
std::string error_line();

}  // namespace cppy::ast_test
