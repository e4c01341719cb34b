// Helpers of the modules tests (tests/unit/modules_*_test.cpp): the reference values of
// tests/data/modules/expectations.txt (tools/modules/gen_expected.py) and Python-like calls.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>

#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects_support.h"

namespace modtest {

using namespace cppy::objects;
using objtest::error_text;
using objtest::repr_steal;
using objtest::to_std;

inline const std::map<std::string, std::string>& expected() {
  static std::map<std::string, std::string> m = [] {
    std::map<std::string, std::string> r;
    std::string here = CPPY_UNIT_TEST_DIR "/file";
    std::string path = here.substr(0, here.rfind('/')) + "/../data/modules/expectations.txt";
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab != std::string::npos) r[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return r;
  }();
  return m;
}

inline std::string refv(const std::string& key) {
  auto it = expected().find(key);
  if (it == expected().end()) {
    ADD_FAILURE() << "no reference value for " << key;
    return "<missing>";
  }
  return it->second;
}

// A tuple of new references (stolen); null items make the result null.
inline Object* tup(std::initializer_list<Object*> items) {
  Object* t = tuple_new(static_cast<ssize>(items.size()));
  ssize i = 0;
  bool bad = false;
  for (Object* a : items) {
    if (!a) bad = true;
    tuple_set_item(t, i++, a ? a : new_ref(none()));
  }
  if (bad) {
    decref(t);
    return nullptr;
  }
  return t;
}

// o.name(*args, **kwargs): args and kwargs values are stolen.
inline Object* call(Object* o, const char* name, std::initializer_list<Object*> args,
                    std::initializer_list<std::pair<const char*, Object*>> kwargs = {}) {
  Ref<> a = Ref<>::steal(tup(args));
  Ref<> kw = Ref<>::steal(dict_new());
  for (auto& [k, v] : kwargs) {
    dict_set_item_string(kw.get(), k, v);
    decref(v);
  }
  if (!a) return nullptr;
  Ref<> f = Ref<>::steal(object_getattr_string(o, name));
  if (!f) return nullptr;
  return object_call(f.get(), a.get(), kwargs.size() ? kw.get() : nullptr);
}

// Calls a callable object directly.
inline Object* call_obj(Object* f, std::initializer_list<Object*> args) {
  Ref<> a = Ref<>::steal(tup(args));
  if (!a) return nullptr;
  return object_call(f, a.get(), nullptr);
}

// The outcome of an expression as the probe prints it: "Type: message" or "no error".
inline std::string err(Object* result) {
  if (result) {
    decref(result);
    return "no error";
  }
  return error_text();
}

}  // namespace modtest
