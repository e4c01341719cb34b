// The parser runtime: Parser/pegen.c (and the entry points of Parser/peg_api.c).
#include "parser/pegen.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include "errors/errors.h"
#include "objects/longobject.h"
#include "objects/text_support.h"
#include "pystrconv/pystrtod.h"
#include "objects/unicodeobject.h"
#include "parser/action_helpers.h"
#include "parser/constants.h"
#include "parser/lexer_access.h"
#include "runtime/pystate.h"
#include "unicode/unicodedata.h"

namespace cppy::parser {

namespace {

// _get_keyword_or_name_type: reserved keywords become their own token types.
int keyword_or_name_type(Parser* p, const Token* t) {
  std::string_view text = t->text();
  for (const KeywordToken* k = p->keywords; k && k->str; ++k) {
    if (text.size() == std::strlen(k->str) && text == k->str) return k->type;
  }
  return NAME;
}

Token* new_token(Parser* p) {
  if (p->token_block_used == Parser::kTokenBlock) {
    p->token_blocks.push_back(std::make_unique<Token[]>(Parser::kTokenBlock));
    p->token_block_used = 0;
  }
  return &p->token_blocks.back()[p->token_block_used++];
}

}  // namespace

// _PyPegen_fill_token.
int fill_token(Parser* p) {
  Token* t = new_token(p);
  int type = p->tok->next(t);
  // Record and skip '# type: ignore' comments.
  while (type == TYPE_IGNORE) {
    // The tag is as long as the token's columns say: for a type: ignore alone on its line
    // that takes in the newline the lexer consumed ("[foo]\n"), as CPython's does.
    int len = t->end_col_offset - t->col_offset;
    std::string tag = len > 0 ? std::string(t->start, static_cast<size_t>(len)) : std::string();
    p->type_ignore_comments.emplace_back(t->lineno, tag);
    *t = Token();
    type = p->tok->next(t);
  }
  // In single-input mode, the end of input ends the statement with an extra NEWLINE.
  if (p->start_rule == StartRule::kInteractive && type == ENDMARKER && p->parsing_started) {
    type = NEWLINE;
    p->parsing_started = false;
    LexerAccess::imply_dedents(p->tok, (p->flags & kPARSE_DONT_IMPLY_DEDENT) != 0);
  } else {
    p->parsing_started = true;
  }
  // initialize_token.
  t->type = type == NAME ? keyword_or_name_type(p, t) : type;
  p->tokens.push_back(t);
  p->memos.push_back(nullptr);
  p->fill += 1;
  if (type == ERRORTOKEN && p->tok->done() == errcode::kDecode && p->tok->decode_error())
    return raise_decode_error(p);
  if (type == ERRORTOKEN) return tokenizer_error(p);
  return 0;
}

int is_memoized_raw(Parser* p, int type, void** result) {
  if (p->mark == p->fill) {
    if (fill_token(p) < 0) {
      p->error_indicator = 1;
      return -1;
    }
  }
  for (Memo* m = p->memos[p->mark]; m; m = m->next) {
    if (m->type == type) {
      p->mark = m->mark;
      *result = m->node;
      return 1;
    }
  }
  return 0;
}

// _PyPegen_insert_memo.
int insert_memo(Parser* p, int mark, int type, void* node) {
  auto* m = static_cast<Memo*>(p->arena->malloc(sizeof(Memo)));
  if (!m) return -1;
  m->type = type;
  m->node = node;
  m->mark = p->mark;
  m->next = p->memos[mark];
  p->memos[mark] = m;
  return 0;
}

// _PyPegen_update_memo.
int update_memo(Parser* p, int mark, int type, void* node) {
  for (Memo* m = p->memos[mark]; m; m = m->next) {
    if (m->type == type) {
      m->node = node;
      m->mark = p->mark;
      return 0;
    }
  }
  return insert_memo(p, mark, type, node);
}

Token* expect_token(Parser* p, int type) {
  if (p->mark == p->fill) {
    if (fill_token(p) < 0) {
      p->error_indicator = 1;
      return nullptr;
    }
  }
  Token* t = p->tokens[p->mark];
  if (t->type != type) return nullptr;
  p->mark += 1;
  return t;
}

// _PyPegen_expect_forced_token: the generator passes the token's spelling with its quotes.
Token* expect_forced_token(Parser* p, int type, const char* expected) {
  if (p->error_indicator == 1) return nullptr;
  if (p->mark == p->fill) {
    if (fill_token(p) < 0) {
      p->error_indicator = 1;
      return nullptr;
    }
  }
  Token* t = p->tokens[p->mark];
  if (t->type != type) {
    std::string e(expected);
    if (e.size() >= 2 && (e[0] == '\'' || e[0] == '"')) e = e.substr(1, e.size() - 2);
    raise_known_location(p, t, "expected '%s'", e.c_str());
    return nullptr;
  }
  p->mark += 1;
  return t;
}

void* expect_forced_result_raw(Parser* p, void* result, const char* expected) {
  if (p->error_indicator == 1) return nullptr;
  if (result == nullptr) {
    raise_syntax_error(p, "expected (%s)", expected);
    return nullptr;
  }
  return result;
}

expr_ty expect_soft_keyword(Parser* p, const char* keyword) {
  if (p->mark == p->fill) {
    if (fill_token(p) < 0) {
      p->error_indicator = 1;
      return nullptr;
    }
  }
  Token* t = p->tokens[p->mark];
  if (t->type != NAME) return nullptr;
  if (t->text() != keyword) return nullptr;
  return name_token(p);
}

Token* get_last_nonwhitespace_token(Parser* p) {
  Token* token = nullptr;
  for (int m = p->mark - 1; m >= 0; m--) {
    token = p->tokens[m];
    if (token->type != ENDMARKER && (token->type < NEWLINE || token->type > DEDENT)) break;
  }
  return token;
}

// _PyPegen_new_identifier: NFKC-normalized when non-ASCII, interned, owned by the arena.
Object* new_identifier(Parser* p, const char* s, ssize n) {
  Object* id = objects::str_from_utf8(s, n);
  if (!id) return nullptr;
  if (!objects::str_is_ascii(id)) {
    std::u32string out;
    unicode::Units units(objects::str_data(id), static_cast<int>(objects::str_kind(id)),
                         static_cast<size_t>(objects::str_length(id)));
    if (unicode::normalize(unicode::NormalForm::NFKC, units, &out)) {
      Object* id2 = objects::str_from_kind_and_data(4, out.data(), static_cast<ssize>(out.size()));
      objects::decref(id);
      if (!id2) return nullptr;
      id = id2;
    }
  }
  static const char* const forbidden[] = {"None", "True", "False"};
  for (const char* f : forbidden) {
    if (objects::str_equal_cstr(id, f)) {
      objects::decref(id);
      set_error(p, "ValueError", std::string("identifier field can't represent '") + f +
                                     "' constant");
      return nullptr;
    }
  }
  objects::str_intern_in_place(&id);
  if (p->arena->add_object(id) < 0) {
    objects::decref(id);
    return nullptr;
  }
  return id;
}

static expr_ty name_from_token(Parser* p, Token* t) {
  if (!t) return nullptr;
  std::string_view s = t->text();
  Object* id = new_identifier(p, s.data(), static_cast<ssize>(s.size()));
  if (!id) {
    take_object_error(p);
    p->error_indicator = 1;
    return nullptr;
  }
  return ast::Name(id, ast::Load, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                   p->arena);
}

expr_ty name_token(Parser* p) { return name_from_token(p, expect_token(p, NAME)); }

Token* string_token(Parser* p) { return expect_token(p, STRING); }

// _PyPegen_soft_keyword_token (with its prefix comparison).
expr_ty soft_keyword_token(Parser* p) {
  Token* t = expect_token(p, NAME);
  if (!t) return nullptr;
  std::string_view s = t->text();
  for (const char* const* k = p->soft_keywords; k && *k; ++k) {
    if (std::strncmp(*k, s.data(), s.size()) == 0) return name_from_token(p, t);
  }
  return nullptr;
}

// An int literal (prefix 0x/0o/0b or decimal, no underscores) of any size: PyLong_FromString
// for the parser, with the decimal digits limit of int(str).
static Object* int_from_literal(const std::string& text) {
  int base = 10;
  size_t i = 0;
  if (text.size() > 1 && text[0] == '0') {
    char c = static_cast<char>(text[1] | 0x20);
    if (c == 'x') base = 16;
    else if (c == 'o') base = 8;
    else if (c == 'b') base = 2;
    if (base != 10) i = 2;
  }
  size_t ndigits = text.size() - i;
  if (base == 10 && objects::long_max_str_digits > 0 &&
      ndigits > static_cast<size_t>(objects::long_max_str_digits)) {
    errors::format(objects::exc_ValueError,
                   "Exceeds the limit (%d digits) for integer string conversion: value has %zd "
                   "digits; use sys.set_int_max_str_digits() to increase the limit",
                   objects::long_max_str_digits, static_cast<ssize>(ndigits));
    return nullptr;
  }
  std::vector<uint32_t> digits;  // base 2**30, least significant first
  for (; i < text.size(); i++) {
    char c = text[i];
    uint64_t d = c <= '9' ? static_cast<uint64_t>(c - '0')
                          : static_cast<uint64_t>((c | 0x20) - 'a' + 10);
    uint64_t carry = d;
    for (uint32_t& x : digits) {
      uint64_t v = static_cast<uint64_t>(x) * static_cast<uint64_t>(base) + carry;
      x = static_cast<uint32_t>(v & objects::kLongMask);
      carry = v >> objects::kLongShift;
    }
    while (carry) {
      digits.push_back(static_cast<uint32_t>(carry & objects::kLongMask));
      carry >>= objects::kLongShift;
    }
  }
  if (digits.size() <= 2) {
    uint64_t v = 0;
    for (size_t k = digits.size(); k-- > 0;) v = (v << objects::kLongShift) | digits[k];
    return objects::long_from_unsigned_long_long(v);
  }
  objects::LongObject* r = objects::long_new(static_cast<ssize>(digits.size()));
  if (!r) return nullptr;
  for (size_t k = 0; k < digits.size(); k++) r->ob_digit[k] = digits[k];
  return objects::long_normalize(r);
}

// parsenumber_raw / parsenumber of Parser/pegen.c.
Object* parse_number(const char* s, size_t n) {
  std::string text;
  text.reserve(n);
  for (size_t i = 0; i < n; i++)
    if (s[i] != '_') text.push_back(s[i]);
  char last = text.empty() ? 0 : text.back();
  bool imflag = last == 'j' || last == 'J';
  bool is_float = false;
  if (!imflag) {
    bool hex = text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    if (!hex) is_float = text.find_first_of(".eE") != std::string::npos;
    if (!is_float) return int_from_literal(text);
  }
  const char* begin = text.c_str();
  const char* end = begin + text.size() - (imflag ? 1 : 0);
  double d = 0;
  const char* endp = nullptr;
  if (pystrconv::string_to_double(begin, end, &d, &endp, false) != pystrconv::StrtodStatus::kOk) {
    errors::set_string(objects::exc_ValueError, "invalid number");
    return nullptr;
  }
  return imflag ? const_complex(0.0, d) : const_float(d);
}

expr_ty number_token(Parser* p) {
  Token* t = expect_token(p, NUMBER);
  if (!t) return nullptr;
  std::string_view raw = t->text();
  if (p->feature_version < 6 && raw.find('_') != std::string_view::npos) {
    p->error_indicator = 1;
    return raise_syntax_error(p, "Underscores in numeric literals are only supported in Python "
                                 "3.6 and greater");
  }
  Object* c = parse_number(raw.data(), raw.size());
  if (!c) {
    p->error_indicator = 1;
    if (errors::occurred() == objects::exc_ValueError) {
      Object* exc = errors::get_raised_exception();
      Object* msg = exc ? objects::object_str(exc) : nullptr;
      std::string m = msg ? std::string(objects::str_as_utf8(msg)) : std::string();
      objects::xdecref(msg);
      objects::xdecref(exc);
      raise_error_known_location_f(p, ErrorKind::kSyntaxError, t->lineno, 0, t->end_lineno, 0,
                                   "%s - Consider hexadecimal for huge integer literals to "
                                   "avoid decimal conversion limits.",
                                   m.c_str());
      return nullptr;
    }
    take_object_error(p);
    return nullptr;
  }
  if (p->arena->add_object(c) < 0) {
    objects::decref(c);
    p->error_indicator = 1;
    return nullptr;
  }
  return ast::Constant(c, nullptr, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                       p->arena);
}

// _Py_ReachedRecursionLimitWithMargin(PyThreadState_Get(), 1) as the rules call it: a rule
// nested that deep stops with _Pypegen_stack_overflow's MemoryError instead of overflowing
// the C stack (a thread with a small threading.stack_size, deep input). The bounds are the
// thread state's (Py_EnterRecursiveCall's); a thread that parses without a bound state (the
// front-end tools) reads its stack first.
bool stack_overflow(Parser*) {
  runtime::ThreadState* ts = runtime::thread_state();
  if (!ts) return false;
  if (!ts->c_stack_soft_limit) runtime::init_recursion_limits(ts);
  return runtime::reached_recursion_limit_with_margin(ts, 1);
}

// _Pypegen_stack_overflow.
void report_too_deep(Parser* p) {
  p->error_indicator = 1;
  set_error(p, "MemoryError", "Parser stack overflowed - Python source too complex to parse");
}

AnyPtr dummy_name(Parser* p) {
  static Object* id = nullptr;
  static ast::_expr cache{};
  if (!id) {
    id = objects::str_intern_from_cstr("");
    cache.kind = ast::Name_kind;
    cache.v.Name.id = id;
    cache.v.Name.ctx = ast::Load;
    cache.lineno = 1;
    cache.col_offset = 0;
    cache.end_lineno = 1;
    cache.end_col_offset = 0;
  }
  (void)p;
  return &cache;
}

AnySeq seq_from_items(Parser* p, ItemBuffer& buffer) {
  asdl_seq* seq = ast::asdl_generic_seq_new(static_cast<ssize>(buffer.size()), p->arena);
  if (!seq) return AnySeq();
  for (size_t i = 0; i < buffer.size(); i++) seq->typed_elements[i] = buffer.items()[i];
  return AnySeq(seq);
}

namespace {

// _is_end_of_source.
bool is_end_of_source(Parser* p) {
  int err = p->tok->done();
  return err == errcode::kEof || err == errcode::kEofS || err == errcode::kEolS;
}

// reset_parser_state_for_error_pass.
void reset_for_error_pass(Parser* p) {
  p->last_stmt_location = Location();
  for (int i = 0; i < p->fill; i++) p->memos[i] = nullptr;
  p->mark = 0;
  p->call_invalid_rules = 1;
  // No more lines from the prompt for the second pass.
  p->tok->stop_interactive_reading();
}

// bad_single_statement: after a complete statement in single mode only comments and blank
// lines may follow (in the tokenizer's buffer: at the prompt, the line read last).
bool bad_single_statement(Parser* p) {
  const char* cur = LexerAccess::cur(p->tok);
  const char* end = p->tok->buffer_end();
  for (;;) {
    while (cur < end && (*cur == ' ' || *cur == '\t' || *cur == '\n' || *cur == '\x0c')) cur++;
    if (cur >= end) return false;
    if (*cur == '#') {
      while (cur < end && *cur != '\n') cur++;
      continue;
    }
    return true;
  }
}

// _PyPegen_set_syntax_error_metadata: where the last statement began, and the source.
void set_syntax_error_metadata(Parser* p) {
  ParseError& e = p->error;
  e.has_metadata = true;
  e.metadata_lineno = p->last_stmt_location.lineno;
  e.metadata_col_offset = p->last_stmt_location.col_offset;
  e.metadata_encoding = p->tok->encoding();
  if (p->tok->has_string_source()) {
    e.metadata_has_source = true;
    const char* begin = p->tok->buffer_begin();
    // PyUnicode_FromString: up to a NUL byte.
    e.metadata_source.assign(begin, std::strlen(begin) < size_t(p->tok->buffer_end() - begin)
                                        ? std::strlen(begin)
                                        : size_t(p->tok->buffer_end() - begin));
  } else if (p->tok->is_interactive()) {
    e.metadata_has_source = true;
    e.metadata_source = p->tok->interactive_source();
  } else if (p->tok->is_stdin_file()) {
    e.metadata_has_source = true;
    e.metadata_source = std::string(p->tok->file_lines_read());
  }
}

// compute_parser_flags of pegen.c.
int parser_flags(int cf_flags) {
  int flags = 0;
  if (cf_flags & kPyCF_DONT_IMPLY_DEDENT) flags |= kPARSE_DONT_IMPLY_DEDENT;
  if (cf_flags & kPyCF_IGNORE_COOKIE) flags |= kPARSE_IGNORE_COOKIE;
  if (cf_flags & kCO_FUTURE_BARRY_AS_BDFL) flags |= kPARSE_BARRY_AS_BDFL;
  if (cf_flags & kPyCF_TYPE_COMMENTS) flags |= kPARSE_TYPE_COMMENTS;
  if (cf_flags & kPyCF_ALLOW_INCOMPLETE_INPUT) flags |= kPARSE_ALLOW_INCOMPLETE_INPUT;
  return flags;
}

}  // namespace

// _PyPegen_run_parser.
static void* run_parser(Parser* p) {
  void* res = run_start_rule(p);
  if (res == nullptr) {
    if ((p->flags & kPARSE_ALLOW_INCOMPLETE_INPUT) && is_end_of_source(p)) {
      p->has_error = false;
      p->error_indicator = 0;
      raise_error_f(p, ErrorKind::kIncompleteInputError, false, "incomplete input");
      return nullptr;
    }
    if (p->has_error && p->error.type != "SyntaxError" && p->error.type != "IndentationError" &&
        p->error.type != "TabError") {
      return nullptr;
    }
    // The second pass, with the invalid_ rules on, for a precise message.
    Token* last_token = p->fill > 0 ? p->tokens[p->fill - 1] : nullptr;
    reset_for_error_pass(p);
    run_start_rule(p);
    set_syntax_error(p, last_token);
    if (p->has_error && !p->error.exception &&
        (p->error.type == "SyntaxError" || p->error.type == "IndentationError" ||
         p->error.type == "TabError")) {
      set_syntax_error_metadata(p);
    }
    return nullptr;
  }
  if (p->start_rule == StartRule::kInteractive && bad_single_statement(p)) {
    return raise_syntax_error(p, "multiple statements found while compiling a single statement");
  }
  return res;
}

static ParseResult run(Lexer* lexer, const std::string& filename, const ParseOptions& options,
                       ast::Arena* arena, bool* interactive_eof = nullptr) {
  Parser parser;
  Parser* p = &parser;
  p->tok = lexer;
  p->arena = arena;
  p->filename = filename;
  p->start_rule = options.start;
  p->flags = parser_flags(options.flags);
  p->feature_version = options.feature_version >= 0 ? options.feature_version : 14;
  p->warn = options.warn;
  lexer->set_filename(filename);
  lexer->set_type_comments((p->flags & kPARSE_TYPE_COMMENTS) != 0);
  lexer->set_warning_handler([p](const char* category, const std::string& message, int lineno) {
    ParseWarning w{category, message, lineno};
    p->warnings.push_back(w);
    return p->warn ? p->warn(w) : 0;
  });
  ParseResult result;
  void* res = run_parser(p);
  if (!res && !p->has_error) {
    // A rule failed without an error: CPython reports it as a SystemError.
    set_error(p, "SystemError", "error return without exception set");
  }
  result.mod = p->has_error ? nullptr : static_cast<mod_ty>(res);
  result.error = p->error;
  if (p->has_error) result.error.filename = filename;
  result.warnings = std::move(p->warnings);
  if (interactive_eof) *interactive_eof = p->interactive_eof;
  return result;
}

// _PyPegen_run_parser_from_string.
ParseResult parse_string(std::string_view source, const std::string& filename,
                         const ParseOptions& options, ast::Arena* arena) {
  bool exec_input = options.start == StartRule::kFile;
  Lexer::Input input = (options.flags & kPyCF_IGNORE_COOKIE) ? Lexer::Input::kUtf8
                                                             : Lexer::Input::kString;
  if (options.file_input) input = Lexer::Input::kFile;
  Lexer lexer(source, input, exec_input);
  if (options.file_input) lexer.set_file_options(options.file_seekable, !options.file_is_stdin);
  return run(&lexer, filename, options, arena);
}

// _PyPegen_run_parser_from_file_pointer with prompts (fp_interactive).
ParseResult parse_interactive(const InteractiveInput& input, const std::string& filename,
                              int flags, ParserWarningHandler warn, ast::Arena* arena, bool* eof,
                              std::string* source) {
  Lexer lexer(&input);
  ParseOptions options;
  options.start = StartRule::kInteractive;
  options.flags = flags;
  options.warn = std::move(warn);
  ParseResult r = run(&lexer, filename, options, arena, eof);
  if (source) *source = lexer.interactive_source();
  return r;
}

// _PyPegen_run_parser_from_file_pointer, over the whole file's bytes.
ParseResult parse_file(const std::string& path, const std::string& filename,
                       const ParseOptions& options, ast::Arena* arena) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    ParseResult r;
    r.error.type = "OSError";
    r.error.message = "cannot read " + path;
    return r;
  }
  std::stringstream ss;
  ss << f.rdbuf();
  std::string data = ss.str();
  Lexer lexer(data, Lexer::Input::kFile, true);
  return run(&lexer, filename, options, arena);
}

}  // namespace cppy::parser
