// The builtins module: Python/bltinmodule.c. The functions the interpreter core needs to run
// programs; the rest of the module is a separate task (see README.md).
#include "builtins/bltinmodule.h"

#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "errors/suggestions.h"
#include "imp/import.h"
#include "gc/gc.h"
#include "objects/clinic_args.h"
#include "objects/docsig.h"
#include "objects/fileobject.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytearrayobject.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/memoryobject.h"
#include "objects/cellobject.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/frameobject.h"
#include "objects/iterobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/enumobject.h"
#include "objects/rangeobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "modules/moduledef.h"
#include "sys/sysmodule.h"
#include "vm/ceval.h"
#include "vm/frame.h"
#include "vm/pythonrun.h"
#include "vm/stdprinter.h"

namespace cppy::builtins {

using namespace objects;

// bltin_compile.cpp.
Object* builtin_compile(Object*, Object* const* args, ssize nargs, Object* kwnames);
Object* builtin_eval(Object*, Object* const* args, ssize nargs, Object* kwnames);
Object* builtin_exec(Object*, Object* const* args, ssize nargs, Object* kwnames);

namespace {

Object* interned(const char* s) { return str_intern_from_cstr(s); }

// The value of keyword `name` in a vectorcall's kwnames (borrowed), or null.
Object* kwarg(Object* const* args, ssize nargs, Object* kwnames, const char* name) {
  if (!kwnames) return nullptr;
  for (ssize i = 0; i < tuple_size(kwnames); ++i)
    if (str_compare_cstr(tuple_item(kwnames, i), name) == 0) return args[nargs + i];
  return nullptr;
}

// Rejects keywords other than the allowed ones ("f() got an unexpected keyword argument").
bool check_kwargs(const char* fname, Object* kwnames, std::initializer_list<const char*> ok) {
  if (!kwnames) return true;
  for (ssize i = 0; i < tuple_size(kwnames); ++i) {
    Object* k = tuple_item(kwnames, i);
    bool found = false;
    for (const char* n : ok)
      if (str_compare_cstr(k, n) == 0) found = true;
    if (!found) {
      // error_unexpected_keyword_arg: with the closest accepted keyword as a hint.
      Ref<> possible = Ref<>::steal(list_new(0));
      for (const char* n : ok) {
        Ref<> name = Ref<>::steal(str_from_cstr(n));
        if (!possible || !name || list_append(possible.get(), name.get()) < 0) possible.reset();
      }
      Ref<> hint = Ref<>::steal(possible ? errors::calculate_suggestions(possible.get(), k) : nullptr);
      errors::clear();
      if (hint)
        errors::format(exc_TypeError,
                       "%s() got an unexpected keyword argument '%U'. Did you mean '%U'?", fname,
                       k, hint.get());
      else
        errors::format(exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, k);
      return false;
    }
  }
  return true;
}

bool check_nargs(const char* fname, ssize nargs, ssize min, ssize max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    if (min == 1)
      errors::format(exc_TypeError, "%s() takes exactly one argument (%zd given)", fname, nargs);
    else
      errors::format(exc_TypeError, "%s expected %zd arguments, got %zd", fname, min, nargs);
  } else if (nargs < min) {
    errors::format(exc_TypeError, "%s expected at least %zd argument%s, got %zd", fname, min,
                   min == 1 ? "" : "s", nargs);
  } else {
    errors::format(exc_TypeError, "%s expected at most %zd argument%s, got %zd", fname, max,
                   max == 1 ? "" : "s", nargs);
  }
  return false;
}

// --- __build_class__ ----------------------------------------------------------------------

// _PyType_CalculateMetaclass: the most derived metaclass of meta and the bases' types.
TypeObject* calculate_metaclass(TypeObject* metatype, Object* bases) {
  TypeObject* winner = metatype;
  for (ssize i = 0; i < tuple_size(bases); ++i) {
    TypeObject* tmptype = tuple_item(bases, i)->type;
    if (is_subtype(winner, tmptype)) continue;
    if (is_subtype(tmptype, winner)) {
      winner = tmptype;
      continue;
    }
    errors::set_string(exc_TypeError,
                       "metaclass conflict: the metaclass of a derived class must be a "
                       "(non-strict) subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// update_bases: PEP 560 __mro_entries__.
Object* update_bases(Object* bases, Object* const* args, ssize nargs) {
  Object* new_bases = nullptr;
  Object* mro_entries_name = interned("__mro_entries__");
  for (ssize i = 0; i < nargs; ++i) {
    Object* base = args[i];
    if (type_check_type(base)) {
      if (new_bases && list_append(new_bases, base) < 0) goto error;
      continue;
    }
    Object* meth;
    if (object_get_optional_attr(base, mro_entries_name, &meth) < 0) goto error;
    if (!meth) {
      if (new_bases && list_append(new_bases, base) < 0) goto error;
      continue;
    }
    {
      Object* new_base = object_call_one_arg(meth, bases);
      decref(meth);
      if (!new_base) goto error;
      if (!tuple_check(new_base)) {
        errors::set_string(exc_TypeError, "__mro_entries__ must return a tuple");
        decref(new_base);
        goto error;
      }
      if (!new_bases) {
        new_bases = list_new(0);
        if (!new_bases) {
          decref(new_base);
          goto error;
        }
        for (ssize j = 0; j < i; ++j) list_append(new_bases, args[j]);
      }
      int rc = list_extend(new_bases, new_base);
      decref(new_base);
      if (rc < 0) goto error;
    }
  }
  if (!new_bases) return new_ref(bases);
  {
    Object* result = list_as_tuple(new_bases);
    decref(new_bases);
    return result;
  }
error:
  xdecref(new_bases);
  return nullptr;
}

Object* builtin___build_class__(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs < 2) {
    errors::set_string(exc_TypeError, "__build_class__: not enough arguments");
    return nullptr;
  }
  Object* func = args[0];
  if (!function_check(func)) {
    errors::set_string(exc_TypeError, "__build_class__: func must be a function");
    return nullptr;
  }
  Object* name = args[1];
  if (!str_check(name)) {
    errors::set_string(exc_TypeError, "__build_class__: name is not a string");
    return nullptr;
  }
  Ref<> orig_bases = Ref<>::steal(tuple_from_array(args + 2, nargs - 2));
  if (!orig_bases) return nullptr;
  Ref<> bases = Ref<>::steal(update_bases(orig_bases.get(), args + 2, nargs - 2));
  if (!bases) return nullptr;
  Ref<> mkw;
  Ref<> meta;
  bool is_class = false;
  if (kwnames) {
    mkw.reset(stack_as_dict(args + nargs, kwnames));
    if (!mkw) return nullptr;
    Object* m = nullptr;
    int rc = dict_pop(mkw.get(), interned("metaclass"), &m);
    if (rc < 0) return nullptr;
    if (rc > 0) {
      meta.reset(m);
      is_class = type_check_type(m);
    }
  }
  if (!meta) {
    if (tuple_size(bases.get()) == 0)
      meta.reset(new_ref(reinterpret_cast<Object*>(&Type_Type)));
    else
      meta.reset(new_ref(reinterpret_cast<Object*>(tuple_item(bases.get(), 0)->type)));
    is_class = true;
  }
  if (is_class) {
    TypeObject* winner = calculate_metaclass(static_cast<TypeObject*>(meta.get()), bases.get());
    if (!winner) return nullptr;
    if (winner != static_cast<TypeObject*>(meta.get()))
      meta.reset(new_ref(reinterpret_cast<Object*>(winner)));
  }
  // __prepare__
  Ref<> ns;
  Object* prep;
  if (object_get_optional_attr(meta.get(), interned("__prepare__"), &prep) < 0) return nullptr;
  if (!prep) {
    ns.reset(dict_new());
  } else {
    Object* pargs[2] = {name, bases.get()};
    ns.reset(vectorcall_dict(prep, pargs, 2, mkw.get()));
    decref(prep);
  }
  if (!ns) return nullptr;
  if (!mapping_check(ns.get())) {
    errors::format(exc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                   is_class ? static_cast<TypeObject*>(meta.get())->name : "<metaclass>",
                   ns->type->name);
    return nullptr;
  }
  Ref<> cell = Ref<>::steal(
      vm::eval_function_with_locals(static_cast<FunctionObject*>(func), ns.get()));
  if (!cell) return nullptr;
  if (bases.get() != orig_bases.get()) {
    if (object_set_item(ns.get(), interned("__orig_bases__"), orig_bases.get()) < 0)
      return nullptr;
  }
  // type.__new__ fills the __class__ cell from the namespace's __classcell__ (and removes it);
  // a metaclass that does not pass it on gets the RuntimeError below.
  Object* margs[3] = {name, bases.get(), ns.get()};
  Ref<> cls = Ref<>::steal(vectorcall_dict(meta.get(), margs, 3, mkw.get()));
  if (!cls) return nullptr;
  if (type_check_type(cls.get()) && cell_check(cell.get())) {
    Object* cell_cls = cell_get(cell.get());
    if (cell_cls != cls.get()) {
      if (!cell_cls) {
        errors::format(exc_RuntimeError,
                       "__class__ not set defining %.200R as %.200R. Was __classcell__ "
                       "propagated to type.__new__?",
                       name, cls.get());
      } else {
        errors::format(exc_TypeError, "__class__ set to %.200R defining %.200R as %.200R",
                       cell_cls, name, cls.get());
      }
      return nullptr;
    }
  }
  return cls.release();
}

// --- output --------------------------------------------------------------------------------

int write_text(Object* file, Object* s) {
  if (!file || file == none() || vm::stdprinter_fd(file) == 1) {
    ssize n = 0;
    const char* p = str_as_utf8(s, &n);
    if (!p) return -1;
    vm::write_std_stream(1, std::string_view(p, size_t(n)));
    return 0;
  }
  Object* r = call_method_one_arg(file, interned("write"), s);
  if (!r) return -1;
  decref(r);
  return 0;
}

// builtin_input_impl, the path for streams that are not a terminal: stderr flushed, the
// prompt written to stdout and flushed, one line read by stdin.readline() (PyFile_GetLine):
// EOFError at the end, the newline stripped.
// builtin_breakpoint: sys.breakpointhook(*args, **kws).
Object* builtin_breakpoint(Object*, Object* const* args, size_t nargsf, Object* kwnames) {
  Object* hook = sys::get_object("breakpointhook");
  if (!hook) {
    errors::set_string(exc_RuntimeError, "lost sys.breakpointhook");
    return nullptr;
  }
  Ref<> h = Ref<>::borrow(hook);
  return vectorcall(h.get(), args, nargsf, kwnames);
}

// builtin_input_impl's test for the interactive console: stream.fileno() is fd and a
// terminal (errors mean no).
bool is_console(Object* stream, int fd) {
  Ref<> r = Ref<>::steal(call_method_no_args(stream, interned("fileno")));
  if (!r) {
    errors::clear();
    return false;
  }
  long v = long_as_long(r.get());
  if (v == -1 && errors::occurred()) {
    errors::clear();
    return false;
  }
  return v == fd && isatty(fd);
}

// A text attribute of a stream (encoding, errors) as UTF-8; false with an error.
bool stream_text_attr(Object* stream, const char* name, std::string* out) {
  Ref<> v = Ref<>::steal(object_getattr_string(stream, name));
  if (!v) return false;
  if (!str_check(v.get())) {
    errors::format(exc_TypeError, "%s must be a string", name);
    return false;
  }
  const char* s = str_as_utf8(v.get());
  if (!s) return false;
  *out = s;
  return true;
}

// builtin_input_impl on the interactive console: the prompt encoded for stdout, the line
// read by PyOS_Readline (vm::os_readline), decoded as stdin decodes.
Object* input_tty(Object* fin, Object* fout, Object* prompt_arg) {
  std::string in_enc, in_err, out_enc, out_err;
  if (!stream_text_attr(fin, "encoding", &in_enc) || !stream_text_attr(fin, "errors", &in_err) ||
      !stream_text_attr(fout, "encoding", &out_enc) ||
      !stream_text_attr(fout, "errors", &out_err))
    return nullptr;
  std::string prompt;
  if (prompt_arg) {
    Ref<> text = Ref<>::steal(object_str(prompt_arg));
    if (!text) return nullptr;
    Ref<> encoded = Ref<>::steal(str_encode(text.get(), out_enc.c_str(), out_err.c_str()));
    if (!encoded) return nullptr;
    if (!bytes_check(encoded.get())) {
      errors::set_string(exc_TypeError, "prompt must be encoded to bytes");
      return nullptr;
    }
    prompt.assign(bytes_as_string(encoded.get()), size_t(bytes_size(encoded.get())));
    if (prompt.find('\0') != std::string::npos) {
      errors::set_string(exc_ValueError, "input: prompt string cannot contain null characters");
      return nullptr;
    }
  }
  Object* flushed = call_method_no_args(fout, interned("flush"));
  if (!flushed) errors::clear();
  xdecref(flushed);
  char* p = vm::os_readline(stdin, stdout, prompt.c_str());
  if (!p) {
    if (!errors::occurred()) errors::set_none(exc_KeyboardInterrupt);
    return nullptr;
  }
  std::string line(p);
  std::free(p);
  if (line.empty()) {
    errors::set_none(exc_EOFError);
    return nullptr;
  }
  if (line.back() == '\n') line.pop_back();
  Ref<> raw = Ref<>::steal(bytes_from_string_and_size(line.data(), ssize(line.size())));
  if (!raw) return nullptr;
  return str_decode_object(raw.get(), in_enc.c_str(), in_err.c_str());
}

Object* builtin_input(Object*, Object* const* args, ssize nargs) {
  if (nargs > 1) {
    errors::format(exc_TypeError, "input expected at most 1 argument, got %zd", nargs);
    return nullptr;
  }
  Object* fin = sys::get_object("stdin");
  Object* fout = sys::get_object("stdout");
  Object* ferr = sys::get_object("stderr");
  if (!fin || fin == none()) {
    errors::set_string(exc_RuntimeError, "lost sys.stdin");
    return nullptr;
  }
  if (!fout || fout == none()) {
    errors::set_string(exc_RuntimeError, "lost sys.stdout");
    return nullptr;
  }
  Ref<> keep_in = Ref<>::borrow(fin), keep_out = Ref<>::borrow(fout);
  if (ferr && ferr != none()) {
    Object* r = call_method_no_args(ferr, interned("flush"));
    if (!r) errors::clear();
    xdecref(r);
  }
  // builtin_input_impl's tty case: the real stdin and stdout are terminals, read through
  // PyOS_Readline (GNU readline when loaded, else the prompt on stderr).
  if (is_console(fin, 0) && is_console(fout, 1))
    return input_tty(fin, fout, nargs == 1 ? args[0] : nullptr);
  if (nargs == 1 && args[0]) {
    Ref<> prompt = Ref<>::steal(object_str(args[0]));
    if (!prompt || write_text(fout, prompt.get()) < 0) return nullptr;
  }
  Object* r = call_method_no_args(fout, interned("flush"));
  if (!r) errors::clear();
  xdecref(r);
  return file_get_line(fin, -1);
}

// builtin_print (Argument Clinic: print(*args, sep=' ', end='\n', file=None, flush=False)):
// the keywords unpacked as _PyArg_UnpackKeywords does with the positional ones as varargs,
// flush converted to a bool ("p") before anything is written, then builtin_print_impl.
Object* builtin_print(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kKeywords[] = {"sep", "end", "file", "flush", nullptr};
  static const ArgParser kParser{"print", kKeywords, 0, 0, 0};
  Object* kw[4] = {nullptr, nullptr, nullptr, nullptr};
  // With the positional arguments as varargs, _PyArg_UnpackKeywords reports an unknown keyword
  // rather than a count; once every keyword is known, there are at most four.
  if (!check_kwargs("print", kwnames, {"sep", "end", "file", "flush"})) return nullptr;
  if (kwnames && unpack_keywords(kParser, args + nargs, 0, kwnames, kw) < 0) return nullptr;
  Object* sep = kw[0];
  Object* end = kw[1];
  Object* file = kw[2] ? kw[2] : none();
  int flush = 0;
  if (kw[3]) {
    flush = object_is_true(kw[3]);
    if (flush < 0) return nullptr;
  }
  // builtin_print_impl.
  if (file == none()) {
    file = sys::get_object("stdout");
    if (!file && sys::sys_module()) {
      errors::set_string(exc_RuntimeError, "lost sys.stdout");
      return nullptr;
    }
    // sys.stdout may be None when FILE* stdout isn't connected. cppy's runtime without its
    // standard streams (no sys module, or sys.__stdout__ None too: embedders, the unit tests)
    // prints to the process's standard output instead, as CPython's preliminary stdprinter
    // would.
    if (!file) {
      file = nullptr;
    } else if (file == none()) {
      Object* orig = sys::get_object("__stdout__");
      if (orig && orig != none()) return return_none();
      file = nullptr;
    }
  }
  if (sep == none()) {
    sep = nullptr;
  } else if (sep && !str_check(sep)) {
    errors::format(exc_TypeError, "sep must be None or a string, not %.200s", sep->type->name);
    return nullptr;
  }
  if (end == none()) {
    end = nullptr;
  } else if (end && !str_check(end)) {
    errors::format(exc_TypeError, "end must be None or a string, not %.200s", end->type->name);
    return nullptr;
  }
  if (!file) {  // the process's standard output (see above)
    for (ssize i = 0; i < nargs; ++i) {
      Ref<> text = Ref<>::steal(i > 0 ? (sep ? new_ref(sep) : str_from_cstr(" ")) : nullptr);
      if (i > 0 && (!text || write_text(nullptr, text.get()) < 0)) return nullptr;
      Ref<> value = Ref<>::steal(object_str(args[i]));
      if (!value || write_text(nullptr, value.get()) < 0) return nullptr;
    }
    Ref<> tail = Ref<>::steal(end ? new_ref(end) : str_from_cstr("\n"));
    if (!tail || write_text(nullptr, tail.get()) < 0) return nullptr;
    if (flush) std::fflush(stdout);
    return return_none();
  }
  // file_write_object looks file.write up before converting the value, as PyFile_WriteObject.
  for (ssize i = 0; i < nargs; ++i) {
    if (i > 0) {
      int err = sep ? file_write_object(sep, file, kPrintRaw) : file_write_string(" ", file);
      if (err < 0) return nullptr;
    }
    if (file_write_object(args[i], file, kPrintRaw) < 0) return nullptr;
  }
  int err = end ? file_write_object(end, file, kPrintRaw) : file_write_string("\n", file);
  if (err < 0) return nullptr;
  if (flush) {
    Object* r = call_method_no_args(file, interned("flush"));
    if (!r) return nullptr;
    decref(r);
  }
  return return_none();
}

// --- simple functions ---------------------------------------------------------------------

Object* builtin_len(Object*, Object* o) {
  ssize n = object_size(o);
  if (n < 0) return nullptr;
  return long_from_ssize(n);
}
Object* builtin_repr(Object*, Object* o) { return object_repr(o); }
Object* builtin_ascii(Object*, Object* o) { return object_ascii(o); }
Object* builtin_abs(Object*, Object* o) { return number_absolute(o); }
Object* builtin_hash(Object*, Object* o) {
  hash_t h = object_hash(o);
  if (h == -1) return nullptr;
  return long_from_ssize(h);
}
Object* builtin_id(Object*, Object* o) {
  return long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(o));
}
Object* builtin_callable(Object*, Object* o) {
  return new_ref(o->type->call ? true_object() : false_object());
}
Object* builtin_isinstance(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("isinstance", nargs, 2, 2)) return nullptr;
  int r = object_is_instance(args[0], args[1]);
  if (r < 0) return nullptr;
  return new_ref(r ? true_object() : false_object());
}
Object* builtin_issubclass(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("issubclass", nargs, 2, 2)) return nullptr;
  int r = object_is_subclass(args[0], args[1]);
  if (r < 0) return nullptr;
  return new_ref(r ? true_object() : false_object());
}
Object* builtin_iter(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("iter", nargs, 1, 2)) return nullptr;
  if (nargs == 1) return object_get_iter(args[0]);
  if (!args[0]->type->call) {
    errors::set_string(exc_TypeError, "iter(v, w): v must be callable");
    return nullptr;
  }
  return calliter_new(args[0], args[1]);
}
Object* builtin_next(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("next", nargs, 1, 2)) return nullptr;
  Object* it = args[0];
  if (!iter_check(it)) {
    errors::format(exc_TypeError, "'%.200s' object is not an iterator", it->type->name);
    return nullptr;
  }
  Object* res = it->type->iternext(it);
  if (res) return res;
  if (nargs > 1) {
    if (errors::occurred()) {
      if (!errors::exception_matches(reinterpret_cast<Object*>(exc_StopIteration))) return nullptr;
      errors::clear();
    }
    return new_ref(args[1]);
  }
  if (!errors::occurred()) errors::set_none(exc_StopIteration);
  return nullptr;
}
// builtin_aiter (PyObject_GetAIter).
Object* builtin_aiter(Object*, Object* async_iterable) {
  TypeObject* t = async_iterable->type;
  if (!t->as_async || !t->as_async->aiter) {
    errors::format(exc_TypeError, "'%.200s' object is not an async iterable", t->name);
    return nullptr;
  }
  Object* it = t->as_async->aiter(async_iterable);
  if (it && (!it->type->as_async || !it->type->as_async->anext)) {
    errors::format(exc_TypeError, "aiter() returned not an async iterator of type '%.100s'",
                   it->type->name);
    decref(it);
    return nullptr;
  }
  return it;
}
// builtin_anext_impl.
Object* builtin_anext(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("anext", nargs, 1, 2)) return nullptr;
  TypeObject* t = args[0]->type;
  if (!t->as_async || !t->as_async->anext) {
    errors::format(exc_TypeError, "'%.200s' object is not an async iterator", t->name);
    return nullptr;
  }
  Object* awaitable = t->as_async->anext(args[0]);
  if (!awaitable || nargs == 1) return awaitable;
  Object* wrapped = anextawaitable_new(awaitable, args[1]);
  decref(awaitable);
  return wrapped;
}
Object* builtin_getattr(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("getattr", nargs, 2, 3)) return nullptr;
  if (!str_check(args[1])) {
    errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                   args[1]->type->name);
    return nullptr;
  }
  if (nargs == 3) {
    Object* r;
    if (object_get_optional_attr(args[0], args[1], &r) == 0) return new_ref(args[2]);
    return r;
  }
  return object_getattr(args[0], args[1]);
}
Object* builtin_setattr(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("setattr", nargs, 3, 3)) return nullptr;
  if (object_setattr(args[0], args[1], args[2]) < 0) return nullptr;
  return return_none();
}
Object* builtin_delattr(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("delattr", nargs, 2, 2)) return nullptr;
  if (object_setattr(args[0], args[1], nullptr) < 0) return nullptr;
  return return_none();
}
Object* builtin_hasattr(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("hasattr", nargs, 2, 2)) return nullptr;
  if (!str_check(args[1])) {
    errors::format(exc_TypeError, "attribute name must be string, not '%.200s'",
                   args[1]->type->name);
    return nullptr;
  }
  Object* r;
  int rc = object_get_optional_attr(args[0], args[1], &r);
  if (rc < 0) return nullptr;
  xdecref(r);
  return new_ref(rc ? true_object() : false_object());
}
Object* builtin_chr(Object*, Object* o) {
  int overflow = 0;
  long v = long_as_long_and_overflow(o, &overflow);
  if (v == -1 && errors::occurred()) return nullptr;
  if (overflow || v < 0 || v > 0x10ffff) {
    errors::set_string(exc_ValueError, "chr() arg not in range(0x110000)");
    return nullptr;
  }
  return str_from_ordinal(UCS4(v));
}
Object* builtin_ord(Object*, Object* c) {
  if (str_check(c)) {
    if (str_length(c) == 1) return long_from_long(long(str_read_char(c, 0)));
    errors::format(exc_TypeError, "ord() expected a character, but string of length %zd found",
                   str_length(c));
    return nullptr;
  }
  if (bytes_check(c)) {
    if (bytes_size(c) == 1)
      return long_from_long(static_cast<unsigned char>(bytes_as_string(c)[0]));
    errors::format(exc_TypeError, "ord() expected a character, but string of length %zd found",
                   bytes_size(c));
    return nullptr;
  }
  if (bytearray_check(c)) {  // builtin_ord accepts a bytearray of length 1 too
    if (bytearray_size(c) == 1)
      return long_from_long(static_cast<unsigned char>(bytearray_as_string(c)[0]));
    errors::format(exc_TypeError, "ord() expected a character, but string of length %zd found",
                   bytearray_size(c));
    return nullptr;
  }
  errors::format(exc_TypeError, "ord() expected string of length 1, but %.200s found",
                 c->type->name);
  return nullptr;
}
// PyNumber_ToBase (long_format with the 0x/0o/0b prefix), by repeated division.
// PyNumber_ToBase: the index of o in base 2, 8 or 16 with its prefix (_PyLong_Format).
Object* number_to_base(Object* o, int base) {
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return nullptr;
  return long_format(i.get(), base, true);
}
Object* builtin_hex(Object*, Object* o) { return number_to_base(o, 16); }
Object* builtin_oct(Object*, Object* o) { return number_to_base(o, 8); }
Object* builtin_bin(Object*, Object* o) { return number_to_base(o, 2); }
Object* builtin_divmod(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("divmod", nargs, 2, 2)) return nullptr;
  return number_divmod(args[0], args[1]);
}
Object* builtin_pow(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  // pow(base, exp, mod=None): the clinic parser.
  static const char* const kw[] = {"base", "exp", "mod", nullptr};
  static const objects::ArgParser parser = {"pow", kw, 2, 3, 0};
  Object* a[3];
  if (objects::unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object *base = a[0], *exp = a[1], *mod = a[2];
  return number_power(base, exp, mod ? mod : none());
}
Object* builtin_format(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("format", nargs, 1, 2)) return nullptr;
  if (nargs > 1 && !str_check(args[1])) {  // Argument Clinic's str converter
    return errors::format(exc_TypeError, "format() argument 2 must be str, not %.50s",
                          args[1] == none() ? "None" : args[1]->type->name);
  }
  return object_format(args[0], nargs > 1 ? args[1] : nullptr);
}
Object* builtin_round(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  // round(number, ndigits=None): the clinic parser.
  static const char* const kw[] = {"number", "ndigits", nullptr};
  static const objects::ArgParser parser = {"round", kw, 1, 2, 0};
  Object* a[2];
  if (objects::unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object *number = a[0], *ndigits = a[1];
  Object* round = lookup_special(number, interned("__round__"));
  if (!round) {
    if (!errors::occurred())
      errors::format(exc_TypeError, "type %.100s doesn't define __round__ method",
                     number->type->name);
    return nullptr;
  }
  Object* r = (!ndigits || ndigits == none()) ? object_call_no_args(round)
                                              : object_call_one_arg(round, ndigits);
  decref(round);
  return r;
}
Object* builtin_globals(Object*, Object*) {
  Object* g = vm::eval_get_globals();
  return g ? new_ref(g) : return_none();
}
// builtin_locals_impl: _PyEval_GetFrameLocals (a snapshot dict in an optimized frame).
Object* builtin_locals(Object*, Object*) {
  vm::Frame* f = vm::current_frame();
  if (!f) return return_none();
  if (f->f_locals) return new_ref(f->f_locals);
  Object* fo = vm::frame_get_frame_object(f);
  if (!fo) return nullptr;
  return frame_locals_snapshot(static_cast<FrameObject*>(fo));
}
Object* builtin_vars(Object* self, Object* const* args, ssize nargs) {
  if (!check_nargs("vars", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return builtin_locals(self, nullptr);
  Object* d;
  int rc = object_get_optional_attr(args[0], interned("__dict__"), &d);
  if (rc == 0)
    errors::set_string(exc_TypeError, "vars() argument must have __dict__ attribute");
  return rc > 0 ? d : nullptr;
}
Object* builtin_dir(Object*, Object* const* args, ssize nargs) {
  if (!check_nargs("dir", nargs, 0, 1)) return nullptr;
  if (nargs == 0) {
    // _dir_locals: the names of the current frame's locals (a snapshot in a function).
    Ref<> locals = Ref<>::steal(builtin_locals(nullptr, nullptr));
    if (!locals) return nullptr;
    if (locals.get() == none()) return list_new(0);
    Object* keys = mapping_keys(locals.get());
    if (!keys) return nullptr;
    Object* l = sequence_list(keys);
    decref(keys);
    if (l && list_sort(l) < 0) {
      decref(l);
      return nullptr;
    }
    return l;
  }
  return object_dir(args[0]);
}

// min/max (min_max): an iterable or several arguments, key= and default=.
Object* min_max(const char* name, Object* const* args, ssize nargs, Object* kwnames, int op) {
  // The positional count is checked before the keywords are parsed.
  if (nargs == 0) {
    errors::format(exc_TypeError, "%s expected at least 1 argument, got 0", name);
    return nullptr;
  }
  // _PyArg_ParseStackAndKeywords with "|$OO": the keyword count first.
  if (kwnames && tuple_size(kwnames) > 2) {
    errors::format(exc_TypeError, "%s() takes at most 2 keyword arguments (%zd given)", name,
                   tuple_size(kwnames));
    return nullptr;
  }
  if (!check_kwargs(name, kwnames, {"key", "default"})) return nullptr;
  Object* keyfunc = kwarg(args, nargs, kwnames, "key");
  Object* defaultval = kwarg(args, nargs, kwnames, "default");
  if (keyfunc == none()) keyfunc = nullptr;
  Ref<> it;
  if (nargs == 1) {
    it.reset(object_get_iter(args[0]));
  } else {
    if (defaultval) {
      errors::format(exc_TypeError,
                     "Cannot specify a default for %s() with multiple positional arguments",
                     name);
      return nullptr;
    }
    Ref<> t = Ref<>::steal(tuple_from_array(args, nargs));
    if (!t) return nullptr;
    it.reset(object_get_iter(t.get()));
  }
  if (!it) return nullptr;
  Ref<> maxitem, maxval;
  for (;;) {
    Object* item = iter_next(it.get());
    if (!item) {
      if (errors::occurred()) return nullptr;
      break;
    }
    Ref<> item_ref = Ref<>::steal(item);
    Ref<> val;
    if (keyfunc) {
      val.reset(object_call_one_arg(keyfunc, item));
      if (!val) return nullptr;
    } else {
      val = item_ref;
    }
    if (!maxval) {
      maxitem = item_ref;
      maxval = val;
    } else {
      int cmp = object_rich_compare_bool(val.get(), maxval.get(), op);
      if (cmp < 0) return nullptr;
      if (cmp > 0) {
        maxitem = item_ref;
        maxval = val;
      }
    }
  }
  if (!maxitem) {
    if (defaultval) return new_ref(defaultval);
    errors::format(exc_ValueError, "%s() iterable argument is empty", name);
    return nullptr;
  }
  return maxitem.release();
}
Object* builtin_min(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return min_max("min", args, nargs, kwnames, kLT);
}
Object* builtin_max(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return min_max("max", args, nargs, kwnames, kGT);
}
// The compensated sum of Python/bltinmodule.c (CompensatedSum, cs_add, cs_to_double):
// Neumaier's improvement of Kahan-Babuska summation, so sum() of floats is as CPython's.
struct CompensatedSum {
  double hi;
  double lo;
};
CompensatedSum cs_add(CompensatedSum total, double x) {
  double t = total.hi + x;
  if (std::fabs(total.hi) >= std::fabs(x)) {
    total.lo += (total.hi - t) + x;
  } else {
    total.lo += (x - t) + total.hi;
  }
  return CompensatedSum{t, total.lo};
}
double cs_to_double(CompensatedSum total) {
  // Keep the sign of a negative zero result; an infinite sum stays infinite, not NaN.
  if (total.lo != 0.0 && std::isfinite(total.lo)) return total.hi + total.lo;
  return total.hi;
}

// builtin_sum_impl: the exact-int, exact-float and exact-complex fast loops, then the
// generic PyNumber_Add loop.
Object* builtin_sum(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  // sum(iterable, /, start=0): the clinic parser.
  static const char* const kw[] = {"", "start", nullptr};
  static const objects::ArgParser parser = {"sum", kw, 1, 2, 0};
  Object* a[2];
  if (objects::unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object* start = a[1];
  args = a;
  Ref<> it = Ref<>::steal(object_get_iter(args[0]));
  if (!it) return nullptr;
  if (start && str_check(start)) {
    errors::set_string(exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    return nullptr;
  }
  if (start && bytes_check(start)) {
    errors::set_string(exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    return nullptr;
  }
  if (start && bytearray_check(start)) {
    errors::set_string(exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    return nullptr;
  }
  Ref<> result = Ref<>::steal(start ? new_ref(start) : long_from_long(0));
  // Adds item (a new reference) to result through PyNumber_Add.
  auto add_generic = [&](Object* item) -> bool {
    Object* r = number_add(result.get(), item);
    decref(item);
    if (!r) return false;
    result.reset(r);
    return true;
  };
  if (long_check_exact(result.get())) {
    int overflow = 0;
    long long i_result = long_as_long_and_overflow(result.get(), &overflow);
    bool in_fast = overflow == 0;
    while (in_fast) {
      Object* item = iter_next(it.get());
      if (!item) {
        if (errors::occurred()) return nullptr;
        return long_from_long_long(i_result);
      }
      if (long_check_exact(item) || bool_check(item)) {
        int ov = 0;
        long long b = long_as_long_and_overflow(item, &ov);
        if (ov == 0 && (i_result >= 0 ? (b <= INT64_MAX - i_result) : (b >= INT64_MIN - i_result))) {
          i_result += b;
          decref(item);
          continue;
        }
      }
      Object* r = long_from_long_long(i_result);
      if (!r) {
        decref(item);
        return nullptr;
      }
      result.reset(r);
      if (!add_generic(item)) return nullptr;
      in_fast = false;
    }
  }
  if (float_check_exact(result.get())) {
    CompensatedSum re_sum{float_as_double(result.get()), 0.0};
    for (;;) {
      Object* item = iter_next(it.get());
      if (!item) {
        if (errors::occurred()) return nullptr;
        return float_from_double(cs_to_double(re_sum));
      }
      if (float_check_exact(item)) {
        re_sum = cs_add(re_sum, float_as_double(item));
        decref(item);
        continue;
      }
      if (long_check(item)) {
        double value = long_as_double(item);
        decref(item);
        if (value == -1.0 && errors::occurred()) return nullptr;
        re_sum = cs_add(re_sum, value);
        continue;
      }
      Object* r = float_from_double(cs_to_double(re_sum));
      if (!r) {
        decref(item);
        return nullptr;
      }
      result.reset(r);
      if (!add_generic(item)) return nullptr;
      break;
    }
  }
  if (complex_check_exact(result.get())) {
    Complex z = complex_value(result.get());
    CompensatedSum re_sum{z.real, 0.0};
    CompensatedSum im_sum{z.imag, 0.0};
    for (;;) {
      Object* item = iter_next(it.get());
      if (!item) {
        if (errors::occurred()) return nullptr;
        return complex_from_doubles(cs_to_double(re_sum), cs_to_double(im_sum));
      }
      if (complex_check_exact(item)) {
        z = complex_value(item);
        re_sum = cs_add(re_sum, z.real);
        im_sum = cs_add(im_sum, z.imag);
        decref(item);
        continue;
      }
      if (long_check(item)) {
        double value = long_as_double(item);
        decref(item);
        if (value == -1.0 && errors::occurred()) return nullptr;
        re_sum = cs_add(re_sum, value);
        continue;
      }
      if (float_check(item)) {
        re_sum = cs_add(re_sum, float_as_double(item));
        decref(item);
        continue;
      }
      Object* r = complex_from_doubles(cs_to_double(re_sum), cs_to_double(im_sum));
      if (!r) {
        decref(item);
        return nullptr;
      }
      result.reset(r);
      if (!add_generic(item)) return nullptr;
      break;
    }
  }
  for (;;) {
    Object* item = iter_next(it.get());
    if (!item) {
      if (errors::occurred()) return nullptr;
      break;
    }
    if (!add_generic(item)) return nullptr;
  }
  return result.release();
}
Object* builtin_any_all(Object* iterable, bool want) {
  Ref<> it = Ref<>::steal(object_get_iter(iterable));
  if (!it) return nullptr;
  for (;;) {
    Object* item = iter_next(it.get());
    if (!item) {
      if (errors::occurred()) return nullptr;
      break;
    }
    int r = object_is_true(item);
    decref(item);
    if (r < 0) return nullptr;
    if (bool(r) == want) return new_ref(want ? true_object() : false_object());
  }
  return new_ref(want ? false_object() : true_object());
}
Object* builtin_any(Object*, Object* o) { return builtin_any_all(o, true); }
Object* builtin_all(Object*, Object* o) { return builtin_any_all(o, false); }
Object* builtin_sorted(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs != 1) {
    errors::format(exc_TypeError, "sorted expected 1 argument, got %zd", nargs);
    return nullptr;
  }
  // builtin_sorted: the list first, then its bound sort method called with the keywords (the
  // method object is alive during the sort, as the collector's counts show).
  Ref<> l = Ref<>::steal(sequence_list(args[0]));
  if (!l) return nullptr;
  Ref<> sort = Ref<>::steal(object_getattr(l.get(), interned("sort")));
  if (!sort) return nullptr;
  Ref<> r = Ref<>::steal(vectorcall(sort.get(), args + 1, 0, kwnames));
  if (!r) return nullptr;
  return l.release();
}
// builtin___import___impl: the import machinery (src/imp).
Object* builtin___import__(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return imp::builtin_import(self, args, nargs, kwnames);
}

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs

MethodDef builtin_methods[] = {
    {"__build_class__", FASTCALL_KW(builtin___build_class__),
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", FASTCALL_KW(builtin___import__), nullptr},
    {"abs", METH_O(builtin_abs), "Return the absolute value of the argument."},
    {"all", METH_O(builtin_all), nullptr},
    {"any", METH_O(builtin_any), nullptr},
    {"ascii", METH_O(builtin_ascii), nullptr},
    {"bin", METH_O(builtin_bin), nullptr},
    {"callable", METH_O(builtin_callable), nullptr},
    {"chr", METH_O(builtin_chr), nullptr},
    {"compile", FASTCALL_KW(builtin_compile), nullptr},
    {"delattr", FASTCALL(builtin_delattr), nullptr},
    {"dir", FASTCALL(builtin_dir), nullptr},
    {"divmod", FASTCALL(builtin_divmod), nullptr},
    {"eval", FASTCALL_KW(builtin_eval), nullptr},
    {"exec", FASTCALL_KW(builtin_exec), nullptr},
    {"format", FASTCALL(builtin_format), nullptr},
    {"aiter", METH_O(builtin_aiter),
     "aiter($module, async_iterable, /)\n--\n\nReturn an AsyncIterator for an AsyncIterable "
     "object."},
    {"anext", FASTCALL(builtin_anext),
     "anext($module, aiterator, default=<unrepresentable>, /)\n--\n\nReturn the next item "
     "from the async iterator.\n\nIf default is given and the async iterator is exhausted,\n"
     "it is returned instead of raising StopAsyncIteration."},
    {"getattr", FASTCALL(builtin_getattr), nullptr},
    {"globals", NOARGS(builtin_globals), nullptr},
    {"hasattr", FASTCALL(builtin_hasattr), nullptr},
    {"hash", METH_O(builtin_hash), nullptr},
    {"hex", METH_O(builtin_hex), nullptr},
    {"id", METH_O(builtin_id), nullptr},
    {"isinstance", FASTCALL(builtin_isinstance), nullptr},
    {"issubclass", FASTCALL(builtin_issubclass), nullptr},
    {"input", FASTCALL(builtin_input), nullptr},
    {"breakpoint", reinterpret_cast<void*>(builtin_breakpoint), kMethFastcall | kMethKeywords,
     "breakpoint($module, /, *args, **kws)\n--\n\nCall sys.breakpointhook(*args, **kws).  "
     "sys.breakpointhook() must accept\nwhatever arguments are passed.\n\nBy default, this "
     "drops you into the pdb debugger."},
    {"iter", FASTCALL(builtin_iter), nullptr},
    {"len", METH_O(builtin_len), "Return the number of items in a container."},
    {"locals", NOARGS(builtin_locals), nullptr},
    {"max", FASTCALL_KW(builtin_max), nullptr},
    {"min", FASTCALL_KW(builtin_min), nullptr},
    {"next", FASTCALL(builtin_next), nullptr},
    {"oct", METH_O(builtin_oct), nullptr},
    {"ord", METH_O(builtin_ord), nullptr},
    {"pow", FASTCALL_KW(builtin_pow), nullptr},
    {"print", FASTCALL_KW(builtin_print), nullptr},
    {"repr", METH_O(builtin_repr), nullptr},
    {"round", FASTCALL_KW(builtin_round), nullptr},
    {"setattr", FASTCALL(builtin_setattr), nullptr},
    {"sorted", FASTCALL_KW(builtin_sorted), nullptr},
    {"sum", FASTCALL_KW(builtin_sum), nullptr},
    {"vars", FASTCALL(builtin_vars), nullptr},
    {nullptr, nullptr, 0, nullptr}};

Object* the_module = nullptr;

}  // namespace

Object* builtins_module() { return the_module; }

// _PyBuiltin_Init.
Object* init_builtins() {
  if (the_module) return the_module;
  Object* mod = module_new("builtins");
  if (!mod) return nullptr;
  Object* dict = module_get_dict(mod);
  // PyModule_AddFunctions: each function's __module__ is the module's name.
  Ref<> modname = Ref<>::steal(module_get_name_object(mod));
  if (!modname) return nullptr;
  apply_builtin_docs("builtins", builtin_methods);  // the reference's docs and signatures
  // The module's docstring (bltinmodule.c's builtin_doc), kept with the reference's docs.
  if (const char* doc = builtin_internal_doc("builtins", "")) {
    Ref<> text = Ref<>::steal(str_from_cstr(doc));
    if (!text || dict_set_item_string(dict, "__doc__", text.get()) < 0) return nullptr;
  }
  for (MethodDef* ml = builtin_methods; ml->name; ++ml) {
    Object* f = cfunction_new(ml, mod, modname.get());
    if (!f) return nullptr;
    int rc = dict_set_item_string(dict, ml->name, f);
    decref(f);
    if (rc < 0) return nullptr;
  }
  struct {
    const char* name;
    Object* value;
  } const values[] = {
      {"None", none()},
      {"Ellipsis", ellipsis()},
      {"NotImplemented", not_implemented()},
      {"False", false_object()},
      {"True", true_object()},
      {"bool", &bool_type},
      {"bytearray", &bytearray_type},
      {"bytes", &bytes_type},
      {"memoryview", &memoryview_type},
      {"classmethod", &classmethod_type},
      {"complex", &complex_type},
      {"dict", &dict_type},
      {"enumerate", &enum_type},
      {"filter", &filter_type},
      {"float", &float_type},
      {"frozenset", &frozenset_type},
      {"property", &property_type},
      {"int", &long_type},
      {"list", &list_type},
      {"map", &map_type},
      {"object", &BaseObject_Type},
      {"range", &range_type},
      {"reversed", &reversed_type},
      {"set", &set_type},
      {"slice", &slice_type},
      {"staticmethod", &staticmethod_type},
      {"str", &str_type},
      {"super", &super_type},
      {"tuple", &tuple_type},
      {"type", &Type_Type},
      {"zip", &zip_type},
  };
  for (auto& v : values)
    if (dict_set_item_string(dict, v.name, v.value) < 0) return nullptr;
  if (dict_set_item_string(dict, "__debug__", true_object()) < 0) return nullptr;
// Each exception under its name; IncompleteInputError is builtins._IncompleteInputError.
#define CPPY_ADD_EXC(name)                                                                 \
  if (dict_set_item_string(dict, std::strcmp(#name, "IncompleteInputError") == 0          \
                                     ? "_IncompleteInputError" : #name,                  \
                           reinterpret_cast<Object*>(exc_##name)) < 0)                   \
    return nullptr;
  CPPY_EXCEPTION_LIST(CPPY_ADD_EXC)
#undef CPPY_ADD_EXC
  if (dict_set_item_string(dict, "EnvironmentError", reinterpret_cast<Object*>(exc_OSError)) < 0 ||
      dict_set_item_string(dict, "IOError", reinterpret_cast<Object*>(exc_OSError)) < 0)
    return nullptr;
  the_module = mod;
  return mod;
}

}  // namespace cppy::builtins
