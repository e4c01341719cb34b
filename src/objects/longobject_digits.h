// The arbitrary-precision algorithms of Objects/longobject.c on 30-bit digits, without Python
// objects: sign-magnitude integers as in PyLongObject (a sign and a digit count, digits least
// significant first, no leading zero digit, zero has no digits).
//
// Inputs are read-only views (View), so the int object passes its own digits without copying:
// View{long_sign(o), long_digit_count(o), as_long(o)->ob_digit}. Results are owned values (Int)
// that the object layer copies into a new int object. Nothing here raises: failures are
// returned as statuses that the caller turns into CPython's exceptions (documented per
// function).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cppy::objects::bigint {

using digit = std::uint32_t;     // digit
using sdigit = std::int32_t;     // sdigit
using twodigits = std::uint64_t; // twodigits
using stwodigits = std::int64_t; // stwodigits
using ssize = std::ptrdiff_t;

inline constexpr int kShift = 30;                        // PyLong_SHIFT
inline constexpr digit kBase = digit(1) << kShift;      // PyLong_BASE
inline constexpr digit kMask = kBase - 1;               // PyLong_MASK
inline constexpr ssize kKaratsubaCutoff = 70;            // KARATSUBA_CUTOFF
inline constexpr ssize kKaratsubaSquareCutoff = 2 * kKaratsubaCutoff;

// A borrowed, normalised integer: sign is -1, 0 or 1; n digits, the top one non-zero.
struct View {
  int sign = 0;
  ssize n = 0;
  const digit* d = nullptr;
};

// An owned integer in the same form.
class Int {
 public:
  Int() = default;
  Int(int sign, std::vector<digit> mag) : sign_(sign), mag_(std::move(mag)) { normalize(); }
  static Int from_i64(std::int64_t v);
  static Int from_u64(std::uint64_t v);
  static Int from_view(View v);

  View view() const { return View{sign_, static_cast<ssize>(mag_.size()), mag_.data()}; }
  operator View() const { return view(); }  // NOLINT: an Int is usable wherever a View is
  int sign() const { return sign_; }
  ssize size() const { return static_cast<ssize>(mag_.size()); }
  const digit* digits() const { return mag_.data(); }
  const std::vector<digit>& magnitude() const { return mag_; }
  bool is_zero() const { return sign_ == 0; }
  void negate() { sign_ = -sign_; }
  // Strips leading zero digits and makes zero's sign 0 (long_normalize).
  void normalize();
  // The value when it fits; false otherwise.
  bool to_i64(std::int64_t* out) const;
  bool to_u64(std::uint64_t* out) const;

  std::vector<digit>& mutable_magnitude() { return mag_; }
  void set_sign(int s) { sign_ = s; }

 private:
  int sign_ = 0;
  std::vector<digit> mag_;
};

// Comparison: <0, 0, >0.
int compare(View a, View b);
bool equal(View a, View b);

// long_add, long_sub, long_mul (Karatsuba and k_lopsided_mul above the cutoffs), -a, abs(a).
Int add(View a, View b);
Int sub(View a, View b);
Int mul(View a, View b);
Int neg(View a);
Int abs(View a);

// l_divmod: floor division and modulo (the remainder has the divisor's sign). False when b
// is zero (ZeroDivisionError: "integer division or modulo by zero" for //, % and divmod:
// messages are the caller's). q or r may be null.
bool divmod(View a, View b, Int* q, Int* r);
// long_divrem: truncating division (quotient rounded toward zero, remainder has a's sign).
bool divrem(View a, View b, Int* q, Int* r);

// long_true_divide: a / b correctly rounded.
enum class TrueDivStatus { kOk, kZeroDivision, kOverflow /* "integer division result too large for a float" */ };
TrueDivStatus true_divide(View a, View b, double* out);

// long_pow. mod may be null. Statuses: kNegativeExponent without modulus (CPython computes
// float(a) ** float(b) then), kZeroModulus ("pow() 3rd argument cannot be 0"), kNotInvertible
// ("base is not invertible for the given modulus").
enum class PowStatus { kOk, kNegativeExponent, kZeroModulus, kNotInvertible };
PowStatus pow(View base, View exp, const View* mod, Int* out);
// long_invmod: the inverse of a modulo n (n > 0); false when gcd(a, n) != 1.
bool invmod(View a, View n, Int* out);

// Bitwise operations with two's complement semantics on negative values.
Int bit_and(View a, View b);
Int bit_or(View a, View b);
Int bit_xor(View a, View b);
Int invert(View a);  // ~a == -(a + 1)
// Shifts by a non-negative count (the caller rejects negative counts: "negative shift
// count"). rshift floors (arithmetic shift).
Int lshift(View a, std::uint64_t shift);
Int rshift(View a, std::uint64_t shift);

// int.bit_length (_PyLong_NumBits) and int.bit_count.
std::uint64_t bit_length(View a);
std::uint64_t bit_count(View a);

// PyLong_AsDouble: correctly rounded (half to even); false when |a| >= 2**1024 after rounding
// (OverflowError "int too large to convert to float").
bool to_double(View a, double* out);
// _PyLong_Frexp: a == m * 2**e with 0.5 <= |m| < 1, m rounded to 53 bits (m == 0 for zero).
double frexp(View a, std::int64_t* e);
// PyLong_FromDouble: truncates toward zero; x must be finite (the caller raises for inf/nan).
Int from_double(double x);

// Text. to_string: base 2..36, lowercase, with a '-' sign and no prefix (long_to_decimal_string
// for base 10, long_format_binary for powers of two). The int_max_str_digits check is the
// caller's (or use to_decimal_string). Values above 1000 digits convert by divide and conquer
// over the recursive division, as CPython 3.14 does through Lib/_pylong.py; so do decimal
// strings above 2000 digits in from_string, and divisions by more than 300 digits.
//
// Results are std::vector-backed: the caller bounds sizes it cannot afford (CPython raises
// OverflowError "too many digits in integer" or MemoryError) before asking for them, e.g. the
// count of lshift or the size of pow's result.
std::string to_string(View a, int base = 10);
// PyLong_FromString's grammar on [s, end): whitespace, sign, 0x/0o/0b prefix (base 0 or the
// matching base), single underscores between digits, trailing whitespace. base is 0 or 2..36
// (the caller checks the range).
enum class ParseStatus {
  kOk,
  kInvalid,        // ValueError "invalid literal for int() with base %d: %.200R" (error_base)
  kTooManyDigits,  // ValueError "Exceeds the limit (%d digits) for integer string conversion:
                   // value has %zd digits; use sys.set_int_max_str_digits() to increase the limit"
};
struct ParseResult {
  ParseStatus status = ParseStatus::kOk;
  int error_base = 0;        // the base to name in the invalid-literal message
  ssize digit_count = 0;     // digits seen (for the too-many-digits message)
  const char* end = nullptr; // where parsing stopped (PyLong_FromString's *pend)
};
// max_str_digits: 0 disables the limit; it applies to bases that are not powers of two, above
// 640 digits (_PY_LONG_MAX_STR_DIGITS_THRESHOLD).
ParseResult from_string(const char* s, const char* end, int base, int max_str_digits, Int* out);
// long_to_decimal_string_internal with the int_max_str_digits check (0 disables it): false
// when the limit is exceeded (ValueError "Exceeds the limit (%d digits) for integer string
// conversion; use sys.set_int_max_str_digits() to increase the limit").
bool to_decimal_string(View a, int max_str_digits, std::string* out);

// int.to_bytes / int.from_bytes (_PyLong_AsByteArray, _PyLong_FromByteArray). to_bytes fails
// when the value does not fit (OverflowError "int too big to convert", or "can't convert
// negative int to unsigned" when negative and !is_signed: see to_bytes_status).
enum class ToBytesStatus { kOk, kTooBig, kNegativeUnsigned };
ToBytesStatus to_bytes(View a, unsigned char* out, std::size_t n, bool little_endian, bool is_signed);
Int from_bytes(const unsigned char* bytes, std::size_t n, bool little_endian, bool is_signed);

// math.gcd (_PyLong_GCD, Lehmer's algorithm): non-negative.
Int gcd(View a, View b);
// math.isqrt on a non-negative value (the caller rejects negatives).
Int isqrt(View a);

}  // namespace cppy::objects::bigint
