// The _lsprof module: Modules/_lsprof.c, the deterministic profiler behind cProfile. As in
// CPython 3.14 it listens to PEP 669 events: enable() takes sys.monitoring tool 2 and
// registers the profiler's own _pystart/_pyreturn/_pythrow/_ccall/_creturn callbacks
// (bound methods) for PY_START/RESUME/RETURN/YIELD/UNWIND/THROW, CALL and C_RETURN/C_RAISE.
// Entries are keyed by code object (Python functions) or MethodDef (builtins); CPython keeps
// them in a rotating tree enumerated in key order, cppy in std::map (also key order).
#include "modules/_lsprof/lsprofmodule.h"

#include <time.h>

#include <cmath>
#include <map>
#include <new>

#include "errors/errors.h"
#include "gc/gc.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/descrobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/structseq.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pytime.h"

namespace cppy::modules::lsprof {

using namespace objects;

namespace {

constexpr int kPofEnabled = 0x001;
constexpr int kPofSubcalls = 0x002;
constexpr int kPofBuiltins = 0x004;
constexpr int kPofExtTimer = 0x008;
constexpr int kPofNoMemory = 0x100;
constexpr int kProfilerToolId = 2;  // PY_MONITORING_PROFILER_ID

struct ProfilerEntry;

// ProfilerSubEntry: a function as called from one caller.
struct ProfilerSubEntry {
  int64_t tt = 0;
  int64_t it = 0;
  long callcount = 0;
  long recursivecallcount = 0;
  long recursion_level = 0;
};

// ProfilerEntry: a function (code object) or a builtin (its MethodDef).
struct ProfilerEntry {
  Object* user_obj = nullptr;  // the code object, or a descriptive str for builtins
  int64_t tt = 0;               // total time
  int64_t it = 0;               // inline time (not in subcalls)
  long callcount = 0;
  long recursivecallcount = 0;
  long recursion_level = 0;
  std::map<ProfilerEntry*, ProfilerSubEntry> calls;
};

// ProfilerContext: one active call.
struct ProfilerContext {
  int64_t t0;
  int64_t subt;
  ProfilerContext* previous;
  ProfilerEntry* ctx_entry;
};

using EntryMap = std::map<const void*, ProfilerEntry>;

struct ProfilerObject : Object {
  EntryMap* entries;
  ProfilerContext* current;
  ProfilerContext* freelist;
  int flags;
  Object* external_timer;
  double external_timer_unit;
  int tool_id;
  Object* missing;
};

ProfilerObject* prof(Object* o) { return static_cast<ProfilerObject*>(o); }

TypeObject stats_entry_type{};
TypeObject stats_subentry_type{};

StructSeqField profiler_entry_fields[] = {
    {"code", "code object or built-in function name"},
    {"callcount", "how many times this was called"},
    {"reccallcount", "how many times called recursively"},
    {"totaltime", "total time in this entry"},
    {"inlinetime", "inline time in this entry (not in subcalls)"},
    {"calls", "details of the calls"},
    {nullptr, nullptr}};
StructSeqField profiler_subentry_fields[] = {
    {"code", "called code object or built-in function name"},
    {"callcount", "how many times this is called"},
    {"reccallcount", "how many times this is called recursively"},
    {"totaltime", "total time spent in this call"},
    {"inlinetime", "inline time (not in further subcalls)"},
    {nullptr, nullptr}};
StructSeqDesc profiler_entry_desc = {"_lsprof.profiler_entry", nullptr, profiler_entry_fields, 6};
StructSeqDesc profiler_subentry_desc = {"_lsprof.profiler_subentry", nullptr,
                                        profiler_subentry_fields, 5};

// CallExternalTimer: the flag keeps disable()/clear() from running inside the timer.
int64_t call_external_timer(ProfilerObject* p) {
  p->flags |= kPofExtTimer;
  Object* o = object_call_no_args(p->external_timer);
  p->flags &= ~kPofExtTimer;
  if (!o) {
    errors::format_unraisable("Exception ignored while calling _lsprof timer %R",
                              p->external_timer);
    return 0;
  }
  int64_t result = 0;
  // A timer with a unit returns integers scaled later in getstats(); otherwise seconds.
  int err = p->external_timer_unit > 0.0
                ? runtime::time_from_long(&result, o)
                : runtime::time_from_seconds_object(&result, o, runtime::TimeRound::kFloor);
  decref(o);
  if (err < 0) {
    errors::format_unraisable("Exception ignored while calling _lsprof timer %R",
                              p->external_timer);
    return 0;
  }
  return result;
}

int64_t call_timer(ProfilerObject* p) {
  return p->external_timer ? call_external_timer(p) : runtime::monotonic_raw();
}

// normalizeUserObj: builtins are named by a string, so that the stats keep no reference to
// a method's __self__: "<name>" / "<module.name>" for functions, the repr of the method
// descriptor found on type(self) for bound methods.
Object* normalize_user_obj(Object* obj) {
  if (!cfunction_check(obj)) return new_ref(obj);
  auto* fn = static_cast<CFunctionObject*>(obj);
  if (!fn->m_self) {
    Object* mod = fn->m_module;
    Object* modname = nullptr;
    if (mod) {
      if (str_check(mod)) {
        modname = new_ref(mod);
      } else if (module_check(mod)) {
        modname = module_get_name_object(mod);
        if (!modname) errors::clear();
      }
    }
    if (modname) {
      Ref<> keep = Ref<>::steal(modname);
      if (!str_equal_cstr(modname, "builtins"))
        return str_from_format("<%U.%s>", modname, fn->m_ml->name);
    }
    return str_from_format("<%s>", fn->m_ml->name);
  }
  Object* self = fn->m_self;
  Object* modname = fn->m_module;
  Ref<> name = Ref<>::steal(str_from_cstr(fn->m_ml->name));
  if (name) {
    Ref<> mo = Ref<>::steal(type_lookup_ref(self->type, name.get()));
    if (mo) {
      Object* res = object_repr(mo.get());
      if (res) return res;
    }
  }
  errors::clear();
  if (modname && str_check(modname))
    return str_from_format("<built-in method %S.%s>", modname, fn->m_ml->name);
  return str_from_format("<built-in method %s>", fn->m_ml->name);
}

// newProfilerEntry.
ProfilerEntry* new_profiler_entry(ProfilerObject* p, const void* key, Object* user_obj) {
  if (!p->entries) {
    p->entries = new (std::nothrow) EntryMap();
    if (!p->entries) {
      p->flags |= kPofNoMemory;
      return nullptr;
    }
  }
  Object* normalized = normalize_user_obj(user_obj);
  if (!normalized) {
    errors::clear();
    p->flags |= kPofNoMemory;
    return nullptr;
  }
  ProfilerEntry& e = (*p->entries)[key];
  e.user_obj = normalized;
  return &e;
}

ProfilerEntry* get_entry(ProfilerObject* p, const void* key) {
  if (!p->entries) return nullptr;
  auto it = p->entries->find(key);
  return it == p->entries->end() ? nullptr : &it->second;
}

ProfilerSubEntry* get_sub_entry(ProfilerEntry* caller, ProfilerEntry* entry) {
  auto it = caller->calls.find(entry);
  return it == caller->calls.end() ? nullptr : &it->second;
}

// clearEntries.
void clear_entries(ProfilerObject* p) {
  if (p->entries) {
    for (auto& kv : *p->entries) decref(kv.second.user_obj);
    delete p->entries;
    p->entries = nullptr;
  }
  // The open contexts point at freed entries: they go (CPython frees only the innermost
  // one and loses the chain behind it).
  while (p->current) {
    ProfilerContext* c = p->current;
    p->current = c->previous;
    delete c;
  }
  while (p->freelist) {
    ProfilerContext* c = p->freelist;
    p->freelist = c->previous;
    delete c;
  }
}

// initContext.
void init_context(ProfilerObject* p, ProfilerContext* self, ProfilerEntry* entry) {
  self->ctx_entry = entry;
  self->subt = 0;
  self->previous = p->current;
  p->current = self;
  ++entry->recursion_level;
  if ((p->flags & kPofSubcalls) && self->previous) {
    ProfilerEntry* caller = self->previous->ctx_entry;
    ++caller->calls[entry].recursion_level;
  }
  self->t0 = call_timer(p);
}

// Stop.
void stop(ProfilerObject* p, ProfilerContext* self, ProfilerEntry* entry) {
  int64_t tt = call_timer(p) - self->t0;
  int64_t it = tt - self->subt;
  if (self->previous) self->previous->subt += tt;
  p->current = self->previous;
  if (--entry->recursion_level == 0)
    entry->tt += tt;
  else
    ++entry->recursivecallcount;
  entry->it += it;
  entry->callcount++;
  if ((p->flags & kPofSubcalls) && self->previous) {
    ProfilerEntry* caller = self->previous->ctx_entry;
    if (ProfilerSubEntry* sub = get_sub_entry(caller, entry)) {
      if (--sub->recursion_level == 0)
        sub->tt += tt;
      else
        ++sub->recursivecallcount;
      sub->it += it;
      ++sub->callcount;
    }
  }
}

// ptrace_enter_call: key is a code object or a MethodDef. An exception may be set (a
// generator entered by throw()); it is kept aside.
void enter_call(ProfilerObject* p, const void* key, Object* user_obj) {
  Object* exc = errors::get_raised_exception();
  ProfilerEntry* entry = get_entry(p, key);
  if (!entry) entry = new_profiler_entry(p, key, user_obj);
  if (entry) {
    ProfilerContext* ctx = p->freelist;
    if (ctx) {
      p->freelist = ctx->previous;
    } else {
      ctx = new (std::nothrow) ProfilerContext;
      if (!ctx) p->flags |= kPofNoMemory;
    }
    if (ctx) init_context(p, ctx, entry);
  }
  errors::set_raised_exception(exc);
}

// ptrace_leave_call.
void leave_call(ProfilerObject* p, const void* key) {
  ProfilerContext* ctx = p->current;
  if (!ctx) return;
  if (ProfilerEntry* entry = get_entry(p, key))
    stop(p, ctx, entry);
  else
    p->current = ctx->previous;
  ctx->previous = p->freelist;
  p->freelist = ctx;
}

// pending_exception.
int pending_exception(ProfilerObject* p) {
  if (p->flags & kPofNoMemory) {
    p->flags -= kPofNoMemory;
    errors::set_string(exc_MemoryError, "memory was exhausted while profiling");
    return -1;
  }
  return 0;
}

// A profiler_entry / profiler_subentry built from its items (the struct sequence is made
// by calling its type with one tuple, as CPython does).
Object* make_stats(TypeObject* type, std::initializer_list<Object*> items) {
  Ref<> seq = Ref<>::steal(structseq_new(type));
  bool ok = bool(seq);
  ssize i = 0;
  for (Object* item : items) {
    if (!item) ok = false;
    if (seq) structseq_set_item(seq.get(), i, item);
    else xdecref(item);
    ++i;
  }
  return ok ? seq.release() : nullptr;
}

// statsForEntry / statsForSubEntry.
Object* stats_for_entry(ProfilerEntry& entry, double factor) {
  Ref<> sublist;
  if (!entry.calls.empty()) {
    sublist = Ref<>::steal(list_new(0));
    if (!sublist) return nullptr;
    for (auto& kv : entry.calls) {
      ProfilerSubEntry& s = kv.second;
      Ref<> info = Ref<>::steal(make_stats(
          &stats_subentry_type,
          {new_ref(kv.first->user_obj), long_from_long(s.callcount),
           long_from_long(s.recursivecallcount), float_from_double(factor * double(s.tt)),
           float_from_double(factor * double(s.it))}));
      if (!info || list_append(sublist.get(), info.get()) < 0) return nullptr;
    }
  } else {
    sublist = Ref<>::borrow(none());
  }
  return make_stats(&stats_entry_type,
                    {new_ref(entry.user_obj), long_from_long(entry.callcount),
                     long_from_long(entry.recursivecallcount),
                     float_from_double(factor * double(entry.tt)),
                     float_from_double(factor * double(entry.it)), sublist.release()});
}

// _lsprof_Profiler_getstats_impl.
Object* Profiler_getstats(Object* self, Object*) {
  ProfilerObject* p = prof(self);
  if (pending_exception(p)) return nullptr;
  double factor = (!p->external_timer || p->external_timer_unit == 0.0) ? 1e-9
                                                                         : p->external_timer_unit;
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  if (p->entries) {
    for (auto& kv : *p->entries) {
      if (kv.second.callcount == 0) continue;
      Ref<> info = Ref<>::steal(stats_for_entry(kv.second, factor));
      if (!info || list_append(list.get(), info.get()) < 0) return nullptr;
    }
  }
  return list.release();
}

void set_subcalls(ProfilerObject* p, int v) {
  if (v == 0)
    p->flags &= ~kPofSubcalls;
  else if (v > 0)
    p->flags |= kPofSubcalls;
}
void set_builtins(ProfilerObject* p, int v) {
  if (v == 0)
    p->flags &= ~kPofBuiltins;
  else if (v > 0)
    p->flags |= kPofBuiltins;
}

bool check_nargs(const char* name, ssize nargs, ssize n) {
  return check_positional(name, nargs, n, n);
}

// _lsprof_Profiler__pystart_callback_impl (also PY_RESUME).
Object* Profiler_pystart(Object* self, Object* const* args, ssize nargs) {
  if (!check_nargs("_pystart_callback", nargs, 2)) return nullptr;
  enter_call(prof(self), args[0], args[0]);
  return return_none();
}

// _lsprof_Profiler__pythrow_callback_impl.
Object* Profiler_pythrow(Object* self, Object* const* args, ssize nargs) {
  if (!check_nargs("_pythrow_callback", nargs, 3)) return nullptr;
  enter_call(prof(self), args[0], args[0]);
  return return_none();
}

// _lsprof_Profiler__pyreturn_callback_impl (also PY_YIELD, PY_UNWIND).
Object* Profiler_pyreturn(Object* self, Object* const* args, ssize nargs) {
  if (!check_nargs("_pyreturn_callback", nargs, 3)) return nullptr;
  leave_call(prof(self), args[0]);
  return return_none();
}

// get_cfunc_from_callable: the builtin function a CALL event calls, binding a method
// descriptor to its first argument as the profiler always reported them (new reference).
Object* cfunc_from_callable(Object* callable, Object* self_arg, Object* missing) {
  if (cfunction_check(callable)) return new_ref(callable);
  if (callable->type == &method_descr_type) {
    if (self_arg == missing) return nullptr;
    Object* meth = callable->type->descr_get(callable, self_arg, self_arg->type);
    if (!meth) {
      errors::clear();
      return nullptr;
    }
    if (cfunction_check(meth)) return meth;
    decref(meth);
  }
  return nullptr;
}

// _lsprof_Profiler__ccall_callback_impl.
Object* Profiler_ccall(Object* self, Object* const* args, ssize nargs) {
  if (!check_nargs("_ccall_callback", nargs, 4)) return nullptr;
  ProfilerObject* p = prof(self);
  if (p->flags & kPofBuiltins) {
    if (Object* cfunc = cfunc_from_callable(args[2], args[3], p->missing)) {
      enter_call(p, static_cast<CFunctionObject*>(cfunc)->m_ml, cfunc);
      decref(cfunc);
    }
  }
  return return_none();
}

// _lsprof_Profiler__creturn_callback_impl (also C_RAISE).
Object* Profiler_creturn(Object* self, Object* const* args, ssize nargs) {
  if (!check_nargs("_creturn_callback", nargs, 4)) return nullptr;
  ProfilerObject* p = prof(self);
  if (p->flags & kPofBuiltins) {
    if (Object* cfunc = cfunc_from_callable(args[2], args[3], p->missing)) {
      leave_call(p, static_cast<CFunctionObject*>(cfunc)->m_ml);
      decref(cfunc);
    }
  }
  return return_none();
}

// PY_MONITORING_EVENT_* numbers and the method each is registered to (callback_table).
struct CallbackEntry {
  int event;
  const char* method;
};
const CallbackEntry callback_table[] = {
    {0, "_pystart_callback"},   // PY_START
    {1, "_pystart_callback"},   // PY_RESUME
    {14, "_pythrow_callback"},  // PY_THROW
    {2, "_pyreturn_callback"},  // PY_RETURN
    {3, "_pyreturn_callback"},  // PY_YIELD
    {13, "_pyreturn_callback"}, // PY_UNWIND
    {4, "_ccall_callback"},     // CALL
    {16, "_creturn_callback"},  // C_RETURN
    {17, "_creturn_callback"},  // C_RAISE
};

// sys.monitoring (new reference).
Object* get_monitoring() {
  Ref<> sys = Ref<>::steal(imp::import_module("sys"));
  if (!sys) return nullptr;
  return object_getattr_string(sys.get(), "monitoring");
}

Object* call_monitoring(Object* monitoring, const char* method, std::initializer_list<Object*> args) {
  Ref<> fn = Ref<>::steal(object_getattr_string(monitoring, method));
  bool ok = bool(fn);
  Object* argv[4];
  size_t n = 0;
  for (Object* a : args) {
    if (!a) ok = false;
    argv[n++] = a;
  }
  Object* result = ok ? vectorcall(fn.get(), argv, n, nullptr) : nullptr;
  for (size_t i = 0; i < n; ++i) xdecref(argv[i]);
  return result;
}

// The bool and double converters of Argument Clinic.
bool bool_arg(Object* o, int* out) {
  if (!o) return true;
  int v = object_is_true(o);
  if (v < 0) return false;
  *out = v;
  return true;
}

// _lsprof_Profiler_enable_impl.
Object* Profiler_enable(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kws[] = {"subcalls", "builtins", nullptr};
  static const ArgParser parser{"enable", kws, 0, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords_impl(parser, args, nargs, nullptr, kwnames, a) < 0) return nullptr;
  int subcalls = 1, builtins = 1;
  if (!bool_arg(a[0], &subcalls) || !bool_arg(a[1], &builtins)) return nullptr;
  ProfilerObject* p = prof(self);
  set_subcalls(p, subcalls);
  set_builtins(p, builtins);
  Ref<> monitoring = Ref<>::steal(get_monitoring());
  if (!monitoring) return nullptr;
  Ref<> check = Ref<>::steal(call_monitoring(
      monitoring.get(), "use_tool_id", {long_from_long(p->tool_id), str_from_cstr("cProfile")}));
  if (!check) {
    errors::clear();
    errors::set_string(exc_ValueError, "Another profiling tool is already active");
    return nullptr;
  }
  long all_events = 0;
  for (const CallbackEntry& c : callback_table) {
    long event = 1L << c.event;
    Object* callback = object_getattr_string(self, c.method);
    if (!callback) return nullptr;
    Ref<> r = Ref<>::steal(call_monitoring(
        monitoring.get(), "register_callback",
        {long_from_long(p->tool_id), long_from_long(event), callback}));
    if (!r) return nullptr;
    all_events |= event;
  }
  Ref<> r = Ref<>::steal(call_monitoring(monitoring.get(), "set_events",
                                         {long_from_long(p->tool_id), long_from_long(all_events)}));
  if (!r) return nullptr;
  p->flags |= kPofEnabled;
  return return_none();
}

// flush_unmatched: the calls still open when profiling stops end now.
void flush_unmatched(ProfilerObject* p) {
  while (ProfilerContext* ctx = p->current) {
    if (ctx->ctx_entry)
      stop(p, ctx, ctx->ctx_entry);
    else
      p->current = ctx->previous;
    delete ctx;
  }
}

// _lsprof_Profiler_disable_impl.
Object* Profiler_disable(Object* self, Object*) {
  ProfilerObject* p = prof(self);
  if (p->flags & kPofExtTimer) {
    errors::set_string(exc_RuntimeError, "cannot disable profiler in external timer");
    return nullptr;
  }
  if (p->flags & kPofEnabled) {
    Ref<> monitoring = Ref<>::steal(get_monitoring());
    if (!monitoring) return nullptr;
    for (const CallbackEntry& c : callback_table) {
      Ref<> r = Ref<>::steal(call_monitoring(
          monitoring.get(), "register_callback",
          {long_from_long(p->tool_id), long_from_long(1L << c.event), new_ref(none())}));
      if (!r) return nullptr;
    }
    Ref<> r = Ref<>::steal(call_monitoring(monitoring.get(), "set_events",
                                           {long_from_long(p->tool_id), long_from_long(0)}));
    if (!r) return nullptr;
    r = Ref<>::steal(
        call_monitoring(monitoring.get(), "free_tool_id", {long_from_long(p->tool_id)}));
    if (!r) return nullptr;
    p->flags &= ~kPofEnabled;
    flush_unmatched(p);
  }
  if (pending_exception(p)) return nullptr;
  return return_none();
}

// _lsprof_Profiler_clear_impl.
Object* Profiler_clear(Object* self, Object*) {
  ProfilerObject* p = prof(self);
  if (p->flags & kPofExtTimer) {
    errors::set_string(exc_RuntimeError, "cannot clear profiler in external timer");
    return nullptr;
  }
  clear_entries(p);
  return return_none();
}

int Profiler_traverse(Object* o, visitproc visit, void* arg) {
  ProfilerObject* p = prof(o);
  if (p->external_timer)
    if (int r = visit(p->external_timer, arg)) return r;
  return 0;
}

// profiler_dealloc.
void Profiler_dealloc(Object* o) {
  ProfilerObject* p = prof(o);
  gc::untrack(o);
  flush_unmatched(p);
  clear_entries(p);
  clear(p->external_timer);
  clear(p->missing);
  o->type->free(o);
}

// profiler_init: Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True).
int Profiler_init(Object* self, Object* args, Object* kwargs) {
  static const char* const kws[] = {"timer", "timeunit", "subcalls", "builtins", nullptr};
  static const ArgParser parser{"Profiler", kws, 0, 4, 0};
  Object* a[4] = {};
  if (unpack_keywords_impl(parser, tuple_items(args), tuple_size(args), kwargs, nullptr, a) < 0)
    return -1;
  double timeunit = 0.0;
  if (a[1]) {
    timeunit = float_as_double(a[1]);
    if (timeunit == -1.0 && errors::occurred()) return -1;
  }
  int subcalls = 1, builtins = 1;
  if (!bool_arg(a[2], &subcalls) || !bool_arg(a[3], &builtins)) return -1;
  ProfilerObject* p = prof(self);
  set_subcalls(p, subcalls);
  set_builtins(p, builtins);
  p->external_timer_unit = timeunit;
  Object* timer = a[0] == none() ? nullptr : a[0];
  Object* old = p->external_timer;
  p->external_timer = timer ? new_ref(timer) : nullptr;
  xdecref(old);
  p->tool_id = kProfilerToolId;
  Ref<> monitoring = Ref<>::steal(get_monitoring());
  if (!monitoring) return -1;
  Object* missing = object_getattr_string(monitoring.get(), "MISSING");
  if (!missing) return -1;
  old = p->missing;
  p->missing = missing;
  xdecref(old);
  return 0;
}

constexpr const char* kGetstatsDoc =
    "getstats($self, /)\n--\n\n"
    "list of profiler_entry objects.\n\n"
    "getstats() -> list of profiler_entry objects\n\n"
    "Return all information collected by the profiler.\n"
    "Each profiler_entry is a tuple-like object with the\n"
    "following attributes:\n\n"
    "    code          code object\n"
    "    callcount     how many times this was called\n"
    "    reccallcount  how many times called recursively\n"
    "    totaltime     total time in this entry\n"
    "    inlinetime    inline time in this entry (not in subcalls)\n"
    "    calls         details of the calls\n\n"
    "The calls attribute is either None or a list of\n"
    "profiler_subentry objects:\n\n"
    "    code          called code object\n"
    "    callcount     how many times this is called\n"
    "    reccallcount  how many times this is called recursively\n"
    "    totaltime     total time spent in this call\n"
    "    inlinetime    inline time (not in further subcalls)";

MethodDef profiler_methods[] = {
    {"getstats", reinterpret_cast<void*>(Profiler_getstats), kMethNoArgs, kGetstatsDoc},
    {"enable", reinterpret_cast<void*>(Profiler_enable), kMethFastcall | kMethKeywords,
     "enable($self, /, subcalls=True, builtins=True)\n--\n\n"
     "Start collecting profiling information.\n\n"
     "  subcalls\n"
     "    If True, also records for each function\n"
     "    statistics separated according to its current caller.\n"
     "  builtins\n"
     "    If True, records the time spent in\n"
     "    built-in functions separately from their caller."},
    {"disable", reinterpret_cast<void*>(Profiler_disable), kMethNoArgs,
     "disable($self, /)\n--\n\nStop collecting profiling information."},
    {"clear", reinterpret_cast<void*>(Profiler_clear), kMethNoArgs,
     "clear($self, /)\n--\n\nClear all profiling information collected so far."},
    {"_pystart_callback", reinterpret_cast<void*>(Profiler_pystart), kMethFastcall,
     "_pystart_callback($self, code, instruction_offset, /)\n--\n\n"},
    {"_pythrow_callback", reinterpret_cast<void*>(Profiler_pythrow), kMethFastcall,
     "_pythrow_callback($self, code, instruction_offset, exception, /)\n--\n\n"},
    {"_pyreturn_callback", reinterpret_cast<void*>(Profiler_pyreturn), kMethFastcall,
     "_pyreturn_callback($self, code, instruction_offset, retval, /)\n--\n\n"},
    {"_ccall_callback", reinterpret_cast<void*>(Profiler_ccall), kMethFastcall,
     "_ccall_callback($self, code, instruction_offset, callable, self_arg, /)\n--\n\n"},
    {"_creturn_callback", reinterpret_cast<void*>(Profiler_creturn), kMethFastcall,
     "_creturn_callback($self, code, instruction_offset, callable, self_arg, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

TypeObject profiler_type = [] {
  TypeObject t = static_type("_lsprof.Profiler", sizeof(ProfilerObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsImmutabletype);
  t.doc =
      "Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)\n--\n\n"
      "Build a profiler object using the specified timer function.\n\n"
      "The default timer is a fast built-in one based on real time.\n"
      "For custom timer functions returning integers, 'timeunit' can\n"
      "be a float specifying a scale (that is, how long each integer unit\n"
      "is, in seconds).";
  t.methods = profiler_methods;
  t.dealloc = Profiler_dealloc;
  t.traverse = Profiler_traverse;
  t.init = Profiler_init;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

int lsprof_exec(Object* module) {
  if (type_ready(&profiler_type) < 0) return -1;
  if (module_add_object_ref(module, "Profiler", &profiler_type) < 0) return -1;
  if (structseq_init_type(&stats_entry_type, &profiler_entry_desc) < 0) return -1;
  if (module_add_object_ref(module, "profiler_entry", &stats_entry_type) < 0) return -1;
  if (structseq_init_type(&stats_subentry_type, &profiler_subentry_desc) < 0) return -1;
  return module_add_object_ref(module, "profiler_subentry", &stats_subentry_type);
}

ModuleDef lsprof_def = {"_lsprof", "Fast profiler", nullptr, lsprof_exec};

}  // namespace

ModuleDef* module_def() { return &lsprof_def; }

}  // namespace cppy::modules::lsprof
