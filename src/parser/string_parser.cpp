// String and bytes literals, f-strings and t-strings: Parser/string_parser.c and the string
// half of Parser/action_helpers.c.
#include <cstring>
#include <string>

#include "objects/unicodeobject.h"
#include "parser/action_helpers.h"
#include "parser/constants.h"
#include "parser/lexer_access.h"
#include "unicode/unicodedata.h"

namespace cppy::parser {

namespace {

void append_utf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// warn_invalid_escape_sequence: buffer is the literal's text, first the offending escape.
int warn_invalid_escape_sequence(Parser* p, const char* buffer, const char* first, Token* t) {
  if (p->call_invalid_rules) return 0;  // the second pass already warned in the first
  unsigned char c = static_cast<unsigned char>(*first);
  if ((t->type == FSTRING_MIDDLE || t->type == FSTRING_END || t->type == TSTRING_MIDDLE ||
       t->type == TSTRING_END) &&
      (c == '{' || c == '}')) {
    return 0;  // the tokenizer warned already
  }
  bool octal = '4' <= c && c <= '7';
  std::string esc = octal ? std::string(first, strnlen(first, 3)) : std::string(1, static_cast<char>(c));
  std::string what = "\"\\" + esc + "\" is an invalid " + (octal ? "octal " : "") + "escape sequence. ";
  std::string hint = "Did you mean \"\\\\" + esc + "\"? A raw string is also an option.";
  int lineno = t->lineno;
  int col_offset = t->col_offset;
  for (const char* s = buffer; s < first; s++) {
    if (*s == '\n') {
      lineno++;
      col_offset = 0;
    } else {
      col_offset++;
    }
  }
  // On the token's first line the leading quotes count too (a prefix letter stops the count,
  // as in CPython).
  if (lineno == t->lineno) {
    std::string_view text = t->text();
    char first_quote = 0;
    int quote_count = 0;
    for (char ch : text) {
      if (ch != '\'' && ch != '"') break;
      if (quote_count == 0) first_quote = ch;
      if (ch == first_quote) quote_count++;
    }
    col_offset += quote_count;
  }
  const char* category = p->feature_version >= 12 ? "SyntaxWarning" : "DeprecationWarning";
  // Turned into an error, the message loses its middle sentence and points at the escape
  // (RAISE_ERROR_KNOWN_LOCATION from col_offset-1 to col_offset+1).
  int r = parser_warn(p, category, lineno, col_offset, lineno, col_offset + 2,
                      what + "Such sequences will not work in the future. " + hint, what + hint);
  if (r < 0) p->known_err_token = t;
  return r;
}

// Sets the SyntaxError of _Pypegen_raise_decode_error for a codec error.
void decode_error(Parser* p, const char* errtype, const std::string& message) {
  raise_syntax_error(p, "(%s) %s", errtype, message.c_str());
}

std::string unicode_escape_error(const char* s, size_t start, size_t end, const char* reason) {
  char buf[200];
  if (end - start == 1) {
    std::snprintf(buf, sizeof buf,
                  "'unicodeescape' codec can't decode byte 0x%02x in position %zu: %s",
                  static_cast<unsigned char>(s[start]), start, reason);
  } else {
    std::snprintf(buf, sizeof buf,
                  "'unicodeescape' codec can't decode bytes in position %zu-%zu: %s", start,
                  end - 1, reason);
  }
  return buf;
}

// decode_unicode_with_escapes (_PyUnicode_DecodeUnicodeEscapeInternal2 over UTF-8 text).
Object* decode_unicode_with_escapes(Parser* p, const char* s, size_t len, Token* t) {
  std::string out;
  out.reserve(len);
  const char* first_invalid = nullptr;
  size_t i = 0;
  while (i < len) {
    char c = s[i];
    if (c != '\\') {
      out.push_back(c);
      i++;
      continue;
    }
    size_t start = i;
    i++;
    if (i >= len) {
      decode_error(p, "unicode error", unicode_escape_error(s, start, len, "\\ at end of string"));
      return nullptr;
    }
    c = s[i++];
    switch (c) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'v': out.push_back('\v'); break;
      case 'a': out.push_back('\a'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = static_cast<unsigned>(c - '0');
        if (i < len && s[i] >= '0' && s[i] <= '7') {
          v = (v << 3) + static_cast<unsigned>(s[i++] - '0');
          if (i < len && s[i] >= '0' && s[i] <= '7') v = (v << 3) + static_cast<unsigned>(s[i++] - '0');
        }
        if (v > 0377 && !first_invalid) first_invalid = s + start + 1;
        append_utf8(&out, v);
        break;
      }
      case 'x': case 'u': case 'U': {
        int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        const char* reason = c == 'x' ? "truncated \\xXX escape"
                             : c == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape";
        char32_t v = 0;
        int k = 0;
        for (; k < count && i < len; k++) {
          int h = hexval(s[i]);
          if (h < 0) break;
          v = (v << 4) | static_cast<char32_t>(h);
          i++;
        }
        if (k < count) {
          decode_error(p, "unicode error", unicode_escape_error(s, start, i, reason));
          return nullptr;
        }
        if (v > 0x10FFFF) {
          decode_error(p, "unicode error",
                       unicode_escape_error(s, start, i, "illegal Unicode character"));
          return nullptr;
        }
        append_utf8(&out, v);
        break;
      }
      case 'N': {
        bool ok = false;
        if (i < len && s[i] == '{') {
          size_t close = i + 1;
          while (close < len && s[close] != '}') close++;
          if (close < len && close > i + 1) {
            char32_t code;
            if (unicode::lookup_code(std::string_view(s + i + 1, close - i - 1), &code, false)) {
              append_utf8(&out, code);
              i = close + 1;
              ok = true;
            } else {
              decode_error(p, "unicode error",
                           unicode_escape_error(s, start, close + 1, "unknown Unicode character name"));
              return nullptr;
            }
          }
        }
        if (!ok) {
          decode_error(p, "unicode error",
                       unicode_escape_error(s, start, i, "malformed \\N character escape"));
          return nullptr;
        }
        break;
      }
      default:
        if (!first_invalid) first_invalid = s + start + 1;
        out.push_back('\\');
        i--;  // the character itself is copied next round
        break;
    }
  }
  if (first_invalid && warn_invalid_escape_sequence(p, s, first_invalid, t) < 0) return nullptr;
  // \ud800-style escapes give lone surrogates, which append_utf8 wrote as their 3-byte forms:
  // surrogatepass reads them back (the source text itself is valid UTF-8).
  return objects::str_decode_utf8(out.data(), static_cast<ssize>(out.size()), "surrogatepass");
}

// decode_bytes_with_escapes (_PyBytes_DecodeEscape2).
Object* decode_bytes_with_escapes(Parser* p, const char* s, size_t len, Token* t) {
  std::string out;
  const char* first_invalid = nullptr;
  size_t i = 0;
  while (i < len) {
    char c = s[i];
    if (c != '\\') {
      out.push_back(c);
      i++;
      continue;
    }
    size_t start = i;
    i++;
    if (i >= len) {
      decode_error(p, "value error", "Trailing \\ in string");
      return nullptr;
    }
    c = s[i++];
    switch (c) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'v': out.push_back('\v'); break;
      case 'a': out.push_back('\a'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = static_cast<unsigned>(c - '0');
        if (i < len && s[i] >= '0' && s[i] <= '7') {
          v = (v << 3) + static_cast<unsigned>(s[i++] - '0');
          if (i < len && s[i] >= '0' && s[i] <= '7') v = (v << 3) + static_cast<unsigned>(s[i++] - '0');
        }
        if (v > 0377 && !first_invalid) first_invalid = s + start + 1;
        out.push_back(static_cast<char>(v & 0xFF));
        break;
      }
      case 'x': {
        if (i + 1 < len + 0 && hexval(s[i]) >= 0 && i + 1 < len && hexval(s[i + 1]) >= 0) {
          out.push_back(static_cast<char>(hexval(s[i]) * 16 + hexval(s[i + 1])));
          i += 2;
        } else {
          decode_error(p, "value error",
                       "invalid \\x escape at position " + std::to_string(start));
          return nullptr;
        }
        break;
      }
      default:
        if (!first_invalid) first_invalid = s + start + 1;
        out.push_back('\\');
        i--;
        break;
    }
  }
  if (first_invalid && warn_invalid_escape_sequence(p, s, first_invalid, t) < 0) return nullptr;
  return const_bytes(out.data(), out.size());
}

// _PyPegen_decode_string.
Object* decode_string(Parser* p, bool raw, const char* s, size_t len, Token* t) {
  if (raw) return objects::str_from_utf8(s, static_cast<ssize>(len));
  return decode_unicode_with_escapes(p, s, len, t);
}

bool add_to_arena(Parser* p, Object* o) {
  if (p->arena->add_object(o) < 0) {
    objects::decref(o);
    p->error_indicator = 1;
    return false;
  }
  return true;
}

bool is_empty_str(expr_ty e) {
  return e->kind == ast::Constant_kind && objects::str_check(e->v.Constant.value) &&
         objects::str_length(e->v.Constant.value) == 0;
}

Object* token_metadata(Parser* p, Token* t) {
  if (!t || !t->has_metadata) return nullptr;
  Object* s = objects::str_from_utf8(t->metadata.data(), static_cast<ssize>(t->metadata.size()));
  if (!s || !add_to_arena(p, s)) return nullptr;
  return s;
}

ResultTokenWithMetadata* result_token_with_metadata(Parser* p, void* result, Object* metadata) {
  auto* r = static_cast<ResultTokenWithMetadata*>(p->arena->malloc(sizeof(ResultTokenWithMetadata)));
  if (!r) return nullptr;
  r->result = result;
  r->metadata = metadata;
  return r;
}

}  // namespace

// _PyPegen_parse_string.
static Object* parse_string_token(Parser* p, Token* t, bool* ok) {
  std::string_view text = t->text();
  const char* s = text.data();
  const char* end = s + text.size();
  bool bytesmode = false, rawmode = false;
  while (s < end && std::isalpha(static_cast<unsigned char>(*s))) {
    char q = *s;
    if (q == 'b' || q == 'B') bytesmode = true;
    else if (q == 'r' || q == 'R') rawmode = true;
    else if (q != 'u' && q != 'U') break;
    s++;
  }
  char quote = *s;
  s++;
  size_t len = static_cast<size_t>(end - s) - 1;
  if (len >= 4 && s[0] == quote && s[1] == quote) {
    s += 2;
    len -= 4;
  }
  rawmode = rawmode || std::memchr(s, '\\', len) == nullptr;
  *ok = true;
  if (bytesmode) {
    for (size_t i = 0; i < len; i++) {
      if (static_cast<unsigned char>(s[i]) >= 0x80) {
        raise_known_location(p, t, "bytes can only contain ASCII literal characters");
        *ok = false;
        return nullptr;
      }
    }
    if (rawmode) return const_bytes(s, len);
    return decode_bytes_with_escapes(p, s, len, t);
  }
  return decode_string(p, rawmode, s, len, t);
}

expr_ty constant_from_string(Parser* p, Token* tok) {
  bool ok = true;
  Object* s = parse_string_token(p, tok, &ok);
  if (!s) {
    if (!p->has_error) take_object_error(p);
    p->error_indicator = 1;
    return nullptr;
  }
  if (!add_to_arena(p, s)) return nullptr;
  Object* kind = nullptr;
  if (tok->text()[0] == 'u') {
    kind = new_identifier(p, "u", 1);
    if (!kind) return nullptr;
  }
  return ast::Constant(s, kind, tok->lineno, tok->col_offset, tok->end_lineno, tok->end_col_offset,
                       p->arena);
}

expr_ty constant_from_token(Parser* p, Token* tok) {
  std::string_view text = tok->text();
  Object* str = objects::str_from_utf8(text.data(), static_cast<ssize>(text.size()));
  if (!str || !add_to_arena(p, str)) return nullptr;
  return ast::Constant(str, nullptr, tok->lineno, tok->col_offset, tok->end_lineno,
                       tok->end_col_offset, p->arena);
}

expr_ty decoded_constant_from_token(Parser* p, Token* tok) {
  std::string_view text = tok->text();
  Object* str = decode_string(p, false, text.data(), text.size(), tok);
  if (!str) {
    p->error_indicator = 1;
    return nullptr;
  }
  if (!add_to_arena(p, str)) return nullptr;
  return ast::Constant(str, nullptr, tok->lineno, tok->col_offset, tok->end_lineno,
                       tok->end_col_offset, p->arena);
}

namespace {

// _PyPegen_decode_fstring_part.
expr_ty decode_fstring_part(Parser* p, bool is_raw, expr_ty constant, Token* token) {
  ssize n = 0;
  const char* bstr = objects::str_as_utf8(constant->v.Constant.value, &n);
  if (!bstr) return nullptr;
  size_t len = static_cast<size_t>(n);
  if (std::strcmp(bstr, "{{") == 0 || std::strcmp(bstr, "}}") == 0) len = 1;
  is_raw = is_raw || std::memchr(bstr, '\\', static_cast<size_t>(n)) == nullptr;
  Object* str = decode_string(p, is_raw, bstr, len, token);
  if (!str) {
    p->error_indicator = 1;
    return nullptr;
  }
  if (!add_to_arena(p, str)) return nullptr;
  return ast::Constant(str, nullptr, constant->lineno, constant->col_offset, constant->end_lineno,
                       constant->end_col_offset, p->arena);
}

// _get_resized_exprs.
asdl_expr_seq* get_resized_exprs(Parser* p, Token* a, asdl_expr_seq* raw, Token* b) {
  ssize n_items = ast::asdl_seq_LEN(raw);
  ssize total = n_items;
  for (ssize i = 0; i < n_items; i++) {
    expr_ty item = raw->typed_elements[i];
    if (item->kind == ast::JoinedStr_kind) total += ast::asdl_seq_LEN(item->v.JoinedStr.values) - 1;
  }
  std::string_view quote = a->text();
  bool is_raw = quote.find_first_of("rR") != std::string_view::npos;
  asdl_expr_seq* seq = ast::asdl_expr_seq_new(total, p->arena);
  if (!seq) return nullptr;
  ssize index = 0;
  for (ssize i = 0; i < n_items; i++) {
    expr_ty item = raw->typed_elements[i];
    if (item->kind == ast::JoinedStr_kind) {
      asdl_expr_seq* values = item->v.JoinedStr.values;
      seq->typed_elements[index++] = values->typed_elements[0];
      seq->typed_elements[index++] = values->typed_elements[1];
      continue;
    }
    if (item->kind == ast::Constant_kind) {
      item = decode_fstring_part(p, is_raw, item, b);
      if (!item) return nullptr;
      if (is_empty_str(item)) continue;
    }
    seq->typed_elements[index++] = item;
  }
  if (index == total) return seq;
  asdl_expr_seq* resized = ast::asdl_expr_seq_new(index, p->arena);
  if (!resized) return nullptr;
  for (ssize i = 0; i < index; i++) resized->typed_elements[i] = seq->typed_elements[i];
  return resized;
}

// _get_interpolation_conversion.
int interpolation_conversion(Token* debug, ResultTokenWithMetadata* conversion,
                             ResultTokenWithMetadata* format) {
  if (conversion) {
    auto* e = static_cast<expr_ty>(conversion->result);
    return static_cast<int>(objects::str_read_char(e->v.Name.id, 0));
  }
  if (debug && !format) return 'r';
  return -1;
}

}  // namespace

expr_ty joined_str(Parser* p, Token* a, asdl_expr_seq* raw_expressions, Token* b) {
  asdl_expr_seq* resized = get_resized_exprs(p, a, raw_expressions, b);
  if (!resized && p->error_indicator) return nullptr;
  return ast::JoinedStr(resized, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                        p->arena);
}

expr_ty template_str(Parser* p, Token* a, asdl_expr_seq* raw_expressions, Token* b) {
  asdl_expr_seq* resized = get_resized_exprs(p, a, raw_expressions, b);
  if (!resized && p->error_indicator) return nullptr;
  return ast::TemplateStr(resized, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                          p->arena);
}

namespace {

// The debug text of {expr=}: a Constant, then a JoinedStr of it and the value.
expr_ty with_debug_text(Parser* p, expr_ty value, ResultTokenWithMetadata* conversion,
                        ResultTokenWithMetadata* format, Token* closing_brace, int lineno,
                        int col_offset, int end_lineno, int end_col_offset) {
  int debug_end_line, debug_end_offset;
  Object* metadata;
  if (conversion) {
    debug_end_line = static_cast<expr_ty>(conversion->result)->lineno;
    debug_end_offset = static_cast<expr_ty>(conversion->result)->col_offset;
    metadata = conversion->metadata;
  } else if (format) {
    debug_end_line = static_cast<expr_ty>(format->result)->lineno;
    debug_end_offset = static_cast<expr_ty>(format->result)->col_offset + 1;
    metadata = format->metadata;
  } else {
    debug_end_line = end_lineno;
    debug_end_offset = end_col_offset;
    metadata = token_metadata(p, closing_brace);
  }
  if (!metadata) {
    metadata = objects::str_empty();
  }
  expr_ty debug_text = ast::Constant(metadata, nullptr, lineno, col_offset + 1, debug_end_line,
                                     debug_end_offset - 1, p->arena);
  if (!debug_text) return nullptr;
  asdl_expr_seq* values = ast::asdl_expr_seq_new(2, p->arena);
  if (!values) return nullptr;
  values->typed_elements[0] = debug_text;
  values->typed_elements[1] = value;
  return ast::JoinedStr(values, lineno, col_offset, debug_end_line, debug_end_offset, p->arena);
}

}  // namespace

expr_ty formatted_value(Parser* p, expr_ty expression, Token* debug,
                        ResultTokenWithMetadata* conversion, ResultTokenWithMetadata* format,
                        Token* closing_brace, int lineno, int col_offset, int end_lineno,
                        int end_col_offset, ast::Arena* arena) {
  int conversion_val = interpolation_conversion(debug, conversion, format);
  expr_ty fv = ast::FormattedValue(expression, conversion_val,
                                   format ? static_cast<expr_ty>(format->result) : nullptr,
                                   lineno, col_offset, end_lineno, end_col_offset, arena);
  if (!fv) return nullptr;
  if (!debug) return fv;
  return with_debug_text(p, fv, conversion, format, closing_brace, lineno, col_offset, end_lineno,
                         end_col_offset);
}

expr_ty interpolation(Parser* p, expr_ty expression, Token* debug,
                      ResultTokenWithMetadata* conversion, ResultTokenWithMetadata* format,
                      Token* closing_brace, int lineno, int col_offset, int end_lineno,
                      int end_col_offset, ast::Arena* arena) {
  int conversion_val = interpolation_conversion(debug, conversion, format);
  Object* exprstr = conversion ? conversion->metadata
                    : format   ? format->metadata
                               : token_metadata(p, closing_brace);
  // _strip_interpolation_expr: without trailing whitespace and '='.
  std::string text;
  if (exprstr) text = objects::str_as_utf8(exprstr);
  while (!text.empty() && (text.back() == '=' || text.back() == ' ' || text.back() == '\t' ||
                           text.back() == '\n' || text.back() == '\r' || text.back() == '\f' ||
                           text.back() == '\v')) {
    text.pop_back();
  }
  Object* final_exprstr = objects::str_from_utf8(text.data(), static_cast<ssize>(text.size()));
  if (!final_exprstr || !add_to_arena(p, final_exprstr)) return nullptr;
  expr_ty value = ast::Interpolation(expression, final_exprstr, conversion_val,
                                     format ? static_cast<expr_ty>(format->result) : nullptr,
                                     lineno, col_offset, end_lineno, end_col_offset, arena);
  if (!value) return nullptr;
  if (!debug) return value;
  return with_debug_text(p, value, conversion, format, closing_brace, lineno, col_offset,
                         end_lineno, end_col_offset);
}

// _PyPegen_check_fstring_conversion.
ResultTokenWithMetadata* check_fstring_conversion(Parser* p, Token* conv_token, expr_ty conv) {
  char prefix = LexerAccess::string_prefix(p->tok);
  if (conv_token->lineno != conv->lineno || conv_token->end_col_offset != conv->col_offset) {
    return raise_known_range(p, conv_token, conv,
                             "%c-string: conversion type must come right after the exclamanation "
                             "mark",
                             prefix);
  }
  Object* id = conv->v.Name.id;
  char32_t first = objects::str_read_char(id, 0);
  if (objects::str_length(id) > 1 || !(first == 's' || first == 'r' || first == 'a')) {
    Object* r = objects::str_repr(id);
    std::string rs = r ? objects::str_as_utf8(r) : "";
    objects::xdecref(r);
    return raise_known_location(
        p, conv, "%c-string: invalid conversion character %s: expected 's', 'r', or 'a'",
        prefix, rs.c_str());
  }
  return result_token_with_metadata(p, conv, token_metadata(p, conv_token));
}

namespace {

// The folding of _PyPegen_concatenate_strings (and of t-strings): adjacent constants merge,
// empty ones vanish when formatted pieces are present.
asdl_expr_seq* fold_values(Parser* p, asdl_expr_seq* flattened, bool f_string_found) {
  ssize n = ast::asdl_seq_LEN(flattened);
  ssize n_elements = 0;
  bool prev_is_constant = false;
  for (ssize i = 0; i < n; i++) {
    expr_ty elem = flattened->typed_elements[i];
    if (f_string_found && is_empty_str(elem)) continue;
    if (!prev_is_constant || elem->kind != ast::Constant_kind) n_elements++;
    prev_is_constant = elem->kind == ast::Constant_kind;
  }
  asdl_expr_seq* values = ast::asdl_expr_seq_new(n_elements, p->arena);
  if (!values) return nullptr;
  ssize current = 0;
  for (ssize i = 0; i < n; i++) {
    expr_ty elem = flattened->typed_elements[i];
    if (elem->kind == ast::Constant_kind) {
      if (i + 1 < n && flattened->typed_elements[i + 1]->kind == ast::Constant_kind) {
        expr_ty first_elem = elem;
        Object* kind = elem->v.Constant.kind;
        std::string text;
        expr_ty last_elem = elem;
        ssize j;
        for (j = i; j < n; j++) {
          expr_ty cur = flattened->typed_elements[j];
          if (cur->kind != ast::Constant_kind) break;
          ssize sz = 0;
          const char* c = objects::str_as_utf8(cur->v.Constant.value, &sz);
          if (!c) return nullptr;
          text.append(c, static_cast<size_t>(sz));
          last_elem = cur;
        }
        i = j - 1;
        Object* concat = objects::str_from_utf8(text.data(), static_cast<ssize>(text.size()));
        if (!concat || !add_to_arena(p, concat)) return nullptr;
        elem = ast::Constant(concat, kind, first_elem->lineno, first_elem->col_offset,
                             last_elem->end_lineno, last_elem->end_col_offset, p->arena);
        if (!elem) return nullptr;
      }
      if (f_string_found && is_empty_str(elem)) continue;
    }
    if (current < n_elements) values->typed_elements[current++] = elem;
  }
  return values;
}

asdl_expr_seq* flatten(Parser* p, asdl_expr_seq* strings) {
  ssize len = ast::asdl_seq_LEN(strings);
  ssize total = 0;
  for (ssize i = 0; i < len; i++) {
    expr_ty e = strings->typed_elements[i];
    if (e->kind == ast::JoinedStr_kind) total += ast::asdl_seq_LEN(e->v.JoinedStr.values);
    else if (e->kind == ast::TemplateStr_kind) total += ast::asdl_seq_LEN(e->v.TemplateStr.values);
    else total++;
  }
  asdl_expr_seq* flat = ast::asdl_expr_seq_new(total, p->arena);
  if (!flat) return nullptr;
  ssize k = 0;
  for (ssize i = 0; i < len; i++) {
    expr_ty e = strings->typed_elements[i];
    asdl_expr_seq* inner = e->kind == ast::JoinedStr_kind     ? e->v.JoinedStr.values
                           : e->kind == ast::TemplateStr_kind ? e->v.TemplateStr.values
                                                              : nullptr;
    if (inner) {
      for (ssize j = 0; j < ast::asdl_seq_LEN(inner); j++) flat->typed_elements[k++] = inner->typed_elements[j];
    } else {
      flat->typed_elements[k++] = e;
    }
  }
  return flat;
}

}  // namespace

// _PyPegen_setup_full_format_spec.
ResultTokenWithMetadata* setup_full_format_spec(Parser* p, Token* colon, asdl_expr_seq* spec,
                                                int lineno, int col_offset, int end_lineno,
                                                int end_col_offset, ast::Arena* arena) {
  ssize n_items = ast::asdl_seq_LEN(spec);
  ssize non_empty = 0;
  for (ssize i = 0; i < n_items; i++) non_empty += !is_empty_str(spec->typed_elements[i]);
  if (non_empty != n_items) {
    asdl_expr_seq* resized = ast::asdl_expr_seq_new(non_empty, p->arena);
    if (!resized) return nullptr;
    ssize j = 0;
    for (ssize i = 0; i < n_items; i++) {
      if (!is_empty_str(spec->typed_elements[i])) resized->typed_elements[j++] = spec->typed_elements[i];
    }
    spec = resized;
  }
  expr_ty res;
  ssize n = ast::asdl_seq_LEN(spec);
  if (n == 0 || (n == 1 && spec->typed_elements[0]->kind == ast::Constant_kind)) {
    if (!spec) spec = ast::asdl_expr_seq_new(0, p->arena);
    res = ast::JoinedStr(spec, lineno, col_offset, end_lineno, end_col_offset, p->arena);
  } else {
    res = concatenate_strings(p, spec, lineno, col_offset, end_lineno, end_col_offset, arena);
  }
  if (!res) return nullptr;
  return result_token_with_metadata(p, res, token_metadata(p, colon));
}

// _PyPegen_concatenate_strings.
expr_ty concatenate_strings(Parser* p, asdl_expr_seq* strings, int lineno, int col_offset,
                            int end_lineno, int end_col_offset, ast::Arena* arena) {
  ssize len = ast::asdl_seq_LEN(strings);
  bool f_string_found = false, unicode_found = false, bytes_found = false;
  for (ssize i = 0; i < len; i++) {
    expr_ty elem = strings->typed_elements[i];
    if (elem->kind == ast::Constant_kind) {
      if (is_bytes(elem->v.Constant.value)) bytes_found = true;
      else unicode_found = true;
    } else {
      f_string_found = true;
    }
  }
  if ((unicode_found || f_string_found) && bytes_found) {
    return raise_syntax_error(p, "cannot mix bytes and nonbytes literals");
  }
  if (bytes_found) {
    std::string all;
    for (ssize i = 0; i < len; i++) all += bytes_contents(strings->typed_elements[i]->v.Constant.value);
    Object* res = const_bytes(all.data(), all.size());
    if (!res || !add_to_arena(p, res)) return nullptr;
    return ast::Constant(res, strings->typed_elements[0]->v.Constant.kind, lineno, col_offset,
                         end_lineno, end_col_offset, arena);
  }
  if (!f_string_found && len == 1) return strings->typed_elements[0];
  asdl_expr_seq* flat = flatten(p, strings);
  if (!flat) return nullptr;
  asdl_expr_seq* values = fold_values(p, flat, f_string_found);
  if (!values) return nullptr;
  if (!f_string_found) return values->typed_elements[0];
  return ast::JoinedStr(values, lineno, col_offset, end_lineno, end_col_offset, arena);
}

// _PyPegen_concatenate_tstrings.
expr_ty concatenate_tstrings(Parser* p, asdl_expr_seq* strings, int lineno, int col_offset,
                             int end_lineno, int end_col_offset, ast::Arena* arena) {
  asdl_expr_seq* flat = flatten(p, strings);
  if (!flat) return nullptr;
  asdl_expr_seq* values = fold_values(p, flat, true);
  if (!values) return nullptr;
  return ast::TemplateStr(values, lineno, col_offset, end_lineno, end_col_offset, arena);
}

}  // namespace cppy::parser
