// The gc module: Modules/gcmodule.c over the collector of gc.cpp.
#include "gc/gcmodule.h"

#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "sys/sysmodule.h"

namespace cppy::gc {

using namespace objects;

namespace {

Object* gc_enable(Object*, Object*) {
  enable();
  return return_none();
}
Object* gc_disable(Object*, Object*) {
  disable();
  return return_none();
}
Object* gc_isenabled(Object*, Object*) { return bool_from_long(is_enabled()); }

// gc.collect(generation=2).
Object* gc_collect(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  long generation = kNumGenerations - 1;
  Object* arg = nargs > 0 ? args[0] : nullptr;
  if (kwnames && tuple_size(kwnames)) {
    if (tuple_size(kwnames) != 1 || str_compare_cstr(tuple_item(kwnames, 0), "generation") != 0)
      return errors::format(exc_TypeError, "collect() got an unexpected keyword argument '%U'",
                            tuple_item(kwnames, 0));
    arg = args[nargs];
  }
  if (arg) {
    generation = long_as_long(arg);
    if (generation == -1 && errors::occurred()) return nullptr;
  }
  if (generation < 0 || generation >= kNumGenerations) {
    errors::set_string(exc_ValueError, "invalid generation");
    return nullptr;
  }
  return long_from_ssize(collect(static_cast<int>(generation)));
}

Object* gc_set_debug(Object*, Object* flags) {
  long v = long_as_long(flags);
  if (v == -1 && errors::occurred()) return nullptr;
  set_debug(static_cast<int>(v));
  return return_none();
}
Object* gc_get_debug(Object*, Object*) { return long_from_long(get_debug()); }

Object* int_triple(int a, int b, int c) {
  Ref<> x = Ref<>::steal(long_from_long(a)), y = Ref<>::steal(long_from_long(b)),
        z = Ref<>::steal(long_from_long(c));
  if (!x || !y || !z) return nullptr;
  return tuple_pack(3, x.get(), y.get(), z.get());
}
Object* gc_get_count(Object*, Object*) {
  int a, b, c;
  get_count(&a, &b, &c);
  return int_triple(a, b, c);
}
Object* gc_get_threshold(Object*, Object*) {
  int a, b, c;
  get_threshold(&a, &b, &c);
  return int_triple(a, b, c);
}
// gc.set_threshold(threshold0[, threshold1[, threshold2]]).
Object* gc_set_threshold(Object*, Object* args) {
  ssize n = tuple_size(args);
  if (n < 1 || n > 3) {
    return errors::format(exc_TypeError, n < 1 ? "set_threshold() takes at least 1 argument (%zd given)"
                                               : "set_threshold() takes at most 3 arguments (%zd given)",
                          n);
  }
  int vals[3] = {0, -1, -1};
  for (ssize i = 0; i < n; ++i) {
    long v = long_as_long(tuple_item(args, i));
    if (v == -1 && errors::occurred()) return nullptr;
    vals[i] = static_cast<int>(v);
  }
  set_threshold(vals[0], vals[1], vals[2]);
  return return_none();
}

void append_visit(Object* o, void* arg) {
  if (o == arg) return;
  if (list_append(static_cast<Object*>(arg), o) < 0) errors::clear();
}
// gc.get_objects(generation=None).
Object* gc_get_objects(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const keywords[] = {"generation", nullptr};
  static const ArgParser parser{"get_objects", keywords, 0, 1, 0};
  Object* gen_arg = nullptr;
  if (unpack_keywords(parser, args, nargs, kwnames, &gen_arg) < 0) return nullptr;
  ssize g = -1;
  if (gen_arg && gen_arg != none()) {
    g = long_as_ssize(gen_arg);
    if (g == -1 && errors::occurred()) return nullptr;
  }
  {
    // PySys_Audit("gc.get_objects", "n", generation).
    Ref<> n = Ref<>::steal(long_from_ssize(g));
    Object* audit_args[1] = {n.get()};
    if (!n || sys::audit(str_intern_from_cstr("gc.get_objects"), audit_args, 1) < 0)
      return nullptr;
  }
  int generation = -1;
  if (gen_arg && gen_arg != none()) {
    if (g >= kNumGenerations) {
      return errors::format(exc_ValueError,
                            "generation parameter must be less than the number of available "
                            "generations (%i)",
                            kNumGenerations);
    }
    if (g < -1) {
      errors::set_string(exc_ValueError, "generation parameter cannot be negative");
      return nullptr;
    }
    generation = static_cast<int>(g);
  }
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  // append_objects skips the result list itself.
  for_each_tracked(generation, append_visit, result.get());
  return result.release();
}

Object* gc_get_stats(Object*, Object*) {
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  for (int i = 0; i < kNumGenerations; ++i) {
    const GenerationStats& st = stats(i);
    Ref<> d = Ref<>::steal(dict_new());
    if (!d) return nullptr;
    Ref<> a = Ref<>::steal(long_from_ssize(st.collections));
    Ref<> b = Ref<>::steal(long_from_ssize(st.collected));
    Ref<> c = Ref<>::steal(long_from_ssize(st.uncollectable));
    if (dict_set_item_string(d.get(), "collections", a.get()) < 0 ||
        dict_set_item_string(d.get(), "collected", b.get()) < 0 ||
        dict_set_item_string(d.get(), "uncollectable", c.get()) < 0 ||
        list_append(result.get(), d.get()) < 0)
      return nullptr;
  }
  return result.release();
}

Object* gc_is_tracked(Object*, Object* obj) {
  return bool_from_long(object_is_gc(obj) && is_tracked(obj));
}
Object* gc_is_finalized(Object*, Object* obj) {
  return bool_from_long(object_is_gc(obj) && is_finalized(obj));
}

int referents_visit(Object* o, void* arg) {
  return list_append(static_cast<Object*>(arg), o) < 0 ? -1 : 0;
}
// gc.get_referents(*objs): what each GC object's tp_traverse visits.
Object* gc_get_referents(Object*, Object* args) {
  if (sys::audit(str_intern_from_cstr("gc.get_referents"), &args, 1) < 0) return nullptr;
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  for (ssize i = 0; i < tuple_size(args); ++i) {
    Object* o = tuple_item(args, i);
    if (!object_is_gc(o) || !o->type->traverse) continue;
    if (o->type->traverse(o, referents_visit, result.get())) return nullptr;
  }
  return result.release();
}

struct ReferrersSearch {
  Object* objs;
  Object* result;
  Object* current;
  bool found;
};
int referrers_visit(Object* o, void* arg) {
  auto* s = static_cast<ReferrersSearch*>(arg);
  for (ssize i = 0; i < tuple_size(s->objs); ++i)
    if (tuple_item(s->objs, i) == o) s->found = true;
  return 0;
}
void referrers_each(Object* o, void* arg) {
  auto* s = static_cast<ReferrersSearch*>(arg);
  if (o == s->objs || o == s->result || !o->type->traverse) return;
  s->found = false;
  o->type->traverse(o, referrers_visit, s);
  if (s->found && list_append(s->result, o) < 0) errors::clear();
}
Object* gc_get_referrers(Object*, Object* args) {
  if (sys::audit(str_intern_from_cstr("gc.get_referrers"), &args, 1) < 0) return nullptr;
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  ReferrersSearch s{args, result.get(), nullptr, false};
  for_each_tracked_by_generation(referrers_each, &s);
  return result.release();
}

Object* gc_freeze(Object*, Object*) {
  freeze();
  return return_none();
}
Object* gc_unfreeze(Object*, Object*) {
  unfreeze();
  return return_none();
}
Object* gc_get_freeze_count(Object*, Object*) { return long_from_ssize(freeze_count()); }

#define F(name, fn, flags) {name, reinterpret_cast<void*>(fn), flags, nullptr}
MethodDef gc_methods[] = {
    F("enable", gc_enable, kMethNoArgs),
    F("disable", gc_disable, kMethNoArgs),
    F("isenabled", gc_isenabled, kMethNoArgs),
    F("set_debug", gc_set_debug, kMethO),
    F("get_debug", gc_get_debug, kMethNoArgs),
    F("get_count", gc_get_count, kMethNoArgs),
    F("set_threshold", gc_set_threshold, kMethVarargs),
    F("get_threshold", gc_get_threshold, kMethNoArgs),
    F("collect", gc_collect, kMethFastcall | kMethKeywords),
    F("get_objects", gc_get_objects, kMethFastcall | kMethKeywords),
    F("get_stats", gc_get_stats, kMethNoArgs),
    F("is_tracked", gc_is_tracked, kMethO),
    F("is_finalized", gc_is_finalized, kMethO),
    F("get_referrers", gc_get_referrers, kMethVarargs),
    F("get_referents", gc_get_referents, kMethVarargs),
    F("freeze", gc_freeze, kMethNoArgs),
    F("unfreeze", gc_unfreeze, kMethNoArgs),
    F("get_freeze_count", gc_get_freeze_count, kMethNoArgs),
    {nullptr, nullptr, 0, nullptr}};
#undef F

}  // namespace

MethodDef* gc_module_methods() { return gc_methods; }

// gcmodule_exec: the constants, garbage and callbacks.
int gc_module_exec(Object* m) {
  const struct {
    const char* name;
    int value;
  } consts[] = {{"DEBUG_STATS", kDebugStats},
                {"DEBUG_COLLECTABLE", kDebugCollectable},
                {"DEBUG_UNCOLLECTABLE", kDebugUncollectable},
                {"DEBUG_SAVEALL", kDebugSaveAll},
                {"DEBUG_LEAK", kDebugLeak}};
  for (const auto& c : consts) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  if (module_add_object_ref(m, "garbage", garbage()) < 0) return -1;
  Object* cbs = callbacks();
  if (!cbs || module_add_object_ref(m, "callbacks", cbs) < 0) return -1;
  return 0;
}

Object* create_gc_module() {
  Ref<> m = Ref<>::steal(module_new("gc"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), gc_methods) < 0) return nullptr;
  if (gc_module_exec(m.get()) < 0) return nullptr;
  return m.release();
}

}  // namespace cppy::gc
