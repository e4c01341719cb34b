// Port of the codec cores of CPython 3.14's Objects/unicodeobject.c and
// Objects/stringlib/codecs.h (see codecs.h for the calling convention).
#include "unicode/codecs.h"

#include "unicode/unicodedata.h"

namespace cppy::unicode {

namespace {

using ssize = ptrdiff_t;

inline bool is_continuation(unsigned ch) { return ch >= 0x80 && ch < 0xC0; }
inline bool is_surrogate(char32_t ch) { return ch >= 0xD800 && ch <= 0xDFFF; }
inline bool is_high_surrogate(char32_t ch) { return ch >= 0xD800 && ch <= 0xDBFF; }
inline bool is_low_surrogate(char32_t ch) { return ch >= 0xDC00 && ch <= 0xDFFF; }

CodecStatus fail(CodecError* err, ssize start, ssize end, const char* reason) {
  err->start = start;
  err->end = end;
  err->reason = reason;
  return CodecStatus::Error;
}

const char kHexDigits[] = "0123456789abcdef";  // Py_hexdigits

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// --- UTF-8 ---------------------------------------------------------------------------------

// stringlib utf8_decode with unicode_decode_utf8's error classification.
CodecStatus utf8_decode(const char* str, ssize n, ssize* pos, std::u32string* out,
                        CodecError* err, bool final) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(str);
  ssize i = *pos;
  // The outcome at i: 0 end of data within a sequence, 1 invalid start, 2..4 invalid
  // continuation after 1..3 good bytes.
  int problem = -1;
  while (i < n) {
    unsigned ch = s[i];
    if (ch < 0x80) {
      out->push_back(ch);
      i++;
      continue;
    }
    if (ch < 0xE0) {  // C2..DF 80..BF: U+0080..U+07FF
      if (ch < 0xC2) {
        problem = 1;
        break;
      }
      if (n - i < 2) {
        problem = 0;
        break;
      }
      unsigned ch2 = s[i + 1];
      if (!is_continuation(ch2)) {
        problem = 2;
        break;
      }
      out->push_back(((ch & 0x1F) << 6) | (ch2 & 0x3F));
      i += 2;
      continue;
    }
    if (ch < 0xF0) {  // E0 A0..BF 80..BF, E1..EF 80..BF 80..BF except ED A0..BF (surrogates)
      if (n - i < 3) {
        if (n - i < 2) {
          problem = 0;
          break;
        }
        unsigned ch2 = s[i + 1];
        if (!is_continuation(ch2) || (ch2 < 0xA0 ? ch == 0xE0 : ch == 0xED)) problem = 2;
        else problem = 0;
        break;
      }
      unsigned ch2 = s[i + 1], ch3 = s[i + 2];
      if (!is_continuation(ch2) || (ch == 0xE0 && ch2 < 0xA0) || (ch == 0xED && ch2 >= 0xA0)) {
        problem = 2;
        break;
      }
      if (!is_continuation(ch3)) {
        problem = 3;
        break;
      }
      out->push_back(((ch & 0x0F) << 12) | ((ch2 & 0x3F) << 6) | (ch3 & 0x3F));
      i += 3;
      continue;
    }
    if (ch < 0xF5) {  // F0 90..BF, F1..F3 80..BF, F4 80..8F; then two continuations
      if (n - i < 4) {
        if (n - i < 2) {
          problem = 0;
          break;
        }
        unsigned ch2 = s[i + 1];
        if (!is_continuation(ch2) || (ch2 < 0x90 ? ch == 0xF0 : ch == 0xF4)) {
          problem = 2;
          break;
        }
        if (n - i < 3) {
          problem = 0;
          break;
        }
        problem = is_continuation(s[i + 2]) ? 0 : 3;
        break;
      }
      unsigned ch2 = s[i + 1], ch3 = s[i + 2], ch4 = s[i + 3];
      if (!is_continuation(ch2) || (ch == 0xF0 && ch2 < 0x90) || (ch == 0xF4 && ch2 >= 0x90)) {
        problem = 2;
        break;
      }
      if (!is_continuation(ch3)) {
        problem = 3;
        break;
      }
      if (!is_continuation(ch4)) {
        problem = 4;
        break;
      }
      out->push_back(((ch & 0x07) << 18) | ((ch2 & 0x3F) << 12) | ((ch3 & 0x3F) << 6) |
                     (ch4 & 0x3F));
      i += 4;
      continue;
    }
    problem = 1;
    break;
  }
  *pos = i;
  switch (problem) {
    case -1:
      return CodecStatus::Ok;
    case 0:
      if (!final) return CodecStatus::Incomplete;
      return fail(err, i, n, "unexpected end of data");
    case 1:
      return fail(err, i, i + 1, "invalid start byte");
    default:
      // A truncated surrogate (ED A0..BF at the very end) waits for more data when decoding
      // incrementally, so that surrogatepass can see the whole sequence.
      if (problem == 2 && !final && s[i] == 0xED && n - i == 2 && s[i + 1] >= 0xA0 &&
          s[i + 1] <= 0xBF)
        return CodecStatus::Incomplete;
      return fail(err, i, i + problem - 1, "invalid continuation byte");
  }
}

// stringlib utf8_encoder
CodecStatus utf8_encode(Units in, ssize* pos, std::string* out, CodecError* err) {
  ssize size = static_cast<ssize>(in.size());
  for (ssize i = *pos; i < size; i++) {
    char32_t ch = in[i];
    if (ch < 0x80) {
      out->push_back(static_cast<char>(ch));
    } else if (ch < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (ch >> 6)));
      out->push_back(static_cast<char>(0x80 | (ch & 0x3F)));
    } else if (is_surrogate(ch)) {
      ssize end = i + 1;
      while (end < size && is_surrogate(in[end])) end++;
      *pos = i;
      return fail(err, i, end, "surrogates not allowed");
    } else if (ch < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (ch >> 12)));
      out->push_back(static_cast<char>(0x80 | ((ch >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (ch & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (ch >> 18)));
      out->push_back(static_cast<char>(0x80 | ((ch >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((ch >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (ch & 0x3F)));
    }
  }
  *pos = size;
  return CodecStatus::Ok;
}

// --- UTF-16 / UTF-32 ---------------------------------------------------------------------

int utf16_detect_bom(const char* str, ssize n, ssize* bom_size) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(str);
  *bom_size = 0;
  if (n < 2) return 0;
  unsigned bom = (s[1] << 8) | s[0];
  if (bom == 0xFEFF) {
    *bom_size = 2;
    return -1;
  }
  if (bom == 0xFFFE) {
    *bom_size = 2;
    return 1;
  }
  return 0;
}

int utf32_detect_bom(const char* str, ssize n, ssize* bom_size) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(str);
  *bom_size = 0;
  if (n < 4) return 0;
  uint32_t bom = (uint32_t{s[3]} << 24) | (s[2] << 16) | (s[1] << 8) | s[0];
  if (bom == 0x0000FEFF) {
    *bom_size = 4;
    return -1;
  }
  if (bom == 0xFFFE0000) {
    *bom_size = 4;
    return 1;
  }
  return 0;
}

// PyUnicode_DecodeUTF16Stateful with stringlib utf16_decode.
CodecStatus utf16_decode(const char* str, ssize n, ssize* pos, std::u32string* out,
                         CodecError* err, bool little_endian, bool final) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(str);
  int ihi = little_endian ? 1 : 0, ilo = little_endian ? 0 : 1;
  ssize q = *pos;
  auto unit = [&](ssize at) -> char32_t { return (s[at + ihi] << 8) | s[at + ilo]; };
  while (n - q >= 2) {
    char32_t ch = unit(q);
    if (!is_surrogate(ch)) {
      out->push_back(ch);
      q += 2;
      continue;
    }
    *pos = q;
    if (!is_high_surrogate(ch)) return fail(err, q, q + 2, "illegal encoding");
    if (n - q < 4) {
      if (!final) return CodecStatus::Incomplete;
      return fail(err, q, n, "unexpected end of data");
    }
    char32_t ch2 = unit(q + 2);
    if (!is_low_surrogate(ch2)) return fail(err, q, q + 2, "illegal UTF-16 surrogate");
    out->push_back(0x10000 + (((ch & 0x3FF) << 10) | (ch2 & 0x3FF)));
    q += 4;
  }
  *pos = q;
  if (q == n) return CodecStatus::Ok;
  if (!final) return CodecStatus::Incomplete;
  return fail(err, q, n, "truncated data");
}

// PyUnicode_DecodeUTF32Stateful
CodecStatus utf32_decode(const char* str, ssize n, ssize* pos, std::u32string* out,
                         CodecError* err, bool little_endian, bool final) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(str);
  ssize q = *pos;
  while (n - q >= 4) {
    uint32_t ch = little_endian
                      ? (uint32_t{s[q + 3]} << 24) | (s[q + 2] << 16) | (s[q + 1] << 8) | s[q]
                      : (uint32_t{s[q]} << 24) | (s[q + 1] << 16) | (s[q + 2] << 8) | s[q + 3];
    if (is_surrogate(ch)) {
      *pos = q;
      return fail(err, q, q + 4, "code point in surrogate code point range(0xd800, 0xe000)");
    }
    if (ch >= 0x110000) {
      *pos = q;
      return fail(err, q, q + 4, "code point not in range(0x110000)");
    }
    out->push_back(ch);
    q += 4;
  }
  *pos = q;
  if (q == n) return CodecStatus::Ok;
  if (!final) return CodecStatus::Incomplete;
  return fail(err, q, n, "truncated data");
}

namespace {
void put16(std::string* out, uint32_t unit, bool le) {
  char a = static_cast<char>(unit & 0xFF), b = static_cast<char>(unit >> 8);
  if (le) {
    out->push_back(a);
    out->push_back(b);
  } else {
    out->push_back(b);
    out->push_back(a);
  }
}
}  // namespace

// PyUnicode_EncodeUTF16 (stringlib utf16_encode)
CodecStatus utf16_encode(Units in, ssize* pos, std::string* out, CodecError* err,
                         bool little_endian) {
  ssize size = static_cast<ssize>(in.size());
  for (ssize i = *pos; i < size; i++) {
    char32_t ch = in[i];
    if (is_surrogate(ch)) {
      *pos = i;
      return fail(err, i, i + 1, "surrogates not allowed");
    }
    if (ch < 0x10000) {
      put16(out, ch, little_endian);
    } else {
      put16(out, 0xD800 | ((ch - 0x10000) >> 10), little_endian);
      put16(out, 0xDC00 | ((ch - 0x10000) & 0x3FF), little_endian);
    }
  }
  *pos = size;
  return CodecStatus::Ok;
}

// PyUnicode_EncodeUTF32
CodecStatus utf32_encode(Units in, ssize* pos, std::string* out, CodecError* err,
                         bool little_endian) {
  ssize size = static_cast<ssize>(in.size());
  for (ssize i = *pos; i < size; i++) {
    char32_t ch = in[i];
    if (is_surrogate(ch)) {
      *pos = i;
      return fail(err, i, i + 1, "surrogates not allowed");
    }
    for (int k = 0; k < 4; k++) {
      int shift = little_endian ? 8 * k : 8 * (3 - k);
      out->push_back(static_cast<char>((ch >> shift) & 0xFF));
    }
  }
  *pos = size;
  return CodecStatus::Ok;
}

// --- UTF-7 -------------------------------------------------------------------------------------

namespace {
// utf7_category: 0 direct, 1 optional direct, 2 whitespace, 3 must be base64-encoded.
const unsigned char kUtf7Category[128] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3,  // NUL .. SI
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,  // DLE .. US
    2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 3, 0, 0, 0, 0,  // space .. /
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0,  // 0 .. ?
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // @ .. O
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1, 1,  // P .. _
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // ` .. o
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3,  // p .. DEL
};
const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

inline bool is_base64(unsigned c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}
inline unsigned from_base64(unsigned c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  return c == '+' ? 62 : 63;
}
inline bool decode_direct(unsigned c) { return c <= 127 && c != '+'; }
// ENCODE_DIRECT with the optional direct characters and whitespace sent directly.
inline bool encode_direct(char32_t c) { return c > 0 && c < 128 && kUtf7Category[c] != 3; }
}  // namespace

// PyUnicode_DecodeUTF7Stateful
CodecStatus utf7_decode(const char* str, ssize n, ssize* pos, std::u32string* out,
                        CodecError* err, bool final) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(str);
  ssize i = *pos;
  bool in_shift = false;
  int base64bits = 0;
  uint32_t base64buffer = 0;
  char32_t surrogate = 0;
  ssize start = i;
  size_t shift_out_start = out->size();
  while (i < n) {
    unsigned ch = s[i];
    if (in_shift) {
      if (is_base64(ch)) {
        base64buffer = (base64buffer << 6) | from_base64(ch);
        base64bits += 6;
        i++;
        if (base64bits >= 16) {
          char32_t out_ch = (base64buffer >> (base64bits - 16)) & 0xFFFF;
          base64bits -= 16;
          base64buffer &= (1u << base64bits) - 1;
          if (surrogate) {
            if (is_low_surrogate(out_ch)) {
              out->push_back(0x10000 + (((surrogate & 0x3FF) << 10) | (out_ch & 0x3FF)));
              surrogate = 0;
              continue;
            }
            out->push_back(surrogate);
            surrogate = 0;
          }
          if (is_high_surrogate(out_ch)) surrogate = out_ch;
          else out->push_back(out_ch);
        }
        continue;
      }
      // Leaving the base-64 section.
      in_shift = false;
      if (base64bits > 0) {
        if (base64bits >= 6) {
          i++;
          *pos = start;
          return fail(err, start, i, "partial character in shift sequence");
        }
        if (base64buffer != 0) {
          i++;
          *pos = start;
          return fail(err, start, i, "non-zero padding bits in shift sequence");
        }
      }
      if (surrogate && decode_direct(ch)) out->push_back(surrogate);
      surrogate = 0;
      if (ch == '-') i++;  // absorbed; other terminators are kept
      continue;
    }
    if (ch == '+') {
      start = i;
      i++;
      if (i < n && s[i] == '-') {  // "+-" is '+'
        i++;
        out->push_back('+');
      } else if (i < n && !is_base64(s[i])) {
        i++;
        *pos = start;
        return fail(err, start, i, "ill-formed sequence");
      } else {
        in_shift = true;
        surrogate = 0;
        shift_out_start = out->size();
        base64bits = 0;
        base64buffer = 0;
      }
      continue;
    }
    if (decode_direct(ch)) {
      out->push_back(ch);
      i++;
      continue;
    }
    *pos = i;
    return fail(err, i, i + 1, "unexpected special character");
  }
  if (in_shift) {
    if (!final) {
      out->resize(shift_out_start);
      *pos = start;
      return CodecStatus::Incomplete;
    }
    if (surrogate || base64bits >= 6 || (base64bits > 0 && base64buffer != 0)) {
      *pos = start;
      return fail(err, start, n, "unterminated shift sequence");
    }
  }
  *pos = n;
  return CodecStatus::Ok;
}

// _PyUnicode_EncodeUTF7 (base64SetO and base64WhiteSpace false, as the codec calls it)
std::string utf7_encode(Units in) {
  std::string out;
  bool in_shift = false;
  int base64bits = 0;
  uint64_t base64buffer = 0;
  auto emit_units = [&](char32_t unit) {
    base64bits += 16;
    base64buffer = (base64buffer << 16) | unit;
    while (base64bits >= 6) {
      out.push_back(kBase64[(base64buffer >> (base64bits - 6)) & 0x3F]);
      base64bits -= 6;
    }
  };
  for (size_t i = 0; i < in.size(); i++) {
    char32_t ch = in[i];
    if (in_shift) {
      if (encode_direct(ch)) {
        if (base64bits) {
          out.push_back(kBase64[(base64buffer << (6 - base64bits)) & 0x3F]);
          base64buffer = 0;
          base64bits = 0;
        }
        in_shift = false;
        // A base-64 character or '-' would be read as part of the sequence: close it.
        if (is_base64(ch) || ch == '-') out.push_back('-');
        out.push_back(static_cast<char>(ch));
        continue;
      }
    } else if (ch == '+') {
      out += "+-";
      continue;
    } else if (encode_direct(ch)) {
      out.push_back(static_cast<char>(ch));
      continue;
    } else {
      out.push_back('+');
      in_shift = true;
    }
    if (ch >= 0x10000) {
      emit_units(0xD800 | ((ch - 0x10000) >> 10));
      ch = 0xDC00 | ((ch - 0x10000) & 0x3FF);
    }
    emit_units(ch);
  }
  if (base64bits) out.push_back(kBase64[(base64buffer << (6 - base64bits)) & 0x3F]);
  if (in_shift) out.push_back('-');
  return out;
}

// --- latin-1, ASCII --------------------------------------------------------------------------

void latin1_decode(const char* s, ssize n, std::u32string* out) {
  for (ssize i = 0; i < n; i++) out->push_back(static_cast<unsigned char>(s[i]));
}

// PyUnicode_DecodeASCII
CodecStatus ascii_decode(const char* s, ssize n, ssize* pos, std::u32string* out,
                         CodecError* err) {
  for (ssize i = *pos; i < n; i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      *pos = i;
      return fail(err, i, i + 1, "ordinal not in range(128)");
    }
    out->push_back(c);
  }
  *pos = n;
  return CodecStatus::Ok;
}

namespace {
// _PyUnicode_EncodeUCS1
CodecStatus encode_ucs1(Units in, ssize* pos, std::string* out, CodecError* err,
                        char32_t limit) {
  ssize size = static_cast<ssize>(in.size());
  for (ssize i = *pos; i < size; i++) {
    char32_t ch = in[i];
    if (ch < limit) {
      out->push_back(static_cast<char>(ch));
      continue;
    }
    ssize end = i + 1;
    while (end < size && in[end] >= limit) end++;
    *pos = i;
    return fail(err, i, end,
                limit == 256 ? "ordinal not in range(256)" : "ordinal not in range(128)");
  }
  *pos = size;
  return CodecStatus::Ok;
}
}  // namespace

CodecStatus latin1_encode(Units in, ssize* pos, std::string* out, CodecError* err) {
  return encode_ucs1(in, pos, out, err, 256);
}
CodecStatus ascii_encode(Units in, ssize* pos, std::string* out, CodecError* err) {
  return encode_ucs1(in, pos, out, err, 128);
}

// --- unicode-escape ----------------------------------------------------------------------------

// _PyUnicode_DecodeUnicodeEscapeInternal2
CodecStatus unicode_escape_decode(const char* str, ssize n, ssize* pos, std::u32string* out,
                                  CodecError* err, bool final, EscapeInfo* info) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(str);
  ssize i = *pos;
  auto note_invalid = [&](int ch, ssize at) {
    if (info && info->first_invalid_escape_char == -1) {
      info->first_invalid_escape_char = ch;
      info->first_invalid_escape_pos = at;
    }
  };
  while (i < n) {
    unsigned char c = s[i++];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    ssize start = i - 1;
    const char* message;
    bool incomplete = false;
    if (i >= n) {
      message = "\\ at end of string";
      incomplete = true;
    } else {
      c = s[i++];
      int count = 0;
      switch (c) {
        case '\n': continue;
        case '\\': out->push_back('\\'); continue;
        case '\'': out->push_back('\''); continue;
        case '"': out->push_back('"'); continue;
        case 'b': out->push_back('\b'); continue;
        case 'f': out->push_back('\f'); continue;
        case 't': out->push_back('\t'); continue;
        case 'n': out->push_back('\n'); continue;
        case 'r': out->push_back('\r'); continue;
        case 'v': out->push_back('\v'); continue;
        case 'a': out->push_back('\a'); continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          char32_t ch = c - '0';
          if (i < n && s[i] >= '0' && s[i] <= '7') {
            ch = (ch << 3) + s[i++] - '0';
            if (i < n && s[i] >= '0' && s[i] <= '7') ch = (ch << 3) + s[i++] - '0';
          }
          // Above 0o377 only with three digits: CPython points three characters back.
          if (ch > 0377) note_invalid(static_cast<int>(ch), i - 3);
          out->push_back(ch);
          continue;
        }
        case 'x':
          count = 2;
          message = "truncated \\xXX escape";
          break;
        case 'u':
          count = 4;
          message = "truncated \\uXXXX escape";
          break;
        case 'U':
          count = 8;
          message = "truncated \\UXXXXXXXX escape";
          break;
        case 'N': {
          message = "malformed \\N character escape";
          if (i >= n) {
            incomplete = true;
            break;
          }
          if (s[i] == '{') {
            ssize name_start = ++i;
            while (i < n && s[i] != '}') i++;
            if (i >= n) {
              incomplete = true;
              break;
            }
            ssize namelen = i - name_start;
            if (namelen) {
              i++;
              char32_t ch;
              if (lookup_code(std::string_view(str + name_start, namelen), &ch, false)) {
                out->push_back(ch);
                continue;
              }
              message = "unknown Unicode character name";
            }
          }
          break;
        }
        default:
          note_invalid(c, i - 1);
          out->push_back('\\');
          out->push_back(c);
          continue;
      }
      if (count) {
        char32_t ch = 0;
        bool bad = false;
        for (; count; ++i, --count) {
          if (i >= n) {
            incomplete = true;
            break;
          }
          int v = hex_value(s[i]);
          if (v < 0) {
            bad = true;
            break;
          }
          ch = (ch << 4) + v;
        }
        if (!incomplete && !bad) {
          if (ch > 0x10FFFF) {
            message = "illegal Unicode character";
          } else {
            out->push_back(ch);
            continue;
          }
        }
      }
    }
    if (incomplete && !final) {
      *pos = start;
      return CodecStatus::Incomplete;
    }
    *pos = start;
    return fail(err, start, i, message);
  }
  *pos = n;
  return CodecStatus::Ok;
}

// _PyUnicode_DecodeRawUnicodeEscapeStateful
CodecStatus raw_unicode_escape_decode(const char* str, ssize n, ssize* pos,
                                      std::u32string* out, CodecError* err, bool final) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(str);
  ssize i = *pos;
  while (i < n) {
    unsigned char c = s[i++];
    // A backslash at the very end is kept as is, unless more data may follow.
    if (c != '\\' || (i >= n && final)) {
      out->push_back(c);
      continue;
    }
    ssize start = i - 1;
    if (i >= n) {  // only when !final
      *pos = start;
      return CodecStatus::Incomplete;
    }
    c = s[i++];
    int count;
    const char* message;
    if (c == 'u') {
      count = 4;
      message = "truncated \\uXXXX escape";
    } else if (c == 'U') {
      count = 8;
      message = "truncated \\UXXXXXXXX escape";
    } else {
      out->push_back('\\');
      out->push_back(c);
      continue;
    }
    char32_t ch = 0;
    bool incomplete = false, bad = false;
    for (; count; ++i, --count) {
      if (i >= n) {
        incomplete = true;
        break;
      }
      int v = hex_value(s[i]);
      if (v < 0) {
        bad = true;
        break;
      }
      ch = (ch << 4) + v;
    }
    if (!incomplete && !bad) {
      if (ch <= 0x10FFFF) {
        out->push_back(ch);
        continue;
      }
      message = "\\Uxxxxxxxx out of range";
    }
    *pos = start;
    if (incomplete && !final) return CodecStatus::Incomplete;
    return fail(err, start, i, message);
  }
  *pos = n;
  return CodecStatus::Ok;
}

namespace {
void put_hex_escape(std::string* out, char kind, char32_t ch, int digits) {
  out->push_back('\\');
  out->push_back(kind);
  for (int k = digits - 1; k >= 0; k--) out->push_back(kHexDigits[(ch >> (4 * k)) & 0xF]);
}
}  // namespace

// PyUnicode_AsUnicodeEscapeString
std::string unicode_escape_encode(Units in) {
  std::string out;
  for (size_t i = 0; i < in.size(); i++) {
    char32_t ch = in[i];
    if (ch < 0x100) {
      if (ch >= ' ' && ch < 127) {
        if (ch == '\\') out += "\\\\";
        else out.push_back(static_cast<char>(ch));
      } else if (ch == '\t') {
        out += "\\t";
      } else if (ch == '\n') {
        out += "\\n";
      } else if (ch == '\r') {
        out += "\\r";
      } else {
        put_hex_escape(&out, 'x', ch, 2);
      }
    } else if (ch < 0x10000) {
      put_hex_escape(&out, 'u', ch, 4);
    } else {
      put_hex_escape(&out, 'U', ch, 8);
    }
  }
  return out;
}

// PyUnicode_AsRawUnicodeEscapeString
std::string raw_unicode_escape_encode(Units in) {
  std::string out;
  for (size_t i = 0; i < in.size(); i++) {
    char32_t ch = in[i];
    if (ch < 0x100) out.push_back(static_cast<char>(ch));
    else if (ch < 0x10000) put_hex_escape(&out, 'u', ch, 4);
    else put_hex_escape(&out, 'U', ch, 8);
  }
  return out;
}

// --- charmap -----------------------------------------------------------------------------------

// charmap_decode_string
CodecStatus charmap_decode(const char* s, ssize n, ssize* pos, std::u32string* out,
                           CodecError* err, std::u32string_view table) {
  for (ssize i = *pos; i < n; i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t ch = c < table.size() ? table[c] : 0xFFFE;
    if (ch == 0xFFFE) {
      *pos = i;
      return fail(err, i, i + 1, "character maps to <undefined>");
    }
    out->push_back(ch);
  }
  *pos = n;
  return CodecStatus::Ok;
}

// _PyUnicode_EncodeCharmap (the run of unmappable characters is one error)
CodecStatus charmap_encode(Units in, ssize* pos, std::string* out, CodecError* err,
                           CharmapEncodeFn map, const void* context) {
  ssize size = static_cast<ssize>(in.size());
  for (ssize i = *pos; i < size; i++) {
    int b = map(in[i], context);
    if (b >= 0) {
      out->push_back(static_cast<char>(b));
      continue;
    }
    ssize end = i + 1;
    while (end < size && map(in[end], context) < 0) end++;
    *pos = i;
    return fail(err, i, end, "character maps to <undefined>");
  }
  *pos = size;
  return CodecStatus::Ok;
}

}  // namespace cppy::unicode
