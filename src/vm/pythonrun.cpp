// Running code: Python/pythonrun.c (_PyRun_SimpleFileObject, PyRun_SimpleStringFlagsWithName,
// run_mod, run_eval_code_obj, maybe_pyc_file, run_pyc_file, _PyErr_PrintEx,
// _Py_HandleSystemExit), the dispatch of Modules/main.c (pymain_run_python, pymain_run_command,
// pymain_run_file, pymain_run_stdin) and the start-up and exit steps of Python/pylifecycle.c
// that the cppy command needs (init_interp_main's __main__, flush_std_files).
#include "vm/pythonrun.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "builtins/bltinmodule.h"
#include "compile/compile.h"
#include "errors/errors.h"
#include "hash/hash.h"
#include "imp/import.h"
#include "imp/startup.h"
#include "marshal/marshal.h"
#include "modules/moduledef.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/cellobject.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/iterobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/enumobject.h"
#include "objects/rangeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pathconfig.h"
#include "runtime/preconfig.h"
#include "modules/_io/_iomodule.h"
#include "modules/_signal/signalmodule.h"
#include "modules/_thread/threadmodule.h"
#include "modules/atexit/atexitmodule.h"
#include "modules/faulthandler/faulthandlermodule.h"
#include "modules/_tracemalloc/tracemalloc.h"
#include "gc/gc.h"
#include "modules/posix/posix_internal.h"
#include "modules/moduledef.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"
#include "parser/compiler_flags.h"
#include "parser/lexer.h"
#include "sys/sysmodule.h"
#include "vm/ceval.h"
#include "vm/ceval_gil.h"
#include "vm/frame.h"
#include "vm/instrumentation.h"
#include "vm/pylifecycle.h"
#include "vm/stdprinter.h"
#include "vm/traceback.h"

namespace cppy::vm {

using namespace objects;

int check_cache_layout();  // ceval.cpp

int initialize() {
  static bool done = false;
  if (done) return 0;
  if (check_cache_layout() < 0) return -1;
  TypeObject* const types[] = {
      &bytes_type,     &code_type,      &function_type,     &frame_type, &framelocalsproxy_type, &gen_type,
      &coro_type,      &async_gen_type, &coro_wrapper_type, &traceback_type,
      &map_type,       &filter_type,    &zip_type,
      &async_gen_asend_type, &async_gen_athrow_type, &async_gen_wrapped_value_type,
      &anextawaitable_type, &line_iter_type, &positions_iter_type,
  };
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  Object* builtins = builtins::init_builtins();
  if (!builtins) return -1;
  set_builtins_dict(module_get_dict(builtins));
  // _PyImport_InitDefaultImportFunc: IMPORT_NAME's fast path checks against this __import__.
  if (imp::init_default_import_func(module_get_dict(builtins)) < 0) return -1;
  // _PyImport_FixupBuiltin: builtins is a core module, in sys.modules from the start.
  modules::register_core_module("builtins", builtins);
  if (imp::set_module_string("builtins", builtins) < 0) return -1;
  // pycore_init_builtins: the copy finalize_modules restores.
  if (save_builtins_copy() < 0) return -1;
  compile::install_source_decoder();
  done = true;
  return 0;
}

int initialize_runtime() {
  static int state = 0;
  if (state) return state > 0 ? 0 : -1;
  if (runtime::initialize_objects() < 0 || initialize() < 0) {
    state = -1;
    return -1;
  }
  state = 1;
  return 0;
}

bool is_pyc_file(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return false;
  unsigned char buf[4];
  size_t n = std::fread(buf, 1, 4, f);
  std::fclose(f);
  return n == 4 && buf[0] == (marshal::kMagicNumber & 0xff) &&
         buf[1] == (marshal::kMagicNumber >> 8) && buf[2] == '\r' && buf[3] == '\n';
}

namespace {


// PyDict_ContainsString.
int dict_contains_string(Object* d, const char* key) {
  Ref<> k = Ref<>::steal(str_from_cstr(key));
  if (!k) return -1;
  return dict_contains(d, k.get());
}

// The status a SystemExit asked for; -1 while none was raised.
int g_exit_status = -1;
// _PyRuntime.signals.unhandled_keyboard_interrupt: the program ended with KeyboardInterrupt.
bool g_unhandled_keyboard_interrupt = false;
// config->inspect: while -i is to open the prompt after the program, a SystemExit does not
// exit; it is reported like any other exception (_Py_HandleSystemExitAndKeyboardInterrupt).
bool g_inspect = false;

// _Py_HandleSystemExit: the exit status of a SystemExit (its code: None is 0, an int is
// itself, anything else is printed to stderr and gives 1).
int system_exit_status(Object* exc) {
  Ref<> code = Ref<>::steal(object_getattr_string(exc, "code"));
  Object* value = exc;
  if (code) {
    if (code.get() == none()) return 0;
    value = code.get();
  } else {
    errors::clear();
  }
  if (long_check(value)) {
    long v = long_as_long(value);
    if (v == -1 && errors::occurred()) errors::clear();
    return int(v);
  }
  Object* err = sys::get_object("stderr");
  Ref<> s = Ref<>::steal(object_str(value));
  if (!s) {
    errors::clear();
    return 1;
  }
  std::string text = std::string(str_as_utf8(s.get())) + "\n";
  if (err && err != none()) {
    Ref<> t = Ref<>::steal(str_from_utf8(text.data(), ssize(text.size())));
    Ref<> r = Ref<>::steal(t ? call_method_one_arg(err, str_intern_from_cstr("write"), t.get())
                             : nullptr);
    if (!r) errors::clear();
  } else {
    write_std_stream(2, text);
  }
  return 1;
}

// flush_io: sys.stderr and sys.stdout's flush(), errors ignored; then the C streams.
void flush_io() {
  // The exception being handled, if any, survives the flushes.
  Object* saved = errors::get_raised_exception();
  for (const char* name : {"stderr", "stdout"}) {
    Object* f = sys::get_object(name);
    if (f && f != none()) {
      Ref<> r = Ref<>::steal(call_method_no_args(f, str_intern_from_cstr("flush")));
      if (!r) errors::clear();
    }
  }
  std::fflush(stdout);
  std::fflush(stderr);
  if (saved) errors::set_raised_exception(saved);
}

// _PyErr_Display: the traceback and the exception to file (sys.stderr), or to the process's
// stderr while file is None (before _io).
int display_exception(Object* file, Object* exc) {
  std::string out;
  print_exception(exc, &out);
  if (file && file != none()) {
    Ref<> t = Ref<>::steal(str_from_utf8(out.data(), ssize(out.size())));
    if (!t) return -1;
    Ref<> r = Ref<>::steal(call_method_one_arg(file, str_intern_from_cstr("write"), t.get()));
    if (!r) return -1;
    Ref<> f = Ref<>::steal(call_method_no_args(file, str_intern_from_cstr("flush")));
    if (!f) errors::clear();
    return 0;
  }
  write_std_stream(2, out);
  return 0;
}

// sys._getframe(depth): the depth-th complete frame from the caller's (_PyThread_GetFrame).
Object* getframe(int depth) {
  Frame* f = current_frame();
  while (f && frame_is_incomplete(f)) f = f->previous;
  while (depth > 0 && f) {
    f = f->previous;
    while (f && frame_is_incomplete(f)) f = f->previous;
    --depth;
  }
  if (!f) return errors::format(exc_ValueError, "call stack is not deep enough");
  Object* fo = frame_get_frame_object(f);
  return fo ? new_ref(fo) : nullptr;
}

// The __main__ module (PyImport_AddModuleRef("__main__")): made at start-up, in sys.modules.
Object* main_module() {
  Object* mods = modules::modules_dict();
  Object* m = mods ? dict_get_item_string(mods, "__main__") : nullptr;
  return m;
}

// add_main_module (Python/pylifecycle.c): __main__ with __builtins__ = the builtins module.
int add_main_module() {
  if (main_module()) return 0;
  Ref<> m = Ref<>::steal(module_new("__main__"));
  if (!m) return -1;
  if (dict_set_item_string(modules::modules_dict(), "__main__", m.get()) < 0) return -1;
  Object* d = module_get_dict(m.get());
  return dict_set_item_string(d, "__builtins__", builtins::builtins_module());
}

std::string read_stream(std::FILE* f, bool* ok) {
  std::string data;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  *ok = !std::ferror(f);
  return data;
}

// _PyUnicode_Dedent of UTF-8 text: textwrap.dedent's rule (the leading blanks common to every
// line that is not all blanks are removed; all-blank lines become empty).
std::string dedent(const std::string& src) {
  // search_longest_common_leading_whitespace.
  size_t common_start = std::string::npos, common_len = 0;
  size_t end = src.size();
  for (size_t i = 0; i < end; ++i) {
    size_t line = i;
    size_t ws_end = std::string::npos;
    while (i < end && src[i] != '\n') {
      if (ws_end == std::string::npos && src[i] != ' ' && src[i] != '\t') {
        if (i == line) return src;
        ws_end = i;
      }
      ++i;
    }
    if (ws_end == std::string::npos) continue;
    if (common_start == std::string::npos) {
      common_start = line;
      common_len = ws_end - line;
    } else {
      size_t n = 0;
      while (n < common_len && line + n < ws_end && src[common_start + n] == src[line + n]) ++n;
      common_len = n;
      if (common_len == 0) return src;
    }
  }
  if (common_len == 0) return src;
  std::string out;
  for (size_t i = 0; i < end; ++i) {
    size_t line = i;
    bool leading = true;
    while (i < end && src[i] != '\n') {
      if (leading && src[i] != ' ' && src[i] != '\t') leading = false;
      ++i;
    }
    bool newline = i < end;
    if (leading && newline) {
      out.push_back('\n');
      continue;
    }
    size_t from = line + common_len;
    if (from < i) out.append(src, from, i - from);
    if (newline) out.push_back('\n');
  }
  return out;
}

}  // namespace

void write_std_stream(int fd, std::string_view text) {
  std::FILE* f = fd == 2 ? stderr : stdout;
  if (fd == 2) std::fflush(stdout);
  std::fwrite(text.data(), 1, text.size(), f);
  if (fd == 2) std::fflush(stderr);
}

int pending_exit_status() { return g_exit_status; }

// _PyErr_PrintEx(set_sys_last_vars=1).
void print_exception_and_set_status() {
  Object* exc = errors::get_raised_exception();
  if (!exc) return;
  if (!g_inspect && object_is_instance(exc, reinterpret_cast<Object*>(exc_SystemExit)) > 0) {
    g_exit_status = system_exit_status(exc);
    decref(exc);
    return;
  }
  Ref<> value = Ref<>::steal(exc);
  Object* typ = reinterpret_cast<Object*>(value->type);
  Ref<> tb = Ref<>::steal(exception_get_traceback(value.get()));
  Object* tbo = tb ? tb.get() : none();
  // sys.last_exc, last_type, last_value, last_traceback.
  if (sys::sys_module()) {
    if (sys::set_object("last_exc", value.get()) < 0 || sys::set_object("last_type", typ) < 0 ||
        sys::set_object("last_value", value.get()) < 0 ||
        sys::set_object("last_traceback", tbo) < 0)
      errors::clear();
  }
  Object* hook = sys::get_object("excepthook");
  if (hook && hook != none()) {
    Object* args[3] = {typ, value.get(), tbo};
    Ref<> r = Ref<>::steal(vectorcall(hook, args, 3, nullptr));
    if (r) return;
    Ref<> exc2 = Ref<>::steal(errors::get_raised_exception());
    if (exc2 && object_is_instance(exc2.get(), reinterpret_cast<Object*>(exc_SystemExit)) > 0) {
      g_exit_status = system_exit_status(exc2.get());
      return;
    }
    flush_io();
    Object* err = sys::get_object("stderr");
    write_std_stream(2, "Error in sys.excepthook:\n");
    if (exc2) display_exception(err, exc2.get());
    write_std_stream(2, "\nOriginal exception was:\n");
    display_exception(err, value.get());
    errors::clear();
    return;
  }
  write_std_stream(2, "sys.excepthook is missing\n");
  display_exception(sys::get_object("stderr"), value.get());
  errors::clear();
}

// The old entry of the .pyc runner: the uncaught exception's status.
int print_uncaught() {
  print_exception_and_set_status();
  return g_exit_status >= 0 ? g_exit_status : 1;
}

Object* run_eval_code_obj(Object* code, Object* globals, Object* locals) {
  if (!globals || !dict_check(globals)) {
    errors::set_string(exc_SystemError, "globals must be a real dict");
    return nullptr;
  }
  int has = dict_contains_string(globals, "__builtins__");
  if (has < 0) return nullptr;
  if (!has && dict_set_item_string(globals, "__builtins__", builtins_dict()) < 0) return nullptr;
  g_unhandled_keyboard_interrupt = false;
  Object* v = eval_code(code, globals, locals);
  if (!v && errors::occurred() == exc_KeyboardInterrupt) g_unhandled_keyboard_interrupt = true;
  return v;
}

// config_init_tracemalloc: the number of frames, 0 when off; false after printing the
// fatal error of an invalid value.
static bool tracemalloc_option(const runtime::Config& config, int* nframe) {
  auto parse = [](const char* text, int* out) {
    char* end = nullptr;
    errno = 0;
    long v = std::strtol(text, &end, 10);
    if (!*text || *end || errno == ERANGE || v < 0 || v > INT_MAX) return false;
    *out = int(v);
    return true;
  };
  const char* env = config.ignore_environment ? nullptr : std::getenv("PYTHONTRACEMALLOC");
  if (env && *env && !parse(env, nframe)) {
    std::fprintf(stderr, "Fatal Python error: config_init_tracemalloc: PYTHONTRACEMALLOC: "
                         "invalid number of frames\nPython runtime state: preinitialized\n\n");
    return false;
  }
  for (const std::string& x : config.xoptions) {
    if (x == "tracemalloc") {
      *nframe = 1;
    } else if (x.rfind("tracemalloc=", 0) == 0 && !parse(x.c_str() + 12, nframe)) {
      std::fprintf(stderr, "Fatal Python error: config_init_tracemalloc: -X "
                           "tracemalloc=NFRAME: invalid number of frames\nPython runtime "
                           "state: preinitialized\n\n");
      return false;
    }
  }
  return true;
}

int initialize_main(const runtime::Config& config) {
  // The pre-initialisation (Python/preconfig.c): the LC_CTYPE locale from the environment
  // (_Py_SetLocaleFromEnv; the other categories stay "C"), then UTF-8 mode, which it decides.
  std::setlocale(LC_CTYPE, "");
  std::string preconfig_error;
  if (runtime::preconfig_read(config, &preconfig_error) < 0) {
    std::fprintf(stderr,
                 "Fatal Python error: preconfig_init_utf8_mode: %s\n"
                 "Python runtime state: preinitializing\n\n",
                 preconfig_error.c_str());
    return -1;
  }
  // preconfig_init_allocator: PYTHONMALLOC names the allocator; the development mode alone
  // installs the debug hooks (PYTHONMALLOC=malloc with -X dev keeps plain malloc).
  {
    const char* name = config.ignore_environment ? nullptr : std::getenv("PYTHONMALLOC");
    gc::Allocator allocator = gc::Allocator::kDefault;
    bool named = name && *name;
    if (named && !gc::allocator_from_name(name, &allocator)) {
      std::fprintf(stderr, "Fatal Python error: preconfig_init_allocator: PYTHONMALLOC: unknown "
                           "allocator\nPython runtime state: preinitializing\n\n");
      return -1;
    }
    if (!named && config.dev_mode) allocator = gc::Allocator::kDebug;
    if (allocator != gc::Allocator::kDefault) gc::set_allocator(allocator);
    gc::set_fatal_traceback_hook(modules::faulthandler::dump_fatal_traceback);
  }
  // PYTHONHASHSEED, before any string is hashed. Only the process entry may key the hash:
  // re-keying a running runtime would strand the hashes already cached in strings.
  // An embedder's Config.hash_seed comes first (PyConfig.use_hash_seed).
  if (config.hash_seed) {
    hash::init_secret(true, *config.hash_seed);
  } else {
    const char* seed = config.ignore_environment ? nullptr : std::getenv("PYTHONHASHSEED");
    bool use_seed = seed && *seed && std::strcmp(seed, "random") != 0;
    hash::init_secret(use_seed, use_seed ? uint32_t(std::strtoul(seed, nullptr, 10)) : 0);
  }
  if (!config.home.empty()) runtime::set_home(config.home);
  // The strings interned by static initialisation (the one-character strings, identifiers)
  // were hashed with the old key.
  str_rehash_interned();
  if (initialize_runtime() < 0) {
    std::fprintf(stderr, "Fatal Python error: cannot initialize the runtime\n");
    return -1;
  }
  Object* bmod = builtins::builtins_module();
  modules::register_core_module("builtins", bmod);
  if (dict_set_item_string(modules::modules_dict(), "builtins", bmod) < 0 ||
      !sys::create_sys_module(&config) || install_preliminary_std_streams() < 0 ||
      add_main_module() < 0) {
    std::fprintf(stderr, "Fatal Python error: cannot initialize sys and __main__\n");
    print_uncaught();
    return -1;
  }
  sys::set_getframe_hook(getframe);
  sys::set_display_exception_hook(display_exception);
  // sys.monitoring and sys.settrace / setprofile (instrumentation.cpp, legacy_tracing.cpp).
  if (install_monitoring(sys::sys_module()) < 0) {
    print_uncaught();
    return -1;
  }
  // The import system (pycore_interp_init's init_importlib, init_importlib_external).
  if (imp::init_import_system(config) < 0) {
    std::fprintf(stderr, "Fatal Python error: cannot initialize the import system\n");
    print_uncaught();
    return -1;
  }
  // init_set_builtins_open and init_sys_streams (Python/pylifecycle.c): builtins.open is
  // io.open, and the text streams of _io replace the preliminary printers.
  Ref<> io = Ref<>::steal(modules::import_builtin("_io"));
  Ref<> open = io ? Ref<>::steal(object_getattr_string(io.get(), "open")) : Ref<>();
  if (!open || dict_set_item_string(module_get_dict(bmod), "open", open.get()) < 0 ||
      modules::_io::init_sys_streams(config.buffered_stdio) < 0) {
    std::fprintf(stderr,
                 "Fatal Python error: init_sys_streams: can't initialize sys standard streams\n");
    print_uncaught();
    return -1;
  }
  // init_signals: SIGPIPE and SIGXFSZ ignored, SIGINT raising KeyboardInterrupt.
  if (modules::_signal::install_handlers() < 0) {
    std::fprintf(stderr, "Fatal Python error: init_signals: can't initialize signals\n");
    print_uncaught();
    return -1;
  }
  // _PyFaulthandler_Init: -X faulthandler or PYTHONFAULTHANDLER; the development mode turns
  // it on too (config_init_faulthandler after config_init_dev_mode).
  bool faulthandler = config.dev_mode;
  for (const std::string& x : config.xoptions)
    if (x == "faulthandler" || x.rfind("faulthandler=", 0) == 0) faulthandler = true;
  const char* fh_env = config.ignore_environment ? nullptr : std::getenv("PYTHONFAULTHANDLER");
  if (fh_env && *fh_env) faulthandler = true;
  if (faulthandler && modules::faulthandler::enable_at_startup() < 0) {
    print_uncaught();
    return -1;
  }
  // config_init_tracemalloc (-X tracemalloc[=NFRAME] over PYTHONTRACEMALLOC), then
  // init_interp_main's _PyTraceMalloc_Start.
  int tracemalloc_nframe = 0;
  if (!tracemalloc_option(config, &tracemalloc_nframe)) return -1;
  if (tracemalloc_nframe > 0 && modules::tracemalloc::start(tracemalloc_nframe) < 0) {
    std::fprintf(stderr, "Fatal Python error: init_interp_main: can't initialize tracemalloc\n"
                         "Python runtime state: core initialized\n");
    print_uncaught();
    return -1;
  }
  // init_interp_main: import site unless -S (site-packages, sitecustomize, the help/exit
  // builtins).
  if (imp::init_import_site(config) < 0) {
    std::fprintf(stderr, "Fatal Python error: init_import_site: Failed to import the site "
                         "module\n");
    print_uncaught();
    return -1;
  }
  return 0;
}

int run_simple_source(std::string_view source, const std::string& filename,
                      bool set_file_attribute, int flags, bool from_file, bool seekable) {
  Object* m = main_module();
  if (!m) {
    print_exception_and_set_status();
    return -1;
  }
  Ref<> keep = Ref<>::borrow(m);
  Object* d = module_get_dict(m);
  bool set_file_name = false;
  if (set_file_attribute) {
    int has = dict_contains_string(d, "__file__");
    if (has == 0) {
      Ref<> fn = Ref<>::steal(str_from_utf8(filename.data(), ssize(filename.size())));
      if (!fn || dict_set_item_string(d, "__file__", fn.get()) < 0 ||
          dict_set_item_string(d, "__cached__", none()) < 0) {
        print_exception_and_set_status();
        return -1;
      }
      set_file_name = true;
    } else if (has < 0) {
      print_exception_and_set_status();
      return -1;
    }
  }
  int ret = 0;
  compile::FileSource file;
  file.seekable = seekable;
  file.is_stdin = filename == "<stdin>";
  Ref<> code = Ref<>::steal(
      from_file ? compile::compile_file(source, filename, flags, file)
                : compile::compile_string(source, filename, compile::kPyFileInput, flags, -1));
  Ref<> v;
  if (code) v = Ref<>::steal(run_eval_code_obj(code.get(), d, d));
  flush_io();
  if (!v) {
    print_exception_and_set_status();
    ret = -1;
  }
  if (set_file_name) {
    Object* names[2] = {str_intern_from_cstr("__file__"), str_intern_from_cstr("__cached__")};
    for (Object* n : names)
      if (dict_del_item(d, n) < 0) errors::clear();
  }
  return ret;
}

namespace {

// interp->_interactive_src_count: the number of inputs the prompt compiled.
int g_interactive_src_count = 0;

// str(sys.<name>) as UTF-8, "" when missing or failing (pyrun_one_parse_ast's ps1/ps2).
std::string sys_prompt(const char* name) {
  Object* v = sys::get_object(name);
  if (!v) return std::string();
  Ref<> s = Ref<>::steal(object_str(v));
  if (!s) {
    errors::clear();
    return std::string();
  }
  if (!str_check(s.get())) return std::string();
  const char* text = str_as_utf8(s.get());
  if (!text) {
    errors::clear();
    return std::string();
  }
  return text;
}

// sys.stdin.encoding as UTF-8, "" when there is none (pyrun_one_parse_ast, fp == stdin).
std::string stdin_encoding(std::FILE* fp) {
  if (fp != stdin) return std::string();
  Object* in = sys::get_object("stdin");
  if (!in || in == none()) return std::string();
  Ref<> enc = Ref<>::steal(object_getattr_string(in, "encoding"));
  if (!enc) {
    errors::clear();
    return std::string();
  }
  if (!str_check(enc.get())) return std::string();
  const char* text = str_as_utf8(enc.get());
  if (!text) {
    errors::clear();
    return std::string();
  }
  return text;
}

// Sets sys.<name> to text when it is missing (_PyRun_InteractiveLoopObject's defaults).
void default_prompt(const char* name, const char* text) {
  if (sys::get_object(name)) return;
  Ref<> v = Ref<>::steal(str_from_cstr(text));
  if (!v || sys::set_object(name, v.get()) < 0) errors::clear();
}

// linecache._register_code(code, source, "<stdin>") (run_mod with interactive source).
int register_interactive_source(Object* code, const std::string& source) {
  Ref<> linecache = Ref<>::steal(imp::import_module("linecache"));
  if (!linecache) return -1;
  Ref<> fn = Ref<>::steal(object_getattr_string(linecache.get(), "_register_code"));
  if (!fn) return -1;
  Ref<> src = Ref<>::steal(str_from_utf8(source.data(), ssize(source.size())));
  Ref<> name = Ref<>::steal(str_from_cstr("<stdin>"));
  if (!src || !name) return -1;
  Object* args[3] = {code, src.get(), name.get()};
  Ref<> r = Ref<>::steal(vectorcall(fn.get(), args, 3, nullptr));
  return r ? 0 : -1;
}

// PyRun_InteractiveOneObjectEx's "fix text attribute": a SyntaxError the compiler raised for
// an input gets its line (newline kept) from the input's source.
void fix_syntax_error_text(const std::string& source) {
  Object* exc = errors::get_raised_exception();
  if (exc && object_is_instance(exc, reinterpret_cast<Object*>(exc_SyntaxError)) > 0) {
    Ref<> lineno = Ref<>::steal(object_getattr_string(exc, "lineno"));
    long n = lineno && long_check(lineno.get()) ? long_as_long(lineno.get()) : 0;
    if (!lineno || (n == -1 && errors::occurred())) errors::clear();
    size_t pos = 0;
    long current = 1;
    while (current < n && pos < source.size()) {
      size_t nl = source.find('\n', pos);
      if (nl == std::string::npos) {
        pos = source.size();
        break;
      }
      pos = nl + 1;
      current++;
    }
    if (n > 0 && current == n && pos < source.size()) {
      size_t nl = source.find('\n', pos);
      size_t end = nl == std::string::npos ? source.size() : nl + 1;
      Ref<> line = Ref<>::steal(str_from_utf8(source.data() + pos, ssize(end - pos)));
      if (!line || object_setattr_string(exc, "text", line.get()) < 0) errors::clear();
    }
  }
  errors::set_raised_exception(exc);
}

// PyRun_InteractiveOneObjectEx (with pyrun_one_parse_ast and run_mod): one statement read
// through the tokenizer (_PyParser_InteractiveASTFromFile: the primary prompt, then the
// secondary one for every line the tokenizer asks for), compiled as "<stdin-N>" with the
// future features carried in *flags, registered with linecache and run in __main__. Returns
// 0, 1 at end of file (E_EOF), or -1 with the exception set.
int run_interactive_one(std::FILE* fp, int* flags) {
  parser::InteractiveInput input;
  input.encoding = stdin_encoding(fp);
  input.ps1 = sys_prompt("ps1");
  input.ps2 = sys_prompt("ps2");
  // tok_underflow_interactive's PyOS_Readline(fp, stdout, prompt).
  input.readline = [fp](const char* prompt, std::string* line) {
    char* p = os_readline(fp, stdout, prompt);
    if (!p) return -1;
    line->assign(p);
    std::free(p);
    return 0;
  };
  input.end_prompt_line = [] { write_std_stream(2, "\n"); };
  ast::Arena arena;
  bool eof = false;
  std::string source;
  ast::mod_ty mod = compile::parse_interactive(input, "<stdin>", *flags, &arena, &eof, &source);
  if (!mod) {
    if (eof) {
      errors::clear();
      return 1;
    }
    return -1;
  }
  Object* m = main_module();
  if (!m) return -1;
  Ref<> keep = Ref<>::borrow(m);
  Object* d = module_get_dict(m);
  // run_mod: the input's own name, counted whether or not it compiles.
  std::string filename = "<stdin-" + std::to_string(g_interactive_src_count++) + ">";
  Ref<> code = Ref<>::steal(compile::compile_mod(mod, filename, flags, &arena));
  if (!code) {
    fix_syntax_error_text(source);
    return -1;
  }
  if (register_interactive_source(code.get(), source) < 0) return -1;
  register_source(filename, source);
  Ref<> v = Ref<>::steal(run_eval_code_obj(code.get(), d, d));
  if (!v) return -1;
  flush_io();
  return 0;
}

}  // namespace

ReadlineFunction readline_function = nullptr;

namespace {

// my_fgets of Parser/myreadline.c: fgets with the GIL released; EINTR runs the signal
// handlers (a raising handler interrupts the read) and reads again. 0: read, -1: end of
// file, -2: error, 1: interrupted.
int my_fgets(char* buf, int len, std::FILE* fp) {
  for (;;) {
    runtime::ThreadState* ts = save_thread();
    errno = 0;
    std::clearerr(fp);
    char* p = std::fgets(buf, len, fp);
    int err = errno;
    restore_thread(ts);
    if (p) return 0;
    if (std::feof(fp)) {
      std::clearerr(fp);
      return -1;
    }
    if (err == EINTR) {
      if (modules::_signal::check_signals() < 0) return 1;
      continue;
    }
    return -2;
  }
}

// The thread reading in os_readline (_PyOS_ReadlineTState).
runtime::ThreadState* g_readline_tstate = nullptr;

}  // namespace

// PyOS_StdioReadline: sys.stdout's C stream flushed, the prompt on stderr, then fgets
// chunks until a newline or end of file. An interrupted read drops the partial line.
char* stdio_readline(std::FILE* in, std::FILE* out, const char* prompt) {
  std::fflush(out);
  if (prompt) std::fputs(prompt, stderr);
  std::fflush(stderr);
  size_t n = 0;
  char* p = nullptr;
  do {
    size_t incr = n > 0 ? n + 2 : 100;
    if (incr > INT_MAX) {
      std::free(p);
      errors::set_string(exc_OverflowError, "input line too long");
      return nullptr;
    }
    char* pr = static_cast<char*>(std::realloc(p, n + incr));
    if (!pr) {
      std::free(p);
      errors::set_string(exc_MemoryError, "");
      return nullptr;
    }
    p = pr;
    int err = my_fgets(p + n, static_cast<int>(incr), in);
    if (err == 1) {
      std::free(p);
      return nullptr;
    }
    if (err != 0) {
      p[n] = '\0';
      break;
    }
    n += std::strlen(p + n);
  } while (n == 0 || p[n - 1] != '\n');
  return p;
}

char* os_readline(std::FILE* in, std::FILE* out, const char* prompt) {
  runtime::ThreadState* ts = runtime::thread_state();
  if (g_readline_tstate && g_readline_tstate == ts) {
    errors::set_string(exc_RuntimeError, "can't re-enter readline");
    return nullptr;
  }
  g_readline_tstate = ts;
  char* rv = readline_function && isatty(fileno(in)) && isatty(fileno(out))
                 ? readline_function(in, out, prompt)
                 : stdio_readline(in, out, prompt);
  g_readline_tstate = nullptr;
  return rv;
}

int run_interactive_loop(std::FILE* fp) {
  default_prompt("ps1", ">>> ");
  default_prompt("ps2", "... ");
  int nomem_count = 0;
  int flags = 0;  // PyCompilerFlags: future features carried from one input to the next
  for (;;) {
    int ret = run_interactive_one(fp, &flags);
    if (ret == 1) return 0;
    if (ret < 0 && errors::occurred()) {
      // Endless MemoryErrors end the loop; a single one is reported like any exception.
      if (errors::occurred() == exc_MemoryError) {
        if (++nomem_count > 16) {
          errors::clear();
          return -1;
        }
      } else {
        nomem_count = 0;
      }
      print_exception_and_set_status();
      flush_io();
      if (g_exit_status >= 0) return -1;
    } else {
      nomem_count = 0;
    }
  }
}

namespace {

// flush_std_files: a stream already closed is left alone; a failing flush of sys.stdout is
// reported and makes the exit status 120.
int flush_std_files(int status) {
  auto file_is_closed = [](Object* f) {
    Ref<> closed = Ref<>::steal(object_getattr_string(f, "closed"));
    if (!closed) {
      errors::clear();
      return false;
    }
    int r = object_is_true(closed.get());
    if (r < 0) errors::clear();
    return r > 0;
  };
  Object* out = sys::get_object("stdout");
  if (out && out != none() && !file_is_closed(out)) {
    Ref<> keep = Ref<>::borrow(out);
    Ref<> r = Ref<>::steal(call_method_no_args(out, str_intern_from_cstr("flush")));
    if (!r) {
      errors::format_unraisable("Exception ignored on flushing sys.stdout");
      status = 120;  // Py_RunMain: whatever the exit status was
    }
  }
  Object* err = sys::get_object("stderr");
  if (err && err != none() && !file_is_closed(err)) {
    Ref<> keep = Ref<>::borrow(err);
    Ref<> r = Ref<>::steal(call_method_no_args(err, str_intern_from_cstr("flush")));
    if (!r) {
      errors::clear();
      status = 120;
    }
  }
  if (std::fflush(stdout) != 0 && status == 0) status = 120;
  std::fflush(stderr);
  return status;
}

}  // namespace

int finalize_main(int status) {
  // Py_FinalizeEx: non-daemon threads are joined (threading._shutdown), then the atexit
  // callbacks run while the interpreter is intact. From then on, other threads that want
  // the GIL hang (_PyInterpreterState_SetFinalizing). The standard streams are flushed, a
  // collection runs the finalizers while the modules still exist, the modules are torn down
  // (the program's objects finalized, files flushed and closed), and the streams are
  // flushed again for what the finalizers printed.
  modules::_thread::wait_for_thread_shutdown();
  modules::atexit::run_exitfuncs();
  set_finalizing_thread(runtime::thread_state());
  status = flush_std_files(status);
  gc::collect();
  finalize_modules();
  status = flush_std_files(status);
  if (g_unhandled_keyboard_interrupt) {
    // exit_sigint (Modules/main.c): die of SIGINT's default action so that the parent sees
    // the interruption (bpo-1054041).
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    if (sigaction(SIGINT, &dfl, nullptr) == -1) {
      std::perror("signal");
    } else if (kill(getpid(), SIGINT) != 0) {
      std::perror("kill");
    }
    return SIGINT + 128;
  }
  return status;
}

namespace {

// The status of a run: SystemExit's, else 1 after an uncaught exception.
int status_of(int ret) {
  if (g_exit_status >= 0) return g_exit_status;
  return ret < 0 ? 1 : 0;
}

// config_run_code: whether -c, -m or a script names the program.
bool runs_code(const runtime::Config& config) {
  return config.run_command || config.run_module ||
         (config.run_filename && *config.run_filename != "-");
}

// stdin_is_interactive: a terminal, or -i.
bool stdin_is_interactive(const runtime::Config& config) {
  return isatty(fileno(stdin)) || config.interactive;
}

// pymain_header: the version banner on stderr when the prompt starts without a program.
void print_header(const runtime::Config& config) {
  if (config.quiet) return;
  if (!config.verbose && (runs_code(config) || !stdin_is_interactive(config))) return;
  std::string text = "Python " + sys_prompt("version") + " on " + sys_prompt("platform") + "\n";
  if (config.site_import)
    text += "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n";
  write_std_stream(2, text);
}

// pymain_run_interactive_hook: sys.__interactivehook__() when site set it. false when it
// failed (the failure is reported).
bool run_interactive_hook() {
  Object* hook = sys::get_object("__interactivehook__");
  if (!hook) return true;
  Ref<> r = Ref<>::steal(object_call_no_args(hook));
  if (r) return true;
  write_std_stream(2, "Failed calling sys.__interactivehook__\n");
  print_exception_and_set_status();
  return false;
}

// pymain_run_startup: the file PYTHONSTARTUP names runs in __main__ before the first prompt.
void run_startup_file(const runtime::Config& config) {
  const char* path = config.ignore_environment ? nullptr : std::getenv("PYTHONSTARTUP");
  if (!path || !*path) return;
  std::FILE* f = std::fopen(path, "rb");
  if (!f) {
    int err = errno;
    write_std_stream(2, "Could not open PYTHONSTARTUP\n");
    Ref<> fn = Ref<>::steal(str_from_cstr(path));
    if (fn) modules::posix::errno_error(err, fn.get());  // PyErr_SetFromErrnoWithFilenameObjects
    print_exception_and_set_status();
    return;
  }
  bool ok = false;
  std::string source = read_stream(f, &ok);
  std::fclose(f);
  run_simple_source(source, path, true, 0, true);
  errors::clear();
}

// pymain_run_stdin: the prompt when stdin is interactive (a terminal, or -i), else stdin's
// text as the program, named "<stdin>".
int run_stdin(const runtime::Config& config) {
  if (stdin_is_interactive(config)) {
    // The prompt's SystemExit exits (pymain_set_inspect(config, 0)).
    g_inspect = false;
    run_startup_file(config);
    if (g_exit_status >= 0 || !run_interactive_hook()) return -1;
    // _Py_FdIsInteractive: a terminal, or -i with "<stdin>". cppy's prompt is the basic REPL
    // on a terminal too (CPython's _pyrepl needs termios and curses).
    return run_interactive_loop(stdin);
  }
  bool ok = false;
  // A pipe cannot seek: fp_setreadl's lseek fails there ("encoding problem: X").
  bool seekable = lseek(fileno(stdin), 0, SEEK_CUR) != -1;
  std::string source = read_stream(stdin, &ok);
  return run_simple_source(source, "<stdin>", true, 0, true, seekable);
}

// pymain_repl: after -c, -m or a script, -i (or PYTHONINSPECT set by then) opens the prompt.
void run_repl_after_code(const runtime::Config& config) {
  bool inspect = config.inspect ||
                 (!config.ignore_environment && std::getenv("PYTHONINSPECT") &&
                  *std::getenv("PYTHONINSPECT"));
  if (!(inspect && stdin_is_interactive(config) && runs_code(config))) return;
  g_inspect = false;
  if (!run_interactive_hook()) return;
  run_interactive_loop(stdin);
}

}  // namespace

int run_main(const runtime::Config& config) {
  if (initialize_main(config) < 0) return 1;
  // pymain_run_python: sys.path[0] is the script's directory, the current directory for -m,
  // or '' for -c, stdin and the prompt (none with -P / PYTHONSAFEPATH).
  if (imp::insert_sys_path0(config) < 0) {
    print_exception_and_set_status();
    return status_of(-1);
  }
  print_header(config);
  g_inspect = config.inspect;
  int ret = 0;
  if (config.run_command) {
    // pymain_run_command: the dedented command as UTF-8, named "<string>".
    std::string command = dedent(*config.run_command);
    ret = run_simple_source(command, "<string>", false, parser::kPyCF_IGNORE_COOKIE);
  } else if (config.run_module) {
    // pymain_run_module: runpy._run_module_as_main(module, True).
    if (imp::run_module(*config.run_module, true) < 0) {
      print_exception_and_set_status();
      ret = -1;
    }
  } else if (config.run_filename && *config.run_filename != "-") {
    // pymain_run_file: the absolute path names the file (config_run_filename_abspath).
    std::string filename = *config.run_filename;
    if (!filename.empty() && filename[0] != '/') {
      char cwd[4096];
      if (getcwd(cwd, sizeof cwd)) filename = std::string(cwd) + "/" + filename;
    }
    if (is_pyc_file(filename.c_str())) {
      ret = run_pyc_main(filename.c_str());
    } else {
      std::FILE* f = std::fopen(filename.c_str(), "rb");
      if (!f) {
        int err = errno;
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                     config.program_name.c_str(), filename.c_str(), err, std::strerror(err));
        return 2;
      }
      bool ok = false;
      std::string source = read_stream(f, &ok);
      std::fclose(f);
      if (config.skip_source_first_line) {
        // -x: the first line is skipped but its newline kept, so that lines keep their numbers.
        size_t nl = source.find('\n');
        source = nl == std::string::npos ? std::string() : source.substr(nl);
      }
      ret = run_simple_source(source, filename, true, 0, true);
    }
  } else {
    ret = run_stdin(config);
  }
  if (g_exit_status < 0) run_repl_after_code(config);
  return finalize_main(status_of(ret));
}

int run_pyc_main(const char* path) {
  Object* m = main_module();
  if (!m) {
    print_exception_and_set_status();
    return -1;
  }
  Object* globals = module_get_dict(m);
  Ref<> file = Ref<>::steal(str_from_cstr(path));
  if (!file || dict_set_item_string(globals, "__file__", file.get()) < 0 ||
      dict_set_item_string(globals, "__cached__", none()) < 0) {
    print_exception_and_set_status();
    return -1;
  }
  Ref<> code = Ref<>::steal(marshal::read_pyc_file(path));
  Ref<> result;
  if (code) result = Ref<>::steal(run_eval_code_obj(code.get(), globals, globals));
  flush_io();
  if (!result) {
    print_exception_and_set_status();
    return -1;
  }
  return 0;
}

int run_pyc_file(const char* path) {
  runtime::Config config;
  config.argv = {path};
  config.orig_argv = {"cppy", path};
  if (initialize_main(config) < 0) return 1;
  return finalize_main(status_of(run_pyc_main(path)));
}

}  // namespace cppy::vm
