// The token stream of the tokenize module: tokenizeriter_next of Python/Python-tokenize.c
// over the Lexer in readline mode (columns in characters, the source line of each token, and
// with extra_tokens the adjustments that reproduce the pure-Python tokenize of old).
#pragma once

#include <memory>
#include <string>

#include "parser/lexer.h"

namespace cppy::parser {

// One token as _tokenize.TokenizerIter yields it: (type, string, (lineno, col_offset),
// (end_lineno, end_col_offset), line).
struct TokenInfo {
  int type = ENDMARKER;
  std::string string;
  int lineno = 0, col_offset = -1, end_lineno = 0, end_col_offset = -1;
  std::string line;
};

class TokenizeStream {
 public:
  // text: the decoded source (UTF-8), as the readline calls returned it, newlines untouched.
  TokenizeStream(std::string text, bool extra_tokens);
  ~TokenizeStream();
  TokenizeStream(const TokenizeStream&) = delete;
  TokenizeStream& operator=(const TokenizeStream&) = delete;

  // 1 with *out filled; 0 after ENDMARKER (StopIteration); -1 on a tokenizer error (error()).
  int next(TokenInfo* out);
  // The SyntaxError (or IndentationError/TabError) of _tokenizer_error; offset is 1-based in
  // characters, kNoPosition for None.
  const TokenizerError& error() const { return error_; }

 private:
  void set_error();
  std::string text_;
  std::unique_ptr<Lexer> lexer_;
  bool extra_tokens_;
  bool done_ = false;
  TokenizerError error_;
  // The line cache of tokenizeriterobject: reused while the lexer stays on the line where
  // the previous token started.
  std::string last_line_;
  int last_lineno_ = 0;
};

}  // namespace cppy::parser
