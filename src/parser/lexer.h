// The tokenizer: CPython 3.14's Parser/lexer/{lexer.c,state.c,buffer.c} and the input side
// of Parser/tokenizer/{string,utf8,file,readline}_tokenizer.c and helpers.c.
//
// A Lexer owns its source as one contiguous UTF-8 buffer and hands out tokens one at a time
// (next()), with CPython's positions: 1-based lines, 0-based byte columns, and a view of the
// text. Errors are plain records (TokenizerError) in CPython's SyntaxError conventions; the
// parser turns them into exception objects. Warnings go through a callback.
#pragma once

#include <climits>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "objects/object.h"
#include "parser/token_gen.h"

namespace cppy::parser {

// Parser/lexer/state.h limits.
inline constexpr int kMaxIndent = 100;        // MAXINDENT
inline constexpr int kMaxLevel = 200;         // MAXLEVEL: nested parentheses
inline constexpr int kMaxFStringLevel = 150;  // MAXFSTRINGLEVEL
inline constexpr int kMaxExprNesting = 3;     // MAX_EXPR_NESTING
inline constexpr int kTabSize = 8;

// Include/errcode.h: the tokenizer's tok->done codes.
namespace errcode {
enum : int {
  kOk = 10, kEof = 11, kIntr = 12, kToken = 13, kSyntax = 14, kNoMem = 15, kDone = 16,
  kError = 17, kTabSpace = 18, kOverflow = 19, kTooDeep = 20, kDedent = 21, kDecode = 22,
  kEofS = 23, kEolS = 24, kLineCont = 25, kBadSingle = 27, kInteractStop = 28,
  kColumnOverflow = 29,
};
}

// "None" in a SyntaxError position attribute.
inline constexpr int kNoPosition = INT_MIN;

enum class ErrorType { kSyntaxError, kIndentationError, kTabError };

// A SyntaxError as CPython would raise it: msg, lineno, offset (1-based, in characters),
// end_lineno, end_offset, text (the offending line).
struct TokenizerError {
  ErrorType type = ErrorType::kSyntaxError;
  std::string message;
  int lineno = kNoPosition;
  int offset = kNoPosition;
  int end_lineno = kNoPosition;
  int end_offset = kNoPosition;
  std::string text;
  // False for the errors CPython raises without a text (text None): the decoding errors of
  // tokenizer initialisation.
  bool has_text = true;
  // Non-empty: not a SyntaxError but an exception of this type carrying message alone (a
  // codec's TypeError while decoding the source).
  std::string exception_type;
  // SyntaxError(message) without any location (PyErr_Format(PyExc_SyntaxError, ...): the
  // file tokenizer's "encoding problem: X").
  bool bare = false;
  // A decoding error: the codec's exception as it was raised. The parser reports the record
  // above ("(unicode error) ..."), but _PyPegen_tokenize_full_source_to_check_for_errors,
  // meeting the error after a syntax error, lets this exception through.
  objects::Ref<> raw_exception;
};

const char* error_type_name(ErrorType t);

// struct token of pycore_token.h.
struct Token {
  int type = ERRORTOKEN;
  int level = 0;
  int lineno = -1, col_offset = -1, end_lineno = -1, end_col_offset = -1;
  const char* start = nullptr;  // view into the lexer's buffer, or null
  const char* end = nullptr;
  // The expression text of an f-string/t-string replacement field with '=' (PEP 701 debug
  // specifier), attached to the '}', '!' or ':' token that ends the expression.
  bool has_metadata = false;
  std::string metadata;

  std::string_view text() const {
    return start ? std::string_view(start, static_cast<size_t>(end - start)) : std::string_view();
  }
};

// A SyntaxWarning (or other category) the lexer emits: return 0 to go on, -1 to turn the
// warning into a SyntaxError (warnings filter "error"), as _PyTokenizer_parser_warn does.
using WarningHandler =
    std::function<int(const char* category, const std::string& message, int lineno)>;

// Decodes source bytes in an encoding named by a coding cookie into UTF-8 (the codec
// registry's job: the runtime installs compile::install_source_decoder). Returns false with
// *error set to the message of the exception the codec raised; *error_type stays empty for
// the LookupError/ValueError/UnicodeDecodeError/SyntaxError that CPython turns into a
// SyntaxError (_PyPegen_raise_tokenizer_init_error), else it names the exception type to
// raise as it is (a decoder returning bytes: TypeError).
using SourceDecoder =
    std::function<bool(const std::string& encoding, std::string_view bytes, std::string* utf8,
                       std::string* error, std::string* error_type)>;
void set_source_decoder(SourceDecoder decoder);

// What a codec raised while the file tokenizer read a source: str(exc), the exception's type
// name and how _Pypegen_raise_decode_error classes it.
struct CodecError {
  enum Kind { kUnicodeError, kValueError, kOther } kind = kOther;
  std::string type_name;
  std::string message;
  objects::Ref<> exception;  // the exception itself
};

// The codec registry as the file tokenizer (file_tokenizer.c) uses it; the runtime installs it
// (compile::install_source_decoder).
struct SourceCodec {
  // PyUnicode_Decode(bytes, encoding, errors) re-encoded as UTF-8.
  std::function<bool(const std::string& encoding, std::string_view bytes, const char* errors,
                     std::string* utf8, CodecError* error)>
      decode;
  // fp_setreadl and tok_readline_recode: io.open(fd, "r", -1, encoding, None, None, False)
  // over rest (the file from one byte before the cookie line's end), its first readline()
  // dropped, then readline() until '' (lines as UTF-8). False when the stream cannot be
  // made or its first readline() fails; else true, with *failed set when a later readline()
  // raised *error after the lines read.
  std::function<bool(const std::string& encoding, std::string_view rest,
                     std::vector<std::string>* lines, bool* failed, CodecError* error)>
      read_lines;
};
void set_source_codec(SourceCodec codec);

// get_normal_name of Parser/tokenizer/helpers.c: "utf-8" and "iso-8859-1" spellings.
std::string normalize_encoding_name(std::string_view name);

struct TokenizerMode;  // tokenizer_mode of state.h (defined in lexer.cpp)

// The interactive prompt's input (tok_underflow_interactive of file_tokenizer.c, the tokenizer
// _PyTokenizer_FromFile makes with ps1 and ps2).
struct InteractiveInput {
  // PyOS_Readline(stdin, stdout, prompt): 0 with the line read (its newline kept; empty at
  // end of file), or -1 when reading was interrupted or failed (the exception pending in the
  // object layer, or none: a bare interrupt becomes KeyboardInterrupt).
  std::function<int(const char* prompt, std::string* line)> readline;
  // PySys_WriteStderr("\n"): ends the prompt's line at end of file or on an interrupt.
  std::function<void()> end_prompt_line;
  std::string encoding;  // tok->encoding: sys.stdin.encoding, the lines' encoding ("" none)
  std::string ps1, ps2;  // the first prompt, the one of every later line
};

class Lexer {
 public:
  enum class Input {
    kString,    // _PyTokenizer_FromString: bytes with cookie/BOM detection, newlines translated
    kUtf8,      // _PyTokenizer_FromUTF8: already-decoded text, newlines translated
    kFile,      // _PyTokenizer_FromFile: a file's bytes read line by line (tok_underflow_file)
    kReadline,  // _PyTokenizer_FromReadline (tokenize module): decoded text fed line by
                // line, no newline translation, a missing final newline is implicit
    kInteractive,  // _PyTokenizer_FromFile with prompts: lines read from the prompt as the
                   // tokenizer needs them (tok_underflow_interactive)
  };

  // exec_input: append a final newline if missing (exec/file input; not for eval).
  Lexer(std::string_view source, Input input, bool exec_input = true);
  // kInteractive: input outlives the lexer.
  explicit Lexer(const InteractiveInput* input);
  ~Lexer();
  Lexer(const Lexer&) = delete;
  Lexer& operator=(const Lexer&) = delete;

  void set_extra_tokens(bool on) { extra_tokens_ = on; }  // COMMENT, NL, tokenize's quirks
  void set_type_comments(bool on) { type_comments_ = on; }
  void set_filename(std::string name) { filename_ = std::move(name); }
  void set_warning_handler(WarningHandler h) { warn_ = std::move(h); }
  // kFile: whether the file can seek (fp_setreadl's lseek: a pipe cannot) and whether the
  // lines of errors can be read back from it (_PyErr_ProgramDecodedTextObject: not stdin).
  void set_file_options(bool seekable, bool text_from_file) {
    file_seekable_ = seekable;
    file_text_from_file_ = text_from_file;
  }

  // _PyTokenizer_Get: the next token's type (ERRORTOKEN on error: see error()).
  int next(Token* token);

  // The error after next() returned ERRORTOKEN: the SyntaxError the tokenizer raised, or the
  // one the parser derives from done() (_Pypegen_tokenizer_error, unclosed parentheses).
  bool has_error() const { return done_ != errcode::kOk && done_ != errcode::kEof; }
  TokenizerError error() const;
  int done() const { return done_; }

  // The input side of decode_str (string_tokenizer.c): BOM, PEP 263 cookie on the first two
  // lines, conversion to UTF-8 (utf-8 and latin-1 here, others through set_source_decoder).
  // No newline translation. On failure, *error is what CPython raises.
  static bool decode_source(std::string_view bytes, const std::string& filename,
                            std::string* utf8, std::string* encoding, TokenizerError* error);

  // Encoding declared by a cookie or BOM ("utf-8", "iso-8859-1", ...), empty if none.
  const std::string& encoding() const { return encoding_; }

  // State the parser and the tokenize module read.
  int lineno() const { return lineno_; }
  int level() const { return level_; }
  int first_lineno() const { return first_lineno_; }
  bool implicit_newline() const { return implicit_newline_; }
  const char* line_start() const { return line_start_; }
  const char* multi_line_start() const { return multi_line_start_; }
  const char* token_start() const { return start_; }
  const char* inp() const { return inp_; }
  const char* buf() const { return buf_; }
  const char* buffer_begin() const { return data_.data(); }
  const char* buffer_end() const { return data_.data() + data_.size(); }
  // kInteractive: the lines read so far (tok->interactive_src_start), each ending in a newline.
  bool is_interactive() const { return input_ == Input::kInteractive; }
  // tok->str: the whole source is in the buffer (string input).
  bool has_string_source() const { return input_ == Input::kString || input_ == Input::kUtf8; }
  // A file read from stdin ("<stdin>", which makes CPython's tokenizer keep the lines it read,
  // fp_interactive): those lines.
  bool is_stdin_file() const { return input_ == Input::kFile && !file_text_from_file_; }
  std::string_view file_lines_read() const {
    return next_line_ ? std::string_view(data_.data(), size_t(next_line_ - data_.data()))
                      : std::string_view();
  }
  const std::string& interactive_source() const { return interactive_src_; }
  std::string interactive_line(int lineno) const;
  // The second parser pass reads no more lines (tok->interactive_underflow = IUNDERFLOW_STOP).
  void stop_interactive_reading() { interactive_stop_ = true; }
  // E_DECODE met while reading the prompt's line: what the codec raised.
  const CodecError* decode_error() const { return has_decode_error_ ? &decode_error_ : nullptr; }

 private:
  friend struct LexerAccess;
  // Input.
  bool decode_input(std::string_view source);
  void prepare_file();
  bool underflow();
  bool underflow_interactive();
  void relocate(const char* old_base, size_t old_size, const char* new_base);
  int nextc();
  void backup(int c);
  // Lexing (lexer.c).
  int get(Token* token);
  int get_normal_mode(TokenizerMode* current, Token* token);
  int get_fstring_mode(TokenizerMode* current, Token* token);
  int make_token(Token* token, int type, const char* p_start, const char* p_end);
  int make_type_comment_token(Token* token, int type, int col, int end_col,
                              const char* p_start, const char* p_end);
  bool lookahead(const char* test);
  bool verify_end_of_number(int c, const char* kind);
  bool verify_identifier();
  int decimal_tail();
  int continuation_line();
  int check_string_prefixes(bool b, bool r, bool u, bool f, bool t);
  bool update_fstring_expr(char cur);
  bool set_fstring_expr(Token* token, char c);
  // Errors (helpers.c).
  int syntax_error(const std::string& message);
  int syntax_error_known_range(int col_offset, int end_col_offset, const std::string& message);
  int indent_error();
  bool parser_warn(const std::string& message);
  bool warn_invalid_escape_sequence(int c);
  char string_prefix_char() const;
  TokenizerMode* mode() const;

  std::string data_;           // the whole decoded source, UTF-8
  // kFile: the file's bytes, decoded into data_ line by line on the first next(); a reading
  // error stops data_ at its line and waits there (pending_) until the tokenizer asks for it.
  std::string raw_;
  bool file_prepared_ = false;
  bool file_seekable_ = true;
  bool file_text_from_file_ = true;
  bool has_pending_ = false;
  int pending_done_ = 0;
  TokenizerError pending_;
  const char* next_line_ = nullptr;
  const char* implicit_nl_line_ = nullptr;  // kReadline: the line given a fake '\n'
  Input input_;
  // kInteractive (tok_underflow_interactive): the prompt's input, the prompt for the next
  // line, the source read so far, and the buffers lines replaced, kept because the parser's
  // tokens are views into them.
  const InteractiveInput* interactive_ = nullptr;
  const std::string* prompt_ = nullptr;
  std::string interactive_src_;
  bool interactive_stop_ = false;
  std::vector<std::string> retired_;
  bool has_decode_error_ = false;
  CodecError decode_error_;
  std::string filename_;
  std::string encoding_;
  WarningHandler warn_;
  TokenizerError error_;       // the tokenizer's own SyntaxError, if has_error_record_
  bool has_error_record_ = false;

  // tok_state of state.h.
  const char* buf_ = nullptr;
  const char* cur_ = nullptr;
  const char* inp_ = nullptr;
  const char* start_ = nullptr;
  const char* line_start_ = nullptr;
  const char* multi_line_start_ = nullptr;
  int done_ = errcode::kOk;
  int lineno_ = 0;
  int first_lineno_ = 0;
  int col_offset_ = -1;
  int starting_col_offset_ = -1;
  int indent_ = 0;
  int indstack_[kMaxIndent] = {};
  int altindstack_[kMaxIndent] = {};
  bool atbol_ = true;
  int pendin_ = 0;
  int level_ = 0;
  char parenstack_[kMaxLevel] = {};
  int parenlinenostack_[kMaxLevel] = {};
  int parencolstack_[kMaxLevel] = {};
  bool cont_line_ = false;
  bool type_comments_ = false;
  bool extra_tokens_ = false;
  bool comment_newline_ = false;
  bool implicit_newline_ = false;
  TokenizerMode* modes_ = nullptr;  // tok_mode_stack[kMaxFStringLevel]
  int mode_index_ = 0;
};

}  // namespace cppy::parser
