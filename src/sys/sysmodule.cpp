// The sys module: Python/sysmodule.c (_PySys_Create, _PySys_InitCore, _PySys_UpdateConfig and
// the module's functions). Values are those of CPython 3.14 on 64-bit Linux, except
// sys.implementation, which names cppy.
#include "sys/sysmodule.h"

#include <cfloat>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "imp/import.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/freelist.h"
#include "objects/genobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "objects/setobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/buildinfo.h"
#include "runtime/pathconfig.h"
#include "runtime/preconfig.h"
#include "runtime/pystate.h"
#include "sys/stdlib_module_names.h"
#include "vm/ceval_gil.h"
#include "vm/frame.h"
#include "vm/traceback.h"

namespace cppy::sys {

using namespace objects;

namespace {

Object* the_sys = nullptr;
GetFrameHook getframe_hook = nullptr;
DisplayExceptionHook display_hook = nullptr;

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

// ---- struct sequence types -----------------------------------------------------------------

TypeObject flags_type{};
StructSeqField flags_fields[] = {
    {"debug", "-d"},
    {"inspect", "-i"},
    {"interactive", "-i"},
    {"optimize", "-O or -OO"},
    {"dont_write_bytecode", "-B"},
    {"no_user_site", "-s"},
    {"no_site", "-S"},
    {"ignore_environment", "-E"},
    {"verbose", "-v"},
    {"bytes_warning", "-b"},
    {"quiet", "-q"},
    {"hash_randomization", "-R"},
    {"isolated", "-I"},
    {"dev_mode", "-X dev"},
    {"utf8_mode", "-X utf8"},
    {"warn_default_encoding", "-X warn_default_encoding"},
    {"safe_path", "-P"},
    {"int_max_str_digits", "-X int_max_str_digits"},
    {"gil", "-X gil"},
    {"thread_inherit_context", "-X thread_inherit_context"},
    {"context_aware_warnings", "-X context_aware_warnings"},
    {nullptr, nullptr}};
StructSeqDesc flags_desc = {"sys.flags",
                            "sys.flags\n\nFlags provided through command line arguments or "
                            "environment vars.",
                            flags_fields, 18};

TypeObject version_info_type{};
StructSeqField version_info_fields[] = {{"major", "Major release number"},
                                        {"minor", "Minor release number"},
                                        {"micro", "Patch release number"},
                                        {"releaselevel", "'alpha', 'beta', 'candidate', or 'final'"},
                                        {"serial", "Serial release number"},
                                        {nullptr, nullptr}};
StructSeqDesc version_info_desc = {"sys.version_info",
                                   "sys.version_info\n\nVersion information as a named tuple.",
                                   version_info_fields, 5};

TypeObject float_info_type{};
StructSeqField float_info_fields[] = {
    {"max", "DBL_MAX -- maximum representable finite float"},
    {"max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"},
    {"max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"},
    {"min", "DBL_MIN -- Minimum positive normalized float"},
    {"min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"},
    {"min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"},
    {"dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"},
    {"mant_dig", "DBL_MANT_DIG -- mantissa digits"},
    {"epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"},
    {"radix", "FLT_RADIX -- radix of exponent"},
    {"rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"},
    {nullptr, nullptr}};
StructSeqDesc float_info_desc = {
    "sys.float_info",
    "sys.float_info\n\nA named tuple holding information about the float type. It contains low "
    "level\ninformation about the precision and internal representation. Please study\nyour "
    "system's :file:`float.h` for more information.",
    float_info_fields, 11};

TypeObject int_info_type{};
StructSeqField int_info_fields[] = {
    {"bits_per_digit", "size of a digit in bits"},
    {"sizeof_digit", "size in bytes of the C type used to represent a digit"},
    {"default_max_str_digits", "maximum string conversion digits limitation"},
    {"str_digits_check_threshold", "minimum positive value for int_max_str_digits"},
    {nullptr, nullptr}};
StructSeqDesc int_info_desc = {"sys.int_info",
                               "sys.int_info\n\nA named tuple that holds information about Python's\n"
                               "internal representation of integers.  The attributes are read only.",
                               int_info_fields, 4};

TypeObject hash_info_type{};
StructSeqField hash_info_fields[] = {
    {"width", "width of the type used for hashing, in bits"},
    {"modulus", "prime number giving the modulus on which the hash function is based"},
    {"inf", "value to be used for hash of a positive infinity"},
    {"nan", "value to be used for hash of a nan"},
    {"imag", "multiplier used for the imaginary part of a complex number"},
    {"algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"},
    {"hash_bits", "internal output size of hash algorithm"},
    {"seed_bits", "seed size of hash algorithm"},
    {"cutoff", "small string optimization cutoff"},
    {nullptr, nullptr}};
StructSeqDesc hash_info_desc = {"sys.hash_info",
                                "hash_info\n\nA named tuple providing parameters used for computing\n"
                                "hashes. The attributes are read only.",
                                hash_info_fields, 9};

TypeObject thread_info_type{};
StructSeqField thread_info_fields[] = {{"name", "name of the thread implementation"},
                                       {"lock", "name of the lock implementation"},
                                       {"version", "name and version of the thread library"},
                                       {nullptr, nullptr}};
StructSeqDesc thread_info_desc = {"sys.thread_info",
                                  "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
                                  thread_info_fields, 3};

// A struct sequence filled from values (stolen); null if any is null.
Object* make_structseq(TypeObject* type, std::initializer_list<Object*> values) {
  Ref<> s = Ref<>::steal(structseq_new(type));
  ssize i = 0;
  bool failed = !s;
  for (Object* v : values) {
    if (!v) failed = true;
    if (s && !failed) structseq_set_item(s.get(), i, v);
    else xdecref(v);
    ++i;
  }
  if (failed) return nullptr;
  return s.release();
}

Object* L(long long v) { return long_from_long_long(v); }
Object* S(const char* s) { return str_from_cstr(s); }
Object* B(bool v) { return new_ref(v ? true_object() : false_object()); }

// make_flags.
Object* make_flags(const runtime::Config& c) {
  const char* seed = c.ignore_environment ? nullptr : std::getenv("PYTHONHASHSEED");
  bool use_seed = seed && *seed && std::strcmp(seed, "random") != 0;
  bool hash_randomization = !use_seed || std::strtoul(seed, nullptr, 10) != 0;
  if (c.hash_seed) hash_randomization = *c.hash_seed != 0;  // an embedder's PyConfig.hash_seed
  return make_structseq(
      &flags_type,
      {L(c.parser_debug), L(c.inspect), L(c.interactive), L(c.optimization_level),
       L(c.dont_write_bytecode), L(c.no_user_site), L(!c.site_import), L(c.ignore_environment),
       L(c.verbose), L(c.bytes_warning), L(c.quiet), L(hash_randomization), L(c.isolated),
       B(c.dev_mode), L(runtime::utf8_mode()), L(runtime::warn_default_encoding()), B(c.safe_path), L(long_max_str_digits), L(1),
       B(false),
       B(false)});
}

Object* make_version_info() {
  return make_structseq(&version_info_type, {L(3), L(14), L(2), S("final"), L(0)});
}

// PyFloat_GetInfo.
Object* make_float_info() {
  return make_structseq(&float_info_type,
                        {float_from_double(DBL_MAX), L(DBL_MAX_EXP), L(DBL_MAX_10_EXP),
                         float_from_double(DBL_MIN), L(DBL_MIN_EXP), L(DBL_MIN_10_EXP),
                         L(DBL_DIG), L(DBL_MANT_DIG), float_from_double(DBL_EPSILON),
                         L(FLT_RADIX), L(FLT_ROUNDS)});
}

// PyLong_GetInfo.
Object* make_int_info() {
  return make_structseq(&int_info_type,
                        {L(30), L(4), L(kMaxStrDigitsDefault), L(kMaxStrDigitsThreshold)});
}

// get_hash_info: 64-bit siphash13, as CPython on 64-bit Linux.
Object* make_hash_info() {
  return make_structseq(&hash_info_type,
                        {L(64), L((1LL << 61) - 1), L(314159), L(0), L(1000003),
                         S("siphash13"), L(64), L(128), L(0)});
}

Object* make_thread_info() {
  return make_structseq(&thread_info_type,
                        {S("pthread"), S("mutex+cond"), new_ref(none())});
}

// make_impl_info: sys.implementation.
Object* make_impl_info(Object* version_info) {
  Ref<> d = Ref<>::steal(dict_new());
  if (!d) return nullptr;
  struct {
    const char* key;
    Object* value;
  } items[] = {{"name", S("cppy")},
               {"cache_tag", S("cppy-314")},
               {"version", new_ref(version_info)},
               {"hexversion", L(0x030E02F0)},
               {"_multiarch", S("x86_64-linux-gnu")},
               {"supports_isolated_interpreters", B(false)}};
  bool ok = true;
  for (auto& it : items) {
    if (!it.value || dict_set_item_string(d.get(), it.key, it.value) < 0) ok = false;
    xdecref(it.value);
  }
  if (!ok) return nullptr;
  return namespace_new(d.get());
}

// ---- functions ---------------------------------------------------------------------------

// The audit hooks of sys.addaudithook (runtime->audit_hooks / interp->audit_hooks, one list
// here). PySys_Audit's C hooks are not supported yet.
Object* audit_hooks = nullptr;

// sys_audit: sys.audit(event, *args) calls every hook with (event, args).
Object* sys_audit(Object*, Object* const* args, ssize nargs) {
  if (nargs == 0) {
    return errors::format(exc_TypeError, "audit() missing 1 required positional argument: 'event'");
  }
  if (!str_check(args[0])) {
    return errors::format(exc_TypeError, "expected str for argument 'event', not %.200s",
                          type_short_name(args[0]->type));
  }
  if (!audit_hooks || list_size(audit_hooks) == 0) return return_none();
  Ref<> tuple = Ref<>::steal(tuple_from_array(args + 1, nargs - 1));
  if (!tuple) return nullptr;
  for (ssize i = 0; i < list_size(audit_hooks); ++i) {
    Ref<> r = Ref<>::steal(object_call_function_obj_args(list_item(audit_hooks, i), args[0],
                                                         tuple.get(), nullptr));
    if (!r) return nullptr;
  }
  return return_none();
}

// sys_addaudithook_impl: the existing hooks see "sys.addaudithook" first and may refuse
// with RuntimeError (the hook is then silently not added).
Object* sys_addaudithook(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"hook", nullptr};
  Object* hook = nullptr;
  ArgParser parser{"addaudithook", kw, 1, 1, 0};
  if (unpack_keywords_impl(parser, args, nargs, nullptr, kwnames, &hook) < 0) return nullptr;
  if (audit_hooks && list_size(audit_hooks) > 0) {
    Ref<> event = Ref<>::steal(str_from_cstr("sys.addaudithook"));
    if (!event) return nullptr;
    Object* argv[] = {event.get()};
    Ref<> r = Ref<>::steal(sys_audit(nullptr, argv, 1));
    if (!r) {
      if (errors::exception_matches(exc_RuntimeError)) {
        errors::clear();
        return return_none();
      }
      return nullptr;
    }
  }
  if (!audit_hooks) {
    audit_hooks = list_new(0);
    if (!audit_hooks) return nullptr;
  }
  if (list_append(audit_hooks, hook) < 0) return nullptr;
  return return_none();
}

// sys__get_cpu_count_config: PyConfig.cpu_count (-X cpu_count, PYTHON_CPU_COUNT), which cppy
// does not read yet: -1 means "not set" (os.process_cpu_count then uses sched_getaffinity).
Object* sys_get_cpu_count_config(Object*, Object*) { return long_from_long(-1); }

Object* sys_getrecursionlimit(Object*, Object*) {
  return long_from_long(runtime::thread_state() ? runtime::thread_state()->py_recursion_limit
                                                : 1000);
}

// sys_setrecursionlimit_impl.
Object* sys_setrecursionlimit(Object*, Object* arg) {
  if (float_check(arg)) {
    return errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
  }
  int overflow = 0;
  long v = long_check(arg) ? long_as_long_and_overflow(arg, &overflow) : -1;
  if (!long_check(arg)) {
    Ref<> i = Ref<>::steal(number_index(arg));
    if (!i) return nullptr;
    v = long_as_long_and_overflow(i.get(), &overflow);
  }
  if (v == -1 && errors::occurred()) return nullptr;
  if (overflow > 0 || v > INT_MAX) {
    return errors::format(exc_OverflowError, "Python int too large to convert to C int");
  }
  if (overflow < 0 || v < 1) {
    return errors::format(exc_ValueError, "recursion limit must be greater or equal than 1");
  }
  runtime::ThreadState* ts = runtime::thread_state();
  if (ts) {
    int depth = ts->py_recursion_limit - ts->py_recursion_remaining;
    if (depth >= v) {
      return errors::format(exc_RecursionError,
                            "cannot set the recursion limit to %ld at the recursion depth %d: "
                            "the limit is too low",
                            v, depth);
    }
    ts->py_recursion_remaining = static_cast<int>(v) - depth;
    ts->py_recursion_limit = static_cast<int>(v);
  }
  return new_ref(none());
}

Object* sys_getrefcount(Object*, Object* arg) { return long_from_ssize(arg->refcnt); }

// _PySys_GetSizeOf: __sizeof__() plus the collector's header for GC objects.
// sys._debugmallocstats: pymalloc's statistics and the free lists, on the C stderr.
Object* sys_debugmallocstats(Object*, Object*) {
  if (gc::debug_malloc_stats()) std::fputc('\n', stderr);
  objects::debug_type_stats();
  return return_none();
}

Object* sys_getsizeof(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs + nkw < 1) {
    return errors::format(exc_TypeError, "getsizeof() missing required argument 'object' (pos 1)");
  }
  if (nargs + nkw > 2) {
    return errors::format(exc_TypeError, "getsizeof() takes at most 2 arguments (%zd given)",
                          nargs + nkw);
  }
  Object* o = args[0];
  Object* dflt = nargs + nkw == 2 ? args[1] : nullptr;
  Ref<> name = Ref<>::steal(str_from_cstr("__sizeof__"));
  Ref<> method = Ref<>::steal(lookup_special(o, name.get()));
  if (!method) {
    if (!errors::occurred()) {
      errors::format(exc_TypeError, "Type %.100s doesn't define __sizeof__", o->type->name);
    }
  } else {
    Ref<> res = Ref<>::steal(object_call_no_args(method.get()));
    if (res) {
      // PyLong_AsSsize_t: an int (no __index__), within ssize.
      ssize size = -1;
      if (!long_check(res.get()))
        errors::set_string(exc_TypeError, "an integer is required");
      else
        size = long_as_ssize(res.get());
      if (size == -1 && errors::occurred()) {
        // fall through to the default handling below
      } else if (size < 0) {
        errors::format(exc_ValueError, "__sizeof__() should return >= 0");
      } else {
        // The pre-header counts, except for static types: the collector's header and the
        // two words where CPython keeps a class instance's __dict__ and weak references
        // (which cppy keeps in the object, but __sizeof__ does not count them either).
        bool static_type = o->type == &Type_Type &&
                           !type_has_feature(static_cast<TypeObject*>(o), kTpflagsHeaptype);
        if (!static_type) {
          if (type_has_feature(o->type, kTpflagsHaveGc)) size += sizeof(gc::GCHead);
          if (type_has_feature(o->type, kTpflagsManagedDict | kTpflagsManagedWeakref))
            size += 2 * static_cast<ssize>(sizeof(Object*));
        }
        return long_from_ssize(size);
      }
    }
  }
  if (dflt && errors::exception_matches(exc_TypeError)) {
    errors::clear();
    return new_ref(dflt);
  }
  return nullptr;
}

// sys_intern_impl.
// sys__clear_type_descriptors_impl (3.14, gh-135228): drops __dict__ and __weakref__ from a
// class's namespace (dataclasses does it for the class it replaces with a slotted one).
Object* sys_clear_type_descriptors(Object*, Object* type) {
  if (!type_check_type(type)) {
    return errors::format(exc_TypeError, "_clear_type_descriptors() argument must be type, not %.200s",
                          type->type->name);
  }
  auto* t = static_cast<TypeObject*>(type);
  Object* dict = t->dict;
  for (const char* name : {"__dict__", "__weakref__"}) {
    if (dict_get_item_string(dict, name) && dict_del_item_string(dict, name) < 0) return nullptr;
    if (errors::occurred()) return nullptr;
  }
  type_modified(t);
  return return_none();
}

Object* sys_intern(Object*, Object* s) {
  if (!str_check(s)) {
    return errors::format(exc_TypeError, "intern() argument must be str, not %.50s",
                          type_short_name(s->type));
  }
  // The clinic accepts any str; sys_intern_impl refuses subclasses.
  if (!str_check_exact(s)) return errors::format(exc_TypeError, "can't intern %.400s", s->type->name);
  Object* r = new_ref(s);
  str_intern_in_place(&r);
  return r;
}

// sys_exit_impl: raise SystemExit(status).
Object* sys_exit(Object*, Object* const* args, ssize nargs) {
  if (nargs > 1) {
    return errors::format(exc_TypeError, "exit expected at most 1 argument, got %zd", nargs);
  }
  errors::set_object(exc_SystemExit, nargs ? args[0] : none());
  return nullptr;
}

// sys_exception_impl / sys_exc_info_impl.
Object* sys_exception(Object*, Object*) {
  Object* e = errors::get_handled_exception();
  return e ? e : new_ref(none());
}
Object* sys_exc_info(Object*, Object*) {
  Ref<> e = Ref<>::steal(errors::get_handled_exception());
  if (!e || e.get() == none()) return tuple_pack(3, none(), none(), none());
  Ref<> tb = Ref<>::steal(object_getattr_string(e.get(), "__traceback__"));
  if (!tb) return nullptr;
  return tuple_pack(3, static_cast<Object*>(e->type), e.get(), tb.get());
}

// _PyThread_CurrentFrames: {thread id: the topmost complete frame} for every thread with one.
Object* sys_current_frames(Object*, Object*) {
  Ref<> result = Ref<>::steal(dict_new());
  if (!result) return nullptr;
  for (runtime::ThreadState* t = runtime::main_interpreter()->threads_head; t; t = t->next) {
    vm::Frame* f = t->current_frame;
    while (f && vm::frame_is_incomplete(f)) f = f->previous;
    if (!f) continue;
    Object* frame = vm::frame_get_frame_object(f);
    if (!frame) return nullptr;
    Ref<> id = Ref<>::steal(long_from_unsigned_long_long(t->thread_id));
    if (!id || dict_set_item(result.get(), id.get(), frame) < 0) return nullptr;
  }
  return result.release();
}

// _PyThread_CurrentExceptions: {thread id: the exception being handled, or None}.
Object* sys_current_exceptions(Object*, Object*) {
  Ref<> result = Ref<>::steal(dict_new());
  if (!result) return nullptr;
  for (runtime::ThreadState* t = runtime::main_interpreter()->threads_head; t; t = t->next) {
    // _PyErr_GetTopmostException: the innermost entry that holds an exception, else the last.
    runtime::ErrStackItem* item = t->exc_info;
    while (item && (!item->exc_value || item->exc_value == none()) && item->previous_item)
      item = item->previous_item;
    if (!item) continue;
    Object* exc = item->exc_value ? item->exc_value : none();
    Ref<> id = Ref<>::steal(long_from_unsigned_long_long(t->thread_id));
    if (!id || dict_set_item(result.get(), id.get(), exc) < 0) return nullptr;
  }
  return result.release();
}

Object* sys_getframe(Object*, Object* const* args, ssize nargs) {
  if (nargs > 1) {
    return errors::format(exc_TypeError, "_getframe expected at most 1 argument, got %zd", nargs);
  }
  long depth = 0;
  if (nargs) {
    depth = long_as_long(args[0]);
    if (depth == -1 && errors::occurred()) return nullptr;
  }
  if (getframe_hook) return getframe_hook(static_cast<int>(depth));
  return errors::format(exc_ValueError, "call stack is not deep enough");
}

Object* sys_get_int_max_str_digits(Object*, Object*) { return long_from_long(long_max_str_digits); }

// sys_set_int_max_str_digits_impl.
Object* sys_set_int_max_str_digits(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs + nkw != 1 || (nkw == 1 && str_compare_cstr(tuple_item(kwnames, 0), "maxdigits"))) {
    return errors::format(exc_TypeError,
                          "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
  }
  long v = long_as_long(args[0]);
  if (v == -1 && errors::occurred()) return nullptr;
  if (v != 0 && v < kMaxStrDigitsThreshold) {
    return errors::format(exc_ValueError, "maxdigits must be >= %d or 0 for unlimited",
                          kMaxStrDigitsThreshold);
  }
  long_max_str_digits = static_cast<int>(v);
  return new_ref(none());
}

Object* sys_getdefaultencoding(Object*, Object*) { return str_from_cstr("utf-8"); }
Object* sys_getfilesystemencoding(Object*, Object*) { return str_from_cstr("utf-8"); }
Object* sys_getfilesystemencodeerrors(Object*, Object*) { return str_from_cstr("surrogateescape"); }
Object* sys_is_finalizing(Object*, Object*) { return new_ref(false_object()); }
// sys_getswitchinterval_impl / sys_setswitchinterval_impl: the GIL's switch interval.
Object* sys_getswitchinterval(Object*, Object*) {
  return float_from_double(1e-6 * static_cast<double>(vm::get_switch_interval()));
}
Object* sys_setswitchinterval(Object*, Object* arg) {
  double interval = float_as_double(arg);
  if (interval == -1.0 && errors::occurred()) return nullptr;
  if (interval <= 0.0) {
    return errors::format(exc_ValueError, "switch interval must be strictly positive");
  }
  vm::set_switch_interval(static_cast<unsigned long>(1e6 * interval));
  return return_none();
}

// sys_displayhook: print repr(o) to sys.stdout and keep it as builtins._.
Object* sys_displayhook(Object*, Object* o) {
  if (o == none()) return new_ref(none());
  Object* mods = modules::modules_dict();
  Object* builtins = mods ? dict_get_item_string(mods, "builtins") : nullptr;
  if (!builtins) return errors::format(exc_RuntimeError, "lost builtins module");
  if (object_setattr_string(builtins, "_", none()) < 0) return nullptr;
  Object* out = get_object("stdout");
  if (!out || out == none()) return errors::format(exc_RuntimeError, "lost sys.stdout");
  Ref<> r = Ref<>::steal(object_repr(o));
  if (!r) return nullptr;
  Ref<> nl = Ref<>::steal(str_from_cstr("\n"));
  Ref<> text = Ref<>::steal(str_concat(r.get(), nl.get()));
  if (!text) return nullptr;
  Ref<> write = Ref<>::steal(str_from_cstr("write"));
  Ref<> res = Ref<>::steal(call_method_one_arg(out, write.get(), text.get()));
  if (!res) return nullptr;
  if (object_setattr_string(builtins, "_", o) < 0) return nullptr;
  return new_ref(none());
}

// sys.asyncgen_hooks: the struct sequence get_asyncgen_hooks returns.
TypeObject asyncgen_hooks_type{};
StructSeqField asyncgen_hooks_fields[] = {{"firstiter", "Hook to intercept first iteration"},
                                          {"finalizer", "Hook to intercept finalization"},
                                          {nullptr, nullptr}};
StructSeqDesc asyncgen_hooks_desc = {
    "asyncgen_hooks",
    "asyncgen_hooks\n\nA named tuple providing information about asynchronous\n"
    "generators hooks.  The attributes are read only.",
    asyncgen_hooks_fields, 2};

// sys_get_asyncgen_hooks_impl.
Object* sys_get_asyncgen_hooks(Object*, Object*) {
  if (structseq_init_type(&asyncgen_hooks_type, &asyncgen_hooks_desc) < 0) return nullptr;
  runtime::ThreadState* ts = runtime::thread_state();
  Object* firstiter = ts->async_gen_firstiter ? ts->async_gen_firstiter : none();
  Object* finalizer = ts->async_gen_finalizer ? ts->async_gen_finalizer : none();
  return make_structseq(&asyncgen_hooks_type, {new_ref(firstiter), new_ref(finalizer)});
}

// sys_set_asyncgen_hooks: firstiter and finalizer, each left alone when not given and unset
// by None; nothing changes when one is not callable.
Object* sys_set_asyncgen_hooks(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const keywords[] = {"firstiter", "finalizer", nullptr};
  static const ArgParser parser = {"set_asyncgen_hooks", keywords, 0, 2, 0};
  Object* argv[2] = {nullptr, nullptr};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, argv)) return nullptr;
  Object* firstiter = argv[0];
  Object* finalizer = argv[1];
  if (finalizer && finalizer != none() && !callable_check(finalizer))
    return errors::format(exc_TypeError, "callable finalizer expected, got %.50s",
                          finalizer->type->name);
  if (firstiter && firstiter != none() && !callable_check(firstiter))
    return errors::format(exc_TypeError, "callable firstiter expected, got %.50s",
                          firstiter->type->name);
  runtime::ThreadState* ts = runtime::thread_state();
  if (finalizer) xsetref(ts->async_gen_finalizer, finalizer == none() ? nullptr : new_ref(finalizer));
  if (firstiter) xsetref(ts->async_gen_firstiter, firstiter == none() ? nullptr : new_ref(firstiter));
  return return_none();
}

// sys_set_coroutine_origin_tracking_depth_impl (clinic: depth as an int, by keyword too).
Object* sys_set_coroutine_origin_tracking_depth(Object*, Object* const* args, ssize nargs,
                                                Object* kwnames) {
  static const char* const keywords[] = {"depth", nullptr};
  static const ArgParser parser = {"set_coroutine_origin_tracking_depth", keywords, 1, 1, 0};
  Object* argv[1] = {nullptr};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, argv)) return nullptr;
  if (float_check(argv[0]))
    return errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
  int depth = long_as_int(argv[0]);
  if (depth == -1 && errors::occurred()) return nullptr;
  if (set_coroutine_origin_tracking_depth(depth) < 0) return nullptr;
  return return_none();
}

Object* sys_get_coroutine_origin_tracking_depth(Object*, Object*) {
  return long_from_long(coroutine_origin_tracking_depth());
}

bool g_ignore_environment = false;  // -E: sys.breakpointhook ignores PYTHONBREAKPOINT

// sys_breakpointhook: PYTHONBREAKPOINT names the callable ("pdb.set_trace" when unset or
// empty, "0" disables); an unimportable name is a RuntimeWarning and the call does nothing.
Object* sys_breakpointhook(Object*, Object* const* args, size_t nargsf, Object* kwnames) {
  const char* env = g_ignore_environment ? nullptr : std::getenv("PYTHONBREAKPOINT");
  std::string hook = env && *env ? env : "pdb.set_trace";
  if (hook == "0") return return_none();
  auto dot = hook.rfind('.');
  std::string modulepath = dot == std::string::npos ? "builtins" : hook.substr(0, dot);
  std::string attrname = dot == std::string::npos ? hook : hook.substr(dot + 1);
  Ref<> module = Ref<>::steal(imp::import_module(modulepath.c_str()));
  Ref<> callable;
  if (module) callable = Ref<>::steal(object_getattr_string(module.get(), attrname.c_str()));
  if (!callable) {
    if (!errors::exception_matches(exc_ImportError) &&
        !errors::exception_matches(exc_AttributeError)) {
      return nullptr;
    }
    errors::clear();
    if (errors::warn_format(exc_RuntimeWarning, 0,
                            "Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", hook.c_str()) < 0) {
      return nullptr;
    }
    return return_none();
  }
  return vectorcall(callable.get(), args, nargsf, kwnames);
}

// UnraisableHookArgs: the argument of sys.unraisablehook (Python/errors.c).
TypeObject unraisable_hook_args_type{};
StructSeqField unraisable_hook_args_fields[] = {{"exc_type", "Exception type"},
                                                {"exc_value", "Exception value"},
                                                {"exc_traceback", "Exception traceback"},
                                                {"err_msg", "Error message"},
                                                {"object", "Object causing the exception"},
                                                {nullptr, nullptr}};
StructSeqDesc unraisable_hook_args_desc = {
    "UnraisableHookArgs",
    "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
    unraisable_hook_args_fields, 5};

// PyFile_WriteString / PyFile_WriteObject: file.write(text), file.write(str(o)) (raw) or
// file.write(repr(o)). 0 or -1.
int file_write_text(Object* file, Object* text) {
  Ref<> write = Ref<>::steal(str_from_cstr("write"));
  if (!write) return -1;
  Ref<> r = Ref<>::steal(call_method_one_arg(file, write.get(), text));
  return r ? 0 : -1;
}
int file_write_cstr(Object* file, const char* text) {
  Ref<> t = Ref<>::steal(str_from_cstr(text));
  return t ? file_write_text(file, t.get()) : -1;
}
int file_write_object(Object* file, Object* o, bool raw) {
  Ref<> t = Ref<>::steal(raw ? object_str(o) : object_repr(o));
  return t ? file_write_text(file, t.get()) : -1;
}

// write_unraisable_exc_file: the default hook's output. The "Exception ignored ..." line, the
// traceback without carets (CPython's call of traceback._print_exception_bltin with two
// arguments fails in 3.14, so its C fallback is what prints), then "module.Type: value".
int write_unraisable_exc_file(Object* exc_type, Object* exc_value, Object* exc_tb,
                              Object* err_msg, Object* obj, Object* file) {
  if (obj && obj != none()) {
    if (err_msg && err_msg != none()) {
      if (file_write_object(file, err_msg, true) < 0 || file_write_cstr(file, ": ") < 0)
        return -1;
    } else if (file_write_cstr(file, "Exception ignored in: ") < 0) {
      return -1;
    }
    if (file_write_object(file, obj, false) < 0) {
      errors::clear();
      if (file_write_cstr(file, "<object repr() failed>") < 0) return -1;
    }
    if (file_write_cstr(file, "\n") < 0) return -1;
  } else if (err_msg && err_msg != none()) {
    if (file_write_object(file, err_msg, true) < 0 || file_write_cstr(file, ":\n") < 0)
      return -1;
  }
  if (exc_tb && exc_tb != none() && exc_tb->type == &vm::traceback_type) {
    std::string text;
    vm::print_traceback_plain(exc_tb, &text);
    Ref<> t = Ref<>::steal(str_from_utf8(text.data(), static_cast<ssize>(text.size())));
    if (!t || file_write_text(file, t.get()) < 0) errors::clear();
  }
  if (!exc_type || exc_type == none()) return -1;
  Ref<> modulename = Ref<>::steal(object_getattr_string(exc_type, "__module__"));
  if (!modulename || !str_check(modulename.get())) {
    errors::clear();
    if (file_write_cstr(file, "<unknown>") < 0) return -1;
  } else {
    const char* mod = str_as_utf8(modulename.get());
    if (mod && std::strcmp(mod, "builtins") != 0 && std::strcmp(mod, "__main__") != 0) {
      if (file_write_text(file, modulename.get()) < 0 || file_write_cstr(file, ".") < 0)
        return -1;
    }
  }
  Ref<> qualname = Ref<>::steal(object_getattr_string(exc_type, "__qualname__"));
  if (!qualname || !str_check(qualname.get())) {
    errors::clear();
    if (file_write_cstr(file, "<unknown>") < 0) return -1;
  } else if (file_write_text(file, qualname.get()) < 0) {
    return -1;
  }
  if (exc_value && exc_value != none()) {
    if (file_write_cstr(file, ": ") < 0) return -1;
    if (file_write_object(file, exc_value, true) < 0) {
      errors::clear();
      if (file_write_cstr(file, "<exception str() failed>") < 0) return -1;
    }
  }
  if (file_write_cstr(file, "\n") < 0) return -1;
  // _PyFile_Flush.
  Ref<> name = Ref<>::steal(str_from_cstr("flush"));
  Ref<> flush = Ref<>::steal(name ? call_method_no_args(file, name.get()) : nullptr);
  return flush ? 0 : -1;
}

// write_unraisable_exc: to sys.stderr, nothing when it is missing or None.
int write_unraisable_exc(Object* exc_type, Object* exc_value, Object* exc_tb, Object* err_msg,
                         Object* obj) {
  Object* file = get_object("stderr");
  if (!file || file == none()) return 0;
  Ref<> keep = Ref<>::borrow(file);
  return write_unraisable_exc_file(exc_type, exc_value, exc_tb, err_msg, obj, file);
}

// _PyErr_WriteUnraisableDefaultHook: sys.unraisablehook / sys.__unraisablehook__.
Object* sys_unraisablehook(Object*, Object* args) {
  if (args->type != &unraisable_hook_args_type) {
    errors::set_string(exc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    return nullptr;
  }
  if (write_unraisable_exc(structseq_get_item(args, 0), structseq_get_item(args, 1),
                           structseq_get_item(args, 2), structseq_get_item(args, 3),
                           structseq_get_item(args, 4)) < 0)
    return nullptr;
  return return_none();
}

// sys_excepthook_impl: _PyErr_Display(sys.stderr, value).
Object* sys_excepthook(Object*, Object* const* args, ssize nargs) {
  if (nargs != 3) {
    return errors::format(exc_TypeError, "excepthook expected 3 arguments, got %zd", nargs);
  }
  Object* err = get_object("stderr");
  // _PyErr_Display: a traceback passed for an exception without one is put on it, or it
  // would not be shown.
  if (exception_check(args[1]) && args[2]->type == &vm::traceback_type) {
    Object* cur = exception_get_traceback(args[1]);
    if (!cur) exception_set_traceback(args[1], args[2]);
    xdecref(cur);
  }
  if (display_hook) {
    if (display_hook(err, args[1]) < 0) return nullptr;
    return new_ref(none());
  }
  if (!err || err == none()) return new_ref(none());
  Ref<> s = Ref<>::steal(object_str(args[1]));
  if (!s) return nullptr;
  Ref<> text = Ref<>::steal(str_from_format("%s: %U\n", type_short_name(args[1]->type), s.get()));
  if (!text) return nullptr;
  Ref<> write = Ref<>::steal(str_from_cstr("write"));
  Ref<> res = Ref<>::steal(call_method_one_arg(err, write.get(), text.get()));
  if (!res) return nullptr;
  return new_ref(none());
}

MethodDef sys_methods[] = {
    {"displayhook", METH_O(sys_displayhook),
     "displayhook($module, object, /)\n--\n\nPrint an object to sys.stdout and also save it in builtins._"},
    {"breakpointhook", reinterpret_cast<void*>(sys_breakpointhook),
     kMethFastcall | kMethKeywords,
     "breakpointhook($module, /, *args, **kwargs)\n--\n\nThis hook function is called by "
     "built-in breakpoint()."},
    {"excepthook", FASTCALL(sys_excepthook),
     "excepthook($module, exctype, value, traceback, /)\n--\n\nHandle an exception by displaying it with a traceback on sys.stderr."},
    {"unraisablehook", METH_O(sys_unraisablehook),
     "unraisablehook($module, unraisable, /)\n--\n\nHandle an unraisable exception.\n\n"
     "The unraisable argument has the following attributes:\n\n"
     "* exc_type: Exception type.\n"
     "* exc_value: Exception value, can be None.\n"
     "* exc_traceback: Exception traceback, can be None.\n"
     "* err_msg: Error message, can be None.\n"
     "* object: Object causing the exception, can be None."},
    {"exception", NOARGS(sys_exception), nullptr},
    {"exc_info", NOARGS(sys_exc_info), nullptr},
    {"exit", FASTCALL(sys_exit), nullptr},
    {"getdefaultencoding", NOARGS(sys_getdefaultencoding), nullptr},
    {"getfilesystemencoding", NOARGS(sys_getfilesystemencoding), nullptr},
    {"getfilesystemencodeerrors", NOARGS(sys_getfilesystemencodeerrors), nullptr},
    {"getrecursionlimit", NOARGS(sys_getrecursionlimit), nullptr},
    {"get_asyncgen_hooks", NOARGS(sys_get_asyncgen_hooks),
     "get_asyncgen_hooks($module, /)\n--\n\nReturn the installed asynchronous generators hooks.\n\n"
     "This returns a namedtuple of the form (firstiter, finalizer)."},
    {"set_coroutine_origin_tracking_depth",
     reinterpret_cast<void*>(sys_set_coroutine_origin_tracking_depth),
     kMethFastcall | kMethKeywords, nullptr},
    {"get_coroutine_origin_tracking_depth", NOARGS(sys_get_coroutine_origin_tracking_depth),
     nullptr},
    {"set_asyncgen_hooks", reinterpret_cast<void*>(sys_set_asyncgen_hooks),
     kMethFastcall | kMethKeywords,
     "set_asyncgen_hooks([firstiter] [, finalizer])\n\nSet a finalizer for async generators "
     "objects."},
    {"_get_cpu_count_config", NOARGS(sys_get_cpu_count_config), nullptr},
    {"audit", FASTCALL(sys_audit), nullptr},
    {"addaudithook", reinterpret_cast<void*>(sys_addaudithook), kMethFastcall | kMethKeywords,
     nullptr},
    {"setrecursionlimit", METH_O(sys_setrecursionlimit), nullptr},
    {"getrefcount", METH_O(sys_getrefcount), nullptr},
    {"getsizeof", reinterpret_cast<void*>(sys_getsizeof), kMethFastcall | kMethKeywords, nullptr},
    {"_debugmallocstats", NOARGS(sys_debugmallocstats),
     "_debugmallocstats($module, /)\n--\n\nPrint summary info to stderr about the state of "
     "pymalloc's structures.\n\nIn Py_DEBUG mode, also perform some expensive internal "
     "consistency\nchecks."},
    {"getswitchinterval", NOARGS(sys_getswitchinterval), nullptr},
    {"setswitchinterval", METH_O(sys_setswitchinterval), nullptr},
    {"intern", METH_O(sys_intern), nullptr},
    {"_clear_type_descriptors", METH_O(sys_clear_type_descriptors), nullptr},
    {"is_finalizing", NOARGS(sys_is_finalizing), nullptr},
    {"_getframe", FASTCALL(sys_getframe), nullptr},
    {"_current_frames", NOARGS(sys_current_frames), nullptr},
    {"_current_exceptions", NOARGS(sys_current_exceptions), nullptr},
    {"get_int_max_str_digits", NOARGS(sys_get_int_max_str_digits), nullptr},
    {"set_int_max_str_digits", reinterpret_cast<void*>(sys_set_int_max_str_digits),
     kMethFastcall | kMethKeywords, nullptr},
    {nullptr, nullptr, 0, nullptr}};

modules::ModuleDef sys_def = {
    "sys",
    "This module provides access to some objects used or maintained by the\n"
    "interpreter and to functions that interact strongly with the interpreter.",
    sys_methods, nullptr};

Object* str_list(const std::vector<std::string>& v) {
  Ref<> l = Ref<>::steal(list_new(0));
  if (!l) return nullptr;
  for (const std::string& s : v) {
    Ref<> item = Ref<>::steal(str_from_utf8(s.data(), static_cast<ssize>(s.size())));
    if (!item || list_append(l.get(), item.get()) < 0) return nullptr;
  }
  return l.release();
}

Object* stdlib_names() {
  Ref<> set = Ref<>::steal(frozenset_new(nullptr));
  if (!set) return nullptr;
  for (const char* const* n = kStdlibModuleNames; *n; ++n) {
    Ref<> s = Ref<>::steal(str_from_cstr(*n));
    if (!s || set_add(set.get(), s.get()) < 0) return nullptr;
  }
  return set.release();
}

// _PySys_InitCore + _PySys_UpdateConfig.
int fill_sys(Object* m, const runtime::Config& c) {
  StructSeqDesc* descs[] = {&flags_desc, &version_info_desc, &float_info_desc, &int_info_desc,
                            &hash_info_desc, &thread_info_desc};
  TypeObject* types[] = {&flags_type, &version_info_type, &float_info_type, &int_info_type,
                         &hash_info_type, &thread_info_type};
  // Static builtin types of CPython despite their dotted names; sys.flags and sys.version_info
  // cannot be instantiated from Python (_PyStructSequence_InitBuiltinWithFlags).
  for (int i = 0; i < 6; ++i) {
    unsigned long extra = kTpflagsStaticBuiltin | (i < 2 ? kTpflagsDisallowInstantiation : 0UL);
    if (structseq_init_type(types[i], descs[i], extra) < 0) return -1;
  }

  std::string prefix = runtime::prefix(c.ignore_environment);
  std::string exe = runtime::executable_path();
  Ref<> version_info = Ref<>::steal(make_version_info());
  if (!version_info) return -1;
  std::string version = runtime::full_version();
  std::vector<std::string> argv = c.argv.empty() ? std::vector<std::string>{""} : c.argv;
  std::vector<std::string> path = runtime::module_search_paths(c.ignore_environment);
  std::string stdlib = runtime::stdlib_dir(c.ignore_environment);
  Ref<> warnoptions = Ref<>::steal(str_list(c.warnoptions));
  Ref<> xoptions = Ref<>::steal(dict_new());
  if (!warnoptions || !xoptions) return -1;
  for (const std::string& x : c.xoptions) {
    auto eq = x.find('=');
    Ref<> k = Ref<>::steal(str_from_utf8(x.data(), static_cast<ssize>(eq == std::string::npos ? x.size() : eq)));
    Ref<> v = eq == std::string::npos
                  ? Ref<>::borrow(true_object())
                  : Ref<>::steal(str_from_utf8(x.data() + eq + 1, static_cast<ssize>(x.size() - eq - 1)));
    if (!k || !v || dict_set_item(xoptions.get(), k.get(), v.get()) < 0) return -1;
  }
  Object* getset_placeholder = nullptr;
  (void)getset_placeholder;
  struct {
    const char* name;
    Object* value;  // new reference
  } values[] = {
      {"modules", new_ref(modules::modules_dict())},
      {"stderr", new_ref(none())},
      {"stdin", new_ref(none())},
      {"stdout", new_ref(none())},
      {"__stderr__", new_ref(none())},
      {"__stdin__", new_ref(none())},
      {"__stdout__", new_ref(none())},
      {"version", str_from_cstr(version.c_str())},
      {"hexversion", L(0x030E02F0)},
      {"api_version", L(1013)},
      {"copyright", S(runtime::copyright())},
      {"platform", S("linux")},
      {"maxsize", long_from_ssize(PTRDIFF_MAX)},
      {"float_info", make_float_info()},
      {"int_info", make_int_info()},
      {"hash_info", make_hash_info()},
      {"maxunicode", L(0x10FFFF)},
      {"builtin_module_names", modules::builtin_module_names()},
      {"stdlib_module_names", stdlib_names()},
      {"byteorder", S("little")},
      {"abiflags", S("")},
      {"version_info", new_ref(version_info.get())},
      {"implementation", make_impl_info(version_info.get())},
      {"flags", make_flags(c)},
      {"float_repr_style", S("short")},
      {"thread_info", make_thread_info()},
      {"meta_path", list_new(0)},
      {"path_importer_cache", dict_new()},
      {"path_hooks", list_new(0)},
      {"path", str_list(path)},
      {"argv", str_list(argv)},
      {"orig_argv", str_list(c.orig_argv)},
      {"warnoptions", new_ref(warnoptions.get())},
      {"_xoptions", new_ref(xoptions.get())},
      {"executable", str_from_utf8(exe.data(), static_cast<ssize>(exe.size()))},
      {"_base_executable", str_from_utf8(exe.data(), static_cast<ssize>(exe.size()))},
      {"prefix", str_from_utf8(prefix.data(), static_cast<ssize>(prefix.size()))},
      {"base_prefix", str_from_utf8(prefix.data(), static_cast<ssize>(prefix.size()))},
      {"exec_prefix", str_from_utf8(prefix.data(), static_cast<ssize>(prefix.size()))},
      {"base_exec_prefix", str_from_utf8(prefix.data(), static_cast<ssize>(prefix.size()))},
      {"platlibdir", S("lib")},
      {"pycache_prefix", new_ref(none())},
      {"_stdlib_dir", str_from_utf8(stdlib.data(), static_cast<ssize>(stdlib.size()))},
      {"dont_write_bytecode", B(c.dont_write_bytecode)},
      {"_git", tuple_pack(3, Ref<>::steal(S("cppy")).get(), Ref<>::steal(S("")).get(),
                          Ref<>::steal(S("")).get())},
      {"_framework", S("")},
  };
  int rc = 0;
  Object* d = module_get_dict(m);
  for (auto& v : values) {
    if (rc == 0 && (!v.value || dict_set_item_string(d, v.name, v.value) < 0)) rc = -1;
    xdecref(v.value);
  }
  if (rc < 0) return -1;
  // The original hooks: __displayhook__ and __excepthook__.
  for (const char* name : {"displayhook", "excepthook", "breakpointhook", "unraisablehook"}) {
    Object* f = dict_get_item_string(d, name);
    std::string dunder = std::string("__") + name + "__";
    if (!f || dict_set_item_string(d, dunder.c_str(), f) < 0) return -1;
  }
  return 0;
}

}  // namespace

modules::ModuleDef* module_def() { return &sys_def; }

int audit(Object* event, Object* const* args, ssize nargs) {
  if (!audit_hooks || list_size(audit_hooks) == 0) return 0;
  Object* argv[8];
  if (nargs > 7) nargs = 7;
  argv[0] = event;
  for (ssize i = 0; i < nargs; i++) argv[i + 1] = args[i];
  Ref<> r = Ref<>::steal(sys_audit(nullptr, argv, nargs + 1));
  return r ? 0 : -1;
}

Object* create_sys_module(const runtime::Config* config) {
  if (the_sys) return the_sys;
  runtime::Config dflt;
  const runtime::Config& c = config ? *config : dflt;
  g_ignore_environment = c.ignore_environment;
  Ref<> name = Ref<>::steal(str_from_cstr("sys"));
  if (!name) return nullptr;
  Ref<> m = Ref<>::steal(modules::module_from_def(&sys_def, name.get()));
  if (!m) return nullptr;
  if (fill_sys(m.get(), c) < 0) return nullptr;
  Object* mods = modules::modules_dict();
  if (!mods || dict_set_item_string(mods, "sys", m.get()) < 0) return nullptr;
  modules::register_core_module("sys", m.get());
  the_sys = m.release();
  return the_sys;
}

Object* sys_module() { return the_sys; }

Object* get_object(const char* name) {
  if (!the_sys) return nullptr;
  return dict_get_item_string(module_get_dict(the_sys), name);
}

int set_object(const char* name, Object* value) {
  if (!the_sys) {
    errors::format(exc_RuntimeError, "lost sys module");
    return -1;
  }
  Object* d = module_get_dict(the_sys);
  if (!value) {
    if (!dict_get_item_string(d, name)) return 0;
    return dict_del_item_string(d, name);
  }
  return dict_set_item_string(d, name, value);
}

void set_getframe_hook(GetFrameHook hook) { getframe_hook = hook; }

// format_unraisable_v (Python/errors.c): exc gets a traceback of the current frame when it has
// none, then sys.unraisablehook(UnraisableHookArgs) runs; a missing or None hook, or one that
// fails (reported as "Exception ignored in sys.unraisablehook"), falls back to the default.
void handle_unraisable(Object* exc, Object* err_msg, Object* obj) {
  Ref<> value = Ref<>::borrow(exc);
  Ref<> tb = Ref<>::steal(exception_get_traceback(exc));
  if (!tb && getframe_hook) {
    Ref<> frame = Ref<>::steal(getframe_hook(0));
    if (frame) {
      errors::set_raised_exception(new_ref(exc));
      vm::traceback_here(frame.get());
      value = Ref<>::steal(errors::get_raised_exception());
      tb = Ref<>::steal(exception_get_traceback(value.get()));
    } else {
      errors::clear();
    }
  }
  Ref<> msg = Ref<>::borrow(err_msg);
  Object* type = reinterpret_cast<Object*>(value->type);
  if (structseq_init_type(&unraisable_hook_args_type, &unraisable_hook_args_desc) < 0) {
    errors::clear();
  } else {
    Ref<> hook_args = Ref<>::steal(make_structseq(
        &unraisable_hook_args_type,
        {new_ref(type), new_ref(value.get()), new_ref(tb ? tb.get() : none()),
         new_ref(err_msg ? err_msg : none()), new_ref(obj ? obj : none())}));
    Object* hook = get_object("unraisablehook");
    if (!hook_args) {
      errors::clear();
    } else if (hook && hook != none()) {
      Ref<> keep = Ref<>::borrow(hook);
      Ref<> res = Ref<>::steal(object_call_one_arg(hook, hook_args.get()));
      if (res) return;
      // The hook failed: its own error is reported with the hook as the object.
      Ref<> failure = Ref<>::steal(errors::get_raised_exception());
      if (!failure) return;
      Ref<> failure_tb = Ref<>::steal(exception_get_traceback(failure.get()));
      msg = Ref<>::steal(str_from_cstr("Exception ignored in sys.unraisablehook"));
      (void)write_unraisable_exc(reinterpret_cast<Object*>(failure->type), failure.get(),
                                 failure_tb.get(), msg.get(), keep.get());
      errors::clear();
      return;
    }
  }
  (void)write_unraisable_exc(type, value.get(), tb.get(), msg.get(), obj);
  errors::clear();
}
void set_display_exception_hook(DisplayExceptionHook hook) { display_hook = hook; }

}  // namespace cppy::sys
