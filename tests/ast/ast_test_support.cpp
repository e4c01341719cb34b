// Test support shared by tests/ast.
#include "ast_test_support.h"

#include "ast/core_api.h"
#include "objects/typeobject.h"
#include "runtime/pystate.h"

#include <fstream>

namespace cppy::ast_test {

std::vector<Case> load_cases(const std::string& kind) {
  std::ifstream in(std::string(CPPY_AST_DATA_DIR) + "/ast_cases.txt");
  std::vector<Case> cases;
  std::string line;
  bool keep = false;
  const std::string head = "=== " + kind + " ";
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      keep = line.rfind(head, 0) == 0;
      if (keep) cases.push_back(Case{line.substr(head.size()), "", {}});
    } else if (!keep || line.rfind("source ", 0) == 0) {
      continue;
    } else if (line.rfind("ast ", 0) == 0) {
      cases.back().ast = line.substr(4);
    } else {
      cases.back().expected.push_back(line);
    }
  }
  return cases;
}

void init_runtime() {
  static bool done = [] {
    return runtime::initialize_objects() == 0;
  }();
  (void)done;
}

std::string utf8(objects::Object* s) {
  objects::ssize n = 0;
  const char* p = objects::str_as_utf8(s, &n);
  return p ? std::string(p, static_cast<size_t>(n)) : std::string("<?>");
}

namespace {
long int_attr(objects::Object* exc, const char* name) {
  objects::Object* v = objects::object_getattr_string(exc, name);
  if (!v) {
    errors::clear();
    return -999;
  }
  long r = v == ast::py_none() ? -1 : objects::long_as_long(v);
  objects::decref(v);
  return r;
}
}  // namespace

std::string syntax_error_line() {
  objects::Object* exc = errors::get_raised_exception();
  if (!exc) return "no exception";
  std::string out = "error " + std::to_string(int_attr(exc, "lineno")) + " " +
                    std::to_string(int_attr(exc, "offset")) + " " +
                    std::to_string(int_attr(exc, "end_lineno")) + " " +
                    std::to_string(int_attr(exc, "end_offset")) + " ";
  objects::Object* msg = objects::object_getattr_string(exc, "msg");
  if (msg && objects::str_check(msg)) {
    out += utf8(msg);
  } else {
    errors::clear();
    out += std::string("<") + exc->type->name + ">";
  }
  objects::xdecref(msg);
  objects::decref(exc);
  return out;
}

std::string error_line() {
  objects::Object* exc = errors::get_raised_exception();
  if (!exc) return "no exception";
  std::string out = exc->type->name;
  objects::Object* s = objects::object_str(exc);
  if (s) {
    out += ": " + utf8(s);
    objects::decref(s);
  } else {
    errors::clear();
  }
  objects::decref(exc);
  return out;
}

}  // namespace cppy::ast_test
