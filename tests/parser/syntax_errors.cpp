// Error parity with CPython 3.14.2 on tests/data/parser/syntax_errors.tsv.
//
//   parser_syntax_errors SYNTAX_ERRORS.tsv MIN_IDENTICAL [--show N]
//
// Each snippet is parsed as compile(source, '<snippet>', 'exec') parses it. A case is
// identical when the outcome (ok, or the exception type, message, lineno, offset, end_lineno,
// end_offset) and the warnings equal the reference's. Errors CPython reports after parsing
// (symbol table, compiler) count as different until those stages exist. Prints "M/N
// identical" and fails when M is below MIN_IDENTICAL (the committed figure).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "parity_driver.h"
#include "ast/arena.h"
#include "parser/pegen.h"

using namespace cppy;

namespace {

std::string pos(int v) { return v == parser::kNoPosition ? "None" : std::to_string(v); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: parser_syntax_errors SYNTAX_ERRORS.tsv MIN_IDENTICAL [--show N]\n";
    return 2;
  }
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
    total++;
    std::string source = tests::unescape_field(f[1]);
    std::string expected = f[2] + "|" + f[3] + "|" + f[4] + "|" + f[5] + "|" + f[6] + "|" +
                           tests::unescape_field(f[7]) + "|" + tests::unescape_field(f[8]);
    ast::Arena arena;
    parser::ParseOptions options;
    parser::ParseResult r = parser::parse_string(source, "<snippet>", options, &arena);
    std::string warnings;
    for (const auto& w : r.warnings) {
      if (!warnings.empty()) warnings += " | ";
      warnings += w.category + ":" + std::to_string(w.lineno) + ":" + w.message;
    }
    std::string got;
    if (r.mod) {
      got = "ok|||||";
    } else {
      got = r.error.type + "|" + pos(r.error.lineno) + "|" + pos(r.error.offset) + "|" +
            pos(r.error.end_lineno) + "|" + pos(r.error.end_offset) + "|" + r.error.message;
      if (r.error.type != "SyntaxError" && r.error.type != "IndentationError" &&
          r.error.type != "TabError") {
        got = r.error.type + "|||||" + r.error.message;
      }
    }
    got += "|" + warnings;
    if (got == expected) {
      identical++;
    } else if (show-- > 0) {
      std::cerr << f[0] << "\n  expected " << expected << "\n  got      " << got << "\n";
    }
  }
  std::cout << identical << "/" << total << " identical\n";
  if (identical < min_identical) {
    std::cerr << "below the committed figure " << min_identical << "\n";
    return 1;
  }
  return 0;
}
