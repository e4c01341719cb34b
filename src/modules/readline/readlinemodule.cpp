// The readline module: Modules/readline.c over Debian's GNU readline. Importing it installs
// call_readline as the prompt reader of the REPL and of input() on a terminal
// (vm::readline_function, PyOS_ReadlineFunctionPointer). Text crosses the C library as
// UTF-8 with surrogateescape (cppy's locale encoding).
//
// CPython calls the reader with the GIL released and the readline callbacks take it back
// with PyGILState_Ensure. cppy calls it with the GIL held and releases it only while
// select() waits for input, so the completer and the hooks run as ordinary calls.
#include "modules/readline/readlinemodule.h"

#include <locale.h>
#include <signal.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

// readline's headers use FILE and the C library's declarations.
#include <readline/history.h>
#include <readline/readline.h>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "modules/posix/posix_internal.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/unicodeobject.h"
#include "vm/ceval_gil.h"
#include "vm/pythonrun.h"

namespace cppy::modules::readline {

using namespace objects;

namespace {

// readlinestate: one module per process, as the library's state is global.
struct State {
  Object* completion_display_matches_hook = nullptr;
  Object* startup_hook = nullptr;
  Object* pre_input_hook = nullptr;
  Object* completer = nullptr;
  Object* begidx = nullptr;
  Object* endidx = nullptr;
};
State state;

char* completer_word_break_characters = nullptr;
int history_length_limit = -1;  // _history_length: no truncation
bool should_auto_add_history = true;

// encode / decode (PyUnicode_EncodeLocale / PyUnicode_DecodeLocale with surrogateescape).
bool encode(Object* s, std::string* out) {
  if (!str_check(s)) {
    errors::set_string(exc_TypeError, "bad argument type for built-in operation");
    return false;
  }
  return posix::encode_fs(s, out);
}
Object* decode(const char* s) { return posix::decode_fs(s ? s : "", s ? std::strlen(s) : 0); }

// disable_bracketed_paste: the basic REPL does not handle bracketed paste.
void disable_bracketed_paste() { rl_variable_bind("enable-bracketed-paste", "off"); }

// The int converter of Argument Clinic.
bool int_arg(Object* o, int* out) {
  if (float_check(o)) {
    errors::set_string(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  long v = long_as_long(o);
  if (v == -1 && errors::occurred()) return false;
  if (v > INT32_MAX || v < INT32_MIN) {
    errors::set_string(exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int(v);
  return true;
}

// An optional filename (PyUnicode_FSConverter); None or absent gives null.
bool filename_arg(const char* fname, Object* o, posix::Path* p) {
  if (!o || o == none()) {
    p->null = true;
    return true;
  }
  return posix::convert_path(fname, "filename", o, p, false, true);
}

Object* rl_parse_and_bind_fn(Object*, Object* string) {
  std::string s;
  if (!encode(string, &s)) return nullptr;
  // rl_parse_and_bind modifies its argument: it gets a copy.
  std::string copy = s;
  rl_parse_and_bind(copy.data());
  return return_none();
}

Object* rl_read_init_file_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("read_init_file", nargs, 0, 1)) return nullptr;
  posix::Path p;
  if (!filename_arg("read_init_file", nargs ? args[0] : nullptr, &p)) return nullptr;
  errno = rl_read_init_file(p.null ? nullptr : p.c_str());
  if (errno) return errors::set_from_errno(exc_OSError);
  disable_bracketed_paste();
  return return_none();
}

Object* rl_read_history_file_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("read_history_file", nargs, 0, 1)) return nullptr;
  posix::Path p;
  if (!filename_arg("read_history_file", nargs ? args[0] : nullptr, &p)) return nullptr;
  errno = read_history(p.null ? nullptr : p.c_str());
  if (errno) return errors::set_from_errno(exc_OSError);
  return return_none();
}

Object* rl_write_history_file_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("write_history_file", nargs, 0, 1)) return nullptr;
  posix::Path p;
  if (!filename_arg("write_history_file", nargs ? args[0] : nullptr, &p)) return nullptr;
  const char* filename = p.null ? nullptr : p.c_str();
  int err = write_history(filename);
  if (!err && history_length_limit >= 0) history_truncate_file(filename, history_length_limit);
  errno = err;
  if (errno) return errors::set_from_errno(exc_OSError);
  return return_none();
}

Object* rl_append_history_file_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("append_history_file", nargs, 1, 2)) return nullptr;
  int nelements;
  if (!int_arg(args[0], &nelements)) return nullptr;
  if (nelements < 0) {
    errors::set_string(exc_ValueError, "nelements must be positive");
    return nullptr;
  }
  posix::Path p;
  if (!filename_arg("append_history_file", nargs > 1 ? args[1] : nullptr, &p)) return nullptr;
  const char* filename = p.null ? nullptr : p.c_str();
  int err = append_history(nelements, filename);
  if (!err && history_length_limit >= 0) history_truncate_file(filename, history_length_limit);
  errno = err;
  if (errno) return errors::set_from_errno(exc_OSError);
  return return_none();
}

Object* rl_set_history_length_fn(Object*, Object* arg) {
  int length;
  if (!int_arg(arg, &length)) return nullptr;
  history_length_limit = length;
  return return_none();
}

Object* rl_get_history_length_fn(Object*, Object*) { return long_from_long(history_length_limit); }

// set_hook: None clears, a callable is kept, anything else is refused.
Object* set_hook(const char* funcname, Object** hook_var, Object* function) {
  if (!function || function == none()) {
    clear(*hook_var);
  } else if (callable_check(function)) {
    Object* old = *hook_var;
    *hook_var = new_ref(function);
    xdecref(old);
  } else {
    return errors::format(exc_TypeError, "set_%.50s(func): argument not callable", funcname);
  }
  return return_none();
}

void on_completion_display_matches_hook(char** matches, int num_matches, int max_length);

Object* rl_set_completion_display_matches_hook_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("set_completion_display_matches_hook", nargs, 0, 1)) return nullptr;
  Object* r = set_hook("completion_display_matches_hook", &state.completion_display_matches_hook,
                       nargs ? args[0] : nullptr);
  // Not set globally: it replaces the library's own display of the matches.
  rl_completion_display_matches_hook =
      state.completion_display_matches_hook ? on_completion_display_matches_hook : nullptr;
  return r;
}

Object* rl_set_startup_hook_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("set_startup_hook", nargs, 0, 1)) return nullptr;
  return set_hook("startup_hook", &state.startup_hook, nargs ? args[0] : nullptr);
}

Object* rl_set_pre_input_hook_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("set_pre_input_hook", nargs, 0, 1)) return nullptr;
  return set_hook("pre_input_hook", &state.pre_input_hook, nargs ? args[0] : nullptr);
}

Object* rl_get_completion_type_fn(Object*, Object*) { return long_from_long(rl_completion_type); }
Object* rl_get_begidx_fn(Object*, Object*) { return new_ref(state.begidx); }
Object* rl_get_endidx_fn(Object*, Object*) { return new_ref(state.endidx); }

Object* rl_set_completer_delims_fn(Object*, Object* string) {
  std::string s;
  if (!encode(string, &s)) return nullptr;
  // Kept here as well, in case another library changes the readline variable.
  char* break_chars = strdup(s.c_str());
  if (!break_chars) return errors::no_memory();
  std::free(completer_word_break_characters);
  completer_word_break_characters = break_chars;
  rl_completer_word_break_characters = break_chars;
  return return_none();
}

// _py_free_history_entry: the entry, its timestamp and its data.
void free_entry(HIST_ENTRY* entry) {
  histdata_t data = free_history_entry(entry);
  std::free(data);
}

Object* rl_remove_history_item_fn(Object*, Object* arg) {
  int entry_number;
  if (!int_arg(arg, &entry_number)) return nullptr;
  if (entry_number < 0) {
    errors::set_string(exc_ValueError, "History index cannot be negative");
    return nullptr;
  }
  HIST_ENTRY* entry = remove_history(entry_number);
  if (!entry) return errors::format(exc_ValueError, "No history item at position %d", entry_number);
  free_entry(entry);
  return return_none();
}

Object* rl_replace_history_item_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("replace_history_item", nargs, 2, 2)) return nullptr;
  int entry_number;
  if (!int_arg(args[0], &entry_number)) return nullptr;
  if (!str_check(args[1])) {
    bad_argument("replace_history_item", "2", "str", args[1]);
    return nullptr;
  }
  if (entry_number < 0) {
    errors::set_string(exc_ValueError, "History index cannot be negative");
    return nullptr;
  }
  std::string line;
  if (!encode(args[1], &line)) return nullptr;
  HIST_ENTRY* old_entry = replace_history_entry(entry_number, line.c_str(), nullptr);
  if (!old_entry)
    return errors::format(exc_ValueError, "No history item at position %d", entry_number);
  free_entry(old_entry);
  return return_none();
}

Object* rl_add_history_fn(Object*, Object* string) {
  std::string s;
  if (!encode(string, &s)) return nullptr;
  add_history(s.c_str());
  return return_none();
}

Object* rl_set_auto_history_fn(Object*, Object* arg) {
  int v = object_is_true(arg);
  if (v < 0) return nullptr;
  should_auto_add_history = v != 0;
  return return_none();
}

Object* rl_get_completer_delims_fn(Object*, Object*) {
  return decode(rl_completer_word_break_characters);
}

Object* rl_set_completer_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("set_completer", nargs, 0, 1)) return nullptr;
  return set_hook("completer", &state.completer, nargs ? args[0] : nullptr);
}

Object* rl_get_completer_fn(Object*, Object*) {
  return state.completer ? new_ref(state.completer) : return_none();
}

// _py_get_history_length.
int current_history_length() {
  HISTORY_STATE* hist_st = history_get_history_state();
  int length = hist_st->length;
  std::free(hist_st);
  return length;
}

Object* rl_get_history_item_fn(Object*, Object* arg) {
  int idx;
  if (!int_arg(arg, &idx)) return nullptr;
  if (HIST_ENTRY* hist_ent = history_get(idx)) return decode(hist_ent->line);
  return return_none();
}

Object* rl_get_current_history_length_fn(Object*, Object*) {
  return long_from_long(current_history_length());
}

Object* rl_get_line_buffer_fn(Object*, Object*) { return decode(rl_line_buffer); }

Object* rl_clear_history_fn(Object*, Object*) {
  clear_history();
  return return_none();
}

Object* rl_insert_text_fn(Object*, Object* string) {
  std::string s;
  if (!encode(string, &s)) return nullptr;
  rl_insert_text(s.c_str());
  return return_none();
}

Object* rl_redisplay_fn(Object*, Object*) {
  rl_redisplay();
  return return_none();
}

// on_hook: the hook's result as an int; errors are dropped.
int on_hook(Object* func) {
  if (!func) return 0;
  Ref<> r = Ref<>::steal(object_call_no_args(func));
  if (!r) {
    errors::clear();
    return 0;
  }
  if (r.get() == none()) return 0;
  long v = long_as_long(r.get());
  if (v == -1 && errors::occurred()) {
    errors::clear();
    return 0;
  }
  return int(v);
}

int on_startup_hook() { return on_hook(state.startup_hook); }
int on_pre_input_hook() { return on_hook(state.pre_input_hook); }

// on_completion_display_matches_hook: function(substitution, [matches], longest_match_length).
void on_completion_display_matches_hook(char** matches, int num_matches, int max_length) {
  Ref<> m = Ref<>::steal(list_new(num_matches));
  if (!m) {
    errors::clear();
    return;
  }
  for (int i = 0; i < num_matches; ++i) {
    Object* s = decode(matches[i + 1]);
    if (!s) {
      errors::clear();
      return;
    }
    list_set_item(m.get(), i, s);
  }
  Ref<> sub = Ref<>::steal(decode(matches[0]));
  Ref<> len = Ref<>::steal(long_from_long(max_length));
  if (!sub || !len) {
    errors::clear();
    return;
  }
  Object* argv[3] = {sub.get(), m.get(), len.get()};
  Ref<> r = Ref<>::steal(vectorcall(state.completion_display_matches_hook, argv, 3, nullptr));
  if (!r || (r.get() != none() && long_as_long(r.get()) == -1 && errors::occurred()))
    errors::clear();
}

// on_completion: completer(text, state) -> the next match or None.
char* on_completion(const char* text, int st) {
  if (!state.completer) return nullptr;
  rl_attempted_completion_over = 1;
  Ref<> t = Ref<>::steal(decode(text));
  Ref<> n = Ref<>::steal(long_from_long(st));
  if (!t || !n) {
    errors::clear();
    return nullptr;
  }
  Object* argv[2] = {t.get(), n.get()};
  Ref<> r = Ref<>::steal(vectorcall(state.completer, argv, 2, nullptr));
  if (!r) {
    errors::clear();
    return nullptr;
  }
  if (r.get() == none()) return nullptr;
  std::string s;
  if (!encode(r.get(), &s)) {
    errors::clear();
    return nullptr;
  }
  return strdup(s.c_str());
}

// flex_complete: records begidx / endidx (in characters) before the normal completion.
char** flex_complete(const char* text, int start, int end) {
  rl_completion_append_character = '\0';
  rl_completion_suppress_append = 0;
  Ref<> head = Ref<>::steal(posix::decode_fs(rl_line_buffer, size_t(start)));
  Ref<> word = Ref<>::steal(posix::decode_fs(rl_line_buffer + start, size_t(end - start)));
  if (head && word) {
    start = int(str_length(head.get()));
    end = start + int(str_length(word.get()));
  } else {
    errors::clear();
  }
  Object* b = long_from_long(start);
  Object* e = long_from_long(end);
  if (!b || !e) errors::clear();
  Object* old_b = state.begidx;
  Object* old_e = state.endidx;
  state.begidx = b;
  state.endidx = e;
  xdecref(old_b);
  xdecref(old_e);
  return rl_completion_matches(text, on_completion);
}

volatile sig_atomic_t sigwinch_received = 0;
struct sigaction sigwinch_old;

// readline_sigwinch_handler: the window size is read again before the next character.
void sigwinch_handler(int signum) {
  sigwinch_received = 1;
  if (!(sigwinch_old.sa_flags & SA_SIGINFO) && sigwinch_old.sa_handler != SIG_IGN &&
      sigwinch_old.sa_handler != SIG_DFL && sigwinch_old.sa_handler)
    sigwinch_old.sa_handler(signum);
}

// setup_readline.
void setup_readline() {
  // readline's initialisation sets LC_CTYPE from the environment: the caller's stays.
  std::string saved_locale = setlocale(LC_CTYPE, nullptr);
  rl_readline_name = "python";
  using_history();
  // TAB inserts a tab; completion is on ESC-TAB and ESC-ESC until a completer binds TAB.
  rl_bind_key('\t', rl_insert);
  rl_bind_key_in_map('\t', rl_complete, emacs_meta_keymap);
  rl_bind_key_in_map('\033', rl_complete, emacs_meta_keymap);
  struct sigaction sa;
  std::memset(&sa, 0, sizeof(sa));
  sa.sa_handler = sigwinch_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGWINCH, &sa, &sigwinch_old);
  rl_startup_hook = on_startup_hook;
  rl_pre_input_hook = on_pre_input_hook;
  rl_attempted_completion_function = flex_complete;
  // Every non-alphanumeric character but '.'.
  completer_word_break_characters = strdup(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
  rl_completer_word_break_characters = completer_word_break_characters;
  state.begidx = long_from_long(0);
  state.endidx = long_from_long(0);
  // Without a terminal on stdout, no meta-key escape sequence is written there.
  if (!isatty(STDOUT_FILENO)) rl_variable_bind("enable-meta-key", "off");
  rl_initialize();
  disable_bracketed_paste();
  setlocale(LC_CTYPE, saved_locale.c_str());
}

char* completed_input_string = nullptr;
char not_done_reading[] = "";

void rlhandler(char* text) {
  completed_input_string = text;
  rl_callback_handler_remove();
}

// readline_until_enter_or_signal: the callback interface, select() waiting for input with
// the GIL released; a signal runs the handlers and one that raises abandons the line.
char* readline_until_enter_or_signal(const char* prompt, bool* signal) {
  *signal = false;
  rl_catch_signals = 0;
  rl_callback_handler_install(prompt, rlhandler);
  completed_input_string = not_done_reading;
  while (completed_input_string == not_done_reading) {
    int has_input = 0, err = 0;
    while (!has_input) {
      if (sigwinch_received) {
        sigwinch_received = 0;
        rl_resize_terminal();
      }
      fd_set selectset;
      FD_ZERO(&selectset);
      FD_SET(fileno(rl_instream), &selectset);
      runtime::ThreadState* ts = vm::save_thread();
      has_input = select(fileno(rl_instream) + 1, &selectset, nullptr, nullptr, nullptr);
      err = errno;
      vm::restore_thread(ts);
      if (has_input < 0 && err != EINTR) break;
    }
    if (has_input > 0) {
      rl_callback_read_char();
    } else if (err == EINTR) {
      if (_signal::check_signals() < 0) {
        rl_free_line_state();
        rl_callback_sigcleanup();
        rl_cleanup_after_signal();
        rl_callback_handler_remove();
        *signal = true;
        completed_input_string = nullptr;
      }
    } else {
      // select() failed for another reason: treat it as the end of the input.
      rl_callback_handler_remove();
      completed_input_string = nullptr;
    }
  }
  return completed_input_string;
}

// call_readline: a malloc'ed line ending in '\n', "" at end of file, null when a signal
// handler raised (the exception is set).
char* call_readline(std::FILE* sys_stdin, std::FILE* sys_stdout, const char* prompt) {
  std::string saved_locale = setlocale(LC_CTYPE, nullptr);
  setlocale(LC_CTYPE, "");
  if (sys_stdin != rl_instream || sys_stdout != rl_outstream) {
    rl_instream = sys_stdin;
    rl_outstream = sys_stdout;
    rl_prep_terminal(1);
  }
  bool signal;
  char* p = readline_until_enter_or_signal(prompt, &signal);
  if (signal) {
    setlocale(LC_CTYPE, saved_locale.c_str());
    return nullptr;
  }
  if (!p) {
    setlocale(LC_CTYPE, saved_locale.c_str());
    return strdup("");
  }
  size_t n = std::strlen(p);
  if (should_auto_add_history && n > 0) {
    const char* line = "";
    int length = current_history_length();
    if (length > 0) {
      HIST_ENTRY* hist_ent = history_get(length);
      line = hist_ent ? hist_ent->line : "";
    }
    if (std::strcmp(p, line) != 0) add_history(p);
  }
  char* q = static_cast<char*>(std::malloc(n + 2));
  if (q) {
    std::memcpy(q, p, n);
    q[n] = '\n';
    q[n + 1] = '\0';
  }
  std::free(p);
  setlocale(LC_CTYPE, saved_locale.c_str());
  return q;
}

MethodDef readline_methods[] = {
    {"parse_and_bind", reinterpret_cast<void*>(rl_parse_and_bind_fn), kMethO,
     "parse_and_bind($module, string, /)\n--\n\nExecute the init line provided in the string "
     "argument."},
    {"get_line_buffer", reinterpret_cast<void*>(rl_get_line_buffer_fn), kMethNoArgs,
     "get_line_buffer($module, /)\n--\n\nReturn the current contents of the line buffer."},
    {"insert_text", reinterpret_cast<void*>(rl_insert_text_fn), kMethO,
     "insert_text($module, string, /)\n--\n\nInsert text into the line buffer at the cursor "
     "position."},
    {"redisplay", reinterpret_cast<void*>(rl_redisplay_fn), kMethNoArgs,
     "redisplay($module, /)\n--\n\nChange what's displayed on the screen to reflect contents "
     "of the line buffer."},
    {"read_init_file", reinterpret_cast<void*>(rl_read_init_file_fn), kMethFastcall,
     "read_init_file($module, filename=None, /)\n--\n\nExecute a readline initialization "
     "file.\n\nThe default filename is the last filename used."},
    {"read_history_file", reinterpret_cast<void*>(rl_read_history_file_fn), kMethFastcall,
     "read_history_file($module, filename=None, /)\n--\n\nLoad a readline history file.\n\n"
     "The default filename is ~/.history."},
    {"write_history_file", reinterpret_cast<void*>(rl_write_history_file_fn), kMethFastcall,
     "write_history_file($module, filename=None, /)\n--\n\nSave a readline history file.\n\n"
     "The default filename is ~/.history."},
    {"append_history_file", reinterpret_cast<void*>(rl_append_history_file_fn), kMethFastcall,
     "append_history_file($module, nelements, filename=None, /)\n--\n\nAppend the last "
     "nelements items of the history list to file.\n\nThe default filename is ~/.history."},
    {"get_history_item", reinterpret_cast<void*>(rl_get_history_item_fn), kMethO,
     "get_history_item($module, index, /)\n--\n\nReturn the current contents of history item "
     "at one-based index."},
    {"get_current_history_length", reinterpret_cast<void*>(rl_get_current_history_length_fn),
     kMethNoArgs,
     "get_current_history_length($module, /)\n--\n\nReturn the current (not the maximum) "
     "length of history."},
    {"set_history_length", reinterpret_cast<void*>(rl_set_history_length_fn), kMethO,
     "set_history_length($module, length, /)\n--\n\nSet the maximal number of lines which "
     "will be written to the history file.\n\nA negative length is used to inhibit history "
     "truncation."},
    {"get_history_length", reinterpret_cast<void*>(rl_get_history_length_fn), kMethNoArgs,
     "get_history_length($module, /)\n--\n\nReturn the maximum number of lines that will be "
     "written to the history file."},
    {"set_completer", reinterpret_cast<void*>(rl_set_completer_fn), kMethFastcall,
     "set_completer($module, function=None, /)\n--\n\nSet or remove the completer function."
     "\n\nThe function is called as function(text, state),\nfor state in 0, 1, 2, ..., until "
     "it returns a non-string.\nIt should return the next possible completion starting with "
     "'text'."},
    {"get_completer", reinterpret_cast<void*>(rl_get_completer_fn), kMethNoArgs,
     "get_completer($module, /)\n--\n\nGet the current completer function."},
    {"get_completion_type", reinterpret_cast<void*>(rl_get_completion_type_fn), kMethNoArgs,
     "get_completion_type($module, /)\n--\n\nGet the type of completion being attempted."},
    {"get_begidx", reinterpret_cast<void*>(rl_get_begidx_fn), kMethNoArgs,
     "get_begidx($module, /)\n--\n\nGet the beginning index of the completion scope."},
    {"get_endidx", reinterpret_cast<void*>(rl_get_endidx_fn), kMethNoArgs,
     "get_endidx($module, /)\n--\n\nGet the ending index of the completion scope."},
    {"set_completer_delims", reinterpret_cast<void*>(rl_set_completer_delims_fn), kMethO,
     "set_completer_delims($module, string, /)\n--\n\nSet the word delimiters for "
     "completion."},
    {"set_auto_history", reinterpret_cast<void*>(rl_set_auto_history_fn), kMethO,
     "set_auto_history($module, enabled, /)\n--\n\nEnables or disables automatic history."},
    {"add_history", reinterpret_cast<void*>(rl_add_history_fn), kMethO,
     "add_history($module, string, /)\n--\n\nAdd an item to the history buffer."},
    {"remove_history_item", reinterpret_cast<void*>(rl_remove_history_item_fn), kMethO,
     "remove_history_item($module, pos, /)\n--\n\nRemove history item given by its "
     "zero-based position."},
    {"replace_history_item", reinterpret_cast<void*>(rl_replace_history_item_fn),
     kMethFastcall,
     "replace_history_item($module, pos, line, /)\n--\n\nReplaces history item given by its "
     "position with contents of line.\n\npos is zero-based."},
    {"get_completer_delims", reinterpret_cast<void*>(rl_get_completer_delims_fn), kMethNoArgs,
     "get_completer_delims($module, /)\n--\n\nGet the word delimiters for completion."},
    {"set_completion_display_matches_hook",
     reinterpret_cast<void*>(rl_set_completion_display_matches_hook_fn), kMethFastcall,
     "set_completion_display_matches_hook($module, function=None, /)\n--\n\nSet or remove "
     "the completion display function.\n\nThe function is called as\n  function(substitution, "
     "[matches], longest_match_length)\nonce each time matches need to be displayed."},
    {"set_startup_hook", reinterpret_cast<void*>(rl_set_startup_hook_fn), kMethFastcall,
     "set_startup_hook($module, function=None, /)\n--\n\nSet or remove the function invoked "
     "by the rl_startup_hook callback.\n\nThe function is called with no arguments just\n"
     "before readline prints the first prompt."},
    {"set_pre_input_hook", reinterpret_cast<void*>(rl_set_pre_input_hook_fn), kMethFastcall,
     "set_pre_input_hook($module, function=None, /)\n--\n\nSet or remove the function invoked "
     "by the rl_pre_input_hook callback.\n\nThe function is called with no arguments after "
     "the first prompt\nhas been printed and just before readline starts reading input\n"
     "characters."},
    {"clear_history", reinterpret_cast<void*>(rl_clear_history_fn), kMethNoArgs,
     "clear_history($module, /)\n--\n\nClear the current readline history."},
    {nullptr, nullptr, 0, nullptr}};

// PyInit_readline: the version constants, the reader installed, the library set up.
int readline_exec(Object* module) {
  Ref<> v = Ref<>::steal(long_from_long(RL_READLINE_VERSION));
  if (!v || module_add_object_ref(module, "_READLINE_VERSION", v.get()) < 0) return -1;
  v = Ref<>::steal(long_from_long(rl_readline_version));
  if (!v || module_add_object_ref(module, "_READLINE_RUNTIME_VERSION", v.get()) < 0) return -1;
  v = Ref<>::steal(str_from_cstr(rl_library_version));
  if (!v || module_add_object_ref(module, "_READLINE_LIBRARY_VERSION", v.get()) < 0) return -1;
  v = Ref<>::steal(str_from_cstr("readline"));
  if (!v || module_add_object_ref(module, "backend", v.get()) < 0) return -1;
  static bool initialized = false;
  if (!initialized) {
    initialized = true;
    setup_readline();
  }
  vm::readline_function = call_readline;
  return 0;
}

ModuleDef readline_def = {"readline",
                          "Importing this module enables command line editing using GNU "
                          "readline.",
                          readline_methods, readline_exec};

}  // namespace

ModuleDef* module_def() { return &readline_def; }

}  // namespace cppy::modules::readline
