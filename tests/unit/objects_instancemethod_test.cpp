// instancemethod (Objects/classobject.c PyInstanceMethod_Type): no Python name reaches it in
// cppy (CPython's tests use _testcapi.instancemethod), so its behaviour is checked here against
// the reference's results (tools/objcore/probe_314.py, keys im.* and err.im.*).
#include <regex>

#include "builtins/bltinmodule.h"
#include "objects/dictobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects_support.h"

namespace objtest {
namespace {

using InstanceMethod = ObjectsTest;

Object* builtin(const char* name) {
  Object* b = cppy::builtins::init_builtins();
  return b ? dict_get_item_string(module_get_dict(b), name) : nullptr;
}

std::string no_addr(std::string s) {
  return std::regex_replace(s, std::regex(" at 0x[0-9a-f]+"), " at ADDR");
}

std::string attr_text(Object* o, const char* name) {
  Object* v = object_getattr_string(o, name);
  return v ? str_steal(v) : error_text();
}

// instancemethod(*args, **kwargs) through the type, as Python calls it.
Object* construct(std::initializer_list<Object*> args, Object* kwargs = nullptr) {
  Ref<> tup = Ref<>::steal(tuple_new(static_cast<ssize>(args.size())));
  ssize i = 0;
  for (Object* a : args) tuple_set_item(tup.get(), i++, new_ref(a));
  return object_call(&instancemethod_type, tup.get(), kwargs);
}

TEST_F(InstanceMethod, Behaviour) {
  Object* len = builtin("len");
  Object* abs_ = builtin("abs");
  ASSERT_NE(len, nullptr);
  ASSERT_EQ(type_ready(&instancemethod_type), 0);
  EXPECT_EQ(attr_text(&instancemethod_type, "__name__") + " " +
                attr_text(&instancemethod_type, "__text_signature__") + " " +
                attr_text(&instancemethod_type, "__doc__"),
            expect_ref("im.type"));
  Ref<> im = Ref<>::steal(construct({len}));
  ASSERT_TRUE(im) << error_text();
  EXPECT_TRUE(instancemethod_check(im.get()));
  EXPECT_EQ(instancemethod_function(im.get()), len);
  Ref<> lst = Ref<>::steal(list_new(0));
  list_append(lst.get(), Ref<>::steal(I(1)).get());
  list_append(lst.get(), Ref<>::steal(I(2)).get());
  EXPECT_EQ(repr_steal(object_call_one_arg(im.get(), lst.get())), expect_ref("im.call_len"));
  EXPECT_EQ(no_addr(str_steal(object_repr(im.get()))), expect_ref("im.repr_len"));
  // __get__: the function from the class, a bound method from an instance.
  Ref<> from_class = Ref<>::steal(instancemethod_type.descr_get(im.get(), nullptr, &long_type));
  EXPECT_EQ(std::string(from_class.get() == len ? "True" : "False"),
            expect_ref("im.get_none_is_func"));
  Ref<> five = Ref<>::steal(I(5));
  EXPECT_EQ(repr_steal(instancemethod_type.descr_get(im.get(), five.get(), &long_type)),
            expect_ref("im.get_obj"));
  Ref<> func = Ref<>::steal(object_getattr_string(im.get(), "__func__"));
  EXPECT_EQ(std::string(func.get() == len ? "True" : "False"), expect_ref("im.func_is"));
  EXPECT_EQ(attr_text(im.get(), "__doc__"), expect_ref("im.doc"));
  EXPECT_EQ(attr_text(im.get(), "__name__"), expect_ref("im.name"));
  Ref<> im2 = Ref<>::steal(instancemethod_new(len));
  Ref<> im_abs = Ref<>::steal(instancemethod_new(abs_));
  EXPECT_EQ(repr_steal(object_rich_compare(im.get(), im2.get(), kEQ)), expect_ref("im.eq"));
  EXPECT_EQ(repr_steal(object_rich_compare(im.get(), im_abs.get(), kNE)), expect_ref("im.ne"));
  EXPECT_EQ(repr_steal(object_rich_compare(im.get(), len, kEQ)), expect_ref("im.eq_func"));
  EXPECT_EQ(repr_steal(object_rich_compare(im.get(), im2.get(), kLT)), expect_ref("err.im.lt"));
  EXPECT_EQ(object_hash(im.get()), -1);
  EXPECT_EQ(error_text(), expect_ref("err.im.hash"));
  EXPECT_EQ(repr_steal(construct({})), expect_ref("err.im.new_none"));
  EXPECT_EQ(repr_steal(construct({len, len})), expect_ref("err.im.new_two"));
  Ref<> kw = Ref<>::steal(dict_new());
  dict_set_item_string(kw.get(), "f", len);
  EXPECT_EQ(repr_steal(construct({}, kw.get())), expect_ref("err.im.new_kw"));
  Ref<> one = Ref<>::steal(I(1));
  EXPECT_EQ(repr_steal(construct({one.get()})), expect_ref("err.im.new_noncallable"));
  EXPECT_EQ(attr_text(im.get(), "nope"), expect_ref("err.im.getattr_missing"));
  EXPECT_EQ(object_setattr_string(im.get(), "x", one.get()), -1);
  EXPECT_EQ(error_text(), expect_ref("err.im.setattr"));
}

}  // namespace
}  // namespace objtest
