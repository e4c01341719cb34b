// Python/ast_preprocess.c of CPython 3.14, the parts that change the code: __debug__ becomes a
// constant, `"..." % (a, b)` with simple %s/%r/%a units becomes an f-string (optimize_format),
// negative and complex literals of match patterns are folded, and -OO drops docstrings.
// It also emits PEP 765's SyntaxWarnings for return/break/continue leaving a finally block.
#include <cstdio>
#include <string>
#include <vector>

#include "ast/arena.h"
#include "ast/ast.h"
#include "ast/future.h"
#include "compile/codegen_internal.h"
#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/boolobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/unicodeobject.h"
#include "parser/constants.h"

namespace cppy::compile {

using namespace ast;

Object* konst_long_from_int(const objects::bigint::Int& v);

namespace {

// ControlFlowInFinallyContext: the innermost finally block, function body or loop body.
struct ControlFlowContext {
  bool in_finally;
  bool in_funcdef;
  bool in_loop;
};

struct State {
  int optimize;
  int ff_features;
  Arena* arena;
  Object* filename = nullptr;  // null: no PEP 765 warnings
  std::vector<ControlFlowContext> cf_finally;
};

// control_flow_in_finally_warning (_PyErr_EmitSyntaxWarning): "'kw' in a 'finally' block";
// a warning the filters turn into an error becomes a SyntaxError at the statement.
int control_flow_in_finally_warning(const char* kw, stmt_ty n, State* st) {
  std::string message = std::string("'") + kw + "' in a 'finally' block";
  Object* msg = objects::str_from_utf8(message.data(), objects::ssize(message.size()));
  if (!msg) return 0;
  int r = errors::warn_explicit_object(objects::exc_SyntaxWarning, msg, st->filename, n->lineno,
                                       nullptr, nullptr);
  objects::decref(msg);
  if (r < 0) {
    if (errors::exception_matches(reinterpret_cast<Object*>(objects::exc_SyntaxWarning))) {
      errors::clear();
      ast::raise_syntax_error_at(st->filename,
                                 {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset},
                                 message.c_str());
    }
    return 0;
  }
  return 1;
}

// before_return / before_loop_exit.
int before_return(stmt_ty n, State* st) {
  if (!st->filename || st->cf_finally.empty()) return 1;
  const ControlFlowContext& ctx = st->cf_finally.back();
  if (ctx.in_finally && !ctx.in_funcdef) return control_flow_in_finally_warning("return", n, st);
  return 1;
}
int before_loop_exit(stmt_ty n, const char* kw, State* st) {
  if (!st->filename || st->cf_finally.empty()) return 1;
  const ControlFlowContext& ctx = st->cf_finally.back();
  if (ctx.in_finally && !ctx.in_loop) return control_flow_in_finally_warning(kw, n, st);
  return 1;
}

// PUSH_CONTEXT / POP_CONTEXT around finally blocks, function bodies and loop bodies.
struct ContextScope {
  State* st;
  ContextScope(State* s, bool finally, bool funcdef, bool loop) : st(s) {
    st->cf_finally.push_back({finally, funcdef, loop});
  }
  ~ContextScope() { st->cf_finally.pop_back(); }
};

// ENTER_RECURSIVE / LEAVE_RECURSIVE: Py_EnterRecursiveCall(" during compilation") around
// astfold_expr, astfold_stmt and astfold_pattern, so that a very deep tree ("1+1+...+1",
// "a.b.b...") raises RecursionError instead of exhausting the C++ stack.
struct RecursionScope {
  bool ok;
  RecursionScope() : ok(objects::enter_recursive_call(" during compilation") == 0) {}
  ~RecursionScope() {
    if (ok) objects::leave_recursive_call();
  }
};

int fold_expr(expr_ty e, State* st);
int fold_stmt(stmt_ty s, State* st);

void make_const(expr_ty node, Object* val, State* st) {
  if (!val) {
    errors::clear();
    return;
  }
  st->arena->add_object(val);
  node->kind = Constant_kind;
  node->v.Constant.kind = nullptr;
  node->v.Constant.value = val;
}

Object* new_str(const std::string& s, State* st) {
  Object* o = objects::str_from_utf8(s.data(), objects::ssize(s.size()));
  if (o) st->arena->add_object(o);
  return o;
}

// parse_literal: the text up to the next lone '%', with '%%' made '%'.
expr_ty parse_literal(const std::string& fmt, size_t* ppos, State* st) {
  size_t pos = *ppos, start = pos;
  std::string out;
  while (pos < fmt.size()) {
    if (fmt[pos] != '%') {
      out.push_back(fmt[pos]);
      pos++;
    } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
      out.push_back('%');
      pos += 2;
    } else {
      break;
    }
  }
  *ppos = pos;
  if (pos == start) return nullptr;
  Object* s = new_str(out, st);
  if (!s) return nullptr;
  return ast::Constant(s, nullptr, -1, -1, -1, -1, st->arena);
}

constexpr int kMaxDigits = 3;
constexpr int F_LJUST = 1;

bool simple_format_arg_parse(const std::string& fmt, size_t* ppos, int* spec, int* flags,
                             int* width, int* prec) {
  size_t pos = *ppos, len = fmt.size();
  unsigned char ch = 0;
#define NEXTC                       \
  do {                              \
    if (pos >= len) return false;   \
    ch = (unsigned char)fmt[pos++]; \
  } while (0)
  *flags = 0;
  while (true) {
    NEXTC;
    if (ch == '-') {
      *flags |= F_LJUST;
      continue;
    }
    if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') {
      *flags |= 2;
      continue;
    }
    break;
  }
  if ('0' <= ch && ch <= '9') {
    *width = 0;
    int digits = 0;
    while ('0' <= ch && ch <= '9') {
      *width = *width * 10 + (ch - '0');
      NEXTC;
      if (++digits >= kMaxDigits) return false;
    }
  }
  if (ch == '.') {
    NEXTC;
    *prec = 0;
    if ('0' <= ch && ch <= '9') {
      int digits = 0;
      while ('0' <= ch && ch <= '9') {
        *prec = *prec * 10 + (ch - '0');
        NEXTC;
        if (++digits >= kMaxDigits) return false;
      }
    }
  }
#undef NEXTC
  *spec = ch;
  *ppos = pos;
  return true;
}

expr_ty parse_format(const std::string& fmt, size_t* ppos, expr_ty arg, State* st) {
  int spec, flags, width = -1, prec = -1;
  if (!simple_format_arg_parse(fmt, ppos, &spec, &flags, &width, &prec)) return nullptr;
  if (spec == 's' || spec == 'r' || spec == 'a') {
    std::string buf;
    if (!(flags & F_LJUST) && width > 0) buf.push_back('>');
    if (width >= 0) buf += std::to_string(width);
    if (prec >= 0) buf += "." + std::to_string(prec);
    expr_ty format_spec = nullptr;
    if (!buf.empty()) {
      Object* s = new_str(buf, st);
      if (!s) return nullptr;
      format_spec = ast::Constant(s, nullptr, -1, -1, -1, -1, st->arena);
    }
    return ast::FormattedValue(arg, spec, format_spec, arg->lineno, arg->col_offset,
                               arg->end_lineno, arg->end_col_offset, st->arena);
  }
  return nullptr;
}

int optimize_format(expr_ty node, Object* fmt_obj, asdl_expr_seq* elts, State* st) {
  std::string fmt = utf8_of(fmt_obj);
  size_t pos = 0;
  ssize cnt = 0;
  std::vector<expr_ty> seq;
  while (true) {
    expr_ty lit = parse_literal(fmt, &pos, st);
    if (lit) seq.push_back(lit);
    if (pos >= fmt.size()) break;
    if (cnt >= asdl_seq_LEN(elts)) return 1;
    pos++;
    expr_ty e = parse_format(fmt, &pos, asdl_seq_GET(elts, cnt), st);
    cnt++;
    if (!e) return 1;
    seq.push_back(e);
  }
  if (cnt < asdl_seq_LEN(elts)) return 1;
  asdl_expr_seq* values = asdl_expr_seq_new(ssize(seq.size()), st->arena);
  if (!values) return 0;
  for (size_t i = 0; i < seq.size(); i++) asdl_seq_SET(values, ssize(i), seq[i]);
  expr_ty res = ast::JoinedStr(values, node->lineno, node->col_offset, node->end_lineno,
                               node->end_col_offset, st->arena);
  if (!res) return 0;
  *node = *res;
  return 1;
}

bool has_starred(asdl_expr_seq* elts) {
  for (ssize i = 0; i < asdl_seq_LEN(elts); i++)
    if (asdl_seq_GET(elts, i)->kind == Starred_kind) return true;
  return false;
}

int fold_binop(expr_ty node, State* st) {
  expr_ty lhs = node->v.BinOp.left, rhs = node->v.BinOp.right;
  if (lhs->kind != Constant_kind) return 1;
  Object* lv = lhs->v.Constant.value;
  if (node->v.BinOp.op == Mod && rhs->kind == Tuple_kind && objects::str_check(lv) &&
      !has_starred(rhs->v.Tuple.elts)) {
    return optimize_format(node, lv, rhs->v.Tuple.elts, st);
  }
  return 1;
}

#define CALL(X) \
  if (!(X)) return 0
#define CALL_OPT_EXPR(X) \
  if ((X) && !fold_expr((X), st)) return 0
#define SEQ_EXPR(S)                                               \
  for (ssize i_ = 0; i_ < asdl_seq_LEN(S); i_++) {                \
    expr_ty x_ = asdl_seq_GET(S, i_);                             \
    if (x_ && !fold_expr(x_, st)) return 0;                       \
  }
#define SEQ_STMT(S)                                               \
  for (ssize i_ = 0; i_ < asdl_seq_LEN(S); i_++) {                \
    if (!fold_stmt(asdl_seq_GET(S, i_), st)) return 0;            \
  }

int fold_comprehensions(asdl_comprehension_seq* gens, State* st) {
  for (ssize i = 0; i < asdl_seq_LEN(gens); i++) {
    comprehension_ty g = asdl_seq_GET(gens, i);
    CALL(fold_expr(g->target, st));
    CALL(fold_expr(g->iter, st));
    SEQ_EXPR(g->ifs);
  }
  return 1;
}

int fold_arg(arg_ty a, State* st) {
  if (!(st->ff_features & CO_FUTURE_ANNOTATIONS)) CALL_OPT_EXPR(a->annotation);
  return 1;
}

int fold_arguments(arguments_ty a, State* st) {
  for (ssize i = 0; i < asdl_seq_LEN(a->posonlyargs); i++) CALL(fold_arg(asdl_seq_GET(a->posonlyargs, i), st));
  for (ssize i = 0; i < asdl_seq_LEN(a->args); i++) CALL(fold_arg(asdl_seq_GET(a->args, i), st));
  if (a->vararg) CALL(fold_arg(a->vararg, st));
  for (ssize i = 0; i < asdl_seq_LEN(a->kwonlyargs); i++) CALL(fold_arg(asdl_seq_GET(a->kwonlyargs, i), st));
  SEQ_EXPR(a->kw_defaults);
  if (a->kwarg) CALL(fold_arg(a->kwarg, st));
  SEQ_EXPR(a->defaults);
  return 1;
}

int fold_expr(expr_ty e, State* st) {
  RecursionScope recursion;
  if (!recursion.ok) return 0;
  switch (e->kind) {
    case BoolOp_kind: SEQ_EXPR(e->v.BoolOp.values); break;
    case BinOp_kind:
      CALL(fold_expr(e->v.BinOp.left, st));
      CALL(fold_expr(e->v.BinOp.right, st));
      CALL(fold_binop(e, st));
      break;
    case UnaryOp_kind: CALL(fold_expr(e->v.UnaryOp.operand, st)); break;
    case Lambda_kind:
      CALL(fold_arguments(e->v.Lambda.args, st));
      CALL(fold_expr(e->v.Lambda.body, st));
      break;
    case IfExp_kind:
      CALL(fold_expr(e->v.IfExp.test, st));
      CALL(fold_expr(e->v.IfExp.body, st));
      CALL(fold_expr(e->v.IfExp.orelse, st));
      break;
    case Dict_kind:
      SEQ_EXPR(e->v.Dict.keys);
      SEQ_EXPR(e->v.Dict.values);
      break;
    case Set_kind: SEQ_EXPR(e->v.Set.elts); break;
    case ListComp_kind:
      CALL(fold_expr(e->v.ListComp.elt, st));
      CALL(fold_comprehensions(e->v.ListComp.generators, st));
      break;
    case SetComp_kind:
      CALL(fold_expr(e->v.SetComp.elt, st));
      CALL(fold_comprehensions(e->v.SetComp.generators, st));
      break;
    case DictComp_kind:
      CALL(fold_expr(e->v.DictComp.key, st));
      CALL_OPT_EXPR(e->v.DictComp.value);
      CALL(fold_comprehensions(e->v.DictComp.generators, st));
      break;
    case GeneratorExp_kind:
      CALL(fold_expr(e->v.GeneratorExp.elt, st));
      CALL(fold_comprehensions(e->v.GeneratorExp.generators, st));
      break;
    case Await_kind: CALL(fold_expr(e->v.Await.value, st)); break;
    case Yield_kind: CALL_OPT_EXPR(e->v.Yield.value); break;
    case YieldFrom_kind: CALL(fold_expr(e->v.YieldFrom.value, st)); break;
    case Compare_kind:
      CALL(fold_expr(e->v.Compare.left, st));
      SEQ_EXPR(e->v.Compare.comparators);
      break;
    case Call_kind:
      CALL(fold_expr(e->v.Call.func, st));
      SEQ_EXPR(e->v.Call.args);
      for (ssize i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++)
        CALL(fold_expr(asdl_seq_GET(e->v.Call.keywords, i)->value, st));
      break;
    case FormattedValue_kind:
      CALL(fold_expr(e->v.FormattedValue.value, st));
      CALL_OPT_EXPR(e->v.FormattedValue.format_spec);
      break;
    case Interpolation_kind:
      CALL(fold_expr(e->v.Interpolation.value, st));
      CALL_OPT_EXPR(e->v.Interpolation.format_spec);
      break;
    case JoinedStr_kind: SEQ_EXPR(e->v.JoinedStr.values); break;
    case TemplateStr_kind: SEQ_EXPR(e->v.TemplateStr.values); break;
    case Attribute_kind: CALL(fold_expr(e->v.Attribute.value, st)); break;
    case Subscript_kind:
      CALL(fold_expr(e->v.Subscript.value, st));
      CALL(fold_expr(e->v.Subscript.slice, st));
      break;
    case Starred_kind: CALL(fold_expr(e->v.Starred.value, st)); break;
    case Slice_kind:
      CALL_OPT_EXPR(e->v.Slice.lower);
      CALL_OPT_EXPR(e->v.Slice.upper);
      CALL_OPT_EXPR(e->v.Slice.step);
      break;
    case List_kind: SEQ_EXPR(e->v.List.elts); break;
    case Tuple_kind: SEQ_EXPR(e->v.Tuple.elts); break;
    case Name_kind:
      if (e->v.Name.ctx == Load && utf8_of(e->v.Name.id) == "__debug__") {
        make_const(e, objects::bool_from_bool(!st->optimize), st);
      }
      break;
    case NamedExpr_kind: CALL(fold_expr(e->v.NamedExpr.value, st)); break;
    case Constant_kind: break;
  }
  return 1;
}

// PyNumber_Negative / Add / Subtract on int and float literals.
Object* negate(Object* o) {
  if (objects::float_check(o)) return objects::float_from_double(-objects::float_as_double(o));
  if (objects::long_check(o) && o->type != &objects::bool_type) {
    namespace bigint = objects::bigint;
    bigint::View v{objects::long_sign(o), objects::long_digit_count(o), objects::as_long(o)->ob_digit};
    return konst_long_from_int(bigint::neg(v));
  }
  return nullptr;
}

// fold_const_match_patterns: -C, and L + C / L - C where L folds to a constant (the
// complex literals of patterns, `case -1:`, `case 2+3j:`, `case -1-2j:`).
int fold_const_match_patterns(expr_ty node, State* st) {
  if (node->kind == UnaryOp_kind && node->v.UnaryOp.op == USub &&
      node->v.UnaryOp.operand->kind == Constant_kind) {
    Object* operand = node->v.UnaryOp.operand->v.Constant.value;
    Object* folded = negate(operand);
    if (!folded) folded = objects::number_negative(operand);
    make_const(node, folded, st);
  } else if (node->kind == BinOp_kind &&
             (node->v.BinOp.op == Add || node->v.BinOp.op == Sub) &&
             node->v.BinOp.right->kind == Constant_kind) {
    CALL(fold_const_match_patterns(node->v.BinOp.left, st));
    if (node->v.BinOp.left->kind == Constant_kind) {
      Object* left = node->v.BinOp.left->v.Constant.value;
      Object* right = node->v.BinOp.right->v.Constant.value;
      make_const(node,
                 node->v.BinOp.op == Add ? objects::number_add(left, right)
                                         : objects::number_subtract(left, right),
                 st);
    }
  }
  return 1;
}

int fold_pattern(pattern_ty p, State* st) {
  RecursionScope recursion;
  if (!recursion.ok) return 0;
  switch (p->kind) {
    case MatchValue_kind: CALL(fold_const_match_patterns(p->v.MatchValue.value, st)); break;
    case MatchSingleton_kind: break;
    case MatchSequence_kind:
      for (ssize i = 0; i < asdl_seq_LEN(p->v.MatchSequence.patterns); i++)
        CALL(fold_pattern(asdl_seq_GET(p->v.MatchSequence.patterns, i), st));
      break;
    case MatchMapping_kind:
      for (ssize i = 0; i < asdl_seq_LEN(p->v.MatchMapping.keys); i++)
        CALL(fold_const_match_patterns(asdl_seq_GET(p->v.MatchMapping.keys, i), st));
      for (ssize i = 0; i < asdl_seq_LEN(p->v.MatchMapping.patterns); i++)
        CALL(fold_pattern(asdl_seq_GET(p->v.MatchMapping.patterns, i), st));
      break;
    case MatchClass_kind:
      CALL(fold_expr(p->v.MatchClass.cls, st));
      for (ssize i = 0; i < asdl_seq_LEN(p->v.MatchClass.patterns); i++)
        CALL(fold_pattern(asdl_seq_GET(p->v.MatchClass.patterns, i), st));
      for (ssize i = 0; i < asdl_seq_LEN(p->v.MatchClass.kwd_patterns); i++)
        CALL(fold_pattern(asdl_seq_GET(p->v.MatchClass.kwd_patterns, i), st));
      break;
    case MatchStar_kind: break;
    case MatchAs_kind:
      if (p->v.MatchAs.pattern) CALL(fold_pattern(p->v.MatchAs.pattern, st));
      break;
    case MatchOr_kind:
      for (ssize i = 0; i < asdl_seq_LEN(p->v.MatchOr.patterns); i++)
        CALL(fold_pattern(asdl_seq_GET(p->v.MatchOr.patterns, i), st));
      break;
  }
  return 1;
}

int fold_body(asdl_stmt_seq* stmts, State* st) {
  bool docstring = get_docstring(stmts) != nullptr;
  if (docstring && st->optimize >= 2) {
    if (asdl_seq_LEN(stmts) == 1) {
      stmt_ty d = asdl_seq_GET(stmts, 0);
      stmt_ty pass = ast::Pass(d->lineno, d->col_offset, d->lineno, d->col_offset + 4, st->arena);
      if (!pass) return 0;
      asdl_seq_SET(stmts, 0, pass);
    } else {
      for (ssize i = 0; i < asdl_seq_LEN(stmts) - 1; i++)
        asdl_seq_SET(stmts, i, asdl_seq_GET(stmts, i + 1));
      stmts->size--;
    }
    docstring = false;
  }
  SEQ_STMT(stmts);
  if (!docstring && get_docstring(stmts) != nullptr) {
    stmt_ty s = asdl_seq_GET(stmts, 0);
    asdl_expr_seq* values = asdl_expr_seq_new(1, st->arena);
    if (!values) return 0;
    asdl_seq_SET(values, 0, s->v.Expr.value);
    expr_ty e = ast::JoinedStr(values, s->lineno, s->col_offset, s->end_lineno,
                               s->end_col_offset, st->arena);
    if (!e) return 0;
    s->v.Expr.value = e;
  }
  return 1;
}

int fold_type_params(asdl_type_param_seq* tps, State* st) {
  for (ssize i = 0; i < asdl_seq_LEN(tps); i++) {
    type_param_ty tp = asdl_seq_GET(tps, i);
    switch (tp->kind) {
      case TypeVar_kind:
        CALL_OPT_EXPR(tp->v.TypeVar.bound);
        CALL_OPT_EXPR(tp->v.TypeVar.default_value);
        break;
      case ParamSpec_kind: CALL_OPT_EXPR(tp->v.ParamSpec.default_value); break;
      case TypeVarTuple_kind: CALL_OPT_EXPR(tp->v.TypeVarTuple.default_value); break;
    }
  }
  return 1;
}

int fold_stmt(stmt_ty s, State* st) {
  RecursionScope recursion;
  if (!recursion.ok) return 0;
  bool fut = st->ff_features & CO_FUTURE_ANNOTATIONS;
  switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind: {
      bool a = s->kind == AsyncFunctionDef_kind;
      CALL(fold_type_params(a ? s->v.AsyncFunctionDef.type_params : s->v.FunctionDef.type_params, st));
      CALL(fold_arguments(a ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args, st));
      {
        ContextScope scope(st, false, true, false);
        CALL(fold_body(a ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body, st));
      }
      SEQ_EXPR(a ? s->v.AsyncFunctionDef.decorator_list : s->v.FunctionDef.decorator_list);
      if (!fut) CALL_OPT_EXPR(a ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns);
      break;
    }
    case ClassDef_kind:
      CALL(fold_type_params(s->v.ClassDef.type_params, st));
      SEQ_EXPR(s->v.ClassDef.bases);
      for (ssize i = 0; i < asdl_seq_LEN(s->v.ClassDef.keywords); i++)
        CALL(fold_expr(asdl_seq_GET(s->v.ClassDef.keywords, i)->value, st));
      CALL(fold_body(s->v.ClassDef.body, st));
      SEQ_EXPR(s->v.ClassDef.decorator_list);
      break;
    case Return_kind:
      CALL(before_return(s, st));
      CALL_OPT_EXPR(s->v.Return.value);
      break;
    case Break_kind: CALL(before_loop_exit(s, "break", st)); break;
    case Continue_kind: CALL(before_loop_exit(s, "continue", st)); break;
    case Delete_kind: SEQ_EXPR(s->v.Delete.targets); break;
    case Assign_kind:
      SEQ_EXPR(s->v.Assign.targets);
      CALL(fold_expr(s->v.Assign.value, st));
      break;
    case AugAssign_kind:
      CALL(fold_expr(s->v.AugAssign.target, st));
      CALL(fold_expr(s->v.AugAssign.value, st));
      break;
    case AnnAssign_kind:
      CALL(fold_expr(s->v.AnnAssign.target, st));
      if (!fut) CALL(fold_expr(s->v.AnnAssign.annotation, st));
      CALL_OPT_EXPR(s->v.AnnAssign.value);
      break;
    case TypeAlias_kind:
      CALL(fold_expr(s->v.TypeAlias.name, st));
      CALL(fold_type_params(s->v.TypeAlias.type_params, st));
      CALL(fold_expr(s->v.TypeAlias.value, st));
      break;
    case For_kind:
    case AsyncFor_kind: {
      bool a = s->kind == AsyncFor_kind;
      CALL(fold_expr(a ? s->v.AsyncFor.target : s->v.For.target, st));
      CALL(fold_expr(a ? s->v.AsyncFor.iter : s->v.For.iter, st));
      {
        ContextScope scope(st, false, false, true);
        SEQ_STMT(a ? s->v.AsyncFor.body : s->v.For.body);
      }
      SEQ_STMT(a ? s->v.AsyncFor.orelse : s->v.For.orelse);
      break;
    }
    case While_kind:
      CALL(fold_expr(s->v.While.test, st));
      {
        ContextScope scope(st, false, false, true);
        SEQ_STMT(s->v.While.body);
      }
      SEQ_STMT(s->v.While.orelse);
      break;
    case If_kind:
      CALL(fold_expr(s->v.If.test, st));
      SEQ_STMT(s->v.If.body);
      SEQ_STMT(s->v.If.orelse);
      break;
    case With_kind:
    case AsyncWith_kind: {
      bool a = s->kind == AsyncWith_kind;
      asdl_withitem_seq* items = a ? s->v.AsyncWith.items : s->v.With.items;
      for (ssize i = 0; i < asdl_seq_LEN(items); i++) {
        withitem_ty w = asdl_seq_GET(items, i);
        CALL(fold_expr(w->context_expr, st));
        CALL_OPT_EXPR(w->optional_vars);
      }
      SEQ_STMT(a ? s->v.AsyncWith.body : s->v.With.body);
      break;
    }
    case Raise_kind:
      CALL_OPT_EXPR(s->v.Raise.exc);
      CALL_OPT_EXPR(s->v.Raise.cause);
      break;
    case Try_kind:
    case TryStar_kind: {
      bool a = s->kind == TryStar_kind;
      SEQ_STMT(a ? s->v.TryStar.body : s->v.Try.body);
      asdl_excepthandler_seq* hs = a ? s->v.TryStar.handlers : s->v.Try.handlers;
      for (ssize i = 0; i < asdl_seq_LEN(hs); i++) {
        excepthandler_ty h = asdl_seq_GET(hs, i);
        CALL_OPT_EXPR(h->v.ExceptHandler.type);
        SEQ_STMT(h->v.ExceptHandler.body);
      }
      SEQ_STMT(a ? s->v.TryStar.orelse : s->v.Try.orelse);
      {
        ContextScope scope(st, true, false, false);
        SEQ_STMT(a ? s->v.TryStar.finalbody : s->v.Try.finalbody);
      }
      break;
    }
    case Assert_kind:
      CALL(fold_expr(s->v.Assert.test, st));
      CALL_OPT_EXPR(s->v.Assert.msg);
      break;
    case Expr_kind: CALL(fold_expr(s->v.Expr.value, st)); break;
    case Match_kind:
      CALL(fold_expr(s->v.Match.subject, st));
      for (ssize i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
        match_case_ty m = asdl_seq_GET(s->v.Match.cases, i);
        CALL(fold_pattern(m->pattern, st));
        CALL_OPT_EXPR(m->guard);
        SEQ_STMT(m->body);
      }
      break;
    default:
      break;
  }
  return 1;
}

}  // namespace

// _PyAST_Preprocess: 0 on success, -1 with an error set.
int ast_preprocess(mod_ty mod, int optimize, int ff_features, Arena* arena, Object* filename) {
  State st{optimize, ff_features, arena, filename, {}};
  int ok = 1;
  switch (mod->kind) {
    case Module_kind: ok = fold_body(mod->v.Module.body, &st); break;
    case Interactive_kind:
      for (ssize i = 0; ok && i < asdl_seq_LEN(mod->v.Interactive.body); i++)
        ok = fold_stmt(asdl_seq_GET(mod->v.Interactive.body, i), &st);
      break;
    case Expression_kind: ok = fold_expr(mod->v.Expression.body, &st); break;
    default: break;
  }
  return ok ? 0 : -1;
}

}  // namespace cppy::compile
