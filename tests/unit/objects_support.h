// Helpers shared by the object core's unit tests (tests/unit/objects_*_test.cpp): start-up,
// the reference expectations of tests/data/objcore/expectations.txt, and Python-like
// spellings of results ("Type: message" for errors, repr for values).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/text_api.h"
#include "objects/typeobject.h"

namespace objtest {

using namespace cppy::objects;

inline void init() {
  static bool done = [] {
    if (cppy::runtime::initialize_objects() < 0) {
      ADD_FAILURE() << "initialize_objects failed";
    }
    return true;
  }();
  (void)done;
}

// The reference results, keyed as in tools/objcore/probe_*.py.
inline const std::map<std::string, std::string>& expected() {
  static std::map<std::string, std::string> m = [] {
    std::map<std::string, std::string> r;
    std::string here = CPPY_UNIT_TEST_DIR "/file";
    std::string path = here.substr(0, here.rfind('/')) + "/../data/objcore/expectations.txt";
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab == std::string::npos) continue;
      r[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return r;
  }();
  return m;
}

inline std::string expect_ref(const std::string& key) {
  auto it = expected().find(key);
  if (it == expected().end()) {
    ADD_FAILURE() << "no reference value for " << key;
    return "<missing>";
  }
  return it->second;
}

inline std::string to_std(Object* s) {
  if (!s) return "<null>";
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  return p ? std::string(p, static_cast<size_t>(n)) : "<not str>";
}

// repr(o), consuming the reference to o; an error becomes "Type: message".
std::string error_text();
inline std::string repr_steal(Object* o) {
  if (!o) return error_text();
  Ref<> r = Ref<>::steal(object_repr(o));
  decref(o);
  if (!r) return error_text();
  return to_std(r.get());
}
inline std::string str_steal(Object* o) {
  if (!o) return error_text();
  Ref<> r = Ref<>::steal(object_str(o));
  decref(o);
  if (!r) return error_text();
  return to_std(r.get());
}

// The current exception as the probes print it: "Type: str(exc)"; clears it.
inline std::string error_text() {
  Object* exc = cppy::errors::get_raised_exception();
  if (!exc) return "no error";
  std::string name = type_short_name(exc->type);
  Ref<> s = Ref<>::steal(object_str(exc));
  decref(exc);
  if (!s) {
    cppy::errors::clear();
    return name + ": <str failed>";
  }
  return name + ": " + to_std(s.get());
}

inline Object* S(const char* s) { return str_from_cstr(s); }
inline Object* I(long v) { return long_from_long(v); }

// A list of small ints.
template <class It>
Object* int_list(It begin, It end) {
  Object* l = list_new(0);
  for (It i = begin; i != end; ++i) {
    Ref<> v = Ref<>::steal(I(*i));
    list_append(l, v.get());
  }
  return l;
}

inline std::vector<long> lcg_list(int n, long seed, long mod) {
  std::vector<long> r;
  unsigned long long x = static_cast<unsigned long long>(seed);
  for (int i = 0; i < n; ++i) {
    x = (x * 1103515245ULL + 12345ULL) % 2147483648ULL;
    r.push_back(static_cast<long>(x % static_cast<unsigned long long>(mod)));
  }
  return r;
}

class ObjectsTest : public ::testing::Test {
 protected:
  void SetUp() override { init(); }
  void TearDown() override {
    EXPECT_EQ(cppy::errors::occurred(), nullptr) << "exception left set: " << error_text();
  }
};

}  // namespace objtest
