// The parser's view of the tokenizer state CPython's pegen reads directly from tok_state
// (tok->cur, tok->level, tok->parenlinenostack, tok->tok_mode_stack_index...). Private to
// src/parser.
#pragma once

#include "parser/lexer.h"

namespace cppy::parser {

struct LexerAccess {
  static const char* cur(const Lexer* l) { return l->cur_; }
  static int level(const Lexer* l) { return l->level_; }
  static int paren_lineno(const Lexer* l, int i) { return l->parenlinenostack_[i]; }
  static int mode_index(const Lexer* l) { return l->mode_index_; }
  static bool has_error_record(const Lexer* l) { return l->has_error_record_; }
  // TOK_GET_STRING_PREFIX: 'f' or 't' for the innermost f/t-string.
  static char string_prefix(const Lexer* l) { return l->string_prefix_char(); }
  // The end of single input: dedent everything still open (fill_token's interactive case).
  static void imply_dedents(Lexer* l, bool dont_imply) {
    if (l->indent_ && !dont_imply) {
      l->pendin_ = -l->indent_;
      l->indent_ = 0;
    }
  }
};

}  // namespace cppy::parser
