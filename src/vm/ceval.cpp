// The eval loop: Python/ceval.c and Python/ceval_macros.h. The instructions of CPython 3.14.2
// (Python/bytecodes.c), generic and specialized, are described in src/vm/bytecodes.inst, which
// tools/opcodes/gen_cases.py turns into generated_cases.inc (included below, as CPython includes
// generated_cases.c.h) and generated_targets.inc.
//
// Dispatch is by computed goto (GCC and Clang), with a switch for other compilers. Values on
// the stack are owned references. Python-to-Python calls push the callee's frame on the
// thread's data stack and continue in the same C activation; only calls that go through C
// (builtins, type calls, generators) nest eval_frame.
#include "vm/ceval.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "compile/opcode_ids.h"
#include "compile/opcode_metadata.h"
#include "errors/errors.h"
#include "errors/suggestions.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
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

// -DCPPY_COMPUTED_GOTOS=0 builds the switch form with GCC too (to check that it compiles).
#ifndef CPPY_COMPUTED_GOTOS
#if defined(__GNUC__) || defined(__clang__)
#define CPPY_COMPUTED_GOTOS 1
#else
#define CPPY_COMPUTED_GOTOS 0
#endif
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

// _PyEvalFramePushAndInit_Ex: the frame of f(*callargs, **kwargs) (CALL_FUNCTION_EX on a
// Python function, which then continues in the same loop): the keyword arguments are unpacked
// after the positional ones with a tuple of their names (_PyStack_UnpackDict); a key that is
// not a str is refused as there. callargs (a tuple) and kwargs (a dict or null) are borrowed.
Frame* push_and_init_ex(FunctionObject* func, Object* callargs, Object* kwargs,
                        Frame* previous) {
  ssize nargs = tuple_size(callargs);
  ssize nkw = kwargs ? dict_size(kwargs) : 0;
  if (nkw == 0) return push_and_init(func, nullptr, tuple_items(callargs), nargs, nullptr, previous);
  Object* small[16];
  std::unique_ptr<Object*[]> big;
  Object** stack = small;
  if (nargs + nkw > 16) {
    big.reset(new Object*[size_t(nargs + nkw)]);
    stack = big.get();
  }
  Ref<> kwnames = Ref<>::steal(tuple_new(nkw));
  if (!kwnames) return nullptr;
  for (ssize i = 0; i < nargs; ++i) stack[i] = tuple_items(callargs)[i];
  ssize pos = 0, i = 0;
  Object *key, *value;
  bool keys_are_strings = true;
  // The values are held for the binding (a key's __eq__ may run code while the callee's
  // **kwargs dict is filled).
  while (i < nkw && dict_next(kwargs, &pos, &key, &value)) {
    keys_are_strings &= str_check(key);
    tuple_set_item(kwnames.get(), i, new_ref(key));
    stack[nargs + i] = new_ref(value);
    ++i;
  }
  Frame* f = nullptr;
  if (!keys_are_strings) {
    errors::set_string(exc_TypeError, "keywords must be strings");
  } else {
    f = push_and_init(func, nullptr, stack, nargs, kwnames.get(), previous);
  }
  for (ssize k = 0; k < i; ++k) decref(stack[nargs + k]);
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
  // _PyEval_FormatExcUnbound: any slot before the free variables (a local, or a cell the
  // function itself owns) is an unbound local.
  if (!(code_local_kind(co, oparg) & kCoFastFree)) {
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
  if (mag < (uint64_t(1) << kLongShift))
    return long_new_digit_inline(long_make_tag(v < 0 ? -1 : 1, 1), digit(mag));
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
  DictUnicodeEntry* entries = dk_unicode_entries(k);
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t perturb = size_t(h);
  size_t i = size_t(h) & mask;
  for (;;) {
    int ix = indices[i];
    if (ix == -1) return true;  // DKIX_EMPTY
    if (ix >= 0) {
      DictUnicodeEntry* e = &entries[ix];
      if (e->key == key) return false;
      if (as_ascii(e->key)->hash == h && str_equal(e->key, key)) return false;
    }
    perturb >>= 5;
    i = mask & (i * 5 + perturb + 1);
  }
}

// The entry holding the str key name in an exact dict whose keys are all exact str
// (unicodekeys_lookup_unicode inlined into LOAD_NAME / STORE_NAME: module-level code does a
// dict operation per name), or nullptr when missing. Ix is the index table's slot width.
template <typename Ix>
[[gnu::always_inline]] inline DictUnicodeEntry* str_table_probe(DictKeys* k, Object* name,
                                                                hash_t h) {
  const Ix* indices = reinterpret_cast<const Ix*>(k->indices);
  DictUnicodeEntry* entries = dk_unicode_entries(k);
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t perturb = size_t(h);
  size_t i = size_t(h) & mask;
  for (;;) {
    ssize ix = indices[i];
    if (ix >= 0) {
      DictUnicodeEntry* e = &entries[ix];
      if (e->key == name || (as_ascii(e->key)->hash == h && str_equal(e->key, name))) return e;
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
  return d->type == &dict_type && dk_is_unicode(static_cast<DictObject*>(d)->keys);
}
// The tables of more than 255 slots: out of line, so that the loop inlines only the
// one-byte probe (a call per name lookup was a fifth of module-level loops).
[[gnu::noinline]] DictUnicodeEntry* str_dict_entry_wide(DictKeys* k, Object* name, hash_t h) {
  if (k->log2_size < 16) return str_table_probe<int16_t>(k, name, h);
  if (k->log2_size < 32) return str_table_probe<int32_t>(k, name, h);
  return str_table_probe<int64_t>(k, name, h);
}
[[gnu::always_inline]] inline DictUnicodeEntry* str_dict_entry(Object* d, Object* name, hash_t h) {
  DictKeys* k = static_cast<DictObject*>(d)->keys;
  if (k->log2_size < 8) [[likely]] return str_table_probe<int8_t>(k, name, h);
  return str_dict_entry_wide(k, name, h);
}

// _Py_InitCleanup: the code of the shim frame CALL_ALLOC_AND_ENTER_INIT pushes under
// __init__'s frame (EXIT_INIT_CHECK, RETURN_VALUE; the RESUME is never reached). Its first
// traceable instruction lies past its end, so tracebacks, frame walks and monitoring never
// see it. Made once, never freed.
CodeObject* init_cleanup_code() {
  static CodeObject* code = [] {
    const unsigned char units[] = {EXIT_INIT_CHECK, 0, RETURN_VALUE, 0, RESUME, 0};
    Ref<> bytes = Ref<>::steal(
        bytes_from_string_and_size(reinterpret_cast<const char*>(units), sizeof units));
    Ref<> empty_bytes = Ref<>::steal(bytes_from_string_and_size("", 0));
    Ref<> name = Ref<>::steal(str_intern_from_cstr("__init__"));
    CodeConstructor con;
    con.filename = name.get();
    con.name = name.get();
    con.qualname = name.get();
    con.flags = kCoOptimized | kCoNoMonitoringEvents;
    con.code = bytes.get();
    con.linetable = empty_bytes.get();
    con.consts = tuple_empty();
    con.names = tuple_empty();
    con.localsplusnames = tuple_empty();
    con.localspluskinds = empty_bytes.get();
    con.stacksize = 2;
    con.exceptiontable = empty_bytes.get();
    auto* co = static_cast<CodeObject*>(code_new(con));
    if (!co) {
      std::fprintf(stderr, "cppy: cannot create the __init__ cleanup code object\n");
      std::abort();
    }
    co->co_firsttraceable = 4;
    return co;
  }();
  return code;
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

// The cold path of RELEASE_OPERAND (the loop's macros): the last reference to o, an operand in
// (or just taken from) the value stack at `top`, was dropped. The frame's stack pointer is `top`
// and exact while o is deallocated (its finalizer may start a collection that walks the frame,
// Python/gc.c's mark_stacks, or a generator's traversal), as after 3.14's
// _PyFrame_SetStackPointer before a PyStackRef_CLOSE. Out of line, so that eval_frame's code
// stays the decrement and test of a plain release. An exact int or float runs no code when it
// dies (the loop's most frequent deaths): back to its free list without the marking.
[[gnu::noinline]] void release_dead_operand_exact(Frame* frame, Object** top, Object* o) {
  frame->stackpointer = top;
  frame->sp_exact = 1;
#ifndef CPPY_DEBUG
  dealloc(o);
#else
  decref(o);
#endif
  frame->sp_exact = 0;
}
[[gnu::noinline]] void release_dead_operand(Frame* frame, Object** top, Object* o) {
#ifndef CPPY_DEBUG
  if (release_to_free_list(o)) return;
  if (o->type == &long_type || o->type == &float_type) {
    dealloc(o);
    return;
  }
#endif
  release_dead_operand_exact(frame, top, o);
}

#if !defined(NDEBUG) || defined(CPPY_CHECK_STACK)
// A debug build's check of the declared stack effects (CPPY_STACK_CHECK in eval_frame).
[[noreturn]] void stack_effect_mismatch(int opcode, int oparg, int moved, int declared) {
  const char* name = compile::opcode_names[opcode & 255];
  std::fprintf(stderr,
               "cppy: %s (oparg %d) moved the stack by %d; src/vm/bytecodes.inst declares "
               "%d\n",
               name ? name : "?", oparg, moved, declared);
  std::abort();
}
#endif

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
    CPPY_STACK_RESET();                                            \
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
// Calls out of the frame (bytecodes.c's escaping calls, before which CPython's generated code
// stores the stack pointer: _PyFrame_SetStackPointer): the pointer as it stands, the call's
// operands still on the stack (an operand already handed over is cleared from its slot
// first), is stored and marked exact (Frame::sp_exact) for what the call runs, a collection
// included; the mark is cleared when the call returns, before the instruction releases its
// operands (the collector then reads only the frame's locals, never a released operand).
#define SYNC_SP() (frame->stackpointer = sp, frame->sp_exact = 1)
#define SYNC_SP_AT(p) (frame->stackpointer = (p), frame->sp_exact = 1)
#define UNSYNC_SP() (frame->sp_exact = 0)
// The release of an instruction's operands (3.14's PyStackRef_CLOSE / DECREF_INPUTS with the
// stack pointer flushed): one value at a time, the operands from the top of the stack down
// (BINARY_OP and the instructions whose output takes the lowest operand's slot release that
// one first). The hot path is the plain decrement and test; only when a count reaches zero
// (a finalizer, a weakref callback and with them a collection may run) is the frame's stack
// pointer stored at `top` -- the slot of the value released, the operands not yet released
// below it -- and the frame marked exact, out of line (release_dead_operand).
#ifndef CPPY_DEBUG
#define RELEASE_OPERAND(o, top)                       \
  do {                                                \
    Object* d_ = (o);                                 \
    ssize r_ = d_->refcnt;                            \
    if (r_ < objects::kImmortalThreshold) {           \
      d_->refcnt = r_ - 1;                            \
      if (r_ == 1) [[unlikely]]                       \
        release_dead_operand(frame, (top), d_);       \
    }                                                 \
  } while (0)
#else
#define RELEASE_OPERAND(o, top)                       \
  do {                                                \
    Object* d_ = (o);                                 \
    if (d_->refcnt == 1)                              \
      release_dead_operand(frame, (top), d_);         \
    else                                              \
      decref(d_);                                     \
  } while (0)
#endif
// An operand that may be null (self_or_null, a cleared slot).
#define XRELEASE_OPERAND(o, top)             \
  do {                                       \
    Object* x_ = (o);                        \
    if (x_) RELEASE_OPERAND(x_, top);        \
  } while (0)
// The operands in [base, top) from the top down, each with the stack pointer at its own slot.
#define RELEASE_OPERANDS(top, base)          \
  do {                                       \
    Object** p_ = (top);                     \
    Object** const b_ = (base);              \
    while (p_ > b_) {                        \
      --p_;                                  \
      XRELEASE_OPERAND(*p_, p_);             \
    }                                        \
  } while (0)
// A value the instruction already took off the stack (POP_TOP, END_FOR, a local replaced by
// STORE_FAST): released with the stack pointer where it stands.
#define RELEASE_POPPED(o) RELEASE_OPERAND(o, sp)
#define XRELEASE_POPPED(o) XRELEASE_OPERAND(o, sp)

  // The stack effect each instruction declares in src/vm/bytecodes.inst, checked in debug
  // builds where the instruction falls through: at a DISPATCH with next_instr just past its
  // caches (a jump, a deopt into the generic body or a frame switch is not checked).
#if !defined(NDEBUG) || defined(CPPY_CHECK_STACK)
  Object** check_sp = nullptr;
  CodeUnit* check_next = nullptr;
  int check_delta = 0;
  int check_op = 0;
#define CPPY_STACK_ENTER(popped, pushed, caches)                              \
  check_sp = sp;                                                              \
  check_next = next_instr + (caches);                                         \
  check_delta = (pushed) - (popped);                                          \
  check_op = next_instr[-1].op.code;
#define CPPY_STACK_CHECK()                                                    \
  do {                                                                        \
    if (check_sp) {                                                           \
      if (next_instr == check_next && sp - check_sp != check_delta)           \
        stack_effect_mismatch(check_op, oparg, int(sp - check_sp), check_delta); \
      check_sp = nullptr;                                                     \
    }                                                                         \
  } while (0)
#define CPPY_STACK_RESET() (check_sp = nullptr)
#else
#define CPPY_STACK_ENTER(popped, pushed, caches)
#define CPPY_STACK_CHECK() \
  do {                     \
  } while (0)
#define CPPY_STACK_RESET() ((void)0)
#endif

  // The table is built once: every label of an implemented instruction by its opcode.
#if CPPY_COMPUTED_GOTOS
  static void* targets[256];
  static bool targets_ready = false;
  if (!targets_ready) {
    for (auto& t : targets) t = &&op_unknown;
#define SET_TARGET(name) targets[name] = &&op_##name;
#include "generated_targets.inc"
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
    CPPY_STACK_CHECK();                     \
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
#define DISPATCH()    \
  do {                \
    CPPY_STACK_CHECK(); \
    goto dispatch_switch; \
  } while (0)
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
  // Every instruction's case: src/vm/bytecodes.inst, written out by
  // tools/opcodes/gen_cases.py.
#include "generated_cases.inc"
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
  CPPY_STACK_RESET();
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
    frame->sp_exact = 1;  // the pointer follows each release
    while (sp > new_sp) {
      Object* v = *--sp;
      frame->stackpointer = sp;
      xdecref(v);
    }
    frame->sp_exact = 0;
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
  frame->sp_exact = 1;  // the pointer follows each release
  while (sp > base) {
    Object* v = *--sp;
    frame->stackpointer = sp;
    xdecref(v);
  }
  frame->sp_exact = 0;
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
