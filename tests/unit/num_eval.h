// A small evaluator of Python expressions for the number modules' tests (tests/unit/num_*):
// literals (ints of any size, floats, str, bytes, tuples, lists, None/True/False), names (the
// modules under test and the builtins), attributes, calls with keyword and *star arguments,
// subscripts, unary minus, + - * ** and the helper seq(f, n, *args) == [f(*args) for _ in
// range(n)]. Each case of tests/data/num/expected.tsv is an expression and what the reference
// CPython printed for it (tools/numdata/gen_num_data.py): repr of the value, or "Type: message".
// Until cppy runs source, this is how the C++ modules are exercised with Python-level calls.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "builtins/bltinmodule.h"
#include "modules/moduledef.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects_support.h"
#include "sys/sysmodule.h"

namespace numtest {

using namespace cppy::objects;
using objtest::error_text;

class Evaluator {
 public:
  explicit Evaluator(Object* ns) : ns_(ns) {}

  // The value of text (new reference), or null with an error set.
  Object* eval(const std::string& text) {
    s_ = text;
    i_ = 0;
    Object* r = expr();
    if (r && (skip(), i_ != s_.size())) {
      decref(r);
      return syntax("trailing text");
    }
    return r;
  }

 private:
  std::string s_;
  size_t i_ = 0;
  Object* ns_;

  Object* syntax(const char* what) {
    return cppy::errors::format(exc_SyntaxError, "num_eval: %s at %d in %s", what,
                                static_cast<int>(i_), s_.c_str());
  }
  void skip() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }
  bool eat(const char* tok) {
    skip();
    size_t n = std::char_traits<char>::length(tok);
    if (s_.compare(i_, n, tok) == 0) {
      // "*" must not eat the first half of "**".
      if (n == 1 && tok[0] == '*' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') return false;
      i_ += n;
      return true;
    }
    return false;
  }
  bool peek(char c) {
    skip();
    return i_ < s_.size() && s_[i_] == c;
  }

  Object* expr() {
    Ref<> left = Ref<>::steal(term());
    if (!left) return nullptr;
    for (;;) {
      if (eat("+")) {
        Ref<> right = Ref<>::steal(term());
        if (!right) return nullptr;
        left = Ref<>::steal(number_add(left.get(), right.get()));
      } else if (peek('-')) {
        ++i_;
        Ref<> right = Ref<>::steal(term());
        if (!right) return nullptr;
        left = Ref<>::steal(number_subtract(left.get(), right.get()));
      } else {
        return left.release();
      }
      if (!left) return nullptr;
    }
  }
  Object* term() {
    Ref<> left = Ref<>::steal(unary());
    if (!left) return nullptr;
    for (;;) {
      bool mul = eat("*");
      if (!mul && !eat("%")) return left.release();
      Ref<> right = Ref<>::steal(unary());
      if (!right) return nullptr;
      left = Ref<>::steal(mul ? number_multiply(left.get(), right.get())
                              : number_remainder(left.get(), right.get()));
      if (!left) return nullptr;
    }
  }
  Object* unary() {
    if (eat("-")) {
      Ref<> v = Ref<>::steal(unary());
      if (!v) return nullptr;
      return number_negative(v.get());
    }
    Ref<> base = Ref<>::steal(postfix());
    if (!base) return nullptr;
    if (eat("**")) {
      Ref<> e = Ref<>::steal(unary());
      if (!e) return nullptr;
      return number_power(base.get(), e.get(), none());
    }
    return base.release();
  }
  Object* postfix() {
    Ref<> v = Ref<>::steal(atom());
    if (!v) return nullptr;
    for (;;) {
      if (eat(".")) {
        std::string name = ident();
        if (name.empty()) return syntax("attribute name expected");
        v = Ref<>::steal(object_getattr_string(v.get(), name.c_str()));
      } else if (eat("(")) {
        v = Ref<>::steal(call(v.get()));
      } else if (eat("[")) {
        Ref<> k;
        if (!peek(':')) {
          k = Ref<>::steal(expr());
          if (!k) return nullptr;
        }
        if (eat(":")) {
          Ref<> stop;
          if (!peek(']')) {
            stop = Ref<>::steal(expr());
            if (!stop) return nullptr;
          }
          k = Ref<>::steal(slice_new(k ? k.get() : none(), stop ? stop.get() : none(), none()));
          if (!k) return nullptr;
        }
        if (!eat("]")) return syntax("] expected");
        v = Ref<>::steal(object_get_item(v.get(), k.get()));
      } else {
        return v.release();
      }
      if (!v) return nullptr;
    }
  }
  std::string ident() {
    skip();
    size_t b = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) {
      ++i_;
    }
    return s_.substr(b, i_ - b);
  }
  Object* call(Object* f) {
    Ref<> args = Ref<>::steal(list_new(0));
    Ref<> kwargs = Ref<>::steal(dict_new());
    while (!eat(")")) {
      if (eat("*")) {
        Ref<> v = Ref<>::steal(expr());
        if (!v) return nullptr;
        Ref<> seq = Ref<>::steal(sequence_list(v.get()));
        if (!seq) return nullptr;
        for (ssize j = 0; j < list_size(seq.get()); ++j) list_append(args.get(), list_get_item(seq.get(), j));
      } else {
        size_t save = i_;
        std::string name = ident();
        if (!name.empty() && (skip(), i_ < s_.size() && s_[i_] == '=' && s_[i_ + 1] != '=')) {
          ++i_;
          Ref<> v = Ref<>::steal(expr());
          if (!v) return nullptr;
          dict_set_item_string(kwargs.get(), name.c_str(), v.get());
        } else {
          i_ = save;
          Ref<> v = Ref<>::steal(expr());
          if (!v) return nullptr;
          list_append(args.get(), v.get());
        }
      }
      if (!eat(",") && !peek(')')) return syntax(", or ) expected");
    }
    Ref<> t = Ref<>::steal(sequence_tuple(args.get()));
    if (!t) return nullptr;
    return object_call(f, t.get(), dict_size(kwargs.get()) ? kwargs.get() : nullptr);
  }
  Object* atom() {
    skip();
    if (i_ >= s_.size()) return syntax("unexpected end");
    char c = s_[i_];
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
      return number();
    }
    if (c == '\'' || c == '"') return string(false);
    if (c == 'b' && i_ + 1 < s_.size() && (s_[i_ + 1] == '\'' || s_[i_ + 1] == '"')) {
      ++i_;
      return string(true);
    }
    if (eat("(")) {
      std::vector<Ref<>> items;
      bool comma = false;
      while (!eat(")")) {
        Ref<> v = Ref<>::steal(expr());
        if (!v) return nullptr;
        items.push_back(std::move(v));
        if (eat(",")) {
          comma = true;
        } else if (!peek(')')) {
          return syntax(", or ) expected");
        }
      }
      if (items.size() == 1 && !comma) return items[0].release();
      Object* t = tuple_new(static_cast<ssize>(items.size()));
      for (size_t j = 0; j < items.size(); ++j) tuple_set_item(t, static_cast<ssize>(j), items[j].release());
      return t;
    }
    if (eat("[")) {
      Ref<> l = Ref<>::steal(list_new(0));
      while (!eat("]")) {
        Ref<> v = Ref<>::steal(expr());
        if (!v) return nullptr;
        list_append(l.get(), v.get());
        if (!eat(",") && !peek(']')) return syntax(", or ] expected");
      }
      return l.release();
    }
    std::string name = ident();
    if (name.empty()) return syntax("unexpected character");
    if (name == "None") return new_ref(none());
    if (name == "True") return new_ref(py_true());
    if (name == "False") return new_ref(py_false());
    Object* v = dict_get_item_string(ns_, name.c_str());
    if (!v) v = dict_get_item_string(module_get_dict(cppy::builtins::builtins_module()), name.c_str());
    if (!v) return cppy::errors::format(exc_NameError, "name '%s' is not defined", name.c_str());
    return new_ref(v);
  }
  Object* number() {
    size_t b = i_;
    bool is_float = false;
    if (s_.compare(i_, 2, "0x") == 0 || s_.compare(i_, 2, "0X") == 0) {
      i_ += 2;
      while (i_ < s_.size() && (std::isxdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
    } else {
      while (i_ < s_.size()) {
        char c = s_[i_];
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '_') {
          ++i_;
        } else if (c == '.') {
          is_float = true;
          ++i_;
        } else if ((c == 'e' || c == 'E')) {
          is_float = true;
          ++i_;
          if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
        } else {
          break;
        }
      }
    }
    std::string text = s_.substr(b, i_ - b);
    Ref<> str = Ref<>::steal(str_from_cstr(text.c_str()));
    if (i_ < s_.size() && (s_[i_] == 'j' || s_[i_] == 'J')) {
      ++i_;
      Ref<> f = Ref<>::steal(float_from_string(str.get()));
      if (!f) return nullptr;
      return complex_from_doubles(0.0, float_value(f.get()));
    }
    if (is_float) return float_from_string(str.get());
    return long_from_string(str.get(), 0);
  }
  Object* string(bool bytes) {
    char q = s_[i_++];
    std::string out;
    while (i_ < s_.size() && s_[i_] != q) {
      char c = s_[i_++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      char e = s_[i_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case '0': out.push_back('\0'); break;
        case 'x': {
          out.push_back(static_cast<char>(std::strtol(s_.substr(i_, 2).c_str(), nullptr, 16)));
          i_ += 2;
          break;
        }
        default: out.push_back(e); break;
      }
    }
    ++i_;
    if (bytes) return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
    return str_from_utf8(out.data(), static_cast<ssize>(out.size()));
  }
};

// seq(f, n, *args): [f(*args) for _ in range(n)].
inline Object* seq_helper(Object*, Object* const* args, ssize nargs) {
  if (nargs < 2) return cppy::errors::format(exc_TypeError, "seq(f, n, *args)");
  long n = long_as_long(args[1]);
  Ref<> rest = Ref<>::steal(tuple_new(nargs - 2));
  for (ssize j = 2; j < nargs; ++j) tuple_set_item(rest.get(), j - 2, new_ref(args[j]));
  Ref<> l = Ref<>::steal(list_new(0));
  for (long j = 0; j < n; ++j) {
    Ref<> v = Ref<>::steal(object_call(args[0], rest.get(), nullptr));
    if (!v) return nullptr;
    list_append(l.get(), v.get());
  }
  return l.release();
}

// The outcome as the generator prints it: repr, or "Type: message"; newlines escaped.
inline std::string outcome(Object* v) {
  std::string r = objtest::repr_steal(v);
  std::string out;
  for (char c : r) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct Case {
  std::string section, expr, expected;
};

// The cases of tests/data/num/expected.tsv: "section<TAB>expression<TAB>result".
inline std::vector<Case> load_cases(const std::string& section) {
  std::vector<Case> r;
  std::string here = CPPY_UNIT_TEST_DIR "/file";
  std::ifstream in(here.substr(0, here.rfind('/')) + "/../data/num/expected.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t');
    size_t b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    Case c{line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)};
    if (c.section == section) r.push_back(c);
  }
  return r;
}

// A namespace with the built-in modules named and the seq helper.
inline Object* make_namespace(std::initializer_list<const char*> modules) {
  objtest::init();
  if (!cppy::builtins::builtins_module()) cppy::builtins::init_builtins();
  if (!cppy::sys::sys_module()) cppy::sys::create_sys_module();
  Object* ns = dict_new();
  for (const char* name : modules) {
    Ref<> m = Ref<>::steal(cppy::modules::import_builtin(name));
    if (!m) {
      ADD_FAILURE() << "import " << name << ": " << error_text();
      continue;
    }
    dict_set_item_string(ns, name, m.get());
  }
  static MethodDef seq_def = {"seq", reinterpret_cast<void*>(seq_helper), kMethFastcall, nullptr};
  Ref<> seq = Ref<>::steal(cfunction_new(&seq_def, nullptr));
  dict_set_item_string(ns, "seq", seq.get());
  return ns;
}

// Runs every case of section; returns the number of mismatches (each one reported).
inline int run_section(const std::string& section, std::initializer_list<const char*> modules) {
  std::vector<Case> cases = load_cases(section);
  EXPECT_FALSE(cases.empty()) << "no cases for " << section;
  Ref<> ns = Ref<>::steal(make_namespace(modules));
  Evaluator ev(ns.get());
  int bad = 0;
  for (const Case& c : cases) {
    std::string got = outcome(ev.eval(c.expr));
    if (got != c.expected) {
      ++bad;
      ADD_FAILURE() << section << ": " << c.expr << "\n  expected: " << c.expected
                    << "\n  got:      " << got;
    }
  }
  return bad;
}

}  // namespace numtest
