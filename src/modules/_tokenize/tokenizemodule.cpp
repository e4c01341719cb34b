// _tokenize: Python/Python-tokenize.c. TokenizerIter reads the source through readline and
// yields (type, string, (lineno, col), (end_lineno, end_col), line) tuples.
#include "modules/_tokenize/tokenizemodule.h"

#include <string>

#include "compile/compile.h"
#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/spec_types.h"
#include "parser/pegen.h"
#include "parser/tokenize_stream.h"

namespace cppy::modules::tokenize {

using namespace objects;

namespace {

struct TokenizerIterObject : Object {
  Object* readline;
  Object* encoding;  // str or null: readline returns str
  bool extra_tokens;
  parser::TokenizeStream* stream;  // made on the first __next__
};

inline TokenizerIterObject* ti(Object* o) { return static_cast<TokenizerIterObject*>(o); }

// tokenizeriter_new: TokenizerIter(readline, /, *, extra_tokens, encoding=None).
Object* tokenizeriter_new(TypeObject* type, Object* args, Object* kwargs) {
  static const char* const kKeywords[] = {"", "extra_tokens", "encoding", nullptr};
  static const ArgParser kParser{"tokenizeriter", kKeywords, 1, 1, 1};
  Object* argv[3] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwargs, nullptr, kParser, argv)) {
    return nullptr;
  }
  int extra = object_is_true(argv[1]);
  if (extra < 0) return nullptr;
  if (argv[2] && !str_check(argv[2])) {
    return errors::format(exc_TypeError,
                          "tokenizeriter() argument 'encoding' must be str, not %.200s",
                          argv[2]->type->name);
  }
  auto* self = static_cast<TokenizerIterObject*>(type->alloc(type, 0));
  if (!self) return nullptr;
  self->readline = new_ref(argv[0]);
  self->encoding = xnew_ref(argv[2]);
  self->extra_tokens = extra != 0;
  self->stream = nullptr;
  return self;
}

void tokenizeriter_dealloc(Object* o) {
  TokenizerIterObject* it = ti(o);
  gc::untrack(o);
  clear(it->readline);
  clear(it->encoding);
  delete it->stream;
  o->type->free(o);
}

int tokenizeriter_traverse(Object* o, visitproc visit, void* arg) {
  if (ti(o)->readline)
    if (int r = visit(ti(o)->readline, arg)) return r;
  return 0;
}

// The whole source from readline: lines until StopIteration or an empty line, bytes decoded
// with the encoding (tok_readline_string / tok_underflow_readline read the same lines, one
// at a time).
bool read_source(TokenizerIterObject* it, std::string* text) {
  for (;;) {
    Ref<> line = Ref<>::steal(object_call_no_args(it->readline));
    if (!line) {
      if (errors::exception_matches(exc_StopIteration)) {
        errors::clear();
        return true;
      }
      return false;
    }
    if (it->encoding) {
      if (!bytes_check(line.get())) {
        errors::format(exc_TypeError, "readline() returned a non-bytes object");
        return false;
      }
      Ref<> name = Ref<>::steal(str_from_cstr("decode"));
      if (!name) return false;
      line = Ref<>::steal(call_method_one_arg(line.get(), name.get(), it->encoding));
      if (!line) return false;
    }
    if (!str_check(line.get())) {
      errors::format(exc_TypeError, "readline() returned a non-string object");
      return false;
    }
    ssize size;
    const char* utf8 = str_as_utf8(line.get(), &size);
    if (!utf8) return false;
    if (size == 0) return true;
    text->append(utf8, static_cast<size_t>(size));
  }
}

Object* raise_tokenizer_error(const parser::TokenizerError& e) {
  parser::ParseError pe = parser::parse_error_from(e);
  pe.filename = "<string>";
  // PyErr_SyntaxLocationObject leaves the text of an EOF error None.
  pe.has_text = !e.text.empty() || e.message != "unexpected EOF in multi-line statement";
  compile::raise_parse_error(pe);
  return nullptr;
}

// tokenizeriter_next
Object* tokenizeriter_next(Object* o) {
  TokenizerIterObject* it = ti(o);
  if (!it->stream) {
    std::string text;
    if (!read_source(it, &text)) return nullptr;
    it->stream = new parser::TokenizeStream(std::move(text), it->extra_tokens);
  }
  parser::TokenInfo info;
  int r = it->stream->next(&info);
  if (r == 0) return nullptr;  // StopIteration
  if (r < 0) return raise_tokenizer_error(it->stream->error());
  Ref<> str = Ref<>::steal(str_decode_utf8(info.string.data(),
                                           static_cast<ssize>(info.string.size()), "replace"));
  Ref<> line = Ref<>::steal(str_decode_utf8(info.line.data(),
                                            static_cast<ssize>(info.line.size()), "replace"));
  Ref<> type = Ref<>::steal(long_from_long(info.type));
  Ref<> lineno = Ref<>::steal(long_from_long(info.lineno));
  Ref<> col = Ref<>::steal(long_from_long(info.col_offset));
  Ref<> end_lineno = Ref<>::steal(long_from_long(info.end_lineno));
  Ref<> end_col = Ref<>::steal(long_from_long(info.end_col_offset));
  if (!str || !line || !type || !lineno || !col || !end_lineno || !end_col) return nullptr;
  Ref<> start = Ref<>::steal(tuple_pack(2, lineno.get(), col.get()));
  Ref<> end = Ref<>::steal(tuple_pack(2, end_lineno.get(), end_col.get()));
  if (!start || !end) return nullptr;
  return tuple_pack(5, type.get(), str.get(), start.get(), end.get(), line.get());
}

TypeObject tokenizeriter_type = [] {
  TypeObject t = static_type("_tokenize.TokenizerIter", sizeof(TokenizerIterObject), 0,
                             kTpflagsHaveGc | kTpflagsImmutabletype);
  t.new_ = tokenizeriter_new;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  t.dealloc = tokenizeriter_dealloc;
  t.traverse = tokenizeriter_traverse;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = tokenizeriter_next;
  return t;
}();

int tokenize_exec(Object* module) {
  type_mark_spec_slots(&tokenizeriter_type);  // Py_tp_getattro (objects/spec_types.h)
  if (type_ready(&tokenizeriter_type) < 0) return -1;
  return module_add_object_ref(module, "TokenizerIter", &tokenizeriter_type);
}

ModuleDef tokenize_def = {"_tokenize", nullptr, nullptr, tokenize_exec};

}  // namespace

ModuleDef* module_def() { return &tokenize_def; }

}  // namespace cppy::modules::tokenize
