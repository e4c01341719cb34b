// Code objects from compiled units (makecode of Python/assemble.c, with the merging of
// constants of Python/compile.c _PyCompile_ConstCacheMergeOne) and the source-to-code entry
// point (Python/pythonrun.c Py_CompileStringObject -> _PyAST_Compile), with the conversion of
// the front end's error records into exception objects (Parser/pegen_errors.c
// _PyPegen_raise_error_known_location, Python/errors.c _PyErr_RaiseSyntaxError).
#include <cstdio>
#include <string>
#include <unordered_map>

#include "ast/arena.h"
#include "ast/python_ast.h"
#include "compile/compile.h"
#include "errors/errors.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "parser/compiler_flags.h"
#include "parser/constants.h"
#include "parser/pegen.h"
#include "symtable/symtable.h"
#include "ast/future.h"

namespace cppy::compile {

using objects::Object;
using objects::Ref;
using objects::ssize;

namespace {

// PyCF_ONLY_AST and PyCF_OPTIMIZED_AST (Include/cpython/compile.h).

// The const cache of one compilation: every constant (and every co_consts / co_names tuple,
// as makecode merges those too) is one object per key, so that equal constants are shared
// between code objects as CPython's are (marshal's references depend on it).
class ObjectCache {
 public:
  ~ObjectCache() {
    for (auto& [k, o] : by_key_) objects::decref(o);
  }
  Object* find(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : it->second;
  }
  // Keeps o (a new reference) under key; returns a new reference to the cached object.
  Object* keep(const std::string& key, Object* o) {
    by_key_.emplace(key, o);
    return objects::new_ref(o);
  }

 private:
  std::unordered_map<std::string, Object*> by_key_;
};

Object* str_object(const std::string& s) {
  return objects::str_from_utf8(s.data(), ssize(s.size()));
}

Object* make_code(const CodeData& d, ObjectCache* cache);

// The object of a constant (new reference).
Object* konst_object(const Konst* k, ObjectCache* cache) {
  if (Object* o = cache->find(k->key)) return objects::new_ref(o);
  Object* o = nullptr;
  switch (k->kind) {
    case KonstKind::Tuple:
    case KonstKind::FrozenSet: {
      // The items first, then the tuple (PyTuple_New, tracked): the collector's list then
      // holds inner constants before outer ones, so one untrack_tuples pass untracks a
      // nest of atomic constants, as CPython's constant folding orders them.
      std::vector<Object*> items;
      items.reserve(k->items.size());
      for (size_t i = 0; i < k->items.size(); i++) {
        Object* item = konst_object(k->items[i], cache);
        if (!item) {
          for (Object* x : items) objects::decref(x);
          return nullptr;
        }
        items.push_back(item);
      }
      Ref<> t = Ref<>::steal(objects::tuple_new(ssize(items.size())));
      if (!t) {
        for (Object* x : items) objects::decref(x);
        return nullptr;
      }
      for (size_t i = 0; i < items.size(); i++) objects::tuple_set_item(t.get(), ssize(i), items[i]);
      o = k->kind == KonstKind::Tuple ? t.release() : objects::frozenset_new(t.get());
      break;
    }
    case KonstKind::Slice: {
      Ref<> a = Ref<>::steal(konst_object(k->items[0], cache));
      Ref<> b = Ref<>::steal(konst_object(k->items[1], cache));
      Ref<> c = Ref<>::steal(konst_object(k->items[2], cache));
      if (!a || !b || !c) return nullptr;
      o = objects::slice_new(a.get(), b.get(), c.get());
      break;
    }
    case KonstKind::Code:
      o = make_code(*k->code, cache);
      break;
    default:
      o = objects::new_ref(k->obj);
      break;
  }
  if (!o) return nullptr;
  return cache->keep(k->key, o);
}

// A tuple of str, merged with equal tuples (co_names of makecode).
Object* names_tuple(const std::vector<std::string>& names, ObjectCache* cache, bool merge) {
  std::string key = "tuple:(";
  Ref<> t = Ref<>::steal(objects::tuple_new(ssize(names.size())));
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); i++) {
    Object* s = str_object(names[i]);
    if (!s) return nullptr;
    objects::str_intern_in_place(&s);
    objects::tuple_set_item(t.get(), ssize(i), s);
    if (merge) {
      std::string r;
      if (!parser::constant_repr(s, &r)) return nullptr;
      key += "str:" + r + "\x1e";
    }
  }
  if (!merge || names.empty()) return t.release();
  key += ")";
  if (Object* o = cache->find(key)) return objects::new_ref(o);
  return cache->keep(key, t.release());
}

// makecode (Python/assemble.c).
Object* make_code(const CodeData& d, ObjectCache* cache) {
  const AssembledCode& a = d.a;
  Ref<> names = Ref<>::steal(names_tuple(d.names, cache, true));
  if (!names) return nullptr;
  // co_consts: the tuple of the unit's constants, merged as one constant.
  std::string ckey = "tuple:(";
  for (const Konst* k : d.consts) ckey += k->key + "\x1e";
  ckey += ")";
  Ref<> consts;
  if (Object* o = cache->find(ckey)) {
    consts = Ref<>::borrow(o);
  } else {
    // PyList_AsTuple of the constants list (_PyTuple_FromArray): untracked when every
    // constant is atomic.
    std::vector<Object*> items;
    items.reserve(d.consts.size());
    for (size_t i = 0; i < d.consts.size(); i++) {
      Object* item = konst_object(d.consts[i], cache);
      if (!item) {
        for (Object* o : items) objects::decref(o);
        return nullptr;
      }
      items.push_back(item);
    }
    Ref<> t = Ref<>::steal(objects::tuple_from_array_steal(items.data(), ssize(items.size())));
    if (!t) return nullptr;
    consts = d.consts.empty() ? std::move(t) : Ref<>::steal(cache->keep(ckey, t.release()));
  }
  Ref<> localsplusnames = Ref<>::steal(names_tuple(a.localsplusnames, cache, false));
  if (!localsplusnames) return nullptr;
  Ref<> kinds = Ref<>::steal(
      objects::bytes_from_string_and_size(a.localspluskinds.data(), ssize(a.localspluskinds.size())));
  Ref<> code = Ref<>::steal(objects::bytes_from_string_and_size(a.code.data(), ssize(a.code.size())));
  Ref<> linetable = Ref<>::steal(
      objects::bytes_from_string_and_size(a.linetable.data(), ssize(a.linetable.size())));
  Ref<> exctable = Ref<>::steal(objects::bytes_from_string_and_size(
      a.exceptiontable.data(), ssize(a.exceptiontable.size())));
  Ref<> filename = Ref<>::steal(str_object(d.filename));
  Ref<> name = Ref<>::steal(str_object(d.name));
  Ref<> qualname = Ref<>::steal(str_object(d.qualname));
  if (!kinds || !code || !linetable || !exctable || !filename || !name || !qualname)
    return nullptr;
  objects::CodeConstructor con;
  con.filename = filename.get();
  con.name = name.get();
  con.qualname = qualname.get();
  con.flags = a.flags;
  con.code = code.get();
  con.firstlineno = a.firstlineno;
  con.linetable = linetable.get();
  con.consts = consts.get();
  con.names = names.get();
  con.localsplusnames = localsplusnames.get();
  con.localspluskinds = kinds.get();
  con.argcount = a.argcount;
  con.posonlyargcount = a.posonlyargcount;
  con.kwonlyargcount = a.kwonlyargcount;
  con.stacksize = a.stacksize;
  con.exceptiontable = exctable.get();
  return objects::code_new(con);
}

objects::TypeObject* exception_type_named(const std::string& name) {
#define CPPY_EXC_BY_NAME(n) \
  if (name == #n) return objects::exc_##n;
  CPPY_EXCEPTION_LIST(CPPY_EXC_BY_NAME)
#undef CPPY_EXC_BY_NAME
  return objects::exc_SystemError;
}

// A position of a SyntaxError's location tuple: an int, or None for an unknown one.
Object* position(int v) {
  if (v == parser::kNoPosition) return objects::new_ref(objects::none());
  return objects::long_from_long(v);
}

// err_programtext (Python/errors.c): line `lineno` of the file `filename`, or null (without an
// error) when it cannot be read.
Object* program_text(const std::string& filename, int lineno) {
  if (lineno <= 0 || filename.empty()) return nullptr;
  std::FILE* f = std::fopen(filename.c_str(), "rb");
  if (!f) return nullptr;
  std::string line;
  int current = 1;
  int c;
  while ((c = std::fgetc(f)) != EOF) {
    if (current == lineno) line.push_back(char(c));
    if (c == '\n') {
      if (current == lineno) break;
      ++current;
    }
  }
  std::fclose(f);
  if (current != lineno || line.empty()) return nullptr;
  Object* text = str_object(line);
  if (!text) errors::clear();
  return text;
}

// Raises type(msg, (filename, lineno, offset, text, end_lineno, end_offset)).
void raise_located(objects::TypeObject* type, const std::string& message,
                   const std::string& filename, int lineno, int offset, Object* text /*stolen*/,
                   int end_lineno, int end_offset) {
  Ref<> txt = Ref<>::steal(text ? text : objects::new_ref(objects::none()));
  Ref<> msg = Ref<>::steal(str_object(message));
  Ref<> fn = Ref<>::steal(str_object(filename));
  Ref<> l = Ref<>::steal(position(lineno));
  Ref<> o = Ref<>::steal(position(offset));
  Ref<> el = Ref<>::steal(position(end_lineno));
  Ref<> eo = Ref<>::steal(position(end_offset));
  if (!msg || !fn || !l || !o || !el || !eo) return;
  Ref<> loc = Ref<>::steal(
      objects::tuple_pack(6, fn.get(), l.get(), o.get(), txt.get(), el.get(), eo.get()));
  if (!loc) return;
  Ref<> args = Ref<>::steal(objects::tuple_pack(2, msg.get(), loc.get()));
  if (!args) return;
  errors::set_object(type, args.get());
}

}  // namespace

Object* code_object(const CodeData& d) {
  ObjectCache cache;
  return make_code(d, &cache);
}

namespace {

bool codec_decode(const std::string& encoding, std::string_view bytes, const char* errs,
                  std::string* utf8, parser::CodecError* error);

// _PyPegen_set_syntax_error_metadata on the SyntaxError just raised: (lineno, col_offset,
// source), the source decoded from the tokenizer's encoding when it has one (None when that
// fails).
void set_syntax_error_metadata(const parser::ParseError& e) {
  Ref<> exc = Ref<>::steal(errors::get_raised_exception());
  if (!exc) return;
  Ref<> source;
  if (e.metadata_has_source) {
    std::string utf8;
    parser::CodecError ce;
    const std::string& enc = e.metadata_encoding;
    if (enc.empty() || enc == "utf-8") {
      source = Ref<>::steal(str_object(e.metadata_source));
    } else if (codec_decode(enc, e.metadata_source, "strict", &utf8, &ce)) {
      source = Ref<>::steal(str_object(utf8));
    }
    if (!source) errors::clear();
  }
  if (!source) source = Ref<>::borrow(objects::none());
  Ref<> l = Ref<>::steal(objects::long_from_long(e.metadata_lineno));
  Ref<> c = Ref<>::steal(objects::long_from_long(e.metadata_col_offset));
  Ref<> meta = l && c ? Ref<>::steal(objects::tuple_pack(3, l.get(), c.get(), source.get()))
                      : Ref<>();
  if (!meta || objects::object_setattr_string(exc.get(), "_metadata", meta.get()) < 0)
    errors::clear();
  errors::set_raised_exception(exc.release());
}

}  // namespace

void raise_parse_error(const parser::ParseError& e) {
  if (e.exception) {
    errors::set_raised_exception(objects::new_ref(e.exception.get()));
    return;
  }
  objects::TypeObject* type = exception_type_named(e.type);
  bool located = type == objects::exc_SyntaxError || type == objects::exc_IndentationError ||
                 type == objects::exc_TabError || type == objects::exc_IncompleteInputError;
  if (!located || e.bare) {
    errors::set_string(type, e.message.c_str());
    return;
  }
  Object* text = nullptr;
  if (e.has_text) {
    text = str_object(e.text);
    if (!text) return;
  }
  raise_located(type, e.message, e.filename, e.lineno, e.offset, text, e.end_lineno,
                e.end_offset);
  if (e.has_metadata) set_syntax_error_metadata(e);
}

namespace {

// _PyTokenizer_translate_into_utf8: PyUnicode_Decode(source, encoding) through the codec
// registry, then the text's UTF-8. On failure the message of the codec's exception; its type
// name when it is not one _PyPegen_raise_tokenizer_init_error turns into a SyntaxError.
bool decode_source_with_codec(const std::string& encoding, std::string_view bytes,
                              std::string* utf8, std::string* error, std::string* error_type) {
  Ref<> data = Ref<>::steal(
      objects::bytes_from_string_and_size(bytes.data(), objects::ssize(bytes.size())));
  if (data) {
    Ref<> text = Ref<>::steal(objects::str_decode_object(data.get(), encoding.c_str(), nullptr));
    if (text) {
      objects::ssize n = 0;
      const char* u = objects::str_as_utf8(text.get(), &n);
      if (u) {
        utf8->assign(u, size_t(n));
        return true;
      }
    }
  }
  bool to_syntax_error =
      errors::exception_matches(reinterpret_cast<Object*>(objects::exc_LookupError)) ||
      errors::exception_matches(reinterpret_cast<Object*>(objects::exc_SyntaxError)) ||
      errors::exception_matches(reinterpret_cast<Object*>(objects::exc_ValueError));
  Ref<> exc = Ref<>::steal(errors::get_raised_exception());
  if (!to_syntax_error && exc) *error_type = exc->type->name;
  Ref<> msg = Ref<>::steal(exc ? objects::object_str(exc.get()) : nullptr);
  if (msg) {
    objects::ssize n = 0;
    const char* m = objects::str_as_utf8(msg.get(), &n);
    if (m) error->assign(m, size_t(n));
  }
  errors::clear();
  return false;
}

// The pending exception as the file tokenizer reports it (str(exc), its type, and the class
// _Pypegen_raise_decode_error gives it); the exception is cleared.
parser::CodecError take_codec_error() {
  parser::CodecError e;
  if (errors::exception_matches(reinterpret_cast<Object*>(objects::exc_UnicodeError)))
    e.kind = parser::CodecError::kUnicodeError;
  else if (errors::exception_matches(reinterpret_cast<Object*>(objects::exc_ValueError)))
    e.kind = parser::CodecError::kValueError;
  Ref<> exc = Ref<>::steal(errors::get_raised_exception());
  if (exc) e.type_name = exc->type->name;
  e.exception = exc;
  Ref<> msg = Ref<>::steal(exc ? objects::object_str(exc.get()) : nullptr);
  if (msg) {
    objects::ssize n = 0;
    const char* m = objects::str_as_utf8(msg.get(), &n);
    if (m) e.message.assign(m, size_t(n));
  }
  errors::clear();
  return e;
}

// PyUnicode_Decode(bytes, encoding, errors), as UTF-8.
bool codec_decode(const std::string& encoding, std::string_view bytes, const char* errs,
                  std::string* utf8, parser::CodecError* error) {
  Ref<> data = Ref<>::steal(
      objects::bytes_from_string_and_size(bytes.data(), objects::ssize(bytes.size())));
  Ref<> text;
  if (data) text = Ref<>::steal(objects::str_decode_object(data.get(), encoding.c_str(), errs));
  if (text) {
    objects::ssize n = 0;
    const char* u = objects::str_as_utf8(text.get(), &n);
    if (u) {
      utf8->assign(u, size_t(n));
      return true;
    }
  }
  *error = take_codec_error();
  return false;
}

// fp_setreadl and tok_readline_recode of file_tokenizer.c: io.open(fd, "r", -1, encoding,
// None, None, False) on the file positioned one byte before the cookie line's end. The
// stream here is a TextIOWrapper over a BytesIO of those bytes: the same 8 KiB chunks go
// through the same incremental decoder, so errors come at the same readline() with the same
// position.
bool codec_read_lines(const std::string& encoding, std::string_view rest,
                      std::vector<std::string>* lines, bool* failed, parser::CodecError* error) {
  *failed = false;
  Ref<> io = Ref<>::steal(imp::import_module("io"));
  Ref<> bytes_io = io ? Ref<>::steal(objects::object_getattr_string(io.get(), "BytesIO"))
                      : Ref<>();
  Ref<> wrapper_type = io ? Ref<>::steal(objects::object_getattr_string(io.get(),
                                                                        "TextIOWrapper"))
                          : Ref<>();
  Ref<> data = Ref<>::steal(
      objects::bytes_from_string_and_size(rest.data(), objects::ssize(rest.size())));
  Ref<> enc = Ref<>::steal(objects::str_from_utf8(encoding.data(), objects::ssize(encoding.size())));
  if (!bytes_io || !wrapper_type || !data || !enc) {
    errors::clear();
    return false;
  }
  Object* bio_args[1] = {data.get()};
  Ref<> buffer = Ref<>::steal(objects::vectorcall(bytes_io.get(), bio_args, 1, nullptr));
  Ref<> stream;
  if (buffer) {
    Object* args[5] = {buffer.get(), enc.get(), objects::none(), objects::none(),
                       objects::py_false()};
    stream = Ref<>::steal(objects::vectorcall(wrapper_type.get(), args, 5, nullptr));
  }
  Ref<> readline = stream ? Ref<>::steal(objects::object_getattr_string(stream.get(), "readline"))
                          : Ref<>();
  // The rest of the cookie line.
  Ref<> first = readline ? Ref<>::steal(objects::object_call_no_args(readline.get())) : Ref<>();
  if (!first) {
    errors::clear();
    return false;
  }
  for (;;) {
    Ref<> line = Ref<>::steal(objects::object_call_no_args(readline.get()));
    const char* u = nullptr;
    objects::ssize n = 0;
    if (line) u = objects::str_check(line.get()) ? objects::str_as_utf8(line.get(), &n) : nullptr;
    if (line && !u && !errors::occurred())
      errors::set_string(objects::exc_TypeError, "bad argument type for built-in operation");
    if (!u) {
      *failed = true;
      *error = take_codec_error();
      return true;
    }
    if (n == 0) return true;
    lines->emplace_back(u, size_t(n));
  }
}

}  // namespace

void install_source_decoder() {
  parser::set_source_decoder(decode_source_with_codec);
  parser::set_source_codec(parser::SourceCodec{codec_decode, codec_read_lines});
}

void raise_compile_failure(const CompileFailure& f, const std::string& filename) {
  if (f.exception_set) {
    if (!errors::occurred())
      errors::set_string(objects::exc_SystemError, "error return without exception set");
    return;
  }
  objects::TypeObject* type = exception_type_named(f.type.empty() ? "SystemError" : f.type);
  if (type != objects::exc_SyntaxError) {
    errors::set_string(type, f.message.c_str());
    return;
  }
  // _PyErr_RaiseSyntaxError: 1-based byte offsets, the text read from the file.
  raise_located(type, f.message, filename, f.lineno, f.col_offset + 1,
                program_text(filename, f.lineno), f.end_lineno, f.end_col_offset + 1);
}

namespace {

// _PyParser_ASTFromString for compile() and symtable(): the tree of source in mode (kPy*Input),
// with the parser's warnings going through the warnings filters as they are issued
// (PyErr_WarnExplicitObject; one the filters turn into an error becomes a SyntaxError).
// nullptr with the exception set.
// The warnings handler of parse_source and parse_interactive.
parser::ParserWarningHandler warnings_handler(Object* fn) {
  return [fn](const parser::ParseWarning& w) {
    objects::TypeObject* category = exception_type_named(w.category);
    Ref<> msg = Ref<>::steal(str_object(w.message));
    if (!msg || errors::warn_explicit_object(category, msg.get(), fn, w.lineno, nullptr,
                                             nullptr) < 0) {
      errors::clear();
      return -1;
    }
    return 0;
  };
}

ast::mod_ty parse_source(std::string_view source, const std::string& filename, int mode, int flags,
                         int feature_version, ast::Arena* arena,
                         const FileSource* file = nullptr) {
  parser::ParseOptions options;
  if (file) {
    options.file_input = true;
    options.file_seekable = file->seekable;
    options.file_is_stdin = file->is_stdin;
  }
  switch (mode) {
    case kPyFileInput: options.start = parser::StartRule::kFile; break;
    case kPyEvalInput: options.start = parser::StartRule::kEval; break;
    case kPySingleInput: options.start = parser::StartRule::kInteractive; break;
    case kPyFuncTypeInput: options.start = parser::StartRule::kFuncType; break;
    default:
      errors::set_string(objects::exc_SystemError, "invalid compile mode");
      return nullptr;
  }
  options.flags = flags;
  options.feature_version = feature_version;
  Ref<> fn = Ref<>::steal(str_object(filename));
  if (!fn) return nullptr;
  options.warn = warnings_handler(fn.get());
  parser::ParseResult r = parser::parse_string(source, filename, options, arena);
  if (!r.mod) raise_parse_error(r.error);
  return r.mod;
}

}  // namespace

ast::mod_ty parse_interactive(const parser::InteractiveInput& input, const std::string& filename,
                              int flags, ast::Arena* arena, bool* eof, std::string* source) {
  Ref<> fn = Ref<>::steal(str_object(filename));
  if (!fn) return nullptr;
  parser::ParseResult r = parser::parse_interactive(input, filename, flags,
                                                    warnings_handler(fn.get()), arena, eof,
                                                    source);
  if (!r.mod && !*eof) raise_parse_error(r.error);
  return r.mod;
}

Object* compile_mod(ast::mod_ty mod, const std::string& filename, int* flags,
                    ast::Arena* arena) {
  CompileResult cr = compile_ast(mod, filename, *flags, -1, arena, flags);
  if (!cr.code) {
    raise_compile_failure(cr.failure, filename);
    return nullptr;
  }
  return code_object(*cr.code);
}

symtable::SymbolTable* symtable_string(std::string_view source, const std::string& filename,
                                       int mode, int flags, ast::Arena* arena) {
  ast::mod_ty mod = parse_source(source, filename, mode, flags, -1, arena);
  if (!mod) return nullptr;
  Ref<> fn = Ref<>::steal(str_object(filename));
  if (!fn) return nullptr;
  ast::FutureFeatures future;
  if (!ast::future_from_ast(mod, fn.get(), &future)) return nullptr;
  future.ff_features |= flags;
  return symtable::build(mod, fn.get(), &future);
}

Object* compile_string(std::string_view source, const std::string& filename, int mode, int flags,
                       int optimize, int feature_version) {
  return compile_source(source, filename, mode, flags, optimize, feature_version, nullptr);
}

Object* compile_file(std::string_view source, const std::string& filename, int flags,
                     const FileSource& file) {
  return compile_source(source, filename, kPyFileInput, flags, -1, -1, &file);
}

Object* compile_source(std::string_view source, const std::string& filename, int mode, int flags,
                       int optimize, int feature_version, const FileSource* file) {
  ast::Arena arena;
  ast::mod_ty mod = parse_source(source, filename, mode, flags, feature_version, &arena, file);
  if (!mod) return nullptr;
  if (flags & parser::kPyCF_ONLY_AST) {
    // The tree itself, preprocessed only when PyCF_OPTIMIZED_AST is complete.
    bool syntax_check_only = (flags & parser::kPyCF_OPTIMIZED_AST) == parser::kPyCF_ONLY_AST;
    if (ast_preprocess_only(mod, filename, flags, optimize, &arena, syntax_check_only) < 0)
      return nullptr;
    return ast::mod_to_object(mod);
  }
  CompileResult cr = compile_ast(mod, filename, flags, optimize, &arena);
  if (!cr.code) {
    raise_compile_failure(cr.failure, filename);
    return nullptr;
  }
  return code_object(*cr.code);
}

void report_parse_warnings(const std::vector<parser::ParseWarning>& warnings,
                           const std::string& filename) {
  // Until the warnings module exists: warnings.showwarning's format without the source line.
  for (const parser::ParseWarning& w : warnings) {
    std::fflush(stdout);
    std::fprintf(stderr, "%s:%d: %s: %s\n", filename.c_str(), w.lineno, w.category.c_str(),
                 w.message.c_str());
  }
}

}  // namespace cppy::compile
