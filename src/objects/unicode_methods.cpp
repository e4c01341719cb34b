// str methods: Objects/unicodeobject.c (unicode_find_impl, replace, do_strip, tailmatch,
// do_lower/do_upper/do_casefold/do_swapcase/do_title/do_capitalize).
#include "objects/unicode_methods.h"

#include <cstring>
#include <type_traits>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/text_support.h"
#include "unicode/fastsearch.h"
#include "unicode/unicodectype.h"

namespace cppy::objects {

namespace {

// ADJUST_INDICES.
void adjust_indices(ssize& start, ssize& end, ssize len) {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
}

bool match_at(Object* s, ssize i, Object* sub) {
  ssize m = str_length(sub);
  unsigned ks = str_kind(s), kp = str_kind(sub);
  const void* ds = str_data(s);
  const void* dp = str_data(sub);
  for (ssize j = 0; j < m; j++)
    if (str_read(ks, ds, i + j) != str_read(kp, dp, j)) return false;
  return true;
}

// FASTSEARCH (Objects/stringlib/fastsearch.h) over s[start:end] for sub, in s's own unit size
// as any_find_slice / anylib_count do: a needle of a wider kind cannot occur, a narrower one is
// widened. Search/RSearch give the index in s or -1; Count the number of non-overlapping
// occurrences, at most maxcount. sub must not be empty.
ssize search(Object* s, ssize start, ssize end, Object* sub, ssize maxcount,
             unicode::SearchMode mode) {
  unsigned ks = str_kind(s), kp = str_kind(sub);
  ssize n = end - start, m = str_length(sub);
  bool count = mode == unicode::SearchMode::Count;
  if (kp > ks || n < m) return count ? 0 : -1;
  auto run = [&](auto* hay, const void* needle_data) -> ssize {
    using Unit = std::remove_cv_t<std::remove_pointer_t<decltype(hay)>>;
    std::vector<Unit> widened;
    const Unit* needle = static_cast<const Unit*>(needle_data);
    if (kp != ks) {
      widened.resize(size_t(m));
      for (ssize j = 0; j < m; j++) widened[size_t(j)] = Unit(str_read(kp, needle_data, j));
      needle = widened.data();
    }
    ptrdiff_t r = unicode::fastsearch(hay + start, n, needle, m, maxcount, mode);
    if (count) return r < 0 ? 0 : r;
    return r < 0 ? -1 : start + r;
  };
  if (ks == kKind1) return run(static_cast<const UCS1*>(str_data(s)), str_data(sub));
  if (ks == kKind2) return run(static_cast<const UCS2*>(str_data(s)), str_data(sub));
  return run(static_cast<const UCS4*>(str_data(s)), str_data(sub));
}

}  // namespace

ssize str_find(Object* s, Object* sub, ssize start, ssize end, int direction) {
  ssize len = str_length(s);
  adjust_indices(start, end, len);
  ssize m = str_length(sub);
  if (end - start < m) return -1;
  if (m == 0) return direction > 0 ? start : end;
  return search(s, start, end, sub, unicode::kNoMaxCount,
                direction > 0 ? unicode::SearchMode::Search : unicode::SearchMode::RSearch);
}

ssize str_count(Object* s, Object* sub, ssize start, ssize end) {
  ssize len = str_length(s);
  adjust_indices(start, end, len);
  if (end < start) return 0;
  ssize m = str_length(sub);
  if (m == 0) return end - start + 1;
  return search(s, start, end, sub, unicode::kNoMaxCount, unicode::SearchMode::Count);
}

namespace {

// replace() of unicodeobject.c when the three strings are of the 1-byte kind and old is not
// empty: the occurrences counted first, the result allocated at its final size and filled
// (no writer, no regrowth). nullptr with no error set when nothing is replaced.
Object* replace_1byte(Object* s, Object* old, Object* repl, ssize count) {
  ssize len = str_length(s), m = str_length(old), r = str_length(repl);
  if (m > len) return nullptr;
  ssize n;
  // The counting scan of a longer old keeps the positions it finds (up to kKeepMax of them,
  // in a buffer that grows from the stack to the heap), so that the copy does not search
  // for them again; occurrences beyond those are counted, and found again in batches.
  constexpr ssize kKeepMax = ssize(1) << 16;
  ptrdiff_t stack_at[256];
  ptrdiff_t* kept_at = stack_at;
  ssize kept = 0;
  struct HeapBuffer {
    ptrdiff_t* p = nullptr;
    ~HeapBuffer() { gc::mem_free(p); }
  } heap;
  if (m == 1) {
    const UCS1* d = str_1byte(s);
    UCS1 c = str_1byte(old)[0];
    n = 0;
    for (ssize i = 0; i < len && n < count; i++) n += d[i] == c;
  } else {
    const UCS1* d = str_1byte(s);
    const UCS1* od = str_1byte(old);
    ssize cap = 256;
    bool more = false;  // occurrences beyond the kept ones may follow
    for (;;) {
      ssize scan = kept ? kept_at[kept - 1] + m : 0;
      ssize want = (count - kept < cap - kept) ? count - kept : cap - kept;
      ssize found = unicode::find_all(d + scan, len - scan, od, m, kept_at + kept, want);
      for (ssize k = kept; k < kept + found; k++) kept_at[k] += scan;
      kept += found;
      if (found < want || kept == count) break;
      if (cap >= kKeepMax) {
        more = true;
        break;
      }
      auto* grown = static_cast<ptrdiff_t*>(
          gc::mem_realloc(heap.p, sizeof(ptrdiff_t) * static_cast<size_t>(cap * 4)));
      if (!grown) {
        more = true;  // no memory for more positions: the rest are counted
        break;
      }
      if (!heap.p) std::memcpy(grown, stack_at, sizeof stack_at);
      heap.p = kept_at = grown;
      cap *= 4;
    }
    n = kept;
    if (more) n += search(s, kept_at[kept - 1] + m, len, old, count - kept, unicode::SearchMode::Count);
  }
  if (n == 0) return nullptr;
  if (m < r && r - m > (PTRDIFF_MAX - len) / n) {
    errors::set_string(exc_OverflowError, "replace string is too long");
    return nullptr;
  }
  ssize new_size = len + n * (r - m);
  // A latin-1 s whose only non-ASCII characters are in old gives an ASCII result: the kind
  // is checked after the copy (unicode_result's narrowing).
  bool ascii = str_is_ascii(s) && str_is_ascii(repl);
  Object* u = str_new(new_size, ascii ? 0x7f : 0xff);
  if (!u) return nullptr;
  if (new_size == 0) return u;
  const UCS1* d = str_1byte(s);
  const UCS1* od = str_1byte(old);
  const UCS1* rd = str_1byte(repl);
  UCS1* out = str_1byte(u);
  ssize i = 0;
  for (ssize k = 0; k < kept; k++) {
    ssize pos = kept_at[k];
    std::memcpy(out, d + i, static_cast<size_t>(pos - i));
    out += pos - i;
    if (r == 1)
      *out = *rd;
    else
      std::memcpy(out, rd, static_cast<size_t>(r));
    out += r;
    i = pos + m;
  }
  // The occurrences are found in batches by one scan each (unicode::find_all), not by a
  // search call per occurrence as replace() of unicodeobject.c does: the same positions.
  ptrdiff_t at[256];
  for (ssize left = n - kept; left > 0;) {
    ssize found = unicode::find_all(d + i, len - i, od, m, at, left < 256 ? left : 256);
    if (found <= 0) break;  // cannot happen: n occurrences were counted
    ssize base = i;
    for (ssize k = 0; k < found; k++) {
      ssize pos = base + at[k];
      std::memcpy(out, d + i, static_cast<size_t>(pos - i));
      out += pos - i;
      if (r == 1)
        *out = *rd;
      else
        std::memcpy(out, rd, static_cast<size_t>(r));
      out += r;
      i = pos + m;
    }
    left -= found;
  }
  std::memcpy(out, d + i, static_cast<size_t>(len - i));
  if (!ascii && str_find_max_char(u, 0, new_size) < 0x80) {
    Object* narrow = str_from_latin1(str_1byte(u), new_size);
    decref(u);
    return narrow;
  }
  return u;
}

}  // namespace

Object* str_replace_impl(Object* s, Object* old, Object* repl, ssize count);

// replace() and the case operations build their result with PyUnicode_New and return it as
// is: a one-character result is a new string, never the cached one (which `is` and, for
// U+0080..U+00FF, sys.getsizeof tell apart).
Object* str_not_cached(Object* r) {
  if (!r || str_length(r) != 1) return r;
  UCS4 ch = str_read_char(r, 0);
  Ref<> cached = Ref<>::steal(str_from_char(ch));
  if (cached.get() != r) return r;
  Object* fresh = str_new(1, ch);
  if (fresh) str_write(str_kind(fresh), str_data(fresh), 0, ch);
  decref(r);
  return fresh;
}

Object* str_replace(Object* s, Object* old, Object* repl, ssize count) {
  Object* r = str_replace_impl(s, old, repl, count);
  return r == s ? r : str_not_cached(r);
}

Object* str_replace_impl(Object* s, Object* old, Object* repl, ssize count) {
  if (count < 0) count = PTRDIFF_MAX;
  ssize len = str_length(s), m = str_length(old);
  // replace()'s "nothing" cases: the string unchanged (itself when exact,
  // unicode_result_unchanged), which `is` can tell from an equal new string.
  if (len < m || count == 0 || old == repl || str_max_char_value(s) < str_max_char_value(old) ||
      (m == 0 && str_length(repl) == 0))
    return str_check_exact(s) ? new_ref(s) : str_substring(s, 0, len);
  if (m > 0 && str_kind(s) == kKind1 && str_kind(old) == kKind1 && str_kind(repl) == kKind1) {
    if (Object* u = replace_1byte(s, old, repl, count)) return u;
    if (errors::occurred()) return nullptr;
    return str_check_exact(s) ? new_ref(s) : str_substring(s, 0, len);
  }
  StrWriter w;
  ssize done = 0;
  if (m == 0) {
    // Insert repl before every character and at the end, count times at most.
    for (ssize i = 0; i <= len; i++) {
      if (done < count) {
        if (w.write_str(repl) < 0) return nullptr;
        done++;
      }
      if (i < len && w.write_char(str_read_char(s, i)) < 0) return nullptr;
    }
    return w.finish();
  }
  ssize i = 0, last = 0;
  while (done < count && i + m <= len) {
    ssize at = search(s, i, len, old, unicode::kNoMaxCount, unicode::SearchMode::Search);
    if (at < 0) break;
    if (w.write_substr(s, last, at) < 0 || w.write_str(repl) < 0) return nullptr;
    i = at + m;
    last = i;
    done++;
  }
  if (done == 0 && str_check_exact(s)) return new_ref(s);
  if (w.write_substr(s, last, len) < 0) return nullptr;
  return w.finish();
}

Object* str_strip(Object* s, Object* chars, int which) {
  ssize len = str_length(s);
  auto strip_it = [&](UCS4 c) {
    if (!chars) return unicode::is_space(c);
    return str_find_char(chars, c, 0, str_length(chars), 1) >= 0;
  };
  ssize i = 0, j = len;
  if (which != 1)
    while (i < j && strip_it(str_read_char(s, i))) i++;
  if (which != 0)
    while (j > i && strip_it(str_read_char(s, j - 1))) j--;
  return str_substring(s, i, j);
}

int str_tailmatch(Object* s, Object* sub, ssize start, ssize end, int direction) {
  ssize len = str_length(s);
  adjust_indices(start, end, len);
  ssize m = str_length(sub);
  end -= m;
  if (end < start) return 0;
  if (m == 0) return 1;
  return match_at(s, direction > 0 ? end : start, sub) ? 1 : 0;
}

namespace {

// handle_capital_sigma: final sigma when preceded by a cased letter and not followed by one
// (case-ignorable characters skipped both ways).
UCS4 capital_sigma(Object* s, ssize i) {
  ssize len = str_length(s);
  ssize j = i - 1;
  while (j >= 0 && unicode::is_case_ignorable(str_read_char(s, j))) j--;
  bool final_sigma = j >= 0 && unicode::is_cased(str_read_char(s, j));
  if (final_sigma) {
    j = i + 1;
    while (j < len && unicode::is_case_ignorable(str_read_char(s, j))) j++;
    final_sigma = j == len || !unicode::is_cased(str_read_char(s, j));
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

int lower_char(Object* s, ssize i, UCS4 c, char32_t* out) {
  if (c == 0x3A3) {
    out[0] = capital_sigma(s, i);
    return 1;
  }
  return unicode::to_lower_full(c, out);
}

template <class F>
Object* map_chars(Object* s, F f) {
  ssize len = str_length(s);
  StrWriter w;
  char32_t buf[3];
  for (ssize i = 0; i < len; i++) {
    int n = f(i, str_read_char(s, i), buf);
    for (int k = 0; k < n; k++)
      if (w.write_char(buf[k]) < 0) return nullptr;
  }
  return w.finish();
}

}  // namespace

// ascii_upper_or_lower: an ASCII string maps byte by byte.
static Object* ascii_case_map(Object* s, bool upper) {
  ssize n = str_length(s);
  Object* r = str_new(n, 127);
  if (!r) return nullptr;
  const UCS1* src = str_1byte(s);
  UCS1* dst = str_1byte(r);
  // Branch-free per byte (the case bit flipped where the letter is in range), so that the
  // compiler vectorises the loop; one loop per direction.
  if (upper) {
    for (ssize i = 0; i < n; ++i) {
      UCS1 c = src[i];
      dst[i] = UCS1(c ^ (UCS1(UCS1(c - 'a') < 26) << 5));
    }
  } else {
    for (ssize i = 0; i < n; ++i) {
      UCS1 c = src[i];
      dst[i] = UCS1(c ^ (UCS1(UCS1(c - 'A') < 26) << 5));
    }
  }
  return r;
}

Object* str_lower(Object* s) {
  if (str_is_ascii(s)) return ascii_case_map(s, false);
  return map_chars(s, [&](ssize i, UCS4 c, char32_t* out) { return lower_char(s, i, c, out); });
}

Object* str_upper(Object* s) {
  if (str_is_ascii(s)) return ascii_case_map(s, true);
  return map_chars(s, [](ssize, UCS4 c, char32_t* out) { return unicode::to_upper_full(c, out); });
}

Object* str_casefold(Object* s) {
  return map_chars(s, [](ssize, UCS4 c, char32_t* out) { return unicode::to_folded_full(c, out); });
}

Object* str_swapcase(Object* s) {
  return map_chars(s, [&](ssize i, UCS4 c, char32_t* out) {
    if (unicode::is_upper(c)) return lower_char(s, i, c, out);
    if (unicode::is_lower(c)) return unicode::to_upper_full(c, out);
    out[0] = c;
    return 1;
  });
}

Object* str_title(Object* s) {
  bool previous_cased = false;
  return map_chars(s, [&](ssize i, UCS4 c, char32_t* out) {
    int n;
    if (previous_cased)
      n = lower_char(s, i, c, out);
    else
      n = unicode::to_title_full(c, out);
    previous_cased = unicode::is_cased(c);
    return n;
  });
}

Object* str_capitalize(Object* s) {
  return map_chars(s, [&](ssize i, UCS4 c, char32_t* out) {
    if (i == 0) return unicode::to_title_full(c, out);
    return lower_char(s, i, c, out);
  });
}

}  // namespace cppy::objects
