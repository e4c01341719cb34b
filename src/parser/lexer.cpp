// Port of CPython 3.14's tokenizer: Parser/lexer/lexer.c (tok_get_normal_mode,
// tok_get_fstring_mode, ...), state.c, buffer.c and the input readers of Parser/tokenizer/.
// The structure and names follow CPython's so that a difference in behaviour can be traced to
// a line there; the buffer is the whole source at once (pointers into it stay valid), except at
// the prompt, where lines come one at a time (buffers they replace are kept, so pointers into
// them stay valid too).
#include "parser/lexer.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <utility>

#include "unicode/unicodectype.h"


namespace cppy::parser {

namespace {

constexpr int kEOF = -1;
constexpr int kAltTabSize = 1;
// The least capacity of an interactive buffer: never the string's inline storage, which a
// move would not carry along (tokens point into retired buffers).
constexpr size_t kInteractiveBufferMin = 256;
constexpr const char* kTypeCommentPrefix = "# type: ";

SourceDecoder& source_decoder() {
  static SourceDecoder decoder;
  return decoder;
}

SourceCodec& source_codec() {
  static SourceCodec codec;
  return codec;
}

bool is_potential_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_potential_identifier_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c >= 128;
}
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_alnum(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
int to_lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return std::string(buf, n < 0 ? 0 : std::min<size_t>(static_cast<size_t>(n), sizeof buf - 1));
}

// valid_utf8 of helpers.c: the length of the UTF-8 sequence at s, 0 if invalid.
int valid_utf8(const unsigned char* s, const unsigned char* end) {
  int expected = 0;
  if (*s < 0x80) return 1;
  if (*s < 0xE0) {
    if (*s < 0xC2) return 0;
    expected = 1;
  } else if (*s < 0xF0) {
    if (s + 1 >= end) return 0;
    if (*s == 0xE0 && s[1] < 0xA0) return 0;
    if (*s == 0xED && s[1] >= 0xA0) return 0;
    expected = 2;
  } else if (*s < 0xF5) {
    if (s + 1 >= end) return 0;
    if (s[1] < 0x90 ? *s == 0xF0 : *s == 0xF4) return 0;
    expected = 3;
  } else {
    return 0;
  }
  for (int i = 1; i <= expected; i++) {
    if (s + i >= end || s[i] < 0x80 || s[i] >= 0xC0) return 0;
  }
  return expected + 1;
}

// Decodes one code point of valid UTF-8; advances *p.
char32_t decode_utf8(const char** p) {
  auto s = reinterpret_cast<const unsigned char*>(*p);
  char32_t c = s[0];
  int n = 1;
  if (c >= 0xF0) {
    c = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    n = 4;
  } else if (c >= 0xE0) {
    c = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    n = 3;
  } else if (c >= 0xC0) {
    c = ((c & 0x1F) << 6) | (s[1] & 0x3F);
    n = 2;
  }
  *p += n;
  return c;
}

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

// Number of characters PyUnicode_DecodeUTF8(s, n, "replace") yields: one per code point, one
// U+FFFD per maximal invalid subsequence (approximated by one per invalid byte).
int char_count(const char* s, ssize_t n) {
  auto p = reinterpret_cast<const unsigned char*>(s);
  auto end = p + n;
  int count = 0;
  while (p < end) {
    int len = valid_utf8(p, end);
    p += len ? len : 1;
    count++;
  }
  return count;
}

// PyUnicode_DecodeUTF8 with "replace", re-encoded: each maximal invalid subpart becomes
// one U+FFFD.
std::string decode_utf8_replace(const char* s, ssize_t n) {
  std::string out;
  auto p = reinterpret_cast<const unsigned char*>(s);
  auto end = p + n;
  while (p < end) {
    int len = valid_utf8(p, end);
    if (len) {
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(len));
      p += len;
      continue;
    }
    // The bytes of an incomplete but so far valid sequence go with its lead byte.
    unsigned char c = *p++;
    int need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
    for (int k = 0; k < need && p < end; k++) {
      unsigned char lo = 0x80, hi = 0xBF;
      if (k == 0) {
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      }
      if (*p < lo || *p > hi) break;
      p++;
    }
    out += "\xEF\xBF\xBD";
  }
  return out;
}

std::string uplus(char32_t c) { return format("U+%04X", static_cast<unsigned>(c)); }

}  // namespace

void set_source_decoder(SourceDecoder decoder) { source_decoder() = std::move(decoder); }
void set_source_codec(SourceCodec codec) { source_codec() = std::move(codec); }

const char* error_type_name(ErrorType t) {
  switch (t) {
    case ErrorType::kSyntaxError: return "SyntaxError";
    case ErrorType::kIndentationError: return "IndentationError";
    case ErrorType::kTabError: return "TabError";
  }
  return "SyntaxError";
}

// tokenizer_mode of state.h.
struct TokenizerMode {
  enum Kind { kRegular, kFString } kind = kRegular;
  int curly_bracket_depth = 0;
  int curly_bracket_expr_start_depth = -1;
  char quote = 0;
  int quote_size = 0;
  bool raw = false;
  bool is_tstring = false;  // string_kind == TSTRING
  const char* ftstring_start = nullptr;
  const char* ftstring_multi_line_start = nullptr;
  int ftstring_line_start = 0;
  // last_expr_buffer: the expression text starts at expr_start; expr_end is where the token
  // that ends it starts (null while open).
  const char* expr_start = nullptr;
  const char* expr_end = nullptr;
  bool in_format_spec = false;
  bool debug = false;
};

static bool inside_fstring_expr(const TokenizerMode* m) {
  return m->curly_bracket_expr_start_depth >= 0;
}

// get_normal_name of helpers.c.
std::string normalize_encoding_name(std::string_view s) {
  char buf[13];
  size_t i;
  for (i = 0; i < 12 && i < s.size(); i++) {
    char c = s[i];
    buf[i] = c == '_' ? '-' : static_cast<char>(to_lower(static_cast<unsigned char>(c)));
  }
  buf[i] = 0;
  std::string_view low(buf, i);
  bool full = s.size() <= 12;
  auto matches = [&](std::string_view name) {
    return (low == name && full) || low.substr(0, name.size() + 1) == std::string(name) + "-";
  };
  if (matches("utf-8")) return "utf-8";
  if (matches("latin-1") || matches("iso-8859-1") || matches("iso-latin-1")) return "iso-8859-1";
  return std::string(s);
}

Lexer::Lexer(std::string_view source, Input input, bool exec_input) : input_(input) {
  modes_ = new TokenizerMode[kMaxFStringLevel];
  if (input == Input::kFile) {
    // Read on the first next(), once the file's name is known (prepare_file).
    raw_.assign(source.data(), source.size());
    buf_ = cur_ = inp_ = next_line_ = data_.data();
    return;
  }
  if (decode_input(source)) {
    bool translate = input != Input::kReadline;
    std::string out;
    if (translate) {
      // translate_newlines of helpers.c: \r\n and \r become \n; exec input ends in \n.
      out.reserve(data_.size() + 1);
      for (size_t i = 0; i < data_.size(); i++) {
        char c = data_[i];
        if (c == '\r') {
          out.push_back('\n');
          if (i + 1 < data_.size() && data_[i + 1] == '\n') i++;
        } else {
          out.push_back(c);
        }
      }
      if (exec_input && !out.empty() && out.back() != '\n') out.push_back('\n');
      data_ = std::move(out);
    } else if (!data_.empty() && data_.back() != '\n') {
      size_t last = data_.rfind('\n');
      data_.push_back('\n');
      implicit_nl_line_ = data_.data() + (last == std::string::npos ? 0 : last + 1);
    }
  }
  buf_ = cur_ = inp_ = next_line_ = data_.data();
  if (implicit_nl_line_ == nullptr && input == Input::kReadline) implicit_nl_line_ = nullptr;
}

// _PyTokenizer_FromFile(stdin, enc, ps1, ps2): no line is read before the first token.
Lexer::Lexer(const InteractiveInput* input) : input_(Input::kInteractive), interactive_(input) {
  modes_ = new TokenizerMode[kMaxFStringLevel];
  encoding_ = input->encoding;
  prompt_ = &input->ps1;
  data_.reserve(kInteractiveBufferMin);
  buf_ = cur_ = inp_ = next_line_ = data_.data();
}

Lexer::~Lexer() { delete[] modes_; }

TokenizerMode* Lexer::mode() const { return &modes_[mode_index_]; }

char Lexer::string_prefix_char() const { return mode()->is_tstring ? 't' : 'f'; }

// decode_str / check_bom / check_coding_spec of Parser/tokenizer/helpers.c and
// string_tokenizer.c: BOM, PEP 263 cookie on the first two lines, conversion to UTF-8.
bool Lexer::decode_input(std::string_view src) {
  if (input_ == Input::kUtf8 || input_ == Input::kReadline) {
    data_.assign(src.data(), src.size());
    return true;
  }
  if (decode_source(src, filename_, &data_, &encoding_, &error_)) return true;
  done_ = errcode::kError;
  has_error_record_ = true;
  data_.clear();
  return false;
}

bool Lexer::decode_source(std::string_view src, const std::string& filename, std::string* data,
                          std::string* encoding, TokenizerError* error) {
  std::string& data_ = *data;
  std::string& encoding_ = *encoding;
  const std::string& filename_ = filename;
  encoding_.clear();
  bool bom = src.size() >= 3 && static_cast<unsigned char>(src[0]) == 0xEF &&
             static_cast<unsigned char>(src[1]) == 0xBB && static_cast<unsigned char>(src[2]) == 0xBF;
  if (bom) {
    src.remove_prefix(3);
    encoding_ = "utf-8";
  }
  auto fail = [&](std::string msg, int lineno, int offset, int end_lineno, int end_offset,
                  const char* line = nullptr) {
    *error = TokenizerError();
    error->type = ErrorType::kSyntaxError;
    error->message = std::move(msg);
    error->lineno = lineno;
    error->offset = offset;
    error->end_lineno = end_lineno;
    error->end_offset = end_offset;
    // _syntaxerror_range's text: the line without its newline, decoded with "replace"; the
    // initialisation errors (lineno 0) have none.
    if (line) {
      const char* e = static_cast<const char*>(
          std::memchr(line, '\n', static_cast<size_t>(src.data() + src.size() - line)));
      error->text = decode_utf8_replace(line, e ? e - line : src.data() + src.size() - line);
    } else {
      error->has_text = false;
    }
    data_.clear();
    return false;
  };
  // The first two lines (up to \n; \r\n is translated before in CPython, same effect here).
  size_t pos = 0;
  bool stop = false;
  std::string cookie;
  for (int line = 0; line < 2 && !stop && pos < src.size(); line++) {
    size_t nl = src.find('\n', pos);
    if (nl == std::string_view::npos) break;  // CPython looks only at complete lines
    std::string_view text = src.substr(pos, nl - pos + 1);
    pos = nl + 1;
    // get_coding_spec: a comment that is the only thing on its line.
    ssize_t size = static_cast<ssize_t>(text.size());
    ssize_t i = 0;
    bool is_comment_line = true;
    for (; i < size - 6; i++) {
      if (text[i] == '#') break;
      if (text[i] != ' ' && text[i] != '\t' && text[i] != '\014') {
        is_comment_line = false;
        break;
      }
    }
    std::string spec;
    if (is_comment_line) {
      for (; i < size - 6; i++) {
        if (text.compare(i, 6, "coding") != 0) continue;
        ssize_t t = i + 6;
        if (text[t] != ':' && text[t] != '=') continue;
        do {
          t++;
        } while (t < size && (text[t] == ' ' || text[t] == '\t'));
        ssize_t begin = t;
        while (t < size && (is_alnum(static_cast<unsigned char>(text[t])) || text[t] == '-' ||
                            text[t] == '_' || text[t] == '.'))
          t++;
        if (begin < t) {
          spec = normalize_encoding_name(text.substr(begin, t - begin));
          break;
        }
      }
    }
    if (spec.empty()) {
      // check_coding_spec: a line with anything but a comment ends the search.
      for (char ch : text) {
        if (ch == '#' || ch == '\n' || ch == '\r') break;
        if (ch != ' ' && ch != '\t' && ch != '\014') {
          stop = true;
          break;
        }
      }
      continue;
    }
    if (bom && spec != "utf-8") {
      std::string first(src.substr(0, src.find('\n')));
      if (!first.empty() && first.back() == '\r') first.pop_back();
      return fail("encoding problem: " + spec + " with BOM", 1, 0, 1,
                  char_count(first.data(), static_cast<ssize_t>(first.size())), src.data());
    }
    cookie = spec;
    break;
  }
  if (!cookie.empty()) encoding_ = cookie;
  if (encoding_.empty() || encoding_ == "utf-8") {
    // _PyTokenizer_ensure_utf8 over the whole input.
    auto p = reinterpret_cast<const unsigned char*>(src.data());
    auto end = p + src.size();
    auto line_start = p;
    int lineno = 1;
    for (auto c = p; c < end;) {
      int len = valid_utf8(c, end);
      if (!len) {
        int cursor = static_cast<int>(c - line_start) + 1;
        std::string msg = format("Non-UTF-8 code starting with '\\x%.2x'%s%s on line %d, "
                                 "but no encoding declared; see "
                                 "https://peps.python.org/pep-0263/ for details",
                                 *c, filename_.empty() ? "" : " in file ", filename_.c_str(),
                                 lineno);
        int col = char_count(reinterpret_cast<const char*>(line_start), cursor);
        return fail(msg, lineno, col, lineno, col, reinterpret_cast<const char*>(line_start));
      }
      if (*c == '\n') {
        lineno++;
        line_start = c + 1;
      }
      c += len;
    }
    data_.assign(src.data(), src.size());
    return true;
  }
  if (encoding_ == "iso-8859-1") {
    data_.clear();
    for (unsigned char ch : src) append_utf8(&data_, ch);
    return true;
  }
  if (encoding_ == "ascii" || encoding_ == "us-ascii") {
    for (size_t k = 0; k < src.size(); k++) {
      if (static_cast<unsigned char>(src[k]) >= 0x80) {
        return fail(format("'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not "
                           "in range(128)",
                           static_cast<unsigned char>(src[k]), k),
                    0, -1, kNoPosition, kNoPosition);
      }
    }
    data_.assign(src.data(), src.size());
    return true;
  }
  // _PyTokenizer_translate_into_utf8: the codec registry decodes the whole source.
  std::string err;
  std::string err_type;
  std::string out;
  if (source_decoder() && source_decoder()(encoding_, src, &out, &err, &err_type)) {
    data_ = std::move(out);
    return true;
  }
  // _PyPegen_raise_tokenizer_init_error: a LookupError or a decoding error becomes
  // SyntaxError(str(e), (file, 0, -1)); another exception stays what it is.
  if (err.empty() && err_type.empty()) err = "unknown encoding: " + encoding_;
  fail(err, 0, -1, kNoPosition, kNoPosition);
  error->exception_type = err_type;
  return false;
}

namespace {

// get_coding_spec of helpers.c: the normalized encoding a comment-only line declares, or "".
std::string get_coding_spec(std::string_view s) {
  ssize_t size = static_cast<ssize_t>(s.size());
  ssize_t i = 0;
  for (; i < size - 6; i++) {
    if (s[i] == '#') break;
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\014') return std::string();
  }
  for (; i < size - 6; i++) {
    if (s.compare(i, 6, "coding") != 0) continue;
    ssize_t t = i + 6;
    if (s[t] != ':' && s[t] != '=') continue;
    do {
      t++;
    } while (t < size && (s[t] == ' ' || s[t] == '\t'));
    ssize_t begin = t;
    while (t < size && (is_alnum(static_cast<unsigned char>(s[t])) || s[t] == '-' ||
                        s[t] == '_' || s[t] == '.'))
      t++;
    if (begin < t) return normalize_encoding_name(s.substr(begin, t - begin));
  }
  return std::string();
}

// _PyTokenizer_check_coding_spec's test for a line that ends the search: anything but blanks
// before a comment or the end of the line.
bool has_code(std::string_view s) {
  for (char ch : s) {
    if (ch == '#' || ch == '\n' || ch == '\r') return false;
    if (ch != ' ' && ch != '\t' && ch != '\014') return true;
  }
  return false;
}

// _Py_UniversalNewlineFgetsWithSize: the line at *pos ('\n', '\r\n' and '\r' end it, each
// read as '\n'); *pos moves past it.
std::string read_raw_line(std::string_view src, size_t* pos) {
  size_t i = *pos;
  while (i < src.size() && src[i] != '\n' && src[i] != '\r') i++;
  std::string line(src.substr(*pos, i - *pos));
  if (i < src.size()) {
    line.push_back('\n');
    if (src[i] == '\r' && i + 1 < src.size() && src[i + 1] == '\n') i++;
    i++;
  }
  *pos = i;
  return line;
}

}  // namespace

// tok_underflow_file of Parser/tokenizer/file_tokenizer.c (with _PyTokenizer_check_bom,
// _PyTokenizer_check_coding_spec and fp_setreadl), run over the whole file before the first
// token. Lines are read raw until a cookie names an encoding other than UTF-8; from then on
// they come from io.open(fd, encoding=cookie).readline (SourceCodec::read_lines), which
// decodes 8 KiB chunks, so a decoding error surfaces at the line whose chunk holds it. Raw
// lines are checked once the encoding is settled: with no encoding, UTF-8 (the "Non-UTF-8
// code" error); with a BOM or a utf-8 cookie, through the codec. data_ gets the lines read
// before an error, which waits in pending_ for the tokenizer to ask for the next line, as in
// CPython, so that an error earlier in the file comes first.
void Lexer::prepare_file() {
  file_prepared_ = true;
  std::string_view src = raw_;
  size_t pos = 0;
  std::string out;
  std::string enc;  // tok->encoding
  if (src.size() >= 3 && static_cast<unsigned char>(src[0]) == 0xEF &&
      static_cast<unsigned char>(src[1]) == 0xBB && static_cast<unsigned char>(src[2]) == 0xBF) {
    pos = 3;
    enc = "utf-8";
  }
  bool seek_coding = true;  // decoding_state != STATE_NORMAL
  bool reading_raw = true;  // tok->decoding_readline == NULL
  std::vector<std::string> lines;
  size_t next_line = 0;
  bool read_failed = false;
  CodecError read_error;
  int lineno = 0;
  size_t implicit_at = std::string::npos;
  size_t kept = 0;  // where tok->buf starts in out (the first line is kept for the check)
  const SourceCodec& codec = source_codec();

  auto pend = [&](TokenizerError e) {
    pending_ = std::move(e);
    pending_done_ = errcode::kDecode;  // _PyTokenizer_error_ret
    has_pending_ = true;
  };
  // _PyErr_ProgramDecodedTextObject: the file's line read back (at most 999 bytes) and
  // decoded with "replace"; "" when that fails or the source is stdin.
  auto program_text = [&](int target) {
    if (!file_text_from_file_ || target <= 0) return std::string();
    size_t p = 0;
    std::string line;
    for (int l = 1; l <= target; l++) {
      if (p >= src.size()) return std::string();
      line = read_raw_line(src, &p);
    }
    if (line.size() > 999) line.resize(999);
    std::string_view text = line;
    if (target == 1 && text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
      text.remove_prefix(3);
    std::string e = enc.empty() ? "utf-8" : enc;
    if (e == "utf-8") return decode_utf8_replace(text.data(), static_cast<ssize_t>(text.size()));
    std::string utf8;
    CodecError ignored;
    if (codec.decode && codec.decode(e, text, "replace", &utf8, &ignored)) return utf8;
    return std::string();
  };
  // E_DECODE as the parser reports it: _Pypegen_raise_decode_error's "(unicode error) ..."
  // on the error token (no column: 0, end -1), or the exception itself when the codec raised
  // neither a UnicodeError nor a ValueError.
  auto decode_error = [&](const CodecError& ce, int at) {
    TokenizerError e;
    e.raw_exception = ce.exception;
    if (ce.kind == CodecError::kOther) {
      e.exception_type = ce.type_name;
      e.message = ce.message;
    } else {
      e.message = std::string(ce.kind == CodecError::kUnicodeError ? "(unicode error) "
                                                                   : "(value error) ") +
                  ce.message;
      e.lineno = e.end_lineno = at;
      e.offset = 0;
      e.end_offset = -1;
      e.text = program_text(at);
    }
    pend(std::move(e));
  };

  for (;;) {
    bool raw = reading_raw;
    std::string line;
    if (raw) {
      if (pos >= src.size()) break;  // E_EOF
      line = read_raw_line(src, &pos);
    } else {
      if (next_line >= lines.size()) {
        if (read_failed) decode_error(read_error, lineno);
        break;
      }
      line = std::move(lines[next_line++]);
      if (line.empty()) break;
    }
    bool implicit = line.back() != '\n';
    if (implicit) line.push_back('\n');
    lineno++;
    if (raw && !seek_coding) kept = out.size();
    if (seek_coding) {
      std::string cs = get_coding_spec(line);
      if (cs.empty()) {
        if (has_code(line)) seek_coding = false;
      } else {
        seek_coding = false;
        if (enc.empty()) {
          if (cs != "utf-8") {
            // fp_setreadl: the codec's stream from the last byte of this line (ftell - 1).
            bool ok = file_seekable_ && codec.read_lines &&
                      codec.read_lines(cs, src.substr(pos - 1), &lines, &read_failed,
                                       &read_error);
            if (!ok) {
              TokenizerError e;
              e.message = "encoding problem: " + cs;
              e.bare = true;
              pend(std::move(e));
              break;
            }
            reading_raw = false;
          }
          enc = cs;
        } else if (enc != cs) {
          // The cookie contradicts the BOM: the line's range (its newline counted).
          TokenizerError e;
          e.message = "encoding problem: " + cs + " with BOM";
          e.lineno = e.end_lineno = lineno;
          e.offset = 0;
          e.end_offset = static_cast<int>(line.size());
          e.text = decode_utf8_replace(line.data(), static_cast<ssize_t>(line.size()) - 1);
          pend(std::move(e));
          break;
        }
      }
      if (lineno >= 2) seek_coding = false;
    }
    if (raw && !seek_coding) {
      // The first two lines are checked together (from tok->buf, counted from line 1, even
      // when tok->buf holds only the second: CPython then names line 1).
      std::string check = lineno <= 2 ? out.substr(kept) + line : line;
      int first = lineno <= 2 ? 1 : lineno;
      if (enc.empty()) {
        // _PyTokenizer_ensure_utf8.
        auto p = reinterpret_cast<const unsigned char*>(check.data());
        auto end = p + check.size();
        auto line_start = p;
        int l = first;
        int col = 0;
        const unsigned char* bad = nullptr;
        for (auto c = p; c < end;) {
          int len = valid_utf8(c, end);
          if (!len) {
            bad = c;
            break;
          }
          col++;
          if (*c == '\n') {
            l++;
            col = 0;
            line_start = c + 1;
          }
          c += len;
        }
        if (bad) {
          TokenizerError e;
          e.message = format("Non-UTF-8 code starting with '\\x%.2x'%s%s on line %d, but no "
                             "encoding declared; see https://peps.python.org/pep-0263/ for "
                             "details",
                             *bad, filename_.empty() ? "" : " in file ", filename_.c_str(), l);
          e.lineno = e.end_lineno = l;
          e.offset = e.end_offset = col + 1;
          auto nl = static_cast<const unsigned char*>(
              std::memchr(line_start, '\n', static_cast<size_t>(end - line_start)));
          e.text = decode_utf8_replace(reinterpret_cast<const char*>(line_start),
                                       (nl ? nl : end) - line_start);
          pend(std::move(e));
          break;
        }
      } else {
        std::string utf8;
        CodecError ce;
        bool ok = false;
        if (enc == "utf-8") {
          // PyUnicode_Decode(line, "utf-8"): the same check with the codec's message.
          auto p = reinterpret_cast<const unsigned char*>(check.data());
          auto end = p + check.size();
          ok = true;
          for (auto c = p; c < end;) {
            int len = valid_utf8(c, end);
            if (!len) {
              ok = false;
              break;
            }
            c += len;
          }
          if (!ok && codec.decode) {
            ok = codec.decode(enc, check, "strict", &utf8, &ce);
          } else if (!ok) {
            ce.kind = CodecError::kUnicodeError;
            ce.message = "'utf-8' codec can't decode the source";
          }
        } else if (codec.decode) {
          ok = codec.decode(enc, check, "strict", &utf8, &ce);
        } else {
          ce.kind = CodecError::kOther;
          ce.type_name = "LookupError";
          ce.message = "unknown encoding: " + enc;
        }
        if (!ok) {
          decode_error(ce, lineno);
          break;
        }
      }
    }
    size_t line_begin = out.size();
    if (!raw || enc.empty() || enc == "utf-8") {
      out += line;
    } else {
      // A raw line in the cookie's encoding (the cookie line itself, or the two first lines):
      // the tokenizer sees its UTF-8.
      std::string utf8;
      CodecError ce;
      if (codec.decode && codec.decode(enc, line, "strict", &utf8, &ce)) {
        out += utf8;
      } else {
        out += line;
      }
    }
    if (implicit) implicit_at = line_begin;
  }
  data_ = std::move(out);
  buf_ = cur_ = inp_ = next_line_ = data_.data();
  if (implicit_at != std::string::npos) implicit_nl_line_ = data_.data() + implicit_at;
  encoding_ = enc;
}

// _PyLexer_tok_reserve_buf's pointer fix-up: the buffer moved from old_base to new_base.
void Lexer::relocate(const char* old_base, size_t old_size, const char* new_base) {
  auto fix = [&](const char*& ptr) {
    if (ptr && ptr >= old_base && ptr <= old_base + old_size) ptr = new_base + (ptr - old_base);
  };
  fix(buf_);
  fix(cur_);
  fix(inp_);
  fix(start_);
  fix(line_start_);
  fix(multi_line_start_);
  fix(next_line_);
  // _PyLexer_remember_fstring_buffers / _PyLexer_restore_fstring_buffers.
  for (int i = 0; i <= mode_index_; i++) {
    fix(modes_[i].ftstring_start);
    fix(modes_[i].ftstring_multi_line_start);
    fix(modes_[i].expr_start);
    fix(modes_[i].expr_end);
  }
}

// tok_underflow_interactive of Parser/tokenizer/file_tokenizer.c: a line from the prompt
// (PyOS_Readline with the prompt, then the next prompt for every later line), its newlines
// translated and decoded from the input's encoding, added to the source read so far. Outside
// a token the line replaces the buffer; inside one (a triple-quoted string, a backslash
// continuation, an f-string) it is appended, so the token stays contiguous. Replaced buffers
// are kept: the parser's tokens are views into them.
bool Lexer::underflow_interactive() {
  if (interactive_stop_) {
    done_ = errcode::kInteractStop;
    return true;
  }
  std::string raw;
  bool got = interactive_->readline(prompt_->c_str(), &raw) == 0;
  std::string line;
  if (got) {
    // _PyTokenizer_translate_newlines(s, exec_input=0, preserve_crlf=0): up to a NUL byte.
    size_t n = std::strlen(raw.c_str());
    line.reserve(n);
    for (size_t i = 0; i < n; i++) {
      char c = raw[i];
      if (c == '\r') {
        line.push_back('\n');
        if (i + 1 < n && raw[i + 1] == '\n') i++;
      } else {
        line.push_back(c);
      }
    }
    if (!encoding_.empty() && !line.empty()) {
      // _PyTokenizer_translate_into_utf8 (errors "strict").
      std::string utf8;
      CodecError ce;
      const SourceCodec& codec = source_codec();
      bool ok = false;
      if (codec.decode) {
        ok = codec.decode(encoding_, line, "strict", &utf8, &ce);
      } else {
        ce.kind = CodecError::kOther;
        ce.type_name = "LookupError";
        ce.message = "unknown encoding: " + encoding_;
      }
      if (!ok) {
        decode_error_ = std::move(ce);
        has_decode_error_ = true;
        done_ = errcode::kDecode;
        return false;
      }
      line = std::move(utf8);
    }
    // tok_concatenate_interactive_new_line: the source gets a newline after a last line
    // without one (and after end of file's empty line).
    interactive_src_ += line;
    implicit_newline_ = false;
    if (line.empty() || line.back() != '\n') {
      interactive_src_.push_back('\n');
      implicit_newline_ = true;
    }
  }
  prompt_ = &interactive_->ps2;
  if (!got) {
    done_ = errcode::kIntr;
  } else if (line.empty()) {
    done_ = errcode::kEof;
  } else if (start_ != nullptr || mode_index_ > 0) {
    // Appended: cur == inp here. Past the capacity the buffer moves (its old copy kept).
    lineno_++;
    col_offset_ = 0;
    size_t used = static_cast<size_t>(inp_ - data_.data());
    if (used + line.size() > data_.capacity()) {
      std::string bigger;
      bigger.reserve(std::max(2 * data_.capacity(), used + line.size() + kInteractiveBufferMin));
      bigger.assign(data_, 0, used);
      const char* old_base = data_.data();
      size_t old_size = data_.size();
      retired_.push_back(std::move(data_));
      data_ = std::move(bigger);
      relocate(old_base, old_size, data_.data());
    } else {
      data_.resize(used);
    }
    data_ += line;
    inp_ = data_.data() + data_.size();
  } else {
    lineno_++;
    col_offset_ = 0;
    std::string fresh;
    fresh.reserve(std::max(line.size(), kInteractiveBufferMin));
    fresh.append(line);
    retired_.push_back(std::move(data_));
    data_ = std::move(fresh);
    buf_ = cur_ = line_start_ = data_.data();
    inp_ = data_.data() + data_.size();
  }
  if (done_ != errcode::kOk) {
    if (interactive_->end_prompt_line) interactive_->end_prompt_line();
    return false;
  }
  return true;
}

// tok_underflow_string / tok_underflow_readline: make the next line available.
bool Lexer::underflow() {
  if (input_ == Input::kInteractive) return underflow_interactive();
  if (input_ == Input::kReadline) {
    if (start_ == nullptr && mode_index_ == 0) buf_ = cur_;
  }
  const char* end = data_.data() + data_.size();
  if (next_line_ >= end) {
    if (has_pending_) {
      // The file tokenizer failed to read this line (prepare_file).
      has_pending_ = false;
      error_ = pending_;
      has_error_record_ = true;
      done_ = pending_done_;
      return false;
    }
    done_ = errcode::kEof;
    return false;
  }
  // tok_underflow_string moves buf to the new line only once there is one: at the end of
  // the input buf still starts the last line (the error line of a SyntaxError raised there).
  if (input_ != Input::kReadline && start_ == nullptr) buf_ = cur_;
  const char* nl = static_cast<const char*>(std::memchr(next_line_, '\n', end - next_line_));
  const char* line_end = nl ? nl + 1 : end;
  implicit_newline_ = (input_ == Input::kReadline || input_ == Input::kFile) &&
                      next_line_ == implicit_nl_line_;
  lineno_++;
  col_offset_ = 0;
  inp_ = line_end;
  next_line_ = line_end;
  return true;
}

// tok_nextc.
int Lexer::nextc() {
  for (;;) {
    if (cur_ != inp_) {
      if (static_cast<unsigned>(col_offset_) >= static_cast<unsigned>(INT_MAX)) {
        done_ = errcode::kColumnOverflow;
        return kEOF;
      }
      col_offset_++;
      return static_cast<unsigned char>(*cur_++);
    }
    if (done_ != errcode::kOk) return kEOF;
    if (!underflow()) {
      cur_ = inp_;
      return kEOF;
    }
    line_start_ = cur_;
    if (std::memchr(line_start_, 0, inp_ - line_start_) != nullptr) {
      syntax_error("source code cannot contain null bytes");
      cur_ = inp_;
      return kEOF;
    }
  }
}

// tok_backup.
void Lexer::backup(int c) {
  if (c != kEOF) {
    --cur_;
    col_offset_--;
  }
}

// ---- errors (Parser/tokenizer/helpers.c) ------------------------------------------------------

// _syntaxerror_range: offsets in characters of the current line up to cur.
int Lexer::syntax_error_known_range(int col_offset, int end_col_offset,
                                    const std::string& message) {
  if (done_ == errcode::kError || done_ == errcode::kDecode) return ERRORTOKEN;
  error_ = TokenizerError();
  error_.type = ErrorType::kSyntaxError;
  error_.message = message;
  if (col_offset == -1) col_offset = char_count(line_start_, cur_ - line_start_);
  if (end_col_offset == -1) end_col_offset = col_offset;
  // strcspn(line_start, "\n"): the text also stops at a NUL byte.
  const char* end = data_.data() + data_.size();
  const char* nl = line_start_;
  while (nl < end && *nl != '\n' && *nl != '\0') nl++;
  error_.text.assign(line_start_, nl);
  error_.lineno = lineno_;
  error_.offset = col_offset;
  error_.end_lineno = lineno_;
  error_.end_offset = end_col_offset;
  done_ = errcode::kError;
  has_error_record_ = true;
  return ERRORTOKEN;
}

int Lexer::syntax_error(const std::string& message) {
  return syntax_error_known_range(-1, -1, message);
}

int Lexer::indent_error() {
  done_ = errcode::kTabSpace;
  cur_ = inp_;
  return ERRORTOKEN;
}

// _PyTokenizer_parser_warn: true if the lexer may go on.
bool Lexer::parser_warn(const std::string& message) {
  if (!warn_) return true;
  if (warn_("SyntaxWarning", message, lineno_) < 0) {
    syntax_error(message);
    done_ = errcode::kError;
    return false;
  }
  return true;
}

// _PyTokenizer_warn_invalid_escape_sequence: true on error.
bool Lexer::warn_invalid_escape_sequence(int c) {
  if (!warn_) return false;
  std::string msg = format(
      "\"\\%c\" is an invalid escape sequence. Such sequences will not work in the future. "
      "Did you mean \"\\\\%c\"? A raw string is also an option.",
      c, c);
  if (warn_("SyntaxWarning", msg, lineno_) < 0) {
    syntax_error(format("\"\\%c\" is an invalid escape sequence. Did you mean \"\\\\%c\"? A raw "
                        "string is also an option.",
                        c, c));
    return true;
  }
  return false;
}

// get_error_line_from_tokenizer_buffers for the prompt: line lineno of the source read so far,
// without its newline.
std::string Lexer::interactive_line(int lineno) const {
  const char* cur = interactive_src_.data();
  const char* end = cur + interactive_src_.size();
  for (int i = 0; i < lineno - 1; i++) {
    const char* nl = static_cast<const char*>(std::memchr(cur, '\n', end - cur));
    if (!nl || nl + 1 > end) break;
    cur = nl + 1;
  }
  const char* nl = static_cast<const char*>(std::memchr(cur, '\n', end - cur));
  return std::string(cur, nl ? nl : end);
}

// What the parser raises for the tokenizer's state after ERRORTOKEN: the tokenizer's own
// SyntaxError, or _Pypegen_tokenizer_error's translation of tok->done (positions as
// RAISE_ERROR_KNOWN_LOCATION computes them from the tokenizer's buffer; at the prompt, from
// the source read so far).
TokenizerError Lexer::error() const {
  // The tokenizer raised its own SyntaxError (done may have moved on to E_EOFS/E_EOLS).
  if (has_error_record_) return error_;
  TokenizerError e;
  const char* end = data_.data() + data_.size();
  // The error line as _PyPegen_raise_error_known_location takes it: the tokenizer's current
  // line up to the end of what it read (newline included) when the error is on that line,
  // else the line from the source buffer without its newline
  // (get_error_line_from_tokenizer_buffers).
  auto line_text = [&](const char* from, int lineno) {
    const char* nl = static_cast<const char*>(std::memchr(from, '\n', end - from));
    if (from == line_start_ || lineno_ <= lineno) return std::string(from, nl ? nl + 1 : end);
    return std::string(from, nl ? nl : end);
  };
  // _PyPegen_raise_error_known_location with 1-based byte columns -> characters.
  auto known = [&](ErrorType type, const std::string& msg, int lineno, int col, int end_lineno,
                   int end_col, const char* line) {
    e.type = type;
    e.message = msg;
    e.lineno = lineno;
    e.end_lineno = end_lineno;
    std::string text = line ? line_text(line, lineno) : std::string();
    if (input_ == Input::kInteractive) text = interactive_line(lineno);
    auto to_chars = [&](int byte_col) {
      int len = static_cast<int>(text.size());
      if (byte_col > len + 1) byte_col = len + 1;
      if (byte_col <= len) return char_count(text.data(), byte_col);
      return char_count(text.data(), len) + (byte_col - len);
    };
    e.offset = to_chars(col);
    e.end_offset = end_col > 0 ? to_chars(end_col) : end_col;
    if (end_col < 0) e.end_offset = -1;
    e.text = text;
  };
  switch (done_) {
    case errcode::kEof:
      if (level_) {
        // raise_unclosed_parentheses_error.
        int lineno = parenlinenostack_[level_ - 1];
        int col = parencolstack_[level_ - 1];
        const char* line = data_.data();
        for (int l = 1; l < lineno && line < end; l++) {
          const char* nl = static_cast<const char*>(std::memchr(line, '\n', end - line));
          line = nl ? nl + 1 : end;
        }
        known(ErrorType::kSyntaxError, format("'%c' was never closed", parenstack_[level_ - 1]),
              lineno, col + 1, lineno, 0, line);
      } else {
        // RAISE_SYNTAX_ERROR on the error token, which has no position: _PyPegen_raise_error
        // takes the column from the tokenizer's cursor and leaves the end unknown (-1).
        known(ErrorType::kSyntaxError, "unexpected EOF while parsing", lineno_,
              cur_ == buf_ ? 0 : static_cast<int>(cur_ - line_start_), lineno_, -1, line_start_);
      }
      break;
    case errcode::kDedent:
      // RAISE_INDENTATION_ERROR: _PyPegen_raise_error on the error token, as above.
      known(ErrorType::kIndentationError, "unindent does not match any outer indentation level",
            lineno_, cur_ == buf_ ? 0 : static_cast<int>(cur_ - line_start_), lineno_, -1,
            line_start_);
      break;
    case errcode::kTabSpace:
      known(ErrorType::kTabError, "inconsistent use of tabs and spaces in indentation", lineno_,
            1, lineno_, 0, line_start_);
      break;
    case errcode::kTooDeep:
      known(ErrorType::kIndentationError, "too many levels of indentation", lineno_, 1, lineno_,
            0, line_start_);
      break;
    case errcode::kLineCont:
      known(ErrorType::kSyntaxError, "unexpected character after line continuation character",
            lineno_, static_cast<int>(cur_ - buf_ - 1) + 1, lineno_, 0, line_start_);
      break;
    case errcode::kColumnOverflow:
      known(ErrorType::kSyntaxError, "Parser column offset overflow - source line is too big",
            lineno_, 1, lineno_, 0, line_start_);
      break;
    default:
      known(ErrorType::kSyntaxError, "unknown parsing error", lineno_, 1, lineno_, 0,
            line_start_);
      break;
  }
  return e;
}

// ---- tokens (Parser/lexer/state.c) ---------------------------------------------------------

// _PyLexer_token_setup.
int Lexer::make_token(Token* token, int type, const char* p_start, const char* p_end) {
  token->level = level_;
  token->lineno = is_string_literal(type) ? first_lineno_ : lineno_;
  token->end_lineno = lineno_;
  token->col_offset = token->end_col_offset = -1;
  token->start = p_start;
  token->end = p_end;
  if (p_start != nullptr && p_end != nullptr) {
    token->col_offset = starting_col_offset_;
    token->end_col_offset = col_offset_;
  }
  return type;
}

// _PyLexer_type_comment_token_setup.
int Lexer::make_type_comment_token(Token* token, int type, int col, int end_col,
                                   const char* p_start, const char* p_end) {
  token->level = level_;
  token->lineno = token->end_lineno = lineno_;
  token->col_offset = col;
  token->end_col_offset = end_col;
  token->start = p_start;
  token->end = p_end;
  return type;
}

// ---- lexer.c -----------------------------------------------------------------------------

// set_ftstring_expr: attach the debug expression text to the token ending it.
bool Lexer::set_fstring_expr(Token* token, char c) {
  (void)c;
  TokenizerMode* m = mode();
  if (!(m->debug || m->is_tstring) || token->has_metadata) return true;
  if (!m->expr_start || !m->expr_end) return true;
  std::string_view expr(m->expr_start, static_cast<size_t>(m->expr_end - m->expr_start));
  std::string result;
  if (expr.find('#') != std::string_view::npos) {
    // Comments are dropped, their newlines kept.
    for (size_t i = 0; i < expr.size(); i++) {
      if (expr[i] == '#') {
        while (i < expr.size() && expr[i] != '\0') {
          if (expr[i] == '\n') {
            result.push_back('\n');
            break;
          }
          i++;
        }
      } else {
        result.push_back(expr[i]);
      }
    }
  } else {
    result.assign(expr);
  }
  token->has_metadata = true;
  token->metadata = std::move(result);
  return true;
}

// _PyLexer_update_ftstring_expr.
bool Lexer::update_fstring_expr(char cur) {
  TokenizerMode* m = mode();
  switch (cur) {
    case '{':
      m->expr_start = cur_;
      m->expr_end = nullptr;
      break;
    case '}':
    case '!':
    case ':':
      // The first of these after the '{' ends the expression ("x=" in f"{x=!r:>10}").
      if (m->expr_end == nullptr) m->expr_end = start_;
      break;
    default:
      break;
  }
  return true;
}

// lookahead.
bool Lexer::lookahead(const char* test) {
  const char* s = test;
  bool res = false;
  for (;;) {
    int c = nextc();
    if (*s == 0) {
      res = !is_potential_identifier_char(c);
    } else if (c == static_cast<unsigned char>(*s)) {
      s++;
      continue;
    }
    backup(c);
    while (s != test) backup(static_cast<unsigned char>(*--s));
    return res;
  }
}

// verify_end_of_number.
bool Lexer::verify_end_of_number(int c, const char* kind) {
  if (extra_tokens_) return true;
  bool r = false;
  if (c == 'a') {
    r = lookahead("nd");
  } else if (c == 'e') {
    r = lookahead("lse");
  } else if (c == 'f') {
    r = lookahead("or");
  } else if (c == 'i') {
    int c2 = nextc();
    if (c2 == 'f' || c2 == 'n' || c2 == 's') r = true;
    backup(c2);
  } else if (c == 'o') {
    r = lookahead("r");
  } else if (c == 'n') {
    r = lookahead("ot");
  }
  if (r) {
    backup(c);
    if (!parser_warn(format("invalid %s literal", kind))) return false;
    nextc();
  } else if (c < 128 && is_potential_identifier_char(c)) {
    backup(c);
    syntax_error(format("invalid %s literal", kind));
    return false;
  }
  return true;
}

// verify_identifier: PEP 3131 (XID_Start XID_Continue*).
bool Lexer::verify_identifier() {
  if (extra_tokens_) return true;
  // Validate UTF-8 first (the decode in CPython); the input was checked already.
  const char* p = start_;
  std::u32string chars;
  while (p < cur_) {
    int len = valid_utf8(reinterpret_cast<const unsigned char*>(p),
                         reinterpret_cast<const unsigned char*>(cur_));
    if (!len) {
      done_ = errcode::kDecode;
      return false;
    }
    chars.push_back(decode_utf8(&p));
  }
  size_t invalid = chars.size();
  for (size_t i = 0; i < chars.size(); i++) {
    // _PyUnicode_ScanIdentifier: the first character may also be '_'.
    bool ok = i == 0 ? (chars[i] == U'_' || unicode::is_xid_start(chars[i]))
                     : unicode::is_xid_continue(chars[i]);
    if (!ok) {
      invalid = i;
      break;
    }
  }
  if (invalid < chars.size()) {
    char32_t ch = chars[invalid];
    if (invalid + 1 < chars.size()) {
      // Point just after the invalid character.
      const char* q = start_;
      for (size_t i = 0; i <= invalid; i++) decode_utf8(&q);
      col_offset_ -= static_cast<int>(cur_ - q);
      cur_ = q;
    }
    std::string utf8;
    append_utf8(&utf8, ch);
    if (unicode::is_printable(ch)) {
      syntax_error("invalid character '" + utf8 + "' (" + uplus(ch) + ")");
    } else {
      syntax_error("invalid non-printable character " + uplus(ch));
    }
    return false;
  }
  return true;
}

// tok_decimal_tail: 0 on error.
int Lexer::decimal_tail() {
  int c;
  for (;;) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') break;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      syntax_error("invalid decimal literal");
      return 0;
    }
  }
  return c;
}

// tok_continuation_line: -1 on error.
int Lexer::continuation_line() {
  int c = nextc();
  if (c == '\r') c = nextc();
  if (c != '\n') {
    done_ = errcode::kLineCont;
    return -1;
  }
  c = nextc();
  if (c == kEOF) {
    done_ = errcode::kEof;
    cur_ = inp_;
    return -1;
  }
  backup(c);
  return c;
}

// maybe_raise_syntax_error_for_string_prefixes: -1 after an error.
int Lexer::check_string_prefixes(bool b, bool r, bool u, bool f, bool t) {
  const char* pair = nullptr;
  if (u && b) pair = "'u' and 'b'";
  else if (u && r) pair = "'u' and 'r'";
  else if (u && f) pair = "'u' and 'f'";
  else if (u && t) pair = "'u' and 't'";
  else if (b && f) pair = "'b' and 'f'";
  else if (b && t) pair = "'b' and 't'";
  else if (f && t) pair = "'f' and 't'";
  if (!pair) return 0;
  syntax_error_known_range(static_cast<int>(start_ + 1 - line_start_),
                           static_cast<int>(cur_ - line_start_),
                           std::string(pair) + " prefixes are incompatible");
  return -1;
}

// tok_get_normal_mode.
int Lexer::get_normal_mode(TokenizerMode* current_tok, Token* token) {
  int c;
  bool blankline, nonascii;
  const char* p_start = nullptr;
  const char* p_end = nullptr;
#define MAKE_TOKEN(type) make_token(token, (type), p_start, p_end)
nextline:
  start_ = nullptr;
  starting_col_offset_ = -1;
  blankline = false;

  // Get indentation level.
  if (atbol_) {
    int col = 0, altcol = 0, cont_line_col = 0;
    atbol_ = false;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        col++, altcol++;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        altcol = (altcol / kAltTabSize + 1) * kAltTabSize;
      } else if (c == '\014') {
        col = altcol = 0;
      } else if (c == '\\') {
        // The first backslash after whitespace sets the indentation of what follows.
        cont_line_col = cont_line_col ? cont_line_col : col;
        if ((c = continuation_line()) == -1) return MAKE_TOKEN(ERRORTOKEN);
      } else {
        break;
      }
    }
    backup(c);
    if (c == '#' || c == '\n' || c == '\r') {
      // Lines with only whitespace and/or comments do not affect the indentation, except
      // at the prompt: an empty line ends a compound statement, and a first line of spaces
      // or a comment is a statement of its own.
      bool prompting = input_ == Input::kInteractive;
      if (col == 0 && c == '\n' && prompting) {
        blankline = false;
      } else if (prompting && lineno_ == 1) {
        blankline = false;
        col = altcol = 0;
      } else {
        blankline = true;
      }
    }
    if (!blankline && level_ == 0) {
      col = cont_line_col ? cont_line_col : col;
      altcol = cont_line_col ? cont_line_col : altcol;
      if (col == indstack_[indent_]) {
        if (altcol != altindstack_[indent_]) return MAKE_TOKEN(indent_error());
      } else if (col > indstack_[indent_]) {
        if (indent_ + 1 >= kMaxIndent) {
          done_ = errcode::kTooDeep;
          cur_ = inp_;
          return MAKE_TOKEN(ERRORTOKEN);
        }
        if (altcol <= altindstack_[indent_]) return MAKE_TOKEN(indent_error());
        pendin_++;
        indstack_[++indent_] = col;
        altindstack_[indent_] = altcol;
      } else {
        while (indent_ > 0 && col < indstack_[indent_]) {
          pendin_--;
          indent_--;
        }
        if (col != indstack_[indent_]) {
          done_ = errcode::kDedent;
          cur_ = inp_;
          return MAKE_TOKEN(ERRORTOKEN);
        }
        if (altcol != altindstack_[indent_]) return MAKE_TOKEN(indent_error());
      }
    }
  }

  start_ = cur_;
  starting_col_offset_ = col_offset_;

  // Return pending indents/dedents.
  if (pendin_ != 0) {
    if (pendin_ < 0) {
      if (extra_tokens_) {
        p_start = cur_;
        p_end = cur_;
      }
      pendin_++;
      return MAKE_TOKEN(DEDENT);
    }
    if (extra_tokens_) {
      p_start = buf_;
      p_end = cur_;
    }
    pendin_--;
    return MAKE_TOKEN(INDENT);
  }

  // Peek ahead at the next character.
  c = nextc();
  backup(c);

again:
  start_ = nullptr;
  do {
    c = nextc();
  } while (c == ' ' || c == '\t' || c == '\014');

  start_ = cur_ - 1;
  starting_col_offset_ = col_offset_ - 1;

  // Skip comment, unless it's a type comment.
  if (c == '#') {
    const char* p = nullptr;
    while (c != kEOF && c != '\n' && c != '\r') c = nextc();
    if (extra_tokens_) p = start_;
    if (type_comments_) {
      p = start_;
      int current_starting_col_offset = starting_col_offset_;
      const char* prefix = kTypeCommentPrefix;
      while (*prefix && p < cur_) {
        if (*prefix == ' ') {
          while (*p == ' ' || *p == '\t') {
            p++;
            current_starting_col_offset++;
          }
        } else if (*prefix == *p) {
          p++;
          current_starting_col_offset++;
        } else {
          break;
        }
        prefix++;
      }
      if (!*prefix) {
        const char* ignore_end = p + 6;
        const int ignore_end_col_offset = current_starting_col_offset + 6;
        backup(c);
        const char* type_start = p;
        bool is_type_ignore =
            cur_ >= ignore_end && std::memcmp(p, "ignore", 6) == 0 &&
            !(cur_ > ignore_end && (static_cast<unsigned char>(ignore_end[0]) >= 128 ||
                                    is_alnum(static_cast<unsigned char>(ignore_end[0]))));
        if (is_type_ignore) {
          p_start = ignore_end;
          p_end = cur_;
          if (blankline) {
            nextc();
            atbol_ = true;
          }
          return make_type_comment_token(token, TYPE_IGNORE, ignore_end_col_offset, col_offset_,
                                         p_start, p_end);
        }
        p_start = type_start;
        p_end = cur_;
        return make_type_comment_token(token, TYPE_COMMENT, current_starting_col_offset,
                                       col_offset_, p_start, p_end);
      }
    }
    if (extra_tokens_) {
      backup(c);
      p_start = p;
      p_end = cur_;
      comment_newline_ = blankline;
      return MAKE_TOKEN(COMMENT);
    }
  }

  if (done_ == errcode::kInteractStop) return MAKE_TOKEN(ENDMARKER);

  // Check for EOF and errors now.
  if (c == kEOF) {
    if (level_) return MAKE_TOKEN(ERRORTOKEN);
    return MAKE_TOKEN(done_ == errcode::kEof ? ENDMARKER : ERRORTOKEN);
  }

  // Identifier (most frequent token!).
  nonascii = false;
  if (is_potential_identifier_start(c)) {
    // String prefixes: any combination, incompatible ones reported.
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false, saw_t = false;
    for (;;) {
      if (!saw_b && (c == 'b' || c == 'B')) saw_b = true;
      else if (!saw_u && (c == 'u' || c == 'U')) saw_u = true;
      else if (!saw_r && (c == 'r' || c == 'R')) saw_r = true;
      else if (!saw_f && (c == 'f' || c == 'F')) saw_f = true;
      else if (!saw_t && (c == 't' || c == 'T')) saw_t = true;
      else break;
      c = nextc();
      if (c == '"' || c == '\'') {
        if (check_string_prefixes(saw_b, saw_r, saw_u, saw_f, saw_t) < 0) {
          return MAKE_TOKEN(ERRORTOKEN);
        }
        if (saw_f || saw_t) goto f_string_quote;
        goto letter_quote;
      }
    }
    while (is_potential_identifier_char(c)) {
      if (c >= 128) nonascii = true;
      c = nextc();
    }
    backup(c);
    if (nonascii && !verify_identifier()) return MAKE_TOKEN(ERRORTOKEN);
    p_start = start_;
    p_end = cur_;
    return MAKE_TOKEN(NAME);
  }

  if (c == '\r') c = nextc();

  // Newline.
  if (c == '\n') {
    atbol_ = true;
    if (blankline || level_ > 0) {
      if (extra_tokens_) {
        if (comment_newline_) comment_newline_ = false;
        p_start = start_;
        p_end = cur_;
        return MAKE_TOKEN(NL);
      }
      goto nextline;
    }
    if (comment_newline_ && extra_tokens_) {
      comment_newline_ = false;
      p_start = start_;
      p_end = cur_;
      return MAKE_TOKEN(NL);
    }
    p_start = start_;
    p_end = cur_ - 1;  // leave '\n' out of the string
    cont_line_ = false;
    return MAKE_TOKEN(NEWLINE);
  }

  // Period or number starting with period?
  if (c == '.') {
    c = nextc();
    if (is_digit(c)) goto fraction;
    if (c == '.') {
      c = nextc();
      if (c == '.') {
        p_start = start_;
        p_end = cur_;
        return MAKE_TOKEN(ELLIPSIS);
      }
      backup(c);
      backup('.');
    } else {
      backup(c);
    }
    p_start = start_;
    p_end = cur_;
    return MAKE_TOKEN(DOT);
  }

  // Number.
  if (is_digit(c)) {
    if (c == '0') {
      // Hex, octal or binary -- maybe.
      c = nextc();
      if (c == 'x' || c == 'X') {
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (!is_xdigit(c)) {
            backup(c);
            return MAKE_TOKEN(syntax_error("invalid hexadecimal literal"));
          }
          do {
            c = nextc();
          } while (is_xdigit(c));
        } while (c == '_');
        if (!verify_end_of_number(c, "hexadecimal")) return MAKE_TOKEN(ERRORTOKEN);
      } else if (c == 'o' || c == 'O') {
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (c < '0' || c >= '8') {
            if (is_digit(c)) {
              return MAKE_TOKEN(syntax_error(format("invalid digit '%c' in octal literal", c)));
            }
            backup(c);
            return MAKE_TOKEN(syntax_error("invalid octal literal"));
          }
          do {
            c = nextc();
          } while ('0' <= c && c < '8');
        } while (c == '_');
        if (is_digit(c)) {
          return MAKE_TOKEN(syntax_error(format("invalid digit '%c' in octal literal", c)));
        }
        if (!verify_end_of_number(c, "octal")) return MAKE_TOKEN(ERRORTOKEN);
      } else if (c == 'b' || c == 'B') {
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (c != '0' && c != '1') {
            if (is_digit(c)) {
              return MAKE_TOKEN(syntax_error(format("invalid digit '%c' in binary literal", c)));
            }
            backup(c);
            return MAKE_TOKEN(syntax_error("invalid binary literal"));
          }
          do {
            c = nextc();
          } while (c == '0' || c == '1');
        } while (c == '_');
        if (is_digit(c)) {
          return MAKE_TOKEN(syntax_error(format("invalid digit '%c' in binary literal", c)));
        }
        if (!verify_end_of_number(c, "binary")) return MAKE_TOKEN(ERRORTOKEN);
      } else {
        bool nonzero = false;
        // Maybe old-style octal; in any case, allow '0' as a literal.
        for (;;) {
          if (c == '_') {
            c = nextc();
            if (!is_digit(c)) {
              backup(c);
              return MAKE_TOKEN(syntax_error("invalid decimal literal"));
            }
          }
          if (c != '0') break;
          c = nextc();
        }
        const char* zeros_end = cur_;
        if (is_digit(c)) {
          nonzero = true;
          c = decimal_tail();
          if (c == 0) return MAKE_TOKEN(ERRORTOKEN);
        }
        if (c == '.') {
          c = nextc();
          goto fraction;
        } else if (c == 'e' || c == 'E') {
          goto exponent;
        } else if (c == 'j' || c == 'J') {
          goto imaginary;
        } else if (nonzero && !extra_tokens_) {
          // Old-style octal: now disallowed.
          backup(c);
          return MAKE_TOKEN(syntax_error_known_range(
              static_cast<int>(start_ + 1 - line_start_),
              static_cast<int>(zeros_end - line_start_),
              "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
              "for octal integers"));
        }
        if (!verify_end_of_number(c, "decimal")) return MAKE_TOKEN(ERRORTOKEN);
      }
    } else {
      // Decimal.
      c = decimal_tail();
      if (c == 0) return MAKE_TOKEN(ERRORTOKEN);
      {
        // Accept floating-point numbers.
        if (c == '.') {
          c = nextc();
        fraction:
          if (is_digit(c)) {
            c = decimal_tail();
            if (c == 0) return MAKE_TOKEN(ERRORTOKEN);
          }
        }
        if (c == 'e' || c == 'E') {
          int e;
        exponent:
          e = c;
          c = nextc();
          if (c == '+' || c == '-') {
            c = nextc();
            if (!is_digit(c)) {
              backup(c);
              return MAKE_TOKEN(syntax_error("invalid decimal literal"));
            }
          } else if (!is_digit(c)) {
            backup(c);
            if (!verify_end_of_number(e, "decimal")) return MAKE_TOKEN(ERRORTOKEN);
            backup(e);
            p_start = start_;
            p_end = cur_;
            return MAKE_TOKEN(NUMBER);
          }
          c = decimal_tail();
          if (c == 0) return MAKE_TOKEN(ERRORTOKEN);
        }
        if (c == 'j' || c == 'J') {
        imaginary:
          c = nextc();
          if (!verify_end_of_number(c, "imaginary")) return MAKE_TOKEN(ERRORTOKEN);
        } else if (!verify_end_of_number(c, "decimal")) {
          return MAKE_TOKEN(ERRORTOKEN);
        }
      }
    }
    backup(c);
    p_start = start_;
    p_end = cur_;
    return MAKE_TOKEN(NUMBER);
  }

f_string_quote:
  if ((to_lower(static_cast<unsigned char>(*start_)) == 'f' ||
       to_lower(static_cast<unsigned char>(*start_)) == 'r' ||
       to_lower(static_cast<unsigned char>(*start_)) == 't') &&
      (c == '\'' || c == '"')) {
    int quote = c;
    int quote_size = 1;
    first_lineno_ = lineno_;
    multi_line_start_ = line_start_;
    int after_quote = nextc();
    if (after_quote == quote) {
      int after_after_quote = nextc();
      if (after_after_quote == quote) {
        quote_size = 3;
      } else {
        backup(after_after_quote);
        backup(after_quote);
      }
    }
    if (after_quote != quote) backup(after_quote);

    p_start = start_;
    p_end = cur_;
    if (mode_index_ + 1 >= kMaxFStringLevel) {
      return MAKE_TOKEN(syntax_error("too many nested f-strings or t-strings"));
    }
    TokenizerMode* m = &modes_[++mode_index_];
    *m = TokenizerMode();
    m->kind = TokenizerMode::kFString;
    m->quote = static_cast<char>(quote);
    m->quote_size = quote_size;
    m->ftstring_start = start_;
    m->ftstring_multi_line_start = line_start_;
    m->ftstring_line_start = lineno_;
    m->raw = false;
    m->is_tstring = false;
    for (const char* q = start_; q < cur_ && *q != '\'' && *q != '"'; q++) {
      int lc = to_lower(static_cast<unsigned char>(*q));
      if (lc == 'r') m->raw = true;
      if (lc == 't') m->is_tstring = true;
    }
    m->curly_bracket_depth = 0;
    m->curly_bracket_expr_start_depth = -1;
    return MAKE_TOKEN(m->is_tstring ? TSTRING_START : FSTRING_START);
  }

letter_quote:
  // String.
  if (c == '\'' || c == '"') {
    int quote = c;
    int quote_size = 1;
    int end_quote_size = 0;
    bool has_escaped_quote = false;
    first_lineno_ = lineno_;
    multi_line_start_ = line_start_;
    c = nextc();
    if (c == quote) {
      c = nextc();
      if (c == quote) {
        quote_size = 3;
      } else {
        end_quote_size = 1;  // empty string found
      }
    }
    if (c != quote) backup(c);

    while (end_quote_size != quote_size) {
      c = nextc();
      if (done_ == errcode::kError) return MAKE_TOKEN(ERRORTOKEN);
      if (done_ == errcode::kDecode) break;
      if (c == kEOF || (quote_size == 1 && c == '\n')) {
        // Report the error from the opening quote.
        cur_ = start_ + 1;
        line_start_ = multi_line_start_;
        int start = lineno_;
        lineno_ = first_lineno_;
        // recompute the byte column for the error position
        col_offset_ = static_cast<int>(cur_ - line_start_);
        if (mode_index_ > 0) {
          // Inside an f-string: a quote like the f-string's own means a missing '}'.
          TokenizerMode* m = mode();
          if (m->quote == quote && m->quote_size == quote_size) {
            return MAKE_TOKEN(syntax_error(format("%c-string: expecting '}'",
                                                  string_prefix_char())));
          }
        }
        if (quote_size == 3) {
          syntax_error(format("unterminated triple-quoted string literal (detected at line %d)",
                              start));
          if (c != '\n') done_ = errcode::kEofS;
          return MAKE_TOKEN(ERRORTOKEN);
        }
        if (has_escaped_quote) {
          syntax_error(format("unterminated string literal (detected at line %d); perhaps you "
                              "escaped the end quote?",
                              start));
        } else {
          syntax_error(format("unterminated string literal (detected at line %d)", start));
        }
        if (c != '\n') done_ = errcode::kEolS;
        return MAKE_TOKEN(ERRORTOKEN);
      }
      if (c == quote) {
        end_quote_size += 1;
      } else {
        end_quote_size = 0;
        if (c == '\\') {
          c = nextc();  // skip escaped char
          if (c == quote) has_escaped_quote = true;
          if (c == '\r') c = nextc();
        }
      }
    }
    p_start = start_;
    p_end = cur_;
    return MAKE_TOKEN(STRING);
  }

  // Line continuation.
  if (c == '\\') {
    if ((c = continuation_line()) == -1) return MAKE_TOKEN(ERRORTOKEN);
    cont_line_ = true;
    goto again;
  }

  // Punctuation in an f-string replacement field.
  {
    bool is_punctuation = c == ':' || c == '}' || c == '!' || c == '{';
    if (is_punctuation && mode_index_ > 0 && inside_fstring_expr(current_tok)) {
      // Before '{' increments the depth: adjust to test for the top level.
      int cursor = current_tok->curly_bracket_depth - (c != '{');
      bool in_format_spec = current_tok->in_format_spec;
      bool cursor_in_format_with_debug = cursor == 1 && (current_tok->debug || in_format_spec);
      bool cursor_valid = cursor == 0 || cursor_in_format_with_debug;
      if (cursor_valid && !update_fstring_expr(static_cast<char>(c))) {
        return MAKE_TOKEN(ENDMARKER);
      }
      if (cursor_valid && c != '{' && !set_fstring_expr(token, static_cast<char>(c))) {
        return MAKE_TOKEN(ERRORTOKEN);
      }
      if (c == ':' && cursor == current_tok->curly_bracket_expr_start_depth) {
        current_tok->kind = TokenizerMode::kFString;
        current_tok->in_format_spec = true;
        p_start = start_;
        p_end = cur_;
        return MAKE_TOKEN(token_one_char(c));
      }
    }
  }

  // Two- and three-character tokens.
  {
    int c2 = nextc();
    int current_token = token_two_chars(c, c2);
    if (current_token != OP) {
      int c3 = nextc();
      int current_token3 = token_three_chars(c, c2, c3);
      if (current_token3 != OP) {
        current_token = current_token3;
      } else {
        backup(c3);
      }
      p_start = start_;
      p_end = cur_;
      return MAKE_TOKEN(current_token);
    }
    backup(c2);
  }

  // Keep track of parentheses nesting level.
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (level_ >= kMaxLevel) return MAKE_TOKEN(syntax_error("too many nested parentheses"));
      parenstack_[level_] = static_cast<char>(c);
      parenlinenostack_[level_] = lineno_;
      parencolstack_[level_] = static_cast<int>(start_ - line_start_);
      level_++;
      if (mode_index_ > 0) current_tok->curly_bracket_depth++;
      break;
    case ')':
    case ']':
    case '}':
      if (mode_index_ > 0 && !current_tok->curly_bracket_depth && c == '}') {
        return MAKE_TOKEN(syntax_error(format("%c-string: single '}' is not allowed",
                                              string_prefix_char())));
      }
      if (!extra_tokens_ && !level_) {
        return MAKE_TOKEN(syntax_error(format("unmatched '%c'", c)));
      }
      if (level_ > 0) {
        level_--;
        int opening = parenstack_[level_];
        if (!extra_tokens_ && !((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
                                (opening == '{' && c == '}'))) {
          // A bracket closing the replacement field of an f-string: unmatched.
          if (mode_index_ > 0 && opening == '{') {
            int previous_bracket = current_tok->curly_bracket_depth - 1;
            if (previous_bracket == current_tok->curly_bracket_expr_start_depth) {
              return MAKE_TOKEN(syntax_error(format("%c-string: unmatched '%c'",
                                                    string_prefix_char(), c)));
            }
          }
          if (parenlinenostack_[level_] != lineno_) {
            return MAKE_TOKEN(syntax_error(
                format("closing parenthesis '%c' does not match opening parenthesis '%c' on "
                       "line %d",
                       c, opening, parenlinenostack_[level_])));
          }
          return MAKE_TOKEN(syntax_error(format(
              "closing parenthesis '%c' does not match opening parenthesis '%c'", c, opening)));
        }
      }
      if (mode_index_ > 0) {
        current_tok->curly_bracket_depth--;
        if (current_tok->curly_bracket_depth < 0) {
          return MAKE_TOKEN(syntax_error(format("%c-string: unmatched '%c'",
                                                string_prefix_char(), c)));
        }
        if (c == '}' &&
            current_tok->curly_bracket_depth == current_tok->curly_bracket_expr_start_depth) {
          current_tok->curly_bracket_expr_start_depth--;
          current_tok->kind = TokenizerMode::kFString;
          current_tok->in_format_spec = false;
          current_tok->debug = false;
        }
      }
      break;
    default:
      break;
  }

  if (!unicode::is_printable(static_cast<char32_t>(c))) {
    return MAKE_TOKEN(syntax_error("invalid non-printable character " + uplus(c)));
  }

  if (c == '=' && inside_fstring_expr(current_tok)) current_tok->debug = true;

  // Punctuation character.
  p_start = start_;
  p_end = cur_;
  return MAKE_TOKEN(token_one_char(c));
#undef MAKE_TOKEN
}

// tok_get_fstring_mode.
int Lexer::get_fstring_mode(TokenizerMode* current_tok, Token* token) {
  const char* p_start = nullptr;
  const char* p_end = nullptr;
  int end_quote_size = 0;
  bool unicode_escape = false;
  const int middle = current_tok->is_tstring ? TSTRING_MIDDLE : FSTRING_MIDDLE;
#define MAKE_TOKEN(type) make_token(token, (type), p_start, p_end)

  start_ = cur_;
  first_lineno_ = lineno_;
  starting_col_offset_ = col_offset_;

  // A replacement field right away: nothing to tokenize in this mode.
  int start_char = nextc();
  if (start_char == '{') {
    int peek1 = nextc();
    backup(peek1);
    backup(start_char);
    if (peek1 != '{') {
      current_tok->curly_bracket_expr_start_depth++;
      if (current_tok->curly_bracket_expr_start_depth >= kMaxExprNesting) {
        return MAKE_TOKEN(syntax_error(format("%c-string: expressions nested too deeply",
                                              string_prefix_char())));
      }
      mode()->kind = TokenizerMode::kRegular;
      return get_normal_mode(current_tok, token);
    }
  } else {
    backup(start_char);
  }

  // At the end of the string?
  for (int i = 0; i < current_tok->quote_size; i++) {
    int quote = nextc();
    if (quote != current_tok->quote) {
      backup(quote);
      goto f_string_middle;
    }
  }
  current_tok->expr_start = current_tok->expr_end = nullptr;
  p_start = start_;
  p_end = cur_;
  mode_index_--;
  return MAKE_TOKEN(current_tok->is_tstring ? TSTRING_END : FSTRING_END);

f_string_middle:
  multi_line_start_ = line_start_;
  while (end_quote_size != current_tok->quote_size) {
    int c = nextc();
    if (done_ == errcode::kError || done_ == errcode::kDecode) return MAKE_TOKEN(ERRORTOKEN);
    bool in_format_spec = current_tok->in_format_spec && inside_fstring_expr(current_tok);

    if (c == kEOF || (current_tok->quote_size == 1 && c == '\n')) {
      // A newline ends a format spec of a triple-quoted string.
      if (in_format_spec && c == '\n') {
        if (current_tok->quote_size == 1) {
          return MAKE_TOKEN(syntax_error(
              format("%c-string: newlines are not allowed in format specifiers for single "
                     "quoted %c-strings",
                     string_prefix_char(), string_prefix_char())));
        }
        backup(c);
        mode()->kind = TokenizerMode::kRegular;
        current_tok->in_format_spec = false;
        p_start = start_;
        p_end = cur_;
        return MAKE_TOKEN(middle);
      }
      // Report the error from the opening quote.
      cur_ = current_tok->ftstring_start + 1;
      line_start_ = current_tok->ftstring_multi_line_start;
      col_offset_ = static_cast<int>(cur_ - line_start_);
      int start = lineno_;
      lineno_ = current_tok->ftstring_line_start;
      if (current_tok->quote_size == 3) {
        syntax_error(format("unterminated triple-quoted %c-string literal (detected at line %d)",
                            string_prefix_char(), start));
        if (c != '\n') done_ = errcode::kEofS;
        return MAKE_TOKEN(ERRORTOKEN);
      }
      return MAKE_TOKEN(syntax_error(format(
          "unterminated %c-string literal (detected at line %d)", string_prefix_char(), start)));
    }

    if (c == current_tok->quote) {
      end_quote_size += 1;
      continue;
    }
    end_quote_size = 0;

    if (c == '{') {
      if (!update_fstring_expr(static_cast<char>(c))) return MAKE_TOKEN(ENDMARKER);
      int peek = nextc();
      if (peek != '{' || in_format_spec) {
        backup(peek);
        backup(c);
        current_tok->curly_bracket_expr_start_depth++;
        if (current_tok->curly_bracket_expr_start_depth >= kMaxExprNesting) {
          return MAKE_TOKEN(syntax_error(format("%c-string: expressions nested too deeply",
                                                string_prefix_char())));
        }
        mode()->kind = TokenizerMode::kRegular;
        current_tok->in_format_spec = false;
        p_start = start_;
        p_end = cur_;
      } else {
        p_start = start_;
        p_end = cur_ - 1;
      }
      return MAKE_TOKEN(middle);
    } else if (c == '}') {
      if (unicode_escape) {
        p_start = start_;
        p_end = cur_;
        return MAKE_TOKEN(middle);
      }
      int peek = nextc();
      // '}}' is a literal brace outside of a format spec at the top level.
      int cursor = current_tok->curly_bracket_depth;
      if (peek == '}' && !in_format_spec && cursor == 0) {
        p_start = start_;
        p_end = cur_ - 1;
      } else {
        backup(peek);
        backup(c);
        mode()->kind = TokenizerMode::kRegular;
        current_tok->in_format_spec = false;
        p_start = start_;
        p_end = cur_;
      }
      return MAKE_TOKEN(middle);
    } else if (c == '\\') {
      int peek = nextc();
      if (peek == '\r') peek = nextc();
      // A backslash right before a brace: let the loop see the brace.
      if (peek == '{' || peek == '}') {
        if (!current_tok->raw) {
          if (warn_invalid_escape_sequence(peek)) return MAKE_TOKEN(ERRORTOKEN);
        }
        backup(peek);
        continue;
      }
      if (!current_tok->raw) {
        if (peek == 'N') {
          // Named unicode escapes (\N{BULLET}).
          peek = nextc();
          if (peek == '{') {
            unicode_escape = true;
          } else {
            backup(peek);
          }
        }
      }
    }
  }

  // Give the quotes back: a final middle now, the end token next time.
  for (int i = 0; i < current_tok->quote_size; i++) backup(current_tok->quote);
  p_start = start_;
  p_end = cur_;
  return MAKE_TOKEN(middle);
#undef MAKE_TOKEN
}

// tok_get.
int Lexer::get(Token* token) {
  TokenizerMode* current = mode();
  if (current->kind == TokenizerMode::kRegular) return get_normal_mode(current, token);
  return get_fstring_mode(current, token);
}

// _PyTokenizer_Get.
int Lexer::next(Token* token) {
  *token = Token();
  if (input_ == Input::kFile && !file_prepared_) prepare_file();
  if (done_ == errcode::kError) return ERRORTOKEN;
  int result = get(token);
  if (result == ERRORTOKEN && done_ == errcode::kOk) done_ = errcode::kError;
  token->type = result;
  return result;
}

}  // namespace cppy::parser
