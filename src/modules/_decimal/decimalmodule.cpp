// The _decimal module: Modules/_decimal/_decimal.c. Decimal objects hold an mpdecimal.h
// number; Context objects hold the mpd context with the capitals setting and two SignalDict
// views (traps, flags) of its trap and status words. Every operation works on a status word
// that dec_addstatus merges into the context's flags, raising the first trapped signal with
// the list of trapped conditions as its argument.
#include "modules/_decimal/decimalmodule.h"

#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "hash/hash.h"
#include "imp/import.h"
#include "modules/_decimal/mpdecimal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/complexobject.h"
#include "objects/context.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/spec_types.h"
#include "unicode/unicodectype.h"

namespace cppy::modules::decimal {

using namespace objects;
namespace bi = objects::bigint;

Object* decimal_format_obj(const Dec& d0, Object* fmt, Object* override, const Context& ctx,
                           bool caps, bool* fallback);

namespace {

// ---------------------------------------------------------------------------------------
// Objects.

struct DecObject : Object {
  hash_t hash;
  Dec dec;
};

struct CtxObject : Object {
  Context ctx;
  Object* traps;
  Object* flags;
  int capitals;
};

struct SignalDictObject : Object {
  std::uint32_t* flags;  // into the context, or own_flags once the context is gone
  std::uint32_t own_flags;
};

struct CtxManagerObject : Object {
  Object* local;
  Object* global;
};

extern TypeObject dec_type;
extern TypeObject ctx_type;
extern TypeObject signaldict_mixin_type;
extern TypeObject ctxmanager_type;

TypeObject* g_signaldict_type = nullptr;  // SignalDict(SignalDictMixin, MutableMapping)
Object* g_decimal_tuple = nullptr;
Object* g_rational = nullptr;             // numbers.Rational
Object* g_context_var = nullptr;
Object* g_default_template = nullptr;
Object* g_basic_template = nullptr;
Object* g_extended_template = nullptr;
Object* g_round_strings[kRoundGuard] = {};
Object* g_signal_tuple = nullptr;
Object* g_decimal_exception = nullptr;

inline Dec& dec_of(Object* o) { return static_cast<DecObject*>(o)->dec; }
inline CtxObject* as_ctx(Object* o) { return static_cast<CtxObject*>(o); }
inline Context& ctx_of(Object* o) { return as_ctx(o)->ctx; }
inline bool dec_check(Object* o) { return type_check(o, &dec_type); }
inline bool ctx_check(Object* o) { return type_check(o, &ctx_type); }

const char* const kRoundNames[kRoundGuard] = {
    "ROUND_UP",        "ROUND_DOWN",      "ROUND_CEILING", "ROUND_FLOOR",
    "ROUND_HALF_UP",   "ROUND_HALF_DOWN", "ROUND_HALF_EVEN", "ROUND_05UP",
    "ROUND_TRUNC"};
constexpr int kPyRoundGuard = kRoundTrunc;  // ROUND_TRUNC is not exposed

struct CondMap {
  const char* name;
  const char* fqname;
  std::uint32_t flag;
  Object* ex;
};

// signal_map and cond_map of _decimal.c.
CondMap g_signal_map[] = {
    {"InvalidOperation", "decimal.InvalidOperation", kIEEEInvalid, nullptr},
    {"FloatOperation", "decimal.FloatOperation", kFloatOperation, nullptr},
    {"DivisionByZero", "decimal.DivisionByZero", kDivisionByZero, nullptr},
    {"Overflow", "decimal.Overflow", kOverflow, nullptr},
    {"Underflow", "decimal.Underflow", kUnderflow, nullptr},
    {"Subnormal", "decimal.Subnormal", kSubnormal, nullptr},
    {"Inexact", "decimal.Inexact", kInexact, nullptr},
    {"Rounded", "decimal.Rounded", kRounded, nullptr},
    {"Clamped", "decimal.Clamped", kClamped, nullptr},
};
constexpr int kSignalMapLen = 9;

CondMap g_cond_map[] = {
    {"InvalidOperation", "decimal.InvalidOperation", kInvalidOperation, nullptr},
    {"ConversionSyntax", "decimal.ConversionSyntax", kConversionSyntax, nullptr},
    {"DivisionImpossible", "decimal.DivisionImpossible", kDivisionImpossible, nullptr},
    {"DivisionUndefined", "decimal.DivisionUndefined", kDivisionUndefined, nullptr},
    {"InvalidContext", "decimal.InvalidContext", kInvalidContext, nullptr},
};
constexpr int kCondMapLen = 5;

const char* const kInvalidRoundingErr =
    "valid values for rounding are:\n"
    "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
    "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
    "   ROUND_05UP]";

const char* const kInvalidSignalsErr =
    "valid values for signals are:\n"
    "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
    "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
    "   Clamped]";

constexpr std::uint32_t kDecInvalidSignals = kMaxStatus + 1;
constexpr std::uint32_t kDecErrOccurred = kDecInvalidSignals << 1;
constexpr std::uint32_t kDecErrors = kDecInvalidSignals | kDecErrOccurred;

// flags_as_exception
Object* flags_as_exception(std::uint32_t flags) {
  for (auto& cm : g_signal_map) {
    if (flags & cm.flag) return cm.ex;
  }
  errors::set_string(exc_RuntimeError, "internal error in flags_as_exception");
  return nullptr;
}

// exception_as_flag
std::uint32_t exception_as_flag(Object* ex) {
  for (auto& cm : g_signal_map) {
    if (cm.ex == ex) return cm.flag;
  }
  errors::set_string(exc_KeyError, kInvalidSignalsErr);
  return kDecInvalidSignals;
}

// flags_as_list
Object* flags_as_list(std::uint32_t flags) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  for (auto& cm : g_cond_map) {
    if ((flags & cm.flag) && list_append(list.get(), cm.ex) < 0) return nullptr;
  }
  for (int i = 1; i < kSignalMapLen; ++i) {
    if ((flags & g_signal_map[i].flag) && list_append(list.get(), g_signal_map[i].ex) < 0) {
      return nullptr;
    }
  }
  return list.release();
}

// signals_as_list
Object* signals_as_list(std::uint32_t flags) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  for (auto& cm : g_signal_map) {
    if ((flags & cm.flag) && list_append(list.get(), cm.ex) < 0) return nullptr;
  }
  return list.release();
}

// list_as_flags
std::uint32_t list_as_flags(Object* list) {
  std::uint32_t flags = 0;
  for (ssize j = 0; j < list_size(list); ++j) {
    std::uint32_t x = exception_as_flag(list_get_item(list, j));
    if (x & kDecErrors) return x;
    flags |= x;
  }
  return flags;
}

// dict_as_flags
std::uint32_t dict_as_flags(Object* val) {
  if (!dict_check(val)) {
    errors::set_string(exc_TypeError, "argument must be a signal dict");
    return kDecInvalidSignals;
  }
  if (dict_size(val) != kSignalMapLen) {
    errors::set_string(exc_KeyError, "invalid signal dict");
    return kDecInvalidSignals;
  }
  std::uint32_t flags = 0;
  for (auto& cm : g_signal_map) {
    Object* b = dict_get_item_with_error(val, cm.ex);
    if (!b) {
      if (errors::occurred()) return kDecErrOccurred;
      errors::set_string(exc_KeyError, "invalid signal dict");
      return kDecInvalidSignals;
    }
    int x = object_is_true(b);
    if (x < 0) return kDecErrOccurred;
    if (x) flags |= cm.flag;
  }
  return flags;
}

// dec_addstatus: 1 with the trapped signal raised, else 0.
int addstatus(Object* context, std::uint32_t status) {
  Context& ctx = ctx_of(context);
  ctx.status |= status;
  if (status & (ctx.traps | kMallocError)) {
    if (status & kMallocError) {
      errors::no_memory();
      return 1;
    }
    Object* ex = flags_as_exception(ctx.traps & status);
    if (!ex) return 1;
    Ref<> siglist = Ref<>::steal(flags_as_list(ctx.traps & status));
    if (!siglist) return 1;
    errors::set_object(reinterpret_cast<TypeObject*>(ex), siglist.get());
    return 1;
  }
  return 0;
}

// The argument-count messages of PyArg_ParseTuple without a function name.
bool check_args(ssize nargs, ssize min, ssize max) {
  if (nargs >= min && nargs <= max) return true;
  const char* how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
  ssize n = nargs < min ? min : max;
  errors::format(exc_TypeError, "function takes %s %zd argument%s (%zd given)", how, n,
                 n == 1 ? "" : "s", nargs);
  return false;
}

// A METH_VARARGS method's refusal of keywords.
bool no_kw(const char* name, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    errors::format(exc_TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

// getround
int getround(Object* v) {
  if (str_check(v)) {
    for (int i = 0; i < kPyRoundGuard; ++i) {
      if (v == g_round_strings[i]) return i;
    }
    for (int i = 0; i < kPyRoundGuard; ++i) {
      if (str_equal(v, g_round_strings[i])) return i;
    }
  }
  errors::set_string(exc_TypeError, kInvalidRoundingErr);
  return -1;
}

// ---------------------------------------------------------------------------------------
// SignalDict (signaldict_*).

Object* signaldict_new_for(std::uint32_t* flags) {
  Object* o = object_call_no_args(reinterpret_cast<Object*>(g_signaldict_type));
  if (!o) return nullptr;
  static_cast<SignalDictObject*>(o)->flags = flags;
  return o;
}

bool signaldict_valid(Object* self) {
  if (!static_cast<SignalDictObject*>(self)->flags) {
    errors::set_string(exc_ValueError, "invalid signal dict");
    return false;
  }
  return true;
}

int signaldict_init(Object* self, Object*, Object*) {
  static_cast<SignalDictObject*>(self)->flags = nullptr;
  return 0;
}

ssize signaldict_len(Object* self) {
  if (!signaldict_valid(self)) return -1;
  return kSignalMapLen;
}

Object* signaldict_iter(Object* self) {
  if (!signaldict_valid(self)) return nullptr;
  return object_get_iter(g_signal_tuple);
}

Object* signaldict_getitem(Object* self, Object* key) {
  if (!signaldict_valid(self)) return nullptr;
  std::uint32_t flag = exception_as_flag(key);
  if (flag & kDecErrors) return nullptr;
  return bool_from_bool(*static_cast<SignalDictObject*>(self)->flags & flag);
}

int signaldict_setitem(Object* self, Object* key, Object* value) {
  if (!signaldict_valid(self)) return -1;
  if (!value) {
    errors::set_string(exc_ValueError, "signal keys cannot be deleted");
    return -1;
  }
  std::uint32_t flag = exception_as_flag(key);
  if (flag & kDecErrors) return -1;
  int x = object_is_true(value);
  if (x < 0) return -1;
  std::uint32_t& f = *static_cast<SignalDictObject*>(self)->flags;
  if (x) {
    f |= flag;
  } else {
    f &= ~flag;
  }
  return 0;
}

Object* signaldict_repr(Object* self) {
  if (!signaldict_valid(self)) return nullptr;
  std::uint32_t f = *static_cast<SignalDictObject*>(self)->flags;
  std::string s = "{";
  for (int i = 0; i < kSignalMapLen; ++i) {
    if (i) s += ", ";
    s += "<class '";
    s += g_signal_map[i].fqname;
    s += "'>:";
    s += (f & g_signal_map[i].flag) ? "True" : "False";
  }
  s += "}";
  return str_from_utf8(s.data(), static_cast<ssize>(s.size()));
}

Object* signaldict_as_dict(Object* self) {
  std::uint32_t f = *static_cast<SignalDictObject*>(self)->flags;
  Ref<> d = Ref<>::steal(dict_new());
  if (!d) return nullptr;
  for (auto& cm : g_signal_map) {
    if (dict_set_item(d.get(), cm.ex, (f & cm.flag) ? py_true() : py_false()) < 0) return nullptr;
  }
  return d.release();
}

Object* signaldict_richcompare(Object* v, Object* w, int op) {
  if (!signaldict_valid(v)) return nullptr;
  if (op != kEQ && op != kNE) return return_not_implemented();
  if (type_check(w, &signaldict_mixin_type)) {
    if (!signaldict_valid(w)) return nullptr;
    bool eq = *static_cast<SignalDictObject*>(v)->flags == *static_cast<SignalDictObject*>(w)->flags;
    return bool_from_bool(op == kEQ ? eq : !eq);
  }
  if (dict_check(w)) {
    std::uint32_t flags = dict_as_flags(w);
    if (flags & kDecErrors) {
      if (flags & kDecErrOccurred) return nullptr;
      errors::clear();
      return return_not_implemented();
    }
    bool eq = *static_cast<SignalDictObject*>(v)->flags == flags;
    return bool_from_bool(op == kEQ ? eq : !eq);
  }
  return return_not_implemented();
}

Object* signaldict_copy(Object* self, Object*) {
  if (!signaldict_valid(self)) return nullptr;
  return signaldict_as_dict(self);
}

MappingMethods signaldict_as_mapping = {signaldict_len, signaldict_getitem, signaldict_setitem};

MethodDef signaldict_methods[] = {
    {"copy", reinterpret_cast<void*>(signaldict_copy), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

TypeObject signaldict_mixin_type = [] {
  TypeObject t = static_type("decimal.SignalDictMixin", sizeof(SignalDictObject), 0,
                             kTpflagsBasetype);
  t.repr = signaldict_repr;
  t.as_mapping = &signaldict_as_mapping;
  t.hash = object_hash_not_implemented;
  t.getattro = object_generic_getattr;
  t.richcompare = signaldict_richcompare;
  t.iter = signaldict_iter;
  t.methods = signaldict_methods;
  t.init = signaldict_init;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

// ---------------------------------------------------------------------------------------
// Decimal allocation and conversions.

Object* dec_alloc(TypeObject* type) {
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  DecObject* d = static_cast<DecObject*>(o);
  d->hash = -1;
  new (&d->dec) Dec();
  return o;
}

void dec_dealloc(Object* o) {
  static_cast<DecObject*>(o)->dec.~Dec();
  o->type->free(o);
}

Object* dec_new(Dec&& v) {
  Object* o = dec_alloc(&dec_type);
  if (!o) return nullptr;
  dec_of(o) = std::move(v);
  return o;
}


// ---------------------------------------------------------------------------------------
// Contexts.

Object* dec_context_copy(Object* self);

// init_current_context / current_context: the thread's context (new reference), created
// from the default template on first use.
Object* current_context() {
  Object* tl = nullptr;
  if (contextvar_get(g_context_var, nullptr, &tl) < 0) return nullptr;
  if (tl) return tl;
  Ref<> ctx = Ref<>::steal(dec_context_copy(g_default_template));
  if (!ctx) return nullptr;
  ctx_of(ctx.get()).status = 0;
  Ref<> tok = Ref<>::steal(contextvar_set(g_context_var, ctx.get()));
  if (!tok) return nullptr;
  return ctx.release();
}

// The context argument of a method: None means the current one. New reference.
Object* resolve_context(Object* context) {
  if (!context || context == none()) return current_context();
  if (!ctx_check(context)) {
    errors::set_string(exc_TypeError, "optional argument must be a context");
    return nullptr;
  }
  return new_ref(context);
}

// ---------------------------------------------------------------------------------------
// Conversions to Decimal.

// A Python int as a Dec (exact).
Dec dec_from_pylong(Object* v) {
  Dec d;
  Int i = Int::from_view(long_view(v));
  d.sign = i.sign() < 0;
  if (d.sign) i.negate();
  d.coef = std::move(i);
  return d;
}

// PyDecType_FromFloatExact's value.
Dec dec_from_double(double x) {
  Dec d;
  if (std::isnan(x)) {
    d.kind = kNaN;
    return d;
  }
  d.sign = std::signbit(x);
  if (std::isinf(x)) {
    d.kind = kInf;
    return d;
  }
  x = std::fabs(x);
  if (x == 0) return d;
  int e;
  double m = std::frexp(x, &e);  // x = m * 2**e, 0.5 <= m < 1
  std::uint64_t mant = static_cast<std::uint64_t>(std::ldexp(m, 53));
  e -= 53;
  while ((mant & 1) == 0) {
    mant >>= 1;
    ++e;
  }
  Int c = Int::from_u64(mant);
  if (e >= 0) {
    c = bi::lshift(c, static_cast<std::uint64_t>(e));
    d.coef = std::move(c);
    d.exp = 0;
  } else {
    Int five;
    bi::pow(Int::from_u64(5), Int::from_u64(static_cast<std::uint64_t>(-e)), nullptr, &five);
    d.coef = bi::mul(c, five);
    d.exp = e;
  }
  return d;
}

Context max_context() {
  Context c;
  c.prec = kMaxPrec;
  c.emax = kMaxEmax;
  c.emin = kMinEmin;
  c.round = kRoundHalfEven;
  c.traps = 0;
  c.clamp = 0;
  return c;
}

// numeric_as_ascii: Unicode digits to ASCII, whitespace stripped at both ends, underscores
// dropped. False for characters that cannot be part of a number (the result then fails to
// parse): they become '?'.
std::string numeric_as_ascii(Object* u) {
  ssize n = str_length(u);
  ssize lo = 0, hi = n;
  while (lo < hi && unicode::is_space(str_read_char(u, lo))) ++lo;
  while (hi > lo && unicode::is_space(str_read_char(u, hi - 1))) --hi;
  std::string s;
  s.reserve(static_cast<std::size_t>(hi - lo));
  for (ssize i = lo; i < hi; ++i) {
    UCS4 ch = str_read_char(u, i);
    if (ch == '_') continue;
    if (ch < 128) {
      s += static_cast<char>(ch);
      continue;
    }
    if (unicode::is_space(ch)) {
      s += ' ';
      continue;
    }
    int d = unicode::to_decimal(ch);
    s += d >= 0 ? static_cast<char>('0' + d) : '?';
  }
  return s;
}

// PyDecType_FromCStringExact / PyDecType_FromCString: the string's value, exact or rounded
// to the context. nullptr with the trapped signal raised.
bool dec_from_str_obj(Object* u, Object* context, bool exact, Dec* out) {
  std::string s = numeric_as_ascii(u);
  std::uint32_t status = 0;
  Dec d;
  if (s.find('\0') != std::string::npos || !dec_from_string(s, &d)) {
    d = Dec();
    d.kind = kNaN;
    status |= kConversionSyntax;
  } else if (exact) {
    Context mc = max_context();
    if (d.is_nan()) {
      if (!d.coef.is_zero() && ndigits(d.coef) > mc.prec) {
        d = Dec();
        d.kind = kNaN;
        status |= kConversionSyntax;
      }
    } else {
      std::uint32_t st = 0;
      finalize(d, mc, st);
      if (st & (kInexact | kRounded | kClamped)) {
        d = Dec();
        d.kind = kNaN;
        status |= kInvalidOperation;
      }
    }
  } else {
    const Context& ctx = ctx_of(context);
    if (d.is_nan()) {
      if (!d.coef.is_zero() && ndigits(d.coef) > ctx.prec - ctx.clamp) {
        d = Dec();
        d.kind = kNaN;
        status |= kConversionSyntax;
      }
    } else {
      finalize(d, ctx, status);
    }
  }
  if (addstatus(context, status & kMaxStatus)) return false;
  *out = std::move(d);
  return true;
}

// dectuple_as_str + the string conversion: Decimal((sign, digits, exponent)).
bool dec_from_tuple(Object* v, Object* context, bool exact, Dec* out) {
  Ref<> tuple;
  if (list_check(v)) {
    tuple = Ref<>::steal(sequence_tuple(v));
    if (!tuple) return false;
  } else {
    tuple = Ref<>::borrow(v);
  }
  if (tuple_size(tuple.get()) != 3) {
    errors::set_string(exc_ValueError, "argument must be a sequence of length 3");
    return false;
  }
  Object* sign_o = tuple_item(tuple.get(), 0);
  if (!long_check(sign_o)) {
    errors::set_string(exc_ValueError, "sign must be an integer with the value 0 or 1");
    return false;
  }
  long sign = long_as_long(sign_o);
  if (sign == -1 && errors::occurred()) return false;
  if (sign != 0 && sign != 1) {
    errors::set_string(exc_ValueError, "sign must be an integer with the value 0 or 1");
    return false;
  }
  std::string s = sign ? "-" : "";
  Object* exp_o = tuple_item(tuple.get(), 2);
  std::string expstr;
  bool special = false;
  if (str_check(exp_o)) {
    if (str_equal_cstr(exp_o, "F")) {
      s += "Inf";
      special = true;
    } else if (str_equal_cstr(exp_o, "n")) {
      s += "NaN";
    } else if (str_equal_cstr(exp_o, "N")) {
      s += "sNaN";
    } else {
      errors::set_string(exc_ValueError,
                         "string argument in the third position must be 'F', 'n' or 'N'");
      return false;
    }
  } else if (long_check(exp_o)) {
    Ref<> es = Ref<>::steal(long_to_decimal_string(exp_o));
    if (!es) return false;
    expstr = str_as_utf8(es.get());
  } else {
    errors::set_string(exc_ValueError, "exponent must be an integer");
    return false;
  }
  Object* digits_o = tuple_item(tuple.get(), 1);
  Ref<> digits;
  if (list_check(digits_o)) {
    digits = Ref<>::steal(sequence_tuple(digits_o));
    if (!digits) return false;
  } else if (tuple_check(digits_o)) {
    digits = Ref<>::borrow(digits_o);
  } else {
    errors::set_string(exc_ValueError, "coefficient must be a tuple of digits");
    return false;
  }
  if (!special) {
    for (ssize i = 0; i < tuple_size(digits.get()); ++i) {
      Object* dg = tuple_item(digits.get(), i);
      if (!long_check(dg)) {
        errors::set_string(exc_ValueError, "coefficient must be a tuple of digits");
        return false;
      }
      long l = long_as_long(dg);
      if (l == -1 && errors::occurred()) return false;
      if (l < 0 || l > 9) {
        errors::set_string(exc_ValueError, "coefficient must be a tuple of digits");
        return false;
      }
      s += static_cast<char>('0' + l);
    }
    if (!expstr.empty()) {
      if (tuple_size(digits.get()) == 0) s += '0';
      s += 'e';
      s += expstr;
    }
  }
  Ref<> u = Ref<>::steal(str_from_utf8(s.data(), static_cast<ssize>(s.size())));
  if (!u) return false;
  return dec_from_str_obj(u.get(), context, exact, out);
}

// PyDecType_FromObjectExact / PyDecType_FromObject (exact == false rounds to the context).
// The result Dec, or false with an error.
bool dec_from_object(Object* v, Object* context, bool exact, Dec* out) {
  if (!v) {
    *out = Dec();
    return true;
  }
  if (dec_check(v)) {
    Dec d = dec_of(v);
    if (!exact) {
      const Context& ctx = ctx_of(context);
      std::uint32_t status = 0;
      if (d.is_nan() && !d.coef.is_zero() && ndigits(d.coef) > ctx.prec - ctx.clamp) {
        d = Dec();
        d.kind = kNaN;
        status |= kConversionSyntax;
      } else {
        finalize(d, ctx, status);
      }
      if (addstatus(context, status)) return false;
    }
    *out = std::move(d);
    return true;
  }
  if (str_check(v)) return dec_from_str_obj(v, context, exact, out);
  if (long_check(v)) {
    Dec d = dec_from_pylong(v);
    if (!exact) {
      std::uint32_t status = 0;
      finalize(d, ctx_of(context), status);
      if (addstatus(context, status)) return false;
    }
    *out = std::move(d);
    return true;
  }
  if (tuple_check(v) || list_check(v)) return dec_from_tuple(v, context, exact, out);
  if (float_check(v)) {
    if (addstatus(context, kFloatOperation)) return false;
    Dec d = dec_from_double(float_as_double(v));
    if (!exact) {
      std::uint32_t status = 0;
      finalize(d, ctx_of(context), status);
      if (addstatus(context, status)) return false;
    }
    *out = std::move(d);
    return true;
  }
  errors::format(exc_TypeError, "conversion from %s to Decimal is not supported",
                 v->type->name);
  return false;
}

// convert_op: a Decimal operand for the number protocol (int accepted), or NotImplemented.
// 1 converted (*out set), 0 not implemented, -1 error.
int convert_op(Object* v, Dec* out, bool raise) {
  if (dec_check(v)) {
    *out = dec_of(v);
    return 1;
  }
  if (long_check(v)) {
    *out = dec_from_pylong(v);
    return 1;
  }
  if (raise) {
    errors::format(exc_TypeError, "conversion from %s to Decimal is not supported",
                   v->type->name);
    return -1;
  }
  return 0;
}

// A borrowed view: avoids copying a Decimal's number when it is one.
struct Operand {
  const Dec* p = nullptr;
  Dec own;
  const Dec& get() const { return *p; }
};

int operand(Object* v, Operand* out, bool raise) {
  if (dec_check(v)) {
    out->p = &dec_of(v);
    return 1;
  }
  int r = convert_op(v, &out->own, raise);
  if (r == 1) out->p = &out->own;
  return r;
}

// ---------------------------------------------------------------------------------------
// Decimal: construction.

Object* dec_from_object_to_type(TypeObject* type, Object* v, Object* context, bool exact) {
  if (type == &dec_type && v && dec_check(v) && v->type == &dec_type && exact) {
    return new_ref(v);
  }
  Dec d;
  if (!dec_from_object(v, context, exact, &d)) return nullptr;
  Object* o = dec_alloc(type);
  if (!o) return nullptr;
  dec_of(o) = std::move(d);
  return o;
}

// dec_new: Decimal(value="0", context=None).
Object* Decimal_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"value", "context", nullptr};
  static const ArgParser parser = {nullptr, kw, 0, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args ? tuple_items(args) : nullptr, args ? tuple_size(args) : 0, kwds,
                       nullptr, parser, a)) {
    return nullptr;
  }
  Ref<> context = Ref<>::steal(resolve_context(a[1]));
  if (!context) return nullptr;
  return dec_from_object_to_type(type, a[0], context.get(), true);
}

// ---------------------------------------------------------------------------------------
// Decimal: text.

bool ctx_capitals(Object* context) { return as_ctx(context)->capitals != 0; }

Object* str_from_std(const std::string& s) {
  return str_from_utf8(s.data(), static_cast<ssize>(s.size()));
}

Object* Decimal_str(Object* self) {
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  return str_from_std(to_sci_string(dec_of(self), ctx_capitals(context.get())));
}

Object* Decimal_repr(Object* self) {
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  std::string s = "Decimal('" + to_sci_string(dec_of(self), ctx_capitals(context.get())) + "')";
  return str_from_std(s);
}

// ---------------------------------------------------------------------------------------
// Decimal: conversions to Python numbers.

// The integral value of a finite Dec with exp >= 0 (or integral) as a Python int.
Object* int_from_integral(const Dec& d) {
  Int v;
  if (d.exp >= 0) {
    v = shiftl(d.coef, d.exp);
  } else {
    bi::divrem(d.coef, pow10(-d.exp), &v, nullptr);
  }
  if (d.sign) v.negate();
  return long_from_int(v);
}

// dec_as_long
Object* dec_as_long(Object* self, int round) {
  const Dec& d = dec_of(self);
  if (d.is_special()) {
    if (d.is_nan()) {
      errors::set_string(exc_ValueError, "cannot convert NaN to integer");
    } else {
      errors::set_string(exc_OverflowError, "cannot convert Infinity to integer");
    }
    return nullptr;
  }
  Dec r;
  std::uint32_t status = 0;
  qround_to_int(r, d, round, false, max_context(), status);
  return int_from_integral(r);
}

Object* Decimal_int(Object* self) { return dec_as_long(self, kRoundDown); }

Object* Decimal_float(Object* self) {
  const Dec& d = dec_of(self);
  if (d.is_nan()) {
    if (d.is_snan()) {
      errors::set_string(exc_ValueError, "cannot convert signaling NaN to float");
      return nullptr;
    }
    return float_from_double(d.sign ? -std::nan("") : std::nan(""));
  }
  std::string s = to_sci_string(d, true);
  return float_from_double(std::strtod(s.c_str(), nullptr));
}

int Decimal_bool(Object* self) {
  const Dec& d = dec_of(self);
  return d.is_special() || !d.coef.is_zero();
}

// ---------------------------------------------------------------------------------------
// Decimal: hash (_dec_hash).

std::uint64_t mulmod61(std::uint64_t a, std::uint64_t b) {
  unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
  std::uint64_t lo = static_cast<std::uint64_t>(p & hash::kModulus);
  std::uint64_t hi = static_cast<std::uint64_t>(p >> 61);
  std::uint64_t r = lo + hi;
  while (r >= hash::kModulus) r -= hash::kModulus;
  return r;
}

std::uint64_t powmod61(std::uint64_t base, std::uint64_t e) {
  std::uint64_t r = 1;
  base %= hash::kModulus;
  while (e) {
    if (e & 1) r = mulmod61(r, base);
    base = mulmod61(base, base);
    e >>= 1;
  }
  return r;
}

hash_t Decimal_hash(Object* self) {
  DecObject* o = static_cast<DecObject*>(self);
  if (o->hash != -1) return o->hash;
  const Dec& d = o->dec;
  hash_t h;
  if (d.is_special()) {
    if (d.is_snan()) {
      errors::set_string(exc_TypeError, "Cannot hash a signaling NaN value");
      return -1;
    }
    if (d.is_nan()) return hash_pointer(self);
    h = d.sign ? -hash::kInf : hash::kInf;
  } else {
    Int m;
    bi::divrem(d.coef, Int::from_u64(hash::kModulus), nullptr, &m);
    std::uint64_t cm = 0;
    m.to_u64(&cm);
    std::uint64_t ep;
    if (d.exp >= 0) {
      ep = powmod61(10, static_cast<std::uint64_t>(d.exp));
    } else {
      // the inverse of 10 modulo 2**61 - 1
      std::uint64_t inv10 = powmod61(10, hash::kModulus - 2);
      ep = powmod61(inv10, static_cast<std::uint64_t>(-d.exp));
    }
    std::uint64_t v = mulmod61(cm, ep);
    h = static_cast<hash_t>(v);
    if (d.sign) h = -h;
    if (h == -1) h = -2;
  }
  o->hash = h;
  return h;
}

// ---------------------------------------------------------------------------------------
// Decimal: comparisons (dec_richcompare, convert_op_cmp).

// Exact a * n for the rational comparison (multiply_by_denominator).
Dec exact_mul_int(const Dec& a, Object* n) {
  Dec d = dec_from_pylong(n);
  Dec r;
  r.sign = a.sign != d.sign;
  r.coef = bi::mul(a.coef, d.coef);
  r.exp = a.exp;
  return r;
}

Object* Decimal_richcompare(Object* v, Object* w, int op) {
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  Dec a = dec_of(v);
  Dec b;
  if (dec_check(w)) {
    b = dec_of(w);
  } else if (long_check(w)) {
    b = dec_from_pylong(w);
  } else if (float_check(w)) {
    if (op != kEQ && op != kNE && addstatus(context.get(), kFloatOperation)) return nullptr;
    if (op == kEQ || op == kNE) ctx_of(context.get()).status |= kFloatOperation;
    b = dec_from_double(float_as_double(w));
  } else if ((op == kEQ || op == kNE) && complex_check(w)) {
    double im = static_cast<ComplexObject*>(w)->cval.imag;
    if (im != 0.0) return return_not_implemented();
    ctx_of(context.get()).status |= kFloatOperation;
    b = dec_from_double(static_cast<ComplexObject*>(w)->cval.real);
  } else {
    int is_rational = g_rational ? object_is_instance(w, g_rational) : 0;
    if (is_rational < 0) return nullptr;
    if (!is_rational) return return_not_implemented();
    Ref<> num = Ref<>::steal(object_getattr_string(w, "numerator"));
    if (!num) return nullptr;
    Ref<> den = Ref<>::steal(object_getattr_string(w, "denominator"));
    if (!den) return nullptr;
    if (!long_check(num.get()) || !long_check(den.get())) return return_not_implemented();
    if (!a.is_special()) a = exact_mul_int(a, den.get());
    b = dec_from_pylong(num.get());
  }
  bool a_snan = a.is_snan(), b_snan = b.is_snan();
  if (a.is_nan() || b.is_nan()) {
    if (a_snan || b_snan || (op != kEQ && op != kNE)) {
      if (addstatus(context.get(), kInvalidOperation)) return nullptr;
    }
    return bool_from_bool(op == kNE);
  }
  int r = cmp(a, b);
  bool res = false;
  switch (op) {
    case kEQ: res = r == 0; break;
    case kNE: res = r != 0; break;
    case kLT: res = r < 0; break;
    case kLE: res = r <= 0; break;
    case kGT: res = r > 0; break;
    case kGE: res = r >= 0; break;
  }
  return bool_from_bool(res);
}

// ---------------------------------------------------------------------------------------
// Operations shared by Decimal methods, Context methods and the number protocol.

using UnFn = void (*)(Dec&, const Dec&, const Context&, std::uint32_t&);
using BinFn = void (*)(Dec&, const Dec&, const Dec&, const Context&, std::uint32_t&);

Object* run_unary(UnFn f, const Dec& a, Object* context) {
  Dec r;
  std::uint32_t st = 0;
  f(r, a, ctx_of(context), st);
  if (addstatus(context, st)) return nullptr;
  return dec_new(std::move(r));
}

Object* run_binary(BinFn f, const Dec& a, const Dec& b, Object* context) {
  Dec r;
  std::uint32_t st = 0;
  f(r, a, b, ctx_of(context), st);
  if (addstatus(context, st)) return nullptr;
  return dec_new(std::move(r));
}

void f_compare(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qcompare(r, a, b, false, c, s);
}
void f_compare_signal(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qcompare(r, a, b, true, c, s);
}
void f_max(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qmax(r, a, b, false, true, c, s);
}
void f_min(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qmax(r, a, b, false, false, c, s);
}
void f_max_mag(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qmax(r, a, b, true, true, c, s);
}
void f_min_mag(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qmax(r, a, b, true, false, c, s);
}
void f_and(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qlogical(r, a, b, '&', c, s);
}
void f_or(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qlogical(r, a, b, '|', c, s);
}
void f_xor(Dec& r, const Dec& a, const Dec& b, const Context& c, std::uint32_t& s) {
  qlogical(r, a, b, '^', c, s);
}
void f_compare_total(Dec& r, const Dec& a, const Dec& b, const Context&, std::uint32_t&) {
  r = dec_from_i64(cmp_total(a, b));
}
void f_compare_total_mag(Dec& r, const Dec& a, const Dec& b, const Context&, std::uint32_t&) {
  r = dec_from_i64(cmp_total_mag(a, b));
}
void f_copy_sign(Dec& r, const Dec& a, const Dec& b, const Context&, std::uint32_t&) {
  r = a;
  r.sign = b.sign;
}
void f_apply(Dec& r, const Dec& a, const Context& c, std::uint32_t& s) {
  if (check_nan(r, a, c, s)) return;
  r = a;
  finalize(r, c, s);
}
void f_copy_abs(Dec& r, const Dec& a, const Context&, std::uint32_t&) {
  r = a;
  r.sign = false;
}
void f_copy_negate(Dec& r, const Dec& a, const Context&, std::uint32_t&) {
  r = a;
  r.sign = !r.sign;
}
void f_copy(Dec& r, const Dec& a, const Context&, std::uint32_t&) { r = a; }

// ---------------------------------------------------------------------------------------
// Decimal: the number protocol.

Object* nb_binary(Object* a, Object* b, BinFn f) {
  Operand x, y;
  int k = operand(a, &x, false);
  if (k <= 0) return k < 0 ? nullptr : return_not_implemented();
  k = operand(b, &y, false);
  if (k <= 0) return k < 0 ? nullptr : return_not_implemented();
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  return run_binary(f, x.get(), y.get(), context.get());
}

Object* nb_unary(Object* a, UnFn f) {
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  return run_unary(f, dec_of(a), context.get());
}

Object* nb_add(Object* a, Object* b) { return nb_binary(a, b, qadd); }
Object* nb_sub(Object* a, Object* b) { return nb_binary(a, b, qsub); }
Object* nb_mul(Object* a, Object* b) { return nb_binary(a, b, qmul); }
Object* nb_truediv(Object* a, Object* b) { return nb_binary(a, b, qdiv); }
Object* nb_floordiv(Object* a, Object* b) { return nb_binary(a, b, qdivint); }
Object* nb_rem(Object* a, Object* b) { return nb_binary(a, b, qrem); }
Object* nb_neg(Object* a) { return nb_unary(a, qminus); }
Object* nb_pos(Object* a) { return nb_unary(a, qplus); }
Object* nb_abs(Object* a) { return nb_unary(a, qabs); }

Object* divmod_result(const Dec& a, const Dec& b, Object* context) {
  Dec q, r;
  std::uint32_t st = 0;
  qdivmod(q, r, a, b, ctx_of(context), st);
  if (addstatus(context, st)) return nullptr;
  Ref<> qo = Ref<>::steal(dec_new(std::move(q)));
  if (!qo) return nullptr;
  Ref<> ro = Ref<>::steal(dec_new(std::move(r)));
  if (!ro) return nullptr;
  return tuple_pack(2, qo.get(), ro.get());
}

Object* nb_divmod(Object* a, Object* b) {
  Operand x, y;
  int k = operand(a, &x, false);
  if (k <= 0) return k < 0 ? nullptr : return_not_implemented();
  k = operand(b, &y, false);
  if (k <= 0) return k < 0 ? nullptr : return_not_implemented();
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  return divmod_result(x.get(), y.get(), context.get());
}

Object* power_result(const Dec& a, const Dec& b, const Dec* m, Object* context) {
  Dec r;
  std::uint32_t st = 0;
  if (m) {
    qpowmod(r, a, b, *m, ctx_of(context), st);
  } else {
    qpow(r, a, b, ctx_of(context), st);
  }
  if (addstatus(context, st)) return nullptr;
  return dec_new(std::move(r));
}

Object* nb_pow(Object* a, Object* b, Object* mod) {
  Operand x, y, z;
  int k = operand(a, &x, false);
  if (k <= 0) return k < 0 ? nullptr : return_not_implemented();
  k = operand(b, &y, false);
  if (k <= 0) return k < 0 ? nullptr : return_not_implemented();
  if (mod != none()) {
    k = operand(mod, &z, false);
    if (k <= 0) return k < 0 ? nullptr : return_not_implemented();
  }
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  return power_result(x.get(), y.get(), mod != none() ? &z.get() : nullptr, context.get());
}

NumberMethods dec_as_number = [] {
  NumberMethods n{};
  n.add = nb_add;
  n.subtract = nb_sub;
  n.multiply = nb_mul;
  n.remainder = nb_rem;
  n.divmod = nb_divmod;
  n.power = nb_pow;
  n.negative = nb_neg;
  n.positive = nb_pos;
  n.absolute = nb_abs;
  n.bool_ = Decimal_bool;
  n.int_ = Decimal_int;
  n.float_ = Decimal_float;
  n.floor_divide = nb_floordiv;
  n.true_divide = nb_truediv;
  return n;
}();

// ---------------------------------------------------------------------------------------
// Decimal methods.

const char* const kKwContext[] = {"context", nullptr};
const char* const kKwOtherContext[] = {"other", "context", nullptr};

// Parses (context=None) and resolves it; new reference or null.
Object* parse_context_only(const char* /*name*/, Object* const* args, ssize nargs,
                           Object* kwnames) {
  ArgParser p{nullptr, kKwContext, 0, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, p, a)) return nullptr;
  return resolve_context(a[0]);
}

Object* dec_unary_m(const char* name, UnFn f, Object* self, Object* const* args, ssize nargs,
                    Object* kwnames) {
  Ref<> context = Ref<>::steal(parse_context_only(name, args, nargs, kwnames));
  if (!context) return nullptr;
  return run_unary(f, dec_of(self), context.get());
}

Object* dec_binary_m(const char* /*name*/, BinFn f, Object* self, Object* const* args, ssize nargs,
                     Object* kwnames) {
  ArgParser p{nullptr, kKwOtherContext, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, p, a)) return nullptr;
  Ref<> context = Ref<>::steal(resolve_context(a[1]));
  if (!context) return nullptr;
  Operand y;
  if (operand(a[0], &y, true) < 0) return nullptr;
  return run_binary(f, dec_of(self), y.get(), context.get());
}

#define DEC_UNARY(NAME, FN)                                                                 \
  Object* Dec_##NAME(Object* self, Object* const* args, ssize nargs, Object* kwnames) {     \
    return dec_unary_m(#NAME, FN, self, args, nargs, kwnames);                              \
  }
#define DEC_BINARY(NAME, FN)                                                                \
  Object* Dec_##NAME(Object* self, Object* const* args, ssize nargs, Object* kwnames) {     \
    return dec_binary_m(#NAME, FN, self, args, nargs, kwnames);                             \
  }

DEC_UNARY(exp, qexp)
DEC_UNARY(ln, qln)
DEC_UNARY(log10, qlog10)
DEC_UNARY(logb, qlogb)
DEC_UNARY(logical_invert, qinvert)
DEC_UNARY(next_minus, qnext_minus)
DEC_UNARY(next_plus, qnext_plus)
DEC_UNARY(normalize, qreduce)
DEC_UNARY(sqrt, qsqrt)
DEC_BINARY(compare, f_compare)
DEC_BINARY(compare_signal, f_compare_signal)
DEC_BINARY(max, f_max)
DEC_BINARY(max_mag, f_max_mag)
DEC_BINARY(min, f_min)
DEC_BINARY(min_mag, f_min_mag)
DEC_BINARY(next_toward, qnext_toward)
DEC_BINARY(remainder_near, qrem_near)
DEC_BINARY(rotate, qrotate)
DEC_BINARY(scaleb, qscaleb)
DEC_BINARY(shift, qshift)
DEC_BINARY(logical_and, f_and)
DEC_BINARY(logical_or, f_or)
DEC_BINARY(logical_xor, f_xor)
DEC_BINARY(compare_total, f_compare_total)
DEC_BINARY(compare_total_mag, f_compare_total_mag)
DEC_BINARY(copy_sign, f_copy_sign)

Object* Dec_same_quantum(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  ArgParser p{nullptr, kKwOtherContext, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, p, a)) return nullptr;
  Ref<> context = Ref<>::steal(resolve_context(a[1]));
  if (!context) return nullptr;
  Operand y;
  if (operand(a[0], &y, true) < 0) return nullptr;
  const Dec& x = dec_of(self);
  const Dec& b = y.get();
  bool r;
  if (x.is_special() || b.is_special()) {
    r = (x.is_nan() && b.is_nan()) || (x.is_inf() && b.is_inf());
  } else {
    r = x.exp == b.exp;
  }
  return bool_from_bool(r);
}

Object* Dec_fma(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"other", "third", "context", nullptr};
  ArgParser p{nullptr, kw, 2, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, p, a)) return nullptr;
  Ref<> context = Ref<>::steal(resolve_context(a[2]));
  if (!context) return nullptr;
  Operand y, z;
  if (operand(a[0], &y, true) < 0 || operand(a[1], &z, true) < 0) return nullptr;
  Dec r;
  std::uint32_t st = 0;
  qfma(r, dec_of(self), y.get(), z.get(), ctx_of(context.get()), st);
  if (addstatus(context.get(), st)) return nullptr;
  return dec_new(std::move(r));
}

Object* Dec_quantize(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"exp", "rounding", "context", nullptr};
  ArgParser p{nullptr, kw, 1, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, p, a)) return nullptr;
  Ref<> context = Ref<>::steal(resolve_context(a[2]));
  if (!context) return nullptr;
  Context work = ctx_of(context.get());
  if (a[1] && a[1] != none()) {
    int r = getround(a[1]);
    if (r < 0) return nullptr;
    work.round = r;
  }
  Operand y;
  if (operand(a[0], &y, true) < 0) return nullptr;
  Dec r;
  std::uint32_t st = 0;
  qquantize(r, dec_of(self), y.get(), work, st);
  if (addstatus(context.get(), st)) return nullptr;
  return dec_new(std::move(r));
}

Object* to_integral_impl(const char* /*name*/, bool exact, Object* self, Object* const* args,
                         ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"rounding", "context", nullptr};
  ArgParser p{nullptr, kw, 0, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, p, a)) return nullptr;
  Ref<> context = Ref<>::steal(resolve_context(a[1]));
  if (!context) return nullptr;
  int round = ctx_of(context.get()).round;
  if (a[0] && a[0] != none()) {
    round = getround(a[0]);
    if (round < 0) return nullptr;
  }
  Dec r;
  std::uint32_t st = 0;
  qround_to_int(r, dec_of(self), round, exact, ctx_of(context.get()), st);
  if (addstatus(context.get(), st)) return nullptr;
  return dec_new(std::move(r));
}

Object* Dec_to_integral(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return to_integral_impl("to_integral", false, self, args, nargs, kwnames);
}
Object* Dec_to_integral_value(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return to_integral_impl("to_integral_value", false, self, args, nargs, kwnames);
}
Object* Dec_to_integral_exact(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return to_integral_impl("to_integral_exact", true, self, args, nargs, kwnames);
}

Object* Dec_number_class(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref<> context = Ref<>::steal(parse_context_only("number_class", args, nargs, kwnames));
  if (!context) return nullptr;
  return str_from_cstr(number_class(dec_of(self), ctx_of(context.get())));
}

Object* Dec_to_eng_string(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref<> context = Ref<>::steal(parse_context_only("to_eng_string", args, nargs, kwnames));
  if (!context) return nullptr;
  return str_from_std(to_eng_string(dec_of(self), ctx_capitals(context.get())));
}

Object* Dec_is_normal(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref<> context = Ref<>::steal(parse_context_only("is_normal", args, nargs, kwnames));
  if (!context) return nullptr;
  return bool_from_bool(is_normal(dec_of(self), ctx_of(context.get())));
}

Object* Dec_is_subnormal(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref<> context = Ref<>::steal(parse_context_only("is_subnormal", args, nargs, kwnames));
  if (!context) return nullptr;
  return bool_from_bool(is_subnormal(dec_of(self), ctx_of(context.get())));
}

#define DEC_PRED(NAME, EXPR)                          \
  Object* Dec_##NAME(Object* self, Object*) {         \
    const Dec& d = dec_of(self);                      \
    return bool_from_bool(EXPR);                      \
  }
DEC_PRED(is_canonical, (static_cast<void>(d), true))
DEC_PRED(is_finite, d.is_finite())
DEC_PRED(is_infinite, d.is_inf())
DEC_PRED(is_nan, d.is_nan())
DEC_PRED(is_qnan, d.is_qnan())
DEC_PRED(is_snan, d.is_snan())
DEC_PRED(is_signed, d.sign)
DEC_PRED(is_zero, d.is_zero())

Object* Dec_adjusted(Object* self, Object*) {
  const Dec& d = dec_of(self);
  return long_from_long_long(d.is_special() ? 0 : d.adjexp());
}

Object* Dec_canonical(Object* self, Object*) { return new_ref(self); }
Object* Dec_conjugate(Object* self, Object*) { return new_ref(self); }

Object* Dec_radix(Object*, Object*) { return dec_new(dec_from_i64(10)); }

Object* Dec_copy_abs(Object* self, Object*) {
  Dec r = dec_of(self);
  r.sign = false;
  return dec_new(std::move(r));
}

Object* Dec_copy_negate(Object* self, Object*) {
  Dec r = dec_of(self);
  r.sign = !r.sign;
  return dec_new(std::move(r));
}

// PyDec_AsTuple
Object* Dec_as_tuple(Object* self, Object*) {
  const Dec& d = dec_of(self);
  Ref<> sign = Ref<>::steal(long_from_long(d.sign ? 1 : 0));
  if (!sign) return nullptr;
  Ref<> expo;
  std::string digits;
  if (d.is_inf()) {
    expo = Ref<>::steal(str_from_cstr("F"));
    digits = "0";
  } else if (d.is_nan()) {
    expo = Ref<>::steal(str_from_cstr(d.is_snan() ? "N" : "n"));
    if (!d.coef.is_zero()) digits = coef_string(d.coef);
  } else {
    expo = Ref<>::steal(long_from_long_long(d.exp));
    digits = coef_string(d.coef);
  }
  if (!expo) return nullptr;
  Ref<> coeff = Ref<>::steal(tuple_new(static_cast<ssize>(digits.size())));
  if (!coeff) return nullptr;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    tuple_set_item(coeff.get(), static_cast<ssize>(i), new_ref(long_small(digits[i] - '0')));
  }
  return object_call_function_obj_args(g_decimal_tuple, sign.get(), coeff.get(), expo.get(),
                                       nullptr);
}

// dec_as_integer_ratio
Object* Dec_as_integer_ratio(Object* self, Object*) {
  const Dec& d = dec_of(self);
  if (d.is_special()) {
    if (d.is_nan()) {
      errors::set_string(exc_ValueError, "cannot convert NaN to integer ratio");
    } else {
      errors::set_string(exc_OverflowError, "cannot convert Infinity to integer ratio");
    }
    return nullptr;
  }
  Int n, den;
  if (d.exp >= 0) {
    n = shiftl(d.coef, d.exp);
    den = Int::from_u64(1);
  } else {
    n = d.coef;
    den = pow10(-d.exp);
    Int g = bi::gcd(n, den);
    if (!n.is_zero()) {
      bi::divrem(n, g, &n, nullptr);
      bi::divrem(den, g, &den, nullptr);
    } else {
      den = Int::from_u64(1);
    }
  }
  if (d.sign) n.negate();
  Ref<> no = Ref<>::steal(long_from_int(n));
  if (!no) return nullptr;
  Ref<> dd = Ref<>::steal(long_from_int(den));
  if (!dd) return nullptr;
  return tuple_pack_maybe_tracked(2, no.get(), dd.get());
}

Object* Dec_from_float(Object* cls, Object* pyfloat) {
  Dec d;
  if (long_check(pyfloat)) {
    d = dec_from_pylong(pyfloat);
  } else if (float_check(pyfloat)) {
    d = dec_from_double(float_as_double(pyfloat));
  } else {
    errors::set_string(exc_TypeError, "argument must be int or float");
    return nullptr;
  }
  Ref<> result = Ref<>::steal(dec_new(std::move(d)));
  if (!result) return nullptr;
  if (cls == reinterpret_cast<Object*>(&dec_type)) return result.release();
  return object_call_one_arg(cls, result.get());
}

Object* Dec_from_number(Object* cls, Object* number) {
  Dec d;
  if (dec_check(number)) {
    d = dec_of(number);
  } else if (long_check(number)) {
    d = dec_from_pylong(number);
  } else if (float_check(number)) {
    d = dec_from_double(float_as_double(number));
  } else {
    errors::format(exc_TypeError, "conversion from %s to Decimal is not supported",
                   number->type->name);
    return nullptr;
  }
  Ref<> result = Ref<>::steal(dec_new(std::move(d)));
  if (!result) return nullptr;
  if (cls == reinterpret_cast<Object*>(&dec_type)) return result.release();
  return object_call_one_arg(cls, result.get());
}

Object* Dec_floor(Object* self, Object*) { return dec_as_long(self, kRoundFloor); }
Object* Dec_ceil(Object* self, Object*) { return dec_as_long(self, kRoundCeiling); }
Object* Dec_trunc(Object* self, Object*) { return dec_as_long(self, kRoundDown); }

Object* Dec_complex(Object* self, Object*) {
  Ref<> f = Ref<>::steal(Decimal_float(self));
  if (!f) return nullptr;
  return complex_from_doubles(float_as_double(f.get()), 0.0);
}

// PyDec_Round
Object* Dec_round(Object* self, Object* const* args, ssize nargs) {
  if (!check_args(nargs, 0, 1)) return nullptr;
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  if (nargs == 1 && args[0] != none()) {
    if (!long_check(args[0])) {
      errors::set_string(exc_TypeError, "optional arg must be an integer");
      return nullptr;
    }
    long long y = long_as_long_long(args[0]);
    if (y == -1 && errors::occurred()) return nullptr;
    Dec q;
    q.coef = Int::from_u64(1);
    q.exp = -y;
    Dec r;
    std::uint32_t st = 0;
    qquantize(r, dec_of(self), q, ctx_of(context.get()), st);
    if (addstatus(context.get(), st)) return nullptr;
    return dec_new(std::move(r));
  }
  return dec_as_long(self, kRoundHalfEven);
}

Object* Dec_format(Object* self, Object* const* args, ssize nargs) {
  if (!check_args(nargs, 1, 2)) return nullptr;
  if (!str_check(args[0])) {
    errors::set_string(exc_TypeError, "format arg must be str");
    return nullptr;
  }
  Object* override = nargs > 1 ? args[1] : nullptr;
  if (override && !dict_check(override)) {
    errors::format(exc_TypeError, "optional argument must be a dict");
    return nullptr;
  }
  Ref<> context = Ref<>::steal(current_context());
  if (!context) return nullptr;
  bool fallback = false;
  Object* r = decimal_format_obj(dec_of(self), args[0], override, ctx_of(context.get()),
                                 ctx_capitals(context.get()), &fallback);
  if (r || !fallback) return r;
  // pydec_format: _pydecimal formats the specs libmpdec does not know.
  Ref<> pymod = Ref<>::steal(imp::import_module("_pydecimal"));
  if (!pymod) return nullptr;
  Ref<> pydec_type = Ref<>::steal(object_getattr_string(pymod.get(), "Decimal"));
  if (!pydec_type) return nullptr;
  Ref<> u = Ref<>::steal(Decimal_str(self));
  if (!u) return nullptr;
  Ref<> pydec = Ref<>::steal(object_call_one_arg(pydec_type.get(), u.get()));
  if (!pydec) return nullptr;
  Ref<> name = Ref<>::steal(str_from_cstr("__format__"));
  if (!name) return nullptr;
  Object* res = call_method_obj_args(pydec.get(), name.get(), args[0], context.get(), nullptr);
  if (!res && errors::exception_matches(reinterpret_cast<Object*>(exc_ValueError))) {
    errors::clear();
    errors::set_string(exc_ValueError, "invalid format string");
  }
  return res;
}

Object* Dec_copy(Object* self, Object*) { return new_ref(self); }
Object* Dec_deepcopy(Object* self, Object*) { return new_ref(self); }

Object* Dec_reduce(Object* self, Object*) {
  Ref<> s = Ref<>::steal(str_from_std(to_sci_string(dec_of(self), true)));
  if (!s) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(1, s.get()));
  if (!args) return nullptr;
  return tuple_pack(2, reinterpret_cast<Object*>(self->type), args.get());
}

Object* Dec_sizeof(Object* self, Object*) {
  std::size_t n = static_cast<std::size_t>(self->type->basicsize) +
                  static_cast<std::size_t>(dec_of(self).coef.size()) * sizeof(bi::digit);
  return long_from_size_t(n);
}

Object* Dec_real(Object* self, void*) { return new_ref(self); }
Object* Dec_imag(Object*, void*) { return dec_new(Dec()); }

constexpr int kFK = kMethFastcall | kMethKeywords;
#define M_FK(NAME) {#NAME, reinterpret_cast<void*>(Dec_##NAME), kFK, nullptr}
#define M_NO(NAME) {#NAME, reinterpret_cast<void*>(Dec_##NAME), kMethNoArgs, nullptr}

MethodDef dec_methods[] = {
    M_FK(exp), M_FK(ln), M_FK(log10), M_FK(next_minus), M_FK(next_plus), M_FK(normalize),
    M_FK(to_integral), M_FK(to_integral_exact), M_FK(to_integral_value), M_FK(sqrt),
    M_FK(compare), M_FK(compare_signal), M_FK(max), M_FK(max_mag), M_FK(min),
    M_FK(min_mag), M_FK(next_toward), M_FK(quantize), M_FK(remainder_near), M_FK(fma),
    M_NO(is_canonical), M_NO(is_finite), M_NO(is_infinite), M_NO(is_nan), M_NO(is_qnan),
    M_NO(is_snan), M_NO(is_signed), M_NO(is_zero), M_FK(is_normal), M_FK(is_subnormal),
    M_NO(adjusted), M_NO(canonical), M_NO(conjugate), M_NO(radix), M_NO(copy_abs),
    M_NO(copy_negate), M_FK(logb), M_FK(logical_invert), M_FK(number_class),
    M_FK(to_eng_string), M_FK(compare_total), M_FK(compare_total_mag), M_FK(copy_sign),
    M_FK(same_quantum), M_FK(logical_and), M_FK(logical_or), M_FK(logical_xor),
    M_FK(rotate), M_FK(scaleb), M_FK(shift), M_NO(as_tuple), M_NO(as_integer_ratio),
    {"from_float", reinterpret_cast<void*>(Dec_from_float), kMethO | kMethClass, nullptr},
    {"from_number", reinterpret_cast<void*>(Dec_from_number), kMethO | kMethClass, nullptr},
    {"__copy__", reinterpret_cast<void*>(Dec_copy), kMethNoArgs, nullptr},
    {"__deepcopy__", reinterpret_cast<void*>(Dec_deepcopy), kMethO, nullptr},
    {"__format__", reinterpret_cast<void*>(Dec_format), kMethFastcall, nullptr},
    {"__reduce__", reinterpret_cast<void*>(Dec_reduce), kMethNoArgs, nullptr},
    {"__round__", reinterpret_cast<void*>(Dec_round), kMethFastcall, nullptr},
    {"__ceil__", reinterpret_cast<void*>(Dec_ceil), kMethNoArgs, nullptr},
    {"__floor__", reinterpret_cast<void*>(Dec_floor), kMethNoArgs, nullptr},
    {"__trunc__", reinterpret_cast<void*>(Dec_trunc), kMethNoArgs, nullptr},
    {"__complex__", reinterpret_cast<void*>(Dec_complex), kMethNoArgs, nullptr},
    {"__sizeof__", reinterpret_cast<void*>(Dec_sizeof), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef dec_getset[] = {{"real", Dec_real, nullptr, nullptr, nullptr},
                          {"imag", Dec_imag, nullptr, nullptr, nullptr},
                          {nullptr, nullptr, nullptr, nullptr, nullptr}};

TypeObject dec_type = [] {
  TypeObject t = static_type("decimal.Decimal", sizeof(DecObject), 0, kTpflagsBasetype);
  t.doc = "Decimal(value=\"0\", context=None)\n--\n\nConstruct a new Decimal object. 'value' "
          "can be an integer, string, tuple,\nor another Decimal object. If no value is "
          "given, return Decimal('0'). The\ncontext does not affect the conversion and is "
          "only passed to determine if\nthe InvalidOperation trap is active.\n\n";
  t.dealloc = dec_dealloc;
  t.repr = Decimal_repr;
  t.str = Decimal_str;
  t.as_number = &dec_as_number;
  t.hash = Decimal_hash;
  t.getattro = object_generic_getattr;
  t.richcompare = Decimal_richcompare;
  t.methods = dec_methods;
  t.getset = dec_getset;
  t.alloc = type_generic_alloc;
  t.new_ = Decimal_new;
  t.free = object_generic_free;
  return t;
}();

// ---------------------------------------------------------------------------------------
// Context.

Context default_mpd_context() {
  Context c;
  c.prec = 28;
  c.emax = 999999;
  c.emin = -999999;
  c.round = kRoundHalfEven;
  c.traps = kIEEEInvalid | kDivisionByZero | kOverflow;
  c.status = 0;
  c.clamp = 0;
  return c;
}

// context_new
Object* Context_new(TypeObject* type, Object*, Object*) {
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  CtxObject* c = as_ctx(self);
  new (&c->ctx) Context();
  c->traps = nullptr;
  c->flags = nullptr;
  c->capitals = 1;
  c->ctx = g_default_template ? ctx_of(g_default_template) : default_mpd_context();
  c->traps = signaldict_new_for(&c->ctx.traps);
  if (!c->traps) {
    decref(self);
    return nullptr;
  }
  c->flags = signaldict_new_for(&c->ctx.status);
  if (!c->flags) {
    decref(self);
    return nullptr;
  }
  return self;
}

void Context_dealloc(Object* self) {
  CtxObject* c = as_ctx(self);
  // A signal dict that outlives its context keeps the last value of its word.
  for (Object* sd : {c->traps, c->flags}) {
    if (!sd) continue;
    SignalDictObject* d = static_cast<SignalDictObject*>(sd);
    if (d->flags) d->own_flags = *d->flags;
    d->flags = &d->own_flags;
  }
  xdecref(c->traps);
  xdecref(c->flags);
  self->type->free(self);
}

// Setters (context_setprec, ...): 0 or -1.
int set_prec(Object* self, Object* value) {
  ssize x = long_as_ssize(value);
  if (x == -1 && errors::occurred()) return -1;
  if (x < 1 || x > kMaxPrec) {
    errors::set_string(exc_ValueError, "valid range for prec is [1, MAX_PREC]");
    return -1;
  }
  ctx_of(self).prec = x;
  return 0;
}

int set_emin(Object* self, Object* value) {
  ssize x = long_as_ssize(value);
  if (x == -1 && errors::occurred()) return -1;
  if (x < kMinEmin || x > 0) {
    errors::set_string(exc_ValueError, "valid range for Emin is [MIN_EMIN, 0]");
    return -1;
  }
  ctx_of(self).emin = x;
  return 0;
}

int set_emax(Object* self, Object* value) {
  ssize x = long_as_ssize(value);
  if (x == -1 && errors::occurred()) return -1;
  if (x < 0 || x > kMaxEmax) {
    errors::set_string(exc_ValueError, "valid range for Emax is [0, MAX_EMAX]");
    return -1;
  }
  ctx_of(self).emax = x;
  return 0;
}

int set_round(Object* self, Object* value) {
  int r = getround(value);
  if (r < 0) return -1;
  ctx_of(self).round = r;
  return 0;
}

int set_capitals(Object* self, Object* value) {
  ssize x = long_as_ssize(value);
  if (x == -1 && errors::occurred()) return -1;
  if (x != 0 && x != 1) {
    errors::set_string(exc_ValueError, "valid values for capitals are 0 or 1");
    return -1;
  }
  as_ctx(self)->capitals = static_cast<int>(x);
  return 0;
}

int set_clamp(Object* self, Object* value) {
  ssize x = long_as_ssize(value);
  if (x == -1 && errors::occurred()) return -1;
  if (x != 0 && x != 1) {
    errors::set_string(exc_ValueError, "valid values for clamp are 0 or 1");
    return -1;
  }
  ctx_of(self).clamp = static_cast<int>(x);
  return 0;
}

// context_settraps_list / _dict and the flags counterparts.
int set_signals(Object* value, std::uint32_t* out) {
  std::uint32_t flags;
  if (list_check(value)) {
    flags = list_as_flags(value);
  } else if (type_check(value, &signaldict_mixin_type)) {
    if (!signaldict_valid(value)) return -1;
    flags = *static_cast<SignalDictObject*>(value)->flags;
  } else {
    flags = dict_as_flags(value);
  }
  if (flags & kDecErrors) return -1;
  *out = flags;
  return 0;
}

int set_traps(Object* self, Object* value) { return set_signals(value, &ctx_of(self).traps); }
int set_flags(Object* self, Object* value) { return set_signals(value, &ctx_of(self).status); }

// Attribute assignment takes a signal dict only (context_settraps_dict).
int set_signals_dict(Object* value, std::uint32_t* out) {
  if (list_check(value)) {
    errors::set_string(exc_TypeError, "argument must be a signal dict");
    return -1;
  }
  return set_signals(value, out);
}

// context_setattrs: the non-None values, in Context()'s order.
int context_setattrs(Object* self, Object* const* v) {
  int (*const setters[])(Object*, Object*) = {set_prec,     set_round, set_emin,  set_emax,
                                               set_capitals, set_clamp, set_flags, set_traps};
  for (int i = 0; i < 8; ++i) {
    if (v[i] && v[i] != none() && setters[i](self, v[i]) < 0) return -1;
  }
  return 0;
}

const char* const kContextKw[] = {"prec",  "rounding", "Emin",  "Emax",
                                  "capitals", "clamp", "flags", "traps", nullptr};

int Context_init(Object* self, Object* args, Object* kwds) {
  static const ArgParser parser = {nullptr, kContextKw, 0, 8, 0};
  Object* a[8] = {};
  if (!unpack_keywords(args ? tuple_items(args) : nullptr, args ? tuple_size(args) : 0, kwds,
                       nullptr, parser, a)) {
    return -1;
  }
  return context_setattrs(self, a);
}

// The getset of Context.
Object* get_prec(Object* self, void*) { return long_from_long_long(ctx_of(self).prec); }
Object* get_emin(Object* self, void*) { return long_from_long_long(ctx_of(self).emin); }
Object* get_emax(Object* self, void*) { return long_from_long_long(ctx_of(self).emax); }
Object* get_round(Object* self, void*) { return new_ref(g_round_strings[ctx_of(self).round]); }
Object* get_capitals(Object* self, void*) { return long_from_long(as_ctx(self)->capitals); }
Object* get_clamp(Object* self, void*) { return long_from_long(ctx_of(self).clamp); }
Object* get_traps(Object* self, void*) { return new_ref(as_ctx(self)->traps); }
Object* get_flags(Object* self, void*) { return new_ref(as_ctx(self)->flags); }

#define CTX_SETTER(NAME)                                                  \
  int gs_##NAME(Object* self, Object* value, void*) {                     \
    if (!value) {                                                         \
      errors::set_string(exc_AttributeError,                              \
                         "context attributes cannot be deleted");         \
      return -1;                                                          \
    }                                                                     \
    return NAME(self, value);                                             \
  }
CTX_SETTER(set_prec)
CTX_SETTER(set_emin)
CTX_SETTER(set_emax)
CTX_SETTER(set_round)
CTX_SETTER(set_capitals)
CTX_SETTER(set_clamp)

// context_getattr / context_setattr: traps and flags are not descriptors.
Object* Context_getattro(Object* self, Object* name) {
  if (str_check(name)) {
    if (str_equal_cstr(name, "traps")) return get_traps(self, nullptr);
    if (str_equal_cstr(name, "flags")) return get_flags(self, nullptr);
  }
  return object_generic_getattr(self, name);
}

int Context_setattro(Object* self, Object* name, Object* value) {
  if (!value) {
    errors::set_string(exc_AttributeError, "context attributes cannot be deleted");
    return -1;
  }
  if (str_check(name)) {
    if (str_equal_cstr(name, "traps")) return set_signals_dict(value, &ctx_of(self).traps);
    if (str_equal_cstr(name, "flags")) return set_signals_dict(value, &ctx_of(self).status);
  }
  return object_generic_setattr(self, name, value);
}

GetSetDef ctx_getset[] = {
    {"prec", get_prec, gs_set_prec, nullptr, nullptr},
    {"Emax", get_emax, gs_set_emax, nullptr, nullptr},
    {"Emin", get_emin, gs_set_emin, nullptr, nullptr},
    {"rounding", get_round, gs_set_round, nullptr, nullptr},
    {"capitals", get_capitals, gs_set_capitals, nullptr, nullptr},
    {"clamp", get_clamp, gs_set_clamp, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// mpd_lsnprint_signals over dec_signal_string: the names in bit order, InvalidOperation once.
std::string signal_names(std::uint32_t flags) {
  static const char* const names[15] = {
      "Clamped",          "InvalidOperation", "DivisionByZero",   "InvalidOperation",
      "InvalidOperation", "InvalidOperation", "Inexact",          "InvalidOperation",
      "InvalidOperation", "InvalidOperation", "FloatOperation",   "Overflow",
      "Rounded",          "Subnormal",        "Underflow"};
  std::string s = "[";
  bool first = true, invalid_done = false;
  for (int j = 0; j < 15; ++j) {
    if (!(flags & (1u << j))) continue;
    bool inv = (1u << j) & kIEEEInvalid;
    if (inv) {
      if (invalid_done) continue;
      invalid_done = true;
    }
    if (!first) s += ", ";
    s += names[j];
    first = false;
  }
  return s + "]";
}

Object* Context_repr(Object* self) {
  const Context& c = ctx_of(self);
  std::string s = "Context(prec=" + std::to_string(c.prec) +
                  ", rounding=" + kRoundNames[c.round] + ", Emin=" + std::to_string(c.emin) +
                  ", Emax=" + std::to_string(c.emax) +
                  ", capitals=" + std::to_string(as_ctx(self)->capitals) +
                  ", clamp=" + std::to_string(c.clamp) + ", flags=" + signal_names(c.status) +
                  ", traps=" + signal_names(c.traps) + ")";
  return str_from_std(s);
}

// context_copy
Object* dec_context_copy(Object* self) {
  Object* copy = Context_new(&ctx_type, nullptr, nullptr);
  if (!copy) return nullptr;
  ctx_of(copy) = ctx_of(self);
  as_ctx(copy)->capitals = as_ctx(self)->capitals;
  return copy;
}

Object* Ctx_copy(Object* self, Object*) { return dec_context_copy(self); }

Object* Ctx_reduce(Object* self, Object*) {
  const Context& c = ctx_of(self);
  Ref<> flags = Ref<>::steal(signals_as_list(c.status));
  if (!flags) return nullptr;
  Ref<> traps = Ref<>::steal(signals_as_list(c.traps));
  if (!traps) return nullptr;
  Ref<> prec = Ref<>::steal(long_from_long_long(c.prec));
  Ref<> emin = Ref<>::steal(long_from_long_long(c.emin));
  Ref<> emax = Ref<>::steal(long_from_long_long(c.emax));
  Ref<> caps = Ref<>::steal(long_from_long(as_ctx(self)->capitals));
  Ref<> clamp = Ref<>::steal(long_from_long(c.clamp));
  if (!prec || !emin || !emax || !caps || !clamp) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(8, prec.get(), g_round_strings[c.round], emin.get(),
                                       emax.get(), caps.get(), clamp.get(), flags.get(),
                                       traps.get()));
  if (!args) return nullptr;
  return tuple_pack(2, reinterpret_cast<Object*>(self->type), args.get());
}

Object* Ctx_clear_flags(Object* self, Object*) {
  ctx_of(self).status = 0;
  return return_none();
}

Object* Ctx_clear_traps(Object* self, Object*) {
  ctx_of(self).traps = 0;
  return return_none();
}

Object* Ctx_Etiny(Object* self, Object*) { return long_from_long_long(ctx_of(self).etiny()); }
Object* Ctx_Etop(Object* self, Object*) { return long_from_long_long(ctx_of(self).etop()); }
Object* Ctx_radix(Object*, Object*) { return dec_new(dec_from_i64(10)); }

Object* Ctx_create_decimal(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!no_kw("create_decimal", kwnames) || !check_args(nargs, 0, 1)) return nullptr;
  Dec d;
  if (!dec_from_object(nargs ? args[0] : nullptr, self, false, &d)) return nullptr;
  return dec_new(std::move(d));
}

Object* Ctx_create_decimal_from_float(Object* self, Object* v) {
  Dec d;
  if (long_check(v)) {
    d = dec_from_pylong(v);
  } else if (float_check(v)) {
    d = dec_from_double(float_as_double(v));
  } else {
    errors::set_string(exc_TypeError, "argument must be int or float");
    return nullptr;
  }
  std::uint32_t st = 0;
  finalize(d, ctx_of(self), st);
  if (addstatus(self, st)) return nullptr;
  return dec_new(std::move(d));
}

Object* Ctx_unsafe_setprec(Object* self, Object* v) {
  ssize x = long_as_ssize(v);
  if (x == -1 && errors::occurred()) return nullptr;
  ctx_of(self).prec = x;
  return return_none();
}
Object* Ctx_unsafe_setemin(Object* self, Object* v) {
  ssize x = long_as_ssize(v);
  if (x == -1 && errors::occurred()) return nullptr;
  ctx_of(self).emin = x;
  return return_none();
}
Object* Ctx_unsafe_setemax(Object* self, Object* v) {
  ssize x = long_as_ssize(v);
  if (x == -1 && errors::occurred()) return nullptr;
  ctx_of(self).emax = x;
  return return_none();
}

// Context arithmetic: operands converted with convert_op_raise.
Object* ctx_unary_m(UnFn f, Object* self, Object* v) {
  Operand a;
  if (operand(v, &a, true) < 0) return nullptr;
  return run_unary(f, a.get(), self);
}

Object* ctx_binary_m(const char* name, BinFn f, Object* self, Object* const* args,
                     ssize nargs, Object* kwnames) {
  if (!no_kw(name, kwnames) || !check_args(nargs, 2, 2)) return nullptr;
  Operand a, b;
  if (operand(args[0], &a, true) < 0 || operand(args[1], &b, true) < 0) return nullptr;
  return run_binary(f, a.get(), b.get(), self);
}

#define CTX_UNARY(NAME, FN) \
  Object* Ctx_##NAME(Object* self, Object* v) { return ctx_unary_m(FN, self, v); }
#define CTX_BINARY(NAME, FN)                                               \
  Object* Ctx_##NAME(Object* self, Object* const* args, ssize nargs, Object* kwnames) { \
    return ctx_binary_m(#NAME, FN, self, args, nargs, kwnames);                       \
  }

void f_to_integral(Dec& r, const Dec& a, const Context& c, std::uint32_t& s) {
  qround_to_int(r, a, c.round, false, c, s);
}
void f_to_integral_exact(Dec& r, const Dec& a, const Context& c, std::uint32_t& s) {
  qround_to_int(r, a, c.round, true, c, s);
}

CTX_UNARY(abs, qabs)
CTX_UNARY(exp, qexp)
CTX_UNARY(ln, qln)
CTX_UNARY(log10, qlog10)
CTX_UNARY(logb, qlogb)
CTX_UNARY(logical_invert, qinvert)
CTX_UNARY(minus, qminus)
CTX_UNARY(next_minus, qnext_minus)
CTX_UNARY(next_plus, qnext_plus)
CTX_UNARY(normalize, qreduce)
CTX_UNARY(plus, qplus)
CTX_UNARY(sqrt, qsqrt)
CTX_UNARY(to_integral, f_to_integral)
CTX_UNARY(to_integral_value, f_to_integral)
CTX_UNARY(to_integral_exact, f_to_integral_exact)
CTX_UNARY(canonical, f_copy)
CTX_UNARY(copy_abs, f_copy_abs)
CTX_UNARY(copy_negate, f_copy_negate)
CTX_UNARY(copy_decimal, f_copy)
CTX_UNARY(_apply, f_apply)
CTX_BINARY(add, qadd)
CTX_BINARY(compare, f_compare)
CTX_BINARY(compare_signal, f_compare_signal)
CTX_BINARY(divide, qdiv)
CTX_BINARY(divide_int, qdivint)
CTX_BINARY(max, f_max)
CTX_BINARY(max_mag, f_max_mag)
CTX_BINARY(min, f_min)
CTX_BINARY(min_mag, f_min_mag)
CTX_BINARY(multiply, qmul)
CTX_BINARY(next_toward, qnext_toward)
CTX_BINARY(quantize, qquantize)
CTX_BINARY(remainder, qrem)
CTX_BINARY(remainder_near, qrem_near)
CTX_BINARY(rotate, qrotate)
CTX_BINARY(scaleb, qscaleb)
CTX_BINARY(shift, qshift)
CTX_BINARY(subtract, qsub)
CTX_BINARY(logical_and, f_and)
CTX_BINARY(logical_or, f_or)
CTX_BINARY(logical_xor, f_xor)
CTX_BINARY(compare_total, f_compare_total)
CTX_BINARY(compare_total_mag, f_compare_total_mag)
CTX_BINARY(copy_sign, f_copy_sign)

#define CTX_PRED(NAME, EXPR)                              \
  Object* Ctx_##NAME(Object* self, Object* v) {           \
    Operand a;                                            \
    if (operand(v, &a, true) < 0) return nullptr;         \
    const Dec& d = a.get();                               \
    const Context& c = ctx_of(self);                      \
    (void)c;                                              \
    return bool_from_bool(EXPR);                          \
  }
CTX_PRED(is_canonical, (static_cast<void>(d), true))
CTX_PRED(is_finite, d.is_finite())
CTX_PRED(is_infinite, d.is_inf())
CTX_PRED(is_nan, d.is_nan())
CTX_PRED(is_qnan, d.is_qnan())
CTX_PRED(is_snan, d.is_snan())
CTX_PRED(is_signed, d.sign)
CTX_PRED(is_zero, d.is_zero())
CTX_PRED(is_normal, is_normal(d, c))
CTX_PRED(is_subnormal, is_subnormal(d, c))

Object* Ctx_number_class(Object* self, Object* v) {
  Operand a;
  if (operand(v, &a, true) < 0) return nullptr;
  return str_from_cstr(number_class(a.get(), ctx_of(self)));
}

Object* Ctx_to_sci_string(Object* self, Object* v) {
  Operand a;
  if (operand(v, &a, true) < 0) return nullptr;
  return str_from_std(to_sci_string(a.get(), as_ctx(self)->capitals != 0));
}

Object* Ctx_to_eng_string(Object* self, Object* v) {
  Operand a;
  if (operand(v, &a, true) < 0) return nullptr;
  return str_from_std(to_eng_string(a.get(), as_ctx(self)->capitals != 0));
}

Object* Ctx_same_quantum(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!no_kw("same_quantum", kwnames) || !check_args(nargs, 2, 2)) return nullptr;
  Operand a, b;
  if (operand(args[0], &a, true) < 0 || operand(args[1], &b, true) < 0) return nullptr;
  (void)self;
  const Dec& x = a.get();
  const Dec& y = b.get();
  bool r = (x.is_special() || y.is_special())
               ? ((x.is_nan() && y.is_nan()) || (x.is_inf() && y.is_inf()))
               : x.exp == y.exp;
  return bool_from_bool(r);
}

Object* Ctx_divmod(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!no_kw("divmod", kwnames) || !check_args(nargs, 2, 2)) return nullptr;
  Operand a, b;
  if (operand(args[0], &a, true) < 0 || operand(args[1], &b, true) < 0) return nullptr;
  return divmod_result(a.get(), b.get(), self);
}

Object* Ctx_fma(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!no_kw("fma", kwnames) || !check_args(nargs, 3, 3)) return nullptr;
  Operand a, b, c;
  if (operand(args[0], &a, true) < 0 || operand(args[1], &b, true) < 0 ||
      operand(args[2], &c, true) < 0) {
    return nullptr;
  }
  Dec r;
  std::uint32_t st = 0;
  qfma(r, a.get(), b.get(), c.get(), ctx_of(self), st);
  if (addstatus(self, st)) return nullptr;
  return dec_new(std::move(r));
}

Object* Ctx_power(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"a", "b", "modulo", nullptr};
  ArgParser p{nullptr, kw, 2, 3, 0};
  Object* v[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, p, v)) return nullptr;
  Operand a, b, m;
  if (operand(v[0], &a, true) < 0 || operand(v[1], &b, true) < 0) return nullptr;
  bool has_mod = v[2] && v[2] != none();
  if (has_mod && operand(v[2], &m, true) < 0) return nullptr;
  return power_result(a.get(), b.get(), has_mod ? &m.get() : nullptr, self);
}

#define C_O(NAME) {#NAME, reinterpret_cast<void*>(Ctx_##NAME), kMethO, nullptr}
#define C_F(NAME) \
  {#NAME, reinterpret_cast<void*>(Ctx_##NAME), kMethFastcall | kMethKeywords, nullptr}
#define C_N(NAME) {#NAME, reinterpret_cast<void*>(Ctx_##NAME), kMethNoArgs, nullptr}

MethodDef ctx_methods[] = {
    C_O(abs), C_O(exp), C_O(ln), C_O(log10), C_O(minus), C_O(next_minus), C_O(next_plus),
    C_O(normalize), C_O(plus), C_O(to_integral), C_O(to_integral_exact),
    C_O(to_integral_value), C_O(sqrt), C_F(add), C_F(compare), C_F(compare_signal),
    C_F(divide), C_F(divide_int), C_F(divmod), C_F(max), C_F(max_mag), C_F(min),
    C_F(min_mag), C_F(multiply), C_F(next_toward), C_F(quantize), C_F(remainder),
    C_F(remainder_near), C_F(subtract), C_F(fma),
    {"power", reinterpret_cast<void*>(Ctx_power), kMethFastcall | kMethKeywords, nullptr},
    C_N(radix), C_O(is_canonical), C_O(is_finite), C_O(is_infinite), C_O(is_nan),
    C_O(is_normal), C_O(is_qnan), C_O(is_snan), C_O(is_signed), C_O(is_subnormal),
    C_O(is_zero), C_O(_apply), C_O(canonical), C_O(copy_abs), C_O(copy_decimal),
    C_O(copy_negate), C_O(logb), C_O(logical_invert), C_O(number_class),
    C_O(to_sci_string), C_O(to_eng_string), C_F(compare_total), C_F(compare_total_mag),
    C_F(copy_sign), C_F(logical_and), C_F(logical_or), C_F(logical_xor), C_F(rotate),
    C_F(same_quantum), C_F(scaleb), C_F(shift), C_N(clear_flags), C_N(clear_traps),
    {"__copy__", reinterpret_cast<void*>(Ctx_copy), kMethNoArgs, nullptr},
    {"__reduce__", reinterpret_cast<void*>(Ctx_reduce), kMethNoArgs, nullptr},
    C_N(copy), C_F(create_decimal), C_O(create_decimal_from_float), C_N(Etiny), C_N(Etop),
    {"_unsafe_setprec", reinterpret_cast<void*>(Ctx_unsafe_setprec), kMethO, nullptr},
    {"_unsafe_setemin", reinterpret_cast<void*>(Ctx_unsafe_setemin), kMethO, nullptr},
    {"_unsafe_setemax", reinterpret_cast<void*>(Ctx_unsafe_setemax), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

TypeObject ctx_type = [] {
  TypeObject t = static_type("decimal.Context", sizeof(CtxObject), 0, kTpflagsBasetype);
  t.doc = "Context(prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None, "
          "flags=None, traps=None)\n--\n\nThe context affects almost all operations and "
          "controls rounding,\nOver/Underflow, raising of exceptions and much more.  A new "
          "context\ncan be constructed as follows:\n\n    >>> c = Context(prec=28, "
          "Emin=-425000000, Emax=425000000,\n    ...             rounding=ROUND_HALF_EVEN, "
          "capitals=1, clamp=1,\n    ...             traps=[InvalidOperation, "
          "DivisionByZero, Overflow],\n    ...             flags=[])\n    >>>\n\n";
  t.dealloc = Context_dealloc;
  t.repr = Context_repr;
  t.getattro = Context_getattro;
  t.setattro = Context_setattro;
  t.methods = ctx_methods;
  t.getset = ctx_getset;
  t.init = Context_init;
  t.alloc = type_generic_alloc;
  t.new_ = Context_new;
  t.free = object_generic_free;
  return t;
}();

// ---------------------------------------------------------------------------------------
// getcontext, setcontext, localcontext.

Object* mod_getcontext(Object*, Object*) { return current_context(); }

// PyDec_SetCurrentContext
Object* mod_setcontext(Object*, Object* v) {
  if (!ctx_check(v)) {
    errors::set_string(exc_TypeError, "argument must be a context");
    return nullptr;
  }
  Ref<> ctx;
  if (v == g_default_template || v == g_basic_template || v == g_extended_template) {
    ctx = Ref<>::steal(dec_context_copy(v));
    if (!ctx) return nullptr;
    ctx_of(ctx.get()).status = 0;
  } else {
    ctx = Ref<>::borrow(v);
  }
  Ref<> tok = Ref<>::steal(contextvar_set(g_context_var, ctx.get()));
  if (!tok) return nullptr;
  return return_none();
}

void ctxmanager_dealloc(Object* self) {
  CtxManagerObject* m = static_cast<CtxManagerObject*>(self);
  xdecref(m->local);
  xdecref(m->global);
  self->type->free(self);
}

Object* ctxmanager_enter(Object* self, Object*) {
  CtxManagerObject* m = static_cast<CtxManagerObject*>(self);
  Ref<> r = Ref<>::steal(mod_setcontext(nullptr, m->local));
  if (!r) return nullptr;
  return new_ref(m->local);
}

Object* ctxmanager_exit(Object* self, Object*) {
  CtxManagerObject* m = static_cast<CtxManagerObject*>(self);
  return mod_setcontext(nullptr, m->global);
}

MethodDef ctxmanager_methods[] = {
    {"__enter__", reinterpret_cast<void*>(ctxmanager_enter), kMethNoArgs, nullptr},
    {"__exit__", reinterpret_cast<void*>(ctxmanager_exit), kMethVarargs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

TypeObject ctxmanager_type = [] {
  TypeObject t = static_type("decimal.ContextManager", sizeof(CtxManagerObject), 0, 0);
  t.dealloc = ctxmanager_dealloc;
  t.getattro = object_generic_getattr;
  t.methods = ctxmanager_methods;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

// ctxmanager_new: localcontext(ctx=None, *, prec=None, ...).
Object* mod_localcontext(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"ctx",      "prec",  "rounding", "Emin",  "Emax",
                                   "capitals", "clamp", "flags",    "traps", nullptr};
  static const ArgParser parser = {nullptr, kw, 0, 9, 0};
  Object* a[9] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  Ref<> global = Ref<>::steal(current_context());
  if (!global) return nullptr;
  Object* local = global.get();
  if (a[0] && a[0] != none()) {
    if (!ctx_check(a[0])) {
      errors::set_string(exc_TypeError, "optional argument must be a context");
      return nullptr;
    }
    local = a[0];
  }
  Ref<> copy = Ref<>::steal(dec_context_copy(local));
  if (!copy) return nullptr;
  if (context_setattrs(copy.get(), a + 1) < 0) return nullptr;
  Object* m = type_generic_alloc(&ctxmanager_type, 0);
  if (!m) return nullptr;
  static_cast<CtxManagerObject*>(m)->local = copy.release();
  static_cast<CtxManagerObject*>(m)->global = global.release();
  return m;
}

// IEEEContext(bits): mpd_ieee_context.
Object* mod_ieee_context(Object*, Object* v) {
  ssize bits = long_as_ssize(v);
  if (bits == -1 && errors::occurred()) return nullptr;
  if (bits <= 0 || bits > 512 || bits % 32) {
    errors::format(exc_ValueError, "argument must be a multiple of 32, with a maximum of %d",
                   512);
    return nullptr;
  }
  Object* ctx = Context_new(&ctx_type, nullptr, nullptr);
  if (!ctx) return nullptr;
  Context& c = ctx_of(ctx);
  c.prec = 9 * (bits / 32) - 2;
  c.emax = std::int64_t(3) << (bits / 16 + 3);
  c.emin = 1 - c.emax;
  c.round = kRoundHalfEven;
  c.traps = 0;
  c.status = 0;
  c.clamp = 1;
  return ctx;
}

MethodDef module_methods[] = {
    {"getcontext", reinterpret_cast<void*>(mod_getcontext), kMethNoArgs,
     "getcontext($module, /)\n--\n\nGet the current default context."},
    {"setcontext", reinterpret_cast<void*>(mod_setcontext), kMethO,
     "setcontext($module, context, /)\n--\n\nSet a new default context."},
    {"localcontext", reinterpret_cast<void*>(mod_localcontext), kMethFastcall | kMethKeywords,
     "localcontext($module, /, ctx=None, **kwargs)\n--\n\nReturn a context manager that will "
     "set the default context to a copy of ctx\non entry to the with-statement and restore "
     "the previous default context when\nexiting the with-statement."},
    {"IEEEContext", reinterpret_cast<void*>(mod_ieee_context), kMethO,
     "IEEEContext($module, bits, /)\n--\n\nReturn a context, initialized as one of the IEEE "
     "interchange formats."},
    {nullptr, nullptr, 0, nullptr}};

// ---------------------------------------------------------------------------------------
// Module initialisation (_decimal_exec).

Object* make_exception(const char* name, Object* bases) {
  return reinterpret_cast<Object*>(new_exception(name, bases, nullptr));
}

Object* context_template(int prec, int round, std::uint32_t traps) {
  Object* c = Context_new(&ctx_type, nullptr, nullptr);
  if (!c) return nullptr;
  Context& x = ctx_of(c);
  x = default_mpd_context();
  x.prec = prec;
  x.round = round;
  x.traps = traps;
  return c;
}

int decimal_exec(Object* m) {
  type_mark_spec_slots(&dec_type);  // Py_tp_getattro in its spec (objects/spec_types.h)
  if (type_ready(&signaldict_mixin_type) < 0 || type_ready(&dec_type) < 0 ||
      type_ready(&ctx_type) < 0 || type_ready(&ctxmanager_type) < 0) {
    return -1;
  }
  // SignalDict = type("SignalDict", (SignalDictMixin, MutableMapping), {})
  if (!g_signaldict_type) {
    // The types are heap types in CPython, with __module__ in their dicts.
    Ref<> modname0 = Ref<>::steal(str_from_cstr("decimal"));
    if (!modname0) return -1;
    TypeObject* const own[] = {&dec_type, &ctx_type, &signaldict_mixin_type, &ctxmanager_type};
    for (TypeObject* t : own) {
      if (dict_set_item_string(t->dict, "__module__", modname0.get()) < 0) return -1;
      type_modified(t);
    }
    Ref<> abc = Ref<>::steal(imp::import_module("collections.abc"));
    if (!abc) return -1;
    Ref<> mm = Ref<>::steal(object_getattr_string(abc.get(), "MutableMapping"));
    if (!mm) return -1;
    Ref<> name = Ref<>::steal(str_from_cstr("SignalDict"));
    Ref<> bases = Ref<>::steal(
        tuple_pack(2, reinterpret_cast<Object*>(&signaldict_mixin_type), mm.get()));
    Ref<> dict = Ref<>::steal(dict_new());
    if (!name || !bases || !dict) return -1;
    Object* t = object_call_function_obj_args(reinterpret_cast<Object*>(&Type_Type), name.get(),
                                              bases.get(), dict.get(), nullptr);
    if (!t) return -1;
    g_signaldict_type = reinterpret_cast<TypeObject*>(t);

    Ref<> collections = Ref<>::steal(imp::import_module("collections"));
    if (!collections) return -1;
    Ref<> nt = Ref<>::steal(object_getattr_string(collections.get(), "namedtuple"));
    if (!nt) return -1;
    Ref<> tname = Ref<>::steal(str_from_cstr("DecimalTuple"));
    Ref<> fields = Ref<>::steal(str_from_cstr("sign digits exponent"));
    Ref<> modname = Ref<>::steal(str_from_cstr("decimal"));
    Ref<> kwd = Ref<>::steal(dict_new());
    if (!tname || !fields || !modname || !kwd ||
        dict_set_item_string(kwd.get(), "module", modname.get()) < 0) {
      return -1;
    }
    Ref<> ntargs = Ref<>::steal(tuple_pack(2, tname.get(), fields.get()));
    if (!ntargs) return -1;
    g_decimal_tuple = object_call(nt.get(), ntargs.get(), kwd.get());
    if (!g_decimal_tuple) return -1;

    Ref<> numbers = Ref<>::steal(imp::import_module("numbers"));
    if (!numbers) return -1;
    Ref<> number = Ref<>::steal(object_getattr_string(numbers.get(), "Number"));
    if (!number) return -1;
    Ref<> reg = Ref<>::steal(call_method_one_arg(number.get(),
                                                 Ref<>::steal(str_from_cstr("register")).get(),
                                                 reinterpret_cast<Object*>(&dec_type)));
    if (!reg) return -1;
    g_rational = object_getattr_string(numbers.get(), "Rational");
    if (!g_rational) return -1;

    g_context_var = contextvar_new("decimal_context", nullptr);
    if (!g_context_var) return -1;

    for (int i = 0; i < kPyRoundGuard; ++i) {
      g_round_strings[i] = str_intern_from_cstr(kRoundNames[i]);
      if (!g_round_strings[i]) return -1;
    }
    g_round_strings[kRoundTrunc] = str_intern_from_cstr(kRoundNames[kRoundTrunc]);

    // The signals and conditions.
    Ref<> arith_base = Ref<>::borrow(reinterpret_cast<Object*>(exc_ArithmeticError));
    g_decimal_exception = make_exception("decimal.DecimalException", arith_base.get());
    if (!g_decimal_exception) return -1;
    for (int i = 0; i < kSignalMapLen; ++i) {
      CondMap& cm = g_signal_map[i];
      if (cm.flag == kOverflow || cm.flag == kUnderflow) continue;  // made below
      Ref<> bases2;
      if (cm.flag == kFloatOperation) {
        bases2 = Ref<>::steal(
            tuple_pack(2, g_decimal_exception, reinterpret_cast<Object*>(exc_TypeError)));
      } else if (cm.flag == kDivisionByZero) {
        bases2 = Ref<>::steal(tuple_pack(2, g_decimal_exception,
                                         reinterpret_cast<Object*>(exc_ZeroDivisionError)));
      } else {
        bases2 = Ref<>::borrow(g_decimal_exception);
      }
      if (!bases2) return -1;
      cm.ex = make_exception(cm.fqname, bases2.get());
      if (!cm.ex) return -1;
    }
    // Overflow and Underflow derive from signals defined after them in the map.
    {
      Ref<> ob = Ref<>::steal(tuple_pack(2, g_signal_map[6].ex, g_signal_map[7].ex));
      if (!ob) return -1;
      g_signal_map[3].ex = make_exception("decimal.Overflow", ob.get());
      Ref<> ub = Ref<>::steal(
          tuple_pack(3, g_signal_map[6].ex, g_signal_map[7].ex, g_signal_map[5].ex));
      if (!ub) return -1;
      g_signal_map[4].ex = make_exception("decimal.Underflow", ub.get());
      if (!g_signal_map[3].ex || !g_signal_map[4].ex) return -1;
    }
    g_cond_map[0].ex = g_signal_map[0].ex;
    for (int i = 1; i < kCondMapLen; ++i) {
      CondMap& cm = g_cond_map[i];
      Ref<> bases2;
      if (cm.flag == kDivisionUndefined) {
        bases2 = Ref<>::steal(tuple_pack(2, g_signal_map[0].ex,
                                         reinterpret_cast<Object*>(exc_ZeroDivisionError)));
      } else {
        bases2 = Ref<>::borrow(g_signal_map[0].ex);
      }
      if (!bases2) return -1;
      cm.ex = make_exception(cm.fqname, bases2.get());
      if (!cm.ex) return -1;
    }
    g_signal_tuple = tuple_new(kSignalMapLen);
    if (!g_signal_tuple) return -1;
    for (int i = 0; i < kSignalMapLen; ++i) {
      tuple_set_item(g_signal_tuple, i, new_ref(g_signal_map[i].ex));
    }

    g_default_template = context_template(28, kRoundHalfEven,
                                          kIEEEInvalid | kDivisionByZero | kOverflow);
    if (!g_default_template) return -1;
    g_basic_template = context_template(
        9, kRoundHalfUp, kIEEEInvalid | kDivisionByZero | kOverflow | kUnderflow | kClamped);
    if (!g_basic_template) return -1;
    g_extended_template = context_template(9, kRoundHalfEven, 0);
    if (!g_extended_template) return -1;
  }

  if (module_add_object_ref(m, "Decimal", reinterpret_cast<Object*>(&dec_type)) < 0 ||
      module_add_object_ref(m, "Context", reinterpret_cast<Object*>(&ctx_type)) < 0 ||
      module_add_object_ref(m, "DecimalTuple", g_decimal_tuple) < 0 ||
      module_add_object_ref(m, "DecimalException", g_decimal_exception) < 0) {
    return -1;
  }
  for (auto& cm : g_signal_map) {
    if (module_add_object_ref(m, cm.name, cm.ex) < 0) return -1;
  }
  for (int i = 1; i < kCondMapLen; ++i) {
    if (module_add_object_ref(m, g_cond_map[i].name, g_cond_map[i].ex) < 0) return -1;
  }
  if (module_add_object_ref(m, "DefaultContext", g_default_template) < 0 ||
      module_add_object_ref(m, "BasicContext", g_basic_template) < 0 ||
      module_add_object_ref(m, "ExtendedContext", g_extended_template) < 0) {
    return -1;
  }
  for (int i = 0; i < kPyRoundGuard; ++i) {
    if (module_add_object_ref(m, kRoundNames[i], g_round_strings[i]) < 0) return -1;
  }
  struct IntConst {
    const char* name;
    long long value;
  };
  const IntConst consts[] = {{"MAX_PREC", kMaxPrec},
                             {"MAX_EMAX", kMaxEmax},
                             {"MIN_EMIN", kMinEmin},
                             {"MIN_ETINY", kMinEtiny},
                             {"IEEE_CONTEXT_MAX_BITS", 512}};
  for (const IntConst& c : consts) {
    Ref<> v = Ref<>::steal(long_from_long_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  if (module_add_object_ref(m, "HAVE_CONTEXTVAR", py_true()) < 0 ||
      module_add_object_ref(m, "HAVE_THREADS", py_true()) < 0) {
    return -1;
  }
  Ref<> version = Ref<>::steal(str_from_cstr("1.70"));
  Ref<> libversion = Ref<>::steal(str_from_cstr("2.5.1"));
  if (!version || !libversion || module_add_object_ref(m, "__version__", version.get()) < 0 ||
      module_add_object_ref(m, "__libmpdec_version__", libversion.get()) < 0) {
    return -1;
  }
  return 0;
}

ModuleDef decimal_def = {"_decimal", "C decimal arithmetic module", module_methods,
                         decimal_exec};

}  // namespace

ModuleDef* module_def() { return &decimal_def; }

}  // namespace cppy::modules::decimal
