// range, enumerate, reversed, cells, modules and the cycle collector against the reference.
#include "gc/gc.h"
#include "gc/gcmodule.h"
#include "objects/setobject.h"
#include "objects/cellobject.h"
#include "objects/dictobject.h"
#include "objects/enumobject.h"
#include "objects/listobject.h"
#include "objects/moduleobject.h"
#include "objects/rangeobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects_support.h"

namespace objtest {
namespace {

using Misc = ObjectsTest;

Object* call_type(TypeObject* t, std::initializer_list<long> args) {
  Ref<> tup = Ref<>::steal(tuple_new(static_cast<ssize>(args.size())));
  ssize i = 0;
  for (long a : args) tuple_set_item(tup.get(), i++, I(a));
  return object_call(t, tup.get(), nullptr);
}

Object* steal_tuple(std::initializer_list<Object*> items) {
  Object* t = tuple_new(static_cast<ssize>(items.size()));
  ssize i = 0;
  for (Object* a : items) tuple_set_item(t, i++, a);
  return t;
}

TEST_F(Misc, Range) {
  Ref<> r10 = Ref<>::steal(call_type(&range_type, {10}));
  Ref<> r0_10_2 = Ref<>::steal(call_type(&range_type, {0, 10, 2}));
  Ref<> r5 = Ref<>::steal(call_type(&range_type, {5, -3, -2}));
  EXPECT_EQ(repr_steal(steal_tuple({object_repr(r10.get()), object_repr(r0_10_2.get()),
                                    object_repr(r5.get())})),
            expect_ref("range.repr"));
  Ref<> s1 = Ref<>::steal(slice_new(Ref<>::steal(I(2)).get(), Ref<>::steal(I(8)).get(),
                                    Ref<>::steal(I(3)).get()));
  Ref<> s2 = Ref<>::steal(slice_new(nullptr, nullptr, Ref<>::steal(I(-2)).get()));
  Ref<> sub1 = Ref<>::steal(object_get_item(r10.get(), s1.get()));
  Ref<> sub2 = Ref<>::steal(object_get_item(r10.get(), s2.get()));
  EXPECT_EQ(repr_steal(steal_tuple({sequence_list(sub1.get()), object_repr(sub2.get()),
                                    object_get_item(r10.get(), Ref<>::steal(I(-1)).get()),
                                    long_from_ssize(object_size(r5.get()))})),
            expect_ref("range.slice"));
  Ref<> r1_10_3 = Ref<>::steal(call_type(&range_type, {1, 10, 3}));
  Ref<> index = Ref<>::steal(S("index")), count = Ref<>::steal(S("count"));
  EXPECT_EQ(repr_steal(steal_tuple(
                {call_method_one_arg(r1_10_3.get(), index.get(), Ref<>::steal(I(7)).get()),
                 bool_from_long(sequence_contains(r1_10_3.get(), Ref<>::steal(I(7)).get())),
                 bool_from_long(sequence_contains(r1_10_3.get(), Ref<>::steal(I(8)).get())),
                 call_method_one_arg(r1_10_3.get(), count.get(), Ref<>::steal(I(4)).get())})),
            expect_ref("range.index"));
  Ref<> e0 = Ref<>::steal(call_type(&range_type, {0}));
  Ref<> e22 = Ref<>::steal(call_type(&range_type, {2, 2}));
  Ref<> a = Ref<>::steal(call_type(&range_type, {1, 2, 5}));
  Ref<> b = Ref<>::steal(call_type(&range_type, {1, 3, 7}));
  Ref<> c = Ref<>::steal(call_type(&range_type, {0, 4, 2}));
  Ref<> d = Ref<>::steal(call_type(&range_type, {0, 5, 2}));
  Ref<> e55 = Ref<>::steal(call_type(&range_type, {5, 5}));
  EXPECT_EQ(repr_steal(steal_tuple({object_rich_compare(e0.get(), e22.get(), kEQ),
                                    object_rich_compare(a.get(), b.get(), kEQ),
                                    object_rich_compare(c.get(), d.get(), kEQ),
                                    bool_from_long(object_hash(e0.get()) == object_hash(e55.get()))})),
            expect_ref("range.eq"));
  Ref<> r1_10_4 = Ref<>::steal(call_type(&range_type, {1, 10, 4}));
  Ref<> rev = Ref<>::steal(object_call_one_arg(&reversed_type, r1_10_4.get()));
  EXPECT_EQ(repr_steal(sequence_list(rev.get())), expect_ref("range.reversed"));
  auto err = [](Object* r) {
    xdecref(r);
    return r ? std::string("no error") : error_text();
  };
  EXPECT_EQ(err(call_type(&range_type, {1, 2, 0})), expect_ref("err.range_step0"));
  EXPECT_EQ(err(call_type(&range_type, {})), expect_ref("err.range_noargs"));
  EXPECT_EQ(err(call_type(&range_type, {1, 2, 3, 4})), expect_ref("err.range_4args"));
  Ref<> r3 = Ref<>::steal(call_type(&range_type, {3}));
  EXPECT_EQ(err(object_get_item(r3.get(), Ref<>::steal(I(5)).get())), expect_ref("err.range_index"));
  EXPECT_EQ(err(call_method_one_arg(r3.get(), index.get(), Ref<>::steal(I(9)).get())),
            expect_ref("err.range_value_index"));
}

TEST_F(Misc, EnumerateAndReversed) {
  std::vector<long> v{7, 8};
  Ref<> l = Ref<>::steal(int_list(v.begin(), v.end()));
  Ref<> kw = Ref<>::steal(dict_new());
  dict_set_item_string(kw.get(), "start", Ref<>::steal(I(2)).get());
  Ref<> args = Ref<>::steal(tuple_pack(1, l.get()));
  Ref<> e = Ref<>::steal(object_call(&enum_type, args.get(), kw.get()));
  ASSERT_TRUE(e) << error_text();
  EXPECT_EQ(repr_steal(sequence_list(e.get())), expect_ref("enumerate.list"));
  std::vector<long> w{1, 2, 3};
  Ref<> l3 = Ref<>::steal(int_list(w.begin(), w.end()));
  Ref<> r = Ref<>::steal(object_call_one_arg(&reversed_type, l3.get()));
  EXPECT_EQ(repr_steal(sequence_list(r.get())), expect_ref("reversed.list"));
  auto err = [](Object* o) {
    xdecref(o);
    return o ? std::string("no error") : error_text();
  };
  EXPECT_EQ(err(object_call_one_arg(&reversed_type, Ref<>::steal(I(1)).get())),
            expect_ref("err.reversed_int"));
}

TEST_F(Misc, CellsAndModules) {
  Ref<> c = Ref<>::steal(cell_new(nullptr));
  EXPECT_EQ(repr_steal(object_getattr_string(c.get(), "cell_contents")), "ValueError: Cell is empty");
  Ref<> m = Ref<>::steal(module_new("m"));
  EXPECT_EQ(repr_steal(new_ref(m.get())), expect_ref("module.repr"));
  Ref<> keys = Ref<>::steal(dict_keys(module_get_dict(m.get())));
  ASSERT_EQ(list_sort(keys.get()), 0);
  EXPECT_EQ(repr_steal(new_ref(keys.get())), expect_ref("module.dict"));
  EXPECT_EQ(repr_steal(object_getattr_string(m.get(), "x")), expect_ref("err.module_getattr"));
}

TEST_F(Misc, CycleCollector) {
  cppy::gc::collect();
  {
    Ref<> l = Ref<>::steal(list_new(0));
    list_append(l.get(), l.get());
  }
  EXPECT_EQ(std::to_string(cppy::gc::collect()), expect_ref("gc.self_list"));
  {
    Ref<> a = Ref<>::steal(list_new(0));
    Ref<> b = Ref<>::steal(list_new(0));
    list_append(b.get(), a.get());
    list_append(a.get(), b.get());
  }
  EXPECT_EQ(std::to_string(cppy::gc::collect()), expect_ref("gc.two_lists"));
  {
    Ref<> d = Ref<>::steal(dict_new());
    Ref<> t = Ref<>::steal(tuple_pack(1, d.get()));
    dict_set_item(d.get(), Ref<>::steal(I(1)).get(), t.get());
  }
  EXPECT_EQ(std::to_string(cppy::gc::collect()), expect_ref("gc.dict_tuple"));
  int t0, t1, t2;
  cppy::gc::get_threshold(&t0, &t1, &t2);
  EXPECT_EQ("(" + std::to_string(t0) + ", " + std::to_string(t1) + ", " + std::to_string(t2) + ")",
            expect_ref("gc.threshold"));
  // Reachable objects survive a collection.
  Ref<> keep = Ref<>::steal(list_new(0));
  list_append(keep.get(), keep.get());
  EXPECT_EQ(cppy::gc::collect(), 0);
  EXPECT_TRUE(cppy::gc::is_tracked(keep.get()));
  list_set_slice(keep.get(), 0, 1, nullptr);  // break the cycle before the end of the test
}

}  // namespace
}  // namespace objtest

namespace objtest {
namespace {

TEST_F(Misc, GcModule) {
  Ref<> m = Ref<>::steal(cppy::gc::create_gc_module());
  ASSERT_TRUE(m) << error_text();
  auto call0 = [&](const char* name) {
    Ref<> f = Ref<>::steal(object_getattr_string(m.get(), name));
    return f ? object_call_no_args(f.get()) : nullptr;
  };
  auto call1 = [&](const char* name, Object* arg) {
    Ref<> f = Ref<>::steal(object_getattr_string(m.get(), name));
    return f ? object_call_one_arg(f.get(), arg) : nullptr;
  };
  Ref<> empty = Ref<>::steal(list_new(0));
  Ref<> stats = Ref<>::steal(call0("get_stats"));
  ASSERT_TRUE(stats) << error_text();
  Ref<> t = Ref<>::steal(steal_tuple({call0("isenabled"), call1("is_tracked", empty.get()),
                                      call1("is_tracked", Ref<>::steal(I(1)).get()),
                                      object_getattr_string(m.get(), "DEBUG_LEAK"),
                                      long_from_ssize(list_size(stats.get()))}));
  EXPECT_EQ(repr_steal(new_ref(t.get())), expect_ref("gc.module"));
  EXPECT_EQ(repr_steal(call1("collect", Ref<>::steal(I(3)).get())), expect_ref("err.gc_collect_gen"));
  EXPECT_EQ(repr_steal(call1("get_objects", Ref<>::steal(I(5)).get())),
            expect_ref("err.gc_get_objects_gen"));
  // A tracked list shows up in get_objects() and its referents.
  Ref<> holder = Ref<>::steal(list_new(0));
  list_append(holder.get(), empty.get());
  Ref<> objs = Ref<>::steal(call0("get_objects"));
  ASSERT_TRUE(objs) << error_text();
  EXPECT_EQ(sequence_contains(objs.get(), holder.get()), 1);
  EXPECT_EQ(repr_steal(call1("get_referents", holder.get())), "[[]]");
}

TEST_F(Misc, DictViewsAsSets) {
  std::vector<long> r;
  for (long i = 0; i < 30; i += 3) r.push_back(i);
  Ref<> l = Ref<>::steal(int_list(r.begin(), r.end()));
  Ref<> fromkeys = Ref<>::steal(object_getattr_string(&dict_type, "fromkeys"));
  Ref<> d = Ref<>::steal(object_call_one_arg(fromkeys.get(), l.get()));
  Ref<> dk = Ref<>::steal(call_method_no_args(d.get(), Ref<>::steal(S("keys")).get()));
  std::vector<long> evens;
  for (long i = 0; i < 30; i += 2) evens.push_back(i);
  Ref<> le = Ref<>::steal(int_list(evens.begin(), evens.end()));
  Ref<> se = Ref<>::steal(set_new(le.get()));
  Ref<> inter = Ref<>::steal(sequence_list(Ref<>::steal(number_and(dk.get(), se.get())).get()));
  ASSERT_TRUE(inter) << error_text();
  list_sort(inter.get());
  EXPECT_EQ(repr_steal(new_ref(inter.get())), expect_ref("views.and"));
  auto set_of = [](std::initializer_list<long> v) {
    Ref<> x = Ref<>::steal(int_list(v.begin(), v.end()));
    return set_new(x.get());
  };
  Ref<> s1 = Ref<>::steal(set_of({100, 3}));
  EXPECT_EQ(repr_steal(sequence_list(Ref<>::steal(number_or(dk.get(), s1.get())).get())),
            expect_ref("views.or"));
  Ref<> s2 = Ref<>::steal(set_of({0, 3, 6}));
  EXPECT_EQ(repr_steal(sequence_list(Ref<>::steal(number_subtract(dk.get(), s2.get())).get())),
            expect_ref("views.sub"));
  Ref<> s3 = Ref<>::steal(set_of({0, 1}));
  EXPECT_EQ(repr_steal(sequence_list(Ref<>::steal(number_xor(dk.get(), s3.get())).get())),
            expect_ref("views.xor"));
}

}  // namespace
}  // namespace objtest
