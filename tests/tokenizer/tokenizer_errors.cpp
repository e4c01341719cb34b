// Error parity of the tokenizer with CPython 3.14.2 on tests/data/parser/syntax_errors.tsv.
//
//   tokenizer_errors SYNTAX_ERRORS.tsv [KNOWN_MISMATCHES]
//
// Each snippet is tokenized as compile(source, '<snippet>', 'exec') would (string input,
// exec mode). A case is the tokenizer's when the tokenizer reports an error for it, or when
// CPython's message is one only the tokenizer produces; for those the error type, message,
// lineno, offset, end_lineno and end_offset must equal CPython's. SyntaxWarnings the tokenizer
// emits (invalid ... literal) must appear among CPython's warnings. Prints "M/N identical";
// fails unless every case matches or is listed in KNOWN_MISMATCHES (name<TAB>reason).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "parity_driver.h"
#include "parser/lexer.h"

using namespace cppy::parser;

namespace {

std::string pos(int v) { return v == kNoPosition ? "None" : std::to_string(v); }

// Messages only the tokenizer produces (so a case with one is the tokenizer's even if cppy's
// tokenizer does not report it).
const std::regex kTokenizerMessages(
    "invalid (decimal|hexadecimal|octal|binary|imaginary) literal|invalid digit '.' in .*|"
    "leading zeros in decimal integer literals.*|unterminated .*|unmatched '.'|"
    "closing parenthesis .*|'.' was never closed|unindent does not match .*|"
    "inconsistent use of tabs and spaces in indentation|too many levels of indentation|"
    "unexpected character after line continuation character|invalid character .*|"
    "invalid non-printable character .*|too many nested .*|[ft]-string: single '\\}' is not "
    "allowed|[ft]-string: expecting '\\}'|[ft]-string: unmatched '.'|.* prefixes are "
    "incompatible|Non-UTF-8 code .*|encoding problem: .*|unknown encoding: .*|"
    "unexpected EOF while parsing|[ft]-string: expressions nested too deeply|"
    "[ft]-string: newlines are not allowed .*");

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tokenizer_errors SYNTAX_ERRORS.tsv [KNOWN_MISMATCHES]\n";
    return 2;
  }
  std::map<std::string, std::string> known;
  if (argc > 2) {
    std::ifstream k(argv[2]);
    std::string line;
    while (std::getline(k, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      known[line.substr(0, tab)] = tab == std::string::npos ? "" : line.substr(tab + 1);
    }
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  std::string line;
  int total = 0, same = 0, unexpected = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = cppy::tests::split_tabs(line);
    if (f.size() < 9) continue;
    const std::string& name = f[0];
    std::string source = cppy::tests::unescape_field(f[1]);
    const std::string& type = f[2];
    std::string message = cppy::tests::unescape_field(f[7]);
    std::string warnings = cppy::tests::unescape_field(f[8]);
    if (source.find('\0') != std::string::npos) continue;  // compile() rejects it first

    Lexer lex(source, Lexer::Input::kString);
    std::vector<std::string> warned;
    lex.set_warning_handler([&](const char* category, const std::string& msg, int lineno) {
      warned.push_back(std::string(category) + ":" + std::to_string(lineno) + ":" + msg);
      return 0;
    });
    Token tok;
    int t;
    do {
      t = lex.next(&tok);
    } while (t != ERRORTOKEN && t != ENDMARKER);
    // The parser asks for tokens lazily: a tokenizer error after the point where the parser
    // reports its own specific error is not the tokenizer's (a generic "invalid syntax" is
    // replaced by the tokenizer's error, as _PyPegen_tokenize_full_source_to_check does).
    bool ours = (type != "ok" && std::regex_match(message, kTokenizerMessages)) ||
                (t == ERRORTOKEN && (type == "ok" || message == "invalid syntax"));
    bool warns_ours = !warned.empty();
    if (!ours && !warns_ours) continue;
    total++;
    std::string got, want;
    if (ours) {
      if (t == ERRORTOKEN) {
        TokenizerError e = lex.error();
        got = std::string(error_type_name(e.type)) + " " + pos(e.lineno) + " " + pos(e.offset) +
              " " + pos(e.end_lineno) + " " + pos(e.end_offset) + " " + e.message;
      } else {
        got = "no tokenizer error";
      }
      want = type + " " + f[3] + " " + f[4] + " " + f[5] + " " + f[6] + " " + message;
    }
    for (const std::string& w : warned) {
      got += " | " + w;
      want += warnings.find(w) != std::string::npos ? " | " + w : " | (not in: " + warnings + ")";
    }
    if (got == want) {
      same++;
      if (known.count(name)) std::cout << "now matches (remove from known list): " << name << "\n";
    } else if (known.count(name)) {
      std::cout << "known mismatch " << name << ": " << known[name] << "\n";
    } else {
      std::cout << "MISMATCH " << name << "\n  cppy:    " << got << "\n  CPython: " << want
                << "\n";
      unexpected++;
    }
  }
  std::cout << same << "/" << total << " identical\n";
  return unexpected == 0 && total > 0 ? 0 : 1;
}
