// ast.dump of Lib/ast.py (3.14) over the C++ nodes: the text CPython's
// ast.dump(tree, include_attributes=...) prints, for parity tests and debugging.
#pragma once

#include <string>

#include "ast/ast_gen.h"

namespace cppy::ast {

// Writes repr() of an identifier, string or constant; false if it cannot.
using ObjectRepr = bool (*)(Object* o, std::string* out);

struct DumpState {
  std::string out;
  bool include_attributes = false;
  ObjectRepr repr = nullptr;
  bool ok = true;
  bool first = true;  // no field written yet in the innermost node

  void open(const char* name) {
    out += name;
    out += '(';
    first = true;
  }
  void close() {
    out += ')';
    first = false;
  }
  void begin_field(const char* name) {
    if (!first) out += ", ";
    first = false;
    out += name;
    out += '=';
  }
  void object(Object* o) {
    std::string r;
    if (!repr || !repr(o, &r)) {
      ok = false;
      r = "<?>";
    }
    out += r;
  }
};

void dump_into(DumpState& d, mod_ty m);
void dump_into(DumpState& d, expr_ty e);
void dump_into(DumpState& d, stmt_ty s);

// ast.dump(node, include_attributes=include_attributes); false if a constant had no repr.
template <class Node>
bool dump(Node node, bool include_attributes, ObjectRepr repr, std::string* out) {
  DumpState d;
  d.include_attributes = include_attributes;
  d.repr = repr;
  dump_into(d, node);
  *out = std::move(d.out);
  return d.ok;
}

}  // namespace cppy::ast
