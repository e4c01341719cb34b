// The _io module: Modules/_io/_iomodule.c (open, open_code, text_encoding,
// UnsupportedOperation, DEFAULT_BUFFER_SIZE, the types).
#include "modules/_io/_iomodule.h"

#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/moduledef.h"
#include "modules/posix/posixmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/preconfig.h"

namespace cppy::modules::_io {

using namespace objects;

namespace {
TypeObject* g_unsupported = nullptr;
}

TypeObject* unsupported_operation() {
  if (!g_unsupported) {
    Ref<> bases = Ref<>::steal(tuple_pack(2, exc_OSError, exc_ValueError));
    if (!bases) return nullptr;
    g_unsupported = new_exception("io.UnsupportedOperation", bases.get(), nullptr);
  }
  return g_unsupported;
}

std::nullptr_t unsupported(const char* message) {
  TypeObject* t = unsupported_operation();
  if (t) errors::set_string(t, message);
  return nullptr;
}

namespace {

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords
#define METH_O(f) reinterpret_cast<void*>(f), kMethO

Object* call_type(TypeObject* t, std::initializer_list<Object*> args, Object* kwargs = nullptr) {
  Ref<> tup = Ref<>::steal(tuple_new(static_cast<ssize>(args.size())));
  if (!tup) return nullptr;
  ssize i = 0;
  for (Object* a : args) tuple_set_item(tup.get(), i++, new_ref(a ? a : none()));
  return object_call(t, tup.get(), kwargs);
}

// _io_open_impl with objects for the optional text arguments (null: None).
Object* open_impl(Object* file, const char* mode, int buffering, Object* encoding,
                  Object* errors_obj, Object* newline, bool closefd, Object* opener) {
  Ref<> path_or_fd;
  if (number_check(file) && !str_check(file) && !bytes_check(file)) {
    path_or_fd = Ref<>::borrow(file);
  } else {
    path_or_fd = Ref<>::steal(posix::fspath(file));
    if (!path_or_fd) return nullptr;
  }
  if (!str_check(path_or_fd.get()) && !bytes_check(path_or_fd.get()) &&
      !number_check(path_or_fd.get())) {
    return errors::format(exc_TypeError, "invalid file: %R", file);
  }
  bool creating = false, reading = false, writing = false, appending = false, updating = false;
  bool text = false, binary = false;
  for (const char* m = mode; *m; ++m) {
    const char* p = std::strchr("xrwab+t", *m);
    if (!p || *m == '\0' || std::strchr(m + 1, *m)) {
      return errors::format(exc_ValueError, "invalid mode: '%s'", mode);
    }
    switch (*m) {
      case 'x': creating = true; break;
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case '+': updating = true; break;
      case 't': text = true; break;
      case 'b': binary = true; break;
    }
  }
  std::string rawmode;
  if (creating) rawmode += 'x';
  if (reading) rawmode += 'r';
  if (writing) rawmode += 'w';
  if (appending) rawmode += 'a';
  if (updating) rawmode += '+';
  if (text && binary) {
    return errors::format(exc_ValueError, "can't have text and binary mode at once");
  }
  if (int(creating) + int(reading) + int(writing) + int(appending) > 1) {
    return errors::format(exc_ValueError, "must have exactly one of create/read/write/append mode");
  }
  if (binary && encoding && encoding != none()) {
    return errors::format(exc_ValueError, "binary mode doesn't take an encoding argument");
  }
  if (binary && errors_obj && errors_obj != none()) {
    return errors::format(exc_ValueError, "binary mode doesn't take an errors argument");
  }
  if (binary && newline && newline != none()) {
    return errors::format(exc_ValueError, "binary mode doesn't take a newline argument");
  }
  if (binary && buffering == 1) {
    if (errors::warn_ex(exc_RuntimeWarning,
                        "line buffering (buffering=1) isn't supported in binary mode, the default "
                        "buffer size will be used",
                        1) < 0)
      return nullptr;
  }
  Ref<> rawmode_obj = Ref<>::steal(str_from_cstr(rawmode.c_str()));
  if (!rawmode_obj) return nullptr;
  Ref<> raw = Ref<>::steal(call_type(&fileio_type, {path_or_fd.get(), rawmode_obj.get(),
                                                    closefd ? true_object() : false_object(),
                                                    opener ? opener : none()}));
  if (!raw) return nullptr;
  Ref<> result = raw;
  // Errors past this point close the raw file (result).
  auto fail = [&]() -> Object* {
    Object* exc = errors::get_raised_exception();
    Ref<> r = Ref<>::steal(detail::call_method(result.get(), "close", nullptr));
    if (!r) {
      errors::chain_exceptions1(exc);
    } else {
      errors::set_raised_exception(exc);
    }
    return nullptr;
  };
  bool line_buffering = false;
  bool isatty = false;
  if (buffering == 1 || buffering < 0) {
    Ref<> res = Ref<>::steal(detail::call_method(raw.get(), "_isatty_open_only", nullptr));
    if (!res) return fail();
    int r = object_is_true(res.get());
    if (r < 0) return fail();
    isatty = r != 0;
  }
  if (buffering == 1 || (buffering < 0 && isatty)) {
    buffering = -1;
    line_buffering = true;
  }
  if (buffering < 0) {
    Ref<> blk = Ref<>::steal(object_getattr_string(raw.get(), "_blksize"));
    if (!blk) return fail();
    long b = long_as_long(blk.get());
    if (b == -1 && errors::occurred()) return fail();
    if (b > 8192 * 1024) b = 8192 * 1024;
    if (b < kDefaultBufferSize) b = kDefaultBufferSize;
    buffering = static_cast<int>(b);
  }
  if (buffering < 0) {
    errors::set_string(exc_ValueError, "invalid buffering size");
    return fail();
  }
  if (buffering == 0) {
    if (binary) return result.release();
    errors::set_string(exc_ValueError, "can't have unbuffered text I/O");
    return fail();
  }
  TypeObject* buffer_class;
  if (updating) {
    buffer_class = &bufferedrandom_type;
  } else if (creating || writing || appending) {
    buffer_class = &bufferedwriter_type;
  } else if (reading) {
    buffer_class = &bufferedreader_type;
  } else {
    errors::format(exc_ValueError, "unknown mode: '%s'", mode);
    return fail();
  }
  Ref<> bsize = Ref<>::steal(long_from_long(buffering));
  Ref<> buffer = Ref<>::steal(call_type(buffer_class, {raw.get(), bsize.get()}));
  if (!buffer) return fail();
  result = buffer;
  if (binary) return result.release();
  Ref<> wrapper = Ref<>::steal(call_type(
      &textiowrapper_type, {buffer.get(), encoding, errors_obj, newline,
                            line_buffering ? true_object() : false_object()}));
  if (!wrapper) return fail();
  result = wrapper;
  Ref<> mode_obj = Ref<>::steal(str_from_cstr(mode));
  if (!mode_obj || object_setattr_string(wrapper.get(), "mode", mode_obj.get()) < 0) return fail();
  return result.release();
}

// Converts an optional "str or None" argument for open().
bool optional_str(const char* name, Object* o) {
  if (!o || o == none() || str_check(o)) return true;
  std::string d = std::string("'") + name + "'";
  bad_argument("open", d.c_str(), "str or None", o);
  return false;
}

Object* io_open(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"file", "mode", "buffering", "encoding", "errors",
                                   "newline", "closefd", "opener", nullptr};
  ArgParser p{"open", kw, 1, 8, 0};
  Object* a[8] = {};
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return nullptr;
  const char* mode = "r";
  if (a[1]) {
    if (!str_check(a[1])) {
      bad_argument("open", "'mode'", "str", a[1]);
      return nullptr;
    }
    if (!detail::str_arg_to_cstr(a[1], &mode)) return nullptr;
  }
  int buffering = -1;
  if (a[2]) {
    if (!index_check(a[2])) {
      return errors::format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            a[2]->type->name);
    }
    long v = long_as_long(a[2]);
    if (v == -1 && errors::occurred()) return nullptr;
    buffering = static_cast<int>(v);
  }
  if (!optional_str("encoding", a[3]) || !optional_str("errors", a[4]) ||
      !optional_str("newline", a[5]))
    return nullptr;
  bool closefd = true;
  if (a[6]) {
    int r = object_is_true(a[6]);
    if (r < 0) return nullptr;
    closefd = r != 0;
  }
  return open_impl(a[0], mode, buffering, a[3], a[4], a[5], closefd, a[7]);
}

// _io_text_encoding_impl: "locale" for None ("utf-8" in UTF-8 mode), with EncodingWarning
// under -X warn_default_encoding.
Object* io_text_encoding(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("text_encoding", nargs, 1, 2)) return nullptr;
  long stacklevel = 2;
  if (nargs > 1) {
    stacklevel = long_as_long(args[1]);
    if (stacklevel == -1 && errors::occurred()) return nullptr;
  }
  if (args[0] != none()) return new_ref(args[0]);
  if (runtime::warn_default_encoding()) {
    if (errors::warn_ex(exc_EncodingWarning, "'encoding' argument not specified",
                        int(stacklevel)) < 0)
      return nullptr;
  }
  return str_from_cstr(runtime::utf8_mode() ? "utf-8" : "locale");
}

// open_code(path): open(path, 'rb') (no hook set).
Object* io_open_code(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"path", nullptr};
  ArgParser p{"open_code", kw, 1, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return nullptr;
  if (!str_check(a[0])) {
    bad_argument("open_code", "'path'", "str", a[0]);
    return nullptr;
  }
  return open_impl(a[0], "rb", -1, nullptr, nullptr, nullptr, true, nullptr);
}

MethodDef io_methods[] = {
    {"open", FASTCALL_KW(io_open),
     "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, "
     "newline=None, closefd=True, opener=None)\n--\n\nOpen file and return a stream.  Raise "
     "OSError upon failure."},
    {"open_code", FASTCALL_KW(io_open_code),
     "open_code($module, /, path)\n--\n\nOpens the provided file with the intent to import the "
     "contents.\n\nThis may perform extra validation beyond open(), but is otherwise "
     "interchangeable\nwith calling open(path, 'rb')."},
    {"text_encoding", FASTCALL(io_text_encoding),
     "text_encoding($module, encoding, stacklevel=2, /)\n--\n\nA helper function to choose the "
     "text encoding.\n\nWhen encoding is not None, this function returns it.\nOtherwise, this "
     "function returns the default text encoding\n(i.e. \"locale\" or \"utf-8\" depends on UTF-8 "
     "mode).\n\nThis function emits an EncodingWarning if encoding is None and\n"
     "sys.flags.warn_default_encoding is true.\n\nThis can be used in APIs with an encoding=None "
     "parameter.\nHowever, please consider using encoding=\"utf-8\" for new APIs."},
    {nullptr, nullptr, 0, nullptr},
};

int io_exec(Object* m) {
  TypeObject* types[] = {&iobase_type,         &rawiobase_type,      &bufferediobase_type,
                         &textiobase_type,     &fileio_type,         &bytesio_type,
                         &stringio_type,       &bufferedreader_type, &bufferedwriter_type,
                         &bufferedrandom_type, &bufferedrwpair_type, &textiowrapper_type,
                         &nldecoder_type};
  for (TypeObject* t : types) {
    if (type_ready(t) < 0) return -1;
    if (module_add_object_ref(m, type_short_name(t), t) < 0) return -1;
  }
  Ref<> size = Ref<>::steal(long_from_ssize(kDefaultBufferSize));
  if (!size || module_add_object_ref(m, "DEFAULT_BUFFER_SIZE", size.get()) < 0) return -1;
  TypeObject* uo = unsupported_operation();
  if (!uo || module_add_object_ref(m, "UnsupportedOperation", uo) < 0) return -1;
  if (module_add_object_ref(m, "BlockingIOError", exc_BlockingIOError) < 0) return -1;
  return 0;
}

ModuleDef io_def = {
    "_io",
    "The io module provides the Python interfaces to stream handling. The\nbuiltin open "
    "function is defined in this module.\n\nAt the top of the I/O hierarchy is the abstract "
    "base class IOBase. It\ndefines the basic interface to a stream. Note, however, that there "
    "is no\nseparation between reading and writing to streams; implementations are\nallowed to "
    "raise an OSError if they do not support a given operation.\n\nExtending IOBase is "
    "RawIOBase which deals simply with the reading and\nwriting of raw bytes to a stream. FileIO "
    "subclasses RawIOBase to provide\nan interface to OS files.\n\nBufferedIOBase deals with "
    "buffering on a raw byte stream (RawIOBase). Its\nsubclasses, BufferedWriter, BufferedReader, "
    "and BufferedRWPair buffer\nstreams that are readable, writable, and both respectively.\n"
    "BufferedRandom provides a buffered interface to random access\nstreams. BytesIO is a "
    "simple stream of in-memory bytes.\n\nAnother IOBase subclass, TextIOBase, deals with the "
    "encoding and decoding\nof streams into text. TextIOWrapper, which inherits from it, is a "
    "buffered\ntext interface to a buffered raw stream (`BufferedIOBase`). Finally, StringIO\n"
    "is an in-memory stream for text.\n\nArgument names are not part of the specification, and "
    "only the arguments\nof open() are intended to be used as keyword arguments.\n\ndata:\n\n"
    "DEFAULT_BUFFER_SIZE\n\n   An int containing the default buffer size used by the module's "
    "buffered\n   I/O classes.\n",
    io_methods,
    io_exec,
};

}  // namespace

ModuleDef* module_def() { return &io_def; }

Object* open(Object* file, const char* mode, int buffering, const char* encoding,
             const char* errors_, const char* newline, bool closefd, Object* opener) {
  Ref<> enc, err, nl;
  if (encoding) enc = Ref<>::steal(str_from_cstr(encoding));
  if (errors_) err = Ref<>::steal(str_from_cstr(errors_));
  if (newline) nl = Ref<>::steal(str_from_cstr(newline));
  return open_impl(file, mode ? mode : "r", buffering, enc.get(), err.get(), nl.get(), closefd,
                   opener);
}

}  // namespace cppy::modules::_io
