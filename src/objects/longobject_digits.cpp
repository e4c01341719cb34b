// Objects/longobject.c's digit algorithms (x_add, x_sub, x_mul, k_mul, k_lopsided_mul,
// inplace_divrem1, x_divrem, l_divmod, long_true_divide, long_pow, long_invmod, the bitwise
// operations, long_lshift/long_rshift, _PyLong_Frexp, PyLong_AsDouble, PyLong_FromDouble,
// long_to_decimal_string_internal, long_format_binary, PyLong_FromString and its helpers,
// _PyLong_AsByteArray, _PyLong_FromByteArray, _PyLong_GCD) and Modules/mathmodule.c's isqrt.
#include "objects/longobject_digits.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>

#include "pystrconv/pyctype.h"

namespace cppy::objects::bigint {

namespace {

using Mag = std::vector<digit>;

inline void trim(Mag& m) {
  while (!m.empty() && m.back() == 0) m.pop_back();
}

inline ssize trimmed(const digit* d, ssize n) {
  while (n > 0 && d[n - 1] == 0) --n;
  return n;
}

inline int digit_bits(digit d) { return d ? 32 - std::countl_zero(d) : 0; }

int mag_cmp(const digit* a, ssize na, const digit* b, ssize nb) {
  if (na != nb) return na < nb ? -1 : 1;
  for (ssize i = na - 1; i >= 0; --i)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

// x_add on magnitudes.
Mag mag_add(const digit* a, ssize na, const digit* b, ssize nb) {
  if (na < nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  Mag z(static_cast<std::size_t>(na + 1));
  digit carry = 0;
  ssize i = 0;
  for (; i < nb; ++i) {
    carry += a[i] + b[i];
    z[i] = carry & kMask;
    carry >>= kShift;
  }
  for (; i < na; ++i) {
    carry += a[i];
    z[i] = carry & kMask;
    carry >>= kShift;
  }
  z[i] = carry;
  trim(z);
  return z;
}

// x_sub on magnitudes with |a| >= |b|.
Mag mag_sub(const digit* a, ssize na, const digit* b, ssize nb) {
  Mag z(static_cast<std::size_t>(na));
  digit borrow = 0;
  ssize i = 0;
  for (; i < nb; ++i) {
    borrow = a[i] - b[i] - borrow;
    z[i] = borrow & kMask;
    borrow = (borrow >> kShift) & 1;
  }
  for (; i < na; ++i) {
    borrow = a[i] - borrow;
    z[i] = borrow & kMask;
    borrow = (borrow >> kShift) & 1;
  }
  trim(z);
  return z;
}

// z[0:zn] += x[0:xn]; the carry out of z is dropped (callers size z so that none occurs).
void add_into(digit* z, ssize zn, const digit* x, ssize xn) {
  digit carry = 0;
  ssize i = 0;
  for (; i < xn; ++i) {
    carry += z[i] + x[i];
    z[i] = carry & kMask;
    carry >>= kShift;
  }
  for (; carry && i < zn; ++i) {
    carry += z[i];
    z[i] = carry & kMask;
    carry >>= kShift;
  }
}

// z[0:zn] -= x[0:xn]; z >= x.
void sub_from(digit* z, ssize zn, const digit* x, ssize xn) {
  digit borrow = 0;
  ssize i = 0;
  for (; i < xn; ++i) {
    borrow = z[i] - x[i] - borrow;
    z[i] = borrow & kMask;
    borrow = (borrow >> kShift) & 1;
  }
  for (; borrow && i < zn; ++i) {
    borrow = z[i] - borrow;
    z[i] = borrow & kMask;
    borrow = (borrow >> kShift) & 1;
  }
}

// x_mul: schoolbook product into z[0:na+nb] (zeroed by the caller), with CPython's squaring
// shortcut that computes each cross product once.
void x_mul(const digit* a, ssize na, const digit* b, ssize nb, digit* z) {
  if (a == b && na == nb) {
    for (ssize i = 0; i < na; ++i) {
      twodigits f = a[i];
      digit* pz = z + (i << 1);
      const digit* pa = a + i + 1;
      const digit* paend = a + na;
      twodigits carry = *pz + f * f;
      *pz++ = static_cast<digit>(carry & kMask);
      carry >>= kShift;
      // Cross products a[i] * a[j] (j > i) appear twice: double f once.
      f <<= 1;
      while (pa < paend) {
        carry += *pz + *pa++ * f;
        *pz++ = static_cast<digit>(carry & kMask);
        carry >>= kShift;
      }
      while (carry) {
        carry += *pz;
        *pz++ = static_cast<digit>(carry & kMask);
        carry >>= kShift;
      }
    }
    return;
  }
  for (ssize i = 0; i < na; ++i) {
    twodigits carry = 0;
    twodigits f = a[i];
    digit* pz = z + i;
    for (ssize j = 0; j < nb; ++j) {
      carry += pz[j] + b[j] * f;
      pz[j] = static_cast<digit>(carry & kMask);
      carry >>= kShift;
    }
    pz[nb] += static_cast<digit>(carry);
  }
}

void k_mul(const digit* a, ssize na, const digit* b, ssize nb, digit* z);

// k_lopsided_mul: b much longer than a; multiply a by slices of b of a's size.
void k_lopsided_mul(const digit* a, ssize na, const digit* b, ssize nb, digit* z) {
  Mag prod(static_cast<std::size_t>(2 * na));
  ssize offset = 0;
  ssize zn = na + nb;
  while (nb > 0) {
    ssize chunk = std::min(nb, na);
    ssize cn = trimmed(b, chunk);
    if (cn > 0) {
      std::fill(prod.begin(), prod.end(), 0);
      k_mul(a, na, b, cn, prod.data());
      add_into(z + offset, zn - offset, prod.data(), trimmed(prod.data(), na + cn));
    }
    b += chunk;
    nb -= chunk;
    offset += chunk;
  }
}

// k_mul: Karatsuba above KARATSUBA_CUTOFF digits (KARATSUBA_SQUARE_CUTOFF for squares),
// z[0:na+nb] zeroed by the caller.
void k_mul(const digit* a, ssize na, const digit* b, ssize nb, digit* z) {
  if (na > nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  bool square = a == b && na == nb;
  if (na <= (square ? kKaratsubaSquareCutoff : kKaratsubaCutoff)) {
    if (na > 0) x_mul(a, na, b, nb, z);
    return;
  }
  if (2 * na <= nb) {
    k_lopsided_mul(a, na, b, nb, z);
    return;
  }
  // a = ah * B**shift + al, b likewise; the three half-size products give the whole.
  ssize shift = nb >> 1;
  const digit* al = a;
  ssize aln = trimmed(a, shift);
  const digit* ah = a + shift;
  ssize ahn = na - shift;
  const digit* bl = b;
  ssize bln = trimmed(b, shift);
  const digit* bh = b + shift;
  ssize bhn = nb - shift;

  Mag t1(static_cast<std::size_t>(ahn + bhn), 0);  // ah * bh
  k_mul(ah, ahn, bh, bhn, t1.data());
  Mag t2(static_cast<std::size_t>(aln + bln), 0);  // al * bl
  if (aln && bln) k_mul(al, aln, bl, bln, t2.data());
  ssize t1n = trimmed(t1.data(), static_cast<ssize>(t1.size()));
  ssize t2n = trimmed(t2.data(), static_cast<ssize>(t2.size()));
  std::copy(t2.begin(), t2.begin() + t2n, z);
  std::copy(t1.begin(), t1.begin() + t1n, z + 2 * shift);

  Mag sa = mag_add(ah, ahn, al, aln);
  Mag t3;
  if (square) {
    t3.assign(2 * sa.size(), 0);
    k_mul(sa.data(), static_cast<ssize>(sa.size()), sa.data(), static_cast<ssize>(sa.size()),
          t3.data());
  } else {
    Mag sb = mag_add(bh, bhn, bl, bln);
    t3.assign(sa.size() + sb.size(), 0);
    k_mul(sa.data(), static_cast<ssize>(sa.size()), sb.data(), static_cast<ssize>(sb.size()),
          t3.data());
  }
  ssize t3n = static_cast<ssize>(t3.size());
  sub_from(t3.data(), t3n, t1.data(), t1n);
  sub_from(t3.data(), t3n, t2.data(), t2n);
  t3n = trimmed(t3.data(), t3n);
  add_into(z + shift, na + nb - shift, t3.data(), t3n);
}

Mag mag_mul(const digit* a, ssize na, const digit* b, ssize nb) {
  if (na == 0 || nb == 0) return {};
  Mag z(static_cast<std::size_t>(na + nb), 0);
  k_mul(a, na, b, nb, z.data());
  trim(z);
  return z;
}

// inplace_divrem1: out = in / n, returns in % n.
digit divrem1(digit* out, const digit* in, ssize size, digit n) {
  twodigits rem = 0;
  for (ssize i = size - 1; i >= 0; --i) {
    rem = (rem << kShift) | in[i];
    digit hi = static_cast<digit>(rem / n);
    out[i] = hi;
    rem -= static_cast<twodigits>(hi) * n;
  }
  return static_cast<digit>(rem);
}

// Shifts left by d < kShift bits into out (size n); returns the carry out.
digit shift_left_bits(digit* out, const digit* in, ssize n, int d) {
  digit carry = 0;
  for (ssize i = 0; i < n; ++i) {
    twodigits acc = (static_cast<twodigits>(in[i]) << d) | carry;
    out[i] = static_cast<digit>(acc & kMask);
    carry = static_cast<digit>(acc >> kShift);
  }
  return carry;
}

// Shifts right by d < kShift bits into out (size n); returns the bits shifted out.
digit shift_right_bits(digit* out, const digit* in, ssize n, int d) {
  digit carry = 0;
  digit mask = (digit(1) << d) - 1;
  for (ssize i = n - 1; i >= 0; --i) {
    twodigits acc = (static_cast<twodigits>(carry) << kShift) | in[i];
    carry = static_cast<digit>(acc & mask);
    out[i] = static_cast<digit>(acc >> d);
  }
  return carry;
}

// x_divrem: Knuth's algorithm D for a divisor of at least two digits.
void x_divrem(const digit* v1, ssize size_v, const digit* w1, ssize size_w, Mag* q, Mag* r) {
  // Normalise so that the divisor's top digit has its high bit set.
  int d = kShift - digit_bits(w1[size_w - 1]);
  Mag w(static_cast<std::size_t>(size_w));
  Mag v(static_cast<std::size_t>(size_v + 1));
  shift_left_bits(w.data(), w1, size_w, d);
  digit carry = shift_left_bits(v.data(), v1, size_v, d);
  if (carry != 0 || v[size_v - 1] >= w[size_w - 1]) {
    v[size_v] = carry;
    ++size_v;
  }
  ssize k = size_v - size_w;
  Mag a(static_cast<std::size_t>(k));
  digit wm1 = w[size_w - 1];
  digit wm2 = w[size_w - 2];
  digit* v0 = v.data();
  const digit* w0 = w.data();
  for (digit *vk = v0 + k, *ak = a.data() + k; vk-- > v0;) {
    // Estimate the quotient digit from the top two digits of vk and wm1, then refine it with
    // wm2; it is then exact or one too large.
    digit vtop = vk[size_w];
    twodigits vv = (static_cast<twodigits>(vtop) << kShift) | vk[size_w - 1];
    digit qd = static_cast<digit>(vv / wm1);
    digit rd = static_cast<digit>(vv - static_cast<twodigits>(wm1) * qd);
    while (static_cast<twodigits>(wm2) * qd >
           ((static_cast<twodigits>(rd) << kShift) | vk[size_w - 2])) {
      --qd;
      rd += wm1;
      if (rd >= kBase) break;
    }
    // vk[0:size_w+1] -= qd * w0[0:size_w]
    sdigit zhi = 0;
    for (ssize i = 0; i < size_w; ++i) {
      stwodigits z = static_cast<sdigit>(vk[i]) + zhi -
                     static_cast<stwodigits>(qd) * static_cast<stwodigits>(w0[i]);
      vk[i] = static_cast<digit>(z) & kMask;
      zhi = static_cast<sdigit>(z >> kShift);
    }
    if (static_cast<sdigit>(vtop) + zhi < 0) {
      digit c = 0;
      for (ssize i = 0; i < size_w; ++i) {
        c += vk[i] + w0[i];
        vk[i] = c & kMask;
        c >>= kShift;
      }
      --qd;
    }
    *--ak = qd;
  }
  if (r) {
    r->assign(static_cast<std::size_t>(size_w), 0);
    shift_right_bits(r->data(), v0, size_w, d);
    trim(*r);
  }
  if (q) {
    trim(a);
    *q = std::move(a);
  }
}

// Magnitude division: q = |a| // |b|, r = |a| % |b|; b non-zero.
void mag_divrem(const digit* a, ssize na, const digit* b, ssize nb, Mag* q, Mag* r) {
  if (mag_cmp(a, na, b, nb) < 0) {
    if (q) q->clear();
    if (r) r->assign(a, a + na);
    return;
  }
  if (nb == 1) {
    Mag qq(static_cast<std::size_t>(na));
    digit rem = divrem1(qq.data(), a, na, b[0]);
    trim(qq);
    if (q) *q = std::move(qq);
    if (r) {
      r->clear();
      if (rem) r->push_back(rem);
    }
    return;
  }
  x_divrem(a, na, b, nb, q, r);
}

Int make(int sign, Mag m) {
  Int z;
  z.mutable_magnitude() = std::move(m);
  z.set_sign(sign);
  z.normalize();
  return z;
}

const digit kOneDigit = 1;
constexpr std::uint64_t kHugeExpCutoff = 60;  // HUGE_EXP_CUTOFF
constexpr int kExpWindowSize = 5;             // EXP_WINDOW_SIZE
constexpr int kExpTableLen = 1 << (kExpWindowSize - 1);
const View kOne{1, 1, &kOneDigit};

}  // namespace

// ---- Int ----

void Int::normalize() {
  trim(mag_);
  if (mag_.empty()) sign_ = 0;
  else if (sign_ == 0) sign_ = 1;
}

Int Int::from_u64(std::uint64_t v) {
  Int z;
  while (v) {
    z.mag_.push_back(static_cast<digit>(v & kMask));
    v >>= kShift;
  }
  z.sign_ = z.mag_.empty() ? 0 : 1;
  return z;
}

Int Int::from_i64(std::int64_t v) {
  std::uint64_t mag = v < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(v)
                            : static_cast<std::uint64_t>(v);
  Int z = from_u64(mag);
  if (v < 0) z.sign_ = -1;
  return z;
}

Int Int::from_view(View v) { return make(v.sign, Mag(v.d, v.d + v.n)); }

bool Int::to_u64(std::uint64_t* out) const {
  if (sign_ < 0 || mag_.size() > 3) return false;
  unsigned __int128 x = 0;
  for (ssize i = size() - 1; i >= 0; --i) x = (x << kShift) | mag_[i];
  if (x >> 64) return false;
  *out = static_cast<std::uint64_t>(x);
  return true;
}

bool Int::to_i64(std::int64_t* out) const {
  if (mag_.size() > 3) return false;
  unsigned __int128 x = 0;
  for (ssize i = size() - 1; i >= 0; --i) x = (x << kShift) | mag_[i];
  if (sign_ >= 0) {
    if (x > static_cast<unsigned __int128>(INT64_MAX)) return false;
    *out = static_cast<std::int64_t>(x);
  } else {
    if (x > static_cast<unsigned __int128>(INT64_MAX) + 1) return false;
    *out = static_cast<std::int64_t>(-static_cast<__int128>(x));
  }
  return true;
}

// ---- arithmetic ----

int compare(View a, View b) {
  if (a.sign != b.sign) return a.sign < b.sign ? -1 : 1;
  int c = mag_cmp(a.d, a.n, b.d, b.n);
  return a.sign < 0 ? -c : c;
}

bool equal(View a, View b) { return compare(a, b) == 0; }

Int add(View a, View b) {
  if (a.sign == 0) return Int::from_view(b);
  if (b.sign == 0) return Int::from_view(a);
  if (a.sign == b.sign) return make(a.sign, mag_add(a.d, a.n, b.d, b.n));
  int c = mag_cmp(a.d, a.n, b.d, b.n);
  if (c == 0) return Int();
  if (c > 0) return make(a.sign, mag_sub(a.d, a.n, b.d, b.n));
  return make(b.sign, mag_sub(b.d, b.n, a.d, a.n));
}

Int sub(View a, View b) {
  View nb = b;
  nb.sign = -b.sign;
  return add(a, nb);
}

Int neg(View a) {
  Int z = Int::from_view(a);
  z.negate();
  return z;
}

Int abs(View a) {
  Int z = Int::from_view(a);
  if (z.sign() < 0) z.negate();
  return z;
}

Int mul(View a, View b) {
  if (a.sign == 0 || b.sign == 0) return Int();
  // The squaring shortcut needs the same digits, not merely equal values.
  return make(a.sign * b.sign, mag_mul(a.d, a.n, b.d, b.n));
}

namespace {

// Recursive division (Burnikel and Ziegler's scheme as Lib/_pylong.py writes it, which
// CPython 3.14 uses for divisors above 300 digits): a 2n-bit by n-bit division is two 3n/2n
// divisions, each one n-bit division of the top halves plus a correction.
constexpr ssize kFastDivDigits = 300;       // divisor size where CPython switches to _pylong
constexpr ssize kFastDivExtraDigits = 150;  // ... when the quotient is at least this long
constexpr std::uint64_t kDivLimitBits = 4000;  // _DIV_LIMIT: below this, Knuth's algorithm D

void plain_divrem(const Int& a, const Int& b, Int* q, Int* r) {
  Mag qm, rm;
  mag_divrem(a.digits(), a.size(), b.digits(), b.size(), &qm, &rm);
  *q = make(1, std::move(qm));
  *r = make(1, std::move(rm));
}

// a mod 2**n for a >= 0.
Int low_bits(const Int& a, std::uint64_t n) {
  auto whole = static_cast<ssize>(n / kShift);
  if (whole >= a.size()) return a;
  Mag m(a.digits(), a.digits() + whole + 1);
  m[whole] &= (digit(1) << (n % kShift)) - 1;
  return make(1, std::move(m));
}

void div2n1n(const Int& a, const Int& b, std::uint64_t n, Int* q, Int* r);

void div3n2n(const Int& a12, const Int& a3, const Int& b, const Int& b1, const Int& b2,
             std::uint64_t n, Int* q, Int* r) {
  if (equal(rshift(a12, n), b1)) {
    // The quotient digit would be 2**n or more: clamp it, the correction loop fixes it.
    *q = sub(lshift(Int::from_i64(1), n), Int::from_i64(1));
    *r = add(sub(a12, lshift(b1, n)), b1);
  } else {
    div2n1n(a12, b1, n, q, r);
  }
  *r = sub(add(lshift(*r, n), a3), mul(*q, b2));
  while (r->sign() < 0) {
    *q = sub(*q, Int::from_i64(1));
    *r = add(*r, b);
  }
}

// a < 2**n * b, b of exactly n bits.
void div2n1n(const Int& a, const Int& b, std::uint64_t n, Int* q, Int* r) {
  if (bit_length(a) <= n + kDivLimitBits) {
    plain_divrem(a, b, q, r);
    return;
  }
  Int aa = a, bb = b;
  bool pad = n & 1;
  if (pad) {
    aa = lshift(aa, 1);
    bb = lshift(bb, 1);
    ++n;
  }
  std::uint64_t half = n >> 1;
  Int b1 = rshift(bb, half);
  Int b2 = low_bits(bb, half);
  Int q1, q2, rr;
  div3n2n(rshift(aa, n), low_bits(rshift(aa, half), half), bb, b1, b2, half, &q1, &rr);
  div3n2n(rr, low_bits(aa, half), bb, b1, b2, half, &q2, &rr);
  if (pad) rr = rshift(rr, 1);
  *q = add(lshift(q1, half), q2);
  *r = std::move(rr);
}

// _divmod_pos: schoolbook division in base 2**n (n the divisor's bit length), each step a
// recursive 2n/n division.
void fast_divmod_pos(const Int& a, const Int& b, Int* q, Int* r) {
  std::uint64_t n = bit_length(b);
  std::uint64_t abits = bit_length(a);
  std::uint64_t count = (abits + n - 1) / n;
  Int rem, quot;
  for (std::uint64_t i = count; i-- > 0;) {
    Int chunk = low_bits(rshift(a, i * n), n);
    Int qd;
    div2n1n(add(lshift(rem, n), chunk), b, n, &qd, &rem);
    quot = add(lshift(quot, n), qd);
  }
  *q = std::move(quot);
  *r = std::move(rem);
}

}  // namespace

bool divrem(View a, View b, Int* q, Int* r) {
  if (b.sign == 0) return false;
  if (b.n > kFastDivDigits && a.n - b.n > kFastDivExtraDigits) {
    Int qq, rr;
    fast_divmod_pos(abs(a), abs(b), &qq, &rr);
    if (a.sign * b.sign < 0) qq.negate();
    if (a.sign < 0) rr.negate();
    if (q) *q = std::move(qq);
    if (r) *r = std::move(rr);
    return true;
  }
  Mag qm, rm;
  mag_divrem(a.d, a.n, b.d, b.n, q ? &qm : nullptr, &rm);
  if (q) *q = make(a.sign * b.sign, std::move(qm));
  if (r) *r = make(a.sign, std::move(rm));
  return true;
}

// l_divmod: adjusts the truncating result when the remainder's sign differs from b's.
bool divmod(View a, View b, Int* q, Int* r) {
  if (b.sign == 0) return false;
  Int qq, rr;
  divrem(a, b, &qq, &rr);
  if (rr.sign() != 0 && rr.sign() != b.sign) {
    rr = add(rr, b);
    if (q) qq = sub(qq, kOne);
  }
  if (q) *q = std::move(qq);
  if (r) *r = std::move(rr);
  return true;
}

// long_true_divide: shift a so that the integer quotient has DBL_MANT_DIG + 2 or + 3 bits,
// fold the remainder into a sticky bit and round the low digit by hand (half to even).
TrueDivStatus true_divide(View a, View b, double* out) {
  constexpr int kMantDig = 53;    // DBL_MANT_DIG
  constexpr int kMaxExp = 1024;   // DBL_MAX_EXP
  constexpr int kMinExp = -1021;  // DBL_MIN_EXP
  if (b.sign == 0) return TrueDivStatus::kZeroDivision;
  bool negate = (a.sign < 0) != (b.sign < 0);
  if (a.sign == 0) {
    *out = negate ? -0.0 : 0.0;
    return TrueDivStatus::kOk;
  }
  // Fast path: both exactly representable as doubles.
  if (bit_length(a) <= kMantDig && bit_length(b) <= kMantDig) {
    double da = 0, db = 0;
    for (ssize i = a.n - 1; i >= 0; --i) da = da * kBase + a.d[i];
    for (ssize i = b.n - 1; i >= 0; --i) db = db * kBase + b.d[i];
    double res = da / db;
    *out = negate ? -res : res;
    return TrueDivStatus::kOk;
  }
  std::int64_t diff = static_cast<std::int64_t>(bit_length(a)) - static_cast<std::int64_t>(bit_length(b));
  if (diff > kMaxExp) return TrueDivStatus::kOverflow;
  if (diff < kMinExp - kMantDig - 1) {
    *out = negate ? -0.0 : 0.0;
    return TrueDivStatus::kOk;
  }
  std::int64_t shift = std::max<std::int64_t>(diff, kMinExp) - kMantDig - 2;
  bool inexact = false;
  View aa{1, a.n, a.d};
  View bb{1, b.n, b.d};
  Int x;
  if (shift <= 0) {
    x = lshift(aa, static_cast<std::uint64_t>(-shift));
  } else {
    x = rshift(aa, static_cast<std::uint64_t>(shift));
    // Bits shifted out make the quotient inexact.
    std::uint64_t s = static_cast<std::uint64_t>(shift);
    ssize whole = static_cast<ssize>(s / kShift);
    for (ssize i = 0; i < std::min(whole, a.n) && !inexact; ++i) inexact = a.d[i] != 0;
    if (!inexact && whole < a.n && (a.d[whole] & ((digit(1) << (s % kShift)) - 1))) inexact = true;
  }
  Int q, r;
  divrem(x, bb, &q, &r);
  if (!r.is_zero()) inexact = true;
  std::int64_t x_bits = static_cast<std::int64_t>(bit_length(q));
  std::int64_t extra_bits = std::max<std::int64_t>(x_bits, kMinExp - shift) - kMantDig;
  Mag qd = q.magnitude();
  digit mask = digit(1) << (extra_bits - 1);
  digit low = qd[0] | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3U * mask - 1U))) low += mask;
  qd[0] = low & ~(2U * mask - 1U);
  // The rounding may carry out of the low digit.
  for (std::size_t i = 0; i + 1 < qd.size() && qd[i] >= kBase; ++i) {
    qd[i] -= kBase;
    ++qd[i + 1];
  }
  if (qd.back() >= kBase) {
    qd.back() -= kBase;
    qd.push_back(1);
  }
  double dx = 0;
  for (ssize i = static_cast<ssize>(qd.size()) - 1; i >= 0; --i) dx = dx * kBase + qd[i];
  if (shift + x_bits >= kMaxExp &&
      (shift + x_bits > kMaxExp || dx == std::ldexp(1.0, static_cast<int>(x_bits)))) {
    return TrueDivStatus::kOverflow;
  }
  double res = std::ldexp(dx, static_cast<int>(shift));
  *out = negate ? -res : res;
  return TrueDivStatus::kOk;
}

bool invmod(View a, View n, Int* out) {
  Int aa = Int::from_view(a), nn = Int::from_view(n);
  Int b = Int::from_i64(1), c;
  while (!nn.is_zero()) {
    Int q, r;
    divmod(aa, nn, &q, &r);
    aa = std::move(nn);
    nn = std::move(r);
    Int t = sub(b, mul(q, c));
    b = std::move(c);
    c = std::move(t);
  }
  if (!equal(aa, kOne)) return false;
  divmod(b, n, nullptr, out);
  return true;
}

// long_pow: left-to-right binary exponentiation for exponents up to HUGE_EXP_CUTOFF bits, a
// 5-bit sliding window over odd powers above, reduced after every step when there is a modulus.
PowStatus pow(View base, View exp, const View* mod, Int* out) {
  Int a = Int::from_view(base);
  Int b = Int::from_view(exp);
  Int c;
  bool negative_output = false;
  if (mod) {
    if (mod->sign == 0) return PowStatus::kZeroModulus;
    c = abs(*mod);
    negative_output = mod->sign < 0;
    if (equal(c, kOne)) {
      *out = Int();
      return PowStatus::kOk;
    }
    if (b.sign() < 0) {
      b.negate();
      Int inv;
      if (!invmod(a, c, &inv)) return PowStatus::kNotInvertible;
      a = std::move(inv);
    }
    if (a.sign() < 0 || a.size() > c.size()) {
      Int t;
      divmod(a, c, nullptr, &t);
      a = std::move(t);
    }
  } else if (b.sign() < 0) {
    return PowStatus::kNegativeExponent;
  }
  auto reduce = [&](Int& v) {
    if (mod) {
      Int t;
      divmod(v, c, nullptr, &t);
      v = std::move(t);
    }
  };
  auto bit = [&](std::uint64_t i) { return (b.digits()[i / kShift] >> (i % kShift)) & 1; };
  Int z = Int::from_i64(1);
  std::uint64_t nbits = bit_length(b);
  if (nbits <= kHugeExpCutoff) {
    // Left-to-right binary exponentiation.
    for (std::uint64_t i = nbits; i-- > 0;) {
      z = mul(z, z);
      reduce(z);
      if (bit(i)) {
        z = mul(z, a);
        reduce(z);
      }
    }
  } else {
    // Sliding window of up to kExpWindowSize bits over a table of the odd powers a, a**3, ...
    std::vector<Int> table(kExpTableLen);
    table[0] = a;
    Int a2 = mul(a, a);
    reduce(a2);
    for (int i = 1; i < kExpTableLen; ++i) {
      table[i] = mul(table[i - 1], a2);
      reduce(table[i]);
    }
    std::uint64_t i = nbits;
    while (i > 0) {
      if (!bit(i - 1)) {
        z = mul(z, z);
        reduce(z);
        --i;
        continue;
      }
      // The window: bits i-1 down to j, ending on a one bit.
      std::uint64_t j = i >= kExpWindowSize ? i - kExpWindowSize : 0;
      while (!bit(j)) ++j;
      unsigned window = 0;
      for (std::uint64_t k = i; k-- > j;) {
        window = (window << 1) | static_cast<unsigned>(bit(k));
        z = mul(z, z);
        reduce(z);
      }
      z = mul(z, table[window >> 1]);
      reduce(z);
      i = j;
    }
  }
  if (negative_output && !z.is_zero()) z = sub(z, c);
  *out = std::move(z);
  return PowStatus::kOk;
}

// ---- bitwise operations ----

namespace {

// The n-digit two's complement form of a (the sign extends beyond n digits).
Mag to_twos(View a, ssize n) {
  Mag t(static_cast<std::size_t>(n), 0);
  std::copy(a.d, a.d + a.n, t.begin());
  if (a.sign < 0) {
    // -x == ~(x - 1)
    sub_from(t.data(), n, &kOneDigit, 1);
    for (auto& d : t) d = ~d & kMask;
  }
  return t;
}

Int from_twos(Mag t, bool negative) {
  if (!negative) return make(1, std::move(t));
  for (auto& d : t) d = ~d & kMask;
  t.push_back(0);
  add_into(t.data(), static_cast<ssize>(t.size()), &kOneDigit, 1);
  return make(-1, std::move(t));
}

template <typename Op>
Int bitwise(View a, View b, Op op) {
  ssize n = std::max(a.n, b.n) + 1;
  Mag ta = to_twos(a, n), tb = to_twos(b, n);
  for (ssize i = 0; i < n; ++i) ta[i] = op(ta[i], tb[i]) & kMask;
  bool negative = op(a.sign < 0 ? 1u : 0u, b.sign < 0 ? 1u : 0u) & 1u;
  return from_twos(std::move(ta), negative);
}

}  // namespace

Int bit_and(View a, View b) { return bitwise(a, b, [](digit x, digit y) { return x & y; }); }
Int bit_or(View a, View b) { return bitwise(a, b, [](digit x, digit y) { return x | y; }); }
Int bit_xor(View a, View b) { return bitwise(a, b, [](digit x, digit y) { return x ^ y; }); }

Int invert(View a) {
  Int z = add(a, kOne);
  z.negate();
  return z;
}

Int lshift(View a, std::uint64_t shift) {
  if (a.sign == 0) return Int();
  auto whole = static_cast<ssize>(shift / kShift);
  int rem = static_cast<int>(shift % kShift);
  Mag z(static_cast<std::size_t>(a.n + whole + 1), 0);
  z[a.n + whole] = shift_left_bits(z.data() + whole, a.d, a.n, rem);
  return make(a.sign, std::move(z));
}

Int rshift(View a, std::uint64_t shift) {
  if (a.sign == 0) return Int();
  if (a.sign < 0) {
    // Floor: a >> s == -((|a| - 1) >> s) - 1.
    Int m = sub(abs(a), kOne);
    Int z = rshift(m, shift);
    return invert(z);
  }
  if (shift / kShift >= static_cast<std::uint64_t>(a.n)) return Int();
  auto whole = static_cast<ssize>(shift / kShift);
  int rem = static_cast<int>(shift % kShift);
  Mag z(static_cast<std::size_t>(a.n - whole));
  shift_right_bits(z.data(), a.d + whole, a.n - whole, rem);
  return make(1, std::move(z));
}

std::uint64_t bit_length(View a) {
  if (a.n == 0) return 0;
  return static_cast<std::uint64_t>(a.n - 1) * kShift + digit_bits(a.d[a.n - 1]);
}

std::uint64_t bit_count(View a) {
  std::uint64_t c = 0;
  for (ssize i = 0; i < a.n; ++i) c += std::popcount(a.d[i]);
  return c;
}

// ---- floats ----

double frexp(View a, std::int64_t* e) {
  if (a.sign == 0) {
    *e = 0;
    return 0.0;
  }
  // The top 55 bits (53 + guard + round) with the rest folded into a sticky bit.
  std::int64_t nbits = static_cast<std::int64_t>(bit_length(a));
  std::uint64_t top = 0;
  if (nbits <= 55) {
    for (ssize i = a.n - 1; i >= 0; --i) top = (top << kShift) | a.d[i];
    top <<= (55 - nbits);
  } else {
    Int t = rshift(View{1, a.n, a.d}, static_cast<std::uint64_t>(nbits - 55));
    for (ssize i = t.size() - 1; i >= 0; --i) top = (top << kShift) | t.digits()[i];
    std::uint64_t s = static_cast<std::uint64_t>(nbits - 55);
    auto whole = static_cast<ssize>(s / kShift);
    bool sticky = false;
    for (ssize i = 0; i < whole && !sticky; ++i) sticky = a.d[i] != 0;
    if (!sticky && (a.d[whole] & ((digit(1) << (s % kShift)) - 1))) sticky = true;
    if (sticky) top |= 1;
  }
  // Round half to even at bit 2.
  if ((top & 2) && (top & 5)) top += 4;
  top &= ~std::uint64_t(3);
  double m = std::ldexp(static_cast<double>(top), -55);
  if (m == 1.0) {
    m = 0.5;
    ++nbits;
  }
  *e = nbits;
  return a.sign < 0 ? -m : m;
}

bool to_double(View a, double* out) {
  if (a.n <= 1) {
    *out = a.n ? a.sign * static_cast<double>(a.d[0]) : 0.0;
    return true;
  }
  std::int64_t e;
  double m = frexp(a, &e);
  if (e > 1024) return false;
  *out = std::ldexp(m, static_cast<int>(e));
  return true;
}

Int from_double(double x) {
  bool negative = x < 0;
  double v = std::fabs(x);
  if (v < 1.0) return Int();
  int expo;
  double frac = std::frexp(v, &expo);
  ssize ndig = (expo - 1) / kShift + 1;
  Mag m(static_cast<std::size_t>(ndig));
  frac = std::ldexp(frac, (expo - 1) % kShift + 1);
  for (ssize i = ndig; --i >= 0;) {
    auto bits = static_cast<digit>(frac);
    m[i] = bits;
    frac -= static_cast<double>(bits);
    frac = std::ldexp(frac, kShift);
  }
  return make(negative ? -1 : 1, std::move(m));
}

// ---- text ----

namespace {

constexpr digit kDecimalBase = 1000000000;  // _PyLong_DECIMAL_BASE
constexpr int kDecimalShift = 9;

// long_to_decimal_string_internal's conversion to base 10**9 (quadratic, as CPython's own
// loop; CPython hands very large values to Lib/_pylong.py).
Mag to_base_1e9(View a) {
  Mag pout;
  pout.reserve(static_cast<std::size_t>(a.n + 1 + a.n / 3));
  for (ssize i = a.n - 1; i >= 0; --i) {
    digit hi = a.d[i];
    for (auto& p : pout) {
      twodigits z = (static_cast<twodigits>(p) << kShift) | hi;
      hi = static_cast<digit>(z / kDecimalBase);
      p = static_cast<digit>(z - static_cast<twodigits>(hi) * kDecimalBase);
    }
    while (hi) {
      pout.push_back(hi % kDecimalBase);
      hi /= kDecimalBase;
    }
  }
  return pout;
}

std::string decimal_string_quadratic(View a) {
  if (a.sign == 0) return "0";
  Mag pout = to_base_1e9(a);
  // The top base-10**9 digit without leading zeros, then nine characters per digit.
  char top[16];
  int toplen = 0;
  for (digit t = pout.back(); t; t /= 10) top[toplen++] = static_cast<char>('0' + t % 10);
  std::size_t sign = a.sign < 0 ? 1 : 0;
  std::string s(sign + static_cast<std::size_t>(toplen) + kDecimalShift * (pout.size() - 1), '0');
  if (sign) s[0] = '-';
  char* p = s.data() + sign;
  while (toplen) *p++ = top[--toplen];
  for (ssize i = static_cast<ssize>(pout.size()) - 2; i >= 0; --i) {
    digit t = pout[i];
    for (int k = kDecimalShift - 1; k >= 0; --k) {
      p[k] = static_cast<char>('0' + t % 10);
      t /= 10;
    }
    p += kDecimalShift;
  }
  return s;
}

// Above this many digits, str() splits the value by powers 10**(kDecChunk * 2**i) with the
// recursive division, and converts the pieces (CPython 3.14 hands large values to
// Lib/_pylong.py likewise). The pieces below the top are zero-padded to their full width.
constexpr ssize kDecSplitDigits = 1000;
constexpr std::int64_t kDecChunk = 2048;  // decimal digits of the smallest power used

void decimal_dc(const Int& v, std::size_t level, const std::vector<Int>& pow10, bool pad,
                std::string* out) {
  if (level == 0) {
    std::string s = decimal_string_quadratic(v);
    if (pad) out->append(static_cast<std::size_t>(kDecChunk) - s.size(), '0');
    *out += s;
    return;
  }
  Int q, r;
  divrem(v, pow10[level - 1], &q, &r);
  if (!pad && q.is_zero()) {
    decimal_dc(r, level - 1, pow10, false, out);
    return;
  }
  decimal_dc(q, level - 1, pow10, pad, out);
  decimal_dc(r, level - 1, pow10, true, out);
}

std::string decimal_string(View a) {
  if (a.n <= kDecSplitDigits) return decimal_string_quadratic(a);
  Int v = abs(a);
  // pow10[i] = 10**(kDecChunk * 2**i), up to the first above v.
  std::vector<Int> pow10;
  Int p;
  bigint::pow(Int::from_i64(10), Int::from_i64(kDecChunk), nullptr, &p);
  pow10.push_back(p);
  while (compare(pow10.back(), v) <= 0) pow10.push_back(mul(pow10.back(), pow10.back()));
  std::string s;
  if (a.sign < 0) s += '-';
  decimal_dc(v, pow10.size() - 1, pow10, false, &s);
  return s;
}

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

}  // namespace

bool to_decimal_string(View a, int max_str_digits, std::string* out) {
  constexpr ssize kThreshold = 640;  // _PY_LONG_MAX_STR_DIGITS_THRESHOLD
  // The cheap early test of long_to_decimal_string_internal, before any work.
  if (a.n >= 10 * kThreshold / (3 * kShift) + 2 && max_str_digits > 0 &&
      max_str_digits / (3 * kShift) <= (a.n - 11) / 10) {
    return false;
  }
  std::string s = decimal_string(a);
  ssize ndigits = static_cast<ssize>(s.size()) - (a.sign < 0 ? 1 : 0);
  if (ndigits > kThreshold && max_str_digits > 0 && ndigits > max_str_digits) return false;
  *out = std::move(s);
  return true;
}

std::string to_string(View a, int base) {
  if (base == 10) return decimal_string(a);
  if (a.sign == 0) return "0";
  std::string s;
  if ((base & (base - 1)) == 0) {
    // long_format_binary: bits straight from the digits.
    int bits = std::countr_zero(static_cast<unsigned>(base));
    twodigits acc = 0;
    int accbits = 0;
    for (ssize i = 0; i < a.n; ++i) {
      acc |= static_cast<twodigits>(a.d[i]) << accbits;
      accbits += kShift;
      while (accbits >= bits) {
        s += kDigitChars[acc & static_cast<twodigits>(base - 1)];
        acc >>= bits;
        accbits -= bits;
      }
    }
    if (acc) s += kDigitChars[acc];
    while (s.size() > 1 && s.back() == '0') s.pop_back();
  } else {
    // Repeated division by the largest power of base that fits in a digit.
    digit chunk = static_cast<digit>(base);
    int per = 1;
    while (static_cast<twodigits>(chunk) * static_cast<twodigits>(base) <= kMask) {
      chunk *= static_cast<digit>(base);
      ++per;
    }
    Mag m(a.d, a.d + a.n);
    while (!m.empty()) {
      digit rem = divrem1(m.data(), m.data(), static_cast<ssize>(m.size()), chunk);
      trim(m);
      for (int i = 0; i < per && (rem || !m.empty()); ++i) {
        s += kDigitChars[rem % static_cast<digit>(base)];
        rem /= static_cast<digit>(base);
      }
    }
  }
  if (a.sign < 0) s += '-';
  std::reverse(s.begin(), s.end());
  return s;
}

namespace {

// The digits of [p, end) (underscores already checked) as a magnitude.
Mag digits_to_mag(const char* p, const char* end, int base) {
  Mag m;
  if ((base & (base - 1)) == 0) {
    // long_from_binary_base: fill bits from the least significant character.
    int bits = std::countr_zero(static_cast<unsigned>(base));
    twodigits acc = 0;
    int accbits = 0;
    for (const char* q = end; q-- > p;) {
      if (*q == '_') continue;
      acc |= static_cast<twodigits>(pystrconv::digit_value(static_cast<unsigned char>(*q))) << accbits;
      accbits += bits;
      if (accbits >= kShift) {
        m.push_back(static_cast<digit>(acc & kMask));
        acc >>= kShift;
        accbits -= kShift;
      }
    }
    if (accbits) m.push_back(static_cast<digit>(acc));
    trim(m);
    return m;
  }
  // long_from_non_binary_base: multiply-add by base**k for chunks of k characters.
  digit convmult_max = static_cast<digit>(base);
  int convwidth_max = 1;
  while (static_cast<twodigits>(convmult_max) * static_cast<twodigits>(base) <= kBase) {
    convmult_max *= static_cast<digit>(base);
    ++convwidth_max;
  }
  const char* q = p;
  while (q < end) {
    twodigits c = 0;
    digit convmult = 1;
    int width = 0;
    while (q < end && width < convwidth_max) {
      if (*q != '_') {
        c = c * static_cast<twodigits>(base) +
            static_cast<twodigits>(pystrconv::digit_value(static_cast<unsigned char>(*q)));
        convmult *= static_cast<digit>(base);
        ++width;
      }
      ++q;
    }
    // m = m * convmult + c
    for (auto& d : m) {
      c += static_cast<twodigits>(d) * convmult;
      d = static_cast<digit>(c & kMask);
      c >>= kShift;
    }
    while (c) {
      m.push_back(static_cast<digit>(c & kMask));
      c >>= kShift;
    }
  }
  trim(m);
  return m;
}

// Base-10 strings longer than this convert by divide and conquer: value(hi) * 10**len(lo) +
// value(lo), with Karatsuba products (CPython 3.14 hands such strings to Lib/_pylong.py).
constexpr ssize kDecimalSplitDigits = 2000;

Int decimal_dc(const char* p, ssize n, std::map<ssize, Int>* pow10) {
  if (n <= kDecimalSplitDigits) return make(1, digits_to_mag(p, p + n, 10));
  ssize lo_len = n / 2;
  auto it = pow10->find(lo_len);
  if (it == pow10->end()) {
    Int r;
    bigint::pow(Int::from_i64(10), Int::from_i64(lo_len), nullptr, &r);
    it = pow10->emplace(lo_len, std::move(r)).first;
  }
  Int hi = decimal_dc(p, n - lo_len, pow10);
  Int lo = decimal_dc(p + (n - lo_len), lo_len, pow10);
  return add(mul(hi, it->second), lo);
}

}  // namespace

ParseResult from_string(const char* s, const char* end, int base, int max_str_digits, Int* out) {
  using pystrconv::digit_value;
  using pystrconv::is_space;
  ParseResult res;
  const char* str = s;
  auto at = [&](const char* p) -> unsigned char { return p < end ? static_cast<unsigned char>(*p) : 0; };
  while (str < end && is_space(at(str))) ++str;
  int sign = 1;
  if (at(str) == '+') {
    ++str;
  } else if (at(str) == '-') {
    ++str;
    sign = -1;
  }
  bool error_if_nonzero = false;
  if (base == 0) {
    unsigned char c1 = at(str + 1);
    if (at(str) != '0') base = 10;
    else if (c1 == 'x' || c1 == 'X') base = 16;
    else if (c1 == 'o' || c1 == 'O') base = 8;
    else if (c1 == 'b' || c1 == 'B') base = 2;
    else {
      // An old C-style octal literal ("0777") is invalid, though zeros are fine.
      error_if_nonzero = true;
      base = 10;
    }
  }
  if (at(str) == '0') {
    unsigned char c1 = at(str + 1);
    if ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
        (base == 2 && (c1 == 'b' || c1 == 'B'))) {
      str += 2;
      if (at(str) == '_') ++str;  // one underscore may follow the prefix
    }
  }
  res.error_base = base;
  auto fail = [&](const char* where) {
    res.status = ParseStatus::kInvalid;
    res.end = where;
    return res;
  };
  // long_from_string_base: digits with single underscores between them.
  const char* start = str;
  if (at(start) == '_') return fail(start);
  const char* p = start;
  char prev = 0;
  ssize ndigits = 0;
  while (p < end && (digit_value(at(p)) < base || *p == '_')) {
    if (*p == '_') {
      if (prev == '_') return fail(p - 1);
    } else {
      ++ndigits;
    }
    prev = *p;
    ++p;
  }
  if (prev == '_') return fail(p - 1);
  const char* digits_end = p;
  if (start == digits_end) return fail(p);
  while (p < end && is_space(at(p))) ++p;
  if (p != end) return fail(p);
  res.digit_count = ndigits;
  if ((base & (base - 1)) != 0 && ndigits > 640 && max_str_digits > 0 && ndigits > max_str_digits) {
    res.status = ParseStatus::kTooManyDigits;
    res.end = p;
    return res;
  }
  Int z;
  if (base == 10 && ndigits > kDecimalSplitDigits) {
    std::string clean;
    clean.reserve(static_cast<std::size_t>(ndigits));
    for (const char* q = start; q < digits_end; ++q)
      if (*q != '_') clean += *q;
    std::map<ssize, Int> pow10;
    z = decimal_dc(clean.data(), static_cast<ssize>(clean.size()), &pow10);
    if (sign < 0) z.negate();
  } else {
    z = make(sign, digits_to_mag(start, digits_end, base));
  }
  if (error_if_nonzero) {
    res.error_base = 0;
    if (!z.is_zero()) return fail(p);
  }
  res.end = p;
  *out = std::move(z);
  return res;
}

// ---- bytes ----

ToBytesStatus to_bytes(View a, unsigned char* out, std::size_t n, bool little_endian, bool is_signed) {
  if (a.sign < 0 && !is_signed) return ToBytesStatus::kNegativeUnsigned;
  // Fill little-endian, two's complement for negatives, then check that nothing was lost.
  std::size_t j = 0;
  twodigits acc = 0;
  int accbits = 0;
  digit borrow = 1;  // for the negation: ~(x) + 1 digit by digit
  bool overflow = false;
  for (ssize i = 0; i < a.n; ++i) {
    digit d = a.d[i];
    if (a.sign < 0) {
      d = (d ^ kMask) + borrow;
      borrow = d >> kShift;
      d &= kMask;
    }
    acc |= static_cast<twodigits>(d) << accbits;
    accbits += kShift;
    while (accbits >= 8) {
      if (j < n) {
        out[j] = static_cast<unsigned char>(acc & 0xff);
      } else if ((acc & 0xff) != (a.sign < 0 ? 0xff : 0)) {
        overflow = true;
      }
      ++j;
      acc >>= 8;
      accbits -= 8;
    }
  }
  // The remaining bits are sign-extended.
  unsigned char fill = a.sign < 0 ? 0xff : 0;
  if (accbits > 0) {
    twodigits ext = a.sign < 0 ? (acc | (~twodigits(0) << accbits)) : acc;
    if (j < n) {
      out[j] = static_cast<unsigned char>(ext & 0xff);
    } else if ((ext & 0xff) != fill) {
      overflow = true;
    }
    ++j;
  }
  for (; j < n; ++j) out[j] = fill;
  if (!overflow && n > 0 && is_signed) {
    // The sign bit of the top byte must agree with the value's sign.
    bool top_set = out[n - 1] & 0x80;
    if (top_set != (a.sign < 0)) overflow = true;
  }
  if (!overflow && n == 0 && a.sign != 0) overflow = true;
  if (overflow) return ToBytesStatus::kTooBig;
  if (!little_endian) std::reverse(out, out + n);
  return ToBytesStatus::kOk;
}

Int from_bytes(const unsigned char* bytes, std::size_t n, bool little_endian, bool is_signed) {
  if (n == 0) return Int();
  std::vector<unsigned char> le(bytes, bytes + n);
  if (!little_endian) std::reverse(le.begin(), le.end());
  bool negative = is_signed && (le[n - 1] & 0x80);
  if (negative) {
    // Two's complement to magnitude: invert and add one.
    unsigned carry = 1;
    for (auto& b : le) {
      unsigned v = static_cast<unsigned char>(~b) + carry;
      b = static_cast<unsigned char>(v & 0xff);
      carry = v >> 8;
    }
  }
  Mag m;
  twodigits acc = 0;
  int accbits = 0;
  for (unsigned char b : le) {
    acc |= static_cast<twodigits>(b) << accbits;
    accbits += 8;
    if (accbits >= kShift) {
      m.push_back(static_cast<digit>(acc & kMask));
      acc >>= kShift;
      accbits -= kShift;
    }
  }
  if (accbits) m.push_back(static_cast<digit>(acc));
  // A negative value whose magnitude is 2**(8n-1) had all of its inverted bits carried out.
  return make(negative ? -1 : 1, std::move(m));
}

// ---- gcd, isqrt ----

// _PyLong_GCD: Lehmer's algorithm. While a has more than two digits, run Euclid on the top 60
// bits of a and b to find a 2x2 matrix of single-digit cofactors, then apply it to the whole
// numbers at once; when the top bits give no step, do one full division.
Int gcd(View av, View bv) {
  Int a = abs(av), b = abs(bv);
  if (compare(a, b) < 0) std::swap(a, b);
  while (a.size() > 2) {
    ssize size_a = a.size(), size_b = b.size();
    if (size_b == 0) return a;
    const digit* ad = a.digits();
    const digit* bd = b.digits();
    int nbits = digit_bits(ad[size_a - 1]);
    // The top 2*kShift bits of a, and the bits of b at the same positions.
    stwodigits x = static_cast<stwodigits>((static_cast<twodigits>(ad[size_a - 1]) << (2 * kShift - nbits)) |
                                           (static_cast<twodigits>(ad[size_a - 2]) << (kShift - nbits)) |
                                           (ad[size_a - 3] >> nbits));
    stwodigits y = static_cast<stwodigits>(
        (size_b >= size_a - 2 ? bd[size_a - 3] >> nbits : 0) |
        (size_b >= size_a - 1 ? static_cast<twodigits>(bd[size_a - 2]) << (kShift - nbits) : 0) |
        (size_b >= size_a ? static_cast<twodigits>(bd[size_a - 1]) << (2 * kShift - nbits) : 0));
    // Collins' condition keeps the quotients those of the full numbers; A..D stay below 2**30.
    stwodigits A = 1, B = 0, C = 0, D = 1;
    int k = 0;
    for (;; ++k) {
      if (y - C == 0) break;
      stwodigits q = (x + (A - 1)) / (y - C);
      stwodigits s2 = B + q * D;
      stwodigits t = x - q * y;
      if (s2 > t) break;
      x = y;
      y = t;
      t = A + q * C;
      A = D;
      B = C;
      C = s2;
      D = t;
    }
    if (k == 0) {
      Int r;
      divrem(a, b, nullptr, &r);
      a = std::move(b);
      b = std::move(r);
      continue;
    }
    // new a = A*a - B*b, new b = D*b - C*a for even k; the roles swap for odd k.
    if (k & 1) {
      stwodigits T = -A;
      A = -B;
      B = T;
      T = -C;
      C = -D;
      D = T;
    }
    // c = A*a - B*b, d = D*b - C*a, accumulated as sums.
    B = -B;
    C = -C;
    Mag c(static_cast<std::size_t>(size_a)), d(static_cast<std::size_t>(size_a));
    stwodigits c_carry = 0, d_carry = 0;
    ssize i = 0;
    for (; i < size_b; ++i) {
      c_carry += A * ad[i] + B * bd[i];
      d_carry += C * ad[i] + D * bd[i];
      c[i] = static_cast<digit>(c_carry & kMask);
      d[i] = static_cast<digit>(d_carry & kMask);
      c_carry >>= kShift;
      d_carry >>= kShift;
    }
    for (; i < size_a; ++i) {
      c_carry += A * ad[i];
      d_carry += C * ad[i];
      c[i] = static_cast<digit>(c_carry & kMask);
      d[i] = static_cast<digit>(d_carry & kMask);
      c_carry >>= kShift;
      d_carry >>= kShift;
    }
    a = make(1, std::move(c));
    b = make(1, std::move(d));
  }
  std::uint64_t ux = 0, uy = 0;
  a.to_u64(&ux);
  b.to_u64(&uy);
  while (uy) {
    std::uint64_t t = ux % uy;
    ux = uy;
    uy = t;
  }
  return Int::from_u64(ux);
}

namespace {

// _approximate_isqrt's role for n < 2**64: floor(sqrt(n)) exactly.
std::uint64_t isqrt64(std::uint64_t n) {
  if (n == 0) return 0;
  auto r = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(n)));
  while (static_cast<unsigned __int128>(r) * r > n) --r;
  while (static_cast<unsigned __int128>(r + 1) * (r + 1) <= n) ++r;
  return r;
}

}  // namespace

// math_isqrt: Newton-like refinement doubling the number of correct bits at each step.
Int isqrt(View n) {
  Int nn = Int::from_view(n);
  std::uint64_t small;
  if (nn.to_u64(&small)) return Int::from_u64(isqrt64(small));
  std::uint64_t c = (bit_length(n) - 1) / 2;
  int cbits = 64 - std::countl_zero(c);
  Int a = Int::from_i64(1);
  std::uint64_t d = 0;
  for (int s = cbits - 1; s >= 0; --s) {
    std::uint64_t e = d;
    d = c >> s;
    // a = (a << (d - e - 1)) + (n >> (2c - e - d + 1)) // a
    Int t = rshift(n, 2 * c - e - d + 1);
    Int q;
    divrem(t, a, &q, nullptr);
    a = add(lshift(a, d - e - 1), q);
  }
  Int sq = mul(a, a);
  if (compare(sq, n) > 0) a = sub(a, kOne);
  return a;
}

}  // namespace cppy::objects::bigint
