// Float algorithms of Python/pymath.c, Objects/floatobject.c (round, hex, fromhex,
// as_integer_ratio) and the pure parts of Modules/mathmodule.c (fsum, gamma, lgamma, hypot /
// dist, isclose, remainder). Plain functions on doubles: failures are statuses that the
// object layer turns into CPython's exceptions (messages documented per function).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "objects/longobject_digits.h"

namespace cppy::pymath {

// ---- float methods (Objects/floatobject.c) ----

// round(x) without ndigits: the nearest integer, ties to even (the caller converts to int and
// raises for inf / nan).
double round_half_even(double x);
// float.__round__(x, ndigits): correctly rounded to ndigits decimal places (negative ndigits
// round to tens, hundreds...). inf and nan round to themselves. False when the result
// overflows (OverflowError "rounded value too large to represent").
bool double_round(double x, std::int64_t ndigits, double* out);

// float.hex: "0x1.8000000000000p+1"; "inf", "-inf", "nan" for the specials.
std::string float_hex(double x);

enum class FromHexStatus {
  kOk,
  kInvalid,   // ValueError "invalid hexadecimal floating-point string"
  kOverflow,  // OverflowError "hexadecimal value too large to represent as a float"
  kTooLong,   // ValueError "hexadecimal string too long to convert"
};
// float.fromhex on the ASCII text [s, s + n) (leading/trailing whitespace allowed).
FromHexStatus float_fromhex(const char* s, std::size_t n, double* out);

// float.as_integer_ratio for a finite x (the caller raises OverflowError "cannot convert
// Infinity to integer ratio" / ValueError "cannot convert NaN to integer ratio").
void as_integer_ratio(double x, objects::bigint::Int* numerator, objects::bigint::Int* denominator);

// ---- math module ----

// math.fsum: exact summation with partials (Shewchuk), correctly rounded result.
class FSum {
 public:
  enum class Status {
    kOk,
    kIntermediateOverflow,  // OverflowError "intermediate overflow in fsum"
    kInfMinusInf,           // ValueError "-inf + inf in fsum"
  };
  // Adds one term; a failure is final (the caller stops iterating and raises).
  Status add(double x);
  Status result(double* out) const;

 private:
  std::vector<double> partials_;
  double special_sum_ = 0.0;
  double inf_sum_ = 0.0;
};

// Error kinds of the libm-style functions, as errno in CPython: kDomain maps to ValueError
// ("math domain error" or 3.14's more specific messages), kRange to OverflowError ("math range
// error") when the result is large.
enum class MathError { kNone, kDomain, kRange };

// m_tgamma and m_lgamma: CPython's own Lanczos implementations (g = 6.0246800407767296).
double tgamma(double x, MathError* err);
double lgamma(double x, MathError* err);
// m_sinpi: sin(pi * x) accurate near integers (finite x).
double sinpi(double x);
// m_remainder: IEEE 754 remainder (x - n*y, n the nearest integer, ties to even).
double remainder(double x, double y);

// vector_norm: the Euclidean norm of vec (absolute values, max their maximum, found_nan if any
// is a nan); hypot(*coordinates) and dist(p, q) compute those and call it. vec is scaled in
// place.
double vector_norm(std::ptrdiff_t n, double* vec, double max, bool found_nan);
double hypot(const double* coordinates, std::ptrdiff_t n);
double dist(const double* p, const double* q, std::ptrdiff_t n);

// math.isclose (the caller rejects negative tolerances: ValueError "tolerances must be
// non-negative").
bool isclose(double a, double b, double rel_tol = 1e-09, double abs_tol = 0.0);

}  // namespace cppy::pymath
