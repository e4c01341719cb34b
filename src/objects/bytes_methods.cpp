// The Python-visible parts of bytes: Objects/bytesobject.c (bytes_new_impl and
// _PyBytes_FromObject, bytes_methods with the clinic wrappers of
// Objects/clinic/bytesobject.c.h, the bytes iterator, bytes.fromhex/hex, join) and the shared
// algorithms of Objects/bytes_methods.c (find/count/index, startswith/endswith, the ASCII case
// and is* methods) and Objects/stringlib (split, partition, strip, pad).
#include <cstring>
#include <string>
#include <string_view>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/bytes_methods.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/clinic_ssize.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrhex.h"
#include "unicode/fastsearch.h"

namespace cppy::objects {

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

// The bytes of self: a bytes or a bytearray (the methods below serve both types, as
// Objects/bytes_methods.c serves both).
std::string_view view(Object* b) {
  if (bytes_check(b))
    return std::string_view(bytes_as_string(b), static_cast<size_t>(bytes_size(b)));
  return bytearray_view(b);
}

Object* make(std::string_view s) {
  return bytes_from_string_and_size(s.data(), static_cast<ssize>(s.size()));
}

// A result of self's kind: bytes for bytes (and its subclasses), bytearray for bytearray.
Object* make_like(Object* self, std::string_view s) {
  if (bytes_check(self)) return make(s);
  return bytearray_from_string_and_size(s.data(), static_cast<ssize>(s.size()));
}

// Exact bytes are immutable: operations that change nothing return the object itself;
// a bytearray always gets a new one.
Object* unchanged(Object* self) {
  if (bytes_check_exact(self)) return new_ref(self);
  return make_like(self, view(self));
}

bool is_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }

// A bytes-like argument ("y*"): any buffer, held by h while *out is used; "a bytes-like
// object is required, not 'str'".
bool bytes_arg(Object* o, BufferHolder* h, std::string_view* out) {
  if (h->get(o) < 0) return false;
  *out = h->sv();
  return true;
}

// ADJUST_INDICES.
void adjust(ssize& start, ssize& end, ssize len) {
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

// parse_args_finds_byte: sub is bytes-like or an int in range(256).
bool parse_finds(const char* name, Object* const* args, ssize nargs, std::string* sub,
                 ssize* start, ssize* end) {
  if (!check_positional(name, nargs, 1, 3)) return false;
  *start = 0;
  *end = PTRDIFF_MAX;
  if (nargs > 1 && args[1] != none() && !eval_slice_index(args[1], start)) return false;
  if (nargs > 2 && args[2] != none() && !eval_slice_index(args[2], end)) return false;
  Object* s = args[0];
  if (object_check_buffer(s)) {
    BufferHolder h;
    if (h.get(s) < 0) return false;
    *sub = std::string(h.sv());
    return true;
  }
  if (index_check(s)) {
    ssize v = number_as_ssize(s, nullptr);
    if (v == -1 && errors::occurred()) return false;
    if (v < 0 || v > 255) {
      errors::set_string(exc_ValueError, "byte must be in range(0, 256)");
      return false;
    }
    *sub = std::string(1, static_cast<char>(v));
    return true;
  }
  errors::format(exc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                 s->type->name);
  return false;
}

// FASTSEARCH over bytes (stringlib's linear-time search, not a naive scan): the index in hay
// of the first (dir > 0) or last occurrence of sub in hay[start:end], or -1; start and end are
// already adjusted. An empty sub is found at start (or end).
ssize fast_find(std::string_view hay, std::string_view sub, ssize start, ssize end, int dir) {
  ssize m = static_cast<ssize>(sub.size());
  if (end - start < m) return -1;
  if (m == 0) return dir > 0 ? start : end;
  auto* h = reinterpret_cast<const uint8_t*>(hay.data()) + start;
  auto* p = reinterpret_cast<const uint8_t*>(sub.data());
  ptrdiff_t r = m == 1 ? (dir > 0 ? unicode::find_char(h, end - start, p[0])
                                  : unicode::rfind_char(h, end - start, p[0]))
                       : unicode::fastsearch(h, end - start, p, m, -1,
                                             dir > 0 ? unicode::SearchMode::Search
                                                     : unicode::SearchMode::RSearch);
  return r < 0 ? -1 : start + r;
}

ssize find_in(std::string_view hay, std::string_view sub, ssize start, ssize end, int dir) {
  adjust(start, end, static_cast<ssize>(hay.size()));
  return fast_find(hay, sub, start, end, dir);
}

Object* do_find(Object* self, Object* const* args, ssize nargs, const char* name, int dir,
                bool raise) {
  std::string sub;
  ssize start, end;
  if (!parse_finds(name, args, nargs, &sub, &start, &end)) return nullptr;
  ssize r = find_in(view(self), sub, start, end, dir);
  if (r < 0 && raise) {
    errors::set_string(exc_ValueError, "subsection not found");
    return nullptr;
  }
  return long_from_ssize(r);
}
Object* b_find(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "find", 1, false); }
Object* b_rfind(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "rfind", -1, false); }
Object* b_index(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "index", 1, true); }
Object* b_rindex(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "rindex", -1, true); }

Object* b_count(Object* self, Object* const* args, ssize nargs) {
  std::string sub;
  ssize start, end;
  if (!parse_finds("count", args, nargs, &sub, &start, &end)) return nullptr;
  std::string_view hay = view(self);
  adjust(start, end, static_cast<ssize>(hay.size()));
  if (end < start) return long_from_long(0);
  if (sub.empty()) return long_from_ssize(end - start + 1);
  if (end - start < static_cast<ssize>(sub.size())) return long_from_long(0);
  auto* h = reinterpret_cast<const uint8_t*>(hay.data()) + start;
  auto* p = reinterpret_cast<const uint8_t*>(sub.data());
  ptrdiff_t n = sub.size() == 1
                    ? unicode::count_char(h, end - start, p[0], unicode::kNoMaxCount)
                    : unicode::fastsearch(h, end - start, p, static_cast<ssize>(sub.size()),
                                          unicode::kNoMaxCount, unicode::SearchMode::Count);
  return long_from_ssize(n < 0 ? 0 : n);
}

// tailmatch for startswith / endswith.
bool tailmatch(std::string_view s, std::string_view sub, ssize start, ssize end, int dir) {
  ssize len = static_cast<ssize>(s.size()), slen = static_cast<ssize>(sub.size());
  adjust(start, end, len);
  end -= slen;
  if (end < start) return false;
  if (slen == 0) return true;
  ssize pos = dir < 0 ? start : end;
  return s.compare(static_cast<size_t>(pos), sub.size(), sub) == 0;
}

Object* do_tailmatch(Object* self, Object* const* args, ssize nargs, const char* name, int dir) {
  if (!check_positional(name, nargs, 1, 3)) return nullptr;
  ssize start = 0, end = PTRDIFF_MAX;
  if (nargs > 1 && args[1] != none() && !eval_slice_index(args[1], &start)) return nullptr;
  if (nargs > 2 && args[2] != none() && !eval_slice_index(args[2], &end)) return nullptr;
  Object* sub = args[0];
  if (tuple_check(sub)) {
    for (ssize i = 0; i < tuple_size(sub); i++) {
      Object* item = tuple_item(sub, i);
      BufferHolder h;
      if (h.get(item) < 0) return nullptr;
      if (tailmatch(view(self), h.sv(), start, end, dir)) return bool_from_bool(true);
    }
    return bool_from_bool(false);
  }
  if (!object_check_buffer(sub)) {
    return errors::format(exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                          name, sub->type->name);
  }
  BufferHolder h;
  if (h.get(sub) < 0) return nullptr;
  return bool_from_bool(tailmatch(view(self), h.sv(), start, end, dir));
}
Object* b_startswith(Object* s, Object* const* a, ssize n) {
  return do_tailmatch(s, a, n, "startswith", -1);
}
Object* b_endswith(Object* s, Object* const* a, ssize n) {
  return do_tailmatch(s, a, n, "endswith", 1);
}

const char* const kDecodeKeywords[] = {"encoding", "errors", nullptr};
const ArgParser kDecodeParser = {"decode", kDecodeKeywords, 0, 2, 0};

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

Object* b_decode(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (unpack_keywords(kDecodeParser, args, nargs, kwnames, a) < 0) return nullptr;
  const char* encoding = "utf-8";
  const char* errs = "strict";
  if (!text_arg("decode", "'encoding'", a[0], &encoding)) return nullptr;
  if (!text_arg("decode", "'errors'", a[1], &errs)) return nullptr;
  return str_decode_object(self, encoding, errs);
}

const char* const kHexKeywords[] = {"sep", "bytes_per_sep", nullptr};
const ArgParser kHexParser = {"hex", kHexKeywords, 0, 2, 0};

Object* b_hex(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (unpack_keywords(kHexParser, args, nargs, kwnames, a) < 0) return nullptr;
  char sep = 0;
  const bool has_sep = a[0] != nullptr;
  if (a[0]) {
    // _Py_strhex_impl: the length first (PyObject_Length), then the type, then ASCII.
    ssize seplen = object_length(a[0]);
    if (seplen < 0) return nullptr;
    if (seplen != 1) {
      errors::set_string(exc_ValueError, "sep must be length 1.");
      return nullptr;
    }
    unsigned sep_char;
    if (str_check(a[0])) {
      if (str_kind(a[0]) != kKind1) {
        errors::set_string(exc_ValueError, "sep must be ASCII.");
        return nullptr;
      }
      sep_char = str_read_char(a[0], 0);
    } else if (bytes_check(a[0])) {
      sep_char = static_cast<unsigned char>(bytes_as_string(a[0])[0]);
    } else {
      errors::set_string(exc_TypeError, "sep must be str or bytes.");
      return nullptr;
    }
    if (sep_char > 127) {
      errors::set_string(exc_ValueError, "sep must be ASCII.");
      return nullptr;
    }
    sep = static_cast<char>(sep_char);
  }
  int per = 1;
  if (a[1]) {
    per = long_as_int(a[1]);
    if (per == -1 && errors::occurred()) return nullptr;
  }
  std::string_view data = view(self);
  std::string h = pystrconv::strhex(reinterpret_cast<const unsigned char*>(data.data()),
                                    data.size(), sep, has_sep ? per : 0);
  return str_from_ascii(h.data(), static_cast<ssize>(h.size()));
}

int hexval(UCS4 c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// bytes.fromhex(string, /) (a classmethod): _PyBytes_FromHex.
Object* b_fromhex(Object* type, Object* arg) {
  std::u32string text;
  if (str_check(arg)) {
    for (ssize i = 0; i < str_length(arg); i++) text += static_cast<char32_t>(str_read_char(arg, i));
  } else if (object_check_buffer(arg)) {
    BufferHolder h;
    if (h.get(arg) < 0) return nullptr;
    for (unsigned char c : h.sv()) text += c;
  } else {
    // bytes_fromhex_impl formats the type name itself (NoneType, not None).
    return errors::format(exc_TypeError, "fromhex() argument must be str or bytes-like, not %s",
                          arg->type->name);
  }
  std::string out;
  size_t i = 0, n = text.size();
  while (i < n) {
    if (text[i] == ' ' || (text[i] >= 9 && text[i] <= 13)) {
      i++;
      continue;
    }
    int hi = hexval(text[i]);
    if (hi < 0 || i + 1 >= n || hexval(text[i + 1]) < 0) {
      if (hi >= 0 && i + 1 >= n) {
        errors::set_string(exc_ValueError,
                           "fromhex() arg must contain an even number of hexadecimal digits");
        return nullptr;
      }
      size_t pos = hi < 0 ? i : i + 1;
      errors::format(exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd",
                     static_cast<ssize>(pos));
      return nullptr;
    }
    out.push_back(static_cast<char>(hi * 16 + hexval(text[i + 1])));
    i += 2;
  }
  bool ba = is_subtype(static_cast<TypeObject*>(type), &bytearray_type);
  Ref<> r = Ref<>::steal(
      ba ? bytearray_from_string_and_size(out.data(), static_cast<ssize>(out.size())) : make(out));
  if (!r) return nullptr;
  if (type != &bytes_type && type != &bytearray_type) return object_call_one_arg(type, r.get());
  return r.release();
}

// bytes.join(iterable_of_bytes, /): stringlib/join.h.
Object* b_join(Object* self, Object* iterable) {
  Ref<> seq = Ref<>::steal(sequence_fast(iterable, "can only join an iterable"));
  if (!seq) return nullptr;
  ssize n = list_check(seq.get()) ? list_size(seq.get()) : tuple_size(seq.get());
  Object** items = list_check(seq.get()) ? list_items(seq.get()) : tuple_items(seq.get());
  std::string out;
  for (ssize i = 0; i < n; i++) {
    if (!object_check_buffer(items[i])) {
      return errors::format(exc_TypeError,
                            "sequence item %zd: expected a bytes-like object, %.80s found", i,
                            items[i]->type->name);
    }
    BufferHolder h;
    if (h.get(items[i]) < 0) return nullptr;
    if (i) out += view(self);
    out += h.sv();
  }
  return make_like(self, out);
}

// --- split / partition / strip ------------------------------------------------------------

const char* const kSplitKeywords[] = {"sep", "maxsplit", nullptr};

bool parse_split(const char* name, Object* const* args, ssize nargs, Object* kwnames,
                 std::string* sep, bool* has_sep, ssize* maxsplit) {
  ArgParser p = {name, kSplitKeywords, 0, 2, 0};
  Object* a[2];
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return false;
  *has_sep = a[0] && a[0] != none();
  if (*has_sep) {
    std::string_view v;
    BufferHolder h;
    if (!bytes_arg(a[0], &h, &v)) return false;
    *sep = std::string(v);
    if (sep->empty()) {
      errors::set_string(exc_ValueError, "empty separator");
      return false;
    }
  }
  *maxsplit = -1;
  if (a[1]) {
    *maxsplit = clinic_ssize(a[1]);
    if (*maxsplit == -1 && errors::occurred()) return false;
  }
  if (*maxsplit < 0) *maxsplit = PTRDIFF_MAX;
  return true;
}

int add_piece(Object* self, Object* list, std::string_view s, ssize start, ssize end) {
  Ref<> piece = Ref<>::steal(make_like(self, s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start))));
  if (!piece) return -1;
  return list_append(list, piece.get());
}

Object* b_split(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  std::string sep;
  bool has_sep;
  ssize maxcount;
  if (!parse_split("split", args, nargs, kwnames, &sep, &has_sep, &maxcount)) return nullptr;
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  std::string_view s = view(self);
  ssize len = static_cast<ssize>(s.size());
  auto at = [&](ssize i) { return static_cast<unsigned char>(s[static_cast<size_t>(i)]); };
  if (!has_sep) {
    ssize i = 0, j;
    while (maxcount-- > 0) {
      while (i < len && is_space(at(i))) i++;
      if (i == len) break;
      j = i++;
      while (i < len && !is_space(at(i))) i++;
      if (add_piece(self, list.get(), s, j, i) < 0) return nullptr;
    }
    if (i < len) {
      while (i < len && is_space(at(i))) i++;
      if (i != len && add_piece(self, list.get(), s, i, len) < 0) return nullptr;
    }
    return list.release();
  }
  ssize i = 0;
  while (maxcount-- > 0) {
    ssize pos = fast_find(s, sep, i, len, 1);
    if (pos < 0) break;
    if (add_piece(self, list.get(), s, i, pos) < 0) return nullptr;
    i = pos + static_cast<ssize>(sep.size());
  }
  if (add_piece(self, list.get(), s, i, len) < 0) return nullptr;
  return list.release();
}

Object* b_rsplit(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  std::string sep;
  bool has_sep;
  ssize maxcount;
  if (!parse_split("rsplit", args, nargs, kwnames, &sep, &has_sep, &maxcount)) return nullptr;
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  std::string_view s = view(self);
  ssize len = static_cast<ssize>(s.size());
  auto at = [&](ssize i) { return static_cast<unsigned char>(s[static_cast<size_t>(i)]); };
  if (!has_sep) {
    ssize i = len - 1, j;
    while (maxcount-- > 0) {
      while (i >= 0 && is_space(at(i))) i--;
      if (i < 0) break;
      j = i--;
      while (i >= 0 && !is_space(at(i))) i--;
      if (add_piece(self, list.get(), s, i + 1, j + 1) < 0) return nullptr;
    }
    if (i >= 0) {
      while (i >= 0 && is_space(at(i))) i--;
      if (i >= 0 && add_piece(self, list.get(), s, 0, i + 1) < 0) return nullptr;
    }
  } else {
    ssize j = len;
    while (maxcount-- > 0) {
      ssize pos = find_in(s, sep, 0, j, -1);
      if (pos < 0) break;
      if (add_piece(self, list.get(), s, pos + static_cast<ssize>(sep.size()), j) < 0) return nullptr;
      j = pos;
    }
    if (add_piece(self, list.get(), s, 0, j) < 0) return nullptr;
  }
  if (list_reverse(list.get()) < 0) return nullptr;
  return list.release();
}

const char* const kSplitlinesKeywords[] = {"keepends", nullptr};
const ArgParser kSplitlinesParser = {"splitlines", kSplitlinesKeywords, 0, 1, 0};

Object* b_splitlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (unpack_keywords(kSplitlinesParser, args, nargs, kwnames, a) < 0) return nullptr;
  bool keepends = false;
  if (a[0]) {
    int t = object_is_true(a[0]);
    if (t < 0) return nullptr;
    keepends = t;
  }
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  std::string_view s = view(self);
  ssize len = static_cast<ssize>(s.size()), i = 0, j = 0;
  while (i < len) {
    while (i < len && s[static_cast<size_t>(i)] != '\n' && s[static_cast<size_t>(i)] != '\r') i++;
    ssize eol = i;
    if (i < len) {
      if (s[static_cast<size_t>(i)] == '\r' && i + 1 < len && s[static_cast<size_t>(i + 1)] == '\n')
        i += 2;
      else
        i++;
      if (keepends) eol = i;
    }
    if (add_piece(self, list.get(), s, j, eol) < 0) return nullptr;
    j = i;
  }
  return list.release();
}

Object* do_partition(Object* self, Object* sep_obj, int dir) {
  std::string_view sep;
  BufferHolder h;
  if (!bytes_arg(sep_obj, &h, &sep)) return nullptr;
  if (sep.empty()) {
    errors::set_string(exc_ValueError, "empty separator");
    return nullptr;
  }
  std::string_view s = view(self);
  ssize pos = find_in(s, sep, 0, static_cast<ssize>(s.size()), dir);
  bool ba = !bytes_check(self);
  // bytearray.partition makes a bytearray of the separator first (PyByteArray_FromObject);
  // bytes.partition returns the separator object itself.
  Ref<> empty = Ref<>::steal(make_like(self, ""));
  if (!empty) return nullptr;
  if (pos < 0) {
    Ref<> whole = Ref<>::steal(unchanged(self));
    // Each empty part of a bytearray is a new object (STRINGLIB_NEW); bytes share b''.
    Ref<> empty2 = ba ? Ref<>::steal(make_like(self, "")) : empty;
    if (!whole || !empty2) return nullptr;
    if (dir > 0) return tuple_pack(3, whole.get(), empty.get(), empty2.get());
    return tuple_pack(3, empty.get(), empty2.get(), whole.get());
  }
  Ref<> before = Ref<>::steal(make_like(self, s.substr(0, static_cast<size_t>(pos))));
  Ref<> mid = ba ? Ref<>::steal(make_like(self, sep)) : Ref<>::borrow(sep_obj);
  Ref<> after = Ref<>::steal(make_like(self, s.substr(static_cast<size_t>(pos) + sep.size())));
  if (!before || !mid || !after) return nullptr;
  return tuple_pack(3, before.get(), mid.get(), after.get());
}
Object* b_partition(Object* s, Object* sep) { return do_partition(s, sep, 1); }
Object* b_rpartition(Object* s, Object* sep) { return do_partition(s, sep, -1); }

// do_xstrip / do_strip: which 0 left, 1 right, 2 both.
Object* do_strip(Object* self, Object* const* args, ssize nargs, const char* name, int which) {
  if (!check_positional(name, nargs, 0, 1)) return nullptr;
  std::string_view chars = " \t\n\r\x0b\x0c";
  bool custom = nargs && args[0] != none();
  BufferHolder h;
  if (custom && !bytes_arg(args[0], &h, &chars)) return nullptr;
  std::string_view s = view(self);
  size_t i = 0, j = s.size();
  if (which != 1)
    while (i < j && chars.find(s[i]) != std::string_view::npos) i++;
  if (which != 0)
    while (j > i && chars.find(s[j - 1]) != std::string_view::npos) j--;
  if (i == 0 && j == s.size()) return unchanged(self);
  return make_like(self, s.substr(i, j - i));
}
Object* b_strip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "strip", 2); }
Object* b_lstrip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "lstrip", 0); }
Object* b_rstrip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "rstrip", 1); }

// bytes.replace(old, new, count=-1, /): positional-only (METH_FASTCALL).
Object* b_replace(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("replace", nargs, 2, 3)) return nullptr;
  Object* a[3] = {args[0], args[1], nargs > 2 ? args[2] : nullptr};
  std::string_view from, to;
  BufferHolder hf, ht;
  if (!bytes_arg(a[0], &hf, &from) || !bytes_arg(a[1], &ht, &to)) return nullptr;
  ssize count = -1;
  if (a[2]) {
    count = clinic_ssize(a[2]);
    if (count == -1 && errors::occurred()) return nullptr;
  }
  if (count < 0) count = PTRDIFF_MAX;
  std::string_view s = view(self);
  std::string out;
  ssize done = 0;
  if (from.empty()) {
    for (size_t i = 0; i <= s.size(); i++) {
      if (done < count) {
        out += to;
        done++;
      }
      if (i < s.size()) out += s[i];
    }
    return make_like(self, out);
  }
  size_t i = 0;
  while (done < count) {
    ssize found = fast_find(s, from, static_cast<ssize>(i), static_cast<ssize>(s.size()), 1);
    if (found < 0) break;
    size_t p = static_cast<size_t>(found);
    out += s.substr(i, p - i);
    out += to;
    i = p + from.size();
    done++;
  }
  if (done == 0) return unchanged(self);
  out += s.substr(i);
  return make_like(self, out);
}

// --- case and predicates (Objects/bytes_methods.c) -------------------------------------------

template <unsigned char (*F)(unsigned char)>
Object* map_bytes(Object* self, Object*) {
  std::string s(view(self));
  for (char& c : s) c = static_cast<char>(F(static_cast<unsigned char>(c)));
  return make_like(self, s);
}
unsigned char to_lower(unsigned char c) { return is_upper(c) ? c + 32 : c; }
unsigned char to_upper(unsigned char c) { return is_lower(c) ? c - 32 : c; }
unsigned char swap_case(unsigned char c) { return is_upper(c) ? c + 32 : is_lower(c) ? c - 32 : c; }

Object* b_title(Object* self, Object*) {
  std::string s(view(self));
  bool previous_is_cased = false;
  for (char& ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (is_lower(c)) {
      if (!previous_is_cased) c = to_upper(c);
      previous_is_cased = true;
    } else if (is_upper(c)) {
      if (previous_is_cased) c = to_lower(c);
      previous_is_cased = true;
    } else {
      previous_is_cased = false;
    }
    ch = static_cast<char>(c);
  }
  return make_like(self, s);
}

Object* b_capitalize(Object* self, Object*) {
  std::string s(view(self));
  for (size_t i = 0; i < s.size(); i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    s[i] = static_cast<char>(i == 0 ? to_upper(c) : to_lower(c));
  }
  return make_like(self, s);
}

template <bool (*P)(unsigned char)>
Object* all_bytes(Object* self, Object*) {
  std::string_view s = view(self);
  if (s.empty()) return bool_from_bool(false);
  for (unsigned char c : s)
    if (!P(c)) return bool_from_bool(false);
  return bool_from_bool(true);
}

Object* b_isascii(Object* self, Object*) {
  for (unsigned char c : view(self))
    if (c >= 128) return bool_from_bool(false);
  return bool_from_bool(true);
}

Object* b_islower(Object* self, Object*) {
  bool cased = false;
  for (unsigned char c : view(self)) {
    if (is_upper(c)) return bool_from_bool(false);
    if (is_lower(c)) cased = true;
  }
  return bool_from_bool(cased);
}

Object* b_isupper(Object* self, Object*) {
  bool cased = false;
  for (unsigned char c : view(self)) {
    if (is_lower(c)) return bool_from_bool(false);
    if (is_upper(c)) cased = true;
  }
  return bool_from_bool(cased);
}

Object* b_istitle(Object* self, Object*) {
  bool cased = false, previous_is_cased = false;
  for (unsigned char c : view(self)) {
    if (is_upper(c)) {
      if (previous_is_cased) return bool_from_bool(false);
      previous_is_cased = cased = true;
    } else if (is_lower(c)) {
      if (!previous_is_cased) return bool_from_bool(false);
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return bool_from_bool(cased);
}

// --- padding ---------------------------------------------------------------------------------

bool parse_pad(const char* name, Object* const* args, ssize nargs, ssize* width, char* fill) {
  if (!check_positional(name, nargs, 1, 2)) return false;
  *width = clinic_ssize(args[0]);
  if (*width == -1 && errors::occurred()) return false;
  *fill = ' ';
  if (nargs > 1) {
    Object* f = args[1];
    if ((bytes_check(f) || bytearray_check(f)) && view(f).size() == 1) {
      *fill = view(f)[0];
    } else if (bytes_check(f) || bytearray_check(f)) {
      errors::format(exc_TypeError,
                     "%s(): argument 2 must be a byte string of length 1, not a %s object of "
                     "length %zd",
                     name, bytes_check(f) ? "bytes" : "bytearray",
                     static_cast<ssize>(view(f).size()));
      return false;
    } else {
      errors::format(exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s",
                     name, f->type->name);
      return false;
    }
  }
  return true;
}

// A new, uninitialised result of self's kind with n bytes (*buf points at them); the result
// is built in place so an impossible size is MemoryError rather than a failed std::string.
Object* alloc_like(Object* self, ssize n, char** buf) {
  Object* r = bytes_check(self) ? bytes_from_string_and_size(nullptr, n)
                                : bytearray_from_string_and_size(nullptr, n);
  if (r) *buf = bytes_check(r) ? bytes_as_string(r) : bytearray_as_string(r);
  return r;
}

// stringlib pad: left/right fill bytes around self.
Object* pad(Object* self, ssize left, ssize right, char fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return unchanged(self);
  std::string_view s = view(self);
  ssize len = static_cast<ssize>(s.size());
  if (left > PTRDIFF_MAX - len || right > PTRDIFF_MAX - len - left) return errors::no_memory();
  char* buf = nullptr;
  Object* r = alloc_like(self, left + len + right, &buf);
  if (!r) return nullptr;
  std::memset(buf, fill, static_cast<size_t>(left));
  if (len) std::memcpy(buf + left, s.data(), static_cast<size_t>(len));
  std::memset(buf + left + len, fill, static_cast<size_t>(right));
  return r;
}

Object* b_center(Object* self, Object* const* args, ssize nargs) {
  ssize width;
  char fill;
  if (!parse_pad("center", args, nargs, &width, &fill)) return nullptr;
  ssize len = static_cast<ssize>(view(self).size());
  if (len >= width) return unchanged(self);
  ssize marg = width - len, left = marg / 2 + (marg & width & 1);
  return pad(self, left, marg - left, fill);
}
Object* b_ljust(Object* self, Object* const* args, ssize nargs) {
  ssize width;
  char fill;
  if (!parse_pad("ljust", args, nargs, &width, &fill)) return nullptr;
  return pad(self, 0, width - static_cast<ssize>(view(self).size()), fill);
}
Object* b_rjust(Object* self, Object* const* args, ssize nargs) {
  ssize width;
  char fill;
  if (!parse_pad("rjust", args, nargs, &width, &fill)) return nullptr;
  return pad(self, width - static_cast<ssize>(view(self).size()), 0, fill);
}

Object* b_zfill(Object* self, Object* arg) {
  ssize width = clinic_ssize(arg);
  if (width == -1 && errors::occurred()) return nullptr;
  std::string_view s = view(self);
  ssize len = static_cast<ssize>(s.size());
  if (len >= width) return unchanged(self);
  ssize fill = width - len;
  char* buf = nullptr;
  Object* r = alloc_like(self, width, &buf);
  if (!r) return nullptr;
  std::memset(buf, '0', static_cast<size_t>(fill));
  if (len) std::memcpy(buf + fill, s.data(), static_cast<size_t>(len));
  if (len && (s[0] == '+' || s[0] == '-')) {
    buf[0] = s[0];
    buf[fill] = '0';
  }
  return r;
}

Object* do_affix(Object* self, Object* arg, int dir) {
  std::string_view a;
  BufferHolder h;
  if (!bytes_arg(arg, &h, &a)) return nullptr;
  std::string_view s = view(self);
  if (a.size() <= s.size()) {
    if (dir < 0 && s.substr(0, a.size()) == a) return make_like(self, s.substr(a.size()));
    if (dir > 0 && s.substr(s.size() - a.size()) == a)
      return make_like(self, s.substr(0, s.size() - a.size()));
  }
  return unchanged(self);
}
Object* b_removeprefix(Object* s, Object* a) { return do_affix(s, a, -1); }
Object* b_removesuffix(Object* s, Object* a) { return do_affix(s, a, 1); }

Object* b_getnewargs(Object* self, Object*) {
  Ref<> copy = Ref<>::steal(make(view(self)));
  if (!copy) return nullptr;
  return tuple_pack(1, copy.get());
}

Object* b_bytes(Object* self, Object*) { return unchanged(self); }

// expandtabs(tabsize=8): stringlib/transmogrify.h.
const char* const kExpandtabsKeywords[] = {"tabsize", nullptr};
const ArgParser kExpandtabsParser = {"expandtabs", kExpandtabsKeywords, 0, 1, 0};

Object* b_expandtabs(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (unpack_keywords(kExpandtabsParser, args, nargs, kwnames, a) < 0) return nullptr;
  int tabsize = 8;
  if (a[0]) {
    tabsize = long_as_int(a[0]);
    if (tabsize == -1 && errors::occurred()) return nullptr;
  }
  std::string_view s = view(self);
  if (s.find('\t') == std::string_view::npos) return unchanged(self);
  std::string out;
  ssize j = 0;
  for (char c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        ssize incr = tabsize - (j % tabsize);
        j += incr;
        out.append(static_cast<size_t>(incr), ' ');
      }
    } else {
      j++;
      out.push_back(c);
      if (c == '\n' || c == '\r') j = 0;
    }
  }
  return make_like(self, out);
}

// translate(table, /, delete=b''): bytes_translate_impl / bytearray_translate_impl.
const char* const kTranslateKeywords[] = {"", "delete", nullptr};
const ArgParser kTranslateParser = {"translate", kTranslateKeywords, 1, 2, 0};

Object* b_translate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (unpack_keywords(kTranslateParser, args, nargs, kwnames, a) < 0) return nullptr;
  BufferHolder table, del;
  const char* table_chars = nullptr;
  if (a[0] != none()) {
    if (table.get(a[0]) < 0) return nullptr;
    if (table.size() != 256) {
      errors::set_string(exc_ValueError, "translation table must be 256 characters long");
      return nullptr;
    }
    table_chars = table.data();
  }
  std::string_view deletechars;
  if (a[1] && !bytes_arg(a[1], &del, &deletechars)) return nullptr;
  bool deleted[256] = {};
  for (unsigned char c : deletechars) deleted[c] = true;
  std::string_view s = view(self);
  std::string out;
  out.reserve(s.size());
  bool changed = false;
  for (unsigned char c : s) {
    if (deleted[c]) {
      changed = true;
      continue;
    }
    unsigned char t = table_chars ? static_cast<unsigned char>(table_chars[c]) : c;
    if (t != c) changed = true;
    out.push_back(static_cast<char>(t));
  }
  if (!changed) return unchanged(self);
  return make_like(self, out);
}

// bytes.maketrans(frm, to, /): a static method of bytes and bytearray.
Object* b_maketrans(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("maketrans", nargs, 2, 2)) return nullptr;
  return bytes_maketrans(args[0], args[1]);
}

MethodDef g_bytes_methods[] = {
    {"__getnewargs__", fn(b_getnewargs), kMethNoArgs, nullptr},
    {"__bytes__", fn(b_bytes), kMethNoArgs, "Convert this value to exact type bytes."},
    {"capitalize", fn(b_capitalize), kMethNoArgs, "B.capitalize() -> copy of B"},
    {"center", fn(b_center), kMethFastcall, "Return a centered string of length width."},
    {"count", fn(b_count), kMethFastcall,
     "Return the number of non-overlapping occurrences of subsection 'sub' in bytes B[start:end]."},
    {"decode", fn(b_decode), kMethFastcall | kMethKeywords,
     "Decode the bytes using the codec registered for encoding."},
    {"expandtabs", fn(b_expandtabs), kMethFastcall | kMethKeywords,
     "Return a copy where all tab characters are expanded using spaces."},
    {"endswith", fn(b_endswith), kMethFastcall,
     "Return True if the bytes ends with the specified suffix, False otherwise."},
    {"find", fn(b_find), kMethFastcall,
     "Return the lowest index in B where subsection 'sub' is found, such that 'sub' is "
     "contained within B[start:end]."},
    {"fromhex", fn(b_fromhex), kMethO | kMethClass,
     "Create a bytes object from a string of hexadecimal numbers."},
    {"hex", fn(b_hex), kMethFastcall | kMethKeywords,
     "Create a string of hexadecimal numbers from a bytes object."},
    {"index", fn(b_index), kMethFastcall,
     "Return the lowest index in B where subsection 'sub' is found, such that 'sub' is "
     "contained within B[start:end]."},
    {"isalnum", fn(all_bytes<is_alnum>), kMethNoArgs, nullptr},
    {"isalpha", fn(all_bytes<is_alpha>), kMethNoArgs, nullptr},
    {"isascii", fn(b_isascii), kMethNoArgs, nullptr},
    {"isdigit", fn(all_bytes<is_digit>), kMethNoArgs, nullptr},
    {"islower", fn(b_islower), kMethNoArgs, nullptr},
    {"isspace", fn(all_bytes<is_space>), kMethNoArgs, nullptr},
    {"istitle", fn(b_istitle), kMethNoArgs, nullptr},
    {"isupper", fn(b_isupper), kMethNoArgs, nullptr},
    {"join", fn(b_join), kMethO, "Concatenate any number of bytes objects."},
    {"ljust", fn(b_ljust), kMethFastcall, "Return a left-justified string of length width."},
    {"lower", fn(map_bytes<to_lower>), kMethNoArgs, "B.lower() -> copy of B"},
    {"lstrip", fn(b_lstrip), kMethFastcall, "Strip leading bytes contained in the argument."},
    {"maketrans", fn(b_maketrans), kMethFastcall | kMethStatic,
     "Return a translation table usable for the bytes or bytearray translate method."},
    {"partition", fn(b_partition), kMethO,
     "Partition the bytes into three parts using the given separator."},
    {"replace", fn(b_replace), kMethFastcall,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"removeprefix", fn(b_removeprefix), kMethO,
     "Return a bytes object with the given prefix string removed if present."},
    {"removesuffix", fn(b_removesuffix), kMethO,
     "Return a bytes object with the given suffix string removed if present."},
    {"rfind", fn(b_rfind), kMethFastcall,
     "Return the highest index in B where subsection 'sub' is found, such that 'sub' is "
     "contained within B[start:end]."},
    {"rindex", fn(b_rindex), kMethFastcall,
     "Return the highest index in B where subsection 'sub' is found, such that 'sub' is "
     "contained within B[start:end]."},
    {"rjust", fn(b_rjust), kMethFastcall, "Return a right-justified string of length width."},
    {"rpartition", fn(b_rpartition), kMethO,
     "Partition the bytes into three parts using the given separator."},
    {"rsplit", fn(b_rsplit), kMethFastcall | kMethKeywords,
     "Return a list of the sections in the bytes, using sep as the delimiter."},
    {"rstrip", fn(b_rstrip), kMethFastcall, "Strip trailing bytes contained in the argument."},
    {"split", fn(b_split), kMethFastcall | kMethKeywords,
     "Return a list of the sections in the bytes, using sep as the delimiter."},
    {"splitlines", fn(b_splitlines), kMethFastcall | kMethKeywords,
     "Return a list of the lines in the bytes, breaking at line boundaries."},
    {"startswith", fn(b_startswith), kMethFastcall,
     "Return True if the bytes starts with the specified prefix, False otherwise."},
    {"strip", fn(b_strip), kMethFastcall,
     "Strip leading and trailing bytes contained in the argument."},
    {"swapcase", fn(map_bytes<swap_case>), kMethNoArgs, "B.swapcase() -> copy of B"},
    {"title", fn(b_title), kMethNoArgs, "B.title() -> copy of B"},
    {"translate", fn(b_translate), kMethFastcall | kMethKeywords,
     "Return a copy with each character mapped by the given translation table."},
    {"upper", fn(map_bytes<to_upper>), kMethNoArgs, "B.upper() -> copy of B"},
    {"zfill", fn(b_zfill), kMethO,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {nullptr, nullptr, 0, nullptr},
};

// --- construction ------------------------------------------------------------------------------

// _PyBytes_FromObject / PyBytes_FromObject without bytes: an iterable of ints.
Object* from_iterable(Object* x) {
  std::string buf;
  if (bytes_collect_ints(x, "bytes", &buf) < 0) return nullptr;
  return make(buf);
}

const char* const kBytesKeywords[] = {"source", "encoding", "errors", nullptr};
const ArgParser kBytesParser = {"bytes", kBytesKeywords, 0, 3, 0};

// bytes_new_impl for exact bytes.
Object* bytes_new_exact(Object* x, Object* encoding, Object* errs) {
  // The clinic's str converters run before bytes_new_impl.
  const char* enc = "utf-8";
  const char* err = "strict";
  if (!text_arg("bytes", "'encoding'", encoding, &enc)) return nullptr;
  if (!text_arg("bytes", "'errors'", errs, &err)) return nullptr;
  if (!x) {
    if (encoding || errs) {
      errors::set_string(exc_TypeError, encoding ? "encoding without a string argument"
                                                 : "errors without a string argument");
      return nullptr;
    }
    return make("");
  }
  if (encoding) {
    if (!str_check(x)) {
      errors::set_string(exc_TypeError, "encoding without a string argument");
      return nullptr;
    }
    return str_encode(x, enc, err);
  }
  if (errs) {
    errors::set_string(exc_TypeError, str_check(x) ? "string argument without an encoding"
                                                   : "errors without a string argument");
    return nullptr;
  }
  static Object* bytes_name = str_intern_from_cstr("__bytes__");
  Ref<> f = Ref<>::steal(lookup_special(x, bytes_name));
  if (f) {
    Object* r = object_call_no_args(f.get());
    if (r && !bytes_check(r)) {
      errors::format(exc_TypeError, "__bytes__ returned non-bytes (type %.200s)", r->type->name);
      decref(r);
      return nullptr;
    }
    return r;
  }
  if (errors::occurred()) return nullptr;
  if (str_check(x)) {
    errors::set_string(exc_TypeError, "string argument without an encoding");
    return nullptr;
  }
  if (index_check(x)) {
    ssize size = number_as_ssize(x, exc_OverflowError);
    if (size == -1 && errors::occurred()) {
      if (!errors::exception_matches(exc_TypeError)) return nullptr;
      errors::clear();
    } else {
      if (size < 0) {
        errors::set_string(exc_ValueError, "negative count");
        return nullptr;
      }
      Object* r = bytes_from_string_and_size(nullptr, size);
      if (r) std::memset(bytes_as_string(r), 0, static_cast<size_t>(size));
      return r;
    }
  }
  if (bytes_check(x)) return make(view(x));
  if (object_check_buffer(x)) return bytes_from_buffer(x, false);
  return from_iterable(x);
}

Object* bytes_tp_new(TypeObject* type, Object* args, Object* kwargs) {
  Object* a[3];
  if (unpack_keywords_tuple(kBytesParser, args, kwargs, a) < 0) return nullptr;
  Ref<> r = Ref<>::steal(bytes_new_exact(a[0], a[1], a[2]));
  if (!r || type == &bytes_type) return r.release();
  // bytes_subtype_new: a copy in an instance of the subclass.
  ssize n = bytes_size(r.get());
  Object* o = type->alloc(type, n);
  if (!o) return nullptr;
  auto* b = static_cast<BytesObject*>(o);
  std::memcpy(b->ob_sval, bytes_as_string(r.get()), static_cast<size_t>(n) + 1);
  b->ob_shash = -1;
  return o;
}

Object* bytes_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  auto* t = static_cast<TypeObject*>(type);
  Ref<> tuple = Ref<>::steal(tuple_from_array(args, nargs));
  if (!tuple) return nullptr;
  Ref<> kw;
  if (kwnames && tuple_size(kwnames)) {
    kw = Ref<>::steal(stack_as_dict(args + nargs, kwnames));
    if (!kw) return nullptr;
  }
  return bytes_tp_new(t, tuple.get(), kw.get());
}

// --- the iterator -----------------------------------------------------------------------------

struct BytesIterObject : Object {
  ssize index;
  Object* seq;
};

void bytesiter_dealloc(Object* o) {
  auto* it = static_cast<BytesIterObject*>(o);
  xdecref(it->seq);
  gc::object_free(o);
}

Object* bytesiter_next(Object* o) {
  auto* it = static_cast<BytesIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index < bytes_size(it->seq))
    return long_from_long(static_cast<unsigned char>(bytes_as_string(it->seq)[it->index++]));
  clear(it->seq);
  return nullptr;
}

Object* bytesiter_len(Object* o, Object*) {
  auto* it = static_cast<BytesIterObject*>(o);
  return long_from_ssize(it->seq ? bytes_size(it->seq) - it->index : 0);
}

// striter_reduce (bytesobject.c): (iter, (bytes,), index), (iter, ((),)) once exhausted.
Object* bytesiter_reduce(Object* o, Object*) {
  auto* it = static_cast<BytesIterObject*>(o);
  return iter_reduce_indexed(it->seq, it->index);
}
// striter_setstate: the index clipped to [0, len].
Object* bytesiter_setstate(Object* o, Object* state) {
  auto* it = static_cast<BytesIterObject*>(o);
  ssize index;
  if (iter_setstate_index(state, &index) < 0) return nullptr;
  if (it->seq) {
    if (index < 0) index = 0;
    else if (index > bytes_size(it->seq)) index = bytes_size(it->seq);
    it->index = index;
  }
  return new_ref(none());
}

MethodDef g_bytesiter_methods[] = {
    {"__length_hint__", fn(bytesiter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", fn(bytesiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", fn(bytesiter_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr},
};

Object* bytes_iter(Object* seq) {
  auto* it = static_cast<BytesIterObject*>(gc::object_malloc(sizeof(BytesIterObject)));
  if (!it) return errors::no_memory();
  it->refcnt = 1;
  it->type = &bytesiter_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->index = 0;
  it->seq = new_ref(seq);
  return it;
}

}  // namespace

// _PyBytes_FromBuffer / _PyByteArray_FromBufferObject: a C-contiguous copy of x's buffer.
Object* bytes_from_buffer(Object* x, bool bytearray) {
  Buffer v;
  if (object_get_buffer(x, &v, kBufFullRO) < 0) return nullptr;
  Object* r = bytearray ? bytearray_from_string_and_size(nullptr, v.len)
                        : bytes_from_string_and_size(nullptr, v.len);
  if (r && v.len &&
      buffer_to_contiguous(bytearray ? bytearray_as_string(r) : bytes_as_string(r), &v, v.len,
                           'C') < 0)
    clear(r);
  buffer_release(&v);
  return r;
}

// The iterable-of-ints part of PyBytes_FromObject (_PyBytes_FromIterator, _PyBytes_FromList...).
int bytes_collect_ints(Object* x, const char* type_name, std::string* buf) {
  if (str_check(x)) {
    errors::format(exc_TypeError, "cannot convert 'str' object to %s", type_name);
    return -1;
  }
  Ref<> it = Ref<>::steal(object_get_iter(x));
  if (!it) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      errors::format(exc_TypeError, "cannot convert '%.200s' object to %s", x->type->name,
                     type_name);
    }
    return -1;
  }
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) {
      if (errors::occurred()) return -1;
      break;
    }
    ssize v = number_as_ssize(item.get(), nullptr);
    if (v == -1 && errors::occurred()) return -1;
    if (v < 0 || v >= 256) {
      errors::set_string(exc_ValueError, "bytes must be in range(0, 256)");
      return -1;
    }
    buf->push_back(static_cast<char>(v));
  }
  return 0;
}

std::string_view byteslike_view(Object* o) { return view(o); }

Object* bytes_maketrans(Object* frm, Object* to) {
  BufferHolder f, t;
  if (f.get(frm) < 0 || t.get(to) < 0) return nullptr;
  if (f.size() != t.size()) {
    errors::set_string(exc_ValueError, "maketrans arguments must have same length");
    return nullptr;
  }
  char table[256];
  for (int i = 0; i < 256; i++) table[i] = static_cast<char>(i);
  for (ssize i = 0; i < f.size(); i++)
    table[static_cast<unsigned char>(f.data()[i])] = t.data()[i];
  return bytes_from_string_and_size(table, 256);
}

// _Py_bytes_contains: an int in range(256) or a bytes-like needle.
int byteslike_contains(std::string_view hay, Object* arg) {
  if (index_check(arg)) {
    ssize v = number_as_ssize(arg, nullptr);
    if (v == -1 && errors::occurred()) return -1;
    if (v < 0 || v > 255) {
      errors::set_string(exc_ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return hay.find(static_cast<char>(v)) != std::string_view::npos;
  }
  BufferHolder h;
  if (h.get(arg) < 0) return -1;
  return hay.find(h.sv()) != std::string_view::npos;
}

const MethodDef* bytes_method(const char* name) {
  for (MethodDef* m = g_bytes_methods; m->name; m++)
    if (std::strcmp(m->name, name) == 0) return m;
  return nullptr;
}

TypeObject bytesiter_type = [] {
  TypeObject t = static_type("bytes_iterator", sizeof(BytesIterObject), 0, 0);
  t.dealloc = bytesiter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = bytesiter_next;
  t.methods = g_bytesiter_methods;
  return t;
}();

// The parts of bytes' type written here, filled by bytesobject.cpp's type initialiser.
void bytes_fill_type_methods(TypeObject* t) {
  t->methods = g_bytes_methods;
  t->new_ = bytes_tp_new;
  t->vectorcall = bytes_vectorcall;
  t->iter = bytes_iter;
  t->alloc = type_generic_alloc;
}

}  // namespace cppy::objects
