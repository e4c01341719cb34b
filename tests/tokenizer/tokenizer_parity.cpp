// Token parity with CPython 3.14.2 on the standard library.
//
//   tokenizer_parity STDLIB_DIR REFERENCE.tsv [KNOWN_MISMATCHES]
//       tokenizes every file listed in REFERENCE.tsv (tools/tokenizer/make_reference.py) the
//       way _tokenize.TokenizerIter(readline, extra_tokens=True) does, writes the canonical
//       form described there, and compares digests. Prints "M/N identical"; fails unless every
//       file matches or its mismatch is listed in KNOWN_MISMATCHES (path, tab, reason).
//   tokenizer_parity --dump FILE
//       prints FILE's canonical token lines (compare with make_reference.py --dump).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parser/lexer.h"
#include "parser/tokenize_stream.h"
#include "parity_driver.h"
#include "sha256.h"

using namespace cppy::parser;

namespace {

// The canonical token stream of make_reference.py: what _tokenize.TokenizerIter(readline,
// extra_tokens=True) yields (parser::TokenizeStream), without the line.
std::string canonical(const std::string& bytes) {
  std::string text, encoding, out;
  TokenizerError err;
  if (!Lexer::decode_source(bytes, "", &text, &encoding, &err)) {
    return "decode error " + err.message + "\n";
  }
  TokenizeStream stream(text, true);
  TokenInfo tok;
  for (;;) {
    int r = stream.next(&tok);
    if (r < 0) {
      const TokenizerError& e = stream.error();
      char buf[64];
      std::snprintf(buf, sizeof buf, " %d %d ", e.lineno, e.offset);
      out += std::string("error ") + error_type_name(e.type) + buf + e.message + "\n";
      break;
    }
    if (r == 0) break;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%d %d %d %d %d %zu:", tok.type, tok.lineno, tok.col_offset,
                  tok.end_lineno, tok.end_col_offset, tok.string.size());
    out += buf;
    out += tok.string;
    out += "\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--dump") {
    std::string bytes;
    if (!cppy::tests::read_file(argv[2], &bytes)) {
      std::cerr << "cannot read " << argv[2] << "\n";
      return 2;
    }
    std::cout << canonical(bytes);
    return 0;
  }
  if (argc < 3) {
    std::cerr << "usage: tokenizer_parity STDLIB_DIR REFERENCE.tsv [KNOWN_MISMATCHES]\n";
    return 2;
  }
  std::string root = argv[1];
  std::map<std::string, std::string> known;
  if (argc > 3) {
    std::ifstream k(argv[3]);
    std::string line;
    while (std::getline(k, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      known[line.substr(0, tab)] = tab == std::string::npos ? "" : line.substr(tab + 1);
    }
  }
  std::ifstream ref(argv[2]);
  if (!ref) {
    std::cerr << "cannot read " << argv[2] << "\n";
    return 2;
  }
  std::string line;
  int total = 0, same = 0, unexpected = 0;
  std::set<std::string> seen;
  while (std::getline(ref, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string path, digest;
    std::getline(fields, path, '\t');
    std::getline(fields, digest, '\t');
    total++;
    seen.insert(path);
    std::string bytes;
    if (!cppy::tests::read_file(root + "/" + path, &bytes)) {
      std::cout << "MISSING " << path << "\n";
      unexpected++;
      continue;
    }
    cppy::tests::Sha256 h;
    h.update(canonical(bytes));
    if (h.hexdigest() == digest) {
      same++;
      if (known.count(path)) std::cout << "now matches (remove from known list): " << path << "\n";
    } else if (known.count(path)) {
      std::cout << "known mismatch " << path << ": " << known[path] << "\n";
    } else {
      std::cout << "MISMATCH " << path << "\n";
      unexpected++;
    }
  }
  std::cout << same << "/" << total << " identical\n";
  return unexpected == 0 && total > 0 ? 0 : 1;
}
