// The type machinery: classes made by type(name, bases, dict) whose dunders are builtin
// methods, slot dispatch (update_slot), the reflected-operand rules, descriptors, __slots__,
// __set_name__/__init_subclass__, super, the method cache and isinstance hooks.
#include <string>

#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"
#include "objects_support.h"

namespace objtest {
namespace {

using Types = ObjectsTest;

std::string log_text;

// Builtin methods usable as any class's dunders (descriptors of `object`).
Object* m_add(Object* self, Object* other) {
  log_text += "add;";
  (void)self;
  return new_ref(other);
}
Object* m_radd(Object* self, Object* other) {
  log_text += "radd;";
  (void)other;
  return new_ref(self);
}
Object* m_repr(Object*, Object*) { return str_from_cstr("<custom>"); }
Object* m_len(Object*, Object*) { return long_from_long(3); }
Object* m_getitem(Object*, Object* key) {
  log_text += "getitem;";
  return new_ref(key);
}
Object* m_eq(Object*, Object* other) {
  log_text += "eq;";
  return bool_from_long(other == none());
}
Object* m_init(Object* self, Object* const* args, ssize nargs, Object*) {
  log_text += "init(" + std::to_string(nargs) + ");";
  if (nargs) object_setattr_string(self, "x", args[0]);
  return return_none();
}
Object* m_set_name(Object*, Object* const* args, ssize nargs) {
  log_text += "set_name(" + to_std(args[nargs - 1]) + ");";
  return return_none();
}
Object* m_init_subclass(Object* cls, Object* const*, ssize, Object* kwnames) {
  log_text += std::string("init_subclass(") + static_cast<TypeObject*>(cls)->name + "," +
              std::to_string(kwnames ? tuple_size(kwnames) : 0) + ");";
  return return_none();
}
Object* m_instancecheck(Object*, Object*) {
  log_text += "instancecheck;";
  return bool_from_long(1);
}
Object* m_get(Object* self, Object* const* args, ssize) {
  log_text += "get;";
  (void)args;
  return new_ref(self);
}

MethodDef defs[] = {
    {"__add__", reinterpret_cast<void*>(m_add), kMethO, nullptr},
    {"__radd__", reinterpret_cast<void*>(m_radd), kMethO, nullptr},
    {"__repr__", reinterpret_cast<void*>(m_repr), kMethNoArgs, nullptr},
    {"__len__", reinterpret_cast<void*>(m_len), kMethNoArgs, nullptr},
    {"__getitem__", reinterpret_cast<void*>(m_getitem), kMethO, nullptr},
    {"__eq__", reinterpret_cast<void*>(m_eq), kMethO, nullptr},
    {"__init__", reinterpret_cast<void*>(m_init), kMethFastcall | kMethKeywords, nullptr},
    {"__set_name__", reinterpret_cast<void*>(m_set_name), kMethFastcall, nullptr},
    {"__init_subclass__", reinterpret_cast<void*>(m_init_subclass),
     kMethFastcall | kMethKeywords | kMethClass, nullptr},
    {"__instancecheck__", reinterpret_cast<void*>(m_instancecheck), kMethO, nullptr},
    {"__get__", reinterpret_cast<void*>(m_get), kMethFastcall, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Object* method(const char* name) {
  for (MethodDef* d = defs; d->name; ++d)
    if (std::string(d->name) == name)
      return (d->flags & kMethClass) ? descr_new_classmethod(&BaseObject_Type, d)
                                     : descr_new_method(&BaseObject_Type, d);
  return nullptr;
}

// type(name, bases, {dunder: builtin method, ...}, **kwds).
Object* make_class(const char* name, std::initializer_list<Object*> bases,
                   std::initializer_list<const char*> dunders, Object* extra_dict = nullptr,
                   TypeObject* meta = &Type_Type, Object* kwds = nullptr) {
  Ref<> b = Ref<>::steal(tuple_new(static_cast<ssize>(bases.size())));
  ssize i = 0;
  for (Object* x : bases) tuple_set_item(b.get(), i++, new_ref(x));
  Ref<> d = Ref<>::steal(extra_dict ? dict_copy(extra_dict) : dict_new());
  for (const char* n : dunders) {
    Ref<> m = Ref<>::steal(method(n));
    dict_set_item_string(d.get(), n, m.get());
  }
  dict_set_item_string(d.get(), "__module__", Ref<>::steal(S("tmod")).get());
  Ref<> args = Ref<>::steal(tuple_pack(3, Ref<>::steal(S(name)).get(), b.get(), d.get()));
  return object_call(meta, args.get(), kwds);
}

TEST_F(Types, ReadyStaticTypesHaveMroDictAndWrappers) {
  EXPECT_EQ(repr_steal(object_getattr_string(&list_type, "__mro__")),
            "(<class 'list'>, <class 'object'>)");
  EXPECT_EQ(repr_steal(object_getattr_string(&list_type, "__add__")),
            "<slot wrapper '__add__' of 'list' objects>");
  EXPECT_EQ(repr_steal(object_getattr_string(&list_type, "append")),
            "<method 'append' of 'list' objects>");
  EXPECT_EQ(repr_steal(object_getattr_string(&dict_type, "fromkeys")),
            "<built-in method fromkeys of type object at " +
                [] {
                  char buf[32];
                  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(&dict_type));
                  return std::string(buf);
                }() + ">");
  EXPECT_EQ(repr_steal(object_getattr_string(&list_type, "__hash__")), "None");
  // Slot wrappers call the C slots: list.__len__([1, 2]).
  std::vector<long> v{1, 2};
  Ref<> l = Ref<>::steal(int_list(v.begin(), v.end()));
  Ref<> len = Ref<>::steal(object_getattr_string(&list_type, "__len__"));
  EXPECT_EQ(repr_steal(object_call_one_arg(len.get(), l.get())), "2");
  Ref<> bound = Ref<>::steal(object_getattr_string(l.get(), "__len__"));
  EXPECT_EQ(repr_steal(object_call_no_args(bound.get())), "2");
  EXPECT_EQ(repr_steal(object_getattr_string(&BaseObject_Type, "__doc__")),
            "'The base class of the class hierarchy.\\n\\nWhen called, it accepts no arguments "
            "and returns a new featureless\\ninstance that has no instance attributes and cannot "
            "be given any.\\n'");
  EXPECT_EQ(repr_steal(object_getattr_string(exc_KeyError, "__mro__")),
            "(<class 'KeyError'>, <class 'LookupError'>, <class 'Exception'>, <class "
            "'BaseException'>, <class 'object'>)");
  EXPECT_EQ(repr_steal(object_getattr_string(exc_ExceptionGroup, "__mro__")),
            "(<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, <class 'Exception'>, "
            "<class 'BaseException'>, <class 'object'>)");
}

TEST_F(Types, HeapClassSlotsCallDunders) {
  Ref<> C = Ref<>::steal(make_class("C", {}, {"__add__", "__repr__", "__len__", "__getitem__",
                                              "__init__"}));
  ASSERT_TRUE(C) << error_text();
  EXPECT_EQ(repr_steal(new_ref(C.get())), "<class 'tmod.C'>");
  log_text.clear();
  Ref<> c = Ref<>::steal(object_call_one_arg(C.get(), Ref<>::steal(I(42)).get()));
  ASSERT_TRUE(c) << error_text();
  EXPECT_EQ(log_text, "init(1);");
  EXPECT_EQ(repr_steal(object_getattr_string(c.get(), "x")), "42");
  EXPECT_EQ(repr_steal(new_ref(c.get())), "<custom>");
  EXPECT_EQ(object_size(c.get()), 3);
  log_text.clear();
  EXPECT_EQ(repr_steal(object_get_item(c.get(), Ref<>::steal(I(5)).get())), "5");
  EXPECT_EQ(repr_steal(number_add(c.get(), Ref<>::steal(I(9)).get())), "9");
  EXPECT_EQ(log_text, "getitem;add;");
  // Instances have a __dict__; the class's __dict__ is a mappingproxy.
  EXPECT_EQ(repr_steal(object_getattr_string(c.get(), "__dict__")), "{'x': 42}");
  Ref<> cd = Ref<>::steal(object_getattr_string(C.get(), "__dict__"));
  EXPECT_EQ(std::string(cd->type->name), "mappingproxy");
  // Replacing a dunder on the class updates the slot (update_slot).
  Ref<> r = Ref<>::steal(method("__eq__"));
  ASSERT_EQ(object_setattr_string(C.get(), "__repr__", r.get()), 0);
  log_text.clear();
  // __repr__ is now a one-argument builtin: the descriptor names itself in the error.
  EXPECT_EQ(repr_steal(new_ref(c.get())),
            "TypeError: object.__eq__() takes exactly one argument (0 given)");
  ASSERT_EQ(object_delattr(C.get(), Ref<>::steal(str_intern_from_cstr("__repr__")).get()), 0);
  std::string plain = repr_steal(new_ref(c.get()));
  EXPECT_EQ(plain.rfind("<tmod.C object at 0x", 0), 0u) << plain;
}

TEST_F(Types, ReflectedOperandOfSubclassGoesFirst) {
  Ref<> A = Ref<>::steal(make_class("A", {}, {"__add__", "__radd__"}));
  ASSERT_TRUE(A) << error_text();
  Ref<> B = Ref<>::steal(make_class("B", {A.get()}, {"__radd__"}));
  ASSERT_TRUE(B) << error_text();
  Ref<> a = Ref<>::steal(object_call_no_args(A.get()));
  Ref<> b = Ref<>::steal(object_call_no_args(B.get()));
  ASSERT_TRUE(a && b) << error_text();
  // B overrides __radd__ (a descriptor object different from A's): a + b tries b.__radd__
  // first (method_is_overloaded compares the two descriptors, which differ).
  log_text.clear();
  Ref<> r = Ref<>::steal(number_add(a.get(), b.get()));
  ASSERT_TRUE(r) << error_text();
  EXPECT_EQ(log_text, "radd;");
  // Without an override in the subclass, the left operand's __add__ runs.
  Ref<> B2 = Ref<>::steal(make_class("B2", {A.get()}, {}));
  Ref<> b2 = Ref<>::steal(object_call_no_args(B2.get()));
  log_text.clear();
  Ref<> r3 = Ref<>::steal(number_add(a.get(), b2.get()));
  ASSERT_TRUE(r3) << error_text();
  EXPECT_EQ(log_text, "add;");
  log_text.clear();
  Ref<> r2 = Ref<>::steal(number_add(Ref<>::steal(I(1)).get(), a.get()));
  ASSERT_TRUE(r2) << error_text();
  EXPECT_EQ(log_text, "radd;");
}

TEST_F(Types, SetNameInitSubclassAndMetaclassHooks) {
  Ref<> D = Ref<>::steal(make_class("Desc", {}, {"__set_name__", "__get__"}));
  ASSERT_TRUE(D) << error_text();
  Ref<> d = Ref<>::steal(object_call_no_args(D.get()));
  Ref<> ns = Ref<>::steal(dict_new());
  dict_set_item_string(ns.get(), "attr", d.get());
  log_text.clear();
  Ref<> Base = Ref<>::steal(make_class("Base", {}, {"__init_subclass__"}, ns.get()));
  ASSERT_TRUE(Base) << error_text();
  EXPECT_EQ(log_text, "set_name(attr);");
  log_text.clear();
  Ref<> kw = Ref<>::steal(dict_new());
  dict_set_item_string(kw.get(), "flag", Ref<>::steal(I(1)).get());
  Ref<> Sub = Ref<>::steal(make_class("Sub", {Base.get()}, {}, nullptr, &Type_Type, kw.get()));
  ASSERT_TRUE(Sub) << error_text();
  EXPECT_EQ(log_text, "init_subclass(Sub,1);");
  // A non-data descriptor defined by a class: __get__ runs on attribute access.
  Ref<> sub = Ref<>::steal(object_call_no_args(Sub.get()));
  log_text.clear();
  Ref<> got = Ref<>::steal(object_getattr_string(sub.get(), "attr"));
  EXPECT_EQ(got.get(), d.get());
  EXPECT_EQ(log_text, "get;");
  // An instance attribute shadows a non-data descriptor.
  ASSERT_EQ(object_setattr_string(sub.get(), "attr", Ref<>::steal(I(5)).get()), 0);
  EXPECT_EQ(repr_steal(object_getattr_string(sub.get(), "attr")), "5");
  // A metaclass with __instancecheck__.
  Ref<> Meta = Ref<>::steal(make_class("Meta", {&Type_Type}, {"__instancecheck__"}));
  ASSERT_TRUE(Meta) << error_text();
  Ref<> M = Ref<>::steal(make_class("M", {}, {}, nullptr, static_cast<TypeObject*>(Meta.get())));
  ASSERT_TRUE(M) << error_text();
  log_text.clear();
  EXPECT_EQ(object_is_instance(Ref<>::steal(I(1)).get(), M.get()), 1);
  EXPECT_EQ(log_text, "instancecheck;");
  EXPECT_EQ(object_is_subclass(Sub.get(), Base.get()), 1);
  EXPECT_EQ(repr_steal(call_method_no_args(Base.get(), Ref<>::steal(S("__subclasses__")).get())),
            "[<class 'tmod.Sub'>]");
}

TEST_F(Types, SlotsPropertiesAndSuper) {
  Ref<> ns = Ref<>::steal(dict_new());
  Ref<> slots = Ref<>::steal(tuple_pack(2, Ref<>::steal(S("b")).get(), Ref<>::steal(S("a")).get()));
  dict_set_item_string(ns.get(), "__slots__", slots.get());
  Ref<> P = Ref<>::steal(make_class("P", {}, {}, ns.get()));
  ASSERT_TRUE(P) << error_text();
  Ref<> p = Ref<>::steal(object_call_no_args(P.get()));
  EXPECT_EQ(repr_steal(object_getattr_string(P.get(), "a")), "<member 'a' of 'P' objects>");
  EXPECT_EQ(object_setattr_string(p.get(), "a", Ref<>::steal(I(1)).get()), 0);
  EXPECT_EQ(repr_steal(object_getattr_string(p.get(), "a")), "1");
  EXPECT_EQ(repr_steal(object_getattr_string(p.get(), "b")),
            "AttributeError: 'tmod.P' object has no attribute 'b'");
  EXPECT_EQ(object_setattr_string(p.get(), "c", none()), -1);
  EXPECT_EQ(error_text(),
            "AttributeError: 'P' object has no attribute 'c' and no __dict__ for setting new "
            "attributes");
  // property(fget) with a builtin getter; missing setter.
  Ref<> getter = Ref<>::steal(method("__len__"));
  Ref<> prop = Ref<>::steal(object_call_one_arg(&property_type, getter.get()));
  ASSERT_TRUE(prop) << error_text();
  Ref<> ns2 = Ref<>::steal(dict_new());
  dict_set_item_string(ns2.get(), "size", prop.get());
  Ref<> Q = Ref<>::steal(make_class("Q", {}, {}, ns2.get()));
  Ref<> q = Ref<>::steal(object_call_no_args(Q.get()));
  EXPECT_EQ(repr_steal(object_getattr_string(q.get(), "size")), "3");
  EXPECT_EQ(object_setattr_string(q.get(), "size", none()), -1);
  EXPECT_EQ(error_text(), "AttributeError: property 'size' of 'Q' object has no setter");
  // super(Q2, q2).__repr__ finds Q's.
  Ref<> Q2 = Ref<>::steal(make_class("Q2", {Q.get()}, {"__repr__"}));
  Ref<> q2 = Ref<>::steal(object_call_no_args(Q2.get()));
  Ref<> sup = Ref<>::steal(object_call_function_obj_args(&super_type, Q2.get(), q2.get(), nullptr));
  ASSERT_TRUE(sup) << error_text();
  Ref<> sup_repr = Ref<>::steal(object_getattr_string(sup.get(), "__repr__"));
  std::string r = str_steal(object_call_no_args(sup_repr.get()));
  EXPECT_EQ(r.rfind("<tmod.Q2 object at 0x", 0), 0u) << r;
  EXPECT_EQ(repr_steal(new_ref(q2.get())), "<custom>");
}

TEST_F(Types, MethodCacheFollowsVersionTags) {
  Ref<> C = Ref<>::steal(make_class("Cached", {}, {"__len__"}));
  Ref<> name = Ref<>::steal(str_intern_from_cstr("__len__"));
  Object* first = type_lookup(static_cast<TypeObject*>(C.get()), name.get());
  ASSERT_NE(first, nullptr);
  EXPECT_NE(static_cast<TypeObject*>(C.get())->version_tag, 0u);  // a valid tag is not 0
  unsigned tag = static_cast<TypeObject*>(C.get())->version_tag;
  Ref<> repl = Ref<>::steal(method("__repr__"));
  ASSERT_EQ(object_setattr(C.get(), name.get(), repl.get()), 0);
  EXPECT_NE(static_cast<TypeObject*>(C.get())->version_tag, tag);
  EXPECT_EQ(type_lookup(static_cast<TypeObject*>(C.get()), name.get()), repl.get());
}

}  // namespace
}  // namespace objtest
