// Front-end error parity with CPython 3.14.2 on tests/data/parser/syntax_errors.tsv, past
// the parser: each snippet that src/parser accepts goes through future_from_ast and
// symtable::build as compile(source, '<snippet>', 'exec') does, and the outcome (ok, or the
// SyntaxError's message and position) is compared with the reference's. Snippets the
// reference rejects in later stages (the compiler) count as different until those exist.
//
//   front_end_errors SYNTAX_ERRORS.tsv MIN_IDENTICAL [--show N]
//
// Prints "M/N identical (of the snippets the parser accepts)" and fails when M is below
// MIN_IDENTICAL (the committed figure).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "parity_driver.h"
#include "ast/arena.h"
#include "ast/core_api.h"
#include "ast/future.h"
#include "objects/typeobject.h"
#include "parser/pegen.h"
#include "runtime/pystate.h"
#include "symtable/symtable.h"

using namespace cppy;

namespace {

std::string text_of(objects::Object* s) {
  objects::ssize n = 0;
  const char* p = s ? objects::str_as_utf8(s, &n) : nullptr;
  return p ? std::string(p, static_cast<size_t>(n)) : std::string();
}

std::string attr(objects::Object* exc, const char* name) {
  objects::Object* v = objects::object_getattr_string(exc, name);
  if (!v) {
    errors::clear();
    return "None";
  }
  std::string r = v == ast::py_none() ? "None" : std::to_string(objects::long_as_long(v));
  objects::decref(v);
  return r;
}

// "ok|||||" or "SyntaxError|lineno|offset|end_lineno|end_offset|message".
std::string outcome(ast::mod_ty mod) {
  objects::Object* filename = objects::str_from_cstr("<snippet>");
  ast::FutureFeatures future;
  symtable::SymbolTable* st = nullptr;
  if (ast::future_from_ast(mod, filename, &future)) st = symtable::build(mod, filename, &future);
  objects::decref(filename);
  if (st) {
    symtable::symtable_free(st);
    return "ok|||||";
  }
  objects::Object* exc = errors::get_raised_exception();
  if (!exc) return "no exception";
  std::string out = std::string(exc->type->name) + "|" + attr(exc, "lineno") + "|" +
                    attr(exc, "offset") + "|" + attr(exc, "end_lineno") + "|" +
                    attr(exc, "end_offset") + "|";
  objects::Object* msg = objects::object_getattr_string(exc, "msg");
  if (msg) {
    out += text_of(msg);
    objects::decref(msg);
  } else {
    errors::clear();
  }
  objects::decref(exc);
  return out;
}

void init_runtime() {
  runtime::initialize_objects();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: front_end_errors SYNTAX_ERRORS.tsv MIN_IDENTICAL [--show N]\n";
    return 2;
  }
  init_runtime();
  int min_identical = std::atoi(argv[2]);
  int show = argc > 4 && std::string(argv[3]) == "--show" ? std::atoi(argv[4]) : 0;
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  std::string line;
  int total = 0, identical = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = tests::split_tabs(line);
    if (f.size() < 9) continue;
    std::string source = tests::unescape_field(f[1]);
    ast::Arena arena;
    parser::ParseOptions options;
    parser::ParseResult r = parser::parse_string(source, "<snippet>", options, &arena);
    if (!r.mod) continue;  // the parser's own errors are parser_syntax_errors' business
    total++;
    std::string expected = f[2] == "ok" ? "ok|||||"
                                        : f[2] + "|" + f[3] + "|" + f[4] + "|" + f[5] + "|" +
                                              f[6] + "|" + tests::unescape_field(f[7]);
    std::string got = outcome(r.mod);
    if (got == expected) {
      identical++;
    } else if (show-- > 0) {
      std::cerr << f[0] << "\n  expected " << expected << "\n  got      " << got << "\n";
    }
  }
  std::cout << identical << "/" << total << " identical (of the snippets the parser accepts)\n";
  if (identical < min_identical) {
    std::cerr << "below the committed figure " << min_identical << "\n";
    return 1;
  }
  return 0;
}
