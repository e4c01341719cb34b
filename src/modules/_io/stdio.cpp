// sys.stdin / sys.stdout / sys.stderr at start-up: Python/pylifecycle.c create_stdio and
// init_sys_streams, with the encoding and errors of Python/initconfig.c
// (config_init_stdio_encoding: PYTHONIOENCODING, else the locale's; "surrogateescape" under
// the C/POSIX locale, stderr always "backslashreplace").
#include <fcntl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/_codecs/codecs.h"
#include "modules/_io/_iomodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/preconfig.h"
#include "sys/sysmodule.h"

namespace cppy::modules::_io {

using namespace objects;

namespace {

// config_get_codec_name: the name of the codec an encoding names ("latin-1" ->
// "iso8859-1"); the name as given when no codec is found (TextIOWrapper then reports it).
std::string codec_name(const std::string& encoding) {
  Ref<> info = Ref<>::steal(_codecs::lookup(encoding.c_str()));
  Ref<> name = info ? Ref<>::steal(object_getattr_string(info.get(), "name")) : Ref<>();
  const char* text = name && str_check(name.get()) ? str_as_utf8(name.get()) : nullptr;
  if (!text) {
    errors::clear();
    return encoding;
  }
  return text;
}

// config_init_stdio_encoding: PYTHONIOENCODING (unless -E), else UTF-8 in UTF-8 mode, else
// the locale's encoding under its codec name; the error handler of config_get_stdio_errors.
void stdio_encoding(std::string* encoding, std::string* errors) {
  const char* env = !runtime::use_environment() ? nullptr : std::getenv("PYTHONIOENCODING");
  if (env && *env) {
    std::string s = env;
    size_t colon = s.find(':');
    std::string enc = colon == std::string::npos ? s : s.substr(0, colon);
    if (!enc.empty()) *encoding = codec_name(enc);
    if (colon != std::string::npos && colon + 1 < s.size()) *errors = s.substr(colon + 1);
  }
  if (encoding->empty()) *encoding = codec_name(runtime::preferred_encoding());
  if (errors->empty()) *errors = runtime::stdio_errors();
}

}  // namespace

Object* create_stdio(int fd, bool write_mode, const char* name, const char* encoding,
                     const char* errors, bool buffered_stdio) {
  // is_valid_fd: a closed descriptor gives None.
  if (::fcntl(fd, F_GETFD) < 0) return return_none();
  int buffering = (!buffered_stdio && write_mode) ? 0 : -1;
  Ref<> fdobj = Ref<>::steal(long_from_long(fd));
  if (!fdobj) return nullptr;
  Ref<> buf = Ref<>::steal(open(fdobj.get(), write_mode ? "wb" : "rb", buffering, nullptr, nullptr,
                                nullptr, false, nullptr));
  if (!buf) return nullptr;
  Ref<> raw;
  if (buffering) {
    raw = Ref<>::steal(object_getattr_string(buf.get(), "raw"));
    if (!raw) return nullptr;
  } else {
    raw = buf;
  }
  Ref<> text = Ref<>::steal(str_from_cstr(name));
  if (!text || object_setattr_string(raw.get(), "name", text.get()) < 0) return nullptr;
  Ref<> res = Ref<>::steal(detail::call_method(raw.get(), "isatty", nullptr));
  if (!res) return nullptr;
  int isatty = object_is_true(res.get());
  if (isatty < 0) return nullptr;
  bool write_through = !buffered_stdio;
  bool line_buffering = buffered_stdio && (isatty || fd == 2);
  std::string enc = encoding ? encoding : "";
  std::string err = errors ? errors : "";
  if (enc.empty() || err.empty()) {
    std::string e2, r2;
    stdio_encoding(&e2, &r2);
    if (enc.empty()) enc = e2;
    if (err.empty()) err = fd == 2 ? "backslashreplace" : r2;
  }
  Ref<> enc_obj = Ref<>::steal(str_from_cstr(enc.c_str()));
  Ref<> err_obj = Ref<>::steal(str_from_cstr(err.c_str()));
  Ref<> nl = Ref<>::steal(str_from_cstr("\n"));
  if (!enc_obj || !err_obj || !nl) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(6, buf.get(), enc_obj.get(), err_obj.get(), nl.get(),
                                       line_buffering ? true_object() : false_object(),
                                       write_through ? true_object() : false_object()));
  if (!args) return nullptr;
  Ref<> stream = Ref<>::steal(object_call(&textiowrapper_type, args.get(), nullptr));
  if (!stream) return nullptr;
  Ref<> mode = Ref<>::steal(str_from_cstr(write_mode ? "w" : "r"));
  if (!mode || object_setattr_string(stream.get(), "mode", mode.get()) < 0) return nullptr;
  return stream.release();
}

// init_sys_streams.
int init_sys_streams(bool buffered_stdio) {
  struct Std {
    int fd;
    bool write;
    const char* name;
    const char* attr;
    const char* dunder;
  };
  static const Std kStd[] = {{0, false, "<stdin>", "stdin", "__stdin__"},
                             {1, true, "<stdout>", "stdout", "__stdout__"},
                             {2, true, "<stderr>", "stderr", "__stderr__"}};
  Object* imported = import_builtin("_io");
  if (!imported) return -1;
  decref(imported);
  for (const Std& s : kStd) {
    Ref<> stream = Ref<>::steal(create_stdio(s.fd, s.write, s.name, nullptr, nullptr, buffered_stdio));
    if (!stream) return -1;
    if (sys::set_object(s.dunder, stream.get()) < 0) return -1;
    if (sys::set_object(s.attr, stream.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace cppy::modules::_io
