// Decimal.__format__: libmpdec's format-spec language (io.c mpd_parse_fmt_str and
// mpd_qformat_spec) as _decimal uses it: [[fill]align][sign][0][width][,][.precision][type]
// with the types e E f F g G % n N. Specs outside that language are formatted by
// _pydecimal in CPython (pydec_format); the caller does the same.
#include <algorithm>
#include <clocale>
#include <vector>
#include <string>

#include "errors/errors.h"
#include "modules/_decimal/mpdecimal.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::decimal {

using namespace objects;

namespace {

struct Spec {
  char32_t fill = U' ';
  char align = '>';
  char sign = '-';
  bool zeropad = false;
  std::int64_t width = 0;
  std::int64_t prec = -1;
  char type = 0;
  std::u32string dot;  // "" until a separator, the locale or an override gives one
  std::u32string sep;
  std::string grouping;  // lconv style: sizes, CHAR_MAX stops, end repeats the last
};

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

std::u32string from_utf8(const char* s) {
  std::u32string out;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s);
  while (*p) {
    char32_t c = *p;
    int extra = 0;
    if (c >= 0xf0) {
      c &= 0x07;
      extra = 3;
    } else if (c >= 0xe0) {
      c &= 0x0f;
      extra = 2;
    } else if (c >= 0xc0) {
      c &= 0x1f;
      extra = 1;
    }
    ++p;
    for (int i = 0; i < extra && *p; ++i, ++p) c = (c << 6) | (*p & 0x3f);
    out += c;
  }
  return out;
}

// mpd_parse_fmt_str: false when the spec is outside libmpdec's language.
bool parse_spec(const std::u32string& f, bool caps, Spec* s) {
  std::size_t i = 0, n = f.size();
  bool have_align = false;
  if (n >= 2 && is_align(f[1])) {
    s->fill = f[0];
    s->align = static_cast<char>(f[1]);
    i = 2;
    have_align = true;
  } else if (n >= 1 && is_align(f[0])) {
    s->align = static_cast<char>(f[0]);
    i = 1;
    have_align = true;
  }
  if (i < n && (f[i] == '+' || f[i] == '-' || f[i] == ' ')) s->sign = static_cast<char>(f[i++]);
  if (i < n && f[i] == '0') {
    if (have_align) return false;
    s->zeropad = true;
    s->fill = U'0';
    s->align = '=';
    ++i;
  }
  if (i < n && f[i] >= '0' && f[i] <= '9') {
    std::int64_t w = 0;
    while (i < n && f[i] >= '0' && f[i] <= '9') {
      if (w > 100000000000000000LL) return false;
      w = w * 10 + (f[i++] - '0');
    }
    s->width = w;
  }
  if (i < n && f[i] == ',') {
    s->dot = U".";
    s->sep = U",";
    s->grouping = "\3\3";
    ++i;
  }
  if (i < n && f[i] == '.') {
    ++i;
    if (i >= n || f[i] < '0' || f[i] > '9') return false;
    std::int64_t p = 0;
    while (i < n && f[i] >= '0' && f[i] <= '9') {
      if (p > 100000000000000000LL) return false;
      p = p * 10 + (f[i++] - '0');
    }
    s->prec = p;
  }
  if (i < n) {
    char32_t t = f[i];
    if (t == 'E' || t == 'e' || t == 'F' || t == 'f' || t == 'G' || t == 'g' || t == '%') {
      s->type = static_cast<char>(t);
      ++i;
    } else if (t == 'N' || t == 'n') {
      if (!s->sep.empty()) return false;
      s->type = t == 'n' ? 'g' : 'G';
      ++i;
      const struct lconv* lc = std::localeconv();
      s->dot = from_utf8(lc->decimal_point);
      s->sep = from_utf8(lc->thousands_sep);
      s->grouping = lc->grouping;
    }
  }
  if (i != n) return false;
  if (!s->type) s->type = caps ? 'G' : 'g';
  return true;
}

// The integer digits with separators; with zero padding, zeros are added (and grouped)
// until the digits fill min_width.
std::u32string group_digits(const std::string& digits, const Spec& s, std::int64_t min_width) {
  std::u32string out;
  if (s.sep.empty() || s.grouping.empty()) {
    std::int64_t pad = std::max<std::int64_t>(0, min_width - static_cast<std::int64_t>(digits.size()));
    out.append(static_cast<std::size_t>(pad), U'0');
    for (char c : digits) out += static_cast<char32_t>(c);
    return out;
  }
  std::vector<std::u32string> groups;
  std::string rest = digits;
  std::size_t gi = 0;
  int glen = 0;
  std::int64_t sep_len = static_cast<std::int64_t>(s.sep.size());
  while (true) {
    bool last = false;
    if (gi < s.grouping.size()) {
      char g = s.grouping[gi];
      if (g == 127 || g <= 0) {
        last = true;
      } else {
        glen = g;
        ++gi;
      }
    }
    if (last || glen <= 0) {
      // the rest in one group
      std::int64_t l = std::max<std::int64_t>({static_cast<std::int64_t>(rest.size()), min_width, 1});
      std::u32string grp(static_cast<std::size_t>(l - static_cast<std::int64_t>(rest.size())), U'0');
      for (char c : rest) grp += static_cast<char32_t>(c);
      groups.push_back(grp);
      break;
    }
    std::int64_t l = std::min<std::int64_t>(
        std::max<std::int64_t>({static_cast<std::int64_t>(rest.size()), min_width, 1}), glen);
    std::int64_t take = std::min<std::int64_t>(l, static_cast<std::int64_t>(rest.size()));
    std::u32string grp(static_cast<std::size_t>(l - take), U'0');
    for (std::size_t k = rest.size() - static_cast<std::size_t>(take); k < rest.size(); ++k) {
      grp += static_cast<char32_t>(rest[k]);
    }
    groups.push_back(grp);
    rest.resize(rest.size() - static_cast<std::size_t>(take));
    min_width -= l;
    if (rest.empty() && min_width <= 0) break;
    min_width -= sep_len;
  }
  for (std::size_t k = groups.size(); k-- > 0;) {
    out += groups[k];
    if (k) out += s.sep;
  }
  return out;
}

std::u32string ascii32(const std::string& a) {
  std::u32string o;
  for (char c : a) o += static_cast<char32_t>(c);
  return o;
}

std::u32string align_result(const std::u32string& sign, const std::u32string& body,
                            const Spec& s) {
  std::int64_t len = static_cast<std::int64_t>(sign.size() + body.size());
  std::int64_t pad = s.width > len ? s.width - len : 0;
  std::u32string fill(static_cast<std::size_t>(pad), s.fill);
  switch (s.align) {
    case '<':
      return sign + body + fill;
    case '=':
      return sign + fill + body;
    case '^': {
      std::size_t left = static_cast<std::size_t>(pad / 2);
      return fill.substr(0, left) + sign + body + fill.substr(left);
    }
    default:
      return fill + sign + body;
  }
}

}  // namespace

// The formatted text (new str), nullptr with an error, or nullptr without one when the spec
// needs _pydecimal (*fallback set).
Object* decimal_format_obj(const Dec& d0, Object* fmt, Object* override, const Context& ctx,
                           bool caps, bool* fallback) {
  *fallback = false;
  std::u32string f;
  for (ssize i = 0; i < str_length(fmt); ++i) f += static_cast<char32_t>(str_read_char(fmt, i));
  if (!f.empty() && f.back() == 'N') {
    if (errors::warn_ex(exc_DeprecationWarning, "Format specifier 'N' is deprecated", 1) < 0) {
      return nullptr;
    }
  }
  Spec s;
  if (!parse_spec(f, caps, &s)) {
    *fallback = true;
    return nullptr;
  }
  if (override) {
    const char* keys[3] = {"decimal_point", "thousands_sep", "grouping"};
    for (int k = 0; k < 3; ++k) {
      Object* v = dict_get_item_string(override, keys[k]);
      if (!v) {
        if (errors::occurred()) return nullptr;
        continue;
      }
      if (!str_check(v)) {
        errors::set_string(exc_TypeError, "bad argument type for built-in operation");
        return nullptr;
      }
      std::u32string val;
      for (ssize i = 0; i < str_length(v); ++i) val += static_cast<char32_t>(str_read_char(v, i));
      if (k == 0) {
        s.dot = val;
      } else if (k == 1) {
        s.sep = val;
      } else {
        s.grouping.clear();
        for (char32_t c : val) s.grouping += static_cast<char>(c);
      }
    }
    if (s.dot.empty()) {
      errors::set_string(exc_ValueError, "invalid override dict");
      return nullptr;
    }
  }
  if (s.dot.empty()) s.dot = U".";
  bool upper = s.type == 'E' || s.type == 'F' || s.type == 'G';
  std::u32string sign;
  if (d0.sign) {
    sign = U"-";
  } else if (s.sign == '+') {
    sign = U"+";
  } else if (s.sign == ' ') {
    sign = U" ";
  }
  if (d0.is_special()) {
    Dec a = d0;
    a.sign = false;
    std::string body = to_sci_string(a, true);
    if (s.type == '%') body += '%';
    Spec t = s;
    if (t.zeropad) t.fill = U' ';
    std::u32string r = align_result(sign, ascii32(body), t);
    return str_from_kind_and_data(4, r.data(), static_cast<ssize>(r.size()));
  }
  Dec d = d0;
  char type = s.type;
  char lt = static_cast<char>(type | 0x20);  // lower case
  if (type == '%') d.exp += 2;
  std::int64_t prec = s.prec;
  if (prec >= 0) {
    if (lt == 'e') {
      if (!d.coef.is_zero()) {
        Context w = ctx;
        w.prec = prec + 1;
        w.emax = kMaxEmax;
        w.emin = kMinEmin;
        w.clamp = 0;
        std::uint32_t st = 0;
        finalize(d, w, st);
        if (d.digits() < prec + 1) rescale(d, d.exp - (prec + 1 - d.digits()), ctx.round);
      }
    } else if (lt == 'f' || type == '%') {
      rescale(d, -prec, ctx.round);
    } else {
      if (prec == 0) prec = 1;
      if (d.digits() > prec) {
        Context w = ctx;
        w.prec = prec;
        w.emax = kMaxEmax;
        w.emin = kMinEmin;
        w.clamp = 0;
        std::uint32_t st = 0;
        finalize(d, w, st);
      }
    }
  }
  if (d.coef.is_zero() && d.exp > 0 && (lt == 'f' || type == '%')) rescale(d, 0, ctx.round);
  std::string digits = coef_string(d.coef);
  std::int64_t n = static_cast<std::int64_t>(digits.size());
  std::int64_t left = d.exp + n;
  std::int64_t dot;
  if (lt == 'e') {
    dot = (d.coef.is_zero() && prec >= 0) ? 1 - prec : 1;
  } else if (lt == 'f' || type == '%') {
    dot = left;
  } else {
    dot = (d.exp <= 0 && left > -6) ? left : 1;
  }
  std::string intpart, fracpart;
  if (dot < 0) {
    intpart = "0";
    fracpart = std::string(static_cast<std::size_t>(-dot), '0') + digits;
  } else if (dot > n) {
    intpart = digits + std::string(static_cast<std::size_t>(dot - n), '0');
  } else {
    intpart = dot == 0 ? "0" : digits.substr(0, static_cast<std::size_t>(dot));
    fracpart = digits.substr(static_cast<std::size_t>(dot));
  }
  std::int64_t e = left - dot;
  std::u32string frac;
  if (!fracpart.empty()) frac = s.dot + ascii32(fracpart);
  if (e != 0 || lt == 'e') {
    frac += upper ? U'E' : U'e';
    frac += e < 0 ? U'-' : U'+';
    frac += ascii32(std::to_string(e < 0 ? -e : e));
  }
  if (type == '%') frac += U'%';
  std::int64_t min_width = 0;
  if (s.zeropad) {
    min_width = s.width - static_cast<std::int64_t>(frac.size()) -
                static_cast<std::int64_t>(sign.size());
  }
  std::u32string body = group_digits(intpart, s, min_width) + frac;
  std::u32string r = align_result(sign, body, s);
  return str_from_kind_and_data(4, r.data(), static_cast<ssize>(r.size()));
}

}  // namespace cppy::modules::decimal
