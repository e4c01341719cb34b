// The posix module: reference messages from tests/data/modules/expectations.txt, and the file
// calls exercised on a temporary directory.
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "modules/moduledef.h"
#include "modules_support.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/structseq.h"
#include "sys/sysmodule.h"

namespace modtest {
namespace {

using objtest::I;
using objtest::S;

class ModulesPosix : public objtest::ObjectsTest {
 protected:
  void SetUp() override {
    objtest::ObjectsTest::SetUp();
    ASSERT_NE(cppy::sys::create_sys_module(), nullptr) << error_text();
    os_ = Ref<>::steal(cppy::modules::import_builtin("posix"));
    ASSERT_TRUE(os_) << error_text();
  }
  Ref<> os_;
};

TEST_F(ModulesPosix, Errors) {
  Object* os = os_.get();
  EXPECT_EQ(err(call(os, "stat", {S("/nonexistent/x")})), refv("posix.stat_missing"));
  EXPECT_EQ(err(call(os, "stat", {new_ref(none())})), refv("posix.stat_none"));
  EXPECT_EQ(err(call(os, "lstat", {float_from_double(1.5)})), refv("posix.lstat_float"));
  EXPECT_EQ(err(call(os, "stat", {str_from_utf8("a\0b", 3)})), refv("posix.stat_null"));
  EXPECT_EQ(repr_steal(tup({call(os, "fspath", {S("a")}), call(os, "fspath", {bytes_from_cstr("b")})})),
            refv("posix.fspath"));
  EXPECT_EQ(err(call(os, "fspath", {I(1)})), refv("posix.fspath_int"));
  EXPECT_EQ(repr_steal(call(os, "strerror", {I(2)})), refv("posix.strerror"));
  EXPECT_EQ(err(call(os, "rename", {S("/nonexistent/a"), S("/nonexistent/b")})),
            refv("posix.rename_missing"));
  EXPECT_EQ(err(call(os, "listdir", {S("/nonexistent")})), refv("posix.listdir_missing"));
  EXPECT_EQ(err(call(os, "mkdir", {S("/")})), refv("posix.mkdir_root"));
  EXPECT_EQ(err(call(os, "open", {S("/nonexistent/f"), I(0)})), refv("posix.open_missing"));
  EXPECT_EQ(err(call(os, "close", {I(-1)})), refv("posix.close_bad"));
  EXPECT_EQ(err(call(os, "urandom", {I(-1)})), refv("posix.urandom_neg"));
}

TEST_F(ModulesPosix, WaitAndTypes) {
  Object* os = os_.get();
  EXPECT_EQ(repr_steal(tup({call(os, "WIFEXITED", {I(0)}), call(os, "WEXITSTATUS", {I(256)}),
                            call(os, "WIFSIGNALED", {I(9)}), call(os, "WTERMSIG", {I(9)}),
                            call(os, "WIFSTOPPED", {I(0x137f)}), call(os, "WSTOPSIG", {I(0x137f)})})),
            refv("posix.wait"));
  Ref<> ts = Ref<>::steal(object_getattr_string(os, "terminal_size"));
  EXPECT_EQ(repr_steal(call_obj(ts.get(), {tup({I(80), I(24)})})), refv("posix.terminal_size"));
  Ref<> sr = Ref<>::steal(object_getattr_string(os, "stat_result"));
  EXPECT_EQ(repr_steal(tup({object_getattr_string(sr.get(), "__name__"),
                            object_getattr_string(sr.get(), "__module__")})),
            refv("posix.stat_result_type"));
  Ref<> env = Ref<>::steal(object_getattr_string(os, "environ"));
  ASSERT_TRUE(dict_check(env.get()));
  Ref<> path_key = Ref<>::steal(bytes_from_cstr("PATH"));
  if (std::getenv("PATH")) {
    EXPECT_TRUE(bytes_check(dict_get_item(env.get(), path_key.get())));
  }
  Ref<> pid = Ref<>::steal(call(os, "getpid", {}));
  EXPECT_EQ(long_as_long(pid.get()), static_cast<long>(getpid()));
  Ref<> r = Ref<>::steal(call(os, "urandom", {I(16)}));
  ASSERT_TRUE(r) << error_text();
  EXPECT_EQ(bytes_size(r.get()), 16);
}

// A round trip through mkdir/open/write/lseek/read/fstat/stat/listdir/rename/unlink/rmdir.
TEST_F(ModulesPosix, Files) {
  Object* os = os_.get();
  char tmpl[] = "/tmp/cppy_posix_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  std::string sub = dir + "/sub";
  Ref<> ok = Ref<>::steal(call(os, "mkdir", {S(sub.c_str())}));
  ASSERT_TRUE(ok) << error_text();
  std::string file = dir + "/f.txt";
  Ref<> flags = Ref<>::steal(I(0x41 | 0x200));  // O_WRONLY|O_CREAT|O_TRUNC on Linux
  Ref<> fd = Ref<>::steal(call(os, "open", {S(file.c_str()), new_ref(flags.get()), I(0644)}));
  ASSERT_TRUE(fd) << error_text();
  Ref<> n = Ref<>::steal(call(os, "write", {new_ref(fd.get()), bytes_from_cstr("hello")}));
  EXPECT_EQ(repr_steal(new_ref(n.get())), "5");
  Ref<> st = Ref<>::steal(call(os, "fstat", {new_ref(fd.get())}));
  ASSERT_TRUE(st) << error_text();
  EXPECT_EQ(repr_steal(object_getattr_string(st.get(), "st_size")), "5");
  ok = Ref<>::steal(call(os, "close", {new_ref(fd.get())}));
  fd = Ref<>::steal(call(os, "open", {S(file.c_str()), I(0)}));
  ASSERT_TRUE(fd) << error_text();
  Ref<> pos = Ref<>::steal(call(os, "lseek", {new_ref(fd.get()), I(1), I(0)}));
  EXPECT_EQ(repr_steal(new_ref(pos.get())), "1");
  EXPECT_EQ(repr_steal(call(os, "read", {new_ref(fd.get()), I(10)})), "b'ello'");
  ok = Ref<>::steal(call(os, "close", {new_ref(fd.get())}));
  st = Ref<>::steal(call(os, "stat", {S(file.c_str())}));
  ASSERT_TRUE(st) << error_text();
  EXPECT_EQ(repr_steal(object_getattr_string(st.get(), "st_mode")), std::to_string(0100644));
  // The float and integer times agree; st_mtime_ns is an int.
  Ref<> mt = Ref<>::steal(object_getattr_string(st.get(), "st_mtime"));
  Ref<> mtns = Ref<>::steal(object_getattr_string(st.get(), "st_mtime_ns"));
  EXPECT_TRUE(float_check(mt.get()));
  EXPECT_TRUE(long_check(mtns.get()));
  Ref<> ls = Ref<>::steal(call(os, "listdir", {S(dir.c_str())}));
  ASSERT_TRUE(ls) << error_text();
  ASSERT_EQ(list_sort(ls.get()), 0);
  EXPECT_EQ(repr_steal(new_ref(ls.get())), "['f.txt', 'sub']");
  Ref<> lsb = Ref<>::steal(call(os, "listdir", {bytes_from_cstr(dir.c_str())}));
  ASSERT_TRUE(lsb) << error_text();
  ASSERT_EQ(list_sort(lsb.get()), 0);
  EXPECT_EQ(repr_steal(new_ref(lsb.get())), "[b'f.txt', b'sub']");
  std::string file2 = dir + "/g.txt";
  ok = Ref<>::steal(call(os, "replace", {S(file.c_str()), S(file2.c_str())}));
  ASSERT_TRUE(ok) << error_text();
  EXPECT_EQ(repr_steal(call(os, "access", {S(file2.c_str()), I(0)})), "True");
  EXPECT_EQ(repr_steal(call(os, "access", {S(file.c_str()), I(0)})), "False");
  ok = Ref<>::steal(call(os, "chmod", {S(file2.c_str()), I(0600)}));
  ASSERT_TRUE(ok) << error_text();
  ok = Ref<>::steal(call(os, "utime", {S(file2.c_str())}, {{"ns", tup({I(1000000001), I(2000000002)})}}));
  ASSERT_TRUE(ok) << error_text();
  st = Ref<>::steal(call(os, "stat", {S(file2.c_str())}));
  EXPECT_EQ(repr_steal(tup({object_getattr_string(st.get(), "st_mode"),
                            object_getattr_string(st.get(), "st_atime_ns"),
                            object_getattr_string(st.get(), "st_mtime_ns")})),
            "(" + std::to_string(0100600) + ", 1000000001, 2000000002)");
  ok = Ref<>::steal(call(os, "unlink", {S(file2.c_str())}));
  ASSERT_TRUE(ok) << error_text();
  ok = Ref<>::steal(call(os, "rmdir", {S(sub.c_str())}));
  ASSERT_TRUE(ok) << error_text();
  ok = Ref<>::steal(call(os, "rmdir", {S(dir.c_str())}));
  ASSERT_TRUE(ok) << error_text();
  Ref<> cwd = Ref<>::steal(call(os, "getcwd", {}));
  EXPECT_TRUE(cwd && str_check(cwd.get()));
}

}  // namespace
}  // namespace modtest
