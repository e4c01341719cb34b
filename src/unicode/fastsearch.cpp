// Port of CPython 3.14's Objects/stringlib/fastsearch.h. The algorithms are CPython's; the code
// is written as one template over the code unit type and instantiated for 1, 2 and 4 bytes.
// Unlike CPython, nothing here reads s[n] (CPython relies on the terminating NUL).
#include "unicode/fastsearch.h"

#include <algorithm>
#include <cstring>

namespace cppy::unicode {

namespace {

using ssize = ptrdiff_t;

// STRINGLIB_BLOOM: a one-word bloom filter of the needle's units.
constexpr unsigned kBloomWidth = 64;
inline void bloom_add(uint64_t& mask, uint32_t ch) { mask |= uint64_t{1} << (ch & (kBloomWidth - 1)); }
inline bool bloom(uint64_t mask, uint32_t ch) { return (mask >> (ch & (kBloomWidth - 1))) & 1; }

// find_char: memchr for bytes; for wider units memchr on the low byte when that is not zero
// (CPython's trick), with a plain loop after too many false positives.
template <typename C>
ssize find_char_t(const C* s, ssize n, C ch) {
  constexpr ssize kCutOff = sizeof(C) == 1 ? 15 : 40;
  const C* p = s;
  const C* e = s + n;
  if constexpr (sizeof(C) == 1) {
    if (n > kCutOff) {
      const void* r = std::memchr(s, ch, static_cast<size_t>(n));
      return r ? static_cast<const C*>(r) - s : -1;
    }
  } else {
    unsigned char needle = static_cast<unsigned char>(ch & 0xFF);
    if (n > kCutOff && needle != 0) {
      do {
        const void* candidate = std::memchr(p, needle, static_cast<size_t>(e - p) * sizeof(C));
        if (candidate == nullptr) return -1;
        const C* s1 = p;
        uintptr_t addr = reinterpret_cast<uintptr_t>(candidate) & ~uintptr_t{sizeof(C) - 1};
        p = reinterpret_cast<const C*>(addr);
        if (*p == ch) return p - s;
        p++;  // false positive
        if (p - s1 > kCutOff) continue;
        if (e - p <= kCutOff) break;
        const C* e1 = p + kCutOff;
        while (p != e1) {
          if (*p == ch) return p - s;
          p++;
        }
      } while (e - p > kCutOff);
    }
  }
  for (; p < e; p++) {
    if (*p == ch) return p - s;
  }
  return -1;
}

// rfind_char
template <typename C>
ssize rfind_char_t(const C* s, ssize n, C ch) {
  if constexpr (sizeof(C) == 1) {
    if (n > 15) {
      const void* r = memrchr(s, ch, static_cast<size_t>(n));
      return r ? static_cast<const C*>(r) - s : -1;
    }
  }
  for (const C* p = s + n; p > s;) {
    --p;
    if (*p == ch) return p - s;
  }
  return -1;
}

template <typename C>
ssize count_char_t(const C* s, ssize n, C ch, ssize maxcount) {
  ssize count = 0;
  if (maxcount == kNoMaxCount) {  // count_char_no_maxcount: a loop the compiler vectorises
    for (ssize i = 0; i < n; i++) count += s[i] == ch;
    return count;
  }
  for (ssize i = 0; i < n; i++) {
    if (s[i] == ch && ++count == maxcount) return maxcount;
  }
  return count;
}

// --- two-way -----------------------------------------------------------------------------

// _lex_search: the start of the lexicographically maximal suffix (with the alphabet inverted
// if asked) and the period of that suffix.
template <typename C>
ssize lex_search(const C* needle, ssize len_needle, ssize* return_period, bool invert_alphabet) {
  ssize max_suffix = 0, candidate = 1, k = 0, period = 1;
  while (candidate + k < len_needle) {
    C a = needle[candidate + k];
    C b = needle[max_suffix + k];
    if (invert_alphabet ? (b < a) : (a < b)) {
      candidate += k + 1;
      k = 0;
      period = candidate - max_suffix;
    } else if (a == b) {
      if (k + 1 != period) {
        k++;
      } else {
        candidate += period;
        k = 0;
      }
    } else {
      max_suffix = candidate;
      candidate++;
      k = 0;
      period = 1;
    }
  }
  *return_period = period;
  return max_suffix;
}

// _factorize: the critical factorization, the later of the two maximal-suffix cuts.
template <typename C>
ssize factorize(const C* needle, ssize len_needle, ssize* return_period) {
  ssize period1, period2;
  ssize cut1 = lex_search(needle, len_needle, &period1, false);
  ssize cut2 = lex_search(needle, len_needle, &period2, true);
  if (cut1 > cut2) {
    *return_period = period1;
    return cut1;
  }
  *return_period = period2;
  return cut2;
}

constexpr unsigned kTableSizeBits = 6;
constexpr unsigned kTableSize = 1u << kTableSizeBits;
constexpr unsigned kTableMask = kTableSize - 1;
constexpr ssize kMaxShift = UINT8_MAX;

template <typename C>
struct Prework {
  const C* needle;
  ssize len_needle;
  ssize cut;
  ssize period;
  ssize gap;
  bool is_periodic;
  uint8_t table[kTableSize];
};

// _preprocess
template <typename C>
void preprocess(const C* needle, ssize len_needle, Prework<C>* p) {
  p->needle = needle;
  p->len_needle = len_needle;
  p->cut = factorize(needle, len_needle, &p->period);
  p->is_periodic = std::memcmp(needle, needle + p->period, p->cut * sizeof(C)) == 0;
  if (!p->is_periodic) p->period = std::max(p->cut, len_needle - p->cut) + 1;  // a lower bound
  // The gap between the last unit and the previous one equal to it modulo the table size.
  p->gap = len_needle;
  C last = needle[len_needle - 1] & kTableMask;
  for (ssize i = len_needle - 2; i >= 0; i--) {
    if ((needle[i] & kTableMask) == last) {
      p->gap = len_needle - 1 - i;
      break;
    }
  }
  // A compressed Boyer-Moore bad-character table.
  ssize not_found_shift = std::min(len_needle, kMaxShift);
  for (unsigned i = 0; i < kTableSize; i++) p->table[i] = static_cast<uint8_t>(not_found_shift);
  for (ssize i = len_needle - not_found_shift; i < len_needle; i++)
    p->table[needle[i] & kTableMask] = static_cast<uint8_t>(len_needle - 1 - i);
}

// _two_way
template <typename C>
ssize two_way(const C* haystack, ssize len_haystack, const Prework<C>* p) {
  const ssize len_needle = p->len_needle;
  const ssize cut = p->cut;
  ssize period = p->period;
  const C* const needle = p->needle;
  const C* window_last = haystack + len_needle - 1;
  const C* const haystack_end = haystack + len_haystack;
  const uint8_t* table = p->table;
  const C* window;
  const ssize gap = p->gap;
  const ssize gap_jump_end = std::min(len_needle, cut + gap);
  if (p->is_periodic) {
    ssize memory = 0;
  periodicwindowloop:
    while (window_last < haystack_end) {
      for (;;) {
        ssize shift = table[(*window_last) & kTableMask];
        window_last += shift;
        if (shift == 0) break;
        if (window_last >= haystack_end) return -1;
      }
    no_shift:
      window = window_last - len_needle + 1;
      ssize i = std::max(cut, memory);
      for (; i < len_needle; i++) {
        if (needle[i] != window[i]) {
          window_last += i < gap_jump_end ? gap : i - cut + 1;
          memory = 0;
          goto periodicwindowloop;
        }
      }
      for (i = memory; i < cut; i++) {
        if (needle[i] != window[i]) {
          window_last += period;
          memory = len_needle - period;
          if (window_last >= haystack_end) return -1;
          ssize shift = table[(*window_last) & kTableMask];
          if (shift) {
            // A mismatch lies right of where i would restart: jump at least that far.
            ssize mem_jump = std::max(cut, memory) - cut + 1;
            memory = 0;
            window_last += std::max(shift, mem_jump);
            goto periodicwindowloop;
          }
          goto no_shift;
        }
      }
      return window - haystack;
    }
  } else {
    period = std::max(gap, period);
  windowloop:
    while (window_last < haystack_end) {
      for (;;) {
        ssize shift = table[(*window_last) & kTableMask];
        window_last += shift;
        if (shift == 0) break;
        if (window_last >= haystack_end) return -1;
      }
      window = window_last - len_needle + 1;
      for (ssize i = cut; i < len_needle; i++) {
        if (needle[i] != window[i]) {
          window_last += i < gap_jump_end ? gap : i - cut + 1;
          goto windowloop;
        }
      }
      for (ssize i = 0; i < cut; i++) {
        if (needle[i] != window[i]) {
          window_last += period;
          goto windowloop;
        }
      }
      return window - haystack;
    }
  }
  return -1;
}

// _two_way_find
template <typename C>
ssize two_way_find(const C* haystack, ssize len_haystack, const C* needle, ssize len_needle) {
  Prework<C> p;
  preprocess(needle, len_needle, &p);
  return two_way(haystack, len_haystack, &p);
}

// _two_way_count
template <typename C>
ssize two_way_count(const C* haystack, ssize len_haystack, const C* needle, ssize len_needle,
                    ssize maxcount) {
  Prework<C> p;
  preprocess(needle, len_needle, &p);
  ssize index = 0, count = 0;
  for (;;) {
    ssize result = two_way(haystack + index, len_haystack - index, &p);
    if (result == -1) return count;
    if (++count == maxcount) return maxcount;
    index += result + len_needle;
  }
}

// default_find, and adaptive_find when Adaptive: Horspool with a bloom mask, switching to
// two-way once too many partial matches were seen. Mode and Adaptive are template
// parameters so that each instance has only the tests it needs. The skip on a unit outside
// the bloom mask must stay a branch: GCC turns it into a conditional move, with which each
// load waits for the previous one and the scan runs at half speed or less. An empty asm
// statement in the branch keeps it one (GCC and Clang do not if-convert across it).
template <typename C, SearchMode Mode, bool Adaptive>
ssize default_find(const C* s, ssize n, const C* p, ssize m, ssize maxcount,
                   ssize* positions = nullptr) {
  const ssize w = n - m;
  const ssize mlast = m - 1;
  ssize count = 0, gap = mlast, hits = 0;
  const C last = p[mlast];
  const C* const ss = s + mlast;
  uint64_t mask = 0;
  for (ssize i = 0; i < mlast; i++) {
    bloom_add(mask, p[i]);
    if (p[i] == last) gap = mlast - i - 1;
  }
  bloom_add(mask, last);
  // Positions i < w can look at ss[i + 1]; the last one (i == w) is tried on its own below,
  // so that nothing reads past s[n - 1].
  ssize i = 0;
  while (i < w) {
    if (ss[i] != last) [[likely]] {
      if (!bloom(mask, ss[i + 1])) [[likely]] {
        asm("");
        i += m + 1;
        continue;
      }
      i++;
      continue;
    }
    ssize j = 0;
    while (j < mlast && s[i + j] == p[j]) j++;
    if (j == mlast) {
      if constexpr (Mode != SearchMode::Count) {
        return i;
      } else {
        if (positions) positions[count] = i;
        if (++count == maxcount) return maxcount;
        i += m;
        continue;
      }
    }
    if constexpr (Adaptive) {
      hits += j + 1;
      if (hits > m / 4 && w - i > 2000) {
        if constexpr (Mode == SearchMode::Search) {
          ssize res = two_way_find(s + i, n - i, p, m);
          return res == -1 ? -1 : res + i;
        } else {
          return two_way_count(s + i, n - i, p, m, maxcount - count) + count;
        }
      }
    }
    // Miss: is the next unit part of the pattern?
    if (!bloom(mask, ss[i + 1])) i += m + 1;
    else i += gap + 1;
  }
  if (i == w && ss[w] == last && std::memcmp(s + w, p, size_t(mlast) * sizeof(C)) == 0) {
    if constexpr (Mode != SearchMode::Count) {
      return w;
    } else {
      if (positions) positions[count] = w;
      count++;
    }
  }
  if constexpr (Mode == SearchMode::Count) return count;
  else return -1;
}

// default_rfind
template <typename C>
ssize default_rfind(const C* s, ssize n, const C* p, ssize m) {
  uint64_t mask = 0;
  const ssize mlast = m - 1, w = n - m;
  ssize skip = m - 1;
  bloom_add(mask, p[0]);
  for (ssize i = mlast; i > 0; i--) {
    bloom_add(mask, p[i]);
    if (p[i] == p[0]) skip = i - 1;
  }
  for (ssize i = w; i >= 0; i--) {
    if (s[i] == p[0]) {
      ssize j;
      for (j = mlast; j > 0; j--) {
        if (s[i + j] != p[j]) break;
      }
      if (j == 0) return i;
      if (i > 0 && !bloom(mask, s[i - 1])) i = i - m;
      else i = i - skip;
    } else if (i > 0 && !bloom(mask, s[i - 1])) {
      i = i - m;
    }
  }
  return -1;
}

// FASTSEARCH
template <typename C>
ssize fastsearch_t(const C* s, ssize n, const C* p, ssize m, ssize maxcount, SearchMode mode) {
  if (n < m || (mode == SearchMode::Count && maxcount == 0)) return -1;
  if (m <= 1) {
    if (m <= 0) return -1;
    if (mode == SearchMode::Search) return find_char_t(s, n, p[0]);
    if (mode == SearchMode::RSearch) return rfind_char_t(s, n, p[0]);
    return count_char_t(s, n, p[0], maxcount);
  }
  if (mode == SearchMode::RSearch) return default_rfind(s, n, p, m);
  if (n < 2500 || (m < 100 && n < 30000) || m < 6)
    return mode == SearchMode::Search
               ? default_find<C, SearchMode::Search, false>(s, n, p, m, maxcount)
               : default_find<C, SearchMode::Count, false>(s, n, p, m, maxcount);
  if ((m >> 2) * 3 < (n >> 2)) {
    // The needle is small next to the haystack: two-way's O(m) set-up pays off.
    if (mode == SearchMode::Search) return two_way_find(s, n, p, m);
    return two_way_count(s, n, p, m, maxcount);
  }
  return mode == SearchMode::Search
             ? default_find<C, SearchMode::Search, true>(s, n, p, m, maxcount)
             : default_find<C, SearchMode::Count, true>(s, n, p, m, maxcount);
}

// The occurrences one after the other, as repeated FASTSEARCH calls from the end of the
// previous one find them; the Horspool scan records them in one pass where each of those
// calls would have used it.
template <typename C>
ssize find_all_t(const C* s, ssize n, const C* p, ssize m, ssize* out, ssize cap) {
  ssize k = 0, i = 0;
  if (cap <= 0 || m <= 0) return 0;
  if (m == 1) {
    while (k < cap && i < n) {
      ssize r = find_char_t(s + i, n - i, p[0]);
      if (r < 0) break;
      out[k++] = i + r;
      i += r + 1;
    }
    return k;
  }
  if (n < m) return 0;
  if (n < 2500 || (m < 100 && n < 30000) || m < 6) {
    ssize found = default_find<C, SearchMode::Count, false>(s, n, p, m, cap, out);
    return found < 0 ? 0 : found;
  }
  while (k < cap && n - i >= m) {
    ssize r = fastsearch_t(s + i, n - i, p, m, kNoMaxCount, SearchMode::Search);
    if (r < 0) break;
    out[k++] = i + r;
    i += r + m;
  }
  return k;
}

}  // namespace

ptrdiff_t fastsearch(const uint8_t* s, ptrdiff_t n, const uint8_t* p, ptrdiff_t m,
                     ptrdiff_t maxcount, SearchMode mode) {
  return fastsearch_t(s, n, p, m, maxcount, mode);
}
ptrdiff_t fastsearch(const uint16_t* s, ptrdiff_t n, const uint16_t* p, ptrdiff_t m,
                     ptrdiff_t maxcount, SearchMode mode) {
  return fastsearch_t(s, n, p, m, maxcount, mode);
}
ptrdiff_t fastsearch(const uint32_t* s, ptrdiff_t n, const uint32_t* p, ptrdiff_t m,
                     ptrdiff_t maxcount, SearchMode mode) {
  return fastsearch_t(s, n, p, m, maxcount, mode);
}

ptrdiff_t find_char(const uint8_t* s, ptrdiff_t n, uint8_t ch) { return find_char_t(s, n, ch); }
ptrdiff_t find_char(const uint16_t* s, ptrdiff_t n, uint16_t ch) { return find_char_t(s, n, ch); }
ptrdiff_t find_char(const uint32_t* s, ptrdiff_t n, uint32_t ch) { return find_char_t(s, n, ch); }
ptrdiff_t rfind_char(const uint8_t* s, ptrdiff_t n, uint8_t ch) { return rfind_char_t(s, n, ch); }
ptrdiff_t rfind_char(const uint16_t* s, ptrdiff_t n, uint16_t ch) { return rfind_char_t(s, n, ch); }
ptrdiff_t rfind_char(const uint32_t* s, ptrdiff_t n, uint32_t ch) { return rfind_char_t(s, n, ch); }
ptrdiff_t count_char(const uint8_t* s, ptrdiff_t n, uint8_t ch, ptrdiff_t maxcount) {
  return count_char_t(s, n, ch, maxcount);
}
ptrdiff_t count_char(const uint16_t* s, ptrdiff_t n, uint16_t ch, ptrdiff_t maxcount) {
  return count_char_t(s, n, ch, maxcount);
}
ptrdiff_t count_char(const uint32_t* s, ptrdiff_t n, uint32_t ch, ptrdiff_t maxcount) {
  return count_char_t(s, n, ch, maxcount);
}

ptrdiff_t find_all(const uint8_t* s, ptrdiff_t n, const uint8_t* p, ptrdiff_t m, ptrdiff_t* out,
                   ptrdiff_t cap) {
  return find_all_t(s, n, p, m, out, cap);
}
ptrdiff_t find_all(const uint16_t* s, ptrdiff_t n, const uint16_t* p, ptrdiff_t m, ptrdiff_t* out,
                   ptrdiff_t cap) {
  return find_all_t(s, n, p, m, out, cap);
}
ptrdiff_t find_all(const uint32_t* s, ptrdiff_t n, const uint32_t* p, ptrdiff_t m, ptrdiff_t* out,
                   ptrdiff_t cap) {
  return find_all_t(s, n, p, m, out, cap);
}

}  // namespace cppy::unicode
