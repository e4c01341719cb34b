// _io.StringIO: Modules/_io/stringio.c. The text lives as UCS-4 code points (CPython keeps an
// accumulator or a UCS-4 buffer; both modes give the same results). Newline handling follows
// stringio.c: universal newlines translate on write through the IncrementalNewlineDecoder
// rules, "\r" and "\r\n" translate "\n" on write.
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_io/_iomodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"

namespace cppy::modules::_io {

using namespace objects;

namespace detail {

ssize find_line_ending(bool translated, bool universal, Object* readnl, Object* s, ssize start,
                       ssize end, ssize* consumed) {
  unsigned kind = str_kind(s);
  const void* data = str_data(s);
  if (translated) {
    for (ssize i = start; i < end; ++i)
      if (str_read(kind, data, i) == '\n') return i + 1;
    *consumed = end;
    return -1;
  }
  if (universal) {
    for (ssize i = start; i < end; ++i) {
      UCS4 ch = str_read(kind, data, i);
      if (ch == '\n') return i + 1;
      if (ch == '\r') {
        if (i + 1 < end) return str_read(kind, data, i + 1) == '\n' ? i + 2 : i + 1;
        // "\r" at the end: it may start a "\r\n".
        *consumed = i;
        return -1;
      }
    }
    *consumed = end;
    return -1;
  }
  // A fixed newline string.
  ssize nl_len = str_length(readnl);
  UCS4 first = str_read_char(readnl, 0);
  for (ssize i = start; i < end; ++i) {
    if (str_read(kind, data, i) != first) continue;
    if (i + nl_len > end) {
      // Maybe a partial newline at the end.
      *consumed = i;
      return -1;
    }
    bool match = true;
    for (ssize k = 1; k < nl_len; ++k) {
      if (str_read(kind, data, i + k) != str_read_char(readnl, k)) {
        match = false;
        break;
      }
    }
    if (match) return i + nl_len;
  }
  ssize back = end - nl_len + 1;
  *consumed = back > start ? back : start;
  return -1;
}

}  // namespace detail

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

enum : unsigned { kSeenCR = 1, kSeenLF = 2, kSeenCRLF = 4 };

struct StringIOObject : IOBaseObject {
  std::u32string* buf;
  ssize pos;
  bool ok;  // initialized
  bool closed;
  bool readuniversal;
  bool readtranslate;
  bool has_decoder;   // universal newlines (an IncrementalNewlineDecoder in CPython)
  bool pendingcr;
  unsigned seennl;
  Object* readnl;     // str or null
  Object* writenl;    // str or null
};

inline StringIOObject* sio(Object* o) { return static_cast<StringIOObject*>(o); }

bool check_initialized(StringIOObject* self) {
  if (!self->ok) {
    errors::set_string(exc_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}
bool check_closed(StringIOObject* self) {
  if (!check_initialized(self)) return false;
  if (self->closed) {
    errors::set_string(exc_ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

Object* make_str(const char32_t* p, size_t n) {
  return str_from_kind_and_data(4, p, static_cast<ssize>(n));
}

// write_str: newline translation then the characters at pos.
ssize write_str(StringIOObject* self, Object* obj) {
  std::u32string text;
  ssize len = str_length(obj);
  text.reserve(static_cast<size_t>(len));
  for (ssize i = 0; i < len; ++i) text.push_back(str_read_char(obj, i));
  if (self->has_decoder) {
    // IncrementalNewlineDecoder.decode(text, final=True).
    std::u32string out;
    if (self->pendingcr) {
      text.insert(text.begin(), U'\r');
      self->pendingcr = false;
    }
    for (size_t i = 0; i < text.size(); ++i) {
      char32_t c = text[i];
      if (c == U'\r') {
        if (i + 1 < text.size() && text[i + 1] == U'\n') {
          self->seennl |= kSeenCRLF;
          if (self->readtranslate) {
            out.push_back(U'\n');
          } else {
            out += U"\r\n";
          }
          ++i;
        } else {
          self->seennl |= kSeenCR;
          out.push_back(self->readtranslate ? U'\n' : U'\r');
        }
      } else {
        if (c == U'\n') self->seennl |= kSeenLF;
        out.push_back(c);
      }
    }
    text.swap(out);
  }
  if (self->writenl) {
    std::u32string out;
    std::u32string nl;
    for (ssize i = 0; i < str_length(self->writenl); ++i) nl.push_back(str_read_char(self->writenl, i));
    for (char32_t c : text) {
      if (c == U'\n')
        out += nl;
      else
        out.push_back(c);
    }
    text.swap(out);
  }
  ssize n = static_cast<ssize>(text.size());
  if (n == 0) return 0;
  std::u32string& buf = *self->buf;
  if (self->pos > static_cast<ssize>(buf.size())) buf.resize(static_cast<size_t>(self->pos), U'\0');
  if (self->pos + n > static_cast<ssize>(buf.size())) buf.resize(static_cast<size_t>(self->pos + n));
  buf.replace(static_cast<size_t>(self->pos), static_cast<size_t>(n), text);
  self->pos += n;
  return len;
}

Object* stringio_new(TypeObject* type, Object*, Object*) {
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  sio(self)->buf = new std::u32string();
  return self;
}

// _io_StringIO___init___impl(initial_value='', newline='\n').
int stringio_init(Object* self, Object* args, Object* kwargs) {
  static const char* const kw[] = {"initial_value", "newline", nullptr};
  ArgParser p{"StringIO", kw, 0, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords_tuple(p, args, kwargs, a) < 0) return -1;
  StringIOObject* s = sio(self);
  const char* newline = "\n";
  Object* nl = a[1];
  if (nl && nl != none() && !str_check(nl)) {
    errors::format(exc_TypeError, "newline must be str or None, not %.200s", nl->type->name);
    return -1;
  }
  if (nl == none()) {
    newline = nullptr;
  } else if (nl) {
    if (!detail::str_arg_to_cstr(nl, &newline)) return -1;
  }
  if (newline && newline[0] != '\0' && !(newline[0] == '\n' && newline[1] == '\0') &&
      !(newline[0] == '\r' && newline[1] == '\0') &&
      !(newline[0] == '\r' && newline[1] == '\n' && newline[2] == '\0')) {
    errors::format(exc_ValueError, "illegal newline value: %R", nl);
    return -1;
  }
  Object* value = a[0];
  if (value && value != none() && !str_check(value)) {
    errors::format(exc_TypeError, "initial_value must be str or None, not %.200s",
                   value->type->name);
    return -1;
  }
  s->ok = false;
  clear(s->readnl);
  clear(s->writenl);
  if (newline) {
    s->readnl = str_from_cstr(newline);
    if (!s->readnl) return -1;
  }
  s->readuniversal = newline == nullptr || newline[0] == '\0';
  s->readtranslate = newline == nullptr;
  if (newline && newline[0] == '\r') s->writenl = new_ref(s->readnl);
  s->has_decoder = s->readuniversal;
  s->pendingcr = false;
  s->seennl = 0;
  s->buf->clear();
  s->pos = 0;
  s->closed = false;
  s->ok = true;
  if (value && value != none() && str_length(value) > 0) {
    if (write_str(s, value) < 0) return -1;
  }
  s->pos = 0;
  return 0;
}

Object* stringio_getvalue(Object* self, Object*) {
  if (!check_closed(sio(self))) return nullptr;
  return make_str(sio(self)->buf->data(), sio(self)->buf->size());
}

Object* stringio_tell(Object* self, Object*) {
  if (!check_closed(sio(self))) return nullptr;
  return long_from_ssize(sio(self)->pos);
}

Object* stringio_read(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 0, 1)) return nullptr;
  ssize size = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &size)) return nullptr;
  StringIOObject* s = sio(self);
  if (!check_closed(s)) return nullptr;
  ssize n = static_cast<ssize>(s->buf->size()) - s->pos;
  if (n < 0) n = 0;
  if (size < 0 || size > n) size = n;
  if (size <= 0) return new_ref(str_empty());
  Object* r = make_str(s->buf->data() + s->pos, static_cast<size_t>(size));
  if (r) s->pos += size;
  return r;
}

// _stringio_readline.
Object* readline_impl(StringIOObject* s, ssize limit) {
  ssize len = static_cast<ssize>(s->buf->size());
  if (s->pos >= len) return new_ref(str_empty());
  Ref<> rest = Ref<>::steal(make_str(s->buf->data() + s->pos, static_cast<size_t>(len - s->pos)));
  if (!rest) return nullptr;
  ssize end = len - s->pos;
  if (limit >= 0 && limit < end) end = limit;
  ssize consumed = 0;
  ssize found = detail::find_line_ending(s->readtranslate, s->readuniversal, s->readnl, rest.get(),
                                         0, end, &consumed);
  if (found < 0) found = end;
  s->pos += found;
  return str_substring(rest.get(), 0, found);
}

Object* stringio_readline(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("readline", nargs, 0, 1)) return nullptr;
  ssize size = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &size)) return nullptr;
  if (!check_closed(sio(self))) return nullptr;
  return readline_impl(sio(self), size);
}

Object* stringio_iternext(Object* self) {
  StringIOObject* s = sio(self);
  if (!check_closed(s)) return nullptr;
  Ref<> line;
  if (type_check_exact(self, &stringio_type)) {
    line = Ref<>::steal(readline_impl(s, -1));
  } else {
    line = Ref<>::steal(detail::call_method(self, "readline", nullptr));
    if (line && !str_check(line.get())) {
      return errors::format(exc_OSError, "readline() should have returned a str object, not '%.200s'",
                            line->type->name);
    }
  }
  if (!line) return nullptr;
  if (str_length(line.get()) == 0) return nullptr;
  return line.release();
}

Object* stringio_truncate(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
  StringIOObject* s = sio(self);
  if (!check_closed(s)) return nullptr;
  ssize size = s->pos;
  if (nargs > 0 && args[0] != none()) {
    if (!detail::convert_ssize(args[0], &size)) return nullptr;
  }
  if (size < 0) return errors::format(exc_ValueError, "Negative size value %zd", size);
  if (size < static_cast<ssize>(s->buf->size())) s->buf->resize(static_cast<size_t>(size));
  return long_from_ssize(size);
}

Object* stringio_seek(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("seek", nargs, 1, 2)) return nullptr;
  Ref<> pi = Ref<>::steal(number_index(args[0]));
  if (!pi) return nullptr;
  ssize pos = number_as_ssize(pi.get(), exc_OverflowError);
  if (pos == -1 && errors::occurred()) return nullptr;
  int whence = 0;
  if (nargs > 1) {
    Ref<> wi = Ref<>::steal(number_index(args[1]));
    if (!wi) return nullptr;
    whence = static_cast<int>(long_as_long(wi.get()));
    if (whence == -1 && errors::occurred()) return nullptr;
  }
  StringIOObject* s = sio(self);
  if (!check_closed(s)) return nullptr;
  if (whence != 0 && whence != 1 && whence != 2) {
    return errors::format(exc_ValueError, "Invalid whence (%i, should be 0, 1 or 2)", whence);
  }
  if (pos < 0 && whence == 0) return errors::format(exc_ValueError, "Negative seek position %zd", pos);
  if (whence != 0 && pos != 0) {
    return errors::format(exc_OSError, "Can't do nonzero cur-relative seeks");
  }
  if (whence == 1) pos = s->pos;
  if (whence == 2) pos = static_cast<ssize>(s->buf->size());
  s->pos = pos;
  return long_from_ssize(pos);
}

Object* stringio_write(Object* self, Object* obj) {
  StringIOObject* s = sio(self);
  if (!check_closed(s)) return nullptr;
  if (!str_check(obj)) {
    return errors::format(exc_TypeError, "string argument expected, got '%s'", obj->type->name);
  }
  ssize size = str_length(obj);
  if (size > 0 && write_str(s, obj) < 0) return nullptr;
  return long_from_ssize(size);
}

Object* stringio_close(Object* self, Object*) {
  sio(self)->closed = true;
  sio(self)->buf->clear();
  sio(self)->buf->shrink_to_fit();
  return return_none();
}

Object* stringio_true(Object* self, Object*) {
  if (!check_closed(sio(self))) return nullptr;
  return new_ref(true_object());
}

Object* stringio_closed_get(Object* self, void*) {
  if (!check_initialized(sio(self))) return nullptr;
  return new_ref(sio(self)->closed ? true_object() : false_object());
}
Object* stringio_line_buffering_get(Object* self, void*) {
  if (!check_closed(sio(self))) return nullptr;
  return new_ref(false_object());
}
Object* stringio_newlines_get(Object* self, void*) {
  StringIOObject* s = sio(self);
  if (!check_closed(s)) return nullptr;
  if (!s->has_decoder) return return_none();
  // IncrementalNewlineDecoder.newlines.
  switch (s->seennl) {
    case kSeenCR: return str_from_cstr("\r");
    case kSeenLF: return str_from_cstr("\n");
    case kSeenCRLF: return str_from_cstr("\r\n");
    case kSeenCR | kSeenLF: return tuple_pack(2, Ref<>::steal(str_from_cstr("\r")).get(), Ref<>::steal(str_from_cstr("\n")).get());
    case kSeenCR | kSeenCRLF: return tuple_pack(2, Ref<>::steal(str_from_cstr("\r")).get(), Ref<>::steal(str_from_cstr("\r\n")).get());
    case kSeenLF | kSeenCRLF: return tuple_pack(2, Ref<>::steal(str_from_cstr("\n")).get(), Ref<>::steal(str_from_cstr("\r\n")).get());
    case kSeenCR | kSeenLF | kSeenCRLF:
      return tuple_pack(3, Ref<>::steal(str_from_cstr("\r")).get(), Ref<>::steal(str_from_cstr("\n")).get(),
                        Ref<>::steal(str_from_cstr("\r\n")).get());
    default: return return_none();
  }
}

// __getstate__: (value, newline, position, dict).
Object* stringio_getstate(Object* self, Object*) {
  StringIOObject* s = sio(self);
  if (!check_closed(s)) return nullptr;
  Ref<> value = Ref<>::steal(stringio_getvalue(self, nullptr));
  if (!value) return nullptr;
  Ref<> d;
  if (s->dict)
    d = Ref<>::steal(dict_copy(s->dict));
  else
    d = Ref<>::borrow(none());
  Ref<> pos = Ref<>::steal(long_from_ssize(s->pos));
  if (!d || !pos) return nullptr;
  Object* readnl = s->readnl ? s->readnl : none();
  return tuple_pack(4, value.get(), readnl, pos.get(), d.get());
}

Object* stringio_setstate(Object* self, Object* state) {
  StringIOObject* s = sio(self);
  if (!check_closed(s)) return nullptr;
  if (!tuple_check(state) || tuple_size(state) < 4) {
    return errors::format(exc_TypeError,
                          "%.200s.__setstate__ argument should be 4-tuple, got %.200s",
                          type_short_name(self->type), state->type->name);
  }
  Ref<> initargs = Ref<>::steal(tuple_pack(2, none(), tuple_item(state, 1)));
  if (!initargs || stringio_init(self, initargs.get(), nullptr) < 0) return nullptr;
  Object* value = tuple_item(state, 0);
  if (!str_check(value)) {
    return errors::format(exc_TypeError, "unicode argument expected, got '%s'", value->type->name);
  }
  s->buf->clear();
  for (ssize i = 0; i < str_length(value); ++i) s->buf->push_back(str_read_char(value, i));
  Object* pos = tuple_item(state, 2);
  if (!long_check(pos)) {
    return errors::format(exc_TypeError, "third item of state must be an integer, got %.200s",
                          pos->type->name);
  }
  ssize p = long_as_ssize(pos);
  if (p == -1 && errors::occurred()) return nullptr;
  if (p < 0) return errors::format(exc_ValueError, "position value cannot be negative");
  s->pos = p;
  Object* d = tuple_item(state, 3);
  if (d != none()) {
    if (!dict_check(d)) {
      return errors::format(exc_TypeError, "fourth item of state should be a dict, got a %.200s",
                            d->type->name);
    }
    if (!s->dict) {
      s->dict = dict_new();
      if (!s->dict) return nullptr;
    }
    if (dict_update(s->dict, d) < 0) return nullptr;
  }
  return return_none();
}

int stringio_traverse(Object* self, visitproc visit, void* arg) {
  if (sio(self)->dict)
    if (int r = visit(sio(self)->dict, arg)) return r;
  return 0;
}
int stringio_clear(Object* self) {
  clear(sio(self)->dict);
  return 0;
}
void stringio_dealloc(Object* self) {
  gc::untrack(self);
  StringIOObject* s = sio(self);
  s->ok = false;
  if (s->weakreflist) object_clear_weakrefs(self);
  delete s->buf;
  s->buf = nullptr;
  clear(s->readnl);
  clear(s->writenl);
  detail::dealloc_epilogue(self);
}

MethodDef stringio_methods[] = {
    {"close", NOARGS(stringio_close), nullptr},
    {"getvalue", NOARGS(stringio_getvalue), nullptr},
    {"read", FASTCALL(stringio_read), nullptr},
    {"readline", FASTCALL(stringio_readline), nullptr},
    {"tell", NOARGS(stringio_tell), nullptr},
    {"truncate", FASTCALL(stringio_truncate), nullptr},
    {"seek", FASTCALL(stringio_seek), nullptr},
    {"write", METH_O(stringio_write), nullptr},
    {"seekable", NOARGS(stringio_true), nullptr},
    {"readable", NOARGS(stringio_true), nullptr},
    {"writable", NOARGS(stringio_true), nullptr},
    {"__getstate__", NOARGS(stringio_getstate), nullptr},
    {"__setstate__", METH_O(stringio_setstate), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef stringio_getset[] = {
    {"closed", stringio_closed_get, nullptr, nullptr, nullptr},
    {"newlines", stringio_newlines_get, nullptr, nullptr, nullptr},
    {"line_buffering", stringio_line_buffering_get, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject stringio_type = [] {
  TypeObject t = static_type("_io.StringIO", sizeof(StringIOObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &textiobase_type;
  t.dealloc = stringio_dealloc;
  t.doc = "StringIO(initial_value='', newline='\\n')\n--\n\nText I/O implementation using an "
          "in-memory buffer.\n\nThe initial_value argument sets the value of object.  The "
          "newline\nargument is like the one of TextIOWrapper's constructor.";
  t.traverse = stringio_traverse;
  t.clear = stringio_clear;
  t.iternext = stringio_iternext;
  t.methods = stringio_methods;
  t.getset = stringio_getset;
  t.init = stringio_init;
  t.new_ = stringio_new;
  return t;
}();

}  // namespace cppy::modules::_io
