// The error indicator: Python/errors.c.
#include "errors/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pystate.h"
#include "sys/sysmodule.h"

namespace cppy::errors {

using namespace objects;
using runtime::ThreadState;

namespace {

ThreadState* ts() { return runtime::thread_state(); }

// _PyErr_CreateException: type() for no value, type(*value) for a tuple, type(value) else.
Object* create_exception(TypeObject* type, Object* value) {
  if (value == nullptr || value == none()) return object_call_no_args(type);
  if (tuple_check(value)) return object_call(type, value, nullptr);
  return object_call_one_arg(type, value);
}

// _PyErr_GetTopmostException: the innermost exception being handled, skipping empty entries.
Object* topmost_handled() {
  runtime::ErrStackItem* item = ts()->exc_info;
  while (item && (item->exc_value == nullptr || item->exc_value == none()) &&
         item->previous_item)
    item = item->previous_item;
  return item ? item->exc_value : nullptr;
}

}  // namespace

TypeObject* occurred() {
  Object* exc = ts()->current_exception;
  return exc ? exc->type : nullptr;
}

void set_raised_exception(Object* exc) {
  ThreadState* t = ts();
  Object* old = t->current_exception;
  t->current_exception = exc;
  xdecref(old);
}

Object* get_raised_exception() {
  ThreadState* t = ts();
  Object* exc = t->current_exception;
  t->current_exception = nullptr;
  return exc;
}

void clear() { set_raised_exception(nullptr); }

// _PyErr_SetObject: normalises value into an instance of type and chains the exception
// being handled as its __context__, breaking any cycle that would create.
void set_object(TypeObject* type, Object* value) {
  if (type != nullptr && !exception_class_check(type)) {
    format(exc_SystemError, "_PyErr_SetObject: exception %R is not a BaseException subclass",
           static_cast<Object*>(type));
    return;
  }
  Ref<> val = Ref<>::borrow(value);
  if (!val || !exception_check(val.get())) {
    // Create the instance with no exception set, so that its constructor does not chain.
    Object* saved = get_raised_exception();
    Object* created = create_exception(type, val.get());
    if (!created) {
      xdecref(saved);
      return;
    }
    set_raised_exception(saved);
    val = Ref<>::steal(created);
    if (!exception_check(val.get())) {
      format(exc_TypeError,
             "calling %R should have returned an instance of BaseException, not %s",
             static_cast<Object*>(type), val->type->name);
      return;
    }
  }
  Object* handled = topmost_handled();
  if (handled && handled != none() && handled != val.get()) {
    // Floyd's cycle detection along the __context__ chain of the handled exception.
    Object* o = handled;
    Object* slow = o;
    bool slow_update = false;
    while (true) {
      Object* context = static_cast<BaseExceptionObject*>(o)->context;
      if (!context) break;
      if (context == val.get()) {
        objects::clear(static_cast<BaseExceptionObject*>(o)->context);
        break;
      }
      o = context;
      if (o == slow) break;  // pre-existing cycle: all exceptions on the path were visited
      if (slow_update) slow = static_cast<BaseExceptionObject*>(slow)->context;
      slow_update = !slow_update;
    }
    exception_set_context(val.get(), new_ref(handled));
  }
  set_raised_exception(val.release());
}

void set_string(TypeObject* type, const char* message) {
  Object* s = str_from_cstr(message);
  if (!s) return;
  set_object(type, s);
  decref(s);
}

void set_none(TypeObject* type) { set_object(type, nullptr); }

std::nullptr_t format_v(TypeObject* type, const char* fmt, va_list va) {
  // _PyErr_FormatV clears first, so that the message is built without an exception set.
  clear();
  Object* s = str_from_format_v(fmt, va);
  if (s) {
    set_object(type, s);
    decref(s);
  }
  return nullptr;
}

std::nullptr_t format(TypeObject* type, const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  format_v(type, fmt, va);
  va_end(va);
  return nullptr;
}

// PyErr_GivenExceptionMatches: given may be an instance or a class; exc a class or a tuple.
bool given_exception_matches(Object* given, Object* exc) {
  if (given == nullptr || exc == nullptr) return false;
  if (tuple_check(exc)) {
    ssize n = tuple_size(exc);
    for (ssize i = 0; i < n; ++i)
      if (given_exception_matches(given, tuple_item(exc, i))) return true;
    return false;
  }
  if (exception_check(given)) given = given->type;
  if (exception_class_check(given) && exception_class_check(exc))
    return is_subtype(static_cast<TypeObject*>(given), static_cast<TypeObject*>(exc));
  return given == exc;
}

bool exception_matches(Object* exc) {
  Object* cur = ts()->current_exception;
  return cur && given_exception_matches(cur, exc);
}

std::nullptr_t no_memory() {
  set_none(exc_MemoryError);
  return nullptr;
}

void bad_internal_call() {
  set_string(exc_SystemError, "bad argument to internal function");
}

std::nullptr_t set_from_errno(TypeObject* type) {
  int e = errno;
  Ref<> args = Ref<>::steal(tuple_new(2));
  if (!args) return nullptr;
  Object* num = long_from_long(e);
  Object* msg = str_from_cstr(e ? std::strerror(e) : "Error");
  if (!num || !msg) {
    xdecref(num);
    xdecref(msg);
    return nullptr;
  }
  tuple_set_item(args.get(), 0, num);
  tuple_set_item(args.get(), 1, msg);
  set_object(type, args.get());
  return nullptr;
}

namespace {
// Prints "Type: message" for exc, as the default unraisablehook's last line does.
void print_exception_line(Object* exc) {
  std::fprintf(stderr, "%s", type_short_name(exc->type));
  Object* s = object_str(exc);
  if (s) {
    ssize n = 0;
    const char* text = str_as_utf8(s, &n);
    if (text && n) std::fprintf(stderr, ": %s", text);
    decref(s);
  } else {
    clear();
  }
  std::fprintf(stderr, "\n");
}

void print_unraisable(const char* prefix, Object* obj, Object* exc) {
  std::fprintf(stderr, "%s", prefix);
  if (obj) {
    Object* r = object_repr(obj);
    if (r) {
      std::fprintf(stderr, ": %s", str_as_utf8(r));
      decref(r);
    } else {
      clear();
      std::fprintf(stderr, ": <object repr() failed>");
    }
  }
  std::fprintf(stderr, "\n");
  if (exc) print_exception_line(exc);
}
}  // namespace

// PyErr_WriteUnraisable: reported through sys.unraisablehook as "Exception ignored in: <obj>".
void write_unraisable(Object* obj) {
  Object* exc = get_raised_exception();
  if (!exc) return;
  if (sys::sys_module()) {
    sys::handle_unraisable(exc, nullptr, obj);
  } else {
    print_unraisable("Exception ignored in", obj, exc);
  }
  decref(exc);
}

// PyErr_FormatUnraisable: the formatted message in place of "Exception ignored in".
void format_unraisable(const char* fmt, ...) {
  Object* exc = get_raised_exception();
  va_list va;
  va_start(va, fmt);
  Object* msg = str_from_format_v(fmt, va);
  va_end(va);
  if (!msg) clear();
  if (exc && sys::sys_module()) {
    sys::handle_unraisable(exc, msg, nullptr);
  } else if (exc) {
    print_unraisable(msg ? str_as_utf8(msg) : "Exception ignored", nullptr, exc);
  }
  xdecref(msg);
  xdecref(exc);
}

// _PyErr_FormatNote.
void format_note(const char* fmt, ...) {
  Object* exc = get_raised_exception();
  if (!exc) return;
  va_list va;
  va_start(va, fmt);
  Ref<> note = Ref<>::steal(str_from_format_v(fmt, va));
  va_end(va);
  if (!note) {
    chain_exceptions1(exc);
    return;
  }
  Ref<> r = Ref<>::steal(call_method_one_arg(exc, str_intern_from_cstr("add_note"), note.get()));
  if (!r) {
    chain_exceptions1(exc);
    return;
  }
  set_raised_exception(exc);
}

Object* get_handled_exception() {
  Object* e = topmost_handled();
  if (!e || e == none()) return nullptr;
  return new_ref(e);
}

void set_handled_exception(Object* exc) {
  if (exc == none()) exc = nullptr;
  xsetref(ts()->exc_info->exc_value, xnew_ref(exc));
}

void chain_exceptions1(Object* exc) {
  if (!exc) return;
  if (ts()->current_exception) {
    Object* cur = get_raised_exception();
    exception_set_context(cur, exc);
    set_raised_exception(cur);
  } else {
    set_raised_exception(exc);
  }
}

std::nullptr_t format_from_cause(TypeObject* type, const char* fmt, ...) {
  Object* cause = get_raised_exception();
  va_list va;
  va_start(va, fmt);
  format_v(type, fmt, va);
  va_end(va);
  Object* exc = get_raised_exception();
  if (exc && cause) {
    exception_set_cause(exc, new_ref(cause));
    exception_set_context(exc, cause);
    cause = nullptr;
  }
  xdecref(cause);
  set_raised_exception(exc);
  return nullptr;
}

// warn_ex, warn_format, warn, resource_warning, warn_explicit_object: modules/_warnings.

}  // namespace cppy::errors
