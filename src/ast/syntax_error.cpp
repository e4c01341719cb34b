// SyntaxError locations: PyErr_RangedSyntaxLocationObject and PyErr_SyntaxLocationObjectEx of
// Python/errors.c, with _PyErr_ProgramDecodedTextObject (the offending source line).
#include <cstdio>
#include <cstring>
#include <string>

#include "ast/ast.h"
#include "ast/core_api.h"

namespace cppy::ast {

namespace {

// err_programtext: line `lineno` of the file, decoded as UTF-8; nullptr (no error set) when
// the file cannot be read or has fewer lines.
Object* program_text(Object* filename, int lineno) {
  if (!filename || lineno <= 0 || !objects::str_check(filename)) return nullptr;
  const char* path = objects::str_as_utf8(filename);
  if (!path) {
    errors::clear();
    return nullptr;
  }
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return nullptr;
  std::string line;
  int current = 1;
  int c;
  while ((c = std::fgetc(f)) != EOF) {
    if (current == lineno) line.push_back(static_cast<char>(c));
    if (c == '\n') {
      if (current == lineno) break;
      ++current;
    }
  }
  std::fclose(f);
  if (current != lineno || line.empty()) return nullptr;
  Object* text = objects::str_from_utf8(line.data(), static_cast<objects::ssize>(line.size()));
  if (!text) errors::clear();
  return text;
}

// Sets exc.<name> = value (an int, or None when value is negative and allow_none); attribute
// errors are swallowed as CPython does.
void set_int_attr(Object* exc, const char* name, int value, bool allow_none) {
  Object* v = (allow_none && value < 0) ? objects::new_ref(py_none())
                                        : objects::long_from_long(value);
  if (!v) {
    errors::clear();
    return;
  }
  if (objects::object_setattr_string(exc, name, v) < 0) errors::clear();
  objects::decref(v);
}

}  // namespace

// PyErr_RangedSyntaxLocationObject -> PyErr_SyntaxLocationObjectEx.
void ranged_syntax_location(Object* filename, int lineno, int col_offset, int end_lineno,
                            int end_col_offset) {
  Object* exc = errors::get_raised_exception();
  if (!exc) return;
  set_int_attr(exc, "lineno", lineno, false);
  set_int_attr(exc, "offset", col_offset, true);
  set_int_attr(exc, "end_lineno", end_lineno, true);
  set_int_attr(exc, "end_offset", end_col_offset, true);
  if (filename) {
    if (objects::object_setattr_string(exc, "filename", filename) < 0) errors::clear();
    if (Object* text = program_text(filename, lineno)) {
      if (objects::object_setattr_string(exc, "text", text) < 0) errors::clear();
      objects::decref(text);
    }
  }
  errors::set_raised_exception(exc);
}

void raise_syntax_error_at(Object* filename, SourceLocation loc, const char* message) {
  errors::set_string(objects::exc_SyntaxError, message);
  ranged_syntax_location(filename, loc.lineno, loc.col_offset + 1, loc.end_lineno,
                         loc.end_col_offset + 1);
}

}  // namespace cppy::ast
