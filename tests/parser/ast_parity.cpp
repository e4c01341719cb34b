// AST parity with CPython 3.14.2 on the standard library.
//
//   parser_ast_parity LIBDIR STDLIB_TSV MIN_IDENTICAL [--show N] [--dump FILE]
//
// Parses every file listed in STDLIB_TSV (tests/data/parity/stdlib.tsv, written by
// tools/parity/make_reference.py) as ast.parse(source, path) would, prints
// ast.dump(tree, include_attributes=True) and compares its SHA-256 with the reference's.
// Files the reference rejects must be rejected too. Prints "M/N identical" and fails when M is
// below MIN_IDENTICAL (the committed figure). --dump FILE prints one file's dump.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ast/arena.h"
#include "ast/dump.h"
#include "parser/constants.h"
#include "parser/pegen.h"
#include "../tokenizer/sha256.h"

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

// The dump text, or "error:Type" as the reference writes for a file it rejects.
std::string ast_text(const std::string& source, const std::string& rel, bool* is_error) {
  ast::Arena arena;
  parser::ParseOptions options;
  parser::ParseResult r = parser::parse_string(source, rel, options, &arena);
  *is_error = r.mod == nullptr;
  if (!r.mod) return "error:" + r.error.type + " " + r.error.message;
  std::string out;
  if (!ast::dump(r.mod, true, parser::constant_repr, &out)) return "error:repr";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: parser_ast_parity LIBDIR STDLIB_TSV MIN_IDENTICAL [--show N] [--dump FILE]\n";
    return 2;
  }
  std::string libdir = argv[1];
  int min_identical = std::atoi(argv[3]);
  int show = 0;
  for (int i = 4; i + 1 < argc; i++) {
    std::string a = argv[i];
    if (a == "--show") show = std::atoi(argv[i + 1]);
    if (a == "--dump") {
      std::string src;
      if (!read_file(libdir + "/" + argv[i + 1], &src)) return 2;
      bool err;
      std::cout << ast_text(src, argv[i + 1], &err) << "\n";
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
    size_t t1 = line.find('\t');
    size_t t2 = line.find('\t', t1 + 1);
    std::string rel = line.substr(0, t1);
    std::string expected = line.substr(t1 + 1, t2 - t1 - 1);
    total++;
    std::string src;
    if (!read_file(libdir + "/" + rel, &src)) {
      if (show-- > 0) std::cerr << rel << ": missing\n";
      continue;
    }
    bool is_error = false;
    std::string text = ast_text(src, rel, &is_error);
    bool same;
    if (expected.rfind("error:", 0) == 0) {
      same = is_error && text.rfind(expected, 0) == 0;
    } else {
      tests::Sha256 h;
      h.update(text);
      same = !is_error && h.hexdigest() == expected;
    }
    if (same) {
      identical++;
    } else if (show-- > 0) {
      std::cerr << rel << ": " << (is_error ? text : "digest differs") << "\n";
    }
  }
  std::cout << identical << "/" << total << " identical\n";
  if (identical < min_identical) {
    std::cerr << "below the committed figure " << min_identical << "\n";
    return 1;
  }
  return 0;
}
