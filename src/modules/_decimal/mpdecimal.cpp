// The arithmetic of the General Decimal Arithmetic specification (what libmpdec's
// mpdecimal.c provides to _decimal), over big integer coefficients. The transcendental
// functions (exp, ln, log10, non-integer powers) use fixed-point integer series with a
// growing working precision until the rounding is decided (the approach of libmpdec's
// correctly rounded exp/ln), see approx_round.
#include "modules/_decimal/mpdecimal.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <functional>
#include <map>

namespace cppy::modules::decimal {

namespace bi = objects::bigint;

namespace {

Int from_u64(std::uint64_t v) { return Int::from_u64(v); }

bool fits_u64(const Int& c, std::uint64_t* out) { return c.to_u64(out); }

// c mod m for a small m.
std::uint32_t mod_small(const Int& c, std::uint32_t m) {
  std::uint64_t acc = 0;
  const bi::digit* d = c.digits();
  for (bi::ssize i = c.size() - 1; i >= 0; --i) {
    acc = ((acc << bi::kShift) | d[i]) % m;
  }
  return static_cast<std::uint32_t>(acc);
}

bool is_odd(const Int& c) { return c.size() > 0 && (c.digits()[0] & 1); }

// Coefficients of up to 38 digits (most of them, at the usual precisions) take native
// 128-bit arithmetic instead of the big-integer routines.
using u128 = unsigned __int128;

bool to_u128(const Int& c, u128* out) {
  bi::ssize n = c.size();
  if (n > 4) return false;
  const bi::digit* d = c.digits();
  u128 v = 0;
  for (bi::ssize i = n - 1; i >= 0; --i) v = (v << bi::kShift) | d[i];
  *out = v;
  return true;
}

Int from_u128(u128 v) {
  std::vector<bi::digit> mag;
  while (v) {
    mag.push_back(static_cast<bi::digit>(v & bi::kMask));
    v >>= bi::kShift;
  }
  return Int(mag.empty() ? 0 : 1, std::move(mag));
}

const u128* pow10_u128() {
  static u128 table[39] = {};
  if (table[0] == 0) {
    u128 v = 1;
    for (int i = 0; i < 39; ++i) {
      table[i] = v;
      v *= 10;
    }
  }
  return table;
}

int digits_u128(u128 v) {
  const u128* p = pow10_u128();
  int n = 1;
  while (n < 39 && v >= p[n]) ++n;
  return n;
}

Int add_small(const Int& c, std::uint64_t v) {
  u128 x;
  if (to_u128(c, &x) && x < pow10_u128()[38]) return from_u128(x + v);
  return bi::add(c, from_u64(v));
}

}  // namespace

std::int64_t ndigits(const Int& c) {
  std::uint64_t v;
  u128 w;
  if (c.size() > 2 && to_u128(c, &w)) return digits_u128(w);
  if (fits_u64(c, &v)) {
    std::int64_t n = 1;
    while (v >= 10) {
      v /= 10;
      ++n;
    }
    return n;
  }
  std::uint64_t bits = bi::bit_length(c);
  std::int64_t d = static_cast<std::int64_t>(static_cast<double>(bits - 1) * 0.30102999566398120) + 1;
  if (bi::compare(c, pow10(d)) >= 0) ++d;
  return d;
}

const Int& pow10(std::int64_t n) {
  // The interpreter lock serialises callers; references stay valid (deque, map).
  static std::deque<Int> small;
  static std::map<std::int64_t, Int> big;
  if (n < 1024) {
    while (static_cast<std::int64_t>(small.size()) <= n) {
      if (small.empty()) {
        small.push_back(from_u64(1));
      } else {
        small.push_back(bi::mul(small.back(), from_u64(10)));
      }
    }
    return small[static_cast<std::size_t>(n)];
  }
  auto it = big.find(n);
  if (it != big.end()) return it->second;
  // 10**n as 10**(n/2) squared (times 10).
  const Int& h = pow10(n / 2);
  Int v = bi::mul(h, h);
  if (n & 1) v = bi::mul(v, from_u64(10));
  return big.emplace(n, std::move(v)).first->second;
}

Int shiftl(const Int& c, std::int64_t n) {
  if (n <= 0 || c.is_zero()) return c;
  u128 x;
  if (n < 38 && to_u128(c, &x) && x < pow10_u128()[38 - n]) return from_u128(x * pow10_u128()[n]);
  return bi::mul(c, pow10(n));
}

std::int64_t trailing_zeros(const Int& c, std::int64_t limit) {
  if (c.is_zero()) return 0;
  u128 x;
  if (to_u128(c, &x)) {
    std::int64_t n = 0;
    while (n < limit && x % 10 == 0) {
      x /= 10;
      ++n;
    }
    return n;
  }
  std::int64_t n = 0;
  Int cur = c;
  while (n < limit) {
    std::int64_t step = std::min<std::int64_t>(limit - n, 9);
    Int q, r;
    bi::divrem(cur, pow10(step), &q, &r);
    if (r.is_zero()) {
      n += step;
      cur = std::move(q);
      continue;
    }
    // fewer than step zeros: count them one by one
    while (n < limit && mod_small(cur, 10) == 0) {
      bi::divrem(cur, pow10(1), &q, nullptr);
      cur = std::move(q);
      ++n;
    }
    break;
  }
  return n;
}

namespace {

Int strip_zeros(const Int& c, std::int64_t n) {
  if (n <= 0) return c;
  u128 x;
  if (to_u128(c, &x)) return n < 39 ? from_u128(x / pow10_u128()[n]) : Int();
  if (n > ndigits(c)) return Int();
  Int q;
  bi::divrem(c, pow10(n), &q, nullptr);
  return q;
}

// mpd_qshiftr: c = c / 10**n truncated; returns how the dropped digits compare with half a
// unit: 0 (none), 1 (below half), 2 (exactly half), 3 (above half).
int shiftr_round(Int& c, std::int64_t n) {
  if (n <= 0 || c.is_zero()) return 0;
  u128 x;
  if (n < 39 && to_u128(c, &x)) {
    const u128* p = pow10_u128();
    u128 q = x / p[n], r = x % p[n];
    c = from_u128(q);
    if (r == 0) return 0;
    u128 half = 5 * p[n - 1];
    return r < half ? 1 : r == half ? 2 : 3;
  }
  std::int64_t d = ndigits(c);
  if (n > d) {
    c = Int();
    return 1;
  }
  Int q, r;
  bi::divrem(c, pow10(n), &q, &r);
  c = std::move(q);
  if (r.is_zero()) return 0;
  Int half = bi::mul(pow10(n - 1), from_u64(5));
  int k = bi::compare(r, half);
  return k < 0 ? 1 : k == 0 ? 2 : 3;
}

// Whether rounding q (the kept digits) away from zero is due.
bool round_increment(const Int& q, bool sign, int cls, int mode) {
  if (!cls) return false;
  switch (mode) {
    case kRoundUp:
      return true;
    case kRoundDown:
    case kRoundTrunc:
      return false;
    case kRoundCeiling:
      return !sign;
    case kRoundFloor:
      return sign;
    case kRoundHalfUp:
      return cls >= 2;
    case kRoundHalfDown:
      return cls == 3;
    case kRoundHalfEven:
      return cls == 3 || (cls == 2 && is_odd(q));
    case kRound05Up: {
      std::uint32_t last = mod_small(q, 10);
      return last == 0 || last == 5;
    }
  }
  return false;
}

void set_inf(Dec& r, bool sign) {
  r.sign = sign;
  r.kind = kInf;
  r.exp = 0;
  r.coef = Int();
}

void set_triple(Dec& r, bool sign, std::uint64_t c, std::int64_t exp) {
  r.sign = sign;
  r.kind = kFinite;
  r.exp = exp;
  r.coef = from_u64(c);
}

void set_max_finite(Dec& r, bool sign, const Context& ctx) {
  r.sign = sign;
  r.kind = kFinite;
  r.coef = bi::sub(pow10(ctx.prec), from_u64(1));
  r.exp = ctx.etop();
}

// The overflow result by rounding mode (_mpd_check_exp).
void overflow(Dec& r, const Context& ctx, std::uint32_t& status) {
  bool inf;
  switch (ctx.round) {
    case kRoundDown:
    case kRound05Up:
      inf = false;
      break;
    case kRoundCeiling:
      inf = !r.sign;
      break;
    case kRoundFloor:
      inf = r.sign;
      break;
    default:
      inf = true;
  }
  if (inf) {
    set_inf(r, r.sign);
  } else {
    set_max_finite(r, r.sign, ctx);
  }
  status |= kOverflow | kInexact | kRounded;
}

}  // namespace

std::int64_t Dec::digits() const { return ndigits(coef); }

bool Dec::is_integer() const {
  if (kind != kFinite) return false;
  if (exp >= 0 || coef.is_zero()) return true;
  return trailing_zeros(coef, -exp) >= -exp;
}

void finalize(Dec& r, const Context& ctx, std::uint32_t& status) {
  if (r.kind != kFinite) return;
  std::int64_t digits = ndigits(r.coef);
  std::int64_t adj = r.exp + digits - 1;
  // _mpd_check_exp
  if (adj > ctx.emax) {
    if (r.coef.is_zero()) {
      r.exp = ctx.clamp ? ctx.etop() : ctx.emax;
      status |= kClamped;
      return;
    }
    overflow(r, ctx, status);
    return;
  }
  if (ctx.clamp && r.exp > ctx.etop()) {
    std::int64_t shift = r.exp - ctx.etop();
    r.coef = shiftl(r.coef, shift);
    r.exp -= shift;
    status |= kClamped;
    return;
  }
  if (adj < ctx.emin) {
    std::int64_t etiny = ctx.etiny();
    if (r.coef.is_zero()) {
      if (r.exp < etiny) {
        r.exp = etiny;
        status |= kClamped;
      }
      return;
    }
    status |= kSubnormal;
    if (r.exp < etiny) {
      int cls = shiftr_round(r.coef, etiny - r.exp);
      r.exp = etiny;
      if (round_increment(r.coef, r.sign, cls, ctx.round)) r.coef = add_small(r.coef, 1);
      status |= kRounded;
      if (cls) {
        status |= kInexact | kUnderflow;
        if (r.coef.is_zero()) status |= kClamped;
      }
    }
    return;
  }
  // _mpd_check_round
  if (digits > ctx.prec) {
    std::int64_t shift = digits - ctx.prec;
    int cls = shiftr_round(r.coef, shift);
    r.exp += shift;
    if (round_increment(r.coef, r.sign, cls, ctx.round)) {
      r.coef = add_small(r.coef, 1);
      if (bi::compare(r.coef, pow10(ctx.prec)) >= 0) {
        r.coef = strip_zeros(r.coef, 1);
        r.exp += 1;
      }
    }
    status |= kRounded;
    if (cls) status |= kInexact;
    if (r.exp + ctx.prec - 1 > ctx.emax) overflow(r, ctx, status);
  }
}

void fix_nan(Dec& r, const Context& ctx) {
  if (!r.is_nan() || r.coef.is_zero()) return;
  std::int64_t keep = ctx.prec - ctx.clamp;
  if (ndigits(r.coef) <= keep) return;
  if (keep <= 0) {
    r.coef = Int();
    return;
  }
  Int low;
  bi::divrem(r.coef, pow10(keep), nullptr, &low);
  r.coef = std::move(low);
}

void set_invalid(Dec& r, std::uint32_t& status, std::uint32_t cond) {
  r.sign = false;
  r.kind = kNaN;
  r.exp = 0;
  r.coef = Int();
  status |= cond;
}

bool check_nan(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (!a.is_nan()) return false;
  r = a;
  if (r.kind == kSNaN) status |= kInvalidOperation;
  r.kind = kNaN;
  fix_nan(r, ctx);
  return true;
}

bool check_nans(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  if (!a.is_nan() && !b.is_nan()) return false;
  const Dec* choice = &a;
  if (a.is_snan()) {
    choice = &a;
  } else if (b.is_snan()) {
    choice = &b;
  } else if (!a.is_nan()) {
    choice = &b;
  }
  if (a.is_snan() || b.is_snan()) status |= kInvalidOperation;
  Dec res = *choice;
  res.kind = kNaN;
  fix_nan(res, ctx);
  r = std::move(res);
  return true;
}

Dec dec_from_i64(std::int64_t v) {
  Dec d;
  d.sign = v < 0;
  std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  d.coef = from_u64(m);
  return d;
}

std::string coef_string(const Int& c) { return bi::to_string(c, 10); }

namespace {

bool ieq(const std::string& s, std::size_t pos, const char* word) {
  std::size_t n = 0;
  for (; word[n]; ++n) {
    if (pos + n >= s.size()) return false;
    char ch = s[pos + n];
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (ch != word[n]) return false;
  }
  return pos + n == s.size();
}

bool parse_digits(const std::string& s, Int* out) {
  if (s.empty()) {
    *out = Int();
    return true;
  }
  bi::ParseResult pr = bi::from_string(s.data(), s.data() + s.size(), 10, 0, out);
  return pr.status == bi::ParseStatus::kOk;
}

}  // namespace

bool dec_from_string(const std::string& s, Dec* out) {
  Dec d;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    d.sign = s[i] == '-';
    ++i;
  }
  if (ieq(s, i, "inf") || ieq(s, i, "infinity")) {
    d.kind = kInf;
    *out = std::move(d);
    return true;
  }
  std::size_t rest = 0;
  bool nan = false;
  if (s.size() - i >= 3) {
    auto lower = [&](std::size_t k) {
      char ch = s[k];
      return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    };
    if (lower(i) == 'n' && lower(i + 1) == 'a' && lower(i + 2) == 'n') {
      nan = true;
      d.kind = kNaN;
      rest = i + 3;
    } else if (s.size() - i >= 4 && lower(i) == 's' && lower(i + 1) == 'n' &&
               lower(i + 2) == 'a' && lower(i + 3) == 'n') {
      nan = true;
      d.kind = kSNaN;
      rest = i + 4;
    }
  }
  if (nan) {
    std::string payload;
    for (std::size_t k = rest; k < s.size(); ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      payload += s[k];
    }
    std::size_t nz = payload.find_first_not_of('0');
    payload = nz == std::string::npos ? "" : payload.substr(nz);
    if (!parse_digits(payload, &d.coef)) return false;
    *out = std::move(d);
    return true;
  }
  std::string digits;
  std::int64_t frac = 0;
  bool seen_digit = false, seen_dot = false;
  for (; i < s.size(); ++i) {
    char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      seen_digit = true;
      if (seen_dot) ++frac;
    } else if (ch == '.' && !seen_dot) {
      seen_dot = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return false;
  // exponent
  std::int64_t exp = 0;
  bool exp_overflow = false;
  if (i < s.size()) {
    if (s[i] != 'e' && s[i] != 'E') return false;
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      eneg = s[i] == '-';
      ++i;
    }
    if (i >= s.size()) return false;
    for (; i < s.size(); ++i) {
      char ch = s[i];
      if (ch < '0' || ch > '9') return false;
      if (exp > 400000000000000000LL) {
        exp_overflow = true;
      } else {
        exp = exp * 10 + (ch - '0');
      }
    }
    if (exp_overflow) exp = 4000000000000000000LL;
    if (eneg) exp = -exp;
  }
  std::size_t nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "" : digits.substr(nz);
  if (!parse_digits(digits, &d.coef)) return false;
  d.exp = exp - frac;
  *out = std::move(d);
  return true;
}

namespace {

std::string special_string(const Dec& a) {
  std::string s = a.sign ? "-" : "";
  if (a.is_inf()) return s + "Infinity";
  s += a.is_snan() ? "sNaN" : "NaN";
  if (!a.coef.is_zero()) s += coef_string(a.coef);
  return s;
}

// The to-scientific-string / to-engineering-string layouts.
std::string to_string_impl(const Dec& a, bool caps, bool eng) {
  if (a.is_special()) return special_string(a);
  std::string c = coef_string(a.coef);
  std::int64_t n = static_cast<std::int64_t>(c.size());
  std::int64_t left = a.exp + n;  // digits left of the point in plain notation
  std::int64_t dot;
  if (a.exp <= 0 && left > -6) {
    dot = left;
  } else if (!eng) {
    dot = 1;
  } else if (a.coef.is_zero()) {
    dot = ((left + 1) % 3 + 3) % 3 - 1;
  } else {
    dot = ((left - 1) % 3 + 3) % 3 + 1;
  }
  std::string out = a.sign ? "-" : "";
  if (dot <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-dot), '0');
    out += c;
  } else if (dot >= n) {
    out += c;
    out.append(static_cast<std::size_t>(dot - n), '0');
  } else {
    out += c.substr(0, static_cast<std::size_t>(dot));
    out += '.';
    out += c.substr(static_cast<std::size_t>(dot));
  }
  if (left != dot) {
    std::int64_t e = left - dot;
    out += caps ? 'E' : 'e';
    out += e < 0 ? '-' : '+';
    out += std::to_string(e < 0 ? -static_cast<long long>(e) : static_cast<long long>(e));
  }
  return out;
}

}  // namespace

std::string to_sci_string(const Dec& a, bool caps) { return to_string_impl(a, caps, false); }
std::string to_eng_string(const Dec& a, bool caps) { return to_string_impl(a, caps, true); }

// ---------------------------------------------------------------------------------------
// Comparisons.

int cmp_abs(const Dec& a, const Dec& b) {
  if (a.is_inf()) return b.is_inf() ? 0 : 1;
  if (b.is_inf()) return -1;
  bool az = a.coef.is_zero(), bz = b.coef.is_zero();
  if (az || bz) return az && bz ? 0 : az ? -1 : 1;
  std::int64_t aa = a.adjexp(), ba = b.adjexp();
  if (aa != ba) return aa < ba ? -1 : 1;
  if (a.exp == b.exp) return bi::compare(a.coef, b.coef);
  if (a.exp > b.exp) {
    int k = bi::compare(shiftl(a.coef, a.exp - b.exp), b.coef);
    return k < 0 ? -1 : k > 0 ? 1 : 0;
  }
  int k = bi::compare(a.coef, shiftl(b.coef, b.exp - a.exp));
  return k < 0 ? -1 : k > 0 ? 1 : 0;
}

int cmp(const Dec& a, const Dec& b) {
  bool az = a.is_zero(), bz = b.is_zero();
  if (az && bz) return 0;
  bool as = az ? false : a.sign, bs = bz ? false : b.sign;
  if (az) return bs ? 1 : -1;
  if (bz) return as ? -1 : 1;
  if (as != bs) return as ? -1 : 1;
  int k = cmp_abs(a, b);
  return as ? -k : k;
}

namespace {

// The total order of the kinds for compare_total: finite/inf by value, then NaNs.
int total_rank(const Dec& a) {
  switch (a.kind) {
    case kSNaN:
      return 1;
    case kNaN:
      return 2;
    default:
      return 0;
  }
}

int cmp_total_unsigned(const Dec& a, const Dec& b) {
  int ra = total_rank(a), rb = total_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra) {
    int k = bi::compare(a.coef, b.coef);
    return k < 0 ? -1 : k > 0 ? 1 : 0;
  }
  int k = cmp_abs(a, b);
  if (k) return k;
  if (a.is_inf()) return 0;
  if (a.exp != b.exp) return a.exp < b.exp ? -1 : 1;
  return 0;
}

}  // namespace

int cmp_total(const Dec& a, const Dec& b) {
  if (a.sign != b.sign) return a.sign ? -1 : 1;
  int k = cmp_total_unsigned(a, b);
  return a.sign ? -k : k;
}

int cmp_total_mag(const Dec& a, const Dec& b) { return cmp_total_unsigned(a, b); }

// ---------------------------------------------------------------------------------------
// + - * /

namespace {

// The exact sum of two finite numbers, with the far-below-precision operand replaced by a
// sticky digit (it cannot change the rounded result) so huge exponent gaps stay cheap.
void add_finite(Dec& r, const Dec& a0, const Dec& b0, bool bsign, const Context& ctx,
                std::uint32_t& status) {
  const Dec* A = &a0;
  const Dec* B = &b0;
  bool as = a0.sign, bs = bsign;
  if (A->exp < B->exp) {
    std::swap(A, B);
    std::swap(as, bs);
  }
  Int bc = B->coef;
  std::int64_t bexp = B->exp;
  Int ac = A->coef;
  std::int64_t aexp = A->exp;
  std::int64_t shift = aexp - bexp;
  bool extra_rounded = false;
  if (shift > 0) {
    if (!ac.is_zero() && !bc.is_zero()) {
      std::int64_t da = ndigits(ac), db = ndigits(bc);
      std::int64_t cutoff = std::min(aexp, aexp + da - ctx.prec - 2);
      if (bexp + db < cutoff) {
        bc = from_u64(1);
        bexp = cutoff - 1;
        shift = aexp - bexp;
      }
    } else if (bc.is_zero() && !ac.is_zero()) {
      std::int64_t room = std::max<std::int64_t>(0, ctx.prec - ndigits(ac));
      if (shift > room) {
        shift = room;
        bexp = aexp - room;
        extra_rounded = true;
      }
    } else if (ac.is_zero()) {
      // 0Eaexp + b: the coefficient of a stays zero
      shift = 0;
      aexp = bexp;
    }
  }
  Int ash = shiftl(ac, shift);
  r.kind = kFinite;
  r.exp = std::min(aexp, bexp);
  if (as == bs) {
    r.coef = bi::add(ash, bc);
    r.sign = as;
  } else {
    int k = bi::compare(ash, bc);
    if (k == 0) {
      r.coef = Int();
      r.sign = ctx.round == kRoundFloor;
    } else if (k > 0) {
      r.coef = bi::sub(ash, bc);
      r.sign = as;
    } else {
      r.coef = bi::sub(bc, ash);
      r.sign = bs;
    }
  }
  if (extra_rounded) status |= kRounded;
  finalize(r, ctx, status);
}

void addsub(Dec& r, const Dec& a, const Dec& b, bool bsign, const Context& ctx,
            std::uint32_t& status) {
  if (a.is_special() || b.is_special()) {
    if (check_nans(r, a, b, ctx, status)) return;
    if (a.is_inf()) {
      if (b.is_inf() && a.sign != bsign) {
        set_invalid(r, status);
        return;
      }
      set_inf(r, a.sign);
      return;
    }
    set_inf(r, bsign);
    return;
  }
  add_finite(r, a, b, bsign, ctx, status);
}

}  // namespace

void qadd(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  addsub(r, a, b, b.sign, ctx, status);
}

void qsub(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  addsub(r, a, b, !b.sign, ctx, status);
}

void qmul(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  bool sign = a.sign != b.sign;
  if (a.is_special() || b.is_special()) {
    if (check_nans(r, a, b, ctx, status)) return;
    if ((a.is_inf() && b.is_zero()) || (b.is_inf() && a.is_zero())) {
      set_invalid(r, status);
      return;
    }
    set_inf(r, sign);
    return;
  }
  Dec res;
  res.sign = sign;
  res.coef = bi::mul(a.coef, b.coef);
  res.exp = a.exp + b.exp;
  finalize(res, ctx, status);
  r = std::move(res);
}

void qdiv(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  bool sign = a.sign != b.sign;
  if (a.is_special() || b.is_special()) {
    if (check_nans(r, a, b, ctx, status)) return;
    if (a.is_inf() && b.is_inf()) {
      set_invalid(r, status);
      return;
    }
    if (a.is_inf()) {
      set_inf(r, sign);
      return;
    }
    set_triple(r, sign, 0, ctx.etiny());
    status |= kClamped;
    return;
  }
  if (b.coef.is_zero()) {
    if (a.coef.is_zero()) {
      set_invalid(r, status, kDivisionUndefined);
    } else {
      set_inf(r, sign);
      status |= kDivisionByZero;
    }
    return;
  }
  Dec res;
  res.sign = sign;
  std::int64_t ideal = a.exp - b.exp;
  if (a.coef.is_zero()) {
    res.exp = ideal;
    finalize(res, ctx, status);
    r = std::move(res);
    return;
  }
  std::int64_t da = ndigits(a.coef), db = ndigits(b.coef);
  std::int64_t shift = std::max<std::int64_t>(0, ctx.prec + 1 + db - da);
  Int q, rem;
  u128 an, bn;
  if (da + shift <= 38 && to_u128(a.coef, &an) && to_u128(b.coef, &bn)) {
    u128 num = an * pow10_u128()[shift];
    q = from_u128(num / bn);
    rem = from_u128(num % bn);
  } else {
    bi::divrem(shiftl(a.coef, shift), b.coef, &q, &rem);
  }
  res.exp = ideal - shift;
  if (!rem.is_zero()) {
    q = add_small(bi::mul(q, from_u64(10)), 1);
    res.exp -= 1;
  } else if (res.exp < ideal) {
    std::int64_t tz = trailing_zeros(q, ideal - res.exp);
    q = strip_zeros(q, tz);
    res.exp += tz;
  }
  res.coef = std::move(q);
  finalize(res, ctx, status);
  r = std::move(res);
}

namespace {

// The truncated integer quotient of two finite non-zero numbers, or false when it has more
// than prec digits (DivisionImpossible).
bool int_quotient(const Dec& a, const Dec& b, const Context& ctx, Int* q) {
  std::int64_t diff = a.adjexp() - b.adjexp();
  if (diff > ctx.prec) return false;
  if (diff < -1) {
    *q = Int();
    return true;
  }
  if (a.exp >= b.exp) {
    bi::divrem(shiftl(a.coef, a.exp - b.exp), b.coef, q, nullptr);
  } else {
    bi::divrem(a.coef, shiftl(b.coef, b.exp - a.exp), q, nullptr);
  }
  return ndigits(*q) <= ctx.prec;
}

// a - q*b exactly (finite a, b; q integral), exponent min(a.exp, b.exp).
Dec exact_remainder(const Dec& a, const Dec& b, const Int& q) {
  std::int64_t e = std::min(a.exp, b.exp);
  Int ac = shiftl(a.coef, a.exp - e);
  Int bc = bi::mul(shiftl(b.coef, b.exp - e), q);
  Dec r;
  r.exp = e;
  int k = bi::compare(ac, bc);
  if (k >= 0) {
    r.coef = bi::sub(ac, bc);
    r.sign = a.sign;
  } else {
    r.coef = bi::sub(bc, ac);
    r.sign = !a.sign;
  }
  if (r.coef.is_zero()) r.sign = a.sign;
  return r;
}

}  // namespace

void qdivint(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  bool sign = a.sign != b.sign;
  if (a.is_special() || b.is_special()) {
    if (check_nans(r, a, b, ctx, status)) return;
    if (a.is_inf() && b.is_inf()) {
      set_invalid(r, status);
      return;
    }
    if (a.is_inf()) {
      set_inf(r, sign);
      return;
    }
    set_triple(r, sign, 0, 0);
    return;
  }
  if (b.coef.is_zero()) {
    if (a.coef.is_zero()) {
      set_invalid(r, status, kDivisionUndefined);
    } else {
      set_inf(r, sign);
      status |= kDivisionByZero;
    }
    return;
  }
  if (a.coef.is_zero()) {
    set_triple(r, sign, 0, 0);
    return;
  }
  Int q;
  if (!int_quotient(a, b, ctx, &q)) {
    set_invalid(r, status, kDivisionImpossible);
    return;
  }
  Dec res;
  res.sign = sign;
  res.coef = std::move(q);
  res.exp = 0;
  finalize(res, ctx, status);
  r = std::move(res);
}

void qrem(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  if (a.is_special() || b.is_special()) {
    if (check_nans(r, a, b, ctx, status)) return;
    if (a.is_inf()) {
      set_invalid(r, status);
      return;
    }
    Dec res = a;
    finalize(res, ctx, status);
    r = std::move(res);
    return;
  }
  if (b.coef.is_zero()) {
    set_invalid(r, status, a.coef.is_zero() ? kDivisionUndefined : kInvalidOperation);
    return;
  }
  Int q;
  if (!a.coef.is_zero() && !int_quotient(a, b, ctx, &q)) {
    set_invalid(r, status, kDivisionImpossible);
    return;
  }
  Dec res = exact_remainder(a, b, q);
  finalize(res, ctx, status);
  r = std::move(res);
}

void qdivmod(Dec& q, Dec& r, const Dec& a, const Dec& b, const Context& ctx,
             std::uint32_t& status) {
  bool sign = a.sign != b.sign;
  if (a.is_special() || b.is_special()) {
    if (check_nans(q, a, b, ctx, status)) {
      r = q;
      return;
    }
    if (a.is_inf()) {
      if (b.is_inf()) {
        set_invalid(q, status);
        r = q;
        return;
      }
      set_inf(q, sign);
      set_invalid(r, status);
      return;
    }
    // finite divmod inf
    set_triple(q, sign, 0, 0);
    Dec res = a;
    finalize(res, ctx, status);
    r = std::move(res);
    return;
  }
  if (b.coef.is_zero()) {
    if (a.coef.is_zero()) {
      set_invalid(q, status, kDivisionUndefined);
      r = q;
    } else {
      set_inf(q, sign);
      status |= kDivisionByZero;
      set_invalid(r, status);
    }
    return;
  }
  Int iq;
  if (!a.coef.is_zero() && !int_quotient(a, b, ctx, &iq)) {
    set_invalid(q, status, kDivisionImpossible);
    r = q;
    return;
  }
  Dec rem = exact_remainder(a, b, iq);
  Dec quo;
  quo.sign = sign;
  quo.coef = std::move(iq);
  finalize(quo, ctx, status);
  finalize(rem, ctx, status);
  q = std::move(quo);
  r = std::move(rem);
}

void qrem_near(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  if (a.is_special() || b.is_special()) {
    if (check_nans(r, a, b, ctx, status)) return;
    if (a.is_inf()) {
      set_invalid(r, status);
      return;
    }
    Dec res = a;
    finalize(res, ctx, status);
    r = std::move(res);
    return;
  }
  if (b.coef.is_zero()) {
    set_invalid(r, status, a.coef.is_zero() ? kDivisionUndefined : kInvalidOperation);
    return;
  }
  Int q;
  if (!a.coef.is_zero()) {
    std::int64_t diff = a.adjexp() - b.adjexp();
    if (diff > ctx.prec) {
      set_invalid(r, status, kDivisionImpossible);
      return;
    }
    if (diff >= -1) {
      if (a.exp >= b.exp) {
        bi::divrem(shiftl(a.coef, a.exp - b.exp), b.coef, &q, nullptr);
      } else {
        bi::divrem(a.coef, shiftl(b.coef, b.exp - a.exp), &q, nullptr);
      }
    }
  }
  Dec rem = exact_remainder(a, b, q);
  // nearest: compare 2|rem| with |b|
  if (!rem.coef.is_zero()) {
    std::int64_t e = std::min(rem.exp, b.exp);
    Int r2 = bi::mul(shiftl(rem.coef, rem.exp - e), from_u64(2));
    Int bc = shiftl(b.coef, b.exp - e);
    int k = bi::compare(r2, bc);
    if (k > 0 || (k == 0 && is_odd(q))) {
      q = add_small(q, 1);
      rem = exact_remainder(a, b, q);
    }
  }
  if (ndigits(q) > ctx.prec) {
    set_invalid(r, status, kDivisionImpossible);
    return;
  }
  finalize(rem, ctx, status);
  r = std::move(rem);
}

void qfma(Dec& r, const Dec& a, const Dec& b, const Dec& c, const Context& ctx,
          std::uint32_t& status) {
  // The product exactly, then one rounding in the addition.
  Dec prod;
  if (a.is_special() || b.is_special()) {
    if (a.is_nan() || b.is_nan() || c.is_nan()) {
      // NaN precedence over the three operands: sNaN first, then a, b, c.
      const Dec* ops[3] = {&a, &b, &c};
      const Dec* pick = nullptr;
      for (const Dec* o : ops) {
        if (o->is_snan()) {
          pick = o;
          break;
        }
      }
      if (!pick) {
        for (const Dec* o : ops) {
          if (o->is_nan()) {
            pick = o;
            break;
          }
        }
      }
      if (a.is_snan() || b.is_snan() || c.is_snan()) status |= kInvalidOperation;
      Dec res = *pick;
      res.kind = kNaN;
      fix_nan(res, ctx);
      r = std::move(res);
      return;
    }
    if ((a.is_inf() && b.is_zero()) || (b.is_inf() && a.is_zero())) {
      set_invalid(r, status);
      return;
    }
    set_inf(prod, a.sign != b.sign);
  } else {
    prod.sign = a.sign != b.sign;
    prod.coef = bi::mul(a.coef, b.coef);
    prod.exp = a.exp + b.exp;
  }
  if (c.is_snan()) {
    Dec res = c;
    res.kind = kNaN;
    status |= kInvalidOperation;
    fix_nan(res, ctx);
    r = std::move(res);
    return;
  }
  qadd(r, prod, c, ctx, status);
}

void qplus(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (check_nan(r, a, ctx, status)) return;
  Dec res = a;
  if (res.is_zero() && ctx.round != kRoundFloor) res.sign = false;
  finalize(res, ctx, status);
  r = std::move(res);
}

void qminus(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (check_nan(r, a, ctx, status)) return;
  Dec res = a;
  res.sign = !res.sign;
  if (res.is_zero() && ctx.round != kRoundFloor) res.sign = false;
  finalize(res, ctx, status);
  r = std::move(res);
}

void qabs(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (check_nan(r, a, ctx, status)) return;
  if (a.sign) {
    qminus(r, a, ctx, status);
  } else {
    qplus(r, a, ctx, status);
  }
}

// ---------------------------------------------------------------------------------------
// quantize, rounding to integers, reduce, scaleb, logb.

void qquantize(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  if (a.is_special() || b.is_special()) {
    if (check_nans(r, a, b, ctx, status)) return;
    if (a.is_inf() && b.is_inf()) {
      r = a;
      return;
    }
    set_invalid(r, status);
    return;
  }
  std::int64_t e = b.exp;
  if (e > ctx.emax || e < ctx.etiny()) {
    set_invalid(r, status);
    return;
  }
  Dec res;
  res.sign = a.sign;
  res.exp = e;
  if (a.coef.is_zero()) {
    finalize(res, ctx, status);
    r = std::move(res);
    return;
  }
  std::int64_t expdiff = a.exp - e;
  if (a.digits() + expdiff > ctx.prec) {
    set_invalid(r, status);
    return;
  }
  std::uint32_t ws = 0;
  if (expdiff >= 0) {
    res.coef = shiftl(a.coef, expdiff);
  } else {
    Int c = a.coef;
    int cls = shiftr_round(c, -expdiff);
    if (round_increment(c, a.sign, cls, ctx.round)) {
      c = add_small(c, 1);
      if (ndigits(c) > ctx.prec) {
        set_invalid(r, status);
        return;
      }
    }
    res.coef = std::move(c);
    ws |= kRounded;
    if (cls) ws |= kInexact;
  }
  if (res.adjexp() > ctx.emax || res.adjexp() < ctx.etiny()) {
    set_invalid(r, status);
    return;
  }
  status |= ws;
  finalize(res, ctx, status);
  r = std::move(res);
}

void qround_to_int(Dec& r, const Dec& a, int round, bool exact, const Context& ctx,
                   std::uint32_t& status) {
  if (a.is_special()) {
    if (check_nan(r, a, ctx, status)) return;
    r = a;
    return;
  }
  if (a.exp >= 0) {
    r = a;
    return;
  }
  Dec res;
  res.sign = a.sign;
  res.exp = 0;
  if (a.coef.is_zero()) {
    r = std::move(res);
    return;
  }
  Int c = a.coef;
  int cls = shiftr_round(c, -a.exp);
  if (round_increment(c, a.sign, cls, round)) c = add_small(c, 1);
  res.coef = std::move(c);
  if (exact) {
    status |= kRounded;
    if (cls) status |= kInexact;
  }
  r = std::move(res);
}

void qreduce(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (a.is_special()) {
    if (check_nan(r, a, ctx, status)) return;
    r = a;
    return;
  }
  Dec res = a;
  finalize(res, ctx, status);
  if (res.is_special()) {
    r = std::move(res);
    return;
  }
  if (res.coef.is_zero()) {
    res.exp = 0;
    r = std::move(res);
    return;
  }
  std::int64_t limit = (ctx.clamp ? ctx.etop() : ctx.emax) - res.exp;
  if (limit > 0) {
    std::int64_t tz = trailing_zeros(res.coef, limit);
    res.coef = strip_zeros(res.coef, tz);
    res.exp += tz;
  }
  r = std::move(res);
}

void qlogb(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (a.is_special()) {
    if (check_nan(r, a, ctx, status)) return;
    set_inf(r, false);
    return;
  }
  if (a.coef.is_zero()) {
    set_inf(r, true);
    status |= kDivisionByZero;
    return;
  }
  Dec res = dec_from_i64(a.adjexp());
  finalize(res, ctx, status);
  r = std::move(res);
}

namespace {

// A finite integral operand with exponent 0 as int64 (saturated), for scaleb/shift/rotate.
bool small_int_operand(const Dec& b, std::int64_t* out) {
  if (!b.is_finite() || b.exp != 0) return false;
  std::uint64_t v;
  if (!b.coef.to_u64(&v) || v > 4000000000000000000ULL) {
    *out = b.sign ? -4000000000000000000LL : 4000000000000000000LL;
    return true;
  }
  *out = b.sign ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
  return true;
}

}  // namespace

void qscaleb(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  if (check_nans(r, a, b, ctx, status)) return;
  std::int64_t n;
  if (!small_int_operand(b, &n)) {
    set_invalid(r, status);
    return;
  }
  std::int64_t limit = 2 * (ctx.emax + ctx.prec);
  if (n > limit || n < -limit) {
    set_invalid(r, status);
    return;
  }
  if (a.is_inf()) {
    r = a;
    return;
  }
  Dec res = a;
  res.exp += n;
  finalize(res, ctx, status);
  r = std::move(res);
}

void qshift(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  if (check_nans(r, a, b, ctx, status)) return;
  std::int64_t n;
  if (!small_int_operand(b, &n) || n > ctx.prec || n < -ctx.prec) {
    set_invalid(r, status);
    return;
  }
  if (a.is_inf()) {
    r = a;
    return;
  }
  Dec res = a;
  if (n >= 0) {
    Int c = shiftl(a.coef, n);
    Int q;
    if (ndigits(c) > ctx.prec) {
      bi::divrem(c, pow10(ctx.prec), nullptr, &q);
      res.coef = std::move(q);
    } else {
      res.coef = std::move(c);
    }
  } else {
    Int low = a.coef;
    if (ndigits(low) > ctx.prec) bi::divrem(a.coef, pow10(ctx.prec), nullptr, &low);
    res.coef = strip_zeros(low, -n);
  }
  r = std::move(res);
}

void qrotate(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  if (check_nans(r, a, b, ctx, status)) return;
  std::int64_t n;
  if (!small_int_operand(b, &n) || n > ctx.prec || n < -ctx.prec) {
    set_invalid(r, status);
    return;
  }
  if (a.is_inf()) {
    r = a;
    return;
  }
  Int c;
  bi::divrem(a.coef, pow10(ctx.prec), nullptr, &c);  // the low prec digits
  if (n < 0) n += ctx.prec;
  // rotate left by n within prec digits: (c * 10**n) mod 10**prec + c // 10**(prec-n)
  Int hi, lo;
  bi::divrem(shiftl(c, n), pow10(ctx.prec), nullptr, &lo);
  bi::divrem(c, pow10(ctx.prec - n), &hi, nullptr);
  Dec res = a;
  res.coef = bi::add(lo, hi);
  r = std::move(res);
}

namespace {

bool logical_digits(const Dec& a, const Context& ctx, std::string* out) {
  if (!a.is_finite() || a.sign || a.exp != 0) return false;
  std::string s = coef_string(a.coef);
  for (char ch : s) {
    if (ch != '0' && ch != '1') return false;
  }
  if (static_cast<std::int64_t>(s.size()) > ctx.prec) s = s.substr(s.size() - static_cast<std::size_t>(ctx.prec));
  *out = std::string(static_cast<std::size_t>(ctx.prec) - s.size(), '0') + s;
  return true;
}

void from_logical(Dec& r, const std::string& s) {
  Dec res;
  std::size_t nz = s.find_first_not_of('0');
  std::string t = nz == std::string::npos ? "" : s.substr(nz);
  if (!t.empty()) bi::from_string(t.data(), t.data() + t.size(), 10, 0, &res.coef);
  r = std::move(res);
}

}  // namespace

void qlogical(Dec& r, const Dec& a, const Dec& b, char op, const Context& ctx,
              std::uint32_t& status) {
  std::string x, y;
  if (ctx.prec > 100000000 || !logical_digits(a, ctx, &x) || !logical_digits(b, ctx, &y)) {
    set_invalid(r, status);
    return;
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    bool p = x[i] == '1', q = y[i] == '1';
    bool v = op == '&' ? (p && q) : op == '|' ? (p || q) : (p != q);
    x[i] = v ? '1' : '0';
  }
  from_logical(r, x);
}

void qinvert(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  std::string x;
  if (ctx.prec > 100000000 || !logical_digits(a, ctx, &x)) {
    set_invalid(r, status);
    return;
  }
  for (char& ch : x) ch = ch == '1' ? '0' : '1';
  from_logical(r, x);
}

// ---------------------------------------------------------------------------------------
// compare, max/min, next_*.

void qcompare(Dec& r, const Dec& a, const Dec& b, bool signal, const Context& ctx,
              std::uint32_t& status) {
  if (a.is_nan() || b.is_nan()) {
    if (signal) status |= kInvalidOperation;
    check_nans(r, a, b, ctx, status);
    return;
  }
  r = dec_from_i64(cmp(a, b));
}

void qmax(Dec& r, const Dec& a, const Dec& b, bool mag, bool is_max, const Context& ctx,
          std::uint32_t& status) {
  const Dec* pick;
  if (a.is_qnan() && !b.is_nan()) {
    pick = &b;
  } else if (b.is_qnan() && !a.is_nan()) {
    pick = &a;
  } else if (check_nans(r, a, b, ctx, status)) {
    return;
  } else {
    int k = mag ? cmp_abs(a, b) : 0;
    if (k == 0) k = cmp(a, b);
    if (k == 0) k = cmp_total(a, b);
    pick = (k >= 0) == is_max ? &a : &b;
  }
  Dec res = *pick;
  finalize(res, ctx, status);
  r = std::move(res);
}

void qnext_plus(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (check_nan(r, a, ctx, status)) return;
  if (a.is_inf()) {
    if (a.sign) {
      set_max_finite(r, true, ctx);
    } else {
      r = a;
    }
    return;
  }
  Context work = ctx;
  work.round = kRoundCeiling;
  std::uint32_t ws = 0;
  Dec res = a;
  finalize(res, work, ws);
  if (ws & (kInexact | kErrors)) {
    status |= ws & kErrors;
    r = std::move(res);
    return;
  }
  Dec tiny;
  tiny.coef = from_u64(1);
  tiny.exp = ctx.etiny() - 1;
  ws = 0;
  qadd(r, a, tiny, work, ws);
  status |= ws & kErrors;
}

void qnext_minus(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (check_nan(r, a, ctx, status)) return;
  if (a.is_inf()) {
    if (!a.sign) {
      set_max_finite(r, false, ctx);
    } else {
      r = a;
    }
    return;
  }
  Context work = ctx;
  work.round = kRoundFloor;
  std::uint32_t ws = 0;
  Dec res = a;
  finalize(res, work, ws);
  if (ws & (kInexact | kErrors)) {
    status |= ws & kErrors;
    r = std::move(res);
    return;
  }
  Dec tiny;
  tiny.sign = true;
  tiny.coef = from_u64(1);
  tiny.exp = ctx.etiny() - 1;
  ws = 0;
  qadd(r, a, tiny, work, ws);
  status |= ws & kErrors;
}

void qnext_toward(Dec& r, const Dec& a, const Dec& b, const Context& ctx,
                  std::uint32_t& status) {
  if (check_nans(r, a, b, ctx, status)) return;
  int k = cmp(a, b);
  if (k == 0) {
    Dec res = a;
    res.sign = b.sign;
    r = std::move(res);
    return;
  }
  Dec res;
  if (k < 0) {
    qnext_plus(res, a, ctx, status);
  } else {
    qnext_minus(res, a, ctx, status);
  }
  if (res.is_inf()) {
    status |= kOverflow | kRounded | kInexact;
  } else if (res.is_finite() && res.adjexp() < ctx.emin) {
    status |= kUnderflow | kSubnormal | kInexact | kRounded;
    if (res.coef.is_zero()) status |= kClamped;
  }
  r = std::move(res);
}

const char* number_class(const Dec& a, const Context& ctx) {
  if (a.is_snan()) return "sNaN";
  if (a.is_qnan()) return "NaN";
  if (a.is_inf()) return a.sign ? "-Infinity" : "+Infinity";
  if (a.coef.is_zero()) return a.sign ? "-Zero" : "+Zero";
  if (a.adjexp() < ctx.emin) return a.sign ? "-Subnormal" : "+Subnormal";
  return a.sign ? "-Normal" : "+Normal";
}

bool is_normal(const Dec& a, const Context& ctx) {
  return a.is_finite() && !a.coef.is_zero() && a.adjexp() >= ctx.emin;
}

bool is_subnormal(const Dec& a, const Context& ctx) {
  return a.is_finite() && !a.coef.is_zero() && a.adjexp() < ctx.emin;
}

// ---------------------------------------------------------------------------------------
// sqrt and the transcendental functions.

void qsqrt(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (a.is_special()) {
    if (check_nan(r, a, ctx, status)) return;
    if (a.sign) {
      set_invalid(r, status);
      return;
    }
    r = a;
    return;
  }
  std::int64_t ideal = a.exp >= 0 ? a.exp / 2 : -((-a.exp + 1) / 2);
  if (a.coef.is_zero()) {
    Dec res;
    res.sign = a.sign;
    res.exp = ideal;
    finalize(res, ctx, status);
    r = std::move(res);
    return;
  }
  if (a.sign) {
    set_invalid(r, status);
    return;
  }
  Int c = a.coef;
  std::int64_t e = a.exp;
  if (e & 1) {
    c = shiftl(c, 1);
    e -= 1;
  }
  std::int64_t half_digits = (ndigits(c) + 1) / 2;
  std::int64_t k = std::max<std::int64_t>(0, ctx.prec + 2 - half_digits);
  Int cs = shiftl(c, 2 * k);
  Int root = bi::isqrt(cs);
  Dec res;
  res.exp = e / 2 - k;
  if (!bi::equal(bi::mul(root, root), cs)) {
    root = add_small(bi::mul(root, from_u64(10)), 1);
    res.exp -= 1;
  } else if (res.exp < ideal) {
    std::int64_t tz = trailing_zeros(root, ideal - res.exp);
    root = strip_zeros(root, tz);
    res.exp += tz;
  }
  res.coef = std::move(root);
  Context work = ctx;
  work.round = kRoundHalfEven;
  finalize(res, work, status);
  r = std::move(res);
}

namespace {

// Fixed-point numbers: value = v / 10**scale. Truncating operations.
Int fx_mul(const Int& a, const Int& b, std::int64_t scale) {
  Int p = bi::mul(a, b);
  Int q;
  bool neg = p.sign() < 0;
  if (neg) p.negate();
  bi::divrem(p, pow10(scale), &q, nullptr);
  if (neg) q.negate();
  return q;
}

Int fx_div(const Int& a, const Int& b, std::int64_t scale) {
  Int n = bi::mul(a, pow10(scale));
  bool neg = (n.sign() < 0) != (b.sign() < 0);
  if (n.sign() < 0) n.negate();
  Int d = b;
  if (d.sign() < 0) d.negate();
  Int q;
  bi::divrem(n, d, &q, nullptr);
  if (neg) q.negate();
  return q;
}

Int int_abs(Int v) {
  if (v.sign() < 0) v.negate();
  return v;
}

// A finite value scaled to 10**scale, truncated toward zero (signed).
Int fx_from_dec(const Dec& a, std::int64_t scale) {
  Int v;
  std::int64_t s = a.exp + scale;
  if (s >= 0) {
    v = shiftl(a.coef, s);
  } else {
    v = strip_zeros(a.coef, -s);
  }
  if (a.sign) v.negate();
  return v;
}

// ln(10) to scale digits (error below one unit), cached.
Int fx_ln10(std::int64_t scale);

// ln(x) for a fixed-point x > 0 (scale digits), error a few units times 2**k.
// Argument reduction by square roots, then 2*atanh((y-1)/(y+1)).
Int fx_ln_reduced(const Int& x, std::int64_t scale, int roots) {
  Int y = x;
  for (int i = 0; i < roots; ++i) y = bi::isqrt(bi::mul(y, pow10(scale)));
  Int one = pow10(scale);
  Int z = fx_div(bi::sub(y, one), bi::add(y, one), scale);
  Int z2 = fx_mul(z, z, scale);
  Int term = z, sum = z;
  for (std::uint64_t k = 3;; k += 2) {
    term = fx_mul(term, z2, scale);
    if (term.is_zero()) break;
    Int t;
    Int mag = int_abs(term);
    bi::divrem(mag, from_u64(k), &t, nullptr);
    if (t.is_zero()) break;
    if (term.sign() < 0) t.negate();
    sum = bi::add(sum, t);
  }
  // times 2 * 2**roots
  return bi::lshift(sum, static_cast<std::uint64_t>(roots) + 1);
}

int reduction_roots(std::int64_t scale) {
  int roots = 4;
  while (roots < 60 && static_cast<std::int64_t>(roots) * roots < scale / 2) roots += 2;
  return roots;
}

Int fx_ln10(std::int64_t scale) {
  static std::map<std::int64_t, Int> cache;
  auto it = cache.lower_bound(scale);
  if (it != cache.end()) {
    // a more precise value truncated
    Int v;
    bi::divrem(it->second, pow10(it->first - scale), &v, nullptr);
    return v;
  }
  std::int64_t work = scale + 20;
  int roots = reduction_roots(work);
  Int v = fx_ln_reduced(bi::mul(from_u64(10), pow10(work)), work, roots);
  Int out;
  bi::divrem(v, pow10(20), &out, nullptr);
  if (cache.size() > 16) cache.clear();
  cache.emplace(scale, out);
  return out;
}

// exp(z) for a fixed-point z (scale digits, any sign, |z| small enough), as a fixed-point
// mantissa m (scale digits, 1 <= m < 10, or m == 10**scale for z == 0) and a power of ten.
// Returns false if z is so large that k does not fit.
void fx_exp(const Int& z, std::int64_t scale, Int* mant, std::int64_t* pow10_out) {
  // k = floor(z / ln10), r = z - k*ln10 in [0, ln10)
  std::int64_t extra = 22;
  Int L = fx_ln10(scale + extra);
  Int zz = bi::mul(z, pow10(extra));
  Int k, r;
  bi::divmod(zz, L, &k, &r);  // floor division
  std::int64_t kk = 0;
  if (!k.to_i64(&kk) || kk > 4000000000000000000LL || kk < -4000000000000000000LL) {
    kk = k.sign() < 0 ? -4000000000000000000LL : 4000000000000000000LL;
  }
  Int rr;
  bi::divrem(r, pow10(extra), &rr, nullptr);
  // exp(rr) with rr in [0, 2.31): halve s times, Taylor, square s times
  int s = reduction_roots(scale);
  Int x = bi::rshift(rr, static_cast<std::uint64_t>(s));
  Int one = pow10(scale);
  Int sum = one, term = one;
  for (std::uint64_t i = 1;; ++i) {
    term = fx_mul(term, x, scale);
    Int t;
    bi::divrem(term, from_u64(i), &t, nullptr);
    term = t;
    if (term.is_zero()) break;
    sum = bi::add(sum, term);
  }
  for (int i = 0; i < s; ++i) sum = fx_mul(sum, sum, scale);
  // normalise into [1, 10)
  Int ten = bi::mul(one, from_u64(10));
  while (bi::compare(sum, ten) >= 0) {
    Int t;
    bi::divrem(sum, from_u64(10), &t, nullptr);
    sum = t;
    ++kk;
  }
  *mant = std::move(sum);
  *pow10_out = kk;
}

// Ziv's test: the true value lies strictly between (c - err) and (c + err) units of
// 10**exp; if both ends round alike under ctx, that is the result (always inexact).
bool approx_round(Dec& r, bool sign, const Int& c, std::int64_t exp, const Int& err,
                  const Context& ctx, std::uint32_t& status, bool force) {
  Dec lo, hi;
  lo.sign = hi.sign = sign;
  lo.exp = hi.exp = exp - 1;
  Int ten = from_u64(10);
  Int base_lo = bi::sub(c, err);
  if (base_lo.sign() < 0) base_lo = Int();
  lo.coef = add_small(bi::mul(base_lo, ten), 1);
  hi.coef = bi::sub(bi::mul(bi::add(c, err), ten), from_u64(1));
  std::uint32_t s1 = 0, s2 = 0;
  finalize(lo, ctx, s1);
  finalize(hi, ctx, s2);
  bool same = lo.kind == hi.kind && lo.exp == hi.exp && bi::equal(lo.coef, hi.coef);
  if (!same && !force) return false;
  Dec mid;
  mid.sign = sign;
  mid.exp = exp - 1;
  mid.coef = add_small(bi::mul(c, ten), 1);
  std::uint32_t s3 = 0;
  if (same) {
    r = std::move(lo);
    status |= s1 | kInexact | kRounded;
  } else {
    finalize(mid, ctx, s3);
    r = std::move(mid);
    status |= s3 | kInexact | kRounded;
  }
  return true;
}

// exp of a fixed-point value (scale digits) to the context, with the error in z of about
// zerr units; retries with more digits through compute(scale).
template <typename F>
void ziv_loop(Dec& r, const Context& ctx, std::uint32_t& status, std::int64_t start_scale,
              int max_tries, F compute) {
  std::int64_t scale = start_scale;
  for (int tries = 0;; ++tries) {
    bool sign = false;
    Int c, err;
    std::int64_t exp = 0;
    compute(scale, &sign, &c, &exp, &err);
    // enough significant digits for the rounding position to lie above the error
    std::int64_t need = ctx.prec + ndigits(err) + 3;
    std::int64_t have = ndigits(c);
    bool force = tries + 1 >= max_tries;
    if (have >= need || force) {
      if (approx_round(r, sign, c, exp, err, ctx, status, force)) return;
      scale += scale / 2 + 10;
    } else {
      scale += need - have + 10;
    }
  }
}

// The exponent bounds beyond which exp(x) overflows or underflows for sure.
bool exp_out_of_range(const Dec& a, const Context& ctx, Dec& r, std::uint32_t& status) {
  // |x| > 2.4 * (emax + prec + 2) gives overflow/underflow; cheap test on adjexp
  std::int64_t adj = a.adjexp();
  double limit = 2.31 * (static_cast<double>(std::max(ctx.emax, -ctx.etiny())) + 3);
  if (adj < 20) {
    double x = std::strtod(to_sci_string(a, true).c_str(), nullptr);
    if (std::fabs(x) < limit) return false;
  }
  if (!a.sign) {
    Dec res;
    res.sign = false;
    res.coef = from_u64(1);
    res.exp = ctx.emax + 1;
    finalize(res, ctx, status);  // overflows
    r = std::move(res);
  } else {
    Dec res;
    res.coef = from_u64(1);
    res.exp = ctx.etiny() - 2;
    finalize(res, ctx, status);
    status |= kInexact | kRounded | kUnderflow | kSubnormal;
    r = std::move(res);
  }
  return true;
}

void exp_of_fixed(Dec& r, const Context& ctx, std::uint32_t& status, std::int64_t start,
                  const std::function<void(std::int64_t, Int*, Int*)>& zfn) {
  ziv_loop(r, ctx, status, start, 8,
           [&](std::int64_t scale, bool* sign, Int* c, std::int64_t* exp, Int* err) {
             Int z, zerr;
             zfn(scale, &z, &zerr);
             Int m;
             std::int64_t k;
             fx_exp(z, scale, &m, &k);
             *sign = false;
             *c = std::move(m);
             *exp = k - scale;
             // relative error ~ zerr + series error; m < 10 so absolute error in units
             *err = bi::add(bi::mul(add_small(zerr, 4), from_u64(20)),
                            from_u64(static_cast<std::uint64_t>(1) << 12));
           });
}

}  // namespace

void qexp(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (a.is_special()) {
    if (check_nan(r, a, ctx, status)) return;
    if (a.sign) {
      set_triple(r, false, 0, 0);
    } else {
      r = a;
    }
    return;
  }
  if (a.coef.is_zero()) {
    set_triple(r, false, 1, 0);
    return;
  }
  Context work = ctx;
  work.round = kRoundHalfEven;
  // _mpd_qexp_check_one: |a| <= 9 * 10**-(prec+4) gives one, padded to the precision.
  {
    Dec lim;
    lim.coef = from_u64(9);
    lim.exp = -(ctx.prec + 4);
    if (cmp_abs(a, lim) <= 0) {
      Dec res;
      res.coef = pow10(ctx.prec - 1);
      res.exp = -(ctx.prec - 1);
      status |= kInexact | kRounded;
      finalize(res, work, status);
      r = std::move(res);
      return;
    }
  }
  if (exp_out_of_range(a, work, r, status)) return;
  std::int64_t intdigits = std::max<std::int64_t>(0, a.adjexp() + 1);
  exp_of_fixed(r, work, status, ctx.prec + intdigits + 10,
               [&](std::int64_t scale, Int* z, Int* zerr) {
                 *z = fx_from_dec(a, scale);
                 *zerr = from_u64(1);
               });
}

namespace {

// ln(a) for a finite positive a as fixed-point (scale digits); error bound in *err.
Int fx_ln_dec(const Dec& a, std::int64_t scale, Int* err) {
  std::int64_t d = ndigits(a.coef);
  std::int64_t n = a.exp + d - 1;  // a = m * 10**n, 1 <= m < 10
  Dec m = a;
  m.sign = false;
  m.exp = -(d - 1);
  Int x = fx_from_dec(m, scale);
  int roots = reduction_roots(scale);
  Int v = fx_ln_reduced(x, scale, roots);
  Int e = from_u64((static_cast<std::uint64_t>(1) << (roots + 2)) * 4 + 8);
  if (n != 0) {
    std::int64_t extra = ndigits(from_u64(static_cast<std::uint64_t>(n < 0 ? -n : n))) + 2;
    Int L = fx_ln10(scale + extra);
    Int t = bi::mul(L, Int::from_i64(n));
    Int q;
    bool neg = t.sign() < 0;
    if (neg) t.negate();
    bi::divrem(t, pow10(extra), &q, nullptr);
    if (neg) q.negate();
    v = bi::add(v, q);
    e = add_small(e, 2);
  }
  *err = std::move(e);
  return v;
}

}  // namespace

void qln(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (a.is_special()) {
    if (check_nan(r, a, ctx, status)) return;
    if (a.sign) {
      set_invalid(r, status);
      return;
    }
    r = a;
    return;
  }
  if (a.coef.is_zero()) {
    set_inf(r, true);
    return;
  }
  if (a.sign) {
    set_invalid(r, status);
    return;
  }
  // ln(1) == 0 exactly
  if (a.exp <= 0 && a.digits() == 1 - a.exp && bi::equal(a.coef, pow10(-a.exp))) {
    set_triple(r, false, 0, 0);
    return;
  }
  Context work = ctx;
  work.round = kRoundHalfEven;
  ziv_loop(r, work, status, ctx.prec + 10, 1000,
           [&](std::int64_t scale, bool* sign, Int* c, std::int64_t* exp, Int* err) {
             Int v = fx_ln_dec(a, scale, err);
             *sign = v.sign() < 0;
             *c = int_abs(std::move(v));
             *exp = -scale;
           });
}

void qlog10(Dec& r, const Dec& a, const Context& ctx, std::uint32_t& status) {
  if (a.is_special()) {
    if (check_nan(r, a, ctx, status)) return;
    if (a.sign) {
      set_invalid(r, status);
      return;
    }
    r = a;
    return;
  }
  if (a.coef.is_zero()) {
    set_inf(r, true);
    return;
  }
  if (a.sign) {
    set_invalid(r, status);
    return;
  }
  // exact powers of ten
  std::int64_t d = ndigits(a.coef);
  if (bi::equal(a.coef, pow10(d - 1))) {
    Dec res = dec_from_i64(a.exp + d - 1);
    Context work = ctx;
    work.round = kRoundHalfEven;
    finalize(res, work, status);
    r = std::move(res);
    return;
  }
  Context work = ctx;
  work.round = kRoundHalfEven;
  ziv_loop(r, work, status, ctx.prec + 10, 1000,
           [&](std::int64_t scale, bool* sign, Int* c, std::int64_t* exp, Int* err) {
             Int e1;
             Int v = fx_ln_dec(a, scale + 2, &e1);
             Int L = fx_ln10(scale + 2);
             Int q = fx_div(v, L, scale + 2);
             *sign = q.sign() < 0;
             *c = int_abs(std::move(q));
             *exp = -(scale + 2);
             *err = add_small(bi::mul(e1, from_u64(2)), 4);
           });
}

// ---------------------------------------------------------------------------------------
// power (mpd_qpow): integer exponents by repeated multiplication at a higher working
// precision, the others as exp(y * ln(x)), with libmpdec's shortcuts for |x| == 1 and for
// certain overflow and underflow.

namespace {

constexpr std::int64_t kExpInf = 2000000000000000001LL;  // MPD_EXP_INF
constexpr std::int64_t kExpDigits = 19;                   // MPD_EXPDIGITS

// mpd_exp_digits: decimal digits of |x|.
std::int64_t exp_digits(std::int64_t x) {
  std::uint64_t v = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
  std::int64_t n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

Dec dec_one() {
  Dec d;
  d.coef = from_u64(1);
  return d;
}

// _qcheck_pow_one: |base| == 1 gives an exact (or padded) one. Returns cmp(|base|, 1).
int check_pow_one(Dec& r, const Dec& base, const Dec& e, bool rsign, const Context& ctx,
                  std::uint32_t& status) {
  Dec one = dec_one();
  int c = cmp_abs(base, one);
  if (c != 0) return c;
  std::int64_t shift;
  if (e.is_integer()) {
    if (e.sign) {
      set_triple(r, rsign, 1, 0);
      return 0;
    }
    // 1.000**3 = 1.000000000: e * -base.exp digits after the point
    Int n = e.exp >= 0 ? shiftl(e.coef, e.exp) : strip_zeros(e.coef, -e.exp);
    Int m = bi::mul(n, Int::from_i64(-base.exp));
    std::int64_t v;
    if (!m.to_i64(&v) || v > ctx.prec - 1) {
      shift = ctx.prec - 1;
      status |= kRounded;
    } else {
      shift = v;
    }
  } else {
    shift = ctx.prec - 1;
    status |= kInexact | kRounded;
  }
  r.kind = kFinite;
  r.sign = rsign;
  r.coef = pow10(shift);
  r.exp = -shift;
  return 0;
}

// _lower_bound_zeta: a lower bound for log10(|log10(x)|), x > 0, x != 1.
std::int64_t lower_bound_zeta(const Dec& x) {
  std::int64_t t = x.adjexp();
  if (t > 0) return exp_digits(t) - 1;
  if (t < -1) return exp_digits(t + 1) - 1;
  Dec d;
  std::uint32_t st = 0;
  Context big;
  big.prec = kMaxPrec;
  big.emax = kMaxEmax;
  big.emin = kMinEmin;
  qsub(d, x, dec_one(), big, st);
  std::int64_t u = d.adjexp();
  return t == 0 ? u - 2 : u - 1;
}

// _qcheck_pow_bounds: certain overflow or underflow of x**y.
bool check_pow_bounds(Dec& r, const Dec& x, const Dec& y, bool rsign, const Context& ctx,
                      std::uint32_t& status) {
  Dec ax = x;
  ax.sign = false;
  std::int64_t lb_theta = y.adjexp();
  std::int64_t lb_zeta = lower_bound_zeta(ax);
  bool sign = (ax.adjexp() < 0) != y.sign;
  if (!sign) {
    if (exp_digits(ctx.emax) < lb_zeta + lb_theta) {
      Dec res;
      res.sign = rsign;
      res.coef = from_u64(1);
      res.exp = kExpInf;
      finalize(res, ctx, status);
      r = std::move(res);
      return true;
    }
  } else if (exp_digits(ctx.etiny()) < lb_zeta + lb_theta) {
    Dec res;
    res.sign = rsign;
    res.coef = from_u64(1);
    res.exp = ctx.etiny() - 1;
    finalize(res, ctx, status);
    r = std::move(res);
    return true;
  }
  return false;
}

bool zero_clamped(const Dec& d, std::uint32_t ws) {
  return d.is_finite() && d.coef.is_zero() && (ws & kClamped);
}

// _mpd_qpow_int: base**exp for an integral exp.
void pow_int(Dec& r, const Dec& base, const Dec& e, bool rsign, const Context& ctx,
             std::uint32_t& status) {
  Context work = ctx;
  work.prec += e.digits() + e.exp + 2;
  work.round = kRoundHalfEven;
  work.clamp = 0;
  Dec tbase;
  Dec res;
  if (e.sign) {
    work.prec += 1;
    qdiv(tbase, dec_one(), base, work, status);
    if (status & kErrors) {
      res.kind = kNaN;
      finalize(res, ctx, status);
      r = std::move(res);
      return;
    }
  } else {
    tbase = base;
  }
  Int n = e.exp >= 0 ? shiftl(e.coef, e.exp) : strip_zeros(e.coef, -e.exp);
  std::uint32_t ws = 0;
  std::uint64_t nn;
  if (n.to_u64(&nn)) {
    // _mpd_qpow_uint: left to right over the bits below the top one
    res = tbase;
    int top = 63;
    while (!((nn >> top) & 1)) --top;
    for (int bit = top - 1; bit >= 0; --bit) {
      qmul(res, res, res, work, ws);
      if ((nn >> bit) & 1) qmul(res, res, tbase, work, ws);
      if (res.is_special() || zero_clamped(res, ws)) break;
    }
    status |= ws;
  } else {
    // _mpd_qpow_mpd: right to left, halving the exponent
    res = dec_one();
    while (!n.is_zero()) {
      if (is_odd(n)) {
        qmul(res, res, tbase, work, ws);
        status |= ws;
        if (res.is_special() || zero_clamped(res, ws)) break;
      }
      qmul(tbase, tbase, tbase, work, ws);
      n = bi::rshift(n, 1);
      if (tbase.is_nan()) {
        set_invalid(res, status, 0);
        break;
      }
    }
  }
  res.sign = rsign && !res.is_nan();
  if (res.is_inf()) {
    res.kind = kFinite;
    res.coef = from_u64(1);
    res.exp = kExpInf;
    res.sign = rsign;
  }
  finalize(res, ctx, status);
  r = std::move(res);
}

// _mpd_qpow_real: exp(exp * ln(base)) at a working precision, base > 0.
void pow_real(Dec& r, const Dec& base, const Dec& e, const Context& ctx,
              std::uint32_t& status) {
  Context work;
  work.prec = std::max(base.digits(), ctx.prec) + 4 + kExpDigits;
  work.emax = kMaxEmax;
  work.emin = kMinEmin;
  work.round = kRoundHalfEven;
  work.clamp = 0;
  std::uint32_t ws = 0;
  Dec t;
  qln(t, base, work, ws);
  qmul(t, t, e, work, ws);
  qexp(r, t, work, status);
  status |= (ws & kErrors) | kInexact | kRounded;
}

}  // namespace

void qpow(Dec& r, const Dec& a, const Dec& b, const Context& ctx, std::uint32_t& status) {
  if (check_nans(r, a, b, ctx, status)) return;
  bool intexp = b.is_integer();
  bool rsign = false;
  if (intexp) {
    Int n = b.exp >= 0 ? (b.exp > 0 ? Int() : b.coef) : strip_zeros(b.coef, -b.exp);
    rsign = a.sign && b.exp <= 0 && is_odd(n);
  }
  if (a.is_zero()) {
    if (b.is_zero()) {
      set_invalid(r, status);
    } else if (b.sign) {
      set_inf(r, rsign);
    } else {
      set_triple(r, rsign, 0, 0);
    }
    return;
  }
  if (a.sign && (!intexp || b.is_inf())) {
    set_invalid(r, status);
    return;
  }
  if (b.is_inf()) {
    Dec one = dec_one();
    int c = cmp(a, one);
    if (c == 0) {
      Dec res;
      res.sign = rsign;
      res.coef = pow10(ctx.prec - 1);
      res.exp = -(ctx.prec - 1);
      status |= kInexact | kRounded;
      r = std::move(res);
      return;
    }
    if (b.sign) c = -c;
    if (c < 0) {
      set_triple(r, rsign, 0, 0);
    } else {
      set_inf(r, rsign);
    }
    return;
  }
  if (a.is_inf()) {
    if (b.is_zero()) {
      set_triple(r, rsign, 1, 0);
    } else if (b.sign) {
      set_triple(r, rsign, 0, 0);
    } else {
      set_inf(r, rsign);
    }
    return;
  }
  if (b.is_zero()) {
    set_triple(r, rsign, 1, 0);
    return;
  }
  Dec res;
  if (check_pow_one(res, a, b, rsign, ctx, status) == 0) {
    r = std::move(res);
    return;
  }
  if (check_pow_bounds(r, a, b, rsign, ctx, status)) return;
  if (intexp) {
    pow_int(r, a, b, rsign, ctx, status);
    return;
  }
  pow_real(res, a, b, ctx, status);
  if (res.is_finite() && res.exp <= 0 && res.digits() == 1 - res.exp &&
      bi::equal(res.coef, pow10(-res.exp))) {
    // exactly one: padded to the precision
    res.coef = pow10(ctx.prec - 1);
    res.exp = -(ctx.prec - 1);
  }
  if (res.is_inf()) {
    res.kind = kFinite;
    res.sign = false;
    res.coef = from_u64(1);
    res.exp = kExpInf;
  }
  finalize(res, ctx, status);
  r = std::move(res);
}

void qpowmod(Dec& r, const Dec& a, const Dec& b, const Dec& m, const Context& ctx,
             std::uint32_t& status) {
  if (a.is_nan() || b.is_nan() || m.is_nan()) {
    const Dec* ops[3] = {&a, &b, &m};
    const Dec* pick = nullptr;
    for (const Dec* o : ops) {
      if (o->is_snan()) {
        pick = o;
        break;
      }
    }
    if (!pick) {
      for (const Dec* o : ops) {
        if (o->is_nan()) {
          pick = o;
          break;
        }
      }
    }
    if (a.is_snan() || b.is_snan() || m.is_snan()) status |= kInvalidOperation;
    Dec res = *pick;
    res.kind = kNaN;
    fix_nan(res, ctx);
    r = std::move(res);
    return;
  }
  if (!a.is_integer() || !b.is_integer() || !m.is_integer() || b.sign || m.coef.is_zero() ||
      (a.coef.is_zero() && b.coef.is_zero())) {
    set_invalid(r, status);
    return;
  }
  auto int_value = [](const Dec& d) {
    Int v = d.exp >= 0 ? shiftl(d.coef, d.exp) : strip_zeros(d.coef, -d.exp);
    return v;
  };
  Int mv = int_value(m);
  if (ndigits(mv) > ctx.prec) {
    set_invalid(r, status);
    return;
  }
  Int av = int_value(a), bv = int_value(b);
  Int res;
  // modular exponentiation with a positive modulus
  objects::bigint::View mview = mv.view();
  bi::pow(av, bv, &mview, &res);
  Dec out;
  out.sign = a.sign && is_odd(bv);
  out.coef = std::move(res);
  out.exp = 0;
  r = std::move(out);
}

}  // namespace cppy::modules::decimal

namespace cppy::modules::decimal {

void rescale(Dec& r, std::int64_t exp, int round) {
  if (r.kind != kFinite) return;
  if (r.exp > exp) {
    r.coef = shiftl(r.coef, r.exp - exp);
  } else if (r.exp < exp) {
    int cls = shiftr_round(r.coef, exp - r.exp);
    if (round_increment(r.coef, r.sign, cls, round)) r.coef = add_small(r.coef, 1);
  }
  r.exp = exp;
}

}  // namespace cppy::modules::decimal
