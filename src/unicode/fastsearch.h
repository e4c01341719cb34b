// String search of CPython 3.14's Objects/stringlib/fastsearch.h (FASTSEARCH) over arrays of
// 1-, 2- or 4-byte code units: the bloom-mask Horspool variant for short haystacks or needles,
// Crochemore and Perrin's two-way algorithm for long ones, the adaptive switch between them,
// reverse search and counting. Instantiated once per unit type in fastsearch.cpp, so that this
// header stays light for str and bytes.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cppy::unicode {

enum class SearchMode { Count = 0, Search = 1, RSearch = 2 };  // FAST_COUNT, FAST_SEARCH, FAST_RSEARCH

// FASTSEARCH: the index of the first (Search) or last (RSearch) occurrence of p[0:m] in s[0:n],
// or -1; in Count mode the number of non-overlapping occurrences, at most maxcount. Like
// CPython it returns -1 when n < m, when m == 0, and in Count mode when maxcount == 0: callers
// handle the empty needle themselves.
ptrdiff_t fastsearch(const uint8_t* s, ptrdiff_t n, const uint8_t* p, ptrdiff_t m,
                     ptrdiff_t maxcount, SearchMode mode);
ptrdiff_t fastsearch(const uint16_t* s, ptrdiff_t n, const uint16_t* p, ptrdiff_t m,
                     ptrdiff_t maxcount, SearchMode mode);
ptrdiff_t fastsearch(const uint32_t* s, ptrdiff_t n, const uint32_t* p, ptrdiff_t m,
                     ptrdiff_t maxcount, SearchMode mode);

// find_all: the starts of the non-overlapping occurrences of p[0:m] (m >= 1) in s[0:n], left
// to right, as repeated Search calls each starting after the previous occurrence find them;
// at most cap of them are written to out, and their number is returned. str.replace's
// single scan.
ptrdiff_t find_all(const uint8_t* s, ptrdiff_t n, const uint8_t* p, ptrdiff_t m, ptrdiff_t* out,
                   ptrdiff_t cap);
ptrdiff_t find_all(const uint16_t* s, ptrdiff_t n, const uint16_t* p, ptrdiff_t m, ptrdiff_t* out,
                   ptrdiff_t cap);
ptrdiff_t find_all(const uint32_t* s, ptrdiff_t n, const uint32_t* p, ptrdiff_t m, ptrdiff_t* out,
                   ptrdiff_t cap);

// find_char / rfind_char / count_char: one code unit.
ptrdiff_t find_char(const uint8_t* s, ptrdiff_t n, uint8_t ch);
ptrdiff_t find_char(const uint16_t* s, ptrdiff_t n, uint16_t ch);
ptrdiff_t find_char(const uint32_t* s, ptrdiff_t n, uint32_t ch);
ptrdiff_t rfind_char(const uint8_t* s, ptrdiff_t n, uint8_t ch);
ptrdiff_t rfind_char(const uint16_t* s, ptrdiff_t n, uint16_t ch);
ptrdiff_t rfind_char(const uint32_t* s, ptrdiff_t n, uint32_t ch);
ptrdiff_t count_char(const uint8_t* s, ptrdiff_t n, uint8_t ch, ptrdiff_t maxcount);
ptrdiff_t count_char(const uint16_t* s, ptrdiff_t n, uint16_t ch, ptrdiff_t maxcount);
ptrdiff_t count_char(const uint32_t* s, ptrdiff_t n, uint32_t ch, ptrdiff_t maxcount);

inline constexpr ptrdiff_t kNoMaxCount = PTRDIFF_MAX;  // PY_SSIZE_T_MAX: count them all

}  // namespace cppy::unicode
