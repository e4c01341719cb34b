// The decimal arithmetic behind _decimal: the General Decimal Arithmetic specification as
// libmpdec (Modules/_decimal/libmpdec/mpdecimal.c) implements it for CPython, written over
// cppy's own big integers (objects/longobject_digits.h) instead of libmpdec's base-10**19
// words. A number is a sign, a coefficient, an exponent and a kind (finite, infinity, quiet
// or signaling NaN with the coefficient as payload). Operations take a context and add the
// conditions they meet to a status word; the Python layer turns the trapped ones into
// exceptions (dec_addstatus). Nothing here allocates Python objects or raises.
#pragma once

#include <cstdint>
#include <string>

#include "objects/longobject_digits.h"

namespace cppy::modules::decimal {

using objects::bigint::Int;

// The condition bits, in libmpdec's order (MPD_Clamped .. MPD_Underflow).
enum : std::uint32_t {
  kClamped = 1u << 0,
  kConversionSyntax = 1u << 1,
  kDivisionByZero = 1u << 2,
  kDivisionImpossible = 1u << 3,
  kDivisionUndefined = 1u << 4,
  kFpuError = 1u << 5,
  kInexact = 1u << 6,
  kInvalidContext = 1u << 7,
  kInvalidOperation = 1u << 8,
  kMallocError = 1u << 9,
  kFloatOperation = 1u << 10,  // MPD_Not_implemented, which _decimal reuses
  kOverflow = 1u << 11,
  kRounded = 1u << 12,
  kSubnormal = 1u << 13,
  kUnderflow = 1u << 14,
  kMaxStatus = (1u << 15) - 1,
  // MPD_IEEE_Invalid_operation: the conditions of the InvalidOperation signal.
  kIEEEInvalid = kConversionSyntax | kDivisionImpossible | kDivisionUndefined | kFpuError |
                 kInvalidContext | kInvalidOperation | kMallocError,
  kErrors = kIEEEInvalid | kDivisionByZero,  // MPD_Errors
};

// Rounding modes in libmpdec's order (MPD_ROUND_UP .. MPD_ROUND_TRUNC).
enum Round : int {
  kRoundUp,
  kRoundDown,
  kRoundCeiling,
  kRoundFloor,
  kRoundHalfUp,
  kRoundHalfDown,
  kRoundHalfEven,
  kRound05Up,
  kRoundTrunc,
  kRoundGuard
};

// The limits of a 64-bit build (MPD_MAX_PREC, MPD_MAX_EMAX, MPD_MIN_EMIN, MPD_MIN_ETINY).
inline constexpr std::int64_t kMaxPrec = 999999999999999999LL;
inline constexpr std::int64_t kMaxEmax = 999999999999999999LL;
inline constexpr std::int64_t kMinEmin = -999999999999999999LL;
inline constexpr std::int64_t kMinEtiny = kMinEmin - (kMaxPrec - 1);

// mpd_context_t.
struct Context {
  std::int64_t prec = 28;
  std::int64_t emax = 999999;
  std::int64_t emin = -999999;
  int round = kRoundHalfEven;
  std::uint32_t traps = 0;
  std::uint32_t status = 0;
  int clamp = 0;
  std::int64_t etiny() const { return emin - prec + 1; }  // mpd_etiny
  std::int64_t etop() const { return emax - prec + 1; }   // mpd_etop
};

enum Kind : std::uint8_t { kFinite = 0, kInf = 1, kNaN = 2, kSNaN = 3 };

// mpd_t.
struct Dec {
  bool sign = false;
  std::uint8_t kind = kFinite;
  std::int64_t exp = 0;
  Int coef;  // non-negative; the payload of a NaN

  bool is_special() const { return kind != kFinite; }
  bool is_nan() const { return kind == kNaN || kind == kSNaN; }
  bool is_snan() const { return kind == kSNaN; }
  bool is_qnan() const { return kind == kNaN; }
  bool is_inf() const { return kind == kInf; }
  bool is_finite() const { return kind == kFinite; }
  bool is_zero() const { return kind == kFinite && coef.is_zero(); }
  std::int64_t digits() const;  // of the coefficient; 1 for zero
  std::int64_t adjexp() const { return exp + digits() - 1; }
  // mpd_isinteger: finite with no non-zero digit after the point.
  bool is_integer() const;
};

// Digits of a non-negative integer (1 for zero), 10**n, and c * 10**n.
std::int64_t ndigits(const Int& c);
const Int& pow10(std::int64_t n);
Int shiftl(const Int& c, std::int64_t n);
// Trailing decimal zeros of a non-zero integer, counting at most limit.
std::int64_t trailing_zeros(const Int& c, std::int64_t limit);

// Conversions.
Dec dec_from_i64(std::int64_t v);
// mpd_qset_string: exact (no rounding), ConversionSyntax on bad input (result NaN).
// s is ASCII already (the caller maps Unicode digits and strips whitespace).
bool dec_from_string(const std::string& s, Dec* out);
// mpd_to_sci / mpd_to_eng.
std::string to_sci_string(const Dec& a, bool caps);
std::string to_eng_string(const Dec& a, bool caps);
// The coefficient's decimal digits.
std::string coef_string(const Int& c);

// mpd_qfinalize: rounds a finite result to the context and checks its exponent.
void finalize(Dec& r, const Context& ctx, std::uint32_t& status);
// _mpd_fix_nan: a NaN whose payload does not fit the context loses it.
void fix_nan(Dec& r, const Context& ctx);
// mpd_qcheck_nan(s): the NaN result of an operation with a NaN operand.
bool check_nan(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
bool check_nans(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void set_invalid(Dec& r, std::uint32_t& status, std::uint32_t cond = kInvalidOperation);

// The number comparison (both operands not NaN): -1, 0, 1.
int cmp(const Dec& a, const Dec& b);
int cmp_abs(const Dec& a, const Dec& b);
// mpd_cmp_total / mpd_cmp_total_mag.
int cmp_total(const Dec& a, const Dec& b);
int cmp_total_mag(const Dec& a, const Dec& b);

// The operations: r = op(a, b) under ctx, conditions added to status.
void qadd(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qsub(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qmul(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qdiv(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qdivint(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qrem(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qrem_near(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qdivmod(Dec& q, Dec& r, const Dec& a, const Dec& b, const Context& ctx,
             std::uint32_t& status);
void qfma(Dec& r, const Dec& a, const Dec& b, const Dec& c, const Context& ctx,
          std::uint32_t& status);
void qpow(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qpowmod(Dec& r, const Dec& a, const Dec& b, const Dec& m, const Context& ctx,
             std::uint32_t& status);
void qplus(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qminus(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qabs(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qsqrt(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qexp(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qln(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qlog10(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qlogb(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qscaleb(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qquantize(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
// mpd_qround_to_int(x) (exact = to_integral_exact).
void qround_to_int(Dec& r, const Dec& a, int round, bool exact, const Context& ctx,
                   std::uint32_t& status);
void qreduce(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qcompare(Dec& r, const Dec& a, const Dec& b, bool signal, const Context& ctx,
              std::uint32_t& status);
void qmax(Dec& r, const Dec& a, const Dec& b, bool mag, bool is_max, const Context& ctx,
          std::uint32_t& status);
void qnext_minus(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qnext_plus(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
void qnext_toward(Dec& r, const Dec& a, const Dec& b, const Context& ctx,
                  std::uint32_t& status);
void qshift(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
void qrotate(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status);
// op: '&', '|', '^'.
void qlogical(Dec& r, const Dec& a, const Dec& b, char op, const Context& ctx,
              std::uint32_t& status);
void qinvert(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status);
// mpd_class.
const char* number_class(const Dec& a, const Context& ctx);
bool is_normal(const Dec& a, const Context& ctx);
bool is_subnormal(const Dec& a, const Context& ctx);

}  // namespace cppy::modules::decimal

namespace cppy::modules::decimal {
// _mpd_qrescale for the formatter: r gets exponent exp exactly (padding or rounding with
// round), without precision or exponent checks.
void rescale(Dec& r, std::int64_t exp, int round);
}  // namespace cppy::modules::decimal
