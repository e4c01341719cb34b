// See konst.h. Keys follow _PyCode_ConstantKey (Objects/codeobject.c): a scalar's key is its
// type and repr (so 0.0 and -0.0, 1 and True differ), a tuple's the keys of its items, a
// code object's its whole contents (code objects compare by value).
#include "compile/konst.h"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <cstring>

#include "compile/compile.h"
#include "errors/errors.h"
#include "objects/boolobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/unicodeobject.h"
#include "parser/constants.h"
#include "pystrconv/pystrtod.h"

namespace cppy::compile {

using objects::Object;
namespace bigint = objects::bigint;

std::string compile_code_key(const CodeData& d);

Konst::~Konst() { objects::xdecref(obj); }

namespace {

std::string scalar_repr(Object* o) {
  std::string r;
  if (!parser::constant_repr(o, &r)) {
    errors::clear();
    return "<?>";
  }
  return r;
}

KonstKind kind_of(Object* o) {
  if (parser::is_none(o)) return KonstKind::None;
  if (o == parser::const_ellipsis()) return KonstKind::Ellipsis;
  if (o->type == &objects::bool_type) return KonstKind::Bool;
  if (objects::long_check(o)) return KonstKind::Int;
  if (objects::float_check(o)) return KonstKind::Float;
  if (objects::str_check(o)) return KonstKind::Str;
  if (parser::is_bytes(o)) return KonstKind::Bytes;
  return KonstKind::Complex;
}

bigint::View view_of(Object* o) {
  return bigint::View{objects::long_sign(o), objects::long_digit_count(o),
                      objects::as_long(o)->ob_digit};
}

}  // namespace

// An int object from a digit-library integer (sign and 30-bit digits, as the object stores).
Object* konst_long_from_int(const bigint::Int& v) {
  bigint::View w = v.view();
  if (w.n == 0) return objects::long_from_long(0);
  objects::LongObject* r = objects::long_new(w.n);
  if (!r) return nullptr;
  for (objects::ssize k = 0; k < w.n; k++) r->ob_digit[k] = w.d[k];
  r->lv_tag = objects::long_make_tag(w.sign, w.n);
  return objects::long_normalize(r);
}

namespace {

Object* long_from_int(const bigint::Int& v) { return konst_long_from_int(v); }

std::string str_utf8(Object* s) {
  objects::ssize n = 0;
  const char* p = objects::str_as_utf8(s, &n);
  return p ? std::string(p, size_t(n)) : std::string();
}

int64_t utf8_length(const std::string& s) {
  int64_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) n++;
  return n;
}

}  // namespace

const Konst* KonstFactory::intern(std::unique_ptr<Konst> k) {
  auto it = cache_.find(k->key);
  if (it != cache_.end()) return it->second;
  const Konst* p = k.get();
  cache_.emplace(k->key, p);
  all_.push_back(std::move(k));
  return p;
}

const Konst* KonstFactory::from_new_object(Object* o) {
  if (!o) return nullptr;
  auto k = std::make_unique<Konst>();
  k->kind = kind_of(o);
  k->obj = o;
  k->key = std::string(o->type->name) + ":" + scalar_repr(o);
  return intern(std::move(k));
}

const Konst* KonstFactory::from_object(Object* o) {
  return from_new_object(objects::new_ref(o));
}

const Konst* KonstFactory::none() { return from_object(parser::const_none()); }
const Konst* KonstFactory::boolean(bool v) { return from_new_object(objects::bool_from_bool(v)); }
const Konst* KonstFactory::integer(long v) { return from_new_object(objects::long_from_long(v)); }
const Konst* KonstFactory::str(const std::string& utf8) {
  return from_new_object(objects::str_from_utf8(utf8.data(), objects::ssize(utf8.size())));
}

const Konst* KonstFactory::tuple(std::vector<const Konst*> items) {
  auto k = std::make_unique<Konst>();
  k->kind = KonstKind::Tuple;
  k->key = "tuple:(";
  for (const Konst* i : items) k->key += i->key + "\x1e";
  k->key += ")";
  k->items = std::move(items);
  return intern(std::move(k));
}

const Konst* KonstFactory::frozenset(std::vector<const Konst*> items) {
  // Set semantics: equal items are one; the order is immaterial to the key.
  std::vector<const Konst*> uniq;
  for (const Konst* i : items) {
    bool seen = false;
    for (const Konst* j : uniq) seen = seen || j->key == i->key;
    if (!seen) uniq.push_back(i);
  }
  std::vector<std::string> keys;
  for (const Konst* i : uniq) keys.push_back(i->key);
  std::sort(keys.begin(), keys.end());
  auto k = std::make_unique<Konst>();
  k->kind = KonstKind::FrozenSet;
  k->key = "frozenset:{";
  for (const std::string& s : keys) k->key += s + "\x1e";
  k->key += "}";
  k->items = std::move(uniq);
  return intern(std::move(k));
}

const Konst* KonstFactory::slice(const Konst* start, const Konst* stop, const Konst* step) {
  auto k = std::make_unique<Konst>();
  k->kind = KonstKind::Slice;
  k->items = {start, stop, step};
  k->key = "slice:(" + start->key + "\x1e" + stop->key + "\x1e" + step->key + ")";
  return intern(std::move(k));
}

const Konst* KonstFactory::code(std::shared_ptr<CodeData> code) {
  auto k = std::make_unique<Konst>();
  k->kind = KonstKind::Code;
  k->key = compile_code_key(*code);
  k->code = std::move(code);
  return intern(std::move(k));
}

std::string konst_repr(const Konst* k) {
  switch (k->kind) {
    case KonstKind::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < k->items.size(); i++) {
        if (i) s += ", ";
        s += konst_repr(k->items[i]);
      }
      if (k->items.size() == 1) s += ",";
      return s + ")";
    }
    case KonstKind::FrozenSet: {
      std::string s = "frozenset({";
      for (size_t i = 0; i < k->items.size(); i++) {
        if (i) s += ", ";
        s += konst_repr(k->items[i]);
      }
      return s + "})";
    }
    case KonstKind::Slice:
      return "slice(" + konst_repr(k->items[0]) + ", " + konst_repr(k->items[1]) + ", " +
             konst_repr(k->items[2]) + ")";
    case KonstKind::Code:
      return "<code object " + k->code->name + ">";
    default:
      return scalar_repr(k->obj);
  }
}

const char* konst_type_name(const Konst* k) {
  switch (k->kind) {
    case KonstKind::Tuple: return "tuple";
    case KonstKind::FrozenSet: return "frozenset";
    case KonstKind::Slice: return "slice";
    case KonstKind::Code: return "code";
    default: return k->obj->type->name;
  }
}

// ---- UnitConsts ----

int UnitConsts::add_konst(const Konst* k) {
  auto it = index_.find(k->key);
  if (it != index_.end()) return it->second;
  int i = int(list_.size());
  list_.push_back(k);
  index_.emplace(k->key, i);
  return i;
}

void UnitConsts::keep_only(const std::vector<int>& indices) {
  std::vector<const Konst*> kept;
  for (int i : indices) kept.push_back(list_[i]);
  list_ = std::move(kept);
  index_.clear();
  for (size_t i = 0; i < list_.size(); i++) index_.emplace(list_[i]->key, int(i));
}

static const Konst* K(Const c) { return static_cast<const Konst*>(c); }

Const UnitConsts::make_int(long value) { return f_->integer(value); }
Const UnitConsts::make_bool(bool value) { return f_->boolean(value); }
Const UnitConsts::make_tuple(const std::vector<Const>& items) {
  std::vector<const Konst*> v;
  for (Const c : items) v.push_back(K(c));
  return f_->tuple(std::move(v));
}
Const UnitConsts::make_frozenset(Const tuple) { return f_->frozenset(K(tuple)->items); }

bool UnitConsts::is_int(Const c) const {
  return K(c)->kind == KonstKind::Int || K(c)->kind == KonstKind::Bool;
}
bool UnitConsts::is_exact_int(Const c) const { return K(c)->kind == KonstKind::Int; }
bool UnitConsts::is_tuple(Const c) const { return K(c)->kind == KonstKind::Tuple; }
bool UnitConsts::is_str(Const c) const { return K(c)->kind == KonstKind::Str; }
bool UnitConsts::is_bytes(Const c) const { return K(c)->kind == KonstKind::Bytes; }
bool UnitConsts::is_none(Const c) const { return K(c)->kind == KonstKind::None; }
int UnitConsts::int_sign(Const c) const { return objects::long_sign(K(c)->obj); }
int64_t UnitConsts::int_num_bits(Const c) const { return objects::long_num_bits(K(c)->obj); }
bool UnitConsts::int_value(Const c, int64_t* value) const {
  bigint::Int v = bigint::Int::from_view(view_of(K(c)->obj));
  return v.to_i64(value);
}
int64_t UnitConsts::tuple_size(Const c) const { return int64_t(K(c)->items.size()); }
Const UnitConsts::tuple_item(Const c, int64_t i) const { return K(c)->items[size_t(i)]; }
int64_t UnitConsts::str_length(Const c) const { return utf8_length(str_utf8(K(c)->obj)); }
int64_t UnitConsts::bytes_size(Const c) const {
  return int64_t(parser::bytes_contents(K(c)->obj).size());
}

int UnitConsts::is_true(Const c) {
  const Konst* k = K(c);
  switch (k->kind) {
    case KonstKind::None: return 0;
    case KonstKind::Ellipsis: return 1;
    case KonstKind::Bool:
    case KonstKind::Int: return objects::long_sign(k->obj) != 0;
    case KonstKind::Float: return objects::float_as_double(k->obj) != 0.0;
    case KonstKind::Str: return !str_utf8(k->obj).empty();
    case KonstKind::Bytes: return !parser::bytes_contents(k->obj).empty();
    case KonstKind::Tuple:
    case KonstKind::FrozenSet: return !k->items.empty();
    case KonstKind::Complex: return scalar_repr(k->obj) != "0j";
    default: return 1;
  }
}

namespace {

bool is_number(const Konst* k) {
  return k->kind == KonstKind::Int || k->kind == KonstKind::Bool || k->kind == KonstKind::Float;
}
double as_double(const Konst* k, bool* ok) {
  if (k->kind == KonstKind::Float) return objects::float_as_double(k->obj);
  double d = 0;
  *ok = bigint::to_double(view_of(k->obj), &d);
  return d;
}

constexpr int NB_ADD = 0, NB_AND = 1, NB_FLOOR_DIVIDE = 2, NB_LSHIFT = 3, NB_MULTIPLY = 5,
              NB_REMAINDER = 6, NB_OR = 7, NB_POWER = 8, NB_RSHIFT = 9, NB_SUBTRACT = 10,
              NB_TRUE_DIVIDE = 11, NB_XOR = 12, NB_SUBSCR = 26;

}  // namespace

FoldResult UnitConsts::binary_op(Const left, int nb_op, Const right) {
  const Konst* a = K(left);
  const Konst* b = K(right);
  FoldResult none{nullptr, false};
  auto isint = [](const Konst* k) {
    return k->kind == KonstKind::Int || k->kind == KonstKind::Bool;
  };
  if (a->kind == KonstKind::Bool && b->kind == KonstKind::Bool &&
      (nb_op == NB_AND || nb_op == NB_OR || nb_op == NB_XOR)) {
    // bool_and / bool_or / bool_xor: two bools give a bool.
    bool x = view_of(a->obj).sign != 0, y = view_of(b->obj).sign != 0;
    bool r = nb_op == NB_AND ? (x && y) : nb_op == NB_OR ? (x || y) : (x != y);
    return FoldResult{make_bool(r), false};
  }
  if (isint(a) && isint(b)) {
    bigint::View x = view_of(a->obj), y = view_of(b->obj);
    bigint::Int r;
    switch (nb_op) {
      case NB_ADD: r = bigint::add(x, y); break;
      case NB_SUBTRACT: r = bigint::sub(x, y); break;
      case NB_MULTIPLY: r = bigint::mul(x, y); break;
      case NB_AND: r = bigint::bit_and(x, y); break;
      case NB_OR: r = bigint::bit_or(x, y); break;
      case NB_XOR: r = bigint::bit_xor(x, y); break;
      case NB_FLOOR_DIVIDE:
      case NB_REMAINDER: {
        if (y.sign == 0) return none;
        bigint::Int q, m;
        if (!bigint::divmod(x, y, &q, &m)) return none;
        r = nb_op == NB_FLOOR_DIVIDE ? q : m;
        break;
      }
      case NB_LSHIFT:
      case NB_RSHIFT: {
        if (y.sign < 0) return none;
        bigint::Int yi = bigint::Int::from_view(y);
        std::uint64_t sh = 0;
        if (!yi.to_u64(&sh)) return none;
        r = nb_op == NB_LSHIFT ? bigint::lshift(x, sh) : bigint::rshift(x, sh);
        break;
      }
      case NB_POWER: {
        if (y.sign < 0) {
          // int ** negative int is float ** float (long_pow hands it to float_pow).
          bool ok = true;
          double fx = as_double(a, &ok), fy = as_double(b, &ok);
          if (!ok || fx == 0.0) return none;
          double r = std::pow(fx, fy);
          if (!std::isfinite(r)) return none;
          return FoldResult{f_->from_new_object(objects::float_from_double(r)), false};
        }
        if (bigint::pow(x, y, nullptr, &r) != bigint::PowStatus{}) return none;
        break;
      }
      case NB_TRUE_DIVIDE: {
        if (y.sign == 0) return none;
        double d = 0;
        if (bigint::true_divide(x, y, &d) != bigint::TrueDivStatus{}) return none;
        return FoldResult{f_->from_new_object(objects::float_from_double(d)), false};
      }
      default:
        return none;
    }
    Object* o = long_from_int(r);
    if (!o) {
      errors::clear();
      return none;
    }
    return FoldResult{f_->from_new_object(o), false};
  }
  if (is_number(a) && is_number(b) &&
      (a->kind == KonstKind::Float || b->kind == KonstKind::Float)) {
    bool ok = true;
    double x = as_double(a, &ok), y = as_double(b, &ok);
    if (!ok) return none;
    double r;
    switch (nb_op) {
      case NB_ADD: r = x + y; break;
      case NB_SUBTRACT: r = x - y; break;
      case NB_MULTIPLY: r = x * y; break;
      case NB_TRUE_DIVIDE:
        if (y == 0.0) return none;
        r = x / y;
        break;
      case NB_POWER:
        // float_pow: no folding where it raises or gives a complex result.
        if (x == 0.0 && y < 0.0) return none;
        if (x < 0.0 && y != std::floor(y)) return none;
        r = std::pow(x, y);
        if (!std::isfinite(r) && std::isfinite(x) && std::isfinite(y)) return none;
        break;
      default:
        return none;
    }
    return FoldResult{f_->from_new_object(objects::float_from_double(r)), false};
  }
  // Sequences (str, bytes, tuple): concatenation, repetition, indexing and slicing.
  auto is_seq = [](const Konst* k) {
    return k->kind == KonstKind::Str || k->kind == KonstKind::Bytes || k->kind == KonstKind::Tuple;
  };
  if (nb_op == NB_ADD && is_seq(a) && a->kind == b->kind) {
    if (a->kind == KonstKind::Str) return FoldResult{f_->str(str_utf8(a->obj) + str_utf8(b->obj)), false};
    if (a->kind == KonstKind::Bytes) {
      std::string r = parser::bytes_contents(a->obj) + parser::bytes_contents(b->obj);
      return FoldResult{f_->from_new_object(parser::const_bytes(r.data(), r.size())), false};
    }
    std::vector<const Konst*> v = a->items;
    v.insert(v.end(), b->items.begin(), b->items.end());
    return FoldResult{f_->tuple(std::move(v)), false};
  }
  if (nb_op == NB_MULTIPLY && ((is_seq(a) && isint(b)) || (isint(a) && is_seq(b)))) {
    const Konst* seq = is_seq(a) ? a : b;
    const Konst* cnt = is_seq(a) ? b : a;
    int64_t n = 0;
    if (!bigint::Int::from_view(view_of(cnt->obj)).to_i64(&n)) return none;
    if (n < 0) n = 0;
    if (seq->kind == KonstKind::Tuple) {
      std::vector<const Konst*> v;
      for (int64_t i = 0; i < n; i++) v.insert(v.end(), seq->items.begin(), seq->items.end());
      return FoldResult{f_->tuple(std::move(v)), false};
    }
    std::string s = seq->kind == KonstKind::Str ? str_utf8(seq->obj) : parser::bytes_contents(seq->obj);
    std::string out;
    for (int64_t i = 0; i < n; i++) out += s;
    if (seq->kind == KonstKind::Str) return FoldResult{f_->str(out), false};
    return FoldResult{f_->from_new_object(parser::const_bytes(out.data(), out.size())), false};
  }
  if (nb_op == NB_SUBSCR && is_seq(a) && (isint(b) || b->kind == KonstKind::Slice)) {
    // The elements: code points of a str, bytes of a bytes, items of a tuple.
    std::vector<std::string> cps;
    std::string bytes;
    int64_t size;
    if (a->kind == KonstKind::Str) {
      std::string s = str_utf8(a->obj);
      for (size_t i = 0; i < s.size();) {
        size_t j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) j++;
        cps.push_back(s.substr(i, j - i));
        i = j;
      }
      size = int64_t(cps.size());
    } else if (a->kind == KonstKind::Bytes) {
      bytes = parser::bytes_contents(a->obj);
      size = int64_t(bytes.size());
    } else {
      size = int64_t(a->items.size());
    }
    if (isint(b)) {
      int64_t n = 0;
      if (!bigint::Int::from_view(view_of(b->obj)).to_i64(&n)) return none;
      if (n < 0) n += size;
      if (n < 0 || n >= size) return none;
      if (a->kind == KonstKind::Str) return FoldResult{f_->str(cps[size_t(n)]), false};
      if (a->kind == KonstKind::Bytes) return FoldResult{f_->integer(static_cast<unsigned char>(bytes[size_t(n)])), false};
      return FoldResult{a->items[size_t(n)], false};
    }
    // PySlice_Unpack / PySlice_AdjustIndices with int or None bounds.
    int64_t bounds[3];
    bool present[3];
    for (int i = 0; i < 3; i++) {
      const Konst* x = b->items[size_t(i)];
      present[i] = x->kind != KonstKind::None;
      if (present[i] && !isint(x)) return none;
      if (present[i] && !bigint::Int::from_view(view_of(x->obj)).to_i64(&bounds[i])) return none;
    }
    int64_t step = present[2] ? bounds[2] : 1;
    if (step == 0) return none;
    int64_t start = present[0] ? bounds[0] : (step < 0 ? INT64_MAX : 0);
    int64_t stop = present[1] ? bounds[1] : (step < 0 ? INT64_MIN : INT64_MAX);
    auto adjust = [&](int64_t& v) {
      if (v < 0) {
        v += size;
        if (v < 0) v = step < 0 ? -1 : 0;
      } else if (v >= size) {
        v = step < 0 ? size - 1 : size;
      }
    };
    adjust(start);
    adjust(stop);
    std::vector<int64_t> idx;
    if (step > 0) {
      for (int64_t i = start; i < stop; i += step) idx.push_back(i);
    } else {
      for (int64_t i = start; i > stop; i += step) idx.push_back(i);
    }
    if (a->kind == KonstKind::Str) {
      std::string out;
      for (int64_t i : idx) out += cps[size_t(i)];
      return FoldResult{f_->str(out), false};
    }
    if (a->kind == KonstKind::Bytes) {
      std::string out;
      for (int64_t i : idx) out += bytes[size_t(i)];
      return FoldResult{f_->from_new_object(parser::const_bytes(out.data(), out.size())), false};
    }
    std::vector<const Konst*> v;
    for (int64_t i : idx) v.push_back(a->items[size_t(i)]);
    return FoldResult{f_->tuple(std::move(v)), false};
  }
  return none;
}

FoldResult UnitConsts::unary_op(Const operand, UnaryOp op) {
  const Konst* a = K(operand);
  FoldResult none{nullptr, false};
  if (op == UnaryOp::Not) {
    int t = is_true(operand);
    return FoldResult{f_->boolean(!t), false};
  }
  if (a->kind == KonstKind::Int || a->kind == KonstKind::Bool) {
    bigint::View x = view_of(a->obj);
    bigint::Int r;
    switch (op) {
      case UnaryOp::Negative: r = bigint::neg(x); break;
      case UnaryOp::Invert:
        // fold_const_unaryop: ~bool is left to run time, where it is deprecated (a warning).
        if (a->kind == KonstKind::Bool) return none;
        r = bigint::invert(x);
        break;
      case UnaryOp::Positive: r = bigint::Int::from_view(x); break;
      default: return none;
    }
    Object* o = long_from_int(r);
    if (!o) {
      errors::clear();
      return none;
    }
    return FoldResult{f_->from_new_object(o), false};
  }
  if (a->kind == KonstKind::Float) {
    double d = objects::float_as_double(a->obj);
    if (op == UnaryOp::Negative) d = -d;
    else if (op != UnaryOp::Positive) return none;
    return FoldResult{f_->from_new_object(objects::float_from_double(d)), false};
  }
  return none;
}

}  // namespace cppy::compile
