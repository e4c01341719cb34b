// SyntaxError reporting: Parser/pegen_errors.c and the RAISE_* helpers of Parser/pegen.h.
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "errors/errors.h"
#include "objects/text_support.h"
#include "objects/unicodeobject.h"
#include "parser/action_helpers.h"
#include "parser/lexer_access.h"

namespace cppy::parser {

namespace {

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kIndentationError: return "IndentationError";
    case ErrorKind::kTabError: return "TabError";
    case ErrorKind::kIncompleteInputError: return "IncompleteInputError";
    default: return "SyntaxError";
  }
}


// get_error_line_from_tokenizer_buffers: line lineno of the source.
std::string error_line_from_buffers(Parser* p, int lineno) {
  if (p->tok->is_interactive()) return p->tok->interactive_line(lineno);
  const char* cur = p->tok->buffer_begin();
  const char* end = p->tok->buffer_end();
  int relative = p->starting_lineno ? lineno - p->starting_lineno + 1 : lineno;
  for (int i = 0; i < relative - 1; i++) {
    const char* nl = static_cast<const char*>(std::memchr(cur, '\n', end - cur));
    if (!nl || nl + 1 > end) break;
    cur = nl + 1;
  }
  const char* nl = static_cast<const char*>(std::memchr(cur, '\n', end - cur));
  return std::string(cur, nl ? nl : end);
}

}  // namespace

// Code points in the first n bytes of UTF-8 text, an incomplete or invalid byte counting as
// one replacement character (PyUnicode_DecodeUTF8 with "replace").
int utf8_char_count(const char* s, size_t n) {
  int count = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    size_t j = 1;
    while (j < len && i + j < n && (static_cast<unsigned char>(s[i + j]) & 0xC0) == 0x80) j++;
    i += j;
    count++;
  }
  return count;
}

int byte_offset_to_character_offset(const std::string& line, int col_offset) {
  int len = static_cast<int>(std::strlen(line.c_str()));
  if (col_offset > len + 1) col_offset = len + 1;
  if (col_offset <= 0) return 0;
  if (col_offset <= len) return utf8_char_count(line.data(), static_cast<size_t>(col_offset));
  return utf8_char_count(line.data(), static_cast<size_t>(len)) + (col_offset - len);
}

std::string format_message_v(const char* fmt, va_list va) {
  std::string out;
  for (const char* f = fmt; *f; ++f) {
    if (*f != '%') {
      out.push_back(*f);
      continue;
    }
    ++f;
    bool z = false;
    if (*f == 'z') {
      z = true;
      ++f;
    }
    switch (*f) {
      case 's': {
        const char* s = va_arg(va, const char*);
        out += s ? s : "(null)";
        break;
      }
      case 'd':
        out += z ? std::to_string(va_arg(va, ssize)) : std::to_string(va_arg(va, int));
        break;
      case 'c': out.push_back(static_cast<char>(va_arg(va, int))); break;
      case 'U': {
        Object* o = va_arg(va, Object*);
        const char* s = o ? objects::str_as_utf8(o) : nullptr;
        out += s ? s : "";
        break;
      }
      case '%': out.push_back('%'); break;
      case 0: return out;
      default: out.push_back('%'); out.push_back(*f); break;
    }
  }
  return out;
}

void set_error(Parser* p, const char* type, const std::string& message) {
  p->error_indicator = 1;
  p->has_error = true;
  p->error = ParseError();
  p->error.type = type;
  p->error.message = message;
}

bool take_object_error(Parser* p) {
  objects::TypeObject* type = errors::occurred();
  if (!type) return false;
  Object* exc = errors::get_raised_exception();
  std::string message;
  if (exc) {
    Object* s = objects::object_str(exc);
    if (s) {
      const char* c = objects::str_as_utf8(s);
      if (c) message = c;
      objects::decref(s);
    } else {
      errors::clear();
    }
  }
  objects::Ref<> owned = objects::Ref<>::steal(exc);
  const char* name = type == objects::exc_MemoryError  ? "MemoryError"
                     : type == objects::exc_ValueError ? "ValueError"
                     : type == objects::exc_OverflowError ? "OverflowError"
                     : type == objects::exc_UnicodeDecodeError ? "UnicodeDecodeError"
                     : type->name ? type->name : "SystemError";
  set_error(p, name, message);
  // The object itself is what gets raised again.
  if (exc) p->error.exception = objects::Ref<>::borrow(exc);
  return true;
}

// _PyPegen_raise_error_known_location.
void raise_error_known_location_v(Parser* p, ErrorKind kind, int lineno, int col_offset,
                                  int end_lineno, int end_col_offset, const char* fmt,
                                  va_list va) {
  // Bail out if we already have an error set.
  if (p->error_indicator && p->has_error) return;
  p->error_indicator = 1;
  if (end_lineno == kCurrentPos) end_lineno = p->tok->lineno();
  if (end_col_offset == kCurrentPos) {
    end_col_offset = static_cast<int>(LexerAccess::cur(p->tok) - p->tok->line_start());
  }
  std::string message = format_message_v(fmt, va);
  std::string error_line;
  if (p->tok->is_interactive()) {
    // fp_interactive: the line of the source read from the prompt.
    error_line = error_line_from_buffers(p, lineno);
  } else if (p->tok->lineno() <= lineno && p->tok->inp() > p->tok->buf()) {
    error_line.assign(p->tok->line_start(), p->tok->inp());
  } else {
    error_line = error_line_from_buffers(p, lineno);
  }
  int col_number = byte_offset_to_character_offset(error_line, col_offset);
  int end_col_number = end_col_offset;
  if (end_col_offset > 0) end_col_number = byte_offset_to_character_offset(error_line, end_col_offset);
  p->has_error = true;
  p->error = ParseError();
  p->error.type = kind_name(kind);
  p->error.message = message;
  p->error.lineno = lineno;
  p->error.offset = col_number;
  p->error.end_lineno = end_lineno;
  p->error.end_offset = end_col_number;
  p->error.text = error_line;
  p->error.has_text = true;
}

void raise_error_known_location_f(Parser* p, ErrorKind kind, int lineno, int col_offset,
                                  int end_lineno, int end_col_offset, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  raise_error_known_location_v(p, kind, lineno, col_offset, end_lineno, end_col_offset, fmt, va);
  va_end(va);
}

// _PyPegen_raise_error.
void raise_error_v(Parser* p, ErrorKind kind, bool use_mark, const char* fmt, va_list va) {
  if (p->error_indicator && p->has_error) return;
  if (p->fill == 0) {
    raise_error_known_location_v(p, kind, 0, 0, 0, -1, fmt, va);
    return;
  }
  if (use_mark && p->mark == p->fill && fill_token(p) < 0) {
    p->error_indicator = 1;
    return;
  }
  Token* t = p->known_err_token ? p->known_err_token
                                : p->tokens[use_mark ? p->mark : p->fill - 1];
  int col_offset;
  int end_col_offset = -1;
  if (t->col_offset == -1) {
    const char* cur = LexerAccess::cur(p->tok);
    if (cur == p->tok->buf()) {
      col_offset = 0;
    } else {
      const char* start = p->tok->buf() ? p->tok->line_start() : p->tok->buf();
      col_offset = static_cast<int>(cur - start);
    }
  } else {
    col_offset = t->col_offset + 1;
  }
  if (t->end_col_offset != -1) end_col_offset = t->end_col_offset + 1;
  raise_error_known_location_v(p, kind, t->lineno, col_offset, t->end_lineno, end_col_offset, fmt,
                               va);
}

void raise_error_f(Parser* p, ErrorKind kind, bool use_mark, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  raise_error_v(p, kind, use_mark, fmt, va);
  va_end(va);
}

ParseError parse_error_from(const TokenizerError& e) {
  ParseError r;
  r.type = error_type_name(e.type);
  r.message = e.message;
  r.lineno = e.lineno;
  r.offset = e.offset;
  r.end_lineno = e.end_lineno;
  r.end_offset = e.end_offset;
  r.text = e.text;
  r.has_text = e.has_text;
  r.bare = e.bare;
  if (!e.exception_type.empty()) {
    r.type = e.exception_type;
    r.exception = e.raw_exception;
  }
  return r;
}

// _Pypegen_tokenizer_error: the lexer builds CPython's record for every done code.
int tokenizer_error(Parser* p) {
  if (p->has_error) return -1;
  if (p->tok->done() == errcode::kIntr) {
    // E_INTR: the prompt's read was interrupted (or failed): its exception, else
    // KeyboardInterrupt.
    if (!errors::occurred()) errors::set_none(objects::exc_KeyboardInterrupt);
    take_object_error(p);
    return -1;
  }
  if (!p->tok->has_error() && p->tok->done() != errcode::kEof) {
    // E_DONE / E_OK reaching here cannot happen; keep CPython's fallback.
    raise_error_f(p, ErrorKind::kSyntaxError, false, "error at start before reading any input");
    return -1;
  }
  p->error_indicator = 1;
  p->has_error = true;
  p->error = parse_error_from(p->tok->error());
  return -1;
}

namespace {

// raise_unclosed_parentheses_error: the lexer's record for E_EOF inside brackets.
void raise_unclosed_parentheses_error(Parser* p) {
  p->error_indicator = 1;
  p->has_error = true;
  p->error = parse_error_from(p->tok->error());
}

}  // namespace

// _Pypegen_raise_decode_error.
int raise_decode_error(Parser* p) {
  const CodecError* ce = p->tok->decode_error();
  if (p->has_error) return -1;
  if (ce->kind == CodecError::kOther) {
    if (ce->exception) {
      set_error(p, ce->type_name.c_str(), ce->message);
      p->error.exception = ce->exception;
    } else {
      set_error(p, ce->type_name.empty() ? "SystemError" : ce->type_name.c_str(), ce->message);
    }
    return -1;
  }
  raise_syntax_error(p, "(%s) %s",
                     ce->kind == CodecError::kUnicodeError ? "unicode error" : "value error",
                     ce->message.c_str());
  return -1;
}

// _PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer error later in the source
// replaces a generic parser error; an exception the tokenizer let through (a codec's) replaces
// it as it is. Not at the prompt, which would ask for more lines.
void tokenize_full_source_to_check_for_errors(Parser* p) {
  if (p->tok->is_interactive()) return;
  ParseError saved = p->error;
  bool saved_has = p->has_error;
  Token* current_token = p->known_err_token ? p->known_err_token : p->tokens[p->fill - 1];
  int current_err_line = current_token->lineno;
  bool replaced = false;
  for (;;) {
    Token t;
    int type = p->tok->next(&t);
    if (type == ERRORTOKEN) {
      if (LexerAccess::has_error_record(p->tok)) {
        TokenizerError e = p->tok->error();
        p->error = parse_error_from(e);
        if (e.raw_exception) {
          p->error = ParseError();
          p->error.type = e.exception_type.empty() ? "UnicodeDecodeError" : e.exception_type;
          p->error.exception = e.raw_exception;
        }
        p->has_error = true;
        replaced = true;
        break;
      }
      int level = LexerAccess::level(p->tok);
      if (level != 0) {
        int error_lineno = LexerAccess::paren_lineno(p->tok, level - 1);
        if (current_err_line > error_lineno) {
          p->has_error = false;
          raise_unclosed_parentheses_error(p);
          replaced = true;
        }
      }
      break;
    }
    if (type == ENDMARKER) break;
  }
  // Inside an f-string the expression's error stands.
  if (!(replaced && LexerAccess::mode_index(p->tok) <= 0)) {
    p->error = saved;
    p->has_error = saved_has;
  }
}

// _Pypegen_set_syntax_error.
void set_syntax_error(Parser* p, Token* last_token) {
  if (p->has_error) {
    int done = p->tok->done();
    bool is_tok_ok = done == errcode::kDone || done == errcode::kOk;
    if (is_tok_ok && p->error.type == "SyntaxError") tokenize_full_source_to_check_for_errors(p);
    return;
  }
  if (p->fill == 0) raise_syntax_error(p, "error at start before reading any input");
  if (last_token->type == ERRORTOKEN && p->tok->done() == errcode::kEof) {
    if (LexerAccess::level(p->tok)) {
      raise_unclosed_parentheses_error(p);
    } else {
      raise_syntax_error(p, "unexpected EOF while parsing");
    }
    return;
  }
  if (last_token->type == INDENT || last_token->type == DEDENT) {
    raise_indentation_error(p, last_token->type == INDENT ? "unexpected indent"
                                                          : "unexpected unindent");
    return;
  }
  raise_known_location(p, last_token, "invalid syntax");
  tokenize_full_source_to_check_for_errors(p);
}

// _PyErr_EmitSyntaxWarning: a warning, or the SyntaxError it becomes under "error".
int parser_warn(Parser* p, const char* category, int lineno, int col_offset, int end_lineno,
                int end_col_offset, const std::string& message,
                const std::string& error_message) {
  ParseWarning w{category, message, lineno};
  p->warnings.push_back(w);
  if (p->warn && p->warn(w) < 0) {
    p->warnings.pop_back();
    raise_error_known_location_f(p, ErrorKind::kSyntaxError, lineno, col_offset, end_lineno,
                                 end_col_offset, "%s",
                                 (error_message.empty() ? message : error_message).c_str());
    return -1;
  }
  return 0;
}

// ---- the RAISE_* helpers ----------------------------------------------------------------

NullResult raise_error_known_location(Parser* p, ErrorKind kind, int lineno, int col_offset,
                                      int end_lineno, int end_col_offset, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  raise_error_known_location_v(p, kind, lineno,
                               col_offset == kCurrentPos ? kCurrentPos : col_offset + 1,
                               end_lineno,
                               end_col_offset == kCurrentPos ? kCurrentPos : end_col_offset + 1,
                               fmt, va);
  va_end(va);
  return {};
}

NullResult raise_syntax_error(Parser* p, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  raise_error_v(p, ErrorKind::kSyntaxError, false, fmt, va);
  va_end(va);
  return {};
}

NullResult raise_indentation_error(Parser* p, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  raise_error_v(p, ErrorKind::kIndentationError, false, fmt, va);
  va_end(va);
  return {};
}

NullResult raise_on_next_token(Parser* p, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  raise_error_v(p, ErrorKind::kSyntaxError, true, fmt, va);
  va_end(va);
  return {};
}

namespace detail {
NullResult raise_at(Parser* p, int lineno, int col, int end_lineno, int end_col,
                    const char* fmt, va_list va) {
  raise_error_known_location_v(p, ErrorKind::kSyntaxError, lineno, col, end_lineno, end_col, fmt,
                               va);
  return {};
}
}  // namespace detail

void* check_version_raw(Parser* p, int version, const char* msg, void*) {
  raise_syntax_error(p, "%s only supported in Python 3.%d and greater", msg, version);
  return nullptr;
}

}  // namespace cppy::parser
