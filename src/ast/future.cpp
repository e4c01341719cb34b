// Python/future.c.
#include "ast/future.h"

#include <cstring>

#include "ast/core_api.h"


namespace cppy::ast {

namespace {

// future_check_features: every name of one `from __future__ import` statement.
int future_check_features(FutureFeatures* ff, stmt_ty s, Object* filename) {
  asdl_alias_seq* names = s->v.ImportFrom.names;
  for (ssize i = 0; i < asdl_seq_LEN(names); i++) {
    alias_ty name = asdl_seq_GET(names, i);
    const char* feature = objects::str_as_utf8(name->name);
    if (!feature) return 0;
    // Features that are always on (or never were optional) only need to be known.
    static const char* const mandatory[] = {"nested_scopes",   "generators",     "division",
                                            "absolute_import", "with_statement", "print_function",
                                            "unicode_literals", "generator_stop"};
    bool known = false;
    for (const char* m : mandatory) {
      if (std::strcmp(feature, m) == 0) known = true;
    }
    if (known) continue;
    if (std::strcmp(feature, "barry_as_FLUFL") == 0) {
      ff->ff_features |= CO_FUTURE_BARRY_AS_BDFL;
    } else if (std::strcmp(feature, "annotations") == 0) {
      ff->ff_features |= CO_FUTURE_ANNOTATIONS;
    } else {
      if (std::strcmp(feature, "braces") == 0) {
        errors::set_string(objects::exc_SyntaxError, "not a chance");
      } else {
        errors::format(objects::exc_SyntaxError, "future feature %.100s is not defined", feature);
      }
      ranged_syntax_location(filename, name->lineno, name->col_offset + 1, name->end_lineno,
                             name->end_col_offset + 1);
      return 0;
    }
  }
  return 1;
}

// future_parse: only a docstring and other future statements may precede one.
int future_parse(FutureFeatures* ff, mod_ty mod, Object* filename) {
  if (mod->kind != Module_kind && mod->kind != Interactive_kind) return 1;
  asdl_stmt_seq* body =
      mod->kind == Module_kind ? mod->v.Module.body : mod->v.Interactive.body;
  ssize n = asdl_seq_LEN(body);
  ssize i = get_docstring(body) ? 1 : 0;
  for (; i < n; i++) {
    stmt_ty s = asdl_seq_GET(body, i);
    if (s->kind != ImportFrom_kind || s->v.ImportFrom.level != 0) return 1;
    Object* modname = s->v.ImportFrom.module;
    if (!modname || objects::str_compare_cstr(modname, "__future__") != 0) return 1;
    if (!future_check_features(ff, s, filename)) return 0;
    ff->ff_location = location_of(s);
  }
  return 1;
}

}  // namespace

// _PyFuture_FromAST.
int future_from_ast(mod_ty mod, Object* filename, FutureFeatures* ff) {
  ff->ff_features = 0;
  ff->ff_location = SourceLocation{-1, -1, -1, -1};
  return future_parse(ff, mod, filename);
}

}  // namespace cppy::ast
