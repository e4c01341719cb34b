// Codec cores of CPython 3.14 (Objects/unicodeobject.c, Objects/stringlib/codecs.h) as pure
// functions: UTF-8, UTF-16, UTF-32, latin-1, ASCII, unicode-escape, raw-unicode-escape and
// charmap. Error handlers live with str (src/objects): every function here stops at the first
// error with a CodecError record (start, end and CPython's exact reason) and can be called
// again from the position the handler chooses, which is how CPython's loops call handlers.
//
// Decoders: decode s[*pos:n], appending to *out, and advance *pos.
//   Ok          everything decoded (*pos == n)
//   Error       *err describes the error; *pos == err->start
//   Incomplete  only with final == false: s[*pos:n] is the start of a sequence that more data
//               may complete (CPython's `consumed` mode); nothing of it was decoded
// Encoders: encode units[*pos:], appending bytes to *out, same statuses (no Incomplete).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "unicode/units.h"

namespace cppy::unicode {

struct CodecError {
  ptrdiff_t start = 0;
  ptrdiff_t end = 0;
  const char* reason = nullptr;
};

enum class CodecStatus { Ok, Error, Incomplete };

// --- UTF-8 (stringlib utf8_decode, unicode_decode_utf8, utf8_encoder) ---------------------
// Reasons: "invalid start byte" (end = start + 1), "invalid continuation byte" (end = start +
// number of valid bytes before the bad one), "unexpected end of data" (end = n).
CodecStatus utf8_decode(const char* s, ptrdiff_t n, ptrdiff_t* pos, std::u32string* out,
                        CodecError* err, bool final = true);
// The error covers the whole run of consecutive surrogates: "surrogates not allowed". (CPython's
// own surrogateescape fast path narrows it to the first surrogate it cannot escape.)
CodecStatus utf8_encode(Units in, ptrdiff_t* pos, std::string* out, CodecError* err);

// --- UTF-16 / UTF-32 (PyUnicode_DecodeUTF16Stateful, DecodeUTF32Stateful, encoders) --------
// The byte order mark at the start of s, as CPython's "utf-16"/"utf-32" codecs read it: -1
// little-endian, 1 big-endian, 0 none; *bom_size gets its length (0, 2 or 4).
int utf16_detect_bom(const char* s, ptrdiff_t n, ptrdiff_t* bom_size);
int utf32_detect_bom(const char* s, ptrdiff_t n, ptrdiff_t* bom_size);
// Reasons: "truncated data", "unexpected end of data", "illegal encoding" (lone low
// surrogate), "illegal UTF-16 surrogate" (high surrogate not followed by a low one).
CodecStatus utf16_decode(const char* s, ptrdiff_t n, ptrdiff_t* pos, std::u32string* out,
                         CodecError* err, bool little_endian, bool final = true);
// Reasons: "truncated data", "code point not in range(0x110000)", "code point in surrogate
// code point range(0xd800, 0xe000)".
CodecStatus utf32_decode(const char* s, ptrdiff_t n, ptrdiff_t* pos, std::u32string* out,
                         CodecError* err, bool little_endian, bool final = true);
// The error is one surrogate: "surrogates not allowed".
CodecStatus utf16_encode(Units in, ptrdiff_t* pos, std::string* out, CodecError* err,
                         bool little_endian);
CodecStatus utf32_encode(Units in, ptrdiff_t* pos, std::string* out, CodecError* err,
                         bool little_endian);

// --- UTF-7 (PyUnicode_DecodeUTF7Stateful, _PyUnicode_EncodeUTF7) ---------------------------
// Reasons: "unexpected special character", "ill-formed sequence", "partial character in shift
// sequence", "non-zero padding bits in shift sequence", "unterminated shift sequence" (the
// last from the '+' to the end). Every error leaves the decoder outside a shift sequence, so
// resuming at the handler's position is CPython's behaviour. Incomplete: *pos is the '+' of the
// open shift sequence, and what it decoded so far is taken back out of *out.
CodecStatus utf7_decode(const char* s, ptrdiff_t n, ptrdiff_t* pos, std::u32string* out,
                        CodecError* err, bool final = true);
// Never fails (surrogates are encoded as UTF-16 units).
std::string utf7_encode(Units in);

// --- latin-1, ASCII (PyUnicode_DecodeASCII, _PyUnicode_EncodeUCS1) ------------------------
void latin1_decode(const char* s, ptrdiff_t n, std::u32string* out);
// One byte per error: "ordinal not in range(128)".
CodecStatus ascii_decode(const char* s, ptrdiff_t n, ptrdiff_t* pos, std::u32string* out,
                         CodecError* err);
// The error covers the run of unencodable characters: "ordinal not in range(256)" / "(128)".
CodecStatus latin1_encode(Units in, ptrdiff_t* pos, std::string* out, CodecError* err);
CodecStatus ascii_encode(Units in, ptrdiff_t* pos, std::string* out, CodecError* err);

// --- unicode-escape, raw-unicode-escape ---------------------------------------------------
// The first invalid escape seen (_PyUnicode_DecodeUnicodeEscapeInternal2's
// first_invalid_escape_char/_ptr), for the parser's SyntaxWarning and the codec's
// DeprecationWarning: the character after the backslash, or the value of an octal escape
// above 0o377; pos is the offset in s of that character (of the octal digits' start minus
// nothing: the first of the three digits). -1 when there was none.
struct EscapeInfo {
  int first_invalid_escape_char = -1;
  ptrdiff_t first_invalid_escape_pos = -1;
};
// Reasons: "\\ at end of string", "truncated \\xXX escape", "truncated \\uXXXX escape",
// "truncated \\UXXXXXXXX escape", "illegal Unicode character", "malformed \\N character
// escape", "unknown Unicode character name".
CodecStatus unicode_escape_decode(const char* s, ptrdiff_t n, ptrdiff_t* pos,
                                  std::u32string* out, CodecError* err, bool final = true,
                                  EscapeInfo* info = nullptr);
// Reasons: "truncated \\uXXXX escape", "truncated \\UXXXXXXXX escape",
// "\\Uxxxxxxxx out of range".
CodecStatus raw_unicode_escape_decode(const char* s, ptrdiff_t n, ptrdiff_t* pos,
                                      std::u32string* out, CodecError* err, bool final = true);
// PyUnicode_AsUnicodeEscapeString, PyUnicode_AsRawUnicodeEscapeString (never fail).
std::string unicode_escape_encode(Units in);
std::string raw_unicode_escape_encode(Units in);

// --- charmap (basics) ----------------------------------------------------------------------
// Decoding through a decoding table (a str of up to 256 characters, as the codecs' tables):
// bytes beyond the table or mapping to U+FFFE fail one byte at a time with "character maps to
// <undefined>".
CodecStatus charmap_decode(const char* s, ptrdiff_t n, ptrdiff_t* pos, std::u32string* out,
                           CodecError* err, std::u32string_view table);
// Encoding through a function giving the byte of a character or -1; the error covers the run
// of unmappable characters: "character maps to <undefined>".
using CharmapEncodeFn = int (*)(char32_t ch, const void* context);
CodecStatus charmap_encode(Units in, ptrdiff_t* pos, std::string* out, CodecError* err,
                           CharmapEncodeFn map, const void* context);

}  // namespace cppy::unicode
