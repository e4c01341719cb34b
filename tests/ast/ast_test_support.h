// Test support shared by tests/ast: runtime set-up and readable views of objects and errors.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

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

// One case of tests/data/ast/ast_cases.txt (written by the reference, see ast_cases.py).
struct Case {
  std::string name;
  std::string ast;                    // the tree, in ast_sexp.h's form
  std::vector<std::string> expected;  // the lines after it
  bool operator<(const Case& other) const { return name < other.name; }
};
// The cases of one kind ("symtable", "validate", "dump").
std::vector<Case> load_cases(const std::string& kind);
// For parameterised test names.
struct CaseName {
  std::string operator()(const ::testing::TestParamInfo<Case>& info) const {
    return info.param.name;
  }
};

}  // namespace cppy::ast_test
