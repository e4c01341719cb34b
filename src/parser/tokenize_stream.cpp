// Python/Python-tokenize.c: tokenizeriter_next and _tokenizer_error, without the objects.
#include "parser/tokenize_stream.h"

#include "parser/pegen.h"

namespace cppy::parser {

namespace {

// _PyPegen_byte_offset_to_character_offset: code points in [s, e).
int chars(const char* s, const char* e) { return utf8_char_count(s, static_cast<size_t>(e - s)); }

}  // namespace

TokenizeStream::TokenizeStream(std::string text, bool extra_tokens)
    : text_(std::move(text)), extra_tokens_(extra_tokens) {
  lexer_ = std::make_unique<Lexer>(text_, Lexer::Input::kReadline);
  lexer_->set_extra_tokens(extra_tokens);
  lexer_->set_filename("<string>");
}

TokenizeStream::~TokenizeStream() = default;

// _tokenizer_error: the lexer's own SyntaxError, or the message of its done code placed at
// the end of the current input.
void TokenizeStream::set_error() {
  Lexer& lex = *lexer_;
  error_ = TokenizerError();
  const char* msg = nullptr;
  ErrorType type = ErrorType::kSyntaxError;
  switch (lex.done()) {
    case errcode::kToken:
      msg = "invalid token";
      break;
    case errcode::kEof: {
      // PyErr_SyntaxLocationObject: the offset is the byte count of the input, no text.
      error_.message = "unexpected EOF in multi-line statement";
      error_.lineno = lex.lineno();
      long size = lex.inp() - lex.buf();
      error_.offset = size < 0 ? 0 : static_cast<int>(size);
      return;
    }
    case errcode::kDedent:
      msg = "unindent does not match any outer indentation level";
      type = ErrorType::kIndentationError;
      break;
    case errcode::kTabSpace:
      msg = "inconsistent use of tabs and spaces in indentation";
      type = ErrorType::kTabError;
      break;
    case errcode::kTooDeep:
      msg = "too many levels of indentation";
      type = ErrorType::kIndentationError;
      break;
    case errcode::kLineCont:
      msg = "unexpected character after line continuation character";
      break;
    default:
      if (lex.has_error()) {
        error_ = lex.error();
        return;
      }
      msg = "unknown tokenization error";
  }
  error_.type = type;
  error_.message = msg;
  error_.lineno = lex.lineno();
  const char* end = lex.inp();
  if (end > lex.buf() && end[-1] == '\n') --end;
  error_.text.assign(lex.buf(), static_cast<size_t>(end - lex.buf()));
  error_.offset = chars(lex.buf(), lex.inp());
}

int TokenizeStream::next(TokenInfo* out) {
  if (done_) return 0;
  Lexer& lex = *lexer_;
  Token tok;
  int type = lex.next(&tok);
  if (type == ERRORTOKEN) {
    set_error();
    return -1;
  }
  out->type = type;
  out->string.assign(tok.text());
  bool trailing = type == ENDMARKER || (type == DEDENT && lex.done() == errcode::kEof);
  bool string_literal = is_string_literal(type);
  const char* line_start = string_literal ? lex.multi_line_start() : lex.line_start();
  if (extra_tokens_ && trailing) {
    out->line.clear();
  } else {
    if (lex.lineno() != last_lineno_) {
      long size = lex.inp() - line_start;
      if (size >= 1 && lex.implicit_newline()) size -= 1;
      last_line_.assign(line_start, static_cast<size_t>(size < 0 ? 0 : size));
    }
    out->line = last_line_;
  }
  int lineno = string_literal ? lex.first_lineno() : lex.lineno();
  int end_lineno = lex.lineno();
  int col = -1, end_col = -1;
  if (tok.start && tok.start >= line_start) col = chars(line_start, tok.start);
  if (tok.end && tok.end >= lex.line_start()) end_col = chars(lex.line_start(), tok.end);
  last_lineno_ = lineno;
  if (extra_tokens_) {
    if (trailing) {
      lineno = end_lineno = lineno + 1;
      col = end_col = 0;
    }
    if (type > DEDENT && type < OP) {
      out->type = OP;
    } else if (type == NEWLINE) {
      out->string = lex.implicit_newline() ? "" : (lex.token_start()[0] == '\r' ? "\r\n" : "\n");
      end_col++;
    } else if (type == NL) {
      if (lex.implicit_newline()) out->string.clear();
    }
  }
  out->lineno = lineno;
  out->col_offset = col;
  out->end_lineno = end_lineno;
  out->end_col_offset = end_col;
  if (type == ENDMARKER) done_ = true;
  return 1;
}

}  // namespace cppy::parser
