// The sys module, struct sequences and SimpleNamespace, checked against the reference values of
// tests/data/modules/expectations.txt.
#include <sstream>

#include "modules/moduledef.h"
#include "modules_support.h"
#include "objects/boolobject.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "objects/setobject.h"
#include "objects/structseq.h"
#include "sys/sysmodule.h"

namespace modtest {
namespace {

using objtest::I;
using objtest::S;

// os.stat_result's layout (Modules/posixmodule.c): 10 visible items, three of them unnamed.
StructSeqField stat_fields[] = {
    {"st_mode", nullptr},  {"st_ino", nullptr},       {"st_dev", nullptr},
    {"st_nlink", nullptr}, {"st_uid", nullptr},       {"st_gid", nullptr},
    {"st_size", nullptr},  {kStructSeqUnnamedField, nullptr},
    {kStructSeqUnnamedField, nullptr},                {kStructSeqUnnamedField, nullptr},
    {"st_atime", nullptr}, {"st_mtime", nullptr},     {"st_ctime", nullptr},
    {"st_atime_ns", nullptr}, {"st_mtime_ns", nullptr}, {"st_ctime_ns", nullptr},
    {"st_blksize", nullptr}, {"st_blocks", nullptr},  {"st_rdev", nullptr},
    {nullptr, nullptr}};
StructSeqDesc stat_desc = {"os.stat_result", "stat_result", stat_fields, 10};
TypeObject test_stat_type{};

class ModulesSys : public objtest::ObjectsTest {
 protected:
  void SetUp() override {
    objtest::ObjectsTest::SetUp();
    ASSERT_EQ(structseq_init_type(&test_stat_type, &stat_desc), 0) << error_text();
    ASSERT_NE(cppy::sys::create_sys_module(), nullptr) << error_text();
  }
  Object* sys(const char* name) { return cppy::sys::get_object(name); }
  Object* range10() {
    Ref<> l = Ref<>::steal(list_new(0));
    for (long i = 0; i < 10; ++i) list_append(l.get(), Ref<>::steal(I(i)).get());
    return l.release();
  }
  Object* stat(Object* seq, Object* dict = nullptr) {
    if (dict) return call_obj(&test_stat_type, {seq, dict});
    return call_obj(&test_stat_type, {seq});
  }
};

TEST_F(ModulesSys, StructSeqType) {
  Ref<> t = Ref<>::borrow(&test_stat_type);
  EXPECT_EQ(repr_steal(tup({object_getattr_string(t.get(), "n_sequence_fields"),
                            object_getattr_string(t.get(), "n_fields"),
                            object_getattr_string(t.get(), "n_unnamed_fields"),
                            object_getattr_string(t.get(), "__match_args__")})),
            refv("structseq.stat_counts"));
  Ref<> r = Ref<>::steal(stat(range10()));
  ASSERT_TRUE(r) << error_text();
  EXPECT_EQ(repr_steal(new_ref(r.get())), refv("structseq.stat_repr"));
  Ref<> sl = Ref<>::steal(sequence_get_slice(r.get(), 2, 4));
  EXPECT_EQ(repr_steal(tup({object_getattr_string(r.get(), "st_mode"),
                            object_getattr_string(r.get(), "st_size"),
                            long_from_ssize(object_size(r.get())),
                            object_get_item(r.get(), Ref<>::steal(I(9)).get()),
                            object_get_item(r.get(), Ref<>::steal(I(-1)).get()),
                            new_ref(sl.get())})),
            refv("structseq.stat_attrs"));
  Ref<> as_tuple = Ref<>::steal(sequence_tuple(r.get()));
  EXPECT_EQ(repr_steal(tup({bool_from_long(tuple_check(r.get())),
                            object_getattr_string(&test_stat_type, "__module__"),
                            object_getattr_string(&test_stat_type, "__name__"),
                            object_rich_compare(r.get(), as_tuple.get(), kEQ)})),
            refv("structseq.isinstance"));
}

TEST_F(ModulesSys, StructSeqNew) {
  Ref<> nine = Ref<>::steal(range10());
  list_set_slice(nine.get(), 9, 10, nullptr);
  EXPECT_EQ(err(stat(new_ref(nine.get()))), refv("structseq.short"));
  Ref<> thirty = Ref<>::steal(list_new(0));
  for (int i = 0; i < 30; ++i) list_append(thirty.get(), Ref<>::steal(I(i)).get());
  EXPECT_EQ(err(stat(new_ref(thirty.get()))), refv("structseq.long"));
  Ref<> d = Ref<>::steal(dict_new());
  dict_set_item_string(d.get(), "st_atime", Ref<>::steal(float_from_double(1.5)).get());
  dict_set_item_string(d.get(), "st_mtime", Ref<>::steal(float_from_double(2.5)).get());
  dict_set_item_string(d.get(), "st_ctime", Ref<>::steal(float_from_double(3.5)).get());
  dict_set_item_string(d.get(), "st_blksize", Ref<>::steal(I(7)).get());
  Ref<> r = Ref<>::steal(stat(range10(), new_ref(d.get())));
  ASSERT_TRUE(r) << error_text();
  EXPECT_EQ(repr_steal(tup({object_getattr_string(r.get(), "st_atime"),
                            object_getattr_string(r.get(), "st_blksize"),
                            object_getattr_string(r.get(), "st_rdev"),
                            call(r.get(), "__reduce__", {})})),
            refv("structseq.reduce"));
  Ref<> bad = Ref<>::steal(dict_new());
  dict_set_item_string(bad.get(), "zz", Ref<>::steal(I(1)).get());
  EXPECT_EQ(err(stat(range10(), new_ref(bad.get()))), refv("structseq.unexpected"));
  EXPECT_EQ(err(stat(I(5))), refv("structseq.notseq"));
  EXPECT_EQ(err(stat(range10(), I(5))), refv("structseq.notdict"));
  EXPECT_EQ(err(call(r.get(), "__replace__", {}, {{"st_mode", I(3)}})),
            refv("structseq.replace_unnamed"));
}

TEST_F(ModulesSys, StructSeqReplace) {
  Object* fi = sys("float_info");
  ASSERT_NE(fi, nullptr);
  EXPECT_EQ(repr_steal(call(fi, "__replace__", {}, {{"dig", I(3)}})), refv("structseq.replace"));
  EXPECT_EQ(err(call(fi, "__replace__", {}, {{"zz", I(3)}})), refv("structseq.replace_bad"));
  Ref<> three = Ref<>::steal(I(3));
  EXPECT_EQ(object_setattr_string(fi, "dig", three.get()), -1);
  EXPECT_EQ(error_text(), refv("structseq.readonly"));
}

TEST_F(ModulesSys, InfoTypes) {
  for (const char* n : {"flags", "float_info", "int_info", "version_info"}) {
    Object* t = sys(n)->type;
    EXPECT_EQ(repr_steal(tup({object_getattr_string(t, "__name__"),
                              object_getattr_string(t, "__module__"),
                              object_getattr_string(t, "n_sequence_fields"),
                              object_getattr_string(t, "n_fields"),
                              object_getattr_string(t, "n_unnamed_fields"),
                              object_getattr_string(t, "__match_args__")})),
              refv(std::string("sys.") + n + ".type"));
  }
  for (const char* n : {"float_info", "int_info", "version_info", "hash_info", "maxsize",
                        "hexversion"})
    EXPECT_EQ(repr_steal(new_ref(sys(n))), refv(std::string("sys.") + n)) << n;
  Object* vi = sys("version_info");
  Ref<> three = Ref<>::steal(I(3));
  Ref<> s = Ref<>::steal(sequence_get_slice(vi, 0, 3));
  Ref<> v314 = Ref<>::steal(tup({I(3), I(14)}));
  EXPECT_EQ(repr_steal(tup({new_ref(s.get()), object_rich_compare(vi, v314.get(), kGE),
                            long_from_ssize(object_size(vi))})),
            refv("sys.version_info.cmp"));
  Ref<> pair = Ref<>::steal(tup({I(1), I(2)}));
  EXPECT_EQ(err(call_obj(sys("flags")->type, {new_ref(pair.get())})), refv("sys.flags.new"));
  EXPECT_EQ(err(call_obj(vi->type, {new_ref(pair.get())})), refv("sys.version_info.new"));
}

TEST_F(ModulesSys, Functions) {
  Object* m = cppy::sys::sys_module();
  EXPECT_EQ(repr_steal(tup({new_ref(sys("byteorder")), call(m, "getdefaultencoding", {}),
                            call(m, "getfilesystemencoding", {}),
                            call(m, "getfilesystemencodeerrors", {}),
                            call(m, "getrecursionlimit", {}),
                            call(m, "get_int_max_str_digits", {}), new_ref(sys("maxunicode")),
                            new_ref(sys("api_version")), new_ref(sys("abiflags")),
                            new_ref(sys("float_repr_style")), new_ref(sys("platlibdir")),
                            new_ref(sys("pycache_prefix"))})),
            refv("sys.misc"));
  EXPECT_EQ(err(call(m, "setrecursionlimit", {I(0)})), refv("sys.setrecursionlimit0"));
  EXPECT_EQ(err(call(m, "setrecursionlimit", {S("a")})), refv("sys.setrecursionlimit_str"));
  EXPECT_EQ(err(call(m, "setrecursionlimit", {float_from_double(1.5)})),
            refv("sys.setrecursionlimit_float"));
  EXPECT_EQ(err(call(m, "set_int_max_str_digits", {I(10)})), refv("sys.set_int_max_str_digits10"));
  EXPECT_EQ(err(call(m, "intern", {I(1)})), refv("sys.intern_int"));
  EXPECT_EQ(repr_steal(tup({call(m, "exc_info", {}), call(m, "exception", {})})),
            refv("sys.exc_info"));
  EXPECT_EQ(err(call(m, "exit", {I(3)})), refv("sys.exit"));
  Ref<> doc = Ref<>::steal(object_getattr_string(m, "__doc__"));
  ASSERT_TRUE(doc && str_check(doc.get())) << error_text();
  std::string text = to_std(doc.get());
  std::string first = text.substr(0, text.find("\n\n"));
  EXPECT_EQ(repr_steal(str_from_utf8(first.data(), static_cast<ssize>(first.size()))),
            refv("sys.doc"));
  Ref<> sz = Ref<>::steal(call(m, "getsizeof", {I(1), I(5)}));
  Ref<> zero = Ref<>::steal(I(0));
  EXPECT_EQ(repr_steal(object_rich_compare(sz.get(), zero.get(), kGT)), refv("sys.getsizeof_default"));
  Object* names = sys("stdlib_module_names");
  Ref<> os_name = Ref<>::steal(S("os"));
  EXPECT_EQ(repr_steal(tup({long_from_ssize(object_size(names)),
                            object_getattr_string(names->type, "__name__"),
                            bool_from_long(sequence_contains(names, os_name.get()))})),
            refv("sys.stdlib_module_names"));
  // setrecursionlimit round trip
  Ref<> ok = Ref<>::steal(call(m, "setrecursionlimit", {I(2000)}));
  EXPECT_TRUE(ok) << error_text();
  EXPECT_EQ(repr_steal(call(m, "getrecursionlimit", {})), "2000");
  ok = Ref<>::steal(call(m, "setrecursionlimit", {I(1000)}));
  // intern returns the interned object
  Ref<> a = Ref<>::steal(call(m, "intern", {S("abc_modules_test")}));
  Ref<> b = Ref<>::steal(call(m, "intern", {S("abc_modules_test")}));
  EXPECT_EQ(a.get(), b.get());
}

TEST_F(ModulesSys, ModuleAttributes) {
  Object* m = cppy::sys::sys_module();
  EXPECT_TRUE(module_check(m));
  EXPECT_EQ(repr_steal(object_getattr_string(m, "__name__")), "'sys'");
  EXPECT_EQ(repr_steal(object_getattr_string(m, "platform")), "'linux'");
  Ref<> impl_name = Ref<>::steal(object_getattr_string(sys("implementation"), "name"));
  Ref<> tag = Ref<>::steal(object_getattr_string(sys("implementation"), "cache_tag"));
  EXPECT_EQ(repr_steal(tup({new_ref(impl_name.get()), new_ref(tag.get())})),
            "('cppy', 'cppy-314')");
  for (const char* n : {"path", "meta_path", "path_hooks", "argv", "orig_argv", "warnoptions"})
    EXPECT_TRUE(list_check(sys(n))) << n;
  for (const char* n : {"modules", "path_importer_cache", "_xoptions"})
    EXPECT_TRUE(dict_check(sys(n))) << n;
  EXPECT_EQ(dict_get_item_string(sys("modules"), "sys"), m);
  Object* names = sys("builtin_module_names");
  Ref<> sys_name = Ref<>::steal(S("sys"));
  Ref<> bi_name = Ref<>::steal(S("builtins"));
  EXPECT_TRUE(sequence_contains(names, sys_name.get()) == 1);
  EXPECT_TRUE(sequence_contains(names, bi_name.get()) == 1);
  // create_builtin of a core module returns the one made at start-up.
  Ref<> spec = Ref<>::steal(cppy::objects::namespace_new(nullptr));
  object_setattr_string(spec.get(), "name", sys_name.get());
  Ref<> again = Ref<>::steal(cppy::modules::create_builtin(spec.get()));
  EXPECT_EQ(again.get(), m);
  EXPECT_EQ(cppy::modules::is_builtin(sys_name.get()), -1);
  Ref<> nope = Ref<>::steal(S("no_such_module_xyz"));
  EXPECT_EQ(cppy::modules::is_builtin(nope.get()), 0);
  object_setattr_string(spec.get(), "name", nope.get());
  EXPECT_EQ(repr_steal(cppy::modules::create_builtin(spec.get())), "None");
}

TEST_F(ModulesSys, SimpleNamespace) {
  Object* ns = sys("implementation")->type;
  EXPECT_EQ(repr_steal(tup({object_getattr_string(ns, "__name__"),
                            object_getattr_string(ns, "__module__")})),
            refv("ns.type"));
  Ref<> kw = Ref<>::steal(dict_new());
  dict_set_item_string(kw.get(), "x", Ref<>::steal(I(1)).get());
  dict_set_item_string(kw.get(), "y", Ref<>::steal(S("a")).get());
  Ref<> empty = Ref<>::steal(tuple_new(0));
  Ref<> a = Ref<>::steal(object_call(ns, empty.get(), kw.get()));
  ASSERT_TRUE(a) << error_text();
  EXPECT_EQ(repr_steal(new_ref(a.get())), refv("ns.repr"));
  Ref<> a2 = Ref<>::steal(object_call(ns, empty.get(), kw.get()));
  Ref<> kw2 = Ref<>::steal(dict_new());
  dict_set_item_string(kw2.get(), "x", Ref<>::steal(I(2)).get());
  Ref<> c = Ref<>::steal(object_call(ns, empty.get(), kw2.get()));
  EXPECT_EQ(repr_steal(tup({object_rich_compare(a.get(), a2.get(), kEQ),
                            object_rich_compare(a.get(), c.get(), kEQ),
                            object_rich_compare(a.get(), a2.get(), kNE)})),
            refv("ns.eq"));
  Ref<> m = Ref<>::steal(dict_new());
  dict_set_item_string(m.get(), "b", Ref<>::steal(I(2)).get());
  Ref<> margs = Ref<>::steal(tup({new_ref(m.get())}));
  Ref<> kw3 = Ref<>::steal(dict_new());
  dict_set_item_string(kw3.get(), "c", Ref<>::steal(I(3)).get());
  EXPECT_EQ(repr_steal(object_call(ns, margs.get(), kw3.get())), refv("ns.mapping"));
  EXPECT_EQ(err(call_obj(ns, {dict_new(), dict_new()})), refv("ns.toomany"));
  Ref<> badkey = Ref<>::steal(dict_new());
  dict_set_item(badkey.get(), Ref<>::steal(I(1)).get(), Ref<>::steal(I(2)).get());
  EXPECT_EQ(err(call_obj(ns, {new_ref(badkey.get())})), refv("ns.badkey"));
  object_setattr_string(a.get(), "z", Ref<>::steal(I(5)).get());
  EXPECT_EQ(object_setattr_string(a.get(), "x", nullptr), 0);
  EXPECT_EQ(repr_steal(tup({new_ref(a.get()), object_getattr_string(a.get(), "__dict__")})),
            refv("ns.setattr"));
  EXPECT_EQ(repr_steal(call(a.get(), "__replace__", {}, {{"y", I(9)}})), refv("ns.replace"));
  EXPECT_EQ(repr_steal(call(a.get(), "__reduce__", {})), refv("ns.reduce"));
}

}  // namespace
}  // namespace modtest

namespace modtest {
namespace {

// errno on 64-bit Linux (the host's CPython gives the platform's values).
TEST_F(ModulesSys, Errno) {
  Ref<> m = Ref<>::steal(cppy::modules::import_builtin("errno"));
  ASSERT_TRUE(m) << error_text();
  Ref<> errorcode = Ref<>::steal(object_getattr_string(m.get(), "errorcode"));
  ASSERT_TRUE(errorcode) << error_text();
  Ref<> items = Ref<>::steal(call(errorcode.get(), "items", {}));
  Ref<> sorted_items = Ref<>::steal(sequence_list(items.get()));
  ASSERT_EQ(list_sort(sorted_items.get()), 0);
  EXPECT_EQ(repr_steal(new_ref(sorted_items.get())), refv("errno.errorcode"));
  // The E* names of the module with their values.
  Ref<> names = Ref<>::steal(list_new(0));
  Object* d = module_get_dict(m.get());
  Object* key = nullptr;
  Object* value = nullptr;
  ssize pos = 0;
  while (dict_next(d, &pos, &key, &value)) {
    if (str_as_utf8(key)[0] != 'E') continue;
    Ref<> pair = Ref<>::steal(tup({new_ref(key), new_ref(value)}));
    list_append(names.get(), pair.get());
  }
  ASSERT_EQ(list_sort(names.get()), 0);
  EXPECT_EQ(repr_steal(new_ref(names.get())), refv("errno.names"));
}

}  // namespace
}  // namespace modtest
