// _thread (Modules/_threadmodule.c): reference values from tests/data/coremods/expectations.txt,
// and real threads started under the GIL.
#include <chrono>
#include <cmath>
#include <thread>

#include "coremods_support.h"
#include "objects/floatobject.h"
#include "runtime/thread.h"
#include "vm/ceval_gil.h"

namespace coretest {
namespace {

class CoreModsThread : public CoreModsTest {
 protected:
  void SetUp() override {
    CoreModsTest::SetUp();
    m_ = Ref<>::steal(import("_thread"));
    ASSERT_TRUE(m_);
  }
  Object* fn(const char* name, std::initializer_list<Object*> args = {},
             std::initializer_list<std::pair<const char*, Object*>> kwargs = {}) {
    return call(m_.get(), name, args, kwargs);
  }
  std::string ident() { return std::to_string(cppy::runtime::get_thread_ident()); }
  Ref<> m_;
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

TEST_F(CoreModsThread, Lock) {
  Ref<> lk = Ref<>::steal(fn("allocate_lock"));
  ASSERT_TRUE(lk) << error_text();
  Object* l = lk.get();
  std::string r = strip(repr_steal(object_repr(l)));
  EXPECT_EQ(r.substr(1, r.find(" at ") - 1), refv("thread.lock_repr"));
  Ref<> big = Ref<>::steal(call(I(2), "__pow__", {I(70)}));
  EXPECT_EQ(repr_steal(L({E(call(l, "acquire", {B(false), I(1)})), E(call(l, "acquire", {B(true), I(-2)})),
                          E(call(l, "acquire", {B(true), float_from_double(1e300)})),
                          E(call(l, "acquire", {}, {{"timeout", S("x")}})),
                          E(call(l, "acquire", {I(1), I(2), I(3)})),
                          E(call(l, "acquire", {B(true), new_ref(big.get())})),
                          E(call(l, "acquire", {B(true), float_from_double(std::nan(""))})),
                          E(call(l, "acquire", {}, {{"foo", I(1)}}))})),
            refv("thread.lock_errors"));
  EXPECT_EQ(repr_steal(L({call(l, "acquire", {I(0)}), call(l, "locked", {}), call(l, "acquire", {B(false)}),
                          call(l, "acquire", {B(true), float_from_double(0.01)}), call(l, "release", {}),
                          E(call(l, "release", {})),
                          call(l, "acquire", {}, {{"blocking", B(true)}, {"timeout", I(-1)}}),
                          call(l, "__exit__", {None(), None(), None()}), call(l, "locked", {}),
                          call(l, "__enter__", {}), call(l, "locked", {}), call(l, "release", {})})),
            refv("thread.lock_ops"));
  Ref<> lock_type = Ref<>::steal(attr(m_.get(), "LockType"));
  Ref<> lock_alias = Ref<>::steal(attr(m_.get(), "lock"));
  std::string fresh = repr_steal(fn("lock"));
  EXPECT_EQ(repr_steal(L({B(reinterpret_cast<Object*>(l->type) == lock_type.get()),
                          B(lock_type.get() == lock_alias.get()), E(fn("lock", {I(1)})),
                          E(fn("lock", {}, {{"x", I(1)}})), Str(fresh.substr(0, 25))})),
            refv("thread.lock_type"));
}

TEST_F(CoreModsThread, RLock) {
  Ref<> rl = Ref<>::steal(fn("RLock"));
  ASSERT_TRUE(rl) << error_text();
  Object* R = rl.get();
  std::string got = strip(repr_steal(L({object_repr(R), E(call(R, "release", {})), call(R, "acquire", {}),
                                        call(R, "acquire", {}), call(R, "_is_owned", {}),
                                        call(R, "_recursion_count", {}), call(R, "locked", {})})));
  EXPECT_EQ(replace_all(got, ident(), "ID"), refv("thread.rlock"));
  Ref<> state = Ref<>::steal(call(R, "_release_save", {}));
  ASSERT_TRUE(state) << error_text();
  Ref<> me = Ref<>::steal(fn("get_ident"));
  Ref<> expected_state = Ref<>::steal(T({I(2), new_ref(me.get())}));
  EXPECT_EQ(strip(repr_steal(L({B(object_rich_compare_bool(state.get(), expected_state.get(), kEQ) == 1),
                                call(R, "locked", {}), E(call(R, "_release_save", {})),
                                call(R, "_acquire_restore", {T({I(3), new_ref(me.get())})}),
                                call(R, "_recursion_count", {}), E(call(R, "_acquire_restore", {I(1)})),
                                E(call(R, "_acquire_restore", {T({I(1)})})), call(R, "release", {}),
                                call(R, "release", {}), call(R, "release", {}), call(R, "locked", {}),
                                Str(strip(etext(fn("RLock", {I(1)}, {{"x", I(2)}}))))}))),
            refv("thread.rlock2"));
}

TEST_F(CoreModsThread, ModuleFunctions) {
  Ref<> big = Ref<>::steal(I(1 << 20));
  EXPECT_EQ(repr_steal(L({attr(m_.get(), "TIMEOUT_MAX"), attr(m_.get(), "error"), fn("_count"),
                          fn("daemon_threads_allowed"), E(fn("stack_size", {I(1)})), E(fn("stack_size", {I(-1)})),
                          fn("stack_size", {new_ref(big.get())}), fn("stack_size"), fn("stack_size", {I(0)}),
                          E(fn("stack_size", {I(1), I(2)})), E(fn("allocate", {I(1)})), E(fn("exit")),
                          fn("_is_main_interpreter"),
                          object_rich_compare(Ref<>::steal(fn("_get_main_thread_ident")).get(),
                                              Ref<>::steal(fn("get_ident")).get(), kEQ)})),
            refv("thread.module"));
  Ref<> me = Ref<>::steal(fn("get_ident"));
  Ref<> h = Ref<>::steal(fn("_make_thread_handle", {new_ref(me.get())}));
  Ref<> h2 = Ref<>::steal(fn("_ThreadHandle"));
  ASSERT_TRUE(h && h2) << error_text();
  // Any callable will do where the probe passes print.
  Ref<> print = Ref<>::borrow(reinterpret_cast<Object*>(&long_type));
  EXPECT_EQ(repr_steal(L({call(h.get(), "is_done", {}),
                          object_rich_compare(Ref<>::steal(attr(h.get(), "ident")).get(), me.get(), kEQ),
                          E(call(h.get(), "join", {I(0)})), object_repr(h2.get()), E(call(h2.get(), "join", {})),
                          E(call(h2.get(), "_set_done", {})), call(h2.get(), "is_done", {}),
                          E(call(h2.get(), "join", {S("x")})), E(fn("start_new_thread", {I(1), T({})})),
                          E(fn("start_new_thread", {new_ref(print.get()), I(1)})),
                          E(fn("start_new_thread", {new_ref(print.get()), T({}), I(1)})),
                          E(fn("start_joinable_thread", {I(1)})),
                          E(fn("start_joinable_thread", {new_ref(print.get())}, {{"handle", I(1)}}))})),
            refv("thread.handle"));
  Ref<> eh = Ref<>::steal(attr(m_.get(), "_ExceptHookArgs"));
  Ref<> exit_type = Ref<>::borrow(reinterpret_cast<Object*>(exc_SystemExit));
  EXPECT_EQ(repr_steal(L({object_repr(Ref<>::steal(call_obj(eh.get(), {T({I(1), I(2), I(3), I(4)})})).get()),
                          E(fn("_excepthook", {I(1)})),
                          fn("_excepthook", {call_obj(eh.get(), {T({new_ref(exit_type.get()),
                                                                    call_obj(exit_type.get(), {}), None(),
                                                                    None()})})})})),
            refv("thread.excepthook"));
  Ref<> local_type = Ref<>::steal(attr(m_.get(), "_local"));
  Ref<> loc = Ref<>::steal(call_obj(local_type.get(), {}));
  ASSERT_TRUE(loc) << error_text();
  ASSERT_EQ(object_setattr_string(loc.get(), "x", Ref<>::steal(I(1)).get()), 0);
  Ref<> dict_name = Ref<>::steal(S("__dict__"));
  Ref<> y = Ref<>::steal(S("y"));
  Ref<> empty_dict = Ref<>::steal(dict_new());
  EXPECT_EQ(repr_steal(L({attr(loc.get(), "x"), attr(loc.get(), "__dict__"),
                          object_setattr(loc.get(), dict_name.get(), empty_dict.get()) < 0 ? E(nullptr) : None(),
                          E(object_getattr(loc.get(), y.get())),
                          object_setattr(loc.get(), y.get(), nullptr) < 0 ? E(nullptr) : None(),
                          E(call_obj(local_type.get(), {I(1)})), attr(local_type.get(), "__doc__")})),
            refv("thread.local"));
}

// Waits (with the GIL released) until _count() is back to zero.
void wait_for_threads(Object* m) {
  for (int i = 0; i < 2000; ++i) {
    Ref<> n = Ref<>::steal(call(m, "_count", {}));
    if (n && long_as_long(n.get()) == 0) return;
    cppy::vm::AllowThreads allow;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ADD_FAILURE() << "threads did not finish";
}

TEST_F(CoreModsThread, StartThreads) {
  // start_new_thread: list.append(5) runs on another thread.
  Ref<> lst = Ref<>::steal(list_new(0));
  Ref<> append = Ref<>::steal(attr(lst.get(), "append"));
  Ref<> ident = Ref<>::steal(fn("start_new_thread", {new_ref(append.get()), T({I(5)})}));
  ASSERT_TRUE(ident) << error_text();
  wait_for_threads(m_.get());
  EXPECT_EQ(repr_steal(new_ref(lst.get())), "[5]");
  // start_joinable_thread + join: the handle is done afterwards.
  Ref<> clear_fn = Ref<>::steal(attr(lst.get(), "clear"));
  Ref<> handle = Ref<>::steal(fn("start_joinable_thread", {new_ref(clear_fn.get())}));
  ASSERT_TRUE(handle) << error_text();
  Ref<> joined = Ref<>::steal(call(handle.get(), "join", {}));
  ASSERT_TRUE(joined) << error_text();
  EXPECT_EQ(repr_steal(T({call(handle.get(), "is_done", {}), new_ref(lst.get())})), "(True, [])");
  Ref<> other = Ref<>::steal(attr(handle.get(), "ident"));
  Ref<> me = Ref<>::steal(fn("get_ident"));
  EXPECT_EQ(object_rich_compare_bool(other.get(), me.get(), kNE), 1);
  // An RLock acquired by another thread is not ours to release.
  Ref<> rl = Ref<>::steal(fn("RLock"));
  Ref<> acquire = Ref<>::steal(attr(rl.get(), "acquire"));
  Ref<> h2 = Ref<>::steal(fn("start_joinable_thread", {new_ref(acquire.get())}));
  ASSERT_TRUE(h2) << error_text();
  Ref<> j2 = Ref<>::steal(call(h2.get(), "join", {float_from_double(5.0)}));
  ASSERT_TRUE(j2) << error_text();
  EXPECT_EQ(repr_steal(L({E(call(rl.get(), "release", {})), call(rl.get(), "acquire", {B(false)}),
                          call(rl.get(), "locked", {}), call(rl.get(), "_is_owned", {})})),
            "['RuntimeError: cannot release un-acquired lock', False, True, False]");
  // A lock released by another thread wakes a blocked acquire (the GIL is released while
  // waiting).
  Ref<> lk = Ref<>::steal(fn("allocate_lock"));
  Ref<> got = Ref<>::steal(call(lk.get(), "acquire", {}));
  Ref<> release = Ref<>::steal(attr(lk.get(), "release"));
  Ref<> h3 = Ref<>::steal(fn("start_joinable_thread", {new_ref(release.get())}));
  ASSERT_TRUE(h3) << error_text();
  EXPECT_EQ(repr_steal(call(lk.get(), "acquire", {B(true), float_from_double(5.0)})), "True");
  Ref<> j3 = Ref<>::steal(call(h3.get(), "join", {}));
  EXPECT_TRUE(j3) << error_text();
  // Non-daemon threads are what _shutdown waits for.
  Ref<> h4 = Ref<>::steal(fn("start_joinable_thread", {new_ref(clear_fn.get())}, {{"daemon", B(false)}}));
  ASSERT_TRUE(h4) << error_text();
  Ref<> sd = Ref<>::steal(fn("_shutdown"));
  ASSERT_TRUE(sd) << error_text();
  EXPECT_EQ(repr_steal(call(h4.get(), "is_done", {})), "True");
  wait_for_threads(m_.get());
}

}  // namespace
}  // namespace coretest
