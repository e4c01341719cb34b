// Python/ast.c: _PyAST_Validate checks a tree built by hand (compile() of an ast.AST) before
// the compiler trusts it; the parser's own trees always pass. Messages are CPython's.
#include <cstring>

#include "ast/ast.h"
#include "ast/core_api.h"

namespace cppy::ast {

namespace {

using objects::TypeObject;

// Exact type test by the builtin type's name: a static (non-heap) type called `name`. The
// builtins validate_constant accepts (int, float, complex, bool, str, bytes, tuple,
// frozenset) are all static types, so this is PyXxx_CheckExact.
bool is_builtin(Object* o, const char* name) {
  const TypeObject* t = o->type;
  return !objects::type_has_feature(t, objects::kTpflagsHeaptype) && std::strcmp(t->name, name) == 0;
}

// _PyType_Name: the part of tp_name after the last dot.
const char* short_type_name(const TypeObject* t) {
  const char* dot = std::strrchr(t->name, '.');
  return dot ? dot + 1 : t->name;
}

// Py_EnterRecursiveCall(" during compilation") for the duration of a scope.
class RecursionGuard {
 public:
  RecursionGuard() : ok_(objects::enter_recursive_call(" during compilation") == 0) {}
  ~RecursionGuard() {
    if (ok_) objects::leave_recursive_call();
  }
  bool ok() const { return ok_; }

 private:
  bool ok_;
};

int validate_stmts(asdl_stmt_seq* seq);
int validate_exprs(asdl_expr_seq* exprs, expr_context_ty ctx, int null_ok);
int validate_patterns(asdl_pattern_seq* patterns, int star_ok);
int validate_type_params(asdl_type_param_seq* tps);
int validate_stmt(stmt_ty stmt);
int validate_expr(expr_ty exp, expr_context_ty ctx);
int validate_pattern(pattern_ty p, int star_ok);

// VALIDATE_POSITIONS.
template <class Node>
int validate_positions(const Node* node) {
  if (node->lineno > node->end_lineno) {
    errors::format(objects::exc_ValueError, "AST node line range (%d, %d) is not valid",
                   node->lineno, node->end_lineno);
    return 0;
  }
  if ((node->lineno < 0 && node->end_lineno != node->lineno) ||
      (node->col_offset < 0 && node->col_offset != node->end_col_offset)) {
    errors::format(objects::exc_ValueError,
                   "AST node column range (%d, %d) for line range (%d, %d) is not valid",
                   node->col_offset, node->end_col_offset, node->lineno, node->end_lineno);
    return 0;
  }
  if (node->lineno == node->end_lineno && node->col_offset > node->end_col_offset) {
    errors::format(objects::exc_ValueError, "line %d, column %d-%d is not a valid range",
                   node->lineno, node->col_offset, node->end_col_offset);
    return 0;
  }
  return 1;
}

// validate_name: identifiers cannot spell the keyword constants.
int validate_name(Object* name) {
  static const char* const forbidden[] = {"None", "True", "False"};
  for (const char* f : forbidden) {
    if (objects::str_compare_cstr(name, f) == 0) {
      errors::format(objects::exc_ValueError, "identifier field can't represent '%s' constant",
                     f);
      return 0;
    }
  }
  return 1;
}

int validate_comprehension(asdl_comprehension_seq* gens) {
  if (!asdl_seq_LEN(gens)) {
    errors::set_string(objects::exc_ValueError, "comprehension with no generators");
    return 0;
  }
  for (ssize i = 0; i < asdl_seq_LEN(gens); i++) {
    comprehension_ty comp = asdl_seq_GET(gens, i);
    if (!validate_expr(comp->target, Store) || !validate_expr(comp->iter, Load) ||
        !validate_exprs(comp->ifs, Load, 0))
      return 0;
  }
  return 1;
}

int validate_keywords(asdl_keyword_seq* keywords) {
  for (ssize i = 0; i < asdl_seq_LEN(keywords); i++)
    if (!validate_expr(asdl_seq_GET(keywords, i)->value, Load)) return 0;
  return 1;
}

int validate_args(asdl_arg_seq* args) {
  for (ssize i = 0; i < asdl_seq_LEN(args); i++) {
    arg_ty arg = asdl_seq_GET(args, i);
    if (!validate_positions(arg)) return 0;
    if (arg->annotation && !validate_expr(arg->annotation, Load)) return 0;
  }
  return 1;
}

const char* expr_context_name(expr_context_ty ctx) {
  switch (ctx) {
    case Load:
      return "Load";
    case Store:
      return "Store";
    case Del:
      return "Del";
  }
  return "?";
}

int validate_arguments(arguments_ty args) {
  if (!validate_args(args->posonlyargs) || !validate_args(args->args)) return 0;
  if (args->vararg && args->vararg->annotation && !validate_expr(args->vararg->annotation, Load))
    return 0;
  if (!validate_args(args->kwonlyargs)) return 0;
  if (args->kwarg && args->kwarg->annotation && !validate_expr(args->kwarg->annotation, Load))
    return 0;
  if (asdl_seq_LEN(args->defaults) > asdl_seq_LEN(args->posonlyargs) + asdl_seq_LEN(args->args)) {
    errors::set_string(objects::exc_ValueError, "more positional defaults than args on arguments");
    return 0;
  }
  if (asdl_seq_LEN(args->kw_defaults) != asdl_seq_LEN(args->kwonlyargs)) {
    errors::set_string(objects::exc_ValueError,
                       "length of kwonlyargs is not the same as kw_defaults on arguments");
    return 0;
  }
  return validate_exprs(args->defaults, Load, 0) && validate_exprs(args->kw_defaults, Load, 1);
}

int validate_constant(Object* value) {
  if (value == py_none() || value == py_ellipsis()) return 1;
  if (is_builtin(value, "int") || is_builtin(value, "float") || is_builtin(value, "complex") ||
      is_builtin(value, "bool") || is_builtin(value, "str") || is_builtin(value, "bytes"))
    return 1;
  if (is_builtin(value, "tuple") || is_builtin(value, "frozenset")) {
    RecursionGuard guard;
    if (!guard.ok()) return 0;
    Object* it = objects::object_get_iter(value);
    if (!it) return 0;
    for (;;) {
      Object* item = objects::iter_next(it);
      if (!item) {
        if (errors::occurred()) {
          objects::decref(it);
          return 0;
        }
        break;
      }
      int ok = validate_constant(item);
      objects::decref(item);
      if (!ok) {
        objects::decref(it);
        return 0;
      }
    }
    objects::decref(it);
    return 1;
  }
  if (!errors::occurred()) {
    errors::format(objects::exc_TypeError, "got an invalid type in Constant: %s",
                   short_type_name(value->type));
  }
  return 0;
}

int validate_expr(expr_ty exp, expr_context_ty ctx) {
  if (!validate_positions(exp)) return 0;
  RecursionGuard guard;
  if (!guard.ok()) return 0;
  bool check_ctx = true;
  expr_context_ty actual_ctx = Load;

  // The context first.
  switch (exp->kind) {
    case Attribute_kind:
      actual_ctx = exp->v.Attribute.ctx;
      break;
    case Subscript_kind:
      actual_ctx = exp->v.Subscript.ctx;
      break;
    case Starred_kind:
      actual_ctx = exp->v.Starred.ctx;
      break;
    case Name_kind:
      if (!validate_name(exp->v.Name.id)) return 0;
      actual_ctx = exp->v.Name.ctx;
      break;
    case List_kind:
      actual_ctx = exp->v.List.ctx;
      break;
    case Tuple_kind:
      actual_ctx = exp->v.Tuple.ctx;
      break;
    default:
      if (ctx != Load) {
        errors::format(objects::exc_ValueError,
                       "expression which can't be assigned to in %s context",
                       expr_context_name(ctx));
        return 0;
      }
      check_ctx = false;
  }
  if (check_ctx && actual_ctx != ctx) {
    errors::format(objects::exc_ValueError, "expression must have %s context but has %s instead",
                   expr_context_name(ctx), expr_context_name(actual_ctx));
    return 0;
  }

  int ret = -1;
  switch (exp->kind) {
    case BoolOp_kind:
      if (asdl_seq_LEN(exp->v.BoolOp.values) < 2) {
        errors::set_string(objects::exc_ValueError, "BoolOp with less than 2 values");
        return 0;
      }
      ret = validate_exprs(exp->v.BoolOp.values, Load, 0);
      break;
    case BinOp_kind:
      ret = validate_expr(exp->v.BinOp.left, Load) && validate_expr(exp->v.BinOp.right, Load);
      break;
    case UnaryOp_kind:
      ret = validate_expr(exp->v.UnaryOp.operand, Load);
      break;
    case Lambda_kind:
      ret = validate_arguments(exp->v.Lambda.args) && validate_expr(exp->v.Lambda.body, Load);
      break;
    case IfExp_kind:
      ret = validate_expr(exp->v.IfExp.test, Load) && validate_expr(exp->v.IfExp.body, Load) &&
            validate_expr(exp->v.IfExp.orelse, Load);
      break;
    case Dict_kind:
      if (asdl_seq_LEN(exp->v.Dict.keys) != asdl_seq_LEN(exp->v.Dict.values)) {
        errors::set_string(objects::exc_ValueError,
                           "Dict doesn't have the same number of keys as values");
        return 0;
      }
      // A null key is a ** item.
      ret = validate_exprs(exp->v.Dict.keys, Load, 1) && validate_exprs(exp->v.Dict.values, Load, 0);
      break;
    case Set_kind:
      ret = validate_exprs(exp->v.Set.elts, Load, 0);
      break;
    case ListComp_kind:
      ret = validate_comprehension(exp->v.ListComp.generators) &&
            validate_expr(exp->v.ListComp.elt, Load);
      break;
    case SetComp_kind:
      ret = validate_comprehension(exp->v.SetComp.generators) &&
            validate_expr(exp->v.SetComp.elt, Load);
      break;
    case GeneratorExp_kind:
      ret = validate_comprehension(exp->v.GeneratorExp.generators) &&
            validate_expr(exp->v.GeneratorExp.elt, Load);
      break;
    case DictComp_kind:
      ret = validate_comprehension(exp->v.DictComp.generators) &&
            validate_expr(exp->v.DictComp.key, Load) && validate_expr(exp->v.DictComp.value, Load);
      break;
    case Yield_kind:
      ret = !exp->v.Yield.value || validate_expr(exp->v.Yield.value, Load);
      break;
    case YieldFrom_kind:
      ret = validate_expr(exp->v.YieldFrom.value, Load);
      break;
    case Await_kind:
      ret = validate_expr(exp->v.Await.value, Load);
      break;
    case Compare_kind:
      if (!asdl_seq_LEN(exp->v.Compare.comparators)) {
        errors::set_string(objects::exc_ValueError, "Compare with no comparators");
        return 0;
      }
      if (asdl_seq_LEN(exp->v.Compare.comparators) != asdl_seq_LEN(exp->v.Compare.ops)) {
        errors::set_string(objects::exc_ValueError,
                           "Compare has a different number of comparators and operands");
        return 0;
      }
      ret = validate_exprs(exp->v.Compare.comparators, Load, 0) &&
            validate_expr(exp->v.Compare.left, Load);
      break;
    case Call_kind:
      ret = validate_expr(exp->v.Call.func, Load) && validate_exprs(exp->v.Call.args, Load, 0) &&
            validate_keywords(exp->v.Call.keywords);
      break;
    case Constant_kind:
      if (!validate_constant(exp->v.Constant.value)) return 0;
      ret = 1;
      break;
    case JoinedStr_kind:
      ret = validate_exprs(exp->v.JoinedStr.values, Load, 0);
      break;
    case TemplateStr_kind:
      ret = validate_exprs(exp->v.TemplateStr.values, Load, 0);
      break;
    case FormattedValue_kind:
      if (!validate_expr(exp->v.FormattedValue.value, Load)) return 0;
      ret = !exp->v.FormattedValue.format_spec ||
            validate_expr(exp->v.FormattedValue.format_spec, Load);
      break;
    case Interpolation_kind:
      if (!validate_expr(exp->v.Interpolation.value, Load)) return 0;
      ret = !exp->v.Interpolation.format_spec ||
            validate_expr(exp->v.Interpolation.format_spec, Load);
      break;
    case Attribute_kind:
      ret = validate_expr(exp->v.Attribute.value, Load);
      break;
    case Subscript_kind:
      ret = validate_expr(exp->v.Subscript.slice, Load) &&
            validate_expr(exp->v.Subscript.value, Load);
      break;
    case Starred_kind:
      ret = validate_expr(exp->v.Starred.value, ctx);
      break;
    case Slice_kind:
      ret = (!exp->v.Slice.lower || validate_expr(exp->v.Slice.lower, Load)) &&
            (!exp->v.Slice.upper || validate_expr(exp->v.Slice.upper, Load)) &&
            (!exp->v.Slice.step || validate_expr(exp->v.Slice.step, Load));
      break;
    case List_kind:
      ret = validate_exprs(exp->v.List.elts, ctx, 0);
      break;
    case Tuple_kind:
      ret = validate_exprs(exp->v.Tuple.elts, ctx, 0);
      break;
    case NamedExpr_kind:
      if (exp->v.NamedExpr.target->kind != Name_kind) {
        errors::set_string(objects::exc_TypeError, "NamedExpr target must be a Name");
        return 0;
      }
      ret = validate_expr(exp->v.NamedExpr.value, Load);
      break;
    case Name_kind:
      ret = 1;
      break;
  }
  if (ret < 0) {
    errors::set_string(objects::exc_SystemError, "unexpected expression");
    ret = 0;
  }
  return ret;
}

// ensure_literal_number / _negative / _complex: the shapes a literal pattern may take before
// constant folding.
bool ensure_literal_number(expr_ty exp, bool allow_real, bool allow_imaginary) {
  Object* value = exp->v.Constant.value;
  return (allow_real && (is_builtin(value, "float") || is_builtin(value, "int"))) ||
         (allow_imaginary && is_builtin(value, "complex"));
}

bool ensure_literal_negative(expr_ty exp, bool allow_real, bool allow_imaginary) {
  if (exp->v.UnaryOp.op != USub) return false;
  expr_ty operand = exp->v.UnaryOp.operand;
  if (operand->kind != Constant_kind) return false;
  return ensure_literal_number(operand, allow_real, allow_imaginary);
}

bool ensure_literal_complex(expr_ty exp) {
  expr_ty left = exp->v.BinOp.left;
  expr_ty right = exp->v.BinOp.right;
  if (exp->v.BinOp.op != Add && exp->v.BinOp.op != Sub) return false;
  switch (left->kind) {
    case Constant_kind:
      if (!ensure_literal_number(left, true, false)) return false;
      break;
    case UnaryOp_kind:
      if (!ensure_literal_negative(left, true, false)) return false;
      break;
    default:
      return false;
  }
  return right->kind == Constant_kind && ensure_literal_number(right, false, true);
}

int validate_pattern_match_value(expr_ty exp) {
  if (!validate_expr(exp, Load)) return 0;
  switch (exp->kind) {
    case Constant_kind: {
      // Ellipsis and containers are not literals here; True, False and None belong in
      // MatchSingleton.
      Object* literal = exp->v.Constant.value;
      if (is_builtin(literal, "int") || is_builtin(literal, "float") ||
          is_builtin(literal, "bytes") || is_builtin(literal, "complex") ||
          is_builtin(literal, "str"))
        return 1;
      errors::set_string(objects::exc_ValueError, "unexpected constant inside of a literal pattern");
      return 0;
    }
    case Attribute_kind:
      return 1;
    case UnaryOp_kind:
      if (ensure_literal_negative(exp, true, true)) return 1;
      break;
    case BinOp_kind:
      if (ensure_literal_complex(exp)) return 1;
      break;
    case JoinedStr_kind:
    case TemplateStr_kind:
      // Rejected by the compiler.
      return 1;
    default:
      break;
  }
  errors::set_string(objects::exc_ValueError, "patterns may only match literals and attribute lookups");
  return 0;
}

int validate_capture(Object* name) {
  if (objects::str_compare_cstr(name, "_") == 0) {
    errors::set_string(objects::exc_ValueError, "can't capture name '_' in patterns");
    return 0;
  }
  return validate_name(name);
}

int validate_pattern(pattern_ty p, int star_ok) {
  if (!validate_positions(p)) return 0;
  RecursionGuard guard;
  if (!guard.ok()) return 0;
  int ret = -1;
  switch (p->kind) {
    case MatchValue_kind:
      ret = validate_pattern_match_value(p->v.MatchValue.value);
      break;
    case MatchSingleton_kind: {
      Object* v = p->v.MatchSingleton.value;
      ret = v == py_none() || is_builtin(v, "bool");
      if (!ret) {
        errors::set_string(objects::exc_ValueError,
                           "MatchSingleton can only contain True, False and None");
      }
      break;
    }
    case MatchSequence_kind:
      ret = validate_patterns(p->v.MatchSequence.patterns, 1);
      break;
    case MatchMapping_kind: {
      if (asdl_seq_LEN(p->v.MatchMapping.keys) != asdl_seq_LEN(p->v.MatchMapping.patterns)) {
        errors::set_string(objects::exc_ValueError,
                           "MatchMapping doesn't have the same number of keys as patterns");
        ret = 0;
        break;
      }
      if (p->v.MatchMapping.rest && !validate_capture(p->v.MatchMapping.rest)) {
        ret = 0;
        break;
      }
      asdl_expr_seq* keys = p->v.MatchMapping.keys;
      for (ssize i = 0; i < asdl_seq_LEN(keys); i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        if (key->kind == Constant_kind) {
          // True, False and None are valid keys though not valid value patterns.
          Object* literal = key->v.Constant.value;
          if (literal == py_none() || is_builtin(literal, "bool")) continue;
        }
        if (!validate_pattern_match_value(key)) {
          ret = 0;
          break;
        }
      }
      if (ret == 0) break;
      ret = validate_patterns(p->v.MatchMapping.patterns, 0);
      break;
    }
    case MatchClass_kind: {
      if (asdl_seq_LEN(p->v.MatchClass.kwd_attrs) != asdl_seq_LEN(p->v.MatchClass.kwd_patterns)) {
        errors::set_string(
            objects::exc_ValueError,
            "MatchClass doesn't have the same number of keyword attributes as patterns");
        ret = 0;
        break;
      }
      if (!validate_expr(p->v.MatchClass.cls, Load)) {
        ret = 0;
        break;
      }
      expr_ty cls = p->v.MatchClass.cls;
      while (cls->kind != Name_kind) {
        if (cls->kind == Attribute_kind) {
          cls = cls->v.Attribute.value;
          continue;
        }
        errors::set_string(objects::exc_ValueError,
                           "MatchClass cls field can only contain Name or Attribute nodes.");
        ret = 0;
        break;
      }
      if (ret == 0) break;
      for (ssize i = 0; i < asdl_seq_LEN(p->v.MatchClass.kwd_attrs); i++) {
        if (!validate_name(asdl_seq_GET(p->v.MatchClass.kwd_attrs, i))) {
          ret = 0;
          break;
        }
      }
      if (ret == 0) break;
      if (!validate_patterns(p->v.MatchClass.patterns, 0)) {
        ret = 0;
        break;
      }
      ret = validate_patterns(p->v.MatchClass.kwd_patterns, 0);
      break;
    }
    case MatchStar_kind:
      if (!star_ok) {
        errors::set_string(objects::exc_ValueError, "can't use MatchStar here");
        ret = 0;
        break;
      }
      ret = !p->v.MatchStar.name || validate_capture(p->v.MatchStar.name);
      break;
    case MatchAs_kind:
      if (p->v.MatchAs.name && !validate_capture(p->v.MatchAs.name)) {
        ret = 0;
        break;
      }
      if (!p->v.MatchAs.pattern) {
        ret = 1;
      } else if (!p->v.MatchAs.name) {
        errors::set_string(objects::exc_ValueError,
                           "MatchAs must specify a target name if a pattern is given");
        ret = 0;
      } else {
        ret = validate_pattern(p->v.MatchAs.pattern, 0);
      }
      break;
    case MatchOr_kind:
      if (asdl_seq_LEN(p->v.MatchOr.patterns) < 2) {
        errors::set_string(objects::exc_ValueError, "MatchOr requires at least 2 patterns");
        ret = 0;
        break;
      }
      ret = validate_patterns(p->v.MatchOr.patterns, 0);
      break;
  }
  if (ret < 0) {
    errors::set_string(objects::exc_SystemError, "unexpected pattern");
    ret = 0;
  }
  return ret;
}

// _validate_nonempty_seq.
int validate_nonempty_seq(ssize len, const char* what, const char* owner) {
  if (len) return 1;
  errors::format(objects::exc_ValueError, "empty %s on %s", what, owner);
  return 0;
}

int validate_assignlist(asdl_expr_seq* targets, expr_context_ty ctx) {
  return validate_nonempty_seq(asdl_seq_LEN(targets), "targets", ctx == Del ? "Delete" : "Assign") &&
         validate_exprs(targets, ctx, 0);
}

int validate_body(asdl_stmt_seq* body, const char* owner) {
  return validate_nonempty_seq(asdl_seq_LEN(body), "body", owner) && validate_stmts(body);
}

int validate_withitems(asdl_withitem_seq* items) {
  for (ssize i = 0; i < asdl_seq_LEN(items); i++) {
    withitem_ty item = asdl_seq_GET(items, i);
    if (!validate_expr(item->context_expr, Load) ||
        (item->optional_vars && !validate_expr(item->optional_vars, Store)))
      return 0;
  }
  return 1;
}

// The Try and TryStar checks, which differ only in the owner's name (and TryStar's handlers
// skip the position check, as in CPython).
int validate_try(asdl_stmt_seq* body, asdl_excepthandler_seq* handlers,
                 asdl_stmt_seq* orelse, asdl_stmt_seq* finalbody, const char* owner, bool star) {
  if (!validate_body(body, owner)) return 0;
  if (!asdl_seq_LEN(handlers) && !asdl_seq_LEN(finalbody)) {
    errors::format(objects::exc_ValueError, "%s has neither except handlers nor finalbody", owner);
    return 0;
  }
  if (!asdl_seq_LEN(handlers) && asdl_seq_LEN(orelse)) {
    errors::format(objects::exc_ValueError, "%s has orelse but no except handlers", owner);
    return 0;
  }
  for (ssize i = 0; i < asdl_seq_LEN(handlers); i++) {
    excepthandler_ty handler = asdl_seq_GET(handlers, i);
    if (!star && !validate_positions(handler)) return 0;
    if ((handler->v.ExceptHandler.type && !validate_expr(handler->v.ExceptHandler.type, Load)) ||
        !validate_body(handler->v.ExceptHandler.body, "ExceptHandler"))
      return 0;
  }
  return (!asdl_seq_LEN(finalbody) || validate_stmts(finalbody)) &&
         (!asdl_seq_LEN(orelse) || validate_stmts(orelse));
}

// FunctionDef and AsyncFunctionDef: the same fields in two union members.
template <class F>
int validate_function(F& f, const char* owner) {
  return validate_body(f.body, owner) && validate_type_params(f.type_params) &&
         validate_arguments(f.args) && validate_exprs(f.decorator_list, Load, 0) &&
         (!f.returns || validate_expr(f.returns, Load));
}

int validate_stmt(stmt_ty stmt) {
  if (!validate_positions(stmt)) return 0;
  RecursionGuard guard;
  if (!guard.ok()) return 0;
  int ret = -1;
  switch (stmt->kind) {
    case FunctionDef_kind:
      ret = validate_function(stmt->v.FunctionDef, "FunctionDef");
      break;
    case AsyncFunctionDef_kind:
      ret = validate_function(stmt->v.AsyncFunctionDef, "AsyncFunctionDef");
      break;
    case ClassDef_kind:
      ret = validate_body(stmt->v.ClassDef.body, "ClassDef") &&
            validate_type_params(stmt->v.ClassDef.type_params) &&
            validate_exprs(stmt->v.ClassDef.bases, Load, 0) &&
            validate_keywords(stmt->v.ClassDef.keywords) &&
            validate_exprs(stmt->v.ClassDef.decorator_list, Load, 0);
      break;
    case Return_kind:
      ret = !stmt->v.Return.value || validate_expr(stmt->v.Return.value, Load);
      break;
    case Delete_kind:
      ret = validate_assignlist(stmt->v.Delete.targets, Del);
      break;
    case Assign_kind:
      ret = validate_assignlist(stmt->v.Assign.targets, Store) &&
            validate_expr(stmt->v.Assign.value, Load);
      break;
    case AugAssign_kind:
      ret = validate_expr(stmt->v.AugAssign.target, Store) &&
            validate_expr(stmt->v.AugAssign.value, Load);
      break;
    case AnnAssign_kind:
      if (stmt->v.AnnAssign.target->kind != Name_kind && stmt->v.AnnAssign.simple) {
        errors::set_string(objects::exc_TypeError, "AnnAssign with simple non-Name target");
        return 0;
      }
      ret = validate_expr(stmt->v.AnnAssign.target, Store) &&
            (!stmt->v.AnnAssign.value || validate_expr(stmt->v.AnnAssign.value, Load)) &&
            validate_expr(stmt->v.AnnAssign.annotation, Load);
      break;
    case TypeAlias_kind:
      if (stmt->v.TypeAlias.name->kind != Name_kind) {
        errors::set_string(objects::exc_TypeError, "TypeAlias with non-Name name");
        return 0;
      }
      ret = validate_expr(stmt->v.TypeAlias.name, Store) &&
            validate_type_params(stmt->v.TypeAlias.type_params) &&
            validate_expr(stmt->v.TypeAlias.value, Load);
      break;
    case For_kind:
      ret = validate_expr(stmt->v.For.target, Store) && validate_expr(stmt->v.For.iter, Load) &&
            validate_body(stmt->v.For.body, "For") && validate_stmts(stmt->v.For.orelse);
      break;
    case AsyncFor_kind:
      ret = validate_expr(stmt->v.AsyncFor.target, Store) &&
            validate_expr(stmt->v.AsyncFor.iter, Load) &&
            validate_body(stmt->v.AsyncFor.body, "AsyncFor") &&
            validate_stmts(stmt->v.AsyncFor.orelse);
      break;
    case While_kind:
      ret = validate_expr(stmt->v.While.test, Load) && validate_body(stmt->v.While.body, "While") &&
            validate_stmts(stmt->v.While.orelse);
      break;
    case If_kind:
      ret = validate_expr(stmt->v.If.test, Load) && validate_body(stmt->v.If.body, "If") &&
            validate_stmts(stmt->v.If.orelse);
      break;
    case With_kind:
      if (!validate_nonempty_seq(asdl_seq_LEN(stmt->v.With.items), "items", "With")) return 0;
      if (!validate_withitems(stmt->v.With.items)) return 0;
      ret = validate_body(stmt->v.With.body, "With");
      break;
    case AsyncWith_kind:
      if (!validate_nonempty_seq(asdl_seq_LEN(stmt->v.AsyncWith.items), "items", "AsyncWith"))
        return 0;
      if (!validate_withitems(stmt->v.AsyncWith.items)) return 0;
      ret = validate_body(stmt->v.AsyncWith.body, "AsyncWith");
      break;
    case Match_kind:
      if (!validate_expr(stmt->v.Match.subject, Load) ||
          !validate_nonempty_seq(asdl_seq_LEN(stmt->v.Match.cases), "cases", "Match"))
        return 0;
      for (ssize i = 0; i < asdl_seq_LEN(stmt->v.Match.cases); i++) {
        match_case_ty m = asdl_seq_GET(stmt->v.Match.cases, i);
        if (!validate_pattern(m->pattern, 0) || (m->guard && !validate_expr(m->guard, Load)) ||
            !validate_body(m->body, "match_case"))
          return 0;
      }
      ret = 1;
      break;
    case Raise_kind:
      if (stmt->v.Raise.exc) {
        ret = validate_expr(stmt->v.Raise.exc, Load) &&
              (!stmt->v.Raise.cause || validate_expr(stmt->v.Raise.cause, Load));
        break;
      }
      if (stmt->v.Raise.cause) {
        errors::set_string(objects::exc_ValueError, "Raise with cause but no exception");
        return 0;
      }
      ret = 1;
      break;
    case Try_kind:
      ret = validate_try(stmt->v.Try.body, stmt->v.Try.handlers, stmt->v.Try.orelse,
                         stmt->v.Try.finalbody, "Try", false);
      break;
    case TryStar_kind:
      ret = validate_try(stmt->v.TryStar.body, stmt->v.TryStar.handlers,
                         stmt->v.TryStar.orelse, stmt->v.TryStar.finalbody, "TryStar", true);
      break;
    case Assert_kind:
      ret = validate_expr(stmt->v.Assert.test, Load) &&
            (!stmt->v.Assert.msg || validate_expr(stmt->v.Assert.msg, Load));
      break;
    case Import_kind:
      ret = validate_nonempty_seq(asdl_seq_LEN(stmt->v.Import.names), "names", "Import");
      break;
    case ImportFrom_kind:
      if (stmt->v.ImportFrom.level < 0) {
        errors::set_string(objects::exc_ValueError, "Negative ImportFrom level");
        return 0;
      }
      ret = validate_nonempty_seq(asdl_seq_LEN(stmt->v.ImportFrom.names), "names", "ImportFrom");
      break;
    case Global_kind:
      ret = validate_nonempty_seq(asdl_seq_LEN(stmt->v.Global.names), "names", "Global");
      break;
    case Nonlocal_kind:
      ret = validate_nonempty_seq(asdl_seq_LEN(stmt->v.Nonlocal.names), "names", "Nonlocal");
      break;
    case Expr_kind:
      ret = validate_expr(stmt->v.Expr.value, Load);
      break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
      ret = 1;
      break;
  }
  if (ret < 0) {
    errors::set_string(objects::exc_SystemError, "unexpected statement");
    ret = 0;
  }
  return ret;
}

int validate_stmts(asdl_stmt_seq* seq) {
  for (ssize i = 0; i < asdl_seq_LEN(seq); i++) {
    stmt_ty stmt = asdl_seq_GET(seq, i);
    if (!stmt) {
      errors::set_string(objects::exc_ValueError, "None disallowed in statement list");
      return 0;
    }
    if (!validate_stmt(stmt)) return 0;
  }
  return 1;
}

int validate_exprs(asdl_expr_seq* exprs, expr_context_ty ctx, int null_ok) {
  for (ssize i = 0; i < asdl_seq_LEN(exprs); i++) {
    expr_ty expr = asdl_seq_GET(exprs, i);
    if (expr) {
      if (!validate_expr(expr, ctx)) return 0;
    } else if (!null_ok) {
      errors::set_string(objects::exc_ValueError, "None disallowed in expression list");
      return 0;
    }
  }
  return 1;
}

int validate_patterns(asdl_pattern_seq* patterns, int star_ok) {
  for (ssize i = 0; i < asdl_seq_LEN(patterns); i++) {
    if (!validate_pattern(asdl_seq_GET(patterns, i), star_ok)) return 0;
  }
  return 1;
}

int validate_typeparam(type_param_ty tp) {
  if (!validate_positions(tp)) return 0;
  switch (tp->kind) {
    case TypeVar_kind:
      return validate_name(tp->v.TypeVar.name) &&
             (!tp->v.TypeVar.bound || validate_expr(tp->v.TypeVar.bound, Load)) &&
             (!tp->v.TypeVar.default_value || validate_expr(tp->v.TypeVar.default_value, Load));
    case ParamSpec_kind:
      return validate_name(tp->v.ParamSpec.name) &&
             (!tp->v.ParamSpec.default_value ||
              validate_expr(tp->v.ParamSpec.default_value, Load));
    case TypeVarTuple_kind:
      return validate_name(tp->v.TypeVarTuple.name) &&
             (!tp->v.TypeVarTuple.default_value ||
              validate_expr(tp->v.TypeVarTuple.default_value, Load));
  }
  return -1;
}

int validate_type_params(asdl_type_param_seq* tps) {
  for (ssize i = 0; i < asdl_seq_LEN(tps); i++) {
    type_param_ty tp = asdl_seq_GET(tps, i);
    if (tp && !validate_typeparam(tp)) return 0;
  }
  return 1;
}

}  // namespace

// _PyAST_Validate.
int validate(mod_ty mod) {
  int res = -1;
  switch (mod->kind) {
    case Module_kind:
      res = validate_stmts(mod->v.Module.body);
      break;
    case Interactive_kind:
      res = validate_stmts(mod->v.Interactive.body);
      break;
    case Expression_kind:
      res = validate_expr(mod->v.Expression.body, Load);
      break;
    case FunctionType_kind:
      res = validate_exprs(mod->v.FunctionType.argtypes, Load, 0) &&
            validate_expr(mod->v.FunctionType.returns, Load);
      break;
  }
  if (res < 0) {
    errors::set_string(objects::exc_SystemError, "impossible module node");
    return 0;
  }
  return res;
}

// _PyAST_GetDocString.
Object* get_docstring(asdl_stmt_seq* body) {
  if (!asdl_seq_LEN(body)) return nullptr;
  stmt_ty st = asdl_seq_GET(body, 0);
  if (st->kind != Expr_kind) return nullptr;
  expr_ty e = st->v.Expr.value;
  if (e->kind == Constant_kind && objects::str_check_exact(e->v.Constant.value)) {
    return e->v.Constant.value;
  }
  return nullptr;
}

}  // namespace cppy::ast
