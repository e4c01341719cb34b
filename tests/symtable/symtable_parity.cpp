// Symbol-table parity with CPython 3.14.2 on the standard library.
//
//   symtable_parity LIBDIR SYMTABLE_TSV MIN_IDENTICAL [--show N] [--dump FILE]
//
// Parses every file listed in SYMTABLE_TSV (tests/data/ast/symtable_stdlib.tsv, written by the
// reference running tests/data/ast/symtable_stdlib.py), builds its symbol table and compares
// the SHA-256 of its text (tests/ast/symtable_dump.h) with the reference's. Prints
// "M/N identical" and fails when M is below MIN_IDENTICAL (the committed figure). --dump FILE
// prints one file's table.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "../ast/symtable_dump.h"
#include "../tokenizer/sha256.h"
#include "ast/arena.h"
#include "ast/core_api.h"
#include "ast/future.h"
#include "objects/typeobject.h"
#include "parser/pegen.h"
#include "runtime/pystate.h"
#include "symtable/symtable.h"

using namespace cppy;

namespace {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

// The table's text, or "error:..." for a parse or symbol-table error.
std::string table_text(const std::string& source, const std::string& rel) {
  ast::Arena arena;
  parser::ParseOptions options;
  parser::ParseResult r = parser::parse_string(source, rel, options, &arena);
  if (!r.mod) return "error:parser " + r.error.type + " " + r.error.message;
  objects::Object* filename = objects::str_from_utf8(rel.data(), static_cast<objects::ssize>(rel.size()));
  ast::FutureFeatures future;
  symtable::SymbolTable* st = nullptr;
  if (ast::future_from_ast(r.mod, filename, &future)) st = symtable::build(r.mod, filename, &future);
  objects::decref(filename);
  if (!st) {
    errors::clear();
    return "error:symtable";
  }
  std::vector<std::string> lines;
  symtable_dump::dump(st->st_top, &lines);
  symtable::symtable_free(st);
  std::string text;
  for (size_t i = 0; i < lines.size(); i++) {
    if (i) text += "\n";
    text += lines[i];
  }
  return text;
}

void init_runtime() {
  runtime::initialize_objects();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: symtable_parity LIBDIR SYMTABLE_TSV MIN_IDENTICAL [--show N] [--dump FILE]\n";
    return 2;
  }
  init_runtime();
  std::string libdir = argv[1];
  int min_identical = std::atoi(argv[3]);
  int show = 0;
  for (int i = 4; i + 1 < argc; i++) {
    std::string a = argv[i];
    if (a == "--show") show = std::atoi(argv[i + 1]);
    if (a == "--dump") {
      std::string src;
      if (!read_file(libdir + "/" + argv[i + 1], &src)) return 2;
      std::cout << table_text(src, argv[i + 1]) << "\n";
      return 0;
    }
  }
  std::ifstream tsv(argv[2]);
  if (!tsv) {
    std::cerr << "cannot read " << argv[2] << "\n";
    return 2;
  }
  std::string line;
  int total = 0, identical = 0;
  while (std::getline(tsv, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    std::string rel = line.substr(0, tab);
    std::string expected = line.substr(tab + 1);
    total++;
    std::string src;
    if (!read_file(libdir + "/" + rel, &src)) {
      if (show-- > 0) std::cerr << rel << ": missing\n";
      continue;
    }
    std::string text = table_text(src, rel);
    bool same;
    if (text.rfind("error:", 0) == 0) {
      same = false;
    } else {
      tests::Sha256 h;
      h.update(text);
      same = h.hexdigest() == expected;
    }
    if (same) {
      identical++;
    } else if (show-- > 0) {
      std::cerr << rel << ": " << (text.rfind("error:", 0) == 0 ? text : "digest differs") << "\n";
    }
  }
  std::cout << identical << "/" << total << " identical\n";
  if (identical < min_identical) {
    std::cerr << "below the committed figure " << min_identical << "\n";
    return 1;
  }
  return 0;
}
