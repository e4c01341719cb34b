// Helpers of the start-up module tests (tests/unit/coremods_*_test.cpp): the reference values
// of tests/data/coremods/expectations.txt (tools/coremods/probe_coremods.py on the oracle) and
// builders that mirror the probe's expressions, so that repr() of the same Python values can
// be compared.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <map>
#include <regex>
#include <string>

#include "modules/moduledef.h"
#include "modules_support.h"
#include "objects/boolobject.h"
#include "objects/listobject.h"
#include "sys/sysmodule.h"

namespace coretest {

using namespace cppy::objects;
using modtest::call;
using modtest::call_obj;
using modtest::tup;
using objtest::error_text;
using objtest::I;
using objtest::repr_steal;
using objtest::S;

inline const std::map<std::string, std::string>& expected() {
  static std::map<std::string, std::string> m = [] {
    std::map<std::string, std::string> r;
    std::string here = CPPY_UNIT_TEST_DIR "/file";
    std::string path = here.substr(0, here.rfind('/')) + "/../data/coremods/expectations.txt";
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab == std::string::npos) continue;
      std::string v, raw = line.substr(tab + 1);
      for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size()) {
          v += raw[i + 1] == 'n' ? '\n' : raw[i + 1];
          ++i;
        } else {
          v += raw[i];
        }
      }
      r[line.substr(0, tab)] = v;
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

// The probe's e(): repr of the result, or "Type: message" of the exception, as a str object.
inline Object* E(Object* result) {
  std::string s = result ? repr_steal(result) : error_text();
  return str_from_utf8(s.data(), static_cast<ssize>(s.size()));
}
// The same as C++ text.
inline std::string etext(Object* result) { return result ? repr_steal(result) : error_text(); }
// A str object from a C++ string.
inline Object* Str(const std::string& s) { return str_from_utf8(s.data(), static_cast<ssize>(s.size())); }
inline Object* B(bool b) { return new_ref(b ? true_object() : false_object()); }
inline Object* None() { return new_ref(none()); }

// A list of new references (stolen); a null item becomes the error text.
inline Object* L(std::initializer_list<Object*> items) {
  Object* l = list_new(0);
  for (Object* a : items) {
    Object* v = a ? a : E(nullptr);
    list_append(l, v);
    decref(v);
  }
  return l;
}
inline Object* T(std::initializer_list<Object*> items) { return tup(items); }

// The probe's strip(): addresses become ADDR.
inline std::string strip(const std::string& s) {
  static const std::regex addr("0x[0-9a-f]+");
  return std::regex_replace(s, addr, "ADDR");
}

inline Object* attr(Object* o, const char* name) { return object_getattr_string(o, name); }

class CoreModsTest : public objtest::ObjectsTest {
 protected:
  void SetUp() override {
    objtest::ObjectsTest::SetUp();
    if (!cppy::sys::sys_module()) {
      ASSERT_NE(cppy::sys::create_sys_module(), nullptr) << error_text();
    }
  }
  static Object* import(const char* name) {
    Object* m = cppy::modules::import_builtin(name);
    if (!m) ADD_FAILURE() << "import " << name << ": " << error_text();
    return m;
  }
};

}  // namespace coretest
