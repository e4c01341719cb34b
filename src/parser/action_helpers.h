// The helpers the grammar's actions call: Parser/action_helpers.c, the inline helpers and
// RAISE_* macros of Parser/pegen.h, and the string side of Parser/string_parser.c.
//
// Every function follows the parser's protocol: nullptr (or 0/-1) with p->error_indicator
// or a ParseError recorded on failure. The raise_* functions return a NullResult, which
// converts to any pointer type, so that an action can be `raise_...(...)` whatever the
// rule's type, as CPython's macros evaluate to NULL.
#pragma once

#include <cstdarg>

#include "parser/pegen.h"

namespace cppy::parser {

using ast::boolop_ty;
using ast::cmpop_ty;
using ast::expr_context_ty;
using ast::operator_ty;
using ast::unaryop_ty;

// ---- the small structs of pegen.h -----------------------------------------------------------

struct CmpopExprPair {
  cmpop_ty cmpop;
  expr_ty expr;
};
struct KeyValuePair {
  expr_ty key;
  expr_ty value;
};
struct KeyPatternPair {
  expr_ty key;
  pattern_ty pattern;
};
struct NameDefaultPair {
  arg_ty arg;
  expr_ty value;
};
struct SlashWithDefault {
  asdl_arg_seq* plain_names;
  asdl_seq* names_with_defaults;  // of NameDefaultPair*
};
struct StarEtc {
  arg_ty vararg;
  asdl_seq* kwonlyargs;  // of NameDefaultPair*
  arg_ty kwarg;
};
struct AugOperator {
  operator_ty kind;
};
struct KeywordOrStarred {
  void* element;
  int is_keyword;
};
struct ResultTokenWithMetadata {
  void* result;
  Object* metadata;
};

enum class TargetsType { kStarTargets, kDelTargets, kForTargets };

// What CPython's RAISE_* macros evaluate to: NULL of any pointer type.
struct NullResult {
  NullResult() = default;
  NullResult(std::nullptr_t) {}
  template <class T>
  operator T*() const {
    return nullptr;
  }
  operator AnySeq() const { return AnySeq(); }
  operator AnyPtr() const { return AnyPtr(); }
};

// ---- errors (the RAISE_* macros) ------------------------------------------------------------

// RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns (or kCurrentPos).
NullResult raise_error_known_location(Parser* p, ErrorKind kind, int lineno, int col_offset,
                                      int end_lineno, int end_col_offset, const char* fmt, ...);
NullResult raise_syntax_error(Parser* p, const char* fmt, ...);       // RAISE_SYNTAX_ERROR
NullResult raise_indentation_error(Parser* p, const char* fmt, ...);  // RAISE_INDENTATION_ERROR
NullResult raise_on_next_token(Parser* p, const char* fmt, ...);  // ..._ON_NEXT_TOKEN

namespace detail {
NullResult raise_at(Parser* p, int lineno, int col, int end_lineno, int end_col,
                    const char* fmt, va_list va);
}
// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, ...): a is a Token* or any node with a position.
template <class A>
NullResult raise_known_location(Parser* p, A* a, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  detail::raise_at(p, a->lineno, a->col_offset + 1, a->end_lineno, a->end_col_offset + 1, fmt,
                   va);
  va_end(va);
  return {};
}
// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, ...).
template <class A, class B>
NullResult raise_known_range(Parser* p, A* a, B* b, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  detail::raise_at(p, a->lineno, a->col_offset + 1, b->end_lineno, b->end_col_offset + 1, fmt,
                   va);
  va_end(va);
  return {};
}
// RAISE_SYNTAX_ERROR_STARTING_FROM(a, ...): to the tokenizer's current position.
template <class A>
NullResult raise_starting_from(Parser* p, A* a, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  detail::raise_at(p, a->lineno, a->col_offset + 1, kCurrentPos, kCurrentPos, fmt, va);
  va_end(va);
  return {};
}
// RAISE_SYNTAX_ERROR_INVALID_TARGET.
NullResult raise_invalid_target(Parser* p, TargetsType type, expr_ty e);
// _PyPegen_arguments_parsing_error, _PyPegen_nonparen_genexp_in_call.
NullResult arguments_parsing_error(Parser* p, expr_ty e);
NullResult nonparen_genexp_in_call(Parser* p, expr_ty args, asdl_comprehension_seq* comps);
// invalid_expression's "Perhaps you forgot a comma?" (only inside brackets).
NullResult raise_error_for_missing_comma(Parser* p, expr_ty a, expr_ty b);

inline bool error_occurred(Parser* p) { return p->has_error; }

// CHECK / CHECK_NULL_ALLOWED: a null result means an error is set.
template <class T>
inline T check(Parser* p, T result) {
  if (result == nullptr) p->error_indicator = 1;
  return result;
}
// CHECK_VERSION.
void* check_version_raw(Parser* p, int version, const char* msg, void* node);
template <class T>
inline T check_version(Parser* p, int version, const char* msg, T node) {
  if (p->feature_version >= version) return node;
  check_version_raw(p, version, msg, nullptr);
  return T{};
}

// ---- names, constants, tokens ---------------------------------------------------------------

inline Object* name_id(expr_ty e) { return e->v.Name.id; }
inline ast::_expr_kind expr_kind(expr_ty e) { return e->kind; }
const char* token_text(Token* t);  // a keyword token's spelling, for messages
Object* py_true();
Object* py_false();
Object* py_none();
Object* py_ellipsis();
Object* new_identifier(Parser* p, const char* s, ssize n);  // _PyPegen_new_identifier
Object* new_type_comment(Parser* p, Token* tc);             // _PyPegen_new_type_comment
AnyPtr dummy_name(Parser* p);
int check_barry_as_flufl(Parser* p, Token* t);
int check_legacy_stmt(Parser* p, expr_ty name);
const char* get_expr_name(expr_ty e);
expr_ty get_last_comprehension_item(comprehension_ty comprehension);
expr_ty ensure_real(Parser* p, expr_ty e);
expr_ty ensure_imaginary(Parser* p, expr_ty e);

// ---- sequences ------------------------------------------------------------------------------

template <class T>
inline auto first_item(void* seq) {
  auto* s = static_cast<asdl_seq*>(seq);
  return static_cast<T>(s->typed_elements[0]);
}
template <class T>
inline auto last_item(void* seq) {
  auto* s = static_cast<asdl_seq*>(seq);
  return static_cast<T>(s->typed_elements[s->size - 1]);
}
template <class S>
inline ssize seq_len(S* s) {
  return s ? s->size : 0;
}
template <class S>
inline auto seq_get(S* s, ssize i) {
  return s->typed_elements[i];
}

AnySeq singleton_seq_raw(Parser* p, void* a);
AnySeq seq_insert_in_front_raw(Parser* p, void* a, asdl_seq* seq);
AnySeq seq_append_to_end_raw(Parser* p, asdl_seq* seq, void* a);
AnySeq seq_flatten_raw(Parser* p, asdl_seq* seqs);
template <class T>
inline AnySeq singleton_seq(Parser* p, T a) {
  return singleton_seq_raw(p, reinterpret_cast<void*>(a));
}
template <class T, class S>
inline AnySeq seq_insert_in_front(Parser* p, T a, S* seq) {
  return seq_insert_in_front_raw(p, reinterpret_cast<void*>(a), reinterpret_cast<asdl_seq*>(seq));
}
template <class T>
inline AnySeq seq_insert_in_front(Parser* p, T a, AnySeq seq) {
  return seq_insert_in_front_raw(p, reinterpret_cast<void*>(a), seq.s);
}
template <class T, class S>
inline AnySeq seq_append_to_end(Parser* p, S* seq, T a) {
  return seq_append_to_end_raw(p, reinterpret_cast<asdl_seq*>(seq), reinterpret_cast<void*>(a));
}
template <class T>
inline AnySeq seq_append_to_end(Parser* p, AnySeq seq, T a) {
  return seq_append_to_end_raw(p, seq.s, reinterpret_cast<void*>(a));
}
template <class T, class S>
inline AnySeq seq_flatten(Parser* p, S seqs) {
  return seq_flatten_raw(p, reinterpret_cast<asdl_seq*>(static_cast<void*>(seqs)));
}
AnySeq join_sequences(Parser* p, asdl_seq* a, asdl_seq* b);
int seq_count_dots(asdl_seq* seq);
asdl_identifier_seq* map_names_to_ids(Parser* p, asdl_expr_seq* seq);
asdl_stmt_seq* register_stmts(Parser* p, asdl_stmt_seq* stmts);

// ---- statements and expressions -------------------------------------------------------------

mod_ty make_module(Parser* p, asdl_stmt_seq* a);
asdl_stmt_seq* interactive_exit(Parser* p);
expr_ty set_expr_context(Parser* p, expr_ty e, expr_context_ty ctx);
AugOperator* augoperator(Parser* p, operator_ty kind);
CmpopExprPair* cmpop_expr_pair(Parser* p, cmpop_ty cmpop, expr_ty expr);
asdl_int_seq* get_cmpops(Parser* p, asdl_seq* seq);
asdl_expr_seq* get_exprs(Parser* p, asdl_seq* seq);
KeyValuePair* key_value_pair(Parser* p, expr_ty key, expr_ty value);
asdl_expr_seq* get_keys(Parser* p, asdl_seq* seq);
asdl_expr_seq* get_values(Parser* p, asdl_seq* seq);
KeyPatternPair* key_pattern_pair(Parser* p, expr_ty key, pattern_ty pattern);
asdl_expr_seq* get_pattern_keys(Parser* p, asdl_seq* seq);
asdl_pattern_seq* get_patterns(Parser* p, asdl_seq* seq);
NameDefaultPair* name_default_pair(Parser* p, arg_ty arg, expr_ty value, Token* tc);
arg_ty add_type_comment_to_arg(Parser* p, arg_ty a, Token* tc);
SlashWithDefault* slash_with_default(Parser* p, asdl_arg_seq* plain_names,
                                     asdl_seq* names_with_defaults);
StarEtc* star_etc(Parser* p, arg_ty vararg, asdl_seq* kwonlyargs, arg_ty kwarg);
arguments_ty make_arguments(Parser* p, asdl_arg_seq* slash_without_default,
                            SlashWithDefault* slash_with_default, asdl_arg_seq* plain_names,
                            asdl_seq* names_with_default, StarEtc* star_etc);
arguments_ty empty_arguments(Parser* p);
stmt_ty function_def_decorators(Parser* p, asdl_expr_seq* decorators, stmt_ty function_def);
stmt_ty class_def_decorators(Parser* p, asdl_expr_seq* decorators, stmt_ty class_def);
KeywordOrStarred* keyword_or_starred(Parser* p, void* element, int is_keyword);
asdl_expr_seq* seq_extract_starred_exprs(Parser* p, asdl_seq* kwargs);
asdl_keyword_seq* seq_delete_starred_exprs(Parser* p, asdl_seq* kwargs);
expr_ty collect_call_seqs(Parser* p, asdl_expr_seq* a, asdl_seq* b, int lineno, int col_offset,
                          int end_lineno, int end_col_offset, ast::Arena* arena);
inline asdl_expr_seq* call_args(expr_ty call) { return call ? call->v.Call.args : nullptr; }
inline asdl_keyword_seq* call_keywords(expr_ty call) {
  return call ? call->v.Call.keywords : nullptr;
}
expr_ty join_names_with_dot(Parser* p, expr_ty first, expr_ty second);
alias_ty alias_for_star(Parser* p, int lineno, int col_offset, int end_lineno,
                        int end_col_offset, ast::Arena* arena);
stmt_ty checked_future_import(Parser* p, Object* module, asdl_alias_seq* names, int level,
                              int lineno, int col_offset, int end_lineno, int end_col_offset,
                              ast::Arena* arena);

// ---- strings (string_parser.cpp) ------------------------------------------------------------

expr_ty constant_from_token(Parser* p, Token* t);
expr_ty decoded_constant_from_token(Parser* p, Token* t);
expr_ty constant_from_string(Parser* p, Token* tok);
expr_ty joined_str(Parser* p, Token* a, asdl_expr_seq* raw_expressions, Token* b);
expr_ty template_str(Parser* p, Token* a, asdl_expr_seq* raw_expressions, Token* b);
expr_ty formatted_value(Parser* p, expr_ty expression, Token* debug, ResultTokenWithMetadata* conversion,
                        ResultTokenWithMetadata* format, Token* closing_brace, int lineno,
                        int col_offset, int end_lineno, int end_col_offset, ast::Arena* arena);
expr_ty interpolation(Parser* p, expr_ty expression, Token* debug, ResultTokenWithMetadata* conversion,
                      ResultTokenWithMetadata* format, Token* closing_brace, int lineno,
                      int col_offset, int end_lineno, int end_col_offset, ast::Arena* arena);
ResultTokenWithMetadata* check_fstring_conversion(Parser* p, Token* conv_token, expr_ty conv);
ResultTokenWithMetadata* setup_full_format_spec(Parser* p, Token* colon, asdl_expr_seq* spec,
                                                int lineno, int col_offset, int end_lineno,
                                                int end_col_offset, ast::Arena* arena);
expr_ty concatenate_strings(Parser* p, asdl_expr_seq* strings, int lineno, int col_offset,
                            int end_lineno, int end_col_offset, ast::Arena* arena);
expr_ty concatenate_tstrings(Parser* p, asdl_expr_seq* strings, int lineno, int col_offset,
                             int end_lineno, int end_col_offset, ast::Arena* arena);

// Parser/Python's parsenumber: int (any size), float or imaginary, underscores allowed.
Object* parse_number(const char* s, size_t n);

}  // namespace cppy::parser
