// atexit, _stat, _string, _abc and the registration of gc and _weakref: reference values from
// tests/data/coremods/expectations.txt (tools/coremods/probe_coremods.py).
#include <vector>

#include "coremods_support.h"
#include "modules/atexit/atexitmodule.h"
#include "objects/floatobject.h"
#include "objects/setobject.h"

namespace coretest {
namespace {

class CoreModsMisc : public CoreModsTest {};

TEST_F(CoreModsMisc, Atexit) {
  Ref<> m = Ref<>::steal(import("atexit"));
  ASSERT_TRUE(m);
  Ref<> cleared = Ref<>::steal(call(m.get(), "_clear", {}));
  Ref<> calls = Ref<>::steal(list_new(0));
  Ref<> append = Ref<>::steal(attr(calls.get(), "append"));
  Ref<> extend = Ref<>::steal(attr(calls.get(), "extend"));
  EXPECT_EQ(repr_steal(L({E(call(m.get(), "register", {})), E(call(m.get(), "register", {I(1)})),
                          E(call(m.get(), "unregister", {}))})),
            refv("atexit.errors"));
  Ref<> r1 = Ref<>::steal(call(m.get(), "register", {new_ref(append.get()), S("first")}));
  Ref<> r2 = Ref<>::steal(call(m.get(), "register", {new_ref(append.get()), S("second")}));
  Ref<> r3 = Ref<>::steal(call(m.get(), "register", {new_ref(extend.get()), L({S("x")})}));
  Ref<> r4 = Ref<>::steal(call(m.get(), "register", {new_ref(append.get()), S("third")}));
  ASSERT_TRUE(r1 && r2 && r3 && r4) << error_text();
  Ref<> n1 = Ref<>::steal(call(m.get(), "_ncallbacks", {}));
  Ref<> un = Ref<>::steal(call(m.get(), "unregister", {new_ref(extend.get())}));
  Ref<> n2 = Ref<>::steal(call(m.get(), "_ncallbacks", {}));
  Ref<> run = Ref<>::steal(call(m.get(), "_run_exitfuncs", {}));
  EXPECT_EQ(repr_steal(L({new_ref(n1.get()), new_ref(n2.get()), new_ref(calls.get()),
                          call(m.get(), "_ncallbacks", {}),
                          B(Ref<>::steal(call(m.get(), "register", {new_ref(append.get()), I(1)})).get() != nullptr),
                          call(m.get(), "_clear", {}), call(m.get(), "_ncallbacks", {})})),
            refv("atexit.run"));
  // The shutdown entry point runs what is registered without the module object.
  Ref<> r5 = Ref<>::steal(call(m.get(), "register", {new_ref(append.get()), S("at exit")}));
  EXPECT_EQ(cppy::modules::atexit::ncallbacks(), 1);
  cppy::modules::atexit::run_exitfuncs();
  EXPECT_EQ(cppy::modules::atexit::ncallbacks(), 0);
  EXPECT_EQ(repr_steal(list_get_slice(calls.get(), 3, 4)), "['at exit']");
}

TEST_F(CoreModsMisc, Stat) {
  Ref<> m = Ref<>::steal(import("_stat"));
  ASSERT_TRUE(m);
  // {k: getattr(_stat, k) for k in sorted(dir(_stat)) if k.isupper() and k != "SF_SETTABLE"}
  Ref<> names = Ref<>::steal(object_dir(m.get()));
  ASSERT_TRUE(names) << error_text();
  Ref<> consts = Ref<>::steal(dict_new());
  for (ssize i = 0; i < list_size(names.get()); ++i) {
    Object* n = list_item(names.get(), i);
    std::string s = objtest::to_std(n);
    bool upper = false, lower = false;
    for (char c : s) {
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    if (!upper || lower || s == "SF_SETTABLE") continue;
    Ref<> v = Ref<>::steal(object_getattr(m.get(), n));
    dict_set_item(consts.get(), n, v.get());
  }
  EXPECT_EQ(repr_steal(new_ref(consts.get())), refv("stat.consts"));
  Ref<> settable = Ref<>::steal(attr(m.get(), "SF_SETTABLE"));
  EXPECT_EQ(repr_steal(new_ref(settable.get())), "4294901760");  // 0xffff0000 as a 64-bit long
  const long modes[] = {0100644, 040755, 0120777, 020666, 060660, 010644, 0140755, 04755,
                        02755, 01777, 06644, 03644, 0, 0777, 0170000};
  Ref<> fm = Ref<>::steal(list_new(0));
  Ref<> funcs = Ref<>::steal(list_new(0));
  for (long mode : modes) {
    Ref<> s = Ref<>::steal(call(m.get(), "filemode", {I(mode)}));
    list_append(fm.get(), s.get());
    Ref<> row = Ref<>::steal(list_new(0));
    for (const char* f : {"S_ISDIR", "S_ISREG", "S_ISLNK", "S_ISCHR", "S_ISBLK", "S_ISFIFO", "S_ISSOCK",
                          "S_ISDOOR", "S_ISPORT", "S_ISWHT", "S_IMODE", "S_IFMT"}) {
      Ref<> v = Ref<>::steal(E(call(m.get(), f, {I(mode)})));
      Ref<> val = Ref<>::steal(call(m.get(), f, {I(mode)}));
      list_append(row.get(), val ? val.get() : v.get());
    }
    list_append(funcs.get(), row.get());
  }
  EXPECT_EQ(repr_steal(new_ref(fm.get())), refv("stat.filemode"));
  EXPECT_EQ(repr_steal(new_ref(funcs.get())), refv("stat.funcs"));
  EXPECT_EQ(repr_steal(L({E(call(m.get(), "S_ISDIR", {S("x")})), E(call(m.get(), "S_ISDIR", {I(-1)})),
                          E(call(m.get(), "S_ISDIR", {float_from_double(1.5)})), E(call(m.get(), "S_ISDIR", {})),
                          E(call(m.get(), "filemode", {S("x")}))})),
            refv("stat.errors"));
  // 64-bit limits (host CPython's messages).
  Ref<> big40 = Ref<>::steal(call(I(2), "__pow__", {I(40)}));
  Ref<> big64 = Ref<>::steal(call(I(2), "__pow__", {I(64)}));
  EXPECT_EQ(repr_steal(L({E(call(m.get(), "S_ISDIR", {new_ref(big40.get())})),
                          E(call(m.get(), "filemode", {new_ref(big64.get())}))})),
            "['OverflowError: mode out of range', 'OverflowError: Python int too large to convert to C "
            "unsigned long']");
}

TEST_F(CoreModsMisc, String) {
  Ref<> m = Ref<>::steal(import("_string"));
  ASSERT_TRUE(m);
  Ref<> parsed = Ref<>::steal(list_new(0));
  for (const char* s : {"a{b!r:>{w}}c{{}}{0.x[1]}{}d}}", "", "{", "x}", "{a:}", "{!}", "{a!", "{a!rx}",
                        "{a", "plain", "{:{}}"}) {
    Ref<> it = Ref<>::steal(call(m.get(), "formatter_parser", {S(s)}));
    Ref<> e = Ref<>::steal(E(it ? sequence_list(it.get()) : nullptr));
    list_append(parsed.get(), e.get());
  }
  Ref<> bad = Ref<>::steal(E(call(m.get(), "formatter_parser", {I(1)})));
  list_append(parsed.get(), bad.get());
  EXPECT_EQ(repr_steal(new_ref(parsed.get())), refv("string.parser"));
  Ref<> split = Ref<>::steal(list_new(0));
  for (const char* s : {"a.b[0][c].d", "3[x]", "", "a[", "a.", "a]x", "0", "x[1]y"}) {
    Ref<> r = Ref<>::steal(call(m.get(), "formatter_field_name_split", {S(s)}));
    Object* v = nullptr;
    if (r) {
      Ref<> rest = Ref<>::steal(sequence_list(tuple_item(r.get(), 1)));
      v = rest ? T({new_ref(tuple_item(r.get(), 0)), rest.release()}) : nullptr;
    }
    Ref<> e = Ref<>::steal(E(v));
    list_append(split.get(), e.get());
  }
  Ref<> bad2 = Ref<>::steal(E(call(m.get(), "formatter_field_name_split", {I(1)})));
  list_append(split.get(), bad2.get());
  EXPECT_EQ(repr_steal(new_ref(split.get())), refv("string.split"));
}

// type(name, bases, ns) with ns given as (key, value) pairs (values stolen).
Object* make_type(const char* name, std::initializer_list<Object*> bases,
                  std::initializer_list<std::pair<const char*, Object*>> ns) {
  Ref<> d = Ref<>::steal(dict_new());
  for (auto& [k, v] : ns) {
    dict_set_item_string(d.get(), k, v);
    decref(v);
  }
  Ref<> args = Ref<>::steal(T({S(name), T(bases), new_ref(d.get())}));
  return object_call(reinterpret_cast<Object*>(&Type_Type), args.get(), nullptr);
}

// [len(x) if isinstance(x, set) else f(x) for x in _get_dump(cls)]
Object* dump_summary(Object* m, Object* cls, Object* (*last)(Object*)) {
  Ref<> dump = Ref<>::steal(call(m, "_get_dump", {new_ref(cls)}));
  if (!dump) return nullptr;
  Object* l = list_new(0);
  for (ssize i = 0; i < tuple_size(dump.get()); ++i) {
    Object* x = tuple_item(dump.get(), i);
    Ref<> v = Ref<>::steal(set_check(x) ? long_from_ssize(set_size(x)) : last(x));
    list_append(l, v.get());
  }
  return l;
}

unsigned long long token_base = 0;
Object* token_eq(Object* x) {
  return B(static_cast<unsigned long long>(long_as_long(x)) == token_base);
}
Object* token_diff(Object* x) {
  return long_from_long(static_cast<long>(long_as_long(x) - token_base));
}
Object* zero(Object*) { return I(0); }

TEST_F(CoreModsMisc, Abc) {
  Ref<> m = Ref<>::steal(import("_abc"));
  ASSERT_TRUE(m);
  Ref<> M = Ref<>::steal(make_type("M", {}, {{"__isabstractmethod__", B(true)}}));
  ASSERT_TRUE(M) << error_text();
  Ref<> A = Ref<>::steal(make_type("A", {}, {{"f", call_obj(M.get(), {})}, {"g", I(1)}, {"h", call_obj(M.get(), {})}}));
  ASSERT_TRUE(A) << error_text();
  Ref<> r = Ref<>::steal(call(m.get(), "_abc_init", {new_ref(A.get())}));
  ASSERT_TRUE(r) << error_text();
  Ref<> Bc = Ref<>::steal(make_type("B", {new_ref(A.get())}, {{"h", I(2)}}));
  r = Ref<>::steal(call(m.get(), "_abc_init", {new_ref(Bc.get())}));
  ASSERT_TRUE(r) << error_text();
  Ref<> tok = Ref<>::steal(call(m.get(), "get_cache_token", {}));
  token_base = long_as_long(tok.get());
  Ref<> impl = Ref<>::steal(attr(A.get(), "_abc_impl"));
  Ref<> am_a = Ref<>::steal(attr(A.get(), "__abstractmethods__"));
  Ref<> am_b = Ref<>::steal(attr(Bc.get(), "__abstractmethods__"));
  Ref<> sa = Ref<>::steal(sequence_list(am_a.get()));
  Ref<> sb = Ref<>::steal(sequence_list(am_b.get()));
  list_sort(sa.get());
  list_sort(sb.get());
  EXPECT_EQ(repr_steal(L({new_ref(sa.get()), new_ref(sb.get()),
                          attr(reinterpret_cast<Object*>(impl->type), "__name__"),
                          dump_summary(m.get(), A.get(), token_eq)})),
            refv("abc.init"));
  Object* int_t = reinterpret_cast<Object*>(&long_type);
  Object* bool_t = reinterpret_cast<Object*>(&bool_type);
  Object* str_t = reinterpret_cast<Object*>(&str_type);
  Ref<> reg = Ref<>::steal(call(m.get(), "_abc_register", {new_ref(A.get()), new_ref(int_t)}));
  ASSERT_TRUE(reg) << error_text();
  Ref<> tok2 = Ref<>::steal(call(m.get(), "get_cache_token", {}));
  Ref<> cycle = Ref<>::steal(E(call(m.get(), "_abc_register", {new_ref(Bc.get()), new_ref(A.get())})));
  Ref<> a_repr = Ref<>::steal(object_repr(A.get()));
  EXPECT_EQ(repr_steal(L({B(reg.get() == int_t),
                          long_from_long(static_cast<long>(long_as_long(tok2.get()) - token_base)),
                          call(m.get(), "_abc_subclasscheck", {new_ref(A.get()), new_ref(int_t)}),
                          call(m.get(), "_abc_subclasscheck", {new_ref(A.get()), new_ref(bool_t)}),
                          call(m.get(), "_abc_subclasscheck", {new_ref(A.get()), new_ref(str_t)}),
                          call(m.get(), "_abc_subclasscheck", {new_ref(A.get()), new_ref(Bc.get())}),
                          dump_summary(m.get(), A.get(), token_diff),
                          E(call(m.get(), "_abc_register", {new_ref(A.get()), I(1)})), S(""),
                          E(call(m.get(), "_abc_subclasscheck", {new_ref(A.get()), I(1)})),
                          E(call(m.get(), "_abc_subclasscheck", {new_ref(int_t), new_ref(int_t)})),
                          B(object_rich_compare_bool(cycle.get(), a_repr.get(), kEQ) == 1)})),
            refv("abc.register"));
  EXPECT_EQ(repr_steal(L({call(m.get(), "_reset_caches", {new_ref(A.get())}), dump_summary(m.get(), A.get(), zero),
                          call(m.get(), "_reset_registry", {new_ref(A.get())}),
                          dump_summary(m.get(), A.get(), zero),
                          call(m.get(), "_abc_subclasscheck", {new_ref(A.get()), new_ref(int_t)})})),
            refv("abc.reset"));
  Ref<> C = Ref<>::steal(make_type("C", {}, {{"__abc_tpflags__", I(1 << 5)}}));
  r = Ref<>::steal(call(m.get(), "_abc_init", {new_ref(C.get())}));
  ASSERT_TRUE(r) << error_text();
  Ref<> D = Ref<>::steal(make_type("D", {}, {{"__abc_tpflags__", I(3 << 5)}}));
  Ref<> cdict = Ref<>::steal(attr(C.get(), "__dict__"));
  Ref<> key = Ref<>::steal(S("__abc_tpflags__"));
  EXPECT_EQ(repr_steal(L({B(static_cast<TypeObject*>(C.get())->flags & (1UL << 5)),
                          B(sequence_contains(cdict.get(), key.get()) == 1),
                          E(call(m.get(), "_abc_init", {new_ref(D.get())}))})),
            refv("abc.flags"));
}

TEST_F(CoreModsMisc, GcAndWeakrefRegistered) {
  for (const char* name : {"gc", "_weakref"}) {
    Ref<> m = Ref<>::steal(import(name));
    ASSERT_TRUE(m);
    Ref<> names = Ref<>::steal(object_dir(m.get()));
    Ref<> kept = Ref<>::steal(list_new(0));
    for (ssize i = 0; i < list_size(names.get()); ++i) {
      Object* n = list_item(names.get(), i);
      if (objtest::to_std(n).rfind("__", 0) != 0) list_append(kept.get(), n);
    }
    list_sort(kept.get());
    EXPECT_EQ(repr_steal(new_ref(kept.get())), refv(std::string(name == std::string("gc") ? "gc" : "weakref") + ".names"));
  }
}

}  // namespace
}  // namespace coretest
