// The text form of a symbol table that tests/data/ast's reference scripts print for
// CPython's: every block as "TYPE NAME LINE nested=N varnames=A,B" then its symbols sorted by
// name as "name=flags", children indented below their parent.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "objects/unicodeobject.h"
#include "symtable/symtable.h"

namespace cppy::symtable_dump {

inline std::string text_of(objects::Object* s) {
  objects::ssize n = 0;
  const char* p = objects::str_as_utf8(s, &n);
  return p ? std::string(p, static_cast<size_t>(n)) : std::string("<?>");
}

inline void dump(symtable::SymbolTableEntry* ste, std::vector<std::string>* out,
                 const std::string& indent = "") {
  std::string head = indent + std::to_string(ste->ste_type) + " " + text_of(ste->ste_name) + " " +
                     std::to_string(ste->ste_loc.lineno) +
                     " nested=" + std::to_string(ste->ste_nested) + " varnames=";
  for (size_t i = 0; i < ste->ste_varnames.size(); i++) {
    if (i) head += ",";
    head += text_of(ste->ste_varnames[i]);
  }
  out->push_back(head);
  std::vector<std::pair<std::string, long>> syms;
  for (objects::ssize i = 0; i < ste->ste_symbols.slots(); i++) {
    if (ste->ste_symbols.live(i)) {
      syms.emplace_back(text_of(ste->ste_symbols.name_at(i)), ste->ste_symbols.flags_at(i));
    }
  }
  std::sort(syms.begin(), syms.end());
  std::string line = indent + "  ";
  for (size_t i = 0; i < syms.size(); i++) {
    if (i) line += " ";
    line += syms[i].first + "=" + std::to_string(syms[i].second);
  }
  out->push_back(line);
  for (auto* child : ste->ste_children) dump(child, out, indent + "  ");
}

}  // namespace cppy::symtable_dump
