// _contextvars and the HAMT (Python/context.c, Python/hamt.c): reference values from
// tests/data/coremods/expectations.txt (tools/coremods/probe_*.py); each block mirrors the
// probe's expression of the same key.
#include <utility>
#include <vector>

#include "coremods_support.h"
#include "objects/context.h"
#include "objects/hamt.h"
#include "runtime/pystate.h"

namespace coretest {
namespace {

using Ops = std::vector<std::pair<char, long>>;

// hamt_case of probe_hamt.py.
std::string hamt_case(const Ops& ops) {
  if (init_context_types() < 0) return error_text();
  Ref<> h = Ref<>::steal(hamt_new());
  for (auto [op, k] : ops) {
    h = Ref<>::steal(op == 's' ? call(h.get(), "set", {I(k), I(k * 10)})
                               : call(h.get(), "delete", {I(k)}));
    if (!h) return error_text();
  }
  Ref<> keys = Ref<>::steal(sequence_list(h.get()));
  Ref<> values_it = Ref<>::steal(call(h.get(), "values", {}));
  Ref<> values = Ref<>::steal(values_it ? sequence_list(values_it.get()) : nullptr);
  if (!keys || !values) return error_text();
  Ref<> first3 = Ref<>::steal(list_get_slice(values.get(), 0, 3));
  return repr_steal(T({long_from_ssize(object_length(h.get())), new_ref(keys.get()),
                       new_ref(first3.get()), call(h.get(), "get", {I(ops[0].second)})}));
}

Ops many40() {
  Ops ops;
  for (long k = 0; k < 40; ++k) ops.push_back({'s', (k * 2654435761L) % (1L << 30)});
  return ops;
}

class CoreModsHamt : public CoreModsTest {};

TEST_F(CoreModsHamt, IterationOrder) {
  Ops small;
  for (long k : {5L, 37L, 69L, 101L, 1L, 33L, 2L, (1L << 30) | 5, (1L << 25) + 3, 3L})
    small.push_back({'s', k});
  EXPECT_EQ(hamt_case(small), refv("hamt.small"));
  EXPECT_EQ(hamt_case({{'s', -1}, {'s', -2}, {'s', 7}, {'s', 39}, {'d', -1}, {'s', -1}}),
            refv("hamt.collide"));
  EXPECT_EQ(hamt_case(many40()), refv("hamt.many40"));
  Ops del = many40();
  for (long k = 0; k < 40; k += 3) del.push_back({'d', (k * 2654435761L) % (1L << 30)});
  EXPECT_EQ(hamt_case(del), refv("hamt.many40_del"));
  Ops deep, deep_del;
  for (long k = 0; k < 32; ++k) deep.push_back({'s', k << 25 | 7});
  deep_del = deep;
  for (long k = 1; k < 20; ++k) deep.push_back({'s', k << 20 | 7});
  for (long k = 0; k < 32; k += 2) deep_del.push_back({'d', k << 25 | 7});
  EXPECT_EQ(hamt_case(deep), refv("hamt.deep"));
  EXPECT_EQ(hamt_case(deep_del), refv("hamt.deep_del"));
  Ops wide;
  for (long k = 0; k < 200; ++k) wide.push_back({'s', k});
  for (long k = 0; k < 200; k += 7) wide.push_back({'d', k});
  EXPECT_EQ(hamt_case(wide), refv("hamt.wide"));
}

TEST_F(CoreModsHamt, EqualityAndErrors) {
  ASSERT_EQ(init_context_types(), 0);
  auto h = [] { return static_cast<Object*>(hamt_new()); };
  auto set = [](Object* o, long k, long v) {
    Object* r = call(o, "set", {I(k), I(v)});
    decref(o);
    return r;
  };
  Ref<> a = Ref<>::steal(set(h(), 1, 2)), b = Ref<>::steal(set(h(), 1, 2)),
        c = Ref<>::steal(set(h(), 1, 3));
  Ref<> d = Ref<>::steal(call(a.get(), "delete", {I(1)}));
  Ref<> empty = Ref<>::steal(h());
  EXPECT_EQ(repr_steal(T({object_rich_compare(a.get(), b.get(), kEQ),
                          object_rich_compare(a.get(), c.get(), kEQ),
                          object_rich_compare(d.get(), empty.get(), kEQ)})),
            refv("hamt.eq"));
  std::string deleted = strip(repr_steal(call(empty.get(), "delete", {I(1)})));
  EXPECT_EQ(repr_steal(L({Str(deleted), E(object_get_item(empty.get(), Ref<>::steal(I(5)).get())),
                          E(call(empty.get(), "set", {list_new(0), I(1)}))})),
            refv("hamt.errors"));
}

class CoreModsContextVars : public CoreModsTest {
 protected:
  void SetUp() override {
    CoreModsTest::SetUp();
    m_ = Ref<>::steal(import("_contextvars"));
    ASSERT_TRUE(m_);
    cv_ = Ref<>::steal(attr(m_.get(), "ContextVar"));
    ctx_type_ = Ref<>::steal(attr(m_.get(), "Context"));
    token_ = Ref<>::steal(attr(m_.get(), "Token"));
  }
  Object* new_var(const char* name, Object* def = nullptr) {
    Ref<> args = Ref<>::steal(T({S(name)}));
    Ref<> kw = Ref<>::steal(dict_new());
    if (def) {
      dict_set_item_string(kw.get(), "default", def);
      decref(def);
    }
    return object_call(cv_.get(), args.get(), def ? kw.get() : nullptr);
  }
  Ref<> m_, cv_, ctx_type_, token_;
};

TEST_F(CoreModsContextVars, Everything) {
  // A fresh thread context, as in a new process.
  cppy::runtime::ThreadState* ts = cppy::runtime::thread_state();
  clear(ts->context);
  Ref<> v = Ref<>::steal(new_var("v"));
  Ref<> w = Ref<>::steal(new_var("w", I(5)));
  ASSERT_TRUE(v && w) << error_text();
  EXPECT_EQ(strip(repr_steal(L({new_ref(v.get()), new_ref(w.get()), new_var("q", None())}))),
            refv("cv.repr"));

  auto cv_call = [&](std::initializer_list<Object*> args,
                     std::initializer_list<std::pair<const char*, Object*>> kwargs = {}) {
    Ref<> a = Ref<>::steal(T(args));
    Ref<> kw = Ref<>::steal(dict_new());
    for (auto& [k, val] : kwargs) {
      dict_set_item_string(kw.get(), k, val);
      decref(val);
    }
    return object_call(cv_.get(), a.get(), kwargs.size() ? kw.get() : nullptr);
  };
  EXPECT_EQ(repr_steal(L({E(cv_call({I(1)})), E(cv_call({})), E(cv_call({S("a"), I(1)})),
                          E(cv_call({S("a")}, {{"default", I(1)}, {"x", I(2)}})),
                          E(cv_call({S("a")}, {{"foo", I(1)}}))})),
            refv("cv.new_errors"));

  std::string lookup = etext(call(v.get(), "get", {}));
  lookup = lookup.substr(0, lookup.find(" at "));  // e(...).split(" at ")[0]
  EXPECT_EQ(repr_steal(L({Str(lookup), E(call(v.get(), "get", {I(3)})), E(call(w.get(), "get", {})),
                          attr(v.get(), "name"), E(call(v.get(), "get", {I(1), I(2)}))})),
            refv("cv.get"));

  Ref<> missing = Ref<>::steal(attr(token_.get(), "MISSING"));
  Ref<> type_args = Ref<>::steal(T({S("X"), T({new_ref(cv_.get())}), dict_new()}));
  EXPECT_EQ(repr_steal(L({E(call_obj(token_.get(), {})), E(call_obj(ctx_type_.get(), {I(1)})),
                          E(call(m_.get(), "Context", {}, {{"a", I(1)}})),
                          E(object_call(reinterpret_cast<Object*>(&Type_Type), type_args.get(), nullptr)),
                          object_repr(missing.get()), attr(reinterpret_cast<Object*>(missing->type), "__name__"),
                          attr(ctx_type_.get(), "__module__"), attr(cv_.get(), "__module__")})),
            refv("cv.types"));

  Ref<> t = Ref<>::steal(call(v.get(), "set", {I(1)}));
  Ref<> t2 = Ref<>::steal(call(v.get(), "set", {I(2)}));
  ASSERT_TRUE(t && t2) << error_text();
  Ref<> t_old = Ref<>::steal(attr(t.get(), "old_value"));
  Ref<> t_var = Ref<>::steal(attr(t.get(), "var"));
  EXPECT_EQ(strip(repr_steal(L({object_repr(t.get()), B(t_old.get() == missing.get()),
                                attr(t2.get(), "old_value"), B(t_var.get() == v.get()),
                                call(v.get(), "get", {})}))),
            refv("cv.tokens"));
  EXPECT_EQ(strip(repr_steal(L({E(call(v.get(), "reset", {I(1)})),
                                E(call(w.get(), "reset", {new_ref(t.get())}))}))),
            refv("cv.reset_errors"));
  Ref<> r = Ref<>::steal(call(v.get(), "reset", {new_ref(t2.get())}));
  ASSERT_TRUE(r) << error_text();
  EXPECT_EQ(strip(repr_steal(L({call(v.get(), "get", {}), E(call(v.get(), "reset", {new_ref(t2.get())})),
                                object_repr(t2.get())}))),
            refv("cv.after_reset"));

  Ref<> ctx = Ref<>::steal(call(m_.get(), "copy_context", {}));
  ASSERT_TRUE(ctx) << error_text();
  Ref<> ctx2 = Ref<>::steal(call(m_.get(), "copy_context", {}));
  Ref<> keys = Ref<>::steal(sequence_list(ctx.get()));
  Ref<> items_it = Ref<>::steal(call(ctx.get(), "items", {}));
  Ref<> items = Ref<>::steal(sequence_list(items_it.get()));
  Ref<> values_it = Ref<>::steal(call(ctx.get(), "values", {}));
  Ref<> iter = Ref<>::steal(object_get_iter(ctx.get()));
  bool keys_ok = list_size(keys.get()) == 1 && list_item(keys.get(), 0) == v.get();
  Ref<> one = Ref<>::steal(I(1));
  Ref<> expected_items = Ref<>::steal(L({T({new_ref(v.get()), I(1)})}));
  int items_ok = object_rich_compare_bool(items.get(), expected_items.get(), kEQ);
  EXPECT_EQ(strip(repr_steal(L({E(object_get_item(ctx.get(), v.get())), E(object_get_item(ctx.get(), one.get())),
                                E(object_get_item(ctx.get(), w.get())), E(call(ctx.get(), "get", {new_ref(w.get())})),
                                E(call(ctx.get(), "get", {new_ref(w.get()), I(9)})),
                                B(sequence_contains(ctx.get(), v.get()) == 1),
                                sequence_contains(ctx.get(), one.get()) < 0 ? E(nullptr) : B(false),
                                long_from_ssize(object_length(ctx.get())), B(keys_ok), B(items_ok == 1),
                                sequence_list(values_it.get()), object_rich_compare(ctx.get(), ctx2.get(), kEQ),
                                object_hash(ctx.get()) == -1 ? E(nullptr) : I(0),
                                attr(reinterpret_cast<Object*>(iter->type), "__name__"),
                                attr(reinterpret_cast<Object*>(items_it->type), "__name__"),
                                attr(reinterpret_cast<Object*>(values_it->type), "__name__")}))),
            refv("cv.ctx"));

  // ctx.run(lambda: ctx.run(int)): the inner run fails while ctx is entered.
  Ref<> run = Ref<>::steal(attr(ctx.get(), "run"));
  std::string nested_text =
      etext(call(ctx.get(), "run", {new_ref(run.get()), new_ref(reinterpret_cast<Object*>(&long_type))}));
  Ref<> set_result = Ref<>::steal(E(call(ctx.get(), "run", {attr(v.get(), "set"), I(13)})));
  EXPECT_EQ(strip(repr_steal(L({E(call(ctx.get(), "run", {})), E(call(ctx.get(), "run", {I(1)})),
                                Str(nested_text),
                                B(set_result && object_length(set_result.get()) != 0),
                                object_get_item(ctx.get(), v.get()), call(v.get(), "get", {}),
                                E(call(ctx.get(), "get", {}))}))),
            refv("cv.run"));

  Ref<> c1 = Ref<>::steal(call_obj(ctx_type_.get(), {}));
  Ref<> c2 = Ref<>::steal(call_obj(ctx_type_.get(), {}));
  EXPECT_EQ(strip(repr_steal(L({E(call(c1.get(), "run", {attr(v.get(), "get")})),
                                E(call(c2.get(), "run", {attr(v.get(), "reset"), new_ref(t.get())}))}))),
            refv("cv.other_ctx"));

  Ref<> t3 = Ref<>::steal(call(v.get(), "set", {I(8)}));
  Ref<> entered = Ref<>::steal(call(t3.get(), "__enter__", {}));
  EXPECT_EQ(strip(repr_steal(L({B(entered.get() == t3.get()), call(t3.get(), "__exit__", {None(), None(), None()}),
                                call(v.get(), "get", {}),
                                E(call(t3.get(), "__exit__", {None(), None(), None()}))}))),
            refv("cv.token_cm"));
  clear(ts->context);
}

}  // namespace
}  // namespace coretest
