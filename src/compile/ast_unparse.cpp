// The annotation unparser of Python/ast_unparse.c: _PyAST_ExprAsUnicode writes an expression
// back as source text, the string `from __future__ import annotations` stores for each
// annotation. Every expression kind is handled, with CPython's precedence-driven parentheses
// and its spacing quirks ("lambda*a: a", "1 .real", "1e309" for infinities).
#include <cmath>
#include <string>

#include "ast/ast.h"
#include "compile/codegen_internal.h"
#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/complexobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::compile {

using namespace ast;
using objects::Object;
using objects::Ref;
using objects::ssize;
using objects::StrWriter;

namespace {

// Priority levels (the enum of ast_unparse.c): a sub-expression is parenthesised when the
// context's level is above its own.
enum {
  PR_TUPLE,
  PR_TEST,  // 'if'-'else', 'lambda'
  PR_OR,
  PR_AND,
  PR_NOT,
  PR_CMP,
  PR_EXPR,
  PR_BOR = PR_EXPR,
  PR_BXOR,
  PR_BAND,
  PR_SHIFT,
  PR_ARITH,
  PR_TERM,
  PR_FACTOR,
  PR_POWER,
  PR_AWAIT,
  PR_ATOM,
};

int append_expr(StrWriter* w, expr_ty e, int level);
int append_ftstring_element(StrWriter* w, expr_ty e, bool is_format_spec);
Object* expr_as_unicode_level(expr_ty e, int level);

int put(StrWriter* w, const char* s) { return w->write_ascii(s); }

int system_error(const char* msg) {
  errors::set_string(objects::exc_SystemError, msg);
  return -1;
}

// append_repr: repr(obj), with "inf" spelled 1e309 (which evaluates back to inf) in the repr
// of an infinite float and of any complex.
int append_repr(StrWriter* w, Object* obj) {
  Ref<> repr = Ref<>::steal(objects::object_repr(obj));
  if (!repr) return -1;
  bool replace = (objects::float_check_exact(obj) && std::isinf(objects::float_value(obj))) ||
                 objects::complex_check_exact(obj);
  if (!replace) return w->write_str(repr.get());
  // Float and complex reprs are ASCII.
  ssize n = objects::str_length(repr.get());
  for (ssize i = 0; i < n; i++) {
    if (i + 3 <= n && objects::str_read_char(repr.get(), i) == 'i' &&
        objects::str_read_char(repr.get(), i + 1) == 'n' &&
        objects::str_read_char(repr.get(), i + 2) == 'f') {
      if (put(w, "1e309") < 0) return -1;
      i += 2;
      continue;
    }
    if (w->write_char(objects::str_read_char(repr.get(), i)) < 0) return -1;
  }
  return 0;
}

// append_ast_boolop
int append_boolop(StrWriter* w, expr_ty e, int level) {
  bool is_and = e->v.BoolOp.op == And;
  const char* op = is_and ? " and " : " or ";
  int pr = is_and ? PR_AND : PR_OR;
  if (level > pr && put(w, "(") < 0) return -1;
  asdl_expr_seq* values = e->v.BoolOp.values;
  for (ssize i = 0; i < asdl_seq_LEN(values); i++) {
    if (i > 0 && put(w, op) < 0) return -1;
    if (append_expr(w, asdl_seq_GET(values, i), pr + 1) < 0) return -1;
  }
  if (level > pr && put(w, ")") < 0) return -1;
  return 0;
}

// append_ast_binop
int append_binop(StrWriter* w, expr_ty e, int level) {
  const char* op;
  int pr;
  bool rassoc = false;
  switch (e->v.BinOp.op) {
    case Add: op = " + "; pr = PR_ARITH; break;
    case Sub: op = " - "; pr = PR_ARITH; break;
    case Mult: op = " * "; pr = PR_TERM; break;
    case MatMult: op = " @ "; pr = PR_TERM; break;
    case Div: op = " / "; pr = PR_TERM; break;
    case Mod: op = " % "; pr = PR_TERM; break;
    case LShift: op = " << "; pr = PR_SHIFT; break;
    case RShift: op = " >> "; pr = PR_SHIFT; break;
    case BitOr: op = " | "; pr = PR_BOR; break;
    case BitXor: op = " ^ "; pr = PR_BXOR; break;
    case BitAnd: op = " & "; pr = PR_BAND; break;
    case FloorDiv: op = " // "; pr = PR_TERM; break;
    case Pow: op = " ** "; pr = PR_POWER; rassoc = true; break;
    default: return system_error("unknown binary operator");
  }
  if (level > pr && put(w, "(") < 0) return -1;
  if (append_expr(w, e->v.BinOp.left, pr + (rassoc ? 1 : 0)) < 0) return -1;
  if (put(w, op) < 0) return -1;
  if (append_expr(w, e->v.BinOp.right, pr + (rassoc ? 0 : 1)) < 0) return -1;
  if (level > pr && put(w, ")") < 0) return -1;
  return 0;
}

// append_ast_unaryop
int append_unaryop(StrWriter* w, expr_ty e, int level) {
  const char* op;
  int pr;
  switch (e->v.UnaryOp.op) {
    case Invert: op = "~"; pr = PR_FACTOR; break;
    case Not: op = "not "; pr = PR_NOT; break;
    case UAdd: op = "+"; pr = PR_FACTOR; break;
    case USub: op = "-"; pr = PR_FACTOR; break;
    default: return system_error("unknown unary operator");
  }
  if (level > pr && put(w, "(") < 0) return -1;
  if (put(w, op) < 0) return -1;
  if (append_expr(w, e->v.UnaryOp.operand, pr) < 0) return -1;
  if (level > pr && put(w, ")") < 0) return -1;
  return 0;
}

// append_ast_arg
int append_arg(StrWriter* w, arg_ty a) {
  if (w->write_str(a->arg) < 0) return -1;
  if (a->annotation) {
    if (put(w, ": ") < 0) return -1;
    if (append_expr(w, a->annotation, PR_TEST) < 0) return -1;
  }
  return 0;
}

// append_ast_args: the parameter list of a lambda.
int append_args(StrWriter* w, arguments_ty args) {
  bool first = true;
  auto sep = [&]() -> int {
    int r = first ? 0 : put(w, ", ");
    first = false;
    return r;
  };
  ssize posonly = asdl_seq_LEN(args->posonlyargs);
  ssize nargs = asdl_seq_LEN(args->args);
  ssize ndefaults = asdl_seq_LEN(args->defaults);
  for (ssize i = 0; i < posonly + nargs; i++) {
    if (sep() < 0) return -1;
    arg_ty a = i < posonly ? asdl_seq_GET(args->posonlyargs, i)
                           : asdl_seq_GET(args->args, i - posonly);
    if (append_arg(w, a) < 0) return -1;
    ssize di = i - posonly - nargs + ndefaults;
    if (di >= 0) {
      if (put(w, "=") < 0) return -1;
      if (append_expr(w, asdl_seq_GET(args->defaults, di), PR_TEST) < 0) return -1;
    }
    if (posonly && i + 1 == posonly && put(w, ", /") < 0) return -1;
  }
  // The vararg, or a bare '*' before keyword-only parameters.
  if (args->vararg || asdl_seq_LEN(args->kwonlyargs)) {
    if (sep() < 0 || put(w, "*") < 0) return -1;
    if (args->vararg && append_arg(w, args->vararg) < 0) return -1;
  }
  ssize nkw = asdl_seq_LEN(args->kwonlyargs);
  ssize nkwdefaults = asdl_seq_LEN(args->kw_defaults);
  for (ssize i = 0; i < nkw; i++) {
    if (sep() < 0) return -1;
    if (append_arg(w, asdl_seq_GET(args->kwonlyargs, i)) < 0) return -1;
    ssize di = i - nkw + nkwdefaults;
    if (di >= 0) {
      expr_ty d = asdl_seq_GET(args->kw_defaults, di);
      if (d) {
        if (put(w, "=") < 0) return -1;
        if (append_expr(w, d, PR_TEST) < 0) return -1;
      }
    }
  }
  if (args->kwarg) {
    if (sep() < 0 || put(w, "**") < 0) return -1;
    if (append_arg(w, args->kwarg) < 0) return -1;
  }
  return 0;
}

// append_ast_lambda: "lambda" is followed by a space only when a positional parameter comes
// first, hence CPython's "lambda*a: a".
int append_lambda(StrWriter* w, expr_ty e, int level) {
  if (level > PR_TEST && put(w, "(") < 0) return -1;
  arguments_ty args = e->v.Lambda.args;
  ssize npos = asdl_seq_LEN(args->args) + asdl_seq_LEN(args->posonlyargs);
  if (put(w, npos ? "lambda " : "lambda") < 0) return -1;
  if (append_args(w, args) < 0) return -1;
  if (put(w, ": ") < 0) return -1;
  if (append_expr(w, e->v.Lambda.body, PR_TEST) < 0) return -1;
  if (level > PR_TEST && put(w, ")") < 0) return -1;
  return 0;
}

// append_ast_ifexp
int append_ifexp(StrWriter* w, expr_ty e, int level) {
  if (level > PR_TEST && put(w, "(") < 0) return -1;
  if (append_expr(w, e->v.IfExp.body, PR_TEST + 1) < 0) return -1;
  if (put(w, " if ") < 0) return -1;
  if (append_expr(w, e->v.IfExp.test, PR_TEST + 1) < 0) return -1;
  if (put(w, " else ") < 0) return -1;
  if (append_expr(w, e->v.IfExp.orelse, PR_TEST) < 0) return -1;
  if (level > PR_TEST && put(w, ")") < 0) return -1;
  return 0;
}

// append_ast_dict
int append_dict(StrWriter* w, expr_ty e) {
  if (put(w, "{") < 0) return -1;
  for (ssize i = 0; i < asdl_seq_LEN(e->v.Dict.values); i++) {
    if (i > 0 && put(w, ", ") < 0) return -1;
    expr_ty key = asdl_seq_GET(e->v.Dict.keys, i);
    expr_ty value = asdl_seq_GET(e->v.Dict.values, i);
    if (key) {
      if (append_expr(w, key, PR_TEST) < 0 || put(w, ": ") < 0) return -1;
      if (append_expr(w, value, PR_TEST) < 0) return -1;
    } else {
      if (put(w, "**") < 0 || append_expr(w, value, PR_EXPR) < 0) return -1;
    }
  }
  return put(w, "}");
}

// append_ast_set / append_ast_list: elements between the brackets.
int append_elements(StrWriter* w, asdl_expr_seq* elts, const char* open, const char* close) {
  if (put(w, open) < 0) return -1;
  for (ssize i = 0; i < asdl_seq_LEN(elts); i++) {
    if (i > 0 && put(w, ", ") < 0) return -1;
    if (append_expr(w, asdl_seq_GET(elts, i), PR_TEST) < 0) return -1;
  }
  return put(w, close);
}

// append_ast_tuple
int append_tuple(StrWriter* w, expr_ty e, int level) {
  asdl_expr_seq* elts = e->v.Tuple.elts;
  ssize n = asdl_seq_LEN(elts);
  if (n == 0) return put(w, "()");
  if (level > PR_TUPLE && put(w, "(") < 0) return -1;
  for (ssize i = 0; i < n; i++) {
    if (i > 0 && put(w, ", ") < 0) return -1;
    if (append_expr(w, asdl_seq_GET(elts, i), PR_TEST) < 0) return -1;
  }
  if (n == 1 && put(w, ",") < 0) return -1;
  if (level > PR_TUPLE && put(w, ")") < 0) return -1;
  return 0;
}

// append_ast_comprehensions: the " for ... in ... if ..." clauses.
int append_comprehensions(StrWriter* w, asdl_comprehension_seq* gens) {
  for (ssize i = 0; i < asdl_seq_LEN(gens); i++) {
    comprehension_ty g = asdl_seq_GET(gens, i);
    if (put(w, g->is_async ? " async for " : " for ") < 0) return -1;
    if (append_expr(w, g->target, PR_TUPLE) < 0) return -1;
    if (put(w, " in ") < 0) return -1;
    if (append_expr(w, g->iter, PR_TEST + 1) < 0) return -1;
    for (ssize j = 0; j < asdl_seq_LEN(g->ifs); j++) {
      if (put(w, " if ") < 0) return -1;
      if (append_expr(w, asdl_seq_GET(g->ifs, j), PR_TEST + 1) < 0) return -1;
    }
  }
  return 0;
}

// append_ast_genexp / listcomp / setcomp
int append_comp(StrWriter* w, expr_ty elt, asdl_comprehension_seq* gens, const char* open,
                const char* close) {
  if (put(w, open) < 0) return -1;
  if (append_expr(w, elt, PR_TEST) < 0) return -1;
  if (append_comprehensions(w, gens) < 0) return -1;
  return put(w, close);
}

// append_ast_dictcomp
int append_dictcomp(StrWriter* w, expr_ty e) {
  if (put(w, "{") < 0) return -1;
  if (append_expr(w, e->v.DictComp.key, PR_TEST) < 0 || put(w, ": ") < 0) return -1;
  if (append_expr(w, e->v.DictComp.value, PR_TEST) < 0) return -1;
  if (append_comprehensions(w, e->v.DictComp.generators) < 0) return -1;
  return put(w, "}");
}

// append_ast_compare
int append_compare(StrWriter* w, expr_ty e, int level) {
  if (level > PR_CMP && put(w, "(") < 0) return -1;
  if (append_expr(w, e->v.Compare.left, PR_CMP + 1) < 0) return -1;
  asdl_expr_seq* comparators = e->v.Compare.comparators;
  for (ssize i = 0; i < asdl_seq_LEN(comparators); i++) {
    const char* op;
    switch (static_cast<cmpop_ty>(asdl_seq_GET(e->v.Compare.ops, i))) {
      case Eq: op = " == "; break;
      case NotEq: op = " != "; break;
      case Lt: op = " < "; break;
      case LtE: op = " <= "; break;
      case Gt: op = " > "; break;
      case GtE: op = " >= "; break;
      case Is: op = " is "; break;
      case IsNot: op = " is not "; break;
      case In: op = " in "; break;
      case NotIn: op = " not in "; break;
      default: return system_error("unexpected comparison kind");
    }
    if (put(w, op) < 0) return -1;
    if (append_expr(w, asdl_seq_GET(comparators, i), PR_CMP + 1) < 0) return -1;
  }
  if (level > PR_CMP && put(w, ")") < 0) return -1;
  return 0;
}

// append_ast_call: a lone generator-expression argument keeps its own parentheses only.
int append_call(StrWriter* w, expr_ty e) {
  if (append_expr(w, e->v.Call.func, PR_ATOM) < 0) return -1;
  asdl_expr_seq* args = e->v.Call.args;
  asdl_keyword_seq* kws = e->v.Call.keywords;
  if (asdl_seq_LEN(args) == 1 && asdl_seq_LEN(kws) == 0) {
    expr_ty a = asdl_seq_GET(args, 0);
    if (a->kind == GeneratorExp_kind) {
      return append_comp(w, a->v.GeneratorExp.elt, a->v.GeneratorExp.generators, "(", ")");
    }
  }
  if (put(w, "(") < 0) return -1;
  bool first = true;
  for (ssize i = 0; i < asdl_seq_LEN(args); i++) {
    if (!first && put(w, ", ") < 0) return -1;
    first = false;
    if (append_expr(w, asdl_seq_GET(args, i), PR_TEST) < 0) return -1;
  }
  for (ssize i = 0; i < asdl_seq_LEN(kws); i++) {
    if (!first && put(w, ", ") < 0) return -1;
    first = false;
    keyword_ty k = asdl_seq_GET(kws, i);
    if (k->arg == nullptr) {
      if (put(w, "**") < 0) return -1;
    } else if (w->write_str(k->arg) < 0 || put(w, "=") < 0) {
      return -1;
    }
    if (append_expr(w, k->value, PR_TEST) < 0) return -1;
  }
  return put(w, ")");
}

// append_fstring_unicode: literal text of an f-string with its braces doubled
// (escape_braces).
int append_fstring_unicode(StrWriter* w, Object* s) {
  ssize n = objects::str_length(s);
  for (ssize i = 0; i < n; i++) {
    objects::UCS4 ch = objects::str_read_char(s, i);
    if ((ch == '{' || ch == '}') && w->write_char(ch) < 0) return -1;
    if (w->write_char(ch) < 0) return -1;
  }
  return 0;
}

// build_ftstring_body: the text between the quotes of values[first..last], as a str.
Object* build_ftstring_body(asdl_expr_seq* values, ssize first, ssize last,
                            bool is_format_spec) {
  StrWriter body;
  for (ssize i = first; i <= last; i++) {
    if (append_ftstring_element(&body, asdl_seq_GET(values, i), is_format_spec) < 0) {
      return nullptr;
    }
  }
  return body.finish();
}

// _write_values_subarray: values[first..last] as one literal with the given prefix.
int write_values_subarray(StrWriter* w, asdl_expr_seq* values, ssize first, ssize last,
                          const char* prefix) {
  Ref<> body = Ref<>::steal(build_ftstring_body(values, first, last, false));
  if (!body) return -1;
  if (put(w, prefix) < 0) return -1;
  return append_repr(w, body.get());
}

// append_joinedstr: f'...' (the repr of the body picks the quotes), or just the body inside
// a format spec.
int append_joinedstr(StrWriter* w, expr_ty e, bool is_format_spec) {
  asdl_expr_seq* values = e->v.JoinedStr.values;
  Ref<> body = Ref<>::steal(
      build_ftstring_body(values, 0, asdl_seq_LEN(values) - 1, is_format_spec));
  if (!body) return -1;
  if (is_format_spec) return w->write_str(body.get());
  if (put(w, "f") < 0) return -1;
  return append_repr(w, body.get());
}

// append_templatestr: the runs of a t-string between f-string parts (implicit concatenation
// of t-strings with f-strings) are written as separate literals joined by spaces.
int append_templatestr(StrWriter* w, expr_ty e) {
  asdl_expr_seq* values = e->v.TemplateStr.values;
  ssize len = asdl_seq_LEN(values);
  if (len == 0) return write_values_subarray(w, values, 0, -1, "t");
  ssize last = 0;
  for (ssize i = 0; i < len; i++) {
    expr_ty v = asdl_seq_GET(values, i);
    if (v->kind != FormattedValue_kind) continue;
    if (i > last) {
      if (write_values_subarray(w, values, last, i - 1, "t") < 0) return -1;
      if (put(w, " ") < 0) return -1;
    }
    if (write_values_subarray(w, values, i, i, "f") < 0) return -1;
    if (i + 1 < len && put(w, " ") < 0) return -1;
    last = i + 1;
  }
  if (last < len && write_values_subarray(w, values, last, len - 1, "t") < 0) return -1;
  return 0;
}

// append_interpolation_str: "{" and the expression's text, with a space when that text
// itself starts with a brace.
int append_interpolation_str(StrWriter* w, Object* s) {
  bool brace = objects::str_length(s) > 0 && objects::str_read_char(s, 0) == '{';
  if (put(w, brace ? "{ " : "{") < 0) return -1;
  return w->write_str(s);
}

// append_interpolation_conversion
int append_conversion(StrWriter* w, int conversion) {
  if (conversion < 0) return 0;
  switch (conversion) {
    case 'a': return put(w, "!a");
    case 'r': return put(w, "!r");
    case 's': return put(w, "!s");
    default: return system_error("unknown f-value conversion kind");
  }
}

// append_interpolation_format_spec
int append_format_spec(StrWriter* w, expr_ty spec) {
  if (!spec) return 0;
  if (put(w, ":") < 0) return -1;
  return append_ftstring_element(w, spec, true);
}

// append_interpolation: a t-string replacement field, written from its source text.
int append_interpolation(StrWriter* w, expr_ty e) {
  if (append_interpolation_str(w, e->v.Interpolation.str) < 0) return -1;
  if (append_conversion(w, e->v.Interpolation.conversion) < 0) return -1;
  if (append_format_spec(w, e->v.Interpolation.format_spec) < 0) return -1;
  return put(w, "}");
}

// append_formattedvalue: the value is unparsed above PR_TEST, so that a lambda or a
// conditional expression gets parentheses.
int append_formattedvalue(StrWriter* w, expr_ty e) {
  Ref<> text = Ref<>::steal(expr_as_unicode_level(e->v.FormattedValue.value, PR_TEST + 1));
  if (!text) return -1;
  if (append_interpolation_str(w, text.get()) < 0) return -1;
  if (append_conversion(w, e->v.FormattedValue.conversion) < 0) return -1;
  if (append_format_spec(w, e->v.FormattedValue.format_spec) < 0) return -1;
  return put(w, "}");
}

// append_fstring_element
int append_ftstring_element(StrWriter* w, expr_ty e, bool is_format_spec) {
  switch (e->kind) {
    case Constant_kind: return append_fstring_unicode(w, e->v.Constant.value);
    case JoinedStr_kind: return append_joinedstr(w, e, is_format_spec);
    case TemplateStr_kind: return append_templatestr(w, e);
    case FormattedValue_kind: return append_formattedvalue(w, e);
    case Interpolation_kind: return append_interpolation(w, e);
    default: return system_error("unknown expression kind inside f-string or t-string");
  }
}

// append_ast_constant: tuples (folded constants) element by element, the rest by repr.
int append_constant(StrWriter* w, Object* c) {
  if (objects::tuple_check_exact(c)) {
    ssize n = objects::tuple_size(c);
    if (put(w, "(") < 0) return -1;
    for (ssize i = 0; i < n; i++) {
      if (i > 0 && put(w, ", ") < 0) return -1;
      if (append_constant(w, objects::tuple_item(c, i)) < 0) return -1;
    }
    if (n == 1 && put(w, ",") < 0) return -1;
    return put(w, ")");
  }
  return append_repr(w, c);
}

// append_ast_expr
int append_expr(StrWriter* w, expr_ty e, int level) {
  switch (e->kind) {
    case BoolOp_kind: return append_boolop(w, e, level);
    case BinOp_kind: return append_binop(w, e, level);
    case UnaryOp_kind: return append_unaryop(w, e, level);
    case Lambda_kind: return append_lambda(w, e, level);
    case IfExp_kind: return append_ifexp(w, e, level);
    case Dict_kind: return append_dict(w, e);
    case Set_kind: return append_elements(w, e->v.Set.elts, "{", "}");
    case GeneratorExp_kind:
      return append_comp(w, e->v.GeneratorExp.elt, e->v.GeneratorExp.generators, "(", ")");
    case ListComp_kind:
      return append_comp(w, e->v.ListComp.elt, e->v.ListComp.generators, "[", "]");
    case SetComp_kind:
      return append_comp(w, e->v.SetComp.elt, e->v.SetComp.generators, "{", "}");
    case DictComp_kind: return append_dictcomp(w, e);
    case Yield_kind:
      if (!e->v.Yield.value) return put(w, "(yield)");
      if (put(w, "(yield ") < 0 || append_expr(w, e->v.Yield.value, PR_TEST) < 0) return -1;
      return put(w, ")");
    case YieldFrom_kind:
      if (put(w, "(yield from ") < 0) return -1;
      if (append_expr(w, e->v.YieldFrom.value, PR_TEST) < 0) return -1;
      return put(w, ")");
    case Await_kind:
      if (level > PR_AWAIT && put(w, "(") < 0) return -1;
      if (put(w, "await ") < 0 || append_expr(w, e->v.Await.value, PR_ATOM) < 0) return -1;
      if (level > PR_AWAIT && put(w, ")") < 0) return -1;
      return 0;
    case Compare_kind: return append_compare(w, e, level);
    case Call_kind: return append_call(w, e);
    case Constant_kind:
      if (e->v.Constant.value == objects::ellipsis()) return put(w, "...");
      // The "u" prefix of a u'...' literal is kept.
      if (e->v.Constant.kind && w->write_str(e->v.Constant.kind) < 0) return -1;
      return append_constant(w, e->v.Constant.value);
    case JoinedStr_kind: return append_joinedstr(w, e, false);
    case TemplateStr_kind: return append_templatestr(w, e);
    case FormattedValue_kind: return append_formattedvalue(w, e);
    case Interpolation_kind: return append_interpolation(w, e);
    case Attribute_kind: {
      expr_ty v = e->v.Attribute.value;
      if (append_expr(w, v, PR_ATOM) < 0) return -1;
      // An int needs a space before the period to stay an int ("1 .real").
      bool int_value = v->kind == Constant_kind && objects::long_check_exact(v->v.Constant.value);
      if (put(w, int_value ? " ." : ".") < 0) return -1;
      return w->write_str(e->v.Attribute.attr);
    }
    case Subscript_kind:
      if (append_expr(w, e->v.Subscript.value, PR_ATOM) < 0 || put(w, "[") < 0) return -1;
      if (append_expr(w, e->v.Subscript.slice, PR_TUPLE) < 0) return -1;
      return put(w, "]");
    case Starred_kind:
      if (put(w, "*") < 0) return -1;
      return append_expr(w, e->v.Starred.value, PR_EXPR);
    case Slice_kind:
      if (e->v.Slice.lower && append_expr(w, e->v.Slice.lower, PR_TEST) < 0) return -1;
      if (put(w, ":") < 0) return -1;
      if (e->v.Slice.upper && append_expr(w, e->v.Slice.upper, PR_TEST) < 0) return -1;
      if (e->v.Slice.step) {
        if (put(w, ":") < 0 || append_expr(w, e->v.Slice.step, PR_TEST) < 0) return -1;
      }
      return 0;
    case Name_kind: return w->write_str(e->v.Name.id);
    case List_kind: return append_elements(w, e->v.List.elts, "[", "]");
    case Tuple_kind: return append_tuple(w, e, level);
    case NamedExpr_kind:
      if (level > PR_TUPLE && put(w, "(") < 0) return -1;
      if (append_expr(w, e->v.NamedExpr.target, PR_ATOM) < 0 || put(w, " := ") < 0) return -1;
      if (append_expr(w, e->v.NamedExpr.value, PR_ATOM) < 0) return -1;
      if (level > PR_TUPLE && put(w, ")") < 0) return -1;
      return 0;
  }
  return system_error("unknown expression kind");
}

// expr_as_unicode
Object* expr_as_unicode_level(expr_ty e, int level) {
  StrWriter w;
  if (append_expr(&w, e, level) < 0) return nullptr;
  return w.finish();
}

}  // namespace

Object* expr_as_unicode(expr_ty e) { return expr_as_unicode_level(e, PR_TEST); }

}  // namespace cppy::compile
