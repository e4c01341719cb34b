// The _sre module: Modules/_sre/sre.c. re.Pattern, re.Match, _sre.SRE_Scanner and
// _sre.SRE_Template over the engine of sre_engine.cpp, and the functions re._compiler and
// re._parser call (compile, template, getcodesize, the case helpers).
//
// The types are static here (CPython makes them heap types from specs); their names, flags
// (immutable, not instantiable, GC) and behaviour are CPython's.
#include "modules/_sre/sre.h"

#include <cstddef>
#include <cstring>
#include <new>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "hash/hash.h"
#include "modules/_sre/sre_constants.h"
#include "modules/_sre/sre_engine.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/genericaliasobject.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"

// The objects derive from Object, so they are not standard-layout; offsetof on them is what
// the member tables need (as PyMemberDef offsets are in CPython) and GCC supports it.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::modules::_sre {

using namespace objects;

namespace {

constexpr ssize kSsizeMax = PTRDIFF_MAX;

// ---- objects (sre.h) ---------------------------------------------------------------------

// PatternObject: the compiled code follows the fields (size = codesize).
struct PatternObject : VarObject {
  ssize groups;        // the number of groups (not counting group 0)
  Object* groupindex;  // dict name -> index, or null
  Object* indexgroup;  // tuple index -> name, or null
  Object* pattern;     // the source pattern (str, bytes or None)
  int flags;
  Object* weakreflist;
  int isbytes;  // -1 when the pattern is None
  ssize codesize;
  Code code[1];
};

// MatchObject: mark[2*groups] follows (size = 2 * groups).
struct MatchObject : VarObject {
  Object* string;  // the subject (or None)
  Object* regs;    // the cached regs tuple, or null
  PatternObject* pattern;
  ssize pos, endpos;
  ssize lastindex;
  ssize groups;  // including group 0
  ssize mark[1];
};

// The engine state of a call, with the subject object it points into.
struct StateHolder : State {
  Object* string = nullptr;
  BufferHolder buffer;  // the exported buffer of a bytes-like subject other than bytes
  ~StateHolder() { xdecref(string); }
};

struct ScannerObject : Object {
  PatternObject* pattern;
  StateHolder* state;  // owned; null once the scanner is dead
  int executing;
};

struct TemplateItem {
  ssize index;
  Object* literal;  // null for an empty literal
};
// TemplateObject: size = the number of group references; items[size] follows.
struct TemplateObject : VarObject {
  ssize chunks;     // the number of non-empty pieces at most
  Object* literal;  // the first literal
  TemplateItem items[1];
};

extern TypeObject pattern_type;
extern TypeObject match_type;
extern TypeObject scanner_type;
extern TypeObject template_type;

PatternObject* as_pattern(Object* o) { return static_cast<PatternObject*>(o); }
MatchObject* as_match(Object* o) { return static_cast<MatchObject*>(o); }
ScannerObject* as_scanner(Object* o) { return static_cast<ScannerObject*>(o); }
TemplateObject* as_template(Object* o) { return static_cast<TemplateObject*>(o); }

// ---- argument helpers --------------------------------------------------------------------

// The Py_ssize_t converter of Argument Clinic.
bool ssize_arg(Object* o, ssize* out) {
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  *out = long_as_ssize(i.get());
  return !(*out == -1 && errors::occurred());
}

// The int converter of Argument Clinic.
bool int_arg(Object* o, int* out) {
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  *out = long_as_int(i.get());
  return !(*out == -1 && errors::occurred());
}

// string, pos=0, endpos=sys.maxsize.
bool string_pos_endpos(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                       Object** string, ssize* pos, ssize* endpos) {
  static const char* const kKeywords[] = {"string", "pos", "endpos", nullptr};
  ArgParser p{fname, kKeywords, 1, 3, 0};
  Object* a[3];
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return false;
  *string = a[0];
  *pos = 0;
  *endpos = kSsizeMax;
  if (a[1] && !ssize_arg(a[1], pos)) return false;
  if (a[2] && !ssize_arg(a[2], endpos)) return false;
  return true;
}

// ---- subjects and states -----------------------------------------------------------------

struct Subject {
  const void* ptr;
  ssize length;
  int charsize;
  bool isbytes;
};

// getstring: the characters of a str, or the bytes of a bytes-like object (held in *view
// unless it is bytes itself, whose storage the object keeps).
bool getstring(Object* string, Subject* out, BufferHolder* view) {
  if (str_check(string)) {
    out->length = str_length(string);
    out->charsize = static_cast<int>(str_kind(string));
    out->isbytes = false;
    out->ptr = str_data(string);
    return true;
  }
  if (bytes_check(string)) {
    out->length = bytes_size(string);
    out->charsize = 1;
    out->isbytes = true;
    out->ptr = bytes_as_string(string);
    return true;
  }
  if (view->get(string, kBufSimple) < 0) {
    errors::clear();
    errors::format(exc_TypeError, "expected string or bytes-like object, got '%.200s'",
                   string->type->name);
    return false;
  }
  out->length = view->size();
  out->charsize = 1;
  out->isbytes = true;
  out->ptr = view->data();
  if (!out->ptr) {
    view->release();
    errors::set_string(exc_ValueError, "Buffer is NULL");
    return false;
  }
  return true;
}

// state_init.
bool state_init(StateHolder* state, PatternObject* pattern, Object* string, ssize start,
                ssize end) {
  Subject s;
  state->buffer.release();
  if (!getstring(string, &s, &state->buffer)) return false;
  if (s.isbytes && pattern->isbytes == 0) {
    errors::set_string(exc_TypeError, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  if (!s.isbytes && pattern->isbytes > 0) {
    errors::set_string(exc_TypeError, "cannot use a bytes pattern on a string-like object");
    return false;
  }
  state->init(s.ptr, s.length, s.charsize, s.isbytes, pattern->groups, start, end);
  xsetref(state->string, new_ref(string));
  return true;
}

// getslice.
Object* getslice(bool isbytes, const void* ptr, Object* string, ssize start, ssize end) {
  if (isbytes) {
    if (bytes_check_exact(string) && start == 0 && end == bytes_size(string))
      return new_ref(string);
    return bytes_from_string_and_size(static_cast<const char*>(ptr) + start, end - start);
  }
  return str_substring(string, start, end);
}

// state_getslice: group `index` of the state's match (empty or None when unset).
Object* state_getslice(State* state, ssize index, Object* string, bool empty) {
  ssize i, j;
  index = (index - 1) * 2;
  if (string == none() || index >= state->lastmark || !state->mark[index] ||
      !state->mark[index + 1]) {
    if (!empty) return return_none();
    i = j = 0;
  } else {
    i = state->offset(state->mark[index]);
    j = state->offset(state->mark[index + 1]);
    if (i > j) {
      errors::set_string(exc_SystemError,
                         "The span of capturing group is wrong, please report a bug for the "
                         "re module.");
      return nullptr;
    }
  }
  return getslice(state->isbytes, state->beginning, string, i, j);
}

// pattern_error.
void pattern_error(ssize status) {
  switch (status) {
    case kErrorRecursionLimit:
      errors::set_string(exc_RecursionError, "maximum recursion limit exceeded");
      break;
    case kErrorMemory:
      errors::no_memory();
      break;
    case kErrorInterrupted:
      break;  // the exception is set already
    default:
      errors::set_string(exc_RuntimeError, "internal error in regular expression engine");
  }
}

// pattern_new_match: a Match for a successful state, None for status 0.
Object* pattern_new_match(PatternObject* pattern, StateHolder* state, ssize status) {
  if (status == 0) return return_none();
  if (status < 0) {
    pattern_error(status);
    return nullptr;
  }
  if (type_ready(&match_type) < 0) return nullptr;
  ssize n = 2 * (pattern->groups + 1);
  Object* o = match_type.alloc(&match_type, n);
  if (!o) return nullptr;
  MatchObject* m = as_match(o);
  m->pattern = new_ref(pattern);
  m->string = new_ref(state->string);
  m->regs = nullptr;
  m->groups = pattern->groups + 1;
  m->mark[0] = state->offset(state->start);
  m->mark[1] = state->offset(state->ptr);
  for (ssize i = 0, j = 0; i < pattern->groups; i++, j += 2) {
    if (j + 1 <= state->lastmark && state->mark[j] && state->mark[j + 1]) {
      m->mark[j + 2] = state->offset(state->mark[j]);
      m->mark[j + 3] = state->offset(state->mark[j + 1]);
      if (m->mark[j + 2] > m->mark[j + 3]) {
        errors::set_string(exc_SystemError,
                           "The span of capturing group is wrong, please report a bug for the "
                           "re module.");
        decref(o);
        return nullptr;
      }
    } else {
      m->mark[j + 2] = m->mark[j + 3] = -1;
    }
  }
  m->pos = state->pos;
  m->endpos = state->endpos;
  m->lastindex = state->lastindex;
  return o;
}

// ---- Pattern -----------------------------------------------------------------------------

void pattern_dealloc(Object* self) {
  gc::untrack(self);
  PatternObject* p = as_pattern(self);
  if (p->weakreflist) object_clear_weakrefs(self);
  clear(p->groupindex);
  clear(p->indexgroup);
  clear(p->pattern);
  self->type->free(self);
}

int pattern_traverse(Object* self, visitproc visit, void* arg) {
  PatternObject* p = as_pattern(self);
  for (Object* o : {p->groupindex, p->indexgroup, p->pattern})
    if (o) {
      int r = visit(o, arg);
      if (r) return r;
    }
  return 0;
}

int pattern_clear(Object* self) {
  PatternObject* p = as_pattern(self);
  clear(p->groupindex);
  clear(p->indexgroup);
  clear(p->pattern);
  return 0;
}

// Pattern.match / fullmatch / search.
Object* pattern_match_common(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                             const char* fname, int mode) {
  Object* string;
  ssize pos, endpos;
  if (!string_pos_endpos(fname, args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
  PatternObject* p = as_pattern(self);
  StateHolder state;
  if (!state_init(&state, p, string, pos, endpos)) return nullptr;
  state.ptr = state.start;
  ssize status;
  if (mode == 2) {
    status = search(state, p->code);
  } else {
    state.match_all = mode == 1;
    status = match(state, p->code);
  }
  if (errors::occurred()) return nullptr;
  return pattern_new_match(p, &state, status);
}

Object* pattern_match(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return pattern_match_common(self, args, nargs, kwnames, "match", 0);
}
Object* pattern_fullmatch(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return pattern_match_common(self, args, nargs, kwnames, "fullmatch", 1);
}
Object* pattern_search(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return pattern_match_common(self, args, nargs, kwnames, "search", 2);
}

// Pattern.findall.
Object* pattern_findall(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* string;
  ssize pos, endpos;
  if (!string_pos_endpos("findall", args, nargs, kwnames, &string, &pos, &endpos))
    return nullptr;
  PatternObject* p = as_pattern(self);
  StateHolder state;
  if (!state_init(&state, p, string, pos, endpos)) return nullptr;
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  while (state.start <= state.end) {
    state.reset();
    state.ptr = state.start;
    ssize status = search(state, p->code);
    if (errors::occurred()) return nullptr;
    if (status <= 0) {
      if (status == 0) break;
      pattern_error(status);
      return nullptr;
    }
    Ref<> item;
    if (p->groups == 0) {
      item = Ref<>::steal(getslice(state.isbytes, state.beginning, string,
                                   state.offset(state.start), state.offset(state.ptr)));
    } else if (p->groups == 1) {
      item = Ref<>::steal(state_getslice(&state, 1, string, true));
    } else {
      item = Ref<>::steal(tuple_new(p->groups));
      if (!item) return nullptr;
      for (ssize i = 0; i < p->groups; i++) {
        Object* o = state_getslice(&state, i + 1, string, true);
        if (!o) return nullptr;
        tuple_items(item.get())[i] = o;
      }
    }
    if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
    state.must_advance = state.ptr == state.start;
    state.start = state.ptr;
  }
  return list.release();
}

// pattern_scanner.
Object* pattern_scanner(PatternObject* self, Object* string, ssize pos, ssize endpos) {
  if (type_ready(&scanner_type) < 0) return nullptr;
  Object* o = scanner_type.alloc(&scanner_type, 0);
  if (!o) return nullptr;
  ScannerObject* s = as_scanner(o);
  s->pattern = nullptr;
  s->executing = 0;
  s->state = new (std::nothrow) StateHolder();
  if (!s->state) {
    decref(o);
    return errors::no_memory();
  }
  if (!state_init(s->state, self, string, pos, endpos)) {
    decref(o);
    return nullptr;
  }
  s->pattern = new_ref(self);
  return o;
}

Object* pattern_scanner_method(Object* self, Object* const* args, ssize nargs,
                               Object* kwnames) {
  Object* string;
  ssize pos, endpos;
  if (!string_pos_endpos("scanner", args, nargs, kwnames, &string, &pos, &endpos))
    return nullptr;
  return pattern_scanner(as_pattern(self), string, pos, endpos);
}

// Pattern.finditer: iter(scanner.search, None).
Object* pattern_finditer(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* string;
  ssize pos, endpos;
  if (!string_pos_endpos("finditer", args, nargs, kwnames, &string, &pos, &endpos))
    return nullptr;
  Ref<> scanner = Ref<>::steal(pattern_scanner(as_pattern(self), string, pos, endpos));
  if (!scanner) return nullptr;
  Ref<> search = Ref<>::steal(object_getattr_string(scanner.get(), "search"));
  if (!search) return nullptr;
  return calliter_new(search.get(), none());
}

// Pattern.split.
Object* pattern_split(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kKeywords[] = {"string", "maxsplit", nullptr};
  ArgParser parser{"split", kKeywords, 1, 2, 0};
  Object* a[2];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object* string = a[0];
  ssize maxsplit = 0;
  if (a[1] && !ssize_arg(a[1], &maxsplit)) return nullptr;
  PatternObject* p = as_pattern(self);
  StateHolder state;
  if (!state_init(&state, p, string, 0, kSsizeMax)) return nullptr;
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  ssize n = 0;
  const void* last = state.start;
  while (!maxsplit || n < maxsplit) {
    state.reset();
    state.ptr = state.start;
    ssize status = search(state, p->code);
    if (errors::occurred()) return nullptr;
    if (status <= 0) {
      if (status == 0) break;
      pattern_error(status);
      return nullptr;
    }
    // The piece before this match, then the groups.
    Ref<> item = Ref<>::steal(getslice(state.isbytes, state.beginning, string,
                                       state.offset(last), state.offset(state.start)));
    if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
    for (ssize i = 0; i < p->groups; i++) {
      item = Ref<>::steal(state_getslice(&state, i + 1, string, false));
      if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
    }
    n = n + 1;
    state.must_advance = state.ptr == state.start;
    last = state.start = state.ptr;
  }
  // The piece after the last match, even if empty.
  Ref<> item = Ref<>::steal(
      getslice(state.isbytes, state.beginning, string, state.offset(last), state.endpos));
  if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
  return list.release();
}

// The module object's state: re._compile_template, looked up once.
Object* compile_template_func = nullptr;

// PyImport_GetModuleAttrString("re", "_compile_template"): sys.modules['re'], imported
// through builtins.__import__ when it is not there.
Object* get_compile_template() {
  if (compile_template_func) return compile_template_func;
  Ref<> name = Ref<>::steal(str_from_cstr("re"));
  if (!name) return nullptr;
  Ref<> re = Ref<>::borrow(dict_get_item_with_error(modules_dict(), name.get()));
  if (!re) {
    if (errors::occurred()) return nullptr;
    Ref<> builtins = Ref<>::borrow(dict_get_item_string(modules_dict(), "builtins"));
    if (!builtins) return errors::format(exc_ImportError, "import of re halted");
    Ref<> import = Ref<>::steal(object_getattr_string(builtins.get(), "__import__"));
    if (!import) return nullptr;
    re = Ref<>::steal(object_call_one_arg(import.get(), name.get()));
    if (!re) return nullptr;
  }
  Object* f = object_getattr_string(re.get(), "_compile_template");
  if (!f) return nullptr;
  compile_template_func = f;
  return f;
}

// compile_template: re._compile_template(pattern, template), an SRE_Template.
Object* compile_template(PatternObject* pattern, Object* templ) {
  Object* func = get_compile_template();
  if (!func) return nullptr;
  Object* args[] = {pattern, templ};
  Ref<> result = Ref<>::steal(vectorcall(func, args, 2, nullptr));
  if (!result && errors::exception_matches(exc_TypeError)) {
    // An unhashable replacement (a str subclass with __eq__, ...): retry with its exact
    // str or bytes value.
    Ref<> copy;
    if (str_check(templ) && !str_check_exact(templ)) {
      errors::clear();
      copy = Ref<>::steal(str_from_kind_and_data(str_kind(templ), str_data(templ),
                                                 str_length(templ)));
    } else if (object_check_buffer(templ) && !bytes_check_exact(templ)) {
      errors::clear();
      BufferHolder view;
      if (view.get(templ) < 0) return nullptr;
      copy = Ref<>::steal(bytes_from_string_and_size(view.data(), view.size()));
    } else {
      return nullptr;
    }
    if (!copy) return nullptr;
    args[1] = copy.get();
    result = Ref<>::steal(vectorcall(func, args, 2, nullptr));
  }
  if (result && result->type != &template_type) {
    return errors::format(exc_RuntimeError,
                          "the result of compiling a replacement string is %.200s",
                          result->type->name);
  }
  return result.release();
}

Object* match_getslice_by_index(MatchObject* self, ssize index, Object* def);

// expand_template.
Object* expand_template(TemplateObject* self, MatchObject* match) {
  if (self->size == 0) return new_ref(self->literal);
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  if (list_append(list.get(), self->literal) < 0) return nullptr;
  for (ssize i = 0; i < self->size; i++) {
    ssize index = self->items[i].index;
    if (index >= match->groups) {
      errors::set_string(exc_IndexError, "no such group");
      return nullptr;
    }
    Ref<> item = Ref<>::steal(match_getslice_by_index(match, index, none()));
    if (!item) return nullptr;
    if (item.get() != none() && list_append(list.get(), item.get()) < 0) return nullptr;
    Object* literal = self->items[i].literal;
    if (literal && list_append(list.get(), literal) < 0) return nullptr;
  }
  Ref<> empty = Ref<>::steal(str_check(self->literal) ? str_from_cstr("")
                                                       : bytes_from_string_and_size("", 0));
  if (!empty) return nullptr;
  return call_method_one_arg(empty.get(), Ref<>::steal(str_from_cstr("join")).get(),
                             list.get());
}

// pattern_subx: sub and subn.
Object* pattern_subx(PatternObject* self, Object* ptemplate, Object* string, ssize count,
                     bool subn) {
  enum { kLiteral, kTemplate, kCallable } filter_type;
  Ref<> filter;
  if (callable_check(ptemplate)) {
    filter = Ref<>::borrow(ptemplate);
    filter_type = kCallable;
  } else {
    // A replacement without backslashes is used as it is.
    bool literal = false;
    Subject s;
    BufferHolder view;
    if (getstring(ptemplate, &s, &view)) {
      if (s.charsize == 1)
        literal = std::memchr(s.ptr, '\\', static_cast<size_t>(s.length)) == nullptr;
      else
        literal = str_find_char(ptemplate, '\\', 0, s.length, 1) == -1;
    } else {
      errors::clear();
    }
    if (literal) {
      filter = Ref<>::borrow(ptemplate);
      filter_type = kLiteral;
    } else {
      filter = Ref<>::steal(compile_template(self, ptemplate));
      if (!filter) return nullptr;
      if (as_template(filter.get())->size == 0) {
        filter = Ref<>::borrow(as_template(filter.get())->literal);
        filter_type = kLiteral;
      } else {
        filter_type = kTemplate;
      }
    }
  }

  StateHolder state;
  if (!state_init(&state, self, string, 0, kSsizeMax)) return nullptr;
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  ssize n = 0, i = 0;
  while (!count || n < count) {
    state.reset();
    state.ptr = state.start;
    ssize status = search(state, self->code);
    if (errors::occurred()) return nullptr;
    if (status <= 0) {
      if (status == 0) break;
      pattern_error(status);
      return nullptr;
    }
    ssize b = state.offset(state.start);
    ssize e = state.offset(state.ptr);
    if (i < b) {
      Ref<> piece = Ref<>::steal(getslice(state.isbytes, state.beginning, string, i, b));
      if (!piece || list_append(list.get(), piece.get()) < 0) return nullptr;
    }
    Ref<> item;
    if (filter_type != kLiteral) {
      Ref<> m = Ref<>::steal(pattern_new_match(self, &state, 1));
      if (!m) return nullptr;
      if (filter_type == kTemplate)
        item = Ref<>::steal(expand_template(as_template(filter.get()), as_match(m.get())));
      else
        item = Ref<>::steal(object_call_one_arg(filter.get(), m.get()));
      if (!item) return nullptr;
    } else {
      item = filter;
    }
    if (item.get() != none() && list_append(list.get(), item.get()) < 0) return nullptr;
    i = e;
    n = n + 1;
    state.must_advance = state.ptr == state.start;
    state.start = state.ptr;
  }
  if (i < state.endpos) {
    Ref<> piece =
        Ref<>::steal(getslice(state.isbytes, state.beginning, string, i, state.endpos));
    if (!piece || list_append(list.get(), piece.get()) < 0) return nullptr;
  }
  Ref<> joiner = Ref<>::steal(getslice(state.isbytes, state.beginning, string, 0, 0));
  if (!joiner) return nullptr;
  Ref<> result;
  if (list_size(list.get()) == 0) {
    result = joiner;
  } else {
    result = Ref<>::steal(
        call_method_one_arg(joiner.get(), Ref<>::steal(str_from_cstr("join")).get(), list.get()));
    if (!result) return nullptr;
  }
  if (subn) {
    Ref<> num = Ref<>::steal(long_from_ssize(n));
    if (!num) return nullptr;
    return tuple_pack(2, result.get(), num.get());
  }
  return result.release();
}

Object* pattern_sub_common(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                           const char* fname, bool subn) {
  static const char* const kKeywords[] = {"repl", "string", "count", nullptr};
  ArgParser parser{fname, kKeywords, 2, 3, 0};
  Object* a[3];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  ssize count = 0;
  if (a[2] && !ssize_arg(a[2], &count)) return nullptr;
  return pattern_subx(as_pattern(self), a[0], a[1], count, subn);
}
Object* pattern_sub(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return pattern_sub_common(self, args, nargs, kwnames, "sub", false);
}
Object* pattern_subn(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return pattern_sub_common(self, args, nargs, kwnames, "subn", true);
}

Object* pattern_copy(Object* self, Object*) { return new_ref(self); }
Object* pattern_deepcopy(Object* self, Object*) { return new_ref(self); }

// pattern_repr: re.compile('...', re.IGNORECASE|...).
Object* pattern_repr(Object* self) {
  static const struct {
    const char* name;
    int value;
  } kFlagNames[] = {
      {"re.IGNORECASE", SRE_FLAG_IGNORECASE}, {"re.LOCALE", SRE_FLAG_LOCALE},
      {"re.MULTILINE", SRE_FLAG_MULTILINE},   {"re.DOTALL", SRE_FLAG_DOTALL},
      {"re.UNICODE", SRE_FLAG_UNICODE},       {"re.VERBOSE", SRE_FLAG_VERBOSE},
      {"re.DEBUG", SRE_FLAG_DEBUG},           {"re.ASCII", SRE_FLAG_ASCII},
  };
  PatternObject* p = as_pattern(self);
  int flags = p->flags;
  // re.UNICODE is the default of str patterns: not shown.
  if (p->isbytes == 0 &&
      (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
    flags &= ~SRE_FLAG_UNICODE;
  std::string items;
  for (const auto& f : kFlagNames) {
    if (flags & f.value) {
      if (!items.empty()) items += "|";
      items += f.name;
      flags &= ~f.value;
    }
  }
  if (flags) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%x", flags);
    if (!items.empty()) items += "|";
    items += buf;
  }
  if (!items.empty()) return str_from_format("re.compile(%.200R, %s)", p->pattern, items.c_str());
  return str_from_format("re.compile(%.200R)", p->pattern);
}

Object* pattern_groupindex(Object* self, void*) {
  PatternObject* p = as_pattern(self);
  if (!p->groupindex) return dict_new();
  return dictproxy_new(p->groupindex);
}

// pattern_hash.
hash_t pattern_hash(Object* self) {
  PatternObject* p = as_pattern(self);
  hash_t h = object_hash(p->pattern);
  if (h == -1) return -1;
  hash_t h2 = hash::hash_bytes(p->code, static_cast<std::ptrdiff_t>(sizeof(Code)) * p->codesize);
  h ^= h2;
  h ^= p->flags;
  h ^= p->isbytes;
  h ^= p->codesize;
  if (h == -1) h = -2;
  return h;
}

// pattern_richcompare.
Object* pattern_richcompare(Object* left, Object* right, int op) {
  if (op != kEQ && op != kNE) return return_not_implemented();
  if (right->type != &pattern_type) return return_not_implemented();
  if (left == right) return bool_from_bool(op == kEQ);
  PatternObject* l = as_pattern(left);
  PatternObject* r = as_pattern(right);
  // The code and the pattern are compared (the same pattern may give other code under
  // re.LOCALE); the group tables derive from the pattern.
  int cmp = l->flags == r->flags && l->isbytes == r->isbytes && l->codesize == r->codesize;
  if (cmp)
    cmp = std::memcmp(l->code, r->code, sizeof(Code) * static_cast<size_t>(l->codesize)) == 0;
  if (cmp) {
    cmp = object_rich_compare_bool(l->pattern, r->pattern, kEQ);
    if (cmp < 0) return nullptr;
  }
  if (op == kNE) cmp = !cmp;
  return bool_from_bool(cmp != 0);
}

#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef pattern_methods[] = {
    {"match", FASTCALL_KW(pattern_match),
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", FASTCALL_KW(pattern_fullmatch), "Matches against all of the string."},
    {"search", FASTCALL_KW(pattern_search),
     "Scan through string looking for a match, and return a corresponding match object "
     "instance.\n\nReturn None if no position in the string matches."},
    {"sub", FASTCALL_KW(pattern_sub),
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of "
     "pattern in string by the replacement repl."},
    {"subn", FASTCALL_KW(pattern_subn),
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
     "non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", FASTCALL_KW(pattern_findall),
     "Return a list of all non-overlapping matches of pattern in string."},
    {"split", FASTCALL_KW(pattern_split), "Split string by the occurrences of pattern."},
    {"finditer", FASTCALL_KW(pattern_finditer),
     "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\n"
     "For each match, the iterator returns a match object."},
    {"scanner", FASTCALL_KW(pattern_scanner_method), nullptr},
    {"__copy__", reinterpret_cast<void*>(pattern_copy), kMethNoArgs, nullptr},
    {"__deepcopy__", reinterpret_cast<void*>(pattern_deepcopy), kMethO, nullptr},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef pattern_getset[] = {
    {"groupindex", pattern_groupindex, nullptr,
     "A dictionary mapping group names to group numbers.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MemberDef pattern_members[] = {
    {"pattern", kMemberObject, static_cast<ssize>(offsetof(PatternObject, pattern)),
     kMemberReadonly, "The pattern string from which the RE object was compiled."},
    {"flags", kMemberInt, static_cast<ssize>(offsetof(PatternObject, flags)), kMemberReadonly,
     "The regex matching flags."},
    {"groups", kMemberSsize, static_cast<ssize>(offsetof(PatternObject, groups)),
     kMemberReadonly, "The number of capturing groups in the pattern."},
    {nullptr, 0, 0, 0, nullptr}};

// ---- Match -------------------------------------------------------------------------------

void match_dealloc(Object* self) {
  gc::untrack(self);
  MatchObject* m = as_match(self);
  clear(m->string);
  clear(m->regs);
  clear(m->pattern);
  self->type->free(self);
}

int match_traverse(Object* self, visitproc visit, void* arg) {
  MatchObject* m = as_match(self);
  for (Object* o : {m->string, m->regs, static_cast<Object*>(m->pattern)})
    if (o) {
      int r = visit(o, arg);
      if (r) return r;
    }
  return 0;
}

int match_clear(Object* self) {
  MatchObject* m = as_match(self);
  clear(m->string);
  clear(m->regs);
  clear(m->pattern);
  return 0;
}

// match_getslice_by_index.
Object* match_getslice_by_index(MatchObject* self, ssize index, Object* def) {
  index *= 2;
  if (self->string == none() || self->mark[index] < 0) return new_ref(def);
  Subject s;
  BufferHolder view;
  if (!getstring(self->string, &s, &view)) return nullptr;
  ssize i = std::min(self->mark[index], s.length);
  ssize j = std::min(self->mark[index + 1], s.length);
  return getslice(s.isbytes, s.ptr, self->string, i, j);
}

// match_getindex: a group number or name; IndexError "no such group".
ssize match_getindex(MatchObject* self, Object* index) {
  if (!index) return 0;
  ssize i = -1;
  if (index_check(index)) {
    i = number_as_ssize(index, nullptr);
  } else if (self->pattern->groupindex) {
    Object* v = dict_get_item_with_error(self->pattern->groupindex, index);
    if (v && long_check(v)) i = long_as_ssize(v);
  }
  if (i < 0 || i >= self->groups) {
    if (!errors::occurred()) errors::set_string(exc_IndexError, "no such group");
    return -1;
  }
  return i;
}

Object* match_getslice(MatchObject* self, Object* index, Object* def) {
  ssize i = match_getindex(self, index);
  if (i < 0) return nullptr;
  return match_getslice_by_index(self, i, def);
}

Object* match_expand(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kKeywords[] = {"template", nullptr};
  ArgParser parser{"expand", kKeywords, 1, 1, 0};
  Object* a[1];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  MatchObject* m = as_match(self);
  Ref<> filter = Ref<>::steal(compile_template(m->pattern, a[0]));
  if (!filter) return nullptr;
  return expand_template(as_template(filter.get()), m);
}

// match_group: group([group1, ...]).
Object* match_group(Object* self, Object* args) {
  MatchObject* m = as_match(self);
  ssize size = tuple_size(args);
  if (size == 0) {
    Ref<> zero = Ref<>::steal(long_from_ssize(0));
    return match_getslice(m, zero.get(), none());
  }
  if (size == 1) return match_getslice(m, tuple_items(args)[0], none());
  Ref<> result = Ref<>::steal(tuple_new(size));
  if (!result) return nullptr;
  for (ssize i = 0; i < size; i++) {
    Object* item = match_getslice(m, tuple_items(args)[i], none());
    if (!item) return nullptr;
    tuple_items(result.get())[i] = item;
  }
  return result.release();
}

Object* match_getitem(Object* self, Object* name) {
  return match_getslice(as_match(self), name, none());
}

bool default_arg(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                 Object** def) {
  static const char* const kKeywords[] = {"default", nullptr};
  ArgParser parser{fname, kKeywords, 0, 1, 0};
  Object* a[1];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return false;
  *def = a[0] ? a[0] : none();
  return true;
}

Object* match_groups(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* def;
  if (!default_arg("groups", args, nargs, kwnames, &def)) return nullptr;
  MatchObject* m = as_match(self);
  Ref<> result = Ref<>::steal(tuple_new(m->groups - 1));
  if (!result) return nullptr;
  for (ssize index = 1; index < m->groups; index++) {
    Object* item = match_getslice_by_index(m, index, def);
    if (!item) return nullptr;
    tuple_items(result.get())[index - 1] = item;
  }
  return result.release();
}

Object* match_groupdict(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* def;
  if (!default_arg("groupdict", args, nargs, kwnames, &def)) return nullptr;
  MatchObject* m = as_match(self);
  Ref<> result = Ref<>::steal(dict_new());
  if (!result || !m->pattern->groupindex) return result.release();
  ssize pos = 0;
  Object* key;
  Object* value;
  hash_t hash;
  Ref<> gi = Ref<>::borrow(m->pattern->groupindex);
  while (dict_next(gi.get(), &pos, &key, &value, &hash)) {
    Ref<> k = Ref<>::borrow(key);
    Ref<> v = Ref<>::steal(match_getslice(m, k.get(), def));
    if (!v) return nullptr;
    if (dict_set_item_known_hash(result.get(), k.get(), v.get(), hash) < 0) return nullptr;
  }
  return result.release();
}

// start/end/span(group=0, /).
bool group_arg(const char* fname, Object* const* args, ssize nargs, MatchObject* m,
               ssize* index) {
  if (!check_positional(fname, nargs, 0, 1)) return false;
  *index = match_getindex(m, nargs ? args[0] : nullptr);
  return *index >= 0;
}

Object* match_start(Object* self, Object* const* args, ssize nargs) {
  ssize index;
  if (!group_arg("start", args, nargs, as_match(self), &index)) return nullptr;
  return long_from_ssize(as_match(self)->mark[index * 2]);
}
Object* match_end(Object* self, Object* const* args, ssize nargs) {
  ssize index;
  if (!group_arg("end", args, nargs, as_match(self), &index)) return nullptr;
  return long_from_ssize(as_match(self)->mark[index * 2 + 1]);
}

Object* pair(ssize a, ssize b) {
  Ref<> x = Ref<>::steal(long_from_ssize(a));
  Ref<> y = Ref<>::steal(long_from_ssize(b));
  if (!x || !y) return nullptr;
  return tuple_pack(2, x.get(), y.get());
}

Object* match_span(Object* self, Object* const* args, ssize nargs) {
  ssize index;
  if (!group_arg("span", args, nargs, as_match(self), &index)) return nullptr;
  MatchObject* m = as_match(self);
  return pair(m->mark[index * 2], m->mark[index * 2 + 1]);
}

Object* match_regs_get(Object* self, void*) {
  MatchObject* m = as_match(self);
  if (m->regs) return new_ref(m->regs);
  Ref<> regs = Ref<>::steal(tuple_new(m->groups));
  if (!regs) return nullptr;
  for (ssize index = 0; index < m->groups; index++) {
    Object* item = pair(m->mark[index * 2], m->mark[index * 2 + 1]);
    if (!item) return nullptr;
    tuple_items(regs.get())[index] = item;
  }
  m->regs = new_ref(regs.get());
  return regs.release();
}

Object* match_lastindex_get(Object* self, void*) {
  MatchObject* m = as_match(self);
  if (m->lastindex >= 0) return long_from_ssize(m->lastindex);
  return return_none();
}

Object* match_lastgroup_get(Object* self, void*) {
  MatchObject* m = as_match(self);
  Object* ig = m->pattern->indexgroup;
  if (ig && m->lastindex >= 0 && m->lastindex < tuple_size(ig))
    return new_ref(tuple_items(ig)[m->lastindex]);
  return return_none();
}

Object* match_copy(Object* self, Object*) { return new_ref(self); }
Object* match_deepcopy(Object* self, Object*) { return new_ref(self); }

Object* match_repr(Object* self) {
  MatchObject* m = as_match(self);
  Ref<> group0 = Ref<>::steal(match_getslice_by_index(m, 0, none()));
  if (!group0) return nullptr;
  return str_from_format("<%s object; span=(%zd, %zd), match=%.50R>", self->type->name,
                         m->mark[0], m->mark[1], group0.get());
}

MappingMethods match_as_mapping = {nullptr, match_getitem, nullptr};

MethodDef match_methods[] = {
    {"group", reinterpret_cast<void*>(match_group), kMethVarargs,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or "
     "names.\n    For 0 returns the entire match."},
    {"start", reinterpret_cast<void*>(match_start), kMethFastcall,
     "Return index of the start of the substring matched by group."},
    {"end", reinterpret_cast<void*>(match_end), kMethFastcall,
     "Return index of the end of the substring matched by group."},
    {"span", reinterpret_cast<void*>(match_span), kMethFastcall,
     "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", FASTCALL_KW(match_groups),
     "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", FASTCALL_KW(match_groupdict),
     "Return a dictionary containing all the named subgroups of the match, keyed by the "
     "subgroup name."},
    {"expand", FASTCALL_KW(match_expand),
     "Return the string obtained by doing backslash substitution on the string template, as "
     "done by the sub() method."},
    {"__copy__", reinterpret_cast<void*>(match_copy), kMethNoArgs, nullptr},
    {"__deepcopy__", reinterpret_cast<void*>(match_deepcopy), kMethO, nullptr},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef match_getset[] = {
    {"lastindex", match_lastindex_get, nullptr,
     "The integer index of the last matched capturing group.", nullptr},
    {"lastgroup", match_lastgroup_get, nullptr,
     "The name of the last matched capturing group.", nullptr},
    {"regs", match_regs_get, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MemberDef match_members[] = {
    {"string", kMemberObject, static_cast<ssize>(offsetof(MatchObject, string)),
     kMemberReadonly, "The string passed to match() or search()."},
    {"re", kMemberObject, static_cast<ssize>(offsetof(MatchObject, pattern)), kMemberReadonly,
     "The regular expression object."},
    {"pos", kMemberSsize, static_cast<ssize>(offsetof(MatchObject, pos)), kMemberReadonly,
     "The index into the string at which the RE engine started looking for a match."},
    {"endpos", kMemberSsize, static_cast<ssize>(offsetof(MatchObject, endpos)),
     kMemberReadonly, "The index into the string beyond which the RE engine will not go."},
    {nullptr, 0, 0, 0, nullptr}};

// ---- Scanner -----------------------------------------------------------------------------

void scanner_dealloc(Object* self) {
  gc::untrack(self);
  ScannerObject* s = as_scanner(self);
  delete s->state;
  s->state = nullptr;
  clear(s->pattern);
  self->type->free(self);
}

int scanner_traverse(Object* self, visitproc visit, void* arg) {
  ScannerObject* s = as_scanner(self);
  if (s->pattern) return visit(s->pattern, arg);
  return 0;
}

int scanner_clear(Object* self) {
  clear(as_scanner(self)->pattern);
  return 0;
}

// Scanner.match / Scanner.search: the next match, None at the end.
Object* scanner_next(Object* self, bool searching) {
  ScannerObject* s = as_scanner(self);
  if (s->executing) {
    errors::set_string(exc_ValueError, "regular expression scanner already executing");
    return nullptr;
  }
  StateHolder* state = s->state;
  if (!state || !state->start) return return_none();
  s->executing = 1;
  state->reset();
  state->ptr = state->start;
  ssize status = searching ? search(*state, s->pattern->code) : match(*state, s->pattern->code);
  if (errors::occurred()) {
    s->executing = 0;
    return nullptr;
  }
  Object* m = pattern_new_match(s->pattern, state, status);
  if (status == 0) {
    state->start = nullptr;
  } else {
    state->must_advance = state->ptr == state->start;
    state->start = state->ptr;
  }
  s->executing = 0;
  return m;
}

Object* scanner_match(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_positional("match", nargs, 0, 0) || !no_kwnames("match", kwnames)) return nullptr;
  return scanner_next(self, false);
}
Object* scanner_search(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_positional("search", nargs, 0, 0) || !no_kwnames("search", kwnames))
    return nullptr;
  return scanner_next(self, true);
}

MethodDef scanner_methods[] = {{"match", FASTCALL_KW(scanner_match), nullptr},
                               {"search", FASTCALL_KW(scanner_search), nullptr},
                               {nullptr, nullptr, 0, nullptr}};

MemberDef scanner_members[] = {
    {"pattern", kMemberObject, static_cast<ssize>(offsetof(ScannerObject, pattern)),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

// ---- Template ----------------------------------------------------------------------------

void template_dealloc(Object* self) {
  gc::untrack(self);
  TemplateObject* t = as_template(self);
  clear(t->literal);
  for (ssize i = 0; i < t->size; i++) clear(t->items[i].literal);
  self->type->free(self);
}

int template_traverse(Object* self, visitproc visit, void* arg) {
  TemplateObject* t = as_template(self);
  if (t->literal) {
    int r = visit(t->literal, arg);
    if (r) return r;
  }
  for (ssize i = 0; i < t->size; i++)
    if (t->items[i].literal) {
      int r = visit(t->items[i].literal, arg);
      if (r) return r;
    }
  return 0;
}

int template_clear(Object* self) {
  TemplateObject* t = as_template(self);
  clear(t->literal);
  for (ssize i = 0; i < t->size; i++) clear(t->items[i].literal);
  return 0;
}

// ---- types -------------------------------------------------------------------------------

constexpr unsigned long kSreTypeFlags =
    kTpflagsImmutabletype | kTpflagsDisallowInstantiation | kTpflagsHaveGc;

}  // namespace

namespace {

TypeObject pattern_type = [] {
  TypeObject t = static_type("re.Pattern", offsetof(PatternObject, code), sizeof(Code),
                             kSreTypeFlags);
  t.dealloc = pattern_dealloc;
  t.repr = pattern_repr;
  t.hash = pattern_hash;
  t.doc = "Compiled regular expression object.";
  t.richcompare = pattern_richcompare;
  t.methods = pattern_methods;
  t.members = pattern_members;
  t.getset = pattern_getset;
  t.traverse = pattern_traverse;
  t.clear = pattern_clear;
  t.weaklistoffset = static_cast<ssize>(offsetof(PatternObject, weakreflist));
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

TypeObject match_type = [] {
  TypeObject t = static_type("re.Match", offsetof(MatchObject, mark), sizeof(ssize),
                             kSreTypeFlags);
  t.dealloc = match_dealloc;
  t.repr = match_repr;
  t.doc = "The result of re.match() and re.search().\n"
          "Match objects always have a boolean value of True.";
  t.methods = match_methods;
  t.members = match_members;
  t.getset = match_getset;
  t.traverse = match_traverse;
  t.clear = match_clear;
  t.as_mapping = &match_as_mapping;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

TypeObject scanner_type = [] {
  TypeObject t = static_type("_sre.SRE_Scanner", sizeof(ScannerObject), 0, kSreTypeFlags);
  t.dealloc = scanner_dealloc;
  t.methods = scanner_methods;
  t.members = scanner_members;
  t.traverse = scanner_traverse;
  t.clear = scanner_clear;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

TypeObject template_type = [] {
  TypeObject t = static_type("_sre.SRE_Template", offsetof(TemplateObject, items),
                             sizeof(TemplateItem), kSreTypeFlags);
  t.dealloc = template_dealloc;
  t.traverse = template_traverse;
  t.clear = template_clear;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

// ---- module functions --------------------------------------------------------------------

Object* sre_getcodesize(Object*, Object*) { return long_from_ssize(sizeof(Code)); }

// The int parameter of the case helpers (METH_O with Clinic's int converter).
bool character_arg(Object* arg, unsigned* ch) {
  int v;
  if (!int_arg(arg, &v)) return false;
  *ch = static_cast<unsigned>(v);
  return true;
}

Object* sre_ascii_iscased(Object*, Object* arg) {
  unsigned ch;
  if (!character_arg(arg, &ch)) return nullptr;
  return bool_from_bool(ascii_iscased(ch));
}
Object* sre_unicode_iscased(Object*, Object* arg) {
  unsigned ch;
  if (!character_arg(arg, &ch)) return nullptr;
  return bool_from_bool(unicode_iscased(ch));
}
Object* sre_ascii_tolower(Object*, Object* arg) {
  unsigned ch;
  if (!character_arg(arg, &ch)) return nullptr;
  return long_from_ssize(static_cast<int>(lower_ascii(ch)));
}
Object* sre_unicode_tolower(Object*, Object* arg) {
  unsigned ch;
  if (!character_arg(arg, &ch)) return nullptr;
  return long_from_ssize(static_cast<int>(lower_unicode(ch)));
}

// _sre.compile(pattern, flags, code, groups, groupindex, indexgroup).
Object* sre_compile(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kKeywords[] = {"pattern", "flags", "code", "groups",
                                          "groupindex", "indexgroup", nullptr};
  ArgParser parser{"compile", kKeywords, 6, 6, 0};
  Object* a[6];
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object* pattern = a[0];
  int flags;
  if (!int_arg(a[1], &flags)) return nullptr;
  Object* code = a[2];
  if (!list_check(code)) {
    bad_argument("compile", "'code'", "list", code);
    return nullptr;
  }
  ssize groups;
  if (!ssize_arg(a[3], &groups)) return nullptr;
  Object* groupindex = a[4];
  if (!dict_check(groupindex)) {
    bad_argument("compile", "'groupindex'", "dict", groupindex);
    return nullptr;
  }
  Object* indexgroup = a[5];
  if (!tuple_check(indexgroup)) {
    bad_argument("compile", "'indexgroup'", "tuple", indexgroup);
    return nullptr;
  }
  if (type_ready(&pattern_type) < 0) return nullptr;
  ssize n = list_size(code);
  Ref<> self = Ref<>::steal(pattern_type.alloc(&pattern_type, n));
  if (!self) return nullptr;
  PatternObject* p = as_pattern(self.get());
  p->weakreflist = nullptr;
  p->pattern = nullptr;
  p->groupindex = nullptr;
  p->indexgroup = nullptr;
  p->codesize = n;
  for (ssize i = 0; i < n; i++) {
    Object* o = list_item(code, i);
    if (!long_check(o)) {  // PyLong_AsUnsignedLong's check
      errors::set_string(exc_TypeError, "an integer is required");
      return nullptr;
    }
    // PyLong_AsUnsignedLong.
    ssize sv = long_as_ssize(o);
    if (sv == -1 && errors::occurred()) {
      if (errors::exception_matches(exc_OverflowError)) {
        errors::clear();
        errors::set_string(exc_OverflowError,
                           "Python int too large to convert to C unsigned long");
      }
      return nullptr;
    }
    if (sv < 0) {
      errors::set_string(exc_OverflowError, "can't convert negative value to unsigned int");
      return nullptr;
    }
    unsigned long long value = static_cast<unsigned long long>(sv);
    p->code[i] = static_cast<Code>(value);
    if (p->code[i] != value) {
      errors::set_string(exc_OverflowError, "regular expression code size limit exceeded");
      return nullptr;
    }
  }
  if (pattern == none()) {
    p->isbytes = -1;
  } else {
    Subject s;
    BufferHolder view;
    if (!getstring(pattern, &s, &view)) return nullptr;
    p->isbytes = s.isbytes;
  }
  p->pattern = new_ref(pattern);
  p->flags = flags;
  p->groups = groups;
  if (dict_size(groupindex) > 0) {
    p->groupindex = new_ref(groupindex);
    if (tuple_size(indexgroup) > 0) p->indexgroup = new_ref(indexgroup);
  }
  if (!validate(p->code, p->codesize, p->groups)) {
    errors::set_string(exc_RuntimeError, "invalid SRE code");
    return nullptr;
  }
  return self.release();
}

// _sre.template(pattern, template, /): template is [literal, group, literal, ...].
Object* sre_template(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("template", nargs, 2, 2)) return nullptr;
  Object* templ = args[1];
  if (!list_check(templ)) {
    bad_argument("template", "2", "list", templ);
    return nullptr;
  }
  ssize n = list_size(templ);
  if ((n & 1) == 0 || n < 1) {
    errors::set_string(exc_TypeError, "invalid template");
    return nullptr;
  }
  n /= 2;
  if (type_ready(&template_type) < 0) return nullptr;
  Ref<> self = Ref<>::steal(template_type.alloc(&template_type, n));
  if (!self) return nullptr;
  TemplateObject* t = as_template(self.get());
  for (ssize i = 0; i < n; i++) t->items[i].literal = nullptr;
  t->chunks = 1 + 2 * n;
  t->literal = new_ref(list_item(templ, 0));
  for (ssize i = 0; i < n; i++) {
    Object* item = list_item(templ, 2 * i + 1);
    ssize index = -1;
    if (long_check(item))  // PyLong_AsSsize_t
      index = long_as_ssize(item);
    else
      errors::set_string(exc_TypeError, "an integer is required");
    if (index == -1 && errors::occurred()) {
      t->size = i;
      return nullptr;
    }
    if (index < 0) {
      t->size = i;
      errors::set_string(exc_TypeError, "invalid template");
      return nullptr;
    }
    t->items[i].index = index;
    Object* literal = list_item(templ, 2 * i + 2);
    // Empty literals are skipped.
    if ((str_check(literal) && str_length(literal) == 0) ||
        (bytes_check(literal) && bytes_size(literal) == 0)) {
      literal = nullptr;
      t->chunks--;
    }
    t->items[i].literal = xnew_ref(literal);
  }
  return self.release();
}

MethodDef sre_functions[] = {
    {"compile", FASTCALL_KW(sre_compile), nullptr},
    {"template", reinterpret_cast<void*>(sre_template), kMethFastcall,
     "template($module, pattern, template, /)\n--\n\n\n\n  template\n    A list containing "
     "interleaved literal strings (str or bytes) and group\n    indices (int), as returned by "
     "re._parser.parse_template():\n        [literal1, group1, ..., literalN, groupN]"},
    {"getcodesize", reinterpret_cast<void*>(sre_getcodesize), kMethNoArgs, nullptr},
    {"ascii_iscased", reinterpret_cast<void*>(sre_ascii_iscased), kMethO, nullptr},
    {"unicode_iscased", reinterpret_cast<void*>(sre_unicode_iscased), kMethO, nullptr},
    {"ascii_tolower", reinterpret_cast<void*>(sre_ascii_tolower), kMethO, nullptr},
    {"unicode_tolower", reinterpret_cast<void*>(sre_unicode_tolower), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// sre_exec.
int sre_exec(Object* m) {
  for (TypeObject* t : {&pattern_type, &match_type, &scanner_type, &template_type})
    if (type_ready(t) < 0) return -1;
  struct {
    const char* name;
    unsigned long long value;
  } constants[] = {{"MAGIC", static_cast<unsigned long long>(kMagic)},
                   {"CODESIZE", sizeof(Code)},
                   {"MAXREPEAT", kMaxRepeat},
                   {"MAXGROUPS", kMaxGroups}};
  for (const auto& c : constants) {
    Ref<> v = Ref<>::steal(long_from_unsigned_long_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  Ref<> copyright =
      Ref<>::steal(str_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
  if (!copyright || module_add_object_ref(m, "copyright", copyright.get()) < 0) return -1;
  return 0;
}

ModuleDef sre_def = {"_sre", nullptr, sre_functions, sre_exec};

}  // namespace

ModuleDef* module_def() { return &sre_def; }

}  // namespace cppy::modules::_sre
