// The warnings machinery: Python/_warnings.c. The filters, the once registry and the default
// action live here (interp->warnings); the `warnings` module, once imported, replaces them by
// its own attributes, which are looked up on every warning as CPython does.
#include "modules/_warnings/warnings.h"

#include <cstdarg>
#include <fstream>
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/context.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/clinic_args.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pystate.h"
#include "runtime/thread.h"
#include "sys/sysmodule.h"
#include "vm/ceval.h"
#include "vm/ceval_gil.h"
#include "vm/frame.h"

namespace cppy::modules::_warnings {

using namespace objects;

namespace {

// struct _warnings_runtime_state.
struct WarningsState {
  Object* filters = nullptr;
  Object* once_registry = nullptr;
  Object* default_action = nullptr;
  Object* context = nullptr;  // the ContextVar "_warnings_context"
  long filters_version = 0;
  // The recursive mutex (_PyRecursiveMutex) guarding the filters.
  runtime::RawLock* lock = nullptr;
  unsigned long lock_owner = 0;
  long lock_count = 0;
};

WarningsState& state() {
  static WarningsState st;
  return st;
}

// create_filter: (action, None, category, modname or None, 0).
Object* create_filter(TypeObject* category, const char* action, const char* modname) {
  Ref<> action_str = Ref<>::steal(str_from_cstr(action));
  Ref<> mod = modname ? Ref<>::steal(str_intern_from_cstr(modname)) : Ref<>::borrow(none());
  Ref<> zero = Ref<>::steal(long_from_long(0));
  if (!action_str || !mod || !zero) return nullptr;
  return tuple_pack(5, action_str.get(), none(), static_cast<Object*>(category), mod.get(),
                    zero.get());
}

// init_filters: the default filters of a release build.
Object* init_filters() {
  Ref<> filters = Ref<>::steal(list_new(0));
  if (!filters) return nullptr;
  struct {
    TypeObject* category;
    const char* action;
    const char* modname;
  } defaults[] = {{exc_DeprecationWarning, "default", "__main__"},
                  {exc_DeprecationWarning, "ignore", nullptr},
                  {exc_PendingDeprecationWarning, "ignore", nullptr},
                  {exc_ImportWarning, "ignore", nullptr},
                  {exc_ResourceWarning, "ignore", nullptr}};
  for (auto& d : defaults) {
    Ref<> f = Ref<>::steal(create_filter(d.category, d.action, d.modname));
    if (!f || list_append(filters.get(), f.get()) < 0) return nullptr;
  }
  return filters.release();
}

}  // namespace

// _PyWarnings_InitState.
int init_state() {
  WarningsState& st = state();
  if (!st.filters) {
    st.filters = init_filters();
    if (!st.filters) return -1;
  }
  if (!st.once_registry) {
    st.once_registry = dict_new();
    if (!st.once_registry) return -1;
  }
  if (!st.default_action) {
    st.default_action = str_from_cstr("default");
    if (!st.default_action) return -1;
  }
  if (!st.context) {
    if (init_context_types() < 0) return -1;
    st.context = contextvar_new("_warnings_context", nullptr);
    if (!st.context) return -1;
  }
  if (!st.lock) {
    st.lock = runtime::allocate_lock();
    if (!st.lock) {
      errors::no_memory();
      return -1;
    }
  }
  st.filters_version = 0;
  return 0;
}

namespace {

void warnings_lock() {
  WarningsState& st = state();
  unsigned long me = runtime::get_thread_ident();
  if (st.lock_count > 0 && st.lock_owner == me) {
    ++st.lock_count;
    return;
  }
  if (runtime::acquire_lock_timed(st.lock, 0) != runtime::LockStatus::kAcquired) {
    vm::AllowThreads allow;
    runtime::acquire_lock_timed(st.lock, -1);
  }
  st.lock_owner = me;
  st.lock_count = 1;
}

int warnings_unlock() {  // _PyRecursiveMutex_TryUnlock: -1 when not held by this thread
  WarningsState& st = state();
  if (st.lock_count == 0 || st.lock_owner != runtime::get_thread_ident()) return -1;
  if (--st.lock_count == 0) {
    st.lock_owner = 0;
    runtime::release_lock(st.lock);
  }
  return 0;
}

bool warnings_lock_held() { return state().lock_count > 0; }

// PyImport_GetModule / PyImport_Import of "warnings": sys.modules first, then __import__.
Object* get_warnings_module(bool try_import) {
  Object* mods = modules_dict();
  if (mods) {
    Object* m = dict_get_item_string(mods, "warnings");
    if (m && m != none()) return new_ref(m);
  }
  if (!try_import) return nullptr;
  Object* builtins = vm::builtins_dict();
  Object* import = builtins ? dict_get_item_string(builtins, "__import__") : nullptr;
  if (!import) return nullptr;
  Ref<> name = Ref<>::steal(str_from_cstr("warnings"));
  if (!name) return nullptr;
  Object* m = object_call_one_arg(import, name.get());
  if (!m) {
    // Fall back on the C implementation when the Python one cannot be had.
    if (errors::exception_matches(reinterpret_cast<Object*>(exc_ImportError))) errors::clear();
    return nullptr;
  }
  return m;
}

// get_warnings_attr: warnings.<attr> (new reference) or null, with or without an error.
Object* get_warnings_attr(const char* attr, bool try_import) {
  Ref<> m = Ref<>::steal(get_warnings_module(try_import));
  if (!m) return nullptr;
  Ref<> name = Ref<>::steal(str_from_cstr(attr));
  if (!name) return nullptr;
  Object* obj = nullptr;
  (void)object_get_optional_attr(m.get(), name.get(), &obj);
  return obj;
}

// check_matched: None matches; an exact str compares equal; else obj.match(arg).
int check_matched(Object* obj, Object* arg) {
  if (obj == none()) return 1;
  if (obj->type == &str_type) {
    int r = object_rich_compare_bool(obj, arg, kEQ);
    return r;
  }
  Ref<> match = Ref<>::steal(str_from_cstr("match"));
  Ref<> result = Ref<>::steal(call_method_one_arg(obj, match.get(), arg));
  if (!result) return -1;
  return object_is_true(result.get());
}

Object* get_warnings_context_filters() {  // new reference, None, or null
  Object* ctx = nullptr;
  if (contextvar_get(state().context, nullptr, &ctx) < 0) return nullptr;
  if (!ctx) return return_none();
  Ref<> c = Ref<>::steal(ctx);
  Ref<> filters = Ref<>::steal(object_getattr_string(c.get(), "_filters"));
  if (!filters) return nullptr;
  if (!list_check(filters.get())) {
    return errors::format(exc_ValueError,
                          "_filters of warnings._warnings_context must be a list");
  }
  return filters.release();
}

Object* get_warnings_filters() {  // borrowed
  WarningsState& st = state();
  Object* f = get_warnings_attr("filters", false);
  if (!f) {
    if (errors::occurred()) return nullptr;
  } else {
    xsetref(st.filters, f);
  }
  if (!st.filters || !list_check(st.filters)) {
    return errors::format(exc_ValueError, "_warnings.filters must be a list");
  }
  return st.filters;
}

Object* get_once_registry() {  // borrowed
  WarningsState& st = state();
  Object* registry = get_warnings_attr("onceregistry", false);
  if (!registry) {
    if (errors::occurred()) return nullptr;
    return st.once_registry;
  }
  if (!dict_check(registry)) {
    errors::format(exc_TypeError, "_warnings.onceregistry must be a dict, not '%.200s'",
                   registry->type->name);
    decref(registry);
    return nullptr;
  }
  xsetref(st.once_registry, registry);
  return registry;
}

Object* get_default_action() {  // borrowed
  WarningsState& st = state();
  Object* action = get_warnings_attr("defaultaction", false);
  if (!action) {
    if (errors::occurred()) return nullptr;
    return st.default_action;
  }
  if (!str_check(action)) {
    errors::format(exc_TypeError, "_warnings.defaultaction must be a string, not '%.200s'",
                   action->type->name);
    decref(action);
    return nullptr;
  }
  xsetref(st.default_action, action);
  return action;
}

// filter_search: false on error; *matched_action borrowed from *item (a new reference).
bool filter_search(Object* category, Object* text, ssize lineno, Object* module,
                   const char* list_name, Object* filters, Object** item, Object** matched_action) {
  *matched_action = nullptr;
  for (ssize i = 0; i < list_size(filters); ++i) {
    Object* tmp = list_item(filters, i);
    if (!tuple_check(tmp) || tuple_size(tmp) != 5) {
      errors::format(exc_ValueError, "warnings.%s item %zd isn't a 5-tuple", list_name, i);
      return false;
    }
    Ref<> hold = Ref<>::borrow(tmp);
    Object* action = tuple_item(tmp, 0);
    Object* msg = tuple_item(tmp, 1);
    Object* cat = tuple_item(tmp, 2);
    Object* mod = tuple_item(tmp, 3);
    Object* ln_obj = tuple_item(tmp, 4);
    if (!str_check(action)) {
      errors::format(exc_TypeError, "action must be a string, not '%.200s'", action->type->name);
      return false;
    }
    int good_msg = check_matched(msg, text);
    if (good_msg < 0) return false;
    int good_mod = check_matched(mod, module);
    if (good_mod < 0) return false;
    int is_subclass = object_is_subclass(category, cat);
    if (is_subclass < 0) return false;
    ssize ln = number_as_ssize(ln_obj, exc_OverflowError);
    if (ln == -1 && errors::occurred()) return false;
    if (good_msg && is_subclass && good_mod && (ln == 0 || lineno == ln)) {
      *item = hold.release();
      *matched_action = action;
      return true;
    }
  }
  return true;
}

// get_filter: the action (borrowed) and the matching filter (new reference in *item).
Object* get_filter(Object* category, Object* text, ssize lineno, Object* module, Object** item) {
  Ref<> context_filters = Ref<>::steal(get_warnings_context_filters());
  if (!context_filters) return nullptr;
  if (context_filters.get() != none()) {
    Object* action = nullptr;
    if (!filter_search(category, text, lineno, module, "_warnings_context _filters",
                       context_filters.get(), item, &action)) {
      return nullptr;
    }
    if (action) return action;
  } else {
    Object* filters = get_warnings_filters();
    if (!filters) return nullptr;
    Object* action = nullptr;
    if (!filter_search(category, text, lineno, module, "filters", filters, item, &action)) {
      return nullptr;
    }
    if (action) return action;
  }
  Object* action = get_default_action();
  if (action) {
    *item = new_ref(none());
    return action;
  }
  return nullptr;
}

int already_warned(Object* registry, Object* key, bool should_set) {
  if (!key) return -1;
  WarningsState& st = state();
  Ref<> version_key = Ref<>::steal(str_from_cstr("version"));
  Object* version_obj = nullptr;
  if (dict_get_item_ref(registry, version_key.get(), &version_obj) < 0) return -1;
  Ref<> version = Ref<>::steal(version_obj);
  bool should_update = !version || !long_check_exact(version.get()) ||
                       long_as_long(version.get()) != st.filters_version;
  if (should_update) {
    if (errors::occurred()) return -1;
    dict_clear(registry);
    Ref<> v = Ref<>::steal(long_from_long(st.filters_version));
    if (!v || dict_set_item(registry, version_key.get(), v.get()) < 0) return -1;
  } else {
    Object* warned = nullptr;
    if (dict_get_item_ref(registry, key, &warned) < 0) return -1;
    if (warned) {
      int rc = object_is_true(warned);
      decref(warned);
      if (rc != 0) return rc;
    }
  }
  if (should_set) return dict_set_item(registry, key, true_object());
  return 0;
}

int update_registry(Object* registry, Object* text, Object* category, bool add_zero) {
  Ref<> altkey;
  if (add_zero) {
    Ref<> zero = Ref<>::steal(long_from_long(0));
    altkey = Ref<>::steal(tuple_pack(3, text, category, zero.get()));
  } else {
    altkey = Ref<>::steal(tuple_pack(2, text, category));
  }
  return already_warned(registry, altkey.get(), true);
}

int write_to(Object* file, Object* text) {
  Ref<> write = Ref<>::steal(str_from_cstr("write"));
  Ref<> r = Ref<>::steal(call_method_one_arg(file, write.get(), text));
  return r ? 0 : -1;
}
int write_cstr(Object* file, const char* s) {
  Ref<> t = Ref<>::steal(str_from_cstr(s));
  return t ? write_to(file, t.get()) : -1;
}

// _Py_DisplaySourceLine with indent 2: the stripped line of the file, if it can be read.
void display_source_line(Object* file, Object* filename, int lineno) {
  const char* path = str_check(filename) ? str_as_utf8(filename) : nullptr;
  if (!path) {
    errors::clear();
    return;
  }
  std::ifstream in(path);
  if (!in) return;
  std::string line;
  for (int i = 0; i < lineno; ++i)
    if (!std::getline(in, line)) return;
  size_t b = line.find_first_not_of(" \t\f");
  if (b == std::string::npos) return;
  size_t e = line.find_last_not_of(" \t\f\r\n");
  std::string out = "  " + line.substr(b, e - b + 1) + "\n";
  Ref<> s = Ref<>::steal(str_decode_utf8(out.data(), static_cast<ssize>(out.size()), "replace"));
  if (s) write_to(file, s.get());
}

// show_warning: "filename:lineno: category: text" on sys.stderr without the warnings module.
void show_warning(Object* filename, int lineno, Object* text, Object* category,
                  Object* sourceline) {
  Ref<> name = Ref<>::steal(object_getattr_string(category, "__name__"));
  Object* f = name ? sys::get_object("stderr") : nullptr;
  if (name && (!f || f == none())) {
    std::fprintf(stderr, "lost sys.stderr\n");
  } else if (name) {
    Ref<> fn = Ref<>::steal(object_str(filename));
    Ref<> nm = Ref<>::steal(object_str(name.get()));
    Ref<> tx = Ref<>::steal(object_str(text));
    if (fn && nm && tx) {
      Ref<> head = Ref<>::steal(str_from_format("%U:%d: %U: %U\n", fn.get(), lineno, nm.get(), tx.get()));
      if (head && write_to(f, head.get()) == 0) {
        if (sourceline) {
          // CPython strips the indentation into a variable it then does not use.
          write_to(f, sourceline);
          write_cstr(f, "\n");
        } else {
          display_source_line(f, filename, lineno);
        }
      }
    }
  }
  errors::clear();
}

int call_show_warning(Object* category, Object* text, Object* message, Object* filename,
                      int lineno, Object* lineno_obj, Object* sourceline, Object* source) {
  Ref<> show_fn = Ref<>::steal(get_warnings_attr("_showwarnmsg", true));
  if (!show_fn) {
    if (errors::occurred()) return -1;
    show_warning(filename, lineno, text, category, sourceline);
    return 0;
  }
  if (!callable_check(show_fn.get())) {
    errors::format(exc_TypeError, "warnings._showwarnmsg() must be set to a callable");
    return -1;
  }
  Ref<> warnmsg_cls = Ref<>::steal(get_warnings_attr("WarningMessage", false));
  if (!warnmsg_cls) {
    if (!errors::occurred()) {
      errors::format(exc_RuntimeError, "unable to get warnings.WarningMessage");
    }
    return -1;
  }
  Ref<> msg = Ref<>::steal(object_call_function_obj_args(
      warnmsg_cls.get(), message, category, filename, lineno_obj, none(), none(),
      source ? source : none(), nullptr));
  if (!msg) return -1;
  Ref<> res = Ref<>::steal(object_call_one_arg(show_fn.get(), msg.get()));
  return res ? 0 : -1;
}

// normalize_module: "<unknown>" for an empty name, the name without a ".py" suffix.
Object* normalize_module(Object* filename) {
  ssize len = str_length(filename);
  if (len < 0) return nullptr;
  if (len == 0) return str_from_cstr("<unknown>");
  if (len >= 3 && str_read_char(filename, len - 3) == '.' && str_read_char(filename, len - 2) == 'p' &&
      str_read_char(filename, len - 1) == 'y') {
    return str_substring(filename, 0, len - 3);
  }
  return new_ref(filename);
}

bool action_is(Object* action, const char* s) { return str_compare_cstr(action, s) == 0; }

// warn_explicit: the warning's fate by the filters; None or null.
Object* warn_explicit(Object* category, Object* message, Object* filename, int lineno,
                      Object* module, Object* registry, Object* sourceline, Object* source) {
  if (module == none()) return return_none();
  if (registry && !dict_check(registry) && registry != none()) {
    return errors::format(exc_TypeError, "'registry' must be a dict or None");
  }
  // Normalize the module: the file name without ".py" when none is given.
  Ref<> module_hold;
  if (!module) {
    module_hold = Ref<>::steal(normalize_module(filename));
    if (!module_hold) return nullptr;
    module = module_hold.get();
  }
  Ref<> msg = Ref<>::borrow(message);
  Ref<> text;
  if (type_check(message, exc_Warning)) {
    text = Ref<>::steal(object_str(message));
    if (!text) return nullptr;
    category = reinterpret_cast<Object*>(message->type);
  } else {
    text = Ref<>::borrow(message);
    msg = Ref<>::steal(object_call_one_arg(category, message));
    if (!msg) return nullptr;
  }
  Ref<> lineno_obj = Ref<>::steal(long_from_long(lineno));
  if (!lineno_obj) return nullptr;
  if (source == none()) source = nullptr;
  Ref<> key = Ref<>::steal(tuple_pack(3, text.get(), category, lineno_obj.get()));
  if (!key) return nullptr;
  bool have_registry = registry && registry != none();
  if (have_registry) {
    int rc = already_warned(registry, key.get(), false);
    if (rc < 0) return nullptr;
    if (rc == 1) return return_none();
  }
  Object* item_raw = nullptr;
  Object* action = get_filter(category, text.get(), lineno, module, &item_raw);
  Ref<> item = Ref<>::steal(item_raw);
  if (!action) return nullptr;
  Ref<> action_hold = Ref<>::borrow(action);
  if (action_is(action, "error")) {
    errors::set_object(reinterpret_cast<TypeObject*>(category), msg.get());
    return nullptr;
  }
  if (action_is(action, "ignore")) return return_none();
  int rc = 0;
  if (!action_is(action, "always") && !action_is(action, "all")) {
    if (have_registry && dict_set_item(registry, key.get(), true_object()) < 0) return nullptr;
    if (action_is(action, "once")) {
      if (!have_registry) {
        registry = get_once_registry();
        if (!registry) return nullptr;
      }
      rc = update_registry(registry, text.get(), category, false);
    } else if (action_is(action, "module")) {
      if (have_registry) rc = update_registry(registry, text.get(), category, false);
    } else if (!action_is(action, "default")) {
      return errors::format(exc_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R",
                            action, item.get());
    }
  }
  if (rc == 1) return return_none();
  if (rc < 0) return nullptr;
  if (call_show_warning(category, text.get(), msg.get(), filename, lineno, lineno_obj.get(),
                        sourceline, source) < 0) {
    return nullptr;
  }
  return return_none();
}

// ---- frames (setup_context) --------------------------------------------------------------------

vm::Frame* first_complete(vm::Frame* f) {
  while (f && vm::frame_is_incomplete(f)) f = f->previous;
  return f;
}
vm::Frame* frame_back(vm::Frame* f) { return first_complete(f->previous); }
Object* frame_filename(vm::Frame* f) { return vm::frame_code(f)->co_filename; }

bool is_internal_filename(Object* filename) {
  if (!str_check(filename)) return false;
  const char* s = str_as_utf8(filename);
  if (!s) {
    errors::clear();
    return false;
  }
  std::string f(s);
  return f.find("importlib") != std::string::npos && f.find("_bootstrap") != std::string::npos;
}

bool is_filename_to_skip(Object* filename, Object* skip_file_prefixes) {
  if (!skip_file_prefixes || !str_check(filename)) return false;
  for (ssize i = 0; i < tuple_size(skip_file_prefixes); ++i) {
    Object* prefix = tuple_item(skip_file_prefixes, i);
    Ref<> sw = Ref<>::steal(str_from_cstr("startswith"));
    Ref<> r = Ref<>::steal(call_method_one_arg(filename, sw.get(), prefix));
    if (!r) {
      errors::clear();
      return false;
    }
    if (r.get() == true_object()) return true;
  }
  return false;
}

bool is_internal_frame(vm::Frame* f) { return f && is_internal_filename(frame_filename(f)); }

vm::Frame* next_external_frame(vm::Frame* f, Object* skip_file_prefixes) {
  do {
    f = frame_back(f);
  } while (f && (is_internal_filename(frame_filename(f)) ||
                 is_filename_to_skip(frame_filename(f), skip_file_prefixes)));
  return f;
}

// setup_context: the filename, line, module and registry of the frame stack_level up.
bool setup_context(ssize stack_level, Object* skip_file_prefixes, Object** filename, int* lineno,
                   Object** module, Object** registry) {
  if (skip_file_prefixes) {
    for (ssize i = 0; i < tuple_size(skip_file_prefixes); ++i) {
      Object* prefix = tuple_item(skip_file_prefixes, i);
      if (!str_check(prefix)) {
        errors::format(exc_TypeError, "Found non-str '%s' in skip_file_prefixes.",
                       prefix->type->name);
        return false;
      }
    }
  }
  runtime::ThreadState* ts = runtime::thread_state();
  vm::Frame* f = first_complete(ts->current_frame);
  // Stack levels are one off from Python code: there is no warnings frame to skip.
  if (stack_level <= 0 || is_internal_frame(f)) {
    while (--stack_level > 0 && f) f = frame_back(f);
  } else {
    while (--stack_level > 0 && f) f = next_external_frame(f, skip_file_prefixes);
  }
  Object* globals = nullptr;
  if (!f) {
    Object* sysmod = sys::sys_module();
    globals = sysmod ? module_get_dict(sysmod) : nullptr;
    *filename = str_from_cstr("<sys>");
    *lineno = 0;
  } else {
    globals = f->f_globals;
    *filename = new_ref(frame_filename(f));
    *lineno = vm::frame_get_line(f);
  }
  if (!*filename) return false;
  *module = nullptr;
  *registry = nullptr;
  if (!globals || !dict_check(globals)) {
    // No globals to hold a registry (no sys module yet): a fresh one.
    *registry = dict_new();
    *module = str_from_cstr("<string>");
    if (*registry && *module) return true;
  } else {
    Ref<> reg_key = Ref<>::steal(str_from_cstr("__warningregistry__"));
    if (dict_get_item_ref(globals, reg_key.get(), registry) < 0) goto error;
    if (!*registry) {
      *registry = dict_new();
      if (!*registry || dict_set_item(globals, reg_key.get(), *registry) < 0) goto error;
    }
    Ref<> name_key = Ref<>::steal(str_from_cstr("__name__"));
    int rc = dict_get_item_ref(globals, name_key.get(), module);
    if (rc < 0) goto error;
    if (rc > 0) {
      if (*module == none() || str_check(*module)) return true;
      clear(*module);
    }
    *module = str_from_cstr("<string>");
    if (*module) return true;
  }
error:
  xdecref(*registry);
  xdecref(*module);
  decref(*filename);
  return false;
}

// get_category: the category a warning has (borrowed), or null with TypeError.
Object* get_category(Object* message, Object* category) {
  if (type_check(message, exc_Warning)) return reinterpret_cast<Object*>(message->type);
  if (!category || category == none()) return reinterpret_cast<Object*>(exc_UserWarning);
  if (!type_check_type(category) ||
      !is_subtype(reinterpret_cast<TypeObject*>(category), exc_Warning)) {
    return errors::format(exc_TypeError, "category must be a Warning subclass, not '%s'",
                          category->type->name);
  }
  return category;
}

Object* do_warn(Object* message, Object* category, ssize stack_level, Object* source,
                Object* skip_file_prefixes) {
  Object *filename = nullptr, *module = nullptr, *registry = nullptr;
  int lineno = 0;
  if (!setup_context(stack_level, skip_file_prefixes, &filename, &lineno, &module, &registry))
    return nullptr;
  warnings_lock();
  Object* res = warn_explicit(category, message, filename, lineno, module, registry, nullptr,
                              source);
  warnings_unlock();
  decref(filename);
  decref(registry);
  decref(module);
  return res;
}

// ---- the module functions ---------------------------------------------------------------------

// warnings_warn_impl: warn(message, category=None, stacklevel=1, source=None, *,
// skip_file_prefixes=<unrepresentable>).
Object* warnings_warn(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"message", "category", "stacklevel", "source",
                                   "skip_file_prefixes", nullptr};
  static const ArgParser parser = {"warn", kw, 1, 4, 0};
  Object* a[5] = {nullptr, nullptr, nullptr, nullptr, nullptr};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  ssize stacklevel = 1;
  if (a[2]) {
    Ref<> idx = Ref<>::steal(number_index(a[2]));
    if (!idx) return nullptr;
    stacklevel = number_as_ssize(idx.get(), exc_OverflowError);
    if (stacklevel == -1 && errors::occurred()) return nullptr;
  }
  Object* skip = a[4];
  if (skip && !tuple_check(skip)) {
    bad_argument("warn", "'skip_file_prefixes'", "tuple", skip);
    return nullptr;
  }
  Object* category = get_category(a[0], a[1]);
  if (!category) return nullptr;
  if (skip) {
    if (tuple_size(skip) > 0) {
      if (stacklevel < 2) stacklevel = 2;
    } else {
      skip = nullptr;
    }
  }
  return do_warn(a[0], category, stacklevel, a[3] ? a[3] : none(), skip);
}

// get_source_line: the line of the module's source through its loader's get_source().
Object* get_source_line(Object* module_globals, int lineno) {
  Object* mods = modules_dict();
  Object* external = mods ? dict_get_item_string(mods, "_frozen_importlib_external") : nullptr;
  if (!external) return nullptr;
  Ref<> bless = Ref<>::steal(str_from_cstr("_bless_my_loader"));
  Ref<> loader = Ref<>::steal(call_method_one_arg(external, bless.get(), module_globals));
  if (!loader) return nullptr;
  if (loader.get() == none()) return nullptr;
  Ref<> name_key = Ref<>::steal(str_from_cstr("__name__"));
  Object* module_name = nullptr;
  if (dict_get_item_ref(module_globals, name_key.get(), &module_name) <= 0) return nullptr;
  Ref<> mn = Ref<>::steal(module_name);
  Ref<> gs_name = Ref<>::steal(str_from_cstr("get_source"));
  Object* get_source = nullptr;
  (void)object_get_optional_attr(loader.get(), gs_name.get(), &get_source);
  if (!get_source) return nullptr;
  Ref<> gs = Ref<>::steal(get_source);
  Ref<> source = Ref<>::steal(object_call_one_arg(gs.get(), mn.get()));
  if (!source || source.get() == none()) return nullptr;
  Ref<> lines_name = Ref<>::steal(str_from_cstr("splitlines"));
  Ref<> lines = Ref<>::steal(call_method_no_args(source.get(), lines_name.get()));
  if (!lines) return nullptr;
  if (lineno - 1 < 0 || lineno - 1 >= list_size(lines.get())) {
    errors::format(exc_IndexError, "list index out of range");
    return nullptr;
  }
  return new_ref(list_item(lines.get(), lineno - 1));
}

// warnings_warn_explicit_impl: warn_explicit(message, category, filename, lineno,
// module=<unrepresentable>, registry=None, module_globals=None, source=None).
Object* warnings_warn_explicit(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"message", "category", "filename", "lineno", "module",
                                   "registry", "module_globals", "source", nullptr};
  static const ArgParser parser = {"warn_explicit", kw, 4, 8, 0};
  Object* a[8] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!str_check(a[2])) {
    bad_argument("warn_explicit", "'filename'", "str", a[2]);
    return nullptr;
  }
  if (float_check(a[3])) {
    return errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
  }
  long ln = long_as_long(a[3]);
  if (ln == -1 && errors::occurred()) return nullptr;
  if (ln > INT32_MAX || ln < INT32_MIN) {
    return errors::format(exc_OverflowError, ln > 0 ? "signed integer is greater than maximum"
                                                    : "signed integer is less than minimum");
  }
  int lineno = static_cast<int>(ln);
  Object* registry = a[5] ? a[5] : none();
  Object* module_globals = a[6];
  Ref<> source_line;
  if (module_globals && module_globals != none()) {
    if (!dict_check(module_globals)) {
      return errors::format(exc_TypeError, "module_globals must be a dict, not '%.200s'",
                            module_globals->type->name);
    }
    source_line = Ref<>::steal(get_source_line(module_globals, lineno));
    if (!source_line && errors::occurred()) return nullptr;
  }
  warnings_lock();
  Object* r = warn_explicit(a[1], a[0], a[2], lineno, a[4], registry, source_line.get(),
                            a[7] ? a[7] : none());
  warnings_unlock();
  return r;
}

Object* warnings_filters_mutated_lock_held(Object*, Object*) {
  if (!warnings_lock_held()) {
    return errors::format(exc_RuntimeError, "warnings lock is not held");
  }
  state().filters_version++;
  return return_none();
}

Object* warnings_acquire_lock(Object*, Object*) {
  warnings_lock();
  return return_none();
}

Object* warnings_release_lock(Object*, Object*) {
  if (warnings_unlock() < 0) {
    return errors::format(exc_RuntimeError, "cannot release un-acquired lock");
  }
  return return_none();
}

MethodDef functions[] = {
    {"warn", reinterpret_cast<void*>(warnings_warn), kMethFastcall | kMethKeywords,
     "warn($module, /, message, category=None, stacklevel=1, source=None, *,\n     "
     "skip_file_prefixes=<unrepresentable>)\n--\n\nIssue a warning, or maybe ignore it or raise "
     "an exception.\n\n  message\n    Text of the warning message.\n  category\n    The Warning "
     "category subclass. Defaults to UserWarning.\n  stacklevel\n    How far up the call stack to "
     "make this warning appear. A value of 2 for\n    example attributes the warning to the "
     "caller of the code calling warn().\n  source\n    If supplied, the destroyed object which "
     "emitted a ResourceWarning\n  skip_file_prefixes\n    An optional tuple of module filename "
     "prefixes indicating frames to skip\n    during stacklevel computations for stack frame "
     "attribution."},
    {"warn_explicit", reinterpret_cast<void*>(warnings_warn_explicit),
     kMethFastcall | kMethKeywords,
     "warn_explicit($module, /, message, category, filename, lineno,\n              "
     "module=<unrepresentable>, registry=None, module_globals=None,\n              "
     "source=None)\n--\n\nIssue a warning, or maybe ignore it or raise an exception."},
    {"_filters_mutated_lock_held", reinterpret_cast<void*>(warnings_filters_mutated_lock_held),
     kMethNoArgs, "_filters_mutated_lock_held($module, /)\n--\n\n"},
    {"_acquire_lock", reinterpret_cast<void*>(warnings_acquire_lock), kMethNoArgs,
     "_acquire_lock($module, /)\n--\n\n"},
    {"_release_lock", reinterpret_cast<void*>(warnings_release_lock), kMethNoArgs,
     "_release_lock($module, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

// warnings_module_exec.
int warnings_exec(Object* m) {
  if (init_state() < 0) return -1;
  WarningsState& st = state();
  if (module_add_object_ref(m, "filters", st.filters) < 0) return -1;
  if (module_add_object_ref(m, "_onceregistry", st.once_registry) < 0) return -1;
  if (module_add_object_ref(m, "_defaultaction", st.default_action) < 0) return -1;
  if (module_add_object_ref(m, "_warnings_context", st.context) < 0) return -1;
  return 0;
}

ModuleDef warnings_def = {
    "_warnings",
    "_warnings provides basic warning filtering support.\nIt is a helper module to speed up "
    "interpreter start-up.",
    functions, warnings_exec};

// warn_unicode.
int warn_unicode(Object* category, Object* message, ssize stack_level, Object* source) {
  if (init_state() < 0) return -1;
  if (!category) category = reinterpret_cast<Object*>(exc_RuntimeWarning);
  Object* res = do_warn(message, category, stack_level, source, nullptr);
  if (!res) return -1;
  decref(res);
  return 0;
}

}  // namespace

ModuleDef* module_def() { return &warnings_def; }

int warn(Object* category, Object* message, ssize stack_level, Object* source) {
  return warn_unicode(category, message, stack_level, source);
}

int warn_explicit_object(Object* category, Object* message, Object* filename, int lineno,
                         Object* module, Object* registry) {
  if (init_state() < 0) return -1;
  if (!category) category = reinterpret_cast<Object*>(exc_RuntimeWarning);
  warnings_lock();
  Object* res = warn_explicit(category, message, filename, lineno, module, registry, nullptr,
                              nullptr);
  warnings_unlock();
  if (!res) return -1;
  decref(res);
  return 0;
}

void warn_unawaited_coroutine(Object* coro, Object* qualname) {
  // _PyErr_WarnUnawaitedCoroutine: warnings._warn_unawaited_coroutine(coro) first, then the
  // plain RuntimeWarning; never raises.
  bool warned = false;
  Ref<> fn = Ref<>::steal(get_warnings_attr("_warn_unawaited_coroutine", true));
  if (fn) {
    Ref<> res = Ref<>::steal(object_call_one_arg(fn.get(), coro));
    if (res || errors::exception_matches(reinterpret_cast<Object*>(exc_RuntimeWarning)))
      warned = true;
  }
  if (errors::occurred()) errors::format_unraisable("Exception ignored while finalizing coroutine %R", coro);
  if (!warned) {
    Ref<> msg = Ref<>::steal(str_from_format("coroutine '%S' was never awaited", qualname));
    if (!msg || warn_unicode(reinterpret_cast<Object*>(exc_RuntimeWarning), msg.get(), 1, coro) < 0)
      errors::format_unraisable("Exception ignored while finalizing coroutine %R", coro);
  }
}

}  // namespace cppy::modules::_warnings

namespace cppy::errors {

using objects::Object;

// PyErr_WarnEx.
int warn_ex(TypeObject* category, const char* message, int stacklevel) {
  Object* msg = objects::str_from_cstr(message);
  if (!msg) return -1;
  int r = modules::_warnings::warn(reinterpret_cast<Object*>(category), msg, stacklevel, nullptr);
  objects::decref(msg);
  return r;
}

// PyErr_WarnFormat.
int warn_format(TypeObject* category, int stacklevel, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  Object* msg = objects::str_from_format_v(fmt, va);
  va_end(va);
  if (!msg) return -1;
  int r = modules::_warnings::warn(reinterpret_cast<Object*>(category), msg, stacklevel, nullptr);
  objects::decref(msg);
  return r;
}

// The warning call of the runtime: warn(category, message, stacklevel).
int warn(TypeObject* category, Object* message, objects::ssize stacklevel) {
  return modules::_warnings::warn(reinterpret_cast<Object*>(category), message, stacklevel,
                                  nullptr);
}

// PyErr_ResourceWarning.
int resource_warning(Object* source, objects::ssize stacklevel, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  Object* msg = objects::str_from_format_v(fmt, va);
  va_end(va);
  if (!msg) return -1;
  int r = modules::_warnings::warn(reinterpret_cast<Object*>(objects::exc_ResourceWarning), msg,
                                   stacklevel, source);
  objects::decref(msg);
  return r;
}

// PyErr_WarnExplicitObject.
int warn_explicit_object(TypeObject* category, Object* message, Object* filename, int lineno,
                         Object* module, Object* registry) {
  return modules::_warnings::warn_explicit_object(reinterpret_cast<Object*>(category), message,
                                                  filename, lineno, module, registry);
}

}  // namespace cppy::errors
