// Containers against the reference: set and dict iteration orders after inserts and deletes,
// dict sizes, tuple and frozenset hashes, timsort comparison counts and stability.
#include <algorithm>
#include <functional>
#include <vector>

#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects_support.h"

namespace objtest {
namespace {

using Containers = ObjectsTest;

Object* set_of(std::initializer_list<long> v) { 
  Ref<> l = Ref<>::steal(int_list(v.begin(), v.end()));
  return set_new(l.get());
}

std::string list_repr_of_set(Object* s) { return repr_steal(sequence_list(s)); }

Object* slice_new_ints(long a, long b, long c) {
  Ref<> x = Ref<>::steal(I(a)), y = Ref<>::steal(I(b)), z = Ref<>::steal(I(c));
  return slice_new(x.get(), y.get(), z.get());
}
Object* slice_new_ints_none_start(long step) {
  Ref<> z = Ref<>::steal(I(step));
  return slice_new(nullptr, nullptr, z.get());
}

TEST_F(Containers, SetOrderAfterInsertsAndDeletes) {
  Ref<> s = Ref<>::steal(set_new(nullptr));
  for (long i : {5, 13, 21, 3, 8, 1000, 29, 37, 45, 53, 61, 2, 16, 32, 64, 128, 256, 512, 1024, 2048})
    ASSERT_EQ(set_add(s.get(), Ref<>::steal(I(i)).get()), 0);
  for (long i : {13, 1000, 2}) ASSERT_EQ(set_discard(s.get(), Ref<>::steal(I(i)).get()), 1);
  for (long i : {99, 100, 101, 13}) ASSERT_EQ(set_add(s.get(), Ref<>::steal(I(i)).get()), 0);
  EXPECT_EQ(list_repr_of_set(s.get()), expect_ref("set.a"));

  std::vector<long> r;
  for (long i = 0; i < 200; i += 7) r.push_back(i);
  Ref<> l = Ref<>::steal(int_list(r.begin(), r.end()));
  Ref<> b = Ref<>::steal(set_new(l.get()));
  for (long i = 0; i < 200; i += 21) ASSERT_EQ(set_discard(b.get(), Ref<>::steal(I(i)).get()), 1);
  for (long i = 300; i < 320; ++i) set_add(b.get(), Ref<>::steal(I(i)).get());
  EXPECT_EQ(list_repr_of_set(b.get()), expect_ref("set.b"));

  Ref<> c = Ref<>::steal(set_new(nullptr));
  for (long i = 0; i < 20; ++i) set_add(c.get(), Ref<>::steal(I(i * 8)).get());
  for (long i = 0; i < 20; i += 3) set_discard(c.get(), Ref<>::steal(I(i * 8)).get());
  for (long i = 20; i < 26; ++i) set_add(c.get(), Ref<>::steal(I(i * 8)).get());
  EXPECT_EQ(list_repr_of_set(c.get()), expect_ref("set.c"));
}

TEST_F(Containers, SetPopAndOperations) {
  std::vector<long> r;
  for (long i = 10; i < 40; i += 3) r.push_back(i);
  Ref<> l = Ref<>::steal(int_list(r.begin(), r.end()));
  Ref<> s = Ref<>::steal(set_new(l.get()));
  Ref<> popped = Ref<>::steal(list_new(0));
  for (int i = 0; i < 4; ++i) {
    Ref<> p = Ref<>::steal(set_pop(s.get()));
    list_append(popped.get(), p.get());
  }
  EXPECT_EQ(repr_steal(new_ref(popped.get())), expect_ref("set.pop"));
  EXPECT_EQ(list_repr_of_set(s.get()), expect_ref("set.pop_rest"));

  std::vector<long> va, vb;
  for (long i = 0; i < 50; i += 3) va.push_back(i);
  for (long i = 0; i < 50; i += 5) vb.push_back(i);
  Ref<> la = Ref<>::steal(int_list(va.begin(), va.end()));
  Ref<> lb = Ref<>::steal(int_list(vb.begin(), vb.end()));
  Ref<> a = Ref<>::steal(set_new(la.get()));
  Ref<> b = Ref<>::steal(set_new(lb.get()));
  EXPECT_EQ(repr_steal(sequence_list(Ref<>::steal(number_or(a.get(), b.get())).get())), expect_ref("set.or"));
  EXPECT_EQ(repr_steal(sequence_list(Ref<>::steal(number_and(a.get(), b.get())).get())), expect_ref("set.and"));
  EXPECT_EQ(repr_steal(sequence_list(Ref<>::steal(number_subtract(a.get(), b.get())).get())), expect_ref("set.sub"));
  EXPECT_EQ(repr_steal(sequence_list(Ref<>::steal(number_xor(a.get(), b.get())).get())), expect_ref("set.xor"));
  EXPECT_EQ(repr_steal(sequence_list(Ref<>::steal(number_xor(b.get(), a.get())).get())), expect_ref("set.xor_rev"));

  std::vector<long> lv = lcg_list(40, 7, 500);
  Ref<> ll = Ref<>::steal(int_list(lv.begin(), lv.end()));
  Ref<> c = Ref<>::steal(set_new(ll.get()));
  EXPECT_EQ(list_repr_of_set(c.get()), expect_ref("set.lcg"));
  Ref<> copy_name = Ref<>::steal(S("copy"));
  Ref<> cc = Ref<>::steal(call_method_no_args(c.get(), copy_name.get()));
  EXPECT_EQ(list_repr_of_set(cc.get()), expect_ref("set.lcg_copy"));
  Ref<> d = Ref<>::steal(set_new(c.get()));
  std::vector<long> evens;
  for (long i = 0; i < 500; i += 2) evens.push_back(i);
  Ref<> le = Ref<>::steal(int_list(evens.begin(), evens.end()));
  Ref<> du = Ref<>::steal(S("difference_update"));
  Ref<> res = Ref<>::steal(call_method_one_arg(d.get(), du.get(), le.get()));
  ASSERT_TRUE(res) << error_text();
  EXPECT_EQ(list_repr_of_set(d.get()), expect_ref("set.lcg_diff_update"));

  EXPECT_EQ(repr_steal(set_of({3, 1, 2})), expect_ref("set.repr_small"));
  EXPECT_EQ(repr_steal(set_new(nullptr)), expect_ref("set.repr_empty"));
  std::vector<long> one_two{1, 2};
  Ref<> l2 = Ref<>::steal(int_list(one_two.begin(), one_two.end()));
  EXPECT_EQ(repr_steal(frozenset_new(l2.get())), expect_ref("frozenset.repr"));
}

TEST_F(Containers, DictOrderPopitemAndRepr) {
  Ref<> d = Ref<>::steal(dict_new());
  for (long i : lcg_list(30, 3, 100))
    dict_set_item(d.get(), Ref<>::steal(I(i)).get(), Ref<>::steal(I(i * 2)).get());
  for (long k : lcg_list(10, 3, 100)) {
    Ref<> key = Ref<>::steal(I(k));
    ASSERT_GE(dict_pop(d.get(), key.get(), nullptr), 0);
  }
  for (long i : {7, 3, 1000, 42})
    dict_set_item(d.get(), Ref<>::steal(I(i)).get(), Ref<>::steal(I(-i)).get());
  EXPECT_EQ(repr_steal(dict_items(d.get())), expect_ref("dict.order"));
  Ref<> popped = Ref<>::steal(list_new(0));
  Ref<> popitem = Ref<>::steal(S("popitem"));
  for (int i = 0; i < 3; ++i) {
    Ref<> p = Ref<>::steal(call_method_no_args(d.get(), popitem.get()));
    ASSERT_TRUE(p) << error_text();
    list_append(popped.get(), p.get());
  }
  EXPECT_EQ(repr_steal(new_ref(popped.get())), expect_ref("dict.popitem"));
  dict_set_item(d.get(), Ref<>::steal(I(5000)).get(), Ref<>::steal(I(1)).get());
  EXPECT_EQ(repr_steal(dict_keys(d.get())), expect_ref("dict.after_popitem"));

  Ref<> lit = Ref<>::steal(dict_new());
  dict_set_item(lit.get(), Ref<>::steal(I(1)).get(), Ref<>::steal(I(2)).get());
  Ref<> t45 = Ref<>::steal(tuple_pack(2, Ref<>::steal(I(4)).get(), Ref<>::steal(I(5)).get()));
  dict_set_item(lit.get(), Ref<>::steal(I(3)).get(), t45.get());
  EXPECT_EQ(repr_steal(new_ref(lit.get())), expect_ref("dict.repr"));

  std::vector<long> keys{3, 1, 3, 2};
  Ref<> kl = Ref<>::steal(int_list(keys.begin(), keys.end()));
  Ref<> fromkeys = Ref<>::steal(S("fromkeys"));
  Ref<> fk = Ref<>::steal(object_getattr(&dict_type, fromkeys.get()));
  Ref<> zero = Ref<>::steal(I(0));
  Ref<> nd = Ref<>::steal(object_call_function_obj_args(fk.get(), kl.get(), zero.get(), nullptr));
  ASSERT_TRUE(nd) << error_text();
  EXPECT_EQ(repr_steal(dict_items(nd.get())), expect_ref("dict.fromkeys"));
}

TEST_F(Containers, DictSizesFollowCPythonGrowth) {
  Ref<> d = Ref<>::steal(dict_new());
  std::string sizes = "[";
  for (long i = 0; i < 200; ++i) {
    if (i) sizes += ", ";
    sizes += std::to_string(dict_sizeof(d.get()));
    dict_set_item(d.get(), Ref<>::steal(I(i)).get(), Ref<>::steal(I(i)).get());
  }
  sizes += "]";
  EXPECT_EQ(sizes, expect_ref("dict.sizes"));
  Ref<> e = Ref<>::steal(dict_new());
  for (long i = 0; i < 50; ++i) dict_set_item(e.get(), Ref<>::steal(I(i)).get(), Ref<>::steal(I(i)).get());
  for (long i = 0; i < 40; ++i) ASSERT_EQ(dict_del_item(e.get(), Ref<>::steal(I(i)).get()), 0);
  EXPECT_EQ(std::to_string(dict_sizeof(e.get())), expect_ref("dict.size_after_deletes"));
  dict_set_item(e.get(), Ref<>::steal(I(1000)).get(), Ref<>::steal(I(1)).get());
  EXPECT_EQ(std::to_string(dict_sizeof(e.get())), expect_ref("dict.size_after_reinsert"));
  Ref<> s = Ref<>::steal(dict_new());
  sizes = "[";
  for (long i = 0; i < 200; ++i) {
    if (i) sizes += ", ";
    sizes += std::to_string(dict_sizeof(s.get()));
    Ref<> key = Ref<>::steal(str_from_cstr(("k" + std::to_string(i)).c_str()));
    dict_set_item(s.get(), key.get(), Ref<>::steal(I(i)).get());
  }
  sizes += "]";
  EXPECT_EQ(sizes, expect_ref("dict.str_sizes"));
}

TEST_F(Containers, TupleAndFrozensetHashes) {
  Ref<> empty = Ref<>::steal(tuple_new(0));
  EXPECT_EQ(std::to_string(object_hash(empty.get())), expect_ref("hash.tuple_empty"));
  Ref<> t123 = Ref<>::steal(tuple_pack(3, Ref<>::steal(I(1)).get(), Ref<>::steal(I(2)).get(),
                                       Ref<>::steal(I(3)).get()));
  EXPECT_EQ(std::to_string(object_hash(t123.get())), expect_ref("hash.tuple_123"));
  Ref<> t23 = Ref<>::steal(tuple_pack(2, Ref<>::steal(I(2)).get(), Ref<>::steal(I(3)).get()));
  Ref<> nested = Ref<>::steal(tuple_pack(4, Ref<>::steal(I(1)).get(), t23.get(),
                                         Ref<>::steal(I(-1)).get(), Ref<>::steal(I(-2)).get()));
  EXPECT_EQ(std::to_string(object_hash(nested.get())), expect_ref("hash.tuple_nested"));
  EXPECT_EQ(std::to_string(object_hash(Ref<>::steal(frozenset_new(nullptr)).get())),
            expect_ref("hash.frozenset_empty"));
  std::vector<long> v123{1, 2, 3};
  Ref<> l = Ref<>::steal(int_list(v123.begin(), v123.end()));
  EXPECT_EQ(std::to_string(object_hash(Ref<>::steal(frozenset_new(l.get())).get())),
            expect_ref("hash.frozenset_123"));
  std::vector<long> r100;
  for (long i = 0; i < 100; ++i) r100.push_back(i);
  Ref<> l100 = Ref<>::steal(int_list(r100.begin(), r100.end()));
  EXPECT_EQ(std::to_string(object_hash(Ref<>::steal(frozenset_new(l100.get())).get())),
            expect_ref("hash.frozenset_range"));
}

// --- timsort ---

long lt_calls = 0;
struct KObject : Object {
  long v;
  long i;
};
Object* k_richcompare(Object* a, Object* b, int op) {
  if (op != kLT) return return_not_implemented();
  ++lt_calls;
  return bool_from_long(static_cast<KObject*>(a)->v < static_cast<KObject*>(b)->v);
}
void k_dealloc(Object* o) { o->type->free(o); }
TypeObject k_type = [] {
  TypeObject t = static_type("K", sizeof(KObject));
  t.dealloc = k_dealloc;
  t.richcompare = k_richcompare;
  return t;
}();

void sort_case(const std::string& name, const std::vector<long>& values, bool reverse = false) {
  ASSERT_EQ(type_ready(&k_type), 0);
  Ref<> list = Ref<>::steal(list_new(0));
  for (size_t i = 0; i < values.size(); ++i) {
    auto* k = static_cast<KObject*>(type_generic_alloc(&k_type, 0));
    k->v = values[i];
    k->i = static_cast<long>(i);
    list_append(list.get(), k);
    decref(k);
  }
  lt_calls = 0;
  ASSERT_EQ(list_sort_with(list.get(), nullptr, reverse), 0);
  EXPECT_EQ(std::to_string(lt_calls), expect_ref("sort." + name + ".count")) << name;
  std::string order = "[";
  for (ssize i = 0; i < list_size(list.get()); ++i) {
    if (i) order += ", ";
    order += std::to_string(static_cast<KObject*>(list_item(list.get(), i))->i);
  }
  order += "]";
  EXPECT_EQ(order, expect_ref("sort." + name + ".order")) << name;
}

TEST_F(Containers, TimsortComparisonCountsAndStability) {
  sort_case("random100", lcg_list(100, 1, 1000));
  sort_case("random1000", lcg_list(1000, 2, 1000000));
  sort_case("dups500", lcg_list(500, 3, 10));
  std::vector<long> sorted300, reversed300, saw, desc;
  for (long i = 0; i < 300; ++i) sorted300.push_back(i);
  for (long i = 300; i > 0; --i) reversed300.push_back(i);
  for (long i = 0; i < 700; ++i) saw.push_back(i % 37);
  sort_case("sorted300", sorted300);
  sort_case("reversed300", reversed300);
  sort_case("sawtooth", saw);
  std::vector<long> a = lcg_list(200, 4, 1000), b = lcg_list(300, 5, 1000), c = lcg_list(100, 6, 1000);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end(), std::greater<long>());
  std::vector<long> runs = a;
  runs.insert(runs.end(), b.begin(), b.end());
  runs.insert(runs.end(), c.begin(), c.end());
  sort_case("runs", runs);
  sort_case("random_rev", lcg_list(400, 7, 50), true);
  for (int rep = 0; rep < 20; ++rep)
    for (long v : {5, 5, 4, 4, 4, 3, 9, 9, 1, 1, 0}) desc.push_back(v);
  sort_case("descending_eq", desc);
}

TEST_F(Containers, ListSlicesAndMethods) {
  std::vector<long> v{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  Ref<> l = Ref<>::steal(int_list(v.begin(), v.end()));
  Ref<> sl = Ref<>::steal(slice_new_ints(1, 8, 3));
  EXPECT_EQ(repr_steal(object_get_item(l.get(), sl.get())), "[1, 4, 7]");
  Ref<> rev = Ref<>::steal(slice_new_ints_none_start(-2));
  EXPECT_EQ(repr_steal(object_get_item(l.get(), rev.get())), "[9, 7, 5, 3, 1]");
  ASSERT_EQ(object_del_item(l.get(), sl.get()), 0);
  EXPECT_EQ(repr_steal(new_ref(l.get())), "[0, 2, 3, 5, 6, 8, 9]");
  ASSERT_EQ(list_set_slice(l.get(), 1, 3, nullptr), 0);
  EXPECT_EQ(repr_steal(new_ref(l.get())), "[0, 5, 6, 8, 9]");
  Ref<> t = Ref<>::steal(list_as_tuple(l.get()));
  EXPECT_EQ(repr_steal(new_ref(t.get())), "(0, 5, 6, 8, 9)");
  Ref<> one = Ref<>::steal(tuple_pack(1, Ref<>::steal(I(1)).get()));
  EXPECT_EQ(repr_steal(new_ref(one.get())), "(1,)");
}

}  // namespace
}  // namespace objtest
