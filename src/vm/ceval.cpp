// The eval loop: Python/ceval.c, Python/bytecodes.c (the tier-1 instructions of CPython
// 3.14.2, unspecialised), Python/ceval_macros.h.
//
// Dispatch is by computed goto (GCC and Clang), with a switch for other compilers. Values on
// the stack are owned references. Python-to-Python calls push the callee's frame on the
// thread's data stack and continue in the same C activation; only calls that go through C
// (builtins, type calls, generators) nest eval_frame.
#include "vm/ceval.h"

#include <cstring>

#include "compile/opcode_ids.h"
#include "compile/opcode_metadata.h"
#include "errors/errors.h"
#include "errors/suggestions.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/cellobject.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/inline_values.h"
#include "objects/genobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/rangeobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/templateobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pystate.h"
#include "vm/ceval_gil.h"
#include "vm/frame.h"
#include "vm/instrumentation.h"
#include "vm/intrinsics.h"
#include "vm/number_fast.h"
#include "vm/specialize.h"
#include "vm/traceback.h"

#if defined(__GNUC__) || defined(__clang__)
#define CPPY_COMPUTED_GOTOS 1
#else
#define CPPY_COMPUTED_GOTOS 0
#endif

namespace cppy::vm {

using namespace objects;
using namespace compile;

volatile int eval_breaker = 0;

namespace {

// Monitoring (instrumentation.cpp): while a tool listens to a local event, every entry of the
// dispatch table is the instrumented entry, and the plain entries stay in real_targets (where
// the instrumented entry and DISPATCH_SAME_OPARG go). Filled when the table is built.
void** dispatch_table = nullptr;
void* real_targets[256];
void* instrumented_entry = nullptr;
bool instrumented_pending = false;

Object* the_builtins = nullptr;

// The inline cache sizes of the instructions that have caches (opcode_caches), checked
// against the generated table by initialize().
constexpr int kCacheToBool = 3, kCacheBinaryOp = 5, kCacheCall = 3, kCacheCompareOp = 1,
              kCacheContainsOp = 1, kCacheForIter = 1, kCacheJumpBackward = 1,
              kCacheLoadAttr = 9, kCacheLoadGlobal = 4, kCacheLoadSuperAttr = 1,
              kCachePopJump = 1, kCacheSend = 1, kCacheStoreAttr = 4, kCacheStoreSubscr = 1,
              kCacheUnpackSequence = 1;

Object* interned(const char* s, Object** cache) {
  if (!*cache) *cache = str_intern_from_cstr(s);
  return *cache;
}
#define NAME(var, text) \
  static Object* var##_cache = nullptr; \
  Object* var = interned(text, &var##_cache)

// --- argument binding (ceval.c initialize_locals and its error messages) -------------------

void format_missing(CodeObject* co, Object* qualname, const char* kind, Object* names) {
  ssize len = list_size(names);
  Ref<> joined;
  if (len == 1) {
    joined.reset(new_ref(list_item(names, 0)));
  } else if (len == 2) {
    joined.reset(str_from_format("%U and %U", list_item(names, 0), list_item(names, 1)));
  } else {
    // "'a', 'b', and 'c'"
    Ref<> acc = Ref<>::steal(str_from_cstr(""));
    for (ssize i = 0; i < len && acc; ++i) {
      Object* piece;
      if (i == len - 1) piece = str_from_format("and %U", list_item(names, i));
      else piece = str_from_format("%U, ", list_item(names, i));
      if (!piece) return;
      acc.reset(str_concat(acc.get(), piece));
      decref(piece);
    }
    joined = std::move(acc);
  }
  (void)co;
  if (!joined) return;
  errors::format(exc_TypeError, "%U() missing %zd required %s argument%s: %U", qualname, len,
                 kind, len == 1 ? "" : "s", joined.get());
}

// missing_arguments: names the missing arguments in [start, end) of localsplus.
void missing_arguments(CodeObject* co, ssize missing, ssize defcount, Object** localsplus,
                       Object* qualname, bool positional) {
  ssize start, end;
  if (positional) {
    start = 0;
    end = co->co_argcount - defcount;
  } else {
    start = co->co_argcount;
    end = start + co->co_kwonlyargcount;
  }
  Ref<> names = Ref<>::steal(list_new(0));
  if (!names) return;
  for (ssize i = start; i < end; ++i) {
    if (localsplus[i]) continue;
    Object* r = object_repr(tuple_item(co->co_localsplusnames, i));
    if (!r) return;
    list_append(names.get(), r);
    decref(r);
  }
  (void)missing;
  format_missing(co, qualname, positional ? "positional" : "keyword-only", names.get());
}

void too_many_positional(CodeObject* co, ssize given, Object* defaults, Object** localsplus,
                         Object* qualname) {
  ssize kwonly_given = 0;
  for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; ++i)
    if (localsplus[i]) ++kwonly_given;
  ssize defcount = defaults ? tuple_size(defaults) : 0;
  Ref<> sig;
  bool plural;
  if (defcount) {
    plural = true;
    sig.reset(str_from_format("from %zd to %d", co->co_argcount - defcount, co->co_argcount));
  } else {
    plural = co->co_argcount != 1;
    sig.reset(str_from_format("%d", co->co_argcount));
  }
  if (!sig) return;
  Ref<> kwonly_sig;
  if (kwonly_given) {
    kwonly_sig.reset(str_from_format(" positional argument%s (and %zd keyword-only argument%s)",
                                     given != 1 ? "s" : "", kwonly_given,
                                     kwonly_given != 1 ? "s" : ""));
  } else {
    kwonly_sig.reset(str_from_cstr(""));
  }
  if (!kwonly_sig) return;
  errors::format(exc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                 qualname, sig.get(), plural ? "s" : "", given, kwonly_sig.get(),
                 given == 1 && !kwonly_given ? "was" : "were");
}

// Binds the arguments into localsplus (references are taken, args stay the caller's).
int initialize_locals(FunctionObject* func, Object** localsplus, Object* const* args,
                      ssize argcount, Object* kwnames) {
  auto* co = static_cast<CodeObject*>(func->func_code);
  const ssize total_args = co->co_argcount + co->co_kwonlyargcount;
  Object* kwdict = nullptr;
  ssize i;
  if (co->co_flags & kCoVarkeywords) {
    kwdict = dict_new();
    if (!kwdict) return -1;
    ssize slot = total_args + ((co->co_flags & kCoVarargs) ? 1 : 0);
    localsplus[slot] = kwdict;
  }
  ssize n = argcount < co->co_argcount ? argcount : co->co_argcount;
  for (i = 0; i < n; ++i) localsplus[i] = new_ref(args[i]);
  if (co->co_flags & kCoVarargs) {
    Object* u = argcount > n ? tuple_from_array(args + n, argcount - n)
                             : new_ref(tuple_empty());
    if (!u) return -1;
    localsplus[total_args] = u;
  }
  if (kwnames) {
    ssize kwcount = tuple_size(kwnames);
    Object* const* kwvalues = args + argcount;
    for (i = 0; i < kwcount; ++i) {
      Object* keyword = tuple_item(kwnames, i);
      Object* value = kwvalues[i];
      if (!str_check(keyword)) {
        errors::format(exc_TypeError, "%U() keywords must be strings", func->func_qualname);
        return -1;
      }
      ssize j;
      Object** names = tuple_items(co->co_localsplusnames);
      for (j = co->co_posonlyargcount; j < total_args; ++j)
        if (names[j] == keyword) goto kw_found;
      for (j = co->co_posonlyargcount; j < total_args; ++j)
        if (str_equal(names[j], keyword)) goto kw_found;
      if (!kwdict) {
        // positional_only_passed_as_keyword, else an unexpected keyword.
        Ref<> posonly = Ref<>::steal(list_new(0));
        if (!posonly) return -1;
        for (ssize k = 0; k < co->co_posonlyargcount; ++k) {
          for (ssize m = 0; m < kwcount; ++m) {
            if (str_equal(names[k], tuple_item(kwnames, m))) {
              list_append(posonly.get(), names[k]);
              break;
            }
          }
        }
        if (list_size(posonly.get()) > 0) {
          NAME(sep, ", ");
          Object* joined = nullptr;
          {
            // ", ".join(names)
            Ref<> acc = Ref<>::borrow(list_item(posonly.get(), 0));
            for (ssize k = 1; k < list_size(posonly.get()) && acc; ++k) {
              Ref<> t = Ref<>::steal(str_concat(acc.get(), sep));
              if (!t) return -1;
              acc.reset(str_concat(t.get(), list_item(posonly.get(), k)));
            }
            joined = acc.release();
          }
          if (!joined) return -1;
          errors::format(exc_TypeError,
                         "%U() got some positional-only arguments passed as keyword "
                         "arguments: '%U'",
                         func->func_qualname, joined);
          decref(joined);
          return -1;
        }
        // The closest keyword the function accepts (_Py_CalculateSuggestions).
        Ref<> suggestion;
        if (total_args > co->co_posonlyargcount) {
          Ref<> possible = Ref<>::steal(list_new(0));
          for (ssize k = co->co_posonlyargcount; possible && k < total_args; ++k)
            if (list_append(possible.get(), names[k]) < 0) possible.reset();
          if (possible) suggestion = Ref<>::steal(errors::calculate_suggestions(possible.get(), keyword));
          errors::clear();
        }
        if (suggestion)
          errors::format(exc_TypeError,
                         "%U() got an unexpected keyword argument '%S'. Did you mean '%S'?",
                         func->func_qualname, keyword, suggestion.get());
        else
          errors::format(exc_TypeError, "%U() got an unexpected keyword argument '%S'",
                         func->func_qualname, keyword);
        return -1;
      }
      if (dict_set_item(kwdict, keyword, value) < 0) return -1;
      continue;
    kw_found:
      if (localsplus[j]) {
        errors::format(exc_TypeError, "%U() got multiple values for argument '%S'",
                       func->func_qualname, keyword);
        return -1;
      }
      localsplus[j] = new_ref(value);
    }
  }
  if (argcount > co->co_argcount && !(co->co_flags & kCoVarargs)) {
    too_many_positional(co, argcount, func->func_defaults, localsplus, func->func_qualname);
    return -1;
  }
  if (argcount < co->co_argcount) {
    ssize defcount = func->func_defaults ? tuple_size(func->func_defaults) : 0;
    ssize m = co->co_argcount - defcount;
    ssize missing = 0;
    for (i = argcount; i < m; ++i)
      if (!localsplus[i]) ++missing;
    if (missing) {
      missing_arguments(co, missing, defcount, localsplus, func->func_qualname, true);
      return -1;
    }
    if (n > m) i = n - m;
    else i = 0;
    if (defcount) {
      Object** defs = tuple_items(func->func_defaults);
      for (; i < defcount; ++i)
        if (!localsplus[m + i]) localsplus[m + i] = new_ref(defs[i]);
    }
  }
  if (co->co_kwonlyargcount > 0) {
    ssize missing = 0;
    for (i = co->co_argcount; i < total_args; ++i) {
      if (localsplus[i]) continue;
      Object* name = tuple_item(co->co_localsplusnames, i);
      if (func->func_kwdefaults) {
        Object* def = dict_get_item_with_error(func->func_kwdefaults, name);
        if (def) {
          localsplus[i] = new_ref(def);
          continue;
        }
        if (errors::occurred()) return -1;
      }
      ++missing;
    }
    if (missing) {
      missing_arguments(co, missing, -1, localsplus, func->func_qualname, false);
      return -1;
    }
  }
  return 0;
}

// _PyEvalFramePushAndInit: a new frame for func with its arguments bound; null on error
// (the frame is then already released).
Frame* push_and_init(FunctionObject* func, Object* locals, Object* const* args, ssize argcount,
                     Object* kwnames, Frame* previous) {
  auto* co = static_cast<CodeObject*>(func->func_code);
  Frame* f = push_frame(size_t(co->co_framesize));
  if (!f) return nullptr;
  frame_initialize(f, func, co, func->func_globals, func->func_builtins, locals, 0);
  f->previous = previous;
  if (initialize_locals(func, f->localsplus, args, argcount, kwnames) < 0) {
    frame_clear(f);
    pop_frame(f);
    return nullptr;
  }
  return f;
}

// --- helpers of the instructions -----------------------------------------------------------

void format_unbound_local(Object* name) {
  format_exc_check_arg(exc_UnboundLocalError,
                       "cannot access local variable '%s' where it is not associated with a "
                       "value",
                       name);
}

void format_unbound_free(CodeObject* co, int oparg) {
  Object* name = code_local_name(co, oparg);
  if (code_local_kind(co, oparg) & kCoFastLocal) {
    format_unbound_local(name);
  } else {
    format_exc_check_arg(exc_NameError,
                         "cannot access free variable '%s' where it is not associated with a "
                         "value in enclosing scope",
                         name);
  }
}

void format_name_error(Object* name) {
  format_exc_check_arg(exc_NameError, "name '%.200s' is not defined", name);
}

// The message of a failed iteration of a non-iterable in `yield from`/await and friends.
void format_awaitable_error(TypeObject* type, int oparg) {
  if (type->as_async == nullptr || type->as_async->await == nullptr) {
    if (oparg == 1)
      errors::format(exc_TypeError,
                     "'async with' received an object from __aenter__ that does not implement "
                     "__await__: %.100s",
                     type->name);
    else if (oparg == 2)
      errors::format(exc_TypeError,
                     "'async with' received an object from __aexit__ that does not implement "
                     "__await__: %.100s",
                     type->name);
  }
}

// UNPACK_SEQUENCE / UNPACK_EX (unpack_iterable): fills sp[0..argcnt+1+argcntafter) from the
// top down; argcntafter -1 for plain unpacking.
int unpack_iterable(Object* v, int argcnt, int argcntafter, Object** sp) {
  Ref<> it = Ref<>::steal(object_get_iter(v));
  if (!it) {
    if (errors::exception_matches(exc_TypeError) && v->type->iter == nullptr &&
        !sequence_check(v)) {
      errors::clear();
      errors::format(exc_TypeError, "cannot unpack non-iterable %.200s object", v->type->name);
    }
    return -1;
  }
  int i = 0;
  Object** top = sp + argcnt + (argcntafter >= 0 ? 1 + argcntafter : 0);
  for (; i < argcnt; ++i) {
    Object* w = iter_next(it.get());
    if (!w) {
      if (!errors::occurred()) {
        if (argcntafter == -1)
          errors::format(exc_ValueError, "not enough values to unpack (expected %d, got %d)",
                         argcnt, i);
        else
          errors::format(exc_ValueError,
                         "not enough values to unpack (expected at least %d, got %d)",
                         argcnt + argcntafter, i);
      }
      goto fail;
    }
    *--top = w;
  }
  if (argcntafter == -1) {
    Object* w = iter_next(it.get());
    if (!w) {
      if (errors::occurred()) goto fail;
      return 0;
    }
    decref(w);
    if (list_check_exact(v) || tuple_check_exact(v) || dict_check_exact(v)) {
      ssize len = object_size(v);
      errors::format(exc_ValueError, "too many values to unpack (expected %d, got %zd)", argcnt,
                     len);
    } else {
      errors::format(exc_ValueError, "too many values to unpack (expected %d)", argcnt);
    }
    goto fail;
  }
  {
    Object* l = sequence_list(it.get());
    if (!l) goto fail;
    *--top = l;
    ++i;
    ssize ll = list_size(l);
    if (ll < argcntafter) {
      errors::format(exc_ValueError,
                     "not enough values to unpack (expected at least %d, got %zd)",
                     argcnt + argcntafter, argcnt + ll);
      goto fail;
    }
    for (int j = argcntafter; j > 0; --j, ++i) *--top = new_ref(list_item(l, ll - j));
    // Shrink the list to the starred part.
    if (list_set_slice(l, ll - argcntafter, ll, nullptr) < 0) goto fail;
  }
  return 0;
fail:
  for (; i > 0; --i) decref(*top++);
  return -1;
}

// _PyEval_ImportName: builtins.__import__(name, globals, locals, fromlist, level), straight
// to the import machinery when __import__ is the default one.
Object* import_name(Frame* frame, Object* name, Object* fromlist, Object* level) {
  NAME(import_str, "__import__");
  // Builtins may be any mapping (globals['__builtins__'] of exec/eval): the mapping protocol.
  Object* import_func = nullptr;
  if (mapping_get_optional_item(frame->f_builtins, import_str, &import_func) < 0) return nullptr;
  if (!import_func) {
    errors::set_string(exc_ImportError, "__import__ not found");
    return nullptr;
  }
  Ref<> import_ref = Ref<>::steal(import_func);
  Object* locals = frame->f_locals ? frame->f_locals : none();
  if (imp::is_default_import_func(import_func)) {
    int ilevel = long_as_int(level);
    if (ilevel == -1 && errors::occurred()) return nullptr;
    return imp::import_module_level_object(name, frame->f_globals, locals, fromlist, ilevel);
  }
  Object* args[5] = {name, frame->f_globals, locals, fromlist, level};
  Ref<> f = Ref<>::borrow(import_func);
  return vectorcall(f.get(), args, 5, nullptr);
}

// _PyEval_ImportFrom (src/imp).
Object* import_from(Object* v, Object* name) { return imp::import_from(v, name); }

// do_raise: RAISE_VARARGS with exc (and cause). Returns true for a bare re-raise that found
// an exception to re-raise (the caller then unwinds without a new traceback entry).
bool do_raise(Object* exc, Object* cause) {
  Object *type = nullptr, *value = nullptr;
  if (!exc) {
    // raise (re-raise the handled exception)
    Object* handled = errors::get_handled_exception();
    if (!handled || handled == none()) {
      xdecref(handled);
      errors::set_string(exc_RuntimeError, "No active exception to reraise");
      return false;
    }
    errors::set_raised_exception(handled);
    return true;
  }
  if (exception_class_check(exc)) {
    type = exc;
    value = object_call_no_args(exc);
    if (!value) goto raise_error;
    if (!exception_check(value)) {
      errors::format(exc_TypeError,
                     "calling %R should have returned an instance of BaseException, not %R",
                     type, value->type);
      goto raise_error;
    }
  } else if (exception_check(exc)) {
    value = new_ref(exc);
    type = value->type;
  } else {
    errors::set_string(exc_TypeError, "exceptions must derive from BaseException");
    goto raise_error;
  }
  if (cause) {
    Object* fixed_cause;
    if (exception_class_check(cause)) {
      fixed_cause = object_call_no_args(cause);
      if (!fixed_cause) goto raise_error;
      if (!exception_check(fixed_cause)) {
        errors::format(exc_TypeError,
                       "calling %R should have returned an instance of BaseException, not %R",
                       cause, fixed_cause->type);
        decref(fixed_cause);
        goto raise_error;
      }
    } else if (exception_check(cause)) {
      fixed_cause = new_ref(cause);
    } else if (cause == none()) {
      fixed_cause = nullptr;
    } else {
      errors::set_string(exc_TypeError, "exception causes must derive from BaseException");
      goto raise_error;
    }
    exception_set_cause(value, fixed_cause);
  }
  errors::set_object(static_cast<TypeObject*>(type), value);
  decref(value);
  return false;
raise_error:
  xdecref(value);
  return false;
}

// check_except_type_valid: `except X` needs a class deriving from BaseException.
int check_except_type_valid(Object* right) {
  const char* msg = "catching classes that do not inherit from BaseException is not allowed";
  if (tuple_check(right)) {
    for (ssize i = 0; i < tuple_size(right); ++i) {
      if (!exception_class_check(tuple_item(right, i))) {
        errors::set_string(exc_TypeError, msg);
        return -1;
      }
    }
  } else if (!exception_class_check(right)) {
    errors::set_string(exc_TypeError, msg);
    return -1;
  }
  return 0;
}

// get_exception_handler aside: MATCH_CLASS (match_class and match_class_attr).
Object* match_class_attr(Object* subject, Object* type, Object* name, Object* seen) {
  if (set_contains(seen, name) || set_add(seen, name)) {
    if (!errors::occurred())
      errors::format(exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                     static_cast<TypeObject*>(type)->name, name);
    return nullptr;
  }
  Object* attr;
  object_get_optional_attr(subject, name, &attr);
  return attr;
}

Object* match_class(Object* subject, Object* type, ssize nargs, Object* kwargs) {
  if (!type_check_type(type)) {
    errors::set_string(exc_TypeError, "called match pattern must be a class");
    return nullptr;
  }
  if (!object_is_instance(subject, type)) return nullptr;  // errors checked by caller
  NAME(match_args_str, "__match_args__");
  Ref<> seen = Ref<>::steal(set_new(nullptr));
  Ref<> attrs = Ref<>::steal(list_new(0));
  if (!seen || !attrs) return nullptr;
  Ref<> match_args;
  bool match_self = false;
  if (nargs) {
    Object* ma;
    if (object_get_optional_attr(type, match_args_str, &ma) < 0) return nullptr;
    if (ma) {
      match_args.reset(ma);
      if (!tuple_check_exact(ma)) {
        errors::format(exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                       static_cast<TypeObject*>(type)->name, ma->type->name);
        return nullptr;
      }
    } else {
      match_args.reset(new_ref(tuple_empty()));
      match_self = type_has_feature(static_cast<TypeObject*>(type), kTpflagsMatchSelf);
    }
    ssize allowed = match_self ? 1 : tuple_size(match_args.get());
    if (allowed < nargs) {
      const char* plural = allowed == 1 ? "" : "s";
      errors::format(exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                     static_cast<TypeObject*>(type)->name, allowed, plural, nargs);
      return nullptr;
    }
    if (match_self) {
      if (list_append(attrs.get(), subject) < 0) return nullptr;
    } else {
      for (ssize i = 0; i < nargs; ++i) {
        Object* name = tuple_item(match_args.get(), i);
        if (!str_check_exact(name)) {
          errors::format(exc_TypeError, "__match_args__ elements must be strings (got %s)",
                         name->type->name);
          return nullptr;
        }
        Object* attr = match_class_attr(subject, type, name, seen.get());
        if (!attr) return nullptr;
        list_append(attrs.get(), attr);
        decref(attr);
      }
    }
  }
  for (ssize i = 0; i < tuple_size(kwargs); ++i) {
    Object* name = tuple_item(kwargs, i);
    Object* attr = match_class_attr(subject, type, name, seen.get());
    if (!attr) return nullptr;
    list_append(attrs.get(), attr);
    decref(attr);
  }
  return list_as_tuple(attrs.get());
}

// MATCH_KEYS (match_keys): a tuple of the values, or None when a key is missing.
Object* match_keys(Object* map, Object* keys) {
  ssize nkeys = tuple_size(keys);
  if (!nkeys) return new_ref(tuple_empty());
  NAME(get_str, "get");
  Ref<> get = Ref<>::steal(object_getattr(map, get_str));
  if (!get) return nullptr;
  Ref<> seen = Ref<>::steal(set_new(nullptr));
  Ref<> values = Ref<>::steal(list_new(0));
  Ref<> dummy = Ref<>::steal(object_call_no_args(reinterpret_cast<Object*>(&BaseObject_Type)));
  if (!seen || !values || !dummy) return nullptr;
  for (ssize i = 0; i < nkeys; ++i) {
    Object* key = tuple_item(keys, i);
    if (set_contains(seen.get(), key) || set_add(seen.get(), key)) {
      if (!errors::occurred())
        errors::format(exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
      return nullptr;
    }
    Object* args[2] = {key, dummy.get()};
    Object* value = vectorcall(get.get(), args, 2, nullptr);
    if (!value) return nullptr;
    if (value == dummy.get()) {
      decref(value);
      return return_none();
    }
    list_append(values.get(), value);
    decref(value);
  }
  return list_as_tuple(values.get());
}

// _PyEval_ExceptionGroupMatch (CHECK_EG_MATCH).
int exception_group_match(Object* exc_value, Object* match_type, Object** match,
                          Object** rest) {
  if (exc_value == none()) {
    *match = return_none();
    *rest = return_none();
    return 0;
  }
  if (object_is_instance(exc_value, match_type)) {
    Object* wrapped;
    if (object_is_instance(exc_value, reinterpret_cast<Object*>(exc_BaseExceptionGroup))) {
      wrapped = new_ref(exc_value);
    } else {
      Object* excs = tuple_pack(1, exc_value);
      if (!excs) return -1;
      Object* args[2] = {nullptr, excs};
      Object* msg = str_from_cstr("");
      args[0] = msg;
      wrapped = vectorcall(reinterpret_cast<Object*>(exc_BaseExceptionGroup), args, 2, nullptr);
      decref(msg);
      decref(excs);
      if (!wrapped) return -1;
      Object* tb = exception_get_traceback(exc_value);
      if (tb) {
        exception_set_traceback(wrapped, tb);
        decref(tb);
      }
    }
    *match = wrapped;
    *rest = return_none();
    return 0;
  }
  if (object_is_instance(exc_value, reinterpret_cast<Object*>(exc_BaseExceptionGroup))) {
    NAME(split_str, "split");
    Object* pair = call_method_one_arg(exc_value, split_str, match_type);
    if (!pair) return -1;
    if (!tuple_check_exact(pair) || tuple_size(pair) != 2) {
      errors::format(exc_TypeError, "%.200s.split must return a 2-tuple, got %.200s",
                     exc_value->type->name, pair->type->name);
      decref(pair);
      return -1;
    }
    *match = new_ref(tuple_item(pair, 0));
    *rest = new_ref(tuple_item(pair, 1));
    decref(pair);
    return 0;
  }
  *match = return_none();
  *rest = return_none();
  return 0;
}

// _PyEval_CheckExceptStarTypeValid.
int check_except_star_type_valid(Object* right) {
  if (check_except_type_valid(right) < 0) return -1;
  auto is_group = [](Object* t) {
    return is_subtype(static_cast<TypeObject*>(t), exc_BaseExceptionGroup);
  };
  bool bad = false;
  if (tuple_check(right)) {
    for (ssize i = 0; i < tuple_size(right); ++i)
      if (is_group(tuple_item(right, i))) bad = true;
  } else {
    bad = is_group(right);
  }
  if (bad) {
    errors::set_string(exc_TypeError,
                       "catching ExceptionGroup with except* is not allowed. Use except "
                       "instead.");
    return -1;
  }
  return 0;
}

// LOAD_SPECIAL's names and messages (_Py_SpecialMethods): error, or error_suggestion when the
// object supports the other (synchronous or asynchronous) protocol.
struct SpecialMethod {
  const char* name;
  const char* error;
  const char* error_suggestion;
};
#define CPPY_CM_MSG(proto, name) \
  "'%T' object does not support the " proto " (missed " name " method)"
#define CPPY_SUGGEST_ASYNC \
  " but it supports the asynchronous context manager protocol. Did you mean to use 'async with'?"
#define CPPY_SUGGEST_SYNC \
  " but it supports the context manager protocol. Did you mean to use 'with'?"
const SpecialMethod kSpecialMethods[] = {
    {"__enter__", CPPY_CM_MSG("context manager protocol", "__enter__"),
     CPPY_CM_MSG("context manager protocol", "__enter__") CPPY_SUGGEST_ASYNC},
    {"__exit__", CPPY_CM_MSG("context manager protocol", "__exit__"),
     CPPY_CM_MSG("context manager protocol", "__exit__") CPPY_SUGGEST_ASYNC},
    {"__aenter__", CPPY_CM_MSG("asynchronous context manager protocol", "__aenter__"),
     CPPY_CM_MSG("asynchronous context manager protocol", "__aenter__") CPPY_SUGGEST_SYNC},
    {"__aexit__", CPPY_CM_MSG("asynchronous context manager protocol", "__aexit__"),
     CPPY_CM_MSG("asynchronous context manager protocol", "__aexit__") CPPY_SUGGEST_SYNC},
};
#undef CPPY_CM_MSG
#undef CPPY_SUGGEST_ASYNC
#undef CPPY_SUGGEST_SYNC

// type_has_special_method: found on the type's MRO and a descriptor with __get__.
bool type_has_special_method(TypeObject* type, const char* name) {
  Ref<> key = Ref<>::steal(str_intern_from_cstr(name));
  if (!key) {
    errors::clear();
    return false;
  }
  Object* r = type_lookup(type, key.get());
  return r && r->type->descr_get;
}

// _PyEval_SpecialMethodCanSuggest: the object has both methods of the other protocol.
bool special_method_can_suggest(Object* self, int oparg) {
  TypeObject* type = self->type;
  if (oparg <= 1)
    return type_has_special_method(type, "__aenter__") &&
           type_has_special_method(type, "__aexit__");
  return type_has_special_method(type, "__enter__") && type_has_special_method(type, "__exit__");
}

// The common constants of LOAD_COMMON_CONSTANT.
Object* common_constant(int oparg) {
  switch (oparg) {
    case 0: return reinterpret_cast<Object*>(exc_AssertionError);
    case 1: return reinterpret_cast<Object*>(exc_NotImplementedError);
    case 2: return reinterpret_cast<Object*>(&tuple_type);
    case 3: {
      NAME(all_str, "all");
      return dict_get_item(builtins_dict(), all_str);
    }
    case 4: {
      NAME(any_str, "any");
      return dict_get_item(builtins_dict(), any_str);
    }
  }
  return nullptr;
}

Object* format_value(Object* value, int conversion) {
  switch (conversion) {
    case 1: return object_str(value);
    case 2: return object_repr(value);
    case 3: return object_ascii(value);
  }
  errors::set_string(exc_SystemError, "unexpected conversion flag");
  return nullptr;
}

// The generator whose frame this is, when owned by one.
inline GenObject* frame_generator(Frame* f) {
  return f->owner == kOwnedByGenerator ? gen_of_frame(f) : nullptr;
}

}  // namespace

// --- public entry points --------------------------------------------------------------------

Object* builtins_dict() { return the_builtins; }
void set_builtins_dict(Object* d) { xsetref(the_builtins, xnew_ref(d)); }

Frame* current_frame() { return runtime::thread_state()->current_frame; }

Object* eval_get_globals() {
  Frame* f = current_frame();
  return f ? f->f_globals : nullptr;
}
Object* eval_get_builtins() {
  Frame* f = current_frame();
  return f ? f->f_builtins : builtins_dict();
}
// _PyEval_GetBuiltin: builtins may be any mapping (globals['__builtins__'] of exec/eval).
Object* eval_get_builtin(const char* name) {
  Object* b = eval_get_builtins();
  if (!b) return errors::format(exc_AttributeError, "%s", name);
  Ref<> key = Ref<>::steal(str_from_cstr(name));
  if (!key) return nullptr;
  Object* attr = nullptr;
  int rc = mapping_get_optional_item(b, key.get(), &attr);
  if (rc < 0) return nullptr;
  if (rc == 0) errors::set_object(exc_AttributeError, key.get());
  return attr;
}
Object* eval_get_frame_locals() {
  Frame* f = current_frame();
  return f ? f->f_locals : nullptr;
}

void format_exc_check_arg(TypeObject* exc, const char* format, Object* name) {
  if (!name) return;
  const char* s = str_as_utf8(name);
  if (!s) return;
  errors::format(exc, format, s);
  // NameError carries the name (for suggestions in tracebacks).
  if (is_subtype(exc, exc_NameError)) {
    Object* raised = errors::get_raised_exception();
    if (raised && object_is_instance(raised, reinterpret_cast<Object*>(exc_NameError)) > 0) {
      NAME(name_str, "name");
      if (object_setattr(raised, name_str, name) < 0) errors::clear();
    }
    errors::set_raised_exception(raised);
  }
}

Object* eval_vector(FunctionObject* func, Object* const* args, ssize argcount,
                    Object* kwnames) {
  runtime::ThreadState* ts = runtime::thread_state();
  Frame* f = push_and_init(func, nullptr, args, argcount, kwnames, ts->current_frame);
  if (!f) return nullptr;
  return eval_frame(f, 0);
}

Object* eval_code(Object* code, Object* globals, Object* locals) {
  auto* co = static_cast<CodeObject*>(code);
  Object* builtins = builtins_from_globals(globals);
  if (!builtins) return nullptr;
  runtime::ThreadState* ts = runtime::thread_state();
  Frame* f = push_frame(size_t(co->co_framesize));
  if (!f) return nullptr;
  frame_initialize(f, nullptr, code, globals, builtins, locals, 0);
  f->previous = ts->current_frame;
  return eval_frame(f, 0);
}

// Runs a class body or a function with an explicit locals mapping (the __build_class__ path
// of _PyEval_Vector with locals).
Object* eval_function_with_locals(FunctionObject* func, Object* locals) {
  runtime::ThreadState* ts = runtime::thread_state();
  Frame* f = push_and_init(func, locals, nullptr, 0, nullptr, ts->current_frame);
  if (!f) return nullptr;
  return eval_frame(f, 0);
}

namespace {

// --- helpers of the specialised instructions ----------------------------------------------

// An int from a machine-word result: the small-int cache, one digit, or the general path
// (the _PyLong_FromSTwoDigits of _PyCompactLong_Add and friends).
inline Object* long_from_compact_result(int64_t v) {
  if (v >= -kSmallNegInts && v < kSmallPosInts) return immortal_ref(long_small(int(v)));
  uint64_t mag = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
  if (mag < (uint64_t(1) << kLongShift)) {
    LongObject* r = long_new(1);
    if (!r) return nullptr;
    r->lv_tag = long_make_tag(v < 0 ? -1 : 1, 1);
    r->ob_digit[0] = digit(mag);
    return r;
  }
  return long_from_long_long(v);
}

// frame_clear for a returning frame of the thread's stack: without a frame object there is
// nothing to hand over, only references to drop.
inline void clear_thread_frame(Frame* f) {
  if (f->frame_obj) {
    frame_clear(f);
    return;
  }
  // _PyFrame_ClearLocals: the stack pointer first, then the references from the top (the
  // frame is still the thread's current one: a collection may walk it meanwhile).
  Object** sp = f->stackpointer;
  f->stackpointer = f->localsplus;
  while (sp > f->localsplus) xdecref(*--sp);
  clear(f->f_locals);
  clear(f->f_funcobj);
  clear(f->f_globals);
  clear(f->f_builtins);
  clear(f->f_executable);
}

inline hash_t str_hash_cached(Object* s) {
  hash_t h = as_ascii(s)->hash;
  return h != -1 ? h : str_type.hash(s);
}

// Whether the exact dict d (str keys only) lacks the str key: the probe sequence of
// dict_lookup inlined for the small tables of instance dicts (one-byte indices), the full
// lookup otherwise. Used by the LOAD_ATTR forms that must see no instance attribute.
inline bool dict_lacks_str_key(Object* d, Object* key) {
  DictKeys* k = static_cast<DictObject*>(d)->keys;
  hash_t h = str_hash_cached(key);
  if (k->log2_size >= 8) return !dict_get_item_known_hash(d, key, h);
  const int8_t* indices = reinterpret_cast<const int8_t*>(k->indices);
  DictEntry* entries = dk_entries(k);
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t perturb = size_t(h);
  size_t i = size_t(h) & mask;
  for (;;) {
    int ix = indices[i];
    if (ix == -1) return true;  // DKIX_EMPTY
    if (ix >= 0) {
      DictEntry* e = &entries[ix];
      if (e->key == key) return false;
      if (e->hash == h && str_equal(e->key, key)) return false;
    }
    perturb >>= 5;
    i = mask & (i * 5 + perturb + 1);
  }
}

// The entry holding the str key name in an exact dict whose keys are all exact str
// (unicodekeys_lookup_unicode inlined into LOAD_NAME / STORE_NAME: module-level code does a
// dict operation per name), or nullptr when missing. Ix is the index table's slot width.
template <typename Ix>
[[gnu::always_inline]] inline DictEntry* str_table_probe(DictKeys* k, Object* name, hash_t h) {
  const Ix* indices = reinterpret_cast<const Ix*>(k->indices);
  DictEntry* entries = dk_entries(k);
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t perturb = size_t(h);
  size_t i = size_t(h) & mask;
  for (;;) {
    ssize ix = indices[i];
    if (ix >= 0) {
      DictEntry* e = &entries[ix];
      if (e->key == name || (e->hash == h && str_equal(e->key, name))) return e;
    } else if (ix == -1) {  // DKIX_EMPTY
      return nullptr;
    }
    perturb >>= 5;
    i = mask & (i * 5 + perturb + 1);
  }
}
// Whether str_dict_entry can search d: an exact dict whose table holds only exact str keys
// (the name is always an exact str: co_names).
inline bool str_dict_searchable(Object* d) {
  return d->type == &dict_type && !static_cast<DictObject*>(d)->keys->non_str_keys;
}
// The tables of more than 255 slots: out of line, so that the loop inlines only the
// one-byte probe (a call per name lookup was a fifth of module-level loops).
[[gnu::noinline]] DictEntry* str_dict_entry_wide(DictKeys* k, Object* name, hash_t h) {
  if (k->log2_size < 16) return str_table_probe<int16_t>(k, name, h);
  if (k->log2_size < 32) return str_table_probe<int32_t>(k, name, h);
  return str_table_probe<int64_t>(k, name, h);
}
[[gnu::always_inline]] inline DictEntry* str_dict_entry(Object* d, Object* name, hash_t h) {
  DictKeys* k = static_cast<DictObject*>(d)->keys;
  if (k->log2_size < 8) [[likely]] return str_table_probe<int8_t>(k, name, h);
  return str_dict_entry_wide(k, name, h);
}

// The objects CALL_LEN, CALL_ISINSTANCE and CALL_LIST_APPEND compare with
// (interp->callable_cache).
Object* builtin_len() {
  static Object* f = nullptr;
  if (!f && the_builtins) f = dict_get_item_string(the_builtins, "len");
  return f;
}
Object* builtin_isinstance() {
  static Object* f = nullptr;
  if (!f && the_builtins) f = dict_get_item_string(the_builtins, "isinstance");
  return f;
}
Object* list_append_descr() {
  static Object* f = nullptr;
  if (!f) f = dict_get_item_string(list_type.dict, "append");
  return f;
}

}  // namespace

// --- the loop ---------------------------------------------------------------------------------

// The machine stack pointer for eval_frame's own stack check. machine_stack_pointer() is
// __builtin_frame_address(0), which makes GCC keep a frame pointer in the loop: one
// callee-saved register fewer for its state (frame then lived in a stack slot).
[[gnu::always_inline]] inline uintptr_t loop_stack_pointer() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  uintptr_t p;
  asm volatile("mov %%rsp, %0" : "=r"(p));
  return p;
#elif defined(__aarch64__) && (defined(__GNUC__) || defined(__clang__))
  uintptr_t p;
  asm volatile("mov %0, sp" : "=r"(p));
  return p;
#else
  return runtime::machine_stack_pointer();
#endif
}

Object* eval_frame(Frame* frame, int throwflag) {
  runtime::ThreadState* ts = runtime::thread_state();
  // _PyEval_EvalFrameDefault's _Py_EnterRecursiveCallTstate(tstate, ""): every activation
  // of the loop (a call through C++) checks the machine stack.
  if (loop_stack_pointer() < ts->c_stack_soft_limit &&
      objects::check_recursive_call(ts, "")) [[unlikely]] {
    // The frame was pushed by the caller: release it as an exit would.
    if (frame->owner == kOwnedByThread) {
      frame_clear(frame);
      pop_frame(frame);
    }
    return nullptr;
  }
  Frame* const entry_previous = ts->current_frame;
  frame->is_entry = 1;
  frame->previous = entry_previous;
  ts->current_frame = frame;

  CodeUnit* next_instr;
  Object** sp;
  CodeObject* co;
  int opcode = 0;
  int oparg = 0;
  Object* consts;
  Object* names;

#define LOAD_FRAME_STATE()                                         \
  do {                                                             \
    co = frame_code(frame);                                        \
    consts = co->co_consts;                                        \
    names = co->co_names;                                          \
    sp = frame->stackpointer;                                      \
  } while (0)
// The fast locals are read through frame (as CPython's GETLOCAL): not a variable of the loop
// that GCC would have to keep in a register or a stack slot across every instruction.
#define fast (frame->localsplus)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define GETITEM(t, i) (tuple_items(t)[i])
#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(n) (next_instr += (n))

  // The table is built once: every label of an implemented instruction by its opcode.
#if CPPY_COMPUTED_GOTOS
  static void* targets[256];
  static bool targets_ready = false;
  if (!targets_ready) {
    for (auto& t : targets) t = &&op_unknown;
#define SET_TARGET(name) targets[name] = &&op_##name;
    // Every TARGET below, by opcode.
    SET_TARGET(NOP)
    SET_TARGET(NOT_TAKEN)
    SET_TARGET(CACHE)
    SET_TARGET(RESERVED)
    SET_TARGET(RESUME)
    SET_TARGET(EXTENDED_ARG)
    SET_TARGET(LOAD_CONST)
    SET_TARGET(LOAD_SMALL_INT)
    SET_TARGET(LOAD_FAST)
    SET_TARGET(LOAD_FAST_BORROW)
    SET_TARGET(LOAD_FAST_CHECK)
    SET_TARGET(LOAD_FAST_AND_CLEAR)
    SET_TARGET(LOAD_FAST_LOAD_FAST)
    SET_TARGET(LOAD_FAST_BORROW_LOAD_FAST_BORROW)
    SET_TARGET(STORE_FAST)
    SET_TARGET(STORE_FAST_LOAD_FAST)
    SET_TARGET(STORE_FAST_STORE_FAST)
    SET_TARGET(DELETE_FAST)
    SET_TARGET(MAKE_CELL)
    SET_TARGET(LOAD_DEREF)
    SET_TARGET(STORE_DEREF)
    SET_TARGET(DELETE_DEREF)
    SET_TARGET(COPY_FREE_VARS)
    SET_TARGET(LOAD_FROM_DICT_OR_DEREF)
    SET_TARGET(LOAD_NAME)
    SET_TARGET(LOAD_FROM_DICT_OR_GLOBALS)
    SET_TARGET(STORE_NAME)
    SET_TARGET(DELETE_NAME)
    SET_TARGET(LOAD_GLOBAL)
    SET_TARGET(STORE_GLOBAL)
    SET_TARGET(DELETE_GLOBAL)
    SET_TARGET(LOAD_LOCALS)
    SET_TARGET(SETUP_ANNOTATIONS)
    SET_TARGET(POP_TOP)
    SET_TARGET(PUSH_NULL)
    SET_TARGET(END_FOR)
    SET_TARGET(POP_ITER)
    SET_TARGET(COPY)
    SET_TARGET(SWAP)
    SET_TARGET(UNARY_NEGATIVE)
    SET_TARGET(UNARY_INVERT)
    SET_TARGET(UNARY_NOT)
    SET_TARGET(TO_BOOL)
    SET_TARGET(BINARY_OP)
    SET_TARGET(BINARY_OP_INPLACE_ADD_UNICODE)
    SET_TARGET(COMPARE_OP)
    SET_TARGET(IS_OP)
    SET_TARGET(CONTAINS_OP)
    SET_TARGET(BINARY_SLICE)
    SET_TARGET(STORE_SLICE)
    SET_TARGET(STORE_SUBSCR)
    SET_TARGET(DELETE_SUBSCR)
    SET_TARGET(BUILD_TUPLE)
    SET_TARGET(BUILD_LIST)
    SET_TARGET(BUILD_SET)
    SET_TARGET(BUILD_MAP)
    SET_TARGET(BUILD_STRING)
    SET_TARGET(BUILD_SLICE)
    SET_TARGET(BUILD_TEMPLATE)
    SET_TARGET(BUILD_INTERPOLATION)
    SET_TARGET(LIST_APPEND)
    SET_TARGET(LIST_EXTEND)
    SET_TARGET(SET_ADD)
    SET_TARGET(SET_UPDATE)
    SET_TARGET(MAP_ADD)
    SET_TARGET(DICT_UPDATE)
    SET_TARGET(DICT_MERGE)
    SET_TARGET(UNPACK_SEQUENCE)
    SET_TARGET(UNPACK_EX)
    SET_TARGET(LOAD_ATTR)
    SET_TARGET(STORE_ATTR)
    SET_TARGET(DELETE_ATTR)
    SET_TARGET(LOAD_SUPER_ATTR)
    SET_TARGET(LOAD_SPECIAL)
    SET_TARGET(JUMP_FORWARD)
    SET_TARGET(JUMP_BACKWARD)
    SET_TARGET(JUMP_BACKWARD_NO_INTERRUPT)
    SET_TARGET(POP_JUMP_IF_FALSE)
    SET_TARGET(POP_JUMP_IF_TRUE)
    SET_TARGET(POP_JUMP_IF_NONE)
    SET_TARGET(POP_JUMP_IF_NOT_NONE)
    SET_TARGET(GET_ITER)
    SET_TARGET(FOR_ITER)
    SET_TARGET(GET_LEN)
    SET_TARGET(MAKE_FUNCTION)
    SET_TARGET(SET_FUNCTION_ATTRIBUTE)
    SET_TARGET(CALL)
    SET_TARGET(CALL_KW)
    SET_TARGET(CALL_FUNCTION_EX)
    SET_TARGET(CALL_INTRINSIC_1)
    SET_TARGET(CALL_INTRINSIC_2)
    SET_TARGET(LOAD_BUILD_CLASS)
    SET_TARGET(LOAD_COMMON_CONSTANT)
    SET_TARGET(RETURN_VALUE)
    SET_TARGET(RETURN_GENERATOR)
    SET_TARGET(YIELD_VALUE)
    SET_TARGET(GET_YIELD_FROM_ITER)
    SET_TARGET(SEND)
    SET_TARGET(END_SEND)
    SET_TARGET(CLEANUP_THROW)
    SET_TARGET(GET_AWAITABLE)
    SET_TARGET(GET_AITER)
    SET_TARGET(GET_ANEXT)
    SET_TARGET(END_ASYNC_FOR)
    SET_TARGET(RAISE_VARARGS)
    SET_TARGET(RERAISE)
    SET_TARGET(PUSH_EXC_INFO)
    SET_TARGET(POP_EXCEPT)
    SET_TARGET(CHECK_EXC_MATCH)
    SET_TARGET(CHECK_EG_MATCH)
    SET_TARGET(WITH_EXCEPT_START)
    SET_TARGET(MATCH_CLASS)
    SET_TARGET(MATCH_MAPPING)
    SET_TARGET(MATCH_SEQUENCE)
    SET_TARGET(MATCH_KEYS)
    SET_TARGET(CONVERT_VALUE)
    SET_TARGET(FORMAT_SIMPLE)
    SET_TARGET(FORMAT_WITH_SPEC)
    SET_TARGET(IMPORT_NAME)
    SET_TARGET(IMPORT_FROM)
    SET_TARGET(EXIT_INIT_CHECK)
    SET_TARGET(INTERPRETER_EXIT)
    // The specialised instructions (specialize.cpp writes them).
    SET_TARGET(BINARY_OP_ADD_FLOAT)
    SET_TARGET(BINARY_OP_EXTEND)
    SET_TARGET(BINARY_OP_ADD_INT)
    SET_TARGET(BINARY_OP_ADD_UNICODE)
    SET_TARGET(BINARY_OP_MULTIPLY_FLOAT)
    SET_TARGET(BINARY_OP_MULTIPLY_INT)
    SET_TARGET(BINARY_OP_SUBSCR_DICT)
    SET_TARGET(BINARY_OP_SUBSCR_LIST_INT)
    SET_TARGET(BINARY_OP_SUBSCR_TUPLE_INT)
    SET_TARGET(BINARY_OP_SUBTRACT_FLOAT)
    SET_TARGET(BINARY_OP_SUBTRACT_INT)
    SET_TARGET(CALL_BOUND_METHOD_EXACT_ARGS)
    SET_TARGET(CALL_BOUND_METHOD_GENERAL)
    SET_TARGET(CALL_BUILTIN_FAST)
    SET_TARGET(CALL_BUILTIN_FAST_WITH_KEYWORDS)
    SET_TARGET(CALL_BUILTIN_O)
    SET_TARGET(CALL_ISINSTANCE)
    SET_TARGET(CALL_LEN)
    SET_TARGET(CALL_LIST_APPEND)
    SET_TARGET(CALL_METHOD_DESCRIPTOR_FAST)
    SET_TARGET(CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS)
    SET_TARGET(CALL_METHOD_DESCRIPTOR_NOARGS)
    SET_TARGET(CALL_METHOD_DESCRIPTOR_O)
    SET_TARGET(CALL_NON_PY_GENERAL)
    SET_TARGET(CALL_PY_EXACT_ARGS)
    SET_TARGET(CALL_PY_GENERAL)
    SET_TARGET(CALL_STR_1)
    SET_TARGET(CALL_TUPLE_1)
    SET_TARGET(CALL_TYPE_1)
    SET_TARGET(COMPARE_OP_FLOAT)
    SET_TARGET(COMPARE_OP_INT)
    SET_TARGET(COMPARE_OP_STR)
    SET_TARGET(CONTAINS_OP_DICT)
    SET_TARGET(CONTAINS_OP_SET)
    SET_TARGET(FOR_ITER_LIST)
    SET_TARGET(FOR_ITER_RANGE)
    SET_TARGET(FOR_ITER_TUPLE)
    SET_TARGET(LOAD_ATTR_CLASS)
    SET_TARGET(LOAD_ATTR_INSTANCE_VALUE)
    SET_TARGET(LOAD_ATTR_PROPERTY)
    SET_TARGET(LOAD_ATTR_METHOD_LAZY_DICT)
    SET_TARGET(LOAD_ATTR_METHOD_NO_DICT)
    SET_TARGET(LOAD_ATTR_METHOD_WITH_VALUES)
    SET_TARGET(LOAD_ATTR_MODULE)
    SET_TARGET(LOAD_ATTR_NONDESCRIPTOR_NO_DICT)
    SET_TARGET(LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES)
    SET_TARGET(LOAD_ATTR_SLOT)
    SET_TARGET(LOAD_ATTR_WITH_HINT)
    SET_TARGET(LOAD_GLOBAL_BUILTIN)
    SET_TARGET(LOAD_GLOBAL_MODULE)
    SET_TARGET(STORE_ATTR_INSTANCE_VALUE)
    SET_TARGET(STORE_ATTR_SLOT)
    SET_TARGET(STORE_ATTR_WITH_HINT)
    SET_TARGET(STORE_SUBSCR_DICT)
    SET_TARGET(STORE_SUBSCR_LIST_INT)
    SET_TARGET(TO_BOOL_ALWAYS_TRUE)
    SET_TARGET(TO_BOOL_BOOL)
    SET_TARGET(TO_BOOL_INT)
    SET_TARGET(TO_BOOL_LIST)
    SET_TARGET(TO_BOOL_NONE)
    SET_TARGET(TO_BOOL_STR)
    SET_TARGET(UNPACK_SEQUENCE_LIST)
    SET_TARGET(UNPACK_SEQUENCE_TUPLE)
    SET_TARGET(UNPACK_SEQUENCE_TWO_TUPLE)
#undef SET_TARGET
    for (int i = 0; i < 256; ++i) real_targets[i] = targets[i];
    instrumented_entry = &&op_instrumented;
    dispatch_table = targets;
    targets_ready = true;
    if (instrumented_pending) set_instrumented_dispatch(true);
  }
// The opcode is not kept in a variable across instructions (a register the whole loop would
// lose): the few places that need it read it back from next_instr[-1].
#define DISPATCH()                          \
  do {                                      \
    frame->instr_ptr = next_instr;          \
    int op_ = next_instr->op.code;          \
    oparg = next_instr->op.arg;             \
    ++next_instr;                           \
    CPPY_VM_STAT(exec, op_);                \
    goto* targets[op_];                     \
  } while (0)
#define DISPATCH_SAME_OPARG()                      \
  do {                                             \
    goto* real_targets[next_instr[-1].op.code];    \
  } while (0)
#define TARGET(name) op_##name:
#else
#define DISPATCH() goto dispatch_switch
#define DISPATCH_SAME_OPARG()             \
  do {                                    \
    opcode = next_instr[-1].op.code;      \
    goto dispatch_same;                   \
  } while (0)
#define TARGET(name) case name:
#endif

// Specialisation (PEP 659). In a specialised instruction, this_instr is the instruction and
// next_instr its first cache entry; a failed guard runs the family's generic body (a miss),
// whose counter decides when to specialise again.
#define DEOPT_IF(cond, family)        \
  do {                                \
    if (cond) {                       \
      CPPY_VM_STAT(miss, this_instr->op.code); \
      next_instr = this_instr + 1;    \
      goto generic_##family;          \
    }                                 \
  } while (0)
// The generic instruction's adaptive prologue: count down, specialise at zero.
#define SPECIALIZE_WHEN_DUE(call)                                        \
  do {                                                                   \
    if (backoff_counter_triggers(next_instr->cache)) {                   \
      call;                                                              \
      DISPATCH_SAME_OPARG();                                             \
    }                                                                    \
    next_instr->cache = advance_backoff_counter(next_instr->cache);      \
  } while (0)

  LOAD_FRAME_STATE();
  next_instr = frame->instr_ptr;
  goto start_frame_checked;

start_frame:
  // A new Python frame (call): the recursion limit (_Py_EnterRecursivePy).
  if (ts->py_recursion_remaining-- <= 0) {
    ++ts->py_recursion_remaining;
    errors::set_string(exc_RecursionError, "maximum recursion depth exceeded");
    goto exit_unwind;
  }
  LOAD_FRAME_STATE();
  next_instr = frame->instr_ptr;
  DISPATCH();

start_frame_checked:
  if (ts->py_recursion_remaining-- <= 0) {
    ++ts->py_recursion_remaining;
    errors::set_string(exc_RecursionError, "maximum recursion depth exceeded");
    goto exit_unwind;
  }
  // Resuming a generator with an exception (throw()): raise it where it is suspended.
  if (throwflag) {
    if (monitoring_exc_events & (1u << kEvPyThrow)) [[unlikely]] monitor_throw(frame, frame->instr_ptr);
    goto error;
  }
  DISPATCH();

#if !CPPY_COMPUTED_GOTOS
dispatch_switch:
  frame->instr_ptr = next_instr;
  opcode = next_instr->op.code;
  oparg = next_instr->op.arg;
  ++next_instr;
dispatch_same:
  switch (opcode) {
#endif

  // CHECK_PERIODIC (bytecodes.c): after a call into C, a signal that arrived meanwhile (a
  // blocking read that returned data rather than EINTR) is handled before the next instruction.
#define CHECK_PERIODIC()                                                                 \
  do {                                                                                   \
    if (eval_breaker) {                                                                  \
      frame->stackpointer = sp; /* a collection may walk this frame's stack */           \
      if (handle_eval_breaker() < 0) goto error;                                         \
    }                                                                                    \
  } while (0)
  TARGET(NOP) { DISPATCH(); }
  TARGET(NOT_TAKEN) { DISPATCH(); }
  TARGET(CACHE) { goto op_unknown; }
  TARGET(RESERVED) { goto op_unknown; }

  TARGET(RESUME) {
    if (eval_breaker) {
      // The GIL drop request (signals, async exceptions and GC requests come later).
      frame->stackpointer = sp;
      if (handle_eval_breaker() < 0) goto error;
    }
    DISPATCH();
  }

  TARGET(EXTENDED_ARG) {
    // The instruction it extends is the one being executed: a CALL that pushes a frame
    // resumes at instr_ptr + return_offset, and tracebacks read instr_ptr too.
    frame->instr_ptr = next_instr;
    oparg = (oparg << 8) | next_instr->op.arg;
    ++next_instr;
#if CPPY_COMPUTED_GOTOS
    goto* targets[next_instr[-1].op.code];
#else
    opcode = next_instr[-1].op.code;
    goto dispatch_same;
#endif
  }

  // --- locals and constants -----------------------------------------------------------------
  TARGET(LOAD_CONST) {
    PUSH(new_ref_unless_immortal(GETITEM(consts, oparg)));
    DISPATCH();
  }
  TARGET(LOAD_SMALL_INT) {
    PUSH(immortal_ref(long_small(oparg)));
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    PUSH(new_ref_unless_immortal(fast[oparg]));
    DISPATCH();
  }
  TARGET(LOAD_FAST_BORROW) {
    PUSH(new_ref_unless_immortal(fast[oparg]));
    DISPATCH();
  }
  TARGET(LOAD_FAST_CHECK) {
    Object* v = fast[oparg];
    if (!v) {
      format_unbound_local(code_local_name(co, oparg));
      goto error;
    }
    PUSH(new_ref(v));
    DISPATCH();
  }
  TARGET(LOAD_FAST_AND_CLEAR) {
    PUSH(fast[oparg]);
    fast[oparg] = nullptr;
    DISPATCH();
  }
  TARGET(LOAD_FAST_LOAD_FAST) {
    PUSH(new_ref_unless_immortal(fast[oparg >> 4]));
    PUSH(new_ref_unless_immortal(fast[oparg & 15]));
    DISPATCH();
  }
  TARGET(LOAD_FAST_BORROW_LOAD_FAST_BORROW) {
    PUSH(new_ref_unless_immortal(fast[oparg >> 4]));
    PUSH(new_ref_unless_immortal(fast[oparg & 15]));
    DISPATCH();
  }
  // The value a store overwrites is released through release_value (number_fast.h): a float
  // that dies goes back to the free list without a call.
#define STORE_LOCAL(i, v)           \
  do {                              \
    Object* old_ = fast[i];         \
    fast[i] = (v);                  \
    if (old_) release_value(old_);  \
  } while (0)
  TARGET(STORE_FAST) {
    Object* v = POP();
    STORE_LOCAL(oparg, v);
    DISPATCH();
  }
  TARGET(STORE_FAST_LOAD_FAST) {
    Object* v = POP();
    STORE_LOCAL(oparg >> 4, v);
    PUSH(new_ref_unless_immortal(fast[oparg & 15]));
    DISPATCH();
  }
  TARGET(STORE_FAST_STORE_FAST) {
    Object* v1 = POP();
    STORE_LOCAL(oparg >> 4, v1);
    Object* v2 = POP();
    STORE_LOCAL(oparg & 15, v2);
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (!fast[oparg]) {
      format_unbound_local(code_local_name(co, oparg));
      goto error;
    }
    clear(fast[oparg]);
    DISPATCH();
  }
  TARGET(MAKE_CELL) {
    Object* initial = fast[oparg];
    Object* cell = cell_new(initial);
    if (!cell) goto error;
    xsetref(fast[oparg], cell);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Object* value = cell_get(fast[oparg]);
    if (!value) {
      format_unbound_free(co, oparg);
      goto error;
    }
    PUSH(new_ref(value));
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    Object* v = POP();
    cell_set_steal(fast[oparg], v);
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    Object* cell = fast[oparg];
    if (!cell_get(cell)) {
      format_unbound_free(co, oparg);
      goto error;
    }
    cell_set_steal(cell, nullptr);
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    auto* func = static_cast<FunctionObject*>(frame->f_funcobj);
    Object* closure = func->func_closure;
    int offset = co->co_nlocalsplus - oparg;
    for (int i = 0; i < oparg; ++i) fast[offset + i] = new_ref(tuple_item(closure, i));
    DISPATCH();
  }
  TARGET(LOAD_FROM_DICT_OR_DEREF) {
    Object* class_dict = TOP();
    Object* name = code_local_name(co, oparg);
    Object* value;
    int rc = mapping_get_optional_item(class_dict, name, &value);
    if (rc < 0) goto error;
    if (!rc) {
      value = xnew_ref(cell_get(fast[oparg]));
      if (!value) {
        format_unbound_free(co, oparg);
        goto error;
      }
    }
    decref(class_dict);
    sp[-1] = value;
    DISPATCH();
  }

  // --- names ----------------------------------------------------------------------------------
  TARGET(LOAD_NAME) {
    Object* name = GETITEM(names, oparg);
    Object* locals = frame->f_locals;
    // Exact dicts of str keys (module and class bodies): the probes inlined, no call out.
    if (locals && str_dict_searchable(locals)) [[likely]] {
      hash_t h = str_hash_cached(name);
      DictEntry* e = str_dict_entry(locals, name, h);
      // Module-level code has its globals as locals: that dict was just searched.
      if (!e && (frame->f_globals == locals || str_dict_searchable(frame->f_globals))) {
        if (frame->f_globals != locals) e = str_dict_entry(frame->f_globals, name, h);
        if (!e && str_dict_searchable(frame->f_builtins)) {
          e = str_dict_entry(frame->f_builtins, name, h);
          if (!e) {
            format_name_error(name);
            goto error;
          }
        }
      }
      if (e) [[likely]] {
        PUSH(new_ref_unless_immortal(e->value));
        DISPATCH();
      }
    }
    if (!locals) {
      errors::format(exc_SystemError, "no locals found when loading %R", name);
      goto error;
    }
    Object* v;
    int rc = mapping_get_optional_item(locals, name, &v);
    if (rc < 0) goto error;
    if (!rc) {
      // Globals may be a dict subclass (annotationlib's fake globals): the mapping protocol.
      rc = dict_check_exact(frame->f_globals)
               ? dict_get_item_ref(frame->f_globals, name, &v)
               : mapping_get_optional_item(frame->f_globals, name, &v);
      if (rc < 0) goto error;
      if (!rc) {
        rc = mapping_get_optional_item(frame->f_builtins, name, &v);
        if (rc < 0) goto error;
        if (!rc) {
          format_name_error(name);
          goto error;
        }
      }
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_FROM_DICT_OR_GLOBALS) {
    Object* mapping = TOP();
    Object* name = GETITEM(names, oparg);
    Object* v;
    int rc = mapping_get_optional_item(mapping, name, &v);
    if (rc < 0) goto error;
    if (!rc) {
      // Globals may be a dict subclass (annotationlib's fake globals): the mapping protocol.
      rc = dict_check_exact(frame->f_globals)
               ? dict_get_item_ref(frame->f_globals, name, &v)
               : mapping_get_optional_item(frame->f_globals, name, &v);
      if (rc < 0) goto error;
      if (!rc) {
        rc = mapping_get_optional_item(frame->f_builtins, name, &v);
        if (rc < 0) goto error;
        if (!rc) {
          format_name_error(name);
          goto error;
        }
      }
    }
    decref(mapping);
    sp[-1] = v;
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Object* name = GETITEM(names, oparg);
    Object* v = POP();
    Object* locals = frame->f_locals;
    if (!locals) {
      errors::format(exc_SystemError, "no locals found when storing %R", name);
      decref(v);
      goto error;
    }
    // Rebinding an existing name of an exact str-keyed dict: the value replaced in its entry
    // (insertdict's path for a present key; the keys, and so their version, do not change).
    if (str_dict_searchable(locals)) [[likely]] {
      DictEntry* e = str_dict_entry(locals, name, str_hash_cached(name));
      if (e) [[likely]] {
        Object* old = e->value;
        e->value = v;
        dict_value_replaced(locals);
        decref(old);
        DISPATCH();
      }
    }
    int err = dict_check_exact(locals) ? dict_set_item(locals, name, v)
                                       : object_set_item(locals, name, v);
    decref(v);
    if (err) goto error;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    Object* name = GETITEM(names, oparg);
    Object* locals = frame->f_locals;
    if (!locals) {
      errors::format(exc_SystemError, "no locals when deleting %R", name);
      goto error;
    }
    if (object_del_item(locals, name) != 0) {
      if (errors::exception_matches(reinterpret_cast<Object*>(exc_KeyError))) {
        errors::clear();
        format_name_error(name);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
  generic_LOAD_GLOBAL:
    SPECIALIZE_WHEN_DUE(specialize_load_global(frame->f_globals, frame->f_builtins, next_instr - 1, GETITEM(names, oparg >> 1)));
    SKIP_CACHES(kCacheLoadGlobal);
    Object* name = GETITEM(names, oparg >> 1);
    Object* v;
    bool owned = false;
    if (dict_check_exact(frame->f_globals)) {
      v = dict_get_item_with_error(frame->f_globals, name);
    } else {
      // _PyEval_LoadGlobalStackRef: a dict subclass's __getitem__/__missing__ takes part
      // (annotationlib evaluates __annotate__ with such fake globals).
      int rc = mapping_get_optional_item(frame->f_globals, name, &v);
      if (rc < 0) goto error;
      owned = rc > 0;
    }
    if (!v) {
      if (errors::occurred()) goto error;
      if (dict_check_exact(frame->f_builtins)) {
        v = dict_get_item_with_error(frame->f_builtins, name);
        if (!v) {
          if (!errors::occurred()) format_name_error(name);
          goto error;
        }
        incref(v);
      } else {
        int rc = mapping_get_optional_item(frame->f_builtins, name, &v);
        if (rc < 0) goto error;
        if (!rc) {
          format_name_error(name);
          goto error;
        }
      }
    } else if (!owned) {
      incref(v);
    }
    PUSH(v);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Object* v = POP();
    int err = dict_set_item(frame->f_globals, GETITEM(names, oparg), v);
    decref(v);
    if (err) goto error;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    Object* name = GETITEM(names, oparg);
    int rc = dict_pop(frame->f_globals, name, nullptr);
    if (rc < 0) goto error;
    if (rc == 0) {
      format_name_error(name);
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_LOCALS) {
    Object* locals = frame->f_locals;
    if (!locals) {
      errors::set_string(exc_SystemError, "no locals found");
      goto error;
    }
    PUSH(new_ref(locals));
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    NAME(ann, "__annotations__");
    Object* locals = frame->f_locals;
    if (!locals) {
      errors::set_string(exc_SystemError, "no locals found when setting up annotations");
      goto error;
    }
    Object* v;
    int rc = mapping_get_optional_item(locals, ann, &v);
    if (rc < 0) goto error;
    if (rc) {
      decref(v);
    } else {
      Object* d = dict_new();
      if (!d) goto error;
      int err = object_set_item(locals, ann, d);
      decref(d);
      if (err) goto error;
    }
    DISPATCH();
  }

  // --- stack manipulation -------------------------------------------------------------------
  TARGET(POP_TOP) {
    Object* v = POP();
    xdecref(v);
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(nullptr);
    DISPATCH();
  }
  TARGET(END_FOR) {
    Object* v = POP();
    xdecref(v);
    DISPATCH();
  }
  TARGET(POP_ITER) {
    Object* v = POP();
    xdecref(v);
    DISPATCH();
  }
  TARGET(COPY) {
    Object* v = PEEK(oparg);
    PUSH(xnew_ref(v));
    DISPATCH();
  }
  TARGET(SWAP) {
    Object* t = TOP();
    sp[-1] = PEEK(oparg);
    sp[-oparg] = t;
    DISPATCH();
  }

  // --- operators ------------------------------------------------------------------------------
  TARGET(UNARY_NEGATIVE) {
    Object* v = TOP();
    Object* r = number_negative(v);
    if (!r) goto error;
    decref(v);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Object* v = TOP();
    Object* r = number_invert(v);
    if (!r) goto error;
    decref(v);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Object* v = TOP();
    sp[-1] = new_ref(v == py_true() ? py_false() : py_true());
    decref(v);
    DISPATCH();
  }
  TARGET(TO_BOOL) {
  generic_TO_BOOL:
    SPECIALIZE_WHEN_DUE(specialize_to_bool(TOP(), next_instr - 1));
    SKIP_CACHES(kCacheToBool);
    Object* v = TOP();
    if (v->type != &bool_type) {
      int r = object_is_true(v);
      if (r < 0) goto error;
      decref(v);
      sp[-1] = immortal_ref(r ? py_true() : py_false());
    }
    DISPATCH();
  }
  TARGET(BINARY_OP) {
  generic_BINARY_OP:
    SPECIALIZE_WHEN_DUE(specialize_binary_op(SECOND(), TOP(), next_instr - 1, oparg, fast));
    SKIP_CACHES(kCacheBinaryOp);
    Object* rhs = TOP();
    Object* lhs = SECOND();
    Object* r = binary_op(lhs, rhs, oparg);
    if (!r) goto error;
    decref(lhs);
    decref(rhs);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
  generic_COMPARE_OP:
    SPECIALIZE_WHEN_DUE(specialize_compare_op(SECOND(), TOP(), next_instr - 1, oparg));
    SKIP_CACHES(kCacheCompareOp);
    Object* right = TOP();
    Object* left = SECOND();
    Object* r = object_rich_compare(left, right, oparg >> 5);
    if (!r) goto error;
    if (oparg & 16) {
      int b = object_is_true(r);
      decref(r);
      if (b < 0) goto error;
      r = immortal_ref(b ? py_true() : py_false());
    }
    decref(left);
    decref(right);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(IS_OP) {
    Object* right = TOP();
    Object* left = SECOND();
    bool b = (left == right) ^ (oparg != 0);
    decref(left);
    decref(right);
    --sp;
    sp[-1] = immortal_ref(b ? py_true() : py_false());
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
  generic_CONTAINS_OP:
    SPECIALIZE_WHEN_DUE(specialize_contains_op(TOP(), next_instr - 1));
    SKIP_CACHES(kCacheContainsOp);
    Object* right = TOP();
    Object* left = SECOND();
    int res = sequence_contains(right, left);
    if (res < 0) goto error;
    decref(left);
    decref(right);
    --sp;
    sp[-1] = immortal_ref((res ^ oparg) ? py_true() : py_false());
    DISPATCH();
  }
  TARGET(BINARY_SLICE) {
    Object* stop = TOP();
    Object* start = SECOND();
    Object* container = PEEK(3);
    Object* slice = slice_new(start, stop, nullptr);
    if (!slice) goto error;
    Object* r = object_get_item(container, slice);
    decref(slice);
    if (!r) goto error;
    decref(stop);
    decref(start);
    decref(container);
    sp -= 2;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(STORE_SLICE) {
    Object* stop = TOP();
    Object* start = SECOND();
    Object* container = PEEK(3);
    Object* v = PEEK(4);
    Object* slice = slice_new(start, stop, nullptr);
    if (!slice) goto error;
    int err = object_set_item(container, slice, v);
    decref(slice);
    if (err) goto error;
    decref(stop);
    decref(start);
    decref(container);
    decref(v);
    sp -= 4;
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
  generic_STORE_SUBSCR:
    SPECIALIZE_WHEN_DUE(specialize_store_subscr(SECOND(), TOP(), next_instr - 1));
    SKIP_CACHES(kCacheStoreSubscr);
    Object* sub = TOP();
    Object* container = SECOND();
    Object* v = PEEK(3);
    int err = object_set_item(container, sub, v);
    if (err) goto error;
    decref(sub);
    decref(container);
    decref(v);
    sp -= 3;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Object* sub = TOP();
    Object* container = SECOND();
    int err = object_del_item(container, sub);
    if (err) goto error;
    decref(sub);
    decref(container);
    sp -= 2;
    DISPATCH();
  }

  // --- building -------------------------------------------------------------------------------
  TARGET(BUILD_TUPLE) {
    Object* t = tuple_from_array_steal(sp - oparg, oparg);
    if (!t) goto error;
    sp -= oparg;
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    Object* l = list_new(oparg);
    if (!l) goto error;
    for (int i = 0; i < oparg; ++i) list_set_item_steal(l, i, sp[i - oparg]);
    sp -= oparg;
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    Object* s = set_new(nullptr);
    if (!s) goto error;
    int err = 0;
    for (int i = 0; i < oparg; ++i) {
      Object* item = sp[i - oparg];
      if (!err) err = set_add(s, item);
      decref(item);
    }
    sp -= oparg;
    if (err) {
      decref(s);
      goto error;
    }
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    Object* d = dict_new_presized(oparg);
    if (!d) goto error;
    Object** base = sp - 2 * oparg;
    int err = 0;
    for (int i = 0; i < oparg; ++i) {
      if (!err) err = dict_set_item(d, base[2 * i], base[2 * i + 1]);
    }
    for (int i = 0; i < 2 * oparg; ++i) decref(base[i]);
    sp = base;
    if (err) {
      decref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    Object** base = sp - oparg;
    Object* joined = str_join_array(nullptr, base, oparg);  // _PyUnicode_JoinArray
    for (int i = 0; i < oparg; ++i) decref(base[i]);
    sp = base;
    if (!joined) goto error;
    PUSH(joined);
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Object* step = oparg == 3 ? POP() : nullptr;
    Object* stop = POP();
    Object* start = POP();
    Object* s = slice_new(start, stop, step);
    decref(start);
    decref(stop);
    xdecref(step);
    if (!s) goto error;
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_TEMPLATE) {  // (strings, interpolations -- template)
    Object* interpolations = POP();
    Object* strings = POP();
    Object* t = template_build(strings, interpolations);
    decref(strings);
    decref(interpolations);
    if (!t) goto error;
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_INTERPOLATION) {  // (value, str, format[oparg & 1] -- interpolation)
    Object* format = (oparg & 1) ? POP() : nullptr;
    Object* str = POP();
    Object* value = POP();
    Object* empty = format ? nullptr : str_from_cstr("");
    Object* interp = (format || empty)
                         ? interpolation_build(value, str, oparg >> 2, format ? format : empty)
                         : nullptr;
    xdecref(empty);
    xdecref(format);
    decref(str);
    decref(value);
    if (!interp) goto error;
    PUSH(interp);
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Object* v = POP();
    Object* list = PEEK(oparg);
    int err = list_append(list, v);
    decref(v);
    if (err) goto error;
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Object* iterable = POP();
    Object* list = PEEK(oparg);
    if (list_extend(list, iterable) < 0) {
      if (errors::exception_matches(exc_TypeError) && iterable->type->iter == nullptr &&
          !sequence_check(iterable)) {
        errors::clear();
        errors::format(exc_TypeError, "Value after * must be an iterable, not %.200s",
                       iterable->type->name);
      }
      decref(iterable);
      goto error;
    }
    decref(iterable);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Object* v = POP();
    int err = set_add(PEEK(oparg), v);
    decref(v);
    if (err) goto error;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Object* iterable = POP();
    int err = set_update(PEEK(oparg), iterable);
    decref(iterable);
    if (err < 0) goto error;
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Object* value = POP();
    Object* key = POP();
    int err = dict_set_item(PEEK(oparg), key, value);
    decref(key);
    decref(value);
    if (err) goto error;
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Object* update = POP();
    Object* dict = PEEK(oparg);
    if (dict_update(dict, update) < 0) {
      if (errors::exception_matches(reinterpret_cast<Object*>(exc_AttributeError))) {
        errors::clear();
        errors::format(exc_TypeError, "'%.200s' object is not a mapping", update->type->name);
      }
      decref(update);
      goto error;
    }
    decref(update);
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Object* update = POP();
    Object* dict = PEEK(oparg);
    Object* callable = PEEK(oparg + 3);
    if (dict_merge(dict, update, 2) < 0) {
      if (errors::exception_matches(reinterpret_cast<Object*>(exc_AttributeError)) ||
          !mapping_check(update)) {
        errors::clear();
        Object* fs = object_function_str(callable);
        if (fs) {
          errors::format(exc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                         fs, update->type->name);
          decref(fs);
        }
      } else if (errors::exception_matches(reinterpret_cast<Object*>(exc_KeyError))) {
        Object* exc = errors::get_raised_exception();
        Object* args = exception_get_args(exc);
        Object* fs = object_function_str(callable);
        if (args && tuple_check(args) && tuple_size(args) == 1 && fs) {
          Object* key = tuple_item(args, 0);
          if (str_check(key))
            errors::format(exc_TypeError, "%U got multiple values for keyword argument '%S'",
                           fs, key);
          else
            errors::format(exc_TypeError, "%U keywords must be strings", fs);
          decref(exc);
        } else {
          errors::set_raised_exception(exc);
        }
        xdecref(args);
        xdecref(fs);
      }
      decref(update);
      goto error;
    }
    decref(update);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
  generic_UNPACK_SEQUENCE:
    SPECIALIZE_WHEN_DUE(specialize_unpack_sequence(TOP(), next_instr - 1, oparg));
    SKIP_CACHES(kCacheUnpackSequence);
    Object* seq = POP();
    if (tuple_check_exact(seq) && tuple_size(seq) == oparg) {
      for (int i = oparg; i-- > 0;) PUSH(new_ref(tuple_item(seq, i)));
    } else if (list_check_exact(seq) && list_size(seq) == oparg) {
      for (int i = oparg; i-- > 0;) PUSH(new_ref(list_item(seq, i)));
    } else {
      if (unpack_iterable(seq, oparg, -1, sp) < 0) {
        decref(seq);
        goto error;
      }
      sp += oparg;
    }
    decref(seq);
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Object* seq = POP();
    int before = oparg & 0xFF, after = oparg >> 8;
    if (unpack_iterable(seq, before, after, sp) < 0) {
      decref(seq);
      goto error;
    }
    sp += before + 1 + after;
    decref(seq);
    DISPATCH();
  }

  // --- attributes ---------------------------------------------------------------------------
  TARGET(LOAD_ATTR) {
  generic_LOAD_ATTR:
    SPECIALIZE_WHEN_DUE(specialize_load_attr(TOP(), next_instr - 1, GETITEM(names, oparg >> 1)));
    SKIP_CACHES(kCacheLoadAttr);
    Object* name = GETITEM(names, oparg >> 1);
    Object* owner = TOP();
    if (oparg & 1) {
      Object* meth = nullptr;
      bool is_meth = object_get_method(owner, name, &meth);
      if (is_meth) {
        sp[-1] = meth;
        PUSH(owner);  // self
      } else {
        if (!meth) goto error;
        decref(owner);
        sp[-1] = meth;
        PUSH(nullptr);
      }
    } else {
      Object* attr = object_getattr(owner, name);
      if (!attr) goto error;
      decref(owner);
      sp[-1] = attr;
    }
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
  generic_STORE_ATTR:
    SPECIALIZE_WHEN_DUE(specialize_store_attr(TOP(), next_instr - 1, GETITEM(names, oparg)));
    SKIP_CACHES(kCacheStoreAttr);
    Object* owner = TOP();
    Object* v = SECOND();
    int err = object_setattr(owner, GETITEM(names, oparg), v);
    if (err) goto error;
    decref(owner);
    decref(v);
    sp -= 2;
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Object* owner = TOP();
    int err = object_setattr(owner, GETITEM(names, oparg), nullptr);
    if (err) goto error;
    decref(owner);
    --sp;
    DISPATCH();
  }
  TARGET(LOAD_SUPER_ATTR) {
    SKIP_CACHES(kCacheLoadSuperAttr);
    Object* self = TOP();
    Object* cls = SECOND();
    Object* global_super = PEEK(3);
    Object* name = GETITEM(names, oparg >> 2);
    // super() without arguments binds the class cell and the first argument: the compiler
    // loaded them, so both forms call super(class, self).
    Object* args[2] = {cls, self};
    Object* super;
    if (global_super == reinterpret_cast<Object*>(&super_type) || (oparg & 2))
      super = vectorcall(global_super, args, 2, nullptr);
    else
      super = vectorcall(global_super, args, 0, nullptr);
    if (!super) goto error;
    Object* attr = object_getattr(super, name);
    decref(super);
    if (!attr) goto error;
    decref(self);
    decref(cls);
    decref(global_super);
    sp -= 3;
    PUSH(attr);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  TARGET(LOAD_SPECIAL) {
    Object* owner = TOP();
    NAME(enter_s, "__enter__");
    NAME(exit_s, "__exit__");
    NAME(aenter_s, "__aenter__");
    NAME(aexit_s, "__aexit__");
    Object* names4[4] = {enter_s, exit_s, aenter_s, aexit_s};
    bool unbound = false;
    Object* attr = lookup_maybe_method(owner, names4[oparg], &unbound);
    if (!attr) {
      if (!errors::occurred()) {
        const SpecialMethod& sm = kSpecialMethods[oparg];
        errors::format(exc_TypeError,
                       special_method_can_suggest(owner, oparg) ? sm.error_suggestion : sm.error,
                       owner);
      }
      goto error;
    }
    if (unbound) {
      sp[-1] = attr;
      PUSH(owner);
    } else {
      decref(owner);
      sp[-1] = attr;
      PUSH(nullptr);
    }
    DISPATCH();
  }

  // --- control flow -------------------------------------------------------------------------
  TARGET(JUMP_FORWARD) {
    JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    SKIP_CACHES(kCacheJumpBackward);
    JUMPBY(-oparg);
    if (eval_breaker) {
      // The GIL drop request (signals, GC later).
      frame->stackpointer = sp;
      if (handle_eval_breaker() < 0) goto error;
    }
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    JUMPBY(-oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    SKIP_CACHES(kCachePopJump);
    Object* cond = POP();
    if (cond == py_false()) JUMPBY(oparg);
    decref(cond);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    SKIP_CACHES(kCachePopJump);
    Object* cond = POP();
    if (cond == py_true()) JUMPBY(oparg);
    decref(cond);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    SKIP_CACHES(kCachePopJump);
    Object* v = POP();
    if (v == none()) JUMPBY(oparg);
    decref(v);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    SKIP_CACHES(kCachePopJump);
    Object* v = POP();
    if (v != none()) JUMPBY(oparg);
    decref(v);
    DISPATCH();
  }
  TARGET(GET_ITER) {
    Object* iterable = TOP();
    Object* it = object_get_iter(iterable);
    if (!it) goto error;
    decref(iterable);
    sp[-1] = it;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
  generic_FOR_ITER:
    SPECIALIZE_WHEN_DUE(specialize_for_iter(TOP(), next_instr - 1, oparg));
    SKIP_CACHES(kCacheForIter);
    Object* it = TOP();
    Object* next = it->type->iternext ? it->type->iternext(it) : nullptr;
    if (!next) {
      if (!it->type->iternext) {
        errors::format(exc_TypeError, "'%.200s' object is not an iterator", it->type->name);
        goto error;
      }
      if (errors::occurred()) {
        if (!errors::exception_matches(reinterpret_cast<Object*>(exc_StopIteration)))
          goto error;
        errors::clear();
      }
      // Exhausted: jump past the END_FOR that ends the loop; POP_ITER pops the iterator.
      JUMPBY(oparg + 1);
      DISPATCH();
    }
    PUSH(next);
    DISPATCH();
  }
  TARGET(GET_LEN) {
    ssize len = object_length(TOP());
    if (len < 0) goto error;
    Object* l = long_from_ssize(len);
    if (!l) goto error;
    PUSH(l);
    DISPATCH();
  }

  // --- functions and calls ------------------------------------------------------------------
  TARGET(MAKE_FUNCTION) {
    Object* code = TOP();
    Object* func = function_new(code, frame->f_globals, nullptr);
    if (!func) goto error;
    decref(code);
    sp[-1] = func;
    DISPATCH();
  }
  TARGET(SET_FUNCTION_ATTRIBUTE) {
    Object* func = POP();
    Object* attr = POP();
    auto* f = static_cast<FunctionObject*>(func);
    switch (oparg) {
      case 0x01: xsetref(f->func_defaults, attr); break;
      case 0x02: xsetref(f->func_kwdefaults, attr); break;
      case 0x04: xsetref(f->func_annotations, attr); break;
      case 0x08: xsetref(f->func_closure, attr); break;
      case 0x10: xsetref(f->func_annotate, attr); break;
      default: decref(attr); break;
    }
    PUSH(func);
    DISPATCH();
  }
  TARGET(CALL) {
  generic_CALL:
    SPECIALIZE_WHEN_DUE(specialize_call(sp[-oparg - 2], sp[-oparg - 1], next_instr - 1,
                                        oparg + (sp[-oparg - 1] != nullptr)));
    SKIP_CACHES(kCacheCall);
    Object** args = sp - oparg;
    Object** const call_base = args - 2;  // the callable's slot: the stack top after the call
    Object* callable = args[-2];
    Object* self_or_null = args[-1];
    int total = oparg;
    if (self_or_null) {
      --args;
      ++total;
    } else if (callable->type == &method_type) {
      auto* m = static_cast<MethodObject*>(callable);
      args[-1] = new_ref(m->im_self);
      args[-2] = new_ref(m->im_func);
      decref(callable);
      callable = args[-2];
      --args;
      ++total;
    }
    if (callable->type == &function_type) {
      // A Python function: its frame continues in this loop.
      auto* func = static_cast<FunctionObject*>(callable);
      frame->stackpointer = call_base;
      Frame* nf = push_and_init(func, nullptr, args, total, nullptr, frame);
      for (int i = 0; i < total; ++i) decref(args[i]);
      decref(callable);
      sp = call_base;
      if (!nf) goto error;
      frame->return_offset = uint16_t(1 + kCacheCall);
      frame->stackpointer = sp;
      frame = nf;
      ts->current_frame = frame;
      goto start_frame;
    }
    Object* res = vectorcall(callable, args, size_t(total) | kVectorcallArgumentsOffset, nullptr);
    for (int i = 0; i < total; ++i) decref(args[i]);
    decref(callable);
    sp = call_base;
    if (!res) goto error;
    PUSH(res);
    CHECK_PERIODIC();
    DISPATCH();
  }
  TARGET(CALL_KW) {
    SKIP_CACHES(kCacheCall);
    Object* kwnames = POP();
    Object** args = sp - oparg;
    Object** const call_base = args - 2;
    Object* callable = args[-2];
    Object* self_or_null = args[-1];
    int total = oparg;
    if (self_or_null) {
      --args;
      ++total;
    } else if (callable->type == &method_type) {
      auto* m = static_cast<MethodObject*>(callable);
      args[-1] = new_ref(m->im_self);
      args[-2] = new_ref(m->im_func);
      decref(callable);
      callable = args[-2];
      --args;
      ++total;
    }
    ssize nkw = tuple_size(kwnames);
    if (callable->type == &function_type) {
      auto* func = static_cast<FunctionObject*>(callable);
      Frame* nf = push_and_init(func, nullptr, args, total - nkw, kwnames, frame);
      for (int i = 0; i < total; ++i) decref(args[i]);
      decref(callable);
      decref(kwnames);
      sp = call_base;
      if (!nf) goto error;
      frame->return_offset = uint16_t(1 + kCacheCall);
      frame->stackpointer = sp;
      frame = nf;
      ts->current_frame = frame;
      goto start_frame;
    }
    Object* res = vectorcall(callable, args,
                             size_t(total - nkw) | kVectorcallArgumentsOffset, kwnames);
    for (int i = 0; i < total; ++i) decref(args[i]);
    decref(callable);
    decref(kwnames);
    sp = call_base;
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    Object* kwargs = TOP();
    Object* callargs = SECOND();
    Object* func = PEEK(4);
    if (!tuple_check_exact(callargs)) {
      // _MAKE_CALLARGS_A_TUPLE (a tuple subclass goes through its __iter__)
      if (callargs->type->iter == nullptr && !sequence_check(callargs)) {
        Object* fs = object_function_str(func);
        if (fs) {
          errors::format(exc_TypeError, "%U argument after * must be an iterable, not %.200s",
                         fs, callargs->type->name);
          decref(fs);
        }
        goto error;
      }
      Object* t = sequence_tuple(callargs);
      if (!t) goto error;
      decref(callargs);
      sp[-2] = callargs = t;
    }
    if (kwargs && !dict_check_exact(kwargs)) {
      // Only a dict reaches here from the compiler's DICT_MERGE, but be safe.
      Object* d = dict_new();
      if (!d) goto error;
      if (dict_merge(d, kwargs, 1) < 0) {
        decref(d);
        goto error;
      }
      decref(kwargs);
      sp[-1] = kwargs = d;
    }
    Object* res;
    if (func->type == &function_type && (!kwargs || dict_size(kwargs) == 0)) {
      res = vectorcall(func, tuple_items(callargs), size_t(tuple_size(callargs)), nullptr);
    } else {
      res = object_call(func, callargs, kwargs);
    }
    if (!res) goto error;
    xdecref(kwargs);
    decref(callargs);
    xdecref(PEEK(3));
    decref(func);
    sp -= 4;
    PUSH(res);
    DISPATCH();
  }
  TARGET(CALL_INTRINSIC_1) {
    Object* v = TOP();
    Object* r = call_intrinsic_1(oparg, v);
    if (!r) goto error;
    decref(v);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(CALL_INTRINSIC_2) {
    Object* v1 = TOP();
    Object* v2 = SECOND();
    Object* r = call_intrinsic_2(oparg, v2, v1);
    if (!r) goto error;
    decref(v1);
    decref(v2);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    NAME(bc, "__build_class__");
    Object* v;
    int rc = mapping_get_optional_item(frame->f_builtins, bc, &v);
    if (rc < 0) goto error;
    if (!rc) {
      errors::set_string(exc_NameError, "__build_class__ not found");
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_COMMON_CONSTANT) {
    Object* c = common_constant(oparg);
    if (!c) {
      errors::set_string(exc_SystemError, "bad common constant");
      goto error;
    }
    PUSH(new_ref(c));
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    Object* retval = POP();
    frame->stackpointer = sp;
    ++ts->py_recursion_remaining;
    // GH-99729: the frame is unlinked before it is cleared, so that what its locals' deaths
    // run (finalizers, warnings, __del__) sees the caller as the current frame.
    if (frame->is_entry) {
      ts->current_frame = entry_previous;
      GenObject* gen = frame_generator(frame);
      if (gen) {
        gen->gi_frame_state = kFrameCompleted;
        frame_clear(frame);
        return retval;
      }
      frame_clear(frame);
      pop_frame(frame);
      return retval;
    }
    Frame* prev = frame->previous;
    ts->current_frame = prev;
    clear_thread_frame(frame);
    pop_frame(frame);
    frame = prev;
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr + frame->return_offset;
    PUSH(retval);
    DISPATCH();
  }
  TARGET(RETURN_GENERATOR) {
    auto* func = static_cast<FunctionObject*>(frame->f_funcobj);
    GenObject* gen = gen_make(func);
    if (!gen) goto error;
    Frame* gen_frame = &gen->gi_iframe;
    frame->instr_ptr = next_instr;  // resume after RETURN_GENERATOR
    frame->stackpointer = sp;
    frame_copy(frame, gen_frame);
    gen->gi_frame_state = kFrameCreated;
    gen_frame->owner = kOwnedByGenerator;
    gen_frame->is_entry = 0;
    gen_frame->previous = nullptr;
    // The thread's frame is now empty: its references moved to the generator.
    frame->stackpointer = frame->localsplus;
    frame->frame_obj = nullptr;
    ++ts->py_recursion_remaining;
    Frame* prev = frame->previous;
    bool was_entry = frame->is_entry;
    pop_frame(frame);
    if (was_entry) {
      ts->current_frame = entry_previous;
      return gen;
    }
    frame = prev;
    ts->current_frame = frame;
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr + frame->return_offset;
    PUSH(gen);
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    Object* retval = POP();
    GenObject* gen = frame_generator(frame);
    frame->instr_ptr = next_instr;
    frame->stackpointer = sp;
    ++ts->py_recursion_remaining;
    if (gen) gen->gi_frame_state = oparg ? kFrameSuspendedYieldFrom : kFrameSuspended;
    // Generator frames always run as entry frames (gen_send_ex2 calls eval_frame).
    ts->current_frame = entry_previous;
    return retval;
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Object* iterable = TOP();
    if (coro_check_exact(iterable)) {
      auto* co_here = frame_code(frame);
      if (!(co_here->co_flags & (kCoCoroutine | kCoIterableCoroutine))) {
        errors::set_string(exc_TypeError,
                           "cannot 'yield from' a coroutine object in a non-coroutine "
                           "generator");
        goto error;
      }
    } else if (!gen_check_exact(iterable)) {
      Object* it = object_get_iter(iterable);
      if (!it) goto error;
      decref(iterable);
      sp[-1] = it;
    }
    DISPATCH();
  }
  TARGET(SEND) {
    SKIP_CACHES(kCacheSend);
    Object* v = TOP();
    Object* receiver = SECOND();
    Object* retval = nullptr;
    int r = iter_send(receiver, v, &retval);
    if (r < 0) goto error;
    decref(v);
    sp[-1] = retval;
    if (r == 0) JUMPBY(oparg);  // returned: jump to END_SEND's target
    DISPATCH();
  }
  TARGET(END_SEND) {
    Object* value = POP();
    Object* receiver = TOP();
    decref(receiver);
    sp[-1] = value;
    DISPATCH();
  }
  TARGET(CLEANUP_THROW) {
    // sub_iter, last_sent_val, exc_value -- none, value
    Object* exc_value = TOP();
    Object* last_sent = SECOND();
    Object* sub_iter = PEEK(3);
    if (object_is_instance(exc_value, reinterpret_cast<Object*>(exc_StopIteration)) > 0) {
      NAME(value_s, "value");
      Object* value = object_getattr(exc_value, value_s);
      if (!value) goto error;
      decref(exc_value);
      decref(last_sent);
      decref(sub_iter);
      sp -= 3;
      PUSH(return_none());
      PUSH(value);
      DISPATCH();
    }
    errors::set_raised_exception(new_ref(exc_value));
    if (monitoring_exc_events & (1u << kEvReraise)) [[unlikely]] monitor_reraise(frame, next_instr - 1);
    goto exception_unwind;
  }
  TARGET(GET_AWAITABLE) {
    Object* iterable = TOP();
    Object* iter = coro_get_awaitable_iter(iterable);
    if (!iter) {
      format_awaitable_error(iterable->type, oparg);
      goto error;
    }
    if (coro_check_exact(iter)) {
      Object* yf = gen_yf(static_cast<GenObject*>(iter));
      if (yf) {
        decref(yf);
        decref(iter);
        errors::set_string(exc_RuntimeError, "coroutine is being awaited already");
        goto error;
      }
    }
    decref(iterable);
    sp[-1] = iter;
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Object* obj = TOP();
    TypeObject* type = obj->type;
    if (!type->as_async || !type->as_async->aiter) {
      errors::format(exc_TypeError,
                     "'async for' requires an object with __aiter__ method, got %.100s",
                     type->name);
      goto error;
    }
    Object* iter = type->as_async->aiter(obj);
    if (!iter) goto error;
    if (!iter->type->as_async || !iter->type->as_async->anext) {
      errors::format(exc_TypeError,
                     "'async for' received an object from __aiter__ that does not implement "
                     "__anext__: %.100s",
                     iter->type->name);
      decref(iter);
      goto error;
    }
    decref(obj);
    sp[-1] = iter;
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    Object* aiter = TOP();
    TypeObject* type = aiter->type;
    if (!type->as_async || !type->as_async->anext) {
      errors::format(exc_TypeError,
                     "'async for' requires an iterator with __anext__ method, got %.100s",
                     type->name);
      goto error;
    }
    Object* next_iter = type->as_async->anext(aiter);
    if (!next_iter) goto error;
    Object* awaitable = coro_get_awaitable_iter(next_iter);
    if (!awaitable) {
      errors::format(exc_TypeError,
                     "'async for' received an invalid object from __anext__: %.100s",
                     next_iter->type->name);
      decref(next_iter);
      goto error;
    }
    decref(next_iter);
    PUSH(awaitable);
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Object* exc = POP();
    Object* awaitable = POP();
    if (object_is_instance(exc, reinterpret_cast<Object*>(exc_StopAsyncIteration)) > 0) {
      decref(exc);
      decref(awaitable);
      DISPATCH();
    }
    decref(awaitable);
    errors::set_raised_exception(exc);
    if (monitoring_exc_events & (1u << kEvReraise)) [[unlikely]] monitor_reraise(frame, next_instr - 1);
    goto exception_unwind;
  }

  // --- exceptions ---------------------------------------------------------------------------
  TARGET(RAISE_VARARGS) {
    Object* cause = nullptr;
    Object* exc = nullptr;
    if (oparg == 2) cause = POP();
    if (oparg >= 1) exc = POP();
    bool reraise = do_raise(exc, cause);
    xdecref(exc);
    xdecref(cause);
    if (reraise) {
      if (monitoring_exc_events & (1u << kEvReraise)) [[unlikely]] monitor_reraise(frame, next_instr - 1);
      goto exception_unwind;
    }
    goto error;
  }
  TARGET(RERAISE) {
    Object* exc = POP();
    if (oparg) {
      Object* lasti = PEEK(oparg);
      if (long_check(lasti)) {
        long v = long_as_long(lasti);
        frame->instr_ptr = code_units(co) + v;
      }
    }
    errors::set_raised_exception(exc);
    if (monitoring_exc_events & (1u << kEvReraise)) [[unlikely]] monitor_reraise(frame, next_instr - 1);
    goto exception_unwind;
  }
  TARGET(PUSH_EXC_INFO) {
    Object* exc = TOP();
    Object* prev = ts->exc_info->exc_value;
    sp[-1] = prev ? prev : new_ref(none());
    ts->exc_info->exc_value = new_ref(exc);
    PUSH(exc);
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Object* exc_value = POP();
    Object* old = ts->exc_info->exc_value;
    ts->exc_info->exc_value = exc_value == none() ? nullptr : exc_value;
    if (exc_value == none()) decref(exc_value);
    xdecref(old);
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Object* right = TOP();
    Object* left = SECOND();
    if (check_except_type_valid(right) < 0) goto error;
    int res = errors::given_exception_matches(left, right);
    decref(right);
    sp[-1] = immortal_ref(res ? py_true() : py_false());
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    Object* match_type = TOP();
    Object* exc_value = SECOND();
    if (check_except_star_type_valid(match_type) < 0) goto error;
    Object *match = nullptr, *rest = nullptr;
    if (exception_group_match(exc_value, match_type, &match, &rest) < 0) goto error;
    decref(exc_value);
    decref(match_type);
    sp -= 2;
    if (match != none()) errors::set_handled_exception(match);
    PUSH(rest);
    PUSH(match);
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    // exit_func, exit_self, lasti, unused, val
    Object* val = TOP();
    Object* exit_self = PEEK(4);
    Object* exit_func = PEEK(5);
    Object* exc_type = reinterpret_cast<Object*>(val->type);
    Object* tb = exception_get_traceback(val);
    Object* stack[5] = {nullptr, exit_self, exc_type, val, tb ? tb : none()};
    bool has_self = exit_self != nullptr;
    Object* res = vectorcall(exit_func, stack + 2 - has_self,
                             size_t(3 + has_self) | kVectorcallArgumentsOffset, nullptr);
    xdecref(tb);
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }

  // --- pattern matching -----------------------------------------------------------------------
  TARGET(MATCH_CLASS) {
    Object* kwnames = TOP();
    Object* type = SECOND();
    Object* subject = PEEK(3);
    Object* attrs = match_class(subject, type, oparg, kwnames);
    if (!attrs) {
      if (errors::occurred()) goto error;
      attrs = return_none();
    }
    decref(kwnames);
    decref(type);
    decref(subject);
    sp -= 3;
    PUSH(attrs);
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    Object* subject = TOP();
    bool m = type_has_feature(subject->type, kTpflagsMapping);
    PUSH(immortal_ref(m ? py_true() : py_false()));
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    Object* subject = TOP();
    bool m = type_has_feature(subject->type, kTpflagsSequence);
    PUSH(immortal_ref(m ? py_true() : py_false()));
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    Object* keys = TOP();
    Object* subject = SECOND();
    Object* values = match_keys(subject, keys);
    if (!values) goto error;
    PUSH(values);
    DISPATCH();
  }

  // --- formatting ---------------------------------------------------------------------------
  TARGET(CONVERT_VALUE) {
    Object* value = TOP();
    Object* r = format_value(value, oparg);
    if (!r) goto error;
    decref(value);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(FORMAT_SIMPLE) {
    Object* value = TOP();
    if (!str_check_exact(value)) {
      Object* r = object_format(value, nullptr);
      if (!r) goto error;
      decref(value);
      sp[-1] = r;
    }
    DISPATCH();
  }
  TARGET(FORMAT_WITH_SPEC) {
    Object* spec = TOP();
    Object* value = SECOND();
    Object* r = object_format(value, spec);
    if (!r) goto error;
    decref(spec);
    decref(value);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }

  // --- imports ------------------------------------------------------------------------------
  TARGET(IMPORT_NAME) {
    Object* fromlist = TOP();
    Object* level = SECOND();
    Object* r = import_name(frame, GETITEM(names, oparg), fromlist, level);
    if (!r) goto error;
    decref(fromlist);
    decref(level);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Object* from = TOP();
    Object* r = import_from(from, GETITEM(names, oparg));
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }

  TARGET(EXIT_INIT_CHECK) {
    Object* should_be_none = TOP();
    if (should_be_none != none()) {
      errors::format(exc_TypeError, "__init__() should return None, not '%.200s'",
                     should_be_none->type->name);
      goto error;
    }
    decref(POP());
    DISPATCH();
  }
  TARGET(INTERPRETER_EXIT) { goto op_unknown; }

  // --- specialised instructions (Python/bytecodes.c; specialize.cpp writes them) -------------
  // Each starts with this_instr (the instruction; next_instr is its first cache entry) and
  // checks its guards before touching the stack, so that a miss can run the generic body.

  // The cache holds the value's offset in the keys object, in units of 8 (specialize.cpp).
#define GLOBAL_VALUE(keys, slot) \
  (*reinterpret_cast<Object**>(reinterpret_cast<char*>(keys) + (size_t(slot) << 3)))
  TARGET(LOAD_GLOBAL_MODULE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* g = frame->f_globals;
    DEOPT_IF(!dict_check_exact(g), LOAD_GLOBAL);
    DictKeys* keys = static_cast<DictObject*>(g)->keys;
    DEOPT_IF(keys->version != next_instr[1].cache, LOAD_GLOBAL);
    Object* v = GLOBAL_VALUE(keys, next_instr[3].cache);
    DEOPT_IF(!v, LOAD_GLOBAL);
    SKIP_CACHES(kCacheLoadGlobal);
    PUSH(new_ref(v));
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL_BUILTIN) {
    CodeUnit* this_instr = next_instr - 1;
    Object* g = frame->f_globals;
    Object* b = frame->f_builtins;
    DEOPT_IF(!dict_check_exact(g) || !dict_check_exact(b), LOAD_GLOBAL);
    DEOPT_IF(static_cast<DictObject*>(g)->keys->version != next_instr[1].cache, LOAD_GLOBAL);
    DictKeys* keys = static_cast<DictObject*>(b)->keys;
    DEOPT_IF(keys->version != next_instr[2].cache, LOAD_GLOBAL);
    Object* v = GLOBAL_VALUE(keys, next_instr[3].cache);
    DEOPT_IF(!v, LOAD_GLOBAL);
    SKIP_CACHES(kCacheLoadGlobal);
    PUSH(new_ref(v));
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }

  TARGET(TO_BOOL_BOOL) {
    CodeUnit* this_instr = next_instr - 1;
    DEOPT_IF(TOP()->type != &bool_type, TO_BOOL);
    SKIP_CACHES(kCacheToBool);
    DISPATCH();
  }
  TARGET(TO_BOOL_INT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* v = TOP();
    DEOPT_IF(v->type != &long_type, TO_BOOL);
    SKIP_CACHES(kCacheToBool);
    sp[-1] = immortal_ref(long_is_zero(v) ? py_false() : py_true());
    decref(v);
    DISPATCH();
  }
  TARGET(TO_BOOL_LIST) {
    CodeUnit* this_instr = next_instr - 1;
    Object* v = TOP();
    DEOPT_IF(v->type != &list_type, TO_BOOL);
    SKIP_CACHES(kCacheToBool);
    sp[-1] = immortal_ref(list_size(v) ? py_true() : py_false());
    decref(v);
    DISPATCH();
  }
  TARGET(TO_BOOL_NONE) {
    CodeUnit* this_instr = next_instr - 1;
    DEOPT_IF(TOP() != none(), TO_BOOL);
    SKIP_CACHES(kCacheToBool);
    sp[-1] = immortal_ref(py_false());
    DISPATCH();
  }
  TARGET(TO_BOOL_STR) {
    CodeUnit* this_instr = next_instr - 1;
    Object* v = TOP();
    DEOPT_IF(v->type != &str_type, TO_BOOL);
    SKIP_CACHES(kCacheToBool);
    sp[-1] = immortal_ref(str_length(v) ? py_true() : py_false());
    decref(v);
    DISPATCH();
  }
  TARGET(TO_BOOL_ALWAYS_TRUE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* v = TOP();
    DEOPT_IF(v->type->version_tag != read_u32(next_instr + 1), TO_BOOL);
    SKIP_CACHES(kCacheToBool);
    sp[-1] = immortal_ref(py_true());
    decref(v);
    DISPATCH();
  }

  // BINARY_OP on two compact ints: the machine-word result (_PyCompactLong_Add...).
#define BINARY_INT(family_op, expr)                                              \
  {                                                                              \
    CodeUnit* this_instr = next_instr - 1;                                       \
    Object* rhs = TOP();                                                         \
    Object* lhs = SECOND();                                                      \
    DEOPT_IF(lhs->type != &long_type || rhs->type != &long_type ||               \
                 !long_is_compact(lhs) || !long_is_compact(rhs),                 \
             BINARY_OP);                                                         \
    SKIP_CACHES(kCacheBinaryOp);                                                 \
    int64_t a = long_compact_value(lhs), b = long_compact_value(rhs);            \
    Object* r = long_result_steal(lhs, rhs, (expr));                             \
    sp -= 2;                                                                     \
    if (!r) goto error;                                                          \
    PUSH(r);                                                                     \
    DISPATCH();                                                                  \
  }
  TARGET(BINARY_OP_ADD_INT) BINARY_INT(ADD, a + b)
  TARGET(BINARY_OP_SUBTRACT_INT) BINARY_INT(SUBTRACT, a - b)
  TARGET(BINARY_OP_MULTIPLY_INT) BINARY_INT(MULTIPLY, a * b)
#undef BINARY_INT

  // BINARY_OP on two floats; an operand only the stack holds takes the result in place
  // (as _PyFloat_FromDouble_ConsumeInputs reuses storage).
#define BINARY_FLOAT(expr)                                                       \
  {                                                                              \
    CodeUnit* this_instr = next_instr - 1;                                       \
    Object* rhs = TOP();                                                         \
    Object* lhs = SECOND();                                                      \
    DEOPT_IF(lhs->type != &float_type || rhs->type != &float_type, BINARY_OP);   \
    SKIP_CACHES(kCacheBinaryOp);                                                 \
    double a = float_value(lhs), b = float_value(rhs);                           \
    Object* r = float_result_steal(lhs, rhs, (expr));                            \
    sp -= 2;                                                                     \
    if (!r) goto error;                                                          \
    PUSH(r);                                                                     \
    DISPATCH();                                                                  \
  }
  TARGET(BINARY_OP_ADD_FLOAT) BINARY_FLOAT(a + b)
  TARGET(BINARY_OP_SUBTRACT_FLOAT) BINARY_FLOAT(a - b)
  TARGET(BINARY_OP_MULTIPLY_FLOAT) BINARY_FLOAT(a * b)
#undef BINARY_FLOAT

  TARGET(BINARY_OP_ADD_UNICODE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* rhs = TOP();
    Object* lhs = SECOND();
    DEOPT_IF(lhs->type != &str_type || rhs->type != &str_type, BINARY_OP);
    SKIP_CACHES(kCacheBinaryOp);
    Object* r = str_concat(lhs, rhs);
    if (!r) goto error;
    decref(lhs);
    decref(rhs);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }
  // `s += t` (or s = s + t) into the local s: the STORE_FAST that follows is done here, and
  // s grows in place when the local holds the only other reference (PyUnicode_Append).
  TARGET(BINARY_OP_INPLACE_ADD_UNICODE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* rhs = TOP();
    Object* lhs = SECOND();
    DEOPT_IF(lhs->type != &str_type || rhs->type != &str_type, BINARY_OP);
    CodeUnit store = next_instr[kCacheBinaryOp];
    DEOPT_IF(store.op.code != STORE_FAST, BINARY_OP);
    Object** target = &fast[store.op.arg];
    DEOPT_IF(*target != lhs, BINARY_OP);
    SKIP_CACHES(kCacheBinaryOp);
    decref(lhs);  // the stack's reference; the local keeps its own
    Object* temp = *target;
    *target = nullptr;
    str_append(&temp, rhs);
    *target = temp;
    decref(rhs);
    sp -= 2;
    if (!temp) goto error;
    ++next_instr;  // past the STORE_FAST
    DISPATCH();
  }
  // BINARY_OP with a pointer to a guard and an action in the cache (specialize.cpp's table).
  TARGET(BINARY_OP_EXTEND) {
    CodeUnit* this_instr = next_instr - 1;
    Object* rhs = TOP();
    Object* lhs = SECOND();
    const BinaryOpExtend* d = read_extend_descr(next_instr + 1);
    // The machine-word int actions on two one-digit ints, inline (the guards' conditions
    // for such operands are the sign tests below; |results| < 2**60).
    if (d->word_op && lhs->type == &long_type && rhs->type == &long_type &&
        long_is_compact(lhs) && long_is_compact(rhs)) {
      int64_t a = long_compact_value(lhs), b = long_compact_value(rhs), v;
      switch (d->word_op) {
        case kWordAnd: v = a & b; break;
        case kWordOr: v = a | b; break;
        case kWordXor: v = a ^ b; break;
        case kWordAdd: v = a + b; break;
        case kWordSub: v = a - b; break;
        case kWordMul: v = a * b; break;
        case kWordMod:
          if (a < 0 || b <= 0) goto extend_general;
          v = a % b;
          break;
        case kWordFloorDiv:
          if (a < 0 || b <= 0) goto extend_general;
          v = a / b;
          break;
        case kWordRshift:
          if (b < 0) goto extend_general;
          v = a >> (b > 63 ? 63 : b);
          break;
        default: goto extend_general;
      }
      SKIP_CACHES(kCacheBinaryOp);
      Object* r = long_result_steal(lhs, rhs, v);
      sp -= 2;
      if (!r) goto error;
      PUSH(r);
      DISPATCH();
    }
  extend_general:
    DEOPT_IF(!d->guard(lhs, rhs), BINARY_OP);
    SKIP_CACHES(kCacheBinaryOp);
    Object* r = d->action(lhs, rhs);  // takes over the stack's references
    sp -= 2;
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }
  TARGET(BINARY_OP_SUBSCR_LIST_INT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* sub = TOP();
    Object* seq = SECOND();
    DEOPT_IF(seq->type != &list_type || sub->type != &long_type || !long_is_compact(sub) ||
                 long_sign(sub) < 0,
             BINARY_OP);
    ssize i = long_compact_value(sub);
    DEOPT_IF(i >= list_size(seq), BINARY_OP);
    SKIP_CACHES(kCacheBinaryOp);
    Object* r = new_ref(list_items(seq)[i]);
    decref(seq);
    decref(sub);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(BINARY_OP_SUBSCR_TUPLE_INT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* sub = TOP();
    Object* seq = SECOND();
    DEOPT_IF(seq->type != &tuple_type || sub->type != &long_type || !long_is_compact(sub) ||
                 long_sign(sub) < 0,
             BINARY_OP);
    ssize i = long_compact_value(sub);
    DEOPT_IF(i >= tuple_size(seq), BINARY_OP);
    SKIP_CACHES(kCacheBinaryOp);
    Object* r = new_ref(tuple_items(seq)[i]);
    decref(seq);
    decref(sub);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(BINARY_OP_SUBSCR_DICT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* sub = TOP();
    Object* d = SECOND();
    DEOPT_IF(d->type != &dict_type, BINARY_OP);
    SKIP_CACHES(kCacheBinaryOp);
    Object* r = dict_type.as_mapping->subscript(d, sub);
    if (!r) goto error;
    decref(d);
    decref(sub);
    --sp;
    sp[-1] = r;
    DISPATCH();
  }

  // COMPARE_OP: the low four bits of oparg are the mask of outcomes that give True
  // (COMPARISON_LESS_THAN 2, GREATER_THAN 4, EQUALS 8, UNORDERED 1).
#define COMPARISON_BIT(x, y) (1 << (2 * ((x) >= (y)) + ((x) <= (y))))
  // The compiler folds the bool conversion into the compare (oparg & 16) and branches on it
  // with the next instruction: a following POP_JUMP_IF_FALSE / POP_JUMP_IF_TRUE is carried
  // out here, without the bool going through the stack (and the NOT_TAKEN of the fall-through
  // path, a no-op, is skipped). Only while the dispatch is the plain one: an instrumented jump
  // raises BRANCH events (and line events) and must run as itself.
#if CPPY_COMPUTED_GOTOS
#define COMPARE_RESULT(res)                                                          \
  do {                                                                               \
    CodeUnit nx_ = *next_instr;                                                      \
    if (nx_.op.code == POP_JUMP_IF_FALSE || nx_.op.code == POP_JUMP_IF_TRUE) {         \
      if (targets[nx_.op.code] == real_targets[nx_.op.code]) [[likely]] {             \
        next_instr += 1 + kCachePopJump;                                             \
        if ((res) == (nx_.op.code == POP_JUMP_IF_TRUE)) {                            \
          JUMPBY(nx_.op.arg);                                                        \
        } else if (next_instr->op.code == NOT_TAKEN) {                               \
          ++next_instr;                                                              \
        }                                                                            \
        DISPATCH();                                                                  \
      }                                                                              \
    }                                                                                \
    PUSH(immortal_ref((res) ? py_true() : py_false()));                                   \
    DISPATCH();                                                                      \
  } while (0)
#else
#define COMPARE_RESULT(res)                          \
  do {                                               \
    PUSH(immortal_ref((res) ? py_true() : py_false()));   \
    DISPATCH();                                      \
  } while (0)
#endif
  TARGET(COMPARE_OP_INT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* rhs = TOP();
    Object* lhs = SECOND();
    DEOPT_IF(lhs->type != &long_type || rhs->type != &long_type || !long_is_compact(lhs) ||
                 !long_is_compact(rhs),
             COMPARE_OP);
    SKIP_CACHES(kCacheCompareOp);
    ssize a = long_compact_value(lhs), b = long_compact_value(rhs);
    bool res = (COMPARISON_BIT(a, b) & oparg) != 0;
    decref(lhs);
    decref(rhs);
    sp -= 2;
    COMPARE_RESULT(res);
  }
  TARGET(COMPARE_OP_FLOAT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* rhs = TOP();
    Object* lhs = SECOND();
    DEOPT_IF(lhs->type != &float_type || rhs->type != &float_type, COMPARE_OP);
    SKIP_CACHES(kCacheCompareOp);
    double a = float_value(lhs), b = float_value(rhs);
    bool res = (COMPARISON_BIT(a, b) & oparg) != 0;
    decref(lhs);
    decref(rhs);
    sp -= 2;
    COMPARE_RESULT(res);
  }
  TARGET(COMPARE_OP_STR) {
    CodeUnit* this_instr = next_instr - 1;
    Object* rhs = TOP();
    Object* lhs = SECOND();
    DEOPT_IF(lhs->type != &str_type || rhs->type != &str_type, COMPARE_OP);
    SKIP_CACHES(kCacheCompareOp);
    int eq = lhs == rhs || str_equal(lhs, rhs);
    // COMPARISON_NOT_EQUALS (7) + 1 is COMPARISON_EQUALS (8).
    bool res = ((7 + eq) & oparg) != 0;
    decref(lhs);
    decref(rhs);
    sp -= 2;
    COMPARE_RESULT(res);
  }
#undef COMPARISON_BIT
#undef COMPARE_RESULT

  TARGET(CONTAINS_OP_DICT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* right = TOP();
    Object* left = SECOND();
    DEOPT_IF(right->type != &dict_type, CONTAINS_OP);
    SKIP_CACHES(kCacheContainsOp);
    int res = dict_contains(right, left);
    if (res < 0) goto error;
    decref(left);
    decref(right);
    --sp;
    sp[-1] = immortal_ref((res ^ oparg) ? py_true() : py_false());
    DISPATCH();
  }
  TARGET(CONTAINS_OP_SET) {
    CodeUnit* this_instr = next_instr - 1;
    Object* right = TOP();
    Object* left = SECOND();
    DEOPT_IF(right->type != &set_type && right->type != &frozenset_type, CONTAINS_OP);
    SKIP_CACHES(kCacheContainsOp);
    int res = set_contains(right, left);
    if (res < 0) goto error;
    decref(left);
    decref(right);
    --sp;
    sp[-1] = immortal_ref((res ^ oparg) ? py_true() : py_false());
    DISPATCH();
  }

  TARGET(STORE_SUBSCR_LIST_INT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* sub = TOP();
    Object* list = SECOND();
    DEOPT_IF(list->type != &list_type || sub->type != &long_type || !long_is_compact(sub) ||
                 long_sign(sub) < 0,
             STORE_SUBSCR);
    ssize i = long_compact_value(sub);
    DEOPT_IF(i >= list_size(list), STORE_SUBSCR);
    SKIP_CACHES(kCacheStoreSubscr);
    Object* old = list_items(list)[i];
    list_items(list)[i] = PEEK(3);  // the list takes the stack's reference
    sp -= 3;
    release_value(old);
    decref(list);
    decref(sub);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR_DICT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* sub = TOP();
    Object* d = SECOND();
    DEOPT_IF(d->type != &dict_type, STORE_SUBSCR);
    SKIP_CACHES(kCacheStoreSubscr);
    Object* v = PEEK(3);
    int err = dict_set_item(d, sub, v);
    if (err) goto error;
    sp -= 3;
    decref(sub);
    decref(d);
    decref(v);
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE_TWO_TUPLE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* seq = TOP();
    DEOPT_IF(seq->type != &tuple_type || tuple_size(seq) != 2, UNPACK_SEQUENCE);
    SKIP_CACHES(kCacheUnpackSequence);
    sp[-1] = new_ref(tuple_items(seq)[1]);
    PUSH(new_ref(tuple_items(seq)[0]));
    decref(seq);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE_TUPLE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* seq = TOP();
    DEOPT_IF(seq->type != &tuple_type || tuple_size(seq) != oparg, UNPACK_SEQUENCE);
    SKIP_CACHES(kCacheUnpackSequence);
    --sp;
    Object** items = tuple_items(seq);
    for (int i = oparg; i-- > 0;) PUSH(new_ref(items[i]));
    decref(seq);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE_LIST) {
    CodeUnit* this_instr = next_instr - 1;
    Object* seq = TOP();
    DEOPT_IF(seq->type != &list_type || list_size(seq) != oparg, UNPACK_SEQUENCE);
    SKIP_CACHES(kCacheUnpackSequence);
    --sp;
    Object** items = list_items(seq);
    for (int i = oparg; i-- > 0;) PUSH(new_ref(items[i]));
    decref(seq);
    DISPATCH();
  }

  // FOR_ITER over a list, tuple or range iterator: exhausted, jump past the END_FOR.
  TARGET(FOR_ITER_LIST) {
    CodeUnit* this_instr = next_instr - 1;
    Object* it = TOP();
    DEOPT_IF(it->type != &listiter_type, FOR_ITER);
    SKIP_CACHES(kCacheForIter);
    auto* li = static_cast<ListIterObject*>(it);
    Object* seq = li->seq;
    if (seq && li->index < list_size(seq)) {
      PUSH(new_ref(list_items(seq)[li->index++]));
      DISPATCH();
    }
    if (seq) {
      li->seq = nullptr;
      decref(seq);
    }
    JUMPBY(oparg + 1);
    DISPATCH();
  }
  TARGET(FOR_ITER_TUPLE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* it = TOP();
    DEOPT_IF(it->type != &tupleiter_type, FOR_ITER);
    SKIP_CACHES(kCacheForIter);
    auto* ti = static_cast<TupleIterObject*>(it);
    Object* seq = ti->seq;
    if (seq && ti->index < tuple_size(seq)) {
      PUSH(new_ref(tuple_items(seq)[ti->index++]));
      DISPATCH();
    }
    if (seq) {
      ti->seq = nullptr;
      decref(seq);
    }
    JUMPBY(oparg + 1);
    DISPATCH();
  }
  TARGET(FOR_ITER_RANGE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* it = TOP();
    DEOPT_IF(it->type != &rangeiter_type, FOR_ITER);
    SKIP_CACHES(kCacheForIter);
    auto* ri = static_cast<RangeIterObject*>(it);
    if (ri->len <= 0) {
      JUMPBY(oparg + 1);
      DISPATCH();
    }
    ssize value = ri->start;
    ri->start = value + ri->step;
    ri->len--;
    Object* r = long_from_compact_result(value);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }

  // --- LOAD_ATTR / STORE_ATTR: cache counter, type_version[2], index or keys_version[2],
  // descr[4] (STORE_ATTR: counter, version[2], index).
#define ATTR_TYPE_GUARD(owner, family) \
  DEOPT_IF((owner)->type->version_tag != read_u32(next_instr + 1), family)
#define INSTANCE_DICT(owner) \
  (*reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + (owner)->type->dictoffset))
  TARGET(LOAD_ATTR_WITH_HINT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, LOAD_ATTR);
    Object* dict = INSTANCE_DICT(owner);
    DEOPT_IF(!dict, LOAD_ATTR);
    DictKeys* keys = static_cast<DictObject*>(dict)->keys;
    uint16_t hint = next_instr[3].cache;
    DEOPT_IF(hint >= keys->nentries, LOAD_ATTR);
    DictEntry* e = &dk_entries(keys)[hint];
    DEOPT_IF(e->key != GETITEM(names, oparg >> 1) || !e->value, LOAD_ATTR);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(e->value);
    decref(owner);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  // Inline values: the value's offset in the object, and the dict slot's, which is null
  // while the values are in use (objects/inline_values.h).
  // A site that sees instances of two classes (siblings of one base, say) keeps a second
  // class's version, value offset and dict offset in the descr entries (specialize.cpp).
  TARGET(LOAD_ATTR_INSTANCE_VALUE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    uint32_t tv = owner->type->version_tag;
    const CodeUnit* entry = next_instr + 3;  // value offset, dict offset
    if (tv != read_u32(next_instr + 1)) [[unlikely]] {
      DEOPT_IF(tv != read_u32(next_instr + 5) || tv == 0, LOAD_ATTR);
      entry = next_instr + 7;
    }
    char* base = reinterpret_cast<char*>(owner);
    DEOPT_IF(*reinterpret_cast<Object**>(base + entry[1].cache) != nullptr, LOAD_ATTR);
    Object* v = *reinterpret_cast<Object**>(base + entry[0].cache);
    DEOPT_IF(!v, LOAD_ATTR);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(v);
    decref(owner);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  TARGET(STORE_ATTR_INSTANCE_VALUE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, STORE_ATTR);
    DEOPT_IF(INSTANCE_DICT(owner) != nullptr, STORE_ATTR);
    SKIP_CACHES(kCacheStoreAttr);
    uint16_t offset = this_instr[4].cache;
    Object** slot = reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + offset);
    Object* old = *slot;
    *slot = SECOND();
    sp -= 2;
    if (old) {
      decref(old);
    } else {
      // A new attribute of this instance: it joins the insertion order.
      int index = int((slot - inline_values_array(owner)));
      inline_values_append_order(owner, index);
    }
    decref(owner);
    DISPATCH();
  }
  // A property's getter (a Python function of one argument) runs in a new frame, as
  // CALL_PY_EXACT_ARGS: its return value replaces the owner.
  TARGET(LOAD_ATTR_PROPERTY) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, LOAD_ATTR);
    auto* fget = static_cast<FunctionObject*>(read_obj(next_instr + 5));
    DEOPT_IF(fget->func_version != read_u32(next_instr + 3), LOAD_ATTR);
    auto* fco = static_cast<CodeObject*>(fget->func_code);
    DEOPT_IF(!data_stack_has_space(size_t(fco->co_framesize)), LOAD_ATTR);
    SKIP_CACHES(kCacheLoadAttr);
    Frame* nf = push_frame(size_t(fco->co_framesize));
    nf->f_executable = new_ref(static_cast<Object*>(fco));
    nf->previous = frame;
    nf->f_funcobj = new_ref(static_cast<Object*>(fget));
    nf->f_globals = new_ref(fget->func_globals);
    nf->f_builtins = new_ref(fget->func_builtins);
    nf->f_locals = nullptr;
    nf->frame_obj = nullptr;
    nf->instr_ptr = code_units(fco);
    nf->stackpointer = nf->localsplus + fco->co_nlocalsplus;
    nf->return_offset = 0;
    nf->owner = kOwnedByThread;
    nf->is_entry = 0;
    nf->visited = 0;
    nf->localsplus[0] = owner;  // the stack's reference
    for (int i = 1; i < fco->co_nlocalsplus; ++i) nf->localsplus[i] = nullptr;
    --sp;
    frame->return_offset = uint16_t(1 + kCacheLoadAttr);
    frame->stackpointer = sp;
    frame = nf;
    ts->current_frame = frame;
    goto start_frame;
  }
  TARGET(LOAD_ATTR_SLOT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, LOAD_ATTR);
    Object* v = *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + next_instr[3].cache);
    DEOPT_IF(!v, LOAD_ATTR);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(v);
    decref(owner);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_MODULE) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    DEOPT_IF(owner->type != &module_type, LOAD_ATTR);
    Object* dict = static_cast<ModuleObject*>(owner)->md_dict;
    DEOPT_IF(!dict || dict->type != &dict_type, LOAD_ATTR);
    DictKeys* keys = static_cast<DictObject*>(dict)->keys;
    DEOPT_IF(keys->version != read_u32(next_instr + 1), LOAD_ATTR);
    Object* v = dk_entries(keys)[next_instr[3].cache].value;
    DEOPT_IF(!v, LOAD_ATTR);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(v);
    decref(owner);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_CLASS) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    DEOPT_IF(owner->type != &Type_Type, LOAD_ATTR);
    DEOPT_IF(reinterpret_cast<TypeObject*>(owner)->version_tag != read_u32(next_instr + 1),
             LOAD_ATTR);
    Object* descr = read_obj(next_instr + 5);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(descr);
    decref(owner);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_METHOD_NO_DICT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, LOAD_ATTR);
    Object* descr = read_obj(next_instr + 5);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(descr);
    PUSH(owner);  // self
    DISPATCH();
  }
  TARGET(LOAD_ATTR_METHOD_LAZY_DICT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, LOAD_ATTR);
    DEOPT_IF(INSTANCE_DICT(owner) != nullptr, LOAD_ATTR);
    Object* descr = read_obj(next_instr + 5);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(descr);
    PUSH(owner);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_METHOD_WITH_VALUES) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, LOAD_ATTR);
    Object* dict = INSTANCE_DICT(owner);
    if (dict) {
      // The instance must not shadow the method.
      Object* name = GETITEM(names, oparg >> 1);
      DEOPT_IF(dict->type != &dict_type || static_cast<DictObject*>(dict)->keys->non_str_keys,
               LOAD_ATTR);
      DEOPT_IF(!dict_lacks_str_key(dict, name), LOAD_ATTR);
    } else if (type_has_feature(owner->type, kTpflagsInlineValues)) {
      // Inline values: the name is not among the class's shared keys.
      DEOPT_IF(type_shared_keys(owner->type)->version != read_u32(next_instr + 3), LOAD_ATTR);
    }
    Object* descr = read_obj(next_instr + 5);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(descr);
    PUSH(owner);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_NONDESCRIPTOR_NO_DICT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, LOAD_ATTR);
    Object* descr = read_obj(next_instr + 5);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(descr);
    decref(owner);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, LOAD_ATTR);
    Object* dict = INSTANCE_DICT(owner);
    if (dict) {
      Object* name = GETITEM(names, oparg >> 1);
      DEOPT_IF(dict->type != &dict_type || static_cast<DictObject*>(dict)->keys->non_str_keys,
               LOAD_ATTR);
      DEOPT_IF(!dict_lacks_str_key(dict, name), LOAD_ATTR);
    } else {
      DEOPT_IF(!type_has_feature(owner->type, kTpflagsInlineValues), LOAD_ATTR);
      DEOPT_IF(type_shared_keys(owner->type)->version != read_u32(next_instr + 3), LOAD_ATTR);
    }
    Object* descr = read_obj(next_instr + 5);
    SKIP_CACHES(kCacheLoadAttr);
    sp[-1] = new_ref(descr);
    decref(owner);
    DISPATCH();
  }
  TARGET(STORE_ATTR_WITH_HINT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, STORE_ATTR);
    Object* dict = INSTANCE_DICT(owner);
    DEOPT_IF(!dict, STORE_ATTR);
    DictKeys* keys = static_cast<DictObject*>(dict)->keys;
    uint16_t hint = next_instr[3].cache;
    DEOPT_IF(hint >= keys->nentries, STORE_ATTR);
    DictEntry* e = &dk_entries(keys)[hint];
    DEOPT_IF(e->key != GETITEM(names, oparg) || !e->value, STORE_ATTR);
    SKIP_CACHES(kCacheStoreAttr);
    Object* old = e->value;
    e->value = SECOND();  // the dict takes the stack's reference
    sp -= 2;
    decref(old);
    decref(owner);
    DISPATCH();
  }
  TARGET(STORE_ATTR_SLOT) {
    CodeUnit* this_instr = next_instr - 1;
    Object* owner = TOP();
    ATTR_TYPE_GUARD(owner, STORE_ATTR);
    SKIP_CACHES(kCacheStoreAttr);
    Object** slot =
        reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + this_instr[4].cache);
    Object* old = *slot;
    *slot = SECOND();
    sp -= 2;
    xdecref(old);
    decref(owner);
    DISPATCH();
  }
#undef ATTR_TYPE_GUARD
#undef INSTANCE_DICT

  // --- CALL: cache counter, func_version[2]. The stack holds callable, self_or_null, args.
#define CALL_OPERANDS()                                        \
  CodeUnit* this_instr = next_instr - 1;                       \
  Object** args = sp - oparg;                                  \
  Object** const call_base = args - 2;                         \
  Object* callable = args[-2];                                 \
  Object* self_or_null = args[-1];                             \
  Object** a = self_or_null ? args - 1 : args;                 \
  int total = oparg + (self_or_null != nullptr);               \
  (void)this_instr;                                            \
  (void)call_base;                                             \
  (void)a;                                                     \
  (void)total
  // Releases the arguments and the callable, then pushes res (or raises).
#define CALL_FINISH(res)                                       \
  do {                                                         \
    Object* res_ = (res);                                      \
    for (int i_ = 0; i_ < total; ++i_) decref(a[i_]);          \
    decref(callable);                                          \
    sp = call_base;                                            \
    if (!res_) goto error;                                     \
    PUSH(res_);                                                \
    CHECK_PERIODIC();                                          \
    DISPATCH();                                                \
  } while (0)

  TARGET(CALL_BOUND_METHOD_EXACT_ARGS) {
    CALL_OPERANDS();
    DEOPT_IF(self_or_null || callable->type != &method_type, CALL);
    auto* m = static_cast<MethodObject*>(callable);
    args[-1] = new_ref(m->im_self);
    args[-2] = new_ref(m->im_func);
    decref(callable);
    goto call_py_exact_args;
  }
  TARGET(CALL_PY_EXACT_ARGS) {
  call_py_exact_args:
    CALL_OPERANDS();
    DEOPT_IF(callable->type != &function_type, CALL);
    auto* func = static_cast<FunctionObject*>(callable);
    auto* fco = static_cast<CodeObject*>(func->func_code);
    // Another function at the same site (a method overridden in subclasses: obj.run()) is
    // taken as it is when its code binds exactly these arguments.
    DEOPT_IF(func->func_version != read_u32(next_instr + 1) &&
                 ((fco->co_flags & (kCoVarargs | kCoVarkeywords)) != 0 ||
                  fco->co_kwonlyargcount != 0),
             CALL);
    DEOPT_IF(fco->co_argcount != total, CALL);
    DEOPT_IF(!data_stack_has_space(size_t(fco->co_framesize)), CALL);
    SKIP_CACHES(kCacheCall);
    Frame* nf = push_frame(size_t(fco->co_framesize));
    // _PyFrame_Initialize with the arguments moved from the caller's stack.
    nf->f_executable = new_ref(static_cast<Object*>(fco));
    nf->previous = frame;
    nf->f_funcobj = callable;  // the stack's reference
    nf->f_globals = new_ref(func->func_globals);
    nf->f_builtins = new_ref(func->func_builtins);
    nf->f_locals = nullptr;
    nf->frame_obj = nullptr;
    nf->instr_ptr = code_units(fco);
    nf->stackpointer = nf->localsplus + fco->co_nlocalsplus;
    nf->return_offset = 0;
    nf->owner = kOwnedByThread;
    nf->is_entry = 0;
    nf->visited = 0;
    for (int i = 0; i < total; ++i) nf->localsplus[i] = a[i];
    for (int i = total; i < fco->co_nlocalsplus; ++i) nf->localsplus[i] = nullptr;
    sp = call_base;
    frame->return_offset = uint16_t(1 + kCacheCall);
    frame->stackpointer = sp;
    frame = nf;
    ts->current_frame = frame;
    // start_frame with the new frame's state at hand rather than read back from it (the
    // recursion limit is checked, and raised, there).
    if (ts->py_recursion_remaining <= 0) [[unlikely]] goto start_frame;
    --ts->py_recursion_remaining;
    co = fco;
    consts = fco->co_consts;
    names = fco->co_names;
    sp = nf->localsplus + fco->co_nlocalsplus;
    next_instr = code_units(fco);
    DISPATCH();
  }
  TARGET(CALL_BOUND_METHOD_GENERAL) {
    CALL_OPERANDS();
    DEOPT_IF(self_or_null || callable->type != &method_type, CALL);
    auto* m = static_cast<MethodObject*>(callable);
    args[-1] = new_ref(m->im_self);
    args[-2] = new_ref(m->im_func);
    decref(callable);
    goto call_py_general;
  }
  TARGET(CALL_PY_GENERAL) {
  call_py_general:
    CALL_OPERANDS();
    DEOPT_IF(callable->type != &function_type, CALL);
    auto* func = static_cast<FunctionObject*>(callable);
    DEOPT_IF(func->func_version != read_u32(next_instr + 1), CALL);
    SKIP_CACHES(kCacheCall);
    frame->stackpointer = call_base;
    Frame* nf = push_and_init(func, nullptr, a, total, nullptr, frame);
    for (int i = 0; i < total; ++i) decref(a[i]);
    decref(callable);
    sp = call_base;
    if (!nf) goto error;
    frame->return_offset = uint16_t(1 + kCacheCall);
    frame->stackpointer = sp;
    frame = nf;
    ts->current_frame = frame;
    goto start_frame;
  }
  TARGET(CALL_BUILTIN_O) {
    CALL_OPERANDS();
    DEOPT_IF(callable->type != &cfunction_type || total != 1, CALL);
    auto* f = static_cast<CFunctionObject*>(callable);
    DEOPT_IF((f->m_ml->flags & (kMethVarargs | kMethFastcall | kMethNoArgs | kMethO |
                                kMethKeywords | kMethMethod)) != kMethO,
             CALL);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(reinterpret_cast<CFunction>(f->m_ml->function)(f->m_self, a[0]));
  }
  TARGET(CALL_BUILTIN_FAST) {
    CALL_OPERANDS();
    DEOPT_IF(callable->type != &cfunction_type, CALL);
    auto* f = static_cast<CFunctionObject*>(callable);
    DEOPT_IF((f->m_ml->flags & (kMethVarargs | kMethFastcall | kMethNoArgs | kMethO |
                                kMethKeywords | kMethMethod)) != kMethFastcall,
             CALL);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(reinterpret_cast<CFunctionFast>(f->m_ml->function)(f->m_self, a, total));
  }
  TARGET(CALL_BUILTIN_FAST_WITH_KEYWORDS) {
    CALL_OPERANDS();
    DEOPT_IF(callable->type != &cfunction_type, CALL);
    auto* f = static_cast<CFunctionObject*>(callable);
    DEOPT_IF((f->m_ml->flags & (kMethVarargs | kMethFastcall | kMethNoArgs | kMethO |
                                kMethKeywords | kMethMethod)) != (kMethFastcall | kMethKeywords),
             CALL);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(reinterpret_cast<CFunctionFastWithKeywords>(f->m_ml->function)(f->m_self, a,
                                                                                total, nullptr));
  }
  TARGET(CALL_LEN) {
    CALL_OPERANDS();
    DEOPT_IF(total != 1 || callable != builtin_len(), CALL);
    SKIP_CACHES(kCacheCall);
    ssize n = object_length(a[0]);
    CALL_FINISH(n < 0 ? nullptr : long_from_compact_result(n));
  }
  TARGET(CALL_ISINSTANCE) {
    CALL_OPERANDS();
    DEOPT_IF(total != 2 || callable != builtin_isinstance(), CALL);
    SKIP_CACHES(kCacheCall);
    int r = object_is_instance(a[0], a[1]);
    CALL_FINISH(r < 0 ? nullptr : immortal_ref(r ? py_true() : py_false()));
  }
  TARGET(CALL_TYPE_1) {
    CALL_OPERANDS();
    DEOPT_IF(callable != reinterpret_cast<Object*>(&Type_Type) || self_or_null || oparg != 1,
             CALL);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(new_ref(static_cast<Object*>(a[0]->type)));
  }
  TARGET(CALL_STR_1) {
    CALL_OPERANDS();
    DEOPT_IF(callable != reinterpret_cast<Object*>(&str_type) || self_or_null || oparg != 1,
             CALL);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(object_str(a[0]));
  }
  TARGET(CALL_TUPLE_1) {
    CALL_OPERANDS();
    DEOPT_IF(callable != reinterpret_cast<Object*>(&tuple_type) || self_or_null || oparg != 1,
             CALL);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(sequence_tuple(a[0]));
  }
  TARGET(CALL_LIST_APPEND) {
    CALL_OPERANDS();
    DEOPT_IF(callable != list_append_descr() || total != 2 || a[0]->type != &list_type, CALL);
    SKIP_CACHES(kCacheCall);
    // The item's reference moves into the list (_PyList_AppendTakeRef), and the POP_TOP the
    // specializer saw after the call is skipped: no None is pushed to be popped at once.
    Object* self = a[0];
    int err = list_append_take_ref(self, a[1]);
    decref(self);
    decref(callable);
    sp = call_base;
    if (err) goto error;
    if (next_instr->op.code == POP_TOP) {
      ++next_instr;
    } else {
      PUSH(new_ref(none()));
    }
    DISPATCH();
  }
#define METHOD_DESCR_GUARD(flagset, count_ok)                                              \
  DEOPT_IF(callable->type != &method_descr_type || !(count_ok), CALL);                     \
  auto* md = static_cast<MethodDescrObject*>(callable);                                    \
  DEOPT_IF((md->d_method->flags & (kMethVarargs | kMethFastcall | kMethNoArgs | kMethO |   \
                                   kMethKeywords | kMethMethod)) != (flagset),             \
           CALL);                                                                          \
  DEOPT_IF(a[0]->type != md->d_type, CALL)
  TARGET(CALL_METHOD_DESCRIPTOR_O) {
    CALL_OPERANDS();
    METHOD_DESCR_GUARD(kMethO, total == 2);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(reinterpret_cast<CFunction>(md->d_method->function)(a[0], a[1]));
  }
  TARGET(CALL_METHOD_DESCRIPTOR_NOARGS) {
    CALL_OPERANDS();
    METHOD_DESCR_GUARD(kMethNoArgs, total == 1);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(reinterpret_cast<CFunction>(md->d_method->function)(a[0], nullptr));
  }
  TARGET(CALL_METHOD_DESCRIPTOR_FAST) {
    CALL_OPERANDS();
    METHOD_DESCR_GUARD(kMethFastcall, total >= 1);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(
        reinterpret_cast<CFunctionFast>(md->d_method->function)(a[0], a + 1, total - 1));
  }
  TARGET(CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS) {
    CALL_OPERANDS();
    METHOD_DESCR_GUARD(kMethFastcall | kMethKeywords, total >= 1);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(reinterpret_cast<CFunctionFastWithKeywords>(md->d_method->function)(
        a[0], a + 1, total - 1, nullptr));
  }
#undef METHOD_DESCR_GUARD
  TARGET(CALL_NON_PY_GENERAL) {
    CALL_OPERANDS();
    DEOPT_IF(callable->type == &function_type || callable->type == &method_type, CALL);
    SKIP_CACHES(kCacheCall);
    CALL_FINISH(vectorcall(callable, a, size_t(total) | kVectorcallArgumentsOffset, nullptr));
  }
#undef CALL_OPERANDS
#undef CALL_FINISH

#if !CPPY_COMPUTED_GOTOS
    default:
      goto op_unknown;
  }
#endif

#if CPPY_COMPUTED_GOTOS
  // The instrumented entry (PEP 669): the events of this instruction, then the instruction
  // itself unless the monitoring code carried it out (instrumentation.cpp).
op_instrumented: __attribute__((cold));
  {
  Object** isp = sp;
  CodeUnit* inext = next_instr;
  opcode = next_instr[-1].op.code;
  int r = instrumented_instruction(frame, opcode, oparg, &isp, &inext);
  sp = isp;
  next_instr = inext;
  if (r < 0) goto error;
  if (r > 0) DISPATCH();
  goto* real_targets[opcode];
}
#endif

op_unknown:
#if CPPY_COMPUTED_GOTOS
  opcode = next_instr[-1].op.code;
#endif
  errors::format(exc_SystemError, "%U:%d: unknown opcode %d", co->co_filename,
                 code_addr2line(co, frame_lasti(frame) * 2), opcode);
  goto error;

error:
  // Record this frame in the traceback (PyTraceBack_Here), unless still in its prologue.
  if (!frame_is_incomplete(frame)) {
    Object* fo = frame_get_frame_object(frame);
    if (fo) traceback_here(fo);
  }
  if (monitoring_exc_events & (1u << kEvRaise)) [[unlikely]] {
    frame->stackpointer = sp;
    monitor_raise(frame, next_instr - 1);
  }
exception_unwind:
  frame->stackpointer = sp;
  {
  // The handler covering the instruction being executed (next_instr is past its opcode);
  // RERAISE may have pointed instr_ptr back at the original raise, which is the lasti pushed.
  co = frame_code(frame);
  int offset = int(next_instr - code_units(co)) - 1;
  int target, depth;
  bool push_lasti;
  sp = frame->stackpointer;
  if (code_find_exception_handler(co, offset, &target, &depth, &push_lasti)) {
    Object** base = frame_stack_base(frame);
    Object** new_sp = base + depth;
    // Popped one at a time with the frame's stack pointer following (a finalizer run by a
    // release may start a collection that walks this frame).
    while (sp > new_sp) {
      Object* v = *--sp;
      frame->stackpointer = sp;
      xdecref(v);
    }
    if (push_lasti) {
      Object* lasti = long_from_long(frame_lasti(frame));
      if (!lasti) goto exit_unwind;
      PUSH(lasti);
    }
    Object* exc = errors::get_raised_exception();
    PUSH(exc);
    co = frame_code(frame);
    next_instr = code_units(co) + target;
    if (monitoring_exc_events & (1u << kEvExceptionHandled)) [[unlikely]] {
      frame->stackpointer = sp;
      if (monitor_handled(frame, next_instr, exc) < 0) goto exception_unwind;
    }
    DISPATCH();
  }
  // No handler: the frame ends with the exception.
  Object** base = frame_stack_base(frame);
  while (sp > base) {
    Object* v = *--sp;
    frame->stackpointer = sp;
    xdecref(v);
  }
  frame->stackpointer = sp;
  if (monitoring_exc_events & (1u << kEvPyUnwind)) [[unlikely]] monitor_unwind(frame, next_instr - 1);
}
  ++ts->py_recursion_remaining;
exit_unwind: {
  // GH-99729: unlink the frame before clearing it (as RETURN_VALUE does).
  if (frame->is_entry) {
    ts->current_frame = entry_previous;
    GenObject* gen = frame_generator(frame);
    if (gen) {
      gen->gi_frame_state = kFrameCompleted;
      frame_clear(frame);
    } else {
      frame_clear(frame);
      pop_frame(frame);
    }
    return nullptr;
  }
  Frame* prev = frame->previous;
  ts->current_frame = prev;
  frame_clear(frame);
  pop_frame(frame);
  frame = prev;
  LOAD_FRAME_STATE();
  next_instr = frame->instr_ptr + 1;
  goto error;
}
#undef fast
}

// Checks the cache sizes the loop assumes against the generated instruction table.
static bool cache_sizes_agree() {
  struct {
    int op, n;
  } const expected[] = {{TO_BOOL, kCacheToBool},       {BINARY_OP, kCacheBinaryOp},
                        {CALL, kCacheCall},            {CALL_KW, kCacheCall},
                        {COMPARE_OP, kCacheCompareOp}, {CONTAINS_OP, kCacheContainsOp},
                        {FOR_ITER, kCacheForIter},     {JUMP_BACKWARD, kCacheJumpBackward},
                        {LOAD_ATTR, kCacheLoadAttr},   {LOAD_GLOBAL, kCacheLoadGlobal},
                        {LOAD_SUPER_ATTR, kCacheLoadSuperAttr},
                        {POP_JUMP_IF_FALSE, kCachePopJump}, {POP_JUMP_IF_TRUE, kCachePopJump},
                        {POP_JUMP_IF_NONE, kCachePopJump},  {POP_JUMP_IF_NOT_NONE, kCachePopJump},
                        {SEND, kCacheSend},            {STORE_ATTR, kCacheStoreAttr},
                        {STORE_SUBSCR, kCacheStoreSubscr},
                        {UNPACK_SEQUENCE, kCacheUnpackSequence}};
  for (auto& e : expected)
    if (opcode_caches[e.op] != e.n) return false;
  return true;
}

void set_instrumented_dispatch(bool on) {
#if CPPY_COMPUTED_GOTOS
  if (!dispatch_table) {
    instrumented_pending = on;
    return;
  }
  for (int i = 0; i < 256; ++i) dispatch_table[i] = on ? instrumented_entry : real_targets[i];
#else
  (void)on;
#endif
}

int check_cache_layout() {
  if (!cache_sizes_agree()) {
    errors::set_string(exc_SystemError, "the eval loop's inline cache sizes disagree with "
                       "src/compile/opcode_metadata");
    return -1;
  }
  return 0;
}

}  // namespace cppy::vm
