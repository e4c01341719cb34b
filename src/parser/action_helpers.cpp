// The grammar actions' helpers: Parser/action_helpers.c.
#include "parser/action_helpers.h"

#include <cstring>

#include "objects/boolobject.h"
#include "objects/unicodeobject.h"
#include "parser/constants.h"

namespace cppy::parser {

namespace {

template <class T>
T* arena_new(Parser* p) {
  auto* r = static_cast<T*>(p->arena->malloc(sizeof(T)));
  if (!r) p->error_indicator = 1;
  return r;
}

asdl_seq* as_seq(void* s) { return static_cast<asdl_seq*>(s); }

}  // namespace

Object* py_true() { return objects::py_true(); }
Object* py_false() { return objects::py_false(); }
Object* py_none() { return const_none(); }
Object* py_ellipsis() { return const_ellipsis(); }

const char* token_text(Token* t) {
  static thread_local std::string text;
  text = std::string(t->text());
  return text.c_str();
}

// _PyPegen_new_type_comment.
Object* new_type_comment(Parser* p, Token* tc) {
  if (!tc) return nullptr;
  std::string_view s = tc->text();
  Object* res = objects::str_from_utf8(s.data(), static_cast<ssize>(s.size()));
  if (!res) {
    take_object_error(p);
    p->error_indicator = 1;
    return nullptr;
  }
  if (p->arena->add_object(res) < 0) {
    objects::decref(res);
    p->error_indicator = 1;
    return nullptr;
  }
  return res;
}

// _PyPegen_check_barry_as_flufl.
int check_barry_as_flufl(Parser* p, Token* t) {
  std::string_view tok = t->text();
  if (p->flags & kPARSE_BARRY_AS_BDFL) {
    if (tok != "<>") {
      raise_syntax_error(p, "with Barry as BDFL, use '<>' instead of '!='");
      return -1;
    }
    return 0;
  }
  return tok != "!=";
}

// _PyPegen_check_legacy_stmt.
int check_legacy_stmt(Parser*, expr_ty name) {
  if (name->kind != ast::Name_kind) return 0;
  const char* candidates[] = {"print", "exec"};
  for (const char* c : candidates) {
    if (objects::str_equal_cstr(name->v.Name.id, c)) return 1;
  }
  return 0;
}

// _PyPegen_get_expr_name.
const char* get_expr_name(expr_ty e) {
  switch (e->kind) {
    case ast::Attribute_kind: return "attribute";
    case ast::Subscript_kind: return "subscript";
    case ast::Starred_kind: return "starred";
    case ast::Name_kind: return "name";
    case ast::List_kind: return "list";
    case ast::Tuple_kind: return "tuple";
    case ast::Lambda_kind: return "lambda";
    case ast::Call_kind: return "function call";
    case ast::BoolOp_kind:
    case ast::BinOp_kind:
    case ast::UnaryOp_kind: return "expression";
    case ast::GeneratorExp_kind: return "generator expression";
    case ast::Yield_kind:
    case ast::YieldFrom_kind: return "yield expression";
    case ast::Await_kind: return "await expression";
    case ast::ListComp_kind: return "list comprehension";
    case ast::SetComp_kind: return "set comprehension";
    case ast::DictComp_kind: return "dict comprehension";
    case ast::Dict_kind: return "dict literal";
    case ast::Set_kind: return "set display";
    case ast::JoinedStr_kind:
    case ast::FormattedValue_kind: return "f-string expression";
    case ast::TemplateStr_kind:
    case ast::Interpolation_kind: return "t-string expression";
    case ast::Constant_kind: {
      Object* v = e->v.Constant.value;
      if (is_none(v)) return "None";
      if (v == objects::py_false()) return "False";
      if (v == objects::py_true()) return "True";
      if (v == const_ellipsis()) return "ellipsis";
      return "literal";
    }
    case ast::Compare_kind: return "comparison";
    case ast::IfExp_kind: return "conditional expression";
    case ast::NamedExpr_kind: return "named expression";
    default: return nullptr;
  }
}

// _PyPegen_get_last_comprehension_item.
expr_ty get_last_comprehension_item(comprehension_ty comprehension) {
  if (comprehension->ifs == nullptr || comprehension->ifs->size == 0) return comprehension->iter;
  return comprehension->ifs->typed_elements[comprehension->ifs->size - 1];
}

// _PyPegen_ensure_real / _PyPegen_ensure_imaginary.
expr_ty ensure_imaginary(Parser* p, expr_ty exp) {
  if (exp->kind != ast::Constant_kind ||
      std::strcmp(exp->v.Constant.value->type->name, "complex") != 0) {
    raise_known_location(p, exp, "imaginary number required in complex literal");
    return nullptr;
  }
  return exp;
}
expr_ty ensure_real(Parser* p, expr_ty exp) {
  if (exp->kind != ast::Constant_kind ||
      std::strcmp(exp->v.Constant.value->type->name, "complex") == 0) {
    raise_known_location(p, exp, "real number required in complex literal");
    return nullptr;
  }
  return exp;
}

// ---- sequences ------------------------------------------------------------------------------

AnySeq singleton_seq_raw(Parser* p, void* a) {
  asdl_seq* seq = ast::asdl_generic_seq_new(1, p->arena);
  if (!seq) return AnySeq();
  seq->typed_elements[0] = a;
  return AnySeq(seq);
}

AnySeq seq_insert_in_front_raw(Parser* p, void* a, asdl_seq* seq) {
  if (!seq) return singleton_seq_raw(p, a);
  asdl_seq* n = ast::asdl_generic_seq_new(seq->size + 1, p->arena);
  if (!n) return AnySeq();
  n->typed_elements[0] = a;
  for (ssize i = 0; i < seq->size; i++) n->typed_elements[i + 1] = seq->typed_elements[i];
  return AnySeq(n);
}

AnySeq seq_append_to_end_raw(Parser* p, asdl_seq* seq, void* a) {
  if (!seq) return singleton_seq_raw(p, a);
  asdl_seq* n = ast::asdl_generic_seq_new(seq->size + 1, p->arena);
  if (!n) return AnySeq();
  for (ssize i = 0; i < seq->size; i++) n->typed_elements[i] = seq->typed_elements[i];
  n->typed_elements[seq->size] = a;
  return AnySeq(n);
}

AnySeq seq_flatten_raw(Parser* p, asdl_seq* seqs) {
  ssize total = 0;
  for (ssize i = 0; i < seqs->size; i++) total += ast::asdl_seq_LEN(as_seq(seqs->typed_elements[i]));
  asdl_seq* flat = ast::asdl_generic_seq_new(total, p->arena);
  if (!flat) return AnySeq();
  ssize k = 0;
  for (ssize i = 0; i < seqs->size; i++) {
    asdl_seq* inner = as_seq(seqs->typed_elements[i]);
    for (ssize j = 0; j < ast::asdl_seq_LEN(inner); j++) flat->typed_elements[k++] = inner->typed_elements[j];
  }
  return AnySeq(flat);
}

AnySeq join_sequences(Parser* p, asdl_seq* a, asdl_seq* b) {
  ssize first = ast::asdl_seq_LEN(a), second = ast::asdl_seq_LEN(b);
  asdl_seq* n = ast::asdl_generic_seq_new(first + second, p->arena);
  if (!n) return AnySeq();
  for (ssize i = 0; i < first; i++) n->typed_elements[i] = a->typed_elements[i];
  for (ssize i = 0; i < second; i++) n->typed_elements[first + i] = b->typed_elements[i];
  return AnySeq(n);
}

// _PyPegen_seq_count_dots.
int seq_count_dots(asdl_seq* seq) {
  int number_of_dots = 0;
  for (ssize i = 0; i < ast::asdl_seq_LEN(seq); i++) {
    auto* t = static_cast<Token*>(seq->typed_elements[i]);
    if (t->type == ELLIPSIS) number_of_dots += 3;
    else if (t->type == DOT) number_of_dots += 1;
  }
  return number_of_dots;
}

asdl_identifier_seq* map_names_to_ids(Parser* p, asdl_expr_seq* seq) {
  ssize len = ast::asdl_seq_LEN(seq);
  asdl_identifier_seq* n = ast::asdl_identifier_seq_new(len, p->arena);
  if (!n) return nullptr;
  for (ssize i = 0; i < len; i++) n->typed_elements[i] = seq->typed_elements[i]->v.Name.id;
  return n;
}

// _PyPegen_register_stmts: remembers where the last statement is.
asdl_stmt_seq* register_stmts(Parser* p, asdl_stmt_seq* stmts) {
  if (!stmts) return nullptr;
  ssize len = ast::asdl_seq_LEN(stmts);
  if (len == 0) return stmts;
  stmt_ty last = stmts->typed_elements[len - 1];
  p->last_stmt_location = {last->lineno, last->col_offset, last->end_lineno, last->end_col_offset};
  return stmts;
}

// ---- modules and statements -----------------------------------------------------------------

// _PyPegen_make_module.
mod_ty make_module(Parser* p, asdl_stmt_seq* a) {
  asdl_type_ignore_seq* type_ignores = nullptr;
  ssize num = static_cast<ssize>(p->type_ignore_comments.size());
  if (num > 0) {
    type_ignores = ast::asdl_type_ignore_seq_new(num, p->arena);
    if (!type_ignores) return nullptr;
    for (ssize i = 0; i < num; i++) {
      const auto& c = p->type_ignore_comments[static_cast<size_t>(i)];
      Object* tag = objects::str_from_utf8(c.second.data(), static_cast<ssize>(c.second.size()));
      if (!tag || p->arena->add_object(tag) < 0) return nullptr;
      type_ignore_ty ti = ast::TypeIgnore(c.first, tag, p->arena);
      if (!ti) return nullptr;
      type_ignores->typed_elements[i] = ti;
    }
  }
  return ast::Module(a, type_ignores, p->arena);
}

// _PyPegen_interactive_exit: end of file at the prompt.
asdl_stmt_seq* interactive_exit(Parser* p) {
  p->interactive_eof = true;
  return nullptr;
}

// _PyPegen_set_expr_context and its _set_*_context helpers.
static asdl_expr_seq* set_seq_context(Parser* p, asdl_expr_seq* seq, expr_context_ty ctx) {
  ssize len = ast::asdl_seq_LEN(seq);
  if (len == 0) return nullptr;
  asdl_expr_seq* n = ast::asdl_expr_seq_new(len, p->arena);
  if (!n) return nullptr;
  for (ssize i = 0; i < len; i++) n->typed_elements[i] = set_expr_context(p, seq->typed_elements[i], ctx);
  return n;
}

expr_ty set_expr_context(Parser* p, expr_ty e, expr_context_ty ctx) {
  switch (e->kind) {
    case ast::Name_kind:
      return ast::Name(e->v.Name.id, ctx, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, p->arena);
    case ast::Tuple_kind:
      return ast::Tuple(set_seq_context(p, e->v.Tuple.elts, ctx), ctx, e->lineno, e->col_offset,
                        e->end_lineno, e->end_col_offset, p->arena);
    case ast::List_kind:
      return ast::List(set_seq_context(p, e->v.List.elts, ctx), ctx, e->lineno, e->col_offset,
                       e->end_lineno, e->end_col_offset, p->arena);
    case ast::Subscript_kind:
      return ast::Subscript(e->v.Subscript.value, e->v.Subscript.slice, ctx, e->lineno,
                            e->col_offset, e->end_lineno, e->end_col_offset, p->arena);
    case ast::Attribute_kind:
      return ast::Attribute(e->v.Attribute.value, e->v.Attribute.attr, ctx, e->lineno,
                            e->col_offset, e->end_lineno, e->end_col_offset, p->arena);
    case ast::Starred_kind:
      return ast::Starred(set_expr_context(p, e->v.Starred.value, ctx), ctx, e->lineno,
                          e->col_offset, e->end_lineno, e->end_col_offset, p->arena);
    default:
      return e;
  }
}

AugOperator* augoperator(Parser* p, operator_ty kind) {
  auto* a = arena_new<AugOperator>(p);
  if (a) a->kind = kind;
  return a;
}

CmpopExprPair* cmpop_expr_pair(Parser* p, cmpop_ty cmpop, expr_ty expr) {
  auto* a = arena_new<CmpopExprPair>(p);
  if (a) *a = {cmpop, expr};
  return a;
}

asdl_int_seq* get_cmpops(Parser* p, asdl_seq* seq) {
  ssize len = ast::asdl_seq_LEN(seq);
  asdl_int_seq* n = ast::asdl_int_seq_new(len, p->arena);
  if (!n) return nullptr;
  for (ssize i = 0; i < len; i++) n->typed_elements[i] = static_cast<CmpopExprPair*>(seq->typed_elements[i])->cmpop;
  return n;
}

asdl_expr_seq* get_exprs(Parser* p, asdl_seq* seq) {
  ssize len = ast::asdl_seq_LEN(seq);
  asdl_expr_seq* n = ast::asdl_expr_seq_new(len, p->arena);
  if (!n) return nullptr;
  for (ssize i = 0; i < len; i++) n->typed_elements[i] = static_cast<CmpopExprPair*>(seq->typed_elements[i])->expr;
  return n;
}

KeyValuePair* key_value_pair(Parser* p, expr_ty key, expr_ty value) {
  auto* a = arena_new<KeyValuePair>(p);
  if (a) *a = {key, value};
  return a;
}

asdl_expr_seq* get_keys(Parser* p, asdl_seq* seq) {
  ssize len = ast::asdl_seq_LEN(seq);
  asdl_expr_seq* n = ast::asdl_expr_seq_new(len, p->arena);
  if (!n) return nullptr;
  for (ssize i = 0; i < len; i++) n->typed_elements[i] = static_cast<KeyValuePair*>(seq->typed_elements[i])->key;
  return n;
}

asdl_expr_seq* get_values(Parser* p, asdl_seq* seq) {
  ssize len = ast::asdl_seq_LEN(seq);
  asdl_expr_seq* n = ast::asdl_expr_seq_new(len, p->arena);
  if (!n) return nullptr;
  for (ssize i = 0; i < len; i++) n->typed_elements[i] = static_cast<KeyValuePair*>(seq->typed_elements[i])->value;
  return n;
}

KeyPatternPair* key_pattern_pair(Parser* p, expr_ty key, pattern_ty pattern) {
  auto* a = arena_new<KeyPatternPair>(p);
  if (a) *a = {key, pattern};
  return a;
}

asdl_expr_seq* get_pattern_keys(Parser* p, asdl_seq* seq) {
  ssize len = ast::asdl_seq_LEN(seq);
  asdl_expr_seq* n = ast::asdl_expr_seq_new(len, p->arena);
  if (!n) return nullptr;
  for (ssize i = 0; i < len; i++) n->typed_elements[i] = static_cast<KeyPatternPair*>(seq->typed_elements[i])->key;
  return n;
}

asdl_pattern_seq* get_patterns(Parser* p, asdl_seq* seq) {
  ssize len = ast::asdl_seq_LEN(seq);
  asdl_pattern_seq* n = ast::asdl_pattern_seq_new(len, p->arena);
  if (!n) return nullptr;
  for (ssize i = 0; i < len; i++) n->typed_elements[i] = static_cast<KeyPatternPair*>(seq->typed_elements[i])->pattern;
  return n;
}

// _PyPegen_add_type_comment_to_arg.
arg_ty add_type_comment_to_arg(Parser* p, arg_ty a, Token* tc) {
  if (!tc) return a;
  Object* bytes = new_type_comment(p, tc);
  if (!bytes) return nullptr;
  return ast::arg(a->arg, a->annotation, bytes, a->lineno, a->col_offset, a->end_lineno,
                  a->end_col_offset, p->arena);
}

NameDefaultPair* name_default_pair(Parser* p, arg_ty arg, expr_ty value, Token* tc) {
  auto* a = arena_new<NameDefaultPair>(p);
  if (!a) return nullptr;
  a->arg = add_type_comment_to_arg(p, arg, tc);
  a->value = value;
  return a;
}

SlashWithDefault* slash_with_default(Parser* p, asdl_arg_seq* plain_names,
                                     asdl_seq* names_with_defaults) {
  auto* a = arena_new<SlashWithDefault>(p);
  if (a) *a = {plain_names, names_with_defaults};
  return a;
}

StarEtc* star_etc(Parser* p, arg_ty vararg, asdl_seq* kwonlyargs, arg_ty kwarg) {
  auto* a = arena_new<StarEtc>(p);
  if (a) *a = {vararg, kwonlyargs, kwarg};
  return a;
}

namespace {

asdl_arg_seq* join_arg_seqs(Parser* p, asdl_arg_seq* a, asdl_arg_seq* b) {
  return join_sequences(p, reinterpret_cast<asdl_seq*>(a), reinterpret_cast<asdl_seq*>(b));
}

asdl_arg_seq* get_names(Parser* p, asdl_seq* names_with_defaults) {
  ssize len = ast::asdl_seq_LEN(names_with_defaults);
  asdl_arg_seq* seq = ast::asdl_arg_seq_new(len, p->arena);
  if (!seq) return nullptr;
  for (ssize i = 0; i < len; i++)
    seq->typed_elements[i] = static_cast<NameDefaultPair*>(names_with_defaults->typed_elements[i])->arg;
  return seq;
}

asdl_expr_seq* get_defaults(Parser* p, asdl_seq* names_with_defaults) {
  ssize len = ast::asdl_seq_LEN(names_with_defaults);
  asdl_expr_seq* seq = ast::asdl_expr_seq_new(len, p->arena);
  if (!seq) return nullptr;
  for (ssize i = 0; i < len; i++)
    seq->typed_elements[i] = static_cast<NameDefaultPair*>(names_with_defaults->typed_elements[i])->value;
  return seq;
}

}  // namespace

// _PyPegen_make_arguments.
arguments_ty make_arguments(Parser* p, asdl_arg_seq* slash_without_default,
                            SlashWithDefault* slash_with_default, asdl_arg_seq* plain_names,
                            asdl_seq* names_with_default, StarEtc* star_etc) {
  asdl_arg_seq* posonlyargs;
  if (slash_without_default) {
    posonlyargs = slash_without_default;
  } else if (slash_with_default) {
    asdl_arg_seq* names = get_names(p, slash_with_default->names_with_defaults);
    if (!names) return nullptr;
    posonlyargs = join_arg_seqs(p, slash_with_default->plain_names, names);
  } else {
    posonlyargs = ast::asdl_arg_seq_new(0, p->arena);
  }
  if (!posonlyargs) return nullptr;

  asdl_arg_seq* posargs;
  if (plain_names && names_with_default) {
    asdl_arg_seq* names = get_names(p, names_with_default);
    if (!names) return nullptr;
    posargs = join_arg_seqs(p, plain_names, names);
  } else if (!plain_names && names_with_default) {
    posargs = get_names(p, names_with_default);
  } else if (plain_names && !names_with_default) {
    posargs = plain_names;
  } else {
    posargs = ast::asdl_arg_seq_new(0, p->arena);
  }
  if (!posargs) return nullptr;

  asdl_expr_seq* posdefaults;
  if (slash_with_default && names_with_default) {
    asdl_expr_seq* a = get_defaults(p, slash_with_default->names_with_defaults);
    asdl_expr_seq* b = get_defaults(p, names_with_default);
    if (!a || !b) return nullptr;
    posdefaults = join_sequences(p, reinterpret_cast<asdl_seq*>(a), reinterpret_cast<asdl_seq*>(b));
  } else if (names_with_default) {
    posdefaults = get_defaults(p, names_with_default);
  } else if (slash_with_default) {
    posdefaults = get_defaults(p, slash_with_default->names_with_defaults);
  } else {
    posdefaults = ast::asdl_expr_seq_new(0, p->arena);
  }
  if (!posdefaults) return nullptr;

  arg_ty vararg = nullptr;
  if (star_etc && star_etc->vararg) vararg = star_etc->vararg;

  asdl_arg_seq* kwonlyargs;
  asdl_expr_seq* kwdefaults;
  if (star_etc && star_etc->kwonlyargs) {
    kwonlyargs = get_names(p, star_etc->kwonlyargs);
    kwdefaults = get_defaults(p, star_etc->kwonlyargs);
  } else {
    kwonlyargs = ast::asdl_arg_seq_new(0, p->arena);
    kwdefaults = ast::asdl_expr_seq_new(0, p->arena);
  }
  if (!kwonlyargs || !kwdefaults) return nullptr;

  arg_ty kwarg = nullptr;
  if (star_etc && star_etc->kwarg) kwarg = star_etc->kwarg;

  return ast::arguments(posonlyargs, posargs, vararg, kwonlyargs, kwdefaults, kwarg, posdefaults,
                        p->arena);
}

arguments_ty empty_arguments(Parser* p) {
  asdl_arg_seq* posonlyargs = ast::asdl_arg_seq_new(0, p->arena);
  asdl_arg_seq* posargs = ast::asdl_arg_seq_new(0, p->arena);
  asdl_expr_seq* posdefaults = ast::asdl_expr_seq_new(0, p->arena);
  asdl_arg_seq* kwonlyargs = ast::asdl_arg_seq_new(0, p->arena);
  asdl_expr_seq* kwdefaults = ast::asdl_expr_seq_new(0, p->arena);
  if (!posonlyargs || !posargs || !posdefaults || !kwonlyargs || !kwdefaults) return nullptr;
  return ast::arguments(posonlyargs, posargs, nullptr, kwonlyargs, kwdefaults, nullptr,
                        posdefaults, p->arena);
}

// _PyPegen_function_def_decorators.
stmt_ty function_def_decorators(Parser* p, asdl_expr_seq* decorators, stmt_ty f) {
  if (f->kind == ast::AsyncFunctionDef_kind) {
    auto& d = f->v.AsyncFunctionDef;
    return ast::AsyncFunctionDef(d.name, d.args, d.body, decorators, d.returns, d.type_comment,
                                 d.type_params, f->lineno, f->col_offset, f->end_lineno,
                                 f->end_col_offset, p->arena);
  }
  auto& d = f->v.FunctionDef;
  return ast::FunctionDef(d.name, d.args, d.body, decorators, d.returns, d.type_comment,
                          d.type_params, f->lineno, f->col_offset, f->end_lineno,
                          f->end_col_offset, p->arena);
}

// _PyPegen_class_def_decorators.
stmt_ty class_def_decorators(Parser* p, asdl_expr_seq* decorators, stmt_ty c) {
  auto& d = c->v.ClassDef;
  return ast::ClassDef(d.name, d.bases, d.keywords, d.body, decorators, d.type_params, c->lineno,
                       c->col_offset, c->end_lineno, c->end_col_offset, p->arena);
}

KeywordOrStarred* keyword_or_starred(Parser* p, void* element, int is_keyword) {
  auto* a = arena_new<KeywordOrStarred>(p);
  if (a) *a = {element, is_keyword};
  return a;
}

namespace {
ssize seq_number_of_starred_exprs(asdl_seq* seq) {
  ssize n = 0;
  for (ssize i = 0; i < ast::asdl_seq_LEN(seq); i++)
    if (!static_cast<KeywordOrStarred*>(seq->typed_elements[i])->is_keyword) n++;
  return n;
}
}  // namespace

asdl_expr_seq* seq_extract_starred_exprs(Parser* p, asdl_seq* kwargs) {
  ssize new_len = seq_number_of_starred_exprs(kwargs);
  if (new_len == 0) return nullptr;
  asdl_expr_seq* n = ast::asdl_expr_seq_new(new_len, p->arena);
  if (!n) return nullptr;
  ssize idx = 0;
  for (ssize i = 0; i < ast::asdl_seq_LEN(kwargs); i++) {
    auto* k = static_cast<KeywordOrStarred*>(kwargs->typed_elements[i]);
    if (!k->is_keyword) n->typed_elements[idx++] = static_cast<expr_ty>(k->element);
  }
  return n;
}

asdl_keyword_seq* seq_delete_starred_exprs(Parser* p, asdl_seq* kwargs) {
  ssize len = ast::asdl_seq_LEN(kwargs);
  ssize new_len = len - seq_number_of_starred_exprs(kwargs);
  if (new_len == 0) return nullptr;
  asdl_keyword_seq* n = ast::asdl_keyword_seq_new(new_len, p->arena);
  if (!n) return nullptr;
  ssize idx = 0;
  for (ssize i = 0; i < len; i++) {
    auto* k = static_cast<KeywordOrStarred*>(kwargs->typed_elements[i]);
    if (k->is_keyword) n->typed_elements[idx++] = static_cast<keyword_ty>(k->element);
  }
  return n;
}

// _PyPegen_collect_call_seqs.
expr_ty collect_call_seqs(Parser* p, asdl_expr_seq* a, asdl_seq* b, int lineno, int col_offset,
                          int end_lineno, int end_col_offset, ast::Arena* arena) {
  ssize args_len = ast::asdl_seq_LEN(a);
  ssize total_len = args_len;
  if (!b) {
    return ast::Call(static_cast<expr_ty>(dummy_name(p)), a, nullptr, lineno, col_offset,
                     end_lineno, end_col_offset, arena);
  }
  asdl_expr_seq* starreds = seq_extract_starred_exprs(p, b);
  asdl_keyword_seq* keywords = seq_delete_starred_exprs(p, b);
  if (starreds) total_len += starreds->size;
  asdl_expr_seq* args = ast::asdl_expr_seq_new(total_len, arena);
  if (!args) return nullptr;
  ssize i = 0;
  for (i = 0; i < args_len; i++) args->typed_elements[i] = a->typed_elements[i];
  for (; i < total_len; i++) args->typed_elements[i] = starreds->typed_elements[i - args_len];
  return ast::Call(static_cast<expr_ty>(dummy_name(p)), args, keywords, lineno, col_offset,
                   end_lineno, end_col_offset, arena);
}

// _PyPegen_join_names_with_dot.
expr_ty join_names_with_dot(Parser* p, expr_ty first, expr_ty second) {
  Object* s = objects::str_from_format("%U.%U", first->v.Name.id, second->v.Name.id);
  if (!s) {
    take_object_error(p);
    return nullptr;
  }
  objects::str_intern_in_place(&s);
  if (p->arena->add_object(s) < 0) {
    objects::decref(s);
    return nullptr;
  }
  return ast::Name(s, ast::Load, first->lineno, first->col_offset, second->end_lineno,
                   second->end_col_offset, p->arena);
}

// _PyPegen_alias_for_star.
alias_ty alias_for_star(Parser* p, int lineno, int col_offset, int end_lineno,
                        int end_col_offset, ast::Arena* arena) {
  Object* str = objects::str_intern_from_cstr("*");
  if (!str) return nullptr;
  if (arena->add_object(str) < 0) {
    objects::decref(str);
    return nullptr;
  }
  (void)p;
  return ast::alias(str, nullptr, lineno, col_offset, end_lineno, end_col_offset, arena);
}

// _PyPegen_checked_future_import.
stmt_ty checked_future_import(Parser* p, Object* module, asdl_alias_seq* names, int level,
                              int lineno, int col_offset, int end_lineno, int end_col_offset,
                              ast::Arena* arena) {
  if (level == 0 && objects::str_equal_cstr(module, "__future__")) {
    for (ssize i = 0; i < ast::asdl_seq_LEN(names); i++) {
      alias_ty alias = names->typed_elements[i];
      if (objects::str_equal_cstr(alias->name, "barry_as_FLUFL")) p->flags |= kPARSE_BARRY_AS_BDFL;
    }
  }
  return ast::ImportFrom(module, names, level, lineno, col_offset, end_lineno, end_col_offset,
                         arena);
}

// ---- errors ---------------------------------------------------------------------------------

// _PyPegen_get_invalid_target.
static expr_ty get_invalid_target(expr_ty e, TargetsType targets_type) {
  if (!e) return nullptr;
  switch (e->kind) {
    case ast::List_kind:
    case ast::Tuple_kind: {
      asdl_expr_seq* elts = e->kind == ast::List_kind ? e->v.List.elts : e->v.Tuple.elts;
      for (ssize i = 0; i < ast::asdl_seq_LEN(elts); i++) {
        expr_ty child = get_invalid_target(elts->typed_elements[i], targets_type);
        if (child) return child;
      }
      return nullptr;
    }
    case ast::Starred_kind:
      if (targets_type == TargetsType::kDelTargets) return e;
      return get_invalid_target(e->v.Starred.value, targets_type);
    case ast::Compare_kind:
      // This is needed, because the `a in b` in `for a in b` gets parsed as a comparison.
      if (targets_type == TargetsType::kForTargets) {
        cmpop_ty cmpop = static_cast<cmpop_ty>(e->v.Compare.ops->typed_elements[0]);
        if (cmpop == ast::In) return get_invalid_target(e->v.Compare.left, targets_type);
        return nullptr;
      }
      return e;
    case ast::Name_kind:
    case ast::Subscript_kind:
    case ast::Attribute_kind:
      return nullptr;
    default:
      return e;
  }
}

// RAISE_SYNTAX_ERROR_INVALID_TARGET.
NullResult raise_invalid_target(Parser* p, TargetsType type, expr_ty e) {
  expr_ty invalid_target = get_invalid_target(e, type);
  if (invalid_target) {
    const char* msg = type == TargetsType::kStarTargets || type == TargetsType::kForTargets
                          ? "cannot assign to %s"
                          : "cannot delete %s";
    return raise_known_location(p, invalid_target, msg, get_expr_name(invalid_target));
  }
  // No invalid target: the alternative fails without an error, and the generic "invalid
  // syntax" at the first pass's last token follows (CPython 3.14's helper returns NULL).
  return {};
}

// _PyPegen_arguments_parsing_error.
NullResult arguments_parsing_error(Parser* p, expr_ty e) {
  int keyword_unpacking = 0;
  asdl_keyword_seq* keywords = e->v.Call.keywords;
  for (ssize i = 0; i < ast::asdl_seq_LEN(keywords); i++) {
    if (!keywords->typed_elements[i]->arg) keyword_unpacking = 1;
  }
  const char* msg = keyword_unpacking
                        ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument";
  return raise_syntax_error(p, msg);
}

// _PyPegen_nonparen_genexp_in_call.
NullResult nonparen_genexp_in_call(Parser* p, expr_ty args, asdl_comprehension_seq* comprehensions) {
  ssize len = ast::asdl_seq_LEN(args->v.Call.args);
  if (len <= 1) return {};
  comprehension_ty last_comprehension = comprehensions->typed_elements[comprehensions->size - 1];
  return raise_known_range(p, args->v.Call.args->typed_elements[len - 1],
                           get_last_comprehension_item(last_comprehension),
                           "Generator expression must be parenthesized");
}

// invalid_expression: "Perhaps you forgot a comma?" only inside brackets.
NullResult raise_error_for_missing_comma(Parser* p, expr_ty a, expr_ty b) {
  if (check_legacy_stmt(p, a)) return {};
  if (p->tokens[p->mark - 1]->level == 0) return {};
  return raise_known_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
}

}  // namespace cppy::parser
