// The PEG parser's runtime: Parser/pegen.h, Parser/pegen.c (token filling, keywords, memo,
// expect_* helpers, lookahead, NAME/NUMBER/STRING tokens, run_parser and the entry points)
// and the error side of Parser/pegen_errors.c.
//
// The generated parser (parser_gen.cpp, from python.gram by tools/pegen) calls exactly the
// functions below. A parse produces an AST in an arena or a ParseError record in CPython's
// SyntaxError conventions (msg, filename, lineno, offset, text, end_lineno, end_offset with
// character offsets); the error machinery turns records into exception objects.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ast/ast_gen.h"
#include "parser/compiler_flags.h"
#include "parser/lexer.h"

namespace cppy::parser {

using ast::alias_ty;
using ast::arg_ty;
using ast::arguments_ty;
using ast::asdl_alias_seq;
using ast::asdl_arg_seq;
using ast::asdl_comprehension_seq;
using ast::asdl_excepthandler_seq;
using ast::asdl_expr_seq;
using ast::asdl_identifier_seq;
using ast::asdl_int_seq;
using ast::asdl_keyword_seq;
using ast::asdl_match_case_seq;
using ast::asdl_pattern_seq;
using ast::asdl_seq;
using ast::asdl_stmt_seq;
using ast::asdl_type_ignore_seq;
using ast::asdl_type_param_seq;
using ast::asdl_withitem_seq;
using ast::comprehension_ty;
using ast::excepthandler_ty;
using ast::expr_ty;
using ast::keyword_ty;
using ast::match_case_ty;
using ast::mod_ty;
using ast::pattern_ty;
using ast::stmt_ty;
using ast::type_ignore_ty;
using ast::type_param_ty;
using ast::withitem_ty;
using objects::Object;
using objects::ssize;

inline constexpr int kCO_FUTURE_BARRY_AS_BDFL = 0x400000;

// Parser/pegen.h PyPARSE_* flags (compute_parser_flags maps the compile flags onto these).
inline constexpr int kPARSE_DONT_IMPLY_DEDENT = 0x0002;
inline constexpr int kPARSE_IGNORE_COOKIE = 0x0010;
inline constexpr int kPARSE_BARRY_AS_BDFL = 0x0020;
inline constexpr int kPARSE_TYPE_COMMENTS = 0x0040;
inline constexpr int kPARSE_ALLOW_INCOMPLETE_INPUT = 0x0100;

// MAXSTACK of Parser/parser.c.
inline constexpr int kMaxParserStack = 6000;

enum class StartRule { kFile, kInteractive, kEval, kFuncType, kFString };

// The parse error: an exception type name (SyntaxError, IndentationError, TabError,
// RecursionError, MemoryError, ValueError...) and, for SyntaxError and its subclasses, the
// attributes CPython gives it. Positions are kNoPosition for None.
struct ParseError {
  std::string type;
  std::string message;
  std::string filename;
  int lineno = kNoPosition;
  int offset = kNoPosition;
  int end_lineno = kNoPosition;
  int end_offset = kNoPosition;
  std::string text;
  bool has_text = false;
  bool bare = false;  // SyntaxError(message) alone, without a location
  // An exception raised as it is (KeyboardInterrupt at the prompt, a readline or codec
  // error): raising the record raises this object.
  objects::Ref<> exception;
  // _PyPegen_set_syntax_error_metadata: SyntaxError._metadata = (lineno, col_offset, source)
  // of the last statement parsed, for traceback's keyword typo suggestions. The source is the
  // string parsed or the lines read at the prompt (None for a file), in metadata_encoding.
  bool has_metadata = false;
  int metadata_lineno = 0;
  int metadata_col_offset = 0;
  bool metadata_has_source = false;
  std::string metadata_source;
  std::string metadata_encoding;
};

// The record of a tokenizer error (its text included), as the parser and the tokenize
// module raise it.
ParseError parse_error_from(const TokenizerError& e);

// A warning the parser issued (category name, message, line), in order.
struct ParseWarning {
  std::string category;
  std::string message;
  int lineno = 0;
};

// Called for every warning as it is issued; return -1 to turn it into an error (the
// warnings filter "error": the parser then raises a SyntaxError at the warning's location).
using ParserWarningHandler = std::function<int(const ParseWarning&)>;

struct KeywordToken {
  const char* str;
  int type;
};

// Memo of pycore_token.h: results of one rule at one token.
struct Memo {
  int type;
  void* node;
  int mark;
  Memo* next;
};

// Where the last statement started and ended (for the warnings of action helpers).
struct Location {
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

// The generated code's generic sequence: a loop's or gather's result, usable as any typed
// sequence (asdl_expr_seq*...), as void* sequences are in CPython's C.
struct AnySeq {
  asdl_seq* s = nullptr;
  AnySeq() = default;
  AnySeq(std::nullptr_t) {}
  AnySeq(asdl_seq* seq) : s(seq) {}
  template <class S>
  AnySeq(S* seq) : s(reinterpret_cast<asdl_seq*>(seq)) {}
  template <class T>
  operator T*() const {
    return reinterpret_cast<T*>(s);
  }
  explicit operator bool() const { return s != nullptr; }
  friend bool operator==(const AnySeq& a, std::nullptr_t) { return a.s == nullptr; }
};

// The value of a rule or group without a declared type: any node, token or helper struct
// pointer, converting back implicitly as C's void* does.
struct AnyPtr {
  void* p = nullptr;
  AnyPtr() = default;
  AnyPtr(std::nullptr_t) {}
  template <class T>
  AnyPtr(T* x) : p(const_cast<void*>(static_cast<const void*>(x))) {}
  AnyPtr(AnySeq s) : p(s.s) {}
  template <class T>
  operator T*() const {
    return static_cast<T*>(p);
  }
  explicit operator bool() const { return p != nullptr; }
  friend bool operator==(const AnyPtr& a, std::nullptr_t) { return a.p == nullptr; }
};

struct Parser {
  Lexer* tok = nullptr;
  std::vector<Token*> tokens;
  std::vector<Memo*> memos;  // per token: Token::memo of CPython
  // The tokens themselves, in blocks of kTokenBlock (stable addresses, one allocation per
  // block: a token per allocation showed in compile()'s profile).
  static constexpr size_t kTokenBlock = 256;
  std::vector<std::unique_ptr<Token[]>> token_blocks;
  size_t token_block_used = kTokenBlock;
  int mark = 0;
  int fill = 0;
  ast::Arena* arena = nullptr;
  const KeywordToken* keywords = nullptr;
  const char* const* soft_keywords = nullptr;
  StartRule start_rule = StartRule::kFile;
  bool parsing_started = false;
  int starting_lineno = 0;
  int starting_col_offset = 0;
  int error_indicator = 0;
  int flags = 0;
  int feature_version = 14;
  std::vector<std::pair<int, std::string>> type_ignore_comments;  // (lineno, tag)
  Token* known_err_token = nullptr;
  int level = 0;
  int call_invalid_rules = 0;
  bool interactive_eof = false;  // *p->errcode = E_EOF (_PyPegen_interactive_exit)
  Location last_stmt_location;
  std::string filename;

  // PyErr_Occurred: the error raised so far, if any.
  bool has_error = false;
  ParseError error;
  std::vector<ParseWarning> warnings;
  ParserWarningHandler warn;
};

// ---- the runtime of the generated parser (Parser/pegen.c) ----------------------------------

int fill_token(Parser* p);                       // _PyPegen_fill_token
Token* expect_token(Parser* p, int type);        // _PyPegen_expect_token
expr_ty expect_soft_keyword(Parser* p, const char* keyword);
Token* expect_forced_token(Parser* p, int type, const char* expected);
expr_ty name_token(Parser* p);                   // _PyPegen_name_token
expr_ty number_token(Parser* p);                 // _PyPegen_number_token
Token* string_token(Parser* p);                  // _PyPegen_string_token
expr_ty soft_keyword_token(Parser* p);           // _PyPegen_soft_keyword_token
Token* get_last_nonwhitespace_token(Parser* p);  // _PyPegen_get_last_nonnwhitespace_token
bool stack_overflow(Parser* p);                  // _Py_ReachedRecursionLimitWithMargin
void report_too_deep(Parser* p);                 // "too complex" / RecursionError
int insert_memo(Parser* p, int mark, int type, void* node);
int update_memo(Parser* p, int mark, int type, void* node);
AnyPtr dummy_name(Parser* p);
inline bool parse_error_occurred(Parser* p) { return p->has_error; }

void* expect_forced_result_raw(Parser* p, void* result, const char* expected);
template <class T>
inline T expect_forced_result(Parser* p, T result, const char* expected) {
  expect_forced_result_raw(p, result ? reinterpret_cast<void*>(1) : nullptr, expected);
  return p->error_indicator ? T{} : result;
}

// _PyPegen_is_memoized: true when the rule's result at p->mark is known (or on error).
int is_memoized_raw(Parser* p, int type, void** result);
template <class T>
inline bool is_memoized(Parser* p, int type, T* result) {
  void* r = nullptr;
  int found = is_memoized_raw(p, type, &r);
  if (found) *result = static_cast<T>(r);
  return found != 0;
}
inline bool is_memoized(Parser* p, int type, AnySeq* result) {
  void* r = nullptr;
  int found = is_memoized_raw(p, type, &r);
  if (found) *result = AnySeq(static_cast<asdl_seq*>(r));
  return found != 0;
}
inline int insert_memo(Parser* p, int mark, int type, AnySeq node) {
  return insert_memo(p, mark, type, static_cast<void*>(node.s));
}
inline int update_memo(Parser* p, int mark, int type, AnySeq node) {
  return update_memo(p, mark, type, static_cast<void*>(node.s));
}

// _PyPegen_lookahead: runs f without consuming input.
template <class F>
inline bool lookahead(bool positive, Parser* p, F&& f) {
  int mark = p->mark;
  auto res = f();
  p->mark = mark;
  return (res != nullptr) == positive;
}

// The items of a loop, then a sequence of them in the arena (_loop0_N's buffer).
class ItemBuffer {
 public:
  explicit ItemBuffer(Parser* p) : p_(p) {}
  bool push(void* item) {
    items_.push_back(item);
    return true;
  }
  size_t size() const { return items_.size(); }
  const std::vector<void*>& items() const { return items_; }

 private:
  Parser* p_;
  std::vector<void*> items_;
};
AnySeq seq_from_items(Parser* p, ItemBuffer& buffer);

// The generated start rules (parser_gen.cpp).
void* run_start_rule(Parser* p);

// ---- errors (Parser/pegen_errors.c) -------------------------------------------------------

// CURRENT_POS of pegen.h: "the tokenizer's current position".
inline constexpr int kCurrentPos = -5;

// kIncompleteInputError is builtins._IncompleteInputError (PyExc_IncompleteInputError).
enum class ErrorKind { kSyntaxError, kIndentationError, kTabError, kIncompleteInputError };

// _PyPegen_raise_error_known_location: columns are 1-based byte offsets (or kCurrentPos).
void raise_error_known_location_v(Parser* p, ErrorKind kind, int lineno, int col_offset,
                                  int end_lineno, int end_col_offset, const char* fmt,
                                  va_list va);
void raise_error_known_location_f(Parser* p, ErrorKind kind, int lineno, int col_offset,
                                  int end_lineno, int end_col_offset, const char* fmt, ...);
// _PyPegen_raise_error: at the last token (or the next one with use_mark).
void raise_error_v(Parser* p, ErrorKind kind, bool use_mark, const char* fmt, va_list va);
void raise_error_f(Parser* p, ErrorKind kind, bool use_mark, const char* fmt, ...);
// Sets a non-SyntaxError exception record (MemoryError, RecursionError, ValueError...).
void set_error(Parser* p, const char* type, const std::string& message);
// Converts an exception pending in the object layer (errors::occurred()) into the record.
// Returns true if there was one.
bool take_object_error(Parser* p);
// _Pypegen_tokenizer_error: the lexer's error after an ERRORTOKEN.
int tokenizer_error(Parser* p);
// _Pypegen_raise_decode_error: E_DECODE at the prompt, "(unicode error) ..." or the codec's
// exception as it is.
int raise_decode_error(Parser* p);
// _Pypegen_set_syntax_error.
void set_syntax_error(Parser* p, Token* last_token);
// _PyPegen_tokenize_full_source_to_check_for_errors.
void tokenize_full_source_to_check_for_errors(Parser* p);
// Issues a warning (SyntaxWarning...) at lineno; -1 if it was turned into an error: a
// SyntaxError with error_message (message when empty) at the given 1-based columns.
int parser_warn(Parser* p, const char* category, int lineno, int col_offset, int end_lineno,
                int end_col_offset, const std::string& message,
                const std::string& error_message = std::string());
// PyUnicode_FromFormatV's % codes used by the grammar: %s %d %zd %c %U (str object) %%.
std::string format_message_v(const char* fmt, va_list va);
// Code points in the first n bytes of UTF-8 text (an invalid byte counts as one replacement
// character, as PyUnicode_DecodeUTF8 with "replace").
int utf8_char_count(const char* s, size_t n);
// _PyPegen_byte_offset_to_character_offset_raw on a line of UTF-8.
int byte_offset_to_character_offset(const std::string& line, int col_offset);

// ---- entry points (Parser/peg_api.c, _PyPegen_run_parser_from_string/file) ---------------

struct ParseOptions {
  StartRule start = StartRule::kFile;
  int flags = 0;               // PyCF_* compile flags
  int feature_version = -1;    // minor version for ast.parse(feature_version=); -1: current
  ParserWarningHandler warn;   // optional
  // _PyParser_ASTFromFile: the source is a file's bytes, read as the file tokenizer reads
  // them (Lexer::Input::kFile); file_seekable false for a pipe, file_is_stdin for "<stdin>".
  bool file_input = false;
  bool file_seekable = true;
  bool file_is_stdin = false;
};

struct ParseResult {
  mod_ty mod = nullptr;        // nullptr on error
  ParseError error;
  std::vector<ParseWarning> warnings;
};

// _PyParser_ASTFromString: source bytes (with cookie/BOM detection unless
// PyCF_IGNORE_COOKIE, in which case they are UTF-8).
ParseResult parse_string(std::string_view source, const std::string& filename,
                         const ParseOptions& options, ast::Arena* arena);
// _PyParser_InteractiveASTFromFile: one statement read from the prompt (start rule
// kInteractive), lines asked for as the tokenizer needs them. *eof: end of file met before
// any statement (E_EOF: no error to report). *source: the lines read, for linecache.
ParseResult parse_interactive(const InteractiveInput& input, const std::string& filename,
                              int flags, ParserWarningHandler warn, ast::Arena* arena, bool* eof,
                              std::string* source);
// _PyParser_ASTFromFile: reads the whole file.
ParseResult parse_file(const std::string& path, const std::string& filename,
                       const ParseOptions& options, ast::Arena* arena);

}  // namespace cppy::parser
