// _warnings (Python/_warnings.c): reference values from tests/data/coremods/expectations.txt.
// Without the Python warnings module the C implementation decides everything here.
#include "coremods_support.h"
#include "errors/errors.h"
#include "modules/_warnings/warnings.h"

namespace coretest {
namespace {

class CoreModsWarnings : public CoreModsTest {
 protected:
  void SetUp() override {
    CoreModsTest::SetUp();
    m_ = Ref<>::steal(import("_warnings"));
    ASSERT_TRUE(m_);
    filters_ = Ref<>::steal(attr(m_.get(), "filters"));
    ASSERT_TRUE(filters_);
  }
  Object* warn_explicit(std::initializer_list<Object*> args) {
    return call(m_.get(), "warn_explicit", args);
  }
  Object* exc(TypeObject* t) { return new_ref(reinterpret_cast<Object*>(t)); }
  Object* filter(Object* action, Object* msg, TypeObject* cat, Object* mod, long ln) {
    return T({action, msg, exc(cat), mod, I(ln)});
  }
  Ref<> m_, filters_;
};

TEST_F(CoreModsWarnings, Filters) {
  Object* f = filters_.get();
  EXPECT_EQ(repr_steal(new_ref(f)), refv("warnings.filters"));
  Ref<> ctxvar = Ref<>::steal(attr(m_.get(), "_warnings_context"));
  EXPECT_EQ(repr_steal(L({attr(m_.get(), "_defaultaction"), attr(m_.get(), "_onceregistry"),
                          attr(reinterpret_cast<Object*>(ctxvar->type), "__name__")})),
            refv("warnings.state"));
  Ref<> reg = Ref<>::steal(dict_new());
  Object* r = reg.get();
  Ref<> f0 = Ref<>::steal(filter(S("error"), None(), exc_UserWarning, None(), 0));
  ASSERT_EQ(list_insert(f, 0, f0.get()), 0);
  Ref<> inst = Ref<>::steal(call_obj(reinterpret_cast<Object*>(exc_UserWarning), {S("inst")}));
  EXPECT_EQ(repr_steal(L({E(warn_explicit({S("boom"), exc(exc_UserWarning), S("f.py"), I(3), S("m"), new_ref(r)})),
                          E(warn_explicit({new_ref(inst.get()), None(), S("f.py"), I(4), S("m"), new_ref(r)})),
                          E(call(m_.get(), "warn", {S("plain")})),
                          E(call(m_.get(), "warn", {S("plain"), exc(exc_RuntimeWarning), I(1)}))})),
            refv("warnings.error"));
  auto set0 = [&](Object* item) {
    list_set_item(f, 0, item);  // steals
  };
  set0(filter(S("ignore"), None(), exc_Warning, None(), 0));
  EXPECT_EQ(repr_steal(L({warn_explicit({S("q"), exc(exc_UserWarning), S("f.py"), I(3), S("m"), new_ref(r)}),
                          new_ref(r)})),
            refv("warnings.ignore"));
  set0(filter(S("bogus"), None(), exc_Warning, None(), 0));
  EXPECT_EQ(repr_steal(L({E(warn_explicit({S("q"), exc(exc_UserWarning), S("f.py"), I(3), S("m"), None()}))})),
            refv("warnings.bogus"));
  set0(filter(S("error"), S("abc"), exc_Warning, S("mod"), 7));
  EXPECT_EQ(repr_steal(L({E(warn_explicit({S("abc"), exc(exc_UserWarning), S("f.py"), I(7), S("mod")})),
                          B(etext(warn_explicit({S("abd"), exc(exc_UserWarning), S("f.py"), I(7), S("mod")})) == "None"),
                          B(etext(warn_explicit({S("abc"), exc(exc_UserWarning), S("f.py"), I(8), S("mod")})) == "None")})),
            refv("warnings.match"));
  set0(filter(S("error"), None(), exc_Warning, S("mod"), 0));
  Ref<> f1 = Ref<>::steal(filter(S("error"), None(), exc_Warning, S("<unknown>"), 0));
  ASSERT_EQ(list_insert(f, 1, f1.get()), 0);
  EXPECT_EQ(repr_steal(L({E(warn_explicit({S("n1"), exc(exc_UserWarning), S("mod.py"), I(1)})),
                          E(warn_explicit({S("n2"), exc(exc_UserWarning), S(""), I(1)})),
                          E(warn_explicit({S("n3"), exc(exc_UserWarning), S("mod.pyc"), I(1), None()}))})),
            refv("warnings.normalize"));
  ASSERT_EQ(list_set_slice(f, 1, 2, nullptr), 0);
  set0(I(5));
  EXPECT_EQ(repr_steal(L({E(warn_explicit({S("x"), exc(exc_UserWarning), S("f.py"), I(1), S("m")}))})),
            refv("warnings.badfilter"));
  set0(filter(I(1), None(), exc_Warning, None(), 0));
  EXPECT_EQ(repr_steal(L({E(warn_explicit({S("x"), exc(exc_UserWarning), S("f.py"), I(1), S("m")}))})),
            refv("warnings.badaction"));
  ASSERT_EQ(list_set_slice(f, 0, 1, nullptr), 0);

  EXPECT_EQ(repr_steal(L({E(call(m_.get(), "warn", {S("x"), I(1)})),
                          E(call(m_.get(), "warn", {S("x"), new_ref(reinterpret_cast<Object*>(&long_type))})),
                          E(call(m_.get(), "warn", {S("x"), exc(exc_UserWarning), S("a")})),
                          E(call(m_.get(), "warn", {})),
                          E(call(m_.get(), "warn", {S("x")}, {{"skip_file_prefixes", list_new(0)}})),
                          E(call(m_.get(), "warn", {S("x")}, {{"skip_file_prefixes", T({I(1)})}})),
                          E(warn_explicit({S("x"), exc(exc_UserWarning), I(1), I(1)})),
                          E(warn_explicit({S("x"), exc(exc_UserWarning), S("f"), I(1), S("m"), I(5)})),
                          E(warn_explicit({S("x"), exc(exc_UserWarning), S("f"), I(1), S("m"), None(), I(5)})),
                          E(warn_explicit({S("x"), exc(exc_UserWarning), S("f"), I(1), None()})),
                          E(call(m_.get(), "_filters_mutated_lock_held", {})),
                          E(call(m_.get(), "_release_lock", {})), call(m_.get(), "_acquire_lock", {}),
                          call(m_.get(), "_filters_mutated_lock_held", {}), call(m_.get(), "_release_lock", {})})),
            refv("warnings.args"));
}

TEST_F(CoreModsWarnings, RuntimeWarnCall) {
  // The C-level call of the runtime follows the filters: an "error" filter makes it raise.
  Object* f = filters_.get();
  Ref<> f0 = Ref<>::steal(filter(S("error"), None(), exc_SyntaxWarning, None(), 0));
  ASSERT_EQ(list_insert(f, 0, f0.get()), 0);
  Ref<> msg = Ref<>::steal(S("invalid escape sequence '\\d'"));
  EXPECT_EQ(cppy::errors::warn(exc_SyntaxWarning, msg.get(), 1), -1);
  EXPECT_EQ(error_text(), "SyntaxWarning: invalid escape sequence '\\d'");
  EXPECT_EQ(cppy::errors::warn_format(exc_SyntaxWarning, 1, "%s %d", "a", 5), -1);
  EXPECT_EQ(error_text(), "SyntaxWarning: a 5");
  list_set_item(f, 0, filter(S("ignore"), None(), exc_Warning, None(), 0));
  EXPECT_EQ(cppy::errors::warn_ex(exc_DeprecationWarning, "quiet", 1), 0);
  EXPECT_EQ(cppy::errors::resource_warning(nullptr, 1, "unclosed %s", "file"), 0);
  ASSERT_EQ(list_set_slice(f, 0, 1, nullptr), 0);
}

}  // namespace
}  // namespace coretest
