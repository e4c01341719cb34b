// str: Include/cpython/unicodeobject.h, Include/unicodeobject.h, Objects/unicodeobject.c.
//
// The PEP 393 layout, as CPython's structs so that sizes behave alike: a compact ASCII string
// is an AsciiObject followed by its characters (one byte each, NUL-terminated); a compact
// non-ASCII string is a CompactUnicodeObject (with the cached UTF-8 form) followed by its
// characters in the narrowest kind that holds them (latin-1, UCS-2 or UCS-4). Instances of
// str subclasses are "legacy" UnicodeObjects whose characters live in a separate block.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "objects/object.h"
#include "objects/typeobject.h"
#include "unicode/units.h"

namespace cppy::objects {

using UCS1 = uint8_t;
using UCS2 = uint16_t;
using UCS4 = uint32_t;

inline constexpr UCS4 kMaxUnicode = 0x10ffff;

// PyUnicode_*_KIND: bytes per character.
enum StrKind : unsigned { kKind1 = 1, kKind2 = 2, kKind4 = 4 };

// SSTATE_*: interning states.
enum InternState : unsigned {
  kNotInterned = 0,
  kInternedMortal = 1,
  kInternedImmortal = 2,
  kInternedImmortalStatic = 3,
};

struct StrState {
  unsigned interned : 2;
  unsigned kind : 3;
  unsigned compact : 1;
  unsigned ascii : 1;
  unsigned statically_allocated : 1;
  unsigned : 24;
};

// PyASCIIObject.
struct AsciiObject : Object {
  ssize length;
  hash_t hash;  // -1 until computed
  StrState state;
};

// PyCompactUnicodeObject.
struct CompactUnicodeObject : AsciiObject {
  ssize utf8_length;
  char* utf8;  // cached UTF-8 form, NUL-terminated; nullptr until asked for
};

// PyUnicodeObject: strings created by str subclasses keep their characters here.
struct UnicodeObject : CompactUnicodeObject {
  void* data;
};

extern TypeObject str_type;           // PyUnicode_Type

inline bool str_check(Object* o) { return is_type_subclass_fast(o, kTpflagsUnicodeSubclass); }
inline bool str_check_exact(Object* o) { return o->type == &str_type; }

inline AsciiObject* as_ascii(Object* o) { return static_cast<AsciiObject*>(o); }
inline ssize str_length(Object* o) { return as_ascii(o)->length; }
inline unsigned str_kind(Object* o) { return as_ascii(o)->state.kind; }
inline bool str_is_ascii(Object* o) { return as_ascii(o)->state.ascii; }
inline bool str_is_compact(Object* o) { return as_ascii(o)->state.compact; }
// PyUnicode_DATA.
inline void* str_data(Object* o) {
  AsciiObject* a = as_ascii(o);
  if (a->state.compact) {
    if (a->state.ascii) return a + 1;
    return static_cast<CompactUnicodeObject*>(a) + 1;
  }
  return static_cast<UnicodeObject*>(a)->data;
}
inline UCS1* str_1byte(Object* o) { return static_cast<UCS1*>(str_data(o)); }
inline UCS2* str_2byte(Object* o) { return static_cast<UCS2*>(str_data(o)); }
inline UCS4* str_4byte(Object* o) { return static_cast<UCS4*>(str_data(o)); }
// PyUnicode_READ.
inline UCS4 str_read(unsigned kind, const void* data, ssize i) {
  if (kind == kKind1) return static_cast<const UCS1*>(data)[i];
  if (kind == kKind2) return static_cast<const UCS2*>(data)[i];
  return static_cast<const UCS4*>(data)[i];
}
inline void str_write(unsigned kind, void* data, ssize i, UCS4 ch) {
  if (kind == kKind1)
    static_cast<UCS1*>(data)[i] = static_cast<UCS1>(ch);
  else if (kind == kKind2)
    static_cast<UCS2*>(data)[i] = static_cast<UCS2>(ch);
  else
    static_cast<UCS4*>(data)[i] = ch;
}
inline UCS4 str_read_char(Object* o, ssize i) { return str_read(str_kind(o), str_data(o), i); }
// The code units of a str, for the algorithms of src/unicode.
inline unicode::Units str_units(Object* o) {
  return unicode::Units(str_data(o), static_cast<int>(str_kind(o)),
                        static_cast<size_t>(str_length(o)));
}
// PyUnicode_MAX_CHAR_VALUE: the largest character the string's kind allows.
inline UCS4 str_max_char_value(Object* o) {
  if (str_is_ascii(o)) return 0x7f;
  unsigned k = str_kind(o);
  return k == kKind1 ? 0xff : k == kKind2 ? 0xffff : kMaxUnicode;
}

// PyUnicode_New: an uninitialised compact string of size characters able to hold maxchar.
Object* str_new(ssize size, UCS4 maxchar);
// After the hash key changed (PYTHONHASHSEED at start-up): the interned strings, hashed
// during static initialisation, get their hashes recomputed with the new key.
void str_rehash_interned();
// The empty string (borrowed, immortal) and the one-character strings (new references;
// characters below 256 come from an immortal cache): unicode_get_empty, unicode_char.
Object* str_empty();
Object* str_from_ordinal(UCS4 ch);  // PyUnicode_FromOrdinal (ValueError beyond 0x10ffff)
Object* str_from_char(UCS4 ch);     // unicode_char: ch must be valid
// The immortal one-character strings of U+0000..U+00FF (LATIN1), for inline use.
extern Object* g_latin1[256];
inline Object* str_latin1_char(UCS1 ch) { return new_ref(g_latin1[ch]); }

// Creation from text. str_from_utf8 is strict (UnicodeDecodeError).
Object* str_from_utf8(const char* s, ssize n);
Object* str_from_cstr(const char* s);
Object* str_from_ascii(const char* s, ssize n);  // trusted pure ASCII
Object* str_from_latin1(const UCS1* s, ssize n);
// PyUnicode_FromKindAndData: characters of the given width; the result uses the narrowest kind.
Object* str_from_kind_and_data(unsigned kind, const void* data, ssize n);
inline Object* str_from_string_view(std::string_view s) {
  return str_from_utf8(s.data(), static_cast<ssize>(s.size()));
}
// PyUnicode_DecodeUTF8Stateful: errors nullptr/"strict", "replace", "ignore",
// "surrogateescape", "surrogatepass", "backslashreplace"; with consumed non-null, an incomplete
// sequence at the end is left undecoded and the count of bytes used stored there.
Object* str_decode_utf8(const char* s, ssize n, const char* errors, ssize* consumed = nullptr);

// PyUnicode_AsUTF8AndSize: the cached UTF-8 form (borrowed; lives as long as s). nullptr with
// UnicodeEncodeError set if s holds lone surrogates.
const char* str_as_utf8(Object* s, ssize* size = nullptr);

// Interning (PyUnicode_InternFromString, _PyUnicode_InternImmortal). Interned strings are
// immortal, as CPython 3.14 makes most of them.
Object* str_intern_from_cstr(const char* s);
void str_intern_in_place(Object** p);
ssize str_interned_count();  // size of the interned table (for tests)

// _PyUnicode_Equal: both must be str.
bool str_equal(Object* a, Object* b);
// PyUnicode_Compare on two str: -1, 0 or 1 (code point order).
int str_compare(Object* a, Object* b);
// PyUnicode_CompareWithASCIIString: c is Latin-1 bytes (ASCII in practice). -1, 0 or 1.
int str_compare_cstr(Object* s, const char* c);
// _PyUnicode_EqualToASCIIString.
bool str_equal_cstr(Object* s, const char* c);

// PyUnicode_FromFormat / FromFormatV: printf-like with %c %d %i %u %x %X %o (l ll z t j
// size modifiers), %p %s %V %U %S %R %A %T %#T %N %#N, flags '-' '0' '#', width, precision.
Object* str_from_format(const char* fmt, ...);
Object* str_from_format_v(const char* fmt, va_list args);

// PyUnicode_Concat: both operands must be str (TypeError otherwise, CPython's message).
Object* str_concat(Object* a, Object* b);
// _PyUnicode_JoinArray: items (which must be str: TypeError otherwise) joined by sep (null
// for none); a single exact str item is returned itself.
Object* str_join_array(Object* sep, Object* const* items, ssize n);
// PyUnicode_Append: *pleft = *pleft + right; *pleft set to nullptr on failure.
void str_append(Object** pleft, Object* right);
// PyUnicode_Substring: characters [start, end), clamped.
Object* str_substring(Object* s, ssize start, ssize end);
// PyUnicode_FindChar: index of ch in s[start:end] or -1 (direction > 0 forward).
ssize str_find_char(Object* s, UCS4 ch, ssize start, ssize end, int direction);
// _PyUnicode_FindMaxChar over s[start:end].
UCS4 str_find_max_char(Object* s, ssize start, ssize end);

// The slots, exposed for the interpreter's fast paths and tests.
hash_t str_hash(Object* s);          // unicode_hash
Object* str_repr(Object* s);         // unicode_repr
Object* str_richcompare(Object* a, Object* b, int op);
Object* str_getitem(Object* s, ssize i);  // unicode_getitem: IndexError past the end
// Slicing with normalised indices (PySlice_AdjustIndices done by the caller).
Object* str_get_slice(Object* s, ssize start, ssize step, ssize slicelength);
Object* str_repeat(Object* s, ssize n);
int str_contains(Object* s, Object* sub);  // PyUnicode_Contains: 1, 0 or -1
// Escapes s as repr() and then ascii() do for non-ASCII characters (PyObject_ASCII helper):
// every character >= 128 becomes \xhh, \uhhhh or \Uhhhhhhhh.
Object* str_ascii_escape(Object* repr);

// Character classes used by repr and friends until the Unicode database is wired in
// (Py_UNICODE_ISPRINTABLE).
bool ucs_is_printable(UCS4 ch);

// _PyUnicodeWriter: builds a string of unknown length, widening its kind as needed. The
// characters go straight into a compact str object of the widest kind written so far, which
// finish() shrinks to its length and returns (no second buffer, no final copy).
class StrWriter {
 public:
  StrWriter() = default;
  StrWriter(const StrWriter&) = delete;
  StrWriter& operator=(const StrWriter&) = delete;
  ~StrWriter();

  int write_char(UCS4 ch);                                    // -1 on MemoryError
  int write_ascii(const char* s, ssize n);                    // trusted ASCII
  int write_ascii(const char* s);
  int write_latin1(const UCS1* s, ssize n);
  int write_str(Object* s);                                   // a whole str
  int write_substr(Object* s, ssize start, ssize end);
  int write_utf8(const char* s, ssize n, const char* errors = "strict");
  int fill(UCS4 ch, ssize count);
  int reserve(ssize extra, UCS4 maxchar);
  ssize length() const { return pos_; }
  UCS4 maxchar() const { return maxchar_; }
  UCS4 char_at(ssize i) const;
  void truncate(ssize n);
  // _PyUnicodeWriter's overallocate flag, which its users clear before their last write:
  // a whole str written into an empty writer then is kept as the result itself (the
  // writer's readonly buffer), so '%s' % s and '{}'.format(s) give s, and a format string
  // without fields gives itself (even a str subclass instance).
  void set_overallocate(bool on) { overallocate_ = on; }
  // Produces the string (new reference) and resets the writer.
  Object* finish();

 private:
  int grow(ssize need, UCS4 maxchar);
  void release();
  Object* readonly_ = nullptr;  // the str kept as the result, nothing copied yet
  bool overallocate_ = true;
  Object* str_ = nullptr;  // the str being filled (its length is cap_ until finish)
  void* buf_ = nullptr;    // its characters, kind_-sized
  unsigned kind_ = kKind1;
  UCS4 bufmax_ = 0;      // the largest character str_'s layout allows (0: no str_ yet)
  UCS4 maxchar_ = 0;     // largest character written
  ssize pos_ = 0;
  ssize cap_ = 0;
};

// str(...) of a subclass: an instance of type (a str subclass) with the characters of s.
Object* str_subclass_copy(TypeObject* type, Object* s);
// iter(s): a str_ascii_iterator or str_iterator.
Object* str_iter(Object* s);
extern TypeObject str_iter_type;        // str_iterator
extern TypeObject str_ascii_iter_type;  // str_ascii_iterator
// str.encode / PyUnicode_AsEncodedString for the built-in codecs (utf-8, ascii, latin-1,
// utf-16, utf-32 and their aliases) with the standard error handlers; LookupError for others.
Object* str_encode(Object* s, const char* encoding, const char* errors);
// str(obj, encoding, errors) (PyUnicode_FromEncodedObject): bytes-like obj decoded.
Object* str_decode_object(Object* obj, const char* encoding, const char* errors);

// Called once at start-up (and by tests): builds the character caches and the interned table.
void str_init();
// Readies the static types of the text and number objects (str, int, bool, float) with
// type_ready; runtime::initialize_objects calls it. 0 or -1.
int text_types_ready();

}  // namespace cppy::objects
