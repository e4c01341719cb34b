// compile(), exec() and eval() (Python/bltinmodule.c builtin_compile_impl, builtin_exec_impl,
// builtin_eval_impl) with the helpers they share: _Py_SourceAsString (Python/pythonrun.c),
// PyEval_MergeCompilerFlags (Python/ceval.c) and PyRun_StringFlags (Python/pythonrun.c).
#include <cstring>
#include <string>
#include <string_view>

#include "ast/arena.h"
#include "ast/ast.h"
#include "ast/python_ast.h"
#include "builtins/bltinmodule.h"
#include "compile/compile.h"
#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/cellobject.h"
#include "objects/clinic_args.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "parser/compiler_flags.h"
#include "vm/ceval.h"
#include "vm/frame.h"
#include "vm/pythonrun.h"

namespace cppy::builtins {

using namespace objects;

namespace {

// Include/cpython/compile.h and Include/cpython/code.h.
constexpr int kPyCFCompileMask =
    parser::kPyCF_ONLY_AST | parser::kPyCF_ALLOW_TOP_LEVEL_AWAIT | parser::kPyCF_TYPE_COMMENTS |
    parser::kPyCF_DONT_IMPLY_DEDENT | parser::kPyCF_ALLOW_INCOMPLETE_INPUT |
    parser::kPyCF_OPTIMIZED_AST;
constexpr int kPyCFMaskObsolete = kCoNested;
constexpr int kPyCFMask = compile::PyCF_MASK;

// _Py_SourceAsString: the text of a str (as UTF-8, then PyCF_IGNORE_COOKIE) or the bytes of a
// bytes object; SyntaxError for an embedded null byte.
bool source_as_string(Object* cmd, const char* funcname, const char* what, int* cf_flags,
                      std::string_view* out) {
  const char* p = nullptr;
  ssize size = 0;
  if (str_check(cmd)) {
    *cf_flags |= parser::kPyCF_IGNORE_COOKIE;
    p = str_as_utf8(cmd, &size);
    if (!p) return false;
  } else if (bytes_check(cmd)) {
    p = bytes_as_string(cmd);
    size = bytes_size(cmd);
  } else {
    errors::format(exc_TypeError, "%s() arg 1 must be a %s object", funcname, what);
    return false;
  }
  if (std::memchr(p, 0, size_t(size))) {
    errors::set_string(exc_SyntaxError, "source code string cannot contain null bytes");
    return false;
  }
  *out = std::string_view(p, size_t(size));
  return true;
}

// PyEval_MergeCompilerFlags: the running code's __future__ features join the flags. Returns
// whether any flag is set.
bool merge_compiler_flags(int* cf_flags) {
  vm::Frame* f = vm::current_frame();
  if (f) {
    int codeflags = vm::frame_code(f)->co_flags;
    *cf_flags |= codeflags & kPyCFMask;
  }
  return *cf_flags != 0;
}

// The filename argument (PyUnicode_FSDecoder): str, bytes, or os.PathLike.
Object* fs_decode(Object* o) {
  if (str_check(o)) return new_ref(o);
  if (bytes_check(o)) return str_from_utf8(bytes_as_string(o), bytes_size(o));
  Object* meth = nullptr;
  if (object_get_optional_attr(o, str_intern_from_cstr("__fspath__"), &meth) < 0) return nullptr;
  if (meth) {
    Ref<> m = Ref<>::steal(meth);
    Ref<> r = Ref<>::steal(object_call_no_args(m.get()));
    if (!r) return nullptr;
    if (str_check(r.get())) return r.release();
    if (bytes_check(r.get())) return str_from_utf8(bytes_as_string(r.get()), bytes_size(r.get()));
    return errors::format(exc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                          o->type->name, r->type->name);
  }
  return errors::format(exc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                        o->type->name);
}

std::string utf8(Object* s) {
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  return p ? std::string(p, size_t(n)) : std::string();
}

// _PyEval_GetFrameLocals: the namespace of the running frame, a snapshot dict for a function
// (PEP 667). New reference, or null without an error when there is no frame.
Object* frame_locals() {
  vm::Frame* f = vm::current_frame();
  if (!f) return nullptr;
  if (f->f_locals) return new_ref(f->f_locals);
  Object* fo = vm::frame_get_frame_object(f);
  if (!fo) return nullptr;
  Ref<> l = Ref<>::steal(object_getattr(fo, str_intern_from_cstr("f_locals")));
  if (!l) return nullptr;
  if (dict_check(l.get())) return l.release();
  Ref<> d = Ref<>::steal(dict_new());
  if (!d || dict_merge(d.get(), l.get(), 1) < 0) return nullptr;
  return d.release();
}

// Sets globals['__builtins__'] when it is missing.
int ensure_builtins(Object* globals) {
  Object* key = str_intern_from_cstr("__builtins__");
  int has = dict_contains(globals, key);
  if (has < 0) return -1;
  if (has) return 0;
  Object* b = vm::eval_get_builtins();
  if (!b) b = vm::builtins_dict();
  return dict_set_item(globals, key, b);
}

// PyRun_StringFlags: compiles str as "<string>" and runs it in globals/locals.
Object* run_string(std::string_view str, int start, Object* globals, Object* locals,
                   int cf_flags) {
  Ref<> code = Ref<>::steal(compile::compile_string(str, "<string>", start, cf_flags, -1));
  if (!code) return nullptr;
  return vm::run_eval_code_obj(code.get(), globals, locals);
}

const char* const kCompileKeywords[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                        "optimize", "_feature_version", nullptr};
const char* const kExecKeywords[] = {"", "globals", "locals", "closure", nullptr};
const char* const kEvalKeywords[] = {"", "globals", "locals", nullptr};

// An int argument (_PyLong_AsInt with clinic's float rejection).
bool int_arg(Object* o, int* out) {
  if (!o) return true;
  int v = long_as_int(o);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// builtin_compile_impl's branch for an AST object: converted to a tree (PyAST_obj2mod),
// validated (_PyAST_Validate), then returned as a new _ast tree (PyCF_ONLY_AST; preprocessed
// for PyCF_OPTIMIZED_AST) or compiled.
Object* compile_ast_object(Object* source, const std::string& filename, int start, int cf_flags,
                           int optimize) {
  int mode = start == compile::kPyFileInput     ? 0
             : start == compile::kPyEvalInput   ? 1
             : start == compile::kPySingleInput ? 2
                                                : 3;
  ast::Arena arena;
  ast::mod_ty mod = ast::object_to_mod(source, &arena, mode);
  if (!mod || !ast::validate(mod)) return nullptr;
  if (cf_flags & parser::kPyCF_ONLY_AST) {
    bool syntax_check_only = (cf_flags & parser::kPyCF_OPTIMIZED_AST) == parser::kPyCF_ONLY_AST;
    if (compile::ast_preprocess_only(mod, filename, cf_flags, optimize, &arena,
                                     syntax_check_only) < 0)
      return nullptr;
    return ast::mod_to_object(mod);
  }
  compile::CompileResult cr = compile::compile_ast(mod, filename, cf_flags, optimize, &arena);
  if (!cr.code) {
    compile::raise_compile_failure(cr.failure, filename);
    return nullptr;
  }
  return compile::code_object(*cr.code);
}

}  // namespace

// builtin_compile_impl.
Object* builtin_compile(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  ArgParser p = {"compile", kCompileKeywords, 3, 6, 0};
  Object* a[7] = {};
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return nullptr;
  Object* source = a[0];
  Ref<> filename = Ref<>::steal(fs_decode(a[1]));
  if (!filename) return nullptr;
  if (!str_check(a[2])) {
    bad_argument("compile", "'mode'", "str", a[2]);
    return nullptr;
  }
  std::string mode = utf8(a[2]);
  int flags = 0, optimize = -1, feature_version = -1;
  bool dont_inherit = false;
  if (!int_arg(a[3], &flags)) return nullptr;
  if (a[4]) {
    int t = object_is_true(a[4]);
    if (t < 0) return nullptr;
    dont_inherit = t != 0;
  }
  if (!int_arg(a[5], &optimize) || !int_arg(a[6], &feature_version)) return nullptr;
  if (flags & ~(kPyCFMask | kPyCFMaskObsolete | kPyCFCompileMask)) {
    errors::set_string(exc_ValueError, "compile(): unrecognised flags");
    return nullptr;
  }
  if (optimize < -1 || optimize > 2) {
    errors::set_string(exc_ValueError, "compile(): invalid optimize value");
    return nullptr;
  }
  int cf_flags = flags | parser::kPyCF_SOURCE_IS_UTF8;
  if (!dont_inherit) merge_compiler_flags(&cf_flags);
  int start;
  if (mode == "exec") {
    start = compile::kPyFileInput;
  } else if (mode == "eval") {
    start = compile::kPyEvalInput;
  } else if (mode == "single") {
    start = compile::kPySingleInput;
  } else if (mode == "func_type") {
    if (!(flags & parser::kPyCF_ONLY_AST)) {
      errors::set_string(exc_ValueError,
                         "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
      return nullptr;
    }
    start = compile::kPyFuncTypeInput;
  } else {
    errors::set_string(exc_ValueError, (flags & parser::kPyCF_ONLY_AST)
                                           ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                                           : "compile() mode must be 'exec', 'eval' or 'single'");
    return nullptr;
  }
  int is_ast = ast::ast_check(source);
  if (is_ast == -1) return nullptr;
  if (is_ast) return compile_ast_object(source, utf8(filename.get()), start, cf_flags, optimize);
  std::string_view str;
  if (!source_as_string(source, "compile", "string, bytes or AST", &cf_flags, &str))
    return nullptr;
  // ast.parse(feature_version=...) only: the parser of a code object is always the current.
  if (!(flags & parser::kPyCF_ONLY_AST)) feature_version = -1;
  return compile::compile_string(str, utf8(filename.get()), start, cf_flags, optimize,
                                 feature_version);
}

// builtin_eval_impl.
Object* builtin_eval(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  ArgParser p = {"eval", kEvalKeywords, 1, 3, 0};
  Object* a[3] = {};
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return nullptr;
  Object* source = a[0];
  Object* globals = a[1] ? a[1] : none();
  Object* locals = a[2] ? a[2] : none();
  if (locals != none() && !mapping_check(locals)) {
    errors::set_string(exc_TypeError, "locals must be a mapping");
    return nullptr;
  }
  if (globals != none() && !dict_check(globals)) {
    errors::set_string(exc_TypeError, mapping_check(globals)
                                          ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                          : "globals must be a dict");
    return nullptr;
  }
  Ref<> g, l;
  if (globals == none()) {
    g = Ref<>::borrow(vm::eval_get_globals());
    if (locals == none()) {
      l = Ref<>::steal(frame_locals());
      if (!l && errors::occurred()) return nullptr;
    } else {
      l = Ref<>::borrow(locals);
    }
  } else {
    g = Ref<>::borrow(globals);
    l = Ref<>::borrow(locals == none() ? globals : locals);
  }
  if (!g || !l) {
    errors::set_string(exc_TypeError,
                       "eval must be given globals and locals when called without a frame");
    return nullptr;
  }
  if (ensure_builtins(g.get()) < 0) return nullptr;
  if (code_check(source)) {
    if (static_cast<CodeObject*>(source)->co_nfreevars > 0) {
      errors::set_string(exc_TypeError,
                         "code object passed to eval() may not contain free variables");
      return nullptr;
    }
    return vm::eval_code(source, g.get(), l.get());
  }
  int cf_flags = parser::kPyCF_SOURCE_IS_UTF8;
  std::string_view str;
  if (!source_as_string(source, "eval", "string, bytes or code", &cf_flags, &str)) return nullptr;
  while (!str.empty() && (str.front() == ' ' || str.front() == '\t')) str.remove_prefix(1);
  merge_compiler_flags(&cf_flags);
  return run_string(str, compile::kPyEvalInput, g.get(), l.get(), cf_flags);
}

// builtin_exec_impl.
Object* builtin_exec(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  ArgParser p = {"exec", kExecKeywords, 1, 3, 0};
  Object* a[4] = {};
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return nullptr;
  Object* source = a[0];
  Object* globals = a[1] ? a[1] : none();
  Object* locals = a[2] ? a[2] : none();
  Object* closure = a[3] && a[3] != none() ? a[3] : nullptr;
  Ref<> g, l;
  if (globals == none()) {
    g = Ref<>::borrow(vm::eval_get_globals());
    if (locals == none()) {
      l = Ref<>::steal(frame_locals());
      if (!l && errors::occurred()) return nullptr;
    } else {
      l = Ref<>::borrow(locals);
    }
    if (!g || !l) {
      errors::set_string(exc_SystemError, "globals and locals cannot be NULL");
      return nullptr;
    }
  } else {
    g = Ref<>::borrow(globals);
    l = Ref<>::borrow(locals == none() ? globals : locals);
  }
  if (!dict_check(g.get())) {
    errors::format(exc_TypeError, "exec() globals must be a dict, not %.100s", g->type->name);
    return nullptr;
  }
  if (!mapping_check(l.get())) {
    errors::format(exc_TypeError, "locals must be a mapping or None, not %.100s", l->type->name);
    return nullptr;
  }
  if (ensure_builtins(g.get()) < 0) return nullptr;
  Ref<> v;
  if (code_check(source)) {
    auto* co = static_cast<CodeObject*>(source);
    ssize num_free = co->co_nfreevars;
    if (num_free == 0) {
      if (closure) {
        errors::set_string(exc_TypeError, "cannot use a closure with this code object");
        return nullptr;
      }
    } else {
      bool ok = closure && tuple_check_exact(closure) && tuple_size(closure) == num_free;
      for (ssize i = 0; ok && i < num_free; i++) ok = cell_check(tuple_item(closure, i));
      if (!ok) {
        errors::format(exc_TypeError, "code object requires a closure of exactly length %zd",
                       num_free);
        return nullptr;
      }
    }
    if (!closure) {
      v = Ref<>::steal(vm::eval_code(source, g.get(), l.get()));
    } else {
      // PyEval_EvalCodeEx with a closure: a function over the code runs with the locals.
      Ref<> func = Ref<>::steal(function_new(source, g.get()));
      if (!func) return nullptr;
      auto* fo = static_cast<FunctionObject*>(func.get());
      Object* old = fo->func_closure;
      fo->func_closure = new_ref(closure);
      xdecref(old);
      v = Ref<>::steal(vm::eval_function_with_locals(fo, l.get()));
    }
  } else {
    if (closure) {
      errors::set_string(exc_TypeError, "closure can only be used when source is a code object");
      return nullptr;
    }
    int cf_flags = parser::kPyCF_SOURCE_IS_UTF8;
    std::string_view str;
    if (!source_as_string(source, "exec", "string, bytes or code", &cf_flags, &str))
      return nullptr;
    merge_compiler_flags(&cf_flags);
    v = Ref<>::steal(run_string(str, compile::kPyFileInput, g.get(), l.get(), cf_flags));
  }
  if (!v) return nullptr;
  return return_none();
}

}  // namespace cppy::builtins
