// Weak references (src/objects/weakrefobject.cpp) and the `_weakref` module: each scenario of
// tools/weakref/probe_314.py rebuilt with the C API, compared with CPython 3.14.2's results
// (tests/data/weakref/expectations.txt).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <string>

#include "gc/gc.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "objects_support.h"

namespace {

using namespace cppy::objects;
using objtest::error_text;
using objtest::repr_steal;

std::string expect_ref(const std::string& key) {
  static std::map<std::string, std::string> m = [] {
    std::map<std::string, std::string> r;
    std::string here = CPPY_UNIT_TEST_DIR "/file";
    std::ifstream in(here.substr(0, here.rfind('/')) + "/../data/weakref/expectations.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab != std::string::npos) r[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return r;
  }();
  auto it = m.find(key);
  if (it == m.end()) {
    ADD_FAILURE() << "no reference value for " << key;
    return "<missing>";
  }
  return it->second;
}

std::string addr(const std::string& s) {
  return std::regex_replace(s, std::regex("0x[0-9a-f]+"), "ADDR");
}

Object* S(const char* s) { return str_from_cstr(s); }

// The probe's cb(tag): appends (tag, r() is None) to the log, or (tag, "proxy") for proxies.
Object* log_callback(Object* self, Object* r) {
  Object* log = tuple_item(self, 0);
  Object* tag = tuple_item(self, 1);
  Ref<> state;
  if (r->type == &weakref_ref_type) {
    Ref<> target = Ref<>::steal(object_call_no_args(r));
    if (!target) return nullptr;
    state = Ref<>::steal(bool_from_long(target.get() == none()));
  } else {
    state = Ref<>::steal(S("proxy"));
  }
  Ref<> entry = Ref<>::steal(tuple_pack(2, tag, state.get()));
  if (list_append(log, entry.get()) < 0) return nullptr;
  return return_none();
}
MethodDef log_callback_def = {"cb", reinterpret_cast<void*>(log_callback), kMethO, nullptr};

class Weakref : public ::testing::Test {
 protected:
  void SetUp() override {
    objtest::init();
    log = Ref<>::steal(list_new(0));
    mod = Ref<>::steal(create_weakref_module());
    ASSERT_TRUE(mod) << error_text();
    Ref<> bases = Ref<>::steal(tuple_new(0));
    Ref<> d = Ref<>::steal(dict_new());
    dict_set_item_string(d.get(), "__module__", Ref<>::steal(S("tmod")).get());
    Ref<> args = Ref<>::steal(tuple_pack(3, Ref<>::steal(S("C")).get(), bases.get(), d.get()));
    C = Ref<>::steal(object_call(&Type_Type, args.get(), nullptr));
    ASSERT_TRUE(C) << error_text();
  }
  Object* cb(const char* tag) {
    Ref<> self = Ref<>::steal(tuple_pack(2, log.get(), Ref<>::steal(S(tag)).get()));
    return cfunction_new(&log_callback_def, self.get());
  }
  Object* fn(const char* name) { return object_getattr_string(mod.get(), name); }
  Object* call1(const char* name, Object* a) {
    Ref<> f = Ref<>::steal(fn(name));
    return object_call_one_arg(f.get(), a);
  }
  Object* call(Object* callable, std::initializer_list<Object*> items) {
    Ref<> args = Ref<>::steal(tuple_new(static_cast<ssize>(items.size())));
    ssize i = 0;
    for (Object* x : items) tuple_set_item(args.get(), i++, new_ref(x));
    return object_call(callable, args.get(), nullptr);
  }
  Object* instance() { return object_call_no_args(C.get()); }
  std::string log_repr() {
    std::string r = repr_steal(new_ref(log.get()));
    list_set_slice(log.get(), 0, list_size(log.get()), nullptr);
    return r;
  }
  static std::string b(bool v) { return v ? "True" : "False"; }

  Ref<> log, mod, C;
};

TEST_F(Weakref, ListOrderReuseAndCallbacksAtDealloc) {
  Ref<> o = Ref<>::steal(instance());
  Ref<> cb1 = Ref<>::steal(cb("cb1")), cb2 = Ref<>::steal(cb("cb2")),
        pcb = Ref<>::steal(cb("pcb")), x = Ref<>::steal(cb("x"));
  Ref<> r_cb1 = Ref<>::steal(weakref_new_ref(o.get(), cb1.get()));
  Ref<> r_basic = Ref<>::steal(weakref_new_ref(o.get(), nullptr));
  Ref<> p_basic = Ref<>::steal(weakref_new_proxy(o.get(), nullptr));
  Ref<> r_cb2 = Ref<>::steal(weakref_new_ref(o.get(), cb2.get()));
  Ref<> pf = Ref<>::steal(fn("proxy"));
  Ref<> p_cb = Ref<>::steal(call(pf.get(), {o.get(), pcb.get()}));
  ASSERT_TRUE(p_cb) << error_text();
  std::map<Object*, std::string> names = {{r_cb1.get(), "cb1"}, {r_basic.get(), "basic"},
                                          {p_basic.get(), "pbasic"}, {r_cb2.get(), "cb2"},
                                          {p_cb.get(), "pcb"}};
  Ref<> refs = Ref<>::steal(call1("getweakrefs", o.get()));
  ASSERT_TRUE(refs) << error_text();
  std::string order = "[";
  for (ssize i = 0; i < list_size(refs.get()); ++i)
    order += (i ? ", '" : "'") + names[list_get_item(refs.get(), i)] + "'";
  order += "]";
  EXPECT_EQ(order, expect_ref("list.order"));
  EXPECT_EQ(repr_steal(call1("getweakrefcount", o.get())), expect_ref("list.count"));
  Ref<> again = Ref<>::steal(weakref_new_ref(o.get(), nullptr));
  EXPECT_EQ(b(again.get() == r_basic.get()), expect_ref("list.reuse_ref"));
  Ref<> again_none = Ref<>::steal(call(&weakref_ref_type, {o.get(), none()}));
  EXPECT_EQ(b(again_none.get() == r_basic.get()), expect_ref("list.reuse_ref_none"));
  Ref<> again_proxy = Ref<>::steal(weakref_new_proxy(o.get(), nullptr));
  EXPECT_EQ(b(again_proxy.get() == p_basic.get()), expect_ref("list.reuse_proxy"));
  {
    Ref<> fresh = Ref<>::steal(weakref_new_ref(o.get(), x.get()));
    EXPECT_EQ(b(fresh.get() == r_cb1.get()), expect_ref("list.callback_new"));
  }
  Ref<> wattr = Ref<>::steal(object_getattr_string(o.get(), "__weakref__"));
  EXPECT_EQ(b(wattr.get() == r_basic.get()), expect_ref("list.weakref_attr"));
  EXPECT_EQ(repr_steal(object_getattr_string(r_basic.get(), "__callback__")),
            expect_ref("list.callback_attr_none"));
  wattr.reset();
  again.reset();
  again_none.reset();
  again_proxy.reset();
  refs.reset();
  o.reset();  // del o
  EXPECT_EQ(log_repr(), expect_ref("dealloc.log"));
  EXPECT_EQ(repr_steal(object_call_no_args(r_basic.get())), expect_ref("dealloc.dead_call"));
  EXPECT_EQ(object_hash(r_basic.get()), -1);
  EXPECT_EQ(error_text(), expect_ref("dealloc.dead_hash"));
  EXPECT_EQ(repr_steal(object_rich_compare(r_basic.get(), r_basic.get(), kEQ)),
            expect_ref("dealloc.dead_eq_self"));
  EXPECT_EQ(repr_steal(object_rich_compare(r_basic.get(), r_cb1.get(), kEQ)),
            expect_ref("dealloc.dead_eq_other"));
  EXPECT_EQ(repr_steal(object_rich_compare(r_basic.get(), r_cb1.get(), kNE)),
            expect_ref("dealloc.dead_ne_other"));
  EXPECT_EQ(repr_steal(object_getattr_string(p_basic.get(), "anything")),
            expect_ref("dealloc.proxy_dead"));
  EXPECT_EQ(addr(repr_steal(new_ref(p_basic.get()))), expect_ref("dealloc.proxy_dead_repr"));
  EXPECT_EQ(addr(repr_steal(new_ref(r_basic.get()))), expect_ref("dealloc.ref_dead_repr"));
}

Object* int_set(std::initializer_list<long> v) {
  Object* s = set_new(nullptr);
  for (long x : v) set_add(s, Ref<>::steal(long_from_long(x)).get());
  return s;
}

TEST_F(Weakref, AliveReferencesAndErrors) {
  Ref<> s1 = Ref<>::steal(int_set({1, 2})), s2 = Ref<>::steal(int_set({1, 2}));
  Ref<> f1 = Ref<>::steal(frozenset_new(s1.get()));
  Ref<> r1 = Ref<>::steal(weakref_new_ref(s1.get(), nullptr));
  Ref<> r2 = Ref<>::steal(weakref_new_ref(s2.get(), nullptr));
  Ref<> target = Ref<>::steal(object_call_no_args(r1.get()));
  EXPECT_EQ(b(target.get() == s1.get()), expect_ref("alive.call_is"));
  EXPECT_EQ(repr_steal(object_rich_compare(r1.get(), r2.get(), kEQ)),
            expect_ref("alive.eq_equal_referents"));
  EXPECT_EQ(repr_steal(object_rich_compare(r1.get(), r2.get(), kNE)),
            expect_ref("alive.ne_equal_referents"));
  EXPECT_EQ(object_hash(r1.get()), -1);
  EXPECT_EQ(error_text(), expect_ref("alive.hash_set"));
  Ref<> rf = Ref<>::steal(weakref_new_ref(f1.get(), nullptr));
  EXPECT_EQ(b(object_hash(rf.get()) == object_hash(f1.get())), expect_ref("alive.hash_frozenset"));
  EXPECT_EQ(addr(repr_steal(new_ref(r1.get()))), expect_ref("alive.repr_set"));
  EXPECT_EQ(addr(repr_steal(weakref_new_ref(C.get(), nullptr))), expect_ref("alive.repr_class"));
  EXPECT_EQ(addr(repr_steal(weakref_new_proxy(s1.get(), nullptr))),
            expect_ref("alive.proxy_repr"));
  Ref<> one = Ref<>::steal(long_from_long(1));
  EXPECT_EQ(repr_steal(call(r1.get(), {one.get()})), expect_ref("alive.call_args"));
  EXPECT_EQ(repr_steal(object_rich_compare(r1.get(), r2.get(), kLT)), expect_ref("alive.lt"));
  {
    Ref<> lenf = Ref<>::steal(object_getattr_string(s1.get(), "__len__"));
    Ref<> rc = Ref<>::steal(weakref_new_ref(s1.get(), lenf.get()));
    Ref<> got = Ref<>::steal(object_getattr_string(rc.get(), "__callback__"));
    EXPECT_EQ(b(got.get() == lenf.get()), expect_ref("alive.callback_attr"));
  }
  EXPECT_EQ(repr_steal(call(&weakref_ref_type, {one.get()})), expect_ref("err.int"));
  EXPECT_EQ(repr_steal(call(&weakref_ref_type, {})), expect_ref("err.no_args"));
  EXPECT_EQ(repr_steal(call(&weakref_ref_type, {s1.get(), none(), none()})),
            expect_ref("err.three_args"));
  Ref<> pf = Ref<>::steal(fn("proxy"));
  EXPECT_EQ(repr_steal(call(pf.get(), {one.get()})), expect_ref("err.proxy_int"));
  EXPECT_EQ(repr_steal(call(pf.get(), {})), expect_ref("err.proxy_no_args"));
  EXPECT_EQ(repr_steal(call1("getweakrefcount", one.get())), expect_ref("err.count_int"));
  EXPECT_EQ(repr_steal(call1("getweakrefs", one.get())), expect_ref("err.refs_int"));
}

TEST_F(Weakref, ProxiesForward) {
  Ref<> s1 = Ref<>::steal(int_set({1, 2}));
  Ref<> ps = Ref<>::steal(weakref_new_proxy(s1.get(), nullptr));
  EXPECT_EQ(std::to_string(object_length(ps.get())), expect_ref("proxy.len"));
  Ref<> two = Ref<>::steal(long_from_long(2));
  EXPECT_EQ(b(sequence_contains(ps.get(), two.get()) == 1), expect_ref("proxy.contains"));
  Ref<> three = Ref<>::steal(int_set({3}));
  Ref<> u = Ref<>::steal(number_or(ps.get(), three.get()));
  ASSERT_TRUE(u) << error_text();
  Ref<> l = Ref<>::steal(list_new(0));
  list_extend(l.get(), u.get());
  list_sort(l.get());
  EXPECT_EQ(repr_steal(new_ref(l.get())), expect_ref("proxy.or"));
  EXPECT_EQ(objtest::str_steal(new_ref(ps.get())), expect_ref("proxy.str"));
  EXPECT_EQ(object_hash(ps.get()), -1);
  EXPECT_EQ(error_text(), expect_ref("proxy.hash"));
  Ref<> s12 = Ref<>::steal(int_set({1, 2}));
  EXPECT_EQ(repr_steal(object_rich_compare(ps.get(), s12.get(), kEQ)), expect_ref("proxy.eq"));
  EXPECT_EQ(type_short_name(ps->type), expect_ref("proxy.type"));
  Ref<> pc = Ref<>::steal(weakref_new_proxy(C.get(), nullptr));
  EXPECT_EQ(type_short_name(pc->type), expect_ref("proxy.callable_type"));
  EXPECT_EQ(repr_steal(object_call_no_args(ps.get())), expect_ref("proxy.call_noncallable"));
  Ref<> lenm = Ref<>::steal(object_getattr_string(ps.get(), "__len__"));
  EXPECT_EQ(repr_steal(object_call_no_args(lenm.get())), expect_ref("proxy.getattr"));
  Ref<> it = Ref<>::steal(object_get_iter(ps.get()));
  Ref<> items = Ref<>::steal(list_new(0));
  list_extend(items.get(), it.get());
  list_sort(items.get());
  EXPECT_EQ(repr_steal(new_ref(items.get())), expect_ref("proxy.iter"));
  EXPECT_EQ(repr_steal(ps->type->iternext(ps.get())), expect_ref("proxy.next"));
  EXPECT_EQ(repr_steal(new_ref<Object>(&weakref_ref_type)), expect_ref("type.ref"));
  EXPECT_EQ(repr_steal(new_ref<Object>(ps->type)), expect_ref("type.proxy"));
  EXPECT_EQ(repr_steal(new_ref<Object>(pc->type)), expect_ref("type.callable_proxy"));
  EXPECT_EQ(repr_steal(call(ps->type, {s1.get()})), expect_ref("type.new_proxy"));
}

TEST_F(Weakref, RemoveDeadWeakref) {
  Ref<> d = Ref<>::steal(dict_new());
  Ref<> t = Ref<>::steal(instance());
  dict_set_item_string(d.get(), "a", Ref<>::steal(weakref_new_ref(t.get(), nullptr)).get());
  {
    Ref<> tmp = Ref<>::steal(instance());
    dict_set_item_string(d.get(), "b", Ref<>::steal(weakref_new_ref(tmp.get(), nullptr)).get());
  }
  dict_set_item_string(d.get(), "c", Ref<>::steal(long_from_long(5)).get());
  Ref<> f = Ref<>::steal(fn("_remove_dead_weakref"));
  for (const char* k : {"a", "b", "missing"}) {
    Ref<> key = Ref<>::steal(S(k));
    Ref<> r = Ref<>::steal(call(f.get(), {d.get(), key.get()}));
    ASSERT_TRUE(r) << error_text();
  }
  Ref<> keys = Ref<>::steal(list_new(0));
  list_extend(keys.get(), d.get());
  list_sort(keys.get());
  EXPECT_EQ(repr_steal(new_ref(keys.get())), expect_ref("rdw.keys"));
  Ref<> c = Ref<>::steal(S("c"));
  Ref<> one = Ref<>::steal(long_from_long(1));
  EXPECT_EQ(repr_steal(call(f.get(), {d.get(), c.get()})), expect_ref("rdw.not_weakref"));
  EXPECT_EQ(repr_steal(call(f.get(), {one.get(), c.get()})), expect_ref("rdw.not_dict"));
  EXPECT_EQ(repr_steal(call(f.get(), {d.get()})), expect_ref("rdw.nargs"));
}

// gc.collect(): weak references to the garbage are cleared; the callback of a weak reference
// that is itself garbage does not run.
TEST_F(Weakref, CollectorClearsWeakrefsToGarbage) {
  cppy::gc::collect();
  Ref<> outside_cb = Ref<>::steal(cb("outside"));
  Ref<> outside, plain;
  {
    Ref<> a = Ref<>::steal(instance()), bb = Ref<>::steal(instance());
    object_setattr_string(a.get(), "other", bb.get());
    object_setattr_string(bb.get(), "other", a.get());
    outside = Ref<>::steal(weakref_new_ref(a.get(), outside_cb.get()));
    Ref<> inside_cb = Ref<>::steal(cb("inside"));
    Ref<> inside = Ref<>::steal(weakref_new_ref(bb.get(), inside_cb.get()));
    object_setattr_string(a.get(), "inside", inside.get());
    plain = Ref<>::steal(weakref_new_ref(bb.get(), nullptr));
  }
  EXPECT_EQ(log_repr(), "[]");  // the cycle keeps both alive until the collector runs
  cppy::gc::collect();
  EXPECT_EQ(log_repr(), expect_ref("gc.log"));
  EXPECT_EQ(b(weakref_is_dead(outside.get())), expect_ref("gc.outside_dead"));
  EXPECT_EQ(b(weakref_is_dead(plain.get())), expect_ref("gc.plain_dead"));
}

}  // namespace
