// Exceptions against the reference: str/repr texts, attributes, groups' split/subgroup, and
// the messages of the core's errors (tools/objcore/probe_*.py).
#include <functional>

#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects_support.h"

namespace objtest {
namespace {

using Exceptions = ObjectsTest;

// Calls type(*args) and checks str/repr/type name against exc.<key>.*.
void check_exc(const std::string& key, TypeObject* type, std::initializer_list<Object*> args) {
  Ref<> t = Ref<>::steal(tuple_new(static_cast<ssize>(args.size())));
  ssize i = 0;
  for (Object* a : args) tuple_set_item(t.get(), i++, a);
  Ref<> e = Ref<>::steal(object_call(type, t.get(), nullptr));
  ASSERT_TRUE(e) << key << ": " << error_text();
  EXPECT_EQ(str_steal(new_ref(e.get())), expect_ref("exc." + key + ".str")) << key;
  EXPECT_EQ(repr_steal(new_ref(e.get())), expect_ref("exc." + key + ".repr")) << key;
  EXPECT_EQ(std::string(type_short_name(e->type)), expect_ref("exc." + key + ".type")) << key;
}

Object* tup(std::initializer_list<Object*> items) {
  Object* t = tuple_new(static_cast<ssize>(items.size()));
  ssize i = 0;
  for (Object* a : items) tuple_set_item(t, i++, a);
  return t;
}

TEST_F(Exceptions, StrAndReprTexts) {
  check_exc("value0", exc_ValueError, {});
  check_exc("value1", exc_ValueError, {I(1)});
  check_exc("value2", exc_ValueError, {I(1), I(2)});
  check_exc("key1", exc_KeyError, {S("k")});
  check_exc("key2", exc_KeyError, {I(1), I(2)});
  check_exc("oserror1", exc_OSError, {S("plain")});
  check_exc("oserror_unknown5", exc_OSError, {I(12345), S("Weird"), S("a"), new_ref(none()), S("b")});
  check_exc("oserror_unknown3", exc_OSError, {I(12345), S("Weird"), S("f.txt")});
  check_exc("oserror2", exc_OSError, {I(2), S("No such file or directory")});
  check_exc("oserror3", exc_OSError, {I(2), S("No such file or directory"), S("f.txt")});
  check_exc("oserror5", exc_OSError, {I(1), S("Operation not permitted"), S("a"), new_ref(none()), S("b")});
  check_exc("oserror_eexist", exc_OSError, {I(17), S("File exists")});
  check_exc("oserror_eagain", exc_OSError, {I(11), S("Resource temporarily unavailable")});
  check_exc("syntax", exc_SyntaxError, {S("bad thing"), tup({S("dir/f.py"), I(3), I(4), S("txt")})});
  check_exc("syntax_nofile", exc_SyntaxError,
            {S("bad thing"), tup({new_ref(none()), I(3), I(4), S("txt")})});
  auto excs = [] {
    Ref<> v = Ref<>::steal(object_call_one_arg(exc_ValueError, Ref<>::steal(I(1)).get()));
    Ref<> t = Ref<>::steal(object_call_one_arg(exc_TypeError, Ref<>::steal(I(2)).get()));
    Object* l = list_new(0);
    list_append(l, v.get());
    list_append(l, t.get());
    return l;
  };
  check_exc("eg2", exc_ExceptionGroup, {S("eg"), excs()});
  Ref<> one = Ref<>::steal(list_new(0));
  list_append(one.get(), Ref<>::steal(object_call_one_arg(exc_ValueError, Ref<>::steal(I(1)).get())).get());
  check_exc("beg1", exc_BaseExceptionGroup, {S("x"), new_ref(one.get())});
  Ref<> ki = Ref<>::steal(list_new(0));
  list_append(ki.get(), Ref<>::steal(object_call_no_args(exc_KeyboardInterrupt)).get());
  check_exc("beg_base", exc_BaseExceptionGroup, {S("x"), new_ref(ki.get())});
  Ref<> args = Ref<>::steal(object_call_function_obj_args(exc_OSError, Ref<>::steal(I(12345)).get(),
                                                          Ref<>::steal(S("x")).get(),
                                                          Ref<>::steal(S("f")).get(), nullptr));
  Ref<> args_name = Ref<>::steal(S("args"));
  EXPECT_EQ(repr_steal(object_getattr(args.get(), args_name.get())), expect_ref("exc.oserror3.args"));
}

TEST_F(Exceptions, GroupSplitAndSubgroup) {
  auto call1 = [](TypeObject* t, long v) { return object_call_one_arg(t, Ref<>::steal(I(v)).get()); };
  Ref<> inner_list = Ref<>::steal(list_new(0));
  list_append(inner_list.get(), Ref<>::steal(call1(exc_ValueError, 3)).get());
  list_append(inner_list.get(), Ref<>::steal(call1(exc_KeyError, 4)).get());
  Ref<> inner = Ref<>::steal(object_call_function_obj_args(
      exc_ExceptionGroup, Ref<>::steal(S("inner")).get(), inner_list.get(), nullptr));
  ASSERT_TRUE(inner) << error_text();
  Ref<> outer_list = Ref<>::steal(list_new(0));
  list_append(outer_list.get(), Ref<>::steal(call1(exc_ValueError, 1)).get());
  list_append(outer_list.get(), Ref<>::steal(call1(exc_TypeError, 2)).get());
  list_append(outer_list.get(), inner.get());
  Ref<> eg = Ref<>::steal(object_call_function_obj_args(
      exc_ExceptionGroup, Ref<>::steal(S("eg")).get(), outer_list.get(), nullptr));
  ASSERT_TRUE(eg) << error_text();
  Ref<> split = Ref<>::steal(S("split"));
  Ref<> pair = Ref<>::steal(call_method_one_arg(eg.get(), split.get(), exc_ValueError));
  ASSERT_TRUE(pair) << error_text();
  EXPECT_EQ(repr_steal(new_ref(tuple_item(pair.get(), 0))), expect_ref("exc.split.match"));
  EXPECT_EQ(repr_steal(new_ref(tuple_item(pair.get(), 1))), expect_ref("exc.split.rest"));
  Ref<> subgroup = Ref<>::steal(S("subgroup"));
  Ref<> types = Ref<>::steal(tuple_pack(2, exc_TypeError, exc_KeyError));
  EXPECT_EQ(repr_steal(call_method_one_arg(eg.get(), subgroup.get(), types.get())),
            expect_ref("exc.subgroup"));
  EXPECT_EQ(repr_steal(call_method_one_arg(eg.get(), subgroup.get(), exc_OSError)),
            expect_ref("exc.subgroup_none"));
}

TEST_F(Exceptions, Attributes) {
  auto attr = [](Object* o, const char* name) {
    Ref<> n = Ref<>::steal(S(name));
    return repr_steal(object_getattr(o, n.get()));
  };
  Ref<> si = Ref<>::steal(object_call_one_arg(exc_StopIteration, Ref<>::steal(I(5)).get()));
  EXPECT_EQ(attr(si.get(), "value"), expect_ref("exc.stopiteration.value"));
  Ref<> se = Ref<>::steal(object_call_one_arg(exc_SystemExit, Ref<>::steal(I(3)).get()));
  EXPECT_EQ(attr(se.get(), "code"), expect_ref("exc.systemexit.code"));
  Ref<> se0 = Ref<>::steal(object_call_no_args(exc_SystemExit));
  EXPECT_EQ(attr(se0.get(), "code"), expect_ref("exc.systemexit0.code"));
  Ref<> se2 = Ref<>::steal(object_call_function_obj_args(
      exc_SystemExit, Ref<>::steal(I(3)).get(), Ref<>::steal(I(4)).get(), nullptr));
  EXPECT_EQ(attr(se2.get(), "code"), expect_ref("exc.systemexit2.code"));

  Ref<> kw = Ref<>::steal(dict_new());
  dict_set_item_string(kw.get(), "name", Ref<>::steal(S("mod")).get());
  dict_set_item_string(kw.get(), "path", Ref<>::steal(S("p")).get());
  Ref<> a1 = Ref<>::steal(tuple_pack(1, Ref<>::steal(S("no module")).get()));
  Ref<> ie = Ref<>::steal(object_call(exc_ImportError, a1.get(), kw.get()));
  ASSERT_TRUE(ie) << error_text();
  std::string got = "(" + repr_steal(object_str(ie.get())) + ", " + attr(ie.get(), "name") + ", " +
                    attr(ie.get(), "path") + ", " + attr(ie.get(), "msg") + ")";
  EXPECT_EQ(got, expect_ref("exc.import"));

  Ref<> kw2 = Ref<>::steal(dict_new());
  dict_set_item_string(kw2.get(), "name", Ref<>::steal(S("n")).get());
  dict_set_item_string(kw2.get(), "obj", Ref<>::steal(I(1)).get());
  Ref<> a2 = Ref<>::steal(tuple_pack(1, Ref<>::steal(S("x")).get()));
  Ref<> ae = Ref<>::steal(object_call(exc_AttributeError, a2.get(), kw2.get()));
  ASSERT_TRUE(ae) << error_text();
  got = "(" + repr_steal(object_str(ae.get())) + ", " + attr(ae.get(), "name") + ", " +
        attr(ae.get(), "obj") + ")";
  EXPECT_EQ(got, expect_ref("exc.attribute"));

  // SyntaxError attributes are writable members (the compiler sets them after raising).
  Ref<> sx = Ref<>::steal(object_call_one_arg(exc_SyntaxError, Ref<>::steal(S("m")).get()));
  ASSERT_EQ(object_setattr_string(sx.get(), "lineno", Ref<>::steal(I(7)).get()), 0);
  EXPECT_EQ(attr(sx.get(), "lineno"), "7");
  EXPECT_EQ(attr(sx.get(), "msg"), "'m'");
  EXPECT_EQ(attr(sx.get(), "offset"), "None");
}

TEST_F(Exceptions, ContextChainingOnRaise) {
  // Raising while handling an exception sets __context__, without creating cycles.
  Ref<> first = Ref<>::steal(object_call_one_arg(exc_ValueError, Ref<>::steal(S("a")).get()));
  cppy::errors::set_handled_exception(first.get());
  cppy::errors::set_string(exc_TypeError, "b");
  Ref<> second = Ref<>::steal(cppy::errors::get_raised_exception());
  ASSERT_TRUE(second);
  Ref<> ctx = Ref<>::steal(exception_get_context(second.get()));
  EXPECT_EQ(ctx.get(), first.get());
  // Raising the handled exception itself does not make it its own context.
  cppy::errors::set_object(exc_ValueError, first.get());
  Ref<> again = Ref<>::steal(cppy::errors::get_raised_exception());
  EXPECT_EQ(again.get(), first.get());
  Ref<> ctx2 = Ref<>::steal(exception_get_context(first.get()));
  EXPECT_EQ(ctx2.get(), nullptr);
  cppy::errors::set_handled_exception(nullptr);
  EXPECT_TRUE(cppy::errors::given_exception_matches(second.get(), exc_Exception));
  Ref<> pair = Ref<>::steal(tuple_pack(2, exc_KeyError, exc_TypeError));
  EXPECT_TRUE(cppy::errors::given_exception_matches(second.get(), pair.get()));
  EXPECT_FALSE(cppy::errors::given_exception_matches(second.get(), exc_KeyError));
}

// The messages of the core's own errors, by the probe's names.
void check_err(const std::string& key, const std::function<Object*()>& fn) {
  Object* r = fn();
  std::string got = r ? "no error" : error_text();
  xdecref(r);
  EXPECT_EQ(got, expect_ref("err." + key)) << key;
}

Object* int_result(int rc) { return rc < 0 ? nullptr : new_ref(none()); }

TEST_F(Exceptions, CoreErrorMessages) {
  Ref<> obj = Ref<>::steal(object_call_no_args(&BaseObject_Type));
  check_err("getattr", [&] { return object_getattr_string(obj.get(), "foo"); });
  check_err("setattr_object", [&] { return int_result(object_setattr_string(obj.get(), "foo", none())); });
  Ref<> empty_list = Ref<>::steal(list_new(0));
  check_err("hash_list", [&] { return object_hash(empty_list.get()) == -1 ? nullptr : new_ref(none()); });
  Ref<> s1 = Ref<>::steal(set_new(nullptr));
  check_err("set_unhashable", [&] { return int_result(set_add(s1.get(), empty_list.get())); });
  Ref<> pop = Ref<>::steal(S("pop"));
  check_err("pop_empty_list", [&] { return call_method_no_args(empty_list.get(), pop.get()); });
  std::vector<long> one{1};
  Ref<> l1 = Ref<>::steal(int_list(one.begin(), one.end()));
  check_err("pop_index", [&] { return call_method_one_arg(l1.get(), pop.get(), Ref<>::steal(I(5)).get()); });
  check_err("list_index", [&] { return object_get_item(l1.get(), Ref<>::steal(I(3)).get()); });
  Ref<> remove = Ref<>::steal(S("remove")), index = Ref<>::steal(S("index"));
  check_err("list_remove", [&] { return call_method_one_arg(l1.get(), remove.get(), Ref<>::steal(I(2)).get()); });
  check_err("list_value_index", [&] { return call_method_one_arg(l1.get(), index.get(), Ref<>::steal(I(2)).get()); });
  Ref<> d = Ref<>::steal(dict_new());
  Ref<> popitem = Ref<>::steal(S("popitem"));
  check_err("popitem_empty", [&] { return call_method_no_args(d.get(), popitem.get()); });
  check_err("set_pop_empty", [&] { return set_pop(s1.get()); });
  check_err("dict_missing", [&] { return object_get_item(d.get(), Ref<>::steal(I(1)).get()); });
  Ref<> one_int = Ref<>::steal(I(1));
  check_err("add_int_list", [&] { return number_add(one_int.get(), empty_list.get()); });
  check_err("lt_list_int", [&] { return object_rich_compare(empty_list.get(), one_int.get(), kLT); });
  check_err("object_args", [&] { return object_call_one_arg(&BaseObject_Type, one_int.get()); });
  Ref<> t1 = Ref<>::steal(tuple_pack(1, one_int.get()));
  check_err("not_callable", [&] { return object_call_no_args(t1.get()); });
  Ref<> t12 = Ref<>::steal(tuple_pack(2, one_int.get(), Ref<>::steal(I(2)).get()));
  check_err("tuple_index", [&] { return object_get_item(t12.get(), Ref<>::steal(I(5)).get()); });
  Ref<> l2 = Ref<>::steal(list_new(0));
  list_append(l2.get(), Ref<>::steal(I(2)).get());
  Ref<> t2 = Ref<>::steal(tuple_pack(1, Ref<>::steal(I(2)).get()));
  check_err("tuple_concat", [&] { return number_add(t1.get(), l2.get()); });
  check_err("list_concat", [&] { return number_add(l1.get(), t2.get()); });

  auto make_type = [](const char* name, std::initializer_list<Object*> bases) {
    Ref<> b = Ref<>::steal(tuple_new(static_cast<ssize>(bases.size())));
    ssize i = 0;
    for (Object* x : bases) tuple_set_item(b.get(), i++, new_ref(x));
    Ref<> args = Ref<>::steal(tuple_pack(3, Ref<>::steal(S(name)).get(), b.get(),
                                         Ref<>::steal(dict_new()).get()));
    return object_call(&Type_Type, args.get(), nullptr);
  };
  Ref<> A = Ref<>::steal(make_type("A", {}));
  Ref<> B = Ref<>::steal(make_type("B", {}));
  ASSERT_TRUE(A && B) << error_text();
  Ref<> X = Ref<>::steal(make_type("X", {A.get(), B.get()}));
  Ref<> Y = Ref<>::steal(make_type("Y", {B.get(), A.get()}));
  ASSERT_TRUE(X && Y) << error_text();
  check_err("mro_conflict", [&] { return make_type("Z", {X.get(), Y.get()}); });
  check_err("dup_base", [&] { return make_type("X", {A.get(), A.get()}); });
  check_err("bad_base", [&] { return make_type("X", {none()->type}); });
  check_err("neg", [&] { return number_negative(empty_list.get()); });
  check_err("seq_mul", [&] { return number_multiply(l1.get(), empty_list.get()); });
  check_err("iter_int", [&] { return object_get_iter(one_int.get()); });
  check_err("len_int", [&] { return object_size(one_int.get()) < 0 ? nullptr : new_ref(none()); });
  check_err("subscript_int", [&] { return object_get_item(one_int.get(), Ref<>::steal(I(0)).get()); });
  check_err("setitem_tuple", [&] { return int_result(object_set_item(t1.get(), Ref<>::steal(I(0)).get(), one_int.get())); });
  check_err("delitem_tuple", [&] { return int_result(object_del_item(t1.get(), Ref<>::steal(I(0)).get())); });
  std::vector<long> four{1, 2, 3, 4};
  Ref<> l4 = Ref<>::steal(int_list(four.begin(), four.end()));
  Ref<> step2 = Ref<>::steal(slice_new(Ref<>::steal(I(0)).get(), Ref<>::steal(I(4)).get(), Ref<>::steal(I(2)).get()));
  check_err("extended_slice", [&] { return int_result(object_set_item(l4.get(), step2.get(), l1.get())); });
  Ref<> step0 = Ref<>::steal(slice_new(nullptr, nullptr, Ref<>::steal(I(0)).get()));
  check_err("slice_step_zero", [&] { return object_get_item(l4.get(), step0.get()); });
  Ref<> pairs = Ref<>::steal(list_new(0));
  list_append(pairs.get(), t12.get());
  list_append(pairs.get(), t1.get());
  check_err("dict_seq2", [&] { return object_call_one_arg(&dict_type, pairs.get()); });
  check_err("dict_seq2_type", [&] { return object_call_one_arg(&dict_type, l1.get()); });
  check_err("bool_notimpl", [&] { return object_is_true(not_implemented()) < 0 ? nullptr : new_ref(none()); });
  check_err("none_call", [&] { return object_call_one_arg(none()->type, one_int.get()); });
  check_err("instancecheck", [&] { return object_is_instance(one_int.get(), one_int.get()) < 0 ? nullptr : new_ref(none()); });
  check_err("issubclass", [&] { return object_is_subclass(one_int.get(), one_int->type) < 0 ? nullptr : new_ref(none()); });
}

}  // namespace
}  // namespace objtest
