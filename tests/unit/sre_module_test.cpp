// The _sre module's objects (src/modules/_sre/sre.cpp): patterns built by _sre.compile from
// the arguments CPython 3.14.2's re._compiler gives it, and the reprs of the Pattern / Match
// API results and error messages, against the reference (tests/data/sre/module_cases.txt,
// written by tools/sre/gen_cases.py from tools/sre/probe_module.py).
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "modules/moduledef.h"
#include "modules_support.h"
#include "objects/bytesobject.h"
#include "objects/methodobject.h"
#include "sys/sysmodule.h"

namespace modtest {
namespace {

using objtest::I;
using objtest::S;

std::vector<std::string> split_tabs(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

// A str or bytes object from the probe's encoding ("u61 62", "b61").
Object* decode(const std::string& enc) {
  std::vector<uint32_t> cps;
  std::istringstream in(enc.substr(1));
  std::string tok;
  while (in >> tok) cps.push_back(static_cast<uint32_t>(std::stoul(tok, nullptr, 16)));
  if (enc[0] == 'b') {
    std::string b(cps.begin(), cps.end());
    return bytes_from_string_and_size(b.data(), static_cast<ssize>(b.size()));
  }
  return str_from_kind_and_data(kKind4, cps.data(), static_cast<ssize>(cps.size()));
}

std::string rs(Object* o) { return repr_steal(o); }
Object* attr(Object* o, const char* name) { return object_getattr_string(o, name); }

// lambda m: m.group(1) * 2 and lambda m: None, for the callable replacements of sub().
Object* twice_group1(Object*, Object* m) {
  Ref<> g = Ref<>::steal(call(m, "group", {I(1)}));
  if (!g) return nullptr;
  return sequence_repeat(g.get(), 2);
}
Object* returns_none(Object*, Object*) { return new_ref(none()); }
MethodDef twice_def = {"twice", reinterpret_cast<void*>(twice_group1), kMethO, nullptr};
MethodDef none_def = {"none", reinterpret_cast<void*>(returns_none), kMethO, nullptr};

class SreModule : public objtest::ObjectsTest {
 protected:
  void SetUp() override {
    objtest::ObjectsTest::SetUp();
    ASSERT_NE(cppy::sys::create_sys_module(), nullptr) << error_text();
    sre_ = Ref<>::steal(cppy::modules::import_builtin("_sre"));
    ASSERT_TRUE(sre_) << error_text();
  }
  // _sre.compile with the probe's P line.
  Object* compile(const std::vector<std::string>& f) {
    Ref<> pattern = Ref<>::steal(decode(f[1]));
    long flags = std::stol(f[2]);
    long groups = std::stol(f[3]);
    Ref<> groupindex = Ref<>::steal(dict_new());
    Ref<> indexgroup = Ref<>::steal(tuple_new(groups + 1));
    for (long i = 0; i <= groups; ++i) tuple_items(indexgroup.get())[i] = new_ref(none());
    std::istringstream gi(f[4]);
    std::string item;
    while (gi >> item) {
      auto eq = item.find('=');
      Ref<> name = Ref<>::steal(S(item.substr(0, eq).c_str()));
      long index = std::stol(item.substr(eq + 1));
      Ref<> idx = Ref<>::steal(I(index));
      dict_set_item(groupindex.get(), name.get(), idx.get());
      Object** slot = &tuple_items(indexgroup.get())[index];
      xsetref(*slot, new_ref(name.get()));
    }
    Ref<> code = Ref<>::steal(list_new(0));
    std::istringstream cs(f[5]);
    unsigned long long v;
    while (cs >> v) {
      Ref<> c = Ref<>::steal(long_from_unsigned_long_long(v));
      list_append(code.get(), c.get());
    }
    return call(sre_.get(), "compile",
                {new_ref(pattern.get()), I(flags), new_ref(code.get()), I(groups),
                 new_ref(groupindex.get()), new_ref(indexgroup.get())});
  }
  Ref<> sre_;
};

TEST_F(SreModule, ReferenceCases) {
  std::ifstream in(CPPY_SRE_DATA_DIR "/module_cases.txt");
  ASSERT_TRUE(in) << "missing tests/data/sre/module_cases.txt";
  std::string line;
  Ref<> p, ep, ep2, ei, eb;
  std::string pat;
  int checks = 0, failures = 0;
  auto check = [&](const std::string& what, const std::string& got, const std::string& want) {
    ++checks;
    if (got != want) {
      ++failures;
      ADD_FAILURE() << "pattern " << pat << " " << what << ": got " << got << ", reference "
                    << want;
    }
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = split_tabs(line);
    if (f[0] == "P") {
      pat = f[1];
      p = Ref<>::steal(compile(f));
      ASSERT_TRUE(p) << pat << ": " << error_text();
      continue;
    }
    Object* po = p.get();
    if (f[0] == "Q") {
      check("repr", objtest::str_steal(new_ref(po)), f[1]);
      check("groups", rs(attr(po, "groups")), f[2]);
      check("flags", rs(attr(po, "flags")), f[3]);
      check("groupindex", rs(attr(po, "groupindex")), f[4]);
      continue;
    }
    if (f[0] == "S") {
      Ref<> s = Ref<>::steal(decode(f[1]));
      Object* so = s.get();
      bool isbytes = f[1][0] == 'b';
      long groups = 0;
      {
        Ref<> g = Ref<>::steal(attr(po, "groups"));
        groups = long_as_long(g.get());
      }
      std::vector<std::string> got;
      got.push_back(rs(call(po, "match", {new_ref(so)})));
      got.push_back(rs(call(po, "fullmatch", {new_ref(so)})));
      Ref<> m = Ref<>::steal(call(po, "search", {new_ref(so)}));
      got.push_back(rs(m ? new_ref(m.get()) : nullptr));
      if (m && m.get() != none()) {
        Object* mo = m.get();
        got.push_back(rs(call(mo, "groups", {})));
        got.push_back(rs(call(mo, "groupdict", {})));
        got.push_back(rs(attr(mo, "regs")));
        got.push_back(rs(attr(mo, "lastindex")));
        got.push_back(rs(attr(mo, "lastgroup")));
        got.push_back(rs(groups ? call(mo, "group", {I(0), I(1)}) : call(mo, "group", {})));
        got.push_back(rs(object_get_item(mo, Ref<>::steal(I(0)).get())));
        got.push_back(rs(call(mo, "span", {I(groups)})));
        got.push_back(rs(call(mo, "start", {})));
        got.push_back(rs(call(mo, "end", {I(groups)})));
        got.push_back(rs(call(mo, "groups", {S("-")})));
        got.push_back(rs(tup({attr(mo, "pos"), attr(mo, "endpos")})));
        Ref<> re = Ref<>::steal(attr(mo, "re"));
        got.push_back(re.get() == po ? "True" : "False");
        Ref<> string = Ref<>::steal(attr(mo, "string"));
        got.push_back(string.get() == so ? "True" : "False");
      }
      Object* repl = isbytes ? bytes_from_cstr("<>") : S("<>");
      got.push_back(rs(call(po, "findall", {new_ref(so)})));
      got.push_back(rs(call(po, "split", {new_ref(so)})));
      got.push_back(rs(call(po, "split", {new_ref(so), I(1)})));
      got.push_back(rs(call(po, "sub", {new_ref(repl), new_ref(so)})));
      got.push_back(rs(call(po, "subn", {new_ref(repl), new_ref(so), I(2)})));
      decref(repl);
      auto spans = [&](Object* it) -> Object* {
        if (!it) return nullptr;
        Ref<> iter = Ref<>::steal(it);
        Ref<> list = Ref<>::steal(list_new(0));
        while (Object* x = iter_next(iter.get())) {
          Ref<> xm = Ref<>::steal(x);
          Ref<> sp = Ref<>::steal(call(xm.get(), "span", {}));
          if (!sp) return nullptr;
          list_append(list.get(), sp.get());
        }
        if (cppy::errors::occurred()) return nullptr;
        return list.release();
      };
      got.push_back(rs(spans(call(po, "finditer", {new_ref(so)}))));
      got.push_back(rs(call(po, "search", {new_ref(so), I(1), I(5)})));
      got.push_back(rs(call(po, "findall", {new_ref(so), I(2)})));
      got.push_back(rs(spans(call(po, "finditer", {new_ref(so), I(1), I(9)}))));
      ASSERT_EQ(got.size() + 2, f.size()) << line;
      for (size_t i = 0; i < got.size(); ++i)
        check("subject " + f[1] + " result " + std::to_string(i), got[i], f[i + 2]);
      continue;
    }
    if (f[0] == "EP" || f[0] == "EI" || f[0] == "EB") {
      Ref<> c = Ref<>::steal(compile(f));
      ASSERT_TRUE(c) << error_text();
      if (f[0] == "EP") {
        ep = c;
        ep2 = Ref<>::steal(compile(f));  // an equal pattern, another object
      } else {
        (f[0] == "EI" ? ei : eb) = c;
      }
      continue;
    }
    ASSERT_EQ(f[0], "E");
    // The error and miscellaneous cases of probe_module.py, in its order.
    Object* P = ep.get();
    Ref<> m = Ref<>::steal(call(P, "match", {S("ab")}));
    ASSERT_TRUE(m) << error_text();
    Object* M = m.get();
    Object* sre = sre_.get();
    auto e = [](Object* r) {
      if (!r) return error_text();
      return repr_steal(r);
    };
    auto lst = [](std::initializer_list<Object*> items) -> Object* {
      Ref<> l = Ref<>::steal(list_new(0));
      for (Object* o : items) {
        list_append(l.get(), o);
        decref(o);
      }
      return l.release();
    };
    auto same = [](Object* a, Object* b) -> Object* {
      if (!a) return nullptr;
      bool r = a == b;
      decref(a);
      return bool_from_bool(r);
    };
    auto twice = Ref<>::steal(cfunction_new(&twice_def, nullptr));
    auto nonef = Ref<>::steal(cfunction_new(&none_def, nullptr));
    std::vector<std::string> got = {
        e(call(P, "match", {I(1)})),
        e(call(P, "match", {bytes_from_cstr("ab")})),
        e(call(eb.get(), "match", {S("a")})),
        e(call(M, "group", {I(5)})),
        e(call(M, "group", {S("zz")})),
        e(call(M, "group", {I(-1)})),
        e(object_get_item(M, Ref<>::steal(S("n")).get())),
        e(call(M, "group", {I(1), S("n"), I(0)})),
        e(call(P, "match", {})),
        e(call(P, "match", {S("a"), I(1), I(2), I(3)})),
        e(call(P, "match", {S("ab")}, {{"pos", S("x")}})),
        e(call(P, "search", {}, {{"string", S("ab")}, {"endpos", I(1)}})),
        e(call(sre, "compile", {S("a"), I(0), tup({I(1)}), I(0), dict_new(), tuple_new(0)})),
        e(call(sre, "compile", {S("a"), I(0), lst({I(99)}), I(0), dict_new(), tuple_new(0)})),
        e(call(sre, "compile", {S("a"), I(0), lst({I(1)}), I(0), list_new(0), tuple_new(0)})),
        e(call(sre, "template", {S("x"), lst({I(1), I(2)})})),
        e(call(sre, "template", {S("x"), tup({I(1)})})),
        e(call(sre, "template", {S("x"), lst({S("a"), I(-1), S("b")})})),
        e(call(sre, "ascii_iscased", {I(65)})),
        e(call(sre, "unicode_iscased", {I(0x1c4)})),
        e(call(sre, "ascii_tolower", {I(0x41)})),
        e(call(sre, "unicode_tolower", {I(0x130)})),
        e(call(sre, "unicode_tolower", {S("a")})),
        e(call(sre, "getcodesize", {})),
        e(tup({attr(sre, "MAGIC"), attr(sre, "CODESIZE")})),
        e(call(M, "start", {I(3)})),
        e(call(M, "span", {S("n")})),
        e(call(M, "groups", {}, {{"default", I(0)}})),
        e(attr(M, "copy")),
        e(attr(reinterpret_cast<Object*>(M->type), "__name__")),
        e(attr(reinterpret_cast<Object*>(P->type), "__module__")),
        e(attr(reinterpret_cast<Object*>(P->type), "__qualname__")),
        e(same(call(P, "__copy__", {}), P)),
        e(same(call(P, "__deepcopy__", {dict_new()}), P)),
        e([&]() -> Object* {
          Ref<> sc = Ref<>::steal(call(P, "scanner", {S("ab")}));
          if (!sc) return nullptr;
          Ref<> r = Ref<>::steal(call(sc.get(), "match", {}));
          if (!r) return nullptr;
          return call(r.get(), "span", {});
        }()),
        e([&]() -> Object* {
          Ref<> sc = Ref<>::steal(call(P, "scanner", {S("xab")}));
          if (!sc) return nullptr;
          Ref<> r = Ref<>::steal(call(sc.get(), "search", {}));
          if (!r) return nullptr;
          return call(r.get(), "span", {});
        }()),
        e([&]() -> Object* {
          Ref<> sc = Ref<>::steal(call(P, "scanner", {S("x")}));
          if (!sc) return nullptr;
          return attr(reinterpret_cast<Object*>(sc->type), "__name__");
        }()),
        e(object_rich_compare(P, ep2.get(), kEQ)),
        e(object_rich_compare(P, ei.get(), kNE)),
        e(object_rich_compare(P, Ref<>::steal(I(1)).get(), kEQ)),
        e(object_rich_compare(P, P, kLT)),
        e(call(P, "sub", {new_ref(twice.get()), S("abab")})),
        e(call(P, "sub", {new_ref(nonef.get()), S("abab")})),
    };
    ASSERT_EQ(got.size() + 1, f.size()) << line;
    for (size_t i = 0; i < got.size(); ++i)
      check("error case " + std::to_string(i), got[i], f[i + 1]);
    continue;
  }
  EXPECT_GT(checks, 1000);
  std::printf("sre module: %d checks, %d failures\n", checks, failures);
}

}  // namespace
}  // namespace modtest
