// The _imp module and the built-in module table, checked against the reference values of
// tests/data/modules/expectations.txt.
#include "imp/import.h"
#include "modules/moduledef.h"
#include "modules_support.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "sys/sysmodule.h"

namespace modtest {
namespace {

using objtest::I;
using objtest::S;

class ModulesImp : public objtest::ObjectsTest {
 protected:
  void SetUp() override {
    objtest::ObjectsTest::SetUp();
    ASSERT_NE(cppy::sys::create_sys_module(), nullptr) << error_text();
    imp_ = Ref<>::steal(cppy::modules::import_builtin("_imp"));
    ASSERT_TRUE(imp_) << error_text();
  }
  Ref<> imp_;
};

TEST_F(ModulesImp, Constants) {
  Object* m = imp_.get();
  EXPECT_EQ(repr_steal(tup({object_getattr_string(m, "pyc_magic_number_token"),
                            object_getattr_string(m, "check_hash_based_pycs")})),
            refv("imp.token"));
  EXPECT_EQ(repr_steal(object_getattr_string(m, "__doc__")), refv("imp.doc"));
  EXPECT_EQ(repr_steal(object_getattr_string(m, "__name__")), "'_imp'");
  // The same module object comes back from sys.modules.
  Ref<> again = Ref<>::steal(cppy::modules::import_builtin("_imp"));
  EXPECT_EQ(again.get(), m);
}

TEST_F(ModulesImp, SourceHash) {
  Object* m = imp_.get();
  Ref<> token = Ref<>::steal(object_getattr_string(m, "pyc_magic_number_token"));
  EXPECT_EQ(repr_steal(tup({call(m, "source_hash", {I(1234), bytes_from_cstr("hello")}),
                            call(m, "source_hash", {new_ref(token.get()),
                                                    bytes_from_cstr("x = 1\n")})})),
            refv("imp.source_hash"));
  EXPECT_EQ(err(call(m, "source_hash", {I(1), S("x")})), refv("imp.source_hash_str"));
}

TEST_F(ModulesImp, BuiltinsAndFrozen) {
  Object* m = imp_.get();
  EXPECT_EQ(repr_steal(tup({call(m, "is_builtin", {S("sys")}), call(m, "is_builtin", {S("builtins")}),
                            call(m, "is_builtin", {S("no_such")})})),
            refv("imp.is_builtin"));
  EXPECT_EQ(repr_steal(call(m, "is_builtin", {S("_imp")})), "1");
  EXPECT_EQ(err(call(m, "get_frozen_object", {S("nope")})), refv("imp.get_frozen_object"));
  EXPECT_EQ(repr_steal(call(m, "find_frozen", {S("no_such")})), refv("imp.find_frozen"));
  EXPECT_EQ(err(call(m, "is_builtin", {I(1)})), refv("imp.is_builtin_int"));
  EXPECT_EQ(err(call(m, "create_builtin", {I(1)})), refv("imp.create_builtin_int"));
  EXPECT_EQ(err(call(m, "find_frozen", {I(1)})), refv("imp.find_frozen_int"));
  EXPECT_EQ(err(call(m, "_fix_co_filename", {I(1)})), refv("imp.fix_co_filename_nargs"));
  Ref<> spec = Ref<>::steal(namespace_new(nullptr));
  object_setattr_string(spec.get(), "name", Ref<>::steal(S("no_such_module")).get());
  EXPECT_EQ(repr_steal(call(m, "create_builtin", {new_ref(spec.get())})), refv("imp.create_missing"));
  // create_builtin + exec_builtin make a fresh _imp module.
  object_setattr_string(spec.get(), "name", Ref<>::steal(S("_imp")).get());
  Ref<> fresh = Ref<>::steal(call(m, "create_builtin", {new_ref(spec.get())}));
  ASSERT_TRUE(fresh) << error_text();
  EXPECT_NE(fresh.get(), m);
  EXPECT_EQ(repr_steal(object_getattr_string(fresh.get(), "__spec__")), "None");
  EXPECT_EQ(repr_steal(call(m, "exec_builtin", {new_ref(fresh.get())})), "0");
  EXPECT_EQ(repr_steal(object_getattr_string(fresh.get(), "check_hash_based_pycs")), "'default'");
}

TEST_F(ModulesImp, Lock) {
  Object* m = imp_.get();
  EXPECT_EQ(repr_steal(tup({call(m, "lock_held", {}), call(m, "acquire_lock", {}),
                            call(m, "lock_held", {}), call(m, "release_lock", {}),
                            call(m, "lock_held", {})})),
            refv("imp.lock"));
  EXPECT_EQ(err(call(m, "release_lock", {})), refv("imp.release_unheld"));
}

}  // namespace
}  // namespace modtest
