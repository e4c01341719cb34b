// The Python-visible parts of str: Objects/unicodeobject.c's method table (unicode_methods)
// with the Argument Clinic wrappers of Objects/clinic/unicodeobject.c.h, unicode_new_impl and
// unicode_vectorcall, unicode_subscript (slices through slice objects), the str iterators
// (unicodeiter_*: str_ascii_iterator and str_iterator) and the methods without a C++ home in
// unicode_methods.cpp: split/rsplit (stringlib/split.h), splitlines, join
// (stringlib/join.h), partition/rpartition (stringlib/partition.h), pad/center/ljust/rjust,
// zfill, expandtabs, removeprefix/removesuffix and the is* predicates.
#include <climits>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/clinic_ssize.h"
#include "objects/formatter.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicode_methods.h"
#include "objects/unicodeobject.h"
#include "unicode/unicodectype.h"

namespace cppy::objects {
// unicode_translate.cpp.
Object* unicode_maketrans_method(Object*, Object* const* args, ssize nargs);
Object* unicode_translate_method(Object* self, Object* table);
}  // namespace cppy::objects

namespace cppy::objects {

Object* str_format(Object* self, Object* args, Object* kwargs);
Object* str_format_map(Object* self, Object* mapping);
Object* str_percent_format(Object* format, Object* args);

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

inline bool is_space(UCS4 ch) {
  return ch < 128 ? (ch == ' ' || (ch >= 9 && ch <= 13) || (ch >= 28 && ch <= 31))
                  : unicode::is_space(ch);
}

// A copy of s (or s itself when exact): the result of operations that change nothing.
Object* unchanged(Object* s) {
  if (str_check_exact(s)) return new_ref(s);
  return str_substring(s, 0, str_length(s));
}

// The index arguments of find-like methods (parse_args_finds_unicode): sub[, start[, end]].
bool parse_finds(const char* name, Object* const* args, ssize nargs, Object** sub, ssize* start,
                 ssize* end) {
  if (!check_positional(name, nargs, 1, 3)) return false;
  *start = 0;
  *end = PTRDIFF_MAX;
  if (nargs > 1 && args[1] != none() && !eval_slice_index(args[1], start)) return false;
  if (nargs > 2 && args[2] != none() && !eval_slice_index(args[2], end)) return false;
  *sub = args[0];
  return true;
}


bool require_str(const char* fname, const char* display, Object* o) {
  if (str_check(o)) return true;
  bad_argument(fname, display, "str", o);
  return false;
}

Object* do_find(Object* self, Object* const* args, ssize nargs, const char* name, int direction,
                bool raise) {
  Object* sub;
  ssize start, end;
  if (!parse_finds(name, args, nargs, &sub, &start, &end)) return nullptr;
  if (!require_str(name, "1", sub)) return nullptr;
  ssize r = str_find(self, sub, start, end, direction);
  if (r == -2) return nullptr;
  if (r == -1 && raise) {
    errors::set_string(exc_ValueError, "substring not found");
    return nullptr;
  }
  return long_from_ssize(r);
}

Object* unicode_find(Object* self, Object* const* args, ssize nargs) {
  return do_find(self, args, nargs, "find", 1, false);
}
Object* unicode_rfind(Object* self, Object* const* args, ssize nargs) {
  return do_find(self, args, nargs, "rfind", -1, false);
}
Object* unicode_index(Object* self, Object* const* args, ssize nargs) {
  return do_find(self, args, nargs, "index", 1, true);
}
Object* unicode_rindex(Object* self, Object* const* args, ssize nargs) {
  return do_find(self, args, nargs, "rindex", -1, true);
}

Object* unicode_count(Object* self, Object* const* args, ssize nargs) {
  Object* sub;
  ssize start, end;
  if (!parse_finds("count", args, nargs, &sub, &start, &end)) return nullptr;
  if (!require_str("count", "1", sub)) return nullptr;
  ssize r = str_count(self, sub, start, end);
  if (r < 0) return nullptr;
  return long_from_ssize(r);
}

// startswith / endswith: one str or a tuple of str.
Object* do_tailmatch(Object* self, Object* const* args, ssize nargs, const char* name,
                     int direction) {
  Object* sub;
  ssize start, end;
  if (!parse_finds(name, args, nargs, &sub, &start, &end)) return nullptr;
  if (tuple_check(sub)) {
    for (ssize i = 0; i < tuple_size(sub); i++) {
      Object* item = tuple_item(sub, i);
      if (!str_check(item)) {
        return errors::format(exc_TypeError, "tuple for %s must only contain str, not %.100s",
                              name, item->type->name);
      }
      if (str_tailmatch(self, item, start, end, direction)) return bool_from_bool(true);
    }
    return bool_from_bool(false);
  }
  if (!str_check(sub)) {
    return errors::format(exc_TypeError,
                          "%s first arg must be str or a tuple of str, not %.100s", name,
                          sub->type->name);
  }
  return bool_from_bool(str_tailmatch(self, sub, start, end, direction) == 1);
}
Object* unicode_startswith(Object* self, Object* const* args, ssize nargs) {
  return do_tailmatch(self, args, nargs, "startswith", -1);
}
Object* unicode_endswith(Object* self, Object* const* args, ssize nargs) {
  return do_tailmatch(self, args, nargs, "endswith", 1);
}

const char* const kReplaceKeywords[] = {"", "", "count", nullptr};
const ArgParser kReplaceParser = {"replace", kReplaceKeywords, 2, 3, 0};

Object* unicode_replace(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[3];
  if (unpack_keywords(kReplaceParser, args, nargs, kwnames, a) < 0) return nullptr;
  if (!require_str("replace", "1", a[0]) || !require_str("replace", "2", a[1])) return nullptr;
  ssize count = -1;
  if (a[2]) {
    count = clinic_ssize(a[2]);
    if (count == -1 && errors::occurred()) return nullptr;
  }
  return str_replace(self, a[0], a[1], count);
}

Object* do_strip_method(Object* self, Object* const* args, ssize nargs, const char* name,
                        int which) {
  if (!check_positional(name, nargs, 0, 1)) return nullptr;
  Object* chars = nargs ? args[0] : none();
  if (chars == none()) return str_strip(self, nullptr, which);
  if (!str_check(chars)) {
    return errors::format(exc_TypeError, "%s arg must be None or str", name);
  }
  return str_strip(self, chars, which);
}
Object* unicode_strip(Object* self, Object* const* args, ssize nargs) {
  return do_strip_method(self, args, nargs, "strip", 2);
}
Object* unicode_lstrip(Object* self, Object* const* args, ssize nargs) {
  return do_strip_method(self, args, nargs, "lstrip", 0);
}
Object* unicode_rstrip(Object* self, Object* const* args, ssize nargs) {
  return do_strip_method(self, args, nargs, "rstrip", 1);
}

// The case operations always build a new string (ascii_upper_or_lower, case_operation).
Object* unicode_lower(Object* self, Object*) { return str_not_cached(str_lower(self)); }
Object* unicode_upper(Object* self, Object*) { return str_not_cached(str_upper(self)); }
Object* unicode_casefold(Object* self, Object*) { return str_not_cached(str_casefold(self)); }
Object* unicode_swapcase(Object* self, Object*) { return str_not_cached(str_swapcase(self)); }
Object* unicode_title(Object* self, Object*) { return str_not_cached(str_title(self)); }
Object* unicode_capitalize(Object* self, Object*) {
  return str_not_cached(str_capitalize(self));
}

// --- split / rsplit / splitlines ---------------------------------------------------------------

int add_piece(Object* list, Object* s, ssize start, ssize end) {
  Ref<> piece = Ref<>::steal(str_substring(s, start, end));
  if (!piece) return -1;
  return list_append(list, piece.get());
}

// STRINGLIB_NEW(str + start, end - start): a new string even when the piece is all of s
// (the callers that give s itself check for that case as stringlib does).
Object* new_piece(Object* s, ssize start, ssize end) {
  if (start > 0 || end < str_length(s) || end - start < 2) return str_substring(s, start, end);
  return str_from_kind_and_data(str_kind(s), str_data(s), end - start);
}

// split() and rsplit() of unicodeobject.c when the separator cannot occur (wider kind or
// longer than the string): a one-item list of the string itself, even of a subclass.
Object* list_of_self(Object* self) {
  Object* list = list_new(1);
  if (list) list_set_item_steal(list, 0, new_ref(self));
  return list;
}

// The result list of stringlib/split.h: PREALLOC_SIZE(maxcount) slots filled directly
// (SPLIT_ADD), appends beyond them, the size fixed at the end (FIX_PREALLOC_SIZE).
constexpr ssize kMaxPrealloc = 12;
// The list starts empty with that capacity (its items are not zeroed first) and its size
// follows the pieces added, which is what FIX_PREALLOC_SIZE leaves.
class SplitList {
 public:
  explicit SplitList(ssize maxcount)
      : list_(list_new_prealloc(maxcount >= kMaxPrealloc ? kMaxPrealloc : maxcount + 1)) {}
  SplitList(const SplitList&) = delete;
  SplitList& operator=(const SplitList&) = delete;
  ~SplitList() {
    if (list_) decref(list_);
  }
  bool ok() const { return list_ != nullptr; }
  // Steals piece (null: the error is already set).
  int add(Object* piece) {
    if (!piece) return -1;
    return list_append_take_ref(list_, piece);
  }
  Object* finish() {
    Object* l = list_;
    list_ = nullptr;
    return l;
  }

 private:
  Object* list_;
};

// Py_UNICODE_ISSPACE and Py_UNICODE_ISLINEBREAK for the characters below 256, as tables:
// the scans of split() and splitlines() over 1-byte strings test every character.
struct Latin1Classes {
  bool space[256];
  bool linebreak[256];
};
const Latin1Classes kLatin1 = [] {
  Latin1Classes t{};
  for (unsigned c = 0; c < 256; c++) {
    t.space[c] = unicode::is_space(c);
    t.linebreak[c] = unicode::is_linebreak(c);
  }
  return t;
}();

// Copies n bytes (n >= 2) with at most two overlapping word moves when n is small: split's
// pieces are mostly a few characters, for which a call to memcpy costs more than the copy.
inline void copy_short(UCS1* d, const UCS1* s, ssize n) {
  if (n > 16) {
    std::memcpy(d, s, static_cast<size_t>(n));
  } else if (n >= 8) {
    uint64_t a, b;
    std::memcpy(&a, s, 8);
    std::memcpy(&b, s + n - 8, 8);
    std::memcpy(d, &a, 8);
    std::memcpy(d + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, s, 4);
    std::memcpy(&b, s + n - 4, 4);
    std::memcpy(d, &a, 4);
    std::memcpy(d + n - 4, &b, 4);
  } else {
    d[0] = s[0];
    d[1] = s[1];
    d[n - 1] = s[n - 1];
  }
}

// STRINGLIB_NEW of asciilib (_PyUnicode_FromASCII) for a piece of an ASCII string: the
// one-character cache, or a compact ASCII string allocated and filled here (PyUnicode_New's
// ASCII case) without the general constructor's calls and checks.
inline Object* ascii_piece(const UCS1* p, ssize n) {
  if (n <= 1) return n == 1 ? str_latin1_char(p[0]) : new_ref(str_empty());
  auto* a = static_cast<AsciiObject*>(gc::object_malloc(sizeof(AsciiObject) + size_t(n) + 1));
  if (!a) return errors::no_memory();
  a->refcnt = 1;
  a->type = &str_type;
  a->length = n;
  a->hash = -1;
  StrState st{};
  st.kind = kKind1;
  st.compact = 1;
  st.ascii = 1;
  a->state = st;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  UCS1* d = reinterpret_cast<UCS1*>(a + 1);
  copy_short(d, p, n);
  d[n] = 0;
  return a;
}

// A piece of a 1-byte-kind string (STRINGLIB_NEW of asciilib / ucs1lib, the latter
// narrowing a piece of a latin-1 string that is all ASCII).
template <bool Ascii>
inline Object* piece_1byte(const UCS1* p, ssize n) {
  if constexpr (Ascii) return ascii_piece(p, n);
  else return str_from_latin1(p, n);
}

// stringlib split_whitespace on a 1-byte kind.
template <bool Ascii>
Object* split_whitespace_1byte(Object* self, ssize maxcount) {
  const UCS1* d = str_1byte(self);
  const bool* space = kLatin1.space;
  ssize len = str_length(self);
  SplitList out(maxcount);
  if (!out.ok()) return nullptr;
  ssize i = 0, j;
  while (maxcount-- > 0) {
    while (i < len && space[d[i]]) i++;
    if (i == len) break;
    j = i;
    i++;
    while (i < len && !space[d[i]]) i++;
    if (j == 0 && i == len && str_check_exact(self)) {
      // No whitespace at all: the string itself (split.h's STRINGLIB_CHECK_EXACT case).
      if (out.add(new_ref(self)) < 0) return nullptr;
      break;
    }
    if (out.add(piece_1byte<Ascii>(d + j, i - j)) < 0) return nullptr;
  }
  if (i < len) {
    while (i < len && space[d[i]]) i++;
    if (i != len && out.add(piece_1byte<Ascii>(d + i, len - i)) < 0) return nullptr;
  }
  return out.finish();
}

// stringlib split_char on a 1-byte kind (memchr for the next separator).
template <bool Ascii>
Object* split_char_1byte(Object* self, UCS1 ch, ssize maxcount) {
  const UCS1* d = str_1byte(self);
  ssize len = str_length(self);
  SplitList out(maxcount);
  if (!out.ok()) return nullptr;
  ssize i = 0;
  while (maxcount-- > 0) {
    // The pieces are short in the common cases (fields of a line): a plain loop, as
    // stringlib's split_char; memchr only pays for itself over long stretches.
    ssize pos = i;
    if (len - i <= 32) {
      while (pos < len && d[pos] != ch) pos++;
      if (pos == len) break;
    } else {
      const void* hit = std::memchr(d + i, ch, static_cast<size_t>(len - i));
      if (!hit) break;
      pos = static_cast<const UCS1*>(hit) - d;
    }
    if (out.add(piece_1byte<Ascii>(d + i, pos - i)) < 0) return nullptr;
    i = pos + 1;
  }
  if (i == 0 && str_check_exact(self)) {
    if (out.add(new_ref(self)) < 0) return nullptr;
  } else if (out.add(piece_1byte<Ascii>(d + i, len - i)) < 0) {
    return nullptr;
  }
  return out.finish();
}

const char* const kSplitKeywords[] = {"sep", "maxsplit", nullptr};

// The clinic wrapper of str.split / str.rsplit and the start of split() / rsplit() of
// unicodeobject.c: *sep is null for None; a negative maxsplit becomes the largest number of
// splits the string allows (which PREALLOC_SIZE then sees: the result list's capacity is the
// reference's). False with the error set, or with *self_list set to the one-item list of
// the string itself when sep is wider or longer than the string.
bool parse_split(const char* name, Object* self, Object* const* args, ssize nargs,
                 Object* kwnames, Object** sep, ssize* maxsplit, Object** self_list) {
  Object* a[2];
  *self_list = nullptr;
  if (!kwnames && nargs <= 2) {
    // Positional arguments only: what the clinic macro's fast path of
    // _PyArg_UnpackKeywords does, without the call.
    a[0] = nargs > 0 ? args[0] : nullptr;
    a[1] = nargs > 1 ? args[1] : nullptr;
  } else {
    ArgParser p = {name, kSplitKeywords, 0, 2, 0};
    if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return false;
  }
  *sep = a[0] && a[0] != none() ? a[0] : nullptr;
  if (*sep && !str_check(*sep)) {
    errors::format(exc_TypeError, "must be str or None, not %.100s", (*sep)->type->name);
    return false;
  }
  ssize m = -1;
  if (a[1]) {
    m = clinic_ssize(a[1]);
    if (m == -1 && errors::occurred()) return false;
  }
  ssize len = str_length(self);
  if (!*sep) {
    if (m < 0) m = (len - 1) / 2 + 1;
  } else {
    ssize seplen = str_length(*sep);
    // (A one-character separator, the common case, needs no division.)
    if (m < 0) m = seplen == 1 ? len + 1 : seplen == 0 ? 0 : len / seplen + 1;
    if (str_kind(*sep) > str_kind(self) || seplen > len) {
      *self_list = list_of_self(self);
      return false;
    }
    if (seplen == 0) {
      errors::set_string(exc_ValueError, "empty separator");
      return false;
    }
  }
  *maxsplit = m;
  return true;
}

// stringlib split / split_whitespace.
Object* unicode_split(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* sep;
  ssize maxcount;
  Object* self_list;
  if (!parse_split("split", self, args, nargs, kwnames, &sep, &maxcount, &self_list))
    return self_list;
  ssize len = str_length(self);
  if (str_kind(self) == kKind1) {
    bool ascii = str_is_ascii(self);
    if (!sep)
      return ascii ? split_whitespace_1byte<true>(self, maxcount)
                   : split_whitespace_1byte<false>(self, maxcount);
    if (str_length(sep) == 1 && str_kind(sep) == kKind1) {
      UCS1 ch = str_1byte(sep)[0];
      return ascii ? split_char_1byte<true>(self, ch, maxcount)
                   : split_char_1byte<false>(self, ch, maxcount);
    }
  }
  SplitList out(maxcount);
  if (!out.ok()) return nullptr;
  if (!sep) {
    ssize i = 0, j;
    while (maxcount-- > 0) {
      while (i < len && is_space(str_read_char(self, i))) i++;
      if (i == len) break;
      j = i;
      i++;
      while (i < len && !is_space(str_read_char(self, i))) i++;
      if (out.add(str_substring(self, j, i)) < 0) return nullptr;
    }
    if (i < len) {
      while (i < len && is_space(str_read_char(self, i))) i++;
      if (i != len && out.add(new_piece(self, i, len)) < 0) return nullptr;
    }
    return out.finish();
  }
  ssize seplen = str_length(sep), i = 0;
  while (maxcount-- > 0) {
    ssize pos = str_find(self, sep, i, len, 1);
    if (pos < 0) break;
    if (out.add(str_substring(self, i, pos)) < 0) return nullptr;
    i = pos + seplen;
  }
  if (out.add(str_substring(self, i, len)) < 0) return nullptr;
  return out.finish();
}

// stringlib rsplit / rsplit_whitespace (pieces collected backwards in the preallocated
// list, then reversed).
Object* unicode_rsplit(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* sep;
  ssize maxcount;
  Object* self_list;
  if (!parse_split("rsplit", self, args, nargs, kwnames, &sep, &maxcount, &self_list))
    return self_list;
  ssize len = str_length(self);
  SplitList out(maxcount);
  if (!out.ok()) return nullptr;
  if (!sep) {
    ssize i = len - 1, j;
    while (maxcount-- > 0) {
      while (i >= 0 && is_space(str_read_char(self, i))) i--;
      if (i < 0) break;
      j = i;
      i--;
      while (i >= 0 && !is_space(str_read_char(self, i))) i--;
      if (j == len - 1 && i < 0 && str_check_exact(self)) {
        if (out.add(new_ref(self)) < 0) return nullptr;  // no whitespace: the string itself
        break;
      }
      if (out.add(new_piece(self, i + 1, j + 1)) < 0) return nullptr;
    }
    if (i >= 0) {
      while (i >= 0 && is_space(str_read_char(self, i))) i--;
      if (i >= 0 && out.add(new_piece(self, 0, i + 1)) < 0) return nullptr;
    }
  } else {
    ssize seplen = str_length(sep), j = len;
    while (maxcount-- > 0) {
      ssize pos = str_find(self, sep, 0, j, -1);
      if (pos < 0) break;
      if (out.add(new_piece(self, pos + seplen, j)) < 0) return nullptr;
      j = pos;
    }
    // No separator found: the string itself when exact (the count == 0 case).
    if (j == len && str_check_exact(self)) {
      if (out.add(new_ref(self)) < 0) return nullptr;
    } else if (out.add(new_piece(self, 0, j)) < 0) {
      return nullptr;
    }
  }
  Ref<> list = Ref<>::steal(out.finish());
  if (list_reverse(list.get()) < 0) return nullptr;
  return list.release();
}

inline bool is_linebreak(UCS4 ch) {
  return ch < 256 ? kLatin1.linebreak[ch] : unicode::is_linebreak(ch);
}

// stringlib splitlines over a 1-byte kind.
template <bool Ascii>
Object* splitlines_1byte(Object* self, bool keepends) {
  const UCS1* d = str_1byte(self);
  const bool* linebreak = kLatin1.linebreak;
  ssize len = str_length(self), i = 0, j = 0;
  // PyList_New(0) and appends (SPLIT_APPEND): the list's capacity is the reference's.
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  while (i < len) {
    while (i < len && !linebreak[d[i]]) i++;
    ssize eol = i;
    if (i < len) {
      if (d[i] == '\r' && i + 1 < len && d[i + 1] == '\n')
        i += 2;
      else
        i++;
      if (keepends) eol = i;
    }
    Object* piece;
    if (j == 0 && eol == len && str_check_exact(self))
      piece = new_ref(self);  // no line break: the string itself
    else
      piece = piece_1byte<Ascii>(d + j, eol - j);
    if (!piece || list_append_take_ref(list.get(), piece) < 0) return nullptr;
    j = i;
  }
  return list.release();
}

const char* const kSplitlinesKeywords[] = {"keepends", nullptr};
const ArgParser kSplitlinesParser = {"splitlines", kSplitlinesKeywords, 0, 1, 0};

// stringlib splitlines.
Object* unicode_splitlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (kwnames || nargs > 1) {
    if (unpack_keywords(kSplitlinesParser, args, nargs, kwnames, a) < 0) return nullptr;
  } else {
    a[0] = nargs ? args[0] : nullptr;
  }
  bool keepends = false;
  if (a[0]) {
    int t = object_is_true(a[0]);  // the clinic's bool converter
    if (t < 0) return nullptr;
    keepends = t;
  }
  if (str_kind(self) == kKind1)
    return str_is_ascii(self) ? splitlines_1byte<true>(self, keepends)
                              : splitlines_1byte<false>(self, keepends);
  ssize len = str_length(self), i = 0, j = 0;
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  while (i < len) {
    while (i < len && !is_linebreak(str_read_char(self, i))) i++;
    ssize eol = i;
    if (i < len) {
      if (str_read_char(self, i) == '\r' && i + 1 < len && str_read_char(self, i + 1) == '\n')
        i += 2;
      else
        i++;
      if (keepends) eol = i;
    }
    if (add_piece(list.get(), self, j, eol) < 0) return nullptr;
    j = i;
  }
  return list.release();
}

// --- join ---------------------------------------------------------------------------------------

// PyUnicode_Join.
Object* unicode_join(Object* self, Object* iterable) {
  Ref<> seq = Ref<>::steal(sequence_fast(iterable, "can only join an iterable"));
  if (!seq) return nullptr;
  ssize n = list_check(seq.get()) ? list_size(seq.get()) : tuple_size(seq.get());
  Object** items = list_check(seq.get()) ? list_items(seq.get()) : tuple_items(seq.get());
  return str_join_array(self, items, n);
}

// --- partition --------------------------------------------------------------------------------

Object* do_partition(Object* self, Object* sep, int direction) {
  if (!str_check(sep)) {
    return errors::format(exc_TypeError, "must be str, not %.100s", sep->type->name);
  }
  if (str_length(sep) == 0) {
    errors::set_string(exc_ValueError, "empty separator");
    return nullptr;
  }
  ssize len = str_length(self);
  ssize pos = str_find(self, sep, 0, len, direction);
  Ref<> empty = Ref<>::borrow(str_empty());
  if (pos < 0) {
    // The string itself, even of a subclass (partition.h's Py_INCREF(str_obj)).
    if (direction > 0) return tuple_pack(3, self, empty.get(), empty.get());
    return tuple_pack(3, empty.get(), empty.get(), self);
  }
  Ref<> before = Ref<>::steal(str_substring(self, 0, pos));
  Ref<> after = Ref<>::steal(str_substring(self, pos + str_length(sep), len));
  if (!before || !after) return nullptr;
  return tuple_pack(3, before.get(), sep, after.get());
}
Object* unicode_partition(Object* self, Object* sep) { return do_partition(self, sep, 1); }
Object* unicode_rpartition(Object* self, Object* sep) { return do_partition(self, sep, -1); }

// --- padding ----------------------------------------------------------------------------------

// pad(): left and right fill around s.
Object* pad(Object* self, ssize left, ssize right, UCS4 fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return unchanged(self);
  ssize len = str_length(self);
  if (left > PTRDIFF_MAX - len || right > PTRDIFF_MAX - (left + len)) {
    errors::set_string(exc_OverflowError, "padded string is too long");
    return nullptr;
  }
  StrWriter w;
  if (w.fill(fill, left) < 0 || w.write_str(self) < 0 || w.fill(fill, right) < 0) return nullptr;
  return w.finish();
}

// The (width, fillchar=' ', /) arguments of center/ljust/rjust.
bool parse_pad(const char* name, Object* const* args, ssize nargs, ssize* width, UCS4* fill) {
  if (!check_positional(name, nargs, 1, 2)) return false;
  *width = clinic_ssize(args[0]);
  if (*width == -1 && errors::occurred()) return false;
  *fill = ' ';
  if (nargs > 1) {
    Object* f = args[1];
    if (!str_check(f)) {
      errors::format(exc_TypeError, "The fill character must be a unicode character, not %.100s",
                     f->type->name);
      return false;
    }
    if (str_length(f) != 1) {
      errors::set_string(exc_TypeError, "The fill character must be exactly one character long");
      return false;
    }
    *fill = str_read_char(f, 0);
  }
  return true;
}

Object* unicode_center(Object* self, Object* const* args, ssize nargs) {
  ssize width;
  UCS4 fill;
  if (!parse_pad("center", args, nargs, &width, &fill)) return nullptr;
  ssize len = str_length(self);
  if (len >= width) return unchanged(self);
  ssize marg = width - len;
  ssize left = marg / 2 + (marg & width & 1);
  return pad(self, left, marg - left, fill);
}
Object* unicode_ljust(Object* self, Object* const* args, ssize nargs) {
  ssize width;
  UCS4 fill;
  if (!parse_pad("ljust", args, nargs, &width, &fill)) return nullptr;
  return pad(self, 0, width - str_length(self), fill);
}
Object* unicode_rjust(Object* self, Object* const* args, ssize nargs) {
  ssize width;
  UCS4 fill;
  if (!parse_pad("rjust", args, nargs, &width, &fill)) return nullptr;
  return pad(self, width - str_length(self), 0, fill);
}

Object* unicode_zfill(Object* self, Object* arg) {
  ssize width = clinic_ssize(arg);
  if (width == -1 && errors::occurred()) return nullptr;
  ssize len = str_length(self);
  if (len >= width) return unchanged(self);
  ssize fill = width - len;
  StrWriter w;
  UCS4 first = len ? str_read_char(self, 0) : 0;
  bool sign = first == '+' || first == '-';
  if (sign && w.write_char(first) < 0) return nullptr;
  if (w.fill('0', fill) < 0) return nullptr;
  if (w.write_substr(self, sign ? 1 : 0, len) < 0) return nullptr;
  return w.finish();
}

const char* const kExpandtabsKeywords[] = {"tabsize", nullptr};
const ArgParser kExpandtabsParser = {"expandtabs", kExpandtabsKeywords, 0, 1, 0};

Object* unicode_expandtabs(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (unpack_keywords(kExpandtabsParser, args, nargs, kwnames, a) < 0) return nullptr;
  long tabsize = 8;
  if (a[0]) {
    Ref<> iv = Ref<>::steal(number_index(a[0]));
    if (!iv) return nullptr;
    tabsize = long_as_int(iv.get());
    if (tabsize == -1 && errors::occurred()) return nullptr;
  }
  ssize len = str_length(self), line_pos = 0;
  // No tab: the string unchanged (itself when exact), as unicode_expandtabs_impl.
  if (str_find_char(self, '\t', 0, len, 1) < 0) return unchanged(self);
  StrWriter w;
  for (ssize i = 0; i < len; i++) {
    UCS4 ch = str_read_char(self, i);
    if (ch == '\t') {
      if (tabsize > 0) {
        ssize incr = tabsize - (line_pos % tabsize);
        if (line_pos > PTRDIFF_MAX - incr) {
          errors::set_string(exc_OverflowError, "new string is too long");
          return nullptr;
        }
        line_pos += incr;
        if (w.fill(' ', incr) < 0) return nullptr;
      }
    } else {
      line_pos++;
      if (w.write_char(ch) < 0) return nullptr;
      if (ch == '\n' || ch == '\r') line_pos = 0;
    }
  }
  return w.finish();
}

Object* do_remove_affix(Object* self, Object* affix, const char* name, int direction) {
  if (!str_check(affix)) {
    bad_argument(name, nullptr, "str", affix);
    return nullptr;
  }
  ssize len = str_length(self), n = str_length(affix);
  if (str_tailmatch(self, affix, 0, len, direction) == 1)
    return direction < 0 ? str_substring(self, n, len) : str_substring(self, 0, len - n);
  return unchanged(self);
}
Object* unicode_removeprefix(Object* self, Object* a) {
  return do_remove_affix(self, a, "removeprefix", -1);
}
Object* unicode_removesuffix(Object* self, Object* a) {
  return do_remove_affix(self, a, "removesuffix", 1);
}

// --- predicates -------------------------------------------------------------------------------

template <bool (*Pred)(char32_t)>
Object* all_chars(Object* self, Object*) {
  ssize len = str_length(self);
  if (len == 0) return bool_from_bool(false);
  for (ssize i = 0; i < len; i++)
    if (!Pred(str_read_char(self, i))) return bool_from_bool(false);
  return bool_from_bool(true);
}

Object* unicode_isascii(Object* self, Object*) { return bool_from_bool(str_is_ascii(self)); }

Object* unicode_islower(Object* self, Object*) {
  bool cased = false;
  for (ssize i = 0; i < str_length(self); i++) {
    UCS4 ch = str_read_char(self, i);
    if (unicode::is_upper(ch) || unicode::is_title(ch)) return bool_from_bool(false);
    if (!cased && unicode::is_lower(ch)) cased = true;
  }
  return bool_from_bool(cased);
}

Object* unicode_isupper(Object* self, Object*) {
  bool cased = false;
  for (ssize i = 0; i < str_length(self); i++) {
    UCS4 ch = str_read_char(self, i);
    if (unicode::is_lower(ch) || unicode::is_title(ch)) return bool_from_bool(false);
    if (!cased && unicode::is_upper(ch)) cased = true;
  }
  return bool_from_bool(cased);
}

Object* unicode_istitle(Object* self, Object*) {
  bool cased = false, previous_is_cased = false;
  for (ssize i = 0; i < str_length(self); i++) {
    UCS4 ch = str_read_char(self, i);
    if (unicode::is_upper(ch) || unicode::is_title(ch)) {
      if (previous_is_cased) return bool_from_bool(false);
      previous_is_cased = cased = true;
    } else if (unicode::is_lower(ch)) {
      if (!previous_is_cased) return bool_from_bool(false);
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return bool_from_bool(cased);
}

bool space_pred(char32_t ch) { return is_space(ch); }

// _PyUnicode_ScanIdentifier / PyUnicode_IsIdentifier.
Object* unicode_isidentifier(Object* self, Object*) {
  ssize len = str_length(self);
  if (len == 0) return bool_from_bool(false);
  UCS4 ch = str_read_char(self, 0);
  if (!unicode::is_xid_start(ch) && ch != '_') return bool_from_bool(false);
  for (ssize i = 1; i < len; i++)
    if (!unicode::is_xid_continue(str_read_char(self, i))) return bool_from_bool(false);
  return bool_from_bool(true);
}

Object* unicode_isprintable(Object* self, Object*) {
  for (ssize i = 0; i < str_length(self); i++)
    if (!ucs_is_printable(str_read_char(self, i))) return bool_from_bool(false);
  return bool_from_bool(true);
}

// --- encode, misc -----------------------------------------------------------------------------

// The encoding / errors arguments: str without embedded NULs ("encode() argument 'encoding'
// must be str, not int", "embedded null character").
bool text_arg(const char* fname, const char* display, Object* o, const char** out) {
  if (!o) return true;
  if (!str_check(o)) {
    bad_argument(fname, display, "str", o);
    return false;
  }
  ssize n;
  const char* s = str_as_utf8(o, &n);
  if (!s) return false;
  if (static_cast<ssize>(std::strlen(s)) != n) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  *out = s;
  return true;
}

const char* const kEncodeKeywords[] = {"encoding", "errors", nullptr};
const ArgParser kEncodeParser = {"encode", kEncodeKeywords, 0, 2, 0};

Object* unicode_encode(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (unpack_keywords(kEncodeParser, args, nargs, kwnames, a) < 0) return nullptr;
  const char* encoding = "utf-8";
  const char* errs = "strict";
  if (!text_arg("encode", "'encoding'", a[0], &encoding)) return nullptr;
  if (!text_arg("encode", "'errors'", a[1], &errs)) return nullptr;
  return str_encode(self, encoding, errs);
}

Object* unicode_getnewargs(Object* self, Object*) {
  // _PyUnicode_Copy: always a new object (but for the empty string), never self.
  ssize n = str_length(self);
  Ref<> copy = Ref<>::steal(str_new(n, str_max_char_value(self)));
  if (!copy) return nullptr;
  if (n) std::memcpy(str_data(copy.get()), str_data(self), static_cast<size_t>(n) * str_kind(self));
  return tuple_pack(1, copy.get());
}

// unicode___sizeof___impl. The UTF-8 copy cppy caches on a string is not counted (where
// CPython makes one differs), except for the single characters U+0080..U+00FF, which CPython
// keeps as static strings carrying their two-byte UTF-8 form.
Object* unicode_sizeof(Object* self, Object*) {
  ssize size;
  ssize len = str_length(self);
  if (!str_is_compact(self)) {
    // A two-block string (a subclass instance): the object and its character block.
    size = static_cast<ssize>(sizeof(UnicodeObject)) +
           (len + 1) * static_cast<ssize>(str_kind(self));
  } else if (str_is_ascii(self)) {
    size = static_cast<ssize>(sizeof(AsciiObject)) + len + 1;
  } else {
    size = static_cast<ssize>(sizeof(CompactUnicodeObject)) +
           (len + 1) * static_cast<ssize>(str_kind(self));
    if (len == 1 && str_kind(self) == kKind1) {
      Ref<> cached = Ref<>::steal(str_from_char(str_1byte(self)[0]));
      if (cached.get() == self) size += 3;  // the UTF-8 form (2 bytes) and its NUL
    }
  }
  return long_from_ssize(size);
}

// str.__format__(format_spec, /).
Object* unicode_format_method(Object* self, Object* spec) {
  if (!str_check(spec)) {
    bad_argument("__format__", nullptr, "str", spec);
    return nullptr;
  }
  return format_str_spec(self, spec);
}

MethodDef g_str_methods[] = {
    {"maketrans", fn(unicode_maketrans_method), kMethFastcall | kMethStatic,
     "Return a translation table usable for str.translate()."},
    {"translate", fn(unicode_translate_method), kMethO,
     "Replace each character in the string using the given translation table."},
    {"encode", fn(unicode_encode), kMethFastcall | kMethKeywords,
     "Encode the string using the codec registered for encoding."},
    {"replace", fn(unicode_replace), kMethFastcall | kMethKeywords,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", fn(unicode_split), kMethFastcall | kMethKeywords,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", fn(unicode_rsplit), kMethFastcall | kMethKeywords,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", fn(unicode_join), kMethO, "Concatenate any number of strings."},
    {"capitalize", fn(unicode_capitalize), kMethNoArgs, "Return a capitalized version of the string."},
    {"casefold", fn(unicode_casefold), kMethNoArgs,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", fn(unicode_title), kMethNoArgs,
     "Return a version of the string where each word is titlecased."},
    {"center", fn(unicode_center), kMethFastcall,
     "Return a centered string of length width."},
    {"count", fn(unicode_count), kMethFastcall,
     "Return the number of non-overlapping occurrences of substring sub in string S[start:end]."},
    {"expandtabs", fn(unicode_expandtabs), kMethFastcall | kMethKeywords,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", fn(unicode_find), kMethFastcall,
     "Return the lowest index in S where substring sub is found, such that sub is contained "
     "within S[start:end]."},
    {"partition", fn(unicode_partition), kMethO,
     "Partition the string into three parts using the given separator."},
    {"index", fn(unicode_index), kMethFastcall,
     "Return the lowest index in S where substring sub is found, such that sub is contained "
     "within S[start:end]."},
    {"ljust", fn(unicode_ljust), kMethFastcall, "Return a left-justified string of length width."},
    {"lower", fn(unicode_lower), kMethNoArgs, "Return a copy of the string converted to lowercase."},
    {"lstrip", fn(unicode_lstrip), kMethFastcall,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", fn(unicode_rfind), kMethFastcall,
     "Return the highest index in S where substring sub is found, such that sub is contained "
     "within S[start:end]."},
    {"rindex", fn(unicode_rindex), kMethFastcall,
     "Return the highest index in S where substring sub is found, such that sub is contained "
     "within S[start:end]."},
    {"rjust", fn(unicode_rjust), kMethFastcall, "Return a right-justified string of length width."},
    {"rstrip", fn(unicode_rstrip), kMethFastcall,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", fn(unicode_rpartition), kMethO,
     "Partition the string into three parts using the given separator."},
    {"splitlines", fn(unicode_splitlines), kMethFastcall | kMethKeywords,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", fn(unicode_strip), kMethFastcall,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", fn(unicode_swapcase), kMethNoArgs,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"upper", fn(unicode_upper), kMethNoArgs, "Return a copy of the string converted to uppercase."},
    {"startswith", fn(unicode_startswith), kMethFastcall,
     "Return True if the string starts with the specified prefix, False otherwise."},
    {"endswith", fn(unicode_endswith), kMethFastcall,
     "Return True if the string ends with the specified suffix, False otherwise."},
    {"removeprefix", fn(unicode_removeprefix), kMethO,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", fn(unicode_removesuffix), kMethO,
     "Return a str with the given suffix string removed if present."},
    {"isascii", fn(unicode_isascii), kMethNoArgs,
     "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", fn(unicode_islower), kMethNoArgs,
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", fn(unicode_isupper), kMethNoArgs,
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", fn(unicode_istitle), kMethNoArgs,
     "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", fn(all_chars<space_pred>), kMethNoArgs,
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", fn(all_chars<unicode::is_decimal>), kMethNoArgs,
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", fn(all_chars<unicode::is_digit>), kMethNoArgs,
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", fn(all_chars<unicode::is_numeric>), kMethNoArgs,
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", fn(all_chars<unicode::is_alpha>), kMethNoArgs,
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", fn(all_chars<unicode::is_alnum>), kMethNoArgs,
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", fn(unicode_isidentifier), kMethNoArgs,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", fn(unicode_isprintable), kMethNoArgs,
     "Return True if all characters in the string are printable, False otherwise."},
    {"zfill", fn(unicode_zfill), kMethO,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"__sizeof__", fn(unicode_sizeof), kMethNoArgs, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", fn(unicode_getnewargs), kMethNoArgs, nullptr},
    {"format", fn(str_format), kMethVarargs | kMethKeywords,
     "Return a formatted version of the string, using substitutions from args and kwargs.\nThe "
     "substitutions are identified by braces ('{' and '}')."},
    {"format_map", fn(str_format_map), kMethO,
     "Return a formatted version of the string, using substitutions from mapping.\nThe "
     "substitutions are identified by braces ('{' and '}')."},
    {"__format__", fn(unicode_format_method), kMethO,
     "Return a formatted version of the string as described by format_spec."},
    {nullptr, nullptr, 0, nullptr},
};

// --- subscript ---------------------------------------------------------------------------------

// unicode_subscript: s[i] and s[start:stop:step].
Object* unicode_subscript(Object* self, Object* item) {
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += str_length(self);
    return str_getitem(self, i);
  }
  if (slice_check(item)) {
    ssize start, stop, step;
    if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
    ssize n = slice_adjust_indices(str_length(self), &start, &stop, step);
    if (n <= 0) return new_ref(str_empty());
    if (start == 0 && step == 1 && n == str_length(self)) return unchanged(self);
    if (step == 1) return str_substring(self, start, start + n);
    return str_get_slice(self, start, step, n);
  }
  return errors::format(exc_TypeError, "string indices must be integers, not '%.200s'",
                        item->type->name);
}

// --- construction --------------------------------------------------------------------------------

const char* const kStrKeywords[] = {"object", "encoding", "errors", nullptr};
const ArgParser kStrParser = {"str", kStrKeywords, 0, 3, 0};

// unicode_new_impl for exact str.
Object* unicode_new_exact(Object* x, Object* encoding, Object* errs) {
  if (!x) return new_ref(str_empty());
  if (!encoding && !errs) return object_str(x);
  const char* enc = "utf-8";
  const char* err = "strict";
  if (!text_arg("str", "'encoding'", encoding, &enc)) return nullptr;
  if (!text_arg("str", "'errors'", errs, &err)) return nullptr;
  return str_decode_object(x, enc, err);
}

// unicode_subtype_new: an instance of the subclass holding a copy of the characters.
Object* unicode_subtype_new(TypeObject* type, Object* x, Object* encoding, Object* errs) {
  Ref<> tmp = Ref<>::steal(unicode_new_exact(x, encoding, errs));
  if (!tmp) return nullptr;
  return str_subclass_copy(type, tmp.get());
}

Object* unicode_tp_new(TypeObject* type, Object* args, Object* kwargs) {
  Object* a[3];
  if (unpack_keywords_tuple(kStrParser, args, kwargs, a) < 0) return nullptr;
  if (type != &str_type) return unicode_subtype_new(type, a[0], a[1], a[2]);
  return unicode_new_exact(a[0], a[1], a[2]);
}

// unicode_vectorcall.
Object* unicode_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  auto* t = static_cast<TypeObject*>(type);
  if ((kwnames && tuple_size(kwnames)) || t != &str_type) {
    Ref<> tuple = Ref<>::steal(tuple_from_array(args, nargs));
    if (!tuple) return nullptr;
    Ref<> kw;
    if (kwnames && tuple_size(kwnames)) {
      kw = Ref<>::steal(stack_as_dict(args + nargs, kwnames));
      if (!kw) return nullptr;
    }
    return t->new_(t, tuple.get(), kw.get());
  }
  if (!check_positional("str", nargs, 0, 3)) return nullptr;
  if (nargs == 0) return new_ref(str_empty());
  if (nargs == 1) return object_str(args[0]);
  // arg_as_utf8: its message names the type with %T (NoneType, where the keyword path's
  // _PyArg_BadArgument says None).
  for (ssize i = 1; i < nargs; i++) {
    if (!str_check(args[i]))
      return errors::format(exc_TypeError, "str() argument '%s' must be str, not %s",
                            i == 1 ? "encoding" : "errors", args[i]->type->name);
  }
  return unicode_new_exact(args[0], args[1], nargs > 2 ? args[2] : nullptr);
}

// --- iterators ---------------------------------------------------------------------------------

struct StrIterObject : Object {
  ssize index;
  Object* seq;  // null once exhausted
};

void unicodeiter_dealloc(Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  xdecref(it->seq);
  gc::object_free(o);
}

Object* unicodeiter_next(Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index < str_length(it->seq)) return str_getitem(it->seq, it->index++);
  clear(it->seq);
  return nullptr;
}

Object* unicodeiter_len(Object* o, Object*) {
  auto* it = static_cast<StrIterObject*>(o);
  ssize n = it->seq ? str_length(it->seq) - it->index : 0;
  return long_from_ssize(n < 0 ? 0 : n);
}

// unicodeiter_reduce: (iter, (str,), index), (iter, ('',)) once exhausted.
Object* unicodeiter_reduce(Object* o, Object*) {
  auto* it = static_cast<StrIterObject*>(o);
  if (it->seq) return iter_reduce_indexed(it->seq, it->index);
  Ref<> empty = Ref<>::steal(str_from_cstr(""));
  return empty ? iter_reduce_indexed(nullptr, 0, empty.get()) : nullptr;
}

Object* unicodeiter_setstate(Object* o, Object* state) {
  auto* it = static_cast<StrIterObject*>(o);
  ssize index;
  if (iter_setstate_index(state, &index) < 0) return nullptr;
  if (it->seq) {
    if (index < 0) index = 0;
    else if (index > str_length(it->seq)) index = str_length(it->seq);
    it->index = index;
  }
  return return_none();
}

MethodDef g_unicodeiter_methods[] = {
    {"__length_hint__", fn(unicodeiter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", fn(unicodeiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", fn(unicodeiter_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject make_iter_type(const char* name) {
  TypeObject t = static_type(name, sizeof(StrIterObject), 0, 0);
  t.dealloc = unicodeiter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = unicodeiter_next;
  t.methods = g_unicodeiter_methods;
  return t;
}

}  // namespace

TypeObject str_iter_type = make_iter_type("str_iterator");
TypeObject str_ascii_iter_type = make_iter_type("str_ascii_iterator");

// unicode_iter.
Object* str_iter(Object* s) {
  // PyUnicode_IS_COMPACT_ASCII: a subclass instance (not compact) gets the general one.
  TypeObject* t = str_is_ascii(s) && str_is_compact(s) ? &str_ascii_iter_type : &str_iter_type;
  auto* it = static_cast<StrIterObject*>(gc::object_malloc(sizeof(StrIterObject)));
  if (!it) return errors::no_memory();
  it->refcnt = 1;
  it->type = t;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->index = 0;
  it->seq = new_ref(s);
  return it;
}

namespace {
// unicode_mod: str % args.
Object* unicode_mod(Object* v, Object* w) {
  if (!str_check(v)) return return_not_implemented();
  return str_percent_format(v, w);
}
NumberMethods g_str_as_number = [] {
  NumberMethods n{};
  n.remainder = unicode_mod;
  return n;
}();
}  // namespace

// The parts of str's type that need the object core, filled by unicodeobject.cpp.
void str_fill_type_methods(TypeObject* t, MappingMethods* mapping) {
  t->methods = g_str_methods;
  t->new_ = unicode_tp_new;
  t->vectorcall = unicode_vectorcall;
  t->getattro = object_generic_getattr;
  t->iter = str_iter;
  t->as_number = &g_str_as_number;
  mapping->subscript = unicode_subscript;
}


}  // namespace cppy::objects
