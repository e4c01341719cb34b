// A ConstPool over a small model of Python's constant values (None, bool, int up to 127 bits,
// float, str, bytes, tuple, frozenset, opaque others), so that the CFG passes can be tested
// before src/objects exists. Values are written and read in the typed encoding of
// tests/data/compile/make_cases.py ("N", "T", "i42", "f0x1.8000000000000p+0", "s6162",
// "t(i1,i2)", "z(...)", "ocode:g").
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "compile/constants.h"

namespace cppy::compile::testing {

__extension__ typedef __int128 i128;

struct MockValue {
  enum Kind { None, Bool, Int, Float, Str, Bytes, Tuple, FrozenSet, Ellipsis, Other } kind;
  i128 i = 0;          // Bool, Int
  double f = 0;        // Float
  std::string s;       // Str (UTF-8), Bytes, Other (its description)
  std::vector<const MockValue*> items;  // Tuple, FrozenSet
};

inline std::string i128_to_string(i128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
  std::string out;
  while (u) {
    out.insert(out.begin(), char('0' + int(u % 10)));
    u /= 10;
  }
  return neg ? "-" + out : out;
}

// float.hex().
inline std::string float_hex(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  std::string sign = std::signbit(d) ? "-" : "";
  d = std::fabs(d);
  if (d == 0) return sign + "0x0.0p+0";
  int e;
  double m = std::frexp(d, &e);  // d = m * 2^e, m in [0.5, 1)
  m *= 2;
  e -= 1;
  int lead = 1;
  if (e < -1022) {  // subnormal: 0x0.xxxp-1022
    m = std::ldexp(m, e + 1022);
    e = -1022;
    lead = 0;
  }
  double frac = m - lead;
  std::string digits;
  for (int k = 0; k < 13; k++) {
    frac *= 16;
    int dgt = int(frac);
    digits.push_back("0123456789abcdef"[dgt]);
    frac -= dgt;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s0x%d.%sp%+d", sign.c_str(), lead, digits.c_str(), e);
  return buf;
}

inline std::string hex_of(const std::string& s) {
  std::string out;
  char buf[3];
  for (unsigned char c : s) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    out += buf;
  }
  return out;
}

inline std::string unhex(const std::string& h) {
  std::string out;
  for (size_t k = 0; k + 1 < h.size(); k += 2) {
    out.push_back(char(std::strtol(h.substr(k, 2).c_str(), nullptr, 16)));
  }
  return out;
}

inline std::string encode(const MockValue* v) {
  switch (v->kind) {
    case MockValue::None:
      return "N";
    case MockValue::Ellipsis:
      return "E";
    case MockValue::Bool:
      return v->i ? "T" : "F";
    case MockValue::Int:
      return "i" + i128_to_string(v->i);
    case MockValue::Float:
      return "f" + float_hex(v->f);
    case MockValue::Str:
      return "s" + hex_of(v->s);
    case MockValue::Bytes:
      return "b" + hex_of(v->s);
    case MockValue::Tuple: {
      std::string out = "t(";
      for (size_t k = 0; k < v->items.size(); k++) out += (k ? "," : "") + encode(v->items[k]);
      return out + ")";
    }
    case MockValue::FrozenSet: {
      std::vector<std::string> parts;
      for (const MockValue* it : v->items) parts.push_back(encode(it));
      std::sort(parts.begin(), parts.end());
      std::string out = "z(";
      for (size_t k = 0; k < parts.size(); k++) out += (k ? "," : "") + parts[k];
      return out + ")";
    }
    case MockValue::Other:
      return "o" + v->s;
  }
  return "?";
}

class MockConstPool : public ConstPool {
 public:
  std::vector<const MockValue*> list;

  const MockValue* make(MockValue v) {
    arena_.push_back(std::make_unique<MockValue>(std::move(v)));
    return arena_.back().get();
  }
  static const MockValue* V(Const c) { return static_cast<const MockValue*>(c); }

  // Parses one encoded value starting at text[pos].
  const MockValue* parse(const std::string& text, size_t& pos) {
    char t = text[pos++];
    MockValue v{};
    auto token = [&]() {
      size_t end = text.find_first_of(",)", pos);
      if (end == std::string::npos) end = text.size();
      std::string tok = text.substr(pos, end - pos);
      pos = end;
      return tok;
    };
    switch (t) {
      case 'N':
        v.kind = MockValue::None;
        break;
      case 'E':
        v.kind = MockValue::Ellipsis;
        break;
      case 'T':
      case 'F':
        v.kind = MockValue::Bool;
        v.i = t == 'T';
        break;
      case 'i': {
        v.kind = MockValue::Int;
        std::string tok = token();
        bool neg = !tok.empty() && tok[0] == '-';
        for (size_t k = neg; k < tok.size(); k++) v.i = v.i * 10 + (tok[k] - '0');
        if (neg) v.i = -v.i;
        break;
      }
      case 'f':
        v.kind = MockValue::Float;
        v.f = std::strtod(token().c_str(), nullptr);
        break;
      case 's':
        v.kind = MockValue::Str;
        v.s = unhex(token());
        break;
      case 'b':
        v.kind = MockValue::Bytes;
        v.s = unhex(token());
        break;
      case 't':
      case 'z': {
        v.kind = t == 't' ? MockValue::Tuple : MockValue::FrozenSet;
        pos++;  // '('
        while (text[pos] != ')') {
          v.items.push_back(parse(text, pos));
          if (text[pos] == ',') pos++;
        }
        pos++;
        break;
      }
      default:
        v.kind = MockValue::Other;
        v.s = token();
        break;
    }
    return make(std::move(v));
  }
  const MockValue* parse(const std::string& text) {
    size_t pos = 0;
    return parse(text, pos);
  }

  int count() const override { return int(list.size()); }
  Const at(int index) const override { return list[index]; }
  int add(Const c) override {
    std::string key = encode(V(c));
    for (size_t k = 0; k < list.size(); k++) {
      if (encode(list[k]) == key) return int(k);
    }
    list.push_back(V(c));
    return int(list.size()) - 1;
  }
  void keep_only(const std::vector<int>& indices) override {
    std::vector<const MockValue*> kept;
    for (int k : indices) kept.push_back(list[k]);
    list = kept;
  }
  Const make_int(long value) override { return int_value_of(value); }
  Const make_bool(bool value) override {
    MockValue v{};
    v.kind = MockValue::Bool;
    v.i = value;
    return make(v);
  }
  Const make_tuple(const std::vector<Const>& items) override {
    MockValue v{};
    v.kind = MockValue::Tuple;
    for (Const c : items) v.items.push_back(V(c));
    return make(v);
  }
  Const make_frozenset(Const tuple) override {
    MockValue v{};
    v.kind = MockValue::FrozenSet;
    for (const MockValue* it : V(tuple)->items) {
      bool dup = false;
      for (const MockValue* have : v.items) dup = dup || equal(have, it);
      if (!dup) v.items.push_back(it);
    }
    return make(v);
  }
  bool is_int(Const c) const override {
    return V(c)->kind == MockValue::Int || V(c)->kind == MockValue::Bool;
  }
  bool is_exact_int(Const c) const override { return V(c)->kind == MockValue::Int; }
  bool is_tuple(Const c) const override { return V(c)->kind == MockValue::Tuple; }
  bool is_str(Const c) const override { return V(c)->kind == MockValue::Str; }
  bool is_bytes(Const c) const override { return V(c)->kind == MockValue::Bytes; }
  bool is_none(Const c) const override { return V(c)->kind == MockValue::None; }
  int int_sign(Const c) const override { return V(c)->i < 0 ? -1 : V(c)->i > 0; }
  int64_t int_num_bits(Const c) const override {
    i128 v = V(c)->i < 0 ? -V(c)->i : V(c)->i;
    int64_t bits = 0;
    while (v) {
      bits++;
      v >>= 1;
    }
    return bits;
  }
  bool int_value(Const c, int64_t* value) const override {
    i128 v = V(c)->i;
    if (v > INT64_MAX || v < INT64_MIN) return false;
    *value = int64_t(v);
    return true;
  }
  int64_t tuple_size(Const c) const override { return int64_t(V(c)->items.size()); }
  Const tuple_item(Const c, int64_t i) const override { return V(c)->items[i]; }
  int64_t str_length(Const c) const override {
    int64_t n = 0;
    for (unsigned char ch : V(c)->s) n += (ch & 0xC0) != 0x80;
    return n;
  }
  int64_t bytes_size(Const c) const override { return int64_t(V(c)->s.size()); }
  int is_true(Const c) override { return truth(V(c)); }

  FoldResult binary_op(Const left, int nb_op, Const right) override {
    const MockValue* a = V(left);
    const MockValue* b = V(right);
    const FoldResult no{nullptr, false};
    bool ai = is_int(a), bi = is_int(b);
    bool an = ai || a->kind == MockValue::Float, bn = bi || b->kind == MockValue::Float;
    if (ai && bi) {
      i128 x = a->i, y = b->i;
      switch (nb_op) {
        case 0:
          return ok(int_value_of(x + y));
        case 10:
          return ok(int_value_of(x - y));
        case 5:
          return ok(int_value_of(x * y));
        case 2:
          if (y == 0) return no;
          return ok(int_value_of(floordiv(x, y)));
        case 6:
          if (y == 0) return no;
          return ok(int_value_of(x - floordiv(x, y) * y));
        case 11:
          if (y == 0) return no;
          return ok(float_value_of(double(x) / double(y)));
        case 8: {
          if (y < 0) return no;  // a float result: not modelled
          i128 r = 1;
          for (i128 k = 0; k < y; k++) r *= x;
          return ok(int_value_of(r));
        }
        case 3:
          if (y < 0 || y > 126) return no;
          return ok(int_value_of(x << int(y)));
        case 9:
          if (y < 0) return no;
          return ok(int_value_of(y > 126 ? (x < 0 ? -1 : 0) : x >> int(y)));
        case 1:
          return ok(int_value_of(x & y));
        case 7:
          return ok(int_value_of(x | y));
        case 12:
          return ok(int_value_of(x ^ y));
      }
      return no;
    }
    if (an && bn) {
      double x = ai ? double(a->i) : a->f, y = bi ? double(b->i) : b->f;
      switch (nb_op) {
        case 0:
          return ok(float_value_of(x + y));
        case 10:
          return ok(float_value_of(x - y));
        case 5:
          return ok(float_value_of(x * y));
        case 11:
          if (y == 0) return no;
          return ok(float_value_of(x / y));
      }
      return no;
    }
    bool seq_a = a->kind == MockValue::Str || a->kind == MockValue::Bytes ||
                 a->kind == MockValue::Tuple;
    if (nb_op == 0 && seq_a && a->kind == b->kind) {
      MockValue v = *a;
      v.s += b->s;
      v.items.insert(v.items.end(), b->items.begin(), b->items.end());
      return ok(make(v));
    }
    if (nb_op == 5 && ((seq_a && bi) || (ai && (b->kind == MockValue::Str ||
                                               b->kind == MockValue::Bytes ||
                                               b->kind == MockValue::Tuple)))) {
      const MockValue* s = seq_a ? a : b;
      i128 n = seq_a ? b->i : a->i;
      MockValue v = *s;
      v.s.clear();
      v.items.clear();
      for (i128 k = 0; k < n; k++) {
        v.s += s->s;
        v.items.insert(v.items.end(), s->items.begin(), s->items.end());
      }
      return ok(make(v));
    }
    if (nb_op == 26 && seq_a && bi) {
      int64_t n = a->kind == MockValue::Tuple ? int64_t(a->items.size()) : int64_t(a->s.size());
      if (a->kind == MockValue::Str && str_length(a) != n) return no;  // ASCII only
      i128 k = b->i < 0 ? b->i + n : b->i;
      if (k < 0 || k >= n) return no;
      if (a->kind == MockValue::Tuple) return ok(a->items[size_t(k)]);
      if (a->kind == MockValue::Bytes) return ok(int_value_of((unsigned char)a->s[size_t(k)]));
      MockValue v{};
      v.kind = MockValue::Str;
      v.s = a->s.substr(size_t(k), 1);
      return ok(make(v));
    }
    return no;
  }

  FoldResult unary_op(Const operand, UnaryOp op) override {
    const MockValue* a = V(operand);
    const FoldResult no{nullptr, false};
    switch (op) {
      case UnaryOp::Not:
        return ok(make_bool(!truth(a)));
      case UnaryOp::Negative:
        if (is_int(a)) return ok(int_value_of(-a->i));
        if (a->kind == MockValue::Float) return ok(float_value_of(-a->f));
        return no;
      case UnaryOp::Positive:
        if (is_int(a)) return ok(int_value_of(a->i));
        if (a->kind == MockValue::Float) return ok(a);
        return no;
      case UnaryOp::Invert:
        if (is_int(a)) return ok(int_value_of(~a->i));
        return no;
    }
    return no;
  }

 private:
  std::deque<std::unique_ptr<MockValue>> arena_;

  static FoldResult ok(Const c) { return FoldResult{c, false}; }
  static i128 floordiv(i128 x, i128 y) {
    i128 q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q -= 1;
    return q;
  }
  const MockValue* int_value_of(i128 value) {
    MockValue v{};
    v.kind = MockValue::Int;
    v.i = value;
    return make(v);
  }
  const MockValue* float_value_of(double value) {
    MockValue v{};
    v.kind = MockValue::Float;
    v.f = value;
    return make(v);
  }
  static bool equal(const MockValue* a, const MockValue* b) {
    bool an = a->kind == MockValue::Int || a->kind == MockValue::Bool ||
              a->kind == MockValue::Float;
    bool bn = b->kind == MockValue::Int || b->kind == MockValue::Bool ||
              b->kind == MockValue::Float;
    if (an && bn) {
      double x = a->kind == MockValue::Float ? a->f : double(a->i);
      double y = b->kind == MockValue::Float ? b->f : double(b->i);
      return x == y;
    }
    return encode(a) == encode(b);
  }
  static int truth(const MockValue* a) {
    switch (a->kind) {
      case MockValue::None:
        return 0;
      case MockValue::Bool:
      case MockValue::Int:
        return a->i != 0;
      case MockValue::Float:
        return a->f != 0;
      case MockValue::Str:
      case MockValue::Bytes:
        return !a->s.empty();
      case MockValue::Tuple:
      case MockValue::FrozenSet:
        return !a->items.empty();
      default:
        return 1;
    }
  }
};

}  // namespace cppy::compile::testing
